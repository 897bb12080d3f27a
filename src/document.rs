//! The document model every check reads: paragraphs of running text and tables, with every
//! figure, its printed precision and where it was printed.

use crate::figure::{CellKind, FigId, Number};
use crate::IntoVec;
use serde::Serialize;

/// Text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Text {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Both languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Where a figure was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// In running text: the paragraph index in [`Document::paragraphs`].
    Text {
        /// Paragraph index.
        paragraph: usize,
    },
    /// In a table cell.
    Cell {
        /// Table index in [`Document::tables`].
        table: usize,
        /// Row index within the table (header rows included).
        row: usize,
        /// Column index (0-based, after expanding merged cells).
        col: usize,
    },
}

/// A figure as printed (read from the document's packed form: [`Document::figure`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure<'a> {
    /// The number and its precision.
    pub number: Number,
    /// Unit printed after it, if any (canonical: 万元, 元, 人 …).
    pub unit: Option<&'static str>,
    /// Exactly as printed (thousands separators, full-width digits and `%` kept).
    pub raw: &'a str,
    /// 1-based line of the input.
    pub line: u32,
    /// Byte offset of the figure in [`Document::source`].
    pub start: usize,
    /// Byte offset one past the figure.
    pub end: usize,
    /// Paragraph or cell.
    pub place: Place,
    /// 1-based page, for input read from a paged document (PDF).
    pub page: Option<u32>,
}

/// A figure as a document keeps it: 32 bytes — the exact value (mantissa and scale), the
/// span of the source it was printed at, its line and place — its printed text read
/// from the source (or, where it was not printed as one span there, from
/// [`Document::raws`]); the few figures with a page (PDF) or a span past 255 bytes have it
/// kept aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fig {
    /// The value's mantissa (with `scale`); a value whose mantissa needs more than 64 bits
    /// is kept in [`Document::wide`] ([`WIDE`]).
    mantissa: i64,
    start: u32,
    line: u32,
    /// Table (or paragraph), row and column.
    place: [u32; 3],
    scale: u8,
    /// Index + 1 of the unit's spelling in [`crate::figure::UNITS`], 0 for none.
    unit: u8,
    /// [`PERCENT`], [`IN_TEXT`], [`RAW_ELSEWHERE`], [`WIDE`], [`PAGED`], [`LONG`].
    flags: u8,
    /// The span's length in bytes ([`LONG`]: in [`Document::ends`]).
    len: u8,
}

const PERCENT: u8 = 1;
const IN_TEXT: u8 = 2;
const RAW_ELSEWHERE: u8 = 4;
const WIDE: u8 = 8;
const PAGED: u8 = 16;
const LONG: u8 = 32;

/// The entry of figure `id` in a side table sorted by id.
pub(crate) fn aside<T>(table: &[(FigId, T)], id: FigId) -> Option<&T> {
    table
        .binary_search_by_key(&id, |e| e.0)
        .ok()
        .and_then(|i| table.get(i))
        .map(|e| &e.1)
}

impl Fig {
    fn place(&self) -> Place {
        let [a, b, c] = self.place.map(|x| x as usize);
        if self.flags & IN_TEXT != 0 {
            Place::Text { paragraph: a }
        } else {
            Place::Cell {
                table: a,
                row: b,
                col: c,
            }
        }
    }

    fn set_place(&mut self, place: Place) {
        match place {
            Place::Text { paragraph } => {
                self.flags |= IN_TEXT;
                self.place = [small(paragraph), 0, 0];
            }
            Place::Cell { table, row, col } => {
                self.flags &= !IN_TEXT;
                self.place = [small(table), small(row), small(col)];
            }
        }
    }
}

/// A run of text that reads as one: lines joined across soft breaks and page breaks.
#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    /// The joined text.
    pub text: String,
    /// `(offset in text, offset in source)` at the start of each joined piece.
    pub pieces: Vec<(usize, usize)>,
    /// Figures inside, in order: `(start in text, end in text including unit, figure)`.
    pub figures: Vec<(usize, usize, FigId)>,
    /// The heading this paragraph sits under, if any.
    pub section: Option<String>,
    /// 1-based line where it starts.
    pub line: u32,
    /// It is a heading line itself.
    pub heading: bool,
}

impl Paragraph {
    /// Source byte offset of a text offset.
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= at);
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some(&(t, s)) => s + (at - t),
            None => at,
        }
    }
}

/// One cell of a table as a reader builds it (see [`Table::from_rows`]); a table keeps its
/// cells packed ([`CellRef`] reads one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Its text, markup removed, trimmed.
    pub text: String,
    /// Blank, dash, figure or words.
    pub kind: CellKind,
    /// The figure, when `kind` is [`CellKind::Figure`] and it could be read.
    pub figure: Option<FigId>,
}

/// A table row as a reader builds it (see [`Table::from_rows`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the input.
    pub line: u32,
    /// Cells, left to right.
    pub cells: Vec<Cell>,
}

impl Row {
    /// A row that numbers the columns of a standard table (栏次 1 2 3 …).
    pub fn is_column_numbering(&self) -> bool {
        numbers_columns(self.cells.iter().map(|c| c.text.as_str()))
    }
}

/// Cell texts that number the columns of a standard table (栏次 with any spacing).
fn numbers_columns<'s>(mut texts: impl Iterator<Item = &'s str>) -> bool {
    texts.any(|text| {
        // compared without building a string per cell
        let mut t = text.chars().filter(|c| !c.is_whitespace());
        matches!(t.next(), Some('栏' | '欄')) && t.next() == Some('次') && t.next().is_none()
    })
}

/// No figure in a packed cell.
const NO_FIGURE: u32 = u32::MAX;

/// A packed cell's `len` bit saying its text is a span of the document's source (shared
/// by the table, [`Table::share_source`]), not of the table's own text.
const IN_SOURCE: u32 = 1 << 31;

/// Where a packed cell's kind sits in its `len` (two bits below [`IN_SOURCE`]).
const KIND_SHIFT: u32 = 29;

/// The bits of a packed cell's `len` that hold its length (up to 512 MB; inputs are at
/// most 64 MB).
const MAX_LEN: u32 = (1 << KIND_SHIFT) - 1;

/// A cell as a table keeps it: 12 bytes, its text a span of the table's text (or of the
/// source), its kind in two bits of its length's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    /// Start of the text in [`Table::text`] (or, with [`IN_SOURCE`], the source).
    at: u32,
    /// [`IN_SOURCE`] for a span of the source, the kind (at [`KIND_SHIFT`]) and the
    /// length in bytes (at most [`MAX_LEN`]).
    len: u32,
    /// The figure's id, [`NO_FIGURE`] for none.
    figure: u32,
}

// a 1M-row table holds millions of cells: their size is memory, and (touched fresh) time
const _: () = assert!(std::mem::size_of::<Packed>() == 12);

impl Packed {
    /// A cell of `len` bytes (with [`IN_SOURCE`] where it is a span of the source).
    fn new(at: u32, len: u32, kind: CellKind, figure: Option<FigId>) -> Packed {
        let kind = match kind {
            CellKind::Blank => 0,
            CellKind::Dash => 1,
            CellKind::Figure => 2,
            CellKind::Text => 3,
        };
        Packed {
            at,
            len: (len & IN_SOURCE) | kind << KIND_SHIFT | (len & !IN_SOURCE).min(MAX_LEN),
            figure: figure
                .and_then(|f| u32::try_from(f).ok())
                .unwrap_or(NO_FIGURE),
        }
    }

    fn kind(&self) -> CellKind {
        match (self.len >> KIND_SHIFT) & 3 {
            0 => CellKind::Blank,
            1 => CellKind::Dash,
            2 => CellKind::Figure,
            _ => CellKind::Text,
        }
    }

    /// The text's length in bytes.
    fn text_len(&self) -> u32 {
        self.len & MAX_LEN
    }
}

/// A row as a table keeps it: its line and its cells' range in [`Table::cells`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RowSpan {
    line: u32,
    start: u32,
    len: u32,
}

/// One cell of a table, read from its packed form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRef<'a> {
    /// Its text, markup removed, trimmed.
    pub text: &'a str,
    /// Blank, dash, figure or words.
    pub kind: CellKind,
    /// The figure, when `kind` is [`CellKind::Figure`] and it could be read.
    pub figure: Option<FigId>,
}

/// A row's cells, left to right.
#[derive(Debug, Clone, Copy)]
pub struct Cells<'a> {
    cells: &'a [Packed],
    text: &'a str,
    source: &'a str,
}

impl<'a> Cells<'a> {
    fn open(&self, p: &Packed) -> CellRef<'a> {
        let from = p.at as usize;
        let text = if p.len & IN_SOURCE != 0 {
            self.source
        } else {
            self.text
        };
        let len = p.text_len();
        CellRef {
            text: text
                .get(from..from.saturating_add(len as usize))
                .unwrap_or(""),
            kind: p.kind(),
            figure: (p.figure != NO_FIGURE).then_some(p.figure as usize),
        }
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// No cell at all.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The cell in column `col`.
    pub fn get(&self, col: usize) -> Option<CellRef<'a>> {
        self.cells.get(col).map(|p| self.open(p))
    }

    /// The first cell.
    pub fn first(&self) -> Option<CellRef<'a>> {
        self.get(0)
    }

    /// The last cell.
    pub fn last(&self) -> Option<CellRef<'a>> {
        self.cells.last().map(|p| self.open(p))
    }

    /// The cells, left to right.
    pub fn iter(&self) -> CellIter<'a> {
        CellIter {
            inner: self.cells.iter(),
            text: self.text,
            source: self.source,
        }
    }

    /// The kind of the cell in column `col`, without opening its text.
    pub fn kind(&self, col: usize) -> Option<CellKind> {
        self.cells.get(col).map(Packed::kind)
    }

    /// The column of the first cell of this kind at or after `from`.
    pub fn position_of(&self, kind: CellKind, from: usize) -> Option<usize> {
        self.cells
            .get(from..)?
            .iter()
            .position(|p| p.kind() == kind)
            .map(|i| i + from)
    }
}

impl<'a> IntoIterator for Cells<'a> {
    type Item = CellRef<'a>;
    type IntoIter = CellIter<'a>;
    fn into_iter(self) -> CellIter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &Cells<'a> {
    type Item = CellRef<'a>;
    type IntoIter = CellIter<'a>;
    fn into_iter(self) -> CellIter<'a> {
        self.iter()
    }
}

/// A row's cells, left to right (see [`Cells::iter`]).
#[derive(Debug, Clone)]
pub struct CellIter<'a> {
    inner: std::slice::Iter<'a, Packed>,
    text: &'a str,
    source: &'a str,
}

impl<'a> CellIter<'a> {
    fn open(&self, p: &Packed) -> CellRef<'a> {
        Cells {
            cells: &[],
            text: self.text,
            source: self.source,
        }
        .open(p)
    }
}

impl<'a> Iterator for CellIter<'a> {
    type Item = CellRef<'a>;
    fn next(&mut self) -> Option<CellRef<'a>> {
        let p = self.inner.next()?;
        Some(self.open(p))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
    fn nth(&mut self, n: usize) -> Option<CellRef<'a>> {
        let p = self.inner.nth(n)?;
        Some(self.open(p))
    }
}

impl DoubleEndedIterator for CellIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let p = self.inner.next_back()?;
        Some(self.open(p))
    }
}

impl ExactSizeIterator for CellIter<'_> {}

/// A table row.
#[derive(Debug, Clone, Copy)]
pub struct RowRef<'a> {
    /// 1-based line of the input.
    pub line: u32,
    /// Cells, left to right.
    pub cells: Cells<'a>,
}

impl RowRef<'_> {
    /// A row that numbers the columns of a standard table (栏次 1 2 3 …).
    pub fn is_column_numbering(&self) -> bool {
        numbers_columns(self.cells.iter().map(|c| c.text))
    }

    /// A row naming its columns by bare years ("项目 | 2020 | 2021", a yearbook's or a
    /// spreadsheet's header): at least two figures, each a distinct year from 1949 to 2100
    /// printed as four digits, beside nothing but words or blanks.
    pub fn names_years(&self) -> bool {
        let mut years: Vec<&str> = Vec::new();
        // ("项 目 | 1996", a yearbook's table of one year: a single year under the word that
        // names the label column)
        let mut named = false;
        for c in self.cells.iter() {
            match c.kind {
                CellKind::Text => {
                    let w = crate::figure::kept(c.text, |ch| !ch.is_whitespace());
                    named |= ["项目", "科目", "指标", "项目名称", "预算科目"].contains(&w.as_str());
                }
                CellKind::Figure => {
                    if !crate::figure::is_year(c.text) || years.contains(&c.text) {
                        return false;
                    }
                    years.push(c.text);
                }
                CellKind::Blank => {}
                CellKind::Dash => return false,
            }
        }
        years.len() >= 2 || named && years.len() == 1
    }

    /// A title line inside a table's header (its name, 公开01表, 单位：万元), not column names.
    pub fn is_title(&self, table_width: usize) -> bool {
        let filled: Vec<&str> = self
            .cells
            .iter()
            .map(|c| c.text)
            .filter(|t| !t.is_empty())
            .into_vec();
        (filled.len() == 1 && table_width >= 3)
            || filled.iter().any(|t| {
                t.contains("单位：")
                    || t.contains("单位:")
                    || t.contains("單位")
                    || (t.starts_with("公开") && t.ends_with('表'))
            })
    }
}

/// A table's rows, headers first.
#[derive(Debug, Clone, Copy)]
pub struct Rows<'a> {
    table: &'a Table,
}

impl<'a> Rows<'a> {
    /// Number of rows.
    pub fn len(&self) -> usize {
        self.table.rows.len()
    }

    /// No row at all.
    pub fn is_empty(&self) -> bool {
        self.table.rows.is_empty()
    }

    /// Row `r`.
    pub fn get(&self, r: usize) -> Option<RowRef<'a>> {
        self.table.rows.get(r).map(|s| self.table.open(s))
    }

    /// The first row.
    pub fn first(&self) -> Option<RowRef<'a>> {
        self.get(0)
    }

    /// The last row.
    pub fn last(&self) -> Option<RowRef<'a>> {
        self.table.rows.last().map(|s| self.table.open(s))
    }

    /// The rows, top to bottom.
    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = RowRef<'a>> + ExactSizeIterator + Clone + 'a {
        let t = self.table;
        t.rows.iter().map(move |s| t.open(s))
    }
}

/// A table: rows of cells, the first `header_rows` of them headers. Every cell of a table
/// sits in one array (12 bytes a cell, its text a span of the table's text or of the
/// document's source), so the checks' walks over rows read memory in order. Two tables
/// are equal when their captions, headers and rows read the same.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Text printed just above the table (its number and title), joined.
    pub caption: String,
    /// Rows: their lines and cell ranges.
    rows: Vec<RowSpan>,
    /// Every cell, row after row (a row rebuilt later is appended).
    cells: Vec<Packed>,
    /// Every cell's text not taken from the source, one after another.
    text: String,
    /// The document's source, where the reader took cells' texts from it.
    source: SharedSource,
    /// How many leading rows are headers (before the first row of figures).
    pub header_rows: usize,
    /// Drawn in box characters (a plain-text table, `│` between cells): a header cell
    /// spanning columns is printed once, with no empty cells after it.
    pub drawn: bool,
    /// Its rows may go on past what was read: drawn, and no rule closes it after its last
    /// row (the text stops inside the table, an excerpt cut off there); or printed one cell
    /// per line and ended at a row with some of its figures, which cannot be placed.
    pub cut: bool,
    /// Every column's header, worked out on first use (see [`Table::column_header`]);
    /// `Default::default()` when building a table.
    pub headers: HeaderCache,
    /// The widest row's length, worked out on first use and forgotten when rows change.
    width: WidthCache,
}

impl PartialEq for Table {
    fn eq(&self, other: &Self) -> bool {
        self.caption == other.caption
            && self.header_rows == other.header_rows
            && self.rows().len() == other.rows().len()
            && self.rows().iter().zip(other.rows().iter()).all(|(a, b)| {
                a.line == b.line && a.cells.len() == b.cells.len() && a.cells.iter().eq(b.cells)
            })
    }
}

impl Eq for Table {}

/// A document's source, shared with its tables: the text as decoded, held as the string
/// it was decoded into (the command line reads megabytes; an `Arc<str>` would copy them).
pub type Source = std::sync::Arc<String>;

/// The document's source as a table shares it (printed by its length only).
#[derive(Clone, Default)]
struct SharedSource(Option<Source>);

impl std::fmt::Debug for SharedSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "source of {} bytes",
            self.0.as_deref().map_or(0, String::len)
        )
    }
}

/// Column headers worked out once; equal to any other (it only caches what the rows say).
#[derive(Debug, Clone, Default)]
pub struct HeaderCache(std::sync::OnceLock<Vec<String>>);

impl PartialEq for HeaderCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for HeaderCache {}

/// [`Table::width`] worked out once: checks ask it for every row of tables of a million.
#[derive(Debug, Clone, Default)]
struct WidthCache(std::sync::OnceLock<usize>);

/// A length or offset as a packed table keeps it (inputs are far below 4 GB).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Table {
    /// An empty table titled `caption`, to push rows into.
    pub fn new(caption: String) -> Self {
        Table {
            caption,
            ..Table::default()
        }
    }

    /// A table of these rows, the first `header_rows` of them headers.
    pub fn from_rows(caption: String, rows: Vec<Row>, header_rows: usize) -> Self {
        let mut t = Table::new(caption);
        t.rows.reserve_exact(rows.len());
        t.cells
            .reserve_exact(rows.iter().map(|r| r.cells.len()).sum::<usize>());
        t.text.reserve_exact(
            rows.iter()
                .flat_map(|r| &r.cells)
                .map(|c| c.text.len())
                .sum(),
        );
        for r in rows {
            t.push_row(r.line);
            for c in r.cells {
                t.push_cell(&c.text, c.kind, c.figure);
            }
        }
        t.header_rows = header_rows;
        t
    }

    /// Starts a row (empty) at the bottom.
    pub fn push_row(&mut self, line: u32) {
        self.width.0.take();
        crate::read::room_for_one(&mut self.rows);
        self.rows.push(RowSpan {
            line,
            start: small(self.cells.len()),
            len: 0,
        });
    }

    /// Appends a cell to the last row (starting one when there is none).
    pub fn push_cell(&mut self, text: &str, kind: CellKind, figure: Option<FigId>) {
        let (at, len) = match (u32::try_from(self.text.len()), u32::try_from(text.len())) {
            (Ok(at), Ok(len)) if at.checked_add(len).is_some() && len <= MAX_LEN => {
                self.text.push_str(text);
                (at, len)
            }
            _ => (0, 0),
        };
        self.push_packed(at, len, kind, figure);
    }

    /// Shares the document's source with the table, for [`Table::push_source_cell`].
    pub fn share_source(&mut self, source: Source) {
        self.source = SharedSource(Some(source));
    }

    /// Appends a cell whose text is `text`, printed at byte `at` of the source shared
    /// with [`Table::share_source`]: the table keeps the span, not a copy.
    pub fn push_source_cell(
        &mut self,
        text: &str,
        at: usize,
        kind: CellKind,
        figure: Option<FigId>,
    ) {
        let shared = self.source.0.as_deref().is_some_and(|s| {
            s.as_ptr().wrapping_add(at) == text.as_ptr()
                && at.checked_add(text.len()).is_some_and(|e| e <= s.len())
        });
        match (u32::try_from(at), u32::try_from(text.len())) {
            (Ok(a), Ok(len)) if shared && a.checked_add(len).is_some() && len <= MAX_LEN => {
                self.push_packed(a, len | IN_SOURCE, kind, figure);
            }
            _ => self.push_cell(text, kind, figure),
        }
    }

    /// Whether the cells of `line`, the span of the shared source from byte `start`, can be
    /// appended to the last row with [`Table::push_span`]: the row is the last in the cell
    /// array, and every span of the line fits a packed cell. Asked once a row, so that each
    /// cell of a long table is one push.
    pub(crate) fn spans_fit(&self, start: usize, line: &str) -> bool {
        let contiguous = self
            .rows
            .last()
            .is_some_and(|l| (l.start + l.len) as usize == self.cells.len());
        let end = start.checked_add(line.len());
        contiguous
            && end.is_some_and(|e| u32::try_from(e).is_ok())
            && u32::try_from(line.len()).is_ok_and(|l| l <= MAX_LEN)
            && self.source.0.as_deref().is_some_and(|s| {
                s.as_ptr().wrapping_add(start) == line.as_ptr() && end.is_some_and(|e| e <= s.len())
            })
    }

    /// Appends the source's bytes `at..at + len`, inside a line [`Table::spans_fit`] allowed,
    /// as a cell of the last row.
    #[inline(always)]
    pub(crate) fn push_span(
        &mut self,
        at: usize,
        len: usize,
        kind: CellKind,
        figure: Option<FigId>,
    ) {
        self.width.0.take();
        // the line's bounds were checked: its spans fit in 32 bits and MAX_LEN
        crate::read::room_for_one(&mut self.cells);
        self.cells
            .push(Packed::new(at as u32, len as u32 | IN_SOURCE, kind, figure));
        if let Some(l) = self.rows.last_mut() {
            l.len += 1;
        }
    }

    fn push_packed(&mut self, at: u32, len: u32, kind: CellKind, figure: Option<FigId>) {
        self.width.0.take();
        if self.rows.is_empty() {
            self.push_row(0);
        }
        let end = self.cells.len();
        if let Some(last) = self.rows.last().copied() {
            // a row rebuilt after it sits further on: move the last row to the end first
            if (last.start + last.len) as usize != end {
                let moved: Vec<Packed> = self
                    .cells
                    .get(last.start as usize..(last.start + last.len) as usize)
                    .unwrap_or(&[])
                    .to_vec();
                let start = small(self.cells.len());
                self.cells.extend(moved);
                if let Some(l) = self.rows.last_mut() {
                    l.start = start;
                }
            }
        }
        crate::read::room_for_one(&mut self.cells);
        self.cells.push(Packed::new(at, len, kind, figure));
        if let Some(l) = self.rows.last_mut() {
            l.len += 1;
        }
    }

    /// Appends the rows of `other`, read from the same source into a table of its own
    /// whose figures' ids then moved by `moved` ([`Document::append_figures`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn append_rows(&mut self, other: &Table, moved: usize) {
        self.width.0.take();
        let (cells, text) = (small(self.cells.len()), small(self.text.len()));
        self.rows.extend(other.rows.iter().map(|r| RowSpan {
            start: r.start + cells,
            ..*r
        }));
        self.cells.extend(other.cells.iter().map(|c| Packed {
            at: if c.len & IN_SOURCE == 0 {
                c.at + text
            } else {
                c.at
            },
            len: c.len,
            figure: match c.figure {
                NO_FIGURE => NO_FIGURE,
                f => small(f as usize + moved),
            },
        }));
        self.text.push_str(&other.text);
    }

    /// Drops the last row's trailing blank cells (left by a layout, they carry nothing),
    /// keeping its first `keep`.
    pub fn trim_last_row(&mut self, keep: usize) {
        self.width.0.take();
        let Some(last) = self.rows.last().copied() else {
            return;
        };
        let mut len = last.len;
        while len as usize > keep
            && self
                .cells
                .get((last.start + len - 1) as usize)
                .is_some_and(|c| c.kind() == CellKind::Blank)
        {
            len -= 1;
        }
        if len < last.len {
            if (last.start + last.len) as usize == self.cells.len() {
                self.cells.truncate((last.start + len) as usize);
            }
            if let Some(l) = self.rows.last_mut() {
                l.len = len;
            }
        }
    }

    /// Room for `rows` more rows and `cells` more cells (given back by [`Table::shrink`]
    /// where unused).
    pub fn reserve(&mut self, rows: usize, cells: usize) {
        self.rows.reserve_exact(rows);
        self.cells.reserve_exact(cells);
    }

    /// Gives back the slack of the arrays grown row by row.
    pub fn shrink(&mut self) {
        self.rows.shrink_to_fit();
        self.cells.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    /// Row `r` as a reader builds it (to rebuild it: [`Table::set_row`]).
    pub fn row_owned(&self, r: usize) -> Option<Row> {
        let row = self.rows().get(r)?;
        Some(Row {
            line: row.line,
            cells: row
                .cells
                .iter()
                .map(|c| Cell {
                    text: c.text.to_string(),
                    kind: c.kind,
                    figure: c.figure,
                })
                .into_vec(),
        })
    }

    /// Replaces row `r`'s cells.
    pub fn set_row(&mut self, r: usize, cells: Vec<Cell>) {
        self.width.0.take();
        if r >= self.rows.len() {
            return;
        }
        let start = small(self.cells.len());
        for c in &cells {
            let at = small(self.text.len());
            self.text.push_str(&c.text);
            self.cells.push(Packed::new(
                at,
                small(c.text.len()).min(MAX_LEN),
                c.kind,
                c.figure,
            ));
        }
        if let Some(s) = self.rows.get_mut(r) {
            s.start = start;
            s.len = small(cells.len());
        }
    }

    /// Sets row `r`'s line.
    pub fn set_line(&mut self, r: usize, line: u32) {
        if let Some(s) = self.rows.get_mut(r) {
            s.line = line;
        }
    }

    /// The rows, headers first.
    pub fn rows(&self) -> Rows<'_> {
        Rows { table: self }
    }

    fn open(&self, s: &RowSpan) -> RowRef<'_> {
        let from = s.start as usize;
        RowRef {
            line: s.line,
            cells: Cells {
                cells: self
                    .cells
                    .get(from..from.saturating_add(s.len as usize))
                    .unwrap_or(&[]),
                text: &self.text,
                source: self.source.0.as_deref().map_or("", String::as_str),
            },
        }
    }

    /// The cells of row `r` (none past the last row).
    pub fn cells_of(&self, r: usize) -> Cells<'_> {
        self.rows.get(r).map_or(
            Cells {
                cells: &[],
                text: "",
                source: "",
            },
            |s| self.open(s).cells,
        )
    }

    /// Row `r`'s line.
    pub fn line_of(&self, r: usize) -> Option<u32> {
        self.rows.get(r).map(|s| s.line)
    }

    /// The table's title as a reader would name it: the caption's last line, without the
    /// sentences before it — the note of the table before it, when a PDF's rebuilt line
    /// carries both ("注：本表反映…。 支出决算表" → "支出决算表"), or a sentence of the text
    /// just above the title ("…决算总计1005.00万元。 收入支出决算总表" → "收入支出决算总表").
    pub fn title(&self) -> &str {
        let line = self.caption.lines().last().unwrap_or("").trim();
        match line.rsplit_once('。') {
            Some((_, after)) if !after.trim().is_empty() => after.trim(),
            _ => line,
        }
    }

    /// Number of columns (the widest row).
    pub fn width(&self) -> usize {
        *self
            .width
            .0
            .get_or_init(|| self.rows.iter().map(|r| r.len as usize).max().unwrap_or(0))
    }

    /// The cell at `(row, col)`.
    pub fn cell(&self, row: usize, col: usize) -> Option<CellRef<'_>> {
        self.cells_of(row).get(col)
    }

    /// The figure at `(row, col)`.
    pub fn figure(&self, row: usize, col: usize) -> Option<FigId> {
        let s = self.rows.get(row)?;
        if col >= s.len as usize {
            return None;
        }
        let p = self.cells.get(s.start as usize + col)?;
        (p.figure != NO_FIGURE).then_some(p.figure as usize)
    }

    /// The header of column `col`: the header rows' texts from top to bottom, an empty
    /// cell in an upper row taking the text on its left (a merged cell spanning columns),
    /// joined with `/`. Every column's header is worked out once per table, on first use.
    pub fn column_header(&self, col: usize) -> String {
        self.headers
            .0
            .get_or_init(|| self.all_headers())
            .get(col)
            .cloned()
            .unwrap_or_else(|| self.header_of(col, &self.header_rows_named()))
    }

    /// [`Table::column_header`] without a copy where it is worked out already.
    pub fn header(&self, col: usize) -> std::borrow::Cow<'_, str> {
        match self.headers.0.get_or_init(|| self.all_headers()).get(col) {
            Some(h) => std::borrow::Cow::Borrowed(h.as_str()),
            None => std::borrow::Cow::Owned(self.header_of(col, &self.header_rows_named())),
        }
    }

    /// The header rows that name columns (not a title line, not a 栏次 row).
    fn header_rows_named(&self) -> Vec<RowRef<'_>> {
        // the header's own width: a title line is one cell across it (not the whole table's
        // width, which would make every call walk every row)
        let width = self
            .rows
            .iter()
            .take(self.header_rows)
            .map(|r| r.len as usize)
            .max()
            .unwrap_or(0);
        self.rows()
            .iter()
            .take(self.header_rows)
            .filter(|r| !r.is_title(width) && !r.is_column_numbering())
            // (a drawn table's row of names spanning columns cannot say which columns
            // they span: the row of the columns' own names below it names them)
            .filter(|r| !self.drawn || r.cells.len() == width)
            .into_vec()
    }

    /// Every column's header in one pass: per header row, the last text on the left is
    /// carried along instead of searched for per column.
    fn all_headers(&self) -> Vec<String> {
        let rows = self.header_rows_named();
        let last = rows.len().saturating_sub(1);
        let width = self.width();
        let mut left: Vec<&str> = vec![""; rows.len()];
        let mut out = Vec::with_capacity(width);
        for col in 0..width {
            let mut parts: Vec<&str> = Vec::new();
            let mut named_above = false;
            for (r, row) in rows.iter().enumerate() {
                let own = row.cells.get(col).map_or("", |c| c.text);
                let mut text = own;
                if own.is_empty() && r < last && !named_above {
                    text = left.get(r).copied().unwrap_or("");
                }
                named_above |= !own.is_empty();
                if !text.is_empty() && parts.last() != Some(&text) {
                    parts.push(text);
                }
            }
            for (r, row) in rows.iter().enumerate() {
                let own = row.cells.get(col).map_or("", |c| c.text);
                if let (false, Some(l)) = (own.is_empty(), left.get_mut(r)) {
                    *l = own;
                }
            }
            out.push(closed_up(parts.join("/")));
        }
        out
    }

    /// One column's header, worked out on its own (a column beyond the table's width).
    fn header_of(&self, col: usize, rows: &[RowRef<'_>]) -> String {
        let last = rows.len().saturating_sub(1);
        let mut parts: Vec<&str> = Vec::new();
        // once a row above names this column, blanks below it are that name spanning rows
        let mut named_above = false;
        for (r, row) in rows.iter().enumerate() {
            let own = row.cells.get(col).map_or("", |c| c.text);
            let mut text = own;
            if own.is_empty() && r < last && !named_above {
                // a name spanning columns sits in the leftmost of them
                text = row
                    .cells
                    .iter()
                    .take(col)
                    .rev()
                    .map(|c| c.text)
                    .find(|t| !t.is_empty())
                    .unwrap_or("");
            }
            named_above |= !own.is_empty();
            if !text.is_empty() && parts.last() != Some(&text) {
                parts.push(text);
            }
        }
        closed_up(parts.join("/"))
    }

    /// The row's label: its first cell holding words.
    pub fn row_label(&self, row: usize) -> &str {
        let cells = self.cells_of(row);
        cells
            .position_of(CellKind::Text, 0)
            .and_then(|c| cells.get(c))
            .map_or("", |c| c.text)
    }

    /// The label of a row as seen from column `col`: in a table of two sides (a 收支总表,
    /// `项目 决算数 项目 决算数`) the item of `col`'s side, the last text left of it whose
    /// header (in the last header row) is the row label's; else [`Table::row_label`].
    pub fn row_label_at(&self, row: usize, col: usize) -> &str {
        let cells = self.cells_of(row);
        let Some(first) = cells.position_of(CellKind::Text, 0) else {
            return "";
        };
        let head = |c: usize| {
            let r = self.header_rows.checked_sub(1)?;
            self.cell(r, c).map(|x| x.text).filter(|t| !t.is_empty())
        };
        let side = (first + 1..col).rev().find(|&c| {
            cells.get(c).is_some_and(|x| x.kind == CellKind::Text)
                && head(first).is_some()
                && head(c) == head(first)
        });
        cells.get(side.unwrap_or(first)).map_or("", |c| c.text)
    }
}

/// A figure the reader found but could not use (too many digits, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// As printed.
    pub raw: String,
    /// 1-based line.
    pub line: u32,
    /// Why.
    pub reason: crate::figure::FigureError,
}

/// A document read from text or HTML.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The input as decoded (shared with the tables whose cells' texts are spans of it).
    pub source: Source,
    /// Byte offset where each line starts.
    pub line_starts: Vec<usize>,
    /// Every figure read, in reading order ([`Document::figure`]).
    figures: Vec<Fig>,
    /// The printed text of a figure not printed as one span of the source, by id.
    raws: Vec<(FigId, Box<str>)>,
    /// The value of a figure whose mantissa needs more than 64 bits, by id.
    wide: Vec<(FigId, rust_decimal::Decimal)>,
    /// The page of a figure read from a paged document, by id.
    pages: Vec<(FigId, u32)>,
    /// The end of a figure whose span is longer than 255 bytes, by id.
    ends: Vec<(FigId, usize)>,
    /// Running text.
    pub paragraphs: Vec<Paragraph>,
    /// Tables.
    pub tables: Vec<Table>,
    /// Figures that could not be read.
    pub unreadable: Vec<Unreadable>,
    /// For paged input (PDF), the 1-based page of each line (index = line − 1); empty
    /// otherwise.
    pub line_pages: Vec<u32>,
}

impl Document {
    /// An empty document over lines starting at these byte offsets.
    pub fn with_lines(line_starts: Vec<usize>) -> Self {
        Document {
            line_starts,
            ..Document::default()
        }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> u32 {
        let i = self.line_starts.partition_point(|&s| s <= offset);
        u32::try_from(i.max(1)).unwrap_or(u32::MAX)
    }

    /// The page a 1-based line is on, for paged input (PDF).
    pub fn page_of_line(&self, line: u32) -> Option<u32> {
        self.line_pages
            .get((line as usize).checked_sub(1)?)
            .copied()
    }

    /// The figure with this id.
    pub fn figure(&self, id: FigId) -> Option<Figure<'_>> {
        self.figures.get(id).map(|f| self.open(id, f))
    }

    /// The number of the figure with this id (without its text or place).
    pub fn number(&self, id: FigId) -> Option<Number> {
        self.figures.get(id).map(|f| self.number_of(id, f))
    }

    /// A figure's value as its integer mantissa and scale, without building a `Decimal`:
    /// `None` for a percentage, a value kept wide, or no such figure. What the evaluator's
    /// same-scale sums add.
    pub fn plain_mantissa(&self, id: FigId) -> Option<(i64, u8)> {
        let f = self.figures.get(id)?;
        (f.flags & (WIDE | PERCENT) == 0).then_some((f.mantissa, f.scale))
    }

    /// Whether the figure with this id is a percentage (`false` for no such figure):
    /// [`Document::number`]'s `percent` without building the value.
    pub fn is_percent(&self, id: FigId) -> bool {
        self.figures.get(id).is_some_and(|f| f.flags & PERCENT != 0)
    }

    /// Whether there is a figure with this id.
    pub fn has_figure(&self, id: FigId) -> bool {
        id < self.figures.len()
    }

    /// Where the figure with this id was printed (without its text).
    pub fn fig_place(&self, id: FigId) -> Option<Place> {
        self.figures.get(id).map(Fig::place)
    }

    /// The page of the figure with this id, for input read from a paged document (PDF).
    pub fn fig_page(&self, id: FigId) -> Option<u32> {
        self.figures
            .get(id)
            .filter(|f| f.flags & PAGED != 0)
            .and_then(|_| aside(&self.pages, id).copied())
    }

    /// The 1-based line of the figure with this id.
    pub fn fig_line(&self, id: FigId) -> Option<u32> {
        self.figures.get(id).map(|f| f.line)
    }

    /// The byte offset in [`Document::source`] where the figure with this id starts.
    pub fn fig_start(&self, id: FigId) -> Option<usize> {
        self.figures.get(id).map(|f| f.start as usize)
    }

    /// Every figure's source span `(start, end)`, in reading order.
    pub fn figure_spans(&self) -> impl ExactSizeIterator<Item = (usize, usize)> + '_ {
        self.figures
            .iter()
            .enumerate()
            .map(|(id, f)| (f.start as usize, self.end_of(id, f)))
    }

    /// The byte span of the figure with this id ([`Document::figure_spans`]).
    pub fn figure_span(&self, id: FigId) -> Option<(usize, usize)> {
        self.figures
            .get(id)
            .map(|f| (f.start as usize, self.end_of(id, f)))
    }

    fn end_of(&self, id: FigId, f: &Fig) -> usize {
        if f.flags & LONG != 0 {
            aside(&self.ends, id).copied().unwrap_or(f.start as usize)
        } else {
            f.start as usize + usize::from(f.len)
        }
    }

    fn number_of(&self, id: FigId, f: &Fig) -> Number {
        let value = if f.flags & WIDE != 0 {
            self.wide
                .binary_search_by_key(&id, |w| w.0)
                .ok()
                .and_then(|i| self.wide.get(i))
                .map(|w| w.1)
        } else {
            rust_decimal::Decimal::try_new(f.mantissa, u32::from(f.scale)).ok()
        };
        Number {
            // every value was checked to come back whole when it was kept
            value: value.unwrap_or_default(),
            scale: u32::from(f.scale),
            percent: f.flags & PERCENT != 0,
        }
    }

    /// The figure with this id as printed, and its line: what a report of it writes,
    /// without the rest of [`Document::figure`].
    pub fn fig_raw_line(&self, id: FigId) -> Option<(&str, u32)> {
        let f = self.figures.get(id)?;
        Some((
            self.raw_of(id, f, f.start as usize, self.end_of(id, f)),
            f.line,
        ))
    }

    /// Where the figure's text starts in the source, its length in bytes and its line,
    /// when its text is its own span of the source (not kept elsewhere, at most 255 bytes):
    /// what the JSON report writes for nearly every figure, without looking in the side
    /// tables. `None` otherwise ([`Document::fig_raw_line`]).
    #[inline]
    pub fn fig_spanned(&self, id: FigId) -> Option<(usize, usize, u32)> {
        let f = self.figures.get(id)?;
        (f.flags & (RAW_ELSEWHERE | LONG) == 0).then_some((
            f.start as usize,
            usize::from(f.len),
            f.line,
        ))
    }

    fn raw_of(&self, id: FigId, f: &Fig, start: usize, end: usize) -> &str {
        if f.flags & RAW_ELSEWHERE != 0 {
            self.raws
                .binary_search_by_key(&id, |r| r.0)
                .ok()
                .and_then(|i| self.raws.get(i))
                .map_or("", |r| &r.1)
        } else {
            self.source.get(start..end).unwrap_or("")
        }
    }

    fn open(&self, id: FigId, f: &Fig) -> Figure<'_> {
        let (start, end) = (f.start as usize, self.end_of(id, f));
        let raw = self.raw_of(id, f, start, end);
        Figure {
            number: self.number_of(id, f),
            unit: crate::figure::unit_of_code(f.unit),
            raw,
            line: f.line,
            start,
            end,
            place: f.place(),
            page: (f.flags & PAGED != 0)
                .then(|| aside(&self.pages, id).copied())
                .flatten(),
        }
    }

    /// Every figure, in reading order (ids 0, 1, …).
    pub fn figures(&self) -> impl DoubleEndedIterator<Item = Figure<'_>> + ExactSizeIterator {
        self.figures
            .iter()
            .enumerate()
            .map(|(id, f)| self.open(id, f))
    }

    /// How many figures were read.
    pub fn figure_count(&self) -> usize {
        self.figures.len()
    }

    /// Adds a figure printed as `raw` at `start..end` of `source` (the text being read,
    /// which becomes [`Document::source`]); returns its id.
    #[allow(clippy::too_many_arguments)]
    pub fn push_figure(
        &mut self,
        source: &str,
        number: &Number,
        unit: Option<&'static str>,
        raw: &str,
        line: u32,
        (start, end): (usize, usize),
        place: Place,
    ) -> FigId {
        let id = self.figures.len();
        let mut flags = if number.percent { PERCENT } else { 0 };
        let fits = u32::try_from(end).is_ok();
        if !fits || source.get(start..end) != Some(raw) {
            flags |= RAW_ELSEWHERE;
            self.raws.push((id, raw.into()));
        }
        let scale = u8::try_from(number.scale).unwrap_or(u8::MAX);
        // the mantissa in 64 bits where it fits: a decimal is its mantissa and scale, so
        // the two give it back exactly when the printed scale is the value's own
        let mantissa = i64::try_from(number.value.mantissa())
            .ok()
            .filter(|_| number.value.scale() == number.scale && number.scale <= 28);
        if mantissa.is_none() {
            flags |= WIDE;
            self.wide.push((id, number.value));
        }
        let mut f = Fig {
            mantissa: mantissa.unwrap_or(0),
            start: small(start),
            line,
            place: [0; 3],
            scale,
            unit: crate::figure::unit_code(unit),
            flags,
            len: 0,
        };
        match end.checked_sub(start).and_then(|l| u8::try_from(l).ok()) {
            Some(l) => f.len = l,
            None => {
                f.flags |= LONG;
                self.ends.push((id, end));
            }
        }
        f.set_place(place);
        crate::read::room_for_one(&mut self.figures);
        self.figures.push(f);
        id
    }

    /// Adds a figure printed as `source[start..start + len]`, an ASCII decimal without
    /// unit or percent sign whose value is `mantissa` × 10^-`scale` (what [`push_figure`]
    /// would keep for it, without comparing the text or taking a `Decimal` apart).
    ///
    /// [`push_figure`]: Document::push_figure
    #[inline(always)]
    pub(crate) fn push_plain_figure(
        &mut self,
        source: &str,
        (mantissa, scale): (i64, u8),
        line: u32,
        (start, len): (usize, usize),
        place: Place,
    ) -> FigId {
        let end = start.saturating_add(len);
        let short = u8::try_from(len)
            .ok()
            .filter(|_| u32::try_from(end).is_ok() && scale <= 28);
        let Some(len) = short else {
            let number = Number {
                value: rust_decimal::Decimal::try_new(mantissa, u32::from(scale))
                    .unwrap_or_default(),
                scale: u32::from(scale),
                percent: false,
            };
            let raw = source.get(start..end).unwrap_or("");
            return self.push_figure(source, &number, None, raw, line, (start, end), place);
        };
        let id = self.figures.len();
        let mut f = Fig {
            mantissa,
            start: small(start),
            line,
            place: [0; 3],
            scale,
            unit: 0,
            flags: 0,
            len,
        };
        f.set_place(place);
        crate::read::room_for_one(&mut self.figures);
        self.figures.push(f);
        id
    }

    /// Appends the figures of `other`, a document read from the same source (part of a
    /// table read on another thread: no paragraphs, no tables), after this one's; returns
    /// how far their ids moved.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn append_figures(&mut self, other: Document) -> usize {
        let moved = self.figures.len();
        self.figures.extend_from_slice(&other.figures);
        self.raws
            .extend(other.raws.into_iter().map(|(id, x)| (id + moved, x)));
        self.wide
            .extend(other.wide.into_iter().map(|(id, x)| (id + moved, x)));
        self.pages
            .extend(other.pages.into_iter().map(|(id, x)| (id + moved, x)));
        self.ends
            .extend(other.ends.into_iter().map(|(id, x)| (id + moved, x)));
        self.unreadable.extend(other.unreadable);
        moved
    }

    /// Room for `n` more figures (given back by [`Document::shrink_figures`] where unused).
    pub fn reserve_figures(&mut self, n: usize) {
        self.figures.reserve_exact(n);
    }

    /// Gives back the slack of the figures' array grown figure by figure.
    pub fn shrink_figures(&mut self) {
        self.figures.shrink_to_fit();
    }

    /// Moves figure `id` to `place`.
    pub fn set_place(&mut self, id: FigId, place: Place) {
        if let Some(f) = self.figures.get_mut(id) {
            f.set_place(place);
        }
    }

    /// Sets figure `id`'s line.
    pub fn set_line(&mut self, id: FigId, line: u32) {
        if let Some(f) = self.figures.get_mut(id) {
            f.line = line;
        }
    }

    /// Sets figure `id`'s page.
    pub fn set_page(&mut self, id: FigId, page: Option<u32>) {
        let Some(f) = self.figures.get_mut(id) else {
            return;
        };
        let at = self.pages.binary_search_by_key(&id, |e| e.0);
        match (page, at) {
            (Some(p), Ok(i)) => {
                if let Some(e) = self.pages.get_mut(i) {
                    e.1 = p;
                }
            }
            // figures are paged in order: this is the end of the table but for a test
            (Some(p), Err(i)) => {
                f.flags |= PAGED;
                self.pages.insert(i, (id, p));
            }
            (None, Ok(i)) => {
                f.flags &= !PAGED;
                self.pages.remove(i);
            }
            (None, Err(_)) => {}
        }
    }

    /// The text of a 1-based line.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let start = self
            .line_starts
            .get(i)
            .copied()
            .unwrap_or(self.source.len());
        let end = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.source.len());
        self.source
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(&['\n', '\r'][..])
    }
}

/// How far, in bytes, the sentence around a figure is looked for on each side.
const SENTENCE_REACH: usize = 600;

/// Characters before a figure past which its sentence is shown from just before it.
const FAR_INTO_SENTENCE: usize = 80;
/// Most characters shown before such a figure.
const SHOWN_BEFORE: usize = 20;

/// The byte just past the character that starts at `i` in `s`.
fn past_char(s: &str, i: usize) -> usize {
    i + s
        .get(i..)
        .and_then(|t| t.chars().next())
        .map_or(1, char::len_utf8)
}

/// The largest char boundary of `s` at or below `i` (clamped to its length).
fn floor_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The text cut to `max` characters, with an ellipsis when cut.
pub fn short(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out = crate::figure::first_chars(s, max).to_string();
        out.push('…');
        out
    }
}

impl Document {
    /// Where a figure is, as a reader finds it: a table's title, row and column, or the
    /// sentence it is printed in (never an internal line number).
    pub fn where_is(&self, id: FigId) -> Text {
        let Some(f) = self.figure(id) else {
            return Text::default();
        };
        let at = self.describe_place(f.start, f.place);
        // paged input (PDF): the page first, as the reader will look for it
        match f.page {
            Some(n) if !at.zh.is_empty() => Text::new(
                format!("第 {n} 页，{}", at.zh),
                format!("page {n}, {}", at.en),
            ),
            _ => at,
        }
    }

    /// The row a table figure is in ("「教育支出」行"), for a part of a total in the same
    /// table; where it is otherwise ([`Document::where_is`]).
    pub fn row_of(&self, id: FigId) -> Text {
        if let Some(Place::Cell { table, row, .. }) = self.figure(id).map(|f| f.place) {
            let label = self
                .tables
                .get(table)
                .map(|t| short(t.row_label(row), 30))
                .unwrap_or_default();
            if !label.is_empty() {
                return Text::new(format!("「{label}」行"), format!("row “{label}”"));
            }
        }
        self.where_is(id)
    }

    /// [`Document::where_is`] in few words, for the arithmetic: 「table title」「row」
    /// 「column」, or the start of the sentence; on paged input (PDF), with its page first
    /// when it is not `from_page`, the page of the figure being explained ("第 17 页「…」").
    pub fn where_short(&self, id: FigId, from_page: Option<u32>) -> String {
        let Some(f) = self.figure(id) else {
            return String::new();
        };
        let at = self.where_short_on_page(&f);
        match f.page {
            Some(p) if from_page != Some(p) && !at.is_empty() => format!("第 {p} 页{at}"),
            _ => at,
        }
    }

    fn where_short_on_page(&self, f: &Figure) -> String {
        match f.place {
            Place::Cell { table, row, col } => {
                let Some(t) = self.tables.get(table) else {
                    return String::new();
                };
                [
                    short(t.title(), 24),
                    short(t.row_label(row), 20),
                    short(&t.column_header(col), 24),
                ]
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| format!("「{s}」"))
                .collect()
            }
            Place::Text { .. } => {
                let zh = self.describe_place(f.start, f.place).zh;
                let inner = zh.trim_start_matches('「').trim_end_matches('」');
                format!("「{}」", short(inner, 24))
            }
        }
    }

    /// Where the figure starting at byte `start_byte` of the source and printed at `place` is.
    pub fn describe_place(&self, start_byte: usize, place: Place) -> Text {
        let doc = self;
        match place {
            Place::Cell { table, row, col } => {
                let Some(t) = doc.tables.get(table) else {
                    return Text::default();
                };
                let caption = short(t.title(), 40);
                let row_label = short(t.row_label_at(row, col), 30);
                let column = short(&t.column_header(col), 40);
                let mut zh = Vec::new();
                let mut en = Vec::new();
                if !caption.is_empty() {
                    zh.push(format!("表「{caption}」"));
                    en.push(format!("table “{caption}”"));
                } else {
                    zh.push(format!("第 {} 个表", table + 1));
                    en.push(format!("table {}", table + 1));
                }
                if !row_label.is_empty() {
                    zh.push(format!("「{row_label}」行"));
                    en.push(format!("row “{row_label}”"));
                }
                if !column.is_empty() {
                    zh.push(format!("「{column}」列"));
                    en.push(format!("column “{column}”"));
                }
                Text {
                    zh: zh.join("，"),
                    en: en.join(", "),
                }
            }
            Place::Text { paragraph } => {
                let Some(p) = doc.paragraphs.get(paragraph) else {
                    return Text::default();
                };
                let at = p
                    .pieces
                    .iter()
                    .rev()
                    .find(|(_, s)| *s <= start_byte)
                    .map_or(0, |&(t, s)| t + (start_byte - s))
                    .min(p.text.len());
                let ends = ['。', '！', '？', '；', '\n'];
                // the sentence is looked for within a bounded reach of the figure (only 90
                // characters of it are shown), so a text without full stops stays linear
                let lo = floor_char(&p.text, at.saturating_sub(SENTENCE_REACH));
                let hi = floor_char(&p.text, at.saturating_add(SENTENCE_REACH));
                let before = p.text.get(lo..at).unwrap_or("");
                let from = before.rfind(ends).map_or(lo, |i| lo + past_char(before, i));
                let after = p.text.get(at..hi).unwrap_or("");
                let to = after.find(ends).map_or(hi, |i| at + past_char(after, i));
                // a figure too far into its sentence to be shown with the sentence's start
                // (a flattened table has no full stop): the words just before it
                let before = p.text.get(from..at).unwrap_or("");
                let far = before.chars().count();
                let (from, mut sentence) =
                    match before.char_indices().nth(far.saturating_sub(SHOWN_BEFORE)) {
                        Some((i, _)) if far > FAR_INTO_SENTENCE => (from + i, String::from("…")),
                        _ => (from, String::new()),
                    };
                let shown = p.text.get(from..to).unwrap_or("").replace("**", "");
                sentence.push_str(&short(&shown, 90 - sentence.chars().count()));
                Text {
                    zh: format!("「{sentence}」"),
                    en: format!("“{sentence}”"),
                }
            }
        }
    }
}

/// A header without the spaces a layout put between its characters ("本 年 度 預 算 數/金   額"
/// → "本年度預算數/金額", as a Taiwan budget's plain-text tables space them out): a run of
/// spaces between two characters outside ASCII goes; spaces between Latin words, or between
/// a figure and a word ("2019 年"), stay.
fn closed_up(s: String) -> String {
    const SPACES: &[char] = &[' ', '\t', '\u{3000}'];
    if s.is_ascii() || !s.contains(SPACES) {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find(SPACES) {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let next = after.trim_start_matches(SPACES);
        let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
        if !(wide(out.chars().next_back()) && wide(next.chars().next())) {
            out.push_str(after.get(..after.len() - next.len()).unwrap_or(""));
        }
        rest = next;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_header_spaced_out_by_its_layout_is_closed_up() {
        let h = |s: &str| super::closed_up(s.to_string());
        assert_eq!(h("本 年 度 預 算 數/金   額"), "本年度預算數/金額");
        assert_eq!(h("比\u{3000}較"), "比較");
        // spaces beside Latin words or figures stay
        assert_eq!(h("2019 年 预算数"), "2019 年预算数");
        assert_eq!(h("Total amount"), "Total amount");
        assert_eq!(h("合计 (A)"), "合计 (A)");
    }

    use super::{Cell, Table};
    use crate::figure::CellKind;
    use crate::read::read_text;

    /// A packed cell gives back its text, kind and figure, whether its text is the table's
    /// own or a span of the source, for every kind.
    #[test]
    fn a_packed_cell_keeps_its_text_kind_and_figure() {
        let source: super::Source = std::sync::Arc::new("合计\t12.50\t-\t".to_string());
        let mut t = Table::new(String::new());
        t.share_source(source.clone());
        t.push_row(1);
        let span = |a: usize, b: usize| source.get(a..b).unwrap_or("");
        t.push_source_cell(span(0, 6), 0, CellKind::Text, None);
        t.push_source_cell(span(7, 12), 7, CellKind::Figure, Some(7));
        t.push_source_cell(span(13, 14), 13, CellKind::Dash, None);
        t.push_cell("", CellKind::Blank, None);
        t.push_cell("说明文字", CellKind::Text, None);
        t.push_cell("3", CellKind::Figure, Some(u32::MAX as usize - 1));
        let cells: Vec<(String, CellKind, Option<usize>)> = t
            .cells_of(0)
            .iter()
            .map(|c| (c.text.to_string(), c.kind, c.figure))
            .collect();
        let want = [
            ("合计", CellKind::Text, None),
            ("12.50", CellKind::Figure, Some(7)),
            ("-", CellKind::Dash, None),
            ("", CellKind::Blank, None),
            ("说明文字", CellKind::Text, None),
            ("3", CellKind::Figure, Some(u32::MAX as usize - 1)),
        ]
        .map(|(s, k, f)| (s.to_string(), k, f));
        assert_eq!(cells, want);
    }

    /// A line's cells are pushed as bare spans only where the line is the shared source's
    /// bytes at its start and the last row ends the cell array; such cells read as those
    /// pushed one by one with every check.
    #[test]
    fn a_row_takes_bare_spans_only_of_its_own_line_of_the_source() {
        let source: super::Source = std::sync::Arc::new("项目\t金额\n合计\t12.50\t-\n".to_string());
        let line = source.get(14..28).unwrap_or("");
        assert_eq!(line, "合计\t12.50\t-");
        let mut t = Table::new(String::new());
        t.push_row(2);
        // no source shared yet
        assert!(!t.spans_fit(14, line));
        t.share_source(source.clone());
        assert!(t.spans_fit(14, line));
        // another start, a copy of the line
        assert!(!t.spans_fit(13, line));
        let copy = line.to_string();
        assert!(!t.spans_fit(14, &copy));
        t.push_span(14, 6, CellKind::Text, None);
        t.push_span(21, 5, CellKind::Figure, Some(3));
        t.push_span(27, 1, CellKind::Dash, None);
        let mut one_by_one = Table::new(String::new());
        one_by_one.share_source(source.clone());
        one_by_one.push_row(2);
        one_by_one.push_source_cell(source.get(14..20).unwrap_or(""), 14, CellKind::Text, None);
        one_by_one.push_source_cell(
            source.get(21..26).unwrap_or(""),
            21,
            CellKind::Figure,
            Some(3),
        );
        one_by_one.push_source_cell(source.get(27..28).unwrap_or(""), 27, CellKind::Dash, None);
        assert_eq!(t, one_by_one);
        assert_eq!(t.cells_of(0).get(1).map(|c| c.text), Some("12.50"));
        // a row rebuilt before the last: the last no longer ends the cells
        t.push_row(3);
        t.push_span(14, 6, CellKind::Text, None);
        assert!(t.spans_fit(14, line));
        t.set_row(
            0,
            vec![Cell {
                text: "合计".into(),
                kind: CellKind::Text,
                figure: None,
            }],
        );
        assert!(!t.spans_fit(14, line));
    }

    #[test]
    fn a_tab_tables_cells_are_spans_of_the_source_not_copies() {
        let doc = read_text("项目\t金额\t其他\n甲\t1,234\t<b>7</b>\n乙\t 2 \t—\n");
        let t = &doc.tables[0];
        // only the cell whose markup was removed has a text of its own
        assert_eq!(t.text, "7");
        let texts: Vec<Vec<&str>> = t
            .rows()
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text).collect())
            .collect();
        assert_eq!(
            texts,
            [
                ["项目", "金额", "其他"],
                ["甲", "1,234", "7"],
                ["乙", "2", "—"]
            ]
        );
        // a table built from rows keeps its own copies and reads the same
        let rows = (0..t.rows().len()).filter_map(|r| t.row_owned(r)).collect();
        let copy = Table::from_rows(t.caption.clone(), rows, t.header_rows);
        assert!(copy.source.0.is_none());
        assert_eq!(&copy, t);
    }

    #[test]
    fn a_title_leaves_out_the_note_of_the_table_before_it() {
        let doc = read_text(
            "注：本表反映部门本年度取得的各项收入情况。 支出决算表\n项目\t金额\n甲\t1\n乙\t2\n合计\t3\n",
        );
        let t = doc.tables.first().expect("the table is read");
        assert_eq!(t.title(), "支出决算表", "caption {:?}", t.caption);
        // nor the sentence of the text above it, taken into the caption with the title
        let doc = read_text(
            "2019年度收入支出决算总计1005.00万元。\n收入支出决算总表\n单位：万元\n项目\t金额\n甲\t1\n乙\t2\n合计\t3\n",
        );
        let t = doc.tables.first().expect("the table is read");
        assert_eq!(
            t.title(),
            "收入支出决算总表 单位：万元",
            "caption {:?}",
            t.caption
        );
        // a note alone stays as it is: there is nothing after it to name the table
        let doc = read_text("注：单位为万元。\n项目\t金额\n甲\t1\n乙\t2\n合计\t3\n");
        let t = doc.tables.first().expect("the table is read");
        assert_eq!(t.title(), "注：单位为万元。");
    }

    #[test]
    fn packed_figures_and_cells_give_back_what_was_read() {
        use std::str::FromStr;
        assert!(std::mem::size_of::<super::Fig>() <= 32);
        assert!(std::mem::size_of::<super::Packed>() <= 16);
        // a mantissa past 64 bits is kept aside, exactly
        let wide = "12345678901234567890123.45";
        let doc = read_text(&format!(
            "表\n项目\t金额\t比率\n甲\t{wide}\t12.50%\n乙\t-0.070 万元\t１２３\n"
        ));
        let f: Vec<_> = doc.figures().collect();
        assert_eq!(f.len(), 4);
        assert_eq!(f[0].raw, wide);
        assert_eq!(
            f[0].number.value,
            rust_decimal::Decimal::from_str(wide).unwrap()
        );
        assert_eq!(
            (f[1].raw, f[1].number.scale, f[1].number.percent),
            ("12.50%", 2, true)
        );
        assert_eq!(f[1].number.value.to_string(), "12.50");
        assert_eq!((f[2].raw, f[2].unit), ("-0.070", Some("万元")));
        assert_eq!(
            (f[2].number.value.to_string(), f[2].number.scale),
            ("-0.070".into(), 3)
        );
        assert_eq!(
            (f[3].raw, f[3].number.value.to_string()),
            ("１２３", "123".into())
        );
        for (id, fig) in f.iter().enumerate() {
            assert_eq!(&doc.source[fig.start..fig.end], fig.raw);
            assert_eq!(doc.number(id), Some(fig.number));
            assert_eq!(doc.fig_place(id), Some(fig.place));
            assert_eq!(doc.fig_line(id), Some(fig.line));
        }
        let t = &doc.tables[0];
        let row = t.rows().get(2).unwrap();
        assert_eq!(row.line, 4);
        let texts: Vec<&str> = row.cells.iter().map(|c| c.text).collect();
        assert_eq!(texts, ["乙", "-0.070 万元", "１２３"]);
        assert_eq!(t.figure(2, 2), Some(3));
        assert_eq!(t.cell(1, 1).map(|c| c.kind), Some(CellKind::Figure));
        assert_eq!(t.row_label(2), "乙");
        assert_eq!(t.width(), 3);
    }

    #[test]
    fn pages_and_long_spans_are_kept_aside_exactly() {
        let spaces = " ".repeat(300);
        let mut doc = read_text(&format!("增长 12{spaces}% 和 7 与 8 及 9。"));
        assert_eq!(doc.figure_count(), 4);
        let long = doc.figure(0).unwrap();
        assert_eq!(long.raw, format!("12{spaces}%"));
        assert_eq!(long.end - long.start, 303);
        assert!(long.number.percent);
        let long_span = (long.start, long.end);
        // pages set out of order, changed and taken back
        doc.set_page(2, Some(5));
        doc.set_page(0, Some(3));
        doc.set_page(3, Some(9));
        doc.set_page(3, Some(4));
        doc.set_page(2, None);
        let pages: Vec<Option<u32>> = doc.figures().map(|f| f.page).collect();
        assert_eq!(pages, [Some(3), None, None, Some(4)]);
        assert_eq!(doc.fig_page(3), Some(4));
        assert_eq!(doc.fig_page(1), None);
        let spans: Vec<(usize, usize)> = doc.figure_spans().collect();
        assert_eq!(spans[0], long_span);
    }

    #[test]
    fn a_row_rebuilt_keeps_the_rows_after_it() {
        let mut t = Table::new("t".into());
        for (line, cells) in [(1, ["a", "b"]), (2, ["c", "d"])] {
            t.push_row(line);
            for c in cells {
                t.push_cell(c, CellKind::Text, None);
            }
        }
        t.set_row(
            0,
            vec![Cell {
                text: "x".into(),
                kind: CellKind::Text,
                figure: None,
            }],
        );
        // the last row grows after a row was rebuilt behind it
        t.push_cell("e", CellKind::Blank, None);
        t.trim_last_row(0);
        t.push_cell("f", CellKind::Text, None);
        let rows: Vec<Vec<&str>> = t
            .rows()
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text).collect())
            .collect();
        assert_eq!(rows, [vec!["x"], vec!["c", "d", "f"]]);
    }

    #[test]
    fn a_place_on_a_page_names_the_page_first() {
        let mut doc = read_text("支出决算表\n项目\t金额\n甲\t1\n乙\t2\n合计\t3\n");
        let id = doc
            .figures()
            .position(|f| f.raw == "2")
            .expect("the figure is read");
        let plain = doc.where_is(id);
        assert!(!plain.zh.contains('页'), "{plain:?}");
        doc.set_page(id, Some(6));
        let paged = doc.where_is(id);
        assert_eq!(paged.zh, format!("第 6 页，{}", plain.zh));
        assert_eq!(paged.en, format!("page 6, {}", plain.en));
    }

    #[test]
    fn a_figure_far_into_its_sentence_is_placed_by_the_words_just_before_it() {
        // a self-evaluation flattened into one line: no full stop before its figures
        let head = "附件: 项目支出绩效自评表 项目名称 委托业务项目 主管部门 某镇人民政府 \
                    实施单位 某镇人民政府 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分";
        let doc = read_text(&format!(
            "{head} 年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 90 89.974 89.974\n"
        ));
        let id = doc
            .figures()
            .position(|f| f.raw == "90")
            .expect("the figure is read");
        let at = doc.where_is(id).zh;
        assert!(at.starts_with("「…0 10 0 0 其中:本年财政拨款 90"), "{at}");
        assert!(doc.where_short(id, None).contains("本年财政拨款"));
        // a figure near its sentence's start: the sentence from its start, as before
        let doc = read_text("收入总计 1,250.50 万元，比上年增加 120.50 万元。\n");
        let at = doc.where_is(0).zh;
        assert_eq!(at, "「收入总计 1,250.50 万元，比上年增加 120.50 万元。」");
    }

    #[test]
    fn the_short_place_names_the_page_only_when_it_is_another() {
        let mut doc = read_text("支出决算表\n项目\t金额\n甲\t1\n乙\t2\n合计\t3\n");
        let id = doc
            .figures()
            .position(|f| f.raw == "2")
            .expect("the figure is read");
        assert_eq!(doc.where_short(id, None), "「支出决算表」「乙」「金额」");
        doc.set_page(id, Some(17));
        assert_eq!(
            doc.where_short(id, Some(17)),
            "「支出决算表」「乙」「金额」"
        );
        assert_eq!(
            doc.where_short(id, Some(12)),
            "第 17 页「支出决算表」「乙」「金额」"
        );
        assert_eq!(
            doc.where_short(id, None),
            "第 17 页「支出决算表」「乙」「金额」"
        );
    }
}
