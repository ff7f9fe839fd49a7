//! The reader: an article's original text, read-only but selectable, with
//! entities coloured by kind, quantities underlined and page furniture greyed
//! (or hidden).

use crate::app::command::Command;
use crate::app::tables::describe_quantity;
use crate::app::theme;
use crate::app::view::CorpusView;
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Galley, RichText};
use samachar_core::model::{ArticleAnalysis, EntityKind, FurnitureKind};
use std::ops::Range;
use std::sync::Arc;

/// What a highlighted stretch of text is.
#[derive(Clone, Debug, PartialEq)]
pub enum SpanKind {
    /// Page furniture.
    Furniture(FurnitureKind),
    /// A mention of entity `index` (in the article's list).
    Entity(EntityKind, usize),
    /// Quantity `index` (in the article's list).
    Quantity(usize),
}

/// A highlighted stretch of the original text (byte offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Start.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// What it is.
    pub kind: SpanKind,
}

/// Every highlighted span of an article, sorted by start.
pub fn spans(analysis: &ArticleAnalysis, text_len: usize) -> Vec<Span> {
    let mut out = Vec::new();
    for f in &analysis.furniture {
        out.push(Span {
            start: f.start,
            end: f.end,
            kind: SpanKind::Furniture(f.kind),
        });
    }
    for (i, e) in analysis.entities.iter().enumerate() {
        for m in &e.mentions {
            out.push(Span {
                start: m.start,
                end: m.end,
                kind: SpanKind::Entity(e.kind, i),
            });
        }
    }
    for (i, q) in analysis.quantities.iter().enumerate() {
        out.push(Span {
            start: q.start,
            end: q.end,
            kind: SpanKind::Quantity(i),
        });
    }
    out.retain(|s| s.start < s.end && s.end <= text_len);
    out.sort_by_key(|s| (s.start, s.end));
    out
}

/// The text shown: the original, or the original without its furniture,
/// with a map between the two.
#[derive(Clone, Debug, Default)]
pub struct DisplayText {
    /// What the reader shows.
    pub text: String,
    /// Pieces kept: (display start, original start, length).
    segments: Vec<(usize, usize, usize)>,
}

impl DisplayText {
    /// The original text with `hidden` byte ranges (sorted) left out.
    pub fn new(original: &str, hidden: &[Range<usize>]) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut segments = Vec::new();
        let mut pos = 0;
        for r in hidden {
            let start = r.start.min(original.len());
            if start > pos && original.is_char_boundary(pos) && original.is_char_boundary(start) {
                segments.push((text.len(), pos, start - pos));
                text.push_str(&original[pos..start]);
            }
            pos = pos.max(r.end.min(original.len()));
        }
        if pos < original.len() && original.is_char_boundary(pos) {
            segments.push((text.len(), pos, original.len() - pos));
            text.push_str(&original[pos..]);
        }
        Self { text, segments }
    }

    /// Display offset → original offset.
    pub fn to_original(&self, display: usize) -> usize {
        let i = self.segments.partition_point(|s| s.0 <= display);
        match i.checked_sub(1).and_then(|i| self.segments.get(i)) {
            Some(&(d, o, _)) => o + (display - d),
            None => display,
        }
    }

    /// Original offset → display offset, if it is shown.
    pub fn to_display(&self, original: usize) -> Option<usize> {
        let i = self.segments.partition_point(|s| s.1 <= original);
        let &(d, o, len) = self.segments.get(i.checked_sub(1)?)?;
        (original <= o + len).then_some(d + (original - o))
    }
}

fn char_to_byte(text: &str, char_index: usize) -> usize {
    if text.is_ascii() {
        return char_index.min(text.len());
    }
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(b, _)| b)
}

fn byte_to_char(text: &str, byte: usize) -> usize {
    if text.is_ascii() {
        return byte.min(text.len());
    }
    let byte = byte.min(text.len());
    text.char_indices().take_while(|(b, _)| *b < byte).count()
}

/// What the user did in the reader.
#[derive(Clone, Debug, PartialEq)]
pub enum ReaderAction {
    /// Run a command (clicking a span sends [`Command::SelectSpanAt`]).
    Command(Command),
}

/// A span the user tagged, as the reader shows it (original offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct ReaderTag {
    /// Start.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The name the user gave.
    pub label: String,
}

/// What a laid-out text depends on. The highlight is painted over the
/// text, not laid out with it, so selecting a row never re-lays out.
#[derive(Clone, Debug, PartialEq)]
struct GalleyKey {
    article: usize,
    generation: u64,
    show_furniture: bool,
    /// Wrap width rounded down to [`WRAP_STEP`].
    wrap_width: u32,
    dark: bool,
    font_size: u32,
}

impl GalleyKey {
    /// Same text and colours, maybe another width.
    fn same_text(&self, other: &GalleyKey) -> bool {
        GalleyKey {
            wrap_width: other.wrap_width,
            ..self.clone()
        } == *other
    }
}

/// Wrap widths are rounded down to a multiple of this many points.
const WRAP_STEP: f32 = 16.0;
/// While the width keeps changing (a window being resized), the old layout
/// is kept for this long before laying out again.
const RESIZE_SETTLE: std::time::Duration = std::time::Duration::from_millis(250);

/// The shown text and its spans, for (article, generation, furniture shown).
type DisplayCache = ((usize, u64, bool), Arc<DisplayText>, Arc<Vec<Span>>);

/// The reader's state between frames.
#[derive(Default)]
pub struct ReaderState {
    display: Option<DisplayCache>,
    galley: Option<(GalleyKey, Arc<Galley>)>,
    /// When the wanted wrap width last differed from the laid-out one.
    width_changed: Option<std::time::Instant>,
    /// The highlight's rectangles (galley coordinates) for a layout.
    highlight_rects: Option<(usize, Range<usize>, Vec<egui::Rect>)>,
    /// The last cursor range seen (char offsets), to map it only on change.
    last_cursor: Option<(usize, usize)>,
    /// Original offset under the pointer when the context menu opened.
    context_offset: Option<usize>,
    /// Byte offset (original text) to bring into view on the next frame.
    pub pending_scroll: Option<usize>,
    /// The text selected in the reader (original byte offsets).
    pub selection: Option<Range<usize>>,
    /// Range highlighted because a table row is selected.
    pub highlight: Option<Range<usize>>,
    /// Time spent building the last layout, for the benchmark.
    pub last_layout: Option<std::time::Duration>,
    /// How many times the text was laid out, for tests and the benchmark.
    pub layouts: usize,
}

impl ReaderState {
    /// Forgets the selection and cached layout (another article was opened).
    pub fn reset(&mut self) {
        self.selection = None;
        self.highlight = None;
        self.pending_scroll = None;
        self.last_cursor = None;
        self.context_offset = None;
    }
}

/// Builds the coloured layout of `display` with `spans` (original offsets).
fn layout_job(
    display: &DisplayText,
    spans: &[Span],
    font: FontId,
    dark: bool,
    text_color: Color32,
    wrap_width: f32,
) -> LayoutJob {
    let text = &display.text;
    // Spans in display offsets (spans inside hidden text disappear).
    let mut shown: Vec<(usize, usize, &SpanKind)> = spans
        .iter()
        .filter_map(|s| {
            let a = display.to_display(s.start)?;
            let b = display.to_display(s.end)?;
            (a < b && b <= text.len()).then_some((a, b, &s.kind))
        })
        .collect();
    shown.sort_by_key(|s| (s.0, s.1));
    let mut bounds: Vec<usize> = shown.iter().flat_map(|s| [s.0, s.1]).collect();
    bounds.push(0);
    bounds.push(text.len());
    bounds.sort_unstable();
    bounds.dedup();
    let base = TextFormat {
        font_id: font,
        color: text_color,
        ..Default::default()
    };
    let mut job = LayoutJob {
        text: text.clone(),
        ..Default::default()
    };
    job.wrap.max_width = wrap_width;
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        active.retain(|&i| shown[i].1 > a);
        while next < shown.len() && shown[next].0 <= a {
            if shown[next].1 > a {
                active.push(next);
            }
            next += 1;
        }
        let mut format = base.clone();
        for &i in &active {
            match shown[i].2 {
                SpanKind::Furniture(_) => format.color = theme::furniture_color(dark),
                SpanKind::Entity(kind, _) => {
                    format.color = theme::entity_color(*kind, dark);
                    format.background = theme::entity_background(*kind, dark);
                }
                SpanKind::Quantity(_) => {
                    format.color = theme::quantity_color(dark);
                    format.underline = theme::quantity_underline(dark);
                }
            }
        }
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(a)..egui::text::ByteIndex(b),
            format,
        });
    }
    job
}

/// Describes a span for its tooltip.
fn describe(span: &Span, analysis: &ArticleAnalysis) -> String {
    match &span.kind {
        SpanKind::Furniture(kind) => format!("Page furniture: {}", kind.as_str()),
        SpanKind::Entity(kind, i) => {
            let e = analysis.entities.get(*i);
            let mut s = format!(
                "{}: {}",
                theme::kind_label(*kind),
                e.map_or("", |e| e.name.as_str())
            );
            if let Some(role) = e.and_then(|e| e.role.as_deref()) {
                s.push_str(&format!("\nRole: {role}"));
            }
            if let Some(org) = e.and_then(|e| e.organization.as_deref()) {
                s.push_str(&format!("\nOrganisation: {org}"));
            }
            s
        }
        SpanKind::Quantity(i) => analysis.quantities.get(*i).map_or_else(String::new, |q| {
            describe_quantity(
                &q.text,
                q.value,
                q.value_max,
                q.unit.as_deref(),
                q.per.as_deref(),
            )
        }),
    }
}

/// The innermost span at original offset `pos`, preferring quantities and
/// entities over furniture.
fn span_at(spans: &[Span], pos: usize) -> Option<&Span> {
    spans
        .iter()
        .filter(|s| s.start <= pos && pos < s.end)
        .min_by_key(|s| (matches!(s.kind, SpanKind::Furniture(_)), s.end - s.start))
}

/// The rectangles (galley coordinates) covering display characters
/// `chars` of `galley`, one per row.
fn range_rects(galley: &Galley, chars: Range<usize>) -> Vec<egui::Rect> {
    let mut out = Vec::new();
    let mut row_start = 0;
    for placed in &galley.rows {
        let count = placed.char_count_including_newline().0;
        let row_end = row_start + count;
        if row_start >= chars.end {
            break;
        }
        if row_end > chars.start {
            let from = chars.start.saturating_sub(row_start);
            let to = (chars.end - row_start).min(placed.row.glyphs.len());
            let x0 = placed.row.x_offset(egui::text::CharIndex(from));
            let x1 = if chars.end - row_start >= placed.row.glyphs.len() {
                placed.row.size.x
            } else {
                placed.row.x_offset(egui::text::CharIndex(to))
            };
            let rect = placed.rect();
            if x1 > x0 {
                out.push(egui::Rect::from_x_y_ranges(
                    placed.pos.x + x0..=placed.pos.x + x1,
                    rect.y_range(),
                ));
            }
        }
        row_start = row_end;
    }
    out
}

/// Draws the reader for article `index` of `view`, with its original `text`,
/// the notes on the article and the spans the user tagged in it.
#[allow(clippy::too_many_arguments)]
pub fn reader_ui(
    ui: &mut egui::Ui,
    state: &mut ReaderState,
    view: &CorpusView,
    index: usize,
    text: &str,
    show_furniture: &mut bool,
    notes: &[String],
    tags: &[ReaderTag],
) -> Vec<ReaderAction> {
    let mut actions = Vec::new();
    let Some(analysis) = view.corpus.articles.get(index) else {
        ui.label("Select an article on the left to read it.");
        return actions;
    };
    let dark = ui.visuals().dark_mode;

    // Header: title and metadata.
    let title = analysis
        .title
        .clone()
        .unwrap_or_else(|| analysis.file.clone());
    ui.add(egui::Label::new(RichText::new(title).heading().strong()).wrap());
    let mut meta = Vec::new();
    if let Some(s) = &analysis.source {
        meta.push(s.clone());
    }
    if let Some(d) = &analysis.published {
        meta.push(d.clone());
    }
    if let Some(d) = &analysis.dateline {
        meta.push(format!("dateline {d}"));
    }
    meta.push(analysis.file.clone());
    meta.push(analysis.encoding.clone());
    ui.add(egui::Label::new(RichText::new(meta.join(" · ")).weak()).wrap());
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} entities · {} quantities · {} facts · {} furniture",
            analysis.entities.len(),
            analysis.quantities.len(),
            analysis.facts.len(),
            analysis.furniture.len()
        ));
        ui.separator();
        for kind in EntityKind::ALL {
            ui.colored_label(theme::entity_color(kind, dark), theme::kind_label(kind));
        }
        ui.label(
            RichText::new("quantity")
                .color(theme::quantity_color(dark))
                .underline(),
        );
        ui.colored_label(theme::furniture_color(dark), "furniture");
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(show_furniture, "Show page furniture");
        let has_selection = state.selection.as_ref().is_some_and(|r| r.start < r.end);
        ui.add_enabled_ui(has_selection, |ui| {
            ui.menu_button("Tag selection as…", |ui| {
                for kind in EntityKind::ALL {
                    if ui.button(theme::kind_label(kind)).clicked() {
                        actions.push(ReaderAction::Command(Command::TagSelection(kind)));
                    }
                }
            });
        });
        if ui.button("Add note…").clicked() {
            actions.push(ReaderAction::Command(Command::AddNote));
        }
        if let Some(sel) = &state.selection
            && sel.start < sel.end
        {
            let chosen = text.get(sel.clone()).unwrap_or("");
            let short: String = chosen.chars().take(40).collect();
            ui.weak(format!("Selected: “{short}”"));
        } else {
            ui.add(egui::Label::new(RichText::new("Select words to tag them").weak()).truncate())
                .on_hover_text("Select words, then Tag selection as…; right-click a tag you made to remove it.");
        }
    });
    for note in notes {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Note:").strong());
            ui.label(note);
        });
    }
    ui.separator();

    // The text (cached per article / furniture setting).
    let display_key = (index, view.generation, *show_furniture);
    if state.display.as_ref().map(|d| &d.0) != Some(&display_key) {
        let hidden: Vec<Range<usize>> = if *show_furniture {
            Vec::new()
        } else {
            analysis.furniture.iter().map(|f| f.start..f.end).collect()
        };
        state.display = Some((
            display_key,
            Arc::new(DisplayText::new(text, &hidden)),
            Arc::new(spans(analysis, text.len())),
        ));
    }
    let Some((_, display, spans)) = state.display.clone() else {
        return actions;
    };

    let font = FontId::proportional(15.0);
    let text_color = theme::reader_text(dark);
    let galley_cache = &mut state.galley;
    let width_changed = &mut state.width_changed;
    let mut last_layout = None;
    let mut wait_for_width = false;
    let mut layouter = |ui: &egui::Ui, _buf: &dyn egui::TextBuffer, wrap_width: f32| {
        let bucket = (wrap_width.max(WRAP_STEP) / WRAP_STEP).floor() * WRAP_STEP;
        let key = GalleyKey {
            article: index,
            generation: view.generation,
            show_furniture: display_key.2,
            wrap_width: bucket as u32,
            dark,
            font_size: 15,
        };
        if let Some((k, g)) = galley_cache.as_ref() {
            if *k == key {
                *width_changed = None;
                return g.clone();
            }
            // Only the width differs: wait until it stops changing.
            if k.same_text(&key) {
                let now = std::time::Instant::now();
                let since = *width_changed.get_or_insert(now);
                if now.duration_since(since) < RESIZE_SETTLE {
                    wait_for_width = true;
                    return g.clone();
                }
            }
        }
        *width_changed = None;
        let started = std::time::Instant::now();
        let job = layout_job(&display, &spans, font.clone(), dark, text_color, bucket);
        let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
        last_layout = Some(started.elapsed());
        *galley_cache = Some((key, galley.clone()));
        galley
    };

    let mut shown: &str = display.text.as_str();
    let pending = state.pending_scroll.take();
    let highlight = state.highlight.clone();
    let highlight_cache = &mut state.highlight_rects;
    let output = egui::ScrollArea::vertical()
        .id_salt(("reader-scroll", index))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // The highlight goes under the text: keep its place in the list.
            let under = ui.painter().add(egui::Shape::Noop);
            let output = egui::TextEdit::multiline(&mut shown)
                .id_salt("reader-text")
                .desired_width(f32::INFINITY)
                .frame(egui::Frame::NONE)
                .layouter(&mut layouter)
                .show(ui);
            if let Some(h) = &highlight
                && let (Some(a), Some(b)) = (display.to_display(h.start), display.to_display(h.end))
                && a < b
            {
                let galley_id = Arc::as_ptr(&output.galley) as usize;
                let fresh = highlight_cache
                    .as_ref()
                    .is_none_or(|(g, r, _)| *g != galley_id || r != h);
                if fresh {
                    let chars = byte_to_char(&display.text, a)..byte_to_char(&display.text, b);
                    *highlight_cache =
                        Some((galley_id, h.clone(), range_rects(&output.galley, chars)));
                }
                if let Some((_, _, rects)) = highlight_cache.as_ref() {
                    let offset = output.galley_pos.to_vec2();
                    let fill = theme::selected_background(dark);
                    let shapes: Vec<egui::Shape> = rects
                        .iter()
                        .map(|r| egui::Shape::rect_filled(r.translate(offset), 2.0, fill))
                        .collect();
                    ui.painter().set(under, egui::Shape::Vec(shapes));
                }
            }
            if let Some(pos) = pending.and_then(|p| display.to_display(p)) {
                let c = byte_to_char(&display.text, pos);
                let rect = output
                    .galley
                    .pos_from_cursor(CCursor::new(c))
                    .translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(rect.expand(8.0), Some(Align::Center));
            }
            output
        })
        .inner;
    if let Some(t) = last_layout {
        state.last_layout = Some(t);
        state.layouts += 1;
    }
    if wait_for_width {
        ui.ctx().request_repaint_after(RESIZE_SETTLE);
    }

    // Selection, in original offsets (mapped only when it changed).
    if let Some(range) = output.cursor_range {
        let chars = range.as_sorted_char_range();
        let now = (chars.start.0, chars.end.0);
        if chars.start.0 < chars.end.0 {
            if state.last_cursor != Some(now) || state.selection.is_none() {
                let a = char_to_byte(&display.text, chars.start.0);
                let b = char_to_byte(&display.text, chars.end.0);
                state.selection = Some(display.to_original(a)..display.to_original(b));
            }
        } else if output.response.response.has_focus() {
            state.selection = None;
        }
        state.last_cursor = Some(now);
    }

    // Hover, click and right-click on highlighted spans.
    let response = &output.response.response;
    let offset_at = |pos: egui::Pos2| -> Option<usize> {
        let local = pos - output.galley_pos;
        let cursor = output.galley.cursor_from_pos(local);
        let rect = output.galley.pos_from_cursor(cursor);
        if local.y < rect.min.y - 2.0 || local.y > rect.max.y + 2.0 {
            return None;
        }
        let byte = char_to_byte(&display.text, cursor.index.0);
        // The cursor sits between characters: look at the character under
        // the pointer (left or right of the cursor).
        let orig = display.to_original(byte);
        Some(if local.x < rect.min.x {
            orig.saturating_sub(1)
        } else {
            orig
        })
    };
    let tag_at = |offset: usize| tags.iter().find(|t| t.start <= offset && offset < t.end);
    if let Some(pos) = response.hover_pos()
        && let Some(offset) = offset_at(pos)
        && let Some(span) = span_at(&spans, offset)
    {
        let mut tip = describe(span, analysis);
        if tag_at(offset).is_some() {
            tip.push_str("\nTagged by you: right-click to remove the tag");
        }
        response.clone().on_hover_text_at_pointer(tip);
    }
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
        && let Some(offset) = offset_at(pos)
        && span_at(&spans, offset).is_some_and(|s| !matches!(s.kind, SpanKind::Furniture(_)))
    {
        actions.push(ReaderAction::Command(Command::SelectSpanAt {
            article: index,
            offset,
        }));
    }
    if response.secondary_clicked() {
        state.context_offset = response.interact_pointer_pos().and_then(offset_at);
    }
    let context_offset = state.context_offset;
    let has_selection = state.selection.as_ref().is_some_and(|r| r.start < r.end);
    response.context_menu(|ui| {
        let at = context_offset;
        if let Some(offset) = at
            && let Some(tag) = tag_at(offset)
        {
            let short: String = tag.label.chars().take(40).collect();
            if ui.button(format!("Remove tag “{short}”")).clicked() {
                actions.push(ReaderAction::Command(Command::RemoveTagAt {
                    article: index,
                    offset,
                }));
                ui.close();
            }
        }
        if let Some(offset) = at
            && span_at(&spans, offset).is_some_and(|s| !matches!(s.kind, SpanKind::Furniture(_)))
            && ui.button("Show in table").clicked()
        {
            actions.push(ReaderAction::Command(Command::SelectSpanAt {
                article: index,
                offset,
            }));
            ui.close();
        }
        ui.add_enabled_ui(has_selection, |ui| {
            ui.menu_button("Tag selection as", |ui| {
                for kind in EntityKind::ALL {
                    if ui.button(theme::kind_label(kind)).clicked() {
                        actions.push(ReaderAction::Command(Command::TagSelection(kind)));
                        ui.close();
                    }
                }
            });
        });
        if ui.button("Add note…").clicked() {
            actions.push(ReaderAction::Command(Command::AddNote));
            ui.close();
        }
    });
    actions
}

/// The entity, quantity or fact a click at original offset `offset` of
/// article `article` selects: what the reader's click handler asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum SpanTarget {
    /// Entity `entity` of the article.
    Entity(usize),
    /// Quantity `quantity` of the article.
    Quantity(usize),
}

/// What is highlighted at `offset` in `analysis` (entities and quantities,
/// not furniture).
pub fn target_at(analysis: &ArticleAnalysis, text_len: usize, offset: usize) -> Option<SpanTarget> {
    let all = spans(analysis, text_len);
    match &span_at(&all, offset)?.kind {
        SpanKind::Entity(_, e) => Some(SpanTarget::Entity(*e)),
        SpanKind::Quantity(q) => Some(SpanTarget::Quantity(*q)),
        SpanKind::Furniture(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_text_maps_offsets_both_ways() {
        let text = "Keep one. DROP THIS. Keep ₹ two.";
        let drop = text.find("DROP").unwrap_or(0)..text.find(" Keep ₹").unwrap_or(0);
        let d = DisplayText::new(text, std::slice::from_ref(&drop));
        assert_eq!(d.text, "Keep one.  Keep ₹ two.");
        let orig = text.find("₹").unwrap_or(0);
        let shown = d.to_display(orig).unwrap_or(0);
        assert_eq!(&d.text[shown..shown + 3], "₹");
        assert_eq!(d.to_original(shown), orig);
        assert_eq!(d.to_display(drop.start + 2), None);
    }

    #[test]
    fn identity_when_nothing_hidden() {
        let d = DisplayText::new("abc", &[]);
        assert_eq!(d.text, "abc");
        assert_eq!(d.to_display(2), Some(2));
        assert_eq!(d.to_original(2), 2);
    }

    #[test]
    fn char_and_byte_offsets() {
        let s = "a₹b";
        assert_eq!(char_to_byte(s, 2), 4);
        assert_eq!(byte_to_char(s, 4), 2);
    }

    #[test]
    fn quantities_win_over_furniture_at_a_point() {
        let spans = vec![
            Span {
                start: 0,
                end: 20,
                kind: SpanKind::Furniture(FurnitureKind::Other),
            },
            Span {
                start: 5,
                end: 9,
                kind: SpanKind::Quantity(0),
            },
        ];
        assert_eq!(
            span_at(&spans, 6).map(|s| &s.kind),
            Some(&SpanKind::Quantity(0))
        );
        assert_eq!(
            span_at(&spans, 2).map(|s| &s.kind),
            Some(&SpanKind::Furniture(FurnitureKind::Other))
        );
        assert_eq!(span_at(&spans, 25), None);
    }
}
