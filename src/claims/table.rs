//! What several checks need to read tables: total labels, rate columns, classification
//! codes, cells as operands.

use super::outline;
use crate::document::{Document, Table};
use crate::figure::CellKind;
use crate::relation::{Expr, Term};
use crate::IntoVec;

/// Strips spaces, numbering ("一、", "(一)", "1.", a code) and markup from a label.
pub fn clean_label(s: &str) -> String {
    with_clean(s, str::to_string)
}

/// `f` of the label cleaned as [`clean_label`] cleans it, built only where it holds spaces
/// or markup (most labels hold none).
pub fn with_clean<R>(label: &str, f: impl FnOnce(&str) -> R) -> R {
    f(strip_numbering(&unspaced(label)))
}

/// The label without spaces or markup, copied only where it holds some (the part of
/// [`with_clean`] that is the same for every caller: one copy of its code).
fn unspaced(label: &str) -> std::borrow::Cow<'_, str> {
    if label.contains(|c: char| c.is_whitespace() || c == '*') {
        let mut t = String::with_capacity(label.len());
        crate::figure::push_kept(&mut t, label, |c| !c.is_whitespace() && c != '*');
        std::borrow::Cow::Owned(t)
    } else {
        std::borrow::Cow::Borrowed(label)
    }
}

/// A label without its leading numbers: a code or an item number with its mark (2010301,
/// 一、, （一）, 1., 2）), as many as lead it. A Chinese numeral that starts a word is kept:
/// 一般公共预算, 三公经费, 十三五 (until 2026-12 every leading 一 … 十 was stripped, and
/// messages read “般公共预算”).
fn strip_numbering(mut t: &str) -> &str {
    loop {
        let rest = strip_a_number(t);
        if rest.len() == t.len() {
            return t;
        }
        t = rest;
    }
}

/// The mark after an item's number.
const NUMBER_MARKS: [char; 5] = ['、', '.', '．', '）', ')'];

fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// `t` without the one number (and its mark) it starts with, or `t`.
fn strip_a_number(t: &str) -> &str {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        // a code (2010301 行政运行) or an item number (1. 1、 1）)
        let rest = t.get(digits..).unwrap_or("");
        return rest.strip_prefix(NUMBER_MARKS).unwrap_or(rest);
    }
    let numeral = |s: &str| {
        s.chars()
            .take_while(|&c| is_cn_numeral(c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    // 一、 十二． 三）: the numeral only with its mark
    let n = numeral(t);
    if n > 0 {
        return t
            .get(n..)
            .and_then(|r| r.strip_prefix(NUMBER_MARKS))
            .unwrap_or(t);
    }
    // （一） (1) （12）, a mark maybe after it
    if let Some(inner) = t.strip_prefix(&['（', '('][..]) {
        let n = match inner.bytes().take_while(u8::is_ascii_digit).count() {
            0 => numeral(inner),
            d => d,
        };
        if let Some(rest) = inner
            .get(n..)
            .and_then(|r| r.strip_prefix(&['）', ')'][..]))
        {
            if n > 0 {
                return rest.strip_prefix(&['、', '.', '．'][..]).unwrap_or(rest);
            }
        }
        return t;
    }
    // a mark left alone
    t.strip_prefix(&['、', '.', '．'][..]).unwrap_or(t)
}

/// `s.contains(c)` for the short labels of rows, tested a row at a time: a scan of the
/// bytes for `c`'s first, without the setup of a searcher.
pub fn has_char(s: &str, c: char) -> bool {
    let mut buf = [0u8; 4];
    let e = c.encode_utf8(&mut buf).as_bytes();
    let (b, first) = (s.as_bytes(), e.first().copied().unwrap_or(0));
    b.iter()
        .enumerate()
        .any(|(i, &x)| x == first && b.get(i..i + e.len()) == Some(e))
}

/// How high a total a row label names: 小计 1, 合计/共计 2, 总计 3.
pub fn total_level(label: &str) -> Option<u8> {
    // an ASCII label (a code, a number) names no total: tested first, a row at a time
    if label.is_ascii() || !label.contains(TOTAL_CHARS) {
        return None;
    }
    let l = clean_label(label);
    if l.starts_with("其中") {
        return None;
    }
    if l.ends_with("总计") || l == "总计" || l.ends_with("總計") {
        Some(3)
    } else if l.ends_with("合计")
        || l.ends_with("合計")
        || l.ends_with("共计")
        || l.ends_with("共計")
    {
        Some(2)
    } else if l.ends_with("小计") || l.ends_with("小計") {
        Some(1)
    } else {
        None
    }
}

/// The first characters of the words [`is_rate_header`] looks for.
const RATE_CHARS: [char; 9] = ['率', '%', '％', '占', '比', '得', '分', '评', '百'];
/// The first characters of the change words [`is_rate_label`] looks for.
const CHANGE_CHARS: [char; 3] = ['增', '同', '减'];
/// The last character of every total [`total_level`] names.
const TOTAL_CHARS: [char; 2] = ['计', '計'];

/// A column that holds rates, shares or scores, which do not add up down the column.
pub fn is_rate_header(h: &str) -> bool {
    // one pass for the first characters of the words below: most labels hold none (an
    // ASCII label can hold only the `%`)
    if !h.bytes().any(|b| b >= 0x80 || b == b'%') || !h.contains(RATE_CHARS) {
        return false;
    }
    [
        "率",
        "%",
        "％",
        "占比",
        "比例",
        "比重",
        "得分",
        "分值",
        "评分",
        "百分比",
    ]
    .iter()
    .any(|k| h.contains(k))
}

/// A row label naming a rate or a change rather than an amount (`2016年比2015年增减%`,
/// `增长率`): such a row does not add up with the others.
pub fn is_rate_label(label: &str) -> bool {
    // "1、增值税(18.75%部分)", "城镇土地使用税(30%)": the part of a tax a level of
    // government keeps names no rate
    if let Some((before, rest)) = label.split_once(&['(', '（'][..]) {
        if let Some((inside, after)) = rest.split_once(&[')', '）'][..]) {
            let share = inside.strip_suffix("部分").unwrap_or(inside);
            let percent = share.strip_suffix(&['%', '％'][..]).is_some_and(|n| {
                n.starts_with(|c: char| c.is_ascii_digit())
                    && n.chars().all(|c| c.is_ascii_digit() || c == '.')
            });
            if percent || inside.ends_with("部分") {
                return is_rate_label(&[before, after].concat());
            }
        }
    }
    is_rate_header(label)
        || !label.is_ascii()
            && label.contains(CHANGE_CHARS)
            && ["增减", "增幅", "增长", "同比", "减少率"]
                .iter()
                .any(|k| label.contains(k))
}

/// A classification code (功能分类 3/5/7 digits, 经济分类 3/5), possibly split over
/// columns (类 | 款 | 项), at the start of a row.
pub fn row_code(t: &Table, row: usize) -> Option<String> {
    row_code_short(t, row).map(|c| c.as_str().to_string())
}

/// A classification code held without an allocation (at most 7 digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    digits: [u8; 7],
    len: u8,
}

impl Code {
    /// No digit yet: where a code is read from.
    const EMPTY: Code = Code {
        digits: [0; 7],
        len: 0,
    };

    /// The digits as bytes (ASCII), read without a UTF-8 check.
    pub fn digits(&self) -> &[u8] {
        self.digits.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// Whether this code is `parent` or inside it (20101 and 2010101 are inside 201): its
    /// digits start with the parent's. Compared as fixed arrays for a 类 or 款 (3 or 5
    /// digits), not by a call to compare slices: code-rollup asks it for every row under
    /// every parent. The digits past a code's length are zero and never match a digit.
    pub fn starts_with(&self, parent: &Code) -> bool {
        match parent.len {
            3 => self.digits.first_chunk::<3>() == parent.digits.first_chunk::<3>(),
            5 => self.digits.first_chunk::<5>() == parent.digits.first_chunk::<5>(),
            _ => self.digits().starts_with(parent.digits()),
        }
    }

    /// How many digits (3, 5 or 7).
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Whether it has no digit (never, for a code read from a row).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        self.digits
            .get(..usize::from(self.len))
            .and_then(|d| std::str::from_utf8(d).ok())
            .unwrap_or("")
    }

    fn push(&mut self, s: &str) -> bool {
        for b in s.bytes() {
            let Some(slot) = self.digits.get_mut(usize::from(self.len)) else {
                return false;
            };
            *slot = b;
            self.len += 1;
        }
        true
    }
}

/// [`row_code`] without an allocation.
pub fn row_code_short(t: &Table, row: usize) -> Option<Code> {
    let r = t.rows().get(row)?;
    // the common row first (a classification table's): a cell of 3, 5 or 7 digits, then
    // one starting with a CJK character, which ends the code as the walk below ends it
    let mut cells = r.cells.iter();
    if let (Some(a), Some(b)) = (cells.next(), cells.next()) {
        let (digits, next) = (a.text.as_bytes(), b.text.as_bytes());
        if matches!(digits.len(), 3 | 5 | 7)
            && digits.iter().all(u8::is_ascii_digit)
            && next.first().is_some_and(|x| (0xE4..=0xE9).contains(x))
        {
            let mut code = Code::EMPTY;
            return code.push(a.text).then_some(code);
        }
    }
    code_walk(r.cells)
}

/// [`row_code_short`] read cell by cell.
fn code_walk(cells: crate::document::Cells<'_>) -> Option<Code> {
    let mut code = Code::EMPTY;
    for c in &cells {
        let s = trimmed(c.text);
        if s.is_empty() && code.len == 0 {
            continue;
        }
        if !s.is_empty() && s.len() <= 7 && s.bytes().all(|b| b.is_ascii_digit()) {
            // a 款 or 项 printed without its leading zero (WPS 表格 prints 02 as 2)
            if code.len != 0 && s.len() == 1 && !code.push("0") {
                return None;
            }
            if !code.push(s) {
                // longer than any code: not one
                return None;
            }
            continue;
        }
        // "2010301 行政运行" in one cell
        if code.len == 0 {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            if matches!(digits, 3 | 5 | 7)
                && s.chars()
                    .nth(digits)
                    .is_some_and(|c| !c.is_ascii_digit() && c != '.')
            {
                let mut one = code;
                return (one.push(s.get(..digits)?)).then_some(one);
            }
        }
        break;
    }
    matches!(code.len, 3 | 5 | 7).then_some(code)
}

/// The length of [`row_code`]'s code, found without building it.
pub fn row_code_len(t: &Table, row: usize) -> Option<usize> {
    let r = t.rows().get(row)?;
    let mut len = 0;
    for c in &r.cells {
        let s = c.text.trim();
        if s.is_empty() && len == 0 {
            continue;
        }
        if !s.is_empty() && s.len() <= 7 && s.bytes().all(|b| b.is_ascii_digit()) {
            if len != 0 && s.len() == 1 {
                len += 1;
            }
            len += s.len();
            continue;
        }
        if len == 0 {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            if matches!(digits, 3 | 5 | 7)
                && s.chars()
                    .nth(digits)
                    .is_some_and(|c| !c.is_ascii_digit() && c != '.')
            {
                return Some(digits);
            }
        }
        break;
    }
    matches!(len, 3 | 5 | 7).then_some(len)
}

/// Whether the label, cleaned as [`clean_label`] cleans it, starts with `prefix`; nothing
/// allocated.
pub fn clean_label_starts_with(label: &str, prefix: &str) -> bool {
    // a label holding none of the prefix's characters cannot start with it once cleaned
    // (most labels, tested row after row): an ASCII label (a code) none of a CJK prefix's
    if !prefix.is_ascii() && label.is_ascii() || prefix.chars().any(|p| !has_char(label, p)) {
        return false;
    }
    with_clean(label, |t| t.starts_with(prefix))
}

/// Whether the row is a part of the row above it and not of the total: its label starts
/// with 其中 (cleaned as [`clean_label`] cleans it), or with the statistical yearbooks' mark
/// for it, "#" ("#对外援助" under "外交").
pub fn of_which(label: &str) -> bool {
    label.trim_start().starts_with(['#', '＃']) || clean_label_starts_with(label, "其中")
}

/// Whether the label, cleaned as [`clean_label`] cleans it, is `word`; nothing allocated
/// for a label without spaces (every row's label cells are tested, and few are).
pub fn clean_label_is(label: &str, word: &str) -> bool {
    if !word.is_ascii() && label.is_ascii() || word.chars().any(|p| !has_char(label, p)) {
        return false;
    }
    with_clean(label, |t| t == word)
}

/// The cell as an operand of a sum: a figure, or nothing for a blank or dash. `None` when
/// it holds words.
pub fn operand(t: &Table, row: usize, col: usize) -> Option<Expr> {
    term(t, row, col).map(Expr::from)
}

/// [`operand`] as a [`Term`].
pub fn term(t: &Table, row: usize, col: usize) -> Option<Term> {
    match t.cell(row, col) {
        None => Some(Term::Blank),
        Some(c) => match (c.kind, c.figure) {
            (CellKind::Blank | CellKind::Dash, _) => Some(Term::Blank),
            (CellKind::Figure, Some(id)) => Some(Term::Fig(id)),
            _ => None,
        },
    }
}

/// The sum of the cells at `(row, col)` positions: `None` when one holds words or when all
/// are blank (nothing to check).
pub fn sum_of_cells(t: &Table, cells: impl IntoIterator<Item = (usize, usize)>) -> Option<Expr> {
    let cells = cells.into_iter();
    // sized once (a row's parts, a code's children), not grown term by term
    let mut terms = Vec::with_capacity(cells.size_hint().0);
    let mut blank = true;
    for (r, c) in cells {
        let e = operand(t, r, c)?;
        blank &= e == Expr::Blank;
        terms.push(e);
    }
    (!blank).then_some(Expr::Sum(terms))
}

/// The terms of the sum of the cells at `(row, col)` positions, into `terms` (cleared
/// first, so a check reuses one vector for every row): `false` when one holds words or
/// when all are blank (nothing to check), as [`sum_of_cells`] gives `None`.
pub fn cells_into(
    t: &Table,
    cells: impl IntoIterator<Item = (usize, usize)>,
    terms: &mut Vec<Term>,
) -> bool {
    terms.clear();
    let mut blank = true;
    for (r, c) in cells {
        let Some(e) = term(t, r, c) else {
            return false;
        };
        blank &= e == Term::Blank;
        terms.push(e);
    }
    !blank
}

/// `s.trim()`, without the trim's two scans where the text starts and ends with a visible
/// ASCII character (a code, a figure: most cells, the readers having trimmed them).
pub fn trimmed(s: &str) -> &str {
    let b = s.as_bytes();
    // a visible ASCII character, or a lead byte of U+4000–U+9FFF (CJK ideographs, no
    // whitespace among them: Unicode's spaces past ASCII all sit below U+3001)
    let visible = |x: u8| x.is_ascii_graphic() || (0xE4..=0xE9).contains(&x);
    let last_lead = match b.last() {
        Some(&x) if x < 0x80 => Some(x),
        // the last character's lead byte: a CJK character is three bytes
        Some(_) => b.len().checked_sub(3).and_then(|i| b.get(i)).copied(),
        None => None,
    };
    if b.first().is_some_and(|&x| visible(x)) && last_lead.is_some_and(visible) {
        s
    } else {
        s.trim()
    }
}
/// Whether the column is a label or code column (序号, 编码, 类/款/项) rather than amounts.
pub fn is_code_column(t: &Table, col: usize) -> bool {
    let h = t.header(col);
    ["序号", "编码", "代码", "编号", "科目", "行次", "栏次"]
        .iter()
        .any(|k| h.contains(k))
        || matches!(&*h, "类" | "款" | "项")
        || h.ends_with("/类")
        || h.ends_with("/款")
        || h.ends_with("/项")
}

/// Whether a column holds words (row labels) rather than figures in its body: a column
/// of the labels of one side of a two-sided table, under the same group name as its
/// figures (支出 / 项目 beside 支出 / 合计), is no part of a sum.
pub fn is_label_column(t: &Table, col: usize) -> bool {
    let (mut words, mut figures) = (0usize, 0usize);
    for r in t.header_rows..t.rows().len() {
        match t.cell(r, col).map(|c| c.kind) {
            Some(crate::figure::CellKind::Text) => words += 1,
            Some(crate::figure::CellKind::Figure) => figures += 1,
            _ => {}
        }
    }
    words > figures
}

/// A short place name for messages: "附表 1 第 3 行 / 执行数".
pub fn cell_place(t: &Table, row: usize, col: usize) -> String {
    let label = t.row_label(row);
    let header = t.column_header(col);
    let caption = crate::figure::first_chars(&t.caption, 24);
    format!("{caption} {label}/{header}").trim().to_string()
}

/// The document's figure at a cell, if any.
pub fn figure_at(doc: &Document, t: &Table, row: usize, col: usize) -> Option<usize> {
    let id = t.figure(row, col)?;
    doc.figure(id).map(|_| id)
}

/// Evidence that a table prints decimals only where an amount has them (a spreadsheet's
/// General format, trailing zeros dropped): an amount column holding both two-decimal
/// figures and figures with fewer decimals but not none (959.61 beside 304.6). Total rows
/// are left out (they are often typed apart). Returns the figures that show it.
pub fn decimals_only_where_they_exist(doc: &Document, t: &Table) -> Option<Vec<usize>> {
    let mut shown = Vec::new();
    for c in 0..t.width() {
        if is_rate_header(&t.column_header(c)) {
            continue;
        }
        let figs: Vec<(usize, u32)> = (t.header_rows..t.rows().len())
            .filter(|&r| total_level(t.row_label(r)).is_none())
            .filter_map(|r| t.figure(r, c))
            .filter_map(|id| {
                let f = doc.figure(id)?;
                (!f.number.percent).then_some((id, f.number.scale))
            })
            .into_vec();
        let max = figs.iter().map(|f| f.1).max().unwrap_or(0);
        if max < 2 {
            continue;
        }
        shown.extend(
            figs.iter()
                .filter(|f| f.1 >= 1 && f.1 < max)
                .map(|f| f.0)
                .take(2),
        );
        if shown.len() >= 2 {
            break;
        }
    }
    (!shown.is_empty()).then_some(shown)
}

/// An amount printed without decimals in a table that prints decimals where they exist
/// is whole: it stands for itself, not for ±0.5. Total rows keep their rounding.
pub fn whole_by_format(doc: &Document, t: &Table, row: usize, col: usize) -> bool {
    total_level(t.row_label(row)).is_none()
        && t.figure(row, col)
            .and_then(|id| doc.figure(id))
            .is_some_and(|f| f.number.scale == 0 && !f.number.percent)
}

/// What the table checks ask of every row's label, worked out once per table in the claims
/// stage ([`crate::claims::Claims::rows`]): total-row, code-rollup and column-sum each
/// walked every row testing its label for totals, rates and codes. Header rows have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowFacts {
    /// [`is_rate_label`] of the row's label ([`Table::row_label`]).
    pub rate: bool,
    /// [`total_level`] of the row's label.
    pub total: Option<u8>,
    /// The row's classification code ([`row_code_short`]).
    pub code: Option<Code>,
    /// The column of the row's label (its first cell of words), [`RowFacts::NO_LABEL`] for
    /// none (or a header row, or a column past `u16`): the facts below are of that cell,
    /// and a check reading another column's label reads it itself.
    pub label_col: u16,
    /// The label's item numbering ([`outline::style`]).
    pub style: Option<outline::Style>,
    /// The label's numbering level as total-row nests it ([`outline::numbering_level`]).
    pub numbering: Option<u8>,
    /// The label starts with 其中 ([`clean_label_starts_with`]).
    pub of_which: bool,
    /// The label holds a character of a “三公” item name ([`outline::SANGONG_CHARS`]).
    pub sangong: bool,
    /// The label holds 级 (a region table's level).
    pub level: bool,
    /// The label holds 比 or 较, as a row of year-on-year changes does (2016年比2015年增减%).
    pub compare: bool,
}

impl RowFacts {
    /// [`RowFacts::label_col`] of a row without a label.
    pub const NO_LABEL: u16 = u16::MAX;

    /// Whether these facts are of the cell in column `col` (the row's label is there).
    pub fn label_in(&self, col: usize) -> bool {
        self.label_col != Self::NO_LABEL && usize::from(self.label_col) == col
    }
}

impl Default for RowFacts {
    fn default() -> RowFacts {
        RowFacts {
            rate: false,
            total: None,
            code: None,
            label_col: Self::NO_LABEL,
            style: None,
            numbering: None,
            of_which: false,
            sangong: false,
            level: false,
            compare: false,
        }
    }
}

/// Natively, a table of this many rows or more has its rows' facts worked out in two
/// halves, the second on a thread of its own (a 100k-row table's ≈ 50 M instructions).
#[cfg(not(target_arch = "wasm32"))]
const TWO_THREADS_FROM_ROWS: usize = 1 << 14;

/// [`RowFacts`] of every row of a table, by row.
pub fn row_facts(t: &Table) -> Vec<RowFacts> {
    let n = t.rows().len();
    #[cfg(not(target_arch = "wasm32"))]
    if n >= TWO_THREADS_FROM_ROWS {
        let mid = n / 2;
        let (mut facts, second) =
            crate::on_two_threads(|| facts_of(t, 0..mid), || facts_of(t, mid..n));
        facts.extend(second);
        return facts;
    }
    facts_of(t, 0..n)
}

/// A label character of a rate, change or total word ([`RATE_CHARS`], [`CHANGE_CHARS`],
/// [`TOTAL_CHARS`]).
const RATE_OR_TOTAL: u8 = 1;
/// A character of a “三公” item's name ([`outline::SANGONG_CHARS`]).
const SANGONG: u8 = 2;
/// 级.
const LEVEL: u8 = 4;
/// 其 (of 其中), or # (its mark in statistical yearbooks).
const OF_WHICH: u8 = 8;
/// 比 or 较 (of a comparison: 2016年比2015年增减%).
const COMPARE: u8 = 16;

/// What a label's character may start: [`RATE_OR_TOTAL`], [`SANGONG`], [`LEVEL`],
/// [`OF_WHICH`] (the character sets written out, so that a label is decoded once).
fn mark(c: char) -> u8 {
    match c {
        '计' | '計' => RATE_OR_TOTAL | SANGONG,
        '比' => RATE_OR_TOTAL | COMPARE,
        '较' => COMPARE,
        '率' | '%' | '％' | '占' | '得' | '分' | '评' | '百' | '增' | '同' | '减' => {
            RATE_OR_TOTAL
        }
        '三' | '出' | '接' | '车' | '車' | '购' | '購' | '运' | '運' => SANGONG,
        '级' => LEVEL,
        '其' | '#' | '＃' => OF_WHICH,
        _ => 0,
    }
}

/// [`RowFacts`] of the rows in `rows`.
fn facts_of(t: &Table, rows: std::ops::Range<usize>) -> Vec<RowFacts> {
    rows.map(|r| {
        if r < t.header_rows {
            return RowFacts::default();
        }
        let cells = t.cells_of(r);
        let col = cells.position_of(CellKind::Text, 0);
        let label = col.and_then(|c| cells.get(c)).map_or("", |c| c.text);
        // one pass over the label for the characters of every word asked about below:
        // most labels hold none of them, and are let go without a closer look
        let marks = label.chars().fold(0u8, |m, c| m | mark(c));
        let (rate, total) = if marks & RATE_OR_TOTAL != 0 {
            (is_rate_label(label), total_level(label))
        } else {
            (false, None)
        };
        // an item number starts with a digit, a bracket, a Chinese numeral or ①, maybe
        // after 其中
        let numbered = trimmed(label).chars().next().is_some_and(|c| {
            c.is_ascii_digit() || matches!(c, '(' | '（' | '其' | '①'..='⑳') || is_cn_numeral(c)
        });
        RowFacts {
            rate,
            total,
            code: row_code_short(t, r),
            label_col: col
                .and_then(|c| u16::try_from(c).ok())
                .unwrap_or(RowFacts::NO_LABEL),
            style: if numbered {
                outline::style(label)
            } else {
                None
            },
            numbering: if numbered {
                outline::numbering_level(label)
            } else {
                None
            },
            of_which: marks & OF_WHICH != 0 && of_which(label),
            sangong: marks & SANGONG != 0,
            level: marks & LEVEL != 0,
            compare: marks & COMPARE != 0,
        }
    })
    .into_vec()
}

#[cfg(test)]
mod tests {
    use super::{clean_label, clean_label_is, clean_label_starts_with, has_char, trimmed};

    #[test]
    fn the_part_of_a_tax_a_level_keeps_names_no_rate() {
        use super::is_rate_label;
        // a county's revenue budget (炎陵县 2016): items of amounts
        for amount in [
            "1、增值税(18.75%部分)",
            "7、城镇土地使用税(30%)",
            "营业税（75%部分）",
        ] {
            assert!(!is_rate_label(amount), "{amount}");
        }
        for rate in [
            "税收收入占总收入的比例%",
            "增长率(%)",
            "完成率（95%）",
            "增减%(30%)",
        ] {
            assert!(is_rate_label(rate), "{rate}");
        }
        // and in a table, the items under 税收收入 add up to it
        let text = "项目\t预算数\n(一)税收收入\t13,000\n1、增值税(18.75%部分)\t2,925\n\
                    2、营业税(75%部分)\t8,750\n3、资源税(30%)\t1,325\n";
        let got = crate::checks::reported(text, "total-row");
        assert_eq!(got, [("13,000".to_string(), "pass".to_string())]);
    }

    /// The one pass over a label's characters marks exactly the characters of the sets the
    /// words are tested with: an edit to one set and not the other fails here.
    #[test]
    fn a_labels_marks_are_the_character_sets() {
        use super::{mark, COMPARE, LEVEL, OF_WHICH, RATE_OR_TOTAL, SANGONG};
        use super::{CHANGE_CHARS, RATE_CHARS, TOTAL_CHARS};
        use crate::claims::outline::SANGONG_CHARS;
        let mut marked = 0;
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            let m = mark(c);
            let rate_or_total =
                RATE_CHARS.contains(&c) || CHANGE_CHARS.contains(&c) || TOTAL_CHARS.contains(&c);
            assert_eq!(m & RATE_OR_TOTAL != 0, rate_or_total, "{c}");
            assert_eq!(m & SANGONG != 0, SANGONG_CHARS.contains(&c), "{c}");
            assert_eq!(m & LEVEL != 0, c == '级', "{c}");
            assert_eq!(m & OF_WHICH != 0, matches!(c, '其' | '#' | '＃'), "{c}");
            assert_eq!(m & COMPARE != 0, matches!(c, '比' | '较'), "{c}");
            marked += usize::from(m != 0);
        }
        assert_eq!(marked, 28);
    }

    /// A row's facts are what its label reads to the functions they stand for, for labels of
    /// every numbering style, 其中, “三公” items, levels and codes: the claims stage's
    /// shortcuts (a label let go on its characters, its first character) lose nothing.
    #[test]
    fn a_rows_facts_are_what_its_label_reads() {
        use super::{of_which, row_facts, RowFacts};
        use crate::claims::outline::{numbering_level, style, SANGONG_CHARS};
        let labels = [
            "一、财政拨款收入",
            "十、其他支出",
            "（一）一般公共预算",
            "(二)政府性基金",
            "1.行政运行",
            "2、机关服务",
            "3．其他",
            "(1)办公费",
            "（2）印刷费",
            "①差旅费",
            "其中：1、外事",
            "其中：小计",
            "其 中：因公出国（境）费",
            "#对外援助",
            "“三公”经费合计",
            "公务用车运行维护费",
            "区 级",
            "市本级",
            "合计",
            "增长率（%）",
            "项目支出",
            "三、结余",
            "2019年",
            "2016年比2015年增减%",
            "较上年增长",
        ];
        let mut text = String::from("支出表\n\n项目\t金额\t上年\n");
        for (k, label) in labels.iter().enumerate() {
            text.push_str(&format!("{label}\t{k}.5\t1\n"));
        }
        text.push_str("2010101 行政运行\t9.5\t1\n\t1.5\t1\n");
        let doc = crate::read::read_str(&text).unwrap_or_default();
        let Some(t) = doc.tables.first() else {
            panic!("the table reads");
        };
        let facts = row_facts(t);
        assert_eq!(t.header_rows, 1);
        let mut styled = 0;
        for r in t.header_rows..t.rows().len() {
            let f = facts.get(r).copied().unwrap_or_default();
            let label = t.row_label(r);
            let col = t.cells_of(r).position_of(crate::figure::CellKind::Text, 0);
            assert_eq!(col.is_some(), f.label_col != RowFacts::NO_LABEL, "{label}");
            assert!(col.is_none_or(|c| f.label_in(c)), "{label}");
            assert_eq!(f.style, style(label), "{label}");
            assert_eq!(f.numbering, numbering_level(label), "{label}");
            assert_eq!(f.of_which, of_which(label), "{label}");
            assert_eq!(f.sangong, label.contains(SANGONG_CHARS), "{label}");
            assert_eq!(f.level, label.contains('级'), "{label}");
            assert_eq!(f.compare, label.contains(&['比', '较'][..]), "{label}");
            styled += usize::from(f.style.is_some());
        }
        // the labels read as meant: most are numbered, one row has no label
        assert!(styled >= 12, "{styled}");
        assert!(facts
            .iter()
            .skip(t.header_rows)
            .any(|f| f.label_col == RowFacts::NO_LABEL));
    }

    /// A code is inside another exactly when its digits start with the other's, for every
    /// pair of codes of 3, 5 and 7 digits (the fixed-array comparison reads the zeros
    /// past a shorter code's digits, which never match one).
    #[test]
    fn a_code_is_inside_a_parent_when_its_digits_start_with_the_parents() {
        use super::Code;
        let code = |s: &str| {
            let mut c = Code::EMPTY;
            assert!(c.push(s));
            c
        };
        let all = [
            "201", "202", "210", "20101", "20102", "20201", "21001", "2010101", "2010102",
            "2010201", "2020101", "2100101",
        ]
        .map(code);
        let mut inside = 0;
        for a in &all {
            for b in &all {
                let by_slice = a.digits().starts_with(b.digits());
                assert_eq!(
                    a.starts_with(b),
                    by_slice,
                    "{} in {}",
                    a.as_str(),
                    b.as_str()
                );
                inside += usize::from(by_slice);
            }
        }
        // each code in itself; 款 in 类 (4), 项 in 款 (5), 项 in 类 (5)
        assert_eq!(inside, 12 + 4 + 5 + 5);
    }

    /// A row's code read on its first two cells (a code, then a name starting with a CJK
    /// character) is the code the cell-by-cell walk reads, for codes of every length and
    /// cells of every start.
    #[test]
    fn a_rows_code_read_on_its_first_cells_is_the_walks() {
        use super::{code_walk, row_code_short};
        let firsts = [
            "201",
            "20101",
            "2010101",
            "2011",
            "20",
            "201010101",
            " 201",
            "20a",
            "",
        ];
        let seconds = [
            "行政运行",
            "一般",
            "  行政运行",
            "　行政",
            "1",
            "01",
            "",
            "项目 1",
            "Ａ",
        ];
        let mut text = String::from("支出表\n\n编码\t名称\t金额\n");
        for a in firsts {
            for b in seconds {
                text.push_str(&format!("{a}\t{b}\t1.00\n"));
            }
        }
        let doc = crate::read::read_str(&text).unwrap_or_default();
        let Some(t) = doc.tables.first() else {
            panic!("the table reads");
        };
        let mut coded = 0;
        for r in t.header_rows..t.rows().len() {
            let code = row_code_short(t, r);
            let walked = t.rows().get(r).and_then(|row| code_walk(row.cells));
            assert_eq!(
                code.as_ref().map(|c| c.as_str()),
                walked.as_ref().map(|c| c.as_str())
            );
            coded += usize::from(code.is_some());
        }
        // the rows read as rows, and both kinds of code are among them
        assert_eq!(t.rows().len() - t.header_rows, firsts.len() * seconds.len());
        assert!(coded >= 20, "{coded}");
    }

    /// A large table's facts, worked out in two halves on two threads, are those of one
    /// pass: every kind of label (codes in a cell of their own and in the label's, totals,
    /// rates, 其中, blanks) on both sides of the middle, an odd number of rows.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_large_tables_row_facts_on_two_threads_are_those_of_one_pass() {
        use super::{facts_of, row_facts, RowFacts, TWO_THREADS_FROM_ROWS};
        let labels = [
            "201\t一般公共服务支出",
            "20101\t人大事务",
            "2010101 行政运行",
            "\t合计",
            "\t增长率（%）",
            "\t其中：小计",
            "\t\t",
            "\t项目",
        ];
        let mut text = String::from("支出表\n\n编码\t名称\t金额\n");
        let rows = TWO_THREADS_FROM_ROWS + 1_001;
        for k in 0..rows {
            let label = labels.get(k * 7 % labels.len()).copied().unwrap_or("");
            text.push_str(&format!("{label}\t{k}.5\n"));
        }
        let doc = crate::read::read_str(&text).unwrap_or_default();
        let Some(t) = doc.tables.first() else {
            panic!("the table reads");
        };
        assert!(t.rows().len() >= TWO_THREADS_FROM_ROWS);
        let one = facts_of(t, 0..t.rows().len());
        let two = row_facts(t);
        assert_eq!(two, one);
        // the facts vary on both sides of the middle: the test is not of one kind of row
        for half in [one.get(..one.len() / 2), one.get(one.len() / 2..)] {
            let half = half.unwrap_or(&[]);
            assert!(half.iter().any(|f| f.rate) && half.iter().any(|f| f.total.is_some()));
            assert!(half.iter().any(|f| f.code.is_some()));
            assert!(half.iter().any(|f| *f == RowFacts::default()));
        }
    }

    /// Labels with every kind of edge: ASCII, CJK, full-width and no-break spaces, a
    /// two-byte and a four-byte last character, numbering and markup.
    const LABELS: &[&str] = &[
        "",
        " ",
        "合计",
        " 合计",
        "合计 ",
        "\u{3000}总计\u{3000}",
        "总计\u{a0}",
        "\u{a0}总计",
        "一、总计",
        "（一）总 计",
        "*总计*",
        "总计1",
        "2010101",
        " 201 ",
        "类201",
        "é",
        "总计é",
        "𠀀",
        "总计𠀀",
        "总\u{2003}",
        "其中：总计",
    ];

    /// A label's leading numbers go (codes, item numbers with their marks, several of them),
    /// and a Chinese numeral that begins a word stays.
    #[test]
    fn a_label_loses_its_numbers_not_its_first_word() {
        for (label, clean) in [
            ("一、一般公共预算财政拨款", "一般公共预算财政拨款"),
            ("（一）一般公共预算", "一般公共预算"),
            ("(二) 政府性基金", "政府性基金"),
            ("一般公共服务支出", "一般公共服务支出"),
            ("三公经费合计", "三公经费合计"),
            ("三、“三公”经费", "“三公”经费"),
            ("十三五规划项目", "十三五规划项目"),
            ("十二、其他支出", "其他支出"),
            ("1.行政运行", "行政运行"),
            ("2、机关服务", "机关服务"),
            ("3．其他", "其他"),
            ("（1）办公费", "办公费"),
            ("4）印刷费", "印刷费"),
            ("五）会议费", "会议费"),
            ("2010301 行政运行", "行政运行"),
            ("201 一般公共服务支出", "一般公共服务支出"),
            ("2010301一般行政管理事务", "一般行政管理事务"),
            ("一、（一）1.基本支出", "基本支出"),
            ("（单位：万元）", "（单位：万元）"),
            ("合 计", "合计"),
            ("**合计**", "合计"),
            ("（一）", ""),
            ("二〇一九年", "二〇一九年"),
        ] {
            assert_eq!(clean_label(label), clean, "{label}");
            assert!(clean_label_is(label, clean), "{label}");
            let head: String = clean.chars().take(2).collect();
            assert!(clean_label_starts_with(label, &head), "{label}");
        }
        assert!(!clean_label_starts_with("一般公共预算", "般公共"));
        assert!(!clean_label_is("三公经费", "公经费"));
    }

    #[test]
    fn the_fast_label_tests_agree_with_the_general_ones() {
        for s in LABELS {
            assert_eq!(trimmed(s), s.trim(), "{s:?}");
            for c in ['总', '计', '级', ' ', 'é', '𠀀', '1'] {
                assert_eq!(has_char(s, c), s.contains(c), "{s:?} {c:?}");
            }
            for w in ["总计", "合计", "201"] {
                assert_eq!(clean_label_is(s, w), clean_label(s) == w, "{s:?} {w:?}");
            }
        }
    }
}
