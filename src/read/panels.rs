//! A 收支总表 copied out of a PDF viewer: two tables side by side, 收入 on the left and 支出
//! on the right, each an item and its amount (and, in the 决算 form, the item's 行次), every
//! cell cut from the next by a space.
//!
//! ```text
//! 收入 支出
//! 项目 决算数 项目 决算数
//! 一、一般公共预算财政拨款收入 2,940.05 一、一般公共服务支出 2,106.66
//! 二、政府性基金预算财政拨款收入 二、外交支出
//! 九、卫生健康支出 60.99
//! 本年收入合计 2,946.25 本年支出合计 2,940.05
//! 总计 2,995.39 总计 2,995.39
//! ```
//!
//! A blank cell leaves no trace, so a line with one item could be either side's: the item's
//! words say which (支出 is spent, 收入 and 拨款 come in), or else the side of the line
//! with one item just above it. The table is read as its tab copy is, the left side's
//! columns then the right side's, only where every line of it can be placed and it closes
//! with both sides' 总计; otherwise its lines stay text. Its header printed again after a
//! page's break is passed over; it starts no table of its own (the rows below it are only
//! the table's last, which its totals do not sum).

use super::layout::{joined_pairs, names_total, number_len, space_cells};
use super::{LineKind, Reader};
use crate::document::{Row, Table};
use crate::figure::{self, CellKind};

/// Most lines a 收支总表 spans from its header to its 总计 row.
const MAX_LINES: usize = 120;

/// A line's words: its cells cut at spaces ([`space_cells`]; trimmed first, so that no
/// blank one closes it).
fn words(line: &str) -> Vec<(usize, &str)> {
    space_cells(line.trim_end())
}

/// An item's number standing alone ("1.", "（一）", "二、"): it opens the words after it.
fn bare_number(t: &str) -> bool {
    number_len(t) == Some(t.len())
}

/// A 行次: a small whole number, as printed.
fn is_line_number(t: &str) -> bool {
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Which side of a 收支总表 an item belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Income,
    Spending,
}

/// The side an item's words put it on, if they say.
fn side_of(label: &str) -> Option<Side> {
    const SPENT: [&str; 4] = ["支出", "结余分配", "年末", "结转下年"];
    const CAME: [&str; 7] = ["收入", "拨款", "资金", "年初", "上年结转", "弥补", "使用"];
    let has = |words: &[&str]| words.iter().any(|w| label.contains(w));
    match (has(&CAME), has(&SPENT)) {
        (true, false) => Some(Side::Income),
        (false, true) => Some(Side::Spending),
        _ => None,
    }
}

/// A cell of a 收支总表's row: its offset in the line and its text (`(0, "")` blank).
type Slot<'a> = (usize, &'a str);

/// A 收支总表's row as six cells: each side's item, 行次 and amount, left then right.
type Slots<'a> = [Slot<'a>; 6];

const BLANK: Slot<'static> = (0, "");

/// A line as one or two items, each words, then its 行次 where the columns have one, then
/// at most one amount (or dash), placed left then right; and how many items it holds.
/// `None` when it is not: an amount with no words before it, two amounts, a 行次 missing,
/// more than two items.
fn items(line: &str, line_numbers: bool) -> Option<(Slots<'_>, usize)> {
    let ws = words(line);
    let mut slots = [BLANK; 6];
    // the slot the next amount goes to, past the last item's words
    let (mut n, mut next) = (0, usize::MAX);
    let mut k = 0;
    while let Some(&(at, w)) = ws.get(k) {
        k += 1;
        if matches!(figure::read_cell(w).0, CellKind::Figure | CellKind::Dash) {
            let numbered = next % 3 == 1;
            if numbered && !(line_numbers && is_line_number(w)) {
                return None;
            }
            *slots.get_mut(next)? = (at, w);
            next = if numbered { next + 1 } else { usize::MAX };
            continue;
        }
        // words holding digits are no item ("总计2,995.39总计": cells run together); a
        // 行次 missing before them
        if w.chars().any(|c| figure::fold_char(c).is_ascii_digit()) && !bare_number(w)
            || next % 3 == 1
        {
            return None;
        }
        // a bare number and the words after it are one item's
        let label = match ws.get(k) {
            Some(&(next_at, after)) if bare_number(w) => {
                k += 1;
                (at, line.get(at..next_at + after.len())?)
            }
            _ => (at, w),
        };
        *slots.get_mut(3 * n)? = label;
        next = 3 * n + if line_numbers { 1 } else { 2 };
        n += 1;
    }
    (n > 0 && next % 3 != 1).then_some((slots, n))
}

/// A 收支总表's lines ([`Reader::panel_run`]), each as six cells ([`Slots`]).
pub(super) struct PanelRun<'a> {
    /// The header's lines and the rows', up to and with the 总计 row.
    lines: Vec<(usize, Slots<'a>)>,
    /// How many lines are the header's.
    head: usize,
    /// Each side has a 行次 column.
    line_numbers: bool,
}

impl<'a> Reader<'a> {
    fn panel_line(&self, k: usize) -> Option<&'a str> {
        (self.kind(k) == Some(LineKind::Text))
            .then(|| self.lines.get(k).map(|l| l.1))
            .flatten()
    }

    /// Line `k` as a 收支总表's columns' header — `项目 H 项目 H`, or `项目 行次 H 项目 行次
    /// H` — and whether it names a 行次.
    fn panel_head(&self, k: usize) -> Option<(Slots<'a>, bool)> {
        let line = self.panel_line(k)?;
        // (项 目, 行 次: a name's characters printed apart)
        let ws = joined_pairs(line, &words(line))?;
        let item = |t: &str| matches!(figure::unspaced(t).as_str(), "项目" | "項目");
        let words = |t: &str| figure::read_cell(t).0 == CellKind::Text;
        match *ws.as_slice() {
            [a, h, b, g] if item(a.1) && item(b.1) && h.1 == g.1 && words(h.1) => {
                Some(([a, BLANK, h, b, BLANK, g], false))
            }
            [a, n, h, b, m, g]
                if item(a.1)
                    && item(b.1)
                    && h.1 == g.1
                    && words(h.1)
                    && n.1 == m.1
                    && figure::unspaced(n.1) == "行次" =>
            {
                Some(([a, n, h, b, m, g], true))
            }
            _ => None,
        }
    }

    /// Line `k` as the names of the two sides: `收入 支出`, `本年收入 本年支出`.
    fn names_sides(&self, k: usize) -> Option<Slots<'a>> {
        let line = self.panel_line(k)?;
        // (收 入 支 出: the names' characters printed apart)
        let [a, b] = *joined_pairs(line, &words(line))? else {
            return None;
        };
        let names = |t: &str, w: &str| {
            let t = figure::unspaced(t);
            t == w || t.strip_prefix("本年") == Some(w)
        };
        (names(a.1, "收入") && names(b.1, "支出")).then_some([a, BLANK, BLANK, b, BLANK, BLANK])
    }

    /// A 收支总表 laid out with spaces from line `first` (its 收入 支出 line or its
    /// columns' header): every line up to both sides' 总计 placed, or none.
    pub(super) fn panel_run(&self, first: usize) -> Option<PanelRun<'a>> {
        // (asked at every line of a paragraph: a header is a short line naming its items)
        let l = self.panel_line(first)?;
        if l.len() > 80 || !["项", "項", "收"].iter().any(|w| l.contains(w)) {
            return None;
        }
        let mut lines = Vec::new();
        let mut k = first;
        if let Some(sides) = self.names_sides(k) {
            lines.push((k, sides));
            k += 1;
        }
        let (head, line_numbers) = self.panel_head(k)?;
        // the header printed again after a page's break, its table above unread: the rows
        // from here are only its last ones, which its totals do not sum
        if (first.saturating_sub(MAX_LINES)..first)
            .rev()
            .any(|j| self.panel_head(j).is_some())
        {
            return None;
        }
        lines.push((k, head));
        k += 1;
        // 栏次 1 栏次 2: the columns' numbers
        if let Some((slots, 2)) = self.panel_line(k).and_then(|l| items(l, false)) {
            if slots[0].1 == "栏次" && slots[3].1 == "栏次" {
                lines.push((k, slots));
                k += 1;
            }
        }
        let head = lines.len();
        let (mut both, mut last_side, mut again) = (0, None, 0);
        let end = k.saturating_add(MAX_LINES).min(self.lines.len());
        while k < end {
            // a page's break inside the table: blank lines, a page number
            if matches!(self.kind(k), Some(LineKind::Blank | LineKind::PageNumber)) {
                k += 1;
                continue;
            }
            // the header again, after rows, at most twice (a table over three pages): lines
            // of headers alone are no table (and a look from each would read them all)
            if self.panel_head(k).is_some() || self.names_sides(k).is_some() {
                again += 1;
                if lines.len() == head || again > 2 {
                    return None;
                }
                k += 1;
                continue;
            }
            let (slots, n) = items(self.panel_line(k)?, line_numbers)?;
            let (left, right) = (slots[0].1, slots[3].1);
            // a total first: the items it sums are above, where the table could not be read
            if lines.len() == head && (names_total(left) || names_total(right)) {
                return None;
            }
            if n == 2 {
                // the sides the other way round: no 收支总表
                if side_of(left) == Some(Side::Spending) || side_of(right) == Some(Side::Income) {
                    return None;
                }
                lines.push((k, slots));
                both += 1;
                let grand = |t: &str| t.contains("总计");
                if grand(left) && grand(right) {
                    return (both >= 2).then_some(PanelRun {
                        lines,
                        head,
                        line_numbers,
                    });
                }
                last_side = None;
            } else {
                let mut slots = slots;
                let side = side_of(left).or(last_side)?;
                last_side = Some(side);
                if side == Side::Spending {
                    let [a, b, c, ..] = slots;
                    slots = [BLANK, BLANK, BLANK, a, b, c];
                }
                lines.push((k, slots));
            }
            k += 1;
        }
        None
    }

    /// A 收支总表 laid out with spaces ([`Reader::panel_run`]), read as its tab copy is:
    /// the left side's item, 行次 and amount, then the right side's.
    pub(super) fn panel_table(&mut self, first: usize) -> Option<usize> {
        let run = self.panel_run(first)?;
        let index = self.doc.tables.len();
        let caption = self.caption_before(first);
        let end = run.lines.last()?.0 + 1;
        let mut rows = Vec::with_capacity(run.lines.len());
        for (r, (k, slots)) in run.lines.into_iter().enumerate() {
            // (no 行次 columns: their slots are none of the table's; trailing blank cells
            // carry nothing, a tab copy's row is trimmed the same way)
            let keep = |c: usize| run.line_numbers || c % 3 != 1;
            let last = (0..6)
                .rev()
                .find(|&c| keep(c) && slots.get(c).is_some_and(|s| !s.1.is_empty()))?;
            let start = self.lines.get(k)?.0;
            let line_no = self.doc.line_of(start);
            let mut row = Row {
                line: line_no,
                cells: Vec::with_capacity(last + 1),
            };
            for (c, &(off, t)) in slots.iter().enumerate().take(last + 1) {
                if keep(c) {
                    let cell = self.cell(index, r, row.cells.len(), start + off, t, line_no);
                    row.cells.push(cell);
                }
            }
            rows.push(row);
        }
        self.doc
            .tables
            .push(Table::from_rows(caption, rows, run.head));
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use crate::read::layout::tests::outcomes;
    use crate::read::read_text;

    /// A 收支总表 as a PDF viewer copies it (the layout of 上海市普陀区's 2024 决算, the
    /// amounts made up): single spaces, a blank cell leaving no trace, a page's break
    /// before the last rows.
    const TWO_PANELS: &str = "收入支出决算总表\n单位：万元\n收入 支出\n项目 决算数 项目 决算数\n\
        一、一般公共预算财政拨款收入 1,000.00 一、一般公共服务支出 700.00\n\
        二、政府性基金预算财政拨款收入 二、外交支出\n\
        八、其他收入 20.00 八、社会保障和就业支出 200.00\n\
        九、卫生健康支出 60.00\n\
        十、节能环保支出\n\
        本年收入合计 1,020.00 本年支出合计 960.00\n\
        \n\
        使用非财政拨款结余（含专用结余） 结余分配\n\
        年初结转和结余 30.00 年末结转和结余 90.00\n\
        总计 1,050.00 总计 1,050.00\n";

    /// Its tab copy: each side's item and amount, a blank cell a blank between tabs.
    const TWO_PANELS_TABS: &str = "收入支出决算总表\n单位：万元\n收入\t\t支出\t\n\
        项目\t决算数\t项目\t决算数\n\
        一、一般公共预算财政拨款收入\t1,000.00\t一、一般公共服务支出\t700.00\n\
        二、政府性基金预算财政拨款收入\t\t二、外交支出\t\n\
        八、其他收入\t20.00\t八、社会保障和就业支出\t200.00\n\
        \t\t九、卫生健康支出\t60.00\n\
        \t\t十、节能环保支出\t\n\
        本年收入合计\t1,020.00\t本年支出合计\t960.00\n\
        \n\
        使用非财政拨款结余（含专用结余）\t\t结余分配\t\n\
        年初结转和结余\t30.00\t年末结转和结余\t90.00\n\
        总计\t1,050.00\t总计\t1,050.00\n";

    /// Cells of every row of table `t`, `|` between them.
    fn rows(text: &str) -> Vec<String> {
        let doc = read_text(text);
        doc.tables
            .first()
            .map(|t| {
                t.rows()
                    .iter()
                    .map(|r| {
                        (0..r.cells.len())
                            .map(|c| r.cells.get(c).map_or("?", |x| x.text))
                            .collect::<Vec<_>>()
                            .join("|")
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn two_tables_side_by_side_cut_by_single_spaces_are_read_as_their_tab_copy_is() {
        let doc = read_text(TWO_PANELS);
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].header_rows, 2);
        assert_eq!(doc.tables[0].caption, "收入支出决算总表 单位：万元");
        let rows = rows(TWO_PANELS);
        assert_eq!(rows, self::rows(TWO_PANELS_TABS));
        assert_eq!(rows[5], "||九、卫生健康支出|60.00");
        assert_eq!(rows[7], "本年收入合计|1,020.00|本年支出合计|960.00");
        // a figure's row is named by its side's item
        let t = &doc.tables[0];
        assert_eq!(t.row_label_at(7, 1), "本年收入合计");
        assert_eq!(t.row_label_at(7, 3), "本年支出合计");
        assert_eq!(t.row_label_at(5, 3), "九、卫生健康支出");
        let place = |col| crate::document::Place::Cell {
            table: 0,
            row: 7,
            col,
        };
        assert!(doc
            .describe_place(0, place(3))
            .zh
            .contains("「本年支出合计」行"));
        assert!(doc
            .describe_place(0, place(1))
            .zh
            .contains("「本年收入合计」行"));
        // (both sides' sums, both 总计 and the balance of the two)
        let (spaced, tabbed) = (outcomes(TWO_PANELS), outcomes(TWO_PANELS_TABS));
        assert_eq!(spaced.len(), 5);
        assert!(spaced.iter().all(|o| o.contains("Pass")), "{spaced:?}");
        assert_eq!(spaced, tabbed);
        // a wrong amount on the right side, printed alone on its line, fails
        let wrong = TWO_PANELS.replace("卫生健康支出 60.00", "卫生健康支出 66.00");
        assert!(outcomes(&wrong).iter().any(|o| o.contains("Fail")));
        // as does a 总计 that is not the other's
        let wrong =
            TWO_PANELS.replace("总计 1,050.00 总计 1,050.00", "总计 1,050.00 总计 1,005.00");
        assert_eq!(
            outcomes(&wrong)
                .iter()
                .filter(|o| o.contains("Fail"))
                .count(),
            2
        );
        // cut at runs of two spaces, the same
        let wide = TWO_PANELS.replace(' ', "  ");
        assert_eq!(outcomes(&wide), spaced);
        // the headers' names printed apart, the same
        let apart = TWO_PANELS.replace(
            "收入 支出\n项目 决算数 项目 决算数",
            "收 入 支 出\n项 目 决算数 项 目 决算数",
        );
        assert_eq!(outcomes(&apart), spaced);
    }

    #[test]
    fn a_line_whose_side_cannot_be_told_leaves_the_table_unread() {
        // an item alone, its words naming neither side, with no item alone above it
        let unsure = TWO_PANELS.replace("九、卫生健康支出 60.00", "九、其他 60.00");
        assert!(rows(&unsure).is_empty());
        assert!(outcomes(&unsure).is_empty());
        // below an item alone, one whose words do not say takes its side
        let after = TWO_PANELS.replace("十、节能环保支出", "十、其他");
        assert_eq!(rows(&after)[6], "||十、其他");
        // spending on the left: the lines are no 收支总表
        let swapped = TWO_PANELS.replace(
            "八、其他收入 20.00 八、社会保障和就业支出 200.00",
            "八、社会保障和就业支出 200.00 八、其他收入 20.00",
        );
        assert!(rows(&swapped).is_empty());
        // no 总计 closing both sides: the rows may go on, unread
        let open = TWO_PANELS.replace("总计 1,050.00 总计 1,050.00", "");
        assert!(rows(&open).is_empty());
        assert!(outcomes(&open).is_empty());
        // a line that cannot be placed on the first page, the header printed again after
        // the page's break: the rows below it are not the ones the totals sum
        let split = "收入 支出\n项目 决算数 项目 决算数\n\
            一、一般公共预算财政拨款收入 1,000.00 一、一般公共服务支出 700.00\n\
            二、事业收入 二、外交支出 三、国防支出\n\n项目 决算数 项目 决算数\n\
            八、其他收入 20.00 八、社会保障和就业支出 200.00\n九、卫生健康支出 120.00\n\
            本年收入合计 1,020.00 本年支出合计 1,020.00\n总计 1,020.00 总计 1,020.00\n";
        assert!(outcomes(split).is_empty());
        // three items on a line
        let three = TWO_PANELS.replace(
            "十、节能环保支出",
            "十、节能环保支出 十一、城乡社区支出 十二、农林水支出",
        );
        assert!(rows(&three).is_empty());
    }

    #[test]
    fn the_final_accounts_form_with_line_numbers_and_a_header_again_after_a_page_break() {
        // 公开01表's columns: 项目 行次 金额 on each side, 栏次 numbering them
        let text = "收入支出决算总表\n收入 支出\n项目 行次 金额 项目 行次 金额\n栏次 1 栏次 2\n\
            一、一般公共预算财政拨款收入 1 1,000.00 一、一般公共服务支出 32 855.00\n\
            二、政府性基金预算财政拨款收入 2 二、教育支出 33 50.00\n\
            七、其他收入 7 20.00 三、社会保障和就业支出 34 50.00\n\
            - 2 -\n\
            项目 行次 金额 项目 行次 金额\n\
            本年收入合计 8 1,020.00 本年支出合计 40 955.00\n\
            使用非财政拨款结余 9 结余分配 41\n\
            年初结转和结余 10 30.00 年末结转和结余 42 95.00\n\
            总计 11 1,050.00 总计 43 1,050.00\n";
        let rows = rows(text);
        assert_eq!(rows[2], "栏次||1|栏次||2");
        assert_eq!(
            rows[4],
            "二、政府性基金预算财政拨款收入|2||二、教育支出|33|50.00"
        );
        // (the header printed again is no row)
        assert_eq!(rows.len(), 10);
        let out = outcomes(text);
        assert_eq!(out.len(), 5, "{out:?}");
        assert!(out.iter().all(|o| o.contains("Pass")), "{out:?}");
        // the header again right below itself: lines of headers, and the second's rows
        // would be read apart from a header above them: no table
        let twice = text.replace(
            "栏次 1 栏次 2\n",
            "项目 行次 金额 项目 行次 金额\n栏次 1 栏次 2\n",
        );
        assert!(outcomes(&twice).is_empty());
        // a third time among the rows: lines of headers, no table
        let head = "\n项目 行次 金额 项目 行次 金额\n";
        let thrice = text.replacen("\n二、", &format!("{head}二、"), 1).replacen(
            "\n七、",
            &format!("{head}七、"),
            1,
        );
        assert_eq!(outcomes(&thrice).len(), 0);
        let again = outcomes(&text.replacen("\n二、", &format!("{head}二、"), 1));
        assert_eq!(again.len(), 5);
        assert!(again.iter().all(|o| o.contains("Pass")), "{again:?}");
        // a 行次 missing: the line cannot be placed, and the table is not read
        let missing = text.replace("七、其他收入 7 20.00", "七、其他收入 20.00");
        assert!(outcomes(&missing).is_empty());
    }
}
