//! `fund-breakdown`: 年度资金总额 = its 其中 rows, in a self-evaluation table.

use super::{Check, Out};
use crate::claims::Claims;
use crate::relation::Rule;
use crate::relation::{Expr, Relation, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::FundBreakdown,
    title_zh: "年度资金总额等于其中各项之和",
    title_en: "Annual funds equal their sources",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what:
            "In a 项目支出绩效自评表, the 年度资金总额 row equals, for 年初预算数, 全年预算数 and \
             全年执行数, the sum of the rows under it: 当年财政拨款 + 上年结转资金 + 其他资金 \
             (in Sichuan's template, 总额 = 财政资金 + 财政专户管理资金 + 单位资金 + 其他资金). \
             Blank, dash and slash cells add nothing; a column whose parts are all blank is not \
             checked. A table printing several projects one after another is read block by \
             block.",
        why: "A project's funding sources that do not add up to its total mean either a source \
              was counted twice (often the carried-over funds) or the total is wrong.",
        tolerance: "Each figure stands for ±½ of its last digit; the total holds when some \
                    unrounded parts give it.",
        example:
            "年初预算数 800 with 当年财政拨款 800 and 上年结转资金 800 fails: 800 + 800 = 1600.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "在项目支出绩效自评表中，年度资金总额行在年初预算数、全年预算数和全年执行数上，都等\
               于其下各行之和：当年财政拨款 + 上年结转资金 + 其他资金（四川的模板为：总额 = 财政\
               资金 + 财政专户管理资金 + 单位资金 + 其他资金）。空白、短横线和斜线单元格不计入；\
               分项全部空白的列不核对。一张表中先后印有多个项目的，逐块分别读取。",
        why: "项目各资金来源之和与总额对不上，说明要么某一来源被重复计算（常见的是上年结转资金），\
              要么总额有误。",
        tolerance: "每个数字都代表末位 ±½ 以内的任何值；只要存在某组舍入前的分项能得出印出的总额，\
                    总额即成立。",
        example: "年初预算数 800，而当年财政拨款 800、上年结转资金 800，不成立：800 + 800 = 1600。",
    },
    find,
};

const COLUMNS: [&str; 3] = ["年初预算数", "全年预算数", "全年执行数"];

fn find(claims: &Claims<'_>, out: &mut Out) {
    let _doc = claims.doc;
    for s in &claims.self_evals {
        let Some(total) = s.total else { continue };
        if s.parts.is_empty() {
            continue;
        }
        let place = s.name.clone().unwrap_or_default();
        for (k, col) in COLUMNS.iter().enumerate() {
            let Some(Some(target)) = total.get(k) else {
                continue;
            };
            let mut terms = Vec::new();
            for p in &s.parts {
                match p.get(k) {
                    Some(Some(e)) => terms.push(e.clone()),
                    _ => {
                        terms.clear();
                        break;
                    }
                }
            }
            if terms.is_empty() || terms.iter().all(|e| *e == Expr::Blank) {
                continue;
            }
            let rel = Relation::equals(
                Rule::FundBreakdown,
                *target,
                Expr::Sum(terms),
                Text::new(
                    format!("{place} 年度资金总额 = 其中各项之和（{col}）"),
                    format!("{place} annual funds = sum of their sources ({col})"),
                ),
            );
            // a block read from text that lost its table's shape has no row to quote: its
            // line can be the whole flattened table
            out.push(match s.table {
                Some(_) => rel,
                None => rel.context(format!("{place}：年度资金总额")),
            });
        }
    }
}
