//! `parts-sum`: where the text breaks a total into its whole set of parts (其中 …, a list
//! of classification lines, the reasons for a change), the parts add up to the total.

use super::{Check, Out};
use crate::claims::prose::{amount, complete, Kind, Prose};
use crate::claims::Claims;
use crate::document::Document;
use crate::relation::Rule;
use crate::relation::{Cmp, Expr, Relation, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::PartsSum,
    title_zh: "文字所列各部分之和等于总数",
    title_en: "Parts listed in the text add up to their total",
    what: "In the text, \"总数 T，其中：甲 A，乙 B，…\" adds up when the parts are the whole \
           breakdown: a standard set of categories (income sources; 基本支出 and 项目支出; \
           人员经费 and 公用经费; the three 三公 items; 货物, 工程, 服务; kinds of staff), a \
           list closed by an 其他… part, or a list of classification lines (功能分类 项级 \
           items under their total, over several paragraphs). The amounts a change is \
           explained by (\"较上年减少 16.11 万元 … 减少 4.33 万元\") add up to the change \
           when they are the standard categories, and never exceed it. Counts of people \
           and vehicles are exact.",
    why: "A breakdown that does not add up means an item was dropped, doubled or misprinted.",
    tolerance: "Each printed amount stands for ±½ of its last digit; counts are exact. A \
                selection of parts (not the whole set) is checked by `subset` instead.",
    example: "实有人数 226 人，其中：行政人员 220 人，事业人员 5 人，离休人员 1 人，退休人员 0 \
              人 holds; 227 fails.",
    find,
};

const RULE: Rule = Rule::PartsSum;

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    let prose = &claims.prose;
    for b in &claims.breakdowns {
        if !b.complete {
            continue;
        }
        let Some(t) = doc.figure(b.total) else {
            continue;
        };
        let money = crate::claims::prose::is_money(t.unit);
        let terms = b.parts.iter().map(|(f, _)| {
            if money {
                amount(doc, *f, t.unit)
            } else {
                Expr::Exact(*f)
            }
        });
        let labels: Vec<&str> = b.parts.iter().map(|x| x.1.as_str()).collect();
        let what = Text::new(
            format!("总数 = {}", labels.join(" + ")),
            format!("total = {}", labels.join(" + ")),
        );
        let mut rel =
            Relation::equals(RULE, b.total, Expr::sum(terms), what).context(b.context.clone());
        if !money {
            rel = rel.exact_target();
        }
        out.push(rel);
    }
    for p in prose {
        change_parts(doc, p, out);
    }
}

/// "比上年减少 20.46 万元，降低 7.72%，主要原因是…支出较上年减少 16.11 万元；…减少 4.33
/// 万元": the amounts after the rate explain the change.
fn change_parts(doc: &Document, p: &Prose<'_>, out: &mut Out) {
    let ms = &p.mentions;
    for (i, m) in ms.iter().enumerate() {
        let Kind::Change(d) = m.kind else { continue };
        if !matches!(ms.get(i + 1).map(|x| x.kind), Some(Kind::Rate(_))) {
            continue;
        }
        let mut parts = Vec::new();
        for x in ms.iter().skip(i + 2) {
            if x.sentence != m.sentence {
                break;
            }
            match x.kind {
                Kind::Change(e) if e == d => parts.push(x),
                Kind::Other => {}
                _ => {
                    parts.clear();
                    break;
                }
            }
        }
        if parts.len() < 2 {
            continue;
        }
        let labels: Vec<String> = parts
            .iter()
            .map(|x| {
                let l = x.lead.as_str();
                let cut = ["较上年", "比上年", "同比", "与上年"]
                    .iter()
                    .filter_map(|k| l.find(k))
                    .min()
                    .unwrap_or(l.len());
                l.get(..cut).unwrap_or(l).to_string()
            })
            .collect();
        let whole = complete(&labels);
        let terms = parts.iter().map(|x| amount(doc, x.fig, m.unit));
        let what = Text::new(
            format!("增减额 = {}", labels.join(" + ")),
            format!("change = {}", labels.join(" + ")),
        );
        let rel =
            Relation::equals(RULE, m.fig, Expr::sum(terms), what).context(p.sentence_text(m.at));
        out.push(if whole { rel } else { rel.cmp(Cmp::AtLeast) });
    }
}
