//! Byte searches eight bytes at a time in a `u64` ("SIMD within a
//! register"), shared by the line rules and the dateline reader.
//!
//! A mask has the high bit of each flagged byte set. The zero-byte trick
//! may also flag a byte just above a true hit (never below one), so the
//! lowest flag is always a true hit and callers check the others.

/// `0x01` in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// A high bit for each zero byte of `v` (and perhaps for bytes above one).
pub(crate) fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(ONES) & !v & HIGHS
}

/// A high bit for each byte of `v` equal to `b` (and perhaps a few above).
pub(crate) fn byte_hits(v: u64, b: u8) -> u64 {
    zero_bytes(v ^ (ONES * u64::from(b)))
}

/// A high bit for each byte of `v` that is the ASCII `letter` in either
/// case (and perhaps for a few others, which callers check).
pub(crate) fn letter_hits(v: u64, letter: u8) -> u64 {
    // Setting bit 5 puts an ASCII letter in lower case.
    byte_hits(v | 0x2020_2020_2020_2020, letter.to_ascii_lowercase())
}

/// The positions in `bytes`, in order, of the bytes `hits` flags in each
/// little-endian word of eight (the last one padded with zero bytes, which
/// `hits` must not flag).
pub(crate) fn positions<'a>(
    bytes: &'a [u8],
    hits: impl Fn(u64) -> u64 + Copy + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let (chunks, rest) = bytes.as_chunks::<8>();
    let last = rest
        .iter()
        .rev()
        .fold(0u64, |v, &b| (v << 8) | u64::from(b));
    let words = chunks
        .iter()
        .map(|c| u64::from_le_bytes(*c))
        .chain((!rest.is_empty()).then_some(last));
    words.enumerate().flat_map(move |(k, v)| {
        let mut found = hits(v);
        std::iter::from_fn(move || {
            if found == 0 {
                return None;
            }
            let byte = (found.trailing_zeros() / 8) as usize;
            found &= found - 1;
            Some(8 * k + byte)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_cover_every_true_hit() {
        let text = b"a-b\xe2c Dd-d\xe2 then a long tail without dashes -";
        let dashes: Vec<usize> = positions(text, |v| byte_hits(v, b'-') | byte_hits(v, 0xE2))
            .filter(|&i| matches!(text[i], b'-' | 0xE2))
            .collect();
        let want: Vec<usize> = (0..text.len())
            .filter(|&i| matches!(text[i], b'-' | 0xE2))
            .collect();
        assert_eq!(dashes, want);
        let ds: Vec<usize> = positions(text, |v| letter_hits(v, b'd'))
            .filter(|&i| text[i].eq_ignore_ascii_case(&b'd'))
            .collect();
        let want: Vec<usize> = (0..text.len())
            .filter(|&i| text[i].eq_ignore_ascii_case(&b'd'))
            .collect();
        assert_eq!(ds, want);
    }
}
