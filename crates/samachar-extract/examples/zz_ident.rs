//! throwaway
use samachar_model::{Metadata, Quantity};
fn main() {
    let inputs: Vec<(String, String, Vec<Quantity>)> =
        serde_json::from_str(&std::fs::read_to_string("/tmp/exid/inputs.json").unwrap()).unwrap();
    let reps: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let md = Metadata::default();
    let mut ents = String::new();
    let mut facts = String::new();
    for r in 0..reps {
        if r == 1 {
            zz_mark();
        }
        for (f, t, q) in &inputs {
            let x = samachar_extract::extract(t, &md, q);
            if r == 0 {
                ents.push_str(&format!("== {f}\n{:#?}\n", x.entities));
                facts.push_str(&format!("== {f}\n{:#?}\n", x.facts));
            }
        }
    }
    if reps == 1 {
        print!("{ents}");
        eprint!("{facts}");
    }
}

#[inline(never)]
fn zz_mark() {
    std::hint::black_box(0);
}
