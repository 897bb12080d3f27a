//! Reading: bytes → [`Document`].
//!
//! Text input is read line by line. A line holding a tab, or a `| … |` pipe row, is a
//! table row; consecutive rows form a table, which continues across blank lines and bare
//! page-number lines. Other lines form paragraphs; a paragraph continues across a blank
//! line (a page break) unless it ended a sentence, so "增长\n\n40.75%" reads as one. HTML
//! input is first turned into the same text form (tables as tab rows, merged cells
//! expanded).

use crate::IntoVec;
#[cfg(all(
    feature = "sheets",
    any(not(target_arch = "wasm32"), feature = "reader-module")
))]
pub mod docx;
mod html;
mod layout;
mod panels;
pub mod pdf;
#[cfg(all(
    feature = "sheets",
    any(not(target_arch = "wasm32"), feature = "reader-module")
))]
pub mod sheet;

use crate::document::{Cell, Document, Paragraph, Place, Row, Table, Unreadable};
use crate::figure::{self, CellKind};

pub use html::{
    dom_to_text, html_to_text, html_to_text_with_lines, DomPlace, DomText, HtmlText,
    MAX_EXPANDED_CELLS,
};

/// Input that cannot be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The bytes are not UTF-8 text.
    NotText,
    /// Larger than [`MAX_INPUT`].
    TooLarge {
        /// Bytes given.
        size: usize,
    },
    /// Nothing but whitespace.
    Empty,
    /// A PDF without a text layer (scanned pages) or with no text at all.
    NoTextLayer,
    /// A PDF whose content is encrypted.
    Encrypted,
    /// A PDF that cannot be parsed (truncated, damaged).
    BrokenPdf,
    /// A PDF given as bytes where no PDF reader is built in (the page passes items).
    PdfNotSupported,
    /// HTML whose merged cells (`rowspan`, `colspan`) would expand its tables beyond
    /// [`MAX_EXPANDED_CELLS`] cells.
    TooManyCells,
    /// A spreadsheet or Word file that cannot be read (truncated, damaged, not .xlsx/.xls/.docx).
    BrokenOffice,
    /// A password-protected spreadsheet or Word file.
    OfficeEncrypted,
    /// A spreadsheet or Word file where no reader for them is built in.
    OfficeNotSupported,
    /// A spreadsheet or Word file too large once unpacked (a zip bomb), or a sheet whose
    /// filled cells span more than [`MAX_EXPANDED_CELLS`] cells (cells far apart).
    OfficeTooLarge,
}

/// The largest input accepted, in bytes.
pub const MAX_INPUT: usize = 64 * 1024 * 1024;

impl ReadError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            ReadError::NotText => "输入不是 UTF-8 文本：请以 UTF-8 编码保存后再试".into(),
            ReadError::TooLarge { size } => format!(
                "输入过大（{} MB），上限为 {} MB",
                size / (1024 * 1024),
                MAX_INPUT / (1024 * 1024)
            ),
            ReadError::Empty => "输入为空".into(),
            ReadError::NoTextLayer => {
                "PDF 中没有可读取的文字（可能是扫描件）：请使用带文字层的 PDF，或复制文字后再试"
                    .into()
            }
            ReadError::Encrypted => "PDF 已加密，无法读取：请使用未加密的文件".into(),
            ReadError::BrokenPdf => {
                "PDF 文件已损坏、不完整，或使用了命令行无法读取的字体编码（如 GBK-EUC-H）".into()
            }
            ReadError::PdfNotSupported => "此处不能直接读取 PDF 字节".into(),
            ReadError::TooManyCells => format!(
                "表格的合并单元格（rowspan/colspan）展开后超过 {} 个单元格，无法核对",
                MAX_EXPANDED_CELLS
            ),
            ReadError::BrokenOffice => {
                "电子表格或 Word 文件已损坏、不完整，或不是 .xlsx/.xls/.docx 格式：请用 Excel/WPS 重新保存后再试"
                    .into()
            }
            ReadError::OfficeEncrypted => {
                "电子表格或 Word 文件设有密码，无法读取：请取消密码保护后再试".into()
            }
            ReadError::OfficeNotSupported => "此版本未内置电子表格与 Word 读取功能".into(),
            ReadError::OfficeTooLarge => format!(
                "电子表格或 Word 文件解压后过大，或表格数据区域超过 {} 个单元格（单元格相距过远），无法核对：请只保留要核对的表格后再试",
                MAX_EXPANDED_CELLS
            ),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            ReadError::NotText => "input is not UTF-8 text: save it as UTF-8 and try again".into(),
            ReadError::TooLarge { size } => format!(
                "input too large ({} MB), the limit is {} MB",
                size / (1024 * 1024),
                MAX_INPUT / (1024 * 1024)
            ),
            ReadError::Empty => "input is empty".into(),
            ReadError::NoTextLayer => "the PDF has no text to read (a scanned document?): use a PDF with a text layer, or copy its text".into(),
            ReadError::Encrypted => "the PDF is encrypted and cannot be read: use an unencrypted file".into(),
            ReadError::BrokenPdf => "the PDF is damaged, incomplete, or uses a font encoding the command line cannot read (such as GBK-EUC-H)".into(),
            ReadError::PdfNotSupported => "PDF bytes cannot be read here".into(),
            ReadError::TooManyCells => format!(
                "merged cells (rowspan/colspan) would expand the tables beyond {} cells: not checked",
                MAX_EXPANDED_CELLS
            ),
            ReadError::BrokenOffice => "the spreadsheet or Word file is damaged, incomplete, or not .xlsx/.xls/.docx: save it again from Excel/WPS and retry".into(),
            ReadError::OfficeEncrypted => "the spreadsheet or Word file is password-protected: remove the password and try again".into(),
            ReadError::OfficeNotSupported => "this build has no spreadsheet or Word reader".into(),
            ReadError::OfficeTooLarge => format!(
                "the spreadsheet or Word file is too large once unpacked, or a sheet's data spans more than {} cells (cells far apart): keep only the tables to check and retry",
                MAX_EXPANDED_CELLS
            ),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

/// Decodes bytes (UTF-8, BOM allowed) and reads them.
pub fn read_bytes(bytes: &[u8]) -> Result<Document, ReadError> {
    if bytes.len() > MAX_INPUT {
        return Err(ReadError::TooLarge { size: bytes.len() });
    }
    if pdf::is_pdf(bytes) {
        return pdf::read_pdf(bytes);
    }
    if is_office(bytes) {
        return read_office(bytes);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ReadError::NotText)?;
    read_str(text)
}

/// A zip container (.xlsx, .docx) or an OLE compound file (.xls, or an encrypted Office file).
pub fn is_office(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Reads a spreadsheet (.xlsx, .xls; one table per sheet) or a Word file (.docx).
#[cfg(all(
    feature = "sheets",
    any(not(target_arch = "wasm32"), feature = "reader-module")
))]
pub fn read_office(bytes: &[u8]) -> Result<Document, ReadError> {
    let text = office_to_text(bytes)?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(read_text(&text))
}

/// A spreadsheet or Word file as the text the reader reads (its `source`).
#[cfg(all(
    feature = "sheets",
    any(not(target_arch = "wasm32"), feature = "reader-module")
))]
pub fn office_to_text(bytes: &[u8]) -> Result<String, ReadError> {
    if bytes.len() > MAX_INPUT {
        return Err(ReadError::TooLarge { size: bytes.len() });
    }
    if sheet::is_zip(bytes) {
        sheet::zip_fits(bytes)?;
    }
    if sheet::is_cfb(bytes) {
        sheet::cfb_to_text(bytes)
    } else if docx::is_docx(bytes) {
        docx::docx_to_text(bytes)
    } else {
        sheet::xlsx_to_text(bytes)
    }
}

/// Without the `sheets` feature: an error saying so.
#[cfg(not(all(
    feature = "sheets",
    any(not(target_arch = "wasm32"), feature = "reader-module")
)))]
pub fn read_office(_bytes: &[u8]) -> Result<Document, ReadError> {
    Err(ReadError::OfficeNotSupported)
}

/// Reads text or HTML.
pub fn read_str(text: &str) -> Result<Document, ReadError> {
    if text.len() > MAX_INPUT {
        return Err(ReadError::TooLarge { size: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    if html::looks_like_html(text) {
        let converted = html::html_to_text_with_lines(text);
        if converted.too_many_cells {
            return Err(ReadError::TooManyCells);
        }
        let mut doc = read_text(&converted.text);
        point_lines_at_html(&mut doc, &converted.lines);
        return Ok(doc);
    }
    Ok(read_text(text))
}

/// Reads text or HTML given as an owned string (the command line's: it is dropped once
/// the document holds it as its source).
pub fn read_string(text: String) -> Result<Document, ReadError> {
    if text.len() > MAX_INPUT {
        return Err(ReadError::TooLarge { size: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    if html::looks_like_html(&text) {
        return read_str(&text);
    }
    // the string itself becomes the source: no copy of it
    Ok(read_lines(std::sync::Arc::new(text)))
}

/// Makes every line number name the line of the HTML source the figure came from, so a
/// report on an HTML file points into that file.
fn point_lines_at_html(doc: &mut Document, lines: &[Vec<u32>]) {
    let source_line = |line: u32, piece: usize| {
        let l = lines.get((line as usize).saturating_sub(1))?;
        l.get(piece).or_else(|| l.first()).copied()
    };
    let moved: Vec<(usize, u32)> = doc
        .figures()
        .enumerate()
        .filter_map(|(id, f)| {
            let piece = match f.place {
                Place::Cell { col, .. } => col,
                Place::Text { .. } => 0,
            };
            source_line(f.line, piece).map(|l| (id, l))
        })
        .into_vec();
    for (id, l) in moved {
        doc.set_line(id, l);
    }
    for u in &mut doc.unreadable {
        if let Some(l) = source_line(u.line, 0) {
            u.line = l;
        }
    }
    for t in &mut doc.tables {
        for r in 0..t.rows().len() {
            let line = t.line_of(r).unwrap_or(0);
            if let Some(l) = lines
                .get((line as usize).saturating_sub(1))
                .and_then(|l| l.last())
            {
                t.set_line(r, *l);
            }
        }
    }
    for p in &mut doc.paragraphs {
        if let Some(l) = source_line(p.line, 0) {
            p.line = l;
        }
    }
}

/// What one input line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    PageNumber,
    Heading,
    ListItem,
    TableRow,
    PipeRule,
    /// A line holding only U+001E (record separator): the end of a table or block, written
    /// by the HTML and DOM readers so that adjacent tables are not taken for one table
    /// continued across a page break.
    Boundary,
    Text,
}

/// The line the HTML and DOM readers write after each table.
pub const BOUNDARY: &str = "\u{1e}";

fn classify(line: &str) -> LineKind {
    let t = line.trim();
    if t.is_empty() {
        return LineKind::Blank;
    }
    if t == BOUNDARY {
        return LineKind::Boundary;
    }
    if line.contains('\t') {
        return LineKind::TableRow;
    }
    // a rule of a pipe table (`|---|:--|`), or a row of bars with nothing between them
    let ruled = |t: &str| {
        t.chars()
            .all(|c| matches!(c, '-' | ':' | ' ' | '+') || is_bar(c) || is_box_rule(c))
    };
    if t.strip_prefix(BARS).is_some_and(|r| r.contains(BARS)) {
        if ruled(t) {
            return LineKind::PipeRule;
        }
        return LineKind::TableRow;
    }
    // a table drawn in box characters (one look for the block's bytes first: most lines
    // hold none): a rule (`────┬────┼────`), also with the row header's name in it
    // ("項  目 ├───┬───┼───"), and any line with two of its vertical lines, though only one
    // cell is filled ("一、經常門 │   │   │": a heading row) — page chrome draws none
    if has_box(t) {
        let (mut drawn, mut words) = (0, 0);
        for c in t.chars() {
            if is_box_rule(c) {
                drawn += 1;
            } else if !c.is_whitespace() && !is_bar(c) {
                words += 1;
            }
        }
        if drawn >= 3 && words <= 6 && !t.bytes().any(|b| b.is_ascii_digit()) {
            return LineKind::PipeRule;
        }
        if t.matches(BOX_BARS).count() >= 2 {
            return LineKind::TableRow;
        }
    }
    if is_loose_pipe_row(t) {
        return LineKind::TableRow;
    }
    if is_page_number(t) {
        return LineKind::PageNumber;
    }
    // (a Markdown heading's marks are followed by a space; "#对外援助", a statistical
    // yearbook's row of 其中 copied one cell per line, is a label)
    if let Some(rest) = t.strip_prefix('#').map(|r| r.trim_start_matches('#')) {
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            return LineKind::Heading;
        }
    }
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
        if !rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            return LineKind::ListItem;
        }
    }
    if is_caption(t) {
        return LineKind::Heading;
    }
    LineKind::Text
}

/// A pipe row written without its leading bar, as a web page's table copies out:
/// `濮阳市 | 73795 | 234267 |` — at least two cells with something in them (one: see
/// [`is_sparse_pipe_row`]).
fn is_loose_pipe_row(t: &str) -> bool {
    t.matches(BARS).count() >= 2 && t.split(BARS).filter(|p| !p.trim().is_empty()).count() >= 2
}

/// A line opening a numbered section: "二、…", "（三）…".
fn numbered_heading(t: &str) -> bool {
    let t = t.trim_start_matches(&['(', '（'][..]);
    let rest = t.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    rest.len() < t.len() && rest.starts_with(&['、', ')', '）'][..])
}

/// A character that separates a text table's cells: the ASCII bar, or the vertical line of
/// a table drawn in box characters (`項 目 │本次預算數│ 上年度預算數`, a Taiwan budget's
/// plain-text tables).
pub(crate) fn is_bar(c: char) -> bool {
    BARS.contains(&c)
}

/// [`is_bar`]'s characters, as a pattern (a slice of chars: one compiled searcher shared
/// with the other character sets).
const BARS: &[char] = &['|', '│', '┃', '║'];

/// The box verticals alone (not the ASCII bar).
const BOX_BARS: &[char] = &['│', '┃', '║'];

/// Whether `t` holds a character of the box-drawing block (U+2500–U+257F: UTF-8 E2 94 xx
/// or E2 95 xx), looked for in the bytes.
fn has_box(t: &str) -> bool {
    t.as_bytes()
        .windows(2)
        .any(|w| matches!(w, [0xE2, 0x94 | 0x95]))
}

/// A drawn table's rule under a row of names that span columns (`├───┬───┼───┬───┼`): each
/// name after the row's first cell is spread over as many columns as its part of the rule
/// splits into (one more than its `┬`), blanks after it, so the names below take it as
/// their group ("本年度與上年度比較/金額"). Any other rule, or a row that does not fit it,
/// is left as it is.
fn spread_spanning_names(t: &mut Table, rule: &str) {
    let Some(from) = rule.find(SPAN_EDGES) else {
        return;
    };
    let spans: Vec<usize> = rule
        .get(from..)
        .unwrap_or("")
        .split(SPAN_EDGES)
        .skip(1)
        .map(|part| part.matches(SPAN_SPLITS).count() + 1)
        .into_vec();
    let Some(r) = t.rows().len().checked_sub(1) else {
        return;
    };
    let Some(row) = t.row_owned(r) else {
        return;
    };
    let names = row.cells.len().saturating_sub(1);
    let fits = names == spans.len()
        || names == spans.len() + 1 && row.cells.last().is_some_and(|c| c.text.is_empty());
    if !fits || spans.iter().all(|&n| n == 1) || row.cells.iter().any(|c| c.figure.is_some()) {
        return;
    }
    let mut cells = Vec::with_capacity(1 + spans.iter().sum::<usize>());
    let mut own = row.cells.into_iter();
    cells.extend(own.next());
    for (cell, n) in own.zip(&spans) {
        cells.push(cell);
        cells.extend((1..*n).map(|_| Cell {
            text: String::new(),
            kind: CellKind::Blank,
            figure: None,
        }));
    }
    t.set_row(r, cells);
}

/// Where a drawn rule's spans of columns begin (`├`, `┼` and their double and heavy forms),
/// and where a span splits into columns (`┬` …).
const SPAN_EDGES: &[char] = &['├', '┼', '╞', '╪', '┠', '╋', '┣', '╟', '╫'];
const SPAN_SPLITS: &[char] = &['┬', '╤', '┰', '┳', '╥'];

/// A box-drawing character of a table's horizontal rules (`─`, `┼`, `┬`, `═` …).
fn is_box_rule(c: char) -> bool {
    ('\u{2500}'..='\u{257f}').contains(&c) && !is_bar(c)
}

/// A loose pipe row with one cell filled, all its amounts blank (`资源税 | |||||`, or in a
/// table of one column of amounts `1.因公出国(境)费用 | |`): a row
/// only inside a table ([`Reader::table`]), page chrome elsewhere (`浏览量:1 | | | |`). A
/// caption, a unit line or a table's title copied out with the table's bars is no row
/// (`表2 | |||||`, `单位:万元 | |||||`, `…支出执行情况表 | |||||`).
fn is_sparse_pipe_row(t: &str) -> bool {
    let t = t.trim();
    if t.starts_with(BARS) || t.matches(BARS).count() < 2 {
        return false;
    }
    let mut filled = t.split(BARS).map(str::trim).filter(|p| !p.is_empty());
    let first = filled.next();
    filled.next().is_none() && first.is_some_and(|c| !is_title_cell(c))
}

/// A table's caption, unit line or title: `表1`, `单位:万元`, `…执行情况表`.
fn is_title_cell(c: &str) -> bool {
    is_caption(c)
        || c.starts_with("单位")
        || c.starts_with("單位")
        || c.trim_end_matches(&['）', ')', '：', ':'][..])
            .ends_with('表')
}

/// "- 12 -", "12", "第 3 页", "3/20".
fn is_page_number(t: &str) -> bool {
    let core = t
        .trim_matches(|c: char| c == '-' || c == '—' || c == ' ' || c == '－')
        .trim_start_matches('第')
        .trim_end_matches('页')
        .trim();
    !core.is_empty()
        && core.len() <= 7
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
        && core.chars().any(|c| c.is_ascii_digit())
}

/// A figure alone on its line ("43.2", "86%", "10"), as a table printed one cell per line
/// leaves its cells.
fn is_lone_figure(t: &str) -> bool {
    let t = t.trim();
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
}

/// A bare number between two figures alone on their lines, or after two ("37.24", "10",
/// "86%", "9": a self-evaluation table's row printed one cell per line, apart by blank
/// lines) is a cell among them, not a page number.
fn cells_not_page_numbers(lines: &[Line<'_>], kinds: &mut [LineKind]) {
    let content =
        |k: usize, kinds: &[LineKind]| kinds.get(k).is_some_and(|k| *k != LineKind::Blank);
    for i in 0..kinds.len() {
        if kinds.get(i) != Some(&LineKind::PageNumber) {
            continue;
        }
        let prev = (0..i).rev().find(|&k| content(k, kinds));
        let before = prev.and_then(|p| (0..p).rev().find(|&k| content(k, kinds)));
        let next = (i + 1..kinds.len()).find(|&k| content(k, kinds));
        let lone = |k: Option<usize>| {
            k.and_then(|k| lines.get(k))
                .is_some_and(|l| is_lone_figure(l.1))
        };
        if lone(prev) && (lone(next) || lone(before)) {
            if let Some(k) = kinds.get_mut(i) {
                *k = LineKind::Text;
            }
        }
    }
}

/// "附表 3", "表1", "附件：" standing alone on a line.
fn is_caption(t: &str) -> bool {
    let t = t.trim_matches('*').trim();
    let rest = t
        .strip_prefix("附表")
        .or_else(|| t.strip_prefix("附件"))
        .or_else(|| t.strip_prefix("表"));
    rest.is_some_and(|r| {
        let r = r.trim().trim_end_matches(&['：', ':'][..]);
        r.chars().count() <= 4
            && r.chars()
                .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    })
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches('*').trim_end();
    t.ends_with(&['。', '！', '？', '!', '?'][..]) || t.is_empty()
}

/// Joins two pieces of text: no space between CJK text, one between Latin words.
fn needs_space(prev: &str, next: &str) -> bool {
    let a = prev.chars().last();
    let b = next.chars().next();
    matches!((a, b), (Some(a), Some(b)) if a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
}

/// Whether a line that is a figure alone ("43.2", "86%") stands apart from a next line
/// starting with a digit: cells of a table printed one per line ("43.2\n\n43.2\n\n37.24"),
/// not one number broken in two (a number wrapped inside a sentence has words before it
/// on its line).
fn figure_cell_then_digit(line: &str, next: &str) -> bool {
    !line.is_empty()
        && line.starts_with(|c: char| c.is_ascii_digit() || c == '-')
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-'))
        && next.starts_with(|c: char| c.is_ascii_digit())
}

struct Reader<'a> {
    doc: Document,
    /// The text read (it becomes the document's source).
    text: &'a str,
    /// The same, shared with the tables whose cells are spans of it.
    source: crate::document::Source,
    lines: Vec<Line<'a>>,
    /// What each line is ([`classify`]), worked out once: the paragraph reader asks for a
    /// line's kind several times (the line itself, the next, the next after a break).
    kinds: Vec<LineKind>,
    section: Option<String>,
    /// Lines `a..b` known to hold no digit and no dash ([`Reader::value_within_probe`]): the
    /// paragraph reader probes for a table at each line, and each line is looked at once.
    no_value: std::cell::Cell<(usize, usize)>,
    /// Whether a large input's lines and long runs of tab rows are read partly on a
    /// second thread (natively).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    two_threads: bool,
}

/// How many tab rows one after another have their room made at once (a row each, a cell
/// for each tab and one more, as many figures; what is not used is given back when the table
/// and the document are finished). Grown row by row, a large table's arrays were copied each
/// time they grew, and every copy touched fresh memory; a shorter run grows as before, so
/// that many small tables do not each grow the document's figures by exactly their own.
const ROOM_FROM_ROWS: usize = 1 << 10;

/// How many tab rows one after another are read on two threads (natively): below it
/// starting a thread costs more than it saves.
#[cfg(not(target_arch = "wasm32"))]
const TWO_THREADS_FROM_ROWS: usize = 1 << 14;

/// How many tab rows a thread reads at a time when two read a run.
#[cfg(not(target_arch = "wasm32"))]
const CHUNK_ROWS: usize = 1 << 11;

/// Whether chunk `c` of a run read on two threads is read on the second: 4 of every 7.
/// This thread also appends the second's chunks (≈ 0.9 M instructions a chunk against 3.2 M
/// to read one, 100k-row table, callgrind), so it reads fewer: taking every other chunk,
/// its part of the reading came to ≈ 35 M instructions more than the second thread's.
#[cfg(not(target_arch = "wasm32"))]
fn read_there(c: usize) -> bool {
    matches!(c % 7, 1 | 3 | 5 | 6)
}

/// Makes room for one more element, growing a large vector by a quarter instead of doubling
/// it: a 1M-row table's 3M figures would otherwise hold up to twice their bytes.
pub(crate) fn room_for_one<T>(v: &mut Vec<T>) {
    if v.len() == v.capacity() && v.len() >= 1 << 12 {
        v.reserve_exact(v.len() / 4);
    }
}

/// A line's start and its text (without its line break).
type Line<'a> = (usize, &'a str);

/// The lines of `text` starting at byte `from` of the source: each with its start, the
/// starts alone, and each line's kind ([`classify`]).
fn lines_from(text: &str, from: usize) -> (Vec<Line<'_>>, Vec<usize>, Vec<LineKind>) {
    // one slot a line, exactly
    let n = count_byte(text.as_bytes(), b'\n') + 1;
    let mut lines = Vec::with_capacity(n);
    let mut line_starts = Vec::with_capacity(n);
    // each line with its line break, as `split_inclusive('\n')` gives it (the break found
    // eight bytes at a time: the searcher's per-call setup cost ≈ 200 instructions a line of
    // a 40-byte row)
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes
            .get(start..)
            .and_then(crate::utf8::first_newline)
            .map_or(bytes.len(), |p| start + p + 1);
        let l = text.get(start..end).unwrap_or("");
        line_starts.push(from + start);
        lines.push((from + start, l.trim_end_matches(&['\n', '\r'][..])));
        start = end;
    }
    let kinds = lines.iter().map(|l| classify(l.1)).into_vec();
    (lines, line_starts, kinds)
}

/// From how many bytes the lines are split and classified on two threads (natively).
#[cfg(not(target_arch = "wasm32"))]
const LINES_ON_TWO_THREADS_FROM: usize = 1 << 20;

/// [`lines_from`] the start of `text`; where `two_threads`, a large text's second half
/// (from the line break nearest its middle) on a second thread, where one runs.
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
fn split_lines(text: &str, two_threads: bool) -> (Vec<Line<'_>>, Vec<usize>, Vec<LineKind>) {
    #[cfg(not(target_arch = "wasm32"))]
    if two_threads && text.len() >= LINES_ON_TWO_THREADS_FROM {
        let half = text.len() / 2;
        let cut = text
            .as_bytes()
            .iter()
            .skip(half)
            .position(|&b| b == b'\n')
            .map(|p| half + p + 1);
        if let Some((a, b)) = cut.and_then(|c| Some((text.get(..c)?, text.get(c..)?))) {
            let (mut first, (lines, starts, kinds)) =
                crate::on_two_threads(|| lines_from(a, 0), || lines_from(b, a.len()));
            // `a` ends with a line break, after which its split yields no empty line: the
            // two halves' lines are the whole text's
            first.0.extend(lines);
            first.1.extend(starts);
            first.2.extend(kinds);
            return first;
        }
    }
    lines_from(text, 0)
}

/// Reads text (already decoded) into a document.
pub fn read_text(text: &str) -> Document {
    read_lines(std::sync::Arc::new(text.to_owned()))
}

/// Reads text into a document, whose source it becomes.
fn read_lines(source: crate::document::Source) -> Document {
    let text: &str = &source;
    let mut r = Reader::new(text, source.clone());
    r.run();
    // the slack a growing vector keeps (up to a quarter) is given back: the document is held
    // while every check runs
    r.doc.shrink_figures();
    let mut doc = r.doc;
    doc.source = source;
    doc
}

impl<'a> Reader<'a> {
    /// A reader of `text` (`source` holds the same), its lines split and classified.
    fn new(text: &'a str, source: crate::document::Source) -> Self {
        Reader::with_threads(text, source, true)
    }

    /// The same, reading large inputs partly on a second thread where `two_threads`.
    fn with_threads(text: &'a str, source: crate::document::Source, two_threads: bool) -> Self {
        let (lines, line_starts, mut kinds) = split_lines(text, two_threads);
        cells_not_page_numbers(&lines, &mut kinds);
        Reader {
            two_threads,
            doc: Document::with_lines(line_starts),
            lines,
            kinds,
            text,
            source,
            section: None,
            no_value: std::cell::Cell::new((0, 0)),
        }
    }
}

impl Reader<'_> {
    fn kind(&self, i: usize) -> Option<LineKind> {
        self.kinds.get(i).copied()
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.lines.len() {
            match self.kind(i) {
                Some(
                    LineKind::Blank
                    | LineKind::PageNumber
                    | LineKind::PipeRule
                    | LineKind::Boundary,
                )
                | None => i += 1,
                Some(LineKind::TableRow) => i = self.table(i),
                Some(LineKind::Heading | LineKind::ListItem) => {
                    self.single_line(i);
                    i += 1;
                }
                Some(LineKind::Text) => {
                    i = match self
                        .bar_table(i)
                        .or_else(|| self.panel_table(i))
                        .or_else(|| self.space_table(i))
                        .or_else(|| self.cell_per_line_table(i))
                    {
                        Some(next) => next,
                        None => self.paragraph(i),
                    }
                }
            }
        }
    }

    fn next_content(&self, mut i: usize) -> usize {
        while matches!(
            self.kind(i),
            Some(LineKind::Blank | LineKind::PageNumber | LineKind::PipeRule)
        ) {
            i += 1;
        }
        i
    }

    fn single_line(&mut self, i: usize) {
        let Some(&(start, line)) = self.lines.get(i) else {
            return;
        };
        let trimmed = line.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        let kind = self.kind(i);
        let mut p = Paragraph {
            heading: kind == Some(LineKind::Heading),
            ..Paragraph::default()
        };
        let body = trimmed.trim_start();
        p.pieces.push((0, start + lead));
        p.text.push_str(body);
        if p.heading {
            let title = body.trim_start_matches('#').trim().trim_matches('*').trim();
            if !is_caption(title) {
                self.section = Some(title.to_string());
            }
        }
        self.finish_paragraph(p, i);
    }

    fn paragraph(&mut self, first: usize) -> usize {
        let mut p = Paragraph::default();
        let mut i = first;
        let mut last = "";
        while let Some(&(start, line)) = self.lines.get(i) {
            let body = line.trim_end();
            let lead = body.len() - body.trim_start().len();
            let body = body.trim_start();
            if needs_space(&p.text, body) || figure_cell_then_digit(last, body) {
                p.text.push(' ');
            }
            last = body;
            p.pieces.push((p.text.len(), start + lead));
            p.text.push_str(body);
            i += 1;
            match self.kind(i) {
                // a table copied out of a web page starts on the next line
                Some(LineKind::Text) if self.table_starts(i) => break,
                Some(LineKind::Text) => continue,
                Some(LineKind::Blank | LineKind::PageNumber) => {
                    // a page break inside a sentence: carry on when the text has not ended
                    let next = self.next_content(i);
                    // (a line of Latin text alone, "source: https://…" or "partial: no" in a
                    // saved page's header, does not run on into the Chinese text after it)
                    let latin_then_cjk = !body.chars().any(crate::claims::normalise::is_cjk)
                        && self
                            .lines
                            .get(next)
                            .is_some_and(|l| l.1.chars().any(crate::claims::normalise::is_cjk));
                    if !ends_sentence(&p.text)
                        && !latin_then_cjk
                        && self.kind(next) == Some(LineKind::Text)
                        && !self.table_starts(next)
                    {
                        i = next;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        self.finish_paragraph(p, first);
        i
    }

    fn finish_paragraph(&mut self, mut p: Paragraph, first_line: usize) {
        let index = self.doc.paragraphs.len();
        p.line = u32::try_from(first_line + 1).unwrap_or(u32::MAX);
        p.section = self.section.clone();
        for tok in figure::scan(&p.text) {
            let src_start = p.source_offset(tok.start);
            let src_end = p.source_offset(tok.end.saturating_sub(1)) + 1;
            let raw = p.text.get(tok.start..tok.end).unwrap_or("");
            let line = self.doc.line_of(src_start);
            match tok.number {
                Ok(number) => {
                    let id = self.doc.push_figure(
                        self.text,
                        &number,
                        tok.unit,
                        raw,
                        line,
                        (src_start, src_end),
                        Place::Text { paragraph: index },
                    );
                    p.figures.push((tok.start, tok.unit_end, id));
                }
                Err(reason) => self.doc.unreadable.push(Unreadable {
                    raw: raw.to_string(),
                    line,
                    reason,
                }),
            }
        }
        self.doc.paragraphs.push(p);
    }

    fn table(&mut self, first: usize) -> usize {
        let index = self.doc.tables.len();
        let caption = self.caption_before(first);
        let mut t = Table::new(caption);
        t.share_source(self.source.clone());
        let mut i = first;
        // the row being written started without a bar and its last line ended with one: a
        // line starting with a bar continues it (a web table's row wrapped over lines)
        let mut open = false;
        // the lines before this one were counted in a run of tab rows ([`Reader::tab_run`])
        let mut tab_run_seen = 0;
        // sparse pipe rows go on a table that holds figures, up to the end of their run
        let figures_before = self.doc.figure_count();
        let mut sparse_until = 0;
        // the rows read when the last rule was: a drawn table closes with one
        let mut ruled_at = None;
        while let Some(&(start, line)) = self.lines.get(i) {
            // lines are numbered from their index (line_starts holds each line's start)
            let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
            // each line's kind, worked out once when the lines were split
            match self.kind(i).unwrap_or(LineKind::Blank) {
                LineKind::TableRow if line.as_bytes().contains(&b'\t') => {
                    if i >= tab_run_seen {
                        // room for a long run made once (see ROOM_FROM_ROWS)
                        let (rows, tabs) = self.tab_run(i);
                        tab_run_seen = i + rows;
                        if rows >= ROOM_FROM_ROWS {
                            t.reserve(rows, tabs + rows);
                            self.doc.reserve_figures(tabs + rows);
                        }
                        #[cfg(not(target_arch = "wasm32"))]
                        if self.two_threads && rows >= TWO_THREADS_FROM_ROWS {
                            self.tab_rows_on_two_threads(&mut t, index, i, rows);
                            open = false;
                            i += rows;
                            continue;
                        }
                    }
                    let row = t.rows().len();
                    t.push_row(line_no);
                    self.cells()
                        .tab_cells_into(&mut t, index, row, start, line, line_no);
                    open = false;
                    i += 1;
                }
                LineKind::TableRow => {
                    let trimmed = line.trim();
                    t.drawn |= trimmed.contains(BOX_BARS);
                    // (a web table's row wrapped over lines: ASCII bars only; a row drawn in
                    // box characters is one line)
                    let bar_first = trimmed.starts_with('|');
                    let rows = t.rows().len();
                    match rows.checked_sub(1) {
                        Some(r) if open && bar_first => {
                            let len = t.cells_of(r).len();
                            t.push_cell("", CellKind::Blank, None);
                            self.cells_into(&mut t, index, r, len + 1, start, line);
                        }
                        _ => {
                            t.push_row(line_no);
                            self.cells_into(&mut t, index, rows, 0, start, line);
                            open = !bar_first;
                        }
                    }
                    open &= trimmed.ends_with('|');
                    i += 1;
                }
                LineKind::PipeRule => {
                    if t.drawn {
                        spread_spanning_names(&mut t, line);
                    }
                    ruled_at = Some(t.rows().len());
                    i += 1;
                }
                // rows with every amount blank, inside a pipe table with figures, before
                // more of its rows
                LineKind::Text
                    if i < sparse_until
                        || self.doc.figure_count() > figures_before
                            && self.sparse_run(i).is_some_and(|end| {
                                sparse_until = end;
                                true
                            }) =>
                {
                    let rows = t.rows().len();
                    t.push_row(line_no);
                    self.cells_into(&mut t, index, rows, 0, start, line);
                    open = false;
                    i += 1;
                }
                LineKind::Blank | LineKind::PageNumber => {
                    let next = self.next_content(i);
                    if self.kind(next) == Some(LineKind::TableRow) {
                        i = next;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        settle_header(&mut t);
        t.cut = t.drawn && ruled_at != Some(t.rows().len());
        if layout::spread_last_header(&mut t) {
            self.renumber(index, &t);
        }
        t.shrink();
        self.doc.tables.push(t);
        i
    }

    /// Reads the run of `rows` tab rows from line `first` into table `t` (number `index`)
    /// as one after another would, in chunks of [`CHUNK_ROWS`] read here and on a second
    /// thread ([`read_there`]). A chunk read there goes into a document and table of its own,
    /// which are appended here in order (its figures' ids moved past those read before it);
    /// at most a few chunks are held at a time, since the run's room was made in full. Where
    /// no second thread runs, or it stops, its chunks are read here.
    #[cfg(not(target_arch = "wasm32"))]
    fn tab_rows_on_two_threads(&mut self, t: &mut Table, index: usize, first: usize, rows: usize) {
        let first_row = t.rows().len();
        let chunks = rows.div_ceil(CHUNK_ROWS);
        let lines = self.lines.get(first..first + rows).unwrap_or(&[]);
        let text = self.text;
        let source = self.source.clone();
        // reads chunk `c` into `doc` and `t`
        let read = |doc: &mut Document, t: &mut Table, c: usize| {
            let mut cells = CellReader { doc, text };
            let from = c * CHUNK_ROWS;
            for (k, &(start, line)) in lines.iter().enumerate().skip(from).take(CHUNK_ROWS) {
                let line_no = u32::try_from(first + k + 1).unwrap_or(u32::MAX);
                t.push_row(line_no);
                cells.tab_cells_into(t, index, first_row + k, start, line, line_no);
            }
        };
        std::thread::scope(|s| {
            // the second thread's chunks ([`read_there`]), handed over one at a time
            let (send, receive) = std::sync::mpsc::sync_channel::<(Document, Table)>(1);
            let (read, source) = (&read, &source);
            let there = std::thread::Builder::new().spawn_scoped(s, move || {
                for c in (0..chunks).filter(|&c| read_there(c)) {
                    let mut doc = Document::default();
                    let mut part = Table::new(String::new());
                    part.share_source(source.clone());
                    read(&mut doc, &mut part, c);
                    if send.send((doc, part)).is_err() {
                        break;
                    }
                }
            });
            for c in 0..chunks {
                // a chunk read there comes from there, unless that thread is gone
                let handed = read_there(c).then(|| receive.recv().ok()).flatten();
                match handed {
                    Some((doc, part)) => {
                        let moved = self.doc.append_figures(doc);
                        t.append_rows(&part, moved);
                    }
                    None => read(&mut self.doc, t, c),
                }
            }
            drop(receive);
            // joined here, so that a panic there is not the scope's
            if let Ok(h) = there {
                let _ = h.join();
            }
        });
    }

    /// The end of the run of sparse pipe rows ([`is_sparse_pipe_row`]) from line `i`, when
    /// the run goes on a pipe table: the next other line is a row of it (the caller asks
    /// only once the table holds figures, and once a run).
    fn sparse_run(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while self
            .lines
            .get(k)
            .is_some_and(|l| self.kind(k) == Some(LineKind::Text) && is_sparse_pipe_row(l.1))
        {
            k += 1;
        }
        (k > i
            && self.kind(k) == Some(LineKind::TableRow)
            && self.lines.get(k).is_some_and(|l| !l.1.contains('\t')))
        .then_some(k)
    }

    /// The tab rows from line `first` on, one after another: how many, and how many tabs
    /// they hold.
    fn tab_run(&self, first: usize) -> (usize, usize) {
        let mut tabs = 0;
        let rows = (first..self.lines.len())
            .take_while(|&i| {
                let n = match (self.kind(i), self.lines.get(i)) {
                    (Some(LineKind::TableRow), Some(l)) => count_byte(l.1.as_bytes(), b'\t'),
                    _ => 0,
                };
                tabs += n;
                n > 0
            })
            .count();
        (rows, tabs)
    }

    /// A table printed one cell per line (as PDF text extraction leaves it): header cells,
    /// then rows of one label and a fixed number of figures, the number the first row has
    /// and the header has cells. A label with no figure at all is a row of blanks (an item
    /// with nothing printed, a heading row) when it names something and a full row follows
    /// it. The table ends at its last full row, so what follows (a note, the next section)
    /// is read as text; it takes two full rows, and a row with some figures but not all
    /// ends it.
    fn cell_per_line_table(&mut self, first: usize) -> Option<usize> {
        const MAX_CELL_CHARS: usize = 40;
        // (line index, source offset, text)
        let mut cells: Vec<(usize, usize, &str)> = Vec::new();
        let mut i = first;
        while let Some(&(start, line)) = self.lines.get(i) {
            match self.kind(i).unwrap_or(LineKind::Blank) {
                LineKind::Blank => i += 1,
                LineKind::Text | LineKind::PageNumber => {
                    let t = line.trim();
                    if t.chars().count() > MAX_CELL_CHARS || t.ends_with('。') {
                        break;
                    }
                    let lead = line.len() - line.trim_start().len();
                    cells.push((i, start + lead, t));
                    i += 1;
                }
                _ => break,
            }
        }
        // (the cells end at the text's end or at a line of another kind, not at a sentence)
        let ended_apart = i >= self.lines.len()
            || !matches!(self.kind(i), Some(LineKind::Text | LineKind::PageNumber));
        let is_fig = |t: &str| matches!(figure::read_cell(t).0, CellKind::Figure | CellKind::Dash);
        let figures_from = |k: usize| {
            cells
                .get(k..)
                .map_or(0, |c| c.iter().take_while(|c| is_fig(c.2)).count())
        };
        let first_fig = cells.iter().position(|c| is_fig(c.2))?;
        // header cells, as many as the first row's; lines before them (a title) are tried
        // as text
        let label = first_fig.checked_sub(1)?;
        let width = figures_from(first_fig) + 1;
        let skip = label.checked_sub(width)?;
        // (a header cell or a label names something: a bar alone is a layout's)
        let names = |t: &str| t.chars().any(char::is_alphabetic);
        if !cells.get(skip..label)?.iter().all(|c| names(c.2)) {
            return None;
        }
        // the rows: (first cell, figures), up to the last full one
        let mut rows_at: Vec<(usize, usize)> = Vec::new();
        let (mut full, mut kept) = (0, 0);
        let mut partial = false;
        let mut k = label;
        while k < cells.len() {
            let n = figures_from(k + 1);
            let text = cells.get(k)?.2;
            // (a label alone is followed by a full row)
            let alone = n == 0 && rows_at.last().is_some_and(|&(_, n)| n == 0);
            // (a row with some of its figures, its blanks not printed, cannot be placed: its
            // cells are unknown, and the table's rows may go on past it)
            partial = names(text) && n != 0 && n + 1 != width;
            if !names(text) || partial || alone {
                break;
            }
            rows_at.push((k, n));
            if n > 0 {
                full += 1;
                kept = rows_at.len();
            }
            k += 1 + n;
        }
        // (labels alone after the last full row, up to a numbered heading or where the
        // cells end apart from a sentence: rows whose figures were not printed, "公务接待费"
        // and "公务用车购置及运行费" under "因公出国(境)费 0" in a county office's "三公"
        // table, before "二、…情况说明"; a note is no row, and short lines before a sentence
        // may be its text)
        let from = rows_at.get(kept).map_or(k, |&(at, _)| at);
        let row_label = |t: &str| {
            names(t)
                && !is_fig(t)
                && t.chars().count() <= 20
                && !["注", "备注", "说明", "数据来源", "单位", "编制"]
                    .iter()
                    .any(|w| t.starts_with(w))
        };
        let stop = cells
            .get(from..)
            .and_then(|c| c.iter().position(|c| !row_label(c.2)))
            .map_or(cells.len(), |n| from + n);
        if kept > 0
            && from < stop
            && cells
                .get(stop)
                .map_or(ended_apart, |c| numbered_heading(c.2))
        {
            rows_at.truncate(kept);
            rows_at.extend((from..stop).map(|at| (at, 0)));
            kept = rows_at.len();
        }
        rows_at.truncate(kept);
        if full < 2 {
            return None;
        }
        let (last, n) = *rows_at.last()?;
        let end = cells.get(last + n)?.0 + 1;
        for &(line, _, _) in cells.iter().take(skip) {
            self.single_line(line);
        }
        let index = self.doc.tables.len();
        let caption = cells.iter().take(skip).map(|c| c.2).into_vec().join(" ");
        let caption = if caption.is_empty() {
            self.caption_before(first)
        } else {
            caption
        };
        let mut rows = Vec::with_capacity(rows_at.len() + 1);
        let spans = std::iter::once((skip, width)).chain(rows_at.iter().map(|&(k, n)| (k, n + 1)));
        for (r, (from, n)) in spans.enumerate() {
            let chunk = cells.get(from..from + n).unwrap_or(&[]);
            let line = chunk.first().map_or(0, |c| self.doc.line_of(c.1));
            let mut row = Row {
                line,
                cells: Vec::with_capacity(width),
            };
            for (c, &(_, at, t)) in chunk.iter().enumerate() {
                let cell = self.cell(index, r, c, at, t, self.doc.line_of(at));
                row.cells.push(cell);
            }
            // (a label alone: its figures' cells are blank)
            let at = chunk.last().map_or(0, |c| c.1 + c.2.len());
            for c in chunk.len()..width {
                let cell = self.cell(index, r, c, at, "", line);
                row.cells.push(cell);
            }
            rows.push(row);
        }
        let mut table = Table::from_rows(caption, rows, 1);
        table.cut = partial;
        self.doc.tables.push(table);
        Some(end)
    }

    /// The short text lines just above a table: "附表 1", its title.
    fn caption_before(&self, first: usize) -> String {
        let mut parts = Vec::new();
        let mut i = first;
        while i > 0 && parts.len() < 3 {
            i -= 1;
            let Some(&(_, line)) = self.lines.get(i) else {
                break;
            };
            match self.kind(i).unwrap_or(LineKind::Blank) {
                LineKind::Blank => continue,
                LineKind::Text | LineKind::Heading if line.chars().count() <= 60 => {
                    parts.push(
                        line.trim()
                            .trim_start_matches('#')
                            .trim()
                            .trim_matches('*')
                            .trim(),
                    );
                }
                _ => break,
            }
        }
        parts.reverse();
        parts.join(" ")
    }

    /// A pipe row's cells from one line, numbered from column `from`, appended to the
    /// table's last row (a tab row's: [`Reader::tab_cells_into`]).
    fn cells_into(
        &mut self,
        t: &mut Table,
        table: usize,
        row: usize,
        from: usize,
        start: usize,
        line: &str,
    ) {
        let line_no = self.doc.line_of(start);
        let body = line.trim_end();
        // where each piece starts in the line: past the indent and a leading bar (a row
        // copied from a web page has none), then past each piece and the bar after it
        let mut offset = body.len() - body.trim_start().len();
        let mut body = body.trim_start();
        // (an indented box line, "      │ 金 額 │百分比", leaves the row label's cell empty)
        let empty_label = offset > 0 && body.starts_with(BOX_BARS);
        if let Some(rest) = body.strip_prefix(BARS).filter(|_| !empty_label) {
            offset += body.len() - rest.len();
            body = rest;
        }
        let body = body.strip_suffix(BARS).unwrap_or(body);
        let mut rest = body;
        for k in 0.. {
            let (piece, after) = match rest.find(BARS) {
                Some(b) => (rest.get(..b).unwrap_or(""), rest.get(b..)),
                None => (rest, None),
            };
            let (text, kind, figure) =
                self.cells()
                    .read_cell(table, row, from + k, start + offset, piece, line_no);
            t.push_cell(&text, kind, figure);
            let Some(after) = after else { break };
            let next = after.strip_prefix(BARS).unwrap_or("");
            offset += piece.len() + (after.len() - next.len());
            rest = next;
        }
        // trailing empty cells left by the layout carry nothing
        t.trim_last_row(from);
    }

    fn cell(
        &mut self,
        table: usize,
        row: usize,
        col: usize,
        at: usize,
        piece: &str,
        line: u32,
    ) -> Cell {
        let (text, kind, figure) = self.cells().read_cell(table, row, col, at, piece, line);
        Cell {
            text: text.into_owned(),
            kind,
            figure,
        }
    }

    /// What reads cells into this reader's document.
    fn cells(&mut self) -> CellReader<'_, '_> {
        CellReader {
            doc: &mut self.doc,
            text: self.text,
        }
    }
}

/// Reads a table's cells into a document: its figures into the document, their cells into
/// the table. The reader's own, or (for part of a long run of tab rows read on another
/// thread) a document and table of their own, appended afterwards.
struct CellReader<'a, 'd> {
    doc: &'d mut Document,
    /// The text being read (the document's source).
    text: &'a str,
}

/// How many times `byte` is in `bytes`, 16 bytes at a time: a fixed-size block's count the
/// compiler does with vector compares, where a count over the whole slice took ≈ 2.3
/// instructions a byte (the input's line breaks are counted, and a long tab table's tabs).
fn count_byte(bytes: &[u8], byte: u8) -> usize {
    let count = |b: &[u8]| b.iter().filter(|&&x| x == byte).count();
    let blocks = bytes.chunks_exact(16);
    let rest = count(blocks.remainder());
    blocks.map(count).sum::<usize>() + rest
}

impl CellReader<'_, '_> {
    /// A tab row's cells, appended to the table's last row: the line's bytes split at
    /// tabs, each cell trimmed once; a cell of words or a plain ASCII figure (`-1234.56`)
    /// is read here, any other goes through [`CellReader::read_cell`].
    fn tab_cells_into(
        &mut self,
        t: &mut Table,
        table: usize,
        row: usize,
        start: usize,
        line: &str,
        line_no: u32,
    ) {
        let bytes = line.as_bytes();
        let mut col = 0;
        let mut at = 0;
        // a cell of the line pushed as a span of it: checked once for the whole line where
        // it can be
        let fits = t.spans_fit(start, line);
        #[inline(always)]
        fn push_to(
            t: &mut Table,
            fits: bool,
            text: &str,
            at: usize,
            kind: CellKind,
            figure: Option<figure::FigId>,
        ) {
            if fits {
                t.push_span(at, text.len(), kind, figure);
            } else {
                t.push_source_cell(text, at, kind, figure);
            }
        }
        loop {
            // a figure cell (most are) read in the pass that finds its end
            if let Some((len, mantissa, scale)) = bytes.get(at..).and_then(decimal_to_tab) {
                let end = at + len;
                let text = line.get(at..end).unwrap_or("");
                let id = self.doc.push_plain_figure(
                    self.text,
                    (mantissa, scale),
                    line_no,
                    (start + at, len),
                    Place::Cell { table, row, col },
                );
                push_to(t, fits, text, start + at, CellKind::Figure, Some(id));
                if end >= bytes.len() {
                    break;
                }
                at = end + 1;
                col += 1;
                continue;
            }
            let end = bytes
                .get(at..)
                .and_then(|rest| rest.iter().position(|&b| b == b'\t'))
                .map_or(bytes.len(), |p| at + p);
            let piece = line.get(at..end).unwrap_or("");
            match plain_cell(piece) {
                Some((lead, text, Plain::Blank)) => {
                    push_to(t, fits, text, start + at + lead, CellKind::Blank, None)
                }
                Some((lead, text, Plain::Text)) => {
                    push_to(t, fits, text, start + at + lead, CellKind::Text, None)
                }
                Some((lead, text, Plain::Figure { mantissa, scale })) => {
                    let id = self.doc.push_plain_figure(
                        self.text,
                        (mantissa, scale),
                        line_no,
                        (start + at + lead, text.len()),
                        Place::Cell { table, row, col },
                    );
                    push_to(t, fits, text, start + at + lead, CellKind::Figure, Some(id));
                }
                _ => {
                    let (text, kind, figure) =
                        self.read_cell(table, row, col, start + at, piece, line_no);
                    match text {
                        // the trimmed piece: a span of the source
                        std::borrow::Cow::Borrowed(b) => {
                            let lead = (b.as_ptr() as usize).wrapping_sub(piece.as_ptr() as usize);
                            t.push_source_cell(b, (start + at).wrapping_add(lead), kind, figure);
                        }
                        std::borrow::Cow::Owned(o) => t.push_cell(&o, kind, figure),
                    }
                }
            }
            if end >= bytes.len() {
                break;
            }
            at = end + 1;
            col += 1;
        }
        // trailing empty cells left by the layout carry nothing
        t.trim_last_row(0);
    }

    /// A cell's text, kind and figure; the figure is added to the document.
    fn read_cell<'p>(
        &mut self,
        table: usize,
        row: usize,
        col: usize,
        at: usize,
        piece: &'p str,
        line: u32,
    ) -> (std::borrow::Cow<'p, str>, CellKind, Option<usize>) {
        let marked = piece.bytes().any(|b| b == b'<' || b == b'*');
        let text: std::borrow::Cow<'p, str> = if marked {
            strip_markup(piece).into()
        } else {
            piece
                .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
                .into()
        };
        let read = figure::read_cell_at(if marked { &text } else { piece });
        let (kind, number, unit) = (read.kind, read.number, read.unit);
        let mut figure = None;
        match number {
            Some(Ok(number)) => {
                // where the figure sits in the printed cell, markup and all
                let (s, e) = if marked {
                    let toks = figure::scan(piece);
                    toks.first().map_or((0, piece.len()), |t| (t.start, t.end))
                } else {
                    read.span
                };
                figure = Some(self.doc.push_figure(
                    self.text,
                    &number,
                    unit,
                    piece.get(s..e).unwrap_or(piece),
                    line,
                    (at + s, at + e),
                    Place::Cell { table, row, col },
                ));
            }
            Some(Err(reason)) => self.doc.unreadable.push(Unreadable {
                raw: text.to_string(),
                line,
                reason,
            }),
            None => {}
        }
        (text, kind, figure)
    }
}

/// A cell [`plain_cell`] reads without the general reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plain {
    Blank,
    /// Words: the first character starts no figure and no dash.
    Text,
    /// `-?digits(.digits)?`, at most 18 digits: the value is `mantissa` × 10^-`scale`.
    Figure {
        mantissa: i64,
        scale: u8,
    },
}

/// A cell without markup whose kind (and figure) is plain to see: blank, words, or an
/// ASCII decimal of at most 18 digits — with its leading whitespace's length and its
/// trimmed text. `None` for anything else (dashes, signs, separators, percentages, units,
/// full-width digits), which [`figure::read_cell_at`] reads; what is read here is what it
/// would read.
fn plain_cell(piece: &str) -> Option<(usize, &str, Plain)> {
    let b = piece.as_bytes();
    if b.iter().any(|&c| c == b'<' || c == b'*') {
        return None;
    }
    // most cells need no trimming: first and last bytes printable ASCII
    let graphic = |c: Option<&u8>| c.is_some_and(|c| (0x21..0x7f).contains(c));
    let (lead, text) = if graphic(b.first()) && graphic(b.last()) {
        (0, piece)
    } else {
        let t = piece.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        let lead = piece.len() - t.len();
        (
            lead,
            t.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}'),
        )
    };
    let Some(first) = text.chars().next() else {
        return Some((lead, text, Plain::Blank));
    };
    if let Some((mantissa, scale)) = plain_decimal(text.as_bytes()) {
        return Some((lead, text, Plain::Figure { mantissa, scale }));
    }
    match figure::fold_char(first) {
        c if c.is_ascii_digit() || c == '+' || figure::is_dash(c) => None,
        _ => Some((lead, text, Plain::Text)),
    }
}

/// `-?digits(.digits)?` with at most 18 digits in all, as a mantissa and scale.
fn plain_decimal(b: &[u8]) -> Option<(i64, u8)> {
    decimal_to_tab(b)
        .filter(|&(len, ..)| len == b.len())
        .map(|(_, m, s)| (m, s))
}

/// A tab row's cell that is [`plain_decimal`] in full, read in the pass that finds the
/// cell's end: its length (up to the tab or the line's end), mantissa and scale. `None`
/// as soon as a byte shows it is anything else.
fn decimal_to_tab(b: &[u8]) -> Option<(usize, i64, u8)> {
    let negative = b.first() == Some(&b'-');
    let mut i = usize::from(negative);
    let mut m: i64 = 0;
    let mut n = 0u8;
    let mut point: Option<u8> = None;
    loop {
        match b.get(i) {
            Some(&c @ b'0'..=b'9') if n < 18 => {
                m = m * 10 + i64::from(c - b'0');
                n += 1;
            }
            Some(b'.') if point.is_none() && n > 0 => point = Some(n),
            None | Some(b'\t') => break,
            _ => return None,
        }
        i += 1;
    }
    let scale = match point {
        Some(p) if p == n => return None,
        Some(p) => n - p,
        None => 0,
    };
    if n == 0 {
        return None;
    }
    Some((i, if negative { -m } else { m }, scale))
}

/// Removes inline markup a converter leaves in cells (`<b>`, `</p>`, `**`) and trims.
fn strip_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    let t = out.replace("**", "");
    t.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .to_string()
}

/// Where a table's header ends: at the first row of figures, two of them where rows carry
/// several, one where the table has a single column of amounts; a row of bare years names
/// columns (项目 | 2020 | 2021), and a 栏次 row numbering them (1, 2, 3 …) belongs to the
/// header.
pub(super) fn settle_header(t: &mut Table) {
    // (counted up to two, from the cells' kinds alone: every row of a long table is tested,
    // and the first row with two settles it)
    let figures_in = |r: crate::document::RowRef<'_>| {
        (0..r.cells.len())
            .filter(|&c| r.cells.kind(c) == Some(CellKind::Figure))
            .take(2)
            .count()
    };
    let threshold = if t.rows().iter().any(|r| figures_in(r) == 2) {
        2
    } else {
        t.rows().iter().map(figures_in).max().unwrap_or(0)
    };
    let mut header_rows = t
        .rows()
        .iter()
        .position(|r| threshold > 0 && figures_in(r) >= threshold && !r.names_years())
        .unwrap_or(t.rows().len());
    while t
        .rows()
        .get(header_rows)
        .is_some_and(|r| r.is_column_numbering())
    {
        header_rows += 1;
    }
    t.header_rows = header_rows;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tabs (or line breaks) counted in blocks are the tabs there are: lines of every
    /// length around the block's size, tabs at every place (the first and last byte, a
    /// block's edges), and bytes next to a tab's value.
    #[test]
    fn bytes_counted_in_blocks_are_all_there_are() {
        for len in 0..50 {
            for seed in 0..7u32 {
                let line: Vec<u8> = (0..len)
                    .map(|i: u32| match (i * 7 + seed * 3) % (seed + 2) {
                        0 => b'\t',
                        1 => b'\n',
                        2 => 0x0b,
                        _ => b'5',
                    })
                    .collect();
                let naive = line.iter().filter(|&&b| b == b'\t').count();
                assert_eq!(count_byte(&line, b'\t'), naive, "{line:?}");
            }
        }
        assert_eq!(count_byte(&[b'\t'; 33], b'\t'), 33);
        assert_eq!(count_byte(&[b'\n'; 17], b'\n'), 17);
    }

    #[test]
    fn a_long_run_of_tab_rows_reads_row_by_row() {
        let mut text = String::from("表1 支出表\n科目\t合计\t基本\t项目\n");
        for k in 0..1500 {
            match k % 3 {
                0 => text.push_str(&format!("项{k}\t{k}.50\t1\t\t\n")),
                1 => text.push_str(&format!("项{k}\t{k}.25\t-\t说明\n")),
                _ => text.push_str(&format!("项{k}\t{k}\t7\t3\n")),
            }
        }
        let doc = read_text(&text);
        let [t] = doc.tables.as_slice() else {
            panic!("one table: {}", doc.tables.len());
        };
        assert_eq!(t.rows().len(), 1501);
        let widths: Vec<usize> = (1..=3).map(|r| t.cells_of(r).len()).collect();
        assert_eq!(widths, [3, 4, 4]);
        // row 1001 is k = 1000
        let cell = t.cell(1001, 1).expect("a cell");
        let f = cell.figure.and_then(|id| doc.figure(id)).expect("a figure");
        assert_eq!((f.raw, f.line), ("1000.25", 1003));
        assert_eq!(
            f.place,
            Place::Cell {
                table: 0,
                row: 1001,
                col: 1
            }
        );
        let kinds: Vec<CellKind> = t.cells_of(1001).iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                CellKind::Text,
                CellKind::Figure,
                CellKind::Dash,
                CellKind::Text
            ]
        );
        let in_cells = doc
            .figures()
            .filter(|f| matches!(f.place, Place::Cell { .. }))
            .count();
        assert_eq!(in_cells, 500 * 2 + 500 + 500 * 3);
    }

    #[test]
    fn a_large_input_read_partly_on_a_second_thread_reads_as_on_one() {
        // more than a megabyte, and a tab run of more rows than are read on one thread,
        // in 11 chunks (two in a row read there, and the partial last one): cells of every
        // kind, figures kept aside (wide, printed with separators, inside markup),
        // unreadable ones
        let mut text = String::from("表1 支出表\n说明：单位万元。\n科目\t合计\t基本\t项目\n");
        let rows = TWO_THREADS_FROM_ROWS + 2 * CHUNK_ROWS + 77;
        for k in 0..rows {
            let row = match k % 7 {
                0 => format!("项{k}\t{k}.50\t1\t\t\n"),
                1 => format!("项{k}\t{k}.25\t-\t说明\n"),
                2 => format!("项{k}\t<b>{k}</b>\t1,234.5\t12.5%\n"),
                3 => format!("项{k}\t1234567890123456789012{k}\t 7 \t3\n"),
                4 => format!("项{k}\t１２\t1e5\t1234567890123456789012345678901\n"),
                5 => format!("\t\t{k}\n"),
                _ => format!("项{k}\t{k}\t7\t3\n"),
            };
            text.push_str(&row);
        }
        text.push_str("\n合计比上年增长 12.5%。\n\n表2\n甲\t1\n乙\t2\n\n");
        // the rest in lines of text, so that the lines are split on two threads too
        for k in 0.. {
            if text.len() > LINES_ON_TWO_THREADS_FROM + 4096 {
                break;
            }
            text.push_str(&format!(
                "附注{k}：本表数据以万元为单位，较上年增加 {k} 万元\n"
            ));
        }
        assert!(text.len() >= LINES_ON_TWO_THREADS_FROM);
        let source: crate::document::Source = std::sync::Arc::new(text.clone());
        let read = |two_threads: bool| {
            let mut r = Reader::with_threads(&source, source.clone(), two_threads);
            r.run();
            format!("{:?}", r.doc)
        };
        let (two, one) = (read(true), read(false));
        assert!(two == one, "the two readings differ");
        let doc = read_text(&text);
        assert_eq!(doc.tables.len(), 2);
        assert!(doc.figure_count() > 2 * rows && !doc.unreadable.is_empty());
    }

    #[test]
    fn a_row_wrapped_over_lines_keeps_each_figures_own_line() {
        let doc = read_text(
            "表\n地区 | 当月 | 累计 |\n濮阳市 | 10 | 20 |\n| 30 | 40 |\n县级 | 1 | 2 |\n",
        );
        let t = &doc.tables[0];
        let row = t.rows().get(1).unwrap();
        assert_eq!(row.line, 3);
        let texts: Vec<&str> = row.cells.iter().map(|c| c.text).collect();
        assert_eq!(texts, ["濮阳市", "10", "20", "", "30", "40"]);
        let line = |raw: &str| doc.figures().find(|f| f.raw == raw).unwrap().line;
        assert_eq!((line("20"), line("30"), line("2")), (3, 4, 5));
    }

    #[test]
    fn a_plain_cell_reads_as_the_general_reader_reads_it() {
        let pieces = [
            "",
            " ",
            "\u{3000}",
            "12",
            " 12 ",
            "\u{3000}12\u{3000}",
            "\u{a0}5",
            "-12",
            "-",
            "--",
            "—",
            "0.5",
            "1.",
            ".5",
            "-.5",
            "-0",
            "-0.00",
            "007",
            "+5",
            "1e5",
            "12a",
            "1.2.3",
            "1,234",
            "12%",
            "12 %",
            "１２",
            "12万元",
            "类201",
            "a1",
            "IPv6",
            "-x",
            "123456789012345678",
            "-123456789012345678",
            "1234567890123456789",
            "12.345678901234567",
            "0.000000000000000001",
            "99999999999999999.9",
        ];
        let mut plain = 0;
        for piece in pieces {
            // read up to a tab as when the piece stands alone
            let tabbed = format!("{piece}\t1");
            assert_eq!(
                decimal_to_tab(tabbed.as_bytes()),
                plain_decimal(piece.as_bytes()).map(|(m, s)| (piece.len(), m, s)),
                "{piece:?}"
            );
            let general = figure::read_cell_at(piece);
            let text = piece.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
            let Some((lead, t, p)) = plain_cell(piece) else {
                continue;
            };
            plain += 1;
            assert_eq!(t, text, "{piece:?}");
            match p {
                Plain::Blank => assert_eq!(general.kind, CellKind::Blank, "{piece:?}"),
                Plain::Text => {
                    assert_eq!(general.kind, CellKind::Text, "{piece:?}");
                    assert_eq!(general.number, None, "{piece:?}");
                }
                Plain::Figure { mantissa, scale } => {
                    assert_eq!(general.kind, CellKind::Figure, "{piece:?}");
                    assert_eq!(general.unit, None, "{piece:?}");
                    assert_eq!(general.span, (lead, lead + t.len()), "{piece:?}");
                    let n = general.number.unwrap().unwrap();
                    assert!(!n.percent, "{piece:?}");
                    assert_eq!(n.scale, u32::from(scale), "{piece:?}");
                    assert_eq!(n.value.mantissa(), i128::from(mantissa), "{piece:?}");
                    assert_eq!(n.value.scale(), u32::from(scale), "{piece:?}");
                }
            }
        }
        assert_eq!(plain, 20, "the plain path took a different share");
    }

    #[test]
    fn a_tab_table_reads_as_before_through_the_plain_path() {
        // the plain path and the general one side by side: a figure too long for the
        // plain path (19 digits), one with a separator, a dash, markup
        let doc = read_text("项目\t金额\t其他\n合计\t1234567890123456789\t1,234.5\n甲\t-0.50\t—\n乙\t<b>7</b>\t 8 \n");
        let t = &doc.tables[0];
        let raws: Vec<(&str, u32, usize, usize)> = doc
            .figures()
            .map(|f| (f.raw, f.line, f.start, f.end))
            .collect();
        assert_eq!(
            raws,
            [
                ("1234567890123456789", 2, 28, 47),
                ("1,234.5", 2, 48, 55),
                ("-0.50", 3, 60, 65),
                ("7", 4, 77, 78),
                ("8", 4, 84, 85),
            ]
        );
        for f in doc.figures() {
            assert_eq!(doc.source.get(f.start..f.end), Some(f.raw));
        }
        let n = doc.number(2).unwrap();
        assert_eq!((n.value.to_string(), n.scale), ("-0.50".to_string(), 2));
        assert_eq!(t.cell(2, 2).unwrap().kind, CellKind::Dash);
        assert_eq!(t.cell(3, 1).unwrap().text, "7");
        assert_eq!(t.cell(3, 2).unwrap().text, "8");
    }

    #[test]
    fn a_sentence_continues_across_a_page_break() {
        let doc = read_text("本年支出 18470.59 万元，增加 5,347.87 万元，增长\n\n40.75%，主要原因是。\n\n下一段。\n");
        assert_eq!(doc.paragraphs.len(), 2);
        let p = &doc.paragraphs[0];
        assert!(p.text.contains("增长40.75%"), "{}", p.text);
        let f = doc.figures().find(|f| f.raw == "40.75%").unwrap();
        assert_eq!(f.line, 3);
        assert_eq!(&doc.source[f.start..f.end], "40.75%");
    }

    #[test]
    fn a_saved_pages_latin_header_does_not_run_on_into_its_text() {
        // a saved page's header, then a 三公 table printed one cell per line (宁国市交通运输局's
        // 2013 account, siseiken.net): the header is a paragraph of its own and the table
        // is read
        let head = "source: https://siseiken.net/OpennessContent/show/875326.html\npartial: no\n\n";
        let body = "2013年“三公”经费财政拨款支出决算表\n(单位:万元)\n项目\n决算数\n合计\n60.6\n\
                    因公出国(境)费\n0\n公务接待费\n28.1\n公务用车购置及运行费\n32.5\n";
        let doc = read_text(&format!("{head}{body}"));
        assert_eq!(doc.tables.len(), 1);
        let header = doc.paragraphs.first().map(|p| p.text.as_str());
        let want = "source: https://siseiken.net/OpennessContent/show/875326.html partial: no";
        assert_eq!(header, Some(want));
        // Latin text broken by a page break still reads as one paragraph
        let doc = read_text("Total spending rose by\n\n12 percent this year.\n");
        assert_eq!(doc.paragraphs.len(), 1);
    }

    #[test]
    fn a_page_number_between_pages_is_skipped() {
        let doc = read_text("财政拨款收入年初预算数\n\n- 12 -\n\n8,720.18万元。\n");
        assert_eq!(doc.paragraphs.len(), 1);
        assert_eq!(doc.figure_count(), 1);
        assert_eq!(doc.figure(0).unwrap().line, 5);
    }

    #[test]
    fn tab_tables_with_markup_blank_cells_and_two_header_rows() {
        let text = "附表 1\n\n汇总表\n\n序号\t项目\t年初预算数\t\t执行数\n\t\t合计\t其他\t\n\t<b>合计</b>\t<b>12,011</b>\t<b>-</b>\t<b>11,193</b>\n1\t甲\t1,000\t\t959.61\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert_eq!(t.caption, "附表 1 汇总表");
        assert_eq!(t.header_rows, 2);
        assert_eq!(t.column_header(2), "年初预算数/合计");
        assert_eq!(t.column_header(3), "年初预算数/其他");
        assert_eq!(t.row_label(2), "合计");
        assert_eq!(t.cell(2, 3).unwrap().kind, CellKind::Dash);
        assert_eq!(t.cell(3, 3).unwrap().kind, CellKind::Blank);
        let id = t.figure(2, 2).unwrap();
        let f = doc.figure(id).unwrap();
        assert_eq!(f.raw, "12,011");
        assert_eq!(f.line, 7);
        assert_eq!(&doc.source[f.start..f.end], "12,011");
    }

    #[test]
    fn pipe_tables_and_tables_continuing_after_a_page_break() {
        let text = "| 项目 | 金额 | 占比 |\n|---|---|---|\n| 合计 | 2911.47 | 100% |\n\n- 3 -\n\n| 甲 | 2000 | 68.69% |\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert_eq!(t.rows().len(), 3);
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.rows().get(2).unwrap().line, 7);
        let f = doc.figure(t.figure(1, 1).unwrap()).unwrap();
        assert_eq!(&doc.source[f.start..f.end], "2911.47");
    }

    #[test]
    fn a_row_of_bare_years_names_the_columns() {
        // a city yearbook's revenue table (广州统计年鉴 6-3) as a spreadsheet saves it
        let text = "项目\t2020\t2021\n地方财政收入合计\t42374332\t43079643\n\
                    一般公共预算收入\t17227892\t18842570\n政府性基金收入\t25146440\t24237073\n";
        let doc = read_text(text);
        let t = &doc.tables[0];
        assert_eq!((t.header_rows, t.header(2).as_ref()), (1, "2021"));
        let sums = crate::checks::reported(text, "total-row");
        let pass = |v: &str| (v.to_string(), "pass".to_string());
        assert_eq!(sums, [pass("42374332"), pass("43079643")]);
        // a year twice, or a figure that is no year, is a row of amounts
        for row in [
            "项目\t2020\t2020\n",
            "项目\t2020\t20210\n",
            "项目\t2020\t2021.5\n",
        ] {
            let doc = read_text(&text.replacen("项目\t2020\t2021\n", row, 1));
            assert_eq!(doc.tables[0].header_rows, 0, "{row}");
        }
    }

    #[test]
    fn a_pipe_row_without_its_leading_bar_keeps_its_figures_places() {
        // as a web page's table copies out (a city's monthly revenue table)
        let text =
            "单位:万元\n项目 | 本年 | 上年 |\n合计 | 30 | 20 |\n甲 | 10 | 5 |\n乙 | 20 | 15 |\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        for (row, col, raw) in [(1, 1, "30"), (1, 2, "20"), (3, 2, "15")] {
            let f = doc.figure(t.figure(row, col).unwrap()).unwrap();
            assert_eq!((f.raw, &doc.source[f.start..f.end]), (raw, raw));
        }
    }

    #[test]
    fn a_table_drawn_in_box_characters_is_a_pipe_table() {
        // a Taiwan central budget's plain-text table (1999), abridged
        let text = "                    單位:新台幣百萬元\n─────────────┬───────┬───────\n    項              目    │本 次 預 算 數│ 上年度預算數\n─────────────┼───────┼───────\n一、歲    入    合    計  │   3,160,840  │   2,503,949\n  1.稅課及專賣收入        │   2,053,747  │   1,400,279\n                          │              │\n  2.其他收入              │   1,107,093  │   1,103,670\n─────────────┴───────┴───────\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert_eq!(t.rows().len(), 4);
        assert_eq!(t.header_rows, 1);
        let f = doc.figure(t.figure(3, 2).unwrap()).unwrap();
        assert_eq!(
            (f.raw, &doc.source[f.start..f.end]),
            ("1,103,670", "1,103,670")
        );
        assert!(doc.paragraphs.iter().all(|p| !p.text.contains('─')));
    }

    #[test]
    fn a_drawn_tables_header_of_spanning_names_and_heading_rows_stay_in_it() {
        // a Taiwan central budget's analysis table (2004), abridged: a rule holding the row
        // header's name, a row of names spanning two columns each, a heading row with one
        // cell filled; the names spanning columns are spread over the columns their part of
        // the rule below splits into (`┬`), so each column below takes its group's name
        let text = "────────────┬───────────┬───────────\n            │  本 年 度 預 算 數 │ 本年度與上年度比較\n 項        目 ├───────┬───┼───────┬───\n            │ 金   額 │百分比│ 金   額 │增加率\n────────────┼───────┼───┼───────┼───\n一、經常門       │       │   │       │\n (一)歲入       │ 1,295,182,922│ 100.0│  26,024,347│  2.1\n  1.直接稅收入    │  532,989,000│ 41.2│  -27,889,000│ -5.0\n  2.間接稅收入    │  762,193,922│ 58.8│  53,913,347│ 7.6\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert!(t.drawn);
        assert_eq!(t.header_rows, 3);
        assert_eq!(t.column_header(4), "本年度與上年度比較/增加率");
        assert_eq!(t.column_header(2), "本年度預算數/百分比");
        assert_eq!(t.column_header(1), "本年度預算數/金額");
        assert_eq!(t.row_label(2), "一、經常門");
        // the rate column is no sum of its rows: no relation fails
        let report = crate::check_str(text).unwrap();
        assert_eq!(report.summary.errors, 0, "{:?}", report.checks);
        assert!(report.summary.checked >= 2, "{:?}", report.summary);
    }

    #[test]
    fn a_row_of_names_that_does_not_fit_the_rule_below_is_left_as_it_is() {
        // three names over a rule of two spans: which name spans what is not known
        let text = "            │  甲 │ 乙 │ 丙\n 項 目 ├───┬───┼───┬───\n            │ 金額 │百分比│ 金額 │增加率\n────┼───┼───┼───┼───\n一、合計 │ 100│ 100.0│  20│  2.1\n";
        let doc = read_text(text);
        let t = &doc.tables[0];
        assert_eq!(t.column_header(1), "金額");
        assert_eq!(t.column_header(4), "增加率");
    }

    #[test]
    fn figures_alone_on_their_lines_stay_apart_and_a_bare_number_among_them_is_one() {
        // a school's self-evaluation copied one cell per line (lfsp.cn): a row of a
        // template that does not read as a table stays a row of figures, its small
        // integers (分值 10, 得分 9) cells rather than page numbers
        let raws = |text: &str| -> Vec<String> {
            let doc = read_text(text);
            let raws: Vec<String> = (0..doc.figure_spans().len())
                .filter_map(|id| doc.figure(id).map(|f| f.raw.to_string()))
                .collect();
            raws
        };
        let row = "年度资金总额\n\n43.2\n\n43.2\n\n37.24\n\n10\n\n86%\n\n9\n\n其中:当年财政拨款\n";
        assert_eq!(raws(row), ["43.2", "43.2", "37.24", "10", "86%", "9"]);
        // a page number between lines of words, or after one figure, is a page number
        let pages = "收入情况如下\n\n12\n\n支出情况\n\n合计 43.2\n\n13\n\n说明\n";
        assert_eq!(raws(pages), ["43.2"]);
        // a number wrapped inside a sentence is one number
        assert_eq!(raws("支出决算为1234.\n56万元。\n"), ["1234.56"]);
    }

    #[test]
    fn tables_printed_one_cell_per_line() {
        let text = "表 3 三公经费\n\n项目\n\n预算数\n\n决算数\n\n合计\n\n308\n\n244.5\n\n公务接待费\n\n2\n\n0.6\n\n说明文字。\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert_eq!(t.rows().len(), 3);
        assert_eq!(t.column_header(2), "决算数");
        assert_eq!(t.row_label(1), "合计");
        let f = doc.figure(t.figure(2, 2).unwrap()).unwrap();
        assert_eq!((f.raw, f.line), ("0.6", 19));
        assert_eq!(t.caption, "表 3 三公经费");
        assert_eq!(doc.paragraphs.last().unwrap().text, "说明文字。");
        // short lines that do not form rows stay text
        let doc = read_text("收入\n\n100\n\n支出情况如下\n");
        assert!(doc.tables.is_empty());
    }

    #[test]
    fn items_left_blank_at_the_end_of_a_table_one_cell_per_line_are_its_rows() {
        // a county office's 2018 "三公" budget as its page copies out (宣州区审计局,
        // www.xuanzhou.gov.cn/OpennessContent/show/1419978.html): the last items have no
        // amount printed, and a numbered heading follows
        let text =
            "项目\n预算数(万元)\n合计\n3.1\n因公出国(境)费\n0\n公务接待费\n公务用车购置及运行费\n\
                    二、2018年“三公”经费支出预算情况说明\n公务接待费支出预算为3.1万元。\n";
        let doc = read_text(text);
        let labels: Vec<&str> = doc.tables[0]
            .rows()
            .iter()
            .map(|r| r.cells.first().map_or("", |c| c.text))
            .collect();
        assert_eq!(
            labels,
            [
                "项目",
                "合计",
                "因公出国(境)费",
                "公务接待费",
                "公务用车购置及运行费"
            ]
        );
        assert!(doc.paragraphs.iter().any(|p| p.text.contains("情况说明")));
        // the total is not failed for what the blanks may hold
        let sums = crate::checks::reported(text, "total-row");
        assert_eq!(sums, [("3.1".to_string(), "unchecked".to_string())]);
        // as they are where the text ends
        let end = text.get(..text.find("二、").unwrap_or(0)).unwrap_or("");
        assert_eq!(read_text(end).tables[0].rows().len(), 5);
        // short lines other than a heading after them are text, and so is a note
        for after in ["以上数据\n", "注:无\n"] {
            let other = text.replace("二、2018年“三公”经费支出预算情况说明\n", after);
            let doc = read_text(&other);
            assert_eq!(doc.tables[0].rows().len(), 3, "{after}");
        }
    }

    #[test]
    fn a_table_one_cell_per_line_ends_at_its_last_full_row_and_keeps_items_left_blank() {
        // modelled on a county's revenue budget (炎陵县 2016) and a district's 三公 table
        // (烈山区 2023) as their pages copy out: an item printed with no amount, and short
        // lines of text after the table
        let text = "(单位:万元)\n项目\n预算数\n合计\n30\n甲、其他收入\n乙\n10\n丙\n20\n\
                    注:\n无\n以上数据\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        let rows: Vec<Vec<&str>> = t
            .rows()
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text).collect())
            .collect();
        assert_eq!(
            rows,
            [
                ["项目", "预算数"],
                ["合计", "30"],
                ["甲、其他收入", ""],
                ["乙", "10"],
                ["丙", "20"]
            ]
        );
        assert_eq!(t.caption, "(单位:万元)");
        // what follows its last full row is text
        assert!(doc.paragraphs.iter().any(|p| p.text.contains("以上数据")));
        let sums = crate::checks::reported(text, "total-row");
        assert_eq!(sums, [("30".to_string(), "pass".to_string())]);
        // a row with some of its figures but not all ends it; two labels alone do too
        let short = "项目\n上年\n本年\n合计\n30\n40\n乙\n10\n20\n丙\n20\n丁\n1\n2\n";
        let doc = read_text(short);
        assert_eq!(
            doc.tables
                .iter()
                .map(|t| t.rows().len())
                .collect::<Vec<_>>(),
            [3]
        );
        let two = text.replace("甲、其他收入\n", "甲、其他收入\n戊、其他\n");
        assert!(read_text(&two).tables.iter().all(|t| t.rows().len() < 4));
        // a bar on a line of its own names nothing (the bar layout's reader reads it)
        let bars = "“三公”经费决算表（单位：万元）\n\n项目\n|\n预算数\n|\n决算数\n|\n合计\n|\n\
                    30\n|\n28\n|\n乙\n|\n10\n|\n8\n|\n丙\n|\n20\n|\n20\n|\n";
        let doc = read_text(bars);
        let labels: Vec<&str> = doc
            .tables
            .iter()
            .flat_map(|t| (0..t.rows().len()).map(|r| t.row_label(r)))
            .collect();
        assert_eq!(labels, ["项目", "合计", "乙", "丙"]);
    }

    #[test]
    fn the_sample_reads_as_its_ten_tables_and_its_paragraphs() {
        let doc = read_text(include_str!(
            "../../samples/2019-xinjiang-government-office-final-accounts.txt"
        ));
        assert_eq!(doc.tables.len(), 10);
        let t = &doc.tables[0];
        assert_eq!(
            (t.rows().get(0).unwrap().line, t.rows().last().unwrap().line),
            (189, 208)
        );
        assert!(t.caption.contains("附表 1"), "{}", t.caption);
        // 附表7 has a blank line inside (line 407)
        assert!(doc.tables[6].rows().iter().any(|r| r.line == 408));
        // "增长\n\n40.75%" and "（平\n\n方米）" read as one sentence each
        assert!(doc.paragraphs.iter().any(|p| p.text.contains("增长40.75%")));
        assert!(doc
            .paragraphs
            .iter()
            .any(|p| p.text.contains("115657.75（平方米）")));
    }

    #[test]
    fn a_boundary_line_ends_a_table() {
        let text = "项目\t金额\t\n甲\t1\t\n合计\t1\t\n\n\u{1e}\n\n项目\t金额\t\n乙\t2\t\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 2);
        let doc = read_text(&text.replace("\u{1e}", ""));
        assert_eq!(
            doc.tables.len(),
            1,
            "without it, a blank line is a page break"
        );
    }

    #[test]
    fn headings_set_the_section_of_what_follows() {
        let doc = read_text("## 二、收入决算情况说明\n\n本年收入14209.74万元。\n");
        assert_eq!(
            doc.paragraphs[1].section.as_deref(),
            Some("二、收入决算情况说明")
        );
    }

    #[test]
    fn lines_of_an_html_input_are_its_own() {
        let html = "<html><body>\n<p>本年收入\n14209.74万元。</p>\n<table>\n<tr><th>项目</th><th>金额</th></tr>\n<tr>\n<td>合计</td>\n<td>30.75</td>\n</tr></table></body></html>";
        let doc = read_str(html).unwrap();
        let f = doc.figures().find(|f| f.raw == "30.75").unwrap();
        assert_eq!(f.line, 8);
        assert_eq!(doc.tables[0].rows().get(1).unwrap().line, 6);
        let f = doc.figures().find(|f| f.raw == "14209.74").unwrap();
        assert_eq!(
            f.line, 2,
            "a paragraph's figures take the line where its text starts"
        );
    }

    #[test]
    fn an_owned_string_reads_as_the_same_document() {
        let sample =
            include_str!("../../samples/2019-xinjiang-government-office-final-accounts.txt");
        for text in [sample, "<p>本年收入 1 万元</p>", "项目\t金额\n合计\t1\n"] {
            let a = read_str(text).unwrap();
            let b = read_string(text.to_string()).unwrap();
            assert_eq!(a.source, b.source);
            assert!(a.figures().eq(b.figures()));
            assert_eq!(a.tables, b.tables);
            assert_eq!(a.line_starts, b.line_starts);
        }
        assert_eq!(read_string(" \n".into()).unwrap_err(), ReadError::Empty);
    }

    #[test]
    fn unusable_input_is_an_error() {
        assert_eq!(read_bytes(b"\xff\xfe\x00").unwrap_err(), ReadError::NotText);
        assert_eq!(read_bytes(b"  \n").unwrap_err(), ReadError::Empty);
        assert!(read_bytes("\u{feff}本年收入1万元".as_bytes()).is_ok());
    }
}
