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
    /// The slots in use for the current document: the first `len`, a
    /// power of two.
    len: usize,
    /// Slots whose `last` is below this belong to earlier documents and are
    /// free; sentence `s` of the current document is `base + s`.
    base: u32,
    /// Shingles in the index for the current document.
    used: usize,
    /// Sentences in the current document.
    sentences: u32,
    postings: Vec<Postings>,
    /// Distinct shingles per sentence (0 for furniture).
    sizes: Vec<u32>,
    /// Shingles shared with each earlier sentence (all zero between
    /// sentences), and the sentences whose count is not zero.
    counts: Vec<u32>,
    touched: Vec<u32>,
    toks: Vec<Token>,
    /// Which bytes of the document may be part of a word.
    bits: WordBits,
    /// A word in lower case.
    lower: String,
    /// The hashes of a sentence's words.
    hashes: Vec<u64>,
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
        // A small document uses the start of a larger table: fewer cache
        // lines between its shingles.
        self.len = room;
        self.used = 0;
        self.sentences = needed;
        self.postings.clear();
        self.sizes.clear();
        self.counts.clear();
        self.counts.resize(sentences, 0);
        self.touched.clear();
    }

    /// True when `slot` holds a shingle of the current document.
    fn live(&self, slot: &Slot) -> bool {
        // One comparison: a free slot ([`EMPTY`], far above the current
        // document's sentences) and a slot of an earlier document (below
        // `base`, which wraps around) both fall outside.
        slot.last.wrapping_sub(self.base) < self.sentences
    }

    /// The slot of `key`: its own or the free one where it belongs.
    fn find(&self, key: u64) -> usize {
        let mask = self.len - 1;
        // The top bits of the key, a mixed hash (the table's length is a
        // power of two); [`index_shingles`] places keys the same way.
        let shift = 64 - self.len.trailing_zeros();
        let mut i = (key >> shift) as usize & mask;
        while let Some(s) = self.slots.get(i)
            && self.live(s)
            && s.key != key
        {
            i = (i + 1) & mask;
        }
        i
    }

    /// Doubles the table until `more` shingles fit with it at most half
    /// full.
    fn make_room(&mut self, more: usize) {
        while 2 * (self.used + more) > self.len {
            self.grow();
        }
    }

    /// Doubles the table.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let len = self.len;
        let doubled = vec![FREE; (2 * len).max(self.slots.len())];
        let old = std::mem::replace(&mut self.slots, doubled);
        self.len = 2 * len;
        for &s in old.iter().take(len) {
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
    let (chunks, rest) = bytes.as_chunks::<8>();
    for c in chunks {
        h = (h ^ (u64::from_le_bytes(*c) | fold)).wrapping_mul(K);
        h ^= h >> 29;
    }
    if !rest.is_empty() {
        // The last bytes, little-endian, padded with zeros (no call to
        // copy a slice of unknown length).
        let v = rest
            .iter()
            .rev()
            .fold(0u64, |v, &b| (v << 8) | u64::from(b));
        h = (h ^ (v | fold)).wrapping_mul(K);
        h ^= h >> 29;
    }
    h
}

/// [`hash_word`] of `text[start..end]`, a run of ASCII letters and digits
/// and non-ASCII bytes: the same value when every byte is ASCII (a word of
/// up to eight bytes read with one load in place, the bytes after it masked
/// off), `None` when one is not.
#[inline(always)]
fn hash_ascii_word(text: &[u8], start: usize, end: usize) -> Option<u64> {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    const FOLD: u64 = 0x2020_2020_2020_2020;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // [`hash_word`]'s starting value for each length up to eight.
    const SEEDS: [u64; 9] = {
        let mut t = [0u64; 9];
        let mut n = 0;
        while n < 9 {
            t[n] = FNV_OFFSET ^ (n as u64).wrapping_mul(K);
            n += 1;
        }
        t
    };
    let len = end.wrapping_sub(start);
    // Most words: one load.
    if (1..=8).contains(&len)
        && let Some(eight) = text.get(start..start.wrapping_add(8))
        && let Ok(eight) = <[u8; 8]>::try_from(eight)
        && let Some(&seed) = SEEDS.get(len)
    {
        let v = u64::from_le_bytes(eight) & (u64::MAX >> (64 - 8 * len));
        if v & HIGHS != 0 {
            return None;
        }
        let h = (seed ^ (v | FOLD)).wrapping_mul(K);
        return Some(h ^ (h >> 29));
    }
    // Longer words: eight bytes at a time, the last load masked.
    let word = text.get(start..end)?;
    if text.len() - start < len.next_multiple_of(8) {
        // Too near the end of the text to read past the word.
        if word.iter().fold(0u8, |a, &b| a | b) >= 0x80 {
            return None;
        }
        return Some(hash_word(word, true));
    }
    let mut h = FNV_OFFSET ^ (len as u64).wrapping_mul(K);
    let mut at = start;
    let mut left = len;
    while let Some(eight) = text.get(at..).and_then(|r| r.first_chunk::<8>())
        && left > 0
    {
        let mut v = u64::from_le_bytes(*eight);
        if left < 8 {
            v &= u64::MAX >> (64 - 8 * left);
        }
        if v & HIGHS != 0 {
            return None;
        }
        h = (h ^ (v | FOLD)).wrapping_mul(K);
        h ^= h >> 29;
        at += 8;
        left = left.saturating_sub(8);
    }
    Some(h)
}

/// ASCII letters and digits.
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The character that starts at byte `i` of `s` (a character boundary)
/// and whether it is a letter or a digit.
fn char_at(s: &str, i: usize) -> (bool, usize) {
    let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
        return (false, 1);
    };
    // General punctuation (curly quotes, dashes, spaces) is common in news
    // text and holds no letter or digit.
    let alnum = !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric();
    (alnum, c.len_utf8())
}

/// The end of the word that goes on at byte `i` of `s`: letters and
/// digits of any script.
fn word_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if !ASCII_ALNUM[usize::from(b)] {
                break;
            }
            i += 1;
        } else {
            let (alnum, len) = char_at(s, i);
            if !alnum {
                break;
            }
            i += len;
        }
    }
    i
}

/// The words of `text[range]`: runs of letters and digits, into `out`.
/// Words are equal when their lower-case forms (character by character)
/// are.
fn tokens(text: &str, range: Range<usize>, out: &mut Vec<Token>, lower: &mut String) {
    out.clear();
    push_tokens(text, range, out, lower);
}

/// [`tokens`], added to `out`.
fn push_tokens(text: &str, range: Range<usize>, out: &mut Vec<Token>, lower: &mut String) {
    let base = range.start;
    let piece = &text[range];
    let bytes = piece.as_bytes();
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let ascii = if b < 0x80 {
            if !ASCII_ALNUM[usize::from(b)] {
                i += 1;
                continue;
            }
            i += 1;
            while bytes.get(i).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
                i += 1;
            }
            // A letter of another script may go on with the word.
            if bytes.get(i).is_some_and(|&b| b >= 0x80) && char_at(piece, i).0 {
                i = word_end(piece, i);
                false
            } else {
                true
            }
        } else {
            let (alnum, len) = char_at(piece, i);
            if !alnum {
                i += len;
                continue;
            }
            i = word_end(piece, i + len);
            false
        };
        let word = &piece[start..i];
        let hash = if ascii {
            hash_word(word.as_bytes(), true)
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            hash_word(lower.as_bytes(), lower.is_ascii())
        };
        out.push(Token {
            start: base + start,
            end: base + i,
            hash,
        });
    }
}

/// One bit per byte of a text, 64 to a word: bytes that may be part of a
/// word (ASCII letters and digits, and every non-ASCII byte).
#[derive(Default)]
struct WordBits {
    word: Vec<u64>,
}

/// Eight flags in the high bits of the bytes of `m`, as the bits of a byte.
#[inline(always)]
fn pack(m: u64) -> u64 {
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The word bits of 64 bytes, one bit per byte: a flag per byte first
/// (written so that the compiler classifies 16 bytes at a time in vector
/// registers), then packed eight flags at a time.
#[inline(always)]
fn classify64(block: &[u8; 64]) -> u64 {
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(block) {
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let digit = b.wrapping_sub(b'0') < 10;
        *f = u8::from(letter | digit | (b >= 0x80)) << 7;
    }
    let mut word = 0u64;
    for (k, c) in flags.as_chunks::<8>().0.iter().enumerate() {
        word |= pack(u64::from_le_bytes(*c)) << (8 * k);
    }
    word
}

/// True when a byte of `bytes[start..end]` is not ASCII.
#[inline(always)]
fn any_wide(bytes: &[u8], start: usize, end: usize) -> bool {
    bytes
        .get(start..end)
        .is_some_and(|r| r.iter().fold(0u8, |a, &b| a | b) >= 0x80)
}

impl WordBits {
    /// Classifies every byte of `text`.
    fn fill(&mut self, text: &[u8]) {
        self.word.clear();
        let (blocks, rest) = text.as_chunks::<64>();
        self.word.extend(blocks.iter().map(classify64));
        if !rest.is_empty() {
            let mut padded = [b' '; 64];
            padded[..rest.len()].copy_from_slice(rest);
            self.word.push(classify64(&padded));
        }
    }

    /// The first byte at or after `i` and before `end` whose bit in `bits`
    /// is `one`, or `end`.
    #[inline(always)]
    fn next(bits: &[u64], mut i: usize, end: usize, one: bool) -> usize {
        while i < end {
            let Some(&w) = bits.get(i / 64) else {
                return end;
            };
            let w = if one { w } else { !w } >> (i % 64);
            if w != 0 {
                return (i + w.trailing_zeros() as usize).min(end);
            }
            i = (i / 64 + 1) * 64;
        }
        end
    }

    /// The words of `text[range]`, into `out`, as [`tokens`] finds them:
    /// runs of word bits are ASCII words, unless they hold a non-ASCII
    /// byte, and then [`tokens`] reads them.
    fn tokens(&self, text: &str, range: Range<usize>, out: &mut Vec<Token>, lower: &mut String) {
        out.clear();
        let bytes = text.as_bytes();
        let mut i = range.start;
        loop {
            let start = Self::next(&self.word, i, range.end, true);
            if start >= range.end {
                break;
            }
            let end = Self::next(&self.word, start, range.end, false);
            if any_wide(bytes, start, end) {
                // Bounded by ASCII bytes or the range: character boundaries.
                push_tokens(text, start..end, out, lower);
            } else if let Some(word) = bytes.get(start..end) {
                out.push(Token {
                    start,
                    end,
                    hash: hash_word(word, true),
                });
            }
            i = end;
        }
    }
}

/// The hash of [`SHINGLE`] words in order (independent products, so that
/// the multiplications overlap).
fn shingle(words: &[Token]) -> u64 {
    match words {
        [a, b, c] => shingle_of([a.hash, b.hash, c.hash]),
        _ => 0,
    }
}

/// The hash of a shingle given the hashes of its words, in order.
fn shingle_of(words: [u64; SHINGLE]) -> u64 {
    const K: [u64; SHINGLE] = [
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
    ];
    let mut h = FNV_OFFSET;
    for (k, (w, m)) in words.into_iter().zip(K).enumerate() {
        h ^= w.rotate_left(21 * k as u32).wrapping_mul(m);
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
    let mut bits = std::mem::take(&mut scratch.bits);
    bits.fill(text.as_bytes());
    let mut lower = std::mem::take(&mut scratch.lower);
    for (si, r) in sentences.iter().enumerate() {
        let Ok(si) = u32::try_from(si) else { break };
        if mostly_covered(marks, text, r.start, r.end) {
            scratch.sizes.push(0);
            continue;
        }
        let global = scratch.base.saturating_add(si);
        let size = index_sentence(
            scratch,
            &bits,
            text,
            r.clone(),
            (si, global),
            &mut toks,
            &mut lower,
        );
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
            bits.tokens(text, r.clone(), &mut toks, &mut lower);
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
    scratch.bits = bits;
    scratch.lower = lower;
    found
}

/// `marks.covered(text, start, end) >= 0.5`, counted in one pass that
/// the compiler runs 16 bytes at a time: at least half of the
/// non-white-space bytes are marked (or there are none).
fn mostly_covered(marks: &Marks, text: &str, start: usize, end: usize) -> bool {
    let end = end.min(text.len()).min(marks.codes.len());
    let start = start.min(end);
    let (Some(bytes), Some(codes)) = (text.as_bytes().get(start..end), marks.codes.get(start..end))
    else {
        return true;
    };
    // Most sentences hold no mark at all.
    if codes.iter().fold(0u8, |a, &c| a | c) == 0 {
        return bytes.iter().all(u8::is_ascii_whitespace);
    }
    let (mut total, mut marked) = (0u32, 0u32);
    // Counts per 128 bytes fit in a byte: the compiler adds 16 at a time.
    for (bs, cs) in bytes.chunks(128).zip(codes.chunks(128)) {
        let (mut t, mut m) = (0u8, 0u8);
        for (&b, &c) in bs.iter().zip(cs) {
            // `u8::is_ascii_whitespace`: tab, line feed, form feed,
            // carriage return, space.
            let blank = (b == b' ') | (b == b'\t') | (b == b'\n') | (b == b'\x0c') | (b == b'\r');
            t += u8::from(!blank);
            m += u8::from(!blank & (c != 0));
        }
        total += u32::from(t);
        marked += u32::from(m);
    }
    2 * u64::from(marked) >= u64::from(total)
}

/// Indexes the shingles of sentence `si` (`global` counted across
/// documents) at `text[range]`, counting the earlier sentences that share
/// them; returns its number of distinct shingles.
#[inline(never)]
fn index_sentence(
    scratch: &mut Scratch,
    bits: &WordBits,
    text: &str,
    range: Range<usize>,
    (si, global): (u32, u32),
    spill: &mut Vec<Token>,
    lower: &mut String,
) -> u32 {
    let mut hashes = std::mem::take(&mut scratch.hashes);
    scan_words(bits, text, range, spill, lower, &mut hashes);
    scratch.make_room(hashes.len());
    let len = scratch.len.min(scratch.slots.len());
    let (size, added) = index_shingles(
        &mut scratch.slots[..len],
        &mut scratch.postings,
        &mut scratch.counts,
        &mut scratch.touched,
        &hashes,
        (scratch.base, scratch.sentences),
        (si, global),
    );
    scratch.used += added;
    scratch.hashes = hashes;
    size
}

/// Indexes the shingles of the words `hashes` of sentence `si` (`global`
/// counted across documents) in `slots` (a power of two of them, at most
/// half full when all the shingles are new; slots of sentences `base` up
/// to `base + sentences` are in use), counting the earlier sentences that
/// share them. Returns the number of distinct shingles and of new ones.
/// (The parts of the index come apart, so that the compiler knows that a
/// write to one leaves the others as they were.)
#[inline(never)]
fn index_shingles(
    slots: &mut [Slot],
    postings: &mut Vec<Postings>,
    counts: &mut [u32],
    touched: &mut Vec<u32>,
    hashes: &[u64],
    (base, sentences): (u32, u32),
    (si, global): (u32, u32),
) -> (u32, usize) {
    let mask = slots.len().wrapping_sub(1);
    // The top bits of the shingle's hash, as [`Scratch::find`] places it
    // (the table's length is a power of two).
    let shift = 64 - slots.len().trailing_zeros().min(63);
    let (mut size, mut added) = (0u32, 0usize);
    for w in hashes.windows(SHINGLE) {
        let [a, b, c] = *w else { continue };
        let h = shingle_of([a, b, c]);
        let mut i = (h >> shift) as usize & mask;
        while let Some(slot) = slots.get_mut(i) {
            if slot.last.wrapping_sub(base) >= sentences {
                // A free slot (or one of an earlier document): a new
                // shingle.
                *slot = Slot {
                    key: h,
                    last: global,
                    postings: SINGLE,
                };
                size += 1;
                added += 1;
                break;
            }
            if slot.key == h {
                // Not yet counted for this sentence: an earlier one holds
                // it.
                if slot.last != global {
                    size += 1;
                    slot.postings = share(slot, postings, counts, touched, base, si);
                    slot.last = global;
                }
                break;
            }
            i = (i + 1) & mask;
        }
    }
    (size, added)
}

/// Counts the shingle of `slot`, held by earlier sentences of the current
/// document (`base` is its first), as shared with each of them and adds
/// sentence `si` to its postings; returns the postings' index.
fn share(
    slot: &Slot,
    postings: &mut Vec<Postings>,
    counts: &mut [u32],
    touched: &mut Vec<u32>,
    base: u32,
    si: u32,
) -> u32 {
    if slot.postings == SINGLE {
        let first = slot.last - base;
        count(counts, touched, first);
        let mut p = Postings::default();
        p.push(first);
        p.push(si);
        postings.push(p);
        u32::try_from(postings.len() - 1).unwrap_or(SINGLE)
    } else {
        if let Some(p) = postings.get_mut(slot.postings as usize) {
            for &s in p.as_slice() {
                count(counts, touched, s);
            }
            p.push(si);
        }
        slot.postings
    }
}

/// The hash of every word of `text[range]` in order, into `out`: the
/// words of [`WordBits::tokens`], found from the word bits 64 bytes at a
/// time (a word starts at a word bit whose previous bit inside the range is
/// clear, and ends at the next clear bit).
#[inline(always)]
fn scan_words(
    bits: &WordBits,
    text: &str,
    range: Range<usize>,
    spill: &mut Vec<Token>,
    lower: &mut String,
    out: &mut Vec<u64>,
) {
    out.clear();
    let bytes = text.as_bytes();
    let (first, end) = (range.start, range.end);
    if first >= end {
        return;
    }
    // One word: the ASCII ones hashed in place, the others read by
    // [`push_tokens`] (bounded by ASCII bytes or the range: character
    // boundaries).
    macro_rules! word {
        ($start:expr, $stop:expr) => {{
            let (start, stop) = ($start, $stop);
            if let Some(h) = hash_ascii_word(bytes, start, stop) {
                out.push(h);
            } else {
                spill.clear();
                push_tokens(text, start..stop, spill, lower);
                out.extend(spill.iter().map(|t| t.hash));
            }
        }};
    }
    // A word that goes on past the end of the block before, by its start.
    let mut open: Option<usize> = None;
    let mut carry = 0u64;
    for blk in first / 64..=(end - 1) / 64 {
        let lo = blk * 64;
        let mut w = bits.word.get(blk).copied().unwrap_or(0);
        if first > lo {
            w &= u64::MAX << (first - lo);
        }
        if end - lo < 64 {
            w &= (1u64 << (end - lo)) - 1;
        }
        // Bit k: byte k - 1 is part of a word. Words start where a word
        // byte follows another byte and end (exclusive) where another byte
        // follows a word byte; starts and ends alternate.
        let prev = (w << 1) | carry;
        let mut starts = w & !prev;
        let mut ends = !w & prev;
        carry = w >> 63;
        if let Some(start) = open {
            if ends == 0 {
                // The word goes on into the next block.
                continue;
            }
            word!(start, lo + ends.trailing_zeros() as usize);
            ends &= ends - 1;
            open = None;
        }
        while starts != 0 {
            let start = lo + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if ends == 0 {
                open = Some(start);
                break;
            }
            word!(start, lo + ends.trailing_zeros() as usize);
            ends &= ends - 1;
        }
    }
    if let Some(start) = open {
        // A word that runs to the end of the range.
        word!(start, end);
    }
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
        let key = if l.text.is_ascii() {
            short_line_key_ascii(l.text)
        } else {
            short_line_key(l.text)
        };
        if key.len() < 10 || !key.chars().any(char::is_alphabetic) {
            continue;
        }
        if !seen.insert(key) {
            out.push(l.start..l.end);
        }
    }
    out
}

/// The words of a line (runs of letters and digits) in lower case, joined
/// by single spaces: the key under which [`repeated_short_lines`] compares
/// lines.
fn short_line_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for w in text
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
    key
}

/// [`short_line_key`] of an ASCII line, byte by byte.
fn short_line_key_ascii(text: &str) -> String {
    let mut key = Vec::with_capacity(text.len());
    let mut gap = false;
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && !key.is_empty() {
                key.push(b' ');
            }
            gap = false;
            key.push(b.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    // Only ASCII bytes went in.
    String::from_utf8(key).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::split;

    /// The first version of [`tokens`], kept to check the faster one: the words of `text[range]`: runs of letters and digits, into `out`.
    /// Words are equal when their lower-case forms (character by character)
    /// are.
    fn tokens_reference(text: &str, range: Range<usize>, out: &mut Vec<Token>, lower: &mut String) {
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

    #[test]
    fn tokens_match_the_reference() {
        let texts = [
            "Plain ASCII words, with 12,000 digits and don't-stop punctuation.",
            "“Quoted” words — with dashes… and curly ’apostrophes’ in them.",
            "Mixed scripts: café naïve Ünïcode ſtraße KELVIN \u{212A}m x²y ⅷ 二〇二四 हिंदी शब्द",
            "Edge:\u{2070}\u{2071}\u{207F} superscripts, \u{00A0}nbsp, ©2024, tab\tand\u{2003}em",
            "İstanbul ΣΑΣ Ǆemal ﬁne ﬂow",
            "A sentence that is rather longer than sixty-four bytes, so that words cross 64-byte blocks: ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@[`{/: end",
            "Short then a word of many blocks Abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstu, and éa long wordé ab",
            "",
            "é",
            "aé",
            "éa!",
        ];
        for t in texts {
            let cuts: Vec<usize> = (0..=t.len()).filter(|&k| t.is_char_boundary(k)).collect();
            let ranges = cuts
                .iter()
                .flat_map(|&a| cuts.iter().filter(move |&&b| b >= a).map(move |&b| (a, b)));
            for (a, b) in ranges {
                let (mut x, mut y) = (Vec::new(), Vec::new());
                tokens(t, a..b, &mut x, &mut String::new());
                tokens_reference(t, a..b, &mut y, &mut String::new());
                let mut bits = WordBits::default();
                bits.fill(t.as_bytes());
                let mut z = Vec::new();
                bits.tokens(t, a..b, &mut z, &mut String::new());
                let (mut spill, mut lower) = (Vec::new(), String::new());
                let mut hashes = Vec::new();
                scan_words(&bits, t, a..b, &mut spill, &mut lower, &mut hashes);
                let want: Vec<u64> = z.iter().map(|k| k.hash).collect();
                assert_eq!(hashes, want, "{t}");
                let z: Vec<_> = z.iter().map(|k| (k.start, k.end, k.hash)).collect();
                let x: Vec<_> = x.iter().map(|k| (k.start, k.end, k.hash)).collect();
                let y: Vec<_> = y.iter().map(|k| (k.start, k.end, k.hash)).collect();
                assert_eq!(x, y, "{t}");
                assert_eq!(z, y, "{t}");
            }
        }
    }

    #[test]
    fn short_line_keys_match_for_ascii_lines() {
        let lines = [
            "Steel towns face tough times",
            "  --Rs. 5,000 crore!! (2024)  ",
            "A-B  c_d",
            "",
            "...",
            "x",
            "MIXED Case\tTabs\u{b}and\u{c}feeds",
        ];
        for l in lines {
            assert_eq!(short_line_key_ascii(l), short_line_key(l), "{l:?}");
        }
        assert_eq!(short_line_key("Ōdisha — Govt"), "ōdisha govt");
    }

    #[test]
    fn mostly_covered_agrees_with_covered() {
        let text = "Home | News\n\n  Body text\x0bhere. \t\u{a0}More é text.\r\nEnd";
        let mut marks = Marks::new(text.len());
        marks.paint(0, 11, FurnitureKind::JobListing);
        marks.paint(20, 26, FurnitureKind::Repeat);
        for a in 0..=text.len() + 2 {
            for b in a..=text.len() + 2 {
                assert_eq!(
                    mostly_covered(&marks, text, a, b),
                    marks.covered(text, a, b) >= 0.5,
                    "{a}..{b}"
                );
            }
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

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
