//! The Entities, Quantities and Facts tables: every column sortable, a filter
//! box, a row count. Only the visible rows are drawn (`TableBody::rows`), and
//! the sorted, filtered order is computed once when the sort key, the filter
//! or the data changes.

use crate::app::state::TableSettings;
use crate::app::theme;
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};
use samachar_core::model::EntityKind;
use samachar_core::model::rows::{EntityRow, FactRow, QuantityRow};
use samachar_core::model::text::format_number;
use std::borrow::Cow;
use std::cmp::Ordering;

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
    /// The text of one cell.
    fn cell(&self, row: usize, col: usize) -> Cow<'_, str>;
    /// Orders two rows by one column.
    fn compare(&self, a: usize, b: usize, col: usize) -> Ordering {
        compare_text(&self.cell(a, col), &self.cell(b, col))
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

fn opt(s: &Option<String>) -> Cow<'_, str> {
    Cow::Borrowed(s.as_deref().unwrap_or(""))
}

/// The Entities table.
pub struct EntityTable<'a>(pub &'a [EntityRow]);
/// The Quantities table.
pub struct QuantityTable<'a>(pub &'a [QuantityRow]);
/// The Facts table.
pub struct FactTable<'a>(pub &'a [FactRow]);

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
        self.0.len()
    }
    fn cell(&self, row: usize, col: usize) -> Cow<'_, str> {
        let Some(r) = self.0.get(row) else {
            return Cow::Borrowed("");
        };
        match col {
            0 => Cow::Borrowed(&r.name),
            1 => match kind_of(&r.kind) {
                Some(k) => Cow::Borrowed(theme::kind_label(k)),
                None => Cow::Borrowed(r.kind.as_str()),
            },
            2 => opt(&r.role),
            3 => opt(&r.organization),
            4 => Cow::Borrowed(&r.aliases),
            5 => Cow::Borrowed(&r.articles),
            _ => Cow::Owned(r.mentions.to_string()),
        }
    }
    fn compare(&self, a: usize, b: usize, col: usize) -> Ordering {
        match (self.0.get(a), self.0.get(b), col) {
            (Some(x), Some(y), 6) => x.mentions.cmp(&y.mentions),
            (Some(x), Some(y), 5) => x
                .articles
                .split("; ")
                .count()
                .cmp(&y.articles.split("; ").count())
                .then_with(|| compare_text(&x.articles, &y.articles)),
            _ => compare_text(&self.cell(a, col), &self.cell(b, col)),
        }
    }
    fn color(&self, row: usize, col: usize, dark: bool) -> Option<Color32> {
        let r = self.0.get(row)?;
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

fn value_text(value: f64, value_max: Option<f64>) -> String {
    match value_max {
        Some(max) => format!("{}–{}", format_number(value), format_number(max)),
        None => format_number(value),
    }
}

impl TableRows for QuantityTable<'_> {
    fn columns(&self) -> &'static [&'static str] {
        &["Text", "Value", "Unit", "Per", "Article", "Sentence"]
    }
    fn widths(&self) -> &'static [f32] {
        &[180.0, 120.0, 90.0, 70.0, 180.0, 500.0]
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn cell(&self, row: usize, col: usize) -> Cow<'_, str> {
        let Some(r) = self.0.get(row) else {
            return Cow::Borrowed("");
        };
        match col {
            0 => Cow::Borrowed(&r.text),
            1 => Cow::Owned(value_text(r.value, r.value_max)),
            2 => opt(&r.unit),
            3 => opt(&r.per),
            4 => Cow::Borrowed(&r.article),
            _ => Cow::Borrowed(&r.sentence),
        }
    }
    fn compare(&self, a: usize, b: usize, col: usize) -> Ordering {
        match (self.0.get(a), self.0.get(b), col) {
            (Some(x), Some(y), 1) => x.value.total_cmp(&y.value),
            _ => compare_text(&self.cell(a, col), &self.cell(b, col)),
        }
    }
    fn color(&self, _row: usize, col: usize, dark: bool) -> Option<Color32> {
        (col == 0).then(|| theme::quantity_color(dark))
    }
    fn hover(&self, row: usize, col: usize) -> Option<String> {
        let r = self.0.get(row)?;
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
        self.0.len()
    }
    fn cell(&self, row: usize, col: usize) -> Cow<'_, str> {
        let Some(r) = self.0.get(row) else {
            return Cow::Borrowed("");
        };
        match col {
            0 => Cow::Borrowed(&r.subject),
            1 => Cow::Borrowed(&r.metric),
            2 => match (r.number, r.unit.as_deref()) {
                // Years read as years, not as 2,018.
                (Some(n), Some("year")) if n.fract() == 0.0 && (1000.0..=9999.0).contains(&n) => {
                    Cow::Owned(format!("{n:.0}"))
                }
                _ => Cow::Borrowed(&r.value),
            },
            3 => match (&r.unit, &r.per) {
                (Some(u), Some(p)) => Cow::Owned(format!("{u}/{p}")),
                (Some(u), None) => Cow::Borrowed(u),
                (None, Some(p)) => Cow::Owned(format!("per {p}")),
                (None, None) => Cow::Borrowed(""),
            },
            4 => Cow::Borrowed(if r.derived { "derived" } else { "" }),
            5 => Cow::Borrowed(if r.conflict { "conflict" } else { "" }),
            6 => Cow::Borrowed(&r.article),
            _ => Cow::Borrowed(&r.sentence),
        }
    }
    fn compare(&self, a: usize, b: usize, col: usize) -> Ordering {
        match (self.0.get(a), self.0.get(b), col) {
            (Some(x), Some(y), 2) => {
                compare_numbers(x.number, y.number).then_with(|| compare_text(&x.value, &y.value))
            }
            (Some(x), Some(y), 4) => y.derived.cmp(&x.derived),
            (Some(x), Some(y), 5) => y.conflict.cmp(&x.conflict),
            _ => compare_text(&self.cell(a, col), &self.cell(b, col)),
        }
    }
    fn color(&self, row: usize, col: usize, dark: bool) -> Option<Color32> {
        let r = self.0.get(row)?;
        match col {
            2 if r.number.is_some() => Some(theme::quantity_color(dark)),
            5 if r.conflict => Some(theme::warning_color(dark)),
            _ => None,
        }
    }
    fn hover(&self, row: usize, col: usize) -> Option<String> {
        let r = self.0.get(row)?;
        match col {
            2 | 4 => r.derivation.clone().or_else(|| Some(r.sentence.clone())),
            7 => Some(r.sentence.clone()),
            _ => None,
        }
    }
}

/// The sorted, filtered order of a table's rows, cached.
#[derive(Default)]
pub struct TableCache {
    /// Row indices in display order.
    pub order: Vec<usize>,
    key: Option<(u64, usize, Option<usize>, bool, String)>,
}

impl TableCache {
    /// Recomputes the order if the data, the sort or the filter changed.
    pub fn refresh(&mut self, rows: &dyn TableRows, generation: u64, settings: &TableSettings) {
        let key = (
            generation,
            rows.len(),
            settings.sort_column,
            settings.ascending,
            settings.filter.clone(),
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let needle = settings.filter.trim().to_lowercase();
        let ncols = rows.columns().len();
        let mut order: Vec<usize> = (0..rows.len())
            .filter(|&r| {
                needle.is_empty()
                    || (0..ncols).any(|c| contains_ignore_case(&rows.cell(r, c), &needle))
            })
            .collect();
        if let Some(col) = settings.sort_column {
            // Stable: ties keep the builder's order.
            order.sort_by(|&a, &b| {
                let o = rows.compare(a, b, col);
                if settings.ascending { o } else { o.reverse() }
            });
        }
        self.order = order;
        self.key = Some(key);
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

/// Draws a table with its filter box and row count.
#[allow(clippy::too_many_arguments)]
pub fn table_ui(
    ui: &mut egui::Ui,
    id: &str,
    rows: &dyn TableRows,
    generation: u64,
    settings: &mut TableSettings,
    cache: &mut TableCache,
    selected: &[usize],
    scroll_to: Option<usize>,
) -> TableResponse {
    let mut response = TableResponse::default();
    cache.refresh(rows, generation, settings);
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
            format_number(rows.len() as f64)
        ));
    });
    // The filter may have changed this frame.
    cache.refresh(rows, generation, settings);

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
            body.rows(ROW_HEIGHT, cache.order.len(), |mut row| {
                let Some(&r) = cache.order.get(row.index()) else {
                    return;
                };
                row.set_selected(selected.contains(&r));
                for c in 0..columns.len() {
                    row.col(|ui| {
                        let text = rows.cell(r, c);
                        let mut rich = RichText::new(text.as_ref());
                        if let Some(color) = rows.color(r, c, dark) {
                            rich = rich.color(color);
                        }
                        let label = ui.add(egui::Label::new(rich).truncate().selectable(false));
                        if let Some(h) = rows.hover(r, c) {
                            label.on_hover_text(h);
                        }
                    });
                }
                if row.response().clicked() {
                    response.clicked = Some(r);
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
    response
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let rows = vec![
            fact("a", "1,000", Some(1000.0)),
            fact("b", "Russia", None),
            fact("c", "90", Some(90.0)),
        ];
        let table = FactTable(&rows);
        let mut cache = TableCache::default();
        let mut settings = TableSettings {
            sort_column: Some(2),
            ascending: true,
            filter: String::new(),
        };
        cache.refresh(&table, 1, &settings);
        assert_eq!(cache.order, vec![2, 0, 1]);
        settings.ascending = false;
        cache.refresh(&table, 1, &settings);
        assert_eq!(cache.order, vec![1, 0, 2]);
    }

    #[test]
    fn filter_matches_any_column_ignoring_case() {
        let rows = vec![
            fact("Competence Exports", "1", Some(1.0)),
            fact("Other", "2", Some(2.0)),
        ];
        let table = FactTable(&rows);
        let mut cache = TableCache::default();
        let settings = TableSettings {
            sort_column: None,
            ascending: true,
            filter: "competence".into(),
        };
        cache.refresh(&table, 1, &settings);
        assert_eq!(cache.order, vec![0]);
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
