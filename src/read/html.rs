//! HTML → the text form the reader understands: block elements become lines, headings
//! `#` lines, and each table row one tab-separated line with `rowspan`/`colspan` expanded
//! (a merged cell's text sits in its top-left slot; the slots it covers are blank, which
//! the reader takes as a merged header). Scripts and styles are dropped; nothing is run.

/// Whether the text is an HTML document or fragment rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<table")
        || head.starts_with("<body")
        || head.starts_with("<div")
        || head.starts_with("<p>")
        || head.starts_with("<p ")
        || (head.starts_with('<') && text.contains("</table>"))
}

/// A cell being read: its text, spans, and the source line of its first text.
struct CellBuf {
    text: String,
    rowspan: usize,
    colspan: usize,
    line: Option<u32>,
}

/// The most cells `rowspan`/`colspan` may add to a document's tables, beyond the cells
/// written: a merged header or a category spanning rows adds a few hundred; a page of
/// `rowspan=1000 colspan=1000` cells would add billions.
pub const MAX_EXPANDED_CELLS: usize = 1_000_000;

#[derive(Default)]
struct TableState {
    /// Cells added by expansion so far, and how many more may be.
    added: usize,
    limit: usize,
    /// Expansion stopped at the limit.
    overflow: bool,
    rows: Vec<Vec<(String, u32)>>,
    current: Option<Vec<(String, u32)>>,
    cell: Option<CellBuf>,
    /// Per column: how many more rows a rowspan above still covers.
    carry: Vec<usize>,
    /// Source line of the current `<tr>`.
    row_line: u32,
}

impl TableState {
    fn start_row(&mut self, line: u32) {
        self.end_row();
        self.current = Some(Vec::new());
        self.row_line = line;
        self.fill_carried();
    }

    /// Blank slots for cells merged from the rows above.
    fn fill_carried(&mut self) {
        let Some(row) = self.current.as_mut() else {
            return;
        };
        while let Some(left) = self.carry.get_mut(row.len()) {
            if *left == 0 {
                break;
            }
            if self.added >= self.limit {
                self.overflow = true;
                break;
            }
            self.added += 1;
            *left -= 1;
            row.push((String::new(), self.row_line));
        }
    }

    fn end_cell(&mut self) {
        let Some(cell) = self.cell.take() else {
            return;
        };
        let line = cell.line.unwrap_or(self.row_line);
        let row = self.current.get_or_insert_with(Vec::new);
        let col = row.len();
        let text = cell.text.split_whitespace().collect::<Vec<_>>().join(" ");
        for k in 0..cell.colspan {
            if k > 0 {
                if self.added >= self.limit {
                    self.overflow = true;
                    break;
                }
                self.added += 1;
            }
            row.push((if k == 0 { text.clone() } else { String::new() }, line));
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
        self.end_cell();
        if let Some(row) = self.current.take() {
            if row.iter().any(|c| !c.0.is_empty()) {
                self.rows.push(row);
            }
        }
    }
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

#[derive(Default)]
struct Converter {
    out: HtmlText,
    block: String,
    block_line: Option<u32>,
    tables: Vec<TableState>,
    line: u32,
    /// Cells added by expansion in tables already closed.
    added: usize,
}

impl Converter {
    fn emit_line(&mut self, text: &str, lines: Vec<u32>) {
        self.out.text.push_str(text);
        self.out.text.push('\n');
        self.out.lines.push(lines);
    }

    fn blank(&mut self) {
        self.emit_line("", vec![self.line]);
    }

    fn text(&mut self, s: &str) {
        let decoded = decode_entities(s);
        let here = self.line;
        if let Some(t) = self.tables.last_mut() {
            if let Some(c) = t.cell.as_mut() {
                if c.line.is_none() && !decoded.trim().is_empty() {
                    c.line = Some(here + leading_newlines(s));
                }
                c.text.push_str(&decoded);
            }
            return;
        }
        if self.block_line.is_none() && !decoded.trim().is_empty() {
            self.block_line = Some(here + leading_newlines(s));
        }
        self.block
            .push_str(&decoded.replace(['\n', '\r', '\t'], " "));
    }

    fn flush_block(&mut self) {
        let block = std::mem::take(&mut self.block);
        let line = self.block_line.take().unwrap_or(self.line);
        let t = block.trim();
        if t.is_empty() || t == "##" {
            return;
        }
        for piece in t.split('\n') {
            let piece = piece.split_whitespace().collect::<Vec<_>>().join(" ");
            if !piece.is_empty() {
                self.emit_line(&piece, vec![line]);
            }
        }
        self.blank();
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
        }
        if let Some(outer) = self.tables.last_mut() {
            // a table inside a cell: its text joins the cell
            if let Some(c) = outer.cell.as_mut() {
                for row in t.rows {
                    for (cell, _) in row {
                        c.text.push(' ');
                        c.text.push_str(&cell);
                    }
                }
            }
            return;
        }
        self.blank();
        for row in t.rows {
            let mut line = String::new();
            let mut lines = Vec::with_capacity(row.len() + 1);
            for (cell, l) in row {
                line.push_str(&cell.replace('\t', " "));
                line.push('\t');
                lines.push(l);
            }
            lines.push(t.row_line);
            self.emit_line(&line, lines);
        }
        self.blank();
        self.emit_line(super::BOUNDARY, vec![self.line]);
        self.blank();
    }
}

fn leading_newlines(s: &str) -> u32 {
    let lead = s.len() - s.trim_start().len();
    u32::try_from(s.get(..lead).map_or(0, |w| w.matches('\n').count())).unwrap_or(0)
}

fn count_lines(s: &str) -> u32 {
    u32::try_from(s.bytes().filter(|&b| b == b'\n').count()).unwrap_or(u32::MAX)
}

/// Converts HTML to text lines and tab tables.
pub fn html_to_text(html: &str) -> String {
    html_to_text_with_lines(html).text
}

/// Converts HTML to text lines and tab tables, remembering source lines.
pub fn html_to_text_with_lines(html: &str) -> HtmlText {
    let mut cv = Converter {
        line: 1,
        ..Converter::default()
    };
    let mut skip_until: Option<&'static str> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                cv.text(rest);
            }
            break;
        };
        let (before, after) = rest.split_at(lt);
        if skip_until.is_none() {
            cv.text(before);
        }
        cv.line = cv.line.saturating_add(count_lines(before));
        if after.starts_with("<!--") {
            let end = after.find("-->").map_or(after.len(), |e| e + 3);
            cv.line = cv
                .line
                .saturating_add(count_lines(after.get(..end).unwrap_or("")));
            rest = after.get(end..).unwrap_or("");
            continue;
        }
        let Some(gt) = after.find('>') else {
            break;
        };
        let tag = after.get(1..gt).unwrap_or("");
        cv.line = cv.line.saturating_add(count_lines(tag));
        rest = after.get(gt + 1..).unwrap_or("");
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        let in_table = !cv.tables.is_empty();
        match (name.as_str(), closing) {
            ("script", false) => skip_until = Some("script"),
            ("style", false) => skip_until = Some("style"),
            ("template", false) => skip_until = Some("template"),
            ("table", false) => {
                cv.flush_block();
                let open: usize = cv.tables.iter().map(|t| t.added).sum();
                cv.tables.push(TableState {
                    limit: MAX_EXPANDED_CELLS.saturating_sub(cv.added + open),
                    ..TableState::default()
                });
            }
            ("table", true) => cv.end_table(),
            ("tr", false) => {
                let line = cv.line;
                if let Some(t) = cv.tables.last_mut() {
                    t.start_row(line);
                }
            }
            ("tr", true) => {
                if let Some(t) = cv.tables.last_mut() {
                    t.end_row();
                }
            }
            ("td" | "th", false) => {
                let line = cv.line;
                if let Some(t) = cv.tables.last_mut() {
                    t.end_cell();
                    if t.current.is_none() {
                        t.start_row(line);
                    }
                    t.cell = Some(CellBuf {
                        text: String::new(),
                        rowspan: attr_number(tag, "rowspan"),
                        colspan: attr_number(tag, "colspan"),
                        line: None,
                    });
                }
            }
            ("td" | "th", true) => {
                if let Some(t) = cv.tables.last_mut() {
                    t.end_cell();
                }
            }
            ("br", _) => {
                if let Some(t) = cv.tables.last_mut() {
                    if let Some(c) = t.cell.as_mut() {
                        c.text.push(' ');
                    }
                } else {
                    cv.block.push('\n');
                }
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) if !in_table => {
                cv.flush_block();
                cv.block.push_str("## ");
            }
            (
                "p" | "div" | "li" | "section" | "article" | "h1" | "h2" | "h3" | "h4" | "h5"
                | "h6" | "caption",
                _,
            ) if !in_table => cv.flush_block(),
            _ => {}
        }
    }
    cv.out.too_many_cells |= cv.tables.iter().any(|t| t.overflow);
    cv.flush_block();
    cv.out
}

fn attr_number(tag: &str, name: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(p) = lower.find(name) else {
        return 1;
    };
    let after = lower.get(p + name.len()..).unwrap_or("");
    let after = after.trim_start().trim_start_matches('=').trim_start();
    let after = after.trim_start_matches(['"', '\'']);
    let n: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
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
                    let code = match num.strip_prefix(['x', 'X']) {
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
    fn entities_are_decoded_and_nothing_is_executed() {
        assert_eq!(
            decode_entities("a&lt;b&gt;&#20803;&#x5143;&bogus"),
            "a<b>元元&bogus"
        );
        let text = html_to_text("<div><img src=x onerror=alert(1)>占比 &amp; 10%</div>");
        assert_eq!(text.trim(), "占比 & 10%");
    }
}
