//! `total-row`: a 合计/小计/总计 row equals the sum of the rows it covers.

use super::{Check, Out};
use crate::claims::outline::{depths, depths_in, numbering_level, region_totals, sangong_rows};
use crate::claims::table::{
    clean_label, is_code_column, is_rate_header, is_rate_label, of_which, operand, row_code_len,
    term, total_level, RowFacts,
};
use crate::claims::Claims;
use crate::document::{Document, Table};
use crate::figure::CellKind;
use crate::relation::Rule;
use crate::relation::{Cmp, Expr, Relation, Term, Text, Words, WordsKind};
use crate::IntoVec;
use std::cell::Cell;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::TotalRow,
    title_zh: "合计行等于各行之和",
    title_en: "Total rows equal the sum of their rows",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In every table, a row labelled 合计, 小计, 总计 or 共计 equals, column by column, the \
               sum of the rows it covers: the rows below it when it is the first row of figures, \
               otherwise the rows above it up to the previous total. A 总计 takes a 合计 above it \
               as one part. Rows labelled 其中 are parts of a line, not of the total, and are left \
               out; where rows carry classification codes only the top level (类) is summed, the \
               levels below being checked by `code-rollup`. Rows numbered under an item ((1), (2) \
               under 3、) are parts of that item, not of the total, and an item numbered like the \
               total (二、 after 一、支出合计) ends what it covers, and the rows numbered under \
               that item are its own, not the total's (二、歲出合計 after 一、歲入合計 and its \
               1.… 2.…); a total numbered as an item \
               (二、收入合计 after 一、期初余额) whose next numbered row is under it heads the items \
               below it. A row with a percentage in a column of amounts had its cells moved left: \
               a total covering it is not checked. Where no 合计 label says it, \
               the table's outline does: a “三公” table's total (总“三公”经费支出, “三公”经费) is \
               因公出国（境）费 + 公务接待费 + 公务用车购置及运行费, and that item is 购置费 + \
               运行费; in a region table, a level (区级) is its districts, 县区级 is 区级 + 县级, \
               and the first row, followed by 市本级, is 市本级 plus the levels. Columns and rows \
               of rates, shares, changes and scores are not sums and are left to other checks.",
        why: "Totals that drop or double a row are among the most common errors in published \
              tables, and a reader cannot redo a 17-row sum by eye.",
        tolerance: "Each printed figure stands for ±½ of its last digit; the total holds when \
                    some choice of unrounded rows gives the printed total. A blank or dash cell \
                    adds nothing, and so does a bare 0 among amounts with decimals; a cell of \
                    words makes the column undecidable.",
        example: "合计 12,011 over rows 1,000 + 800 + … = 12011.09 holds (integer rounding); \
                  合计 60.75 over 10.5 + 20.25 + 30 = 60.75 holds, printed 30.75 fails with the \
                  cause \"the total leaves out 30\".",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "在每张表中，标为合计、小计、总计或共计的行，逐列等于它所涵盖各行之和：如果它是第一\
               行数字，涵盖其下方各行；否则涵盖其上方直到上一个合计行为止的各行。总计把其上方的\
               合计当作一个分项。标为“其中”的行是某一行的分项，不是合计的分项，不计入；各行带有\
               分类编码时，只加总最高一级（类），下面各级由 code-rollup 核对。某一项下编号的行（如\
               “3、”下的 (1)、(2)）是该项的分项，不是合计的分项；与合计同级编号的项（如“一、支出\
               合计”之后的“二、”）结束合计所涵盖的范围，该项下编号的各行属于该项自身，不属于合计\
               （如“一、歲入合計”及其 1.… 2.… 之后的“二、歲出合計”）；本身按项编号的合计（如“一、\
               期初余额”之后的“二、收入合计”），如果紧随其后的编号行是它的下级编号，则它统领其下\
               方各项。金额列中出现百分数的行，其单元格是被左移了：涵盖该行的合计未核对。没有合\
               计字样时，由表的结构来说明：“三公”表的合计（总“三公”经费支出、“三公”经费）等于因\
               公出国（境）费 + 公务接待费 + 公务用车购置及运行费，而公务用车购置及运行费等于购\
               置费 + 运行费；在地区表中，某一级（区级）等于其下各区之和，县区级等于区级 + 县级，\
               第一行（其后紧接市本级）等于市本级加上各级。比率、占比、增减和得分的列与行不是求\
               和关系，交由其他核对处理。",
        why: "漏掉某一行或重复计算某一行的合计，是公开表格中最常见的错误之一，而读者无法凭肉眼重\
              算一个 17 行的求和。",
        tolerance: "每个印出的数字代表其末位 ±½ 的区间；只要在各行区间内能取到一组未舍入的值，使\
                    其和得出印出的合计，合计即成立。空白或短横线的单元格不计入任何数，在带小数的\
                    金额中单独一个 0 也是如此；含文字的单元格使该列无法判定。",
        example: "合计 12,011，各行 1,000 + 800 + … = 12011.09，成立（按整数舍入）；合计 60.75，\
                  各行 10.5 + 20.25 + 30 = 60.75，成立；若印出 30.75，则不成立，并给出原因“合计\
                  漏掉了 30”。",
    },
    find,
};

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for (ti, t) in doc.tables.iter().enumerate() {
        // "院均总收入情况": a table of averages, whose 合计 row is the mean over all its
        // hospitals (weighted by their numbers), not the sum of its rows
        if names_mean(&t.caption) {
            continue;
        }
        // (the same of a column: "平均工资")
        let mean_cols: Vec<bool> = (0..t.width()).map(|c| names_mean(&t.header(c))).into_vec();
        // what each row's label says (totals, rates, codes), read once in the claims stage
        let facts = claims.rows_of(ti);
        let fact = |r: usize| facts.get(r).copied().unwrap_or_default();
        // totals the table's outline gives, where no label or a label alone would mislead
        let mut given: Vec<(usize, Vec<usize>, Text)> = Vec::new();
        if let Some(sg) = sangong_rows(t, facts) {
            let items = match sg.car {
                Some(car) => vec![sg.abroad, sg.reception, Some(car)],
                None => vec![sg.abroad, sg.reception, sg.purchase, sg.running],
            };
            if let Some(total) = sg.total {
                if items.iter().all(Option::is_some) {
                    given.push((
                        total,
                        items.into_iter().flatten().into_vec(),
                        Text::new(
                            "“三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费",
                            "“three public” total = travel abroad + reception + official cars",
                        ),
                    ));
                }
            }
            if let (Some(car), Some(p), Some(r)) = (sg.car, sg.purchase, sg.running) {
                given.push((
                    car,
                    vec![p, r],
                    Text::new(
                        "公务用车购置及运行费 = 购置费 + 运行费",
                        "official cars = purchase + running costs",
                    ),
                ));
            }
        }
        for (total, rows) in region_totals(t, facts) {
            let label = clean_label(t.row_label(total));
            given.push((
                total,
                rows,
                Text::new(
                    format!("{label} = 其所辖各级之和"),
                    format!("{label} = sum of its parts"),
                ),
            ));
        }
        for (total, rows, what) in &given {
            outline_relations(doc, t, *total, rows, what, out, Cmp::Eq);
        }
        // an item with rows numbered under it ((1), (2) under 3、): they are a part of it,
        // so together they cannot exceed it (a parent printed 0 over sub-rows that add to
        // more fails); complete only where the outline says so (above)
        let depth = depths(facts);
        for r in t.header_rows..t.rows().len() {
            let Some(Some(d)) = depth.get(r).copied() else {
                continue;
            };
            if given.iter().any(|g| g.0 == r) || fact(r).total.is_some() || fact(r).rate {
                continue;
            }
            let mut children = Vec::new();
            for k in r + 1..t.rows().len() {
                match depth.get(k).copied().flatten() {
                    Some(dk) if dk == d + 1 => children.push(k),
                    Some(dk) if dk > d + 1 => {}
                    // "其中:教育费附加小计" under "1、专项收入": a part of the item above
                    None if !children.is_empty() && of_which(t.row_label(k)) => {}
                    _ => break,
                }
            }
            if children.is_empty() || children.iter().any(|&k| fact(k).rate) {
                continue;
            }
            let label = clean_label(t.row_label(r));
            let what = Text::new(
                format!("{label} ≥ 其下所列各项之和"),
                format!("{label} ≥ the sum of the items listed under it"),
            );
            outline_relations(doc, t, r, &children, &what, out, Cmp::AtLeast);
        }
        // the columns of line numbers (行次): a row whose cell there is no line number had
        // its cells shifted when its blank cells were dropped (a web page's table copied
        // out: "26 | 364.65 | 53 |" under 项目 | 行次 | 金额)
        let line_cols: Vec<usize> = (0..t.width())
            .filter(|&c| {
                let h = t.header(c);
                h.contains("行次") || h.contains("栏次") || h.contains("欄次")
            })
            .into_vec();
        let shifted = |k: usize| {
            line_cols.iter().any(|&c| {
                t.cell(k, c).is_some_and(|x| {
                    let s = crate::claims::table::trimmed(x.text);
                    !s.is_empty() && !s.bytes().all(|b| b.is_ascii_digit())
                })
            })
        };
        let mut first = FirstFigures::default();
        // the numbering of a later label column (a two-sided table's second side), by column
        let mut side_depths: Vec<(usize, Vec<Option<usize>>)> = Vec::new();
        // each label column's reads ([`Column::read`]), by column
        let mut seen_by_col: Vec<(usize, Vec<Cell<u8>>)> = Vec::new();
        let width = t.width();
        for r in t.header_rows..t.rows().len() {
            if given.iter().any(|g| g.0 == r) || fact(r).rate {
                continue;
            }
            let Some(row) = t.rows().get(r) else { continue };
            // (the label's column was found in the claims stage)
            let first_label = match fact(r).label_col {
                RowFacts::NO_LABEL => row.cells.position_of(CellKind::Text, 0),
                c => Some(usize::from(c)),
            };
            let mut next = first_label;
            while let Some(lc) = next {
                next = row.cells.position_of(CellKind::Text, lc + 1);
                // the row's label's total was read in the claims stage
                let level = if Some(lc) == first_label {
                    fact(r).total
                } else {
                    row.cells.get(lc).and_then(|c| total_level(c.text))
                };
                let Some(level) = level else {
                    continue;
                };
                // the total's own columns: up to the next label in the row (two-sided tables)
                let end = next.unwrap_or(width);
                let d: &[Option<usize>] = if first_label == Some(lc) {
                    &depth
                } else {
                    let k = match side_depths.iter().position(|(c, _)| *c == lc) {
                        Some(k) => k,
                        None => {
                            side_depths.push((lc, depths_in(t, lc)));
                            side_depths.len() - 1
                        }
                    };
                    side_depths.get(k).map_or(&depth, |(_, d)| d)
                };
                // what was read of this column's labels, kept across its totals
                let k = match seen_by_col.iter().position(|(c, _)| *c == lc) {
                    Some(k) => k,
                    None => {
                        seen_by_col.push((lc, vec![Cell::new(0); t.rows().len()]));
                        seen_by_col.len() - 1
                    }
                };
                let seen = seen_by_col.get(k).map_or(&[][..], |(_, v)| v.as_slice());
                let covered = covered_rows(t, r, lc, level, &mut first, d, (facts, seen));
                if covered.is_empty() {
                    continue;
                }
                if !line_cols.is_empty() && (shifted(r) || covered.iter().any(|&k| shifted(k))) {
                    continue;
                }
                let nested = without_unnumbered_details(&covered, d, r)
                    .or_else(|| without_transfer_details(t, &covered, lc, d))
                    .map(|rows| (rows, Other::Details))
                    .or_else(|| {
                        without_repeated_rows(t, &covered, lc, d)
                            .map(|rows| (rows, Other::Repeated))
                    })
                    .or_else(|| {
                        with_opening_of_which(t, &covered, r, lc).map(|rows| (rows, Other::OfWhich))
                    });
                // "三、支出合计 … (一)支出小计 … 1.待遇支出" and the text ends: the items of a
                // numbered total may go on past what was pasted, so only a sum that holds
                // is said
                let cut = heads_below(t, r, d)
                    && covered.last().is_some_and(|&k| {
                        // (the rows after the last item are its own)
                        let own = d.get(r).copied().flatten();
                        (k + 1..t.rows().len())
                            .all(|j| d.get(j).copied().flatten().is_none_or(|x| Some(x) > own))
                    })
                    && ends_text(doc, t)
                    // (a drawn table left open at the end: a total above its rows)
                    || t.cut && covered.first().is_some_and(|&k| k > r);
                // (read once for the row's columns)
                let moved = covered.iter().any(|&k| cells_moved(doc, t, k));
                for c in lc + 1..end {
                    if mean_cols.get(c).copied().unwrap_or(false) {
                        continue;
                    }
                    let rows = (
                        covered.as_slice(),
                        nested.as_ref().map(|(n, again)| (n.as_slice(), *again)),
                    );
                    relation(doc, (ti, t), (r, lc), c, rows, (cut, moved), out);
                }
            }
        }
    }
}

/// Whether a table's title or a column's header says its figures are averages (平均,
/// 院均, 人均, …): a total of averages is no sum. (Not 均 alone: 均衡性转移支付 is a sum.)
fn names_mean(s: &str) -> bool {
    [
        "平均", "院均", "人均", "户均", "生均", "床均", "均值", "均价",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// The words of a total row's relation in column `c`, its label in column `lc`.
pub(super) fn words(t: &Table, r: usize, c: usize, lc: usize) -> Text {
    let label = clean_label(t.cell(r, lc).map_or("", |c| c.text));
    let header = t.header(c);
    Text::new(
        format!("{label} = 所列各行之和（{header}）"),
        format!("{label} = sum of the rows it covers ({header})"),
    )
}

/// The other reading of a total's rows when unnumbered rows stand between numbered items
/// ("一、税收收入 401 / 增值税 266 / … / 二、非税收入 / … / 本年收入合计 401"): they may be
/// the details of the item above them, not parts of the total. The covered rows without
/// them, when some unnumbered row sits between two numbered items of the outermost level
/// among the covered rows (the next one may be a row without figures, not covered) and
/// before the total `r`.
fn without_unnumbered_details(
    covered: &[usize],
    depth: &[Option<usize>],
    r: usize,
) -> Option<Vec<usize>> {
    let d = |k: usize| depth.get(k).copied().flatten();
    let outer = covered.iter().filter_map(|&k| d(k)).min()?;
    let first = covered.iter().copied().find(|&k| d(k) == Some(outer))?;
    // the last numbered item of that level before the total, covered or not
    let last = (first + 1..r).rev().find(|&k| d(k) == Some(outer))?;
    let details = |k: usize| k > first && k < last && d(k).is_none();
    covered
        .iter()
        .any(|&k| details(k))
        .then(|| covered.iter().copied().filter(|&k| !details(k)).into_vec())
}

/// Which other reading of a total's rows ([`relation`]).
#[derive(Clone, Copy)]
enum Other {
    /// Without the details of items ([`without_unnumbered_details`],
    /// [`without_transfer_details`]).
    Details,
    /// Without a row repeating the one above ([`without_repeated_rows`]).
    Repeated,
    /// With a 其中 row opening the parts ([`with_opening_of_which`]).
    OfWhich,
}

/// The other reading of a total heading its rows whose first row is a 其中 row ("收入合计
/// 1000.5 / 其中：税收收入 600.2 / 非税收入 400.3"): the 其中 may open the list of the total's
/// parts, the rows after it the rest of them, rather than name a part of the row above.
/// The covered rows with it, when they start right below it.
fn with_opening_of_which(t: &Table, covered: &[usize], r: usize, lc: usize) -> Option<Vec<usize>> {
    let k = r + 1;
    (covered.first() == Some(&(k + 1)) && of_which(label_at(t, k, lc)) && has_figures(t, k, lc))
        .then(|| std::iter::once(k).chain(covered.iter().copied()).into_vec())
}

/// The other reading of a total's rows below a 转移性收入 or 转移性支出 row (a budget
/// execution table: "转移性收入 2442 / 返还性收入 / 上级一般性转移支付收入 1444 / 上级专项转移支付
/// 收入 998 / 收入总计 2843"): the rows after it may be its details. The covered rows
/// without them, up to the next numbered row.
fn without_transfer_details(
    t: &Table,
    covered: &[usize],
    lc: usize,
    depth: &[Option<usize>],
) -> Option<Vec<usize>> {
    let group = covered.iter().position(|&k| {
        matches!(
            clean_label(label_at(t, k, lc)).as_str(),
            "转移性收入" | "转移性支出"
        )
    })?;
    let after = covered.get(group + 1..)?;
    let details = after
        .iter()
        .take_while(|&&k| depth.get(k).copied().flatten().is_none())
        .count();
    (details > 0).then(|| {
        covered
            .iter()
            .enumerate()
            .filter(|&(i, _)| i <= group || i > group + details)
            .map(|(_, &k)| k)
            .into_vec()
    })
}

/// The other reading of a total's rows when one of them repeats every figure of the row
/// right above it ("上级补助收入 37811 46850 / 税收返回及转移支付补助 37811 46850"): it may be
/// that row's only detail, not a part of its own: one such row, repeating two figures or more.
/// Not where the two are numbered or carry a classification code (205 教育支出 50 / 208
/// 社会保障和就业支出 50 are siblings). The covered rows without it.
fn without_repeated_rows(
    t: &Table,
    covered: &[usize],
    lc: usize,
    depth: &[Option<usize>],
) -> Option<Vec<usize>> {
    let plain = |k: usize| {
        depth.get(k).copied().flatten().is_none()
            && (0..=lc).all(|c| {
                t.cell(k, c).is_none_or(|x| {
                    !x.text
                        .trim_start()
                        .starts_with(|ch: char| ch.is_ascii_digit())
                })
            })
    };
    let figures = |k: usize| {
        (lc + 1..t.width()).filter_map(move |c| {
            t.figure(k, c)
                .map(|_| (c, t.cell(k, c).map_or("", |x| x.text)))
        })
    };
    let mut is_covered = vec![false; t.rows().len()];
    for &k in covered {
        if let Some(c) = is_covered.get_mut(k) {
            *c = true;
        }
    }
    let repeats = |k: usize| {
        k > 0
            && is_covered.get(k - 1).copied().unwrap_or(false)
            && plain(k)
            && plain(k - 1)
            && figures(k).count() >= 2
            && figures(k).any(|(_, raw)| raw.bytes().any(|b| (b'1'..=b'9').contains(&b)))
            && figures(k).all(|(c, raw)| {
                t.figure(k - 1, c).is_some() && t.cell(k - 1, c).is_some_and(|x| x.text == raw)
            })
    };
    // one such row: rows of equal figures in a list (a count of 1 on every line) are items
    let mut again = covered.iter().copied().filter(|&k| repeats(k));
    let one = again.next()?;
    again
        .next()
        .is_none()
        .then(|| covered.iter().copied().filter(|&k| k != one).into_vec())
}

fn relation(
    doc: &Document,
    (ti, t): (usize, &Table),
    (r, lc): (usize, usize),
    c: usize,
    (covered, nested): (&[usize], Option<(&[usize], Other)>),
    (cut, moved): (bool, bool),
    out: &mut Out,
) {
    let Some(target) = t.figure(r, c) else { return };
    let Some(number) = doc.number(target) else {
        return;
    };
    if is_code_column(t, c) || number.percent {
        return;
    }
    // the total left unchecked, and why
    let unchecked = |out: &mut Out, zh: &'static str, en: &'static str| {
        let what = words(t, r, c, lc);
        out.push(Relation::unchecked(
            Rule::TotalRow,
            target,
            what,
            Text::new(zh, en),
        ));
    };
    if no_sum(&t.header(c)) {
        unchecked(
            out,
            "比率、得分列的合计不是各行之和，未说明计算口径",
            "a total of rates or scores is not a sum and its method is not stated",
        );
        return;
    }
    if moved {
        unchecked(
            out,
            "所列行在该列是百分比，行内各格可能错位",
            "a covered row holds a percentage in this column: its cells may be shifted",
        );
        return;
    }
    let mut terms = Vec::with_capacity(covered.len());
    for &k in covered {
        match term(t, k, c) {
            Some(e) => terms.push(e),
            None => {
                unchecked(
                    out,
                    "所列行中有非数字内容",
                    "a covered row holds words, not a figure",
                );
                return;
            }
        }
    }
    if terms.iter().all(|e| *e == Term::Blank) {
        return;
    }
    if cut {
        out.push_sum_if_holds(Rule::TotalRow, target, &terms, words(t, r, c, lc));
        return;
    }
    if let Some((rows, other)) = nested {
        let details: Option<Vec<Expr>> = rows
            .iter()
            .map(|&k| term(t, k, c).map(Expr::from))
            .collect();
        if let Some(details) = details {
            out.push(
                Relation::equals(
                    Rule::TotalRow,
                    target,
                    Expr::Sum(terms.iter().map(|&e| e.into()).into_vec()),
                    words(t, r, c, lc),
                )
                .reading(
                    Expr::Sum(details),
                    match other {
                        Other::Repeated => Text::new(
                            "与上一行数字完全相同的行是上一行的明细，不另计入",
                            "a row repeating the figures of the row above it is that row's \
                             detail, not counted again",
                        ),
                        Other::Details => Text::new(
                            "未编号的行是其上项目（一、二、… 或转移性收入、支出）的明细，不另计入",
                            "the unnumbered rows are details of the item above them (一、二、…, \
                             or 转移性收入/支出), not counted again",
                        ),
                        Other::OfWhich => Text::new(
                            "紧接合计的「其中」行开列各组成部分，与其后各行一并计入",
                            "the 其中 row right below the total opens the list of its parts and \
                             is counted with the rows after it",
                        ),
                    },
                ),
            );
            return;
        }
    }
    // the words are built only if the relation is kept (see `Words`)
    out.push_sum(
        Rule::TotalRow,
        target,
        &terms,
        Words::at(WordsKind::TotalRow, ti, r, c, lc),
        || words(t, r, c, lc),
    );
}

/// "4.其他收入 | 122,418.14 | 189,965.82 | 1,094,445.48 | -82.64% | | | |" under 预算数 … 累计执行数 …
/// 增长(%): a percentage in a column of amounts, so the row's blank cells were dropped and
/// its figures moved left; which of them is any column's cannot be told.
fn cells_moved(doc: &Document, t: &Table, k: usize) -> bool {
    (0..t.width()).any(|c| {
        t.figure(k, c)
            .is_some_and(|f| doc.number(f).is_some_and(|n| n.percent))
            && !is_rate_header(&t.header(c))
    })
}

/// Whether nothing of the text follows the table: no paragraph, no other table — or only
/// the start of a row the text breaks off in ("…| 2.劳动能力鉴定支出 | 0.00 |…" then "3.工伤
/// 预防", 无锡's 2021 fund table as stored; hunt 20): one short line without a full stop
/// or a figure (but its item's number).
fn ends_text(doc: &Document, t: &Table) -> bool {
    let Some(last) = t.rows().last().map(|r| r.line) else {
        return false;
    };
    let row_name = |p: &crate::document::Paragraph| {
        p.figures.iter().all(|&(start, _, _)| start == 0)
            && p.text.chars().count() <= 20
            && !p.text.contains(&['。', '：', ':'][..])
    };
    let mut after = doc.paragraphs.iter().filter(|p| p.line > last);
    let broken_off = match (after.next(), after.next()) {
        (None, _) => true,
        (Some(p), None) => row_name(p),
        (Some(_), Some(_)) => false,
    };
    broken_off
        && doc
            .tables
            .iter()
            .all(|x| x.rows().last().is_none_or(|r| r.line <= last))
}

/// A total the table's outline gives, column by column.
fn outline_relations(
    doc: &Document,
    t: &Table,
    total: usize,
    rows: &[usize],
    what: &Text,
    out: &mut Out,
    cmp: Cmp,
) {
    let Some(row) = t.rows().get(total) else {
        return;
    };
    let Some(lc) = row.cells.iter().position(|c| c.kind == CellKind::Text) else {
        return;
    };
    // an item's parts are on its own side of a two-sided table: up to the next label
    let end = match cmp {
        Cmp::AtLeast => row
            .cells
            .iter()
            .enumerate()
            .skip(lc + 1)
            .find(|(_, c)| c.kind == CellKind::Text)
            .map_or(row.cells.len(), |(i, _)| i),
        _ => row.cells.len(),
    };
    for c in lc + 1..end {
        let Some(target) = t.figure(total, c) else {
            continue;
        };
        let header = t.column_header(c);
        if is_code_column(t, c) || no_sum(&header) || doc.number(target).is_none_or(|n| n.percent) {
            continue;
        }
        let Some(terms) = rows
            .iter()
            .map(|&k| operand(t, k, c))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        if terms.iter().all(|e| *e == Expr::Blank) {
            continue;
        }
        let what = if header.is_empty() {
            what.clone()
        } else {
            Text::new(
                format!("{}（{header}）", what.zh),
                format!("{} ({header})", what.en),
            )
        };
        out.push(Relation::equals(Rule::TotalRow, target, Expr::Sum(terms), what).cmp(cmp));
    }
}

/// Whether a row holds any figure from `lc` on.
fn has_figures(t: &Table, k: usize, lc: usize) -> bool {
    // a figure too large to read counts too: the total over it is then not checked
    t.cells_of(k)
        .position_of(CellKind::Figure, lc + 1)
        .is_some()
}

fn label_at(t: &Table, k: usize, lc: usize) -> &str {
    t.cell(k, lc).map_or("", |c| c.text)
}

/// Per label column, the first row below the header holding a figure right of it: found
/// once per table, so a table of thousands of totals stays linear.
#[derive(Default)]
struct FirstFigures(Vec<(usize, usize)>);

impl FirstFigures {
    fn row(&mut self, t: &Table, lc: usize) -> usize {
        if let Some(&(_, k)) = self.0.iter().find(|(c, _)| *c == lc) {
            return k;
        }
        let k = (t.header_rows..t.rows().len())
            .find(|&k| has_figures(t, k, lc))
            .unwrap_or(t.rows().len());
        self.0.push((lc, k));
        k
    }
}

/// The labels of one column of a table: where the column is a row's label's, what the
/// claims stage read of it ([`RowFacts`]), otherwise read here, once a row ([`Column::read`]).
#[derive(Clone, Copy)]
struct Column<'a> {
    t: &'a Table,
    facts: &'a [RowFacts],
    lc: usize,
    /// What was read of each row's label in this column, [`Read`] packed in a byte (0: not
    /// yet); empty where nothing is kept.
    seen: &'a [Cell<u8>],
}

/// What [`Column::read`] reads of a label: its total level, its numbering level (both 1 to
/// 3) and whether it may be a part of a total (no 其中, no rate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Read {
    total: Option<u8>,
    numbering: Option<u8>,
    part: bool,
}

impl Read {
    /// The read packed in a byte, never 0: a known bit, two bits a level, a bit for `part`.
    fn pack(self) -> u8 {
        0x80 | self.total.map_or(0, |l| l.min(3))
            | self.numbering.map_or(0, |l| l.min(3)) << 2
            | u8::from(self.part) << 4
    }

    fn unpack(b: u8) -> Read {
        let level = |x: u8| (x != 0).then_some(x);
        Read {
            total: level(b & 3),
            numbering: level(b >> 2 & 3),
            part: b & 0x10 != 0,
        }
    }
}

impl<'a> Column<'a> {
    fn fact(&self, k: usize) -> Option<&'a RowFacts> {
        self.facts.get(k).filter(|f| f.label_in(self.lc))
    }

    fn label(&self, k: usize) -> &'a str {
        label_at(self.t, k, self.lc)
    }

    /// Whether row `k`'s cell in this column is a classification code: three or more ASCII
    /// digits and nothing else, which names no total, no item number, no 其中 and no rate.
    /// A table whose 合计 sits in its code column has a code in this column on every other
    /// row, told apart here without the label functions.
    fn code(&self, k: usize) -> bool {
        let b = self.label(k).as_bytes();
        b.len() >= 3 && b.iter().all(u8::is_ascii_digit)
    }

    /// Row `k`'s label in this column read by the label functions (a code without them),
    /// kept in `seen` for the next question about the row.
    fn read(&self, k: usize) -> Read {
        let slot = self.seen.get(k);
        if let Some(b) = slot.map(Cell::get).filter(|&b| b != 0) {
            return Read::unpack(b);
        }
        let read = if self.code(k) {
            Read {
                total: None,
                numbering: None,
                part: true,
            }
        } else {
            let label = self.label(k);
            Read {
                total: total_level(label),
                numbering: numbering_level(label),
                part: !of_which(label) && !is_rate_label(label),
            }
        };
        if let Some(slot) = slot {
            slot.set(read.pack());
        }
        read
    }

    /// [`total_level`] of row `k`'s label in this column.
    fn total(&self, k: usize) -> Option<u8> {
        match self.fact(k) {
            Some(f) => f.total,
            None => self.read(k).total,
        }
    }

    /// [`numbering_level`] of row `k`'s label in this column.
    fn numbering(&self, k: usize) -> Option<u8> {
        match self.fact(k) {
            Some(f) => f.numbering,
            None => self.read(k).numbering,
        }
    }

    /// Whether row `k` is a part of a total: it has figures, and its label is no 其中 and
    /// no rate.
    fn take(&self, k: usize) -> bool {
        has_figures(self.t, k, self.lc) && self.item(k)
    }

    /// Whether row `k`'s label is an item's: no 其中, no rate.
    fn item(&self, k: usize) -> bool {
        match self.fact(k) {
            Some(f) => !f.of_which && !f.rate,
            None => self.read(k).part,
        }
    }
}

/// The rows a total covers.
fn covered_rows(
    t: &Table,
    r: usize,
    lc: usize,
    level: u8,
    first: &mut FirstFigures,
    depth: &[Option<usize>],
    (facts, seen): (&[RowFacts], &[Cell<u8>]),
) -> Vec<usize> {
    let col = Column { t, facts, lc, seen };
    let own = depth.get(r).copied().flatten();
    let depth_of = |k: usize| depth.get(k).copied().flatten();
    let heads_below = heads_below(t, r, depth);
    let first_row = first.row(t, lc);
    // "经常性收入合计 / 各项税收 / … / 经常性支出合计 / 非生产性基本建设支出 / …" (a 1998
    // yearbook's balance table): the nearest total above of this level heads the rows
    // between, so this one heads the items below it too (a total right below closes
    // the rows above)
    let sibling_heads = || {
        (t.header_rows..r)
            .rev()
            .find_map(|k| col.total(k).map(|l| (k, l)))
            .is_some_and(|(k, l)| l == level && k <= first_row)
            && (r + 1..t.rows().len())
                .find(|&j| has_figures(t, j, lc))
                .is_some_and(|j| col.total(j).is_none())
    };
    let as_sibling = !heads_below && first_row < r && sibling_heads();
    let first_data = heads_below || first_row >= r || as_sibling;
    let mut rows = Vec::new();
    if first_data {
        // the level of a subtotal taken as one item, until its own rows end
        let mut within: Option<usize> = None;
        // items without figures since the last with some, and whether the table ends there
        let mut blank = Vec::new();
        let mut to_end = true;
        for k in r + 1..t.rows().len() {
            let d = depth_of(k);
            // an item numbered like the total (一、支出合计 … 二、相关统计数) ends it
            if let (Some(o), Some(d)) = (own, d) {
                if d <= o {
                    to_end = false;
                    break;
                }
            }
            if let Some(w) = within {
                if d.is_none_or(|d| d > w) {
                    continue;
                }
                within = None;
            }
            if col.total(k).is_some() {
                // (一)收入小计 under 二、收入合计: one of its items, standing for its rows
                match d {
                    Some(d) if heads_below => {
                        rows.push(k);
                        within = Some(d);
                        blank.clear();
                        continue;
                    }
                    _ => {
                        // "经常性支出合计 6014.96 / 生产性基本建设支出 618.6 / … / 建设性支出合计
                        // 1922.59 / 支出总计 7937.55" (a 1998 yearbook's balance table, cut
                        // short): a total of this level closing the rows, only a higher total
                        // or the table's end after it, adds them up itself; which rows this one
                        // heads cannot be told
                        // (headed as its sibling is, its rows run into those of the
                        // next total, which may close them: where they end cannot be told)
                        if as_sibling || closes_above(col, k, level) {
                            return Vec::new();
                        }
                        to_end = false;
                        break;
                    }
                }
            }
            if col.take(k) {
                rows.push(k);
                blank.clear();
            } else if col.item(k) && !has_figures(t, k, lc) {
                blank.push(k);
            }
        }
        // items at the table's end with no figure printed: parts whose amounts are not
        // there ("合计 3.1 / 因公出国(境)费 0 / 公务接待费 / 公务用车购置及运行费", a county
        // office's "三公" table copied out of its page), blank cells of the sum
        if to_end && !rows.is_empty() {
            rows.append(&mut blank);
        }
    } else {
        // the subtotals taken, by the side they name (收入, 支出)
        let mut sides = (false, false);
        let mut k = r;
        while k > t.header_rows {
            k -= 1;
            // an item numbered like the total (一、歲入合計 above 二、歲出合計) ends what it
            // covers, and the rows numbered under that item are its, not the total's
            if let (Some(o), Some(d)) = (own, depth_of(k)) {
                if d <= o {
                    rows.retain(|&x| depth_of(x).is_none_or(|dx| dx <= o));
                    break;
                }
            }
            match col.total(k) {
                Some(l) if l >= level => break,
                Some(l) => {
                    // a subtotal stands for its rows
                    let named = col.label(k);
                    sides.0 |= named.contains("收入") && !named.contains("支出");
                    sides.1 |= named.contains("支出") && !named.contains("收入");
                    rows.push(k);
                    let inner = covered_rows(t, k, lc, l, first, depth, (facts, seen));
                    // skip what it covers above it (a subtotal that covers rows below
                    // it stands alone)
                    if let Some(&lowest) = inner.iter().min() {
                        k = k.min(lowest);
                    }
                }
                None => {
                    if col.take(k) {
                        rows.push(k);
                    } else if !rows.is_empty()
                        && !sides.0
                        && !sides.1
                        && heads_rows_of(col.label(r), col.label(k))
                        && t.cells_of(k).position_of(CellKind::Figure, 0).is_none()
                    {
                        // "支出 | | / 行政支出 | 40 / … / 支出合计 | 70": a heading row
                        // naming the total opens its rows
                        break;
                    }
                }
            }
        }
        // "收入合计 … 支出合计 / 支出总计": a total over subtotals of both sides adds up
        // some of them, and which cannot be told
        if sides.0 && sides.1 {
            return Vec::new();
        }
        rows.reverse();
    }
    let rows: Vec<usize> = rows
        .into_iter()
        .filter(|&k| !is_breakdown(col, k))
        .into_vec();
    outermost_items(depth, top_level_only(t, rows, facts))
}

/// A column whose total is no sum of its rows: rates, shares, scores, and growth.
fn no_sum(h: &str) -> bool {
    is_rate_header(h) || names_growth(h)
}

/// A column of growth rates named without their percent sign ("累计增长", "同比增长", "增速",
/// a statistics bureau's monthly table): no sum. An amount of change says so (增长额, 增加数).
fn names_growth(h: &str) -> bool {
    ["增长", "增速", "增幅", "同比"]
        .iter()
        .any(|w| h.contains(w))
        && !["额", "数", "金额", "量"].iter().any(|w| h.contains(w))
}

/// Whether the total at row `k`, of `level`, closes the rows above it: the rows after it
/// with figures are none, or begin with a total of a higher level.
fn closes_above(col: Column<'_>, k: usize, level: u8) -> bool {
    col.total(k) == Some(level)
        && (k + 1..col.t.rows().len())
            .find(|&j| has_figures(col.t, j, col.lc))
            .is_none_or(|j| col.total(j).is_some_and(|l| l > level))
}

/// Whether a row labelled `heading` (no figure in it) opens the rows of a total labelled
/// `total`: it names what the total adds up, "支出" of "建设性支出合计" (both cleaned, here
/// only: few rows ask).
fn heads_rows_of(total: &str, heading: &str) -> bool {
    let heading = clean_label(heading);
    heading.chars().count() >= 2
        && total_level(&heading).is_none()
        && clean_label(total).contains(&*heading)
}

/// "一、期初余额 … 二、收入合计 (一)收入小计 … (二)上级补助收入 … 三、支出合计": a total
/// numbered as an item, whose next numbered row is numbered under it, heads the items below
/// it; the items above are its siblings.
fn heads_below(t: &Table, r: usize, depth: &[Option<usize>]) -> bool {
    depth.get(r).copied().flatten().is_some_and(|o| {
        (r + 1..t.rows().len())
            .find_map(|k| depth.get(k).copied().flatten())
            .is_some_and(|d| d > o)
    })
}

/// Rows numbered under an item ((1), (2) under 3、) are parts of that item, not of the
/// total: only the outermost numbered level counts.
fn outermost_items(depth: &[Option<usize>], rows: Vec<usize>) -> Vec<usize> {
    let Some(min) = rows
        .iter()
        .filter_map(|&k| depth.get(k).copied().flatten())
        .min()
    else {
        return rows;
    };
    rows.into_iter()
        .filter(|&k| depth.get(k).copied().flatten().is_none_or(|d| d == min))
        .into_vec()
}

/// Numbered lines right under a line of a shallower level that carries figures are that
/// line's breakdown, not parts of the total: 一、… under an unnumbered line (财政拨款总表:
/// 年初财政拨款结转和结余, then 一、一般公共预算财政拨款 …), 1.… or （一）… under 一、…
/// (预算总表: 一、财政拨款收入, then 1.一般公共预算资金 …).
fn is_breakdown(col: Column<'_>, k: usize) -> bool {
    let Some(level) = col.numbering(k) else {
        return false;
    };
    let mut j = k;
    // a breakdown is a few lines: the walk up is bounded, so long tables stay linear
    let floor = col.t.header_rows.max(k.saturating_sub(64));
    while j > floor {
        j -= 1;
        match col.numbering(j) {
            // siblings, and the breakdowns of siblings above
            Some(x) if x >= level => continue,
            above => {
                let l = col.label(j);
                return above.is_none_or(|x| x < level)
                    && !l.trim().is_empty()
                    && total_level(l).is_none()
                    && has_figures(col.t, j, col.lc);
            }
        }
    }
    false
}

/// Where rows carry classification codes, only the highest level adds up to the total.
fn top_level_only(t: &Table, rows: Vec<usize>, facts: &[RowFacts]) -> Vec<usize> {
    // a row's code as the claims stage read it (a row below the header: covered rows are)
    let code_len = |k: usize| match facts.get(k) {
        Some(f) if k >= t.header_rows => f.code.map(|c| c.len()),
        _ => row_code_len(t, k),
    };
    // the codes read twice rather than kept: a 1M-row table's would take 16 MB
    let Some(min) = rows.iter().filter_map(|&k| code_len(k)).min() else {
        return rows;
    };
    let mut rows = rows;
    rows.retain(|&k| code_len(k) == Some(min));
    rows
}

#[cfg(test)]
mod tests {
    use crate::read::read_text;

    fn verdicts(text: &str) -> Vec<(String, String)> {
        crate::checks::reported(text, "total-row")
    }

    #[test]
    fn a_column_of_growth_named_without_its_sign_is_no_sum() {
        // a statistics bureau's monthly table (常州): 累计增长 is a rate, 24.84 + … no total
        let text = |h: &str| {
            format!(
                "项目 | 本月 | 累计 | {h} |\n五大产业合计 | 300 | 3000 | 27.11 |\n装备制造业 | 100 | 1000 | 24.84 |\n电子信息业 | 200 | 2000 | 28.57 |\n"
            )
        };
        let pass = |v: &str| (v.to_string(), "pass".to_string());
        let unchecked = |v: &str| (v.to_string(), "unchecked".to_string());
        for h in ["累计增长", "同比增长", "增速", "增幅"] {
            assert_eq!(
                verdicts(&text(h)),
                [pass("300"), pass("3000"), unchecked("27.11")],
                "{h}"
            );
        }
        // nor in the 三公 table's outline (the items and the car's halves)
        let sangong = "项目\t决算数\t同比增长\n合计\t30\t5.5\n因公出国(境)费\t10\t3.1\n公务用车购置及运行费\t15\t6.2\n其中:公务用车购置费\t5\t1.0\n公务用车运行费\t10\t8.0\n公务接待费\t5\t7.7\n";
        assert_eq!(verdicts(sangong), [pass("30"), pass("15")]);
        // an amount of growth adds up
        let amounts = text("增长额").replace("27.11", "53.41");
        assert_eq!(
            verdicts(&amounts),
            [pass("300"), pass("3000"), pass("53.41")]
        );
    }

    #[test]
    fn a_total_atop_rows_another_total_closes_heads_none_of_them() {
        // a 1998 yearbook's balance table (国家财政收支平衡表), the current items left out:
        // 建设性支出合计 adds up the rows above it, and 支出总计 both totals
        let text = "项目\t金额\n经常性支出合计\t6014.96\n生产性基本建设支出\t618.6\n挖潜改造和新产品试制费\t523.02\n支援农业生产支出\t258.77\n城市维护建设支出\t336.49\n其他建设性支出\t185.71\n建设性支出合计\t1922.59\n支出总计\t7937.55\n";
        let pass = |v: &str| (v.to_string(), "pass".to_string());
        assert_eq!(verdicts(text), [pass("1922.59"), pass("7937.55")]);
        // headed by the year it is of
        let year = text.replace("项目\t金额", "项 目\t1996");
        assert_eq!(verdicts(&year), [pass("1922.59"), pass("7937.55")]);
        // a next total heading its own rows below: this one heads the rows below it
        let heads = "项目\t金额\n一般公共预算收入合计\t100\n税收收入\t60\n非税收入\t40\n转移性收入合计\t90\n上级补助收入\t70\n调入资金\t20\n";
        assert_eq!(verdicts(heads).first(), Some(&pass("100")));
    }

    #[test]
    fn a_row_repeating_the_row_above_may_be_its_detail() {
        // a district's 2016 revenue budget (hysgq.gov.cn), abridged: 税收返回及转移支付补助 is
        // 上级补助收入's only detail, and 收入总计 = 44341 + 37811 + 1441 counts it once
        let text = "项目 | 2016年预算数 | 上年完成数 |\n一、共享收入 | 24039 | 21561 |\n二、区级固定收入 | 20302 | 18749 |\n区级财政收入合计 | 44341 | 40310 |\n上级补助收入 | 37811 | 46850 |\n税收返回及转移支付补助 | 37811 | 46850 |\n上年结转结余 | 1441 | 1453 |\n收入总计 | 83593 | 88613 |\n";
        let unchecked = [
            ("44341".to_string(), "pass".to_string()),
            ("40310".to_string(), "pass".to_string()),
            ("83593".to_string(), "unchecked".to_string()),
            ("88613".to_string(), "unchecked".to_string()),
        ];
        assert_eq!(verdicts(text), unchecked);
        // two coded classification lines with equal figures are siblings, both counted
        let coded = "项目\t\t本年支出合计\t基本支出\n功能分类科目编码\t科目名称\t\t\n合计\t\t100.00\t100.00\n205\t教育支出\t50.00\t50.00\n208\t社会保障和就业支出\t50.00\t50.00\n";
        let pass = ("100.00".to_string(), "pass".to_string());
        assert_eq!(verdicts(coded), [pass.clone(), pass]);
        // a list of equal lines is items, every one counted: a total
        // printed one short is an error, not a reading that leaves a line out
        let list = "单位 | 预算数 | 决算数 |\n办公室 | 1.00 | 1.00 |\n执法队 | 1.00 | 1.00 |\n服务中心 | 1.00 | 1.00 |\n合计 | 2.00 | 2.00 |\n";
        let fail = ("2.00".to_string(), "fail".to_string());
        assert_eq!(verdicts(list), [fail.clone(), fail]);
    }

    #[test]
    fn a_qizhong_row_right_below_a_total_may_open_its_parts() {
        // "其中：" on the first row under a total heading its rows: it opens the list of
        // the total's parts, or names a part of a part; the two readings disagree here
        let text =
            "项目 | 本年 |\n收入合计 | 1000.5 |\n其中：税收收入 | 600.2 |\n非税收入 | 400.3 |\n";
        let unchecked = |v: &str| (v.to_string(), "unchecked".to_string());
        assert_eq!(verdicts(text), [unchecked("1000.5")]);
        // where neither reading gives the total, it fails
        let wrong = text.replace("1000.5", "1200.5");
        assert_eq!(
            verdicts(&wrong),
            [("1200.5".to_string(), "fail".to_string())]
        );
        // not where another row stands between the total and the 其中
        let between = text.replace(
            "收入合计 | 1000.5 |\n",
            "收入合计 | 1000.5 |\n上年结转 | 0 |\n",
        );
        assert!(verdicts(&between).iter().all(|v| v.1 != "unchecked"));
    }

    #[test]
    fn a_balance_tables_blocks_are_read_as_its_first_block_is() {
        // modelled on a 1998 statistical yearbook's budget balance table (hunt 30): each
        // block's 合计 heads its rows, as the first one does
        let headed = "项目 | 1996 |\n经常性收入合计 | 100 |\n各项税收 | 60 |\n其他收入 | 40 |\n\
                      经常性支出合计 | 70 |\n行政支出 | 30 |\n其他支出 | 40 |\n";
        let pass = |v: &str| (v.to_string(), "pass".to_string());
        assert_eq!(verdicts(headed), [pass("100"), pass("70")]);
        // a wrong item of the second block is its total's error
        let wrong = headed.replace("行政支出 | 30", "行政支出 | 35");
        assert_eq!(
            verdicts(&wrong),
            [pass("100"), ("70".to_string(), "fail".to_string())]
        );
        // its rows running into a later total's, where they end cannot be told
        let closed = format!("{headed}建设性收入 | |\n专项收入 | 10 |\n建设性收入合计 | 10 |\n");
        assert_eq!(verdicts(&closed), [pass("100"), pass("10")]);

        // closing totals: a heading row naming what a total adds up opens its rows (the
        // balance above it is no item), and a 总计 over the 合计 of both sides is not read
        let closing = "项目 | 1996 |\n收入 | |\n税收 | 60 |\n其他 | 40 |\n收入合计 | 100 |\n\
                       收支差额 | 30 |\n支出 | |\n行政支出 | 40 |\n其他支出 | 30 |\n支出合计 | 70 |\n\
                       支出总计 | 70 |\n";
        assert_eq!(verdicts(closing), [pass("100"), pass("70")]);
        // a row without figures that names something else is passed over, as before
        let blank_item = closing.replace("支出 | |\n行政", "公务接待费 | |\n行政");
        assert_eq!(
            verdicts(&blank_item)[1],
            ("70".to_string(), "fail".to_string())
        );
    }

    #[test]
    fn a_yearbooks_hash_row_is_a_part_of_the_row_above() {
        // the 2007 national spending by level as a statistical yearbook prints it (a test
        // page copying it, hunt 30): "#" marks a 其中 row, a part of the item above it
        let text = "项目 | 全国 | 中央 | 地方 |\n总计 | 300.0 | 100.0 | 200.0 |\n\
                    教育 | 100.0 | 40.0 | 60.0 |\n#助学 | 10.0 | 5.0 | 5.0 |\n\
                    国防 | 200.0 | 60.0 | 140.0 |\n";
        let pass = |v: &str| (v.to_string(), "pass".to_string());
        assert_eq!(
            verdicts(text),
            [pass("300.0"), pass("100.0"), pass("200.0")]
        );
        // one cell per line, the "#" row is a row (not a Markdown heading)
        let lines = text.replace(" | ", "\n").replace(" |\n", "\n");
        let doc = read_text(&lines);
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].rows().len(), 5);
        assert_eq!(
            verdicts(&lines),
            [pass("300.0"), pass("100.0"), pass("200.0")]
        );
        // "# 助学", a heading, ends the table there
        assert_eq!(
            read_text(&lines.replace("#助学", "# 助学")).tables[0]
                .rows()
                .len(),
            3
        );
    }

    #[test]
    fn a_table_one_cell_per_line_ended_at_a_row_with_some_figures_says_a_total_above_only_if_it_holds(
    ) {
        // the yearbook's table again: "#对外援助" has no figure for 地方, so its cells cannot
        // be placed and the table is read up to it; the items go on past it
        let text = "项目\n全国\n中央\n地方\n总计\n300.0\n100.0\n200.0\n教育\n100.0\n40.0\n60.0\n\
                    外交\n30.0\n20.0\n10.0\n#对外援助\n11.5\n11.5\n国防\n170.0\n40.0\n130.0\n";
        let doc = read_text(text);
        assert!(doc.tables[0].cut);
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // with every figure of that row printed, the table is whole and its totals hold
        let whole = text.replace("11.5\n11.5\n", "11.5\n11.5\n0\n");
        assert!(!read_text(&whole).tables[0].cut);
        let pass = |v: &str| (v.to_string(), "pass".to_string());
        assert_eq!(
            verdicts(&whole),
            [pass("300.0"), pass("100.0"), pass("200.0")]
        );
    }

    #[test]
    fn a_drawn_table_cut_before_its_closing_rule_says_a_total_above_its_rows_only_if_it_holds() {
        // a Taiwan budget's 歲出政事別 table (1999), cut after its first items as an excerpt
        // ends: the 合計 at the top is of every item, most of them past the cut
        let text = "─┬──────┬───────┬───────\n\
                    款│ 名    稱 │本次預算數    │ 上年度預算數\n\
                    ─┼──────┼───────┼───────\n  \
                    │合      計│ 1,854,802,774│   950,369,944\n \
                    1│政權行使支出│     2,005,393│     1,004,129\n \
                    2│國務支出    │     1,669,686│     1,098,765\n"
            .to_string();
        let doc = read_text(&text);
        assert!(doc.tables[0].cut);
        assert!(verdicts(&text).is_empty(), "{:?}", verdicts(&text));
        // closed by its rule, the table is whole: the total is wrong
        let closed = format!("{text}─┴──────┴───────┴───────\n");
        assert!(!read_text(&closed).tables[0].cut);
        let fail = |v: &str| (v.to_string(), "fail".to_string());
        assert_eq!(
            verdicts(&closed),
            [fail("1,854,802,774"), fail("950,369,944")]
        );
        // cut, a total that holds is said
        let holds = text.replace("1,854,802,774", "3,675,079");
        assert_eq!(
            verdicts(&holds),
            [("3,675,079".to_string(), "pass".to_string())]
        );
    }

    #[test]
    fn an_items_of_which_row_does_not_end_the_items_under_its_parent() {
        // a county's revenue budget (炎陵县 2016), abridged: 其中 under 1、专项收入
        let text = "项目\t预算数\n(二)非税收入\t6,412\n1、专项收入\t4,796\n\
                    其中:教育费附加小计\t1,350\n2、行政事业性收费收入\t1,616\n";
        assert_eq!(verdicts(text), [("6,412".to_string(), "pass".to_string())]);
        // the items after it count: more than the parent fails
        let over = text.replace("1,616", "2,616");
        assert_eq!(verdicts(&over), [("6,412".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_total_numbered_after_a_sibling_total_takes_none_of_its_items() {
        // a Taiwan central budget's net revenue table (1999), as a pipe table: 二、歲出合計's
        // items are not printed, and 1.… 2.… are 一、歲入合計's
        let text = "項目\t本次預算數\t上年度預算數\n一、歲入合計\t3,160,840\t2,503,949\n1.稅課及專賣收入\t2,053,747\t1,400,279\n2.其他收入\t1,107,093\t1,103,670\n二、歲出合計\t3,460,841\t2,503,949\n";
        let got = verdicts(text);
        assert_eq!(
            got,
            [
                ("3,160,840".to_string(), "pass".to_string()),
                ("2,503,949".to_string(), "pass".to_string())
            ]
        );
        // an unnumbered total after them still covers the rows above it
        let plain = "項目\t本次預算數\n甲\t1\n乙\t2\n合計\t3\n";
        assert_eq!(verdicts(plain), [("3".to_string(), "pass".to_string())]);
    }

    /// A column's labels read without the row facts answer as the label functions do,
    /// whether the cell is a classification code (read by a shortcut) or anything else.
    #[test]
    fn a_columns_codes_and_labels_read_as_the_label_functions_read_them() {
        use super::*;
        let labels = [
            "201",
            "20101",
            "2010301",
            "12",
            "1",
            "1.",
            "(1)",
            "（一）",
            "一、",
            "合计",
            "2011小计",
            "其中：",
            "100%",
            "增长率",
            "201a",
            "2 01",
            "",
        ];
        let text: String = labels
            .iter()
            .fold("项目\t名称\t金额\n".to_string(), |s, l| {
                s + l + "\t类\t5\n"
            });
        let doc = read_text(&text);
        let t = &doc.tables[0];
        assert_eq!(t.rows().len() - t.header_rows, labels.len());
        let col = Column {
            t,
            facts: &[],
            lc: 0,
            seen: &[],
        };
        for k in t.header_rows..t.rows().len() {
            let label = col.label(k);
            assert!(labels.contains(&label), "{label:?}");
            assert_eq!(col.total(k), total_level(label), "{label:?}");
            assert_eq!(col.numbering(k), numbering_level(label), "{label:?}");
            let part = !of_which(label) && !is_rate_label(label);
            assert_eq!(col.take(k), part && has_figures(t, k, 0), "{label:?}");
        }
        // kept once read: asked twice, the column answers the same
        let seen = vec![Cell::new(0u8); t.rows().len()];
        let kept = Column { seen: &seen, ..col };
        for _ in 0..2 {
            for k in t.header_rows..t.rows().len() {
                assert_eq!(kept.total(k), col.total(k));
                assert_eq!(kept.numbering(k), col.numbering(k));
                assert_eq!(kept.take(k), col.take(k));
            }
        }
        assert!(seen.iter().skip(t.header_rows).all(|c| c.get() != 0));
        // every read survives its packing
        for total in [None, Some(1), Some(2), Some(3)] {
            for numbering in [None, Some(1), Some(2), Some(3)] {
                for part in [false, true] {
                    let r = Read {
                        total,
                        numbering,
                        part,
                    };
                    assert_ne!(r.pack(), 0);
                    assert_eq!(Read::unpack(r.pack()), r);
                }
            }
        }
        // the shortcut is taken for the codes
        let codes = (t.header_rows..t.rows().len())
            .filter(|&k| col.code(k))
            .count();
        assert_eq!(codes, 3);
    }

    /// A social-insurance fund's execution table (modelled on a city's 工伤保险基金 table,
    /// wuxi.gov.cn, 2021): 二、收入合计 is an item after 一、期初余额, heading the items below
    /// it, one of which is a 小计 of its own rows.
    const FUND: &str = "项目 | 预算数 | 执行数 | 增长(%) |\n\
                        一、期初余额 | 694.41 | 640.65 | -38.93% |\n\
                        二、收入合计 | 733.78 | 206.13 | 162.92% |\n\
                        (一)收入小计 | 733.78 | 206.13 | 162.92% |\n\
                        1.保险费收入 | 709.84 | 201.87 | 162.32% |\n\
                        2.利息收入 | 23.94 | 4.26 | 267.20% |\n\
                        (二)上级补助收入 | 0 | 0 | |\n\
                        (三)下级上解收入 | 0 | 0 | |\n\
                        三、支出合计 | 895.89 | 215.41 | 39.70% |\n\
                        (一)支出小计 | 883.93 | 201.99 | 47.71% |\n\
                        1.待遇支出 | 883.93 | 201.99 | 47.88% |\n\
                        (二)补助下级支出 | 11.96 | 13.42 | |\n\
                        四、期末余额 | 532.30 | 631.37 | |\n";

    #[test]
    fn a_numbered_total_heads_the_items_below_it_not_its_siblings_above() {
        let v = verdicts(FUND);
        // 收入合计 = 收入小计 + 上级补助 + 下级上解 (not 期初余额), 收入小计 = 保险费 + 利息,
        // 支出合计 = 支出小计 + 补助下级
        for f in ["733.78", "206.13", "895.89", "215.41"] {
            assert!(v.contains(&own(f, "pass")), "{f}: {v:?}");
        }
        assert!(!v.iter().any(|(_, s)| s == "fail"), "{v:?}");
        // a total that does not add up still fails
        let wrong = verdicts(&FUND.replace("三、支出合计 | 895.89", "三、支出合计 | 859.89"));
        assert!(wrong.contains(&own("859.89", "fail")), "{wrong:?}");
    }

    #[test]
    fn a_numbered_total_whose_items_run_off_the_end_of_the_text_is_not_failed() {
        // the text ends after the first item of 三、支出合计: its other items were not pasted
        let end = FUND.find("(二)补助下级支出").unwrap_or(FUND.len());
        let cut = FUND.get(..end).unwrap_or(FUND);
        let v = verdicts(cut);
        assert!(!v.iter().any(|(_, s)| s == "fail"), "{v:?}");
        // what the rows kept do add up to is still said
        assert!(v.contains(&own("883.93", "pass")), "{v:?}");
        // the text may break off in the next row's name, as the stored copy does
        let broken = verdicts(&format!("{cut}2.劳动能力鉴定支出 | 0 |\n3.工伤预防"));
        assert!(!broken.iter().any(|(_, s)| s == "fail"), "{broken:?}");
        // followed by anything, the list is taken as it stands
        let more = verdicts(&format!("{cut}附注:以上为执行数。\n"));
        assert!(more.contains(&own("895.89", "fail")), "{more:?}");
        let row = verdicts(&format!("{cut}3.工伤预防支出 12.00 万元\n"));
        assert!(row.contains(&own("895.89", "fail")), "{row:?}");
    }

    #[test]
    fn a_row_whose_cells_moved_left_is_not_summed() {
        // "4.其他收入 | 122,418.14 | 189,965.82 | -82.64% |": a percentage under an amount
        // column, the row's blank cells dropped
        let shifted = FUND.replace(
            "2.利息收入 | 23.94 | 4.26 | 267.20% |",
            "2.利息收入 | 23.94 | 4.26 | 267.20% |\n3.其他收入 | 0.12 | -82.64% | |",
        );
        let v = verdicts(&shifted);
        assert!(v.contains(&own("733.78", "unchecked")), "{v:?}");
        assert!(!v.iter().any(|(_, s)| s == "fail"), "{v:?}");
    }

    #[test]
    fn a_total_above_rows_left_blank_is_not_failed() {
        // (宣州区审计局's 2018 "三公" budget, www.xuanzhou.gov.cn/OpennessContent/show/1419978.html:
        // the text under its table gives 公务接待费 3.1): a blank may be an amount not printed
        let table =
            "项目\t预算数\n合计\t3.1\n因公出国(境)费\t0\n公务接待费\t\n公务用车购置及运行费\t\n";
        let v = verdicts(table);
        assert!(v.contains(&own("3.1", "unchecked")), "{v:?}");
        // printed, the rows add up
        let v = verdicts(&table.replace("公务接待费\t\n", "公务接待费\t3.1\n"));
        assert!(v.contains(&own("3.1", "pass")), "{v:?}");
        // a total below the rows printed fails whatever the blanks hold
        let v = verdicts(&table.replace("因公出国(境)费\t0", "因公出国(境)费\t4.1"));
        assert!(v.contains(&own("3.1", "fail")), "{v:?}");
        // and without a blank, a total above its rows fails
        let none_blank = table
            .replace("公务接待费\t\n", "公务接待费\t1\n")
            .replace("运行费\t\n", "运行费\t0\n");
        let v = verdicts(&none_blank);
        assert!(v.contains(&own("3.1", "fail")), "{v:?}");
    }

    #[test]
    fn items_at_a_tables_end_with_nothing_printed_are_blank_parts() {
        // one cell per line: 丙 and 丁 end the table with no amount
        let text = "项目\n预算数\n合计\n40\n甲\n10\n乙\n20\n丙\n丁\n";
        assert_eq!(verdicts(text), [own("40", "unchecked")]);
        assert_eq!(verdicts(&text.replace("40", "30")), [own("30", "pass")]);
        assert_eq!(verdicts(&text.replace("40", "20")), [own("20", "fail")]);
        // an item with figures after them makes them headings, as in the middle of a table
        let more = text.replace("丁\n", "丁\n戊\n0\n");
        assert_eq!(verdicts(&more), [own("40", "fail")]);
    }

    #[test]
    fn one_wrong_row_is_blamed_not_the_total_it_explains() {
        // a city bureau's 2015 三公 budget table (桂林市司法局, a mirror at honghao99.com/html/
        // contentscontent-2015-3-18-781197.html): 公务用车费 printed 0 over its
        // own rows' 32.65; with 32.65 in its place the 合计 holds
        let text = "项目 | 本年预算数 |\n合 计 | 34.35 |\n1.因公出国(境)费用 | 0 |\n2.公务接待费 | 1.70 |\n\
                    3.公务用车费 | 0 |\n其中:(1)公务用车运行维护费 | 32.65 |\n(2)公务用车购置 | 0 |\n";
        let v = verdicts(text);
        assert_eq!(v, [own("34.35", "unchecked"), own("0", "fail")]);
        let report = crate::check_str(text).unwrap();
        let row = report.checks.iter().find(|e| e.reported == "0").unwrap();
        // (what it should be at its rows' decimals, not rounded to the 0's)
        assert_eq!(row.expected.as_deref(), Some("32.65"));
        // a total that fails whatever the row holds is still failed
        let v = verdicts(&text.replace("34.35", "40.35"));
        assert_eq!(v, [own("40.35", "fail"), own("0", "fail")]);
    }

    fn own(figure: &str, status: &str) -> (String, String) {
        (figure.to_string(), status.to_string())
    }

    /// A township's budget execution table copied out of a web page (modelled on
    /// yiyuan.gov.cn, 2020): rows whose amounts are all blank keep only their first bar,
    /// the header's merged cells are flattened, 一、 items have unnumbered details, and
    /// 转移性收入 has its own.
    const EXECUTION: &str = "表1 | |||||\n某镇2020年一般公共预算收入执行情况表 | |||||\n单位:万元 | |||||\n项 目 | 2019年决算数 | 2020年预算调整数 | 2020年执行数 | ||\n金额 | 占调整预算% | 比上年增长% | |||\n一、税收收入 | 40 | 43 | 43 | 100 | 7.5 |\n增值税 | 26 | 29 | 29 | 100 | 11.54 |\n资源税 | |||||\n车船税 | 14 | 14 | 14 | 100 | 0 |\n二、非税收入 | |||||\n罚没收入 | |||||\n本年收入合计 | 40 | 43 | 43 | 100 | 7.5 |\n转移性收入 | 244 | 235 | 235 | 100 | -3.69 |\n返还性收入 | |||||\n上级一般性转移支付收入 | 144 | 219 | 219 | 100 | 52.08 |\n上级专项转移支付收入 | 100 | 16 | 16 | 100 | -84 |\n收入总计 | 284 | 278 | 278 | 100 | -2.11 |\n表2 | |||||\n";

    #[test]
    fn a_table_or_column_of_averages_has_no_sums() {
        // modelled on a national health statistics table (natcm.gov.cn, 2018): per-hospital
        // averages, the 合计 row the mean over every hospital, not the sum of the rows
        let table = "综合医院院均总收入情况\n单位:千元\n\
                     类别\t总收入\t医疗收入\n合计\t425072.64\t377648.80\n\
                     部属\t5211940.08\t4653828.96\n省属\t1938859.31\t1746381.65\n\
                     县属\t169309.49\t147212.42\n";
        assert!(verdicts(table).is_empty(), "{:?}", verdicts(table));
        // without the 院均 the rows are summed, and do not add up
        let v = verdicts(&table.replace("院均", ""));
        assert!(v.contains(&own("425072.64", "fail")), "{v:?}");
        // a column of averages beside columns of sums
        let mixed =
            "某县各乡镇收入情况\n乡镇\t收入\t人均收入\n合计\t30\t2.5\n甲镇\t10\t2\n乙镇\t20\t3\n";
        assert_eq!(verdicts(mixed), [own("30", "pass")]);
    }

    #[test]
    fn an_execution_tables_details_are_another_reading_not_an_error() {
        let doc = read_text(EXECUTION);
        // one table: the blank rows inside it, not the captions around it
        assert_eq!(doc.tables.len(), 1, "{:?}", doc.tables);
        let t = &doc.tables[0];
        assert_eq!(t.column_header(3), "2020年执行数/金额");
        assert_eq!(t.column_header(5), "2020年执行数/比上年增长%");
        assert_eq!(t.rows().len() - t.header_rows, 12);
        let v = verdicts(EXECUTION);
        assert!(
            !v.is_empty() && v.iter().all(|(_, s)| *s == "unchecked"),
            "{v:?}"
        );
        // a total that no reading gives still fails
        let v = verdicts(&EXECUTION.replace("本年收入合计 | 40 |", "本年收入合计 | 42 |"));
        assert!(v.contains(&own("42", "fail")), "{v:?}");
        let v = verdicts(&EXECUTION.replace("收入总计 | 284 |", "收入总计 | 290 |"));
        assert!(v.contains(&own("290", "fail")), "{v:?}");
        // the next table's title right after the last row is no row of it
        let two = EXECUTION.replace(
            "表2 | |||||\n",
            "某镇2020年一般公共预算支出执行情况表 | |||||\n项 目 | 2019年决算数 | 2020年执行数 |\n一般公共服务支出 | 9 | 10 |\n",
        );
        assert_eq!(read_text(&two).tables.len(), 2);
    }

    #[test]
    fn a_blank_row_of_a_one_column_pipe_table_keeps_the_table_whole() {
        // 达州市环城公路养护中心's 2014 三公 budget (jtj.dazhou.gov.cn/xxgk-show-16182.html): the
        // blank 因公出国 row, two bars around nothing, split the table and the 合计 went
        // unchecked
        let text = "2014年“三公”经费预算财政拨款情况统计表\n单位:万元\n项 目 | 本年预算数 |\n\
                    合 计 | 46 |\n1.因公出国(境)费用 | |\n2.公务接待费 | 8 |\n3.公务用车费 | 38 |\n\
                    其中:(1)公务用车运行维护费 | 38 |\n(2)公务用车购置 | |\n";
        assert_eq!(read_text(text).tables.len(), 1);
        let v = verdicts(text);
        assert!(v.contains(&own("46", "pass")), "{v:?}");
        // (below its rows, whatever the blank holds; 45 is within the rounding of 8 + 38)
        let v = verdicts(&text.replace("| 46 |", "| 44 |"));
        assert!(v.contains(&own("44", "fail")), "{v:?}");
    }

    #[test]
    fn rows_shifted_off_their_line_numbers_are_not_summed() {
        // a 收入支出决算总表 copied with its blank cells dropped: "26 | 60.5 | 53 |" is a line
        // number, an amount and the other side's line number, one column to the left
        let text = "收入支出决算总表\n项目 | 行次 | 金额 | 项目 | 行次 | 金额 |\n一、财政拨款收入 | 1 | 600 | 一、一般公共服务支出 | 28 | 1000 |\n三、事业收入 | 3 | 400 | 二、外交支出 | 29 | |\n本年收入合计 | 23 | 1000 | 本年支出合计 | 50 | 1000 |\n年初结转和结余 | 25 | 60.5 | 年末结转和结余 | 52 | 60.5 |\n26 | 60.5 | 53 | |||\n总计 | 27 | 1060.5 | 总计 | 54 | 1060.5 |\n";
        let v = verdicts(text);
        assert!(v.contains(&own("1000", "pass")), "{v:?}");
        assert!(v.iter().all(|(_, s)| s != "fail"), "{v:?}");
        // the same row in its place is summed
        let v = verdicts(&text.replace("26 | 60.5 | 53 | |||", "其他 | 26 | 0 | 其他 | 53 | 0 |"));
        assert!(v.contains(&own("1060.5", "pass")), "{v:?}");
    }
}
