//! `budget-variance`: what the text says about a line's budget and final figures —
//! 预决算差异率, 完成年初预算 …%, 决算数大于预算数 D 万元, 与预算相比无增减 — agrees with them.

use super::{Check, Out};
use crate::claims::prose::{
    amount, ends_semi, ends_sentence, is_money, names_a_past_year, names_adjusted, same_family,
    Kind, Mention, Prose, Tok,
};
use crate::claims::Claims;
use crate::document::Document;
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Cause, Cmp, Expr, Relation, Text};

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::BudgetVariance,
    title_zh: "预决算差异率与预算数、决算数一致",
    title_en: "Budget variances agree with the budget and final figures",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what:
            "In the text, \"年初预算数 B 万元，决算数 F 万元，预决算差异率 R%\" states a \
             variance: R = (F − B) ÷ B. \"完成年初预算 C%\" states C = F ÷ B; \"决算数大于（小于）\
             预算数 D 万元\" states D = F − B (B − F), and \"支出 F 万元，年初预算为 B 万元，差值为 D \
             万元\" the gap either way, D = |F − B|; \"支出 F 万元，…完成年初预算 C%，决算数大于\
             （小于）预算数 D 万元\" states C = F ÷ (F − D) (F ÷ (F + D)); \"与预算相比无增减/无变化/一致\" states F = B. \
             An adjustment, \"收入由年初预算 A 万元调整为 B 万元，调增 C 万元\" (or \"调增 C 万元，由 A 万元调整为 \
             B 万元\"), states C = B − A (调减: A − B); \"支出 F 万元，较年初预算 B 万元增加 D 万元\" \
             states D = F − B (减少: B − F). A completion rate beside words saying \
             the actual went over the budget (超出预算, 大于预算) is at least 100 %, beside \
             words saying it fell short (小于预算, 未完成预算) at most 100 %.",
        why: "The variance tells readers how far spending strayed from the approved budget; a \
              wrong base or sign turns an overrun into an underrun.",
        tolerance: "Each printed figure stands for ±½ of its last digit. A variance on a budget \
                    of exactly zero (0 budgeted, 0 spent, 0% printed) cannot be decided and is \
                    reported as not checked, not as a failure.",
        example: "预算数 2 万元，决算数 0.6 万元，预决算差异率 -70% holds; printed -30% fails: \
                  (0.6 − 2) ÷ 2 = -70%. 预算数 0，决算数 0，差异率 0% is not checked (0 ÷ 0).",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "正文中，“年初预算数 B 万元，决算数 F 万元，预决算差异率 R%”表述一个差异率：R = (F − B\
               ) ÷ B。“完成年初预算 C%”表示 C = F ÷ B；“决算数大于（小于）预算数 D 万元”表示 D = F − B\
               （B − F）；“支出 F 万元，年初预算为 B 万元，差值为 D 万元”表示不论哪个方向的差额，\
               D = |F − B|；“支出 F 万元，…完成年初预算 C%，决算数大于（小于）预算数 D 万元”表示 C = F ÷ (\
               F − D)（F ÷ (F + D)）；“与预算相比无增减/无变化/一致”表示 F = B。预算调整的表述，\
               “收入由年初预算 A 万元调整为 B 万元，调增 C 万元”（或“调增 C 万元，由 A 万元调整\
               为 B 万元”），表示 C = B − A（调减时为 A − B）；“支出 F 万元，较年初预算 B 万元增\
               加 D 万元”表示 D = F − B（减少时为 B − F）。完成率旁边的文字如果说实际数超过了预\
               算（超出预算、大于预算），完成率至少为 100 %；如果说实际数没有达到预算（小于预算、\
               未完成预算），完成率至多为 100 %。",
        why: "差异率告诉读者实际支出偏离批准的预算有多远；基数或正负号用错，会把超出预算说成低于\
              预算。",
        tolerance: "每个印出的数字代表其末位 ±½ 的区间。预算恰好为零时（预算 0、支出 0、印出 0%），\
                    差异率无法判定，报告为未核对，而不是不成立。",
        example: "“预算数 2 万元，决算数 0.6 万元，预决算差异率 -70%”成立；若印为 -30% 则不成立：\
                  (0.6 − 2) ÷ 2 = -70%。“预算数 0，决算数 0，差异率 0%”为未核对（0 ÷ 0）。",
    },
    find,
};

const RULE: Rule = Rule::BudgetVariance;

/// "完成财政总收入 4348 万元，占年初预算 10065 万元的 43.2%" and "收入累计完成 24627 万元，
/// 完成年初预算数 60999 万元的 40.4%": an amount, its budget named after 占 or 完成, and the
/// completion rate — the amount over the budget.
fn completion_of_named_budget(doc: &Document, p: &Prose<'_>, out: &mut Out) {
    for w in p.mentions.windows(3) {
        let [a, b, r] = w else { continue };
        let rate_words = matches!(r.lead.as_str(), "" | "的") || r.kind == Kind::Completion;
        // ("…支出决算为 17.06 万元，完成预算 27 万元的 63.2%": a final amount too)
        if !matches!(a.kind, Kind::Level | Kind::Final)
            || b.kind != Kind::Budget
            || !crate::claims::prose::names_budget_of_part(&b.lead)
            || !r.percent
            || !rate_words
            || a.semi != r.semi
            || !same_family(a.unit, b.unit)
        {
            continue;
        }
        let label = &a.label;
        out.push(
            Relation::equals(
                RULE,
                r.fig,
                Expr::pct(amount(doc, a.fig, b.unit), Expr::Fig(b.fig)),
                Text::new(
                    format!("{label}预算完成率 = 完成数 ÷ 预算数"),
                    format!("completion of {label} = actual ÷ budget"),
                ),
            )
            .context(p.sentence_text(r.at)),
        );
    }
}

/// Words saying the actual went over the budget, and words saying it fell short.
/// "“三公”经费财政拨款支出预算338,866元,支出决算242,870.81元,完成预算的77.67%": the same
/// quantity's 预算 and 决算 stated as plain amounts, then its completion; C = F ÷ B. The 决算's
/// name (without the stage word) must end the 预算's, so both are one quantity's.
fn completion_of_stated_stages(doc: &Document, p: &Prose<'_>, out: &mut Out) {
    // (labels have lost a closing 为/是 already: `label_of`)
    let stem = |label: &str, stage: &str| label.strip_suffix(stage).map(str::to_string);
    // ("2014年外交部“三公”经费预算为11324.44万元,支出为10044.01万元,预算执行比例为88.69%":
    // a bare 支出 (支出决算) right after the budget is its actual)
    let bare = |label: &str| matches!(label, "支出" | "实际支出");
    for w in p.mentions.windows(3) {
        let [b, f, r] = w else { continue };
        let fin = stem(&f.label, "决算").or_else(|| bare(&f.label).then(|| f.label.clone()));
        let (Some(budget), Some(fin)) = (stem(&b.label, "预算"), fin) else {
            continue;
        };
        if b.kind != Kind::Level
            || f.kind != Kind::Level
            || r.kind != Kind::Completion
            || !matches!(
                r.lead.trim_end_matches(&['的', '为'][..]),
                "完成预算" | "完成年初预算" | "预算执行比例" | "预算执行率"
            )
            || b.sentence != r.sentence
            || f.sentence != r.sentence
            || !bare(&fin) && (fin.chars().count() < 2 || !budget.ends_with(&fin))
            || !is_money(b.unit)
            || !same_family(b.unit, f.unit)
        {
            continue;
        }
        out.push(
            Relation::equals(
                RULE,
                r.fig,
                Expr::pct(amount(doc, f.fig, b.unit), Expr::Fig(b.fig)),
                Text::new(
                    format!("{budget}预算完成率 = 决算数 ÷ 预算数"),
                    format!("completion of {budget} = actual ÷ budget"),
                ),
            )
            .context(p.sentence_text(r.at)),
        );
    }
}

const OVER: &[&str] = &["超出预算", "超过预算", "大于预算", "高于预算", "超预算"];
const UNDER: &[&str] = &[
    "小于预算",
    "低于预算",
    "未完成预算",
    "未达到预算",
    "未达预算",
];

/// Whether one of the phrases occurs un-negated ("未超出预算" does not say it went over).
fn says(words: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|w| {
        words.match_indices(w).any(|(k, _)| {
            !words
                .get(..k)
                .and_then(|b| b.chars().next_back())
                .is_some_and(|c| "未不没无".contains(c))
        })
    })
}

/// "完成年初预算的 95%，决算数大于预算数": a completion rate the words of its own clause
/// group contradict — over the budget is above 100 %, short of it below. Decided on the
/// printed rate's interval, so "100%" beside "超出预算" holds (100.4 % prints as 100 %).
fn completion_against_words(p: &Prose<'_>, done: &[FigId], out: &mut Out) {
    for (i, m) in p.mentions.iter().enumerate() {
        // (a rate checked against the gap the words state is checked more closely; `done`
        // is in the order of the figures)
        if m.kind != Kind::Completion || done.binary_search(&m.fig).is_ok() {
            continue;
        }
        // one completion rate in its clause group, or the words could be another's
        // (mentions are in order: only the neighbours of the same group are looked at)
        let ms = &p.mentions;
        let before = ms.get(..i).unwrap_or(&[]).iter().rev();
        let after = ms.get(i + 1..).unwrap_or(&[]).iter();
        let alone = before
            .take_while(|x| x.semi == m.semi)
            .chain(after.take_while(|x| x.semi == m.semi))
            .all(|x| x.kind != Kind::Completion);
        if !alone {
            continue;
        }
        let mut from = m.at;
        while from > 0 && m.at - from < 200 {
            match p.toks.get(from - 1) {
                Some(Tok::Ch(c)) if ends_semi(*c) => break,
                _ => from -= 1,
            }
        }
        let mut to = m.at;
        while to < p.toks.len() && to - m.at < 200 {
            match p.toks.get(to) {
                Some(Tok::Ch(c)) if ends_semi(*c) => break,
                _ => to += 1,
            }
        }
        let words = p.text_between(from, to);
        let over = says(&words, OVER);
        let under = says(&words, UNDER);
        let (cmp, zh, en) = match (over, under) {
            (true, false) => (
                Cmp::AtLeast,
                "文字称决算数超出预算，完成率应不低于 100%",
                "the text says the actual exceeds the budget: completion is at least 100%",
            ),
            (false, true) => (
                Cmp::AtMost,
                "文字称决算数小于预算，完成率应不高于 100%",
                "the text says the actual is below the budget: completion is at most 100%",
            ),
            _ => continue,
        };
        out.push(
            Relation::equals(RULE, m.fig, Expr::int(100), Text::new(zh, en))
                .cmp(cmp)
                .context(p.sentence_text(m.at)),
        );
    }
}

/// "一般公共预算财政拨款支出总计 1741.75 万元，与上年相比减少 53.7 万元，降低 2.99%；完成年初
/// 预算 100%，决算数大于预算数 55.93 万元": the budget is not printed, but the actual and
/// its gap to the budget are, so the completion rate is the actual over the actual less
/// the gap (plus it, for 小于). The actual is the amount the sentence names before the
/// completion with only its change and rate between; a budget or final figure named in the
/// sentence leaves the rate to the record it belongs to.
/// Returns the rates it checked.
fn completion_with_gap(doc: &Document, p: &Prose<'_>, out: &mut Out) -> Vec<FigId> {
    let mut done = Vec::new();
    let ms = &p.mentions;
    for (i, c) in ms.iter().enumerate() {
        // (a rate whose words name a quantity of their own, "支出完成年初预算 95%", is not
        // the amount's before it)
        if c.kind != Kind::Completion || !c.lead.starts_with("完成") {
            continue;
        }
        // the gap right after the rate or right before it, in its sentence: "决算数大于
        // 预算数 D", or a change on the budget ("完成年初预算71.21%,比年初预算减少3887.49万元",
        // a city's 三公 account)
        let gap_of = |g: &Mention| match g.kind {
            Kind::Diff(d @ (1 | -1)) => Some(d),
            Kind::Change(d @ (1 | -1)) if on_the_budget(&g.lead) => Some(d),
            _ => None,
        };
        let gap = [i + 1, i.wrapping_sub(1)].into_iter().find_map(|k| {
            let g = ms.get(k).filter(|g| g.sentence == c.sentence)?;
            gap_of(g).map(|d| (k, g, d))
        });
        let Some((k, g, d)) = gap else { continue };
        let first = i.min(k);
        let actual = ms
            .get(..first)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|m| m.sentence == c.sentence)
            .find(|m| !matches!(m.kind, Kind::Change(_) | Kind::Rate(_)));
        // (or a final figure: "3.公务接待费支出决算为0.78万元,完成预算的39%,比预算减少1.22万元")
        let Some(a) = actual.filter(|a| {
            matches!(a.kind, Kind::Level | Kind::Final)
                && is_money(a.unit)
                && same_family(a.unit, g.unit)
        }) else {
            continue;
        };
        // (mentions are in order: the sentence's found by bisection)
        let from = ms.partition_point(|m| m.sentence < c.sentence);
        let to = ms.partition_point(|m| m.sentence <= c.sentence);
        if ms
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .any(|m| m.kind == Kind::Budget || m.kind == Kind::Final && m.fig != a.fig)
        {
            continue;
        }
        let fin = amount(doc, a.fig, g.unit);
        let budget = if d > 0 {
            Expr::difference(fin.clone(), Expr::Fig(g.fig))
        } else {
            Expr::sum([fin.clone(), Expr::Fig(g.fig)])
        };
        let label = a.label.as_str();
        let (zh, en) = if d > 0 {
            ("决算数 ÷ (决算数 − 超出预算数)", "final ÷ (final − excess)")
        } else {
            (
                "决算数 ÷ (决算数 + 未完成数)",
                "final ÷ (final + shortfall)",
            )
        };
        out.push(
            Relation::equals(
                RULE,
                c.fig,
                Expr::pct(fin, budget),
                Text::new(
                    format!("{label}预算完成率 = {zh}"),
                    format!("completion of {label} = {en}"),
                ),
            )
            .alternative(
                Cause::Other(Text::new(
                    "完成率按 100% 填写，但文字称决算数与预算数不等",
                    "completion written as 100% though the text says final and budget differ",
                )),
                Expr::int(100),
            )
            .monotone()
            .context(p.sentence_text(c.at)),
        );
        done.push(c.fig);
    }
    done
}

/// Whether a change's words compare with this year's budget: "比年初预算减少", "较预算增加"
/// (not last year's: "比上年预算减少" is a change between years).
fn on_the_budget(lead: &str) -> bool {
    let compared = lead.starts_with('比') || lead.starts_with('较') || lead.starts_with("与");
    compared && lead.contains("预算") && !names_a_past_year(lead)
}

/// Whether an amount's words say it is what something moved from: they hold 由 (从)
/// ("收入由年初预算的 A 万元", "由第一次调整后的 A 万元").
fn moved_from(lead: &str) -> bool {
    lead.contains('由') || lead.contains('从')
}

/// A change's words before its amount, and nothing else ("调增", "增加了", "共调减").
fn bare_change(m: &Mention) -> Option<i8> {
    match m.kind {
        Kind::Change(d @ (1 | -1)) if m.lead.chars().count() <= 3 => Some(d),
        _ => None,
    }
}

/// A change stated beside the two figures it is the difference of, in one sentence:
/// "收入由年初预算的 A 万元调整为 B 万元，调增 C 万元" (a budget adjustment), "收入调增 C 万元，由
/// A 万元调整为 B 万元", and "支出 B 万元，较年初预算 A 万元增加 C 万元": C = B − A (A − B for a
/// fall). The change's rate, where one follows, is the year-on-year check's (its reading
/// "the figure less the change" is the same base).
fn change_on_budget(doc: &Document, p: &Prose<'_>, out: &mut Out) {
    let ms = &p.mentions;
    // at most one clause's comma between two of the figures, all in one clause group
    let near = |a: &Mention, b: &Mention| a.semi == b.semi && p.stops_between(a.at + 1, b.at) <= 1;
    let moved_to = |m: &Mention| names_adjusted(&m.lead);
    // amounts (or counts) of one unit family ("由 5% 调整为 6%，提高 1 个百分点" is not)
    let one_unit =
        |[x, y, z]: [&Mention; 3]| same_family(x.unit, y.unit) && same_family(y.unit, z.unit);
    for w in ms.windows(3) {
        let [x, y, z] = w else { continue };
        // (before, after, the change, its direction, an adjustment rather than a comparison)
        let found = if let Some(d) = bare_change(z).filter(|_| {
            // (a figure read as no kind of its own, "将2023年…支出总量由 A 万元", is named by
            // the words around it here)
            moved_to(y)
                && matches!(x.kind, Kind::Budget | Kind::Level | Kind::Other)
                && moved_from(&x.lead)
        }) {
            Some((x, y, z, d, true))
        } else if let Some(d) = bare_change(z).filter(|_| {
            matches!(y.kind, Kind::Budget)
                && matches!(x.kind, Kind::Level | Kind::Final)
                // (the reader named it a budget: "较年初预算", "比调整预算数"; last year's,
                // "较上年度法定预算数", is the year-on-year check's)
                && ["比", "较"].iter().any(|w| y.lead.starts_with(w))
                && !names_a_past_year(&y.lead)
        }) {
            Some((y, x, z, d, false))
        } else if moved_to(z) && matches!(y.kind, Kind::Budget | Kind::Level | Kind::Other) {
            // "调增 C 万元，由 A 万元调整为 B 万元": the change before, its words beginning or
            // ending its lead ("转移性收入调增", "调增一般债务收入"), or 增加/减少 ending it where
            // it names no comparison ("比上年增加" is a change on another year)
            let compared = ["比", "较", "上年", "去年", "同期"]
                .iter()
                .any(|w| x.lead.contains(w));
            let words = [("调增", 1), ("调减", -1), ("增加", 1), ("减少", -1)];
            let change = words.iter().find(|&&(w, _)| {
                x.lead.starts_with(w) || x.lead.ends_with(w) && (w.starts_with('调') || !compared)
            });
            // 由 opens the figure's words, or follows the quantity the change names again
            // ("收支增加 C 万元，总收支从年初预算的 A 万元调整为 B 万元"), not a part of it
            let quantity = change.map_or("", |(w, _)| x.lead.strip_suffix(w).unwrap_or(""));
            let restated = ["由", "从"]
                .iter()
                .find_map(|w| y.lead.rsplit_once(w))
                .is_some_and(|(named, _)| {
                    let named = named.trim_start_matches('总');
                    named.is_empty() || quantity.ends_with(named)
                });
            change
                .filter(|_| restated)
                .map(|&(_, d)| (y, z, x, d, true))
        } else {
            None
        };
        let Some((was, now, change, d, adjusted)) = found else {
            continue;
        };
        if !one_unit([x, y, z]) || !near(x, y) || !near(y, z) {
            continue;
        }
        let unit = change.unit;
        let (was_e, now_e) = (amount(doc, was.fig, unit), amount(doc, now.fig, unit));
        let (up, down) = (
            Expr::difference(now_e.clone(), was_e.clone()),
            Expr::difference(was_e, now_e),
        );
        let (e, other) = if d > 0 { (up, down) } else { (down, up) };
        // the quantity: named before the first figure ("一般公共预算收入由…", "支出 B 万元，
        // 较…"), or with the change's words ("转移性收入调增 C 万元，由…", "调增…收入 C 万元")
        let first = x.label.as_str();
        let first = first.rsplit_once('由').map_or(first, |(named, _)| named);
        let first = ["调增", "调减"]
            .iter()
            .find_map(|w| first.strip_prefix(w))
            .unwrap_or(first);
        let label = ["调增", "调减", "增加", "减少", "调整"]
            .iter()
            .find_map(|w| first.strip_suffix(w))
            .unwrap_or(first);
        let (zh, en) = match (adjusted, d > 0) {
            (true, true) => ("调增额 = 调整后 − 调整前", "increase = after − before"),
            (true, false) => ("调减额 = 调整前 − 调整后", "decrease = before − after"),
            (false, true) => (
                "比预算增加额 = 本数 − 预算数",
                "increase on the budget = amount − budget",
            ),
            (false, false) => (
                "比预算减少额 = 预算数 − 本数",
                "decrease on the budget = budget − amount",
            ),
        };
        out.push(
            Relation::equals(
                RULE,
                change.fig,
                e,
                Text::new(format!("{label}{zh}"), format!("{label} {en}")),
            )
            .alternative(
                Cause::Other(Text::new(
                    "增减方向写反：数字是反方向的差",
                    "the direction is reversed: the figure is the difference the other way",
                )),
                other,
            )
            .context(p.sentence_text(change.at)),
        );
    }
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for p in &claims.prose {
        completion_of_named_budget(doc, p, out);
        completion_of_stated_stages(doc, p, out);
        let done = completion_with_gap(doc, p, out);
        completion_against_words(p, &done, out);
        change_on_budget(doc, p, out);
    }
    for (p, recs) in claims.prose.iter().zip(&claims.records) {
        for r in recs {
            // the record's claims compare its final figure, or the amount named just before
            // its budget, with the budget; the words after it only its final figure
            let (Some(b), Some(f)) = (r.budget, r.fin.or(r.actual)) else {
                continue;
            };
            let context = p.sentence_text(r.at);
            let b_unit = doc.figure(b).and_then(|x| x.unit);
            let fin = amount(doc, f, b_unit);
            // a label of a stage word's remains ("年初预算为" leaves 初) names nothing
            let label = if r.fin.is_none() {
                // the amount before the budget names what it is the budget of
                p.mentions
                    .iter()
                    .find(|m| m.fig == f)
                    .map_or("", |m| m.label.as_str())
            } else if r.label.chars().count() < 3 {
                ""
            } else {
                r.label.as_str()
            };
            for &c in &r.claims {
                let Some(m) = p.mentions.get(c) else { continue };
                let rel = match m.kind {
                    Kind::Variance => Relation::equals(
                        RULE,
                        m.fig,
                        Expr::pct(Expr::difference(fin.clone(), Expr::Fig(b)), Expr::Fig(b)),
                        Text::new(
                            format!("{label}预决算差异率 = (决算数 − 预算数) ÷ 预算数"),
                            format!("variance of {label} = (final − budget) ÷ budget"),
                        ),
                    )
                    .alternative(
                        Cause::WrongBase(Text::new(
                            "差异率以决算数为基数计算，应以预算数为基数",
                            "the variance was divided by the final figure; the base is the budget",
                        )),
                        Expr::pct(Expr::difference(fin.clone(), Expr::Fig(b)), fin.clone()),
                    )
                    // (final − budget) ÷ budget is linear-fractional: exact at the corners
                    .monotone(),
                    Kind::Completion => Relation::equals(
                        RULE,
                        m.fig,
                        Expr::pct(fin.clone(), Expr::Fig(b)),
                        Text::new(
                            format!("{label}预算完成率 = 决算数 ÷ 预算数"),
                            format!("completion of {label} = final ÷ budget"),
                        ),
                    ),
                    Kind::Diff(d) => {
                        let unit = doc.figure(m.fig).and_then(|x| x.unit);
                        let (fin, bud) = (amount(doc, f, unit), amount(doc, b, unit));
                        let e = match d {
                            1 => Expr::difference(fin, bud),
                            -1 => Expr::difference(bud, fin),
                            // "差值为 D 万元" names no direction: D is the gap either
                            // way; a D printed negative was taken one way round, which
                            // the words do not say, and is left unread
                            _ if doc
                                .number(m.fig)
                                .is_some_and(|n| n.value.is_sign_negative()) =>
                            {
                                continue
                            }
                            _ => Expr::abs(Expr::difference(fin, bud)),
                        };
                        // (the formula after " = " names the operands in the answer)
                        let what = match d {
                            1 => Text::new(
                                format!("{label}决算数大于预算数的差额 = 决算数 − 预算数"),
                                format!("excess of {label} over its budget = final − budget"),
                            ),
                            -1 => Text::new(
                                format!("{label}决算数小于预算数的差额 = 预算数 − 决算数"),
                                format!("shortfall of {label} on its budget = budget − final"),
                            ),
                            _ => Text::new(
                                format!("{label}决算数与预算数相差（不计正负）"),
                                format!("gap between final and budget of {label} (either way)"),
                            ),
                        };
                        Relation::equals(RULE, m.fig, e, what)
                    }
                    _ => continue,
                };
                out.push(rel.context(context.clone()));
            }
            if r.fin.is_none() {
                continue;
            }
            if let Some(rel) = direction(doc, p, r.end, b, f, label) {
                out.push(rel.context(context.clone()));
            }
            // "与年初预算一致", "无增减": the final equals the budget
            // read token by token up to the clause's end (the next figure at the latest),
            // never to the sentence's end: a paragraph of records without 。 stays linear
            let clause: String = p
                .toks
                .get(r.end..)
                .unwrap_or(&[])
                .iter()
                .map(|t| match t {
                    Tok::Ch(c) => *c,
                    Tok::Fig(_) => '#',
                })
                .take_while(|c| !ends_sentence(*c))
                .skip_while(|c| matches!(c, ',' | '，'))
                .take_while(|c| !matches!(c, ',' | '，' | '；' | ';' | '。' | '#'))
                .collect();
            if ["无增减", "无变化", "一致", "持平"]
                .iter()
                .any(|k| clause.contains(k))
                && clause.contains("预算")
            {
                out.push(
                    Relation::equals(
                        RULE,
                        f,
                        amount(doc, b, doc.figure(f).and_then(|x| x.unit)),
                        Text::new(
                            format!("{label}决算数 = 预算数（文字称与预算一致）"),
                            format!("final of {label} = budget (the text says they agree)"),
                        ),
                    )
                    .context(context),
                );
            }
        }
    }
}

/// "决算数小于预算数的主要原因…", "决算数大于预算数…", "决算数与预算数持平": the direction a
/// record's final figure takes against its budget, stated in words right after the record
/// (its own sentence or the next, before any other figure). "基本持平" is approximate and
/// not checked.
fn direction(
    doc: &Document,
    p: &Prose<'_>,
    end: usize,
    b: FigId,
    f: FigId,
    label: &str,
) -> Option<Relation> {
    // mentions are in order: the next one by bisection, and the sentence ends looked for
    // no further than it (a paragraph of records without 。 stays linear)
    let next_fig = p
        .mentions
        .get(p.mentions.partition_point(|m| m.at < end))
        .map_or(p.toks.len(), |m| m.at);
    let stop = p.sentence_end_within(
        p.sentence_end_within(end, next_fig).saturating_add(1),
        next_fig,
    );
    let after = crate::figure::unspaced(&p.text_between(end, stop));
    let at = after.find("决算数")?;
    let rest = after.get(at..)?;
    let clause = crate::figure::lead(rest, |c| {
        !matches!(c, ',' | '，' | '；' | ';' | '。' | '：' | ':')
    });
    let bud = || amount(doc, b, doc.figure(f).and_then(|x| x.unit));
    let (cmp, zh, en) = if clause.starts_with("决算数小于预算数")
        || clause.starts_with("决算数低于预算数")
    {
        (Cmp::AtMost, "小于", "below")
    } else if clause.starts_with("决算数大于预算数") || clause.starts_with("决算数超过预算数")
    {
        (Cmp::AtLeast, "大于", "above")
    } else if equal_words(clause) {
        (Cmp::Eq, "等于", "equal to")
    } else {
        return None;
    };
    // a warning: the words may mean another budget than the one stated (全年 or 调整预算)
    Some(
        Relation::equals(
            RULE,
            f,
            bud(),
            Text::new(
                format!("{label}决算数{zh}预算数（文字所述）"),
                format!("final of {label} {en} the budget (as the text says)"),
            ),
        )
        .cmp(cmp)
        .severity(crate::relation::Severity::Warning),
    )
}

/// "决算数等于预算数", "决算数与预算数持平 / 一致" — not "基本持平" nor "略…", which allow a
/// difference.
fn equal_words(clause: &str) -> bool {
    clause.starts_with("决算数等于预算数")
        || clause.starts_with("决算数与预算数")
            && ["持平", "一致", "相等", "相同"]
                .iter()
                .any(|w| clause.ends_with(w))
            && !clause.contains("基本")
            && !clause.contains('略')
}

#[cfg(test)]
mod tests {
    fn entries(text: &str) -> Vec<(String, String)> {
        super::super::reported(text, "budget-variance")
    }

    fn pass(s: &str) -> (String, String) {
        (s.to_string(), "pass".to_string())
    }

    fn fail(s: &str) -> (String, String) {
        (s.to_string(), "fail".to_string())
    }

    #[test]
    fn a_budget_then_its_actual_then_their_ratio() {
        // 外交部's 2014 三公 account (中新网), its budget and its actual in one sentence:
        // 10044.01 ÷ 11324.44 = 88.69 %, under each wording of the ratio and of the actual
        let held = [
            "2014年外交部“三公”经费预算为11324.44万元,支出为10044.01万元,预算执行比例为88.69%。\n",
            "2014年外交部“三公”经费预算11324.44万元,支出10044.01万元,预算执行比例为88.69%。\n",
            "2014年外交部“三公”经费预算11324.44万元,支出决算10044.01万元,完成预算的88.69%。\n",
        ];
        for text in held {
            assert_eq!(entries(text), [pass("88.69%")], "{text}");
            let wrong = text.replace("88.69%", "78.69%");
            assert_eq!(entries(&wrong), [fail("78.69%")], "{wrong}");
        }
        // 242,870.81 ÷ 338,866 = 71.67 %, printed 77.67 %
        let yuan = "“三公”经费财政拨款支出预算338,866元,支出决算242,870.81元,完成预算的77.67%。\n";
        assert_eq!(entries(yuan), [fail("77.67%")]);
        // an amount of another name between them is no actual of that budget
        let other = "2014年外交部“三公”经费预算11324.44万元,公务接待费10044.01万元,预算执行比例为88.69%。\n";
        assert_eq!(entries(other), []);
        // a budget set aside (编列), as Taiwan's agencies word it: 6985.7 ÷ 7645.6 = 91.37 %
        let set_aside = "工作计划预算编列7645.6万元,决算数6985.7万元,执行率91.37%。\n";
        assert_eq!(entries(set_aside), [pass("91.37%")]);
        assert_eq!(
            entries(&set_aside.replace("91.37%", "93.17%")),
            [fail("93.17%")]
        );
    }

    #[test]
    fn an_adjustment_is_the_difference_of_the_figures_before_and_after_it() {
        // a town's 2022 budget adjustment (Banfu, Zhongshan), as printed and with a digit
        // changed; 调减 the other way round
        let up = |c: &str| {
            format!("一般公共預算總收入由年初預算79552.91萬元調整為82513.70萬元,調增{c}萬元。\n")
        };
        assert_eq!(entries(&up("2960.79")), [pass("2960.79")]);
        assert_eq!(entries(&up("2960.97")), [fail("2960.97")]);
        let down = "3、調入資金由年初預算39497.37萬元調整為39069.73萬元,調減427.64萬元。\n";
        assert_eq!(entries(down), [pass("427.64")]);
        // the figure before 由 may carry a year ("建议将2023年一般公共预算支出总量由…", Maiji
        // district's second adjustment of 2023)
        let year = |c: &str| {
            format!("建议将2023年一般公共预算支出总量由583686万元调整为635689万元,调增{c}万元。\n")
        };
        assert_eq!(entries(&year("52003")), [pass("52003")]);
        assert_eq!(entries(&year("52030")), [fail("52030")]);
        // the change first, then the two figures
        let first =
            |c: &str| format!("转移性收入调增{c}万元，由年初的50000万元调整为60000万元。\n");
        assert_eq!(entries(&first("10000")), [pass("10000")]);
        assert_eq!(entries(&first("12000")), [fail("12000")]);
        // moved from a figure named at more length (Zhangye's second adjustment of 2023),
        // and the change first with its quantity after it
        let second = "一般公共预算收入由第一次调整后的305314万元调整为302719万元,调减2595万元。\n";
        assert_eq!(entries(second), [pass("2595")]);
        let verb_first = "调增一般债务收入18133万元，由3735万元调整为21868万元。\n";
        assert_eq!(entries(verb_first), [pass("18133")]);
        // 增加 with no comparison, and the quantity named again before 从 (Shiqi
        // subdistrict's 2022 budget adjustment, Zhongshan)
        let again = |c: &str| {
            format!("此次预算调整后,全街道政府性基金预算收支增加{c}万元,总收支从年初预算的33239万元调整为36767万元。\n")
        };
        assert_eq!(entries(&again("3528")), [pass("3528")]);
        assert_eq!(entries(&again("3582")), [fail("3582")]);
        // counts too
        let staff = |c: &str| format!("编制由100人调整为120人，增加{c}人。\n");
        assert_eq!(entries(&staff("20")), [pass("20")]);
        assert_eq!(entries(&staff("30")), [fail("30")]);
    }

    #[test]
    fn a_change_on_the_budget_is_the_amount_less_the_budget() {
        let text = |c: &str, w: &str| {
            format!("一般公共预算支出5000万元，较年初预算4000万元{w}{c}万元。\n")
        };
        assert_eq!(entries(&text("1000", "增加")), [pass("1000")]);
        assert_eq!(entries(&text("1200", "增加")), [fail("1200")]);
        // the direction reversed is named as the likely cause
        let report = crate::check_str(&text("1000", "减少")).expect("the text is read");
        let e = report
            .checks
            .iter()
            .find(|e| e.rule == "budget-variance")
            .expect("the change is checked");
        assert_eq!(e.status.to_string(), "fail");
        assert_eq!(e.cause.as_ref().map(|c| c.id), Some("other"));
    }

    #[test]
    fn changes_named_among_the_reasons_or_without_both_figures_are_not_read_so() {
        let unread = [
            // Wulong's 2020 adjustment: the second 调增 names a part, not the difference
            "一般公共预算收入调整为443105万元,调增102620万元,主要是调增上级补助收入83620万元、\
             调增债务转贷收入19000万元。\n",
            "一般公共预算收入由340485万元调整为443105万元,主要是调增上级补助收入83620万元。\n",
            // the whole's change, then a part's two figures
            "收入调增500万元，主要由于税收收入由1000万元调整为1400万元。\n",
            // a change on last year, then an adjustment or a budget
            "支出比上年增加500万元，由年初预算1000万元调整为1400万元。\n",
            "支出比上年增加500万元，较年初预算4000万元增加1200万元。\n",
            // a budget beside, not compared with: the change may be on last year
            "收入5000万元，年初预算4000万元，增加1200万元。\n",
            "支出5000万元，较上年预算4000万元增加1200万元。\n",
            // last year's budget, read as the budget by its 预算数 (a Miaoli county report)
            "收入196.47亿元，较上年度法定预算数128.94亿元，增加115.34亿元。\n",
            "收入由1000万元调整为1400万元，其中上级补助收入增加500万元。\n",
            // two figures that are no adjustment ("由…和…组成")
            "一般公共预算收入由年初预算的100万元和上级补助50万元组成，增加30万元。\n",
            // percentages and their points
            "比重由5%调整为6%，提高1个百分点。\n",
            // a list after the adjusted figure: no change stated
            "全区一般公共预算收入由2050000万元调整为1993224万元,其中本级1197000万元,梅山796224万元。\n",
            // a comparison with last year is the year-on-year check's
            "一般公共预算支出5000万元，比上年4000万元增加1200万元。\n",
            // two clause breaks between the figures: not one statement
            "收入由年初预算的100万元调整为120万元，执行良好，调增30万元。\n",
        ];
        for text in unread {
            assert!(entries(text).is_empty(), "{text}: {:?}", entries(text));
        }
    }

    #[test]
    fn a_budget_named_before_its_final_figure_is_completed_by_it() {
        // a town's 2020 final accounts: "支出预算为" with no 年初, then the final figure
        let text = |rate: &str| {
            format!("2020年度“三公”经费支出预算为30.8万元，支出决算为25.7万元，完成预算的{rate}%，决算数小于预算数。\n")
        };
        assert!(entries(&text("83.44")).contains(&("83.44%".to_string(), "pass".to_string())));
        assert!(entries(&text("73.44")).contains(&("73.44%".to_string(), "fail".to_string())));
        // this year's budget is not last year's final figure's
        let years = "本年支出预算为30.8万元，上年支出决算为25.7万元，完成预算的73.44%。\n";
        assert!(
            entries(years).iter().all(|(_, s)| s != "fail"),
            "{:?}",
            entries(years)
        );
    }

    #[test]
    fn a_completion_rate_agrees_with_words_saying_over_or_under_the_budget() {
        assert_eq!(
            entries("公务接待费完成年初预算的 95%，决算数大于预算数，主要原因是接待任务增加。\n"),
            [("95%".to_string(), "fail".to_string())]
        );
        assert_eq!(
            entries("公务接待费完成年初预算的 105%，决算数小于预算数。\n"),
            [("105%".to_string(), "fail".to_string())]
        );
        // 100 % beside "over the budget" may be 100.4 % rounded: it holds
        assert_eq!(
            entries("公务接待费完成年初预算的 100%，决算数大于预算数。\n"),
            [("100%".to_string(), "pass".to_string())]
        );
        // negated words say nothing; two rates in one clause group leave the words unbound
        assert_eq!(
            entries("公务接待费完成年初预算的 95%，决算数未超出预算。\n"),
            []
        );
        assert_eq!(
            entries("接待费完成年初预算的 95%、会议费完成年初预算的 120%，决算数大于预算数。\n"),
            []
        );
    }

    #[test]
    fn a_completion_rate_of_a_plain_budget_and_final_amount() {
        // modelled on a county education bureau's 三公 account (kmxd.gov.cn, 2018), in 元
        let text = "“三公”经费财政拨款支出预算400,000元,支出决算300,500.50元,完成预算的75.13%。\n";
        assert_eq!(entries(text), [("75.13%".to_string(), "pass".to_string())]);
        let wrong = text.replace("75.13%", "78.13%");
        assert_eq!(
            entries(&wrong),
            [("78.13%".to_string(), "fail".to_string())]
        );
        // the final amount of another quantity than the budget's: no rate of it
        let other = text.replace("支出决算", "接待费决算");
        assert_eq!(entries(&other), []);
    }

    #[test]
    fn a_completion_rate_follows_from_the_actual_and_its_stated_gap() {
        // a kindergarten's final accounts (traditional script): 100 % though the actual
        // exceeds the budget by 55.93: the budget is 1685.82, the rate 103.32 %
        let text =
            "本單位一般公共預算財政撥款支出總計1741.75萬元，與上年相比減少53.7萬元，降低2.99%；\
                    完成年初預算100%，決算數大於預算數55.93萬元，主要原因：工資調標。\n";
        let got = crate::check_str(text).unwrap();
        let e: Vec<_> = got
            .checks
            .iter()
            .filter(|e| e.rule == "budget-variance")
            .collect();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            (e[0].reported.as_str(), e[0].status.to_string()),
            ("100%", "fail".into())
        );
        assert!(
            e[0].cause.as_ref().is_some_and(|c| c.id == "other"),
            "{e:?}"
        );
        assert_eq!(
            entries(&text.replace("完成年初預算100%", "完成年初預算103.32%")),
            [("103.32%".to_string(), "pass".to_string())]
        );
        // a rate naming another quantity is not the amount's before it
        assert_eq!(
            entries(
                "收入合计100万元，比上年增加5万元；支出完成年初预算97%，决算数小于预算数5万元。\n"
            ),
            [("97%".to_string(), "pass".to_string())]
        );
        // short of the budget: 100 ÷ (100 + 5) = 95.24 %
        assert_eq!(
            entries("本年支出100万元，完成年初预算95%，决算数小于预算数5万元。\n"),
            [("95%".to_string(), "pass".to_string())]
        );
        assert_eq!(
            entries("本年支出100万元，完成年初预算97%，决算数小于预算数5万元。\n"),
            [("97%".to_string(), "fail".to_string())]
        );
    }

    #[test]
    fn a_change_on_the_budget_is_the_gap_of_a_completion_rate() {
        // a city's 2016 三公 account (timedg.com): 9615.12 ÷ (9615.12 + 3887.49) = 71.21 %
        let text = "2016年市本级“三公”支出合计为9615.12万元,完成年初预算71.21%,比年初预算减少3887.49万元。\n";
        assert_eq!(entries(text), [("71.21%".to_string(), "pass".to_string())]);
        assert_eq!(
            entries(&text.replace("71.21%", "73.21%")),
            [("73.21%".to_string(), "fail".to_string())]
        );
        // over the budget: 110 ÷ (110 − 10) = 110 %
        let over = "支出110万元,完成年初预算110%,较年初预算增加10万元。\n";
        assert_eq!(entries(over), [("110%".to_string(), "pass".to_string())]);
        // a change on last year's budget is no gap to this year's
        let last = "支出110万元,完成年初预算120%,比上年预算增加10万元。\n";
        assert_eq!(entries(last), []);
        // the actual named as a final figure (a 2022 三公 note, hunt 5's 07.txt, as printed):
        // 0.78 ÷ (0.78 + 1.22) = 39 %
        let fin = "3.公务接待费支出决算为0.78万元,完成预算的39%,比预算减少1.22万元,主要原因是按照八项规定要求,减少公务接待活动。\n";
        assert_eq!(entries(fin), [("39%".to_string(), "pass".to_string())]);
        assert_eq!(
            entries(&fin.replace("39%", "49%")),
            [("49%".to_string(), "fail".to_string())]
        );
        // beside another final figure of the sentence, the rate is that record's
        let two = "公务用车支出决算为1万元,公务接待费支出决算为0.78万元,完成预算的39%,比预算减少1.22万元。\n";
        assert_eq!(entries(two), []);
    }

    #[test]
    fn a_budget_named_after_wancheng_is_the_budget_of_the_final_before_it() {
        // "…支出決算為 7.8 萬元，完成預算 10 萬元的 78.0%": each line's own budget, never one
        // quantity called 完成预算 stated four times
        let text = "“三公”經費財政撥款支出決算為17.06萬元，完成預算27萬元的63.2%。其中：因公出國（境）費\
                    支出決算為7.8萬元，完成預算10萬元的78.0%；公務接待費支出決算為1.76萬元，完成預算5萬元的\
                    25.2%。\n";
        let report = crate::check_str(text).unwrap();
        let got: Vec<(String, String)> = report
            .checks
            .iter()
            .filter(|e| e.status != "pass")
            .map(|e| (e.rule.to_string(), e.reported.clone()))
            .collect();
        assert_eq!(got, [("budget-variance".to_string(), "25.2%".to_string())]);
        assert_eq!(
            entries(text),
            [
                ("63.2%".to_string(), "pass".to_string()),
                ("78.0%".to_string(), "pass".to_string()),
                ("25.2%".to_string(), "fail".to_string())
            ]
        );
    }

    #[test]
    fn a_rate_naming_another_budget_is_not_the_stated_ones() {
        // a county's 2019 audit report (麻阳县): the rate on the adjusted budget, which is
        // not printed, after the one on the budget at the year's start
        let text =
            "国有资产(资本)经营收入完成220万元,完成年初预算150万元的146.67%,完成调整预算的100%。\n";
        assert_eq!(entries(text), [pass("146.67%")]);
        // the same rate named by the stated budget's stage is its own
        let same = text.replace("完成调整预算的100%", "完成年初预算的100%");
        assert_eq!(entries(&same), [pass("146.67%"), fail("100%")]);
    }

    #[test]
    fn a_gap_stated_without_a_sign_is_the_gap_either_way() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        // the actual named before its budget, the gap after: under and over the budget
        assert_eq!(
            entries(
                "“三公”经费支出2.05万元，年初预算为2.95万元，差值为0.9万元。其中：公务接待费\
                 支出2.05万元，年初预算为2万元，差值为0.05万元；公务用车运行维护费支出0万元，\
                 年初预算为0.95万元，差值为1.59万元。\n"
            ),
            pairs(&[("0.9", "pass"), ("0.05", "pass"), ("1.59", "fail")])
        );
        assert_eq!(
            entries("本年支出45万元，年初预算为50万元，与年初预算相差7万元。\n"),
            pairs(&[("7", "fail")])
        );
        // not a budget's gap: income less spending; another line's budget; another
        // year's budget; a gap printed negative, whose direction the words do not give
        for text in [
            "本年收入合计100万元，支出合计90万元，收支差额15万元。\n",
            "基本支出50万元，项目支出预算80万元，差额20万元。\n",
            "2019年支出60万元，2020年预算为70万元，差值为15万元。\n",
            "公用经费支出20万元，年初预算为25万元，差额为-6万元。\n",
        ] {
            assert_eq!(entries(text), pairs(&[]), "{text}");
        }
    }
}
