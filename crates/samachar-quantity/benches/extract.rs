//! Throughput of `extract` on the shared corpus and seeds: once as one text
//! repeated to about 1 MB, once article by article (each about 2 KB, as
//! the pipeline calls it), also to about 1 MB.
//!
//! With `QUANTITY_LOOPS=N` in the environment the binary skips criterion
//! and runs both N times: a fixed workload for `valgrind --tool=callgrind`
//! (`QUANTITY_ONLY=text` or `QUANTITY_ONLY=articles` runs one of them).

use criterion::{Criterion, Throughput, criterion_group};

/// The allocator the application uses (as the pipeline bench does).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::hint::black_box;
use std::path::PathBuf;

/// The shared articles and seeds, one string each (CRLF -> LF).
fn articles() -> Vec<String> {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let mut out = Vec::new();
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
                out.push(s.replace("\r\n", "\n"));
            }
        }
    }
    if out.is_empty() {
        out.push(
            "The cluster makes 6,40,000 bags per month worth Rs 15 crore ($1.9 million).\n".into(),
        );
    }
    out
}

/// The articles joined into one text repeated to about 1 MB.
fn corpus(arts: &[String]) -> String {
    let mut one = String::new();
    for a in arts {
        one.push_str(a);
        one.push_str("\n\n");
    }
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&one);
    }
    text
}

/// The articles repeated until they hold about 1 MB in all.
fn many(arts: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut len = 0;
    while len < 1_000_000 {
        for a in arts {
            len += a.len();
            out.push(a.clone());
        }
    }
    out
}

fn run_articles(docs: &[String]) -> usize {
    docs.iter()
        .map(|d| samachar_quantity::extract(black_box(d)).len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let arts = articles();
    let text = corpus(&arts);
    let docs = many(&arts);
    let mut g = c.benchmark_group("quantity");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("extract", |b| {
        b.iter(|| samachar_quantity::extract(black_box(&text)))
    });
    g.throughput(Throughput::Bytes(docs.iter().map(|d| d.len() as u64).sum()));
    g.bench_function("extract_articles", |b| b.iter(|| run_articles(&docs)));
    g.finish();
}

criterion_group!(benches, bench);

fn main() {
    if let Some(n) = std::env::var("QUANTITY_LOOPS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
    {
        let arts = articles();
        let text = corpus(&arts);
        let docs = many(&arts);
        // QUANTITY_ONLY=text or =articles runs one half only.
        let only = std::env::var("QUANTITY_ONLY").unwrap_or_default();
        let (big, small) = (only != "articles", only != "text");
        let mut found = 0;
        for _ in 0..n {
            if big {
                found += samachar_quantity::extract(black_box(&text)).len();
            }
            if small {
                found += run_articles(&docs);
            }
        }
        let bytes = if big { text.len() } else { 0 }
            + if small {
                docs.iter().map(String::len).sum::<usize>()
            } else {
                0
            };
        println!("{n} loops over {bytes} bytes: {found} quantities");
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
