//! Samachar quantity extraction.
//!
//! [`extract`] finds the figures in an article and normalises them: numbers
//! in figures (western `1,234,567` and Indian `12,34,567.89` grouping, thin
//! or plain spaces between groups, decimals, fractions `2 1/2`), numbers in
//! words (`twelve lakh thirty four thousand five hundred`, `one million and
//! a half`, `minus five`), scales in both (`Rs 100 crore`, `5.5 lakh`,
//! `$13,009 million`, `100k`, `€10M`, `30 MUSD`), currencies in every form
//! (`Rs`, `₹`, `INR`, `rupees`, `$`, `US$`, `c $`, `USD`, `dollars`, `€`,
//! `£`, `pounds sterling`, ISO codes), percentages, temperatures, physical
//! units (tonnes, MMT/MTPA, km, acres, sq ft, MW, litres ...), durations
//! and ages, calendar years, counts with their noun and rates.
//!
//! # Rules worth knowing
//!
//! * **Count nouns.** A number followed by a plural noun is a count and the
//!   unit is that noun in lower case (`300 employees` → `employees`). The
//!   noun is the first plural word (ending in -s, or `people`, `women`,
//!   `staff` ...) within the next six lower-case words, skipping at most
//!   five modifiers (`459 operational units`, `50 new wall and vitrified
//!   tile units` → `units`) and never crossing a function word (`of`,
//!   `the`, `in`, `are` ...), punctuation or a line break.
//! * **Ellipsis.** A bare number right after "of which"/"of whom"/"of
//!   them"/"of these" takes the count noun of the count before it in the
//!   sentence, and so do later numbers in that sentence followed by the
//!   same word (`459 units, of which 178 produce ...; 52 produce ...`).
//!   A bare number also takes the noun its sentence names for it: after a
//!   partitive opening (`Of the 848 factories, 150 are ...`), after "the
//!   number of" (`the number of people ... to 45,000`), and within five
//!   words of "employ"/"employment"/"workforce" it counts `people`. A word
//!   inside a hyphenated modifier (`raw-to-wet`) does not end the phrase.
//! * **Years.** A four-digit number from 1800 to 2100 after `in`, `since`,
//!   `from`, `by`, `of`, `established` ... is a calendar year (unit `year`);
//!   before a capitalised word it names an event (`the 2019 Kumbh Mela`)
//!   and is a year too; right after a capitalised word it is a name
//!   (`Utkarsh Odisha 2025`) and is skipped. `2010-11` is a fiscal year: 2010 to 2011, unit `year`.
//! * **Skipped:** ordinals (`2nd`, `8th`), dates (`Feb 22, 2023`, `July
//!   18`, `22/02/2023`), times, phone numbers, PIN codes after a place name,
//!   URLs, e-mail addresses, versions, codes with letters (`D2C`, `G20`) and
//!   a lone word "one" with nothing after it.
//! * **Ranges** `2-3 lakh`, `2 to 3 lakh`, `between 2 and 3 lakh` give the
//!   low end as `value` and the high end as `value_max`.
//! * **Two currencies** `Rs 15 crore ($1.9 million)` give two quantities
//!   that point at each other through `same_as`.
//! * **Units in a field heading.** A bare figure alone on its line under a
//!   short heading takes its unit from the heading, as a reader of a data
//!   sheet would: `Total energy consumption (toe)` / `1093900` is 1093900
//!   `toe`; `Turnover (Rs crore)` / `1,200` is ₹1,200 crore (INR);
//!   `Production (tonnes/year)` / `5280` is 5280 tonnes per year; `Number of
//!   MSMEs` / `450` is 450 `MSMEs`.

mod find;
mod lexicon;
pub mod peer;
mod scan;
mod sentence;

use lexicon::{NumWord, UnitKind};
use samachar_model::Quantity;
use scan::{Kind, Lower, Numeral, Tok, tok, tok_before};

/// Finds every quantity in `text`, in text order, each with its sentence.
///
/// Offsets are byte offsets into `text`. The core calls this on text where
/// page furniture is already blanked out with spaces.
pub fn extract(text: &str) -> Vec<Quantity> {
    let (drafts, cuts) = drafts(text);
    let links = link_currencies(text, &drafts);
    let mut sents = sentence::Sentences::with_cuts(text, cuts);
    let mut out: Vec<Quantity> = drafts
        .into_iter()
        .zip(links)
        .map(|(d, same_as)| Quantity {
            text: text.get(d.start..d.end).unwrap_or("").to_string(),
            value: d.value,
            value_max: d.value_max,
            unit: d.unit,
            per: d.per,
            qualifier: d.qualifier,
            start: d.start,
            end: d.end,
            sentence: sents
                .at(d.start)
                .and_then(|r| text.get(r))
                .unwrap_or("")
                .to_string(),
            same_as,
        })
        .collect();
    units_from_headings(text, &mut out);
    out
}

/// Gives bare figures under a field heading the heading's unit.
fn units_from_headings(text: &str, quantities: &mut [Quantity]) {
    for q in quantities {
        if q.unit.is_none()
            && q.value_max.is_none()
            && q.qualifier.is_none()
            && let Some(unit) = heading_above(text, q.start, q.end)
                .and_then(heading_unit)
                .or_else(|| column_unit(text, q.start, q.end))
        {
            q.value *= unit.scale;
            q.unit = Some(unit.unit);
            if q.per.is_none() {
                q.per = unit.per;
            }
        }
    }
}

/// The short field heading right above a figure that stands alone on its
/// line (blank lines between allowed), if there is one.
fn heading_above(text: &str, start: usize, end: usize) -> Option<&str> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if !text[line_start..start].trim().is_empty() || !text[end..line_end].trim().is_empty() {
        return None;
    }
    let above = text[..line_start].trim_end();
    let heading = &above[above.rfind('\n').map_or(0, |i| i + 1)..];
    let heading = heading.trim();
    let words = heading.split_whitespace().count();
    (words > 0
        && words <= 8
        && !heading.ends_with(['.', '!', '?', ',', ';'])
        && !heading.chars().any(|c| c.is_ascii_digit()))
    .then_some(heading)
}

/// The unit a table column's heading gives a figure that fills a cell of a
/// row: `District | Units | Jobs` over `Gomati | 13,905 | 48,650` makes
/// 13,905 units and 48,650 jobs. Cells are split by `|` or tabs; the heading
/// is the nearest row above, in the same block of rows, with letters and no
/// digits and as many cells.
fn column_unit(text: &str, start: usize, end: usize) -> Option<HeadingUnit> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let line = &text[line_start..line_end];
    let sep = if line.contains('|') {
        '|'
    } else if line.contains('\t') {
        '\t'
    } else {
        return None;
    };
    let cells = |l: &str| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut from = 0;
        for (i, c) in l.char_indices().chain(std::iter::once((l.len(), sep))) {
            if c == sep {
                out.push((from, i));
                from = i + c.len_utf8();
            }
        }
        out
    };
    let row = cells(line);
    let (col, _) = row
        .iter()
        .enumerate()
        .find(|(_, (a, b))| line_start + a <= start && end <= line_start + b)?;
    let (a, b) = row[col];
    if line[a..b].trim() != &text[start..end] {
        return None;
    }
    // Up through the block of rows to the heading row.
    let mut above = &text[..line_start];
    loop {
        let trimmed = above.strip_suffix('\n').unwrap_or(above);
        let heading_line = &trimmed[trimmed.rfind('\n').map_or(0, |i| i + 1)..];
        if heading_line.trim().is_empty() || !heading_line.contains(sep) {
            return None;
        }
        let has_letters = heading_line.chars().any(char::is_alphabetic);
        if has_letters && !heading_line.chars().any(|c| c.is_ascii_digit()) {
            let head = cells(heading_line);
            if head.len() != row.len() {
                return None;
            }
            let (ha, hb) = head[col];
            let cell = heading_line[ha..hb].trim();
            if let Some(unit) = heading_unit(cell) {
                return Some(unit);
            }
            let last = cell.split_whitespace().last()?.to_lowercase();
            let short = cell.split_whitespace().count() <= 3
                && cell.chars().all(|c| c.is_alphabetic() || c == ' ');
            return (short && is_plural_noun(&last)).then_some(HeadingUnit {
                unit: last,
                per: None,
                scale: 1.0,
            });
        }
        above = &trimmed[..trimmed.len() - heading_line.len()];
    }
}

/// A unit read from a heading, with the scale it applies.
struct HeadingUnit {
    unit: String,
    per: Option<String>,
    scale: f64,
}

/// The unit a field heading gives its figure: the words in its closing
/// parentheses (`(toe)`, `(Rs crore)`, `(tonnes/year)`, `(%)`), or the noun
/// of `Number of ...`. `(Nos)` and the like say "a count" and give none.
fn heading_unit(heading: &str) -> Option<HeadingUnit> {
    if let Some(open) = heading.rfind('(')
        && let Some(inner) = heading[open + 1..].strip_suffix(')')
    {
        let inner = inner.trim();
        let lower = inner.to_lowercase();
        if inner.is_empty()
            || matches!(
                lower.trim_end_matches('.'),
                "no" | "nos" | "number" | "numbers"
            )
        {
            return None;
        }
        // Read "1 <unit>" (or "Rs 1 crore" for a currency) as a quantity.
        let mut words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty() && *w != "in")
            .collect();
        let currency = words.iter().position(|w| {
            matches!(
                w.trim_end_matches('.'),
                "rs" | "inr" | "₹" | "rupees" | "usd" | "$" | "us$" | "eur" | "€" | "£" | "gbp"
            )
        });
        let probe = match currency {
            Some(i) => {
                let cur = words.remove(i);
                format!("{cur} 1 {}", words.join(" "))
            }
            None => format!("1 {}", words.join(" ")),
        };
        let probe = probe.trim_end();
        if let Some(q) = only_draft(probe)
            && q.start == 0
            && q.end == probe.len()
        {
            match q.unit {
                Some(unit) => {
                    return Some(HeadingUnit {
                        unit,
                        per: q.per,
                        scale: q.value,
                    });
                }
                // A scale word alone ("(crore)") names no unit.
                None if q.value != 1.0 => return None,
                None => {}
            }
        }
        // A short lower-case abbreviation: a unit the reader of the sheet
        // knows ("toe", tonnes of oil equivalent). A capitalised word in
        // parentheses ("Phone (Office)") says something else.
        let single =
            (2..=4).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_lowercase());
        return single.then(|| HeadingUnit {
            unit: inner.to_string(),
            per: None,
            scale: 1.0,
        });
    }
    let lower = heading.to_ascii_lowercase();
    let noun = ["number of ", "no. of ", "no of "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| heading[p.len()..].trim()))?;
    let ok = !noun.is_empty()
        && noun.split_whitespace().count() <= 3
        && noun
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    ok.then(|| HeadingUnit {
        unit: noun.to_string(),
        per: None,
        scale: 1.0,
    })
}

/// The one quantity of a short probe text, before sentences and headings.
fn only_draft(probe: &str) -> Option<Draft> {
    let (drafts, _) = drafts(probe);
    let mut drafts = drafts.into_iter();
    let d = drafts.next()?;
    drafts.next().is_none().then_some(d)
}

/// A quantity before its sentence is attached.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    start: usize,
    end: usize,
    value: f64,
    value_max: Option<f64>,
    unit: Option<String>,
    per: Option<String>,
    qualifier: Option<String>,
    kind: Option<UnitKind>,
    /// The word right after the number (for the ellipsis rule).
    next_word: Option<(usize, usize)>,
    /// The number had no unit of its own.
    bare: bool,
    /// Words skipped between the number and its count noun.
    noun_gap: usize,
    /// End of the number itself.
    core_end: usize,
}

impl Draft {
    /// A number that may stand for a noun said before it: no unit, or a
    /// count noun found only past other words ("178 produce wall tiles").
    fn elliptical(&self) -> bool {
        self.bare || (self.kind == Some(UnitKind::Count) && self.noun_gap > 0 && self.per.is_none())
    }

    fn make_count(&mut self, noun: &str) {
        self.unit = Some(noun.to_string());
        self.kind = Some(UnitKind::Count);
        self.end = self.core_end;
        self.bare = false;
    }
}

/// What reading at an anchor gives: a quantity, or where to go on.
#[allow(clippy::large_enum_variant)] // made once per anchor, moved once
enum Step {
    Emit(Draft),
    Skip(usize),
}

/// True when a six-digit number at `start..end` stands where a PIN code
/// does: at the end of an address line, after a place name or a label.
pub(crate) fn is_pin_context(t: &str, start: usize, end: usize) -> bool {
    let after_ok = match t[end..].chars().next() {
        None => true,
        Some(c) => matches!(c, ',' | '.' | ')' | '\n' | ';' | '|' | '\r'),
    };
    if !after_ok {
        return false;
    }
    match tok_before(t, start, start.saturating_sub(40)) {
        Some(p) if p.kind == Kind::Sym('-') || p.kind == Kind::Sym(':') => true,
        Some(p) if p.is_word() => {
            let raw = p.raw(t);
            let lw = Lower::new(raw);
            raw.chars().next().is_some_and(char::is_uppercase)
                || matches!(lw.as_str(), "pin" | "pincode" | "code")
        }
        _ => false,
    }
}

/// The quantities of `t` before their sentences are attached, and the
/// places where a sentence may end.
fn drafts(t: &str) -> (Vec<Draft>, Vec<usize>) {
    let mut finder = find::Finder::new(t);
    // At most one quantity per anchor; most anchors give one.
    let mut out: Vec<Draft> = Vec::with_capacity(finder.anchor_count());
    let mut pos = 0usize;
    let mut floor = 0usize;
    while pos < t.len() {
        let Some((a, m_end)) = finder.next_anchor(pos) else {
            break;
        };
        if let Some(s) = finder.containing(a) {
            pos = s.end.max(m_end);
            floor = pos;
            continue;
        }
        match parse_at(t, a, floor) {
            Step::Emit(d) => {
                pos = d.end.max(m_end);
                floor = d.end;
                out.push(d);
            }
            Step::Skip(next) => {
                pos = next.max(m_end);
                floor = pos;
            }
        }
        while !t.is_char_boundary(pos) && pos < t.len() {
            pos += 1;
        }
    }
    apply_ellipsis(t, &mut out);
    apply_context_nouns(t, &mut out);
    (out, finder.take_cuts())
}

/// The start of the sentence or line that holds byte `at`, at most 240
/// bytes back.
fn clause_start(t: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(240);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let before = &t.as_bytes()[from..at];
    let mut i = before.len();
    while i > 0 {
        let b = before[i - 1];
        let ends = b == b'\n'
            || (matches!(b, b'.' | b'?' | b'!')
                && before.get(i).is_some_and(|&n| n == b' ')
                && before.get(i + 1).is_some_and(u8::is_ascii_uppercase));
        if ends {
            return from + i;
        }
        i -= 1;
    }
    from
}

/// Gives a figure with no unit the count noun its sentence names for it:
/// "Of Sivakasi's 848 factories, 150 are up for sale" (150 factories), "the
/// number of people employed would rise to 45,000" (45,000 people),
/// "employment has declined to 200,000" (200,000 people).
fn apply_context_nouns(t: &str, out: &mut [Draft]) {
    for i in 0..out.len() {
        if !out[i].bare {
            continue;
        }
        let start = out[i].start;
        let from = clause_start(t, start);
        // "Of the 848 factories, 150 ...", "Out of 300 workers, 210 ...".
        if let Some(prev) = i.checked_sub(1).and_then(|j| out.get(j))
            && prev.kind == Some(UnitKind::Count)
            && prev.start >= from
            && t[prev.end..start].trim() == ","
            && let Some(noun) = prev.unit.clone()
        {
            let lead = t[from..prev.start].trim_start().to_ascii_lowercase();
            let partitive = ["of ", "out of ", "among "]
                .iter()
                .any(|p| lead.starts_with(p))
                && !lead.contains(',')
                && lead.split_whitespace().count() <= 4;
            if partitive {
                out[i].make_count(&noun);
                continue;
            }
        }
        let before = t[from..start].to_ascii_lowercase();
        if let Some(noun) = number_of_noun(&before) {
            out[i].make_count(&noun);
            continue;
        }
        if employment_before(&before) {
            out[i].make_count("people");
        }
    }
}

/// The plural noun after the last "number of" in `before` (lower case).
fn number_of_noun(before: &str) -> Option<String> {
    let at = ["number of ", "no. of ", "no of "]
        .iter()
        .filter_map(|p| before.rfind(p).map(|i| i + p.len()))
        .max()?;
    let rest = &before[at..];
    // No other figure between the noun and this one, except bare ones of
    // the same sentence ("rose from 450 to 520").
    let word: &str = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    (is_plural_noun(word) && !lexicon::is_function_word(word)).then(|| word.to_string())
}

/// True when the last few words of `before` (lower case) speak of
/// employment ("employment has declined to", "will employ about"), with no
/// figure among them.
fn employment_before(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .rev()
        .take(5)
        .collect();
    if words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) {
        return false;
    }
    words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphabetic());
        matches!(
            w,
            "employ"
                | "employs"
                | "employed"
                | "employing"
                | "employment"
                | "workforce"
                | "headcount"
        )
    })
}

/// Gives elliptical counts ("of which 178 produce ...") the noun of the
/// count before them.
fn apply_ellipsis(t: &str, out: &mut [Draft]) {
    let mut i = 0;
    while i < out.len() {
        let d = &out[i];
        let is_lead = d.elliptical() && d.qualifier.is_none() && {
            let mut from = d.start.saturating_sub(24);
            while !t.is_char_boundary(from) {
                from += 1;
            }
            let head = t[from..d.start].trim_end();
            ["of which", "of whom", "of them", "of these", "of those"]
                .iter()
                .any(|p| strip_suffix_ci(head, p).is_some())
        };
        if !is_lead || i == 0 {
            i += 1;
            continue;
        }
        let prev = &out[i - 1];
        let noun = match (&prev.unit, prev.kind) {
            (Some(u), Some(UnitKind::Count)) => u.clone(),
            _ => {
                i += 1;
                continue;
            }
        };
        let gap = &t[prev.end..d.start];
        if gap.contains(['.', '\n']) {
            i += 1;
            continue;
        }
        let verb = d.next_word.map(|(s, e)| &t[s..e]);
        out[i].make_count(&noun);
        let mut j = i + 1;
        while j < out.len() {
            let gap = &t[out[j - 1].end..out[j].start];
            let same_verb = match (out[j].next_word, verb) {
                (Some((s, e)), Some(v)) => t[s..e].eq_ignore_ascii_case(v),
                (None, None) => true,
                _ => false,
            };
            if gap.contains(['.', '\n']) || !out[j].elliptical() || verb.is_none() || !same_verb {
                break;
            }
            out[j].make_count(&noun);
            j += 1;
        }
        i = j;
    }
}

/// Links an amount in one currency to the same amount in another given
/// right after it in brackets or after a slash.
fn link_currencies(t: &str, drafts: &[Draft]) -> Vec<Option<usize>> {
    let mut out = vec![None; drafts.len()];
    for i in 1..drafts.len() {
        let (a, b) = (&drafts[i - 1], &drafts[i]);
        if a.kind != Some(UnitKind::Currency) || b.kind != Some(UnitKind::Currency) {
            continue;
        }
        if a.unit == b.unit || out[i - 1].is_some() {
            continue;
        }
        let gap = t[a.end..b.start].trim();
        let gap = gap.trim_end_matches(['(', '[']).trim();
        let opened = t[a.end..b.start].contains(['(', '[']);
        if (opened && gap.is_empty()) || matches!(gap, "/" | "or" | "i.e." | "(i.e.") {
            out[i - 1] = Some(i);
            out[i] = Some(i - 1);
        }
    }
    out
}

/// `s` without the suffix `pat` (lower-case ASCII) in any case.
fn strip_suffix_ci<'a>(s: &'a str, pat: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(pat.len())?;
    if s.as_bytes()[cut..].eq_ignore_ascii_case(pat.as_bytes()) {
        s.get(..cut)
    } else {
        None
    }
}

fn is_alnum_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// End of the run of letters and digits starting at `i`.
fn alnum_end(t: &str, i: usize) -> usize {
    let b = t.as_bytes();
    let mut j = i;
    while j < b.len()
        && (is_alnum_byte(b[j]) || b[j] == b'.' && b.get(j + 1).is_some_and(u8::is_ascii_digit))
    {
        j += 1;
    }
    j
}

fn lower(t: &str, k: Tok) -> Lower<'_> {
    Lower::new(k.raw(t))
}

/// What stands before the number: sign, currency, qualifier.
#[derive(Debug, Default)]
struct Prefix {
    start: usize,
    neg: bool,
    currency: Option<(&'static str, f64)>,
    qualifier: Option<&'static str>,
    between: bool,
}

fn is_currency_prefix_word(raw: &str, w: &str) -> Option<(&'static str, f64)> {
    if matches!(w, "rs" | "re" | "inr" | "rupees") {
        return Some(("INR", 1.0));
    }
    if let Some(c) = lexicon::iso_code(raw, w) {
        return Some((c, 1.0));
    }
    lexicon::million_code(raw).map(|c| (c, 1e6))
}

fn parse_prefix(t: &str, core_start: usize, floor: usize, is_num: bool) -> Prefix {
    let mut p = Prefix {
        start: core_start,
        ..Prefix::default()
    };
    // Sign.
    let first = tok_before(t, core_start, floor);
    if let Some(k) = first {
        match k.kind {
            Kind::Sym('-' | '−' | '–') if is_num => {
                let attached = k.end == core_start;
                let before = tok_before(t, k.start, k.start.saturating_sub(64));
                let ok = match before {
                    None => true,
                    Some(b) => match b.kind {
                        Kind::Break | Kind::End => true,
                        Kind::Num => false,
                        Kind::Word => b.end < k.start,
                        Kind::Sym(c) => attached && matches!(c, '(' | '[' | ':' | '=' | ',' | ';'),
                    },
                };
                if ok {
                    p.neg = true;
                    p.start = k.start;
                }
            }
            Kind::Word => {
                if matches!(lower(t, k).as_str(), "minus" | "negative") {
                    p.neg = true;
                    p.start = k.start;
                }
            }
            _ => {}
        }
    }
    // Currency.
    let second = if p.start == core_start {
        first
    } else {
        tok_before(t, p.start, floor)
    };
    if let Some(k) = second {
        match k.kind {
            Kind::Sym('$') => {
                let mut code = "USD";
                let mut start = k.start;
                let window_start = floor.max(k.start.saturating_sub(6));
                let window = t.get(window_start..k.start).unwrap_or("");
                let trimmed = window.trim_end_matches(' ');
                let mut dotted = false;
                for pat in ["u.s.", "u.s"] {
                    if let Some(head) = strip_suffix_ci(trimmed, pat)
                        && !head.bytes().last().is_some_and(is_alnum_byte)
                    {
                        start = window_start + head.len();
                        dotted = true;
                        break;
                    }
                }
                if !dotted
                    && let Some(q) = tok_before(t, k.start, floor)
                    && q.is_word()
                {
                    let spaced = q.end < k.start;
                    if let Some(c) = lexicon::dollar_prefix(lower(t, q).as_str(), spaced) {
                        code = c;
                        start = q.start;
                    }
                }
                p.currency = Some((code, 1.0));
                p.start = start;
            }
            Kind::Sym(c @ ('₹' | '€' | '£' | '¥')) => {
                let code = match c {
                    '₹' => "INR",
                    '€' => "EUR",
                    '£' => "GBP",
                    _ => "JPY",
                };
                p.currency = Some((code, 1.0));
                p.start = k.start;
            }
            Kind::Sym('.') => {
                if let Some(q) = tok_before(t, k.start, floor)
                    && q.is_word()
                    && q.end == k.start
                    && matches!(lower(t, q).as_str(), "rs" | "re")
                {
                    p.currency = Some(("INR", 1.0));
                    p.start = q.start;
                }
            }
            Kind::Word => {
                if let Some(c) = is_currency_prefix_word(k.raw(t), lower(t, k).as_str()) {
                    p.currency = Some(c);
                    p.start = k.start;
                }
            }
            _ => {}
        }
    }
    // Qualifier.
    let mut ws = floor.max(p.start.saturating_sub(24));
    while !t.is_char_boundary(ws) {
        ws += 1;
    }
    let window = t.get(ws..p.start).unwrap_or("");
    let trimmed = window.trim_end_matches([' ', '\t', '\u{a0}']);
    if !trimmed.ends_with('\n') {
        for q in lexicon::qualifiers_ending(trimmed) {
            if let Some(head) = strip_suffix_ci(trimmed, q)
                && !head.bytes().last().is_some_and(is_alnum_byte)
            {
                if *q == "between" {
                    p.between = true;
                } else {
                    p.qualifier = Some(*q);
                    p.start = ws + head.len();
                }
                break;
            }
        }
    }
    p
}

/// A number read from figures and/or words.
#[derive(Clone, Copy, Debug)]
struct Core {
    end: usize,
    value: f64,
    /// The scale of the last group ("3 lakh" gives 1e5), 1 when none.
    top: f64,
    scaled: bool,
    /// The single numeral, when the number is only that.
    single: Option<Numeral>,
    lone_one: bool,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Last {
    None,
    A,
    Digits,
    Unit,
    Teen,
    Tens,
    Hyphen,
    Hundred,
    Scale,
    And,
    Frac,
}

#[derive(Clone, Copy)]
struct Acc {
    stack: [(f64, f64); 8],
    n: usize,
    cur: f64,
    last: Last,
    end: usize,
    top: f64,
    scaled: bool,
    words: bool,
    count: u32,
}

impl Acc {
    fn total(&self) -> f64 {
        self.stack[..self.n].iter().map(|x| x.0).sum::<f64>() + self.cur
    }

    fn apply_scale(&mut self, s: f64) -> bool {
        let mut acc = self.cur;
        while self.n > 0 && self.stack[self.n - 1].1 < s {
            self.n -= 1;
            acc += self.stack[self.n].0;
        }
        if self.n >= self.stack.len() || acc == 0.0 && self.last != Last::Digits {
            return false;
        }
        self.stack[self.n] = (acc * s, s);
        self.n += 1;
        self.cur = 0.0;
        self.top = s;
        self.scaled = true;
        true
    }
}

fn is_number_word_tok(t: &str, k: Tok) -> bool {
    k.is_word()
        && matches!(
            lexicon::num_word(lower(t, k).as_str()),
            Some(NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_))
        )
}

/// True when what follows `pos` is a unit, currency or scale word: then
/// plain spaces may group digits ("10 000 dollars").
fn unit_follows(t: &str, pos: usize) -> bool {
    let k = tok(t, pos);
    if !k.is_word() {
        return matches!(k.kind, Kind::Sym('$' | '€' | '£' | '₹' | '%'));
    }
    let raw = k.raw(t);
    let lw = Lower::new(raw);
    let w = lw.as_str();
    lexicon::scale_word(w).is_some()
        || lexicon::currency_word(w).is_some()
        || lexicon::iso_code(raw, w).is_some()
        || lexicon::unit_word(raw, w).is_some()
}

/// Digits grouped by spaces read as one number without a unit or currency
/// when there are three groups or more ("1 234 567"), or when the figure
/// is all there is on its line: "on May 15 200 workers" stays two numbers.
fn spaced_stands_alone(t: &str, start: usize, end: usize) -> bool {
    let groups = t[start..end].bytes().filter(|&b| b == b' ').count() + 1;
    let line_start = t[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = t[end..].find('\n').map_or(t.len(), |i| end + i);
    let bare = |s: &str| !s.chars().any(char::is_alphanumeric);
    groups >= 3 || (bare(&t[line_start..start]) && bare(&t[end..line_end]))
}

fn parse_core(t: &str, start: usize, currency: bool) -> Option<Core> {
    let mut st = Acc {
        stack: [(0.0, 0.0); 8],
        n: 0,
        cur: 0.0,
        last: Last::None,
        end: start,
        top: 1.0,
        scaled: false,
        words: false,
        count: 0,
    };
    let mut snap: Option<(Acc, f64)> = None;
    let mut single: Option<Numeral> = None;
    let mut p = start;
    loop {
        let k = tok(t, p);
        let attached = k.start == st.end;
        match k.kind {
            Kind::Num | Kind::Sym('.') => {
                if !matches!(
                    st.last,
                    Last::None | Last::Scale | Last::Hundred | Last::And
                ) {
                    break;
                }
                let mut nm = if k.kind == Kind::Num {
                    scan::numeral(t, k.start)
                } else {
                    if st.last != Last::None
                        || !t.as_bytes().get(k.end).is_some_and(u8::is_ascii_digit)
                    {
                        break;
                    }
                    scan::leading_decimal(t, k.start)
                };
                if nm.bad {
                    break;
                }
                if st.last == Last::None {
                    if let Some((se, sv)) = nm.spaced
                        && (currency || unit_follows(t, se) || spaced_stands_alone(t, k.start, se))
                    {
                        nm.value = sv;
                        nm.end = se;
                        nm.grouped = true;
                    }
                    if !nm.decimal && !nm.fraction && !nm.grouped {
                        let nx = tok(t, nm.end);
                        if nx.kind == Kind::Num && nx.start == nm.end + 1 {
                            let f = scan::numeral(t, nx.start);
                            if f.fraction && !f.bad {
                                nm.value += f.value;
                                nm.end = f.end;
                                nm.fraction = true;
                            }
                        }
                    }
                    single = Some(nm);
                } else {
                    // After a scale, figures must lead to a smaller scale
                    // ("1 crore 25 lakh"); after "hundred", stay below it.
                    if st.last == Last::Scale {
                        let nx = tok(t, nm.end);
                        let ok = nx.is_word()
                            && match lexicon::num_word(lower(t, nx).as_str()) {
                                Some(NumWord::Hundred) => true,
                                Some(NumWord::Scale(s)) => s < st.top,
                                _ => false,
                            };
                        if !ok || nm.value >= st.top {
                            break;
                        }
                    }
                    if st.last == Last::Hundred && nm.value >= 100.0 {
                        break;
                    }
                    single = None;
                }
                st.cur += nm.value;
                st.last = Last::Digits;
                st.end = nm.end;
                st.count += 1;
                p = nm.end;
            }
            Kind::Word => {
                let raw = k.raw(t);
                let lw = Lower::new(raw);
                let w = lw.as_str();
                let abbrev = matches!(
                    w,
                    "k" | "mn" | "mln" | "mio" | "bn" | "bln" | "cr" | "crs" | "tn" | "tln"
                );
                let letter_scale = if st.last == Last::Digits {
                    match raw {
                        "M" if attached || currency => Some(1e6),
                        "m" if currency => Some(1e6),
                        "B" if attached || currency => Some(1e9),
                        "b" if currency => Some(1e9),
                        "L" | "l" if currency => Some(1e5),
                        _ => None,
                    }
                } else {
                    None
                };
                if abbrev && st.last != Last::Digits {
                    break;
                }
                let nw = match letter_scale {
                    Some(s) => Some(NumWord::Scale(s)),
                    None => lexicon::num_word(w),
                };
                match nw {
                    Some(NumWord::Unit(u)) => {
                        let ok = matches!(
                            st.last,
                            Last::None
                                | Last::Scale
                                | Last::Hundred
                                | Last::And
                                | Last::Hyphen
                                | Last::Tens
                        );
                        if !ok {
                            break;
                        }
                        st.cur += u;
                        st.last = Last::Unit;
                    }
                    Some(NumWord::Teen(v)) | Some(NumWord::Tens(v)) => {
                        if !matches!(
                            st.last,
                            Last::None | Last::Scale | Last::Hundred | Last::And
                        ) {
                            break;
                        }
                        st.cur += v;
                        st.last = if v < 20.0 { Last::Teen } else { Last::Tens };
                    }
                    Some(NumWord::Hundred) | Some(NumWord::Dozen) => {
                        // "half a dozen", "two and a half dozen".
                        let frac_dozen = st.last == Last::Frac && nw == Some(NumWord::Dozen);
                        if !frac_dozen
                            && !matches!(
                                st.last,
                                Last::Unit | Last::Teen | Last::Tens | Last::Digits | Last::A
                            )
                        {
                            break;
                        }
                        let f = if nw == Some(NumWord::Hundred) {
                            100.0
                        } else {
                            12.0
                        };
                        st.cur *= f;
                        st.last = Last::Hundred;
                    }
                    Some(NumWord::Scale(s)) => {
                        let ok = match st.last {
                            Last::Unit
                            | Last::Teen
                            | Last::Tens
                            | Last::Digits
                            | Last::Hundred
                            | Last::A
                            | Last::Frac => true,
                            Last::Scale => st.top < s,
                            _ => false,
                        };
                        if !ok {
                            break;
                        }
                        if let Some((saved, lim)) = snap
                            && s >= lim
                        {
                            st = saved;
                            snap = None;
                            break;
                        }
                        if st.last == Last::Scale {
                            st.last = Last::Digits;
                        }
                        if !st.apply_scale(s) {
                            break;
                        }
                        st.last = Last::Scale;
                    }
                    None => match w {
                        "and" => {
                            let n1 = tok(t, k.end);
                            let n1w = lower(t, n1);
                            let half_follows =
                                n1.is_word() && matches!(n1w.as_str(), "a" | "one") && {
                                    let n2 = tok(t, n1.end);
                                    n2.is_word() && lower(t, n2).as_str() == "half"
                                };
                            let whole = matches!(
                                st.last,
                                Last::Scale | Last::Digits | Last::Unit | Last::Teen | Last::Tens
                            );
                            if half_follows && whole {
                                // "3 million and a half", "five and a half",
                                // "two and a half thousand".
                                let n2 = tok(t, n1.end);
                                let was_scale = st.last == Last::Scale;
                                let unit = if was_scale { st.top } else { 1.0 };
                                st.cur += 0.5 * unit;
                                st.last = Last::Frac;
                                st.end = n2.end;
                                let n3 = tok(t, n2.end);
                                let scale_next = !was_scale
                                    && n3.is_word()
                                    && matches!(
                                        lexicon::num_word(lower(t, n3).as_str()),
                                        Some(NumWord::Scale(_) | NumWord::Dozen)
                                    );
                                if !scale_next {
                                    break;
                                }
                                st.words = true;
                                st.count += 1;
                                p = n2.end;
                                continue;
                            }
                            if !matches!(st.last, Last::Scale | Last::Hundred) {
                                break;
                            }
                            let numeric = n1.kind == Kind::Num || is_number_word_tok(t, n1);
                            if !numeric {
                                break;
                            }
                            let lim = if st.last == Last::Scale {
                                st.top
                            } else {
                                f64::INFINITY
                            };
                            snap = Some((st, lim));
                            st.last = Last::And;
                            p = k.end;
                            continue;
                        }
                        "point" => {
                            if !st.words
                                || !matches!(
                                    st.last,
                                    Last::Unit | Last::Teen | Last::Tens | Last::Hundred
                                )
                            {
                                break;
                            }
                            let mut q = k.end;
                            let mut scale = 0.1;
                            let mut frac = 0.0;
                            let mut end = None;
                            loop {
                                let d = tok(t, q);
                                match lexicon::num_word(lower(t, d).as_str()) {
                                    Some(NumWord::Unit(u)) if d.is_word() => {
                                        frac += u * scale;
                                        scale /= 10.0;
                                        end = Some(d.end);
                                        q = d.end;
                                    }
                                    _ => break,
                                }
                            }
                            let Some(e) = end else {
                                break;
                            };
                            st.cur += frac;
                            st.end = e;
                            st.last = Last::Frac;
                            break;
                        }
                        "half" | "quarter" => {
                            let f = if w == "half" { 0.5 } else { 0.25 };
                            let nx = tok(t, k.end);
                            let scale_next = nx.is_word()
                                && matches!(
                                    lexicon::num_word(lower(t, nx).as_str()),
                                    Some(NumWord::Scale(_))
                                );
                            let one_before = matches!(st.last, Last::Unit | Last::Hyphen)
                                && st.cur == 1.0
                                && st.n == 0;
                            // "half a million": the article between.
                            let article_then_scale =
                                nx.is_word() && matches!(lower(t, nx).as_str(), "a" | "an") && {
                                    let sc = tok(t, nx.end);
                                    sc.is_word()
                                        && matches!(
                                            lexicon::num_word(lower(t, sc).as_str()),
                                            Some(NumWord::Scale(_) | NumWord::Dozen)
                                        )
                                };
                            if st.last == Last::None && scale_next {
                                st.cur = f;
                            } else if st.last == Last::None && article_then_scale {
                                st.cur = f;
                                st.words = true;
                                st.last = Last::Frac;
                                st.end = k.end;
                                st.count += 1;
                                p = nx.end;
                                continue;
                            } else if st.last == Last::A || one_before {
                                st.cur = f;
                                st.words = true;
                                st.last = Last::Frac;
                                st.end = k.end;
                                st.count += 1;
                                if !scale_next {
                                    break;
                                }
                                p = k.end;
                                continue;
                            } else {
                                break;
                            }
                            st.last = Last::Frac;
                        }
                        "a" | "an" => {
                            if st.last != Last::None {
                                break;
                            }
                            let nx = tok(t, k.end);
                            let ok = nx.is_word()
                                && (matches!(
                                    lexicon::num_word(lower(t, nx).as_str()),
                                    Some(NumWord::Hundred | NumWord::Dozen | NumWord::Scale(_))
                                ) || matches!(lower(t, nx).as_str(), "half" | "quarter"))
                                && !matches!(
                                    lower(t, nx).as_str(),
                                    "k" | "mn" | "bn" | "cr" | "tn" | "mln" | "bln"
                                );
                            if !ok {
                                break;
                            }
                            st.cur = 1.0;
                            st.last = Last::A;
                            p = k.end;
                            continue;
                        }
                        _ => break,
                    },
                }
                st.words = true;
                st.end = k.end;
                st.count += 1;
                p = k.end;
            }
            Kind::Sym('-' | '–') => {
                let nx = tok(t, k.end);
                let sym_attached = attached && nx.start == k.end;
                let sym_spaced = !attached && nx.start > k.end;
                if !(sym_attached || sym_spaced) || !nx.is_word() {
                    break;
                }
                let nw = lower(t, nx);
                // "a Rs 3.4-crore centre", "a 120-lakh plant": the scale
                // joined to the figure by a hyphen.
                if st.last == Last::Digits
                    && sym_attached
                    && matches!(lexicon::num_word(nw.as_str()), Some(NumWord::Scale(_)))
                {
                    p = k.end;
                    continue;
                }
                let ok = match st.last {
                    Last::Tens => matches!(lexicon::num_word(nw.as_str()), Some(NumWord::Unit(_))),
                    Last::Unit => {
                        st.cur == 1.0 && st.n == 0 && matches!(nw.as_str(), "half" | "quarter")
                    }
                    _ => false,
                };
                if !ok {
                    break;
                }
                st.last = Last::Hyphen;
                p = k.end;
            }
            _ => break,
        }
    }
    if st.last == Last::And
        && let Some((saved, _)) = snap
    {
        st = saved;
    }
    if matches!(st.last, Last::None | Last::A | Last::And | Last::Hyphen) {
        return None;
    }
    let value = st.total();
    if !value.is_finite() {
        return None;
    }
    let single = single.filter(|s| s.end == st.end && !st.words && !st.scaled);
    Some(Core {
        end: st.end,
        value,
        top: st.top,
        scaled: st.scaled,
        single,
        lone_one: st.words && st.count == 1 && value == 1.0,
    })
}

/// A unit read after a number.
#[derive(Debug, Clone)]
struct UnitHit {
    code: &'static str,
    factor: f64,
    per: Option<&'static str>,
    kind: UnitKind,
    end: usize,
}

impl UnitHit {
    fn new(code: &'static str, kind: UnitKind, end: usize) -> UnitHit {
        UnitHit {
            code,
            factor: 1.0,
            per: None,
            kind,
            end,
        }
    }
}

struct UnitCtx {
    currency: bool,
    scaled: bool,
}

fn temperature_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "c" | "celsius" | "celcius" | "centigrade" | "centigrate" => "degC",
        "f" | "fahrenheit" | "farenheit" | "fahrenheight" => "degF",
        "k" | "kelvin" | "kelvins" => "K",
        _ => return None,
    })
}

/// Bare "degrees": a temperature when the sentence around speaks of one.
fn bare_degrees(t: &str, pos: usize) -> &'static str {
    let around = around(t, pos, 120, 80);
    let hot = [
        "temperat", "cold", "heat", "hot", "warm", "weather", "winter", "summer", "freez", "boil",
        "celsius", "chill",
    ];
    if hot.iter().any(|h| around.contains(h)) {
        "degC"
    } else {
        "deg"
    }
}

/// Words of money: one of them in the sentence around a bare lakh or crore
/// makes it rupees.
const MONEY_WORDS: &[&str] = &[
    "invest",
    "invested",
    "investing",
    "investment",
    "investments",
    "worth",
    "cost",
    "costs",
    "costing",
    "valued",
    "turnover",
    "revenue",
    "revenues",
    "loss",
    "losses",
    "budget",
    "fund",
    "funds",
    "funding",
    "sanctioned",
    "spent",
    "spend",
    "spending",
    "price",
    "profit",
    "profits",
    "capital",
    "grant",
    "subsidy",
    "loan",
    "loans",
    "outlay",
    "earnings",
    "earned",
    "income",
    "expenditure",
    "allocated",
    "allocation",
    "rupees",
];

/// True when the sentence around `start..end` (up to about 80 bytes
/// before and 40 after, not past a full stop) holds a word of money.
fn money_talk(t: &str, start: usize, end: usize) -> bool {
    let before = around(t, start, 80, 0);
    let before = before.rsplit_once(". ").map_or(before.as_str(), |x| x.1);
    let after = around(t, end, 0, 40);
    let after = after.split_once('.').map_or(after.as_str(), |x| x.0);
    [before, after].iter().any(|part| {
        part.split(|c: char| !c.is_alphabetic())
            .any(|w| MONEY_WORDS.contains(&w))
    })
}

/// The text around `pos`, lower-cased (a few dozen bytes either side).
fn around(t: &str, pos: usize, before: usize, after: usize) -> String {
    let mut s = pos.saturating_sub(before);
    while !t.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (pos + after).min(t.len());
    while !t.is_char_boundary(e) {
        e += 1;
    }
    t[s..e].to_lowercase()
}

/// "500 pounds": money when the words around speak of money and not of
/// weight.
fn pounds_are_money(t: &str, pos: usize) -> bool {
    let ctx = around(t, pos, 80, 60);
    let weight = [
        "weigh", "heavy", "lb", "kg", "bag", "baby", "lose", "lost", "drop", "gain", "fat", "diet",
        "load",
    ];
    let money = [
        "pay",
        "paid",
        "fine",
        "cost",
        "price",
        "worth",
        "spen",
        "sold",
        "sell",
        "buy",
        "bought",
        "earn",
        "salary",
        "wage",
        "fund",
        "invest",
        "revenue",
        "profit",
        "£",
        "budget",
        "loan",
        "donat",
        "bid",
        "valued",
        "fee",
        "bonus",
        "compensat",
        "award",
    ];
    !weight.iter().any(|w| ctx.contains(w)) && money.iter().any(|w| ctx.contains(w))
}

fn square_of(t: &str, def: &lexicon::UnitDef, k: Tok) -> Option<(&'static str, usize)> {
    let sq = def.squarable?;
    let rest = t.get(k.end..).unwrap_or("");
    if rest.starts_with('²') {
        return Some((sq, k.end + '²'.len_utf8()));
    }
    if rest.starts_with("^2") {
        return Some((sq, k.end + 2));
    }
    if rest.starts_with('2') && !rest.as_bytes().get(1).is_some_and(u8::is_ascii_digit) {
        return Some((sq, k.end + 1));
    }
    let nx = tok(t, k.end);
    if nx.is_word() && lower(t, nx).as_str() == "squared" {
        return Some((sq, nx.end));
    }
    None
}

fn parse_unit(t: &str, pos: usize, ctx: &UnitCtx) -> Option<UnitHit> {
    let mut a = tok(t, pos);
    if let Kind::Sym('-') = a.kind {
        let b = tok(t, a.end);
        let sym_ok = (a.start == pos && b.start == a.end) || (a.start > pos && b.start > a.end);
        if !b.is_word() || !sym_ok {
            return None;
        }
        a = b;
    }
    match a.kind {
        Kind::Sym('%') => Some(UnitHit::new("percent", UnitKind::Percent, a.end)),
        Kind::Sym('℃') => Some(UnitHit::new("degC", UnitKind::Temperature, a.end)),
        Kind::Sym('℉') => Some(UnitHit::new("degF", UnitKind::Temperature, a.end)),
        Kind::Sym('°' | 'º') => {
            let b = tok(t, a.end);
            if b.is_word()
                && let Some(code) = temperature_word(lower(t, b).as_str())
            {
                return Some(UnitHit::new(code, UnitKind::Temperature, b.end));
            }
            Some(UnitHit::new(
                bare_degrees(t, pos),
                UnitKind::Temperature,
                a.end,
            ))
        }
        Kind::Sym(c @ ('$' | '€' | '£' | '₹' | '¥')) if !ctx.currency => {
            let b = tok(t, a.end);
            if b.kind == Kind::Num {
                return None;
            }
            let code = match c {
                '$' => "USD",
                '€' => "EUR",
                '£' => "GBP",
                '₹' => "INR",
                _ => "JPY",
            };
            Some(UnitHit::new(code, UnitKind::Currency, a.end))
        }
        Kind::Word => word_unit(t, pos, a, ctx),
        _ => None,
    }
}

fn word_unit(t: &str, pos: usize, a: Tok, ctx: &UnitCtx) -> Option<UnitHit> {
    let raw = a.raw(t);
    let lw = Lower::new(raw);
    let w = lw.as_str();
    let n1 = tok(t, a.end);
    let n1l = lower(t, n1);
    let n1w = if n1.is_word() { n1l.as_str() } else { "" };
    // Percent.
    if w == "per" {
        if n1w == "cent" {
            return Some(UnitHit::new("percent", UnitKind::Percent, n1.end));
        }
        if n1.kind == Kind::Sym('-') {
            let n2 = tok(t, n1.end);
            if n2.is_word() && lower(t, n2).as_str() == "cent" {
                return Some(UnitHit::new("percent", UnitKind::Percent, n2.end));
            }
        }
        return None;
    }
    if matches!(
        w,
        "percent" | "percents" | "percentage" | "pct" | "pc" | "prc" | "percentages"
    ) {
        return Some(UnitHit::new("percent", UnitKind::Percent, a.end));
    }
    // Temperature.
    if matches!(w, "degree" | "degrees" | "deg" | "degs") {
        if let Some(code) = temperature_word(n1w) {
            return Some(UnitHit::new(code, UnitKind::Temperature, n1.end));
        }
        return Some(UnitHit::new(
            bare_degrees(t, pos),
            UnitKind::Temperature,
            a.end,
        ));
    }
    if w.len() > 1
        && let Some(code) = temperature_word(w)
    {
        return Some(UnitHit::new(code, UnitKind::Temperature, a.end));
    }
    // Currency.
    if !ctx.currency {
        if let Some(code) = lexicon::currency_adjective(w, n1w) {
            return Some(UnitHit::new(code, UnitKind::Currency, n1.end));
        }
        if matches!(w, "hong" | "new") && matches!(n1w, "kong" | "zealand") {
            let n2 = tok(t, n1.end);
            if n2.is_word() && matches!(lower(t, n2).as_str(), "dollar" | "dollars") {
                let code = if n1w == "kong" { "HKD" } else { "NZD" };
                return Some(UnitHit::new(code, UnitKind::Currency, n2.end));
            }
        }
        if matches!(w, "pound" | "pounds") {
            if n1w == "sterling" {
                return Some(UnitHit::new("GBP", UnitKind::Currency, n1.end));
            }
            if ctx.scaled || pounds_are_money(t, pos) {
                return Some(UnitHit::new("GBP", UnitKind::Currency, a.end));
            }
            return Some(UnitHit::new("lb", UnitKind::Physical, a.end));
        }
        if let Some(code) = lexicon::currency_word(w) {
            return Some(UnitHit::new(code, UnitKind::Currency, a.end));
        }
        // A hundredth of a rupee: "75 paise per unit" is 0.75 INR.
        if matches!(w, "paise" | "paisa") {
            let mut h = UnitHit::new("INR", UnitKind::Currency, a.end);
            h.factor = 0.01;
            return Some(h);
        }
        if let Some(code) = lexicon::iso_code(raw, w) {
            return Some(UnitHit::new(code, UnitKind::Currency, a.end));
        }
        if let Some(code) = lexicon::million_code(raw) {
            let mut h = UnitHit::new(code, UnitKind::Currency, a.end);
            h.factor = 1e6;
            return Some(h);
        }
    }
    // "in" as inches only where nothing else can follow it.
    if raw == "in" {
        let ok = match n1.kind {
            Kind::End | Kind::Break => true,
            Kind::Sym(c) => matches!(c, '.' | ',' | ';' | ':' | ')' | '!' | '?'),
            Kind::Word => matches!(
                n1w,
                "thick"
                    | "thin"
                    | "long"
                    | "wide"
                    | "tall"
                    | "high"
                    | "deep"
                    | "across"
                    | "diameter"
                    | "width"
                    | "length"
                    | "height"
                    | "depth"
                    | "x"
            ),
            _ => false,
        };
        return ok.then(|| UnitHit::new("inch", UnitKind::Physical, a.end));
    }
    // Square units written out.
    if matches!(w, "square" | "sq") {
        let mut b = n1;
        if b.kind == Kind::Sym('.') {
            b = tok(t, b.end);
        }
        if b.is_word() {
            let braw = b.raw(t);
            let bl = Lower::new(braw);
            if let Some(def) = lexicon::unit_word(braw, bl.as_str())
                && let Some(sq) = def.squarable
            {
                let mut end = b.end;
                if t.get(end..).is_some_and(|r| r.starts_with('.')) && bl.as_str() == "ft" {
                    end += 1;
                }
                return Some(UnitHit::new(sq, UnitKind::Physical, end));
            }
        }
        return None;
    }
    if w == "metric" && matches!(n1w, "ton" | "tons" | "tonne" | "tonnes") {
        return Some(UnitHit::new("tonne", UnitKind::Physical, n1.end));
    }
    if let Some(def) = lexicon::unit_word(raw, w) {
        if w == "t" && a.start == pos {
            // "5t" is too ambiguous; "278,000 t" is tonnes.
            return None;
        }
        if let Some((sq, end)) = square_of(t, &def, a) {
            return Some(UnitHit::new(sq, UnitKind::Physical, end));
        }
        let mut h = UnitHit::new(def.code, def.kind, a.end);
        h.factor = def.factor;
        h.per = def.per;
        return Some(h);
    }
    None
}

/// A rate period word.
fn period(w: &str) -> Option<&'static str> {
    Some(match w {
        "year" | "years" | "yr" | "annum" => "year",
        "month" | "months" | "mo" => "month",
        "day" | "days" => "day",
        "week" | "weeks" | "wk" => "week",
        "hour" | "hours" | "hr" => "hour",
        "quarter" => "quarter",
        _ => return None,
    })
}

fn per_target(t: &str, k: Tok) -> Option<(String, usize)> {
    if !k.is_word() {
        return None;
    }
    let raw = k.raw(t);
    let lw = Lower::new(raw);
    let w = lw.as_str();
    if let Some(p) = period(w) {
        return Some((p.to_string(), k.end));
    }
    // "per (standard) cubic metre".
    if matches!(w, "standard" | "cubic") {
        let mut n = tok(t, k.end);
        let standard = w == "standard";
        if standard {
            if !(n.is_word() && lower(t, n).as_str() == "cubic") {
                return None;
            }
            n = tok(t, n.end);
        }
        let nl = lower(t, n);
        if n.is_word() && matches!(nl.as_str(), "metre" | "metres" | "meter" | "meters" | "m") {
            let code = if standard { "scm" } else { "m3" };
            return Some((code.to_string(), n.end));
        }
        return None;
    }
    if let Some(def) = lexicon::unit_word(raw, w) {
        return Some((def.code.to_string(), k.end));
    }
    // "mg/l": a litre (no unit of its own: "l" alone is too often a letter).
    if w == "l" {
        return Some(("litre".to_string(), k.end));
    }
    if w.is_empty() || lexicon::is_function_word(w) {
        return None;
    }
    Some((raw.to_lowercase(), k.end))
}

fn parse_rate(t: &str, pos: usize) -> Option<(String, usize)> {
    let a = tok(t, pos);
    match a.kind {
        Kind::Sym('/') => {
            let b = tok(t, a.end);
            if b.start != a.end {
                return None;
            }
            per_target(t, b)
        }
        Kind::Word => {
            let lw = lower(t, a);
            let w = lw.as_str();
            let b = tok(t, a.end);
            match w {
                "per" => {
                    let bl = lower(t, b);
                    if bl.as_str() == "cent" {
                        return None;
                    }
                    per_target(t, b)
                }
                "a" | "an" | "every" | "each" => {
                    let bl = lower(t, b);
                    let p = period(bl.as_str()).filter(|_| b.is_word())?;
                    let c = tok(t, b.end);
                    let cl = lower(t, c);
                    if c.is_word()
                        && matches!(
                            cl.as_str(),
                            "earlier"
                                | "ago"
                                | "later"
                                | "back"
                                | "before"
                                | "after"
                                | "old"
                                | "since"
                        )
                    {
                        return None;
                    }
                    Some((p.to_string(), b.end))
                }
                "annually" | "yearly" | "annum" => Some(("year".to_string(), a.end)),
                "monthly" => Some(("month".to_string(), a.end)),
                "daily" => Some(("day".to_string(), a.end)),
                "weekly" => Some(("week".to_string(), a.end)),
                "hourly" => Some(("hour".to_string(), a.end)),
                "quarterly" => Some(("quarter".to_string(), a.end)),
                "p" => {
                    let rest = t.get(a.start..).unwrap_or("");
                    let rl: String = rest.chars().take(4).collect::<String>().to_lowercase();
                    if rl.starts_with("p.a.") {
                        Some(("year".to_string(), a.start + 4))
                    } else if rl.starts_with("p.a") {
                        Some(("year".to_string(), a.start + 3))
                    } else {
                        None
                    }
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The plural noun a count refers to (see the crate docs for the rule).
fn count_noun(t: &str, pos: usize) -> Option<(String, usize, usize)> {
    // "a 65-bed hospital", "a 500-seat hall": the number and its noun make
    // an adjective; the noun (singular) is what is counted.
    if t.as_bytes().get(pos) == Some(&b'-') {
        let k = tok(t, pos);
        let w = tok(t, k.end);
        let head = tok(t, w.end);
        let raw = w.raw(t);
        if w.is_word()
            && w.start == k.end
            && head.is_word()
            && head.start == w.end + 1
            && t.as_bytes().get(w.end) == Some(&b' ')
            && raw.len() >= 3
            && raw.bytes().all(|b| b.is_ascii_lowercase())
            && head.raw(t).bytes().all(|b| b.is_ascii_lowercase())
            && !lexicon::is_function_word(raw)
            && lexicon::num_word(raw).is_none()
            && !matches!(
                raw,
                "odd" | "plus" | "fold" | "strong" | "time" | "way" | "point"
            )
        {
            return Some((plural(raw), w.end, 0));
        }
        // "12,000-odd units", "500-plus workers": the noun after.
        if !(w.is_word() && w.start == k.end && matches!(raw, "odd" | "plus")) {
            return None;
        }
    }
    let mut p = match t.as_bytes().get(pos) {
        Some(b'-') => {
            let k = tok(t, pos);
            tok(t, k.end).end
        }
        _ => pos,
    };
    // "a dozen of companies": the noun after "of".
    if strip_suffix_ci(&t[..pos], "dozen").is_some() {
        let of = tok(t, p);
        let noun = tok(t, of.end);
        if of.is_word() && of.raw(t) == "of" && noun.is_word() && is_plural_noun(noun.raw(t)) {
            return Some((noun.raw(t).to_string(), noun.end, 0));
        }
    }
    let mut skipped = 0;
    // Whether the word before was "and" / "or" ("5,000 direct and 12,000
    // indirect jobs": the noun is shared).
    let mut after_and = false;
    let mut shared_end: Option<usize> = None;
    // Whether the last token was a hyphen joined to the word before it: the
    // next word belongs to a compound modifier ("raw-to-wet", "ready-to-use"),
    // where a function word is no end of the phrase.
    let mut in_compound = false;
    // The last modifier skipped, when it was a lower-case word.
    let mut last_word: Option<(usize, usize)> = None;
    // Capitalised modifiers skipped.
    let mut capitals = 0;
    loop {
        let k = tok(t, p);
        let joined = in_compound && k.start == p;
        in_compound = false;
        if k.kind == Kind::Num && after_and {
            // (The whole figure: "12,000", "1.5".)
            let mut e = k.end;
            loop {
                let s = tok(t, e);
                let n = tok(t, s.end);
                if matches!(s.kind, Kind::Sym(',' | '.'))
                    && s.start == e
                    && n.kind == Kind::Num
                    && n.start == s.end
                {
                    e = n.end;
                } else {
                    break;
                }
            }
            p = e;
            after_and = false;
            continue;
        }
        if k.kind == Kind::Sym('-') && skipped > 0 && k.start == p {
            p = k.end;
            in_compound = true;
            continue;
        }
        if !k.is_word() {
            return None;
        }
        let w = k.raw(t);
        // An acronym: a plural one is the noun ("450 MSMEs", kept as
        // written), a bare one a modifier ("200 MSME units").
        let caps = w.trim_end_matches('s');
        if (2..=5).contains(&caps.len()) && caps.bytes().all(|b| b.is_ascii_uppercase()) {
            if caps.len() < w.len() {
                return (w.len() == caps.len() + 1).then(|| (w.to_string(), k.end, skipped));
            }
            skipped += 1;
            if skipped > 5 {
                return None;
            }
            p = k.end;
            continue;
        }
        // "60 Jacquard looms", "300 Indian firms": up to two capitalised
        // modifiers before a lower-case noun.
        let title_case = {
            let mut b = w.bytes();
            b.next().is_some_and(|c| c.is_ascii_uppercase())
                && w.len() >= 3
                && b.all(|c| c.is_ascii_lowercase())
        };
        if title_case && capitals < 2 {
            capitals += 1;
            last_word = None;
            skipped += 1;
            p = k.end;
            continue;
        }
        if !w.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        // "60 more units", "five other mills": a comparative right after
        // the number.
        if skipped == 0 && matches!(w, "more" | "other") {
            skipped += 1;
            p = k.end;
            continue;
        }
        // "5,000 direct and 12,000 indirect jobs": past "and" and the next
        // figure to the noun they share.
        if matches!(w, "and" | "or") && skipped > 0 && tok(t, k.end).kind == Kind::Num {
            after_and = true;
            // (The quantity's text stops before "and": the other figure is
            // a quantity of its own.)
            shared_end.get_or_insert(t[..k.start].trim_end().len());
            skipped += 1;
            p = k.end;
            continue;
        }
        let in_modifier = joined && t.as_bytes().get(k.end) == Some(&b'-');
        if in_modifier {
            // Inside "raw-to-wet": one modifier with the words around it.
            p = k.end;
            continue;
        }
        if lexicon::is_function_word(w) || lexicon::num_word(w).is_some() {
            return None;
        }
        if is_plural_noun(w) {
            // "3,475 employment opportunities", "nine investment proposals":
            // a nominalisation before the noun is part of what is counted.
            let unit = match last_word {
                Some((s, e)) if e + 1 == k.start && is_nominalisation(&t[s..e]) => {
                    format!("{} {w}", &t[s..e])
                }
                _ => w.to_string(),
            };
            return Some((unit, shared_end.unwrap_or(k.end), skipped));
        }
        if matches!(w, "and" | "or") && skipped == 0 {
            return None;
        }
        last_word = Some((k.start, k.end));
        skipped += 1;
        if skipped > 5 {
            return None;
        }
        p = k.end;
    }
}

/// True when `w` (lower case) is a noun made from a verb that names what
/// kind of thing is counted ("employment", "investment", "production").
fn is_nominalisation(w: &str) -> bool {
    w.len() >= 7
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && (w.ends_with("ment") || w.ends_with("tion") || w.ends_with("sion"))
}

/// True when `w` (lower case) reads as a plural noun: "units", "people".
fn is_plural_noun(w: &str) -> bool {
    lexicon::is_irregular_plural(w)
        || (w.len() >= 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !lexicon::is_false_plural(w))
}

/// The plural of a count noun written in the singular ("bed" -> "beds",
/// "facility" -> "facilities", "bench" -> "benches").
fn plural(w: &str) -> String {
    let b = w.as_bytes();
    let consonant_y = b.len() >= 2
        && b[b.len() - 1] == b'y'
        && !matches!(b[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u');
    if consonant_y {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with(['s', 'x']) || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Words whose number names something rather than counting it ("Phase 2",
/// "Section 144", "No. 5"), and short all-capital labels ("NH 44").
fn is_label(raw: &str) -> bool {
    let lw = Lower::new(raw);
    let caps = (2..=4).contains(&raw.len())
        && raw.bytes().all(|b| b.is_ascii_uppercase())
        && lexicon::iso_code(raw, lw.as_str()).is_none()
        && lexicon::scale_word(lw.as_str()).is_none();
    caps || matches!(
        lw.as_str(),
        "section"
            | "phase"
            | "article"
            | "sector"
            | "block"
            | "gate"
            | "room"
            | "no"
            | "nos"
            | "number"
            | "ward"
            | "platform"
            | "level"
            | "grade"
            | "class"
            | "chapter"
            | "clause"
            | "schedule"
            | "route"
            | "stage"
            | "round"
            | "model"
            | "tier"
            | "zone"
            | "plot"
            | "survey"
            | "lane"
            | "hall"
            | "pillar"
            | "exit"
            | "highway"
            | "page"
            | "figure"
            | "table"
            | "item"
            | "rule"
            | "act"
            | "episode"
            | "season"
            | "part"
            | "vol"
            | "volume"
            | "issue"
    )
}

fn is_month_tok(t: &str, k: Tok) -> bool {
    if !k.is_word() {
        return false;
    }
    let raw = k.raw(t);
    let lw = Lower::new(raw);
    let w = lw.as_str();
    if w == "may" {
        return raw == "May";
    }
    lexicon::is_month(w)
}

/// Rounds away binary noise from scaling ("11.13 crore" is 111300000, not
/// 111300000.00000001): keeps 12 significant digits.
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    // A whole number of at most 12 digits is its own rounding.
    if v.fract() == 0.0 && v.abs() < 1e12 {
        return v;
    }
    use std::fmt::Write;
    let mut buf = StackStr::default();
    if write!(buf, "{v:.11e}").is_err() {
        return format!("{v:.11e}").parse().unwrap_or(v);
    }
    buf.as_str().parse().unwrap_or(v)
}

/// A short string kept on the stack (for formatting numbers).
#[derive(Default)]
struct StackStr {
    buf: [u8; 32],
    len: usize,
}

impl StackStr {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl std::fmt::Write for StackStr {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let dst = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn parse_at(t: &str, a: usize, floor: usize) -> Step {
    let b = t.as_bytes();
    let first = tok(t, a);
    let mut core_start = a;
    let is_num = first.kind == Kind::Num;
    if is_num {
        // Letters glued before the digits make a code ("G20", "D2C"),
        // unless they are a currency ("Rs15", "USD115.5").
        if a > 0 && b[a - 1].is_ascii_alphabetic() {
            let ok = tok_before(t, a, floor).is_some_and(|k| {
                k.is_word() && is_currency_prefix_word(k.raw(t), lower(t, k).as_str()).is_some()
            });
            if !ok {
                return Step::Skip(alnum_end(t, a));
            }
        }
        if a > 1 && b[a - 1] == b'-' && b[a - 2].is_ascii_alphabetic() {
            return Step::Skip(alnum_end(t, a));
        }
        if a > 0
            && b[a - 1] == b'.'
            && a > floor
            && (a < 2 || !(is_alnum_byte(b[a - 2]) || b[a - 2] == b'.'))
        {
            core_start = a - 1;
        }
    } else {
        let lw = lower(t, first);
        let w = lw.as_str();
        let needs_a = matches!(
            lexicon::num_word(w),
            Some(NumWord::Hundred | NumWord::Dozen | NumWord::Scale(_))
        ) || matches!(w, "half" | "quarter");
        if needs_a {
            match tok_before(t, a, floor) {
                Some(k) if k.is_word() && matches!(lower(t, k).as_str(), "a" | "an") => {
                    core_start = k.start;
                }
                _ if matches!(w, "half" | "quarter") => {}
                _ => return Step::Skip(first.end),
            }
        }
    }
    let prefix = parse_prefix(t, core_start, floor, is_num);
    let Some(core) = parse_core(t, core_start, prefix.currency.is_some()) else {
        return Step::Skip(first.end);
    };
    let plain_prefix = prefix.currency.is_none() && !prefix.neg;
    // The token right before the quantity and the word before it (past
    // one full stop), asked for by several rules.
    let tok_before_prefix = tok_before(t, prefix.start, floor);
    let word_before_prefix = match tok_before_prefix {
        Some(k) if k.is_word() => Some(k),
        Some(k) if k.kind == Kind::Sym('.') => tok_before(t, k.start, floor).filter(Tok::is_word),
        _ => None,
    };
    // The token right after the number, asked for by several rules.
    let after_core = tok(t, core.end);
    let mut end = core.end;
    let mut value = core.value;
    let mut value_max = None;

    if let Some(nm) = core.single {
        let int = !nm.decimal && !nm.grouped && !nm.fraction;
        // Glued letters: ordinals and codes are not quantities.
        let nx = after_core;
        if nx.is_word() && nx.start == core.end {
            let raw = nx.raw(t);
            let lw = Lower::new(raw);
            let w = lw.as_str();
            let known = lexicon::scale_word(w).is_some()
                || lexicon::unit_word(raw, w).is_some()
                || lexicon::iso_code(raw, w).is_some()
                || lexicon::million_code(raw).is_some()
                || lexicon::currency_word(w).is_some()
                || matches!(w, "percent" | "pc" | "degrees" | "c" | "f" | "in")
                || matches!(raw, "M" | "B" | "L");
            if !known || matches!(w, "st" | "nd" | "rd" | "th" | "s") {
                return Step::Skip(alnum_end(t, nx.start));
            }
        }
        // Dates: "Feb 22, 2023", "22 February", "October 2014".
        if plain_prefix && int {
            let before = word_before_prefix;
            let month_before = before.is_some_and(|k| is_month_tok(t, k));
            let month_after = nx.is_word() && is_month_tok(t, nx);
            let day = (1.0..=31.0).contains(&value);
            if (day && (month_before || month_after)) || (month_before && nm.int_digits == 4) {
                let mut skip_to = core.end;
                if month_before && day {
                    let c = after_core;
                    let y = tok(t, c.end);
                    if c.kind == Kind::Sym(',') && y.kind == Kind::Num && y.end - y.start == 4 {
                        skip_to = y.end;
                    }
                }
                return Step::Skip(skip_to);
            }
        }
        // Fiscal years "2010-11" and year ranges "2019-2023".
        if plain_prefix && int && nm.int_digits == 4 && (1800.0..=2100.0).contains(&value) {
            let s = after_core;
            if matches!(s.kind, Kind::Sym('-' | '–' | '/')) && s.start == core.end {
                let y = tok(t, s.end);
                if y.kind == Kind::Num && y.start == s.end {
                    let n = &t[y.start..y.end];
                    let v: f64 = n.parse().unwrap_or(0.0);
                    let hi = match n.len() {
                        2 if (v - (value + 1.0) % 100.0).abs() < 0.5 => Some(value + 1.0),
                        4 if v > value && v <= 2100.0 => Some(v),
                        _ => None,
                    };
                    if let Some(hi) = hi {
                        return Step::Emit(Draft {
                            start: prefix.start,
                            end: y.end,
                            value,
                            value_max: Some(hi),
                            unit: Some("year".to_string()),
                            per: None,
                            qualifier: prefix.qualifier.map(str::to_string),
                            kind: Some(UnitKind::Time),
                            next_word: None,
                            bare: false,
                            noun_gap: 0,
                            core_end: y.end,
                        });
                    }
                }
            }
        }
    }

    // Ranges: "2-3 lakh", "2 to 3 lakh", "between 2 and 3".
    let sep = after_core;
    let sep_word = lower(t, sep);
    let from_before = || word_before_prefix.is_some_and(|k| lower(t, k).as_str() == "from");
    let is_sep = match sep.kind {
        Kind::Sym('-' | '–' | '—') => {
            let n = tok(t, sep.end);
            (sep.start == core.end && n.start == sep.end)
                || (sep.start > core.end && n.start > sep.end)
        }
        Kind::Word => {
            (sep_word.as_str() == "to" && !from_before())
                || (sep_word.as_str() == "and" && prefix.between)
        }
        _ => false,
    };
    if is_sep {
        let mut n = tok(t, sep.end);
        // "between Rs 5 crore and Rs 10 crore": the currency said again.
        // Only after "between": "cut by Rs 2.50 to Rs 25.57" is a change.
        if prefix.between && prefix.currency.is_some() && n.kind != Kind::Num {
            let mut m = tok(t, n.end);
            if m.kind == Kind::Sym('.') && m.start == n.end {
                m = tok(t, m.end);
            }
            if m.kind == Kind::Num
                && parse_prefix(t, m.start, sep.end, true).currency == prefix.currency
            {
                n = m;
            }
        }
        if (n.kind == Kind::Num || is_number_word_tok(t, n))
            && let Some(c2) = parse_core(t, n.start, prefix.currency.is_some())
        {
            let mut lo = core.value;
            // "2 to 3 lakh": the scale of the high end is the low end's too,
            // unless the low end is whole already ("80,000 to 1 lakh").
            if !core.scaled && c2.scaled && lo * c2.top < c2.value {
                lo *= c2.top;
            }
            if c2.value > lo && c2.single.is_none_or(|s| s.int_digits <= 7) {
                value = lo;
                value_max = Some(c2.value);
                end = c2.end;
            }
        }
    }
    let ctx = UnitCtx {
        currency: prefix.currency.is_some(),
        scaled: core.scaled,
    };
    let unit = parse_unit(t, end, &ctx);
    let mut kind = None;
    let mut code: Option<String> = None;
    let mut factor = 1.0;
    let mut per: Option<String> = None;
    if let Some((c, f)) = prefix.currency {
        kind = Some(UnitKind::Currency);
        code = Some(c.to_string());
        factor = f;
    }
    let mut below_zero = false;
    if prefix.currency.is_none()
        && let Some(u) = &unit
    {
        kind = Some(u.kind);
        code = Some(u.code.to_string());
        factor = u.factor;
        per = u.per.map(str::to_string);
        end = u.end;
        if u.kind == UnitKind::Temperature {
            // "20 degrees below zero".
            let b1 = tok(t, end);
            let b2 = tok(t, b1.end);
            if b1.is_word()
                && lower(t, b1).as_str() == "below"
                && b2.is_word()
                && matches!(lower(t, b2).as_str(), "zero" | "freezing")
            {
                below_zero = true;
                end = b2.end;
                if code.as_deref() == Some("deg") {
                    code = Some("degC".to_string());
                }
            }
        }
    }
    let mut qualifier = prefix.qualifier.map(str::to_string);
    if value_max.is_some() && prefix.between {
        qualifier = Some("between".to_string());
    }
    let mut bare = false;
    let mut noun_gap = 0;
    if code.is_none() {
        // Years.
        let year_like = core
            .single
            .is_some_and(|nm| !nm.decimal && !nm.grouped && !nm.fraction && nm.int_digits == 4)
            && (1800.0..=2100.0).contains(&value)
            && plain_prefix
            && value_max.is_none();
        if year_like {
            let before = tok_before_prefix;
            if before.is_some_and(|k| {
                k.kind == Kind::Sym('©') || k.is_word() && lower(t, k).as_str() == "copyright"
            }) {
                return Step::Skip(end);
            }
            let bw = before.filter(Tok::is_word);
            // "the 2019 Kumbh Mela", "the 2024 Lok Sabha polls": a year
            // that names an event.
            let next = tok(t, end);
            let names_event = next.is_word() && next.start == end + 1 && {
                let mut c = next.raw(t).chars();
                c.next().is_some_and(|c| c.is_ascii_uppercase())
                    && c.next().is_some_and(|c| c.is_ascii_lowercase())
            };
            if bw.is_some_and(|k| lexicon::is_year_context(lower(t, k).as_str())) || names_event {
                code = Some("year".to_string());
                kind = Some(UnitKind::Time);
            } else if bw.is_some_and(|k| {
                k.raw(t).chars().next().is_some_and(char::is_uppercase)
                    && !lexicon::is_function_word(lower(t, k).as_str())
            }) {
                return Step::Skip(end);
            }
        }
        // "Section 144", "Phase 2", "NH 44": a label's number.
        let plain_int = core
            .single
            .is_some_and(|nm| !nm.decimal && !nm.grouped && !nm.fraction);
        if code.is_none()
            && plain_int
            && plain_prefix
            && value_max.is_none()
            && word_before_prefix.is_some_and(|k| is_label(k.raw(t)))
        {
            return Step::Skip(end);
        }
        if code.is_none()
            && let Some((noun, nend, gap)) = count_noun(t, end)
        {
            code = Some(noun);
            noun_gap = gap;
            kind = Some(UnitKind::Count);
            end = nend;
        }
        // "An investment of 156 crores": lakh and crore with no noun are
        // rupees where the sentence speaks of money.
        if code.is_none()
            && core.scaled
            && (core.top == 1e5 || core.top == 1e7)
            && money_talk(t, prefix.start, end)
        {
            code = Some("INR".to_string());
            kind = Some(UnitKind::Currency);
        }
        if code.is_none() {
            if core.lone_one && !prefix.neg {
                return Step::Skip(end);
            }
            bare = true;
        }
    }
    if code.is_some()
        && per.is_none()
        && let Some((p, pend)) = parse_rate(t, end)
    {
        per = Some(p);
        end = pend;
    }
    let sign = if prefix.neg != below_zero { -1.0 } else { 1.0 };
    let next_word = {
        let k = after_core;
        k.is_word().then_some((k.start, k.end))
    };
    Step::Emit(Draft {
        start: prefix.start,
        end,
        value: tidy(sign * value * factor),
        value_max: value_max.map(|v| tidy(sign * v * factor)),
        unit: code,
        per,
        qualifier,
        kind,
        next_word,
        bare,
        noun_gap,
        core_end: core.end,
    })
}

#[cfg(test)]
mod tests;
