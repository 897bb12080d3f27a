//! The text's “三公”经费 amounts against the “三公”经费 table: the total, 因公出国（境）费,
//! 公务用车购置及运行费 (and its 购置费 and 运行费), 公务接待费, each at the stage the text
//! names (年初预算 / 预算数 or 决算), equal the table's cell of that item and stage; the
//! 机关运行经费 a budget's table carries beside them likewise.

use crate::claims::prose::{Kind, Mention, Prose};
use crate::claims::sangong::{
    in_sangong_section, label_item, stage_of, strip_noise, table, Cells, Item, Stage,
};
use crate::claims::Claims;
use crate::figure::FigId;
use crate::relation::{Cause, Expr, Relation, Rule, Severity, Text};
use crate::IntoVec;

/// Words that make an amount a part or another quantity than the item it names.
const OTHER: &[&str] = &[
    "国内", "国外", "外宾", "外事", "境外", "其他", "团组", "人次", "批次", "保有", "上年", "去年",
    "同期", "增加", "减少", "比", "较", "平均",
];

pub(super) fn find(claims: &Claims<'_>, out: &mut super::Out) {
    let Some(cells) = table(claims) else {
        return;
    };
    // decided once, and only when a text amount meets a blank cell
    let blank = std::cell::OnceCell::new();
    let blank_table = || {
        *blank.get_or_init(|| {
            crate::checks::table_set::blank_without_note(
                claims.doc,
                crate::claims::standard::Standard::ThreePublic,
            )
        })
    };
    let stages: Vec<Stage> = cells.cells.iter().map(|c| c.1).into_vec();
    // an amount whose stage the text leaves unsaid is at the table's stage: a budget's
    // table has 预算数 only; a 决算 table's text describes 决算数 unless it says 预算
    let unsaid = if stages.contains(&Stage::Final) {
        Stage::Final
    } else {
        Stage::Budget
    };
    for (k, p) in claims.prose.iter().enumerate() {
        // budget records first: "…年初预算为 B 万元，支出决算为 F 万元" names its item once,
        // before B
        let mut done: Vec<FigId> = Vec::new();
        for r in claims.records.get(k).map_or(&[][..], |v| v.as_slice()) {
            // (a label cut at the 预算 of 一般公共预算, "…一般公共预算财政拨款“三公”经费支出
            // 预算为 30.8 万元，支出决算为 25.7 万元" read as 一般公共: the budget's own words
            // name the item)
            let label = match r.budget.and_then(|f| claims.mention(f)) {
                Some(b) if label_item(&r.label).is_none() => b.lead.as_str(),
                _ => r.label.as_str(),
            };
            for (fig, stage) in [(r.budget, Stage::Budget), (r.fin, Stage::Final)] {
                let Some(m) = fig.and_then(|f| p.mentions.iter().find(|m| m.fig == f)) else {
                    continue;
                };
                done.push(m.fig);
                one(
                    claims,
                    p,
                    m,
                    label,
                    Some(stage),
                    &cells,
                    unsaid,
                    &blank_table,
                    out,
                );
            }
        }
        for m in p.mentions.iter().filter(|m| !done.contains(&m.fig)) {
            let stage = match m.kind {
                Kind::Level => stage_of(&m.lead),
                _ => continue,
            };
            one(
                claims,
                p,
                m,
                &m.lead,
                stage,
                &cells,
                unsaid,
                &blank_table,
                out,
            );
        }
    }
}

#[expect(clippy::too_many_arguments)]
fn one(
    claims: &Claims<'_>,
    p: &Prose<'_>,
    m: &Mention,
    label: &str,
    stage: Option<Stage>,
    cells: &Cells,
    unsaid: Stage,
    blank_table: &dyn Fn() -> bool,
    out: &mut super::Out,
) {
    let doc = claims.doc;
    if m.percent || m.inner || m.listed || m.unit != Some("万元") {
        return;
    }
    let stage = stage.unwrap_or(unsaid);
    if OTHER
        .iter()
        .any(|w| label.contains(w) || m.lead.contains(w))
    {
        return;
    }
    // another year than the table's is another quantity, unless the text says the amount
    // is the same in both ("公务用车运行费 9.98 万元，与 2025 年预算持平" after a clause about
    // 2025, in a 2026 budget)
    if let Some(y) = m.scope.year {
        let level_with = level_with(claims, p, m);
        let both = level_with.is_some_and(|n| cells.year == Some(n) || cells.year == Some(n + 1));
        if cells.year != Some(y) && !both {
            return;
        }
    }
    let core = strip_noise(label);
    let Some(item) = label_item(label) else {
        return;
    };
    if item != Item::Running && !(core.contains("三公") || in_sangong_section(claims, m)) {
        return;
    }
    let Some(&(_, _, cell)) = cells.cells.iter().find(|c| c.0 == item && c.1 == stage) else {
        return;
    };
    let (zh_stage, en_stage) = match stage {
        Stage::Budget => ("预算数", "budget"),
        Stage::Final => ("决算数", "final"),
    };
    let what = Text::new(
        format!(
            "文字所述{}{} = “三公”经费表该项{}",
            item.name(),
            zh_stage,
            zh_stage
        ),
        format!(
            "the text's {} {} = the “三公” table's {} figure",
            item.name(),
            en_stage,
            en_stage
        ),
    );
    let Some(cell) = cell else {
        let stated = doc.figure(m.fig).filter(|f| !f.number.value.is_zero());
        // a table that prints no amount at all and no note saying why leaves out what the
        // text gives: an inconsistency, though the text may be the one in error (a warning)
        if let Some(f) = stated.filter(|_| blank_table()) {
            let raw = f.raw.to_string();
            let name = item.name();
            out.push(
                Relation::equals(
                    Rule::TextTable,
                    m.fig,
                    Expr::Blank,
                    Text::new(
                        format!("{}（“三公”经费表为空表：无任何数额，也无说明）", what.zh),
                        format!(
                            "{} (the “三公” table is blank: no amount and no note saying why)",
                            what.en
                        ),
                    ),
                )
                .severity(Severity::Warning)
                .alternative(
                    Cause::Other(Text::new(
                        format!("文字给出{name}{zh_stage} {raw} 万元，“三公”经费表该项空白（表中未填任何数额，也未说明原因）"),
                        format!("the text gives the {name} {en_stage} figure as {raw} 万元; the “三公” table leaves it blank (it prints no amount and no note saying why)"),
                    )),
                    Expr::Fig(m.fig),
                )
                .context(p.sentence_text(m.at)),
            );
            return;
        }
        // a blank cell is no figure: an amount the text gives for it cannot be checked,
        // and says so (a zero is what a blank cell shows)
        if stated.is_some() {
            out.push(
                Relation::unchecked(
                    Rule::TextTable,
                    m.fig,
                    what,
                    Text::new(
                        "“三公”经费表中该项为空，文字所述数额无从核对",
                        "the “三公” table leaves this cell blank: the text's amount cannot be checked",
                    ),
                )
                .context(p.sentence_text(m.at)),
            );
        }
        return;
    };
    let scale = |id: FigId| doc.figure(id).map(|f| f.number.scale);
    let r = Relation::equals(Rule::TextTable, m.fig, Expr::Fig(cell), what)
        .context(p.sentence_text(m.at));
    // one value printed twice at one precision prints identically
    out.push(if scale(m.fig).is_some() && scale(m.fig) == scale(cell) {
        r.exact_target()
    } else {
        r
    });
}

/// The year an amount is said to be level with, right after it in its clause group: "X 万元，
/// 与 2025 年预算持平" (与/比/较, then the year, then 持平 before the clause ends).
fn level_with(claims: &Claims<'_>, p: &Prose<'_>, m: &Mention) -> Option<i64> {
    let k = p.mentions.iter().position(|x| x.fig == m.fig)?;
    let y = p
        .mentions
        .get(k + 1)
        .filter(|y| y.kind == Kind::Year && y.semi == m.semi)?;
    let between = p.text_between(m.at + 1, y.at);
    let between = between.trim_start_matches(&[',', '，'][..]);
    if !["与", "比", "较", "同"].contains(&between) {
        return None;
    }
    // the words after the year up to the end of its clause ("年预算持平", "年预算数持平")
    let after = p.chars_from(y.at + 1, 12);
    let clause = after
        .split(crate::claims::prose::ends_clause)
        .next()
        .unwrap_or("");
    if !clause.ends_with("持平") {
        return None;
    }
    let f = claims.doc.figure(y.fig)?;
    f.number.whole()
}
