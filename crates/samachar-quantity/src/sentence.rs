//! The sentence around a quantity, found piece by piece.
//!
//! [`samachar_model::text::sentences`] splits a whole text; the extractor
//! needs the sentence of each quantity only. Every place where that
//! splitter ends a sentence is decided by the bytes around it alone (a line
//! break by its line and the next byte; a full stop, `!` or `?` by the word
//! before and the character after), so the piece holding a quantity is
//! found by looking at the line breaks, `.`, `!` and `?` that the finder's
//! one pass over the text listed, back from the quantity to the last
//! sentence end and on to the next one; the rest of the text is not looked
//! at. The tests below check that the two agree at every position of the
//! shared texts, asked in order and out of order.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence (as in
/// `samachar_model::text`).
const ABBREVIATIONS: &[&str] = &[
    "rs", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "inc", "ltd", "pvt",
    "co", "corp", "jr", "sr", "govt", "dept", "approx", "u.s", "u.k", "sq", "ft", "km", "kg",
    "e.g", "i.e", "mt", "lt", "gen", "col", "capt", "sh", "smt", "shri", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// True for an ASCII word in [`ABBREVIATIONS`], in any case.
fn is_ascii_abbreviation(word: &[u8]) -> bool {
    // The longest abbreviation has six letters.
    if word.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 6];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..word.len()],
        b"rs"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"st"
            | b"no"
            | b"nos"
            | b"vs"
            | b"etc"
            | b"inc"
            | b"ltd"
            | b"pvt"
            | b"co"
            | b"corp"
            | b"jr"
            | b"sr"
            | b"govt"
            | b"dept"
            | b"approx"
            | b"u.s"
            | b"u.k"
            | b"sq"
            | b"ft"
            | b"km"
            | b"kg"
            | b"e.g"
            | b"i.e"
            | b"mt"
            | b"lt"
            | b"gen"
            | b"col"
            | b"capt"
            | b"sh"
            | b"smt"
            | b"shri"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// Where the word before `end` starts: after the last white space, `(`,
/// `"` or `“`.
fn word_start(before: &str) -> usize {
    let b = before.as_bytes();
    let mut k = b.len();
    while k > 0 {
        let c = b[k - 1];
        if c >= 0x80 {
            // Non-ASCII: white space and `“` are read as characters.
            return before[..k]
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '“')
                .map_or(0, |(p, c)| p + c.len_utf8());
        }
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b'(' | b'"') {
            return k;
        }
        k -= 1;
    }
    0
}

fn is_non_final_period(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word = &before[word_start(before)..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    if word.is_ascii() {
        is_ascii_abbreviation(word.as_bytes())
    } else {
        let lower = word.to_lowercase();
        ABBREVIATIONS.contains(&lower.as_str())
    }
}

/// The last character before `end` that is not white space, unless a line
/// break comes first: plain spaces are passed over eight at a time.
fn last_on_line(text: &str, end: usize) -> Option<char> {
    let b = text.as_bytes();
    let mut k = end;
    loop {
        while k >= 8 && b.get(k - 8..k).is_some_and(|w| w == b"        ") {
            k -= 8;
        }
        let c = *b.get(k.checked_sub(1)?)?;
        match c {
            b'\n' => return None,
            b' ' | b'\t' | 0x0b | 0x0c | b'\r' => k -= 1,
            0..=0x7f => return Some(c as char),
            _ => {
                let ch = text.get(..k)?.chars().next_back()?;
                if !ch.is_whitespace() {
                    return Some(ch);
                }
                k -= ch.len_utf8();
            }
        }
    }
}

/// Where a sentence piece ends at byte `i` (a line break, `.`, `!` or
/// `?`): the end of the piece and the start of the next one.
fn cut(text: &str, i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    match bytes[i] {
        b'\n' => {
            // The line before the break, trimmed at its end: empty, or
            // its last character.
            let blank_next = bytes.get(i + 1) == Some(&b'\n');
            let last = last_on_line(text, i);
            let ends_open =
                last.is_none_or(|c| !matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')'));
            (blank_next || ends_open).then_some((i, i + 1))
        }
        b @ (b'.' | b'!' | b'?') => {
            let mut j = i + 1;
            while let Some(c) = text[j..].chars().next() {
                if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let at_space = text[j..].chars().next().is_none_or(char::is_whitespace);
            (at_space && !(b == b'.' && is_non_final_period(text, i))).then_some((j, j))
        }
        _ => None,
    }
}

#[cfg(test)]
fn is_cut_byte(b: u8) -> bool {
    matches!(b, b'\n' | b'.' | b'!' | b'?')
}

/// Finds the sentences of quantities in one text, looking only at the
/// places where a sentence may end around each quantity.
pub(crate) struct Sentences<'t> {
    text: &'t str,
    /// Every line break, `.`, `!` and `?` (where a sentence may end), in
    /// order.
    cuts: Vec<usize>,
    /// How many of `cuts` come before the position asked for last.
    next_cut: usize,
    /// The last piece: its untrimmed range and where the next one starts.
    last: (Range<usize>, usize),
}

impl<'t> Sentences<'t> {
    /// Prepares for `text`.
    #[cfg(test)]
    pub(crate) fn new(text: &'t str) -> Sentences<'t> {
        let cuts = text
            .bytes()
            .enumerate()
            .filter(|&(_, c)| is_cut_byte(c))
            .map(|(i, _)| i)
            .collect();
        Sentences::with_cuts(text, cuts)
    }

    /// Prepares for `text`, given every position of a line break, `.`,
    /// `!` and `?` in it, in order.
    pub(crate) fn with_cuts(text: &'t str, cuts: Vec<usize>) -> Sentences<'t> {
        Sentences {
            text,
            cuts,
            next_cut: 0,
            last: (0..0, 0),
        }
    }

    /// The piece between two sentence ends that holds `pos` (untrimmed),
    /// and where the next piece starts.
    ///
    /// Only the places around `pos` are looked at: back from `pos` to the
    /// last sentence end (or the end of the piece asked for before), and on
    /// to the next one. Whether a place ends a sentence depends on the bytes
    /// around it alone, and no place lies inside the closing quotes that a
    /// sentence end passes over, so the pieces are those of a walk through
    /// every place from the top.
    fn piece(&mut self, pos: usize) -> (Range<usize>, usize) {
        let (r, next) = &self.last;
        if r.start <= pos && pos < *next {
            return (r.clone(), *next);
        }
        let t = self.text;
        let cuts = &self.cuts;
        // A sentence end known to come at or before `pos`.
        let floor = if *next <= pos { *next } else { 0 };
        // The first place at or after `pos`.
        let mut idx = self.next_cut.min(cuts.len());
        if idx > 0 && cuts[idx - 1] >= pos {
            idx = cuts.partition_point(|&k| k < pos);
        } else {
            while idx < cuts.len() && cuts[idx] < pos {
                idx += 1;
            }
        }
        self.next_cut = idx;
        let mut start = floor;
        let mut ahead = None;
        let mut j = idx;
        while j > 0 && cuts[j - 1] >= floor {
            j -= 1;
            if let Some((end, nx)) = cut(t, cuts[j]) {
                if nx <= pos {
                    start = nx;
                    break;
                }
                ahead = Some((end, nx));
            }
        }
        let found = ahead.or_else(|| cuts[idx..].iter().find_map(|&k| cut(t, k)));
        let (end, next) = found.unwrap_or((t.len(), t.len()));
        self.last = (start..end, next);
        (start..end, next)
    }

    /// The sentence (trimmed byte range) holding `pos`, as
    /// `sentence_at(&sentences(text), pos)` gives it.
    pub(crate) fn at(&mut self, pos: usize) -> Option<Range<usize>> {
        if pos >= self.text.len() {
            return None;
        }
        let (piece, _) = self.piece(pos);
        let s = &self.text[piece.clone()];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead + trail >= s.len() {
            return None;
        }
        let r = piece.start + lead..piece.end - trail;
        (r.start <= pos && pos < r.end).then_some(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use samachar_model::text::{sentence_at, sentences};

    fn check(text: &str) {
        let all = sentences(text);
        let mut finder = Sentences::new(text);
        for pos in 0..text.len() {
            assert_eq!(
                finder.at(pos),
                sentence_at(&all, pos),
                "at {pos} in {text:?}"
            );
        }
        // Out of order, from a fresh finder each time.
        for pos in (0..text.len()).rev().step_by(7) {
            assert_eq!(Sentences::new(text).at(pos), sentence_at(&all, pos));
        }
        // Far apart, forward and back, from one finder.
        let mut finder = Sentences::new(text);
        let mut pos = 0;
        while pos < text.len() {
            assert_eq!(finder.at(pos), sentence_at(&all, pos), "at {pos}");
            pos += 1 + pos * 7 % 131;
        }
        for pos in (0..text.len()).rev().step_by(13) {
            assert_eq!(finder.at(pos), sentence_at(&all, pos), "back at {pos}");
        }
    }

    #[test]
    fn abbreviations_are_found_in_any_case() {
        for a in ABBREVIATIONS {
            assert!(is_ascii_abbreviation(a.as_bytes()), "{a}");
            assert!(is_ascii_abbreviation(a.to_uppercase().as_bytes()), "{a}");
            let longer = format!("{a}x");
            assert_eq!(
                is_ascii_abbreviation(longer.as_bytes()),
                ABBREVIATIONS.contains(&longer.as_str())
            );
        }
        for w in ["", "r", "s", "approxi", "govts", "x.y", "the"] {
            assert!(!is_ascii_abbreviation(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn word_starts_as_the_char_scan_finds_them() {
        for s in [
            "",
            "abc",
            "a b",
            "x (Rs",
            "say \"No",
            "“U.S",
            "a\u{a0}Rs",
            "a\u{2009}b",
            "é Mr",
            "x\x0bSt",
            "x\x0cSt",
            "l\nSt",
        ] {
            let want = s
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '“')
                .map_or(0, |(p, c)| p + c.len_utf8());
            assert_eq!(word_start(s), want, "{s:?}");
        }
    }

    #[test]
    fn agrees_with_the_whole_text_splitter() {
        let texts = [
            "Mr. Rao said 5 units. Then 6!\n\nNext line\nlist item\nA. B. Singh paid Rs. 5.",
            "He said \"It is done.\" She left.) New? Yes! 3.5 per cent of U.S. firms.",
            "Headline without stop\n  indented line.\nnext.\n\n\n  \nend",
            "  lead space. trail space.   \n",
            "e.g. this, i.e. that. Approx. 50 km. Jan. 5 and Sept. 30 are dates.",
            "…dots... and ?! marks?! 'quoted.' (bracketed.) done",
            // Blanked furniture: long runs of spaces, other white space
            // at line ends.
            "Title                                   \n                    \nBody 5.\u{a0}\u{a0}\nx\u{2009}                 \t\r\n",
            "Sale.                          \n\n                                  \nNext é\u{a0}         \n  end!   \u{202f}\nz",
        ];
        for t in texts {
            check(t);
        }
    }

    #[test]
    fn agrees_on_the_shared_texts() {
        let shared = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        for dir in ["corpus", "seeds"] {
            let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
                continue;
            };
            for e in entries.flatten() {
                if let Ok(s) = std::fs::read_to_string(e.path()) {
                    check(&s.replace("\r\n", "\n"));
                }
            }
        }
    }
}
