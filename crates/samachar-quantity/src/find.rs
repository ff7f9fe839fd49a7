//! Fast finding: where a number may start, and the stretches that are never
//! quantities (URLs, e-mail addresses, phone numbers, numeric dates,
//! versions, clock times, PIN codes).
//!
//! Most text holds no digit and no number word, so the extractor jumps from
//! one anchor to the next with a byte scan instead of a regular expression.
//! The never-a-quantity stretches are found lazily and only as far as the
//! last anchor: a cheap byte scan proposes the few places where such a
//! stretch can begin and the full pattern is tried there, anchored. The
//! stretches found are exactly those a left-to-right, non-overlapping
//! search of the whole text would find.

use std::ops::Range;
use std::sync::LazyLock;

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};

/// Stretches that are never quantities: URLs, e-mail addresses, phone
/// numbers, numeric dates, versions, clock times.
///
/// Case-insensitive matching is ASCII only in the scan that proposes where
/// a stretch may begin, so the two non-ASCII letters that fold to ASCII
/// ones (`ſ`, the Kelvin sign) do not start a phone label or a URL.
static SKIP: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)https?://[^\s<>]+|www\.[^\s<>]+",
        r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}",
        r"|(?-u:\b)(?:tel|telephone|ph|phone|mob|mobile|fax|helpline|whatsapp|toll[- ]free)(?-u:\b)\.?(?:\s*(?:no|number)\.?)?\s*[:.\-]?\s*\+?[0-9][0-9 \-()/,]{5,}[0-9]",
        r"|\+[0-9]{1,3}[ \-]?\(?[0-9]{1,5}\)?(?:[ \-]?[0-9]{2,5}){2,}",
        r"|(?-u:\b)[0-9]{3,5}-[0-9]{3,4}-[0-9]{3,4}(?-u:\b)",
        r"|(?-u:\b)[0-9]{1,2}[/\-][0-9]{1,2}[/\-][0-9]{2,4}(?-u:\b)",
        r"|(?-u:\b)[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?-u:\b)",
        r"|(?-u:\b)[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}(?-u:\b)",
        r"|(?-u:\b)v[0-9]+(?:\.[0-9]+)+|(?-u:\b)version\s+[0-9]+(?:\.[0-9]+)*",
        r"|(?-u:\b)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[ap]\.?m(?-u:\b)\.?)?",
        r"|(?-u:\b)[0-9]{1,2}(?:\.[0-9]{2})?\s*(?:[ap]\.m\.|[ap]m(?-u:\b))",
    ))
    .ok()
});

/// An ASCII word byte, as `(?-u:\b)` sees it.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True when an ASCII word boundary stands before byte `i` (which must
/// hold a word byte).
fn boundary_before(b: &[u8], i: usize) -> bool {
    i == 0 || !is_word_byte(b[i - 1])
}

/// True when an ASCII word boundary stands after the word byte at `i - 1`.
fn boundary_after(b: &[u8], i: usize) -> bool {
    b.get(i).is_none_or(|&c| !is_word_byte(c))
}

/// The first eight bytes of `w` as a little-endian number, zero-padded
/// and lower-cased (for ASCII letters).
const fn key(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() && i < 8 {
        k |= ((w[i] | 0x20) as u64) << (8 * i);
        i += 1;
    }
    k
}

/// Number words that may start a number, all at most eight letters long
/// ("seventeen" is checked on its own).
const ANCHOR_WORDS: [&[u8]; 42] = [
    b"zero",
    b"one",
    b"two",
    b"three",
    b"four",
    b"five",
    b"six",
    b"seven",
    b"eight",
    b"nine",
    b"ten",
    b"eleven",
    b"twelve",
    b"thirteen",
    b"fourteen",
    b"fifteen",
    b"sixteen",
    b"eighteen",
    b"nineteen",
    b"twenty",
    b"thirty",
    b"fourty",
    b"forty",
    b"fifty",
    b"sixty",
    b"seventy",
    b"eighty",
    b"ninety",
    b"hundred",
    b"thousand",
    b"lakh",
    b"lakhs",
    b"lac",
    b"lacs",
    b"crore",
    b"crores",
    b"million",
    b"billion",
    b"trillion",
    b"half",
    b"quarter",
    b"dozen",
];

/// [`ANCHOR_WORDS`] by key.
const ANCHOR_KEYS: [u64; 42] = {
    let mut keys = [0u64; 42];
    let mut i = 0;
    while i < ANCHOR_WORDS.len() {
        keys[i] = key(ANCHOR_WORDS[i]);
        i += 1;
    }
    keys
};

/// For each length up to nine, the first letters (as `letter & 31`, any
/// case) of the number words of that length, one bit each.
const LEN_FIRST: [u32; 10] = {
    let mut t = [0u32; 10];
    let mut i = 0;
    while i < ANCHOR_WORDS.len() {
        let w = ANCHOR_WORDS[i];
        t[w.len()] |= 1 << (w[0] & 31);
        i += 1;
    }
    t[9] |= 1 << (b's' & 31);
    t
};

/// A multiplier that sends every key of [`ANCHOR_KEYS`] to its own slot
/// of [`ANCHOR_TABLE`].
const ANCHOR_MUL: u64 = {
    let mut m: u64 = 0x9e37_79b9_7f4a_7c15;
    loop {
        let mut used = [false; 256];
        let mut ok = true;
        let mut i = 0;
        while i < ANCHOR_KEYS.len() {
            let h = (ANCHOR_KEYS[i].wrapping_mul(m) >> 56) as usize;
            if used[h] {
                ok = false;
                break;
            }
            used[h] = true;
            i += 1;
        }
        if ok {
            break m;
        }
        m = m.wrapping_add(0x2545_f491_4f6c_dd1d);
    }
};

/// [`ANCHOR_KEYS`] by slot; 0 where there is none.
static ANCHOR_TABLE: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < ANCHOR_KEYS.len() {
        t[(ANCHOR_KEYS[i].wrapping_mul(ANCHOR_MUL) >> 56) as usize] = ANCHOR_KEYS[i];
        i += 1;
    }
    t
};

/// Masks keeping the first `len` bytes of a little-endian word.
const LEN_MASK: [u64; 9] = {
    let mut m = [0u64; 9];
    let mut i = 1;
    while i < 8 {
        m[i] = (1u64 << (8 * i)) - 1;
        i += 1;
    }
    m[8] = u64::MAX;
    m
};

/// True for a number word that may start a number: the `len` ASCII
/// letters at `i` (any case).
fn is_anchor_word(b: &[u8], i: usize, len: usize) -> bool {
    if !(3..=8).contains(&len) {
        return len == 9
            && b.get(i..i + len)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"seventeen"));
    }
    let k = match chunk(b, i) {
        Some(x) => (x | 0x2020_2020_2020_2020) & LEN_MASK[len],
        None => key(b.get(i..i + len).unwrap_or_default()),
    };
    ANCHOR_TABLE[(k.wrapping_mul(ANCHOR_MUL) >> 56) as usize] == k
}

/// Eight bytes from `i`, if there are eight.
fn chunk(b: &[u8], i: usize) -> Option<u64> {
    let bytes: [u8; 8] = b.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(bytes))
}

const HI: u64 = 0x8080_8080_8080_8080;
const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The high bit of each byte of `x` that is an ASCII letter.
fn letter_mask(x: u64) -> u64 {
    let y = (x | 0x2020_2020_2020_2020) & LO7;
    let from_a = y.wrapping_add(0x1f1f_1f1f_1f1f_1f1f) & HI;
    let past_z = y.wrapping_add(0x0505_0505_0505_0505) & HI;
    from_a & !past_z & !(x & HI)
}

/// End of the run of ASCII letters starting at `s`, eight bytes at a time.
pub(crate) fn letters_end(b: &[u8], s: usize) -> usize {
    let mut i = s;
    while let Some(x) = chunk(b, i) {
        let other = !letter_mask(x) & HI;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// Labels that introduce a phone number, and "version".
fn is_label_word(w: &[u8]) -> bool {
    if !(2..=9).contains(&w.len()) {
        return false;
    }
    let mut buf = [0u8; 9];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..w.len()],
        b"tel"
            | b"telephone"
            | b"ph"
            | b"phone"
            | b"mob"
            | b"mobile"
            | b"fax"
            | b"helpline"
            | b"whatsapp"
            | b"version"
    )
}

/// Could a date, code or clock time start at the digit run `i..e`?
fn digits_may_skip(b: &[u8], i: usize, e: usize) -> bool {
    let Some(&next) = b.get(e) else {
        return false;
    };
    let ap = |k: usize| {
        matches!(b.get(k), Some(b'a' | b'A' | b'p' | b'P'))
            && matches!(b.get(k + 1), Some(b'.' | b'm' | b'M'))
    };
    match e - i {
        1 | 2 => {
            if next == b'.' {
                // Only a dotted date ("22.02.2023") or a clock time with
                // minutes ("10.30 pm") starts so: not a decimal ("2.5 lakh").
                let r = b[e + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                if (1..=2).contains(&r) && b.get(e + 1 + r) == Some(&b'.') {
                    return true;
                }
                if r != 2 {
                    return false;
                }
                let mut k = e + 3;
                while k < b.len() && matches!(b[k], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                    k += 1;
                }
                return b
                    .get(k)
                    .is_some_and(|&c| c >= 0x80 || matches!(c, b'a' | b'A' | b'p' | b'P'));
            }
            if next >= 0x80 || matches!(next, b'-' | b'/' | b':') || ap(e) {
                return true;
            }
            // "5 pm": white space, then a.m. or pm.
            let mut k = e;
            while k < b.len() && matches!(b[k], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                k += 1;
            }
            k > e && (b.get(k).is_some_and(|&c| c >= 0x80) || ap(k))
        }
        3..=5 => next == b'-',
        _ => false,
    }
}

/// Length of the e-mail local-part character (`[A-Za-z0-9._%+\-]`, whose
/// case-insensitive letters include `ſ` and the Kelvin sign) ending at
/// `end`, or 0.
fn local_char_before(b: &[u8], end: usize) -> usize {
    let Some(&c) = end.checked_sub(1).and_then(|i| b.get(i)) else {
        return 0;
    };
    if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-') {
        return 1;
    }
    if end >= 2 && &b[end - 2..end] == "ſ".as_bytes() {
        return 2;
    }
    if end >= 3 && &b[end - 3..end] == "\u{212a}".as_bytes() {
        return 3;
    }
    0
}

/// The start of a phone label ("tel.: ", "mobile no. ", "toll-free ") or
/// of "version" before the number at `d`, if one may stand there.
fn label_before(b: &[u8], d: usize) -> Option<usize> {
    let mut k = d;
    loop {
        while k > 0
            && (b[k - 1] >= 0x80
                || matches!(
                    b[k - 1],
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'.' | b':' | b'-' | b'+'
                ))
        {
            k -= 1;
        }
        let mut ws = k;
        while ws > 0 && is_word_byte(b[ws - 1]) {
            ws -= 1;
        }
        let w = &b[ws..k];
        if w.is_empty() {
            return None;
        }
        if w.eq_ignore_ascii_case(b"no") || w.eq_ignore_ascii_case(b"number") {
            k = ws;
            continue;
        }
        if is_label_word(w) {
            return Some(ws);
        }
        let toll = ws >= 5
            && w.eq_ignore_ascii_case(b"free")
            && matches!(b[ws - 1], b'-' | b' ')
            && b[ws - 5..ws - 1].eq_ignore_ascii_case(b"toll")
            && boundary_before(b, ws - 5);
        return toll.then(|| ws - 5);
    }
}

/// Where numbers may start: a run of digits (each digit is a start) or a
/// number word.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    start: usize,
    end: usize,
    digits: bool,
}

/// What the one pass over a text finds.
struct Found {
    anchors: Vec<Anchor>,
    cands: Vec<usize>,
    pins: Vec<Range<usize>>,
    /// Every line break, `.`, `!` and `?` (where a sentence may end).
    cuts: Vec<usize>,
}

/// The high bits of `hi` (one per byte) gathered into the low eight bits,
/// byte `k` to bit `k`.
fn pack(hi: u64) -> u64 {
    (hi >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Which of the first 64 bytes of `win` are ASCII letters, one bit a byte.
#[inline]
fn block_letters(win: &[u8; 72]) -> u64 {
    let (chunks, _) = win.as_chunks::<8>();
    let mut letters = 0u64;
    for (j, c) in chunks.iter().take(8).enumerate() {
        letters |= pack(letter_mask(u64::from_le_bytes(*c))) << (8 * j);
    }
    letters
}

/// True for a number word that may start a number: the `len` ASCII
/// letters at `s` of a block (`s + len` within its 64 bytes), as
/// [`is_anchor_word`] tells.
#[inline]
fn block_word(win: &[u8; 72], s: usize, len: usize) -> bool {
    let s = s & 63;
    if len > 9 || LEN_FIRST[len] >> (win[s] & 31) & 1 == 0 {
        return false;
    }
    match len {
        3..=8 => {
            let Ok(c) = <[u8; 8]>::try_from(&win[s..s + 8]) else {
                return false;
            };
            let k = (u64::from_le_bytes(c) | 0x2020_2020_2020_2020) & LEN_MASK[len];
            ANCHOR_TABLE[(k.wrapping_mul(ANCHOR_MUL) >> 56) as usize] == k
        }
        9 => win[s..s + 9].eq_ignore_ascii_case(b"seventeen"),
        _ => false,
    }
}

/// The bytes that [`Scan::gap`] does something with: digits, line breaks,
/// `!`, `+`, `.`, `:`, `?` and `@`.
const LOOKED_AT: u64 = {
    let mut m = 0u64;
    let mut c = 0;
    while c < 64 {
        if matches!(
            c as u8,
            b'0'..=b'9' | b'\n' | b'!' | b'+' | b'.' | b':' | b'?'
        ) {
            m |= 1 << c;
        }
        c += 1;
    }
    m
};

/// True for a byte that [`Scan::gap`] does something with.
fn is_looked_at(c: u8) -> bool {
    (c < 64 && LOOKED_AT >> c & 1 == 1) || c == b'@'
}

/// The one pass over a text, under way.
struct Scan<'a> {
    b: &'a [u8],
    found: Found,
    pin_from: usize,
}

impl Scan<'_> {
    fn run_end(&self, mut e: usize) -> usize {
        while e < self.b.len() && self.b[e].is_ascii_digit() {
            e += 1;
        }
        e
    }

    /// An e-mail address starts where its local part does.
    #[inline(never)]
    fn at_sign(&mut self, i: usize) {
        let mut s = i;
        loop {
            let k = local_char_before(self.b, s);
            if k == 0 {
                break;
            }
            s -= k;
        }
        if s < i {
            self.found.cands.push(s);
        }
    }

    /// Looks at the bytes `from..to`, where no ASCII letter stands.
    fn gap(&mut self, from: usize, to: usize) {
        let b = self.b;
        let mut i = from;
        while i < to {
            match b[i] {
                b' ' => {
                    i += 1;
                    while i + 8 <= to && b[i..i + 8] == *b"        " {
                        i += 8;
                    }
                    continue;
                }
                b'0'..=b'9' => {
                    i = self.digits(i);
                    continue;
                }
                b'+' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                    self.found.cands.push(i);
                }
                b'.' => {
                    self.found.cuts.push(i);
                    if i >= 3 && b[i - 3..i].eq_ignore_ascii_case(b"www") {
                        self.found.cands.push(i - 3);
                    }
                }
                b'\n' | b'!' | b'?' => self.found.cuts.push(i),
                b':' if b.get(i + 1..i + 3) == Some(b"//") => {
                    if i >= 4 && b[i - 4..i].eq_ignore_ascii_case(b"http") {
                        self.found.cands.push(i - 4);
                    }
                    if i >= 5 && b[i - 5..i].eq_ignore_ascii_case(b"https") {
                        self.found.cands.push(i - 5);
                    }
                }
                b'@' => self.at_sign(i),
                _ => {}
            }
            i += 1;
        }
    }

    /// The run of digits at `d`: an anchor, and the stretches that may
    /// start there. Returns the end of the run.
    #[inline(never)]
    fn digits(&mut self, d: usize) -> usize {
        let b = self.b;
        let e = self.run_end(d);
        self.found.anchors.push(Anchor {
            start: d,
            end: e,
            digits: true,
        });
        let cands = &mut self.found.cands;
        if d > 0 && matches!(b[d - 1], b'v' | b'V') && boundary_before(b, d - 1) {
            cands.push(d - 1);
        }
        if boundary_before(b, d) {
            if digits_may_skip(b, d, e) {
                cands.push(d);
            }
            if let Some(l) = label_before(b, d) {
                cands.push(l);
            }
            if d >= self.pin_from && b[d] != b'0' {
                let pin = if e - d == 3 && b.get(e) == Some(&b' ') {
                    let e2 = self.run_end(e + 1);
                    (e2 - e - 1 == 3 && boundary_after(b, e2)).then_some(e2)
                } else {
                    (e - d == 6 && boundary_after(b, e)).then_some(e)
                };
                if let Some(end) = pin {
                    self.found.pins.push(d..end);
                    self.pin_from = end;
                }
            }
        }
        e
    }
}

/// In one pass: the anchors (see [`Finder::next_anchor`]), every place
/// where a [`SKIP`] stretch may begin (a superset, sorted), and the
/// six-digit PIN code shapes ("110 003", "400001") as
/// `(?-u:\b)[1-9][0-9]{2} ?[0-9]{3}(?-u:\b)` finds them.
///
/// The text is read 64 bytes at a time as a bit mask of its ASCII letters:
/// each run of letters is tried as a number word, and the bytes between
/// two runs (most often one space) are looked at one by one.
fn scan(t: &str) -> Found {
    let b = t.as_bytes();
    let n = b.len();
    let mut sc = Scan {
        b,
        found: Found {
            anchors: Vec::with_capacity(n / 32 + 8),
            cands: Vec::with_capacity(8),
            pins: Vec::new(),
            cuts: Vec::with_capacity(n / 24 + 8),
        },
        pin_from: 0,
    };
    let mut base = 0;
    // Whether the byte before the block is a letter.
    let mut carry = 0u64;
    // The end of the last run of letters.
    let mut prev_end = 0usize;
    while base < n {
        // The block and eight bytes more (zeros past the end of the text).
        let mut pad = [0u8; 72];
        let win: &[u8; 72] = match b.get(base..base + 72).map(<&[u8; 72]>::try_from) {
            Some(Ok(w)) => w,
            _ => {
                let m = (n - base).min(72);
                pad[..m].copy_from_slice(&b[base..base + m]);
                &pad
            }
        };
        let letters = block_letters(win);
        let mut starts = letters & !((letters << 1) | carry);
        carry = letters >> 63;
        while starts != 0 {
            let s = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let run = (!(letters >> s)).trailing_zeros() as usize;
            let i = base + s;
            if i != prev_end + 1 || b[prev_end] != b' ' {
                // Most gaps are short and hold nothing to look at (", ").
                let short = i - prev_end <= 3 && b[prev_end..i].iter().all(|&c| !is_looked_at(c));
                if !short {
                    sc.gap(prev_end, i);
                }
            }
            let (len, anchor) = if s + run >= 64 {
                let len = letters_end(b, base + 64) - i;
                (len, is_anchor_word(b, i, len))
            } else {
                (run, block_word(win, s, run))
            };
            prev_end = i + len;
            if anchor && boundary_before(b, i) && boundary_after(b, i + len) {
                sc.found.anchors.push(Anchor {
                    start: i,
                    end: i + len,
                    digits: false,
                });
            }
        }
        base += 64;
    }
    sc.gap(prev_end, n);
    let mut found = sc.found;
    found.cands.sort_unstable();
    found.cands.dedup();
    found
}

/// True for a byte that a [`SKIP`] stretch may begin with: an ASCII letter
/// or digit, one of `._%+-` (an e-mail address), or the first byte of `ſ`
/// or of the Kelvin sign (which match `s` and `k` in any case).
fn may_begin_stretch(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-' | 0xc5 | 0xe2)
}

/// Where numbers may start in one text, and the never-a-quantity
/// stretches, found on demand.
pub(crate) struct Finder<'t> {
    t: &'t str,
    anchors: Vec<Anchor>,
    next_anchor: usize,
    /// Where a [`SKIP`] stretch may begin, sorted, and the next to try.
    cands: Vec<usize>,
    next_cand: usize,
    /// The current [`SKIP`] stretch, where the search goes on after it,
    /// and whether the search is over.
    cur: Option<Range<usize>>,
    from: usize,
    done: bool,
    /// PIN code shapes and whether each stands in a PIN context.
    pins: Vec<(Range<usize>, Option<bool>)>,
    next_pin: usize,
    /// Every line break, `.`, `!` and `?`, in order.
    cuts: Vec<usize>,
}

impl<'t> Finder<'t> {
    /// Prepares the search of `t`.
    pub(crate) fn new(t: &'t str) -> Finder<'t> {
        let Found {
            anchors,
            cands,
            pins,
            cuts,
        } = scan(t);
        Finder {
            t,
            anchors,
            next_anchor: 0,
            cands,
            next_cand: 0,
            cur: None,
            from: 0,
            done: false,
            pins: pins.into_iter().map(|r| (r, None)).collect(),
            next_pin: 0,
            cuts,
        }
    }

    /// How many anchors the text has (digit runs and number words).
    pub(crate) fn anchor_count(&self) -> usize {
        self.anchors.len()
    }

    /// Every line break, `.`, `!` and `?` of the text, in order: the
    /// places where a sentence may end (see [`crate::sentence`]).
    pub(crate) fn take_cuts(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.cuts)
    }

    /// The next place at or after `pos` where a number may start: a digit,
    /// or a whole ASCII word that is a number word (any case). Returns its
    /// start and the end of the digit or word. Positions must be asked for
    /// in increasing order.
    pub(crate) fn next_anchor(&mut self, pos: usize) -> Option<(usize, usize)> {
        while let Some(a) = self.anchors.get(self.next_anchor) {
            if a.digits && a.end > pos {
                let s = a.start.max(pos);
                return Some((s, s + 1));
            }
            if !a.digits && a.start >= pos {
                return Some((a.start, a.end));
            }
            self.next_anchor += 1;
        }
        None
    }

    /// The stretch to jump over when a number starts at `a`: of the
    /// stretches holding `a`, the one that starts first (then ends first).
    /// Anchors must be asked for in increasing order.
    pub(crate) fn containing(&mut self, a: usize) -> Option<Range<usize>> {
        let p = self.pattern_containing(a);
        let q = self.pin_containing(a);
        match (p, q) {
            (Some(p), Some(q)) => Some(if (q.start, q.end) < (p.start, p.end) {
                q
            } else {
                p
            }),
            (p, q) => p.or(q),
        }
    }

    fn pattern_containing(&mut self, a: usize) -> Option<Range<usize>> {
        loop {
            if self.cur.is_none() && !self.done {
                self.cur = self.next_pattern(self.from);
                self.done = self.cur.is_none();
            }
            match self.cur.clone() {
                Some(r) if r.end <= a => {
                    self.from = r.end;
                    self.cur = None;
                }
                Some(r) if r.start <= a => return Some(r),
                _ => return None,
            }
        }
    }

    fn pin_containing(&mut self, a: usize) -> Option<Range<usize>> {
        while self
            .pins
            .get(self.next_pin)
            .is_some_and(|(r, _)| r.end <= a)
        {
            self.next_pin += 1;
        }
        let t = self.t;
        let (r, keep) = self.pins.get_mut(self.next_pin)?;
        if r.start > a {
            return None;
        }
        let keep = *keep.get_or_insert_with(|| crate::is_pin_context(t, r.start, r.end));
        keep.then(|| r.clone())
    }

    /// The leftmost [`SKIP`] stretch starting at or after `p`: tried at
    /// `p` itself (which may lie inside an e-mail address), then at every
    /// candidate after it.
    fn next_pattern(&mut self, p: usize) -> Option<Range<usize>> {
        let re = SKIP.as_ref()?;
        let try_at = |s: usize| {
            re.search(&Input::new(self.t).range(s..).anchored(Anchored::Yes))
                .map(|m| m.range())
        };
        if self
            .t
            .as_bytes()
            .get(p)
            .is_some_and(|&c| may_begin_stretch(c))
            && let Some(m) = try_at(p)
        {
            return Some(m);
        }
        while let Some(&c) = self.cands.get(self.next_cand) {
            self.next_cand += 1;
            if c <= p {
                continue;
            }
            if let Some(m) = try_at(c) {
                return Some(m);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex as Plain;

    /// The shared articles and seeds, when they are beside the project.
    fn shared_texts() -> Vec<String> {
        let shared = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        let mut out = Vec::new();
        for dir in ["corpus", "seeds"] {
            let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
                continue;
            };
            for e in entries.flatten() {
                if let Ok(s) = std::fs::read_to_string(e.path()) {
                    out.push(s.replace("\r\n", "\n"));
                }
            }
        }
        out
    }

    /// Made-up lines full of the shapes the search must tell apart.
    const TRICKY: &[&str] = &[
        "Call tel: 0612-2345678 or +91 98765 43210 before 5 pm, or 10:30 a.m.",
        "See https://example.com/a?b=1 and www.x.in; mail a.b+c@ex.co.in now.",
        "12-34-2020x@foo.com and 22/02/2023, 2023-02-22, 22.02.2023, v1.2.3",
        "version 2.0.1 of the toll-free line 1800 180 1551; mob. no. 98765-43210",
        "ab@cd @ x@y 1@2.c z@@q.co 9.30am 11 PM 2.5 pm 123-456-7890 1234-5-6",
        "Whatsapp:9876543210 HTTP://X.Y WWW.z.com xhttp://q.r awww.s.t",
        "Ph.: +91-11-2345 6789, Fax No. 011 2345 6790; TEL 5 pm 12.5 P.M.",
        "New Delhi 110 003, Mumbai - 400001 and 123 456 789 0123456 1234567",
        "Rs 2.5 lakh, 12.50 crore, 10.30 pm, 10.30\u{a0}a.m., 9.45AM, 1.5.2020 and 12.5.",
        "5.55 P.M. 5.5@x.com a5.5@y.in 22.02.23 7.12.2021x 3.14159 11.11\n\tam 1.2 pm 01.3.",
        "One two_three FOUR4 five, é six écrore 7eight nine9 ten-Lakhs lacs.quarter \
         SEVENTEEN seventeens thousands eighteen_ 12 Million,dozen fifty2 twentyone dozen",
    ];

    fn texts() -> Vec<String> {
        let mut all: Vec<String> = TRICKY.iter().map(|s| s.to_string()).collect();
        // Runs of letters and digits across the 64-byte blocks the scan
        // reads: every shift of a few lines, after spaces or letters.
        for k in 0..70 {
            let lead = if k % 2 == 0 { " " } else { "x" };
            for s in [TRICKY[0], TRICKY[7], TRICKY[10]] {
                all.push(format!("{}{s} {s}", lead.repeat(k)));
            }
        }
        all.push(format!("{} seventeen", "1".repeat(130)));
        all.push(format!("{}thousand 12", "q".repeat(120)));
        all.extend(shared_texts());
        all
    }

    #[test]
    fn lazy_stretches_equal_a_whole_text_search() {
        let Some(re) = SKIP.as_ref() else {
            panic!("the pattern compiles");
        };
        for t in texts() {
            let want: Vec<_> = re.find_iter(t.as_str()).map(|m| m.range()).collect();
            let mut finder = Finder::new(&t);
            let mut got = Vec::new();
            let mut from = 0;
            while let Some(r) = finder.next_pattern(from) {
                from = r.end;
                got.push(r);
            }
            assert_eq!(got, want, "{t}");
        }
    }

    #[test]
    fn anchors_equal_the_regex_anchors() {
        let re = Plain::new(
            r"[0-9]|(?i:(?-u:\b)(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|fourty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|lakhs?|lacs?|crores?|million|billion|trillion|half|quarter|dozen)(?-u:\b))",
        )
        .unwrap();
        for t in texts() {
            let mut finder = Finder::new(&t);
            let mut pos = 0;
            while pos <= t.len() {
                let want = re.find_at(&t, pos).map(|m| (m.start(), m.end()));
                assert_eq!(finder.next_anchor(pos), want, "at {pos} in {t}");
                pos += 1;
                while !t.is_char_boundary(pos) && pos < t.len() {
                    pos += 1;
                }
            }
        }
    }

    #[test]
    fn cuts_are_every_sentence_end_byte() {
        for t in texts() {
            let want: Vec<usize> = t
                .bytes()
                .enumerate()
                .filter(|&(_, c)| matches!(c, b'\n' | b'.' | b'!' | b'?'))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(scan(&t).cuts, want, "{t}");
        }
    }

    #[test]
    fn stretches_begin_only_where_the_quick_test_allows() {
        let Some(re) = SKIP.as_ref() else {
            panic!("the pattern compiles");
        };
        let mut texts = texts();
        texts.push("\u{17f}@x.in \u{212a}@y.co _a@b.in %q@r.in -z@x.com .a@b.cd".to_string());
        for t in texts {
            for m in re.find_iter(t.as_str()) {
                assert!(may_begin_stretch(t.as_bytes()[m.start()]), "{m:?} in {t}");
            }
            // Anchored at every byte: no stretch where the test says none.
            for i in 0..t.len() {
                if !may_begin_stretch(t.as_bytes()[i]) {
                    let hit = re.search(&Input::new(&t).range(i..).anchored(Anchored::Yes));
                    assert!(hit.is_none(), "at {i} in {t}");
                }
            }
        }
    }

    #[test]
    fn looked_at_bytes_are_those_the_gap_reads() {
        for c in 0..=255u8 {
            let want = matches!(
                c,
                b'0'..=b'9' | b'\n' | b'!' | b'+' | b'.' | b':' | b'?' | b'@'
            );
            assert_eq!(is_looked_at(c), want, "{c:#x}");
        }
    }

    #[test]
    fn pins_equal_the_regex_pins() {
        let re = Plain::new(r"(?-u:\b)[1-9][0-9]{2} ?[0-9]{3}(?-u:\b)").unwrap();
        for t in texts() {
            let want: Vec<_> = re.find_iter(&t).map(|m| m.range()).collect();
            assert_eq!(scan(&t).pins, want, "{t}");
        }
    }
}
