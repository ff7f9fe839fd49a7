//! The application: its state, the frame loop, and the one place where
//! commands are applied.

use crate::app::charts_panel::{ChartAction, ChartsPanel};
use crate::app::command::{Command, commands_from_keys};
use crate::app::corpus_panel::corpus_panel_ui;
use crate::app::dialogs::{DialogKind, DialogOutcome, run_dialog};
use crate::app::palette::Palette;
use crate::app::project::{OpenedProject, default_project_path, open_project, sorted};
use crate::app::reader::{ReaderAction, ReaderState, ReaderTag, SpanTarget, reader_ui, target_at};
use crate::app::search::{Hit, SearchAction, SearchState, search_texts, search_ui};
use crate::app::state::{Selection, Tab, TableSettings, UiState};
use crate::app::tables::{TableCache, TableKind, compute_order, table_ui};
use crate::app::tasks::{TaskProgress, Tasks};
use crate::app::toasts::Toasts;
use crate::app::view::CorpusView;
use egui::RichText;
use samachar_core::model::{CorpusAnalysis, EntityKind, LoadError};
use samachar_core::store::{Annotations, ArticleId, Edit, NoteId, NoteTarget, Project};
use samachar_core::{Article, Progress, analyze_paths, corpus_analysis};
use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Key of the UI state in eframe's storage.
pub const STATE_KEY: &str = "samachar-ui";
/// Key of the charts view state in eframe's storage.
pub const CHARTS_KEY: &str = "samachar-charts";

/// What background tasks send back.
pub enum Event {
    /// A project was opened.
    Opened(Box<OpenedProject>),
    /// Files were read and analysed.
    Imported(ImportResult),
    /// The corpus view was rebuilt.
    View(Box<CorpusView>, Option<Arc<CorpusAnalysis>>),
    /// A file dialog closed.
    Dialog(DialogOutcome),
    /// A table was written.
    Exported(PathBuf, usize),
}

/// The result of an import task.
pub struct ImportResult {
    /// Articles read.
    pub articles: Vec<Article>,
    /// Files that could not be read.
    pub errors: Vec<LoadError>,
    /// True when cancelled part-way.
    pub cancelled: bool,
    /// Files asked for.
    pub total: usize,
}

/// Articles waiting to be written to the project, a few per frame.
struct PendingInsert {
    articles: VecDeque<Article>,
    saved: Vec<(ArticleId, Article)>,
    added: usize,
    duplicates: Vec<String>,
    /// Removed articles brought back because their file was imported again.
    restored: Vec<String>,
    errors: usize,
    cancelled: bool,
    seen: BTreeSet<u64>,
}

/// An annotation dialog.
enum EditDialog {
    Rename {
        entity: String,
        name: String,
    },
    Merge {
        into: String,
        into_name: String,
        from: Option<String>,
        filter: String,
    },
    Note {
        target: NoteTarget,
        /// Set when editing an existing note.
        note: Option<NoteId>,
        title: String,
        text: String,
    },
    Split {
        entity: String,
        name: String,
        aliases: Vec<String>,
        alias: Option<String>,
    },
}

/// The Samachar app.
pub struct SamacharApp {
    /// Persisted UI state.
    pub state: UiState,
    charts: ChartsPanel,
    project: Option<Project>,
    project_path: Option<PathBuf>,
    opening: bool,
    ids: Vec<ArticleId>,
    articles: Arc<Vec<Article>>,
    errors: Vec<LoadError>,
    base: Option<Arc<CorpusAnalysis>>,
    view: Arc<CorpusView>,
    generation: u64,
    view_running: bool,
    view_stale: Option<bool>,
    selected_article: Option<usize>,
    /// What is selected in the tables.
    pub selection: Selection,
    caches: [TableCache; 3],
    scroll_table: Option<usize>,
    /// The reader's state.
    pub reader: ReaderState,
    search: SearchState,
    palette: Palette,
    /// Messages and the error log.
    pub toasts: Toasts,
    tasks: Tasks<Event>,
    queue: Vec<Command>,
    inserting: Option<PendingInsert>,
    dialog: Option<EditDialog>,
    article_filter: String,
    repaint: Option<egui::Context>,
    title: String,
    fonts_installed: bool,
    theme_applied: bool,
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl SamacharApp {
    /// An app that opens `project` (or the last project, or the default one)
    /// in the background. `ctx` is woken when background work finishes.
    pub fn new(ctx: Option<egui::Context>, state: UiState, project: Option<PathBuf>) -> Self {
        let mut app = Self::empty(ctx, state);
        let path = project
            .or_else(|| app.state.last_project.clone().filter(|p| p.exists()))
            .or_else(default_project_path);
        match path {
            Some(path) => app.open(path, true),
            None => app
                .toasts
                .error("No home folder: cannot find where to keep the default project. Use File ▸ New project."),
        }
        app
    }

    /// Restores the app from eframe's storage.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        project: Option<PathBuf>,
    ) -> Self {
        crate::app::theme::install_fonts(&cc.egui_ctx);
        let state: UiState = cc
            .storage
            .and_then(|s| eframe::get_value(s, STATE_KEY))
            .unwrap_or_default();
        let charts: Option<ChartsPanel> = cc.storage.and_then(|s| eframe::get_value(s, CHARTS_KEY));
        let mut app = Self::new(Some(cc.egui_ctx.clone()), state, project);
        app.fonts_installed = true;
        if let Some(c) = charts {
            app.charts = c;
        }
        app
    }

    fn empty(ctx: Option<egui::Context>, state: UiState) -> Self {
        Self {
            state,
            charts: ChartsPanel::default(),
            project: None,
            project_path: None,
            opening: false,
            ids: Vec::new(),
            articles: Arc::new(Vec::new()),
            errors: Vec::new(),
            base: None,
            view: Arc::new(CorpusView::default()),
            generation: 0,
            view_running: false,
            view_stale: None,
            selected_article: None,
            selection: Selection::default(),
            caches: Default::default(),
            scroll_table: None,
            reader: ReaderState::default(),
            search: SearchState::default(),
            palette: Palette::default(),
            toasts: Toasts::default(),
            tasks: Tasks::default(),
            queue: Vec::new(),
            inserting: None,
            dialog: None,
            article_filter: String::new(),
            repaint: ctx,
            title: String::new(),
            fonts_installed: false,
            theme_applied: false,
        }
    }

    /// Queues a command; it is applied at the end of the next frame.
    pub fn queue(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// True while anything runs in the background (opening, importing,
    /// rebuilding the tables) or waits to be written.
    pub fn is_busy(&self) -> bool {
        self.tasks.is_busy()
            || self.inserting.is_some()
            || self.opening
            || self.view_stale.is_some()
            || self.caches.iter().any(TableCache::is_busy)
    }

    /// Tables with more rows than `limit` are sorted and filtered on a
    /// worker thread (tests lower it to exercise that path).
    pub fn set_sync_sort_limit(&mut self, limit: usize) {
        for cache in &mut self.caches {
            cache.sync_limit = limit;
        }
    }

    /// The project's annotations (notes, tags, corrections).
    pub fn annotations(&self) -> Option<&Annotations> {
        self.project.as_ref().map(Project::annotations)
    }

    /// What the views show now.
    pub fn view(&self) -> &CorpusView {
        &self.view
    }

    /// The path of the open project.
    pub fn project_path(&self) -> Option<&Path> {
        self.project_path.as_deref()
    }

    /// The article being read.
    pub fn selected_article(&self) -> Option<usize> {
        self.selected_article
    }

    /// The original text of the article being read.
    pub fn reader_text(&self) -> Option<&str> {
        self.articles
            .get(self.selected_article?)
            .map(|a| a.doc.text.as_str())
    }

    /// The window title: "Samachar — <project file name>".
    pub fn window_title(&self) -> String {
        match &self.project_path {
            Some(p) => format!(
                "Samachar — {}",
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |f| f.to_string_lossy().into_owned()
                )
            ),
            None => "Samachar".to_string(),
        }
    }

    // ----- background work -------------------------------------------------

    fn open(&mut self, path: PathBuf, seed: bool) {
        if self.opening {
            self.toasts.warning("A project is already being opened.");
            return;
        }
        self.opening = true;
        let label = format!(
            "Opening {}",
            path.file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned())
        );
        self.tasks
            .spawn(label, false, self.repaint.clone(), move |_| {
                let opened = open_project(&path, seed)?;
                Ok(Event::Opened(Box::new(opened)))
            });
    }

    fn import(&mut self, paths: Vec<PathBuf>) {
        if self.project.is_none() {
            self.toasts
                .error("Open or create a project before importing.");
            return;
        }
        if paths.is_empty() {
            return;
        }
        let label = if paths.len() == 1 {
            format!(
                "Importing {}",
                crate::app::tasks::short_path(&paths[0].to_string_lossy())
            )
        } else {
            format!("Importing {} items", paths.len())
        };
        self.tasks
            .spawn(label, true, self.repaint.clone(), move |cx| {
                let report = |p: Progress| {
                    cx.report(TaskProgress {
                        done: p.done,
                        total: p.total,
                        current: p.current,
                    });
                };
                let batch = analyze_paths(&paths, cx.cancel_flag(), &report);
                let total = batch.articles.len() + batch.errors.len();
                Ok(Event::Imported(ImportResult {
                    articles: batch.articles,
                    errors: batch.errors,
                    cancelled: batch.cancelled,
                    total,
                }))
            });
    }

    fn dialog(&mut self, kind: DialogKind) {
        self.tasks.spawn(
            "Waiting for the file dialog",
            false,
            self.repaint.clone(),
            move |_| Ok(Event::Dialog(run_dialog(kind))),
        );
    }

    /// Rebuilds the corpus view in the background: the corpus analysis when
    /// articles changed (`articles_changed`), then the user's corrections and
    /// the table rows.
    fn rebuild_view(&mut self, articles_changed: bool) {
        let stale = self.view_stale.unwrap_or(false) || articles_changed;
        self.view_stale = Some(stale);
        if self.view_running {
            return;
        }
        self.view_stale = None;
        self.view_running = true;
        self.generation += 1;
        let generation = self.generation;
        let base = if stale { None } else { self.base.clone() };
        let articles = self.articles.clone();
        let errors = self.errors.clone();
        let annotations: Annotations = self
            .project
            .as_ref()
            .map(|p| p.annotations().clone())
            .unwrap_or_default();
        self.tasks
            .spawn("Building tables", false, self.repaint.clone(), move |_| {
                let (base, new_base) = match base {
                    Some(b) => (b, None),
                    None => {
                        let b = Arc::new(corpus_analysis(&articles, &errors));
                        (b.clone(), Some(b))
                    }
                };
                let mut corpus = (*base).clone();
                annotations.apply_to_corpus(&mut corpus);
                Ok(Event::View(
                    Box::new(CorpusView::new(corpus, generation)),
                    new_base,
                ))
            });
    }

    fn poll_tasks(&mut self) {
        for finished in self.tasks.poll() {
            match finished.result {
                Ok(event) => self.handle_event(event),
                Err(e) => {
                    if finished.label.starts_with("Opening") {
                        self.opening = false;
                    }
                    if finished.label == "Building tables" {
                        self.view_running = false;
                    }
                    self.toasts.error(format!("{}: {e:#}", finished.label));
                }
            }
        }
    }

    fn handle_event(&mut self, event: Event) {
        match event {
            Event::Opened(opened) => {
                self.opening = false;
                let OpenedProject {
                    project,
                    path,
                    articles,
                    created,
                } = *opened;
                let n = articles.len();
                let (ids, articles): (Vec<_>, Vec<_>) = articles.into_iter().unzip();
                self.ids = ids;
                self.articles = Arc::new(articles);
                self.errors.clear();
                self.project = Some(project);
                self.state.last_project = Some(path.clone());
                self.project_path = Some(path);
                self.base = None;
                self.selection = Selection::default();
                self.reader.reset();
                self.search = SearchState::default();
                // Keep reading the article read last time, if it is here.
                self.selected_article = self
                    .state
                    .selected_article
                    .as_ref()
                    .and_then(|f| self.articles.iter().position(|a| &a.doc.file == f))
                    .or(if n > 0 { Some(0) } else { None });
                if created {
                    self.toasts.info(format!(
                        "Created {} with {n} articles",
                        self.window_title().trim_start_matches("Samachar — ")
                    ));
                }
                self.rebuild_view(true);
            }
            Event::Imported(result) => {
                let mut errors = result.errors;
                let nerrors = errors.len();
                self.errors.append(&mut errors);
                if nerrors > 0 {
                    self.toasts.warning(format!(
                        "{nerrors} of {} files could not be read (listed under the articles)",
                        result.total
                    ));
                }
                self.inserting = Some(PendingInsert {
                    articles: result.articles.into(),
                    saved: Vec::new(),
                    added: 0,
                    duplicates: Vec::new(),
                    restored: Vec::new(),
                    errors: nerrors,
                    cancelled: result.cancelled,
                    seen: BTreeSet::new(),
                });
            }
            Event::View(view, new_base) => {
                self.view_running = false;
                if let Some(b) = new_base {
                    self.base = Some(b);
                }
                if view.generation == self.generation {
                    self.view = Arc::new(*view);
                    // Keep what was selected, wherever its row is now.
                    self.selection.rebind(&self.view);
                }
                if let Some(stale) = self.view_stale.take() {
                    self.rebuild_view(stale);
                }
            }
            Event::Dialog(outcome) => match outcome {
                DialogOutcome::Picked(kind, paths) => match kind {
                    DialogKind::ImportFiles | DialogKind::ImportFolder => {
                        self.queue(Command::ImportPaths(paths));
                    }
                    DialogKind::OpenProject => {
                        if let Some(p) = paths.into_iter().next() {
                            self.queue(Command::OpenProjectPath(p));
                        }
                    }
                    DialogKind::NewProject => {
                        if let Some(p) = paths.into_iter().next() {
                            self.queue(Command::NewProjectPath(p));
                        }
                    }
                    DialogKind::ExportCsv(_) => {
                        if let Some(p) = paths.into_iter().next() {
                            self.queue(Command::ExportTableTo(p));
                        }
                    }
                },
                DialogOutcome::Cancelled => {}
                DialogOutcome::Unavailable(message) => self.toasts.warning(message),
            },
            Event::Exported(path, rows) => {
                self.toasts
                    .info(format!("Wrote {rows} rows to {}", path.display()));
            }
        }
    }

    /// Writes imported articles to the project, a few per frame so the
    /// window stays responsive.
    fn insert_some(&mut self) {
        let Some(pending) = self.inserting.as_mut() else {
            return;
        };
        let Some(project) = self.project.as_mut() else {
            self.inserting = None;
            return;
        };
        let started = Instant::now();
        let mut failure = None;
        let removed_before = project.annotations().removed.clone();
        while started.elapsed() < Duration::from_millis(8) && !pending.articles.is_empty() {
            let mut chunk = Vec::new();
            while chunk.len() < 16 {
                let Some(a) = pending.articles.pop_front() else {
                    break;
                };
                let hash = hash_bytes(&a.doc.bytes);
                let known = match project.find_bytes(&a.doc.bytes) {
                    Ok(k) => k,
                    Err(e) => {
                        failure = Some(format!("{e}"));
                        None
                    }
                };
                if let Some(id) = known
                    && project.annotations().is_removed(id)
                {
                    // Imported again after being removed: bring it back.
                    let edit = Edit::RestoreArticle {
                        article: id,
                        file: a.doc.file.clone(),
                    };
                    match project.apply(edit) {
                        Ok(()) => pending.restored.push(a.doc.file.clone()),
                        Err(e) => failure = Some(format!("{e}")),
                    }
                } else if known.is_some() || !pending.seen.insert(hash) {
                    pending.duplicates.push(a.doc.file.clone());
                } else {
                    chunk.push(a);
                }
            }
            if chunk.is_empty() {
                continue;
            }
            let rows: Vec<_> = chunk
                .iter()
                .map(|a| (a.doc.clone(), a.analysis.clone()))
                .collect();
            match project.add_articles(&rows) {
                Ok(ids) => {
                    pending.added += chunk.len();
                    pending.saved.extend(ids.into_iter().zip(chunk));
                }
                Err(e) => {
                    failure = Some(format!("{e}"));
                    pending.articles.clear();
                }
            }
            if failure.is_some() {
                break;
            }
        }
        if let Some(message) = failure {
            self.toasts.error(format!(
                "Could not save imported articles to the project: {message}"
            ));
        }
        if removed_before != project.annotations().removed {
            self.sync_removed(&removed_before);
        }
        let done = self
            .inserting
            .as_ref()
            .is_none_or(|p| p.articles.is_empty());
        if !done {
            if let Some(repaint) = &self.repaint {
                repaint.request_repaint();
            }
            return;
        }
        let Some(mut p) = self.inserting.take() else {
            return;
        };
        // Everything is saved: show the new articles, in corpus order.
        let new_pairs = std::mem::take(&mut p.saved);
        if !new_pairs.is_empty() {
            let mut pairs: Vec<(ArticleId, Article)> = self
                .ids
                .iter()
                .cloned()
                .zip(self.articles.iter().cloned())
                .collect();
            pairs.extend(new_pairs);
            let (ids, articles): (Vec<_>, Vec<_>) = sorted(pairs).into_iter().unzip();
            let reading = self
                .selected_article
                .and_then(|i| self.articles.get(i))
                .map(|a| a.doc.path.clone());
            self.ids = ids;
            self.articles = Arc::new(articles);
            self.selected_article = reading
                .and_then(|p| self.articles.iter().position(|a| a.doc.path == p))
                .or(Some(0));
        }
        let mut text = format!("Imported {} articles", p.added);
        if !p.restored.is_empty() {
            text.push_str(&format!(
                "; restored {} that had been removed ({})",
                p.restored.len(),
                p.restored
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !p.duplicates.is_empty() {
            text.push_str(&format!(
                "; skipped {} already in the project ({})",
                p.duplicates.len(),
                p.duplicates
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if p.errors > 0 {
            text.push_str(&format!("; {} files could not be read", p.errors));
        }
        if p.cancelled {
            text.push_str(" (cancelled: what finished was kept)");
        }
        self.toasts.info(text);
        if p.added > 0 || p.errors > 0 {
            self.rebuild_view(true);
        }
    }

    // ----- commands --------------------------------------------------------

    fn apply_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.queue);
        for command in commands {
            self.apply(ctx, command);
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenProject => self.dialog(DialogKind::OpenProject),
            Command::NewProject => self.dialog(DialogKind::NewProject),
            Command::ImportFiles => self.dialog(DialogKind::ImportFiles),
            Command::ImportFolder => self.dialog(DialogKind::ImportFolder),
            Command::OpenProjectPath(p) => {
                if p.exists() {
                    self.open(p, false);
                } else {
                    self.toasts.error(format!("{} does not exist", p.display()));
                }
            }
            Command::NewProjectPath(p) => self.open(p, false),
            Command::ImportPaths(paths) => self.import(paths),
            Command::CancelTasks => self.tasks.cancel_all(),
            Command::Search => {
                self.state.tab = Tab::Search;
                self.search.focus = true;
            }
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::Palette => self.palette.show(),
            Command::Export => {
                let name = format!("{}.csv", self.current_table_name());
                self.dialog(DialogKind::ExportCsv(name));
            }
            Command::ExportTableTo(path) => self.export(path),
            Command::ShowTab(tab) => self.state.tab = tab,
            Command::ToggleFurniture => self.state.show_furniture = !self.state.show_furniture,
            Command::ToggleCorpusPanel => {
                self.state.show_corpus_panel = !self.state.show_corpus_panel;
            }
            Command::TagSelection(kind) => self.tag_selection(kind),
            Command::RemoveArticle => self.remove_article(),
            Command::RenameEntity => match self.selected_entity() {
                Some((id, name)) => self.dialog = Some(EditDialog::Rename { entity: id, name }),
                None => self
                    .toasts
                    .warning("Select an entity in the Entities table first."),
            },
            Command::MergeEntities => match self.selected_entity() {
                Some((id, name)) => {
                    self.dialog = Some(EditDialog::Merge {
                        into: id,
                        into_name: name,
                        from: None,
                        filter: String::new(),
                    });
                }
                None => self
                    .toasts
                    .warning("Select the entity to keep in the Entities table first."),
            },
            Command::AddNote => match self.selected_article.and_then(|i| self.ids.get(i)) {
                Some(id) => {
                    let title = self
                        .selected_article
                        .and_then(|i| self.view.corpus.articles.get(i))
                        .map(|a| a.title.clone().unwrap_or_else(|| a.file.clone()))
                        .unwrap_or_default();
                    self.dialog = Some(EditDialog::Note {
                        target: NoteTarget::Article(*id),
                        note: None,
                        title,
                        text: String::new(),
                    });
                }
                None => self.toasts.warning("Open an article first."),
            },
            Command::AddEntityNote => match self.selected_entity() {
                Some((id, name)) => {
                    self.dialog = Some(EditDialog::Note {
                        target: NoteTarget::Entity(id),
                        note: None,
                        title: name,
                        text: String::new(),
                    });
                }
                None => self
                    .toasts
                    .warning("Select an entity in the Entities table first."),
            },
            Command::EditNote(id) => {
                let found = self
                    .project
                    .as_ref()
                    .and_then(|p| p.annotations().notes.get(&id).cloned());
                match found {
                    Some(note) => {
                        self.dialog = Some(EditDialog::Note {
                            title: self.note_target_text(&note.target),
                            target: note.target,
                            note: Some(id),
                            text: note.text,
                        });
                    }
                    None => self.toasts.warning("That note no longer exists."),
                }
            }
            Command::DeleteNote(id) => self.apply_edit(Edit::DeleteNote { note: id }),
            Command::SetEntityKind(kind) => match self.selected_entity() {
                Some((entity, _)) => self.apply_edit(Edit::SetEntityKind { entity, kind }),
                None => self
                    .toasts
                    .warning("Select an entity in the Entities table first."),
            },
            Command::SplitEntity => match self.selected_entity() {
                Some((entity, name)) => {
                    let aliases: Vec<String> = self
                        .selection
                        .entity
                        .and_then(|r| self.view.entities.get(r))
                        .map(|e| {
                            e.aliases
                                .split("; ")
                                .filter(|a| !a.is_empty())
                                .map(str::to_string)
                                .collect()
                        })
                        .unwrap_or_default();
                    if aliases.is_empty() {
                        self.toasts
                            .warning(format!("“{name}” has no other names to split off."));
                    } else {
                        self.dialog = Some(EditDialog::Split {
                            entity,
                            name,
                            alias: (aliases.len() == 1).then(|| aliases[0].clone()),
                            aliases,
                        });
                    }
                }
                None => self
                    .toasts
                    .warning("Select an entity in the Entities table first."),
            },
            Command::RemoveTagAt { article, offset } => {
                let tag = self.ids.get(article).and_then(|id| {
                    self.project.as_ref().and_then(|p| {
                        p.annotations()
                            .tags_for(*id)
                            .into_iter()
                            .find(|(_, t)| t.start <= offset && offset < t.end)
                            .map(|(tag, _)| tag)
                    })
                });
                match tag {
                    Some(tag) => self.apply_edit(Edit::RemoveTag { tag }),
                    None => self.toasts.warning("There is no tag of yours there."),
                }
            }
            Command::SelectSpanAt { article, offset } => self.select_span_at(article, offset),
            Command::SelectArticle(i) => self.select_article(i, None),
            Command::ClearErrors => {
                self.errors.clear();
                self.rebuild_view(true);
            }
            Command::ToggleTheme => {
                self.state.dark = !self.state.dark;
                ctx.set_theme(if self.state.dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn current_table_name(&self) -> &'static str {
        match self.state.tab {
            Tab::Quantities => "quantities",
            Tab::Facts => "facts",
            _ => "entities",
        }
    }

    fn export(&mut self, path: PathBuf) {
        use samachar_core::chart::export::{TableFormat, write_file_atomic, write_rows};
        let format = match TableFormat::from_path(&path) {
            Ok(f) => f,
            Err(_) => TableFormat::Csv,
        };
        let view = self.view.clone();
        let (settings, kind) = match self.state.tab {
            Tab::Quantities => (self.state.quantities.clone(), TableKind::Quantities),
            Tab::Facts => (self.state.facts.clone(), TableKind::Facts),
            _ => (self.state.entities.clone(), TableKind::Entities),
        };
        self.tasks
            .spawn("Exporting", false, self.repaint.clone(), move |cx| {
                // The order as shown, computed here rather than on the UI thread.
                let order = kind
                    .with(&view, |rows| {
                        compute_order(rows, &settings, cx.cancel_flag())
                    })
                    .unwrap_or_default();
                let n = order.len();
                write_file_atomic(&path, |w| match kind {
                    TableKind::Quantities => {
                        let rows: Vec<_> = order
                            .iter()
                            .filter_map(|&i| view.quantities.get(i))
                            .collect();
                        write_rows(&rows, format, w)
                    }
                    TableKind::Facts => {
                        let rows: Vec<_> =
                            order.iter().filter_map(|&i| view.facts.get(i)).collect();
                        write_rows(&rows, format, w)
                    }
                    TableKind::Entities => {
                        let rows: Vec<_> =
                            order.iter().filter_map(|&i| view.entities.get(i)).collect();
                        write_rows(&rows, format, w)
                    }
                })?;
                Ok(Event::Exported(path, n))
            });
    }

    /// What a note is attached to, in words.
    fn note_target_text(&self, target: &NoteTarget) -> String {
        let article_title = |id: &ArticleId| {
            self.ids
                .iter()
                .position(|x| x == id)
                .and_then(|i| self.view.corpus.articles.get(i))
                .map_or_else(
                    || {
                        // A note on an article the user removed names its file.
                        let removed = self.project.as_ref().and_then(|p| {
                            let a = p.annotations();
                            a.is_removed(*id)
                                .then(|| a.article_files.get(id).cloned())
                                .flatten()
                        });
                        match removed {
                            Some(file) => format!("{file} (removed from the project)"),
                            None => format!("article {}", id.0),
                        }
                    },
                    |a| a.title.clone().unwrap_or_else(|| a.file.clone()),
                )
        };
        match target {
            NoteTarget::Article(id) => article_title(id),
            NoteTarget::Entity(id) => self
                .view
                .entity_row_by_id(id)
                .and_then(|r| self.view.entities.get(r))
                .map_or_else(|| id.clone(), |e| e.name.clone()),
            NoteTarget::Span {
                article,
                start,
                end,
            } => {
                let excerpt = self
                    .ids
                    .iter()
                    .position(|x| x == article)
                    .and_then(|i| self.articles.get(i))
                    .and_then(|a| a.doc.text.get(*start..*end))
                    .map(|t| t.chars().take(40).collect::<String>())
                    .unwrap_or_default();
                format!("“{excerpt}” in {}", article_title(article))
            }
        }
    }

    /// The command removing the user's tag under the reader's selection
    /// (or cursor), with the tag's label.
    fn reader_tag_at_selection(&self) -> Option<(Command, String)> {
        let article = self.selected_article?;
        let id = self.ids.get(article)?;
        let at = self.reader.selection.as_ref().map(|r| r.start)?;
        let (_, tag) = self
            .project
            .as_ref()?
            .annotations()
            .tags_for(*id)
            .into_iter()
            .find(|(_, t)| t.start <= at && at < t.end)?;
        let label: String = tag.label.chars().take(40).collect();
        Some((
            Command::RemoveTagAt {
                article,
                offset: at,
            },
            label,
        ))
    }

    fn selected_entity(&self) -> Option<(String, String)> {
        let row = self.view.entities.get(self.selection.entity?)?;
        Some((row.id.clone(), row.name.clone()))
    }

    /// Selects the row of what is highlighted at `offset` of `article`:
    /// an entity (Entities tab) or a quantity (Quantities tab, with the
    /// facts resting on it).
    fn select_span_at(&mut self, article: usize, offset: usize) {
        let view = self.view.clone();
        let (Some(analysis), Some(source)) = (
            view.corpus.articles.get(article),
            self.articles.get(article),
        ) else {
            return;
        };
        match target_at(analysis, source.doc.text.len(), offset) {
            Some(SpanTarget::Entity(e)) => {
                let row = analysis
                    .entities
                    .get(e)
                    .and_then(|x| view.entity_row_by_name(&x.name));
                if let Some(row) = row {
                    self.selection.set_entity(&view, Some(row));
                    self.state.tab = Tab::Entities;
                    self.scroll_table = Some(row);
                }
            }
            Some(SpanTarget::Quantity(q)) => {
                if let Some(row) = view.quantity_row(article, q) {
                    self.selection.set_quantity(&view, Some(row));
                    self.state.tab = Tab::Quantities;
                    self.scroll_table = Some(row);
                    if let Some(qr) = view.quantities.get(row) {
                        // Facts resting on this figure.
                        let facts = view
                            .facts
                            .iter()
                            .enumerate()
                            .filter(|(_, f)| {
                                f.article_index == article && f.start <= qr.start && qr.end <= f.end
                            })
                            .map(|(i, _)| i)
                            .collect();
                        self.selection.set_facts(&view, facts);
                    }
                }
            }
            None => {}
        }
    }

    fn apply_edit(&mut self, edit: Edit) {
        let Some(project) = self.project.as_mut() else {
            self.toasts.error("No project is open.");
            return;
        };
        let label = edit.label();
        let removed_before = project.annotations().removed.clone();
        match project.apply(edit) {
            Ok(_) => {
                self.toasts.info(label);
                self.after_edit(&removed_before);
            }
            Err(e) => self.toasts.error(format!("{label}: {e}")),
        }
    }

    /// Rebuilds what an edit changed: the tables, and the article list when
    /// articles were removed or restored.
    fn after_edit(&mut self, removed_before: &BTreeSet<ArticleId>) {
        let changed = self
            .project
            .as_ref()
            .is_some_and(|p| &p.annotations().removed != removed_before);
        if changed {
            self.sync_removed(removed_before);
        } else {
            self.rebuild_view(false);
        }
    }

    /// Takes the articles the user removed out of the list and loads back
    /// those restored (by undo, redo or importing them again), then
    /// rebuilds the corpus; the article being read stays selected if it is
    /// still there.
    fn sync_removed(&mut self, removed_before: &BTreeSet<ArticleId>) {
        let Some(project) = self.project.as_ref() else {
            return;
        };
        let removed = &project.annotations().removed;
        let mut pairs: Vec<(ArticleId, Article)> = self
            .ids
            .iter()
            .copied()
            .zip(self.articles.iter().cloned())
            .filter(|(id, _)| !removed.contains(id))
            .collect();
        for id in removed_before.difference(removed) {
            match project.article(*id) {
                Ok(Some(stored)) => pairs.push((
                    stored.id,
                    Article {
                        doc: stored.doc,
                        analysis: stored.analysis,
                    },
                )),
                Ok(None) => {}
                Err(e) => self
                    .toasts
                    .error(format!("Could not read article {id}: {e}")),
            }
        }
        let reading = self.selected_article.and_then(|i| self.ids.get(i)).copied();
        let (ids, articles): (Vec<_>, Vec<_>) = sorted(pairs).into_iter().unzip();
        self.ids = ids;
        self.articles = Arc::new(articles);
        let still = reading.and_then(|r| self.ids.iter().position(|id| *id == r));
        if still.is_none() {
            self.reader.reset();
        }
        self.selected_article = still.or(if self.ids.is_empty() { None } else { Some(0) });
        self.state.selected_article = self
            .selected_article
            .and_then(|i| self.articles.get(i))
            .map(|a| a.doc.file.clone());
        self.selection = Selection::default();
        self.rebuild_view(true);
    }

    /// Removes the article being read from the project's tables (kept in
    /// the file; undo brings it back).
    fn remove_article(&mut self) {
        let Some(index) = self.selected_article else {
            self.toasts.warning("Select an article to remove first.");
            return;
        };
        let (Some(id), Some(article)) = (self.ids.get(index), self.articles.get(index)) else {
            return;
        };
        let edit = Edit::RemoveArticle {
            article: *id,
            file: article.doc.file.clone(),
        };
        self.apply_edit(edit);
    }

    fn undo_redo(&mut self, undo: bool) {
        let Some(project) = self.project.as_mut() else {
            return;
        };
        let label = if undo {
            project.undo_label()
        } else {
            project.redo_label()
        };
        let removed_before = project.annotations().removed.clone();
        let result = if undo { project.undo() } else { project.redo() };
        match result {
            Ok(true) => {
                let verb = if undo { "Undid" } else { "Redid" };
                self.toasts
                    .info(format!("{verb}: {}", label.unwrap_or_default()));
                self.after_edit(&removed_before);
            }
            Ok(false) => self.toasts.info(if undo {
                "Nothing to undo"
            } else {
                "Nothing to redo"
            }),
            Err(e) => self
                .toasts
                .error(format!("{}: {e}", if undo { "Undo" } else { "Redo" })),
        }
    }

    fn tag_selection(&mut self, kind: EntityKind) {
        let (Some(index), Some(range)) = (self.selected_article, self.reader.selection.clone())
        else {
            self.toasts.warning("Select some text in the reader first.");
            return;
        };
        let (Some(id), Some(article)) = (self.ids.get(index), self.articles.get(index)) else {
            return;
        };
        let Some(label) = article
            .doc
            .text
            .get(range.clone())
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        else {
            return;
        };
        if label.is_empty() {
            self.toasts.warning("The selection is empty.");
            return;
        }
        // Trim the span to the words.
        let text = &article.doc.text[range.clone()];
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        let edit = Edit::TagSpan {
            article: *id,
            start: range.start + lead,
            end: range.end - trail,
            kind,
            label,
        };
        self.apply_edit(edit);
    }

    fn select_article(&mut self, index: usize, scroll_to: Option<std::ops::Range<usize>>) {
        if self.selected_article != Some(index) {
            self.reader.reset();
        }
        self.selected_article = Some(index);
        self.state.selected_article = self.articles.get(index).map(|a| a.doc.file.clone());
        if let Some(range) = scroll_to {
            self.reader.pending_scroll = Some(range.start);
            self.reader.highlight = (range.start < range.end).then_some(range);
        }
    }

    fn select_table_row(&mut self, tab: Tab, row: usize) {
        match tab {
            Tab::Entities => {
                let view = self.view.clone();
                self.selection.set_entity(&view, Some(row));
                let Some(entity) = self.view.entities.get(row).cloned() else {
                    return;
                };
                let names: Vec<&str> = std::iter::once(entity.name.as_str())
                    .chain(entity.aliases.split("; ").filter(|s| !s.is_empty()))
                    .collect();
                // Prefer the article being read.
                let mut order: Vec<usize> = self.selected_article.into_iter().collect();
                order.extend(0..self.view.corpus.articles.len());
                for i in order {
                    let Some(a) = self.view.corpus.articles.get(i) else {
                        continue;
                    };
                    let mention = a
                        .entities
                        .iter()
                        .filter(|e| names.contains(&e.name.as_str()))
                        .flat_map(|e| e.mentions.iter())
                        .min_by_key(|m| m.start);
                    if let Some(m) = mention {
                        self.select_article(i, Some(m.start..m.end));
                        return;
                    }
                }
            }
            Tab::Quantities => {
                let view = self.view.clone();
                self.selection.set_quantity(&view, Some(row));
                if let Some(q) = self.view.quantities.get(row) {
                    let (i, r) = (q.article_index, q.start..q.end);
                    self.select_article(i, Some(r));
                }
            }
            Tab::Facts => {
                let view = self.view.clone();
                self.selection.set_facts(&view, vec![row]);
                if let Some(f) = self.view.facts.get(row) {
                    let (i, r) = (f.article_index, f.start..f.end);
                    self.select_article(i, Some(r));
                }
            }
            Tab::Search | Tab::Charts | Tab::Notes => {}
        }
    }

    fn run_search(&mut self, query: String) {
        self.search.error = None;
        self.search.searched = Some(query.clone());
        if query.trim().is_empty() {
            self.search.hits.clear();
            return;
        }
        let by_id = |id: &ArticleId| self.ids.iter().position(|x| x == id);
        match self.project.as_ref().map(|p| p.search(&query, 200)) {
            Some(Ok(hits)) => {
                self.search.hits = hits
                    .into_iter()
                    .filter_map(|h| {
                        Some(Hit {
                            article: by_id(&h.article)?,
                            title: h.title.clone().unwrap_or_else(|| h.file.clone()),
                            file: h.file,
                            snippet: h.snippet,
                            offset: h.offset,
                        })
                    })
                    .collect();
            }
            Some(Err(e)) => {
                self.search.hits.clear();
                self.search.error = Some(format!("Search failed: {e}"));
            }
            None => {
                self.search.hits = search_texts(
                    &query,
                    self.articles.iter().enumerate().map(|(i, a)| {
                        (
                            i,
                            a.doc.file.as_str(),
                            a.doc.text.as_str(),
                            a.analysis
                                .title
                                .clone()
                                .unwrap_or_else(|| a.doc.file.clone()),
                        )
                    }),
                    200,
                );
            }
        }
    }

    // ----- drawing ---------------------------------------------------------

    /// Draws one frame. `ui` is the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            crate::app::theme::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        if !self.theme_applied {
            ctx.set_theme(if self.state.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.theme_applied = true;
        }
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
        self.poll_tasks();
        self.insert_some();
        let keys = commands_from_keys(&ctx);
        self.queue.extend(keys);
        self.handle_dropped_files(&ctx);

        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if self.state.show_corpus_panel {
            egui::Panel::left("articles")
                .resizable(true)
                .default_size(290.0)
                .size_range(180.0..=600.0)
                .show(ui, |ui| {
                    let view = self.view.clone();
                    for c in corpus_panel_ui(
                        ui,
                        &view.corpus,
                        &self.errors,
                        self.selected_article,
                        &mut self.article_filter,
                    ) {
                        self.queue(c);
                    }
                });
        }
        egui::Panel::bottom("tables")
            .resizable(true)
            .default_size(330.0)
            .size_range(120.0..=900.0)
            .show(ui, |ui| self.tabs_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| self.reader_panel(ui));

        if let Some(c) = self.palette.ui(&ctx) {
            self.queue(c);
        }
        self.dialog_ui(&ctx);
        self.drop_overlay(&ctx);
        self.toasts.ui(&ctx);
        self.apply_commands(&ctx);
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        let is_project = |p: &PathBuf| p.extension().is_some_and(|e| e == "samachar");
        if dropped.len() == 1 && is_project(&dropped[0]) {
            self.queue(Command::OpenProjectPath(dropped[0].clone()));
        } else {
            let paths: Vec<PathBuf> = dropped.into_iter().filter(|p| !is_project(p)).collect();
            self.queue(Command::ImportPaths(paths));
        }
    }

    fn drop_overlay(&self, ctx: &egui::Context) {
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if !hovering {
            return;
        }
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("samachar-drop"),
        ));
        painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            "Drop files or folders to import them",
            egui::FontId::proportional(24.0),
            egui::Color32::WHITE,
        );
    }

    fn menu_item(&mut self, ui: &mut egui::Ui, command: Command, enabled: bool) {
        let shortcut = command.shortcut_text(ui.ctx());
        let button = egui::Button::new(command.label()).shortcut_text(shortcut);
        if ui.add_enabled(enabled, button).clicked() {
            self.queue(command);
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                self.menu_item(ui, Command::NewProject, true);
                self.menu_item(ui, Command::OpenProject, true);
                ui.separator();
                let has_project = self.project.is_some();
                self.menu_item(ui, Command::ImportFiles, has_project);
                self.menu_item(ui, Command::ImportFolder, has_project);
                ui.separator();
                self.menu_item(ui, Command::Export, true);
                ui.separator();
                self.menu_item(ui, Command::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = self.project.as_ref().map_or((None, None), |p| {
                    (
                        p.can_undo().then(|| p.undo_label()).flatten(),
                        p.can_redo().then(|| p.redo_label()).flatten(),
                    )
                });
                let undo_text = undo
                    .as_ref()
                    .map_or("Undo".to_string(), |l| format!("Undo {l}"));
                let redo_text = redo
                    .as_ref()
                    .map_or("Redo".to_string(), |l| format!("Redo {l}"));
                let ctx = ui.ctx().clone();
                if ui
                    .add_enabled(
                        undo.is_some(),
                        egui::Button::new(undo_text)
                            .shortcut_text(Command::Undo.shortcut_text(&ctx)),
                    )
                    .clicked()
                {
                    self.queue(Command::Undo);
                }
                if ui
                    .add_enabled(
                        redo.is_some(),
                        egui::Button::new(redo_text)
                            .shortcut_text(Command::Redo.shortcut_text(&ctx)),
                    )
                    .clicked()
                {
                    self.queue(Command::Redo);
                }
                ui.separator();
                let has_selection = self
                    .reader
                    .selection
                    .as_ref()
                    .is_some_and(|r| r.start < r.end);
                ui.add_enabled_ui(has_selection, |ui| {
                    ui.menu_button("Tag selection as", |ui| {
                        for kind in EntityKind::ALL {
                            if ui.button(crate::app::theme::kind_label(kind)).clicked() {
                                self.queue(Command::TagSelection(kind));
                            }
                        }
                    });
                });
                // Remove the tag under the reader's selection or cursor.
                let tag_here = self.reader_tag_at_selection();
                let remove = match &tag_here {
                    Some((_, label)) => format!("Remove tag “{label}”"),
                    None => "Remove tag".to_string(),
                };
                if ui
                    .add_enabled(tag_here.is_some(), egui::Button::new(remove))
                    .on_disabled_hover_text("Put the cursor in a span you tagged")
                    .clicked()
                    && let Some((command, _)) = tag_here
                {
                    self.queue(command);
                }
                ui.separator();
                let has_entity = self.selection.entity.is_some();
                ui.add_enabled_ui(has_entity, |ui| {
                    let mut commands = Vec::new();
                    Self::entity_menu(ui, &mut commands);
                    self.queue.extend(commands);
                });
                ui.separator();
                self.menu_item(ui, Command::AddNote, self.selected_article.is_some());
                self.menu_item(ui, Command::ShowTab(Tab::Notes), true);
                ui.separator();
                self.menu_item(
                    ui,
                    Command::RemoveArticle,
                    self.selected_article.is_some() && self.project.is_some(),
                );
                ui.separator();
                self.menu_item(ui, Command::Palette, true);
            });
            ui.menu_button("View", |ui| {
                for tab in Tab::ALL {
                    self.menu_item(ui, Command::ShowTab(tab), true);
                }
                ui.separator();
                let mut furniture = self.state.show_furniture;
                if ui.checkbox(&mut furniture, "Show page furniture").clicked() {
                    self.queue(Command::ToggleFurniture);
                }
                let mut panel = self.state.show_corpus_panel;
                if ui.checkbox(&mut panel, "Show articles panel").clicked() {
                    self.queue(Command::ToggleCorpusPanel);
                }
                let mut dark = self.state.dark;
                if ui.checkbox(&mut dark, "Dark mode").clicked() {
                    self.queue(Command::ToggleTheme);
                }
            });
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        self.tasks.ui(ui);
        if let Some(p) = &self.inserting {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!(
                    "Saving imported articles: {} saved, {} to go",
                    p.added,
                    p.articles.len()
                ));
            });
        }
        ui.horizontal(|ui| {
            match &self.project_path {
                Some(p) => {
                    let name = p.file_name().map_or_else(
                        || p.display().to_string(),
                        |f| f.to_string_lossy().into_owned(),
                    );
                    ui.label(format!("Project: {name}"))
                        .on_hover_text(p.display().to_string());
                }
                None if self.opening => {
                    ui.label("Opening project…");
                }
                None => {
                    ui.label("No project open");
                }
            }
            ui.separator();
            let c = &self.view.corpus;
            ui.label(format!(
                "{} articles · {} entities · {} quantities · {} facts",
                c.articles.len(),
                self.view.entities.len(),
                self.view.quantities.len(),
                self.view.facts.len()
            ));
            if !c.conflicts.is_empty() {
                ui.separator();
                ui.colored_label(
                    crate::app::theme::warning_color(ui.visuals().dark_mode),
                    format!("{} conflicts", c.conflicts.len()),
                );
            }
            if !self.errors.is_empty() {
                ui.separator();
                ui.colored_label(
                    crate::app::theme::error_color(ui.visuals().dark_mode),
                    format!("{} load errors", self.errors.len()),
                );
            }
        });
    }

    fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            for tab in Tab::ALL {
                let r = ui
                    .selectable_label(self.state.tab == tab, tab.label())
                    .on_hover_text(Command::ShowTab(tab).shortcut_text(ui.ctx()));
                if r.clicked() {
                    self.queue(Command::ShowTab(tab));
                }
            }
            if self.state.tab == Tab::Entities {
                ui.separator();
                let has = self.selection.entity.is_some();
                let name = self
                    .selection
                    .entity
                    .and_then(|r| self.view.entities.get(r))
                    .map(|e| e.name.clone());
                ui.add_enabled_ui(has, |ui| {
                    let mut commands = Vec::new();
                    ui.menu_button("Entity", |ui| Self::entity_menu(ui, &mut commands))
                        .response
                        .on_hover_text(
                            "Rename, merge, split, set the kind of or annotate the selected entity",
                        )
                        .on_disabled_hover_text("Click an entity's row first (or right-click it)");
                    self.queue.extend(commands);
                });
                if let Some(name) = name {
                    ui.add(egui::Label::new(RichText::new(name).weak()).truncate());
                }
            }
        });
        ui.separator();
        let view = self.view.clone();
        let scroll = self.scroll_table.take();
        let tab = self.state.tab;
        if !self.is_busy() {
            let empty = match tab {
                Tab::Entities if view.entities.is_empty() => Some(
                    "No entities yet: import articles (File ▸ Import), or select words in the reader and tag them.",
                ),
                Tab::Quantities if view.quantities.is_empty() => Some(
                    "No figures found yet: import articles that give amounts, counts or rates.",
                ),
                Tab::Facts if view.facts.is_empty() => Some(
                    "No facts yet: a fact ties a figure to what it is about; import articles to find some.",
                ),
                _ => None,
            };
            if let Some(text) = empty {
                ui.weak(text);
            }
        }
        let clicked = match tab {
            Tab::Entities => {
                let selected: Vec<usize> = self.selection.entity.into_iter().collect();
                let mut menu_commands = Vec::new();
                let mut menu = |ui: &mut egui::Ui, _row: usize| {
                    Self::entity_menu(ui, &mut menu_commands);
                };
                let r = table_ui(
                    ui,
                    "entities",
                    TableKind::Entities,
                    &view,
                    &mut self.state.entities,
                    &mut self.caches[0],
                    &selected,
                    scroll,
                    Some(&mut menu),
                );
                self.queue.extend(menu_commands);
                r.clicked
            }
            Tab::Quantities => {
                let selected: Vec<usize> = self.selection.quantity.into_iter().collect();
                table_ui(
                    ui,
                    "quantities",
                    TableKind::Quantities,
                    &view,
                    &mut self.state.quantities,
                    &mut self.caches[1],
                    &selected,
                    scroll,
                    None,
                )
                .clicked
            }
            Tab::Facts => {
                let selected = self.selection.facts.clone();
                table_ui(
                    ui,
                    "facts",
                    TableKind::Facts,
                    &view,
                    &mut self.state.facts,
                    &mut self.caches[2],
                    &selected,
                    scroll,
                    None,
                )
                .clicked
            }
            Tab::Search => {
                let mut query = std::mem::take(&mut self.state.search_query);
                let action = search_ui(ui, &mut self.search, &mut query);
                self.state.search_query = query;
                match action {
                    Some(SearchAction::Run(q)) => self.run_search(q),
                    Some(SearchAction::Open(hit)) => {
                        let len = self
                            .state
                            .search_query
                            .split_whitespace()
                            .next()
                            .map_or(0, |w| w.trim_matches(|c| c == '"' || c == '*').len());
                        self.select_article(hit.article, Some(hit.offset..hit.offset + len));
                    }
                    None => {}
                }
                None
            }
            Tab::Charts => {
                if let Some(ChartAction::SelectFacts(facts)) = self.charts.ui(ui, &view.corpus) {
                    let rows: Vec<usize> = facts
                        .iter()
                        .filter_map(|&(a, f)| view.fact_row(a, f))
                        .collect();
                    self.selection.set_facts(&view, rows.clone());
                    self.state.tab = Tab::Facts;
                    self.scroll_table = rows.first().copied();
                    if let Some(&first) = rows.first()
                        && let Some(f) = view.facts.get(first)
                    {
                        self.select_article(f.article_index, Some(f.start..f.end));
                    }
                }
                None
            }
            Tab::Notes => {
                self.notes_ui(ui);
                None
            }
        };
        if let Some(row) = clicked {
            self.select_table_row(tab, row);
        }
    }

    /// The entity commands as menu entries (row context menu, Edit menu).
    fn entity_menu(ui: &mut egui::Ui, out: &mut Vec<Command>) {
        for command in [
            Command::RenameEntity,
            Command::MergeEntities,
            Command::SplitEntity,
        ] {
            if ui.button(command.label()).clicked() {
                out.push(command);
                ui.close();
            }
        }
        ui.menu_button("Set entity kind", |ui| {
            for kind in EntityKind::ALL {
                let command = Command::SetEntityKind(kind);
                if ui.button(command.label()).clicked() {
                    out.push(command);
                    ui.close();
                }
            }
        });
        if ui.button(Command::AddEntityNote.label()).clicked() {
            out.push(Command::AddEntityNote);
            ui.close();
        }
    }

    /// Every note: what it is on, its text, Edit and Delete.
    fn notes_ui(&mut self, ui: &mut egui::Ui) {
        let notes: Vec<(NoteId, NoteTarget, String)> = self
            .project
            .as_ref()
            .map(|p| {
                p.annotations()
                    .notes
                    .iter()
                    .map(|(id, n)| (*id, n.target.clone(), n.text.clone()))
                    .collect()
            })
            .unwrap_or_default();
        ui.horizontal(|ui| {
            ui.label(format!("{} notes", notes.len()));
            ui.separator();
            if ui.button(Command::AddNote.label()).clicked() {
                self.queue(Command::AddNote);
            }
            if ui
                .add_enabled(
                    self.selection.entity.is_some(),
                    egui::Button::new(Command::AddEntityNote.label()),
                )
                .clicked()
            {
                self.queue(Command::AddEntityNote);
            }
        });
        ui.separator();
        if notes.is_empty() {
            ui.weak(
                "No notes yet. Add one to the article you are reading (Add note…) or to an entity \
                 (click its row in the Entities table, then Entity ▸ Add note to entity…).",
            );
            // Keep the panel's height: fill it.
            ui.allocate_space(ui.available_size());
            return;
        }
        let mut commands = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("notes")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("notes-grid")
                    .num_columns(3)
                    .striped(true)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        for (id, target, text) in &notes {
                            let kind = match target {
                                NoteTarget::Article(_) => "Article",
                                NoteTarget::Entity(_) => "Entity",
                                NoteTarget::Span { .. } => "Passage",
                            };
                            ui.label(format!("{kind}: {}", self.note_target_text(target)));
                            ui.add(egui::Label::new(text.as_str()).wrap());
                            ui.horizontal(|ui| {
                                if ui.small_button("Edit…").clicked() {
                                    commands.push(Command::EditNote(*id));
                                }
                                if ui.small_button("Delete").clicked() {
                                    commands.push(Command::DeleteNote(*id));
                                }
                            });
                            ui.end_row();
                        }
                    });
            });
        self.queue.extend(commands);
    }

    fn reader_panel(&mut self, ui: &mut egui::Ui) {
        if self.opening && self.articles.is_empty() {
            ui.centered_and_justified(|ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Opening project…");
                });
            });
            return;
        }
        let view = self.view.clone();
        let Some(index) = self
            .selected_article
            .filter(|&i| i < view.corpus.articles.len())
        else {
            ui.centered_and_justified(|ui| {
                ui.label(
                    "Select an article on the left to read it, or drop files here to import them.",
                );
            });
            return;
        };
        let articles = self.articles.clone();
        let Some(article) = articles.get(index) else {
            return;
        };
        let (notes, tags): (Vec<String>, Vec<ReaderTag>) =
            match (self.project.as_ref(), self.ids.get(index)) {
                (Some(p), Some(id)) => (
                    p.annotations()
                        .notes_for(&NoteTarget::Article(*id))
                        .into_iter()
                        .map(|(_, n)| n.text.clone())
                        .collect(),
                    p.annotations()
                        .tags_for(*id)
                        .into_iter()
                        .map(|(_, t)| ReaderTag {
                            start: t.start,
                            end: t.end,
                            label: t.label.clone(),
                        })
                        .collect(),
                ),
                _ => (Vec::new(), Vec::new()),
            };
        let actions = reader_ui(
            ui,
            &mut self.reader,
            &view,
            index,
            &article.doc.text,
            &mut self.state.show_furniture,
            &notes,
            &tags,
        );
        for action in actions {
            match action {
                ReaderAction::Command(c) => self.queue(c),
            }
        }
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.as_mut() else {
            return;
        };
        let mut close = false;
        let mut edit = None;
        let view = self.view.clone();
        match dialog {
            EditDialog::Rename { entity, name } => {
                egui::Window::new("Rename entity")
                    .collapsible(false)
                    .resizable(false)
                    .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                    .show(ctx, |ui| {
                        let label = ui.label("New name");
                        let r = ui
                            .add(egui::TextEdit::singleline(name).desired_width(300.0))
                            .labelled_by(label.id);
                        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        ui.horizontal(|ui| {
                            if ui.button("Rename").clicked() || enter {
                                edit = Some(Edit::RenameEntity {
                                    entity: entity.clone(),
                                    name: name.trim().to_string(),
                                });
                                close = true;
                            }
                            if ui.button("Cancel").clicked() {
                                close = true;
                            }
                        });
                    });
            }
            EditDialog::Merge {
                into,
                into_name,
                from,
                filter,
            } => {
                egui::Window::new("Merge entities")
                    .collapsible(false)
                    .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                    .default_size(egui::vec2(420.0, 360.0))
                    .show(ctx, |ui| {
                        ui.label(format!("Merge another entity into “{into_name}”:"));
                        let label = ui.label("Find entity");
                        ui.add(egui::TextEdit::singleline(filter).desired_width(300.0))
                            .labelled_by(label.id);
                        let needle = filter.trim().to_lowercase();
                        egui::ScrollArea::vertical()
                            .max_height(240.0)
                            .show(ui, |ui| {
                                for e in
                                    view.entities.iter().filter(|e| &e.id != into).filter(|e| {
                                        crate::app::tables::contains_ignore_case(&e.name, &needle)
                                    })
                                {
                                    let chosen = from.as_deref() == Some(e.id.as_str());
                                    if ui
                                        .selectable_label(
                                            chosen,
                                            format!("{} ({})", e.name, e.kind),
                                        )
                                        .clicked()
                                    {
                                        *from = Some(e.id.clone());
                                    }
                                }
                            });
                        ui.horizontal(|ui| {
                            if ui
                                .add_enabled(from.is_some(), egui::Button::new("Merge"))
                                .clicked()
                                && let Some(f) = from.clone()
                            {
                                edit = Some(Edit::MergeEntities {
                                    into: into.clone(),
                                    from: f,
                                });
                                close = true;
                            }
                            if ui.button("Cancel").clicked() {
                                close = true;
                            }
                        });
                    });
            }
            EditDialog::Note {
                target,
                note,
                title,
                text,
            } => {
                let heading = if note.is_some() {
                    "Edit note"
                } else {
                    "Add note"
                };
                egui::Window::new(heading)
                    .collapsible(false)
                    .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                    .show(ctx, |ui| {
                        ui.label(format!("Note on “{title}”"));
                        let label = ui.label("Note");
                        ui.add(
                            egui::TextEdit::multiline(text)
                                .desired_width(360.0)
                                .desired_rows(4),
                        )
                        .labelled_by(label.id);
                        ui.horizontal(|ui| {
                            if ui
                                .add_enabled(
                                    !text.trim().is_empty(),
                                    egui::Button::new("Save note"),
                                )
                                .clicked()
                            {
                                let text = text.trim().to_string();
                                edit = Some(match note {
                                    Some(id) => Edit::EditNote { note: *id, text },
                                    None => Edit::AddNote {
                                        target: target.clone(),
                                        text,
                                    },
                                });
                                close = true;
                            }
                            if ui.button("Cancel").clicked() {
                                close = true;
                            }
                        });
                    });
            }
            EditDialog::Split {
                entity,
                name,
                aliases,
                alias,
            } => {
                egui::Window::new("Split entity")
                    .collapsible(false)
                    .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                    .default_size(egui::vec2(420.0, 300.0))
                    .show(ctx, |ui| {
                        ui.label(format!(
                            "Which name of “{name}” is a different entity? It gets an entity of its own."
                        ));
                        egui::ScrollArea::vertical()
                            .max_height(220.0)
                            .show(ui, |ui| {
                                for a in aliases.iter() {
                                    let chosen = alias.as_deref() == Some(a.as_str());
                                    if ui.selectable_label(chosen, a).clicked() {
                                        *alias = Some(a.clone());
                                    }
                                }
                            });
                        ui.horizontal(|ui| {
                            if ui
                                .add_enabled(alias.is_some(), egui::Button::new("Split off"))
                                .clicked()
                                && let Some(a) = alias.clone()
                            {
                                edit = Some(Edit::SplitEntity {
                                    entity: entity.clone(),
                                    alias: a,
                                });
                                close = true;
                            }
                            if ui.button("Cancel").clicked() {
                                close = true;
                            }
                        });
                    });
            }
        }
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
        if close {
            self.dialog = None;
        }
        if let Some(e) = edit {
            self.apply_edit(e);
        }
    }

    /// Table settings of a tab (for tests and the palette).
    pub fn table_settings(&mut self, tab: Tab) -> Option<&mut TableSettings> {
        match tab {
            Tab::Entities => Some(&mut self.state.entities),
            Tab::Quantities => Some(&mut self.state.quantities),
            Tab::Facts => Some(&mut self.state.facts),
            _ => None,
        }
    }

    /// The rows of a table in display order (sorted and filtered).
    pub fn table_order(&self, tab: Tab) -> &[usize] {
        match tab {
            Tab::Entities => self.caches[0].order.as_slice(),
            Tab::Quantities => self.caches[1].order.as_slice(),
            Tab::Facts => self.caches[2].order.as_slice(),
            _ => &[],
        }
    }
}

impl eframe::App for SamacharApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STATE_KEY, &self.state);
        eframe::set_value(storage, CHARTS_KEY, &self.charts);
    }
}
