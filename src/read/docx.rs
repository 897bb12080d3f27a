//! Word (.docx) → the text form the reader understands: each paragraph one line (the text of
//! all its runs joined, so a number Word split across runs — `1,2` + `34.56` — reads whole;
//! headings as `#` lines), each table row one tab-separated line with merged cells expanded
//! (`gridSpan` adds blank slots to the right, a `vMerge` continuation is a blank slot), as
//! for HTML. That text is the document's `source`.

use crate::IntoVec;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{ReadError, MAX_EXPANDED_CELLS, MAX_INPUT};

/// Whether a zip holds a Word document.
pub fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .map(|z| z.index_for_name("word/document.xml").is_some())
        .unwrap_or(false)
}

/// `word/document.xml`, its inflated size bounded by [`MAX_INPUT`].
fn document_xml(bytes: &[u8]) -> Result<String, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ReadError::BrokenOffice)?;
    let file = zip
        .by_name("word/document.xml")
        .map_err(|_| ReadError::BrokenOffice)?;
    let mut xml = String::new();
    file.take(MAX_INPUT as u64 + 1)
        .read_to_string(&mut xml)
        .map_err(|_| ReadError::BrokenOffice)?;
    if xml.len() > MAX_INPUT {
        return Err(ReadError::TooLarge { size: xml.len() });
    }
    Ok(xml)
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix('x').or_else(|| n.strip_prefix('X')) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

fn attr(e: &quick_xml::events::BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == local).then(|| a.value.to_string()))
}

#[derive(Default)]
struct Tbl {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    span: usize,
    /// `Some(true)` restart, `Some(false)` continue.
    vmerge: Option<bool>,
}

#[derive(Default)]
struct Conv {
    out: String,
    para: String,
    heading: bool,
    in_text: bool,
    tables: Vec<Tbl>,
    added: usize,
}

impl Conv {
    fn push_text(&mut self, s: &str) {
        self.para.push_str(s);
    }

    fn end_para(&mut self) {
        let text = self.para.split_whitespace().into_vec().join(" ");
        self.para.clear();
        if let Some(t) = self.tables.last_mut() {
            if !text.is_empty() {
                if !t.cell.is_empty() {
                    t.cell.push(' ');
                }
                t.cell.push_str(&text);
            }
        } else if !text.is_empty() {
            if self.heading {
                self.out.push_str("# ");
            }
            self.out.push_str(&text);
            self.out.push('\n');
        }
        self.heading = false;
    }

    fn end_cell(&mut self) -> Result<(), ReadError> {
        let Some(t) = self.tables.last_mut() else {
            return Ok(());
        };
        let text = if t.vmerge == Some(false) {
            String::new()
        } else {
            std::mem::take(&mut t.cell)
        };
        t.cell.clear();
        t.row.push(text);
        for _ in 1..t.span.max(1) {
            self.added += 1;
            if self.added > MAX_EXPANDED_CELLS {
                return Err(ReadError::TooManyCells);
            }
            t.row.push(String::new());
        }
        t.span = 1;
        t.vmerge = None;
        Ok(())
    }

    fn end_table(&mut self) {
        let Some(t) = self.tables.pop() else {
            return;
        };
        let lines: Vec<String> = t
            .rows
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .map(|r| r.join("\t"))
            .into_vec();
        if let Some(outer) = self.tables.last_mut() {
            // a table inside a cell: its text joins the cell
            let flat = lines.join(" ").replace('\t', " ");
            if !outer.cell.is_empty() {
                outer.cell.push(' ');
            }
            outer.cell.push_str(&flat);
            return;
        }
        for l in lines {
            self.out.push_str(&l);
            self.out.push('\n');
        }
        self.out.push('\n');
    }
}

/// A .docx file as text (see the module comment).
pub fn docx_to_text(bytes: &[u8]) -> Result<String, ReadError> {
    let xml = document_xml(bytes)?;
    let mut reader = Reader::from_str(&xml);
    let mut c = Conv::default();
    loop {
        let ev = reader.read_event().map_err(|_| ReadError::BrokenOffice)?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => c.in_text = true,
                "tbl" => {
                    c.end_para();
                    c.tables.push(Tbl::default());
                }
                "tr" => {
                    if let Some(t) = c.tables.last_mut() {
                        t.row.clear();
                    }
                }
                "tc" => {
                    if let Some(t) = c.tables.last_mut() {
                        t.cell.clear();
                        t.span = 1;
                        t.vmerge = None;
                    }
                }
                "vMerge" => set_vmerge(&mut c, &e),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" | "br" | "cr" => c.push_text(" "),
                "gridSpan" => {
                    let n = attr(&e, "val").and_then(|v| v.parse::<usize>().ok());
                    if let (Some(t), Some(n)) = (c.tables.last_mut(), n) {
                        t.span = n.clamp(1, 1000);
                    }
                }
                "vMerge" => set_vmerge(&mut c, &e),
                "pStyle" => {
                    let v = attr(&e, "val").unwrap_or_default().to_ascii_lowercase();
                    if v.starts_with("heading") || v.starts_with("title") || v.contains("标题") {
                        c.heading = true;
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => c.in_text = false,
                "p" => c.end_para(),
                "tc" => {
                    c.end_para();
                    c.end_cell()?;
                }
                "tr" => {
                    if let Some(t) = c.tables.last_mut() {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push(row);
                    }
                }
                "tbl" => c.end_table(),
                _ => {}
            },
            Event::Text(t) if c.in_text => {
                let s = t.xml10_content();
                c.push_text(&s.replace('\t', " "));
            }
            Event::CData(t) if c.in_text => {
                let s = t.to_string();
                c.push_text(&s);
            }
            Event::GeneralRef(r) if c.in_text => {
                if let Some(ch) = entity(&r) {
                    c.push_text(ch.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    c.end_para();
    while !c.tables.is_empty() {
        c.end_table();
    }
    Ok(c.out)
}

fn set_vmerge(c: &mut Conv, e: &quick_xml::events::BytesStart<'_>) {
    let restart = attr(e, "val").is_some_and(|v| v == "restart");
    if let Some(t) = c.tables.last_mut() {
        t.vmerge = Some(restart);
    }
}
