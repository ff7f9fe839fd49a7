//! Prints the whole cleaning result (furniture with offsets and kinds, and
//! metadata) for each file, to check that changes keep the output:
//! `cargo run -p samachar-ingest --example clean_full -- FILE...`.
//! With `--repeat N` first, cleans every file N times more before printing
//! (for profiling).

use std::path::Path;

fn main() {
    // `cargo bench --example clean_full` passes `--bench`.
    let mut args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut repeat = 0usize;
    if args.first().is_some_and(|a| a == "--repeat") {
        repeat = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(0);
        args.drain(..2.min(args.len()));
    }
    let docs: Vec<_> = args
        .iter()
        .map(|a| (a, samachar_ingest::read_path(Path::new(a))))
        .collect();
    for _ in 0..repeat {
        for (_, doc) in &docs {
            if let Ok(doc) = doc {
                std::hint::black_box(samachar_ingest::clean::clean(doc));
            }
        }
    }
    for (arg, doc) in &docs {
        println!("=== {arg}");
        match doc {
            Err(e) => println!("error: {e}"),
            Ok(doc) => {
                println!("format {:?}, encoding {}", doc.format, doc.encoding);
                println!("{:#?}", samachar_ingest::clean::clean(doc));
            }
        }
    }
}
