//! Extraction throughput on real text: the three seeds plus the shared
//! corpus (when `../shared/corpus` is beside the project), CRLF made LF,
//! repeated to about 2 MB. Quantities are found once, outside the timed
//! loop. Reports MB/s of text for `extract`, and for `resolve_corpus` over
//! the analysed articles.
//!
//! Run with `cargo bench -p samachar-extract --bench extract`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use samachar_model::{ArticleAnalysis, Metadata, Quantity};
use std::hint::black_box;
use std::path::Path;

fn texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in [
        root.join("../../seeds"),
        root.join("../../../shared/corpus"),
    ] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut found: Vec<_> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            found.sort();
            paths.extend(found);
        }
    }
    paths
        .iter()
        .filter_map(|p| {
            let raw = std::fs::read_to_string(p).ok()?;
            let text = raw.replace("\r\n", "\n").replace('\r', "\n");
            let file = p.file_name()?.to_string_lossy().to_string();
            Some((file, text))
        })
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let base = texts();
    let base_bytes: usize = base.iter().map(|t| t.1.len()).sum();
    if base_bytes == 0 {
        return;
    }
    let target: usize = 2 * 1024 * 1024;
    let docs: Vec<(String, String, Vec<Quantity>)> = base
        .iter()
        .cycle()
        .take(base.len() * target.div_ceil(base_bytes))
        .enumerate()
        .map(|(i, (f, t))| {
            (
                format!("{i:04}_{f}"),
                t.clone(),
                samachar_quantity::extract(t),
            )
        })
        .collect();
    let total: usize = docs.iter().map(|d| d.1.len()).sum();
    let metadata = Metadata::default();

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(
        format!("{} articles, {:.1} MB", docs.len(), total as f64 / 1e6),
        |b| {
            b.iter(|| {
                for (_, text, qs) in &docs {
                    black_box(samachar_extract::extract(text, &metadata, qs));
                }
            })
        },
    );
    let analyses: Vec<ArticleAnalysis> = docs
        .iter()
        .map(|(file, text, qs)| {
            let x = samachar_extract::extract(text, &metadata, qs);
            ArticleAnalysis {
                file: file.clone(),
                entities: x.entities,
                facts: x.facts,
                quantities: qs.clone(),
                ..ArticleAnalysis::default()
            }
        })
        .collect();
    group.bench_function("resolve_corpus", |b| {
        b.iter(|| black_box(samachar_extract::resolve_corpus(&analyses)))
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
