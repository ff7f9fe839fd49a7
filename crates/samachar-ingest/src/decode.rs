//! Turning bytes into text: byte-order marks, UTF-8, UTF-16 with or without
//! a BOM, legacy encodings guessed by `chardetng`, binary detection and line
//! ending normalisation.

use crate::IngestError;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and the name of the encoding it was read with.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text, line endings normalised to `\n`.
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `windows-1252`, ...
    pub encoding: String,
}

/// How many leading bytes the binary and UTF-16 checks look at.
const SAMPLE: usize = 64 * 1024;

/// Decodes `bytes` as text. A BOM wins; then `declared` (an HTML page's meta
/// charset) unless the bytes are valid UTF-8 with non-ASCII characters;
/// then BOM-less UTF-16 (by its NUL pattern), UTF-8, and finally the legacy
/// encoding `chardetng` guesses. Binary bytes are refused.
pub(crate) fn decode_text(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let (encoding, body) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        (enc, &bytes[bom_len..])
    } else if let Some(enc) = sniff_utf16(bytes) {
        (enc, bytes)
    } else {
        if bytes[..bytes.len().min(SAMPLE)].contains(&0) {
            return Err(IngestError::Binary);
        }
        (guess_encoding(bytes, declared), bytes)
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if looks_binary(text) {
        return Err(IngestError::Binary);
    }
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name().to_string(),
    })
}

/// The encoding of BOM-less bytes that are not UTF-16.
fn guess_encoding(bytes: &[u8], declared: Option<&'static Encoding>) -> &'static Encoding {
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    if let Some(enc) = declared {
        // A page re-saved as UTF-8 often keeps its old declaration; valid
        // multi-byte UTF-8 is very unlikely to be legacy text.
        let non_ascii = !bytes.is_ascii();
        if !(valid_utf8 && non_ascii) {
            return enc;
        }
        return UTF_8;
    }
    if valid_utf8 || mostly_utf8(bytes) {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

/// True when invalid UTF-8 is nevertheless mostly UTF-8: a few damaged bytes
/// among many well-formed multi-byte characters. Decoding it as UTF-8
/// (with replacement characters) loses less than a legacy guess would.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut good = 0usize;
    let mut bad = 0usize;
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    good >= 2 * bad.max(1)
}

/// Detects BOM-less UTF-16 by its NUL bytes: mostly-ASCII UTF-16 text has a
/// zero in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SAMPLE) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let mut even = 0usize;
    let mut odd = 0usize;
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // At least 40% of characters are ASCII in the expected half, and the
    // other half almost never holds a zero.
    let many = |n: usize| n * 10 >= pairs * 4;
    let few = |n: usize| n * 20 <= pairs;
    if many(odd) && few(even) {
        Some(UTF_16LE)
    } else if many(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when more than 5% of the characters are control characters other
/// than tab, line feed, carriage return and form feed, or replacement
/// characters from undecodable bytes.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
        if control || c == '\u{fffd}' {
            bad += 1;
        }
    }
    bad > 0 && bad * 20 > total
}

/// Turns CRLF and lone CR line endings into LF.
pub(crate) fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian {
                &[0xFE, 0xFF]
            } else {
                &[0xFF, 0xFE]
            });
        }
        for unit in text.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn encodings_are_detected() {
        let text = "Rs 15 crore “quoted” – café\r\nnext line";
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (text.as_bytes().to_vec(), "UTF-8"),
            (
                [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
                "UTF-8",
            ),
            (utf16(text, false, true), "UTF-16LE"),
            (utf16(text, true, true), "UTF-16BE"),
            (utf16(text, false, false), "UTF-16LE"),
            (utf16(text, true, false), "UTF-16BE"),
        ];
        for (bytes, enc) in cases {
            let d = decode_text(&bytes, None);
            let d = d
                .as_ref()
                .map(|d| (d.text.as_str(), d.encoding.as_str()))
                .ok();
            assert_eq!(d, Some(("Rs 15 crore “quoted” – café\nnext line", enc)));
        }
    }

    #[test]
    fn windows_1252_curly_quotes() {
        let bytes =
            b"The company said \x93we will grow\x94 and it\x92s \x96 true. Caf\xe9 owners agree.";
        let d = decode_text(bytes, None);
        let d = d
            .as_ref()
            .map(|d| (d.text.as_str(), d.encoding.as_str()))
            .ok();
        assert_eq!(
            d,
            Some((
                "The company said “we will grow” and it’s – true. Café owners agree.",
                "windows-1252"
            ))
        );
    }

    #[test]
    fn line_endings() {
        let cases = [
            ("a\r\nb", "a\nb"),
            ("a\rb\r", "a\nb\n"),
            ("a\r\r\nb", "a\n\nb"),
            ("plain\n", "plain\n"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_newlines(input), want);
        }
    }

    #[test]
    fn binary_is_refused() {
        let cases: Vec<Vec<u8>> = vec![
            vec![
                0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
            ],
            (1u8..=30).cycle().take(400).collect(),
        ];
        for bytes in cases {
            assert!(matches!(
                decode_text(&bytes, None),
                Err(IngestError::Binary)
            ));
        }
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = "₹447 crore — “approved” in Bihar’s cabinet"
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        let d = decode_text(&bytes, None);
        let d = d
            .as_ref()
            .map(|d| (d.text.as_str(), d.encoding.as_str()))
            .ok();
        assert_eq!(
            d,
            Some((
                "₹447 crore — “approved” in Bihar’s cabinet\u{fffd}",
                "UTF-8"
            ))
        );
    }

    #[test]
    fn declared_charset_is_used_unless_bytes_are_utf8() {
        let legacy = decode_text(b"caf\xe9 menu", Some(encoding_rs::WINDOWS_1252));
        assert_eq!(legacy.map(|d| d.text).ok().as_deref(), Some("café menu"));
        let utf8 = decode_text("café menu".as_bytes(), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(utf8.map(|d| d.text).ok().as_deref(), Some("café menu"));
    }
}
