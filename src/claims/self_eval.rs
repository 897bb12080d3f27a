//! Reading performance self-evaluation tables (项目支出绩效自评表). Their rows are often
//! shifted against their headers, so figures are bound by the row's label and their order
//! after it, never by a fixed column.

use super::table::clean_label;
use crate::document::{Document, Table};
use crate::figure::{CellKind, FigId};
use crate::relation::Expr;

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
    /// The table.
    pub table: &'a Table,
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

/// Every self-evaluation table in the document.
pub fn read_all(doc: &Document) -> Vec<SelfEval<'_>> {
    doc.tables
        .iter()
        .filter(|t| is_self_eval(t))
        .map(|t| read(doc, t))
        .collect()
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
    t.rows()
        .get(r)?
        .cells
        .iter()
        .position(|c| c.kind == CellKind::Text && clean_is(c.text, label))
}

fn read<'a>(doc: &Document, t: &'a Table) -> SelfEval<'a> {
    let mut out = SelfEval {
        table: t,
        name: project_name(t),
        total: None,
        blank: [false; 6],
        parts: Vec::new(),
        indicators: Vec::new(),
        indicators_clean: true,
        total_score: None,
    };
    let Some((r, lc)) =
        (0..t.rows().len()).find_map(|r| label_col(t, r, "年度资金总额").map(|c| (r, c)))
    else {
        return out;
    };
    let order = block_order(t, r);
    let cells: Vec<crate::document::CellRef<'_>> = t
        .rows()
        .get(r)
        .map(|row| row.cells.iter().skip(lc + 1).collect())
        .unwrap_or_default();
    let is_pct = |c: Option<&crate::document::CellRef<'_>>| {
        c.and_then(|c| c.figure)
            .and_then(|id| doc.figure(id))
            .is_some_and(|f| f.number.percent)
    };
    // without all six names in the header, trust the standard order only when the row
    // has its shape: six cells, the fifth a percentage
    let order =
        order.or_else(|| (cells.len() >= 6 && is_pct(cells.get(4))).then_some([0, 1, 2, 3, 4, 5]));
    if let Some(order) = order {
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
            out.parts = parts(t, r + 1, &order);
        }
    }
    read_scores(doc, t, r + 1, &mut out);
    out
}

fn is_pct_id(doc: &Document, id: FigId) -> bool {
    doc.figure(id).is_some_and(|f| f.number.percent)
}

/// The header block's column order: where each of [`BLOCK`] is printed, from the nearest
/// row above `r` that names them all.
fn block_order(t: &Table, r: usize) -> Option<[usize; 6]> {
    (0..r).rev().take(3).find_map(|h| {
        let row = t.rows().get(h)?;
        let names: Vec<String> = row
            .cells
            .iter()
            .filter(|c| c.kind == CellKind::Text)
            .map(|c| clean_label(c.text))
            .filter(|n| BLOCK.contains(&n.as_str()))
            .collect();
        if names.len() != BLOCK.len() {
            return None;
        }
        let mut order = [0; 6];
        for (k, n) in names.iter().enumerate() {
            let slot = BLOCK.iter().position(|b| b == n)?;
            *order.get_mut(k)? = slot;
        }
        Some(order)
    })
}

/// The 其中 rows under 年度资金总额.
fn parts(t: &Table, from: usize, order: &[usize; 6]) -> Vec<[Option<Expr>; 3]> {
    let mut out = Vec::new();
    for r in from..t.rows().len() {
        let Some(row) = t.rows().get(r) else { break };
        let Some((lc, label)) = row
            .cells
            .iter()
            .enumerate()
            .find(|(_, c)| c.kind == CellKind::Text)
            .map(|(i, c)| (i, clean_label(c.text)))
        else {
            break;
        };
        let label = label
            .trim_start_matches("其中")
            .trim_start_matches(&['：', ':'][..]);
        if !["当年财政拨款", "上年结转资金", "上年结转", "其他资金"].contains(&label)
        {
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
        .collect();
    let n = figs.len();
    let a = plain(doc, figs.get(n.checked_sub(2)?)?)?;
    let b = plain(doc, figs.get(n - 1)?)?;
    Some((a, b))
}

fn read_scores(doc: &Document, t: &Table, from: usize, out: &mut SelfEval<'_>) {
    let header = (from..t.rows().len()).find(|&r| {
        t.rows().get(r).is_some_and(|row| {
            row.cells
                .iter()
                .any(|c| clean_is(c.text, "一级指标") || clean_is(c.text, "分值"))
        })
    });
    let Some(header) = header else { return };
    for r in header + 1..t.rows().len() {
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

/// The project's name: the text after a 项目名称 label, or the title line above a bare one.
fn project_name(t: &Table) -> Option<String> {
    for (r, row) in t.rows().iter().enumerate() {
        let Some(lc) = row.cells.iter().position(|c| clean_is(c.text, "项目名称")) else {
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
                    .collect();
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
