//! `project-match`: a project's figures agree between the summary table and its own
//! self-evaluation table.

use super::{Check, Out};
use crate::claims::self_eval::{is_self_eval, name_key, similarity};
use crate::claims::table::{clean_label, is_rate_header};
use crate::claims::Claims;
use crate::document::Table;
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Expr, Relation, Text};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::ProjectMatch,
    title_zh: "汇总表与各项目自评表一致",
    title_en: "The summary table agrees with each project's self-evaluation",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "A 项目支出绩效评价汇总表 lists every project with its 全年预算数, 执行数, 执行率 and \
               单位自评得分; each project also has its own 绩效自评表. Projects are matched by name \
               (exactly, or by a close and unambiguous likeness), and each of those figures must \
               agree with the project's own table (its 全年预算数, 全年执行数, 执行率 and 总分).",
        why: "The summary is what readers look at; a score or amount that differs from the \
              project's own table means one of them was typed by hand.",
        tolerance: "Two printed figures agree when their rounding intervals meet (822.41 and \
                    822.4147 agree). No relation is made for a project whose table cannot be \
                    matched with confidence.",
        example: "汇总表 单位自评得分 10.00 against the project's 总分 100 fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "项目支出绩效评价汇总表列出每个项目的全年预算数、执行数、执行率和单位自评得分；每个\
               项目还各有一张自己的绩效自评表。项目按名称对应（名称完全相同，或足够接近且不会混\
               淆），上述每个数字都必须与该项目自己的表一致（即该表的全年预算数、全年执行数、执\
               行率和总分）。",
        why: "读者看的是汇总表；如果某个得分或金额与项目自己的表不同，说明其中一个是手工录入的。",
        tolerance: "两个印出的数字，舍入区间相交即为一致（822.41 与 822.4147 一致）。对于无法可靠\
                    对应到其自评表的项目，不建立任何核对关系。",
        example: "汇总表中单位自评得分为 10.00，而该项目的总分为 100，不成立。",
    },
    find,
};

/// How close two names must be (common subsequence over the longer name).
const MIN_LIKENESS: (usize, usize) = (85, 100);

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    let evals = &claims.self_evals;
    if evals.is_empty() {
        return;
    }
    // each project's name key, worked out once (not once per row of every summary)
    let keys: Vec<Option<Vec<char>>> = evals
        .iter()
        .map(|e| e.name.as_deref().map(|n| name_key(n).chars().into_vec()))
        .into_vec();
    for t in doc.tables.iter().filter(|t| !is_self_eval(t)) {
        let Some(cols) = columns(t) else { continue };
        for r in t.header_rows..t.rows().len() {
            let Some(name) = t.cell(r, cols.name).map(|c| name_key(c.text)) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let Some(e) = best_match(&name, evals, &keys) else {
                continue;
            };
            let Some(total) = e.total else { continue };
            let label = t
                .cell(r, cols.name)
                .map_or(String::new(), |c| c.text.to_string());
            let pairs: [(Option<usize>, Option<FigId>, &str, &str); 4] = [
                (
                    cols.budget,
                    total.get(1).copied().flatten(),
                    "全年预算数",
                    "full-year budget",
                ),
                (
                    cols.spent,
                    total.get(2).copied().flatten(),
                    "执行数",
                    "executed",
                ),
                (
                    cols.rate,
                    total.get(4).copied().flatten(),
                    "执行率",
                    "execution rate",
                ),
                (
                    cols.score,
                    e.total_score.map(|s| s.1),
                    "自评得分",
                    "self-evaluation score",
                ),
            ];
            for (col, own, zh, en) in pairs {
                let (Some(col), Some(own)) = (col, own) else {
                    continue;
                };
                let Some(target) = t.figure(r, col) else {
                    continue;
                };
                out.push(
                    Relation::equals(
                        Rule::ProjectMatch,
                        target,
                        Expr::Fig(own),
                        // joined, not formatted: a few for every project of the summary
                        Text::new(
                            ["汇总表与自评表一致：", &label, " ", zh].concat(),
                            ["summary agrees with self-evaluation: ", &label, " ", en].concat(),
                        ),
                    )
                    .context([&label, "：", t.caption.as_str()].concat()),
                );
            }
        }
    }
}

struct Columns {
    name: usize,
    budget: Option<usize>,
    spent: Option<usize>,
    rate: Option<usize>,
    score: Option<usize>,
}

/// A summary table's columns, from its header.
fn columns(t: &Table) -> Option<Columns> {
    let headers: Vec<std::borrow::Cow<'_, str>> = (0..t.width()).map(|c| t.header(c)).into_vec();
    let find = |pred: &dyn Fn(&str) -> bool| -> Option<usize> {
        let hits: Vec<usize> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| pred(h))
            .map(|(i, _)| i)
            .into_vec();
        match hits.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    let name = find(&|h| clean_label(h).ends_with("项目名称"))?;
    let score = find(&|h| h.contains("单位自评得分") || h.ends_with("自评得分"));
    let rate = find(&|h| h.contains("执行率"));
    // at least the score or the rate: this is a performance summary
    if score.is_none() && rate.is_none() {
        return None;
    }
    Some(Columns {
        name,
        budget: find(&|h| h.contains("全年预算数") && (h.ends_with("合计") || !h.contains('/'))),
        spent: find(&|h| h.contains("执行数") && !is_rate_header(h)),
        rate,
        score,
    })
}

/// The self-evaluation whose name is `name`, or else the one closest to it when close
/// enough and unambiguous; `keys` holds each one's name key as characters.
fn best_match<'a, 'b>(
    name: &str,
    evals: &'b [crate::claims::self_eval::SelfEval<'a>],
    keys: &[Option<Vec<char>>],
) -> Option<&'b crate::claims::self_eval::SelfEval<'a>> {
    let name: Vec<char> = name.chars().into_vec();
    let mut best: Option<(usize, usize, &crate::claims::self_eval::SelfEval<'a>)> = None;
    let mut tie = false;
    for (e, n) in evals.iter().zip(keys) {
        let Some(n) = n else {
            continue;
        };
        if *n == name {
            return Some(e);
        }
        // the common part is at most the shorter name: too short a one cannot be close
        let (short, long) = (name.len().min(n.len()), name.len().max(n.len()));
        if short * MIN_LIKENESS.1 < long * MIN_LIKENESS.0 {
            continue;
        }
        let (common, len) = similarity(&name, n);
        if common * MIN_LIKENESS.1 < len * MIN_LIKENESS.0 {
            continue;
        }
        match best {
            Some((c, l, _)) if common * l == c * len => tie = true,
            Some((c, l, _)) if common * l < c * len => {}
            _ => {
                best = Some((common, len, e));
                tie = false;
            }
        }
    }
    if tie {
        return None;
    }
    best.map(|b| b.2)
}
