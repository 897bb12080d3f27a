//! `surplus`: a 收支结余 stated in the text is its income minus its spending.

use super::{Check, Out};
use crate::claims::prose::{amount, is_money, Kind, Mention, Prose};
use crate::claims::Claims;
use crate::figure::FigId;
use crate::relation::{Expr, Relation, Rule, Text};
use std::collections::HashSet;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::Surplus,
    title_zh: "收支结余等于收入减支出",
    title_en: "A stated balance is income minus spending",
    what: "In the text, \"本年收入 A，…；本年支出 B，…；本年收支结余 C\" states the balance of \
           the income and spending just named: C = A − B. The income and spending are the \
           nearest totals before the balance in the same paragraph and scope (the same \
           fund, budget and level; a 其中 part such as 基本养老金支出 is not a total), named \
           alike (本年收入 / 本年支出, 总收入 / 总支出).",
    why: "A balance is computed once and copied into several places; a digit slip or a \
          stale income figure shows as a balance that does not follow from its two sides.",
    tolerance: "Each printed amount stands for ±½ of its last digit: 50112 − 43605 = 6507, \
                so a printed 6508 holds within rounding (the three could be 50112.4, \
                43604.6 and 6507.8).",
    example: "本年收入 18300 亿元，本年支出 13948 亿元，本年收支结余 4351 亿元 holds (4352 within \
              rounding); 4315 亿元 fails.",
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
    let parts: HashSet<FigId> = claims
        .breakdowns
        .iter()
        .filter(|b| !b.numbered)
        .flat_map(|b| b.parts.iter().map(|x| x.0))
        .collect();
    for p in &claims.prose {
        for (i, m) in p.mentions.iter().enumerate() {
            if m.kind != Kind::Level || !is_money(m.unit) || !m.label.ends_with("收支结余") {
                continue;
            }
            if let Some(rel) = balance(doc, p, i, m, &parts) {
                out.push(rel);
            }
        }
    }
}

fn balance(
    doc: &crate::document::Document,
    p: &Prose<'_>,
    i: usize,
    m: &Mention,
    parts: &HashSet<FigId>,
) -> Option<Relation> {
    let before = p.mentions.get(..i)?;
    let total = |side: &str| -> Option<&Mention> {
        before.iter().rev().take(LOOK_BACK).find(|x| {
            x.kind == Kind::Level
                && is_money(x.unit)
                && !parts.contains(&x.fig)
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
    fn a_balance_without_its_two_sides_is_not_claimed() {
        assert!(statuses("本年收支结余 12 万元。\n").is_empty());
    }
}
