//! `share`: a share stated in the text ("X 万元，占 P%") equals the part divided by its
//! whole.

use super::{Check, Out};
use crate::claims::prose::{
    amount, complete, disjoint, is_money, named_whole, same_family, unquoted, Kind, Mention, Prose,
};
use crate::claims::scope::Scope;
use crate::claims::Claims;
use crate::document::Document;
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Cause, Cmp, Expr, Relation, Text};
use crate::IntoVec;
use rust_decimal::Decimal;
use std::rc::Rc;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::Share,
    title_zh: "占比等于部分除以总数",
    title_en: "Shares equal the part over its whole",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In the text, \"总数 T 万元，其中：甲 X 万元，占 P%\" states a share: P must equal \
               X ÷ T. The whole is the total the 其中 introduces, or the total the sentence \
               names (\"占政府采购支出总额的 11.60%\", looked up by its label in the text), or, \
               for a 三公 item's share in the 三公 section, the 三公 total of the 三公 table at \
               the stage the item's amount is of (决算 合计). Where the whole is printed \
               nowhere under its name, shares that follow one another naming it and add up to \
               exactly 100% (\"市级…29.81 亿元，占采购总量的 16.26%；区县级…41.41 亿元，占采购总量的 \
               83.74%\") say their parts make it up: each is checked against the sum of the \
               parts; shares of it one after another in one section, of parts that cannot \
               overlap (基本支出 and 项目支出, the 三公 items, 税收 and 非税收入 …), add up to at \
               most 100%, and stand in the proportion of their parts (1.4 can be no smaller a \
               share than 0.28), which holds also of shares that name no whole (\"…0.28 万元，占 \
               0.95%\") one after another in one paragraph: each is checked against the largest. \
               Where the whole is printed, such shares adding up to exactly 100% \
               say their parts add up to it (unless they are listed under it, for parts-sum). \
               财政收入 (支出) said loosely is the general budget's total. \
               Amounts in 元 and 万元 are converted exactly.",
        why: "A share computed on the wrong total, or copied from the line above, misstates how \
              the money was spent while every amount looks right.",
        tolerance: "Each printed figure stands for ±½ of its last digit; the share holds when \
                    some choice of unrounded part and whole gives the printed share. A share \
                    whose whole cannot be found without guessing is reported as not checked.",
        example: "本年收入 14209.74 万元，其中：财政拨款收入 14206.91 万元，占 99.98% holds; \
                  printed 99.89% fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "正文中，“总数 T 万元，其中：甲 X 万元，占 P%”表述的是一个占比：P 必须等于 X ÷ T。\
               作为分母的总数是“其中”所引出的那个合计；或者是句中点名的那个总数（如“占政府采购支\
               出总额的 11.60%”，按其名称在正文中查找）；或者，对于“三公”经费部分中某个“三公”项\
               目的占比，是“三公”经费表中与该项目金额同一阶段的“三公”合计（决算 合计）。如果该总\
               数在任何地方都没有以其名称印出，那么接连出现、都指向它并且相加恰好为 100% 的几个\
               占比（“市级…29.81 亿元，占采购总量的 16.26%；区县级…41.41 亿元，占采购总量的 83.74%\
               ”）表明其各分项构成了这个总数：每个占比都以各分项之和为总数来核对。在同一部分\
               中接连出现的、对同一总数的几个占比，如果其分项不可能相互重叠（基本支出和项目支出，\
               “三公”经费各项目，税收和非税收入…），相加至多为 100%，并且彼此之间的比例要与各分\
               项金额的比例一致（1.4 的占比不可能小于 0.28 的占比）；在同一段落中接连出现、没有\
               指明总数的占比（“…0.28 万元，占 0.95%”）也须满足这一比例关系：每个占比都与其中最\
               大的一项对照核对。如果总数有印出，这类相加恰好为 100% 的占比表明其各分项之和等于\
               该总数（除非这些分项就列在该总数之下，那种情况由 parts-sum 核对）。泛泛而称的“财\
               政收入（支出）”指一般公共预算的总数。以元和以万元为单位的金额之间按精确换算。",
        why: "占比如果用错了总数来计算，或者照抄了上一行，即使每个金额看上去都对，也会歪曲资金的\
              使用情况。",
        tolerance: "每个印出的数字代表其末位 ±½ 的区间；只要存在某种未经舍入的分项和总数能得出印\
                    出的占比，该占比即成立。如果不靠猜测就找不到总数，该占比报告为未核对。",
        example: "“本年收入 14209.74 万元，其中：财政拨款收入 14206.91 万元，占 99.98%”成立；若印\
                  为 99.89% 则不成立。",
    },
    find,
};

const RULE: Rule = Rule::Share;

/// Most amounts on each side of a share tried as a wrong whole.
const MAX_WRONG_WHOLES: usize = 6;

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    let prose = &claims.prose;
    let mut wholes = Wholes::default();
    let mut orphans: Vec<Orphan> = Vec::new();
    for p in prose {
        let lists = p.list_lengths();
        let shares: Vec<(&Mention, Part<'_>)> = p
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == Kind::Share)
            .map(|(i, m)| (m, named_part(claims, m, part_of(p, &lists, i, m))))
            .into_vec();
        let groups = whole_groups(doc, p, &lists, &shares);
        let mut prev_share: Option<FigId> = None;
        for ((m, part), group) in shares.into_iter().zip(groups) {
            let ctx = Ctx {
                doc,
                prose,
                claims,
                p,
                prev_share,
                parts_whole: group,
            };
            if let Some(o) = relation(&ctx, &mut wholes, m, part, out) {
                orphans.push(o);
            }
            prev_share = Some(m.fig);
        }
    }
    shares_of_one_whole(doc, orphans, out);
    parts_of_a_stated_whole(claims, &wholes.found, out);
}

/// "2014年全国政府采购规模为17305.34亿元。—工程类采购金额10141.11亿元,占采购总规模的58.6%。
/// —货物类…5230.04亿元,…30.2%。—服务类…1934.25亿元,…11.2%。" (the national procurement
/// report, 2014): shares of one printed whole, one after another in one section, of parts
/// that cannot overlap or make a standard whole, whose printed shares add up to exactly
/// 100%, say the parts make the whole: their sum is the whole (here 17305.40, printed
/// 17305.34 — each share holding on its own). Not where the parts are listed under the
/// whole already (parts-sum adds them up). A run of two such lists ("货物、工程、服务…分别为
/// …占…25.8%、46.6%和27.6%。…集中采购、部门集中采购、分散采购…26.8%、9.7%和63.5%", the 2021
/// report) is cut where its printed shares reach exactly 100%, each list read on its own.
fn parts_of_a_stated_whole(claims: &Claims<'_>, found: &[OfWhole], out: &mut Out) {
    let doc = claims.doc;
    for whole_run in found.chunk_by(|a, b| a.whole == b.whole && a.section == b.section) {
        let mut total = Decimal::ZERO;
        let mut from = 0;
        for (k, x) in whole_run.iter().enumerate() {
            let Some(t) = printed_share(doc, x.share).and_then(|v| total.checked_add(v)) else {
                break;
            };
            total = t;
            if total == Decimal::ONE_HUNDRED {
                if let Some(run) = whole_run.get(from..=k) {
                    stated_whole(claims, run, out);
                }
                (from, total) = (k + 1, Decimal::ZERO);
            }
        }
    }
}

/// One list of [`parts_of_a_stated_whole`], its printed shares adding up to exactly 100%.
fn stated_whole(claims: &Claims<'_>, run: &[OfWhole], out: &mut Out) {
    let doc = claims.doc;
    let labels: Vec<String> = run.iter().map(|x| x.label.clone()).into_vec();
    if run.len() < 2 || !(disjoint(&labels) || complete(&labels)) {
        return;
    }
    let listed = |x: &OfWhole| {
        claims
            .breakdown_of(x.part)
            .is_some_and(|b| b.total == x.whole)
    };
    if run.iter().all(listed) {
        return;
    }
    let Some(first) = run.first() else {
        return;
    };
    let unit = doc.figure(first.whole).and_then(|f| f.unit);
    let (zh, en) = super::parts_named(&labels);
    out.push(Relation::equals(
        RULE,
        first.whole,
        Expr::sum(run.iter().map(|x| amount(doc, x.part, unit))),
        Text::new(
            format!("总数 = {zh}（各占比合计 100%）"),
            format!("total = {en} (the shares add up to 100%)"),
        ),
    ));
}

/// A share's printed value, where it is a percent not below zero.
fn printed_share(doc: &Document, share: FigId) -> Option<Decimal> {
    doc.figure(share)
        .filter(|f| f.number.percent && !f.number.value.is_sign_negative())
        .map(|f| f.number.value)
}

/// Whether the printed shares add up to exactly 100%.
fn all_of_it(doc: &Document, shares: impl Iterator<Item = FigId>) -> bool {
    let mut total = Some(Decimal::ZERO);
    for f in shares {
        total = total
            .zip(printed_share(doc, f))
            .and_then(|(t, v)| t.checked_add(v));
    }
    total == Some(Decimal::ONE_HUNDRED)
}

/// A share whose whole the text does not print, with what it is a share of.
struct Orphan {
    share: FigId,
    /// The whole's name ("一般公共预算支出") and the scope it is named in.
    whole: String,
    scope: Scope,
    /// The part's label, figure and unit.
    part: String,
    part_fig: FigId,
    unit: Option<&'static str>,
    context: String,
    /// What is said of it when nothing more can be: its whole was not found.
    not_found: Relation,
    /// Whether the share names its whole ("占一般公共预算支出的"), or says only "占 P%".
    named: bool,
    /// Its paragraph.
    para: usize,
}

/// "1. 基本支出预算 2476260.58 元，占一般公共预算支出的 84.06% … 2. 项目支出 469500 元，占一般
/// 公共预算支出的 19.62%" (a county department's 2024 budget): shares of one whole the text
/// does not print, one after another in one section, of parts that cannot overlap
/// ([`disjoint`]: 基本支出 and 项目支出, the 三公 items, …), together make at most all of it.
/// Each run of such shares states its last one at most 100% less the others; a run whose
/// printed shares add up to exactly 100% says its parts make the whole, and each share is
/// then its part over the sum of the parts ("基本支出预算 881300.39 元，占一般公共预算支出的
/// 96.74% … 项目支出 29700 元，占…3.26%").
fn shares_of_one_whole(doc: &Document, orphans: Vec<Orphan>, out: &mut Out) {
    let mut k = 0;
    while let Some(first) = orphans.get(k) {
        let same = |o: &Orphan| {
            o.whole == first.whole
                && o.named == first.named
                // shares that name no whole are of one only in one paragraph
                && (o.named || o.para == first.para)
                && o.scope.section == first.scope.section
                && o.scope.comparable(&first.scope)
                && o.scope.year == first.scope.year
                && is_money(o.unit)
                && same_family(o.unit, first.unit)
        };
        let run = orphans
            .get(k..)
            .unwrap_or(&[])
            .iter()
            .take_while(|o| same(o))
            .count()
            .max(1);
        let group = orphans.get(k..k + run).unwrap_or(&[]);
        k += run;
        let labels: Vec<String> = group.iter().map(|o| o.part.clone()).into_vec();
        let of_one_whole = group.len() >= 2 && disjoint(&labels);
        if !first.named {
            for o in group {
                out.push(o.not_found.clone());
            }
            if of_one_whole {
                in_proportion(doc, group, out);
            }
            continue;
        }
        if of_one_whole && all_of_it(doc, group.iter().map(|o| o.share)) {
            let parts: Vec<FigId> = group.iter().map(|o| o.part_fig).into_vec();
            for o in group {
                let part = (o.part_fig, o.part.as_str(), first.unit);
                out.push(of_the_parts_sum(doc, o.share, part, &parts).context(o.context.clone()));
            }
            continue;
        }
        for o in group {
            out.push(o.not_found.clone());
        }
        let (Some(last), true) = (group.last(), of_one_whole) else {
            continue;
        };
        in_proportion(doc, group, out);
        let others = group
            .iter()
            .take(group.len() - 1)
            .map(|o| Expr::Fig(o.share));
        let rest = Expr::difference(Expr::Const(Decimal::ONE_HUNDRED), Expr::sum(others));
        let (zh, en) = super::parts_named(&labels);
        let what = Text::new(
            format!("{zh}占{}的比重之和 ≤ 100%", last.whole),
            format!("shares of {en} in {} add up to at most 100%", last.whole),
        );
        out.push(
            Relation::equals(RULE, last.share, rest, what)
                .cmp(Cmp::AtMost)
                .context(last.context.clone()),
        );
    }
}

/// "因公出国(境)费支出决算0万元,占0%;公务用车购置及运行维护费支出决算1.4万元,占0.02%;公务接待费
/// 支出决算0.28万元,占0.95%" (a county unit's 2023 final accounts): shares of one whole the
/// text does not print, of parts that cannot overlap, are each their part over one whole,
/// so they stand in the proportion of their parts, whatever the whole is: 1.4 can be no
/// smaller a share than 0.28. Each share is checked against the largest (the one its
/// rounding blurs least) in the ratio of their parts: 1.4 ÷ 0.28 × 0.95% = 4.75%.
fn in_proportion(doc: &Document, group: &[Orphan], out: &mut Out) {
    let nonzero = |f: FigId| doc.figure(f).is_some_and(|f| !f.number.value.is_zero());
    let Some(anchor) = group
        .iter()
        .filter(|o| nonzero(o.part_fig) && nonzero(o.share))
        .max_by_key(|o| printed_share(doc, o.share))
    else {
        return;
    };
    let Some(unit) = group.first().and_then(|o| o.unit) else {
        return;
    };
    for o in group.iter().filter(|o| o.share != anchor.share) {
        let what = Text::new(
            format!(
                "{}占比 ÷ {}占比 = 两者金额之比（同一总数）",
                o.part, anchor.part
            ),
            format!(
                "share of {} ÷ share of {} = the ratio of their amounts (one whole)",
                o.part, anchor.part
            ),
        );
        let ratio = Expr::quotient(
            amount(doc, o.part_fig, Some(unit)),
            amount(doc, anchor.part_fig, Some(unit)),
        );
        let share = Expr::product(ratio, Expr::Fig(anchor.share));
        out.push(Relation::equals(RULE, o.share, share, what).context(o.context.clone()));
    }
}

/// What a share's relation is built from besides the share and its part.
struct Ctx<'c, 'a> {
    doc: &'a Document,
    prose: &'c [Prose<'a>],
    claims: &'c Claims<'a>,
    p: &'c Prose<'a>,
    /// The share before it in the paragraph (copied from the line above).
    prev_share: Option<FigId>,
    /// The parts of its group, when the group's shares add up to 100% exactly
    /// ([`whole_groups`]).
    parts_whole: Option<Rc<[FigId]>>,
}

/// The whole the one before the share names ("占采购总量的").
fn whole_name(p: &Prose<'_>, m: &Mention) -> String {
    let first = if m.listed {
        p.mentions.get(m.list)
    } else {
        None
    }
    .unwrap_or(m);
    named_whole(&first.lead)
}

/// "市级政府采购规模 29.81 亿元，占采购总量的 16.26%；区县级 41.41 亿元，占采购总量的
/// 83.74%": shares following one another that name one whole and add up to exactly 100%
/// say, by their own figures, that their parts make the whole up. For each share, the
/// parts of its group when it is one: two or more shares, each with its own amount before
/// it (none shared), all of money.
fn whole_groups(
    doc: &Document,
    p: &Prose<'_>,
    lists: &[usize],
    shares: &[(&Mention, Part<'_>)],
) -> Vec<Option<Rc<[FigId]>>> {
    let mut out = vec![None; shares.len()];
    // what a group must share: the whole's name and the list the share is printed in
    // ("占…的 x%、y% 和 z%": one list whole, or shares each printed on its own)
    let key = |m: &Mention| {
        let list = (lists.get(m.list).copied().unwrap_or(1) >= 2).then_some(m.list);
        (whole_name(p, m), list)
    };
    let keys: Vec<_> = shares.iter().map(|(m, _)| key(m)).into_vec();
    let percent = |k: usize| printed_share(doc, shares.get(k)?.0.fig);
    // windows of one key adding up to exactly 100%, found left to right by two pointers
    let (mut lo, mut sum) = (0, Decimal::ZERO);
    for hi in 0..shares.len() {
        let Some(v) = percent(hi) else {
            (lo, sum) = (hi + 1, Decimal::ZERO);
            continue;
        };
        if keys.get(lo) != keys.get(hi) {
            (lo, sum) = (hi, Decimal::ZERO);
        }
        sum = sum.checked_add(v).unwrap_or(Decimal::MAX);
        while sum > Decimal::ONE_HUNDRED || hi + 1 - lo > MAX_GROUP {
            sum = sum
                .checked_sub(percent(lo).unwrap_or_default())
                .unwrap_or_default();
            lo += 1;
        }
        if sum == Decimal::ONE_HUNDRED && hi > lo {
            if let Some(figs) = group_parts(p, lists, shares.get(lo..=hi).unwrap_or(&[])) {
                for slot in out.get_mut(lo..=hi).unwrap_or(&mut []) {
                    *slot = Some(figs.clone());
                }
                (lo, sum) = (hi + 1, Decimal::ZERO);
            }
        }
    }
    out
}

/// Most shares a group of [`whole_groups`] holds.
const MAX_GROUP: usize = 16;

/// The parts of a run of shares adding up to 100%, when they make a whole: a list's
/// shares all of it, each share with its own amount of money, and none a part of another.
fn group_parts(
    p: &Prose<'_>,
    lists: &[usize],
    group: &[(&Mention, Part<'_>)],
) -> Option<Rc<[FigId]>> {
    let (first, _) = group.first()?;
    let (last, _) = group.last()?;
    if whole_name(p, first).chars().count() < 2 {
        return None;
    }
    let listed = lists.get(first.list).copied().unwrap_or(1);
    if listed >= 2 && listed != group.len() {
        return None;
    }
    let parts = group
        .iter()
        .map(|(_, part)| match part {
            Part::Found(a) => Some(*a),
            Part::Missing(_) => None,
        })
        .collect::<Option<Vec<&Mention>>>()?;
    let distinct = parts.iter().enumerate().all(|(k, a)| {
        parts
            .get(..k)
            .is_none_or(|b| b.iter().all(|x| x.fig != a.fig))
    });
    let unit = parts.first()?.unit;
    // "基本支出…占总支出的 60%；其中人员经费…占总支出的 40%": a part of a part (a 其中 in
    // brackets breaks down one part only)
    let nested = (parts.first()?.at..last.at)
        .any(|k| p.word_at(k, "其中") && !p.inner.get(k).copied().unwrap_or(false));
    (distinct
        && !nested
        && parts
            .iter()
            .all(|a| is_money(a.unit) && same_family(a.unit, unit)))
    .then(|| parts.iter().map(|a| a.fig).collect())
}

/// Where a share's part was found.
enum Part<'p> {
    /// The amount the share is of.
    Found(&'p Mention),
    /// Not stated, or a respectively-list that cannot be paired; the reason.
    Missing(Text),
}

/// The part a share is of. A share in a list ("占…的 x%、y% 和 z%") pairs by position with
/// the list of amounts just before it ("分别为 A、B 和 C"), and only when both lists have
/// the same length; a lone share takes the amount just before it in its clause group.
fn part_of<'p>(p: &'p Prose<'_>, lists: &[usize], i: usize, m: &Mention) -> Part<'p> {
    let n = lists.get(m.list).copied().unwrap_or(1);
    if n >= 2 {
        let k = i - m.list.min(i);
        let amounts = m
            .list
            .checked_sub(1)
            .and_then(|j| p.mentions.get(j))
            .filter(|a| a.kind == Kind::Level && a.sentence == m.sentence);
        let Some(last) = amounts else {
            return Part::Missing(Text::new(
                "占比列表前没有对应的金额列表",
                "no list of amounts precedes the list of shares",
            ));
        };
        let len = lists.get(last.list).copied().unwrap_or(1);
        if len != n {
            return Part::Missing(Text::new(
                format!("{len} 个金额与 {n} 个占比无法逐一对应"),
                format!("{len} amounts cannot be paired with {n} shares"),
            ));
        }
        return match p.mentions.get(last.list + k) {
            Some(a) => Part::Found(a),
            None => Part::Missing(Text::new("占比对应的金额缺失", "the part is not stated")),
        };
    }
    // the part: the amount just before, in the same clause group
    let part = p
        .mentions
        .get(..i)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|x| x.semi == m.semi)
        .find(|x| x.kind == Kind::Level && (m.inner || !x.inner));
    match part {
        Some(a) => Part::Found(a),
        None => Part::Missing(Text::new("未找到占比对应的金额", "the part is not stated")),
    }
}

/// The quantity a share's own clause names before 占 ("税收收入占县级一般公共预算收入的
/// 57.7%"), when it names one: at least two characters, not a word of the sentence's
/// frame (分别, 其中 …).
fn share_subject(lead: &str) -> Option<&str> {
    let (before, _) = lead.split_once('占')?;
    let s = before
        .trim_start_matches("其中")
        .trim_end_matches(&['所', '共', '约', '均'][..]);
    let frame = ["分别", "依次", "合计", "总计", "共计", "比重", "比例"];
    (s.chars().count() >= 2 && !frame.iter().any(|w| s.contains(w))).then_some(s)
}

/// The part of a share whose clause names its own subject: the amount found before it
/// when that amount is of the quantity named; else the one amount the text names so
/// (within the share's scope), else none. "全年县级一般公共预算收入 31751 万元，…，税收收入占
/// 县级一般公共预算收入的 57.7%" (a county's 2023 budget report, zhouzhi.gov.cn) is a share
/// of the 税收收入 stated later (18319 万元), never of the 31751 before it.
fn named_part<'p>(claims: &'p Claims<'_>, m: &Mention, part: Part<'p>) -> Part<'p> {
    let Part::Found(a) = part else { return part };
    let Some(subject) = share_subject(&m.lead) else {
        return Part::Found(a);
    };
    let (s, l) = (unquoted(subject), unquoted(&a.label));
    if !l.is_empty() && (l.contains(s.as_ref()) || s.contains(l.as_ref())) {
        return Part::Found(a);
    }
    let missing = || {
        Part::Missing(Text::new(
            format!("未找到{subject}的金额"),
            format!("the amount of {subject} is not stated"),
        ))
    };
    // (the share's scope holds what its whole's name says, 一般公共预算 in 占县级一般公共预算
    // 收入的; the part's own words may say none of it)
    let named = crate::claims::scope::facets(subject);
    let own = Scope {
        budget: named.budget,
        level: named.level,
        ..m.scope
    };
    let (doc, prose) = (claims.doc, claims.prose.as_slice());
    lookup(doc, prose, subject, &m.scope)
        .or_else(|| lookup(doc, prose, subject, &own))
        .and_then(|f| claims.mention(f))
        .map_or_else(missing, Part::Found)
}

/// Wholes looked up by name, remembered: a long text naming one whole many times reads
/// the text for it once.
#[derive(Default)]
struct Wholes {
    /// By name, the last of its scopes looked up (in `looked`): maps of a type of their
    /// own cost the page ≈ 0.8 KB gz each
    names: rustc_hash::FxHashMap<String, usize>,
    /// A scope looked up, the whole found, and the name's scope looked up before it
    /// (`usize::MAX` for none).
    looked: Vec<(Scope, Option<FigId>, usize)>,
    /// Each share whose whole was found, in order.
    found: Vec<OfWhole>,
}

/// A share whose whole was found ([`parts_of_a_stated_whole`]).
struct OfWhole {
    share: FigId,
    part: FigId,
    label: String,
    whole: FigId,
    /// The share's section.
    section: Option<usize>,
}

/// A total's name in one spelling: 总支出, 支出总计, 支出总额 and 本年支出合计 all name the
/// 支出合计; 总收入 the 收入合计.
pub fn total_name(label: &str) -> String {
    let s = label
        .trim_start_matches("本年度")
        .trim_start_matches("本年");
    if let Some(r) = s.strip_prefix('总') {
        if r.ends_with("支出") || r.ends_with("收入") {
            return format!("{r}合计");
        }
    }
    for suffix in ["总计", "总额", "总数"] {
        if let Some(r) = s.strip_suffix(suffix) {
            if r.ends_with("支出") || r.ends_with("收入") {
                return format!("{r}合计");
            }
        }
    }
    s.to_string()
}

/// The words with 一般公共预算's name before 2015 (公共财政预算, 一般公共财政预算) in today's,
/// a department's 一般公共预算拨款支出 as the 一般公共预算支出 it is, and a 总金额 as the
/// 金额 it is.
fn budget_renamed(s: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    // ("占授予中小企业合同总金额的62.5%" names the "授予中小企业合同金额为25239.8亿元" of
    // the national procurement report, 2023)
    // ("占采购总规模的58.6%" names the "全国政府采购规模为17305.34亿元" of the 2014 report)
    let s = if s.contains("总金额") || s.contains("总规模") {
        s.replace("总金额", "金额").replace("总规模", "规模").into()
    } else {
        s
    };
    let s = if s.contains("公共财政预算") {
        s.replace("一般公共财政预算", "一般公共预算")
            .replace("公共财政预算", "一般公共预算")
            .into()
    } else {
        s
    };
    // a department's 一般公共预算拨款支出 is its 一般公共预算支出: the spending of what that
    // budget grants it ("一般公共预算拨款支出 1493924.6 元…占一般公共预算支出的 96.41%")
    if s.contains("一般公共预算拨款支出") {
        s.replace("一般公共预算拨款支出", "一般公共预算支出").into()
    } else {
        s
    }
}

/// The one amount the text names with this label, if it names exactly one value in a
/// scope comparable with the share's.
fn lookup(doc: &Document, prose: &[Prose<'_>], label: &str, scope: &Scope) -> Option<FigId> {
    lookup_where(doc, prose, label, |s| s.comparable(scope))
}

/// [`lookup`] among the amounts in scopes `fits` takes.
fn lookup_where(
    doc: &Document,
    prose: &[Prose<'_>],
    label: &str,
    fits: impl Fn(&Scope) -> bool,
) -> Option<FigId> {
    let mut found: Vec<&Mention> = Vec::new();
    // a total named another way: its lead as printed ("支出合计为"), in one spelling
    let want = total_name(label);
    let as_total = |m: &Mention| {
        want != label && {
            let lead = m.lead.trim_end_matches(&['为', '是', '达', ':', '：'][..]);
            total_name(lead).ends_with(&want)
        }
    };
    // "占“三公”经费的 100%" names the 三公经费支出 of "“三公”经费支出 2.05 万元": quotes
    // aside, the whole's label may add the side the name leaves unsaid
    // (公共财政预算 is the name 一般公共预算 had before 2015: "占到公共财政预算支出的 81.68%"
    // names the "一般公共预算支出 98240 万元" of its paragraph)
    let bare_label = budget_renamed(unquoted(label));
    let sided: Vec<String> = if label.ends_with("支出") || label.ends_with("收入") {
        Vec::new()
    } else {
        ["支出", "收入"]
            .iter()
            .map(|side| [bare_label.as_ref(), side].concat())
            .into_vec()
    };
    let names = |l: &str| {
        let l = budget_renamed(unquoted(l));
        l.ends_with(bare_label.as_ref()) || sided.iter().any(|s| l.ends_with(s.as_str()))
    };
    // "年度投资计划647.4亿元。…占年度投资计划的97.2%": the label drops the 年度 its lead
    // opens with, which the share's name keeps
    let led = |m: &Mention| {
        m.lead.len() > m.label.len()
            && m.lead
                .trim_end_matches(&['为', '是', '达', ':', '：'][..])
                .ends_with(label)
    };
    for p in prose {
        for m in &p.mentions {
            if m.kind == Kind::Level
                && !m.label.is_empty()
                && (m.label.ends_with(label) || names(&m.label) || as_total(m) || led(m))
                && fits(&m.scope)
            {
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

/// Whether `label` holds `name` other than as the last of things joined
/// ("对市县税收返还和转移支付" holds no 转移支付 of its own).
fn holds_name(label: &str, name: &str) -> bool {
    label.match_indices(name).any(|(k, _)| {
        !label
            .get(..k)
            .is_some_and(|b| b.ends_with(&['和', '及', '与', '、'][..]))
    })
}

/// Pushes the share's relation; returns it as an [`Orphan`] when its whole is not found.
fn relation(
    ctx: &Ctx<'_, '_>,
    wholes: &mut Wholes,
    m: &Mention,
    part: Part<'_>,
    out: &mut Out,
) -> Option<Orphan> {
    let Ctx {
        doc,
        prose,
        claims,
        p,
        prev_share,
        ..
    } = *ctx;
    let context = p.sentence_text(m.at);
    let what = Text::new("占比 = 部分 ÷ 总数", "share = part ÷ whole");
    let unchecked = |zh: &str, en: &str| {
        Relation::unchecked(RULE, m.fig, what.clone(), Text::new(zh, en)).context(context.clone())
    };
    let part = match part {
        Part::Found(a) => a,
        Part::Missing(why) => {
            out.push(unchecked(&why.zh, &why.en));
            return None;
        }
    };
    // a listed share names its whole once, before the first of the list, in that one's
    // scope ("占全市政府采购规模的 40.91%、3.03% 和 56.06%": 全市 for all three)
    let first = if m.listed {
        p.mentions.get(m.list)
    } else {
        None
    }
    .unwrap_or(m);
    let (lead, scope) = (first.lead.as_str(), first.scope);
    // ("占财政支出总量的 19.8%", a city's 2017 report: the 财政支出 it stated)
    let name = named_whole(lead);
    let name = match name.strip_suffix("总量") {
        Some(r) if r.ends_with("支出") || r.ends_with("收入") => r.to_string(),
        _ => name,
    };
    let whole = if name.chars().count() >= 2 {
        // "一般公共预算财政拨款支出 1264.92 万元，占本年支出合计的 31.45%": the share is in the
        // part's scope (一般公共预算), but a 本年支出合计 whose name holds no budget is the
        // whole account's, which names none either
        let overall = Scope {
            budget: None,
            ..scope
        };
        let account_total = {
            let t = total_name(&name);
            (t.ends_with("支出合计") || t.ends_with("收入合计"))
                && crate::claims::scope::facets(&name).budget.is_none()
                && scope.budget.is_some()
        };
        let mut at = wholes.names.get(&name).copied().unwrap_or(usize::MAX);
        let mut known = None;
        while let Some(&(s, whole, before)) = wholes.looked.get(at) {
            if s == scope {
                known = Some(whole);
                break;
            }
            at = before;
        }
        let found = known.unwrap_or_else(|| {
            let found = lookup(doc, prose, &name, &scope)
                .or_else(|| {
                    account_total
                        .then(|| lookup(doc, prose, &name, &overall))
                        .flatten()
                })
                // "全市财政支出完成267.37亿元…。…教育支出52.81亿元,…,占财政支出总量的19.8%"
                // (a city's 2017 report): a whole named without its level is the one amount
                // of that name at any level
                .or_else(|| {
                    let any_level = |s: &Scope| Scope { level: None, ..*s }.comparable(&scope);
                    scope
                        .level
                        .is_none()
                        .then(|| lookup_where(doc, prose, &name, any_level))
                        .flatten()
                });
            let before = wholes.names.insert(name.clone(), wholes.looked.len());
            wholes
                .looked
                .push((scope, found, before.unwrap_or(usize::MAX)));
            found
        });
        // "全市一般公共预算收入安排 77.6 亿元。其中:税收收入 65.7 亿元,…,占一般公共预算收入的
        // 84.6%": the total the part is listed under, when its name holds the one the share
        // names (the text may name several amounts so, of several levels)
        // (or the share names it with its stage: "项目支出 469500 元。其中:…占项目支出预算
        // 2.56%")
        // ("其中:税收收入完成 24718 万元,…,占收入的 84.91%": 收入 said alone names the part
        // too, which is no whole of its own)
        found.filter(|&w| w != part.fig).or_else(|| {
            let name = unquoted(&name);
            let staged = ["预算数", "决算数", "预算", "决算"]
                .iter()
                .find_map(|w| name.strip_suffix(w));
            claims
                .breakdown_of(part.fig)
                .filter(|b| {
                    let total = unquoted(&b.total_label);
                    holds_name(&total, &name)
                        || staged.is_some_and(|s| total.ends_with(s))
                        // "一般公共预算支出483亿元,其中民生支出411.6亿元,占财政支出的85.2%"
                        // (a city's 2021 news): 财政支出 is the general budget's
                        || fiscal(&name)
                            .is_some_and(|g| budget_renamed(total.as_ref().into()).ends_with(g))
                        // "全市财政支出完成267.37亿元,…,其中…民生支出231.94亿元,…,占总支出的
                        // 比重为86.7%": the total spending is the one the part is listed under
                        // where that is the whole 财政支出 (not 基本支出, a part of it)
                        || ["支出", "收入"].iter().any(|side| {
                            name.strip_prefix('总') == Some(side)
                                && fiscal(&total).is_some()
                                && total.ends_with(side)
                        })
                })
                .map(|b| b.total)
        })
    } else {
        claims
            .breakdown_of(part.fig)
            .map(|b| b.total)
            .or_else(|| sangong_whole(claims, part))
    };
    // "一般公共财政预算收入完成38.3亿元。全市税收收入28.1亿元,占财政收入比重为73.5%" (a
    // city's half-year report): 财政收入 said loosely is most often the general budget's, but
    // may be the 财政总收入 the text leaves unsaid: where that reading fails, the share is
    // not checked
    let mut loose = false;
    let whole = whole.or_else(|| {
        let g = fiscal(&unquoted(&name))?;
        loose = true;
        let named = Scope {
            budget: crate::claims::scope::facets(g).budget,
            ..scope
        };
        lookup(doc, prose, g, &named)
    });
    let Some(whole) = whole else {
        if let Some(parts) = &ctx.parts_whole {
            out.push(of_parts(doc, p, m, part, parts));
            return None;
        }
        let not_found = unchecked(
            "无法确定占比的总数",
            "the whole the share is of cannot be identified",
        );
        if m.listed {
            out.push(not_found);
            return None;
        }
        let named = name.chars().count() >= 2;
        return Some(Orphan {
            share: m.fig,
            whole: if named { name } else { String::new() },
            scope,
            part: part.label.clone(),
            part_fig: part.fig,
            unit: part.unit,
            context,
            not_found,
            named,
            para: p.index,
        });
    };
    // (an amount is no share of itself: the names were read wrong)
    if whole == part.fig {
        out.push(unchecked(
            "占比的部分与总数为同一数字",
            "the part and the whole are one figure",
        ));
        return None;
    }
    let whole_unit = doc.figure(whole).and_then(|f| f.unit);
    // a part of a 分别为 list is named by position in the names before it, not by the
    // words before its own figure ("、0.04亿元")
    let part_label = claims
        .breakdown_of(part.fig)
        .and_then(|b| b.parts.iter().find(|(f, _)| *f == part.fig))
        .map_or(part.label.as_str(), |(_, l)| l.as_str());
    let what = Text::new(
        [part_label, "占比 = 部分 ÷ 总数"].concat(),
        ["share of ", part_label, " = part ÷ whole"].concat(),
    );
    let share = |w: FigId| Expr::pct(amount(doc, part.fig, whole_unit), Expr::Fig(w));
    if !loose {
        wholes.found.push(OfWhole {
            share: m.fig,
            part: part.fig,
            label: part_label.to_string(),
            whole,
            section: m.scope.section,
        });
    }
    let mut rel = Relation::equals(RULE, m.fig, share(whole), what).context(context);
    // other amounts nearby (this sentence or the one before) as wrong wholes; not the whole
    // paragraph, which in a long text would give every share every amount; found by
    // position and capped, so a sentence of a million figures stays linear
    let from = p.mentions.partition_point(|x| x.sentence + 1 < m.sentence);
    let to = p.mentions.partition_point(|x| x.sentence <= m.sentence);
    let near = p.mentions.get(from..to).unwrap_or(&[]);
    let at = near.partition_point(|x| x.at < m.at);
    let near = near
        .get(at.saturating_sub(MAX_WRONG_WHOLES)..(at + MAX_WRONG_WHOLES).min(near.len()))
        .unwrap_or(&[]);
    for other in near {
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
    out.push(if loose {
        rel.unsure(Text::new(
            "按一般公共预算计算不成立，而文中的“财政收入（支出）”也可能指未列出的其他口径",
            "it fails on the general budget, but the text's 财政收入 (支出) may mean a total it does not print",
        ))
    } else {
        rel
    });
    None
}

/// The general budget's total that a whole named 财政收入 (财政支出) loosely stands for, with
/// no more than where before it (全市, 地方): 一般公共预算收入 (一般公共预算支出).
fn fiscal(name: &str) -> Option<&'static str> {
    let (r, g) = if let Some(r) = name.strip_suffix("财政收入") {
        (r, "一般公共预算收入")
    } else {
        (name.strip_suffix("财政支出")?, "一般公共预算支出")
    };
    [
        "", "全市", "全县", "全区", "全省", "全镇", "地方", "本级", "市级", "县级",
    ]
    .contains(&r)
    .then_some(g)
}

/// A share of a whole the text does not print, whose group's shares add up to 100%: the
/// part over the sum of the group's parts.
fn of_parts(
    doc: &Document,
    p: &Prose<'_>,
    m: &Mention,
    part: &Mention,
    parts: &[FigId],
) -> Relation {
    of_the_parts_sum(doc, m.fig, (part.fig, &part.label, part.unit), parts)
        .context(p.sentence_text(m.at))
}

/// `share` = its part ÷ the sum of `parts` (the part one of them), in the part's unit.
fn of_the_parts_sum(
    doc: &Document,
    share: FigId,
    (part, label, unit): (FigId, &str, Option<&str>),
    parts: &[FigId],
) -> Relation {
    let sum = Expr::sum(parts.iter().map(|&f| amount(doc, f, unit)));
    let what = Text::new(
        format!("{label}占比 = 部分 ÷ 各部分之和（各占比合计 100%）"),
        format!("share of {label} = part ÷ the sum of the parts (the shares add up to 100%)"),
    );
    Relation::equals(RULE, share, Expr::pct(amount(doc, part, unit), sum), what)
}

/// The whole of a 三公 item's share the text does not name: the 三公 total at the stage
/// the item's amount is of (“三公”经费…决算中，因公出国（境）费支出决算 X 万元，占 P%), from
/// the 三公 table, when the amount is in the 三公 section and in 万元 as the table.
fn sangong_whole(claims: &Claims<'_>, part: &Mention) -> Option<FigId> {
    use crate::claims::outline::Sangong;
    use crate::claims::sangong::{in_sangong_section, label_item, stage_of, table, Item};
    let item = label_item(&part.label).or_else(|| label_item(&part.lead))?;
    if !matches!(
        item,
        Item::Sangong(Sangong::Abroad | Sangong::Car | Sangong::Reception)
    ) || part.unit != Some("万元")
        || !in_sangong_section(claims, part)
    {
        return None;
    }
    let stage = stage_of(&part.lead)?;
    let cells = table(claims)?;
    cells
        .cells
        .iter()
        .find(|c| c.0 == Item::Sangong(Sangong::Total) && c.1 == stage)
        .and_then(|c| c.2)
}

#[cfg(test)]
mod tests {
    fn entries(text: &str) -> Vec<(String, String)> {
        super::super::reported(text, "share")
    }

    use crate::checks::own;

    #[test]
    fn a_departments_grant_spending_is_its_general_budget_spending() {
        // a Wuzhou research unit's 2021 budget (realdocs 13): the whole is printed as
        // 一般公共预算拨款支出 and named as 一般公共预算支出
        let text = |share: &str| {
            format!(
                "2021 年一般公共预算拨款支出 1493924.6 元,其中:基本支出 1440224.6 元,项目支出 53700 元。\n\
                 1.基本支出预算 1440224.60 元,占一般公共预算支出的{share}%,同比减少 12602.40 元。\n"
            )
        };
        assert_eq!(entries(&text("96.41")), own(&[("96.41%", "pass")]));
        assert_eq!(entries(&text("94.61")), own(&[("94.61%", "fail")]));
        // another budget's grant is not that budget's spending
        let fund = text("96.41").replace("一般公共预算拨款支出", "政府性基金预算拨款支出");
        assert_eq!(entries(&fund), own(&[("96.41%", "unchecked")]));
    }

    #[test]
    fn shares_of_disjoint_parts_of_an_unprinted_whole_make_at_most_all_of_it() {
        // a county department's 2024 budget (the whole, 一般公共预算支出, is not printed):
        // 84.06% + 19.62% is more than all of it
        let text = |second: &str| {
            format!(
                "(二)按支出结构分类划分,分为基本支出预算和项目支出预算。\n\
                 1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%,同比减少 4966.66 元。\n\
                 2. 项目支出 469500 元,占一般公共预算支出的 {second}%,同比增加 70100 元。\n"
            )
        };
        let fails = |t: &str| {
            entries(t)
                .into_iter()
                .filter(|(_, s)| s == "fail")
                .collect::<Vec<_>>()
        };
        // (and 469500 ÷ 2476260.58 × 84.06% = 15.94%: no one whole gives both shares)
        assert_eq!(
            fails(&text("19.62")),
            own(&[("19.62%", "fail"), ("19.62%", "fail")])
        );
        // (adding up to 100%, each is a share of the two parts' sum)
        assert_eq!(
            entries(&text("15.94")),
            own(&[("84.06%", "pass"), ("15.94%", "pass")])
        );
        // under 100% (another part unnamed), in the proportion of their parts, they hold
        let third = text("10.18").replace("469500", "300000");
        assert_eq!(
            entries(&third),
            own(&[
                ("84.06%", "unchecked"),
                ("10.18%", "unchecked"),
                ("10.18%", "pass"),
                ("10.18%", "pass")
            ])
        );
        // and out of it they fail, though they make less than all of it
        assert_eq!(fails(&text("12.5")), own(&[("12.5%", "fail")]));
        // parts that may overlap (工资福利支出 may be 基本支出's), two wholes, or two years:
        // nothing to add up
        let overlap = text("19.62").replace("项目支出 469500", "工资福利支出 469500");
        let wholes = text("19.62").replace(
            "占一般公共预算支出的 19.62",
            "占本部门一般公共预算支出总额的 19.62",
        );
        let years = text("19.62")
            .replace("1. 基本", "1. 2024年基本")
            .replace("2. 项目", "2. 2023年项目");
        for t in [overlap, wholes, years] {
            assert!(fails(&t).is_empty(), "{t}: {:?}", entries(&t));
        }
    }

    /// The statuses of the relations reported on figure `fig`, in report order.
    fn status(t: &str, fig: &str) -> Vec<String> {
        entries(t)
            .into_iter()
            .filter(|(r, _)| r == fig)
            .map(|(_, s)| s)
            .collect()
    }

    #[test]
    fn a_treasurys_two_ways_of_paying_are_shares_of_what_it_paid() {
        // a city treasury's 2009 January report (yaan.gov.cn): the whole is named 总支出 in
        // both paragraphs and printed nowhere as such; direct and authorised payments are
        // all of it (17.89% + 82.11% = 100%), so each is its part over their sum
        let text = |direct: &str| {
            format!(
                "在支付方式上,直接支付1417万元,占总支出的{direct}%。其中:工资支出1242万元;转拨经费支出175万元。\n\
                 授权支付清算资金6502万元,占总支出的82.11%。其中:现金支出1264万元;转账支出5238万元。\n"
            )
        };
        assert_eq!(status(&text("17.89"), "17.89%"), ["pass"]);
        assert_eq!(status(&text("17.89"), "82.11%"), ["pass"]);
        // 1417 ÷ (1417 + 6502) = 17.89%: printed 17.98 (and then not all of it), the two
        // shares are still in the proportion of their parts, and 17.98% is not
        assert!(status(&text("17.98"), "17.98%").contains(&"fail".to_string()));
    }

    #[test]
    fn shares_of_one_unnamed_whole_stand_in_the_proportion_of_their_parts() {
        // a county unit's 2023 final accounts (dyrmt.com): 1.4 cannot be a smaller share of
        // the 三公 total than 0.28 (1.4 ÷ 0.28 × 0.95% = 4.75%), whatever the total is
        let text = |car: &str| {
            format!(
                "2023年“三公”经费财政拨款支出决算中,因公出国(境)费支出决算0万元,占0%;\
                 公务用车购置及运行维护费支出决算1.4万元,占{car}%;\
                 公务接待费支出决算0.28万元,占0.95%。\n"
            )
        };
        assert_eq!(status(&text("0.02"), "0.02%"), ["unchecked", "fail"]);
        // the largest share is the one the others are measured by: it is left unchecked
        assert_eq!(status(&text("0.02"), "0.95%"), ["unchecked"]);
        assert_eq!(status(&text("4.75"), "4.75%"), ["unchecked"]);
        assert_eq!(status(&text("4.75"), "0.95%"), ["unchecked", "pass"]);
        // (rounding: 0.275 ÷ 1.45 × 4.495% = 0.85%, 0.285 ÷ 1.35 × 4.505% = 0.951%; with
        // 5.1%, 0.97% at the least)
        assert_eq!(status(&text("4.5"), "0.95%"), ["unchecked", "pass"]);
        assert_eq!(status(&text("5.1"), "0.95%"), ["unchecked", "fail"]);
        // a part of nothing is no share of anything
        assert_eq!(status(&text("0.02"), "0%"), ["unchecked", "pass"]);
        // parts that may overlap, or shares in two paragraphs, may be of two wholes
        let overlap = text("0.02").replace("公务接待费", "其他商品和服务");
        let apart = text("0.02").replace("%;公务接待", "%。\n\n2023年“三公”经费中,公务接待");
        for t in [overlap, apart] {
            assert_eq!(status(&t, "0.02%"), ["unchecked"], "{t}");
        }
    }

    #[test]
    fn shares_adding_up_to_all_in_separate_paragraphs_are_of_their_parts_sum() {
        // a unit's 2018 budget (Wuzhou): the two items apart, each with its own 其中
        let text = |first: &str| {
            format!(
                "(二)按支出结构分类划分,分为基本支出预算和项目支出预算。\n\
                 1. 基本支出预算 881300.39 元,占一般公共预算支出的\n{first}%,同比减少 166271.4 元。其中:\n\
                 工资福利支出预算 716052.51 元,占基本支出预算81.25%。\n\
                 商品和服务支出预算 165247.88 元,占基本支出预算18.75%。\n\
                 2. 项目支出 29700 元,占一般公共预算支出的 3.26%,\n同比减少 13900 元。\n"
            )
        };
        let of_all = |t: &str| {
            entries(t)
                .into_iter()
                .filter(|(r, _)| r == "96.74%" || r == "3.26%" || r == "95.74%")
                .collect::<Vec<_>>()
        };
        assert_eq!(
            of_all(&text("96.74")),
            own(&[("96.74%", "pass"), ("3.26%", "pass")])
        );
        // short of 100%: unchecked, and the last at most what the others leave
        // (and out of their parts' proportion: 29700 ÷ 881300.39 × 95.74% = 3.23%)
        assert_eq!(
            of_all(&text("95.74")),
            own(&[
                ("95.74%", "unchecked"),
                ("3.26%", "unchecked"),
                ("3.26%", "fail"),
                ("3.26%", "pass")
            ])
        );
        // adding up to 100% with an amount that does not give them
        let wrong = text("96.74").replace("项目支出 29700", "项目支出 39700");
        assert_eq!(
            of_all(&wrong),
            own(&[("96.74%", "fail"), ("3.26%", "fail")])
        );
    }

    #[test]
    fn the_budgets_name_before_2015_names_the_same_total() {
        // a district's monthly report (traditional script): "占到公共財政預算支出的" names the
        // 一般公共預算支出 of the sentence before (80242 ÷ 98240 = 81.68 %)
        let text = "1-5月,全區一般公共預算支出98240萬元,完成年初預算的48.99%。\
                    其中,全區民生支出80242萬元,占到公共財政預算支出的81.68%。\n";
        assert_eq!(entries(text), own(&[("81.68%", "pass")]));
        assert_eq!(
            entries(&text.replace("81.68%", "83.68%")),
            own(&[("83.68%", "fail")])
        );
        // 一般公共财政预算, 占 without 到: the same
        let other = text
            .replace("占到公共財政預算", "占一般公共財政預算")
            .replace("81.68%", "83.68%");
        assert_eq!(entries(&other), own(&[("83.68%", "fail")]));
    }

    #[test]
    fn a_share_naming_its_own_part_is_of_that_part() {
        // modelled on a county's 2023 budget report (zhouzhi.gov.cn): the share names
        // 税收收入, stated in the next paragraph, not the amount before it
        let text = "全年县级一般公共预算收入31751万元,完成预算数31220万元的101.7%,\
                    税收收入占县级一般公共预算收入的57.7%,加上上划收入29318万元。\n\
                    ——税收收入18319万元,增长17.6%。\n";
        assert_eq!(entries(text), own(&[("57.7%", "pass")]));
        // a wrong share is still found wrong on the named part
        let got = entries(&text.replace("57.7%", "59.7%"));
        assert_eq!(got, own(&[("59.7%", "fail")]));
        // the part named but never stated: not checked, never the amount before it
        let got = entries(&text.replace("——税收收入18319万元,增长17.6%。\n", ""));
        assert_eq!(got, own(&[("57.7%", "unchecked")]));
    }

    #[test]
    fn a_share_of_the_total_its_part_is_listed_under() {
        // modelled on a city's budget statement (czj.benxi.gov.cn, 2023): the whole the share
        // names is the total of the 其中 list, named with its level and stage
        let text = "全市一般公共预算收入安排77.6亿元,同比增长5%。其中:税收收入65.7亿元,同比增长26.1%,占一般公共预算收入的84.6%;非税收入11.9亿元。\n市本级一般公共预算收入安排44.2亿元。其中:税收收入35.8亿元,占一般公共预算收入的81%;非税收入8.4亿元。\n";
        assert_eq!(entries(text), own(&[("84.6%", "pass"), ("81%", "pass")]));
        let text = text.replace("81%", "79%");
        assert_eq!(entries(&text), own(&[("84.6%", "pass"), ("79%", "fail")]));
        // modelled on a unit's 2024 budget in 元 (Wuzhou's disclosure platform, 117.141.250.58):
        // the share names the total with its stage
        let text = "项目支出469500元,同比增加70100元。其中:工资福利支出12000元,占项目支出预算2.56%,商品和服务支出426000元。\n";
        assert_eq!(entries(text), own(&[("2.56%", "pass")]));
        // a district's 2025 half-year report (hunt 21), its paragraph broken off after the
        // first part (as at a page break): "收入" alone names the part too; the whole is the
        // total it is listed under
        let text = "上半年,全区地方一般公共预算收入完成29111万元,同比增长17.53%,完成年度预算的51.40%。其中:税收收入完成24718万元,同比增长11.13%,占收入的84.91%;非税收入完\n";
        assert_eq!(entries(text), own(&[("84.91%", "pass")]));
        let text = text.replace("84.91%", "85.91%");
        assert_eq!(entries(&text), own(&[("85.91%", "fail")]));
    }

    #[test]
    fn a_whole_named_without_its_side_or_its_quotes_is_found() {
        // a county's 三公 text: "占“三公”经费的" names the "“三公”经费支出" before it
        let text =
            "本部门“三公”经费支出2.05万元，较上年减少0.03万元；其中：因公出国（境）支出0万元；\
                    公务接待费支出1.64万元，占“三公”经费的80%。\n";
        assert_eq!(entries(text), own(&[("80%", "pass")]));
        assert_eq!(
            entries(&text.replace("80%", "70%")),
            own(&[("70%", "fail")])
        );
        assert_eq!(
            entries(&text.replace("占“三公”经费的", "占三公经费的")),
            own(&[("80%", "pass")])
        );
        // two amounts the name fits that differ: no whole is guessed
        let two = "“三公”经费支出2.05万元。下属单位“三公”经费支出3万元。公务接待费支出1.64万元，\
                   占“三公”经费的80%。\n";
        assert_eq!(entries(two), own(&[("80%", "unchecked")]));
    }

    #[test]
    fn a_part_of_one_budget_is_a_share_of_the_whole_accounts_total() {
        // a maternity hospital's final accounts: the account's 本年支出合计, then the
        // general budget's spending as a share of it
        let text =
            "2020年本年支出合计4021.94万元，其中：基本支出2719.24万元；项目支出1302.70万元。\n\n\
                    2020年一般公共预算财政拨款支出1264.92万元，占本年支出合计的31.45%。\n";
        assert_eq!(entries(text), own(&[("31.45%", "pass")]));
        assert_eq!(
            entries(&text.replace("31.45%", "33.45%")),
            own(&[("33.45%", "fail")])
        );
        // a total named with a budget of its own is looked for in that budget only
        let text = "2020年本年支出合计4021.94万元。\n\n2020年一般公共预算财政拨款支出1264.92万元，\
                    占政府性基金预算支出合计的31.45%。\n";
        assert_eq!(entries(text), own(&[("31.45%", "unchecked")]));
    }

    #[test]
    fn a_final_named_after_its_budget_is_the_total_of_its_section_opener() {
        // modelled on a district office's 三公 account (hbdj.gov.cn, 2021): the final figure is named by
        // its stage alone after the budget, and the opener follows in the same paragraph
        let text = "某中心2021年度一般公共预算财政拨款“三公”经费支出预算为246万元,支出决算为167.37万元,主要是压减公务用车支出。\n(二)“三公”经费支出决算具体情况。\n某中心2021年度一般公共预算财政拨款“三公”经费支出决算中,因公出国(境)费支出决算0万元,占0%;公务接待费支出决算2.14万元,占1.3%;公务用车购置及运行维护费支出决算165.23万元,占98.7%。\n";
        assert_eq!(
            entries(text),
            own(&[("0%", "pass"), ("1.3%", "pass"), ("98.7%", "pass")])
        );
        assert_eq!(
            entries(&text.replace("占1.3%", "占1.5%")),
            own(&[("0%", "pass"), ("1.5%", "fail"), ("98.7%", "pass")])
        );
        // the budget's name is no final's: 246 is not the total (the shares are checked
        // only against one another, in the proportion of their parts)
        let budget_only = text.replace(",支出决算为167.37万元", "");
        assert_eq!(
            entries(&budget_only),
            own(&[
                ("0%", "unchecked"),
                ("0%", "pass"),
                ("1.3%", "unchecked"),
                ("1.3%", "pass"),
                ("98.7%", "unchecked")
            ])
        );
    }

    #[test]
    fn a_total_named_by_its_section_opener_is_found_in_the_section_before() {
        // an environment bureau's 三公 account (traditional script): the total in the first
        // section, "2019年“三公”經費財政撥款支出決算中，…" opening the second
        let text = "一、“三公”經費財政撥款支出決算總體情況說明\n清遠市生態環境局2019年度“三公”經費財政撥款\
                    支出決算為17.06萬元，完成預算27萬元的63.2%。其中：因公出國（境）費支出決算為7.8萬元，完成\
                    預算10萬元的78.0%；公務用車購置及運行費支出決算為7.5萬元，完成預算12萬元的62.5%；公務\
                    接待費支出決算為1.76萬元，完成預算5萬元的35.2%。\n二、“三公”經費財政撥款支出決算具體情況說明\n\
                    2019年“三公”經費財政撥款支出決算中，因公出國（境）費7.8萬元，占45.7%；公務用車購置及運行費\
                    支出7.5萬元，占44.0%；公務接待費支出1.76萬元，占10.3%。\n";
        assert_eq!(
            entries(text),
            own(&[("45.7%", "pass"), ("44.0%", "pass"), ("10.3%", "pass")])
        );
        assert_eq!(
            entries(&text.replace("占44.0%", "占46.0%")),
            own(&[("45.7%", "pass"), ("46.0%", "fail"), ("10.3%", "pass")])
        );
        // two amounts of that name with different values: no total is guessed (the shares
        // are checked only against one another)
        let two = text.replace(
            "清遠市生態環境局",
            "2019年度“三公”經費財政撥款支出決算為20萬元。",
        );
        assert_eq!(
            entries(&two),
            own(&[
                ("45.7%", "unchecked"),
                ("44.0%", "unchecked"),
                ("44.0%", "pass"),
                ("10.3%", "unchecked"),
                ("10.3%", "pass")
            ])
        );
    }

    #[test]
    fn every_share_of_a_list_is_of_the_whole_the_first_names() {
        // modelled on a city's quarterly procurement report (czj.xinyu.gov.cn, 2025): 全市
        // is said once, before the first share of the list
        // (and, the shares adding up to 100%, the parts add up to it: 0.54 + 0.04 + 0.74)
        let text = "2025年一季度全市政府采购规模为1.32亿元。从组织形式看,政府集中采购、部门集中采购、分散采购规模分别为0.54亿元、0.04亿元和0.74亿元,占全市政府采购规模的40.91%、3.03%和56.06%。\n";
        assert_eq!(
            entries(text),
            own(&[
                ("1.32", "pass"),
                ("40.91%", "pass"),
                ("3.03%", "pass"),
                ("56.06%", "pass")
            ])
        );
        let text = text.replace("56.06%", "57.06%");
        assert_eq!(
            entries(&text).get(2),
            Some(&("57.06%".into(), "fail".into()))
        );
    }

    #[test]
    fn a_listed_part_is_named_by_its_place_in_the_names() {
        // the national procurement report of 2015 (realdocs 04, simplified here)
        let text = "全国政府采购规模为21070.5亿元。其中，货物类、工程类和服务类采购金额分别为6571.4亿元、11155.2亿元和3343.9亿元，占全国政府采购规模的比重为31.2%、52.9%和15.9%。\n";
        let r = crate::check_str(text).expect("the text is read");
        let names: Vec<&str> = r
            .checks
            .iter()
            .filter(|e| e.rule == "share")
            .map(|e| e.relation.zh.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "货物类占比 = 部分 ÷ 总数",
                "工程类占比 = 部分 ÷ 总数",
                "服务类采购金额占比 = 部分 ÷ 总数"
            ]
        );
    }

    #[test]
    fn a_share_whose_proportion_reaches_its_figure_names_its_whole() {
        // Guangxi, 2021 (news): "…的比重达 79.1%" (868.04 ÷ 1091.71 = 79.51%)
        let text = |rate: &str| {
            format!("今年1-4月,全区一般公共预算支出1091.71亿元,同比增长10.1%;其中民生支出完成868.04亿元,同比增长5.6%,民生支出占一般公共预算支出的比重达{rate}%。\n")
        };
        assert_eq!(entries(&text("79.1")), own(&[("79.1%", "fail")]));
        assert_eq!(entries(&text("79.5")), own(&[("79.5%", "pass")]));
        // a province's 2011 report: 转移支付 is not "税收返还和转移支付", the last of two joined
        let joined = "对市县税收返还和转移支付4404.78亿元,其中一般性转移支付3030.61亿元,占转移支付比重达82%;专项转移支付663.82亿元。\n";
        assert!(
            entries(joined).iter().all(|(_, s)| s != "fail"),
            "{:?}",
            entries(joined)
        );
        let named = joined.replace("税收返还和", "");
        assert_eq!(entries(&named), own(&[("82%", "fail")]));
    }

    #[test]
    fn a_share_of_the_whole_spending_named_loosely_is_of_the_one_stated() {
        // a city's 2017 nine-month report (宿州): 总支出, 财政支出总量 and the stated 全市财政支出
        let text = "1-9月,全市财政支出完成267.37亿元,为预算的84.4%,其中教育、科学技术等十三大类民生支出231.94亿元,增长11.6%,占总支出的比重为86.7%。\n\
                    教育支出52.81亿元,增长12.1%,占财政支出总量的19.8%。\n\
                    社会保障和就业支出27.36亿元,增长12.0%,占财政支出总量的16%。\n";
        // 27.36 ÷ 267.37 = 10.2 %: the report's own error (16 % is the line above's)
        assert_eq!(
            entries(text),
            own(&[("86.7%", "pass"), ("19.8%", "pass"), ("16%", "fail")])
        );
        // two levels' spending of that name: which one is not known
        let two = text.replace("。\n教育", "。市本级财政支出100亿元。\n教育");
        let got = entries(&two);
        assert_eq!(
            got.first(),
            Some(&("86.7%".to_string(), "pass".to_string()))
        );
        assert!(got.iter().skip(1).all(|(_, s)| s == "unchecked"), "{got:?}");
        // 总支出 is not a part's own total (基本支出)
        let part = "基本支出60万元,其中人员经费40万元,占总支出的80%。\n";
        assert!(entries(part).iter().all(|(_, s)| s == "unchecked"));
    }

    #[test]
    fn shares_adding_up_to_a_hundred_are_of_the_sum_of_their_parts() {
        // modelled on a city's 2022 procurement report (sts992.com, traditional script): the
        // whole, 采購總量, is printed nowhere under that name; each sentence's shares add up
        // to 100%, so their parts make it up
        let text = "從項目類別看,貨物類采購13.97億元,占采購總量的19.6%;工程類采購39.65億元,占采購總量的55.7%;服務類采購17.6億元,占采購總量的24.7%。從項目層級來看,市級政府采購規模29.81億元,占采購總量的16.26%;區縣級政府采購規模41.41億元,占采購總量的83.74%。\n";
        assert_eq!(
            entries(text),
            own(&[
                ("19.6%", "pass"),
                ("55.7%", "pass"),
                ("24.7%", "pass"),
                // 29.81 ÷ 71.22 is 41.86%: the report's own error
                ("16.26%", "fail"),
                ("83.74%", "fail"),
            ])
        );
        // shares that do not add up to 100% say nothing of their whole; they are still in
        // the proportion of their parts (17.6 ÷ 39.65 × 55.7% = 24.72%, not 20.7%), and make
        // at most all of it
        let short = text.replace("24.7%", "20.7%");
        assert_eq!(
            entries(&short).get(..6),
            Some(
                &own(&[
                    ("19.6%", "unchecked"),
                    ("19.6%", "pass"),
                    ("55.7%", "unchecked"),
                    ("20.7%", "unchecked"),
                    ("20.7%", "fail"),
                    ("20.7%", "pass")
                ])[..]
            )
        );
        // a part of a part: 人员经费 is in 基本支出, so the two are no whole's parts
        let text = "基本支出60万元,占总支出的60%;其中人员经费40万元,占总支出的40%。\n";
        assert!(entries(text).iter().all(|(_, s)| s == "unchecked"));
        // shares of several lists are not taken across them
        let text = "甲、乙分别为1万元、2万元,占总支出的30%、30%;丙、丁分别为3万元、4万元,占总支出的20%、20%。\n";
        assert!(entries(text).iter().all(|(_, s)| s == "unchecked"));
        // (a list adding up to 100% on its own is whole)
        let text = "甲、乙、丙分别为1万元、1万元、1万元,占总支出的30%、30%、30%;丁、戊分别为2万元、3万元,占总支出的40%、60%。\n";
        let got = entries(text);
        let status: Vec<&str> = got.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            status,
            ["unchecked", "unchecked", "unchecked", "pass", "pass"]
        );
        // nor from some of a list's shares only
        let text = "甲、乙、丙分别为1万元、1万元、1万元,占总支出的60%、40%、30%。\n";
        assert!(entries(text).iter().all(|(_, s)| s == "unchecked"));
        // nor across a share of its own and a list
        let text = "甲4万元,占总支出的40%;乙、丙分别为3万元、3万元,占总支出的30%、30%。\n";
        assert!(entries(text).iter().all(|(_, s)| s == "unchecked"));
    }

    #[test]
    fn a_whole_named_with_zong_is_the_amount_named_without() {
        // the national procurement report, 2023: 25239.8 ÷ 33929.6 = 74.39 %, 15778.3 ÷
        // 25239.8 = 62.51 %
        let text = "2023年全国政府采购规模为33929.6亿元。全国政府采购授予中小企业合同金额为25239.8亿元,授予中小企业合同总金额占全国政府采购规模的74.4%;其中,授予小微企业合同金额15778.3亿元,占授予中小企业合同总金额的62.5%。\n";
        assert_eq!(entries(text), own(&[("74.4%", "pass"), ("62.5%", "pass")]));
        let wrong = text.replace("62.5%", "46.5%");
        assert_eq!(
            entries(&wrong),
            own(&[("74.4%", "pass"), ("46.5%", "fail")])
        );
    }

    #[test]
    fn a_whole_whose_label_drops_the_year_word_is_found_by_its_lead() {
        // a city's 2019 progress report on key projects (traditional script): 629.0 ÷
        // 647.4 = 97.16 %; the label of 647.4 drops the 年度 its lead and the share keep
        let text = "今年安排全市重點建設項目444項,項目總投資5141億元,年度投資計劃647.4億元。1-10月項目累計完成投資629.0億元,占年度投資計劃的97.2%。\n";
        assert_eq!(entries(text), own(&[("97.2%", "pass")]));
        let wrong = text.replace("97.2%", "99.2%");
        assert_eq!(entries(&wrong), own(&[("99.2%", "fail")]));
        // two amounts so named with different values: no whole
        let two = text.replace("。1-10月", "。全市年度投資計劃700億元。1-10月");
        assert_eq!(entries(&two), own(&[("97.2%", "unchecked")]));
    }

    #[test]
    fn fiscal_spending_said_loosely_is_the_general_budgets() {
        // a city's 2021 news: the part listed under the general budget's spending,
        // 411.6 ÷ 483 = 85.22 %
        let listed =
            "2021年全市一般公共预算支出483亿元,其中民生支出411.6亿元,占财政支出的85.2%。\n";
        assert_eq!(entries(listed), own(&[("85.2%", "pass")]));
        let wrong = listed.replace("85.2%", "58.2%");
        assert_eq!(entries(&wrong), own(&[("58.2%", "fail")]));
        // a city's half-year report: not listed under it, 28.1 ÷ 38.3 = 73.37 %; the
        // reading holds, and where it fails 财政收入 may be a total not printed
        let apart = "上半年,全市一般公共财政预算收入完成38.3亿元。全市税收收入28.1亿元,占财政收入比重为73.5%。\n";
        assert_eq!(entries(apart), own(&[("73.5%", "pass")]));
        let other = apart.replace("73.5%", "56.2%");
        assert_eq!(entries(&other), own(&[("56.2%", "unchecked")]));
        // a 财政收入 named as another's is not read so
        let more = apart.replace("占财政收入", "占中央财政收入");
        assert_eq!(entries(&more), own(&[("73.5%", "unchecked")]));
    }

    #[test]
    fn parts_whose_shares_of_a_printed_whole_add_up_to_all_of_it_make_it() {
        // the national procurement report, 2014, one item a paragraph: 10141.11 + 5230.04 +
        // 1934.25 = 17305.40, printed 17305.34, though each share holds on its own
        let text = "2014年全国政府采购规模为17305.34亿元。\n\n—工程类采购金额10141.11亿元, 占采购总规模的58.6% 。\n\n—货物类采购金额5230.04亿元,占采购总规模的30.2%。\n\n—服务类采购金额1934.25亿元,占采购总规模的11.2%。\n";
        let own_sum = ("17305.34", "fail");
        let each = [("58.6%", "pass"), ("30.2%", "pass"), ("11.2%", "pass")];
        let mut want = vec![own_sum];
        want.extend(each);
        assert_eq!(entries(text), own(&want));
        // printed as their sum, it holds
        let right = text.replace("17305.34", "17305.40");
        assert_eq!(entries(&right)[0], ("17305.40".into(), "pass".into()));
        // shares that do not add up to 100% say nothing of the sum
        let short = text.replace("11.2%", "10.2%");
        assert!(entries(&short).iter().all(|e| e.0 != "17305.34"));
        // nor do parts that may overlap (two units' purchases)
        let units = text
            .replace("工程类", "甲单位")
            .replace("货物类", "乙单位")
            .replace("服务类", "丙单位");
        assert!(entries(&units).iter().all(|e| e.0 != "17305.34"));
        // parts listed under the whole are added up by parts-sum, not again here
        let listed = "2014年全国政府采购规模为17305.34亿元,其中:工程类采购金额10141.11亿元,占采购总规模的58.6%;货物类采购金额5230.04亿元,占采购总规模的30.2%;服务类采购金额1934.25亿元,占采购总规模的11.2%。\n";
        assert_eq!(entries(listed), own(&each));
    }

    #[test]
    fn two_lists_of_one_whole_each_adding_up_to_all_of_it_are_read_apart() {
        // the national procurement report, 2021 (the Ministry of Finance's 简要情况 as reprinted
        // at antpedia.com/news/14/n-2997414.html): the whole broken down twice in one
        // paragraph, by kind and by how it was organised
        let text = "2021年全国政府采购规模为36,399亿元。\n\n从结构来看,货物、工程、服务政府采购规模\
                    分别为9,399.2亿元、16,961.2亿元和10,038.6亿元,占全国政府采购规模比例为25.8%、\
                    46.6%和27.6%。从组织形式来看,政府集中采购、部门集中采购、分散采购规模分别为\
                    9,744.3亿元、3,528.3亿元和23,126.4亿元,占全国政府采购规模的26.8%、9.7%和63.5%。\n";
        let sums = |t: &str| {
            entries(t)
                .into_iter()
                .filter(|e| e.0 == "36,399")
                .map(|e| e.1)
                .collect::<Vec<_>>()
        };
        assert_eq!(sums(text), ["pass", "pass"]);
        // a slip in the second list's parts fails its own sum only
        let slip = text.replace("3,528.3", "3,582.3");
        assert_eq!(sums(&slip), ["pass", "fail"]);
        // the first list short of 100%: the run is not cut, neither sum is said
        let short = text.replace("27.6%", "26.6%");
        assert!(sums(&short).is_empty(), "{:?}", entries(&short));
    }
}
