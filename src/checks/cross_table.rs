//! `cross-table`: the standard tables agree with each other.

use super::Check;
use crate::claims::standard::{grand_total, kind, labelled, Standard};
use crate::claims::Claims;
use crate::document::Table;
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Expr, Relation, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::CrossTable,
    title_zh: "各表之间的数字一致",
    title_en: "The standard tables agree with each other",
    what: "Recognises the standard tables by their titles and checks the figures one table \
           carries over from another: 收入支出总表's 本年收入合计 equals the 合计 of the 收入表; \
           its 本年支出合计 equals the 合计 of the 支出表; the 一般公共预算财政拨款 column of the \
           财政拨款收入支出总表's 本年支出合计 equals the 合计 of the 一般公共预算财政拨款支出表; \
           that table's 基本支出 合计 equals the 合计 of the 基本支出表.",
    why: "The tables are filled from one set of accounts; a figure that differs between them \
          means one of them was edited by hand or taken from another version.",
    tolerance: "Both figures stand for ±½ of their last digit; they agree when the two \
                intervals meet. Nothing is checked when either figure cannot be found \
                unambiguously (a label printed twice, a table missing).",
    example: "收入支出总表 本年收入合计 1,020.00 against 收入表 合计 1,002.00 fails.",
    find,
};

/// A figure carried from one table to another.
struct Link {
    from: Standard,
    from_label: &'static str,
    from_col: Option<&'static str>,
    to: Standard,
    to_col: Option<&'static str>,
    to_alt_col: Option<&'static str>,
}

const LINKS: &[Link] = &[
    Link {
        from: Standard::IncomeExpenditure,
        from_label: "本年收入合计",
        from_col: None,
        to: Standard::Income,
        to_col: Some("本年收入合计"),
        to_alt_col: None,
    },
    Link {
        from: Standard::IncomeExpenditure,
        from_label: "本年支出合计",
        from_col: None,
        to: Standard::Expenditure,
        to_col: Some("本年支出合计"),
        to_alt_col: None,
    },
    Link {
        from: Standard::FiscalAppropriation,
        from_label: "本年支出合计",
        from_col: Some("一般公共预算"),
        to: Standard::GeneralBudgetExpenditure,
        to_col: Some("合计"),
        to_alt_col: None,
    },
    Link {
        from: Standard::GeneralBudgetExpenditure,
        from_label: "合计",
        from_col: Some("基本支出"),
        to: Standard::BasicExpenditure,
        to_col: Some("合计"),
        to_alt_col: Some("基本支出"),
    },
];

fn find(claims: &Claims<'_>, out: &mut Vec<Relation>) {
    let doc = claims.doc;
    let tables: Vec<(Standard, &Table)> = doc
        .tables
        .iter()
        .filter_map(|t| kind(t).map(|k| (k, t)))
        .collect();
    let only = |k: Standard| -> Option<&Table> {
        let mut it = tables.iter().filter(|(kk, _)| *kk == k);
        let first = it.next()?.1;
        it.next().is_none().then_some(first)
    };
    for link in LINKS {
        let (Some(from), Some(to)) = (only(link.from), only(link.to)) else {
            continue;
        };
        let Some(a) = labelled(doc, from, link.from_label, link.from_col) else {
            continue;
        };
        let b: Option<FigId> = grand_total(doc, to, link.to_col)
            .or_else(|| link.to_alt_col.and_then(|c| grand_total(doc, to, Some(c))))
            .or_else(|| grand_total(doc, to, None));
        let Some(b) = b else { continue };
        let col = link
            .from_col
            .map(|c| format!("（{c}）"))
            .unwrap_or_default();
        let what = Text::new(
            format!(
                "{}{} {} = {} 合计",
                link.from.name(),
                col,
                link.from_label,
                link.to.name()
            ),
            format!(
                "{}{} {} = total of {}",
                link.from.name(),
                col,
                link.from_label,
                link.to.name()
            ),
        );
        out.push(Relation::equals(Rule::CrossTable, a, Expr::Fig(b), what));
    }
}
