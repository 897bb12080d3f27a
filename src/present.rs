//! What a person reads about a checked document, decided once for the page and the widget:
//! the document laid out as headings, paragraphs and tables (merged header cells as spans,
//! every figure's position in UTF-16 units as JavaScript counts); each marked figure's one
//! state, its place as people see it (the table's title, row and column headers, or the
//! sentence — never an internal line number) and the plain sentence that leads its answer;
//! and the coverage of the check, with a clear message when nothing could be checked.
//! The front ends render these and decide nothing.

use crate::document::{Document, Place, Table};
use crate::figure::CellKind;
use crate::relation::{Severity, Text};
use crate::report::{Checked, Entry, Outcome, Report};
use crate::IntoVec;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// One state per figure and per relation; the front ends have one word for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Holds exactly.
    Pass,
    /// Holds only because the inputs were rounded.
    Rounding,
    /// Fails (an error).
    Fail,
    /// Fails a relation that rests on a convention (a warning).
    Warning,
    /// Found but not decidable.
    Unchecked,
}

impl State {
    /// The word for this state.
    pub fn word(self) -> Text {
        let (zh, en) = match self {
            State::Pass => ("成立", "holds"),
            State::Rounding => ("舍入内成立", "holds within rounding"),
            State::Fail => ("不成立", "fails"),
            State::Warning => ("存疑", "doubtful"),
            State::Unchecked => ("未核对", "not checked"),
        };
        Text {
            zh: zh.to_string(),
            en: en.to_string(),
        }
    }

    fn of_entry(e: &Entry) -> State {
        State::of(e.status, e.severity, e.within_rounding)
    }

    fn of(status: Outcome, severity: Severity, within_rounding: bool) -> State {
        match (status, severity) {
            (Outcome::Fail, Severity::Error) => State::Fail,
            (Outcome::Fail, _) => State::Warning,
            (Outcome::Unchecked, _) => State::Unchecked,
            _ if within_rounding => State::Rounding,
            _ => State::Pass,
        }
    }

    /// A figure's state over every relation that reports it: any failure wins, then doubt;
    /// unchecked only when nothing about it was decided.
    fn of_figure(states: &[State]) -> State {
        if states.contains(&State::Fail) {
            State::Fail
        } else if states.contains(&State::Warning) {
            State::Warning
        } else if states.iter().all(|s| *s == State::Unchecked) {
            State::Unchecked
        } else if states.contains(&State::Rounding) {
            State::Rounding
        } else {
            State::Pass
        }
    }
}

/// A figure inside a block's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// UTF-16 offset of the figure in the block's (or cell's) displayed text.
    pub at: usize,
    /// UTF-16 length of the figure as printed.
    pub len: usize,
    /// The figure's UTF-16 offset in the checked text: its key in the report.
    pub start: usize,
}

/// One displayed table cell; cells covered by a merged header cell are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellView {
    /// Its text.
    pub text: String,
    /// A figure or a dash: aligned right.
    pub num: bool,
    /// Columns it spans.
    pub colspan: usize,
    /// Rows it spans.
    pub rowspan: usize,
    /// The figures in it.
    pub marks: Vec<Mark>,
}

/// A piece of the document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// A heading (Markdown `#` markers removed).
    Heading {
        /// 1 to 6.
        level: usize,
        /// Its text.
        text: String,
        /// Figures in it.
        marks: Vec<Mark>,
    },
    /// Running text.
    Para {
        /// Its text (Markdown `**` removed).
        text: String,
        /// Figures in it.
        marks: Vec<Mark>,
    },
    /// A table.
    Table {
        /// The title printed above it.
        caption: String,
        /// Leading header rows.
        header_rows: usize,
        /// Rows of displayed cells.
        rows: Vec<Vec<CellView>>,
    },
}

/// One relation about a figure, as its answer leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryView {
    /// Index in the report's `checks`.
    pub index: usize,
    /// Its state.
    pub state: State,
    /// One plain sentence: "18% 应为 15%：2576.77 ÷ (14209.74 + 2576.77) = 15.3502%".
    pub lead: Text,
    /// Why this tolerance: what the printed figures allow, and so why it holds or fails.
    pub why: Option<Text>,
}

/// A figure some relation reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigView {
    /// UTF-16 offset in the checked text (the report's `figure.start`).
    pub start: usize,
    /// As printed.
    pub raw: String,
    /// One state over all its relations.
    pub state: State,
    /// "18%：不成立", for a screen reader and the failures list.
    pub label: Text,
    /// Where it is, as a reader sees it.
    pub place: Text,
    /// Its relations, failures first.
    pub entries: Vec<EntryView>,
}

/// How much of the document was checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Figures read.
    pub figures: usize,
    /// Relations found.
    pub relations: usize,
    /// Relations decided.
    pub checked: usize,
    /// Relations that hold (within rounding included).
    pub holding: usize,
    /// Relations that fail (errors and warnings).
    pub failing: usize,
    /// Relations found but not decidable.
    pub unchecked: usize,
    /// Tables read.
    pub tables: usize,
    /// Tables in which some relation was found (the others were read but not understood).
    pub tables_understood: usize,
    /// What the counts leave unsaid (figures read but nothing or part checked, tables not
    /// understood), from the report's summary.
    pub note: Option<Text>,
    /// One sentence: the verdict, or why nothing could be checked.
    pub verdict: Text,
    /// Nothing was checked: the verdict explains why (never shown like "no error found").
    pub nothing_checked: bool,
}

/// Everything the page shows about one checked text.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// Recount's version.
    pub version: &'static str,
    /// The report, as the CLI's JSON.
    pub report: Report,
    /// The document, in reading order.
    pub blocks: Vec<Block>,
    /// Every reported figure, in document order.
    pub figures: Vec<FigView>,
    /// Coverage and verdict.
    pub coverage: Coverage,
}

/// Lays out a checked document for people.
pub fn present(doc: &Document, report: Report) -> Page {
    let idx = Utf16::new(&doc.source);
    let figures = figure_views(doc, &idx, &seen_in(&report), &details_in(&report), true);
    let coverage = coverage(doc, &report.summary, report.checks.len());
    Page {
        version: env!("CARGO_PKG_VERSION"),
        blocks: blocks(doc, &idx),
        figures,
        coverage,
        report,
    }
}

/// What [`present_first`] leaves out: every figure's view with all its answers and every
/// entry of the report, as [`present`] gives them.
#[derive(Debug, Clone, Serialize)]
pub struct Rest {
    /// [`Page::figures`], every figure with its answers and place.
    pub figures: Vec<FigView>,
    /// [`Report::checks`].
    pub checks: Vec<Entry>,
}

/// The page's first step: the document laid out, every reported figure with its state,
/// the failures (errors and warnings) with their answers and places, the summary and the
/// coverage — without the words of the relations that hold, which a reader sees only on
/// opening a figure. Its report has no entries and a figure that holds no answers yet;
/// [`present_rest`] gives them, and the two together are [`present`]'s page.
pub fn present_first(doc: &Document, checked: &Checked<'_>) -> Page {
    let idx = Utf16::new(&doc.source);
    // the report's index of each entry (entries without a figure are left out, as in
    // `Checked::to_report`), with what the marks need
    let mut ks = Vec::with_capacity(checked.len());
    let mut seen = Vec::with_capacity(checked.len());
    for k in 0..checked.len() {
        let Some(b) = checked.brief(k) else { continue };
        let state = State::of(b.status, b.severity, b.within_rounding);
        let raw = doc.figure(b.target).map(|f| f.raw).unwrap_or("");
        seen.push((b.start, state, raw));
        ks.push(k);
    }
    let detail = |i: usize| {
        let e = checked.entry(*ks.get(i)?)?;
        let state = State::of_entry(&e);
        Some((lead(&e, state), why(&e, state)))
    };
    let figures = figure_views(doc, &idx, &seen, &detail, false);
    let coverage = coverage(doc, &checked.summary, seen.len());
    Page {
        version: env!("CARGO_PKG_VERSION"),
        blocks: blocks(doc, &idx),
        figures,
        coverage,
        report: Report {
            checks: Vec::new(),
            table_set: checked.table_set.clone(),
            summary: checked.summary.clone(),
        },
    }
}

/// The page's second step: see [`present_first`].
pub fn present_rest(doc: &Document, checked: &Checked<'_>) -> Rest {
    let report = checked.to_report();
    let idx = Utf16::new(&doc.source);
    let figures = figure_views(doc, &idx, &seen_in(&report), &details_in(&report), true);
    Rest {
        figures,
        checks: report.checks,
    }
}

/// Per entry of a report: its figure's UTF-16 start, its state, the figure as printed.
fn seen_in(report: &Report) -> Vec<(usize, State, &str)> {
    report
        .checks
        .iter()
        .map(|e| (e.figure.start, State::of_entry(e), e.figure.raw.as_str()))
        .into_vec()
}

/// An entry's answer (lead and why) by its index in the report.
fn details_in(report: &Report) -> impl Fn(usize) -> Option<(Text, Option<Text>)> + '_ {
    |i| {
        let e = report.checks.get(i)?;
        let state = State::of_entry(e);
        Some((lead(e, state), why(e, state)))
    }
}

/// Byte offsets of a text → UTF-16 offsets, with checkpoints so each lookup stays short.
struct Utf16<'a> {
    text: &'a str,
    /// `(byte, UTF-16 units before it)` every few hundred bytes, at char boundaries.
    points: Vec<(usize, usize)>,
}

impl<'a> Utf16<'a> {
    fn new(text: &'a str) -> Self {
        let mut points = vec![(0, 0)];
        let (mut units, mut last) = (0, 0);
        for (i, c) in text.char_indices() {
            if i - last >= 256 {
                points.push((i, units));
                last = i;
            }
            units += c.len_utf16();
        }
        Utf16 { text, points }
    }

    fn at(&self, byte: usize) -> usize {
        let i = self.points.partition_point(|p| p.0 <= byte);
        let (b, u) = i
            .checked_sub(1)
            .and_then(|i| self.points.get(i))
            .copied()
            .unwrap_or((0, 0));
        u + units(self.text.get(b..byte).unwrap_or(""))
    }
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Removes Markdown emphasis and heading markers, keeping the marks where their figures are.
fn clean(text: &str, marks: Vec<(usize, usize, usize)>) -> (String, Vec<Mark>) {
    // marks: (byte offset in text, UTF-16 length, source start); text is scanned once
    let mut out = String::with_capacity(text.len());
    let mut out_units = 0;
    let mut views = Vec::with_capacity(marks.len());
    let mut pending = marks.into_iter().peekable();
    let mut rest = text;
    let mut pos = 0;
    while !rest.is_empty() {
        while let Some(&(at, len, start)) = pending.peek() {
            if at > pos {
                break;
            }
            views.push(Mark {
                at: out_units,
                len,
                start,
            });
            pending.next();
        }
        let skip = if rest.starts_with("**") { 2 } else { 0 };
        if skip > 0 {
            rest = rest.get(skip..).unwrap_or("");
            pos += skip;
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        out.push(c);
        out_units += c.len_utf16();
        rest = rest.get(c.len_utf8()..).unwrap_or("");
        pos += c.len_utf8();
    }
    for (_, len, start) in pending {
        views.push(Mark {
            at: out_units,
            len,
            start,
        });
    }
    (out, views)
}

fn blocks(doc: &Document, idx: &Utf16) -> Vec<Block> {
    // figures of each table cell, in reading order
    let mut in_cell: FxHashMap<(usize, usize, usize), Vec<usize>> = FxHashMap::default();
    for (id, f) in doc.figures().enumerate() {
        if let Place::Cell { table, row, col } = f.place {
            in_cell.entry((table, row, col)).or_default().push(id);
        }
    }
    // paragraphs and tables in the order of their first line
    let mut order: BTreeMap<(u32, usize, usize), ()> = BTreeMap::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        order.insert((p.line, 0, i), ());
    }
    for (i, t) in doc.tables.iter().enumerate() {
        let line = t.rows().first().map_or(0, |r| r.line);
        order.insert((line, 1, i), ());
    }
    let mut out = Vec::with_capacity(order.len());
    for (_, kind, i) in order.into_keys() {
        if kind == 0 {
            let Some(p) = doc.paragraphs.get(i) else {
                continue;
            };
            let marks: Vec<(usize, usize, usize)> = p
                .figures
                .iter()
                .filter_map(|&(at, _, id)| {
                    let f = doc.figure(id)?;
                    Some((at, units(f.raw), idx.at(f.start)))
                })
                .into_vec();
            if p.heading {
                let body = p.text.trim_start();
                let hashes = body.chars().take_while(|c| *c == '#').count();
                let lead = p.text.len() - body.len() + hashes;
                let after = p.text.get(lead..).unwrap_or("");
                let lead = lead + (after.len() - after.trim_start().len());
                let marks = marks
                    .into_iter()
                    .map(|(at, len, s)| (at.saturating_sub(lead), len, s))
                    .into_vec();
                let (text, marks) = clean(p.text.get(lead..).unwrap_or(""), marks);
                out.push(Block::Heading {
                    level: hashes.clamp(1, 6),
                    text,
                    marks,
                });
            } else {
                let (text, marks) = clean(&p.text, marks);
                out.push(Block::Para { text, marks });
            }
        } else if let Some(t) = doc.tables.get(i) {
            out.push(table_block(doc, idx, i, t, &in_cell));
        }
    }
    out
}

/// Most header rows a merged header cell is looked for in.
const MERGED_ROWS: usize = 16;

fn table_block(
    doc: &Document,
    idx: &Utf16,
    ti: usize,
    t: &Table,
    in_cell: &FxHashMap<(usize, usize, usize), Vec<usize>>,
) -> Block {
    let width = t.width();
    let heads = t.header_rows.min(t.rows().len());
    let blank = |r: usize, c: usize| t.cell(r, c).is_none_or(|x| x.text.trim().is_empty());
    // merged header cells: the reader leaves the covered slots blank; a blank slot right of
    // a name, over a named sub-column, belongs to that name; a blank slot under a name that
    // spans one column belongs to it too. Over the first header rows' slots, row by row: the
    // span (columns, rows) of the cell that starts at a slot, whether a merged cell covers
    // it, the row of the cell above that owns it (a text table of thousands of rows without
    // a figure is all header: its grids would be as large)
    let merged = heads.min(MERGED_ROWS);
    let slot = |r: usize, c: usize| (r < merged && c < width).then(|| r * width + c);
    let slots = merged.saturating_mul(width);
    let mut spans = vec![(1usize, 1usize); slots];
    let mut covered = vec![false; slots];
    let mut above: Vec<Option<usize>> = vec![None; slots];
    let is_covered = |covered: &[bool], r: usize, c: usize| {
        slot(r, c).is_some_and(|k| covered.get(k).copied().unwrap_or(false))
    };
    for r in 0..merged {
        let mut owner: Option<usize> = None;
        for c in 0..width {
            if !blank(r, c) {
                owner = Some(c);
                continue;
            }
            match owner {
                Some(o) if r + 1 < merged && !blank(r + 1, c) => {
                    if let Some(x) = slot(r, c).and_then(|k| covered.get_mut(k)) {
                        *x = true;
                    }
                    if let Some(x) = slot(r, o).and_then(|k| spans.get_mut(k)) {
                        x.0 += 1;
                    }
                }
                _ => owner = None,
            }
        }
    }
    for r in 1..merged {
        for c in 0..width {
            if !blank(r, c) || is_covered(&covered, r, c) {
                continue;
            }
            let top = match slot(r - 1, c).and_then(|k| above.get(k).copied().flatten()) {
                Some(top) => Some(top),
                None if !blank(r - 1, c) && !is_covered(&covered, r - 1, c) => Some(r - 1),
                None => None,
            };
            let Some(top) = top else { continue };
            if slot(top, c)
                .and_then(|k| spans.get(k))
                .is_some_and(|s| s.0 > 1)
            {
                continue;
            }
            if let Some(k) = slot(r, c) {
                if let Some(x) = above.get_mut(k) {
                    *x = Some(top);
                }
                if let Some(x) = covered.get_mut(k) {
                    *x = true;
                }
            }
            if let Some(x) = slot(top, c).and_then(|k| spans.get_mut(k)) {
                x.1 += 1;
            }
        }
    }
    let mut rows = Vec::with_capacity(t.rows().len());
    for (r, row) in t.rows().iter().enumerate() {
        let mut cells = Vec::with_capacity(row.cells.len());
        for (c, cell) in row.cells.iter().enumerate() {
            if is_covered(&covered, r, c) {
                continue;
            }
            let (colspan, rowspan) = slot(r, c)
                .and_then(|k| spans.get(k).copied())
                .unwrap_or((1, 1));
            let mut marks = Vec::new();
            let mut from = 0;
            for &id in in_cell.get(&(ti, r, c)).map(Vec::as_slice).unwrap_or(&[]) {
                let Some(f) = doc.figure(id) else { continue };
                let rest = cell.text.get(from..).unwrap_or("");
                let Some(at) = rest.find(f.raw).map(|a| a + from) else {
                    continue;
                };
                marks.push(Mark {
                    at: units(cell.text.get(..at).unwrap_or("")),
                    len: units(f.raw),
                    start: idx.at(f.start),
                });
                from = at + f.raw.len();
            }
            cells.push(CellView {
                text: cell.text.to_string(),
                num: matches!(cell.kind, CellKind::Figure | CellKind::Dash),
                colspan,
                rowspan,
                marks,
            });
        }
        rows.push(cells);
    }
    Block::Table {
        caption: t.caption.clone(),
        header_rows: heads,
        rows,
    }
}

/// The answer's first sentence: what the figure should be (or that it holds), then the
/// arithmetic with its operands named by role — "18% 应为 15%：减少额 2576.77 ÷ 上年数
/// 16786.51" — or, where the relation has no roles, the plain formula.
fn lead(e: &Entry, state: State) -> Text {
    let formula = e.formula.clone().unwrap_or_default();
    let (fz, fe) = match &e.operands {
        Some(t) => (t.zh.clone(), t.en.clone()),
        None => (formula.clone(), formula),
    };
    let sep = |f: &str, s: &'static str| if f.is_empty() { "" } else { s };
    let (zs, es) = (sep(&fz, "："), sep(&fe, ": "));
    match (state, e.expected.as_deref()) {
        (State::Fail | State::Warning, Some(x)) => Text {
            zh: format!("{} 应为 {x}{zs}{fz}", e.reported),
            en: format!("{} should be {x}{es}{fe}", e.reported),
        },
        (State::Pass, _) => Text {
            zh: format!("{} 成立{zs}{fz}", e.reported),
            en: format!("{} holds{es}{fe}", e.reported),
        },
        (State::Rounding, _) => Text {
            zh: format!("{} 在舍入范围内成立{zs}{fz}", e.reported),
            en: format!("{} holds within rounding{es}{fe}", e.reported),
        },
        _ => e.message.clone(),
    }
}

fn why(e: &Entry, state: State) -> Option<Text> {
    let range = e.tolerance.as_deref()?;
    let r = &e.reported;
    let base_zh = format!(
        "印出的每个数字都按末位四舍五入，代表末位 ±½ 以内的任何值（如 12.3 代表 12.25 至 12.35）。\
         让各个输入在这样的区间内取值重新计算，{r} 所在位置可能的结果为 {range}，并按 {r} 印出的位数舍入后比较。"
    );
    let base_en = format!(
        "Every printed figure is rounded at its last digit, so it stands for any value within ±½ of \
         that digit (12.3 stands for 12.25 to 12.35). Recomputed with each input anywhere in such a \
         range, the result where {r} is printed can be {range}, compared after rounding to {r}'s printed precision."
    );
    let (zh, en) = match state {
        State::Fail | State::Warning => (
            format!("{base_zh}印出的 {r} 不在这个范围内：任何舍入前的数值都得不到它，所以不成立。"),
            format!("{base_en} The printed {r} is outside it: no unrounded inputs give it, so it fails."),
        ),
        State::Rounding => (
            format!("{base_zh}{r} 在这个范围内，但只有考虑输入的舍入才成立。"),
            format!("{base_en} {r} is inside it, but only because the inputs were rounded."),
        ),
        State::Pass => (
            format!("{base_zh}{r} 在这个范围内，所以成立。"),
            format!("{base_en} {r} is inside it, so it holds."),
        ),
        State::Unchecked => return None,
    };
    Some(Text { zh, en })
}

/// Every reported figure's view. `seen` holds, per entry of the report, its figure's UTF-16
/// start, its state and the figure as printed; `detail` an entry's answer by its index.
/// With `all` false, only a figure that fails or is doubtful gets its answers and place.
fn figure_views(
    doc: &Document,
    idx: &Utf16<'_>,
    seen: &[(usize, State, &str)],
    detail: &dyn Fn(usize) -> Option<(Text, Option<Text>)>,
    all: bool,
) -> Vec<FigView> {
    // a figure's place, by its UTF-16 start (the report's key)
    // and the last figure read at that start (its byte start and place)
    type Seen = (Vec<usize>, Option<(usize, Place)>);
    let mut by_start: BTreeMap<usize, Seen> = BTreeMap::new();
    for (i, e) in seen.iter().enumerate() {
        by_start.entry(e.0).or_default().0.push(i);
    }
    for f in doc.figures() {
        if let Some(at) = by_start.get_mut(&idx.at(f.start)) {
            at.1 = Some((f.start, f.place));
        }
    }
    let rank = |s: State| match s {
        State::Fail => 0,
        State::Warning => 1,
        State::Rounding => 2,
        State::Pass => 3,
        State::Unchecked => 4,
    };
    by_start
        .into_iter()
        .filter_map(|(start, (list, fig_at))| {
            let first = seen.get(*list.first()?)?;
            let mut states: Vec<(State, usize)> = list
                .iter()
                .filter_map(|&i| Some((seen.get(i)?.1, i)))
                .into_vec();
            crate::sort::sort_by(&mut states, |a, b| (rank(a.0), a.1).cmp(&(rank(b.0), b.1)));
            let only: Vec<State> = states.iter().map(|v| v.0).into_vec();
            let state = State::of_figure(&only);
            let shown = all || matches!(state, State::Fail | State::Warning);
            let entries: Vec<EntryView> = if shown {
                states
                    .iter()
                    .filter_map(|&(state, i)| {
                        let (lead, why) = detail(i)?;
                        Some(EntryView {
                            index: i,
                            state,
                            lead,
                            why,
                        })
                    })
                    .into_vec()
            } else {
                Vec::new()
            };
            let word = state.word();
            let raw = first.2.to_string();
            let place = if shown {
                fig_at
                    .map(|(b, p)| doc.describe_place(b, p))
                    .unwrap_or_default()
            } else {
                Text::default()
            };
            Some(FigView {
                start,
                label: Text {
                    zh: format!("{raw}：{}", word.zh),
                    en: format!("{raw}: {}", word.en),
                },
                raw,
                state,
                place,
                entries,
            })
        })
        .into_vec()
}

fn coverage(doc: &Document, s: &crate::report::Summary, relations: usize) -> Coverage {
    let failing = s.errors + s.warnings;
    let figs = s.figures;
    let (nothing, verdict) = if s.checked == 0 {
        let (zh, en) = if figs == 0 {
            (
                "没有核对任何数字：文中没有读到数字。这可能不是预决算公开的文字，或复制时表格没有保留（可从网页直接复制表格，或打开原文件）。".to_string(),
                "Nothing was checked: no figure was read. This may not be a budget disclosure, or its tables were lost in copying (copy the tables from the web page, or open the original file).".to_string(),
            )
        } else if relations == 0 {
            (
                format!("没有核对任何数字：读到 {figs} 个数字，但没有找到可以核对的关系（没有识别出合计行、表头或增减、占比的说法）。没有发现错误不等于没有错误。"),
                format!("Nothing was checked: {figs} figures were read, but no relation to check was found (no total row, table header, or stated change or share was recognised). Finding no error here does not mean there is none."),
            )
        } else {
            (
                format!("没有核对任何数字：找到 {relations} 处关系，但都缺少数字或除数为零，无法判断。"),
                format!("Nothing was checked: {relations} relations were found, but each lacks a figure or divides by zero, so none could be decided."),
            )
        };
        (true, Text { zh, en })
    } else if failing > 0 {
        (
            false,
            Text {
                zh: format!(
                    "{failing} 处不成立，{} 处成立（共核对 {} 处关系）。",
                    s.passed, s.checked
                ),
                en: format!(
                    "{failing} {} not hold, {} {} (of {} relations checked).",
                    if failing == 1 { "does" } else { "do" },
                    s.passed,
                    if s.passed == 1 { "holds" } else { "hold" },
                    s.checked
                ),
            },
        )
    } else {
        (
            false,
            Text {
                zh: format!("没有发现错误：核对的 {} 处关系全部成立。", s.checked),
                en: format!("No error found: all {} relations checked hold.", s.checked),
            },
        )
    };
    Coverage {
        figures: figs,
        relations,
        checked: s.checked,
        holding: s.passed,
        failing,
        unchecked: s.unchecked,
        tables: doc.tables.len(),
        tables_understood: s.tables_understood,
        note: s.coverage.clone(),
        verdict,
        nothing_checked: nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        let doc = crate::read::read_str(text).unwrap();
        let report = crate::check_document(&doc);
        present(&doc, report)
    }

    fn json<T: Serialize + ?Sized>(v: &T) -> String {
        serde_json::to_string(v).unwrap()
    }

    #[test]
    fn the_two_steps_make_the_whole_page() {
        let texts = [
            include_str!("../samples/2019-xinjiang-government-office-final-accounts.txt"),
            "本年收入 100 万元，比上年增加 10 万元，增长 11.11%。\n\n| 项目 | 金额 |\n|---|---|\n| 基本支出 | 60 |\n| 项目支出 | 41 |\n| 合计 | 100 |\n",
            "没有数字的一段话。",
        ];
        for text in texts {
            let doc = crate::read::read_str(text).unwrap();
            let whole = present(&doc, crate::check_document(&doc));
            let checked = crate::check_lazily(&doc);
            let first = present_first(&doc, &checked);
            let rest = present_rest(&doc, &checked);
            assert_eq!(first.version, whole.version);
            assert_eq!(first.blocks, whole.blocks);
            assert_eq!(first.coverage, whole.coverage);
            assert_eq!(json(&first.report.summary), json(&whole.report.summary));
            assert!(first.report.checks.is_empty());
            assert_eq!(json(&first.report.table_set), json(&whole.report.table_set));
            assert_eq!(json(&rest.checks), json(&whole.report.checks));
            assert_eq!(json(&rest.figures), json(&whole.figures));
            // at first every figure is marked with its state; failures come with their
            // answers and places, the others with neither
            assert_eq!(first.figures.len(), whole.figures.len());
            let mut failing = 0;
            for (a, b) in first.figures.iter().zip(&whole.figures) {
                assert_eq!(
                    (a.start, &a.raw, a.state, &a.label),
                    (b.start, &b.raw, b.state, &b.label)
                );
                if matches!(a.state, State::Fail | State::Warning) {
                    failing += 1;
                    assert_eq!(json(a), json(b));
                } else {
                    assert!(a.entries.is_empty() && a.place == Text::default());
                }
            }
            if text.len() > 10_000 {
                assert!(failing >= 2, "{failing}");
            }
        }
    }

    #[test]
    fn a_failing_rate_leads_with_what_it_should_be_and_where_it_is() {
        let p =
            page("2019 年度本年收入 14209.74 万元，与上年相比，减少 2576.77 万元，降低 18%。\n");
        let f = p.figures.iter().find(|f| f.raw == "18%").unwrap();
        assert_eq!(f.state, State::Fail);
        assert_eq!(
            f.entries[0].lead.zh,
            "18% 应为 15%：减少额 2576.77 ÷ 上年数 16786.51"
        );
        assert_eq!(
            f.entries[0].lead.en,
            "18% should be 15%: decrease 2576.77 ÷ last year 16786.51"
        );
        assert!(f.place.zh.contains("降低 18%"), "{}", f.place.zh);
        assert!(
            !f.place.zh.contains('行'),
            "no line numbers: {}",
            f.place.zh
        );
        assert!(f.entries[0]
            .why
            .as_ref()
            .unwrap()
            .en
            .contains("no unrounded inputs"));
        let Block::Para { text, marks } = &p.blocks[0] else {
            panic!("{:?}", p.blocks[0])
        };
        let m = marks.iter().find(|m| m.start == f.start).unwrap();
        let shown: String = text
            .encode_utf16()
            .skip(m.at)
            .take(m.len)
            .map(|u| char::from_u32(u.into()).unwrap())
            .collect();
        assert_eq!(shown, "18%");
        assert!(!p.coverage.nothing_checked);
        assert!(p.coverage.verdict.zh.starts_with("1 处不成立"));
    }

    #[test]
    fn a_table_keeps_its_headers_spans_and_marks_in_cells() {
        let text = "附表1 收入表\n项目\t金额\t\t\n\t上年\t本年\t\n甲\t10.5\t1\t\n乙\t20.25\t2\t\n合计\t40.75\t3\t\n";
        let p = page(text);
        let Some(Block::Table {
            rows, header_rows, ..
        }) = p.blocks.iter().find(|b| matches!(b, Block::Table { .. }))
        else {
            panic!("{:?}", p.blocks)
        };
        assert_eq!(*header_rows, 2);
        assert_eq!(rows[0][0].rowspan, 2, "项目 spans both header rows");
        assert_eq!(rows[0][1].colspan, 2, "金额 spans 上年 and 本年");
        assert_eq!(rows[1].len(), 2);
        let total = &rows[4][1];
        assert!(total.num);
        assert_eq!(total.marks.len(), 1);
        let f = p
            .figures
            .iter()
            .find(|f| f.start == total.marks[0].start)
            .unwrap();
        assert_eq!(f.raw, "40.75");
        assert_eq!(f.state, State::Fail);
        assert!(
            f.place.zh.contains("「合计」行") && f.place.zh.contains("金额"),
            "{}",
            f.place.zh
        );
        assert_eq!(
            f.entries[0].lead.zh, "40.75 应为 30.75：各行之和 10.5 + 20.25",
            "the expected figure at the printed precision, the operands named"
        );
    }

    #[test]
    fn nothing_checked_never_reads_as_no_error() {
        for text in [
            "这是一段没有任何数字的文字。",
            "本单位有职工 5 人，车辆 2 辆。",
        ] {
            let p = page(text);
            assert!(p.coverage.nothing_checked, "{text}");
            assert!(p.coverage.verdict.zh.starts_with("没有核对任何数字"));
            assert!(!p.coverage.verdict.en.contains("No error found"));
        }
    }

    #[test]
    fn headings_lose_their_markers() {
        let p = page("## 第二部分 部门决算情况说明\n\n**本年收入** 100 万元。\n");
        assert!(
            matches!(&p.blocks[0], Block::Heading { level: 2, text, .. } if text == "第二部分 部门决算情况说明")
        );
        assert!(matches!(&p.blocks[1], Block::Para { text, .. } if !text.contains("**")));
    }
}
