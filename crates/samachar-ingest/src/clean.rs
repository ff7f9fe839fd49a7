//! Non-destructive cleaning: page furniture and metadata.

use samachar_model::{Document, Furniture, Metadata};

/// What the cleaner found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    /// Furniture spans, sorted by start, not overlapping.
    pub furniture: Vec<Furniture>,
    /// Title, source, date, dateline.
    pub metadata: Metadata,
}

/// Marks furniture and finds metadata in `doc`.
pub fn clean(doc: &Document) -> Cleaned {
    Cleaned {
        furniture: Vec::new(),
        metadata: Metadata {
            title: doc.format_title.clone(),
            ..Metadata::default()
        },
    }
}
