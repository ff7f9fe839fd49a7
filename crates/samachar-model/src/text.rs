//! Small text utilities every stage shares: masking furniture out of the text
//! without moving offsets, splitting sentences, and formatting numbers.

use std::ops::Range;

/// Returns a copy of `text` in which every byte inside one of `spans` is
/// replaced by a space (multi-byte characters become as many spaces as they
/// had bytes), so that offsets into the result are offsets into `text`.
///
/// Extractors run on the masked text: nothing inside furniture can become an
/// entity, a quantity or a fact. Line breaks inside a span are kept, so that
/// paragraph structure survives.
pub fn mask(text: &str, spans: impl IntoIterator<Item = Range<usize>>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for span in spans {
        let end = span.end.min(bytes.len());
        if let Some(part) = bytes.get_mut(span.start..end) {
            for b in part.iter_mut().filter(|b| **b != b'\n') {
                *b = b' ';
            }
        }
    }
    // Every replaced byte is ASCII and whole characters were replaced only
    // when spans sit on character boundaries; fall back to a lossy decode
    // otherwise so that a bad span can never panic.
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "rs", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "inc", "ltd", "pvt",
    "co", "corp", "jr", "sr", "govt", "dept", "approx", "u.s", "u.k", "sq", "ft", "km", "kg",
    "e.g", "i.e", "mt", "lt", "gen", "col", "capt", "sh", "smt", "shri", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Bytes the sentence scanner stops at: `\n`, `.`, `!`, `?`.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t
};

/// Splits `text` into sentence ranges (byte offsets), trimmed of surrounding
/// white space. A sentence ends at `.`, `!` or `?` (after any closing quotes
/// or brackets) followed by white space, except after a known abbreviation,
/// a single capital initial or a decimal point; a blank line or a line that
/// ends without punctuation (a headline, a list item) also ends one.
///
/// One pass over the bytes; the work is linear in the text.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 96 + 1);
    let push = |out: &mut Vec<Range<usize>>, s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(s + lead..e - trail);
        }
    };
    // Start of the current sentence and of the current line.
    let mut start = 0usize;
    let mut line_start = 0usize;
    let mut i = 0usize;
    loop {
        i = next_special(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        if b == b'\n' {
            // A line break ends a sentence when the line is a heading or a
            // list item (no sentence punctuation before the break), or when
            // a blank line follows.
            let blank_next = bytes.get(i + 1) == Some(&b'\n');
            let line = text[line_start..i].trim_end();
            let ends_open = !line.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')']);
            if blank_next || ends_open {
                push(&mut out, start, i);
                start = i + 1;
            }
            i += 1;
            line_start = i;
            continue;
        }
        // Extend over closing quotes and brackets.
        let mut j = i + 1;
        while let Some(c) = text[j..].chars().next() {
            if !matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
                break;
            }
            j += c.len_utf8();
        }
        let at_space = text[j..].chars().next().is_none_or(char::is_whitespace);
        if at_space && !(b == b'.' && is_non_final_period(text, i)) {
            push(&mut out, start, j);
            start = j;
        }
        i = j;
    }
    if start < text.len() {
        push(&mut out, start, text.len());
    }
    out
}

/// The first byte at or after `i` that [`SPECIAL`] marks, or the length:
/// eight bytes at a time while none of them is one, then byte by byte.
fn next_special(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // True when a byte of `v` is zero.
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    while let Some(chunk) = bytes.get(i..i + 8)
        && let Ok(eight) = <[u8; 8]>::try_from(chunk)
    {
        let x = u64::from_le_bytes(eight);
        if has_zero(x ^ (ONES * u64::from(b'\n')))
            || has_zero(x ^ (ONES * u64::from(b'.')))
            || has_zero(x ^ (ONES * u64::from(b'!')))
            || has_zero(x ^ (ONES * u64::from(b'?')))
        {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !SPECIAL[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// Abbreviations have at most six letters, and no character takes more
/// than three bytes to spell an ASCII lower-case letter.
const LONGEST_ABBREVIATION: usize = 6;

/// True when the full stop at byte `dot` does not end a sentence: it
/// follows an initial or a known abbreviation (the word since the last
/// white space, `(` or double quote).
fn is_non_final_period(text: &str, dot: usize) -> bool {
    // Only a word of up to this many bytes can be an initial or an
    // abbreviation: look no further back.
    const REACH: usize = 3 * LONGEST_ABBREVIATION;
    let mut lo = dot.saturating_sub(REACH + 1);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let window = &text[lo..dot];
    let word = match window
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '“')
    {
        Some((p, c)) => &window[p + c.len_utf8()..],
        None if lo == 0 => window,
        // A longer word.
        None => return false,
    };
    if word.is_empty() {
        return false;
    }
    // A single capital letter: an initial ("M. K. Stalin").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    if word.len() > REACH {
        return false;
    }
    if word.is_ascii() {
        let n = word.len();
        if n > LONGEST_ABBREVIATION {
            return false;
        }
        let mut lower = [0u8; LONGEST_ABBREVIATION];
        for (l, b) in lower.iter_mut().zip(word.bytes()) {
            *l = b.to_ascii_lowercase();
        }
        let lower = &lower[..n];
        ABBREVIATIONS
            .iter()
            .any(|a| a.len() == n && a.as_bytes() == lower)
    } else {
        let lower = word.to_lowercase();
        ABBREVIATIONS.contains(&lower.as_str())
    }
}

/// Returns the range of the sentence in `sentences` containing byte offset
/// `pos`, if any.
pub fn sentence_at(sentences: &[Range<usize>], pos: usize) -> Option<Range<usize>> {
    let idx = sentences.partition_point(|r| r.end <= pos);
    sentences.get(idx).filter(|r| r.start <= pos).cloned()
}

/// Formats a number for people: integers with western thousands separators
/// (`640,000`), others with up to four decimals and trailing zeros removed.
pub fn format_number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    let neg = n < 0.0;
    let abs = n.abs();
    let rounded = (abs * 10_000.0).round() / 10_000.0;
    let int = rounded.trunc();
    let frac = rounded - int;
    let digits = format!("{int:.0}");
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if frac > 0.0 {
        let f = format!("{frac:.4}");
        let f = f.trim_start_matches('0').trim_end_matches('0');
        grouped.push_str(f);
    }
    if neg { format!("-{grouped}") } else { grouped }
}

/// Formats a number with Indian digit grouping (`6,40,000`, `1,00,00,000`).
pub fn format_indian(n: f64) -> String {
    let western = format_number(n);
    let (sign, rest) = western
        .strip_prefix('-')
        .map_or(("", western.as_str()), |r| ("-", r));
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let digits: String = int.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::new();
    if digits.len() <= 3 {
        out.push_str(&digits);
    } else {
        let (head, last3) = digits.split_at(digits.len() - 3);
        let head_chars: Vec<char> = head.chars().collect();
        for (i, ch) in head_chars.iter().enumerate() {
            if i > 0 && (head_chars.len() - i).is_multiple_of(2) {
                out.push(',');
            }
            out.push(*ch);
        }
        out.push(',');
        out.push_str(last3);
    }
    if frac.is_empty() {
        format!("{sign}{out}")
    } else {
        format!("{sign}{out}.{frac}")
    }
}

/// A slug for ids: lower-case letters and digits joined by hyphens
/// ("Competence Exports Pvt. Ltd." -> "competence-exports-pvt-ltd"). The
/// extractors and the store build entity ids with it, so they agree.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    if s.is_ascii() {
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                dash = true;
            }
        }
        return out;
    }
    for c in s.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn mask_keeps_offsets_and_newlines() {
        let text = "Keep ‘this’.\nDrop ₹ that.\nKeep";
        let start = text.find("Drop").unwrap_or(0);
        let end = text.find("that.").unwrap_or(0) + 5;
        let masked = mask(text, std::iter::once(start..end + 1));
        assert_eq!(masked.len(), text.len());
        assert!(masked.starts_with("Keep ‘this’.\n"));
        assert!(!masked.contains("Drop"));
        assert!(masked.ends_with("Keep"));
    }

    #[test]
    fn sentences_respect_abbreviations_decimals_and_quotes() {
        let got = split("Exports were Rs. 1.5 crore. “We grow,” he said. Next one!");
        assert_eq!(
            got,
            vec![
                "Exports were Rs. 1.5 crore.",
                "“We grow,” he said.",
                "Next one!"
            ]
        );
    }

    #[test]
    fn headlines_and_blank_lines_end_sentences() {
        let got = split("A headline without stop\n\nBody starts here. And ends.\nNext line");
        assert_eq!(
            got,
            vec![
                "A headline without stop",
                "Body starts here.",
                "And ends.",
                "Next line"
            ]
        );
    }

    #[test]
    fn abbreviations_fit_the_fast_check() {
        assert!(
            ABBREVIATIONS
                .iter()
                .all(|a| a.len() <= LONGEST_ABBREVIATION && a.is_ascii())
        );
        // A quote or a non-breaking space before an abbreviation.
        let got = split("“Mr. Rao left.” He\u{a0}Dr. Sen came. (Rs. 5 crore.)");
        assert_eq!(
            got,
            vec!["“Mr. Rao left.”", "He\u{a0}Dr. Sen came.", "(Rs. 5 crore.)"]
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Competence Exports Pvt. Ltd."),
            "competence-exports-pvt-ltd"
        );
        assert_eq!(slug("  Ōdisha — Govt  "), "ōdisha-govt");
        assert_eq!(slug("--"), "");
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(640000.0), "640,000");
        assert_eq!(format_number(-40.0), "-40");
        assert_eq!(format_number(1.25), "1.25");
        assert_eq!(format_indian(640000.0), "6,40,000");
        assert_eq!(format_indian(10000000.0), "1,00,00,000");
        assert_eq!(format_indian(999.0), "999");
    }
}
