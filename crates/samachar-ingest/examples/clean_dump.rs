//! Prints what the cleaner finds in files: `cargo run -p samachar-ingest
//! --example clean_dump -- FILE...`.

use std::path::Path;

fn main() {
    for arg in std::env::args().skip(1) {
        println!("=== {arg}");
        match samachar_ingest::read_path(Path::new(&arg)) {
            Err(e) => println!("error: {e}"),
            Ok(doc) => {
                println!("format {:?}, encoding {}", doc.format, doc.encoding);
                let cleaned = samachar_ingest::clean::clean(&doc);
                println!("{:?}", cleaned.metadata);
                for f in &cleaned.furniture {
                    println!("  [{}] {:?}", f.kind.as_str(), f.text);
                }
            }
        }
    }
}
