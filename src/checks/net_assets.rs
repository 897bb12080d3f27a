//! `net-assets`: a balance sheet stated in the text adds up: net assets are assets less
//! liabilities, and a debt ratio is liabilities over assets.

use super::{Check, Out};
use crate::claims::prose::{amount, is_money, same_family, Kind, Mention, Prose};
use crate::claims::Claims;
use crate::relation::{Expr, Relation, Rule, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::NetAssets,
    title_zh: "净资产等于资产减负债",
    title_en: "Net assets are assets less liabilities",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In the text, one sentence stating a body's \"资产总额 A，负债总额 L，净资产总额 N\" \
               (a state-assets report: the whole area's, each kind of unit's, each sector's) \
               states N = A − L; \"资产负债率 R%\" after them states R = L ÷ A × 100. The assets \
               are the nearest 资产总额 (资产合计, 资产总计) before the liabilities, the \
               liabilities the nearest 负债总额 (负债合计, 负债) before the net assets, in the same \
               sentence and of the same owner where a label names one (企业负债总额 is not a \
               行政单位资产总额's). 净资产 and 所有者权益 are read; 国有资本权益 (the state's share) \
               and equity attributable to a parent (less minority interests) are not.",
        why: "Each of the three totals is added up from its own column of many units' returns; a \
              slip in one leaves the identity every balance sheet keeps broken.",
        tolerance: "Each printed amount stands for ±½ of its last digit: 13822.1 − 2981.4 = \
                    10840.7; a printed 10840.8 still holds (13822.14 − 2981.36 = 10840.78).",
        example:
            "资产总额 4347.5 亿元，负债总额 1143.8 亿元，净资产总额 3203.7 亿元 holds; 净资产总额 \
             3230.7 亿元 fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "正文中，同一句话给出某一主体的“资产总额 A，负债总额 L，净资产总额 N”（见于国有资产\
               报告：全地区的、各类单位的、各行业的），即表明 N = A − L；其后的“资产负债率 R%”表\
               明 R = L ÷ A × 100。资产取负债之前最近的资产总额（资产合计、资产总计），负债取净\
               资产之前最近的负债总额（负债合计、负债），都须在同一句中；标签写明所属主体的，还\
               须属于同一主体（企业负债总额不能与行政单位资产总额配对）。读取净资产和所有者权益；\
               不读取国有资本权益（国家所占的份额）和归属于母公司所有者的权益（已扣除少数股东权\
               益）。",
        why: "这三个总额各自由许多单位报表中相应的一栏加总而来；其中任何一个出了差错，每张资产负\
              债表都遵守的恒等式就被打破了。",
        tolerance: "每个印出的数额都代表末位 ±½ 以内的任何值：13822.1 − 2981.4 = 10840.7；印出 10840.8 \
                    仍然成立（13822.14 − 2981.36 = 10840.78）。",
        example: "“资产总额 4347.5 亿元，负债总额 1143.8 亿元，净资产总额 3203.7 亿元”成立；如果\
                  是“净资产总额 3230.7 亿元”，则不成立。",
    },
    find,
};

const RULE: Rule = Rule::NetAssets;

/// The owner a label names before one of `ends` ("行政单位资产总额" → "行政单位"), None where
/// it ends in none of them.
fn owner<'l>(label: &'l str, ends: &[&str]) -> Option<&'l str> {
    ends.iter().find_map(|e| label.strip_suffix(e))
}

const ASSETS: &[&str] = &["国有资产总额", "资产总额", "资产合计", "资产总计"];

/// The owner an amount of assets names ("企业国有资产总额" → "企业"), None where its label
/// names no assets (净资产总额 is net assets): also whose a 负债总额 after it is, for
/// repeated-figure.
pub(super) fn assets_owner(label: &str) -> Option<&str> {
    owner(label, ASSETS).filter(|o| !o.ends_with('净'))
}
const LIABILITIES: &[&str] = &["负债总额", "负债合计", "负债总计", "负债"];
const NET: &[&str] = &[
    "净资产总额",
    "净资产合计",
    "净资产",
    "所有者权益总额",
    "所有者权益合计",
    "所有者权益",
];

/// An amount of money stated as a level, not a change or a share.
fn level(m: &Mention) -> bool {
    m.kind == Kind::Level && is_money(m.unit)
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    for p in &claims.prose {
        for (i, m) in p.mentions.iter().enumerate() {
            if let Some(rel) = sheet(claims.doc, p, i, m) {
                out.push(rel);
            }
        }
    }
}

/// The relation mention `i` states as a balance sheet's net assets or its debt ratio.
fn sheet(
    doc: &crate::document::Document,
    p: &Prose<'_>,
    i: usize,
    m: &Mention,
) -> Option<Relation> {
    let ratio = m.percent && m.label.ends_with("资产负债率");
    let net = if ratio {
        None
    } else if level(m) {
        // (a part of the equity named by whose it is, "归属于母公司所有者权益", has an owner
        // the assets do not name: not compared below)
        Some(owner(&m.label, NET)?)
    } else {
        return None;
    };
    // the nearest liabilities before it in its sentence, then the nearest assets before
    // those; each of the same owner where both name one
    let before = p.mentions.get(..i)?;
    let in_sentence = |x: &&Mention| x.sentence == m.sentence && level(x);
    let li = before
        .iter()
        .rposition(|x| in_sentence(&x) && owner(&x.label, LIABILITIES).is_some())?;
    let l = before.get(li)?;
    let (a, of_a) = before
        .get(..li)?
        .iter()
        .rev()
        .filter(in_sentence)
        .find_map(|x| Some((x, assets_owner(&x.label)?)))?;
    let of_l = owner(&l.label, LIABILITIES)?;
    let agree = |o: &str| o.is_empty() || o == of_a;
    if !agree(of_l) || !net.is_none_or(agree) || !same_family(a.unit, l.unit) {
        return None;
    }
    let (an, ln) = (a.label.as_str(), l.label.as_str());
    // (named by the text's own words in both languages)
    let (what, expr) = if ratio {
        (
            format!("{} = {ln} ÷ {an} × 100%", m.label),
            Expr::pct(amount(doc, l.fig, a.unit), Expr::Fig(a.fig)),
        )
    } else {
        (
            format!("{} = {an} − {ln}", m.label),
            Expr::difference(amount(doc, a.fig, m.unit), amount(doc, l.fig, m.unit)),
        )
    };
    let what = Text::new(what.clone(), what);
    Some(Relation::equals(RULE, m.fig, expr, what).context(p.sentence_text(m.at)))
}

#[cfg(test)]
mod tests {
    fn verdicts(text: &str) -> Vec<(String, String)> {
        crate::checks::reported(text, "net-assets")
    }

    #[test]
    fn net_assets_are_assets_less_liabilities_for_each_owner() {
        // a city's 2023 state-assets report (cqrd.gov.cn): the whole city's sheet, then each
        // kind of unit's in one sentence
        let text =
            "截至2023年底,全市行政事业性资产总额13822.1亿元,同比增长6.2%;负债总额2981.4亿元,\
                    同比减少0.8%;净资产总额10840.7亿元,同比增长8.3%。从单位性质看:行政单位资产总额\
                    4347.5亿元,负债总额1143.8亿元,净资产总额3203.7亿元;事业单位资产总额9474.6亿元,\
                    负债总额1837.6亿元,净资产总额7637亿元。\n";
        let pass = |r: &str| (r.to_string(), "pass".to_string());
        assert_eq!(
            verdicts(text),
            [pass("10840.7"), pass("3203.7"), pass("7637")]
        );
        let wrong = text.replace("3203.7", "3230.7");
        assert_eq!(
            verdicts(&wrong).get(1),
            Some(&("3230.7".into(), "fail".into()))
        );
        // another owner's liabilities are not the assets' own
        let other = text.replace("负债总额1143.8", "企业负债总额1143.8");
        assert!(
            !verdicts(&other).iter().any(|(r, _)| r == "3203.7"),
            "{:?}",
            verdicts(&other)
        );
    }

    #[test]
    fn a_debt_ratio_is_liabilities_over_assets() {
        // the 2018 national state-assets report (news): enterprises' sheets with their
        // average debt ratios; 国有资本权益 is the state's share, not assets less liabilities
        // (printed in 万亿元, not read as a unit yet: in 亿元 here)
        let text = "其中,中央国有企业资产总额80.8亿元、负债总额54.7亿元、国有资本权益总额16.7亿元,\
                    平均资产负债率67.7%;地方国有企业资产总额129.6亿元、负债总额80.3亿元、国有资本\
                    权益总额42.0亿元,平均资产负债率62.0%。\n";
        let v = verdicts(text);
        assert_eq!(
            v,
            [
                ("67.7%".to_string(), "pass".to_string()),
                ("62.0%".to_string(), "pass".to_string())
            ]
        );
        let wrong = verdicts(&text.replace("67.7%", "76.7%"));
        assert_eq!(wrong.first(), Some(&("76.7%".into(), "fail".into())));
    }

    #[test]
    fn a_net_amount_needs_its_assets_and_liabilities_in_its_sentence() {
        let apart = "行政单位资产总额4347.5亿元,负债总额1143.8亿元。净资产总额3203.7亿元。\n";
        assert!(verdicts(apart).is_empty(), "{:?}", verdicts(apart));
        let no_assets = "固定资产500亿元,负债总额1143.8亿元,净资产总额3203.7亿元。\n";
        assert!(verdicts(no_assets).is_empty(), "{:?}", verdicts(no_assets));
        // an enterprise group's equity attributable to its parent leaves out minority interests
        let group =
            "资产总额100亿元,负债总额60亿元,所有者权益40亿元,归属于母公司所有者权益35亿元。\n";
        assert_eq!(verdicts(group), [("40".to_string(), "pass".to_string())]);
    }
}
