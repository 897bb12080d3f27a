//! `saving`: a procurement's saving and its rate ("采购计划金额共计97156.16万元,实际采购金额
//! 共计81298.42万元,共节约资金15857.74万元,节约率为16%").

use super::{Check, Out};
use crate::claims::prose::{amount, is_money, without_linking, Kind, Mention, Prose};
use crate::claims::Claims;
use crate::relation::{Expr, Relation, Rule, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::Saving,
    title_zh: "节约资金与节约率",
    title_en: "A procurement's saving and its rate",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "Procurement statistics state what was budgeted (采购计划金额, 预算金额), what was \
               paid (实际采购金额, 采购规模) and the saving (节约资金) with its rate (节约率): the \
               saving is the budget less the amount paid, and the rate is the saving over the \
               budget — over the amount paid plus the saving where the budget is not printed \
               (\"采购规模为32.72亿元,较采购计划节约资金5.51亿元,资金节约率达14.41%\": 5.51 ÷ \
               38.23). The amounts are the sentence's, before the saving.",
        why: "The saving rate is the headline of every procurement report; one worked over the \
              amount paid instead of the budget overstates it.",
        tolerance: "Every amount and the rate stand for ±½ of their last digit.",
        example: "实际采购金额14993.34万元,节约资金1375.18万元,节约率为9.17% fails: 1375.18 ÷ \
                  (14993.34 + 1375.18) = 8.40%; 9.17% is the saving over the amount paid.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what:
            "采购统计会列出预算数（采购计划金额、预算金额）、实际支付数（实际采购金额、采购规模）\
             以及节约资金及其节约率：节约资金等于预算减去实际支付金额，节约率等于节约资金除以\
             预算；如果预算没有印出，则等于节约资金除以实际支付金额与节约资金之和（“采购规模为\
             32.72亿元,较采购计划节约资金5.51亿元,资金节约率达14.41%”：5.51 ÷ 38.23）。所用的\
             金额取自同一句中、位于节约资金之前的数字。",
        why: "节约率是每份采购报告的重点数字；用实际支付金额而不是预算作基数来计算，会夸大节约率。",
        tolerance: "每个金额和节约率都代表其末位 ±½ 的区间。",
        example: "“实际采购金额14993.34万元,节约资金1375.18万元,节约率为9.17%”不成立：1375.18 ÷ (\
                  14993.34 + 1375.18) = 8.40%；9.17% 是节约资金除以实际支付金额得出的。",
    },
    find,
};

const RULE: Rule = Rule::Saving;

/// Whether the words before a rate name a saving rate ("节约率为", "资金节约率达").
fn saving_rate(lead: &str) -> bool {
    let named = without_linking(lead).trim_end_matches("到");
    ["节约率", "节支率", "节约比例", "节约比率", "節約率"]
        .iter()
        .any(|w| named.ends_with(w))
}

/// Whether the words before an amount name it as saved ("节约资金", "共节约资金", "较采购计划
/// 节约资金").
fn saved(lead: &str) -> bool {
    ["节约", "节支", "節約"].iter().any(|w| lead.contains(w))
}

/// Whether the words before an amount name it as budgeted ("采购计划金额共计", "预算执行").
fn budgeted(lead: &str) -> bool {
    ["计划", "預算", "预算", "計劃"]
        .iter()
        .any(|w| lead.contains(w))
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for p in &claims.prose {
        for (i, r) in p.mentions.iter().enumerate() {
            if !r.percent || !saving_rate(&r.lead) {
                continue;
            }
            find_one(doc, p, i, r, out);
        }
    }
}

fn find_one(doc: &crate::document::Document, p: &Prose<'_>, i: usize, r: &Mention, out: &mut Out) {
    let before = p.mentions.get(..i).unwrap_or(&[]);
    let in_sentence = || before.iter().rev().take_while(|m| m.sentence == r.sentence);
    // the saving: the nearest amount named as saved, right before the rate
    let Some(s) = in_sentence().find(|m| is_money(m.unit)) else {
        return;
    };
    if !saved(&s.lead) {
        return;
    }
    let unit = doc.figure(s.fig).and_then(|f| f.unit);
    let others = || {
        in_sentence().filter(|m| {
            m.at < s.at && is_money(m.unit) && matches!(m.kind, Kind::Level | Kind::Budget)
        })
    };
    // what was paid: the nearest amount before it not named as budgeted; the budget: the
    // nearest named so, before what was paid
    let Some(paid) = others().find(|m| !budgeted(&m.lead)) else {
        return;
    };
    let plan = others().find(|m| m.at < paid.at && budgeted(&m.lead));
    let context = p.sentence_text(r.at);
    let (base, base_zh, base_en) = match plan {
        Some(b) => (amount(doc, b.fig, unit), "预算（计划）数", "the budget"),
        None => (
            Expr::sum([amount(doc, paid.fig, unit), Expr::Fig(s.fig)]),
            "（实际数 + 节约额）",
            "(amount paid + saving)",
        ),
    };
    out.push(
        Relation::equals(
            RULE,
            r.fig,
            Expr::pct(Expr::Fig(s.fig), base),
            Text::new(
                format!("节约率 = 节约额 ÷ {base_zh}"),
                format!("saving rate = saving ÷ {base_en}"),
            ),
        )
        .alternative(
            crate::relation::Cause::WrongBase(Text::new("实际采购金额", "the amount paid")),
            Expr::pct(Expr::Fig(s.fig), amount(doc, paid.fig, unit)),
        )
        .context(context.clone()),
    );
    if let Some(b) = plan {
        out.push(
            Relation::equals(
                RULE,
                s.fig,
                Expr::difference(amount(doc, b.fig, unit), amount(doc, paid.fig, unit)),
                Text::new(
                    "节约额 = 预算（计划）数 − 实际数",
                    "saving = budget − amount paid",
                ),
            )
            .context(context),
        );
    }
}

#[cfg(test)]
mod tests {
    fn verdicts(text: &str) -> Vec<(String, String)> {
        crate::checks::reported(text, "saving")
    }

    use crate::checks::own;

    #[test]
    fn a_saving_is_the_budget_less_the_amount_paid_and_its_rate_is_on_the_budget() {
        // a city's 2019 procurement summary: 97156.16 − 81298.42 = 15857.74, ÷ 97156.16 =
        // 16.32 %
        let text =
            "本年度共采购项目473个,采购计划金额共计97156.16万元,实际采购金额共计81298.42万元,\
                    共节约资金15857.74万元,节约率为16%。\n";
        assert_eq!(
            verdicts(text),
            own(&[("15857.74", "pass"), ("16%", "pass")])
        );
        // on the amount paid instead: 19.5 %
        let paid = text.replace("16%", "19.5%");
        assert_eq!(
            verdicts(&paid),
            own(&[("15857.74", "pass"), ("19.5%", "fail")])
        );
        let wrong = text.replace("15857.74", "15757.74");
        let got = verdicts(&wrong);
        assert!(
            got.contains(&("15757.74".to_string(), "fail".to_string())),
            "{got:?}"
        );
    }

    #[test]
    fn without_a_budget_the_base_is_the_amount_paid_and_the_saving() {
        // a city's 2024 news: 5.51 ÷ (32.72 + 5.51) = 14.41 %; 山东's 2020 news, a change
        // between: 140.74 ÷ (2905.8 + 140.74) = 4.62 %
        let text =
            "2024年,全市政府采购规模为32.72亿元,较采购计划节约资金5.51亿元,资金节约率达14.41%,\
                    创历史新高。\n";
        assert_eq!(verdicts(text), own(&[("14.41%", "pass")]));
        assert_eq!(
            verdicts(&text.replace("14.41%", "16.84%")),
            own(&[("16.84%", "fail")])
        );
        let change = "2020年全省共完成政府采购额2905.8亿元,比上年增加292.66亿元,增长11.2%;\
                      节约财政资金140.74亿元,节约率达到4.62%。\n";
        assert_eq!(verdicts(change), own(&[("4.62%", "pass")]));
        // a rate whose amount before it is no saving is not read
        let other = "全市政府采购规模为32.72亿元,货物类采购10亿元,节约率为14.41%。\n";
        assert_eq!(verdicts(other), own(&[]));
    }
}
