//! The project file as the app uses it: opening (with the bundled seeds on
//! first start), importing, and where the default project lives.

use samachar_core::model::{ArticleAnalysis, Document};
use samachar_core::store::{ArticleId, Project};
use samachar_core::{Article, analyze_document, seeds};
use std::path::{Path, PathBuf};

/// A project read from disk, ready for the UI thread.
pub struct OpenedProject {
    /// The open project.
    pub project: Project,
    /// Its path.
    pub path: PathBuf,
    /// Its articles with their ids, sorted by file name then path.
    pub articles: Vec<(ArticleId, Article)>,
    /// True when the project was created now.
    pub created: bool,
}

/// Where the default project lives: `<data dir>/samachar/default.samachar`.
pub fn default_project_path() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data.join("samachar").join("default.samachar"))
}

/// Opens the project at `path`, creating it (with the bundled seed articles
/// when `seed` is true) if it does not exist. Runs on a worker thread.
pub fn open_project(path: &Path, seed: bool) -> anyhow::Result<OpenedProject> {
    let created = !path.exists();
    if created && let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("cannot create the folder {}: {e}", dir.display()))?;
    }
    let mut project = Project::open_or_create(path)?;
    let mut stored = project.articles()?;
    if created && seed && stored.is_empty() {
        let analysed: Vec<(Document, ArticleAnalysis)> = seeds::documents()
            .into_iter()
            .map(|doc| {
                let analysis = analyze_document(&doc);
                (doc, analysis)
            })
            .collect();
        project.add_articles(&analysed)?;
        stored = project.articles()?;
    }
    let articles = sorted(
        stored
            .into_iter()
            .map(|s| {
                (
                    s.id,
                    Article {
                        doc: s.doc,
                        analysis: s.analysis,
                    },
                )
            })
            .collect(),
    );
    Ok(OpenedProject {
        project,
        path: path.to_path_buf(),
        articles,
        created,
    })
}

/// Sorts (id, article) pairs in corpus order (file name, then path).
pub fn sorted(mut pairs: Vec<(ArticleId, Article)>) -> Vec<(ArticleId, Article)> {
    pairs.sort_by(|(_, a), (_, b)| {
        a.doc
            .file
            .cmp(&b.doc.file)
            .then_with(|| a.doc.path.cmp(&b.doc.path))
    });
    pairs
}
