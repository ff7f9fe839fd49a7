//! Line rules: page furniture recognised by the shape of a line and its
//! neighbours (share bars, "Also Read" links, copyright lines, counters, job
//! boards, bylines, contact blocks, site controls).

use super::date::{date_line, find_date};
use super::{Marks, swar};
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use regex::Regex;
use samachar_model::FurnitureKind;
use std::sync::LazyLock;

/// One line of the text, trimmed.
#[derive(Clone, Debug)]
pub(crate) struct Line<'a> {
    /// Byte offset of the first non-blank character.
    pub start: usize,
    /// Byte offset after the last non-blank character.
    pub end: usize,
    /// The trimmed line.
    pub text: &'a str,
    /// Number of white-space separated words.
    pub words: usize,
}

impl Line<'_> {
    /// True for an empty or all-blank line.
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits `text` into trimmed lines.
pub(crate) fn split(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    loop {
        // As `text.split('\n')`: the piece after the last line break too.
        let stop = next_newline(bytes, pos);
        let raw = text.get(pos..stop).unwrap_or_default();
        let rest = raw.trim_start();
        let lead = raw.len() - rest.len();
        let trimmed = rest.trim_end();
        let start = pos + lead;
        out.push(Line {
            start,
            end: start + trimmed.len(),
            text: trimmed,
            words: count_words(trimmed),
        });
        if stop >= bytes.len() {
            break;
        }
        pos = stop + 1;
    }
    out
}

/// The first line break at or after `i` in `bytes`, or the length: eight
/// bytes at a time (lines are short, and a call to a library search costs
/// more than it saves on them).
fn next_newline(bytes: &[u8], mut i: usize) -> usize {
    while let Some(eight) = bytes.get(i..).and_then(|r| r.first_chunk::<8>()) {
        // The lowest flagged byte is a line break (a false flag can only
        // sit above a true one).
        let hits = swar::byte_hits(u64::from_le_bytes(*eight), b'\n');
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes
        .get(i..)
        .and_then(|r| r.iter().position(|&b| b == b'\n'))
        .map_or(bytes.len(), |p| i + p)
}

/// True for an ASCII byte that `char::is_whitespace` accepts.
fn ascii_space(b: u8) -> bool {
    b == b' ' || b.wrapping_sub(b'\t') < 5
}

/// The length of the non-ASCII white-space character at byte `i` of
/// `bytes` (U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029,
/// U+202F, U+205F and U+3000, in UTF-8), or 0.
fn wide_space_at(bytes: &[u8], i: usize) -> usize {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    let space = match bytes.get(i) {
        Some(0xC2) => return if matches!(next(1), 0x85 | 0xA0) { 2 } else { 0 },
        Some(0xE1) => next(1) == 0x9A && next(2) == 0x80,
        Some(0xE2) => matches!(
            (next(1), next(2)),
            (0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F)
        ),
        Some(0xE3) => next(1) == 0x80 && next(2) == 0x80,
        _ => false,
    };
    if space { 3 } else { 0 }
}

/// `s.split_whitespace().count()`, reading the bytes without decoding.
fn count_words(s: &str) -> usize {
    let bytes = s.as_bytes();
    // The first bytes of every non-ASCII white-space character.
    let lead = |b: u8| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3);
    let space_at = |i: usize| bytes.get(i).is_some_and(|&b| lead(b)) && wide_space_at(bytes, i) > 0;
    // Eight bytes at a time: only blocks with a non-ASCII byte are read
    // byte by byte.
    let (blocks, rest) = bytes.as_chunks::<8>();
    let wide = blocks.iter().enumerate().any(|(k, c)| {
        u64::from_le_bytes(*c) & 0x8080_8080_8080_8080 != 0 && (8 * k..8 * k + 8).any(space_at)
    }) || (bytes.len() - rest.len()..bytes.len()).any(space_at);
    if !wide {
        // Other non-ASCII characters are ink, byte by byte.
        return count_ascii_words(bytes);
    }
    let mut n = 0usize;
    let mut in_word = false;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        let (space, len) = match wide_space_at(bytes, i) {
            0 => (ascii_space(b), 1),
            len => (true, len),
        };
        i += len;
        n += usize::from(!space && !in_word);
        in_word = !space;
    }
    n
}

/// The number of runs of bytes other than ASCII white space: each byte
/// compared with the one before, in blocks whose counts fit a byte (a loop
/// the compiler turns into vector code).
fn count_ascii_words(bytes: &[u8]) -> usize {
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let mut n = usize::from(!ascii_space(first));
    let (prev, next) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    for (p, q) in prev.chunks(255).zip(next.chunks(255)) {
        let starts = p.iter().zip(q).fold(0u8, |acc, (&a, &b)| {
            acc.wrapping_add(u8::from(ascii_space(a) & !ascii_space(b)))
        });
        n += usize::from(starts);
    }
    n
}

/// Cues: words without which a rule's pattern cannot match a line, found
/// for all lines by one case-insensitive automaton so that the patterns run
/// only on the few lines that hold their cue.
mod cue {
    /// A syndication notice.
    pub(super) const SYNDICATION: u32 = 1;
    /// A copyright line.
    pub(super) const COPYRIGHT: u32 = 1 << 1;
    /// A captcha prompt.
    pub(super) const CAPTCHA: u32 = 1 << 2;
    /// A newsletter prompt.
    pub(super) const NEWSLETTER: u32 = 1 << 3;
    /// A promotion other than of an app.
    pub(super) const PROMO: u32 = 1 << 4;
    /// "app".
    pub(super) const APP: u32 = 1 << 8;
    /// "download", "install", "get": the verbs of an app promotion.
    pub(super) const GET: u32 = 1 << 9;
    /// A telephone label.
    pub(super) const PHONE: u32 = 1 << 10;
    /// "With inputs from".
    pub(super) const INPUTS: u32 = 1 << 5;
    /// A picture credit.
    pub(super) const CREDIT: u32 = 1 << 6;
    /// A byline.
    pub(super) const BY: u32 = 1 << 7;
    /// Every cue: the line holds a character that case-insensitive patterns
    /// read as an ASCII letter (the Kelvin sign, the long s).
    pub(super) const ALL: u32 = u32::MAX;
}

/// The cue words and the cues they give; matched ignoring ASCII case.
const CUE_WORDS: &[(&str, u32)] = &[
    ("edited", cue::SYNDICATION),
    ("syndicated", cue::SYNDICATION),
    ("©", cue::COPYRIGHT),
    ("copyright", cue::COPYRIGHT),
    ("rights", cue::COPYRIGHT),
    ("(c)", cue::COPYRIGHT),
    ("read", cue::CAPTCHA),
    ("captcha", cue::CAPTCHA),
    ("refresh", cue::CAPTCHA),
    ("enter", cue::CAPTCHA),
    ("type", cue::CAPTCHA),
    ("newsletter", cue::NEWSLETTER),
    ("updates", cue::NEWSLETTER),
    ("alerts", cue::NEWSLETTER),
    ("app", cue::APP),
    ("download", cue::GET),
    ("install", cue::GET),
    ("get", cue::GET),
    ("join", cue::PROMO),
    ("subscribe", cue::PROMO),
    ("follow", cue::PROMO),
    ("click", cue::PROMO),
    ("catch", cue::PROMO),
    ("image", cue::PROMO | cue::CREDIT),
    ("input", cue::INPUTS),
    ("photo", cue::CREDIT),
    ("pic", cue::CREDIT),
    ("video", cue::CREDIT),
    ("graphic", cue::CREDIT),
    ("by", cue::BY),
    ("tel", cue::PHONE),
    ("ph", cue::PHONE),
    ("mob", cue::PHONE),
    ("fax", cue::PHONE),
    ("call", cue::PHONE),
    ("helpline", cue::PHONE),
    ("contact", cue::PHONE),
    ("\u{17F}", cue::ALL),
    ("\u{212A}", cue::ALL),
];

/// An automaton of cue words: every state, every pattern that ends there.
static CUES: LazyLock<Option<DFA>> = LazyLock::new(|| cue_automaton(CUE_WORDS));

/// A DFA of `words`, matched ignoring ASCII case, walked byte by byte (no
/// prefilter, so that only match states are special).
fn cue_automaton(words: &[(&str, u32)]) -> Option<DFA> {
    DFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Unanchored)
        .prefilter(false)
        .build(words.iter().map(|(w, _)| w))
        .ok()
}

/// The cues of every cue word found in `t`, overlapping ones included:
/// one step of the automaton per byte.
fn find_cues(t: &str, dfa: &DFA, words: &[(&str, u32)]) -> u32 {
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return cue::ALL;
    };
    let mut found = 0u32;
    for &b in t.as_bytes() {
        sid = dfa.next_state(Anchored::No, sid, b);
        if dfa.is_special(sid) && dfa.is_match(sid) {
            for k in 0..dfa.match_len(sid) {
                found |= words
                    .get(dfa.match_pattern(sid, k).as_usize())
                    .map_or(cue::ALL, |c| c.1);
            }
        }
    }
    found
}

/// [`CUES`] as a flat table: the same states, each a row of one entry per
/// class of bytes, walked with one load per byte and no bounds to check
/// beyond the table's own.
struct CueTable {
    /// The class of each byte.
    class: [u8; 256],
    /// Entry `row + class` (rows are `1 << shift` entries apart): the next
    /// state's row, plus 1 when cue words end there. Every `u16` is an
    /// index, so no index needs a check.
    next: Box<[u16; 1 << 16]>,
    /// The cues of the words that end in each state, by row number.
    cues: Vec<u32>,
    shift: u32,
}

impl CueTable {
    /// Flattens `dfa` (of `words`); `None` when it is too large.
    fn new(dfa: &DFA, words: &[(&str, u32)]) -> Option<Self> {
        use std::collections::HashMap;
        let start = dfa.start_state(Anchored::No).ok()?;
        // Every state reachable from the start, numbered in order.
        let mut order = vec![start];
        let mut number: HashMap<usize, usize> = HashMap::from([(start.as_usize(), 0)]);
        let mut k = 0;
        while let Some(&sid) = order.get(k) {
            for b in 0..=255u8 {
                let to = dfa.next_state(Anchored::No, sid, b);
                if let std::collections::hash_map::Entry::Vacant(slot) = number.entry(to.as_usize())
                {
                    slot.insert(order.len());
                    order.push(to);
                }
            }
            k += 1;
        }
        let row_of = |sid: aho_corasick::automaton::StateID| number.get(&sid.as_usize()).copied();
        // Bytes that lead every state to the same next state share a class.
        let mut class = [0u8; 256];
        let mut columns: HashMap<Vec<usize>, u8> = HashMap::new();
        let mut firsts: Vec<u8> = Vec::new();
        for b in 0..=255u8 {
            let column = order
                .iter()
                .map(|&sid| row_of(dfa.next_state(Anchored::No, sid, b)))
                .collect::<Option<Vec<usize>>>()?;
            let n = columns.len();
            let c = *columns.entry(column).or_insert_with(|| {
                firsts.push(b);
                u8::try_from(n).unwrap_or(u8::MAX)
            });
            class[usize::from(b)] = c;
        }
        let shift = firsts.len().next_power_of_two().trailing_zeros().max(1);
        if (order.len() << shift) > usize::from(u16::MAX) {
            return None;
        }
        let mut next: Box<[u16; 1 << 16]> =
            vec![0u16; 1 << 16].into_boxed_slice().try_into().ok()?;
        let mut cues = vec![0u32; order.len()];
        for (row, &sid) in order.iter().enumerate() {
            if dfa.is_special(sid) && dfa.is_match(sid) {
                for m in 0..dfa.match_len(sid) {
                    cues[row] |= words
                        .get(dfa.match_pattern(sid, m).as_usize())
                        .map_or(cue::ALL, |c| c.1);
                }
            }
            for (c, &b) in firsts.iter().enumerate() {
                let to = dfa.next_state(Anchored::No, sid, b);
                let to_row = row_of(to)?;
                let ends = dfa.is_special(to) && dfa.is_match(to);
                next[(row << shift) + c] = u16::try_from(to_row << shift).ok()? | u16::from(ends);
            }
        }
        Some(CueTable {
            class,
            next,
            cues,
            shift,
        })
    }

    /// [`find_cues`] of `t`.
    fn find(&self, t: &str) -> u32 {
        self.walk(0, t.as_bytes()).1
    }

    /// One step from the state of row `at` on byte `b`: the next entry.
    #[inline(always)]
    fn step(&self, at: u16, b: u8) -> u16 {
        self.next[usize::from(at.wrapping_add(u16::from(self.class[usize::from(b)])))]
    }

    /// Walks `bytes` from the state of row `at`: the state reached and the
    /// cues found.
    fn walk(&self, mut at: u16, bytes: &[u8]) -> (u16, u32) {
        let mut found = 0u32;
        for &b in bytes {
            let entry = self.step(at, b);
            at = entry & !1;
            if entry & 1 != 0 {
                found |= self.ended(at);
            }
        }
        (at, found)
    }

    /// [`CueTable::find`] of two texts at once: the two walks are
    /// independent, so the processor overlaps their steps (one walk waits on
    /// each load).
    fn find2(&self, s: &str, t: &str) -> (u32, u32) {
        let (s, t) = (s.as_bytes(), t.as_bytes());
        let n = s.len().min(t.len());
        let (mut a, mut b) = (0u16, 0u16);
        let (mut found_a, mut found_b) = (0u32, 0u32);
        for (&x, &y) in s[..n].iter().zip(&t[..n]) {
            let (ea, eb) = (self.step(a, x), self.step(b, y));
            (a, b) = (ea & !1, eb & !1);
            if (ea | eb) & 1 != 0 {
                if ea & 1 != 0 {
                    found_a |= self.ended(a);
                }
                if eb & 1 != 0 {
                    found_b |= self.ended(b);
                }
            }
        }
        found_a |= self.walk(a, &s[n..]).1;
        found_b |= self.walk(b, &t[n..]).1;
        (found_a, found_b)
    }

    /// The cues of the words that end in the state of `row`.
    #[cold]
    #[inline(never)]
    fn ended(&self, row: u16) -> u32 {
        self.cues
            .get(usize::from(row >> self.shift))
            .copied()
            .unwrap_or(cue::ALL)
    }
}

/// [`CUES`], flattened.
static CUE_TABLE: LazyLock<Option<CueTable>> =
    LazyLock::new(|| CUES.as_ref().and_then(|dfa| CueTable::new(dfa, CUE_WORDS)));

/// The cue words that rules of lines of more than [`SHORT_CUES`] words need
/// (a syndication notice; an agency credit is never that long), up to
/// [`LONGEST_CUED`] words; longer lines need none. No two of them with different
/// cues can overlap, so a search that skips over each match finds every cue.
/// ([`long_line_cues`] looks for them; the tests check it against a search.)
#[cfg(test)]
const LONG_LINE_CUE_WORDS: &[(&str, u32)] = &[
    ("edited", cue::SYNDICATION),
    ("syndicated", cue::SYNDICATION),
    ("\u{17F}", cue::ALL),
    ("\u{212A}", cue::ALL),
];

/// Lines of up to this many words may be any kind of furniture; longer ones
/// only a syndication notice. ([`AGENCY_CREDIT`] names at most 40
/// characters after four words.)
const SHORT_CUES: usize = 30;
/// Lines of more than this many words are never furniture.
const LONGEST_CUED: usize = 80;

/// The cues of a line's text.
fn cues(t: &str) -> u32 {
    if let Some(table) = CUE_TABLE.as_ref() {
        return table.find(t);
    }
    CUES.as_ref()
        .map_or(cue::ALL, |dfa| find_cues(t, dfa, CUE_WORDS))
}

/// [`line_cues`] of every line: lines that need the whole automaton are
/// walked two at a time.
fn all_line_cues(lines: &[Line<'_>]) -> Vec<u32> {
    let Some(table) = CUE_TABLE.as_ref() else {
        return lines.iter().map(line_cues).collect();
    };
    let mut out = vec![0u32; lines.len()];
    // A line waiting for a partner.
    let mut waiting: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || line.words > SHORT_CUES {
            if let Some(c) = out.get_mut(i) {
                *c = line_cues(line);
            }
            continue;
        }
        match waiting.take() {
            None => waiting = Some(i),
            Some(j) => {
                let (a, b) = table.find2(lines[j].text, line.text);
                out[j] = a;
                out[i] = b;
            }
        }
    }
    if let Some(j) = waiting {
        out[j] = table.find(lines[j].text);
    }
    out
}

/// The cues of a line that the rules for its length need.
fn line_cues(line: &Line<'_>) -> u32 {
    if line.is_blank() {
        return 0;
    }
    if line.words <= SHORT_CUES {
        return cues(line.text);
    }
    if line.words > LONGEST_CUED {
        return 0;
    }
    long_line_cues(line.text)
}

/// The cues of [`LONG_LINE_CUE_WORDS`] in `t`: the words are found by the
/// letter `d` they hold, looked for eight bytes at a time, and the
/// characters that stand for ASCII letters by a search of their own.
fn long_line_cues(t: &str) -> u32 {
    if !t.is_ascii() && (t.contains('\u{17F}') || t.contains('\u{212A}')) {
        return cue::ALL;
    }
    let bytes = t.as_bytes();
    let is_cue = |p: usize| {
        let at = |from: usize, word: &str| {
            p.checked_sub(from)
                .and_then(|s| bytes.get(s..s + word.len()))
                .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
        };
        // The `d` of "edited" at 1, of "syndicated" at 3.
        at(1, "edited") || at(3, "syndicated")
    };
    let found = if bytes.len() >= 8 {
        // Eight bytes at a time in a plain loop; the last eight may overlap
        // the ones before.
        let mut found = false;
        let mut k = 0usize;
        while let Some(&eight) = bytes.get(k..).and_then(|r| r.first_chunk::<8>()) {
            let mut hits = swar::letter_hits(u64::from_le_bytes(eight), b'd');
            while hits != 0 {
                let p = k + (hits.trailing_zeros() / 8) as usize;
                hits &= hits - 1;
                if is_cue(p) {
                    found = true;
                    break;
                }
            }
            if found || k + 8 == bytes.len() {
                break;
            }
            k = (k + 8).min(bytes.len() - 8);
        }
        found
    } else {
        letter_positions(bytes, b'd').any(is_cue)
    };
    if found { cue::SYNDICATION } else { 0 }
}

/// The positions in `bytes` of an ASCII `letter` in either case (and
/// perhaps a few others, which callers check), found eight bytes at a
/// time.
fn letter_positions(bytes: &[u8], letter: u8) -> impl Iterator<Item = usize> + '_ {
    swar::positions(bytes, move |v| swar::letter_hits(v, letter))
}

/// The first words of an anchored pattern, in lower case.
struct Openers {
    words: &'static [&'static str],
    /// The length of the longest word.
    longest: usize,
    /// The first bytes of the words, in both cases.
    first: [bool; 256],
    /// The second bytes of the words in both cases, a bit set per first
    /// byte in lower case (all bits for a word of one letter).
    second: [[u64; 4]; 128],
    /// The words (their indices, as bits) that open with each lower-case
    /// ASCII byte.
    by_first: [u64; 128],
}

impl Openers {
    const fn new(words: &'static [&'static str]) -> Self {
        let mut first = [false; 256];
        let mut second = [[0u64; 4]; 128];
        let mut by_first = [0u64; 128];
        let mut longest = 0;
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            if w.len() > longest {
                longest = w.len();
            }
            if !w.is_empty() {
                first[w[0].to_ascii_lowercase() as usize] = true;
                first[w[0].to_ascii_uppercase() as usize] = true;
                let f = (w[0].to_ascii_lowercase() & 0x7F) as usize;
                if i < 64 {
                    by_first[f] |= 1 << i;
                }
                if w.len() == 1 {
                    second[f] = [u64::MAX; 4];
                } else {
                    let lo = w[1].to_ascii_lowercase() as usize;
                    let up = w[1].to_ascii_uppercase() as usize;
                    second[f][lo / 64] |= 1 << (lo % 64);
                    second[f][up / 64] |= 1 << (up % 64);
                }
            }
            i += 1;
        }
        assert!(words.len() <= 64, "at most 64 opening words");
        Openers {
            words,
            longest,
            first,
            second,
            by_first,
        }
    }

    /// False when no word opens with the ASCII letters `a`, `b`.
    fn pair(&self, a: u8, b: u8) -> bool {
        let set = &self.second[usize::from(a.to_ascii_lowercase() & 0x7F)];
        set[usize::from(b / 64)] & (1 << (b % 64)) != 0
    }
}

/// True when `t` may open with one of the `openers` (ignoring ASCII case):
/// it does, or a character within the first letters could be read as one
/// of them by a case-insensitive pattern (the long s and the Kelvin sign
/// are the only characters beyond ASCII that fold to ASCII letters).
fn may_open_with(t: &str, openers: &Openers) -> bool {
    let bytes = t.as_bytes();
    let Some(&b) = bytes.first() else {
        return false;
    };
    // Most lines are settled by their first two bytes, when ASCII.
    if b.is_ascii() {
        if !openers.first[usize::from(b)] {
            return false;
        }
        if let Some(&c) = bytes.get(1)
            && c.is_ascii()
            && !openers.pair(b, c)
        {
            return false;
        }
    }
    let head = &bytes[..bytes.len().min(openers.longest)];
    if !head.is_ascii() && folds_to_ascii_within(bytes, head.len()) {
        return true;
    }
    // Every word is ASCII: a non-ASCII byte matches none of its letters.
    if !openers.first[usize::from(b)] {
        return false;
    }
    if let Some(&c) = bytes.get(1)
        && !openers.pair(b, c)
    {
        // No word opens with these two bytes.
        return false;
    }
    // Only the words that open with the same letter.
    let mut candidates = openers
        .by_first
        .get(usize::from(b.to_ascii_lowercase()))
        .copied()
        .unwrap_or(0);
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if let Some(w) = openers.words.get(k)
            && bytes
                .get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
        {
            return true;
        }
    }
    false
}

/// True when a character that case-insensitive patterns read as an ASCII
/// letter (U+017F, the long s; U+212A, the Kelvin sign) starts within the
/// first `n` bytes of `bytes`.
fn folds_to_ascii_within(bytes: &[u8], n: usize) -> bool {
    (0..n.min(bytes.len())).any(|p| {
        let rest = &bytes[p..];
        rest.starts_with(&[0xC5, 0xBF]) || rest.starts_with(&[0xE2, 0x84, 0xAA])
    })
}

/// True when `t` may open with a digit (ASCII, or any other script's: a
/// numeric character, which every decimal digit is).
fn may_open_with_digit(t: &str) -> bool {
    match t.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_digit(),
        Some(_) => t.chars().next().is_some_and(char::is_numeric),
    }
}

/// First words of [`ALSO_READ`].
const ALSO_READ_OPENERS: Openers = Openers::new(&[
    "also",
    "read",
    "see",
    "must",
    "watch",
    "related",
    "recommended",
    "you",
    "more",
    "don",
]);
/// First words of [`SITE_UI`].
const SITE_UI_OPENERS: Openers = Openers::new(&[
    "exit",
    "switch",
    "view",
    "go",
    "back",
    "visit",
    "skip",
    "scroll",
    "top",
    "ad",
    "sponsored",
    "promoted",
    "partner",
    "story",
    "article",
    "continue",
    "loading",
    "please",
    "leave",
    "post",
    "write",
    "no",
    "be",
    "show",
    "open",
    "get",
    "download",
    "next",
    "previous",
    "listen",
    "trending",
    "latest",
    "most",
    "popular",
    "editor",
    "in",
    "your",
    "powered",
    "designed",
    "developed",
]);
/// First words of [`TAGS`].
const TAGS_OPENERS: Openers =
    Openers::new(&["tag", "topic", "keyword", "filed", "categor", "label"]);
/// First words of [`EMPLOYMENT`].
const EMPLOYMENT_OPENERS: Openers = Openers::new(&[
    "permanent",
    "full",
    "part",
    "contract",
    "temporary",
    "internship",
    "freelance",
    "fixed",
    "walk",
]);
/// First words of [`DATE_LABEL`].
const DATE_LABEL_OPENERS: Openers = Openers::new(&[
    "first",
    "published",
    "last",
    "updated",
    "posted",
    "modified",
    "date",
]);
/// First word of [`PAGE_NUMBER`] in words.
const PAGE_OPENERS: Openers = Openers::new(&["page"]);
/// First words of [`BYLINE`].
const BYLINE_OPENERS: Openers = Openers::new(&["written", "reported", "edited", "posted", "by"]);

/// Metadata the line rules noticed on the way.
#[derive(Clone, Debug, Default)]
pub(crate) struct Hints {
    /// A byline name ("By X").
    pub source: Option<String>,
    /// A date labelled as the publication date.
    pub published: Option<String>,
    /// A date labelled as an update.
    pub updated: Option<String>,
    /// A bare date line near the top.
    pub date: Option<String>,
    /// An agency credited in a line of its own ("With inputs from PTI").
    pub agency: Option<String>,
}

fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

fn is(regex: &LazyLock<Option<Regex>>, s: &str) -> bool {
    regex.as_ref().is_some_and(|r| r.is_match(s))
}

/// The head of an "Also read" line: the label, perhaps a separator. The
/// rest of the line follows it (a whole-line pattern would close with
/// `(?P<rest>.*)$`, which matches any rest of a line, so the head alone
/// makes the same choices; searching it alone keeps the capturing engine's
/// work to the head).
static ALSO_READ: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?:also\s+read|read\s+also|also\s+see|see\s+also|must\s+read|read\s+more|also\s+watch|watch\s+also|related(?:\s+(?:news|stories|articles|posts|coverage|links))?|recommended(?:\s+(?:stories|articles|for\s+you))?|you\s+may\s+also\s+like|more\s+(?:stories|news)\s+like\s+this|don'?t\s+miss)\b\s*(?P<sep>[:|»>\-–—]+)?\s*",
    )
});
static COPYRIGHT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)©|\bcopyright\s*(?:©|\(c\)|\d{4})|\ball\s+rights\s+reserved\b|^\(c\)\s*\d{4}")
});
static COUNTER_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^\d[\d,.]*\s*[km]?\+?\s+(?:comments?|shares?|views?|likes?|reads?|reactions?|replies|votes?|min(?:ute)?s?\s+read)$",
    )
});
static NUMBER_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"(?i)^\d[\d,.]*\s*[km]?\+?$"));
/// Whole lines of site controls and notices.
static SITE_UI: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?ix)^(?:
        (?:exit|switch\s+to|view|go\s+to|back\s+to|visit)\s+(?:the\s+)?(?:mobile|desktop|amp|full|classic|web|non-amp)\s+(?:version|site|view|page|website)
      | skip\s+to\s+(?:main\s+)?content | skip\s+navigation | (?:back|scroll|go)\s+to\s+top | top\s+of\s+page
      | advertisements? | advertisment | advt\.? | ads? | sponsored(?:\s+(?:content|stories|links|post))? | promoted(?:\s+(?:content|stories))? | partner\s+content
      | (?:story|article)\s+continues\s+(?:below|after)(?:\s+this)?(?:\s+(?:ad|advertisement))?
      | continue\s+reading(?:\s+below)? | scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?
      | loading(?:\.{1,3})? | please\s+wait(?:\.{1,3})?
      | leave\s+a\s+(?:comment|reply) | post\s+a\s+comment | write\s+a\s+comment | add\s+(?:a\s+)?comment | no\s+comments\s+yet | be\s+the\s+first\s+to\s+comment | view\s+comments | show\s+comments
      | open\s+in\s+app | get\s+the\s+app | download\s+(?:our|the)\s+app
      | next\s+(?:story|article|post) | previous\s+(?:story|article|post)
      | listen\s+to\s+(?:this\s+)?(?:article|story)
      | trending(?:\s+(?:now|topics|stories|news))? | latest\s+(?:news|stories|videos|updates) | top\s+(?:stories|news|headlines)
      | most\s+(?:read|popular|viewed|shared) | popular\s+(?:stories|posts|news) | editor'?s\s+picks? | in\s+case\s+you\s+missed\s+it
      | your\s+email\s+address\s+will\s+not\s+be\s+published.*
      | (?:powered|designed(?:\s+and\s+developed)?|developed)\s+by\s+\S.{0,40}
    )[.!:]?$")
});
/// Promotions of the site's app, channels and subscriptions.
static PROMO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?ix)
        \b(?:download|install|get)\s+(?:the\s+|our\s+)?(?:[\w&'’-]+\s+){0,5}app\b
      | \bjoin\s+(?:our|us\s+on)\s+(?:[\w-]+\s+){0,3}(?:channel|group|community)\b
      | \bsubscribe\s+to\s+(?:our|the)\s+(?:[\w&'’-]+\s+){0,5}(?:channel|newsletter|epaper|e-paper|prime|premium|magazine)\b
      | \bfollow\s+us\s+on\b
      | \bclick\s+here\s+(?:to|for)\b
      | \bcatch\s+all\s+the\s+(?:[\w-]+\s+){0,3}news\b
      | ^\(?\s*image\s+(?:used\s+)?for\s+representational?\s+purposes?(?:\s+only)?\s*\)?\.?$
    ")
});
/// "(With inputs from PTI)", "— IANS": agency credits.
static AGENCY_CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"^(?:\(?\s*(?i:with\s+(?:additional\s+)?inputs?\s+from)\s+(?P<from>[^()]{2,40}?)\s*\)?\.?|[-–—]+\s*(?P<agency>\p{Lu}{2,6}))$",
    )
});
static TAGS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)^(?:tags?|topics?|keywords?|filed\s+under|categories|category|labels?)\s*:")
});
static CAPTCHA: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)can'?t\s+read\s+the\s+(?:image|text|code)|captcha|click\s+here\s+to\s+refresh|(?:enter|type)\s+the\s+(?:code|characters|text|letters)\s+(?:shown|above|below|you\s+see|in\s+the\s+image)",
    )
});
static NEWSLETTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)\bnewsletters?\b|^(?:subscribe|sign\s+up)\b.*\b(?:updates|alerts)\b")
});
static SYNDICATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)has\s+not\s+been\s+edited\s+by|auto-generated\s+from\s+a\s+syndicated\s+feed|published\s+from\s+a\s+syndicated\s+feed",
    )
});
static CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^\(?\s*(?:(?:photo|image|picture|pic|video|graphic|file\s+photo|cover\s+image|featured\s+image)s?(?:\s+(?:credits?|courtesy|source))?\s*[:|/\-–]\s*\S.{0,60}|(?:representational|representative|file)\s+(?:image|photo|picture|pic))\s*\)?\.?$",
    )
});
static PAGE_NUMBER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)^(?:page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4})$")
});
/// An employment-type line. (After the type word only white space, a
/// separator or the end may follow, so a word boundary there would change
/// nothing; without one, the fast engine also reads lines with non-ASCII
/// characters.)
static EMPLOYMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?:permanent|full[\s-]?time|part[\s-]?time|contract(?:ual)?|temporary|internship|freelance|fixed[\s-]term|walk[\s-]in)\s*(?:[·•|,/\-–—]\s*\S.{0,60})?$",
    )
});
static BYLINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"^(?i:(?:written\s+|reported\s+|edited\s+|posted\s+)?by)\s*:?\s+(?P<name>[\p{Lu}\d][^|•·,;]*?)\s*(?:[|•·,;]\s*(?P<rest>.*))?$",
    )
});
/// The head of a date label line ("Updated on:"); the rest of the line
/// follows it (see [`ALSO_READ`] on heads).
static DATE_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?P<label>(?:first\s+)?published|(?:last\s+)?updated|posted|modified|dated?)(?:\s+(?:on|at))?\s*:?\s*",
    )
});
static PHONE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:tel|telephone|phone|ph|mob|mobile|fax|call\s+us|helpline|contact)\b\.?\s*(?:no\.?)?\s*[:.]?\s*\+?\(?\d[\d\s()\-]{6,}",
    )
});
static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"));
static PIN: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"\b\d{3}\s?\d{3}\b"));

/// Words of share bars and reading controls; a line made only of these
/// (with at least one [`UI_ANCHORS`] word) is a share bar.
const UI_ANCHORS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "download",
    "print",
    "tweet",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "telegram",
    "pinterest",
    "reddit",
    "email",
    "e-mail",
    "mail",
    "subscribe",
    "follow",
    "bookmark",
    "save",
    "comment",
    "comments",
    "listen",
    "font",
    "size",
    "zoom",
    "instagram",
    "youtube",
    "messenger",
    "sms",
    "copy",
    "copied",
    "pdf",
    "like",
    "koo",
    "threads",
];
const UI_FILLERS: &[&str] = &[
    "the", "this", "article", "story", "page", "post", "here", "click", "tap", "to", "on", "us",
    "text", "via", "and", "or", "with", "a", "an", "news", "google", "now", "it", "our", "x",
    "reset", "normal", "large", "small", "larger", "smaller", "increase", "decrease", "link",
    "url", "for", "later", "more",
];
/// Last words of counter labels ("300 / Fashion Jobs", "12 / Comments").
const COUNTER_WORDS: &[&str] = &[
    "jobs",
    "job",
    "comments",
    "comment",
    "views",
    "shares",
    "likes",
    "followers",
    "subscribers",
    "reads",
    "photos",
    "videos",
    "notifications",
    "replies",
    "reactions",
    "votes",
    "results",
    "items",
    "articles",
    "stories",
    "alerts",
    "messages",
    "openings",
    "vacancies",
];
/// Close buttons and similar lone symbols.
const SYMBOLS: &[&str] = &["×", "✕", "✖", "✗", "⨯", "☰", "x", "X"];
/// Symbols that are furniture even alone.
const CLOSE_SYMBOLS: &[&str] = &["×", "✕", "✖", "⨯", "☰"];

/// Applies every line rule, painting `marks`; returns what it noticed.
pub(crate) fn mark(lines: &[Line<'_>], marks: &mut Marks) -> Hints {
    let mut hints = Hints::default();
    let line_cues = all_line_cues(lines);
    let first_line = lines.iter().position(|l| !l.text.is_empty());
    for (i, (line, &cues)) in lines.iter().zip(&line_cues).enumerate() {
        let kind = line_kind_cued(line, cues)
            .or_else(|| widget_line(line))
            .or_else(|| {
                (Some(i) == first_line && is_masthead(line)).then_some(FurnitureKind::Other)
            });
        if let Some(kind) = kind
            && !heads_table(lines, i)
        {
            marks.paint(line.start, line.end, kind);
        } else if let Some(at) = credit_tail(line.text) {
            marks.paint(line.start + at, line.end, FurnitureKind::Other);
        }
        if may_be_agency_credit(line.text, cues)
            && is(&AGENCY_CREDIT, line.text)
            && let Some(c) = AGENCY_CREDIT.as_ref().and_then(|r| r.captures(line.text))
            && let Some(m) = c.name("agency").or_else(|| c.name("from"))
        {
            hints
                .agency
                .get_or_insert_with(|| m.as_str().trim().to_string());
        }
    }
    mark_related_lists(lines, marks);
    mark_comments(lines, marks);
    mark_counters(lines, marks);
    mark_jobs(lines, marks);
    mark_bylines(lines, &line_cues, marks, &mut hints);
    mark_contact_block(lines, marks);
    hints
}

/// The kind of a line that is furniture on its own.
#[cfg(test)]
pub(crate) fn line_kind(line: &Line<'_>) -> Option<FurnitureKind> {
    line_kind_cued(line, cues(line.text))
}

/// [`AGENCY_CREDIT`] may match `t`.
fn may_be_agency_credit(t: &str, cues: u32) -> bool {
    cues & cue::INPUTS != 0 || t.starts_with(['-', '–', '—'])
}

/// The kind of a line that is furniture on its own, given its [`cues`].
/// Every pattern runs only where its cue or its first word is present.
fn line_kind_cued(line: &Line<'_>, cues: u32) -> Option<FurnitureKind> {
    let t = line.text;
    if t.is_empty() {
        return None;
    }
    let cued = |c: u32| cues & c != 0;
    // Paragraphs of running text are never furniture on their own, except
    // for a syndication notice.
    if line.words > 40 {
        return (line.words <= 80 && cued(cue::SYNDICATION) && is(&SYNDICATION, t))
            .then_some(FurnitureKind::Other);
    }
    if line.words <= 30 && cued(cue::COPYRIGHT) && is(&COPYRIGHT, t) {
        return Some(FurnitureKind::Copyright);
    }
    if line.words <= 40 && may_open_with(t, &ALSO_READ_OPENERS) && is_also_read(t) {
        return Some(FurnitureKind::AlsoRead);
    }
    if line.words <= 10 && is_share_bar(t) {
        return Some(FurnitureKind::ShareBar);
    }
    let digit_first = may_open_with_digit(t);
    if digit_first && is(&COUNTER_LINE, t) {
        return Some(FurnitureKind::Counter);
    }
    let short = line.words <= 12;
    let other = may_open_with(t, &SITE_UI_OPENERS) && is(&SITE_UI, t)
        || line.words <= 40 && may_open_with(t, &TAGS_OPENERS) && is(&TAGS, t)
        || line.words <= 20 && cued(cue::CAPTCHA) && is(&CAPTCHA, t)
        || short && cued(cue::NEWSLETTER) && !ends_sentence(t) && is(&NEWSLETTER, t)
        || cued(cue::SYNDICATION) && is(&SYNDICATION, t)
        || line.words <= 25
            && (cued(cue::PROMO) || cued(cue::APP) && cued(cue::GET))
            && is(&PROMO, t)
        || may_be_agency_credit(t, cues) && is(&AGENCY_CREDIT, t)
        || CLOSE_SYMBOLS.contains(&t)
        || short && cued(cue::CREDIT) && is(&CREDIT, t)
        || (digit_first || may_open_with(t, &PAGE_OPENERS)) && is(&PAGE_NUMBER, t)
        || is_breadcrumb(t, line.words);
    other.then_some(FurnitureKind::Other)
}

/// `t` starts with `p` (lower-case ASCII) in any case.
fn starts_ci(t: &str, p: &str) -> bool {
    t.len() >= p.len() && t.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
}

/// Words of page widgets that [`widget_line`] asks about, by bit.
#[derive(Clone, Copy)]
enum Widget {
    Cookie,
    UseCookies,
    CookiePolicy,
    AcceptCookies,
    MinRead,
    Published,
    Updated,
    ViewsPersonal,
    ViewsExpressed,
    FollowAuthor,
    Index,
    ReportError,
    FoundUseful,
    WhatsApp,
    Inbox,
    Comment,
    Social,
    Salary,
    WritesOn,
}

/// The words of [`Widget`], each with its bit.
const WIDGET_WORDS: &[(&str, Widget)] = &[
    ("cookie", Widget::Cookie),
    ("use cookies", Widget::UseCookies),
    ("cookie policy", Widget::CookiePolicy),
    ("accept cookies", Widget::AcceptCookies),
    ("min read", Widget::MinRead),
    ("mins read", Widget::MinRead),
    ("minute read", Widget::MinRead),
    ("minutes read", Widget::MinRead),
    ("published:", Widget::Published),
    ("updated:", Widget::Updated),
    ("views are personal", Widget::ViewsPersonal),
    ("views expressed", Widget::ViewsExpressed),
    ("follow her on", Widget::FollowAuthor),
    ("follow him on", Widget::FollowAuthor),
    ("follow them on", Widget::FollowAuthor),
    ("sensex", Widget::Index),
    ("nifty", Widget::Index),
    ("report an error", Widget::ReportError),
    ("found this useful", Widget::FoundUseful),
    ("whatsapp", Widget::WhatsApp),
    ("in your inbox", Widget::Inbox),
    ("comment", Widget::Comment),
    ("telegram", Widget::Social),
    ("twitter", Widget::Social),
    ("facebook", Widget::Social),
    ("instagram", Widget::Social),
    ("youtube", Widget::Social),
    ("google news", Widget::Social),
    ("linkedin", Widget::Social),
    ("salary", Widget::Salary),
    ("writes on ", Widget::WritesOn),
    ("writes about ", Widget::WritesOn),
    ("based journalist", Widget::WritesOn),
];

static WIDGET_SEARCH: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(WIDGET_WORDS.iter().map(|(w, _)| w))
        .ok()
});

/// The words of an author's bio ("... is a Lucknow-based journalist who
/// writes on small industry").
static BIO_SEARCH: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .build(["writes on ", "writes about ", "based journalist"])
        .ok()
});

/// "cookie" in any case: the one widget word a long line is searched for.
static COOKIE_SEARCH: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["cookie"])
        .ok()
});

/// The bits of the [`WIDGET_WORDS`] that `t` holds (in any case).
fn widget_words(t: &str) -> u32 {
    let Some(ac) = WIDGET_SEARCH.as_ref() else {
        return 0;
    };
    ac.find_overlapping_iter(t)
        .filter_map(|m| WIDGET_WORDS.get(m.pattern().as_usize()))
        .fold(0, |bits, (_, w)| bits | 1 << *w as u32)
}

/// Widgets and notices of a page that no cue of [`line_kind_cued`] names,
/// one line each: reading-time and byline strips with bars ("RCP Bureau |
/// October 8, 2025 | 4 min read"), comment and feedback widgets, share bars
/// with counts, "write to us" lines with an address, subscription and
/// inbox offers, "More from ..." and "Also in this series" links, cookie
/// notices, one-line job ads, "Follow ... on WhatsApp", "Compiled by ...",
/// and section kickers in capitals ("SUNDAY MAGAZINE | WOMEN AT WORK").
fn widget_line(line: &Line<'_>) -> Option<FurnitureKind> {
    let t = line.text;
    let words = line.words;
    if t.is_empty() || words > 60 {
        return None;
    }
    // A long line can only be a cookie notice.
    if words > 25 {
        let cookies = COOKIE_SEARCH.as_ref().is_some_and(|ac| ac.is_match(t)) && {
            let found = widget_words(t);
            let has = |w: Widget| found & (1 << w as u32) != 0;
            has(Widget::UseCookies) || has(Widget::CookiePolicy) || has(Widget::AcceptCookies)
        };
        return cookies.then_some(FurnitureKind::Other);
    }
    let starts = |p: &str| starts_ci(t, p);
    // A sentence of running text (no bar, no address) is a widget only by
    // its opening words or its close: the search for widget words is left
    // out for it.
    let prose = words > 8 && ends_sentence(t) && !t.contains(['|', '@']);
    if prose {
        let opening = starts("the writer is")
            || starts("the author is")
            || starts("the writers are")
            || starts("the views expressed")
            || starts("disclaimer")
            || starts("sponsored:")
            || starts("subscribe to")
            || starts("sign up for");
        let closing = {
            let tail = t.len().saturating_sub(20);
            t.is_char_boundary(tail) && t[tail..].to_ascii_lowercase().contains("are personal")
        };
        // An author's bio: one sentence of at most thirty words.
        if words <= 30 && BIO_SEARCH.as_ref().is_some_and(|ac| ac.is_match(t)) {
            return Some(FurnitureKind::Other);
        }
        // "Next week in Women at Work: the pickle-makers of Guntur."
        let teaser = (starts("next week in") || starts("next in ") || starts("also in "))
            && t.find(':')
                .is_some_and(|i| t[..i].split_whitespace().count() <= 6);
        if teaser {
            return Some(FurnitureKind::AlsoRead);
        }
        if opens_job_ad(t) && t.to_ascii_lowercase().contains("salary") {
            return Some(FurnitureKind::JobListing);
        }
        return (opening || closing).then_some(FurnitureKind::Other);
    }
    // The widget words the line holds, found in one pass.
    let found = widget_words(t);
    let has = |w: Widget| found & (1 << w as u32) != 0;
    if has(Widget::Cookie)
        && (has(Widget::UseCookies) || has(Widget::CookiePolicy) || has(Widget::AcceptCookies))
    {
        return Some(FurnitureKind::Other);
    }
    // One pass over the bytes for the marks the rules ask about.
    let (mut bar, mut arrow, mut at_sign, mut digit, mut only_dashes) =
        (false, false, false, false, true);
    for &b in t.as_bytes() {
        match b {
            b'|' => bar = true,
            // '>', and the last bytes of '›' (E2 80 BA) and '»' (C2 BB).
            b'>' | 0xBA | 0xBB => arrow = true,
            b'@' => at_sign = true,
            b'0'..=b'9' => digit = true,
            b'-' | b' ' => {}
            _ => only_dashes = false,
        }
    }
    let dated_strip = bar
        && (has(Widget::MinRead) || has(Widget::Published) || has(Widget::Updated) || {
            // (Bars are rare: the lower-case copy is made for them only.)
            let lower = t.to_lowercase();
            lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "ist")
                || [
                    "monday,",
                    "tuesday,",
                    "wednesday,",
                    "thursday,",
                    "friday,",
                    "saturday,",
                    "sunday,",
                ]
                .iter()
                .any(|d| lower.contains(d))
                || lower
                    .split(" page ")
                    .nth(1)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        });
    let kicker = (bar || arrow)
        && words <= 12
        && !t
            .split('|')
            .any(|seg| seg.trim().starts_with(|c: char| c.is_ascii_digit()))
        && {
            let letters = t.chars().filter(|c| c.is_alphabetic());
            let (upper, all) = letters.fold((0, 0), |(u, a), c| {
                (u + usize::from(c.is_uppercase()), a + 1)
            });
            all >= 6 && upper * 5 >= all * 4
        };
    let email_line = words <= 14
        && at_sign
        && [
            "write to",
            "send ",
            "email ",
            "e-mail",
            "mail ",
            "contact",
            "reach ",
            "for feedback",
            "feedback",
            "tips",
        ]
        .iter()
        .any(|p| starts(p))
        && is(&EMAIL, t);
    // "Trending: A | B | C", "Web Stories: A | B": a label, then links.
    let link_list = bar
        && t.find(':').is_some_and(|i| {
            let label = &t[..i];
            label.split_whitespace().count() <= 4
                && !label.bytes().any(|b| b.is_ascii_digit() || b == b'|')
                && t[i + 1..]
                    .split('|')
                    .all(|seg| seg.split_whitespace().count() <= 12)
        });
    // An author's box and a column's notes.
    let author_note = starts("the writer is")
        || starts("the author is")
        || starts("the writers are")
        || starts("disclaimer")
        || has(Widget::ViewsPersonal)
        || has(Widget::ViewsExpressed)
        || has(Widget::FollowAuthor)
        || has(Widget::FollowAuthor)
        || has(Widget::FollowAuthor);
    let byline_only = words <= 4
        && ["reporter", "correspondent", "desk", "bureau"]
            .iter()
            .any(|w| {
                let t = t.trim_end_matches('.');
                t.len() >= w.len()
                    && t.as_bytes()[t.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
            });
    // "| Photo Credit: Special Arrangement", "(Photo credit: PTI)".
    let credit = words <= 12 && {
        let bare = t.trim_start_matches(['|', '(', ' ']).to_ascii_lowercase();
        [
            "photo credit",
            "photo courtesy",
            "image credit",
            "image courtesy",
            "picture credit",
            "file photo",
        ]
        .iter()
        .any(|p| bare.starts_with(p))
    };
    // A market ticker: "SENSEX 81,245.30 (+0.42%) NIFTY 50 24,870.15".
    let ticker = words <= 16 && has(Widget::Index) && t.contains('%');
    // "Updated: Wed, 14 Feb 2024 06:41 PM IST"; "-- 2 --" between PDF pages.
    let stamp = words <= 12
        && (starts("updated:")
            || starts("published:")
            || starts("posted:")
            || starts("last updated"))
        && digit;
    let page_mark = digit && only_dashes && t.starts_with('-');
    // "Series: Women at Work (Part 4 of 6)", "LEGACY | Part 9 of a series".
    let series = words <= 14 && {
        let low = t.to_ascii_lowercase();
        low.find("part ").is_some_and(|i| {
            let rest = &low[i + 5..];
            let n = rest.bytes().take_while(u8::is_ascii_digit).count();
            n > 0 && rest[n..].starts_with(" of ")
        })
    };
    // "(c) 2025 Chhattisgarh Mirror" at the end of a menu line.
    let rights = bar && {
        let low = t.to_ascii_lowercase();
        low.contains("(c) 19") || low.contains("(c) 20")
    };
    // "X is a Lucknow-based journalist who writes on small industry."
    let bio = words <= 30 && has(Widget::WritesOn);
    let other = dated_strip
        || series
        || rights
        || bio
        || kicker
        || credit
        || stamp
        || page_mark
        || ticker
        || starts("sponsored:")
        || starts("sponsored content")
        || email_line
        || link_list
        || author_note
        || byline_only
        || has(Widget::ReportError)
        || has(Widget::FoundUseful)
        || words <= 16
            && has(Widget::WhatsApp)
            && t.bytes().filter(u8::is_ascii_digit).count() >= 5
        || words <= 12
            && t.len() >= 4
            && t.as_bytes()[t.len() - 4..].eq_ignore_ascii_case(b" app")
            && {
                let low = t.to_ascii_lowercase();
                low.contains(" our ") || low.contains(" the ")
            }
        || starts("listen to this article")
        || starts("listen to this story")
        || starts("was this article helpful")
        || starts("did you find this article")
        || starts("rate this article")
        || words <= 10 && bar && has(Widget::Comment)
        || words <= 20
            && (starts("subscribe to")
                || starts("subscribe now")
                || starts("subscribe for")
                || starts("sign up for")
                || has(Widget::Inbox))
        || words <= 12 && starts("follow ") && (has(Widget::WhatsApp) || has(Widget::Social))
        || words <= 8 && starts("compiled by");
    if other {
        return Some(FurnitureKind::Other);
    }
    if starts("share") && (bar || starts("share:")) && words <= 14 {
        return Some(FurnitureKind::ShareBar);
    }
    if starts("comments") && words <= 3 && digit {
        return Some(FurnitureKind::Counter);
    }
    // "Also in Companies: ...", "Next in LEGACY: ...", "Next week in Women
    // at Work: ...": a label with a colon, then a story's title.
    let labelled = |p: &str| {
        starts(p)
            && !ends_sentence(t.trim_end_matches('.'))
            && t.find(':')
                .is_some_and(|i| t[..i].split_whitespace().count() <= 6)
    };
    if starts("also in this series")
        || labelled("also in ")
        || labelled("next in ")
        || labelled("next week in ")
        || labelled("coming up")
        || starts("more from ")
            && !ends_sentence(t)
            && t.find(':')
                .is_some_and(|i| t[..i].split_whitespace().count() <= 5)
    {
        return Some(FurnitureKind::AlsoRead);
    }
    if opens_job_ad(t) && has(Widget::Salary) {
        return Some(FurnitureKind::JobListing);
    }
    None
}

/// `t` opens as a one-line job advertisement does ("JOBS |", "Classifieds:",
/// "Wanted ..."); with a salary in it, it is one.
fn opens_job_ad(t: &str) -> bool {
    ["jobs", "classified", "wanted"]
        .iter()
        .any(|p| starts_ci(t, p))
}

/// Where a photo credit at the end of a caption line starts ("... on
/// Wednesday. | Photo Credit: Special Arrangement", "... (Photo credit:
/// PTI)"), at its bar or bracket.
fn credit_tail(t: &str) -> Option<usize> {
    // The credit ends the line inside brackets or after a bar.
    if !(t.ends_with(')') || t.contains('|')) || !t.is_ascii() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let at = [
        "photo credit",
        "photo courtesy",
        "image credit",
        "image courtesy",
        "(photo:",
        "| photo:",
    ]
    .iter()
    .filter_map(|p| lower.find(p))
    .min()?;
    if at == 0 || t[at..].split_whitespace().count() > 10 {
        return None;
    }
    // Back to the bar or bracket that opens it.
    let head = t[..at].trim_end();
    let start = match head.as_bytes().last() {
        Some(b'|' | b'(') => head.len() - 1,
        _ => at,
    };
    (t.as_bytes()[at] == b'(' || t.as_bytes()[at] == b'|' || start < at).then_some(start)
}

/// The first line of a page when it is a masthead: a few short names split
/// by a bar ("RailCargo Pulse | Freight & Terminals"), not a headline.
fn is_masthead(line: &Line<'_>) -> bool {
    let t = line.text;
    line.words <= 6
        && t.contains('|')
        && !ends_sentence(t)
        && t.split('|').all(|seg| {
            let n = seg.split_whitespace().count();
            (1..=3).contains(&n)
        })
}

fn ends_sentence(t: &str) -> bool {
    t.ends_with(['.', '!', '?', '"', '”', '’', '\''])
}

fn is_also_read(t: &str) -> bool {
    // A search without groups settles most lines at less cost.
    if !is(&ALSO_READ, t) {
        return false;
    }
    let Some(c) = ALSO_READ.as_ref().and_then(|r| r.captures(t)) else {
        return false;
    };
    // The whole line matches: the head, then any rest.
    let rest = c.get(0).map_or("", |m| &t[m.end()..]).trim();
    let has_sep = c.name("sep").is_some();
    let lead = t.to_lowercase();
    let bare = rest
        .trim_matches(|ch: char| !ch.is_alphanumeric())
        .is_empty();
    // "Also Read Some Headline" without a colon still reads as a link.
    let title_follows = (lead.starts_with("also read") || lead.starts_with("read also"))
        && rest.starts_with(|ch: char| ch.is_uppercase());
    bare || has_sep || title_follows
}

/// Splits a line into the tokens of the share-bar test (to be read in
/// lower case).
fn ui_tokens(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '|' | '·' | '•' | '/' | ',' | ':' | ';' | '(' | ')' | '[' | ']'
            )
    })
    .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '!' | '…' | '"' | '\'')))
    .filter(|w| !w.is_empty())
}

/// A short list of ASCII words, with the lengths of the words that open
/// with each byte, so that most other words are passed over without a
/// comparison.
struct WordSet {
    words: &'static [&'static str],
    /// Bit `n` of entry `b`: a word of `n` bytes opens with byte `b`.
    shapes: [u64; 128],
}

impl WordSet {
    const fn new(words: &'static [&'static str]) -> Self {
        let mut shapes = [0u64; 128];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            if !w.is_empty() && w[0] < 128 && w.len() < 64 {
                shapes[w[0] as usize] |= 1 << w.len();
            }
            i += 1;
        }
        WordSet { words, shapes }
    }

    /// True when `w` is one of the words.
    fn contains(&self, w: &str) -> bool {
        let bytes = w.as_bytes();
        let Some(&first) = bytes.first() else {
            return self.words.contains(&w);
        };
        let shape = self.shapes.get(usize::from(first)).copied().unwrap_or(0);
        bytes.len() < 64 && shape & (1 << bytes.len()) != 0 && self.words.contains(&w)
    }
}

/// [`UI_ANCHORS`], looked up.
static UI_ANCHOR_SET: WordSet = WordSet::new(UI_ANCHORS);
/// [`UI_FILLERS`], looked up.
static UI_FILLER_SET: WordSet = WordSet::new(UI_FILLERS);

fn is_size_control(w: &str) -> bool {
    let core = w.trim_end_matches(['+', '-', '−']);
    w.len() > core.len() && core.chars().all(|c| c == 'a') || w.chars().all(|c| "+-−".contains(c))
}

fn is_share_bar(t: &str) -> bool {
    if t.is_ascii() {
        return is_ascii_share_bar(t.as_bytes());
    }
    let mut anchor = false;
    let mut lower = String::new();
    for (n, token) in ui_tokens(t).enumerate() {
        if n >= 10 {
            return false;
        }
        // Short ASCII tokens are put in lower case on the stack.
        let mut buf = [0u8; 32];
        let w = match buf.get_mut(..token.len()) {
            Some(head) if token.is_ascii() => {
                head.copy_from_slice(token.as_bytes());
                head.make_ascii_lowercase();
                std::str::from_utf8(head).unwrap_or_default()
            }
            _ => {
                lower.clear();
                if token.is_ascii() {
                    lower.extend(token.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                } else {
                    lower.push_str(&token.to_lowercase());
                }
                lower.as_str()
            }
        };
        if UI_ANCHOR_SET.contains(w) || is_size_control(w) {
            anchor = true;
        } else if !UI_FILLER_SET.contains(w) {
            return false;
        }
    }
    anchor
}

/// [`is_share_bar`] of an ASCII line, read byte by byte: the same tokens
/// (split at ASCII white space and the ASCII separators of [`ui_tokens`],
/// trimmed of its ASCII trimmed marks) and the same tests.
fn is_ascii_share_bar(t: &[u8]) -> bool {
    let separator = |b: &u8| {
        b.is_ascii_whitespace()
            || matches!(
                b,
                b'\x0b' | b'|' | b'/' | b',' | b':' | b';' | b'(' | b')' | b'[' | b']'
            )
    };
    let trimmed = |b: &u8| matches!(b, b'.' | b'!' | b'"' | b'\'');
    let mut anchor = false;
    let mut n = 0usize;
    let mut lower = String::new();
    for raw in t.split(separator) {
        let start = raw.iter().position(|b| !trimmed(b)).unwrap_or(raw.len());
        let end = raw
            .iter()
            .rposition(|b| !trimmed(b))
            .map_or(start, |k| k + 1);
        let Some(token) = raw.get(start..end).filter(|w| !w.is_empty()) else {
            continue;
        };
        if n >= 10 {
            return false;
        }
        n += 1;
        // Short tokens are put in lower case on the stack.
        let mut buf = [0u8; 32];
        let w = match buf.get_mut(..token.len()) {
            Some(head) => {
                head.copy_from_slice(token);
                head.make_ascii_lowercase();
                std::str::from_utf8(head).unwrap_or_default()
            }
            None => {
                lower.clear();
                lower.extend(token.iter().map(|b| char::from(b.to_ascii_lowercase())));
                lower.as_str()
            }
        };
        if UI_ANCHOR_SET.contains(w) || is_size_control(w) {
            anchor = true;
        } else if !UI_FILLER_SET.contains(w) {
            return false;
        }
    }
    anchor
}

/// Readers' comments under a "Comments (3)" heading: the lines shaped
/// "Name: what they wrote" right after it (blank lines between allowed), up
/// to twenty.
fn mark_comments(lines: &[Line<'_>], marks: &mut Marks) {
    let is_heading = |t: &str| {
        let lower = t.to_ascii_lowercase();
        let lower = lower.trim_end_matches(':');
        lower == "comments"
            || lower == "reader comments"
            || lower.starts_with("comments (") && lower.ends_with(')')
            || lower.ends_with(" comments") && lower.split_whitespace().count() == 2
    };
    let is_comment = |t: &str| {
        t.find(": ").is_some_and(|i| {
            let name = &t[..i];
            let n = name.split_whitespace().count();
            (1..=3).contains(&n)
                && name.split_whitespace().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
                })
        })
    };
    let mut i = 0;
    while i < lines.len() {
        if lines[i].words <= 4 && is_heading(lines[i].text) {
            let mut k = i + 1;
            let mut taken = 0;
            while k < lines.len() && taken < 20 {
                let l = &lines[k];
                if l.text.is_empty() {
                    k += 1;
                    continue;
                }
                if !is_comment(l.text) {
                    break;
                }
                marks.paint(l.start, l.end, FurnitureKind::Other);
                taken += 1;
                k += 1;
            }
            i = k;
        } else {
            i += 1;
        }
    }
}

/// True when line `i` is the heading row of a table: cells split by `|`,
/// and the next row (past a Markdown rule such as `---|---`) has as many
/// cells and one of them is a figure alone ("District | Units | Jobs" over "Gomati |
/// 13,905 | 48,650"). A menu has no such row under it.
fn heads_table(lines: &[Line<'_>], i: usize) -> bool {
    let bars = |t: &str| t.bytes().filter(|&b| b == b'|').count();
    let Some(head) = lines.get(i) else {
        return false;
    };
    let n = bars(head.text);
    if n == 0 {
        return false;
    }
    lines
        .iter()
        .skip(i + 1)
        .take(2)
        .find(|l| {
            !l.text
                .bytes()
                .all(|b| matches!(b, b'|' | b'-' | b':' | b' '))
        })
        .is_some_and(|row| {
            bars(row.text) == n
                && row.text.split('|').any(|cell| {
                    let cell = cell.trim();
                    cell.starts_with(|c: char| c.is_ascii_digit())
                        && cell
                            .chars()
                            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | ' ' | '-'))
                })
        })
}

/// "| | Arts & Culture, Asia" or "Home > Business > Economy": short
/// segments between separators, no figures.
fn is_breadcrumb(t: &str, words: usize) -> bool {
    // "Home / Bihar / Darbhanga": a slash separates only on a line that
    // starts at the site's home (elsewhere it is content: "Rs 5/kg").
    let home = t.len() > 5 && t.as_bytes()[..5].eq_ignore_ascii_case(b"home ");
    let slash = home && t.contains(" / ");
    let seps_set: &[char] = if slash {
        &['|', '>', '»', '›', '/']
    } else {
        &['|', '>', '»', '›']
    };
    // Every separator holds one of these bytes (`»` ends in 0xBB, `›` in
    // 0xBA): most lines have none and are settled in one byte pass.
    if words > 30
        || !slash
            && !t.bytes().fold(false, |seen, b| {
                seen | matches!(b, b'|' | b'>' | 0xBA | 0xBB)
            })
        || !only_years(t)
    {
        return false;
    }
    let seps = t.chars().filter(|c| seps_set.contains(c)).count();
    // A row of a Markdown table starts and ends with a bar: content.
    if seps == 0
        || !(t.starts_with(seps_set) || seps >= 2)
        || (t.starts_with('|') && t.ends_with('|'))
    {
        return false;
    }
    // More than 15 words only in a menu of short items ("Home | News |
    // Business | ... | E-Paper"). (A spaced bar counts as a word.)
    let words = words.saturating_sub(seps);
    if words > 15 && 2 * (seps + 1) < words {
        return false;
    }
    t.split(seps_set)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .all(|s| s.split_whitespace().count() <= 5 && !ends_sentence(s))
}

/// True when every figure in `t` is a year standing alone ("Elections
/// 2027" in a menu), or there is none.
fn only_years(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let year = i - start == 4
                && (b[start] == b'1' && b[start + 1] == b'9'
                    || b[start] == b'2' && b[start + 1] == b'0');
            let joined = start > 0 && matches!(b[start - 1], b',' | b'.' | b'-' | b'/')
                || i < b.len() && matches!(b[i], b',' | b'.' | b'-' | b'/' | b'%');
            if !year || joined {
                return false;
            }
        } else {
            i += 1;
        }
    }
    true
}

/// The story titles listed under a heading such as "Related stories"
/// standing alone on its line: the headline-like lines right after it (no
/// full stop at the end, at most 16 words), up to eight, until a blank line
/// or a line of running text. (A bare "Also Read" is left alone: the line
/// after it may be a subheading of the article.)
fn mark_related_lists(lines: &[Line<'_>], marks: &mut Marks) {
    for (i, l) in lines.iter().enumerate() {
        let heading = l.words <= 3
            && !l.text.contains(':')
            && matches!(
                l.text.trim().to_lowercase().as_str(),
                "related stories"
                    | "related news"
                    | "related articles"
                    | "more stories"
                    | "you may also like"
                    | "trending"
                    | "top stories"
            );
        if !heading {
            continue;
        }
        let mut end = None;
        for next in lines.iter().skip(i + 1).take(8) {
            let t = next.text.trim_end();
            if next.is_blank() || next.words > 16 || t.ends_with('.') || t.ends_with('"') {
                break;
            }
            end = Some(next.end);
        }
        if let Some(e) = end {
            marks.paint(l.start, e, FurnitureKind::AlsoRead);
        }
    }
}

/// "×" / "300" / "Fashion Jobs": a lone number beside a short counter label,
/// with any close symbol just before.
fn mark_counters(lines: &[Line<'_>], marks: &mut Marks) {
    // Counter labels are capitalised ("Fashion Jobs", "Comments"); a label
    // like "Number of jobs" above its value is a field of a data layout.
    let is_label = |l: &Line<'_>| {
        l.words <= 3
            && !l.text.chars().any(|c| c.is_ascii_digit())
            && l.text
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
            && l.text
                .split_whitespace()
                .last()
                .is_some_and(|w| COUNTER_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let is_symbol = |l: &Line<'_>| SYMBOLS.contains(&l.text);
    for (i, line) in lines.iter().enumerate() {
        if !(may_open_with_digit(line.text) && is(&NUMBER_LINE, line.text)) {
            continue;
        }
        let (mut first, mut last) = (i, i);
        if lines.get(i + 1).is_some_and(is_label) {
            last = i + 1;
        } else if !(i > 0 && is_symbol(&lines[i - 1])) {
            continue;
        }
        if first > 0 && is_symbol(&lines[first - 1]) {
            first -= 1;
        }
        marks.paint(lines[first].start, lines[last].end, FurnitureKind::Counter);
    }
}

/// A line that may belong to a job advertisement: short, not a sentence.
fn is_jobish(l: &Line<'_>) -> bool {
    !l.is_blank() && l.words <= 16 && !(l.text.ends_with('.') && l.words >= 6)
}

/// Job boards: advertisements of a few short lines (employer, job title)
/// each ending in an employment-type line ("Permanent · Pune"). Two or more
/// such advertisements in a row make a block.
fn mark_jobs(lines: &[Line<'_>], marks: &mut Marks) {
    let anchors: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let t = lines[i].text;
            !t.is_empty() && may_open_with(t, &EMPLOYMENT_OPENERS) && is(&EMPLOYMENT, t)
        })
        .collect();
    let mut g = 0usize;
    while g < anchors.len() {
        let mut h = g;
        while h + 1 < anchors.len()
            && anchors[h + 1] - anchors[h] <= 6
            && lines[anchors[h] + 1..anchors[h + 1]].iter().all(is_jobish)
        {
            h += 1;
        }
        if h > g {
            let (first, last) = (anchors[g], anchors[h]);
            // Lines per advertisement, so the first one's employer and title
            // are included too.
            let period = (last - first + (h - g) / 2) / (h - g);
            let mut start = first;
            while start > 0
                && first - start < period.saturating_sub(1).min(4)
                && is_jobish(&lines[start - 1])
            {
                start -= 1;
            }
            marks.paint(
                lines[start].start,
                lines[last].end,
                FurnitureKind::JobListing,
            );
        }
        g = h + 1;
    }
}

/// A byline name: a few words, capitalised, not a sentence.
fn is_name_line(l: &Line<'_>) -> bool {
    (1..=6).contains(&l.words)
        && l.text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !ends_sentence(l.text)
        && !l.text.contains(':')
}

/// The outlet a byline names, which is the article's source:
/// "Fibre2Fashion", "ET Bureau", "The Wire" (from "The Wire Desk"). A writer
/// ("Priya Sharma", "K. M. Rao") or a bare desk credit ("Staff Reporter",
/// "Our Correspondent", "Web Desk") names none.
fn byline_outlet(name: &str) -> Option<String> {
    const DESK: [&str; 7] = [
        "reporter",
        "correspondent",
        "desk",
        "staff",
        "team",
        "writer",
        "editor",
    ];
    const GENERIC: [&str; 6] = ["our", "special", "senior", "web", "news", "digital"];
    let is_any = |w: &str, list: &[&str]| list.iter().any(|d| w.eq_ignore_ascii_case(d));
    let words: Vec<&str> = name.split_whitespace().collect();
    let desk = words.iter().any(|w| is_any(w, &DESK));
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !is_any(w, &DESK))
        .collect();
    if kept.is_empty() || (desk && kept.iter().all(|w| is_any(w, &GENERIC))) {
        return None;
    }
    // A writer: two to four words, each a capitalised word of letters or an
    // initial ("K", "K.").
    let person = !desk
        && (2..=4).contains(&kept.len())
        && kept.iter().all(|w| {
            let mut cs = w.chars();
            let first_upper = cs.next().is_some_and(char::is_uppercase);
            let rest = cs.as_str();
            first_upper
                && (rest.is_empty()
                    || rest == "."
                    || (rest
                        .chars()
                        .all(|c| c.is_lowercase() || c == '-' || c == '\'')
                        && rest.chars().any(char::is_lowercase)))
        });
    (!person).then(|| kept.join(" "))
}

/// The next non-blank line after `i`, skipping at most one blank line.
fn next_filled(lines: &[Line<'_>], i: usize) -> Option<usize> {
    (i + 1..lines.len().min(i + 3)).find(|&j| !lines[j].is_blank())
}

/// Bylines and date lines: "By" / "Name", "By Name | Updated: ...",
/// "Published" / "Feb 22, 2023", and bare date lines above the article.
fn mark_bylines(lines: &[Line<'_>], cues: &[u32], marks: &mut Marks, hints: &mut Hints) {
    // Lines above the first paragraph of running text are "the top".
    let top = lines
        .iter()
        .position(|l| l.words >= 15 && ends_sentence(l.text))
        .unwrap_or(lines.len());
    let mut i = 0usize;
    while i < lines.len() {
        let line = &lines[i];
        let t = line.text;
        let line_cues = cues.get(i).copied().unwrap_or(cue::ALL);
        let mut last = None;
        if t.eq_ignore_ascii_case("by") || t.eq_ignore_ascii_case("by:") {
            if let Some(j) = next_filled(lines, i)
                && is_name_line(&lines[j])
            {
                if let Some(outlet) = byline_outlet(lines[j].text) {
                    hints.source.get_or_insert(outlet);
                }
                last = Some(j);
            }
        } else if line.words <= 12
            && line_cues & cue::BY != 0
            && may_open_with(t, &BYLINE_OPENERS)
            && is(&BYLINE, t)
            && let Some(c) = BYLINE.as_ref().and_then(|r| r.captures(t))
            && let Some(name) = c.name("name")
        {
            let rest = c.name("rest").map_or("", |m| m.as_str());
            let name = name.as_str().trim();
            let name_ok = (1..=6).contains(&name.split_whitespace().count()) && !ends_sentence(t);
            let rest_ok = rest.is_empty() || find_date(rest).is_some() || is(&DATE_LABEL, rest);
            if name_ok && rest_ok {
                if let Some(outlet) = byline_outlet(name) {
                    hints.source.get_or_insert(outlet);
                }
                if let Some((date, _)) = find_date(rest) {
                    hints.published.get_or_insert(date);
                }
                last = Some(i);
            }
        } else if line.words <= 14
            && may_open_with(t, &DATE_LABEL_OPENERS)
            && is(&DATE_LABEL, t)
            && let Some(c) = DATE_LABEL.as_ref().and_then(|r| r.captures(t))
        {
            let label = c.name("label").map_or("", |m| m.as_str()).to_lowercase();
            let rest = c.get(0).map_or("", |m| &t[m.end()..]).trim();
            let found = if rest.is_empty() {
                next_filled(lines, i).and_then(|j| date_line(lines[j].text).map(|d| (d, j)))
            } else {
                // The date opens what follows the label ("Updated: Feb 2,
                // 2023 | ..."), unlike "Updated figures for March 2023".
                find_date(rest)
                    .filter(|(_, r)| {
                        rest[..r.start]
                            .trim_matches(|c: char| !c.is_alphanumeric())
                            .is_empty()
                    })
                    .map(|(d, _)| (d, i))
            };
            if let Some((date, j)) = found {
                let slot = if label.contains("updated") || label.contains("modified") {
                    &mut hints.updated
                } else {
                    &mut hints.published
                };
                slot.get_or_insert(date);
                last = Some(j);
            }
        } else if i < top
            && line.words <= 10
            && t.bytes().any(|b| b.is_ascii_digit())
            && let Some(date) = date_line(t)
        {
            hints.date.get_or_insert(date);
            last = Some(i);
        }
        if let Some(j) = last {
            marks.paint(line.start, lines[j].end, FurnitureKind::Other);
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

/// True when every non-blank byte of `line` is marked.
pub(crate) fn is_covered(marks: &Marks, line: &Line<'_>) -> bool {
    line.text
        .bytes()
        .enumerate()
        .all(|(k, b)| b.is_ascii_whitespace() || marks.is_marked(line.start + k))
}

/// A line with a telephone number, an e-mail address, or a postal code in
/// a comma-separated address.
fn is_contact(t: &str) -> bool {
    let digits = digits(t);
    digits >= 1 && cues(t) & cue::PHONE != 0 && is(&PHONE, t)
        || t.contains('@') && is(&EMAIL, t)
        || (digits >= 6 && t.matches(',').count() >= 2 && !ends_sentence(t) && is(&PIN, t))
}

/// The number of digits in `t`, of any script.
fn digits(t: &str) -> usize {
    if t.is_ascii() {
        t.bytes().filter(u8::is_ascii_digit).count()
    } else {
        t.chars().filter(|c| c.is_numeric()).count()
    }
}

/// A line that may be part of an address: short, not a sentence.
fn is_address_part(l: &Line<'_>) -> bool {
    l.words <= 20
        && !ends_sentence(l.text)
        && (l.text.contains(',') || l.text.contains(" - ") || l.words <= 6)
}

/// Contact blocks at the end of a page: lines up from the end that look
/// like an address, holding at least one telephone, e-mail or postal line.
fn mark_contact_block(lines: &[Line<'_>], marks: &mut Marks) {
    let mut block: Vec<usize> = Vec::new();
    let mut strong = false;
    for (i, line) in lines.iter().enumerate().rev() {
        if line.is_blank() {
            // The block is one run of lines.
            if block.is_empty() {
                continue;
            }
            break;
        }
        // Furniture inside or below the block (a captcha line, a copyright
        // line) is already marked.
        if is_covered(marks, line) {
            continue;
        }
        if block.len() >= 10 {
            break;
        }
        if is_contact(line.text) {
            strong = true;
            block.push(i);
        } else if is_address_part(line) {
            block.push(i);
        } else {
            break;
        }
    }
    if strong {
        for i in block {
            marks.paint(lines[i].start, lines[i].end, FurnitureKind::Other);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(t: &str) -> Option<FurnitureKind> {
        let lines = split(t);
        lines.first().and_then(line_kind)
    }

    #[test]
    fn single_line_rules() {
        use FurnitureKind::*;
        let cases: &[(&str, Option<FurnitureKind>)] = &[
            (
                "Also Read: Town Becomes 2nd Fastest Developing City",
                Some(AlsoRead),
            ),
            ("Also Read", Some(AlsoRead)),
            ("ALSO READ | Markets fall", Some(AlsoRead)),
            ("Also read | Markets fall", Some(AlsoRead)),
            ("Read more:", Some(AlsoRead)),
            ("READ ALSO Exporters seek relief", Some(AlsoRead)),
            ("Also, read the fine print before signing.", None),
            ("Related to this, the board met on Monday.", None),
            ("Share", Some(ShareBar)),
            ("Click here to print", Some(ShareBar)),
            ("Text size", Some(ShareBar)),
            ("aA+ aA-", Some(ShareBar)),
            ("Share on WhatsApp | Tweet | Email", Some(ShareBar)),
            ("Follow us on Google News", Some(ShareBar)),
            ("Download the article", Some(ShareBar)),
            ("The share of women rose to 70 per cent.", None),
            (
                "Copyright © 2023 Some Paper. All rights reserved.",
                Some(Copyright),
            ),
            ("© 2024 The Daily Mill", Some(Copyright)),
            ("All Rights Reserved", Some(Copyright)),
            (
                "Copyright law was amended in the Lok Sabha on Friday.",
                None,
            ),
            ("12 Comments", Some(Counter)),
            ("Exit mobile version", Some(Other)),
            ("Switch to the desktop site", Some(Other)),
            ("ADVERTISEMENT", Some(Other)),
            ("Story continues below this ad", Some(Other)),
            ("Subscribe for Example Newsletter", Some(Other)),
            ("Sign up for our daily newsletter", Some(Other)),
            ("Can't read the image? click here to refresh", Some(Other)),
            ("Tags: Bihar, footwear, exports", Some(Other)),
            ("| | Arts & Culture, Asia, India", Some(Other)),
            ("Home > Business > Economy", Some(Other)),
            ("Home / Bihar / Darbhanga", Some(Other)),
            (
                "Home | News | Business | Economy | States | MSME | Opinion | Videos | E-Paper",
                Some(Other),
            ),
            ("Sales rose 20 / 30 per cent in Surat and Vapi", None),
            ("Either / or: the choice before textile units", None),
            ("(Photo: Agency)", Some(Other)),
            ("Representational image", Some(Other)),
            ("Page 3 of 12", Some(Other)),
            (
                "(This story has not been edited by our staff and is auto-generated from a syndicated feed.)",
                Some(Other),
            ),
            ("Revenue | Rs 1,524 crore | 2008-09", None),
            ("Why Does the Army Prefer These Shoes?", None),
            ("Empowering Women in Manufacturing", None),
            ("Number of MSMEs", None),
            ("450", None),
            (
                "The newsletter was first printed in 1990 by the association.",
                None,
            ),
            (
                "Download The Daily Paper News App to get Daily Market Updates.",
                Some(Other),
            ),
            (
                "Join our WhatsApp channel for the latest updates",
                Some(Other),
            ),
            ("Subscribe to our YouTube channel", Some(Other)),
            ("(With inputs from PTI)", Some(Other)),
            ("— IANS", Some(Other)),
            ("Trending Now", Some(Other)),
            ("Most Read", Some(Other)),
            ("×", Some(Other)),
            ("Image used for representational purpose only", Some(Other)),
            ("| Company | Location |", None),
            (
                "Exporters said the app-based portal helped them file returns faster than before.",
                None,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(kind(line), *want, "{line}");
        }
    }

    fn marked(text: &str) -> (Vec<String>, Hints) {
        let lines = split(text);
        let mut marks = Marks::new(text.len());
        let hints = mark(&lines, &mut marks);
        let spans = lines
            .iter()
            .filter(|l| !l.is_blank() && marks.covered(text, l.start, l.end) >= 1.0)
            .map(|l| l.text.to_string())
            .collect();
        (spans, hints)
    }

    #[test]
    fn words_are_counted_as_split_whitespace_does() {
        let mut texts: Vec<String> = [
            "",
            " ",
            "a",
            " a b  c ",
            "one\ttwo\r\nthree\u{b}four\u{c}five",
            "“Quoted” — words’ and ₹5 crore",
            "x\u{a0}y\u{85}z\u{3000}w\u{1680}v\u{205f}u",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Every character between two letters and alone.
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            texts.push(format!("ab{c}cd"));
            texts.push(format!("{c}"));
            texts.push(format!("{c} {c}x"));
            // Inside and across blocks of eight bytes.
            texts.push(format!("abcdef{c}ghijklmnop qrs{c}tu"));
        }
        for t in &texts {
            assert_eq!(count_words(t), t.split_whitespace().count(), "{t:?}");
        }
        let long = "word ".repeat(300) + "end";
        assert_eq!(count_words(&long), 301);
    }

    #[test]
    fn lines_are_split_trimmed_and_counted_as_str_methods_do() {
        let mut texts: Vec<String> = [
            "",
            "\n",
            "one line",
            "  lead and trail  \n\n\tsecond\tline\r\nthird",
            "\u{a0}nbsp opens\u{a0}and closes\u{a0}\n“Quoted” — words’ ₹5\n\u{3000}x\u{2003}y z",
            "x\u{b}y\u{c}z\u{85}w end\n",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Lines across blocks of 64 bytes, with wide spaces near the edges.
        for k in 0..70 {
            let pad = "ab ".repeat(k / 3) + &"c".repeat(k % 3);
            texts.push(format!("{pad}\u{a0}word {pad}\nnext\u{2009}line {pad} end"));
            texts.push(format!("{pad}\n \u{a0}{pad} é “x” \n{pad}"));
        }
        for t in &texts {
            let got: Vec<(usize, usize, &str, usize)> = split(t)
                .iter()
                .map(|l| (l.start, l.end, l.text, l.words))
                .collect();
            let mut want = Vec::new();
            let mut pos = 0;
            for raw in t.split('\n') {
                let rest = raw.trim_start();
                let trimmed = rest.trim_end();
                let start = pos + raw.len() - rest.len();
                want.push((
                    start,
                    start + trimmed.len(),
                    trimmed,
                    trimmed.split_whitespace().count(),
                ));
                pos += raw.len() + 1;
            }
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn employment_lines_match_as_with_a_word_boundary() {
        let Some(bounded) = re(
            r"(?i)^(?:permanent|full[\s-]?time|part[\s-]?time|contract(?:ual)?|temporary|internship|freelance|fixed[\s-]term|walk[\s-]in)\b\s*(?:[·•|,/\-–—]\s*\S.{0,60})?$",
        ) else {
            panic!("pattern");
        };
        let lines = [
            "Permanent · Surat",
            "Permanent·Surat",
            "Permanenté",
            "Permanent é",
            "Contractual",
            "Contractual — Pune",
            "Contract ual",
            "Full-time · Tiruppur",
            "Full time·x",
            "Fulltime",
            "Part time",
            "Walk-in",
            "Walk-inn",
            "Fixed term – Pune ₹5",
            "Temporaryx",
            "Temporary_",
            "Internship · “Quoted” place",
            "Freelance |",
            "PERMANENT / \u{212A}olkata",
            "Part of the plan",
        ];
        for t in lines {
            assert_eq!(is(&EMPLOYMENT, t), bounded.is_match(t), "{t}");
        }
    }

    #[test]
    fn ascii_share_bars_are_read_as_the_general_test_reads_them() {
        let general = |t: &str| {
            let mut anchor = false;
            for (n, token) in ui_tokens(t).enumerate() {
                if n >= 10 {
                    return false;
                }
                let w = token.to_lowercase();
                if UI_ANCHOR_SET.contains(&w) || is_size_control(&w) {
                    anchor = true;
                } else if !UI_FILLER_SET.contains(&w) {
                    return false;
                }
            }
            anchor
        };
        let lines = [
            "Share",
            "Share on WhatsApp | Tweet | Email",
            "Click here to print",
            "Text size: aA+ aA- A",
            "\"Share\" (Print) [Email]; Save, Copy/Link",
            "...Share!!! 'print'",
            "share share share share share share share share share share",
            "share share share share share share share share share share share",
            "Share\x0bprint\x0cemail\ttweet\r",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+ share",
            "SHAREPOINT",
            "The share of women rose to 70 per cent.",
            "Download the article",
            "+ - ++",
            ". ! '",
            "",
        ];
        for t in lines {
            assert_eq!(is_share_bar(t), general(t), "{t:?}");
        }
    }

    #[test]
    fn word_sets_hold_their_words_and_no_others() {
        for (set, list) in [(&UI_ANCHOR_SET, UI_ANCHORS), (&UI_FILLER_SET, UI_FILLERS)] {
            for w in list {
                assert!(set.contains(w), "{w}");
                for other in [format!("{w}s"), w[1..].to_string(), w.to_uppercase()] {
                    assert_eq!(
                        set.contains(&other),
                        list.contains(&other.as_str()),
                        "{other}"
                    );
                }
            }
            assert!(!set.contains(""));
            assert!(!set.contains("é"));
        }
    }

    #[test]
    fn long_line_cues_match_a_search_of_every_word() {
        let dfa = cue_automaton(LONG_LINE_CUE_WORDS);
        let texts = [
            "This story has not been EDITED by our staff",
            "auto-generated from a Syndicated feed",
            "edite edited",
            "xsyndicate syndicatedx",
            "dddddddddddddddddddddddddd",
            "D",
            "edited",
            "syndicated",
            "Editorial content without the word",
            "\u{17F}yndicated",
            "a \u{212A}elvin sign",
            "ﬁne “quotes” and ₹5 crore edıted",
            "",
        ];
        for t in texts {
            let want = dfa
                .as_ref()
                .map_or(cue::ALL, |d| find_cues(t, d, LONG_LINE_CUE_WORDS));
            assert_eq!(long_line_cues(t), want, "{t}");
            for k in 0..t.len() {
                if let Some(piece) = t.get(k..) {
                    let want = dfa
                        .as_ref()
                        .map_or(cue::ALL, |d| find_cues(piece, d, LONG_LINE_CUE_WORDS));
                    assert_eq!(long_line_cues(piece), want, "{piece}");
                }
            }
        }
    }

    #[test]
    fn heads_choose_as_the_whole_line_patterns_do() {
        let whole_also = Regex::new(r"(?i)^(?:also\s+read|read\s+also|also\s+see|see\s+also|must\s+read|read\s+more|also\s+watch|watch\s+also|related(?:\s+(?:news|stories|articles|posts|coverage|links))?|recommended(?:\s+(?:stories|articles|for\s+you))?|you\s+may\s+also\s+like|more\s+(?:stories|news)\s+like\s+this|don'?t\s+miss)\b\s*(?P<sep>[:|»>\-–—]+)?\s*(?P<rest>.*)$").ok();
        let whole_label = Regex::new(r"(?i)^(?P<label>(?:first\s+)?published|(?:last\s+)?updated|posted|modified|dated?)(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.*)$").ok();
        let (Some(whole_also), Some(whole_label), Some(also), Some(label)) = (
            whole_also,
            whole_label,
            ALSO_READ.as_ref(),
            DATE_LABEL.as_ref(),
        ) else {
            panic!("patterns");
        };
        let lines = [
            "Also Read: Steel prices rise",
            "Also read Steel prices",
            "ALSO READ >> – Story",
            "Related news: a b c",
            "Related newsroom changes",
            "Related — news",
            "Recommended for you",
            "Recommended stories »",
            "You may also like",
            "More stories like this: x",
            "More than 300 people",
            "Don't miss",
            "Dont miss: “Quoted” headline",
            "Read more",
            "Read moreover",
            "Also  see  -  x",
            "Published: Feb 22, 2023",
            "First published on: 2 March",
            "Last updated at 10:30",
            "Dated 5 May",
            "Date:",
            "Posted",
            "Modified on Monday",
            "Updates on the plant",
            "Postedon x",
        ];
        for t in lines {
            let (w, h) = (whole_also.captures(t), also.captures(t));
            assert_eq!(w.is_some(), h.is_some(), "{t}");
            if let (Some(w), Some(h)) = (w, h) {
                assert_eq!(
                    w.name("sep").map(|m| m.range()),
                    h.name("sep").map(|m| m.range()),
                    "{t}"
                );
                assert_eq!(
                    w.name("rest").map(|m| m.start()),
                    h.get(0).map(|m| m.end()),
                    "{t}"
                );
            }
            let (w, h) = (whole_label.captures(t), label.captures(t));
            assert_eq!(w.is_some(), h.is_some(), "{t}");
            if let (Some(w), Some(h)) = (w, h) {
                assert_eq!(
                    w.name("label").map(|m| m.range()),
                    h.name("label").map(|m| m.range()),
                    "{t}"
                );
                assert_eq!(
                    w.name("rest").map(|m| m.start()),
                    h.get(0).map(|m| m.end()),
                    "{t}"
                );
            }
        }
    }

    #[test]
    fn openers_are_found_as_a_plain_search_finds_them() {
        let sets = [
            &ALSO_READ_OPENERS,
            &SITE_UI_OPENERS,
            &TAGS_OPENERS,
            &EMPLOYMENT_OPENERS,
            &DATE_LABEL_OPENERS,
            &PAGE_OPENERS,
            &BYLINE_OPENERS,
        ];
        let mut texts: Vec<String> = sets
            .iter()
            .flat_map(|o| o.words.iter())
            .flat_map(|w| {
                [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("{w} more"),
                    w[1..].to_string(),
                ]
            })
            .collect();
        texts.extend(
            [
                "",
                "x",
                "In",
                "é at",
                "Ǆ",
                "12 of 40",
                "Be\u{212A}",
                "“Quoted” words",
                "\u{17F}ponsored",
                "\u{212A}eyword: x",
                "—\u{17F}",
                "ab\u{17F}x",
                "\u{17F}ee more",
                "Ba\u{212A}",
                "top\u{212A}",
            ]
            .map(str::to_string),
        );
        for o in sets {
            for t in &texts {
                let bytes = t.as_bytes();
                let head = &bytes[..bytes.len().min(o.longest)];
                // Each letter of a word read as a case-insensitive pattern
                // reads it: the letter in either case, or the long s and the
                // Kelvin sign for `s` and `k`.
                let exact = o.words.iter().any(|w| {
                    let mut chars = t.chars();
                    w.bytes().all(|l| {
                        chars.next().is_some_and(|c| {
                            c.is_ascii() && (c as u8).eq_ignore_ascii_case(&l)
                                || (l == b's' && c == '\u{17F}')
                                || (l == b'k' && c == '\u{212A}')
                        })
                    })
                });
                let folds = t
                    .char_indices()
                    .any(|(i, c)| i < head.len() && matches!(c, '\u{17F}' | '\u{212A}'));
                let got = may_open_with(t, o);
                // Never a miss; exact unless such a character is near the
                // start.
                assert!(got || !exact, "{t}");
                if !folds {
                    assert_eq!(got, exact, "{t}");
                }
            }
        }
    }

    #[test]
    fn the_cue_table_finds_what_the_automaton_finds() {
        let Some(dfa) = CUES.as_ref() else {
            panic!("no cue automaton");
        };
        assert!(CUE_TABLE.is_some());
        let mut texts: Vec<String> = CUE_WORDS
            .iter()
            .flat_map(|(w, _)| {
                [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("x{w}y"),
                    format!("pre {w} and {w}"),
                ]
            })
            .collect();
        texts.extend(
            [
                "Photographic evidence: download the app, get it",
                "Copyright © 2024. All rights reserved (c)",
                "With inputs from PTI; call 98765 or fax; Tel: 12",
                "ﬁne “quotes” and ₹5 crore edıted by \u{17F}omeone",
                "readdownloadsubscribeclickcatchimageinputphotopicvideographic",
                "",
            ]
            .map(str::to_string),
        );
        for t in &texts {
            for k in 0..t.len() {
                if let Some(piece) = t.get(k..) {
                    assert_eq!(cues(piece), find_cues(piece, dfa, CUE_WORDS), "{piece}");
                }
            }
        }
        // Two at a time, of any lengths.
        if let Some(table) = CUE_TABLE.as_ref() {
            for s in &texts {
                for t in &texts {
                    let want = (find_cues(s, dfa, CUE_WORDS), find_cues(t, dfa, CUE_WORDS));
                    assert_eq!(table.find2(s, t), want, "{s} / {t}");
                }
            }
        }
    }

    #[test]
    fn long_line_cue_words_cannot_overlap() {
        // A search that skips over each match misses no cue only when no
        // two words with different cues can share bytes.
        for (a, cue_a) in LONG_LINE_CUE_WORDS {
            for (b, cue_b) in LONG_LINE_CUE_WORDS {
                if cue_a == cue_b {
                    continue;
                }
                let (a, b) = (a.as_bytes(), b.as_bytes());
                for k in 0..a.len() {
                    let tail = &a[k..];
                    let n = tail.len().min(b.len());
                    assert!(!tail[..n].eq_ignore_ascii_case(&b[..n]), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn job_board_block() {
        let text = "×\n12\nRetail Jobs\nACME TEXTILES\nStore Manager\nPermanent · Surat\nNORTHWIND LTD\nSenior Merchandiser - Knits\nFull-time · Tiruppur\nGLOBEX\nArea Sales Manager\nPermanent · Ludhiana\n\nThe cluster employs 4,000 workers.";
        let (lines, _) = marked(text);
        let mut want: Vec<&str> = text.lines().take(12).collect();
        want.retain(|l| !l.is_empty());
        assert_eq!(lines, want);
    }

    #[test]
    fn lists_of_related_stories() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The plant will open in May.\n\nRelated stories\nIndore exporters seek cheaper power\nSurat weavers hit by 12% jump in yarn prices\n\nCopyright line",
                &[
                    "Related stories",
                    "Indore exporters seek cheaper power",
                    "Surat weavers hit by 12% jump in yarn prices",
                ],
            ),
            // Running text after the heading is not a list.
            (
                "Related stories\nThe cluster employs 4,000 workers in 300 units across the district.",
                &["Related stories"],
            ),
            // A bare "Also Read" takes no line after it.
            (
                "Also Read\nInvestment approved in healthcare\nThe unit opens.",
                &["Also Read"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&marked(text).0, want, "{text}");
        }
    }

    #[test]
    fn lone_numbers_in_data_layouts_are_content() {
        let cases = [
            "Number of units\n\n450\n\nMain fuels\n\nNatural gas",
            "Number of jobs\n4175\nDirect jobs\n1200",
            "Units in 2010\n450\n",
        ];
        for text in cases {
            let (lines, _) = marked(text);
            assert!(lines.is_empty(), "{lines:?}");
        }
    }

    #[test]
    fn page_widgets_without_a_cue_word() {
        let widgets = [
            "RCP Bureau | October 8, 2025 | 4 min read",
            "By Staff Correspondent | Krishnagiri | Published: November 7, 2025, 08:15 PM IST",
            "The Business Ledger | Saturday, September 20, 2025 | Page 11",
            "SUNDAY MAGAZINE | WOMEN AT WORK (Part 7 of 12)",
            "Listen to this article | 6 min",
            "Was this article helpful? Yes | No",
            "Comments (27) | Post a comment",
            "Share: WhatsApp | Facebook | X | Email | 27 Comments",
            "Write to the editor: desk@paper.example",
            "Send regional business news to states@paper.example",
            "Subscribe to Freight Weekly - Rs 1,499 a year",
            "Get the weekly energy brief in your inbox. Sign up",
            "Also in this series: The toy maker who went online",
            "More from the states: Cashew processors seek a duty cut",
            "We use cookies to improve your experience. By continuing to browse, you agree to our cookie policy. Accept | Manage preferences",
            "JOBS | Wanted: Plant supervisor for a crusher unit. Salary Rs 25,000 per month. Call 98120 00000",
            "Follow Haryana Times on WhatsApp | Telegram",
            "Compiled by our state bureaus",
            "Home | India | Uttar Pradesh | Meerut Division | Business | Krishi | Videos | Web Stories | Rashifal",
            "Trending: UP Board 2026 date sheet | Meerut weather today | Gold rate in Lucknow",
            "Web Stories: 5 winter vegetables for your kitchen garden | 7 places to visit near Meerut",
            "Share: [f] [in] [X] [WhatsApp] [Copy link]",
            "Priya Raghunathan writes on electronics from Chennai. Follow her on X @priya_eb",
            "The writer is a professor of economics at Dharwad. Views are personal.",
            "Disclaimer: The opinions expressed in this column are those of the author.",
            "Like this story? 214 readers found this useful | Report an error",
            "For news and ads from your area, WhatsApp 94250 00000",
            "Track live mandi prices on our Markets app",
            "Staff Reporter",
            "STARTUPS > FUNDING",
            "Sponsored: Apply now for the Agri Innovation Challenge. Prizes worth Rs 25 lakh.",
            "SENSEX 81,245.30 (+0.42%)   NIFTY 50 24,870.15 (+0.31%)",
            "Updated: Wed, 14 Feb 2024 06:41 PM IST",
            "-- 2 --",
            "JOBS: Wanted CNC operators for a Hosur forging unit. Salary Rs 18,000 per month. Call 98430 00000.",
            "The views expressed are the author's own and do not reflect those of this paper.",
            "Series: Women at Work (Part 4 of 6)",
            "LEGACY | Part 9 of a series on family firms that turned 60",
            "Advertise with us | Contact | (c) 2025 Chhattisgarh Mirror",
            "Nivedita Saxena is a Lucknow-based journalist who writes on small industry.",
            "Next week in Women at Work: the pickle-makers of Guntur.",
            "Also in Companies: Steel maker raises Rs 600 crore via QIP",
            "E-Paper | Videos | Elections 2027 | Sign In",
        ];
        for w in widgets {
            let text = format!(
                "Headline of the story\n\n{w}\n\nThe cluster employs 4,000 workers in 300 units."
            );
            assert_eq!(marked(&text).0, vec![w], "{w}");
        }
        // Story lines that share words with them stay.
        let story = [
            "Headline\n\nThe firm will subscribe to the rights issue, its chairman said.",
            "Headline\n\nMore from the same mill went to Dubai: 40 tonnes.",
            "Headline\n\nWorkers who follow the union on WhatsApp were told to stay home.",
            "Headline\n\nRevenue | Rs 1,524 crore | 2008-09",
        ];
        for text in story {
            assert!(marked(text).0.is_empty(), "{text}: {:?}", marked(text).0);
        }
    }

    #[test]
    fn readers_comments_and_caption_credits() {
        let text = "Headline of the story\n\nThe mill paid Rs 5 crore.\n\nComments (2)\n\nRajbir Malik: When will we be paid?\nSanjeev: Good news.\n\nThe mill employs 300 people.";
        assert_eq!(
            marked(text).0,
            vec![
                "Comments (2)",
                "Rajbir Malik: When will we be paid?",
                "Sanjeev: Good news."
            ]
        );
        // A credit at the end of a caption: the credit alone.
        for (text, credit) in [
            (
                "Headline of the story\n\nFire tenders at the unit on Wednesday. | Photo Credit: Special Arrangement\n\nThe unit employs 300 people.",
                "| Photo Credit: Special Arrangement",
            ),
            (
                "Headline of the story\n\nPhoto: Women pluck leaf near Dibrugarh. (Photo credit: Special Arrangement)\n\nThe estate employs 300 people.",
                "(Photo credit: Special Arrangement)",
            ),
        ] {
            let lines = split(text);
            let mut marks = Marks::new(text.len());
            mark(&lines, &mut marks);
            let at = text.find(credit).unwrap_or(0);
            assert!(
                marks.covered(text, at, at + credit.len()) >= 1.0,
                "{credit}"
            );
            let caption_end = text[..at].trim_end().len();
            assert!(
                marks.covered(text, caption_end - 10, caption_end) == 0.0,
                "{text}"
            );
        }
    }

    #[test]
    fn a_table_heading_row_is_content_and_a_menu_is_not() {
        let cases: &[(&str, &[&str])] = &[
            (
                "District | Units | Jobs\nGomati | 13,905 | 48,650\nDhalai | 6,560 | 22,800",
                &[],
            ),
            (
                "District | Units | Jobs\n---|---|---\nGomati | 13,905 | 48,650",
                &[],
            ),
            // A menu over running text, or over a row of another shape.
            (
                "Home | News | Business\nThe cluster employs 4,000 workers.",
                &["Home | News | Business"],
            ),
            (
                "Home | News | Business\nGomati | 13,905",
                &["Home | News | Business"],
            ),
            // A widget over a byline strip is no table.
            (
                "Listen to this article | 6 min\n\nBy Rekha Nayak | Published: July 13, 2025",
                &[
                    "Listen to this article | 6 min",
                    "By Rekha Nayak | Published: July 13, 2025",
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&marked(text).0, want, "{text}");
        }
    }

    #[test]
    fn counters_beside_labels_or_close_buttons() {
        let cases: &[(&str, &[&str])] = &[
            ("×\n300\nFashion Jobs\nBody", &["×", "300", "Fashion Jobs"]),
            ("12\nComments\nBody", &["12", "Comments"]),
            ("✕\n5\nBody", &["✕", "5"]),
        ];
        for (text, want) in cases {
            assert_eq!(&marked(text).0, want, "{text}");
        }
    }

    #[test]
    fn bylines_name_outlets_not_writers() {
        for (name, outlet) in [
            ("Fibre2Fashion", Some("Fibre2Fashion")),
            ("ET Bureau", Some("ET Bureau")),
            ("PTI", Some("PTI")),
            ("The Wire Desk", Some("The Wire")),
            ("Priya Sharma", None),
            ("K. M. Rao", None),
            ("Staff Reporter", None),
            ("Our Special Correspondent", None),
            ("Web Desk", None),
        ] {
            assert_eq!(byline_outlet(name).as_deref(), outlet, "{name}");
        }
    }

    #[test]
    fn byline_blocks_give_source_and_date() {
        // (text, lines marked, source, date)
        type Case<'a> = (&'a str, &'a [&'a str], Option<&'a str>, Option<&'a str>);
        let cases: &[Case<'_>] = &[
            (
                "By\nThe Wire Desk\nPublished\nFeb 22, 2023\n\nHeadline here",
                &["By", "The Wire Desk", "Published", "Feb 22, 2023"],
                Some("The Wire"),
                Some("2023-02-22"),
            ),
            (
                "By Staff Reporter | Updated: 22 February 2023 10:30 IST\nHeadline",
                &["By Staff Reporter | Updated: 22 February 2023 10:30 IST"],
                None,
                Some("2023-02-22"),
            ),
            (
                "Published on: 2024-07-18\nBody",
                &["Published on: 2024-07-18"],
                None,
                Some("2024-07-18"),
            ),
            (
                "Updated figures for March 2023 show growth\nPublished - July 18, 2024 10:30 pm IST",
                &["Published - July 18, 2024 10:30 pm IST"],
                None,
                Some("2024-07-18"),
            ),
            (
                "Written By: Asha Rao\nLast Updated: Jul 18, 2024 at 10:30 AM IST",
                &[
                    "Written By: Asha Rao",
                    "Last Updated: Jul 18, 2024 at 10:30 AM IST",
                ],
                None,
                Some("2024-07-18"),
            ),
            (
                "By June, the plant will open.\nBy 2030 output doubles.",
                &[],
                None,
                None,
            ),
        ];
        for (text, want_lines, source, published) in cases {
            let (lines, hints) = marked(text);
            assert_eq!(&lines, want_lines, "{text}");
            assert_eq!(hints.source.as_deref(), *source, "{text}");
            assert_eq!(
                hints.published.or(hints.updated).as_deref(),
                *published,
                "{text}"
            );
        }
    }

    #[test]
    fn contact_block_at_the_end() {
        let text = "The cluster grew fast this year and now exports widely.\n\nSecretary - Some Society, Energy Division,\n12 Park Street, Kolkata 700 016, India\nTel: +91 33 2222 1111 | Email: info@example.org";
        let (lines, _) = marked(text);
        assert_eq!(lines, text.lines().skip(2).collect::<Vec<_>>());
        let body_only = "The office is at 12 Park Street, Kolkata 700 016, India, officials said.";
        assert!(marked(body_only).0.is_empty());
    }
}
