//! Recognising the standard 决算/预算 tables by their titles and finding their key figures.

use super::table::{clean_label, is_code_column, is_rate_header, total_level};
use crate::document::{Document, Table};
use crate::figure::FigId;
use crate::IntoVec;

/// The standard tables of a final-accounts (决算) disclosure, and their budget counterparts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// 收入支出决算总表 / 部门收支总表.
    IncomeExpenditure,
    /// 收入决算表 / 部门收入总表.
    Income,
    /// 支出决算表 / 部门支出总表.
    Expenditure,
    /// 财政拨款收入支出决算总表 / 财政拨款收支总表.
    FiscalAppropriation,
    /// 一般公共预算财政拨款支出决算表 / 一般公共预算支出表.
    GeneralBudgetExpenditure,
    /// 一般公共预算财政拨款基本支出决算表 / 一般公共预算基本支出表.
    BasicExpenditure,
    /// "三公"经费支出决算表.
    ThreePublic,
    /// 政府性基金预算财政拨款收入支出决算表 / 政府性基金预算支出表.
    GovFund,
    /// 国有资本经营预算财政拨款收入支出决算表 / 国有资本经营预算支出表.
    StateCapital,
}

impl Standard {
    /// A short name for messages: "表1 收入支出决算总表".
    pub fn name(self) -> &'static str {
        match self {
            Standard::IncomeExpenditure => "收入支出总表",
            Standard::Income => "收入表",
            Standard::Expenditure => "支出表",
            Standard::FiscalAppropriation => "财政拨款收入支出总表",
            Standard::GeneralBudgetExpenditure => "一般公共预算财政拨款支出表",
            Standard::BasicExpenditure => "一般公共预算财政拨款基本支出表",
            Standard::ThreePublic => "“三公”经费表",
            Standard::GovFund => "政府性基金预算财政拨款表",
            Standard::StateCapital => "国有资本经营预算财政拨款表",
        }
    }

    /// The short name in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Standard::IncomeExpenditure => "income and expenditure summary",
            Standard::Income => "income table",
            Standard::Expenditure => "expenditure table",
            Standard::FiscalAppropriation => "fiscal appropriations summary",
            Standard::GeneralBudgetExpenditure => "general public budget expenditure table",
            Standard::BasicExpenditure => "general public budget basic expenditure table",
            Standard::ThreePublic => "“three public” expenses table",
            Standard::GovFund => "government fund budget table",
            Standard::StateCapital => "state capital operation budget table",
        }
    }
}

/// What a table's title makes of it, read once per table by the claims stage
/// ([`super::Claims::kinds`]): which standard table it is for the checks between tables
/// ([`kind`]) and as a member of the table set, budget titles included ([`member`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kinds {
    /// As [`kind`] reads it.
    pub kind: Option<Standard>,
    /// As [`member`] reads it.
    pub member: Option<Standard>,
}

/// Both readings of a table's title ([`Kinds`]), its title built and normalised once.
pub fn kinds(t: &Table) -> Kinds {
    classify(&table_title(t))
}

/// Which standard table this is, from the title printed above or in its first rows, for the
/// checks between tables: a budget's 一般公共预算支出功能分类预算表 and 基本支出部门预算经济分类
/// 预算表 are left out (see [`member`]). The checks read it from [`super::Claims::kinds`].
pub fn kind(t: &Table) -> Option<Standard> {
    kinds(t).kind
}

/// Which member of the standard table set this is, budget titles included: what the
/// table-set check counts.
pub fn member(t: &Table) -> Option<Standard> {
    kinds(t).member
}

/// The text a table is recognised by: its caption and first header rows, whitespace removed.
fn table_title(t: &Table) -> String {
    // the caption's last line without the note of the table before it, which a PDF's
    // rebuilt line can carry ("注：本表反映…“三公”经费…。 政府性基金预算…表")
    let mut title = String::new();
    let mut lines = t.caption.lines().peekable();
    while let Some(l) = lines.next() {
        let l = if lines.peek().is_none() { t.title() } else { l };
        crate::figure::push_unspaced(&mut title, l);
    }
    for r in t.rows().iter().take(t.header_rows.min(3)) {
        for c in &r.cells {
            crate::figure::push_unspaced(&mut title, c.text);
        }
    }
    title
}

/// Which standard table a title names (whitespace removed), as [`member`] counts it.
pub fn member_of_title(title: &str) -> Option<Standard> {
    classify(title).member
}

/// Which standard table a title names, both ways ([`Kinds`]): the member reading also
/// takes the budget titles the checks between tables do not read yet (the pdf.js and
/// native readings of some budgets' 财政拨款收支总表 differ, and these tables would make
/// the two reports differ).
fn classify(title: &str) -> Kinds {
    let title = super::normalise::normalise(title);
    // a line of the contents, its dot leader run on: not a table
    if title.contains("……") || title.contains("...") {
        return Kinds::default();
    }
    // longest names first: 财政拨款收入支出决算总表 contains 收入支出决算总表
    // most names end in 表: those are looked for where a 表 ends, the title searched once
    // for its 表s instead of once for each name
    let ends: Vec<usize> = title
        .match_indices('表')
        .map(|(k, b)| k + b.len())
        .into_vec();
    let has = |k: &str| {
        if k.ends_with('表') {
            ends.iter()
                .any(|&e| title.get(..e).is_some_and(|h| h.ends_with(k)))
        } else {
            title.contains(k)
        }
    };
    let both = |k: Standard| Kinds {
        kind: Some(k),
        member: Some(k),
    };
    // the fund tables (政府性基金 / 国有资本经营) are not the 支出表 their titles end like
    let fund_table = (has("政府性基金预算财政拨款")
        || has("国有资本经营预算财政拨款")
        || has("政府性基金预算支出")
        || has("国有资本经营预算支出"))
        && !has("总表")
        && !has("一般公共预算财政拨款");
    if fund_table && !has("三公") {
        return both(if has("政府性基金") {
            Standard::GovFund
        } else {
            Standard::StateCapital
        });
    }
    if has("三公") {
        return both(Standard::ThreePublic);
    }
    if has("基本支出决算表") || has("基本支出表") || has("基本支出预算表") {
        return both(Standard::BasicExpenditure);
    }
    let kind = if has("一般公共预算财政拨款支出决算表")
        || has("一般公共预算支出表")
        || has("一般公共预算支出预算表")
        || has("一般公共预算支出功能分类预算表")
    {
        Some(Standard::GeneralBudgetExpenditure)
    } else if has("财政拨款收入支出决算总表")
        || has("财政拨款收支总表")
        || has("财政拨款收支预算总表")
    {
        Some(Standard::FiscalAppropriation)
    } else if has("收入支出决算总表")
        || has("部门收支总表")
        || has("收支预算总表")
        || has("收支总表")
    {
        Some(Standard::IncomeExpenditure)
    } else if has("收入决算表") || has("部门收入总表") || has("收入预算表") || has("收入预算总表")
    {
        Some(Standard::Income)
    } else if has("支出决算表") || has("部门支出总表") || has("支出预算表") || has("支出预算总表")
    {
        Some(Standard::Expenditure)
    } else {
        None
    };
    // a budget's 一般公共预算基本支出…表 is a member of the set, not read between tables
    let member = if has("一般公共预算基本支出") {
        Some(Standard::BasicExpenditure)
    } else {
        kind
    };
    Kinds { kind, member }
}

/// The figure printed right after the cell labelled `label` (first amount, skipping 行次),
/// optionally in the column whose header contains `col`.
pub fn labelled(doc: &Document, t: &Table, label: &str, col: Option<&str>) -> Option<FigId> {
    let mut found = None;
    for (r, row) in t.rows().iter().enumerate().skip(t.header_rows) {
        for (c, cell) in row.cells.iter().enumerate() {
            if clean_label(cell.text) != label {
                continue;
            }
            let next_label = row
                .cells
                .iter()
                .enumerate()
                .skip(c + 1)
                .find(|(_, x)| x.figure.is_none() && !x.text.is_empty())
                .map_or(row.cells.len(), |(i, _)| i);
            let pick = (c + 1..next_label).find(|&k| {
                !is_code_column(t, k)
                    && t.figure(r, k).is_some()
                    && col.is_none_or(|h| t.column_header(k).contains(h))
            });
            if let Some(k) = pick {
                if found.is_some() {
                    return None; // printed twice: ambiguous
                }
                found = t.figure(r, k).filter(|&id| doc.figure(id).is_some());
            }
        }
    }
    found
}

/// The 合计 row's figure in the first amount column (or the one whose header contains
/// `col`).
pub fn grand_total(doc: &Document, t: &Table, col: Option<&str>) -> Option<FigId> {
    let r = (t.header_rows..t.rows().len()).find(|&r| {
        t.rows().get(r).is_some_and(|row| {
            row.cells
                .iter()
                .any(|c| total_level(c.text) == Some(2) && clean_label(c.text) == "合计")
        })
    })?;
    let width = t.rows().get(r)?.cells.len();
    let k = (0..width).find(|&k| {
        let h = t.column_header(k);
        t.figure(r, k).is_some()
            && !is_code_column(t, k)
            && !is_rate_header(&h)
            && col.is_none_or(|c| h.contains(c))
    })?;
    t.figure(r, k).filter(|&id| doc.figure(id).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Standard::*;

    fn both(title: &str) -> (Option<Standard>, Option<Standard>) {
        let k = classify(title);
        (k.kind, k.member)
    }

    #[test]
    fn titles_name_their_standard_table_for_the_checks_and_for_the_set() {
        assert_eq!(
            both("财政拨款收入支出决算总表"),
            (Some(FiscalAppropriation), Some(FiscalAppropriation))
        );
        assert_eq!(
            both("附表1收入支出决算总表（续表）"),
            (Some(IncomeExpenditure), Some(IncomeExpenditure))
        );
        assert_eq!(both("附表2收入决算表"), (Some(Income), Some(Income)));
        assert_eq!(both("支出决算表表"), (Some(Expenditure), Some(Expenditure)));
        assert_eq!(
            both("政府性基金预算财政拨款收入支出决算表"),
            (Some(GovFund), Some(GovFund))
        );
        assert_eq!(
            both("一般公共预算财政拨款“三公”经费支出决算表"),
            (Some(ThreePublic), Some(ThreePublic))
        );
        // a budget's basic-expenditure table is a member of the set only
        assert_eq!(
            both("一般公共预算基本支出情况表"),
            (None, Some(BasicExpenditure))
        );
        assert_eq!(both("項目支出績效自評表"), (None, None));
        assert_eq!(both("收入决算表……3"), (None, None));
        // traditional script and full-width forms are read as their simplified forms
        assert_eq!(both("收入決算表"), (Some(Income), Some(Income)));
    }
}
