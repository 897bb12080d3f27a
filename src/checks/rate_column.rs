//! `rate-column`: a column of rates equals the columns it is computed from, row by row.

use super::Check;
use crate::claims::self_eval::is_self_eval;
use crate::claims::table::{clean_label, is_rate_header};
use crate::claims::Claims;
use crate::document::Table;
use crate::relation::Rule;
use crate::relation::{Cause, Expr, Relation, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::RateColumn,
    title_zh: "比率列等于对应两列相除",
    title_en: "Rate columns equal the ratio of their columns",
    what: "In a table, a column of rates is recomputed row by row from the columns it names. \
           When the header prints its formula, as in 执行率(执行数/全年预算数*100%), that \
           formula is used; otherwise an 执行率 column is 执行数 (or 决算数) ÷ 全年预算数 (or \
           预算数). Where a header names a group (全年预算数 with 合计, 当年财政拨款 …), its \
           合计 is the divisor. A column is used only when exactly one column matches.",
    why: "Rates are what readers compare; a rate that does not follow from the amounts in \
          the same row is either mistyped or computed on another base.",
    tolerance: "The amounts and the rate stand for ±½ of their last digit: 91% for \
                131.25 ÷ 145 = 90.52% holds, and so does 99% for 110 ÷ 112 = 98.2%, since 110 \
                and 112 are themselves rounded to integers.",
    example: "执行数 304.6, 全年预算数 800, 执行率 39.77% fails: 304.6 ÷ 800 = 38.08%.",
    find,
};

fn find(claims: &Claims<'_>, out: &mut Vec<Relation>) {
    let doc = claims.doc;
    for t in doc.tables.iter().filter(|t| !is_self_eval(t)) {
        let headers: Vec<String> = (0..t.width()).map(|c| t.column_header(c)).collect();
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
            for r in t.header_rows..t.rows.len() {
                let Some(target) = t.figure(r, c) else {
                    continue;
                };
                if !doc.figure(target).is_some_and(|f| f.number.percent) {
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
fn unique(headers: &[String], pred: impl Fn(usize, &str) -> bool) -> Option<usize> {
    let hits: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(k, h)| pred(*k, h))
        .map(|(k, _)| k)
        .collect();
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
    t.rows.iter().take(t.header_rows).find_map(|row| {
        let text = &row.cells.get(c)?.text;
        let open = text.find(['(', '（'])?;
        let inner = text.get(open..)?.trim_start_matches(['(', '（']);
        let inner = inner.trim_end_matches([')', '）']);
        let inner = inner
            .replace("*100%", "")
            .replace("×100%", "")
            .replace("x100%", "")
            .replace('%', "");
        let (a, b) = inner.split_once(['/', '÷'])?;
        let (a, b) = (a.trim(), b.trim());
        (!a.is_empty() && !b.is_empty()).then(|| (a.to_string(), b.to_string()))
    })
}
