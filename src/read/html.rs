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

struct Span {
    text: String,
    rows_left: usize,
}

#[derive(Default)]
struct TableState {
    rows: Vec<Vec<String>>,
    current: Option<Vec<String>>,
    cell: Option<(String, usize, usize)>,
    /// Per column: a rowspan still covering rows below.
    carry: Vec<Option<Span>>,
}

impl TableState {
    fn start_row(&mut self) {
        self.end_row();
        self.current = Some(Vec::new());
        self.fill_carried();
    }

    fn fill_carried(&mut self) {
        let Some(row) = self.current.as_mut() else {
            return;
        };
        while let Some(Some(span)) = self.carry.get_mut(row.len()) {
            let _ = &span.text;
            span.rows_left = span.rows_left.saturating_sub(1);
            let done = span.rows_left == 0;
            row.push(String::new());
            if done {
                if let Some(slot) = self.carry.get_mut(row.len() - 1) {
                    *slot = None;
                }
            }
        }
    }

    fn end_cell(&mut self) {
        let Some((text, rowspan, colspan)) = self.cell.take() else {
            return;
        };
        if self.current.is_none() {
            self.current = Some(Vec::new());
        }
        let Some(row) = self.current.as_mut() else {
            return;
        };
        let col = row.len();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for k in 0..colspan.max(1) {
            row.push(if k == 0 { text.clone() } else { String::new() });
            if rowspan > 1 {
                let c = col + k;
                if self.carry.len() <= c {
                    self.carry.resize_with(c + 1, || None);
                }
                if let Some(slot) = self.carry.get_mut(c) {
                    *slot = Some(Span {
                        text: String::new(),
                        rows_left: rowspan - 1,
                    });
                }
            }
        }
        self.fill_carried();
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.current.take() {
            if row.iter().any(|c| !c.is_empty()) {
                self.rows.push(row);
            }
        }
    }
}

/// Converts HTML to text lines and tab tables.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut text = String::new();
    let mut tables: Vec<TableState> = Vec::new();
    let mut skip_until: Option<&'static str> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut tables, &mut text, rest);
            break;
        };
        let (before, after) = rest.split_at(lt);
        if skip_until.is_none() {
            push_text(&mut tables, &mut text, before);
        }
        if after.starts_with("<!--") {
            rest = after
                .find("-->")
                .map_or("", |e| after.get(e + 3..).unwrap_or(""));
            continue;
        }
        let Some(gt) = after.find('>') else {
            break;
        };
        let tag = after.get(1..gt).unwrap_or("");
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
        match (name.as_str(), closing) {
            ("script", false) => skip_until = Some("script"),
            ("style", false) => skip_until = Some("style"),
            ("template", false) => skip_until = Some("template"),
            ("table", false) => {
                flush(&mut out, &mut text, "");
                tables.push(TableState::default());
            }
            ("table", true) => {
                if let Some(mut t) = tables.pop() {
                    t.end_row();
                    out.push('\n');
                    for row in t.rows {
                        let line = row.join("\t");
                        if tables.is_empty() {
                            out.push_str(&line);
                            out.push_str("\t\n");
                        } else {
                            text.push_str(&line.replace('\t', " "));
                        }
                    }
                    out.push('\n');
                }
            }
            ("tr", false) => {
                if let Some(t) = tables.last_mut() {
                    t.start_row();
                }
            }
            ("tr", true) => {
                if let Some(t) = tables.last_mut() {
                    t.end_row();
                }
            }
            ("td" | "th", false) => {
                if let Some(t) = tables.last_mut() {
                    t.end_cell();
                    if t.current.is_none() {
                        t.start_row();
                    }
                    t.cell = Some((
                        String::new(),
                        attr_number(tag, "rowspan"),
                        attr_number(tag, "colspan"),
                    ));
                }
            }
            ("td" | "th", true) => {
                if let Some(t) = tables.last_mut() {
                    t.end_cell();
                }
            }
            ("br", _) => {
                if let Some(t) = tables.last_mut() {
                    if let Some(c) = t.cell.as_mut() {
                        c.0.push(' ');
                    }
                } else {
                    text.push('\n');
                }
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) if tables.is_empty() => {
                flush(&mut out, &mut text, "");
                text.push_str("## ");
            }
            (
                "p" | "div" | "li" | "section" | "article" | "h1" | "h2" | "h3" | "h4" | "h5"
                | "h6" | "caption",
                _,
            ) if tables.is_empty() => {
                flush(&mut out, &mut text, "");
            }
            _ => {}
        }
    }
    flush(&mut out, &mut text, "");
    out
}

fn push_text(tables: &mut [TableState], text: &mut String, s: &str) {
    let decoded = decode_entities(s);
    if let Some(t) = tables.last_mut() {
        if let Some(c) = t.cell.as_mut() {
            c.0.push_str(&decoded);
        }
        return;
    }
    text.push_str(&decoded.replace(['\n', '\r', '\t'], " "));
}

fn flush(out: &mut String, text: &mut String, _why: &str) {
    let t = text.trim();
    if !t.is_empty() && t != "##" {
        for line in t.split('\n') {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if !line.is_empty() {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    text.clear();
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
        let end = after.find(';').filter(|&e| e <= 10);
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
        assert_eq!(
            lines,
            [
                "## 三、支出",
                "本年支出 18470.59万元。",
                "项目\t年初预算数\t\t",
                "\t合计\t其他\t",
                "合计\t12,011\t-\t"
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
