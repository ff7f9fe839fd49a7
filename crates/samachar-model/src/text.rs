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

/// True for the ASCII bytes that [`char::is_whitespace`] accepts.
#[inline(always)]
fn ascii_space(b: u8) -> bool {
    b == b' ' || (0x09..=0x0d).contains(&b)
}

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
            if bytes.get(i + 1) == Some(&b'\n') || line_ends_open(text, line_start, i) {
                push_trimmed(&mut out, text, start, i);
                start = i + 1;
            }
            i += 1;
            line_start = i;
            continue;
        }
        // Extend over closing quotes and brackets.
        let mut j = i + 1;
        loop {
            match bytes.get(j) {
                Some(b'"' | b'\'' | b')' | b']') => j += 1,
                Some(&c) if c >= 0x80 => match text.get(j..).and_then(|r| r.chars().next()) {
                    Some(c @ ('”' | '’' | '»')) => j += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        let at_space = match bytes.get(j) {
            None => true,
            Some(&c) if c < 0x80 => ascii_space(c),
            Some(_) => text
                .get(j..)
                .and_then(|r| r.chars().next())
                .is_none_or(char::is_whitespace),
        };
        if at_space && !(b == b'.' && is_non_final_period(text, i)) {
            push_trimmed(&mut out, text, start, j);
            start = j;
        }
        i = j;
    }
    if start < text.len() {
        push_trimmed(&mut out, text, start, text.len());
    }
    out
}

/// Adds `text[s..e]` trimmed of white space to `out`, unless nothing is
/// left. ASCII white space is stepped over byte by byte; other characters
/// are left to [`str::trim_start`] and [`str::trim_end`].
#[inline(always)]
fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, s: usize, e: usize) {
    let bytes = text.as_bytes();
    let mut a = s;
    while a < e && bytes.get(a).is_some_and(|&c| ascii_space(c)) {
        a += 1;
    }
    if bytes.get(a).is_some_and(|&c| c >= 0x80) && a < e {
        a = e - text.get(a..e).map_or(0, |r| r.trim_start().len());
    }
    if a >= e {
        return;
    }
    let mut b = e;
    while b > a && bytes.get(b - 1).is_some_and(|&c| ascii_space(c)) {
        b -= 1;
    }
    if bytes.get(b - 1).is_some_and(|&c| c >= 0x80) {
        b = a + text.get(a..b).map_or(0, |r| r.trim_end().len());
    }
    if a < b {
        out.push(a..b);
    }
}

/// True when the line `text[line_start..end]` (`end` at its line break)
/// does not end, before trailing white space, with sentence punctuation,
/// a closing quote or a bracket.
#[inline(always)]
fn line_ends_open(text: &str, line_start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let mut k = end;
    while k > line_start && bytes.get(k - 1).is_some_and(|&c| ascii_space(c)) {
        k -= 1;
    }
    match bytes.get(k.wrapping_sub(1)) {
        _ if k == line_start => true,
        Some(&c) if c < 0x80 => !matches!(c, b'.' | b'!' | b'?' | b'"' | b'\'' | b')'),
        _ => !text
            .get(line_start..k)
            .unwrap_or("")
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')']),
    }
}

/// A bit per byte value (all below 64) of the bytes the sentence scanner
/// stops at: `\n`, `.`, `!`, `?`.
const SPECIAL_BITS: u64 = (1 << b'\n') | (1 << b'.') | (1 << b'!') | (1 << b'?');

/// True when a byte of `chunk` is one the scanner stops at (written so that
/// the compiler compares the bytes in vector registers).
#[inline(always)]
fn any_special(chunk: &[u8; 32]) -> bool {
    let mut m = 0u8;
    for &b in chunk {
        m |= u8::from((b == b'\n') | (b == b'.') | (b == b'!') | (b == b'?'));
    }
    m != 0
}

/// The high bit of each byte of `x` that is a byte the scanner stops at,
/// exact for the lowest such byte (higher ones may be false alarms).
#[inline(always)]
fn special_bits(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let z = |v: u64| v.wrapping_sub(ONES) & !v;
    (z(x ^ (ONES * u64::from(b'\n')))
        | z(x ^ (ONES * u64::from(b'.')))
        | z(x ^ (ONES * u64::from(b'!')))
        | z(x ^ (ONES * u64::from(b'?'))))
        & HIGHS
}

/// The first byte at or after `i` that the scanner stops at (`\n`, `.`,
/// `!`, `?`), or the length: 32 bytes at a time while none of them is one,
/// then eight at a time, then byte by byte.
#[inline(always)]
fn next_special(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(|r| r.first_chunk::<32>()) {
        if any_special(chunk) {
            for eight in chunk.as_chunks::<8>().0 {
                let m = special_bits(u64::from_le_bytes(*eight));
                if m != 0 {
                    return i + (m.trailing_zeros() / 8) as usize;
                }
                i += 8;
            }
            // Not reached: one of the four words holds the byte.
            return i;
        }
        i += 32;
    }
    while let Some(eight) = bytes.get(i..).and_then(|r| r.first_chunk::<8>()) {
        let m = special_bits(u64::from_le_bytes(*eight));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b < 64 && SPECIAL_BITS >> b & 1 != 0 {
            break;
        }
        i += 1;
    }
    i
}

/// Abbreviations have at most six letters, and no character takes more
/// than three bytes to spell an ASCII lower-case letter.
const LONGEST_ABBREVIATION: usize = 6;

/// An ASCII word of at most [`LONGEST_ABBREVIATION`] bytes as one number:
/// its bytes in lower case, little-endian, and its length in the top byte.
const fn abbreviation_key(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64) << 56;
    let mut k = 0;
    while k < word.len() && k < LONGEST_ABBREVIATION {
        key |= (word[k].to_ascii_lowercase() as u64) << (8 * k);
        k += 1;
    }
    key
}

/// [`abbreviation_key`] of every abbreviation, sorted.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = abbreviation_key(ABBREVIATIONS[k].as_bytes());
        k += 1;
    }
    // Insertion sort (a constant: no library sort here).
    let mut a = 1;
    while a < keys.len() {
        let mut b = a;
        while b > 0 && keys[b - 1] > keys[b] {
            let t = keys[b];
            keys[b] = keys[b - 1];
            keys[b - 1] = t;
            b -= 1;
        }
        a += 1;
    }
    keys
};

/// True when the full stop at byte `dot` does not end a sentence: it
/// follows an initial or a known abbreviation (the word since the last
/// white space, `(` or double quote).
///
/// The word is read back byte by byte while it is ASCII: an ASCII word of
/// more than [`LONGEST_ABBREVIATION`] bytes is neither (nor is any longer
/// word ending in one); a word with other characters near its end goes to
/// [`is_non_final_period_wide`].
#[inline(always)]
fn is_non_final_period(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let mut k = dot;
    while k > 0 {
        let Some(&c) = bytes.get(k - 1) else { break };
        if c >= 0x80 {
            return is_non_final_period_wide(text, dot);
        }
        if c == b'(' || c == b'"' || ascii_space(c) {
            break;
        }
        k -= 1;
        if dot - k > LONGEST_ABBREVIATION {
            return false;
        }
    }
    let word = bytes.get(k..dot).unwrap_or_default();
    match word {
        [] => false,
        // A single capital letter: an initial ("M. K. Stalin").
        [c] if c.is_ascii_uppercase() => true,
        _ => ABBREVIATION_KEYS
            .binary_search(&abbreviation_key(word))
            .is_ok(),
    }
}

/// [`is_non_final_period`] for a word with characters other than ASCII.
#[cold]
#[inline(never)]
fn is_non_final_period_wide(text: &str, dot: usize) -> bool {
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
/// The committed implementation before the faster scan, kept to check it.
mod reference {
    use super::ABBREVIATIONS;
    use std::ops::Range;

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
    pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
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
    pub(super) fn is_non_final_period(text: &str, dot: usize) -> bool {
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

    /// Texts for the comparison with [`reference`]: the files of the
    /// equivalence set and the shared test material, when present.
    fn material() -> Vec<String> {
        let mut out = Vec::new();
        let mut dirs = vec![
            std::path::PathBuf::from("/work/equiv/set"),
            std::path::PathBuf::from("/work/shared"),
        ];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths {
                if p.is_dir() {
                    dirs.push(p);
                } else if let Ok(raw) = std::fs::read(&p) {
                    let text = String::from_utf8_lossy(&raw).into_owned();
                    out.push(text.replace("\r\n", "\n"));
                    out.push(text);
                }
            }
        }
        out
    }

    /// Pieces that exercise every rule of the splitter.
    const PIECES: &[&str] = &[
        "word",
        "Word",
        "crore",
        "said",
        "Exports",
        "Rs",
        "rs",
        "RS",
        "Mr",
        "MRS",
        "Dr",
        "prof",
        "e.g",
        "E.G",
        "i.e",
        "U.S",
        "u.k",
        "No",
        "nos",
        "Govt",
        "sept",
        "Sept",
        "Dec",
        "etc",
        "approx",
        "approxi",
        "Pvt",
        "Ltd",
        "M",
        "K",
        "a",
        "x",
        "1",
        "1.5",
        "3.14",
        "6,40,000",
        "2024",
        "...",
        "…",
        ".",
        ". ",
        "!",
        "?",
        "?!",
        "!!",
        ".\"",
        ".”",
        ".’",
        ".'",
        ".)",
        ".]",
        ".»",
        ".”)",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "(",
        ")",
        "[",
        "]",
        "»",
        "«",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        " \n",
        ".\n",
        "\n \n",
        "\r\n",
        "\r",
        "\u{a0}",
        "\u{2003}",
        "\u{3000}",
        "\u{85}",
        "\u{b}",
        "\u{c}",
        "\u{1c}",
        "café",
        "Ünïcode",
        "\u{212A}g",
        "\u{212A}G",
        "İ",
        "Σ",
        "É",
        "é",
        "ſt",
        "हिंदी",
        "二〇二四",
        "—",
        "-",
        ",",
        ";",
        ":",
        "(Dr",
        "\"Mr",
        "“Mr",
        "(Rs",
        "abcdefghijklmnopqrstuvwxyz",
        "Abcdefg",
        "x.y",
        "a.b.c",
    ];

    /// Deterministic pseudo-random numbers (a linear congruential
    /// generator), so that a failure can be replayed.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % n
        }
    }

    fn generated(count: usize) -> Vec<String> {
        let mut rng = Lcg(0x5eed);
        (0..count)
            .map(|_| {
                let n = 1 + rng.below(40);
                let mut t = String::new();
                for _ in 0..n {
                    t.push_str(PIECES[rng.below(PIECES.len())]);
                    if rng.below(3) == 0 {
                        t.push(' ');
                    }
                }
                t
            })
            .collect()
    }

    fn assert_same(text: &str) {
        assert_eq!(sentences(text), reference::sentences(text), "{text:?}");
    }

    #[test]
    fn sentences_match_the_reference_on_material() {
        let texts = material();
        for text in &texts {
            assert_same(text);
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&k| text.is_char_boundary(k))
                .collect();
            let step = (cuts.len() / 300).max(1);
            for (n, &k) in cuts.iter().enumerate() {
                let near = text.as_bytes()[k.saturating_sub(3)..(k + 3).min(text.len())]
                    .iter()
                    .any(|b| matches!(b, b'\n' | b'.' | b'!' | b'?'));
                if n % step == 0 || (near && n % 4 == 0) {
                    assert_same(&text[..k]);
                    assert_same(&text[k..]);
                }
            }
        }
    }

    #[test]
    fn sentences_match_the_reference_on_generated_text() {
        for text in generated(4000) {
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&k| text.is_char_boundary(k))
                .collect();
            for &k in &cuts {
                assert_same(&text[..k]);
                assert_same(&text[k..]);
            }
            // Every full stop, looked at alone.
            for (k, _) in text.match_indices('.') {
                assert_eq!(
                    is_non_final_period(&text, k),
                    reference::is_non_final_period(&text, k),
                    "{text:?} at {k}"
                );
            }
        }
    }

    #[test]
    fn abbreviation_keys_are_distinct() {
        let mut keys = ABBREVIATION_KEYS.to_vec();
        keys.dedup();
        assert_eq!(keys.len(), ABBREVIATIONS.len());
        assert!(ABBREVIATION_KEYS.is_sorted());
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
