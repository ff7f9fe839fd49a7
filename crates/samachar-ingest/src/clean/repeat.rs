//! Repeated passages: a sentence that says again, exactly or nearly, what an
//! earlier sentence said (pages often print a paragraph twice, or a quote
//! once reworded). The later copy is marked.
//!
//! Each sentence becomes a set of word 3-shingles; an index from shingle to
//! the sentences holding it finds the earlier sentences that share
//! shingles, so the work stays linear in the text (no comparison of every
//! pair of sentences).

use super::Marks;
use super::lines::{Line, is_covered};
use samachar_model::FurnitureKind;
use samachar_model::text::sentences;
use std::collections::HashSet;
use std::ops::Range;

/// Words per shingle.
const SHINGLE: usize = 3;
/// Sentences with fewer distinct shingles (about seven words) are compared
/// only as whole short lines, exactly.
const MIN_SHINGLES: usize = 5;
/// Sentences remembered per shingle; common phrases stop being indexed.
const MAX_POSTINGS: usize = 8;
/// Both sentences must share at least this share of their shingles...
const MIN_SHARED: f64 = 0.5;
/// ...and one of them at least this share.
const MIN_SHARED_ONE: f64 = 0.7;

/// The sentences that hold one shingle, the first [`MAX_POSTINGS`] of them.
#[derive(Clone, Copy, Default)]
struct Postings {
    len: u8,
    ids: [u32; MAX_POSTINGS],
}

impl Postings {
    fn as_slice(&self) -> &[u32] {
        &self.ids[..usize::from(self.len)]
    }

    fn push(&mut self, id: u32) {
        if let Some(slot) = self.ids.get_mut(usize::from(self.len)) {
            *slot = id;
            self.len += 1;
        }
    }
}

/// A slot of the shingle index.
#[derive(Clone, Copy)]
struct Slot {
    /// The shingle.
    key: u64,
    /// The last sentence that held it, counted across documents (see
    /// [`Scratch::base`]); [`EMPTY`] for a free slot.
    last: u32,
    /// Its postings in [`Scratch::postings`]; [`SINGLE`] while only the
    /// sentence `last` holds it.
    postings: u32,
}

/// `Slot::last` of a free slot.
const EMPTY: u32 = u32::MAX;
/// `Slot::postings` of a shingle held by one sentence.
const SINGLE: u32 = u32::MAX;

const FREE: Slot = Slot {
    key: 0,
    last: EMPTY,
    postings: SINGLE,
};

/// Buffers reused from document to document on a thread: the index from
/// shingle to sentences (open addressing over hashes, at most half full)
/// and per-sentence tallies.
#[derive(Default)]
struct Scratch {
    slots: Vec<Slot>,
    /// Slots whose `last` is below this belong to earlier documents and are
    /// free; sentence `s` of the current document is `base + s`.
    base: u32,
    /// Shingles in the index for the current document.
    used: usize,
    postings: Vec<Postings>,
    /// Distinct shingles per sentence (0 for furniture).
    sizes: Vec<u32>,
    /// Shingles shared with each earlier sentence (all zero between
    /// sentences), and the sentences whose count is not zero.
    counts: Vec<u32>,
    touched: Vec<u32>,
    toks: Vec<Token>,
    /// A word in lower case.
    lower: String,
}

impl Scratch {
    /// Starts a document of `sentences` sentences and about `words` words.
    fn start(&mut self, sentences: usize, words: usize) {
        let room = (2 * words).next_power_of_two().max(64);
        let needed = u32::try_from(sentences).unwrap_or(EMPTY);
        let fits = self.base.checked_add(needed).is_some_and(|end| end < EMPTY);
        if self.slots.len() < room {
            self.slots = vec![FREE; room];
            self.base = 0;
        } else if !fits {
            self.slots.fill(FREE);
            self.base = 0;
        }
        self.used = 0;
        self.postings.clear();
        self.sizes.clear();
        self.counts.clear();
        self.counts.resize(sentences, 0);
        self.touched.clear();
    }

    /// True when `slot` holds a shingle of the current document.
    fn live(&self, slot: &Slot) -> bool {
        slot.last != EMPTY && slot.last >= self.base
    }

    /// The slot of `key`: its own or the free one where it belongs.
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        // The top bits of a multiplicative hash (the table's length is a
        // power of two).
        let shift = 64 - self.slots.len().trailing_zeros();
        let mut i = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize & mask;
        while let Some(s) = self.slots.get(i)
            && self.live(s)
            && s.key != key
        {
            i = (i + 1) & mask;
        }
        i
    }

    /// Doubles the table when it is half full.
    fn grow_if_needed(&mut self) {
        if 2 * (self.used + 1) <= self.slots.len() {
            return;
        }
        let doubled = vec![FREE; 2 * self.slots.len()];
        let old = std::mem::replace(&mut self.slots, doubled);
        for s in old {
            if self.live(&s) {
                let i = self.find(s.key);
                if let Some(slot) = self.slots.get_mut(i) {
                    *slot = s;
                }
            }
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// A word: its byte range and the hash of its lower-case form.
struct Token {
    start: usize,
    end: usize,
    hash: u64,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Hashes a word's lower-case form, eight bytes at a time. With `ascii`,
/// the bytes are ASCII letters and digits in any case (setting bit 5 puts
/// a letter in lower case and leaves a digit as it is).
fn hash_word(bytes: &[u8], ascii: bool) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let (seed, fold) = if ascii {
        (FNV_OFFSET, 0x2020_2020_2020_2020u64)
    } else {
        (!FNV_OFFSET, 0)
    };
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut v = [0u8; 8];
        v.copy_from_slice(c);
        h = (h ^ (u64::from_le_bytes(v) | fold)).wrapping_mul(K);
        h ^= h >> 29;
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut v = [0u8; 8];
        v[..rest.len()].copy_from_slice(rest);
        h = (h ^ (u64::from_le_bytes(v) | fold)).wrapping_mul(K);
        h ^= h >> 29;
    }
    h
}

/// The words of `text[range]`: runs of letters and digits, into `out`.
/// Words are equal when their lower-case forms (character by character)
/// are.
fn tokens(text: &str, range: Range<usize>, out: &mut Vec<Token>, lower: &mut String) {
    out.clear();
    let piece = &text[range.clone()];
    let bytes = piece.as_bytes();
    let alnum_at = |i: usize| -> (bool, usize) {
        match bytes.get(i) {
            Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            Some(_) => {
                // `i` is on a character boundary: ASCII bytes and whole
                // characters are stepped over.
                let c = piece[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            }
            None => (false, 0),
        }
    };
    let mut i = 0usize;
    while i < bytes.len() {
        let (alnum, len) = alnum_at(i);
        if !alnum {
            i += len.max(1);
            continue;
        }
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        let mut ascii = true;
        loop {
            let (alnum, len) = alnum_at(i);
            if !alnum {
                break;
            }
            ascii = false;
            i += len;
        }
        let hash = if ascii {
            hash_word(&bytes[start..i], true)
        } else {
            lower.clear();
            lower.extend(piece[start..i].chars().flat_map(char::to_lowercase));
            hash_word(lower.as_bytes(), lower.is_ascii())
        };
        out.push(Token {
            start: range.start + start,
            end: range.start + i,
            hash,
        });
    }
}

/// The hash of [`SHINGLE`] words in order (independent products, so that
/// the multiplications overlap).
fn shingle(words: &[Token]) -> u64 {
    const K: [u64; SHINGLE] = [
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
    ];
    let mut h = FNV_OFFSET;
    for (k, (w, m)) in words.iter().zip(K).enumerate() {
        h ^= w.hash.rotate_left(21 * k as u32).wrapping_mul(m);
    }
    h ^ (h >> 29)
}

/// The distinct shingles of `text[range]`, sorted.
fn shingle_set(text: &str, range: Range<usize>) -> Vec<u64> {
    let mut toks = Vec::new();
    tokens(text, range, &mut toks, &mut String::new());
    let mut set: Vec<u64> = toks.windows(SHINGLE).map(shingle).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Marks later copies of repeated sentences and short lines as
/// [`FurnitureKind::Repeat`]. Text already marked as other furniture is
/// neither compared nor used as an original.
pub(crate) fn mark(text: &str, lines: &[Line<'_>], marks: &mut Marks) {
    let mut found = SCRATCH
        .try_with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => copied_sentences(text, lines, marks, &mut scratch),
            Err(_) => copied_sentences(text, lines, marks, &mut Scratch::default()),
        })
        .unwrap_or_else(|_| copied_sentences(text, lines, marks, &mut Scratch::default()));
    found.extend(repeated_short_lines(lines, marks));
    for r in found {
        marks.paint(r.start, r.end, FurnitureKind::Repeat);
    }
}

/// The copied parts of sentences that repeat earlier ones.
fn copied_sentences(
    text: &str,
    lines: &[Line<'_>],
    marks: &Marks,
    scratch: &mut Scratch,
) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let sentences = sentences(text);
    let words: usize = lines.iter().map(|l| l.words).sum();
    scratch.start(sentences.len(), words);
    let mut toks = std::mem::take(&mut scratch.toks);
    let mut lower = std::mem::take(&mut scratch.lower);
    for (si, r) in sentences.iter().enumerate() {
        let Ok(si) = u32::try_from(si) else { break };
        if marks.covered(text, r.start, r.end) >= 0.5 {
            scratch.sizes.push(0);
            continue;
        }
        let global = scratch.base.saturating_add(si);
        tokens(text, r.clone(), &mut toks, &mut lower);
        let mut size = 0u32;
        for w in toks.windows(SHINGLE) {
            scratch.grow_if_needed();
            let h = shingle(w);
            let i = scratch.find(h);
            let Some(&slot) = scratch.slots.get(i) else {
                continue;
            };
            if slot.last == global {
                // Already counted for this sentence.
                continue;
            }
            size += 1;
            let postings = if !scratch.live(&slot) {
                scratch.used += 1;
                SINGLE
            } else if slot.postings == SINGLE {
                let first = slot.last - scratch.base;
                count(&mut scratch.counts, &mut scratch.touched, first);
                let mut p = Postings::default();
                p.push(first);
                p.push(si);
                scratch.postings.push(p);
                u32::try_from(scratch.postings.len() - 1).unwrap_or(SINGLE)
            } else {
                if let Some(p) = scratch.postings.get_mut(slot.postings as usize) {
                    for &s in p.as_slice() {
                        count(&mut scratch.counts, &mut scratch.touched, s);
                    }
                    p.push(si);
                }
                slot.postings
            };
            if let Some(slot) = scratch.slots.get_mut(i) {
                *slot = Slot {
                    key: h,
                    last: global,
                    postings,
                };
            }
        }
        scratch.sizes.push(size);
        let best = (size as usize >= MIN_SHINGLES)
            .then(|| {
                best_match(
                    size as usize,
                    &scratch.counts,
                    &scratch.touched,
                    &scratch.sizes,
                )
            })
            .flatten();
        for &s in &scratch.touched {
            if let Some(c) = scratch.counts.get_mut(s as usize) {
                *c = 0;
            }
        }
        scratch.touched.clear();
        if let Some(original) = best.and_then(|s| sentences.get(s as usize)) {
            let shingles: Vec<u64> = toks.windows(SHINGLE).map(shingle).collect();
            let original = shingle_set(text, original.clone());
            found.push(copied_part(r, &toks, &shingles, &original));
        }
    }
    // The next document's sentences count on from these.
    scratch.base = scratch
        .base
        .saturating_add(u32::try_from(sentences.len()).unwrap_or(u32::MAX));
    scratch.toks = toks;
    scratch.lower = lower;
    found
}

/// Counts one more shingle shared with sentence `s`.
fn count(counts: &mut [u32], touched: &mut Vec<u32>, s: u32) {
    if let Some(c) = counts.get_mut(s as usize) {
        if *c == 0 {
            touched.push(s);
        }
        *c += 1;
    }
}

/// The earlier sentence that a sentence of `size` distinct shingles
/// copies, if any, given the shingles it shares with each earlier sentence
/// (`counts` over `touched`): the one sharing the most shingles relative
/// to both sizes (the earliest on a tie).
fn best_match(size: usize, counts: &[u32], touched: &[u32], sizes: &[u32]) -> Option<u32> {
    let mut best: Option<(f64, u32)> = None;
    for &s in touched {
        let shared = counts.get(s as usize).map_or(0, |c| *c as usize);
        let a = sizes.get(s as usize).map_or(0, |n| *n as usize);
        if shared < MIN_SHINGLES || a == 0 {
            continue;
        }
        let fa = shared as f64 / a as f64;
        let fb = shared as f64 / size as f64;
        if fa.min(fb) < MIN_SHARED || fa.max(fb) < MIN_SHARED_ONE {
            continue;
        }
        let score = fa.min(fb);
        let better = best.is_none_or(|(bs, bi)| score > bs || (score == bs && s < bi));
        if better {
            best = Some((score, s));
        }
    }
    best.map(|(_, s)| s)
}

/// The part of sentence `r` that the original covers: from its first to
/// its last shared word, stretched to the sentence's ends when only a word
/// or two lies beyond. An attribution added to a copied quote ("...,” said
/// X) stays content.
fn copied_part(
    r: &Range<usize>,
    toks: &[Token],
    shingles: &[u64],
    original: &[u64],
) -> Range<usize> {
    let mut covered = vec![false; toks.len()];
    for (k, h) in shingles.iter().enumerate() {
        if original.binary_search(h).is_ok() {
            for c in covered.iter_mut().skip(k).take(SHINGLE) {
                *c = true;
            }
        }
    }
    let first = covered.iter().position(|c| *c).unwrap_or(0);
    let last = covered
        .iter()
        .rposition(|c| *c)
        .unwrap_or(toks.len().saturating_sub(1));
    let start = if first <= 2 {
        r.start
    } else {
        toks[first].start
    };
    let end = if toks.len() - 1 - last <= 2 {
        r.end
    } else {
        toks[last].end
    };
    start..end
}

/// Later copies of short lines (two to six words: section labels, short
/// headlines) repeated exactly.
fn repeated_short_lines(lines: &[Line<'_>], marks: &Marks) -> Vec<Range<usize>> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for l in lines {
        if !(2..=6).contains(&l.words) || is_covered(marks, l) {
            continue;
        }
        let mut key = String::with_capacity(l.text.len());
        for w in l
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !key.is_empty() {
                key.push(' ');
            }
            if w.is_ascii() {
                key.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                key.push_str(&w.to_lowercase());
            }
        }
        if key.len() < 10 || !key.chars().any(char::is_alphabetic) {
            continue;
        }
        if !seen.insert(key) {
            out.push(l.start..l.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::split;

    fn repeats(text: &str) -> Vec<String> {
        let lines = split(text);
        let mut marks = Marks::new(text.len());
        mark(text, &lines, &mut marks);
        let cleaned = marks.into_furniture(text);
        cleaned.into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn repeated_passages() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Founded in 2010, the mill has grown quickly on the back of exports. Workers praised it. Founded in 2010, the mill has grown quickly on the back of exports.",
                &["Founded in 2010, the mill has grown quickly on the back of exports."],
            ),
            (
                "He said, “Our main aim in building the plant was to create jobs for the people of the district.”\n\n“Our main aim of building the plant was to create jobs for the people of the district,” said the manager of the firm.",
                &[
                    "“Our main aim of building the plant was to create jobs for the people of the district",
                ],
            ),
            (
                "The town has made glass bangles for more than 200 years. The town has made glass bangles for more than 200 years now and is the biggest maker of bangles in the world.",
                &[],
            ),
            (
                "Steel towns face tough times\n\nSteel towns face tough times\n\nBody text follows here.",
                &["Steel towns face tough times"],
            ),
            ("He said yes. He said yes.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&repeats(text), want, "{text}");
        }
    }
}
