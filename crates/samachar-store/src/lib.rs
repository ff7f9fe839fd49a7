//! Samachar project file.
//!
//! A project is one SQLite file (`.samachar`) that keeps everything a user
//! brings in or makes: the imported articles with their original bytes, the
//! analysis of each, a full-text index, the user's annotations with their
//! whole undo history, and small bits of app state. Nothing is ever
//! overwritten: a newer, damaged or locked file is refused untouched, and an
//! older one is copied before it is brought up to date.
//!
//! ```no_run
//! # use samachar_store::{Project, Edit, ArticleId};
//! # use samachar_model::EntityKind;
//! # fn main() -> Result<(), samachar_store::StoreError> {
//! let mut project = Project::open_or_create(std::path::Path::new("notes.samachar"))?;
//! project.apply(Edit::RenameEntity { entity: "org:acme".into(), name: "Acme Ltd".into() })?;
//! project.undo()?;
//! # Ok(()) }
//! ```

mod corpus;
pub mod edit;
mod error;
mod project;
pub mod schema;
mod search;

use serde::{Deserialize, Serialize};

pub use corpus::{MERGED_BY_YOU, RENAMED_BY_YOU, TAGGED_BY_YOU};
pub use edit::{
    Annotations, Edit, EditError, Note, NoteId, NoteTarget, TagId, UserTag, kind_label,
};
pub use error::StoreError;
pub use project::{DEFAULT_BUSY_TIMEOUT, Project, ProjectInfo, SearchHit, StoredArticle};
pub use schema::SCHEMA_VERSION;

/// The id of an article within one project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub i64);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}
