//! The JSON report's smallest pieces — a figure's text, a whole number — written as whole
//! words into the buffer and the length then set back, instead of a copy call a piece: a
//! 100,000-row table's report writes about 600,000 figure references, each its text and
//! three numbers.

use super::Outcome;
use crate::relation::{Rule, Severity};

use crate::utf8::{HIGHS, ONES};

/// Nonzero when some byte of `x` is zero (exactly when: a borrow marks only bytes above a
/// zero byte, never one where there is none).
fn zero_byte(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// No byte of `x` needs escaping in a JSON string or is outside ASCII: none below 0x20, at
/// or above 0x7f, a quote or a backslash.
fn plain_word(x: u64) -> bool {
    // below 0x20: the subtraction borrows in that lane (a byte at or above 0x80, whose top
    // bit `!x` clears, is caught by `x & HIGHS`)
    let below = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
    let odd = zero_byte(x ^ (ONES * u64::from(b'"')))
        | zero_byte(x ^ (ONES * u64::from(b'\\')))
        | zero_byte(x ^ (ONES * 0x7f));
    below | (x & HIGHS) | odd == 0
}

/// `x` with its bytes from the `keep`-th on (little-endian order) made `'0'`, which
/// [`plain_word`] passes.
fn keep_bytes(x: u64, keep: usize) -> u64 {
    if keep >= 8 {
        return x;
    }
    let mask = (1u64 << (8 * keep)) - 1;
    (x & mask) | ((ONES * u64::from(b'0')) & !mask)
}

/// A figure's text when JSON takes it as it stands and it is short: the 16 bytes of
/// `source` from `start` (the text and what follows it) and the text's length, where the
/// text is at most 16 bytes of printable ASCII without a quote or a backslash — one UTF-16
/// unit a byte — and 16 bytes are there to read. `None` otherwise (the general writer).
#[inline]
pub(super) fn short_text(source: &[u8], start: usize, len: usize) -> Option<([u8; 16], usize)> {
    if len > 16 {
        return None;
    }
    let window: [u8; 16] = source.get(start..start.checked_add(16)?)?.try_into().ok()?;
    let (a, b) = window.split_at(8);
    let a = u64::from_le_bytes(a.try_into().ok()?);
    let b = u64::from_le_bytes(b.try_into().ok()?);
    let plain = plain_word(keep_bytes(a, len)) && plain_word(keep_bytes(b, len.saturating_sub(8)));
    plain.then_some((window, len))
}

/// `n` (below 10⁸) as eight decimal digits, one a byte, the first in the lowest byte, with
/// leading zeros (not yet ASCII): two 4-digit halves, split into pairs, then into digits, by
/// multiplying by a reciprocal in every lane at once (`x·10486 >> 20` is `x / 100` below
/// 10⁴, `x·103 >> 10` is `x / 10` below 100).
fn eight_digits(n: u32) -> u64 {
    let merged = u64::from(n / 10_000) | u64::from(n % 10_000) << 32;
    let hundreds_high = ((merged * 10_486) >> 20) & (0x7f << 32 | 0x7f);
    let hundreds_low = merged - 100 * hundreds_high;
    let pairs = (hundreds_low << 16) + hundreds_high;
    let tens = ((pairs * 103) >> 10) & (0xf << 48 | 0xf << 32 | 0xf << 16 | 0xf);
    tens + ((pairs - 10 * tens) << 8)
}

/// `n` in decimal digits, as serde_json writes a number.
#[inline]
pub(super) fn push_uint(buf: &mut Vec<u8>, n: u32) {
    let mut w = Scratch::<16>::new();
    w.uint(n);
    w.append_to(buf);
}

/// A figure as the report refers to it, `["text",line,start,end]`, its text from
/// [`short_text`] and `start` in UTF-16 units.
#[inline]
pub(super) fn push_ref(buf: &mut Vec<u8>, text: ([u8; 16], usize), line: u32, start: u32) {
    let mut w = Scratch::<64>::new();
    w.reference(text, line, start);
    w.append_to(buf);
}

/// The room an entry's scratch has: its line, column and page, the figure reported and its
/// reference, with every number of ten digits, take 176 bytes.
pub(super) const ENTRY_ROOM: usize = 192;

/// An entry's figure and place, as [`push_entry_figure`] writes them.
pub(super) struct EntryFigure<'a> {
    pub(super) line: u32,
    pub(super) column: u32,
    pub(super) page: Option<u32>,
    /// The figure's text when [`short_text`] takes it …
    pub(super) reported: Option<([u8; 16], usize)>,
    /// … else its text as printed.
    pub(super) raw: &'a str,
    pub(super) rounding: bool,
    /// The figure's line and UTF-16 start, for its reference, where its text is short
    /// (`reported`) and its start known.
    pub(super) figure: Option<(u32, u32)>,
}

/// An entry's fields from its line to the bracket that opens its inputs:
/// `line,"column":…[,"page":…],"reported":"…","within_rounding":…,"figure":[…],"inputs":[`,
/// put together on the stack and copied at once where the figure is a short text (nearly
/// always); `reference` writes the figure's reference otherwise.
#[inline(always)]
pub(super) fn push_entry_figure(
    buf: &mut Vec<u8>,
    e: EntryFigure<'_>,
    reference: impl FnOnce(&mut Vec<u8>),
) {
    let mut w = Scratch::<ENTRY_ROOM>::new();
    w.uint(e.line);
    w.put(b",\"column\":");
    w.uint(e.column);
    if let Some(p) = e.page {
        w.put(b",\"page\":");
        w.uint(p);
    }
    w.put(b",\"reported\":");
    match e.reported {
        Some(text) => w.short_string(text),
        None => {
            w.append_to(buf);
            w = Scratch::new();
            super::json_str(buf, e.raw);
        }
    }
    w.put(if e.rounding {
        b",\"within_rounding\":true,\"figure\":"
    } else {
        b",\"within_rounding\":false,\"figure\":"
    });
    match (e.reported, e.figure) {
        (Some(text), Some((line, start))) => {
            w.reference(text, line, start);
            w.put(b",\"inputs\":[");
            w.append_to(buf);
        }
        _ => {
            w.append_to(buf);
            reference(buf);
            buf.extend_from_slice(b",\"inputs\":[");
        }
    }
}

/// Pieces put together on the stack and then copied into the report's buffer at once: a
/// byte stored into the buffer itself could be the buffer's own length as far as the
/// compiler knows, which it then loads again after every byte. `N` bytes hold what is put
/// and the whole words written past its end; what would not fit is left out.
pub(super) struct Scratch<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Scratch<N> {
    pub(super) fn new() -> Self {
        Scratch {
            bytes: [0; N],
            len: 0,
        }
    }

    /// What has been put, added to `buf`: all `N` bytes copied (a copy of a known size,
    /// done in a few moves, where a copy of a varying size is a call) and the length set
    /// back.
    #[inline(always)]
    pub(super) fn append_to(&self, buf: &mut Vec<u8>) {
        let end = buf.len() + self.len;
        buf.extend_from_slice(&self.bytes);
        buf.truncate(end);
    }

    /// `piece` put after what is there, then `keep` of its bytes kept (the rest written
    /// over by what comes next).
    #[inline(always)]
    fn put_keep(&mut self, piece: &[u8], keep: usize) {
        if let Some(to) = self.bytes.get_mut(self.len..self.len + piece.len()) {
            to.copy_from_slice(piece);
            self.len += keep.min(piece.len());
        }
    }

    #[inline(always)]
    pub(super) fn put(&mut self, piece: &[u8]) {
        self.put_keep(piece, piece.len());
    }

    /// A short text (from [`short_text`]) in quotes: all 16 bytes written, the length
    /// set back.
    #[inline(always)]
    pub(super) fn short_string(&mut self, (window, len): ([u8; 16], usize)) {
        self.put(b"\"");
        self.put_keep(&window, len);
        self.put(b"\"");
    }

    /// A figure as the report refers to it, `["text",line,start,end]`: a short text is one
    /// UTF-16 unit a byte, so that its end is its start and its length.
    #[inline(always)]
    pub(super) fn reference(&mut self, text: ([u8; 16], usize), line: u32, start: u32) {
        let end = u32::try_from(start as usize + text.1).unwrap_or(u32::MAX);
        self.put(b"[");
        self.short_string(text);
        self.put(b",");
        self.uint(line);
        self.put(b",");
        self.uint(start);
        self.put(b",");
        self.uint(end);
        self.put(b"]");
    }

    /// `n` in decimal digits, as serde_json writes a number.
    #[inline(always)]
    pub(super) fn uint(&mut self, n: u32) {
        if n == 0 || n >= 100_000_000 {
            self.uint_itoa(n);
            return;
        }
        let digits = eight_digits(n);
        // the leading zeros are the lowest bytes that are zero; the number is not, so one
        // is not
        let zeros = (digits.trailing_zeros() / 8) as usize;
        let ascii = (digits >> (8 * zeros)) | (ONES * u64::from(b'0'));
        self.put_keep(&ascii.to_le_bytes(), 8 - zeros);
    }

    /// `n` in decimal digits by `itoa` (zero, and numbers of nine digits or more).
    #[cold]
    #[inline(never)]
    fn uint_itoa(&mut self, n: u32) {
        self.put(itoa::Buffer::new().format(n).as_bytes());
    }
}

/// The opening of an entry up to its line, `,{"rule":…,"status":…,"severity":…,"line":`,
/// made once for each rule, status and severity met.
pub(super) struct Heads<'n> {
    nl: &'n [u8],
    made: Vec<((Rule, Outcome, Severity), Vec<u8>)>,
}

impl<'n> Heads<'n> {
    /// With `nl` after the comma (a line break, or nothing).
    pub(super) fn new(nl: &'n [u8]) -> Self {
        Heads {
            nl,
            made: Vec::new(),
        }
    }

    pub(super) fn get(&mut self, rule: Rule, status: Outcome, severity: Severity) -> &[u8] {
        let key = (rule, status, severity);
        let at = match self.made.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                let mut head = b",".to_vec();
                head.extend_from_slice(self.nl);
                head.extend_from_slice(b"{\"rule\":");
                super::json_str(&mut head, rule.id());
                head.extend_from_slice(b",\"status\":\"");
                head.extend_from_slice(status.as_str().as_bytes());
                head.extend_from_slice(b"\",\"severity\":\"");
                head.extend_from_slice(match severity {
                    Severity::Info => b"info",
                    Severity::Warning => b"warning",
                    Severity::Error => b"error",
                });
                head.extend_from_slice(b"\",\"line\":");
                self.made.push((key, head));
                self.made.len() - 1
            }
        };
        self.made.get(at).map_or(&[], |(_, head)| head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_bytewise(bytes: &[u8]) -> bool {
        bytes
            .iter()
            .all(|&b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
    }

    #[test]
    fn a_number_is_written_as_itoa_writes_it() {
        let mut values: Vec<u32> = vec![0, 1, 9, 10, 11, 99, 100, 101, 999, 1_000, 9_999, 10_000];
        for p in 1..=9u32 {
            let t = 10u32.pow(p);
            values.extend([t - 1, t, t + 1, 3 * t / 2]);
        }
        values.extend([
            12_345_678,
            87_654_321,
            99_999_999,
            100_000_000,
            u32::MAX,
            u32::MAX - 1,
        ]);
        // and a spread over every size: a multiplicative walk
        let mut x = 1u64;
        for _ in 0..5_000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407)
                % (1 << 32);
            values.push((x >> (x % 29)) as u32);
        }
        let mut buf = b"x".to_vec();
        for n in values {
            buf.truncate(1);
            push_uint(&mut buf, n);
            assert_eq!(&buf[1..], itoa::Buffer::new().format(n).as_bytes(), "{n}");
        }
    }

    #[test]
    fn a_text_is_taken_as_it_stands_exactly_when_no_byte_of_it_needs_escaping() {
        // every byte value at every place of every length, in a window of plain bytes
        for len in 0..=16 {
            for at in 0..len.max(1) {
                for b in 0..=255u8 {
                    let mut source = vec![b'7'; 40];
                    source[3 + at] = b;
                    let text = &source[3..3 + len];
                    let got = short_text(&source, 3, len);
                    assert_eq!(
                        got.is_some(),
                        plain_bytewise(text),
                        "byte {b:#x} at {at} of {len}"
                    );
                    if let Some(t) = got {
                        let mut buf = b"ab".to_vec();
                        let mut w = Scratch::<24>::new();
                        w.short_string(t);
                        w.append_to(&mut buf);
                        assert_eq!(&buf[2..], [b"\"", text, b"\""].concat());
                    }
                }
            }
        }
        // past the text the window may hold anything
        let source = b"123.45\"\\\x01\x7f\xe4\xb8\x80abcdefgh";
        assert!(short_text(source, 0, 6).is_some());
        // longer than 16 bytes, or fewer than 16 bytes left to read: not taken here
        assert!(short_text(&[b'1'; 40], 0, 17).is_none());
        assert!(short_text(&[b'1'; 20], 5, 3).is_none());
        assert!(short_text(&[b'1'; 20], 4, 3).is_some());
    }

    #[test]
    fn the_longest_pieces_fit_their_scratch() {
        // a reference of the longest text and numbers in a reference's room
        let source = [b'9'; 32];
        let text = short_text(&source, 0, 16).expect("plain");
        let mut w = Scratch::<64>::new();
        w.reference(text, u32::MAX, u32::MAX);
        let mut buf = Vec::new();
        w.append_to(&mut buf);
        let max = u32::MAX;
        let t = "9".repeat(16);
        let reference = format!("[\"{t}\",{max},{max},{max}]");
        assert_eq!(String::from_utf8_lossy(&buf), reference);
        // an entry's figure and place, every number the longest, in an entry's room; and
        // the same written in pieces (a long text, the reference by the caller)
        let longest = |reported, figure| EntryFigure {
            line: max,
            column: max,
            page: Some(max),
            reported,
            raw: "9999999999999999",
            rounding: false,
            figure,
        };
        let whole = |e| {
            let mut buf = Vec::new();
            push_entry_figure(&mut buf, e, |b| b.extend_from_slice(reference.as_bytes()));
            String::from_utf8_lossy(&buf).into_owned()
        };
        let expected = format!(
            "{max},\"column\":{max},\"page\":{max},\"reported\":\"{t}\",\
             \"within_rounding\":false,\"figure\":{reference},\"inputs\":["
        );
        assert_eq!(whole(longest(Some(text), Some((max, max)))), expected);
        assert_eq!(whole(longest(None, None)), expected);
    }

    #[test]
    fn a_reference_is_its_text_and_three_numbers() {
        let source = b"\t1,234.50\tmore text after it";
        let mut buf = b",".to_vec();
        let text = short_text(source, 1, 8).expect("plain");
        push_ref(&mut buf, text, 4, 120_000_003);
        assert_eq!(buf, b",[\"1,234.50\",4,120000003,120000011]");
    }
}
