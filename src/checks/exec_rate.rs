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
    en: super::Words {
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
        why: "The execution rate is the headline of every self-evaluation; a rate that does not \
              follow from the amounts beside it misstates how much of the budget was spent.",
        tolerance: "Amounts and the rate stand for ±½ of their last digit; a rate holds when some \
                    unrounded amounts give it. The 分值 is taken as exact.",
        example: "全年预算数 800, 全年执行数 304.6, 执行率 39.77% fails: 304.6 ÷ 800 = 38.08%.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "在项目支出绩效自评表中，年度资金总额行的执行率等于全年执行数 ÷ 全年预算数。该行的\
               得分通常为 min(执行率, 100%) × 分值；由于各地做法不同，得分不符合这一规则时判为存\
               疑，而不判为错误。数字按其在行标签之后的顺序，与表头印出的各列对应（表头没有列出\
               全部各列时，按标准模板的顺序），因为这类行经常与表头错位。四川的模板把这些列称为\
               总额、年初预算、调整后预算数、预算执行数、预算执行率、权重和得分。复制时丢失了表\
               格结构的表（每个单元格占一行，用竖线或空行隔开；或被压成一行），按表头各列名称印\
               出的顺序读取；其合计行只在数字与表头对得上时才读取（执行率之前的数字个数等于表头\
               中执行率之前的列数，或者该行每一列都有内容、执行率印为单独一个 0）：因为在这种表\
               里，空白单元格不留任何痕迹。印在得分列表头中的分值（如 得分 (20 分*执行率)）即为\
               该得分的分值。部门的部门整体表印有年初预算数(A)、全年执行数(B)、分值和得分，但没\
               有全年预算数，其执行率按 B ÷ A 计算。",
        why: "执行率是每份绩效自评最醒目的指标；执行率与旁边的数额对不上，就错报了预算实际花掉了\
              多少。",
        tolerance: "各数额和执行率都代表末位 ±½ 以内的任何值；只要存在某组舍入前的数额能得出印出\
                    的执行率，执行率即成立。分值视为精确值。",
        example: "全年预算数 800，全年执行数 304.6，执行率 39.77%，不成立：304.6 ÷ 800 = 38.08%。",
    },
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
