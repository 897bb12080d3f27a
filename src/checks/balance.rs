//! `balance`: a two-sided summary table balances: 收入总计 = 支出总计.

use super::{Check, Out};
use crate::claims::prose::{amount, is_money, Kind, Mention};
use crate::claims::table::{clean_label_is, is_code_column};
use crate::claims::Claims;
use crate::figure::CellKind;
use crate::relation::Rule;
use crate::relation::{Expr, Relation, Text};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::Balance,
    title_zh: "收入总计等于支出总计",
    title_en: "Income total equals expenditure total",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In a two-sided summary table (收入支出总表, 财政拨款收入支出总表) the row 总计 is \
               printed on both sides: income on the left, expenditure on the right. Column by \
               column, the right-hand 总计 equals the left-hand one. In the text, a 总支出 (支出\
               总计) stated within forty figures after a 总收入 (收入总计) of the same scope is \
               said to balance when it does; 总支出 in words may leave out what is carried \
               forward, so a difference there is not reported. A failure is reported at the \
               expenditure 总计, unless the income 总计 also disagrees with its own rows and the \
               expenditure one, which fails nothing else, would make them add up: then at the \
               income 总计.",
        why: "Every yuan received is spent or carried forward: a summary that does not balance \
              has lost or invented money, and the other tables are then suspect too.",
        tolerance: "Both totals stand for ±½ of their last digit; they agree when the intervals \
                    meet.",
        example: "收入 总计 1,050.00 | 支出 总计 1,005.00 fails: expected 1,050.00.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "在左右两栏的汇总表（收入支出总表、财政拨款收入支出总表）中，总计行在两侧都有印出：\
               左侧为收入，右侧为支出。逐列核对，右侧的总计等于左侧的总计。在正文中，如果在总收\
               入（收入总计）之后四十个数字以内出现同一口径的总支出（支出总计），两者相等时报告\
               为平衡；文字中的总支出可能不含结转部分，因此两者有差额时不予报告。不成立时，报告\
               在支出总计处；但如果收入总计同时与其自身各行不符，而支出总计本身没有其他不成立之\
               处、且用它能使这些行加总相符，则报告在收入总计处。",
        why: "收到的每一元钱，要么支出，要么结转：不平衡的汇总表意味着钱被弄丢了或凭空多出来了，\
              其他各表也因此值得怀疑。",
        tolerance: "两个总计都代表其末位 ±½ 的区间；两个区间相交即为一致。",
        example: "收入 总计 1,050.00 | 支出 总计 1,005.00，不成立：应为 1,050.00。",
    },
    find,
};

/// How many figures of the text may come between a 总收入 and its 总支出.
const TOTALS_APART: usize = 40;

/// "本单位2021年度总收入 581.45 万元，…" then "(二)本单位2021年度总支出 581.45 万元，…": a
/// final account's totals balance (总计 counts what is carried forward), but 总支出 in
/// words may leave that out, so the text's pair is said to balance only when it does.
fn text_totals(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    let mut income: Option<(usize, &Mention)> = None;
    let mut seen = 0usize;
    for p in &claims.prose {
        for m in &p.mentions {
            seen += 1;
            if m.kind != Kind::Level || m.inner || !is_money(m.unit) {
                continue;
            }
            let label = m.label.as_str();
            if label.contains("收入") && label.contains("支出") {
                continue;
            }
            if label.ends_with("总收入") || label.ends_with("收入总计") {
                income = Some((seen, m));
                continue;
            }
            if !(label.ends_with("总支出") || label.ends_with("支出总计")) {
                continue;
            }
            let Some((at, i)) = income else { continue };
            if i.scope.same_account(&m.scope) && seen - at <= TOTALS_APART {
                out.push(
                    Relation::equals(
                        Rule::Balance,
                        m.fig,
                        amount(doc, i.fig, m.unit),
                        Text::new("总支出 = 总收入", "total spending = total income"),
                    )
                    .context(p.full_sentence(m.at))
                    .only_if_holds(),
                );
                income = None;
            }
        }
    }
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    text_totals(claims, out);
    let doc = claims.doc;
    for t in &doc.tables {
        for (r, row) in t.rows().iter().enumerate().skip(t.header_rows) {
            // the cells of words only, found by kind before any text is opened; a row of
            // one such cell (most rows) has no two sides
            let first = row.cells.position_of(CellKind::Text, 0);
            if first.is_none_or(|i| row.cells.position_of(CellKind::Text, i + 1).is_none()) {
                continue;
            }
            let mut labels: Vec<usize> = Vec::new();
            let mut at = first;
            while let Some(i) = at {
                if row
                    .cells
                    .get(i)
                    .is_some_and(|c| clean_label_is(c.text, "总计"))
                {
                    labels.push(i);
                }
                at = row.cells.position_of(CellKind::Text, i + 1);
            }
            let [left, right] = labels.as_slice() else {
                continue;
            };
            // amounts of each side, in order, 行次 skipped
            let side = |from: usize, to: usize| -> Vec<usize> {
                (from + 1..to)
                    .filter(|&k| !is_code_column(t, k) && t.figure(r, k).is_some())
                    .filter_map(|k| t.figure(r, k))
                    .into_vec()
            };
            let income = side(*left, *right);
            let spending = side(*right, row.cells.len());
            if income.len() != spending.len() {
                continue;
            }
            for (&a, &b) in income.iter().zip(&spending) {
                out.push(Relation::equals(
                    Rule::Balance,
                    b,
                    Expr::Fig(a),
                    Text::new("支出总计 = 收入总计", "expenditure total = income total"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The balance entries of a text's report, as (reported, status).
    fn reported(text: &str) -> Vec<(String, String)> {
        super::super::reported(text, "balance")
    }

    /// A summary table's two 总计, each over its side's 合计 and carried-forward rows.
    fn summary(income: &str, carried: &str, spending: &str) -> String {
        format!(
            "收入支出决算总表\n项目\t行次\t金额\t项目\t行次\t金额\n\
             一、财政拨款收入\t1\t100.00\t一、基本支出\t7\t90.00\n\
             二、其他收入\t2\t20.00\t二、项目支出\t8\t40.00\n\
             本年收入合计\t3\t120.00\t本年支出合计\t9\t130.00\n\
             年初结转和结余\t4\t{carried}\t年末结转和结余\t10\t0.00\n\
             总计\t5\t{income}\t总计\t11\t{spending}\n"
        )
    }

    /// Every failure of a text's report as (rule, reported, cause id).
    fn failures(text: &str) -> Vec<(String, String, Option<String>)> {
        crate::check_str(text)
            .expect("the text is read")
            .checks
            .iter()
            .filter(|e| e.status == "fail")
            .map(|e| {
                (
                    e.rule.id().to_string(),
                    e.reported.clone(),
                    e.cause.as_ref().map(|c| c.id.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn a_wrong_income_total_is_reported_not_the_spending_total_it_disagrees_with() {
        let fail = |rule: &str, reported: &str, cause: Option<&str>| {
            (
                rule.to_string(),
                reported.to_string(),
                cause.map(str::to_string),
            )
        };
        // 120 + 10 = 130, as the spending side: the income 总计 140.00 is the wrong one
        let report = crate::check_str(&summary("140.00", "10.00", "130.00")).expect("read");
        let turned = report
            .checks
            .iter()
            .find(|e| e.rule.id() == "balance")
            .expect("a balance entry");
        assert_eq!(turned.expected.as_deref(), Some("130.00"));
        assert!(turned.message.zh.starts_with("收入总计 = 支出总计"));
        assert_eq!(
            failures(&summary("140.00", "10.00", "130.00")),
            [
                fail("balance", "140.00", Some("own-parts-disagree")),
                fail("total-row", "140.00", Some("doubled-part")),
            ]
        );
        // the spending total the wrong one: reported there, as found
        assert_eq!(
            failures(&summary("130.00", "10.00", "140.00")),
            [
                fail("balance", "140.00", None),
                fail("total-row", "140.00", None),
            ]
        );
        // 120 + 20 = 140: the spending side's 130.00 would not make the income side add up
        // either, so the comparison stays where it was found
        assert_eq!(
            failures(&summary("150.00", "20.00", "130.00")),
            [
                fail("total-row", "150.00", None),
                fail("balance", "130.00", None),
            ]
        );
    }

    #[test]
    fn the_texts_total_spending_balances_its_total_income_when_it_does() {
        // in two paragraphs, one in 元 and one in 万元
        assert_eq!(
            reported("（一）本单位2021年度总收入 581.45 万元，其中本年收入 390.55 万元。\n（二）本单位2021年度总支出 5814500 元，其中本年支出 480.71 万元。\n"),
            [("5814500".to_string(), "pass".to_string())]
        );
        // 总支出 without what is carried forward: nothing said
        assert_eq!(
            reported("本单位总收入 581.45 万元。\n本单位总支出 480.71 万元。\n"),
            []
        );
        // another year's total, or too far apart: not paired
        assert_eq!(
            reported("2021年总收入 581.45 万元。2020年总支出 581.45 万元。\n"),
            []
        );
        let apart = format!(
            "总收入 581.45 万元。\n{}总支出 581.45 万元。\n",
            "本年支出 1 万元。\n".repeat(40)
        );
        assert_eq!(reported(&apart), []);
    }
}
