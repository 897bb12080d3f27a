//! `rate-column`: a column of rates equals the columns it is computed from, row by row.

use super::{Check, Out};
use crate::claims::self_eval::is_self_eval;
use crate::claims::table::{
    clean_label, decimals_only_where_they_exist, is_rate_header, whole_by_format, RowFacts,
};
use crate::claims::Claims;
use crate::document::{Document, Table};
use crate::relation::Rule;
use crate::relation::{Cause, Expr, Relation, Text};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::RateColumn,
    title_zh: "比率列等于对应两列相除",
    title_en: "Rate columns equal the ratio of their columns",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In a table, a column of rates is recomputed row by row from the columns it names. \
               When the header prints its formula, as in 执行率(执行数/全年预算数*100%), that \
               formula is used; otherwise an 执行率 column is 执行数 (or 决算数) ÷ 全年预算数 (or \
               预算数). Where a header names a group (全年预算数 with 合计, 当年财政拨款 …), its \
               合计 is the divisor. A column is used only when exactly one column matches. A row \
               labelled with two years and a change (2016年比2015年增减%) is, column by column, \
               (this year − last year) ÷ last year from the rows of those two years.",
        why: "Rates are what readers compare; a rate that does not follow from the amounts in \
              the same row is either mistyped or computed on another base.",
        tolerance: "The amounts and the rate stand for ±½ of their last digit: 91% for \
                    131.25 ÷ 145 = 90.52% holds. An amount printed without decimals in a table \
                    that prints decimals only where an amount has them (304.6 beside 959.61: \
                    trailing zeros dropped) is whole, not rounded: 99% for 110 ÷ 112 = 98.21% is \
                    then a warning that names that evidence. A row of year-on-year changes \
                    (2016年比2015年增减%) is decided on the corners of its inputs' intervals.",
        example: "执行数 304.6, 全年预算数 800, 执行率 39.77% fails: 304.6 ÷ 800 = 38.08%.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "表中的比率列，按其表头所指的列逐行重新计算。表头印有公式的，如 执行率(执行数/全年\
               预算数*100%)，按该公式计算；否则执行率列等于执行数（或决算数）÷ 全年预算数（或预\
               算数）。表头所指的是一组列时（如全年预算数下分合计、当年财政拨款……），以该组的合\
               计为除数。只有恰好一列相符时，才采用该列。标有两个年份和增减的行（如 2016年比2015\
               年增减%），逐列按 (本年 − 上年) ÷ 上年 计算，数字取自这两个年份的行。",
        why: "读者比较的正是比率；比率与同一行的数额对不上，要么是打错了，要么是用了另一个基数计\
              算。",
        tolerance: "各数额和比率都代表末位 ±½ 以内的任何值：131.25 ÷ 145 = 90.52%，印出 91% 成立。\
                    如果一张表只在数额有小数时才印小数（如 304.6 与 959.61 并列：末尾的 0 被省去），\
                    那么其中不带小数印出的数额是整数，而不是舍入的结果：这时 110 ÷ 112 = 98.21%，\
                    印出 99% 判为存疑，并指出这一依据。同比增减行（如 2016年比2015年增减%）按各\
                    输入区间端点的组合来判断。",
        example: "执行数 304.6，全年预算数 800，执行率 39.77%，不成立：304.6 ÷ 800 = 38.08%。",
    },
    find,
};

/// The years a label names, in order: "2016年比2015年增减%" → [2016, 2015].
pub(super) fn years(label: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = label.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let four = b
            .get(i..i + 4)
            .is_some_and(|w| w.iter().all(u8::is_ascii_digit));
        let before = i
            .checked_sub(1)
            .and_then(|k| b.get(k))
            .is_some_and(u8::is_ascii_digit);
        let after = b.get(i + 4).is_some_and(u8::is_ascii_digit);
        if four && !before && !after {
            if let Some(y) = label
                .get(i..i + 4)
                .filter(|y| y.starts_with("19") || y.starts_with("20"))
            {
                out.push(y);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// A row of year-on-year changes, "2016年比2015年增减%": each cell is (this year − last
/// year) ÷ last year, from the rows of those two years in the same column.
/// `facts` are the table's rows' ([`Claims::rows_of`]): a row whose label holds neither 比
/// nor 较 names no change and is let go before its label is opened.
fn growth_rows(doc: &Document, t: &Table, facts: &[RowFacts], out: &mut Out) {
    for r in t.header_rows..t.rows().len() {
        if facts.get(r).is_some_and(|f| !f.compare) {
            continue;
        }
        let label = t.row_label(r);
        // the words first: most rows name no change, and their years are not looked for
        let rate_word = label.contains(&['增', '变'][..])
            && ["增减", "增长", "增幅", "变动"]
                .iter()
                .any(|k| label.contains(k))
            && (label.contains('%') || label.contains('％') || label.contains('率'));
        if !(rate_word && label.contains(&['比', '较'][..])) {
            continue;
        }
        let ys = years(label);
        let [now, then] = ys.as_slice() else {
            continue;
        };
        // the one row naming only that year
        let row_of = |y: &str| {
            let hits: Vec<usize> = (t.header_rows..t.rows().len())
                .filter(|&k| k != r && years(t.row_label(k)) == [y])
                .into_vec();
            match hits.as_slice() {
                [one] => Some(*one),
                _ => None,
            }
        };
        let (Some(a), Some(b)) = (row_of(now), row_of(then)) else {
            continue;
        };
        for c in 0..t.rows().get(r).map_or(0, |row| row.cells.len()) {
            let Some(target) = t.figure(r, c) else {
                continue;
            };
            let header = t.column_header(c);
            let what = Text::new(
                format!("{label} {header} = ({now}年 − {then}年) ÷ {then}年"),
                format!("{label} {header} = ({now} − {then}) ÷ {then}"),
            );
            let (Some(x), Some(y)) = (t.figure(a, c), t.figure(b, c)) else {
                out.push(Relation::unchecked(
                    Rule::RateColumn,
                    target,
                    what,
                    Text::new("所需的数为空", "a figure it needs is blank"),
                ));
                continue;
            };
            if !doc.has_figure(target) {
                continue;
            }
            // (x − y) ÷ y names y twice: decided on the corners of the inputs (it is
            // monotone in each), not on step-by-step intervals that would be too wide
            out.push(
                Relation::equals(
                    Rule::RateColumn,
                    target,
                    Expr::pct(Expr::difference(Expr::Fig(x), Expr::Fig(y)), Expr::Fig(y)),
                    what,
                )
                .monotone(),
            );
        }
    }
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for (k, t) in doc.tables.iter().enumerate() {
        if is_self_eval(t) {
            continue;
        }
        growth_rows(doc, t, claims.rows_of(k), out);
        let headers: Vec<String> = (0..t.width()).map(|c| t.column_header(c)).into_vec();
        for (c, h) in headers.iter().enumerate() {
            if !h.contains('率') {
                continue;
            }
            let Some((a, b)) = operands(t, c, &headers) else {
                continue;
            };
            let initial = unique(&headers, |k, hk| {
                k != c
                    && hk.contains("年初预算")
                    && !is_rate_header(hk)
                    && clean_label(last(hk)) == "合计"
            });
            let evidence = decimals_only_where_they_exist(doc, t);
            for r in t.header_rows..t.rows().len() {
                let Some(target) = t.figure(r, c) else {
                    continue;
                };
                if !doc.is_percent(target) {
                    continue;
                }
                let label = t.row_label(r).to_string();
                let name = |k: usize| headers.get(k).map_or("", |h| last(h));
                let formula = format!("{label} {} = {} ÷ {}", last(h), name(a), name(b));
                let what = Text::new(formula.clone(), formula);
                let (Some(num), Some(den)) = (t.figure(r, a), t.figure(r, b)) else {
                    out.push(Relation::unchecked(
                        Rule::RateColumn,
                        target,
                        what,
                        Text::new("所需的数为空", "a figure it needs is blank"),
                    ));
                    continue;
                };
                let mut rel = Relation::equals(
                    Rule::RateColumn,
                    target,
                    Expr::pct(Expr::Fig(num), Expr::Fig(den)),
                    what,
                );
                // the table prints decimals where they exist: its whole amounts are exact
                let whole = |k: usize| whole_by_format(doc, t, r, k);
                if let (Some(shown), true) = (&evidence, whole(a) || whole(b)) {
                    let operand = |k: usize, id| {
                        if whole(k) {
                            Expr::Exact(id)
                        } else {
                            Expr::Fig(id)
                        }
                    };
                    let raw = |id: usize| doc.figure(id).map_or("?", |f| f.raw);
                    let shown: Vec<&str> = shown.iter().map(|&id| raw(id)).into_vec();
                    let whole_ones: Vec<&str> = [(a, num), (b, den)]
                        .iter()
                        .filter(|(k, _)| whole(*k))
                        .map(|(_, id)| raw(*id))
                        .into_vec();
                    let (shown_zh, whole_zh) = (shown.join("、"), whole_ones.join("、"));
                    let (shown_en, whole_en) = (shown.join(", "), whole_ones.join(" and "));
                    rel = rel.strict(
                        Expr::pct(operand(a, num), operand(b, den)),
                        Text::new(
                            format!("本表金额有小数时才印出小数（如 {shown_zh}），{whole_zh} 是整数金额而非舍入所得，按其计算比率不等于所印数字"),
                            format!("this table prints decimals only where an amount has them (as {shown_en}), so {whole_en} are whole amounts, not rounded ones, and the rate they give is not the printed one"),
                        ),
                    );
                }
                if let Some(Some(init)) = initial.map(|k| t.figure(r, k)) {
                    rel = rel.alternative(
                        Cause::WrongBase(Text::new(
                            "以年初预算数而非全年预算数为基数",
                            "divided by the initial budget instead of the full-year budget",
                        )),
                        Expr::pct(Expr::Fig(num), Expr::Fig(init)),
                    );
                }
                out.push(rel);
            }
        }
    }
}

fn last(h: &str) -> &str {
    // the header's own name: after the group name, formula and all
    match h.find('/') {
        Some(i)
            if !h
                .get(..i)
                .is_some_and(|g| g.contains('(') || g.contains('（')) =>
        {
            h.get(i + 1..).unwrap_or(h)
        }
        _ => h,
    }
}

/// The one column satisfying `pred`, if exactly one does.
pub(super) fn unique(headers: &[String], pred: impl Fn(usize, &str) -> bool) -> Option<usize> {
    let hits: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(k, h)| pred(*k, h))
        .map(|(k, _)| k)
        .into_vec();
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The numerator and denominator columns of rate column `c`.
fn operands(t: &Table, c: usize, headers: &[String]) -> Option<(usize, usize)> {
    let (a, b) = match formula(t, c) {
        Some(f) => f,
        None => {
            let h = headers.get(c)?;
            if !h.contains("执行率") {
                return None;
            }
            ("执行数".to_string(), "全年预算数".to_string())
        }
    };
    let amount = |k: usize, hk: &str| k != c && !is_rate_header(hk);
    let num = unique(headers, |k, hk| amount(k, hk) && hk.contains(a.as_str()))?;
    let den = unique(headers, |k, hk| amount(k, hk) && hk.contains(b.as_str())).or_else(|| {
        unique(headers, |k, hk| {
            amount(k, hk) && hk.contains(b.as_str()) && clean_label(hk).ends_with("合计")
        })
    })?;
    (num != den).then_some((num, den))
}

/// A formula printed in the header cell: "执行率(执行数/全年预算数*100%)" → (执行数, 全年预算数).
fn formula(t: &Table, c: usize) -> Option<(String, String)> {
    t.rows().iter().take(t.header_rows).find_map(|row| {
        let text = &row.cells.get(c)?.text;
        let open = text.find(&['(', '（'][..])?;
        let inner = text.get(open..)?.trim_start_matches(&['(', '（'][..]);
        let inner = inner.trim_end_matches(&[')', '）'][..]);
        let inner = inner
            .replace("*100%", "")
            .replace("×100%", "")
            .replace("x100%", "")
            .replace('%', "");
        let (a, b) = inner.split_once(&['/', '÷'][..])?;
        let (a, b) = (a.trim(), b.trim());
        (!a.is_empty() && !b.is_empty()).then(|| (a.to_string(), b.to_string()))
    })
}
