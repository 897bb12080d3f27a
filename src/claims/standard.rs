//! Recognising the standard 决算/预算 tables by their titles and finding their key figures.

use super::table::{clean_label, is_code_column, is_rate_header, total_level};
use crate::document::{Document, Table};
use crate::figure::FigId;

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
        }
    }
}

/// Which standard table this is, from the title printed above or in its first rows.
pub fn kind(t: &Table) -> Option<Standard> {
    // the title, not the note of the table before it that a PDF's rebuilt caption carries
    let mut title: String = t.title().chars().filter(|c| !c.is_whitespace()).collect();
    for r in t.rows.iter().take(t.header_rows.min(3)) {
        for c in &r.cells {
            title.extend(c.text.chars().filter(|c| !c.is_whitespace()));
        }
    }
    let title = super::normalise::normalise(&title);
    // longest names first: 财政拨款收入支出决算总表 contains 收入支出决算总表
    let has = |k: &str| title.contains(k);
    // the fund tables (政府性基金 / 国有资本经营) are not the 支出表 their titles end like
    let fund_table = (has("政府性基金预算财政拨款")
        || has("国有资本经营预算财政拨款")
        || has("政府性基金预算支出")
        || has("国有资本经营预算支出"))
        && !has("总表")
        && !has("一般公共预算财政拨款");
    if fund_table && !has("三公") {
        None
    } else if has("三公") {
        Some(Standard::ThreePublic)
    } else if has("基本支出决算表") || has("基本支出表") || has("基本支出预算表")
    {
        Some(Standard::BasicExpenditure)
    } else if has("一般公共预算财政拨款支出决算表")
        || has("一般公共预算支出表")
        || has("一般公共预算支出预算表")
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
    }
}

/// The figure printed right after the cell labelled `label` (first amount, skipping 行次),
/// optionally in the column whose header contains `col`.
pub fn labelled(doc: &Document, t: &Table, label: &str, col: Option<&str>) -> Option<FigId> {
    let mut found = None;
    for (r, row) in t.rows.iter().enumerate().skip(t.header_rows) {
        for (c, cell) in row.cells.iter().enumerate() {
            if clean_label(&cell.text) != label {
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
    let r = (t.header_rows..t.rows.len()).find(|&r| {
        t.rows.get(r).is_some_and(|row| {
            row.cells
                .iter()
                .any(|c| total_level(&c.text) == Some(2) && clean_label(&c.text) == "合计")
        })
    })?;
    let width = t.rows.get(r)?.cells.len();
    let k = (0..width).find(|&k| {
        let h = t.column_header(k);
        t.figure(r, k).is_some()
            && !is_code_column(t, k)
            && !is_rate_header(&h)
            && col.is_none_or(|c| h.contains(c))
    })?;
    t.figure(r, k).filter(|&id| doc.figure(id).is_some())
}
