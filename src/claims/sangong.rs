//! The “三公”经费 table read once: each understood column's item (the total, 因公出国（境）费,
//! 公务用车购置及运行费 with its 购置费 and 运行费, 公务接待费, or the 机关运行经费 a budget's
//! table carries beside them) and stage (预算数 / 决算数), from its header path; and where
//! the text speaks of the 三公经费 (its section). The checks bind the text's amounts
//! (`text-table`) and shares (`share`) to these cells.

use super::outline::{sangong, sangong_rows, Sangong};
use super::prose::Mention;
use super::standard::Standard;
use super::table::RowFacts;
use super::Claims;
use crate::document::{Document, Table};
use crate::figure::FigId;
use crate::IntoVec;

/// Budget or final figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// 预算数.
    Budget,
    /// 决算数.
    Final,
}

/// What a column (or a text amount) is: a 三公 item, or the 机关运行经费.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A 三公 item or the total.
    Sangong(Sangong),
    /// 机关运行经费.
    Running,
}

impl Item {
    /// Its name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Item::Sangong(Sangong::Total) => "“三公”经费",
            Item::Sangong(Sangong::Abroad) => "因公出国（境）费",
            Item::Sangong(Sangong::Reception) => "公务接待费",
            Item::Sangong(Sangong::Car) => "公务用车购置及运行费",
            Item::Sangong(Sangong::Purchase) => "公务用车购置费",
            Item::Sangong(Sangong::Running) => "公务用车运行费",
            Item::Running => "机关运行经费",
        }
    }
}

/// The stage a header or a lead names.
pub fn stage_of(s: &str) -> Option<Stage> {
    if s.contains("决算") || s.contains("执行数") {
        Some(Stage::Final)
    } else if s.contains("预算") {
        Some(Stage::Budget)
    } else {
        None
    }
}

/// Words that name a stage, a fund or the verb around an amount, not the item.
const NOISE: &[&str] = &[
    "年初预算数",
    "全年预算数",
    "年初预算",
    "预算数",
    "决算数",
    "预算",
    "决算",
    "财政拨款",
    "支出",
    "为",
    "是",
    "安排",
    "经费",
];

/// The item a column's header path names: the innermost item, a 小计 or 合计 under an
/// item being that item's subtotal.
fn column_item(path: &str) -> Option<Item> {
    let mut item: Option<Item> = None;
    for seg in path.split('/') {
        if seg.contains("机关运行经费") {
            return Some(Item::Running);
        }
        let core = strip_noise(seg);
        if core.is_empty() {
            continue;
        }
        let subtotal = matches!(core.as_str(), "小计" | "合计");
        let role = if core.contains("三公") {
            Some(Sangong::Total)
        } else {
            sangong(&core)
        };
        match role {
            Some(Sangong::Total)
                if subtotal && matches!(item, Some(Item::Sangong(s)) if s != Sangong::Total) => {}
            Some(s) => item = Some(Item::Sangong(s)),
            None => {}
        }
    }
    item
}

/// The label without stage, fund and verb words.
pub fn strip_noise(s: &str) -> String {
    let mut t = crate::figure::kept(s, |c| {
        !c.is_whitespace() && !c.is_ascii_digit() && c != '年'
    });
    for w in NOISE {
        if *w == "经费" && t.contains("三公") {
            continue;
        }
        t = t.replace(w, "");
    }
    t
}

/// The 三公 table's cells by item and stage, from its one body row of figures.
pub struct Cells {
    /// Each understood column's item, stage and figure (none where the cell is blank).
    pub cells: Vec<(Item, Stage, Option<FigId>)>,
    /// The year its caption or header names.
    pub year: Option<i64>,
}

fn year_in(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        let d = b.get(i..i + 4)?;
        let next = s.get(i + 4..)?;
        (d.iter().all(u8::is_ascii_digit) && next.starts_with('年'))
            .then(|| std::str::from_utf8(d).ok()?.parse().ok())
            .flatten()
    })
}

/// The 三公 table's cells, when its header is understood.
pub fn cells(doc: &Document, t: &Table, facts: &[RowFacts]) -> Option<Cells> {
    // amounts in 万元, as the text gives them
    let caption = t.caption.as_str();
    if !(caption.contains("万元") || caption.contains("萬元")) {
        return None;
    }
    let rows: Vec<usize> = (t.header_rows..t.rows().len())
        .filter(|&r| (0..t.width()).any(|c| t.figure(r, c).is_some()))
        .into_vec();
    // one row of figures, or none at all (a table published blank); or a row an item
    let row = match rows.as_slice() {
        [] => None,
        [row] => Some(*row),
        _ => return by_rows(doc, t, facts),
    };
    let headers: Vec<String> = (0..t.width()).map(|c| t.column_header(c)).into_vec();
    // a budget's table names no stage under its 预算数 heading: the caption does
    let default = stage_of(t.title()).or_else(|| stage_of(caption));
    let mut out: Vec<(Item, Stage, Option<FigId>)> = Vec::new();
    let mut seen: Vec<(Item, Stage)> = Vec::new();
    for (c, h) in headers.iter().enumerate() {
        let (Some(item), Some(stage)) = (column_item(h), stage_of(h).or(default)) else {
            continue;
        };
        if seen.contains(&(item, stage)) {
            // two columns for one item and stage: the header is not understood
            return None;
        }
        seen.push((item, stage));
        let id = row
            .and_then(|r| t.figure(r, c))
            .filter(|&id| doc.figure(id).is_some());
        out.push((item, stage, id));
    }
    let year = year_in(caption).or_else(|| headers.iter().find_map(|h| year_in(h)));
    // the header understood: the total and at least one item
    let total = out.iter().any(|c| c.0 == Item::Sangong(Sangong::Total));
    (total && out.len() >= 2).then_some(Cells { cells: out, year })
}

/// A 三公 table with a row for each item and a column for each stage ("项 目 | 预算数 |
/// 决算数 / 合 计 | 30.8 | 25.7 / 因公出国(境)费 | 0 | 0 / …", a county bureau's 2020
/// final accounts): each row's figure in each column that names a stage and no item.
fn by_rows(doc: &Document, t: &Table, facts: &[RowFacts]) -> Option<Cells> {
    let rows = sangong_rows(t, facts)?;
    let mut stages: Vec<(usize, Stage)> = Vec::new();
    for c in 0..t.width() {
        let h = t.column_header(c);
        let Some(stage) = stage_of(&h).filter(|_| column_item(&h).is_none()) else {
            continue;
        };
        // (two columns of one stage, this year's and last year's: not understood)
        if stages.iter().any(|s| s.1 == stage) {
            return None;
        }
        stages.push((c, stage));
    }
    let items = [
        (rows.total, Sangong::Total),
        (rows.abroad, Sangong::Abroad),
        (rows.reception, Sangong::Reception),
        (rows.car, Sangong::Car),
        (rows.purchase, Sangong::Purchase),
        (rows.running, Sangong::Running),
    ];
    let mut out = Vec::new();
    for (row, item) in items {
        let Some(r) = row else { continue };
        for &(c, stage) in &stages {
            let id = t.figure(r, c).filter(|&id| doc.figure(id).is_some());
            out.push((Item::Sangong(item), stage, id));
        }
    }
    let year = year_in(&t.caption);
    (rows.total.is_some() && out.len() >= 2).then_some(Cells { cells: out, year })
}

/// Whether the paragraph sits under a heading about the 三公经费 (the nearest heading of
/// each depth above it).
pub fn in_sangong_section(claims: &Claims<'_>, m: &Mention) -> bool {
    let Some(mut k) = m.scope.section else {
        return false;
    };
    let mut depth = u8::MAX;
    loop {
        if let Some(h) = claims.headings.get(k) {
            // a line of the table of contents or a table's title is no section of text
            let listing = h.title.ends_with('表') || h.title.contains('…');
            if h.depth < depth && !listing {
                if h.title.contains("三公") {
                    return true;
                }
                depth = h.depth;
            }
        }
        if k == 0 || depth <= 1 {
            return false;
        }
        k -= 1;
    }
}

/// Whether a mention is in the text on the 三公经费: under a 三公 heading
/// ([`in_sangong_section`]), or under no heading in a text whose first line is on the 三公经费
/// (a town's notice, fuling: "现将…2021年度“三公”经费决算情况公布如下: / 经汇总，…“三公”经费
/// 支出合计40.14万元。… / 经比较，…较上年减少2.97万元，下降6.89%": the whole text is its 三公
/// section).
pub fn in_sangong_text(claims: &Claims<'_>, m: &Mention) -> bool {
    let doc = claims.doc;
    let unheaded = || {
        m.scope.section.is_none()
            && (1..=doc.line_starts.len().min(5) as u32)
                .map(|l| doc.line_text(l))
                .find(|t| !t.trim().is_empty())
                .is_some_and(|t| t.contains("三公"))
    };
    in_sangong_section(claims, m) || unheaded()
}

/// The document's one 三公 table, read.
pub fn table(claims: &Claims<'_>) -> Option<Cells> {
    let doc = claims.doc;
    let mut tables = doc
        .tables
        .iter()
        .zip(&claims.kinds)
        .enumerate()
        .filter(|(_, (_, k))| k.kind == Some(Standard::ThreePublic))
        .map(|(i, (t, _))| (i, t));
    match (tables.next(), tables.next()) {
        (Some((i, t)), None) => cells(doc, t, claims.rows_of(i)),
        _ => None,
    }
}

/// The words [`label_item`] reads one of the 三公 items by (三公 itself, the total, aside).
const ITEM_NAMES: [&str; 6] = ["出国", "出境", "接待", "用车", "公车", "车辆"];

/// The item a text label names: its own words (行政运行 is no 公务用车运行费, a bare 合计
/// no 三公 total).
pub fn label_item(label: &str) -> Option<Item> {
    if label.contains("机关运行经费") {
        return Some(Item::Running);
    }
    // stripping the noise only takes characters out: a word whose characters are not all in
    // the label cannot be in what is left, and most labels (支出, 收入 …) hold none of these
    // words, so no stripped copy is made for them (a share check asks for every part)
    if !std::iter::once(&"三公")
        .chain(&ITEM_NAMES)
        .any(|w| w.chars().all(|c| label.contains(c)))
    {
        return None;
    }
    let core = strip_noise(label);
    // (三公 first: a label read as 三公”经费 would lose its 三 as numbering)
    if core.contains("三公") {
        return Some(Item::Sangong(Sangong::Total));
    }
    let named = ITEM_NAMES.iter().any(|w| core.contains(w));
    sangong(&core).filter(|_| named).map(Item::Sangong)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `label_item` as it was before it looked for its words' characters first: every label
    /// stripped of its noise.
    fn label_item_stripped(label: &str) -> Option<Item> {
        if label.contains("机关运行经费") {
            return Some(Item::Running);
        }
        let core = strip_noise(label);
        if core.contains("三公") {
            return Some(Item::Sangong(Sangong::Total));
        }
        let named = ["出国", "出境", "接待", "用车", "公车", "车辆"]
            .iter()
            .any(|w| core.contains(w));
        sangong(&core).filter(|_| named).map(Item::Sangong)
    }

    #[test]
    fn a_label_without_the_characters_of_an_item_word_names_no_item() {
        // words broken by what stripping removes (spaces, digits, 年, stage and verb words),
        // item words of every kind, and labels holding none
        let labels = [
            "支出",
            "收入合计",
            "行政运行",
            "“三公”经费",
            "三 公 经费",
            "因公出国（境）费",
            "因公出 国费用",
            "出2024年境",
            "公务接待费",
            "接 待",
            "公务用车购置及运行费",
            "公务用车运行费",
            "公车购置",
            "车辆购置费",
            "车预算辆",
            "机关运行经费",
            "公务用车支出为",
            "出国",
            "国出",
            "",
        ];
        let mut items = 0;
        for l in labels {
            let item = label_item(l);
            assert_eq!(item, label_item_stripped(l), "{l:?}");
            items += usize::from(item.is_some());
        }
        assert!(items >= 8, "most item labels are read: {items}");
        assert_eq!(label_item("支出"), None);
    }
}
