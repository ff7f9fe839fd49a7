//! Cleaning and sentence-splitting throughput on real text: the three seeds
//! plus the shared corpus (when `../shared/corpus` is beside the project),
//! repeated to about 2 MB in articles of their natural size.
//!
//! Run with `cargo bench -p samachar-ingest --bench clean`.

use criterion::{Criterion, Throughput, criterion_group};
use samachar_ingest::read_path;
use samachar_model::Document;
use std::hint::black_box;
use std::path::Path;

/// The seeds and the shared corpus, decoded as the app reads them.
fn real_articles() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    for dir in [root.join("seeds"), root.join("../shared/corpus")] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut found: Vec<_> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            found.sort();
            paths.extend(found);
        }
    }
    paths.iter().filter_map(|p| read_path(p).ok()).collect()
}

fn bench_clean(c: &mut Criterion) {
    let base = real_articles();
    let base_bytes: usize = base.iter().map(|d| d.text.len()).sum();
    if base_bytes == 0 {
        return;
    }
    let target: usize = 2 * 1024 * 1024;
    let docs: Vec<Document> = base
        .iter()
        .cycle()
        .take(base.len() * target.div_ceil(base_bytes))
        .cloned()
        .collect();
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    let label = format!("{} articles, {:.1} MB", docs.len(), total as f64 / 1e6);

    let mut group = c.benchmark_group("ingest");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(format!("clean/{label}"), |b| {
        b.iter(|| {
            for d in &docs {
                black_box(samachar_ingest::clean::clean(d));
            }
        })
    });
    group.bench_function(format!("sentences/{label}"), |b| {
        b.iter(|| {
            for d in &docs {
                black_box(samachar_model::text::sentences(&d.text));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_clean);

/// With `CLEAN_PASSES=N` in the environment, cleans the articles N times
/// and stops, without criterion: a steady load for `valgrind` or `perf`.
fn main() {
    if let Some(passes) = std::env::var("CLEAN_PASSES")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        let docs = real_articles();
        for _ in 0..passes {
            for d in &docs {
                black_box(samachar_ingest::clean::clean(d));
            }
        }
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        println!(
            "{passes} passes over {} articles, {bytes} bytes",
            docs.len()
        );
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
