//! Samachar's core: from files to an analysed corpus, with no user interface.
//!
//! The pipeline for one file is: [`samachar_ingest::read_path`] decodes it
//! into a [`Document`]; [`samachar_ingest::clean::clean`] marks its page
//! furniture and finds its metadata; the furniture is masked out of the text
//! ([`samachar_model::text::mask`]) so that nothing in it can be extracted;
//! [`samachar_quantity::extract`] finds the figures and
//! [`samachar_extract::extract`] the entities and facts. Across articles,
//! [`samachar_extract::resolve_corpus`] merges aliases and flags conflicts.
//!
//! This crate re-exports the crates it is built from, so that the app and the
//! command line need depend on it alone.

pub mod score;
pub mod seeds;

pub use samachar_chart as chart;
pub use samachar_extract as extract;
pub use samachar_ingest as ingest;
pub use samachar_model as model;
pub use samachar_quantity as quantity;
pub use samachar_store as store;

use rayon::prelude::*;
use samachar_model::{ArticleAnalysis, CorpusAnalysis, Document, LoadError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// One article: the decoded document and what was found in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The decoded file, with its original bytes.
    pub doc: Document,
    /// What was found in it.
    pub analysis: ArticleAnalysis,
}

/// Analyses one decoded document.
pub fn analyze_document(doc: &Document) -> ArticleAnalysis {
    let cleaned = samachar_ingest::clean::clean(doc);
    let masked =
        samachar_model::text::mask(&doc.text, cleaned.furniture.iter().map(|f| f.start..f.end));
    let quantities = samachar_quantity::extract(&masked);
    let mut extraction = samachar_extract::extract(&masked, &cleaned.metadata, &quantities);
    for entity in &mut extraction.entities {
        entity.mentions.sort_by_key(|m| (m.start, m.end));
    }
    ArticleAnalysis {
        file: doc.file.clone(),
        title: cleaned.metadata.title,
        source: cleaned.metadata.source,
        published: cleaned.metadata.published,
        dateline: cleaned.metadata.dateline,
        encoding: doc.encoding.clone(),
        furniture: cleaned.furniture,
        entities: extraction.entities,
        quantities,
        facts: extraction.facts,
    }
}

/// Progress of a long import, reported as files finish.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files finished (read or failed).
    pub done: usize,
    /// Files in all.
    pub total: usize,
    /// The file most recently finished.
    pub current: String,
}

/// The result of reading and analysing many files.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// Articles read, sorted by file name then path.
    pub articles: Vec<Article>,
    /// Files that could not be read, sorted by path.
    pub errors: Vec<LoadError>,
    /// True when the batch was cancelled before every file was read.
    pub cancelled: bool,
    /// Files found inside folders that are not articles by their extension
    /// (spreadsheets, images, JSON ...), left alone; sorted.
    pub skipped: Vec<String>,
}

/// Extensions of the files taken from inside a folder (any case). A file
/// named on its own is always tried, whatever its extension; files with no
/// extension are taken too.
pub const ARTICLE_EXTENSIONS: [&str; 9] = [
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "shtml", "pdf",
];

/// The files a list of paths stands for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expanded {
    /// Files to read, sorted.
    pub files: Vec<PathBuf>,
    /// Paths that could not be listed or do not exist.
    pub errors: Vec<LoadError>,
    /// Files inside folders skipped for their extension.
    pub skipped: Vec<String>,
}

fn is_article_file(path: &Path) -> bool {
    match path.extension() {
        None => true,
        Some(ext) => {
            let ext = ext.to_string_lossy().to_ascii_lowercase();
            ARTICLE_EXTENSIONS.contains(&ext.as_str())
        }
    }
}

/// Expands folders (recursively) into the article files they hold, sorted,
/// skipping hidden files and files that are not articles by their extension
/// (see [`ARTICLE_EXTENSIONS`]). A path that does not exist or cannot be
/// listed becomes an error; the other paths go on.
pub fn expand_paths(paths: &[PathBuf]) -> Expanded {
    let mut out = Expanded::default();
    for path in paths {
        walk(path, &mut out, true);
    }
    out.files.sort();
    out.files.dedup();
    out.errors.sort_by(|a, b| a.path.cmp(&b.path));
    out.skipped.sort();
    out
}

fn walk(path: &Path, out: &mut Expanded, top: bool) {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    if hidden && !top {
        return;
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut children: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                children.sort();
                for child in children {
                    walk(&child, out, false);
                }
            }
            Err(e) => out.errors.push(LoadError {
                path: path.display().to_string(),
                message: format!("cannot list this folder: {e}"),
            }),
        },
        Ok(_) if top || is_article_file(path) => out.files.push(path.to_path_buf()),
        Ok(_) => out.skipped.push(path.display().to_string()),
        Err(e) => out.errors.push(LoadError {
            path: path.display().to_string(),
            message: if e.kind() == std::io::ErrorKind::NotFound {
                "no such file or folder".to_string()
            } else {
                format!("cannot read: {e}")
            },
        }),
    }
}

/// Reads and analyses `paths` (files or folders) in parallel. `progress` is
/// called after each file; setting `cancel` stops the batch early, keeping
/// what finished. Bad files become [`LoadError`]s and the rest go on.
pub fn analyze_paths(
    paths: &[PathBuf],
    cancel: &AtomicBool,
    progress: &(dyn Fn(Progress) + Sync),
) -> Batch {
    let Expanded {
        files,
        mut errors,
        skipped,
    } = expand_paths(paths);
    let total = files.len();
    let done = AtomicUsize::new(0);
    let results: Vec<Option<Result<Article, LoadError>>> = files
        .par_iter()
        .map(|path| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let result = read_and_analyze(path);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(Progress {
                done: n,
                total,
                current: path.display().to_string(),
            });
            Some(result)
        })
        .collect();
    let cancelled = results.iter().any(Option::is_none);
    let mut articles = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(a) => articles.push(a),
            Err(e) => errors.push(e),
        }
    }
    sort_articles(&mut articles);
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    Batch {
        articles,
        errors,
        cancelled,
        skipped,
    }
}

/// Reads and analyses one file. A bug in an extractor that panics on some
/// text costs that file only: it becomes a [`LoadError`] and the batch goes
/// on.
pub fn read_and_analyze(path: &Path) -> Result<Article, LoadError> {
    let error = |message: String| LoadError {
        path: path.display().to_string(),
        message,
    };
    let doc = samachar_ingest::read_path(path).map_err(|e| error(e.to_string()))?;
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyze_document(&doc))) {
        Ok(analysis) => Ok(Article { doc, analysis }),
        Err(_) => Err(error(
            "Samachar failed while analysing this file (an internal error; please report it with the file)"
                .to_string(),
        )),
    }
}

/// Sorts articles by file name, then path: the order of every output.
pub fn sort_articles(articles: &mut [Article]) {
    articles.sort_by(|a, b| {
        a.doc
            .file
            .cmp(&b.doc.file)
            .then_with(|| a.doc.path.cmp(&b.doc.path))
    });
}

/// Builds the corpus-level analysis (the `samachar analyze` document) from
/// analysed articles and load errors.
pub fn corpus_analysis(articles: &[Article], errors: &[LoadError]) -> CorpusAnalysis {
    let analyses: Vec<ArticleAnalysis> = articles.iter().map(|a| a.analysis.clone()).collect();
    let (entities, conflicts) = samachar_extract::resolve_corpus(&analyses);
    CorpusAnalysis {
        articles: analyses,
        entities,
        conflicts,
        errors: errors.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_yield_article_files_and_skip_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        for name in [
            "a.txt",
            "b.HTML",
            "notes",
            "sub/c.pdf",
            "data.json",
            "sheet.tsv",
            ".hidden.txt",
        ] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        let named = dir.path().join("data.json");
        let missing = dir.path().join("missing.txt");
        let out = expand_paths(&[dir.path().to_path_buf(), named.clone(), missing]);
        let names: Vec<String> = out
            .files
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        // A file named on its own is tried whatever its extension.
        assert_eq!(
            names,
            ["a.txt", "b.HTML", "data.json", "notes", "sub/c.pdf"]
        );
        assert_eq!(out.skipped.len(), 2, "{:?}", out.skipped);
        assert_eq!(out.errors.len(), 1);
        assert_eq!(out.errors[0].message, "no such file or folder");
    }
}
