//! `parts-sum`: where the text breaks a total into its whole set of parts (其中 …, a list
//! of classification lines, the reasons for a change), the parts add up to the total.

use super::{Check, Out};
use crate::claims::prose::{
    amount, compared, complete, ends_sentence, names_budget_of_part, one_set, sentence_start,
    Breakdown, Kind, Mention, Prose, Tok,
};
use crate::claims::Claims;
use crate::document::Document;
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Cmp, Expr, Relation, Text};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::PartsSum,
    title_zh: "文字所列各部分之和等于总数",
    title_en: "Parts listed in the text add up to their total",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In the text, \"总数 T，其中：甲 A，乙 B，…\" (or \"…T 亿元中，甲 A，…\", or \"…T。在收入拨款中，\
               甲 A，…\", where the words between 在 and 中 name T — or 从…来看 — or \"…决算数 T。分项情况是：\
               甲 A，…\"; T may be a 预算数 stated alone in its sentence, and the parts final figures, \
               \"甲支出决算为 A 万元\"; the “三公”经费 may be named by their three items, \
               \"因公出国(境)费、公务用车购置及运行费和公务接待费的预算数 T\") \
               adds up when the parts are the whole \
               breakdown: a standard set of categories (income sources; 基本支出 and 项目支出; \
               人员经费 and 公用经费; the three 三公 items; 货物, 工程, 服务; 集中采购 and 分散采购; \
               kinds of staff, the rest of a set opening the sentences after), a \
               list closed by an 其他… part, or a list of classification lines (功能分类 项级 \
               items under their total, over several paragraphs). The amounts a change is \
               explained by (\"较上年减少 16.11 万元 … 减少 4.33 万元\") add up to the change \
               when they are the standard categories, and never exceed it. Where a whole \
               breakdown states each item's change on last year (\"比上年减少 X 万元\", \
               \"无增减\"), the changes add up to the total's change, signed. A list not known \
               to be whole (其中：地方财政收入 A，上划中央收入 B，上划省级收入 C) is said to \
               add up when its amounts (and then its changes) do, and is otherwise taken as a \
               selection, never as a failure; so is each of its clause groups of two parts or \
               more (一般债券 A，专项债券 B；新增债券 C，再融资债券 D). \"收入 A 亿元，加上 B 亿元、C 亿元，收入总计 T 亿元\" \
               states T = A + B + C (also where 加上 opens the next sentence, and with 合计, 共计, \
               总量, 总收入 or 总支出), as does \"财力 T 万元。由 A 万元，加 B 万元构成\", the total \
               first. A sentence of amounts alone closed by 合计, 总计 or 共计 naming the first \
               amount's side or neither (\"一般公共预算支出 A，上解省市支出 B，支出合计 T\"; \
               \"统筹分配税款 A、一般性补助款 B，共计 T\") is said to add up where it does: \
               without 加 to say so, the amounts may not all be the total's parts, and a \
               difference is not reported. Counts of people and vehicles are exact.",
        why: "A breakdown that does not add up means an item was dropped, doubled or misprinted.",
        tolerance: "Each printed amount stands for ±½ of its last digit (a bare 0 among amounts \
                    with decimals is nothing); counts are exact. A \
                    selection of parts (not the whole set) is checked by `subset` instead.",
        example: "实有人数 226 人，其中：行政人员 220 人，事业人员 5 人，离休人员 1 人，退休人员 0 \
                  人 holds; 227 fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "正文中，“总数 T，其中：甲 A，乙 B，…”这样的表述（或“…T 亿元中，甲 A，…”；或“…T。在\
               收入拨款中，甲 A，…”，其中“在”与“中”之间的词指明 T，也可以用“从…来看”；或“…决算数 T。\
               分项情况是：甲 A，…”；T 可以是所在句中单独列出的预算数，而各分项是决算数，如“甲支\
               出决算为 A 万元”；“三公”经费也可以用其三个项目来称呼，如“因公出国(境)费、公务用车\
               购置及运行费和公务接待费的预算数 T”），当各分项构成完整的分解时，各分项之和应等于\
               总数。完整的分解是指：一组标准类别（各项收入来源；基本支出和项目支出；人员经费和\
               公用经费；“三公”经费的三个项目；货物、工程、服务；集中采购和分散采购；各类人员；\
               一组类别中其余的类别也可以出现在随后几句的句首）；以一个“其他…”分项收尾的列举；或\
               一组分类科目（合计之下的功能分类项级科目，可以跨越多个段落）。用来解释某项增减的\
               各金额（“较上年减少 16.11 万元 … 减少 4.33 万元”），如果是标准类别，其和应等于该\
               增减额；在任何情况下都不得超过该增减额。如果完整分解逐项说明了与上年相比的增减（“比\
               上年减少 X 万元”“无增减”），各项增减额按正负号相加，应等于总数的增减额。无法确定\
               是否完整的列举（如“其中：地方财政收入 A，上划中央收入 B，上划省级收入 C”），如果\
               其金额之和（进而其增减额之和）相符，就报告为相加成立；否则视为选列的部分，绝不判\
               为不成立。列举中由两个及以上分项组成的每一组分句（如“一般债券 A，专项债券 B；新增\
               债券 C，再融资债券 D”）也照此处理。“收入 A 亿元，加上 B 亿元、C 亿元，收入总计 T 亿\
               元”表示 T = A + B + C（“加上”位于下一句句首时，以及用“合计”“共计”“总量”“总收入”或\
               “总支出”表述时，同样适用）；总数在前的“财力 T 万元。由 A 万元，加 B 万元构成”也是\
               如此。一句话只列金额、以“合计”“总计”或“共计”收尾，且收尾处与第一个金额同属收入或\
               支出（或都不指明）时（“一般公共预算支出 A，上解省市支出 B，支出合计 T”；“统筹分配\
               税款 A、一般性补助款 B，共计 T”），相加相符才报告成立：没有“加”字说明，这些金额未\
               必都是该总数的分项，相加不符时不报告。人数和车辆数按精确数核对。",
        why: "分项相加不等于总数，说明有某一项被遗漏、重复计算或印错。",
        tolerance: "每个印出的金额代表其末位 ±½ 的区间（在带小数的金额中，单独一个 0 视为无）；计\
                    数是精确的。选列的部分（不是整套分项）改由 subset 核对。",
        example: "“实有人数 226 人，其中：行政人员 220 人，事业人员 5 人，离休人员 1 人，退休人员 0 人”\
                  成立；实有人数若为 227 则不成立。",
    },
    find,
};

const RULE: Rule = Rule::PartsSum;

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    let prose = &claims.prose;
    for b in &claims.breakdowns {
        let Some(t) = doc.figure(b.total) else {
            continue;
        };
        let money = crate::claims::prose::is_money(t.unit);
        // (a count: "内设机构32个,其中综合管理机构11个,临床医技机构20个,后勤服务机构1个")
        let counted = !money && t.unit.is_some() && !t.number.percent;
        // a list not known to be whole (上划中央收入, 上划省级收入, 地方财政收入) may still
        // exhaust its total: said when its amounts add up, silent otherwise (a selection,
        // which `subset` checks)
        if !(b.complete || (money || counted) && b.parts.len() >= 2) {
            continue;
        }
        // (in a list not known to be whole, a part printed "0" is taken as nothing, not as
        // anything under ½: "8.77 = 0 + 8.47" does not add up, the third part is missing)
        let zero = |f: FigId| doc.figure(f).is_some_and(|x| x.number.value.is_zero());
        // the parts' sum and its words (the whole list's, or one clause group's)
        let sum_of = |parts: &[(FigId, String)]| {
            let terms = parts.iter().map(|(f, _)| {
                if money && (b.complete || !zero(*f)) {
                    amount(doc, *f, t.unit)
                } else {
                    Expr::Exact(*f)
                }
            });
            let labels: Vec<&str> = parts.iter().map(|x| x.1.as_str()).into_vec();
            let (zh, en) = super::parts_named(&labels);
            let what = Text::new(format!("总数 = {zh}"), format!("total = {en}"));
            (Expr::sum(terms), what)
        };
        let (sum, what) = sum_of(&b.parts);
        // "…收入221亿元。其中:省级收入62.2亿元;市县级收入158.8亿元。其中:税收收入150.6亿元;
        // 非税收入70.4亿元。": a 其中 opening its sentence after a list may break down the
        // list's last part or the list's own total again. Each reading is said where it holds.
        let outer = other_total(claims, b);
        if let Some(o) = outer {
            out.push(
                Relation::equals(RULE, o, sum.clone(), what.clone())
                    .context(b.context.clone())
                    .only_if_holds(),
            );
        }
        // each clause group of a list not known to be whole may be a breakdown of its own
        if !b.complete {
            for group in clause_groups(claims, b) {
                let (sum, what) = sum_of(group);
                out.push(
                    Relation::equals(RULE, b.total, sum, what)
                        .context(b.context.clone())
                        .only_if_holds(),
                );
            }
        }
        let mut rel = Relation::equals(RULE, b.total, sum, what).context(b.context.clone());
        // (nor is a total printed "0" anything under ½: "0 = 0 + 0.36 + 0" is no sum)
        if !money || !b.complete && zero(b.total) {
            rel = rel.exact_target();
        }
        // (a list whose total is uncertain, [`Breakdown::numbered`], is said where it holds)
        if !b.complete || b.numbered || outer.is_some() {
            rel = rel.only_if_holds();
        }
        out.push(rel);
    }
    for b in &claims.breakdowns {
        breakdown_changes(claims, b, out);
    }
    for p in prose {
        change_parts(doc, p, out);
    }
}

/// The change on last year stated for an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delta {
    /// A printed change, +1 增加 or −1 减少.
    Fig(FigId, i8),
    /// "较上年无增减", "与上年持平": no change.
    Zero,
    /// "比上年减少 万元": the template's blank, which adds nothing.
    Blank,
}

/// How far after a breakdown's last part its change is looked for, in tokens.
const CHANGE_REACH: usize = 200;

/// Words saying an amount did not change on last year.
const NO_CHANGE: &[&str] = &["无增减", "持平", "无变化", "没有变化", "未发生变化"];

/// The change stated for the amount at token `from`, in its own words up to token `to`:
/// the first change figure outside any parenthesis after it (a parenthesis holds its
/// sub-items' changes), "无增减"/"持平" before any, or a change word followed by its unit
/// and no figure (a blank). None when another amount, or the end of the sentence, comes
/// first.
fn change_after(p: &Prose<'_>, from: usize, to: usize) -> Option<Delta> {
    change_within(p, from, to, false)
}

/// [`change_after`], going on past the ends of sentences when `across` (an item of a
/// numbered list states its change in a sentence of its own: "1.…收入 382.17 万元，为…资金。
/// 较 2020 年度决算数减少 157.86 万元").
fn change_within(p: &Prose<'_>, from: usize, to: usize, across: bool) -> Option<Delta> {
    let mut depth = 0usize;
    let mut words = String::new();
    let mut k = p.mentions.partition_point(|m| m.at <= from);
    for at in from + 1..to {
        match p.toks.get(at)? {
            Tok::Ch(c) => {
                if matches!(c, '(' | '（') {
                    depth += 1;
                } else if matches!(c, ')' | '）') {
                    depth = depth.saturating_sub(1);
                } else if depth == 0 {
                    if ends_sentence(*c) {
                        if !across {
                            return None;
                        }
                        words.clear();
                        continue;
                    }
                    words.push(*c);
                    if NO_CHANGE.iter().any(|w| words.ends_with(w)) {
                        return Some(Delta::Zero);
                    }
                    let blank = ["万元", "亿元", "元"].iter().any(|u| {
                        words
                            .strip_suffix(u)
                            .is_some_and(|w| ["增加", "减少"].iter().any(|c| w.ends_with(c)))
                    });
                    if blank {
                        return Some(Delta::Blank);
                    }
                }
            }
            Tok::Fig(id) => {
                let m = p.mentions.get(k).filter(|m| m.fig == *id);
                if m.is_some() {
                    k += 1;
                }
                if depth > 0 {
                    continue;
                }
                words.clear();
                match m.map(|m| (m.kind, m)) {
                    Some((Kind::Change(d), _)) => return Some(Delta::Fig(*id, d)),
                    // "完成年初预算数 60999 万元的 40.4%": the amount's own budget
                    Some((Kind::Budget, m)) if names_budget_of_part(&m.lead) => {}
                    // "较2024年的 2190 万元减少 221 万元": last year's amount, compared with
                    Some((Kind::Level, m)) if compared(p, m) => {}
                    Some((Kind::Level | Kind::Budget | Kind::Final, _)) => return None,
                    _ => {}
                }
            }
        }
    }
    None
}

/// The other total a breakdown may have: that of the list whose last part is its total,
/// when its 其中 opens a sentence of the same paragraph (see `find`).
fn other_total(claims: &Claims<'_>, b: &Breakdown) -> Option<FigId> {
    let p = claims.prose_at(b.para)?;
    let opens = match p.toks.get(b.at.checked_sub(1)?)? {
        Tok::Ch(c) => ends_sentence(*c),
        Tok::Fig(_) => false,
    };
    // "(二)公务用车购置及运行费1116.14万元。其中:1、公务用车购置费34.71万元…2、公务用车运行费
    // 1116.14万元…" (a district's 2017 三公 account): halves its own total names are that
    // total's, not the list's before it
    let halves_of_its_total = b.complete
        && b.parts.iter().all(|(_, l)| {
            ["购置", "运行"]
                .iter()
                .any(|w| l.contains(w) && b.total_label.contains(w))
        });
    if !opens || b.numbered || halves_of_its_total {
        return None;
    }
    claims
        .breakdowns
        .iter()
        .find(|o| o.para == b.para && o.at < b.at && o.parts.last().is_some_and(|x| x.0 == b.total))
        .map(|o| o.total)
}

/// "发行地方政府债券8951亿元。其中,一般债券5210亿元,专项债券3741亿元;按用途划分,新增债券364
/// 亿元,再融资债券8587亿元" (the national debt report, 2021): a list of money parts in two
/// clause groups or more, each of two parts or more, may break its total down once in each
/// group. The groups, where there are such.
fn clause_groups<'b>(claims: &Claims<'_>, b: &'b Breakdown) -> Vec<&'b [(FigId, String)]> {
    let semi = |f: FigId| claims.mention(f).map(|m| m.semi);
    let Some(semis) = b
        .parts
        .iter()
        .map(|x| semi(x.0))
        .collect::<Option<Vec<_>>>()
    else {
        return Vec::new();
    };
    let mut groups = Vec::new();
    let mut from = 0;
    for k in 1..=semis.len() {
        if semis.get(k) != semis.get(from) {
            groups.extend(b.parts.get(from..k));
            from = k;
        }
    }
    if groups.len() < 2 || groups.iter().any(|g| g.len() < 2) {
        return Vec::new();
    }
    groups
}

/// "“三公”经费 29 万元，比上年增加 0.5 万元，其中：出国 0 万元，较上年无增减；用车 28 万元，
/// 较上年无增减；接待 1 万元，比上年增加 0.5 万元": when a whole breakdown states each
/// item's change, the changes add up as the amounts do (signed: 减少 subtracts).
fn breakdown_changes(claims: &Claims<'_>, b: &Breakdown, out: &mut Out) {
    let doc = claims.doc;
    let Ok(k) = claims.prose.binary_search_by_key(&b.para, |p| p.index) else {
        return;
    };
    let Some(p) = claims.prose.get(k) else { return };
    // the budgets the parts complete ("…支出决算为 27.46 万元，完成预算 29.6 万元的 92.8%，比
    // 上年决算数增加 6.32 万元") are followed by the changes of their final figures, not
    // their own
    let completed = |f: FigId| {
        claims
            .mention(f)
            .is_some_and(|m| m.kind == Kind::Budget && names_budget_of_part(&m.lead))
    };
    if b.parts.iter().any(|x| completed(x.0)) {
        return;
    }
    let at = |f: FigId| {
        claims.mention(f).filter(|m| doc.figure(m.fig).is_some_and(|x| matches!(x.place, crate::document::Place::Text { paragraph } if paragraph == b.para))).map(|m| m.at)
    };
    // the total before its 其中, in the same paragraph, or in the paragraph before it with
    // its change in its sentence ("…支出合计58.8亿元,比预算数减少12.71亿元。" / "报告说,…。
    // 其中:因公出国(境)经费16.2亿元,减少3.56亿元;…": a newspaper's report of the 2014
    // central final accounts); the parts after it, in order
    let (total_change, sign, far) = match at(b.total).filter(|&t| t < b.at) {
        Some(t_at) => match change_after(p, t_at, b.at) {
            Some(Delta::Fig(c, s)) => (c, s, false),
            _ => return,
        },
        None => {
            let (Some(tm), Some(tp)) = (claims.mention(b.total), claims.prose_of(b.total)) else {
                return;
            };
            let before = k.checked_sub(1).and_then(|j| claims.prose.get(j));
            if !before.is_some_and(|x| std::ptr::eq(x, tp)) {
                return;
            }
            match change_after(tp, tm.at, tp.sentence_end(tm.at)) {
                Some(Delta::Fig(c, s)) => (c, s, true),
                _ => return,
            }
        }
    };
    // a template's 减少（增加）: no direction, no signed sum
    if sign == 0 {
        return;
    }
    // each part's paragraph, place, and where its words end
    let mut places: Vec<(&Prose<'_>, usize, usize)> = Vec::new();
    if b.numbered {
        // items of a numbered list, in this paragraph or the ones after it: each one's words
        // run to the next item or to the end of its paragraph
        for (f, _) in &b.parts {
            let (Some(m), Some(q)) = (claims.mention(*f), claims.prose_of(*f)) else {
                return;
            };
            if let Some(last) = places.last_mut() {
                if std::ptr::eq(last.0, q) {
                    last.2 = m.at;
                }
            }
            places.push((q, m.at, q.toks.len().min(m.at.saturating_add(CHANGE_REACH))));
        }
    } else {
        for (f, _) in &b.parts {
            match at(*f) {
                Some(a) if a > b.at && places.last().is_none_or(|l| l.1 < a) => {
                    // bounded: a megabyte-long "sentence" is not walked once per breakdown
                    let end = p.sentence_end_within(a, a.saturating_add(CHANGE_REACH));
                    if let Some(last) = places.last_mut() {
                        last.2 = a;
                    }
                    places.push((p, a, end));
                }
                _ => return,
            }
        }
    }
    let unit = doc.figure(total_change).and_then(|f| f.unit);
    let (mut plus, mut minus) = (Vec::new(), Vec::new());
    let mut figs = 0;
    for &(q, a, end) in &places {
        match change_within(q, a, end, b.numbered) {
            Some(Delta::Fig(_, 0)) => return,
            Some(Delta::Fig(f, d)) => {
                if !crate::claims::prose::same_family(doc.figure(f).and_then(|x| x.unit), unit) {
                    return;
                }
                figs += 1;
                let term = amount(doc, f, unit);
                if d == sign {
                    plus.push(term);
                } else {
                    minus.push(term);
                }
            }
            Some(Delta::Zero | Delta::Blank) => {}
            None => return,
        }
    }
    if figs == 0 {
        return;
    }
    let labels: Vec<&str> = b.parts.iter().map(|x| x.1.as_str()).into_vec();
    let expr = signed_sum(plus, minus);
    let rel = Relation::equals(
        RULE,
        total_change,
        expr,
        Text::new(
            format!("总数的增减额 = {} 的增减额之和", labels.join("、")),
            format!("change of the total = the changes of {}", labels.join(", ")),
        ),
    )
    .context(b.context.clone());
    // the changes of a list not known to be whole say something only when they add up; so
    // do those of a total a paragraph away, whose change may be on another base than theirs
    out.push(if b.complete && !far {
        rel
    } else {
        rel.only_if_holds()
    });
}

/// "比上年减少 20.46 万元，降低 7.72%，主要原因是…支出较上年减少 16.11 万元；…减少 4.33
/// 万元": the amounts after the rate explain the change. So do the changes a 其中 lists right
/// after it, each with its rate, in its sentence or opening the next ("…“三公”经费支出决算数
/// 比2017年减少518,378.24元,下降81.75%。其中:因公出国(境)费支出决算减少466,964.80元,下降
/// 92.46%;公务用车购置及运行费支出决算减少33,348.44元,…;公务接待费支出决算减少18,065.00
/// 元,…", 昆明市科学技术局 2018): a whole standard set of them adds up to it, signed (减少
/// subtracts from a total 增加).
fn change_parts(doc: &Document, p: &Prose<'_>, out: &mut Out) {
    let ms = &p.mentions;
    for (i, m) in ms.iter().enumerate() {
        let Kind::Change(d) = m.kind else { continue };
        // (a template's 减少（增加）: the parts' directions cannot be matched)
        if d == 0 {
            continue;
        }
        // its rate, when stated right after it
        let rated = matches!(ms.get(i + 1).map(|x| x.kind), Some(Kind::Rate(_)));
        let first = i + 1 + usize::from(rated);
        // ("较上年减少 1.33 万元，下降 4.12%，较年初预算数减少 0.07 万元；…": a change on
        // the budget is no part of a change on last year, nor the other way round)
        let on_budget = |x: &Mention| x.lead.contains("预算");
        // a 其中 right after the rate, or opening the sentence after
        let rate_at = if rated {
            ms.get(i + 1).map_or(m.at, |r| r.at)
        } else {
            m.at
        };
        let next = ms.get(first);
        let next_lists =
            next.is_some_and(|x| x.sentence == m.sentence + 1 && opens_with_qizhong(p, x.at));
        let listed = next_lists
            || next.is_some_and(|x| {
                x.sentence == m.sentence
                    && p.text_between(rate_at + 1, x.at)
                        .trim_start_matches(&[',', '，', ';', '；'][..])
                        .starts_with("其中")
            });
        // (causes explaining a change follow its rate)
        if !rated && !listed {
            continue;
        }
        let mut parts: Vec<&Mention> = Vec::new();
        // (whether the last mention taken is a part's change: its rate may follow it)
        let mut after_part = false;
        for x in ms.iter().skip(first) {
            if x.sentence != m.sentence && !(next_lists && x.sentence == m.sentence + 1) {
                break;
            }
            match x.kind {
                Kind::Change(e) if e != 0 && on_budget(x) != on_budget(m) => {
                    parts.clear();
                    break;
                }
                Kind::Change(e) if e != 0 => {
                    parts.push(x);
                    after_part = true;
                    continue;
                }
                Kind::Rate(_) if after_part && listed => {}
                Kind::Other => {}
                _ => {
                    parts.clear();
                    break;
                }
            }
            after_part = false;
        }
        if parts.len() < 2 {
            continue;
        }
        let labels: Vec<String> = parts
            .iter()
            .map(|x| {
                let l = x.lead.trim_start_matches("其中");
                let cut = ["较上年", "比上年", "同比", "与上年"]
                    .iter()
                    .filter_map(|k| l.find(k))
                    .min()
                    .unwrap_or(l.len());
                let l = l.get(..cut).unwrap_or(l);
                // (a listed part's words end with its verb: "公务接待费支出决算减少")
                ["减少", "增加", "下降", "增长", "降低"]
                    .iter()
                    .find_map(|v| l.strip_suffix(v))
                    .unwrap_or(l)
                    .to_string()
            })
            .into_vec();
        let whole = complete(&labels) && one_set(&labels);
        let against = |x: &Mention| x.kind != Kind::Change(d);
        // (parts going both ways add up only as a whole set; so do a 其中's)
        if !whole && (parts.iter().any(|x| against(x)) || listed) {
            continue;
        }
        let (less, with): (Vec<_>, Vec<_>) = parts.iter().partition(|x| against(x));
        let term = |x: &&Mention| amount(doc, x.fig, m.unit);
        let sum = signed_sum(
            with.iter().map(term).into_vec(),
            less.iter().map(term).into_vec(),
        );
        let (zh, en) = super::parts_named(&labels);
        let what = Text::new(format!("增减额 = {zh}"), format!("change = {en}"));
        let rel = Relation::equals(RULE, m.fig, sum, what).context(p.sentence_text(m.at));
        // the main causes of a net change need not add up to it or stay below it: what
        // else changed may have gone the other way ("减少 2013.77 万元，主要是由于…减少
        // 1446.37 万元和…减少 579.10 万元", while another line grew by 87.35)
        out.push(if whole {
            rel
        } else {
            rel.cmp(Cmp::AtLeast).only_if_holds()
        });
    }
}

/// Whether the sentence holding token `at` opens with 其中.
fn opens_with_qizhong(p: &Prose<'_>, at: usize) -> bool {
    p.word_at(sentence_start(p, at), "其中")
}

/// The terms going the total's way less those going the other way (a plain sum when none
/// does).
fn signed_sum(with: Vec<Expr>, less: Vec<Expr>) -> Expr {
    if less.is_empty() {
        Expr::sum(with)
    } else {
        Expr::difference(Expr::sum(with), Expr::sum(less))
    }
}

#[cfg(test)]
mod tests {
    use crate::eval::{evaluate, Status};
    use crate::read::read_text;
    use crate::relation::Rule;

    /// The parts-sum relations a text's report shows, as (reported figure, status): not
    /// those said only where they hold and that do not.
    fn said(text: &str) -> Vec<(String, String)> {
        crate::checks::reported(text, "parts-sum")
    }

    /// The parts-sum verdicts of a text, as (reported figure, status).
    fn verdicts(text: &str) -> Vec<(String, Status)> {
        let doc = read_text(text);
        crate::checks::find_all(&doc)
            .iter()
            .filter(|r| r.rule == Rule::PartsSum)
            .map(|r| {
                (
                    doc.figure(r.target).unwrap().raw.to_string(),
                    evaluate(&doc, r).status,
                )
            })
            .collect()
    }

    #[test]
    fn each_clause_group_of_a_list_may_break_down_its_total() {
        // the national debt report for 2021's first quarter: 5210 + 3741 = 364 + 8587 = 8951
        let text = "2021年1至3月,全国发行地方政府债券8951亿元。其中,一般债券5210亿元,专项债券3741亿元;按用途划分,新增债券364亿元,再融资债券8587亿元。\n";
        let both = vec![("8951".to_string(), "pass".to_string()); 2];
        assert_eq!(said(text), both);
        // a group that does not add up is a selection, not said
        let one = text.replace("8587", "8580");
        assert_eq!(said(&one), both[..1]);
        // one part in a group: the groups are not read as breakdowns
        let single = text.replace(",专项债券3741亿元;", ";专项债券3741亿元;");
        assert_eq!(said(&single), []);
        // one group alone is the list itself, said once
        let alone = "全国发行地方政府债券8951亿元。其中,一般债券5210亿元,专项债券3741亿元。\n";
        assert_eq!(verdicts(alone), [("8951".to_string(), Status::Pass)]);
    }

    #[test]
    fn the_three_items_named_together_are_the_sangong_total() {
        // 审计署's 2010 三公 budget (wenweipo.com, 2011-07-11): the total stated by the three
        // items' names, its parts listed in the next paragraph under "…预算中"
        let text = |part: &str| {
            format!(
                "审计署公布：2010年因公出国(境)费、公务用车购置及运行费和公务接待费的财政拨款预算数2711.65万元、决算数2488.79万元。\n\
                 2010年审计署“三公经费”财政拨款预算中，因公出国(境)费617万元，公务用车购置及运行费{part}万元，公务接待费865万元。\n"
            )
        };
        assert_eq!(
            verdicts(&text("1229.65")),
            [("2711.65".to_string(), Status::Pass)]
        );
        assert_eq!(
            verdicts(&text("1292.65")),
            [("2711.65".to_string(), Status::Fail)]
        );
        // in traditional script, as published
        let trad = text("1229.65")
            .replace("审计署", "審計署")
            .replace("财政拨款预算", "財政撥款預算")
            .replace("公务", "公務")
            .replace("国", "國");
        assert_eq!(verdicts(&trad), [("2711.65".to_string(), Status::Pass)]);
        // two of the items are not the 三公经费: no total to add up to
        let two = text("1229.65").replace("因公出国(境)费、公务用车", "公务用车");
        assert_eq!(verdicts(&two), []);
    }

    #[test]
    fn a_budget_named_by_its_stage_alone_is_of_what_the_sentence_named_first() {
        // the same report goes on "…，2011年预算数2687.06万元", and lists 2011's parts in a
        // sentence of their own
        let text = |part: &str| {
            format!(
                "审计署公布：2010年因公出国(境)费、公务用车购置及运行费和公务接待费的财政拨款预算数2711.65万元、决算数2488.79万元，2011年预算数2687.06万元。\n\
                 2011年审计署“三公经费”财政拨款预算中，因公出国(境)费617万元(零增长)，公务用车购置及运行费{part}万元(较2010年压缩2%)，公务接待费865万元(零增长)。\n"
            )
        };
        assert_eq!(
            verdicts(&text("1205.06")),
            [("2687.06".to_string(), Status::Pass)]
        );
        assert_eq!(
            verdicts(&text("1250.06")),
            [("2687.06".to_string(), Status::Fail)]
        );
        // also in a sentence of its own
        let own = text("1205.06").replace("万元，2011年", "万元。2011年");
        assert!(
            verdicts(&own).contains(&("2687.06".to_string(), Status::Pass)),
            "{:?}",
            verdicts(&own)
        );
        // after an amount of something else, a budget so named is of that
        let other =
            text("1205.06").replace("决算数2488.79万元，", "决算数2488.79万元，会议费2.5万元，");
        assert_eq!(verdicts(&other), []);
        // a budget named by no amount before it is of nothing named
        let alone = text("1205.06").replace(
            "的财政拨款预算数2711.65万元、决算数2488.79万元，2011年",
            "的财政拨款。2011年",
        );
        assert_eq!(verdicts(&alone), []);
    }

    #[test]
    fn sangong_zhong_names_the_sangong_total_of_the_sentence_before() {
        // the 2015 central final accounts, as reported (cyol.com, 2016-06-29): "“三公”经费中，"
        // opens the list of the 三公经费支出合计 stated, with whose they are, before it
        let text =
            "2015年中央行政事业单位财政拨款的“三公”经费支出合计53.73亿元,比预算数减少9.43亿元。\
                    “三公”经费中,因公出国(境)经费17.44亿元,比预算数减少1.94亿元;\
                    公务用车购置及运行费30.87亿元,减少3.72亿元;公务接待费5.42亿元,减少3.77亿元。\n";
        let got = verdicts(text);
        assert!(
            got.contains(&("53.73".to_string(), Status::Pass)),
            "{got:?}"
        );
        let got = verdicts(&text.replace("30.87", "38.07"));
        assert!(
            got.contains(&("53.73".to_string(), Status::Fail)),
            "{got:?}"
        );
        // 经费 are spent: named without 支出 or the entity
        let plain = "2015年“三公”经费支出合计53.73亿元。“三公”经费中,因公出国(境)经费17.44亿元,公务用车购置及运行费30.87亿元,公务接待费5.42亿元。\n";
        assert_eq!(verdicts(plain), [("53.73".to_string(), Status::Pass)]);
        // another amount's 中 lists nothing of it
        let other = plain.replace("“三公”经费中", "会议费中");
        assert_eq!(verdicts(&other), []);
    }

    #[test]
    fn a_count_listed_in_parts_is_said_to_add_up_where_it_does() {
        // a maternal and child hospital's 2017 final accounts (天水市妇幼保健院,
        // www.tianshui.gov.cn/wjw/info/1251/106532.htm): counts are exact, and a list not
        // known to be whole is said only where it adds up
        let text = "医院现有内设机构32个,其中综合管理机构11个,临床医技机构20个,后勤服务机构1个。\n";
        assert_eq!(said(text), [("32".to_string(), "pass".to_string())]);
        assert_eq!(said(&text.replace("机构1个", "机构2个")), []);
    }

    #[test]
    fn the_car_item_named_by_its_vehicles_completes_the_sangong_list() {
        // a transport office's 2015 final accounts (czj.gnzrmzf.gov.cn/info/1157/7658.htm):
        // 车辆运行费 is the car item, and the three items do not make up the total
        // (as reported: a list not known to be whole is said only where it adds up)
        let fail = [("31.23".to_string(), "fail".to_string())];
        let text = "2015年部门决算公开“三公”经费合计31.23万元,其中:公务接待费1.58万元,车辆运行费28.91万元,因公出国(境)费0万元。\n";
        assert_eq!(said(text), fail);
        let held = text.replace("28.91", "29.65");
        assert_eq!(said(&held), [("31.23".to_string(), "pass".to_string())]);
        assert_eq!(said(&text.replace("车辆运行费", "公车运行费")), fail);
    }

    #[test]
    fn a_qizhong_list_goes_on_over_the_sentences_and_clauses_its_items_open() {
        // 鹿寨县 2019 三公 决算 (luzhai.gov.cn, t20210226_2616318): the first item ends its
        // sentence, the car item is given as its two halves, one after a ；
        let text = "2019年,“三公”经费决算支出数为1165.08万元,按同口径同比减少63.96万元,下降5.2%。其中:因公出国(境)费支出0万元。公务用车购置费支出204.78万元,同比减少54.2万元,下降20.93%;公务用车运行维护费支出664.60万元,同比增加53.81万元,增长8.81%。公务接待费支出295.70万元,同比减少60.14万元,下降16.9%。\n";
        assert_eq!(verdicts(text), [("1165.08".to_string(), Status::Pass)]);
        let wrong = text.replace("664.60", "646.60");
        assert_eq!(verdicts(&wrong), [("1165.08".to_string(), Status::Fail)]);
        // the car item named whole and then by its halves is no set of parts: nothing is said
        let twice = text.replace(
            "支出0万元。",
            "支出0万元。公务用车购置及运行维护费支出869.38万元。",
        );
        assert_eq!(verdicts(&twice), []);
        // an item of another set ends the list: nothing is said
        let other = text.replace("公务接待费支出295.70", "会议费支出295.70");
        assert_eq!(verdicts(&other), []);
        // the car's halves split by the reception item: the list is whole only at the
        // second half
        let split = "2019年,“三公”经费决算支出数为1165.08万元。其中:因公出国(境)费支出0万元。公务用车购置费支出204.78万元。公务接待费支出295.70万元。公务用车运行维护费支出664.60万元。\n";
        assert_eq!(verdicts(split), [("1165.08".to_string(), Status::Pass)]);
        // a catch-all closes a list of no standard set
        let other = "2019年收入合计100万元,其中:房租收入60万元。其他收入40万元。\n";
        assert_eq!(verdicts(other), [("100".to_string(), Status::Pass)]);
        assert_eq!(
            verdicts(&other.replace("40万元", "30万元")),
            [("100".to_string(), Status::Fail)]
        );
    }

    #[test]
    fn a_list_before_the_paragraph_names_its_classification_lines_is_a_selection() {
        // a city's 1-5月 execution report: the main taxes, then "主要支出科目情况如下" further
        // on in the same paragraph; the five taxes are not all of 税收收入 (450.2 of 579.9)
        let text = "——主要税种收入情况。1-5月全市税收收入完成579.9亿元,下降20.8%。其中:增值税完成194.5亿元,下降26.7%;企业所得税完成118.1亿元,下降11.9%;契税完成60.3亿元,下降17.8%;土地增值税完成40亿元,下降32.6%;城镇土地使用税完成37.3亿元,下降30.9%。\n\
                    ——主要支出情况。全市一般公共预算支出完成1611.9亿元,下降3.5%。主要支出科目情况如下:\n\
                    1.教育支出265.8亿元,下降3.4%。\n";
        let fail = [("579.9".to_string(), "fail".to_string())];
        assert!(!reported(text).contains(&fail[0]), "{:?}", reported(text));
        // after the classification lines are named, a list is of them, and whole
        let after = text.replace("——主要税种收入情况。", "——主要税种收入情况(按科目)。");
        assert_eq!(reported(&after), fail);
    }

    #[test]
    fn a_budget_stated_alone_is_the_total_of_its_parts() {
        // a budget disclosure states its amounts as 预算数 (the Ministry of Finance's 2014
        // 三公 budget, stdaily.com mirror of chinanews, 2014-04-18): the parts add up to it,
        // and a wrong part fails
        let text = "财政部4月18日公布的数据显示,2014年“三公”经费预算数4891.27万元,其中因公出国(境)费2691.26万元,公务用车购置及运行费1760.59万元,公务接待费439.42万元。\n";
        assert_eq!(verdicts(text), [("4891.27".to_string(), Status::Pass)]);
        let wrong = text.replace("439.42", "493.42");
        assert_eq!(verdicts(&wrong), [("4891.27".to_string(), Status::Fail)]);
        // with its change on last year beside it, the budget is still the total
        let changed = "“三公”经费预算数为100万元，比上年减少5万元，下降4.8%，其中：因公出国（境）费20万元，公务用车购置及运行费50万元，公务接待费30万元。\n";
        assert_eq!(verdicts(changed), [("100".to_string(), Status::Pass)]);
    }

    #[test]
    fn an_amount_followed_by_zhong_is_divided_like_qizhong() {
        // "…预算 79.69 亿元中，…" (xmwb.xinmin.cn, 2013-04-18, on the central 三公 budget)
        let text = "2013年中央本级“三公经费”财政拨款预算79.69亿元中,因公出国(境)费21.36亿元,公务用车购置及运行费43.99亿元,公务接待费14.34亿元。\n";
        assert_eq!(verdicts(text), [("79.69".to_string(), Status::Pass)]);
        let wrong = text.replace("43.99", "44.99");
        assert_eq!(verdicts(&wrong), [("79.69".to_string(), Status::Fail)]);
        // in traditional script too
        let trad = "2013年中央本級“三公經費”財政撥款預算79.69億元中,因公出國(境)費21.36億元,公務用車購置及運行費43.99億元,公務接待費14.34億元。\n";
        assert_eq!(verdicts(trad), [("79.69".to_string(), Status::Pass)]);
        // a year is no amount: "2013年中，…" opens no list
        assert_eq!(verdicts("2013年中,收入100万元,支出80万元。\n"), []);
    }

    #[test]
    fn a_list_of_final_figures_breaks_down_a_final_figure() {
        // the 决算 template's wording: each part "支出决算为 X 万元"
        let text = "2019年度“三公”经费财政拨款支出决算为20.00万元，较上年减少5.00万元，下降20%。其中：因公出国（境）费支出决算为0万元；公务用车购置及运行费支出决算为15.00万元；公务接待费支出决算为5.00万元。\n";
        assert_eq!(verdicts(text), [("20.00".to_string(), Status::Pass)]);
        let wrong = text.replace("15.00万元", "16.00万元");
        assert_eq!(verdicts(&wrong), [("20.00".to_string(), Status::Fail)]);
        // budget records (each item's budget and final figure) are no list of parts
        let records = "“三公”经费支出决算为20.00万元。其中：公务接待费预算数为6.00万元，决算数为5.00万元；公务用车运行费预算数为16.00万元，决算数为15.00万元。\n";
        assert_eq!(verdicts(records), []);
        // nor are a budget's parts final figures
        let budget = "“三公”经费预算数为30.00万元。其中：因公出国（境）费支出决算为0万元；公务用车购置及运行费支出决算为15.00万元；公务接待费支出决算为5.00万元。\n";
        assert_eq!(verdicts(budget), []);
    }

    #[test]
    fn a_qizhong_of_changes_adds_up_to_the_change_before_it() {
        // 昆明市科学技术局's 2018 三公 note (kjj.km.gov.cn), as printed: the 其中 opens the
        // next sentence, each item with its rate; 466,964.80 + 33,348.44 + 18,065.00
        let text = "2018年度一般公共预算财政拨款“三公”经费支出决算数比2017年减少518,378.24元,下降81.75%。其中:因公出国(境)费支出决算减少466,964.80元,下降92.46%;公务用车购置及运行费支出决算减少33,348.44元,下降35.33%;公务接待费支出决算减少18,065.00元,下降52.07%。\n";
        assert_eq!(said(text), [("518,378.24".into(), "pass".into())]);
        // (each part named without its verb)
        let report = crate::check_str(text).unwrap();
        let named = report
            .checks
            .iter()
            .find(|e| e.reported == "518,378.24")
            .map(|e| e.relation.zh.clone())
            .unwrap_or_default();
        assert!(
            named.contains("公务接待费支出决算") && !named.contains("减少"),
            "{named}"
        );
        assert_eq!(
            said(&text.replace("18,065.00元", "19,065.00元")),
            [("518,378.24".into(), "fail".into())]
        );
        // in its own sentence with no rate, the items going both ways (a 2015 三公 note):
        // (1.6 + 0.47) − 0.58 = 1.49
        let mixed = "2015年度“三公”经费财政拨款支出决算数比2014年减少1.49万元，其中：因公出国(境)支出决算减少1.6万元；公务用车购置及运行费支出决算减少0.47万元；公务接待支出决算增加0.58万元。\n";
        assert_eq!(said(mixed), [("1.49".into(), "pass".into())]);
        assert_eq!(
            said(&mixed.replace("减少1.49万元", "减少1.59万元")),
            [("1.59".into(), "fail".into())]
        );
        // an item's change is no total of the items after it; a list not whole is not summed
        let part = "2018年度“三公”经费支出决算数比2017年减少500元,下降50%。其中:因公出国(境)费支出决算减少400元,下降80%;公务接待费支出决算减少60元,下降20%;会议费支出决算减少40元,下降10%。\n";
        assert_eq!(said(part), []);
        // changes side by side, with no rate and no 其中, are siblings, not a change and
        // its causes
        let siblings =
            "因公出国费比上年减少3万元,公务接待费比上年减少2万元,公务用车运行费比上年减少1万元。\n";
        assert_eq!(said(siblings), []);
        // the car item whole and its halves are no one set (the halves break down the whole)
        let halves = "“三公”经费支出决算数比上年减少10万元,下降20%。其中:因公出国(境)费支出决算减少2万元,下降50%;公务用车购置及运行费支出决算减少5万元,下降20%,其中:公务用车购置费减少3万元;公务用车运行费减少2万元;公务接待费支出决算减少3万元,下降30%。\n";
        assert!(
            said(halves).iter().all(|x| x.0 != "10"),
            "{:?}",
            said(halves)
        );
    }

    #[test]
    fn each_final_figure_may_carry_its_completion_and_its_change() {
        // the 部门决算 三公 template: each part states the budget it completes and its change
        let text = "2019年度“三公”经费财政拨款支出决算为35.20万元，完成预算的88.0%，比上年决算减少5.10万元，下降12.7%。其中：因公出国（境）费支出决算为0万元，完成预算的0%；公务用车购置及运行维护费支出决算为25.10万元，完成预算29.00万元的86.6%，比上年决算减少3.00万元，下降10.7%；公务接待费支出决算为10.10万元，完成预算12.00万元的84.2%，比上年决算减少2.10万元，下降17.2%。\n";
        let sums = |t: &str| {
            verdicts(t)
                .into_iter()
                .filter(|v| v.0 == "35.20")
                .collect::<Vec<_>>()
        };
        assert_eq!(sums(text), [("35.20".to_string(), Status::Pass)]);
        let wrong = text.replace("10.10万元", "11.10万元");
        assert_eq!(sums(&wrong), [("35.20".to_string(), Status::Fail)]);
    }

    #[test]
    fn a_nested_list_ends_at_a_sibling_of_the_part_it_breaks_down() {
        // 广东省财政厅's 2023 三公 note (gd.gov.cn), the amounts as printed: the car item's
        // 其中 lists its halves, and 公务接待费 after them is the outer list's third item
        let text = "广东省财政厅2023年度“三公”经费财政拨款支出决算为62.07万元,完成全年预算84.82万元的73.2%,比上年决算数增加38.97万元,增长168.7%;比2019年(疫情前)决算数减少24.87万元,降低28.6%。其中:因公出国(境)费支出决算为12.02万元,完成预算12.02万元的100%,比上年决算数增加12.02万元,增长--(基数为0,不可比);公务用车购置及运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%,比上年决算数增加6.32万元,增长29.9%;其中:公务用车购置支出决算为0万元,完成预算0万元的--%(基数为0,不可比),比上年决算数增加0万元,增长--(基数为0,不可比);公务用车运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%,比上年决算数增加6.32万元,增长29.9%;公务接待费支出决算为22.59万元,完成预算43.2万元的52.3%,比上年决算数增加20.63万元,增长1,055.4%。\n";
        let got = said(text);
        for (fig, status) in [
            // 12.02 + 27.46 + 22.59, and the budgets 12.02 + 29.6 + 43.2
            ("62.07", "pass"),
            ("84.82", "pass"),
            // the changes: 12.02 + 6.32 + 20.63
            ("38.97", "pass"),
            // the halves: 0 + 27.46, their budgets 0 + 29.6 and changes 0 + 6.32
            ("27.46", "pass"),
            ("29.6", "pass"),
            ("6.32", "pass"),
        ] {
            assert!(got.contains(&(fig.into(), status.into())), "{fig}: {got:?}");
        }
        // 公务接待费 is no half of the car item: nothing is said of it against 27.46
        assert!(got.iter().all(|g| g.1 == "pass"), "{got:?}");
        // the changes are said once, of the final figures (not again of the budgets)
        assert_eq!(got.iter().filter(|g| g.0 == "38.97").count(), 1, "{got:?}");
        let wrong = text.replace("为22.59万元", "为32.59万元");
        assert!(
            said(&wrong).contains(&("62.07".into(), "fail".into())),
            "{:?}",
            said(&wrong)
        );
        // in a sentence of its own too, and for other standard sets
        let own = "本年支出1500万元，其中：基本支出1000万元，其中：人员经费800万元，公用经费210万元；项目支出500万元。\n";
        assert_eq!(
            said(own),
            [
                ("1500".into(), "pass".into()),
                ("1000".into(), "fail".into())
            ]
        );
        // a nested 其中 opening a sentence of its own after the part it breaks down
        let next = "2019年度“三公”经费财政拨款支出决算为62.07万元,完成预算的73.2%。其中:因公出国(境)费支出决算为12.02万元,完成预算的100%;公务用车购置及运行维护费支出决算为27.46万元,完成预算的92.8%。其中:公务用车购置支出决算为0万元;公务用车运行维护费支出决算为27.46万元;公务接待费支出决算为22.59万元,完成预算的52.3%。\n";
        assert_eq!(
            said(next),
            [
                ("62.07".into(), "pass".into()),
                ("27.46".into(), "pass".into())
            ]
        );
        // a nested list stated in words ends at the clause group after it (a 2014 news report
        // of 国资委's budget, as printed; the amounts changed so that 接待费 exceeds the car's)
        let words = "预算总数为2893.78万元,其中因公出国(境)费1391.37万元;公务用车购置及运行费238.93万元,其中购置费为零;公务接待费1263.48万元。\n";
        assert_eq!(said(words), [("2893.78".into(), "pass".into())]);
        // a list whose first part names a sibling of the amount before it is not cut: that
        // amount's label is the tail of a longer name (鶴山市水務局 2018, as printed)
        let tail = "鶴山市水務局2018年用一般公共預算財政撥款數開支的出國(境)經費、車輛購置及運行費、公務接待費(簡稱“三公”經費)支出合計24.75萬元。其中:因公出國(境)經費支出0萬元;公務用車購置費支出0萬元;公務用車運行維護費支出8.2萬元;公務接待費支出16.55萬元。\n";
        assert_eq!(said(tail), [("24.75".into(), "pass".into())]);
    }

    #[test]
    fn a_list_after_baokuo_holds_the_parts_of_the_amount_before_it() {
        // a Miaoli county budget report (chinatimes.com, 2025-11-11), as printed; the base of
        // the change after it (last year's budget) is no budget record that hides the list
        let text = "補助及協助收入編列50.48億，包括中央一般性補助款17.56億元、中央計畫型補助款32.91億元，佔歲入總額16.58％, 較上年度法定預算數141.68億元，減少 91.2億元。\n";
        assert_eq!(said(text), [("50.48".to_string(), "pass".to_string())]);
        // not known to be whole: a list short of its total is not said to be wrong
        assert_eq!(said(&text.replace("32.91", "30.91")), []);
        // 包括 naming kinds of spending inside a 其中's sentence leaves the 其中 whole (the
        // sample's lines, as printed, up to 公用经费)
        let kinds = "2019 年度一般公共预算财政拨款基本支出 6996.36 万元，  \n其中：\n\n人员经费 5867.07 万元，包括：基本工资、津贴补贴、  \n奖金、绩效工资。\n\n公用经费 1129.29 万元，包括：办公费、印刷费。\n";
        assert_eq!(said(kinds), [("6996.36".to_string(), "pass".to_string())]);
        // inside a 其中's sentence it lists a part's parts, and the 其中's list goes on
        let nested = "收入预算总额为7783.26万元。其中:财政拨款收入751.8万元,包括一般公共预算收入700万元、政府性基金51.8万元;其他收入7000万元;上年结转31.46万元。\n";
        let got = said(nested);
        assert!(got.contains(&("7783.26".into(), "pass".into())), "{got:?}");
    }

    #[test]
    fn a_budget_beside_a_final_figure_or_completed_is_no_total() {
        // the 其中 breaks down the final figure, not the budget before it
        let both =
            "2019年年初预算数为100万元，决算数为90万元，其中：基本支出60万元，项目支出30万元。\n";
        assert_eq!(verdicts(both), [("90".to_string(), Status::Pass)]);
        // a budget completed is the base of a rate, not what the 其中 divides
        let completed = "完成年初预算数100万元的90%，其中：基本支出60万元，项目支出30万元。\n";
        assert_eq!(verdicts(completed), []);
    }

    #[test]
    fn the_amount_compared_with_is_no_total_of_the_parts() {
        // modelled on a city's 三公 budget (mz.gov.cn, 2025): the parts add up to this year's 1969,
        // not to 2024's 2190 named in the comparison; the changes add up to the total's
        let text = "2025年全县“三公”经费财政拨款预算总额为1969万元,较2024年的2190万元减少221万元,下降10.1%;其中:因公出国(境)费40万元,与上年持平;公务接待费242万元,比上年减少12万元,下降4.7%;公务用车购置及运行维护费1687万元,比上年减少209万元,下降11%。\n";
        let v = verdicts(text);
        assert!(v.contains(&("1969".into(), Status::Pass)), "{v:?}");
        assert!(v.contains(&("221".into(), Status::Pass)), "{v:?}");
        assert!(v.iter().all(|(r, _)| r != "2190"), "{v:?}");
        // a wrong part now fails against this year's total
        let v = verdicts(&text.replace("1687万元", "1690万元"));
        assert!(v.contains(&("1969".into(), Status::Fail)), "{v:?}");
        // 上年结转 is this year's amount, carried over: a total of its parts
        let v = verdicts("上年结转 100 万元，其中：基本支出结转 60 万元，项目支出结转 40 万元。\n");
        assert_eq!(v, [("100".to_string(), Status::Pass)]);
    }

    #[test]
    fn a_zero_part_lends_no_rounding_to_a_list_not_known_to_be_whole() {
        // modelled on a district bureau's 三公 account (021fenlei.com, Jiading 2017) cut after two of its
        // three items: 0 + 8.47 is no 8.77, though a "0" could stand for anything under ½
        let text = "某局2017年度“三公”经费财政拨款支出年初预算为22.00万元,支出决算为8.77万元。\n2017年度“三公”经费财政拨款支出决算中,因公出国(境)费支出决算0万元;公务用车购置及运行维护费支出决算8.47万元。\n";
        // (what the report says: a list not known to be whole is said only when it adds up)
        assert_eq!(said(text), []);
        // the same list adding up is still said to
        let whole = text.replace("费支出决算0万元", "费支出决算0.30万元");
        assert_eq!(said(&whole), [("8.77".to_string(), "pass".to_string())]);
    }

    #[test]
    fn the_changes_of_a_whole_breakdown_add_up_signed() {
        let v = verdicts("一般公共预算收入 1000 万元，比上年减收 50 万元，其中：税收收入 700 万元，比上年增收 30 万元；非税收入 300 万元，比上年减收 80 万元。\n");
        assert!(v.contains(&("50".into(), Status::Pass)), "{v:?}");
        let v = verdicts("一般公共预算收入 1000 万元，比上年减收 60 万元，其中：税收收入 700 万元，比上年增收 30 万元；非税收入 300 万元，比上年减收 80 万元。\n");
        assert!(v.contains(&("60".into(), Status::Fail)), "{v:?}");
    }

    #[test]
    fn an_adjusted_budgets_breakdown_is_of_the_adjusted_amount() {
        // modelled on a county's 2022 report (cqwx.gov.cn): 调增 C is the change, 由年初的 A
        // the budget first passed; the 其中 parts make the adjusted B
        let text = "一般公共预算收入由年初的76138万元调整为89138万元,调增13000万元,\
                    其中:税收收入调整为40500万元,非税收入调整为48638万元。\n";
        assert_eq!(reported(text), [("89138".to_string(), "pass".to_string())]);
        let got = reported(&text.replace("48638", "48738"));
        assert_eq!(got, [("89138".to_string(), "fail".to_string())]);
        // a part adjusted from its own first budget: its adjusted amount is the adjusted
        // total's part, its first budget never is
        let text = "政府性基金预算由年初的80000万元调整为50000万元,\
                    其中:土地出让收入由年初预算的65000万元调整为35000万元,\
                    城市建设配套费10000万元、专项收入5000万元不作调整。\n";
        let got = reported(text);
        assert!(got.contains(&("50000".into(), "pass".into())), "{got:?}");
        assert!(!got.iter().any(|(_, s)| s == "fail"), "{got:?}");
        let sums: Vec<String> = sums(text).into_iter().map(|(_, r)| r).collect();
        assert!(
            sums.iter()
                .any(|r| r.contains("土地出让收入 + 城市建设配套费")),
            "{sums:?}"
        );
    }

    #[test]
    fn what_an_item_is_used_for_breaks_that_item_down() {
        // modelled on a county's 2023 debt report (hbnz.gov.cn): each bond's 用于 list is
        // its own breakdown; the bracket's items make the total before it
        let text = "全年发行新增政府债券11.31亿元(新增一般债券2.54亿元,新增专项债券8.77亿元);\
                    其中,县本级新增一般债券2.54亿元,用于公路建设1.42亿元,保障性住房0.03亿元,\
                    其他1.09亿元;县本级新增专项债券8.77亿元,用于市政基础设施建设6.14亿元,\
                    交通基础设施2.63亿元。\n";
        let got = reported(text);
        for want in ["11.31", "2.54", "8.77"] {
            assert!(
                got.contains(&(want.into(), "pass".into())),
                "{want}: {got:?}"
            );
        }
        assert!(!got.iter().any(|(_, s)| s == "fail"), "{got:?}");
        // the uses are said to add up to their bond only where they do (a list of uses
        // need not be whole), and never to any other amount
        let sums = |text: &str| -> Vec<String> { sums(text).into_iter().map(|(f, _)| f).collect() };
        assert_eq!(sums(text), ["11.31", "2.54", "8.77"]);
        let got = sums(&text.replace("交通基础设施2.63", "交通基础设施2.36"));
        assert_eq!(got, ["11.31", "2.54"]);
    }

    #[test]
    fn a_list_after_a_bracket_is_of_the_amount_the_bracket_breaks_down() {
        // the same report: 其中 after 本息 A（本金 B，利息 C） lists parts of A, never of C
        let text = "全县到期政府债券本息8.63亿元(本金6.64亿元,利息1.99亿元)。\
                    其中:再融资债券偿还4.89亿元,预算资金偿还1.75亿元。\n";
        let got = reported(text);
        assert!(!got.iter().any(|(_, s)| s == "fail"), "{got:?}");
        assert!(got.contains(&("4.89".into(), "pass".into())), "{got:?}");
    }

    /// The parts-sum entries of a text's report, as (reported, relation in Chinese).
    fn sums(text: &str) -> Vec<(String, String)> {
        crate::check_str(text)
            .unwrap()
            .checks
            .iter()
            .filter(|e| e.rule == Rule::PartsSum)
            .map(|e| (e.reported.clone(), e.relation.zh.clone()))
            .collect()
    }

    /// The parts-sum and subset entries of a text's report, as (reported, status).
    fn reported(text: &str) -> Vec<(String, String)> {
        crate::check_str(text)
            .unwrap()
            .checks
            .iter()
            .filter(|e| e.rule == Rule::PartsSum || e.rule == Rule::Subset)
            .map(|e| (e.reported.clone(), e.status.to_string()))
            .collect()
    }

    /// What [`reported`] gives for one printed figure.
    fn reported_for(text: &str, figure: &str) -> Vec<(String, String)> {
        reported(text)
            .into_iter()
            .filter(|(r, _)| r == figure)
            .collect()
    }

    #[test]
    fn two_halves_without_a_list_break_down_the_whole_named_before_them() {
        // a newspaper's account of the 2024 central final accounts (m.mp.oeeee.com): the
        // whole in one sentence, tax and non-tax revenue in the next paragraph, no 其中
        let text = |whole: &str, nontax: &str| {
            format!(
                "《报告》显示,{whole}100462.06亿元,为预算的98.1%,比2023年增长0.9%。\n\
                 关于收入决算具体情况,《报告》指出,2024年,税收收入91419.66亿元,下降4.6%;\
                 非税收入{nontax}亿元,增长142.3%。税收收入中,国内增值税33223.3亿元,为预算的92.1%。\n"
            )
        };
        let sums = |t: &str| reported_for(t, "100462.06");
        assert_eq!(
            sums(&text("中央一般公共预算收入", "9042.4")),
            [("100462.06".to_string(), "pass".to_string())]
        );
        assert_eq!(
            sums(&text("中央一般公共预算收入", "9402.4")),
            [("100462.06".to_string(), "fail".to_string())]
        );
        // a whole said to hold more than the budget's own revenue is another quantity
        assert!(sums(&text("含上级补助的中央一般公共预算收入", "9402.4")).is_empty());
        // halves named for another level are not this whole's
        let other = text("中央一般公共预算收入", "9402.4").replace("税收收入9", "地方税收收入9");
        let other = other.replace("非税收入9", "地方非税收入9");
        assert!(sums(&other).is_empty(), "{:?}", reported(&other));
    }

    #[test]
    fn a_totals_budget_is_stated_before_its_list_opens() {
        // a district office's 三公 accounts with the car item's own budget left out: the
        // first budget after the total is its first part's, no budget of the total
        let text = "公务用车购置及运行维护费支出决算为2.02万元,其中:公务用车购置支出决算为0万元,完成全年预算0万元的0%,公务用车运行维护费支出决算为2.02万元,完成全年预算5.3万元的38.1%。\n";
        let got = reported(text);
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        assert!(!got.iter().any(|(v, _)| v == "0"), "{got:?}");
        // stated before the list: its parts' budgets add up to it
        let stated = text.replace(
            "决算为2.02万元,其中",
            "决算为2.02万元,完成全年预算5.3万元,其中",
        );
        assert!(reported(&stated).contains(&("5.3".to_string(), "pass".to_string())));
        let wrong = stated.replacen("完成全年预算5.3万元,其中", "完成全年预算5.8万元,其中", 1);
        assert!(reported(&wrong).contains(&("5.8".to_string(), "fail".to_string())));
    }

    #[test]
    fn a_qizhong_inside_a_numbered_item_ends_where_the_next_item_begins() {
        // 黃圃鎮's 2024 half-year report (traditional script in the mirror), with item 2's
        // amount raised above item 1's: item 2 is no part of item 1
        let text = "2024年上半年,我鎮實現財政收入96,928萬元,加以前年度結余(轉)8,744萬元,實際財政可支配收入105,672萬元。其中:\n\
                    1.一般公共預算收入45,034萬元,完成年初預算90%,其中稅收分成收入21,043萬元、非稅收入23,991萬元;\n\
                    2.上級補助收入51,894萬元,完成年初預算142.2%;\n";
        let got = reported(text);
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        // item 1's own parts add up to it
        assert!(
            got.contains(&("45,034".to_string(), "pass".to_string())),
            "{got:?}"
        );
        assert!(!got.iter().any(|(v, _)| v == "51,894"), "{got:?}");
    }

    #[test]
    fn what_a_numbered_item_includes_after_a_colon_is_its_own_breakdown() {
        // a township's 2015 budget (湟中县群加乡): "包括:" in items 1 and 2 lists each item's
        // own parts; 161.57 + 12.23 = 173.80, printed 173.89
        let text = "本年度支出预算284.45万元.其中:按支出项目类别:1、基本支出173.89万元,包括:人员经费支出161.57万元,公用经费支出12.23万元;2、项目支出110.56万元,包括:商品服务支出72.74万元,其他支出类项目37.82万元;3、事业单位经营支出0万元;4、其他支出0万元。\n";
        let got = sums(text);
        let totals: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(totals, ["284.45", "173.89", "110.56"], "{got:?}");
        let fail = |v: &str| (v.to_string(), "fail".to_string());
        let pass = |v: &str| (v.to_string(), "pass".to_string());
        assert_eq!(
            reported(text),
            [pass("284.45"), fail("173.89"), pass("110.56")]
        );
        // without the colon, as before: 包括 opening the clause
        let plain = text.replace("包括:", "包括");
        assert_eq!(
            reported(&plain),
            [pass("284.45"), fail("173.89"), pass("110.56")]
        );
    }

    #[test]
    fn a_list_restating_the_names_of_several_amounts_divides_each_of_them() {
        // a county's 2024 audit report (浮梁县): each unit's 批复指标, 已用指标 and 预算结余
        // after the county's; each is of its own name's total, not of the last amount
        let text = "2024年,当年预算批复指标71.48亿元,已用指标62.09亿元,预算结余9.39亿元,总体执行率87%。其中:县直各部门批复指标39.41亿元,已用指标33.79亿元,预算结余5.62亿元,总体执行率86%;各乡镇批复指标11.49亿元,已用指标7.94亿元,预算结余3.55亿元,总体执行率69%;实拨单位资金预算指标20.58亿元,已用指标20.36亿元,总体执行率99%。\n";
        let got = reported(text);
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        // the three units' 已用指标 add up to the county's; the 批复指标 named another
        // way in the third unit is left out, so theirs are only each within it
        assert!(
            got.contains(&("62.09".to_string(), "pass".to_string())),
            "{got:?}"
        );
        assert!(
            !got.contains(&("71.48".to_string(), "pass".to_string())),
            "{got:?}"
        );
        assert_eq!(
            got.iter().filter(|(_, s)| s == "pass").count(),
            8,
            "{got:?}"
        );
        // a unit's 已用指标 above the county's fails
        let over = text.replace("已用指标33.79", "已用指标63.79");
        assert!(reported(&over).contains(&("63.79".to_string(), "fail".to_string())));
        // parts naming only what they are, not the amounts before: the last amount's parts
        let plain = "本年收入80亿元,本年支出71.48亿元。其中:人员经费62.09亿元,公用经费9.39亿元。\n";
        assert!(reported(plain).contains(&("71.48".to_string(), "pass".to_string())));
    }

    #[test]
    fn an_amount_made_of_the_amounts_after_you_is_their_sum() {
        // a township's 2022 final accounts (铜梁区小林镇): the total first, its sources after
        // 由, up to 构成; the second total lost its leading digit in print
        let text = "全镇一般公共预算财力1,867.48万元。由一般公共预算收入111.11万元,加上级补助收入、上年结余、动用预算稳定调节基金等1,756.37万元构成。支出总计,867.48万元,由一般公共预算支出1,867.48万元,加上解支出、安排预算稳定调节基金、结转下年等0万元等构成,当年收支平衡。\n";
        let pass = |v: &str| (v.to_string(), "pass".to_string());
        let fail = |v: &str| (v.to_string(), "fail".to_string());
        assert_eq!(reported(text), [pass("1,867.48"), fail("867.48")]);
        // "由于" gives a reason; a clause not closed by 构成 names no sources; a 其中 among
        // them, or something taken away, is not this reading
        for other in [
            "支出总计867.48万元,由于一般公共预算支出1,867.48万元,加上解支出0万元构成。\n",
            "支出总计867.48万元,由一般公共预算支出1,867.48万元,加上解支出0万元安排。\n",
            "支出总计867.48万元,由一般公共预算支出1,867.48万元,其中上解支出0万元构成。\n",
            "支出总计867.48万元,由一般公共预算支出1,867.48万元,减上解支出0万元构成。\n",
        ] {
            assert!(
                reported(other).iter().all(|(_, s)| s != "fail"),
                "{other}: {:?}",
                reported(other)
            );
        }
    }

    #[test]
    fn parts_in_the_sentences_after_a_qizhong_are_said_where_they_add_up() {
        // a Wuzhou unit's 2023 budget (117.141.250.58:10060, a PDF shown as HTML): the 其中
        // names one part in its sentence, the next sentence opens with the other
        let text = "1. 基本支出预算 881300.39 元,占一般公共预算支出的96.74%,同比减少 166271.4 元,下降 15.87 %。其中:\n\
                    工资福利支出预算 716052.51 元,占基本支出预算81.25%,同比减少 148979.48 元,下降 17.22%。\n\
                    商品和服务支出预算 165247.88 元,占基本支出预算18.76%,同比减少 17291.92 元,下降 9.47%。\n\
                    2. 项目支出 29700 元,占一般公共预算支出的 3.26%。\n";
        let sums = said(text);
        assert!(
            sums.contains(&("881300.39".to_string(), "pass".to_string())),
            "{sums:?}"
        );
        // not known to be all of them: a total they do not make is not failed
        let other = said(&text.replace("881300.39 元", "891300.39 元"));
        assert!(!other.iter().any(|(_, s)| s == "fail"), "{other:?}");
        assert!(!other.iter().any(|(f, _)| f == "891300.39"), "{other:?}");
        // the other side of a fund is no part of its income, and a sentence right before
        // the next 其中 names that one's total
        let fund = "本年收入1139亿元,比上年增加215亿元。其中,失业保险费收入1081亿元,比上年增加196亿元。本年支出58亿元,比上年增加18亿元。\n";
        assert!(said(fund).is_empty(), "{:?}", said(fund));
        // nor are classification lines after an economic part (a kindergarten's 2017 final
        // accounts, a copy at haowendang.cn/c7xkfa3dip73uh255c6he20sz532alg00cdx_1.html)
        let coded = "本年支出合计252.5万元,较上年231.5万元,增加21万元,其中:基本支出252.5\n\
                     元,较上年231.5万元,增加21万元;\n三、支出决算具体情况\n\
                     教育支出(类)普通教育(款)学期教育(项)支出247.95万元,完成预算的100%,用\n\
                     于附设幼儿园的教师工资,较2016年决算227.42万元,增加20.53万元,增长了9.02%,增加原因教师工资增加。\n\
                     住房保障支出(类)住房改革支出(款)住房公积金(项)支出4.55万元,完成预算的\n\
                     100%,用于学校在职教师的住房公积金开支。较2016年决算4.08万元,增加了0.47万元,增加了11.52%。\n";
        let report = crate::check_str(coded).unwrap();
        let with_line = report
            .checks
            .iter()
            .filter(|e| e.rule == Rule::PartsSum)
            .find(|e| e.inputs.iter().any(|i| i.raw == "0.47" || i.raw == "4.55"));
        assert!(with_line.is_none(), "{with_line:?}");
        // (a project's self-evaluation, 棠溪镇 2022: the 89.97 opens the next list, whose parts
        // would make 90 "add up" with the first list's)
        let next = "本项目共申请预算资金90万元。其中:30万元用于预算编制;30万元用于审计;30万元用于设计。本项目共完成预算资金89.97万元。其中:30万元用于预算编制;30万元用于审计;29.99万元用于设计。\n";
        let ninety = said(next).into_iter().filter(|(f, _)| f == "90").count();
        assert_eq!(ninety, 1, "{:?}", said(next));
    }

    #[test]
    fn parts_named_as_finals_with_wei_are_a_list_of_finals() {
        // 上海市嘉定区司法局's 2017 三公 final accounts (a copy at www.021fenlei.com/n133889.htm):
        // "因公出国(境)费决算为" among "…支出决算为" items was read as a level, and the list of
        // finals mixed with it was dropped
        let text = "本局2017年度“三公”经费财政拨款支出年初预算为22.00万元,支出决算为8.77万元,完成预算的39.86%,其中:因公出国(境)费决算为0万元,完成预算的0%;公务用车购置及运行维护费支出决算为8.47万元,完成预算的60.50%;公务接待费支出决算为0.30万元,完成预算的3.75%。\n";
        assert_eq!(said(text), [("8.77".to_string(), "pass".to_string())]);
        let wrong = text.replace("8.77", "8.97");
        assert_eq!(said(&wrong), [("8.97".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_numbered_item_of_several_sentences_does_not_end_its_list() {
        // 天水市妇幼保健院's 2017 final accounts (www.tianshui.gov.cn/wjw/info/1251/106532.htm):
        // item 3 goes on for a sentence of its own, and item 6, 上年结转和结余 27.93, is left
        // out of the 收入总计 the six items make up
        let text = "2017年度,收入总计为10070.54万元,其中:\n\
                    1.财政拨款收入1813.24万元,较2016 年度决算数减少520.82万元,下降22.31%。\n\
                    2.上级补助收入0万元。\n\
                    3.事业收入8257.3万元,为事业单位开展专业业务活动所取得的收入。较2016 年度决算数增加518.65万元,增长6.7%。\n\
                    4.其他收入0万元。\n\
                    5.用事业基金弥补收支差额0万元。\n\
                    6.上年结转和结余27.93万元,为以前年度支出预算结转到当年的资金。\n";
        let fail = vec![("10070.54".to_string(), "fail".to_string())];
        assert_eq!(said(text), fail);
        // with the total printed as the six make it, they add up
        let pass = vec![("10098.47".to_string(), "pass".to_string())];
        assert_eq!(said(&text.replace("10070.54", "10098.47")), pass);
        // a numbering of another kind after item 3's sentences ends the list there (the
        // amounts after it are no items of this list): 1–3 make 10070.54
        let headed = text.replace("4.其他收入", "(1)医疗收入8000万元。\n4.其他收入");
        assert_eq!(
            said(&headed),
            vec![("10070.54".to_string(), "pass".to_string())]
        );
    }

    #[test]
    fn a_list_opening_its_sentence_after_a_list_may_break_down_either_total() {
        // a province's first quarter (czj.gnzrmzf.gov.cn), its "全省一般公共预算收入中" written
        // 其中: the second list is of the 221 again, not of the 市县级收入 before it
        let text = |tax: &str, sep: &str| {
            format!("一季度,全省一般公共预算收入221亿元,增收37.4亿元,增长20.4%。其中:省级收入62.2亿元,增长20.3%;市县级收入158.8亿元,增长20.4%{sep}其中:税收收入{tax}亿元,增长17.3%;非税收入70.4亿元,增长27.7%。\n")
        };
        let pass = |r: &str| (r.to_string(), "pass".to_string());
        assert_eq!(said(&text("150.6", "。")), [pass("221"), pass("221")]);
        // of the 158.8 it would hold too (88.4 + 70.4), and is said there
        assert_eq!(said(&text("88.4", "。")), [pass("221"), pass("158.8")]);
        // a sum that is neither is not said: which total it breaks down is unknown
        assert_eq!(said(&text("140.0", "。")), [pass("221")]);
        // after the part's own comma, the list is that part's, and a wrong sum fails
        let own = said(&text("150.6", "，"));
        assert!(
            own.contains(&("158.8".to_string(), "fail".to_string())),
            "{own:?}"
        );
    }

    #[test]
    fn the_halves_of_a_car_item_after_a_list_are_that_items() {
        // a district's 2017 三公 account (长乐): "(二)公务用车购置及运行费1116.14万元。其中:
        // 1、公务用车购置费34.71万元,…2、公务用车运行费1116.14万元" after the list of the
        // 三公 total: 34.71 + 1116.14 is not 1116.14, and the 1360.13 is no reading of it
        let text = |running: &str| {
            format!(
                "2017年“三公”经费支出1360.13万元。具体情况如下:(一)因公出国(境)费22.00万元。\
                 (二)公务用车购置及运行费1116.14万元。其中:1、公务用车购置费34.71万元。2、公务用车\
                 运行费{running}万元。(三)公务接待费221.98万元。\n"
            )
        };
        let fail = said(&text("1116.14"));
        assert!(
            fail.contains(&("1116.14".to_string(), "fail".to_string())),
            "{fail:?}"
        );
        let pass = said(&text("1081.43"));
        assert!(
            pass.contains(&("1116.14".to_string(), "pass".to_string())),
            "{pass:?}"
        );
    }

    #[test]
    fn the_parts_changes_add_up_to_the_change_of_a_total_a_paragraph_before() {
        // 法制日报 on the 2014 central final accounts (2015-06-29): the total and its change
        // end one paragraph, the parts and theirs are listed in the next
        let text = |change: &str| {
            format!(
                "2014年,中央行政事业单位“三公”经费支出合计58.8亿元,比预算数减少12.71亿元。\n\n\
                 报告说,主要是各部门贯彻落实中央八项规定,减少了相关支出。其中:因公出国(境)经费16.2亿元,减少3.56亿元;公务用车购置及运行费35.99亿元,减少{change}亿元;公务接待费6.61亿元,减少3.87亿元。\n"
            )
        };
        let changes = |t: &str| reported_for(t, "12.71");
        assert_eq!(
            changes(&text("5.28")),
            [("12.71".to_string(), "pass".to_string())]
        );
        // the total's change may be on another base than the parts' (预算数 against a bare
        // 减少): where they do not add up, nothing is said
        assert_eq!(changes(&text("5.82")), []);
        // only the paragraph just before: a total two paragraphs up is no longer this list's
        let far = text("5.28").replacen("\n\n", "\n\n其他事项另行说明。\n\n", 1);
        assert_eq!(changes(&far), []);
    }

    #[test]
    fn the_causes_of_a_change_are_its_parts_only_where_they_are_whole() {
        let changes = |text: &str| -> Vec<(String, String)> {
            crate::checks::reported(text, "parts-sum")
                .into_iter()
                .filter(|(r, _)| r != "26252")
                .collect()
        };
        // hyxy.edu.cn 2019: the two main causes add up to more than the net decrease
        // (another line grew); not an error
        let causes = |b: &str| {
            format!("2019年度财政拨款支出26252万元,与2018年相比,财政拨款支出减少2013.77万元,减少7.12%,主要是由于教育事业支出减少{b}万元和住房保障支出减少579.10万元。\n")
        };
        assert_eq!(changes(&causes("1446.37")), []);
        // where they fit below it, that much is said
        assert_eq!(
            changes(&causes("1346.37")),
            [("2013.77".to_string(), "pass".to_string())]
        );
        // the whole (基本支出 and 项目支出): they must add up
        let whole = |b: &str| {
            format!("支出合计 500 万元，比上年减少 100 万元，下降 16.67%，其中基本支出减少 {b} 万元，项目支出减少 40 万元。\n")
        };
        assert_eq!(
            changes(&whole("60")),
            [("100".to_string(), "pass".to_string())]
        );
        assert_eq!(
            changes(&whole("70")),
            [("100".to_string(), "fail".to_string())]
        );
        // a change on the budget is no part of a change on last year
        let mixed = "公务用车购置及运行维护费较上年减少5.33万元,下降4.12%,较年初预算数减少0.07万元;公务接待费较上年减少1.64万元,较年初预算数减少0.29万元。\n";
        assert_eq!(changes(mixed), []);
    }

    #[test]
    fn an_adjusted_budget_is_divided_into_its_adjusted_parts() {
        // a district's 2020 budget adjustment: the parts' amounts before the adjustment are
        // no parts of the adjusted total
        let text = |tax: &str| {
            format!("一般公共预算收入由362,000万元调整为416,000万元,调增54,000万元,增长18.3%。其中:税收收入由267,000万元调减为{tax}万元,调减29,000万元,下降9.7%;非税收入由95,000万元调增为178,000万元,调增83,000万元,增长102.1%。\n")
        };
        assert_eq!(
            reported(&text("238,000")),
            [
                ("416,000".to_string(), "pass".to_string()),
                ("54,000".to_string(), "pass".to_string())
            ]
        );
        assert!(reported(&text("239,000")).contains(&("416,000".to_string(), "fail".to_string())));
    }

    #[test]
    fn the_reasons_for_a_change_are_no_parts_of_the_total() {
        // a district's 2020 budget adjustment: 83620 and 19000 make up the increase
        let text = "全区收入预算总计调整为576105万元,调增102620万元。其中:区本级收入不变;转移性收入调整为443105万元,调增102620万元,主要是调增上级补助收入83620万元、债务转贷收入19000万元。\n";
        assert!(
            reported(text).iter().all(|(_, status)| status == "pass"),
            "{:?}",
            reported(text)
        );
        assert!(reported(text).iter().all(|(r, _)| r != "83620"));
    }

    #[test]
    fn a_balance_is_no_total_of_income_or_spending() {
        // the NPC's 2020 report: the 其中 after the deficit turns to the central budget
        let text = "全国一般公共预算收入182895亿元，为预算的101.5%。收支总量相抵，全国财政赤字37600亿元，与预算持平。其中，中央一般公共预算收入82771亿元，为预算的100%。\n";
        assert_eq!(reported(text), []);
        // a balance's parts are balances
        let text = "年末滚存结余 300 万元，其中：基本养老保险基金结余 200 万元，医疗保险基金结余 90 万元。\n";
        assert_eq!(
            reported(text).first(),
            Some(&("200".to_string(), "pass".to_string()))
        );
    }

    #[test]
    fn a_division_by_named_parts_adds_up_to_the_amount_before_it() {
        // the Ministry of Finance's monthly wording: the parts named by the division are the
        // whole, so a wrong part fails
        let text = |local: &str| {
            format!(
                "1-6月累计，全国一般公共预算收入107846亿元，同比增长3.4%。分中央和地方看，中央一般公共预算收入50397亿元，同比增长7.1%；地方一般公共预算本级收入{local}亿元，同比增长0.3%。\n"
            )
        };
        assert_eq!(
            verdicts(&text("57449")),
            [("107846".to_string(), Status::Pass)]
        );
        assert!(reported(&text("57000")).contains(&("107846".to_string(), "fail".to_string())));
        // "分级次来看" names no parts: a selection, reported only where it adds up
        let levels = |county: &str| {
            format!("全市一般公共预算收入500亿元。分级次来看，市级收入200亿元；区级收入{county}亿元。\n")
        };
        assert_eq!(
            reported(&levels("300"))[0],
            ("500".to_string(), "pass".to_string())
        );
        assert!(reported(&levels("290"))
            .iter()
            .all(|(_, status)| status == "pass"));
        // a division after another divides the amount the one before divided, not a part of
        // its list (300 is no part of the 区级收入 290)
        let after = "全市一般公共预算收入500亿元。分级次看，市级收入200亿元；区级收入290亿元。分税种看，增值税300亿元；企业所得税50亿元。\n";
        let got = reported(after);
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        assert!(
            got.contains(&("300".to_string(), "pass".to_string())),
            "{got:?}"
        );
        // (a province's 2021 report: two divisions of one total, each summed)
        let two = "1-5月,全省一般公共预算收入389.9亿元。分结构看:税收收入283.5亿元,增长21.5%;非税收入106.4亿元,增长11%。分级次看:省级收入115.4亿元,增长25.3%;市县收入274.5亿元,增长15.8%。\n";
        let sums = |text: &str| -> Vec<String> {
            crate::check_str(text)
                .unwrap()
                .checks
                .iter()
                .filter(|e| e.rule == Rule::PartsSum)
                .map(|e| format!("{} {}", e.reported, e.status))
                .collect()
        };
        assert_eq!(sums(two), ["389.9 pass", "389.9 pass"]);
        // (级次 names no parts: the second is said only where it adds up)
        assert_eq!(
            sums(&two.replace("市县收入274.5", "市县收入247.5")),
            ["389.9 pass"]
        );
        // 分 in the middle of a clause opens nothing
        let inside =
            "全市一般公共预算收入500亿元，部分地区看，市级收入200亿元；区级收入290亿元。\n";
        assert_eq!(verdicts(inside), []);
    }

    #[test]
    fn a_numbered_list_is_said_to_add_up_only_where_it_does() {
        // in one paragraph, or an item a line
        for text in [
            "本单位总收入 600.5 万元，其中本年收入 500.3 万元，较上年减少 20.2 万元。收入具体情况如下。1.财政拨款收入 400.1 万元，为本级财政拨付的资金。较上年减少 15.1 万元。2.事业收入 100.2 万元，较上年减少 5.1 万元。3.上年结转和结余 100.2 万元。\n",
            "本单位总收入 600.5 万元，其中本年收入 500.3 万元，较上年减少 20.2 万元。收入具体情况如下。\n1.财政拨款收入 400.1 万元，为本级财政拨付的资金。较上年减少 15.1 万元。\n2.事业收入 100.2 万元，较上年减少 5.1 万元。\n3.上年结转和结余 100.2 万元。\n",
        ] {
            let got = reported(text);
            // all three items make the total income, the first two this year's income, and
            // their changes this year's change; the other readings are not shown
            for want in ["600.5", "500.3", "20.2"] {
                let n = got.iter().filter(|(r, _)| r == want).count();
                assert!(got.contains(&(want.into(), "pass".into())), "{want}: {got:?}");
                assert!(n <= 2, "{want}: {got:?}");
            }
            assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        }
        // items that add up to no amount of the head: nothing is said of them, and none of
        // them is taken as a part not above its total
        let text = "本单位总收入 600.5 万元，其中本年收入 500.3 万元，较上年减少 20.2 万元。收入具体情况如下。1.财政拨款收入 700.1 万元，较上年减少 15.1 万元。2.事业收入 100.2 万元，较上年减少 9.1 万元。\n";
        let got = reported(text);
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        assert!(
            !got.iter().any(|(r, _)| r == "20.2" || r == "700.1"),
            "{got:?}"
        );
    }

    #[test]
    fn an_amount_and_what_is_added_to_it_make_the_total() {
        // modelled on a city's state-capital budget report (czj.sh.gov.cn, 2015)
        let text = "全市国有资本经营收入61.6亿元,加上上年结转收入2.1亿元、动用历年结余15.3亿元,全市国有资本经营收入总计79亿元。\n";
        assert_eq!(reported(text), [("79".to_string(), "pass".to_string())]);
        let wrong = text.replace("总计79亿元", "总计81亿元");
        assert_eq!(reported(&wrong), [("81".to_string(), "fail".to_string())]);
        // "…总收入 79 亿元" closes the sum the same way (a city's final accounts, rd.sanya.gov.cn)
        let total = text.replace("收入总计79亿元", "总收入79亿元");
        assert_eq!(reported(&total), [("79".to_string(), "pass".to_string())]);
        // two amounts before 加上, or one taken away: not read
        let two = text.replace("收入61.6亿元,", "收入61.6亿元,支出50亿元,");
        assert!(reported(&two).is_empty(), "{:?}", reported(&two));
        let less = text.replace("、动用历年结余15.3亿元", ",减去调出资金15.3亿元");
        assert!(reported(&less).is_empty(), "{:?}", reported(&less));
    }

    #[test]
    fn unnumbered_items_after_rumia_are_summed_where_they_add_up() {
        // Tianjin's 2024 half-year report (cz.tj.gov.cn), an item a line: the last item
        // names the rest, so the items are the whole 地方税收收入
        let text = "上半年,全市一般公共预算收入1144.4亿元,同比增长6.3%。其中:地方税收收入865.4亿元,同比增长2.8%;非税收入279亿元,同比增长18.8%。主要税收收入项目情况如下:\n增值税393.9亿元,同比增长8.1%;\n企业所得税181.4亿元,同比增长2.1%;\n个人所得税47.9亿元,同比下降16.1%;\n契税、土地增值税等地方税收242.2亿元,同比下降0.3%。\n(二)一般公共预算支出情况\n上半年,全市一般公共预算支出1532.7亿元,同比增长16.2%。主要支出科目情况如下:\n社会保障和就业支出314.5亿元,同比增长22.3%;\n卫生健康支出86.8亿元,同比增长6.1%。\n";
        let r = crate::check_str(text).unwrap();
        let sums: Vec<(&str, &str, &str)> = r
            .checks
            .iter()
            .filter(|e| e.rule == Rule::PartsSum)
            .map(|e| {
                (
                    e.reported.as_str(),
                    e.status.as_str(),
                    e.relation.zh.as_str(),
                )
            })
            .collect();
        assert_eq!(sums.len(), 2, "{sums:?}");
        assert_eq!(sums[1].0, "865.4");
        assert_eq!(sums[1].1, "pass");
        assert!(
            sums[1].2.contains("+ 契税、土地增值税等地方税收"),
            "{sums:?}"
        );
        // a selection ("主要"), as the spending's: said only where it adds up
        let wrong = text.replace("个人所得税47.9", "个人所得税74.9");
        assert!(
            reported(&wrong).iter().all(|(_, s)| s == "pass"),
            "{:?}",
            reported(&wrong)
        );
        assert!(!reported(&wrong).iter().any(|(r, _)| r == "865.4"));
    }

    #[test]
    fn a_budget_or_its_final_amount_and_what_is_added_to_it_make_the_total() {
        // the Ministry of Finance's central state-capital budget for 2023 and final accounts
        // for 2018 (yss.mof.gov.cn), shortened: 加上 opens the sentence after the base
        let budget = "2023年中央国有资本经营收入预算数为2410.4亿元,其中:利润收入1871.67亿元,股利、股息收入538.73亿元。加上上年结转收入88.92亿元,2023年中央国有资本经营预算收入总量为2499.32亿元。\n";
        let total = |text: &str| {
            let got = reported(text);
            got.iter()
                .find(|(r, _)| r == "2499.32" || r.starts_with("14"))
                .cloned()
        };
        assert_eq!(total(budget), Some(("2499.32".into(), "pass".into())));
        let wrong = budget.replace("结转收入88.92", "结转收入89.82");
        assert_eq!(total(&wrong), Some(("2499.32".into(), "fail".into())));
        // the budget and then its final amount: the final amount is added to (the budget's
        // 1376.82 + 113.59 would be 1490.41)
        let fin = "2018年中央国有资本经营收入预算数为1376.82亿元,决算数为1326.38亿元,完成预算的96.3%。加上上年结转收入113.59亿元,2018年中央国有资本经营预算收入总量为1439.97亿元。\n";
        assert_eq!(total(fin), Some(("1439.97".into(), "pass".into())));
        let wrong = fin.replace("总量为1439.97", "总量为1490.41");
        assert_eq!(total(&wrong), Some(("1490.41".into(), "fail".into())));
        // a final amount of another item after the budget: which is added to is not said
        let other = fin.replace("决算数为1326.38", "利润收入决算数为1326.38");
        assert_eq!(total(&other), None, "{:?}", reported(&other));
    }

    #[test]
    fn a_final_amount_and_the_clauses_added_to_it_make_the_total() {
        // a city's final accounts report (shanwei.gov.cn, 2018): the base is a 决算数, and
        // "加上级补助收入" is 加 and 上级补助收入
        let text = "2018年市级一般公共预算收入决算数129748万元,加上级补助收入428905万元,下级上解收入4409万元,待偿债置换一般债券上年结余320万元,上年结转结余收入41407万元,调入资金348606万元,国债转贷资金上年结余11万元,调入预算稳定调节基金14707万元,收入总计968113万元。\n";
        assert_eq!(reported(text), [("968113".to_string(), "pass".to_string())]);
        let r = crate::check_document(&crate::read::read_text(text));
        let e = r.checks.iter().find(|e| e.rule == "parts-sum").unwrap();
        assert!(
            e.relation.zh.contains("+ 上级补助收入 +"),
            "{}",
            e.relation.zh
        );
        let wrong = text.replace("总计968113", "总计968213");
        assert_eq!(
            reported(&wrong),
            [("968213".to_string(), "fail".to_string())]
        );
        // a district's final accounts (fzcangshan.gov.cn, 2020): 加 opening a clause, an
        // item's own 其中 in brackets passed over
        let text = "一般公共预算支出361315万元(含上级补助和上年项目结转等支出,下同),下降11.8%;加上解上级支出52441万元,债务还本支出6751万元,安排预算稳定调节基金28478万元(累计稳定调节基金43429万元),支出合计448985万元。\n政府性基金收入0万元,加上年结余收入39930万元,上级补助收入113566万元(其中:抗疫特别国债7691万元),债务转贷收入39000万元,收入合计192496万元。\n";
        let got = reported(text);
        assert!(got.contains(&("448985".into(), "pass".into())), "{got:?}");
        assert!(got.contains(&("192496".into(), "pass".into())), "{got:?}");
        // 加班费 opens no addition
        let overtime = "支出合计50万元,加班费10万元,办公费40万元,收入合计50万元。\n";
        assert!(reported(overtime).is_empty(), "{:?}", reported(overtime));
    }

    #[test]
    fn a_qizhong_list_ends_where_amounts_are_added() {
        // the same district's report: 514601 is the local revenue plus what is added after
        // the semicolon, no part of the 总收入 the 其中 divides
        let text = "全区一般公共预算总收入410338万元,完成调整后预算的97.3%,下降6.4%,其中地方一般公共预算收入271630万元,完成调整后预算的99.2%,下降4.7%;加上级补助收入120846万元,上年结余收入42690万元,债务转贷收入16714万元,调入预算稳定调节基金44421万元,调入资金18300万元,收入合计514601万元。\n";
        let r = crate::check_document(&crate::read::read_text(text));
        let subsets: Vec<(&str, &str)> = r
            .checks
            .iter()
            .filter(|e| e.rule == "subset")
            .map(|e| (e.reported.as_str(), e.status.as_str()))
            .collect();
        assert_eq!(subsets, [("271630", "pass")]);
    }

    #[test]
    fn an_items_qizhong_among_added_amounts_is_the_items_own() {
        // a county's 2015 final accounts (longyou): 债券收入's 其中 holds its three kinds;
        // 收入合计 adds the items, not the kinds, and is no kind of bond
        let text = "全县一般公共预算收入决算数为126556万元,增长11.8%;加上上级补助收入208927万元,\
                    上年结转使用资金18979万元,调入资金31700万元,债券(转贷)收入78400万元,其中:\
                    地方政府新增债券收入15000万元,在建项目后续融资债券收入20000万元,存量债务置换\
                    债券收入43400万元,收入合计464562万元。\n";
        let got = reported(text);
        assert!(got.contains(&("464562".into(), "pass".into())), "{got:?}");
        assert!(got.contains(&("78400".into(), "pass".into())), "{got:?}");
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        let wrong = text.replace("存量债务置换债券收入43400", "存量债务置换债券收入43500");
        // the 其中 ends at its clause group: what is added after the ；is an item again
        let after = text
            .replace("调入资金31700万元,", "")
            .replace("43400万元,收入合计", "43400万元;调入资金31700万元,收入合计");
        let got = reported(&after);
        assert!(got.contains(&("464562".into(), "pass".into())), "{got:?}");
        // (a 其中 that does not add up may list only some kinds: nothing said of it)
        let got = reported(&wrong);
        assert!(got.iter().all(|(r, _)| r != "78400"), "{got:?}");
        assert!(got.contains(&("464562".into(), "pass".into())), "{got:?}");
    }

    #[test]
    fn a_qizhong_after_listed_reasons_takes_the_sentences_amount() {
        // a town's 2022 budget (shangyou): the reasons for the change are listed after a
        // colon, the 7000 among them is no total; 包括 names what 财政拨款收入 holds
        let text = "2022年收入预算总额为7783.26万元,比上年增加7122.54万元,原因是:1、人员增加,经费\
                    相应增加;2、本年增加了其他资金预算7000万元。其中:财政拨款收入751.8万元,包括一般\
                    公共预算收入751.8万元;其他收入7000万元;上年结转31.46万元。\n";
        let got = reported(text);
        assert_eq!(
            got,
            [("7783.26".to_string(), "pass".to_string())],
            "{got:?}"
        );
        let wrong = text.replace("上年结转31.46", "上年结转41.46");
        assert_eq!(
            reported(&wrong),
            [("7783.26".to_string(), "fail".to_string())]
        );
    }

    #[test]
    fn the_next_tier_is_a_sibling_not_a_part() {
        // a district's 2022 state-assets report (wuchang): the 其中 names what the first tier
        // holds; the other tiers are parts of the 77
        let text =
            "企业共77户(一级企业9户,其中区滨投公司、区城投公司3户企业为平台企业;二级企业19户;\
                    三级企业34户;四级企业15户),主要从事投资与资产管理。\n";
        let got = crate::checks::reported(text, "subset");
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        assert!(got.iter().all(|(r, _)| r != "19"), "{got:?}");
        // the same words under one tier stay parts
        let same = text.replace("二级企业19户", "一级企业19户");
        let got = crate::checks::reported(&same, "subset");
        assert!(got.contains(&("19".into(), "fail".into())), "{got:?}");
    }

    #[test]
    fn a_list_the_text_breaks_off_in_may_have_more_parts() {
        // the same budget, the excerpt cut in its last item: the two parts shown are not the
        // whole of 7783.26
        let text =
            "2022年收入预算总额为7783.26万元。其中:财政拨款收入751.8万元;其他收入7000万元;上年结";
        let got = reported(text);
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        assert!(got.iter().all(|(r, _)| r != "7783.26"), "{got:?}");
        // ended at a mark, or by an amount, the list is read as it stands
        for ended in [
            text.replace("上年结", "上年结转31.46万元"),
            text.replace(";上年结", ";具体如下:"),
        ] {
            let got = reported(&ended);
            assert!(got.iter().any(|(r, _)| r == "7783.26"), "{ended}: {got:?}");
        }
    }

    #[test]
    fn a_list_of_codes_running_to_the_texts_end_may_have_more_parts() {
        // 泉州台商区's 2022 accounts, an excerpt cut after item 3 of 201's 款 (9185 + 1182
        // + 50 = 10417 of 23653)
        let text = "具體情況如下(分款級科目表述):\n\
                    (一)201-一般公共服務支出23653萬元,較2021年決算數增加2954萬元,增長14.27%,其中:\n\
                    1、20103-政府辦公廳(室)及相關機構事務9185萬元,較2021年決算數增加2686萬元,增長41.33%。\n\
                    2、20104-發展與改革事務1182萬元,較2021年決算數增加138萬元,增長13.22%。\n\
                    3、20105-統計信息事務50萬元,較2021年決算數減少87萬元,下降63.5%。\n";
        let got = reported(text);
        assert!(got.iter().all(|(_, s)| s != "fail"), "{got:?}");
        // the same list with a sentence after it is read as it stands
        let after = format!("{text}(二)203-國防支出15萬元。\n");
        let got = reported(&after);
        assert!(
            got.contains(&("23653".to_string(), "fail".to_string())),
            "{got:?}"
        );
        // and parts over the total still fail at the text's end: no cut explains them
        let over = text.replace("9185萬元", "29185萬元");
        let got = crate::checks::reported(&over, "subset");
        assert!(got.iter().any(|(_, s)| s == "fail"), "{got:?}");
    }

    #[test]
    fn parts_by_commas_then_a_semicolon_may_end_before_it() {
        // 垫江县包家镇卫生院's 2022 budget (cqdj.gov.cn): the six sources make 504.51; the
        // carryover after the semicolon is beside it
        let text = "(一)收入预算:2022年年初预算数504.51万元,其中:一般公共预算拨款204.51万元,\
                    政府性基金预算拨款0万元,事业收入300万元,其他收入0万元;上年结转结余资金29.81万元;\
                    收入较去年增加76.05万元。\n";
        let pass = |r: &str| (r.to_string(), "pass".to_string());
        let got = reported(text);
        assert!(got.contains(&pass("504.51")), "{got:?}");
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        // where the part after it makes the sum, that reading holds
        let with = text.replace("504.51万元,其中", "534.32万元,其中");
        let got = reported(&with);
        assert!(got.contains(&pass("534.32")), "{got:?}");
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        // neither: no reading is asserted, nothing fails
        let neither = text.replace("504.51万元,其中", "600万元,其中");
        assert!(reported(&neither).iter().all(|(_, s)| s != "fail"));
        // semicolons between the first parts are the list's own: the sum is asserted
        let own = "支出合计100万元,其中:基本支出60万元;项目支出30万元;事业单位经营支出20万元。\n";
        let got = reported(own);
        assert!(
            got.contains(&("100".to_string(), "fail".to_string())),
            "{got:?}"
        );
    }

    #[test]
    fn a_final_amount_is_the_total_of_its_qizhong_not_the_amount_compared_with() {
        let text = "2019年支出决算为1200万元,与2018年决算1000万元相比,增加200万元,增长20%。其中:基本支出800万元,项目支出400万元。\n";
        assert_eq!(reported(text), [("1200".to_string(), "pass".to_string())]);
        let text = "2019年支出决算为1200万元,其中:基本支出800万元,项目支出400万元。\n";
        assert_eq!(reported(text), [("1200".to_string(), "pass".to_string())]);
        assert_eq!(
            reported(&text.replace("项目支出400", "项目支出420")),
            [("1200".to_string(), "fail".to_string())]
        );
    }

    #[test]
    fn a_sentence_opening_with_jiashang_adds_to_the_amount_before() {
        // modelled on a city's budget explanation (czj.benxi.gov.cn, 2023): the amount is
        // the sentence before's, past its 其中 list
        let text = "全市一般公共预算收入安排80.5亿元,同比增长4%。其中:税收收入60.2亿元,同比增长12.5%;\
                    非税收入20.3亿元。加上上级补助收入50.1亿元,以及调入资金20.4亿元,收入总计151亿元。\n";
        // the 其中 list's sum, and the total's
        let sums = [("80.5".to_string(), "pass".to_string())];
        assert_eq!(
            reported(text),
            [sums[0].clone(), ("151".into(), "pass".into())]
        );
        let wrong = text.replace("总计151亿元", "总计153亿元");
        assert_eq!(
            reported(&wrong),
            [sums[0].clone(), ("153".into(), "fail".into())]
        );
        // each part by its own name, without the words joining it to the list
        let r = crate::check_str(&wrong).unwrap();
        let relation = r
            .checks
            .iter()
            .find(|e| e.reported == "153")
            .map(|e| &e.relation);
        assert_eq!(
            relation.map(|t| t.zh.as_str()),
            Some("总数 = 全市一般公共预算收入安排 + 上级补助收入 + 调入资金")
        );
        // the total of the other side (支出) is no sum of 收入
        let other = text.replace("收入总计151亿元", "支出总计151亿元");
        assert_eq!(reported(&other), sums);
        // 加上 not opening its sentence: not this reading
        let inside = text.replace("。加上", "。另加上");
        assert!(
            !reported(&inside).iter().any(|(r, _)| r == "151"),
            "{:?}",
            reported(&inside)
        );
    }

    #[test]
    fn a_numbered_list_of_the_items_just_named_is_no_breakdown_of_them() {
        // modelled on a district unit's 三公 budget (xuanzhou.gov.cn, 2020): the sentence
        // before "具体情况如下" names the three items, and the list takes them one by one
        let text = "某工委2020年“三公”经费支出预算为0.36万元,比2019年预算减少0.02万元。其中:因公出国\
                    (境)费支出预算为0万元,公务接待费支出预算为0.36万元,公务用车购置及运行费支出预算为0\
                    万元。具体情况如下:\n(一)因公出国(境)费支出0万元。\n(二)公务接待费支出0.36万元。\n\
                    (三)公务用车购置及运行费支出0万元。\n";
        let got = reported(text);
        // one sum, of the 其中 list, on the total; none on the items themselves
        assert_eq!(got, [("0.36".to_string(), "pass".to_string())], "{got:?}");
        // a total printed 0 over items of 0.2 and 0.16 is no sum by rounding the 0
        let text = "培训费支出0万元。具体情况如下:\n1.师资费0.2万元。\n2.场地费0.16万元。\n";
        let got = reported(text);
        assert!(!got.iter().any(|(r, _)| r == "0"), "{got:?}");
    }

    #[test]
    fn a_sentence_opening_qizhong_after_a_sibling_share_has_no_total() {
        // a county budget: the 其中 after 项目支出's sentence lists the functional classes of
        // the whole budget, which 项目支出 is a share of too
        let text = "基本支出预算 1037103.63 元，占支出总预算的 95.57%；项目支出预算 48100 元，占支出总\
                    预算的 4.43%，同比无增减变化。其中：（一）文化旅游体育与传媒支出 850088.3 元，占\
                    支出总预算 78.33%；（二）住房保障支出 74784.48 元，占支出总预算 6.90%。\n";
        let got = reported(text);
        assert!(got.iter().all(|(_, s)| s == "pass"), "{got:?}");
        assert!(!got.iter().any(|(r, _)| r == "850088.3"), "{got:?}");
        // the parts named as shares of the amount before them are its parts
        let text =
            "项目支出 469500 元，占一般公共预算支出的 19.62%。其中：工资福利支出 512000 元，\
                    占项目支出预算 2.56%；商品和服务支出 426000 元，占项目支出预算 90.73%。\n";
        assert!(
            reported(text).contains(&("512000".into(), "fail".into())),
            "{:?}",
            reported(text)
        );
    }

    #[test]
    fn no_change_words_and_blanks_add_nothing_and_a_parenthesis_keeps_its_own() {
        let v = verdicts("“三公”经费 29 万元，比上年增加 0.5 万元，其中：因公出国（境）费 0 万元，较上年无增减；公务用车购置及运行费 28 万元（公务用车购置费 0 万元，比上年增加 9 万元；公务用车运行维护费 28 万元。），较上年无增减；公务接待费 1 万元，比上年增加 0.5 万元。\n");
        assert!(v.contains(&("0.5".into(), Status::Pass)), "{v:?}");
        let v = verdicts("“三公”经费 35 万元，比上年减少 2.28 万元。其中：因公出国（境）费 0 万元，比上年减少 万元；公务用车购置及运行费 5 万元，比上年减少 0.28 万元；公务接待费 30 万元，比上年减少 2 万元。\n");
        assert!(v.contains(&("2.28".into(), Status::Pass)), "{v:?}");
    }

    #[test]
    fn a_part_without_a_stated_change_leaves_the_change_unchecked() {
        let v = verdicts("“三公”经费 29 万元，比上年增加 0.5 万元，其中：因公出国（境）费 0 万元；公务用车购置及运行费 28 万元；公务接待费 1 万元，比上年增加 0.5 万元。\n");
        assert!(!v.iter().any(|(f, _)| f == "0.5"), "{v:?}");
    }

    #[test]
    fn a_list_not_known_to_be_whole_is_reported_only_when_it_adds_up() {
        let entries = |text: &str| {
            crate::check_str(text)
                .unwrap()
                .checks
                .iter()
                .filter(|e| e.rule == "parts-sum")
                .map(|e| (e.reported.clone(), e.status.to_string()))
                .collect::<Vec<_>>()
        };
        let adds = entries("全市一般公共预算收入 126.05 亿元，同比增加 2.25 亿元。其中：地方财政收入 80.18 亿元，增加 2.79 亿元；上划中央收入 37.78 亿元，减少 0.46 亿元；上划省级收入 8.09 亿元，减少 766 万元。\n");
        assert_eq!(
            adds,
            [
                ("126.05".into(), "pass".into()),
                ("2.25".into(), "pass".into())
            ]
        );
        // the same list short of its total is a selection: no parts-sum entry at all
        let short = entries("全市一般公共预算收入 130.05 亿元，同比增加 3.25 亿元。其中：地方财政收入 80.18 亿元，增加 2.79 亿元；上划中央收入 37.78 亿元，减少 0.46 亿元；上划省级收入 8.09 亿元，减少 766 万元。\n");
        assert_eq!(short, []);
    }

    #[test]
    fn a_selection_of_parts_says_nothing_about_the_change() {
        // 教育 + 卫生 need not be the whole of 支出: the changes, which do not add up, are
        // no entry of the report
        let r = crate::check_str("支出 1000 万元，比上年增加 50 万元，其中：教育支出 700 万元，比上年增加 30 万元；卫生支出 200 万元，比上年增加 10 万元。\n").unwrap();
        assert!(
            !r.checks.iter().any(|e| e.rule == "parts-sum"),
            "{:?}",
            r.checks
                .iter()
                .map(|e| (&e.rule, &e.reported, e.status))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_sibling_of_a_total_is_not_its_part() {
        // a city's 2022 revenue report: 非税收入 after the 其中 of 税收收入 is its sibling
        let text = "全市1-9月税收收入675.89亿元,同比下降1.9%,其中地方级税收收入365.03亿元,同比增长\
                    0.3%;非税收入241.14亿元,同比增长3.4%。\n";
        let got = reported(text);
        assert!(!got.iter().any(|(_, s)| s == "fail"), "{got:?}");
        assert!(!got.iter().any(|(f, _)| f == "241.14"), "{got:?}");
    }

    #[test]
    fn a_bracket_closed_late_does_not_take_the_items_sibling() {
        // a town's 2023 budget (both helpers' excerpts): the 含 list of 一般转移支付收入 runs on
        // to 专项转移支付收入, and the 加 list goes on after the 其中 of 上级转移支付收入
        let text = "全镇一般公共预算收入4402万元,加上级转移支付收入1884万元,其中:一般转移支付收入\
                    1478万元(含均衡性转移支付收入166万元、基本财力保障机制奖补资金收入968万元、\
                    结算补助收入132万元、其他一般转移支付收入212万元,专项转移支付收入406万元),\
                    上年结转结余60万元,基金调入103万元,收入合计为6449万元。\n";
        let got = reported(text);
        for total in ["1884", "1478", "6449"] {
            assert!(
                got.contains(&(total.to_string(), "pass".to_string())),
                "{total}: {got:?}"
            );
        }
        assert!(!got.iter().any(|(_, s)| s == "fail"), "{got:?}");
        // 60 and 103 are added to the total, not parts of the transfers
        let v = crate::check_str(text).unwrap();
        assert!(
            v.checks.iter().any(|e| e.rule == Rule::PartsSum
                && e.relation.zh.contains("上年结转结余")
                && e.reported == "6449"),
            "{:?}",
            v.checks.iter().map(|e| &e.relation.zh).collect::<Vec<_>>()
        );
        let wrong = reported(&text.replace("为6449万元", "为6494万元"));
        assert!(
            wrong.contains(&("6494".to_string(), "fail".to_string())),
            "{wrong:?}"
        );
    }

    #[test]
    fn two_halves_end_the_list_of_the_whole_they_make() {
        // 税收收入 and 非税收入 make up 一般公共预算收入; 政府性基金 after them is no part of it
        let text = "6月,全区一般公共预算收入累计完成316580万元,其中:税收收入238998万元,非税收入\
                    77582万元,政府性基金预算收入1616万元,国有资本经营收入1868万元。\n";
        let got = reported(text);
        assert!(
            got.contains(&("316580".to_string(), "pass".to_string())),
            "{got:?}"
        );
        assert!(!got.iter().any(|(f, _)| f == "1616"), "{got:?}");
    }

    #[test]
    fn an_added_list_after_a_whole_breakdown_starts_from_its_total() {
        // a district's 2022 report: the 其中 of 本级收入 runs over two sentences (税收, then
        // 非税), and 加上 adds to 本级收入, not to 非税收入
        let text = "全区一般公共预算本级收入完成53.19亿元,增长22.1%。其中,税收收入29.09亿元,增长\
                    46.2%。非税收入24.1亿元,增长1.9%。加上中央及市级转移支付29.71亿元、上年结转\
                    8.79亿元,收入总量为91.69亿元。\n";
        let got = reported(text);
        assert!(
            got.contains(&("91.69".to_string(), "pass".to_string())),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, s)| s == "fail"), "{got:?}");
        let wrong = reported(&text.replace("为91.69", "为91.96"));
        assert!(
            wrong.contains(&("91.96".to_string(), "fail".to_string())),
            "{wrong:?}"
        );
    }

    #[test]
    fn a_divisions_total_is_the_amount_its_parts_are_named_after() {
        // a banner's 2013 half-year report: "分支出级次看," divides 29.48, not the 2.23 of
        // special funds named last in the sentence before
        let text =
            "上半年,全旗公共财政预算支出累计完成29.48亿元,增长14.3%,兑付上级专项资金2.23亿元。\
                    分支出级次看,旗本级公共财政预算支出完成24.56亿元,同比增长26.3%;苏木镇及开发区\
                    公共财政预算支出完成4.92亿元,同比减少22.6%。\n";
        let got = reported(text);
        assert!(
            got.contains(&("29.48".to_string(), "pass".to_string())),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, s)| s == "fail"), "{got:?}");
        // (the words do not say the two levels are all: a sum that does not hold is not
        // shown, and the parts are still within 29.48)
        let other = reported(&text.replace("完成4.92", "完成4.29"));
        assert!(!other.iter().any(|(_, s)| s == "fail"), "{other:?}");
        assert!(
            other.contains(&("4.29".to_string(), "pass".to_string())),
            "{other:?}"
        );
    }

    #[test]
    fn a_bracketed_list_after_a_change_lists_the_changes_parts() {
        // a banner's 2022 adjusted budget: the second bracket breaks the increase down, not
        // the 32200 of the first bracket
        let text =
            "全旗一般公共预算收入安排290000万元(其中:旗本级257800万元,达拉特开发区32200万元),\
                    比人代会预算数增加60000万元(其中:旗本级58800万元,开发区1200万元)。\n";
        let got = reported(text);
        assert!(
            got.contains(&("290000".to_string(), "pass".to_string())),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, s)| s == "fail"), "{got:?}");
        // after a rate, the bracket lists the parts of the amount before the rate
        let rate =
            "政府性基金预算支出完成124417万元,为预算的47.8%,同比增长82.2%(其中:国有土地使用权\
                    出让收入安排的支出67602万元)。\n";
        let got = reported(rate);
        assert!(
            got.contains(&("67602".to_string(), "pass".to_string())),
            "{got:?}"
        );
        // a list of counts in brackets after an amount of money is of the count before it
        let counts =
            "绩效自评的2024年度项目4个,涉及预算金额598.42万元(其中:绩效评级为“优”的项目4个,\
                      “良”的项目0个)。\n";
        let got = reported(counts);
        assert!(
            got.contains(&("4".to_string(), "pass".to_string())),
            "{got:?}"
        );
        let over = reported(&rate.replace("支出67602", "支出167602"));
        assert!(
            over.contains(&("167602".to_string(), "fail".to_string())),
            "{over:?}"
        );
    }

    #[test]
    fn the_three_kinds_of_transfers_are_the_whole_of_them() {
        // a township's 2021 final accounts: 52 + 1937 + 110 = 2099, printed 2085
        let text = "2021年上级共计下达我乡一般公共预算转移支付资金2085万元,其中返还性收入52万元,\
                    一般性转移支付收入1937万元,主要是体制补助收入150万元,结算补助收入1745万元,\
                    其他一般转移支付收入42万元;专项转移支付收入110万元。\n";
        let got = reported(text);
        assert!(
            got.contains(&("2085".to_string(), "fail".to_string())),
            "{got:?}"
        );
        let right = reported(&text.replace("资金2085", "资金2099"));
        assert!(
            right.contains(&("2099".to_string(), "pass".to_string())),
            "{right:?}"
        );
        // two of the three kinds are a selection
        let two = reported(&text.replace("其中返还性收入52万元,", "其中"));
        assert!(!two.iter().any(|(_, s)| s == "fail"), "{two:?}");
    }

    #[test]
    fn a_list_opened_by_a_specification_breaks_down_the_amount_before_it() {
        // a town's 2024 report: "具体为:" lists the parts as 其中 does
        let text = "政府性基金预算收入9265.21万元,具体为:国有土地使用权出让金收入1375.05万元,\
                    国有资源资产有偿使用收入20.95万元,其他上级部门补助收入7586.30万元,\
                    其他收入282.91万元。\n";
        let got = reported(text);
        assert!(
            got.contains(&("9265.21".to_string(), "pass".to_string())),
            "{got:?}"
        );
        let wrong = reported(&text.replace("收入9265.21", "收入9256.21"));
        assert!(
            wrong.contains(&("9256.21".to_string(), "fail".to_string())),
            "{wrong:?}"
        );
    }
}
