//! The document model every check reads: paragraphs of running text and tables, with every
//! figure, its printed precision and where it was printed.

use crate::figure::{CellKind, FigId, Number};
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

/// A figure as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The number and its precision.
    pub number: Number,
    /// Unit printed after it, if any (canonical: 万元, 元, 人 …).
    pub unit: Option<&'static str>,
    /// Exactly as printed (thousands separators, full-width digits and `%` kept).
    pub raw: String,
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

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Its text, markup removed, trimmed.
    pub text: String,
    /// Blank, dash, figure or words.
    pub kind: CellKind,
    /// The figure, when `kind` is [`CellKind::Figure`] and it could be read.
    pub figure: Option<FigId>,
}

/// A table row.
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
        self.cells.iter().any(|c| {
            // compared without building a string per cell: 栏次 with any spacing
            let mut t = c.text.chars().filter(|c| !c.is_whitespace());
            matches!(t.next(), Some('栏' | '欄')) && t.next() == Some('次') && t.next().is_none()
        })
    }

    /// A title line inside a table's header (its name, 公开01表, 单位：万元), not column names.
    pub fn is_title(&self, table_width: usize) -> bool {
        let filled: Vec<&str> = self
            .cells
            .iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        (filled.len() == 1 && table_width >= 3)
            || filled.iter().any(|t| {
                t.contains("单位：")
                    || t.contains("单位:")
                    || t.contains("單位")
                    || (t.starts_with("公开") && t.ends_with('表'))
            })
    }
}

/// A table: rows of cells, the first `header_rows` of them headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Text printed just above the table (its number and title), joined.
    pub caption: String,
    /// All rows, headers first.
    pub rows: Vec<Row>,
    /// How many leading rows are headers (before the first row of figures).
    pub header_rows: usize,
    /// Every column's header, worked out on first use (see [`Table::column_header`]);
    /// `Default::default()` when building a table.
    pub headers: HeaderCache,
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

impl Table {
    /// The table's title as a reader would name it: the caption's last line, without the
    /// note of the table before it when a PDF's rebuilt line carries both ("注：本表反映…。
    /// 支出决算表" → "支出决算表").
    pub fn title(&self) -> &str {
        let line = self.caption.lines().last().unwrap_or("").trim();
        if line.starts_with("注") || line.starts_with("说明") {
            if let Some((_, after)) = line.rsplit_once('。') {
                let after = after.trim();
                if !after.is_empty() {
                    return after;
                }
            }
        }
        line
    }

    /// Number of columns (the widest row).
    pub fn width(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    }

    /// The cell at `(row, col)`.
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.cells.get(col))
    }

    /// The figure at `(row, col)`.
    pub fn figure(&self, row: usize, col: usize) -> Option<FigId> {
        self.cell(row, col).and_then(|c| c.figure)
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

    /// The header rows that name columns (not a title line, not a 栏次 row).
    fn header_rows_named(&self) -> Vec<&Row> {
        // the header's own width: a title line is one cell across it (not the whole table's
        // width, which would make every call walk every row)
        let width = self
            .rows
            .iter()
            .take(self.header_rows)
            .map(|r| r.cells.len())
            .max()
            .unwrap_or(0);
        self.rows
            .iter()
            .take(self.header_rows)
            .filter(|r| !r.is_title(width) && !r.is_column_numbering())
            .collect()
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
                let own = row.cells.get(col).map_or("", |c| c.text.as_str());
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
                let own = row.cells.get(col).map_or("", |c| c.text.as_str());
                if let (false, Some(l)) = (own.is_empty(), left.get_mut(r)) {
                    *l = own;
                }
            }
            out.push(parts.join("/"));
        }
        out
    }

    /// One column's header, worked out on its own (a column beyond the table's width).
    fn header_of(&self, col: usize, rows: &[&Row]) -> String {
        let last = rows.len().saturating_sub(1);
        let mut parts: Vec<&str> = Vec::new();
        // once a row above names this column, blanks below it are that name spanning rows
        let mut named_above = false;
        for (r, row) in rows.iter().enumerate() {
            let own = row.cells.get(col).map_or("", |c| c.text.as_str());
            let mut text = own;
            if own.is_empty() && r < last && !named_above {
                // a name spanning columns sits in the leftmost of them
                text = row
                    .cells
                    .iter()
                    .take(col)
                    .rev()
                    .map(|c| c.text.as_str())
                    .find(|t| !t.is_empty())
                    .unwrap_or("");
            }
            named_above |= !own.is_empty();
            if !text.is_empty() && parts.last() != Some(&text) {
                parts.push(text);
            }
        }
        parts.join("/")
    }

    /// The row's label: its first cell holding words.
    pub fn row_label(&self, row: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| {
                r.cells
                    .iter()
                    .find(|c| c.kind == CellKind::Text)
                    .map(|c| c.text.as_str())
            })
            .unwrap_or("")
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
    /// The input as decoded.
    pub source: String,
    /// Byte offset where each line starts.
    pub line_starts: Vec<usize>,
    /// Every figure read, in reading order.
    pub figures: Vec<Figure>,
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
    pub fn figure(&self, id: FigId) -> Option<&Figure> {
        self.figures.get(id)
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
            .trim_end_matches(['\n', '\r'])
    }
}

/// How far, in bytes, the sentence around a figure is looked for on each side.
const SENTENCE_REACH: usize = 600;

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
        let mut out: String = s.chars().take(max).collect();
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
        let at = self.where_short_on_page(f);
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
                let row_label = short(t.row_label(row), 30);
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
                let from = before.rfind(ends).map_or(lo, |i| {
                    lo + i
                        + before
                            .get(i..)
                            .and_then(|s| s.chars().next())
                            .map_or(1, char::len_utf8)
                });
                let after = p.text.get(at..hi).unwrap_or("");
                let to = after.find(ends).map_or(hi, |i| {
                    at + i
                        + after
                            .get(i..)
                            .and_then(|s| s.chars().next())
                            .map_or(1, char::len_utf8)
                });
                let sentence = p.text.get(from..to).unwrap_or("").replace("**", "");
                let sentence = short(&sentence, 90);
                Text {
                    zh: format!("「{sentence}」"),
                    en: format!("“{sentence}”"),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::read::read_text;

    #[test]
    fn a_title_leaves_out_the_note_of_the_table_before_it() {
        let doc = read_text(
            "注：本表反映部门本年度取得的各项收入情况。 支出决算表\n项目\t金额\n甲\t1\n乙\t2\n合计\t3\n",
        );
        let t = doc.tables.first().expect("the table is read");
        assert_eq!(t.title(), "支出决算表", "caption {:?}", t.caption);
        // a note alone stays as it is: there is nothing after it to name the table
        let doc = read_text("注：单位为万元。\n项目\t金额\n甲\t1\n乙\t2\n合计\t3\n");
        let t = doc.tables.first().expect("the table is read");
        assert_eq!(t.title(), "注：单位为万元。");
    }

    #[test]
    fn a_place_on_a_page_names_the_page_first() {
        let mut doc = read_text("支出决算表\n项目\t金额\n甲\t1\n乙\t2\n合计\t3\n");
        let id = doc
            .figures
            .iter()
            .position(|f| f.raw == "2")
            .expect("the figure is read");
        let plain = doc.where_is(id);
        assert!(!plain.zh.contains('页'), "{plain:?}");
        doc.figures[id].page = Some(6);
        let paged = doc.where_is(id);
        assert_eq!(paged.zh, format!("第 6 页，{}", plain.zh));
        assert_eq!(paged.en, format!("page 6, {}", plain.en));
    }

    #[test]
    fn the_short_place_names_the_page_only_when_it_is_another() {
        let mut doc = read_text("支出决算表\n项目\t金额\n甲\t1\n乙\t2\n合计\t3\n");
        let id = doc
            .figures
            .iter()
            .position(|f| f.raw == "2")
            .expect("the figure is read");
        assert_eq!(doc.where_short(id, None), "「支出决算表」「乙」「金额」");
        doc.figures[id].page = Some(17);
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
