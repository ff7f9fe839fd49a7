//! Low-level scanning: tokens, numerals written in figures, lower-casing
//! without allocation.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits (the numeral itself is read by [`numeral`]).
    Num,
    /// Any other single character.
    Sym(char),
    /// A line break: nothing joins across it.
    Break,
    /// End of text.
    End,
}

/// A token: byte range and kind.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Tok {
    /// The token's text.
    pub fn raw<'a>(&self, t: &'a str) -> &'a str {
        t.get(self.start..self.end).unwrap_or("")
    }

    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// Characters skipped between tokens (not line breaks).
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\u{200b}'
    )
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// The next token at or after `pos`.
///
/// The common cases (a word or a number of ASCII characters at `pos` or
/// after one space) are read here, inline; the rest by [`tok_slow`].
#[inline]
pub(crate) fn tok(t: &str, pos: usize) -> Tok {
    let b = t.as_bytes();
    let mut i = pos;
    if b.get(i) == Some(&b' ') {
        i += 1;
    }
    // A byte below 0x80 starts a character, so `i` is a boundary.
    match b.get(i) {
        Some(c) if c.is_ascii_alphabetic() => {
            let e = crate::find::letters_end(b, i + 1);
            if b.get(e).is_none_or(|&c| c < 0x80) {
                return Tok {
                    start: i,
                    end: e,
                    kind: Kind::Word,
                };
            }
        }
        Some(c) if c.is_ascii_digit() => {
            return Tok {
                start: i,
                end: digits_end(t, i),
                kind: Kind::Num,
            };
        }
        _ => {}
    }
    tok_slow(t, pos)
}

/// [`tok`] for any text.
fn tok_slow(t: &str, pos: usize) -> Tok {
    let end = Tok {
        start: t.len(),
        end: t.len(),
        kind: Kind::End,
    };
    let b = t.as_bytes();
    let mut i = pos.min(t.len());
    if !t.is_char_boundary(i) {
        return end;
    }
    loop {
        let Some(&c) = b.get(i) else {
            return end;
        };
        let (ch, len) = match c {
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'\n' => {
                return Tok {
                    start: i,
                    end: i + 1,
                    kind: Kind::Break,
                };
            }
            b'0'..=b'9' => {
                return Tok {
                    start: i,
                    end: digits_end(t, i),
                    kind: Kind::Num,
                };
            }
            b'a'..=b'z' | b'A'..=b'Z' => {
                let e = crate::find::letters_end(b, i + 1);
                // Letters of other scripts may go on the word.
                let end = if b.get(e).is_some_and(|&c| c >= 0x80) {
                    letters_end(t, e)
                } else {
                    e
                };
                return Tok {
                    start: i,
                    end,
                    kind: Kind::Word,
                };
            }
            0..=0x7f => {
                return Tok {
                    start: i,
                    end: i + 1,
                    kind: Kind::Sym(c as char),
                };
            }
            _ => match t[i..].chars().next() {
                Some(ch) => (ch, ch.len_utf8()),
                None => return end,
            },
        };
        if is_space(ch) {
            i += len;
            continue;
        }
        if !is_letter(ch) {
            return Tok {
                start: i,
                end: i + len,
                kind: Kind::Sym(ch),
            };
        }
        return Tok {
            start: i,
            end: letters_end(t, i + len),
            kind: Kind::Word,
        };
    }
}

/// End of the run of letters (any script) from `i`.
fn letters_end(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    while let Some(&c) = b.get(i) {
        if c.is_ascii_alphabetic() {
            i = crate::find::letters_end(b, i);
        } else if c < 0x80 {
            break;
        } else {
            match t.get(i..).and_then(|r| r.chars().next()) {
                Some(ch) if is_letter(ch) => i += ch.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The character that ends at `end` (a character boundary above `floor`).
fn char_before(t: &str, floor: usize, end: usize) -> Option<(usize, char)> {
    let ch = t.get(floor..end)?.chars().next_back()?;
    Some((end - ch.len_utf8(), ch))
}

fn digits_end(t: &str, i: usize) -> usize {
    let b = t.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j
}

/// The token that ends at or before `pos` (skipping spaces, not line
/// breaks), if any, no earlier than `floor`.
///
/// The common cases (an ASCII word or number right before `pos` or before
/// one space) are read here, inline; the rest by [`tok_before_slow`].
#[inline]
pub(crate) fn tok_before(t: &str, pos: usize, floor: usize) -> Option<Tok> {
    let b = t.as_bytes();
    if floor <= pos && t.is_char_boundary(floor) && t.is_char_boundary(pos) {
        let mut end = pos;
        if end > floor && b[end - 1] == b' ' {
            end -= 1;
        }
        if end > floor {
            let c = b[end - 1];
            if c.is_ascii_digit() {
                let mut s = end - 1;
                while s > floor && b[s - 1].is_ascii_digit() {
                    s -= 1;
                }
                return Some(Tok {
                    start: s,
                    end,
                    kind: Kind::Num,
                });
            }
            if c.is_ascii_alphabetic() {
                let mut s = end - 1;
                while s > floor && b[s - 1].is_ascii_alphabetic() {
                    s -= 1;
                }
                // Letters of other scripts may go on the word.
                if s == floor || b[s - 1] < 0x80 {
                    return Some(Tok {
                        start: s,
                        end,
                        kind: Kind::Word,
                    });
                }
            }
        }
    }
    tok_before_slow(t, pos, floor)
}

/// [`tok_before`] for any text.
fn tok_before_slow(t: &str, pos: usize, floor: usize) -> Option<Tok> {
    if floor > pos || !t.is_char_boundary(floor) || !t.is_char_boundary(pos) {
        return None;
    }
    let b = t.as_bytes();
    let mut j = pos;
    let (start, c) = loop {
        if j <= floor {
            return None;
        }
        let c = b[j - 1];
        if matches!(c, b' ' | b'\t' | b'\r') {
            j -= 1;
            continue;
        }
        if c < 0x80 {
            break (j - 1, c as char);
        }
        let (s, ch) = char_before(t, floor, j)?;
        if is_space(ch) {
            j = s;
            continue;
        }
        break (s, ch);
    };
    let end = j;
    if c == '\n' {
        return Some(Tok {
            start,
            end,
            kind: Kind::Break,
        });
    }
    if c.is_ascii_digit() {
        let mut s = start;
        while s > floor && b[s - 1].is_ascii_digit() {
            s -= 1;
        }
        return Some(Tok {
            start: s,
            end,
            kind: Kind::Num,
        });
    }
    if !is_letter(c) {
        return Some(Tok {
            start,
            end,
            kind: Kind::Sym(c),
        });
    }
    let mut s = start;
    while s > floor {
        let c = b[s - 1];
        if c.is_ascii_alphabetic() {
            s -= 1;
        } else if c < 0x80 {
            break;
        } else {
            match char_before(t, floor, s) {
                Some((cs, ch)) if is_letter(ch) => s = cs,
                _ => break,
            }
        }
    }
    Some(Tok {
        start: s,
        end,
        kind: Kind::Word,
    })
}

/// A short word in lower case (ASCII letters only): the word itself when
/// it has no capital, else a copy kept on the stack.
pub(crate) enum Lower<'a> {
    /// Already in lower case.
    Same(&'a str),
    /// A lower-cased copy.
    Copy { buf: [u8; 24], len: usize },
}

impl<'a> Lower<'a> {
    /// Lower-cases `s` (ASCII letters only); longer words give "".
    pub fn new(s: &'a str) -> Lower<'a> {
        let b = s.as_bytes();
        if b.len() > 24 {
            return Lower::Same("");
        }
        if !b.iter().any(u8::is_ascii_uppercase) {
            return Lower::Same(s);
        }
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        Lower::Copy { buf, len: b.len() }
    }

    /// The lower-cased text.
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Copy { buf, len } => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
        }
    }
}

/// A number written in figures.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Numeral {
    pub end: usize,
    pub value: f64,
    /// Digits before the decimal point (all groups).
    pub int_digits: usize,
    /// Written with group separators.
    pub grouped: bool,
    /// Has a decimal part.
    pub decimal: bool,
    /// A fraction like `1/4`.
    pub fraction: bool,
    /// Not a quantity (a version, a date, a code like `24/7`).
    pub bad: bool,
    /// End and value when plain spaces group the digits ("10 000").
    pub spaced: Option<(usize, f64)>,
}

/// Powers of ten exact in an f64.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

struct Digits {
    buf: [u8; 64],
    len: usize,
}

impl Digits {
    fn push(&mut self, b: u8) {
        if self.len < self.buf.len() {
            self.buf[self.len] = b;
            self.len += 1;
        }
    }
    /// The number the digits (and at most one `.`) spell; NaN when they
    /// spell none.
    fn value(&self) -> f64 {
        let s = &self.buf[..self.len.min(self.buf.len())];
        // Up to 15 digits: the integer is exact in an f64 and so is the
        // power of ten, so one division rounds as the full parse does.
        if s.len() <= 15 {
            let mut m = 0u64;
            let mut digits = 0;
            let mut frac = None;
            let mut ok = true;
            for (i, &c) in s.iter().enumerate() {
                if c.is_ascii_digit() {
                    m = m * 10 + u64::from(c - b'0');
                    digits += 1;
                } else if c == b'.' && frac.is_none() {
                    frac = Some(s.len() - i - 1);
                } else {
                    ok = false;
                    break;
                }
            }
            if ok && digits > 0 {
                return match frac {
                    None => m as f64,
                    Some(k) => m as f64 / POW10[k],
                };
            }
        }
        std::str::from_utf8(s)
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    }
}

/// Length in bytes of a thin/no-break space at `j`, if one is there.
fn thin_space(b: &[u8], j: usize) -> usize {
    match b.get(j..j + 3) {
        Some([0xe2, 0x80, 0xaf]) | Some([0xe2, 0x80, 0x89]) | Some([0xe2, 0x80, 0x87]) => 3,
        _ => match b.get(j..j + 2) {
            Some([0xc2, 0xa0]) => 2,
            _ => 0,
        },
    }
}

fn run_len(b: &[u8], j: usize) -> usize {
    b.get(j..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// Reads the numeral starting at `start` (a digit, or a `.` before digits).
pub(crate) fn numeral(t: &str, start: usize) -> Numeral {
    let b = t.as_bytes();
    let mut d = Digits {
        buf: [0; 64],
        len: 0,
    };
    let mut j = start;
    let first = run_len(b, j);
    for &c in &b[j..j + first] {
        d.push(c);
    }
    j += first;
    let mut int_digits = first;
    let mut grouped = false;
    // Comma groups: western (all 3) or Indian (2s then a final 3).
    if (1..=3).contains(&first) {
        let save = (j, d.len, int_digits);
        let mut last_len = 0;
        while b.get(j) == Some(&b',') {
            let n = run_len(b, j + 1);
            if !(2..=3).contains(&n) {
                break;
            }
            for &c in &b[j + 1..j + 1 + n] {
                d.push(c);
            }
            j += 1 + n;
            int_digits += n;
            last_len = n;
            grouped = true;
        }
        if grouped && last_len != 3 {
            (j, d.len, int_digits) = save;
            grouped = false;
        }
        // Thin or no-break spaces as group separators.
        if !grouped {
            loop {
                let s = thin_space(b, j);
                if s == 0 || run_len(b, j + s) != 3 {
                    break;
                }
                for &c in &b[j + s..j + s + 3] {
                    d.push(c);
                }
                j += s + 3;
                int_digits += 3;
                grouped = true;
            }
        }
    }
    let mut decimal = false;
    let mut bad = false;
    if b.get(j) == Some(&b'.') && run_len(b, j + 1) > 0 {
        let n = run_len(b, j + 1);
        d.push(b'.');
        for &c in &b[j + 1..j + 1 + n] {
            d.push(c);
        }
        j += 1 + n;
        decimal = true;
        if b.get(j) == Some(&b'.') && run_len(b, j + 1) > 0 {
            // 1.2.3: a version or a dotted date.
            bad = true;
            while j < b.len() && (b[j] == b'.' || b[j].is_ascii_digit()) {
                j += 1;
            }
        }
    }
    let mut value = d.value();
    let mut fraction = false;
    if !decimal && !grouped && b.get(j) == Some(&b'/') && run_len(b, j + 1) > 0 {
        let n = run_len(b, j + 1);
        let den = std::str::from_utf8(&b[j + 1..j + 1 + n])
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(0.0);
        j += 1 + n;
        if b.get(j) == Some(&b'/') || den <= value || den > 100.0 || den == 0.0 {
            bad = true;
            while j < b.len() && (b[j] == b'/' || b[j].is_ascii_digit()) {
                j += 1;
            }
        } else {
            value /= den;
            fraction = true;
        }
    }
    // Plain spaces as group separators, kept as an option for the caller.
    let mut spaced = None;
    if !grouped && !decimal && !fraction && !bad && (1..=3).contains(&first) {
        let mut k = j;
        let mut sd = Digits {
            buf: d.buf,
            len: d.len,
        };
        let mut any = false;
        while b.get(k) == Some(&b' ') && run_len(b, k + 1) == 3 {
            for &c in &b[k + 1..k + 4] {
                sd.push(c);
            }
            k += 4;
            any = true;
        }
        if any {
            if b.get(k) == Some(&b'.') && run_len(b, k + 1) > 0 {
                let n = run_len(b, k + 1);
                sd.push(b'.');
                for &c in &b[k + 1..k + 1 + n] {
                    sd.push(c);
                }
                k += 1 + n;
            }
            spaced = Some((k, sd.value()));
        }
    }
    Numeral {
        end: j,
        value,
        int_digits,
        grouped,
        decimal,
        fraction,
        bad: bad || value.is_nan(),
        spaced,
    }
}

/// Reads a numeral that starts with a bare decimal point (".25").
pub(crate) fn leading_decimal(t: &str, dot: usize) -> Numeral {
    let b = t.as_bytes();
    let n = run_len(b, dot + 1);
    let value = t
        .get(dot..dot + 1 + n)
        .and_then(|s| format!("0{s}").parse::<f64>().ok())
        .unwrap_or(f64::NAN);
    Numeral {
        end: dot + 1 + n,
        value,
        int_digits: 0,
        grouped: false,
        decimal: true,
        fraction: false,
        bad: value.is_nan(),
        spaced: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The next token at or after `pos`.
    fn tok_ref(t: &str, pos: usize) -> Tok {
        let mut i = pos.min(t.len());
        let rest = t.get(i..).unwrap_or("");
        let mut it = rest.char_indices();
        loop {
            match it.next() {
                None => {
                    return Tok {
                        start: t.len(),
                        end: t.len(),
                        kind: Kind::End,
                    };
                }
                Some((off, c)) => {
                    if is_space(c) {
                        continue;
                    }
                    i = pos + off;
                    if c == '\n' {
                        return Tok {
                            start: i,
                            end: i + 1,
                            kind: Kind::Break,
                        };
                    }
                    if c.is_ascii_digit() {
                        let end = digits_end(t, i);
                        return Tok {
                            start: i,
                            end,
                            kind: Kind::Num,
                        };
                    }
                    if is_letter(c) {
                        let mut end = i + c.len_utf8();
                        for (o, d) in t[end..].char_indices() {
                            if !is_letter(d) {
                                end += o;
                                return Tok {
                                    start: i,
                                    end,
                                    kind: Kind::Word,
                                };
                            }
                        }
                        return Tok {
                            start: i,
                            end: t.len(),
                            kind: Kind::Word,
                        };
                    }
                    return Tok {
                        start: i,
                        end: i + c.len_utf8(),
                        kind: Kind::Sym(c),
                    };
                }
            }
        }
    }

    /// The token that ends at or before `pos` (skipping spaces, not line
    /// breaks), if any, no earlier than `floor`.
    fn tok_before_ref(t: &str, pos: usize, floor: usize) -> Option<Tok> {
        let head = t.get(floor..pos)?;
        let mut it = head.char_indices().rev();
        let (off, c) = loop {
            let (off, c) = it.next()?;
            if !is_space(c) {
                break (off, c);
            }
        };
        let end = floor + off + c.len_utf8();
        if c == '\n' {
            return Some(Tok {
                start: floor + off,
                end,
                kind: Kind::Break,
            });
        }
        let (pred, kind): (fn(char) -> bool, Kind) = if c.is_ascii_digit() {
            (|d: char| d.is_ascii_digit(), Kind::Num)
        } else if is_letter(c) {
            (is_letter, Kind::Word)
        } else {
            return Some(Tok {
                start: floor + off,
                end,
                kind: Kind::Sym(c),
            });
        };
        let mut start = floor + off;
        for (o, d) in it {
            if pred(d) {
                start = floor + o;
            } else {
                break;
            }
        }
        Some(Tok { start, end, kind })
    }

    fn same(a: Tok, b: Tok) -> bool {
        a.start == b.start && a.end == b.end && a.kind == b.kind
    }

    #[test]
    fn digit_values_equal_the_full_parse() {
        let cases = [
            "0",
            "7",
            "007",
            "123456789012345",
            "1234567890123456",
            ".5",
            "0.1",
            "0.3",
            "12.345",
            "99999999999999.9",
            "1.000000000000001",
            "3.14159265358979",
            "",
            ".",
            "5.",
            "123.456789012345",
        ];
        for c in cases {
            let mut d = Digits {
                buf: [0; 64],
                len: 0,
            };
            for b in c.bytes() {
                d.push(b);
            }
            let want = c.parse::<f64>().unwrap_or(f64::NAN);
            let got = d.value();
            assert!(
                got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                "{c}: {got} vs {want}"
            );
        }
        // Every decimal with up to six digits on either side of the point.
        let mut x: u64 = 1;
        for _ in 0..20_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let int = (x >> 20) % 1_000_000;
            let frac = (x >> 40) % 1_000_000;
            let c = format!("{int}.{frac:06}");
            let mut d = Digits {
                buf: [0; 64],
                len: 0,
            };
            for b in c.bytes() {
                d.push(b);
            }
            assert_eq!(
                d.value().to_bits(),
                c.parse::<f64>().unwrap_or(f64::NAN).to_bits(),
                "{c}"
            );
        }
    }

    #[test]
    fn fast_tokens_equal_the_plain_ones() {
        let texts = [
            "Rs 5,00,000 crore\n\n₹ 6.5 lakh (approx.) — 12\u{a0}km, café über 3\u{202f}000 ÉTÉ",
            "  \t\r\n 44%  x\u{200b}y αβγ 5 δ… “quoted” 10-11 a.m. done ",
            "",
            "ab\u{2009}cd 7\u{2007}8 Ωmega ends",
        ];
        for t in texts {
            for pos in 0..=t.len() + 1 {
                let (a, b) = (tok(t, pos), tok_ref(t, pos));
                assert!(same(a, b), "tok at {pos} in {t:?}: {a:?} vs {b:?}");
                for floor in [0, pos.saturating_sub(3), pos.saturating_sub(9), pos] {
                    let (a, b) = (tok_before(t, pos, floor), tok_before_ref(t, pos, floor));
                    let ok = match (a, b) {
                        (Some(a), Some(b)) => same(a, b),
                        (None, None) => true,
                        _ => false,
                    };
                    assert!(
                        ok,
                        "tok_before at {pos} from {floor} in {t:?}: {a:?} vs {b:?}"
                    );
                }
            }
        }
    }
}
