//! `change-amount`: a change on another year stated in words ("2022年预算较2021年增加 1.68
//! 万元") is the difference of the two years' amounts, when the text prints both elsewhere.

use super::{Check, Out};
use crate::claims::prose::{
    amount, ends_clause, ends_sentence, is_money, same_family, Kind, Prose, Tok,
};
use crate::claims::scope::{Scope, Stage};
use crate::claims::Claims;
use crate::document::Document;
use crate::figure::FigId;
use crate::relation::{Expr, Relation, Rule, Text};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::ChangeAmount,
    title_zh: "增减额等于两年数之差",
    title_en: "A change in words is the difference of the two years' amounts",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In the text, \"2022年度“三公”经费预算较2021年度增加 1.68 万元\" (or \"其中公务接待较上年同期减少 \
               0.58 万元\", \"与2010年决算数相比，2011年…预算减少 0.42 亿元\") states the change of a \
               quantity between two years whose amounts the text prints elsewhere, each in a sentence \
               naming its year (\"2022年度“三公”经费预算总计 21.8 万元\", \"2021年度“三公”经费合计支出 \
               20.12 万元\"): the change must equal this year's amount minus the other year's (an \
               increase) or the reverse (a decrease). The quantity is matched by its name without \
               the words of stage and total (预算、决算、总计、合计支出), and the “三公”经费 \
               without the level (中央本级) or the funds (财政拨款) a sentence names them with, \
               or named by their three items together; the years by the year \
               named (上年 is the year before; 较, 比, 相较于). A budget named in one of the \
               sentences (a heading's 一般公共预算) and not in the other does not set them \
               apart. A 其中 item's change carries the years of the change before it in the \
               paragraph. Every pair of amounts that fits is a reading.",
        why: "Both years' amounts and their difference are typed separately; a stale figure on \
              either side, or a change taken against another base, shows as a difference that \
              does not follow.",
        tolerance: "Each printed amount stands for ±½ of its last digit: 12.39 − 11.8 may be \
                    anything in [0.535, 0.645], so a printed 0.58 holds within rounding. When \
                    the text does not name the other year's stage (较2021年度, not 较2021年决算数), \
                    the change may be on an amount of that year not printed (its budget where \
                    the text prints its final amount, or the reverse): the relation is then \
                    reported only when it holds — except a final amount's change where the \
                    other year's amount printed is final too (决算数较上年增加 is on last \
                    year's final amount). Several amounts that fit \
                    one year are all readings: it fails only when all fail, and is not checked \
                    when they disagree.",
        example: "2010年“三公”经费决算数 94.7 亿元。2011年“三公”经费预算 94.28 亿元。与2010年决算数相比，\
                  2011年“三公”经费预算减少 0.24 亿元 fails: 94.7 − 94.28 = 0.42.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "正文中，“2022年度“三公”经费预算较2021年度增加 1.68 万元”（或“其中公务接待较上年同\
               期减少 0.58 万元”“与2010年决算数相比，2011年…预算减少 0.42 亿元”）给出了某一数额\
               在两个年度之间的增减额，而这两个年度的数额正文在别处都有印出，各自所在的句子写明\
               了年份（如“2022年度“三公”经费预算总计 21.8 万元”“2021年度“三公”经费合计支出 20.12 \
               万元”）：增加时，增减额必须等于本年数减去另一年度的数额；减少时则反过来相减。数\
               额按名称对应，对应时去掉表示阶段和合计的词（预算、决算、总计、合计支出）；“三公”\
               经费还去掉句中随之写出的层级（中央本级）或资金（财政拨款），也可以用三个项目并列\
               的方式指称“三公”经费。年份按句中写明的年份对应（上年即前一年；比较用词为较、比、\
               相较于）。只在其中一句中提到、另一句中没有提到的某类预算（如标题中的一般公共预算），\
               不妨碍两句相互对应。其中项的增减额沿用同一段中它前面那个增减额的年份。每一对符合\
               条件的数额都算作一种读法。",
        why: "两个年度的数额及其差额是分别录入的；任何一边用了过时的数字，或者增减额是相对另一个\
              基数算的，都会表现为差额与两数对不上。",
        tolerance: "每个印出的数额都代表末位 ±½ 以内的任何值：12.39 − 11.8 可以是 [0.535, 0.645] 中\
                    的任何值，所以印出的 0.58 舍入内成立。正文没有写明另一年度的阶段时（写的是“较\
                    2021年度”，而不是“较2021年决算数”），增减额可能是相对该年度一个没有印出的数\
                    额算的（正文印出的是决算数时，可能是相对其预算数，反之亦然）：这时只在关系成\
                    立时才报告——但有一个例外：决算数的增减额，如果印出的另一年度数额也是决算数，\
                    则照常判断（“决算数较上年增加”是相对上年决算数而言）。同一年度有几个数额都符\
                    合时，都算作读法：只有全部不成立时才判为不成立，各读法结论不一致时为未核对。",
        example: "“2010年“三公”经费决算数 94.7 亿元。2011年“三公”经费预算 94.28 亿元。与2010年决\
                  算数相比，2011年“三公”经费预算减少 0.24 亿元”不成立：94.7 − 94.28 = 0.42。",
    },
    find,
};

const RULE: Rule = Rule::ChangeAmount;

/// At most this many pairs of amounts are readings of one change: more means the quantity
/// is named too loosely to bind.
const MAX_READINGS: usize = 4;

/// The words of stage and total a quantity's name may carry in one sentence and not in
/// another ("三公经费预算总计", "三公经费合计支出"): stripped from its end, repeatedly.
const STAGE_WORDS: &[&str] = &[
    "合计支出",
    "决算支出",
    "实际支出",
    "预算数",
    "决算数",
    "预算",
    "决算",
    "总计",
    "合计",
    "共计",
    "安排",
];

/// The words a change ends with ("…预算减少 0.42 亿元").
const CHANGE_WORDS: &[&str] = &[
    "增加", "增长", "上升", "提高", "减少", "下降", "降低", "压减", "节约",
];

/// The name of a quantity without quotes, leading 其中 / 年度 and trailing stage words.
fn core(name: &str) -> String {
    let mut s = crate::figure::kept(name, |c| !"“”\"‘’'《》 ".contains(c));
    loop {
        let before = s.len();
        // ("2022年的“三公”经费")
        for p in ["其中", "年度", "年", "的"] {
            if let Some(r) = s.strip_prefix(p) {
                s = r.to_string();
            }
        }
        for w in STAGE_WORDS {
            if let Some(r) = s.strip_suffix(w) {
                s = r.to_string();
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The quantity a [`core`] name stands for, for matching amounts to a change. The
/// “三公”经费 are one quantity whoever's they are and however the sentence qualifies them:
/// "2011年中央本级“三公”经费财政拨款预算" and "…、公务接待费决算支出" (the three items named
/// together) are both 三公经费 — the levels a document names (本级) and the funds the 三公
/// are paid from (财政拨款) are not part of the quantity.
fn quantity(core_name: &str) -> String {
    let Some(k) = core_name.find("三公经费") else {
        return core_name.to_string();
    };
    let from = if core_name
        .get(..k)
        .is_some_and(|before| before.ends_with("本级"))
    {
        k
    } else {
        0
    };
    core(
        &core_name
            .get(from..)
            .unwrap_or(core_name)
            .replace("财政拨款", ""),
    )
}

/// The stage a phrase names, if any.
fn stage_named(words: &str) -> Option<Stage> {
    // (most phrases name no 预算 or 决算 at all: nothing to take out)
    if !words.contains('算') {
        return None;
    }
    // 一般公共预算 names a budget, not a stage
    let words = words
        .replace("一般公共预算", "")
        .replace("公共财政预算", "");
    if words.contains("决算") {
        Some(Stage::Final)
    } else if words.contains("预算") {
        Some(Stage::Budget)
    } else {
        None
    }
}

/// A change's comparison as read from its clause.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Comparison {
    /// The quantity's name, as [`core`] leaves it.
    subject: String,
    /// The quantity it names ([`quantity`]).
    quantity: String,
    /// The year the change is of, when named.
    this_year: Option<i64>,
    /// The stage the subject names.
    this_stage: Option<Stage>,
    /// The year compared with, when named (`None` with `last_year` for 上年).
    base_year: Option<i64>,
    /// Compared with 上年 / 上年同期: the year before this one.
    last_year: bool,
    /// The stage the base names (较2021年决算数).
    base_stage: Option<Stage>,
}

/// The value of a year figure.
fn year_of(doc: &Document, id: FigId) -> Option<i64> {
    doc.figure(id).and_then(|f| f.number.whole())
}

/// One clause's tokens as text, each year figure replaced by nothing and remembered.
fn words(doc: &Document, p: &Prose<'_>, from: usize, to: usize) -> (String, Vec<(usize, i64)>) {
    let mut s = String::new();
    let mut years = Vec::new();
    for t in p.toks.get(from..to).unwrap_or(&[]) {
        match t {
            Tok::Ch(c) => s.push(*c),
            Tok::Fig(id) => {
                if let Some(y) = year_of(doc, *id).filter(|y| (1900..=2200).contains(y)) {
                    years.push((s.len(), y));
                }
            }
        }
    }
    (s, years)
}

/// Where the clause holding token `at` starts (after its separator).
fn clause_start(p: &Prose<'_>, at: usize) -> usize {
    (0..at)
        .rev()
        .find(|&k| matches!(p.toks.get(k), Some(Tok::Ch(c)) if ends_clause(*c)))
        .map_or(0, |k| k + 1)
}

/// Whether a figure is an amount (not a year) between `from` and `to`.
fn amount_between(doc: &Document, p: &Prose<'_>, from: usize, to: usize) -> bool {
    p.mentions
        .iter()
        .any(|m| m.at >= from && m.at < to && m.kind != Kind::Year && m.unit.is_some())
        || p.toks.get(from..to).is_some_and(|ts| {
            ts.iter().any(
                |t| matches!(t, Tok::Fig(id) if doc.figure(*id).is_some_and(|f| f.unit.is_some())),
            )
        })
}

/// Reads the comparison of the change at token `at`: "S 较 B 增加" in its own clause, or
/// "与 B 相比，S 减少" over two.
fn comparison(doc: &Document, p: &Prose<'_>, at: usize) -> Option<Comparison> {
    let start = clause_start(p, at);
    if amount_between(doc, p, start, at) {
        return None;
    }
    let (clause, years) = words(doc, p, start, at);
    let marker = ["较", "比"]
        .iter()
        .filter_map(|w| clause.rfind(w).map(|k| (k, w.len())))
        .max();
    let (subject, subject_years, base, base_years) = match marker {
        // ("S 相较于 B", "S 相比 B")
        Some((k, len)) => (
            clause.get(..k)?.trim_end_matches('相').to_string(),
            years.iter().filter(|y| y.0 <= k).map(|y| y.1).into_vec(),
            clause.get(k + len..)?.trim_start_matches('于').to_string(),
            years.iter().filter(|y| y.0 > k).map(|y| y.1).into_vec(),
        ),
        None => {
            // "与 2010 年决算数相比，S 减少": the base is the previous clause, whole
            let prev_end = start.checked_sub(1)?;
            if matches!(p.toks.get(prev_end), Some(Tok::Ch(c)) if ends_sentence(*c)) {
                return None;
            }
            let prev_start = clause_start(p, prev_end);
            if amount_between(doc, p, prev_start, prev_end) {
                return None;
            }
            let (prev, prev_years) = words(doc, p, prev_start, prev_end);
            let inner = prev.strip_prefix('与')?.strip_suffix("相比")?;
            (
                clause.clone(),
                years.iter().map(|y| y.1).into_vec(),
                inner.to_string(),
                prev_years.iter().map(|y| y.1).into_vec(),
            )
        }
    };
    // the change word ends the clause: without it the subject names the quantity only
    let mut subject_words = subject.trim_start_matches(',');
    for w in CHANGE_WORDS {
        subject_words = subject_words.strip_suffix(w).unwrap_or(subject_words);
    }
    let last_year = base.contains("上年") || base.contains("上一年");
    if base_years.len() > 1 || subject_years.len() > 1 || base_years.is_empty() && !last_year {
        return None;
    }
    let subject = core(subject_words);
    if subject.chars().count() < 2 {
        return None;
    }
    Some(Comparison {
        this_stage: stage_named(subject_words),
        quantity: quantity(&subject),
        subject,
        this_year: subject_years.first().copied(),
        base_year: base_years.first().copied(),
        last_year: last_year && base_years.is_empty(),
        base_stage: stage_named(&base),
    })
}

/// Whether two years' amounts are of one account: a budget one of them does not name is
/// no difference (a heading's "2022年一般公共预算“三公”经费决算…" is its first paragraph's
/// and not the next's).
fn alike(a: Scope, mut b: Scope) -> bool {
    if a.budget.is_none() || b.budget.is_none() {
        b.budget = a.budget;
    }
    a.comparable(&b)
}

/// The scope without the facets two years' amounts differ in.
fn yearless(s: &Scope) -> Scope {
    let mut s = *s;
    s.year = None;
    s.stage = None;
    s.section = None;
    s
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    // every amount the text names with a year: (subject, year, stage, figure, unit, scope)
    let mut levels = Vec::new();
    for p in &claims.prose {
        for m in &p.mentions {
            // "2010年…决算数 94.7 亿元" is an amount of its stage
            let stage = match m.kind {
                Kind::Level => stage_named(&m.lead).or(m.scope.stage),
                Kind::Budget => Some(Stage::Budget),
                Kind::Final => Some(Stage::Final),
                _ => continue,
            };
            if m.percent || !is_money(m.unit) {
                continue;
            }
            let Some(year) = m.scope.year else { continue };
            levels.push((
                quantity(&core(&m.label)),
                year,
                stage,
                m.fig,
                m.unit,
                m.scope,
            ));
        }
    }
    if levels.is_empty() {
        return;
    }
    for p in &claims.prose {
        // the years of the last change read in the paragraph: a 其中 item's change goes on
        // comparing the same two years
        let mut carried: Option<i64> = None;
        for m in &p.mentions {
            let Kind::Change(sign) = m.kind else { continue };
            if m.percent || !is_money(m.unit) || m.listed {
                continue;
            }
            let Some(c) = comparison(doc, p, m.at) else {
                continue;
            };
            let this_year = c.this_year.or(carried);
            let Some(this_year) = this_year else { continue };
            let base_year = match c.base_year {
                Some(y) => y,
                None if c.last_year => this_year - 1,
                None => continue,
            };
            if base_year == this_year {
                continue;
            }
            carried = Some(this_year);
            let scope = yearless(&m.scope);
            let of = |year: i64, stage: Option<Stage>| -> Vec<(FigId, Option<Stage>)> {
                levels
                    .iter()
                    .filter(|l| {
                        l.1 == year
                            && l.0 == c.quantity
                            && l.3 != m.fig
                            && same_family(l.4, m.unit)
                            && stage.is_none_or(|s| l.2 == Some(s))
                            && alike(yearless(&l.5), scope)
                    })
                    .map(|l| (l.3, l.2))
                    .into_vec()
            };
            let now = of(this_year, c.this_stage);
            let then = of(base_year, c.base_stage);
            if now.is_empty() || then.is_empty() || now.len() * then.len() > MAX_READINGS {
                continue;
            }
            let mut pairs = now.iter().flat_map(|a| then.iter().map(move |b| (*a, *b)));
            let Some(first) = pairs.next() else { continue };
            // the text asserts the base only when it names its stage: "2024年预算较2023年增加"
            // may be on last year's final amount though the text prints its budget. A final
            // amount's change is on last year's final amount ("2022年决算数相较于上年增加"):
            // asserted where that is the amount the text prints
            let asserted = c.base_stage.is_some()
                || c.this_stage == Some(Stage::Final)
                    && then.iter().all(|b| b.1 == Some(Stage::Final));
            let expr = |(a, b): ((FigId, Option<Stage>), (FigId, Option<Stage>))| {
                let (now, then) = (amount(doc, a.0, m.unit), amount(doc, b.0, m.unit));
                if sign > 0 {
                    Expr::difference(now, then)
                } else {
                    Expr::difference(then, now)
                }
            };
            let what = if sign > 0 {
                Text::new(
                    format!("增加额 = {this_year}年{0} − {base_year}年{0}", c.subject),
                    format!(
                        "increase = {0} of {this_year} − {0} of {base_year}",
                        c.subject
                    ),
                )
            } else {
                Text::new(
                    format!("减少额 = {base_year}年{0} − {this_year}年{0}", c.subject),
                    format!(
                        "decrease = {0} of {base_year} − {0} of {this_year}",
                        c.subject
                    ),
                )
            };
            let mut rel = Relation::equals(RULE, m.fig, expr(first), what.clone())
                .context(p.sentence_text(m.at));
            for pair in pairs {
                rel = rel.reading(expr(pair), what.clone());
            }
            out.push(if asserted { rel } else { rel.only_if_holds() });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::reported;

    fn statuses(text: &str) -> Vec<(String, String)> {
        reported(text, "change-amount")
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn a_doubled_comma_after_the_comparison_does_not_hide_it() {
        // text copied from a web page: "与…相比,," leaves no empty clause between the two
        let text = |sep: &str, change: &str| {
            format!(
                "2011年“三公”经费预算94.28亿元。2010年“三公”经费决算数94.7亿元。\
                 与2010年决算数相比{sep}2011年“三公”经费预算减少{change}亿元。\n"
            )
        };
        for sep in [",,", "，，", "，"] {
            assert_eq!(
                statuses(&text(sep, "0.42")),
                [pair("0.42", "pass")],
                "{sep}"
            );
            assert_eq!(
                statuses(&text(sep, "0.24")),
                [pair("0.24", "fail")],
                "{sep}"
            );
        }
    }

    #[test]
    fn the_sangong_are_one_quantity_whoevers_and_from_whatever_funds() {
        // the Ministry of Finance's 2011 notice (a mirror, realdocs 02): this year's budget is
        // "中央本级“三公”经费财政拨款预算", last year's final amount is named by the three items
        let text = |change: &str| {
            format!(
                "2011年中央本级“三公”经费财政拨款预算94.28亿元。与2010年决算数相比,2011年中央本级“三公”经费财政拨款预算减少{change}亿元。\
                 2010年中央本级用财政拨款开支的因公出国(境)经费、公务用车购置及运行费、公务接待费决算支出94.7亿元。\n"
            )
        };
        assert_eq!(statuses(&text("0.42")), [pair("0.42", "pass")]);
        assert_eq!(statuses(&text("0.24")), [pair("0.24", "fail")]);
        // named plainly, last year's is the same quantity
        let plain = "2011年中央本级“三公”经费财政拨款预算94.28亿元。与2010年决算数相比,2011年中央本级“三公”经费财政拨款预算减少0.42亿元。2010年中央本级三公经费决算支出94.7亿元。\n";
        assert_eq!(statuses(plain), [pair("0.42", "pass")]);
        // a body named for one year and not the other (机关, not 本级) is another quantity
        let body = plain.replace("2010年中央本级三公经费", "2010年中央本级机关三公经费");
        assert_eq!(statuses(&body), []);
    }

    const SANGONG: &str = "一、2023年“三公”经费预算安排情况\n2023年度“三公”经费预算总计30.5万元，其中：因公出国（境）经费0万元，公务接待14.2万元，公务用车运行费用16.3万元。\n二、2022年“三公”经费决算情况\n2022年度“三公”经费合计支出28.25万元，其中：因公出国（境）经费0万元，公务接待15.06万元，公务用车运行费用13.19万元。\n2023年度“三公”经费预算较2022年度增加2.25万元，其中公务接待较上年同期减少0.86万元。公务用车运行费用较上年同期增加3.11万元。\n";

    #[test]
    fn a_change_in_words_is_the_two_years_difference() {
        assert_eq!(
            statuses(SANGONG),
            [
                pair("2.25", "pass"),
                pair("0.86", "pass"),
                pair("3.11", "pass")
            ]
        );
    }

    #[test]
    fn a_difference_that_does_not_follow_fails_only_when_the_base_is_named() {
        // the base year's stage is not named and its only amount is a 决算 beside this
        // year's 预算: the change may be on last year's budget, which is not printed
        let unnamed = SANGONG.replace("增加3.11", "增加3.31");
        assert_eq!(
            statuses(&unnamed),
            [pair("2.25", "pass"), pair("0.86", "pass")]
        );
        let named = unnamed.replace("较上年同期增加3.31", "较上年决算数增加3.31");
        assert_eq!(
            statuses(&named),
            [
                pair("2.25", "pass"),
                pair("0.86", "pass"),
                pair("3.31", "fail")
            ]
        );
    }

    /// The shape of a district's 三公 final account (echeng.gov.cn, 2023-12-12,
    /// t20231212_599416): a heading naming the budget, both years' final amounts, then the
    /// change on 上年 in a paragraph of its own.
    const FINALS: &str = "2022年一般公共预算“三公”经费决算执行情况说明\n\n鄂城区2022年的“三公\"经费决算数合计为1000.86万,其中:公务用车购置费399.25万元、公务接待费43.77万元。2021年的三公经费决算数合计为807.95万,其中:公务用车购置费272.53万元、公务接待费39.43万元。\n\n2022年“三公\"经费决算数相较于上年增加275.76万元,主要原因是:\n";

    #[test]
    fn a_final_amounts_change_on_last_year_is_on_the_final_amount_the_text_prints() {
        // 1000.86 − 807.95 = 192.91: the 275.76 adds up only the items that rose
        assert_eq!(statuses(FINALS), [pair("275.76", "fail")]);
        let holds = FINALS.replace("增加275.76", "增加192.91");
        assert_eq!(statuses(&holds), [pair("192.91", "pass")]);
        // last year's amount printed as a budget: the change may be on its final amount,
        // which is not printed
        let budget = FINALS.replace("2021年的三公经费决算数", "2021年的三公经费预算数");
        assert!(statuses(&budget).is_empty());
        // this year's budget on last year's final amount is not asserted either
        let this_budget = FINALS.replace("经费决算数相较于", "经费预算数相较于");
        assert!(statuses(&this_budget).is_empty());
    }

    #[test]
    fn a_base_of_the_same_stage_not_named_does_not_fail() {
        // last year's budget is printed, but "较2022年" may be on last year's final amount
        let text = "2023年部门预算收入500万元。2022年部门预算收入450万元。2023年部门预算收入较2022年增加62万元。\n";
        assert!(statuses(text).is_empty());
        let holds = text.replace("增加62", "增加50");
        assert_eq!(statuses(&holds), [pair("50", "pass")]);
    }

    #[test]
    fn a_base_named_before_the_subject_is_read() {
        let text = "2010年中央本级“三公”经费决算数94.7亿元。\n2011年中央本级“三公”经费预算94.28亿元。与2010年决算数相比，2011年中央本级“三公”经费预算减少0.42亿元。\n";
        assert_eq!(statuses(text), [pair("0.42", "pass")]);
        let wrong = text.replace("减少0.42", "减少0.24");
        assert_eq!(statuses(&wrong), [pair("0.24", "fail")]);
        // an increase where the amounts fell is not the change printed
        let up = text.replace("减少0.42", "增加0.42");
        assert_eq!(statuses(&up), [pair("0.42", "fail")]);
    }

    #[test]
    fn a_change_beside_its_own_amount_or_without_both_years_is_left_to_other_checks() {
        // this year's amount in the same sentence: the yoy-change reading
        assert!(
            statuses("2023年机关运行经费支出184.65万元，比2022年度增加2.55万元。\n").is_empty()
        );
        // the other year's amount is not printed
        assert!(statuses(
            "2023年度“三公”经费预算总计30.5万元。2023年度“三公”经费预算较2022年度增加2.25万元。\n"
        )
        .is_empty());
    }

    #[test]
    fn names_lose_stage_and_total_words_only() {
        assert_eq!(super::core("“三公”经费预算总计"), "三公经费");
        assert_eq!(super::core("年度“三公”经费合计支出"), "三公经费");
        assert_eq!(super::core("公务用车运行费用"), "公务用车运行费用");
        // 收入支出总计 is not 收入
        assert_eq!(super::core("收入支出总计"), "收入支出");
    }
}
