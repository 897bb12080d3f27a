//! `text-table`: what the text says about the tables it publishes agrees with them — the
//! narrative's amounts against the standard tables' cells (收入支出总计 against the 总表's
//! 总计, 一般公共服务支出（类）against its row …), and the number of projects evaluated and the
//! money they involve against the projects' self-evaluation tables (项目支出绩效自评表).

use super::{Check, Out};
use crate::claims::prose::{is_money, Kind, Prose};
use crate::claims::stated::{self, Stated, StatedCell};
use crate::claims::Claims;
use crate::document::{Document, Table};
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Expr, Relation, Severity, Text};
use crate::IntoVec;
use rust_decimal::Decimal;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::TextTable,
    title_zh: "文字所述与附表一致",
    title_en: "The text agrees with the tables it describes",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "The narrative's statements of the standard tables' figures are matched with the \
               cell of the right table, row and column (claims/stated.rs): 收入支出总计 with the \
               收入支出总表's 总计 (both sides), 财政拨款收入支出总计 with the 财政拨款收入支出总表's \
               总计, 本年收入/支出合计 with the 总表 and the 收入/支出表's 合计 row, 财政拨款收入 and \
               其他收入 (parts of 本年收入), 基本支出 / 项目支出 (parts of 本年支出, or of 一般公共\
               预算财政拨款支出), 一般公共预算财政拨款支出 and its 基本支出, 人员经费 / 公用经费, a \
               功能分类 类 amount (\"一般公共服务支出（类）2106.66 万元\") with its row in the 一般公共\
               预算财政拨款支出表 and the 财政拨款总表, a 项's 支出决算 (and 年初预算, where the table \
               has that column) with the row its 类/款/项 names lead to; budgets' 收入预算, 支出预算, \
               财政拨款支出预算 likewise. Every table that prints the figure is a reading: the \
               relation fails only when every reading fails, and is not checked when they \
               disagree. Also: \"开展预算绩效评价项目 N 个，共涉及资金 M 万元\" describes the \
               published project self-evaluation tables (项目支出绩效自评表): N must be their \
               number and M the sum of their 全年预算数 (the 年度资金总额 row, in the column its \
               header row names). The tables are bound only when every one of them has that row \
               and header. The “三公”经费 amounts of the text's 三公 section (the total, \
               因公出国（境）费, 公务用车购置及运行费 and its 购置费 and 运行费, 公务接待费; 年初预算 \
               or 决算 as the text says, else the table's stage), and the 机关运行经费 a budget's \
               table carries beside them, equal the cell of the one “三公”经费 table for that item \
               and stage.",
        why: "The summary in the text is what most readers take away; it must match the tables \
              it summarises.",
        tolerance: "A table in 元 is converted exactly to the text's 万元; a table that states no \
                    unit is read both in the text's unit and in 元 (not checked when the two \
                    disagree). The same value printed \
                    at the same precision and unit must print identically (326.71 against 326.72 \
                    fails); otherwise the text's figure stands for ±½ of its last digit (9628.22 \
                    万元 for 96,282,213.44 元 holds; 10703 万元 for 10703.13 holds). The count \
                    is exact.",
        example: "\"财政拨款收入支出总计 0.3 万元\" against the 财政拨款收入支出总表's 总计 2,961.68 \
                  fails; 评价项目 9 个，共涉及资金 10703 万元 over nine tables whose 全年预算数 add \
                  up to 10703.13 holds, 10730 万元 fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "正文对标准表中数字的表述，与相应表、行、列的单元格对应核对（claims/stated.rs）：收\
               入支出总计对应收入支出总表的总计（收入、支出两侧）；财政拨款收入支出总计对应财政\
               拨款收入支出总表的总计；本年收入/支出合计对应总表以及收入表/支出表的合计行；财政\
               拨款收入和其他收入（本年收入的分项）；基本支出/项目支出（本年支出的分项，或一般公\
               共预算财政拨款支出的分项）；一般公共预算财政拨款支出及其基本支出；人员经费/公用经\
               费；功能分类某一类的金额（“一般公共服务支出（类）2106.66 万元”）对应一般公共预算\
               财政拨款支出表和财政拨款总表中该类的行；某一项的支出决算（表中有年初预算列时，也\
               包括年初预算）对应按其类/款/项名称找到的行；预算中的收入预算、支出预算、财政拨款\
               支出预算同样如此。凡印有该数字的表，各算一个读数：只有全部读数都不成立时，该关系\
               才不成立；各读数结论不一致时，未核对。此外，“开展预算绩效评价项目 N 个，共涉及资\
               金 M 万元”描述的是已公开的项目自评表（项目支出绩效自评表）：N 必须等于这些表的张\
               数，M 必须等于这些表的全年预算数之和（取年度资金总额行中、由其表头行标明的那一列）。\
               只有每一张表都有该行和该表头时，才把这些表与这句表述对应起来。正文“三公”部分所列\
               的“三公”经费金额（合计、因公出国（境）费、公务用车购置及运行费及其中的购置费和运\
               行费、公务接待费；按正文所说取年初预算或决算，正文未说明时取表所属的阶段），以及\
               预算的表中与之并列的机关运行经费，须等于唯一一张“三公”经费表中该项目、该阶段的单\
               元格。",
        why: "正文中的概述是大多数读者记住的内容；它必须与它所概述的表一致。",
        tolerance: "以元为单位的表，精确换算为正文所用的万元；未注明单位的表，同时按正文的单位和\
                    按元两种方式读取（两种读法结论不一致时，未核对）。同一数值以相同精度、相同单\
                    位印出时，必须完全相同（326.71 对 326.72，不成立）；否则，正文的数字代表其末\
                    位 ±½ 的区间（9628.22 万元对 96,282,213.44 元，成立；10703 万元对 10703.13，\
                    成立）。个数必须完全相等。",
        example: "正文“财政拨款收入支出总计 0.3 万元”，而财政拨款收入支出总表的总计为 2,961.68，\
                  不成立；“评价项目 9 个，共涉及资金 10703 万元”，九张表的全年预算数合计为 10703.13\
                  ，成立；若写作 10730 万元，则不成立。",
    },
    find,
};

const RULE: Rule = Rule::TextTable;

mod sangong;

fn is_self_evaluation(t: &Table) -> bool {
    t.caption.contains("绩效自评表")
        || t.rows()
            .iter()
            .take(3)
            .any(|r| r.cells.iter().any(|c| c.text.contains("绩效自评表")))
}

/// The table's 全年预算数 for 年度资金总额: the header row names 年初预算数, 全年预算数 and
/// 全年执行数 in order, and the total row prints the figures in that order.
fn full_year_budget(t: &Table) -> Option<FigId> {
    let order: Vec<String> = t.rows().iter().find_map(|r| {
        let names: Vec<String> = r
            .cells
            .iter()
            .map(|c| c.text.replace([' ', '\u{3000}'], ""))
            .filter(|s| s.ends_with("预算数") || s.ends_with("执行数"))
            .into_vec();
        names.iter().any(|s| s == "全年预算数").then_some(names)
    })?;
    let pos = order.iter().position(|s| s == "全年预算数")?;
    let row = t.rows().iter().find(|r| {
        r.cells
            .iter()
            .any(|c| c.text.replace(' ', "").contains("年度资金总额"))
    })?;
    let figs: Vec<FigId> = row.cells.iter().filter_map(|c| c.figure).into_vec();
    if figs.len() < order.len() {
        return None;
    }
    figs.get(pos).copied()
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    sangong::find(claims, out);
    for st in stated::read_all(claims) {
        if let Some(rel) = stated_relation(claims.doc, &st) {
            out.push(rel);
        }
    }
    let doc = claims.doc;
    let tables: Vec<&Table> = doc
        .tables
        .iter()
        .filter(|t| is_self_evaluation(t))
        .into_vec();
    if tables.is_empty() {
        return;
    }
    let budgets: Option<Vec<FigId>> = tables.iter().map(|t| full_year_budget(t)).collect();
    for p in &claims.prose {
        text_claims(doc, p, tables.len(), budgets.as_deref(), out);
    }
}

fn text_claims(
    doc: &Document,
    p: &Prose<'_>,
    n_tables: usize,
    budgets: Option<&[FigId]>,
    out: &mut Out,
) {
    for (i, m) in p.mentions.iter().enumerate() {
        let counted = matches!(m.unit, Some("个" | "项"))
            && m.lead.contains("项目")
            && m.lead.contains("绩效")
            && (m.lead.contains("评价") || m.lead.contains("自评"));
        if !counted {
            continue;
        }
        let context = p.sentence_text(m.at);
        let Some(count) = doc.figure(m.fig) else {
            continue;
        };
        let n = Decimal::from(n_tables);
        out.push(
            Relation::equals(
                RULE,
                m.fig,
                Expr::Const(n),
                Text::new(
                    "评价项目个数 = 所附项目支出绩效自评表张数",
                    "projects evaluated = self-evaluation tables published",
                ),
            )
            .exact_target()
            .severity(Severity::Warning)
            .context(context.clone()),
        );
        // the money they involve, in the same sentence
        let Some(money) = p.mentions.iter().skip(i + 1).find(|x| {
            x.sentence == m.sentence
                && x.kind == Kind::Level
                && is_money(x.unit)
                && (x.lead.contains("资金") || x.lead.contains("金额"))
        }) else {
            continue;
        };
        let what = Text::new(
            "涉及资金 = 各自评表全年预算数之和",
            "money involved = sum of the tables' 全年预算数",
        );
        let bound = budgets.filter(|_| count.number.value == n);
        let unit_ok = doc.figure(money.fig).and_then(|f| f.unit) == Some("万元");
        match bound {
            Some(b) if unit_ok => out.push(
                Relation::equals(
                    RULE,
                    money.fig,
                    Expr::sum(b.iter().map(|f| Expr::Fig(*f))),
                    what,
                )
                .context(context),
            ),
            _ => out.push(
                Relation::unchecked(
                    RULE,
                    money.fig,
                    what,
                    Text::new(
                        "自评表与所述项目无法一一对应",
                        "the tables cannot be matched to the projects the text counts",
                    ),
                )
                .context(context),
            ),
        }
    }
}

/// The cell (or the sum of cells) as an amount in the text's unit. A table that states no
/// unit is taken in the text's.
fn in_unit(c: &StatedCell, text_unit: Option<&str>) -> Expr {
    let e = if c.more.is_empty() {
        Expr::Fig(c.fig)
    } else {
        Expr::sum(
            std::iter::once(c.fig)
                .chain(c.more.iter().copied())
                .map(Expr::Fig),
        )
    };
    stated::convert(e, c.unit, text_unit)
}

/// The text's amount equals the cell it names, under every plausible reading (which table,
/// which side): it fails only when every reading fails.
fn stated_relation(doc: &Document, st: &Stated) -> Option<Relation> {
    let text = doc.figure(st.fig)?;
    let (first, rest) = st.cells.split_first()?;
    let what = |c: &StatedCell| {
        Text::new(
            format!("文字所述{} = {} {}", st.subject, c.table.name(), c.place),
            format!("the text's {} = {} {}", st.subject, c.table.name(), c.place),
        )
    };
    // a table that states no unit may be in the text's unit or in 元: both are readings
    // (they disagree unless both fail, so such a relation holds only when the table says)
    let big_unit = matches!(text.unit, Some("万元" | "亿元"));
    let unit_unknown = big_unit && st.cells.iter().any(|c| c.unit.is_none());
    // one value printed twice at the same precision and unit must print identically
    let same_printing = !unit_unknown
        && st.cells.iter().all(|c| {
            c.more.is_empty()
                && (c.unit.is_none() || c.unit == text.unit)
                && doc
                    .figure(c.fig)
                    .is_some_and(|f| f.number.scale == text.number.scale)
        });
    let mut rel = Relation::equals(RULE, st.fig, in_unit(first, text.unit), what(first))
        .context(st.context.clone());
    for c in rest {
        rel = rel.reading(in_unit(c, text.unit), what(c));
    }
    if unit_unknown {
        for c in st.cells.iter().filter(|c| c.unit.is_none()) {
            let as_yuan = StatedCell {
                unit: Some("元"),
                ..c.clone()
            };
            let what = Text::new(
                format!("{}（表未注明单位，按元）", what(c).zh),
                format!("{} (the table states no unit: taken in 元)", what(c).en),
            );
            rel = rel.reading(in_unit(&as_yuan, text.unit), what);
        }
    }
    Some(if same_printing {
        rel.exact_target()
    } else {
        rel
    })
}

#[cfg(test)]
mod tests {
    fn statuses(text: &str) -> Vec<(String, String)> {
        super::super::reported(text, "text-table")
    }

    fn doc(unit_line: &str, total: &str, said: &str) -> String {
        format!(
            "一、收入支出决算总体情况说明\n\n某局2019年度收入支出总计{said}万元。\n\n收入支出决算总表\n{unit_line}项目\t金额\t项目\t金额\n本年收入合计\t{total}\t本年支出合计\t{total}\n总计\t{total}\t总计\t{total}\n"
        )
    }

    #[test]
    fn a_table_in_yuan_is_converted_to_the_text_s_wan_yuan() {
        let s = statuses(&doc("单位：元\n", "29,616,800.00", "2961.68"));
        assert_eq!(s, [("2961.68".to_string(), "pass".to_string())]);
        let s = statuses(&doc("单位：元\n", "29,616,800.00", "0.3"));
        assert_eq!(s, [("0.3".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_table_without_a_unit_is_read_both_ways() {
        // the same figure in the text's unit, or a tenth of a thousandth of it in 元: the
        // readings disagree, so it is not checked
        let s = statuses(&doc("", "2,961.68", "2961.68"));
        assert_eq!(s, [("2961.68".to_string(), "unchecked".to_string())]);
        // neither reading gives 5000
        let s = statuses(&doc("", "2,961.68", "5000"));
        assert_eq!(s, [("5000".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_sangong_table_with_a_row_for_each_item_is_read_by_stage() {
        // a town government's 2020 三公 final accounts (Huaiyuan county, Anhui), its text
        // given a wrong final figure: the table prints each item on a row, 预算数 and 决算数
        // in columns
        let text = "一、2020年度一般公共预算财政拨款“三公”经费支出决算表\n单位:万元\n\
                    项 目 | 预算数 | 决算数\n合 计 | 30.8 | 25.7\n因公出国(境)费 | 0 | 0\n\
                    公务接待费 | 14.8 | 16.3\n公务用车购置及运行维护费 | 16 | 9.4\n二、“三公”经费支出说明\n\
                    2020年度一般公共预算财政拨款“三公”经费支出预算为30.8万元,支出决算为25.9万元,\
                    完成预算的84.09%。公务接待费支出决算16.3万元。\n";
        let own = crate::checks::own;
        assert_eq!(
            statuses(text),
            own(&[("30.8", "pass"), ("25.9", "fail"), ("16.3", "pass")])
        );
        // two columns of one stage (last year's and this year's): not read
        let years = text.replace(
            "项 目 | 预算数 | 决算数",
            "项 目 | 2019年决算数 | 2020年决算数",
        );
        assert_eq!(statuses(&years), []);
    }
}
