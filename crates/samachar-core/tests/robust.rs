//! The pipeline never panics, whatever the text: odd Unicode, stray
//! punctuation, numbers everywhere, random bytes decoded.

use samachar_core::model::{Document, Format};

fn doc(text: String) -> Document {
    Document {
        path: "x.txt".into(),
        file: "x.txt".into(),
        format: Format::Text,
        encoding: "UTF-8".into(),
        bytes: text.as_bytes().to_vec(),
        text,
        format_title: None,
    }
}

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

const PIECES: &[&str] = &[
    "Rs",
    "₹",
    "$",
    "crore",
    "lakh",
    "6,40,000",
    "1.5",
    "million",
    "%",
    "per cent",
    "“",
    "”",
    "‘",
    "’",
    "Mr.",
    "Dr.",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    ":",
    "(",
    ")",
    "Pvt Ltd",
    "said",
    "Roy",
    "Bihar",
    "−40°C",
    "-",
    "–",
    "—",
    "×",
    "©",
    "Also Read:",
    "Share",
    "By",
    "Published",
    "2023",
    "Feb 22,",
    "employees",
    "bags",
    "per month",
    "\u{a0}",
    "ſ",
    "K",
    "é",
    "अ",
    "🙂",
    "\t",
    "'",
    "\"",
    "?",
    "!",
    "JEEViKA (",
    "Department of",
    "General Manager",
    "of which",
    "to",
    "and",
    "the",
    "0",
    "9",
];

#[test]
fn generated_texts_never_panic() {
    let mut rng = Lcg(7);
    for _ in 0..400 {
        let n = (rng.next() % 120) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[(rng.next() as usize) % PIECES.len()]);
            if rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let analysis = samachar_core::analyze_document(&doc(text.clone()));
        for q in &analysis.quantities {
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Lcg(11);
    for _ in 0..200 {
        let n = (rng.next() % 400) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| (rng.next() % 256) as u8).collect();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = samachar_core::analyze_document(&doc(text));
        // Through the reader too: errors are fine, panics are not.
        let _ = samachar_core::ingest::decode_bytes("r.txt", &bytes);
    }
}
