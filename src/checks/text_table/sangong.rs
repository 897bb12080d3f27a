//! The text's “三公”经费 amounts against the “三公”经费 table: the total, 因公出国（境）费,
//! 公务用车购置及运行费 (and its 购置费 and 运行费), 公务接待费, each at the stage the text
//! names (年初预算 / 预算数 or 决算), equal the table's cell of that item and stage; the
//! 机关运行经费 a budget's table carries beside them likewise.

use crate::claims::outline::{sangong, Sangong};
use crate::claims::prose::{Kind, Mention, Prose};
use crate::claims::standard::{kind, Standard};
use crate::claims::Claims;
use crate::document::{Document, Table};
use crate::figure::FigId;
use crate::relation::{Expr, Relation, Rule, Text};

/// Budget or final figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Budget,
    Final,
}

/// What a column (or a text amount) is: a 三公 item, or the 机关运行经费.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Sangong(Sangong),
    Running,
}

impl Item {
    fn name(self) -> &'static str {
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
fn stage_of(s: &str) -> Option<Stage> {
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

fn strip_noise(s: &str) -> String {
    let mut t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_digit() && *c != '年')
        .collect();
    for w in NOISE {
        if *w == "经费" && t.contains("三公") {
            continue;
        }
        t = t.replace(w, "");
    }
    t
}

/// The 三公 table's cells by item and stage, from its one body row of figures.
struct Cells {
    /// Each understood column's item, stage and figure (none where the cell is blank).
    cells: Vec<(Item, Stage, Option<FigId>)>,
    /// The year its caption or header names.
    year: Option<i64>,
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

fn cells(doc: &Document, t: &Table) -> Option<Cells> {
    // amounts in 万元, as the text gives them
    let caption = t.caption.as_str();
    if !(caption.contains("万元") || caption.contains("萬元")) {
        return None;
    }
    let rows: Vec<usize> = (t.header_rows..t.rows.len())
        .filter(|&r| (0..t.width()).any(|c| t.figure(r, c).is_some()))
        .collect();
    // one row of figures, or none at all (a table published blank)
    let row = match rows.as_slice() {
        [] => None,
        [row] => Some(*row),
        _ => return None,
    };
    let headers: Vec<String> = (0..t.width()).map(|c| t.column_header(c)).collect();
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

/// Whether the paragraph sits under a heading about the 三公经费 (the nearest heading of
/// each depth above it).
fn in_sangong_section(claims: &Claims<'_>, m: &Mention) -> bool {
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

/// Words that make an amount a part or another quantity than the item it names.
const OTHER: &[&str] = &[
    "国内", "国外", "外宾", "外事", "境外", "其他", "团组", "人次", "批次", "保有", "上年", "去年",
    "同期", "增加", "减少", "比", "较", "平均",
];

pub(super) fn find(claims: &Claims<'_>, out: &mut super::Out) {
    let doc = claims.doc;
    let mut tables = doc
        .tables
        .iter()
        .filter(|t| kind(t) == Some(Standard::ThreePublic));
    let (Some(t), None) = (tables.next(), tables.next()) else {
        return;
    };
    let Some(cells) = cells(doc, t) else {
        return;
    };
    let stages: Vec<Stage> = cells.cells.iter().map(|c| c.1).collect();
    // an amount whose stage the text leaves unsaid is at the table's stage: a budget's
    // table has 预算数 only; a 决算 table's text describes 决算数 unless it says 预算
    let unsaid = if stages.contains(&Stage::Final) {
        Stage::Final
    } else {
        Stage::Budget
    };
    for (k, p) in claims.prose.iter().enumerate() {
        // budget records first: "…年初预算为 B 万元，支出决算为 F 万元" names its item once,
        // before B
        let mut done: Vec<FigId> = Vec::new();
        for r in claims.records.get(k).map_or(&[][..], |v| v.as_slice()) {
            for (fig, stage) in [(r.budget, Stage::Budget), (r.fin, Stage::Final)] {
                let Some(m) = fig.and_then(|f| p.mentions.iter().find(|m| m.fig == f)) else {
                    continue;
                };
                done.push(m.fig);
                one(claims, p, m, &r.label, Some(stage), &cells, unsaid, out);
            }
        }
        for m in p.mentions.iter().filter(|m| !done.contains(&m.fig)) {
            let stage = match m.kind {
                Kind::Level => stage_of(&m.lead),
                _ => continue,
            };
            one(claims, p, m, &m.lead, stage, &cells, unsaid, out);
        }
    }
}

#[expect(clippy::too_many_arguments)]
fn one(
    claims: &Claims<'_>,
    p: &Prose<'_>,
    m: &Mention,
    label: &str,
    stage: Option<Stage>,
    cells: &Cells,
    unsaid: Stage,
    out: &mut super::Out,
) {
    let doc = claims.doc;
    if m.percent || m.inner || m.listed || m.unit != Some("万元") {
        return;
    }
    let stage = stage.unwrap_or(unsaid);
    if OTHER
        .iter()
        .any(|w| label.contains(w) || m.lead.contains(w))
    {
        return;
    }
    // another year than the table's is another quantity
    if let Some(y) = m.scope.year {
        if cells.year != Some(y) {
            return;
        }
    }
    let core = strip_noise(label);
    let item = if label.contains("机关运行经费") {
        Item::Running
    } else {
        // the item's own words: 行政运行 is no 公务用车运行费, a bare 合计 no 三公 total
        let named = ["三公", "出国", "出境", "接待", "用车", "公车", "车辆"]
            .iter()
            .any(|w| core.contains(w));
        // (三公 first: a label read as 三公”经费 would lose its 三 as numbering)
        match sangong(&core) {
            _ if core.contains("三公") => Item::Sangong(Sangong::Total),
            Some(s) if named => Item::Sangong(s),
            _ => return,
        }
    };
    if item != Item::Running && !(core.contains("三公") || in_sangong_section(claims, m)) {
        return;
    }
    let Some(&(_, _, cell)) = cells.cells.iter().find(|c| c.0 == item && c.1 == stage) else {
        return;
    };
    let (zh_stage, en_stage) = match stage {
        Stage::Budget => ("预算数", "budget"),
        Stage::Final => ("决算数", "final"),
    };
    let what = Text::new(
        format!(
            "文字所述{}{} = “三公”经费表该项{}",
            item.name(),
            zh_stage,
            zh_stage
        ),
        format!(
            "the text's {} {} = the “三公” table's {} figure",
            item.name(),
            en_stage,
            en_stage
        ),
    );
    let Some(cell) = cell else {
        // a blank cell is no figure: an amount the text gives for it cannot be checked,
        // and says so (a zero is what a blank cell shows)
        if doc.figure(m.fig).is_some_and(|f| !f.number.value.is_zero()) {
            out.push(
                Relation::unchecked(
                    Rule::TextTable,
                    m.fig,
                    what,
                    Text::new(
                        "“三公”经费表中该项为空，文字所述数额无从核对",
                        "the “三公” table leaves this cell blank: the text's amount cannot be checked",
                    ),
                )
                .context(p.sentence_text(m.at)),
            );
        }
        return;
    };
    let scale = |id: FigId| doc.figure(id).map(|f| f.number.scale);
    let r = Relation::equals(Rule::TextTable, m.fig, Expr::Fig(cell), what)
        .context(p.sentence_text(m.at));
    // one value printed twice at one precision prints identically
    out.push(if scale(m.fig).is_some() && scale(m.fig) == scale(cell) {
        r.exact_target()
    } else {
        r
    });
}
