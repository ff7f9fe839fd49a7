//! Samachar extraction of entities, facts, aliases and conflicts.

use samachar_model::{ArticleAnalysis, Conflict, CorpusEntity, Entity, Fact, Metadata, Quantity};

/// Entities and facts of one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Entities, sorted by kind then name.
    pub entities: Vec<Entity>,
    /// Facts, read and derived.
    pub facts: Vec<Fact>,
}

/// Extracts entities and facts from the (furniture-masked) `text`.
pub fn extract(text: &str, metadata: &Metadata, quantities: &[Quantity]) -> Extraction {
    let _ = (text, metadata, quantities);
    Extraction::default()
}

/// Resolves entities across articles and flags conflicting facts.
pub fn resolve_corpus(articles: &[ArticleAnalysis]) -> (Vec<CorpusEntity>, Vec<Conflict>) {
    let _ = articles;
    (Vec::new(), Vec::new())
}
