//! Samachar extraction of entities, facts, aliases and conflicts.
//!
//! [`extract`] reads one article (its text with page furniture already
//! blanked out, so offsets are those of the original text) and the
//! quantities found in it, and returns the entities (organisations, people
//! with roles, places from a compiled-in gazetteer, programmes), each with
//! its mentions and merged aliases, and the facts that tie quantities to
//! their subjects (read and derived). [`resolve_corpus`] merges entities
//! across articles and flags conflicting facts.

mod corpus;
mod entities;
mod facts;
pub mod gazetteer;
pub mod names;

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
///
/// `quantities` are the figures found in the same text (with byte offsets
/// into it). The metadata is used for nothing yet but the dateline.
pub fn extract(text: &str, metadata: &Metadata, quantities: &[Quantity]) -> Extraction {
    let _ = metadata;
    let found = entities::find_entities(text);
    let facts = facts::find_facts(text, &found, quantities);
    Extraction {
        entities: found.entities,
        facts,
    }
}

/// Resolves entities across articles and flags conflicting facts.
///
/// Returns the corpus entities (sorted by kind, then name) with their
/// aliases, articles and mention counts, and the conflicts: one subject and
/// metric (and unit) given different values by different articles.
pub fn resolve_corpus(articles: &[ArticleAnalysis]) -> (Vec<CorpusEntity>, Vec<Conflict>) {
    corpus::resolve(articles)
}
