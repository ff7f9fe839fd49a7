//! Throughput of `extract` on the shared corpus and seeds, repeated to
//! about 1 MB.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

fn corpus() -> String {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let mut one = String::new();
    for dir in ["corpus", "seeds"] {
        let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|x| x == "txt")
                && let Ok(s) = std::fs::read_to_string(&p)
            {
                one.push_str(&s.replace("\r\n", "\n"));
                one.push_str("\n\n");
            }
        }
    }
    if one.is_empty() {
        one =
            "The cluster makes 6,40,000 bags per month worth Rs 15 crore ($1.9 million).\n".into();
    }
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&one);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("quantity");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("extract", |b| {
        b.iter(|| samachar_quantity::extract(black_box(&text)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
