//! `code-rollup`: a classification code's row equals the sum of its children's rows.

use super::{Check, Out};
use crate::claims::table::{
    cells_into, is_code_column, is_rate_header, row_code_short, trimmed, Code,
};
use crate::claims::Claims;
use crate::document::Table;
use crate::relation::Rule;
use crate::relation::{Text, Words, WordsKind};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::CodeRollup,
    title_zh: "上级科目等于下级科目之和",
    title_en: "A classification code equals the sum of its sub-codes",
    what: "In tables by 功能分类 (类 3 digits, 款 5, 项 7: 201 ⊇ 20103 ⊇ 2010301) or 经济分类 \
           (301 ⊇ 30101), a row's amount equals the sum of the rows of its direct sub-codes \
           printed under it, column by column. Codes may sit in one cell (\"2010301 行政运行\") \
           or across 类/款/项 columns. Only rows whose sub-codes are printed are checked.",
    why: "A parent line that does not equal its children means a line was dropped, doubled or \
          misclassified — the error DOMAIN experts find most often in 功能分类 tables.",
    tolerance: "Each cell stands for ±½ of its last digit; blank and dash cells add nothing.",
    example: "201 一般公共服务支出 100 over 20103 60.5 and 20104 40 fails: 100.5.",
    find,
};

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for (ti, t) in doc.tables.iter().enumerate() {
        // every row's code, read once in the claims stage (none in the header rows)
        let codes: Vec<Option<Code>> = claims.rows_of(ti).iter().map(|f| f.code).collect();
        if codes.iter().flatten().count() < 2 {
            continue;
        }
        // a second block of codes side by side (基本支出表: 301… left, 302… right): the
        // codes read are the left block's, so only its columns are summed
        let width = second_block(t).unwrap_or_else(|| t.width());
        // columns of codes and of rates are no sums: decided once per column, not per row
        let skip: Vec<bool> = (0..width)
            .map(|col| is_code_column(t, col) || is_rate_header(&t.header(col)))
            .collect();
        // one vector for every row's children, cleared, not allocated a row at a time
        let mut children = Vec::new();
        let mut terms = Vec::new();
        for (r, code) in codes.iter().enumerate() {
            let Some(code) = code.as_ref() else {
                continue;
            };
            let child_len = match code.len() {
                3 => 5,
                5 => 7,
                _ => continue,
            };
            // direct children: the following rows inside this code
            children.clear();
            for (k, c) in codes.iter().enumerate().skip(r + 1) {
                let Some(c) = c.as_ref() else {
                    continue;
                };
                if !c.digits().starts_with(code.digits()) {
                    break;
                }
                if c.len() == child_len {
                    children.push(k);
                }
            }
            if children.is_empty() {
                continue;
            }
            let code = code.as_str();
            for col in 0..width {
                if skip.get(col).copied().unwrap_or(true) {
                    continue;
                }
                let Some(target) = t.figure(r, col) else {
                    continue;
                };
                let in_code = t.cell(r, col).is_some_and(|c| {
                    let s = trimmed(c.text);
                    !s.is_empty() && s.len() <= code.len() && code.contains(s)
                });
                if in_code {
                    continue;
                }
                if doc.is_percent(target) {
                    continue;
                }
                if !cells_into(t, children.iter().map(|&k| (k, col)), &mut terms) {
                    continue;
                }
                // the words are built only if the relation is kept (see `Words`)
                out.push_sum(
                    Rule::CodeRollup,
                    target,
                    &terms,
                    Words::at(WordsKind::CodeRollup, ti, r, col, 0),
                    || words(t, r, col),
                );
            }
        }
    }
}

/// The words of a row's roll-up in column `col`.
pub(super) fn words(t: &Table, r: usize, col: usize) -> Text {
    let code = row_code_short(t, r);
    let code = code.as_ref().map_or("", Code::as_str);
    let label = t.row_label(r);
    let header = t.header(col);
    Text::new(
        format!("{code} {label} = 下级科目之和（{header}）"),
        format!("{code} {label} = sum of its sub-codes ({header})"),
    )
}

/// The first column of a second block of code columns printed to the right of amounts,
/// if the table has one.
fn second_block(t: &crate::document::Table) -> Option<usize> {
    let is_code = |s: &str| (2..=7).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let code_col = |c: usize| {
        // the filled cells, and how many of them are codes: counted, not collected
        let (filled, codes) = t
            .rows()
            .iter()
            .skip(t.header_rows)
            .filter_map(|r| r.cells.get(c))
            .map(|x| trimmed(x.text))
            .filter(|x| !x.is_empty())
            .fold((0usize, 0usize), |(n, k), x| {
                (n + 1, k + usize::from(is_code(x)))
            });
        filled >= 2 && codes * 2 > filled
    };
    let mut seen_code = false;
    let mut seen_other = false;
    for c in 0..t.width() {
        if code_col(c) {
            if seen_code && seen_other {
                return Some(c);
            }
            seen_code = true;
        } else if seen_code {
            seen_other = true;
        }
    }
    None
}
