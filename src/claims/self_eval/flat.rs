//! Self-evaluation blocks whose table lost its shape when the text was copied out: one
//! cell per line (each closed by a bar, or apart by blank lines), a table flattened into
//! one line, pipe rows broken across lines. The block's header names are found in their
//! printed order, then the total row's figures after its label, bound to them in order;
//! a blank cell leaves no trace in such text, so a row is read only where its figures fit
//! the header as printed (as many before its percentage as the header names columns
//! before 执行率), and not at all otherwise.

use super::{SelfEval, PARTS};
use crate::claims::normalise::{gloss_bytes, normalise, normalise_char};
use crate::document::Document;
use crate::figure::FigId;
use crate::relation::Expr;
use crate::IntoVec;

/// Most occurrences of 执行率 looked at.
const MAX_HEADS: usize = 64;
/// Bytes before an 执行率 searched for the header's other names.
const BEFORE: usize = 600;
/// Bytes after it.
const AFTER: usize = 300;
/// Most characters between two names of one header ("(A)", "(万元)", "(B/A)").
const GAP: usize = 12;
/// Most characters between a header and its total row's first figure ("原因", "年度资金总额").
const LABEL: usize = 24;
/// Most cells read after a header.
const MAX_CELLS: usize = 48;

/// The column slot (of [`super::BLOCK`]) each name a header may print names; `None` for a
/// name that stands among them but names no column (Sichuan's 年度预算数(万元) over its
/// columns). Longest first, so that a name is not read as the shorter one it ends with
/// (written in that order, not sorted: each sort compiles to kilobytes of the page's wasm).
const NAMES: [(&str, Option<usize>); 16] = [
    ("预算执行情况", None),
    ("调整后预算数", Some(1)),
    ("年初预算数", Some(0)),
    ("全年预算数", Some(1)),
    ("调整后预算", Some(1)),
    ("全年执行数", Some(2)),
    ("预算执行数", Some(2)),
    ("预算执行率", Some(4)),
    ("年度预算数", None),
    ("年初预算", Some(0)),
    ("预算数", Some(1)),
    ("执行数", Some(2)),
    ("执行率", Some(4)),
    ("分值", Some(3)),
    ("权重", Some(3)),
    ("得分", Some(5)),
];

fn names() -> Vec<(Vec<char>, Option<usize>)> {
    NAMES
        .iter()
        .map(|(n, k)| (n.chars().into_vec(), *k))
        .into_vec()
}

/// Text as header names are compared: normalised characters without spaces, bars or
/// glosses, each with its span in the source.
struct Squeezed {
    chars: Vec<char>,
    spans: Vec<(usize, usize)>,
}

fn squeeze(src: &str, from: usize, to: usize) -> Squeezed {
    let mut out = Squeezed {
        chars: Vec::new(),
        spans: Vec::new(),
    };
    let mut i = from;
    while i < to {
        let Some(rest) = src.get(i..) else { break };
        let g = gloss_bytes(rest);
        if g > 0 {
            i += g;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        let f = normalise_char(c);
        if !(f.is_whitespace() || f == '|' || f == '*') {
            out.chars.push(f);
            out.spans.push((i, i + c.len_utf8()));
        }
        i += c.len_utf8();
    }
    out
}

/// What separates cells in such text: spaces, bars, and the slashes and dashes printed in
/// cells where nothing applies.
fn is_sep(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | '/' | '／' | '-' | '—' | '－')
}

#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Fig(FigId),
}

/// The cells after byte `at`: words split at separators, and figures.
fn cells(doc: &Document, figs: &[(usize, usize, FigId)], at: usize) -> Vec<Cell> {
    let src: &str = &doc.source;
    let mut out = Vec::new();
    let mut at = at;
    let mut k = figs.partition_point(|f| f.0 < at);
    while out.len() < MAX_CELLS {
        let next = figs.get(k);
        let end = next.map_or(src.len().min(at.saturating_add(400)), |f| f.0);
        let words = src.get(at..end).unwrap_or("");
        for w in words.split(is_sep).map(normalise).filter(|w| !w.is_empty()) {
            out.push(Cell::Text(w));
            if out.len() >= MAX_CELLS {
                return out;
            }
        }
        let Some(&(s, e, id)) = next else { break };
        // a figure is a cell of its own: glued to words ("1.预算执行率=…", a note's
        // numbering) it is part of theirs
        let apart = |c: Option<char>| c.is_none_or(is_sep);
        let before = src.get(..s).and_then(|b| b.chars().next_back());
        let after = src.get(e..).and_then(|a| a.chars().next());
        if (s <= at || apart(before)) && apart(after) {
            out.push(Cell::Fig(id));
        } else {
            out.push(Cell::Text(normalise(src.get(s..e).unwrap_or(""))));
        }
        at = e;
        k += 1;
    }
    out
}

/// Where the bracket opening at `open` closes, within a few characters.
fn bracket_end(chars: &[char], open: usize) -> Option<usize> {
    (open..(open + 16).min(chars.len())).find(|&k| matches!(chars.get(k), Some(')' | '）')))
}

/// A header's columns, in printed order, and the byte where the header ends (a bracket
/// right after its last name included), with the figure that bracket holds ("得分 (20
/// 分*执行率)": the score's weight), around the 执行率 printed at byte `at`.
fn header(
    doc: &Document,
    figs: &[(usize, usize, FigId)],
    names: &[(Vec<char>, Option<usize>)],
    at: usize,
) -> Option<(Vec<usize>, usize, Option<FigId>)> {
    let src: &str = &doc.source;
    let mut from = at.saturating_sub(BEFORE);
    while !src.is_char_boundary(from) {
        from -= 1;
    }
    let to = at.saturating_add(AFTER).min(src.len());
    let sq = squeeze(src, from, to);
    // every name in the window, longest first at each place
    let mut found: Vec<(usize, usize, Option<usize>)> = Vec::new();
    let mut i = 0;
    while i < sq.chars.len() {
        let rest = sq.chars.get(i..).unwrap_or(&[]);
        let first = rest.first();
        match names
            .iter()
            .find(|(n, _)| n.first() == first && rest.starts_with(n))
        {
            Some((n, slot)) => {
                found.push((i, i + n.len(), *slot));
                i += n.len();
                // a bracket after a name is its note ("执行率(B/A)", "得分(20分*执行率)"):
                // no name of the header
                if matches!(sq.chars.get(i), Some('(' | '（')) {
                    if let Some(close) = bracket_end(&sq.chars, i) {
                        i = close + 1;
                    }
                }
            }
            None => i += 1,
        }
    }
    // the run of names, each near the one before, that holds this 执行率
    let here = found.iter().position(|&(s, e, _)| {
        sq.spans
            .get(s..e)
            .is_some_and(|sp| sp.iter().any(|&(a, _)| a == at))
    })?;
    let mut lo = here;
    while lo > 0 && found.get(lo)?.0 <= found.get(lo - 1)?.1 + GAP {
        lo -= 1;
    }
    let mut hi = here;
    while found
        .get(hi + 1)
        .is_some_and(|n| found.get(hi).is_some_and(|p| n.0 <= p.1 + GAP))
    {
        hi += 1;
    }
    let run = found.get(lo..=hi)?;
    let cols: Vec<usize> = run.iter().filter_map(|r| r.2).into_vec();
    let distinct = cols
        .iter()
        .enumerate()
        .all(|(k, c)| !cols.get(..k).is_some_and(|b| b.contains(c)));
    if !distinct || ![1, 2, 4].iter().all(|c| cols.contains(c)) {
        return None;
    }
    let last = run.last()?.1;
    let mut end = sq.spans.get(last.checked_sub(1)?)?.1;
    let mut weight = None;
    if matches!(sq.chars.get(last), Some('(' | '（')) {
        let close = bracket_end(&sq.chars, last)?;
        let inside: String = sq.chars.get(last..close)?.iter().collect();
        let close_end = sq.spans.get(close)?.1;
        if cols.last() == Some(&5) && inside.contains('分') {
            let held: Vec<FigId> = figs
                .iter()
                .filter(|&&(s, e, _)| s >= end && e <= close_end)
                .map(|f| f.2)
                .into_vec();
            if let [w] = held.as_slice() {
                weight = Some(*w);
            }
        }
        end = close_end;
    }
    Some((cols, end, weight))
}

/// Reads the blocks in text that lost its table's shape, past those already read from
/// tables (`out`).
pub(super) fn read<'a>(doc: &'a Document, out: &mut Vec<SelfEval<'a>>) {
    let src: &str = &doc.source;
    // 行率 of 执行率 (執行率, or 執(zhí)行率 where a mirror glosses its words)
    let heads: Vec<usize> = src
        .match_indices("行率")
        .map(|(k, _)| k)
        .take(MAX_HEADS)
        .into_vec();
    if heads.is_empty() {
        return;
    }
    // figures are read in the order they stand in the source
    let figs: Vec<(usize, usize, FigId)> = doc
        .figure_spans()
        .enumerate()
        .map(|(id, (s, e))| (s, e, id))
        .into_vec();
    let names = names();
    for at in heads {
        // a header a table's block was bound by was read there
        let line = doc.line_of(at);
        if out.iter().any(|e| e.header_line == Some(line)) {
            continue;
        }
        let Some((cols, end, weight)) = header(doc, &figs, &names, at) else {
            continue;
        };
        if let Some(mut s) = block(doc, &figs, &cols, end, weight, out) {
            s.name = project_name(src, at);
            out.push(s);
        }
    }
}

/// The project's name: what follows the nearest 项目名称 before byte `at`, on its line or
/// the next line holding words, up to 主管部门 where a flattened table runs on.
fn project_name(src: &str, at: usize) -> Option<String> {
    let mut from = at.saturating_sub(4 * BEFORE);
    while !src.is_char_boundary(from) {
        from -= 1;
    }
    let before = src.get(from..at)?;
    let (k, label) = ["项目名称", "項目名稱", "項(xiàng)目名稱"]
        .iter()
        .filter_map(|l| before.match_indices(l).last().map(|(k, _)| (k, l.len())))
        .max()?;
    let rest = before.get(k + label..)?;
    let trim = |l: &str| {
        let l = l.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | ':' | '：'));
        l.split("主管部门").next().unwrap_or("").trim().to_string()
    };
    let name = rest.lines().take(4).map(trim).find(|l| !l.is_empty())?;
    (name.chars().count() <= 60).then_some(name)
}

/// The block whose header has columns `cols` and ends at byte `end`, unless its total row
/// is one of a block already `known` (from a table, or at an earlier 执行率).
fn block<'a>(
    doc: &Document,
    figs: &[(usize, usize, FigId)],
    cols: &[usize],
    end: usize,
    weight: Option<FigId>,
    known: &[SelfEval<'_>],
) -> Option<SelfEval<'a>> {
    let cells = cells(doc, figs, end);
    let first = cells.iter().position(|c| matches!(c, Cell::Fig(_)))?;
    let label: String = cells
        .get(..first)?
        .iter()
        .filter_map(|c| match c {
            Cell::Text(t) => Some(t.as_str()),
            Cell::Fig(_) => None,
        })
        .collect();
    if !(label.is_empty() || label.chars().count() <= LABEL && label.contains("总额")) {
        return None;
    }
    let run = figures(cells.get(first..)?);
    let pct = |id: &FigId| doc.is_percent(*id);
    let rate_at = cols.iter().position(|&c| c == 4)?;
    // the rate printed as a bare 0 (nothing spent of nothing) has no percent sign to find
    // it by: such a row is read only where it fills every column of the header
    let bare_zero = run.len() == cols.len()
        && !run.iter().any(pct)
        && run
            .get(rate_at)
            .and_then(|id| doc.number(*id))
            .is_some_and(|n| n.value.is_zero());
    if run.len() > cols.len()
        || !bare_zero
            && (run.iter().position(pct) != Some(rate_at)
                || run.iter().filter(|f| pct(f)).count() != 1)
    {
        return None;
    }
    let mut total = [None; 6];
    for (k, id) in run.iter().enumerate() {
        *total.get_mut(*cols.get(k)?)? = Some(*id);
    }
    if let Some(slot @ None) = total.get_mut(3) {
        *slot = weight;
    }
    let seen = |e: &SelfEval<'_>| {
        e.total
            .is_some_and(|t| t.iter().flatten().any(|f| total.contains(&Some(*f))))
    };
    if known.iter().any(seen) {
        return None;
    }
    let rest = cells.get(first + run.len()..).unwrap_or(&[]);
    Some(SelfEval {
        table: None,
        name: None,
        total: Some(total),
        blank: [false; 6],
        parts: parts(doc, rest, cols),
        indicators: Vec::new(),
        indicators_clean: false,
        total_score: None,
        initial_budget: false,
        header_line: None,
    })
}

/// The figures a list of cells opens with.
fn figures(cells: &[Cell]) -> Vec<FigId> {
    cells
        .iter()
        .map_while(|c| match c {
            Cell::Fig(id) => Some(*id),
            Cell::Text(_) => None,
        })
        .into_vec()
}

/// The source rows after a block's total row (其中:当年财政拨款 …), their money columns
/// bound as the total's are; a row with no figure adds nothing, one whose figures do not
/// fit the header is unknown. Words before the first are passed over, a figure among them
/// ends the look.
fn parts(doc: &Document, cells: &[Cell], cols: &[usize]) -> Vec<[Option<Expr>; 3]> {
    // the money columns come first in every template
    let money = cols.iter().take_while(|&&c| c <= 2).count();
    if cols.iter().skip(money).any(|&c| c <= 2) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(Cell::Text(t)) = cells.get(k) {
        k += 1;
        let label = t
            .trim_start_matches("其中")
            .trim_start_matches(&[':', '：'][..]);
        if label.is_empty() {
            continue;
        }
        if !PARTS.contains(&label) {
            // words before the first source are the total row's note (Sichuan's 原因
            // cell), skipped; after one, they end the sources
            if out.is_empty() {
                continue;
            }
            break;
        }
        let run = figures(cells.get(k..).unwrap_or(&[]));
        k += run.len();
        let pct_at = run.iter().position(|id| doc.is_percent(*id));
        let fits = run.is_empty() || pct_at.unwrap_or(run.len()) == money && run.len() >= money;
        let mut ops: [Option<Expr>; 3] = [None, None, None];
        for (c, &slot) in cols.iter().take(money).enumerate() {
            if let Some(dst) = ops.get_mut(slot) {
                *dst = if run.is_empty() {
                    Some(Expr::Blank)
                } else if fits {
                    run.get(c).map(|id| Expr::Fig(*id))
                } else {
                    None
                };
            }
        }
        out.push(ops);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::{own, reported};

    /// A school's 2019 self-evaluation copied one cell per line, cells apart by blank lines
    /// and blank cells a space (lfsp.cn, 廊坊市食品工程学校).
    fn cells(total: [&str; 6], part: [&str; 3]) -> String {
        let mut t = String::from(
            "项目支出绩效自评表\n\n项目名称\n\n办公宿舍楼、食堂及餐厅暖通改造经费\n\n项目资金\n(万元)\n\n \n\n\
             年初\n\n预算数\n\n全年\n\n预算数\n\n全年\n\n执行数\n\n分值\n\n执行率\n\n得分\n\n年度资金总额\n\n",
        );
        for c in total {
            t.push_str(c);
            t.push_str("\n\n");
        }
        t.push_str("其中:当年财政拨款\n\n");
        for c in part {
            t.push_str(c);
            t.push_str("\n\n");
        }
        t.push_str(
            " \n\n      上年结转资金\n\n \n\n \n\n \n\n \n\n其他资金\n\n \n\n \n\n年度总体目标\n",
        );
        t
    }

    #[test]
    fn the_names_looked_for_are_every_columns_longest_first() {
        let names = super::names();
        for (k, ns) in super::super::BLOCK_NAMES.iter().enumerate() {
            for n in *ns {
                let n: Vec<char> = n.chars().collect();
                assert!(names.contains(&(n.clone(), Some(k))), "{n:?}");
            }
        }
        assert!(names.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
    }

    #[test]
    fn a_block_printed_one_cell_per_line_is_read_in_its_headers_order() {
        let ok = cells(
            ["43.2", "43.2", "37.24", "10", "86%", "9"],
            ["43.2", "43.2", "37.24"],
        );
        assert_eq!(
            reported(&ok, "exec-rate"),
            own(&[("86%", "pass"), ("9", "pass")])
        );
        assert_eq!(
            reported(&ok, "fund-breakdown"),
            own(&[("43.2", "pass"), ("43.2", "pass"), ("37.24", "pass")])
        );
        // 37.24 ÷ 43.2 = 86.2%, not 88%; a source short of the total
        let wrong = cells(
            ["43.2", "43.2", "37.24", "10", "88%", "9"],
            ["43.2", "43.2", "36.24"],
        );
        assert_eq!(
            reported(&wrong, "exec-rate"),
            own(&[("88%", "fail"), ("9", "pass")])
        );
        assert!(reported(&wrong, "fund-breakdown").contains(&("37.24".into(), "fail".into())));
        // a cell left blank leaves no trace: the figures no longer fit the header before
        // the rate, and nothing is read rather than something misread
        let blank = cells(
            ["43.2", "", "37.24", "10", "86%", "9"],
            ["43.2", "43.2", "37.24"],
        );
        assert!(reported(&blank, "exec-rate").is_empty());
        assert!(reported(&blank, "fund-breakdown").is_empty());
    }

    #[test]
    fn a_block_in_bar_ended_cells_skips_its_note_and_its_numbering() {
        // a county bureau's 2023 self-evaluation (scqs.gov.cn, 青神县发展和改革局): Sichuan's
        // template one cell per line, each closed by a bar; the score left blank, then the
        // 原因 cell's note, numbered "1." …
        let text = |rate: &str| {
            format!(
                "部门预算项目支出绩效自评表(2023年度) |\n项目名称 |\n51000021R000000019951-工资性支出 |\n\
                 预算执行情况(10分) |\n年度预算数(万元) |\n年初预算 |\n调整后预算数 |\n预算执行数 |\n\
                 预算执行率 |\n权重 |\n得分 |\n原因 |\n总额 |\n238.93 |\n251.89 |\n251.89 |\n{rate} |\n10 |\n|\n\
                 1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);\
                 2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款. |\n\
                 其中:财政资金 |\n238.93 |\n251.89 |\n251.89 |\n100.00% |\n/ |\n/ |\n\
                 财政专户管理资金 |\n0.00 |\n0.00 |\n0.00 |\n0.00% |\n/ |\n/ |\n\
                 单位资金 |\n0.00 |\n0.00 |\n0.00 |\n0.00% |\n/ |\n/ |\n\
                 其他资金 |\n|\n|\n|\n|\n/ |\n/ |\n绩效指标(90分) |\n"
            )
        };
        // the "1" of the note is no score: the blank score makes no relation
        assert_eq!(
            reported(&text("100.00%"), "exec-rate"),
            own(&[("100.00%", "pass")])
        );
        assert_eq!(
            reported(&text("99.00%"), "exec-rate"),
            own(&[("99.00%", "fail")])
        );
        let sums = reported(&text("100.00%"), "fund-breakdown");
        assert_eq!(
            sums,
            own(&[("238.93", "pass"), ("251.89", "pass"), ("251.89", "pass")])
        );
        let doc = crate::read::read_text(&text("100.00%"));
        let evals = super::super::read_all(&doc);
        assert_eq!(
            evals.first().and_then(|e| e.name.as_deref()),
            Some("51000021R000000019951-工资性支出")
        );
    }

    #[test]
    fn a_rate_printed_as_a_bare_zero_is_read_where_the_row_fills_the_header() {
        // a township's 2022 self-evaluation flattened into one line (池州市贵池区棠溪镇, a
        // mirror of its attachment): the total row printed 0 throughout, its rate a bare 0,
        // above a source of 90
        let text = |total: &str| {
            format!(
                "附件: 项目支出绩效自评表 (2022年度) 项目名称 委托业务项目 主管部门 \
                 219-池州市贵池区棠溪镇人民政府 项目资金 (万元) 年初预算数 全年预算数 全年执行数 \
                 分值 执行率 得分 年度资金总额: {total} 其中:本年财政拨款 90 89.974 89.974 \
                 上年结转资金 其他资金 年度总体目标 预期目标\n"
            )
        };
        assert_eq!(
            reported(&text("0 0 0 10 0 0"), "fund-breakdown"),
            own(&[("0", "fail"), ("0", "fail"), ("0", "fail")])
        );
        // quoted by the block's name and row, not by its line (the whole flattened table)
        let doc = crate::read::read_text(&text("0 0 0 10 0 0"));
        let report = crate::check_document(&doc);
        let quoted: Vec<_> = report
            .checks
            .iter()
            .filter(|e| e.rule == crate::relation::Rule::FundBreakdown)
            .map(|e| e.context.as_deref())
            .collect();
        assert_eq!(quoted, [Some("委托业务项目：年度资金总额"); 3]);
        // a bare figure in the rate's place other than 0 could be a rate without its sign
        // or a figure out of place: the row is not read
        assert!(reported(&text("90 90 89.974 10 99.97 10"), "fund-breakdown").is_empty());
        // a row short of the header's columns, no percent sign to place it: not read
        assert!(reported(&text("0 0 10 0 0"), "fund-breakdown").is_empty());
    }

    #[test]
    fn a_block_flattened_into_one_line_takes_its_weight_from_the_scores_header() {
        // a district bureau's 2020 fund self-evaluation flattened into one line (a document
        // site's copy): 预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率)
        let text = |rate: &str, score: &str| {
            format!(
                "2020 年市级服务贸易发展资金项目自评表 项目名称 2020 年市级服务贸易发展资金 主管部门 区商务局 \
                 预算执行 情况(万元) (20 分) 一级指标 年度财政 资金总额 预算数 (A) 执行数(B) 执行率(B/A) \
                 得分 (20 分*执行率) 285.84 250.00 {rate} {score} 三级指标 年初目标值 (A) 实际完成值 (B) 得分\n"
            )
        };
        assert_eq!(
            reported(&text("87.46%", "17.49"), "exec-rate"),
            own(&[("87.46%", "pass"), ("17.49", "pass")])
        );
        // 250 ÷ 285.84 × 20 = 17.49, not 20
        assert_eq!(
            reported(&text("87.46%", "20"), "exec-rate"),
            own(&[("87.46%", "pass"), ("20", "fail")])
        );
        // a header that names a column twice is no header
        let twice = text("87.46%", "17.49").replace("执行数(B)", "执行数(B) 全年执行数");
        assert!(reported(&twice, "exec-rate").is_empty());
    }
}
