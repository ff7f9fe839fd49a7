//! The sentence around a quantity, found by a local scan.
//!
//! [`samachar_model::text::sentences`] splits a whole text; the extractor
//! needs the sentence of each quantity only, so it looks around each one.
//! Every place where that splitter ends a sentence is decided by the bytes
//! around it alone (a line break by its line and the next byte; a full
//! stop, `!` or `?` by the word before and the character after), so the
//! sentence holding a position is found by scanning back to the nearest
//! such place and forward to the next. The test below checks that the two
//! agree at every position of the shared texts.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence (as in
/// `samachar_model::text`).
const ABBREVIATIONS: &[&str] = &[
    "rs", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "inc", "ltd", "pvt",
    "co", "corp", "jr", "sr", "govt", "dept", "approx", "u.s", "u.k", "sq", "ft", "km", "kg",
    "e.g", "i.e", "mt", "lt", "gen", "col", "capt", "sh", "smt", "shri", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

fn is_non_final_period(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
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
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        ABBREVIATIONS.contains(&lower.as_str())
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
            let last = text[..i]
                .chars()
                .rev()
                .find(|&c| c == '\n' || !c.is_whitespace())
                .filter(|&c| c != '\n');
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

fn is_cut_byte(b: u8) -> bool {
    matches!(b, b'\n' | b'.' | b'!' | b'?')
}

/// Finds the sentences of quantities in one text, remembering the last
/// piece so that quantities in the same sentence cost nothing more.
pub(crate) struct Sentences<'t> {
    text: &'t str,
    /// The last piece: its untrimmed range and where the next one starts.
    last: Option<(Range<usize>, usize)>,
}

impl<'t> Sentences<'t> {
    /// Prepares for `text`.
    pub(crate) fn new(text: &'t str) -> Sentences<'t> {
        Sentences { text, last: None }
    }

    /// The piece between two sentence ends that holds `pos` (untrimmed),
    /// and where the next piece starts.
    fn piece(&mut self, pos: usize) -> (Range<usize>, usize) {
        if let Some((r, next)) = &self.last
            && r.start <= pos
            && pos < *next
        {
            return (r.clone(), *next);
        }
        let t = self.text;
        let b = t.as_bytes();
        // Nothing before the start of the piece after the last one can
        // matter.
        let floor = match &self.last {
            Some((_, next)) if *next <= pos => *next,
            _ => 0,
        };
        let mut start = floor;
        let mut end = None;
        let mut i = pos.min(b.len());
        while i > floor {
            i -= 1;
            if !is_cut_byte(b[i]) {
                continue;
            }
            if let Some((e, ns)) = cut(t, i) {
                if ns <= pos {
                    start = ns;
                    break;
                }
                end.get_or_insert((e, ns));
            }
        }
        let (end, next) = end.unwrap_or_else(|| {
            (pos..b.len())
                .filter(|&k| is_cut_byte(b[k]))
                .find_map(|k| cut(t, k))
                .unwrap_or((b.len(), b.len()))
        });
        self.last = Some((start..end, next));
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
