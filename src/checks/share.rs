//! `share`: a share stated in the text ("X 万元，占 P%") equals the part divided by its
//! whole.

use super::Check;
use crate::claims::prose::{amount, Breakdown, Kind, Mention, Prose};
use crate::claims::Claims;
use crate::document::Document;
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Cause, Expr, Relation, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::Share,
    title_zh: "占比等于部分除以总数",
    title_en: "Shares equal the part over its whole",
    what: "In the text, \"总数 T 万元，其中：甲 X 万元，占 P%\" states a share: P must equal \
           X ÷ T. The whole is the total the 其中 introduces, or the total the sentence \
           names (\"占政府采购支出总额的 11.60%\", looked up by its label in the text). \
           Amounts in 元 and 万元 are converted exactly.",
    why: "A share computed on the wrong total, or copied from the line above, misstates how \
          the money was spent while every amount looks right.",
    tolerance: "Each printed figure stands for ±½ of its last digit; the share holds when \
                some choice of unrounded part and whole gives the printed share. A share \
                whose whole cannot be found without guessing is reported as not checked.",
    example: "本年收入 14209.74 万元，其中：财政拨款收入 14206.91 万元，占 99.98% holds; \
              printed 99.89% fails.",
    find,
};

const RULE: Rule = Rule::Share;

fn find(claims: &Claims<'_>, out: &mut Vec<Relation>) {
    let doc = claims.doc;
    let prose = &claims.prose;
    let bds = &claims.breakdowns;
    for p in prose {
        let mut prev_share: Option<FigId> = None;
        for (i, m) in p.mentions.iter().enumerate() {
            if m.kind != Kind::Share {
                continue;
            }
            relation(doc, prose, bds, p, i, m, prev_share, out);
            prev_share = Some(m.fig);
        }
    }
}

/// The text after 占 naming the whole ("政府采购支出总额" in "占政府采购支出总额的").
fn named_whole(lead: &str) -> String {
    let Some((_, after)) = lead.split_once('占') else {
        return String::new();
    };
    let s = after.trim_end_matches("比例为").trim_end_matches("比重为");
    let s = s
        .trim_end_matches("比例")
        .trim_end_matches("比重")
        .trim_end_matches('比');
    let s = s.strip_suffix('的').unwrap_or(s);
    s.to_string()
}

/// The one amount the text names with this label, if it names exactly one value.
fn lookup(doc: &Document, prose: &[Prose<'_>], label: &str) -> Option<FigId> {
    let mut found: Vec<&Mention> = Vec::new();
    for p in prose {
        for m in &p.mentions {
            if m.kind == Kind::Level && !m.label.is_empty() && m.label.ends_with(label) {
                found.push(m);
            }
        }
    }
    let first = found.first()?;
    let raw = |m: &Mention| doc.figure(m.fig).map(|f| f.number.value);
    found
        .iter()
        .all(|m| raw(m) == raw(first))
        .then_some(first.fig)
}

#[expect(clippy::too_many_arguments)]
fn relation(
    doc: &Document,
    prose: &[Prose<'_>],
    bds: &[Breakdown],
    p: &Prose<'_>,
    i: usize,
    m: &Mention,
    prev_share: Option<FigId>,
    out: &mut Vec<Relation>,
) {
    let context = p.sentence_text(m.at);
    let what = Text::new("占比 = 部分 ÷ 总数", "share = part ÷ whole");
    let unchecked = |zh: &str, en: &str| {
        Relation::unchecked(RULE, m.fig, what.clone(), Text::new(zh, en)).context(context.clone())
    };
    // the part: the amount just before, in the same clause group
    let part = p
        .mentions
        .iter()
        .take(i)
        .rev()
        .take_while(|x| x.semi == m.semi && x.kind != Kind::Share)
        .find(|x| x.kind == Kind::Level);
    let Some(part) = part else {
        out.push(unchecked("未找到占比对应的金额", "the part is not stated"));
        return;
    };
    let name = named_whole(&m.lead);
    let whole = if name.chars().count() >= 2 {
        lookup(doc, prose, &name)
    } else {
        bds.iter()
            .find(|b| b.parts.iter().any(|(f, _)| *f == part.fig))
            .map(|b| b.total)
    };
    let Some(whole) = whole else {
        out.push(unchecked(
            "无法确定占比的总数",
            "the whole the share is of cannot be identified",
        ));
        return;
    };
    let whole_unit = doc.figure(whole).and_then(|f| f.unit);
    let part_label = &part.label;
    let what = Text::new(
        format!("{part_label}占比 = 部分 ÷ 总数"),
        format!("share of {part_label} = part ÷ whole"),
    );
    let share = |w: FigId| Expr::pct(amount(doc, part.fig, whole_unit), Expr::Fig(w));
    let mut rel = Relation::equals(RULE, m.fig, share(whole), what).context(context);
    // other amounts nearby (this sentence or the one before) as wrong wholes; not the whole
    // paragraph, which in a long text would give every share every amount
    for other in &p.mentions {
        if other.kind != Kind::Level
            || other.fig == whole
            || other.fig == part.fig
            || other.sentence + 1 < m.sentence
            || other.sentence > m.sentence
        {
            continue;
        }
        let Some(f) = doc.figure(other.fig) else {
            continue;
        };
        if f.unit != whole_unit {
            continue;
        }
        rel = rel.alternative(
            Cause::WrongBase(Text::new(
                format!("占比以 {}（{}）为总数计算", f.raw, other.label),
                format!("the share was taken of {} ({})", f.raw, other.label),
            )),
            Expr::pct(Expr::Fig(part.fig), Expr::Fig(other.fig)),
        );
    }
    if let Some(prev) = prev_share {
        rel = rel.alternative(Cause::CopiedFrom(prev), Expr::Fig(prev));
    }
    out.push(rel);
}
