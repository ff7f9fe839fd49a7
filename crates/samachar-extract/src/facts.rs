//! Facts: quantities tied to a subject and a metric, export destinations,
//! locations, and facts derived by arithmetic.
//!
//! The subject of a figure is the organisation named in its sentence (the
//! nearest before it, else the first after it); a sentence about "the
//! cluster" takes the cluster the article names ("bag cluster in
//! Muzaffarpur" -> "Muzaffarpur bag cluster"); "the company", "we", "they"
//! and "it" take the article's main organisation; otherwise the most recent
//! subject. The metric comes from the quantity's unit and the words around
//! it (employ, workforce, export, worth, invest, turnover, projected ...).

use crate::entities::{Found, OrgInfo, anchored};
use crate::names::FxSet;
use aho_corasick::packed;
use regex::Regex;
use samachar_model::text::format_number;
use samachar_model::{EntityKind, Fact, FactValue, Quantity};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(r) => r,
        Err(_) => match Regex::new(r"[^\s\S]") {
            Ok(r) => r,
            Err(_) => unreachable_regex_fallback(),
        },
    }
}

fn unreachable_regex_fallback() -> Regex {
    // Both patterns above are constant and valid; this is never reached.
    re(r"[^\s\S]")
}

static EXPORT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?-u:\b)(?:export(?:s|ed|ing)?|ship(?:s|ped)?|suppl(?:y|ies|ied)|sells?|sold)(?-u:\b)")
});
/// A cue that the places right after it are export markets being sought,
/// not yet served: "talks are underway to expand to", "in talks with buyers
/// to export to", "plans to export shoes to", "exploring opportunities in",
/// "aims to enter". Matched against the text with its ASCII letters in lower
/// case (see [`talk_cues`]).
static TALKS: LazyLock<Regex> = LazyLock::new(|| re(&talks_pattern()));
/// [`TALKS`] in any case, for a text where lower-casing only the ASCII
/// letters would not do.
static TALKS_ANY_CASE: LazyLock<Regex> = LazyLock::new(|| re(&format!("(?i){}", talks_pattern())));

/// The two letters besides ASCII ones that fold onto ASCII letters: the
/// long s and the Kelvin sign (a pure literal search, fast).
static ASCII_FOLDING: LazyLock<Regex> = LazyLock::new(|| re("\u{17f}|\u{212a}"));
/// The word of [`CLUSTER_IN`] (a pure literal search, fast).
static CLUSTER_LITERAL: LazyLock<Regex> = LazyLock::new(|| re("cluster"));

/// The pattern of [`TALKS`], in lower case.
fn talks_pattern() -> String {
    let goal = r"(?:(?:export|sell|ship|supply)\s+(?:[\w-]+\s+){0,3}?(?:to|into)|expand\s+(?:(?:its|their|our|exports?|sales|business|presence|footprint|reach|markets?)\s+){0,2}(?:to|into)|enter(?:\s+(?:the\s+)?markets?\s+(?:of|in))?|foray\s+into|tap(?:\s+(?:the\s+)?markets?\s+(?:of|in))?)";
    format!(
        r"(?-u:\b)(?:(?:talks?|negotiations?|discussions?)\s+(?:(?:are|is)\s+)?(?:(?:underway|under\s+way|ongoing|on|in\s+progress)\s+)?(?:with\s+[^,.;\n]{{1,40}}?\s+)?to\s+{goal}|(?:plans?|planning|aims?|aiming|looking|hopes?|hoping|seeks?|seeking|intends?|intending|wants?)\s+to\s+{goal}|explor(?:e|es|ing)(?:\s+(?:new\s+|export\s+|business\s+)?(?:opportunities|markets?|options|avenues)\s+in)?)\s"
    )
}

/// Where the cues of [`TALKS`] are in `text`, in any case. Case-blind
/// matching differs from matching the text with its ASCII letters lowered
/// only through the two other letters that fold onto ASCII ones (the Kelvin
/// sign and the long s), and the pattern holds no other letter; a text with
/// one of them is matched case-blind.
#[inline(never)]
fn talk_cues(text: &str) -> Vec<Range<usize>> {
    if ASCII_FOLDING.is_match(text) {
        return TALKS_ANY_CASE.find_iter(text).map(|m| m.range()).collect();
    }
    let lower = text.to_ascii_lowercase();
    TALKS.find_iter(&lower).map(|m| m.range()).collect()
}

static CAPACITY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s+((?:[a-z\-]+\s+){0,3}?)(?:storage\s+)?(?:facility|plant|capacity|unit)(?-u:\b)")
});
static APPROVED: LazyLock<Regex> = LazyLock::new(|| re(r"approv\w*\s+(?:\w+\s+)?invest"));
static FOUNDED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:established|founded|set up|incorporated|started|formed|began operations|came into being|(?:operating|operational|in business|in existence|functioning|running)\s+since)\s+(?:in\s+)?(?:the\s+year\s+)?$",
    )
});
static CLUSTER_IN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)([a-z]+)\s+cluster\s+(?:in|at|of)\s+(\p{Lu}[\p{L}]+)"));
static PLACE_CLUSTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(\p{Lu}[\p{L}]+)\s+([a-z]+)\s+cluster(?-u:\b)"));
/// "Ambur-Vaniyambadi cluster": two towns joined by a hyphen.
static PAIR_CLUSTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(\p{Lu}\p{L}+)-(\p{Lu}\p{L}+)\s+cluster(?-u:\b)"));
/// Words before "industry" that name no trade ("the whole industry").
const NO_TRADE: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "whole",
    "entire",
    "broader",
    "overall",
    "domestic",
    "local",
    "its",
    "our",
    "their",
    "his",
    "her",
    "same",
    "small",
    "large",
    "big",
    "organised",
    "unorganised",
    "and",
    "or",
    "of",
    "in",
    "to",
];

/// True when every "<word> industry" of the lower-case `sentence` is the
/// industry `name` ("Kanpur leather industry") or no trade at all ("the
/// industry"): "the ceramic industry" is another one.
fn industry_fits(name: &str, sentence: &str) -> bool {
    let trade = name
        .strip_suffix(" industry")
        .and_then(|n| n.rsplit(' ').next())
        .unwrap_or("");
    let mut rest = sentence;
    while let Some(k) = rest.find(" industry") {
        let before = &rest[..k];
        let w = before.rsplit([' ', '\n']).next().unwrap_or("");
        if !w.eq_ignore_ascii_case(trade) && !NO_TRADE.iter().any(|x| w.eq_ignore_ascii_case(x)) {
            return false;
        }
        rest = &rest[k + " industry".len()..];
    }
    true
}

/// Words that tie a bare count to employment.
static EMPLOYMENT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:(?:people|persons|workers|employees|artisans|labourers)\s+employed|employment|workforce|number\s+of\s+(?:workers|employees|jobs))(?-u:\b)",
    )
});
/// "Bihar's cabinet", "the Odisha state government": a place's government
/// acting in a sentence.
static GOV_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?)(?:'s|\x{2019}s)?\s+(?:state\s+)?(?:cabinet|government|govt)(?-u:\b)",
    )
});
/// "The summit", "the event": a sentence about the programme (meet,
/// conclave) the article names.
static EVENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?-u:\b)the\s+(?:summit|event|meet|conclave|expo|investors'?\s+meet)(?-u:\b)")
});

const PEOPLE_UNITS: &[&str] = &[
    "employees",
    "employee",
    "workers",
    "worker",
    "staff",
    "individuals",
    "people",
    "persons",
    "labourers",
    "laborers",
    "personnel",
    "women",
    "artisans",
    "weavers",
];

/// A cluster named in the article: (name, where its definition starts).
#[inline(never)]
fn clusters(text: &str, found: &Found) -> Vec<(String, usize)> {
    let is_place = |s: usize, e: usize| found.places.iter().any(|p| p.0 == s && p.1 == e);
    let mut out = Vec::new();
    // (The pattern cannot match without the word.)
    let named = if !found.cluster_words.is_empty() || CLUSTER_LITERAL.is_match(text) {
        CLUSTER_IN.captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for c in named {
        if let (Some(noun), Some(place)) = (c.get(1), c.get(2))
            && is_place(place.start(), place.end())
            && !matches!(noun.as_str(), "the" | "a" | "an" | "this" | "that")
        {
            out.push((
                format!("{} {} cluster", place.as_str(), noun.as_str()),
                noun.start(),
            ));
        }
    }
    for c in anchored(&PLACE_CLUSTER, text, &found.cluster_words, 80, 4) {
        if let (Some(place), Some(noun)) = (c.get(1), c.get(2))
            && is_place(place.start(), place.end())
        {
            out.push((
                format!("{} {} cluster", place.as_str(), noun.as_str()),
                place.start(),
            ));
        }
    }
    for c in anchored(&PAIR_CLUSTER, text, &found.cluster_words, 80, 4) {
        if let (Some(all), Some(first)) = (c.get(0), c.get(1))
            && found.places.iter().any(|p| p.2 == first.as_str())
            && !out.iter().any(|o| o.1 >= all.start() && o.1 < all.end())
        {
            let name = all
                .as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            out.push((name, all.start()));
        }
    }
    // "the Bhimavaram cluster": a place's cluster with no trade named.
    for a in &found.cluster_words {
        let Some(b) = text[..a.start].strip_suffix(' ') else {
            continue;
        };
        if let Some(p) = found.places.iter().find(|p| p.1 == b.len())
            && !out.iter().any(|o| o.1 <= p.0 && p.0 < a.end)
        {
            out.push((format!("{} cluster", p.2), p.0));
        }
    }
    // An industry named with its place stands in for a cluster ("the
    // leather industry in Kanpur", "the Kanpur leather industry",
    // "Sivakasi's fireworks industry" -> "<place> <trade> industry").
    for a in &found.industry_words {
        let before = &text[..a.start];
        let Some(b) = before.strip_suffix(' ') else {
            continue;
        };
        let ns = b
            .bytes()
            .rposition(|c| !c.is_ascii_lowercase())
            .map_or(0, |k| k + 1);
        let noun = &b[ns..];
        if noun.is_empty() || NO_TRADE.contains(&noun) {
            continue;
        }
        let place_at = |s: usize| found.places.iter().find(|p| p.0 == s).map(|p| p.2.as_str());
        let place_ending = |e: usize| found.places.iter().find(|p| p.1 == e).map(|p| p.2.as_str());
        let after = &text[a.end..];
        let place = match ["in ", "at ", "of "]
            .iter()
            .find_map(|w| after.strip_prefix(' ').and_then(|r| r.strip_prefix(w)))
        {
            Some(r) => place_at(text.len() - r.len()),
            None => None,
        }
        .or_else(|| {
            let b2 = b[..ns].strip_suffix(' ')?;
            let b2 = b2
                .strip_suffix("'s")
                .or_else(|| b2.strip_suffix("\u{2019}s"))
                .unwrap_or(b2);
            place_ending(b2.len())
        });
        if let Some(place) = place {
            out.push((format!("{place} {noun} industry"), ns));
        }
    }
    out.sort_by_key(|c| c.1);
    out
}

/// The spans of the organisations that can be subjects, by start: (start,
/// end, the organisation's index); in the order of the organisations for
/// one start, and of their spans for one organisation. None when the spans
/// of one of them are not in order (see [`org_in`]).
fn subject_spans(orgs: &[OrgInfo]) -> Option<Vec<(usize, usize, usize)>> {
    if !orgs
        .iter()
        .filter(|o| o.subject)
        .all(|o| o.spans.is_sorted_by_key(|x| x.0))
    {
        return None;
    }
    let mut spans: Vec<(usize, usize, usize)> = orgs
        .iter()
        .enumerate()
        .filter(|(_, o)| o.subject)
        .flat_map(|(i, o)| o.spans.iter().map(move |&(s, e)| (s, e, i)))
        .collect();
    // (A stable sort keeps the order of one organisation's spans.)
    spans.sort_by_key(|&(s, _, i)| (s, i));
    Some(spans)
}

/// The organisation (of `orgs`, with its `spans` from [`subject_spans`])
/// named in the sentence `range`: the nearest that ends by `pos`, else the
/// first that starts at or after it; the first organisation of the list
/// for two that start at once. (Each organisation's spans are looked up
/// by start, from the first that starts in the sentence; without `spans`
/// each organisation is looked at in turn.)
#[inline(never)]
fn org_in<'o>(
    orgs: &'o [OrgInfo],
    spans: Option<&[(usize, usize, usize)]>,
    range: &Range<usize>,
    pos: usize,
) -> Option<&'o str> {
    let Some(spans) = spans else {
        return org_in_each(orgs, range, pos);
    };
    let mut before: Option<(usize, usize)> = None;
    let mut after: Option<(usize, usize)> = None;
    let lo = spans.partition_point(|x| x.0 < range.start);
    let hi = lo + spans[lo..].partition_point(|x| x.0 < range.end);
    for &(s, e, i) in &spans[lo..hi] {
        if e > range.end {
            continue;
        }
        if e <= pos {
            if before.is_none_or(|b| s > b.0) {
                before = Some((s, i));
            }
        } else if s >= pos && after.is_none_or(|a| s < a.0) {
            after = Some((s, i));
        }
    }
    before
        .or(after)
        .and_then(|x| orgs.get(x.1))
        .map(|o| o.name.as_str())
}

/// [`org_in`] looking at each organisation in turn.
fn org_in_each<'o>(orgs: &'o [OrgInfo], range: &Range<usize>, pos: usize) -> Option<&'o str> {
    let mut before: Option<(usize, &str)> = None;
    let mut after: Option<(usize, &str)> = None;
    for o in orgs.iter().filter(|o| o.subject) {
        let lo = o.spans.partition_point(|&(s, _)| s < range.start);
        let hi = o.spans.partition_point(|&(s, _)| s < range.end);
        for &(s, e) in o.spans.get(lo..hi).unwrap_or_default() {
            if s < range.start || e > range.end {
                continue;
            }
            if e <= pos {
                if before.is_none_or(|b| s > b.0) {
                    before = Some((s, &o.name));
                }
            } else if s >= pos && after.is_none_or(|a| s < a.0) {
                after = Some((s, &o.name));
            }
        }
    }
    before.or(after).map(|x| x.1)
}

/// The bytes of ASCII words: letters, digits and '_'.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c == b'_' as usize;
        c += 1;
    }
    t
};

/// True when the sentence refers back to an organisation ("the company",
/// "the firm", "the unit", "we", "our", "they", "it", "its", "their", "us"),
/// in any case, as whole words.
#[inline(never)]
fn has_anaphora(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    let is_w = |c: u8| WORD_BYTE[usize::from(c)];
    let mut i = 0;
    while i < b.len() {
        if !is_w(b[i]) {
            i += 1;
            continue;
        }
        let st = i;
        while i < b.len() && is_w(b[i]) {
            i += 1;
        }
        // Every word asked about has two to five letters and starts with
        // one of these.
        if i - st > 5 || i - st < 2 || !matches!(b[st] | 0x20, b'w' | b'o' | b't' | b'i' | b'u') {
            continue;
        }
        let w = &b[st..i];
        if ["we", "our", "they", "it", "its", "their", "us"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a.as_bytes()))
        {
            return true;
        }
        if w.eq_ignore_ascii_case(b"the") {
            for noun in [&b" company"[..], b" firm", b" unit"] {
                let e = i + noun.len();
                if b.len() >= e
                    && b[i..e].eq_ignore_ascii_case(noun)
                    && !b.get(e).copied().is_some_and(is_w)
                {
                    return true;
                }
            }
        }
    }
    false
}

/// The sentence with its heading in lower case.
struct Lower {
    /// The field heading above the sentence and the sentence, both in lower
    /// case: "{heading} {sentence}".
    with_heading: String,
    /// Where the lower-case sentence starts in `with_heading`.
    lower_start: usize,
    /// Lower-casing kept the length of every character of the sentence, so
    /// a byte offset in it is the same offset in its lower-case copy.
    mappable: bool,
}

/// What the rules need to know about one sentence, worked out once (and
/// only when first asked).
struct Sentence<'a> {
    /// The sentence as written.
    text: &'a str,
    /// The field heading above it ("" when there is none).
    heading: &'a str,
    /// See [`Lower`].
    lower: std::cell::OnceCell<Lower>,
    /// `with_heading` holds an export verb.
    exporting: std::cell::OnceCell<bool>,
    /// The sentence refers back to an organisation.
    anaphora: std::cell::OnceCell<bool>,
    /// The government of a place the sentence says acts, if any.
    government: std::cell::OnceCell<Option<String>>,
    /// The sentence speaks of "the summit", "the event" and the like.
    event: std::cell::OnceCell<bool>,
    /// Room for the lower-case copy, handed on from sentence to sentence.
    spare: std::cell::Cell<String>,
}

impl<'a> Sentence<'a> {
    /// The sentence `text` under `heading`; `spare` is room for its lower
    /// case copy (see [`Sentence::into_spare`]).
    fn new(text: &'a str, heading: &'a str, spare: String) -> Self {
        Sentence {
            text,
            heading,
            lower: std::cell::OnceCell::new(),
            exporting: std::cell::OnceCell::new(),
            anaphora: std::cell::OnceCell::new(),
            government: std::cell::OnceCell::new(),
            event: std::cell::OnceCell::new(),
            spare: std::cell::Cell::new(spare),
        }
    }

    /// The room of the lower-case copy, for the next sentence.
    fn into_spare(self) -> String {
        match self.lower.into_inner() {
            Some(l) => l.with_heading,
            None => self.spare.into_inner(),
        }
    }

    /// The sentence with its heading in lower case.
    fn lower(&self) -> &Lower {
        self.lower.get_or_init(|| {
            let mut with_heading = self.spare.take();
            with_heading.clear();
            with_heading.reserve(self.heading.len() + 1 + self.text.len());
            push_lower(&mut with_heading, self.heading);
            with_heading.push(' ');
            let lower_start = with_heading.len();
            let mappable = push_lower(&mut with_heading, self.text);
            Lower {
                with_heading,
                lower_start,
                mappable,
            }
        })
    }

    /// `with_heading` says "last year".
    fn last_year(&self) -> bool {
        self.has("last year")
    }

    /// `with_heading` speaks of a plan or a projection.
    fn projected(&self) -> bool {
        [
            "projected",
            "expected",
            "will ",
            "plans to",
            "planned",
            "target",
        ]
        .iter()
        .any(|w| self.has(w))
    }

    /// `with_heading` holds an export verb.
    fn exporting(&self) -> bool {
        *self
            .exporting
            .get_or_init(|| has_export_verb(&self.lower().with_heading))
    }

    /// True when the sentence with its heading (lower case) holds `word`.
    fn has(&self, word: &str) -> bool {
        self.lower().with_heading.contains(word)
    }

    /// True when the sentence with its heading (lower case) holds a word
    /// that starts with `prefix` ("rise" in "rises", not in "enterprises").
    fn has_word_start(&self, prefix: &str) -> bool {
        let s = self.lower().with_heading.as_str();
        s.match_indices(prefix).any(|(i, _)| {
            !s[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
    }

    /// True when the sentence itself (lower case) holds `word`.
    fn has_own(&self, word: &str) -> bool {
        self.own_lower().contains(word)
    }

    /// The sentence itself (without its heading) in lower case.
    fn own_lower(&self) -> &str {
        let l = self.lower();
        &l.with_heading[l.lower_start..]
    }

    /// The heading in lower case ("" when there is none).
    fn heading_lower(&self) -> &str {
        if self.heading.is_empty() {
            return "";
        }
        let l = self.lower();
        &l.with_heading[..l.lower_start - 1]
    }

    /// Appends `text[part]` in lower case, where the sentence starts at
    /// `start` in `text`: copied from `with_heading` when the offsets agree.
    fn push_lower_part(&self, out: &mut String, text: &str, start: usize, part: Range<usize>) {
        let l = self.lower();
        if l.mappable && part.start >= start && part.end <= start + self.text.len() {
            let from = l.lower_start + part.start - start;
            out.push_str(&l.with_heading[from..from + part.len()]);
        } else {
            out.push_str(&text[part].to_lowercase());
        }
    }
}

/// Appends `text` in lower case, ASCII without a detour. True when every
/// character kept its length (and none depends on its neighbours, as a
/// capital sigma does), so that offsets into `text` and into what was
/// appended agree and any part of `text` in lower case is the same part of
/// the copy.
fn push_lower(out: &mut String, text: &str) -> bool {
    let from = out.len();
    out.push_str(text);
    // Lower-casing only ASCII letters keeps the text valid UTF-8.
    out[from..].make_ascii_lowercase();
    if text.is_ascii() || !non_ascii_changes(text) {
        return true;
    }
    out.truncate(from);
    // `str::to_lowercase` maps each character on its own but for the
    // capital sigma.
    if text.contains('\u{3a3}') {
        out.push_str(&text.to_lowercase());
        return false;
    }
    out.reserve(text.len());
    let mut same = true;
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..run]);
        out[from..].make_ascii_lowercase();
        let mut chars = rest[run..].chars();
        if let Some(c) = chars.next() {
            let from = out.len();
            out.extend(c.to_lowercase());
            same &= out.len() - from == c.len_utf8();
        }
        rest = chars.as_str();
    }
    same
}

/// True when some character of `text` beyond ASCII changes in lower case
/// (most text beyond ASCII is quotes, dashes and currency signs, which do
/// not). Eight bytes at a time past the ASCII runs.
fn non_ascii_changes(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if i + 8 <= b.len() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[i..i + 8]);
            if u64::from_ne_bytes(w) & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        // A lead byte starts a character beyond ASCII.
        if b[i] >= 0xc0
            && let Some(c) = text[i..].chars().next()
        {
            let mut low = c.to_lowercase();
            if low.next() != Some(c) || low.next().is_some() {
                return true;
            }
            i += c.len_utf8();
            continue;
        }
        i += 1;
    }
    false
}

/// Count nouns of what an industry is measured in: a count of one of
/// these may be carried over to the subject of the sentences before.
const INDUSTRY_COUNTS: &[&str] = &[
    "unit",
    "factor",
    "plant",
    "mill",
    "tanner",
    "enterprise",
    "firm",
    "compan",
    "msme",
    "loom",
    "machine",
    "kiln",
    "workshop",
    "worker",
    "employee",
    "job",
    "people",
    "person",
    "individual",
    "labourer",
    "artisan",
    "weaver",
    "woman",
    "women",
    "pair",
    "bag",
    "piece",
    "tonne",
    "container",
    "shop",
    "outlet",
    "store",
    "product",
    "order",
    "exporter",
    "member",
    "youth",
    "opportunit",
    "beneficiar",
    "household",
    "farmer",
    "manufacturer",
    "industr",
    "project",
    "proposal",
    "cluster",
    "estate",
    "acre",
    "hectare",
    "centre",
    "center",
    "seat",
    "room",
    "bed",
    "vehicle",
    "car",
    "tractor",
    "shoe",
    "boot",
    "garment",
    "toy",
    "bangle",
];

/// True unless `q` counts something that is none of [`INDUSTRY_COUNTS`]
/// (and its metric is only that count).
fn counts_of_industry(q: &Quantity, metric: &str) -> bool {
    let Some(unit) = q.unit.as_deref() else {
        return true;
    };
    // Measures and money are no counts of things.
    let measure = !unit
        .chars()
        .all(|c| c.is_ascii_lowercase() || c == ' ' || c == '-')
        || matches!(
            unit,
            "percent"
                | "year"
                | "month"
                | "day"
                | "hour"
                | "week"
                | "km"
                | "m"
                | "cm"
                | "mm"
                | "kg"
                | "g"
                | "lb"
                | "litre"
                | "mile"
                | "ft"
                | "inch"
                | "sqft"
                | "sqkm"
                | "sqm"
                | "deg"
        );
    if measure {
        return true;
    }
    let u = unit.to_ascii_lowercase();
    let only_count = metric.eq_ignore_ascii_case(unit)
        || metric
            .strip_prefix("number of ")
            .is_some_and(|m| m.eq_ignore_ascii_case(unit))
        || metric.to_ascii_lowercase().ends_with(&u);
    !only_count || INDUSTRY_COUNTS.iter().any(|w| u.starts_with(w))
}

struct Subjects<'a> {
    found: &'a Found,
    /// See [`subject_spans`].
    spans: Option<Vec<(usize, usize, usize)>>,
    clusters: Vec<(String, usize)>,
    recent: Option<String>,
    /// Whether the last subject given was only carried over from the
    /// sentences before (the sentence neither names nor points to it).
    carried: bool,
}

impl Subjects<'_> {
    /// The subject of something at `pos` in the sentence `range`.
    fn at(&mut self, range: &Range<usize>, pos: usize, sent: &Sentence) -> Option<String> {
        self.carried = false;
        // "..., according to the Council for Leather Exports": the body
        // cited for a figure is not what the figure is about (the cluster
        // the sentence speaks of may be).
        let mut cited = false;
        if let Some(o) = org_in(&self.found.orgs, self.spans.as_deref(), range, pos) {
            if !self.cited(o, range, sent.text) {
                self.recent = Some(o.to_string());
                return Some(o.to_string());
            }
            cited = true;
        }
        let is_cluster = |c: &&(String, usize)| !c.0.ends_with(" industry");
        if cited && !sent.has_own("cluster") {
            return None;
        }
        if !self.clusters.is_empty()
            && sent.has_own("cluster")
            && let Some((c, _)) = self
                .clusters
                .iter()
                .rev()
                .filter(is_cluster)
                .find(|c| c.1 < range.end)
                .or(self.clusters.iter().find(is_cluster))
        {
            self.recent = Some(c.clone());
            return Some(c.clone());
        }
        // An industry named with its place, in a sentence about "the
        // industry" that points to no company.
        if self.clusters.iter().any(|c| c.0.ends_with(" industry"))
            && sent.has_own("industry")
            && !*sent.anaphora.get_or_init(|| has_anaphora(sent.text))
            && let Some((c, _)) = self
                .clusters
                .iter()
                .rev()
                .filter(|c| c.0.ends_with(" industry"))
                .find(|c| c.1 < range.end)
            && industry_fits(c, sent.own_lower())
        {
            // (Not carried over to the next sentences: an industry is
            // spoken of more loosely than a company or a cluster.)
            return Some(c.clone());
        }
        // "It", "they", "the company" point back to the company named last
        // (when the sentence before named one), else to the main
        // organisation once it has been named.
        // But "Noida's electronics makers said they expect ...": "they"
        // are the makers of the place the sentence opens with.
        let anaphora = *sent.anaphora.get_or_init(|| has_anaphora(sent.text))
            && !self.place_leads(range, pos, sent);
        if let Some(r) = &self.recent
            && anaphora
            && self
                .found
                .orgs
                .iter()
                .any(|o| o.company && o.name == *r && o.spans.iter().any(|s| s.0 < pos))
        {
            return Some(r.clone());
        }
        if let Some(m) = &self.found.main_org
            && anaphora
            && self
                .found
                .orgs
                .iter()
                .any(|o| o.name == *m && o.spans.iter().any(|s| s.0 < pos))
        {
            self.recent = Some(m.clone());
            return Some(m.clone());
        }
        // A place's government or cabinet acting in the sentence (the same
        // for every figure of the sentence).
        // (The pattern cannot match without one of its nouns.)
        let found = self.found;
        if let Some(g) = sent.government.get_or_init(|| {
            if found.places.is_empty()
                || !["cabinet", "government", "govt"]
                    .iter()
                    .any(|w| sent.text.contains(w))
            {
                return None;
            }
            GOV_PHRASE.captures_iter(sent.text).find_map(|c| {
                let place = c.get(1)?.as_str();
                found
                    .places
                    .iter()
                    .any(|p| p.2 == place)
                    .then(|| format!("{place} government"))
            })
        }) {
            self.recent = Some(g.clone());
            return Some(g.clone());
        }
        // "The summit secured ...": the programme named before. (In an
        // ASCII sentence the pattern cannot match without one of its nouns
        // in lower case.)
        if let Some(p) = self
            .found
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Programme)
            .filter_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.start < pos)
                    .map(|m| m.start)
                    .max()
                    .map(|s| (s, &e.name))
            })
            .max_by_key(|x| x.0)
            && *sent.event.get_or_init(|| {
                (!sent.text.is_ascii()
                    || ["summit", "event", "meet", "conclave", "expo", "investors"]
                        .iter()
                        .any(|w| sent.has_own(w)))
                    && EVENT_WORD.is_match(sent.text)
            })
        {
            let name = p.1.clone();
            self.recent = Some(name.clone());
            return Some(name);
        }
        // Before any organisation has been named, a figure belongs to none
        // of them ("30 companies on the verge of closing" in a headline is
        // no fact about the company named later).
        // Nor to a cluster named further on. And a sentence that names
        // another place before the figure, without pointing back ("Odisha's
        // Ganjam district exported ..."), is about that place, not about the
        // organisation or cluster of the sentences before.
        // "Of Sivakasi's 848 factories, ...": a place in the possessive right
        // before the figure, in a sentence that names no organisation, is
        // what the figure is about.
        // (The places are in text order.)
        let places = &self.found.places;
        let upto = places.partition_point(|p| p.0 < pos);
        if let Some(p) = places[..upto]
            .iter()
            .rev()
            .take_while(|p| p.0 >= range.start)
            .find(|p| p.1 <= pos)
        {
            let after = sent
                .text
                .get(p.1 - range.start..pos - range.start)
                .unwrap_or("");
            let possessive = after.starts_with("'s ") || after.starts_with("’s ");
            if possessive
                && after.split_whitespace().count() <= 4
                && !self
                    .found
                    .orgs
                    .iter()
                    .any(|o| o.spans.iter().any(|&(s, e)| s >= range.start && e <= pos))
            {
                return Some(p.2.clone());
            }
        }
        let name = match &self.recent {
            Some(r) => r.clone(),
            None => self
                .clusters
                .iter()
                .rev()
                .filter(is_cluster)
                .find(|c| c.1 < pos)?
                .0
                .clone(),
        };
        let other_place = self
            .found
            .places
            .iter()
            .any(|p| p.0 >= range.start && p.1 <= pos && !name.contains(p.2.as_str()));
        // Nor when another organisation is named before the figure ("SIDBI
        // chairman Manoj Mittal said the bank had sanctioned ...").
        let other_org =
            self.found.orgs.iter().any(|o| {
                o.name != name && o.spans.iter().any(|&(s, e)| s >= range.start && e <= pos)
            });
        self.carried = true;
        (!other_place && !other_org).then_some(name)
    }

    /// True when the sentence `range` is about a place named before the
    /// figure at `pos`: the place in the possessive ("Noida's makers") or
    /// opening the sentence ("Surat exporters said ..."); "In Hajipur, the
    /// company ..." is not.
    fn place_leads(&self, range: &Range<usize>, pos: usize, sent: &Sentence) -> bool {
        self.found.places.iter().any(|p| {
            if p.0 < range.start || p.1 > pos {
                return false;
            }
            let after = sent.text.get(p.1 - range.start..).unwrap_or("");
            let before = sent.text.get(..p.0 - range.start).unwrap_or("");
            after.starts_with("'s ")
                || after.starts_with("’s ")
                || before
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .is_empty()
        })
    }

    /// True when every mention of the organisation `name` in the sentence
    /// `range` follows "according to" (it is cited, not described).
    fn cited(&self, name: &str, range: &Range<usize>, sentence: &str) -> bool {
        let Some(o) = self.found.orgs.iter().find(|o| o.name == name) else {
            return false;
        };
        let mut inside = o
            .spans
            .iter()
            .filter(|&&(s, e)| s >= range.start && e <= range.end)
            .peekable();
        inside.peek().is_some()
            && inside.all(|&(s, _)| {
                let before = sentence.get(..s - range.start).unwrap_or("").trim_end();
                // "(MPEDA)" right after the cited name is the same citation.
                if before.ends_with('(') {
                    return true;
                }
                let before = before.strip_suffix(" the").unwrap_or(before);
                before
                    .as_bytes()
                    .get(before.len().saturating_sub(12)..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(b"according to"))
            })
    }

    /// Notes the organisations a sentence names (for later anaphora).
    /// (A body only cited for a figure is not one.)
    fn see(&mut self, range: &Range<usize>, sentence: &str) {
        // (The first named is the sentence's subject as a rule; one named
        // later is more often a partner, a lender or a buyer.)
        if let Some(o) = org_in(&self.found.orgs, self.spans.as_deref(), range, range.start)
            && self.recent.as_deref() != Some(o)
            && !self.cited(o, range, sentence)
        {
            self.recent = Some(o.to_string());
        }
    }
}

/// A rate period ("month", "year", "day", ...), as opposed to a unit of
/// goods ("unit", "piece", "kg").
fn is_time_period(per: &str) -> bool {
    matches!(
        per,
        "year" | "month" | "week" | "day" | "hour" | "quarter" | "season" | "shift" | "annum"
    )
}

fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// A unit that counts jobs.
fn is_job_unit(unit_l: &str) -> bool {
    JOB_WORDS.in_text(unit_l) != 0
}

/// The words of a unit that counts jobs.
static JOB_WORDS: Needles = Needles::new(&["job", "employment", "opportunit"]);

/// A unit of time or length (no metric of its own).
fn is_time_or_length(unit_l: &str) -> bool {
    matches!(
        unit_l,
        "month"
            | "months"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "km"
            | "m"
            | "cm"
            | "mm"
            | "mile"
            | "miles"
    )
}

/// The words before a figure that cue a goods metric: export (bit 0),
/// shipped and supplied (bits 1-2), making (bits 3-7), capacity (bit 8).
static GOODS_CUES: Needles = Needles::new(&[
    "export",
    "shipped",
    "supplied",
    "manufactur",
    "produc",
    "output",
    "make",
    "made",
    "capacity",
]);

/// The nouns that end a [`CAPACITY`] match.
static PLANT_WORDS: Needles = Needles::new(&["facility", "plant", "capacity", "unit"]);

/// False when [`CAPACITY`] cannot match `post`: its match holds only
/// lower-case ASCII letters, '-' and white space from the start, and ends
/// with one of [`PLANT_WORDS`].
fn may_name_a_plant(post: &str) -> bool {
    let run = post
        .bytes()
        .position(|b| {
            !(b.is_ascii_lowercase()
                || b == b'-'
                || b.is_ascii_whitespace()
                || b == 0x0b
                || !b.is_ascii())
        })
        .unwrap_or(post.len());
    PLANT_WORDS.in_text(&post[..run]) != 0
}

/// The metric of quantity `q` in its sentence, if the words say one.
/// `buf` is scratch space, reused between calls.
#[inline(never)]
fn metric(
    q: &Quantity,
    text: &str,
    range: &Range<usize>,
    sent: &Sentence,
    buf: &mut String,
) -> Option<String> {
    let unit = q.unit.as_deref().unwrap_or_default();
    let unit_l: Cow<str> = if unit
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(unit.to_lowercase())
    } else {
        Cow::Borrowed(unit)
    };
    let unit_l = unit_l.as_ref();
    let heading = sent.heading_lower();
    let figure_alone = || {
        text[range.clone()]
            .replace(q.text.as_str(), " ")
            .split_whitespace()
            .nth(2)
            .is_none()
    };
    // A figure written without words has no unit or the one its heading
    // gave it.
    let bare = !q.text.chars().any(char::is_alphabetic);
    if bare && !heading.is_empty() && figure_alone() {
        // A bare figure under a field heading ("Total energy consumption
        // (toe)" then "1093900"): the heading is the metric. A figure in a
        // sentence of its own under a heading is not one.
        let cleaned = heading.split('(').next().unwrap_or("").trim().to_string();
        return (!cleaned.is_empty()).then_some(cleaned);
    }
    let pre_start = q.start.saturating_sub(80).max(range.start);
    let pre_start = (pre_start..=q.start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(q.start);
    let post_end = (q.end + 80).min(range.end).max(q.end);
    let post_end = (post_end..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    // `buf` holds "{heading} {words before} {words after}" in lower case:
    // `pre` is the part up to the figure, `post` the part after it.
    buf.clear();
    buf.push_str(heading);
    buf.push(' ');
    sent.push_lower_part(buf, text, range.start, pre_start..q.start);
    let pre_len = buf.len();
    buf.push(' ');
    sent.push_lower_part(buf, text, range.start, q.end..post_end);
    let window = buf.as_str();
    let pre = &window[..pre_len];
    let post = &window[pre_len + 1..];
    let last_year = || if sent.last_year() { " last year" } else { "" };
    if unit_l == "year" {
        return FOUNDED.is_match(pre).then(|| "founded".to_string());
    }
    if unit_l == "degc" || unit_l == "degf" {
        let m = if pre.contains("as low as") || pre.contains("minimum") || pre.contains("down to") {
            "minimum operating temperature"
        } else if pre.contains("as high as") || pre.contains("maximum") || pre.contains("up to") {
            "maximum operating temperature"
        } else if ["withstand", "rated", "resist", "operat", "work in"]
            .iter()
            .any(|w| sent.has(w))
        {
            "temperature"
        } else {
            // Weather ("summer temperatures touch 46 degrees Celsius") or a
            // process figure: no fact about an organisation.
            return None;
        };
        return Some(m.to_string());
    }
    if unit_l == "percent" {
        // The words near the figure: the end of `pre`, a space and `post`.
        // A word without a space found there is in the sentence or its
        // heading (lower-casing a part of the sentence gives the same ASCII
        // letters as lower-casing all of it), so only "of whom" across the
        // figure ("of" + " " + "whom") is asked of them.
        let workforce = || {
            let near_end = pre[floor_char_boundary(pre, pre.len().saturating_sub(40))..]
                .trim_start_matches(|c: char| !c.is_ascii());
            [
                "employees",
                "workforce",
                "workers",
                "staff",
                "of whom",
                "individuals",
                "employ",
            ]
            .iter()
            .any(|w| sent.has(w))
                || near_end.ends_with("of") && post.starts_with("whom")
        };
        // " women" also covers "are women" and a list starting with it.
        for (group, spaced, first) in [
            ("women", [" women", " female"], "women"),
            ("men", [" men ", " male"], "men "),
        ] {
            if spaced.iter().any(|w| post.contains(w))
                && post.find(first).is_some_and(|p| p < 50)
                && workforce()
            {
                return Some(format!("{group} share of employees"));
            }
        }
        // ("grow" also covers "growth".)
        if ["increase", "rise", "grow", "jump"]
            .iter()
            .any(|w| sent.has_word_start(w))
        {
            let planned = if ["plan", "target", "aim", "expect"]
                .iter()
                .any(|w| sent.has(w))
            {
                "planned "
            } else {
                ""
            };
            let topic = if sent.has("export") || sent.exporting() {
                "export "
            } else {
                ""
            };
            return Some(format!("{planned}{topic}increase"));
        }
        return None;
    }
    if is_currency(unit) {
        // An amount per unit, piece or tonne is a price, a tariff or a cap,
        // never a total such as an export value or an investment.
        if q.per.as_deref().is_some_and(|p| !is_time_period(p)) {
            return ["price", "priced", "cost", "sells", "sold"]
                .iter()
                .any(|w| sent.has_word_start(w))
                .then(|| "price".to_string());
        }
        if window.contains("invest") || window.contains("commitment") {
            return Some(
                if pre.contains("approv") && APPROVED.is_match(pre) {
                    "approved investment"
                } else {
                    "investment"
                }
                .to_string(),
            );
        }
        if sent.has("turnover") {
            return Some("turnover".into());
        }
        // "a Rs 3,250 crore solar glass plant", "put Rs 212 crore into a
        // cold storage unit": what a facility costs is an investment.
        let after_amount = text.get(q.end..range.end.min(q.end + 64)).unwrap_or("");
        let mut facility = false;
        for (k, w) in after_amount.split_whitespace().take(7).enumerate() {
            let w = w.trim_end_matches(',');
            if !w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                break;
            }
            // "Rs 5 crore to the unit", "a Rs 5 crore loss at the plant".
            if k == 0 && matches!(w, "to" | "from" | "by" | "of")
                || matches!(
                    w,
                    "loss"
                        | "losses"
                        | "revenue"
                        | "turnover"
                        | "profit"
                        | "sales"
                        | "subsidy"
                        | "grant"
                        | "loan"
                        | "fine"
                        | "penalty"
                        | "dues"
                        | "price"
                        | "exports"
                        | "export"
                        | "worth"
                )
            {
                break;
            }
            if matches!(
                w,
                "plant"
                    | "unit"
                    | "facility"
                    | "factory"
                    | "mill"
                    | "project"
                    | "refinery"
                    | "park"
                    | "complex"
                    | "warehouse"
            ) {
                facility = true;
                break;
            }
        }
        if facility {
            return Some("investment".into());
        }
        // "The nearly Rs 12,000 crore finished leather industry": what the
        // whole trade is worth.
        let after_q = text.get(q.end..range.end.min(q.end + 48)).unwrap_or("");
        let sized = after_q
            .split_whitespace()
            .take(4)
            .take_while(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            .any(|w| matches!(w, "industry" | "sector" | "market" | "business" | "trade"));
        // (Not "Rs 500 crore in the textile industry".)
        let first = after_q.split_whitespace().next().unwrap_or("");
        if sized
            && !matches!(
                first,
                "in" | "of" | "for" | "to" | "into" | "from" | "by" | "on"
            )
        {
            return Some("size".into());
        }
        if window.contains("production value")
            || window.contains("value of production")
            || window.contains("output value")
        {
            return Some(
                if sent.projected() {
                    "projected production value"
                } else {
                    "production value"
                }
                .to_string(),
            );
        }
        if window.contains("revenue") || window.contains("sales") {
            return Some("revenue".into());
        }
        // Money spent is no export value, even in a sentence about exporters.
        if ["spent", "spend", "spending", "expenditure"]
            .iter()
            .any(|w| pre.contains(w))
        {
            return None;
        }
        if sent.has("export") || sent.exporting() {
            return Some(format!("export value{}", last_year()));
        }
        if window.contains("loss") {
            return Some("loss".into());
        }
        return None;
    }
    if is_job_unit(unit_l) {
        return Some("jobs".into());
    }
    if PEOPLE_UNITS.contains(&unit_l) {
        if sent.has("employs")
            || sent.has("employees")
            || sent.has("workforce")
            || sent.has("staff strength")
        {
            return Some("employees".into());
        }
        // "a plant ..., which will employ 2,100 people": the jobs it makes.
        if [
            "will employ",
            "to employ",
            "would employ",
            "shall employ",
            "hire",
            "recruit",
        ]
        .iter()
        .any(|w| pre.contains(w))
        {
            return Some("jobs".into());
        }
        if sent.has("employment") {
            let direct = if pre.contains("direct employment") {
                "direct "
            } else {
                ""
            };
            return Some(format!("{direct}employment"));
        }
        if sent.has("jobs") {
            return Some("jobs".into());
        }
        // Otherwise a count of people like any count ("close to 5,400
        // workers", "over 38,000 farmers"): the count noun is the metric.
    }
    if is_time_or_length(unit_l) {
        return None;
    }
    // Only the words since the previous figure cue a goods metric.
    let pre = match pre.bytes().rposition(|b| b.is_ascii_digit() || b == b';') {
        Some(i) => &pre[i + 1..],
        None => pre,
    };
    // Goods and physical units (people units were dealt with above).
    if (q.per.is_some() || !unit.is_empty())
        && post.starts_with(char::is_whitespace)
        && may_name_a_plant(post)
        && let Some(c) = CAPACITY
            .captures(post)
            .and_then(|c| c.get(1).map(|m| m.as_str().trim()))
    {
        let storage = if post.contains("storage") {
            " storage"
        } else {
            ""
        };
        return Some(if c.is_empty() {
            "capacity".to_string()
        } else {
            format!("{c}{storage} capacity")
        });
    }
    let in_pre = GOODS_CUES.in_text(pre);
    if in_pre & 1 != 0 && sent.exporting() || in_pre & 0b110 != 0 {
        return Some(format!("exports{}", last_year()));
    }
    // ("make" also covers "makes".)
    if in_pre & 0b1111_1000 != 0 {
        return Some(
            if sent.projected() {
                "projected output"
            } else {
                "production"
            }
            .to_string(),
        );
    }
    // "capacity" near the figure, not anywhere in the sentence ("a hall
    // (capacity of 500 seats) and a guest house of 102 rooms").
    if in_pre & 0b1_0000_0000 != 0 || post[..floor_char_boundary(post, 30)].contains("capacity") {
        return Some("capacity".into());
    }
    // A bare count in a sentence about how many are employed: "the number
    // of people employed would go up to 45,000 from the present 31,600".
    if unit.is_empty()
        && q.value >= 10.0
        && q.value.fract() == 0.0
        && EMPLOYMENT_WORDS.is_match(&sent.lower().with_heading)
    {
        let own = q.text.to_lowercase();
        let rising = ["up to", "rise to", "increase to", "grow to", "reach"]
            .iter()
            .any(|w| pre.contains(w) || own.contains(w));
        return Some(
            if rising && projected_words(sent) {
                "projected employment"
            } else {
                "employment"
            }
            .to_string(),
        );
    }
    if unit.is_empty() {
        return None;
    }
    // "expand its cement unit to 4.5 million tonnes per annum": an amount
    // of goods a year from a plant is what the plant can make.
    let mass = matches!(unit, "tonne" | "kg" | "g" | "lb" | "litre");
    let plant_words = ["plant", "unit", "facility", "factory", "mill", "refinery"];
    if mass
        && q.per.as_deref().is_some_and(is_time_period)
        && plant_words.iter().any(|w| sent.has_word_start(w))
    {
        return Some("capacity".into());
    }
    // Land: "2.5 acres of government land".
    if matches!(unit, "acre" | "hectare" | "sqft" | "sqm" | "sqkm") {
        return Some(if sent.has("land") { "land" } else { "area" }.into());
    }
    // A count of things: the count noun phrase is the metric
    // ("459 operational units"). (No other letter lower-cases into "per",
    // "a" or "an", so comparing ASCII letters is enough.)
    let mut noun = String::new();
    // (Past the qualifier and the figure, in digits or in words: "about
    // two lakh tonnes".)
    let number_word = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w.to_ascii_lowercase().as_str(),
                "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "eleven"
                    | "twelve"
                    | "twenty"
                    | "thirty"
                    | "forty"
                    | "fifty"
                    | "sixty"
                    | "seventy"
                    | "eighty"
                    | "ninety"
                    | "hundred"
                    | "dozen"
                    | "half"
                    | "a"
                    | "and"
            )
    };
    for w in q
        .text
        .split_whitespace()
        .skip_while(|w| !number_word(w))
        .skip_while(|w| number_word(w))
        // The rate is the fact's `per`: "8,000 youths a year" counts youths.
        .take_while(|w| {
            ![
                "per", "a", "an", "every", "each", "annually", "monthly", "daily",
            ]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
                && !w.starts_with('/')
        })
        // Scale words are part of the figure ("34.6 lakh registered MSMEs").
        .filter(|w| {
            ![
                "lakh", "lakhs", "lac", "lacs", "crore", "crores", "million", "billion",
                "thousand", "hundred", "trillion",
            ]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
        })
    {
        if !noun.is_empty() {
            noun.push(' ');
        }
        noun.push_str(w);
    }
    if matches!(unit, "MW" | "GW" | "kW") {
        // A power figure for a plant or a park is its capacity.
        return Some("capacity".to_string());
    }
    if noun.is_empty() {
        Some(format!("number of {}", lower_but_acronyms(unit)))
    } else {
        Some(lower_but_acronyms(&noun))
    }
}

/// `s` in lower case but for acronyms ("MSME units", "TEEs"), kept as
/// written.
fn lower_but_acronyms(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let caps = w.strip_suffix('s').unwrap_or(w);
        if (2..=5).contains(&caps.len()) && caps.bytes().all(|b| b.is_ascii_uppercase()) {
            out.push_str(w);
        } else if w.is_ascii() {
            let from = out.len();
            out.push_str(w);
            out[from..].make_ascii_lowercase();
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
    out
}

/// Finds the facts of one article.
pub(crate) fn find_facts(text: &str, found: &Found, quantities: &[Quantity]) -> Vec<Fact> {
    let sents = &found.sentences;
    let mut subjects = Subjects {
        found,
        spans: subject_spans(&found.orgs),
        clusters: clusters(text, found),
        recent: None,
        carried: false,
    };
    let mut facts: Vec<Fact> = Vec::new();
    let mut buf = String::new();
    let mut spare = String::new();
    // Export verbs, found once over the whole text.
    // Cues of markets sought, and the export verbs outside them.
    let cues = talk_cues(text);
    let verbs = export_verbs(text, &cues);
    let mut vi = 0;
    let mut ci = 0;
    let mut qi = 0;
    for (si, range) in sents.iter().enumerate() {
        let sentence = &text[range.clone()];
        let v_lo = vi + verbs[vi..].partition_point(|v| v.start < range.start);
        let v_hi = v_lo + verbs[v_lo..].partition_point(|v| v.start < range.end);
        vi = v_hi;
        let c_lo = ci + cues[ci..].partition_point(|c| c.start < range.start);
        let c_hi = c_lo + cues[c_lo..].partition_point(|c| c.start < range.end);
        ci = c_hi;
        let has_quantity = quantities
            .get(qi..)
            .unwrap_or_default()
            .iter()
            .take_while(|q| q.start < range.end)
            .any(|q| q.start >= range.start);
        if !has_quantity && v_lo == v_hi && c_lo == c_hi {
            // Skip the quantities that fall between sentences.
            while qi < quantities.len() && quantities[qi].start < range.end {
                qi += 1;
            }
            subjects.see(range, sentence);
            continue;
        }
        // The previous line when it is a short field heading.
        let heading = si
            .checked_sub(1)
            .and_then(|p| sents.get(p))
            .map(|p| text[p.clone()].trim())
            .filter(|h| {
                h.len() > 2
                    && !h.ends_with(['.', '!', '?', '"', '\u{201d}'])
                    && h.split_whitespace().nth(8).is_none()
                    && !h.bytes().any(|c| c.is_ascii_digit())
            })
            .unwrap_or("");
        let sent = Sentence::new(sentence, heading, std::mem::take(&mut spare));
        // Quantities of this sentence.
        while qi < quantities.len() && quantities[qi].start < range.end {
            let q = &quantities[qi];
            qi += 1;
            if q.start < range.start {
                continue;
            }
            let Some(metric) = metric(q, text, range, &sent, &mut buf) else {
                continue;
            };
            let Some(subject) = subjects.at(range, q.start, &sent) else {
                continue;
            };
            // A count of other things ("three toddlers", "six suggestions")
            // in a sentence that does not name the subject is not about it.
            if subjects.carried && !counts_of_industry(q, &metric) {
                continue;
            }
            facts.push(Fact {
                subject,
                metric,
                value: FactValue::Number(q.value),
                unit: q.unit.clone(),
                per: q.per.clone(),
                sentence: sentence.to_string(),
                derived: false,
                derivation: None,
                start: q.start,
                end: q.end,
            });
        }
        destinations(
            text,
            range,
            found,
            &verbs[v_lo..v_hi],
            &sent,
            &mut subjects,
            &mut facts,
        );
        sought_markets(
            text,
            range,
            found,
            &cues[c_lo..c_hi],
            &sent,
            &mut subjects,
            &mut facts,
        );
        locations(text, range, found, &mut facts);
        subjects.see(range, sentence);
        spare = sent.into_spare();
    }
    drop_repeats(&mut facts);
    derive(&mut facts);
    derive_rates_and_changes(text, quantities, &mut facts);
    facts
}

/// The stems of the export verbs (see [`EXPORT_VERB_FORMS`]); none
/// overlaps another or itself.
static EXPORT_STEMS: LazyLock<Option<packed::Searcher>> = LazyLock::new(|| {
    // (Leftmost matching finds the same stems here: none starts another.)
    packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(["export", "ship", "suppl", "sell", "sold"])
        .build()
});

/// The words [`EXPORT_VERB`] matches, as whole ASCII words in any text.
const EXPORT_VERB_FORMS: &[&str] = &[
    "export",
    "exports",
    "exported",
    "exporting",
    "ship",
    "ships",
    "shipped",
    "supply",
    "supplies",
    "supplied",
    "sell",
    "sells",
    "sold",
];

/// Hands `each` the places where [`EXPORT_VERB`] matches in `text`, in
/// order, until it returns false: the whole ASCII words (runs of letters,
/// digits and '_') that are one of [`EXPORT_VERB_FORMS`], found from their
/// stems.
fn each_export_verb(text: &str, mut each: impl FnMut(Range<usize>) -> bool) {
    let Some(stems) = EXPORT_STEMS.as_ref() else {
        for m in EXPORT_VERB.find_iter(text) {
            if !each(m.range()) {
                return;
            }
        }
        return;
    };
    let b = text.as_bytes();
    let is_w = |c: u8| WORD_BYTE[usize::from(c)];
    for m in stems.find_iter(b) {
        let (s, mut e) = (m.start(), m.end());
        if s > 0 && is_w(b[s - 1]) {
            continue;
        }
        while e < b.len() && is_w(b[e]) {
            e += 1;
        }
        if EXPORT_VERB_FORMS.iter().any(|f| f.as_bytes() == &b[s..e]) && !each(s..e) {
            return;
        }
    }
}

/// True when [`EXPORT_VERB`] matches in `text`.
fn has_export_verb(text: &str) -> bool {
    let mut found = false;
    each_export_verb(text, |_| {
        found = true;
        false
    });
    found
}

/// The export verbs of `text` outside the `cues`.
#[inline(never)]
fn export_verbs(text: &str, cues: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut verbs = Vec::new();
    each_export_verb(text, |v| {
        let i = cues.partition_point(|c| c.end <= v.start);
        if cues.get(i).is_none_or(|c| c.start > v.start) {
            verbs.push(v);
        }
        true
    });
    verbs
}

/// Drops repeats (a repeated passage says the same thing twice).
#[inline(never)]
fn drop_repeats(facts: &mut Vec<Fact>) {
    fn key(f: &Fact) -> FactKey<'_> {
        (
            f.subject.as_str(),
            f.metric.as_str(),
            value_key(&f.value),
            f.unit.as_deref(),
            f.per.as_deref(),
        )
    }
    let keep: Vec<bool> = if facts.len() <= 48 {
        // Few facts: comparing each with those before it is cheaper than
        // hashing (the value, compared first, mostly differs).
        let keys: Vec<FactKey> = facts.iter().map(key).collect();
        (0..keys.len())
            .map(|i| {
                let k = &keys[i];
                !keys[..i].iter().any(|o| o.2 == k.2 && o == k)
            })
            .collect()
    } else {
        let mut seen: FxSet<FactKey> = FxSet::default();
        facts.iter().map(|f| seen.insert(key(f))).collect()
    };
    let mut keep = keep.into_iter();
    facts.retain(|_| keep.next().unwrap_or(true));
}

/// What makes two facts the same: subject, metric, value, unit, period.
type FactKey<'a> = (
    &'a str,
    &'a str,
    ValueKey<'a>,
    Option<&'a str>,
    Option<&'a str>,
);

/// A value as the reader sees it: a number rounded as
/// [`format_number`] shows it (four decimals), or the text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ValueKey<'a> {
    Number(bool, u64),
    Text(&'a str),
}

fn value_key(v: &FactValue) -> ValueKey<'_> {
    match v {
        FactValue::Number(n) if n.is_finite() => {
            let rounded = (n.abs() * 10_000.0).round() / 10_000.0;
            ValueKey::Number(*n < 0.0, rounded.to_bits())
        }
        FactValue::Number(n) => ValueKey::Number(false, n.to_bits()),
        FactValue::Text(t) => ValueKey::Text(t),
    }
}

/// "exports designer shoes to Italy, France, Spain and the UK" -> one
/// "export destination" fact per place of the list after the verb's "to".
#[inline(never)]
fn destinations(
    text: &str,
    range: &Range<usize>,
    found: &Found,
    verbs: &[Range<usize>],
    sent: &Sentence,
    subjects: &mut Subjects,
    facts: &mut Vec<Fact>,
) {
    let sentence = sent.text;
    for verb in verbs {
        let after = verb.end;
        // The first " to " after the verb, within a few words.
        let Some(to_rel) = find_to(&text.as_bytes()[after..range.end]) else {
            continue;
        };
        if text[after..after + to_rel].split_whitespace().count() > 8
            || text[after..after + to_rel].contains([',', ';'])
        {
            continue;
        }
        let list = place_list(text, after + to_rel + 4, range, found);
        if list.is_empty() {
            continue;
        }
        let Some(subject) = subjects.at(range, verb.start, sent) else {
            continue;
        };
        push_places(facts, &subject, "export destination", list, sentence);
        return;
    }
    buyer_countries(text, range, found, sent, subjects, facts);
}

/// Words after which a list of countries names where the goods go:
/// "buyers in the US, Germany and Japan", "orders from Germany".
const BUYER_CUES: [&str; 7] = [
    "buyers in ",
    "buyers from ",
    "importers in ",
    "customers in ",
    "orders from ",
    "markets such as ",
    "markets like ",
];

/// Export destinations named by the buyers there (see [`BUYER_CUES`]):
/// countries and regions abroad only ("buyers in Delhi" is a home market).
fn buyer_countries(
    text: &str,
    range: &Range<usize>,
    found: &Found,
    sent: &Sentence,
    subjects: &mut Subjects,
    facts: &mut Vec<Fact>,
) {
    // Most sentences name no place abroad: nothing to search for.
    let lo = found.places.partition_point(|p| p.0 < range.start);
    let hi = found.places.partition_point(|p| p.0 < range.end);
    let abroad_named = found.places[lo..hi].iter().any(|p| {
        crate::gazetteer::GAZETTEER
            .lookup(&p.2)
            .is_some_and(|g| !g.country.is_empty() && g.country != "IN")
    });
    if !abroad_named {
        return;
    }
    let lower = sent.lower();
    if !lower.mappable {
        return;
    }
    let own = &lower.with_heading[lower.lower_start..];
    for cue in BUYER_CUES {
        let Some(i) = own.find(cue) else {
            continue;
        };
        let pos = range.start + i + cue.len();
        let abroad: Vec<(usize, usize, String)> = place_list(text, pos, range, found)
            .into_iter()
            .take_while(|(_, _, name)| {
                crate::gazetteer::GAZETTEER
                    .lookup(name)
                    .is_some_and(|p| !p.country.is_empty() && p.country != "IN")
            })
            .collect();
        if abroad.is_empty() {
            continue;
        }
        let Some(subject) = subjects.at(range, pos, sent) else {
            return;
        };
        push_places(facts, &subject, "export destination", abroad, sent.text);
        return;
    }
}

/// One fact per place of `list` (start, end, name): `subject`'s `metric` is
/// that place, read from `sentence`.
fn push_places(
    facts: &mut Vec<Fact>,
    subject: &str,
    metric: &str,
    list: Vec<(usize, usize, String)>,
    sentence: &str,
) {
    for (start, end, name) in list {
        facts.push(Fact {
            subject: subject.to_string(),
            metric: metric.to_string(),
            value: FactValue::Text(name),
            unit: None,
            per: None,
            sentence: sentence.to_string(),
            derived: false,
            derivation: None,
            start,
            end,
        });
    }
}

/// Where " to " first stands in `hay` (a short search: no set-up).
fn find_to(hay: &[u8]) -> Option<usize> {
    hay.windows(4).position(|w| w == b" to ")
}

/// The places listed from `pos` on ("Italy, France, Spain and the UK"),
/// within the sentence `range`: the first must follow at once (or after
/// "the"), the others after a comma, "and" or "or".
fn place_list(
    text: &str,
    mut pos: usize,
    range: &Range<usize>,
    found: &Found,
) -> Vec<(usize, usize, String)> {
    let mut list: Vec<(usize, usize, String)> = Vec::new();
    let lo = found.places.partition_point(|p| p.0 < pos);
    let hi = found.places.partition_point(|p| p.0 < range.end);
    for p in found.places[lo..hi].iter().filter(|p| p.1 <= range.end) {
        let gap = text[pos..p.0].trim();
        let gap_ok = if list.is_empty() {
            matches!(gap, "" | "the")
        } else {
            matches!(
                gap,
                "," | "and" | ", and" | "and the" | ", and the" | "the" | "or" | ", or" | ", the"
            )
        };
        if !gap_ok {
            break;
        }
        list.push(p.clone());
        pos = p.1;
    }
    list
}

/// "with talks underway to expand to Belgium", "plans to export to Peru",
/// "exploring opportunities in Europe": one "export destination (in talks)"
/// fact per place listed right after the cue.
#[inline(never)]
fn sought_markets(
    text: &str,
    range: &Range<usize>,
    found: &Found,
    cues: &[Range<usize>],
    sent: &Sentence,
    subjects: &mut Subjects,
    facts: &mut Vec<Fact>,
) {
    for cue in cues {
        let list = place_list(text, cue.end, range, found);
        if list.is_empty() {
            continue;
        }
        let Some(subject) = subjects.at(range, cue.start, sent) else {
            continue;
        };
        push_places(
            facts,
            &subject,
            "export destination (in talks)",
            list,
            sent.text,
        );
    }
}

/// An investment sentence that names a place after "in" or "at": the place
/// is the subject's location.
#[inline(never)]
fn locations(text: &str, range: &Range<usize>, found: &Found, facts: &mut Vec<Fact>) {
    let Some(inv) = facts
        .iter()
        .rev()
        .take_while(|f| f.start >= range.start)
        .find(|f| f.metric.contains("investment") && f.end <= range.end)
        .cloned()
    else {
        return;
    };
    let is_org = found
        .orgs
        .iter()
        .any(|o| o.name == inv.subject && o.company);
    if !is_org {
        return;
    }
    let lo = found.places.partition_point(|p| p.0 < range.start);
    let hi = found.places.partition_point(|p| p.0 < range.end);
    for p in found.places[lo..hi].iter().filter(|p| p.1 <= range.end) {
        // "a plant in Barmer", "a unit at Sri Ganganagar".
        let before = &text[..p.0];
        if before.ends_with(" in ") || before.ends_with(" at ") {
            facts.push(Fact {
                subject: inv.subject.clone(),
                metric: "location".into(),
                value: FactValue::Text(p.2.clone()),
                unit: None,
                per: None,
                sentence: text[range.clone()].to_string(),
                derived: false,
                derivation: None,
                start: p.0,
                end: p.1,
            });
            break;
        }
    }
}

/// share % x total: "70% of 300 employees = 210" women, and the rest men.
#[inline(never)]
fn derive(facts: &mut Vec<Fact>) {
    let mut new = Vec::new();
    for share in facts
        .iter()
        .filter(|f| f.metric.ends_with(" share of employees") && !f.derived)
    {
        let Some(p) = share.value.as_number() else {
            continue;
        };
        let group = share.metric.trim_end_matches(" share of employees");
        let Some(total) = facts
            .iter()
            .filter(|f| f.subject == share.subject && f.metric == "employees" && !f.derived)
            .find_map(|f| f.value.as_number().map(|v| (v, f.unit.clone())))
        else {
            continue;
        };
        let (t, unit) = total;
        let part = (p * t / 100.0).round();
        let other = if group == "women" { "men" } else { "women" };
        let unit_word = unit.clone().unwrap_or_else(|| "employees".into());
        let (p_s, t_s, part_s) = (format_number(p), format_number(t), format_number(part));
        new.push(Fact {
            subject: share.subject.clone(),
            metric: format!("{group} employees"),
            value: FactValue::Number(part),
            unit: unit.clone(),
            per: None,
            sentence: share.sentence.clone(),
            derived: true,
            derivation: Some(format!("{p_s}% of {t_s} {unit_word} = {part_s}")),
            start: share.start,
            end: share.end,
        });
        new.push(Fact {
            subject: share.subject.clone(),
            metric: format!("{other} employees"),
            value: FactValue::Number(t - part),
            unit,
            per: None,
            sentence: share.sentence.clone(),
            derived: true,
            derivation: Some(format!(
                "{t_s} {unit_word} - {part_s} {group} = {}",
                format_number(t - part)
            )),
            start: share.start,
            end: share.end,
        });
    }
    facts.extend(new);
}

/// A value rounded to one decimal place, as a reader would quote a ratio.
fn one_decimal(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Facts that follow from pairs of read facts:
/// - an amount given in rupees and in another currency
///   (`Rs 180 crore ($21.5 million)`) gives the exchange rate the article
///   used, so that a reader can check its conversion;
/// - a value set against an earlier one in the same sentence ("Rs 418.6
///   crore, up from Rs 366.5 crore"; "from Rs 2,000 to Rs 700") gives the
///   rise or fall and its percentage.
#[inline(never)]
fn derive_rates_and_changes(text: &str, quantities: &[Quantity], facts: &mut Vec<Fact>) {
    let mut new = Vec::new();
    let read_at = |start: usize| facts.iter().find(|f| !f.derived && f.start == start);
    for (i, a) in quantities.iter().enumerate() {
        let Some(b) = a.same_as.filter(|&j| j > i).and_then(|j| quantities.get(j)) else {
            continue;
        };
        let (rupees, other) = match (a.unit.as_deref(), b.unit.as_deref()) {
            (Some("INR"), Some(_)) => (a, b),
            (Some(_), Some("INR")) => (b, a),
            _ => continue,
        };
        let Some(currency) = other.unit.as_deref() else {
            continue;
        };
        let Some(fact) = read_at(rupees.start).or_else(|| read_at(other.start)) else {
            continue;
        };
        if other.value <= 0.0 {
            continue;
        }
        let rate = one_decimal(rupees.value / other.value);
        new.push(Fact {
            subject: fact.subject.clone(),
            metric: format!("implied exchange rate (INR per {currency})"),
            value: FactValue::Number(rate),
            unit: None,
            per: None,
            sentence: fact.sentence.clone(),
            derived: true,
            derivation: Some(format!(
                "{} INR / {} {currency} = {}",
                format_number(rupees.value),
                format_number(other.value),
                format_number(rate)
            )),
            start: fact.start,
            end: fact.end,
        });
    }
    let read: Vec<&Fact> = facts.iter().filter(|f| !f.derived).collect();
    for (i, first) in read.iter().enumerate() {
        let Some(second) = read.get(i + 1) else {
            break;
        };
        let same = first.subject == second.subject
            && first.metric == second.metric
            && first.unit == second.unit
            && first.per == second.per
            && first.sentence == second.sentence
            && first.end <= second.start
            && first.unit.as_deref() != Some("year")
            && first.metric != "founded";
        let (Some(v1), Some(v2)) = (first.value.as_number(), second.value.as_number()) else {
            continue;
        };
        if !same || v1 == v2 {
            continue;
        }
        let Some((old, new_value)) = change_order(text, first, second, v1, v2) else {
            continue;
        };
        if old == 0.0 {
            continue;
        }
        let diff = new_value - old;
        let way = if diff > 0.0 { "increase" } else { "decrease" };
        let unit_word = first.unit.clone().unwrap_or_default();
        let (o, n, d) = (
            format_number(old),
            format_number(new_value),
            format_number(diff.abs()),
        );
        let percent = first.unit.as_deref() == Some("percent");
        new.push(Fact {
            subject: first.subject.clone(),
            metric: if percent {
                format!("{} {way} (percentage points)", first.metric)
            } else {
                format!("{} {way}", first.metric)
            },
            value: FactValue::Number(diff.abs()),
            unit: first.unit.clone(),
            per: first.per.clone(),
            sentence: first.sentence.clone(),
            derived: true,
            derivation: Some(format!(
                "{n} - {o} {unit_word} = {}{d}",
                if diff < 0.0 { "-" } else { "" }
            )),
            start: first.start,
            end: second.end,
        });
        if !percent {
            let share = one_decimal(diff.abs() / old.abs() * 100.0);
            new.push(Fact {
                subject: first.subject.clone(),
                metric: format!("{} {way} (percent)", first.metric),
                value: FactValue::Number(share),
                unit: Some("percent".into()),
                per: None,
                sentence: first.sentence.clone(),
                derived: true,
                derivation: Some(format!("{d} / {o} = {}%", format_number(share))),
                start: first.start,
                end: second.end,
            });
        }
    }
    facts.extend(new);
}

/// Which of two values of one metric in one sentence is the earlier one:
/// `(old, new)`. The value after "from", "against", "compared with" or
/// "over" is the old one ("Rs 418.6 crore, up from Rs 366.5 crore"; "to
/// 45,000 from the present 31,600"); "from A to B" runs from A to B. `None`
/// when the sentence does not say.
fn change_order(text: &str, first: &Fact, second: &Fact, v1: f64, v2: f64) -> Option<(f64, f64)> {
    let words_before = |at: usize, n: usize| -> Vec<String> {
        let mut from = at.saturating_sub(48);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        text.get(from..at)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .take(n)
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let marks_old = |w: &str| {
        matches!(
            w,
            "from" | "against" | "compared" | "versus" | "vs" | "over"
        )
    };
    let between = text.get(first.end..second.start).unwrap_or("");
    if between.contains(['.', ';', '\n']) && !between.contains(char::is_numeric) {
        return None;
    }
    let before_second = words_before(second.start, 3);
    if before_second.iter().any(|w| marks_old(w)) {
        return Some((v2, v1));
    }
    let before_first = words_before(first.start, 2);
    if before_first.iter().any(|w| w == "from") && before_second.iter().any(|w| w == "to") {
        return Some((v1, v2));
    }
    None
}

/// True when the sentence speaks of the future ("would", "will", "by 2030").
fn projected_words(s: &Sentence) -> bool {
    [
        "would ",
        "will ",
        "expected",
        "projected",
        "target",
        "plans to",
    ]
    .iter()
    .any(|w| s.has(w))
}

/// A few ASCII words looked for at once in a short text: for each byte,
/// the words that start with it (bit `i` for word `i`).
struct Needles {
    words: &'static [&'static str],
    first: [u16; 256],
}

impl Needles {
    /// The set of `words` (at most 16, none empty).
    const fn new(words: &'static [&'static str]) -> Self {
        let mut first = [0u16; 256];
        let mut i = 0;
        while i < words.len() && i < 16 {
            let b = words[i].as_bytes()[0];
            first[b as usize] |= 1 << i;
            i += 1;
        }
        Needles { words, first }
    }

    /// Which of the words `hay` holds (bit `i` for word `i`), in one pass:
    /// the same as asking `hay.contains(word)` of each.
    fn in_text(&self, hay: &str) -> u16 {
        let h = hay.as_bytes();
        let mut found = 0u16;
        for (i, &b) in h.iter().enumerate() {
            let mut m = self.first[usize::from(b)] & !found;
            while m != 0 {
                let k = m.trailing_zeros() as usize;
                m &= m - 1;
                // (Byte by byte: most tries fail at the second byte.)
                if let Some(w) = self.words.get(k)
                    && h.len() - i >= w.len()
                    && w.bytes().zip(&h[i..]).all(|(a, &b)| a == b)
                {
                    found |= 1 << k;
                }
            }
        }
        found
    }
}

/// The largest char boundary of `s` at or below `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::find_entities;

    fn q(text: &str, needle: &str, value: f64, unit: Option<&str>, per: Option<&str>) -> Quantity {
        let start = text.find(needle).unwrap_or(0);
        Quantity {
            text: needle.to_string(),
            value,
            value_max: None,
            unit: unit.map(str::to_string),
            per: per.map(str::to_string),
            qualifier: None,
            start,
            end: start + needle.len(),
            sentence: String::new(),
            same_as: None,
        }
    }

    fn run(text: &str, qs: &[Quantity]) -> Vec<(String, String, String, bool)> {
        let found = find_entities(text);
        find_facts(text, &found, qs)
            .into_iter()
            .map(|f| (f.subject, f.metric, f.value.to_string(), f.derived))
            .collect()
    }

    #[test]
    fn needles_find_what_contains_finds() {
        static WORDS: Needles = Needles::new(&["make", "made", "produc", "export", "ex"]);
        let hays = [
            "",
            "m",
            "mak",
            "the firm makes shoes",
            "was made and exported",
            "re-export of products",
            "exexport",
            "\u{201c}made\u{201d} in \u{20b9} terms",
            "production",
        ];
        for hay in hays {
            let got = WORDS.in_text(hay);
            for (i, w) in WORDS.words.iter().enumerate() {
                assert_eq!(got & (1 << i) != 0, hay.contains(w), "{hay:?} {w}");
            }
        }
    }

    #[test]
    fn export_verbs_are_the_regex_matches() {
        let texts = [
            "It exports shoes, exported boots and is exporting bags to Peru.",
            "Exports rose; the exporter ships, shipped and shipping goods.",
            "relationship ownership _ship ship_ ship2 supply supplies supplied supplier",
            "sells sell sold soldier resell \u{e9}sold sold\u{e9} export-oriented",
            "",
            "sold",
        ];
        for text in texts {
            let want: Vec<Range<usize>> = EXPORT_VERB.find_iter(text).map(|m| m.range()).collect();
            let mut got = Vec::new();
            each_export_verb(text, |v| {
                got.push(v);
                true
            });
            assert_eq!(got, want, "{text}");
            assert_eq!(has_export_verb(text), !want.is_empty(), "{text}");
        }
    }

    #[test]
    fn org_lookup_by_start_agrees_with_each_organisation() {
        let org = |name: &str, spans: &[(usize, usize)], subject: bool| OrgInfo {
            name: name.to_string(),
            spans: spans.to_vec(),
            subject,
            company: subject,
        };
        let orgs = vec![
            org("A", &[(5, 10), (40, 45), (70, 80)], true),
            org("B", &[(5, 12), (30, 35), (60, 65)], true),
            org("C", &[(20, 25), (50, 55)], false),
            org("D", &[(40, 48), (90, 99)], true),
        ];
        let spans = subject_spans(&orgs);
        assert!(spans.is_some());
        for start in [0, 5, 6, 20, 30, 41, 60] {
            for end in [10, 12, 36, 48, 66, 80, 100] {
                for pos in [0, 5, 10, 12, 33, 40, 45, 48, 62, 100] {
                    let range = start..end;
                    assert_eq!(
                        org_in(&orgs, spans.as_deref(), &range, pos),
                        org_in_each(&orgs, &range, pos),
                        "{range:?} {pos}"
                    );
                }
            }
        }
        // Spans out of order: looked at one organisation at a time.
        let unordered = vec![org("E", &[(40, 45), (5, 10)], true)];
        assert!(subject_spans(&unordered).is_none());
    }

    #[test]
    fn no_plant_word_no_capacity_match() {
        let posts = [
            " tonnes storage capacity",
            " crude oil storage facility",
            " sq ft plant",
            " units, capacity",
            " 5 plant",
            " the-new unit",
            " tonnes per day",
            "\u{a0}mw power plant",
            " gross\u{b}unit",
        ];
        for post in posts {
            if CAPACITY.is_match(post) {
                assert!(may_name_a_plant(post), "{post:?}");
            }
        }
        // The filter does turn figures away.
        assert!(!may_name_a_plant(" tonnes per day"));
        assert!(!may_name_a_plant(" 5 plant"));
    }

    /// A fact as the tests compare it: (subject, metric, value).
    type Triple = (String, String, String);

    /// The derived facts of `text`.
    fn derived(text: &str) -> Vec<Triple> {
        let qs = samachar_quantity::extract(text);
        run(text, &qs)
            .into_iter()
            .filter(|f| f.3)
            .map(|f| (f.0, f.1, f.2))
            .collect()
    }

    #[test]
    fn a_count_of_people_without_a_cue_is_a_count() {
        let text = "Toys\n\nThe Channapatna toy cluster has close to 5,400 workers. \
                    Lotus Looms Pvt Ltd employs 200 workers.";
        let qs = samachar_quantity::extract(text);
        let got: Vec<(String, String)> = run(text, &qs).into_iter().map(|f| (f.1, f.2)).collect();
        assert!(got.contains(&("workers".into(), "5,400".into())), "{got:?}");
        assert!(got.contains(&("employees".into(), "200".into())), "{got:?}");
    }

    #[test]
    fn buyers_abroad_name_export_destinations() {
        let text = "Toys\n\nThe Channapatna toy cluster has a turnover of Rs 180 crore, and a growing share \
                    comes from buyers in the US, Germany and Japan. Buyers in Delhi paid Rs 5 crore.";
        let qs = samachar_quantity::extract(text);
        let got: Vec<String> = run(text, &qs)
            .into_iter()
            .filter(|f| f.1 == "export destination")
            .map(|f| f.2)
            .collect();
        assert_eq!(got, vec!["US", "Germany", "Japan"]);
    }

    #[test]
    fn rates_and_changes_are_derived() {
        let firm = "Lotus Pumps Ltd".to_string();
        // (text, derived facts expected)
        let cases: Vec<(&str, Vec<Triple>)> = vec![
            (
                "Lotus Pumps Ltd is in Pune. Lotus Pumps Ltd reported revenue of Rs 418.6 crore, up from Rs 366.5 crore a year ago.",
                vec![
                    (
                        firm.clone(),
                        "revenue increase".into(),
                        "521,000,000".into(),
                    ),
                    (
                        firm.clone(),
                        "revenue increase (percent)".into(),
                        "14.2".into(),
                    ),
                ],
            ),
            (
                "Lotus Pumps Ltd is in Pune. Lotus Pumps Ltd's revenue fell from Rs 50 crore to Rs 40 crore.",
                vec![
                    (
                        firm.clone(),
                        "revenue decrease".into(),
                        "100,000,000".into(),
                    ),
                    (
                        firm.clone(),
                        "revenue decrease (percent)".into(),
                        "20".into(),
                    ),
                ],
            ),
            (
                "Lotus Pumps Ltd is in Pune. Lotus Pumps Ltd will invest Rs 180 crore ($21.5 million) in the plant.",
                vec![(
                    firm.clone(),
                    "implied exchange rate (INR per USD)".into(),
                    "83.7".into(),
                )],
            ),
            // Two values with no word of which came first: nothing derived.
            (
                "Lotus Pumps Ltd is in Pune. Lotus Pumps Ltd reported revenue of Rs 50 crore and Rs 40 crore.",
                vec![],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(derived(text), want, "{text}");
        }
    }

    #[test]
    fn employees_share_and_derived() {
        let text = "Set up in 2011, Lotus Looms Pvt Ltd is in Surat. The company employs 200 workers, \
                    60 per cent of whom are women.";
        let qs = [
            q(text, "2011", 2011.0, Some("year"), None),
            q(text, "200 workers", 200.0, Some("workers"), None),
            q(text, "60 per cent", 60.0, Some("percent"), None),
        ];
        let got = run(text, &qs);
        let s = "Lotus Looms Pvt Ltd".to_string();
        assert_eq!(
            got,
            vec![
                (s.clone(), "founded".into(), "2,011".into(), false),
                (s.clone(), "employees".into(), "200".into(), false),
                (
                    s.clone(),
                    "women share of employees".into(),
                    "60".into(),
                    false
                ),
                (s.clone(), "women employees".into(), "120".into(), true),
                (s.clone(), "men employees".into(), "80".into(), true),
            ]
        );
    }

    #[test]
    fn exports_destinations_and_cluster_output() {
        let text = "Pune-based Lotus Footwear Ltd exports boots to Kenya, Spain and the UK, with talks to expand to Peru. \
                    Last year, they exported 2 million pairs worth Rs 50 crore.\n\n\
                    The state has a toy cluster in Mysore. The cluster is projected to manufacture 5,000 toys per month.";
        let qs = [
            q(text, "2 million pairs", 2e6, Some("pairs"), None),
            q(text, "Rs 50 crore", 5e8, Some("INR"), None),
            q(
                text,
                "5,000 toys per month",
                5000.0,
                Some("toys"),
                Some("month"),
            ),
        ];
        let got = run(text, &qs);
        let s = "Lotus Footwear Ltd".to_string();
        let want = vec![
            (
                s.clone(),
                "export destination".into(),
                "Kenya".into(),
                false,
            ),
            (
                s.clone(),
                "export destination".into(),
                "Spain".into(),
                false,
            ),
            (s.clone(), "export destination".into(), "UK".into(), false),
            (
                s.clone(),
                "export destination (in talks)".into(),
                "Peru".into(),
                false,
            ),
            (
                s.clone(),
                "exports last year".into(),
                "2,000,000".into(),
                false,
            ),
            (
                s.clone(),
                "export value last year".into(),
                "500,000,000".into(),
                false,
            ),
            (
                "Mysore toy cluster".into(),
                "projected output".into(),
                "5,000".into(),
                false,
            ),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn markets_in_talks_are_not_destinations() {
        // (sentence, served destinations, markets sought)
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "Lotus Toys Ltd sells dolls to Kenya and is in talks with buyers to export to Chile and Peru.",
                &["Kenya"],
                &["Chile", "Peru"],
            ),
            (
                "Lotus Toys Ltd plans to export wooden toys to Germany.",
                &[],
                &["Germany"],
            ),
            (
                "Negotiations are underway to expand to Japan, says Lotus Toys Ltd.",
                &[],
                &["Japan"],
            ),
            (
                "Lotus Toys Ltd ships to Nepal. The firm aims to enter Brazil next year.",
                &["Nepal"],
                &["Brazil"],
            ),
            (
                "Lotus Toys Ltd is exploring opportunities in Africa and Australia.",
                &[],
                &["Africa", "Australia"],
            ),
            // No cue: a plant in a place is no market sought.
            (
                "Lotus Toys Ltd plans to expand production in Mysore.",
                &[],
                &[],
            ),
        ];
        for (text, served, sought) in cases {
            let got = run(text, &[]);
            let pick = |m: &str| -> Vec<String> {
                got.iter()
                    .filter(|f| f.1 == m)
                    .map(|f| {
                        assert_eq!(f.0, "Lotus Toys Ltd", "{text}");
                        f.2.clone()
                    })
                    .collect()
            };
            assert_eq!(pick("export destination"), *served, "{text}");
            assert_eq!(pick("export destination (in talks)"), *sought, "{text}");
        }
    }

    #[test]
    fn subjects_without_a_named_company() {
        // (text, figure, value, unit, subject, metric)
        type Case<'a> = (&'a str, &'a str, f64, Option<&'a str>, &'a str, &'a str);
        let cases: &[Case] = &[
            (
                "Exports worth Rs 90 crore were shipped by firms in the Agra-Mathura cluster.",
                "Rs 90 crore",
                9e8,
                Some("INR"),
                "Agra-Mathura cluster",
                "export value",
            ),
            (
                "Kerala's cabinet on Monday approved investments worth Rs 300 crore.",
                "Rs 300 crore",
                3e9,
                Some("INR"),
                "Kerala government",
                "approved investment",
            ),
            (
                "Pune hosted the Lotus Investors Summit. The summit drew commitments worth Rs 80 crore.",
                "Rs 80 crore",
                8e8,
                Some("INR"),
                "Lotus Investors Summit",
                "investment",
            ),
            (
                "Lotus Mills Ltd is in Surat. The number of people employed will go up to 9,000.",
                "up to 9,000",
                9000.0,
                None,
                "Lotus Mills Ltd",
                "projected employment",
            ),
        ];
        for (text, needle, value, unit, subject, metric) in cases {
            let got = run(text, &[q(text, needle, *value, *unit, None)]);
            assert_eq!(
                got.first().map(|f| (f.0.as_str(), f.1.as_str())),
                Some((*subject, *metric)),
                "{text}"
            );
        }
    }

    #[test]
    fn figures_of_another_place_or_body_are_not_the_clusters() {
        // The cluster is named in the second sentence: the first sentence's
        // figure is no fact about it; a later sentence about another
        // district is not either, and one about another body is that body's.
        let text = "The Centre will open 12 training centres in the east. \
                    The Agra shoe cluster employs over 9,000 people. \
                    Last year, Assam's Kamrup district exported tea worth $30 million. \
                    The Rural Credit Bank (RCB) agreed: RCB chairman Vikas Menon said the bank lent to 2,100 enterprises.";
        let qs = [
            q(text, "12 training centres", 12.0, Some("centres"), None),
            q(text, "over 9,000 people", 9000.0, Some("people"), None),
            q(text, "$30 million", 3e7, Some("USD"), None),
            q(text, "2,100 enterprises", 2100.0, Some("enterprises"), None),
        ];
        let got = run(text, &qs);
        let facts: Vec<(&str, &str)> = got.iter().map(|f| (f.0.as_str(), f.1.as_str())).collect();
        assert_eq!(
            facts,
            [
                ("Agra shoe cluster", "employees"),
                ("Rural Credit Bank", "enterprises")
            ],
            "{got:?}"
        );
    }

    #[test]
    fn an_industry_or_a_place_named_with_the_figure_is_its_subject() {
        let text = "The Rs 5,000 crore brass industry in Moradabad faces a slump. \
                    The industry runs 400 units. \
                    The glass industry in the state added 30 units. \
                    Of Aligarh's 900 lock factories, 200 are shut. \
                    Workers held 12 meetings.";
        let qs = [
            q(text, "Rs 5,000 crore", 5e10, Some("INR"), None),
            q(text, "400 units", 400.0, Some("units"), None),
            q(text, "30 units", 30.0, Some("units"), None),
            q(text, "900 lock factories", 900.0, Some("factories"), None),
            q(text, "12 meetings", 12.0, Some("meetings"), None),
        ];
        let got = run(text, &qs);
        let facts: Vec<(&str, &str)> = got.iter().map(|f| (f.0.as_str(), f.1.as_str())).collect();
        assert_eq!(
            facts,
            [
                ("Moradabad brass industry", "size"),
                ("Moradabad brass industry", "units"),
                ("Aligarh", "lock factories"),
            ],
            "{got:?}"
        );
    }

    #[test]
    fn a_cited_body_leaves_the_cluster_and_a_plant_costs_an_investment() {
        let text = "Weavers in the Panipat cluster exported goods worth Rs 900 crore, according to \
                    the Handloom Export Council (HEC). Output rose 12 per cent. \
                    A Rs 450 crore spinning plant will be set up by Sutlej Yarns Ltd, which will employ 800 people.";
        let qs = [
            q(text, "Rs 900 crore", 9e9, Some("INR"), None),
            q(text, "12 per cent", 12.0, Some("percent"), None),
            q(text, "Rs 450 crore", 4.5e9, Some("INR"), None),
            q(text, "800 people", 800.0, Some("people"), None),
        ];
        let got = run(text, &qs);
        let facts: Vec<(&str, &str)> = got.iter().map(|f| (f.0.as_str(), f.1.as_str())).collect();
        assert!(
            facts.contains(&("Panipat cluster", "export value")),
            "{got:?}"
        );
        assert!(
            !facts.iter().any(|f| f.0 == "Handloom Export Council"),
            "{got:?}"
        );
        assert!(
            facts.contains(&("Sutlej Yarns Ltd", "investment")),
            "{got:?}"
        );
        assert!(facts.contains(&("Sutlej Yarns Ltd", "jobs")), "{got:?}");
    }

    #[test]
    fn metrics_of_plants_land_and_counts_in_words() {
        let text = "Deccan Cement Ltd will expand its unit to 3.5 million tonnes per annum. \
                    It has 40 acres of land. It will hire about two hundred skilled workers. \
                    It runs about two hundred power looms.";
        let qs = [
            q(
                text,
                "3.5 million tonnes per annum",
                3.5e6,
                Some("tonne"),
                Some("year"),
            ),
            q(text, "40 acres", 40.0, Some("acre"), None),
            q(
                text,
                "about two hundred skilled workers",
                200.0,
                Some("workers"),
                None,
            ),
            q(
                text,
                "about two hundred power looms",
                200.0,
                Some("looms"),
                None,
            ),
        ];
        let got = run(text, &qs);
        let metrics: Vec<&str> = got.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(
            metrics,
            ["capacity", "land", "jobs", "power looms"],
            "{got:?}"
        );
    }

    #[test]
    fn counts_of_other_things_are_not_carried_to_the_company() {
        // The second sentence names no subject: its count of units is the
        // company's, its count of petitioners is not.
        let text = "Lotus Mills Ltd makes towels. It runs 14 units in Karur. \
                    A petition by 3 students was heard. Over 40 looms were added.";
        let qs = [
            q(text, "14 units", 14.0, Some("units"), None),
            q(text, "3 students", 3.0, Some("students"), None),
            q(text, "Over 40 looms", 40.0, Some("looms"), None),
        ];
        let got = run(text, &qs);
        let facts: Vec<(&str, &str)> = got.iter().map(|f| (f.0.as_str(), f.1.as_str())).collect();
        assert_eq!(
            facts,
            [("Lotus Mills Ltd", "units"), ("Lotus Mills Ltd", "looms")],
            "{got:?}"
        );
        let text = "Lotus Mills Ltd makes towels. Judges heard 6 suggestions and 2 petitions.";
        let qs = [
            q(text, "6 suggestions", 6.0, Some("suggestions"), None),
            q(text, "2 petitions", 2.0, Some("petitions"), None),
        ];
        assert!(run(text, &qs).is_empty());
    }

    #[test]
    fn pronouns_after_a_place_and_years_since() {
        // (text, figure, value, unit, expected (subject, metric))
        type Case<'a> = (
            &'a str,
            &'a str,
            f64,
            Option<&'a str>,
            Option<(&'a str, &'a str)>,
        );
        let cases: &[Case] = &[
            // "they" are the place's makers, not the company named before.
            (
                "Lotus Mills Ltd will hire staff. Agra's shoe makers said they expect exports of $3 billion.",
                "$3 billion",
                3e9,
                Some("USD"),
                None,
            ),
            // A place as a location only: "the company" is still the company.
            (
                "Lotus Mills Ltd makes yarn. In Surat, the company exported yarn worth $4 million.",
                "$4 million",
                4e6,
                Some("USD"),
                Some(("Lotus Mills Ltd", "export value")),
            ),
            // "since" founds nothing unless something has been operating.
            (
                "Lotus Mills Ltd makes yarn. Since 2017, the state has received many proposals.",
                "2017",
                2017.0,
                Some("year"),
                None,
            ),
            (
                "Lotus Mills Ltd has been operating since 1995.",
                "1995",
                1995.0,
                Some("year"),
                Some(("Lotus Mills Ltd", "founded")),
            ),
            // A power figure is a capacity.
            (
                "Lotus Solar Ltd plans a 600 MW park.",
                "600 MW",
                600.0,
                Some("MW"),
                Some(("Lotus Solar Ltd", "capacity")),
            ),
        ];
        for (text, needle, value, unit, want) in cases {
            let got = run(text, &[q(text, needle, *value, *unit, None)]);
            assert_eq!(
                got.first().map(|f| (f.0.as_str(), f.1.as_str())),
                *want,
                "{text}"
            );
        }
    }

    #[test]
    fn a_body_cited_for_a_figure_is_not_its_subject() {
        let text =
            "Agra's shoe exports were worth $2 billion, according to the Council for Shoe Exports.";
        let got = run(text, &[q(text, "$2 billion", 2e9, Some("USD"), None)]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn prices_shares_and_counted_nouns() {
        // (text, figure, value, unit, per, expected metric)
        type Case<'a> = (
            &'a str,
            &'a str,
            f64,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let cases: &[Case] = &[
            // An amount per unit is no export value.
            (
                "Lotus Mills Ltd exports yarn; power costs Rs 7.20 per unit.",
                "Rs 7.20 per unit",
                7.2,
                Some("INR"),
                Some("unit"),
                Some("price"),
            ),
            (
                "Lotus Mills Ltd exports yarn and grants were capped at Rs 4 lakh per unit.",
                "Rs 4 lakh per unit",
                4e5,
                Some("INR"),
                Some("unit"),
                None,
            ),
            // Money spent is no export value, even among exporters.
            (
                "Lotus Mills Ltd, a big exporter, has spent Rs 9 crore on its plant.",
                "Rs 9 crore",
                9e7,
                Some("INR"),
                None,
                None,
            ),
            // Weather is no fact about a company; a rating is.
            (
                "Lotus Mills Ltd is in Agra, where summer heat touches 47 degrees Celsius.",
                "47 degrees Celsius",
                47.0,
                Some("degC"),
                None,
                None,
            ),
            (
                "Lotus Mills Ltd makes gloves rated to withstand 300 degrees Celsius.",
                "300 degrees Celsius",
                300.0,
                Some("degC"),
                None,
                Some("temperature"),
            ),
            // "enterprises" holds "rise" but speaks of no increase.
            (
                "Lotus Mills Ltd counts 40 suppliers, of which 90% are micro enterprises.",
                "90%",
                90.0,
                Some("percent"),
                None,
                None,
            ),
            // Counted nouns without scale words or the rate.
            (
                "Lotus Mills Ltd trains about 6,000 youths a year.",
                "about 6,000 youths a year",
                6000.0,
                Some("youths"),
                Some("year"),
                Some("youths"),
            ),
            (
                "Lotus Mills Ltd runs 2.5 lakh registered looms.",
                "2.5 lakh registered looms",
                2.5e5,
                Some("looms"),
                None,
                Some("registered looms"),
            ),
        ];
        for (text, needle, value, unit, per, metric) in cases {
            let got = run(text, &[q(text, needle, *value, *unit, *per)]);
            assert_eq!(got.first().map(|f| f.1.as_str()), *metric, "{text}");
        }
    }

    #[test]
    fn no_subject_before_an_organisation_is_named() {
        // A headline figure and a pronoun before the company is named
        // belong to no one; after it, "it" is the company.
        let text = "Steel towns in trouble, 30 companies on the verge of closing\n\n\
                    Reports say 12 units have put their shutters down. \
                    Lotus Steel Ltd makes wire. It employs 500 workers.";
        let qs = [
            q(text, "30 companies", 30.0, Some("companies"), None),
            q(text, "12 units", 12.0, Some("units"), None),
            q(text, "500 workers", 500.0, Some("workers"), None),
        ];
        let got = run(text, &qs);
        assert_eq!(
            got,
            vec![(
                "Lotus Steel Ltd".to_string(),
                "employees".to_string(),
                "500".to_string(),
                false
            )]
        );
    }

    #[test]
    fn headings_name_only_bare_figures() {
        let text = "Lotus Tiles Ltd is in Morbi.\n\nTotal energy use (toe)\n\n1093900\n\n\
                    Hospital plans\n\nThe firm will spend 23.35 crore on a 65-bed hospital.";
        let qs = [
            q(text, "1093900", 1093900.0, None, None),
            q(text, "23.35 crore", 233500000.0, None, None),
            q(text, "65", 65.0, None, None),
        ];
        let got = run(text, &qs);
        assert_eq!(
            got,
            vec![(
                "Lotus Tiles Ltd".to_string(),
                "total energy use".to_string(),
                "1,093,900".to_string(),
                false
            )]
        );
    }

    #[test]
    fn investments_jobs_and_locations() {
        let text = "The approved projects include an Rs 500 crore investment by Lotus Power Ltd to set up a plant in Pune.\n\
                    and this project is expected to generate 1,200 jobs, an official said.";
        let qs = [
            q(text, "Rs 500 crore", 5e9, Some("INR"), None),
            q(text, "1,200 jobs", 1200.0, Some("jobs"), None),
        ];
        let got = run(text, &qs);
        let s = "Lotus Power Ltd".to_string();
        assert_eq!(
            got,
            vec![
                (
                    s.clone(),
                    "investment".into(),
                    "5,000,000,000".into(),
                    false
                ),
                (s.clone(), "location".into(), "Pune".into(), false),
                (s.clone(), "jobs".into(), "1,200".into(), false),
            ]
        );
    }
}
