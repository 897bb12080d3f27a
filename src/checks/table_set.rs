//! `table-set`: a whole 部门决算 / 部门预算 disclosure carries every standard table, and a
//! table left blank says why. Not arithmetic, so no relation: what it finds is a list of
//! notes beside the report's entries, info or warning, never an error.
//!
//! A document is taken for a whole disclosure only when it carries most of the set itself
//! (five or more of its tables), or at least three of them and a contents list naming five:
//! an excerpt, a narrative whose tables are attachments, or one table copied out is never
//! told that the rest is missing.

use crate::claims::standard::{member, member_of_title, Standard};
use crate::claims::table::is_code_column;
use crate::document::{Document, Table, Text};
use crate::figure::CellKind;
use crate::relation::Severity;
use crate::IntoVec;
use serde::Serialize;

/// What was found about one standard table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// A table of the standard set is not in the document.
    MissingTable,
    /// A table is printed without a figure and without a note saying why.
    BlankTable,
    /// A table is printed without a figure, with the note that says why.
    BlankTableNoted,
}

impl Finding {
    /// The id JSON prints.
    pub fn id(self) -> &'static str {
        match self {
            Finding::MissingTable => "missing-table",
            Finding::BlankTable => "blank-table",
            Finding::BlankTableNoted => "blank-table-noted",
        }
    }
}

/// One note about the standard table set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableNote {
    /// What was found.
    pub kind: Finding,
    /// `warning` for a missing table or a blank one without its note, `info` otherwise.
    pub severity: Severity,
    /// The table's standard name, in both languages.
    pub table: Text,
    /// 1-based line of the table's first row (a table present).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based page of the table's first row, for paged input (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// What was found, in both languages.
    pub message: Text,
}

/// The standard set of a final-accounts (决算) disclosure, in its usual order.
const FINAL: &[Standard] = &[
    Standard::IncomeExpenditure,
    Standard::Income,
    Standard::Expenditure,
    Standard::FiscalAppropriation,
    Standard::GeneralBudgetExpenditure,
    Standard::BasicExpenditure,
    Standard::ThreePublic,
    Standard::GovFund,
    Standard::StateCapital,
];

/// The eight tables of a budget (预算) disclosure; some regions add the 国有资本经营预算
/// table, which is recognised but not required: the final set less its last table.
const BUDGET: &[Standard] = FINAL.split_at(FINAL.len() - 1).0;

/// The title a disclosure gives the table.
fn title(k: Standard, budget: bool) -> &'static str {
    match (k, budget) {
        (Standard::IncomeExpenditure, false) => "收入支出决算总表",
        (Standard::Income, false) => "收入决算表",
        (Standard::Expenditure, false) => "支出决算表",
        (Standard::FiscalAppropriation, false) => "财政拨款收入支出决算总表",
        (Standard::GeneralBudgetExpenditure, false) => "一般公共预算财政拨款支出决算表",
        (Standard::BasicExpenditure, false) => "一般公共预算财政拨款基本支出决算表",
        (Standard::ThreePublic, false) => "财政拨款“三公”经费支出决算表",
        (Standard::GovFund, false) => "政府性基金预算财政拨款收入支出决算表",
        (Standard::StateCapital, false) => "国有资本经营预算财政拨款收入支出决算表",
        (Standard::IncomeExpenditure, true) => "部门收支总表",
        (Standard::Income, true) => "部门收入总表",
        (Standard::Expenditure, true) => "部门支出总表",
        (Standard::FiscalAppropriation, true) => "财政拨款收支总表",
        (Standard::GeneralBudgetExpenditure, true) => "一般公共预算支出表",
        (Standard::BasicExpenditure, true) => "一般公共预算基本支出表",
        (Standard::ThreePublic, true) => "“三公”经费支出表",
        (Standard::GovFund, true) => "政府性基金预算支出表",
        (Standard::StateCapital, true) => "国有资本经营预算支出表",
    }
}

/// Words a note naming the table must contain (a note naming another fund is that
/// table's).
fn key(k: Standard) -> Option<&'static str> {
    match k {
        Standard::ThreePublic => Some("三公"),
        Standard::GovFund => Some("政府性基金"),
        Standard::StateCapital => Some("国有资本经营"),
        _ => None,
    }
}

/// The wording of a note that says a table is blank on purpose.
const NOTE_WORDS: &[&str] = &[
    "空表",
    "为空",
    "无数据",
    "没有数据",
    "本表无",
    "无发生",
    "未发生",
    "不涉及",
    "无此项",
    "无相关",
];

/// Tables the document must carry before a missing one is reported.
const WHOLE_FOUND: usize = 5;
/// With a contents list naming at least [`WHOLE_LISTED`] of them, fewer suffice.
const WHOLE_FOUND_LISTED: usize = 3;
const WHOLE_LISTED: usize = 5;

/// Notes on the standard table set: each missing table of a whole disclosure, each table
/// printed blank (with or without its note).
pub fn find(doc: &Document) -> Vec<TableNote> {
    let members: Vec<Option<Standard>> = doc.tables.iter().map(member).into_vec();
    find_among(doc, &members)
}

/// [`find`] with each table's membership already read (the claims stage's
/// [`crate::claims::Claims::kinds`], same index as the document's tables): a title is then
/// not normalised and searched a second time.
pub fn find_among(doc: &Document, member_of: &[Option<Standard>]) -> Vec<TableNote> {
    let members: Vec<(usize, Standard)> = member_of
        .iter()
        .enumerate()
        .filter_map(|(i, k)| k.map(|k| (i, k)))
        .into_vec();
    if members.is_empty() {
        return Vec::new();
    }
    // 决算 or 预算: what the titles of the tables found say, most of them
    let (mut finals, mut budgets) = (0, 0);
    for &(i, _) in &members {
        let t = doc.tables.get(i).map_or("", |t| t.title());
        if t.contains("决算") {
            finals += 1;
        } else if t.contains("预算") {
            budgets += 1;
        }
    }
    let budget = budgets > finals;
    let set = if budget { BUDGET } else { FINAL };
    let found: Vec<Standard> = set
        .iter()
        .copied()
        .filter(|k| members.iter().any(|m| m.1 == *k))
        .into_vec();
    let listed = listed(doc);
    let whole = found.len() >= WHOLE_FOUND
        || (found.len() >= WHOLE_FOUND_LISTED
            && set.iter().filter(|k| listed.contains(k)).count() >= WHOLE_LISTED);
    let mut notes = Vec::new();
    if whole {
        for &k in set.iter().filter(|k| !found.contains(k)) {
            let name = title(k, budget);
            let (zh_list, en_list) = if listed.contains(&k) {
                ("（目录列有此表）", " (the contents list it)")
            } else {
                ("", "")
            };
            notes.push(TableNote {
                kind: Finding::MissingTable,
                severity: Severity::Warning,
                table: Text::new(name, k.name_en()),
                line: None,
                page: None,
                message: Text::new(
                    format!(
                        "缺少标准表「{name}」{zh_list}：{}公开应包含全部 {} 张标准表，本文件有 {} 张",
                        if budget { "部门预算" } else { "部门决算" },
                        set.len(),
                        found.len()
                    ),
                    format!(
                        "the standard table “{name}” ({}) is missing{en_list}: a {} disclosure carries all {} standard tables, this file has {}",
                        k.name_en(),
                        if budget { "budget" } else { "final-accounts" },
                        set.len(),
                        found.len()
                    ),
                ),
            });
        }
    }
    // the running text's note on each kind of table, looked for once
    let mut in_text: Vec<(Standard, Option<String>)> = Vec::new();
    for (n, &(i, k)) in members.iter().enumerate() {
        let Some(t) = doc.tables.get(i) else { continue };
        if !is_blank(doc, t) {
            continue;
        }
        // the same kind of table printed with its figures elsewhere: this one is not that
        // table left blank (a page's own header, "公开目录 | 三公经费", read as one)
        let filled_elsewhere = members.iter().any(|&(j, kj)| {
            j != i && kj == k && doc.tables.get(j).is_some_and(|o| !is_blank(doc, o))
        });
        if filled_elsewhere {
            continue;
        }
        let next = members
            .get(n + 1)
            .and_then(|m| doc.tables.get(m.0))
            .or_else(|| doc.tables.get(i + 1));
        let note = note_near(doc, t, next, k).or_else(|| {
            if let Some((_, s)) = in_text.iter().find(|(kk, _)| *kk == k) {
                return s.clone();
            }
            let s = note_in_text(doc, k);
            in_text.push((k, s.clone()));
            s
        });
        let name = title(k, budget);
        let line = t.rows().first().map(|r| r.line);
        let page = line.and_then(|l| doc.page_of_line(l));
        let (kind, severity, message) = match note {
            Some(s) => (
                Finding::BlankTableNoted,
                Severity::Info,
                Text::new(
                    format!("「{name}」为空表，附有说明：「{s}」"),
                    format!(
                        "“{name}” ({}) is blank, with a note saying why: “{s}”",
                        k.name_en()
                    ),
                ),
            ),
            None => (
                Finding::BlankTable,
                Severity::Warning,
                Text::new(
                    format!("「{name}」为空表，但没有说明为何为空（如“本单位无此项收支，故本表为空表”）"),
                    format!(
                        "“{name}” ({}) is blank without a note saying why (such as “本单位无此项收支，故本表为空表”: the unit has no such income or spending)",
                        k.name_en()
                    ),
                ),
            ),
        };
        notes.push(TableNote {
            kind,
            severity,
            table: Text::new(name, k.name_en()),
            line,
            page,
            message,
        });
    }
    notes
}

/// Whether the document's table of kind `k` is printed without any amount and without a
/// note saying why (what [`find`] reports as a blank table).
pub fn blank_without_note(doc: &Document, k: Standard) -> bool {
    find(doc)
        .iter()
        .any(|n| n.kind == Finding::BlankTable && n.table.en == k.name_en())
}

/// The standard tables a contents list names: short lines outside the tables and their
/// captions that are a table's title (a section "…情况说明" about one is not).
fn listed(doc: &Document) -> Vec<Standard> {
    // lines of the tables, their captions and a blank line or two above them, sorted by
    // their first line, with the furthest last line of any span so far: a line is inside
    // one when the spans starting at or before it reach it (one binary search a line)
    let mut spans: Vec<(u32, u32)> = doc
        .tables
        .iter()
        .filter_map(|t| {
            let first = t.rows().first()?.line;
            let last = t.rows().last()?.line;
            let above = u32::try_from(t.caption.lines().count()).unwrap_or(u32::MAX);
            Some((first.saturating_sub(above.saturating_add(3)), last))
        })
        .into_vec();
    crate::sort::sort_pairs(&mut spans);
    let reach: Vec<u32> = spans
        .iter()
        .scan(0u32, |m, s| {
            *m = (*m).max(s.1);
            Some(*m)
        })
        .into_vec();
    let mut out = Vec::new();
    for (_, line) in lines_outside(doc, &spans, &reach) {
        // a contents line is short: a long one is not looked at (nor copied)
        if line.len() > 400 || line.contains('\t') {
            continue;
        }
        let t = crate::figure::unspaced(line);
        // a contents line's dot leader and page number
        let t = t.trim_end_matches(|c: char| matches!(c, '…' | '.' | '·') || c.is_ascii_digit());
        if t.chars().count() > 60 || t.contains("说明") {
            continue;
        }
        if let Some(k) = member_of_title(t) {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

/// The source's lines (as `str::lines` gives them) with their 1-based numbers, the runs of
/// lines inside `spans` (sorted, `reach` their furthest last line so far) skipped whole
/// through the document's line index rather than split line by line: a 100k-row table is
/// one span.
fn lines_outside<'d>(
    doc: &'d Document,
    spans: &'d [(u32, u32)],
    reach: &'d [u32],
) -> impl Iterator<Item = (u32, &'d str)> + 'd {
    let source: &str = &doc.source;
    let starts = &doc.line_starts;
    let line = move |i: usize| {
        let start = *starts.get(i)?;
        let end = starts.get(i + 1).copied().unwrap_or(source.len());
        let l = source.get(start..end)?;
        // `str::lines`: one \n, then one \r before it
        Some(match l.strip_suffix('\n') {
            Some(l) => l.strip_suffix('\r').unwrap_or(l),
            None => l,
        })
    };
    let mut i = 0usize;
    std::iter::from_fn(move || loop {
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        // the spans starting at or before line n reach past it: go on after them
        let k = spans.partition_point(|s| s.0 <= n);
        if let Some(&r) = k.checked_sub(1).and_then(|k| reach.get(k)) {
            if r >= n {
                i = (r as usize).max(i + 1);
                continue;
            }
        }
        let l = line(i)?;
        i += 1;
        return Some((n, l));
    })
}

/// No amount in the table's body: every cell outside the code columns blank, a dash or
/// words (a template's "XX", "…"). A table of printed zeros is filled in, not left blank.
fn is_blank(doc: &Document, t: &Table) -> bool {
    for (r, row) in t.rows().iter().enumerate().skip(t.header_rows) {
        for (c, cell) in row.cells.iter().enumerate() {
            if cell.kind != CellKind::Figure || is_code_column(t, c) {
                continue;
            }
            let Some(f) = t.figure(r, c).and_then(|id| doc.figure(id)) else {
                continue;
            };
            // a classification code the header did not name (201, 20101, 2010101)
            let digits = f.raw.len();
            if f.number.scale == 0
                && !f.raw.contains(',')
                && matches!(digits, 3 | 5 | 7)
                && row.cells.iter().take(c).all(|x| x.kind != CellKind::Text)
            {
                continue;
            }
            return false;
        }
    }
    true
}

/// The sentence of `text` that says table `k` is blank on purpose: it has a note's wording
/// and names the table's fund (or no fund at all, "本表无数据").
fn note_sentence(text: &str, k: Standard) -> Option<String> {
    let others: Vec<&str> = [
        Standard::ThreePublic,
        Standard::GovFund,
        Standard::StateCapital,
    ]
    .iter()
    .filter(|o| **o != k)
    .filter_map(|o| key(*o))
    .into_vec();
    for s in text.split(&['。', '\n', '；'][..]) {
        let s = s.trim();
        if !NOTE_WORDS.iter().any(|w| s.contains(w)) {
            continue;
        }
        let names_own = key(k).is_some_and(|w| s.contains(w));
        let names_other = others.iter().any(|w| s.contains(w));
        if names_own || (!names_other && s.contains("本表")) {
            return Some(crate::document::short(s, 60));
        }
    }
    None
}

/// The note printed with the table: in its cells, above it (its caption, the title line
/// aside, which may carry the note of the table before), or below it up to the next table.
fn note_near(doc: &Document, t: &Table, next: Option<&Table>, k: Standard) -> Option<String> {
    for row in t.rows().iter() {
        for c in &row.cells {
            if let Some(s) = note_sentence(c.text, k) {
                return Some(s);
            }
        }
    }
    let lines: Vec<&str> = t.caption.lines().into_vec();
    let above = lines.len().saturating_sub(1);
    for l in lines.iter().take(above) {
        if let Some(s) = note_sentence(l, k) {
            return Some(s);
        }
    }
    let last = t.rows().last().map_or(0, |r| r.line);
    let stop = next
        .and_then(|n| n.rows().first())
        .map(|r| r.line)
        .filter(|&l| l > last)
        .unwrap_or(last.saturating_add(12));
    for l in last.saturating_add(1)..stop.min(last.saturating_add(40)) {
        let text = doc.line_text(l);
        // the next table's title line: its note part only (the title names its own fund)
        let text = match next.map(|n| n.title()) {
            Some(nt) if !nt.is_empty() && text.contains(nt) => text.split(nt).next().unwrap_or(""),
            _ => text,
        };
        if let Some(s) = note_sentence(text, k) {
            return Some(s);
        }
    }
    None
}

/// A sentence of the running text that says the table is blank ("…政府性基金预算财政拨款
/// 收入支出决算表为空表"): it must name the table's fund.
fn note_in_text(doc: &Document, k: Standard) -> Option<String> {
    let own = key(k)?;
    doc.paragraphs.iter().find_map(|p| {
        note_sentence(&p.text, k).filter(|s| {
            s.contains(own) && ["空表", "无数据", "没有数据"].iter().any(|w| s.contains(w))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::read_text;

    const FINAL_TABLES: &[&str] = &[
        "收入支出决算总表",
        "收入决算表",
        "支出决算表",
        "财政拨款收入支出决算总表",
        "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表",
        "财政拨款“三公”经费支出决算表",
        "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款收入支出决算表",
    ];

    const BUDGET_TABLES: [&str; 8] = [
        "部门收支总表",
        "部门收入总表",
        "部门支出总表",
        "财政拨款收支总表",
        "一般公共预算支出表",
        "一般公共预算基本支出表",
        "一般公共预算“三公”经费支出表",
        "政府性基金预算支出表",
    ];

    /// A disclosure with these tables, each a small table with figures.
    fn disclosure(titles: &[&str]) -> String {
        let mut s = String::from("某单位2024年度部门决算\n\n");
        for t in titles {
            s.push_str(&format!(
                "{t}\n单位：万元\n项目\t金额\n甲\t1.00\n乙\t2.00\n合计\t3.00\n\n"
            ));
        }
        s
    }

    #[test]
    fn a_whole_disclosure_without_one_table_is_told_which() {
        let titles: Vec<&str> = FINAL_TABLES
            .iter()
            .copied()
            .filter(|t| *t != "支出决算表")
            .collect();
        let doc = read_text(&disclosure(&titles));
        let notes = find(&doc);
        let missing: Vec<&TableNote> = notes
            .iter()
            .filter(|n| n.kind == Finding::MissingTable)
            .collect();
        assert_eq!(missing.len(), 1, "{notes:#?}");
        assert_eq!(missing[0].table.zh, "支出决算表");
        assert_eq!(missing[0].severity, Severity::Warning);
        assert!(missing[0].message.zh.contains("缺少标准表「支出决算表」"));
        assert!(missing[0].message.en.contains("is missing"));
        // every table present: nothing to say
        assert!(find(&read_text(&disclosure(FINAL_TABLES))).is_empty());
    }

    #[test]
    fn an_excerpt_is_not_told_the_rest_is_missing() {
        for n in 1..WHOLE_FOUND {
            let doc = read_text(&disclosure(&FINAL_TABLES[..n]));
            assert!(find(&doc).is_empty(), "{n} tables: {:#?}", find(&doc));
        }
    }

    #[test]
    fn a_contents_list_makes_three_tables_a_whole_disclosure() {
        let mut s = String::from("目录\n");
        // as contents print them: numbered, some with a dot leader and a page number
        for (i, t) in FINAL_TABLES.iter().enumerate() {
            if i % 2 == 0 {
                s.push_str(&format!("{}．{t}……………………{}\n", i + 1, i + 5));
            } else {
                s.push_str(&format!("{}、{t}\n", i + 1));
            }
        }
        s.push('\n');
        s.push_str(&disclosure(&FINAL_TABLES[..3]));
        let notes = find(&read_text(&s));
        assert_eq!(notes.len(), 6, "{notes:#?}");
        assert!(notes[0].message.zh.contains("目录列有此表"), "{notes:#?}");
    }

    #[test]
    fn a_blank_table_needs_its_note() {
        let mut s = disclosure(&FINAL_TABLES[..7]);
        s.push_str("政府性基金预算财政拨款收入支出决算表\n单位：万元\n项目\t年初结转\t本年收入\n合计\t\t-\n\n");
        s.push_str("国有资本经营预算财政拨款收入支出决算表\n单位：万元\n项目\t年初结转\t本年收入\n合计\t—\t\n\n");
        s.push_str("说明：本单位没有国有资本经营预算财政拨款收入和支出，故本表无数据。\n");
        let notes = find(&read_text(&s));
        assert_eq!(notes.len(), 2, "{notes:#?}");
        let fund = &notes[0];
        assert_eq!(fund.kind, Finding::BlankTable, "{notes:#?}");
        assert_eq!(fund.severity, Severity::Warning);
        assert_eq!(fund.table.zh, "政府性基金预算财政拨款收入支出决算表");
        assert!(fund.line.is_some());
        // the note below names the other fund: it is that table's
        let capital = &notes[1];
        assert_eq!(capital.kind, Finding::BlankTableNoted, "{notes:#?}");
        assert_eq!(capital.severity, Severity::Info);
        assert!(capital.message.zh.contains("故本表无数据"), "{capital:?}");
    }

    #[test]
    fn a_table_of_printed_zeros_is_filled_in() {
        let mut s = disclosure(&FINAL_TABLES[..8]);
        s.push_str("国有资本经营预算财政拨款收入支出决算表\n单位：万元\n项目\t年初结转\t本年收入\n合计\t0.00\t0.00\n\n");
        assert!(
            find(&read_text(&s)).is_empty(),
            "{:#?}",
            find(&read_text(&s))
        );
    }

    #[test]
    fn a_page_header_naming_a_table_is_not_that_table_left_blank() {
        // a town's 2024 三公 budget page (昌宁县卡斯镇): the page's own header row names the
        // table's kind; the table itself follows, filled in
        let text = "索引号 | 11533025015264594R | 发布机构 | 昌宁县卡斯镇 |\n\
                    公开目录 | 三公经费 | 发布日期 | 2025-06-06 |\n\
                    文号 | 浏览量 |\n\n\
                    2024年“三公”经费预算财政拨款情况统计表\n单位:万元\n\
                    项目 | 2023年预算数 | 2024年预算数 |\n合计 | 18.15 | 22.15 |\n\
                    1.公务接待费 | 3 | 7 |\n2.公务用车购置及运行费 | 15.15 | 15.15 |\n";
        let doc = read_text(text);
        assert!(find(&doc).is_empty(), "{:#?}", find(&doc));
        // without the filled-in table, the blank one is noted
        let alone = text.split("\n\n").next().unwrap_or_default();
        let notes = find(&read_text(&format!("{alone}\n\n")));
        assert!(
            notes.iter().any(|n| n.kind == Finding::BlankTable),
            "{notes:#?}"
        );
    }

    #[test]
    fn a_note_in_the_narrative_counts() {
        let mut s = String::from(
            "我单位本年度无政府性基金预算财政拨款收入支出，政府性基金预算财政拨款收入支出决算表为空表。\n\n",
        );
        s.push_str(&disclosure(
            &FINAL_TABLES
                .iter()
                .copied()
                .filter(|t| !t.starts_with("政府性"))
                .collect::<Vec<_>>(),
        ));
        s.push_str("政府性基金预算财政拨款收入支出决算表\n单位：万元\n项目\t年初结转\t本年收入\n合计\t\t\n\n");
        let notes = find(&read_text(&s));
        assert_eq!(notes.len(), 1, "{notes:#?}");
        assert_eq!(notes[0].kind, Finding::BlankTableNoted);
    }

    #[test]
    fn the_report_reads_each_table_once_and_tells_the_same() {
        // the report takes each table's membership from the claims stage (`find_among`)
        // instead of reading every title again: the notes are the same, budget titles the
        // checks between tables leave out (基本支出部门预算经济分类预算表) included
        let mut budget = BUDGET_TABLES;
        budget[5] = "一般公共预算基本支出部门预算经济分类预算表";
        let finals_but_one: Vec<&str> = FINAL_TABLES
            .iter()
            .copied()
            .filter(|t| *t != "支出决算表")
            .collect();
        let texts = [
            disclosure(&finals_but_one),
            disclosure(FINAL_TABLES),
            disclosure(&budget).replace("部门决算", "部门预算"),
            disclosure(&budget[..7]).replace("部门决算", "部门预算"),
        ];
        let mut told = 0;
        for text in &texts {
            let doc = read_text(text);
            let notes = find(&doc);
            told += notes.len();
            assert_eq!(crate::check_lean(&doc).table_set, notes, "{text}");
            assert_eq!(crate::check_lazily(&doc).table_set, notes, "{text}");
        }
        assert_eq!(told, 2, "one note for each disclosure short of a table");
    }

    #[test]
    fn budgets_need_eight_tables() {
        let budget = BUDGET_TABLES;
        let s = disclosure(&budget).replace("部门决算", "部门预算");
        assert!(
            find(&read_text(&s)).is_empty(),
            "{:#?}",
            find(&read_text(&s))
        );
        let s = disclosure(&budget[..7]).replace("部门决算", "部门预算");
        let notes = find(&read_text(&s));
        assert_eq!(notes.len(), 1, "{notes:#?}");
        assert_eq!(notes[0].table.zh, "政府性基金预算支出表");
    }
}
