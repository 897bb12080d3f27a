//! The outline of a table's rows where no 合计 label says it: item numbering (一、 1、
//! (1) …) nesting rows under an item, the items of a “三公” table (出国, 接待, 用车 with its
//! 购置 and 运行), and the levels of a government's region table (全市 = 市本级 + 县区级,
//! 县区级 = 区级 + 县级, 区级 = its districts).

use super::table::{clean_label, total_level, RowFacts};
use crate::document::Table;
use crate::IntoVec;

/// A numbering style, in the order publishers usually nest them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// 一、
    Chinese,
    /// (一)
    ParenChinese,
    /// 1、 1. 1．
    Arabic,
    /// (1)
    ParenArabic,
    /// ①
    Circled,
}

pub(crate) const CN_DIGITS: &str = "一二三四五六七八九十";

/// Removes a leading 其中 (with its colon).
pub fn strip_of_which(label: &str) -> &str {
    let t = crate::claims::table::trimmed(label);
    match t.strip_prefix("其中") {
        Some(rest) => rest.trim_start_matches(&[':', '：', ' '][..]),
        None => t,
    }
}

pub(crate) fn style(label: &str) -> Option<Style> {
    let t = strip_of_which(label);
    let mut chars = t.chars();
    let first = chars.next()?;
    if matches!(first, '①'..='⑳') {
        return Some(Style::Circled);
    }
    // an item number starts with a digit (or the brackets above): most labels do not
    if !(first.is_ascii_digit()
        || matches!(
            first,
            '(' | '（' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        ))
    {
        return None;
    }
    if first == '(' || first == '（' {
        let inner = crate::figure::lead(chars.as_str(), |c| c != ')' && c != '）');
        if !inner.is_empty() && inner.chars().all(|c| CN_DIGITS.contains(c)) {
            return Some(Style::ParenChinese);
        }
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
            return Some(Style::ParenArabic);
        }
        return None;
    }
    let lead = crate::figure::lead(t, |c| CN_DIGITS.contains(c) || c.is_ascii_digit());
    let after = t.chars().nth(lead.chars().count());
    if lead.is_empty() || !matches!(after, Some('、' | '.' | '．')) {
        return None;
    }
    // "1.5万元" is a figure, not an item number
    if after == Some('.')
        && t.chars()
            .nth(lead.chars().count() + 1)
            .is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    if lead.chars().all(|c| c.is_ascii_digit()) {
        Some(Style::Arabic)
    } else if lead.chars().all(|c| CN_DIGITS.contains(c)) {
        Some(Style::Chinese)
    } else {
        None
    }
}

/// 一、 is level 1, （一） level 2, 1. / 1、 / (1) level 3; unnumbered lines none.
pub(crate) fn numbering_level(s: &str) -> Option<u8> {
    let s = crate::claims::table::trimmed(s);
    // a number starts with a digit or a bracket: most labels do not (every row is tested)
    let first = s.chars().next()?;
    if !(first.is_ascii_digit()
        || matches!(
            first,
            '(' | '（' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        ))
    {
        return None;
    }
    // digits first (a code, an amount, 1.): only the last rule below can apply; a run of
    // three or more digits is no item number
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits >= 3 {
        return None;
    }
    let han = |s: &str| {
        s.chars()
            .take_while(|c| {
                matches!(
                    c,
                    '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
                )
            })
            .count()
    };
    let n = han(s);
    if n > 0 && s.chars().nth(n) == Some('、') {
        return Some(1);
    }
    if let Some(r) = s.strip_prefix(&['（', '('][..]) {
        let n = han(r);
        if n > 0 && r.chars().nth(n).is_some_and(|c| c == '）' || c == ')') {
            return Some(2);
        }
        let d = r.chars().take_while(char::is_ascii_digit).count();
        if d > 0 && r.chars().nth(d).is_some_and(|c| c == '）' || c == ')') {
            return Some(3);
        }
    }
    let d = digits;
    (d > 0
        && d < 3
        && s.chars()
            .nth(d)
            .is_some_and(|c| matches!(c, '.' | '、' | '．'))
        && !s.chars().nth(d + 1).is_some_and(|c| c.is_ascii_digit()))
    .then_some(3)
}

/// Each row's depth in the item numbering (0 for the outermost style seen), `None` for a
/// row without a number. A style seen again closes the deeper ones opened after it.
pub fn depths(facts: &[RowFacts]) -> Vec<Option<usize>> {
    depths_by(facts.iter().map(|f| f.style))
}

/// As [`depths`], over the labels in column `col` only: the second side of a two-sided
/// table (收入 left, 支出 right) numbers its own items, which the first side's numbering
/// (一、财政拨款收入, then 1.一般公共预算资金 …) must not nest.
pub fn depths_in(t: &Table, col: usize) -> Vec<Option<usize>> {
    depths_by((0..t.rows().len()).map(|r| {
        if r < t.header_rows {
            return None;
        }
        style(
            t.cell(r, col)
                .filter(|c| c.kind == crate::figure::CellKind::Text)
                .map_or("", |c| c.text),
        )
    }))
}

/// Depths from each row's numbering style (`None` for header rows and unnumbered rows).
fn depths_by(styles: impl Iterator<Item = Option<Style>>) -> Vec<Option<usize>> {
    let mut stack: Vec<Style> = Vec::new();
    styles
        .map(|s| {
            let s = s?;
            match stack.iter().position(|x| *x == s) {
                Some(k) => stack.truncate(k + 1),
                None => stack.push(s),
            }
            Some(stack.len() - 1)
        })
        .into_vec()
}

/// An item of a “三公” table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sangong {
    /// The “三公” total.
    Total,
    /// 因公出国（境）费.
    Abroad,
    /// 公务接待费.
    Reception,
    /// 公务用车购置及运行费 (its 小计).
    Car,
    /// 公务用车购置费.
    Purchase,
    /// 公务用车运行（维护）费.
    Running,
}

/// Folds the traditional characters of the “三公” item names onto simplified ones.
fn simplify(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '務' => '务',
            '購' => '购',
            '運' => '运',
            '維' => '维',
            '護' => '护',
            '費' => '费',
            '國' => '国',
            '經' => '经',
            '車' => '车',
            '計' => '计',
            '輛' => '辆',
            '總' => '总',
            '數' => '数',
            '團' => '团',
            '門' => '门',
            '撥' => '拨',
            '預' => '预',
            '決' => '决',
            '資' => '资',
            other => other,
        })
        .collect()
}

/// A character of 三公, 合计/总计, 出国/出境, 接待, 用车/公车/车辆, 购置 or 运行.
pub(crate) const SANGONG_CHARS: [char; 11] = [
    '三', '计', '計', '出', '接', '车', '車', '购', '購', '运', '運',
];

/// The “三公” item a row label names, if any. Counts (团组数, 人次, 保有量, 购置数 (辆))
/// name no amount.
pub fn sangong(label: &str) -> Option<Sangong> {
    // every item below names one of these characters (simplified or traditional): most
    // labels hold none, and are let go without building a string
    if !label.contains(SANGONG_CHARS) {
        return None;
    }
    let l = simplify(&clean_label(strip_of_which(label)));
    let l = l.replace(['“', '”', '"'], "");
    if [
        "数",
        "量",
        "人次",
        "批次",
        "(个)",
        "(人)",
        "(辆)",
        "（辆）",
        "（人）",
        "（个）",
    ]
    .iter()
    .any(|k| l.contains(k))
    {
        return None;
    }
    if l.contains("三公") {
        return Some(Sangong::Total);
    }
    if total_level(&l).is_some_and(|lv| lv >= 2) {
        return Some(Sangong::Total);
    }
    if l.contains("出国") || l.contains("出境") {
        return Some(Sangong::Abroad);
    }
    if l.contains("接待") {
        return Some(Sangong::Reception);
    }
    let car = l.contains("用车") || l.contains("公车") || l.contains("车辆");
    // ("运维" is 运行维护 shortened: "公务用车购置及运维费" is the car item, not its 购置)
    let (buy, run) = (l.contains("购置"), l.contains("运行") || l.contains("运维"));
    match (car, buy, run) {
        (true, true, true) | (true, false, false) => Some(Sangong::Car),
        (_, true, false) => Some(Sangong::Purchase),
        (_, false, true) => Some(Sangong::Running),
        _ => None,
    }
}

/// The rows of a “三公” table by item, when each item is printed once: `(total, abroad,
/// reception, car, purchase, running)`. `None` unless 出国 and 接待 both are there with a
/// total, or 用车 with both its parts.
#[derive(Debug, Clone, Copy, Default)]
pub struct SangongRows {
    /// The total.
    pub total: Option<usize>,
    /// 出国.
    pub abroad: Option<usize>,
    /// 接待.
    pub reception: Option<usize>,
    /// 用车.
    pub car: Option<usize>,
    /// 购置.
    pub purchase: Option<usize>,
    /// 运行.
    pub running: Option<usize>,
}

/// Finds the “三公” rows of a table.
pub fn sangong_rows(t: &Table, facts: &[RowFacts]) -> Option<SangongRows> {
    let mut found = SangongRows::default();
    let mut seen_twice = false;
    for r in t.header_rows..t.rows().len() {
        // (the label holds a character of an item's name: read in the claims stage)
        if !facts.get(r).is_some_and(|f| f.sangong) {
            continue;
        }
        let label = t.row_label(r);
        // a note row (三、“三公”经费增减变化原因等说明) names no amount
        if ["说明", "原因", "备注", "說明", "備註"]
            .iter()
            .any(|k| label.contains(k))
        {
            continue;
        }
        let Some(role) = sangong(label) else {
            continue;
        };
        let slot = match role {
            Sangong::Total => &mut found.total,
            Sangong::Abroad => &mut found.abroad,
            Sangong::Reception => &mut found.reception,
            Sangong::Car => &mut found.car,
            Sangong::Purchase => &mut found.purchase,
            Sangong::Running => &mut found.running,
        };
        if slot.is_some() {
            seen_twice = true;
        }
        *slot = Some(r);
    }
    let items = found.abroad.is_some() && found.reception.is_some();
    let car_parts = found.car.is_some() && found.purchase.is_some() && found.running.is_some();
    (!seen_twice && ((items && found.total.is_some()) || car_parts)).then_some(found)
}

/// Most levels a region table has (市本级, 县区级, 区级, 县级, 乡镇级 …).
const MAX_LEVELS: usize = 12;

/// A level of a region table: `区 级` → "区"; `市本级` is the region's own part, not a level.
fn level(label: &str) -> Option<String> {
    if !crate::claims::table::has_char(label, '级') {
        return None;
    }
    let l = clean_label(label);
    let name = l.strip_suffix('级')?;
    (!name.is_empty() && !name.ends_with('本') && name.chars().count() <= 3)
        .then(|| name.to_string())
}

fn is_own_part(label: &str) -> bool {
    label.contains('级') && clean_label(label).ends_with("本级")
}

/// The totals of a region table and the rows each covers: a level (区级) covers the rows
/// after it up to the next level, or, when levels follow it directly, the levels it names
/// (县区级 → 区级, 县级); the first row, followed by the region's own part (市本级), is the
/// whole: its own part plus the outermost levels.
pub fn region_totals(t: &Table, facts: &[RowFacts]) -> Vec<(usize, Vec<usize>)> {
    // (whether a label holds 级 was read in the claims stage: most hold none)
    let has_level_char = |r: usize| facts.get(r).is_some_and(|f| f.level);
    let body: Vec<usize> = (t.header_rows..t.rows().len()).into_vec();
    let levels: Vec<(usize, String)> = body
        .iter()
        .filter(|&&r| has_level_char(r))
        .filter_map(|&r| level(t.row_label(r)).map(|n| (r, n)))
        .into_vec();
    // a region table has a handful of levels; many rows ending in 级 are something else
    // (and comparing every pair of them would be quadratic)
    if levels.is_empty() || levels.len() > MAX_LEVELS {
        return Vec::new();
    }
    let contains =
        |outer: &str, inner: &str| outer != inner && inner.chars().all(|c| outer.contains(c));
    let mut out = Vec::new();
    for (k, (r, name)) in levels.iter().enumerate() {
        let next_is_level = levels.get(k + 1).is_some_and(|(n, _)| *n == r + 1);
        let covered: Vec<usize> = if next_is_level {
            levels
                .iter()
                .filter(|(n, inner)| n > r && contains(name, inner))
                .map(|(n, _)| *n)
                .into_vec()
        } else {
            ((r + 1)..t.rows().len())
                .take_while(|&n| {
                    !has_level_char(n)
                        || level(t.row_label(n)).is_none() && !is_own_part(t.row_label(n))
                })
                .into_vec()
        };
        if covered.len() >= 2 {
            out.push((*r, covered));
        }
    }
    if let (Some(&first), Some(&second)) = (body.first(), body.get(1)) {
        if level(t.row_label(first)).is_none() && is_own_part(t.row_label(second)) {
            let mut covered = vec![second];
            covered.extend(
                levels
                    .iter()
                    .filter(|(_, n)| !levels.iter().any(|(_, o)| contains(o, n)))
                    .map(|(r, _)| *r),
            );
            if covered.len() >= 2 {
                out.push((first, covered));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_styles() {
        assert_eq!(style("一、支出合计"), Some(Style::Chinese));
        assert_eq!(
            style("其中:(1)公务用车运行维护费"),
            Some(Style::ParenArabic)
        );
        assert_eq!(style("(二)公務用車"), Some(Style::ParenChinese));
        assert_eq!(style("1.公務用車購置"), Some(Style::Arabic));
        assert_eq!(style("3、公务用车费"), Some(Style::Arabic));
        assert_eq!(style("1.5万元"), None);
        assert_eq!(style("公务接待费"), None);
    }

    #[test]
    fn sangong_items() {
        assert_eq!(sangong("总“三公”经费支出"), Some(Sangong::Total));
        assert_eq!(
            sangong("(二)公務用車購置及運行維護支出"),
            Some(Sangong::Car)
        );
        assert_eq!(sangong("3、公务用车费"), Some(Sangong::Car));
        assert_eq!(
            sangong("其中:(1)公务用车运行维护费"),
            Some(Sangong::Running)
        );
        assert_eq!(sangong("1.公務用車購置"), Some(Sangong::Purchase));
        // 运维 is 运行维护 shortened (a town's 2021 notice, fuling)
        assert_eq!(sangong("公务用车购置及运维费"), Some(Sangong::Car));
        assert_eq!(sangong("其中:公务用车运维费"), Some(Sangong::Running));
        assert_eq!(sangong("3.公务用车购置数(辆)"), None);
        assert_eq!(sangong("1.因公出国(境)团组数(个)"), None);
        assert_eq!(sangong("一、支出合计"), Some(Sangong::Total));
    }
}
