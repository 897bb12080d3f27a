//! `yoy-change`: a rate of change on last year stated in the text equals the change
//! divided by last year's figure.

use super::{Check, Out};
use crate::claims::prose::{
    amount, budget_stated, compared, compared_base, is_money, names_a_past_year, same_family,
    unquoted, Kind, Mention, Prose,
};
use crate::claims::sangong::label_item;
use crate::claims::Claims;
use crate::document::Document;
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Cause, Expr, Relation, Text};
use crate::IntoVec;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::YoyChange,
    title_zh: "同比增减率以上年数为基数",
    title_en: "Year-on-year rates are on last year's figure",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In the text, \"X 万元，与上年相比，增加/减少 Y 万元，增长/降低 Z%\" states this \
               year's X, the change Y and the rate Z: Z must equal Y ÷ (X − Y) for an increase \
               and Y ÷ (X + Y) for a decrease — last year's figure is the base (X may be a \
               budget disclosure's \"预算数为 X 万元\", when no other amount precedes the change in \
               its sentence). The rate word \
               must agree with the change word. Where last year's amount is printed in the \
               clause (\"支出 2.05 万元，较上年 2.08 减少 0.03 万元\", or named by its year, \
               \"比2013年度决算数 8750.27 万元减少\", when the amount's year is the next or not \
               known; two years' budgets too, \
               \"2020年预算数为 500 万元，较2019年预算数 450 万元增加 50 万元\", when no final \
               figure stands beside them), the change must be the \
               difference of the two and the rate is on the printed amount; with no change \
               stated (\"总投入 32806.46 亿元，比上年的 30364.72 亿元增长 8.04%\"), the rate is the two \
               amounts' difference over last year's, and so is a rate after an amount moved from last \
               year's (\"从去年的 193.45 亿元猛减到今年的 125.54 亿元，降幅达 35.1%\"). The paired form \"收、支总计各是 X1、X2，各减少 \
               Y1、Y2，各下降 p%、q%\" is read by position. Traditional script (與上年相比，減少 \
               …，下降 …%) reads the same. A 三公 item's change whose sentence states no \
               this-year figure takes it from the 三公 table (公务接待费支出决算减少 0.15 万元，下降 \
               27.78% with the table's 决算 0.39); with no such table, from the one amount the \
               三公 section states before it for that item, stage and year. A rate with no \
               change after 较/比 and a year (\"公务用车购置及运行费 1205.06 万元(较2010年压缩2%)\") \
               is on the amount of the same name, stage and entity the text states for that year \
               elsewhere; said only where it holds, as that base is not printed beside it. An \
               average yearly rate between two amounts each printed after its year (\"从2015年的 \
               2007 万元上升到2020年的 2468 万元，年均增长 4.22%\") compounds: (2468 ÷ 2007)^(1/5) \
               − 1 = 4.222%; one printed as the rate over all the years, or that rate divided by \
               the years, is shown as the likely cause.",
        why: "Dividing by this year's figure instead of last year's is the most common slip in \
              these rates; \"增长 100%\" on a line that did not exist last year is another.",
        tolerance: "Each printed figure stands for ±½ of its last digit; the rate holds when \
                    some choice of unrounded X and Y gives the printed rate. A last-year figure \
                    of exactly zero has no finite rate, so any printed rate on it fails.",
        example: "本年收入 14209.74 万元，减少 2576.77 万元，降低 18% fails: 2576.77 ÷ 16786.51 \
                  = 15.35%; 18% is 2576.77 ÷ 14209.74, this year's figure as the base.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "正文中，“X 万元，与上年相比，增加/减少 Y 万元，增长/降低 Z%”给出了本年数 X、增减额 Y 和\
               增减率 Z：增加时，Z 必须等于 Y ÷ (X − Y)；减少时，Z 必须等于 Y ÷ (X + Y)——基数是\
               上年数（如果句中增减额之前没有其他数额，X 也可以是预算公开中的“预算数为 X 万元”）。\
               增减率的用词必须与增减额的用词方向一致。如果分句中印出了上年数（如“支出 2.05 万元，\
               较上年 2.08 减少 0.03 万元”；或用年份指明，如“比2013年度决算数 8750.27 万元减少”，\
               条件是本年数所属年度正是该年份的下一年，或无法确定；两个年度的预算数也是如此，如\
               “2020年预算数为 500 万元，较2019年预算数 450 万元增加 50 万元”，条件是旁边没有决\
               算数），增减额必须等于两数之差，增减率以印出的上年数为基数；如果没有写增减额（如\
               “总投入 32806.46 亿元，比上年的 30364.72 亿元增长 8.04%”），增减率等于两数之差除\
               以上年数；数额从上年的数变为今年的数之后给出的增减率（如“从去年的 193.45 亿元猛减\
               到今年的 125.54 亿元，降幅达 35.1%”）也这样计算。成对的写法“收、支总计各是 X1、X2\
               ，各减少 Y1、Y2，各下降 p%、q%”按位置一一对应读取。繁体字写法（“與上年相比，減少 …，\
               下降 …%”）读法相同。“三公”经费某一项目的增减，如果所在句子没有给出本年数，本年数\
               取自“三公”经费表（如“公务接待费支出决算减少 0.15 万元，下降 27.78%”，取表中的决算\
               数 0.39）；没有这张表时，取正文“三公”经费部分在此之前就同一项目、同一阶段（预算或\
               决算）、同一年度给出的唯一一个数额。在“较/比 + 年份”之后只有增减率、没有增减额的\
               （如“公务用车购置及运行费 1205.06 万元(较2010年压缩2%)”），以正文别处给出的该年度\
               同名称、同阶段、同主体的数额为基数；由于这个基数没有印在旁边，只在成立时才报告。\
               两个数额各自印在其年份之后，两者之间的年均增长率（如“从2015年的 2007 万元上升到2020\
               年的 2468 万元，年均增长 4.22%”）按复合增长计算：(2468 ÷ 2007)^(1/5) − 1 = 4.222%\
               ；如果印出的是整个期间的总增长率，或是总增长率除以年数，会指出这是可能的原因。",
        why: "用本年数而不是上年数作除数，是这类增减率中最常见的错误；对上年并不存在的项目写“增长 100%\
              ”，是另一种错误。",
        tolerance: "每个印出的数字都代表末位 ±½ 以内的任何值；只要 X 和 Y 在舍入前存在某种取值能\
                    得出印出的增减率，该增减率即成立。上年数恰好为零时，不存在有限的增减率，因此\
                    以它为基数印出的任何增减率都不成立。",
        example: "“本年收入 14209.74 万元，减少 2576.77 万元，降低 18%”不成立：2576.77 ÷ 16786.51 \
                  = 15.35%；18% 是 2576.77 ÷ 14209.74，即以本年数为基数。",
    },
    find,
};

const RULE: Rule = Rule::YoyChange;

/// Last year's figure from this year's and the change: this − change for an increase,
/// this + change for a decrease, both when a template's alternative words leave the
/// direction unknown (减少（增加）).
fn last_years(this: &Expr, change: &Expr, dc: i8) -> Vec<Expr> {
    let up = || Expr::difference(this.clone(), change.clone());
    let down = || Expr::sum([this.clone(), change.clone()]);
    match dc {
        1.. => vec![up()],
        0 => vec![up(), down()],
        _ => vec![down()],
    }
}

/// The rate as the words sign it: negated when the change and rate words claim opposite
/// directions (增加 … 下降); its magnitude when either direction is unknown.
fn signed(dc: i8, dr: i8, e: Expr) -> Expr {
    if dc == dr || dc == 0 || dr == 0 {
        e
    } else {
        Expr::product(Expr::int(-1), e)
    }
}

/// What a rate relation says, with a note when the direction words were a template's
/// alternatives.
fn with_direction_note(what: Text, dc: i8, dr: i8) -> Text {
    if dc != 0 && dr != 0 {
        return what;
    }
    Text::new(
        format!(
            "{}（增减方向词为模板的备选字样，如“下降（增长）”，方向不明：按数值核对各种读法）",
            what.zh
        ),
        format!(
            "{} (the direction words are a template's alternatives, e.g. 下降（增长）: the \
             direction is unknown, so the magnitude is checked under each reading)",
            what.en
        ),
    )
}

/// The run of listed mentions ending at index `last`.
fn group_ending(ms: &[Mention], last: usize) -> Vec<usize> {
    let mut g = vec![last];
    let mut k = last;
    while ms.get(k).is_some_and(|m| m.listed) && k > 0 {
        k -= 1;
        g.push(k);
    }
    g.reverse();
    g
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    for p in &claims.prose {
        // "(一)…完成 A，同比增加 D，增长 r%。…(二)…完成 B，增加 d，增长 s%。": the lead of a
        // parallel section (二) of a paragraph whose first sentence states the comparison
        // inherits it
        let inherits = states_comparison(p);
        find_in(doc, p, claims, inherits, out);
    }
}

/// The total of a 其中 list that a change stated after its last part may be about:
/// "总预算 A 元，其中：基本支出 B 元，项目支出 C 元，同比增加 D 元" can be the change of A
/// or of C. Only when neither the total nor an earlier part states a change of its own
/// (then each part has its own, as in "本年收入 A，比上年增加…。其中：X，比上年增加…").
fn total_reading<'p>(
    p: &'p Prose<'_>,
    claims: &Claims<'_>,
    level: &Mention,
    change: &Mention,
) -> Option<&'p Mention> {
    let b = claims
        .breakdown_of(level.fig)
        .filter(|b| b.para == p.index && b.parts.len() >= 2)
        .filter(|b| b.parts.last().is_some_and(|x| x.0 == level.fig))?;
    let ms = &p.mentions;
    let k = ms.binary_search_by_key(&b.total, |m| m.fig).ok()?;
    let total = ms.get(k)?;
    let first_part = b.parts.first()?.0;
    let has_change = |from: usize, to: usize| {
        let a = ms.partition_point(|m| m.at <= from);
        let z = ms.partition_point(|m| m.at < to);
        ms.get(a..z)
            .unwrap_or(&[])
            .iter()
            .any(|m| matches!(m.kind, Kind::Change(_)) && m.fig != change.fig)
    };
    let first_at = ms.iter().find(|m| m.fig == first_part)?.at;
    (!has_change(total.at, first_at)
        && !has_change(first_at, level.at)
        && same_family(total.unit, change.unit))
    .then_some(total)
}

/// Whether an amount of this year stands between mentions `from` and `to` (exclusive): a
/// level in money, outside brackets unless the rate is inside them, not named as last
/// year's ("上年 2.08 万元").
fn own_amount_between(p: &Prose<'_>, from: usize, to: usize, inner: bool) -> bool {
    p.mentions.get(from + 1..to).unwrap_or(&[]).iter().any(|x| {
        x.kind == Kind::Level && is_money(x.unit) && (inner || !x.inner) && !compared(p, x)
    })
}

/// How many mentions before a change its own base is looked for (a sentence without a stop,
/// megabytes long, would otherwise be walked back once per change).
const BASE_REACH: usize = 12;

/// Whether the change at mention `change` is measured from a base its sentence names
/// before it, and another base is named between it and the rate at mention `rate`: the
/// rate is on that other base.
fn another_base(doc: &Document, p: &Prose<'_>, change: usize, rate: usize) -> bool {
    let ms = &p.mentions;
    let Some(c) = ms.get(change) else {
        return false;
    };
    let base = |x: &Mention| {
        matches!(
            x.kind,
            Kind::Level | Kind::Final | Kind::Budget | Kind::Other
        ) && is_money(x.unit)
            && compared(p, x)
    };
    let raw = |x: &Mention| doc.figure(x.fig).map(|f| f.raw);
    let own = ms
        .get(..change)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|x| x.sentence == c.sentence)
        .take(BASE_REACH)
        .find(|x| base(x));
    let Some(own) = own else {
        return false;
    };
    ms.get(change + 1..rate)
        .unwrap_or(&[])
        .iter()
        .any(|x| base(x) && raw(x) != raw(own))
}

/// "收支总预算 4,471.22 万元,含…经费 250 万元,…经费 537.31 万元;比2012年预算增加 755.18
/// 万元": where the change's clause group names no amount and the amounts before it follow
/// 含 (包括, 其中) the sentence's first amount, they are what that amount holds, and the
/// change is the first amount's. Mentions are indexed in `p.mentions`; `level` is the
/// nearest amount before the change `change`.
fn subject_of_contents(p: &Prose<'_>, level: usize, change: usize) -> Option<usize> {
    let ms = &p.mentions;
    let (l, c) = (ms.get(level)?, ms.get(change)?);
    if l.semi == c.semi {
        return None;
    }
    let first = (0..level)
        .rev()
        .take_while(|&k| ms.get(k).is_some_and(|x| x.sentence == l.sentence))
        .filter(|&k| ms.get(k).is_some_and(|x| x.kind == Kind::Level && !x.inner))
        .last()?;
    let words = p.text_between(ms.get(first)?.at, l.at);
    let contents = ["含", "包括", "其中"]
        .iter()
        .find_map(|w| words.split_once(w))?;
    // ("…收入总计 457.82 万元,其中:1.财政拨款收入 364.66 万元,…。较上年度决算数减少…": a
    // numbered item is a subject of its own, and the sentence after it is its own)
    let after = contents.1.trim_start_matches(&[':', '：', ' '][..]);
    let numbered = after.starts_with(&['#', '(', '（'][..]) || after.chars().nth(1) == Some('、');
    (l.sentence == c.sentence || !numbered).then_some(first)
}

/// Whether the sentence holding token `at` is the 其中 list of the sentence before it and
/// that sentence states a change on last year (同比, 上年, 去年).
fn inherits_comparison(p: &Prose<'_>, at: usize, inherits: bool) -> bool {
    let opening = p.sentence_text(at);
    let opening = opening.trim_start_matches(|ch: char| {
        ch.is_ascii_digit() || ch.is_whitespace() || "．.、（）()".contains(ch)
    });
    if !opening.starts_with("其中") {
        return false;
    }
    let lead = p.previous_sentence(at, 480);
    if lead.contains("同比") || lead.contains("上年") || lead.contains("去年") {
        return true;
    }
    // ("“三公”经费支出决算比2017年减少51.84万元。其中:因公出国(境)费支出决算减少46.70万元,
    // 下降92.46%", a city bureau's 2018 final accounts: last year named by its number, a
    // figure read as # here)
    if lead.contains("比#年") || lead.contains("较#年") {
        return true;
    }
    // the lead opens a later section of the paragraph and inherits from its first one
    inherits && !lead.contains(&['比', '较', '与'][..]) && opens_section(&lead)
}

/// Whether a sentence opens a later section of a numbered list: (二), （三）, 二、.
fn opens_section(s: &str) -> bool {
    let s = s.trim_start().trim_start_matches(&['(', '（'][..]);
    let mut cs = s.chars();
    let first = cs.next();
    let second = cs.next();
    first.is_some_and(|c| "二三四五六七八九十".contains(c))
        && second.is_some_and(|c| ")）、".contains(c))
}

/// Whether the first sentence of a paragraph states a change on last year.
fn states_comparison(q: &Prose<'_>) -> bool {
    let lead = q.text_between(0, q.sentence_end_within(0, 480));
    lead.contains("同比") || lead.contains("上年") || lead.contains("去年")
}

/// Words that name last year's amount right before it ("较上年 2.08 减少 0.03 万元").
const LAST_YEAR: &[&str] = &["比上年", "较上年", "比去年", "较去年", "比今年", "较今年"];

/// Whether the words before an amount name it as last year's: one of [`LAST_YEAR`], then
/// at most what the amount is ("较上年度的", "比上年累计支出 433 万元", "较上年决算数"), but
/// not what last year carried over (上年结转, 上年结余: this year's income), nor a change.
fn names_last_year(lead: &str) -> bool {
    LAST_YEAR
        .iter()
        .find_map(|w| lead.strip_prefix(w))
        .is_some_and(|rest| {
            rest.chars().count() <= 8
                && !rest.contains(&['结', '增', '减', '，', ',', '、', '；', ';', '。'][..])
        })
}

/// "“三公”经费支出 2.05 万元，较上年 2.08 减少 0.03 万元": the change at `k` follows last
/// year's amount named by 较上年 in the same clause, and this year's amount comes
/// before it in the sentence, at most one comma away. Returns (this year, last year).
fn last_year_named<'p>(
    doc: &Document,
    p: &'p Prose<'_>,
    k: usize,
) -> Option<(&'p Mention, &'p Mention)> {
    let ms = &p.mentions;
    let c = ms.get(k)?;
    let before = ms.get(k.checked_sub(1)?)?;
    // (a year printed before last year's amount, "与2018年决算…", is no amount; nor are
    // the budget and the rate of a clause of its own between: "县级一般公共预算收入 31751 万元，
    // 完成预算数 31220 万元的 101.7%，较上年 28899 万元增长 9.9%", a county's report,
    // zhouzhi.gov.cn — each such clause's comma allowed in the gap)
    let mut clauses_between = 0;
    let now = ms.get(..k.checked_sub(1)?)?.iter().rev().find(|x| {
        if x.percent && !matches!(x.kind, Kind::Rate(_) | Kind::Change(_)) {
            clauses_between += 1;
            return false;
        }
        x.kind != Kind::Year && x.kind != Kind::Budget
    })?;
    let between = p.text_between(before.at + 1, c.at);
    // "较上年 128.94 亿元，增加 67.53 亿元": a comma, then only the change's verb
    // (and this year's amount in the clause right before: "…32.91 亿元，占 16.58%，较上年度
    // 141.68 亿元，减少 91.2 亿元" is not 32.91's change)
    let stops = &[',', '，', '；', ';', '。'][..];
    let adjoins = match between.rsplit_once(&[',', '，'][..]) {
        None => !between.contains(stops),
        Some((unit, verb)) => {
            !unit.contains(stops)
                && !unit.contains('#')
                && verb == c.lead
                && verb.chars().count() <= 3
                && clauses_between == 0
                && p.stops_between(now.at + 1, before.at) <= 1
        }
    };
    // "比2013年度决算数 8750.27 万元减少…": last year named by its number, when the
    // amount's own year is the next one or not known
    let by_number = before.lead.starts_with('年')
        && names_last_year(&["比上", before.lead.as_str()].concat())
        && ms.get(k.checked_sub(2)?).is_some_and(|y| {
            y.kind == Kind::Year
                && y.sentence == before.sentence
                && y.lead.ends_with(&['比', '较'][..])
                && doc.figure(y.fig).is_some_and(|f| {
                    now.scope.year.is_none_or(|n| {
                        rust_decimal::Decimal::from(n)
                            == f.number.value + rust_decimal::Decimal::ONE
                    })
                })
        });
    let named = ((names_last_year(&before.lead) || by_number) && adjoins
        || compared_with(doc, p, before, now, &between))
        && !before.percent
        && (before.unit.is_none() || is_money(before.unit));
    let gap = p.text_between(now.at + 1, before.at);
    let near = gap.chars().filter(|ch| matches!(ch, ',' | '，')).count() <= 1 + clauses_between
        && !gap.contains(&['。', '；', ';'][..]);
    // ("支出决算为 1200 万元，比上年的 1000 万元…": a final amount is this year's as well)
    let this_year = matches!(now.kind, Kind::Level | Kind::Final);
    (named && near && this_year && now.sentence == c.sentence && is_money(now.unit))
        .then_some((now, before))
}

/// "2019年支出决算为 1200 万元，与2018年决算 1000 万元相比，增加 200 万元": `before` is
/// named as the year before `now`'s (上年, 上一年, 去年, or the year before the one `now`
/// names) in a 与…相比 clause ([`compared_base`]) closed right before the change; `between`
/// is the text from `before` to the change.
fn compared_with(
    doc: &Document,
    p: &Prose<'_>,
    before: &Mention,
    now: &Mention,
    between: &str,
) -> bool {
    let Some((closing, rest)) = ["相比", "相较", "比较"]
        .iter()
        .find_map(|w| between.split_once(w))
    else {
        return false;
    };
    // the closing word right after the amount, then at most the clause's comma
    if !closing.is_empty()
        || rest.chars().filter(|ch| matches!(ch, ',' | '，')).count() > 1
        || rest.contains(&['；', ';', '。'][..])
    {
        return false;
    }
    let Some(base) = compared_base(p, before) else {
        return false;
    };
    if ["上年", "上一年", "去年"]
        .iter()
        .any(|w| base.starts_with(w))
    {
        return true;
    }
    // "与2018年决算…相比" after an amount of 2019, by its scope or a year printed before it
    // in its sentence
    let Some(b) = before.scope.year.filter(|_| base.starts_with('#')) else {
        return false;
    };
    now.scope.year == Some(b + 1)
        || now.scope.year.is_none()
            && p.mentions.iter().any(|m| {
                m.kind == Kind::Year
                    && m.sentence == now.sentence
                    && m.at < now.at
                    && doc
                        .figure(m.fig)
                        .is_some_and(|f| f.number.value == rust_decimal::Decimal::from(b + 1))
            })
}

/// The two amounts of consecutive years among the six mentions before `k` in its
/// sentence, up to one that `stops` the search: (this year's, last year's). Levels first;
/// where no two are, two budgets ("2020年预算数为 500 万元，较2019年预算数 450 万元增加 50
/// 万元"), the later one stated as a budget disclosure states its own.
fn year_pair<'m>(
    p: &'m Prose<'_>,
    k: usize,
    stops: impl Fn(&Mention) -> bool,
) -> Option<(&'m Mention, &'m Mention)> {
    let ms = &p.mentions;
    let at = ms.get(k)?;
    let pair_of = |kind: Kind| {
        let amounts: Vec<&Mention> = ms
            .get(..k)?
            .iter()
            .rev()
            .take(6)
            .take_while(|x| x.sentence == at.sentence && !stops(x))
            .filter(|x| x.kind == kind)
            .take(2)
            .into_vec();
        match amounts.as_slice() {
            [b, a] => match (a.scope.year, b.scope.year) {
                (Some(ya), Some(yb)) if ya == yb + 1 => Some((*a, *b)),
                (Some(ya), Some(yb)) if yb == ya + 1 => Some((*b, *a)),
                _ => None,
            },
            _ => None,
        }
    };
    // (beside a final or level figure, the budgets are what it completed or compared with:
    // "支出决算为 480 万元，完成2020年预算数 500 万元的 96%，较2019年预算数 450 万元增加 30 万元")
    let beside_actual = || {
        ms.get(..k).is_some_and(|before| {
            before
                .iter()
                .any(|x| x.sentence == at.sentence && matches!(x.kind, Kind::Level | Kind::Final))
        })
    };
    pair_of(Kind::Level).or_else(|| {
        pair_of(Kind::Budget)
            .filter(|(now, _)| crate::claims::prose::budget_stated(p, now) && !beside_actual())
    })
}

/// "2016年预算 8 万元，2015年预算 12.5 万元；对比减少 4.35 万元；减少率 35.22%": both years'
/// amounts are printed, so the change is their difference and the rate is on the earlier
/// year's amount as printed. Returns the rates it decided.
fn two_years(doc: &Document, p: &Prose<'_>, out: &mut Out) -> Vec<FigId> {
    let ms = &p.mentions;
    let mut done = Vec::new();
    for (k, c) in ms.iter().enumerate() {
        // (an average yearly rate reads as no kind of its own: see `rate_on_printed`)
        let rate = match c.kind {
            Kind::Rate(dr) => Some(dr),
            Kind::Other if c.percent => Some(0),
            _ => None,
        };
        if let Some(dr) = rate {
            if let Some(r) = rate_on_printed(doc, p, k, dr) {
                out.push(r);
                done.push(c.fig);
            }
            continue;
        }
        let Kind::Change(dc) = c.kind else { continue };
        // the two amounts just before the change, in its sentence, of consecutive years
        let pair = year_pair(p, k, |x| matches!(x.kind, Kind::Change(_)));
        let inline = pair.is_none();
        let Some((now, before)) = pair
            .or_else(|| last_year_named(doc, p, k))
            .or_else(|| named_in_the_sentence_before(doc, p, k))
        else {
            if let Some(r) = rate_on_named_base(doc, p, k, dc) {
                done.push(r.target);
                out.push(r);
            }
            continue;
        };
        // (last year's amount named inline may leave its unit to the change's)
        if !same_family(now.unit, c.unit)
            || before.unit.is_some() && !same_family(before.unit, c.unit)
        {
            continue;
        }
        let context = p.sentence_text(c.at);
        let (n, b) = (
            amount(doc, now.fig, c.unit),
            amount(doc, before.fig, c.unit),
        );
        let (up, down) = (
            Expr::difference(n.clone(), b.clone()),
            Expr::difference(b, n),
        );
        // (a decrease is printed as its size: last year − this year)
        let (ny, by) = (now.scope.year.unwrap_or(0), before.scope.year.unwrap_or(0));
        let (name, first, second, en) = if dc < 0 {
            ("减少额", by, ny, "decrease = last year − this year")
        } else {
            ("增减额", ny, by, "change = this year − last year")
        };
        let what = if inline {
            let order = if dc < 0 {
                "上年数 − 本年数"
            } else {
                "本年数 − 上年数"
            };
            Text::new(
                format!("{name} = {order}（文中所列）"),
                format!("{en} (as printed)"),
            )
        } else {
            Text::new(format!("{name} = {first}年数 − {second}年数"), en)
        };
        let rel = match dc {
            1.. => Relation::equals(RULE, c.fig, up, what),
            0 => Relation::equals(RULE, c.fig, up, with_direction_note(what, 0, 0)).reading(
                down,
                Text::new(
                    "减少时：上年数 − 本年数",
                    "a decrease: last year − this year",
                ),
            ),
            _ => Relation::equals(RULE, c.fig, down, what),
        };
        out.push(rel.context(context.clone()));
        // the rate right after the change, in its sentence
        let Some(r) = ms
            .get(k + 1)
            .filter(|r| r.sentence == c.sentence && matches!(r.kind, Kind::Rate(_)))
        else {
            continue;
        };
        let Kind::Rate(dr) = r.kind else { continue };
        let change = amount(doc, c.fig, before.unit);
        let mut rel = rate_on_printed_base(
            r.fig,
            change,
            Expr::Fig(before.fig),
            Expr::Fig(now.fig),
            dc,
            dr,
        );
        // "比上年同期139万元增支120元,增长86.3%" (a county's 2023 report): the change's unit is
        // the slip when its figure read in the amounts' unit gives the rate
        if c.unit != now.unit && same_family(c.unit, now.unit) {
            let raw = Expr::pct(Expr::Fig(c.fig), Expr::Fig(before.fig));
            rel = rel.alternative(Cause::TenThousand, signed(dc, dr, raw));
        }
        out.push(rel.context(context));
        done.push(r.fig);
    }
    done
}

/// "2015年…“三公”经费合计31.23万元,其中:…。较2014年度…“三公”经费合计16.08万元增加15.15万元。"
/// (a bureau's 2015 final accounts): a sentence opening with 较/比/与, the change right
/// after an amount named by the year compared with (or 上年), this year's amount the one
/// of the same name in the sentence before (the names equal once the years are taken
/// off; one value so named). Returns (this year, last year).
fn named_in_the_sentence_before<'p>(
    doc: &Document,
    p: &'p Prose<'_>,
    k: usize,
) -> Option<(&'p Mention, &'p Mention)> {
    let ms = &p.mentions;
    let (c, before) = amount_then_change(p, k)?;
    let last = c.sentence.checked_sub(1)?;
    if before.inner || c.inner {
        return None;
    }
    if !opens_with(p, c.at, &['较', '与', '比']) {
        return None;
    }
    // named by the year compared with, or by 上年; the change right after it
    let year_of = |m: &Mention| doc.figure(m.fig).and_then(|f| f.number.whole());
    let compared_year = ms.get(k.checked_sub(2)?).filter(|y| {
        y.kind == Kind::Year
            && y.sentence == c.sentence
            && y.lead.ends_with(&['比', '较'][..])
            && before.lead.starts_with('年')
    });
    if compared_year.is_none() && !names_last_year(&before.lead) {
        return None;
    }
    let between = p.text_between(before.at + 1, c.at);
    if between.contains(&[',', '，', '；', ';', '。', '#'][..]) {
        return None;
    }
    // the names, the years taken off ("2015年部门决算公开“三公”经费合计" and "2014年度部门
    // 决算公开“三公”经费合计" are one)
    let name = |label: &str| -> String {
        let l = label.trim_start_matches(|ch: char| "较比与上年度的".contains(ch));
        unquoted(l).into_owned()
    };
    let wanted = name(&before.label);
    if wanted.chars().count() < 2 {
        return None;
    }
    let mut found = ms.iter().take(k).filter(|x| {
        x.sentence == last
            && matches!(x.kind, Kind::Level | Kind::Final)
            && !x.inner
            && !x.percent
            && same_family(x.unit, c.unit)
            && name(&x.label) == wanted
    });
    let now = found.next()?;
    let value = |x: &Mention| doc.figure(x.fig).map(|f| f.number.value);
    if !found.all(|x| value(x) == value(now)) {
        return None;
    }
    // (the year compared with is the one before this year's, where both are known)
    let this_year = now.scope.year;
    if let (Some(y), Some(t)) = (compared_year.and_then(year_of), this_year) {
        if t != y + 1 {
            return None;
        }
    }
    Some((now, before))
}

/// The rate `rate` of a change of direction `dc` on last year's amount printed (`base`),
/// with dividing by this year's (`this_year`) as the likely slip.
fn rate_on_printed_base(
    rate: FigId,
    change: Expr,
    base: Expr,
    this_year: Expr,
    dc: i8,
    dr: i8,
) -> Relation {
    let signed = |e: Expr| signed(dc, dr, e);
    Relation::equals(
        RULE,
        rate,
        signed(Expr::pct(change.clone(), base)),
        with_direction_note(
            Text::new(
                "增减率 = 增减额 ÷ 上年数（文中所列）",
                "rate = change ÷ last year (as printed)",
            ),
            dc,
            dr,
        ),
    )
    .alternative(
        Cause::WrongBase(Text::new(
            "增减率以本年数为基数计算，应以上年数为基数",
            "the rate was divided by this year's figure; the base is last year's",
        )),
        signed(Expr::pct(change, this_year)),
    )
    .zero_base_fails()
    .monotone()
}

/// The change at `k` and the amount of money right before it in its sentence, which may be
/// last year's printed inline: an amount (a level, final, budget or other), not a share, in
/// the change's unit or none, the change in money. (Whether the words name it last year's
/// is each caller's to ask.)
fn amount_then_change<'p>(p: &'p Prose<'_>, k: usize) -> Option<(&'p Mention, &'p Mention)> {
    let c = p.mentions.get(k)?;
    let before = p.mentions.get(k.checked_sub(1)?)?;
    let fits = before.sentence == c.sentence
        && !before.percent
        && matches!(
            before.kind,
            Kind::Level | Kind::Final | Kind::Budget | Kind::Other
        )
        && (before.unit.is_none() || same_family(before.unit, c.unit))
        && is_money(c.unit);
    fits.then_some((c, before))
}

/// Whether the sentence of token `at` opens (past its numbering) with one of `words`:
/// "较上年…", "2. 与上年相比…".
fn opens_with(p: &Prose<'_>, at: usize, words: &[char]) -> bool {
    let opening = p.sentence_text(at);
    opening
        .trim_start_matches(|ch: char| ch.is_ascii_digit() || "．.、（）()".contains(ch))
        .starts_with(words)
}

/// "2023年度收入总计6567.06万元,支出总计6567.06万元。收支较上年决算数减少710.50万元,下降
/// 9.76%" (a street office's 2023 accounts): a change of 收支 opening its sentence is of the
/// totals the sentence before names, when they are one amount — every amount of the
/// change's unit there has one value, two or more of them. The last one's index.
fn both_sides_before(doc: &Document, p: &Prose<'_>, k: usize) -> Option<usize> {
    let ms = &p.mentions;
    let c = ms.get(k)?;
    let opening = p.sentence_text(c.at);
    let rest = opening.strip_prefix("收支")?;
    let rest = ["总计", "总额", "总规模", "合计"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    if !rest.starts_with(&['较', '与', '比', '同'][..]) {
        return None;
    }
    let before: Vec<usize> = (0..k)
        .rev()
        .take_while(|&j| ms.get(j).is_some_and(|x| x.sentence + 1 >= c.sentence))
        .filter(|&j| {
            ms.get(j).is_some_and(|x| {
                x.kind == Kind::Level && x.sentence + 1 == c.sentence && same_family(x.unit, c.unit)
            })
        })
        .into_vec();
    let value = |j: &usize| ms.get(*j).and_then(|x| doc.number(x.fig)).map(|n| n.value);
    let first = before.first()?;
    (before.len() >= 2 && before.iter().all(|j| value(j) == value(first))).then_some(*first)
}

/// "…支出247.95万元,完成预算的100%,用于附设幼儿园的教师工资,较2016年决算227.42万元,增加
/// 20.53万元,增长了9.02%" (a school's 2017 final accounts): the change at `k` right after
/// an amount named as the one compared with (较上年, 比2016年决算 …), its rate right after
/// it, with this year's amount too far back to pair (see [`last_year_named`]) or in the
/// sentence before: the rate is the change over the amount compared with, whichever this
/// year's amount is. Divided by this year's (the base ± the change) is the likely slip.
fn rate_on_named_base(doc: &Document, p: &Prose<'_>, k: usize, dc: i8) -> Option<Relation> {
    let ms = &p.mentions;
    let (c, before) = amount_then_change(p, k)?;
    let r = ms.get(k + 1)?;
    let Kind::Rate(dr) = r.kind else {
        return None;
    };
    if dc == 0 || r.sentence != c.sentence || before.inner != c.inner || r.inner != c.inner {
        return None;
    }
    // named as the amount compared with: 较上年(度的), or 较/比 a year, then what it is
    // (a year compared with must be the one before any year the sentence names first:
    // "2015年…比2012年度决算数…" is no change on last year)
    let year_of = |m: &Mention| doc.figure(m.fig).map(|f| f.number.value);
    let by_year = before.lead.starts_with('年')
        && names_last_year(&["比上", before.lead.as_str()].concat())
        && ms.get(k.checked_sub(2)?).is_some_and(|y| {
            y.kind == Kind::Year
                && y.sentence == c.sentence
                && y.lead.ends_with(&['比', '较'][..])
                && ms.iter().take_while(|x| x.at < y.at).all(|x| {
                    x.kind != Kind::Year
                        || x.sentence != c.sentence
                        || year_of(x)
                            .zip(year_of(y))
                            .is_some_and(|(a, b)| a == b + rust_decimal::Decimal::ONE)
                })
        });
    if !names_last_year(&before.lead) && !by_year {
        return None;
    }
    // the change right after it (at most a comma and its verb), the rate right after that
    let adjoins = |from: &Mention, to: &Mention| {
        let between = p.text_between(from.at + 1, to.at);
        match between.split_once(&[',', '，'][..]) {
            None => !between.contains(&['；', ';', '。', '#'][..]),
            Some((unit, verb)) => {
                !unit.contains(&['；', ';', '。', '#', ',', '，'][..])
                    && verb == to.lead
                    && verb.chars().count() <= 4
            }
        }
    };
    if !adjoins(before, c) || !adjoins(c, r) {
        return None;
    }
    let change = amount(doc, c.fig, before.unit.or(c.unit));
    let base = amount(doc, before.fig, c.unit);
    let this_year = if dc > 0 {
        Expr::sum(vec![base.clone(), change.clone()])
    } else {
        Expr::difference(base.clone(), change.clone())
    };
    Some(
        rate_on_printed_base(r.fig, change, base, this_year, dc, dr).context(p.sentence_text(r.at)),
    )
}

/// "全国教育经费总投入为 32806.46 亿元，比上年的 30364.72 亿元增长 8.04%": a rate with no
/// change before it, right after last year's amount named inline (or after two amounts of
/// consecutive years), is the two amounts' difference over last year's.
fn rate_on_printed(doc: &Document, p: &Prose<'_>, k: usize, dr: i8) -> Option<Relation> {
    let ms = &p.mentions;
    let r = ms.get(k)?;
    let moved = from_to(p, k);
    if r.kind == Kind::Other {
        let (now, before) = moved?;
        return annual_rate(doc, p, r, now, before);
    }
    // a rate after its change is that change's (decided with it)
    if moved.is_none()
        && ms
            .get(k.checked_sub(1)?)
            .is_some_and(|x| matches!(x.kind, Kind::Change(_)))
    {
        return None;
    }
    let (now, before) = moved
        .or_else(|| last_year_named(doc, p, k))
        .or_else(|| year_pair(p, k, |x: &Mention| x.percent))?;
    // (counts only where the text says what moved to what)
    if !is_money(now.unit) && (moved.is_none() || now.unit.is_none())
        || before.unit.is_some() && !same_family(before.unit, now.unit)
    {
        return None;
    }
    // (a count of people or cars is whole: 5辆 is 5, not anything from 4.5 to 5.5)
    let (n, b) = if is_money(now.unit) || now.unit == Some("平方米") {
        (Expr::Fig(now.fig), amount(doc, before.fig, now.unit))
    } else {
        (Expr::Exact(now.fig), Expr::Exact(before.fig))
    };
    let up = Expr::difference(n.clone(), b.clone());
    let down = Expr::difference(b.clone(), n.clone());
    let what = if dr < 0 {
        Text::new(
            "减少率 = (上年数 − 本年数) ÷ 上年数（文中所列）",
            "rate of fall = (last year − this year) ÷ last year (as printed)",
        )
    } else {
        Text::new(
            "增减率 = (本年数 − 上年数) ÷ 上年数（文中所列）",
            "rate = (this year − last year) ÷ last year (as printed)",
        )
    };
    let wrong_base = Cause::WrongBase(Text::new(
        "增减率以本年数为基数计算，应以上年数为基数",
        "the rate was divided by this year's figure; the base is last year's",
    ));
    let context = p.sentence_text(r.at);
    let rel = match dr {
        1.. => Relation::equals(RULE, r.fig, Expr::pct(up.clone(), b), what)
            .alternative(wrong_base, Expr::pct(up, n)),
        0 => Relation::equals(
            RULE,
            r.fig,
            Expr::pct(up, b.clone()),
            with_direction_note(what, 0, 0),
        )
        .reading(
            Expr::pct(down, b),
            Text::new(
                "减少时：上年数 − 本年数",
                "a decrease: last year − this year",
            ),
        ),
        _ => Relation::equals(RULE, r.fig, Expr::pct(down.clone(), b), what)
            .alternative(wrong_base, Expr::pct(down, n)),
    };
    Some(rel.zero_base_fails().monotone().context(context))
}

fn find_in(doc: &Document, p: &Prose<'_>, claims: &Claims<'_>, inherits: bool, out: &mut Out) {
    let decided = two_years(doc, p, out);
    let ms = &p.mentions;
    let mut i = 0;
    while let Some(m) = ms.get(i) {
        let Kind::Rate(dr) = m.kind else {
            i += 1;
            continue;
        };
        if decided.contains(&m.fig) {
            i += 1;
            continue;
        }
        // the rate group: this mention and the ones listed after it
        let mut rates = vec![i];
        while ms.get(i + rates.len()).is_some_and(|n| n.listed) {
            rates.push(i + rates.len());
        }
        i += rates.len();
        let context = p.sentence_text(m.at);
        let what = Text::new(
            "增减率 = 增减额 ÷ 上年数（本年数 ∓ 增减额）",
            "rate = change ÷ last year (this year ∓ change)",
        );
        let unchecked = |why_zh: &str, why_en: &str, out: &mut Out| {
            for &r in &rates {
                if let Some(rm) = ms.get(r) {
                    out.push(
                        Relation::unchecked(RULE, rm.fig, what.clone(), Text::new(why_zh, why_en))
                            .context(context.clone()),
                    );
                }
            }
        };
        // the change group: the nearest change before, in the same clause group
        let first = rates.first().copied().unwrap_or(i);
        let change_end = (0..first)
            .rev()
            .take_while(|&k| ms.get(k).is_some_and(|x| x.semi == m.semi))
            .find(|&k| {
                ms.get(k)
                    .is_some_and(|x| matches!(x.kind, Kind::Change(_)) && (m.inner || !x.inner))
            })
            // "总收入 865,696 万元，比上年同期增收 126,096 万元，增长 17.05%，其中：上划中央收入
            // 319,122 万元，比上年同期增长 33.06%": an amount of its own between the change
            // and the rate makes the rate that amount's, whose change is not stated
            .filter(|&k| !own_amount_between(p, k, first, m.inner))
            // "较112年度法定预算 A 增加 C,增幅 r1,亦较110及111年度决算平均数 B 增幅 r2": a
            // base named after the change, other than the change's own, is the later rate's
            .filter(|&k| !another_base(doc, p, k, first));
        // "同比增长14.6%,增收4,376万元": the rate may come before its change
        let after_rates = rates.last().map_or(i, |r| r + 1);
        // ("增长16.75%,其中因公出国(境)费增加0万元": a change after 其中 is a part's)
        let change_end = change_end.or_else(|| {
            ms.get(after_rates)
                .filter(|x| x.semi == m.semi && matches!(x.kind, Kind::Change(_)))
                .filter(|x| {
                    let last = rates.last().and_then(|&r| ms.get(r)).map_or(m.at, |r| r.at);
                    !p.has_between(last, x.at, "其中")
                })
                .map(|_| after_rates)
        });
        let Some(change_end) = change_end else {
            if let Some(rel) = rates
                .as_slice()
                .eq(&[first])
                .then(|| rate_on_named_year(doc, claims, p, first))
                .flatten()
            {
                out.push(rel.context(context));
                continue;
            }
            if p.has_between(0, m.at, "上年") {
                unchecked(
                    "未写明增减额，无法核对增减率",
                    "the change amount is not stated",
                    out,
                );
            }
            continue;
        };
        let changes = group_ending(ms, change_end);
        let level_end = changes.first().and_then(|&c| {
            // (a count is no amount a change of money is of: "公务用车购置费34.71万元,购置1辆
            // 中巴车,…,公务用车购置费减少79.4万元")
            let money = ms.get(c).is_some_and(|x| is_money(x.unit));
            // ("其中:因公出国(境)费支出0.00元;公务用车运行维护费支出决算减少40217.50元,下降
            // 54.19%" (a county committee's 2022 三公 note, kmxd.gov.cn): a change naming its
            // 三公 item is of an amount of that item, or of one in its own clause group naming
            // no item — never of another item's)
            let item = ms.get(c).and_then(|x| label_item(&x.lead));
            let own_item = |x: &Mention| {
                item.is_none_or(|i| match label_item(&x.label) {
                    Some(j) => j == i,
                    None => ms.get(c).is_some_and(|cm| cm.semi == x.semi),
                })
            };
            // ("2024年…执行数2010.95万元,2025年…预算数2005.41万元,较上年预算数减少94.91万元"
            // (旺苍县's 2025 三公 budget, hunt 19): a change on last year's budget is of this
            // year's budget, not of last year's final figure before it)
            let on_last_budget = ms
                .get(c)
                .is_some_and(|x| x.lead.contains("预算") && names_a_past_year(&x.lead));
            (0..c)
                .rev()
                .take_while(|&k| ms.get(k).is_some_and(|x| x.sentence == m.sentence))
                // ("收入决算数 129748 万元，为调整预算数的 100.66%，比2017年增收 12423 万元":
                // a final account's amount is this year's too)
                .find(|&k| {
                    ms.get(k).is_some_and(|x| {
                        (matches!(x.kind, Kind::Level | Kind::Final)
                            || on_last_budget && budget_stated(p, x))
                            && (m.inner || !x.inner)
                            && (!money || is_money(x.unit))
                            && own_item(x)
                    })
                })
                // "“三公”经费预算数为 37.91 万元，比上年减少 10 万元，下降 20.9%" (a budget
                // disclosure's sentence): with no amount or final figure before the change in
                // its sentence, the budget stated there is this year's — not one completed
                // or shared ("完成年初预算数 100 万元的 90%")
                .or_else(|| {
                    (0..c)
                        .rev()
                        .take_while(|&k| ms.get(k).is_some_and(|x| x.sentence == m.sentence))
                        .find(|&k| {
                            ms.get(k)
                                .is_some_and(|x| budget_stated(p, x) && (m.inner || !x.inner))
                        })
                })
        });
        // "X 万元，为……。较上年减少 Y 万元，下降 Z%": when the sentence opens with the
        // comparison, its figures are the previous sentence's
        let level_end = level_end.or_else(|| {
            let c = ms.get(*changes.first()?)?;
            if !opens_with(p, c.at, &['较', '与', '比', '同']) {
                return both_sides_before(doc, p, *changes.first()?);
            }
            // (an amount in the change's unit: "…因公出国(境)累计16人次。与2016年相比,因公出国
            // (境)经费支出减少28.23万元" is no change of 16 人次)
            // ("…公务接待费10.48亿元。与2013年年初预算相比,2014年“三公”经费预算减少8.18亿元":
            // the amount of another 三公 item is not the one a change names, 财政部 2014)
            let item = label_item(&c.lead);
            (0..changes.first().copied()?)
                .rev()
                .take_while(|&k| ms.get(k).is_some_and(|x| x.sentence + 1 >= m.sentence))
                .find(|&k| {
                    ms.get(k).is_some_and(|x| {
                        x.kind == Kind::Level
                            && x.sentence + 1 == m.sentence
                            && same_family(x.unit, c.unit)
                            && item.is_none_or(|i| label_item(&x.label).is_none_or(|j| j == i))
                    })
                })
        });
        // "其中，因公出國(境)費 50 萬元，…。…其中：因公出國(境)費同口徑比2018年減少 9 萬元，下降
        // 15.3%": a change naming its quantity, with no amount in its sentence, is of the one
        // amount the paragraph named so before it
        let level_end = level_end.or_else(|| match (changes.as_slice(), rates.as_slice()) {
            ([c], [_]) => named_before(doc, p, *c),
            _ => None,
        });
        let Some(level_end) = level_end else {
            // a 三公 item's change on last year with no this-year figure in its sentence:
            // the 三公 table's figure of that item is this year's
            if let ([c], [_]) = (changes.as_slice(), rates.as_slice()) {
                if let Some(rel) = sangong_rate(claims, p, *c, m, dr) {
                    out.push(rel.context(context.clone()));
                    continue;
                }
            }
            unchecked(
                "未写明本年数，无法核对增减率",
                "this year's figure is not stated",
                out,
            );
            continue;
        };
        let level_end = changes
            .first()
            .and_then(|&c| subject_of_contents(p, level_end, c))
            .unwrap_or(level_end);
        let mut levels = group_ending(ms, level_end);
        if rates.len() == 1 {
            levels = vec![level_end];
        }
        let between = ms
            .get(level_end)
            .map_or(String::new(), |l| p.text_between(l.at, m.at));
        // a change on an earlier year: 上年, 同比, or 较/比/与 a named year (较2020年度决算数)
        let on_earlier_year = between.contains("上年")
            || between.contains("同比")
            || between.contains("去年")
            || (between.contains(&['较', '比', '与'][..]) && between.contains('年'))
            // "一季度,全省一般公共预算收入221亿元,增收37.4亿元,增长20.4%" (a province's
            // 2021 report): a clause of the bare 增收 (减收, 增支, 减支) right after the
            // amount, or after the amount and its rate, is a change on last year's
            // ("完成1233.8亿元,为年度预算的62.1%,增长25.4%,增收249.8亿元": and after the
            // amount's completion of its budget)
            || changes.first().is_some_and(|&c| {
                let bare = |x: &Mention| ["增收", "减收", "增支", "减支"].contains(&x.lead.as_str());
                // (the rate right after the completion: a change right after it may be over
                // the budget, "为预算的105%,增收37.4亿元")
                let completions = ms
                    .get(level_end + 1..first.min(c))
                    .filter(|between| {
                        between.iter().all(|x| x.kind == Kind::Completion)
                            && (between.is_empty() || c > first)
                    })
                    .map(<[Mention]>::len);
                ms.get(level_end).zip(ms.get(c)).is_some_and(|(l, x)| {
                    bare(x)
                        && completions.is_some_and(|n| {
                            p.stops_between(l.at, x.at) == 1 + usize::from(c > first) + n
                        })
                })
            });
        // "…完成 A，同比增加 D，增长 r%。其中：X 完成 B，增加 d，增长 s%；…": the parts of
        // a 其中 sentence inherit the comparison its lead sentence states
        let on_earlier_year = on_earlier_year
            || ms
                .get(level_end)
                .is_some_and(|l| inherits_comparison(p, l.at, inherits))
            || (inherits
                && !between.contains(&['比', '较', '与'][..])
                && ms
                    .get(level_end)
                    .is_some_and(|l| opens_section(&p.sentence_text(l.at))));
        // "1.利润收入1871.67亿元,增加127.03亿元,增长7.3%" (the Ministry of Finance's 2023
        // state-capital budget): a bare 增加 (减少) right after the amount, its rate right after
        // it, is most likely on last year too, but may be on the budget (the rate then on last
        // year): checked where it holds, not checked where it does not
        let bare_verb = !on_earlier_year
            && changes.first().is_some_and(|&c| {
                ms.get(level_end).zip(ms.get(c)).is_some_and(|(l, x)| {
                    ["增加", "减少"].contains(&x.lead.as_str())
                        && c < first
                        && p.stops_between(l.at, x.at) == 1
                        && p.stops_between(x.at, m.at) == 1
                })
            });
        let on_earlier_year = on_earlier_year || bare_verb;
        // what a mention's own clause compares with: the words from the figure before it (a
        // year's number is no figure: "比2018年增长")
        let compares = |k: usize| {
            let from = ms.get(..k)?.iter().rev().find(|x| x.kind != Kind::Year);
            from.zip(ms.get(k))
                .and_then(|(f, x)| comparison(&p.text_between(f.at, x.at)))
        };
        // "支出总额为3825万元,比预算数减少1188万元,下降23.70%" (宜宾市本级's 2017 三公 note):
        // a change on the budget is a rate on it the same way (the budget is the final ∓ the
        // change); 比年初预算 and 较2019年预算数 were read above by their 年
        let on_budget = |c: usize| compares(c) == Some(Compared::Budget);
        // "计划完成数由 208100 万元调整为 122020 万元，调减 86080 万元，同比下降 33.5%" (a
        // district's 2022 budget adjustment, Zhangwan): an adjustment of a budget is no change on last
        // year, though the rate after it is one
        let adjusted = changes.first().and_then(|&c| ms.get(c)).is_some_and(|c| {
            ["调增", "调减"].iter().any(|w| c.lead.starts_with(w))
                && ms.get(level_end).is_some_and(|l| {
                    let named = p.text_between(l.at, c.at);
                    !["上年", "同比", "去年"].iter().any(|w| named.contains(w))
                })
        });
        if !(on_earlier_year || changes.first().is_some_and(|&c| on_budget(c))) || adjusted {
            continue;
        }
        if changes.len() != rates.len() || levels.len() != rates.len() {
            unchecked(
                "本年数、增减额与增减率的个数不一致，无法逐项对应",
                "the figures, changes and rates cannot be paired one to one",
                out,
            );
            continue;
        }
        for ((&r, &c), &l) in rates.iter().zip(&changes).zip(&levels) {
            let (Some(rm), Some(cm), Some(lm)) = (ms.get(r), ms.get(c), ms.get(l)) else {
                continue;
            };
            let Kind::Change(dc) = cm.kind else { continue };
            // "收入完成 500 亿元，比预算增加 20 亿元，比上年增长 8.5%" (a budget-execution
            // report's way): a rate naming a comparison of its own other than the change's is
            // not the change's rate
            let of_change = compares(c).or(on_earlier_year.then_some(Compared::Year));
            if compares(r).is_some_and(|k| of_change.is_some_and(|o| o != k)) {
                continue;
            }
            let label = &lm.label;
            let on_budget = on_budget(c);
            let what = if on_budget {
                Text::new(
                    format!("{label}增减率 = 增减额 ÷ 预算数（决算数 ∓ 增减额）"),
                    format!("rate of {label} = change ÷ budget (final ∓ change)"),
                )
            } else {
                Text::new(
                    format!("{label}增减率 = 增减额 ÷ 上年数（本年数 ∓ 增减额）"),
                    format!("rate of {label} = change ÷ last year (this year ∓ change)"),
                )
            };
            if !same_family(lm.unit, cm.unit) {
                out.push(
                    Relation::unchecked(
                        RULE,
                        rm.fig,
                        what,
                        Text::new(
                            "本年数与增减额单位不同",
                            "the figure and its change differ in unit",
                        ),
                    )
                    .context(context.clone()),
                );
                continue;
            }
            // "增加 0 万元，增长 0%": no change is no rate, whatever the base (a zero base
            // included: conventional and harmless)
            // (a printed 0 change stands for anything that rounds to 0, so a non-zero rate
            // beside it is decided as usual)
            let zero = |id| doc.figure(id).is_some_and(|f| f.number.value.is_zero());
            let no_change = zero(cm.fig) && zero(rm.fig);
            if no_change {
                out.push(
                    Relation::equals(RULE, rm.fig, Expr::Const(rust_decimal::Decimal::ZERO), {
                        Text::new(
                            format!("{label}增减额为零，增减率为零"),
                            format!("{label}: no change, so no rate"),
                        )
                    })
                    .exact_target()
                    .context(context.clone()),
                );
                continue;
            }
            let change = amount(doc, cm.fig, lm.unit);
            let mut bases = last_years(&Expr::Fig(lm.fig), &change, dc).into_iter();
            let Some(last_year) = bases.next() else {
                continue;
            };
            let signed = |e: Expr| signed(dc, dr, e);
            let mut rel = Relation::equals(
                RULE,
                rm.fig,
                signed(Expr::pct(change.clone(), last_year)),
                with_direction_note(what, dc, dr),
            );
            for other in bases {
                rel = rel.reading(
                    signed(Expr::pct(change.clone(), other)),
                    Text::new(
                        "减少时：上年数 = 本年数 + 增减额",
                        "a decrease: last year = this year + change",
                    ),
                );
            }
            // "支出 255,325 万元，增支 14,484 元，增长 6.01%": the change's unit is the slip
            // when its figure read in the amount's unit gives the rate
            if cm.unit != lm.unit {
                let raw = Expr::Fig(cm.fig);
                if let Some(base) = last_years(&Expr::Fig(lm.fig), &raw, dc).into_iter().next() {
                    rel = rel.alternative(Cause::TenThousand, signed(Expr::pct(raw, base)));
                }
            }
            let this_year_base = if on_budget {
                Cause::WrongBase(Text::new(
                    "增减率以决算数为基数计算，应以预算数（决算数减去增加额或加上减少额）为基数",
                    "the rate was divided by the final figure; the base is the budget (the final \
                     minus the increase, or plus the decrease)",
                ))
            } else {
                Cause::ThisYearBase
            };
            let mut rel = rel
                .alternative(this_year_base, signed(Expr::pct(change, Expr::Fig(lm.fig))))
                .zero_base_fails()
                // change ÷ (this year ∓ change) is linear-fractional: its exact range is at the
                // corners, where interval arithmetic would count the change twice
                .monotone()
                .context(context.clone());
            if bare_verb {
                rel = rel.unsure(Text::new(
                    "增减额未写明与上年还是与预算相比",
                    "the change does not say whether it is on last year or on the budget",
                ));
            }
            if rates.len() == 1 {
                if let Some(t) = total_reading(p, claims, lm, cm) {
                    let change = amount(doc, cm.fig, t.unit);
                    let tl = &t.label;
                    for last_year in last_years(&Expr::Fig(t.fig), &change, dc) {
                        rel = rel.reading(
                            signed(Expr::pct(change.clone(), last_year)),
                            Text::new(
                                format!("增减额为{tl}的增减额"),
                                format!("the change is that of {tl}"),
                            ),
                        );
                    }
                }
            }
            // a rate copied from an earlier rate of the paragraph
            // (the three nearest: a copy comes from the line above, and a long text must not
            // give every rate every earlier rate as a candidate)
            for prev in ms
                .iter()
                .take(r)
                .rev()
                .filter(|x| matches!(x.kind, Kind::Rate(_)))
                .take(3)
            {
                rel = rel.alternative(Cause::CopiedFrom(prev.fig), Expr::Fig(prev.fig));
            }
            out.push(rel);
        }
    }
}

/// What a change or a rate is compared with, as its clause says.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Compared {
    /// Its own year's budget: 比预算数, 较预算, 与预算相比, 比调整预算, 较年初预算数 — a
    /// comparison word right before the budget's name, no year between.
    Budget,
    /// An earlier year: 比上年, 同比, 去年, 较2019年 (较2019年预算数 is last year's budget).
    Year,
}

/// What `words` (a clause up to a change or a rate) compare with, if they say: the budget
/// where a comparison word stands right before its name, else an earlier year where one is
/// named.
fn comparison(words: &str) -> Option<Compared> {
    let budget = ["比", "较", "較", "与", "與", "同", "對", "对"]
        .iter()
        .any(|w| {
            words.match_indices(w).any(|(i, _)| {
                let rest = words.get(i + w.len()..).unwrap_or_default();
                let rest = ["年初", "调整后", "调整", "全年"]
                    .iter()
                    .find_map(|s| rest.strip_prefix(s))
                    .unwrap_or(rest);
                rest.starts_with("预算") || rest.starts_with("預算")
            })
        });
    if budget {
        return Some(Compared::Budget);
    }
    let year = ["上年", "上一年", "去年", "同比", "同期"]
        .iter()
        .any(|w| words.contains(w))
        || ["比", "较", "較", "与", "與"].iter().any(|w| {
            words.match_indices(w).any(|(i, _)| {
                let rest = words.get(i + w.len()..).unwrap_or_default();
                // (a year's number is '#' in the words between figures)
                let year = |c: char| c.is_ascii_digit() || c == '#';
                rest.trim_start_matches(year).starts_with('年') && rest.starts_with(year)
            })
        });
    year.then_some(Compared::Year)
}

/// The amount a change's own words name, stated earlier in the paragraph (a 2019 city
/// budget in traditional script, taushaann.com: "因公出國(境)費 50 萬元 … 因公出國(境)費同口徑
/// 比2018年減少 9 萬元"): the words before 比/较 in the change's clause are its name, and
/// exactly one value must be stated under that name (…费 and …费支出 are one name).
fn named_before(doc: &Document, p: &Prose<'_>, change: usize) -> Option<usize> {
    let c = p.mentions.get(change)?;
    let clause = p.clause_text_before(c.at);
    let clause = clause.trim_start_matches("其中");
    let cut = ["同口径", "同口徑", "同比", "比", "较", "與", "与"]
        .iter()
        .filter_map(|w| clause.find(w))
        .min()?;
    let name = unquoted(clause.get(..cut)?).into_owned();
    if name.chars().count() < 2 || name.contains('#') {
        return None;
    }
    let names = |label: &str| {
        let l = unquoted(label.trim_start_matches("其中"));
        l == name.as_str()
            || l.strip_suffix("支出") == Some(name.as_str())
            || name.strip_suffix("支出") == Some(l.as_ref())
    };
    let mut found = p
        .mentions
        .get(..change)?
        .iter()
        .enumerate()
        .filter(|(_, x)| {
            x.kind == Kind::Level && !x.inner && same_family(x.unit, c.unit) && names(&x.label)
        });
    let (k, first) = found.next()?;
    let value = |x: &Mention| doc.figure(x.fig).map(|f| f.number.value);
    found.all(|(_, x)| value(x) == value(first)).then_some(k)
}

/// "预算总经费从去年的 193.45 亿元猛减到今年的 125.54 亿元，降幅达 35.1%" (a 2018 news report
/// on the universities' budgets), "支出由上年的 A 万元增加到 B 万元，增长 r%": the rate right
/// after an amount that last year's (named by 由 or 从, with at most its year) moved to, by a
/// word of change and 到 (至, 为), is on the two. Returns (this year, last year).
fn from_to<'p>(p: &'p Prose<'_>, k: usize) -> Option<(&'p Mention, &'p Mention)> {
    let ms = &p.mentions;
    let r = ms.get(k)?;
    // the two amounts before the rate, past the years printed with them
    let mut before_rate = ms.get(..k)?.iter().rev().filter(|x| x.kind != Kind::Year);
    let (now, before) = (before_rate.next()?, before_rate.next()?);
    let one_sentence = now.sentence == r.sentence && before.sentence == r.sentence;
    // (amounts of money, or counts of one unit: "出国人次从29人降为16人,下降44.8%", 长乐区 2017)
    if !one_sentence
        || now.percent
        || before.percent
        || now.inner != before.inner
        || now.unit.is_none()
        || before.unit.is_some() && !same_family(before.unit, now.unit)
    {
        return None;
    }
    // 由/从, then at most a year: 上年, 去年, 2018年(度), and 的
    let clause = p.clause_text_before(before.at);
    let (_, year) = ["由", "从"]
        .iter()
        .filter_map(|w| clause.trim_end_matches('的').rsplit_once(w))
        .min_by_key(|(_, rest)| rest.len())?;
    if !matches!(
        year,
        "" | "上年" | "去年" | "上一年" | "上年度" | "#年" | "#年度"
    ) {
        return None;
    }
    // a word of change, then 到 (至, 为), then at most this year: 今年, 本年, 2019年(度)
    let moved = p.text_between(before.at + 1, now.at);
    let moved = moved
        .trim_start_matches(&['万', '亿', '元'][..])
        .trim_end_matches('的');
    let moved = ["今年", "本年度", "本年", "#年度", "#年"]
        .iter()
        .find_map(|w| moved.strip_suffix(w))
        .unwrap_or(moved);
    let verb = moved.strip_suffix(&['到', '至', '为'][..])?;
    let changes = ["增", "减", "降", "升", "提高", "跌"]
        .iter()
        .any(|w| verb.contains(w));
    if !changes || verb.chars().count() > 3 || verb.contains('#') {
        return None;
    }
    // the rate next, in the clause after (its comma the only stop between)
    let figure_between = p.toks.get(now.at + 1..r.at).is_some_and(|ts| {
        ts.iter()
            .any(|t| matches!(t, crate::claims::prose::Tok::Fig(_)))
    });
    (p.stops_between(now.at + 1, r.at) <= 1 && !figure_between).then_some((now, before))
}

/// "从2015年的2007万元上升到2020年的2468万元,年均增长4.22%" (壤塘县, 2021): an average
/// yearly rate `r` after an amount moved from another (as [`from_to`] reads it), each printed
/// right after its year, compounds over the years between them: (2468 ÷ 2007)^(1/5) − 1 =
/// 4.222%. The rate over all the years (22.97%) and that rate split evenly (4.59%) are the
/// likely causes of one that fails.
fn annual_rate(
    doc: &Document,
    p: &Prose<'_>,
    r: &Mention,
    now: &Mention,
    before: &Mention,
) -> Option<Relation> {
    let ms = &p.mentions;
    let dr = crate::claims::prose::annual_direction(&r.lead).filter(|&d| d != 0)?;
    let year = |m: &Mention| {
        let i = ms.binary_search_by_key(&m.at, |x| x.at).ok()?;
        let y = ms.get(i.checked_sub(1)?).filter(|y| y.kind == Kind::Year)?;
        u32::try_from(doc.number(y.fig)?.value).ok()
    };
    let years = year(now)?
        .checked_sub(year(before)?)
        .filter(|n| (1..=50).contains(n))?;
    let (n, b) = (Expr::Fig(now.fig), amount(doc, before.fig, now.unit));
    let ratio = Expr::root(Expr::quotient(n.clone(), b.clone()), years);
    let (yearly, total) = if dr > 0 {
        let total = Expr::pct(Expr::difference(n, b.clone()), b);
        (Expr::difference(ratio, Expr::int(1)), total)
    } else {
        let total = Expr::pct(Expr::difference(b.clone(), n), b);
        (Expr::difference(Expr::int(1), ratio), total)
    };
    let cause = |zh: &str, en: &str| Cause::Other(Text::new(zh, en));
    Some(
        Relation::equals(
            RULE,
            r.fig,
            Expr::product(yearly, Expr::int(100)),
            Text::new(
                "年均增减率 = ((末年数 ÷ 首年数)^(1/年数) − 1) × 100%",
                "average yearly rate = ((last year ÷ first year)^(1/years) − 1) × 100%",
            ),
        )
        .alternative(
            cause(
                "印的是这几年合计的增减率，不是年均增减率",
                "the rate over all the years, not the yearly average",
            ),
            total.clone(),
        )
        .alternative(
            cause(
                "合计增减率除以年数（算术平均）；年均增减率应按几何平均（逐年复合）计算",
                "the rate over all the years divided by the years; a yearly average compounds",
            ),
            Expr::quotient(total, Expr::int(i64::from(years))),
        )
        .zero_base_fails()
        .monotone()
        .context(p.sentence_text(r.at)),
    )
}

/// The clause naming what the change's clause compares when that clause names nothing:
/// "公务接待费支出决算比预算无增减变化,比去年增加 0.5 万元" (a city unit's 2020 final
/// accounts) — the nearest of the two clauses before it, in its clause group, that names a
/// 三公 item.
fn subject_clause(p: &Prose<'_>, at: usize) -> Option<String> {
    use crate::claims::prose::{ends_clause, ends_semi, Tok};
    let toks = p.toks.get(..at)?;
    let mut end = toks
        .iter()
        .rposition(|t| matches!(t, Tok::Ch(c) if ends_clause(*c)))?;
    for _ in 0..2 {
        if matches!(toks.get(end), Some(Tok::Ch(c)) if ends_semi(*c)) {
            return None;
        }
        let start = toks
            .get(..end)?
            .iter()
            .rposition(|t| matches!(t, Tok::Ch(c) if ends_clause(*c)))
            .map_or(0, |k| k + 1);
        let clause = p.text_between(start, end);
        if crate::claims::sangong::label_item(&clause).is_some() {
            return Some(clause);
        }
        end = start.checked_sub(1)?;
    }
    None
}

/// The rate of a 三公 item's change on last year, this year's figure taken from the 三公
/// table (the item, at the stage its change names, else the table's: 决算数 in a 决算):
/// "2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降27.78%" with the
/// table's 决算 合计 0.39 is 0.15 ÷ (0.39 + 0.15). Only for an amount in 万元 in the 三公
/// section (or, with no 三公 table, in a paragraph naming the 三公 before it), in a sentence
/// that compares with an earlier year.
fn sangong_rate(
    claims: &Claims<'_>,
    p: &Prose<'_>,
    change: usize,
    rate: &Mention,
    dr: i8,
) -> Option<Relation> {
    use crate::claims::sangong::{
        in_sangong_section, in_sangong_text, label_item, stage_of, table, Stage,
    };
    let doc = claims.doc;
    let cm = p.mentions.get(change)?;
    let Kind::Change(dc) = cm.kind else {
        return None;
    };
    let sentence = p.sentence_text(cm.at);
    // (or a 其中 sentence under one that does: "…支出决算数比上年减少2.6万元，下降28.57%。
    // 其中：…；公务用车运行维护费支出决算减少2.4万元，下降41.38%；…")
    let earlier = ["比", "较", "上年", "同比", "上一年"]
        .iter()
        .any(|w| sentence.contains(w))
        || inherits_comparison(p, cm.at, false);
    let in_section = in_sangong_section(claims, cm);
    // (or, outside a 三公 text, in a paragraph naming the 三公 before the change: "东莞预算公开
    // / …“三公”经费预算总额为18554万元,…“三公”总预算共压减2928万元,同比减少13.6%", a
    // city's 2014 news; this year's amount is then looked for in that paragraph alone)
    let in_text = in_sangong_text(claims, cm);
    // (the 三公 table is in 万元; a text may state its amounts in 元, "公务接待费支出决算为
    // 31000.00元", and this year's is then in the change's unit)
    let cells = table(claims);
    let tabled = cells.is_some() && in_section;
    if !is_money(cm.unit)
        || tabled && cm.unit != Some("万元")
        || !earlier
        || !in_text && !p.has_between(0, cm.at, "三公")
    {
        return None;
    }
    // the change's own words, else its clause's: "“三公”经费…决算数比 2023 年度减少 X" names
    // its item before the year
    let clause = p.clause_text_before(cm.at);
    let subject;
    let (item, words) = match label_item(&cm.lead) {
        Some(item) => (item, cm.lead.as_str()),
        None => match label_item(&clause) {
            Some(item) => (item, clause.as_str()),
            None => {
                subject = subject_clause(p, cm.at)?;
                (label_item(&subject)?, subject.as_str())
            }
        },
    };
    let (this, from_text) = match cells {
        Some(cells) if in_section => {
            let has_final = cells.cells.iter().any(|c| c.1 == Stage::Final);
            let stage = stage_of(words).unwrap_or(if has_final {
                Stage::Final
            } else {
                Stage::Budget
            });
            let this = cells
                .cells
                .iter()
                .find(|c| c.0 == item && c.1 == stage)
                .and_then(|c| c.2)?;
            (this, false)
        }
        Some(_) => return None,
        None => (
            sangong_stated(claims, p, cm, item, stage_of(words), in_text)?,
            true,
        ),
    };
    // no change is no rate, whatever the base
    if doc.figure(cm.fig).is_some_and(|f| f.number.value.is_zero()) {
        return None;
    }
    let change_expr = amount(doc, cm.fig, if from_text { cm.unit } else { Some("万元") });
    let mut bases = last_years(&Expr::Fig(this), &change_expr, dc).into_iter();
    let last_year = bases.next()?;
    let signed = |e: Expr| signed(dc, dr, e);
    let rate_expr = signed(Expr::pct(change_expr.clone(), last_year));
    let name = item.name();
    // (where this year's figure was found)
    let (zh, en) = if from_text {
        ("前文所述本年数", "this year's figure stated before")
    } else {
        ("“三公”经费表本年数", "the “三公” table's figure")
    };
    let what = Text::new(
        format!("{name}增减率 = 增减额 ÷ 上年数（{zh} ∓ 增减额）"),
        format!("rate of {name} = change ÷ last year ({en} ∓ change)"),
    );
    let mut rel = Relation::equals(RULE, rate.fig, rate_expr, with_direction_note(what, dc, dr));
    for other in bases {
        rel = rel.reading(
            signed(Expr::pct(change_expr.clone(), other)),
            Text::new(
                "减少时：上年数 = 本年数 + 增减额",
                "a decrease: last year = this year + change",
            ),
        );
    }
    let this_year_base = signed(Expr::pct(change_expr, Expr::Fig(this)));
    Some(
        rel.alternative(Cause::ThisYearBase, this_year_base)
            .zero_base_fails()
            .monotone(),
    )
}

/// "2011年…预算中，…公务用车购置及运行费 1205.06 万元(较2010年压缩2%)" with "2010年…预算中，…
/// 公务用车购置及运行费 1229.65 万元" stated elsewhere (审计署, 2011): a rate with no change,
/// right after "较/比 + a year" that follows this year's amount, is on the amount of the same
/// name, kind, stage and entity the document states for that year. Every such amount is a
/// reading. Reported only where it holds: the text does not print its base, so which
/// amount of that year the rate was worked on is not certain.
fn rate_on_named_year(
    doc: &Document,
    claims: &Claims<'_>,
    p: &Prose<'_>,
    r: usize,
) -> Option<Relation> {
    let ms = &p.mentions;
    let rate = ms.get(r)?;
    let Kind::Rate(dr) = rate.kind else {
        return None;
    };
    let year_m = ms.get(r.checked_sub(1)?)?;
    let this = ms.get(r.checked_sub(2)?)?;
    let year = doc.figure(year_m.fig)?.number.whole()?;
    let compares = year_m.lead.trim_start_matches(&['(', '（'][..]);
    if year_m.kind != Kind::Year
        || !matches!(compares, "较" | "比")
        || year_m.sentence != rate.sentence
        || this.kind != Kind::Level
        || !is_money(this.unit)
        || this.label.is_empty()
        || this.scope.year == Some(year)
        || this.sentence != rate.sentence
        // (the year, its verb and the rate: nothing else between)
        || p.text_between(year_m.at, rate.at).chars().count() > 6
    {
        return None;
    }
    let mut bases: Vec<&Mention> = Vec::new();
    for q in &claims.prose {
        for x in &q.mentions {
            let same = x.kind == this.kind
                && x.fig != this.fig
                && !x.inner
                && x.label == this.label
                && same_family(x.unit, this.unit)
                && x.scope.year == Some(year)
                && x.scope.stage == this.scope.stage
                && x.scope.entity == this.scope.entity;
            let value = |m: &Mention| doc.figure(m.fig).map(|f| f.number.value);
            if same && !bases.iter().any(|b| value(b) == value(x)) {
                bases.push(x);
            }
        }
    }
    let signed_rate = |base: &Mention| {
        let last = amount(doc, base.fig, this.unit);
        let now = Expr::Fig(this.fig);
        let change = match dr {
            1.. => Expr::difference(now, last.clone()),
            0 => Expr::abs(Expr::difference(now, last.clone())),
            _ => Expr::difference(last.clone(), now),
        };
        (Expr::pct(change.clone(), last), change)
    };
    let mut bases = bases.into_iter();
    let first = bases.next()?;
    let (expr, change) = signed_rate(first);
    let what = Text::new(
        format!(
            "{}增减率 = 本年数与{year}年数之差 ÷ {year}年数（{year}年数为文中另处所列）",
            this.label
        ),
        format!(
            "rate of {} = (this year − {year}) ÷ {year} ({year}'s figure stated elsewhere in the text)",
            this.label
        ),
    );
    let mut rel = Relation::equals(RULE, rate.fig, expr, what);
    for other in bases {
        rel = rel.reading(
            signed_rate(other).0,
            Text::new(format!("另一{year}年数"), format!("another {year} figure")),
        );
    }
    Some(
        rel.alternative(Cause::ThisYearBase, Expr::pct(change, Expr::Fig(this.fig)))
            .zero_base_fails()
            .only_if_holds(),
    )
}

/// With no 三公 table, this year's amount of a 三公 item as the 三公 section states it
/// before the change (a unit's 2018 budget, wuzhou: "2018年财政拨款“三公”经费预算总额为2.7万元。
/// 2018年“三公”经费预算数比2017年预算数减少0.06万元，减幅0.02%"): an amount in 万元 naming
/// the item, at the stage the change names (or neither naming one), of the change's entity
/// and year where both name one. Every such amount must have one value; the nearest is taken.
/// With the change outside a 三公 text (`in_text` false), only its own paragraph is looked in.
fn sangong_stated(
    claims: &Claims<'_>,
    p: &Prose<'_>,
    cm: &Mention,
    item: crate::claims::sangong::Item,
    stage: Option<crate::claims::sangong::Stage>,
    in_text: bool,
) -> Option<FigId> {
    use crate::claims::sangong::{in_sangong_text, label_item, stage_of, Stage};
    let doc = claims.doc;
    let value = |x: &Mention| doc.figure(x.fig).map(|f| f.number.value);
    // the change's year: the first its sentence names ("2018年…比2017年…减少"; its scope's
    // is the nearest, the year compared with), else, when the sentence right before states a
    // change too, the first that one names ("2022年度“三公”经费预算较2021年度增加1.68万元。
    // 公务用车运行费用较上年同期增加2.27万元", a unit's 2022 budget: the comparison goes on)
    let before = || p.mentions.iter().take_while(|x| x.at < cm.at);
    let first_year = |sentence: usize| {
        before()
            .find(|x| x.kind == Kind::Year && x.sentence == sentence)
            .and_then(|x| doc.figure(x.fig))
            .and_then(|f| f.number.whole())
    };
    let year = first_year(cm.sentence).or_else(|| {
        let last = cm.sentence.checked_sub(1)?;
        before()
            .any(|x| x.sentence == last && matches!(x.kind, Kind::Change(_)))
            .then(|| first_year(last))
            .flatten()
    });
    let mut found: Option<&Mention> = None;
    let paragraphs = claims.prose.iter().take_while(|q| q.index <= p.index);
    for q in paragraphs.filter(|q| in_text || q.index == p.index) {
        let own = q.index == p.index;
        for x in q.mentions.iter().take_while(|x| !own || x.at < cm.at) {
            let named_stage = stage_of(&x.lead).or(match x.kind {
                Kind::Final => Some(Stage::Final),
                Kind::Budget => Some(Stage::Budget),
                _ => None,
            });
            let year_apart = matches!((x.scope.year, year), (Some(a), Some(b)) if a != b);
            let candidate = matches!(x.kind, Kind::Level | Kind::Final | Kind::Budget)
                && !x.inner
                && !x.percent
                && x.unit == cm.unit
                && named_stage == stage
                && !year_apart
                && x.scope.entity == cm.scope.entity
                // (or named by its stage alone after its budget: "“三公”经费…支出年初预算为
                // 22.00万元,支出决算为8.77万元")
                && (label_item(&x.label) == Some(item)
                    || crate::claims::prose::record_name(q, x)
                        .is_some_and(|n| label_item(&n) == Some(item)))
                && (!in_text || in_sangong_text(claims, x));
            if !candidate {
                continue;
            }
            if found.is_some_and(|f| value(f) != value(x)) {
                return None;
            }
            found = Some(x);
        }
    }
    found.map(|x| x.fig)
}

#[cfg(test)]
mod tests {
    use crate::read::read_text;

    fn entries(text: &str) -> Vec<(String, &'static str, String)> {
        let r = crate::check_document(&read_text(text));
        r.checks
            .iter()
            .filter(|e| e.rule == "yoy-change")
            .map(|e| (e.reported.clone(), e.status.as_str(), e.relation.zh.clone()))
            .collect()
    }

    /// Each yoy-change entry's printed figure and status.
    fn status(text: &str) -> Vec<(String, &'static str)> {
        entries(text).into_iter().map(|(r, s, _)| (r, s)).collect()
    }

    fn own(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        v.iter().map(|(r, s)| (r.to_string(), *s)).collect()
    }

    #[test]
    fn duo_and_shao_after_a_comparison_name_a_change() {
        // 山东省's 2020 procurement news: 298.22 ÷ (1131.93 − 298.22) = 35.77 %; a
        // development zone's August report (tianshui.gov.cn): 多支 and 少支
        let more = "全年完成工程类项目采购1131.93亿元,比上年多298.22亿元,增长35.77%。\n";
        assert_eq!(status(more), own(&[("35.77%", "pass")]));
        assert_eq!(
            status(&more.replace("35.77%", "26.35%")),
            own(&[("26.35%", "fail")])
        );
        let spent = "本月完成财政支出9260万元,较上年同月多支2570万元,增长38.4%。\
                     其中:一般公共预算支出完成971万元,较上年同月少支1237万元,下降56%。\n";
        assert_eq!(status(spent), own(&[("38.4%", "pass"), ("56%", "pass")]));
        // 少 alone after the comparison: 100 ÷ (400 + 100) = 20 %
        let less = "支出400万元,比上年少100万元,下降20%。\n";
        assert_eq!(status(less), own(&[("20%", "pass")]));
        assert_eq!(status(&less.replace("20%", "25%")), own(&[("25%", "fail")]));
    }

    #[test]
    fn taiwans_words_for_a_rate_of_growth_are_read() {
        // Taipei's and New Taipei's 2026 budgets (as news pages printed them): 約增, 成長;
        // 388.44 ÷ (2478.1 − 388.44) = 18.589 %, 53.83 ÷ 2044.18 = 2.633 %
        let grown = "歲入新台幣2478.1億元，較上年度增加388.44億元，成長18.59%。\n";
        assert_eq!(status(grown), own(&[("18.59%", "pass")]));
        let wrong = grown.replace("18.59%", "15.67%");
        assert_eq!(status(&wrong), own(&[("15.67%", "fail")]));
        // 負成長 is a fall: 388.44 ÷ (2478.1 + 388.44) = 13.55 %
        let fell = "歲入新台幣2478.1億元，較上年度減少388.44億元，負成長13.55%。\n";
        assert_eq!(status(fell), own(&[("13.55%", "pass")]));
        let about = "歲入編列2098.01億元，較上年度2044.18億元，增加53.83億元，約增2.63%。\n";
        assert_eq!(status(about), own(&[("53.83", "pass"), ("2.63%", "pass")]));
        let wrong = about.replace("2.63%", "2.57%");
        assert_eq!(status(&wrong), own(&[("53.83", "pass"), ("2.57%", "fail")]));
    }

    #[test]
    fn hong_kong_and_macau_dollars_are_amounts() {
        // 237 ÷ (7532 + 237) = 3.05 %; 21.5 ÷ (572.2 − 21.5) = 3.90 %
        let hk = "整體開支為7,532億港元，較上年減少237億港元，減幅3%。\n";
        assert_eq!(status(hk), own(&[("3%", "pass")]));
        assert_eq!(status(&hk.replace("3%", "5%")), own(&[("5%", "fail")]));
        let macau = "實際收入為572.2億澳門元，較上年增加21.5億澳門元，增幅3.9%。\n";
        assert_eq!(status(macau), own(&[("3.9%", "pass")]));
        // a text in 万港元 against its 亿港元: one currency, converted exactly
        let mixed = "開支為7,532億港元，較上年減少2,370,000萬港元，減幅3%。\n";
        assert_eq!(status(mixed), own(&[("3%", "pass")]));
    }

    #[test]
    fn an_amount_over_or_under_the_plan_to_date_is_no_level() {
        // the same August report: 超月进度 and 超收 stand between the amount and its change;
        // 6838 ÷ (10372 − 6838) = 193.5 %, 21935 ÷ (45724 − 21935) = 92.2 %,
        // 1324 ÷ (22225 − 1324) = 6.3 %
        let month = "8月份,经开区大口径财政收入完成10372万元,占年初预算月进度的212.2%,\
                     超月进度5484万元,较上年同月增收6838万元,增长193.5%。\n";
        assert_eq!(status(month), own(&[("193.5%", "pass")]));
        let year = "截止8月底,经开区大口径财政收入完成45724万元,占年初预算58651万元的78%,\
                    超平均进度11.3个百分点,超收6623万元。较上年同期增收21935万元,增长92.2%。\n";
        assert_eq!(status(year), own(&[("92.2%", "pass")]));
        let short = "税收收入完成22225万元,占年初预算37130万元的59.9%,短平均进度6.8个百分点,\
                     短收2528万元。较上年同期增收1324万元,增长6.3%。\n";
        assert_eq!(status(short), own(&[("6.3%", "pass")]));
        assert_eq!(
            status(&short.replace("6.3%", "7.3%")),
            own(&[("7.3%", "fail")])
        );
    }

    #[test]
    fn a_completion_of_the_budget_may_stand_between_an_amount_and_its_rate() {
        // a province's 2018 half-year report (news of it): 249.8 ÷ (1233.8 − 249.8) = 25.39 %
        let text =
            "全省一般公共预算收入完成1233.8亿元,为年度预算的62.1%,增长25.4%,增收249.8亿元。\n";
        assert_eq!(status(text), own(&[("25.4%", "pass")]));
        assert_eq!(
            status(&text.replace("25.4%", "20.2%")),
            own(&[("20.2%", "fail")])
        );
        // a share of a whole between them is no completion: the rate may be the share's
        let share = text.replace("为年度预算的", "占全部收入的");
        assert_eq!(status(&share), own(&[]));
    }

    #[test]
    fn a_change_on_last_years_budget_is_of_this_years_budget() {
        // 旺苍县's 2025 三公 budget (a mirror of it): 94.91 ÷ (2005.41 + 94.91) = 4.519 %; on
        // last year's final figure before it, 4.507 % would fail the printed 4.52 %
        let text = "2024年旺苍县“三公”经费执行数2010.95万元,2025年“三公”经费预算数2005.41万元,\
                    较上年预算数减少94.91万元,下降4.52%。\n";
        assert_eq!(status(text), own(&[("4.52%", "pass")]));
        assert_eq!(
            status(&text.replace("4.52%", "4.51%")),
            own(&[("4.51%", "fail")])
        );
    }

    #[test]
    fn a_change_of_shouzhi_is_of_the_two_totals_when_they_are_one_amount() {
        // 南纪门街道's 2023 final accounts (渝中区): 710.50 ÷ (6567.06 + 710.50) = 9.763 %
        let text = "2023年度收入总计6567.06万元,支出总计6567.06万元。收支较上年决算数减少710.50万元,下降9.76%。\n";
        assert_eq!(status(text), own(&[("9.76%", "pass")]));
        let wrong = text.replace("9.76%", "10.82%");
        assert_eq!(status(&wrong), own(&[("10.82%", "fail")]));
        // the two totals apart: which one is not said
        let apart = text.replace("支出总计6567.06", "支出总计6467.06");
        assert_eq!(status(&apart), own(&[("9.76%", "unchecked")]));
    }

    #[test]
    fn a_change_on_the_budget_is_a_rate_on_the_budget() {
        // 宜宾市本级's 2017 三公 note: 1188 ÷ (3825 + 1188) = 23.698 %
        let text = |on: &str, rate: &str| {
            format!("2017年“三公”经费支出总额为3825万元,{on}减少1188万元,下降{rate}%。\n")
        };
        for on in [
            "比预算数",
            "比预算",
            "较预算数",
            "与预算相比",
            "比调整预算",
            "较年初预算数",
        ] {
            let got = entries(&text(on, "23.70"));
            assert!(
                matches!(got.as_slice(), [(_, "pass", w)] if w.contains("÷ 预算数（决算数")),
                "{on}: {got:?}"
            );
            let got = crate::check_document(&read_text(&text(on, "31.06")));
            let got: Vec<_> = got
                .checks
                .iter()
                .filter(|e| e.rule == "yoy-change")
                .collect();
            // divided by the final figure: the likely cause names the budget as the base
            assert!(
                matches!(got.as_slice(), [e] if e.status.as_str() == "fail"
                    && e.cause.as_ref().is_some_and(|c| c.zh.contains("以预算数"))),
                "{on}: {got:?}"
            );
        }
        // last year's budget, or last year: the rate on last year, so worded
        for on in ["比上年预算", "较2016年预算数", "比上年"] {
            let got = entries(&text(on, "23.70"));
            assert!(
                matches!(got.as_slice(), [(_, "pass", w)] if w.contains("÷ 上年数")),
                "{on}: {got:?}"
            );
        }
        // a comparison word not before the budget's name: not a change on it
        assert!(entries(&text("比较预计", "23.70")).is_empty());
    }

    #[test]
    fn a_rate_naming_another_comparison_than_its_change_is_not_its_rate() {
        // a budget-execution report's way: 20 more than the budget, 8.5 % more than last year
        // (20 ÷ 480 = 4.17 % would fail the 8.5 %)
        let text = "全年一般公共预算收入完成500亿元,比预算增加20亿元,比上年增长8.5%。\n";
        assert_eq!(status(text), own(&[]));
        let text = "全年一般公共预算收入完成500亿元,比上年增加20亿元,比预算增长8.5%。\n";
        assert_eq!(status(text), own(&[]));
        let text = "2019年一般公共预算收入完成500亿元,比预算增加20亿元,比2018年增长8.5%。\n";
        assert_eq!(status(text), own(&[]));
        // a bare 增收 is on last year, whatever its clause says
        let text = "全年一般公共预算收入500亿元,增收20亿元,比预算增长4.2%。\n";
        assert_eq!(status(text), own(&[]));
        // the same comparison, or none named by the rate: its rate
        for rate in ["比上年增长4.2%", "增长4.2%", "同比增长4.2%"] {
            let text = format!("全年一般公共预算收入完成500亿元,比上年增加20亿元,{rate}。\n");
            assert_eq!(status(&text), own(&[("4.2%", "pass")]), "{rate}");
        }
        let text = "全年一般公共预算收入完成500亿元,比预算增加20亿元,增长4.2%,比上年增长8.5%。\n";
        assert_eq!(status(text), own(&[("4.2%", "pass")]));
    }

    #[test]
    fn a_minus_after_a_falling_word_repeats_the_fall() {
        // "下降-20%" says what "下降 20%" or "增长-20%" says
        let text = |rate: &str| format!("政府性基金收入1200万元,比上年减少300万元,同比{rate}%。\n");
        for (rate, printed) in [("下降-20", "-20%"), ("下降20", "20%"), ("增长-20", "-20%")] {
            assert_eq!(status(&text(rate)), own(&[(printed, "pass")]), "{rate}");
        }
        // and a wrong magnitude still fails
        assert_eq!(status(&text("下降-25")), own(&[("-25%", "fail")]));
    }

    #[test]
    fn an_average_yearly_rate_compounds_over_the_years_between_its_amounts() {
        // 壤塘县 on its 十三五 revenue (gogojz.com/?p=1727, 2021), as published
        let text = |rate: &str| {
            format!("“十三五”以来,壤塘县一般公共预算收入从2015年的2007万元上升到2020年的2468万元,年均增长{rate}%;")
        };
        // (2468 ÷ 2007)^(1/5) − 1 = 4.222%; on last year's amount it would be 22.97%
        assert_eq!(status(&text("4.22")), own(&[("4.22%", "pass")]));
        let cause = |t: &str| {
            let r = crate::check_document(&read_text(t));
            r.checks
                .iter()
                .filter(|e| e.rule == "yoy-change")
                .map(|e| (e.status.as_str(), e.cause.as_ref().map(|c| c.zh.clone())))
                .collect::<Vec<_>>()
        };
        // the rate over all five years, and that rate split evenly, fail with their causes
        let all = cause(&text("22.97"));
        assert!(
            matches!(all.as_slice(), [("fail", Some(c))] if c.contains("合计的增减率")),
            "{all:?}"
        );
        let even = cause(&text("4.59"));
        assert!(
            matches!(even.as_slice(), [("fail", Some(c))] if c.contains("算术平均")),
            "{even:?}"
        );
        // a fall compounds downwards: 1 − (2007 ÷ 2468)^(1/5) = 4.051%
        let fall = "从2015年的2468万元下降到2020年的2007万元,年均下降4.05%;";
        assert_eq!(status(fall), own(&[("4.05%", "pass")]));
        // the years are those printed with the amounts: over four years the rate is 5.30%
        assert_eq!(
            status(&text("4.22").replace("2015年", "2016年")),
            own(&[("4.22%", "fail")])
        );
        // an average yearly rate is never a change on last year: beside a change it says
        // nothing, where it said 22.97% before
        assert_eq!(
            status("2020年支出2468万元，比2015年增加461万元，年均增长4.22%。"),
            []
        );
        // and 均 after a year named by a word is "both": a rate on last year as before
        assert_eq!(
            status("支出210万元，较上年均增长5%，较上年均增加10万元。"),
            own(&[("5%", "pass")])
        );
    }

    #[test]
    fn a_rate_on_a_named_year_takes_that_years_amount_stated_elsewhere() {
        // 审计署's 三公 budgets (wenweipo.com, 2011-07-11), in traditional script as published
        let text = |rate: &str| {
            format!(
                "2010年審計署「三公經費」財政撥款預算中,因公出國(境)費617萬元,公務用車購置及運行費1229.65萬元,公務接待費865萬元。\n\
                 2011年審計署「三公經費」財政撥款預算中,因公出國(境)費617萬元(零增長),公務用車購置及運行費1205.06萬元(較2010年壓縮{rate}%),公務接待費865萬元(零增長)。\n"
            )
        };
        // (1229.65 − 1205.06) ÷ 1229.65 = 1.9998%
        assert_eq!(status(&text("2")), own(&[("2%", "pass")]));
        // a rate that does not hold on it is not said: the base is not printed beside it
        assert_eq!(status(&text("5")), []);
        // the year's amount must be of the same name: another item's is no base
        let other = text("2").replace("公務用車購置及運行費1229.65", "會議費1229.65");
        assert_eq!(status(&other), []);
        // and of the year named
        let year = text("2").replace("較2010年", "較2009年");
        assert_eq!(status(&year), []);
    }

    #[test]
    fn a_decrease_is_named_last_year_minus_this_year() {
        // a county's 三公 text (2018): the decrease is printed as its size
        let text = "“三公”经费支出2.05万元,较上年2.08减少0.03万元,减少了1.44%。\n";
        let got = entries(text);
        assert!(
            got.iter().any(|(r, s, what)| r == "0.03"
                && *s == "pass"
                && what == "减少额 = 上年数 − 本年数（文中所列）"),
            "{got:?}"
        );
        let up = entries("“三公”经费支出2.08万元,较上年2.05增加0.03万元。\n");
        assert!(
            up.iter()
                .any(|(r, _, what)| r == "0.03" && what.starts_with("增减额 = 本年数 − 上年数")),
            "{up:?}"
        );
        // two years named: in that order
        let years = "2016年预算拨入33万元,2015年预算拨入57.55万元,与上年对比减少24.55万元。\n";
        let got = entries(years);
        assert!(
            got.iter()
                .any(|(r, _, what)| r == "24.55" && what == "减少额 = 2015年数 − 2016年数"),
            "{got:?}"
        );
    }

    #[test]
    fn last_years_amount_named_by_its_year() {
        // a news copy of an academy's 2014 final account (中新网): last year named by number
        let text = "因公出国(境)费支出决算为7926.14万元,比2013年度决算数8750.27万元减少824.13万元,\
                    下降9.42%。\n";
        let got = entries(text);
        let stated = |r: &str, what: &str| {
            got.iter()
                .any(|(g, s, w)| g == r && *s == "pass" && w == what)
        };
        assert!(
            stated("824.13", "减少额 = 上年数 − 本年数（文中所列）"),
            "{got:?}"
        );
        assert!(
            stated("9.42%", "增减率 = 增减额 ÷ 上年数（文中所列）"),
            "{got:?}"
        );
        // and a wrong change against it fails
        assert!(status(&text.replace("824.13", "842.13")).contains(&("842.13".to_string(), "fail")));
        // a year that is not the one before the amount's names no last year's amount
        let dated = ["2015年", text].concat().replace("2013年度", "2012年度");
        assert!(
            entries(&dated)
                .iter()
                .all(|(_, _, w)| !w.contains("文中所列")),
            "{:?}",
            entries(&dated)
        );
    }

    #[test]
    fn an_adjustment_of_the_budget_is_no_change_on_last_year() {
        // Zhangwan district's 2022 budget adjustment: 86080 is the plan's cut, the rate is
        // on last year's revenue, which is not printed
        let text = "区级地方一般公共预算收入。计划完成数由208100万元调整为122020万元,调减86080万元,同比下降33.5%。\n";
        assert!(
            status(text).iter().all(|(_, s)| *s != "fail"),
            "{:?}",
            status(text)
        );
        // a cut named as one on last year is read as one
        let on_last_year = "收入122020万元,比上年调减86080万元,下降33.5%。\n";
        assert_eq!(status(on_last_year), own(&[("33.5%", "fail")]));
        let compared = "收入122020万元,与上年相比,调减86080万元,下降33.5%。\n";
        assert_eq!(status(compared), own(&[("33.5%", "fail")]));
    }

    #[test]
    fn a_budget_disclosures_rate_is_on_its_budget() {
        // "预算数为 X 万元，比上年减少 D 万元，下降 r%": this year's figure is the budget
        // (5 ÷ (100 + 5) = 4.76 %); dividing by this year's gives 5.0 %, which fails
        let text = "2020年“三公”经费预算数为100.00万元，比上年减少5.00万元，下降4.8%。\n";
        assert_eq!(status(text), own(&[("4.8%", "pass")]));
        let wrong = text.replace("4.8%", "5.0%");
        assert_eq!(status(&wrong), own(&[("5.0%", "fail")]));
        // beside a final figure the rate is the final figure's (5 ÷ (90 + 5) = 5.26 %), not
        // the completed budget's (5 ÷ 105 = 4.76 % would hold with 4.8 %)
        let final_too = "2019年支出决算为90.00万元，完成年初预算数100.00万元的90%，比上年减少5.00万元，下降4.8%。\n";
        assert_eq!(status(final_too), own(&[("4.8%", "fail")]));
    }

    #[test]
    fn last_years_budget_printed_beside_this_years() {
        // "较2019年预算数450万元增加50万元": both budgets printed, so the change is their
        // difference and the rate is on last year's as printed
        let text =
            "2020年“三公”经费预算数为500万元，较2019年预算数450万元增加50万元，增长11.1%。\n";
        assert_eq!(status(text), own(&[("50", "pass"), ("11.1%", "pass")]));
        // a mistyped change is the change's error, its rate on last year's budget holding
        // (60 ÷ 450 = 13.3 %); read on this year's budget alone, the rate would have been
        // blamed (60 ÷ (500 − 60) = 13.6 %)
        let wrong = text.replace("50万元，增长11.1%", "60万元，增长13.3%");
        assert_eq!(status(&wrong), own(&[("60", "fail"), ("13.3%", "pass")]));
        // beside a final figure, the budgets are what it completed and compared with: no
        // pair of years (500 − 450 would blame a change of 480 on last year's 450)
        let completed = "2020年支出决算为480万元，完成2020年预算数500万元的96%，较2019年预算数450万元增加30万元。\n";
        assert!(
            entries(completed)
                .iter()
                .all(|e| e.0 != "30" || e.1 != "fail"),
            "{:?}",
            entries(completed)
        );
    }

    #[test]
    fn a_templates_leftover_rate_word_checks_the_magnitude() {
        // 减少 10 on this year's 100: last year 110, 10 ÷ 110 = 9.09 %
        let text = "本年支出 100 万元，比上年减少 10 万元，下降（增长）9.09%。\n";
        let got = entries(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("9.09%", "pass"));
        assert!(got[0].2.contains("方向不明"), "{got:?}");
        // the magnitude is still checked: 10 ÷ 100 is no rate on last year's figure
        let got = entries(&text.replace("9.09%", "12.50%"));
        assert_eq!((got[0].0.as_str(), got[0].1), ("12.50%", "fail"));
    }

    #[test]
    fn a_rate_in_brackets_after_its_change() {
        // modelled on a district health bureau's 三公 budget (xincheng.gov.cn, 2019)
        let text = "公务接待费3.20万元,较上年减少0.8万元(20%),主要原因是厉行节约。\n";
        let got = entries(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("20%", "pass"));
        // 0.8 ÷ 3.20 is the rate on this year's figure, not last year's
        let got = entries(&text.replace("(20%)", "（25%）"));
        assert_eq!((got[0].0.as_str(), got[0].1), ("25%", "fail"));
        // a bracket of its own words is no rate of the change
        assert_eq!(entries(&text.replace("(20%)", "(占20%)")), []);
    }

    #[test]
    fn a_change_after_the_rate_and_its_qizhong_is_a_parts() {
        // a town's 三公 budget (2024): the total's rate is stated, then 其中 the items'
        // changes (0 + 2.01 − 0 on 12.00 is 16.75 %), the first of them no change of the total
        let text = "2024年“三公”经费支出预算为14.01万元,其中:因公出国(境)费用0万元,公务用车运行维护费14.01万元,公务接待费0万元。与2023年预算相比增长16.75%,其中因公出国(境)费增加0万元,公务用车运行维护费增加2.01万元。\n";
        assert!(
            entries(text).iter().all(|e| e.0 != "16.75%"),
            "{:?}",
            entries(text)
        );
        // a change right after the rate is still the rate's (2.01 ÷ 12.00 = 16.75 %)
        let own = text.replace("16.75%,其中因公出国(境)费增加0万元", "16.75%,增加2.01万元");
        let got = entries(&own);
        assert!(
            got.iter().any(|e| e.0 == "16.75%" && e.1 == "pass"),
            "{got:?}"
        );
        let wrong = own.replace("16.75%", "18.75%");
        let got = entries(&wrong);
        assert!(
            got.iter().any(|e| e.0 == "18.75%" && e.1 == "fail"),
            "{got:?}"
        );
    }

    #[test]
    fn le_after_the_verb_is_read_past() {
        // a district's 2017 三公 report (cqyz.gov.cn): "减少了 …，下降了 …"
        // (1276.52 ÷ (4333.33 + 1276.52) = 22.75 %)
        let text = "2017年度“三公”经费总支出为4,333.33万元。与上年相比,2017年度的“三公”经费支出减少了1,276.52万元,下降了22.75%。\n";
        assert_eq!(status(text), own(&[("22.75%", "pass")]));
        let wrong = text.replace("22.75%", "29.46%");
        assert_eq!(status(&wrong), own(&[("29.46%", "fail")]));
    }

    #[test]
    fn a_final_accounts_amount_is_this_years() {
        // modelled on a city's final-accounts report (shanwei.gov.cn, 2018)
        let text = "2018年市级(不包括市城区,下同)一般公共预算收入决算数129748万元,为调整预算数的100.66%,比2017年增收12423万元,增长10.59%。\n";
        let got = entries(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("10.59%", "pass"));
        // named without the parenthesis it began inside
        assert!(got[0].2.starts_with("一般公共预算收入决算数"), "{got:?}");
        let got = entries(&text.replace("10.59%", "9.57%"));
        assert_eq!((got[0].0.as_str(), got[0].1), ("9.57%", "fail"));
    }

    #[test]
    fn a_change_after_what_the_total_holds_is_the_totals() {
        // modelled on a regional office's 2013 budget (budgetofchina.com): the amounts after
        // 含 are what the total holds, the change after the semicolon is the total's
        let text = "机管局2013年收支总预算4,471.22万元,含山庄管理处经费250万元,幼儿园经费537.31万元;比2012年预算增加755.18万元,增长20.32%。\n";
        let got = entries(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("20.32%", "pass"));
        assert!(got[0].2.starts_with("收支总预算"), "{got:?}");
        // modelled on a school district's budget (wushan.gov.cn, 2022): the same over a
        // sentence break; 654 on 3736.92 is 21.2%, so 9% fails, as the total's rate
        let text = "2022年基本支出3736.92万元,其中人员经费3383.21万元,公用经费353.71万元。比2021年预算增加654万元,增长9%。\n";
        let got = entries(text);
        assert_eq!((got[0].0.as_str(), got[0].1), ("9%", "fail"));
        assert!(got[0].2.starts_with("基本支出"), "{got:?}");
        // a numbered item is a subject of its own: its change is its own
        let text = "收入总计457.8161万元,其中:1.财政拨款收入364.6552万元,为财政拨款资金。较上年度决算数减少24.1522万元,下降6.2119%。\n";
        let got = entries(text);
        assert_eq!((got[0].0.as_str(), got[0].1), ("6.2119%", "pass"));
    }

    #[test]
    fn a_rate_after_an_amount_of_its_own_is_not_the_earlier_changes() {
        // modelled on a city's half-year revenue (cz.sm.gov.cn, 2018): 33.06% is 上划中央收入's rate,
        // whose change is not stated; 126,096 is the total's change
        let text = "1至6月,全县一般公共预算总收入完成865,696万元,比上年同期增收126,096万元,增长17.05%,其中:上划中央收入完成319,122万元,比上年同期增长33.06%;县级一般公共预算收入完成546,574万元,比上年同期增收46,801万元,增长9.36%。\n";
        let got: Vec<(String, &str)> = entries(text).into_iter().map(|(r, s, _)| (r, s)).collect();
        let want = [
            ("17.05%", "pass"),
            ("33.06%", "unchecked"),
            ("9.36%", "pass"),
        ];
        assert_eq!(
            got,
            want.iter()
                .map(|(r, s)| (r.to_string(), *s))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_rate_on_a_second_base_is_not_the_changes() {
        // the Legislative Yuan's budget centre on a 2024 fund budget (ly.gov.tw): the rise on
        // last year's budget, then the rate on an average of two years' final accounts
        let text = "一般建築及設備計畫95億2,401萬2千元,較112年度法定預算53億175萬5千元增加\
                    42億2,225萬7千元,增幅79.64%,亦較110及111年度決算平均數40億6,325萬6千元增幅134.39%。\n";
        let got = status(text);
        assert!(!got.iter().any(|(_, s)| *s == "fail"), "{got:?}");
        // the same in a change on last year: the first rate is the change's, the second not
        let second = "支出95萬元,較上年53萬元增加42萬元,增幅79.25%,亦較前年40萬元增幅137.5%。\n";
        assert_eq!(
            status(second),
            own(&[("42", "pass"), ("79.25%", "pass"), ("137.5%", "unchecked")])
        );
        // the same base named again is still the change's
        let again = second.replace("亦較前年40萬元增幅137.5%", "即較上年53萬元增幅79.2%");
        assert_eq!(
            status(&again),
            own(&[("42", "pass"), ("79.25%", "pass"), ("79.2%", "pass")])
        );
    }

    #[test]
    fn a_newspapers_short_rate_and_bracketed_amount_are_read() {
        // a Macau budget report (2017): the amount restated in brackets after its name, the
        // rate as 同比增 — 1.9 on 824.1 is 0.23%, not 2.3%
        let text = "和2015年相比,2016年录得的开支(826亿元)增加了1.9亿元,即同比增2.3%。\n";
        assert_eq!(status(text), own(&[("2.3%", "fail")]));
        assert_eq!(
            status(&text.replace("2.3%", "0.23%")),
            own(&[("0.23%", "pass")])
        );
        let down = "收益1,105亿元,减少56亿元,同比减4.8%。\n";
        assert_eq!(status(down), own(&[("4.8%", "pass")]));
        // a bracket holding more than the amount is still its own clause's
        let more = "开支(上年826亿元)增加了1.9亿元,即同比增2.3%。\n";
        assert!(
            status(more).iter().all(|(_, s)| *s != "fail"),
            "{:?}",
            status(more)
        );
    }

    #[test]
    fn a_bare_zengshou_right_after_its_amount_is_a_change_on_last_year() {
        // a province's 2021 first-quarter report: 37.4 on 183.6 is 20.37%
        let text = "一季度,全省一般公共预算收入221亿元,增收37.4亿元,增长20.4%。\n";
        assert_eq!(status(text), own(&[("20.4%", "pass")]));
        assert_eq!(
            status(&text.replace("20.4%", "16.9%")),
            own(&[("16.9%", "fail")])
        );
        // the rate before its change
        let after = "全省一般公共预算支出1008.6亿元,增长4.6%,增支44亿元。\n";
        assert_eq!(status(after), own(&[("4.6%", "pass")]));
        // another amount's clause between: not known to be a change on last year
        let between = "收入221亿元,为预算的105%,增收37.4亿元,增长16.9%。\n";
        assert_eq!(status(between), own(&[]));
        // a change word that may be on a budget (the rate then on last year): checked where
        // it holds, not checked where it does not
        let other = "收入221亿元,增加37.4亿元,增长16.9%。\n";
        assert_eq!(status(other), own(&[("16.9%", "unchecked")]));
        let holds = other.replace("16.9%", "20.4%");
        assert_eq!(status(&holds), own(&[("20.4%", "pass")]));
        // (the Ministry of Finance's 2023 state-capital budget, yss.mof.gov.cn)
        let mof = "2.股利、股息收入538.73亿元,减少52.25亿元,下降8.8%。\n";
        assert_eq!(status(mof), own(&[("8.8%", "pass")]));
        // another clause between the change and its rate: not read
        let apart = other.replace("亿元,增长", "亿元,为预算的105%,增长");
        assert!(
            !status(&apart).iter().any(|(r, _)| r == "16.9%"),
            "{:?}",
            status(&apart)
        );
    }

    #[test]
    fn a_change_printed_in_yuan_among_wan_yuan_is_named_as_the_slip() {
        // 14,484 万元 on 240,841 is 6.01%; printed 14,484 元 it is no change at all
        let text = "一般公共预算支出完成255,325万元,比上年同期增支14,484元,增长6.01%。\n";
        let r = crate::check_document(&read_text(text));
        let e = r.checks.iter().find(|e| e.rule == "yoy-change").unwrap();
        assert_eq!((e.reported.as_str(), e.status.as_str()), ("6.01%", "fail"));
        assert_eq!(e.cause.as_ref().map(|c| c.id), Some("ten-thousand"));
        // in 万元 throughout it holds
        let r = crate::check_document(&read_text(&text.replace("14,484元", "14,484万元")));
        let e = r.checks.iter().find(|e| e.rule == "yoy-change").unwrap();
        assert_eq!(e.status.as_str(), "pass");
    }

    #[test]
    fn a_change_of_unknown_direction_keeps_both_bases() {
        // 增加（减少）10 on 100: last year 90 (11.11 %) or 110 (9.09 %); a rate that neither
        // gives fails, one that only one gives is not checked
        let text = "本年支出 100 万元，比上年增加（减少）10 万元，增长（下降）11.11%。\n";
        assert_eq!(entries(text)[0].1, "unchecked");
        assert_eq!(entries(&text.replace("11.11%", "9.09%"))[0].1, "unchecked");
        assert_eq!(entries(&text.replace("11.11%", "30.00%"))[0].1, "fail");
    }

    #[test]
    fn last_years_amount_named_inline_is_the_base_and_fixes_the_change() {
        // a county's 三公 text: last year's 2.08 printed without its unit
        let text = "“三公”经费支出2.05万元，较上年2.08减少0.03万元，减少了1.44%。\n";
        assert_eq!(status(text), own(&[("0.03", "pass"), ("1.44%", "pass")]));
        // a stale last-year figure: the change no longer follows
        assert_eq!(
            status(&text.replace("2.08", "2.10")),
            own(&[("0.03", "fail"), ("1.44%", "pass")])
        );
        // the rate on this year's figure instead of last year's printed one
        assert_eq!(
            status("本年支出合计90万元，较上年度80万元增加10万元，增长11%。\n"),
            own(&[("10", "pass"), ("11%", "fail")])
        );
        // last year's amount in a clause of its own, the change in the next
        let clause = "收入196.47亿元，较上年128.94亿元，增加115.34亿元。\n";
        assert_eq!(status(clause), own(&[("115.34", "fail")]));
        assert_eq!(
            status(&clause.replace("115.34", "67.53")),
            own(&[("67.53", "pass")])
        );
        // as the Miaoli report printed it, 元 left out after this year's 億
        let bare = "其中包括統籌分配稅196.47億，較上年度法定預算數128.94億元，增加115.34億元。\n";
        assert_eq!(status(bare), own(&[("115.34", "fail")]));
        // nor after a clause between this year's amount and last year's (a Miaoli county
        // budget report, 2025: 32.91 is a part of 50.48, whose change this is)
        let part =
            "补助收入50.48亿，包括一般性补助17.56亿元、计划型补助32.91亿元，占岁入总额16.58%，\
                    较上年度141.68亿元，减少91.2亿元。\n";
        let got = status(part);
        assert!(got.iter().all(|(_, s)| *s != "fail"), "{got:?}");
        // but not past words of their own: "较上年128.94亿元，主要是…增加" is another's
        let words = "收入196.47亿元，较上年128.94亿元，其中税收增加115.34亿元。\n";
        let got = status(words);
        assert!(got.iter().all(|(r, _)| r != "115.34"), "{got:?}");
        // no amount of this year before it in the clause: left to the other readings
        let got = status("较上年2.08减少0.03万元，减少了1.44%。\n");
        assert!(got.iter().all(|(r, _)| r != "0.03"), "{got:?}");
    }

    #[test]
    fn a_rate_after_the_change_on_an_amount_named_as_compared_with_is_on_that_amount() {
        // a school's 2017 final accounts: this year's 247.95 three clauses back, last year's
        // 227.42 named "较2016年决算"; 20.53 ÷ 227.42 = 9.027 % (9.02 within rounding)
        let far = |rate: &str| {
            format!(
                "教育支出(类)普通教育(款)学前教育(项)支出247.95万元,完成预算的100%,用于附设幼儿园\
                 的教师工资,较2016年决算227.42万元,增加20.53万元,增长了{rate}%,增加原因教师工资增加。\n"
            )
        };
        assert_eq!(status(&far("9.02")), own(&[("9.02%", "pass")]));
        // this year's amount in the sentence before (0.47 ÷ 4.08 = 11.52 %)
        let next = |rate: &str| {
            format!(
                "住房公积金(项)支出4.55万元,完成预算的100%,用于在职教师的住房公积金开支。较\
                 2016年决算4.08万元,增加了0.47万元,增加了{rate}%。\n"
            )
        };
        assert_eq!(status(&next("11.52")), own(&[("11.52%", "pass")]));
        // divided by this year's (4.08 + 0.47): fails, with that cause
        let r = crate::check_document(&read_text(&next("10.33")));
        let got: Vec<_> = r
            .checks
            .iter()
            .filter(|e| e.rule == "yoy-change")
            .map(|e| (e.status.as_str(), e.cause.as_ref().map(|c| c.zh.clone())))
            .collect();
        assert!(
            matches!(got.as_slice(), [("fail", Some(c))] if c.contains("本年数为基数")),
            "{got:?}"
        );
        // 较上年 names it too; a decrease is on it as well (0.47 ÷ 5.02 = 9.36 %)
        let down = next("9.36")
            .replace("较2016年决算4.08万元,增加了", "较上年5.02万元,减少了")
            .replace("增加了9.36", "下降了9.36");
        assert_eq!(status(&down), own(&[("9.36%", "pass")]));
        // an amount not named as the one compared with, or a clause of words between the
        // amount, its change and its rate: not this reading
        let budget = next("11.52").replace("较2016年决算4.08万元", "较预算4.08万元");
        assert!(status(&budget).iter().all(|(_, s)| *s != "pass"));
        let words = next("11.52").replace("增加了0.47万元,", "增加了0.47万元,主要是,");
        assert!(status(&words).iter().all(|(_, s)| *s != "pass"));
        let apart = next("11.52").replace("4.08万元,增加了", "4.08万元;增加了");
        assert!(status(&apart).iter().all(|(_, s)| *s != "pass"));
    }

    #[test]
    fn a_sentence_opening_with_the_amount_compared_with_takes_this_years_of_that_name() {
        // a bureau's 2015 final accounts: 31.23 − 16.08 = 15.15
        let text = |change: &str| {
            format!(
                "2015年部门决算“三公”经费合计31.23万元,其中:公务接待费1.58万元,车辆运行费28.91万元\
                 ,因公出国(境)费0万元。较2014年度部门决算“三公”经费合计16.08万元增加{change}万元。\n"
            )
        };
        let change = |t: &str| {
            entries(t)
                .into_iter()
                .filter(|(r, _, _)| !r.ends_with('%'))
                .map(|(r, s, _)| (r, s))
                .collect::<Vec<_>>()
        };
        assert_eq!(change(&text("15.15")), own(&[("15.15", "pass")]));
        assert_eq!(change(&text("15.51")), own(&[("15.51", "fail")]));
        // and its rate on the amount compared with (15.15 ÷ 16.08 = 94.22 %)
        let rated = text("15.15").replace("15.15万元。", "15.15万元,增长94.22%。");
        assert_eq!(
            status(&rated),
            own(&[("15.15", "pass"), ("94.22%", "pass")])
        );
        // another name, a year not the one before, a sentence not opening with the
        // comparison, or two values of the name: not this reading
        for other in [
            text("15.51").replace(
                "2014年度部门决算“三公”经费合计",
                "2014年度部门决算公务接待费",
            ),
            text("15.51").replace("较2014年度", "较2013年度"),
            text("15.51").replace("。较2014年度", "。我局较2014年度"),
            text("15.51").replace(
                ",因公出国(境)费0万元。",
                ",因公出国(境)费0万元;2015年部门决算“三公”经费合计31.32万元。",
            ),
        ] {
            assert!(change(&other).is_empty(), "{other}");
        }
    }

    #[test]
    fn last_years_amount_of_the_same_period_is_the_base() {
        // a county's 2023 January–September report: "比上年同期4,917万元增支462万元"
        let text = |last: &str| {
            format!("公共安全支出5,379万元,比上年同期{last}万元增支462万元,增长9.4%。\n")
        };
        assert_eq!(
            status(&text("4,917")),
            own(&[("462", "pass"), ("9.4%", "pass")])
        );
        // a stale amount of last year's period: the change no longer follows from it
        assert_eq!(
            status(&text("4,000")),
            own(&[("462", "fail"), ("9.4%", "fail")])
        );
        // the change printed in 元 among 万元: the slip is named on the rate as well
        let slip = "科学技术支出259万元,比上年同期139万元增支120元,增长86.3%。\n";
        let r = crate::check_document(&read_text(slip));
        let causes: Vec<_> = r
            .checks
            .iter()
            .filter(|e| e.rule == "yoy-change")
            .map(|e| {
                (
                    e.reported.as_str(),
                    e.cause.as_ref().map(|c| c.zh.contains("元与万元")),
                )
            })
            .collect();
        assert_eq!(causes, [("120", Some(true)), ("86.3%", Some(true))]);
    }

    #[test]
    fn a_change_of_money_is_of_an_amount_of_money_not_a_count_between() {
        // a district's 2017 三公 account (长乐): "减少支出 613.80 万元" names what fell after
        // its verb; 613.80 ÷ (1360.13 + 613.80) = 31.1 %, printed 36.0 %
        let total = |rate: &str| {
            format!("2017年区级“三公”经费支出1360.13万元,比上年减少支出613.80万元,下降{rate}%。\n")
        };
        assert_eq!(status(&total("36.0")), own(&[("36.0%", "fail")]));
        assert_eq!(status(&total("31.1")), own(&[("31.1%", "pass")]));
        // a count between the amount and its change, in its sentence: 79.4 ÷ (34.71 + 79.4)
        let car = |rate: &str| {
            format!(
                "“三公”经费支出1360.13万元。公务用车购置费34.71万元,购置1辆中巴车,与2016年相比,\
                 公务用车购置费减少79.4万元,下降{rate}%。\n"
            )
        };
        assert_eq!(status(&car("69.6")), own(&[("69.6%", "pass")]));
        assert_eq!(status(&car("59.6")), own(&[("59.6%", "fail")]));
        // or ending the sentence before one opening with the comparison: 28.23 ÷ (22 + 28.23)
        let abroad = |rate: &str| {
            format!(
                "“三公”经费支出1360.13万元。(一)因公出国(境)费22.00万元。因公出国(境)累计16人次。与\
                 2016年相比,因公出国(境)经费支出减少28.23万元,下降{rate}%。\n"
            )
        };
        assert_eq!(status(&abroad("56.2")), own(&[("56.2%", "pass")]));
        assert_eq!(status(&abroad("66.2")), own(&[("66.2%", "fail")]));
    }

    #[test]
    fn next_years_budget_compared_with_this_years_amount() {
        // a county's budget for next year, as a newspaper reported it (彰化, 2025):
        // "歲出預算707.9億元,比今年704.9億元增加3.7億元" — 707.9 − 704.9 = 3.0
        let text =
            |change: &str| format!("明年度歲出預算707.9億元,比今年704.9億元增加{change}億元。\n");
        assert_eq!(status(&text("3.7")), own(&[("3.7", "fail")]));
        assert_eq!(status(&text("3.0")), own(&[("3.0", "pass")]));
        assert_eq!(
            status(&text("3.0").replace("比今年", "較今年度")),
            own(&[("3.0", "pass")])
        );
    }

    #[test]
    fn last_years_amount_in_a_yu_xiangbi_clause_is_the_base() {
        let text = "支出决算为1200万元,与上年1000万元相比,增加200万元,增长20%。\n";
        assert_eq!(status(text), own(&[("200", "pass"), ("20%", "pass")]));
        // the rate on this year's amount: 200 ÷ 1200
        assert_eq!(
            status(&text.replace("20%", "16.67%")),
            own(&[("200", "pass"), ("16.67%", "fail")])
        );
        // a year named: the year before this year's
        let text = "2019年支出决算为1200万元,与2018年决算1000万元相比,增加200万元,增长20%。\n";
        assert_eq!(status(text), own(&[("200", "pass"), ("20%", "pass")]));
        let stale = text.replace("1000万元相比", "1050万元相比");
        assert_eq!(status(&stale), own(&[("200", "fail"), ("20%", "fail")]));
        // two years back is no last year's amount
        let two_back = text.replace("与2018年", "与2017年");
        assert!(
            status(&two_back).iter().all(|(r, _)| r != "200"),
            "{:?}",
            status(&two_back)
        );
    }

    #[test]
    fn last_years_amount_named_with_what_it_is() {
        // modelled on a district's 三公 report (hlx.gov.cn, 2020)
        let text = "公务用车及运行维护费支出251万元,比上年累计支出285万元下降34万元,下降12%。\n";
        assert_eq!(status(text), own(&[("34", "pass"), ("12%", "pass")]));
        let stale = text.replace("285万元", "290万元");
        assert_eq!(status(&stale), own(&[("34", "fail"), ("12%", "pass")]));
        // what last year carried over is this year's income, not last year's amount
        let carried = "本年收入251万元,比上年结转资金285万元减少34万元,下降12%。\n";
        assert!(
            entries(carried).iter().all(|e| e.0 != "34"),
            "{:?}",
            entries(carried)
        );
    }

    #[test]
    fn a_completion_clause_between_this_years_and_last_years_amount() {
        // modelled on a county's 2023 budget report (zhouzhi.gov.cn): the 完成 clause's
        // budget and rate come between the amount and last year's
        let text = "全年县级一般公共预算收入31751万元,完成预算数31220万元的101.7%,\
                    较上年28899万元增长9.9%。\n";
        assert_eq!(status(text), own(&[("9.9%", "pass")]));
        assert_eq!(
            status(&text.replace("9.9%", "9.7%")),
            own(&[("9.7%", "fail")])
        );
        // a clause without a rate is no 完成 clause: its amount may be the subject
        let text = "全年县级一般公共预算收入31751万元,其中预算数31220万元,\
                    较上年28899万元增长9.9%。\n";
        assert_ne!(status(text), own(&[("9.9%", "pass")]));
    }

    #[test]
    fn a_change_naming_its_quantity_takes_the_amount_stated_so_before() {
        // modelled on a 2019 city budget in traditional script (taushaann.com): the items'
        // amounts in one sentence, their changes in the next
        let text = "“三公”經費預算為3328萬元。其中,因公出國(境)費50萬元,公務接待費478萬元,\
                    公務用車購置及運行費2800萬元。其中:因公出國(境)費同口徑比2018年減少9萬元,\
                    下降15.3%。公務接待費同口徑比2018年減少38萬元,下降7.4%。\n";
        let got = status(text);
        assert!(got.contains(&("15.3%".into(), "pass")), "{got:?}");
        assert!(got.contains(&("7.4%".into(), "pass")), "{got:?}");
        // on this year's figure instead (9 ÷ 50 = 18%) it fails
        let got = status(&text.replace("15.3%", "18%"));
        assert!(got.contains(&("18%".into(), "fail")), "{got:?}");
        // (其中 run into the name, and the name with 支出 after it, name the same amounts)
        let other = text
            .replace("其中:因公出國", "其中因公出國")
            .replace("公務接待費同口徑", "公務接待費支出同口徑");
        let got = status(&other);
        assert!(got.contains(&("15.3%".into(), "pass")), "{got:?}");
        assert!(got.contains(&("7.4%".into(), "pass")), "{got:?}");
        let other = text.replace("公務接待費478", "公務接待費支出478");
        assert!(status(&other).contains(&("7.4%".into(), "pass")));
        // a name stated with two values is no one amount
        let two = text.replace(
            "公務接待費478萬元",
            "公務接待費478萬元,因公出國(境)費51萬元",
        );
        let got = status(&two);
        assert!(got.contains(&("15.3%".into(), "unchecked")), "{got:?}");
    }

    #[test]
    fn a_sangong_change_takes_this_years_amount_from_the_section_before_it() {
        // modelled on a unit's 2018 budget (wuzhou, 117.141.250.58): the total in one
        // paragraph, its change on 2017 in the next, no 三公 table; 0.06 ÷ (2.7 + 0.06) =
        // 2.17 %, printed 0.02 % (the ratio with a percent sign)
        let head = "二、“三公”经费预算收支增减情况\n\
                    2018年财政拨款“三公”经费预算总额为2.7万元,其中,因公出国(境)费支出0万元,\
                    公务用车购置及运行费支出1.5万元,公务接待费支出1.2万元。\n";
        let change = "2018年“三公”经费预算数比2017年预算数减少0.06万元,减幅 0.02%。\n";
        let text = format!("{head}{change}");
        assert_eq!(status(&text), own(&[("0.02%", "fail")]));
        assert_eq!(
            status(&text.replace("0.02%", "2.17%")),
            own(&[("2.17%", "pass")])
        );
        // another year's amount, another stage's, or two values stated: not this year's
        let other_year = text.replace("2018年财政拨款", "2017年财政拨款");
        assert_eq!(status(&other_year), own(&[("0.02%", "unchecked")]));
        let other_stage = text.replace("预算总额", "决算总额");
        assert_eq!(status(&other_stage), own(&[("0.02%", "unchecked")]));
        let two = format!("{head}2018年“三公”经费预算总额为2.9万元。\n{change}");
        assert_eq!(status(&two), own(&[("0.02%", "unchecked")]));
        // an amount outside the 三公 section is not the section's
        let before = format!("一、收支预算总体情况\n2018年“三公”经费预算总额为2.9万元。\n{text}");
        assert_eq!(status(&before), own(&[("0.02%", "fail")]));
        // outside the 三公 section, read so only in the paragraph naming the 三公 before it
        let elsewhere = text.replace("二、“三公”经费预算收支增减情况", "二、预算收支增减情况");
        assert_eq!(status(&elsewhere), own(&[("0.02%", "fail")]));
        let apart = elsewhere.replace("1.2万元。\n", "1.2万元。\n\n");
        assert_eq!(status(&apart), own(&[("0.02%", "unchecked")]));
    }

    #[test]
    fn a_sangong_change_named_in_the_clause_before_its_own() {
        // modelled on a city unit's 2020 final accounts: "公务接待费支出决算比预算无增减变化,
        // 比去年增加 0.5 万元,增长 50%", this year's 1.5 in the sentence before; 0.5 ÷ (1.5 −
        // 0.5) = 50 %
        let text = |rate: &str, subject: &str| {
            format!(
                "2020年度“三公”经费支出决算中,因公出国(境)费支出决算 0万元;公务接待费支出决算 \
                 1.5万元。\n“三公”经费支出决算总额为 1.5 万元。其中,{subject}支出决算比预算无增减\
                 变化,比去年增加 0.5 万元,增长 {rate}%。\n"
            )
        };
        assert_eq!(status(&text("50", "公务接待费")), own(&[("50%", "pass")]));
        assert_eq!(status(&text("40", "公务接待费")), own(&[("40%", "fail")]));
        // another item named, whose amount is not stated: not checked
        assert_eq!(
            status(&text("50", "公务用车运行维护费")),
            own(&[("50%", "unchecked")])
        );
        // a clause group of its own before the change's names nothing of it
        let apart = text("50", "公务接待费").replace("变化,比去年", "变化;比去年");
        assert_eq!(status(&apart), own(&[("50%", "unchecked")]));
    }

    #[test]
    fn a_qizhong_under_a_change_on_a_year_named_by_its_number_inherits_it() {
        // a city bureau's 2018 三公 final accounts (Kunming, hunt 29), in 万元: "比2017年"
        // names last year by its number; 46.70 ÷ (3.81 + 46.70) = 92.46 %
        let text = "“三公”经费支出决算为11.57万元,其中:因公出国(境)费支出决算为3.81万元。\n\
                    “三公”经费支出决算比2017年减少51.84万元。其中:因公出国(境)费支出决算减少\
                    46.70万元,下降92.46%。\n";
        assert_eq!(status(text), own(&[("92.46%", "pass")]));
        assert_eq!(
            status(&text.replace("下降92.46%", "下降93.46%")),
            own(&[("93.46%", "fail")])
        );
        // a change on the budget is no change on last year
        let budget = text.replace("比2017年减少", "比预算减少");
        assert_eq!(status(&budget), own(&[("92.46%", "unchecked")]));
    }

    #[test]
    fn a_sangong_change_in_a_sentence_naming_no_year_is_of_the_sentences_before() {
        // a unit's 2022 budget and 2021 final accounts (Ordos): "2022年度“三公”经费预算较
        // 2021年度增加1.68万元。公务用车运行费用较上年同期增加2.27万元,增长29.37%" with 10
        // (2022) and 7.73 (2021) stated above; 2.27 ÷ (10 − 2.27) = 29.37 %
        let text = |rate: &str, year: &str| {
            format!(
                "2022年度“三公”经费预算总计21.8万元,其中:公务接待11.8万元,公务用车运行费用10万元。\n\
                 2021年度“三公”经费合计支出20.12万元,其中:公务接待12.39万元,公务用车运行费用\
                 7.73万元。\n{year}年度“三公”经费预算较2021年度增加1.68万元。公务用车运行费用较\
                 上年同期增加2.27万元,增长{rate}%。\n"
            )
        };
        assert_eq!(status(&text("29.37", "2022")), own(&[("29.37%", "pass")]));
        assert_eq!(status(&text("22.7", "2022")), own(&[("22.7%", "fail")]));
        // with no year named before it, the two years' amounts are two values: not checked
        let no_year = text("29.37", "2022")
            .replace("2022年度“三公”经费预算较2021年度", "“三公”经费预算较上年");
        assert_eq!(status(&no_year), own(&[("29.37%", "unchecked")]));
        // a sentence before naming the year, but no change: the comparison does not go on
        let no_change =
            text("29.37", "2022").replace("预算较2021年度增加1.68万元", "预算为21.8万元");
        assert_eq!(status(&no_change), own(&[("29.37%", "unchecked")]));
    }

    #[test]
    fn a_sangong_final_named_by_its_stage_after_its_budget_is_this_years() {
        // a district bureau's 2017 三公 account (Jiading): "支出决算为8.77万元" after the
        // budget names the 三公 total; 0.28 ÷ (8.77 + 0.28) = 3.09 %
        let text = "(一)“三公”经费财政拨款支出决算总体情况说明。\n\
                    某局2017年度“三公”经费财政拨款支出年初预算为22.00万元,支出决算为8.77万元,\
                    完成预算的39.86%。\n\
                    2017年度“三公”经费财政拨款支出决算数比2016年度减少0.28万元,降低3.09%。\n";
        assert_eq!(status(text), own(&[("3.09%", "pass")]));
        assert_eq!(
            status(&text.replace("降低3.09%", "降低3.19%")),
            own(&[("3.19%", "fail")])
        );
        // a final amount named by its stage after another quantity's budget is not the 三公's
        let other = text.replace(
            "支出年初预算为22.00万元",
            "支出年初预算为22.00万元,会议费预算为3万元",
        );
        assert_eq!(status(&other), own(&[("3.09%", "unchecked")]));
    }

    #[test]
    fn a_notice_on_the_sangong_alone_is_its_own_sangong_section() {
        // a town's 2021 notice (fuling, cqfl.gov.cn): no headings, the text opens on the
        // 三公经费; 2.97 ÷ (40.14 + 2.97) = 6.89 %, 1.33 ÷ (30.93 + 1.33) = 4.12 %
        let text = "现将新妙镇2021年度“三公”经费决算情况公布如下:\n\
                    经汇总,2021年度全镇“三公”经费支出合计40.14万元。其中,因公出国(境)费0万元;\
                    公务用车购置及运维费30.93万元;公务接待费9.21万元。\n\
                    经比较,2021年度全镇“三公”经费较上年减少2.97万元,下降6.89%。其中:\
                    公务用车购置及运行维护费较上年减少1.33万元,下降4.12%。\n";
        assert_eq!(status(text), own(&[("6.89%", "pass"), ("4.12%", "pass")]));
        let wrong = text.replace("下降4.12%", "下降4.30%");
        assert_eq!(status(&wrong), own(&[("6.89%", "pass"), ("4.30%", "fail")]));
        // a text opening on something else is not read so, but for a paragraph naming the
        // 三公 before the change (here the lines after the first are one paragraph)
        let other = text.replace("“三公”经费决算情况公布如下", "部门决算公布如下");
        assert_eq!(status(&other), own(&[("6.89%", "pass"), ("4.12%", "pass")]));
        let apart = other.replace("9.21万元。\n", "9.21万元。\n\n");
        assert_eq!(
            status(&apart),
            own(&[("6.89%", "unchecked"), ("4.12%", "unchecked")])
        );
    }

    #[test]
    fn a_paragraph_on_the_sangong_under_another_title_takes_its_own_amount() {
        // a city's 2014 news (东莞), headed by a title that does not name the 三公:
        // 2928 ÷ (18554 + 2928) = 13.63 %
        let text = "东莞预算公开\n\
                    2014年东莞市市本级财政“三公”经费预算总额为18554万元。其中因公出国(境)费用972万元,\
                    公务接待费7399万元,公务用车购置费2077万元,公务用车运行维护费8106万元。\
                    2014年“三公”总预算在全省中排名第四,“三公”总预算共压减2928万元,同比减少13.6%。\n";
        assert_eq!(status(text), own(&[("13.6%", "pass")]));
        let wrong = text.replace("同比减少13.6%", "同比减少15.8%");
        assert_eq!(status(&wrong), own(&[("15.8%", "fail")]));
        // this year's amount in another paragraph is not taken
        let apart = text.replace("8106万元。", "8106万元。\n\n");
        assert_eq!(status(&apart), own(&[("13.6%", "unchecked")]));
    }

    #[test]
    fn a_rate_after_an_amount_moved_from_last_years_is_on_the_two() {
        // a 2018 news report on the universities' budgets (北京青年报): (193.45 − 125.54) ÷
        // 193.45 = 35.1 %
        let fell = "预算总经费从去年的193.45亿元猛减到今年的125.54亿元,降幅达35.1%。\n";
        assert_eq!(status(fell), own(&[("35.1%", "pass")]));
        // on this year's figure instead (67.91 ÷ 125.54 = 54.1 %) it fails
        let wrong = fell.replace("35.1%", "54.1%");
        let got = entries(&wrong);
        assert_eq!(got.first().map(|e| e.1), Some("fail"), "{got:?}");
        let rose = "支出由2018年的193.45万元增加到2019年的225.54万元,增长16.6%。\n";
        assert_eq!(status(rose), own(&[("16.6%", "pass")]));
        assert_eq!(
            status(&rose.replace("16.6%", "14.2%")),
            own(&[("14.2%", "fail")])
        );
        // moved from a budget, by no word of change, or the rate a clause further on: not
        // read so
        let rose = "支出由上年的193.45万元增加到225.54万元,增长16.6%。\n";
        assert_eq!(status(rose), own(&[("16.6%", "pass")]));
        for other in [
            rose.replace("上年的", "年初预算的"),
            rose.replace("增加到", "调整到"),
            rose.replace(",增长", ",较预算增加,增长"),
        ] {
            let got = status(&other);
            assert!(
                got.iter().all(|(_, s)| *s != "pass" && *s != "fail"),
                "{other}: {got:?}"
            );
        }
    }

    #[test]
    fn a_change_naming_its_item_is_of_that_items_amount() {
        // 政协寻甸县委员会's 2022 三公 note (kmxd.gov.cn), as printed: the 0.00 of 因公出国 is
        // no base of the car's or the reception's change; their amounts stand in the
        // paragraph before, in 元, and the 其中 sentence inherits its lead's 比上年
        let text = "2022年度一般公共预算财政拨款“三公”经费支出年初预算为234000.00元,支出决算为65000.00元,完成年初预算的27.8%。其中:因公出国(境)费支出决算为0.00元,完成年初预算的0%;公务用车购置费支出决算为0.00元,完成年初预算的0%;公务用车运行维护费支出决算为34000.00元,完成年初预算的100%;公务接待费支出决算为31000.00元,完成年初预算的15.5%。\n2022年度一般公共预算财政拨款“三公”经费支出决算数比上年减少313272.50元,下降82.82%。其中:因公出国(境)费支出0.00元;公务用车购置费支出决算减少272780.00元,下降100.00%;公务用车运行维护费支出决算减少40217.50元,下降54.19%;公务接待费支出决算减少275.00元,下降0.88%。\n";
        let got = entries(text);
        let of = |rate: &str| got.iter().find(|e| e.0 == rate).cloned();
        // 40217.50 ÷ (34000.00 + 40217.50) = 54.19 %; 275 ÷ 31275 = 0.88 %
        for (rate, item) in [
            ("82.82%", "三公"),
            ("100.00%", "购置"),
            ("54.19%", "运行"),
            ("0.88%", "接待"),
        ] {
            let e = of(rate);
            assert!(
                e.as_ref()
                    .is_some_and(|e| e.1 == "pass" && e.2.contains(item)),
                "{rate}: {got:?}"
            );
        }
        let wrong = text.replace("下降54.19%", "下降44.19%");
        assert_eq!(
            entries(&wrong)
                .into_iter()
                .find(|e| e.0 == "44.19%")
                .map(|e| e.1),
            Some("fail")
        );
        // with no amount of the item anywhere, the rate is not checked (not on 因公出国's 0)
        let alone = "“三公”经费支出决算数比上年减少2.6万元,下降28.57%。其中:因公出国(境)费支出0万元;公务用车运行维护费支出决算减少2.4万元,下降41.38%。\n";
        let got = entries(alone);
        assert!(
            got.iter().all(|e| e.0 != "41.38%" || e.1 == "unchecked"),
            "{got:?}"
        );
        // nor, in a sentence opening with its comparison, on another item's amount in the
        // sentence before (财政部's 2014 三公 budget, as printed)
        let before = "2014年“三公”经费预算71.51亿元。其中,因公出国(境)费19.76亿元,公务用车购置及运行费41.27亿元(其中,公务用车购置费6.63亿元,公务用车运行费34.64亿元),公务接待费10.48亿元。与2013年年初预算相比,2014年“三公”经费预算减少8.18亿元,下降10.3%。\n";
        let got = entries(before);
        assert!(got.iter().all(|e| e.1 != "fail"), "{got:?}");
        // nor on an amount naming no item in another clause group
        let other =
            "本年支出合计100万元;公务用车运行维护费支出决算比上年减少2.4万元,下降41.38%。\n";
        let got = entries(other);
        assert!(
            got.iter().all(|e| e.0 != "41.38%" || e.1 == "unchecked"),
            "{got:?}"
        );
    }

    #[test]
    fn a_count_moved_from_last_years_is_whole() {
        // 长乐区's 2017 三公 note (fzcl.gov.cn), as printed: 13 ÷ 29 = 44.83 %
        let fell = "2017年因公出国(境)团组数从9个减少为5个,出国人次从29人降为16人,下降44.8%。\n";
        assert_eq!(status(fell), own(&[("44.8%", "pass")]));
        assert_eq!(
            status(&fell.replace("44.8%", "54.8%")),
            own(&[("54.8%", "fail")])
        );
        let visits = "出访人次由上年的12人次减少到8人次,下降33.3%。\n";
        assert_eq!(status(visits), own(&[("33.3%", "pass")]));
        // a count is whole: 5辆 is 5, so 2 ÷ 5 is 40 % and no rounding of 5 or 3 makes it 30 %
        let cars = "公务用车由上年的5辆减少到3辆,下降30%。\n";
        assert_eq!(status(cars), own(&[("30%", "fail")]));
        // counts of two units are not compared; nor a count with no word of what it moved to
        for other in [
            cars.replace("3辆", "3台"),
            "公务用车5辆,比上年3辆,增长66.7%。\n".to_string(),
        ] {
            let got = status(&other);
            assert!(
                got.iter().all(|(_, s)| *s != "pass" && *s != "fail"),
                "{other}: {got:?}"
            );
        }
    }

    #[test]
    fn an_amount_written_in_two_parts_is_not_read_as_its_second_part() {
        // modelled on Taiwan's 2024 budget (ly.gov.tw): 2兆8,818億 is 28,818 亿; read as
        // 8,818 against 9,891 the change would fail
        let text = "113年度總預算歲出編列2兆8,818億元,較112年度之1兆9,891億元,\
                    增加8,927億元,約增44.88%。\n";
        let got = status(text);
        assert!(!got.iter().any(|(_, s)| *s == "fail"), "{got:?}");
    }

    #[test]
    fn a_final_amount_before_last_years_is_this_years() {
        let got = entries("支出决算为1200万元,比上年的1000万元增长20%。\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("20%", "pass"));
        let got = entries("支出决算为1200万元,比上年的1000万元增长16.67%。\n");
        assert_eq!((got[0].0.as_str(), got[0].1), ("16.67%", "fail"));
    }

    #[test]
    fn a_rate_right_after_last_years_amount_is_on_it() {
        // modelled on the 2014 national education-funding bulletin (mirror at qqstock.cn)
        let text = "全国教育经费总投入为32806.46亿元，比上年的30364.72亿元增长8.04%。\n";
        let got = entries(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("8.04%", "pass"));
        // 2441.74 ÷ 32806.46: this year's figure taken as the base
        let got = entries(&text.replace("8.04%", "7.44%"));
        assert_eq!((got[0].0.as_str(), got[0].1), ("7.44%", "fail"));
        // a fall is last year's amount less this year's
        let got = entries("支出合计90万元，比上年的100万元下降10%。\n");
        assert_eq!((got[0].0.as_str(), got[0].1), ("10%", "pass"));
        // two years' amounts printed, then the rate
        let got = entries("2019年支出110万元，2018年支出100万元，增长10%。\n");
        assert_eq!((got[0].0.as_str(), got[0].1), ("10%", "pass"));
        // a rate after a change of its own is the change's, as before
        let got = entries("支出合计90.00万元，比上年的100.00万元减少10.00万元，下降11.11%。\n");
        assert_eq!(
            got.iter().map(|g| (g.0.as_str(), g.1)).collect::<Vec<_>>(),
            [("10.00", "pass"), ("11.11%", "fail")]
        );
    }
}
