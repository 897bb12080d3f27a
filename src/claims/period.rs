//! The periods of a year a text names: "1-7月", "1月至6月", "上半年", "前三季度", "年底".
//! Read where a paragraph names them, for the checks that compare what was said of one
//! period with another (repeated-figure) or with the share of the year gone (pace).

use super::prose::{Prose, Tok};
use crate::document::Document;
use rust_decimal::Decimal;

/// Periods of a year named in words, and their months (first and last). A stock at a
/// year's end is December's; at last year's end, month 0 ("截至去年底,財政儲備6641億元" and
/// "至1月底,財政儲備6747億元", a Hong Kong budget summary, are two dates' reserves).
pub const PERIODS: &[(&str, u8, u8)] = &[
    ("去年底", 0, 0),
    ("去年末", 0, 0),
    ("上年底", 0, 0),
    ("上年末", 0, 0),
    ("年底", 12, 12),
    ("年末", 12, 12),
    ("上半年", 1, 6),
    ("下半年", 7, 12),
    ("前三季度", 1, 9),
    ("一季度", 1, 3),
    ("二季度", 4, 6),
    ("三季度", 7, 9),
    ("四季度", 10, 12),
];

/// The characters the names in [`PERIODS`] start with.
pub const PERIOD_STARTS: &[char] = &['去', '上', '年', '下', '前', '一', '二', '三', '四'];

/// The months (first and last) of the period named at token `k` of `p`: a period's name in
/// words starting there ([`PERIODS`]), or a month's number there ("7月" → (7, 7); "1-7月",
/// "1至7月", "1—7月", "1月至7月" and "7月底" → (1, 7) at the 7). None where no period is
/// named.
pub fn months_at(doc: &Document, p: &Prose<'_>, k: usize) -> Option<(Decimal, Decimal)> {
    // "上半年累计，…" against "6月份当月，…"; "前三季度" is not the third quarter
    let before = k.checked_sub(1).and_then(|j| p.toks.get(j));
    let after_qian = before == Some(&Tok::Ch('前'));
    // (the 年底 of 去年底 was read with it)
    let last_years = matches!(before, Some(Tok::Ch('去' | '上')));
    // (a token that starts no period's name is passed over without trying each)
    let may_start = matches!(p.toks.get(k), Some(Tok::Ch(c)) if PERIOD_STARTS.contains(c));
    if let Some(&(_, from, to)) = PERIODS.iter().filter(|_| may_start).find(|(w, ..)| {
        p.word_at(k, w)
            && !(after_qian && w.ends_with("季度"))
            && !(last_years && w.starts_with('年'))
    }) {
        return Some((Decimal::from(from), Decimal::from(to)));
    }
    let (Some(Tok::Fig(f)), Some(Tok::Ch('月'))) = (p.toks.get(k), p.toks.get(k + 1)) else {
        return None;
    };
    let value = |f: &crate::figure::FigId| doc.figure(*f).map(|x| x.number.value);
    let to = value(f)?;
    // "1-7月", "1至7月", "1—7月", and "1月至6月"
    let back = |n: usize| k.checked_sub(n).and_then(|j| p.toks.get(j));
    let dash = |t: Option<&Tok>| matches!(t, Some(Tok::Ch('-' | '—' | '－' | '至' | '~' | '～')));
    let from = match (back(3), back(2), back(1)) {
        (_, Some(Tok::Fig(a)), d) if dash(d) => value(a),
        (Some(Tok::Fig(a)), Some(Tok::Ch('月')), d) if dash(d) => value(a),
        // "截止8月底,…收入完成45724万元" is January to August, not "8月份,…10372万元"
        // (a development zone's monthly report, tianshui.gov.cn)
        _ if matches!(p.toks.get(k + 2), Some(Tok::Ch('底' | '末'))) => Some(Decimal::ONE),
        _ => None,
    };
    Some((from.unwrap_or(to), to))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_period_starts_with_a_listed_character() {
        // a period whose first character is not listed would never be tried
        for (w, ..) in super::PERIODS {
            let first = w.chars().next();
            assert!(
                first.is_some_and(|c| super::PERIOD_STARTS.contains(&c)),
                "{w}"
            );
        }
    }
}
