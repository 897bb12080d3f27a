//! `column-sum`: a 合计/小计 column equals the columns it sums, row by row.

use super::{Check, Out};
use crate::claims::table::{
    cells_into, is_code_column, is_label_column, is_rate_header, is_rate_label, with_clean,
};
use crate::claims::Claims;
use crate::document::Table;
use crate::relation::Rule;
use crate::relation::{Text, Words, WordsKind};
use crate::IntoVec;
use std::borrow::Cow;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::ColumnSum,
    title_zh: "合计列等于各分列之和",
    title_en: "Total columns equal the sum of their columns",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "A column headed 合计 or 小计 equals, row by row, the sum of the columns it totals, \
               found from the header: the other columns under the same group name (年初预算数 → \
               合计 = 当年财政拨款 + 上年结转资金 + 其他资金), or, for a first-level 合计 such as \
               本年收入合计, the columns that follow it (printed last, after its parts — 经常门 | \
               资本门 | 合计 — the columns before it). A group that has its own 小计 counts \
               through that 小计 (公务用车购置及运行费 → 小计 = 购置费 + 运行费). A total inside a \
               header path sums the same leaf under each part: 财政拨款“三公”经费 / 合计 / 预算数 = \
               因公出国（境）费 / 预算数 + 公务用车购置及运行费 / 小计 / 预算数 + 公务接待费 / 预算数. \
               Columns of rates \
               and codes, and columns of row labels, are left out; a row holding words in a part is \
               not checked.",
        why: "The standard tables break every total into its sources or uses; a row whose parts \
              do not add up to its total means one of the cells was edited by hand.",
        tolerance: "Each cell stands for ±½ of its last digit; blank and dash cells add nothing, \
                    and so does a bare 0 in a sum of amounts with decimals.",
        example:
            "年初预算数 合计 988 with 当年财政拨款 150.96 and 上年结转资金 837.04 holds; 998 fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "表头为“合计”或“小计”的列，逐行等于它所合计的各列之和。所合计的列根据表头确定：同一\
               分组名称下的其他各列（年初预算数 → 合计 = 当年财政拨款 + 上年结转资金 + 其他资金）；\
               或者，对于一级合计（如本年收入合计），是紧随其后的各列（印在各分列之后的一级合计，\
               如“经常门 | 资本门 | 合计”，则是它前面的各列）。自带小计的分组通过该小计\
               计入（公务用车购置及运行费 → 小计 = 购置费 + 运行费）。位于表头路径中间的合计，是\
               对各分项下同一末级列求和：财政拨款“三公”经费 / 合计 / 预算数 = 因公出国（境）费 / 预\
               算数 + 公务用车购置及运行费 / 小计 / 预算数 + 公务接待费 / 预算数。比率列、编码列\
               以及行标签列不参与计算；某个分项中填有文字的行不核对。",
        why: "标准表格把每个合计按来源或用途拆开；某一行各分项相加不等于合计，说明其中某个单元格\
              被手工改过。",
        tolerance: "每个单元格代表其末位 ±½ 的区间；空白格和短横线格不计入，在带小数的金额求和中，\
                    单独一个 0 也不计入。",
        example: "“年初预算数 合计 988”，当年财政拨款 150.96，上年结转资金 837.04，成立；合计若为 998 \
                  则不成立。",
    },
    find,
};

fn is_total_name(s: &str) -> bool {
    with_clean(s, |s| {
        s.ends_with("合计") || s.ends_with("小计") || s.ends_with("合計") || s.ends_with("小計")
    })
}

/// The columns whose sum column `c` is: `names` are the columns' headers, `headers` the
/// same split into their levels.
fn parts_of(
    c: usize,
    names: &[Cow<'_, str>],
    headers: &[Vec<&str>],
    t: &Table,
) -> Option<Vec<usize>> {
    let path = headers.get(c)?;
    // the total is the last 合计/小计 of the path; what follows it (预算数, 决算数) names
    // the same leaf under each part: 合计/预算数 = 出国/预算数 + 用车/小计/预算数 + …
    let depth = path.iter().rposition(|p| is_total_name(p))?;
    let prefix = path.get(..depth)?;
    let suffix = path.get(depth + 1..)?;
    if suffix.len() > 1 || suffix.iter().any(|s| is_total_name(s)) {
        return None;
    }
    let eligible = |k: usize| {
        k != c
            && !is_code_column(t, k)
            && !is_label_column(t, k)
            && !names.get(k).is_some_and(|h| is_rate_header(h))
    };
    let mut candidates: Vec<usize> = Vec::new();
    for (k, h) in headers.iter().enumerate() {
        if !eligible(k)
            || h.len() <= depth + suffix.len()
            || h.get(..depth) != Some(prefix)
            || !h.ends_with(suffix)
        {
            continue;
        }
        if depth == 0 {
            // a first-level total sums the columns after it, up to the next total
            if k < c {
                continue;
            }
            if h.first()
                .is_some_and(|n| with_clean(n, |n| n.ends_with("合计")))
            {
                break;
            }
        }
        candidates.push(k);
    }
    // a first-level total printed last ("经常门预算数 | 资本门预算数 | 合计", Taiwan's 岁入岁出
    // 简明对照表) sums the columns before it, back to the label or an earlier total
    if depth == 0 && candidates.is_empty() && (c + 1..headers.len()).all(|k| !eligible(k)) {
        for (k, h) in headers.iter().enumerate().take(c).rev() {
            if h.first().is_some_and(|n| is_total_name(n)) {
                break;
            }
            if eligible(k) && h.len() > suffix.len() && h.ends_with(suffix) {
                candidates.insert(0, k);
            }
        }
    }
    // one column per child name: a child group counts through its own 小计/合计
    let mut parts = Vec::new();
    let mut i = 0;
    while let Some(&k) = candidates.get(i) {
        let child = headers.get(k).and_then(|h| h.get(depth))?;
        let group: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&j| headers.get(j).and_then(|h| h.get(depth)) == Some(child))
            .into_vec();
        i += group.len().max(1);
        match group.as_slice() {
            [one] => parts.push(*one),
            many => {
                let sub = many.iter().copied().find(|&j| {
                    headers
                        .get(j)
                        .and_then(|h| h.get(depth + 1))
                        .is_some_and(|n| with_clean(n, |n| matches!(n, "小计" | "合计")))
                })?;
                parts.push(sub);
            }
        }
    }
    (parts.len() >= 2).then_some(parts)
}

/// The words of a row's column sum in column `c`: its header is the path the parts were
/// found from, joined as [`Table::column_header`] joins it.
pub(super) fn words(t: &Table, r: usize, c: usize) -> Text {
    // (a row labelled by its year, a yearbook's, is named by it)
    let label = match t.row_label(r) {
        "" => t
            .cell(r, 0)
            .map(|x| x.text)
            .filter(|y| crate::figure::is_year(y))
            .unwrap_or(""),
        l => l,
    };
    let name = t.header(c);
    Text::new(
        format!("{label} {name} = 各分列之和"),
        format!("{label} {name} = sum of its columns"),
    )
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for (ti, t) in doc.tables.iter().enumerate() {
        // which rows' labels name a rate, read once in the claims stage
        let facts = claims.rows_of(ti);
        if t.header_rows == 0 {
            continue;
        }
        let names: Vec<Cow<'_, str>> = (0..t.width()).map(|c| t.header(c)).into_vec();
        let headers: Vec<Vec<&str>> = names.iter().map(|h| h.split('/').into_vec()).into_vec();
        // one vector for every row's terms
        let mut terms = Vec::new();
        for c in 0..headers.len() {
            let Some(parts) = parts_of(c, &names, &headers, t) else {
                continue;
            };
            for r in t.header_rows..t.rows().len() {
                // a row of rates or changes does not add across either
                let rate = match facts.get(r) {
                    Some(f) => f.rate,
                    None => is_rate_label(t.row_label(r)),
                };
                if rate {
                    continue;
                }
                let Some(target) = t.figure(r, c) else {
                    continue;
                };
                if doc.is_percent(target) {
                    continue;
                }
                if !cells_into(t, parts.iter().map(|&k| (r, k)), &mut terms) {
                    continue;
                }
                // the words are built only if the relation is kept (see `Words`)
                out.push_sum(
                    Rule::ColumnSum,
                    target,
                    &terms,
                    Words::at(WordsKind::ColumnSum, ti, r, c, 0),
                    || words(t, r, c),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::reported;

    #[test]
    fn a_total_column_printed_last_sums_the_columns_before_it() {
        // modelled on Taiwan's 中央政府總預算 歲入歲出簡明對照表 (dgbas.gov.tw, 1998): 經常門
        // and 資本門, then their 合計
        let table = "項目\t經常門預算數\t資本門預算數\t合計\n\
                     一、歲入合計金額\t1,088,207,834\t137,056,822\t1,225,264,656\n\
                     財產收入\t7,903,937\t46,191,235\t54,095,172\n";
        let got = reported(table, "column-sum");
        assert_eq!(
            got,
            [
                ("1,225,264,656".to_string(), "pass".to_string()),
                ("54,095,172".to_string(), "pass".to_string())
            ]
        );
        let wrong = table.replace("54,095,172", "54,059,172");
        let got = reported(&wrong, "column-sum");
        assert!(
            got.contains(&("54,059,172".to_string(), "fail".to_string())),
            "{got:?}"
        );
        // a 合计 with columns after it sums those, not the ones before
        let first =
            "項目\t合計\t經常門預算數\t資本門預算數\n財產收入\t54,095,172\t7,903,937\t46,191,235\n";
        assert_eq!(
            reported(first, "column-sum"),
            [("54,095,172".to_string(), "pass".to_string())]
        );
    }
}
