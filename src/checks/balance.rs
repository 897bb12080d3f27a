//! `balance`: a two-sided summary table balances: 收入总计 = 支出总计.

use super::{Check, Out};
use crate::claims::table::{clean_label_is, is_code_column};
use crate::claims::Claims;
use crate::figure::CellKind;
use crate::relation::Rule;
use crate::relation::{Expr, Relation, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::Balance,
    title_zh: "收入总计等于支出总计",
    title_en: "Income total equals expenditure total",
    what: "In a two-sided summary table (收入支出总表, 财政拨款收入支出总表) the row 总计 is \
           printed on both sides: income on the left, expenditure on the right. Column by \
           column, the right-hand 总计 equals the left-hand one.",
    why: "Every yuan received is spent or carried forward: a summary that does not balance \
          has lost or invented money, and the other tables are then suspect too.",
    tolerance: "Both totals stand for ±½ of their last digit; they agree when the intervals \
                meet.",
    example: "收入 总计 1,050.00 | 支出 总计 1,005.00 fails: expected 1,050.00.",
    find,
};

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for t in &doc.tables {
        for (r, row) in t.rows().iter().enumerate().skip(t.header_rows) {
            // the cells of words only, found by kind before any text is opened
            let mut labels: Vec<usize> = Vec::new();
            let mut at = row.cells.position_of(CellKind::Text, 0);
            while let Some(i) = at {
                if row
                    .cells
                    .get(i)
                    .is_some_and(|c| clean_label_is(c.text, "总计"))
                {
                    labels.push(i);
                }
                at = row.cells.position_of(CellKind::Text, i + 1);
            }
            let [left, right] = labels.as_slice() else {
                continue;
            };
            // amounts of each side, in order, 行次 skipped
            let side = |from: usize, to: usize| -> Vec<usize> {
                (from + 1..to)
                    .filter(|&k| !is_code_column(t, k) && t.figure(r, k).is_some())
                    .filter_map(|k| t.figure(r, k))
                    .collect()
            };
            let income = side(*left, *right);
            let spending = side(*right, row.cells.len());
            if income.len() != spending.len() {
                continue;
            }
            for (&a, &b) in income.iter().zip(&spending) {
                out.push(Relation::equals(
                    Rule::Balance,
                    b,
                    Expr::Fig(a),
                    Text::new("支出总计 = 收入总计", "expenditure total = income total"),
                ));
            }
        }
    }
}
