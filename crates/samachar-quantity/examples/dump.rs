//! Prints the quantities found in each file given on the command line, and
//! the time taken: `cargo run -p samachar-quantity --example dump -- FILE...`.

use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        // An argument starting with '=' is text to read, not a file.
        let raw = match path.strip_prefix('=') {
            Some(text) => text.to_string(),
            None => match std::fs::read_to_string(&path) {
                Ok(raw) => raw,
                Err(e) => {
                    eprintln!("cannot read {path}: {e}");
                    continue;
                }
            },
        };
        let text = raw.replace("\r\n", "\n");
        let started = Instant::now();
        let found = samachar_quantity::extract(&text);
        let took = started.elapsed();
        println!("== {path} ({} bytes, {:?})", text.len(), took);
        for q in found {
            println!(
                "  {:<40} {:>16} {:<12} per={:<8} q={:<10} same={:?}",
                format!("{:?}", q.text),
                q.value,
                q.unit.unwrap_or_default(),
                q.per.unwrap_or_default(),
                q.qualifier.unwrap_or_default(),
                q.same_as
            );
        }
    }
}
