//! The text's “三公”经费 amounts against the “三公”经费 table: the total, 因公出国（境）费,
//! 公务用车购置及运行费 (and its 购置费 and 运行费), 公务接待费, each at the stage the text
//! names (年初预算 / 预算数 or 决算), equal the table's cell of that item and stage; the
//! 机关运行经费 a budget's table carries beside them likewise.

use crate::claims::prose::{Kind, Mention, Prose};
use crate::claims::sangong::{
    in_sangong_section, stage_of, strip_noise, table, Cells, Item, Stage,
};
use crate::claims::Claims;
use crate::figure::FigId;
use crate::relation::{Expr, Relation, Rule, Text};

/// Words that make an amount a part or another quantity than the item it names.
const OTHER: &[&str] = &[
    "国内", "国外", "外宾", "外事", "境外", "其他", "团组", "人次", "批次", "保有", "上年", "去年",
    "同期", "增加", "减少", "比", "较", "平均",
];

pub(super) fn find(claims: &Claims<'_>, out: &mut super::Out) {
    let Some(cells) = table(claims.doc) else {
        return;
    };
    let stages: Vec<Stage> = cells.cells.iter().map(|c| c.1).collect();
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
            for (fig, stage) in [(r.budget, Stage::Budget), (r.fin, Stage::Final)] {
                let Some(m) = fig.and_then(|f| p.mentions.iter().find(|m| m.fig == f)) else {
                    continue;
                };
                done.push(m.fig);
                one(claims, p, m, &r.label, Some(stage), &cells, unsaid, out);
            }
        }
        for m in p.mentions.iter().filter(|m| !done.contains(&m.fig)) {
            let stage = match m.kind {
                Kind::Level => stage_of(&m.lead),
                _ => continue,
            };
            one(claims, p, m, &m.lead, stage, &cells, unsaid, out);
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
    // another year than the table's is another quantity
    if let Some(y) = m.scope.year {
        if cells.year != Some(y) {
            return;
        }
    }
    let core = strip_noise(label);
    let Some(item) = crate::claims::sangong::label_item(label) else {
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
        // a blank cell is no figure: an amount the text gives for it cannot be checked,
        // and says so (a zero is what a blank cell shows)
        if doc.figure(m.fig).is_some_and(|f| !f.number.value.is_zero()) {
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
