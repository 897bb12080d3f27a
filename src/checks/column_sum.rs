//! `column-sum`: a 合计/小计 column equals the columns it sums, row by row.

use super::{Check, Out};
use crate::claims::table::{
    clean_label, is_code_column, is_rate_header, is_rate_label, sum_of_cells,
};
use crate::claims::Claims;
use crate::document::Table;
use crate::relation::Rule;
use crate::relation::{Relation, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::ColumnSum,
    title_zh: "合计列等于各分列之和",
    title_en: "Total columns equal the sum of their columns",
    what: "A column headed 合计 or 小计 equals, row by row, the sum of the columns it totals, \
           found from the header: the other columns under the same group name (年初预算数 → \
           合计 = 当年财政拨款 + 上年结转资金 + 其他资金), or, for a first-level 合计 such as \
           本年收入合计, the columns that follow it. A group that has its own 小计 counts \
           through that 小计 (公务用车购置及运行费 → 小计 = 购置费 + 运行费). Columns of rates \
           and codes are left out; a row holding words in a part is not checked.",
    why: "The standard tables break every total into its sources or uses; a row whose parts \
          do not add up to its total means one of the cells was edited by hand.",
    tolerance: "Each cell stands for ±½ of its last digit; blank and dash cells add nothing.",
    example:
        "年初预算数 合计 988 with 当年财政拨款 150.96 and 上年结转资金 837.04 holds; 998 fails.",
    find,
};

fn parts_of(c: usize, headers: &[Vec<String>], t: &Table) -> Option<Vec<usize>> {
    let path = headers.get(c)?;
    let (last, prefix) = path.split_last()?;
    if !matches!(clean_label(last).as_str(), s if s.ends_with("合计") || s.ends_with("小计") || s.ends_with("合計") || s.ends_with("小計"))
    {
        return None;
    }
    let depth = prefix.len();
    let eligible = |k: usize| {
        k != c
            && !is_code_column(t, k)
            && !headers.get(k).is_some_and(|h| is_rate_header(&h.join("/")))
    };
    let mut candidates: Vec<usize> = Vec::new();
    for (k, h) in headers.iter().enumerate() {
        if !eligible(k) || h.len() <= depth || h.get(..depth) != Some(prefix) {
            continue;
        }
        if depth == 0 {
            // a first-level total sums the columns after it, up to the next total
            if k < c {
                continue;
            }
            if h.first().is_some_and(|n| clean_label(n).ends_with("合计")) {
                break;
            }
        }
        candidates.push(k);
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
            .collect();
        i += group.len().max(1);
        match group.as_slice() {
            [one] => parts.push(*one),
            many => {
                let sub = many.iter().copied().find(|&j| {
                    headers
                        .get(j)
                        .and_then(|h| h.get(depth + 1))
                        .is_some_and(|n| matches!(clean_label(n).as_str(), "小计" | "合计"))
                })?;
                parts.push(sub);
            }
        }
    }
    (parts.len() >= 2).then_some(parts)
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for t in &doc.tables {
        // 三公 tables nest 预算数/决算数 under 合计, 小计 and its parts over three header
        // levels that a PDF's layout does not give reliably: no column sums are read in
        // one rebuilt from a PDF (its figures have pages)
        let from_pdf = || {
            t.rows()
                .iter()
                .flat_map(|r| r.cells.iter())
                .filter_map(|c| c.figure)
                .any(|id| doc.fig_page(id).is_some())
        };
        if t.header_rows == 0
            || (crate::claims::standard::kind(t)
                == Some(crate::claims::standard::Standard::ThreePublic)
                && from_pdf())
        {
            continue;
        }
        let headers: Vec<Vec<String>> = (0..t.width())
            .map(|c| t.column_header(c).split('/').map(str::to_string).collect())
            .collect();
        for c in 0..headers.len() {
            let Some(parts) = parts_of(c, &headers, t) else {
                continue;
            };
            let name = headers.get(c).map(|h| h.join("/")).unwrap_or_default();
            for r in t.header_rows..t.rows().len() {
                // a row of rates or changes does not add across either
                if is_rate_label(t.row_label(r)) {
                    continue;
                }
                let Some(target) = t.figure(r, c) else {
                    continue;
                };
                if doc.number(target).is_some_and(|n| n.percent) {
                    continue;
                }
                let Some(sum) = sum_of_cells(t, parts.iter().map(|&k| (r, k))) else {
                    continue;
                };
                let label = t.row_label(r);
                out.push(Relation::equals(
                    Rule::ColumnSum,
                    target,
                    sum,
                    Text::new(
                        format!("{label} {name} = 各分列之和"),
                        format!("{label} {name} = sum of its columns"),
                    ),
                ));
            }
        }
    }
}
