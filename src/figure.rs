//! Reading printed figures: `1,000`, `5,347.87`, `-204.61`, `39.77%`, `15.87 %`, `１２３`,
//! `—`, units such as 万元 and 人.
//!
//! A figure keeps the exact decimal it prints, the number of decimals printed (which fixes
//! its rounding interval) and where it was printed. Nothing here uses floating point.

use rust_decimal::Decimal;
use std::fmt;

/// Index of a figure in [`crate::Document::figures`].
pub type FigId = usize;

/// A set of figures, one bit each: the checks' sets of parts and totals (a hash set of
/// them cost the page's core ≈ 2 KB of its own code, and more time to fill).
#[derive(Debug, Clone, Default)]
pub struct FigSet(Vec<u64>);

impl FigSet {
    /// Adds a figure.
    pub fn insert(&mut self, id: FigId) {
        let word = id / 64;
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        if let Some(w) = self.0.get_mut(word) {
            *w |= 1 << (id % 64);
        }
    }

    /// Whether it holds the figure.
    pub fn contains(&self, id: FigId) -> bool {
        self.0.get(id / 64).is_some_and(|w| w >> (id % 64) & 1 == 1)
    }
}

impl Extend<FigId> for FigSet {
    fn extend<I: IntoIterator<Item = FigId>>(&mut self, ids: I) {
        for id in ids {
            self.insert(id);
        }
    }
}

/// A number as printed, with its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// The exact printed value; for percentages, in percent (`39.77%` → 39.77).
    pub value: Decimal,
    /// Decimals printed: `5,347.87` → 2, `12,011` → 0.
    pub scale: u32,
    /// Printed with a percent sign.
    pub percent: bool,
}

impl Number {
    /// Its whole part as an integer ("2018年" → 2018), when it fits.
    pub fn whole(&self) -> Option<i64> {
        i64::try_from(self.value.trunc().mantissa()).ok()
    }
}

/// Why a string is not a usable figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureError {
    /// No digits where a number was expected.
    NotANumber,
    /// More digits than exact decimal arithmetic can carry (about 28).
    TooLarge,
}

impl fmt::Display for FigureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FigureError::NotANumber => f.write_str("not a number"),
            FigureError::TooLarge => f.write_str("figure too large for exact arithmetic"),
        }
    }
}

/// What a table cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Nothing printed. Treated as "no figure": it adds nothing to a sum and cannot be a
    /// divisor or a checked result.
    Blank,
    /// A dash (`-`, `—`, `－`, `--`): publishers print it for "none"; treated like a blank.
    Dash,
    /// A figure.
    Figure,
    /// Words, or a figure mixed with words (`1套`, `≥99%`).
    Text,
}

/// Whether a character, folded ([`fold_char`]), is one of the dashes a cell printed as a
/// dash is made of.
pub fn is_dash(folded: char) -> bool {
    matches!(folded, '-' | '—' | '─' | '–')
}

/// Maps full-width and other look-alike characters onto the ASCII ones the reader expects.
pub fn fold_char(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '，' => ',',
        '－' | '−' | '‐' | '‑' => '-',
        '＋' => '+',
        '％' => '%',
        '\u{3000}' | '\u{a0}' => ' ',
        _ => c,
    }
}

/// A figure found inside running text or a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character of the figure (sign included).
    pub start: usize,
    /// Byte offset one past the figure (percent sign included).
    pub end: usize,
    /// The number, or why it could not be read.
    pub number: Result<Number, FigureError>,
    /// The unit printed right after the figure, canonical simplified form.
    pub unit: Option<&'static str>,
    /// Byte offset one past the unit (equals `end` when there is none).
    pub unit_end: usize,
}

/// Units recognised after a figure; longer spellings first so 万元 wins over 元.
pub(crate) const UNITS: &[(&str, &str)] = &[
    ("平方米", "平方米"),
    ("万元", "万元"),
    ("萬元", "万元"),
    ("亿元", "亿元"),
    ("億元", "亿元"),
    // Hong Kong's and Macau's dollars ("7,532億港元", "572.2億澳門元"): a text in one of them
    // states all its amounts in it, so they are read as its 元
    ("億港元", "亿元"),
    ("亿港元", "亿元"),
    ("萬港元", "万元"),
    ("万港元", "万元"),
    ("港元", "元"),
    ("億澳門元", "亿元"),
    ("亿澳门元", "亿元"),
    ("萬澳門元", "万元"),
    ("万澳门元", "万元"),
    ("澳門元", "元"),
    ("澳门元", "元"),
    ("人次", "人次"),
    ("批次", "批次"),
    ("台（套）", "台"),
    ("台(套)", "台"),
    ("元", "元"),
    ("人", "人"),
    ("辆", "辆"),
    ("輛", "辆"),
    ("个", "个"),
    ("個", "个"),
    ("台", "台"),
    ("套", "套"),
    ("项", "项"),
    ("項", "项"),
    ("家", "家"),
    ("所", "所"),
    ("名", "名"),
    ("户", "户"),
    ("戶", "户"),
    ("次", "次"),
    ("处", "个"),
    ("㎡", "平方米"),
];

/// A unit's code for a packed figure: 1 + the index of its canonical spelling in
/// [`UNITS`], 0 for none (or a spelling not there).
pub(crate) fn unit_code(unit: Option<&'static str>) -> u8 {
    unit.and_then(|u| UNITS.iter().position(|(_, canon)| *canon == u))
        .and_then(|i| u8::try_from(i + 1).ok())
        .unwrap_or(0)
}

/// The unit of a code from [`unit_code`].
pub(crate) fn unit_of_code(code: u8) -> Option<&'static str> {
    let i = usize::from(code).checked_sub(1)?;
    UNITS.get(i).map(|(_, canon)| *canon)
}

/// Reads a whole cell or string as one figure: `"5,347.87"`, `"39.77 %"`, `"１２３"`,
/// `"100万元"`. Leading and trailing spaces are ignored. Returns the kind and, for
/// [`CellKind::Figure`], the number and unit.
pub fn read_cell(
    s: &str,
) -> (
    CellKind,
    Option<Result<Number, FigureError>>,
    Option<&'static str>,
) {
    let c = read_cell_at(s);
    (c.kind, c.number, c.unit)
}

/// A cell as read by [`read_cell_at`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRead {
    /// Blank, dash, figure or words.
    pub kind: CellKind,
    /// The number, for a figure.
    pub number: Option<Result<Number, FigureError>>,
    /// Its unit.
    pub unit: Option<&'static str>,
    /// Byte range of the figure (sign and percent included, unit excluded) within `s`.
    pub span: (usize, usize),
}

/// Like [`read_cell`], also telling where in `s` the figure is printed.
pub fn read_cell_at(s: &str) -> CellRead {
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let lead = s.len() - t.len();
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let none = |kind| CellRead {
        kind,
        number: None,
        unit: None,
        span: (lead, lead),
    };
    if t.is_empty() {
        return none(CellKind::Blank);
    }
    if t.chars().all(|c| is_dash(fold_char(c))) {
        return none(CellKind::Dash);
    }
    // a figure cell is one token starting at the cell's first character and reaching its
    // end: what `scan` would find there is read directly, with nothing allocated (a cell
    // whose first character starts no figure, or whose figure stops short, holds words)
    let starts_figure = match char_at(t, 0) {
        Some((c, _)) if c.is_ascii_digit() => true,
        Some(('-' | '+', l)) => char_at(t, l).is_some_and(|(n, _)| n.is_ascii_digit()),
        _ => false,
    };
    if !starts_figure {
        return none(CellKind::Text);
    }
    let tok = read_number_at(t, 0);
    if !trimmed_end(t, tok.unit_end) {
        return none(CellKind::Text);
    }
    CellRead {
        kind: CellKind::Figure,
        number: Some(tok.number),
        unit: tok.unit,
        span: (lead + tok.start, lead + tok.end),
    }
}

/// Whether the text holds a digit at all (ASCII or full-width): most label cells do not.
fn has_digit(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().any(u8::is_ascii_digit) || b.windows(3).any(|w| matches!(w, [0xEF, 0xBC, 0x90..=0x99]))
}

fn trimmed_end(t: &str, at: usize) -> bool {
    t.get(at..).is_some_and(|rest| rest.trim().is_empty())
}

/// A year as tables print one to name a column or a row: four digits, 1949 to 2100.
pub fn is_year(t: &str) -> bool {
    t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && ("1949"..="2100").contains(&t)
}

/// `s` without its whitespace: one function for every reader that compares words with the
/// spaces taken out (a copy of the loop per caller cost the page's wasm 0.5 KB each).
pub fn unspaced(s: &str) -> String {
    kept(s, |c| !c.is_whitespace())
}

/// Appends `s` without its whitespace to `out`.
pub fn push_unspaced(out: &mut String, s: &str) {
    push_kept(out, s, |c| !c.is_whitespace());
}

/// The characters of `s` that `keep` accepts. Every reader that drops some characters from
/// a text goes through here and [`push_kept`]: with a plain function for the test, the
/// collecting loop is in the page's wasm once (a `collect` per caller was ≈ 0.5 KB each).
pub fn kept(s: &str, keep: fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    push_kept(&mut out, s, keep);
    out
}

/// Appends the characters of `s` that `keep` accepts to `out`.
pub fn push_kept(out: &mut String, s: &str, keep: fn(char) -> bool) {
    out.extend(s.chars().filter(|c| keep(*c)));
}

/// The longest start of `s` whose characters all satisfy `part` (a slice, not a copy).
pub fn lead(s: &str, part: fn(char) -> bool) -> &str {
    let end = s.find(|c| !part(c)).unwrap_or(s.len());
    s.get(..end).unwrap_or(s)
}

/// The first `n` characters of `s` (all of it when it is shorter).
pub fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices()
        .nth(n)
        .map_or(s, |(at, _)| s.get(..at).unwrap_or(s))
}

/// Finds every figure in `text`, with byte positions. A `-` counts as a sign only when it
/// does not follow a digit or letter (`3-6层` is a range, `-70%` is negative); digits glued
/// to ASCII letters (`IPv6`) are not figures.
pub fn scan(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    if !has_digit(text) {
        return out;
    }
    let mut i = 0;
    let mut prev: Option<char> = None;
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        // a character of 3 bytes led by E3..E9 (U+3000..U+9FFF: CJK and its punctuation;
        // not U+2000..U+2FFF where −‐‑ are, nor U+F000..U+FFFF where the full-width forms
        // are) folds to no digit or sign, starts no figure, and as the character before one
        // is neither a letter, a digit nor '.', '%' or '_': such runs are stepped over
        // without decoding them
        if (0xE3..=0xE9).contains(&b) {
            i += 3;
            while bytes.get(i).is_some_and(|b| (0xE3..=0xE9).contains(b)) {
                i += 3;
            }
            prev = Some(OTHER);
            continue;
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        let next_is_digit = || char_at(text, i + len).is_some_and(|(n, _)| n.is_ascii_digit());
        let starts_sign = (c == '-' || c == '+')
            && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '%')
            && next_is_digit();
        if !(c.is_ascii_digit() || starts_sign) {
            prev = Some(c);
            i += len;
            continue;
        }
        // (after a character lost in decoding inside words, "支出?8639萬元" where the page had
        // 48639, the figure's first digits may be lost with it: not read; a run of them,
        // "????2014年", is lost spacing)
        let lost = |p: char| p == '?' || p == '\u{FFFD}';
        let damaged = |p: char| {
            lost(p) && {
                let mut back = text.get(..i).unwrap_or("").chars().rev().skip(1);
                back.next().is_some_and(|b| !lost(b) && !b.is_whitespace())
            }
        };
        if !starts_sign
            && prev.is_some_and(|p| p.is_ascii_alphabetic() || p == '.' || p == '_' || damaged(p))
        {
            // skip the rest of an identifier such as IPv6 or v1.2
            while let Some((x, l)) = char_at(text, i) {
                if !(x.is_ascii_alphanumeric() || x == '.') {
                    break;
                }
                prev = Some(x);
                i += l;
            }
            continue;
        }
        let tok = read_number_at(text, i);
        i = tok.end.max(tok.unit_end).max(i + 1);
        prev = text
            .get(..i)
            .and_then(|t| t.chars().next_back())
            .map(fold_char);
        out.push(tok);
    }
    out
}

/// Stands, in [`scan`], for a character before a figure that is none of the ones it asks
/// about (a letter, a digit, '.', '%', '_'): a CJK character stepped over.
const OTHER: char = '\u{4e00}';

/// The folded character at byte `i` and its length in bytes.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((fold_char(c), c.len_utf8()))
}

/// A figure's digits as they are read: in 64 bits while they fit (19 significant digits),
/// then in 128; past 28 (what a `Decimal` holds) the figure is too large.
#[derive(Default)]
struct Mantissa {
    small: u64,
    wide: Option<i128>,
    significant: usize,
    overflow: bool,
}

impl Mantissa {
    /// One more digit, `v` in 0..=9.
    fn push(&mut self, v: u8) {
        if self.significant > 0 || v != 0 {
            self.significant += 1;
        }
        if self.significant > 28 {
            self.overflow = true;
        } else if self.significant <= 19 {
            self.small = self.small * 10 + u64::from(v);
        } else {
            let m = self.value();
            self.wide = Some(m * 10 + i128::from(v));
        }
    }

    /// The digits read so far, as an integer.
    fn value(&self) -> i128 {
        self.wide.unwrap_or(i128::from(self.small))
    }
}

/// Reads one number starting at byte `start`.
fn read_number_at(text: &str, start: usize) -> Token {
    let at = |k: usize| char_at(text, k);
    let is_digit = |k: usize| at(k).is_some_and(|(d, _)| d.is_ascii_digit());
    let mut k = start;
    let mut negative = false;
    if let Some((s @ ('-' | '+'), l)) = at(k) {
        negative = s == '-';
        k += l;
    }
    let mut digits = Mantissa::default();
    let mut int_digits = 0usize;
    let mut group = 0usize; // digits since the last thousands separator
    let mut separators = 0usize;
    let mut scale = 0u32;
    let mut seen_point = false;
    let bytes = text.as_bytes();
    loop {
        // ASCII digits read straight from the bytes (most figures are nothing else)
        while let Some(&b) = bytes.get(k) {
            if !b.is_ascii_digit() {
                break;
            }
            digits.push(b - b'0');
            if seen_point {
                scale += 1;
            } else {
                int_digits += 1;
                group += 1;
            }
            k += 1;
        }
        match at(k) {
            Some((d, l)) if d.is_ascii_digit() => {
                digits.push(d as u8 - b'0');
                if seen_point {
                    scale += 1;
                } else {
                    int_digits += 1;
                    group += 1;
                }
                k += l;
            }
            // a thousands separator: a first group of 1–3 digits (then groups of exactly 3),
            // and exactly three digits after it
            Some((',', l))
                if !seen_point
                    && int_digits > 0
                    && (if separators == 0 {
                        group <= 3
                    } else {
                        group == 3
                    })
                    && three_digits_follow(text, k + l) =>
            {
                separators += 1;
                group = 0;
                k += l;
            }
            // "1, 537.4万元": a space slipped in after the first group's separator (copied
            // text), taken only where a point or a money unit ends the three digits after it
            Some((',', l))
                if !seen_point
                    && separators == 0
                    && (1..=3).contains(&group)
                    && bytes.get(k + l) == Some(&b' ')
                    && three_digits_follow(text, k + l + 1)
                    && amount_goes_on(text, k + l + 4) =>
            {
                separators += 1;
                group = 0;
                k += l + 1;
            }
            Some(('.', l)) if !seen_point && is_digit(k + l) => {
                seen_point = true;
                k += l;
            }
            _ => break,
        }
    }
    let number_end = k;
    // optional spaces, then a percent sign
    let mut j = k;
    while let Some((' ', l)) = at(j) {
        j += l;
    }
    let (percent, end) = match at(j) {
        Some(('%', l)) => (true, j + l),
        _ => (false, number_end),
    };
    let number = if digits.overflow || scale > 28 {
        Err(FigureError::TooLarge)
    } else {
        let mantissa = digits.value();
        let m = if negative { -mantissa } else { mantissa };
        Decimal::try_from_i128_with_scale(m, scale)
            .map_err(|_| FigureError::TooLarge)
            .map(|value| Number {
                value,
                scale,
                percent,
            })
    };
    let (unit, unit_end) = if percent {
        (None, end)
    } else {
        read_unit(text, number_end)
    };
    if let Ok(n) = &number {
        if !percent && unit.is_none() && n.scale == 0 && !negative {
            if let Some((number, end, unit_end)) = compound(text, number_end, n.value) {
                return Token {
                    start,
                    end,
                    number: Ok(number),
                    unit: Some("万元"),
                    unit_end,
                };
            }
        }
    }
    Token {
        start,
        end,
        number,
        unit,
        unit_end,
    }
}

/// The power of ten a magnitude character stands for in an amount spelled in parts.
fn magnitude(c: char) -> Option<u32> {
    match c {
        '亿' | '億' => Some(8),
        '万' | '萬' => Some(4),
        '千' => Some(3),
        _ => None,
    }
}

/// An unsigned decimal at `k` (thousands separators allowed): its mantissa, decimals and
/// end.
fn plain_part(text: &str, k: usize) -> Option<(i128, u32, usize)> {
    let (mut m, mut scale, mut j, mut point) = (0i128, 0u32, k, false);
    let mut digits = 0;
    loop {
        match char_at(text, j) {
            Some((d, l)) if d.is_ascii_digit() => {
                m = m.checked_mul(10)?.checked_add(i128::from(d as u8 - b'0'))?;
                digits += 1;
                scale += u32::from(point);
                j += l;
            }
            Some((',', l)) if !point && digits > 0 && three_digits_follow(text, j + l) => j += l,
            Some(('.', l))
                if !point && char_at(text, j + l).is_some_and(|(d, _)| d.is_ascii_digit()) =>
            {
                point = true;
                j += l;
            }
            _ => break,
        }
    }
    (digits > 0 && digits <= 20).then_some((m, scale, j))
}

/// "128億5,582萬元", "266億4,591萬8千元", "1,643萬9千元": an amount spelled in parts of
/// falling magnitude, each after the first smaller than one of the part before, ending in
/// 元; only the last part may have decimals. `first` is the integer read before `k`;
/// returns the amount in 万元 (its precision the last part's), where its printed digits
/// end and where its unit (萬元, 千元) ends. In integers: no division of decimals.
fn compound(text: &str, k: usize, first: Decimal) -> Option<(Number, usize, usize)> {
    let pow = |e: u32| 10i128.checked_pow(e);
    let (c, l) = char_at(text, k)?;
    // the parts before the last, in 元, and the last: mantissa, decimals, magnitude
    let mut whole: i128 = 0;
    let mut last = (first.mantissa(), first.scale(), magnitude(c)?);
    let mut j = k + l;
    let mut last_digits = j;
    let mut parts = 1;
    while let Some((m, scale, end)) = plain_part(text, j) {
        let (c, l) = char_at(text, end)?;
        let (prev_m, prev_scale, mag) = last;
        let next = magnitude(c).filter(|&n| n < mag)?;
        // each part is less than one of the magnitude before it (5,582 萬 under a 億), and
        // only the last has decimals
        if prev_scale > 0 || m >= pow(mag - next + scale)? {
            return None;
        }
        whole = whole.checked_add(prev_m.checked_mul(pow(mag)?)?)?;
        last = (m, scale, next);
        (last_digits, parts) = (end, parts + 1);
        j = end + l;
        if !char_at(text, j).is_some_and(|(d, _)| d.is_ascii_digit()) {
            break;
        }
    }
    // at least two parts, the last of 万 or 千, and then 元
    let (c, l) = char_at(text, j)?;
    let (m, scale, mag) = last;
    if parts < 2 || mag > 4 || c != '元' {
        return None;
    }
    // in units of 10^mag 元 with `scale` decimals: exact, as every part before the last is
    // a multiple of a larger power of ten
    let units = whole
        .checked_mul(pow(scale)?)?
        .checked_div(pow(mag)?)?
        .checked_add(m)?;
    let scale = scale + (4 - mag);
    let value = Decimal::try_from_i128_with_scale(units, scale).ok()?;
    let number = Number {
        value,
        scale,
        percent: false,
    };
    Some((number, last_digits, j + l))
}

/// A decimal point and a digit, or a money unit (万, 亿 or 元, either script), at `k`.
fn amount_goes_on(text: &str, k: usize) -> bool {
    let mut it = text.get(k..).unwrap_or("").chars();
    match it.next() {
        Some('.') => it.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => matches!(c, '万' | '萬' | '亿' | '億' | '元'),
        None => false,
    }
}

/// Exactly three digits at `k`, and no fourth.
fn three_digits_follow(text: &str, k: usize) -> bool {
    let mut n = 0;
    let mut i = k;
    while let Some((d, l)) = char_at(text, i) {
        if !d.is_ascii_digit() {
            break;
        }
        n += 1;
        i += l;
        if n > 3 {
            return false;
        }
    }
    n == 3
}

fn read_unit(text: &str, k: usize) -> (Option<&'static str>, usize) {
    // every unit starts with a character outside ASCII: at the end of a cell, or before a
    // tab, a bar or punctuation, there is none to look for
    match text.as_bytes().get(k) {
        None => return (None, k),
        Some(&b) if b.is_ascii() && b != b' ' => return (None, k),
        _ => {}
    }
    let mut j = k;
    while let Some((' ', l)) = char_at(text, j) {
        j += l;
    }
    let rest = text.get(j..).unwrap_or("");
    // every spelling below (spaced or glossed too) starts with a unit's first character:
    // after any other ("2019年", "第3季度") there is none to look for
    let first = rest.chars().next();
    if !first.is_some_and(|c| UNITS.iter().any(|(spelling, _)| spelling.starts_with(c))) {
        return (None, k);
    }
    for (spelling, canon) in UNITS {
        if rest.starts_with(spelling) {
            return (Some(canon), j + spelling.len());
        }
    }
    // "2946.25 万 元": a letter-spaced line of a PDF puts one space between the unit's
    // characters (money units only: "3 人 次" is not worth the risk)
    for (spelling, canon) in [
        ("万元", "万元"),
        ("萬元", "万元"),
        ("亿元", "亿元"),
        ("億元", "亿元"),
    ] {
        if let Some(len) = spaced_prefix(rest, spelling) {
            return (Some(canon), j + len);
        }
    }
    // "35萬(wàn)元": a mirror's pronunciation gloss inside the unit
    for (spelling, canon) in UNITS {
        if let Some(len) = glossed_prefix(rest, spelling) {
            return (Some(canon), j + len);
        }
    }
    // "統籌分配稅196.47億，較上年度…128.94億元" (Miaoli county's 2026 budget), "增收4,376万。":
    // 元 left out after a magnitude that ends the amount's clause; before anything else
    // ("1.2亿人次", "3万平方米", "128億5,582萬元", a gloss "萬(wàn)") it is no money unit
    if let Some((canon, len)) = bare_magnitude(rest) {
        return (Some(canon), j + len);
    }
    (None, k)
}

/// 万 or 亿 (either script) at the start of `s` with nothing after it but the end of the
/// text, a clause's punctuation or a bracket: the money unit it shortens, and its length.
fn bare_magnitude(s: &str) -> Option<(&'static str, usize)> {
    let mut it = s.chars();
    let c = it.next()?;
    let canon = match c {
        '万' | '萬' => "万元",
        '亿' | '億' => "亿元",
        _ => return None,
    };
    if gloss_bytes(it.as_str()) > 0 {
        return None;
    }
    let ends = match it.next() {
        None => true,
        Some(n) => matches!(
            n,
            '，' | ','
                | '。'
                | '；'
                | ';'
                | '、'
                | '：'
                | ':'
                | '（'
                | '('
                | '）'
                | ')'
                | '！'
                | '？'
        ),
    };
    ends.then_some((canon, c.len_utf8()))
}

/// The byte length of `spelling` at the start of `s` with exactly one space between its
/// characters ("万 元" for 万元).
fn spaced_prefix(s: &str, spelling: &str) -> Option<usize> {
    let mut at = 0;
    for (n, c) in spelling.chars().enumerate() {
        if n > 0 {
            at += s.get(at..)?.strip_prefix(' ').map(|_| 1)?;
        }
        if !s.get(at..)?.starts_with(c) {
            return None;
        }
        at += c.len_utf8();
    }
    Some(at)
}

/// The byte length of `spelling` at the start of `s` with pronunciation glosses after its
/// characters ("萬(wàn)元" for 萬元), when there is at least one gloss.
fn glossed_prefix(s: &str, spelling: &str) -> Option<usize> {
    let mut at = 0;
    let mut glosses = 0;
    for c in spelling.chars() {
        let rest = s.get(at..)?;
        if !rest.starts_with(c) {
            return None;
        }
        at += c.len_utf8();
        let g = gloss_bytes(s.get(at..)?);
        if g > 0 {
            glosses += 1;
            at += g;
        }
    }
    (glosses > 0).then_some(at)
}

/// Byte length of a pronunciation gloss at the start of `s` (`(wàn)`, `（yuán）`): a
/// bracket, one to eight lower-case Latin letters (tone marks allowed), a bracket.
fn gloss_bytes(s: &str) -> usize {
    let mut it = s.char_indices();
    if !matches!(it.next(), Some((_, '(' | '（'))) {
        return 0;
    }
    for (letters, (i, c)) in it.enumerate() {
        if c == ')' || c == '）' {
            return if (1..=8).contains(&letters) {
                i + c.len_utf8()
            } else {
                0
            };
        }
        let latin =
            c.is_alphabetic() && !c.is_uppercase() && !('\u{3400}'..='\u{9fff}').contains(&c);
        if !latin {
            return 0;
        }
    }
    0
}

/// Formats a decimal with exactly `scale` decimals (rounded half away from zero, as
/// publishers round).
pub fn format_scaled(d: Decimal, scale: u32) -> String {
    let r = d.round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let mut s = r.to_string();
    let have = s.find('.').map_or(0, |p| s.len() - p - 1) as u32;
    if have < scale {
        if have == 0 {
            s.push('.');
        }
        for _ in have..scale {
            s.push('0');
        }
    }
    if s == "-0" || s.starts_with("-0.") && s.trim_start_matches("-0.").chars().all(|c| c == '0') {
        s.remove(0);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_set_of_figures_holds_what_was_put_in_it_across_its_words() {
        let mut set = FigSet::default();
        set.extend([0, 63, 64, 200]);
        let held: Vec<FigId> = (0..300).filter(|&id| set.contains(id)).collect();
        assert_eq!(held, [0, 63, 64, 200]);
        assert!(!FigSet::default().contains(5));
    }

    #[test]
    fn unspaced_drops_every_kind_of_space() {
        assert_eq!(unspaced(" 收 入\t合\u{3000}计 "), "收入合计");
    }

    #[test]
    fn kept_lead_and_first_chars_read_characters_not_bytes() {
        assert_eq!(
            kept("“三公”经费2019", |c| !c.is_ascii_digit()
                && c != '“'
                && c != '”'),
            "三公经费"
        );
        assert_eq!(
            lead("十二、其他", |c| "一二三四五六七八九十".contains(c)),
            "十二"
        );
        assert_eq!(lead("其他", |c| c.is_ascii_digit()), "");
        assert_eq!(lead("2019", |c| c.is_ascii_digit()), "2019");
        assert_eq!(first_chars("一般公共预算", 2), "一般");
        assert_eq!(first_chars("一般", 5), "一般");
    }

    #[test]
    fn a_figure_after_a_character_lost_in_decoding_is_not_read() {
        // a reprint decoded one byte out of step: "?8639萬元" was 48639 萬元
        let figs = |t: &str| scan(t).iter().map(|x| x.start).collect::<Vec<_>>();
        assert!(figs("一般公共服務支出?8639萬元").is_empty());
        assert!(figs("一般公共服務支出\u{FFFD}8639萬元").is_empty());
        assert_eq!(figs("一般公共服務支出48639萬元").len(), 1);
        // a run of them is lost spacing before a figure kept whole
        assert_eq!(figs("????2014年,全國").len(), 1);
        assert_eq!(figs("?2014年,全國").len(), 1);
    }

    #[test]
    fn long_mantissas_read_exactly_across_64_bits() {
        // 19 significant digits fit 64 bits; the 20th to the 28th are carried in 128
        for s in [
            "9999999999999999999",
            "1234567890123456789.1",
            "-0.000123456789012345678901",
            "12,345,678,901,234,567,890.12",
            "１２３４５６７８９０１２３４５６７８９０１",
            "9999999999999999999999999999",
        ] {
            let n = num(s);
            let plain: String = s.chars().map(fold_char).filter(|c| *c != ',').collect();
            assert_eq!(n.value, Decimal::from_str(&plain).unwrap(), "{s}");
            assert_eq!(n.scale, n.value.scale(), "{s}");
        }
        assert_eq!(
            read_cell("99999999999999999999999999999").1,
            Some(Err(FigureError::TooLarge))
        );
    }

    fn num(s: &str) -> Number {
        match read_cell(s) {
            (CellKind::Figure, Some(Ok(n)), _) => n,
            other => panic!("{s:?} read as {other:?}"),
        }
    }

    #[test]
    fn reads_printed_figures_with_their_precision() {
        let cases = [
            ("1,000", "1000", 0, false),
            ("5,347.87", "5347.87", 2, false),
            ("12,011", "12011", 0, false),
            ("0", "0", 0, false),
            ("0.00", "0.00", 2, false),
            ("-204.61", "-204.61", 2, false),
            ("100%", "100", 0, true),
            ("39.77%", "39.77", 2, true),
            ("-70%", "-70", 0, true),
            ("15.87 %", "15.87", 2, true),
            ("１２３", "123", 0, false),
            ("１２．５％", "12.5", 1, true),
            ("－３", "-3", 0, false),
            ("822.4147", "822.4147", 4, false),
            ("１，２３４．５", "1234.5", 1, false),
        ];
        for (s, v, scale, pct) in cases {
            let n = num(s);
            assert_eq!(n.value, Decimal::from_str(v).unwrap(), "{s}");
            assert_eq!(n.scale, scale, "{s}");
            assert_eq!(n.percent, pct, "{s}");
        }
    }

    #[test]
    fn blanks_and_dashes_are_not_figures() {
        for s in ["", "  ", "\u{3000}"] {
            assert_eq!(read_cell(s).0, CellKind::Blank, "{s:?}");
        }
        for s in ["-", "—", "－", "--", "——"] {
            assert_eq!(read_cell(s).0, CellKind::Dash, "{s:?}");
        }
        assert_eq!(read_cell("1套").0, CellKind::Figure);
        for s in ["≥99%", "建设中", "2020年9月", "IPv6", "3-6层"] {
            assert_eq!(read_cell(s).0, CellKind::Text, "{s:?}");
        }
    }

    #[test]
    fn units_are_read_after_figures() {
        assert_eq!(read_cell("800万元").2, Some("万元"));
        assert_eq!(read_cell("800 萬元").2, Some("万元"));
        // a letter-spaced PDF line: "本 年 收 入 合 计 2946.25 万 元"
        for (text, unit) in [
            ("2946.25 万 元", Some("万元")),
            ("2946.25 萬 元", Some("万元")),
            ("3 亿 元", Some("亿元")),
            ("12.5 元", Some("元")),
            ("800 万  元", None),
        ] {
            assert_eq!(read_cell(text).2, unit, "{text}");
        }
        let toks = scan("本 年 收 入 合 计 2946.25 万 元 ， 比 上 年");
        assert_eq!(toks.first().and_then(|t| t.unit), Some("万元"));
        // 元 left out where the amount's clause ends; not before another word
        let text = "統籌分配稅196.47億，較上年128.94億元，增收4,376万。人口1.2亿人,3万平方米,5億,2萬(wàn)人";
        let units: Vec<_> = scan(text).iter().map(|t| t.unit).collect();
        assert_eq!(
            units,
            [
                Some("亿元"),
                Some("亿元"),
                Some("万元"),
                None,
                None,
                Some("亿元"),
                None
            ]
        );
        assert_eq!(read_cell("226人").2, Some("人"));
        assert_eq!(read_cell("99 輛").2, Some("辆"));
        assert_eq!(read_cell("115657.75平方米").2, Some("平方米"));
    }

    #[test]
    fn a_space_after_a_thousands_separator_joins_an_amount() {
        // a district's 2017 三公 text (copied with a space after the comma)
        let text = "公务用车运行维护费1, 537.4万元、其他2, 300万元;第1, 234项,分别为1, 2345万元";
        let got: Vec<_> = scan(text)
            .iter()
            .map(|t| text.get(t.start..t.end).unwrap_or("?").to_string())
            .collect();
        assert_eq!(got, ["1, 537.4", "2, 300", "1", "234", "1", "2345"]);
        assert_eq!(
            scan(text)
                .first()
                .and_then(|t| t.number.ok())
                .map(|n| n.value.to_string()),
            Some("1537.4".to_string())
        );
    }

    #[test]
    fn scanning_text_finds_signed_figures_but_not_ranges_or_identifiers() {
        let text = "差异率-70%，改造3-6层，IPv6改造，减少 2,576.77 万元，降低 18%";
        let toks = scan(text);
        let got: Vec<String> = toks
            .iter()
            .map(|t| text.get(t.start..t.end).unwrap_or("?").to_string())
            .collect();
        assert_eq!(got, ["-70%", "3", "6", "2,576.77", "18%"]);
        assert_eq!(toks.get(3).and_then(|t| t.unit), Some("万元"));
        // a mirror's pronunciation gloss inside the unit
        let toks = scan("合計35萬(wàn)元,減少2.28萬(wàn)元");
        let units: Vec<_> = toks.iter().map(|t| t.unit).collect();
        assert_eq!(units, [Some("万元"), Some("万元")]);
    }

    #[test]
    fn amounts_spelled_in_falling_parts_are_one_figure_in_wan_yuan() {
        // the Taiwan Council of Agriculture's budget text (ly.gov.tw): 億, 萬 and 千 parts
        let text = "總計266億4,591萬8千元,總支出128億5,582萬元,另1,643萬9千元,共3萬5千人";
        let toks = scan(text);
        let got: Vec<(String, String, u32, Option<&str>)> = toks
            .iter()
            .filter_map(|t| {
                let n = t.number.as_ref().ok()?;
                let raw = text.get(t.start..t.end)?.to_string();
                Some((raw, n.value.to_string(), n.scale, t.unit))
            })
            .collect();
        let want = [
            ("266億4,591萬8", "2664591.8", 1, Some("万元")),
            ("128億5,582", "1285582", 0, Some("万元")),
            ("1,643萬9", "1643.9", 1, Some("万元")),
            // no 元 at the end: a count's parts are left as they were read
            ("3", "3", 0, None),
            ("5", "5", 0, None),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(r, v, s, u)| (r.to_string(), v.to_string(), *s, *u))
            .collect();
        assert_eq!(got, want);
        // a part as large as the magnitude above it is no part of it
        let toks = scan("128億12,345萬元");
        assert_eq!(toks.len(), 2, "{toks:?}");
        assert_eq!(toks.first().and_then(|t| t.unit), None);
    }

    #[test]
    fn figures_right_after_cjk_text_keep_their_signs_and_full_width_digits() {
        // runs of CJK characters are stepped over whole: what follows them reads as after
        // any other character that is no letter, digit or point
        let text = "收入１２３．４５万元，增长－5％，减少−3万元，计\u{3000}-7人，版本v1.2中";
        let toks = scan(text);
        let got: Vec<&str> = toks
            .iter()
            .map(|t| text.get(t.start..t.end).unwrap_or("?"))
            .collect();
        assert_eq!(got, ["１２３．４５", "－5％", "−3", "-7"]);
        let units: Vec<_> = toks.iter().map(|t| t.unit).collect();
        assert_eq!(units, [Some("万元"), None, Some("万元"), Some("人")]);
        let negative: Vec<bool> = toks
            .iter()
            .map(|t| t.number.as_ref().is_ok_and(|n| n.value.is_sign_negative()))
            .collect();
        assert_eq!(negative, [false, true, true, true]);
    }

    #[test]
    fn absurd_figures_are_errors_not_panics() {
        let (kind, n, _) = read_cell("123456789012345678901234567890123");
        assert_eq!(kind, CellKind::Figure);
        assert_eq!(n, Some(Err(FigureError::TooLarge)));
        let (_, n, _) = read_cell("0.12345678901234567890123456789012");
        assert_eq!(n, Some(Err(FigureError::TooLarge)));
    }

    #[test]
    fn commas_that_are_not_thousands_separators_split_figures() {
        let toks = scan("分别是1,2和3");
        assert_eq!(toks.len(), 3);
        // a first group of four digits is not a thousands grouping
        let toks = scan("1000，234.56万元");
        assert_eq!(toks.len(), 2);
        assert_eq!(scan("12,345,678.9").len(), 1);
    }

    #[test]
    fn formats_with_the_printed_number_of_decimals() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(format_scaled(d("38.0812"), 2), "38.08");
        assert_eq!(format_scaled(d("15.3500"), 2), "15.35");
        assert_eq!(format_scaled(d("0.125"), 2), "0.13");
        assert_eq!(format_scaled(d("12"), 2), "12.00");
        assert_eq!(format_scaled(d("-0.001"), 2), "0.00");
    }
}
