//! The analysed corpus as the views show it: the corpus analysis (with the
//! user's corrections applied) and the table rows built from it.

use samachar_core::model::CorpusAnalysis;
use samachar_core::model::rows::{
    EntityRow, FactRow, QuantityRow, entity_rows, fact_rows, quantity_rows,
};

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
        Self {
            corpus,
            entities,
            quantities,
            facts,
            fact_offsets,
            quantity_offsets,
            generation,
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

    /// The entity row whose name or alias is `name`, or whose article-level
    /// entity has this name in article `article`.
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
