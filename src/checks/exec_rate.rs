//! `exec-rate`: a self-evaluation table's 执行率 and its score.

use super::{Check, Out};
use crate::claims::Claims;
use crate::relation::Rule;
use crate::relation::{Expr, Relation, Severity, Text};
use rust_decimal::Decimal;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::ExecRate,
    title_zh: "绩效自评表执行率及其得分",
    title_en: "Execution rate of a self-evaluation table, and its score",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    what: "In a 项目支出绩效自评表, the 年度资金总额 row's 执行率 equals 全年执行数 ÷ 全年预算数. \
           Its 得分 is commonly min(执行率, 100%) × 分值; as regions differ, a score that does \
           not follow that rule is a warning, not an error. Figures are bound by their order \
           after the row's label, as the header prints them (or the standard template's \
           order when the header does not name them all), since these rows are often \
           shifted against their headers. Sichuan's template names them 总额, 年初预算, \
           调整后预算数, 预算执行数, 预算执行率, 权重 and 得分. A table whose shape was lost \
           in copying (one cell per line, apart by bars or blank lines; flattened into one \
           line) is read from its header's names in their printed order, and its total row \
           only where its figures fit them (as many before the rate as the header names \
           columns before 执行率, or a rate printed as a bare 0 in a row that fills every \
           column): a blank cell leaves no trace there. A weight printed in \
           the score's header (得分 (20 分*执行率)) is the score's. A department's 部门整体 \
           table, which prints 年初预算数(A), 全年执行数(B), 分值 and 得分 and no 全年预算数, \
           takes its rate as B ÷ A.",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    why: "The execution rate is the headline of every self-evaluation; a rate that does not \
          follow from the amounts beside it misstates how much of the budget was spent.",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    tolerance: "Amounts and the rate stand for ±½ of their last digit; a rate holds when some \
                unrounded amounts give it. The 分值 is taken as exact.",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    example: "全年预算数 800, 全年执行数 304.6, 执行率 39.77% fails: 304.6 ÷ 800 = 38.08%.",
    find,
};

fn find(claims: &Claims<'_>, out: &mut Out) {
    let _doc = claims.doc;
    for s in &claims.self_evals {
        let Some([initial, full, Some(spent), weight, rate, score]) = s.total else {
            continue;
        };
        let Some(budget) = (if s.initial_budget { initial } else { full }) else {
            continue;
        };
        let place = s.name.clone().unwrap_or_default();
        let (of_zh, of_en) = if s.initial_budget {
            ("年初预算数", "initial budget")
        } else {
            ("全年预算数", "full-year budget")
        };
        if let Some(rate) = rate {
            out.push(
                Relation::equals(
                    Rule::ExecRate,
                    rate,
                    Expr::pct(Expr::Fig(spent), Expr::Fig(budget)),
                    Text::new(
                        format!("{place} 执行率 = 全年执行数 ÷ {of_zh}"),
                        format!("{place} execution rate = executed ÷ {of_en}"),
                    ),
                )
                .context(format!("{place}：年度资金总额")),
            );
        }
        if let (Some(weight), Some(score)) = (weight, score) {
            let ratio = Expr::min(
                Expr::quotient(Expr::Fig(spent), Expr::Fig(budget)),
                Expr::Const(Decimal::ONE),
            );
            out.push(
                Relation::equals(
                    Rule::ExecRate,
                    score,
                    Expr::product(ratio, Expr::Exact(weight)),
                    Text::new(
                        format!("{place} 执行率得分 = min(执行率, 100%) × 分值"),
                        format!("{place} execution score = min(rate, 100%) × weight"),
                    ),
                )
                .severity(Severity::Warning),
            );
        }
    }
}
