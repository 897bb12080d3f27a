//! `surplus`: a 收支结余 stated in the text is its income minus its spending.

use super::{Check, Out};
use crate::claims::prose::{
    amount, is_money, names_a_past_year, same_family, Kind, Mention, Prose,
};
use crate::claims::Claims;
use crate::figure::FigSet;
use crate::relation::{Expr, Relation, Rule, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::Surplus,
    title_zh: "收支结余等于收入减支出",
    title_en: "A stated balance is income minus spending",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In the text, \"本年收入 A，…；本年支出 B，…；本年收支结余 C\" states the balance of \
               the income and spending just named: C = A − B. The income and spending are the \
               nearest totals before the balance in the same paragraph and scope (the same \
               fund, budget and level; a 其中 part such as 基本养老金支出 is not a total), named \
               alike (本年收入 / 本年支出, 总收入 / 总支出). \"…收入合计 A。…支出合计 B。上述收支相抵，年终\
               结余 C\" sets the totals just stated against each other: C = A − B, the spending total \
               from the sentence before, the income total from at most two sentences before that \
               (年终结转 C or 结转下年 C, carried into next year, alike). A deficit set so is the \
               spending less \
               the income: \"收入总量为 209028 亿元；…支出总量为 \
               246628 亿元；收支总量相抵，全国财政赤字 37600 亿元\" (a budget's own spending, \
               \"中央一般公共预算支出 B\", where nothing is added to it).",
        why: "A balance is computed once and copied into several places; a digit slip or a \
              stale income figure shows as a balance that does not follow from its two sides.",
        tolerance: "Each printed amount stands for ±½ of its last digit: 50112 − 43605 = 6507, \
                    so a printed 6508 holds within rounding (the three could be 50112.4, \
                    43604.6 and 6507.8).",
        example: "本年收入 18300 亿元，本年支出 13948 亿元，本年收支结余 4351 亿元 holds (4352 within \
                  rounding); 4315 亿元 fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "正文中，“本年收入 A，…；本年支出 B，…；本年收支结余 C”表述的是刚刚提到的收入与支出\
               相抵后的结余：C = A − B。收入和支出取结余之前、同一段落、同一口径（同一基金、同一\
               预算、同一级次；像基本养老金支出这样的其中项不算合计）中最近的合计，并且名称要相\
               对应（本年收入 / 本年支出，总收入 / 总支出）。“…收入合计 A。…支出合计 B。上述收支\
               相抵，年终结余 C”是把刚刚列出的两个合计相抵：C = A − B，支出合计取自前一句，收入\
               合计取自再往前至多两句之内（“年终结转 C”或“结转下年 C”，即结转到下一年的数，同样\
               处理）。以这种方式相抵得出的赤字是支出减收入：“收入总量为 209028 亿元；…支出总量\
               为 246628 亿元；收支总量相抵，全国财政赤字 37600 亿元”（支出也可以是某一预算本身\
               的支出，如“中央一般公共预算支出 B”，条件是其上没有再加其他项）。",
        why: "结余只计算一次，却会被抄到多个地方；数字笔误或收入数没有及时更新，都会表现为结余与\
              收支两端对不上。",
        tolerance: "每个印出的金额代表其末位 ±½ 的区间：50112 − 43605 = 6507，所以印出的 6508 属\
                    于舍入内成立（这三个数可能分别是 50112.4、43604.6 和 6507.8）。",
        example: "“本年收入 18300 亿元，本年支出 13948 亿元，本年收支结余 4351 亿元”成立（计算值\
                  为 4352，舍入内成立）；若为 4315 亿元则不成立。",
    },
    find,
};

const RULE: Rule = Rule::Surplus;

/// How many amounts back a balance looks for its two sides.
const LOOK_BACK: usize = 24;

/// The name before 收入 or 支出 ("本年", "总", "全国社会保险基金总").
fn side_prefix<'l>(label: &'l str, side: &str) -> Option<&'l str> {
    label.strip_suffix(side)
}

/// The scope without its side: a balance names both.
fn sided(m: &Mention) -> crate::claims::scope::Scope {
    let mut s = m.scope;
    s.side = None;
    s
}

fn alike(a: &str, b: &str) -> bool {
    a.ends_with(b) || b.ends_with(a)
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    let mut parts = FigSet::default();
    parts.extend(
        claims
            .breakdowns
            .iter()
            .filter(|b| !b.numbered)
            .flat_map(|b| b.parts.iter().map(|x| x.0)),
    );
    for (pi, p) in claims.prose.iter().enumerate() {
        for (i, m) in p.mentions.iter().enumerate() {
            if m.kind != Kind::Level || !is_money(m.unit) {
                continue;
            }
            let rel = if m.label.ends_with("收支结余") {
                balance(doc, p, i, m, &parts)
            } else {
                offset(doc, &claims.prose, pi, i)
            };
            if let Some(rel) = rel {
                out.push(rel);
            }
        }
    }
}

/// The words naming an amount, without the 为 (是, ：) that introduces it.
fn lead_name(m: &Mention) -> &str {
    m.lead.trim_end_matches(&['为', '是', ':', '：'][..])
}

/// How many paragraphs back "上述收支相抵" looks for the totals it sets against each other.
const OFFSET_PARAGRAPHS: usize = 2;

/// "…收入合计 514601 万元。\n…支出合计 448985 万元。\n上述收支相抵，年终结余 65616 万元": the
/// balance after 收支相抵 is the 支出合计 (支出总计, 总支出) of the sentence before (or its
/// own) less the 收入合计 (收入总计, 总收入) of that sentence or one of the two before it (a
/// 其中 sentence may stand between), in its
/// paragraph or the two before; the balance is the first amount after 收支相抵, a few words
/// on, and named 结余. A 赤字 after 收支相抵 (收支总量相抵) is the spending less the income,
/// 收入总量 and 支出总量 totals too. Where the sentences before name no such totals ("国有资本
/// 经营收入 1493 万元，上级补助收入 44 万元，…国有资本经营支出 1459 万元"), nothing is said.
fn offset(
    doc: &crate::document::Document,
    prose: &[Prose<'_>],
    pi: usize,
    i: usize,
) -> Option<Relation> {
    let p = prose.get(pi)?;
    let m = p.mentions.get(i)?;
    // "收支总量相抵，全国财政赤字 37600 亿元": a deficit is spending less income
    let deficit = m.label.ends_with("赤字");
    // ("收支相抵,年终结转 608713 万元": the balance carried into next year)
    // ("收支相抵,结转下年 32.65 亿元", a city's 2023 report)
    let carried = ["结转", "结转下年", "结转下年度"]
        .iter()
        .any(|w| m.label.ends_with(w))
        && !names_a_past_year(&m.label);
    if !(m.label.ends_with("结余") || carried || deficit) {
        return None;
    }
    let from = p.mentions.get(..i)?.last().map_or(0, |x| x.at + 1);
    let words = p.text_between(from, m.at);
    let (_, after) = words
        .split_once("收支相抵")
        .or_else(|| words.split_once("收支总量相抵"))?;
    if after.chars().count() > 8 || after.contains('#') {
        return None;
    }
    // the amounts before, nearest first, with how many sentences back each is: this
    // paragraph's, then the consecutive ones before
    let mut paragraphs = vec![(pi, p.mentions.get(..i)?)];
    let first = pi.saturating_sub(OFFSET_PARAGRAPHS);
    let mut last = p.index;
    for (k, q) in prose.get(first..pi)?.iter().enumerate().rev() {
        if q.index + 1 != last {
            break;
        }
        paragraphs.push((first + k, q.mentions.as_slice()));
        last = q.index;
    }
    let mut back: Vec<(&Mention, usize)> = Vec::new();
    let (mut sentences, mut current) = (0, (pi, m.sentence));
    for (k, ms) in paragraphs {
        for x in ms.iter().rev() {
            if (k, x.sentence) != current {
                sentences += 1;
                current = (k, x.sentence);
            }
            back.push((x, sentences));
        }
    }
    // (named by the words before it: a label drops 合计; 收入总量 and 支出总量 are what a
    // budget has in all to spend and spends, its own revenue plus what it draws in)
    let amount_of_its_own = |x: &Mention| x.kind == Kind::Level && is_money(x.unit) && !x.inner;
    let total = |x: &Mention, side: &str| {
        let lead = lead_name(x);
        amount_of_its_own(x)
            && (["合计", "总计", "总量"]
                .iter()
                .any(|w| lead.ends_with(&format!("{side}{w}")))
                || lead.ends_with(&format!("总{side}")))
    };
    // "收入总量为 107545 亿元。中央一般公共预算支出 134045 亿元，增长 14.3%。收支总量相抵，中央
    // 财政赤字 26500 亿元" (the 2022 central budget): a budget's spending, nothing added to it,
    // is its total
    let spent = |x: &Mention| {
        total(x, "支出") || deficit && amount_of_its_own(x) && lead_name(x).ends_with("预算支出")
    };
    let k_out = back
        .iter()
        .take(LOOK_BACK)
        .take_while(|(_, s)| *s <= 1)
        .position(|(x, _)| spent(x))?;
    let &(spending, s_out) = back.get(k_out)?;
    let &(income, _) = back
        .iter()
        .take(LOOK_BACK)
        .skip(k_out + 1)
        .take_while(|(_, s)| *s <= s_out + 2)
        .find(|(x, _)| total(x, "收入"))?;
    if !same_family(income.unit, spending.unit) {
        return None;
    }
    let (inc, out) = (lead_name(income), lead_name(spending));
    let (income, spending) = (
        amount(doc, income.fig, m.unit),
        amount(doc, spending.fig, m.unit),
    );
    let (what, expr) = if deficit {
        (
            Text::new(
                format!("收支相抵后赤字 = {out} − {inc}"),
                format!("deficit after income less spending = {out} − {inc}"),
            ),
            Expr::difference(spending, income),
        )
    } else {
        (
            Text::new(
                format!("收支相抵后结余 = {inc} − {out}"),
                format!("balance after income less spending = {inc} − {out}"),
            ),
            Expr::difference(income, spending),
        )
    };
    Some(Relation::equals(RULE, m.fig, expr, what).context(p.sentence_text(m.at)))
}

fn balance(
    doc: &crate::document::Document,
    p: &Prose<'_>,
    i: usize,
    m: &Mention,
    parts: &FigSet,
) -> Option<Relation> {
    let before = p.mentions.get(..i)?;
    let total = |side: &str| -> Option<&Mention> {
        before.iter().rev().take(LOOK_BACK).find(|x| {
            x.kind == Kind::Level
                && is_money(x.unit)
                && !parts.contains(x.fig)
                && sided(x).comparable(&sided(m))
                && side_prefix(&x.label, side).is_some()
        })
    };
    let (inc, out) = (total("收入")?, total("支出")?);
    let (pi, po) = (
        side_prefix(&inc.label, "收入")?,
        side_prefix(&out.label, "支出")?,
    );
    if !alike(pi, po) {
        return None;
    }
    let what = Text::new(
        format!("{} = {} − {}", m.label, inc.label, out.label),
        format!("{} = {} − {}", m.label, inc.label, out.label),
    );
    Some(
        Relation::equals(
            RULE,
            m.fig,
            Expr::difference(amount(doc, inc.fig, m.unit), amount(doc, out.fig, m.unit)),
            what,
        )
        .context(p.sentence_text(m.at)),
    )
}

#[cfg(test)]
mod tests {
    use crate::read::read_text;

    fn statuses(text: &str) -> Vec<(String, &'static str)> {
        let r = crate::check_document(&read_text(text));
        r.checks
            .iter()
            .filter(|e| e.rule == "surplus")
            .map(|e| (e.reported.clone(), e.status.as_str()))
            .collect()
    }

    #[test]
    fn each_fund_balances_its_own_income_and_spending() {
        let text = "全国社会保险基金总收入50112亿元，总支出43605亿元；本年收支结余6508亿元。分项情况如下：\n一、企业职工基本养老保险基金\n本年收入28519亿元，比上年增加1965亿元。其中：基本养老保险费收入22407亿元。本年支出25782亿元。其中，基本养老金支出24829亿元。本年收支结余2737亿元，年末滚存结余36577亿元。\n";
        assert_eq!(
            statuses(text),
            [("6508".to_string(), "pass"), ("2737".to_string(), "pass")]
        );
        let wrong = text.replace("结余2737", "结余2773");
        assert_eq!(statuses(&wrong)[1], ("2773".to_string(), "fail"));
    }

    #[test]
    fn a_deficit_set_against_the_totals_is_spending_less_income() {
        // the national and the central budgets of the Ministry of Finance's reports (2020
        // final accounts; 2022 budget)
        let national = "全国一般公共预算收入182895亿元,为预算的101.5%,加上调入资金和使用结转结余,\
                        收入总量为209028亿元;支出245588亿元,完成预算的99.1%,加上补充中央预算稳定\
                        调节基金,支出总量为246628亿元;收支总量相抵,全国财政赤字37600亿元。\n";
        let central =
            "中央一般公共预算收入94880亿元,比2021年执行数增长3.8%。加上从中央预算稳定调节\
                       基金调入2765亿元,收入总量为97645亿元。中央一般公共预算支出124145亿元,增长\
                       14.3%。收支总量相抵,中央财政赤字26500亿元。\n";
        let all = format!("{national}{central}");
        assert_eq!(
            statuses(&all),
            [("37600".to_string(), "pass"), ("26500".to_string(), "pass")]
        );
        let wrong = all.replace("赤字37600", "赤字36700");
        assert_eq!(statuses(&wrong)[0], ("36700".to_string(), "fail"));
        // a balance takes no budget's spending for a total
        let balance = "收入合计100万元。一般公共预算支出80万元。上述收支相抵,年终结余20万元。\n";
        assert_eq!(statuses(balance), []);
    }

    #[test]
    fn income_less_spending_set_against_each_other_is_the_balance() {
        // a district's final accounts (fzcangshan.gov.cn, 2020), the totals of two funds
        let text = "一般公共预算支出361315万元,下降11.8%;加上解上级支出52441万元,债务还本支出6751万元,安排预算稳定调节基金28478万元,支出合计448985万元。\n上述收支相抵,年终结余65616万元,全部结转下年使用。\n";
        let income = "地方一般公共预算收入271630万元,下降4.7%;加上级补助收入120846万元,上年结余收入42690万元,债务转贷收入16714万元,调入预算稳定调节基金44421万元,调入资金18300万元,收入合计514601万元。\n";
        let fund = "政府性基金收入0万元,加上年结余收入39930万元,上级补助收入113566万元,债务转贷收入39000万元,收入合计192496万元。\n政府性基金支出83173万元,调出资金18300万元,债务还本支出315万元,支出合计101788万元。\n上述收支相抵,年终结余90708万元,全部结转下年使用。\n";
        // the next fund names no totals: its balance is not set against the last fund's
        let capital = "国有资本经营收入1493万元,上级补助收入44万元,上年结余140万元,国有资本经营支出1459万元。\n上述收支相抵,年终结余218万元,全部结转下年使用。\n";
        let all = format!("{income}{text}{fund}{capital}");
        assert_eq!(
            statuses(&all),
            [("65616".to_string(), "pass"), ("90708".to_string(), "pass")]
        );
        let wrong = all.replace("结余90708", "结余90780");
        assert_eq!(statuses(&wrong)[1], ("90780".to_string(), "fail"));
        // only the spending, with no income total before it: nothing said
        assert!(statuses(text).is_empty(), "{:?}", statuses(text));
        // a 其中 sentence between the income and the spending; not two
        let between = "收入合计100万元。其中上级补助收入5万元。支出合计80万元。\n上述收支相抵,年终结余20万元。\n";
        assert_eq!(statuses(between), [("20".to_string(), "pass")]);
        let far = between.replace("。支出合计", "。其他收入1万元。支出合计");
        assert!(statuses(&far).is_empty(), "{:?}", statuses(&far));
    }

    #[test]
    fn what_is_carried_into_next_year_is_a_balance_too() {
        // a city's 2023 final accounts (sm.gov.cn), shortened: the two totals, then
        // "收支相抵,年终结转 R"
        let text = "全市地方一般公共预算收入1,179,747万元;加上上级补助收入2,272,036万元、上年结转512,099万元,收入总量4,935,390万元。一般公共预算支出3,614,366万元;加上上解上级支出149,381万元,支出总量4,326,677万元。收支相抵,年终结转608,713万元。\n";
        assert_eq!(
            statuses(text).last(),
            Some(&("608,713".to_string(), "pass"))
        );
        let wrong = text.replace("结转608,713", "结转608,731");
        assert_eq!(
            statuses(&wrong).last(),
            Some(&("608,731".to_string(), "fail"))
        );
        // a city's 2023 report (滨州), shortened: "结转下年" names the year it goes to
        let next = "全市一般公共预算总收入637.58亿元,其中:当年收入292.14亿元。\n全市一般公共预算总支出604.93亿元,其中:当年支出526.91亿元。收支相抵,结转下年32.65亿元。\n";
        assert_eq!(statuses(next), [("32.65".to_string(), "pass")]);
        let wrong = next.replace("32.65", "36.25");
        assert_eq!(statuses(&wrong), [("36.25".to_string(), "fail")]);
        // carried over from last year, not this year's balance: nothing said
        let past = text.replace("收支相抵,年终结转", "收支相抵,上年结转");
        assert!(
            !statuses(&past).iter().any(|s| s.0 == "608,713"),
            "{:?}",
            statuses(&past)
        );
    }

    #[test]
    fn a_balance_without_its_two_sides_is_not_claimed() {
        assert!(statuses("本年收支结余 12 万元。\n").is_empty());
    }
}
