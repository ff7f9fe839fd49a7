//! The Entities, Quantities and Facts tables: every column sortable, a filter
//! box, a row count. Only the visible rows are drawn (`TableBody::rows`).
//!
//! The sorted, filtered order is computed when the sort key, the filter or
//! the data changes: at once for small tables, on a worker thread for large
//! ones ([`TableCache`]), so that the window never waits. Until the new order
//! is ready the old one stays on screen with "Sorting…" next to it; an order
//! that is no longer wanted (the user typed again) is dropped.

use crate::app::state::TableSettings;
use crate::app::theme;
use crate::app::view::{CorpusView, value_text};
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};
use samachar_core::model::EntityKind;
use samachar_core::model::text::format_number;
use std::cmp::Ordering;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::mpsc::{Receiver, TryRecvError};

/// Height of one table row.
pub const ROW_HEIGHT: f32 = 20.0;

/// A table's data as the generic table view sees it.
pub trait TableRows {
    /// Column titles.
    fn columns(&self) -> &'static [&'static str];
    /// Number of rows.
    fn len(&self) -> usize;
    /// True when there are no rows.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The text of one cell (formatted once, with the rows).
    fn cell(&self, row: usize, col: usize) -> &str;
    /// Orders two rows by one column.
    fn compare(&self, a: usize, b: usize, col: usize) -> Ordering {
        compare_text(self.cell(a, col), self.cell(b, col))
    }
    /// A colour for a cell, if it has one.
    fn color(&self, _row: usize, _col: usize, _dark: bool) -> Option<Color32> {
        None
    }
    /// Extra text shown when hovering a cell.
    fn hover(&self, _row: usize, _col: usize) -> Option<String> {
        None
    }
    /// Initial column widths.
    fn widths(&self) -> &'static [f32];
}

/// Case-insensitive comparison of two texts, empty texts last.
pub fn compare_text(a: &str, b: &str) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    let la = a.chars().flat_map(char::to_lowercase);
    let lb = b.chars().flat_map(char::to_lowercase);
    la.cmp(lb).then_with(|| a.cmp(b))
}

fn compare_numbers(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// True when `haystack` contains `needle` (already lower case), ignoring case.
pub fn contains_ignore_case(haystack: &str, needle_lower: &str) -> bool {
    if needle_lower.is_empty() {
        return true;
    }
    if haystack.is_ascii() && needle_lower.is_ascii() {
        let h = haystack.as_bytes();
        let n = needle_lower.as_bytes();
        return h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    haystack.to_lowercase().contains(needle_lower)
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// The text of `cached` unless it is empty, else `fallback`.
fn or<'a>(cached: Option<&'a String>, fallback: &'a str) -> &'a str {
    match cached {
        Some(c) if !c.is_empty() => c,
        _ => fallback,
    }
}

/// The Entities table of a view.
pub struct EntityTable<'a>(pub &'a CorpusView);
/// The Quantities table of a view.
pub struct QuantityTable<'a>(pub &'a CorpusView);
/// The Facts table of a view.
pub struct FactTable<'a>(pub &'a CorpusView);

/// Which of the three tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// Entities.
    Entities,
    /// Quantities.
    Quantities,
    /// Facts.
    Facts,
}

impl TableKind {
    /// Runs `f` on this table of `view`.
    pub fn with<R>(self, view: &CorpusView, f: impl FnOnce(&dyn TableRows) -> R) -> R {
        match self {
            TableKind::Entities => f(&EntityTable(view)),
            TableKind::Quantities => f(&QuantityTable(view)),
            TableKind::Facts => f(&FactTable(view)),
        }
    }
}

fn kind_of(name: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.as_str() == name)
}

impl TableRows for EntityTable<'_> {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "Name",
            "Kind",
            "Role",
            "Organisation",
            "Aliases",
            "Articles",
            "Mentions",
        ]
    }
    fn widths(&self) -> &'static [f32] {
        &[210.0, 90.0, 140.0, 170.0, 170.0, 170.0, 70.0]
    }
    fn len(&self) -> usize {
        self.0.entities.len()
    }
    fn cell(&self, row: usize, col: usize) -> &str {
        let Some(r) = self.0.entities.get(row) else {
            return "";
        };
        match col {
            0 => &r.name,
            1 => match kind_of(&r.kind) {
                Some(k) => theme::kind_label(k),
                None => r.kind.as_str(),
            },
            2 => opt(&r.role),
            3 => opt(&r.organization),
            4 => &r.aliases,
            5 => &r.articles,
            _ => or(self.0.cells.entity_mentions.get(row), ""),
        }
    }
    fn compare(&self, a: usize, b: usize, col: usize) -> Ordering {
        let rows = &self.0.entities;
        match (rows.get(a), rows.get(b), col) {
            (Some(x), Some(y), 6) => x.mentions.cmp(&y.mentions),
            (Some(x), Some(y), 5) => x
                .articles
                .split("; ")
                .count()
                .cmp(&y.articles.split("; ").count())
                .then_with(|| compare_text(&x.articles, &y.articles)),
            _ => compare_text(self.cell(a, col), self.cell(b, col)),
        }
    }
    fn color(&self, row: usize, col: usize, dark: bool) -> Option<Color32> {
        let r = self.0.entities.get(row)?;
        (col <= 1)
            .then(|| kind_of(&r.kind).map(|k| theme::entity_color(k, dark)))
            .flatten()
    }
}

/// "6,40,000 bags per month → 640,000 bags/month".
pub fn describe_quantity(
    text: &str,
    value: f64,
    value_max: Option<f64>,
    unit: Option<&str>,
    per: Option<&str>,
) -> String {
    let mut out = format!("{text} → {}", value_text(value, value_max));
    if let Some(u) = unit {
        out.push(' ');
        out.push_str(u);
    }
    if let Some(p) = per {
        out.push('/');
        out.push_str(p);
    }
    out
}

impl TableRows for QuantityTable<'_> {
    fn columns(&self) -> &'static [&'static str] {
        &["Text", "Value", "Unit", "Per", "Article", "Sentence"]
    }
    fn widths(&self) -> &'static [f32] {
        &[180.0, 120.0, 90.0, 70.0, 180.0, 500.0]
    }
    fn len(&self) -> usize {
        self.0.quantities.len()
    }
    fn cell(&self, row: usize, col: usize) -> &str {
        let Some(r) = self.0.quantities.get(row) else {
            return "";
        };
        match col {
            0 => &r.text,
            1 => or(self.0.cells.quantity_values.get(row), ""),
            2 => opt(&r.unit),
            3 => opt(&r.per),
            4 => &r.article,
            _ => &r.sentence,
        }
    }
    fn compare(&self, a: usize, b: usize, col: usize) -> Ordering {
        let rows = &self.0.quantities;
        match (rows.get(a), rows.get(b), col) {
            (Some(x), Some(y), 1) => x.value.total_cmp(&y.value),
            _ => compare_text(self.cell(a, col), self.cell(b, col)),
        }
    }
    fn color(&self, _row: usize, col: usize, dark: bool) -> Option<Color32> {
        (col == 0).then(|| theme::quantity_color(dark))
    }
    fn hover(&self, row: usize, col: usize) -> Option<String> {
        let r = self.0.quantities.get(row)?;
        match col {
            0 | 1 => Some(describe_quantity(
                &r.text,
                r.value,
                r.value_max,
                r.unit.as_deref(),
                r.per.as_deref(),
            )),
            5 => Some(r.sentence.clone()),
            _ => None,
        }
    }
}

impl TableRows for FactTable<'_> {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "Subject", "Metric", "Value", "Unit", "Derived", "Conflict", "Article", "Sentence",
        ]
    }
    fn widths(&self) -> &'static [f32] {
        &[200.0, 150.0, 110.0, 80.0, 70.0, 70.0, 170.0, 500.0]
    }
    fn len(&self) -> usize {
        self.0.facts.len()
    }
    fn cell(&self, row: usize, col: usize) -> &str {
        let Some(r) = self.0.facts.get(row) else {
            return "";
        };
        let cells = &self.0.cells;
        match col {
            0 => &r.subject,
            1 => &r.metric,
            2 => or(cells.fact_values.get(row), &r.value),
            3 => or(cells.fact_units.get(row), opt(&r.unit)),
            4 => {
                if r.derived {
                    "derived"
                } else {
                    ""
                }
            }
            5 => {
                if r.conflict {
                    "conflict"
                } else {
                    ""
                }
            }
            6 => &r.article,
            _ => &r.sentence,
        }
    }
    fn compare(&self, a: usize, b: usize, col: usize) -> Ordering {
        let rows = &self.0.facts;
        match (rows.get(a), rows.get(b), col) {
            (Some(x), Some(y), 2) => {
                compare_numbers(x.number, y.number).then_with(|| compare_text(&x.value, &y.value))
            }
            (Some(x), Some(y), 4) => y.derived.cmp(&x.derived),
            (Some(x), Some(y), 5) => y.conflict.cmp(&x.conflict),
            _ => compare_text(self.cell(a, col), self.cell(b, col)),
        }
    }
    fn color(&self, row: usize, col: usize, dark: bool) -> Option<Color32> {
        let r = self.0.facts.get(row)?;
        match col {
            2 if r.number.is_some() => Some(theme::quantity_color(dark)),
            5 if r.conflict => Some(theme::warning_color(dark)),
            _ => None,
        }
    }
    fn hover(&self, row: usize, col: usize) -> Option<String> {
        let r = self.0.facts.get(row)?;
        match col {
            2 | 4 => r.derivation.clone().or_else(|| Some(r.sentence.clone())),
            7 => Some(r.sentence.clone()),
            _ => None,
        }
    }
}

/// The sorted, filtered order of `rows` under `settings`: row indices in
/// display order. `None` when `cancel` was raised part-way.
pub fn compute_order(
    rows: &dyn TableRows,
    settings: &TableSettings,
    cancel: &AtomicBool,
) -> Option<Vec<usize>> {
    let needle = settings.filter.trim().to_lowercase();
    let ncols = rows.columns().len();
    let mut order = Vec::with_capacity(if needle.is_empty() { rows.len() } else { 0 });
    for r in 0..rows.len() {
        if r % 4096 == 0 && cancel.load(AtomicOrdering::Relaxed) {
            return None;
        }
        if needle.is_empty() || (0..ncols).any(|c| contains_ignore_case(rows.cell(r, c), &needle)) {
            order.push(r);
        }
    }
    if let Some(col) = settings.sort_column {
        if cancel.load(AtomicOrdering::Relaxed) {
            return None;
        }
        // Stable: ties keep the builder's order.
        order.sort_by(|&a, &b| {
            let o = rows.compare(a, b, col);
            if settings.ascending { o } else { o.reverse() }
        });
    }
    Some(order)
}

/// What an order was computed for.
#[derive(Clone, Debug, PartialEq)]
struct OrderKey {
    generation: u64,
    len: usize,
    sort_column: Option<usize>,
    ascending: bool,
    filter: String,
}

impl OrderKey {
    fn new(generation: u64, len: usize, settings: &TableSettings) -> Self {
        Self {
            generation,
            len,
            sort_column: settings.sort_column,
            ascending: settings.ascending,
            filter: settings.filter.trim().to_string(),
        }
    }
}

/// An order being computed on a worker thread.
struct PendingOrder {
    key: OrderKey,
    cancel: Arc<AtomicBool>,
    rx: Receiver<Option<Vec<usize>>>,
}

impl Drop for PendingOrder {
    fn drop(&mut self) {
        // Nobody wants the result any more: let the worker stop early.
        self.cancel.store(true, AtomicOrdering::Relaxed);
    }
}

/// Tables with at most this many rows are sorted on the spot.
pub const SYNC_LIMIT: usize = 20_000;

/// The sorted, filtered order of a table's rows, cached; large tables are
/// ordered on a worker thread.
pub struct TableCache {
    /// Row indices in display order (the last order that finished).
    pub order: Arc<Vec<usize>>,
    key: Option<OrderKey>,
    pending: Option<PendingOrder>,
    /// Tables with more rows than this are ordered in the background.
    pub sync_limit: usize,
}

impl Default for TableCache {
    fn default() -> Self {
        Self {
            order: Arc::default(),
            key: None,
            pending: None,
            sync_limit: SYNC_LIMIT,
        }
    }
}

impl TableCache {
    /// Brings the order up to date with the data and `settings`: at once
    /// for small tables, else starts (or keeps waiting for) a worker and
    /// keeps showing the previous order. `repaint` is woken when the worker
    /// finishes.
    pub fn refresh(
        &mut self,
        kind: TableKind,
        view: &Arc<CorpusView>,
        settings: &TableSettings,
        repaint: Option<&egui::Context>,
    ) {
        self.poll();
        let len = kind.with(view, |rows| rows.len());
        let wanted = OrderKey::new(view.generation, len, settings);
        if self.key.as_ref() == Some(&wanted) {
            self.pending = None;
            return;
        }
        if self.pending.as_ref().is_some_and(|p| p.key == wanted) {
            return;
        }
        // A new wish: whatever was running is stale.
        self.pending = None;
        let identity = wanted.sort_column.is_none() && wanted.filter.is_empty();
        if identity || len <= self.sync_limit {
            let order = if identity {
                Some((0..len).collect())
            } else {
                kind.with(view, |rows| {
                    compute_order(rows, settings, &AtomicBool::new(false))
                })
            };
            self.order = Arc::new(order.unwrap_or_default());
            self.key = Some(wanted);
            return;
        }
        if self
            .key
            .as_ref()
            .is_some_and(|k| k.generation != wanted.generation)
        {
            // Other rows: the old order may point past the end; show the
            // rows as built until the new order is ready.
            self.order = Arc::new((0..len).collect());
        }
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let worker_cancel = cancel.clone();
        let worker_view = view.clone();
        let worker_settings = settings.clone();
        let repaint = repaint.cloned();
        let spawned = std::thread::Builder::new()
            .name("samachar: ordering a table".into())
            .spawn(move || {
                let order = kind.with(&worker_view, |rows| {
                    compute_order(rows, &worker_settings, &worker_cancel)
                });
                // The receiver is gone when the result is no longer wanted.
                let _ = tx.send(order);
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.pending = Some(PendingOrder {
                    key: wanted,
                    cancel,
                    rx,
                });
            }
            Err(_) => {
                // No thread: order here rather than not at all.
                let order = kind.with(view, |rows| {
                    compute_order(rows, settings, &AtomicBool::new(false))
                });
                self.order = Arc::new(order.unwrap_or_default());
                self.key = Some(wanted);
            }
        }
    }

    /// Takes a finished order, if one is waiting.
    fn poll(&mut self) {
        let Some(pending) = &self.pending else {
            return;
        };
        match pending.rx.try_recv() {
            Ok(Some(order)) => {
                self.order = Arc::new(order);
                self.key = Some(pending.key.clone());
                self.pending = None;
            }
            Ok(None) | Err(TryRecvError::Disconnected) => self.pending = None,
            Err(TryRecvError::Empty) => {}
        }
    }

    /// True while an order is being computed.
    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// What is being computed ("Sorting…", "Filtering…"), if anything.
    pub fn busy_text(&self) -> Option<&'static str> {
        let pending = self.pending.as_ref()?;
        let filter_changed = self
            .key
            .as_ref()
            .is_none_or(|k| k.filter != pending.key.filter);
        Some(if filter_changed && !pending.key.filter.is_empty() {
            "Filtering…"
        } else {
            "Sorting…"
        })
    }

    /// Waits for a running order (tests and benchmarks).
    pub fn wait(&mut self) {
        if let Some(pending) = self.pending.take()
            && let Ok(Some(order)) = pending.rx.recv()
        {
            self.order = Arc::new(order);
            self.key = Some(pending.key.clone());
        }
    }

    /// Where row `row` is shown, if it passes the filter.
    pub fn position(&self, row: usize) -> Option<usize> {
        self.order.iter().position(|&r| r == row)
    }
}

/// What the user did in a table.
#[derive(Default)]
pub struct TableResponse {
    /// A row (index into the rows) was clicked.
    pub clicked: Option<usize>,
}

/// Fills a row's context menu: the row (index into the rows) and the menu.
pub type RowMenu<'a> = &'a mut dyn FnMut(&mut egui::Ui, usize);

/// Draws a table with its filter box and row count.
#[allow(clippy::too_many_arguments)]
pub fn table_ui(
    ui: &mut egui::Ui,
    id: &str,
    kind: TableKind,
    view: &Arc<CorpusView>,
    settings: &mut TableSettings,
    cache: &mut TableCache,
    selected: &[usize],
    scroll_to: Option<usize>,
    mut row_menu: Option<RowMenu<'_>>,
) -> TableResponse {
    let mut response = TableResponse::default();
    let repaint = ui.ctx().clone();
    cache.refresh(kind, view, settings, Some(&repaint));
    let total = kind.with(view, |rows| rows.len());
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut settings.filter)
                .desired_width(220.0)
                .hint_text("words in any column"),
        )
        .labelled_by(label.id);
        if !settings.filter.is_empty() && ui.small_button("Clear filter").clicked() {
            settings.filter.clear();
        }
        ui.separator();
        ui.label(format!(
            "{} of {} rows",
            format_number(cache.order.len() as f64),
            format_number(total as f64)
        ));
        if let Some(text) = cache.busy_text() {
            ui.spinner();
            ui.label(text);
        }
    });
    // The filter may have changed this frame.
    cache.refresh(kind, view, settings, Some(&repaint));
    let order = cache.order.clone();
    if order.is_empty() && total > 0 && !cache.is_busy() {
        ui.weak(format!(
            "No row has “{}”. Clear the filter to see all {} rows.",
            settings.filter.trim(),
            format_number(total as f64)
        ));
    }
    kind.with(view, |rows| {
        let dark = ui.visuals().dark_mode;
        let columns = rows.columns();
        let widths = rows.widths();
        let mut table = TableBuilder::new(ui)
            .id_salt(id)
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .auto_shrink([false, false])
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for (i, _) in columns.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(120.0);
            let column = if i + 1 == columns.len() {
                Column::remainder().at_least(100.0).clip(true)
            } else {
                Column::initial(w).at_least(40.0).clip(true)
            };
            table = table.column(column);
        }
        if let Some(pos) = scroll_to.and_then(|row| cache.position(row)) {
            table = table.scroll_to_row(pos, Some(egui::Align::Center));
        }
        let mut new_sort = None;
        table
            .header(ROW_HEIGHT + 4.0, |mut header| {
                for (i, title) in columns.iter().enumerate() {
                    header.col(|ui| {
                        let sorted_here = settings.sort_column == Some(i);
                        let text = RichText::new(*title).strong();
                        if ui
                            .add(egui::Button::new(text).frame(false))
                            .on_hover_text(format!("Sort by {title}"))
                            .clicked()
                        {
                            new_sort = Some(i);
                        }
                        if sorted_here {
                            ui.label(if settings.ascending { "▲" } else { "▼" });
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, order.len(), |mut row| {
                    let Some(&r) = order.get(row.index()) else {
                        return;
                    };
                    let is_selected = selected.contains(&r);
                    row.set_selected(is_selected);
                    for c in 0..columns.len() {
                        row.col(|ui| {
                            let mut rich = RichText::new(rows.cell(r, c));
                            // On the selection colour, plain text reads best.
                            if !is_selected && let Some(color) = rows.color(r, c, dark) {
                                rich = rich.color(color);
                            }
                            let label = ui.add(egui::Label::new(rich).truncate().selectable(false));
                            // Tooltips are made only when asked for.
                            if label.hovered()
                                && let Some(h) = rows.hover(r, c)
                            {
                                label.on_hover_text(h);
                            }
                        });
                    }
                    let row_response = row.response();
                    if row_response.clicked() || row_response.secondary_clicked() {
                        response.clicked = Some(r);
                    }
                    if let Some(menu) = row_menu.as_mut() {
                        row_response.context_menu(|ui| menu(ui, r));
                    }
                });
            });
        if let Some(col) = new_sort {
            if settings.sort_column == Some(col) {
                settings.ascending = !settings.ascending;
            } else {
                settings.sort_column = Some(col);
                settings.ascending = true;
            }
        }
    });
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::view::FormattedCells;
    use samachar_core::model::rows::FactRow;

    fn view_of(facts: Vec<FactRow>, generation: u64) -> Arc<CorpusView> {
        let cells = FormattedCells::new(&[], &[], &facts);
        Arc::new(CorpusView {
            facts,
            cells,
            generation,
            ..Default::default()
        })
    }

    fn refresh(cache: &mut TableCache, view: &Arc<CorpusView>, settings: &TableSettings) {
        cache.refresh(TableKind::Facts, view, settings, None);
    }

    fn fact(subject: &str, value: &str, number: Option<f64>) -> FactRow {
        FactRow {
            article: "a.txt".into(),
            article_index: 0,
            subject: subject.into(),
            metric: "employees".into(),
            value: value.into(),
            number,
            unit: None,
            per: None,
            derived: false,
            derivation: None,
            conflict: false,
            start: 0,
            end: 0,
            sentence: String::new(),
        }
    }

    #[test]
    fn sorting_by_value_is_numeric_and_text_last() {
        let view = view_of(
            vec![
                fact("a", "1,000", Some(1000.0)),
                fact("b", "Russia", None),
                fact("c", "90", Some(90.0)),
            ],
            1,
        );
        let mut cache = TableCache::default();
        let mut settings = TableSettings {
            sort_column: Some(2),
            ascending: true,
            filter: String::new(),
        };
        refresh(&mut cache, &view, &settings);
        assert_eq!(*cache.order, vec![2, 0, 1]);
        settings.ascending = false;
        refresh(&mut cache, &view, &settings);
        assert_eq!(*cache.order, vec![1, 0, 2]);
    }

    #[test]
    fn filter_matches_any_column_ignoring_case() {
        let view = view_of(
            vec![
                fact("Competence Exports", "1", Some(1.0)),
                fact("Other", "2", Some(2.0)),
            ],
            1,
        );
        let mut cache = TableCache::default();
        let settings = TableSettings {
            sort_column: None,
            ascending: true,
            filter: "competence".into(),
        };
        refresh(&mut cache, &view, &settings);
        assert_eq!(*cache.order, vec![0]);
    }

    fn many(n: usize) -> Vec<FactRow> {
        (0..n)
            .map(|i| {
                let v = ((i * 7919) % 1009) as f64;
                fact(&format!("Company {}", i % 50), &v.to_string(), Some(v))
            })
            .collect()
    }

    #[test]
    fn large_tables_are_ordered_in_the_background_keeping_the_old_order() {
        let view = view_of(many(5000), 1);
        let mut cache = TableCache {
            sync_limit: 100,
            ..Default::default()
        };
        let mut settings = TableSettings::default();
        refresh(&mut cache, &view, &settings);
        assert_eq!(cache.order.len(), 5000, "unsorted at once");
        assert!(!cache.is_busy());
        settings.sort_column = Some(2);
        settings.ascending = true;
        refresh(&mut cache, &view, &settings);
        // Until the worker is done the old order stays.
        if cache.is_busy() {
            assert_eq!(cache.busy_text(), Some("Sorting…"));
            assert_eq!(cache.order[..3], [0, 1, 2]);
        }
        cache.wait();
        refresh(&mut cache, &view, &settings);
        assert!(!cache.is_busy());
        let values: Vec<f64> = cache
            .order
            .iter()
            .filter_map(|&i| view.facts[i].number)
            .collect();
        assert_eq!(values.len(), 5000);
        assert!(values.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_stale_order_is_dropped() {
        let view = view_of(many(5000), 1);
        let mut cache = TableCache {
            sync_limit: 100,
            ..Default::default()
        };
        let mut settings = TableSettings {
            sort_column: Some(0),
            ascending: true,
            filter: "company 1".into(),
        };
        refresh(&mut cache, &view, &settings);
        // The user types on before the first order is ready.
        settings.filter = "company 42".into();
        refresh(&mut cache, &view, &settings);
        cache.wait();
        refresh(&mut cache, &view, &settings);
        assert!(!cache.order.is_empty());
        assert!(
            cache
                .order
                .iter()
                .all(|&i| view.facts[i].subject == "Company 42"),
            "only the last filter's rows"
        );
    }

    #[test]
    fn text_comparison() {
        let cases = [
            ("apple", "Banana", Ordering::Less),
            ("", "a", Ordering::Greater),
            ("b", "B", Ordering::Greater),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare_text(a, b), want, "{a} vs {b}");
        }
        assert!(contains_ignore_case("6,40,000 Bags", "bags"));
        assert!(contains_ignore_case("₹15 Crore", "crore"));
        assert!(!contains_ignore_case("abc", "abcd"));
    }

    #[test]
    fn quantity_description() {
        assert_eq!(
            describe_quantity(
                "6,40,000 bags per month",
                640000.0,
                None,
                Some("bags"),
                Some("month")
            ),
            "6,40,000 bags per month → 640,000 bags/month"
        );
    }
}
