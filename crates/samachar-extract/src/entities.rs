//! Entity recognition within one article: organisations, people with roles,
//! places (from the gazetteer) and programmes, grouped with their aliases.
//!
//! The rules are cue based: a capitalised run of words becomes an entity only
//! when something says what it is (a company suffix or head word, a role
//! title, a speech verb, a gazetteer entry, a scheme word, an acronym in
//! parentheses). Capitalised words with no cue (sentence openers, headline
//! words) are left alone.

use crate::gazetteer::{GAZETTEER, PlaceKind, first_word_hash, word_char_at, word_end};
use crate::names::{
    self, APPOSITIVE_HEADS_SET, FxMap, ORG_FIRST_SET, ORG_HEADS_SET, PROGRAMME_SET,
    PUBLIC_ROLES_SET, ROLE_HEADS_SET, ROLE_MODIFIERS_SET, SPEECH_SET, STOP_SET, company_core,
    is_capitalised, norm_key,
};
use regex::Regex;
use samachar_model::{Entity, EntityKind, Mention, Merge};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A word of the text.
#[derive(Clone, Debug, PartialEq)]
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
    /// The word holds an inner hyphen or apostrophe.
    pub joined: bool,
    /// The word begins with an upper-case letter.
    pub cap: bool,
}

impl Tok {
    /// A word of ASCII letters and digits only.
    #[inline(always)]
    fn plain(start: usize, end: usize, cap: bool) -> Self {
        Tok {
            start,
            end,
            full_end: end,
            possessive: false,
            based: false,
            joined: false,
            cap,
        }
    }

    /// A joined word from `start` to `end`: its core ends before a
    /// possessive `'s` or a `-based` suffix, which are flagged.
    fn joined(text: &str, start: usize, end: usize, cap: bool) -> Self {
        let word = &text[start..end];
        let mut t = Tok {
            start,
            end,
            full_end: end,
            possessive: false,
            based: false,
            joined: true,
            cap,
        };
        for suffix in ["'s", "’s"] {
            if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                t.end = end - suffix.len();
                t.possessive = true;
            }
        }
        if !t.possessive {
            for suffix in ["-based", "-headquartered"] {
                if word.len() > suffix.len() + 1 && ends_with_ignore_case(word, suffix) {
                    t.end = end - suffix.len();
                    t.based = true;
                }
            }
        }
        t
    }
}

/// The length of the letter or digit at byte `i` of `text`, or 0.
#[inline]
fn alnum_len(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        None => 0,
        Some(b) if b.is_ascii() => usize::from(ASCII_ALNUM[usize::from(*b)]),
        Some(_) => match text[i..].chars().next() {
            Some(c) if c.is_alphanumeric() => c.len_utf8(),
            _ => 0,
        },
    }
}

/// The length of an inner joiner (`-`, `'`, `’`) at byte `i` that a letter
/// or digit follows, or 0.
#[inline]
fn joiner_len(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let jl = match bytes[i] {
        b'-' | b'\'' => 1,
        0xE2 if bytes[i..].starts_with("’".as_bytes()) => 3,
        _ => 0,
    };
    if jl > 0 && alnum_len(text, i + jl) > 0 {
        jl
    } else {
        0
    }
}

/// ASCII letters and digits, by byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Splits `text` into words: letters and digits with inner hyphens and
/// apostrophes, and `&` on its own (every word, where [`scan`] keeps only
/// those near capitalised words).
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::with_capacity(n / 5 + 8);
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b == b'&' {
            out.push(Tok::plain(i, i + 1, false));
            i += 1;
            continue;
        }
        if b.is_ascii() && !ASCII_ALNUM[usize::from(b)] {
            i += 1;
            continue;
        }
        // An ASCII byte here is a letter or digit.
        let first = if b.is_ascii() { 1 } else { alnum_len(text, i) };
        if first == 0 {
            // A non-ASCII character that is no letter: skip it whole.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let start = i;
        i += first;
        let mut joined = false;
        loop {
            i += bytes[i..]
                .iter()
                .position(|&c| !ASCII_ALNUM[usize::from(c)])
                .unwrap_or(n - i);
            if i >= n {
                break;
            }
            if !bytes[i].is_ascii() {
                let l = alnum_len(text, i);
                if l > 0 {
                    i += l;
                    continue;
                }
            }
            let jl = joiner_len(text, i);
            if jl > 0 {
                joined = true;
                i += jl;
                continue;
            }
            break;
        }
        let end = i;
        let cap = is_capitalised(&text[start..end]);
        out.push(if joined {
            Tok::joined(text, start, end, cap)
        } else {
            Tok::plain(start, end, cap)
        });
    }
    out
}

/// The words of a text found in one pass.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Scan {
    /// The words near capitalised words (as [`tokenize`] splits them; see
    /// [`keep_tok`] for which).
    pub toks: Vec<Tok>,
    /// Lines as (start, title case): see [`title_lines`].
    pub lines: Vec<(usize, bool)>,
    /// The word starts (see [`word_starts`]) at an ASCII capital letter,
    /// each with the end of its letters and digits ([`word_end`] of it).
    pub upper: Vec<(usize, usize)>,
    /// The starts that may begin an anchor word of [`Anchors::find`].
    pub anchor_starts: Vec<usize>,
}

impl Scan {
    /// The (start, end) of the words at an ASCII capital letter, in order.
    fn upper_words(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.upper.iter().copied()
    }
}

/// Splits `text` into words (letters and digits with inner hyphens and
/// apostrophes, and `&` on its own), with their word starts and the title
/// case of each line, in one pass.
#[inline(never)]
pub(crate) fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut toks = Vec::with_capacity(n / 16 + 8);
    // The word before the current one when it was not kept, and how many
    // words after a key word are still to keep (see [`keep_tok`]).
    let mut pending: Option<Tok> = None;
    let mut follow = 0u8;
    let mut lines = Vec::with_capacity(n / 64 + 4);
    let mut upper = Vec::with_capacity(n / 32 + 8);
    let mut anchor_starts = Vec::with_capacity(n / 64 + 8);
    // The current line: its start, its words of more than three characters
    // and how many of them are capitalised.
    let (mut line_start, mut long_words, mut caps) = (0usize, 0usize, 0usize);
    let masks = Masks::of(bytes);
    let mut i = 0;
    // Plain words (ASCII letters and digits) come from the masks, a run at
    // a time; the rest (`&`, line breaks, non-ASCII bytes, joined words) is
    // looked at byte by byte below.
    loop {
        i = masks.plain_words(
            bytes,
            i,
            &mut Acc {
                toks: &mut toks,
                pending: &mut pending,
                follow: &mut follow,
                upper: &mut upper,
                anchor_starts: &mut anchor_starts,
                long_words: &mut long_words,
                caps: &mut caps,
            },
        );
        let Some(p) = masks.next_event(i) else {
            break;
        };
        i = p;
        let b = bytes[i];
        // Most words are ASCII letters and digits that end at an ASCII byte
        // that cannot carry the word on: take them whole from the masks.
        if ASCII_ALNUM[usize::from(b)] {
            let e = masks.next_non_alnum(i + 1).min(n);
            if bytes.get(e).is_none_or(|&c| !GOES_ON[usize::from(c)]) {
                mark_start(bytes, i, e, &mut upper, &mut anchor_starts);
                let cap = b.is_ascii_uppercase();
                if e - i > 3 {
                    long_words += 1;
                    caps += usize::from(cap);
                }
                keep_tok(
                    &mut toks,
                    &mut pending,
                    &mut follow,
                    Tok::plain(i, e, cap),
                    cap,
                );
                i = e;
                continue;
            }
        }
        let first = match BYTE_CLASS[usize::from(b)] {
            C_OTHER => {
                i += 1;
                continue;
            }
            C_AMP => {
                let t = Tok::plain(i, i + 1, false);
                keep_tok(&mut toks, &mut pending, &mut follow, t, true);
                i += 1;
                continue;
            }
            C_NEWLINE => {
                lines.push((line_start, long_words >= 4 && caps * 10 >= long_words * 8));
                line_start = i + 1;
                long_words = 0;
                caps = 0;
                i += 1;
                continue;
            }
            C_ALNUM => 1,
            _ => alnum_len(text, i),
        };
        if first == 0 {
            // A non-ASCII character that is no letter: skip it whole.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let start = i;
        let mut seg = i;
        i += first;
        let mut joined = false;
        loop {
            while i < n && ASCII_ALNUM[usize::from(bytes[i])] {
                i += 1;
            }
            if i >= n {
                break;
            }
            if !bytes[i].is_ascii() {
                let l = alnum_len(text, i);
                if l > 0 {
                    i += l;
                    continue;
                }
            }
            let jl = joiner_len(text, i);
            if jl > 0 {
                joined = true;
                mark_start(bytes, seg, i, &mut upper, &mut anchor_starts);
                i += jl;
                seg = i;
                continue;
            }
            break;
        }
        let end = i;
        mark_start(bytes, seg, end, &mut upper, &mut anchor_starts);
        let cap = if b.is_ascii() {
            b.is_ascii_uppercase()
        } else {
            text[start..].chars().next().is_some_and(char::is_uppercase)
        };
        let w = &bytes[start..end];
        // More than three characters: count the bytes that start one
        // (four ASCII bytes first: the common case needs no count).
        if w.len() > 3
            && (w[..4].is_ascii() || w.iter().filter(|&&b| b & 0xC0 != 0x80).nth(3).is_some())
        {
            long_words += 1;
            caps += usize::from(cap);
        }
        let t = if joined {
            Tok::joined(text, start, end, cap)
        } else {
            Tok::plain(start, end, cap)
        };
        keep_tok(&mut toks, &mut pending, &mut follow, t, cap);
    }
    if line_start < n {
        lines.push((line_start, long_words >= 4 && caps * 10 >= long_words * 8));
    }
    Scan {
        toks,
        lines,
        upper,
        anchor_starts,
    }
}

/// Bytes after ASCII letters and digits that may carry a word on: inner
/// joiners (`-`, `'`) and non-ASCII bytes (letters, `’`).
static GOES_ON: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i >= 128 || i == b'-' as usize || i == b'\'' as usize;
        i += 1;
    }
    t
};

/// What [`scan`] gathers, for [`Masks::plain_words`].
struct Acc<'a> {
    toks: &'a mut Vec<Tok>,
    pending: &'a mut Option<Tok>,
    follow: &'a mut u8,
    upper: &'a mut Vec<(usize, usize)>,
    anchor_starts: &'a mut Vec<usize>,
    /// The current line's words of more than three characters.
    long_words: &'a mut usize,
    /// How many of them are capitalised.
    caps: &'a mut usize,
}

/// Bit masks of a text, a bit per byte (bit `k % 64` of word `k / 64`).
struct Masks {
    /// ASCII letters and digits.
    alnum: Vec<u64>,
    /// Bytes that need a word-by-word look: `&`, line breaks, non-ASCII
    /// bytes and the inner joiners `-` and `'`.
    special: Vec<u64>,
}

impl Masks {
    /// The masks of `bytes`, sixteen bytes at a time, a mask word (64
    /// bytes) at a time.
    fn of(bytes: &[u8]) -> Self {
        let blocks = bytes.len().div_ceil(64);
        let mut alnum = Vec::with_capacity(blocks);
        let mut special = Vec::with_capacity(blocks);
        let block = |b: &[u8; 64]| -> (u64, u64) {
            let (mut a, mut sp) = (0u64, 0u64);
            for (k, c) in b.chunks_exact(16).enumerate() {
                let mut buf = [0u8; 16];
                buf.copy_from_slice(c);
                let (ca, csp) = Self::chunk(buf);
                a |= ca << (16 * k);
                sp |= csp << (16 * k);
            }
            (a, sp)
        };
        let chunks = bytes.chunks_exact(64);
        let rest = chunks.remainder();
        for chunk in chunks {
            let mut buf = [0u8; 64];
            buf.copy_from_slice(chunk);
            let (a, sp) = block(&buf);
            alnum.push(a);
            special.push(sp);
        }
        if !rest.is_empty() {
            let mut buf = [0u8; 64];
            buf[..rest.len()].copy_from_slice(rest);
            let (a, sp) = block(&buf);
            alnum.push(a);
            special.push(sp);
        }
        Masks { alnum, special }
    }

    /// The alnum and special bits of sixteen bytes (byte `k` in bit `k`),
    /// written so that the compiler turns it into vector compares.
    #[inline(always)]
    fn chunk(buf: [u8; 16]) -> (u64, u64) {
        // Flags as bytes of 0 or 1 (vector compares) ...
        let mut alnum = [0u8; 16];
        let mut special = [0u8; 16];
        for ((&b, a), sp) in buf.iter().zip(&mut alnum).zip(&mut special) {
            *a = u8::from((b | 0x20).wrapping_sub(b'a') < 26 || b.wrapping_sub(b'0') < 10);
            *sp = u8::from((b >= 128) | (b == b'&') | (b == b'\n') | (b == b'-') | (b == b'\''));
        }
        // ... gathered eight at a time: byte k (0 or 1) times 2^(56 - 7k)
        // lands on bit 56 + k, the other products below bit 56 or above 63,
        // each on a bit of its own.
        let gather = |f: [u8; 16]| {
            let (mut lo, mut hi) = ([0u8; 8], [0u8; 8]);
            lo.copy_from_slice(&f[..8]);
            hi.copy_from_slice(&f[8..]);
            let (lo, hi) = (u64::from_le_bytes(lo), u64::from_le_bytes(hi));
            const MAGIC: u64 = 0x0102_0408_1020_4080;
            (lo.wrapping_mul(MAGIC) >> 56) | ((hi.wrapping_mul(MAGIC) >> 56) << 8)
        };
        (gather(alnum), gather(special))
    }

    /// Takes the plain words from `from` (a place between words): ASCII
    /// letters and digits with no joiner and no non-ASCII byte, up to the
    /// next special byte, handling each as the word-by-word look of [`scan`]
    /// does. Returns where to go on (a special byte, a word that may go on
    /// past it, or the end).
    ///
    /// The long words of a block are counted with its bit masks; a word
    /// that begins with no capital letter only needs its first bytes looked
    /// at (its end is worked out when it is kept).
    #[inline(never)]
    fn plain_words(&self, bytes: &[u8], from: usize, acc: &mut Acc<'_>) -> usize {
        let n = bytes.len();
        let mut q = Self::next_set(&self.special, from, 0).unwrap_or(n);
        if q == from {
            return q;
        }
        // A word that ends at `q` and may go on past it (a joiner or a
        // non-ASCII letter follows) is left to the caller: stop at its start.
        if q < n && GOES_ON[usize::from(bytes[q])] && ASCII_ALNUM[usize::from(bytes[q - 1])] {
            let mut ws = q - 1;
            while ws > from && ASCII_ALNUM[usize::from(bytes[ws - 1])] {
                ws -= 1;
            }
            // A word that began before `from` is no start of this call.
            if ws > from
                || (ws == from && (from == 0 || !ASCII_ALNUM[usize::from(bytes[from - 1])]))
            {
                q = ws;
                if q == from {
                    return q;
                }
            }
        }
        // The end of the letters and digits from `w` (before `q`).
        let end_of = |w: usize| -> usize {
            let k = w / 64;
            let rest = !self.alnum[k] & (u64::MAX << (w % 64));
            if rest != 0 {
                k * 64 + rest.trailing_zeros() as usize
            } else {
                self.next_non_alnum(w + 1).min(n)
            }
        };
        // The counts in registers, written back at the end; `last` is the
        // start of the pending word when it is a plain one (it stands for
        // `acc.pending`).
        let (mut follow, mut long_words, mut caps) = (*acc.follow, *acc.long_words, *acc.caps);
        let mut last: Option<usize> = None;
        let first_block = from / 64;
        let last_block = (q - 1) / 64;
        for k in first_block..=last_block {
            let a = self.alnum[k];
            let prev = if k > 0 { self.alnum[k - 1] >> 63 } else { 0 };
            let mut starts = a & !((a << 1) | prev);
            if k == first_block {
                starts &= u64::MAX << (from % 64);
            }
            if k == q / 64 {
                starts &= !(u64::MAX << (q % 64));
            }
            // Words of more than three characters: the three bytes after
            // the start are letters or digits.
            let next = self.alnum.get(k + 1).copied().unwrap_or(0);
            let long = starts
                & ((a >> 1) | (next << 63))
                & ((a >> 2) | (next << 62))
                & ((a >> 3) | (next << 61));
            long_words += long.count_ones() as usize;
            while starts != 0 {
                let bit = starts.trailing_zeros();
                starts &= starts - 1;
                let w = k * 64 + bit as usize;
                let b = bytes[w];
                if !b.is_ascii_uppercase() {
                    // Most words: lower-case or digits, never key words. As
                    // [`mark_start`] and [`keep_tok`] do.
                    let first = ANCHOR_START[usize::from(b)];
                    // (Three letters or more: the two bytes after the start
                    // are letters or digits.)
                    if first != 0
                        && w + 1 < n
                        && first & (1u64 << (bytes[w + 1] & 63)) != 0
                        && ((a >> bit) | (next << (63 - bit) << 1)) & 0b110 == 0b110
                    {
                        acc.anchor_starts.push(w);
                    }
                    if follow > 0 {
                        follow -= 1;
                        acc.toks.push(Tok::plain(w, end_of(w), false));
                    } else {
                        last = Some(w);
                    }
                    continue;
                }
                let e = end_of(w);
                mark_start(bytes, w, e, acc.upper, acc.anchor_starts);
                caps += usize::from(long >> bit & 1 == 1);
                // As [`keep_tok`] does for a key word.
                if let Some(ps) = last.take() {
                    acc.toks.push(Tok::plain(ps, end_of(ps), false));
                    *acc.pending = None;
                } else if let Some(p) = acc.pending.take() {
                    acc.toks.push(p);
                }
                acc.toks.push(Tok::plain(w, e, true));
                follow = 2;
            }
        }
        if let Some(ps) = last {
            *acc.pending = Some(Tok::plain(ps, end_of(ps), false));
        }
        (*acc.follow, *acc.long_words, *acc.caps) = (follow, long_words, caps);
        q
    }

    /// The first set bit of `m` at or after `from`.
    #[inline(always)]
    fn next_set(m: &[u64], from: usize, flip: u64) -> Option<usize> {
        let mut k = from / 64;
        let mut bits = (m.get(k)? ^ flip) & (u64::MAX << (from % 64));
        while bits == 0 {
            k += 1;
            bits = m.get(k)? ^ flip;
        }
        Some(k * 64 + bits.trailing_zeros() as usize)
    }

    /// The first byte at or after `from` that may begin something: an
    /// ASCII letter or digit or a special byte.
    #[inline(always)]
    fn next_event(&self, from: usize) -> Option<usize> {
        let at = |k: usize| -> Option<u64> { Some(self.alnum.get(k)? | self.special.get(k)?) };
        let mut k = from / 64;
        let mut bits = at(k)? & (u64::MAX << (from % 64));
        while bits == 0 {
            k += 1;
            bits = at(k)?;
        }
        Some(k * 64 + bits.trailing_zeros() as usize)
    }

    /// The first byte at or after `from` that is no ASCII letter or digit
    /// (at least the text length when none is).
    #[inline(always)]
    fn next_non_alnum(&self, from: usize) -> usize {
        Self::next_set(&self.alnum, from, u64::MAX).unwrap_or(self.alnum.len() * 64)
    }
}

/// Keeps word `t` in the word list of [`scan`] when it is a key word (one
/// that begins with a capital letter, or `&`), the word before one or one of
/// the two words after one: every rule that reads words reads only these
/// (runs of capitalised words with their connectors, the words around them).
/// Two kept words in a row with words left out between them have those
/// words in their gap, so no gap test takes them for neighbours.
#[inline(always)]
fn keep_tok(toks: &mut Vec<Tok>, pending: &mut Option<Tok>, follow: &mut u8, t: Tok, key: bool) {
    if key {
        if let Some(p) = pending.take() {
            toks.push(p);
        }
        toks.push(t);
        *follow = 2;
    } else if *follow > 0 {
        *follow -= 1;
        toks.push(t);
    } else {
        *pending = Some(t);
    }
}

/// [`BYTE_CLASS`]: an ASCII byte that is no letter or digit, `&` or a line
/// break.
const C_OTHER: u8 = 0;
/// An ASCII letter or digit.
const C_ALNUM: u8 = 1;
/// `&`.
const C_AMP: u8 = 2;
/// A line break.
const C_NEWLINE: u8 = 3;
/// A byte of a non-ASCII character.
const C_NON_ASCII: u8 = 4;

/// The class of each byte for [`scan`].
static BYTE_CLASS: [u8; 256] = {
    let mut t = [C_NON_ASCII; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = if ASCII_ALNUM[i] {
            C_ALNUM
        } else if i == b'&' as usize {
            C_AMP
        } else if i == b'\n' as usize {
            C_NEWLINE
        } else {
            C_OTHER
        };
        i += 1;
    }
    t
};

/// Notes the word start `seg` (its letters and digits end at `seg_end`)
/// in the lists of [`Scan`].
#[inline(always)]
fn mark_start(
    bytes: &[u8],
    seg: usize,
    seg_end: usize,
    upper: &mut Vec<(usize, usize)>,
    anchor_starts: &mut Vec<usize>,
) {
    let b = bytes[seg];
    let first = ANCHOR_START[usize::from(b)];
    // Most words start with a lower-case letter no anchor word starts with.
    if first == 0 && !b.is_ascii_uppercase() {
        return;
    }
    let up = b.is_ascii_uppercase();
    if up {
        upper.push((seg, seg_end));
    }
    // An anchor word starts here, or an upper-case word in parentheses
    // ("(PTI)"): see [`Anchors::find`].
    // (Every anchor word has three letters or more.)
    if (first != 0
        && seg_end - seg >= 3
        && first & (1u64 << bytes.get(seg + 1).map_or(0, |&c| c & 63)) != 0)
        || (up && seg > 0 && bytes[seg - 1] == b'(')
    {
        anchor_starts.push(seg);
    }
}

/// True when `word` ends with the lower-case ASCII `suffix`, in any case.
fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.is_char_boundary(word.len() - suffix.len())
        && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
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
    /// The sentences of the text (byte ranges), in order.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// Where the word "cluster" stands.
    pub cluster_words: Vec<Range<usize>>,
    /// Where the word "industry" stands.
    pub industry_words: Vec<Range<usize>>,
}

static ARMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?P<the>the\s+|The\s+)?(?P<nat>[A-Z][a-z]+(?:ian|ese|ish|an|ch|ean|i))\s+(?P<force>[Aa]rmy|[Nn]avy|[Mm]ilitary|[Aa]ir [Ff]orce|[Aa]rmed [Ff]orces)(?-u:\b)",
    )
    .unwrap_or_else(|_| unreachable_regex())
});

static GOVERNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?P<place>[A-Z][\w]*(?:\s[A-Z][\w]*)?)\s(?P<gov>[Gg]overnment|[Gg]ovt|cabinet)(?-u:\b)",
    )
    .unwrap_or_else(|_| unreachable_regex())
});

static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?:^[A-Z][A-Za-z .]+,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\s*\((?P<a>[A-Z]{2,6})\))|(?:(?-u:\b)(?:told|informed|according to|speaking to|talking to)\s+(?P<b>[A-Z]{2,6})(?-u:\b))",
    )
    .unwrap_or_else(|_| unreachable_regex())
});

static MAKE_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)Make in (?P<p>[A-Z][a-z]+)(?-u:\b)")
        .unwrap_or_else(|_| unreachable_regex())
});

/// Where the words that the entity regexes need stand: each regex is run
/// only near them (a whole-text regex scan costs more than all the rest).
#[derive(Default)]
struct Anchors {
    /// "army", "navy", "military", "air force", "armed forces".
    armed: Vec<Range<usize>>,
    /// "government", "govt", "cabinet" (a state's or a country's).
    government: Vec<Range<usize>>,
    /// "told", "informed", "according to" ..., and an upper-case word in
    /// parentheses.
    agency: Vec<Range<usize>>,
    /// "cluster".
    cluster: Vec<Range<usize>>,
    /// "industry".
    industry: Vec<Range<usize>>,
}

/// True when `bytes` starts with `word` and no ASCII letter, digit or `_`
/// follows it.
fn word_at(bytes: &[u8], pos: usize, word: &[u8]) -> bool {
    bytes[pos..].starts_with(word)
        && !bytes
            .get(pos + word.len())
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// The anchor words of [`Anchors::find`], as written.
const ANCHOR_WORDS: [&[u8]; 22] = [
    b"Army",
    b"army",
    b"Navy",
    b"navy",
    b"Military",
    b"military",
    b"Air",
    b"air",
    b"Armed",
    b"armed",
    b"Government",
    b"government",
    b"Govt",
    b"govt",
    b"cabinet",
    b"told",
    b"informed",
    b"according",
    b"talking",
    b"speaking",
    b"cluster",
    b"industry",
];

/// For each first byte, a bit per second byte (`b & 63`) that some anchor
/// word starts with: most words are passed over on their first two bytes.
static ANCHOR_START: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < ANCHOR_WORDS.len() {
        let w = ANCHOR_WORDS[i];
        t[w[0] as usize] |= 1u64 << (w[1] & 63);
        i += 1;
    }
    t
};

impl Anchors {
    #[inline(never)]
    fn find(text: &str, starts: &[usize]) -> Self {
        let bytes = text.as_bytes();
        let mut out = Anchors::default();
        // The word after a space at `at`, one of `words`.
        let then = |at: usize, words: &[&[u8]]| -> Option<usize> {
            words
                .iter()
                .find(|w| word_at(bytes, at, w))
                .map(|w| at + w.len())
        };
        for &pos in starts {
            // Only these first letters (or an opening parenthesis before
            // the word) can begin an anchor.
            let paren = pos > 0 && bytes[pos - 1] == b'(';
            let second = bytes.get(pos + 1).map_or(0, |&b| b & 63);
            if !paren && ANCHOR_START[usize::from(bytes[pos])] & (1u64 << second) == 0 {
                continue;
            }
            let len = bytes[pos..]
                .iter()
                .position(|&b| !ASCII_ALNUM[usize::from(b)])
                .unwrap_or(bytes.len() - pos);
            let e = pos + len;
            if bytes.get(e) == Some(&b'_') {
                continue;
            }
            match &bytes[pos..e] {
                b"Army" | b"army" | b"Navy" | b"navy" | b"Military" | b"military" => {
                    out.armed.push(pos..e);
                }
                b"Air" | b"air" => {
                    if let Some(end) = then(e, &[b" Force", b" force"]) {
                        out.armed.push(pos..end);
                    }
                }
                b"Armed" | b"armed" => {
                    if let Some(end) = then(e, &[b" Forces", b" forces"]) {
                        out.armed.push(pos..end);
                    }
                }
                b"Government" | b"government" | b"Govt" | b"govt" | b"cabinet" => {
                    out.government.push(pos..e);
                }
                b"told" | b"informed" => out.agency.push(pos..e),
                b"according" | b"talking" | b"speaking" => {
                    if let Some(end) = then(e, &[b" to"]) {
                        out.agency.push(pos..end);
                    }
                }
                b"cluster" => out.cluster.push(pos..e),
                b"industry" => out.industry.push(pos..e),
                _ => {}
            }
            // "(PTI)" after a dateline.
            if paren
                && (2..=6).contains(&len)
                && bytes[pos..e].iter().all(u8::is_ascii_uppercase)
                && bytes.get(e) == Some(&b')')
            {
                out.agency.push(pos..e);
            }
        }
        out
    }
}

/// The matches of `re` in `text` that cover one of the `anchors` (in text
/// order), searching from `back` bytes before each anchor to `fwd` bytes
/// after it, without overlaps. The same as the whole-text matches that hold
/// an anchor when every match holds one, starts at most `back` bytes before
/// it and ends (with the character after it) at most `fwd` bytes after it.
pub(crate) fn anchored<'t>(
    re: &Regex,
    text: &'t str,
    anchors: &[Range<usize>],
    back: usize,
    fwd: usize,
) -> Vec<regex::Captures<'t>> {
    let mut out = Vec::new();
    let mut from = 0;
    for a in anchors {
        if a.start < from {
            continue;
        }
        let mut ws = a.start.saturating_sub(back).max(from);
        while !text.is_char_boundary(ws) {
            ws += 1;
        }
        let mut we = (a.end + fwd).min(text.len());
        while !text.is_char_boundary(we) {
            we += 1;
        }
        let hay = &text[..we];
        let mut pos = ws;
        while let Some(c) = re.captures_at(hay, pos) {
            let Some(m) = c.get(0) else {
                break;
            };
            if m.start() <= a.start && m.end() >= a.end {
                from = m.end();
                out.push(c);
                break;
            }
            if m.end() >= a.end || m.end() <= pos {
                break;
            }
            pos = m.end();
        }
    }
    out
}

/// False when no match of [`GOVERNMENT`] can hold the anchor `a` (one of
/// [`Anchors::government`]), which then needs no regex search. A lower-case
/// anchor ("government", "govt") at a word start can only be the `gov` of a
/// match (no word of `place` has a lower-case start), so one white-space
/// character comes before it and before that a word that starts with a
/// capital letter. Where a non-ASCII character or `_` stands in the way, the
/// regex decides.
fn government_may_match(bytes: &[u8], a: &Range<usize>) -> bool {
    if !bytes[a.start].is_ascii_lowercase() {
        return true;
    }
    let Some(space) = a.start.checked_sub(1) else {
        return false;
    };
    match bytes[space] {
        // A non-ASCII character, or `_` (an anchor can go on a word of
        // `place`: "X_government Government").
        c if c >= 0x80 || c == b'_' => return true,
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {}
        _ => return false,
    }
    // The ASCII word before the white space.
    let mut k = space;
    while k > 0 && (bytes[k - 1].is_ascii_alphanumeric() || bytes[k - 1] == b'_') {
        k -= 1;
    }
    if k > 0 && bytes[k - 1] >= 0x80 {
        return true;
    }
    k < space && bytes[k].is_ascii_uppercase()
}

/// A regex that matches nothing, for the impossible case that a constant
/// pattern fails to compile.
fn unreachable_regex() -> Regex {
    match Regex::new(r"[^\s\S]") {
        Ok(r) => r,
        Err(_) => unreachable_regex(),
    }
}

fn is_abbrev_token(word: &str) -> bool {
    [
        "pvt", "ltd", "co", "inc", "corp", "dr", "mr", "mrs", "ms", "st", "jr", "sr",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(word))
        || (word.chars().nth(1).is_none() && is_capitalised(word))
}

/// A capitalised run of words.
#[derive(Clone, Debug)]
struct Run {
    /// Token indices, inclusive start, exclusive end.
    first: usize,
    last: usize,
}

/// Lines of the text as (start, title case), for lookups by offset, worked
/// out from the words already found. A line is in title case when it has at
/// least four words of more than three characters and at least 80% of them
/// are capitalised (the reference for [`scan`]).
#[cfg(test)]
fn title_lines(text: &str, toks: &[Tok]) -> Vec<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 4);
    let (mut line_start, mut n, mut caps) = (0usize, 0usize, 0usize);
    let mut gap_from = 0;
    for t in toks
        .iter()
        .map(|t| (t.start, t.full_end))
        .chain([(bytes.len(), bytes.len())])
    {
        // Line ends in the gap before this word.
        for (i, &b) in bytes[gap_from..t.0].iter().enumerate() {
            if b == b'\n' {
                out.push((line_start, n >= 4 && caps * 10 >= n * 8));
                line_start = gap_from + i + 1;
                n = 0;
                caps = 0;
            }
        }
        gap_from = t.1;
        let w = &bytes[t.0..t.1];
        // More than three characters: count the bytes that start one.
        // (Four ASCII bytes first: the common case needs no count.)
        let long = w.len() > 3
            && (w[..4].is_ascii() || w.iter().filter(|&&b| b & 0xC0 != 0x80).nth(3).is_some());
        if long {
            n += 1;
            caps += usize::from(is_capitalised(&text[t.0..t.1]));
        }
    }
    if line_start < bytes.len() {
        out.push((line_start, n >= 4 && caps * 10 >= n * 8));
    }
    out
}

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.start..t.end]
}

/// Builds capitalised runs: words that begin with a capital, joined by single
/// spaces (or ". " after an abbreviation), with "of", "for" and "&" allowed
/// between capitalised words.
#[inline(never)]
fn runs(text: &str, toks: &[Tok]) -> Vec<Run> {
    let bytes = text.as_bytes();
    // The gap after word `j` is `g`.
    let gap_is = |j: usize, g: &[u8]| bytes.get(toks[j].full_end..toks[j + 1].start) == Some(g);
    let mut out = Vec::with_capacity(toks.len() / 8 + 8);
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap {
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
            // A plural possessive before an organisation's head word, at
            // most two capitalised words on ("Tiruppur Exporters'
            // Association", "Crusher Owners' Welfare Association").
            let plural_possessive = || {
                (gap_is(j, b"' ") || gap_is(j, "’ ".as_bytes()))
                    && word(text, t).ends_with('s')
                    && (j + 1..toks.len().min(j + 4))
                        .take_while(|&k| toks[k].cap && (k == j + 1 || gap_is(k - 1, b" ")))
                        .any(|k| ORG_HEADS_SET.contains(word(text, &toks[k])))
            };
            let gap_ok = gap_is(j, b" ")
                || (gap_is(j, b". ") && is_abbrev_token(word(text, t)))
                || plural_possessive();
            if !gap_ok {
                break;
            }
            if toks[j + 1].cap {
                j += 1;
                continue;
            }
            let next = word(text, &toks[j + 1]);
            // A connector between capitalised words.
            let connector = matches!(next, "of" | "for" | "&")
                || (next == "and" && ORG_FIRST_SET.contains(word(text, &toks[first])));
            if connector && j + 2 < toks.len() && gap_is(j + 1, b" ") && toks[j + 2].cap {
                j += 2;
                continue;
            }
            // A trailing lower-case programme word after an acronym
            // ("BEE-SME program").
            if PROGRAMME_SET.contains(next)
                && word(text, t).chars().filter(|c| c.is_uppercase()).count() >= 2
            {
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
    STOP_SET.contains(w)
}

fn is_role_word(w: &str) -> bool {
    ROLE_HEADS_SET.contains(w) || ROLE_MODIFIERS_SET.contains(w)
}

/// Valid person name: 1-4 capitalised alphabetic words, none a stop word,
/// a role word or an organisation head, and not a gazetteer place.
fn valid_name(words: &[&str], allow_single: bool) -> bool {
    if words.is_empty() || words.len() > 4 || (words.len() == 1 && !allow_single) {
        return false;
    }
    let ok = words.iter().all(|w| {
        let initial = w.chars().nth(1).is_none() && is_capitalised(w);
        initial
            || (is_capitalised(w)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && w.chars().skip(1).any(char::is_lowercase)
                && !is_stop(w)
                && !ORG_HEADS_SET.contains(w)
                && !PROGRAMME_SET.contains(w)
                && !ROLE_HEADS_SET.contains(w))
    });
    ok && !GAZETTEER.contains_words(words)
}

/// First words of a clause after a name and a comma (no role phrase).
const CLAUSE_OPENERS: [&str; 12] = [
    "who", "which", "said", "the", "a", "an", "and", "but", "he", "she", "it", "we",
];

/// The words of a lower-case role phrase after a name (", general manager,"),
/// up to the next comma, full stop or quote; None when it holds no role word.
#[inline(never)]
fn role_phrase_after(text: &str, pos: usize) -> Option<(String, usize)> {
    // "Ramesh Chandra Sharma ji, managing partner": past the honorific.
    let pos = if text[pos..].starts_with(" ji, ") {
        pos + 3
    } else {
        pos
    };
    let rest = &text[pos..];
    let mut rest_trim = rest.strip_prefix(", ")?;
    let mut pos = pos;
    // An age between the name and the role ("Babu Ram, 80, president of").
    let digits = rest_trim.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && rest_trim[digits..].starts_with(", ") {
        rest_trim = &rest_trim[digits + 2..];
        pos += digits + 2;
    }
    // The first of , . ; : " “ ” \n ( ) (the curly quotes are E2 80 9C and
    // E2 80 9D).
    let rb = rest_trim.as_bytes();
    let stop = rb
        .iter()
        .enumerate()
        .position(|(k, &b)| {
            matches!(b, b',' | b'.' | b';' | b':' | b'"' | b'\n' | b'(' | b')')
                || (b == 0xE2
                    && rb.get(k + 1) == Some(&0x80)
                    && matches!(rb.get(k + 2), Some(0x9C | 0x9D)))
        })
        .unwrap_or(rb.len());
    let mut full = &rest_trim[..stop];
    // "an exporter who owns Mahanadi Handicrafts and ships ...": the role,
    // and the business after "who owns" as its organisation ("exporter of
    // Mahanadi Handicrafts").
    let mut owned = None;
    if let Some(k) = full.find(" who ") {
        let tail = &full[k + 5..];
        owned = ["owns ", "runs ", "heads ", "founded ", "manages "]
            .iter()
            .find_map(|v| tail.strip_prefix(v))
            .map(|t| {
                t.split(' ')
                    .take_while(|w| is_capitalised(w))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|o| o.contains(' '));
        full = &full[..k];
    }
    // The words of the phrase, at most twelve after an article. It ends at a
    // speech verb ("president of the Small Industries Association said
    // ..."); an appositive with an article ("Sharma, a senior resident and
    // journalist, told ..."; "X, the president of ...") gives the role
    // without the article.
    let mut buf = [""; 13];
    let mut count = 0;
    let mut appositive = false;
    let mut phrase_start = None;
    let mut phrase_end = 0;
    for (k, w) in full.split_ascii_whitespace().enumerate() {
        if k == 0 && matches!(w, "a" | "an" | "the") {
            appositive = true;
            continue;
        }
        if count > 0 && SPEECH_SET.contains(w) {
            break;
        }
        if count == buf.len() {
            return None;
        }
        // (Offsets within `full`: the words are slices of it.)
        let at = w.as_ptr() as usize - full.as_ptr() as usize;
        phrase_start.get_or_insert(at);
        phrase_end = at + w.len();
        buf[count] = w;
        count += 1;
    }
    let words = &buf[..count];
    let first = *words.first()?;
    // A clause, not a role, when it starts with one of these.
    if CLAUSE_OPENERS.iter().any(|x| x.eq_ignore_ascii_case(first)) {
        return None;
    }
    if words.len() > 12 {
        return None;
    }
    if !words
        .iter()
        .any(|w| ROLE_HEADS_SET.contains(w) || appositive && APPOSITIVE_HEADS_SET.contains(w))
    {
        return None;
    }
    // The phrase must start with the role or with role-like modifiers /
    // lower-case department words, not with a clause.
    if words.iter().any(|w| {
        SPEECH_SET.contains(w)
            || ["is", "was", "has", "will"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(w))
    }) {
        return None;
    }
    let phrase = full.get(phrase_start.unwrap_or(0)..phrase_end)?;
    Some(match owned {
        Some(o) => (format!("{phrase} of {o}"), pos + 2 + phrase_end),
        None => (phrase.to_string(), pos + 2 + phrase_end),
    })
}

/// An upper-case acronym of two to six letters ("SIDBI", "EPCH", "MSME").
fn is_acronym(w: &str) -> bool {
    (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Where the run of characters that `in_word` accepts at the end of `s`
/// starts.
fn word_start_before(s: &str, in_word: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| !in_word(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// A lower-case role phrase right before a name that starts at `start`:
/// "EPCH chairman Neeraj Khanna", "its managing director, Salman Nawab".
/// Returns the role, the organisation when an acronym comes before the role,
/// and the word that ties the role to an organisation named earlier ("its",
/// "our", "their", "the company's"; "" for a capitalised word, an
/// organisation that was not made out). A comma between role and name is
/// taken only after a possessive word.
/// "the chairman of the Tea Board of India, Dr. X": a role head, "of", and a
/// body's capitalised name (with "of", "and", "the" inside it) just before
/// the comma that leads to the name. `head` is the text up to that comma.
fn role_of_body_before(head: &str) -> Option<(String, Option<String>, Option<&str>)> {
    // Back over the body's words to "of" after a role head.
    let mut rest = head;
    let mut body_start = None;
    for _ in 0..10 {
        let cut = word_start_before(rest, |c| {
            c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
        });
        let w = &rest[cut..];
        if w.is_empty() {
            return None;
        }
        let before = rest[..cut].strip_suffix(' ')?;
        if w.starts_with(|c: char| c.is_uppercase()) {
            body_start = Some(cut);
        } else if w == "of" && body_start.is_some() {
            let role_cut = word_start_before(before, |c| c.is_ascii_alphabetic() || c == '-');
            let role = &before[role_cut..];
            if ROLE_HEADS_SET.contains(role) {
                let mut body = &head[body_start?..];
                body = body.strip_prefix("the ").unwrap_or(body);
                return Some((role.to_string(), Some(body.to_string()), None));
            }
        } else if !matches!(w, "of" | "and" | "the" | "&") {
            return None;
        }
        rest = before;
    }
    None
}

fn role_phrase_before(text: &str, start: usize) -> Option<(String, Option<String>, Option<&str>)> {
    // "Kesari Polyfab chairman Shri Devendra Agrawal": past the honorific.
    let before = without_honorific(&text[..start]);
    let (head, comma) = match before.strip_suffix(", ") {
        Some(h) => (h, true),
        None => (before.strip_suffix(' ')?, false),
    };
    // Up to four lower-case role words, the last a role head.
    // (Words are read backwards from the name; `head` is a prefix of the
    // text, so the role is the slice from its first word to the name.)
    let mut count = 0;
    let mut role_from = head.len();
    let mut rest = head;
    while count < 4 {
        let cut = word_start_before(rest, |c| c.is_ascii_alphabetic() || c == '-');
        let w = &rest[cut..];
        // ("Managing director X said": a capital where the sentence starts.)
        let sentence_start = {
            let b = rest[..cut].trim_end_matches(' ');
            b.is_empty() || b.ends_with(['.', '\n', ':', '"', '“'])
        };
        let lower_ok = w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            || sentence_start
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.bytes()
                    .skip(1)
                    .all(|b| b.is_ascii_lowercase() || b == b'-');
        if w.is_empty()
            || !lower_ok
            || !is_role_word(w)
            || (count == 0 && !ROLE_HEADS_SET.contains(w))
        {
            break;
        }
        count += 1;
        role_from = cut;
        rest = &rest[..cut];
        match rest.strip_suffix(' ') {
            Some(r) => rest = r,
            None => break,
        }
    }
    if count == 0 {
        return if comma {
            role_of_body_before(head)
        } else {
            None
        };
    }
    let role = head[role_from..].to_string();
    let cut = word_start_before(rest, |c| c.is_ascii_alphanumeric() || c == '\'' || c == '’');
    let owner = &rest[cut..];
    let possessive = [
        "its",
        "our",
        "their",
        "company's",
        "company’s",
        "firm's",
        "firm’s",
    ]
    .iter()
    .any(|w| owner.eq_ignore_ascii_case(w));
    if possessive {
        return Some((role, None, Some(owner)));
    }
    // "Suryavarta's chief executive officer, Arvind Kollur", "Bihan's block
    // project manager, X": a capitalised possessive owns the role (up to
    // two more lower-case words of it before the role words).
    let mut from = role_from;
    let mut r = rest;
    for _ in 0..3 {
        let c = word_start_before(r, |c| {
            c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
        });
        let w = &r[c..];
        let owner_word = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
        if let Some(o) = owner_word
            && o.starts_with(|c: char| c.is_uppercase())
        {
            return Some((head[from..].to_string(), None, Some(w)));
        }
        if w.is_empty() || !w.bytes().all(|b| b.is_ascii_lowercase()) {
            break;
        }
        from = c;
        match r[..c].strip_suffix(' ') {
            Some(x) => r = x,
            None => break,
        }
    }
    if comma {
        return None;
    }
    // "(AEDOL) chairman": the acronym in parentheses.
    let owner = match rest.strip_suffix(')') {
        Some(r) => r.rfind('(').map_or(owner, |i| &r[i + 1..]),
        None => owner,
    };
    let acronym = owner
        .strip_suffix("'s")
        .or_else(|| owner.strip_suffix("’s"))
        .unwrap_or(owner);
    if is_acronym(acronym) && !GAZETTEER.contains(acronym) {
        return Some((role, Some(acronym.to_string()), None));
    }
    // A capitalised word before the role names an organisation that was
    // not made out ("Small Tanners' Association member"): the role is not
    // the article's main organisation's.
    if owner.starts_with(|c: char| c.is_uppercase()) {
        return Some((role, None, Some("")));
    }
    Some((role, None, None))
}

/// Splits "head of Competence Exports" into role and organisation.
fn split_role_org(phrase: &str) -> (String, Option<String>) {
    // The separators in the order they come ("deputy director in the
    // state's Directorate of Textiles": "in", not "of").
    let mut seps: Vec<(usize, &str)> = [" of ", " at ", " in ", " for "]
        .iter()
        .filter_map(|sep| phrase.find(sep).map(|i| (i, *sep)))
        .collect();
    seps.sort_unstable();
    for (i, sep) in seps {
        {
            let tail = &phrase[i + sep.len()..];
            let tail = tail.strip_prefix("the ").unwrap_or(tail);
            // "the state's Directorate of Textiles", "M/s Sharma Castings".
            let tail = [
                "state's ",
                "state’s ",
                "country's ",
                "country’s ",
                "M/s ",
                "M/s. ",
            ]
            .iter()
            .find_map(|p| tail.strip_prefix(p))
            .unwrap_or(tail);
            // "of the District Industries Centre in Ramanagara": where the
            // body is, is no part of its name.
            let tail = match sep {
                " in " => tail,
                _ => tail.split(" in ").next().unwrap_or(tail),
            };
            // "of Kolkata-based Lotus Tanners": the place is no part of the name.
            let tail = match tail.split_once(' ') {
                Some((first, rest)) if first.to_lowercase().ends_with("-based") => rest,
                _ => tail,
            };
            if ends_with_ignore_case(tail, "-based") {
                // "managing director of Kolkata-based" (the name cut off):
                // the role alone.
                if !tail.contains(' ') {
                    return (phrase[..i].to_string(), None);
                }
                continue;
            }
            // (Connectors inside the name: "Tigiria Tie and Dye Weavers'
            // Cooperative Society", "Directorate of Textiles".)
            let words: Vec<&str> = tail.split_whitespace().collect();
            if words.first().is_some_and(|w| is_capitalised(w))
                && words.last().is_some_and(|w| is_capitalised(w))
                && words
                    .iter()
                    .all(|w| is_capitalised(w) || matches!(*w, "and" | "of" | "for" | "&"))
                && !GAZETTEER.contains(tail)
            {
                return (phrase[..i].to_string(), Some(tail.to_string()));
            }
        }
    }
    // "President Morbi Ceramics Association": a capitalised role title,
    // then the organisation.
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let r = words
        .iter()
        .take_while(|w| ROLE_HEADS_SET.contains(w) || ROLE_MODIFIERS_SET.contains(w))
        .count();
    if r > 0
        && r < words.len()
        && words.first().is_some_and(|w| is_capitalised(w))
        && ROLE_HEADS_SET.contains(words[r - 1])
        && words[r..].iter().all(|w| is_capitalised(w))
        && !GAZETTEER.contains_words(&words[r..])
    {
        return (words[..r].join(" "), Some(words[r..].join(" ")));
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
    // (Not "..., Mineral Resources Minister Ramprasad Kanwar said": a title
    // and a name.)
    let titled = words
        .iter()
        .any(|w| ROLE_HEADS_SET.contains(w.to_ascii_lowercase().as_str()));
    if words.iter().any(|w| SPEECH_SET.contains(w))
        || titled
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
    // A headline in title case ("BJP Fails Majority In Rajya Sabha") names
    // no body: prepositions and verbs in capitals.
    if words.iter().skip(1).any(|w| {
        matches!(
            *w,
            "In" | "On" | "To" | "With" | "At" | "Is" | "Are" | "Can" | "Will" | "Be" | "As"
        )
    }) {
        return None;
    }
    if words.len() >= 2 && ORG_HEADS_SET.contains(last) {
        let lower_last = last.to_lowercase();
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
    if words.len() >= 3 && ORG_FIRST_SET.contains(first) && words[1] == "of" {
        return Some(false);
    }
    // "State Bank of India", "Tea Board of India", "National Stock
    // Exchange of India": a head, "of", a name.
    if words.len() >= 4
        && words[1..words.len() - 1]
            .iter()
            .zip(&words[2..])
            .any(|(h, o)| {
                *o == "of"
                    && matches!(
                        *h,
                        "Bank"
                            | "Chamber"
                            | "Chambers"
                            | "Federation"
                            | "Confederation"
                            | "Association"
                            | "Council"
                            | "Corporation"
                            | "Board"
                            | "Authority"
                            | "Commission"
                            | "Institute"
                            | "Bureau"
                            | "Society"
                            | "Trust"
                            | "Exchange"
                    )
            })
    {
        return Some(false);
    }
    None
}

fn programme_of_run(words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    words.len() >= 2 && PROGRAMME_SET.contains(last)
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// Finds candidates in the masked text; also returns where "cluster" stands.
#[allow(clippy::type_complexity)]
fn candidates(
    text: &str,
    sc: &Scan,
) -> (
    Vec<Candidate>,
    Vec<Range<usize>>,
    Vec<Range<usize>>,
    Vec<Range<usize>>,
) {
    let (toks, lines) = (&sc.toks[..], &sc.lines[..]);
    let mut out: Vec<Candidate> = Vec::new();
    // Places too small for the gazetteer, made out from the words around.
    let mut local_places: Vec<Range<usize>> = Vec::new();
    // A title with its short form in brackets, waiting for the name after
    // it: (where the name starts, the title).
    let mut titled: Option<(usize, String)> = None;
    let mut line_at = 0;
    let mut words: Vec<&str> = Vec::with_capacity(16);
    for run in runs(text, toks) {
        // Trim leading stop words and sentence openers.
        let mut first = run.first;
        while first < run.last && is_stop(word(text, &toks[first])) {
            first += 1;
        }
        // "Daughter Simran Kaur Sethi is director": a kinship word opening
        // the sentence is no part of the name.
        // (Only before a name: "Mother Dairy Fruit & Vegetable Pvt Ltd" keeps
        // its first word.)
        if run.last - first >= 3 && is_kin(word(text, &toks[first])) && {
            let rest: Vec<&str> = toks[first + 1..run.last]
                .iter()
                .map(|t| word(text, t))
                .collect();
            valid_name(&rest, false)
        } {
            first += 1;
        }
        if first >= run.last {
            continue;
        }
        let last = run.last;
        words.clear();
        words.extend(toks[first..last].iter().map(|t| word(text, t)));
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
        // "District Magistrate (DM) Arvind Kumar Chaudhary": the name after
        // a title and its short form.
        if titled.as_ref().is_some_and(|t| t.0 < start) {
            titled = None;
        }
        if titled.as_ref().is_some_and(|t| t.0 == start)
            && valid_name(&words, false)
            && let Some((_, role)) = titled.take()
        {
            let mut c = Candidate::new(EntityKind::Person, name, start, end);
            // (A district's or a block's officer serves no company.)
            c.org_from_context = !role
                .split_whitespace()
                .any(|w| PUBLIC_ROLES_SET.contains(w))
                && !government_post(&role);
            c.role = Some(role);
            out.push(c);
            continue;
        }
        if words.len() <= 4
            && words.last().is_some_and(|w| ROLE_HEADS_SET.contains(w))
            && let Some(rest) = text[toks[last - 1].full_end..].strip_prefix(" (")
            && let Some(p) = rest.find(") ")
            && (2..=6).contains(&p)
            && rest[..p].bytes().all(|b| b.is_ascii_uppercase())
        {
            titled = Some((toks[last - 1].full_end + 2 + p + 2, name.to_string()));
            continue;
        }
        // "GUWAHATI: ...": a dateline in capitals at the start of a line
        // names a place the gazetteer knows in title case.
        let dateline_mark = {
            let rest = &text[toks[last - 1].full_end..];
            rest.starts_with(':')
                || rest.strip_prefix(", ").is_some_and(|r| {
                    r.starts_with(|c: char| c.is_ascii_digit())
                        || [
                            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                            "Nov", "Dec",
                        ]
                        .iter()
                        .any(|m| r.starts_with(m))
                })
        };
        if words.len() <= 3
            && dateline_mark
            && (start == 0 || text[..start].ends_with('\n'))
            && words
                .iter()
                .all(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_uppercase()))
        {
            let title: Vec<String> = words
                .iter()
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_string() + &c.as_str().to_ascii_lowercase())
                        .unwrap_or_default()
                })
                .collect();
            if GAZETTEER.contains(&title.join(" ")) {
                local_places.push(start..end);
                continue;
            }
        }
        // A news outlet named in the text ("told Business Standard").
        if names::is_outlet(name) {
            out.push(Candidate::new(EntityKind::Organization, name, start, end));
            continue;
        }
        // "Hajipur Industrial Area", "Ranipet Industrial Estate": a place
        // (and "of Vaishali" after it is read on its own).
        if let Some(k) = (1..words.len()).find(|&k| {
            words[k - 1] == "Industrial"
                && matches!(words[k], "Area" | "Estate" | "Park" | "Corridor")
        }) {
            local_places.push(start..toks[first + k].end);
            if k + 2 < words.len() && words[k + 1] == "of" {
                let tail = first + k + 2;
                let prev = prev_word(text, toks, tail);
                if let Some(r) = local_place(text, toks, tail, last, prev, &words[k + 2..]) {
                    local_places.push(r);
                }
            }
            continue;
        }
        // Runs come in text order: the line cursor only moves on.
        while line_at < lines.len() && lines[line_at].0 <= start {
            line_at += 1;
        }
        let title_line = line_at > 0 && lines[line_at - 1].1;
        let after = &text[toks[last - 1].full_end..];
        let next_tok = toks.get(last).map(|t| word(text, t));
        let prev = prev_word(text, toks, first);
        let prev_based = first > 0 && toks[first - 1].based && prev.is_some_and(|(_, g)| g == " ");

        // "Savitri Lodhi of Bamhori Renguwa village received ...", "Mohd Irfan
        // Khan of Rahatgarh got ...": a name, "of", and where the person
        // lives (a known place, or one that "village" follows).
        if !title_line
            && let Some(k) = words.iter().position(|w| *w == "of")
            && (2..=4).contains(&k)
            && (1..=3).contains(&(words.len() - k - 1))
            && valid_name(&words[..k], false)
        {
            let home = &words[k + 1..];
            let home_start = toks[first + k + 1].start;
            let village = [" village", " district", " block"]
                .iter()
                .any(|v| after.starts_with(v));
            let next_is_verb = after
                .strip_prefix(' ')
                .and_then(|a| a.split(' ').next())
                .is_some_and(|w| {
                    w.bytes().all(|b| b.is_ascii_lowercase())
                        && !matches!(w, "and" | "of" | "in" | "the" | "for")
                })
                || after.starts_with(',');
            let known = GAZETTEER.contains(&text[home_start..end]);
            if (known && next_is_verb || village) && home.iter().all(|w| is_capitalised(w)) {
                let ne = toks[first + k - 1].end;
                out.push(Candidate::new(
                    EntityKind::Person,
                    &text[start..ne],
                    start,
                    ne,
                ));
                if !known {
                    local_places.push(home_start..end);
                }
                continue;
            }
        }

        // Programmes and events ("Textile and Apparel Policy 2024": an
        // "and" inside, the year after).
        if !title_line && programme_of_run(&words) {
            let s = joined_start(text, start, false).unwrap_or(start);
            if s < start {
                out.retain(|c| !(c.start >= s && c.end <= start));
            }
            let e = match toks.get(last) {
                Some(t) if next_tok.is_some_and(is_year) && &text[end..t.start] == " " => t.end,
                _ => end,
            };
            out.push(Candidate::new(EntityKind::Programme, &text[s..e], s, e));
            continue;
        }
        if !title_line
            && toks
                .get(last)
                .is_some_and(|t| &text[toks[last - 1].full_end..t.start] == " ")
            && next_tok.is_some_and(is_year)
            && !words.iter().all(|w| GAZETTEER.contains(w) || is_stop(w))
            && words.iter().all(|w| !STOP_SET.contains(w))
            && !words.iter().any(|w| ORG_HEADS_SET.contains(w))
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
        // "The Sangh now plans ...", "according to the Association": a
        // body's head word alone, after "the", is the body of that kind
        // named last.
        if words.len() == 1
            && prev.is_some_and(|(w, _)| w.eq_ignore_ascii_case("the"))
            && ORG_HEADS_SET.contains(words[0])
            && !company_core(words[0]).1
            && let Some(full) = org_by_head(&out, words[0], start)
        {
            let mut c = Candidate::new(EntityKind::Organization, name, start, end);
            c.alias = Some((full.name.clone(), "the body's head word alone", 0.8));
            out.push(c);
            continue;
        }
        // "the Pradhan Mantri Formalisation of ... Enterprises (PMFME)
        // scheme": the name of a scheme, with its short form.
        if !title_line
            && words.len() >= 2
            && let Some(rest) = after.strip_prefix(" (")
            && let Some(p) = rest.find(") ")
            && (2..=10).contains(&p)
            && rest[..p]
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'-')
            && rest[p + 2..]
                .split([' ', ',', '.'])
                .next()
                .is_some_and(|w| {
                    matches!(
                        w,
                        "scheme"
                            | "yojana"
                            | "mission"
                            | "programme"
                            | "program"
                            | "policy"
                            | "initiative"
                            | "abhiyan"
                    )
                })
        {
            out.push(Candidate::new(EntityKind::Programme, name, start, end));
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
        // "Lead District Manager Pradeep Kumar Sankhla of Marudhar Gramin
        // Bank": a title, a name and, after "of", the body, all in one run.
        if !title_line
            && let Some(of) = words.iter().position(|w| *w == "of")
            && of >= 2
            && of + 1 < words.len()
            && let Some(h) = (0..of - 1).rev().find(|&h| {
                ROLE_HEADS_SET.contains(words[h]) && valid_name(&words[h + 1..of], false)
            })
        {
            let (ns, ne) = (toks[first + h + 1].start, toks[first + of - 1].end);
            let os = toks[first + of + 1].start;
            let oname = &text[os..end];
            let mut o = Candidate::new(EntityKind::Organization, oname, os, end);
            o.company = org_kind_of_run(&words[of + 1..]).unwrap_or(true);
            let mut c = Candidate::new(EntityKind::Person, &text[ns..ne], ns, ne);
            c.role = Some(words[..=h].join(" "));
            c.org_hint = Some(oname.to_string());
            out.push(o);
            out.push(c);
            continue;
        }
        // "President Morbi Traders Association": the role is not part of
        // the name.
        let mut skip = 0;
        // (An all-capital "MP" in "MP Industrial Development Corporation"
        // is the state's short name, not a role.)
        while skip + 2 < words.len()
            && ROLE_HEADS_SET.contains(words[skip])
            && words[skip].bytes().any(|b| b.is_ascii_lowercase())
        {
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
        // "European Union": a place of the gazetteer, whatever its last word.
        if org.is_some()
            && GAZETTEER
                .lookup(name)
                .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region))
        {
            continue;
        }
        if let Some(company) =
            org.filter(|_| !title_line || words.len() >= 2 && company_core(name).1)
        {
            // "Tamil Nadu Fireworks and Amorces Manufacturers' Association":
            // a body's name may hold an "and".
            // A company whose name before the suffix is one word ("...
            // Tyres and Rubber Limited", "... Iron and Steel Co"): the words
            // before "and" are part of it.
            let one_word_core = company && company_core(name).0.split_whitespace().count() == 1;
            if (!company || one_word_core)
                && let Some(s) = joined_start(text, start, one_word_core)
            {
                out.retain(|c| !(c.start >= s && c.end <= start));
                out.push(Candidate::new(
                    EntityKind::Organization,
                    &text[s..end],
                    s,
                    end,
                ));
                continue;
            }
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
        let speech_after = next_tok.is_some_and(|w| SPEECH_SET.contains(w))
            && text[toks[last - 1].full_end..toks[last].start] == *" ";
        // People: a role title before the name. The title ends with the
        // last role head that leaves a valid name after it; what comes
        // before its role words is the office's portfolio ("Union MSME
        // Minister", "Bihar Industries Minister") or, for a role that is no
        // public office, the organisation ("SIDBI Chairman", "Lotus Mills
        // CEO").
        // ("Expert Member Dr Anjali Deshpande": an honorific may stand
        // between the title and the name.)
        let honorific_at = |i: usize| words.get(i).is_some_and(|w| is_honorific(w));
        let head = (0..words.len().saturating_sub(1)).rev().find(|&h| {
            ROLE_HEADS_SET.contains(words[h])
                && (valid_name(&words[h + 1..], speech_after)
                    || honorific_at(h + 1)
                        && valid_name(&words[(h + 2).min(words.len())..], speech_after))
        });
        let (role_len, lead) = match head {
            Some(h) => {
                let mut r = h;
                while r > 0 && is_role_word(words[r - 1]) {
                    r -= 1;
                }
                let public = PUBLIC_ROLES_SET.contains(words[h]);
                let portfolio = r > 0 && (ROLE_MODIFIERS_SET.contains(words[0]) || public);
                match (r, portfolio) {
                    (0, _) | (_, true) => (h + 1, 0),
                    (1..=4, false) => (h + 1, r),
                    _ => (0, 0),
                }
            }
            // A run of role words alone ("Our Managing Director, ...").
            None => (words.iter().take_while(|w| is_role_word(w)).count(), 0),
        };
        // "told X": X is the listener (a person or an outlet), not a cue.
        let speech_before = prev.is_some_and(|(w, g)| {
            SPEECH_SET.contains(w)
                && !matches!(w, "told" | "tells" | "informed" | "urged")
                && g == " "
        });
        if role_len > lead && role_len < words.len() && ROLE_HEADS_SET.contains(words[role_len - 1])
        {
            let skip = usize::from(honorific_at(role_len) && role_len + 1 < words.len());
            let name_words = &words[role_len + skip..];
            if valid_name(name_words, speech_after) {
                let ns = toks[first + role_len + skip].start;
                let role = words[lead..role_len].join(" ");
                let mut c = Candidate::new(EntityKind::Person, &text[ns..end], ns, end);
                c.surname_only = name_words.len() == 1;
                let our = prev.is_some_and(|(w, _)| w.eq_ignore_ascii_case("our"));
                let org = words[..lead].join(" ");
                if lead > 0 && !GAZETTEER.contains_words(&words[..lead]) {
                    c.org_hint = Some(org);
                } else {
                    c.org_from_context = our || !PUBLIC_ROLES_SET.contains(words[role_len - 1]);
                }
                c.role = Some(role);
                out.push(c);
                continue;
            }
        }
        // "Our Managing Director, Danesh Prasad,".
        if role_len == words.len() && ROLE_HEADS_SET.contains(words[role_len - 1]) {
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
        let honorific = prev.is_some_and(|(w, g)| is_honorific(w) && (g == " " || g == ". "));
        let role_after = role_phrase_after(text, toks[last - 1].full_end);
        let role_before = if role_after.is_none() && words.len() >= 2 {
            role_phrase_before(text, start)
        } else {
            None
        };
        // "Chief Justice H L Dattu and Amitava Roy": a full name joined to
        // the person named just before.
        let joined = words.len() >= 2
            && prev.is_some_and(|(w, g)| w == "and" && g == " ")
            && out.last().is_some_and(|o| {
                o.kind == EntityKind::Person
                    && !o.surname_only
                    && text.get(o.end..toks[first - 1].start) == Some(" ")
            });
        // "younger son Amandeep Singh Bhamra heads ...".
        let kin = words.len() >= 2 && prev.is_some_and(|(w, g)| g == " " && is_kin(w));
        // "Sagar Koli, who minds eight looms ...", "Kavita Juneja, whose
        // firm ...": a relative "who" or "whose"; "Kunal Varshney, 31, ...":
        // an age.
        let who = words.len() >= 2
            && (after.starts_with(", who ")
                || after.starts_with(" who ")
                || after.starts_with(", whose "));
        let aged = words.len() >= 2
            && after.strip_prefix(", ").is_some_and(|a| {
                let n = a.bytes().take_while(u8::is_ascii_digit).count();
                (1..=3).contains(&n) && a[n..].starts_with(',')
            });
        let cue = who
            || aged
            || speech_after
            || speech_before
            || honorific
            || joined
            || kin
            || role_after.is_some()
            || role_before.is_some();
        if cue && valid_name(&words, speech_after || speech_before) {
            let mut c = Candidate::new(EntityKind::Person, name, start, end);
            c.surname_only = words.len() == 1;
            if let Some((role, org, owner)) = role_before {
                let public = role
                    .split_whitespace()
                    .any(|w| PUBLIC_ROLES_SET.contains(w));
                c.role = Some(role);
                // "its director": the organisation named last before.
                let last_org = || {
                    out.iter()
                        .rev()
                        .find(|o| o.kind == EntityKind::Organization && o.end <= start)
                        .map(|o| o.name.clone())
                };
                // "Godavari Aqua Foods managing director V. S. Raju": the
                // organisation named right before the role.
                // (Past an honorific: "chairman Shri X".)
                let upto = without_honorific(&text[..start]).len();
                let role_start = upto
                    .checked_sub(1 + c.role.as_deref().map_or(0, str::len))
                    .filter(|&rs| text.get(rs..upto - 1) == c.role.as_deref());
                let named_before = || {
                    let rs = role_start?;
                    let before = text.get(..rs.checked_sub(1)?)?;
                    // "Forum president X": the body of that kind named last.
                    let last_word = &before[word_start_before(before, char::is_alphanumeric)..];
                    if ORG_HEADS_SET.contains(last_word)
                        && let Some(o) = org_by_head(&out, last_word, rs)
                    {
                        return Some(o.name.clone());
                    }
                    if let Some(o) = out
                        .iter()
                        .rev()
                        .find(|o| o.kind == EntityKind::Organization && o.end + 1 == rs)
                    {
                        return Some(o.name.clone());
                    }
                    // "Nila Cashews managing director": a company named
                    // before with its suffix.
                    let mut ws = before.len();
                    for _ in 0..4 {
                        let w0 = word_start_before(&before[..ws], |c| c.is_alphanumeric());
                        let w = &before[w0..ws];
                        if w.is_empty() || !is_capitalised(w) {
                            break;
                        }
                        let cand = company_core(&before[w0..]).0;
                        if let Some(o) = out.iter().rev().find(|o| {
                            o.kind == EntityKind::Organization
                                && o.company
                                && company_core(&o.name).0 == cand
                        }) {
                            return Some(o.name.clone());
                        }
                        if w0 == 0 || !before[..w0].ends_with(' ') {
                            break;
                        }
                        ws = w0 - 1;
                    }
                    None
                };
                // "Suryavarta's chief executive officer": the organisation
                // whose name starts with that word.
                let owned_by = |w: &str| {
                    let o = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"))?;
                    out.iter()
                        .rev()
                        .find(|c| {
                            c.kind == EntityKind::Organization
                                && c.end <= start
                                && c.name.split(' ').next() == Some(o)
                        })
                        .map(|c| c.name.clone())
                };
                // ("Its president" at a sentence's start is no such owner.)
                let capital_owner = owner.is_some_and(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        && (w.ends_with("'s") || w.ends_with("’s"))
                });
                // ("Forum president": a body's head word before a public
                // title names the body.)
                let body_before = role_start
                    .and_then(|rs| text.get(..rs.checked_sub(1)?))
                    .is_some_and(|b| {
                        ORG_HEADS_SET.contains(&b[word_start_before(b, char::is_alphanumeric)..])
                    });
                // (An acronym before the role names the body even for a
                // public title: "RSPCB member secretary X".)
                let org = org.or_else(|| match owner {
                    Some("") if !public || body_before => named_before(),
                    Some(w) if capital_owner => owned_by(w),
                    Some(w) if !w.is_empty() && !w.eq_ignore_ascii_case("our") => last_org(),
                    _ => None,
                });
                c.org_from_context = org.is_none()
                    && !capital_owner
                    && match owner {
                        Some(w) => !w.is_empty(),
                        None => !public,
                    };
                c.org_hint = org;
            }
            if let Some((phrase, pend)) = role_after.filter(|_| words.len() >= 2) {
                let (mut role, mut org) = split_role_org(&phrase);
                // "president of the association": the body of that kind
                // named last.
                // "X, the current LCMF president": the acronym is the body.
                if org.is_none()
                    && let Some(acr) = role
                        .split(' ')
                        .find(|w| is_acronym(w) && !GAZETTEER.contains(w))
                {
                    org = Some(acr.to_string());
                    role = role
                        .split(' ')
                        .filter(|w| *w != acr)
                        .collect::<Vec<_>>()
                        .join(" ");
                }
                // ("managing partner of the firm": the company named last.)
                if org.is_none()
                    && let Some((r, rest)) = phrase.split_once(" of the ")
                    && let Some(head) = rest.split(' ').next()
                    && (head.len() == rest.len() || matches!(head, "firm" | "company"))
                    && let Some(o) = if matches!(head, "firm" | "company") {
                        out.iter().rev().find(|o| {
                            o.kind == EntityKind::Organization && o.end <= start && o.company
                        })
                    } else {
                        org_by_head(&out, head, start)
                    }
                {
                    org = Some(o.name.clone());
                    role = r.to_string();
                }
                let public = role
                    .split_whitespace()
                    .any(|w| PUBLIC_ROLES_SET.contains(w));
                // "a senior resident and journalist" says what the person
                // is, not whom they work for.
                let occupation = !role.split_whitespace().any(|w| ROLE_HEADS_SET.contains(w));
                // "managing director of Jumbo Fireworks": the organisation
                // is one of the article's, also with no company suffix.
                // (Looked for a little past the phrase: "an exporter who
                // owns Mahanadi Handicrafts".)
                let mut window_end = (pend + 120).min(text.len());
                while !text.is_char_boundary(window_end) {
                    window_end -= 1;
                }
                if let Some(o) = &org
                    && let Some(ps) = pend.checked_sub(phrase.len())
                    && let Some(k) = text.get(ps..window_end).and_then(|p| p.find(o.as_str()))
                {
                    let os = ps + k;
                    let pend = os + o.len();
                    let ow: Vec<&str> = o.split_whitespace().collect();
                    let mut oc = Candidate::new(EntityKind::Organization, o, os, pend);
                    oc.company = org_kind_of_run(&ow).unwrap_or(true);
                    out.push(oc);
                }
                let post = government_post(&role);
                c.role = Some(role);
                c.org_hint = org.or_else(|| org_run_after(text, toks, pend).map(|o| o.0));
                c.org_from_context = c.org_hint.is_none() && !public && !occupation && !post;
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
            && after.starts_with(" (")
            && words[0].chars().filter(|c| c.is_uppercase()).count() >= 2
            && words[0].chars().count() >= 3
        {
            let inner_start = toks[last - 1].full_end + 2;
            if let Some(p) = text[inner_start..].find(')') {
                let inner = &text[inner_start..inner_start + p];
                let iw: Vec<&str> = inner.split_whitespace().collect();
                if org_kind_of_run(&iw).is_some() || programme_of_run(&iw) {
                    let mut c = Candidate::new(EntityKind::Organization, name, start, end);
                    c.alias = Some((inner.to_string(), "name in parentheses", 0.85));
                    out.push(c);
                    continue;
                }
            }
        }
        // A name no rule took: a place when the words around say so.
        if words.len() <= 3
            && let Some(r) = local_place(text, toks, first, last, prev, &words)
        {
            local_places.push(r);
        }
    }
    // "The Sangh now plans ...", "according to the Association": a body's
    // head word alone is the body of that kind named last before it.
    for i in 0..out.len() {
        let c = &out[i];
        if c.kind != EntityKind::Organization
            || c.alias.is_some()
            || c.name.contains(' ')
            || !ORG_HEADS_SET.contains(&c.name)
            || company_core(&c.name).1
        {
            continue;
        }
        let full = org_by_head(&out[..i], &c.name, c.start).map(|f| f.name.clone());
        if let Some(f) = full {
            out[i].alias = Some((f, "the body's head word alone", 0.8));
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
        if let Some(rest) = after
            .strip_prefix(" (")
            .or_else(|| after.strip_prefix("\n("))
            && let Some(p) = rest.find(')')
        {
            let inner = &rest[..p];
            let acr = inner.replace(['-', '&', '.'], "");
            // "Board of Investment (BoI)": the capitals of a mixed-case
            // acronym are the name's initials.
            let capitals: String = acr.chars().filter(char::is_ascii_uppercase).collect();
            let mixed = acr.len() <= 6
                && capitals.len() >= 2
                && acr.starts_with(|ch: char| ch.is_ascii_uppercase())
                && acr.chars().all(|ch| ch.is_ascii_alphabetic())
                && names::initials(&c.name) == capitals;
            if mixed
                || acr.len() >= 2
                    && acr.len() <= 10
                    && acr
                        .chars()
                        .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())
            {
                let matches_initials = mixed || names::initials(&c.name).contains(&acr);
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
    let anchors = Anchors::find(text, &sc.anchor_starts);
    for m in anchored(&ARMED, text, &anchors.armed, 64, 4) {
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
    // Place + government ("Bihar government", "the Uttar Pradesh cabinet").
    let government: Vec<Range<usize>> = anchors
        .government
        .iter()
        .filter(|a| government_may_match(text.as_bytes(), a))
        .cloned()
        .collect();
    for m in anchored(&GOVERNMENT, text, &government, 100, 4) {
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
    for m in anchored(&AGENCY, text, &anchors.agency, 120, 40) {
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
    (out, anchors.cluster, anchors.industry, local_places)
}

/// One entity while it is being built.
#[derive(Clone, Debug)]
struct Group {
    kind: EntityKind,
    /// Surface names with their mention count.
    names: BTreeMap<String, usize>,
    /// Reasons for non-canonical names.
    reasons: FxMap<String, (String, f64)>,
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
            reasons: FxMap::default(),
            mentions: Vec::new(),
            role: None,
            org_hint: None,
            org_from_context: false,
            company: false,
            first: c.start,
        }
    }

    fn add_name(&mut self, name: &str, reason: Option<(&str, f64)>) {
        if !self.names.contains_key(name) {
            self.names.insert(name.to_string(), 0);
        }
        if let Some((r, conf)) = reason
            && !self.reasons.contains_key(name)
        {
            self.reasons.insert(name.to_string(), (r.to_string(), conf));
        }
    }

    /// The fullest name: most words, then most mentions, then capitalised,
    /// then longest.
    fn canonical(&self) -> String {
        type Rank = (usize, usize, bool, usize);
        let mut best: Option<(&String, Rank)> = None;
        for (n, count) in &self.names {
            let (mut words, mut caps) = (0usize, 0usize);
            if n.is_ascii() {
                // The white space of `split_whitespace` in ASCII.
                let mut in_word = false;
                for &b in n.as_bytes() {
                    let space = matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
                    if !space && !in_word {
                        words += 1;
                        caps += usize::from(b.is_ascii_uppercase());
                    }
                    in_word = !space;
                }
            } else {
                for w in n.split_whitespace() {
                    words += 1;
                    caps += usize::from(is_capitalised(w));
                }
            }
            let key = (words, *count, caps == words, n.len());
            if best.as_ref().is_none_or(|(_, k)| key > *k) {
                best = Some((n, key));
            }
        }
        best.map(|b| b.0.clone()).unwrap_or_default()
    }
}

/// The organisation key of a company core: the core, with "X army" /
/// "X military" ... made "X armed forces".
fn org_key_of_core(core: &str) -> String {
    if let Some((nat, force)) = core.split_once(' ')
        && matches!(force, "army" | "military" | "armed" | "forces")
    {
        return format!("{nat} armed forces");
    }
    // "Government of Madhya Pradesh" is the "Madhya Pradesh government".
    if let Some(place) = core.strip_prefix("government of ") {
        return format!("{place} government");
    }
    core.to_string()
}

/// Company core, suffix flag and organisation key of a name.
type OrgNames = (String, bool, String);

/// The [`company_core`] and organisation key of each name of one article,
/// worked out once per name (the map gives the place in the list).
#[derive(Default)]
struct OrgKeys(FxMap<String, usize>, Vec<OrgNames>);

impl OrgKeys {
    /// The place of `name` in the list, worked out when new.
    fn index(&mut self, name: &str) -> usize {
        if let Some(&i) = self.0.get(name) {
            return i;
        }
        let (core, suffix) = company_core(name);
        let key = org_key_of_core(&core);
        let i = self.1.len();
        self.1.push((core, suffix, key));
        self.0.insert(name.to_string(), i);
        i
    }

    fn get(&mut self, name: &str) -> &OrgNames {
        let i = self.index(name);
        &self.1[i]
    }

    /// The organisation key of `name`: its company core, with armed
    /// forces of one nation brought together.
    fn key(&mut self, name: &str) -> String {
        self.get(name).2.clone()
    }
}

fn reason_between(keys: &mut OrgKeys, kind: EntityKind, a: &str, b: &str) -> (&'static str, f64) {
    if a.eq_ignore_ascii_case(b) {
        return ("case variant", 0.99);
    }
    if kind == EntityKind::Organization {
        let (ia, ib) = (keys.index(a), keys.index(b));
        let ((ca, sa, ka), (cb, sb, kb)) = (&keys.1[ia], &keys.1[ib]);
        if ca == cb && (*sa || *sb) {
            return ("company suffix variant", 0.95);
        }
        if ka == kb {
            return ("armed forces of one nation (army / military)", 0.8);
        }
    }
    ("same name", 0.9)
}

/// Word starts: every token's start and every place after a hyphen or an
/// apostrophe inside one, in text order.
fn word_starts(text: &str, toks: &[Tok]) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len() + 8);
    for t in toks {
        if t.end == t.start + 1 && text.as_bytes()[t.start] == b'&' {
            continue;
        }
        out.push(t.start);
        if t.joined {
            let mut i = t.start;
            while i < t.full_end {
                let e = word_end(text, i);
                if e >= t.full_end {
                    break;
                }
                // Skip the joiner.
                let j = e + text[e..].chars().next().map_or(1, char::len_utf8);
                if j < t.full_end {
                    out.push(j);
                }
                i = j;
            }
        }
    }
    out
}

/// Whole-word, case-sensitive occurrences of `patterns` (sorted, unique
/// names) in `text`, trying each word start in `starts`, leftmost first and
/// longest at each place, without overlaps: (start, end, pattern index).
#[inline(never)]
fn find_names(text: &str, sc: &Scan, patterns: &[(String, usize)]) -> Vec<(usize, usize, usize)> {
    // Patterns by their first word, longest first (then in order): the
    // indices sorted so, with the range of each first word.
    let mut order: Vec<(&str, usize)> = Vec::with_capacity(patterns.len());
    let mut first_bytes = [false; 256];
    // A bit per [`first_word_hash`] of the first words.
    let mut first_bits = [0u64; 64];
    for (i, (p, _)) in patterns.iter().enumerate() {
        let e = word_end(p, 0);
        if e == 0 {
            continue;
        }
        first_bytes[usize::from(p.as_bytes()[0])] = true;
        let h = first_word_hash(&p.as_bytes()[..e]) & 4095;
        first_bits[h / 64] |= 1 << (h % 64);
        order.push((&p[..e], i));
    }
    order.sort_unstable_by(|a, b| {
        a.0.cmp(b.0)
            .then(patterns[b.1].0.len().cmp(&patterns[a.1].0.len()))
            .then(a.1.cmp(&b.1))
    });
    let mut by_first: FxMap<&str, Range<usize>> =
        FxMap::with_capacity_and_hasher(order.len(), Default::default());
    let mut k = 0;
    while k < order.len() {
        let first = order[k].0;
        let mut e = k + 1;
        while e < order.len() && order[e].0 == first {
            e += 1;
        }
        by_first.insert(first, k..e);
        k = e;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut taken_to = 0;
    // When every name starts with an ASCII capital, only the words that do
    // need trying.
    let all_upper = patterns
        .iter()
        .all(|(p, _)| p.as_bytes().first().is_some_and(u8::is_ascii_uppercase));
    let words: Box<dyn Iterator<Item = (usize, usize)>> = if all_upper {
        Box::new(sc.upper_words())
    } else {
        Box::new(
            word_starts(text, &tokenize(text))
                .into_iter()
                .map(|s| (s, word_end(text, s))),
        )
    };
    for (pos, w_end) in words {
        if pos < taken_to || !first_bytes[usize::from(bytes[pos])] {
            continue;
        }
        let h = first_word_hash(&bytes[pos..w_end]) & 4095;
        if first_bits[h / 64] & (1 << (h % 64)) == 0 {
            continue;
        }
        let Some(range) = by_first.get(&text[pos..w_end]) else {
            continue;
        };
        for &(_, i) in &order[range.clone()] {
            let p = patterns[i].0.as_bytes();
            let end = pos + p.len();
            if bytes[pos..].starts_with(p) && !word_char_at(text, end) {
                out.push((pos, end, i));
                taken_to = end;
                break;
            }
        }
    }
    out
}

/// Indian cities renamed in recent decades whose old names news still uses:
/// (former name, present name).
const RENAMED_CITIES: &[(&str, &str)] = &[
    ("Bombay", "Mumbai"),
    ("Madras", "Chennai"),
    ("Calcutta", "Kolkata"),
    ("Bangalore", "Bengaluru"),
    ("Mysore", "Mysuru"),
    ("Mangalore", "Mangaluru"),
    ("Allahabad", "Prayagraj"),
    ("Gurgaon", "Gurugram"),
    ("Baroda", "Vadodara"),
    ("Poona", "Pune"),
    ("Trivandrum", "Thiruvananthapuram"),
    ("Cochin", "Kochi"),
    ("Tuticorin", "Thoothukudi"),
    ("Benares", "Varanasi"),
    ("Pondicherry", "Puducherry"),
    ("Orissa", "Odisha"),
    ("Cawnpore", "Kanpur"),
    ("Belgaum", "Belagavi"),
    ("Hubli", "Hubballi"),
    ("Gulbarga", "Kalaburagi"),
];

/// Titles of address written before a name.
const HONORIFICS: [&str; 8] = ["Mr", "Mrs", "Ms", "Dr", "Shri", "Smt", "Sh", "Prof"];

/// True for a title of address ("Dr", "Shri").
fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(&w)
}

/// `before` (the text up to a name) without the honorific it ends with
/// ("chairman Shri ", "Smt. "), if any.
fn without_honorific(before: &str) -> &str {
    let Some(b) = before.strip_suffix(' ') else {
        return before;
    };
    let w0 = word_start_before(b, |c| c.is_ascii_alphabetic() || c == '.');
    if is_honorific(b[w0..].trim_end_matches('.')) {
        &before[..w0]
    } else {
        before
    }
}

/// The organisation of more than one word named last before `before` whose
/// last word is `head` in any case ("Forum" -> "Ludhiana Hosiery Exporters'
/// Forum").
fn org_by_head<'a>(out: &'a [Candidate], head: &str, before: usize) -> Option<&'a Candidate> {
    out.iter().rev().find(|o| {
        o.kind == EntityKind::Organization
            && o.end <= before
            && o.name.contains(' ')
            && o.name
                .rsplit(' ')
                .next()
                .is_some_and(|l| l.eq_ignore_ascii_case(head))
    })
}

/// A word of family before a person's name ("son", "Daughter").
fn is_kin(w: &str) -> bool {
    [
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "father",
        "mother",
        "nephew",
        "niece",
        "grandson",
        "granddaughter",
        "son-in-law",
        "daughter-in-law",
        "cousin",
        "uncle",
        "aunt",
    ]
    .iter()
    .any(|k| w.eq_ignore_ascii_case(k))
}

/// True for a post in a district's, a block's or a department's office
/// ("Senior Agriculture Development Officer", "Block Development Officer"):
/// its holder serves no company named in the article.
fn government_post(role: &str) -> bool {
    role.split_whitespace().any(|w| {
        [
            "district",
            "block",
            "circle",
            "divisional",
            "municipal",
            "panchayat",
            "police",
            "revenue",
            "forest",
            "agriculture",
            "tehsil",
            "collectorate",
        ]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// The words before " and " in a company's name with a suffix, when there
/// are at least two: "Doaba Tyres" of "Doaba Tyres and Rubber Limited".
fn joined_head(name: &str) -> Option<String> {
    if !names::has_company_suffix(name) {
        return None;
    }
    let (head, _) = name.split_once(" and ")?;
    (head.split_whitespace().count() >= 2).then(|| head.to_string())
}

/// A word that ends a company's name ("Ltd", "Limited", "Inc."): the last
/// word of one of [`names::COMPANY_SUFFIXES`].
fn is_company_suffix_word(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    names::COMPANY_SUFFIXES
        .iter()
        .any(|s| s.last().is_some_and(|last| *last == w))
}

/// Where the capitalised words before " and " at `start` begin ("Tamil
/// Nadu Fireworks and ..."): one to four of them, the last no
/// organisation's head (two bodies are named apart: "Tata Steel Ltd and
/// ..."), none a person's role. With `one_word_company` (the run after
/// "and" is a company whose name before its suffix is one word: "... Steel
/// and Power Ltd") the last may be a head word, but no company suffix.
fn joined_start(text: &str, start: usize, one_word_company: bool) -> Option<usize> {
    let before = text[..start].strip_suffix(" and ")?;
    let mut s = before.len();
    let mut found = None;
    for n in 0..4 {
        let ws = word_start_before(&before[..s], |c| c.is_alphanumeric() || c == '-');
        let w = &before[ws..s];
        if w.is_empty()
            || !is_capitalised(w)
            || is_stop(w)
            || ROLE_HEADS_SET.contains(w)
            || n == 0
                && (company_core(w).1
                    || is_company_suffix_word(w)
                    || !one_word_company && ORG_HEADS_SET.contains(w))
        {
            break;
        }
        found = Some(ws);
        if ws == 0 || !before[..ws].ends_with(' ') {
            break;
        }
        s = ws - 1;
    }
    // "Japan and European Union countries": a place and a body; but
    // "Punjab and Haryana High Court": two places that name one body.
    let place_after = {
        let rest = &text[start..];
        let first = &rest[..rest.find(' ').unwrap_or(rest.len())];
        GAZETTEER.contains(first)
    };
    found.filter(|&ws| place_after || !GAZETTEER.contains(&before[ws..]))
}

/// Suffixes after a place's name that make it a place: "Vaishali
/// district", "Bramhapur area of Buxar", "Patliputra industrial area".
const PLACE_AFTER: [(&str, bool); 10] = [
    // (the words after the name, whether they are part of the place's name)
    (" district", false),
    (" District", false),
    (" village", false),
    (" tehsil", false),
    (" block", false),
    (" taluk", false),
    (" taluka", false),
    (" block of ", false),
    (" area of ", false),
    (" industrial area", true),
];

/// A place that the gazetteer does not know, made out from the words around
/// the capitalised run `toks[first..last]` (no other rule took it): a
/// suffix such as "district" or "area of"; "Patna's Daniyawan" (the
/// possessive of a known place); "at Joran Chhapra in Muzaffarpur" (a
/// known place after "in" or a comma).
fn local_place(
    text: &str,
    toks: &[Tok],
    first: usize,
    last: usize,
    prev: Option<(&str, &str)>,
    words: &[&str],
) -> Option<Range<usize>> {
    // "Manik Chowk", "Gautam Buddh Nagar", "Peetal Basti": a locality by the
    // word that ends its name.
    if (2..=4).contains(&words.len())
        && words.last().is_some_and(|w| {
            matches!(
                *w,
                "Chowk"
                    | "Nagar"
                    | "Ganj"
                    | "Bazar"
                    | "Bazaar"
                    | "Basti"
                    | "Mohalla"
                    | "Colony"
                    | "Puram"
                    | "Peth"
            )
        })
    {
        return Some(toks[first].start..toks[last - 1].end);
    }
    // Most runs have none of the words around that this looks for.
    let after = &text[toks[last - 1].end..];
    let ab = after.as_bytes();
    let suffix = match ab.first() {
        Some(b',') => ab.get(1) == Some(&b' ') && matches!(ab.get(2), Some(b'a' | b'i')),
        Some(b' ') => {
            matches!(
                ab.get(1),
                Some(b'd' | b'D' | b'v' | b't' | b'b' | b'a' | b'i')
            ) && PLACE_AFTER.iter().any(|(s, _)| after.starts_with(s))
        }
        _ => false,
    };
    let start0 = toks[first].start;
    let possessive_before = start0 >= 2 && text.as_bytes().get(start0 - 2..start0) == Some(b"s ");
    let context = suffix
        || possessive_before
        || prev.is_some_and(|(w, g)| matches!(w, "at" | "in" | "near") && g == " ");
    if !context
        || words.len() > 3
        || !words.iter().all(|w| {
            is_capitalised(w)
                && w.chars().all(char::is_alphabetic)
                && !is_stop(w)
                && !ORG_HEADS_SET.contains(w)
                && !ROLE_HEADS_SET.contains(w)
                && !PROGRAMME_SET.contains(w)
        })
    {
        return None;
    }
    // "Bhagalpur Barari industrial area": the known place first is where
    // the rest is.
    let lead = usize::from(words.len() > 1 && GAZETTEER.contains(words[0]));
    let (start, end) = (toks[first + lead].start, toks[last - 1].end);
    // "at Valmikinagar, a tourist destination": what the name is.
    if let Some(rest) = after
        .strip_prefix(", a ")
        .or_else(|| after.strip_prefix(", an "))
    {
        let nouns = [
            "town",
            "village",
            "city",
            "hamlet",
            "destination",
            "hub",
            "suburb",
            "locality",
            "township",
            "district",
        ];
        if rest
            .split([' ', ',', '.'])
            .take(4)
            .any(|w| nouns.contains(&w))
        {
            return Some(start..end);
        }
    }
    for (suffix, part) in PLACE_AFTER {
        if after.starts_with(suffix)
            && after[suffix.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || suffix.ends_with(' '))
        {
            return Some(start..if part { end + suffix.len() } else { end });
        }
    }
    // "Patna's Daniyawan", "Patna’s Daniyawan".
    let before = &text[..start];
    let possessive = before
        .strip_suffix("'s ")
        .or_else(|| before.strip_suffix("’s "))
        .map(|b| &b[word_start_before(b, char::is_alphabetic)..])
        .is_some_and(|w| !w.is_empty() && GAZETTEER.contains(w));
    // (Not "Harihar's Rs 95": a currency before a figure.)
    let figure_after = after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
    if possessive && !figure_after {
        return Some(start..end);
    }
    // "Nuapatna, in Cuttack district of Odisha, is ...".
    if let Some(rest) = after.strip_prefix(", in ") {
        let next = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if GAZETTEER.contains(next)
            || rest[next.len()..].starts_with(" district") && is_capitalised(next)
        {
            return Some(start..end);
        }
    }
    // "at Joran Chhapra in Muzaffarpur", "in Kodarma, Jharkhand".
    if prev.is_some_and(|(w, g)| matches!(w, "at" | "in" | "near") && g == " ") {
        let rest = after
            .strip_prefix(" in ")
            .or_else(|| after.strip_prefix(", "))?;
        let next = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let district_after = rest[next.len()..].starts_with(" district");
        if !next.is_empty() && (GAZETTEER.contains(next) || district_after && is_capitalised(next))
        {
            return Some(start..end);
        }
    }
    None
}

/// Finds the entities of one article.
pub(crate) fn find_entities(text: &str) -> Found {
    let sc = scan(text);
    let (cands, cluster_words, industry_words, local_places) = candidates(text, &sc);

    // Group organisations and programmes by key; people by full name.
    let mut groups: Vec<Group> = Vec::new();
    let mut keys = OrgKeys(
        FxMap::with_capacity_and_hasher(cands.len() + 8, Default::default()),
        Vec::with_capacity(cands.len() + 8),
    );
    let mut key_of: FxMap<(EntityKind, String), usize> =
        FxMap::with_capacity_and_hasher(cands.len() + 8, Default::default());
    let mut surnames: Vec<&Candidate> = Vec::new();
    for c in &cands {
        if c.surname_only {
            surnames.push(c);
            continue;
        }
        let key = match c.kind {
            EntityKind::Organization => keys.key(&c.name),
            _ => norm_key(&c.name),
        };
        let k = (c.kind, key);
        let gi = if let Some(&gi) = key_of.get(&k) {
            gi
        } else if let Some(gi) = c
            .alias
            .as_ref()
            .and_then(|(a, _, _)| {
                let ak = if c.kind == EntityKind::Organization {
                    keys.key(a)
                } else {
                    norm_key(a)
                };
                key_of
                    .get(&(EntityKind::Organization, ak.clone()))
                    .or(key_of.get(&(EntityKind::Programme, ak)))
            })
            .copied()
        {
            key_of.insert(k, gi);
            gi
        } else {
            groups.push(Group::new(c));
            let gi = groups.len() - 1;
            key_of.insert(k, gi);
            gi
        };
        // Person given-name variant: same surname + similar given names.
        let g = &mut groups[gi];
        let reason = g
            .names
            .keys()
            .next()
            .map(|e| reason_between(&mut keys, c.kind, e, &c.name));
        g.add_name(&c.name, reason);
        if let Some((alias, why, conf)) = &c.alias {
            g.add_name(alias, Some((why, *conf)));
            let ak = if c.kind == EntityKind::Organization {
                keys.key(alias)
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
        g.company |= c.company || names::has_company_suffix(&c.name);
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
        // The surname's spelling key, worked out once (when needed).
        let mut s_key: Option<String> = None;
        for &pi in &person_idx {
            for full in groups[pi].names.keys() {
                let Some(last) = full.split_whitespace().last() else {
                    continue;
                };
                // Spellings of one transliterated name ("Pallumiah" /
                // "Pallumaya") are compared on their spelling keys too
                // (as [`names::spelling_distance`]; no need when the
                // names are the same).
                let edit = names::edit_distance(last, &s.name);
                let d = if edit == 0 {
                    0
                } else {
                    let key = s_key.get_or_insert_with(|| names::spelling_key(&s.name));
                    edit.min(strsim::levenshtein(&names::spelling_key(last), key))
                };
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

    // A company named "Doaba Tyres and Rubber Limited" is also written
    // "Doaba Tyres": a person or place found under that short form is the
    // company.
    let joined_heads: Vec<String> = groups
        .iter()
        .filter(|g| g.kind == EntityKind::Organization)
        .filter_map(|g| joined_head(&g.canonical()))
        .collect();
    if !joined_heads.is_empty() {
        groups.retain(|g| {
            g.kind == EntityKind::Organization || !joined_heads.contains(&g.canonical())
        });
    }

    // Collect mentions: one automaton over every surface name.
    let mut patterns: Vec<(String, usize)> = Vec::new();
    let canons: Vec<String> = groups.iter().map(Group::canonical).collect();
    let surname_of = |i: usize| {
        (groups[i].kind == EntityKind::Person)
            .then(|| canons[i].split_whitespace().last())
            .flatten()
    };
    for (gi, g) in groups.iter().enumerate() {
        for n in g.names.keys() {
            patterns.push((n.clone(), gi));
        }
        let canon = &canons[gi];
        if g.kind == EntityKind::Organization {
            // The bare name without its company suffix.
            if names::has_company_suffix(canon) {
                let core_words = canon.split_whitespace().count();
                let bare = strip_suffix_words(canon);
                if core_words >= 2 && bare.split_whitespace().count() >= 1 && bare.len() >= 4 {
                    patterns.push((bare, gi));
                }
                if let Some(head) = joined_head(canon) {
                    patterns.push((head, gi));
                }
            }
        }
        if g.kind == EntityKind::Person {
            // The surname alone, when no other person shares it.
            if let Some(last) = canon.split_whitespace().last()
                && canon.split_whitespace().count() >= 2
                && last.chars().count() >= 3
            {
                let shared = (0..groups.len()).any(|oj| oj != gi && surname_of(oj) == Some(last));
                if !shared {
                    patterns.push((last.to_string(), gi));
                }
            }
        }
    }
    patterns.sort();
    patterns.dedup_by(|a, b| a.0 == b.0);
    let mut spans_taken: Vec<(usize, usize)> = Vec::new();
    for (start, end, pi) in find_names(text, &sc, &patterns) {
        let (name, gi) = &patterns[pi];
        let g = &mut groups[*gi];
        if let Some(c) = g.names.get_mut(name.as_str()) {
            *c += 1;
        } else {
            g.names.insert(name.clone(), 1);
        }
        g.mentions.push(Mention {
            text: text[start..end].to_string(),
            start,
            end,
        });
        spans_taken.push((start, end));
    }
    // The names are final now: each group's canonical name, once.
    let mut canons: Vec<String> = groups.iter().map(Group::canonical).collect();
    // Names that only occur as bare / surname mentions get their reason now.
    for (g, canon) in groups.iter_mut().zip(&canons) {
        let missing: Vec<String> = g
            .names
            .keys()
            .filter(|n| *n != canon && !g.reasons.contains_key(*n))
            .cloned()
            .collect();
        for n in missing {
            let (r, c) = if g.kind == EntityKind::Person {
                (format!("surname of {canon}"), 0.9)
            } else {
                let (r, c) = reason_between(&mut keys, g.kind, canon, &n);
                (r.to_string(), c)
            };
            g.reasons.insert(n, (r, c));
        }
    }
    // Drop groups never seen in the text (aliases whose mention fell in
    // a longer match are kept through the group's other names).
    let mut seen = groups.iter().map(|g| !g.mentions.is_empty());
    canons.retain(|_| seen.next().unwrap_or(false));
    groups.retain(|g| !g.mentions.is_empty());

    // Places: gazetteer matches outside other entities (and outside the
    // industrial areas: "Hajipur Industrial Area" is one place).
    spans_taken.extend(
        local_places
            .iter()
            .filter(|r| {
                text.get(r.start..r.end)
                    .is_some_and(|t| t.contains(' ') && !GAZETTEER.contains(t))
            })
            .map(|r| (r.start, r.end)),
    );
    spans_taken.sort_unstable();
    let mut place_groups: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    // The country code of each country or region matched, by name.
    let mut place_codes: Vec<(&str, &'static str)> = Vec::new();
    let mut places = Vec::new();
    let sentences = samachar_model::text::sentences(text);
    // (A place name starts with an ASCII capital letter.)
    for m in GAZETTEER.find_at(text, sc.upper_words()) {
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
        places.push((m.start, m.end, place.name.clone()));
        let mention = Mention {
            text: text[m.start..m.end].to_string(),
            start: m.start,
            end: m.end,
        };
        // (The name is copied only for a new group.)
        match place_groups.get_mut(&place.name) {
            Some(list) => list.push(mention),
            None => {
                place_groups.insert(place.name.clone(), vec![mention]);
                // (England, Scotland, Wales and Dubai are places of their
                // own.)
                if matches!(place.kind, PlaceKind::Country | PlaceKind::Region)
                    && !place.country.is_empty()
                    && !matches!(
                        place.name.as_str(),
                        "England" | "Scotland" | "Wales" | "Dubai"
                    )
                {
                    place_codes.push((place.name.as_str(), place.country.as_str()));
                }
            }
        }
    }

    // Places the gazetteer does not know, by their first naming; later
    // mentions of the same name count too.
    let mut local_names: Vec<String> = Vec::new();
    for r in &local_places {
        let name = text[r.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !local_names.contains(&name)
            && !place_groups.contains_key(&name)
            && !GAZETTEER.contains(&name)
        {
            local_names.push(name);
        }
    }
    for name in local_names {
        for (s, _) in text.match_indices(name.as_str()) {
            let e = s + name.len();
            let whole = !text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[e..].chars().next().is_some_and(char::is_alphanumeric);
            let own = local_places.iter().any(|r| r.start == s && r.end == e);
            let taken = !own && spans_taken.iter().any(|&(a, b)| a < e && s < b)
                || places
                    .iter()
                    .any(|p: &(usize, usize, String)| p.0 < e && s < p.1);
            if !whole || taken {
                continue;
            }
            places.push((s, e, name.clone()));
            place_groups.entry(name.clone()).or_default().push(Mention {
                text: text[s..e].to_string(),
                start: s,
                end: e,
            });
        }
    }
    if !local_places.is_empty() {
        places.sort_by_key(|p| (p.0, p.1));
    }

    // The article's main organisation: the company with most mentions, then
    // the first one named.
    let main_org = groups
        .iter()
        .zip(&canons)
        .filter(|(g, _)| g.kind == EntityKind::Organization && g.company)
        .max_by(|(a, _), (b, _)| {
            a.mentions
                .len()
                .cmp(&b.mentions.len())
                .then(b.first.cmp(&a.first))
        })
        .map(|(_, c)| c.clone());

    // Resolve person organisations to canonical org names.
    let mut org_canon: Vec<(String, &str)> = Vec::new();
    for (g, c) in groups.iter().zip(&canons) {
        if g.kind == EntityKind::Organization {
            for n in g.names.keys() {
                org_canon.push((keys.key(n), c.as_str()));
            }
        }
    }
    let mut entities = Vec::new();
    let mut orgs = Vec::new();
    let mut ids: FxMap<String, usize> =
        FxMap::with_capacity_and_hasher(groups.len() + place_groups.len(), Default::default());
    for (g, name) in groups.iter_mut().zip(&canons) {
        let name = name.clone();
        let organization = if g.kind == EntityKind::Person {
            match &g.org_hint {
                Some(h) => {
                    let k = keys.key(h);
                    Some(
                        org_canon
                            .iter()
                            .find(|(ok, _)| *ok == k)
                            .map_or_else(|| h.clone(), |(_, c)| (*c).to_string()),
                    )
                }
                None if g.org_from_context => main_org.clone(),
                None => None,
            }
        } else {
            None
        };
        let mut mentions = std::mem::take(&mut g.mentions);
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
        let id = if g.kind == EntityKind::Organization {
            id_of_slug(&mut ids, g.kind, &names::slug(&keys.get(&name).0))
        } else {
            unique_id(&mut ids, g.kind, &name)
        };
        if g.kind == EntityKind::Organization {
            orgs.push(OrgInfo {
                name: name.clone(),
                spans: mentions.iter().map(|m| (m.start, m.end)).collect(),
                subject: g.company || {
                    let l = name.to_lowercase();
                    [
                        "government",
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
                g.role.take()
            } else {
                None
            },
            organization,
            merges,
        });
    }
    // Spellings of one country ("USA", "US", "America") are one place,
    // under the name written most often (the first in name order of those).
    let coded: Vec<(String, Vec<Mention>, &str)> = place_groups
        .into_iter()
        .map(|(name, mentions)| {
            let code = place_codes
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, c)| *c);
            // A city under its former name ("Allahabad", "Tuticorin") is the
            // city under its present one.
            let code = if code.is_empty() {
                RENAMED_CITIES
                    .iter()
                    .find(|(old, new)| *old == name || *new == name)
                    .map_or("", |(_, new)| *new)
            } else {
                code
            };
            (name, mentions, code)
        })
        .collect();
    type Spellings = Vec<(String, Vec<Mention>)>;
    let mut by_country: BTreeMap<(&str, usize), Spellings> = BTreeMap::new();
    for (k, (name, mentions, code)) in coded.into_iter().enumerate() {
        // (Each place without a code is a group of its own.)
        let key = if code.is_empty() { ("", k) } else { (code, 0) };
        by_country.entry(key).or_default().push((name, mentions));
    }
    for (key, mut spellings) in by_country {
        // (The present name of a renamed city first among equals.)
        spellings.sort_by(|a, b| {
            b.1.len()
                .cmp(&a.1.len())
                .then_with(|| (b.0 == key.0).cmp(&(a.0 == key.0)))
                .then_with(|| a.0.cmp(&b.0))
        });
        let mut spellings = spellings.into_iter();
        let Some((name, mut mentions)) = spellings.next() else {
            continue;
        };
        let mut merges = Vec::new();
        for (other, more) in spellings {
            merges.push(Merge {
                name: other,
                reason: if key.0.len() == 2 {
                    "another name of the same country"
                } else {
                    "the city's former or present name"
                }
                .into(),
                confidence: 0.95,
            });
            mentions.extend(more);
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        let id = unique_id(&mut ids, EntityKind::Place, &name);
        entities.push(Entity {
            id,
            name,
            kind: EntityKind::Place,
            mentions,
            role: None,
            organization: None,
            merges,
        });
    }
    entities.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.name.cmp(&b.name)));
    Found {
        entities,
        orgs,
        places,
        main_org,
        sentences,
        cluster_words,
        industry_words,
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
pub(crate) fn unique_id(ids: &mut FxMap<String, usize>, kind: EntityKind, name: &str) -> String {
    let slug = if kind == EntityKind::Organization {
        names::slug(&company_core(name).0)
    } else {
        names::slug(name)
    };
    id_of_slug(ids, kind, &slug)
}

/// Appends the decimal digits of `n` (what `n.to_string()` gives).
fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        // (n % 10 < 10.)
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

/// [`unique_id`] from the slug.
fn id_of_slug(ids: &mut FxMap<String, usize>, kind: EntityKind, slug: &str) -> String {
    let prefix = kind_prefix(kind);
    let mut base = String::with_capacity(prefix.len() + 1 + slug.len());
    base.push_str(prefix);
    base.push(':');
    base.push_str(slug);
    if let Some(n) = ids.get_mut(&base) {
        *n += 1;
        let n = *n;
        base.push('-');
        push_number(&mut base, n);
        return base;
    }
    ids.insert(base.clone(), 1);
    base
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
    // "Surat: Ratnadeep Gems ..." at the start of a line: a dateline.
    let dateline = (start == 0 || text[..start].ends_with('\n')) && text[end..].starts_with(": ");
    let cue_after = after.starts_with(',') && text[end..].starts_with(',')
        || after.starts_with('(')
        || text[end..].starts_with("-based")
        || dateline;
    if dateline {
        return true;
    }
    if at_sentence_start || !prev.is_empty() {
        return cue_after && !at_sentence_start || cue_before;
    }
    cue_before || cue_after
}

/// Merges people with one surname whose given names differ by a spelling
/// ("Shib Kumar Roy" / "Shiv Kumar Roy").
#[inline(never)]
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

    #[test]
    fn numbers_are_written_as_to_string_writes_them() {
        for n in [0usize, 1, 9, 10, 42, 100, 12345, usize::MAX] {
            let mut s = String::from("x-");
            push_number(&mut s, n);
            assert_eq!(s, format!("x-{n}"));
        }
    }

    #[test]
    fn canonical_name_counts_words_and_capitals() {
        let c = Candidate::new(EntityKind::Organization, "a", 0, 1);
        let mut g = Group::new(&c);
        for (name, count) in [
            ("Acme", 5),
            ("Acme Steel\u{0b}Works", 1),
            ("acme steel works", 9),
            ("Ácme Steel Wörks", 1),
        ] {
            g.names.insert(name.to_string(), count);
        }
        // Three words each; the lower-case one has most mentions.
        assert_eq!(g.canonical(), "acme steel works");
        g.names.insert("acme steel works".to_string(), 1);
        // Ties on mentions: capitalised first, then the longest.
        assert_eq!(g.canonical(), "Ácme Steel Wörks");
    }

    #[test]
    fn byte_masks_match_byte_classes() {
        let text: String = (0u8..128)
            .map(char::from)
            .chain("é’ नई x".chars())
            .cycle()
            .take(700)
            .collect();
        let bytes = text.as_bytes();
        let masks = Masks::of(bytes);
        for (i, &b) in bytes.iter().enumerate() {
            let bit = |m: &[u64]| m[i / 64] >> (i % 64) & 1 == 1;
            assert_eq!(bit(&masks.alnum), b.is_ascii_alphanumeric(), "{i} {b}");
            let special = b >= 128 || b"&\n-'".contains(&b);
            assert_eq!(bit(&masks.special), special, "{i} {b}");
        }
    }

    #[test]
    fn one_pass_scan_matches_the_separate_passes() {
        let long = "Chief Minister Nitish Kumar said the state's new-age \
            policy would bring Rs 6,40,000 crore to Bihar & Jharkhand, \
            officials of the Ministry of Food Processing told PTI (PTI) in \
            Patna. The Army and the Indian Air Force\nhelped.\n"
            .repeat(3);
        let texts = [
            long.as_str(),
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm-n",
            "x y ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ’s",
            "",
            "&",
            "Hajipur-based Acme Pvt. Ltd's plant & Co.\nTHE BIG NEWS TODAY HERE\n",
            "Rock’s café-owner Zoë O'Brien\nSaid: Kolkata-Headquartered firm’s x-\n\n",
            "नई दिल्ली में Make in India 2020 — über-cool naïve 3-4 it's’ '",
            "Bihar Food Processing Policy Announced Today By State\nthe end",
            "a-b-c d’e–f _x_ 12,000\r\n\tTab Separated Words Here Now",
        ];
        for text in texts {
            let toks = tokenize(text);
            let starts = word_starts(text, &toks);
            let upper = starts
                .iter()
                .filter(|&&s| text.as_bytes()[s].is_ascii_uppercase())
                .map(|&s| (s, word_end(text, s)))
                .collect();
            let anchor_starts = starts
                .iter()
                .copied()
                .filter(|&p| {
                    let b = text.as_bytes();
                    let second = b.get(p + 1).map_or(0, |&c| c & 63);
                    (p > 0 && b[p - 1] == b'(' && b[p].is_ascii_uppercase())
                        || (ANCHOR_START[usize::from(b[p])] & (1u64 << second) != 0
                            && word_end(text, p) - p >= 3)
                })
                .collect();
            let key = |k: usize| {
                toks.get(k)
                    .is_some_and(|t| t.cap || &text[t.start..t.full_end] == "&")
            };
            let kept = (0..toks.len())
                .filter(|&k| {
                    key(k) || key(k + 1) || (k >= 1 && key(k - 1)) || (k >= 2 && key(k - 2))
                })
                .map(|k| toks[k].clone())
                .collect();
            let expected = Scan {
                anchor_starts,
                upper,
                lines: title_lines(text, &toks),
                toks: kept,
            };
            assert_eq!(scan(text), expected, "{text:?}");
        }
    }

    /// Asserts each case's person with its role and organisation:
    /// (text, person, role, organisation).
    fn assert_roles(cases: &[(&str, &str, &str, Option<&str>)]) {
        for (text, name, role, org) in cases {
            let found = find_entities(text);
            let person = found
                .entities
                .iter()
                .find(|e| e.kind == EntityKind::Person && e.name == *name);
            assert_eq!(
                person.map(|e| (e.role.as_deref(), e.organization.as_deref())),
                Some((Some(*role), *org)),
                "{text}"
            );
        }
    }

    /// The entities of `kind` found, each with the names merged into it.
    fn with_merges(found: &Found, kind: EntityKind) -> Vec<(&str, Vec<&str>)> {
        found
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| {
                (
                    e.name.as_str(),
                    e.merges.iter().map(|m| m.name.as_str()).collect(),
                )
            })
            .collect()
    }

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
    fn government_anchors_turned_away_have_no_match() {
        for (text, kept) in [
            ("the state government said", 0),
            ("The Bihar government and the Odisha govt", 2),
            ("Odishá government", 1),
            ("X_government Government", 2),
            ("Bihar-government, (government) UP\tgovt", 1),
            ("Uttar Pradesh government", 1),
            ("nai\u{a0}government", 1),
            ("government", 0),
            ("Kerala  government", 0),
        ] {
            let sc = scan(text);
            let anchors = Anchors::find(text, &sc.anchor_starts);
            let mut n = 0;
            for a in &anchors.government {
                if government_may_match(text.as_bytes(), a) {
                    n += 1;
                    continue;
                }
                for p in (0..=a.start).filter(|&p| text.is_char_boundary(p)) {
                    if let Some(m) = GOVERNMENT.find_at(text, p) {
                        assert!(m.start() > a.start || m.end() < a.end, "{text:?} {a:?}");
                    }
                }
            }
            assert_eq!(n, kept, "{text:?}");
        }
    }

    #[test]
    fn roles_written_before_the_name() {
        // (text, person, role, organisation)
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            (
                "Union Textiles Minister Harish Chandra Gupta said on Monday the plan is ready.",
                "Harish Chandra Gupta",
                "Union Textiles Minister",
                None,
            ),
            (
                "Union MSME Minister Ravi Shankar Yadav said the centres will open soon.",
                "Ravi Shankar Yadav",
                "Union MSME Minister",
                None,
            ),
            (
                "The Handloom Export Promotion Council (HEPC) backs it, HEPC chairman Suresh Iyer said.",
                "Suresh Iyer",
                "chairman",
                Some("Handloom Export Promotion Council"),
            ),
            (
                "UP chief minister Ramesh Kant Yadav said the mills would reopen.",
                "Ramesh Kant Yadav",
                "chief minister",
                None,
            ),
            (
                "Lotus Brass Works Pvt Ltd ships lamps. “Demand is up,” said its director, Farida Khan.",
                "Farida Khan",
                "director",
                Some("Lotus Brass Works Pvt Ltd"),
            ),
            (
                "Glass makers in ‘Suhag Nagri’ are worried, association secretary Mohan Lal Verma said.",
                "Mohan Lal Verma",
                "secretary",
                None,
            ),
        ];
        assert_roles(cases);
        // A comma between a role and a name needs "its", "our" or "their".
        let text = "The unit was shut by the director, Anand Rao said nothing.";
        assert!(
            find_entities(text)
                .entities
                .iter()
                .all(|e| e.role.as_deref() != Some("director")),
            "{text}"
        );
    }

    #[test]
    fn a_name_of_a_village_or_town_makes_a_person() {
        let text = "Camp\n\nAmong the beneficiaries, Savitri Lodhi of Bamhori Renguwa village received Rs 40,000, \
                    while Mohd Irfan Khan of Sagar got a loan of Rs 3.5 lakh for his shop. \
                    The State Bank of India and the Bank of Baroda lent most of it.";
        assert_eq!(
            names_of(text, EntityKind::Person),
            vec!["Mohd Irfan Khan".to_string(), "Savitri Lodhi".to_string()]
        );
        let places = names_of(text, EntityKind::Place);
        assert!(
            places.contains(&"Bamhori Renguwa".to_string()),
            "{places:?}"
        );
        let orgs = names_of(text, EntityKind::Organization);
        assert!(orgs.contains(&"Bank of Baroda".to_string()), "{orgs:?}");
    }

    #[test]
    fn cabinets_and_bodies_named_in_indian_languages() {
        let text = "Policy\n\nThe Uttar Pradesh cabinet on Tuesday approved the policy, traders said, and the \
                    Unjha Jeera Vepari Mahamandal would meet next week; members of the Matsyalakshmi Mahila \
                    Samakhya asked for a loan, and the matter was raised in the Lok Sabha by a member. \
                    A kitchen cabinet maker was not asked. Readers also saw a story headed BJP Fails \
                    Majority In Rajya Sabha on the same page.";
        let orgs = names_of(text, EntityKind::Organization);
        for want in [
            "Uttar Pradesh cabinet",
            "Unjha Jeera Vepari Mahamandal",
            "Matsyalakshmi Mahila Samakhya",
            "Lok Sabha",
        ] {
            assert!(orgs.contains(&want.to_string()), "{want}: {orgs:?}");
        }
        assert!(!orgs.iter().any(|o| o.contains("Fails")), "{orgs:?}");
    }

    #[test]
    fn a_relative_who_after_a_name_makes_a_person() {
        let text = "Looms idle\n\nSagar Koli, who minds eight looms, said work was down. \
                    Tata Steel, which employs 500, said nothing. Kavita Juneja, whose firm makes throws, \
                    agreed, and her cousin Kunal Varshney, 31, heads domestic sales.";
        let people = names_of(text, EntityKind::Person);
        assert_eq!(
            people,
            vec![
                "Kavita Juneja".to_string(),
                "Kunal Varshney".to_string(),
                "Sagar Koli".to_string()
            ]
        );
        assert!(names_of(text, EntityKind::Place).is_empty());
    }

    #[test]
    fn roles_written_after_the_name() {
        // (text, person, role, organisation)
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            // The phrase ends at the speech verb, without a comma.
            (
                "Ravi Menon, secretary of Kollam Cashew Exporters Association said the season was poor.",
                "Ravi Menon",
                "secretary",
                Some("Kollam Cashew Exporters Association"),
            ),
            // A capitalised title, then the organisation.
            (
                "Anita Desai, President Surat Diamond Association said exports fell.",
                "Anita Desai",
                "President",
                Some("Surat Diamond Association"),
            ),
            // An appositive with an article: what the person is.
            (
                "Gopal Krishna Rao, a weaver and trader, told reporters the looms were idle.",
                "Gopal Krishna Rao",
                "weaver and trader",
                None,
            ),
            (
                "Meera Nair, the managing director of Kerala Coir Mills, said demand is up.",
                "Meera Nair",
                "managing director",
                Some("Kerala Coir Mills"),
            ),
        ];
        assert_roles(cases);
        // An occupation takes no organisation from the sentences before.
        let text =
            "Lotus Brass Works Pvt Ltd ships lamps. Kiran Bedi, a local trader, said prices rose.";
        let found = find_entities(text);
        let kiran = found.entities.iter().find(|e| e.name == "Kiran Bedi");
        assert_eq!(kiran.map(|e| e.organization.clone()), Some(None));
        // Not people: a company or a place with an appositive.
        let text = "Tata Motors, the largest carmaker in the state, said sales fell. \
                    Kanpur, a leather hub, is losing trade.";
        assert!(names_of(text, EntityKind::Person).is_empty(), "{text}");
    }

    #[test]
    fn places_too_small_for_the_gazetteer_from_the_words_around() {
        let text = "A unit will come up at Keshopur in Patna district. Another goes to \
                    Gaya's Tekari, and a third to Rampura area of Buxar district. \
                    The plant in Sonbarsa Industrial Area of Sitamarhi district makes jute. \
                    The meeting was held at Ratanpur, a tourist town. \
                    Mr Verma met Sunil Kumar in Delhi.";
        let more = "Sonpur, in Saran district of Bihar, weaves. Women from Marwahi block came. \
                    The site near Kotwara in Banda district was given.";
        let places = names_of(more, EntityKind::Place);
        for want in ["Sonpur", "Marwahi", "Kotwara"] {
            assert!(places.iter().any(|p| p == want), "{want} not in {places:?}");
        }
        let places = names_of(text, EntityKind::Place);
        for want in [
            "Keshopur",
            "Tekari",
            "Rampura",
            "Sonbarsa Industrial Area",
            "Ratanpur",
            "Patna",
            "Gaya",
            "Delhi",
        ] {
            assert!(places.iter().any(|p| p == want), "{want} not in {places:?}");
        }
        assert!(
            !places.iter().any(|p| p == "Sunil Kumar" || p == "Verma"),
            "{places:?}"
        );
    }

    #[test]
    fn organisations_with_and_inside_or_named_in_a_role() {
        let text = "The Kerala Cashew Processors and Exporters Association met on Monday. \
                    Tata Steel Ltd and Jindal Steel Association did not. \
                    Rajan Pillai, managing director of Nila Cashews, said prices fell.";
        let orgs = names_of(text, EntityKind::Organization);
        assert!(
            orgs.contains(&"Kerala Cashew Processors and Exporters Association".to_string()),
            "{orgs:?}"
        );
        // A company's suffix ends its name: two bodies.
        assert!(orgs.contains(&"Tata Steel Ltd".to_string()), "{orgs:?}");
        assert!(
            orgs.contains(&"Jindal Steel Association".to_string()),
            "{orgs:?}"
        );
        assert!(orgs.contains(&"Nila Cashews".to_string()), "{orgs:?}");
        // A company whose name before its suffix is one word holds the
        // "and" (and is written later by the words before it); two names
        // with a suffix each are two companies.
        let text = "Doaba Tyres and Rubber Limited reported a profit. Doaba Tyres said sales rose. \
                    Tata Steel Ltd and Rubber Limited were named too.";
        let found = find_entities(text);
        let doaba = found
            .entities
            .iter()
            .find(|e| e.name == "Doaba Tyres and Rubber Limited");
        assert_eq!(
            doaba.map(|e| e.mentions.len()),
            Some(2),
            "{:?}",
            found.entities
        );
        assert!(!found.entities.iter().any(|e| e.name == "Doaba Tyres"));
        let orgs = names_of(text, EntityKind::Organization);
        assert!(orgs.contains(&"Tata Steel Ltd".to_string()), "{orgs:?}");
        // Its word before "and" may be a head word; two places may name one
        // body; a plural possessive may stand two words before the head.
        let text = "Terminal\n\nKelo Steel and Power Ltd will use it from next year. A bench of the Punjab and \
                    Haryana High Court ordered the units shut. The Mahendragarh Stone Crusher Owners' Welfare \
                    Association said it would appeal against the order.";
        let orgs = names_of(text, EntityKind::Organization);
        for want in [
            "Kelo Steel and Power Ltd",
            "Punjab and Haryana High Court",
            "Mahendragarh Stone Crusher Owners' Welfare Association",
        ] {
            assert!(orgs.contains(&want.to_string()), "{want}: {orgs:?}");
        }
        assert!(!names_of(text, EntityKind::Place).contains(&"Punjab".to_string()));
        // A body "of India", and the role of "the chairman of" it before a
        // name.
        let text =
            "Exports rose, the chairman of the Tea Board of India, Dr. Manjit Kumar Saikia, said.";
        let found = find_entities(text);
        let saikia = found
            .entities
            .iter()
            .find(|e| e.name == "Manjit Kumar Saikia");
        assert_eq!(
            saikia.map(|e| (e.role.clone(), e.organization.clone())),
            Some((Some("chairman".into()), Some("Tea Board of India".into())))
        );
        // A dateline in capitals is a place, with a colon or a date after it.
        let text = "Roundup\n\nGUWAHATI: Assam Silk Ltd will invest Rs 5 crore.\nRANCHI, July 16: A plant opened.";
        assert_eq!(
            names_of(text, EntityKind::Place),
            vec!["GUWAHATI", "RANCHI"]
        );
        // A locality by its last word; no place before a rupee figure; no
        // organisation from a title and a name after a role phrase.
        let text = "Locks\n\nHe began at Manik Chowk and moved to Gautam Buddh Nagar. Chinese locks cost \
                    Rs 60 against Harihar's Rs 95, said Dharmendra Patle, member from Baloda Bazar, \
                    Mineral Resources Minister Ramprasad Kanwar said.";
        let places = names_of(text, EntityKind::Place);
        assert!(places.contains(&"Manik Chowk".to_string()), "{places:?}");
        assert!(
            places.contains(&"Gautam Buddh Nagar".to_string()),
            "{places:?}"
        );
        assert!(!places.contains(&"Rs".to_string()), "{places:?}");
        assert!(!places.contains(&"Nagar".to_string()), "{places:?}");
        let orgs = names_of(text, EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o.contains("Minister")), "{orgs:?}");
        // A judge holds a public office, not a post in the article's company.
        let text = "Nila Cashews Pvt Ltd exports kernels. A bench of Chief Justice Rakesh Varma heard the plea.";
        let found = find_entities(text);
        let judge = found.entities.iter().find(|e| e.name == "Rakesh Varma");
        assert_eq!(judge.map(|e| e.organization.clone()), Some(None));
    }

    #[test]
    fn titles_with_short_forms_acronyms_and_programme_names() {
        let text = "District Magistrate (DM) Rekha Prasad visited the site. Prasad asked \
                    Block Development Officer (BDO) Amit Sahu to hurry. Lotus Foods Pvt Ltd will run it. \
                    The Board of Investment (BoI) met; the BoI cleared it under the \
                    Kerala Food and Agro Policy 2023. A loan came from State Bank of India. \
                    Buyers are in Japan and European Union countries. The Kerala government agreed.";
        let found = find_entities(text);
        let person = |n: &str| {
            found
                .entities
                .iter()
                .find(|e| e.kind == EntityKind::Person && e.name == n)
                .map(|e| (e.role.clone(), e.organization.clone()))
        };
        assert_eq!(
            person("Rekha Prasad"),
            Some((Some("District Magistrate".into()), None))
        );
        // A block's officer serves no company named before.
        assert_eq!(
            person("Amit Sahu"),
            Some((Some("Block Development Officer".into()), None))
        );
        let orgs = names_of(text, EntityKind::Organization);
        assert!(
            !orgs
                .iter()
                .any(|o| o.contains("Magistrate") || o.contains("Officer")),
            "{orgs:?}"
        );
        assert!(
            orgs.contains(&"State Bank of India".to_string()),
            "{orgs:?}"
        );
        assert!(!orgs.iter().any(|o| o.starts_with("Japan")), "{orgs:?}");
        let board = found
            .entities
            .iter()
            .find(|e| e.name == "Board of Investment");
        assert!(
            board.is_some_and(|b| b.merges.iter().any(|m| m.name == "BoI")),
            "{board:?}"
        );
        assert_eq!(
            names_of(text, EntityKind::Programme),
            vec!["Kerala Food and Agro Policy 2023"]
        );
        // The state inside "Kerala government" is no mention of its own
        // (the reader's spans do not nest).
        assert!(!names_of(text, EntityKind::Place).contains(&"Kerala".to_string()));
    }

    #[test]
    fn organisation_of_a_role_named_before_it_or_by_its_kind() {
        let text = "Nila Cashews Pvt Ltd grew. Nila Cashews managing director Anil Menon said duties hurt. \
                    The Kollam Cashew Processors Association met. \"It is hard,\" said Ravi Pillai, president of the association.";
        let found = find_entities(text);
        let org_of = |n: &str| {
            found
                .entities
                .iter()
                .find(|e| e.name == n)
                .and_then(|e| e.organization.clone())
        };
        assert_eq!(
            org_of("Anil Menon").as_deref(),
            Some("Nila Cashews Pvt Ltd")
        );
        assert_eq!(
            org_of("Ravi Pillai").as_deref(),
            Some("Kollam Cashew Processors Association")
        );
    }

    #[test]
    fn schemes_with_short_forms_and_spellings_of_one_country() {
        let text = "Aid comes under the Pradhan Mantri Kisan Sampada (PMKS) scheme. \
                    The USA is the biggest buyer, then European Union countries. \
                    Shipments to the US and the EU rose. England and the UK differ.";
        assert!(
            names_of(text, EntityKind::Programme)
                .contains(&"Pradhan Mantri Kisan Sampada".to_string())
        );
        assert!(names_of(text, EntityKind::Organization).is_empty());
        let found = find_entities(text);
        let merged = |n: &str| {
            found
                .entities
                .iter()
                .find(|e| {
                    e.kind == EntityKind::Place
                        && (e.name == n || e.merges.iter().any(|m| m.name == n))
                })
                .map(|e| e.name.clone())
        };
        assert_eq!(merged("USA"), merged("US"));
        assert_eq!(merged("EU"), merged("European Union"));
        assert_ne!(merged("England"), merged("UK"));
        // A city's former and present names are one place, under the present.
        let found = find_entities(
            "Headline\n\nThe tanneries near Prayagraj (Allahabad) were shut, and traders in Mumbai \
             and Bombay said ships sail from Tuticorin now that the old port at Kochi is full.",
        );
        let names = with_merges(&found, EntityKind::Place);
        assert!(
            names.contains(&("Prayagraj", vec!["Allahabad"])),
            "{names:?}"
        );
        assert!(names.contains(&("Mumbai", vec!["Bombay"])), "{names:?}");
        assert!(names.contains(&("Tuticorin", vec![])), "{names:?}");
    }

    #[test]
    fn honorifics_possessive_owners_and_long_role_phrases() {
        // (text, person, role, organisation)
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            (
                "Deccan Solar Ltd will build it. Deccan's chief executive officer, Ravi Rao, said so.",
                "Ravi Rao",
                "chief executive officer",
                Some("Deccan Solar Ltd"),
            ),
            (
                "Nila Polymers Ltd signed. Nila Polymers chairman Shri Anil Verma said it is ready.",
                "Anil Verma",
                "chairman",
                Some("Nila Polymers Ltd"),
            ),
            (
                "The Agra Shoe Makers' Forum met. Forum president Rekha Jain said orders rose.",
                "Rekha Jain",
                "president",
                Some("Agra Shoe Makers' Forum"),
            ),
            (
                "\"It fell,\" says Meena Das, secretary of the Puri Tie and Dye Weavers' Cooperative Society.",
                "Meena Das",
                "secretary",
                Some("Puri Tie and Dye Weavers' Cooperative Society"),
            ),
            (
                "Ajay Nayak, deputy director in the state's Directorate of Handlooms, says it helps.",
                "Ajay Nayak",
                "deputy director",
                Some("Directorate of Handlooms"),
            ),
            (
                "Orders are up, says Rohan Sahu, an exporter who owns Kalinga Crafts and ships to Japan.",
                "Rohan Sahu",
                "exporter",
                Some("Kalinga Crafts"),
            ),
            (
                "M/s Rathi Foods runs it. Shri Mohan Rathi ji, managing partner of the firm, said so.",
                "Mohan Rathi",
                "managing partner",
                Some("Rathi Foods"),
            ),
            (
                "The Agra Footwear Makers' Association met. Its president, Asha Gupta, said so.",
                "Asha Gupta",
                "president",
                Some("Agra Footwear Makers' Association"),
            ),
            (
                "The Kerala State Pollution Control Board (KSPCB) acted. KSPCB member secretary Rajan Nair said so.",
                "Rajan Nair",
                "member secretary",
                Some("Kerala State Pollution Control Board"),
            ),
            (
                "Rathi Foods Pvt Ltd grew. Sh. Vinod Uikey, Senior Agriculture Development Officer for Seoni block, said so.",
                "Vinod Uikey",
                "Senior Agriculture Development Officer for Seoni block",
                None,
            ),
        ];
        assert_roles(cases);
        // "Government of X" is "X government"; a short form on the next line.
        let found = find_entities(
            "The pact was signed with the Government of Kerala. The Kerala government said so. \
             The Kerala Industrial Corporation\n(KIC) has land.",
        );
        let orgs: Vec<(&str, usize)> = found
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organization)
            .map(|e| (e.name.as_str(), e.merges.len()))
            .collect();
        assert_eq!(
            orgs,
            [
                ("Government of Kerala", 1),
                ("Kerala Industrial Corporation", 1)
            ]
        );
        // A body's head word alone after "the" is the body named last; Hindi
        // heads ("Sangh", "Samiti") make bodies.
        let found = find_entities(
            "Members of the Sonhari Mahila Millet Utpadak Sangh bake millets. The Sangh now \
             plans to grow. The Kollam Cashew Processors Association met; the Association said so.",
        );
        let orgs = with_merges(&found, EntityKind::Organization);
        assert_eq!(
            orgs,
            [
                ("Kollam Cashew Processors Association", vec!["Association"]),
                ("Sonhari Mahila Millet Utpadak Sangh", vec!["Sangh"])
            ]
        );
        // A title, a name and "of" the body in one run; kinship words; an
        // acronym in an appositive role.
        let text = "Headline\n\nPresenting the review, Lead District Manager Ravi Kumar Joshi of Marwar Gramin \
                    Bank said loans rose by a fifth over the year in the district. Daughter Meera Kaur Gill is \
                    director, while younger son Arjun Singh Gill heads the export arm of the family firm. The \
                    Agra Footwear Manufacturers Federation (AFMF) met. \"It helps,\" said Nitin Rao, the \
                    current AFMF president.";
        let found = find_entities(text);
        let person = |n: &str| {
            found
                .entities
                .iter()
                .find(|e| e.kind == EntityKind::Person && e.name == n)
                .map(|e| (e.role.clone(), e.organization.clone()))
        };
        assert_eq!(
            person("Ravi Kumar Joshi"),
            Some((
                Some("Lead District Manager".into()),
                Some("Marwar Gramin Bank".into())
            ))
        );
        assert!(person("Meera Kaur Gill").is_some());
        // A company whose name starts with a word of family keeps it.
        let orgs = names_of(
            "Headline\n\nMother Dairy Fruit & Vegetable Pvt Ltd will buy more milk from the district's \
             cooperatives this year, its officials said on Monday after a review meeting.",
            EntityKind::Organization,
        );
        assert!(
            orgs.iter().any(|o| o.starts_with("Mother Dairy")),
            "{orgs:?}"
        );
        assert!(person("Arjun Singh Gill").is_some());
        assert_eq!(
            person("Nitin Rao"),
            Some((
                Some("current president".into()),
                Some("Agra Footwear Manufacturers Federation".into())
            ))
        );
        // An honorific between a title and the name.
        let found =
            find_entities("A bench of Expert Member Dr Sunil Joshi and Justice Mira Rao heard it.");
        let joshi = found.entities.iter().find(|e| e.name == "Sunil Joshi");
        assert_eq!(joshi.and_then(|e| e.role.as_deref()), Some("Expert Member"));
        // "MP" before a body's name is the state's short name.
        assert_eq!(
            names_of(
                "The MP Industrial Development Corporation (MPIDC) has land.",
                EntityKind::Organization
            ),
            vec!["MP Industrial Development Corporation"]
        );
        // A dateline makes a place that is also a word ("Surat").
        assert!(
            names_of(
                "Surat: Ratna Gems Pvt Ltd laid off 1,200 workers.",
                EntityKind::Place
            )
            .contains(&"Surat".to_string())
        );
    }

    #[test]
    fn a_second_name_joined_to_a_person_and_outlets() {
        let text = "A bench of Chief Justice Rakesh Varma and Sunita Rao heard the plea. \
                    Tata Steel and Jindal Steel bid. Ajay Gupta, an exporter, told Business Standard and Al Jazeera the rules changed.";
        assert_eq!(
            names_of(text, EntityKind::Person),
            vec!["Ajay Gupta", "Rakesh Varma", "Sunita Rao"]
        );
        let orgs = names_of(text, EntityKind::Organization);
        assert!(orgs.contains(&"Business Standard".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"Al Jazeera".to_string()), "{orgs:?}");
    }

    #[test]
    fn plural_possessive_inside_an_organisation_name() {
        let text = "The Surat Weavers’ Federation and the Agra Tanners' Association met. \
                    Farmers' incomes rose.";
        assert_eq!(
            names_of(text, EntityKind::Organization),
            vec!["Agra Tanners' Association", "Surat Weavers’ Federation"]
        );
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
    fn surnames_before_speech_verbs_link_to_people() {
        // (text, person, names merged into it)
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "\"We grow,\" said Mazhar Pallumiah, marketing head. Later, Pallumaiya expressed hope.",
                "Mazhar Pallumiah",
                &["Pallumaiya"],
            ),
            (
                "Anil Kumar Sinha, director, spoke. Sinha added that sales rose.",
                "Anil Kumar Sinha",
                &["Sinha"],
            ),
            (
                "Rekha Choudhury, plant head, spoke first. Chowdhury noted the rise.",
                "Rekha Choudhury",
                &["Chowdhury"],
            ),
            // Too far from any surname: no link, and no person of its own.
            (
                "Anil Kumar Sinha, director, spoke. Verma said no.",
                "Anil Kumar Sinha",
                &[],
            ),
        ];
        for (text, person, merged) in cases {
            let found = find_entities(text);
            let people: Vec<&Entity> = found
                .entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .collect();
            assert_eq!(people.len(), 1, "{text}: {people:?}");
            assert_eq!(people[0].name, *person, "{text}");
            let names: Vec<&str> = people[0].merges.iter().map(|m| m.name.as_str()).collect();
            assert_eq!(names, *merged, "{text}");
            for m in &people[0].merges {
                assert!(m.reason.contains(person), "{text}: {}", m.reason);
                assert!((0.7..=0.9).contains(&m.confidence), "{text}");
            }
            // Every merged name is a mention too.
            for n in *merged {
                assert!(people[0].mentions.iter().any(|m| m.text == *n), "{text}");
            }
        }
    }

    #[test]
    fn roles_skip_ages_and_cut_off_places() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "\"It is hard,\" said Babu Ram Gupta, 80, president of a workers' union.",
                "Babu Ram Gupta",
                "president of a workers' union",
            ),
            (
                "Prices fell, Mohd Iqbal, managing director of Kolkata-based",
                "Mohd Iqbal",
                "managing director",
            ),
        ];
        for (text, person, role) in cases {
            let found = find_entities(text);
            let p = found.entities.iter().find(|e| e.name == *person);
            assert_eq!(p.and_then(|e| e.role.as_deref()), Some(*role), "{text}");
        }
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
