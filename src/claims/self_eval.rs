//! Reading performance self-evaluation tables (项目支出绩效自评表). Their rows are often
//! shifted against their headers, so figures are bound by the row's label and their order
//! after it, never by a fixed column.

mod flat;

use super::table::clean_label;
use crate::document::{Document, Table};
use crate::figure::{CellKind, FigId};
use crate::relation::Expr;
use crate::IntoVec;

/// The header block's columns, in the standard template's order.
pub const BLOCK: [&str; 6] = [
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
];

/// One self-evaluation table, read.
#[derive(Debug, Clone)]
pub struct SelfEval<'a> {
    /// The table; none for a block read from text that lost its table's shape
    /// ([`flat`]).
    pub table: Option<&'a Table>,
    /// The project's name, when printed.
    pub name: Option<String>,
    /// The 年度资金总额 row: its cells after the label, bound to [`BLOCK`] (None: blank,
    /// dash or words).
    pub total: Option<[Option<FigId>; 6]>,
    /// Whether each slot of `total` was printed blank or as a dash (adds nothing).
    pub blank: [bool; 6],
    /// The 其中 rows: for each, its first three slots (年初预算数, 全年预算数, 全年执行数)
    /// as sum operands; None where a cell holds words.
    pub parts: Vec<[Option<Expr>; 3]>,
    /// Indicator rows: (分值, 得分).
    pub indicators: Vec<(FigId, FigId)>,
    /// Whether every indicator row could be read (two plain numbers at its end).
    pub indicators_clean: bool,
    /// The 总分 row: (total 分值, total 得分).
    pub total_score: Option<(FigId, FigId)>,
    /// The header has no 全年预算数: the rate is of the 年初预算数 (A), as a department's
    /// 部门整体支出绩效自评表 prints 年初预算数(A), 全年执行数(B), 分值, 得分.
    pub initial_budget: bool,
    /// The line of the header its columns were bound by, when read from a table: the
    /// reader of copied-out text ([`flat`]) passes over a 执行率 printed there.
    pub header_line: Option<u32>,
}

/// Whether a table is a self-evaluation table.
pub fn is_self_eval(t: &Table) -> bool {
    let title = |s: &str| s.contains("绩效自评表") || s.contains("績效自評表");
    title(&t.caption)
        || t.rows()
            .iter()
            .take(4)
            .any(|r| r.cells.iter().any(|c| title(c.text)))
}

/// Every self-evaluation table in the document: each block of one (a page may print a
/// department's projects one after another in one table, each under its own title).
pub fn read_all(doc: &Document) -> Vec<SelfEval<'_>> {
    // a title further down a table, under another project's rows, is looked for only where
    // the text names the tables at all (a 100k-row table's cells are not searched)
    let named = doc.source.contains("自评") || doc.source.contains("自評");
    let mut out = Vec::new();
    for t in &doc.tables {
        if is_self_eval(t) || named && titled_below(t) {
            read_blocks(doc, t, &mut out);
        }
    }
    if named {
        flat::read(doc, &mut out);
    }
    out
}

/// Whether a row of the table holds a self-evaluation table's title.
fn titled_below(t: &Table) -> bool {
    t.rows().iter().any(|r| {
        r.cells
            .iter()
            .any(|c| c.text.contains("绩效自评表") || c.text.contains("績效自評表"))
    })
}

/// The names each of [`BLOCK`]'s columns is printed under: the standard template's, then
/// other provinces' (Sichuan's 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分).
const BLOCK_NAMES: [&[&str]; 6] = [
    &["年初预算数", "年初预算"],
    &["全年预算数", "调整后预算数", "调整后预算"],
    &["全年执行数", "预算执行数"],
    &["分值", "权重"],
    &["执行率", "预算执行率"],
    &["得分"],
];

/// The slot of [`BLOCK`] a header cell names.
fn block_slot(name: &str) -> Option<usize> {
    BLOCK_NAMES.iter().position(|names| names.contains(&name))
}

/// `clean_label(s) == label`, without building the cleaned string: the self-evaluation
/// tables are searched cell by cell for a handful of labels.
fn clean_is(s: &str, label: &str) -> bool {
    // the cleaned text ends as the text does, spacing and emphasis aside: most cells are
    // told apart by their last character
    let last = s
        .trim_end_matches(|c: char| c.is_whitespace() || c == '*')
        .chars()
        .next_back();
    if !label.is_empty() && label.chars().next_back() != last {
        return false;
    }
    crate::claims::table::clean_label_is(s, label)
}

fn label_col(t: &Table, r: usize, label: &str) -> Option<usize> {
    // (a label may end with a colon: "年度资金总额:")
    let bare =
        |s: &str| -> bool { clean_is(s.trim_end().trim_end_matches(&[':', '：'][..]), label) };
    t.rows()
        .get(r)?
        .cells
        .iter()
        .position(|c| c.kind == CellKind::Text && bare(c.text))
}

/// Where each block of a self-evaluation table starts: the 年度资金总额 row (or a 总额 row
/// under a header naming the block's six columns), with its label's column.
fn block_rows(t: &Table) -> Vec<(usize, usize)> {
    (0..t.rows().len())
        .filter_map(|r| {
            label_col(t, r, "年度资金总额")
                .or_else(|| label_col(t, r, "总额").filter(|_| block_order(t, r).is_some()))
                .map(|c| (r, c))
        })
        .into_vec()
}

/// Reads each block of the table, one [`SelfEval`] each; a table with none gives one
/// without a total (its scores may still be read).
fn read_blocks<'a>(doc: &Document, t: &'a Table, out: &mut Vec<SelfEval<'a>>) {
    let blocks = block_rows(t);
    if blocks.is_empty() {
        out.push(read(doc, t, None, (0, t.rows().len())));
        return;
    }
    let mut from = 0;
    for (k, &(r, lc)) in blocks.iter().enumerate() {
        let to = blocks.get(k + 1).map_or(t.rows().len(), |b| b.0);
        out.push(read(doc, t, Some((r, lc)), (from, to)));
        from = r + 1;
    }
}

/// One block: its total row at `(r, lc)`, within the rows `span` (its project's name above
/// it, its scores below it, before the next block).
fn read<'a>(
    doc: &Document,
    t: &'a Table,
    block: Option<(usize, usize)>,
    (from, to): (usize, usize),
) -> SelfEval<'a> {
    let mut out = SelfEval {
        table: Some(t),
        name: project_name(t, from, block.map_or(to, |b| b.0)),
        total: None,
        blank: [false; 6],
        parts: Vec::new(),
        indicators: Vec::new(),
        indicators_clean: true,
        total_score: None,
        initial_budget: false,
        header_line: None,
    };
    let Some((r, lc)) = block else {
        read_scores(doc, t, from, to, &mut out);
        return out;
    };
    let header = block_order(t, r);
    let header_line = header.as_ref().and_then(|h| t.line_of(h.0));
    let order = header.map(|h| h.1);
    let cells: Vec<crate::document::CellRef<'_>> = t
        .rows()
        .get(r)
        .map(|row| row.cells.iter().skip(lc + 1).into_vec())
        .unwrap_or_default();
    let is_pct = |c: Option<&crate::document::CellRef<'_>>| {
        c.and_then(|c| c.figure)
            .and_then(|id| doc.figure(id))
            .is_some_and(|f| f.number.percent)
    };
    // without all six names in the header, trust the standard order only when the row
    // has its shape: six cells, the fifth a percentage
    let order = order.or_else(|| {
        (cells.len() >= 6 && is_pct(cells.get(4))).then(|| (0..BLOCK.len()).into_vec())
    });
    if let Some(order) = order {
        out.initial_budget = !order.contains(&1);
        let mut total = [None; 6];
        for (k, &slot) in order.iter().enumerate() {
            if let (Some(c), Some(dst)) = (cells.get(k), total.get_mut(slot)) {
                *dst = c.figure;
                if let Some(b) = out.blank.get_mut(slot) {
                    *b = matches!(c.kind, CellKind::Blank | CellKind::Dash);
                }
            }
        }
        // a rate slot must hold a percentage, or the binding is wrong
        if total
            .get(4)
            .copied()
            .flatten()
            .is_none_or(|id| is_pct_id(doc, id))
        {
            out.total = Some(total);
            out.parts = parts(t, r + 1, to, &order);
            out.header_line = header_line;
        }
    }
    read_scores(doc, t, r + 1, to, &mut out);
    out
}

fn is_pct_id(doc: &Document, id: FigId) -> bool {
    doc.figure(id).is_some_and(|f| f.number.percent)
}

/// The header block: the nearest row above `r` that names every column of [`BLOCK`], and
/// where each is printed in it.
fn block_order(t: &Table, r: usize) -> Option<(usize, Vec<usize>)> {
    (0..r).rev().take(3).find_map(|h| {
        let row = t.rows().get(h)?;
        let names: Vec<usize> = row
            .cells
            .iter()
            .filter(|c| c.kind == CellKind::Text)
            .filter_map(|c| block_slot(header_name(&clean_label(c.text))))
            .into_vec();
        // each column named once
        let once = names
            .iter()
            .enumerate()
            .all(|(k, slot)| !names.get(..k).is_some_and(|b| b.contains(slot)));
        // the six, or a department's four (年初预算数, 全年执行数, 分值, 得分)
        let four = names.len() == 4 && [0, 2, 3, 5].iter().all(|s| names.contains(s));
        (once && (names.len() == BLOCK.len() || four)).then_some((h, names))
    })
}

/// A header's name without the bracket it ends with ("年初预算数(A)", "分值(10分)").
fn header_name(name: &str) -> &str {
    match name.strip_suffix(&[')', '）'][..]) {
        Some(inner) => inner
            .rfind(&['(', '（'][..])
            .and_then(|k| name.get(..k))
            .unwrap_or(name),
        None => name,
    }
}

/// The sources a block's 年度资金总额 is made of: the standard template's, then Sichuan's
/// (财政资金, 财政专户管理资金, 单位资金, 其他资金), then a department's.
const PARTS: [&str; 11] = [
    "当年财政拨款",
    "本年财政拨款",
    "上年结转资金",
    "上年结转",
    "其他资金",
    "财政资金",
    "财政专户管理资金",
    "单位资金",
    // a department's whole spending (部门整体支出绩效自评表)
    "基本支出",
    "项目支出",
    "其他",
];

/// The 其中 rows under 年度资金总额.
fn parts(t: &Table, from: usize, to: usize, order: &[usize]) -> Vec<[Option<Expr>; 3]> {
    let mut out = Vec::new();
    for r in from..to {
        let Some(row) = t.rows().get(r) else { break };
        let Some((lc, label)) = row
            .cells
            .iter()
            .enumerate()
            .find(|(_, c)| c.kind == CellKind::Text)
            .map(|(i, c)| (i, clean_label(c.text)))
        else {
            // a source's row broken in two: its scores on a line of their own
            // ("基本支出 | 985.19 | 914.97 |" then "10 | 10 |")
            if !out.is_empty() && row.cells.iter().any(|c| c.kind == CellKind::Figure) {
                continue;
            }
            break;
        };
        let label = label
            .trim_start_matches("其中")
            .trim_start_matches(&['：', ':'][..]);
        if !PARTS.contains(&label) {
            break;
        }
        let mut ops: [Option<Expr>; 3] = [None, None, None];
        for (k, &slot) in order.iter().enumerate() {
            if slot > 2 {
                continue;
            }
            let op = match row.cells.get(lc + 1 + k) {
                None => Some(Expr::Blank),
                Some(c) => match (c.kind, c.figure) {
                    (CellKind::Blank | CellKind::Dash, _) => Some(Expr::Blank),
                    // Sichuan's template marks what does not apply with a slash
                    (CellKind::Text, _) if matches!(c.text.trim(), "/" | "／") => {
                        Some(Expr::Blank)
                    }
                    (CellKind::Figure, Some(id)) => Some(Expr::Fig(id)),
                    _ => None,
                },
            };
            if let Some(dst) = ops.get_mut(slot) {
                *dst = op;
            }
        }
        out.push(ops);
    }
    out
}

/// A plain number: a figure with no unit and no percent sign.
fn plain(doc: &Document, c: &crate::document::CellRef<'_>) -> Option<FigId> {
    let id = c.figure?;
    let f = doc.figure(id)?;
    (f.unit.is_none() && !f.number.percent).then_some(id)
}

/// The last two plain numbers of a row (分值, 得分), when its last figures are those.
fn last_two(doc: &Document, t: &Table, r: usize) -> Option<(FigId, FigId)> {
    let row = t.rows().get(r)?;
    let figs: Vec<crate::document::CellRef<'_>> = row
        .cells
        .iter()
        .filter(|c| c.kind == CellKind::Figure)
        .into_vec();
    let n = figs.len();
    let a = plain(doc, figs.get(n.checked_sub(2)?)?)?;
    let b = plain(doc, figs.get(n - 1)?)?;
    Some((a, b))
}

fn read_scores(doc: &Document, t: &Table, from: usize, to: usize, out: &mut SelfEval<'_>) {
    let header = (from..to).find(|&r| {
        t.rows().get(r).is_some_and(|row| {
            row.cells
                .iter()
                .any(|c| clean_is(c.text, "一级指标") || clean_is(c.text, "分值"))
        })
    });
    let Some(header) = header else { return };
    for r in header + 1..to {
        let Some(row) = t.rows().get(r) else { break };
        if row.cells.iter().any(|c| clean_is(c.text, "总分")) {
            out.total_score = last_two(doc, t, r);
            return;
        }
        let figures = row
            .cells
            .iter()
            .filter(|c| c.kind == CellKind::Figure)
            .count();
        if figures == 0 || row.cells.iter().all(|c| c.text.is_empty()) {
            continue;
        }
        match last_two(doc, t, r) {
            Some(pair) => out.indicators.push(pair),
            None => out.indicators_clean = false,
        }
    }
}

/// The project's name: the text after a 项目名称 label, or the title line above a bare one;
/// looked for in the rows `from..to`.
fn project_name(t: &Table, from: usize, to: usize) -> Option<String> {
    for (r, row) in t.rows().iter().enumerate().take(to).skip(from) {
        // (a department's whole-spending table names the department instead)
        let Some(lc) = row.cells.iter().position(|c| {
            ["项目名称", "部门(单位)名称", "单位名称"]
                .iter()
                .any(|l| clean_is(c.text, l))
        }) else {
            continue;
        };
        let after = row
            .cells
            .iter()
            .skip(lc + 1)
            .map(|c| c.text.trim())
            .find(|s| !s.is_empty());
        let name = match after {
            Some(n) => Some(n.to_string()),
            None => r.checked_sub(1).and_then(|p| {
                let texts: Vec<&str> = t
                    .rows()
                    .get(p)?
                    .cells
                    .iter()
                    .map(|c| c.text.trim())
                    .filter(|s| !s.is_empty())
                    .into_vec();
                match texts.as_slice() {
                    [one] => Some((*one).to_string()),
                    _ => None,
                }
            }),
        };
        return name;
    }
    None
}

/// Names compared without spaces and punctuation, letters in lower case.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // the common ideographs are letters with no lower case: kept as they are without
        // the Unicode tables' lookups
        if ('\u{4e00}'..='\u{9fa5}').contains(&c) {
            out.push(c);
        } else if c.is_alphanumeric() {
            out.push(lower(c));
        }
    }
    out
}

/// A letter of the scripts these names are written in, in lower case: Latin, full-width
/// Latin (ＡＢＣ) and the Roman numerals (Ⅻ). Not `char::to_lowercase`, whose table of every
/// script's pairs is ≈ 11 KB of the page's core.
fn lower(c: char) -> char {
    let shift = match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => 0x20,
        'Ａ'..='Ｚ' => 0x20,
        'Ⅰ'..='Ⅿ' => 0x10,
        _ => 0,
    };
    char::from_u32(u32::from(c) + shift).unwrap_or(c)
}

/// Similarity of two names: longest common subsequence over the longer length.
pub fn similarity(a: &[char], b: &[char]) -> (usize, usize) {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            let v = if x == y {
                prev.get(j).copied().unwrap_or(0) + 1
            } else {
                prev.get(j + 1)
                    .copied()
                    .unwrap_or(0)
                    .max(cur.get(j).copied().unwrap_or(0))
            };
            if let Some(c) = cur.get_mut(j + 1) {
                *c = v;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev.last().copied().unwrap_or(0), a.len().max(b.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cell text of the sample and a few made-up ones.
    fn texts() -> Vec<String> {
        let doc = crate::read::read_text(include_str!(
            "../../samples/2019-xinjiang-government-office-final-accounts.txt"
        ));
        let mut out: Vec<String> = doc
            .tables
            .iter()
            .flat_map(|t| {
                t.rows()
                    .iter()
                    .flat_map(|r| r.cells.iter().map(|c| c.text.to_string()))
                    .collect::<Vec<_>>()
            })
            .collect();
        out.extend(
            [
                "一、总分",
                " 总 分 ",
                "总分*",
                "(1)项目名称",
                "项目名称：",
                "ÀB 项目Ⅻ",
                "二十、分值",
                "分值分",
            ]
            .map(String::from),
        );
        out
    }

    /// Two projects of Sichuan's template one after another in one pipe table, as a
    /// county bureau's page prints them (大英县司法局 2023, dyxrmt.cn): the second block's
    /// `rate` and `spent` are filled in.
    fn sichuan(rate: &str, spent: &str) -> String {
        format!(
            "部门预算项目支出绩效自评表(2023年度) |\n\
             | 项目名称 | 甲项目 |\n\
             | 预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |\n\
             | 总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | 1.预算执行率=预算执行数/调整后预算数 |\n\
             | 其中:财政资金 | 0.00 | 3.36 | 3.36 | 100.00% | / | / | |\n\
             | 财政专户管理资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | |\n\
             | 单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | |\n\
             | 其他资金 | / | / | | | | | |\n\
             | 绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 | |\n\
             | 产出指标 | 成本指标 | 成本控制数 | ≤30万元 | 完成 | 90 | 90 | |\n\
             | 部门预算项目支出绩效自评表(2023年度) | | | | | | | | |\n\
             | 项目名称 | 乙项目 | | | | | | | |\n\
             | 预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |\n\
             | 总额 | 20.00 | 20.00 | {spent} | {rate} | 10 | 9 | |\n\
             | 其中:财政资金 | 20.00 | 20.00 | {spent} | {rate} | / | / | |\n\
             | 其他资金 | / | / | | | | | |\n\
             | 绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 | |\n\
             | 产出指标 | 数量指标 | 完成数 | 2个 | 2个 | 90 | 90 | |\n"
        )
    }

    #[test]
    fn a_departments_whole_spending_table_is_read_on_its_initial_budget() {
        // a township's 2021 部门整体支出绩效自评表 (suiyang.gov.cn, 绥阳县太白镇): four columns,
        // 年初预算数(A) and 全年执行数(B), its sources 基本支出 and 项目支出, the first row
        // broken in two with its weight and score on a line of their own
        let text = |project: &str, score: &str| {
            format!(
                "部门整体支出绩效自评表 | |||||||||\n\
                 部门(单位)名称 | 绥阳县太白镇人民政府 | ||||||||\n\
                 部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 | |||\n\
                 年度资金总额: | 1172.55 | 1268.72 | 10 | {score} | 执行率*该指标分值,最高不得超过分值上限。 | ||||\n\
                 基本支出 | 985.19 | 914.97 |\n\
                 10 | 10 | |||||\n\
                 项目支出 | {project} | 353.75 | 10 | 10 | |||||\n\
                 其他 | |||||||||\n\
                 年度总体目标 | 年初设定目标 | 年度总体目标完成情况 | |||||||\n"
            )
        };
        use crate::checks::{own, reported};
        assert_eq!(
            reported(&text("187.36", "10"), "fund-breakdown"),
            own(&[("1172.55", "pass"), ("1268.72", "pass")])
        );
        // the rate is B ÷ A (108%), its score capped at the weight
        assert_eq!(
            reported(&text("187.36", "10"), "exec-rate"),
            own(&[("10", "pass")])
        );
        assert_eq!(
            reported(&text("187.36", "9"), "exec-rate"),
            own(&[("9", "fail")])
        );
        assert_eq!(
            reported(&text("178.36", "10"), "fund-breakdown"),
            own(&[("1172.55", "fail"), ("1268.72", "pass")])
        );
        let doc = crate::read::read_text(&text("187.36", "10"));
        let name = read_all(&doc).first().and_then(|e| e.name.clone());
        assert_eq!(name.as_deref(), Some("绥阳县太白镇人民政府"));
    }

    #[test]
    fn each_project_of_a_table_in_sichuans_template_is_read_on_its_own() {
        let reported = |t: &str, rule: &str| crate::checks::reported(t, rule);
        let text = sichuan("90.00%", "18.00");
        let doc = crate::read::read_text(&text);
        let evals = read_all(&doc);
        let names: Vec<Option<&str>> = evals.iter().map(|e| e.name.as_deref()).collect();
        assert_eq!(names, [Some("甲项目"), Some("乙项目")]);
        // each block's indicators are its own, not the next block's 总额 row
        let pairs: Vec<usize> = evals.iter().map(|e| e.indicators.len()).collect();
        assert_eq!(pairs, [1, 1]);
        assert_eq!(
            reported(&text, "exec-rate"),
            [
                ("100.00%", "pass"),
                ("10", "pass"),
                ("90.00%", "pass"),
                ("9", "pass")
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        // 财政资金 + 财政专户管理资金 + 单位资金 + 其他资金 (a slash: nothing), each column
        let sums = reported(&text, "fund-breakdown");
        assert_eq!(sums.len(), 6, "{sums:?}");
        assert!(sums.iter().all(|(_, s)| s == "pass"), "{sums:?}");
        let wrong = sichuan("95.00%", "18.00");
        assert!(reported(&wrong, "exec-rate").contains(&("95.00%".into(), "fail".into())));
        let short = sichuan("90.00%", "18.00").replace(
            "| 其中:财政资金 | 20.00 | 20.00 | 18.00",
            "| 其中:财政资金 | 20.00 | 20.00 | 17.00",
        );
        assert!(reported(&short, "fund-breakdown").contains(&("18.00".into(), "fail".into())));
    }

    #[test]
    fn a_label_is_compared_as_clean_label_makes_it() {
        let mut hits = 0;
        for s in texts() {
            for label in ["总分", "项目名称", "分值", "一级指标", "年度资金总额"]
            {
                assert_eq!(
                    clean_is(&s, label),
                    clean_label(&s) == label,
                    "{s:?} {label}"
                );
                hits += usize::from(clean_is(&s, label));
            }
        }
        assert!(hits >= 5, "{hits}");
    }

    #[test]
    fn name_keys_are_the_lower_cased_letters_and_digits() {
        // the same as Unicode's lower case for every letter of those scripts
        for s in texts() {
            let general: String = s
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(name_key(&s), general, "{s:?}");
        }
        let scripts = ('A'..='Z')
            .chain('À'..='Þ')
            .chain('Ａ'..='Ｚ')
            .chain('Ⅰ'..='Ⅿ');
        for c in scripts
            .chain('a'..='z')
            .chain('0'..='9')
            .chain(['×', '项', 'ß', 'ａ'])
        {
            let general: String = c.to_lowercase().collect();
            if c.is_alphanumeric() {
                assert_eq!(name_key(&c.to_string()), general, "{c}");
            }
        }
        assert_eq!(name_key("ÀB 项目Ⅻ（一）ＰＰＰ"), "àb项目ⅻ一ｐｐｐ");
    }
}
