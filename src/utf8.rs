//! Reading a stretch of UTF-8 eight bytes at a time: its chars, its UTF-16 code units, its
//! first and last line breaks — what splitting the source into lines, ordering the report
//! and counting its figures' offsets do over the whole source (a 100,000-row table's 4 MB
//! once each).

/// A byte of ones in every lane of a word.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of every lane.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `chunk` (eight long) as a word, the first byte lowest.
fn word(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(chunk.try_into().unwrap_or_default())
}

/// The top bit of each continuation byte (`10xxxxxx`) of `x`.
fn continuations(x: u64) -> u64 {
    x & !(x << 1) & HIGHS
}

/// The top bit of each byte of `x` that leads a four-byte char (`11110xxx` and above).
fn four_byte_leads(x: u64) -> u64 {
    x & (x << 1) & (x << 2) & (x << 3) & HIGHS
}

/// The sum of the eight bytes of `lanes` (a sum below 256: each byte here is at most 2).
fn lane_sum(lanes: u64) -> usize {
    (lanes.wrapping_mul(ONES) >> 56) as usize
}

/// Chars in a stretch of UTF-8 (bytes that are not continuation bytes).
pub(crate) fn chars_in(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        n += 8 - lane_sum(continuations(word(c)) >> 7);
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
}

/// UTF-16 code units in a stretch of UTF-8: a unit for every char, two for a char of four
/// bytes.
pub(crate) fn utf16_len(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let x = word(c);
        // per byte 1, less 1 for a continuation byte, plus 1 for a four-byte lead (the two
        // never the same byte): 0 to 2 a byte
        n += lane_sum(ONES - (continuations(x) >> 7) + (four_byte_leads(x) >> 7));
    }
    n + chunks
        .remainder()
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum::<usize>()
}

/// The top bit of each byte of `x` that is a line break (`\n`), exactly: no borrow passes
/// between bytes, so a byte after a line break is never marked.
fn newlines(x: u64) -> u64 {
    let x = x ^ (ONES * u64::from(b'\n'));
    let low7 = !HIGHS;
    !(((x & low7) + low7) | x | low7)
}

/// Where the first line break (`\n`) of `bytes` is.
pub(crate) fn first_newline(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut start = 0;
    for c in &mut chunks {
        let marks = newlines(word(c));
        if marks != 0 {
            return Some(start + marks.trailing_zeros() as usize / 8);
        }
        start += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| start + p)
}

/// Where the last line break (`\n`) of `bytes` is.
pub(crate) fn last_newline(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.rchunks_exact(8);
    let mut end = bytes.len();
    for c in &mut chunks {
        end -= 8;
        let marks = newlines(word(c));
        if marks != 0 {
            return Some(end + (63 - marks.leading_zeros() as usize) / 8);
        }
    }
    chunks.remainder().iter().rposition(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stretches of every length up to 40 from a walk over every byte value, and of text.
    fn stretches() -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut x = 7u64;
        for len in 0..=40 {
            for _ in 0..200 {
                let s = (0..len)
                    .map(|_| {
                        x = x
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1_442_695_040_888_963_407);
                        // half the bytes from a few that matter, half any
                        let b = (x >> 33) as u8;
                        if x >> 63 == 0 {
                            [b'\n', b'a', 0x80, 0xBF, 0xC3, 0xE4, 0xF0, 0xF4, 0xFF]
                                [usize::from(b % 9)]
                        } else {
                            b
                        }
                    })
                    .collect();
                out.push(s);
            }
        }
        out.push(
            "支出决算表\n科目\t合计\n😀 2010101\t行政运行\t12.5\n"
                .as_bytes()
                .to_vec(),
        );
        out
    }

    #[test]
    fn counts_eight_bytes_at_a_time_are_the_counts_a_byte_at_a_time() {
        for s in stretches() {
            let chars = s.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            let units: usize = s
                .iter()
                .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
                .sum();
            assert_eq!(chars_in(&s), chars, "{s:?}");
            assert_eq!(utf16_len(&s), units, "{s:?}");
            assert_eq!(
                last_newline(&s),
                s.iter().rposition(|&b| b == b'\n'),
                "{s:?}"
            );
            assert_eq!(
                first_newline(&s),
                s.iter().position(|&b| b == b'\n'),
                "{s:?}"
            );
        }
        // a byte one above a line break's, right after one, is not one (a borrow between
        // bytes would mark it), wherever the two fall in a word
        for at in 0..16 {
            let mut s = vec![b'a'; 24];
            s[at] = b'\n';
            s[at + 1] = b'\n' + 1;
            assert_eq!(first_newline(&s[at + 1..]), None, "{at}");
            assert_eq!(last_newline(&s), Some(at), "{at}");
        }
        // as JavaScript counts a string with a char outside the basic plane
        let text = "行政运行😀12.5\n末行";
        assert_eq!(utf16_len(text.as_bytes()), text.encode_utf16().count());
        assert_eq!(chars_in(text.as_bytes()), text.chars().count());
    }
}
