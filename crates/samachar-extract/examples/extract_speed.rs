//! Times `extract` over the files given (quantities found beforehand), for
//! profiling: `cargo run --release -p samachar-extract --example
//! extract_speed -- FILE...`. Prints bytes, time and MB/s; the
//! SAMACHAR_REPEAT variable runs over the files that many times.

use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let metadata = samachar_model::Metadata::default();
    let mut docs = Vec::new();
    for path in std::env::args().skip(1) {
        if let Ok(raw) = std::fs::read(&path) {
            let text = String::from_utf8_lossy(&raw).replace("\r\n", "\n");
            let quantities = samachar_quantity::extract(&text);
            docs.push((text, quantities));
        }
    }
    // SAMACHAR_REPEAT=N runs over the files N times (default 1).
    let repeat: usize = std::env::var("SAMACHAR_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let docs: Vec<_> = docs.iter().cycle().take(docs.len() * repeat).collect();
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    // One pass first, so that lazily built tables (regexes, gazetteer) are
    // not in the figures.
    for (text, quantities) in docs.iter().copied().take(20) {
        warm_up(text, &metadata, quantities);
    }
    let started = Instant::now();
    let mut found = 0;
    for (text, quantities) in docs.iter().copied() {
        found += measured(text, &metadata, quantities);
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "{bytes} bytes, {found} entities, {took:.4} s, {:.1} MB/s",
        bytes as f64 / took / 1e6
    );
}

/// Extraction outside the measured loop.
#[inline(never)]
fn warm_up(text: &str, metadata: &samachar_model::Metadata, q: &[samachar_model::Quantity]) {
    std::hint::black_box(samachar_extract::extract(text, metadata, q));
}

/// Extraction inside the measured loop (a name for profilers to select).
#[inline(never)]
fn measured(
    text: &str,
    metadata: &samachar_model::Metadata,
    q: &[samachar_model::Quantity],
) -> usize {
    samachar_extract::extract(text, metadata, q).entities.len()
}
