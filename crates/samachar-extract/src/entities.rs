//! Entity recognition within one article: organisations, people with roles,
//! places (from the gazetteer) and programmes, grouped with their aliases.
//!
//! The rules are cue based: a capitalised run of words becomes an entity only
//! when something says what it is (a company suffix or head word, a role
//! title, a speech verb, a gazetteer entry, a scheme word, an acronym in
//! parentheses). Capitalised words with no cue (sentence openers, headline
//! words) are left alone.

use crate::gazetteer::{GAZETTEER, PlaceKind};
use crate::names::{
    self, ORG_FIRST, ORG_HEADS, PROGRAMME_HEADS, PUBLIC_ROLES, ROLE_HEADS, ROLE_MODIFIERS,
    SPEECH_VERBS, STOP_WORDS, company_core, in_list, is_capitalised, norm_key,
};
use aho_corasick::{AhoCorasickBuilder, MatchKind};
use regex::Regex;
use samachar_model::{Entity, EntityKind, Mention, Merge};
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// A word of the text.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// Start of the word.
    pub start: usize,
    /// End of the word without a possessive `'s` or a `-based` suffix.
    pub end: usize,
    /// End including them.
    pub full_end: usize,
    /// The word ended in `'s`.
    pub possessive: bool,
    /// The word ended in `-based` ("Hajipur-based").
    pub based: bool,
}

/// Splits `text` into words: letters and digits with inner hyphens and
/// apostrophes, and `&` on its own.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '&' {
            out.push(Tok {
                start: i,
                end: i + 1,
                full_end: i + 1,
                possessive: false,
                based: false,
            });
            continue;
        }
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
            } else if matches!(d, '-' | '\'' | '’') {
                // Inner joiner: keep only when a letter or digit follows.
                let next = text[j + d.len_utf8()..].chars().next();
                if next.is_some_and(char::is_alphanumeric) {
                    iter.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let word = &text[i..end];
        let mut core_end = end;
        let mut possessive = false;
        let mut based = false;
        for suffix in ["'s", "’s"] {
            if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                core_end = end - suffix.len();
                possessive = true;
            }
        }
        if !possessive {
            for suffix in ["-based", "-headquartered"] {
                if word.len() > suffix.len() + 1 && word.to_lowercase().ends_with(suffix) {
                    core_end = end - suffix.len();
                    based = true;
                }
            }
        }
        out.push(Tok {
            start: i,
            end: core_end,
            full_end: end,
            possessive,
            based,
        });
    }
    out
}

/// What kind of cue made a candidate.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    pub kind: EntityKind,
    pub name: String,
    pub start: usize,
    pub end: usize,
    pub role: Option<String>,
    /// Organisation named next to a person's role.
    pub org_hint: Option<String>,
    /// The role has no organisation of its own: take the article's main one.
    pub org_from_context: bool,
    /// A company (suffix, industry word, "-based" cue): a subject for facts.
    pub company: bool,
    /// An alias found next to it in parentheses, with its reason and confidence.
    pub alias: Option<(String, &'static str, f64)>,
    /// A lone surname of a person (linked later to the full name).
    pub surname_only: bool,
}

impl Candidate {
    fn new(kind: EntityKind, name: &str, start: usize, end: usize) -> Self {
        Candidate {
            kind,
            name: name.to_string(),
            start,
            end,
            role: None,
            org_hint: None,
            org_from_context: false,
            company: false,
            alias: None,
            surname_only: false,
        }
    }
}

/// Extra facts about one article's organisations that the fact rules need.
#[derive(Clone, Debug, Default)]
pub(crate) struct OrgInfo {
    /// Canonical name.
    pub name: String,
    /// Mention spans.
    pub spans: Vec<(usize, usize)>,
    /// A company or government body (can be a fact subject).
    pub subject: bool,
    /// A company proper.
    pub company: bool,
}

/// What [`find_entities`] returns: the model entities and the helper view.
#[derive(Clone, Debug, Default)]
pub(crate) struct Found {
    pub entities: Vec<Entity>,
    pub orgs: Vec<OrgInfo>,
    /// Place mentions: (start, end, canonical name).
    pub places: Vec<(usize, usize, String)>,
    /// The article's main organisation, if any.
    pub main_org: Option<String>,
}

static ARMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<the>the\s+|The\s+)?(?P<nat>[A-Z][a-z]+(?:ian|ese|ish|an|ch|ean|i))\s+(?P<force>[Aa]rmy|[Nn]avy|[Mm]ilitary|[Aa]ir [Ff]orce|[Aa]rmed [Ff]orces)\b",
    )
    .unwrap_or_else(|_| unreachable_regex())
});

static GOVERNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<place>[A-Z][\w]*(?:\s[A-Z][\w]*)?)\s(?P<gov>[Gg]overnment|[Gg]ovt)\b")
        .unwrap_or_else(|_| unreachable_regex())
});

static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?:^[A-Z][A-Za-z .]+,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\s*\((?P<a>[A-Z]{2,6})\))|(?:\b(?:told|informed|according to|speaking to|talking to)\s+(?P<b>[A-Z]{2,6})\b)",
    )
    .unwrap_or_else(|_| unreachable_regex())
});

static MAKE_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bMake in (?P<p>[A-Z][a-z]+)\b").unwrap_or_else(|_| unreachable_regex())
});

/// A regex that matches nothing, for the impossible case that a constant
/// pattern fails to compile.
fn unreachable_regex() -> Regex {
    match Regex::new(r"[^\s\S]") {
        Ok(r) => r,
        Err(_) => unreachable_regex(),
    }
}

fn is_abbrev_token(word: &str) -> bool {
    let lower = word.to_lowercase();
    matches!(
        lower.as_str(),
        "pvt" | "ltd" | "co" | "inc" | "corp" | "dr" | "mr" | "mrs" | "ms" | "st" | "jr" | "sr"
    ) || (word.chars().count() == 1 && is_capitalised(word))
}

/// A capitalised run of words.
#[derive(Clone, Debug)]
struct Run {
    /// Token indices, inclusive start, exclusive end.
    first: usize,
    last: usize,
}

/// Lines of the text as (start, title case), for lookups by offset.
fn title_lines(text: &str) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push((start, line_is_title_case(line)));
        start += line.len();
    }
    out
}

fn title_at(lines: &[(usize, bool)], pos: usize) -> bool {
    let i = lines.partition_point(|l| l.0 <= pos);
    i > 0 && lines[i - 1].1
}

fn line_is_title_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| w.chars().count() > 3)
        .collect();
    if words.len() < 4 {
        return false;
    }
    let caps = words.iter().filter(|w| is_capitalised(w)).count();
    caps * 10 >= words.len() * 8
}

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.start..t.end]
}

/// Builds capitalised runs: words that begin with a capital, joined by single
/// spaces (or ". " after an abbreviation), with "of", "for" and "&" allowed
/// between capitalised words.
fn runs(text: &str, toks: &[Tok]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = word(text, &toks[i]);
        if !is_capitalised(w) {
            i += 1;
            continue;
        }
        let first = i;
        let mut j = i;
        loop {
            let t = &toks[j];
            if t.possessive || t.based || j + 1 >= toks.len() {
                break;
            }
            let gap = &text[t.full_end..toks[j + 1].start];
            let w = word(text, t);
            let gap_ok = gap == " " || (gap == ". " && is_abbrev_token(w));
            if !gap_ok {
                break;
            }
            let next = word(text, &toks[j + 1]);
            if is_capitalised(next) {
                j += 1;
                continue;
            }
            // A connector between capitalised words.
            let connector = matches!(next, "of" | "for" | "&")
                || (next == "and" && in_list(ORG_FIRST, word(text, &toks[first])));
            if connector && j + 2 < toks.len() {
                let gap2 = &text[toks[j + 1].full_end..toks[j + 2].start];
                if gap2 == " " && is_capitalised(word(text, &toks[j + 2])) {
                    j += 2;
                    continue;
                }
            }
            // A trailing lower-case programme word after an acronym
            // ("BEE-SME program").
            let prev_upper = w.chars().filter(|c| c.is_uppercase()).count() >= 2;
            if prev_upper && in_list(PROGRAMME_HEADS, next) && !is_capitalised(next) {
                j += 1;
            }
            break;
        }
        out.push(Run { first, last: j + 1 });
        i = j + 1;
    }
    out
}

fn prev_word<'a>(text: &'a str, toks: &[Tok], idx: usize) -> Option<(&'a str, &'a str)> {
    if idx == 0 {
        return None;
    }
    let p = &toks[idx - 1];
    Some((word(text, p), &text[p.full_end..toks[idx].start]))
}

fn is_stop(w: &str) -> bool {
    in_list(STOP_WORDS, w)
}

fn is_role_word(w: &str) -> bool {
    in_list(ROLE_HEADS, w) || in_list(ROLE_MODIFIERS, w)
}

/// Valid person name: 1-4 capitalised alphabetic words, none a stop word,
/// a role word or an organisation head, and not a gazetteer place.
fn valid_name(words: &[&str], allow_single: bool) -> bool {
    if words.is_empty() || words.len() > 4 || (words.len() == 1 && !allow_single) {
        return false;
    }
    let joined = words.join(" ");
    if GAZETTEER.contains(&joined) {
        return false;
    }
    words.iter().all(|w| {
        let initial = w.chars().count() == 1 && is_capitalised(w);
        initial
            || (is_capitalised(w)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && w.chars().skip(1).any(char::is_lowercase)
                && !is_stop(w)
                && !in_list(ORG_HEADS, w)
                && !in_list(PROGRAMME_HEADS, w)
                && !in_list(ROLE_HEADS, w))
    })
}

/// The words of a lower-case role phrase after a name (", general manager,"),
/// up to the next comma, full stop or quote; None when it holds no role word.
fn role_phrase_after(text: &str, pos: usize) -> Option<(String, usize)> {
    let rest = &text[pos..];
    let rest_trim = rest.strip_prefix(", ")?;
    let stop = rest_trim
        .find([',', '.', ';', ':', '"', '“', '”', '\n', '(', ')'])
        .unwrap_or(rest_trim.len());
    let phrase = rest_trim[..stop].trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 {
        return None;
    }
    let first = words[0].to_lowercase();
    if matches!(
        first.as_str(),
        "who" | "which" | "said" | "the" | "a" | "an" | "and" | "but" | "he" | "she" | "it" | "we"
    ) {
        return None;
    }
    let role_at = words.iter().position(|w| in_list(ROLE_HEADS, w))?;
    // The phrase must start with the role or with role-like modifiers /
    // lower-case department words, not with a clause.
    if words.iter().any(|w| {
        in_list(SPEECH_VERBS, w)
            || matches!(w.to_lowercase().as_str(), "is" | "was" | "has" | "will")
    }) {
        return None;
    }
    let _ = role_at;
    Some((phrase.to_string(), pos + 2 + stop))
}

/// Splits "head of Competence Exports" into role and organisation.
fn split_role_org(phrase: &str) -> (String, Option<String>) {
    for sep in [" of ", " at ", " in "] {
        if let Some(i) = phrase.find(sep) {
            let tail = &phrase[i + sep.len()..];
            let tail = tail.strip_prefix("the ").unwrap_or(tail);
            // "of Kolkata-based Lotus Tanners": the place is no part of the name.
            let tail = match tail.split_once(' ') {
                Some((first, rest)) if first.to_lowercase().ends_with("-based") => rest,
                _ => tail,
            };
            if tail.to_lowercase().ends_with("-based") {
                continue;
            }
            if tail.split_whitespace().all(is_capitalised)
                && !tail.is_empty()
                && !GAZETTEER.contains(tail)
            {
                return (phrase[..i].to_string(), Some(tail.to_string()));
            }
        }
    }
    (phrase.to_string(), None)
}

/// A capitalised run right after `pos` following ", " (an organisation after
/// a role), as (name, start, end).
fn org_run_after(text: &str, toks: &[Tok], pos: usize) -> Option<(String, usize, usize)> {
    let rest = &text[pos..];
    if !rest.starts_with(", ") {
        return None;
    }
    let start = pos + 2;
    let idx = toks.partition_point(|t| t.start < start);
    let t0 = toks.get(idx).filter(|t| t.start == start)?;
    if !is_capitalised(word(text, t0)) {
        return None;
    }
    let mut j = idx;
    while j + 1 < toks.len()
        && !toks[j].possessive
        && (&text[toks[j].full_end..toks[j + 1].start] == " "
            || (&text[toks[j].full_end..toks[j + 1].start] == ". "
                && is_abbrev_token(word(text, &toks[j]))))
        && (is_capitalised(word(text, &toks[j + 1])) || word(text, &toks[j + 1]) == "&")
    {
        j += 1;
    }
    if toks[idx..=j].iter().any(|t| t.based) {
        return None;
    }
    let name = text[t0.start..toks[j].end]
        .trim_end_matches('.')
        .to_string();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().any(|w| in_list(SPEECH_VERBS, w))
        || GAZETTEER.contains(&name)
        || is_stop(words[0])
    {
        return None;
    }
    Some((
        name,
        t0.start,
        t0.start + text[t0.start..toks[j].end].trim_end_matches('.').len(),
    ))
}

fn org_kind_of_run(words: &[&str]) -> Option<bool> {
    // Some(company?) when the run is an organisation.
    let last = *words.last()?;
    let first = words[0];
    let lower_last = last.to_lowercase();
    if words.len() >= 2 && in_list(ORG_HEADS, last) {
        let company = !matches!(
            lower_last.as_str(),
            "society"
                | "authority"
                | "department"
                | "ministry"
                | "board"
                | "council"
                | "commission"
                | "association"
                | "federation"
                | "chamber"
                | "institute"
                | "institution"
                | "university"
                | "agency"
                | "bureau"
                | "committee"
                | "directorate"
                | "union"
                | "trust"
                | "foundation"
                | "organisation"
                | "organization"
                | "forum"
                | "army"
                | "navy"
                | "police"
                | "court"
                | "parliament"
                | "assembly"
                | "cabinet"
                | "secretariat"
                | "college"
                | "school"
                | "hospital"
        );
        return Some(company);
    }
    if words.len() >= 3 && in_list(ORG_FIRST, first) && words[1] == "of" {
        return Some(false);
    }
    None
}

fn programme_of_run(words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    words.len() >= 2 && in_list(PROGRAMME_HEADS, last)
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// Finds candidates in the masked text.
fn candidates(text: &str, toks: &[Tok]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let lines = title_lines(text);
    for run in runs(text, toks) {
        // Trim leading stop words and sentence openers.
        let mut first = run.first;
        while first < run.last && is_stop(word(text, &toks[first])) {
            first += 1;
        }
        if first >= run.last {
            continue;
        }
        let last = run.last;
        let words: Vec<&str> = toks[first..last].iter().map(|t| word(text, t)).collect();
        let start = toks[first].start;
        let end = toks[last - 1].end;
        let name = &text[start..end];
        // A line of capitalised words (a headline) or of all-capital words
        // (a label, a listing) names nothing by itself.
        let shouting =
            words.len() >= 2 && words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()));
        if shouting {
            continue;
        }
        let title_line = title_at(&lines, start);
        let after = &text[toks[last - 1].full_end..];
        let next_tok = toks.get(last).map(|t| word(text, t));
        let prev = prev_word(text, toks, first);
        let prev_based = first > 0 && toks[first - 1].based && prev.is_some_and(|(_, g)| g == " ");

        // Programmes and events.
        if !title_line && programme_of_run(&words) {
            out.push(Candidate::new(EntityKind::Programme, name, start, end));
            continue;
        }
        if !title_line
            && toks
                .get(last)
                .is_some_and(|t| &text[toks[last - 1].full_end..t.start] == " ")
            && next_tok.is_some_and(is_year)
            && !words.iter().all(|w| GAZETTEER.contains(w) || is_stop(w))
            && words.iter().all(|w| !in_list(STOP_WORDS, w))
            && !words.iter().any(|w| in_list(ORG_HEADS, w))
        {
            let t = &toks[last];
            let year_end = t.end;
            // Only when the year is not followed by more capitalised words
            // or a number.
            out.push(Candidate::new(
                EntityKind::Programme,
                &text[start..year_end],
                start,
                year_end,
            ));
            continue;
        }
        // Organisations.
        let acronym_follows = after.starts_with(" (")
            && after[2..].find(')').is_some_and(|p| {
                let inner = &after[2..2 + p];
                inner.len() >= 2
                    && inner
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '-' || c == '&')
                    && names::initials(name).contains(&inner.replace(['-', '&'], ""))
            });
        // "President Morbi Traders Association": the role is not part of
        // the name.
        let mut skip = 0;
        while skip + 2 < words.len() && in_list(ROLE_HEADS, words[skip]) {
            skip += 1;
        }
        if skip > 0 && org_kind_of_run(&words[skip..]).is_some() {
            let first = first + skip;
            let words = &words[skip..];
            let start = toks[first].start;
            let mut c = Candidate::new(EntityKind::Organization, &text[start..end], start, end);
            c.company = org_kind_of_run(words).unwrap_or(false);
            out.push(c);
            continue;
        }
        let org = org_kind_of_run(&words);
        if let Some(company) =
            org.filter(|_| !title_line || words.len() >= 2 && company_core(name).1)
        {
            let mut c = Candidate::new(EntityKind::Organization, name, start, end);
            c.company = company || prev_based;
            out.push(c);
            continue;
        }
        if prev_based && !title_line && !GAZETTEER.contains(name) && words.len() <= 5 {
            let mut c = Candidate::new(EntityKind::Organization, name, start, end);
            c.company = true;
            out.push(c);
            continue;
        }
        if acronym_follows && words.len() >= 2 && !title_line {
            out.push(Candidate::new(EntityKind::Organization, name, start, end));
            continue;
        }
        if title_line {
            continue;
        }
        // People: a role title before the name.
        let mut role_len = 0;
        while role_len < words.len() && is_role_word(words[role_len]) {
            role_len += 1;
        }
        let speech_after = next_tok.is_some_and(|w| in_list(SPEECH_VERBS, w))
            && text[toks[last - 1].full_end..toks[last].start] == *" ";
        // "told X": X is the listener (a person or an outlet), not a cue.
        let speech_before = prev.is_some_and(|(w, g)| {
            in_list(SPEECH_VERBS, w)
                && !matches!(w, "told" | "tells" | "informed" | "urged")
                && g == " "
        });
        if role_len > 0 && role_len < words.len() && in_list(ROLE_HEADS, words[role_len - 1]) {
            let name_words = &words[role_len..];
            if valid_name(name_words, speech_after) {
                let ns = toks[first + role_len].start;
                let role = words[..role_len].join(" ");
                let mut c = Candidate::new(EntityKind::Person, &text[ns..end], ns, end);
                c.surname_only = name_words.len() == 1;
                let our = prev.is_some_and(|(w, _)| w.eq_ignore_ascii_case("our"));
                c.org_from_context = our || !in_list(PUBLIC_ROLES, words[role_len - 1]);
                c.role = Some(role);
                out.push(c);
                continue;
            }
        }
        // "Our Managing Director, Danesh Prasad,".
        if role_len == words.len() && in_list(ROLE_HEADS, words[role_len - 1]) {
            let our = prev.is_some_and(|(w, _)| w.eq_ignore_ascii_case("our"));
            if our && after.starts_with(", ") {
                let ps = toks[last - 1].full_end + 2;
                let idx = toks.partition_point(|t| t.start < ps);
                let mut k = idx;
                while k < toks.len()
                    && k < idx + 4
                    && is_capitalised(word(text, &toks[k]))
                    && (k == idx || &text[toks[k - 1].full_end..toks[k].start] == " ")
                {
                    k += 1;
                }
                let nw: Vec<&str> = toks[idx..k].iter().map(|t| word(text, t)).collect();
                if k > idx && valid_name(&nw, false) {
                    let ne = toks[k - 1].end;
                    let mut c = Candidate::new(EntityKind::Person, &text[ps..ne], ps, ne);
                    c.role = Some(words.join(" "));
                    c.org_from_context = true;
                    out.push(c);
                }
            }
            continue;
        }
        // People: a name with a role phrase or a speech verb.
        let honorific = prev.is_some_and(|(w, g)| {
            matches!(w, "Mr" | "Mrs" | "Ms" | "Dr" | "Shri" | "Smt" | "Prof")
                && (g == " " || g == ". ")
        });
        let role_after = role_phrase_after(text, toks[last - 1].full_end);
        let cue = speech_after || speech_before || honorific || role_after.is_some();
        if cue && valid_name(&words, speech_after || speech_before) {
            let mut c = Candidate::new(EntityKind::Person, name, start, end);
            c.surname_only = words.len() == 1;
            if let Some((phrase, pend)) = role_after.filter(|_| words.len() >= 2) {
                let (role, org) = split_role_org(&phrase);
                let public = role.split_whitespace().any(|w| in_list(PUBLIC_ROLES, w));
                c.role = Some(role);
                c.org_hint = org.or_else(|| org_run_after(text, toks, pend).map(|o| o.0));
                c.org_from_context = c.org_hint.is_none() && !public;
                if let Some((oname, os, oe)) = org_run_after(text, toks, pend) {
                    let mut o = Candidate::new(EntityKind::Organization, &oname, os, oe);
                    o.company = true;
                    out.push(o);
                }
            }
            out.push(c);
            continue;
        }
        // A mixed-case token such as "JEEViKA" followed by an organisation
        // in parentheses.
        if words.len() == 1
            && words[0].chars().filter(|c| c.is_uppercase()).count() >= 2
            && words[0].chars().count() >= 3
            && after.starts_with(" (")
        {
            let inner_start = toks[last - 1].full_end + 2;
            if let Some(p) = text[inner_start..].find(')') {
                let inner = &text[inner_start..inner_start + p];
                let iw: Vec<&str> = inner.split_whitespace().collect();
                if org_kind_of_run(&iw).is_some() || programme_of_run(&iw) {
                    let mut c = Candidate::new(EntityKind::Organization, name, start, end);
                    c.alias = Some((inner.to_string(), "name in parentheses", 0.85));
                    out.push(c);
                }
            }
        }
    }
    // Acronyms in parentheses after a candidate: "High-Level Clearance
    // Authority (HLCA)".
    let mut extra = Vec::new();
    for c in &out {
        if !matches!(c.kind, EntityKind::Organization | EntityKind::Programme) {
            continue;
        }
        let after = &text[c.end..];
        if let Some(rest) = after.strip_prefix(" (")
            && let Some(p) = rest.find(')')
        {
            let inner = &rest[..p];
            let acr = inner.replace(['-', '&', '.'], "");
            if acr.len() >= 2
                && acr.len() <= 10
                && acr
                    .chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())
            {
                let matches_initials = names::initials(&c.name).contains(&acr);
                let s = c.end + 2;
                let mut a = Candidate::new(c.kind, inner, s, s + inner.len());
                a.alias = Some((
                    c.name.clone(),
                    if matches_initials {
                        "acronym in parentheses"
                    } else {
                        "name in parentheses"
                    },
                    if matches_initials { 0.95 } else { 0.8 },
                ));
                extra.push(a);
            }
        }
    }
    out.extend(extra);
    // Nationality + armed force.
    for m in ARMED.captures_iter(text) {
        let (Some(nat), Some(force)) = (m.name("nat"), m.name("force")) else {
            continue;
        };
        if GAZETTEER.contains(nat.as_str()) || is_stop(nat.as_str()) {
            continue;
        }
        let f = force.as_str().to_lowercase();
        if f == "military" {
            // "military" is also an adjective: only "the Russian military"
            // or one at a clause end is the institution.
            let next = text[force.end()..].chars().next();
            let ends = next.is_none_or(|c| !c.is_alphanumeric() && c != ' ')
                || text[force.end()..]
                    .trim_start()
                    .starts_with(|c: char| !c.is_lowercase());
            if m.name("the").is_none() && !ends {
                continue;
            }
            if !ends {
                let next_word = text[force.end()..].split_whitespace().next().unwrap_or("");
                if !matches!(
                    next_word,
                    "is" | "has" | "was" | "will" | "and" | "said" | "needs" | "uses"
                ) {
                    continue;
                }
            }
        }
        let mut c = Candidate::new(
            EntityKind::Organization,
            &text[nat.start()..force.end()],
            nat.start(),
            force.end(),
        );
        c.company = false;
        out.push(c);
    }
    // Place + government.
    for m in GOVERNMENT.captures_iter(text) {
        let (Some(place), Some(gov)) = (m.name("place"), m.name("gov")) else {
            continue;
        };
        let mut p = place.as_str();
        let mut ps = place.start();
        if !GAZETTEER.contains(p) {
            // "The Odisha government": keep the last word.
            match p.rsplit_once(' ') {
                Some((_, last)) if GAZETTEER.contains(last) => {
                    ps = place.end() - last.len();
                    p = last;
                }
                _ => continue,
            }
        }
        let _ = p;
        let mut c = Candidate::new(
            EntityKind::Organization,
            &text[ps..gov.end()],
            ps,
            gov.end(),
        );
        c.company = false;
        out.push(c);
    }
    // News agencies.
    for m in AGENCY.captures_iter(text) {
        if let Some(a) = m.name("a").or(m.name("b")) {
            if GAZETTEER.contains(a.as_str()) {
                continue;
            }
            out.push(Candidate::new(
                EntityKind::Organization,
                a.as_str(),
                a.start(),
                a.end(),
            ));
        }
    }
    for m in MAKE_IN.captures_iter(text) {
        if let Some(p) = m.name("p")
            && GAZETTEER.contains(p.as_str())
        {
            let whole = m.get(0).map_or(0..0, |g| g.range());
            out.push(Candidate::new(
                EntityKind::Programme,
                &text[whole.clone()],
                whole.start,
                whole.end,
            ));
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    out
}

/// One entity while it is being built.
#[derive(Clone, Debug)]
struct Group {
    kind: EntityKind,
    /// Surface names with their mention count.
    names: BTreeMap<String, usize>,
    /// Reasons for non-canonical names.
    reasons: HashMap<String, (String, f64)>,
    mentions: Vec<Mention>,
    role: Option<String>,
    org_hint: Option<String>,
    org_from_context: bool,
    company: bool,
    first: usize,
}

impl Group {
    fn new(c: &Candidate) -> Self {
        Group {
            kind: c.kind,
            names: BTreeMap::new(),
            reasons: HashMap::new(),
            mentions: Vec::new(),
            role: None,
            org_hint: None,
            org_from_context: false,
            company: false,
            first: c.start,
        }
    }

    fn add_name(&mut self, name: &str, reason: Option<(&str, f64)>) {
        self.names.entry(name.to_string()).or_insert(0);
        if let Some((r, conf)) = reason {
            self.reasons
                .entry(name.to_string())
                .or_insert((r.to_string(), conf));
        }
    }

    /// The fullest name: most words, then most mentions, then capitalised,
    /// then longest.
    fn canonical(&self) -> String {
        type Rank = (usize, usize, bool, usize);
        let mut best: Option<(&String, Rank)> = None;
        for (n, count) in &self.names {
            let words = n.split_whitespace().count();
            let caps = n.split_whitespace().filter(|w| is_capitalised(w)).count() == words;
            let key = (words, *count, caps, n.len());
            if best.as_ref().is_none_or(|(_, k)| key > *k) {
                best = Some((n, key));
            }
        }
        best.map(|b| b.0.clone()).unwrap_or_default()
    }
}

fn org_key(name: &str) -> String {
    let (core, _) = company_core(name);
    let words: Vec<&str> = core.split(' ').collect();
    if let [nat, force] = words.as_slice()
        && matches!(*force, "army" | "military" | "armed" | "forces")
    {
        return format!("{nat} armed forces");
    }
    core
}

fn reason_between(kind: EntityKind, a: &str, b: &str) -> (&'static str, f64) {
    if a.eq_ignore_ascii_case(b) {
        return ("case variant", 0.99);
    }
    if kind == EntityKind::Organization {
        let (ca, sa) = company_core(a);
        let (cb, sb) = company_core(b);
        if ca == cb && (sa || sb) {
            return ("company suffix variant", 0.95);
        }
        if org_key(a) == org_key(b) {
            return ("armed forces of one nation (army / military)", 0.8);
        }
    }
    ("same name", 0.9)
}

/// Finds the entities of one article.
pub(crate) fn find_entities(text: &str) -> Found {
    let toks = tokenize(text);
    let cands = candidates(text, &toks);

    // Group organisations and programmes by key; people by full name.
    let mut groups: Vec<Group> = Vec::new();
    let mut key_of: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut surnames: Vec<&Candidate> = Vec::new();
    for c in &cands {
        if c.surname_only {
            surnames.push(c);
            continue;
        }
        let key = match c.kind {
            EntityKind::Organization => org_key(&c.name),
            _ => norm_key(&c.name),
        };
        let gi = if let Some(&gi) = key_of.get(&(c.kind, key.clone())) {
            gi
        } else if let Some(gi) = c
            .alias
            .as_ref()
            .and_then(|(a, _, _)| {
                let ak = if c.kind == EntityKind::Organization {
                    org_key(a)
                } else {
                    norm_key(a)
                };
                key_of
                    .get(&(EntityKind::Organization, ak.clone()))
                    .or(key_of.get(&(EntityKind::Programme, ak)))
            })
            .copied()
        {
            key_of.insert((c.kind, key.clone()), gi);
            gi
        } else {
            groups.push(Group::new(c));
            let gi = groups.len() - 1;
            key_of.insert((c.kind, key.clone()), gi);
            gi
        };
        // Person given-name variant: same surname + similar given names.
        let g = &mut groups[gi];
        let existing: Vec<String> = g.names.keys().cloned().collect();
        let reason = existing.first().map(|e| reason_between(c.kind, e, &c.name));
        g.add_name(&c.name, reason);
        if let Some((alias, why, conf)) = &c.alias {
            g.add_name(alias, Some((why, *conf)));
            let ak = if c.kind == EntityKind::Organization {
                org_key(alias)
            } else {
                norm_key(alias)
            };
            key_of.entry((c.kind, ak)).or_insert(gi);
        }
        if g.role.is_none() {
            g.role.clone_from(&c.role);
        }
        if g.org_hint.is_none() {
            g.org_hint.clone_from(&c.org_hint);
        }
        g.org_from_context |= c.org_from_context && g.org_hint.is_none();
        g.company |= c.company || company_core(&c.name).1;
    }

    // Merge people whose names differ by a spelling of one given name
    // (same surname, same role).
    merge_person_variants(&mut groups);

    // Lone surnames: link to a person with the same (or a similar) surname.
    let mut person_idx: Vec<usize> = (0..groups.len())
        .filter(|&i| groups[i].kind == EntityKind::Person)
        .collect();
    person_idx.sort_by_key(|&i| groups[i].first);
    for s in &surnames {
        let mut best: Option<(usize, usize)> = None;
        for &pi in &person_idx {
            for full in groups[pi].names.keys() {
                let Some(last) = full.split_whitespace().last() else {
                    continue;
                };
                let d = names::edit_distance(last, &s.name);
                let ok = d == 0
                    || (d <= 2
                        && last.chars().count() >= 5
                        && last.chars().take(3).eq(s.name.chars().take(3)));
                if ok && best.is_none_or(|(_, bd)| d < bd) {
                    best = Some((pi, d));
                }
            }
        }
        if let Some((pi, d)) = best {
            let canon = groups[pi].canonical();
            let (reason, conf) = if d == 0 {
                (format!("surname of {canon}"), 0.9)
            } else {
                (format!("spelling variant of the surname of {canon}"), 0.75)
            };
            let g = &mut groups[pi];
            g.names.entry(s.name.clone()).or_insert(0);
            g.reasons.entry(s.name.clone()).or_insert((reason, conf));
            if g.role.is_none() {
                g.role.clone_from(&s.role);
            }
        }
    }

    // Collect mentions: one automaton over every surface name.
    let mut patterns: Vec<(String, usize)> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        for n in g.names.keys() {
            patterns.push((n.clone(), gi));
        }
        if g.kind == EntityKind::Organization {
            // The bare name without its company suffix.
            let canon = g.canonical();
            if company_core(&canon).1 {
                let core_words = canon.split_whitespace().count();
                let bare = strip_suffix_words(&canon);
                if core_words >= 2 && bare.split_whitespace().count() >= 1 && bare.len() >= 4 {
                    patterns.push((bare, gi));
                }
            }
        }
        if g.kind == EntityKind::Person {
            // The surname alone, when no other person shares it.
            let canon = g.canonical();
            if let Some(last) = canon.split_whitespace().last()
                && canon.split_whitespace().count() >= 2
                && last.chars().count() >= 3
            {
                let shared = groups.iter().enumerate().any(|(oj, o)| {
                    oj != gi
                        && o.kind == EntityKind::Person
                        && o.canonical().split_whitespace().last() == Some(last)
                });
                if !shared {
                    patterns.push((last.to_string(), gi));
                }
            }
        }
    }
    patterns.sort();
    patterns.dedup_by(|a, b| a.0 == b.0);
    let mut spans_taken: Vec<(usize, usize)> = Vec::new();
    if let Ok(ac) = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns.iter().map(|p| p.0.as_str()))
    {
        for m in ac.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let (name, gi) = &patterns[m.pattern().as_usize()];
            let g = &mut groups[*gi];
            g.names
                .entry(name.clone())
                .and_modify(|c| *c += 1)
                .or_insert(1);
            g.mentions.push(Mention {
                text: text[m.start()..m.end()].to_string(),
                start: m.start(),
                end: m.end(),
            });
            spans_taken.push((m.start(), m.end()));
        }
    }
    // Names that only occur as bare / surname mentions get their reason now.
    for g in &mut groups {
        let canon = g.canonical();
        let keys: Vec<String> = g.names.keys().cloned().collect();
        for n in keys {
            if n != canon && !g.reasons.contains_key(&n) {
                let (r, c) = if g.kind == EntityKind::Person {
                    (format!("surname of {canon}"), 0.9)
                } else {
                    let (r, c) = reason_between(g.kind, &canon, &n);
                    (r.to_string(), c)
                };
                g.reasons.insert(n, (r, c));
            }
        }
    }
    // Drop groups never seen in the text (aliases whose mention fell in
    // a longer match are kept through the group's other names).
    groups.retain(|g| !g.mentions.is_empty());

    // Places: gazetteer matches outside other entities.
    spans_taken.sort_unstable();
    let mut place_groups: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    let mut places = Vec::new();
    let sentences = samachar_model::text::sentences(text);
    for m in GAZETTEER.find_all(text) {
        // Spans are sorted by start; an overlap starts before m.end.
        let upto = spans_taken.partition_point(|&(s, _)| s < m.end);
        let inside = spans_taken[..upto]
            .iter()
            .rev()
            .take(8)
            .any(|&(s, e)| s < m.end && m.start < e);
        if inside {
            continue;
        }
        let place = &GAZETTEER.places[m.place];
        if place.ambiguous && !ambiguous_place_ok(text, &sentences, m.start, m.end) {
            continue;
        }
        let _ = PlaceKind::City;
        let name = place.name.clone();
        places.push((m.start, m.end, name.clone()));
        place_groups.entry(name).or_default().push(Mention {
            text: text[m.start..m.end].to_string(),
            start: m.start,
            end: m.end,
        });
    }

    // The article's main organisation: the company with most mentions, then
    // the first one named.
    let main_org = groups
        .iter()
        .filter(|g| g.kind == EntityKind::Organization && g.company)
        .max_by(|a, b| {
            a.mentions
                .len()
                .cmp(&b.mentions.len())
                .then(b.first.cmp(&a.first))
        })
        .map(Group::canonical);

    // Resolve person organisations to canonical org names.
    let org_canon: Vec<(String, String)> = groups
        .iter()
        .filter(|g| g.kind == EntityKind::Organization)
        .flat_map(|g| {
            let c = g.canonical();
            g.names
                .keys()
                .map(move |n| (org_key(n), c.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut entities = Vec::new();
    let mut orgs = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for g in &groups {
        let name = g.canonical();
        let organization = if g.kind == EntityKind::Person {
            match &g.org_hint {
                Some(h) => {
                    let k = org_key(h);
                    Some(
                        org_canon
                            .iter()
                            .find(|(ok, _)| *ok == k)
                            .map_or(h.clone(), |(_, c)| c.clone()),
                    )
                }
                None if g.org_from_context => main_org.clone(),
                None => None,
            }
        } else {
            None
        };
        let mut mentions = g.mentions.clone();
        mentions.sort();
        mentions.dedup();
        let mut merges: Vec<Merge> = g
            .names
            .keys()
            .filter(|n| **n != name)
            .map(|n| {
                let (reason, confidence) = g
                    .reasons
                    .get(n)
                    .cloned()
                    .unwrap_or(("same name".into(), 0.9));
                Merge {
                    name: n.clone(),
                    reason,
                    confidence,
                }
            })
            .collect();
        merges.sort_by(|a, b| a.name.cmp(&b.name));
        let id = unique_id(&mut ids, g.kind, &name);
        if g.kind == EntityKind::Organization {
            orgs.push(OrgInfo {
                name: name.clone(),
                spans: mentions.iter().map(|m| (m.start, m.end)).collect(),
                subject: g.company || name.to_lowercase().contains("government") || {
                    let l = name.to_lowercase();
                    [
                        "department",
                        "ministry",
                        "authority",
                        "board",
                        "society",
                        "corporation",
                    ]
                    .iter()
                    .any(|h| l.contains(h))
                },
                company: g.company,
            });
        }
        entities.push(Entity {
            id,
            name,
            kind: g.kind,
            mentions,
            role: if g.kind == EntityKind::Person {
                g.role.clone()
            } else {
                None
            },
            organization,
            merges,
        });
    }
    for (name, mentions) in place_groups {
        let id = unique_id(&mut ids, EntityKind::Place, &name);
        entities.push(Entity {
            id,
            name,
            kind: EntityKind::Place,
            mentions,
            role: None,
            organization: None,
            merges: Vec::new(),
        });
    }
    entities.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.name.cmp(&b.name)));
    Found {
        entities,
        orgs,
        places,
        main_org,
    }
}

fn strip_suffix_words(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    for suffix in names::COMPANY_SUFFIXES {
        let n = suffix.len();
        if lower.len() > n
            && lower[lower.len() - n..]
                .iter()
                .zip(suffix.iter())
                .all(|(a, b)| a == b)
        {
            return words[..words.len() - n].join(" ");
        }
    }
    name.to_string()
}

/// The id prefix of a kind.
pub(crate) fn kind_prefix(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organization => "org",
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Programme => "programme",
    }
}

/// A stable id: kind prefix + slug of the normalised name (company suffix
/// dropped), with `-2`, `-3` ... when taken.
pub(crate) fn unique_id(ids: &mut HashMap<String, usize>, kind: EntityKind, name: &str) -> String {
    let base_name = if kind == EntityKind::Organization {
        company_core(name).0
    } else {
        name.to_string()
    };
    let base = format!("{}:{}", kind_prefix(kind), names::slug(&base_name));
    let n = ids.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 { base } else { format!("{base}-{n}") }
}

fn ambiguous_place_ok(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    start: usize,
    end: usize,
) -> bool {
    let at_sentence_start =
        samachar_model::text::sentence_at(sentences, start).is_some_and(|r| r.start == start);
    let prev: String = text[..start]
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let before_word = text[..start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let cue_before = matches!(
        before_word,
        "in" | "at" | "from" | "to" | "near" | "of" | "and" | "via"
    );
    let after = text[end..].trim_start();
    let cue_after = after.starts_with(',') && text[end..].starts_with(',')
        || after.starts_with('(')
        || text[end..].starts_with("-based");
    if at_sentence_start || !prev.is_empty() {
        return cue_after && !at_sentence_start || cue_before;
    }
    cue_before || cue_after
}

/// Merges people with one surname whose given names differ by a spelling
/// ("Shib Kumar Roy" / "Shiv Kumar Roy").
fn merge_person_variants(groups: &mut Vec<Group>) {
    let mut i = 0;
    while i < groups.len() {
        let mut j = i + 1;
        while j < groups.len() {
            if groups[i].kind == EntityKind::Person && groups[j].kind == EntityKind::Person {
                let a = groups[i].canonical();
                let b = groups[j].canonical();
                if let Some(conf) =
                    person_variant(&a, &b, groups[i].role.as_deref(), groups[j].role.as_deref())
                {
                    let other = groups.remove(j);
                    let g = &mut groups[i];
                    for (n, c) in other.names {
                        g.names.entry(n.clone()).or_insert(c);
                        g.reasons.entry(n).or_insert((
                            format!("spelling variant of {a} (same surname and role)"),
                            conf,
                        ));
                    }
                    g.mentions.extend(other.mentions);
                    if g.role.is_none() {
                        g.role = other.role;
                    }
                    continue;
                }
            }
            j += 1;
        }
        i += 1;
    }
}

/// Some(confidence) when two full names are spellings of one person: same
/// surname, same number of words, given names within edit distance 2 (and
/// equal first letters), and compatible roles.
pub(crate) fn person_variant(
    a: &str,
    b: &str,
    role_a: Option<&str>,
    role_b: Option<&str>,
) -> Option<f64> {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    if wa.len() < 2 || wa.len() != wb.len() || wa.last() != wb.last() || a == b {
        return None;
    }
    let mut dist = 0;
    for (x, y) in wa.iter().zip(wb.iter()) {
        if x != y {
            if x.chars().next() != y.chars().next() {
                return None;
            }
            dist += names::edit_distance(x, y);
        }
    }
    if dist > 2 {
        return None;
    }
    let roles_match = match (role_a, role_b) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    };
    let conf = if roles_match { 0.85 } else { 0.6 };
    if !roles_match && dist > 1 {
        return None;
    }
    Some(conf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(text: &str, kind: EntityKind) -> Vec<String> {
        find_entities(text)
            .entities
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name)
            .collect()
    }

    #[test]
    fn organisations_by_cue() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Pune-based Lotus Footwear Pvt Ltd makes boots. Lotus Footwear said so.",
                &["Lotus Footwear Pvt Ltd"],
            ),
            (
                "The Department of Textiles in Assam set up a unit.",
                &["Department of Textiles"],
            ),
            ("He met the Goa government on Monday.", &["Goa government"]),
            (
                "The plan went to the Apex Planning Board (APB) today.",
                &["Apex Planning Board"],
            ),
            ("Currently, we export. Despite rain, The output rose.", &[]),
            (
                "It sells boots to the Chinese Army and the Indian military boots trade.",
                &["Chinese Army"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names_of(text, EntityKind::Organization), *want, "{text}");
        }
    }

    #[test]
    fn people_with_roles() {
        let text = "Anil Kumar Sinha, Chief Executive Officer, Sinha Looms Pvt Ltd, said the plant is ready. \
                    \"We grow,\" said Rekha Devi, production head. Chief Minister Arvind Rao said yes. Sinha added more.";
        let found = find_entities(text);
        let people: Vec<(&str, Option<&str>, Option<&str>)> = found
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| {
                (
                    e.name.as_str(),
                    e.role.as_deref(),
                    e.organization.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            people,
            vec![
                (
                    "Anil Kumar Sinha",
                    Some("Chief Executive Officer"),
                    Some("Sinha Looms Pvt Ltd")
                ),
                ("Arvind Rao", Some("Chief Minister"), None),
                (
                    "Rekha Devi",
                    Some("production head"),
                    Some("Sinha Looms Pvt Ltd")
                ),
            ]
        );
        let anil = found.entities.iter().find(|e| e.name == "Anil Kumar Sinha");
        assert_eq!(anil.map(|e| e.mentions.len()), Some(2));
    }

    #[test]
    fn places_from_gazetteer_not_inside_orgs() {
        let text = "Reading the note, Mumbai traders and the Assam Tea Board met in Kenya.";
        assert_eq!(names_of(text, EntityKind::Place), vec!["Kenya", "Mumbai"]);
    }

    #[test]
    fn programmes() {
        let text = "Funds came through the \"PM Silk Scheme\" before Vibrant Gujarat 2024 under the GHG-X program.";
        assert_eq!(
            names_of(text, EntityKind::Programme),
            vec!["GHG-X program", "PM Silk Scheme", "Vibrant Gujarat 2024"]
        );
    }

    #[test]
    fn spelling_variants_of_people() {
        assert!(
            person_variant(
                "Shyam Lal Gupta",
                "Shiam Lal Gupta",
                Some("Director"),
                Some("director")
            )
            .is_some()
        );
        assert!(
            person_variant(
                "Shyam Lal Gupta",
                "Ram Lal Gupta",
                Some("Director"),
                Some("Director")
            )
            .is_none()
        );
        assert!(person_variant("Shyam Lal Gupta", "Shyam Lal Verma", None, None).is_none());
    }
}
