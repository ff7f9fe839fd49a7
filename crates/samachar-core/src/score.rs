//! Scores the pipeline against a hand-checked gold file (the format of
//! `shared/gold/seeds.json`): precision, recall and F1 per kind of thing
//! found (organisations, people, places, programmes, quantities, facts,
//! derived facts) and per article, furniture leaks, and cross-article
//! aliases.
//!
//! Matching rules:
//! - names are compared case-insensitively after normalising white space and
//!   quotes; a predicted entity matches a gold name when its name or one of
//!   its merged names equals the gold name or one of the gold aliases (the
//!   article's `aliases` groups and the file's `cross_article` groups);
//! - people's roles are compared loosely (lower case, one containing the
//!   other); organisations alias-aware, `null` only with `null`;
//! - quantities match by value (relative tolerance 1e-6) and unit (lower
//!   case, singular and plural equal, `tonne`/`tonnes` equal);
//! - facts match by subject (alias-aware), value and unit (a gold fact
//!   without a unit accepts any); the metric is compared strictly (equal
//!   after normalising) and leniently (sharing a content word), and both
//!   figures are reported;
//! - an article's `aliases` group is resolved when one predicted entity
//!   holds, within one of its mentions, every name of the group that the
//!   text contains as a whole word, and no other entity goes by one of the
//!   group's names (groups with no name in the text are not counted).

use crate::analyze_document;
use samachar_model::{ArticleAnalysis, EntityKind, FactValue};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Why a gold file could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    /// The gold file could not be read.
    #[error("cannot read gold file {path}: {source}")]
    Read {
        /// The path.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The gold file is not valid JSON of the expected shape.
    #[error("gold file {path} is not valid: {source}")]
    Parse {
        /// The path.
        path: String,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// An article named in the gold file could not be read.
    #[error("cannot read article {path}: {message}")]
    Article {
        /// The path.
        path: String,
        /// The reader's message.
        message: String,
    },
}

#[derive(Debug, Deserialize)]
struct GoldFile {
    articles: Vec<GoldArticle>,
    #[serde(default)]
    cross_article: Vec<GoldCross>,
}

#[derive(Debug, Deserialize)]
struct GoldCross {
    same_entity: Vec<String>,
    articles: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldPerson {
    name: String,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    organization: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldQuantity {
    #[serde(default)]
    text: String,
    value: f64,
    #[serde(default)]
    unit: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldFact {
    subject: String,
    metric: String,
    value: Value,
    #[serde(default)]
    unit: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldArticle {
    file: String,
    #[serde(default)]
    organizations: Vec<String>,
    #[serde(default)]
    people: Vec<GoldPerson>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    programmes: Vec<String>,
    #[serde(default)]
    aliases: Vec<Vec<String>>,
    #[serde(default)]
    quantities: Vec<GoldQuantity>,
    #[serde(default)]
    facts: Vec<GoldFact>,
    #[serde(default)]
    derived: Vec<GoldFact>,
    #[serde(default)]
    not_content: Vec<String>,
    #[serde(default)]
    not_entities_from_content: Vec<String>,
}

/// Counts for one kind of thing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items found.
    pub gold_found: usize,
    /// Predicted items that match a gold item.
    pub predicted_correct: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.predicted_correct as f64 / self.predicted as f64
        }
    }

    /// Recall (1 when there is no gold item).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.gold_found as f64 / self.gold as f64
        }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.gold_found += other.gold_found;
        self.predicted_correct += other.predicted_correct;
    }
}

/// The kinds scored, in table order.
pub const KINDS: [&str; 9] = [
    "organizations",
    "people",
    "places",
    "programmes",
    "entities (all)",
    "quantities",
    "facts (lenient metric)",
    "facts (strict metric)",
    "derived",
];

/// Scores of one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleScore {
    /// The file.
    pub file: String,
    /// Counts per kind, in the order of [`KINDS`].
    pub counts: Vec<Counts>,
    /// People whose role matched, of the gold people found.
    pub roles_right: usize,
    /// People whose organisation matched, of the gold people found.
    pub orgs_right: usize,
    /// Gold people found.
    pub people_found: usize,
    /// Entity mentions inside `not_content` text.
    pub not_content_entities: usize,
    /// Predicted entities named in `not_entities_from_content`.
    pub forbidden_entities: Vec<String>,
    /// Within-article alias groups with a name in the text.
    pub alias_groups: usize,
    /// Of those, the groups that ended up in one entity.
    pub alias_groups_resolved: usize,
    /// Gold items not found, for reading ("quantity 300 employees").
    pub misses: Vec<String>,
}

/// One cross-article alias group and whether it was resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossScore {
    /// The names that should be one entity.
    pub names: Vec<String>,
    /// The articles it should span.
    pub articles: Vec<String>,
    /// True when one corpus entity holds a listed name in every listed article.
    pub resolved: bool,
}

/// The whole report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldReport {
    /// The gold file scored.
    pub gold: String,
    /// Per article.
    pub articles: Vec<ArticleScore>,
    /// Totals per kind, in the order of [`KINDS`].
    pub totals: Vec<Counts>,
    /// Cross-article alias groups.
    pub cross: Vec<CrossScore>,
}

impl GoldReport {
    /// The total counts of one kind (a name from [`KINDS`]).
    pub fn total(&self, kind: &str) -> Counts {
        KINDS
            .iter()
            .position(|k| *k == kind)
            .and_then(|i| self.totals.get(i).cloned())
            .unwrap_or_default()
    }

    /// Entity mentions inside `not_content` text, over all articles.
    pub fn not_content_entities(&self) -> usize {
        self.articles.iter().map(|a| a.not_content_entities).sum()
    }

    /// Within-article alias groups resolved and counted, over all articles.
    pub fn alias_groups(&self) -> (usize, usize) {
        self.articles.iter().fold((0, 0), |(r, t), a| {
            (r + a.alias_groups_resolved, t + a.alias_groups)
        })
    }

    /// Predicted entities named in `not_entities_from_content`, over all articles.
    pub fn forbidden_entities(&self) -> usize {
        self.articles
            .iter()
            .map(|a| a.forbidden_entities.len())
            .sum()
    }

    /// Renders the report as Markdown tables.
    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "## Gold score: {}\n", self.gold);
        let _ = writeln!(
            s,
            "| kind | gold | predicted | found | correct | precision | recall | F1 |"
        );
        let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|");
        for (k, c) in KINDS.iter().zip(&self.totals) {
            let _ = writeln!(
                s,
                "| {k} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                c.gold,
                c.predicted,
                c.gold_found,
                c.predicted_correct,
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        let (resolved, groups) = self.alias_groups();
        let _ = writeln!(s, "\nAlias groups resolved: {resolved}/{groups}");
        let _ = writeln!(
            s,
            "\n| article | entities F1 | quantities R | facts R (lenient) | facts R (strict) | derived R | roles | orgs | alias groups | not_content | forbidden |"
        );
        let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for a in &self.articles {
            let c = |k: usize| a.counts.get(k).cloned().unwrap_or_default();
            let _ = writeln!(
                s,
                "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {}/{} | {}/{} | {}/{} | {} | {} |",
                a.file,
                c(4).f1(),
                c(5).recall(),
                c(6).recall(),
                c(7).recall(),
                c(8).recall(),
                a.roles_right,
                a.people_found,
                a.orgs_right,
                a.people_found,
                a.alias_groups_resolved,
                a.alias_groups,
                a.not_content_entities,
                a.forbidden_entities.join(", ")
            );
        }
        if !self.cross.is_empty() {
            let _ = writeln!(s, "\n| cross-article entity | resolved |");
            let _ = writeln!(s, "|---|---|");
            for c in &self.cross {
                let _ = writeln!(
                    s,
                    "| {} | {} |",
                    c.names.join(" / "),
                    if c.resolved { "yes" } else { "NO" }
                );
            }
        }
        let misses: Vec<String> = self
            .articles
            .iter()
            .flat_map(|a| a.misses.iter().map(move |m| format!("- {}: {m}", a.file)))
            .collect();
        if !misses.is_empty() {
            let _ = writeln!(s, "\nMissed or wrong:\n");
            for m in misses {
                let _ = writeln!(s, "{m}");
            }
        }
        s
    }
}

/// Lower case, white space collapsed, curly quotes straightened.
fn norm(s: &str) -> String {
    samachar_extract::names::norm_key(s)
}

fn norm_unit(u: Option<&str>) -> String {
    let u = norm(u.unwrap_or(""));
    let u = u.trim_end_matches('s');
    match u {
        "tonne" | "ton" | "t" => "tonne".into(),
        other => other.to_string(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

const METRIC_STOP: &[&str] = &[
    "of", "the", "a", "in", "per", "and", "last", "year", "number", "total", "about", "around",
];

fn metric_words(m: &str) -> BTreeSet<String> {
    norm(m)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !METRIC_STOP.contains(w))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

/// Alias groups: every name with the set of names it is equal to.
struct Aliases {
    groups: Vec<BTreeSet<String>>,
}

impl Aliases {
    fn new(groups: impl IntoIterator<Item = Vec<String>>) -> Self {
        let mut out: Vec<BTreeSet<String>> = Vec::new();
        for g in groups {
            let set: BTreeSet<String> = g.iter().map(|n| norm(n)).collect();
            // Union with overlapping groups.
            let mut merged = set;
            out.retain(|o| {
                if o.intersection(&merged).next().is_some() {
                    merged.extend(o.iter().cloned());
                    false
                } else {
                    true
                }
            });
            out.push(merged);
        }
        Aliases { groups: out }
    }

    fn equivalents(&self, name: &str) -> BTreeSet<String> {
        let n = norm(name);
        let mut set: BTreeSet<String> = [n.clone()].into();
        for g in &self.groups {
            if g.contains(&n) {
                set.extend(g.iter().cloned());
            }
        }
        set
    }
}

fn resolve_file(files_dir: &Path, file: &str) -> PathBuf {
    let direct = files_dir.join(file);
    if direct.exists() {
        return direct;
    }
    if let Some(parent) = files_dir.parent() {
        let up = parent.join(file);
        if up.exists() {
            return up;
        }
    }
    direct
}

fn analyse(path: &Path) -> Result<(ArticleAnalysis, String), ScoreError> {
    let doc = samachar_ingest::read_path(path).map_err(|e| ScoreError::Article {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    Ok((analyze_document(&doc), doc.text))
}

/// Runs the pipeline over each article of the gold file at `gold_path`
/// (files looked up in `files_dir`, or beside it for paths such as
/// `seeds/...`) and scores what it finds.
pub fn score_gold(gold_path: &Path, files_dir: &Path) -> Result<GoldReport, ScoreError> {
    let raw = std::fs::read_to_string(gold_path).map_err(|source| ScoreError::Read {
        path: gold_path.display().to_string(),
        source,
    })?;
    let gold: GoldFile = serde_json::from_str(&raw).map_err(|source| ScoreError::Parse {
        path: gold_path.display().to_string(),
        source,
    })?;
    let mut report = GoldReport {
        gold: gold_path.display().to_string(),
        totals: vec![Counts::default(); KINDS.len()],
        ..GoldReport::default()
    };
    let cross_groups: Vec<Vec<String>> = gold
        .cross_article
        .iter()
        .map(|c| c.same_entity.clone())
        .collect();
    for ga in &gold.articles {
        let (analysis, text) = analyse(&resolve_file(files_dir, &ga.file))?;
        let aliases = Aliases::new(
            ga.aliases
                .iter()
                .cloned()
                .chain(cross_groups.iter().cloned()),
        );
        let score = score_article(ga, &analysis, &text, &aliases);
        for (t, c) in report.totals.iter_mut().zip(&score.counts) {
            t.add(c);
        }
        report.articles.push(score);
    }
    // Cross-article aliases: analyse every listed file and resolve.
    for c in &gold.cross_article {
        let mut analyses = Vec::new();
        for f in &c.articles {
            analyses.push(analyse(&resolve_file(files_dir, f))?.0);
        }
        let (entities, _) = samachar_extract::resolve_corpus(&analyses);
        let wanted: BTreeSet<String> = c.same_entity.iter().map(|n| norm(n)).collect();
        let files: BTreeSet<String> = analyses.iter().map(|a| a.file.clone()).collect();
        let resolved = entities.iter().any(|e| {
            let names: BTreeSet<String> = std::iter::once(&e.name)
                .chain(e.aliases.iter())
                .map(|n| norm(n))
                .collect();
            names.intersection(&wanted).next().is_some()
                && files.iter().all(|f| e.articles.contains(f))
        });
        report.cross.push(CrossScore {
            names: c.same_entity.clone(),
            articles: c.articles.clone(),
            resolved,
        });
    }
    Ok(report)
}

fn entity_names(e: &samachar_model::Entity) -> BTreeSet<String> {
    std::iter::once(norm(&e.name))
        .chain(e.merges.iter().map(|m| norm(&m.name)))
        .collect()
}

fn score_entities(
    gold: &[String],
    kind: EntityKind,
    analysis: &ArticleAnalysis,
    aliases: &Aliases,
    misses: &mut Vec<String>,
) -> Counts {
    let predicted: Vec<&samachar_model::Entity> = analysis
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .collect();
    let gold_sets: Vec<BTreeSet<String>> = gold.iter().map(|g| aliases.equivalents(g)).collect();
    let mut c = Counts {
        gold: gold.len(),
        predicted: predicted.len(),
        ..Counts::default()
    };
    for (g, set) in gold.iter().zip(&gold_sets) {
        if predicted
            .iter()
            .any(|p| entity_names(p).intersection(set).next().is_some())
        {
            c.gold_found += 1;
        } else {
            misses.push(format!("{} not found: {g}", kind.as_str()));
        }
    }
    for p in &predicted {
        let names = entity_names(p);
        if gold_sets
            .iter()
            .any(|s| names.intersection(s).next().is_some())
        {
            c.predicted_correct += 1;
        } else {
            misses.push(format!("{} not in gold: {}", kind.as_str(), p.name));
        }
    }
    c
}

/// True when `name` stands in `text` as a whole word (case-insensitively).
fn contains_word(text: &str, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    let text = norm(text);
    let name = norm(name);
    text.match_indices(name.as_str()).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Within-article alias groups: (groups with a name in the text, groups
/// resolved into one entity), and a note for each group not resolved.
fn score_alias_groups(
    groups: &[Vec<String>],
    analysis: &ArticleAnalysis,
    text: &str,
    misses: &mut Vec<String>,
) -> (usize, usize) {
    let (mut counted, mut resolved) = (0, 0);
    for group in groups {
        let present: Vec<String> = group
            .iter()
            .filter(|n| contains_word(text, n))
            .map(|n| norm(n))
            .collect();
        if present.is_empty() {
            continue;
        }
        counted += 1;
        let wanted: BTreeSet<String> = group.iter().map(|n| norm(n)).collect();
        let holders: Vec<&samachar_model::Entity> = analysis
            .entities
            .iter()
            .filter(|e| entity_names(e).intersection(&wanted).next().is_some())
            .collect();
        let covers_all = |e: &samachar_model::Entity| {
            present
                .iter()
                .all(|n| e.mentions.iter().any(|m| contains_word(&m.text, n)))
        };
        if holders.len() == 1 && covers_all(holders[0]) {
            resolved += 1;
        } else {
            misses.push(format!(
                "alias group not resolved into one entity: {}",
                group.join(" / ")
            ));
        }
    }
    (counted, resolved)
}

fn fact_value_eq(gold: &Value, got: &FactValue) -> bool {
    match (gold, got) {
        (Value::Number(n), FactValue::Number(v)) => n.as_f64().is_some_and(|n| close(n, *v)),
        (Value::String(s), FactValue::Text(t)) => norm(s) == norm(t),
        _ => false,
    }
}

fn score_facts(
    gold: &[GoldFact],
    predicted: &[&samachar_model::Fact],
    aliases: &Aliases,
    misses: &mut Vec<String>,
    label: &str,
) -> (Counts, Counts) {
    let mut lenient = Counts {
        gold: gold.len(),
        predicted: predicted.len(),
        ..Counts::default()
    };
    let mut strict = lenient.clone();
    let matches = |g: &GoldFact, p: &samachar_model::Fact, strict_metric: bool| {
        let subjects = aliases.equivalents(&g.subject);
        let unit_ok =
            g.unit.is_none() || norm_unit(g.unit.as_deref()) == norm_unit(p.unit.as_deref());
        let metric_ok = if strict_metric {
            norm(&g.metric) == norm(&p.metric)
        } else {
            metric_words(&g.metric)
                .intersection(&metric_words(&p.metric))
                .next()
                .is_some()
        };
        subjects.contains(&norm(&p.subject))
            && fact_value_eq(&g.value, &p.value)
            && unit_ok
            && metric_ok
    };
    for g in gold {
        if predicted.iter().any(|p| matches(g, p, false)) {
            lenient.gold_found += 1;
        } else {
            misses.push(format!(
                "{label} not found: {} / {} = {}",
                g.subject, g.metric, g.value
            ));
        }
        if predicted.iter().any(|p| matches(g, p, true)) {
            strict.gold_found += 1;
        }
    }
    for p in predicted {
        if gold.iter().any(|g| matches(g, p, false)) {
            lenient.predicted_correct += 1;
        }
        if gold.iter().any(|g| matches(g, p, true)) {
            strict.predicted_correct += 1;
        }
    }
    (lenient, strict)
}

fn score_article(
    ga: &GoldArticle,
    analysis: &ArticleAnalysis,
    text: &str,
    aliases: &Aliases,
) -> ArticleScore {
    let mut misses = Vec::new();
    let people: Vec<String> = ga.people.iter().map(|p| p.name.clone()).collect();
    let orgs = score_entities(
        &ga.organizations,
        EntityKind::Organization,
        analysis,
        aliases,
        &mut misses,
    );
    let ppl = score_entities(&people, EntityKind::Person, analysis, aliases, &mut misses);
    let places = score_entities(
        &ga.places,
        EntityKind::Place,
        analysis,
        aliases,
        &mut misses,
    );
    let progs = score_entities(
        &ga.programmes,
        EntityKind::Programme,
        analysis,
        aliases,
        &mut misses,
    );
    let mut all = Counts::default();
    for c in [&orgs, &ppl, &places, &progs] {
        all.add(c);
    }
    // Roles and organisations of people found.
    let (mut roles_right, mut orgs_right, mut people_found) = (0, 0, 0);
    for gp in &ga.people {
        let set = aliases.equivalents(&gp.name);
        let Some(p) = analysis.entities.iter().find(|e| {
            e.kind == EntityKind::Person && entity_names(e).intersection(&set).next().is_some()
        }) else {
            continue;
        };
        people_found += 1;
        let role_ok = match (&gp.role, &p.role) {
            (Some(g), Some(r)) => {
                let (g, r) = (norm(g), norm(r));
                g.contains(&r) || r.contains(&g)
            }
            (None, None) => true,
            _ => false,
        };
        if role_ok {
            roles_right += 1;
        } else {
            misses.push(format!(
                "role of {}: {:?} vs {:?}",
                gp.name, gp.role, p.role
            ));
        }
        let org_ok = match (&gp.organization, &p.organization) {
            (Some(g), Some(o)) => aliases.equivalents(g).contains(&norm(o)),
            (None, None) => true,
            _ => false,
        };
        if org_ok {
            orgs_right += 1;
        } else {
            misses.push(format!(
                "organisation of {}: {:?} vs {:?}",
                gp.name, gp.organization, p.organization
            ));
        }
    }
    // Quantities.
    let mut q = Counts {
        gold: ga.quantities.len(),
        predicted: analysis.quantities.len(),
        ..Counts::default()
    };
    let qmatch = |g: &GoldQuantity, p: &samachar_model::Quantity| {
        close(g.value, p.value) && norm_unit(g.unit.as_deref()) == norm_unit(p.unit.as_deref())
    };
    for g in &ga.quantities {
        if analysis.quantities.iter().any(|p| qmatch(g, p)) {
            q.gold_found += 1;
        } else {
            misses.push(format!(
                "quantity not found: {} ({} {:?})",
                g.text, g.value, g.unit
            ));
        }
    }
    q.predicted_correct = analysis
        .quantities
        .iter()
        .filter(|p| ga.quantities.iter().any(|g| qmatch(g, p)))
        .count();
    // Facts.
    let read: Vec<&samachar_model::Fact> = analysis.facts.iter().filter(|f| !f.derived).collect();
    let derived: Vec<&samachar_model::Fact> = analysis.facts.iter().filter(|f| f.derived).collect();
    let (facts_l, facts_s) = score_facts(&ga.facts, &read, aliases, &mut misses, "fact");
    let (derived_l, _) = score_facts(&ga.derived, &derived, aliases, &mut misses, "derived fact");
    // Furniture leaks.
    let mut not_content_entities = 0;
    for nc in &ga.not_content {
        for (s, _) in text.match_indices(nc.as_str()) {
            let e = s + nc.len();
            not_content_entities += analysis
                .entities
                .iter()
                .flat_map(|en| en.mentions.iter())
                .filter(|m| m.start < e && s < m.end)
                .count();
        }
    }
    let forbidden: BTreeSet<String> = ga
        .not_entities_from_content
        .iter()
        .map(|n| norm(n))
        .collect();
    let (alias_groups, alias_groups_resolved) =
        score_alias_groups(&ga.aliases, analysis, text, &mut misses);
    let forbidden_entities: Vec<String> = analysis
        .entities
        .iter()
        .filter(|e| entity_names(e).intersection(&forbidden).next().is_some())
        .map(|e| e.name.clone())
        .collect();
    ArticleScore {
        file: ga.file.clone(),
        counts: vec![
            orgs, ppl, places, progs, all, q, facts_l, facts_s, derived_l,
        ],
        roles_right,
        orgs_right,
        people_found,
        not_content_entities,
        forbidden_entities,
        alias_groups,
        alias_groups_resolved,
        misses,
    }
}

/// The whole score report as Markdown (what `samachar score` prints and
/// `SCORES.md` holds): the seeds' gold, the corpus gold and the peer quantity
/// cases, from the shared test material folder `shared`.
pub fn full_report(shared: &Path) -> Result<String, ScoreError> {
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let seeds_dir = if seeds_dir.is_dir() {
        seeds_dir
    } else {
        shared.join("seeds")
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Samachar scores\n\nWritten by `samachar score --write SCORES.md`. Precision, recall and F1 per kind against \
         the hand-checked gold files, and the pass rate of the peer quantity cases (a case passes when every \
         expected quantity is matched by a different predicted one with the same unit and value).\n"
    );
    let seeds = score_gold(&shared.join("gold/seeds.json"), &seeds_dir)?;
    s.push_str(&seeds.to_markdown());
    s.push('\n');
    let corpus = score_gold(&shared.join("corpus/gold.json"), &shared.join("corpus"))?;
    s.push_str(&corpus.to_markdown());
    s.push('\n');
    let _ = writeln!(s, "## Peer quantity cases\n");
    let _ = writeln!(s, "| file | passed | total | rate | failing cases |");
    let _ = writeln!(s, "|---|---:|---:|---:|---|");
    for (file, score) in samachar_quantity::peer::score_dir(&shared.join("peer")) {
        let failing: Vec<&str> = score.failures.iter().map(|f| f.id.as_str()).collect();
        let _ = writeln!(
            s,
            "| {file} | {} | {} | {:.1}% | {} |",
            score.passed,
            score.total,
            score.rate() * 100.0,
            failing.join(", ")
        );
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_f1() {
        let c = Counts {
            gold: 4,
            predicted: 5,
            gold_found: 3,
            predicted_correct: 4,
        };
        assert!((c.precision() - 0.8).abs() < 1e-9);
        assert!((c.recall() - 0.75).abs() < 1e-9);
        assert!((c.f1() - 2.0 * 0.8 * 0.75 / 1.55).abs() < 1e-9);
    }

    #[test]
    fn units_and_metrics_compare_leniently() {
        assert_eq!(norm_unit(Some("tonnes")), norm_unit(Some("tonne")));
        assert_eq!(norm_unit(Some("Pairs")), norm_unit(Some("pair")));
        assert_ne!(norm_unit(Some("INR")), norm_unit(Some("USD")));
        assert!(
            metric_words("exports last year")
                .intersection(&metric_words("exports"))
                .next()
                .is_some()
        );
    }

    #[test]
    fn alias_groups_union() {
        let a = Aliases::new(vec![
            vec!["A Ltd".to_string(), "A".to_string()],
            vec!["A".to_string(), "A Private Limited".to_string()],
        ]);
        assert!(a.equivalents("a ltd").contains("a private limited"));
    }
}
