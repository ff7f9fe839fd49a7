//! Prints everything `extract` finds in each file (entities with mentions,
//! facts), for comparing output before and after a change:
//! `cargo run -p samachar-extract --example extract_dump -- FILE...`.

fn main() {
    let metadata = samachar_model::Metadata::default();
    for path in std::env::args().skip(1) {
        let raw = match std::fs::read(&path) {
            Ok(raw) => String::from_utf8_lossy(&raw).replace("\r\n", "\n"),
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                continue;
            }
        };
        let quantities = samachar_quantity::extract(&raw);
        let found = samachar_extract::extract(&raw, &metadata, &quantities);
        println!("== {path}\n{found:#?}");
    }
}
