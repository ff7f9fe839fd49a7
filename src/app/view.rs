//! The analysed corpus as the views show it: the corpus analysis (with the
//! user's corrections applied) and the table rows built from it.

use samachar_core::model::CorpusAnalysis;
use samachar_core::model::rows::{
    EntityRow, FactRow, QuantityRow, entity_rows, fact_rows, quantity_rows,
};
use samachar_core::model::text::format_number;

/// What the views show; rebuilt (off the UI thread where it matters) when
/// articles or annotations change.
#[derive(Clone, Debug, Default)]
pub struct CorpusView {
    /// The corpus, annotations applied.
    pub corpus: CorpusAnalysis,
    /// Entities table rows.
    pub entities: Vec<EntityRow>,
    /// Quantities table rows.
    pub quantities: Vec<QuantityRow>,
    /// Facts table rows.
    pub facts: Vec<FactRow>,
    /// Index of each article's first fact row (length = articles + 1).
    pub fact_offsets: Vec<usize>,
    /// Index of each article's first quantity row (length = articles + 1).
    pub quantity_offsets: Vec<usize>,
    /// Changes whenever the view is rebuilt, so caches know to refresh.
    pub generation: u64,
    /// Cell texts that need formatting, made once with the rows so that
    /// drawing a table allocates nothing per frame.
    pub cells: FormattedCells,
}

/// Formatted cell texts, parallel to the rows of [`CorpusView`]. An empty
/// string means "use the row's own text".
#[derive(Clone, Debug, Default)]
pub struct FormattedCells {
    /// Entities: the mention count.
    pub entity_mentions: Vec<String>,
    /// Quantities: "640,000" or "5–10".
    pub quantity_values: Vec<String>,
    /// Facts: the value when it differs from `FactRow::value` (years).
    pub fact_values: Vec<String>,
    /// Facts: "unit/per" or "per month" when there is a period.
    pub fact_units: Vec<String>,
}

impl FormattedCells {
    /// Formats the cells of these rows.
    pub fn new(entities: &[EntityRow], quantities: &[QuantityRow], facts: &[FactRow]) -> Self {
        Self {
            entity_mentions: entities.iter().map(|e| e.mentions.to_string()).collect(),
            quantity_values: quantities
                .iter()
                .map(|q| match year_text(q.value, q.unit.as_deref()) {
                    Some(y) if q.value_max.is_none() => y,
                    _ => value_text(q.value, q.value_max),
                })
                .collect(),
            fact_values: facts
                .iter()
                .map(|f| {
                    f.number
                        .and_then(|n| year_text(n, f.unit.as_deref()))
                        .unwrap_or_default()
                })
                .collect(),
            fact_units: facts
                .iter()
                .map(|f| match (&f.unit, &f.per) {
                    (Some(u), Some(p)) => format!("{u}/{p}"),
                    (None, Some(p)) => format!("per {p}"),
                    _ => String::new(),
                })
                .collect(),
        }
    }
}

/// Years read as years ("2018"), not as 2,018.
fn year_text(value: f64, unit: Option<&str>) -> Option<String> {
    (unit == Some("year") && value.fract() == 0.0 && (1000.0..=9999.0).contains(&value))
        .then(|| format!("{value:.0}"))
}

/// A quantity's value as the tables show it: "640,000", "5–10".
pub fn value_text(value: f64, value_max: Option<f64>) -> String {
    match value_max {
        Some(max) => format!("{}–{}", format_number(value), format_number(max)),
        None => format_number(value),
    }
}

impl CorpusView {
    /// Builds the rows of `corpus`.
    pub fn new(corpus: CorpusAnalysis, generation: u64) -> Self {
        let entities = entity_rows(&corpus);
        let quantities = quantity_rows(&corpus);
        let facts = fact_rows(&corpus);
        let offsets = |counts: Vec<usize>| {
            let mut out = Vec::with_capacity(counts.len() + 1);
            let mut sum = 0;
            out.push(0);
            for c in counts {
                sum += c;
                out.push(sum);
            }
            out
        };
        let fact_offsets = offsets(corpus.articles.iter().map(|a| a.facts.len()).collect());
        let quantity_offsets =
            offsets(corpus.articles.iter().map(|a| a.quantities.len()).collect());
        let cells = FormattedCells::new(&entities, &quantities, &facts);
        Self {
            corpus,
            entities,
            quantities,
            facts,
            fact_offsets,
            quantity_offsets,
            generation,
            cells,
        }
    }

    /// The fact row of fact `fact` in article `article`.
    pub fn fact_row(&self, article: usize, fact: usize) -> Option<usize> {
        let start = *self.fact_offsets.get(article)?;
        let end = *self.fact_offsets.get(article + 1)?;
        (start + fact < end).then_some(start + fact)
    }

    /// The quantity row of quantity `q` in article `article`.
    pub fn quantity_row(&self, article: usize, q: usize) -> Option<usize> {
        let start = *self.quantity_offsets.get(article)?;
        let end = *self.quantity_offsets.get(article + 1)?;
        (start + q < end).then_some(start + q)
    }

    /// The entity row with this corpus id.
    pub fn entity_row_by_id(&self, id: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.id == id)
    }

    /// The entity row whose name or alias is `name`.
    pub fn entity_row_by_name(&self, name: &str) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.name == name)
            .or_else(|| {
                self.entities
                    .iter()
                    .position(|e| e.aliases.split("; ").any(|a| a == name))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_not_grouped() {
        let table = [
            (2018.0, Some("year"), Some("2018")),
            (2018.0, Some("INR"), None),
            (20180.0, Some("year"), None),
            (2018.5, Some("year"), None),
        ];
        for (value, unit, want) in table {
            assert_eq!(year_text(value, unit).as_deref(), want, "{value} {unit:?}");
        }
        assert_eq!(value_text(5.0, Some(10.0)), "5–10");
    }
}
