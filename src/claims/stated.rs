//! What the narrative states about the standard tables: a text amount naming a figure one
//! of the standard tables prints — 收入支出总计, 本年收入合计, 财政拨款收入, 基本支出, 人员经费,
//! a 功能分类 类 line ("一般公共服务支出（类）2106.66 万元") or a 项 line's 决算 ("…行政运行（项）。
//! …支出决算为 1511.89 万元") — with every cell it may stand for: each table that prints it,
//! each side of a two-sided 总表. Which table, row and column is read here once; the check
//! (`text-table`) only builds the relation.

use super::prose::{is_money, yuan, Kind, Mention, Prose, Tok};
use super::scope::{Budget, Level};
use super::standard::Standard;
use super::table::{is_code_column, is_rate_header, row_code, total_level};
use super::Claims;
use crate::document::{Document, Table};
use crate::figure::FigId;
use crate::relation::Expr;
use crate::IntoVec;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// A table cell the text's amount may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedCell {
    /// The cell's figure.
    pub fig: FigId,
    /// Several cells that add up to the amount (人员经费合计 + 公用经费合计), when one
    /// cell does not print it; `fig` is the first of them.
    pub more: Vec<FigId>,
    /// The table.
    pub table: Standard,
    /// The money unit the table states (单位：万元 / 元), if it states one.
    pub unit: Option<&'static str>,
    /// Row (and column) named, for the message.
    pub place: String,
}

/// A text amount and the cells it may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    /// The text's figure.
    pub fig: FigId,
    /// What the text names ("收入支出总计").
    pub subject: String,
    /// Every plausible cell; never empty.
    pub cells: Vec<StatedCell>,
    /// The sentence.
    pub context: String,
}

/// Which row of a table.
#[derive(Clone, Copy)]
enum Row {
    /// Every row labelled so (both sides of a 总表), the first amount after the label.
    Label(&'static str),
    /// The sum of whichever of these rows print an amount (at least one must).
    Sum(&'static [&'static str]),
    /// The 合计 row.
    Total,
}

/// An amount printed in unit `from` as an amount in `to` (exactly: 1 万元 = 10000 元);
/// unchanged when either unit is not known.
pub fn convert(e: Expr, from: Option<&str>, to: Option<&str>) -> Expr {
    match (from.and_then(yuan), to.and_then(yuan)) {
        (Some(f), Some(t)) if f > t => Expr::product(e, Expr::Const(Decimal::from(f / t))),
        (Some(f), Some(t)) if f < t => Expr::quotient(e, Expr::Const(Decimal::from(t / f))),
        _ => e,
    }
}

/// Where a table prints a quantity: the table, the row and the column whose header
/// contains this text.
#[derive(Clone, Copy)]
struct At {
    table: Standard,
    row: Row,
    col: Option<&'static str>,
}

const fn at(table: Standard, row: Row, col: Option<&'static str>) -> At {
    At { table, row, col }
}

/// A quantity the text names and where the tables print it.
struct Subject {
    /// The text's names for it (the mention's label, keywords removed).
    names: &'static [&'static str],
    /// The name may follow the department's own name ("上海市普陀区司法局收入预算").
    after_entity: bool,
    /// Only as a part of a breakdown ("其中：") whose total is named so.
    part_of: &'static [&'static str],
    /// Where the tables print it.
    at: &'static [At],
}

use Row::{Label, Sum, Total};
use Standard::{
    BasicExpenditure as Basic, Expenditure as Exp, FiscalAppropriation as Fiscal,
    GeneralBudgetExpenditure as General, Income as Inc, IncomeExpenditure as Overall,
};

const FISCAL_INCOME: &[&str] = &[
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
];

const SUBJECTS: &[Subject] = &[
    Subject {
        names: &["收入支出总计"],
        after_entity: true,
        part_of: &[],
        at: &[at(Overall, Label("总计"), None)],
    },
    Subject {
        names: &["财政拨款收入支出总计"],
        after_entity: true,
        part_of: &[],
        at: &[at(Fiscal, Label("总计"), None)],
    },
    Subject {
        names: &["本年收入"],
        after_entity: false,
        part_of: &[],
        at: &[
            at(Overall, Label("本年收入合计"), None),
            at(Inc, Total, Some("本年收入合计")),
        ],
    },
    Subject {
        names: &["本年支出"],
        after_entity: false,
        part_of: &[],
        at: &[
            at(Overall, Label("本年支出合计"), None),
            at(Exp, Total, Some("本年支出合计")),
        ],
    },
    Subject {
        names: &["财政拨款收入"],
        after_entity: false,
        part_of: &[],
        at: &[
            at(Overall, Label("财政拨款收入"), None),
            at(Overall, Sum(FISCAL_INCOME), None),
            at(Inc, Total, Some("财政拨款收入")),
        ],
    },
    Subject {
        names: &["其他收入"],
        after_entity: false,
        part_of: &["本年收入", "收入预算"],
        at: &[
            at(Overall, Label("其他收入"), None),
            at(Inc, Total, Some("其他收入")),
        ],
    },
    Subject {
        names: &["事业收入"],
        after_entity: false,
        part_of: &["本年收入", "收入预算"],
        at: &[
            at(Overall, Label("事业收入"), None),
            at(Inc, Total, Some("事业收入")),
        ],
    },
    Subject {
        names: &["上级补助收入"],
        after_entity: false,
        part_of: &["本年收入", "收入预算"],
        at: &[
            at(Overall, Label("上级补助收入"), None),
            at(Inc, Total, Some("上级补助收入")),
        ],
    },
    Subject {
        names: &["基本支出"],
        after_entity: false,
        part_of: &["本年支出"],
        at: &[at(Exp, Total, Some("基本支出"))],
    },
    Subject {
        names: &["项目支出"],
        after_entity: false,
        part_of: &["本年支出"],
        at: &[at(Exp, Total, Some("项目支出"))],
    },
    Subject {
        names: &["基本支出"],
        after_entity: false,
        part_of: &["一般公共预算财政拨款支出"],
        at: &[at(General, Total, Some("基本支出"))],
    },
    Subject {
        names: &["项目支出"],
        after_entity: false,
        part_of: &["一般公共预算财政拨款支出"],
        at: &[at(General, Total, Some("项目支出"))],
    },
    Subject {
        names: &["一般公共预算财政拨款支出"],
        after_entity: false,
        part_of: &[],
        at: &[
            at(Fiscal, Label("本年支出合计"), Some("一般公共预算")),
            at(General, Total, Some("合计")),
        ],
    },
    Subject {
        names: &["一般公共预算财政拨款基本支出"],
        after_entity: false,
        part_of: &[],
        at: &[
            at(General, Total, Some("基本支出")),
            at(Basic, Sum(&["人员经费合计", "公用经费合计"]), None),
        ],
    },
    Subject {
        names: &["人员经费"],
        after_entity: false,
        part_of: &["一般公共预算财政拨款基本支出"],
        at: &[at(Basic, Label("人员经费合计"), None)],
    },
    Subject {
        names: &["公用经费"],
        after_entity: false,
        part_of: &["一般公共预算财政拨款基本支出"],
        at: &[at(Basic, Label("公用经费合计"), None)],
    },
    // budgets: "收入预算 9628.22 万元，其中：财政拨款收入 …；支出预算 …"
    Subject {
        names: &["收入预算"],
        after_entity: true,
        part_of: &[],
        at: &[
            at(Overall, Label("收入总计"), None),
            at(Overall, Label("本年收入合计"), None),
        ],
    },
    Subject {
        names: &["支出预算"],
        after_entity: true,
        part_of: &[],
        at: &[
            at(Overall, Label("支出总计"), None),
            at(Overall, Label("本年支出合计"), None),
        ],
    },
    Subject {
        names: &["财政拨款支出预算"],
        after_entity: false,
        part_of: &[],
        at: &[at(Fiscal, Label("支出总计"), None)],
    },
    Subject {
        names: &["一般公共预算拨款支出预算", "一般公共预算财政拨款支出预算"],
        after_entity: false,
        part_of: &[],
        at: &[at(Fiscal, Label("支出总计"), Some("一般公共预算"))],
    },
];

/// Endings of a department's or unit's name ("上海市普陀区司法局").
const ENTITY_ENDS: &[char] = &[
    '局', '委', '会', '室', '处', '部', '院', '所', '心', '站', '队', '馆', '办', '厅', '署',
];

fn entity_like(prefix: &str) -> bool {
    prefix.chars().count() >= 3
        && prefix
            .chars()
            .last()
            .is_some_and(|c| ENTITY_ENDS.contains(&c))
}

/// Whether a label names `name`: the same words, or (when allowed) the department's name
/// and then the words.
fn names(label: &str, name: &str, after_entity: bool) -> bool {
    label == name || after_entity && label.strip_suffix(name).is_some_and(entity_like)
}

/// A table label without spaces and its numbering ("一、一般公共预算财政拨款收入" →
/// "一般公共预算财政拨款收入"; "1.一般公共预算" → "一般公共预算").
pub fn row_name(label: &str) -> String {
    let t = crate::figure::kept(label, |c| !c.is_whitespace() && c != '\u{3000}' && c != '*');
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let n = crate::figure::lead(&t, numeral).len();
    if n > 0 {
        if let Some(rest) = t
            .get(n..)
            .and_then(|r| r.strip_prefix(&['、', '.', '．'][..]))
        {
            return rest.to_string();
        }
    }
    // "（一）…"
    if t.starts_with(&['（', '('][..]) {
        let close = t.char_indices().find(|(_, c)| matches!(c, '）' | ')'));
        if let Some((i, c)) = close {
            let inner = t.get(c.len_utf8()..i).unwrap_or("");
            if !inner.is_empty() && inner.chars().all(numeral) {
                return t.get(i + c.len_utf8()..).unwrap_or("").to_string();
            }
        }
    }
    t
}

/// The money unit a table states in its caption or title lines ("单位：万元", "金额单位：
/// 元", "单位:万元").
pub fn table_unit(t: &Table) -> Option<&'static str> {
    let mut text = crate::figure::unspaced(&t.caption);
    for r in t.rows().iter().take(t.header_rows.min(3)) {
        for c in &r.cells {
            crate::figure::push_unspaced(&mut text, c.text);
        }
    }
    let mut found = None;
    let mut rest = text.as_str();
    while let Some(k) = rest.find("单位") {
        let after = rest.get(k + "单位".len()..).unwrap_or("");
        let after = after
            .trim_start_matches(&['：', ':', '为'][..])
            .trim_start_matches('：');
        let unit = if after.starts_with("万元") {
            Some("万元")
        } else if after.starts_with("亿元") {
            Some("亿元")
        } else if after.starts_with('元') {
            Some("元")
        } else {
            None
        };
        if let Some(u) = unit {
            if found.is_some_and(|f| f != u) {
                return None; // two units named: not one table's
            }
            found = Some(u);
        }
        rest = after;
    }
    found
}

/// An amount column: not a code, rate or 行次 column; its header contains `want` when
/// given, and does not name another stage than the table's own (a 决算 table's 年初预算数
/// column, any table's 上年 column) unless `want` does.
fn amount_column(t: &Table, k: usize, want: Option<&str>) -> bool {
    let h: String = t
        .column_header(k)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if is_code_column(t, k) || is_rate_header(&h) || h.contains("行次") {
        return false;
    }
    let final_accounts = is_final_accounts(t);
    // in a budget table 预算数 is the figure itself; a 决算数 header names this stage even
    // when it also names 预算 ("预算数/决算数" over two leaves)
    let other_stage = |s: &&str| {
        h.contains(*s)
            && want.is_none_or(|w| !w.contains(*s))
            && (final_accounts || !s.contains("预算"))
            && (s.contains("上年") || !h.contains("决算"))
    };
    let other = ["年初预算", "预算数", "全年预算", "调整预算", "上年"]
        .iter()
        .any(other_stage);
    !other && want.is_none_or(|w| h.contains(w))
}

/// A 决算 table (its title says so): its 预算数 columns are another stage.
fn is_final_accounts(t: &Table) -> bool {
    t.caption.contains("决算")
        || t.rows()
            .iter()
            .take(t.header_rows.min(3))
            .any(|r| r.cells.iter().any(|c| c.text.contains("决算")))
}

/// The amount printed right after the label in cell (`r`, `c`), before the row's next
/// label, in a column whose header contains `col` when given; a blank cell there gives
/// none (nothing printed, no reading).
fn after_label(t: &Table, r: usize, c: usize, col: Option<&str>) -> Option<FigId> {
    let row = t.rows().get(r)?;
    let next_label = row
        .cells
        .iter()
        .enumerate()
        .skip(c + 1)
        .find(|(_, x)| x.figure.is_none() && !x.text.trim().is_empty())
        .map_or(row.cells.len(), |(i, _)| i);
    let k = (c + 1..next_label).find(|&k| t.figure(r, k).is_some() && amount_column(t, k, col))?;
    t.figure(r, k)
}

/// Every amount printed right after a cell labelled `label` (both sides of a 总表), in a
/// column whose header contains `col` when given.
fn labelled_all(t: &Table, label: &str, col: Option<&str>) -> Vec<FigId> {
    let mut out = Vec::new();
    for (r, row) in t.rows().iter().enumerate().skip(t.header_rows) {
        for (c, cell) in row.cells.iter().enumerate() {
            if cell.figure.is_none() && row_name(cell.text) == label {
                out.extend(after_label(t, r, c, col));
            }
        }
    }
    out
}

/// A table's labels and coded rows, read once: the text's 类 and 项 lines are looked up
/// by name, however many it names.
struct Index<'t> {
    t: &'t Table,
    /// Label → the cells printing it.
    labels: FxHashMap<String, Vec<(usize, usize)>>,
    /// (code length, row name) → the rows and their codes.
    coded: FxHashMap<(usize, String), Vec<(usize, String)>>,
}

impl<'t> Index<'t> {
    fn new(t: &'t Table) -> Self {
        let mut labels: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        let mut coded: FxHashMap<(usize, String), Vec<(usize, String)>> = FxHashMap::default();
        for (r, row) in t.rows().iter().enumerate().skip(t.header_rows) {
            for (c, cell) in row.cells.iter().enumerate() {
                if cell.figure.is_none() && !cell.text.trim().is_empty() {
                    labels.entry(row_name(cell.text)).or_default().push((r, c));
                }
            }
            if let Some(code) = row_code(t, r) {
                coded
                    .entry((code.len(), row_name(t.row_label(r))))
                    .or_default()
                    .push((r, code));
            }
        }
        Index { t, labels, coded }
    }

    /// [`labelled_all`] by the index.
    fn labelled(&self, label: &str, col: Option<&str>) -> Vec<FigId> {
        self.labels
            .get(label)
            .map(|cells| {
                cells
                    .iter()
                    .filter_map(|&(r, c)| after_label(self.t, r, c, col))
                    .into_vec()
            })
            .unwrap_or_default()
    }

    /// The row of a 功能分类 table by its 类/款/项 names (codes nest: 201 ⊃ 20106 ⊃
    /// 2010601), when exactly one row answers at each level.
    fn row_by_path(&self, path: &[String]) -> Option<usize> {
        let mut prefix = String::new();
        let mut row = None;
        for (depth, name) in path.iter().enumerate() {
            let len = 3 + 2 * depth;
            let rows = self.coded.get(&(len, name.clone()))?;
            let mut found = rows.iter().filter(|(_, code)| code.starts_with(&prefix));
            let (Some((r, code)), None) = (found.next(), found.next()) else {
                return None;
            };
            prefix.clone_from(code);
            row = Some(*r);
        }
        row
    }
}

/// The 合计 row's amount in the column whose header contains `col`.
fn total_cell(t: &Table, col: Option<&str>) -> Option<FigId> {
    let rows: Vec<usize> = (t.header_rows..t.rows().len())
        .filter(|&r| {
            t.rows().get(r).is_some_and(|row| {
                row.cells.iter().any(|c| {
                    c.figure.is_none()
                        && total_level(c.text) == Some(2)
                        && row_name(c.text) == "合计"
                })
            })
        })
        .into_vec();
    let [r] = rows.as_slice() else {
        return None; // none, or printed twice: not one total
    };
    let width = t.rows().get(*r)?.cells.len();
    let cols: Vec<usize> = (0..width)
        .filter(|&k| t.figure(*r, k).is_some() && amount_column(t, k, col))
        .into_vec();
    // the column named exactly so first ("合计" over "本年收入合计" when asked for 合计)
    let exact = cols.iter().copied().find(|&k| {
        col.is_some_and(|w| {
            let h: String = t
                .column_header(k)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            h == w || h.ends_with(&format!("/{w}"))
        })
    });
    t.figure(*r, exact.or_else(|| cols.first().copied())?)
}

fn cells_at(doc: &Document, t: &Table, table: Standard, a: &At) -> Vec<StatedCell> {
    let unit = table_unit(t);
    let col = a.col.map(|c| format!("（{c}）")).unwrap_or_default();
    let cell = |fig: FigId, more: Vec<FigId>, place: String| StatedCell {
        fig,
        more,
        table,
        unit,
        place,
    };
    let figs_ok = |f: &FigId| doc.figure(*f).is_some_and(|x| !x.number.percent);
    match a.row {
        Label(l) => labelled_all(t, l, a.col)
            .into_iter()
            .filter(figs_ok)
            .map(|f| cell(f, Vec::new(), format!("{l}{col}")))
            .into_vec(),
        Total => total_cell(t, a.col)
            .filter(figs_ok)
            .map(|f| cell(f, Vec::new(), format!("合计{col}")))
            .into_iter()
            .into_vec(),
        Sum(ls) => {
            let mut figs = Vec::new();
            for l in ls {
                let found = labelled_all(t, l, a.col);
                if found.len() > 1 {
                    return Vec::new();
                }
                figs.extend(found.into_iter().filter(figs_ok));
            }
            // the parts left blank are zero: one printed part is the sum
            if figs.is_empty() {
                return Vec::new();
            }
            let first = figs.remove(0);
            vec![cell(first, figs, ls.join(" + "))]
        }
    }
}

/// The year the document is about: the first year its text names (its title).
fn doc_year(claims: &Claims<'_>) -> Option<i64> {
    claims.prose.iter().find_map(|p| {
        p.mentions
            .iter()
            .find(|m| m.kind == Kind::Year)
            .and_then(|m| claims.doc.figure(m.fig)?.number.whole())
    })
}

/// Every standard table kind printed once: the table. Of two tables of one kind, the one
/// that states its unit is taken when the other does not (a table of contents listing the
/// tables' titles is not a table of figures); otherwise the kind is ambiguous and left out.
fn tables<'a>(claims: &Claims<'a>) -> Vec<(Standard, &'a Table)> {
    let all: Vec<(Standard, &Table)> = claims
        .doc
        .tables
        .iter()
        .enumerate()
        .filter_map(|(i, t)| claims.kind_of(i).map(|k| (k, t)))
        .into_vec();
    let mut out: Vec<(Standard, &Table)> = Vec::new();
    for (k, _) in &all {
        if out.iter().any(|(o, _)| o == k) {
            continue;
        }
        let same: Vec<&Table> = all.iter().filter(|(o, _)| o == k).map(|x| x.1).into_vec();
        let with_unit: Vec<&Table> = same
            .iter()
            .copied()
            .filter(|t| table_unit(t).is_some())
            .into_vec();
        match (same.as_slice(), with_unit.as_slice()) {
            ([only], _) | (_, [only]) => out.push((*k, *only)),
            _ => {}
        }
    }
    out
}

/// A label with what the prose reader leaves of a parenthesis ("一般公共服务支出（类" →
/// "一般公共服务支出", "类"), and the level it names.
fn category_of(label: &str) -> Option<String> {
    let l = label.trim_end_matches(&['）', ')'][..]);
    let l = l.strip_suffix('类')?;
    let l = l.trim_end_matches(|c: char| c.is_ascii_digit());
    let l = l.strip_suffix(&['（', '('][..])?;
    let name = l
        .rsplit(&['、', '：', ':', '，', ',', '；', '“', '"'][..])
        .next()?;
    (!name.is_empty()).then(|| name.to_string())
}

/// How far back (in bytes of text) a 项's figure looks for its 类/款/项 path.
const PATH_WINDOW: usize = 1200;

/// The 类/款/项 path printed before token `at` in the paragraph: "一般公共服务支出（类）财政
/// 事务（款）行政运行（项）", the nearest one, if no other item starts between it and `at`.
fn item_path(
    doc: &Document,
    p: &Prose<'_>,
    at: usize,
    close: bool,
    most: usize,
) -> Option<[String; 3]> {
    // the paragraph's own characters (a code such as "01项" may have been read as a
    // figure), without the line breaks and spaces a PDF puts inside names
    let end_byte = *p.offs.get(at)?;
    let text = &p.para.text;
    let mut from = end_byte.saturating_sub(PATH_WINDOW);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let chars: Vec<(usize, char)> = text
        .get(from..end_byte)?
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (i + from, c))
        .into_vec();
    // the last "项）" / "项)" before the figure
    let end = (1..chars.len()).rev().find(|&i| {
        chars.get(i).is_some_and(|x| matches!(x.1, '）' | ')'))
            && chars.get(i - 1).is_some_and(|x| x.1 == '项')
    })?;
    let end_at = chars.get(end)?.0;
    let after: String = chars.get(end + 1..)?.iter().map(|x| x.1).collect();
    // amounts between the path and this one: at most `most` (the item's budget, last
    // year's execution)
    let between = (0..at)
        .rev()
        .take_while(|&k| p.offs.get(k).is_some_and(|o| *o > end_at))
        .filter(|&k| match p.toks.get(k) {
            Some(Tok::Fig(id)) => is_money(doc.figure(*id).and_then(|f| f.unit)),
            _ => false,
        })
        .count();
    // not too far: at most three sentence ends between the path and the figure
    if after.chars().filter(|c| *c == '。').count() > 3 || between > most {
        return None;
    }
    // an amount printed right after its path ("…行政运行（项）”科目 938.99 万元")
    if close && (after.chars().count() > 4 || between > 0 || after.contains(&['。', '，', ','][..]))
    {
        return None;
    }
    let chars: Vec<char> = chars.iter().map(|x| x.1).into_vec();
    let mut segs: Vec<String> = Vec::new();
    // split "A（类）B（款）C（项）" from the right
    let text: String = chars.get(..=end)?.iter().collect();
    let mut rest = text.as_str();
    for marker in ['项', '款', '类'] {
        let close = rest.trim_end_matches(&['）', ')'][..]);
        let close = close.strip_suffix(marker)?;
        // the code inside the marker ("（204类）") may have been read as a figure (#)
        let close = close.trim_end_matches(|c: char| c.is_ascii_digit() || c == '#');
        let open = close.strip_suffix(&['（', '('][..])?;
        // the name: back to the previous marker's close, or to punctuation; a parenthesis
        // inside the name ("政府办公厅（室）及相关机构事务") is part of it
        let mut depth = 0usize;
        let mut start = 0;
        for (i, c) in open.char_indices().rev() {
            let closes_marker = matches!(c, '）' | ')')
                && open.get(..i).is_some_and(|b| {
                    b.trim_end_matches(|d: char| d.is_ascii_digit() || d == '#')
                        .ends_with(&['类', '款', '项'][..])
                });
            if matches!(c, '）' | ')') && !closes_marker {
                depth += 1;
            } else if matches!(c, '（' | '(') && depth > 0 {
                depth -= 1;
            } else if depth == 0
                && (closes_marker
                    || matches!(
                        c,
                        '。' | '、' | '：' | ':' | '，' | ',' | '；' | '“' | '"' | '#'
                    )
                    || c.is_ascii_digit())
            {
                start = i + c.len_utf8();
                break;
            }
        }
        let name = open.get(start..)?.to_string();
        if name.is_empty() {
            return None;
        }
        segs.push(name);
        rest = open.get(..start)?;
        if marker != '类' && !rest.ends_with(&['）', ')'][..]) {
            return None;
        }
    }
    let [x, k, c] = <[String; 3]>::try_from(segs).ok()?;
    Some([c, k, x])
}

/// The path of a budget's item line written with dashes in quotes right before its amount:
/// "“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元".
fn dash_path(p: &Prose<'_>, at: usize) -> Option<[String; 3]> {
    let end_byte = *p.offs.get(at)?;
    let text = &p.para.text;
    let mut from = end_byte.saturating_sub(PATH_WINDOW);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let chars: Vec<char> = text
        .get(from..end_byte)?
        .chars()
        .filter(|c| !c.is_whitespace())
        .into_vec();
    // the closing quote, at most "科目" away from the amount
    let close = (chars.len().saturating_sub(4)..chars.len())
        .rev()
        .find(|&i| chars.get(i).is_some_and(|c| matches!(c, '”' | '"')))?;
    let tail: String = chars.get(close + 1..)?.iter().collect();
    if !(tail.is_empty() || tail == "科目") {
        return None;
    }
    let open = (0..close)
        .rev()
        .find(|&i| chars.get(i).is_some_and(|c| matches!(c, '“' | '"')))?;
    let inner: String = chars.get(open + 1..close)?.iter().collect();
    let parts: Vec<String> = inner
        .split(&['-', '－', '—'][..])
        .map(str::to_string)
        .into_vec();
    let [c, k, x] = <[String; 3]>::try_from(parts).ok()?;
    (!c.is_empty() && !k.is_empty() && !x.is_empty()).then_some([c, k, x])
}

/// The row's amount in the column whose header contains `col`.
fn row_amount(t: &Table, r: usize, col: Option<&str>) -> Option<FigId> {
    let width = t.rows().get(r)?.cells.len();
    let k = (0..width).find(|&k| t.figure(r, k).is_some() && amount_column(t, k, col))?;
    t.figure(r, k)
}

/// Reads every amount of the text that names a standard table's figure.
pub fn read_all(claims: &Claims<'_>) -> Vec<Stated> {
    let doc = claims.doc;
    let tables = tables(claims);
    if tables.is_empty() {
        return Vec::new();
    }
    let table = |k: Standard| tables.iter().find(|(kk, _)| *kk == k).map(|(_, t)| *t);
    let year = doc_year(claims);
    let mut memo = Memo::default();
    let look = Lookup {
        general: table(General).map(Index::new),
        fiscal: table(Fiscal).map(Index::new),
    };
    let mut out = Vec::new();
    for (pi, p) in claims.prose.iter().enumerate() {
        for m in &p.mentions {
            if !is_money(m.unit) || m.percent {
                continue;
            }
            // a figure of the fund budgets' sections (政府性基金, 国有资本经营, 社保基金) or of
            // the whole area (全区) is not the department's own table figure
            let other_budget = matches!(
                m.scope.budget,
                Some(Budget::GovFund | Budget::StateCapital | Budget::SocialInsurance)
            );
            if other_budget || m.scope.level == Some(Level::Whole) {
                continue;
            }
            if m.scope.year.is_some_and(|y| Some(y) != year)
                || ["上年", "上一年", "去年"]
                    .iter()
                    .any(|w| m.lead.contains(w))
            {
                continue;
            }
            let cells = match m.kind {
                Kind::Level => level_cells(claims, m, &table, &look, &mut memo)
                    .or_else(|| item_cells(doc, p, m, &look, Stage::Amount, &mut memo))
                    .or_else(|| item_cells(doc, p, m, &look, Stage::Planned, &mut memo)),
                // "一般公共预算财政拨款支出年初预算为 B 万元，支出决算为 F 万元": the record's
                // label names the total
                Kind::Final => {
                    item_cells(doc, p, m, &look, Stage::Final, &mut memo).or_else(|| {
                        let label = claims
                            .records
                            .get(pi)?
                            .iter()
                            .find(|r| r.fin == Some(m.fig) && r.budget.is_some())?
                            .label
                            .clone();
                        subject_cells(claims, m, &label, &table, &mut memo)
                    })
                }
                Kind::Budget => item_cells(doc, p, m, &look, Stage::Budget, &mut memo),
                _ => None,
            };
            if let Some((subject, cells)) = cells.filter(|(_, c)| !c.is_empty()) {
                out.push(Stated {
                    fig: m.fig,
                    subject,
                    cells,
                    context: p.sentence_text(m.at),
                });
            }
        }
    }
    out
}

/// The indexes of the tables the text's 类 and 项 lines are looked up in.
struct Lookup<'t> {
    general: Option<Index<'t>>,
    fiscal: Option<Index<'t>>,
}

/// Cells already looked up, by subject, 类 name or 项 path: a text repeating one label
/// scans each table once.
type Memo = rustc_hash::FxHashMap<String, Vec<StatedCell>>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// "年初预算为 B".
    Budget,
    /// "支出决算为 F".
    Final,
    /// The amount printed right after the path: the disclosure's own stage.
    Amount,
    /// "预算安排 X": a budget's own amount for the item, named again.
    Planned,
}

fn level_cells<'t>(
    claims: &Claims<'_>,
    m: &Mention,
    table: &dyn Fn(Standard) -> Option<&'t Table>,
    look: &Lookup<'_>,
    memo: &mut Memo,
) -> Option<(String, Vec<StatedCell>)> {
    let label = crate::figure::unspaced(&m.label);
    let whole = claims.breakdown_of(m.fig).map(|b| b.total_label.as_str());
    // a 功能分类 类 amount in the breakdown of 一般公共预算财政拨款支出
    if let Some(name) = category_of(&label) {
        if whole != Some("一般公共预算财政拨款支出") {
            return None;
        }
        let subject = format!("{name}（类）");
        if let Some(cells) = memo.get(&subject) {
            return Some((subject, cells.clone()));
        }
        let mut cells = Vec::new();
        if let Some(ix) = &look.general {
            let t = ix.t;
            let r = ix.row_by_path(std::slice::from_ref(&name));
            if let Some(f) =
                r.and_then(|r| row_amount(t, r, Some("合计")).or_else(|| row_amount(t, r, None)))
            {
                cells.push(StatedCell {
                    fig: f,
                    more: Vec::new(),
                    table: General,
                    unit: table_unit(t),
                    place: format!("{name}（合计）"),
                });
            }
        }
        if let Some(ix) = &look.fiscal {
            let t = ix.t;
            for f in ix.labelled(&name, Some("一般公共预算")) {
                cells.push(StatedCell {
                    fig: f,
                    more: Vec::new(),
                    table: Fiscal,
                    unit: table_unit(t),
                    place: format!("{name}（一般公共预算）"),
                });
            }
        }
        memo.insert(subject.clone(), cells.clone());
        return Some((subject, cells));
    }
    subject_cells(claims, m, &label, table, memo)
}

/// The cells of the subject `label` names (a breakdown's part only under its total).
fn subject_cells<'t>(
    claims: &Claims<'_>,
    m: &Mention,
    label: &str,
    table: &dyn Fn(Standard) -> Option<&'t Table>,
    memo: &mut Memo,
) -> Option<(String, Vec<StatedCell>)> {
    let doc = claims.doc;
    let label = crate::figure::unspaced(label);
    let whole = claims.breakdown_of(m.fig).map(|b| b.total_label.as_str());
    for (i, s) in SUBJECTS.iter().enumerate() {
        if !s.names.iter().any(|n| names(&label, n, s.after_entity)) {
            continue;
        }
        if !s.part_of.is_empty()
            && !whole.is_some_and(|w| s.part_of.iter().any(|n| names(w, n, true)))
        {
            continue;
        }
        let name = s.names.first().copied().unwrap_or_default();
        let cells = memo.entry(format!("#{i}")).or_insert_with(|| {
            s.at.iter()
                .filter_map(|a| table(a.table).map(|t| cells_at(doc, t, a.table, a)))
                .flatten()
                .into_vec()
        });
        return Some((name.to_string(), cells.clone()));
    }
    None
}

fn item_cells(
    doc: &Document,
    p: &Prose<'_>,
    m: &Mention,
    look: &Lookup<'_>,
    stage: Stage,
    memo: &mut Memo,
) -> Option<(String, Vec<StatedCell>)> {
    // "支出决算为 F" (not "预算执行数"), "年初预算为 B"
    let ok = match stage {
        Stage::Final => m.lead.contains("决算") && !m.lead.contains("执行"),
        Stage::Budget => m.lead.contains("年初预算"),
        Stage::Amount => true,
        Stage::Planned => m.label.ends_with("预算安排"),
    };
    if !ok {
        return None;
    }
    let path = match stage {
        Stage::Amount => item_path(doc, p, m.at, true, 0).or_else(|| dash_path(p, m.at)),
        // "…（项）1672.67 万元。…2025年当年预算执行数为 1690.69 万元，2026年预算安排 1672.67
        // 万元": this year's amount again, two amounts after the path
        Stage::Planned => item_path(doc, p, m.at, false, 2),
        _ => item_path(doc, p, m.at, false, 1),
    }?;
    let [c, k, x] = &path;
    let subject = format!("{c}（类）{k}（款）{x}（项）");
    let key = format!(
        "{}{subject}",
        match stage {
            Stage::Final => "F",
            Stage::Budget => "B",
            Stage::Amount | Stage::Planned => "A",
        }
    );
    if let Some(cells) = memo.get(&key) {
        return Some((subject, cells.clone()));
    }
    let cells: Vec<StatedCell> = look
        .general
        .as_ref()
        .and_then(|ix| {
            let t = ix.t;
            let r = ix.row_by_path(&path)?;
            let (col, stage_name) = match stage {
                Stage::Final => (None, "决算"),
                Stage::Budget => (Some("年初预算"), "年初预算"),
                Stage::Amount | Stage::Planned => (None, "合计"),
            };
            Some(StatedCell {
                fig: row_amount(t, r, col)?,
                more: Vec::new(),
                table: General,
                unit: table_unit(t),
                place: format!("{x}（{stage_name}）"),
            })
        })
        .into_iter()
        .into_vec();
    memo.insert(key, cells.clone());
    Some((subject, cells))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::read_text;

    #[test]
    fn table_labels_lose_their_numbering_not_their_words() {
        assert_eq!(
            row_name("一、一般公共预算财政拨款收入"),
            "一般公共预算财政拨款收入"
        );
        assert_eq!(row_name("八、其他收入"), "其他收入");
        assert_eq!(row_name("1.一般公共预算"), "一般公共预算");
        assert_eq!(row_name("（二）政府性基金"), "政府性基金");
        assert_eq!(row_name("一般公共服务支出"), "一般公共服务支出");
        assert_eq!(row_name("社 会 保 障 和 就业支出"), "社会保障和就业支出");
    }

    #[test]
    fn a_category_label_names_its_category() {
        assert_eq!(
            category_of("一般公共服务支出（类").as_deref(),
            Some("一般公共服务支出")
        );
        assert_eq!(
            category_of("公共安全支出（204类").as_deref(),
            Some("公共安全支出")
        );
        assert_eq!(category_of("一般公共服务支出"), None);
    }

    #[test]
    fn the_unit_is_read_from_the_title_lines() {
        let doc = read_text("收入决算表\n单位：元\n项目\t合计\n甲\t1\n合计\t1\n");
        let t = doc.tables.first().unwrap();
        assert_eq!(table_unit(t), Some("元"));
        let doc = read_text("编制单位：某某局 单位:万元\n项目\t合计\n甲\t1\n合计\t1\n");
        assert_eq!(table_unit(doc.tables.first().unwrap()), Some("万元"));
    }

    #[test]
    fn an_item_path_is_read_with_parentheses_inside_its_names() {
        let doc = read_text(
            "1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。主要用于：基本支出。年初预算为520.00万元，支出决算为510.00万元。\n",
        );
        let claims = crate::claims::build(&doc);
        let p = claims.prose.first().unwrap();
        let m = p.mentions.last().unwrap();
        assert_eq!(
            item_path(&doc, p, m.at, false, 1),
            Some([
                "一般公共服务支出".to_string(),
                "政府办公厅（室）及相关机构事务".to_string(),
                "行政运行".to_string()
            ])
        );
    }

    #[test]
    fn an_item_path_with_codes_is_read() {
        let doc = read_text(
            "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。\n",
        );
        let claims = crate::claims::build(&doc);
        let p = claims.prose.first().unwrap();
        let m = p
            .mentions
            .iter()
            .find(|m| doc.figure(m.fig).unwrap().raw == "1672.67")
            .unwrap();
        assert_eq!(
            item_path(&doc, p, m.at, true, 0),
            Some([
                "公共安全支出".to_string(),
                "司法".to_string(),
                "行政运行".to_string()
            ])
        );
    }

    const OVERALL: &str = "收入支出决算总表\n单位：万元\n项目\t金额\t项目\t金额\n一、一般公共预算财政拨款收入\t1,000.00\t一、一般公共服务支出\t1,000.00\n本年收入合计\t1,000.00\t本年支出合计\t1,000.00\n总计\t1,000.00\t总计\t1,000.00\n";

    fn stated_of(text: &str) -> Vec<(String, String)> {
        let doc = read_text(text);
        let claims = crate::claims::build(&doc);
        read_all(&claims)
            .into_iter()
            .map(|s| (s.subject, doc.figure(s.fig).unwrap().raw.to_string()))
            .collect()
    }

    #[test]
    fn the_department_s_totals_are_bound_and_a_fund_section_s_are_not() {
        let text = format!(
            "一、收入决算情况说明\n\n本年收入合计1000万元。\n\n八、政府性基金预算财政拨款收入支出决算情况说明\n\n政府性基金预算财政拨款本年收入合计5万元。\n\n{OVERALL}"
        );
        assert_eq!(
            stated_of(&text),
            [("本年收入".to_string(), "1000".to_string())]
        );
        // last year's figure is not this year's table
        let text =
            format!("2019年度收入支出总计1000万元，2018年度收入支出总计900万元。\n\n{OVERALL}");
        assert_eq!(
            stated_of(&text),
            [("收入支出总计".to_string(), "1000".to_string())]
        );
    }

    #[test]
    fn amounts_convert_exactly_between_units() {
        let e = convert(Expr::Const(Decimal::from(5)), Some("元"), Some("万元"));
        assert!(matches!(e, Expr::Div(..)), "{e:?}");
        let e = convert(Expr::Const(Decimal::from(5)), Some("万元"), Some("元"));
        assert!(matches!(e, Expr::Mul(..)), "{e:?}");
        let e = convert(Expr::Const(Decimal::from(5)), None, Some("元"));
        assert_eq!(e, Expr::Const(Decimal::from(5)));
    }
}
