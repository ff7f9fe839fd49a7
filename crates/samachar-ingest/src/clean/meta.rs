//! Metadata from the text: headline, source, publication date, dateline.

use super::date::MONTH;
use super::lines::{Hints, Line};
use super::{Marks, swar};
use regex::Regex;
use samachar_model::{Document, Format, Metadata};
use std::ops::Range;
use std::sync::LazyLock;

/// A dateline at the start of the article's first paragraph.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Dateline {
    /// The place ("Hajipur", "New Delhi").
    pub place: String,
    /// A news agency named beside it ("PTI").
    pub agency: Option<String>,
    /// A second copy of the dateline ("Hajipur (Bihar) Hajipur (Bihar):"),
    /// as a byte range into the text.
    pub duplicate: Option<Range<usize>>,
    /// The index of the line it opens.
    pub line: usize,
}

/// One to four capitalised words: a place name.
const PLACE: &str = r"\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}";

fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

/// "Hajipur (Bihar):", "NEW DELHI:", "Patna (PTI):".
static COLON_DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<place>{PLACE})(?:\s*\((?P<paren>[^()]{{2,30}})\))?"
    ))
});
/// "New Delhi, July 18", "Bhubaneswar, Jan 7 (PTI)".
static DATED_DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<place>{PLACE}),\s+(?i:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+\d{{4}})?\b\s*(?:\((?P<agency>\p{{Lu}}[\p{{L}}]{{1,11}})\))?"
    ))
});
/// "Firozabad, India - Firozabad, a small town ...".
static DASH_DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<place>{PLACE})(?:,\s*{PLACE})?(?:\s*\((?P<agency>\p{{Lu}}{{2,6}})\))?\s+[-–—]\s+\S"
    ))
});
/// "Patna. Some new investments ...": a one- or two-word place closed by a
/// full stop, as some regional papers print datelines.
static PERIOD_DATELINE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^(?P<place>\p{Lu}\p{Ll}{3,}(?:\s+\p{Lu}\p{Ll}+)?)\.\s+\p{Lu}"));
/// A sentence boundary inside a line: ". " before a capital.
static SENTENCE_BREAK: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r#"(?P<word>\S+)[.!?]["”’]?\s+["“‘]?\p{Lu}"#));

/// Words that open labelled lines, not places ("Note:", "Update:").
const LABELS: &[&str] = &[
    "note",
    "update",
    "updated",
    "watch",
    "read",
    "also",
    "editor",
    "disclaimer",
    "source",
    "photo",
    "image",
    "video",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "summary",
    "highlights",
    "tags",
    "q",
    "a",
    "answer",
    "question",
    "conclusion",
    "introduction",
    "background",
    "example",
    "warning",
    "result",
    "results",
    "key",
    "the",
    "this",
    "it",
    "but",
    "and",
    "however",
    "meanwhile",
    "here",
    "there",
    "now",
    "today",
    "yesterday",
    "why",
    "what",
    "how",
    "when",
    "where",
    "who",
    "shri",
    "smt",
    "sri",
    "prof",
    "dr",
    "mr",
    "mrs",
    "ms",
    "gen",
    "col",
    "capt",
    "hon",
    "thus",
    "then",
    "also",
    "yes",
    "no",
    "well",
    "so",
    "still",
    "again",
    "later",
    "earlier",
    "finally",
    "first",
    "second",
    "third",
    "next",
    "last",
    "once",
];

/// True when a candidate place is really a label or a sentence opener.
fn is_label(place: &str) -> bool {
    place
        .split_whitespace()
        .next()
        .is_some_and(|w| LABELS.contains(&w.to_lowercase().as_str()))
}

/// "NEW DELHI" -> "New Delhi"; other spellings are kept.
fn tidy_place(place: &str) -> String {
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        place
            .split_whitespace()
            .map(|w| {
                let mut cs = w.chars();
                cs.next().map_or(String::new(), |f| {
                    f.to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        place.to_string()
    }
}

/// A news agency's short name: two to six capitals ("PTI", "IANS").
fn is_agency(s: &str) -> bool {
    (2..=6).contains(&s.chars().count()) && s.chars().all(|c| c.is_uppercase())
}

/// Reads a dateline at the start of `t`; offsets in the result are into
/// `t`.
pub(crate) fn parse_dateline(
    t: &str,
    first_line: bool,
) -> Option<(String, Option<String>, Option<Range<usize>>)> {
    // Every form opens with a capital letter and holds its punctuation:
    // the patterns run only on lines that may match.
    if !t.starts_with(char::is_uppercase) {
        return None;
    }
    // Each pattern's match is found by a search without groups, and the
    // groups are read off the match (see the `*_groups` functions).
    if may_be_dated(t)
        && let Some(m) = DATED_DATELINE.as_ref().and_then(|r| r.find(t))
    {
        let (place, agency) = dated_groups(m.as_str())?;
        if !is_label(place) {
            let agency = agency.map(str::to_string);
            return Some((tidy_place(place), agency, None));
        }
    }
    if may_be_colon(t)
        && let Some(whole) = COLON_DATELINE.as_ref().and_then(|r| r.find(t))
    {
        let (place, paren) = colon_groups(whole.as_str());
        let mut pos = whole.end();
        let rest = &t[pos..];
        let gap = rest.len() - rest.trim_start().len();
        let mut duplicate = None;
        if rest.trim_start().starts_with(whole.as_str()) {
            duplicate = Some(pos + gap..pos + gap + whole.len());
            pos += gap + whole.len();
        }
        let after = t[pos..].trim_start();
        if let Some(body) = after.strip_prefix(':')
            && body.split_whitespace().nth(3).is_some()
            && !is_label(place)
            && place.split_whitespace().count() <= 4
        {
            let agency = paren.filter(|p| is_agency(p)).map(str::to_string);
            return Some((tidy_place(place), agency, duplicate));
        }
    }
    if may_be_dash(t)
        && let Some(m) = DASH_DATELINE.as_ref().and_then(|r| r.find(t))
    {
        let (place, agency) = dash_groups(m.as_str())?;
        if !is_label(place) {
            let agency = agency.map(str::to_string);
            return Some((tidy_place(place), agency, None));
        }
    }
    // Only where a paragraph of running text opens the article.
    if first_line
        && t.split_whitespace().take(2).any(|w| w.ends_with('.'))
        && t.split_whitespace().nth(7).is_some()
        && let Some(m) = PERIOD_DATELINE.as_ref().and_then(|r| r.find(t))
        && let Some((place, _)) = m.as_str().split_once('.')
        && !is_label(place)
    {
        return Some((place.to_string(), None, None));
    }
    None
}

/// The text inside the brackets that close `m` ("Patna (PTI)" -> "PTI"),
/// when `m` ends with a bracketed group that holds no bracket.
fn closing_group(m: &str) -> Option<(usize, &str)> {
    let inner = m.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some((open, &inner[open + 1..]))
}

/// The place and the bracketed group of a [`COLON_DATELINE`] match: a
/// place holds no bracket, so a match that ends with one has the group,
/// and the place ends at the white space before its opening bracket.
fn colon_groups(m: &str) -> (&str, Option<&str>) {
    match closing_group(m) {
        Some((open, paren)) => (m[..open].trim_end(), Some(paren)),
        None => (m, None),
    }
}

/// The place and the agency of a [`DATED_DATELINE`] match: the place ends
/// at the first comma (it holds none), the agency is in closing brackets
/// (nothing else in the pattern is a bracket).
fn dated_groups(m: &str) -> Option<(&str, Option<&str>)> {
    let (place, _) = m.split_once(',')?;
    Some((place, closing_group(m).map(|(_, a)| a)))
}

/// The place and the agency of a [`DASH_DATELINE`] match: the match ends
/// with white space, a dash, white space and one character; before them,
/// the place, perhaps a comma and a second place (the place holds no comma
/// or bracket), and perhaps the agency in brackets.
fn dash_groups(m: &str) -> Option<(&str, Option<&str>)> {
    let mut chars = m.chars();
    chars.next_back()?;
    let head = chars.as_str().trim_end();
    let head = head.strip_suffix(['-', '–', '—'])?.trim_end();
    let agency = closing_group(head).map(|(_, a)| a);
    let cut = head.find([',', '(']).unwrap_or(head.len());
    Some((head[..cut].trim_end(), agency))
}

/// True when `s` could be a [`PLACE`] followed by white space: one to
/// `most` words, each opening with a capital, of letters, `.`, `'`, `’` and
/// `-`. (A quick test before the dateline patterns run.)
fn place_like(s: &str, most: usize) -> bool {
    let mut n = 0;
    for w in s.split_whitespace() {
        n += 1;
        if n > most
            || !w.starts_with(char::is_uppercase)
            || !w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        {
            return false;
        }
    }
    n > 0
}

/// [`DATED_DATELINE`] may match: a place, a comma, and a day or a month.
fn may_be_dated(t: &str) -> bool {
    let Some(comma) = t.find(',') else {
        return false;
    };
    let rest = &t[comma + 1..];
    let after = rest.trim_start();
    place_like(&t[..comma], 4)
        && rest.starts_with(char::is_whitespace)
        && after.bytes().next().is_some_and(|b| {
            !b.is_ascii() || b.is_ascii_digit() || b"jfmasondJFMASOND".contains(&b)
        })
}

/// [`COLON_DATELINE`] may give a dateline: a place (perhaps twice, perhaps
/// with a bracket), then a colon.
fn may_be_colon(t: &str) -> bool {
    // The first bracket or colon, each found by a byte search.
    let Some(colon) = t.find(':') else {
        return false;
    };
    let cut = t[..colon].find('(').unwrap_or(colon);
    place_like(&t[..cut], 8)
}

/// [`DASH_DATELINE`] may match: a place, perhaps a comma or a bracket, and a
/// dash between spaces.
fn may_be_dash(t: &str) -> bool {
    // Only a place-like head can pass: the text before the cut holds at
    // most four words of letters and `.'’-`. Past the first character that
    // cannot be in it, or the start of a fifth word, no later dash helps,
    // unless a comma or a bracket there cuts the head first.
    let limit = place_like_limit(t, 4);
    let mut dash = None;
    for (i, c) in t.char_indices() {
        if i > limit {
            if !t[limit..].starts_with([',', '(']) || !place_like(&t[..limit], 4) {
                return false;
            }
            // The head ends at the comma or bracket; any dash after it will
            // do.
            return first_spaced_dash(&t[limit..]).is_some();
        }
        if matches!(c, '-' | '–' | '—')
            && t[..i].ends_with(char::is_whitespace)
            && t[i + c.len_utf8()..].starts_with(char::is_whitespace)
        {
            dash = Some(i);
            break;
        }
    }
    let Some(dash) = dash else {
        return false;
    };
    let cut = t[..dash].find([',', '(']).unwrap_or(dash);
    place_like(&t[..cut], 4)
}

/// The byte offset in `t` of the first character that no [`place_like`]
/// head of at most `most` words can hold: one that is not white space, a
/// letter or `.'’-`, or the start of word `most + 1`.
fn place_like_limit(t: &str, most: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !(c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')) {
            return i;
        }
        if !in_word {
            words += 1;
            if words > most {
                return i;
            }
            in_word = true;
        }
    }
    t.len()
}

/// The first dash in `t` with white space on both sides.
fn first_spaced_dash(t: &str) -> Option<usize> {
    let bytes = t.as_bytes();
    // `-` is one byte; `–` and `—` open with 0xE2, which only ever opens
    // a character.
    dash_candidates(bytes).find(|&i| {
        let len = match bytes.get(i..) {
            Some([b'-', ..]) => 1,
            Some([0xE2, 0x80, 0x93 | 0x94, ..]) => 3,
            _ => return false,
        };
        t[..i].ends_with(char::is_whitespace) && t[i + len..].starts_with(char::is_whitespace)
    })
}

/// The positions in `bytes`, in order, of every `-` and every 0xE2 byte
/// (and perhaps of a few other bytes, which callers check), found eight
/// bytes at a time.
fn dash_candidates(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    swar::positions(bytes, |v| {
        swar::byte_hits(v, b'-') | swar::byte_hits(v, 0xE2)
    })
}

/// True when a line is mostly furniture.
fn is_furniture(marks: &Marks, text: &str, l: &Line<'_>) -> bool {
    marks.covered(text, l.start, l.end) >= 0.5
}

/// Finds the dateline: it opens one of the first few lines that are not
/// furniture (after a headline and perhaps a standfirst).
pub(crate) fn dateline(text: &str, lines: &[Line<'_>], marks: &Marks) -> Option<Dateline> {
    let mut seen = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() || is_furniture(marks, text, l) {
            continue;
        }
        if let Some((place, agency, dup)) = parse_dateline(l.text, seen == 0) {
            return Some(Dateline {
                place,
                agency,
                duplicate: dup.map(|r| l.start + r.start..l.start + r.end),
                line: i,
            });
        }
        seen += 1;
        if seen >= 4 {
            return None;
        }
    }
    None
}

/// A line that reads as a headline: a few words, no sentence full stop.
fn is_headline_like(l: &Line<'_>) -> bool {
    let t = l.text;
    if l.words > 30 || t.len() > 250 || t.ends_with(['.', ':', ',', ';']) {
        return false;
    }
    let Some(re) = SENTENCE_BREAK.as_ref() else {
        return true;
    };
    // A sentence break inside the line, unless after an initial or an
    // abbreviation like "U.S." or "Rs.".
    !re.captures_iter(t).any(|c| {
        c.name("word").is_some_and(|w| {
            let w = w.as_str().trim_end_matches(['.', '!', '?']);
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 3 && !w.contains('.')
        })
    })
}

/// The headline: the first line of text that is not furniture, skipping a
/// few short labels; `None` when the text opens straight with its body.
fn title(
    text: &str,
    lines: &[Line<'_>],
    marks: &Marks,
    dateline: Option<&Dateline>,
) -> Option<String> {
    let mut skipped = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() || is_furniture(marks, text, l) {
            continue;
        }
        if dateline.is_some_and(|d| d.line == i) {
            return None;
        }
        if l.words < 4 {
            skipped += 1;
            if skipped > 3 {
                return None;
            }
            continue;
        }
        return is_headline_like(l).then(|| l.text.to_string());
    }
    None
}

/// Gathers the metadata of `doc`.
pub(crate) fn metadata(
    doc: &Document,
    lines: &[Line<'_>],
    marks: &Marks,
    hints: &Hints,
    dateline: Option<&Dateline>,
) -> Metadata {
    let text = doc.text.as_str();
    let from_format = || {
        doc.format_title
            .as_deref()
            .filter(|_| doc.format == Format::Html)
            .map(crate::html::strip_site_name)
            .filter(|t| !t.is_empty())
    };
    Metadata {
        title: title(text, lines, marks, dateline).or_else(from_format),
        source: hints
            .source
            .clone()
            .or_else(|| dateline.and_then(|d| d.agency.clone()))
            .or_else(|| hints.agency.clone())
            // A saved page's title usually ends with the site's name.
            .or_else(|| {
                doc.format_title
                    .as_deref()
                    .filter(|_| doc.format == Format::Html)
                    .and_then(crate::html::site_name)
            }),
        published: hints
            .published
            .clone()
            .or_else(|| hints.updated.clone())
            .or_else(|| hints.date.clone()),
        dateline: dateline.map(|d| d.place.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_read_off_a_match_are_the_captured_groups() {
        let lines = [
            "Hajipur (Bihar): In a testament",
            "Patna (PTI) : text",
            "Patna  (A: b) more",
            "New Delhi, July 18 Bihar's firm",
            "Bhubaneswar, Jan 7 (PTI) The state",
            "Mumbai, 7 March, 2024 (Reuters) x",
            "Mumbai, 7 March 2024(IANS)",
            "Firozabad, India - Firozabad, a small town",
            "Firozabad - Firozabad, a town",
            "Foo- - x",
            "Agra (PTI) – (Agra) y",
            "São Paulo , Brazil (AFP)  —  Údine",
            "Old Town-East, Uttar Pradesh (UNI) - The",
            "NEW DELHI: The Centre",
            "Patna. Some new investments",
            "Navi Mumbai. The city",
            "O’Neil’s Town. X",
        ];
        let pairs = [
            (&DATED_DATELINE, "place", "agency"),
            (&COLON_DATELINE, "place", "paren"),
            (&DASH_DATELINE, "place", "agency"),
            (&PERIOD_DATELINE, "place", "none"),
        ];
        for t in lines {
            for (k, (regex, place, other)) in pairs.iter().enumerate() {
                let Some(regex) = regex.as_ref() else {
                    continue;
                };
                let captured = regex.captures(t).map(|c| {
                    (
                        c.name(place).map(|m| m.as_str()),
                        c.name(other).map(|m| m.as_str()),
                    )
                });
                let read = regex.find(t).map(|m| {
                    let m = m.as_str();
                    match k {
                        0 => dated_groups(m).map_or((None, None), |(p, a)| (Some(p), a)),
                        1 => {
                            let (p, a) = colon_groups(m);
                            (Some(p), a)
                        }
                        2 => dash_groups(m).map_or((None, None), |(p, a)| (Some(p), a)),
                        _ => (m.split_once('.').map(|(p, _)| p), None),
                    }
                });
                assert_eq!(read, captured, "{t} / pattern {k}");
            }
        }
    }

    #[test]
    fn datelines() {
        // (line, (place, agency, has a duplicate))
        type Want<'a> = Option<(&'a str, Option<&'a str>, bool)>;
        let cases: &[(&str, Want<'_>)] = &[
            (
                "Hajipur (Bihar): In a testament to local enterprise, the army marches",
                Some(("Hajipur", None, false)),
            ),
            (
                "Hajipur (Bihar) Hajipur (Bihar): In a testament to enterprise, the army",
                Some(("Hajipur", None, true)),
            ),
            (
                "New Delhi, July 18 Bihar's firm has around 70 per cent women employees.",
                Some(("New Delhi", None, false)),
            ),
            (
                "Bhubaneswar, Jan 7 (PTI) The state government has approved investment.",
                Some(("Bhubaneswar", Some("PTI"), false)),
            ),
            (
                "NEW DELHI: The Centre on Monday approved three new schemes for exporters.",
                Some(("New Delhi", None, false)),
            ),
            (
                "Patna (IANS): The cabinet approved 13 agenda items on Tuesday evening.",
                Some(("Patna", Some("IANS"), false)),
            ),
            (
                "Surat, Gujarat - Surat, a diamond city, is known for its polishing units.",
                Some(("Surat", None, false)),
            ),
            (
                "Note: The figures are provisional and may change later.",
                None,
            ),
            ("However, July 18 was a holiday for the workers.", None),
            (
                "In a bid to boost industrialisation in the state, the cabinet approved.",
                None,
            ),
            (
                "The nearly Rs 12,000 crore leather industry is facing losses.",
                None,
            ),
            (
                "Patna. Some new investments are going to hit the ground in Bihar.",
                Some(("Patna", None, false)),
            ),
            (
                "Shri. Kumar inaugurated the new unit in the town on Monday.",
                None,
            ),
            ("Meanwhile. The unit opened on Monday in the town.", None),
        ];
        for (input, want) in cases {
            let got = parse_dateline(input, true);
            let got = got
                .as_ref()
                .map(|(p, a, d)| (p.as_str(), a.as_deref(), d.is_some()));
            assert_eq!(got, *want, "{input}");
        }
    }

    #[test]
    fn spaced_dashes_are_found_as_a_scan_of_characters_finds_them() {
        let reference = |t: &str| {
            t.char_indices()
                .find(|&(i, c)| {
                    matches!(c, '-' | '–' | '—')
                        && t[..i].ends_with(char::is_whitespace)
                        && t[i + c.len_utf8()..].starts_with(char::is_whitespace)
                })
                .map(|(i, _)| i)
        };
        let texts = [
            "Surat, Gujarat - Surat, a diamond city",
            "a-b – c—d — e",
            "x\u{a0}–\u{2003}y",
            "“Quoted” – ‘single’ — ₹5 crore - end",
            "no dash here at all, only ’ and ” and … marks",
            "-",
            " - ",
            "ends with a dash -",
            "",
        ];
        for t in texts {
            for k in 0..=t.len() {
                if let Some(piece) = t.get(k..) {
                    assert_eq!(first_spaced_dash(piece), reference(piece), "{piece}");
                }
            }
        }
    }

    /// The first version of [`may_be_dash`], which reads the whole line.
    fn may_be_dash_reference(t: &str) -> bool {
        let Some(dash) = first_spaced_dash(t) else {
            return false;
        };
        let cut = t[..dash].find([',', '(']).unwrap_or(dash);
        place_like(&t[..cut], 4)
    }

    #[test]
    fn dash_test_reads_only_the_head() {
        let lines = [
            "Surat, Gujarat - Surat, a diamond city, is known for its units.",
            "Firozabad, India – Firozabad, a small town",
            "Firozabad India - Firozabad a small town",
            "A B C D - x",
            "A B C D E - x",
            "New Delhi (PTI) — The state said",
            "New Delhi (PTI) said - the state",
            "New Delhi, said - the state",
            "New Delhi said - the state",
            "New Delhi—said - the state",
            "New Delhi – said",
            "New\u{a0}Delhi\u{a0}-\u{a0}Today",
            "O’Brien-Smith St. - Note",
            "Mumbai: - dash after colon",
            "Mumbai,- no space",
            "Mumbai -",
            "- Mumbai - x",
            "The state government - approved",
            "Ünïcode Town - x",
            "",
        ];
        for t in lines {
            assert_eq!(may_be_dash(t), may_be_dash_reference(t), "{t}");
        }
    }

    #[test]
    fn headline_shapes() {
        let cases = [
            (
                "Muzaffarpur emerging as a major bag cluster in the state",
                true,
            ),
            ("Why Does the Army Prefer These Shoes?", true),
            ("U.S. firm opens a plant in Pune", true),
            (
                "Patna. Some new investments are going to hit the ground",
                false,
            ),
            ("The cluster grew. It now employs 4,000 people", false),
            ("The company employs 300 people in its factory.", false),
        ];
        for (t, want) in cases {
            let line = Line {
                start: 0,
                end: t.len(),
                text: t,
                words: t.split_whitespace().count(),
            };
            assert_eq!(is_headline_like(&line), want, "{t}");
        }
    }
}
