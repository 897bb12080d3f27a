//! `subset`: a 其中 selection never exceeds the total it is part of.

use super::{Check, Out};
use crate::claims::prose::{amount, disjoint, is_money, Kind};
use crate::claims::Claims;
use crate::relation::Rule;
use crate::relation::{Cmp, Expr, Relation, Text};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::Subset,
    title_zh: "其中项不超过总数",
    title_en: "A 其中 selection does not exceed its total",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In the text, \"总数 T，其中：甲 A\" names a part of T: A ≤ T. Where the parts \
               named need not be the whole breakdown (女性, 少数民族 may overlap), each is \
               checked on its own; whole breakdowns are summed by `parts-sum`.",
        why: "A part larger than its whole is a misprint in one of them (a digit, a unit, or a \
              figure copied from elsewhere).",
        tolerance: "Each printed amount stands for ±½ of its last digit; counts are exact.",
        example: "授予中小企业合同金额 767.09 万元，其中：授予小微企业合同金额 77.97 万元 holds; \
                  其中 777.97 万元 fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "正文中，“总数 T，其中：甲 A”指明了 T 的一个部分：A ≤ T。如果点名的各部分不一定构成\
               完整的分解（如女性、少数民族可能相互重叠），则逐个单独核对；完整分解的求和由 parts-sum \
               核对。",
        why: "部分大于整体，说明其中一个数印错了（某位数字、单位，或是从别处照抄来的数字）。",
        tolerance: "每个印出的金额代表其末位 ±½ 的区间；计数是精确的。",
        example: "“授予中小企业合同金额 767.09 万元，其中：授予小微企业合同金额 77.97 万元”成立；\
                  其中项若为 777.97 万元则不成立。",
    },
    find,
};

const RULE: Rule = Rule::Subset;

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for b in &claims.breakdowns {
        // (a numbered list may break down another amount of its head: see
        // `Breakdown::numbered`)
        if b.complete || b.numbered {
            continue;
        }
        let Some(t) = doc.figure(b.total) else {
            continue;
        };
        if net_change(claims, b) {
            continue;
        }
        let money = is_money(t.unit);
        // parts of different categories (公务接待费, 公务车辆运行费) never overlap: together
        // they are at most the total, however many are left unlisted
        let labels: Vec<String> = b.parts.iter().map(|x| x.1.clone()).into_vec();
        if money && disjoint(&labels) {
            let (zh, en) = super::parts_named(&labels);
            let what = Text::new(format!("总数 ≥ {zh}"), format!("total ≥ {en}"));
            let sum = Expr::sum(b.parts.iter().map(|(f, _)| amount(doc, *f, t.unit)));
            out.push(
                Relation::equals(RULE, b.total, sum, what)
                    .cmp(Cmp::AtLeast)
                    .context(b.context.clone()),
            );
        }
        // each part on its own: parts of a selection may overlap (女性, 少数民族)
        for (part, label) in &b.parts {
            let what = if label.trim().is_empty() {
                Text::new("所列一项 ≤ 总数", "an item listed ≤ its total")
            } else {
                Text::new(format!("{label} ≤ 总数"), format!("{label} ≤ its total"))
            };
            let Some(pf) = doc.figure(*part) else {
                continue;
            };
            // the part is the target: the total in the part's unit
            let whole = if money {
                amount(doc, b.total, pf.unit)
            } else {
                Expr::Exact(b.total)
            };
            let mut rel = Relation::equals(RULE, *part, whole, what)
                .cmp(Cmp::AtMost)
                .context(b.context.clone());
            if !money {
                rel = rel.exact_target();
            }
            out.push(rel);
        }
    }
}

/// Whether the total is a change ("预计短收 69190 万元，其中税收收入短收 76180 万元"; "增加
/// X，其中…"): the net of rises and falls, which one of its parts may exceed when another
/// went the other way.
fn net_change(claims: &Claims<'_>, b: &crate::claims::prose::Breakdown) -> bool {
    const CHANGES: &[&str] = &[
        "短收", "减收", "增收", "超收", "少收", "多收", "增支", "减支", "超支", "节支", "增加",
        "减少", "调增", "调减", "增长", "下降", "降低",
    ];
    let Some(m) = claims.mention(b.total) else {
        return false;
    };
    let lead = m.lead.trim_end_matches(&[' ', ':', '：', '为', '了'][..]);
    matches!(m.kind, Kind::Change(_)) || CHANGES.iter().any(|w| lead.ends_with(w))
}

#[cfg(test)]
mod tests {
    use crate::checks::reported;

    #[test]
    fn a_qizhong_dividing_a_topic_has_no_total() {
        // modelled on a newspaper's account of a provincial asset report (ycwb.com, 2021):
        // the 其中 after the budget's balance goes through kinds of assets, not parts of it
        let text =
            "总收入339.66亿元,总支出330.05亿元。收支相抵,结转9.61亿元。\n其中,企业国有资产方面,\
                    全省国有企业资产总额121732.52亿元,负债总额73660.55亿元;金融类企业国有资产方面,\
                    资产总额48954.94亿元。\n";
        let got = reported(text, "subset");
        assert!(got.is_empty(), "{got:?}");
        // the same 其中 naming a part of the balance is read as before
        let part = "收支相抵,结转9.61亿元。\n其中,项目结转12.5亿元。\n";
        let got = reported(part, "subset");
        assert_eq!(got, [("12.5".to_string(), "fail".to_string())]);
    }

    #[test]
    fn parts_whose_shares_name_another_whole_are_not_the_amount_before_their_qizhong() {
        // Kaohsiung's 2026 budget (khc.gov.tw, as a news page printed it): 经常门 and 资本门
        // are shares of 岁出, printed two clauses before; the 111.81 before the 其中 is the
        // financing needed
        let text = "115年度總預算案歲入、歲出差短計49.81億元，連同債務還本62億元，共需融資財源\
                    111.81億；其中，經常門1563.8億元，佔歲出78.97%，資本門416.42億元，佔歲出21.03%。\n";
        let got = reported(text, "subset");
        assert!(got.is_empty(), "{got:?}");
        // shares of the amount before the 其中 leave it their total
        let own = text.replace("佔歲出", "佔融資財源");
        let got = reported(&own, "subset");
        assert!(
            got.iter().any(|(r, s)| r == "1563.8" && s == "fail"),
            "{got:?}"
        );
        // and so do shares of the whole that amount is a share of (the sample's 政府采购)
        let sibling =
            "授予中小企业合同金额 767.09 万元，占政府采购支出总额的 11.60%，其中：授予小微\
                       企业合同金额 777.97 万元，占政府采购支出总额的 1.18%。\n";
        let got = reported(sibling, "subset");
        assert_eq!(got, [("777.97".to_string(), "fail".to_string())]);
        // a whole named alike: 基本支出预算 is the 一般公共预算基本支出's (Wuzhou, 2022, in 元)
        let alike =
            "2022年一般公共预算基本支出 1133753.33 元，其中：人员经费 1330180.29 元，占基本\
                     支出预算 90.86%。\n";
        let got = reported(alike, "subset");
        assert_eq!(got, [("1330180.29".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_part_of_a_net_change_may_exceed_it() {
        // Liandu district's 2022 budget adjustment (lishui.gov.cn): the taxes fell short by
        // more than the whole, as the other revenue came in above its budget
        let text = "2022年在预算执行过程中,因发生下列事由,需调整收支预算:\n\n\
                    1.我区一般公共预算收入下降幅度较大,预计短收69190万元,其中税收收入短收76180万元。\n";
        let got = reported(text, "subset");
        assert!(got.is_empty(), "{got:?}");
        for change in ["减收", "增收", "超收", "增加", "减少", "增支", "节支"] {
            let t = text.replace("短收", change);
            let got = reported(&t, "subset");
            assert!(got.is_empty(), "{change}: {got:?}");
        }
        // a part of an amount (not of a change) is at most it
        let level = "我区一般公共预算收入69190万元,其中税收收入76180万元。\n";
        let got = reported(level, "subset");
        assert_eq!(got, [("76180".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_dated_clause_after_a_semicolon_ends_the_list() {
        // a town government's 2022 budget (Shangyou county, Jiangxi): the headcount is a
        // statement of its own after the posts' list, with a list of its own
        let text = "寺下镇人民政府机关编制56人,其中:行政编制24人,事业编制32人;本部门2021年年末\
                    实有人数76人,其中在职人员48人,退休人员15人,聘用人员5人,遗属8人。\n";
        let got = reported(text, "subset");
        assert!(got.iter().all(|(_, status)| status == "pass"), "{got:?}");
        assert!(
            !got.contains(&("76".to_string(), "pass".to_string())),
            "{got:?}"
        );
        let sums = reported(text, "parts-sum");
        assert_eq!(
            sums,
            crate::checks::own(&[("56", "pass"), ("76", "pass")]),
            "the posts' list sums to its total"
        );
        // a part after a semicolon with no year of its own stays in the list
        let undated = "机关编制56人,其中:行政编制24人;事业编制32人。\n";
        let sums = reported(undated, "parts-sum");
        assert_eq!(sums, crate::checks::own(&[("56", "pass")]));
    }
}
