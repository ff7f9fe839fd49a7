//! Turning what a user types into a safe FTS5 query, and making snippets.

/// Builds an FTS5 query from user text: each word, or each `"quoted
/// phrase"`, becomes a quoted FTS5 string (inner quotes doubled), so nothing
/// the user types is read as syntax. A word ending in `*` is a prefix.
/// Returns `None` when nothing searchable is left.
pub fn fts_query(user: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut push = |term: &str, prefix: bool| {
        if term.chars().any(char::is_alphanumeric) {
            let mut q = format!("\"{}\"", term.replace('"', "\"\""));
            if prefix {
                q.push('*');
            }
            parts.push(q);
        }
    };
    let mut rest = user;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if c == '"' {
            let inner = &rest[1..];
            let (phrase, after) = match inner.find('"') {
                Some(end) => (&inner[..end], &inner[end + 1..]),
                None => (inner, ""),
            };
            push(phrase, false);
            rest = after;
        } else {
            let end = rest
                .find(|ch: char| ch.is_whitespace() || ch == '"')
                .unwrap_or(rest.len());
            let word = &rest[..end];
            match word.strip_suffix('*') {
                Some(stem) => push(stem.trim_end_matches('*'), true),
                None => push(word, false),
            }
            rest = &rest[end..];
        }
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(" "))
    }
}

/// The first byte where `marked` (= `text` with markers inserted) differs
/// from `text`: where the first hit starts. `0` when they are equal.
pub fn first_difference(text: &str, marked: &str) -> usize {
    let at = text
        .bytes()
        .zip(marked.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(if marked.len() > text.len() {
            text.len()
        } else {
            0
        });
    // Stay on a character boundary of `text`.
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Plain text around byte `offset` of `text`: some words before, more after,
/// white space collapsed, `…` where cut.
pub fn snippet(text: &str, offset: usize) -> String {
    const BEFORE: usize = 60;
    const AFTER: usize = 160;
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let mut start = offset.saturating_sub(BEFORE);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    // Begin at a word start when cutting.
    if start > 0
        && let Some(space) = text[start..offset].find(char::is_whitespace)
    {
        start += space;
    }
    let mut end = (offset + AFTER).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len()
        && let Some(space) = text[offset..end].rfind(char::is_whitespace)
        && space > 0
    {
        end = offset + space;
    }
    let body = text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&body);
    if end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Rs 100", Some("\"Rs\" \"100\"")),
            ("\"", None),
            ("   ", None),
            ("₹", None),
            ("a\"b", Some("\"a\" \"b\"")),
            (
                "\"made in bihar\" shoes",
                Some("\"made in bihar\" \"shoes\""),
            ),
            ("\"unclosed phrase", Some("\"unclosed phrase\"")),
            ("export*", Some("\"export\"*")),
            ("AND OR NOT", Some("\"AND\" \"OR\" \"NOT\"")),
            ("col:umn", Some("\"col:umn\"")),
            ("*", None),
        ];
        for (input, want) in cases {
            assert_eq!(fts_query(input).as_deref(), *want, "{input:?}");
        }
    }

    #[test]
    fn difference_and_snippets() {
        assert_eq!(first_difference("abc def", "abc \u{1}def\u{2}"), 4);
        assert_eq!(first_difference("abc", "abc"), 0);
        let text = format!("{} needle {}", "word ".repeat(40), "tail ".repeat(60));
        let at = text.find("needle").unwrap();
        let s = snippet(&text, at);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("needle"));
        assert!(s.len() < 260, "{}", s.len());
        // Multi-byte text never splits a character.
        let hindi = "भारत में जूते बनते हैं ".repeat(30);
        for off in [0, 5, 17, hindi.len() / 2, hindi.len()] {
            let _ = snippet(&hindi, off.min(hindi.len()));
        }
        assert_eq!(snippet("short text", 0), "short text");
    }
}
