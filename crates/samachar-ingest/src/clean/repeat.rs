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
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
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

/// Keys here are already hashes: use them as they are.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(FNV_PRIME);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// A word: its byte range and the hash of its lower-case form.
struct Token {
    start: usize,
    end: usize,
    hash: u64,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The words of `text[range]`: runs of letters and digits.
fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<(usize, u64)> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let pos = range.start + i;
        if c.is_alphanumeric() {
            let (start, mut h) = current.unwrap_or((pos, FNV_OFFSET));
            if c.is_ascii() {
                h ^= u64::from(c.to_ascii_lowercase() as u32);
                h = h.wrapping_mul(FNV_PRIME);
            } else {
                for l in c.to_lowercase() {
                    h ^= u64::from(u32::from(l));
                    h = h.wrapping_mul(FNV_PRIME);
                }
            }
            current = Some((start, h));
        } else if let Some((start, hash)) = current.take() {
            out.push(Token {
                start,
                end: pos,
                hash,
            });
        }
    }
    if let Some((start, hash)) = current {
        out.push(Token {
            start,
            end: range.end,
            hash,
        });
    }
    out
}

fn shingle(words: &[Token]) -> u64 {
    let mut h = FNV_OFFSET;
    for w in words {
        h ^= w.hash;
        h = h.wrapping_mul(FNV_PRIME);
        h ^= h >> 29;
    }
    h
}

/// Marks later copies of repeated sentences and short lines as
/// [`FurnitureKind::Repeat`]. Text already marked as other furniture is
/// neither compared nor used as an original.
pub(crate) fn mark(text: &str, lines: &[Line<'_>], marks: &mut Marks) {
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut index: IdMap<u64, Vec<u32>> = IdMap::default();
    let mut sets: Vec<Vec<u64>> = Vec::new();
    for (si, r) in sentences(text).into_iter().enumerate() {
        let Ok(si) = u32::try_from(si) else { break };
        if marks.covered(text, r.start, r.end) >= 0.5 {
            sets.push(Vec::new());
            continue;
        }
        let toks = tokens(text, r.clone());
        let shingles: Vec<u64> = toks.windows(SHINGLE).map(shingle).collect();
        let mut set = shingles.clone();
        set.sort_unstable();
        set.dedup();
        if set.len() >= MIN_SHINGLES
            && let Some(original) = best_match(&set, &index, &sets)
        {
            found.push(copied_part(&r, &toks, &shingles, &sets[original as usize]));
        }
        for h in &set {
            let postings = index.entry(*h).or_default();
            if postings.len() < MAX_POSTINGS {
                postings.push(si);
            }
        }
        sets.push(set);
    }
    found.extend(repeated_short_lines(lines, marks));
    for r in found {
        marks.paint(r.start, r.end, FurnitureKind::Repeat);
    }
}

/// The earlier sentence that `set` copies, if any: the one sharing the
/// most shingles relative to both sizes (the earliest on a tie).
fn best_match(set: &[u64], index: &IdMap<u64, Vec<u32>>, sets: &[Vec<u64>]) -> Option<u32> {
    let mut counts: IdMap<u32, usize> = IdMap::default();
    for h in set {
        for &s in index.get(h).map_or(&[][..], Vec::as_slice) {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut best: Option<(f64, u32)> = None;
    for (&s, &shared) in &counts {
        let a = sets[s as usize].len();
        if shared < MIN_SHINGLES || a == 0 {
            continue;
        }
        let fa = shared as f64 / a as f64;
        let fb = shared as f64 / set.len() as f64;
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
        let key: String = l
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
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
