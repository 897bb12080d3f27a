//! HTML → the text form the reader understands: block elements become lines, headings
//! `#` lines, and each table row one tab-separated line with `rowspan`/`colspan` expanded
//! (a merged cell's text sits in its top-left slot; the slots it covers are blank, which
//! the reader takes as a merged header). Scripts and styles are dropped; nothing is run.
//!
//! One converter serves two trees: HTML source (the CLI, text pasted as HTML), read by a
//! small tokenizer, and a live DOM (the widget, the page's parsed HTML), walked in the
//! browser into a compact list of events ([`dom_to_text`]). Both drive the same
//! [`Converter`], so span expansion, header rows and the cell cap exist once. Each output
//! character remembers where it came from — a source line, or a DOM text node and the
//! offset in it — so a figure can be marked where it is printed.

use crate::IntoVec;
/// Whether the text is an HTML document or fragment rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    // (every shape below opens with a tag: plain text is told at its first character)
    if !text.trim_start().starts_with('<') {
        return false;
    }
    let head = crate::figure::first_chars(text.trim_start(), 512).to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<table")
        || head.starts_with("<body")
        || head.starts_with("<div")
        || head.starts_with("<p>")
        || head.starts_with("<p ")
        || (head.starts_with('<') && text.contains("</table>"))
}

/// The most cells `rowspan`/`colspan` may add to a document's tables, beyond the cells
/// written: a merged header or a category spanning rows adds a few hundred; a page of
/// `rowspan=1000 colspan=1000` cells would add billions.
pub const MAX_EXPANDED_CELLS: usize = 1_000_000;

/// Where a character of the output came from.
pub trait Origin: Copy + PartialEq {
    /// Where the character after `c` comes from, when it directly follows `c`.
    fn after(self, c: char) -> Self;
}

/// A 1-based line of HTML source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceLine(pub u32);

impl Origin for SourceLine {
    fn after(self, c: char) -> Self {
        if c == '\n' {
            SourceLine(self.0.saturating_add(1))
        } else {
            self
        }
    }
}

/// A DOM text node (its index in the walk's order) and a UTF-16 offset in its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeAt {
    /// Index of the text node among the text nodes walked.
    pub node: u32,
    /// UTF-16 offset in the node's data.
    pub at: u32,
}

impl Origin for NodeAt {
    fn after(self, c: char) -> Self {
        let n = u32::try_from(c.len_utf16()).unwrap_or(1);
        NodeAt {
            node: self.node,
            at: self.at.saturating_add(n),
        }
    }
}

/// Text with the origin of its characters: each run is consecutive characters from
/// consecutive places (or inserted, with no origin).
#[derive(Debug, Clone)]
struct Buf<O> {
    text: String,
    /// `(byte offset in text, origin of that character)`.
    runs: Vec<(usize, Option<O>)>,
    /// Where the next character comes from if it continues the last run.
    next: Option<O>,
}

impl<O> Default for Buf<O> {
    fn default() -> Self {
        Buf {
            text: String::new(),
            runs: Vec::new(),
            next: None,
        }
    }
}

impl<O: Origin> Buf<O> {
    fn put(&mut self, c: char, o: Option<O>) {
        let continues = match (self.runs.last(), o) {
            (Some(_), Some(o)) => self.next == Some(o),
            (Some((_, None)), None) => true,
            _ => false,
        };
        if !continues {
            self.runs.push((self.text.len(), o));
        }
        self.next = o.map(|o| o.after(c));
        self.text.push(c);
    }

    /// Appends text, every run of whitespace as one space, none at the start.
    fn push_collapsed(&mut self, s: &str, mut o: O) {
        for c in s.chars() {
            if c.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.put(' ', Some(o));
                }
            } else {
                self.put(c, Some(o));
            }
            o = o.after(c);
        }
    }

    /// A separating space of no origin (none at the start or after a space).
    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.put(' ', None);
        }
    }

    fn trim_end(&mut self) {
        let len = self.text.trim_end_matches(' ').len();
        if len == self.text.len() {
            return;
        }
        self.text.truncate(len);
        while self.runs.last().is_some_and(|r| r.0 >= len) {
            self.runs.pop();
        }
        self.next = None;
    }

    /// Appends another buffer as it is.
    fn append(&mut self, other: Buf<O>) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.runs
            .extend(other.runs.into_iter().map(|(b, o)| (b + base, o)));
        self.next = None;
    }

    fn first_origin(&self) -> Option<O> {
        self.runs.iter().find_map(|r| r.1)
    }
}

/// What an element is to the converter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Not read, nor anything inside it (scripts, styles, form controls, other widgets).
    Skip,
    /// `<table>`.
    Table,
    /// `<tr>`.
    Row,
    /// `<td>`, `<th>`.
    Cell,
    /// `<caption>`: the table's title, a line above its rows.
    Caption,
    /// `<br>`.
    Break,
    /// `<h1>` … `<h6>`.
    Heading,
    /// A block: its text is lines of its own.
    Block,
    /// Inline, or not known: its text runs on.
    Inline,
}

/// What an element (its lower-case name) is to the converter.
pub fn kind(name: &str) -> Kind {
    match name {
        "script" | "style" | "template" | "noscript" | "svg" | "canvas" | "iframe" | "textarea"
        | "select" | "button" | "object" | "recount-check" | "head" => Kind::Skip,
        "table" => Kind::Table,
        "tr" => Kind::Row,
        "td" | "th" => Kind::Cell,
        "caption" => Kind::Caption,
        "br" => Kind::Break,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "p" | "div" | "li" | "section" | "article" | "ul" | "ol" | "dl" | "dt" | "dd"
        | "header" | "footer" | "main" | "aside" | "nav" | "blockquote" | "pre" | "figure"
        | "figcaption" | "form" | "hr" | "address" | "body" => Kind::Block,
        _ => Kind::Inline,
    }
}

/// A cell being read: its text and spans.
struct CellBuf<O> {
    buf: Buf<O>,
    rowspan: usize,
    colspan: usize,
}

/// A row read: its slots (text and origin) and the origin of its `<tr>`.
struct RowBuf<O> {
    slots: Vec<(Buf<O>, Option<O>)>,
    origin: Option<O>,
}

struct TableState<O> {
    /// Cells added by expansion so far, and how many more may be.
    added: usize,
    limit: usize,
    /// Expansion stopped at the limit.
    overflow: bool,
    rows: Vec<RowBuf<O>>,
    current: Option<RowBuf<O>>,
    cell: Option<CellBuf<O>>,
    /// Per column: how many more rows a rowspan above still covers.
    carry: Vec<usize>,
    /// The `<caption>`'s text, and whether it is being read.
    caption: Buf<O>,
    in_caption: bool,
}

impl<O: Origin> TableState<O> {
    fn new(limit: usize) -> Self {
        TableState {
            added: 0,
            limit,
            overflow: false,
            rows: Vec::new(),
            current: None,
            cell: None,
            carry: Vec::new(),
            caption: Buf::default(),
            in_caption: false,
        }
    }

    fn start_row(&mut self, origin: Option<O>) {
        self.end_row();
        self.current = Some(RowBuf {
            slots: Vec::new(),
            origin,
        });
        self.fill_carried();
    }

    /// Blank slots for cells merged from the rows above.
    fn fill_carried(&mut self) {
        let Some(row) = self.current.as_mut() else {
            return;
        };
        while let Some(left) = self.carry.get_mut(row.slots.len()) {
            if *left == 0 {
                break;
            }
            if self.added >= self.limit {
                self.overflow = true;
                break;
            }
            self.added += 1;
            *left -= 1;
            row.slots.push((Buf::default(), row.origin));
        }
    }

    fn end_cell(&mut self, here: Option<O>) {
        let Some(mut cell) = self.cell.take() else {
            return;
        };
        cell.buf.trim_end();
        if self.current.is_none() {
            self.start_row(here);
        }
        let Some(row) = self.current.as_mut() else {
            return;
        };
        let origin = cell.buf.first_origin().or(row.origin);
        let col = row.slots.len();
        let mut text = Some(cell.buf);
        for k in 0..cell.colspan {
            if k > 0 {
                if self.added >= self.limit {
                    self.overflow = true;
                    break;
                }
                self.added += 1;
            }
            row.slots.push((text.take().unwrap_or_default(), origin));
            if cell.rowspan > 1 {
                let c = col + k;
                if self.carry.len() <= c {
                    self.carry.resize(c + 1, 0);
                }
                if let Some(slot) = self.carry.get_mut(c) {
                    *slot = cell.rowspan - 1;
                }
            }
        }
        self.fill_carried();
    }

    fn end_row(&mut self) {
        self.end_cell(None);
        if let Some(row) = self.current.take() {
            if row.slots.iter().any(|c| !c.0.text.is_empty()) {
                self.rows.push(row);
            }
        }
    }
}

/// A tree turned into text, with where each character came from.
#[derive(Debug, Clone)]
pub struct Converted<O> {
    /// Text lines; table rows as tab-separated cells.
    pub text: String,
    /// Per output line, per tab-separated piece, where it came from.
    pub lines: Vec<Vec<Option<O>>>,
    /// `(UTF-16 offset in text, origin)`: from each offset on, characters come from
    /// consecutive places of that origin (none: inserted by the converter).
    pub runs: Vec<(u32, Option<O>)>,
    /// Merged cells would have expanded the tables beyond [`MAX_EXPANDED_CELLS`]: the
    /// expansion stopped there and the text is incomplete.
    pub too_many_cells: bool,
}

/// Tree → text: elements and text in document order go in; the text the reader reads
/// comes out. HTML source and the DOM both drive this one converter.
pub struct Converter<O> {
    out: Converted<O>,
    units: u32,
    block: Vec<Buf<O>>,
    tables: Vec<TableState<O>>,
    /// Where the tree is now, for lines with no text of their own (source lines only).
    here: Option<O>,
    /// Cells added by expansion in tables already closed.
    added: usize,
    /// Whether to record [`Converted::runs`] (the DOM's marks need them; source lines do not).
    keep_runs: bool,
}

impl<O: Origin> Default for Converter<O> {
    fn default() -> Self {
        Converter {
            out: Converted {
                text: String::new(),
                lines: Vec::new(),
                runs: Vec::new(),
                too_many_cells: false,
            },
            units: 0,
            block: Vec::new(),
            tables: Vec::new(),
            here: None,
            added: 0,
            keep_runs: true,
        }
    }
}

impl<O: Origin> Converter<O> {
    /// Sets where the tree is now (the current source line).
    pub fn at(&mut self, here: O) {
        self.here = Some(here);
    }

    fn emit(&mut self, pieces: Vec<Buf<O>>, tabbed: bool, origins: Vec<Option<O>>) {
        for p in pieces {
            if self.keep_runs {
                let mut from = 0;
                for &(b, o) in &p.runs {
                    let u = units(p.text.get(from..b).unwrap_or(""));
                    self.units = self.units.saturating_add(u);
                    from = b;
                    self.out.runs.push((self.units, o));
                }
                self.units = self
                    .units
                    .saturating_add(units(p.text.get(from..).unwrap_or("")));
            }
            self.out.text.push_str(&p.text);
            if tabbed {
                self.out.text.push('\t');
                if self.keep_runs {
                    self.out.runs.push((self.units, None));
                    self.units = self.units.saturating_add(1);
                }
            }
        }
        self.out.text.push('\n');
        if self.keep_runs {
            if self.out.runs.last().is_none_or(|r| r.1.is_some()) {
                self.out.runs.push((self.units, None));
            }
            self.units = self.units.saturating_add(1);
        }
        self.out.lines.push(origins);
    }

    fn blank(&mut self) {
        let here = self.here;
        self.emit(Vec::new(), false, vec![here]);
    }

    /// Text of a text node (or of source between tags), starting at `o`.
    pub fn text(&mut self, s: &str, o: O) {
        if let Some(t) = self.tables.last_mut() {
            if let Some(c) = t.cell.as_mut() {
                c.buf.push_collapsed(s, o);
            } else if t.in_caption {
                t.caption.push_collapsed(s, o);
            }
            return;
        }
        if self.block.is_empty() {
            self.block.push(Buf::default());
        }
        if let Some(line) = self.block.last_mut() {
            line.push_collapsed(s, o);
        }
    }

    fn flush_block(&mut self) {
        let mut lines = std::mem::take(&mut self.block);
        for l in &mut lines {
            l.trim_end();
        }
        lines.retain(|l| !l.text.is_empty());
        if lines.is_empty() || (lines.len() == 1 && lines.iter().all(|l| l.text == "##")) {
            return;
        }
        let origin = lines.iter().find_map(Buf::first_origin).or(self.here);
        for l in lines {
            self.emit(vec![l], false, vec![origin]);
        }
        self.blank();
    }

    /// An element opens; `rowspan` and `colspan` count for cells only.
    pub fn open(&mut self, kind: Kind, rowspan: usize, colspan: usize) {
        let in_table = !self.tables.is_empty();
        let here = self.here;
        match kind {
            Kind::Table => {
                self.flush_block();
                let open: usize = self.tables.iter().map(|t| t.added).sum();
                self.tables.push(TableState::new(
                    MAX_EXPANDED_CELLS.saturating_sub(self.added.saturating_add(open)),
                ));
            }
            Kind::Row => {
                if let Some(t) = self.tables.last_mut() {
                    t.start_row(here);
                }
            }
            Kind::Cell => {
                if let Some(t) = self.tables.last_mut() {
                    t.end_cell(here);
                    if t.current.is_none() {
                        t.start_row(here);
                    }
                    t.cell = Some(CellBuf {
                        buf: Buf::default(),
                        rowspan: rowspan.clamp(1, 1000),
                        colspan: colspan.clamp(1, 1000),
                    });
                }
            }
            Kind::Break => self.line_break(),
            Kind::Caption => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_caption = t.cell.is_none();
                }
            }
            Kind::Heading if !in_table => {
                self.flush_block();
                let mut b = Buf::default();
                for c in "## ".chars() {
                    b.put(c, None);
                }
                self.block.push(b);
            }
            Kind::Block if !in_table => self.flush_block(),
            _ => {}
        }
    }

    /// An element closes.
    pub fn close(&mut self, kind: Kind) {
        let in_table = !self.tables.is_empty();
        let here = self.here;
        match kind {
            Kind::Table => self.end_table(),
            Kind::Row => {
                if let Some(t) = self.tables.last_mut() {
                    t.end_row();
                }
            }
            Kind::Cell => {
                if let Some(t) = self.tables.last_mut() {
                    t.end_cell(here);
                }
            }
            Kind::Break => self.line_break(),
            Kind::Caption => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_caption = false;
                }
            }
            Kind::Heading | Kind::Block if !in_table => self.flush_block(),
            _ => {}
        }
    }

    fn line_break(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            if let Some(c) = t.cell.as_mut() {
                c.buf.space();
            }
        } else {
            self.block.push(Buf::default());
        }
    }

    fn end_table(&mut self) {
        let Some(mut t) = self.tables.pop() else {
            return;
        };
        t.end_row();
        self.added = self.added.saturating_add(t.added);
        self.out.too_many_cells |= t.overflow;
        if let Some(outer) = self.tables.last_mut() {
            outer.limit = outer.limit.saturating_sub(t.added);
            // a table inside a cell: its text joins the cell
            if let Some(c) = outer.cell.as_mut() {
                for row in t.rows {
                    for (cell, _) in row.slots {
                        if !cell.text.is_empty() {
                            c.buf.space();
                            c.buf.append(cell);
                        }
                    }
                }
            }
            return;
        }
        t.caption.trim_end();
        if !t.caption.text.is_empty() {
            let origin = t.caption.first_origin().or(self.here);
            self.emit(vec![t.caption], false, vec![origin]);
        }
        self.blank();
        for row in t.rows {
            let mut origins: Vec<Option<O>> = row.slots.iter().map(|s| s.1).into_vec();
            origins.push(row.origin);
            let pieces = row.slots.into_iter().map(|s| s.0).into_vec();
            self.emit(pieces, true, origins);
        }
        self.blank();
        let mut b = Buf::default();
        for c in super::BOUNDARY.chars() {
            b.put(c, None);
        }
        let here = self.here;
        self.emit(vec![b], false, vec![here]);
        self.blank();
    }

    /// The text, once every element is read.
    pub fn finish(mut self) -> Converted<O> {
        self.out.too_many_cells |= self.tables.iter().any(|t| t.overflow);
        self.flush_block();
        self.out
    }
}

fn units(s: &str) -> u32 {
    if s.is_ascii() {
        return u32::try_from(s.len()).unwrap_or(u32::MAX);
    }
    u32::try_from(s.encode_utf16().count()).unwrap_or(u32::MAX)
}

/// HTML turned into text, with the HTML source line of each cell of each output line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// Text lines; table rows as tab-separated cells.
    pub text: String,
    /// Per output line, per tab-separated piece, the 1-based HTML source line it came from.
    pub lines: Vec<Vec<u32>>,
    /// Merged cells would have expanded the tables beyond [`MAX_EXPANDED_CELLS`]: the
    /// expansion stopped there and the text is incomplete.
    pub too_many_cells: bool,
}

fn count_lines(s: &str) -> u32 {
    u32::try_from(s.bytes().filter(|&b| b == b'\n').count()).unwrap_or(u32::MAX)
}

/// Converts HTML to text lines and tab tables.
pub fn html_to_text(html: &str) -> String {
    html_to_text_with_lines(html).text
}

/// Void elements: they have no content, so no end tag is waited for.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Converts HTML source to text lines and tab tables, remembering source lines.
pub fn html_to_text_with_lines(html: &str) -> HtmlText {
    let mut cv: Converter<SourceLine> = Converter {
        keep_runs: false,
        ..Converter::default()
    };
    let mut line = 1u32;
    cv.at(SourceLine(line));
    let mut skip_until: Option<String> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                cv.text(&decode_entities(rest), SourceLine(line));
            }
            break;
        };
        let (before, after) = rest.split_at(lt);
        if skip_until.is_none() && !before.is_empty() {
            cv.text(&decode_entities(before), SourceLine(line));
        }
        line = line.saturating_add(count_lines(before));
        if after.starts_with("<!--") {
            let end = after.find("-->").map_or(after.len(), |e| e + 3);
            line = line.saturating_add(count_lines(after.get(..end).unwrap_or("")));
            rest = after.get(end..).unwrap_or("");
            continue;
        }
        let Some(gt) = after.find('>') else {
            break;
        };
        let tag = after.get(1..gt).unwrap_or("");
        line = line.saturating_add(count_lines(tag));
        cv.at(SourceLine(line));
        rest = after.get(gt + 1..).unwrap_or("");
        let closing = tag.starts_with('/');
        let name = crate::figure::lead(tag.trim_start_matches('/'), |c| {
            c.is_ascii_alphanumeric() || c == '-'
        })
        .to_ascii_lowercase();
        if let Some(end) = &skip_until {
            if closing && name == *end {
                skip_until = None;
            }
            continue;
        }
        let k = kind(&name);
        match (k, closing) {
            (Kind::Skip, false) if !is_void(&name) && !tag.ends_with('/') => {
                skip_until = Some(name);
            }
            (Kind::Skip, _) => {}
            (_, false) => {
                cv.open(k, attr_number(tag, "rowspan"), attr_number(tag, "colspan"));
            }
            (_, true) => cv.close(k),
        }
    }
    let out = cv.finish();
    HtmlText {
        text: out.text,
        lines: out
            .lines
            .into_iter()
            .map(|l| l.into_iter().map(|o| o.map_or(1, |o| o.0)).into_vec())
            .into_vec(),
        too_many_cells: out.too_many_cells,
    }
}

/// Ops of the compact DOM walk ([`dom_to_text`]).
const OP_OPEN: u32 = 1;
const OP_CLOSE: u32 = 2;
const OP_TEXT: u32 = 3;

/// A DOM read into text, with where each character came from.
#[derive(Debug, Clone)]
pub struct DomText {
    /// The text the reader reads.
    pub text: String,
    /// `(UTF-16 offset in text, origin)` runs, as [`Converted::runs`].
    pub runs: Vec<(u32, Option<NodeAt>)>,
    /// Merged cells would have expanded the tables beyond [`MAX_EXPANDED_CELLS`].
    pub too_many_cells: bool,
}

/// Where a figure of the text is in the DOM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DomPlace {
    /// The text node (its index in the walk's order).
    pub node: u32,
    /// UTF-16 offset of the figure's first unit in the node's data.
    pub from: u32,
    /// UTF-16 offset just past its last unit.
    pub to: u32,
}

impl DomText {
    fn origin(&self, unit: u32) -> Option<(usize, NodeAt)> {
        let i = self.runs.partition_point(|r| r.0 <= unit).checked_sub(1)?;
        let &(off, o) = self.runs.get(i)?;
        let o = o?;
        Some((
            i,
            NodeAt {
                node: o.node,
                at: o.at.saturating_add(unit - off),
            },
        ))
    }

    /// The DOM text node and offsets of the text's UTF-16 range `start..end`, when all of
    /// it comes from one text node (spaces collapsed inside it allowed).
    pub fn locate(&self, start: u32, end: u32) -> Option<DomPlace> {
        let last = end.checked_sub(1)?;
        if last < start {
            return None;
        }
        let (i, a) = self.origin(start)?;
        let (j, b) = self.origin(last)?;
        let same = self
            .runs
            .get(i..=j)?
            .iter()
            .all(|r| r.1.is_some_and(|o| o.node == a.node));
        (same && b.node == a.node && b.at >= a.at).then_some(DomPlace {
            node: a.node,
            from: a.at,
            to: b.at.saturating_add(1),
        })
    }
}

/// Reads a DOM walked in the browser: `ops` is a list of events in document order —
/// `1, name length, rowspan, colspan, hidden` opens an element, `2` closes the last one
/// opened, `3, length` is a text node — and `data` holds the names and texts in the same
/// order, lengths in UTF-16 units. Text nodes are numbered in order from 0. Malformed
/// input ends the walk early; it never panics.
pub fn dom_to_text(ops: &[u32], data: &str) -> DomText {
    let mut cv: Converter<NodeAt> = Converter::default();
    let mut rest = data;
    // takes `n` UTF-16 units off the front of `rest`
    let mut take = |n: u32| -> &str {
        let mut units = 0u32;
        let mut end = 0;
        for c in rest.chars() {
            if units >= n {
                break;
            }
            units = units.saturating_add(u32::try_from(c.len_utf16()).unwrap_or(1));
            end += c.len_utf8();
        }
        let (head, tail) = rest.split_at(end.min(rest.len()));
        rest = tail;
        head
    };
    let mut open: Vec<Kind> = Vec::new();
    let mut skipping = 0usize;
    let mut node = 0u32;
    let mut i = 0;
    while let Some(&op) = ops.get(i) {
        match op {
            OP_OPEN => {
                let (Some(&len), Some(&rs), Some(&cs), Some(&hidden)) = (
                    ops.get(i + 1),
                    ops.get(i + 2),
                    ops.get(i + 3),
                    ops.get(i + 4),
                ) else {
                    break;
                };
                i += 5;
                let name = take(len).to_ascii_lowercase();
                if skipping > 0 {
                    skipping += 1;
                    continue;
                }
                let k = kind(&name);
                if k == Kind::Skip || hidden != 0 {
                    skipping = 1;
                    continue;
                }
                cv.open(k, rs as usize, cs as usize);
                open.push(k);
            }
            OP_CLOSE => {
                i += 1;
                if skipping > 0 {
                    skipping -= 1;
                } else if let Some(k) = open.pop() {
                    cv.close(k);
                }
            }
            OP_TEXT => {
                let Some(&len) = ops.get(i + 1) else {
                    break;
                };
                i += 2;
                let s = take(len);
                if skipping == 0 {
                    cv.text(s, NodeAt { node, at: 0 });
                }
                node = node.saturating_add(1);
            }
            _ => break,
        }
    }
    while let Some(k) = open.pop() {
        cv.close(k);
    }
    let out = cv.finish();
    DomText {
        text: out.text,
        runs: out.runs,
        too_many_cells: out.too_many_cells,
    }
}

fn attr_number(tag: &str, name: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(p) = lower.find(name) else {
        return 1;
    };
    let after = lower.get(p + name.len()..).unwrap_or("");
    let after = after.trim_start().trim_start_matches('=').trim_start();
    let after = after.trim_start_matches(&['"', '\''][..]);
    let n = crate::figure::lead(after, |c| c.is_ascii_digit());
    n.parse::<usize>().unwrap_or(1).clamp(1, 1000)
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(rest.get(..p).unwrap_or(""));
        let after = rest.get(p..).unwrap_or("");
        // an entity is short: look for its ';' in the next few bytes only, so a run of
        // bare '&' stays linear
        let end = after.as_bytes().iter().take(11).position(|&b| b == b';');
        let decoded = end.and_then(|e| {
            let name = after.get(1..e)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "ensp" | "emsp" | "thinsp" => ' ',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(&['x', 'X'][..]) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = after.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_become_tab_rows_with_merged_cells_expanded() {
        let html = "<html><body><h2>三、支出</h2><p>本年支出&nbsp;18470.59万元。</p>\
            <table><tr><th rowspan=2>项目</th><th colspan=\"2\">年初预算数</th></tr>\
            <tr><th>合计</th><th>其他</th></tr>\
            <tr><td><b>合计</b></td><td>12,011</td><td>-</td></tr></table>\
            <script>alert(1)</script></body></html>";
        let text = html_to_text(html);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        let mapped = html_to_text_with_lines(
            "<p>a</p>\n<table>\n<tr>\n<td>合计</td>\n<td>\n12,011</td></tr></table>",
        );
        let row = mapped
            .text
            .lines()
            .position(|l| l.starts_with("合计"))
            .unwrap();
        assert_eq!(mapped.lines[row], [4, 6, 3]);
        assert_eq!(
            lines,
            [
                "## 三、支出",
                "本年支出 18470.59万元。",
                "项目\t年初预算数\t\t",
                "\t合计\t其他\t",
                "合计\t12,011\t-\t",
                "\u{1e}"
            ]
        );
    }

    #[test]
    fn a_caption_is_the_line_above_its_table() {
        let text = html_to_text(
            "<p>说明</p><table><caption>附表1 收入表</caption><tr><td>合计</td><td>1</td></tr></table>",
        );
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["说明", "附表1 收入表", "合计\t1\t", "\u{1e}"]);
    }

    #[test]
    fn entities_are_decoded_and_nothing_is_executed() {
        assert_eq!(
            decode_entities("a&lt;b&gt;&#20803;&#x5143;&bogus"),
            "a<b>元元&bogus"
        );
        let text = html_to_text("<div><img src=x onerror=alert(1)>占比 &amp; 10%</div>");
        assert_eq!(text.trim(), "占比 & 10%");
    }

    /// The compact walk a browser makes of a DOM, built here from a small tree.
    enum N<'a> {
        E(&'a str, u32, u32, Vec<N<'a>>),
        T(&'a str),
    }

    fn walk(n: &N, ops: &mut Vec<u32>, data: &mut String) {
        match n {
            N::E(name, rs, cs, kids) => {
                ops.extend([OP_OPEN, name.encode_utf16().count() as u32, *rs, *cs, 0]);
                data.push_str(name);
                for k in kids {
                    walk(k, ops, data);
                }
                ops.push(OP_CLOSE);
            }
            N::T(t) => {
                ops.extend([OP_TEXT, t.encode_utf16().count() as u32]);
                data.push_str(t);
            }
        }
    }

    #[test]
    fn the_dom_walk_reads_as_the_source_does_and_maps_figures_to_their_nodes() {
        use N::{E, T};
        let source = "<body><h2>三、支出</h2><p>本年支出\n 18470.59万元。</p>\
            <table><tr><th rowspan=2>项目</th><th colspan=2>年初预算数</th></tr>\
            <tr><th>合计</th><th>其他</th></tr>\
            <tr><td><b>合计</b></td><td> 12,011 </td><td>-</td></tr></table></body>";
        let cell = |name, rs, cs, kids| E(name, rs, cs, kids);
        let tree = E(
            "BODY",
            1,
            1,
            vec![
                E("H2", 1, 1, vec![T("三、支出")]),
                E("P", 1, 1, vec![T("本年支出\n 18470.59万元。")]),
                E(
                    "TABLE",
                    1,
                    1,
                    vec![E(
                        "TBODY",
                        1,
                        1,
                        vec![
                            E(
                                "TR",
                                1,
                                1,
                                vec![
                                    cell("TH", 2, 1, vec![T("项目")]),
                                    cell("TH", 1, 2, vec![T("年初预算数")]),
                                ],
                            ),
                            E(
                                "TR",
                                1,
                                1,
                                vec![
                                    cell("TH", 1, 1, vec![T("合计")]),
                                    cell("TH", 1, 1, vec![T("其他")]),
                                ],
                            ),
                            E(
                                "TR",
                                1,
                                1,
                                vec![
                                    cell("TD", 1, 1, vec![E("B", 1, 1, vec![T("合计")])]),
                                    cell("TD", 1, 1, vec![T(" 12,011 ")]),
                                    cell("TD", 1, 1, vec![T("-")]),
                                ],
                            ),
                        ],
                    )],
                ),
                E("SCRIPT", 1, 1, vec![T("alert(1)")]),
            ],
        );
        let (mut ops, mut data) = (Vec::new(), String::new());
        walk(&tree, &mut ops, &mut data);
        let dom = dom_to_text(&ops, &data);
        assert_eq!(dom.text, html_to_text(source));
        assert!(!dom.text.contains("alert"));
        let find = |s: &str| {
            let b = dom.text.find(s).unwrap();
            let start = dom.text[..b].encode_utf16().count() as u32;
            (start, start + s.encode_utf16().count() as u32)
        };
        let (a, b) = find("18470.59");
        // text node 1 is the paragraph's: "本年支出\n 18470.59" puts the figure at 6
        assert_eq!(
            dom.locate(a, b),
            Some(DomPlace {
                node: 1,
                from: 6,
                to: 14
            })
        );
        let (a, b) = find("12,011");
        assert_eq!(
            dom.locate(a, b),
            Some(DomPlace {
                node: 7,
                from: 1,
                to: 7
            })
        );
        // across two nodes: no single place
        let (a, _) = find("三、支出");
        assert_eq!(dom.locate(a - 3, a + 1), None);
        // truncated or nonsense walks end early, never panic
        for cut in 0..ops.len() {
            let _ = dom_to_text(&ops[..cut], &data);
            let _ = dom_to_text(&ops[cut..], &data[..data.len() / 2]);
        }
        let _ = dom_to_text(&[1, u32::MAX, u32::MAX, u32::MAX, 0, 3, u32::MAX, 9], "x");
    }

    #[test]
    fn merged_cells_past_the_cap_are_flagged_from_the_dom_too() {
        // each row's cell spans 1000 columns: 999 cells added a row
        let table = |rows: usize| {
            let mut ops = vec![OP_OPEN, 5, 1, 1, 0];
            let mut data = String::from("table");
            for _ in 0..rows {
                ops.extend([OP_OPEN, 2, 1, 1, 0, OP_OPEN, 2, 1, 1000, 0]);
                ops.extend([OP_TEXT, 1, OP_CLOSE, OP_CLOSE]);
                data.push_str("trtdx");
            }
            ops.push(OP_CLOSE);
            dom_to_text(&ops, &data)
        };
        assert!(!table(1000).too_many_cells);
        assert!(table(1002).too_many_cells);
    }
}
