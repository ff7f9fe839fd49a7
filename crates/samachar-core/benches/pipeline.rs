//! Analysis throughput on real text: the three seeds plus the shared corpus
//! (when `../shared/corpus` is beside the project), repeated to about 10 MB
//! in articles of their natural size. Reports MB/s of decoded text.
//!
//! Run with `cargo bench -p samachar-core --bench pipeline`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use samachar_core::model::Document;
use std::hint::black_box;
use std::path::Path;

/// The allocator the `samachar` binary uses, so that the figure is the
/// app's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn real_articles() -> Vec<Document> {
    let mut docs = samachar_core::seeds::documents();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if let Ok(entries) = std::fs::read_dir(&corpus) {
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(doc) = samachar_core::ingest::read_path(&p) {
                docs.push(doc);
            }
        }
    }
    docs
}

fn bench_pipeline(c: &mut Criterion) {
    let base = real_articles();
    let base_bytes: usize = base.iter().map(|d| d.text.len()).sum();
    if base_bytes == 0 {
        return;
    }
    let target: usize = 10 * 1024 * 1024;
    let docs: Vec<Document> = base
        .iter()
        .cycle()
        .take(base.len() * target.div_ceil(base_bytes))
        .cloned()
        .collect();
    let total: usize = docs.iter().map(|d| d.text.len()).sum();

    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(
        format!(
            "{} articles, {:.1} MB, one core",
            docs.len(),
            total as f64 / 1e6
        ),
        |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(samachar_core::analyze_document(d));
                }
            })
        },
    );
    group.finish();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(base_bytes as u64));
    group.bench_function("clean", |b| {
        b.iter(|| {
            for d in &base {
                black_box(samachar_core::ingest::clean::clean(d));
            }
        })
    });
    group.bench_function("quantities", |b| {
        b.iter(|| {
            for d in &base {
                black_box(samachar_core::quantity::extract(&d.text));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
