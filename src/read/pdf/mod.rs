//! Layout reconstruction: positioned text items (what pdf.js or a native PDF reader
//! extracts) → the text form the reader turns into a [`Document`]: paragraphs as lines,
//! tables as tab-separated rows.
//!
//! A PDF has no paragraphs or tables, only runs of glyphs at positions. Per page:
//!
//! 1. Spacer items (blank, height 0) are dropped; an item where WPS 表格 ran a
//!    right-aligned number into the next label (`96,282,213.44 一、公共安全支出`) is split
//!    where the number meets the words; items touching on one baseline (`12.08` + `%`,
//!    `202` + `3`) are joined into chunks, and a wide gap separates chunks.
//! 2. Chunks form rows by vertical overlap of their boxes, so a figure printed a few
//!    points above its label, or between the two lines of a wrapped label, joins that row.
//! 3. Rows of two or more chunks are tabular; a table is a run of them (with the short
//!    header fragments just above). Its columns are the bands where the chunks of its body
//!    rows overlap horizontally (number right edges drift, label left edges vary: the union
//!    of their extents is what stays apart); a chunk goes to the band it overlaps most.
//!    Header fragments spanning several bands form an upper header row over the leftmost
//!    of them; the others are joined per band into the leaf header row. A wrapped label
//!    line with nothing else on its row is merged into the row above. A table at the top
//!    of a page without a header of its own continues the previous page's table in its
//!    columns.
//! 4. Page furniture — page numbers and lines repeated at the top or bottom of many
//!    pages — is removed; the other rows are text lines, with a blank line where a
//!    paragraph ends (indent, short line, wide gap) and numbered headings marked as such.
//!
//! Positions are layout geometry, not figures, so they are `f64`; every figure is read
//! from the text later, exactly.

use crate::document::Document;
use crate::figure::{self, CellKind};
use crate::read::{read_text, ReadError, BOUNDARY};
use crate::sort::sort_by;
use crate::IntoVec;

/// One positioned run of text, as a PDF text extractor gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The text.
    pub text: String,
    /// Left edge of the run (its origin), in PDF points.
    pub x: f64,
    /// Baseline, in PDF points, growing upwards.
    pub y: f64,
    /// Advance width of the run.
    pub width: f64,
    /// Font size (the text's height); 0 for pdf.js's spacers.
    pub height: f64,
    /// The font's name as the extractor reports it.
    pub font: String,
    /// 1-based page number.
    pub page: u32,
}

/// The reconstructed text and where each of its lines came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Paragraph lines and tab-separated table rows, pages in order.
    pub text: String,
    /// The 1-based page of each line of `text` (index = line − 1).
    pub pages: Vec<u32>,
    /// The 1-based line of each table's first body row (below its header).
    pub body_starts: Vec<u32>,
}

/// Most pages a document may have; more is refused rather than read slowly.
pub const MAX_PAGES: u32 = 5000;
/// Most items read; more is refused.
pub const MAX_ITEMS: usize = 2_000_000;

/// Reads positioned items into a document. Every figure carries its page.
pub fn read_items(items: &[Item]) -> Result<Document, ReadError> {
    if items.len() > MAX_ITEMS {
        return Err(ReadError::TooLarge {
            size: items.len().saturating_mul(16),
        });
    }
    let layout = layout(items);
    if layout.text.trim().is_empty() {
        return Err(ReadError::NoTextLayer);
    }
    let mut doc = read_text(&layout.text);
    // the header is known from the layout: a two-sided table's first rows carry one
    // figure each, which the text reader would take for more header
    for t in &mut doc.tables {
        let body = t
            .rows()
            .iter()
            .position(|r| layout.body_starts.binary_search(&r.line).is_ok());
        if let Some(r) = body {
            t.header_rows = r;
        }
    }
    for id in 0..doc.figure_count() {
        let page = doc.figure(id).and_then(|f| {
            layout
                .pages
                .get((f.line as usize).saturating_sub(1))
                .copied()
        });
        doc.set_page(id, page);
    }
    doc.line_pages = layout.pages;
    Ok(doc)
}

/// A run of items on one baseline with no wide gap inside.
#[derive(Debug, Clone)]
struct Chunk {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    h: f64,
}

impl Chunk {
    fn top(&self) -> f64 {
        self.y + 0.8 * self.h
    }
}

/// Chunks sharing a vertical extent: one text line, or one table row.
#[derive(Debug, Clone)]
struct RowGroup {
    chunks: Vec<Chunk>,
    bottom: f64,
    /// Baseline of its lowest-reaching chunk for text lines, kept for gaps.
    y: f64,
    h: f64,
}

impl RowGroup {
    fn x0(&self) -> f64 {
        self.chunks
            .iter()
            .map(|c| c.x0)
            .fold(f64::INFINITY, f64::min)
    }
    fn x1(&self) -> f64 {
        self.chunks
            .iter()
            .map(|c| c.x1)
            .fold(f64::NEG_INFINITY, f64::max)
    }
    fn text(&self, sep: &str) -> String {
        self.chunks
            .iter()
            .map(|c| c.text.as_str())
            .into_vec()
            .join(sep)
    }
}

/// Reconstructs the text form of the items.
pub fn layout(items: &[Item]) -> Layout {
    let mut by_page: Vec<(u32, Vec<&Item>)> = Vec::new();
    let mut sorted: Vec<&Item> = items
        .iter()
        .filter(|i| {
            i.page >= 1
                && i.page <= MAX_PAGES
                && i.height.is_finite()
                && i.height > 0.0
                && i.x.is_finite()
                && i.y.is_finite()
                && i.width.is_finite()
                && !i.text.trim().is_empty()
        })
        .into_vec();
    sort_by(&mut sorted, |a, b| a.page.cmp(&b.page));
    for it in sorted {
        match by_page.last_mut() {
            Some((p, v)) if *p == it.page => v.push(it),
            _ => by_page.push((it.page, vec![it])),
        }
    }
    let pages: Vec<(u32, Vec<RowGroup>)> = by_page
        .into_iter()
        .map(|(p, items)| (p, rows_of(&chunks_of(&items))))
        .into_vec();
    let furniture = Furniture::find(&pages);
    let mut out = Writer::default();
    let mut carried: Option<Vec<Band>> = None;
    for (page, rows) in &pages {
        let n = rows.len();
        let rows: Vec<&RowGroup> = rows
            .iter()
            .enumerate()
            .filter(|(i, r)| !furniture.is_furniture(r, *i == 0 || i + 1 == n))
            .map(|(_, r)| r)
            .into_vec();
        carried = write_page(&mut out, *page, &rows, carried);
        out.blank(*page);
    }
    out.finish()
}

#[derive(Default)]
struct Writer {
    text: String,
    pages: Vec<u32>,
    /// The last line written was a table row.
    last_table: bool,
    /// The header of the last table written (upper and leaf cells).
    last_header: Option<Vec<String>>,
    body_starts: Vec<u32>,
}

impl Writer {
    fn line(&mut self, page: u32, s: &str) {
        let clean: String = s
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        self.text.push_str(&clean);
        self.text.push('\n');
        self.pages.push(page);
        if !clean.is_empty() {
            self.last_table = false;
        }
    }
    fn blank(&mut self, page: u32) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.line(page, "");
        }
    }
    fn finish(self) -> Layout {
        Layout {
            text: self.text,
            pages: self.pages,
            body_starts: self.body_starts,
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF01..=0xFF5E)
}

fn number_like(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '%'))
        && t.chars().any(|c| c.is_ascii_digit())
}

/// Splits an item where WPS 表格 ran a right-aligned number into what follows
/// (`96,282,213.44 一、公共安全支出`, `10,823,891.00 1,467,842.00`, `一、一般公共预算资金
/// 91,016,775.35 一、一般公共服务支出`): at a space after a number, when words or another
/// number follow. Each piece gets the share of the item's
/// width its glyphs take (CJK one em, others half).
fn split_number_label(it: &Item) -> Vec<Chunk> {
    // an amount written straight against the next label (a native reader gives no space)
    let mut spaced = String::with_capacity(it.text.len() + 4);
    let mut run = String::new();
    for c in it.text.trim().chars() {
        if is_cjk(c) && run.contains(&['.', ','][..]) && number_like(&run) {
            spaced.push(' ');
        }
        if c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '%') {
            run.push(c);
        } else {
            run.clear();
        }
        spaced.push(c);
    }
    let text = spaced.as_str();
    let whole = Chunk {
        text: text.to_string(),
        x0: it.x,
        x1: it.x + it.width.max(0.0),
        y: it.y,
        h: it.height,
    };
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).into_vec();
    // pieces: a number stands alone; other words join the words around them
    let mut pieces: Vec<String> = Vec::new();
    let mut prev_number = false;
    for w in &words {
        let num = number_like(w);
        let starts_new = prev_number && (num || w.chars().next().is_some_and(is_cjk))
            || (num && !pieces.is_empty());
        match pieces.last_mut() {
            Some(p) if !starts_new => {
                p.push(' ');
                p.push_str(w);
            }
            _ => pieces.push((*w).to_string()),
        }
        prev_number = num;
    }
    // a label, an amount and the next label in one run ("一、一般公共预算资金 91,016,775.35
    // 一、一般公共服务支出"): three cells, when the amount has separators and decimals
    let amount = |w: &str| number_like(w) && w.contains(',') && w.contains('.');
    let label_amount_label = words.windows(3).any(|w| {
        matches!(w, [a, n, b] if !number_like(a) && amount(n)
            && b.chars().next().is_some_and(is_cjk))
    });
    if pieces.len() < 2 || !(words.first().is_some_and(|w| number_like(w)) || label_amount_label) {
        return vec![whole];
    }
    let ems = |s: &str| -> f64 { s.chars().map(|c| if is_cjk(c) { 1.0 } else { 0.5 }).sum() };
    let gap = 0.5;
    let total: f64 = pieces.iter().map(|p| ems(p)).sum::<f64>() + gap * (pieces.len() - 1) as f64;
    if total <= 0.0 {
        return vec![whole];
    }
    let scale = (whole.x1 - whole.x0) / total;
    let mut x = whole.x0;
    pieces
        .into_iter()
        .map(|p| {
            let w = ems(&p) * scale;
            let c = Chunk {
                text: p,
                x0: x,
                x1: x + w,
                y: it.y,
                h: it.height,
            };
            x += w + gap * scale;
            c
        })
        .into_vec()
}

/// Joins items on one baseline that touch into chunks.
fn chunks_of(items: &[&Item]) -> Vec<Chunk> {
    // each item whole, and split where a number runs into what follows
    let mut pieces: Vec<(Chunk, Vec<Chunk>)> = items
        .iter()
        .filter(|i| i.text.chars().all(|c| !c.is_control() || c == '\t'))
        .map(|i| {
            let clean = Item {
                text: i.text.replace('\t', " "),
                ..(*i).clone()
            };
            let split = split_number_label(&clean);
            let whole = Chunk {
                text: clean.text.trim().to_string(),
                x0: i.x,
                x1: i.x + i.width.max(0.0),
                y: i.y,
                h: i.height,
            };
            (whole, split)
        })
        .into_vec();
    // by baseline, then left to right
    sort_by(&mut pieces, |a, b| {
        b.0.y
            .total_cmp(&a.0.y)
            .then(a.0.x0.total_cmp(&b.0.x0))
            .then(a.0.text.cmp(&b.0.text))
    });
    let mut lines: Vec<Vec<(Chunk, Vec<Chunk>)>> = Vec::new();
    for p in pieces {
        match lines.last_mut() {
            Some(l)
                if l.first()
                    .is_some_and(|f| (f.0.y - p.0.y).abs() <= 0.15 * f.0.h.min(p.0.h)) =>
            {
                l.push(p)
            }
            _ => lines.push(vec![p]),
        }
    }
    let mut out = Vec::new();
    for mut l in lines {
        sort_by(&mut l, |a, b| a.0.x0.total_cmp(&b.0.x0));
        // only in a line laid out as cells (a wide gap somewhere) is a number run into
        // the next words a merge of two cells; in running text it is "2024 年度"
        let tabular = l
            .windows(2)
            .any(|w| matches!(w, [a, b] if b.0.x0 - a.0.x1 > a.0.h.max(b.0.h).max(6.0)));
        let l: Vec<Chunk> = l
            .into_iter()
            .flat_map(|(whole, split)| if tabular { split } else { vec![whole] })
            .into_vec();
        let mut cur: Option<Chunk> = None;
        for p in l {
            cur = Some(match cur {
                None => p,
                Some(mut c) => {
                    let gap = p.x0 - c.x1;
                    let h = c.h.max(p.h);
                    // an amount (with separators or decimals) straight against words is
                    // two cells even without a gap: a native reader gives no space
                    let tail: String = c
                        .text
                        .chars()
                        .rev()
                        .take_while(|x| x.is_ascii_digit() || matches!(x, ',' | '.'))
                        .collect();
                    let amount_tail = tail.contains(&['.', ','][..])
                        && tail.starts_with(|x: char| x.is_ascii_digit());
                    let starts_cjk = p.text.chars().next().is_some_and(is_cjk);
                    let number_then_words = tabular
                        && ((gap > 0.3 * h
                            && c.text.chars().last().is_some_and(|x| x.is_ascii_digit())
                            && p.text
                                .chars()
                                .next()
                                .is_some_and(|x| is_cjk(x) || x.is_ascii_digit()))
                            || (amount_tail && starts_cjk));
                    // two headings a short gap apart in a row of cells (基本支出 项目支出,
                    // 0.9 em): two cells; letter-spaced words keep under ¾ em
                    let words_apart = tabular
                        && gap > 0.75 * h
                        && c.text.chars().last().is_some_and(is_cjk)
                        && starts_cjk;
                    if gap > h.max(6.0) || number_then_words || words_apart {
                        out.push(c);
                        p
                    } else {
                        let latin =
                            |ch: Option<char>| ch.is_some_and(|ch| ch.is_ascii_alphanumeric());
                        if gap > 0.2 * h
                            && latin(c.text.chars().last())
                            && latin(p.text.chars().next())
                        {
                            c.text.push(' ');
                        }
                        c.text.push_str(&p.text);
                        c.x1 = c.x1.max(p.x1);
                        c.h = h;
                        c
                    }
                }
            });
        }
        out.extend(cur);
    }
    out
}

/// Groups chunks into rows by overlapping vertical extents.
fn rows_of(chunks: &[Chunk]) -> Vec<RowGroup> {
    let mut sorted: Vec<Chunk> = chunks.to_vec();
    sort_by(&mut sorted, |a, b| {
        b.top().total_cmp(&a.top()).then(a.x0.total_cmp(&b.x0))
    });
    let mut rows: Vec<RowGroup> = Vec::new();
    for c in sorted {
        match rows.last_mut() {
            Some(r) if c.top() > r.bottom => {
                r.bottom = r.bottom.min(c.y);
                if c.y < r.y {
                    r.y = c.y;
                }
                r.h = r.h.max(c.h);
                r.chunks.push(c);
            }
            _ => rows.push(RowGroup {
                bottom: c.y,
                y: c.y,
                h: c.h,
                chunks: vec![c],
            }),
        }
    }
    for r in &mut rows {
        // reading order: left to right, then top to bottom within a column
        sort_by(&mut r.chunks, |a, b| {
            a.x0.total_cmp(&b.x0).then(b.y.total_cmp(&a.y))
        });
    }
    rows
}

/// Page numbers and lines repeated at the top or bottom of many pages.
struct Furniture {
    repeated: Vec<String>,
}

fn furniture_key(r: &RowGroup) -> String {
    crate::figure::kept(&r.text(""), |c| !c.is_whitespace() && !c.is_ascii_digit())
}

fn is_page_number(t: &str) -> bool {
    let core = crate::figure::unspaced(t);
    let core = core
        .trim_matches(|c: char| matches!(c, '-' | '—' | '－' | '–'))
        .trim_start_matches('第')
        .trim_end_matches('页');
    !core.is_empty()
        && core.chars().count() <= 9
        && core.chars().any(|c| c.is_ascii_digit())
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '共' | '页' | '第'))
}

impl Furniture {
    fn find(pages: &[(u32, Vec<RowGroup>)]) -> Furniture {
        let mut counts: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
        for (_, rows) in pages {
            // the top and the bottom row of the page
            let mut edge: Vec<String> = rows
                .first()
                .into_iter()
                .chain(rows.last().filter(|_| rows.len() > 1))
                .map(furniture_key)
                .filter(|k| k.chars().count() >= 2)
                .into_vec();
            edge.dedup();
            for k in edge {
                *counts.entry(k).or_default() += 1;
            }
        }
        let need = (pages.len() / 2).max(3);
        Furniture {
            repeated: counts
                .into_iter()
                .filter(|(_, n)| *n >= need)
                .map(|(k, _)| k)
                .into_vec(),
        }
    }

    fn is_furniture(&self, r: &RowGroup, at_edge: bool) -> bool {
        if !at_edge {
            return false;
        }
        let text = r.text("");
        // a repeated table header is not furniture: only lines of one piece are
        is_page_number(&text) || (r.chunks.len() == 1 && self.repeated.contains(&furniture_key(r)))
    }
}

/// A column of a table: the horizontal extent its cells share.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Band {
    x0: f64,
    x1: f64,
}

impl Band {
    fn overlap(&self, c: &Chunk) -> f64 {
        (self.x1.min(c.x1) - self.x0.max(c.x0)).max(0.0)
    }
    fn distance(&self, c: &Chunk) -> f64 {
        ((self.x0 + self.x1) / 2.0 - (c.x0 + c.x1) / 2.0).abs()
    }
}

/// The band a chunk belongs to: the one it overlaps most, else the nearest.
fn band_of(bands: &[Band], c: &Chunk) -> usize {
    let mut best = (0usize, -1.0f64);
    for (i, b) in bands.iter().enumerate() {
        let o = b.overlap(c);
        if o > best.1 {
            best = (i, o);
        }
    }
    if best.1 > 0.0 {
        return best.0;
    }
    let mut near = (0usize, f64::INFINITY);
    for (i, b) in bands.iter().enumerate() {
        let d = b.distance(c);
        if d < near.1 {
            near = (i, d);
        }
    }
    near.0
}

/// A title, unit or compiler line printed above a table.
fn is_title_row(r: &RowGroup) -> bool {
    let t = crate::figure::unspaced(&r.text(""));
    t.contains("单位：")
        || t.contains("单位:")
        || t.contains("编制部门")
        || t.contains("编制单位")
        || (t.starts_with("公开") && t.ends_with('表'))
        || (r.chunks.len() == 1 && t.ends_with('表') && t.chars().count() > 3)
}

fn is_figure_text(t: &str) -> bool {
    matches!(figure::read_cell(t).0, CellKind::Figure)
}

/// A figure that is an amount rather than a code or a column number: it has a decimal
/// point or separators, or stands right of some words in its row.
fn has_amount(r: &RowGroup) -> bool {
    let mut seen_words = false;
    for c in &r.chunks {
        let t = c.text.trim();
        if is_figure_text(t) {
            if seen_words || t.contains(&['.', ',', '%'][..]) {
                return true;
            }
        } else if t.chars().any(|c| !c.is_ascii_digit() && !c.is_whitespace()) {
            seen_words = true;
        }
    }
    false
}

fn is_numbering_row(r: &RowGroup) -> bool {
    r.chunks.iter().any(|c| {
        let t = crate::figure::unspaced(&c.text);
        t == "栏次" || t == "行次"
    }) && r
        .chunks
        .iter()
        .filter(|c| c.text.trim().bytes().all(|b| b.is_ascii_digit()))
        .count()
        >= 2
}

fn is_tabular(r: &RowGroup) -> bool {
    r.chunks.len() >= 2 && !is_title_row(r)
}

/// Marks the rows of a page that belong to tables: runs of tabular rows, the rows between
/// them (one-sided lines of a two-sided table, wrapped labels), and the short header
/// fragments just above. Returns `(start, end)` row ranges.
fn table_regions(rows: &[&RowGroup], carried: bool) -> Vec<(usize, usize)> {
    let stop = |r: &RowGroup| {
        let t = r.text("");
        is_title_row(r) || (!is_tabular(r) && (t.chars().count() > 40 || t.ends_with('。')))
    };
    let mut regions: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        if !rows.get(i).is_some_and(|r| is_tabular(r)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut k = i + 1;
        let mut stopped = false;
        while let Some(x) = rows.get(k) {
            if stop(x) {
                stopped = true;
                break;
            }
            if is_tabular(x) {
                end = k + 1;
            }
            k += 1;
        }
        if !stopped {
            // the table runs off the page: its one-sided rows at the bottom go with it
            end = rows.len();
        }
        let floor = regions.last().map_or(0, |r| r.1);
        let mut start = i;
        if regions.is_empty()
            && carried
            && rows.get(..i).is_some_and(|a| !a.iter().any(|x| stop(x)))
        {
            // a table continued from the previous page starts at the top
            start = 0;
        }
        while start > floor {
            let Some(x) = rows.get(start - 1) else { break };
            let t = x.text("");
            // a group name over the columns may be longer (2024年“三公”经费预算数); a
            // numbered heading or a sentence is not one
            if is_title_row(x)
                || t.chars().count() > 20
                || t.ends_with(&['。', '：', ':', '，', '；'][..])
                || starts_numbered(&t)
                || is_heading(&t)
            {
                break;
            }
            start -= 1;
        }
        regions.push((start, end));
        i = end;
    }
    regions
}

/// Writes one page; returns the column bands of a table running off its bottom.
fn write_page(
    out: &mut Writer,
    page: u32,
    rows: &[&RowGroup],
    carried: Option<Vec<Band>>,
) -> Option<Vec<Band>> {
    // text margins of the page, for paragraph breaks
    let left = rows.iter().map(|r| r.x0()).fold(f64::INFINITY, f64::min);
    let right = rows
        .iter()
        .map(|r| r.x1())
        .fold(f64::NEG_INFINITY, f64::max);
    let regions = table_regions(rows, carried.is_some());
    let mut carried = carried;
    let mut prev_text: Option<&RowGroup> = None;
    let mut last_bands = None;
    let mut i = 0;
    let mut next_region = regions.iter().peekable();
    while i < rows.len() {
        while next_region.peek().is_some_and(|r| r.0 < i) {
            next_region.next();
        }
        if let Some(&&(start, end)) = next_region.peek().filter(|r| r.0 == i) {
            let region: Vec<&RowGroup> = rows.get(start..end).unwrap_or(&[]).to_vec();
            let from_above = if start == 0 { carried.take() } else { None };
            last_bands = Some(write_table(out, page, &region, from_above));
            prev_text = None;
            i = end.max(i + 1);
            continue;
        }
        let Some(r) = rows.get(i) else { break };
        let text = r.text(" ");
        let heading = is_heading(&text);
        if let Some(p) = prev_text {
            let gap = p.y - r.y;
            let indent = r.x0() > left + 1.5 * r.h;
            let short = p.x1() < right - 2.0 * p.h;
            if heading || indent || short || gap > 2.0 * r.h.max(p.h) {
                out.blank(page);
            }
        } else {
            out.blank(page);
        }
        if heading {
            out.line(page, &format!("# {text}"));
            out.blank(page);
        } else {
            out.line(page, &text);
        }
        prev_text = Some(r);
        last_bands = None;
        carried = None;
        i += 1;
    }
    last_bands
}

/// A numbered heading: 第一部分…, 一、…, （一）… on a short line of its own.
fn is_heading(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    if !(3..=32).contains(&n) || t.ends_with(&['。', '；', '，', ';', ',', '：', ':'][..]) {
        return false;
    }
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    if let Some(rest) = t.strip_prefix('第') {
        let num = crate::figure::lead(rest, numeral);
        return !num.is_empty() && rest.get(num.len()..).is_some_and(|a| a.starts_with("部分"));
    }
    let rest = t.strip_prefix(&['（', '('][..]).unwrap_or(t);
    let num = crate::figure::lead(rest, numeral);
    if num.is_empty() {
        return false;
    }
    let after = rest.get(num.len()..).unwrap_or("");
    after.starts_with('、') || (rest.len() != t.len() && after.starts_with(&['）', ')'][..]))
}

/// Builds the column bands of a table from its body rows.
fn bands_of(rows: &[&RowGroup], width: f64) -> Vec<Band> {
    let mut spans: Vec<(f64, f64)> = rows
        .iter()
        .flat_map(|r| r.chunks.iter())
        // a note across the table would join every column
        .filter(|c| c.x1 - c.x0 < 0.5 * width)
        .map(|c| (c.x0 + 0.5, c.x1 - 0.5))
        .filter(|(a, b)| b >= a)
        .into_vec();
    sort_by(&mut spans, |a, b| a.0.total_cmp(&b.0));
    let mut bands: Vec<Band> = Vec::new();
    for (a, b) in spans {
        match bands.last_mut() {
            Some(l) if a <= l.x1 => l.x1 = l.x1.max(b),
            _ => bands.push(Band { x0: a, x1: b }),
        }
    }
    bands
}

/// Whether the rows fit columns taken from the previous page (a table continued).
fn fits(bands: &[Band], rows: &[&RowGroup]) -> bool {
    if bands.len() < 2 {
        return false;
    }
    rows.iter().flat_map(|r| r.chunks.iter()).all(|c| {
        let n = bands.iter().filter(|b| b.overlap(c) > 1.0).count();
        n == 1
            || (n == 0
                && bands
                    .iter()
                    .any(|b| b.distance(c) < (b.x1 - b.x0) / 2.0 + c.h))
    })
}

/// Writes a table region; returns its bands.
fn write_table(
    out: &mut Writer,
    page: u32,
    region: &[&RowGroup],
    carried: Option<Vec<Band>>,
) -> Vec<Band> {
    let body_start = region
        .iter()
        .position(|r| has_amount(r) && !is_numbering_row(r))
        .or_else(|| {
            // no amounts at all (a blank template): the body starts at the first code
            // or total row (a 合计 among other column names is a header cell)
            region
                .iter()
                .position(|r| {
                    let total = |t: &str| t.contains("合计") || t.contains("总计");
                    let code = |t: &str| {
                        t.len() >= 3 && t.len() <= 7 && t.bytes().all(|b| b.is_ascii_digit())
                    };
                    r.chunks.iter().any(|c| code(c.text.trim()))
                        || (r.chunks.iter().any(|c| total(c.text.trim()))
                            && r.chunks.iter().all(|c| {
                                let t = c.text.trim();
                                total(t) || code(t) || !t.chars().any(is_cjk)
                            }))
                })
                .or_else(|| {
                    // a header and nothing under it: its last row names columns only
                    region
                        .last()
                        .filter(|r| {
                            r.chunks.len() >= 2
                                && r.chunks.iter().all(|c| {
                                    let t = c.text.trim();
                                    t.chars().count() <= 8 && !t.chars().any(|x| x.is_ascii_digit())
                                })
                        })
                        .map(|_| region.len())
                })
        })
        .unwrap_or(0);
    // a table continued from the previous page: its rows fit the columns carried over
    // and nothing above its first amounts names columns
    let header_words = [
        "项目",
        "科目",
        "决算数",
        "预算数",
        "金额",
        "栏次",
        "行次",
        "编码",
        "名称",
    ];
    let continued = carried.as_ref().is_some_and(|b| fits(b, region))
        && region.iter().take(body_start).all(|r| {
            let t = r.text("");
            !header_words.iter().any(|w| t.contains(w))
        });
    let body_start = if continued { 0 } else { body_start };
    let (header, body) = region.split_at(body_start.min(region.len()));
    let mut header: Vec<RowGroup> = header.iter().map(|r| (*r).clone()).into_vec();
    let mut body: Vec<RowGroup> = body.iter().map(|r| (*r).clone()).into_vec();
    // short header words (类 款 项) printed low enough to share the first body row's
    // extent: above that row's own text, they belong to the header
    if !header.is_empty() {
        if let Some(first) = body.first_mut() {
            let low = first
                .chunks
                .iter()
                .filter(|c| !is_figure_text(c.text.trim()))
                .map(|c| c.y)
                .fold(f64::INFINITY, f64::min);
            let (up, keep): (Vec<Chunk>, Vec<Chunk>) = first.chunks.drain(..).partition(|c| {
                let t = c.text.trim();
                !is_figure_text(t)
                    && ((t.chars().count() <= 2 && c.y > low + 0.4 * c.h)
                        || matches!(t, "类" | "款" | "项"))
            });
            first.chunks = keep;
            if let Some(h) = header.last_mut() {
                h.chunks.extend(up);
            }
        }
    }
    let x0 = region.iter().map(|r| r.x0()).fold(f64::INFINITY, f64::min);
    let x1 = region
        .iter()
        .map(|r| r.x1())
        .fold(f64::NEG_INFINITY, f64::max);
    let body_refs: Vec<&RowGroup> = body.iter().into_vec();
    let had_carried = carried.is_some();
    let numbering: Vec<&RowGroup> = header.iter().filter(|r| is_numbering_row(r)).into_vec();
    let mut header_rows: Vec<Vec<String>> = Vec::new();
    let bands = match carried {
        Some(b) if continued => b,
        _ => {
            let all: Vec<&RowGroup> = header.iter().chain(body.iter()).into_vec();
            let mut own = if body.is_empty() {
                Vec::new()
            } else {
                bands_of(&body_refs, x1 - x0)
            };
            if own.is_empty() && !body.is_empty() {
                own = bands_of(&all, f64::INFINITY);
            }
            // the header as a tree of spanning cells over the body's columns (columns left
            // empty in the body keep their header)
            let chunks: Vec<&Chunk> = header
                .iter()
                .filter(|r| !is_numbering_row(r))
                .flat_map(|r| r.chunks.iter())
                .into_vec();
            let numeric = header::numeric_bands(&own, &body_refs);
            match header::build(&chunks, &own, &numeric) {
                Some(h) => {
                    header_rows = h.rows;
                    h.columns
                }
                None if own.is_empty() => bands_of(&all, f64::INFINITY),
                None => own,
            }
        }
    };
    // the header printed again on the next page, right under the table: a continuation
    // (its fragments, whatever columns they were put in)
    let mut signature: Vec<String> = header
        .iter()
        .flat_map(|r| r.chunks.iter())
        .map(|c| c.text.trim().to_string())
        .into_vec();
    sort_by(&mut signature, String::cmp);
    let repeated = !continued
        && had_carried
        && out.last_table
        && signature.iter().any(|c| !c.is_empty())
        && out.last_header.as_ref() == Some(&signature);
    if !continued && !repeated && out.last_table {
        out.blank(page);
        out.line(page, BOUNDARY);
        out.blank(page);
    }
    if !continued && !repeated {
        out.last_header = Some(signature);
    }
    let emit = |out: &mut Writer, cells: &[String]| {
        if cells.iter().any(|c| !c.trim().is_empty()) {
            out.line(page, &cells.join("\t"));
            out.last_table = true;
        }
    };
    if !repeated {
        for r in &header_rows {
            emit(out, r);
        }
    }
    for r in numbering.iter().filter(|_| !repeated) {
        emit(out, &cells_of(&bands, r));
    }
    if !continued && !repeated && !body.is_empty() {
        let next = u32::try_from(out.pages.len() + 1).unwrap_or(u32::MAX);
        out.body_starts.push(next);
    }
    // body rows; a lone wrapped label line joins the row above
    let mut pending: Option<(Vec<String>, &RowGroup, bool)> = None;
    for r in &body {
        let cells = cells_of(&bands, r);
        if let Some((prev, prev_row, merged)) = pending.as_mut() {
            if !*merged && is_wrapped_continuation(&bands, prev_row, r) {
                for (p, c) in prev.iter_mut().zip(&cells) {
                    p.push_str(c);
                }
                *merged = true;
                continue;
            }
        }
        if let Some((prev, _, _)) = pending.take() {
            emit(out, &prev);
        }
        pending = Some((cells, r, false));
    }
    if let Some((prev, _, _)) = pending {
        emit(out, &prev);
    }
    bands
}

/// Chunks in reading order: lines from the top (baselines within a third of the
/// size are one line), left to right within a line.
fn reading_order<'a>(v: &[&'a Chunk]) -> Vec<&'a Chunk> {
    let mut v: Vec<&Chunk> = v.to_vec();
    sort_by(&mut v, |a, b| b.y.total_cmp(&a.y));
    let mut lines: Vec<Vec<&Chunk>> = Vec::new();
    for c in v {
        match lines.last_mut() {
            Some(l) if l.first().is_some_and(|f| f.y - c.y < 0.35 * f.h.max(c.h)) => l.push(c),
            _ => lines.push(vec![c]),
        }
    }
    for l in &mut lines {
        sort_by(l, |a, b| a.x0.total_cmp(&b.x0));
    }
    lines.concat()
}

/// Starts with list numbering: 一、 （一） 1. 1、
fn starts_numbered(t: &str) -> bool {
    let rest = t.trim_start_matches(&['（', '('][..]);
    let n = crate::figure::lead(rest, |c| {
        "一二三四五六七八九十".contains(c) || c.is_ascii_digit()
    });
    !n.is_empty()
        && rest
            .get(n.len()..)
            .is_some_and(|a| a.starts_with(&['、', '）', ')', '.', '．'][..]))
}

/// The row's chunks placed in their bands (several in one band are joined).
fn cells_of(bands: &[Band], r: &RowGroup) -> Vec<String> {
    let mut cells = vec![String::new(); bands.len().max(1)];
    let chunks: Vec<&Chunk> = r.chunks.iter().into_vec();
    for c in reading_order(&chunks) {
        if let Some(s) = cells.get_mut(band_of(bands, c)) {
            let t = c.text.trim();
            let latin = |ch: Option<char>| ch.is_some_and(|ch| ch.is_ascii_alphanumeric());
            if latin(s.chars().last()) && latin(t.chars().next()) {
                s.push(' ');
            }
            s.push_str(t);
        }
    }
    cells
}

/// A row of words only, in one band where the row above has words reaching that band's
/// right edge: the second line of a wrapped label.
fn is_wrapped_continuation(bands: &[Band], prev: &RowGroup, r: &RowGroup) -> bool {
    let [c] = r.chunks.as_slice() else {
        return false;
    };
    let t = c.text.trim();
    if is_figure_text(t) || t.chars().count() > 12 || starts_numbered(t) {
        return false;
    }
    let b = band_of(bands, c);
    let Some(band) = bands.get(b) else {
        return false;
    };
    let above = prev.chunks.iter().find(|p| band_of(bands, p) == b);
    above.is_some_and(|p| {
        !is_figure_text(p.text.trim())
            && p.x1 >= band.x1 - 1.5 * p.h
            && (prev.y - r.y) < 2.0 * r.h
            && (c.x0 - p.x0).abs() < 2.0 * c.h
    })
}

/// Reads the items pdf.js extracted, as the shared test material stores them:
/// `{"pages": [{"page": n, "items": [[str, x, y, width, height, font, eol, rotation?], …]}]}`.
/// Rotated items (a `rotation` field) are left out.
pub fn items_from_pdfjs_json(json: &str) -> Result<Vec<Item>, String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let pages = v
        .get("pages")
        .and_then(|p| p.as_array())
        .ok_or("no pages")?;
    let mut items = Vec::new();
    for p in pages {
        let page = p
            .get("page")
            .and_then(serde_json::Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or("page without a number")?;
        let Some(list) = p.get("items").and_then(|i| i.as_array()) else {
            continue;
        };
        for it in list {
            let Some(a) = it.as_array() else { continue };
            if a.len() > 7 {
                continue;
            }
            let num = |i: usize| a.get(i).and_then(serde_json::Value::as_f64).unwrap_or(0.0);
            let s = |i: usize| a.get(i).and_then(|x| x.as_str()).unwrap_or("").to_string();
            items.push(Item {
                text: s(0),
                x: num(1),
                y: num(2),
                width: num(3),
                height: num(4),
                font: s(5),
                page,
            });
        }
    }
    Ok(items)
}

pub mod arrays;
mod header;
#[cfg(not(target_arch = "wasm32"))]
mod native;

/// Whether the bytes are a PDF (`%PDF-` near the start, as readers accept it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes
        .get(..1024.min(bytes.len()))
        .is_some_and(|head| head.windows(5).any(|w| w == b"%PDF-"))
}

/// Extracts the positioned items of a PDF (command line only).
#[cfg(not(target_arch = "wasm32"))]
pub fn pdf_items(bytes: &[u8]) -> Result<Vec<Item>, ReadError> {
    native::items(bytes)
}

/// Reads a PDF: its items, then the layout.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_pdf(bytes: &[u8]) -> Result<Document, ReadError> {
    match native::items(bytes).and_then(|items| read_items(&items)) {
        // a file encrypted with a password not given decrypts to nothing (lopdf tries the
        // empty one and gives garbage): say it is encrypted, not that it has no text (one
        // encrypted only against editing, with an empty password, reads as any other)
        Err(ReadError::NoTextLayer | ReadError::BrokenPdf) if declares_encryption(bytes) => {
            Err(ReadError::Encrypted)
        }
        r => r,
    }
}

/// The file names an encryption dictionary (`/Encrypt` in its trailer or cross-reference
/// stream).
#[cfg(not(target_arch = "wasm32"))]
fn declares_encryption(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

/// Reads a PDF: in the page, pdf.js extracts the items and passes them to
/// [`read_items`]; bytes alone cannot be read here.
#[cfg(target_arch = "wasm32")]
pub fn read_pdf(_bytes: &[u8]) -> Result<Document, ReadError> {
    Err(ReadError::PdfNotSupported)
}

/// Items decoded from arbitrary bytes, for the fuzz target and its corpus replay: eleven
/// bytes an item (page, x, y, width, height as 16-bit values, a text from a small
/// alphabet of what tables print).
#[doc(hidden)]
pub fn items_from_bytes(data: &[u8]) -> Vec<Item> {
    const WORDS: &[&str] = &[
        "合计",
        "1,234.56",
        "0.00",
        "项目",
        "201",
        "06",
        "%",
        "12.08",
        "一、公共安全支出",
        "96,282,213.44 一、公共安全支出",
        "单位：万元",
        "收入决算表",
        "- 3 -",
        " ",
        "总计",
        "决算数",
        "年初结转和结余",
        "9",
        "9.94",
        "—",
    ];
    data.chunks_exact(11)
        .map(|c| {
            let b = |i: usize| c.get(i).copied().unwrap_or(0);
            let v = |i: usize| f64::from(u16::from_le_bytes([b(i), b(i + 1)])) / 64.0;
            let word = WORDS
                .get(usize::from(b(10)) % WORDS.len())
                .copied()
                .unwrap_or("");
            Item {
                text: word.to_string(),
                x: v(1),
                y: v(3),
                width: v(5),
                height: v(7) % 40.0,
                font: String::new(),
                page: u32::from(b(0) % 8),
            }
        })
        .into_vec()
}
