//! Times `analyze_document` over the files given, for profiling:
//! `cargo run --release -p samachar-core --example pipeline_speed -- FILE...`
//! (with no file: the bundled seeds). Prints bytes, time and MB/s; the
//! SAMACHAR_REPEAT variable runs over the files that many times. Under
//! callgrind, `--toggle-collect=pipeline_speed::measured` counts only the
//! measured loop, and `--toggle-collect=samachar_ingest::clean::clean` (or any
//! other stage) one stage of it.

use samachar_core::model::Document;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut docs: Vec<Document> = Vec::new();
    for path in std::env::args().skip(1) {
        match samachar_core::ingest::read_path(std::path::Path::new(&path)) {
            Ok(doc) => docs.push(doc),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    if docs.is_empty() {
        docs = samachar_core::seeds::documents();
    }
    // SAMACHAR_REPEAT=N runs over the files N times (default 1).
    let repeat: usize = std::env::var("SAMACHAR_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let docs: Vec<&Document> = docs.iter().cycle().take(docs.len() * repeat).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // One pass over a few files first, so that lazily built tables
    // (regexes, gazetteer) are not in the figures.
    for doc in docs.iter().copied().take(20) {
        warm_up(doc);
    }
    let started = Instant::now();
    let mut found = 0;
    for doc in docs.iter().copied() {
        found += measured(doc);
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "{bytes} bytes, {found} entities+quantities+facts, {took:.4} s, {:.1} MB/s",
        bytes as f64 / took / 1e6
    );
}

/// Analysis outside the measured loop.
#[inline(never)]
fn warm_up(doc: &Document) {
    std::hint::black_box(samachar_core::analyze_document(doc));
}

/// Analysis inside the measured loop (a name for profilers to select).
#[inline(never)]
fn measured(doc: &Document) -> usize {
    let a = samachar_core::analyze_document(doc);
    a.entities.len() + a.quantities.len() + a.facts.len()
}
