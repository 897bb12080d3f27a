//! `score-total`: a self-evaluation table's scores add up.

use super::{Check, Out};
use crate::claims::Claims;
use crate::relation::Rule;
use crate::relation::{Cmp, Expr, Relation, Text};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::ScoreTotal,
    title_zh: "绩效自评分值与得分合计",
    title_en: "Self-evaluation weights and scores add up",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In a 项目支出绩效自评表, the 总分 row's 分值 equals the sum of every 分值 (the \
               执行率 weight of the header block plus each indicator's), which should be 100; its \
               得分 equals the sum of every 得分; and no 得分 exceeds its 分值. In indicator rows \
               the 分值 and 得分 are the last two plain numbers, whatever column they sit in. When \
               a row of the indicator block cannot be read that way, the sums are not checked.",
        why: "The total score decides how a project is rated and often its next budget; a total \
              that is not the sum of its scores misreports that rating.",
        tolerance: "Weights and scores are exact as printed: they are assigned, not rounded.",
        example: "Scores 10 + 10 + … + 0 = 90 printed with 总分 100 fails: expected 90.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "在项目支出绩效自评表中，总分行的分值等于所有分值之和（表头部分执行率的分值加上各项\
               指标的分值），应为 100；总分行的得分等于所有得分之和；任何一项得分都不得超过其分\
               值。在指标行中，不论位于哪一列，最后两个纯数字就是分值和得分。指标部分只要有一行\
               无法这样读取，就不核对这两项合计。",
        why: "总分决定项目的评价等级，往往还决定其下一年度的预算；总分不等于各项得分之和，就错报\
              了评价等级。",
        tolerance: "分值和得分按印出的数字视为精确值：它们是评定给出的，不是舍入得来的。",
        example: "各项得分 10 + 10 + … + 0 = 90，而总分印为 100，不成立：应为 90。",
    },
    find,
};

fn find(claims: &Claims<'_>, out: &mut Out) {
    let _doc = claims.doc;
    for s in &claims.self_evals {
        // the words joined, not formatted: 3 of them for each of a table's ~15 indicators
        let place = s.name.as_deref().unwrap_or_default();
        for &(weight, score) in &s.indicators {
            out.push(
                Relation::equals(
                    Rule::ScoreTotal,
                    score,
                    Expr::Exact(weight),
                    Text::new(
                        [place, " 得分 ≤ 分值"].concat(),
                        [place, " score ≤ weight"].concat(),
                    ),
                )
                .cmp(Cmp::AtMost)
                .exact_target(),
            );
        }
        let Some((total_weight, total_score)) = s.total_score else {
            continue;
        };
        if !s.indicators_clean || s.indicators.is_empty() {
            continue;
        }
        let block = s.total.and_then(|t| match (t.get(3), t.get(5)) {
            (Some(Some(w)), Some(Some(sc))) => Some((*w, *sc)),
            _ => None,
        });
        let mut weights: Vec<Expr> = s.indicators.iter().map(|p| Expr::Exact(p.0)).into_vec();
        let mut scores: Vec<Expr> = s.indicators.iter().map(|p| Expr::Exact(p.1)).into_vec();
        if let Some((w, sc)) = block {
            weights.insert(0, Expr::Exact(w));
            scores.insert(0, Expr::Exact(sc));
        }
        out.push(
            Relation::equals(
                Rule::ScoreTotal,
                total_weight,
                Expr::Sum(weights),
                Text::new(
                    [place, " 总分分值 = 各项分值之和"].concat(),
                    [place, " total weight = sum of weights"].concat(),
                ),
            )
            .exact_target(),
        );
        out.push(
            Relation::equals(
                Rule::ScoreTotal,
                total_score,
                Expr::Sum(scores),
                Text::new(
                    [place, " 总分 = 各项得分之和"].concat(),
                    [place, " total score = sum of scores"].concat(),
                ),
            )
            .exact_target(),
        );
    }
}
