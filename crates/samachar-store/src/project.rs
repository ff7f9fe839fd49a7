//! The open project: one SQLite file with articles, annotations and history.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};
use samachar_model::{ArticleAnalysis, Document, Format};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ArticleId;
use crate::edit::{Annotations, Edit, EditError, NoteTarget};
use crate::error::StoreError;
use crate::schema::{self, MIGRATIONS, REQUIRED_TABLES, SCHEMA_VERSION};
use crate::search;

/// How long to wait for another program's lock before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(2);

/// An article as stored: its id, the document (with the original bytes) and
/// its analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredArticle {
    /// The article's id in this project.
    pub id: ArticleId,
    /// The document, original bytes included.
    pub doc: Document,
    /// What Samachar found in it when it was imported.
    pub analysis: ArticleAnalysis,
}

/// One article found by [`Project::search`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The article.
    pub article: ArticleId,
    /// Its file name.
    pub file: String,
    /// Its title, if known.
    pub title: Option<String>,
    /// Plain text around the first hit (white space collapsed, `…` where cut).
    pub snippet: String,
    /// Byte offset of the first hit in the article text (0 when only the
    /// title matched).
    pub offset: usize,
}

/// A summary of a project, for `samachar info` and the app's about box.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectInfo {
    /// The file.
    pub path: PathBuf,
    /// Its format version.
    pub schema_version: u32,
    /// The Samachar that created it ("Samachar 0.1.0").
    pub created_by: String,
    /// When it was created (UTC, ISO 8601).
    pub created_at: String,
    /// Number of articles (those removed not counted).
    pub articles: usize,
    /// Number of articles the user removed (kept in the file).
    #[serde(default)]
    pub removed_articles: usize,
    /// Number of spans the user tagged.
    pub tags: usize,
    /// Number of notes.
    pub notes: usize,
    /// Renames, kinds, merges and splits the user made.
    pub entity_corrections: usize,
    /// Edits in the history (done and undone).
    pub edits: usize,
    /// How many of them are done (can be undone).
    pub undo_position: usize,
    /// Size of the file in bytes.
    pub file_size: u64,
    /// True when opened read-only.
    pub read_only: bool,
}

impl fmt::Display for ProjectInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Project:      {}", self.path.display())?;
        writeln!(
            f,
            "File format:  {} (created by {} on {})",
            self.schema_version, self.created_by, self.created_at
        )?;
        if self.removed_articles > 0 {
            writeln!(
                f,
                "Articles:     {} ({} removed, kept in the file)",
                self.articles, self.removed_articles
            )?;
        } else {
            writeln!(f, "Articles:     {}", self.articles)?;
        }
        writeln!(
            f,
            "Annotations:  {} tag{}, {} note{}, {} entity correction{}",
            self.tags,
            plural(self.tags),
            self.notes,
            plural(self.notes),
            self.entity_corrections,
            plural(self.entity_corrections)
        )?;
        writeln!(
            f,
            "History:      {} edit{} ({} can be undone, {} redone)",
            self.edits,
            plural(self.edits),
            self.undo_position,
            self.edits - self.undo_position.min(self.edits)
        )?;
        write!(f, "Size:         {}", human_size(self.file_size))?;
        if self.read_only {
            write!(f, "\nOpened read-only")?;
        }
        Ok(())
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / KB / KB)
    }
}

/// One entry of the edit history.
#[derive(Clone, Debug, PartialEq)]
struct LogEntry {
    seq: i64,
    label: String,
    edit: Edit,
    inverse: Edit,
}

/// An open `.samachar` project.
///
/// All changes go through methods that write in one transaction; what is in
/// memory changes only after the file did.
#[derive(Debug)]
pub struct Project {
    conn: Connection,
    path: PathBuf,
    annotations: Annotations,
    history: Vec<LogEntry>,
    position: usize,
    revision: i64,
    read_only: bool,
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Html => "html",
        Format::Pdf => "pdf",
    }
}

fn parse_format(s: &str) -> Option<Format> {
    match s {
        "text" => Some(Format::Text),
        "html" => Some(Format::Html),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

fn open_connection(
    path: &Path,
    read_only: bool,
    timeout: Duration,
) -> Result<Connection, StoreError> {
    let mode = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    };
    let conn = Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| StoreError::from_sql(path, e))?;
    conn.busy_timeout(timeout)
        .map_err(|e| StoreError::from_sql(path, e))?;
    Ok(conn)
}

impl Project {
    /// Creates a new, empty project. Refuses if anything is at `path`.
    pub fn create(path: &Path) -> Result<Project, StoreError> {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::AlreadyExists {
                    path: path.to_path_buf(),
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                return Err(StoreError::ReadOnly {
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(StoreError::io(path, e)),
        }
        let result = Project::initialise(path);
        if result.is_err() {
            // Only the empty file made just above (and its journal) goes.
            let _ = std::fs::remove_file(path);
        }
        result
    }

    fn initialise(path: &Path) -> Result<Project, StoreError> {
        let mut conn = open_connection(path, false, DEFAULT_BUSY_TIMEOUT)?;
        schema::migrate(&mut conn, path, 0, SCHEMA_VERSION, MIGRATIONS, None)?;
        let created_by = format!("Samachar {}", env!("CARGO_PKG_VERSION"));
        conn.execute(
            "INSERT INTO meta (key, value) VALUES
                ('created_by', ?1),
                ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                ('undo_position', '0'),
                ('edit_revision', '0')",
            [created_by],
        )
        .map_err(|e| StoreError::from_sql(path, e))?;
        Project::load(conn, path, false)
    }

    /// Opens an existing project. A newer, damaged or locked file is refused
    /// without being written to; an older one is brought up to date after a
    /// copy is made beside it (`X.bak-v<N>`).
    pub fn open(path: &Path) -> Result<Project, StoreError> {
        Project::open_with(path, false, DEFAULT_BUSY_TIMEOUT)
    }

    /// Opens an existing project, waiting at most `timeout` for another
    /// program's lock.
    pub fn open_with_timeout(path: &Path, timeout: Duration) -> Result<Project, StoreError> {
        Project::open_with(path, false, timeout)
    }

    /// Opens an existing project for reading only: every change is refused
    /// with [`StoreError::ReadOnly`]. An older file is read only if this
    /// version reads it as it is (it is never migrated).
    pub fn open_read_only(path: &Path) -> Result<Project, StoreError> {
        Project::open_with(path, true, DEFAULT_BUSY_TIMEOUT)
    }

    /// Opens `path` if it exists, else creates it.
    pub fn open_or_create(path: &Path) -> Result<Project, StoreError> {
        if path.exists() {
            Project::open(path)
        } else {
            Project::create(path)
        }
    }

    fn open_with(path: &Path, read_only: bool, timeout: Duration) -> Result<Project, StoreError> {
        let version = schema::check_header(path)?;
        let mut conn = open_connection(path, read_only, timeout)?;
        let sql = |e| StoreError::from_sql(path, e);
        let read_only = read_only || conn.is_readonly(rusqlite::MAIN_DB).map_err(sql)?;
        // The first read takes a shared lock: a locked or damaged file fails here.
        let list_tables = |conn: &Connection| -> Result<Vec<String>, StoreError> {
            let mut stmt = conn
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
                .map_err(sql)?;
            let rows = stmt.query_map([], |r| r.get(0)).map_err(sql)?;
            rows.collect::<Result<_, _>>().map_err(sql)
        };
        let mut tables = list_tables(&conn)?;
        if version < SCHEMA_VERSION {
            if read_only {
                return Err(StoreError::ReadOnly {
                    path: path.to_path_buf(),
                });
            }
            let backup = schema::backup_path(path, version);
            schema::migrate(
                &mut conn,
                path,
                version,
                SCHEMA_VERSION,
                MIGRATIONS,
                Some(&backup),
            )?;
            tables = list_tables(&conn)?;
        }
        if let Some(missing) = REQUIRED_TABLES
            .iter()
            .find(|t| !tables.iter().any(|n| n == *t))
        {
            return Err(StoreError::damaged(
                path,
                format!("the table “{missing}” is missing"),
            ));
        }
        Project::load(conn, path, read_only)
    }

    fn load(conn: Connection, path: &Path, read_only: bool) -> Result<Project, StoreError> {
        let mut project = Project {
            conn,
            path: path.to_path_buf(),
            annotations: Annotations::default(),
            history: Vec::new(),
            position: 0,
            revision: 0,
            read_only,
        };
        project.reload()?;
        Ok(project)
    }

    /// Reads the annotations and the history again from the file (after
    /// [`StoreError::ChangedElsewhere`]).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sql = |e| StoreError::from_sql(&path, e);
        let tx = self.conn.unchecked_transaction().map_err(sql)?;
        let data: String = tx
            .query_row("SELECT data FROM annotation_state WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql)?
            .unwrap_or_else(|| "{}".to_string());
        let mut annotations: Annotations = serde_json::from_str(&data)
            .map_err(|e| StoreError::damaged(&path, format!("the annotations do not read: {e}")))?;
        let mut history = Vec::new();
        {
            let mut stmt = tx
                .prepare("SELECT seq, label, edit, inverse FROM edit_log ORDER BY seq")
                .map_err(sql)?;
            let mut rows = stmt.query([]).map_err(sql)?;
            while let Some(row) = rows.next().map_err(sql)? {
                let edit: String = row.get(2).map_err(sql)?;
                let inverse: String = row.get(3).map_err(sql)?;
                let parse = |s: &str| {
                    serde_json::from_str::<Edit>(s).map_err(|e| {
                        StoreError::damaged(&path, format!("the edit history does not read: {e}"))
                    })
                };
                history.push(LogEntry {
                    seq: row.get(0).map_err(sql)?,
                    label: row.get(1).map_err(sql)?,
                    edit: parse(&edit)?,
                    inverse: parse(&inverse)?,
                });
            }
        }
        let meta_int = |key: &str| -> Result<i64, StoreError> {
            let v: Option<String> = tx
                .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
                .map_err(sql)?;
            Ok(v.and_then(|s| s.parse().ok()).unwrap_or(0))
        };
        let position = to_usize(meta_int("undo_position")?).min(history.len());
        let revision = meta_int("edit_revision")?;
        {
            let mut stmt = tx.prepare("SELECT id, file FROM articles").map_err(sql)?;
            let rows = stmt
                .query_map([], |r| Ok((ArticleId(r.get(0)?), r.get::<_, String>(1)?)))
                .map_err(sql)?;
            for row in rows {
                let (id, file) = row.map_err(sql)?;
                annotations.article_files.insert(id, file);
            }
        }
        tx.finish().map_err(sql)?;
        self.annotations = annotations;
        self.history = history;
        self.position = position;
        self.revision = revision;
        Ok(())
    }

    /// Sets how long a change waits for another program's lock before
    /// failing with [`StoreError::Locked`] (default [`DEFAULT_BUSY_TIMEOUT`]).
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(timeout).map_err(self.sql())
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when changes cannot be saved (opened read-only, or the file or
    /// its folder cannot be written).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        |e| StoreError::from_sql(&self.path, e)
    }

    fn writable(&self) -> Result<(), StoreError> {
        if self.read_only {
            Err(StoreError::ReadOnly {
                path: self.path.clone(),
            })
        } else {
            Ok(())
        }
    }

    /// Adds one article. Returns its id.
    pub fn add_article(
        &mut self,
        doc: &Document,
        analysis: &ArticleAnalysis,
    ) -> Result<ArticleId, StoreError> {
        let ids = self.add_many(std::iter::once((doc, analysis)))?;
        ids.into_iter()
            .next()
            .ok_or_else(|| StoreError::damaged(&self.path, "the article was not stored"))
    }

    /// Adds articles in one transaction: all of them or none.
    pub fn add_articles(
        &mut self,
        items: &[(Document, ArticleAnalysis)],
    ) -> Result<Vec<ArticleId>, StoreError> {
        self.add_many(items.iter().map(|(d, a)| (d, a)))
    }

    fn add_many<'a>(
        &mut self,
        items: impl Iterator<Item = (&'a Document, &'a ArticleAnalysis)>,
    ) -> Result<Vec<ArticleId>, StoreError> {
        self.writable()?;
        let path = self.path.clone();
        let sql = |e| StoreError::from_sql(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let mut added = Vec::new();
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO articles
                        (path, file, format, encoding, format_title, title, original, sha256,
                         text, analysis, added_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                             strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                )
                .map_err(sql)?;
            for (doc, analysis) in items {
                let json = serde_json::to_string(analysis)
                    .map_err(|e| StoreError::damaged(&path, format!("analysis not stored: {e}")))?;
                let title = analysis.title.as_ref().or(doc.format_title.as_ref());
                stmt.execute(params![
                    doc.path,
                    doc.file,
                    format_name(doc.format),
                    doc.encoding,
                    doc.format_title,
                    title,
                    doc.bytes,
                    sha256_hex(&doc.bytes),
                    doc.text,
                    json,
                ])
                .map_err(sql)?;
                added.push((ArticleId(tx.last_insert_rowid()), doc.file.clone()));
            }
        }
        tx.commit().map_err(sql)?;
        let ids = added.iter().map(|(id, _)| *id).collect();
        self.annotations.article_files.extend(added);
        Ok(ids)
    }

    fn row_to_article(path: &Path, row: &rusqlite::Row<'_>) -> Result<StoredArticle, StoreError> {
        let sql = |e| StoreError::from_sql(path, e);
        let format: String = row.get(3).map_err(sql)?;
        let analysis: String = row.get(9).map_err(sql)?;
        let id = ArticleId(row.get(0).map_err(sql)?);
        Ok(StoredArticle {
            id,
            doc: Document {
                path: row.get(1).map_err(sql)?,
                file: row.get(2).map_err(sql)?,
                format: parse_format(&format).ok_or_else(|| {
                    StoreError::damaged(
                        path,
                        format!("article {id} has an unknown format “{format}”"),
                    )
                })?,
                encoding: row.get(4).map_err(sql)?,
                format_title: row.get(5).map_err(sql)?,
                bytes: row.get(6).map_err(sql)?,
                text: row.get(7).map_err(sql)?,
            },
            analysis: serde_json::from_str(&analysis).map_err(|e| {
                StoreError::damaged(
                    path,
                    format!("the analysis of article {id} does not read: {e}"),
                )
            })?,
        })
    }

    const ARTICLE_COLUMNS: &'static str =
        "id, path, file, format, encoding, format_title, original, text, title, analysis";

    /// Every article the user has not removed, sorted by file name, then id.
    pub fn articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        let mut all = self.all_articles()?;
        all.retain(|a| !self.annotations.is_removed(a.id));
        Ok(all)
    }

    /// Every article, removed ones too, sorted by file name, then id.
    pub fn all_articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {} FROM articles ORDER BY file, id",
                Self::ARTICLE_COLUMNS
            ))
            .map_err(self.sql())?;
        let mut rows = stmt.query([]).map_err(self.sql())?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(self.sql())? {
            out.push(Self::row_to_article(&self.path, row)?);
        }
        Ok(out)
    }

    /// One article, if the project has it (removed or not).
    pub fn article(&self, id: ArticleId) -> Result<Option<StoredArticle>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {} FROM articles WHERE id = ?1",
                Self::ARTICLE_COLUMNS
            ))
            .map_err(self.sql())?;
        let mut rows = stmt.query([id.0]).map_err(self.sql())?;
        match rows.next().map_err(self.sql())? {
            Some(row) => Ok(Some(Self::row_to_article(&self.path, row)?)),
            None => Ok(None),
        }
    }

    /// Number of articles the user has not removed.
    pub fn article_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .map_err(self.sql())?;
        let removed = self
            .annotations
            .removed
            .iter()
            .filter(|id| self.annotations.article_files.contains_key(id))
            .count();
        Ok(to_usize(n).saturating_sub(removed))
    }

    /// The article with exactly these bytes, if one was imported (removed
    /// or not).
    pub fn find_bytes(&self, bytes: &[u8]) -> Result<Option<ArticleId>, StoreError> {
        self.conn
            .query_row(
                "SELECT id FROM articles WHERE sha256 = ?1 AND original = ?2 ORDER BY id LIMIT 1",
                params![sha256_hex(bytes), bytes],
                |r| r.get(0).map(ArticleId),
            )
            .optional()
            .map_err(self.sql())
    }

    /// True when a file with exactly these bytes was already imported
    /// (removed or not).
    pub fn contains_bytes(&self, bytes: &[u8]) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM articles WHERE sha256 = ?1 AND original = ?2)",
                params![sha256_hex(bytes), bytes],
                |r| r.get(0),
            )
            .map_err(self.sql())
    }

    /// Full-text search over titles and texts, best first, at most `limit`
    /// hits. Words are matched whole (all of them must occur); `"two words"`
    /// matches a phrase and `word*` a prefix. Any text is accepted: quotes,
    /// punctuation and operators are taken literally, never as syntax.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(fts) = search::fts_query(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
                     ORDER BY bm25(articles_fts, 4.0, 1.0), rowid LIMIT ?2",
                )
                .map_err(self.sql())?;
            // Removed articles are skipped: ask for as many more.
            let wanted = limit.saturating_add(self.annotations.removed.len());
            let rows = stmt
                .query_map(params![fts, to_i64(wanted)], |r| r.get(0))
                .map_err(self.sql())?;
            let ids: Vec<i64> = rows.collect::<Result<_, _>>().map_err(self.sql())?;
            ids.into_iter()
                .filter(|id| !self.annotations.is_removed(ArticleId(*id)))
                .take(limit)
                .collect()
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.file, a.title, a.text, highlight(articles_fts, 1, char(1), char(2))
                 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                 WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?2",
            )
            .map_err(self.sql())?;
        let mut hits = Vec::with_capacity(ids.len());
        for id in ids {
            let row = stmt
                .query_row(params![fts, id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                })
                .optional()
                .map_err(self.sql())?;
            let Some((file, title, text, marked)) = row else {
                continue;
            };
            let offset = search::first_difference(&text, marked.as_deref().unwrap_or(&text));
            hits.push(SearchHit {
                article: ArticleId(id),
                file,
                title,
                snippet: search::snippet(&text, offset),
                offset,
            });
        }
        Ok(hits)
    }

    /// The user's annotations as they are now.
    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    /// Checks what only the project knows: the article exists and a span
    /// fits its text on character boundaries.
    fn validate(&self, edit: &Edit) -> Result<(), StoreError> {
        let (article, span) = match edit {
            Edit::TagSpan {
                article,
                start,
                end,
                ..
            } => (*article, Some((*start, *end))),
            Edit::AddNote {
                target:
                    NoteTarget::Span {
                        article,
                        start,
                        end,
                    },
                ..
            } => (*article, Some((*start, *end))),
            Edit::AddNote {
                target: NoteTarget::Article(article),
                ..
            }
            | Edit::RemoveArticle { article, .. }
            | Edit::RestoreArticle { article, .. } => (*article, None),
            _ => return Ok(()),
        };
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT text FROM articles WHERE id = ?1",
                [article.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())?;
        let text = text.ok_or(EditError::NoSuchArticle(article))?;
        if let Some((start, end)) = span
            && (end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end))
        {
            return Err(EditError::BadSpan {
                article,
                start,
                end,
                len: text.len(),
            }
            .into());
        }
        Ok(())
    }

    /// Writes new annotations and the undo position in one transaction,
    /// after `log` changed the edit log in it; refuses if another window
    /// changed the history meanwhile.
    fn commit_annotations(
        &mut self,
        next: &Annotations,
        position: usize,
        log: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.path.clone();
        let sql = |e| StoreError::from_sql(&path, e);
        let data = serde_json::to_string(next)
            .map_err(|e| StoreError::damaged(&path, format!("annotations not stored: {e}")))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let revision: i64 = tx
            .query_row(
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'edit_revision'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?
            .unwrap_or(0);
        if revision != self.revision {
            return Err(StoreError::ChangedElsewhere { path });
        }
        log(&tx).map_err(sql)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('undo_position', ?1), ('edit_revision', ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![position.to_string(), (revision + 1).to_string()],
        )
        .map_err(sql)?;
        tx.execute(
            "INSERT INTO annotation_state (id, data) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            [data],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        self.revision = revision + 1;
        Ok(())
    }

    /// Applies an edit, saves it with its inverse, and makes it the last
    /// thing undo undoes (what could be redone is dropped). Nothing changes
    /// if the edit is refused or cannot be saved.
    pub fn apply(&mut self, edit: Edit) -> Result<(), StoreError> {
        self.writable()?;
        self.validate(&edit)?;
        let mut next = self.annotations.clone();
        let inverse = next.apply(&edit)?;
        let label = edit.label();
        let edit_json = serde_json::to_string(&edit)
            .map_err(|e| StoreError::damaged(&self.path, format!("edit not stored: {e}")))?;
        let inverse_json = serde_json::to_string(&inverse)
            .map_err(|e| StoreError::damaged(&self.path, format!("edit not stored: {e}")))?;
        let keep = to_i64(self.position);
        let seq = keep + 1;
        self.commit_annotations(&next, self.position + 1, |tx| {
            tx.execute("DELETE FROM edit_log WHERE seq > ?1", [keep])?;
            tx.execute(
                "INSERT INTO edit_log (seq, label, edit, inverse, applied_at)
                 VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                params![seq, label, edit_json, inverse_json],
            )?;
            Ok(())
        })?;
        self.history.truncate(self.position);
        self.history.push(LogEntry {
            seq,
            label,
            edit,
            inverse,
        });
        self.position += 1;
        self.annotations = next;
        Ok(())
    }

    /// Undoes the last edit. False when there is nothing to undo.
    pub fn undo(&mut self) -> Result<bool, StoreError> {
        let Some(entry) = self
            .position
            .checked_sub(1)
            .and_then(|i| self.history.get(i))
        else {
            return Ok(false);
        };
        let mut next = self.annotations.clone();
        next.apply(&entry.inverse)?;
        self.commit_annotations(&next, self.position - 1, |_| Ok(()))?;
        self.position -= 1;
        self.annotations = next;
        Ok(true)
    }

    /// Redoes the last undone edit. False when there is nothing to redo.
    pub fn redo(&mut self) -> Result<bool, StoreError> {
        let Some(entry) = self.history.get(self.position) else {
            return Ok(false);
        };
        let mut next = self.annotations.clone();
        let inverse = next.apply(&entry.edit)?;
        let seq = entry.seq;
        let changed = inverse != entry.inverse;
        let inverse_json = serde_json::to_string(&inverse)
            .map_err(|e| StoreError::damaged(&self.path, format!("edit not stored: {e}")))?;
        self.commit_annotations(&next, self.position + 1, |tx| {
            if changed {
                tx.execute(
                    "UPDATE edit_log SET inverse = ?1 WHERE seq = ?2",
                    params![inverse_json, seq],
                )?;
            }
            Ok(())
        })?;
        if let Some(e) = self.history.get_mut(self.position) {
            e.inverse = inverse;
        }
        self.position += 1;
        self.annotations = next;
        Ok(true)
    }

    /// True when there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        self.position > 0
    }

    /// True when there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        self.position < self.history.len()
    }

    /// The label of the edit undo would undo ("Tag “Acme” as organisation").
    pub fn undo_label(&self) -> Option<String> {
        self.position
            .checked_sub(1)
            .and_then(|i| self.history.get(i))
            .map(|e| e.label.clone())
    }

    /// The label of the edit redo would redo.
    pub fn redo_label(&self) -> Option<String> {
        self.history.get(self.position).map(|e| e.label.clone())
    }

    /// The labels of the whole history, oldest first, with whether each is
    /// done (true) or undone (false).
    pub fn history(&self) -> Vec<(String, bool)> {
        self.history
            .iter()
            .enumerate()
            .map(|(i, e)| (e.label.clone(), i < self.position))
            .collect()
    }

    fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(self.sql())
    }

    /// A summary of the project.
    pub fn info(&self) -> Result<ProjectInfo, StoreError> {
        let schema_version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(self.sql())?;
        let a = &self.annotations;
        Ok(ProjectInfo {
            path: self.path.clone(),
            schema_version: u32::try_from(schema_version).unwrap_or(0),
            created_by: self.meta("created_by")?.unwrap_or_default(),
            created_at: self.meta("created_at")?.unwrap_or_default(),
            articles: self.article_count()?,
            removed_articles: a.removed.len(),
            tags: a.tags.len(),
            notes: a.notes.len(),
            entity_corrections: a.renames.len() + a.kinds.len() + a.merges.len() + a.splits.len(),
            edits: self.history.len(),
            undo_position: self.position,
            file_size: std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0),
            read_only: self.read_only,
        })
    }

    /// A value the app kept for this project.
    pub fn get_state(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM app_state WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sql())
    }

    /// Keeps a value for this project (replacing the one under `key`).
    pub fn set_state(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .execute(
                "INSERT INTO app_state (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map_err(self.sql())?;
        Ok(())
    }
}
