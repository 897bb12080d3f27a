//! Tables in the shapes a web page leaves when its text is copied out: one cell per line
//! with each cell closed by a bar (`合计 |`, or a bar on a line of its own), columns laid
//! out with runs of spaces, and a header whose merged cells were flattened (a group name
//! over its sub-columns printed once, its sub-columns on the next row).

use super::{LineKind, Reader};
use crate::document::{Cell, Place, Row, Table};
use crate::figure::{self, CellKind};
use crate::IntoVec;

/// How many lines the look for a table's start reads.
const PROBE_LINES: usize = 64;

/// Longest text a cell of a copied-out table holds; longer lines are prose.
const MAX_CELL_CHARS: usize = 40;

/// One cell gathered from the lines of a bar table.
struct Piece {
    /// Its text; lines of a cell wrapped over lines are joined.
    text: String,
    /// Source offset of its first line's text.
    at: usize,
    /// Line indexes holding its text (none for a blank cell).
    lines: Vec<usize>,
    /// The line that closes it (its bar, or its last line).
    end: usize,
}

fn kind(t: &str) -> CellKind {
    figure::read_cell(t).0
}

/// Whether a line holds a digit or a dash (folded as figures are): what a cell read as a
/// figure or a dash needs somewhere in its lines.
fn could_hold_value(line: &str) -> bool {
    line.chars().any(|c| {
        let f = figure::fold_char(c);
        f.is_ascii_digit() || figure::is_dash(f)
    })
}

fn is_value(k: CellKind) -> bool {
    matches!(k, CellKind::Figure | CellKind::Dash | CellKind::Blank)
}

/// A space between cells of a table laid out with spaces.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

/// Whether a line's cells are cut at runs of spaces (two, or an ideographic one) rather
/// than at every space ([`space_cells`]).
fn cut_at_runs(line: &str) -> bool {
    line.contains("  ") || line.contains('\u{3000}')
}

/// A line cut into cells at runs of spaces: at runs of two or more (or an ideographic
/// space) where the line has one, so a label may hold single spaces; else at every space
/// (text copied from a PDF viewer or a yearbook's page). Two or more spaces closing the
/// line leave a blank last cell. `(offset in line, text)`.
pub(super) fn space_cells(line: &str) -> Vec<(usize, &str)> {
    let wide = cut_at_runs(line);
    let body_end = line.trim_end_matches(is_space).len();
    let mut cells = Vec::new();
    let mut start = None;
    let mut run = 0;
    for (i, c) in line.char_indices() {
        if i >= body_end {
            break;
        }
        if is_space(c) {
            run += if c == '\u{3000}' { 2 } else { 1 };
            continue;
        }
        match start {
            Some(s) if run > 0 && (run >= 2 || !wide) => {
                let end = line
                    .get(..i)
                    .map_or(i, |h| h.trim_end_matches(is_space).len());
                cells.extend(line.get(s..end).map(|t| (s, t)));
                start = Some(i);
            }
            None => start = Some(i),
            _ => {}
        }
        run = 0;
    }
    if let Some(s) = start {
        cells.extend(line.get(s..body_end).map(|t| (s, t)));
    }
    if line.len() - body_end >= 2 && !cells.is_empty() {
        cells.push((body_end, ""));
    }
    if wide {
        // figures cut by single spaces inside a cell cut at runs: each is a cell of its own
        // ("合计  617.98 474.09 142.89", a row whose blank cell left two spaces)
        let mut out = Vec::with_capacity(cells.len());
        for (at, t) in cells {
            let mut parts = t.split(' ').filter(|p| !p.is_empty());
            if t.contains(' ') && parts.all(|p| is_value(kind(p))) {
                let mut off = at;
                for p in t.split(' ') {
                    if !p.is_empty() {
                        out.push((off, p));
                    }
                    off += p.len() + 1;
                }
            } else {
                out.push((at, t));
            }
        }
        return out;
    }
    cells
}

/// A line read as a row of a table laid out with spaces.
struct SpaceRow<'a> {
    /// Its label's cells (a code, or its parts, then a name; or one label: words, or a
    /// year), then its values (figures, dashes, a blank left by trailing spaces).
    cells: Vec<(usize, &'a str)>,
    /// How many of the cells are the label's.
    labels: usize,
    /// Its values are all blank: a label alone.
    blank: bool,
}

/// Whether words open with an item's number: 四、, 2. or （三）.
fn numbered(t: &str) -> bool {
    number_len(t).is_some()
}

/// The length in bytes of the item's number words open with (四、, 2. or （三）), if they do.
pub(super) fn number_len(t: &str) -> Option<usize> {
    let rest = t.trim_start_matches(['（', '(']);
    let digits =
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    let mark = digits
        .chars()
        .next()
        .filter(|c| matches!(c, '、' | '.' | '．' | '）' | ')'))?;
    (digits.len() < rest.len()).then(|| t.len() - digits.len() + mark.len_utf8())
}

/// Whether words hold an amount printed with a decimal point or a thousands separator
/// ("总计2,995.39总计": cells run together).
fn has_decimal(t: &str) -> bool {
    t.as_bytes()
        .windows(3)
        .any(|w| matches!(w, [a, b'.' | b',', c] if a.is_ascii_digit() && c.is_ascii_digit()))
}

/// A classification code (201, 20103, 2010301) opening a row.
fn is_code(t: &str) -> bool {
    matches!(t.len(), 3 | 5 | 7 | 9) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Line `line` as a row of a table laid out with spaces: a label, then figures, dashes or
/// blanks.
fn space_row(line: &str) -> Option<SpaceRow<'_>> {
    // a row ends in a value: a digit, a percent sign or a dash (prose ends otherwise), or
    // in spaces left by a blank cell
    let last = line.trim_end_matches(is_space).chars().next_back()?;
    let ends = last.is_ascii_digit() || matches!(last, '%' | '％') || figure::is_dash(last);
    if !(ends || line.ends_with("  ")) || !line.contains(is_space) {
        return None;
    }
    let mut cells = space_cells(line);
    let mut from = cells
        .iter()
        .rposition(|(_, t)| !is_value(kind(t)))
        .map_or(0, |k| k + 1);
    if from == 0 {
        // no words: a year labels the row (1996 3838.32 …)
        from = usize::from(cells.first().is_some_and(|c| figure::is_year(c.1)));
    }
    // the label from its first cell to its last: one cell, or a code then one; a code
    // printed in parts (201 03 01: 类, 款, 项) a cell for each part
    let codes = if from >= 2 && cells.first().is_some_and(|c| is_code(c.1)) {
        let split = cells.first().is_some_and(|c| c.1.len() == 3);
        // (a 款 or 项 printed without its leading zero: 301 2 津贴补贴)
        let part = |c: &&(usize, &str)| {
            matches!(c.1.len(), 1 | 2) && c.1.bytes().all(|b| b.is_ascii_digit())
        };
        1 + cells
            .iter()
            .take(from - 1)
            .skip(1)
            .take(if split { 2 } else { 0 })
            .take_while(part)
            .count()
    } else {
        0
    };
    let labels = codes + 1;
    let (at, _) = *cells.get(labels - 1)?;
    let (e, t) = *cells.get(from.checked_sub(1)?)?;
    let name = line.get(at..e + t.len())?;
    // (a label holding a figure: two tables side by side, "本年收入合计 2,946.25 本年支出合计")
    // (or a second item's number inside it: "3. 国有资本经营预算 四、卫生健康支出")
    let figure_in_name = cells
        .get(labels..from)?
        .iter()
        .enumerate()
        .any(|(k, c)| is_value(kind(c.1)) || has_decimal(c.1) || k > 0 && numbered(c.1));
    if from == cells.len()
        || figure_in_name
        || name.chars().count() > MAX_CELL_CHARS
        || name.contains(['。', '，', '；'])
    {
        return None;
    }
    cells.drain(labels..from);
    *cells.get_mut(labels - 1)? = (at, name);
    let blank = cells.iter().skip(labels).all(|v| v.1.is_empty());
    Some(SpaceRow {
        cells,
        labels,
        blank,
    })
}

/// A bar closes the line (the line is a cell of a bar table, or a bar alone).
fn ends_with_bar(line: &str) -> bool {
    let t = line.trim();
    t.ends_with('|') && t.matches('|').count() == 1
}

impl Reader<'_> {
    /// Points each figure of a table's cells at its row and column, after cells moved.
    pub(super) fn renumber(&mut self, table: usize, t: &Table) {
        for (r, row) in t.rows().iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                if let Some(id) = cell.figure {
                    self.doc.set_place(
                        id,
                        Place::Cell {
                            table,
                            row: r,
                            col: c,
                        },
                    );
                }
            }
        }
    }

    /// Whether a copied-out table (bars or spaces) starts at line `i`: a paragraph stops
    /// before it.
    pub(super) fn table_starts(&self, i: usize) -> bool {
        let line = |k: usize| self.lines.get(k).map_or("", |l| l.1);
        let bars = (i..i + 3).filter(|&k| ends_with_bar(line(k))).count();
        // a bounded look: a header and two rows show within the first lines (a paragraph
        // asks this at every line, so an unbounded scan would be quadratic)
        (bars >= 1
            && self.value_within_probe(i)
            && self
                .bar_pieces(i, PROBE_LINES)
                .is_some_and(|(p, _)| self.bar_shape(&p).is_some()))
            || self.space_run(i, 3).is_some()
            || self.panel_run(i).is_some()
    }

    /// Whether a line of the probe from line `i` could give a cell a figure or a dash
    /// ([`could_hold_value`]): without one, [`Reader::bar_shape`] finds no table, and the
    /// probe's cells need not be built. A paragraph asks at each of its lines, in order, so
    /// the lines known to hold none are remembered and each line is looked at once (lines of
    /// a bare bar were probed 64 lines deep at every line: 0.5 MB/s).
    fn value_within_probe(&self, i: usize) -> bool {
        let end = i.saturating_add(PROBE_LINES).min(self.lines.len());
        let (a, b) = self.no_value.get();
        let mut k = if a <= i && i <= b { b } else { i };
        while k < end {
            if self.lines.get(k).is_some_and(|l| could_hold_value(l.1)) {
                self.no_value.set((i, k));
                return true;
            }
            k += 1;
        }
        self.no_value.set((i, end.max(i)));
        false
    }

    /// Line `i` as a line of a bar table's cells: its start, the line, its cell's text (the
    /// bar and spaces trimmed) and whether a bar closes it; `None` where the cells stop.
    fn bar_line(&self, i: usize) -> Option<(usize, &str, &str, bool)> {
        let &(start, l) = self.lines.get(i)?;
        let usable = match self.kind(i).unwrap_or(LineKind::Blank) {
            LineKind::Text | LineKind::PageNumber => true,
            // "- |": a dash cell, not a list item
            LineKind::ListItem => ends_with_bar(l),
            _ => false,
        };
        if !usable {
            return None;
        }
        let t = l.trim();
        let (content, bar) = match t.strip_suffix('|') {
            Some(c) => (c.trim(), true),
            None => (t, false),
        };
        if content.contains('|')
            || content.chars().count() > MAX_CELL_CHARS
            || content.ends_with('。')
        {
            return None;
        }
        Some((start, l, content, bar))
    }

    /// The cells of a bar table from line `first`, and the count of bars seen.
    fn bar_pieces(&self, first: usize, max_lines: usize) -> Option<(Vec<Piece>, usize)> {
        let line = |k: usize| self.lines.get(k).map_or("", |l| l.1);
        // a bar within the first lines, or this is no bar table (keeps the probe cheap)
        if !(first..first + 4).any(|k| ends_with_bar(line(k))) {
            return None;
        }
        let run = || {
            (first..)
                .take_while(move |&i| i - first < max_lines)
                .map_while(|i| self.bar_line(i).map(|l| (i, l)))
        };
        // no digit and no dash in any of the lines: no figure or dash cell, so no table
        // ([`Reader::bar_shape`]), and no cell is built (lines of a bare bar held 50 times
        // their bytes in cells)
        if !run().any(|(_, (_, _, content, _))| could_hold_value(content)) {
            return None;
        }
        let mut cells = Vec::new();
        let mut pending: Option<Piece> = None;
        let mut bars = 0;
        for (i, (start, l, content, bar)) in run() {
            if !content.is_empty() {
                let lead = l.find(content).unwrap_or(0);
                match &mut pending {
                    Some(p) => {
                        p.text.push_str(content);
                        p.lines.push(i);
                        p.end = i;
                    }
                    None => {
                        pending = Some(Piece {
                            text: content.to_string(),
                            at: start + lead,
                            lines: vec![i],
                            end: i,
                        });
                    }
                }
            }
            if bar {
                bars += 1;
                let mut p = pending.take().unwrap_or(Piece {
                    text: String::new(),
                    at: start,
                    lines: Vec::new(),
                    end: i,
                });
                p.end = i;
                cells.push(p);
            }
        }
        cells.extend(pending);
        (bars >= 4).then_some((cells, bars))
    }

    /// The shape of a bar table's cells: `(header cells, first body cell, row width, rows,
    /// blank cells opening each row)`.
    fn bar_shape(&self, cells: &[Piece]) -> Option<(usize, usize, usize, usize)> {
        let kinds: Vec<CellKind> = cells.iter().map(|c| kind(&c.text)).into_vec();
        let first_value = kinds
            .iter()
            .position(|k| matches!(k, CellKind::Figure | CellKind::Dash))?;
        let label = first_value.checked_sub(1)?;
        if kinds.get(label) != Some(&CellKind::Text) {
            return None;
        }
        let lead = kinds
            .get(..label)?
            .iter()
            .rev()
            .take_while(|k| **k == CellKind::Blank)
            .count()
            .min(1);
        let next_label =
            (first_value..kinds.len()).find(|&k| kinds.get(k) == Some(&CellKind::Text))?;
        let width = next_label - label;
        if width < 2 {
            return None;
        }
        let start = label - lead;
        // "一般公共服务支出 | (blanks) | 20103": a row whose one figure, a bare integer, ends it
        // is cut one cell late — the figure is the next row's code — and its cells are not
        // under their columns
        let run_on = |s: usize| {
            let last = s + width - 1;
            let bare = cells
                .get(last)
                .is_some_and(|c| c.text.len() >= 3 && c.text.bytes().all(|b| b.is_ascii_digit()));
            bare && width > 3
                && kinds
                    .get(s + 1..last)
                    .is_some_and(|k| k.iter().all(|k| *k == CellKind::Blank))
        };
        // a row: blanks opening it, its label, then figures, dashes or blanks; whether it holds
        // a figure. "因公出国（境）费 | | |", a row left blank between rows of figures, is one of
        // them (a 三公 table's item with nothing spent), and so are blank rows after them
        let row_at = |s: usize| -> Option<bool> {
            let row = kinds.get(s..s + width)?;
            let shaped = row.iter().take(lead).all(|k| *k == CellKind::Blank)
                && row.get(lead) == Some(&CellKind::Text)
                && row.iter().skip(lead + 1).all(|k| is_value(*k));
            if !shaped || run_on(s) {
                return None;
            }
            Some(
                row.iter()
                    .skip(lead + 1)
                    .any(|k| matches!(k, CellKind::Figure | CellKind::Dash)),
            )
        };
        let (mut rows, mut valued) = (0, 0);
        while let Some(figures) = row_at(start + rows * width) {
            valued += usize::from(figures);
            rows += 1;
        }
        (valued >= 2).then_some((start, width, rows, lead))
    }

    /// A table copied out of a web page one cell per line, each cell closed by a bar
    /// (`合计 |`, or its text then a line holding only `|`; a cell's text may wrap over two
    /// lines). Rows are found from the cells: a label, then figures, dashes or blanks, the
    /// same count in every row; the cells before the first row are its header.
    pub(super) fn bar_table(&mut self, first: usize) -> Option<usize> {
        let (mut cells, _) = self.bar_pieces(first, usize::MAX)?;
        // bars alone on lines above a title close no cell of the table (a corner cell sits
        // right before the header's cells, never before its title): the table starts at
        // the title
        let titled = cells.iter().position(|c| !c.text.is_empty());
        if let Some(k) = titled.filter(|&k| cells.get(k).is_some_and(|c| c.lines.len() > 1)) {
            cells.drain(..k);
        }
        // lines of the first cell before its last are a title above the table
        let mut title_lines = Vec::new();
        if let Some(c) = cells.first_mut() {
            if c.lines.len() > 1 {
                title_lines = c.lines.split_off(0);
                let keep = title_lines.pop();
                if let Some(k) = keep {
                    let (s, l) = self.lines.get(k).copied().unwrap_or((0, ""));
                    let t = l.trim().trim_end_matches('|').trim();
                    c.text = t.to_string();
                    c.at = s + l.find(t).unwrap_or(0);
                    c.lines = vec![k];
                }
            }
        }
        let (start, width, nrows, _) = self.bar_shape(&cells)?;
        let end_cell = start + nrows * width;
        let end = cells.get(end_cell.checked_sub(1)?)?.end + 1;
        for &l in &title_lines {
            self.single_line(l);
        }
        let index = self.doc.tables.len();
        let caption = if title_lines.is_empty() {
            self.caption_before(first)
        } else {
            title_lines
                .iter()
                .filter_map(|&l| self.lines.get(l).map(|x| x.1.trim()))
                .into_vec()
                .join(" ")
        };
        // header rows: the cells before the first row, cut to the row width from the end
        let header: Vec<&Piece> = cells.get(..start)?.iter().into_vec();
        let mut groups: Vec<Vec<&Piece>> = Vec::new();
        let n = header.len();
        let split_two = (n > width && n < 2 * width)
            .then(|| {
                // a flattened two-row header: the second row starts at the group's 小计/合计
                (2..n).rev().find(|&k| {
                    header.get(k).is_some_and(|p| {
                        let t = crate::figure::unspaced(&p.text);
                        matches!(t.as_str(), "合计" | "小计" | "合計" | "小計")
                    }) && n - k < width
                })
            })
            .flatten();
        if let Some(k) = split_two {
            groups.push(header.get(..k)?.to_vec());
            groups.push(header.get(k..)?.to_vec());
        } else {
            let rest = n % width;
            if rest > 0 {
                groups.push(header.get(..rest)?.to_vec());
            }
            for ch in header.get(rest..)?.chunks(width) {
                groups.push(ch.to_vec());
            }
        }
        let body: Vec<&Piece> = cells.get(start..end_cell)?.iter().into_vec();
        for ch in body.chunks(width) {
            groups.push(ch.to_vec());
        }
        let mut header_rows = groups.len() - nrows;
        let mut rows = Vec::with_capacity(groups.len());
        for (r, g) in groups.iter().enumerate() {
            let line = g
                .iter()
                .find(|p| !p.lines.is_empty())
                .map_or(0, |p| self.doc.line_of(p.at));
            let mut row = Row {
                line,
                cells: Vec::with_capacity(g.len()),
            };
            for (c, p) in g.iter().enumerate() {
                let cell = if p.lines.len() > 1 {
                    // a cell wrapped over lines holds words
                    Cell {
                        text: p.text.clone(),
                        kind: CellKind::Text,
                        figure: None,
                    }
                } else {
                    self.cell(index, r, c, p.at, &p.text, self.doc.line_of(p.at))
                };
                row.cells.push(cell);
            }
            rows.push(row);
        }
        // a 栏次 row (栏次 1 2 3 …) numbers the columns: it reads like a row of figures, but
        // belongs to the header
        while rows.get(header_rows).is_some_and(Row::is_column_numbering) {
            header_rows += 1;
        }
        let mut t = Table::from_rows(caption, rows, header_rows);
        if split_two.is_some() && spread_last_header(&mut t) {
            self.renumber(index, &t);
        }
        self.doc.tables.push(t);
        Some(end)
    }

    /// The run of rows of a table laid out with spaces from line `first` ([`space_row`]),
    /// looked at for up to `max_rows` rows: line `first` is its first row or the header
    /// above it. Every row holds as many values as the first (where single spaces cut
    /// cells, a cell left blank is not seen, so a row with fewer values cannot be placed);
    /// a label alone between rows is a row of blanks. It takes three rows, or two under a
    /// header naming their columns; a row of other values just above it is part of the
    /// same table, whose cells cannot all be placed, so then there is none.
    fn space_run(&self, first: usize, max_rows: usize) -> Option<SpaceRun> {
        let line = |k: usize| self.lines.get(k).map_or("", |l| l.1);
        let text = |k: usize| self.kind(k) == Some(LineKind::Text);
        let (head, from) = match self.space_shape(first) {
            Some(_) => (None, first),
            None => (Some(first), first + 1),
        };
        let top = self.space_shape(from).filter(|r| !r.blank)?;
        let w = top.values;
        let fits = |k: usize| self.space_shape(k).filter(|r| r.blank || r.values == w);
        let (mut end, mut last, mut rows, mut codes) = (from, from, 0, 0);
        while rows < max_rows {
            match self.space_shape(end) {
                Some(r) if r.blank || r.values == w => {
                    codes = codes.max(r.codes);
                    if !r.blank {
                        last = end + 1;
                        rows += 1;
                    }
                }
                None if end > from
                    && text(end)
                    && label_alone(line(end))
                    && fits(end + 1).is_some() => {}
                // a page break: the rows go on after it
                None if !text(end)
                    && end < self.lines.len()
                    && fits(self.next_content(end)).is_some_and(|r| !r.blank) =>
                {
                    end = self.next_content(end);
                    continue;
                }
                _ => break,
            }
            end += 1;
        }
        // (a first row naming years is the header itself: the line above is a title)
        let head =
            head.filter(|&h| !top.years && text(h) && header_cells(line(h), codes, w).is_some());
        if head.is_none() && from != first || rows < 2 || rows < 3 && head.is_none() {
            return None;
        }
        // a row of other values a few lines above, not closed by a total: part of the
        // same table, past a page's break and its header printed again, whose cells
        // cannot all be placed (its totals would be summed over part of its rows)
        let top_line = head.unwrap_or(from);
        let above = (top_line.saturating_sub(6)..top_line)
            .rev()
            .find(|&k| text(k) && ends_in_values(line(k)));
        if above.is_some_and(|k| !names_total(line(k))) {
            return None;
        }
        Some(SpaceRun {
            head,
            from,
            end: last,
            w,
            codes,
            // (a row of other values, or a code's row its name wrapped around it, within
            // the next lines: the table may go on past what could be read)
            cut: (last..last + 6).any(|k| text(k) && ends_in_values(line(k))),
        })
    }

    /// The shape of line `k` as a row of a table laid out with spaces ([`space_row`]).
    fn space_shape(&self, k: usize) -> Option<Shape> {
        if self.kind(k) != Some(LineKind::Text) {
            return None;
        }
        let r = space_row(self.lines.get(k)?.1)?;
        let values = r.cells.get(r.labels..)?;
        Some(Shape {
            values: values.len(),
            codes: r.labels - 1,
            blank: r.blank,
            years: values.iter().all(|v| figure::is_year(v.1)),
        })
    }

    /// A table laid out with spaces ([`Reader::space_run`]): a header naming its columns,
    /// when the line above its rows does, and its rows.
    pub(super) fn space_table(&mut self, first: usize) -> Option<usize> {
        let run = self.space_run(first, usize::MAX)?;
        let index = self.doc.tables.len();
        let caption = self.caption_before(run.head.unwrap_or(run.from));
        let labels = 1 + run.codes;
        let width = labels + run.w;
        let mut rows = Vec::with_capacity(run.end - run.from + 1);
        let lines = run.head.into_iter().chain(run.from..run.end);
        for k in lines {
            // (lines of a page's break)
            if self.kind(k) != Some(LineKind::Text) {
                continue;
            }
            let (start, l) = self.lines.get(k).copied()?;
            let line_no = self.doc.line_of(start);
            let r = rows.len();
            // the row's cells, a blank one `(0, "")`
            let mut cells = Vec::with_capacity(width);
            if Some(k) == run.head {
                let named = header_cells(l, run.codes, run.w)?;
                cells.resize(width - named.len(), (0, ""));
                cells.extend(named);
            } else if let Some(sr) = space_row(l) {
                // a code's parts from the first column, the name in the last label column
                // (a row without a code, 合计, starts in the first)
                let (code, name) = sr.cells.split_at(sr.labels - 1);
                cells.extend(code);
                if !code.is_empty() {
                    cells.resize(labels - 1, (0, ""));
                }
                cells.extend(name.first());
                cells.resize(labels, (0, ""));
                if !sr.blank {
                    cells.extend(sr.cells.iter().skip(sr.labels));
                }
            } else {
                let t = l.trim_start();
                cells.push((l.len() - t.len(), t.trim_end()));
            }
            cells.resize(width, (0, ""));
            let mut row = Row {
                line: line_no,
                cells: Vec::with_capacity(width),
            };
            for (c, (off, t)) in cells.into_iter().enumerate() {
                let cell = self.cell(index, r, c, start + off, t, line_no);
                row.cells.push(cell);
            }
            rows.push(row);
        }
        let mut t = Table::from_rows(caption, rows, 0);
        super::settle_header(&mut t);
        t.cut = run.cut;
        self.doc.tables.push(t);
        Some(run.end)
    }
}

/// A line's shape as a row of a table laid out with spaces ([`Reader::space_shape`]).
#[derive(Clone, Copy)]
struct Shape {
    /// How many values it holds.
    values: usize,
    /// How many cells of a code open its label.
    codes: usize,
    /// Its values are all blank.
    blank: bool,
    /// Its values are all years: it names the columns.
    years: bool,
}

/// A run of rows of a table laid out with spaces ([`Reader::space_run`]).
struct SpaceRun {
    /// The line of the header naming its columns.
    head: Option<usize>,
    /// Its rows' lines, `from..end`.
    from: usize,
    end: usize,
    /// How many values each row holds.
    w: usize,
    /// How many columns of a code stand before the labels.
    codes: usize,
    /// A row of other values follows: the table may go on in rows that could not be read.
    cut: bool,
}

/// Whether a line ends in two or more values cut by spaces: a row of a table laid out with
/// spaces, whatever its label (a code alone, its name printed on the lines around it).
fn ends_in_values(line: &str) -> bool {
    let cells = space_cells(line);
    cells.len() >= 2
        && cells
            .iter()
            .rev()
            .take(2)
            .all(|c| !c.1.is_empty() && is_value(kind(c.1)))
}

/// Whether a row's line names a total (合计, 总计): a table closed by it ends there.
pub(super) fn names_total(line: &str) -> bool {
    ["合计", "总计", "合計", "總計"]
        .iter()
        .any(|w| crate::figure::unspaced(line).contains(w))
}

/// A line holding a label alone between rows of a table laid out with spaces (a heading
/// row, an item with nothing printed).
fn label_alone(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    // (not a table's title or unit line: "表2 支出决算表" between two tables would join
    // them, and the second's total would be summed over the first's rows too)
    (1..=20).contains(&n)
        && kind(t) == CellKind::Text
        && !t.contains(['。', '，', '；', '表'])
        && !t.starts_with("单位")
}

/// The cells of a header line naming the columns of rows laid out with spaces: words
/// only, one per column (the label's too, or only the values'); where single spaces cut
/// them, characters printed apart in pairs (合 计) are one name.
fn header_cells(line: &str, codes: usize, w: usize) -> Option<Vec<(usize, &str)>> {
    let width = w + 1 + codes;
    let mut cells = space_cells(line);
    if cells.iter().any(|c| kind(c.1) != CellKind::Text) {
        return None;
    }
    if !cut_at_runs(line) && cells.len() > width {
        cells = joined_pairs(line, &cells)?;
    }
    // (one name over one column of values may be the table's title)
    (cells.len() == width || cells.len() == w && w >= 2).then_some(cells)
}

/// A header line's cells with characters printed apart in pairs (合 计, 项 目) joined into
/// one name.
pub(super) fn joined_pairs<'a>(
    line: &'a str,
    cells: &[(usize, &'a str)],
) -> Option<Vec<(usize, &'a str)>> {
    let one = |c: &(usize, &str)| c.1.chars().count() == 1;
    let mut merged: Vec<(usize, &str)> = Vec::with_capacity(cells.len());
    let mut k = 0;
    while let Some(c) = cells.get(k) {
        match cells.get(k + 1) {
            Some(d) if one(c) && one(d) => {
                merged.push((c.0, line.get(c.0..d.0 + d.1.len())?));
                k += 2;
            }
            _ => {
                merged.push(*c);
                k += 1;
            }
        }
    }
    Some(merged)
}

/// A header naming rates or shares (税收比重%, 增幅%), which stands over one column.
fn names_a_rate(h: &str) -> bool {
    ["率", "%", "％", "比重", "占比", "比例"]
        .iter()
        .any(|k| h.contains(k))
}

/// A header whose merged cells were flattened: the row above names each column once (a
/// group over several sub-columns printed once), the row below names only the
/// sub-columns. Spreads both over the table's width, a group name on its first column
/// and blanks after it (as merged cells read), so column headers read `group/sub`. Which
/// upper cells are groups: not the first (it names the rows), not a rate (税收比重%),
/// then those whose names share most with the sub-column names.
/// Whether it changed the table.
pub(super) fn spread_last_header(t: &mut Table) -> bool {
    let header_rows = t.header_rows;
    let width = t
        .rows()
        .iter()
        .skip(header_rows)
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(0);
    let (Some(top_i), Some(sub_i)) = (header_rows.checked_sub(2), header_rows.checked_sub(1))
    else {
        return false;
    };
    let (Some(top), Some(sub)) = (t.row_owned(top_i), t.row_owned(sub_i)) else {
        return false;
    };
    let Some((new_top, new_sub)) = spread(&top, &sub, width) else {
        return false;
    };
    t.set_row(top_i, new_top);
    t.set_row(sub_i, new_sub);
    true
}

/// The two header rows spread over `width` columns, when they read as group and sub-columns.
fn spread(top: &Row, sub: &Row, width: usize) -> Option<(Vec<Cell>, Vec<Cell>)> {
    let (n1, n2) = (top.cells.len(), sub.cells.len());
    let no_blanks = |r: &Row| r.cells.iter().all(|c| c.kind != CellKind::Blank);
    if n1 >= width || n2 >= width || n2 < 2 || !no_blanks(top) || !no_blanks(sub) {
        return None;
    }
    let leaves = width - n2;
    let groups = n1.checked_sub(leaves).filter(|g| *g >= 1)?;
    if n2 % groups != 0 {
        return None;
    }
    let bigrams = |s: &str| -> Vec<(char, char)> {
        let v: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).into_vec();
        v.windows(2)
            .filter_map(|w| Some((*w.first()?, *w.get(1)?)))
            .into_vec()
    };
    let sub_grams: Vec<Vec<(char, char)>> = sub.cells.iter().map(|c| bigrams(&c.text)).into_vec();
    let mut scored: Vec<(i64, usize)> = top
        .cells
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, c)| !names_a_rate(&c.text))
        .map(|(k, c)| {
            let g = bigrams(&c.text);
            let score = sub_grams
                .iter()
                .filter(|s| s.iter().any(|b| g.contains(b)))
                .count();
            // one sub-column sharing a word is no evidence ("2020年预算调整数" and
            // "占调整预算%", a share under 执行数): only two or more outweigh the position
            let score = if score >= 2 { score } else { 0 };
            (i64::try_from(score).unwrap_or(0), k)
        })
        .into_vec();
    if scored.len() < groups {
        return None;
    }
    // best score first; on a tie the rightmost (groups usually close a header)
    crate::sort::sort_by(&mut scored, |a, b| b.cmp(a));
    let chosen: Vec<usize> = scored.iter().take(groups).map(|s| s.1).into_vec();
    let per = n2 / groups;
    let blank = || Cell {
        text: String::new(),
        kind: CellKind::Blank,
        figure: None,
    };
    let mut new_top = Vec::with_capacity(width);
    let mut new_sub = Vec::with_capacity(width);
    let mut subs = sub.cells.iter();
    for (k, c) in top.cells.iter().enumerate() {
        new_top.push(c.clone());
        if chosen.contains(&k) {
            for j in 0..per {
                if j > 0 {
                    new_top.push(blank());
                }
                new_sub.push(subs.next().cloned().unwrap_or_else(blank));
            }
        } else {
            new_sub.push(blank());
        }
    }
    if new_top.len() != width {
        return None;
    }
    Some((new_top, new_sub))
}

#[cfg(test)]
pub(super) mod tests {
    use super::{could_hold_value, PROBE_LINES};
    use crate::figure::CellKind;
    use crate::read::{read_text, Reader};

    /// Each relation reported on `text` as `line rule status reported`.
    pub(in crate::read) fn outcomes(text: &str) -> Vec<String> {
        crate::check_str(text).map_or(Vec::new(), |r| {
            r.checks
                .iter()
                .map(|e| format!("{} {:?} {:?} {}", e.line, e.rule, e.status, e.reported))
                .collect()
        })
    }

    /// A 决算 table as a PDF viewer copies it: cells cut by single spaces, a code column
    /// whose 合计 row has no code.
    const SINGLE_SPACES: &str =
        "支出决算表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n\
        201 一般公共服务支出 150.00 100.00 50.00\n\
        20103 政府办公厅（室）及相关机构事务 150.00 100.00 50.00\n\
        2010301 行政运行 100.00 100.00 0.00\n\
        2010350 事业运行 50.00 0.00 50.00\n\
        合计 150.00 100.00 50.00\n";

    #[test]
    fn a_table_cut_by_single_spaces_is_read_as_its_tab_copy_is() {
        let doc = read_text(SINGLE_SPACES);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert_eq!(
            (t.header_rows, t.caption.as_str()),
            (1, "支出决算表 单位：万元")
        );
        assert_eq!(t.column_header(2), "合计");
        // (one label per row: every figure's row is named by it)
        assert_eq!(t.row_label_at(3, 4), "行政运行");
        assert_eq!(
            labels_and_figures(&doc, 0),
            [
                "201|一般公共服务支出|150.00|100.00|50.00",
                "20103|政府办公厅（室）及相关机构事务|150.00|100.00|50.00",
                "2010301|行政运行|100.00|100.00|0.00",
                "2010350|事业运行|50.00|0.00|50.00",
                "合计||150.00|100.00|50.00",
            ]
        );
        // the report is the tab copy's
        let tabs: String = SINGLE_SPACES
            .lines()
            .map(|l| {
                let mut cells: Vec<&str> = l.split(' ').collect();
                if cells.first() == Some(&"合计") {
                    cells.insert(1, "");
                }
                cells.join("\t") + "\n"
            })
            .collect();
        let (spaced, tabbed) = (outcomes(SINGLE_SPACES), outcomes(&tabs));
        assert_eq!(spaced.len(), 14);
        assert_eq!(spaced, tabbed);
        // the 合计 row's blank 科目名称 left as a second space: its figures are cells still
        let mixed = SINGLE_SPACES.replace("合计 150.00", "合计  150.00");
        assert_eq!(outcomes(&mixed).len(), 14);
        // a wrong figure fails, with the rows the tab copy sums
        let wrong = SINGLE_SPACES.replace("2010301 行政运行 100.00", "2010301 行政运行 90.00");
        assert!(outcomes(&wrong).iter().any(|o| o.contains("Fail")));
    }

    #[test]
    fn a_yearbooks_rows_labelled_by_years_under_a_header_printed_apart() {
        // 中国统计年鉴 1999, 8-12 预算外资金分项目支出, as its web page prints it
        // (https://www.stats.gov.cn/yearbook/1999/h12c.htm)
        let text = "8-12 预算外资金分项目支出\n单位:亿元            \n\
            年份 合 计 基本建设支出 专项支出 事业行政经费 乡镇统筹支出 其它支出\n\
            1996 3838.32 1,490.23 307.27 1254.36 136.39 650.07\n\
            1997 2685.54 502.03 311.59 1280.19 288.69 303.04\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].column_header(1), "合计");
        let ok = outcomes(text);
        assert_eq!(ok.len(), 2, "{ok:?}");
        assert!(ok.iter().all(|o| o.contains("Pass")), "{ok:?}");
        // each row's sum is named by its year
        let report = crate::check_str(text).expect("read");
        assert!(
            report.checks[0].relation.zh.starts_with("1996 合计"),
            "{:?}",
            report.checks[0].relation
        );
        let wrong = text.replace("2685.54", "2785.54");
        assert!(outcomes(&wrong)
            .iter()
            .any(|o| o.starts_with("5 ") && o.contains("Fail")));
    }

    #[test]
    fn rows_cut_by_single_spaces_whose_cells_cannot_all_be_placed_are_not_summed() {
        // 教育支出 prints two of three figures: which column is blank cannot be told, so
        // no total is worked out over it (the rows below it are the same table's)
        let rows = "一般公共服务支出 150.00 100.00 50.00\n教育支出 60.00 60.00\n\
            科学技术支出 40.00 30.00 10.00\n文化支出 20.00 10.00 10.00\n\
            卫生支出 30.00 30.00 0.00\n";
        let closing = format!("项目 合计 基本支出 项目支出\n{rows}合计 240.00 180.00 60.00\n");
        assert!(outcomes(&closing).is_empty(), "{:?}", outcomes(&closing));
        // a total above them is reported only where it holds
        let opening = format!("项目 合计 基本支出 项目支出\n合计 240.00 180.00 60.00\n{rows}");
        let said = outcomes(&opening);
        assert!(said.iter().all(|o| !o.contains("TotalRow")), "{said:?}");
        // with every cell printed, the same totals are worked out
        let full = closing.replace("教育支出 60.00 60.00", "教育支出 60.00 60.00 0.00");
        assert!(outcomes(&full).iter().any(|o| o.contains("TotalRow")));
    }

    /// A 收入预算总表 as a PDF viewer copies it (modelled on the 2025 budgets of a Shanghai
    /// district's offices, ../shared/pdf): the code printed in parts, the table running
    /// over a page break, 合计 closing it.
    const COPIED_OVER_A_PAGE: &str = "部门收入预算总表\n单位：元\n\
        201 一般公共服务支出 150.00 150.00\n\
        201 03 政府办公厅（室）及相关机构事务 150.00 150.00\n\
        201 03 01 行政运行 100.00 100.00\n\
        201 03 50 事业运行 50.00 50.00\n\
        \n\
        221 住房保障支出 30.00 30.00\n\
        221 02 住房改革支出 30.00 30.00\n\
        221 02 01 住房公积金 30.00 30.00\n\
        合计 180.00 180.00\n";

    #[test]
    fn a_table_copied_from_a_pdf_runs_over_its_page_break_with_codes_in_parts() {
        let doc = read_text(COPIED_OVER_A_PAGE);
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(
            labels_and_figures(&doc, 0)[2],
            "201|03|01|行政运行|100.00|100.00"
        );
        let said = outcomes(COPIED_OVER_A_PAGE);
        // code roll-ups of 201, 20103, 221 and 22102 and the total, in two columns
        assert_eq!(said.len(), 10, "{said:?}");
        assert!(said.iter().all(|o| o.contains("Pass")), "{said:?}");
        let wrong = COPIED_OVER_A_PAGE.replace("合计 180.00", "合计 190.00");
        assert!(outcomes(&wrong).iter().any(|o| o.contains("TotalRow Fail")));
    }

    #[test]
    fn rows_read_apart_from_their_table_are_not_summed() {
        // the next row's name wrapped around its code: the table cannot be read past it,
        // so 20103's sub-codes read may not be all of them
        let cut = COPIED_OVER_A_PAGE.replace(
            "201 03 50 事业运行 50.00 50.00\n",
            "201 03 50 事业运行 50.00 50.00\n其他政府办公厅（室）及相关\n2010399 20.00 20.00\n机构事务支出\n",
        );
        let cut = cut.replace("150.00", "170.00").replace("180.00", "200.00");
        let said = outcomes(&cut);
        assert!(said.iter().all(|o| !o.contains("Fail")), "{said:?}");
        // rows below that row are the same table's: its 合计 is not summed over them alone
        assert!(said.iter().all(|o| !o.contains("TotalRow")), "{said:?}");
        // two tables side by side on each line (收支总表): no row holds the other's words
        let side = "收支预算总表\n项目 预算数 项目 预算数\n\
            一、财政拨款收入 371.51 一、一般公共服务支出 21.60\n\
            1. 一般公共预算资金 371.51 二、科学技术支出 17.20\n\
            2. 政府性基金 三、社会保障和就业支出 3.81\n\
            3. 国有资本经营预算 四、卫生健康支出 0.88\n\
            二、事业收入 五、资源勘探工业信息等支出 293.81\n\
            三、事业单位经营收入 六、商业服务业等支出 31.36\n\
            四、其他收入 七、住房保障支出 2.85\n\
            收入总计 371.51 支出总计 371.51\n";
        assert!(
            outcomes(side).iter().all(|o| !o.contains("Fail")),
            "{:?}",
            outcomes(side)
        );
    }

    #[test]
    fn a_title_between_two_tables_cut_by_single_spaces_ends_the_first() {
        // a line without figures between rows is a heading row, but not a table's title:
        // 支出表's 合计 is not summed over 收入表's rows (nor read at all, so close below
        // rows no total closed)
        let text = "表1 收入表\n项目 合计 财政拨款\n税收收入 200.00 200.00\n\
            非税收入 100.00 100.00\n表2 支出表\n一般公共服务 120.00 120.00\n\
            教育 80.00 80.00\n合计 200.00 200.00\n";
        assert_eq!(read_text(text).tables.len(), 1);
        let said = outcomes(text);
        assert!(said.iter().all(|o| !o.contains("Fail")), "{said:?}");
        // closed by its total, the first table leaves the second to be read
        let closed = text.replace("表2", "合计 300.00 300.00\n表2");
        let said = outcomes(&closed);
        assert_eq!(read_text(&closed).tables.len(), 2);
        assert_eq!(
            said.iter().filter(|o| o.contains("TotalRow Pass")).count(),
            4,
            "{said:?}"
        );
        // a heading row inside a table stays in it
        let headed = text.replace("表2 支出表", "二、支出");
        assert_eq!(read_text(&headed).tables.len(), 1);
        assert_eq!(read_text(&headed).tables[0].rows().len(), 7);
    }

    #[test]
    fn a_header_naming_years_cut_by_single_spaces_is_no_row() {
        let text = "表1 收支\n项目 2019 2020\n一般 10 20\n其他 5 6\n合计 15 26\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].header_rows, 1);
        let said = outcomes(text);
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said.iter().all(|o| o.contains("Pass")), "{said:?}");
    }

    fn labels_and_figures(doc: &crate::Document, t: usize) -> Vec<String> {
        let t = &doc.tables[t];
        t.rows()
            .iter()
            .skip(t.header_rows)
            .map(|r| r.cells.iter().map(|c| c.text).collect::<Vec<_>>().join("|"))
            .collect()
    }

    #[test]
    fn a_bar_tables_rows_left_blank_are_its_rows() {
        // 寿县文物保护中心's 2023 三公 table copied one cell per line (as a stored page
        // printed it): 因公出国(境)费 and the two parts of 公务用车 spent nothing, their
        // cells bars alone on their lines
        let cells = [
            "项 目 |",
            "预 算 数 |",
            "决 算 数 |",
            "合 计 |",
            "3 |",
            "1.71 |",
            "因公出国(境)费 |",
            "|",
            "|",
            "公务接待费 |",
            "1 |",
            "0.53 |",
            "公务用车购置及运行维护费 |",
            "2 |",
            "1.18 |",
            "其中:公务用车运行维护费 |",
            "|",
            "|",
            "公务用车购置费 |",
            "|",
            "|",
        ];
        let text = format!(
            "“三公”经费支出决算表\n单位:万元\n{}\n说明如下。\n",
            cells.join("\n")
        );
        let doc = read_text(&text);
        assert_eq!(doc.tables.len(), 1, "{:?}", doc.tables);
        assert_eq!(
            labels_and_figures(&doc, 0),
            [
                "合 计|3|1.71",
                "因公出国(境)费||",
                "公务接待费|1|0.53",
                "公务用车购置及运行维护费|2|1.18",
                "其中:公务用车运行维护费||",
                "公务用车购置费||"
            ]
        );
        // a run of blank rows alone is no table: two rows of figures make one
        let one = text
            .replace("1 |\n0.53 |", "|\n|")
            .replace("2 |\n1.18 |", "|\n|");
        assert!(read_text(&one).tables.is_empty());
    }

    #[test]
    fn a_bar_tables_column_numbers_are_header_and_a_row_cut_late_ends_it() {
        // modelled on a county hospital's 收支决算总表 copied one cell per line (miluo.gov.cn,
        // 2017): the 栏次 row numbers the columns; below the 合计 row each row's code is
        // printed before its name, so cut at the names every row ends with the next code
        let cell = |s: &str| format!("{s} |\n");
        let mut text = String::from("收支决算总表\n");
        let cells = [
            "项目",
            "本年收入",
            "本年支出",
            "收支结余",
            "类款项",
            "栏次",
            "1",
            "2",
            "3",
            "",
            "",
            "合计",
            "120.50",
            "100.25",
            "20.25",
            "",
            "201",
            "一般公共服务支出",
            "",
            "",
            "",
            "",
            "20103",
            "行政运行",
            "",
            "",
            "",
            "",
            "2010301",
        ];
        for c in cells {
            text.push_str(&cell(c));
        }
        let doc = read_text(&text);
        assert_eq!(doc.tables.len(), 1, "{:?}", doc.tables);
        // the 合计 row is kept (its last cell is the next row's code), the rows cut late are
        // not read as rows
        assert_eq!(
            labels_and_figures(&doc, 0),
            ["合计|120.50|100.25|20.25||201"]
        );
        let t = &doc.tables[0];
        assert!(t
            .rows()
            .get(t.header_rows - 1)
            .unwrap()
            .is_column_numbering());
    }

    #[test]
    fn cells_closed_by_bar_lines_with_a_flattened_two_row_header() {
        let text = "说明文字。\n对比情况\n年度\n|\n合计\n|\n出国\n|\n公车购置及运行费\n|\n合计\n|\n车辆购置\n|\n车辆运行\n|\n2015年\n|\n2840\n|\n90\n|\n2750\n|\n73\n|\n2677\n|\n2016年\n|\n2364\n|\n12\n|\n2352\n|\n37\n|\n2315\n|\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert_eq!(t.caption, "对比情况");
        assert_eq!(t.header_rows, 2);
        assert_eq!(t.column_header(3), "公车购置及运行费/合计");
        assert_eq!(t.column_header(5), "公车购置及运行费/车辆运行");
        assert_eq!(t.column_header(1), "合计");
        assert_eq!(
            labels_and_figures(&doc, 0),
            ["2015年|2840|90|2750|73|2677", "2016年|2364|12|2352|37|2315"]
        );
        let f = doc.figure(t.figure(3, 4).unwrap()).unwrap();
        assert_eq!((f.raw, f.line), ("37", 37));
        assert_eq!(&doc.source[f.start..f.end], "37");
        assert_eq!(doc.paragraphs[0].text, "说明文字。");
    }

    #[test]
    fn bars_alone_above_a_bar_tables_title_are_no_cells_of_it() {
        let table = "对比情况\n年度\n|\n合计\n|\n出国\n|\n公车购置及运行费\n|\n合计\n|\n车辆购置\n|\n车辆运行\n|\n2015年\n|\n2840\n|\n90\n|\n2750\n|\n73\n|\n2677\n|\n2016年\n|\n2364\n|\n12\n|\n2352\n|\n37\n|\n2315\n|\n";
        // a web page's empty cells copied as lines of a bar, between the text and the table
        for strays in [0, 1, 2, 40] {
            let text = format!("说明文字。\n{}{table}", "|\n".repeat(strays));
            let doc = read_text(&text);
            assert_eq!(doc.tables.len(), 1, "{strays}");
            let t = &doc.tables[0];
            assert_eq!(t.caption, "对比情况", "{strays}");
            assert_eq!(t.header_rows, 2, "{strays}");
            assert_eq!(t.column_header(1), "合计", "{strays}");
            assert_eq!(t.column_header(3), "公车购置及运行费/合计", "{strays}");
            assert_eq!(t.column_header(5), "公车购置及运行费/车辆运行", "{strays}");
            assert_eq!(
                labels_and_figures(&doc, 0),
                ["2015年|2840|90|2750|73|2677", "2016年|2364|12|2352|37|2315"],
                "{strays}"
            );
        }
        // one bar right before the header's first cell is its corner, kept as a cell
        let doc = read_text("说明文字。\n|\n合计\n|\n出国\n|\n接待\n|\n2015年\n|\n100\n|\n40\n|\n60\n|\n2016年\n|\n90\n|\n30\n|\n60\n|\n");
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].column_header(1), "合计");
        assert_eq!(
            labels_and_figures(&doc, 0),
            ["2015年|100|40|60", "2016年|90|30|60"]
        );
    }

    #[test]
    fn cells_ending_with_a_bar_one_per_line_with_dashes_and_wrapped_words() {
        let text = "2020年度情况\n经费项目 |\n2020年度支出 (万元) |\n减少率 |\n因公出国(境)费 |\n0 |\n0% |\n公务接待费 |\n71.53 |\n- |\n使用情况\n使用项目 |\n数量 |\n公务用车保有量 |\n660 |\n国内公务接待批次 |\n486 |\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 2, "{:?}", doc.tables);
        assert_eq!(doc.tables[0].caption, "2020年度情况");
        assert_eq!(doc.tables[0].column_header(1), "2020年度支出 (万元)");
        assert_eq!(
            labels_and_figures(&doc, 0),
            ["因公出国(境)费|0|0%", "公务接待费|71.53|-"]
        );
        assert_eq!(doc.tables[0].cell(2, 2).unwrap().kind, CellKind::Dash);
        assert_eq!(doc.tables[1].caption, "使用情况");
        assert_eq!(
            labels_and_figures(&doc, 1),
            ["公务用车保有量|660", "国内公务接待批次|486"]
        );
    }

    #[test]
    fn pipe_rows_wrapped_at_their_empty_cells_under_a_flattened_header() {
        let text = "单位：万元\n地区 | 收入 | 比重% | 支出 | ||||\n当月 | 累计 | 当月 | 累计 | ||\n全市 | 70 |\n| 60.5 | 90 | 300 |\n甲区 | 40 | 100 | 61.4 | 50 | 80 |\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert_eq!(t.header_rows, 2);
        let headers: Vec<String> = (0..t.width()).map(|c| t.column_header(c)).collect();
        assert_eq!(
            headers,
            [
                "地区",
                "收入/当月",
                "收入/累计",
                "比重%",
                "支出/当月",
                "支出/累计"
            ]
        );
        assert_eq!(
            labels_and_figures(&doc, 0),
            ["全市|70||60.5|90|300", "甲区|40|100|61.4|50|80"]
        );
    }

    #[test]
    fn columns_laid_out_with_runs_of_spaces() {
        let text = "项目 2016-执行数 2017-预算数\n一、支出合计   250000\n1、因公出国(境)费用    \n2、公务接待费   150000\n3、公务用车费   100000\n备注:1、说明文字 2、说明文字。\n";
        let doc = read_text(text);
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(
            labels_and_figures(&doc, 0),
            [
                "一、支出合计|250000",
                "1、因公出国(境)费用|",
                "2、公务接待费|150000",
                "3、公务用车费|100000"
            ]
        );
        assert_eq!(doc.tables[0].caption, "项目 2016-执行数 2017-预算数");
    }

    #[test]
    fn the_probe_remembers_lines_without_a_value_and_answers_as_a_fresh_look() {
        // lines of a bare bar with a digit, a dash or a fullwidth digit here and there, asked
        // about in order (as a paragraph asks), backwards and out of order: every answer is
        // that of a look at each line of the probe
        let text: String = (0..400)
            .map(|k| match k {
                70 => "12 |\n",
                200 => "— |\n",
                330 => "说明３\n",
                _ => "|\n",
            })
            .collect();
        let source: crate::document::Source = std::sync::Arc::new(text.clone());
        let r = Reader::new(&source, source.clone());
        let fresh = |i: usize| {
            (i..(i + PROBE_LINES).min(r.lines.len())).any(|k| could_hold_value(r.lines[k].1))
        };
        let asked = (0..410)
            .chain((0..410).rev())
            .chain((0..410).map(|k| k * 7919 % 410));
        let mut values = 0;
        for i in asked {
            assert_eq!(r.value_within_probe(i), fresh(i), "line {i}");
            values += usize::from(fresh(i));
        }
        assert!(values > 0 && values < 3 * 410, "both answers are asked for");
        // what a figure or a dash cell needs: a digit or a dash, folded as figures are
        for (line, value) in [
            ("|", false),
            ("说明 |", false),
            ("12 |", true),
            ("－", true),
        ] {
            assert_eq!(could_hold_value(line), value, "{line:?}");
        }
    }

    #[test]
    fn prose_with_bars_or_spaces_stays_text() {
        for text in [
            "浏览量:1 | | | |\n来源:某单位   2017-04-27 00:00\n正文 12 万元。\n",
            "甲 |\n乙\n说明文字很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n",
            "收入  12 万元，支出  10 万元。\n本年  结余 2 万元。\n",
        ] {
            let doc = read_text(text);
            assert!(doc.tables.is_empty(), "{text:?} read as {:?}", doc.tables);
        }
    }
}
