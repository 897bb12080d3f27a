//! `text-table`: what the text says about the tables it publishes agrees with them — the
//! number of projects evaluated and the money they involve against the projects'
//! self-evaluation tables (项目支出绩效自评表).

use super::{Check, Out};
use crate::claims::prose::{is_money, Kind, Prose};
use crate::claims::Claims;
use crate::document::{Document, Table};
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Expr, Relation, Severity, Text};
use rust_decimal::Decimal;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::TextTable,
    title_zh: "文字所述与附表一致",
    title_en: "The text agrees with the tables it describes",
    what: "\"开展预算绩效评价项目 N 个，共涉及资金 M 万元\" describes the published project \
           self-evaluation tables (项目支出绩效自评表): N must be their number and M the sum of \
           their 全年预算数 (the 年度资金总额 row, in the column its header row names). The \
           tables are bound only when every one of them has that row and header. The \
           “三公”经费 amounts of the text's 三公 section (the total, 因公出国（境）费, \
           公务用车购置及运行费 and its 购置费 and 运行费, 公务接待费; 年初预算 or 决算 as the \
           text says, else the table's stage), and the 机关运行经费 a budget's table carries \
           beside them, equal the cell of the one “三公”经费 table for that item and stage.",
    why: "The summary in the text is what most readers take away; it must match the tables \
          it summarises.",
    tolerance: "The count is exact; the amount stands for ±½ of its last digit (10703 万元 \
                for 10703.13 holds).",
    example: "评价项目 9 个，共涉及资金 10703 万元 over nine tables whose 全年预算数 add up to \
              10703.13 holds; 10730 万元 fails.",
    find,
};

const RULE: Rule = Rule::TextTable;

mod sangong;

fn is_self_evaluation(t: &Table) -> bool {
    t.caption.contains("绩效自评表")
        || t.rows
            .iter()
            .take(3)
            .any(|r| r.cells.iter().any(|c| c.text.contains("绩效自评表")))
}

/// The table's 全年预算数 for 年度资金总额: the header row names 年初预算数, 全年预算数 and
/// 全年执行数 in order, and the total row prints the figures in that order.
fn full_year_budget(t: &Table) -> Option<FigId> {
    let order: Vec<String> = t.rows.iter().find_map(|r| {
        let names: Vec<String> = r
            .cells
            .iter()
            .map(|c| c.text.replace([' ', '\u{3000}'], ""))
            .filter(|s| s.ends_with("预算数") || s.ends_with("执行数"))
            .collect();
        names.iter().any(|s| s == "全年预算数").then_some(names)
    })?;
    let pos = order.iter().position(|s| s == "全年预算数")?;
    let row = t.rows.iter().find(|r| {
        r.cells
            .iter()
            .any(|c| c.text.replace(' ', "").contains("年度资金总额"))
    })?;
    let figs: Vec<FigId> = row.cells.iter().filter_map(|c| c.figure).collect();
    if figs.len() < order.len() {
        return None;
    }
    figs.get(pos).copied()
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    sangong::find(claims, out);
    let doc = claims.doc;
    let tables: Vec<&Table> = doc
        .tables
        .iter()
        .filter(|t| is_self_evaluation(t))
        .collect();
    if tables.is_empty() {
        return;
    }
    let budgets: Option<Vec<FigId>> = tables.iter().map(|t| full_year_budget(t)).collect();
    for p in &claims.prose {
        text_claims(doc, p, tables.len(), budgets.as_deref(), out);
    }
}

fn text_claims(
    doc: &Document,
    p: &Prose<'_>,
    n_tables: usize,
    budgets: Option<&[FigId]>,
    out: &mut Out,
) {
    for (i, m) in p.mentions.iter().enumerate() {
        let counted = matches!(m.unit, Some("个" | "项"))
            && m.lead.contains("项目")
            && m.lead.contains("绩效")
            && (m.lead.contains("评价") || m.lead.contains("自评"));
        if !counted {
            continue;
        }
        let context = p.sentence_text(m.at);
        let Some(count) = doc.figure(m.fig) else {
            continue;
        };
        let n = Decimal::from(n_tables);
        out.push(
            Relation::equals(
                RULE,
                m.fig,
                Expr::Const(n),
                Text::new(
                    "评价项目个数 = 所附项目支出绩效自评表张数",
                    "projects evaluated = self-evaluation tables published",
                ),
            )
            .exact_target()
            .severity(Severity::Warning)
            .context(context.clone()),
        );
        // the money they involve, in the same sentence
        let Some(money) = p.mentions.iter().skip(i + 1).find(|x| {
            x.sentence == m.sentence
                && x.kind == Kind::Level
                && is_money(x.unit)
                && (x.lead.contains("资金") || x.lead.contains("金额"))
        }) else {
            continue;
        };
        let what = Text::new(
            "涉及资金 = 各自评表全年预算数之和",
            "money involved = sum of the tables' 全年预算数",
        );
        let bound = budgets.filter(|_| count.number.value == n);
        let unit_ok = doc.figure(money.fig).and_then(|f| f.unit) == Some("万元");
        match bound {
            Some(b) if unit_ok => out.push(
                Relation::equals(
                    RULE,
                    money.fig,
                    Expr::sum(b.iter().map(|f| Expr::Fig(*f))),
                    what,
                )
                .context(context),
            ),
            _ => out.push(
                Relation::unchecked(
                    RULE,
                    money.fig,
                    what,
                    Text::new(
                        "自评表与所述项目无法一一对应",
                        "the tables cannot be matched to the projects the text counts",
                    ),
                )
                .context(context),
            ),
        }
    }
}
