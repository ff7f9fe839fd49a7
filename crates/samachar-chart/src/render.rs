//! Drawing a [`ChartSpec`] to SVG or PNG with plotters.
//!
//! Text is set in the bundled DejaVu Sans (registered once with plotters), so
//! a chart looks the same on every machine and rupee signs render. Every
//! chart has its title, a line saying what is measured, a legend when it has
//! more than one series, axis labels, the category names under the bars, a
//! value label on every bar and the source line at the bottom. A chart with
//! no data draws "No facts for this chart" instead.

use crate::ChartError;
use crate::format::format_inr;
use crate::spec::ChartSpec;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use samachar_model::text::format_number;
use std::sync::OnceLock;

/// The bundled font (DejaVu Sans, see `assets/fonts/DejaVuSans-LICENSE.txt`).
static FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

/// The smallest and largest width or height accepted, in pixels.
pub const SIZE_LIMITS: (u32, u32) = (120, 8000);

/// The message drawn on a chart with no data.
pub const NO_DATA: &str = "No facts for this chart";

/// Registers the bundled font with plotters, once per process.
fn ensure_font() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        plotters::style::register_font("sans-serif", FontStyle::Normal, FONT).is_ok()
            && plotters::style::register_font("sans-serif", FontStyle::Bold, FONT).is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(ChartError::Render(
            "the bundled font could not be read".into(),
        ))
    }
}

fn check_size(width: u32, height: u32) -> Result<(), ChartError> {
    let (lo, hi) = SIZE_LIMITS;
    if (lo..=hi).contains(&width) && (lo..=hi).contains(&height) {
        Ok(())
    } else {
        Err(ChartError::Render(format!(
            "size {width}×{height} is outside {lo}–{hi} pixels"
        )))
    }
}

/// Draws `spec` as an SVG document of `width` × `height` pixels.
pub fn render_svg(spec: &ChartSpec, width: u32, height: u32) -> Result<String, ChartError> {
    check_size(width, height)?;
    ensure_font()?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root, spec)?;
        root.present().map_err(err)?;
    }
    Ok(out)
}

/// Draws `spec` as a PNG image of `width` × `height` pixels and returns the
/// PNG file's bytes.
pub fn render_png(spec: &ChartSpec, width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    check_size(width, height)?;
    ensure_font()?;
    let mut buf = vec![255u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (width, height)).into_drawing_area();
        draw(&root, spec)?;
        root.present().map_err(err)?;
    }
    let img = image::RgbImage::from_raw(width, height, buf)
        .ok_or_else(|| ChartError::Render("the pixel buffer has the wrong size".into()))?;
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)?;
    Ok(png)
}

fn err<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Render(e.to_string())
}

const TEXT: RGBColor = RGBColor(33, 33, 33);
const MUTED: RGBColor = RGBColor(100, 100, 100);
const GRID: RGBColor = RGBColor(225, 225, 225);

/// Series colours: a colour-blind-safe palette (Okabe–Ito).
const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
];

/// The colour of series `i` (the app uses the same colours).
pub fn series_color(i: usize) -> (u8, u8, u8) {
    let c = PALETTE[i % PALETTE.len()];
    (c.0, c.1, c.2)
}

fn style(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: ("sans-serif", size).into_font(),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

fn bold(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: ("sans-serif", size, FontStyle::Bold).into_font(),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Shortens `text` with "…" until it fits in `max` pixels.
fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max: u32,
) -> Result<String, ChartError> {
    if area.estimate_text_size(text, style).map_err(err)?.0 <= max {
        return Ok(text.to_string());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let candidate: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if area.estimate_text_size(&candidate, style).map_err(err)?.0 <= max {
            return Ok(candidate);
        }
    }
    Ok("…".to_string())
}

/// Breaks `text` into at most `lines` lines of at most `max` pixels.
fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max: u32,
    lines: usize,
) -> Result<Vec<String>, ChartError> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let candidate = if current.is_empty() {
            (*w).to_string()
        } else {
            format!("{current} {w}")
        };
        if current.is_empty() || area.estimate_text_size(&candidate, style).map_err(err)?.0 <= max {
            current = candidate;
            continue;
        }
        if out.len() + 1 == lines {
            let rest = words[i..].join(" ");
            current = format!("{current} {rest}");
            break;
        }
        out.push(std::mem::take(&mut current));
        current = (*w).to_string();
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.iter().map(|l| fit(area, l, style, max)).collect()
}

/// One rectangle to draw, in data coordinates (y already on the drawn scale).
struct Block {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    series: usize,
    label: String,
    inside: bool,
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
) -> Result<(), ChartError> {
    let (w, h) = root.dim_in_pixel();
    let (wf, hf) = (f64::from(w), f64::from(h));
    let base = (hf.min(wf * 0.75) / 38.0).clamp(9.0, 18.0);
    let title_size = base * 1.5;
    let pad = (base * 0.8).round() as i32;
    root.fill(&WHITE).map_err(err)?;

    // Title, subtitle, legend.
    let mut y = pad;
    // One line of heading text, shortened to the width, at the left margin.
    let heading = |text: &str, text_style: &TextStyle<'static>, y: i32| -> Result<(), ChartError> {
        let line = fit(root, text, text_style, w.saturating_sub(2 * pad as u32))?;
        root.draw_text(&line, text_style, (pad, y)).map_err(err)
    };
    heading(
        &spec.title,
        &bold(title_size, TEXT, HPos::Left, VPos::Top),
        y,
    )?;
    y += (title_size * 1.35) as i32;
    heading(
        &spec.subtitle,
        &style(base, MUTED, HPos::Left, VPos::Top),
        y,
    )?;
    y += (base * 1.5) as i32;
    if spec.series.len() > 1 && !spec.is_empty() {
        let legend_style = style(base, TEXT, HPos::Left, VPos::Center);
        let mut x = pad;
        let sq = (base * 0.8) as i32;
        for (i, s) in spec.series.iter().enumerate() {
            let c = PALETTE[i % PALETTE.len()];
            let cy = y + sq / 2;
            root.draw(&Rectangle::new([(x, y), (x + sq, y + sq)], c.filled()))
                .map_err(err)?;
            root.draw_text(&s.name, &legend_style, (x + sq + 4, cy))
                .map_err(err)?;
            let tw = root
                .estimate_text_size(&s.name, &legend_style)
                .map_err(err)?
                .0;
            x += sq + 4 + tw as i32 + (base * 1.5) as i32;
        }
        y += (base * 1.6) as i32;
    }

    // Source line at the bottom.
    let source_style = style(base * 0.9, MUTED, HPos::Left, VPos::Bottom);
    let source = fit(
        root,
        &spec.source,
        &source_style,
        w.saturating_sub(2 * pad as u32),
    )?;
    root.draw_text(&source, &source_style, (pad, h as i32 - pad / 2))
        .map_err(err)?;
    let bottom = (base * 0.9 * 1.6) as u32 + pad as u32 / 2;

    let top = y.max(0) as u32;
    if top + bottom + 40 >= h {
        return Ok(());
    }
    let body = root.margin(top, bottom, 0, 0);
    if spec.is_empty() {
        let (bw, bh) = body.dim_in_pixel();
        let msg = bold(base * 1.4, MUTED, HPos::Center, VPos::Center);
        body.draw_text(NO_DATA, &msg, (bw as i32 / 2, bh as i32 / 2))
            .map_err(err)?;
        // List label-only entries (amounts that cannot be drawn) under it.
        let note = style(base, MUTED, HPos::Center, VPos::Top);
        let mut ny = bh as i32 / 2 + (base * 1.5) as i32;
        for bar in spec.bars() {
            let text = fit(&body, &spec.bar_title(&bar), &note, bw.saturating_sub(20))?;
            body.draw_text(&text, &note, (bw as i32 / 2, ny))
                .map_err(err)?;
            ny += (base * 1.3) as i32;
        }
        return Ok(());
    }
    draw_bars(root, &body, spec, base)
}

/// Draws the axes, bars and labels in `area`; text goes through `root`
/// (the whole image), whose coordinates are the backend's.
fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    base: f64,
) -> Result<(), ChartError> {
    let n = spec.categories.len().max(1);
    let k = spec.series.len().max(1);
    let log = spec.log_scale;
    let positive: Vec<f64> = spec
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied())
        .filter(|v| *v > 0.0)
        .collect();
    let stacked_max = (0..n)
        .map(|c| {
            spec.series
                .iter()
                .filter_map(|s| s.values.get(c).copied().flatten())
                .filter(|v| *v > 0.0)
                .sum::<f64>()
        })
        .fold(0.0f64, f64::max);
    let single_max = positive.iter().copied().fold(0.0f64, f64::max);
    let max = if spec.stacked {
        stacked_max
    } else {
        single_max
    };
    let (y_lo, y_hi) = if log {
        let min = positive.iter().copied().fold(f64::INFINITY, f64::min);
        let lo = if min.is_finite() {
            min.log10().floor()
        } else {
            0.0
        };
        let hi = if max > 0.0 { max.log10() } else { lo + 1.0 };
        let hi = (hi + (hi - lo).max(1.0) * 0.12).max(lo + 1.0);
        (lo, hi)
    } else {
        (0.0, if max > 0.0 { max * 1.15 } else { 1.0 })
    };
    let scale = |v: f64| -> f64 {
        if log {
            if v > 0.0 { v.log10().max(y_lo) } else { y_lo }
        } else {
            v
        }
    };

    // Lay out the blocks.
    let values_in = |c: usize| {
        spec.series
            .iter()
            .filter(|s| s.values.get(c).copied().flatten().is_some())
            .count()
    };
    let mut blocks: Vec<Block> = Vec::new();
    let mut loose: Vec<(f64, String)> = Vec::new();
    for c in 0..spec.categories.len() {
        let mut acc = 0.0f64;
        for (si, s) in spec.series.iter().enumerate() {
            let label = s.labels.get(c).cloned().flatten().unwrap_or_default();
            let Some(v) = s.values.get(c).copied().flatten() else {
                if !label.is_empty() {
                    loose.push((c as f64 + 0.5, label));
                }
                continue;
            };
            let (x0, x1) = if spec.stacked {
                (c as f64 + 0.18, c as f64 + 0.82)
            } else {
                // Side by side, the bars present centred in the category.
                let slot = 0.7 / k as f64;
                let present = values_in(c).max(1);
                let rank = spec.series[..si]
                    .iter()
                    .filter(|s| s.values.get(c).copied().flatten().is_some())
                    .count();
                let x0 = c as f64 + 0.5 - slot * present as f64 / 2.0 + slot * rank as f64;
                (x0 + slot * 0.04, x0 + slot * 0.96)
            };
            let (b0, b1) = if spec.stacked {
                let r = (acc, acc + v.max(0.0));
                acc += v.max(0.0);
                r
            } else {
                (0.0, v.max(0.0))
            };
            blocks.push(Block {
                x0,
                x1,
                y0: if log && b0 <= 0.0 { y_lo } else { scale(b0) },
                y1: scale(b1),
                series: si,
                label,
                inside: spec.stacked && values_in(c) > 1,
            });
        }
    }

    // Room for category names: up to three lines under each bar, or one
    // line turned upright when the bars are too narrow for words.
    let cat_size = base * 0.95;
    let (area_w, area_h) = area.dim_in_pixel();
    let approx_step = f64::from(area_w) * 0.85 / n as f64;
    let upright = approx_step < cat_size * 6.0;
    let upright_room = (f64::from(area_h) * 0.38) as u32;
    let x_area = if upright {
        upright_room
    } else {
        let probe = style(cat_size, TEXT, HPos::Center, VPos::Top);
        let mut lines = 1;
        for name in &spec.categories {
            lines = lines.max(wrap(root, name, &probe, approx_step as u32, 3)?.len());
        }
        (cat_size * 1.25 * lines as f64 + base * 2.6) as u32
    };
    let y_desc_room = (base * 2.0) as u32;
    let formatter = |y: &f64| -> String {
        if log {
            if (y - y.round()).abs() > 1e-6 {
                return String::new();
            }
            let v = 10f64.powf(y.round());
            if spec.kind == crate::ChartKind::Money {
                format_inr(v)
            } else {
                format_number(v)
            }
        } else if spec.kind == crate::ChartKind::Exports && y.fract().abs() > 1e-9 {
            String::new()
        } else {
            format_number(*y)
        }
    };
    let longest_tick = if log {
        (y_lo as i32..=y_hi.ceil() as i32)
            .map(|e| formatter(&f64::from(e)).chars().count())
            .max()
            .unwrap_or(4)
    } else {
        formatter(&y_hi).chars().count() + 2
    };
    let y_area = (base * 0.62 * longest_tick as f64) as u32 + y_desc_room + 8;
    let mut chart = ChartBuilder::on(area)
        .margin_left((base * 0.6) as u32)
        .margin_right((base * 1.2) as u32)
        .margin_top((base * 0.6) as u32)
        .x_label_area_size(x_area)
        .y_label_area_size(y_area)
        .build_cartesian_2d(0f64..n as f64, y_lo..y_hi)
        .map_err(err)?;
    let y_labels = if log {
        ((y_hi - y_lo).floor() as usize + 1).max(2)
    } else if spec.kind == crate::ChartKind::Exports {
        (max as usize + 2).min(8)
    } else {
        6
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(y_labels)
        .y_label_formatter(&formatter)
        .label_style(style(base * 0.9, TEXT, HPos::Right, VPos::Center))
        .axis_desc_style(style(base, TEXT, HPos::Center, VPos::Center))
        .x_desc(spec.x_label.as_str())
        .y_desc(spec.y_label.as_str())
        .bold_line_style(GRID.stroke_width(1))
        .light_line_style(WHITE.stroke_width(0))
        .draw()
        .map_err(err)?;

    chart
        .draw_series(blocks.iter().map(|b| {
            Rectangle::new(
                [(b.x0, b.y0), (b.x1, b.y1)],
                PALETTE[b.series % PALETTE.len()].filled(),
            )
        }))
        .map_err(err)?;

    // Value labels, where they fit (the app and the exports list them all).
    let label_size = base * 0.9;
    let step_px = f64::from(
        (chart.backend_coord(&(1.0, y_lo)).0 - chart.backend_coord(&(0.0, y_lo)).0).unsigned_abs(),
    );
    let per_bar = if spec.stacked {
        step_px
    } else {
        step_px / k as f64
    };
    let room = (per_bar - 4.0).max(1.0) as u32;
    for b in &blocks {
        if b.label.is_empty() {
            continue;
        }
        let (px0, py0) = chart.backend_coord(&(b.x0, b.y0));
        let (px1, py1) = chart.backend_coord(&(b.x1, b.y1));
        let cx = (px0 + px1) / 2;
        let bar_h = (py0 - py1).abs();
        let (st, pos) = if b.inside && f64::from(bar_h) > label_size * 1.3 {
            (
                bold(label_size, WHITE, HPos::Center, VPos::Center),
                (cx, (py0 + py1) / 2),
            )
        } else {
            (
                style(label_size, TEXT, HPos::Center, VPos::Bottom),
                (cx, py0.min(py1) - 3),
            )
        };
        if root.estimate_text_size(&b.label, &st).map_err(err)?.0 <= room {
            root.draw_text(&b.label, &st, pos).map_err(err)?;
        }
    }
    for (x, label) in &loose {
        let (px, py) = chart.backend_coord(&(*x, y_lo));
        let st = style(label_size, MUTED, HPos::Center, VPos::Bottom);
        let width = (chart.backend_coord(&(1.0, y_lo)).0 - chart.backend_coord(&(0.0, y_lo)).0)
            .unsigned_abs();
        let text = fit(root, label, &st, width.max(40))?;
        root.draw_text(&text, &st, (px, py - 4)).map_err(err)?;
    }

    // Category names under the axis.
    if upright {
        let st = style(cat_size, TEXT, HPos::Right, VPos::Center);
        let st = TextStyle {
            font: st.font.transform(FontTransform::Rotate270),
            ..st
        };
        let flat = style(cat_size, TEXT, HPos::Right, VPos::Center);
        let room = upright_room.saturating_sub((base * 2.6) as u32).max(20);
        for (c, name) in spec.categories.iter().enumerate() {
            let (px, py) = chart.backend_coord(&(c as f64 + 0.5, y_lo));
            let text = fit(root, name, &flat, room)?;
            root.draw_text(&text, &st, (px, py + 6)).map_err(err)?;
        }
        return Ok(());
    }
    let cat_style = style(cat_size, TEXT, HPos::Center, VPos::Top);
    let step = (chart.backend_coord(&(1.0, y_lo)).0 - chart.backend_coord(&(0.0, y_lo)).0)
        .unsigned_abs()
        .saturating_sub(6)
        .max(20);
    for (c, name) in spec.categories.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(c as f64 + 0.5, y_lo));
        let lines = wrap(root, name, &cat_style, step, 3)?;
        for (i, line) in lines.iter().enumerate() {
            let ly = py + 6 + (i as f64 * cat_size * 1.25) as i32;
            root.draw_text(line, &cat_style, (px, ly)).map_err(err)?;
        }
    }
    Ok(())
}
