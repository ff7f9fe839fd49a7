//! Flat table rows built from a [`CorpusAnalysis`]: what the app's tables
//! show and what the CSV and JSON exports write, so the two always agree.
//!
//! Every builder returns rows in a deterministic order.

use crate::{CorpusAnalysis, FactValue};
use serde::{Deserialize, Serialize};

/// One row of the Entities table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRow {
    /// Corpus-level entity id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `organization`, `person`, `place` or `programme`.
    pub kind: String,
    /// A person's role.
    pub role: Option<String>,
    /// A person's organisation.
    pub organization: Option<String>,
    /// Other names, joined with `; `.
    pub aliases: String,
    /// Files it appears in, joined with `; `.
    pub articles: String,
    /// Number of mentions over all articles.
    pub mentions: usize,
}

/// One row of the Quantities table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityRow {
    /// The file.
    pub article: String,
    /// Index of the article in the corpus.
    pub article_index: usize,
    /// The words as written.
    pub text: String,
    /// Normalised value.
    pub value: f64,
    /// High end of a range.
    pub value_max: Option<f64>,
    /// Unit.
    pub unit: Option<String>,
    /// Rate period.
    pub per: Option<String>,
    /// Qualifier ("about", "over").
    pub qualifier: Option<String>,
    /// Byte offset in the article text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The sentence.
    pub sentence: String,
}

/// One row of the Facts table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactRow {
    /// The file.
    pub article: String,
    /// Index of the article in the corpus.
    pub article_index: usize,
    /// Subject.
    pub subject: String,
    /// Metric.
    pub metric: String,
    /// The value as shown ("640,000", "Russia").
    pub value: String,
    /// The numeric value, when the fact is a number (for sorting and charts).
    pub number: Option<f64>,
    /// Unit.
    pub unit: Option<String>,
    /// Rate period.
    pub per: Option<String>,
    /// Computed rather than read.
    pub derived: bool,
    /// The arithmetic of a derived fact.
    pub derivation: Option<String>,
    /// True when another article gives a different value for the same
    /// subject and metric.
    pub conflict: bool,
    /// Evidence start offset.
    pub start: usize,
    /// Evidence end offset.
    pub end: usize,
    /// The sentence.
    pub sentence: String,
}

/// Rows of the Entities table, sorted by kind, then name.
pub fn entity_rows(corpus: &CorpusAnalysis) -> Vec<EntityRow> {
    let mut rows: Vec<EntityRow> = corpus
        .entities
        .iter()
        .map(|e| EntityRow {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind.as_str().to_string(),
            role: e.role.clone(),
            organization: e.organization.clone(),
            aliases: e.aliases.join("; "),
            articles: e.articles.join("; "),
            mentions: e.mention_count,
        })
        .collect();
    rows.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// Rows of the Quantities table, in article order, then text order.
pub fn quantity_rows(corpus: &CorpusAnalysis) -> Vec<QuantityRow> {
    corpus
        .articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            a.quantities.iter().map(move |q| QuantityRow {
                article: a.file.clone(),
                article_index: i,
                text: q.text.clone(),
                value: q.value,
                value_max: q.value_max,
                unit: q.unit.clone(),
                per: q.per.clone(),
                qualifier: q.qualifier.clone(),
                start: q.start,
                end: q.end,
                sentence: q.sentence.clone(),
            })
        })
        .collect()
}

/// Rows of the Facts table, in article order, then the order found. A
/// subject that is a name of a corpus entity is shown by that entity's
/// canonical name, so that the facts of one company from several articles
/// sort and filter together.
pub fn fact_rows(corpus: &CorpusAnalysis) -> Vec<FactRow> {
    let canonical: std::collections::HashMap<&str, &str> = corpus
        .entities
        .iter()
        .flat_map(|e| {
            std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .map(move |n| (n, e.name.as_str()))
        })
        .collect();
    let conflicted: std::collections::BTreeSet<(String, String)> = corpus
        .conflicts
        .iter()
        .flat_map(|c| {
            // A conflict is recorded under the corpus-level subject; mark the
            // metric for every alias of that subject too.
            let mut names = vec![c.subject.clone()];
            if let Some(e) = corpus.entities.iter().find(|e| e.name == c.subject) {
                names.extend(e.aliases.iter().cloned());
            }
            names
                .into_iter()
                .map(|n| (n, c.metric.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    corpus
        .articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            let conflicted = &conflicted;
            let canonical = &canonical;
            a.facts.iter().map(move |f| FactRow {
                article: a.file.clone(),
                article_index: i,
                subject: canonical
                    .get(f.subject.as_str())
                    .map_or_else(|| f.subject.clone(), |c| (*c).to_string()),
                metric: f.metric.clone(),
                value: f.value.to_string(),
                number: match &f.value {
                    FactValue::Number(n) => Some(*n),
                    FactValue::Text(_) => None,
                },
                unit: f.unit.clone(),
                per: f.per.clone(),
                derived: f.derived,
                derivation: f.derivation.clone(),
                conflict: conflicted.contains(&(f.subject.clone(), f.metric.clone())),
                start: f.start,
                end: f.end,
                sentence: f.sentence.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleAnalysis, CorpusEntity, EntityKind, Fact};

    fn fact(subject: &str, value: f64) -> Fact {
        Fact {
            subject: subject.into(),
            metric: "employees".into(),
            value: FactValue::Number(value),
            unit: None,
            per: None,
            sentence: String::new(),
            derived: false,
            derivation: None,
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn fact_subjects_use_the_corpus_name_and_conflicts_are_marked() {
        let corpus = CorpusAnalysis {
            articles: vec![
                ArticleAnalysis {
                    file: "a.txt".into(),
                    facts: vec![fact("Acme Pvt Ltd", 300.0), fact("Unknown cluster", 5.0)],
                    ..Default::default()
                },
                ArticleAnalysis {
                    file: "b.txt".into(),
                    facts: vec![fact("Acme", 320.0)],
                    ..Default::default()
                },
            ],
            entities: vec![CorpusEntity {
                id: "org:acme".into(),
                name: "Acme Private Limited".into(),
                kind: EntityKind::Organization,
                aliases: vec!["Acme".into(), "Acme Pvt Ltd".into()],
                articles: vec!["a.txt".into(), "b.txt".into()],
                merges: vec![],
                role: None,
                organization: None,
                mention_count: 2,
            }],
            conflicts: vec![crate::Conflict {
                subject: "Acme Private Limited".into(),
                metric: "employees".into(),
                values: vec![],
            }],
            errors: vec![],
        };
        let rows = fact_rows(&corpus);
        let subjects: Vec<&str> = rows.iter().map(|r| r.subject.as_str()).collect();
        assert_eq!(
            subjects,
            [
                "Acme Private Limited",
                "Unknown cluster",
                "Acme Private Limited"
            ]
        );
        let conflicts: Vec<bool> = rows.iter().map(|r| r.conflict).collect();
        assert_eq!(conflicts, [true, false, true]);
        assert_eq!(rows[0].value, "300");
    }
}
