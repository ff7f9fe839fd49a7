//! The Charts view: one chart of the corpus's facts at a time, with the
//! facts behind every bar.
//!
//! The chart comes from [`samachar_core::chart::chart`], the same
//! specification the SVG/PNG exports draw. Every bar is listed under the
//! plot by name ("Competence Exports Pvt Ltd — Women: 210") with its
//! evidence sentences, so that screen readers and tests find it by label;
//! clicking a bar (in the plot or in the list) selects its facts.

use samachar_core::chart::render::series_color;
use samachar_core::chart::spec::BarRef;
use samachar_core::chart::{ChartKind, ChartSpec, chart, format_inr, subjects};
use samachar_core::model::CorpusAnalysis;
use samachar_core::model::text::format_number;

/// What the user did in the charts view that the app must act on.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartAction {
    /// Select these facts (article index, fact index within the article).
    SelectFacts(Vec<(usize, usize)>),
}

/// State of the Charts view (which chart, which organisation).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ChartsPanel {
    /// The chart shown.
    pub kind: ChartKind,
    /// The subject the chart is limited to (`None`: all).
    pub subject: Option<String>,
    /// The subjects and chart last computed, so that a frame does not scan
    /// every fact of the corpus again.
    #[serde(skip)]
    cache: Option<Cached>,
}

/// What identifies a corpus for the cache: its address and sizes (the app
/// builds a new corpus whenever articles or corrections change).
type CorpusKey = (usize, usize, usize, usize);

fn corpus_key(corpus: &CorpusAnalysis) -> CorpusKey {
    (
        std::ptr::from_ref(corpus) as usize,
        corpus.articles.len(),
        corpus.entities.len(),
        corpus.articles.iter().map(|a| a.facts.len()).sum(),
    )
}

#[derive(Clone, Debug)]
struct Cached {
    corpus: CorpusKey,
    kind: ChartKind,
    subject: Option<String>,
    options: Vec<String>,
    spec: ChartSpec,
}

/// Label of the subject selector's "everything" entry.
pub const ALL_SUBJECTS: &str = "All subjects";

/// One drawn bar: where it is in plot coordinates and what it stands for.
struct Drawn {
    series: usize,
    category: usize,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl ChartsPanel {
    /// The chart as it is currently chosen, for exporting what is shown.
    pub fn spec(&self, corpus: &CorpusAnalysis) -> ChartSpec {
        chart(self.kind, corpus, self.subject.as_deref())
    }

    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, corpus: &CorpusAnalysis) -> Option<ChartAction> {
        let mut action = None;
        let before = self.kind;
        ui.horizontal_wrapped(|ui| {
            ui.label("Chart:");
            for kind in ChartKind::ALL {
                ui.selectable_value(&mut self.kind, kind, kind.label());
            }
        });
        let key = corpus_key(corpus);
        let options = match &self.cache {
            Some(c) if c.corpus == key && c.kind == self.kind => c.options.clone(),
            _ => subjects(self.kind, corpus),
        };
        if before != self.kind
            || self
                .subject
                .as_ref()
                .is_some_and(|s| !options.iter().any(|o| o == s))
        {
            self.subject = None;
        }
        egui::ComboBox::from_label("Subject")
            .selected_text(self.subject.as_deref().unwrap_or(ALL_SUBJECTS))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.subject, None, ALL_SUBJECTS);
                for s in &options {
                    ui.selectable_value(&mut self.subject, Some(s.clone()), s);
                }
            });

        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|c| c.corpus == key && c.kind == self.kind && c.subject == self.subject);
        if !fresh {
            self.cache = Some(Cached {
                corpus: key,
                kind: self.kind,
                subject: self.subject.clone(),
                options,
                spec: self.spec(corpus),
            });
        }
        let Some(Cached { spec, .. }) = &self.cache else {
            return None;
        };
        ui.separator();
        ui.heading(&spec.title);
        ui.label(egui::RichText::new(&spec.subtitle).weak());
        if spec.is_empty() {
            ui.add_space(12.0);
            ui.label(egui::RichText::new("No facts for this chart").strong());
        } else if let Some(a) = plot(ui, spec) {
            action = Some(a);
        }
        ui.label(egui::RichText::new(&spec.source).small().weak());
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("chart_bar_list")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for bar in spec.bars() {
                    if let Some(a) = bar_row(ui, spec, &bar) {
                        action = Some(a);
                    }
                }
            });
        action
    }
}

fn select(bar: &BarRef<'_>) -> ChartAction {
    ChartAction::SelectFacts(
        bar.evidence
            .iter()
            .map(|r| (r.article_index, r.fact_index))
            .collect(),
    )
}

/// One entry of the list under the plot: the bar's name (click to select
/// its facts) and its evidence sentences.
fn bar_row(ui: &mut egui::Ui, spec: &ChartSpec, bar: &BarRef<'_>) -> Option<ChartAction> {
    let mut action = None;
    let title = spec.bar_title(bar);
    let (r, g, b) = series_color(bar.series);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        ui.painter()
            .rect_filled(rect, 2.0, egui::Color32::from_rgb(r, g, b));
        let response = ui
            .link(title)
            .on_hover_text("Select the facts behind this bar");
        if response.clicked() {
            action = Some(select(bar));
        }
    });
    ui.indent(("evidence", bar.series, bar.category), |ui| {
        for fact in bar.evidence {
            ui.label(format!("“{}” — {}", fact.sentence.trim(), fact.article));
        }
    });
    action
}

/// Draws the bars; returns the selection when a bar is clicked.
fn plot(ui: &mut egui::Ui, spec: &ChartSpec) -> Option<ChartAction> {
    use egui_plot::{Bar, BarChart, Legend, Plot};

    let log = spec.log_scale;
    let positive: Vec<f64> = spec
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied())
        .filter(|v| *v > 0.0)
        .collect();
    let floor = if log {
        positive
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .log10()
            .floor()
    } else {
        0.0
    };
    let floor = if floor.is_finite() { floor } else { 0.0 };
    let scale = move |v: f64| {
        if log {
            v.max(1e-9).log10().max(floor)
        } else {
            v
        }
    };

    let k = spec.series.len().max(1);
    let bars = spec.bars();
    let mut drawn: Vec<Drawn> = Vec::new();
    let mut charts: Vec<BarChart> = Vec::new();
    let mut stack = vec![0.0f64; spec.categories.len()];
    for (si, series) in spec.series.iter().enumerate() {
        let mut items = Vec::new();
        let mut hovers: Vec<(f64, String)> = Vec::new();
        for bar in bars.iter().filter(|b| b.series == si) {
            let Some(v) = bar.value else { continue };
            let c = bar.category;
            let (x, width) = if spec.stacked {
                (c as f64, 0.64)
            } else {
                let slot = 0.7 / k as f64;
                let present = spec
                    .series
                    .iter()
                    .filter(|s| s.values.get(c).copied().flatten().is_some())
                    .count()
                    .max(1);
                let rank = spec.series[..si]
                    .iter()
                    .filter(|s| s.values.get(c).copied().flatten().is_some())
                    .count();
                let left = c as f64 - slot * present as f64 / 2.0 + slot * rank as f64;
                (left + slot / 2.0, slot * 0.92)
            };
            let (lo, hi) = if spec.stacked {
                let base = stack.get(c).copied().unwrap_or(0.0);
                if let Some(s) = stack.get_mut(c) {
                    *s += v.max(0.0);
                }
                (base, base + v.max(0.0))
            } else {
                (0.0, v.max(0.0))
            };
            let (y0, y1) = (if lo <= 0.0 { floor } else { scale(lo) }, scale(hi));
            let title = spec.bar_title(bar);
            let sentence = bar
                .evidence
                .first()
                .map(|f| format!("\n“{}”\n— {}", f.sentence.trim(), f.article))
                .unwrap_or_default();
            hovers.push((x, format!("{title}{sentence}")));
            items.push(
                Bar::new(x, y1 - y0)
                    .base_offset(y0)
                    .width(width)
                    .name(title),
            );
            drawn.push(Drawn {
                series: si,
                category: c,
                x0: x - width / 2.0,
                x1: x + width / 2.0,
                y0,
                y1,
            });
        }
        if items.is_empty() {
            continue;
        }
        let (r, g, b) = series_color(si);
        charts.push(
            BarChart::new(series.name.clone(), items)
                .color(egui::Color32::from_rgb(r, g, b))
                .element_formatter(Box::new(move |bar: &Bar, _chart: &BarChart| {
                    hovers
                        .iter()
                        .find(|(x, _)| (x - bar.argument).abs() < 1e-9)
                        .map_or_else(|| bar.name.clone(), |(_, text)| text.clone())
                })),
        );
    }

    let names: Vec<String> = spec
        .categories
        .iter()
        .map(|c| {
            let short: String = c.chars().take(28).collect();
            if short.len() < c.len() {
                format!("{short}…")
            } else {
                short
            }
        })
        .collect();
    let is_money = spec.kind == ChartKind::Money;
    let y_label = spec.y_label.clone();
    let x_label = spec.x_label.clone();
    let response = Plot::new("samachar_chart_plot")
        .height((ui.available_height() * 0.55).clamp(220.0, 520.0))
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .include_y(floor)
        .include_x(-0.6)
        .include_x(spec.categories.len() as f64 - 0.4)
        .x_axis_label(x_label)
        .y_axis_label(y_label)
        .x_axis_formatter(move |mark, _range| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            names.get(i as usize).cloned().unwrap_or_default()
        })
        .y_axis_formatter(move |mark, _range| {
            if log {
                let e = mark.value.round();
                if (mark.value - e).abs() > 1e-6 {
                    return String::new();
                }
                let v = 10f64.powf(e);
                if is_money {
                    format_inr(v)
                } else {
                    format_number(v)
                }
            } else {
                format_number(mark.value)
            }
        })
        .show(ui, |plot_ui| {
            for c in charts {
                plot_ui.bar_chart(c);
            }
            let clicked = plot_ui.response().clicked();
            clicked.then(|| plot_ui.pointer_coordinate()).flatten()
        });
    let point = response.inner?;
    let hit = drawn.iter().find(|d| {
        point.x >= d.x0 && point.x <= d.x1 && point.y >= d.y0.min(d.y1) && point.y <= d.y0.max(d.y1)
    })?;
    bars.iter()
        .find(|b| b.series == hit.series && b.category == hit.category)
        .map(select)
}
