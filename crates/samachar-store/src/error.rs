//! What can go wrong with a project file, in words a user can act on.

use std::path::{Path, PathBuf};

use crate::edit::EditError;

/// An error opening, reading or writing a project file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file was written by a newer Samachar.
    #[error(
        "{} was made by a newer Samachar (file format {found}; this version reads up to {supported}). Update Samachar to open it; the file was not changed.",
        .path.display()
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// The file's format version.
        found: u32,
        /// The newest format this build reads.
        supported: u32,
    },
    /// The file is not a project, or is damaged.
    #[error("{} is not a Samachar project (or is damaged): {reason}", .path.display())]
    NotAProject {
        /// The file.
        path: PathBuf,
        /// What is wrong, for the curious.
        reason: String,
    },
    /// Another program holds a lock on the file.
    #[error("{} is in use by another program (locked)", .path.display())]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// Creating a project where a file already is.
    #[error("{} already exists", .path.display())]
    AlreadyExists {
        /// The file.
        path: PathBuf,
    },
    /// Opening a project that is not there.
    #[error("{} does not exist", .path.display())]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// Writing to a project that can only be read.
    #[error("{} can only be read (read-only file, folder or open mode); the change was not saved", .path.display())]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// Another window changed the annotations since this one read them.
    #[error(
        "{} was changed by another Samachar window since it was opened; open it again to see those changes (this change was not saved)",
        .path.display()
    )]
    ChangedElsewhere {
        /// The file.
        path: PathBuf,
    },
    /// Bringing an older file up to date failed.
    #[error(
        "{} could not be updated from file format {from} to {to}: {reason}. The file was not changed; a copy of it is at {}",
        .path.display(),
        .backup.display()
    )]
    Migration {
        /// The file.
        path: PathBuf,
        /// Its format version.
        from: u32,
        /// The version it was being brought to.
        to: u32,
        /// What failed.
        reason: String,
        /// The copy made before trying.
        backup: PathBuf,
    },
    /// An operating-system error.
    #[error("could not read or write {}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Any other database error.
    #[error("database error in {}: {source}", .path.display())]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rusqlite::Error,
    },
    /// An edit that cannot be applied (nothing was changed).
    #[error(transparent)]
    Edit(#[from] EditError),
}

impl StoreError {
    /// Classifies a database error: busy/locked, read-only, not a database.
    pub(crate) fn from_sql(path: &Path, source: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path }
            }
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::NotAProject {
                path,
                reason: source.to_string(),
            },
            _ => StoreError::Sqlite { path, source },
        }
    }

    /// An I/O error on `path`.
    pub(crate) fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// Stored data that does not read back.
    pub(crate) fn damaged(path: &Path, reason: impl Into<String>) -> StoreError {
        StoreError::NotAProject {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }
}
