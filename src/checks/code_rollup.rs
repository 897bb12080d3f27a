//! `code-rollup`: a classification code's row equals the sum of its children's rows.

use super::{Check, Out};
use crate::claims::table::{
    cells_into, is_code_column, is_label_column, is_rate_header, row_code_short, trimmed, Code,
};
use crate::claims::Claims;
use crate::document::{Document, Table};
use crate::relation::Rule;
use crate::relation::{Text, Words, WordsKind};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::CodeRollup,
    title_zh: "上级科目等于下级科目之和",
    title_en: "A classification code equals the sum of its sub-codes",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In tables by 功能分类 (类 3 digits, 款 5, 项 7: 201 ⊇ 20103 ⊇ 2010301) or 经济分类 \
               (301 ⊇ 30101), a row's amount equals the sum of the rows of its direct sub-codes \
               printed under it, column by column. Codes may sit in one cell (\"2010301 行政运行\") \
               or across 类/款/项 columns, or in parts in one line (\"201 03 01 行政运行\"). Only \
               rows whose sub-codes are printed are checked; where the table may go on past the \
               rows that could be read (a copied table ending at a row whose cells cannot be \
               placed), a row whose sub-codes reach the last row read is reported only if it holds.",
        why: "A parent line that does not equal its children means a line was dropped, doubled or \
              misclassified — the error most often found in 功能分类 tables by those who audit them.",
        tolerance: "Each cell stands for ±½ of its last digit; blank and dash cells add nothing, \
                    and so does a bare 0 in a sum of amounts with decimals.",
        example: "201 一般公共服务支出 100 over 20103 60.5 and 20104 40 fails: 100.5.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "在按功能分类（类 3 位、款 5 位、项 7 位：201 ⊇ 20103 ⊇ 2010301）或经济分类（301 ⊇ 30101\
               ）列示的表中，某一行的金额逐列等于印在其下方的直接下级科目各行之和。编码可以\
               写在一个单元格中（“2010301 行政运行”），也可以分列在类、款、项各列，或在一行中分段\
               书写（“201 03 01 行政运行”）。只核对印出了下级科目的行；表格可能在能读出的行之后还\
               有内容时（复制的表格止于一个无法对齐各格的行），下级科目延续到最后一行的科目只在成立\
               时报告。",
        why: "上级科目行不等于其下级科目之和，说明有一行被遗漏、重复或归错了类——这是业内专家在功\
              能分类表中最常发现的错误。",
        tolerance: "每个单元格代表其末位 ±½ 的区间；空白格和短横线格不计入，在带小数的金额求和中，\
                    单独一个 0 也不计入。",
        example: "“201 一般公共服务支出 100”，其下为“20103 60.5”和“20104 40”，不成立：应为 100.5。",
    },
    find,
};

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for (ti, t) in doc.tables.iter().enumerate() {
        // every row's code, read once in the claims stage (none in the header rows)
        let codes: Vec<Option<Code>> = claims.rows_of(ti).iter().map(|f| f.code).into_vec();
        if codes.iter().flatten().count() < 2 {
            continue;
        }
        // a second block of codes side by side (基本支出表: 301… left, 302… right): the
        // codes read are the left block's, so only its columns are summed
        let width = second_block(doc, t).unwrap_or_else(|| t.width());
        // columns of codes and of rates are no sums: decided once per column, not per row
        let skip: Vec<bool> = (0..width)
            .map(|col| is_code_column(t, col) || is_rate_header(&t.header(col)))
            .into_vec();
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
            // a table cut at a row that could not be read (see `Table::cut`): sub-codes
            // running to its last row may go on past it, so only a sum that holds is said
            let mut open = t.cut;
            for (k, c) in codes.iter().enumerate().skip(r + 1) {
                let Some(c) = c.as_ref() else {
                    continue;
                };
                if !c.starts_with(code) {
                    open = false;
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
                if open {
                    out.push_sum_if_holds(Rule::CodeRollup, target, &terms, words(t, r, col));
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
    // the code once: "2010301 行政运行" in one cell is the label already
    let name = if label.starts_with(code) {
        label.to_string()
    } else {
        format!("{code} {label}")
    };
    let header = t.header(col);
    Text::new(
        format!("{name} = 下级科目之和（{header}）"),
        format!("{name} = sum of its sub-codes ({header})"),
    )
}

/// The first column of a second block of code columns printed to the right of amounts,
/// with a column of names after it, if the table has one.
fn second_block(doc: &Document, t: &Table) -> Option<usize> {
    let is_code = |s: &str| (2..=7).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let code_col = |c: usize| {
        // the filled cells, and how many of them are codes: counted, not collected
        let (mut filled, mut codes) = (0usize, 0usize);
        let rows = t.rows().len();
        for r in t.header_rows..rows {
            // the rows left, all codes, could no longer make codes the most: not a code
            // column (a column of amounts is known so half-way down)
            if 2 * codes + (rows - r) <= filled {
                return false;
            }
            // an amount printed with decimals is filled and no code, told from its figure
            // without opening the cell's text (most of a large table's cells)
            let decimals = t
                .figure(r, c)
                .and_then(|id| doc.plain_mantissa(id))
                .is_some_and(|(_, scale)| scale > 0);
            if decimals {
                filled += 1;
                continue;
            }
            match t.cell(r, c).map(|x| trimmed(x.text)) {
                Some(x) if !x.is_empty() => {
                    filled += 1;
                    codes += usize::from(is_code(x));
                }
                _ => {}
            }
        }
        filled >= 2 && codes * 2 > filled
    };
    // a second block starts at the third column or later, after a code column and another:
    // where none of those is a code column there is none, and the first two columns (codes
    // and names, the cells that must be opened to tell) are not read at all
    let width = t.width();
    let later: Vec<bool> = (2..width).map(code_col).into_vec();
    if !later.contains(&true) {
        return None;
    }
    // a block of its own has names of its own: without a column of words after it, a
    // column of whole numbers is amounts (a table in 元 printed without decimals)
    let last_names = (0..width).rev().find(|&k| is_label_column(t, k));
    let mut seen_code = false;
    let mut seen_other = false;
    for c in 0..width {
        let code_here = match c.checked_sub(2) {
            Some(i) => later.get(i).copied().unwrap_or(false),
            None => code_col(c),
        };
        if code_here {
            if seen_code && seen_other && last_names.is_some_and(|k| k > c) {
                return Some(c);
            }
            seen_code = true;
        } else if seen_code {
            seen_other = true;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table in whole 元 whose 行政运行 row (130 = 80 + 50) breaks 20101's roll-up.
    const WHOLE_YUAN: &str = "支出决算表\n\n\
        科目编码\t科目名称\t合计\t基本支出\t项目支出\n\
        201\t一般公共服务支出\t300\t200\t100\n\
        20101\t人大事务\t300\t200\t100\n\
        2010101\t行政运行\t130\t80\t50\n\
        2010102\t一般行政管理事务\t180\t120\t60\n";

    /// `second_block` of the first table read from tab-separated `text`.
    fn block(text: &str) -> Option<usize> {
        let doc = crate::read::read_str(text).ok()?;
        second_block(&doc, doc.tables.first()?)
    }

    #[test]
    fn a_second_block_of_codes_is_found_right_of_the_amounts() {
        // 基本支出表: 301… on the left, 302… on the right
        let two = "基本支出决算表\n\n\
            类\t款\t科目名称\t决算数\t类\t款\t科目名称\t决算数\n\
            301\t\t工资福利支出\t300.00\t302\t\t商品和服务支出\t50.00\n\
            301\t01\t基本工资\t200.00\t302\t01\t办公费\t20.00\n\
            301\t02\t津贴补贴\t100.00\t302\t02\t印刷费\t30.00\n";
        assert_eq!(block(two), Some(4));
        // one block, amounts with decimals (their cells told from their figures) …
        let one = "支出决算表\n\n\
            科目编码\t科目名称\t合计\t基本支出\t项目支出\n\
            201\t一般公共服务支出\t300.00\t200.00\t100.00\n\
            20101\t人大事务\t300.00\t200.00\t100.00\n\
            2010101\t行政运行\t120.00\t80.00\t40.00\n";
        assert_eq!(block(one), None);
        // … and with a code column in the third place (codes split over 类, 款, 项)
        let split = "支出决算表\n\n\
            类\t款\t项\t科目名称\t合计\n\
            201\t\t\t一般公共服务支出\t300.00\n\
            201\t01\t\t人大事务\t300.00\n\
            201\t01\t01\t行政运行\t300.00\n";
        assert_eq!(block(split), None);
        // amounts in whole 元 read as codes by their digits, but no names follow them
        assert_eq!(block(WHOLE_YUAN), None);
    }

    /// A column is counted to its last row when codes can still be the most of it: here
    /// they are by one, in the last row, after a cell of words (the count stops early only
    /// once they no longer can).
    #[test]
    fn a_code_column_whose_codes_are_the_most_only_at_its_last_row_is_one() {
        let two = "基本支出决算表\n\n\
            类\t科目名称\t决算数\t类\t科目名称\t决算数\n\
            301\t工资福利支出\t300.00\t小计\t商品和服务支出\t50.00\n\
            30101\t基本工资\t200.00\t302\t办公费\t20.00\n\
            30102\t津贴补贴\t100.00\t30201\t印刷费\t30.00\n";
        assert_eq!(block(two), Some(3));
        // one more cell of words and they are not
        let three = two.replace("30201\t印刷费", "其他\t印刷费");
        assert_eq!(block(&three), None);
    }

    #[test]
    fn a_table_of_whole_yuan_has_its_codes_rolled_up() {
        // every amount a whole number, read as code-like by its digits: the roll-ups are
        // still found, and those that do not hold (行政运行 130, not 120) fail
        let Ok(report) = crate::check_str(WHOLE_YUAN) else {
            panic!("the table reads");
        };
        let rollups: Vec<(&str, crate::report::Outcome)> = report
            .checks
            .iter()
            .filter(|e| e.rule == Rule::CodeRollup)
            .map(|e| (e.reported.as_str(), e.status))
            .collect();
        use crate::report::Outcome::{Fail, Pass};
        // the code named once in the words, whether it has a cell of its own or not
        let words = |text: &str| {
            crate::check_str(text).map_or(Vec::new(), |r| {
                r.checks
                    .into_iter()
                    .filter(|e| e.rule == Rule::CodeRollup && e.status == Fail)
                    .map(|e| e.message.en)
                    .collect::<Vec<_>>()
            })
        };
        let in_one_cell = "支出决算表\n\n项目\t合计\n201 一般公共服务支出\t300\n\
            20101 人大事务\t300\n2010101 行政运行\t130\n2010102 一般行政管理事务\t180\n";
        for text in [WHOLE_YUAN, in_one_cell] {
            let first = words(text).into_iter().next().unwrap_or_default();
            assert!(
                first.starts_with("20101 人大事务 = sum of its sub-codes"),
                "{first}"
            );
        }
        assert_eq!(
            rollups,
            [
                ("300", Pass),
                ("200", Pass),
                ("100", Pass),
                ("300", Fail),
                ("200", Pass),
                ("100", Fail)
            ]
        );
    }
}
