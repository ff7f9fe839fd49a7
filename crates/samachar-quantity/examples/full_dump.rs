//! Prints `{:#?}` of the whole `extract` result for each file given
//! (read as UTF-8 lossily, CRLF -> LF): the reference for checking that an
//! optimisation changes nothing.
//! `cargo run -p samachar-quantity --example full_dump -- FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        let found = samachar_quantity::extract(&text);
        println!("== {path} ({} bytes)", text.len());
        println!("{found:#?}");
    }
}
