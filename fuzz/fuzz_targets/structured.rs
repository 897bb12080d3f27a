//! Structured fuzzing: documents built from the pieces disclosures are made of — claim
//! sentences, table rows (tabs, pipes, HTML with spans), totals, 其中 lists, headings, page
//! breaks — each repeated up to thousands of times, so that inputs of ~1 MB with the
//! shapes that once blew up (long sentences without 。, wide tables, runs of 合计 rows,
//! huge spans, bare `&`) are reached in a few mutations. Never a panic; with
//! `-timeout=2 -rss_limit_mb=512`, never slow or large either.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use std::fmt::Write as _;

#[derive(Arbitrary, Debug)]
enum Word {
    Total,
    Subtotal,
    Grand,
    Of,
    Share,
    Increase,
    Decrease,
    Budget,
    Final,
    Item(u8),
    Code(u16),
    Label(u8),
}

#[derive(Arbitrary, Debug)]
enum Unit {
    None,
    Wan,
    Yuan,
    Percent,
    FullPercent,
    People,
}

#[derive(Arbitrary, Debug)]
struct Fig {
    int: u32,
    dec: u16,
    decimals: u8,
    negative: bool,
    grouped: bool,
    unit: Unit,
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Sentence(Vec<(Word, Fig)>, bool),
    TabRow(Vec<Cell>),
    PipeRow(Vec<Cell>),
    HtmlTable(Vec<Vec<(Cell, u16, u16)>>),
    Heading(Word),
    Blank,
    PageNumber(u8),
    Ampersands(u16),
    Repeat(Box<Piece>, u16),
}

#[derive(Arbitrary, Debug)]
enum Cell {
    Word(Word),
    Figure(Fig),
    Dash,
    Empty,
}

fn word(w: &Word, out: &mut String) {
    let _ = match w {
        Word::Total => write!(out, "合计"),
        Word::Subtotal => write!(out, "小计"),
        Word::Grand => write!(out, "总计"),
        Word::Of => write!(out, "其中"),
        Word::Share => write!(out, "占"),
        Word::Increase => write!(out, "比上年增加"),
        Word::Decrease => write!(out, "较上年减少"),
        Word::Budget => write!(out, "年初预算数"),
        Word::Final => write!(out, "决算数"),
        Word::Item(i) => write!(out, "项目{}", i % 16),
        Word::Code(c) => write!(out, "{}", 201 + u32::from(*c) % 100_000),
        Word::Label(i) => write!(out, "{}", ["一般公共预算", "基本支出", "项目支出", "三公经费", "栏次", "单位：万元"][usize::from(*i) % 6]),
    };
}

fn figure(f: &Fig, out: &mut String) {
    if f.negative {
        out.push('-');
    }
    let int = f.int % 100_000_000;
    if f.grouped && int >= 1000 {
        let s = int.to_string();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
    } else {
        let _ = write!(out, "{int}");
    }
    let d = usize::from(f.decimals % 4);
    if d > 0 {
        let _ = write!(out, ".{:0>width$}", u32::from(f.dec) % 10u32.pow(d as u32), width = d);
    }
    out.push_str(match f.unit {
        Unit::None => "",
        Unit::Wan => "万元",
        Unit::Yuan => "元",
        Unit::Percent => "%",
        Unit::FullPercent => "％",
        Unit::People => "人",
    });
}

fn cell(c: &Cell, out: &mut String) {
    match c {
        Cell::Word(w) => word(w, out),
        Cell::Figure(f) => figure(f, out),
        Cell::Dash => out.push('-'),
        Cell::Empty => {}
    }
}

const MAX: usize = 1 << 20;

fn piece(p: &Piece, out: &mut String, depth: u8) {
    if out.len() > MAX {
        return;
    }
    match p {
        Piece::Sentence(parts, stop) => {
            for (w, f) in parts {
                word(w, out);
                figure(f, out);
                out.push('，');
            }
            out.push_str(if *stop { "。\n" } else { "\n\n" });
        }
        Piece::TabRow(cells) => {
            for c in cells {
                cell(c, out);
                out.push('\t');
            }
            out.push('\n');
        }
        Piece::PipeRow(cells) => {
            out.push('|');
            for c in cells {
                cell(c, out);
                out.push('|');
            }
            out.push('\n');
        }
        Piece::HtmlTable(rows) => {
            out.push_str("<table>");
            for r in rows {
                out.push_str("<tr>");
                for (c, rs, cs) in r {
                    let _ = write!(out, "<td rowspan={} colspan={}>", rs % 2000, cs % 2000);
                    cell(c, out);
                    out.push_str("</td>");
                }
                out.push_str("</tr>");
            }
            out.push_str("</table>\n");
        }
        Piece::Heading(w) => {
            out.push_str("## ");
            word(w, out);
            out.push('\n');
        }
        Piece::Blank => out.push('\n'),
        Piece::PageNumber(n) => {
            let _ = writeln!(out, "- {n} -");
        }
        Piece::Ampersands(n) => {
            for _ in 0..*n {
                out.push('&');
            }
        }
        Piece::Repeat(p, n) => {
            if depth < 3 {
                for _ in 0..*n {
                    let before = out.len();
                    if before > MAX {
                        break;
                    }
                    piece(p, out, depth + 1);
                    // a piece that writes nothing (too deep) would only spin the loop
                    if out.len() == before {
                        break;
                    }
                }
            }
        }
    }
}

fuzz_target!(|pieces: Vec<Piece>| {
    let mut text = String::new();
    for p in &pieces {
        piece(p, &mut text, 0);
    }
    if let Ok(doc) = recount::read::read_str(&text) {
        let checked = recount::check_lazily(&doc);
        let _ = checked.write_text(&mut std::io::sink(), "fuzz", recount::Lang::Zh, true);
        let _ = checked.write_json(&mut std::io::sink(), None, false);
    }
});
