//! `change-column`: a column of changes (增减额, 比较, 差额) equals the difference of the two
//! columns it compares, row by row, and a column of growth rates their change over the
//! earlier one.

use super::rate_column::{unique, years};
use super::{Check, Out};
use crate::claims::self_eval::is_self_eval;
use crate::claims::table::{clean_label, is_rate_header};
use crate::claims::Claims;
use crate::document::{Document, Table};
use crate::figure::CellKind;
use crate::relation::{Cause, Expr, Relation, Rule, Text};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::ChangeColumn,
    title_zh: "增减列、增减率列与所比两列一致",
    title_en: "Change columns agree with the two columns they compare",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In a table, a column of changes (增减, 增减额, 增（减）, 比较, 差额, 差异) is recomputed row by row \
               as the difference of the two columns it compares: the two years its header names \
               (2020年比2019年增减), else this year's and last year's columns (本年度与上年度比较, \
               比上年增减), else the only two columns naming a year, else (for a change on the \
               budget, or beside only two amount columns, and never where the header names a \
               year or last year) the final or executed amount and the budget. Where the change column sits \
               under a group (增减/合计), the columns compared are those of the same name. A pair is \
               used only when each side is exactly one column. A dash in a compared column is \
               zero. A column of growth rates (增减%, 增加率, or a rate under a change's group) is \
               (this − last) ÷ last, in per cent, on the same two columns.",
        why: "A change column is what a reader looks at first; one that does not follow from the \
              two amounts beside it is mistyped, or one of the amounts is.",
        tolerance: "Each amount stands for ±½ of its last digit: 14206.91 − 14204.09 = 2.82 holds \
                    for a printed 2.8. A column printing its figures in per cent is a rate's and \
                    is left to the rate checks. A change printed with its sign the other way \
                    round fails, and the reversed sign is named as its likely cause. A growth \
                    rate is decided on the corners of its inputs' intervals; one that matches \
                    this year's base instead names that cause.",
        example: "本年度 3,160,840, 上年度 2,503,949, 比较 665,891 fails: 3,160,840 − 2,503,949 = \
                  656,891.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "在表中，增减列（增减、增减额、增（减）、比较、差额、差异）逐行重新计算，应等于它所\
               比较的两列之差。所比较的两列依次这样确定：表头写明的两个年度（2020年比2019年增减）；\
               否则为本年和上年两列（本年度与上年度比较、比上年增减）；否则为仅有的两个标有年份\
               的列；否则（适用于相对预算的增减，或增减列旁只有两个金额列的情况，但表头写有年份\
               或上年时一律不适用）为决算数或执行数与预算数。增减列位于某一组表头之下时（增减/合\
               计），所比较的是同名的列。只有两侧各恰好是一列时，才使用这一对列。所比较列中的短\
               横线按零计。增长率列（增减%、增加率，或增减组下的比率列）等于 (本年 − 上年) ÷ 上\
               年，以百分数表示，使用同样的两列。",
        why: "增减列是读者最先看的地方；如果它不能由旁边的两个金额推出，那就是它打错了，或者其中\
              一个金额打错了。",
        tolerance: "每个金额代表其末位 ±½ 的区间：14206.91 − 14204.09 = 2.82，对印出的 2.8 成立。\
                    以百分数印出数字的列属于比率列，交由比率核对处理。符号印反的增减额不成立，并\
                    指出符号颠倒是其可能原因。增长率按其各输入值区间的端点组合来判定；如果它与以\
                    本年为基数算出的结果相符，则指出这一原因。",
        example: "本年度 3,160,840，上年度 2,503,949，比较 665,891，不成立：3,160,840 − 2,503,949 \
                  = 656,891。",
    },
    find,
};

/// The words a change of amounts goes by; a rate's words (率, %, 幅) rule a header out.
const CHANGE: &[&str] = &[
    "增减",
    "增減",
    "比较",
    "比較",
    "差额",
    "差額",
    "增（减）",
    "增(减)",
    "增(+)减(-)",
    "增（+）减（-）",
    "增加(减少)",
    "增加（减少）",
    "差异",
    "差異",
    "变动额",
    "變動額",
];
/// Words of this year's (or this period's) column, and of last year's.
const THIS: &[&str] = &["本年", "本期", "本次", "今年", "当年", "當年"];
const LAST: &[&str] = &["上年", "上期", "去年", "上次", "同期"];
/// Words of a final or executed amount, set against a budget.
const DONE: &[&str] = &["决算", "決算", "执行", "執行", "完成", "实际", "實際"];
const BUDGET: &[&str] = &["预算", "預算", "计划", "計劃"];

fn has(h: &str, words: &[&str]) -> bool {
    words.iter().any(|w| h.contains(w))
}

/// A header without its spaces ("比        較") and list commas ("增、减金额").
fn squeezed(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace() && *c != '、')
        .collect()
}

/// The header's own name: after the last group.
fn own(h: &str) -> &str {
    h.rsplit('/').next().unwrap_or(h)
}

/// A change column's header: a change's words, not a rate's, not a reason's.
fn is_change(h: &str) -> bool {
    has(h, CHANGE) && !is_rate_header(h) && !has(h, &["幅", "原因", "说明", "說明"])
}

/// The two columns change column `c` compares, (minuend, subtrahend), each the only column
/// that fits among those holding figures (`filled`: how many rows hold one, by column).
fn compared(headers: &[String], filled: &[usize], c: usize) -> Option<(usize, usize)> {
    let h = headers.get(c)?;
    let grouped = h.contains('/');
    // a candidate: an amount column other than a change or rate column, of the same name as
    // the change column's where that sits under a group (增减/合计 against 2020年/合计)
    let numeric = |k: usize| filled.get(k).is_some_and(|&n| n > 0);
    let candidate = |k: usize, hk: &str| {
        k != c
            && numeric(k)
            && !hk.is_empty()
            && !is_change(hk)
            && !is_rate_header(hk)
            && !has(hk, &["结转", "結轉", "结余", "結餘"])
            && (!grouped || !hk.contains('/') || own(hk) == own(h))
    };
    let one = |pred: &dyn Fn(&str) -> bool| unique(headers, |k, hk| candidate(k, hk) && pred(hk));
    let pair = |a: Option<usize>, b: Option<usize>| a.zip(b).filter(|(a, b)| a != b);
    // under a group that is not a change: of a period (累计/本期, 累计/同期, 累计/增减额), its
    // this and last period's columns; of an amount (2020年执行数/金额, 2020年执行数/比上年增长%),
    // that amount and the one column of last year (上年…, or the year before the group's)
    if let Some((group, _)) = h.rsplit_once('/').filter(|(g, _)| !has(g, CHANGE)) {
        let inside = |hk: &str| hk.strip_prefix(group).is_some_and(|r| r.starts_with('/'));
        let year = |hk: &str| years(hk).first().and_then(|y| y.parse::<u16>().ok());
        let before = year(group).map(|y| y.saturating_sub(1));
        let amount =
            |k: usize, hk: &str| k != c && numeric(k) && !is_change(hk) && !is_rate_header(hk);
        let within = headers
            .iter()
            .enumerate()
            .filter(|(k, hk)| amount(*k, hk) && inside(hk))
            .count();
        if within > 1 {
            return pair(
                unique(headers, |k, hk| {
                    amount(k, hk) && inside(hk) && has(hk, THIS) && !has(hk, LAST)
                }),
                unique(headers, |k, hk| {
                    amount(k, hk) && inside(hk) && has(hk, LAST) && !has(hk, THIS)
                }),
            );
        }
        return pair(
            unique(headers, |k, hk| amount(k, hk) && inside(hk)),
            unique(headers, |k, hk| {
                amount(k, hk)
                    && !inside(hk)
                    && (has(hk, LAST) || before.is_some() && year(hk) == before)
            }),
        );
    }
    // the two years the header names, the later first
    let named = years(h);
    if let [x, y, ..] = named.as_slice() {
        let (late, early) = if x > y { (*x, *y) } else { (*y, *x) };
        if late != early {
            return pair(
                one(&|hk| hk.contains(late) && !hk.contains(early)),
                one(&|hk| hk.contains(early) && !hk.contains(late)),
            );
        }
    }
    // this year's column (or the one column naming a year) and last year's
    let this = one(&|hk| has(hk, THIS) && !has(hk, LAST))
        .or_else(|| one(&|hk| !years(hk).is_empty() && !has(hk, LAST)));
    if let Some(p) = pair(this, one(&|hk| has(hk, LAST) && !has(hk, THIS))) {
        return Some(p);
    }
    // the only two columns naming a year, each one year
    let mut dated: Vec<(usize, &str)> = Vec::new();
    for (k, hk) in headers.iter().enumerate() {
        if candidate(k, hk) {
            if let [y] = years(hk).as_slice() {
                dated.push((k, y));
            }
        }
    }
    if let [(a, ya), (b, yb)] = dated.as_slice() {
        if ya != yb {
            return Some(if ya > yb { (*a, *b) } else { (*b, *a) });
        }
        return None;
    }
    // a change on the budget (决算比预算增减), or a table of two amounts besides the change:
    // the final (or executed) amount and the budget
    let amounts = headers
        .iter()
        .enumerate()
        .filter(|(k, hk)| candidate(*k, hk))
        .count();
    // (not where the header names a year or last year the table does not have)
    let dated_header = has(h, THIS) || has(h, LAST) || !named.is_empty();
    if !dated_header && (has(h, BUDGET) || has(h, DONE) || amounts == 2) {
        return pair(
            one(&|hk| has(hk, DONE) && !has(hk, BUDGET)),
            one(&|hk| has(hk, BUDGET) && !has(hk, DONE)),
        );
    }
    None
}

/// An operand of row `r`: its figure, or zero for a dash.
fn operand(t: &Table, r: usize, k: usize) -> Option<Expr> {
    let cell = t.cell(r, k)?;
    match (cell.kind, cell.figure) {
        (CellKind::Figure, Some(id)) => Some(Expr::Fig(id)),
        (CellKind::Dash, _) => Some(Expr::int(0)),
        _ => None,
    }
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for t in &doc.tables {
        if t.header_rows == 0 || is_self_eval(t) {
            continue;
        }
        let headers: Vec<String> = (0..t.width())
            .map(|c| squeezed(&t.column_header(c)))
            .into_vec();
        // how many rows below the header hold a figure, by column: only such columns can
        // be compared, and a row blank where nearly every row is filled was copied askew
        let filled: Vec<usize> = (0..t.width())
            .map(|k| {
                (t.header_rows..t.rows().len())
                    .filter(|&r| t.figure(r, k).is_some())
                    .count()
            })
            .into_vec();
        for (c, h) in headers.iter().enumerate() {
            let rate = is_growth(h);
            if !rate && !is_change(h) {
                continue;
            }
            // a rate under a change's group (本年度與上年度比較/增加率) compares what the
            // change beside it compares
            let group = h.rsplit_once('/').map_or("", |(g, _)| g);
            let beside = headers
                .iter()
                .position(|hk| rate && !group.is_empty() && hk.starts_with(group) && is_change(hk));
            if let Some(pair) = compared(&headers, &filled, beside.unwrap_or(c)) {
                column(doc, t, (&headers, &filled), c, pair, rate, out);
            }
        }
    }
}

/// A rate of change's header: 增加率, 增减%, or a rate under a change's group — not a
/// change of a share (比重增减, in percentage points).
fn is_growth(h: &str) -> bool {
    (is_rate_header(own(h)) || has(own(h), &["幅度", "增幅"]))
        && (has(h, CHANGE) || has(own(h), &["增长", "增長", "增加", "增幅"]))
        && !has(
            h,
            &[
                "比重",
                "占比",
                "佔比",
                "比例",
                "百分点",
                "百分點",
                "原因",
                "说明",
                "說明",
            ],
        )
}

/// The relations of change column `c` on the columns `(a, b)` it compares, one a row: a −
/// b, or for a column of growth rates (a − b) ÷ b in per cent. A change column printing
/// any figure in per cent is a rate's, not a change of amounts; a rate on a dash (zero)
/// is not checked.
fn column(
    doc: &Document,
    t: &Table,
    (headers, filled): (&[String], &[usize]),
    c: usize,
    (a, b): (usize, usize),
    rate: bool,
    out: &mut Out,
) {
    let rows = t.header_rows..t.rows().len();
    if !rate
        && rows
            .clone()
            .any(|r| t.figure(r, c).is_some_and(|f| doc.is_percent(f)))
    {
        return;
    }
    // a row left blank in two or more columns that nearly every row fills, after its last
    // cell, lost its blank cells in the middle when the table was copied out ("国税征收 | 124
    // | 21 | -21 | -100.0 | ||||||" under 年度预算 | 本期 | 同期 | 增减额 | 增减率 …): its
    // figures sit in the wrong columns
    let n = rows.len();
    let moved = |r: usize| {
        let cells = t.cells_of(r);
        let last = (0..cells.len())
            .rev()
            .find(|&k| cells.kind(k).is_some_and(|x| x != CellKind::Blank))
            .map_or(0, |k| k + 1);
        (last..t.width())
            .filter(|&k| filled.get(k).is_some_and(|&f| f * 4 >= n * 3))
            .count()
            >= 2
    };
    // a column is named by its header's words, the group's first (累计/增减额 is 累计增减额),
    // and by its group alone under a plain 金额 (本年度預算數/金額 is 本年度預算數)
    let name = |k: usize| {
        let h = headers.get(k).map_or("", String::as_str);
        match h.rsplit_once('/') {
            Some((group, "金额" | "金額" | "数额" | "數額")) => group.to_string(),
            Some((group, rest)) => [group, rest].concat(),
            None => h.to_string(),
        }
    };
    let (nc, na, nb) = (name(c), name(a), name(b));
    let (nc, na, nb) = (nc.as_str(), na.as_str(), nb.as_str());
    for r in rows {
        // a rate's base is a printed figure: on a dash (zero) there is no rate to check
        let side = |k| match rate {
            true => t.figure(r, k).map(Expr::Fig),
            false => operand(t, r, k),
        };
        let (Some(target), Some(x), Some(y)) = (t.figure(r, c), side(a), side(b)) else {
            continue;
        };
        if moved(r) {
            continue;
        }
        let change = Expr::difference(x.clone(), y.clone());
        let mut what = clean_label(t.row_label(r)) + " " + nc + " = ";
        let rel = if rate {
            what = what + "(" + na + " − " + nb + ") ÷ " + nb;
            Relation::equals(
                Rule::ChangeColumn,
                target,
                Expr::pct(change.clone(), y),
                Text::new(what.clone(), what),
            )
            .alternative(Cause::ThisYearBase, Expr::pct(change, x))
            .zero_base_fails()
            .monotone()
        } else {
            what = what + na + " − " + nb;
            let (zh, en) = (
                String::from("印成了 ") + nb + " − " + na + "（正负号相反）",
                String::from("printed as ") + nb + " − " + na + " (the sign reversed)",
            );
            Relation::equals(
                Rule::ChangeColumn,
                target,
                change,
                Text::new(what.clone(), what),
            )
            .alternative(Cause::Other(Text::new(zh, en)), Expr::difference(y, x))
        };
        out.push(rel);
    }
}

#[cfg(test)]
mod tests {
    fn found(text: &str) -> Vec<(String, &'static str)> {
        crate::check_str(text)
            .unwrap()
            .checks
            .iter()
            .filter(|e| e.rule == "change-column")
            .map(|e| (e.reported.clone(), e.status.as_str()))
            .collect()
    }

    #[test]
    fn a_dash_in_a_compared_column_is_zero() {
        // a Taiwan central budget's table (1999), abridged
        let text = "─────┬─────┬─────┬─────\n 項 目 │本 次 預 算 數│ 上年度預算數 │ 比        較\n─────┼─────┼─────┼─────\n5.其他收入 │ 213,408 │ 123,669 │ 89,739\n6.公債及賒借收入 │ - │ 220,329 │ -220,329\n";
        assert_eq!(
            found(text),
            [
                ("89,739".to_string(), "pass"),
                ("-220,329".to_string(), "pass")
            ]
        );
        let wrong = text.replace("-220,329\n", "220,329\n");
        assert_eq!(found(&wrong)[1], ("220,329".to_string(), "fail"));
    }

    #[test]
    fn a_change_goes_by_any_of_its_names() {
        for name in [
            "增（+）减（-）",
            "增加（减少）",
            "决算与预算差异",
            "决算比预算增减",
        ] {
            let text = format!("项目\t预算数\t决算数\t{name}\n合计\t30.00\t27.45\t-2.55\n");
            assert_eq!(found(&text), [("-2.55".to_string(), "pass")], "{name}");
        }
        // a change on last year is not the final amount against the budget
        let text = "项目\t预算数\t决算数\t比上年增减\n合计\t30.00\t27.45\t-2.55\n";
        assert!(found(text).is_empty());
    }

    #[test]
    fn a_side_matched_by_two_columns_compares_nothing() {
        // last year's budget and last year's final: which one the change is on is not said
        let text = "项目\t本年预算数\t上年预算数\t上年决算数\t增减额\n合计\t120\t100\t90\t20\n";
        assert!(found(text).is_empty());
        let one = "项目\t本年预算数\t上年预算数\t增减额\n合计\t120\t100\t20\n";
        assert_eq!(found(one), [("20".to_string(), "pass")]);
    }

    #[test]
    fn rates_reasons_changes_of_a_share_and_rates_on_nothing_are_not_checked() {
        // a change column printed in per cent is a rate's; a reason column holds no change;
        // a change of a share is in percentage points, not a growth rate
        for text in [
            "项目\t2019年\t2020年\t增减\n合计\t100\t120\t20%\n",
            "项目\t2019年\t2020年\t增减原因\n合计\t100\t120\t20\n",
            "项目\t2019年\t2020年\t比重增减%\n合计\t100\t120\t20\n",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        // a growth rate on a dash (nothing last year) has no base to be checked on
        let text = "项目\t2019年\t2020年\t增减%\n甲\t-\t120\t100\n乙\t50\t60\t20\n";
        assert_eq!(found(text), [("20".to_string(), "pass")]);
    }

    #[test]
    fn a_growth_rate_is_on_the_earlier_column() {
        let text = "科目\t2019年预算数\t2020年预算数\t增减%\n合计\t1700.50\t1870.20\t9.98\n";
        assert_eq!(found(text), [("9.98".to_string(), "pass")]);
        // on this year's base: 169.70 ÷ 1870.20 = 9.07%
        let wrong = text.replace("9.98", "9.07");
        let r = crate::check_str(&wrong).unwrap();
        let e = r.checks.iter().find(|e| e.rule == "change-column").unwrap();
        let cause = e.cause.as_ref().map(|c| c.id);
        assert_eq!((e.status.as_str(), cause), ("fail", Some("this-year-base")));
    }
}
