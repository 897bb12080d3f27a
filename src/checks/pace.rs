//! `pace`: a completion rate stated against the share of the year gone ("完成年初预算的
//! 47.5%，快于序时进度约6个百分点" in a report on January to May).

use super::{Check, Out};
use crate::claims::period::months_at;
use crate::claims::prose::{Kind, Mention, Prose, Tok};
use crate::claims::Claims;
use crate::document::Document;
use crate::relation::{Cause, Expr, Relation, Rule, Severity, Text};
use rust_decimal::Decimal;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::Pace,
    title_zh: "完成进度与序时进度之差",
    title_en: "Progress against the share of the year gone",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "A monthly or quarterly report states how far a completion rate is ahead of or \
               behind the time gone: \"1-5月…完成年初预算的47.5%，快于序时进度约6个百分点\". The \
               序时进度 (时间进度, 均衡进度, 平均进度) of January to month m is m/12, so the \
               points ahead are the rate less m/12 (47.5% − 5/12 = 5.83, printed 6). The period \
               is the one the paragraph (or the paragraphs before it) last names: \"1-5月\", \
               \"1月至5月\", \"截至5月底\", \"上半年\", \"一季度\", \"前三季度\". A single month \
               (\"2月份\") may be the month alone (1/12) or the year to it (2/12): both are read, \
               and the figure is not checked when they disagree. A date within a month \
               (\"截至6月20日\") counts days, which is not read.",
        why: "Ahead of or behind schedule is the headline of a monthly execution report; a gap \
              worked from the wrong number of months, or with the sign turned, misreports it.",
        tolerance: "The rate and the gap stand for ±½ of their last digit; the months' share is \
                    exact. It is a warning, as the share of the year gone is the common \
                    convention, not printed beside the figure.",
        example: "1-5月…完成年初预算的47.5%，快于序时进度14.2个百分点 fails: 47.5% − 5/12 = 5.83 \
                  points; 14.2 is the gap to 4/12, a month short.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "月度或季度报告会说明某一完成率比已过去的时间快多少或慢多少：“1-5月…完成年初预算的\
               47.5%，快于序时进度约6个百分点”。1月至第 m 月的序时进度（时间进度、均衡进度、平均\
               进度）为 m/12，因此快出的百分点数等于完成率减去 m/12（47.5% − 5/12 = 5.83，印为 6）。\
               期间取本段（或前面各段）最后提到的那个：“1-5月”“1月至5月”“截至5月底”“上半年”“一季\
               度”“前三季度”。单独一个月（“2月份”）可能只指该月（1/12），也可能指年初至该月（2/\
               12）：两种都读取，两者结论不一致时，未核对。月内的某一日期（“截至6月20日”）要按天\
               数计算，不读取。",
        why: "快于还是慢于进度，是月度执行报告的要点；按错误的月数算出的差距，或正负号弄反的差距，\
              都会误报这一点。",
        tolerance: "完成率和差距都代表其末位 ±½ 的区间；月份占比是精确值。此项核对的结论为存疑，\
                    因为已过时间的占比只是通行惯例，并没有印在数字旁边。",
        example: "“1-5月…完成年初预算的47.5%，快于序时进度14.2个百分点”，不成立：47.5% − 5/12 = 5.83 \
                  个百分点；14.2 是与 4/12 的差距，少算了一个月。",
    },
    find,
};

const RULE: Rule = Rule::Pace;

/// The words naming the share of the year gone.
const PACE: &[&str] = &[
    "序时进度",
    "序時進度",
    "时序进度",
    "時序進度",
    "时间进度",
    "時間進度",
    "均衡进度",
    "均衡進度",
    "平均进度",
    "平均進度",
];

/// Words before the pace that put the rate ahead of it (+1) or behind it (−1): "超序时进度",
/// "快于序时进度", "低于时间进度", "短平均进度".
const BEFORE: &[(&str, i8)] = &[
    ("超过", 1),
    ("超過", 1),
    ("超出", 1),
    ("快于", 1),
    ("快於", 1),
    ("高于", 1),
    ("高於", 1),
    ("领先", 1),
    ("領先", 1),
    ("领先于", 1),
    ("超", 1),
    ("慢于", -1),
    ("慢於", -1),
    ("低于", -1),
    ("低於", -1),
    ("落后于", -1),
    ("落後於", -1),
    ("落后", -1),
    ("落後", -1),
    ("滞后于", -1),
    ("滯後於", -1),
    ("滞后", -1),
    ("滯後", -1),
    ("短", -1),
];

/// Words after "比/较 + pace" that put the rate ahead (+1) or behind (−1): "较均衡进度慢".
const AFTER: &[(&str, i8)] = &[
    ("快", 1),
    ("高", 1),
    ("超", 1),
    ("超出", 1),
    ("慢", -1),
    ("低", -1),
    ("落后", -1),
    ("落後", -1),
    ("滞后", -1),
    ("滯後", -1),
];

/// Whether the words before a figure state it as points ahead of (+1) or behind (−1) the
/// share of the year gone, and which words name that share.
pub fn pace_words(lead: &str) -> Option<(i8, &'static str)> {
    let lead = lead.trim_end_matches(&['约', '約', '了', '为', '為', '达', '達'][..]);
    // "超序时进度", "低于时间进度"
    for &noun in PACE {
        if let Some(before) = lead.strip_suffix(noun) {
            let before = before.trim_end_matches('的');
            return BEFORE
                .iter()
                .find(|(w, _)| before.ends_with(w))
                .map(|&(_, d)| (d, noun));
        }
    }
    // "比序时进度快", "较均衡进度慢"
    let (rest, d) = AFTER
        .iter()
        .find_map(|&(w, d)| lead.strip_suffix(w).map(|r| (r, d)))?;
    let noun = PACE.iter().find(|n| rest.ends_with(**n))?;
    let compared = rest.strip_suffix(*noun)?;
    (compared.ends_with('比') || compared.ends_with('较') || compared.ends_with('較'))
        .then_some((d, *noun))
}

/// Whether the words before a rate name a year's budget or plan it completes ("完成年初预算
/// 的", "占年度投资计划的", "为预算的").
fn of_a_plan(lead: &str) -> bool {
    [
        "预算", "預算", "计划", "計劃", "计劃", "任务", "任務", "目标", "目標",
    ]
    .iter()
    .any(|w| lead.contains(w))
}

/// The period a rate is of: the months (first and last) the paragraph last names before token
/// `to` outside a comparison, else the paragraphs before it; `Some(Err(()))` where that
/// period ends on a day of a month ("截至6月20日", read in days), `None` where none is named.
fn period_before(
    doc: &Document,
    claims: &Claims<'_>,
    p: &Prose<'_>,
    to: usize,
) -> Option<Result<(Decimal, Decimal), ()>> {
    let last_in = |q: &Prose<'_>, to: usize| {
        let mut found = None;
        for k in 0..to.min(q.toks.len()) {
            if let Some(m) = months_at(doc, q, k).filter(|_| !compared_with(q, k)) {
                // "6月20日": a day of the month
                let day = matches!(
                    (q.toks.get(k + 2), q.toks.get(k + 3)),
                    (Some(Tok::Fig(_)), Some(Tok::Ch('日' | '号' | '號')))
                );
                found = Some(if day { Err(()) } else { Ok(m) });
            }
        }
        found
    };
    if let Some(found) = last_in(p, to) {
        return Some(found);
    }
    claims
        .prose
        .iter()
        .rev()
        .filter(|q| q.index < p.index)
        .find_map(|q| last_in(q, q.toks.len()))
}

/// Whether the period named at token `k` is one compared with, not the one reported on:
/// its clause names a comparison before it ("高于一季度累计增幅2.5个百分点", "比1-4月加快").
fn compared_with(q: &Prose<'_>, k: usize) -> bool {
    q.clause_text_before(k)
        .contains(&['比', '较', '較', '于', '於', '与', '與', '同'][..])
}

/// The shares of the year gone a period may mean, in months of twelve: January to month b
/// is b; a period not from January ("2月份", "二季度") is its own months or the year to its
/// end. None for a period of no share (a year's end, last year's).
fn months_gone(from: Decimal, to: Decimal) -> Vec<Decimal> {
    let twelve = Decimal::from(12);
    if to < Decimal::ONE || to >= twelve || from < Decimal::ONE || from > to {
        return Vec::new();
    }
    let own = to - from + Decimal::ONE;
    if own == to {
        vec![to]
    } else {
        vec![own, to]
    }
}

/// The rate the gap at mention `i` is measured from: the nearest rate before it in its
/// clause group, passing over rates of change ("完成年初预算的47.5%，同比增长25%，快于序时
/// 进度6个百分点"), when it completes a budget or plan.
fn rate_before<'p>(p: &'p Prose<'_>, i: usize) -> Option<&'p Mention> {
    let m = p.mentions.get(i)?;
    let rate = p
        .mentions
        .get(..i)?
        .iter()
        .rev()
        .take_while(|x| x.semi == m.semi)
        .find(|x| x.percent && !matches!(x.kind, Kind::Rate(_)))?;
    // ("占年初预算58651万元的78%": the plan is named before its amount)
    of_a_plan(&p.clause_text_before(rate.at)).then_some(rate)
}

/// Whether the figure at mention `m` is printed as points: "6个百分点", "6百分点", or "0.48%".
fn in_points(p: &Prose<'_>, m: &Mention) -> bool {
    m.percent
        || ["百分点", "百分點", "个百分点", "個百分點"]
            .iter()
            .any(|w| p.word_at(m.at + 1, w))
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for p in &claims.prose {
        for (i, m) in p.mentions.iter().enumerate() {
            let Some((dir, noun)) = pace_words(&m.lead) else {
                continue;
            };
            if !in_points(p, m) {
                continue;
            }
            let context = p.sentence_text(m.at);
            // "快于序时进度的百分点 = 完成率 − 序时进度（5/12）"
            let what_of = |gone: &str, gone_en: &str| {
                if dir > 0 {
                    Text::new(
                        format!("快于{noun}的百分点 = 完成率 − {noun}（{gone}）"),
                        format!("points ahead of the {noun} = completion rate − {gone_en}"),
                    )
                } else {
                    Text::new(
                        format!("慢于{noun}的百分点 = {noun}（{gone}） − 完成率"),
                        format!("points behind the {noun} = {gone_en} − completion rate"),
                    )
                }
            };
            let what = what_of("已过月数 ÷ 12", "months gone ÷ 12");
            let unchecked = |zh: &str, en: &str| {
                Relation::unchecked(RULE, m.fig, what.clone(), Text::new(zh, en))
                    .context(context.clone())
            };
            let Some(rate) = rate_before(p, i) else {
                out.push(unchecked(
                    "同一分句组内未找到完成预算（计划）的百分比",
                    "no completion rate of a budget or plan before it in its clause group",
                ));
                continue;
            };
            let months = match period_before(doc, claims, p, rate.at) {
                Some(Ok((from, to))) => months_gone(from, to),
                Some(Err(())) => {
                    out.push(unchecked(
                        "所指期间截至某月某日，时间进度按天计算，未核对",
                        "the period ends on a day of a month: its share of the year is in days, not read",
                    ));
                    continue;
                }
                None => Vec::new(),
            };
            let gap = |n: Decimal| {
                let gone = Expr::pct(Expr::Const(n), Expr::int(12));
                if dir > 0 {
                    Expr::difference(Expr::Fig(rate.fig), gone)
                } else {
                    Expr::difference(gone, Expr::Fig(rate.fig))
                }
            };
            let reading = |n: Decimal| what_of(&format!("{n}/12"), &format!("{n}/12"));
            let Some((&first, others)) = months.split_first() else {
                out.push(unchecked(
                    "未找到所指期间（如“1-5月”“上半年”）",
                    "no period named before it (such as 1-5月 or 上半年)",
                ));
                continue;
            };
            let mut rel = Relation::equals(RULE, m.fig, gap(first), reading(first))
                .severity(Severity::Warning)
                .monotone()
                .context(context.clone());
            for &n in others {
                rel = rel.reading(gap(n), reading(n));
            }
            // the gap to the month before or after: the months miscounted
            for n in [first - Decimal::ONE, first + Decimal::ONE] {
                if n >= Decimal::ONE && n < Decimal::from(12) && !others.contains(&n) {
                    rel = rel.alternative(
                        Cause::Other(Text::new(
                            format!("按 {n} 个月计算了序时进度"),
                            format!("the year gone counted as {n} months"),
                        )),
                        gap(n),
                    );
                }
            }
            out.push(rel);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pace_words;

    fn verdicts(text: &str) -> Vec<(String, String)> {
        crate::checks::reported(text, "pace")
    }

    use crate::checks::own;

    #[test]
    fn the_words_of_a_gap_give_its_direction() {
        assert_eq!(pace_words("快于序时进度约"), Some((1, "序时进度")));
        assert_eq!(pace_words("超序时进度"), Some((1, "序时进度")));
        assert_eq!(pace_words("超過時間進度"), Some((1, "時間進度")));
        assert_eq!(pace_words("短平均进度"), Some((-1, "平均进度")));
        assert_eq!(pace_words("低于平均进度"), Some((-1, "平均进度")));
        assert_eq!(pace_words("较均衡进度慢"), Some((-1, "均衡进度")));
        assert_eq!(pace_words("比序时进度快"), Some((1, "序时进度")));
        // no direction, or no pace
        assert_eq!(pace_words("序时进度"), None);
        assert_eq!(pace_words("均衡进度慢"), None);
        assert_eq!(pace_words("超年初预算"), None);
    }

    #[test]
    fn a_gap_is_the_rate_less_the_months_gone() {
        // a county's report on January to May: 47.5 − 5/12 × 100 = 5.83, printed 6
        let text = "1-5月,地方一般公共预算收入完成4.92亿元,完成年初预算的47.5%,快于序时进度约6个\
                    百分点,同比增长25.0%。\n";
        assert_eq!(verdicts(text), own(&[("6", "pass")]));
        // a month short: 47.5 − 4/12 = 14.2
        let wrong = text.replace("约6个", "约14.2个");
        assert_eq!(verdicts(&wrong), own(&[("14.2", "fail")]));
        // behind, where the rate is ahead: the sign is wrong
        let behind = text.replace("快于", "慢于");
        assert_eq!(verdicts(&behind), own(&[("6", "fail")]));
    }

    #[test]
    fn the_period_may_be_named_a_paragraph_before_or_in_words() {
        // a development zone's August report (tianshui.gov.cn): 78 − 8/12 = 11.33,
        // 66.67 − 62.3 = 4.37
        let text = "二、8月份累计完成情况\n\
                    截止8月底,经开区大口径财政收入完成45724万元,占年初预算58651万元的78%,\
                    超平均进度11.3个百分点,超收6623万元。\n\
                    一般公共预算收入完成15350万元,占年初预算24650万元的62.3%,短平均进度4.4个百分点。\n";
        assert_eq!(verdicts(text), own(&[("11.3", "pass"), ("4.4", "pass")]));
        let half = "上半年,全市一般公共财政预算收入完成38.3亿元,同比增收6.5亿元,增长20.4%,\
                    完成年初预算的53.5%,超序时进度3.5个百分点。\n";
        assert_eq!(verdicts(half), own(&[("3.5", "pass")]));
        assert_eq!(
            verdicts(&half.replace("上半年", "前三季度")),
            own(&[("3.5", "fail")])
        );
    }

    #[test]
    fn a_period_compared_with_is_not_the_one_reported_on() {
        // 河北's half-year news: the paragraph before names 一季度 only as a comparison;
        // 53.5 − 6/12 = 3.5
        let text =
            "上半年,全省一般公共预算收入完成1603.8亿元,占预算的56.6%,超过时间进度6.6个百分点;\
                    比上年同期增长15.5%,高于一季度累计增幅2.5个百分点。\n\
                    全省一般公共预算支出完成2911.4亿元,占预算的53.5%,超过时间进度3.5个百分点。\n";
        assert_eq!(verdicts(text), own(&[("6.6", "pass"), ("3.5", "pass")]));
    }

    #[test]
    fn a_single_month_is_read_both_ways() {
        // 临洮县's February report: February alone is 1/12 (8.33 − 5.39 = 2.94), January
        // and February 2/12 (16.67 − 16.18 = 0.49, printed 0.48: within rounding)
        let text =
            "2月份,全县实现大口径财政收入5682万元,完成预算105425万元的5.39%,较均衡进度慢2.94%,\
                    较上年同期减收1816万元,下降24.22%。1-2月,全县实现大口径财政收入17056万元,\
                    完成预算的16.18%,较均衡进度慢0.48%,较上年同期增收2113万元,增长14.14%。\n";
        assert_eq!(
            verdicts(text),
            own(&[("2.94%", "unchecked"), ("0.48%", "pass")])
        );
        // neither reading gives it
        let wrong = text.replace("慢2.94%", "慢5.94%");
        assert_eq!(
            verdicts(&wrong),
            own(&[("5.94%", "fail"), ("0.48%", "pass")])
        );
    }

    #[test]
    fn no_period_a_day_or_no_plan_is_not_checked() {
        let none = "全省一般公共预算支出完成2911.4亿元,占预算的53.5%,超过时间进度3.5个百分点。\n";
        assert_eq!(verdicts(none), own(&[("3.5", "unchecked")]));
        let day = format!("截至6月20日,{none}");
        assert_eq!(verdicts(&day), own(&[("3.5", "unchecked")]));
        let no_plan = "上半年,全省税收收入增长8.5%,超过时间进度3.5个百分点。\n";
        assert_eq!(verdicts(no_plan), own(&[("3.5", "unchecked")]));
        // points against something else are not this check's
        let other = "上半年,完成预算的53.5%,高于全省平均水平3.5个百分点。\n";
        assert_eq!(verdicts(other), own(&[]));
    }
}
