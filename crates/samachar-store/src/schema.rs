//! The file format: tables, versions and migrations, and the checks made on
//! a file's header before SQLite (or anything that could write) touches it.
//!
//! The format version is SQLite's `user_version` (also written in the `meta`
//! table); the application id marks the file as Samachar's. Both sit in the
//! first 100 bytes of the file, so a file can be judged by reading them.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::StoreError;

/// The file format version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 2;

/// SQLite `application_id` of a Samachar project ("SMCR").
pub const APPLICATION_ID: u32 = 0x534D_4352;

/// One step of the format: the SQL that brings a file from `to - 1` to `to`.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// The version the step produces.
    pub to: u32,
    /// The SQL, run in the same transaction as the other steps.
    pub sql: &'static str,
}

/// Version 1: articles with their original bytes and analysis, a full-text
/// index, the annotations and their edit log, and the app's state.
const V1: &str = r#"
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    file TEXT NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    format_title TEXT,
    title TEXT,
    original BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX articles_by_sha256 ON articles(sha256);
CREATE INDEX articles_by_file ON articles(file, id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE annotation_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
);
INSERT INTO annotation_state (id, data) VALUES (1, '{}');

CREATE TABLE edit_log (
    seq INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    edit TEXT NOT NULL,
    inverse TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

CREATE TABLE app_state (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// Version 2: the tables are those of version 1. The annotations may name
/// articles the user removed, and the edit log may hold `remove-article`
/// and `restore-article` edits, which a version-1 reader would not know:
/// the new number makes an older Samachar refuse the file (as "newer")
/// rather than drop the removals when it saves.
const V2: &str = "-- no table changes";

/// Every step, in order. A new format adds a step here (never edits one).
pub const MIGRATIONS: &[Migration] = &[Migration { to: 1, sql: V1 }, Migration { to: 2, sql: V2 }];

/// Tables every readable project has.
pub(crate) const REQUIRED_TABLES: &[&str] = &[
    "meta",
    "articles",
    "articles_fts",
    "annotation_state",
    "edit_log",
    "app_state",
];

/// Reads a file's header and decides whether it can be opened, without
/// writing anything. Returns the file's format version.
pub(crate) fn check_header(path: &Path) -> Result<u32, StoreError> {
    let not_project = |reason: String| StoreError::NotAProject {
        path: path.to_path_buf(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound {
            path: path.to_path_buf(),
        },
        _ => StoreError::io(path, e),
    })?;
    if meta.is_dir() {
        return Err(not_project("it is a folder".to_string()));
    }
    let len = meta.len();
    if len == 0 {
        return Err(not_project("the file is empty".to_string()));
    }
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut got = 0;
    while got < header.len() {
        let n = file
            .read(&mut header[got..])
            .map_err(|e| StoreError::io(path, e))?;
        if n == 0 {
            break;
        }
        got += n;
    }
    if &header[..16] != b"SQLite format 3\0" {
        return Err(not_project("it is not a database file".to_string()));
    }
    if got < header.len() {
        return Err(not_project(format!("the file is cut short ({len} bytes)")));
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    if be32(68) != APPLICATION_ID {
        return Err(not_project(
            "it is a database made by another program".to_string(),
        ));
    }
    let version = be32(60);
    if version > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == 0 {
        return Err(not_project("it has no format version".to_string()));
    }
    // The page count in the header is valid when the "version valid for"
    // number equals the change counter. A file shorter than its pages is
    // truncated, unless a hot journal is waiting to restore it.
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28));
    let hot_journal = journal_path(path).metadata().is_ok_and(|m| m.len() > 0);
    if be32(92) == be32(24) && !hot_journal && pages * page_size > len {
        return Err(not_project(format!(
            "the file is truncated ({len} of {} bytes)",
            pages * page_size
        )));
    }
    Ok(version)
}

/// SQLite's rollback journal next to `path`.
fn journal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push("-journal");
    PathBuf::from(name)
}

/// Runs the steps of `steps` after `from` up to `to` in one exclusive
/// transaction and sets the version; on error the transaction is rolled
/// back and the file is as it was. When `backup` is given, the file is first
/// copied there (inside the transaction, so no other program writes
/// meanwhile).
pub(crate) fn migrate(
    conn: &mut Connection,
    path: &Path,
    from: u32,
    to: u32,
    steps: &[Migration],
    backup: Option<&Path>,
) -> Result<(), StoreError> {
    let sql = |e| StoreError::from_sql(path, e);
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)
        .map_err(sql)?;
    // Take the lock now: a plain BEGIN EXCLUSIVE already does, this makes
    // sure the copy below sees a file no one else is writing.
    tx.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(sql)?;
    if let Some(backup) = backup {
        std::fs::copy(path, backup).map_err(|e| StoreError::io(backup, e))?;
    }
    let run = || -> Result<(), rusqlite::Error> {
        for step in steps.iter().filter(|s| s.to > from && s.to <= to) {
            tx.execute_batch(step.sql)?;
        }
        tx.execute_batch(&format!(
            "PRAGMA user_version = {to}; PRAGMA application_id = {APPLICATION_ID};"
        ))?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [to.to_string()],
        )?;
        Ok(())
    };
    let failed = |e: rusqlite::Error| StoreError::Migration {
        path: path.to_path_buf(),
        from,
        to,
        reason: e.to_string(),
        backup: backup.map(Path::to_path_buf).unwrap_or_default(),
    };
    if from == 0 {
        // A new file: plain errors read better than "could not update".
        run().map_err(sql)?;
        return tx.commit().map_err(sql);
    }
    run().map_err(failed)?;
    tx.commit().map_err(failed)
}

/// A path beside `path` for the copy made before migrating from `version`:
/// `X.bak-v<N>`, or `X.bak-v<N>-2`, ... when that exists (never overwrite).
pub(crate) fn backup_path(path: &Path, version: u32) -> PathBuf {
    let base = {
        let mut name = path.as_os_str().to_os_string();
        name.push(format!(".bak-v{version}"));
        PathBuf::from(name)
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while candidate.exists() {
        let mut name = base.as_os_str().to_os_string();
        name.push(format!("-{n}"));
        candidate = PathBuf::from(name);
        n += 1;
    }
    candidate
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn version_of(path: &Path) -> i64 {
        let conn = Connection::open(path).unwrap();
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    }

    /// A new file in format 1 (the steps below pretend to go on from it).
    fn version_1_file(path: &Path) {
        let mut conn = Connection::open(path).unwrap();
        migrate(&mut conn, path, 0, 1, &MIGRATIONS[..1], None).unwrap();
    }

    #[test]
    fn migration_copies_then_upgrades_in_one_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.samachar");
        version_1_file(&path);
        let original = std::fs::read(&path).unwrap();
        let steps = [
            MIGRATIONS[0],
            Migration {
                to: 2,
                sql: "CREATE TABLE extra (x TEXT); INSERT INTO extra VALUES ('new');",
            },
        ];
        let backup = backup_path(&path, 1);
        assert_eq!(backup, dir.path().join("p.samachar.bak-v1"));
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn, &path, 1, 2, &steps, Some(&backup)).unwrap();
        drop(conn);
        assert_eq!(
            std::fs::read(&backup).unwrap(),
            original,
            "backup is the old file"
        );
        assert_eq!(version_of(&path), 2);
        let conn = Connection::open(&path).unwrap();
        let v: String = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(v, "2");
        // A second backup never replaces the first.
        std::fs::write(dir.path().join("p.samachar.bak-v1-2"), "x").unwrap();
        assert_eq!(
            backup_path(&path, 1),
            dir.path().join("p.samachar.bak-v1-3")
        );
    }

    #[test]
    fn failed_migration_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.samachar");
        version_1_file(&path);
        let original = std::fs::read(&path).unwrap();
        let steps = [
            MIGRATIONS[0],
            Migration {
                to: 2,
                sql: "CREATE TABLE extra (x TEXT);",
            },
            Migration {
                to: 3,
                sql: "CREATE TABLE articles (x TEXT);", // already there: fails
            },
        ];
        let backup = backup_path(&path, 1);
        let mut conn = Connection::open(&path).unwrap();
        let err = migrate(&mut conn, &path, 1, 3, &steps, Some(&backup)).unwrap_err();
        drop(conn);
        let msg = err.to_string();
        assert!(
            msg.contains("could not be updated from file format 1 to 3")
                && msg.contains("The file was not changed")
                && msg.contains("bak-v1"),
            "{msg}"
        );
        assert_eq!(version_of(&path), 1);
        assert_eq!(std::fs::read(&path).unwrap(), original, "rolled back");
        let conn = Connection::open(&path).unwrap();
        let extra: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'extra'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(extra, 0);
    }

    #[test]
    fn steps_are_numbered_in_order() {
        for (i, step) in MIGRATIONS.iter().enumerate() {
            assert_eq!(step.to as usize, i + 1);
        }
        assert_eq!(MIGRATIONS.len() as u32, SCHEMA_VERSION);
    }
}
