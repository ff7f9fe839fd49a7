//! Frame times of the app's heaviest views, without a GPU: the facts table
//! with 1,000,000 rows, the reader on a 1 MB article, and the time to import
//! 2,000 articles. Each frame is egui's `run_ui` plus tessellation (what the
//! CPU does per frame); painting on the GPU is not included.
//!
//! Run: `cargo bench --bench app_frame` (add `--profile dev` for a quick
//! debug-build figure).

use criterion::{Criterion, criterion_group, criterion_main};
use samachar::app::reader::{ReaderState, reader_ui};
use samachar::app::state::TableSettings;
use samachar::app::tables::{TableCache, TableKind, table_ui};
use samachar::app::view::CorpusView;
use samachar_core::model::{
    ArticleAnalysis, CorpusAnalysis, Entity, EntityKind, Fact, FactValue, Mention, Quantity,
};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn input(scroll: f32) -> egui::RawInput {
    input_sized(scroll, 1400.0)
}

fn input_sized(scroll: f32, width: f32) -> egui::RawInput {
    let mut raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width, 900.0),
        )),
        ..Default::default()
    };
    if scroll != 0.0 {
        raw.events
            .push(egui::Event::PointerMoved(egui::pos2(700.0, 500.0)));
        raw.events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, scroll),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
    }
    raw
}

/// One frame: layout and tessellation.
fn frame(ctx: &egui::Context, raw: egui::RawInput, ui_fn: &mut dyn FnMut(&mut egui::Ui)) -> usize {
    let out = ctx.run_ui(raw, |ui| {
        egui::CentralPanel::default().show(ui, |ui| ui_fn(ui));
    });
    let mut out = out;
    out.textures_delta.clear();
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    prims.len()
}

fn million_facts() -> CorpusView {
    let articles: Vec<ArticleAnalysis> = (0..1000)
        .map(|a| ArticleAnalysis {
            file: format!("article_{a:04}.txt"),
            facts: (0..1000)
                .map(|i| Fact {
                    subject: format!("Company {} Pvt Ltd", (a * 7 + i) % 5000),
                    metric: ["employees", "exports", "capacity", "turnover"][i % 4].into(),
                    value: FactValue::Number(((a * 1000 + i) * 7919 % 1_000_003) as f64),
                    unit: Some("INR".into()),
                    per: (i % 3 == 0).then(|| "year".into()),
                    sentence: format!("Company {i} reported a figure in article {a}."),
                    derived: i % 10 == 0,
                    derivation: None,
                    start: 0,
                    end: 10,
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    CorpusView::new(
        CorpusAnalysis {
            articles,
            ..Default::default()
        },
        1,
    )
}

fn table_frames(c: &mut Criterion) {
    let build = Instant::now();
    let view = std::sync::Arc::new(million_facts());
    eprintln!(
        "facts table: {} rows built in {:?}",
        view.facts.len(),
        build.elapsed()
    );
    let ctx = egui::Context::default();
    samachar::app::theme::install_fonts(&ctx);
    let mut settings = TableSettings {
        sort_column: Some(2),
        ascending: true,
        filter: String::new(),
    };
    let mut cache = TableCache::default();
    let sort = Instant::now();
    cache.refresh(TableKind::Facts, &view, &settings, None);
    let started = sort.elapsed();
    cache.wait();
    eprintln!(
        "facts table: sorting 1,000,000 rows by value took {:?} on a worker (the UI thread spent {started:?} starting it)",
        sort.elapsed()
    );
    let draw = |ui: &mut egui::Ui, settings: &mut TableSettings, cache: &mut TableCache| {
        table_ui(
            ui,
            "facts",
            TableKind::Facts,
            &view,
            settings,
            cache,
            &[],
            None,
            None,
        );
    };
    // Warm up fonts and caches.
    for _ in 0..3 {
        frame(&ctx, input(0.0), &mut |ui| {
            draw(ui, &mut settings, &mut cache)
        });
    }
    let mut group = c.benchmark_group("frame");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("facts table, 1,000,000 rows, idle", |b| {
        b.iter(|| {
            black_box(frame(&ctx, input(0.0), &mut |ui| {
                draw(ui, &mut settings, &mut cache)
            }))
        });
    });
    group.bench_function("facts table, 1,000,000 rows, scrolling", |b| {
        b.iter(|| {
            black_box(frame(&ctx, input(-400.0), &mut |ui| {
                draw(ui, &mut settings, &mut cache)
            }))
        });
    });
    group.finish();
    // A filter typed: frames go on while the worker filters.
    let filter = Instant::now();
    settings.filter = "company 42".into();
    let mut frames = 0u32;
    let mut slowest = Duration::ZERO;
    while frames == 0 || cache.is_busy() {
        let f = Instant::now();
        frame(&ctx, input(0.0), &mut |ui| {
            draw(ui, &mut settings, &mut cache)
        });
        slowest = slowest.max(f.elapsed());
        frames += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    eprintln!(
        "facts table: filtering 1,000,000 rows took {:?} on a worker ({} match); {frames} frames drawn meanwhile, the slowest {slowest:?}",
        filter.elapsed(),
        cache.order.len()
    );
}

fn megabyte_article() -> (String, CorpusView) {
    let seed = samachar_core::seeds::documents()
        .into_iter()
        .next()
        .map(|d| d.text)
        .unwrap_or_else(|| {
            "Acme Tools Pvt Ltd makes 6,40,000 bags per month in Hajipur. ".repeat(20)
        });
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&seed);
        text.push_str("\n\n");
    }
    // An entity every ~300 bytes and a quantity every ~500, like a dense article.
    let mut entities = Vec::new();
    let mut quantities = Vec::new();
    let mut pos = 0;
    let mut mentions = Vec::new();
    while pos + 40 < text.len() {
        let start = (pos..pos + 4)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(pos);
        let end = (start + 12..start + 16)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(start);
        mentions.push(Mention {
            text: text[start..end].to_string(),
            start,
            end,
        });
        if pos % 500 < 300 {
            let qs = (end + 4..end + 8)
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(end);
            let qe = (qs + 8..qs + 12)
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(qs);
            quantities.push(Quantity {
                text: text[qs..qe].to_string(),
                value: 640000.0,
                value_max: None,
                unit: Some("bags".into()),
                per: Some("month".into()),
                qualifier: None,
                start: qs,
                end: qe,
                sentence: String::new(),
                same_as: None,
            });
        }
        pos += 300;
    }
    entities.push(Entity {
        id: "org:bench".into(),
        name: "Bench".into(),
        kind: EntityKind::Organization,
        mentions,
        role: None,
        organization: None,
        merges: Vec::new(),
    });
    let analysis = ArticleAnalysis {
        file: "big.txt".into(),
        title: Some("A 1 MB article".into()),
        entities,
        quantities,
        ..Default::default()
    };
    let view = CorpusView::new(
        CorpusAnalysis {
            articles: vec![analysis],
            ..Default::default()
        },
        1,
    );
    (text, view)
}

fn reader_frames(c: &mut Criterion) {
    let (text, view) = megabyte_article();
    let ctx = egui::Context::default();
    samachar::app::theme::install_fonts(&ctx);
    let mut state = ReaderState::default();
    let mut furniture = true;
    let mut draw = |ui: &mut egui::Ui, state: &mut ReaderState| {
        reader_ui(ui, state, &view, 0, &text, &mut furniture, &[], &[]);
    };
    let first = Instant::now();
    frame(&ctx, input(0.0), &mut |ui| draw(ui, &mut state));
    eprintln!(
        "reader: first frame of a {} byte article (layout) took {:?}",
        text.len(),
        first.elapsed()
    );
    for _ in 0..2 {
        frame(&ctx, input(0.0), &mut |ui| draw(ui, &mut state));
    }
    // A window being resized: 20 frames, 7 points narrower each.
    let layouts = state.layouts;
    let resize = Instant::now();
    let mut slowest = Duration::ZERO;
    for i in 0..20 {
        let f = Instant::now();
        frame(&ctx, input_sized(0.0, 1400.0 - 7.0 * i as f32), &mut |ui| {
            draw(ui, &mut state)
        });
        slowest = slowest.max(f.elapsed());
    }
    eprintln!(
        "reader: 20 frames of resizing took {:?} (slowest {slowest:?}, {} new layouts)",
        resize.elapsed(),
        state.layouts - layouts
    );
    // Then the width settles: one layout.
    std::thread::sleep(Duration::from_millis(300));
    let settle = Instant::now();
    frame(&ctx, input_sized(0.0, 1267.0), &mut |ui| {
        draw(ui, &mut state)
    });
    eprintln!(
        "reader: the frame after resizing stopped (new layout) took {:?}",
        settle.elapsed()
    );
    // Selecting a table row highlights a span: no new layout.
    let layouts = state.layouts;
    let highlight = Instant::now();
    for i in 0..10 {
        state.highlight = Some(1000 * i..1000 * i + 40);
        frame(&ctx, input_sized(0.0, 1267.0), &mut |ui| {
            draw(ui, &mut state)
        });
    }
    eprintln!(
        "reader: 10 frames each highlighting another span took {:?} ({} new layouts)",
        highlight.elapsed(),
        state.layouts - layouts
    );
    let mut draw = |ui: &mut egui::Ui| draw(ui, &mut state);
    let mut group = c.benchmark_group("frame");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("reader, 1 MB article, idle", |b| {
        b.iter(|| black_box(frame(&ctx, input(0.0), &mut draw)));
    });
    group.bench_function("reader, 1 MB article, scrolling", |b| {
        b.iter(|| black_box(frame(&ctx, input(-400.0), &mut draw)));
    });
    group.finish();
}

fn import_2000(_c: &mut Criterion) {
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("import: no temporary folder");
        return;
    };
    let folder = dir.path().join("articles");
    if std::fs::create_dir(&folder).is_err() {
        return;
    }
    let seeds = samachar_core::seeds::documents();
    for i in 0..2000 {
        let base = seeds
            .get(i % seeds.len().max(1))
            .map_or("", |d| d.text.as_str());
        let text = format!(
            "{base}\n\nUpdate {i}: the unit now employs {} people.\n",
            100 + i
        );
        if std::fs::write(folder.join(format!("a_{i:04}.txt")), text).is_err() {
            return;
        }
    }
    let started = Instant::now();
    let batch =
        samachar_core::analyze_paths(&[PathBuf::from(&folder)], &AtomicBool::new(false), &|_| {});
    let analysed = started.elapsed();
    let project_path = dir.path().join("bench.samachar");
    let stored = Instant::now();
    let saved = samachar_core::store::Project::create(&project_path).and_then(|mut p| {
        let rows: Vec<_> = batch
            .articles
            .iter()
            .map(|a| (a.doc.clone(), a.analysis.clone()))
            .collect();
        p.add_articles(&rows)
    });
    let stored = stored.elapsed();
    let corpus = Instant::now();
    let analysis = samachar_core::corpus_analysis(&batch.articles, &batch.errors);
    let view = CorpusView::new(analysis, 1);
    let corpus = corpus.elapsed();
    eprintln!(
        "import: 2,000 articles analysed in {analysed:?} ({} read, {} errors); saved to the project in {stored:?} ({}); corpus view ({} entities, {} facts) built in {corpus:?}; total {:?}",
        batch.articles.len(),
        batch.errors.len(),
        if saved.is_ok() { "ok" } else { "failed" },
        view.entities.len(),
        view.facts.len(),
        analysed + stored + corpus
    );
}

criterion_group!(benches, table_frames, reader_frames, import_2000);
criterion_main!(benches);
