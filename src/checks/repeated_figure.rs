//! `repeated-figure`: the same quantity, named by the same label in several places of the
//! text, is stated with the same value.

use super::{Check, Out};
use crate::claims::prose::{amount, is_money, unquoted, whole_words, Kind, Prose, Record, Tok};
use crate::claims::sangong::label_item;
use crate::claims::scope::Scope;
use crate::claims::Claims;
use crate::document::Document;
use crate::figure::{FigId, FigSet};
use crate::interval::Interval;
use crate::relation::Rule;
use crate::relation::{Relation, Text};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::RepeatedFigure,
    title_zh: "同一数额多处表述一致",
    title_en: "A quantity stated twice has one value",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In the text, an amount named by exactly the same label in several places (\"本年收入 \
               14209.74 万元\" in the overview and again in the income section; a 决算数 of a budget \
               line and the same line's amount elsewhere) must agree. Labels are compared after \
               dropping years and numbering, an item named just before a year kept \
               (公务接待费2014年决算数 is not 公务用车购置及运行费2014年决算数); a trailing 支出 after …费 \
               is dropped (公务接待费支出 = 公务接待费). Generic labels (金额, 资金, 价值, 决算数 …), a measure of \
               what its sentence named before it (\"…预算，整体规模达 X\", \"一般债务，年末余额 X\") and \
               amounts of another year are not compared, nor parts of different wholes, 累计 with not, or \
               different months. A label going on from another amount of its sentence, that \
               amount stated apart in the two places (\"工业项目75个,总投资 X\" and \"服务业项目80个, \
               总投资 Y\"), measures two things: said where the two agree, not failed. Two \
               paragraphs that state two labels or more in common, every one with another value (digits with the point moved aside), are two bodies' \
               accounts (a city and its own level, two funds): not checked, with that reason.",
        why: "A figure retyped in a second place is where digits get swapped and stale values \
              survive an update.",
        tolerance: "Each printed figure stands for ±½ of its last digit, so 0.61 and 0.6 agree (0.6 \
                    stands for 0.55 to 0.65) while 6 and 9 do not.",
        example: "本年收入 14209.74 万元 … 本年收入 14209.74 万元 holds; a second 本年收入 14290.74 \
                  万元 fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "在正文中，多处用完全相同的名称称述的金额（如“本年收入 14209.74 万元”在概况中出现，\
               在收入部分又出现一次；某一预算科目的决算数与该科目在别处的金额）必须一致。比较名\
               称时去掉年份和编号，但紧挨在年份之前的项目名称保留（公务接待费2014年决算数不同于\
               公务用车购置及运行费2014年决算数）；“…费”之后的“支出”二字去掉（公务接待费支出 = 公\
               务接待费）。以下情况不作比较：泛称的名称（金额、资金、价值、决算数 …）；对本句前\
               文所提对象的度量（“…预算，整体规模达 X”“一般债务，年末余额 X”）；其他年度的金额；\
               不同整体的分项；累计数与非累计数；不同月份。如果一个名称是接着本句中另一个金额说\
               下去的，而那个金额在两处各不相同（“工业项目75个,总投资 X”和“服务业项目80个, 总投\
               资 Y”），那么它度量的是两件不同的事：两处一致时报告成立，不一致时不判为不成立。两\
               个段落有两个或更多相同名称，而每一个的值都不同（仅小数点位置不同的数字不算），这\
               是两个主体的账目（如一个市与其本级、两项基金）：未核对，并注明这一原因。",
        why: "在第二处重新录入的数字，正是容易把数字打颠倒、或在更新后残留旧值的地方。",
        tolerance: "每个印出的数字代表其末位 ±½ 的区间，因此 0.61 与 0.6 一致（0.6 代表 0.55 到 0.65\
                    ），而 6 与 9 不一致。",
        example: "“本年收入 14209.74 万元”…“本年收入 14209.74 万元”，成立；如果第二处为“本年收入 14290.74 \
                  万元”，不成立。",
    },
    find,
};

const RULE: Rule = Rule::RepeatedFigure;

/// Most distinct scopes kept per label: bounds the work on a text repeating one label.
const MAX_SCOPES: usize = 16;

const GENERIC: &[&str] = &[
    "金额",
    "资金",
    "价值",
    "决算数",
    "预算数",
    "年初预算数",
    "全年预算数",
    "执行数",
    "支出",
    "收入",
    "合计",
    "总计",
    "共计",
    "其中",
    "总额",
    "经费",
    "费用",
    "余额",
    "包括",
    // a stage of the line named before ("…行政运行（项）。年初预算为 X 万元，支出决算为 Y
    // 万元"): every line of the breakdown repeats these words for its own figures
    "支出决算",
    "年初预算",
    "初预算",
    "全年预算",
    "调整预算",
    "采购金额",
    "预算安排",
    "预算执行数",
    "当年预算执行数",
    // each project's own section states its budget ("2025年度项目总预算1170.00万"): the
    // project is named by the section, not by the label
    "项目总预算",
    "项目预算",
    "项目资金",
    // a stage of a budget under review, each of 歲入 and 歲出 ("歲入原列…,最後計列…。歲出原列
    // …,最後計列…", a city council's vote)
    "原列",
    "计列",
    "最后计列",
    "编列",
];

fn key(label: &str) -> Option<String> {
    let mut l = label.trim_start_matches(&['“', '"'][..]).to_string();
    if let Some(s) = l.strip_suffix("支出") {
        if s.ends_with('费') {
            l = s.to_string();
        }
    }
    const NOT_A_NAME: &[&str] = &[
        "上年", "去年", "比", "较", "以上", "以下", "各", "平均", "约", "累计",
        // a change is not a level: "较上年决算数减少 X" repeats across items
        "增加", "减少", "增长", "下降", "降低", "增减", "减", "增",
    ];
    // one walk over the label, every word tried where each character starts
    // (only where a character starts one of the words are they tried)
    // ("收、支总计各是 110、90": a name with 、 names several quantities)
    let bad = l.chars().count() < 3
        || l.contains('、')
        || GENERIC.contains(&l.as_str())
        || l.char_indices().any(|(i, c)| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '上' | '去'
                        | '比'
                        | '较'
                        | '以'
                        | '各'
                        | '平'
                        | '约'
                        | '累'
                        | '增'
                        | '减'
                        | '下'
                        | '降'
                ) && l
                    .get(i..)
                    .is_some_and(|rest| NOT_A_NAME.iter().any(|w| rest.starts_with(w)))
        });
    (!bad && !subject_elsewhere(&l)).then_some(l)
}

/// A measure of something named before it in its sentence, not a name: "整体规模达" ("少子女化
/// 对策预算,整体规模达1,088亿元" and "公共建设经费…,整体规模达5972亿元", a 2022 budget
/// report), "年末余额" after "一般债务,", "整体达".
fn subject_elsewhere(label: &str) -> bool {
    let l = label.strip_suffix('达').unwrap_or(label);
    let l = ["规模", "余额", "总量", "总额"]
        .iter()
        .find_map(|w| l.strip_suffix(w))
        .unwrap_or(l);
    ["", "整体", "总体", "总", "资金", "年末", "末", "年底", "底"].contains(&l)
}

struct Stated {
    fig: FigId,
    key: String,
    year: Option<Decimal>,
    scope: Scope,
    /// Where its sentence is: the paragraph (in [`Claims::prose`]) and token; the words are
    /// read only for a statement compared with an earlier one.
    context: (usize, usize),
    /// The whole it is a part of, where the text says: the total of its 其中 list, or the
    /// whole its share is of ("商品和服务支出预算 165247.88 元,占基本支出预算 18.76%").
    whole: Option<String>,
    /// The total of the 其中 list it is a part of.
    total: Option<FigId>,
    /// Stated as accumulated over a period ("1-7月，…支出累计完成 X"): not the amount of one
    /// month stated without it.
    cumulative: bool,
    /// Stated as it stands after a revision its sentence names before it ("追加預算後，…
    /// 歲入歲出賸餘1,520億元"): not the amount stated before the revision.
    revised: bool,
    /// The months the paragraph last named before it ("7月份，…" → (7, 7); "1-7月，…" →
    /// (1, 7)).
    months: Option<(Decimal, Decimal)>,
    /// Whether its paragraph names a year at or before it ("2020年,…收入 2257.31 亿元。…支出
    /// 5930.32 亿元": the second is the year's too, though its sentence names none).
    dated: bool,
    /// The topic its paragraph opens with ("在41个县收支完成情况上，…"): the same words under
    /// another topic ("在59个区…") are another body's.
    topic: Option<String>,
    /// The amount its sentence states right before it, if any: what it goes on from.
    before: Option<FigId>,
}

impl Stated {
    /// Its year: the one its sentence names, else the document's own.
    fn year_or(&self, main_year: Option<Decimal>) -> Option<Decimal> {
        self.year.or(main_year)
    }

    /// Whether the text allows the two to be one quantity: not parts of two different
    /// wholes ("1. 基本支出 …：商品和服务支出 X" and "2. 项目支出 …其中：商品和服务支出 Y"), not
    /// one accumulated and one not.
    fn may_be(&self, other: &Stated, doc: &Document) -> bool {
        // a part within a total smaller than the other amount is not that amount ("中央预算内
        // 投资支出 6399.28 亿元，其中，中央本级支出 1466.78 亿元" and the budget's 中央本级支出
        // 35570.83 亿元); a part over its own total proves nothing
        let above = |a: &Stated, b: &Stated| {
            let (Some(t), Some(p), Some(f)) = (
                a.total.and_then(|t| doc.figure(t)),
                doc.figure(a.fig),
                doc.figure(b.fig),
            ) else {
                return false;
            };
            let over = |x: &crate::figure::Number, y: &crate::figure::Number| {
                Interval::of(x).lo > Interval::of(y).hi
            };
            t.unit == f.unit
                && t.unit == p.unit
                && !over(&p.number, &t.number)
                && over(&f.number, &t.number)
        };
        if above(self, other) || above(other, self) {
            return false;
        }
        let wholes = match (&self.whole, &other.whole) {
            (Some(a), Some(b)) => same_total(a, b),
            _ => true,
        };
        // ("2020年…收入 2257.31 亿元" and "今年1月至6月,…收入 1439.05 亿元", a province's
        // mid-year report: a year's amount named by its year is not part of a year's; a
        // period to December may be the year's end, "年末滚存结余", after which a paragraph
        // goes on with the year's flows)
        let part_of_year = |m: Option<(Decimal, Decimal)>| {
            m.is_some_and(|(from, to)| from >= Decimal::ONE && to < Decimal::from(12))
        };
        let months = match (self.months, other.months) {
            (Some(a), Some(b)) => a == b,
            (a, None) if part_of_year(a) => !other.dated,
            (None, b) if part_of_year(b) => !self.dated,
            _ => true,
        };
        let topics = match (&self.topic, &other.topic) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        wholes
            && months
            && topics
            && self.cumulative == other.cumulative
            && self.revised == other.revised
            && self.scope.comparable(&other.scope)
    }
}

/// The topic a sentence opens with at token `from`: its first clause, when it reads "在…上"
/// or "在…方面" ("在41个县收支完成情况上，") or "…方面" ("县级方面，"), figures and all;
/// None otherwise.
fn topic_at(doc: &Document, p: &Prose<'_>, from: usize) -> Option<String> {
    let mut words = String::new();
    for t in p.toks.iter().skip(from).take(TOPIC_TOKENS) {
        match t {
            Tok::Ch(',' | '，' | ':' | '：') => {
                let opened = words.starts_with('在');
                let topic = opened && (words.ends_with('上') || words.ends_with("方面"))
                    || !opened && words.ends_with("方面");
                return topic.then_some(words);
            }
            Tok::Ch(c) if crate::claims::prose::ends_clause(*c) => return None,
            Tok::Ch(c) => words.push(*c),
            Tok::Fig(f) => words.push_str(doc.figure(*f)?.raw),
        }
    }
    None
}

/// Whether the sentence holding token `at` names a revision before it: "追加预算后，",
/// "调整后".
fn revised(p: &Prose<'_>, at: usize) -> bool {
    let from = crate::claims::prose::sentence_start(p, at);
    // (every such word ends in 后: a sentence without one is passed over unread)
    if !p
        .toks
        .get(from..at)
        .is_some_and(|ts| ts.contains(&Tok::Ch('后')))
    {
        return false;
    }
    let before = p.text_between(from, at);
    ["追加预算后", "调整预算后", "调整后", "追加后", "修正后"]
        .iter()
        .any(|w| before.contains(w))
}

/// The longest opening clause [`topic_at`] reads.
const TOPIC_TOKENS: usize = 24;

/// Where a paragraph's amounts may be listed under its sentences' first amounts, read once:
/// each sentence's first labelled amount (by mention index) and every 包括 and 其中.
struct Listings {
    firsts: Vec<Option<usize>>,
    words: Vec<usize>,
}

impl Listings {
    fn of(p: &Prose<'_>) -> Self {
        let mut firsts: Vec<Option<usize>> = Vec::new();
        for (i, m) in p.mentions.iter().enumerate() {
            if m.kind != Kind::Level || m.label.is_empty() {
                continue;
            }
            if firsts.len() <= m.sentence {
                firsts.resize(m.sentence + 1, None);
            }
            if let Some(slot @ None) = firsts.get_mut(m.sentence) {
                *slot = Some(i);
            }
        }
        let mut words = p.find_all("包括");
        words.extend(p.find_all("其中"));
        words.sort_unstable();
        Listings { firsts, words }
    }

    /// The amount mention `i` is listed under by 包括 or 其中 in its sentence, where no
    /// breakdown was read: the label of the sentence's first amount ("中央对我市转移支付和税收
    /// 返还 538.8 亿元，比上年减少 77.5 亿元，包括…税收返还 245.7 亿元").
    fn whole(&self, p: &Prose<'_>, i: usize) -> Option<String> {
        let m = p.mentions.get(i)?;
        let f = self
            .firsts
            .get(m.sentence)
            .copied()
            .flatten()
            .filter(|&f| f < i)?;
        let first = p.mentions.get(f)?;
        let k = self.words.partition_point(|&w| w < first.at);
        // (both words are two characters, printed before the amount)
        self.words
            .get(k)
            .is_some_and(|&w| w + 2 <= m.at)
            .then(|| first.label.clone())
    }
}

/// The whole named by 占 right after mention `i`'s amount, with or without a share figure
/// ("75800 元,占基本支出预算%," where the share was left out).
fn whole_named_after(p: &Prose<'_>, i: usize) -> Option<String> {
    let m = p.mentions.get(i)?;
    let end = match p.mentions.get(i + 1) {
        Some(n) if n.sentence == m.sentence => n.at,
        _ => p.sentence_end_within(m.at, m.at + 48),
    };
    let text = p.text_between(m.at + 1, end);
    let (before, after) = text.split_once('占')?;
    // only its unit and a comma between the amount and 占
    if before.chars().count() > 3 || !before.chars().all(|c| "元万亿,，、 ".contains(c)) {
        return None;
    }
    let end = after
        .find(|c: char| c.is_ascii() || "，。；：、（）%％".contains(c))
        .unwrap_or(after.len());
    let w = unquoted(&whole_words(after.get(..end).unwrap_or(""))).into_owned();
    (w.chars().count() >= 2).then_some(w)
}

/// The label a figure is compared by: a part listed under several different totals is
/// named within its total ("机构运行 …,其中:基本支出 X" is the item's 基本支出, not the
/// section's); a part listed under one total only keeps its own name.
fn qualified(key: String, fig: FigId, parents: &Parents) -> String {
    match parents.of(fig) {
        Some(parent) if parents.many(&key) => format!("{parent}›{key}"),
        _ => key,
    }
}

/// Whose balance sheet a 负债总额 (净资产, 所有者权益) is: the words before 资产总额 in the
/// nearest amount of assets before it in its sentence ("企业国有资产总额 809.92 亿元，…；负债总额 703.06 亿元" is the
/// enterprises', not the district's "国有资产总额 1102.65 亿元，…；负债总额 743.21 亿元"; a
/// district's 2022 state-assets report, wuchang). None where that amount names no owner.
fn balance_owner(p: &Prose<'_>, m: &crate::claims::prose::Mention) -> Option<String> {
    let sheet = [
        "负债总额",
        "负债合计",
        "负债",
        "净资产总额",
        "净资产合计",
        "净资产",
        "所有者权益",
    ];
    if !sheet.contains(&m.label.as_str()) {
        return None;
    }
    // (the nearest assets before it: "行政单位资产总额…,负债总额…;事业单位资产总额…,负债总额…"
    // states two owners' sheets in one sentence)
    let owner = p
        .mentions
        .iter()
        .rev()
        .filter(|x| x.sentence == m.sentence && x.kind == Kind::Level && x.at < m.at)
        .find_map(|x| super::net_assets::assets_owner(&x.label))?;
    (!owner.is_empty()).then(|| owner.to_string())
}

/// Two labels of totals that may name one quantity: one holds the other ("“三公”经费支出"
/// and "一般公共预算“三公”经费支出"), quotes and emphasis aside.
fn same_total(a: &str, b: &str) -> bool {
    let clean = |s: &str| crate::figure::kept(s, |c| !"“”\"‘’'《》".contains(c));
    let (a, b) = (clean(a), clean(b));
    a.contains(&b) || b.contains(&a)
}

/// The total each 其中 part is listed under, and the part labels listed under several.
/// (Maps of types the crate compiles elsewhere: each other one is ≈ 2 KB of the page's wasm.)
#[derive(Default)]
struct Parents {
    /// The totals' labels, one for each breakdown read.
    labels: Vec<String>,
    /// The label (in `labels`) and the total each part is listed under.
    of: FxHashMap<FigId, usize>,
    total: FxHashMap<FigId, FigId>,
    /// A part label's first total (in `labels`), or [`Parents::MANY`] where it is listed under
    /// totals that are not one.
    under: FxHashMap<String, usize>,
}

impl Parents {
    const MANY: usize = usize::MAX;

    fn new(claims: &Claims<'_>) -> Self {
        let mut p = Parents::default();
        for b in claims.breakdowns.iter().filter(|b| !b.numbered) {
            let label = p.labels.len();
            p.labels.push(b.total_label.clone());
            for (part, part_label) in &b.parts {
                p.of.insert(*part, label);
                p.total.insert(*part, b.total);
                let Some(k) = key(part_label) else { continue };
                match p.under.get(&k).copied() {
                    Some(first) if first != Self::MANY => {
                        if !p
                            .label(first)
                            .is_some_and(|l| same_total(l, &b.total_label))
                        {
                            p.under.insert(k, Self::MANY);
                        }
                    }
                    Some(_) => {}
                    None => {
                        p.under.insert(k, label);
                    }
                }
            }
        }
        p
    }

    fn label(&self, i: usize) -> Option<&str> {
        self.labels.get(i).map(String::as_str)
    }

    /// The label of the total `fig` is listed under.
    fn of(&self, fig: FigId) -> Option<&str> {
        self.of.get(&fig).and_then(|&i| self.label(i))
    }

    /// Whether the part label `key` is listed under totals that are not one.
    fn many(&self, key: &str) -> bool {
        self.under.get(key) == Some(&Self::MANY)
    }
}

/// The amounts stated as collected or spent in the year, whatever the scope says: one
/// followed in its clause group by its completion of a budget ("——一般公共预算收入 88435 万元，
/// 完成调整预算的 99.2%"), and the parts listed under one ("其中：税收收入 39029 万元"). Never
/// the same quantity as the budget the text stated before ("年初预算为：一般公共预算收入
/// 76138 万元（税收收入 47008 万元…）", a county's 2022 report, cqwx.gov.cn).
fn executed(claims: &Claims<'_>) -> FigSet {
    let mut done = FigSet::default();
    for p in &claims.prose {
        for (m, n) in p.mentions.iter().zip(p.mentions.iter().skip(1)) {
            if m.kind == Kind::Level && n.kind == Kind::Completion && n.semi == m.semi {
                done.insert(m.fig);
            }
        }
    }
    for b in &claims.breakdowns {
        if done.contains(b.total) {
            done.extend(b.parts.iter().map(|(f, _)| *f));
        }
    }
    done
}

fn stated(
    doc: &Document,
    pi: usize,
    p: &Prose<'_>,
    recs: &[Record],
    parents: &Parents,
    executed: &FigSet,
    out: &mut Vec<Stated>,
) {
    let listings = Listings::of(p);
    // the label of the numbered item ("2.项目支出 0元") the mentions after it are under
    let mut item: Option<&str> = None;
    // the topic and the months last named, and how far the tokens were looked at for them
    let mut topic: Option<String> = None;
    let mut months = None;
    let mut seen = 0;
    // where the paragraph first names a year: what follows is dated
    let first_year = p
        .mentions
        .iter()
        .find(|m| m.kind == Kind::Year)
        .map(|m| m.at);
    let dated = |at: usize| first_year.is_some_and(|y| y < at);
    for (i, m) in p.mentions.iter().enumerate() {
        if m.kind != Kind::Level || !is_money(m.unit) {
            continue;
        }
        for k in seen..m.at {
            let opens = k == 0
                || matches!(p.toks.get(k - 1), Some(Tok::Ch(c)) if crate::claims::prose::ends_sentence(*c));
            if opens {
                if let Some(t) = topic_at(doc, p, k) {
                    topic = Some(t);
                }
            }
            if let Some(named) = crate::claims::period::months_at(doc, p, k) {
                months = Some(named);
            }
        }
        seen = seen.max(m.at);
        let numbered = m.lead.starts_with(&['.', '．'][..]);
        let under = if numbered { None } else { item };
        if numbered {
            item = Some(m.label.as_str());
        }
        // "土地出让收入由年初预算的 65000 万元调整为 35000 万元": an adjusted budget, named by its
        // line, is not the amount the line collects
        if crate::claims::prose::names_adjusted(&m.lead) {
            continue;
        }
        let Some(mut key) = key(&m.label) else {
            continue;
        };
        // "2. 项目支出 469500 元": an item numbered in an outline states its section's own
        // quantity, compared only with items numbered the same way (the same label in a
        // sentence may be another section's part: "…,项目支出 0元")
        if numbered {
            key.insert(0, '.');
        }
        if let Some(owner) = balance_owner(p, m) {
            key = format!("{owner}›{key}");
        }
        let key = qualified(of_item_before_year(p, i, key), m.fig, parents);
        let year = i
            .checked_sub(1)
            .and_then(|k| p.mentions.get(k))
            .filter(|y| y.kind == Kind::Year && y.semi == m.semi)
            .filter(|y| {
                !p.text_between(y.at, m.at)
                    .chars()
                    .any(crate::claims::prose::ends_clause)
            })
            .and_then(|y| doc.figure(y.fig))
            .map(|f| f.number.value);
        let mut scope = m.scope;
        // "…一般公共预算财政总支出379,347万元。当年收支结余1,522万元。" and "…社会保险基金支出
        // 62,677万元。当年收支结余1,376万元" (a county's 2019 audit report): a balance naming
        // no budget is of the budget of the amounts it follows
        if scope.budget.is_none()
            && ["结余", "结转", "赤字", "差额"]
                .iter()
                .any(|w| key.contains(w))
        {
            scope.budget = p
                .mentions
                .get(..i)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take_while(|x| x.sentence + 1 >= m.sentence)
                .find_map(|x| x.scope.budget.filter(|_| is_money(x.unit)));
        }
        if executed.contains(m.fig) {
            scope.stage = Some(crate::claims::scope::Stage::Execution);
        }
        let whole = parents
            .of(m.fig)
            .map(str::to_string)
            .or_else(|| whole_named_after(p, i))
            .or_else(|| listings.whole(p, i))
            .or_else(|| under.map(str::to_string));
        out.push(Stated {
            fig: m.fig,
            key,
            year,
            scope,
            context: (pi, m.at),
            whole,
            total: parents.total.get(&m.fig).copied(),
            cumulative: m.lead.contains("累计"),
            revised: revised(p, m.at),
            months,
            dated: dated(m.at) || scope.year.is_some(),
            topic: topic.clone(),
            before: amount_before(p, i),
        });
    }
    for r in recs {
        // ("完成全年预算5.3万元" names its stage, not what it is the budget of)
        if crate::claims::prose::stage_only(&r.label) {
            continue;
        }
        let (Some(f), Some(key)) = (r.fin, key(&r.label)) else {
            continue;
        };
        let key = match p.mentions.iter().position(|m| m.fig == f) {
            Some(i) => of_item_before_year(p, i, key),
            None => key,
        };
        let scope = p
            .mentions
            .iter()
            .find(|m| m.fig == f)
            .map(|m| m.scope)
            .unwrap_or_default();
        out.push(Stated {
            fig: f,
            key: qualified(key, f, parents),
            year: None,
            scope,
            context: (pi, r.at),
            whole: parents.of(f).map(str::to_string),
            total: parents.total.get(&f).copied(),
            cumulative: false,
            revised: revised(p, r.at),
            months: None,
            dated: dated(r.at) || scope.year.is_some(),
            topic: topic.clone(),
            before: None,
        });
    }
}

/// The amount (a level, a budget or a final figure, in any unit) stated right before mention
/// `i` in its sentence.
fn amount_before(p: &Prose<'_>, i: usize) -> Option<FigId> {
    let m = p.mentions.get(i)?;
    p.mentions
        .get(..i)?
        .iter()
        .rev()
        .take_while(|x| x.sentence == m.sentence)
        .find(|x| matches!(x.kind, Kind::Level | Kind::Budget | Kind::Final) && x.unit.is_some())
        .map(|x| x.fig)
}

/// `key` of mention `i`, qualified by an item named just before its year ("公务接待费2014年
/// 财政拨款决算数为 X": the item is what the label after the year is of, so two items'
/// 财政拨款决算数 are two quantities). Only an item of spending or
/// income (…费, …支出, …收入, …资金) is taken: a body named there ("本单位2019年收入合计") is the
/// document's own and names no other quantity.
fn of_item_before_year(p: &Prose<'_>, i: usize, key: String) -> String {
    match item_before_year(p, i) {
        Some(item) => format!("{item}›{key}"),
        None => key,
    }
}

/// The item of [`of_item_before_year`], when there is one.
fn item_before_year(p: &Prose<'_>, i: usize) -> Option<String> {
    let m = p.mentions.get(i)?;
    let y = p.mentions.get(i.checked_sub(1)?)?;
    if !m.lead.starts_with('年') || y.kind != Kind::Year || y.sentence != m.sentence {
        return None;
    }
    let item = key(&y.label)?;
    ["费", "支出", "收入", "资金"]
        .iter()
        .any(|e| item.ends_with(e))
        .then_some(item)
}

fn find(claims: &Claims<'_>, out: &mut Out) {
    let doc = claims.doc;
    let mut all = Vec::new();
    let mut years: Vec<Decimal> = Vec::new();
    let parents = Parents::new(claims);
    let executed = executed(claims);
    // where each paragraph's statements start in `all`
    let mut runs: Vec<usize> = Vec::new();
    for (pi, (p, recs)) in claims.prose.iter().zip(&claims.records).enumerate() {
        runs.push(all.len());
        stated(doc, pi, p, recs, &parents, &executed, &mut all);
        for m in &p.mentions {
            if m.kind == Kind::Year {
                if let Some(f) = doc.figure(m.fig) {
                    years.push(f.number.value);
                }
            }
        }
    }
    // the document's own year: the one it names most
    let main_year = years
        .iter()
        .max_by_key(|y| years.iter().filter(|x| x == y).count())
        .copied();
    let year_of = |s: &Stated| s.year_or(main_year);
    let reused = reused_labels(doc, &all);
    // earlier statements by label and year: each is compared with the first earlier one of
    // the same quantity in a comparable scope (indexed, so a long text stays linear unless
    // one label recurs in many scopes)
    let mut seen: FxHashMap<(&str, Option<Decimal>), Vec<usize>> = FxHashMap::default();
    for (i, later) in all.iter().enumerate() {
        let slot = seen
            .entry((later.key.as_str(), year_of(later)))
            .or_default();
        let first = slot
            .iter()
            .filter_map(|&k| all.get(k))
            .find(|e| e.fig != later.fig && e.may_be(later, doc));
        if first.is_none() && slot.len() < MAX_SCOPES {
            slot.push(i);
        }
        let Some(first) = first else {
            continue;
        };
        // "3.调入资金安排情况 …安排调入资金 27200 万元。4.上年结余安排情况 …安排调入资金 4700 万元":
        // the later statement's section names another quantity than its words do, so
        // which of the two is meant cannot be told
        let core = |s: &Stated| {
            s.scope
                .section
                .and_then(|h| claims.headings.get(h))
                .map(|h| section_quantity(&h.title))
        };
        // "(一)因公出国费用。2021年预算支出为0万元…(二)公务接待费。2021年预算支出11.77万元"
        // (a county bureau's 2021 三公 budget): words naming no item, under headings naming
        // two items, are those items' amounts
        let item_of = |s: &Stated| {
            s.scope
                .section
                .and_then(|h| claims.headings.get(h))
                .and_then(|h| label_item(&h.title))
        };
        if label_item(&later.key).is_none()
            && matches!((item_of(first), item_of(later)), (Some(a), Some(b)) if a != b)
        {
            continue;
        }
        let mut why = None;
        if let (Some(a), Some(b)) = (core(first), core(later)) {
            if a != b
                && !a.is_empty()
                && !b.is_empty()
                && first.key.contains(&a)
                && !later.key.contains(&b)
            {
                why = Some(Text::new(
                    format!("所在小节（{b}）与该数字的名称不符，可能不是同一数"),
                    format!("its section ({b}) names another quantity than its words"),
                ));
            }
        }
        let (pa, pb) = (first.context.0, later.context.0);
        if why.is_none() && pa != pb {
            // (a paragraph's statements: from its start to the next one's)
            let of =
                |p: usize| all.get(*runs.get(p)?..runs.get(p + 1).copied().unwrap_or(all.len()));
            let two = of(pa)
                .zip(of(pb))
                .is_some_and(|(a, b)| parallel(doc, a, b, main_year));
            // (a reused label, said only where it holds, is left out as before)
            if two && reused.contains_key(&(later.key.as_str(), None)) {
                continue;
            }
            if two {
                why = Some(Text::new(
                    "两段所述同名数额无一相同，应是两个主体的数，未作比较",
                    "every amount both paragraphs name differs: two bodies' figures, not compared",
                ));
            }
        }
        let context = |at: (usize, usize)| {
            claims
                .prose
                .get(at.0)
                .map_or(String::new(), |p| p.sentence_text(at.1))
        };
        if let Some(why) = why {
            let what = Text::new(
                format!("{}：与前文所述一致", later.key),
                format!("{}: agrees with the earlier statement", later.key),
            );
            out.push(
                Relation::unchecked(RULE, later.fig, what, why).context(context(later.context)),
            );
            continue;
        }
        let unit = doc.figure(later.fig).and_then(|f| f.unit);
        if doc.figure(first.fig).is_none() {
            continue;
        }
        let at = doc.where_is(first.fig);
        let what = Text::new(
            format!("{}：与{}所述一致", later.key, at.zh),
            format!("{}: agrees with {}", later.key, at.en),
        );
        let context = context(later.context);
        let rel = Relation::equals(RULE, later.fig, amount(doc, first.fig, unit), what);
        // (a label each section uses for its own quantity: the same value twice is said to
        // agree, two values are not a failure)
        // ("工业项目75个,总投资101.8亿元。…服务业项目80个,总投资33.3亿元", a statistical
        // bulletin; "农林水事务支出49.8亿元,加上市对区县补助支出12.8亿元" and "教育支出117.9亿元,
        // 加上市对区县补助支出38.3亿元", a provincial budget report: a label going on from another amount of its sentence,
        // that amount stated apart in the two places, is a measure of two things)
        let goes_on = first
            .before
            .zip(later.before)
            .is_some_and(|(a, b)| apart(doc, a, b));
        let rel = if goes_on || reused.contains_key(&(later.key.as_str(), None)) {
            rel.only_if_holds()
        } else {
            rel
        };
        out.push(rel.context(context));
    }
}

/// Most statements of a paragraph [`parallel`] compares pairwise with another's.
const MAX_PARALLEL: usize = 64;

/// Whether two paragraphs' statements, `a` and `b`, are the same account of two different
/// bodies: two labels or more stated in both, and every such pair of amounts apart beyond
/// rounding ("全市…行政单位资产总额4347.5亿元…事业单位资产总额9474.6亿元" and "市级…行政单位资产
/// 总额352.2亿元…事业单位资产总额1631.6亿元", a city's state-assets report; a social-insurance
/// report's paragraph on each fund, each with its 本年收支结余 and 年末滚存结余). One label
/// apart is a misprint the check reports; every one apart is another body's account. A
/// paragraph of more than [`MAX_PARALLEL`] statements is not compared so.
fn parallel(doc: &Document, a: &[Stated], b: &[Stated], main_year: Option<Decimal>) -> bool {
    let year_of = |s: &Stated| s.year_or(main_year);
    if a.len() > MAX_PARALLEL || b.len() > MAX_PARALLEL {
        return false;
    }
    let mut keys: Vec<&str> = Vec::new();
    for x in a {
        for y in b
            .iter()
            .filter(|y| y.key == x.key && year_of(y) == year_of(x))
        {
            if !apart(doc, x.fig, y.fig) {
                return false;
            }
            if !keys.contains(&x.key.as_str()) {
                keys.push(&x.key);
            }
        }
    }
    keys.len() >= 2
}

/// Whether two amounts in one unit differ beyond what rounding allows, and are not the same
/// digits with the point moved ("767.09 万元" and "76.709 万元" are one amount misprinted).
fn apart(doc: &Document, a: FigId, b: FigId) -> bool {
    let (Some(x), Some(y)) = (doc.figure(a), doc.figure(b)) else {
        return false;
    };
    // the significant digits, without the zeros that end them
    let digits = |d: Decimal| {
        let all = crate::figure::kept(&d.to_string(), |c| c.is_ascii_digit());
        all.trim_matches('0').to_string()
    };
    if digits(x.number.value) == digits(y.number.value) {
        return false;
    }
    // (amounts in two units are not compared so: a paragraph restating another's in
    // another unit is rare, and they are then compared as before)
    if x.unit != y.unit {
        return false;
    }
    let (p, q) = (Interval::of(&x.number), Interval::of(&y.number));
    p.hi < q.lo || q.hi < p.lo
}

/// How many different values one label may be stated with before it is taken as a name
/// each section gives its own quantity.
const MAX_VALUES: usize = 2;

/// The labels the text states with more than [`MAX_VALUES`] different values, whatever
/// their scopes: "本年收支结余 5086 亿元 … 企业职工基本养老保险基金 … 本年收支结余 2371 亿元 …
/// 失业保险基金 … 本年收支结余 743 亿元" (a national social-insurance report), "第一类 …
/// 上交收入 540 亿元; 第二类 … 上交收入 770.93 亿元 …". Such a label names each section's own
/// quantity, which the words around it tell apart and the scopes read here may not; two
/// different values may still be one quantity misprinted, three are a pattern.
fn reused_labels<'a>(
    doc: &Document,
    all: &'a [Stated],
) -> FxHashMap<(&'a str, Option<Decimal>), Vec<usize>> {
    // (by label alone: the statements of different values, as indices into `all`)
    let mut values: FxHashMap<(&str, Option<Decimal>), Vec<usize>> = FxHashMap::default();
    let bounds = |i: usize| {
        let f = doc.figure(all.get(i)?.fig)?;
        let half = crate::interval::half_ulp(f.number.scale);
        Some((f.number.value - half, f.number.value + half, f.unit))
    };
    for (i, s) in all.iter().enumerate() {
        let Some((lo, hi, unit)) = bounds(i) else {
            continue;
        };
        let seen = values.entry((s.key.as_str(), None)).or_default();
        // another value: in another unit, or apart from every one seen
        let apart = seen
            .iter()
            .all(|&k| bounds(k).is_none_or(|(l, h, u)| u != unit || hi < l || h < lo));
        if apart && seen.len() <= MAX_VALUES {
            seen.push(i);
        }
    }
    values.retain(|_, v| v.len() > MAX_VALUES);
    values
}

/// The quantity a section's title names: "调入资金安排情况" → "调入资金"; a topic
/// ("收入支出决算总体情况说明") names none that a label would hold.
fn section_quantity(title: &str) -> String {
    let mut t = title;
    for w in ["情况说明", "说明", "情况", "安排", "的"] {
        t = t.strip_suffix(w).unwrap_or(t);
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use crate::read::read_text;

    fn verdicts(text: &str) -> Vec<(String, String)> {
        crate::checks::reported(text, "repeated-figure")
    }

    #[test]
    fn an_amount_after_a_revision_is_not_the_one_before_it() {
        // a 2025 supplementary budget (udn.com): the surplus before, then after it
        let text =
            "主計長說明，2025年中央政府總預算歲出2兆2,950億元，歲入歲出賸餘2,398億元，收支賸餘\
                    983億元。\n她表示，追加預算後，歲入維持不變，歲入歲出賸餘1,520億元，收支賸餘\
                    105億元。\n";
        let v = verdicts(text);
        assert!(!v.iter().any(|(_, s)| s == "fail"), "{v:?}");
        // without the revision named, the two surpluses are one quantity stated twice
        let plain = verdicts(&text.replace("追加預算後，", ""));
        assert!(plain.iter().any(|(_, s)| s == "fail"), "{plain:?}");
    }

    #[test]
    fn two_paragraphs_apart_in_every_shared_amount_are_two_bodies() {
        // a city's 2023 state-assets report (cqrd.gov.cn): the whole city's, then the city's
        // own level's, each by the kind of unit
        let whole = "截至2023年底,全市行政事业性资产总额13822.1亿元,同比增长6.2%。从单位性质看:\
                     行政单位资产总额4347.5亿元,负债总额1143.8亿元,净资产总额3203.7亿元;\
                     事业单位资产总额9474.6亿元,负债总额1837.6亿元,净资产总额7637亿元。\n";
        let own = "截至2023年年底,市级行政事业性资产总额1983.8亿元、同比增长6.3%。从单位性质看:\
                   行政单位资产总额352.2亿元,负债总额104.4亿元,净资产总额247.8亿元;\
                   事业单位资产总额1631.6亿元,负债总额237.4亿元,净资产总额1394.2亿元。\n";
        let v = verdicts(&format!("{whole}\n{own}"));
        assert!(!v.iter().any(|(_, s)| s == "fail"), "{v:?}");
        assert!(
            v.iter().any(|(r, s)| r == "352.2" && s == "unchecked"),
            "{v:?}"
        );
        // each kind of unit's liabilities too (their key names the unit: 行政单位›负债总额)
        assert!(
            v.iter().any(|(r, s)| r == "104.4" && s == "unchecked"),
            "{v:?}"
        );
        // one amount agreeing makes them one body's: the other is a misprint
        let v = verdicts(&format!("{whole}\n{}", own.replace("1631.6", "9474.6")));
        assert!(v.iter().any(|(r, s)| r == "352.2" && s == "fail"), "{v:?}");
        // the same digits with the point moved are one amount misprinted
        let shifted = own.replace("352.2", "434.75").replace("1631.6", "947.46");
        let v = verdicts(&format!("{whole}\n{shifted}"));
        assert!(v.iter().any(|(r, s)| r == "434.75" && s == "fail"), "{v:?}");

        // the 2013 national social-insurance accounts (chinanews.com.cn): two funds' own
        // balances, each paragraph naming its fund
        let pension =
            "最大头的是企业职工基本养老保险基金。2013年这部分基金收入20790亿元,支出16699亿元。\
                       本年收支结余4091亿元,年末滚存结余26900亿元。\n";
        let medical = "另一个重要部分是城镇职工基本医疗保险基金。2013年收入6873亿元,支出5667亿元。\
                       本年收支结余1206亿元,年末滚存结余7870亿元。\n";
        let v = verdicts(&format!("{pension}\n{medical}"));
        assert!(!v.iter().any(|(_, s)| s == "fail"), "{v:?}");
        // a label stated with three values or more is said only where it holds, as before:
        // not "not checked" either (a third fund, made up)
        let third = "第三部分是工伤保险基金。2013年收入600亿元,支出500亿元。\
                     本年收支结余100亿元,年末滚存结余900亿元。\n";
        let v = verdicts(&format!("{pension}\n{medical}\n{third}"));
        assert!(v.is_empty(), "{v:?}");
        // one label shared and apart is a misprint: still reported
        let v = verdicts(&format!("{pension}\n年末滚存结余7870亿元。\n"));
        assert!(v.iter().any(|(r, s)| r == "7870" && s == "fail"), "{v:?}");
    }

    #[test]
    fn each_owners_liabilities_in_one_sentence_are_its_own() {
        // a city's 2023 state-assets report (cqrd.gov.cn): two kinds of unit's sheets in one
        // sentence, each 负债总额 after its own 资产总额
        let text =
            "从单位性质看:行政单位资产总额4347.5亿元,负债总额1143.8亿元,净资产总额3203.7亿元;\
                    事业单位资产总额9474.6亿元,负债总额1837.6亿元,净资产总额7637亿元。\n";
        let v = verdicts(text);
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn a_months_amount_is_not_the_amount_to_its_end() {
        // a development zone's August report (tianshui.gov.cn): August alone, then January
        // to August ("截止8月底")
        let text = "一、8月份财政收支完成情况\n\
                    8月份,经开区大口径财政收入完成10372万元,较上年同月增收6838万元。\n\
                    二、8月份累计完成情况\n\
                    截止8月底,经开区大口径财政收入完成45724万元,占年初预算58651万元的78%。\n";
        let v = verdicts(text);
        assert!(v.is_empty(), "{v:?}");
        // the same period twice is one amount
        let same = text.replace("截止8月底", "8月份");
        let v = verdicts(&same);
        assert!(v.iter().any(|(_, s)| s == "fail"), "{v:?}");
    }

    #[test]
    fn words_naming_no_item_under_two_items_headings_are_two_amounts() {
        // a county bureau's 2021 三公 budget (hunt 15): "预算支出" under each item's heading
        let text = "(一)因公出国费用。2021年预算支出为0万元,本年度计划无人员出国。\n\
                    (二)公务接待费。2021年预算支出11.77万元,比2020年预算减少0.13万元。\n";
        let v = verdicts(text);
        assert!(v.iter().all(|(_, s)| s != "fail"), "{v:?}");
        // under one item's heading twice, they are one amount
        let same = text.replace("(二)公务接待费", "(二)因公出国费");
        let v = verdicts(&same);
        assert!(v.iter().any(|(_, s)| s == "fail"), "{v:?}");
    }

    #[test]
    fn a_review_stage_names_no_quantity() {
        // a city council's vote on its budget: 最後計列 is each of 歲入's and 歲出's
        let text = "根據審查結果,歲入原列新台幣1599.84億元,最後計列1608.47億元,淨增8.63億元。\
                    歲出原列1726.42億元,最後計列1712.31億元,刪減14.11億元。\n";
        let v = verdicts(text);
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn what_was_collected_is_not_the_budget_stated_before() {
        // modelled on a county's 2022 report (cqwx.gov.cn): the budget as passed, then what
        // was collected against it, with its 其中 parts
        let text = "年初预算为:一般公共预算收入76138万元(税收收入47008万元、非税收入29130万元)。\n\
                    ——一般公共预算收入88435万元,完成调整预算的99.2%,\
                    其中:税收收入39029万元,下降12%;非税收入49406万元,增长67.1%。\n";
        assert_eq!(verdicts(text), Vec::<(String, String)>::new());
        // nor is a budget adjusted, named by its line ("由 A 调整为 B"), what it collected
        let adjusted = "土地出让收入由年初的65000万元调整为35000万元。\n\
                        土地出让收入34000万元,完成调整预算的97.1%。\n";
        assert_eq!(verdicts(adjusted), Vec::<(String, String)>::new());
        // stated again as collected, it is compared
        let again = format!("{text}一般公共预算收入88435万元,完成调整预算的99.2%。\n");
        assert_eq!(
            verdicts(&again),
            [("88435".to_string(), "pass".to_string())]
        );
    }

    #[test]
    fn a_statement_under_a_section_naming_another_quantity_is_not_checked() {
        // modelled on a county's budget report (tielingxian.gov.cn, 2022): section 4's sentence copies
        // section 3's words for its own quantity
        let text = "3.调入资金安排情况\n2022年为平衡收支,安排调入资金27200万元。\n4.上年结余安排情况\n2022年为平衡收支,安排调入资金4700万元。\n";
        assert_eq!(
            verdicts(text),
            [("4700".to_string(), "unchecked".to_string())]
        );
        // without the sections the two statements contradict each other
        let plain = text
            .replace("3.调入资金安排情况\n", "")
            .replace("4.上年结余安排情况\n", "");
        assert_eq!(verdicts(&plain), [("4700".to_string(), "fail".to_string())]);
    }

    #[test]
    fn 收支总计_of_the_department_and_of_its_appropriations_are_two_quantities() {
        // modelled on a school's final account (5z.yysedu.cn, 2020): the 、 of 收、支总计 ends no name
        let text = "2020年收、支总计3903.88万元。\n2020年财政拨款收、支总计3656.88万元,比上年增加49.66万元,增长1.38%。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        let r = crate::check_document(&read_text(text));
        let yoy = r.checks.iter().find(|e| e.rule == "yoy-change").unwrap();
        assert!(
            yoy.relation.zh.starts_with("财政拨款收、支总计"),
            "{}",
            yoy.relation.zh
        );
        // "收、支总计各是 X、Y" names two quantities at once: no name to compare by
        let paired = "收、支总计各是 110 万元、90 万元。\n收、支总计各是 120 万元、100 万元。\n";
        assert!(verdicts(paired).is_empty(), "{:?}", verdicts(paired));
    }

    #[test]
    fn the_items_named_before_their_year_are_two_quantities() {
        // a news copy of a 2014 academy's final account (中新网): each 三公 item's final
        // figure, the item named before the year and the stage after it
        let text = "公务用车购置及运行费2014年财政拨款决算数为3961.06万元。\n\
                    公务接待费2014年财政拨款决算数为4018.71万元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // one item named twice is one quantity
        let same = text.replace("公务接待费", "公务用车购置及运行费");
        assert_eq!(
            verdicts(&same),
            [("4018.71".to_string(), "fail".to_string())]
        );
        // a body named before the year is the document's own: the label alone names it
        let body = "本单位2019年财政拨款决算数为120万元。\n2019年财政拨款决算数为130万元。\n";
        assert_eq!(verdicts(body), [("130".to_string(), "fail".to_string())]);
    }

    #[test]
    fn one_label_under_two_wholes_names_two_quantities() {
        // modelled on a district unit's 2023 budget (PDF text): the basic and the project
        // spending each list their own 商品和服务支出, the first named by its share's whole
        let text = "1. 基本支出预算 881300.39 元,占一般公共预算支出的96.74%。其中:\n\
                    工资福利支出预算 716052.51 元,占基本支出预算81.25%。\n\
                    商品和服务支出预算 165247.88 元,占基本支出预算18.76%。\n\
                    2. 项目支出 29700 元,占一般公共预算支出的 3.26%。其中:\n\
                    商品和服务支出预算 29700 元,占项目支出预算 100%。\n";
        let none = Vec::<(String, String)>::new();
        assert_eq!(verdicts(text), none);
        // the share left out ("占基本支出预算%,"), and the project's part named by its item
        let bare = text
            .replace("18.76%", "%")
            .replace(",占项目支出预算 100%", "");
        assert_eq!(verdicts(&bare), none);
        // under one whole the two statements are one quantity, and disagree
        let one = text
            .replace(
                "2. 项目支出 29700 元,占一般公共预算支出的 3.26%。其中:\n",
                "",
            )
            .replace("占项目支出预算", "占基本支出预算");
        assert_eq!(verdicts(&one), [("29700".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_whole_named_without_a_share_or_by_a_numbered_item() {
        // modelled on a district unit's 2022 budget (PDF text): the first 商品和服务支出's share
        // was left out but names its whole; the second is under the numbered 项目支出, its
        // 其中 a sentence later
        let text = "工资福利支出预算 905709.06 元,占基本支出预算 79.89%。\n\
                    商品和服务支出预算 75800 元,占基本支出预算%,同比增加52044.27 元。\n\
                    2.项目支出 0元,同比减少 47600 元,下降 100%。下降原因是编外人员经费支出列入基本支出。其中:\n\
                    商品和服务支出预算 0元,同比减少 47600 元,下降 100%。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
    }

    #[test]
    fn a_part_of_a_smaller_total_is_not_the_larger_amount() {
        // the 2022 central final accounts, as reported: the budget's 中央本级支出 and the
        // central investment budget's
        let text = "从支出详细来看,中央本级支出35570.83亿元。\n\
                    2022年,中央预算内投资支出6399.28亿元,其中,中央本级支出1466.78亿元,对地方转移支付4932.5亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // a total large enough to hold the amount: the two may be one, and disagree
        let larger = text
            .replace("6399.28", "40000")
            .replace("4932.5", "38533.22");
        assert_eq!(
            verdicts(&larger),
            [("1466.78".to_string(), "fail".to_string())]
        );
        // a part over its own total tells nothing of what it is: compared, and disagrees
        let over = text.replace("1466.78", "36570.83");
        assert_eq!(
            verdicts(&over),
            [("36570.83".to_string(), "fail".to_string())]
        );
    }

    #[test]
    fn parts_listed_by_baokuo_under_two_amounts_are_two_quantities() {
        // a city's 2021 budget report: transfers to the city and to its districts, each
        // with its own 税收返还
        let text = "中央对我市转移支付和税收返还538.8亿元,比上年减少77.5亿元,包括一般性转移支付252.8亿元、专项转移支付40.3亿元、税收返还245.7亿元。\
                    市对区转移支付和税收返还412.8亿元,比上年减少200.4亿元,包括一般性转移支付243.5亿元、专项转移支付52.5亿元、税收返还116.8亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // the second list without its own amount: one 税收返还, stated twice (after the same
        // 专项转移支付: see below for a label going on from amounts stated apart)
        let one = text
            .replace(
                "市对区转移支付和税收返还412.8亿元,比上年减少200.4亿元,包括",
                "另有",
            )
            .replace("52.5", "40.3");
        assert!(
            verdicts(&one).contains(&("116.8".to_string(), "fail".to_string())),
            "{:?}",
            verdicts(&one)
        );
    }

    #[test]
    fn the_citys_own_level_is_not_the_whole_citys() {
        // the same report: the whole city's budget, then "(2)市级收支。" in the same words
        let text = "一般公共预算收入2141亿元,加上上年结余117.3亿元,预算总收入为2258.3亿元。\n\
                    (2)市级收支。一般公共预算收入890.7亿元,完成预算102.6%。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        let unnamed = text.replace("(2)市级收支。", "");
        assert_eq!(
            verdicts(&unnamed),
            [("890.7".to_string(), "fail".to_string())]
        );
    }

    #[test]
    fn the_centres_totals_are_not_the_countrys() {
        // the NPC's 2021 report: the national totals, then "其中，中央…" with the same words
        let text = "全国一般公共预算收入182895亿元，加上调入资金26133亿元，收入总量为209028亿元；全国一般公共预算支出245588亿元，支出总量为246628亿元。其中，中央一般公共预算收入82771亿元，加上调入资金8880亿元，收入总量为91651亿元；中央一般公共预算支出118411亿元，支出总量为119451亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // a county's income from the centre is its own, stated twice
        let county = "中央补助收入 3000 万元，比上年增加 100 万元。\n\n中央补助收入 3100 万元。\n";
        assert_eq!(verdicts(county), [("3100".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_label_going_on_from_amounts_stated_apart_measures_two_things() {
        // a provincial budget report (traditional script in the original): each category's
        // own subsidy to the counties, each sum holding
        let text = "3.市本级农林水事务支出49.8亿元,加上市对区县补助支出12.8亿元,市级支出合计62.6亿元。\n\
                    4.市本级教育支出117.9亿元,加上市对区县补助支出38.3亿元,市级支出合计156.2亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // a county's statistical bulletin: two sets of projects, each with its 总投资
        let text = "实施工业项目75个,总投资101.8亿元。引进服务业项目80个,总投资33.3亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // in one sentence: the city's and the countryside's standards
        let text = "安排1.1亿元,将城市低保对象保障标准提高到月人均300元,补差标准提高到月人均200元;\
                    安排0.6亿元,将农村低保对象保障标准提高到月人均200元,补差标准提高到月人均100元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // the same amount before it in both places: one quantity, and a misprint fails
        let one = "实施工业项目75个,总投资101.8亿元。年末,实施工业项目75个,总投资103.8亿元。\n";
        let fail = |v: &str| (v.to_string(), "fail".to_string());
        assert_eq!(verdicts(one), [fail("103.8")]);
        // and the same value where they go on from amounts apart is still said to agree
        let same = "实施工业项目75个,总投资101.8亿元。引进服务业项目80个,总投资101.8亿元。\n";
        assert_eq!(verdicts(same), [("101.8".to_string(), "pass".to_string())]);
    }

    #[test]
    fn a_balance_naming_no_budget_is_of_the_budget_it_follows() {
        // a county's 2019 audit report (麻阳县): the general budget's balance, then the
        // social insurance funds', both "当年收支结余"
        let text = "2019年全县一般公共预算财政总收入380,869万元,一般公共预算财政总支出379,347万元。当年收支结余1,522万元。\n\n\
                    2019年全县社会保险基金收入完成64,053万元,全县社会保险基金支出62,677万元。当年收支结余1,376万元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // after amounts of one budget, the same balance stated twice is compared
        let one = text.replace("社会保险基金", "一般公共预算");
        assert_eq!(verdicts(&one), [("1,376".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_budget_named_by_its_stage_names_no_quantity() {
        // a district audit office's 2024 三公 accounts: each item's final figure, then
        // "完成全年预算 …"; two items' figures are no repeat of one quantity
        let text = "完成全年预算5.3万元的38.1%,其中:公务用车购置支出决算为0万元,完成全年预算0万元的0%,公务用车运行维护费支出决算为2.02万元,完成全年预算5.3万元的38.1%。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // an item named twice with two final figures still fails
        let twice = "公务接待费支出决算为2.02万元,完成全年预算5.3万元的38.1%。公务接待费支出决算为2.12万元。\n";
        assert_eq!(verdicts(twice), [("2.12".to_string(), "fail".to_string())]);
    }

    #[test]
    fn the_same_words_under_two_topics_are_two_bodies() {
        // a province's 2021 county report: the counties', then the districts' income
        let text = "在41个县收支完成情况上,一般公共预算收入完成151亿元。其中:税收收入完成95.1亿元;非税收入完成55.9亿元。在59个区收支完成情况上,一般公共预算收入完成352.7亿元。其中:税收收入完成299.5亿元;非税收入完成53.2亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // one topic, stated twice: compared (the 税收收入 before it the same)
        let once = text
            .replace("在59个区收支完成情况上,", "")
            .replace("299.5", "95.1");
        assert!(
            verdicts(&once).contains(&("53.2".to_string(), "fail".to_string())),
            "{:?}",
            verdicts(&once)
        );
    }

    #[test]
    fn a_half_year_is_not_its_last_month() {
        // Xinhua, 2012: the first half's spending, then June's alone
        let text = "上半年累计，全国财政支出53893亿元，比去年同期增加9458亿元。\n\n6月份当月，全国财政支出12724亿元，比去年同月增加1915亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // the first three quarters are not the third quarter, nor the first half
        let quarters = "前三季度，全市财政支出900亿元。三季度，全市财政支出300亿元。\n";
        assert!(verdicts(quarters).is_empty(), "{:?}", verdicts(quarters));
        let same = "前三季度，全市财政支出900亿元。前三季度，全市财政支出800亿元。\n";
        assert_eq!(verdicts(same), [("800".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_balance_sheet_is_its_owners() {
        // a district's 2022 state-assets report (wuchang): the district's 负债总额, then the
        // enterprises'
        let text = "国有资产总额1102.65亿元,较上年增加66.29亿元;负债总额743.21亿元,较上年增加28.39亿元。\n\
                    企业国有资产总额809.92亿元,同比增长3.44%;负债总额703.06亿元,同比增长3.05%。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // one owner's twice is one quantity
        let twice = text.replace("企业国有资产总额809.92", "国有资产总额1102.65");
        assert!(verdicts(&twice).contains(&("703.06".to_string(), "fail".to_string())));
        // and a 负债总额 stated alone is the one named without an owner
        let alone = format!("{text}负债总额743.21亿元。\n");
        assert!(
            verdicts(&alone).contains(&("743.21".to_string(), "pass".to_string())),
            "{:?}",
            verdicts(&alone)
        );
    }

    #[test]
    fn a_stock_at_two_dates_is_two_quantities() {
        // a Hong Kong budget summary (2025): the reserves at last year's end and at the end
        // of January
        let text = "截至去年底,財政儲備6641億元。\n至1月底,財政儲備6747億元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // last year's end is not this year's, nor is either a month's
        let ends = "截至去年底,財政儲備6641億元。\n預計今年底,財政儲備6473億元。\n";
        assert!(verdicts(ends).is_empty(), "{:?}", verdicts(ends));
        // the same date twice is one quantity
        let same = "截至去年底,財政儲備6641億元。\n去年底,財政儲備6747億元。\n";
        assert_eq!(verdicts(same), [("6747".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_years_amount_is_not_compared_with_part_of_a_years() {
        // a 2021 mid-year report on Shaanxi's budget (the year before's revenue, then this
        // year's first half), in two paragraphs
        let text = |year: &str| {
            format!(
                "{year}陕西省地方一般公共预算收入2257.31亿元,完成年初预算的95.8%。\n\n\
                 今年1月至6月,陕西省地方一般公共预算收入1439.05亿元,比上年同期增长29.91%。\n"
            )
        };
        assert!(
            verdicts(&text("2020年,")).is_empty(),
            "{:?}",
            verdicts(&text("2020年,"))
        );
        let swapped = "今年1月至6月,陕西省地方一般公共预算收入1439.05亿元。\n\n\
                       2020年,陕西省地方一般公共预算收入2257.31亿元。\n";
        assert!(verdicts(swapped).is_empty(), "{:?}", verdicts(swapped));
        // a year's end named before them is no part of the year
        let year_end = "年末滚存结余37540亿元。2012年,全国社会保险基金总收入31411亿元。\n\n\
                        2012年全国社会保险基金总收入31411亿元,比上年增长22%。\n";
        assert_eq!(
            verdicts(year_end),
            [("31411".to_string(), "pass".to_string())]
        );
        // named by no year, the first is the same quantity restated
        assert_eq!(
            verdicts(&text("")),
            [("1439.05".to_string(), "fail".to_string())]
        );
        // the year is named once, at the paragraph's start: its spending, stated in a later
        // sentence, is the year's, not the half year's
        let spending =
            "2020年陕西省地方一般公共预算收入2257.31亿元。陕西省一般公共预算支出5930.32亿元,\
                        比上年增长3.7%。\n\n今年1月至6月,陕西省地方一般公共预算收入1439.05亿元。\
                        陕西省一般公共预算支出3078.34亿元,比上年同期增长6.36%。\n";
        assert!(verdicts(spending).is_empty(), "{:?}", verdicts(spending));
        // named by no year, both paragraphs state the same two quantities and neither
        // agrees: the accounts of two periods, not compared (one amount agreeing would
        // make the other a misprint)
        let undated = spending.replace("2020年", "");
        assert_eq!(
            verdicts(&undated),
            [
                ("1439.05".to_string(), "unchecked".to_string()),
                ("3078.34".to_string(), "unchecked".to_string())
            ]
        );
        let agreeing = undated.replace("3078.34", "5930.32");
        assert_eq!(
            verdicts(&agreeing),
            [
                ("1439.05".to_string(), "fail".to_string()),
                ("5930.32".to_string(), "pass".to_string())
            ]
        );
    }

    #[test]
    fn months_from_one_to_another_are_a_period() {
        // "1月至6月" is the first half, not June: June's amount is another quantity
        let text = "1月至6月,全市财政支出900亿元。\n\n6月份,全市财政支出150亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        let twice = text.replace("6月份", "1月至6月");
        assert_eq!(verdicts(&twice), [("150".to_string(), "fail".to_string())]);
    }

    #[test]
    fn an_amount_accumulated_over_months_is_not_one_months() {
        // a city's monthly report (traditional script, 2012): July's spending, then January
        // to July's, in the same words but 累計
        let text = "7月份,全市地方公共財政預算收入完成170,024萬元。全市地方公共財政預算支出完成372,527萬元。\
                    1-7月,全市地方公共財政預算收入完成1,392,476萬元。\
                    全市地方公共財政預算支出累計完成1,655,028萬元,同比增支218,447萬元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        let fail = |v: &str| (v.to_string(), "fail".to_string());
        // in one month, July's 收入 is stated twice, and disagrees; its 支出 once as July's
        // and once as accumulated
        let one_month = text.replace("1-7月,", "");
        assert_eq!(verdicts(&one_month), [fail("1,392,476")]);
        let neither = one_month.replace("支出累計完成", "支出完成");
        assert_eq!(verdicts(&neither), [fail("1,392,476"), fail("1,655,028")]);
    }

    #[test]
    fn the_national_and_the_central_sections_state_their_own_totals() {
        // modelled on a summary of the 2018 central and local budget report (news.china.com):
        // 全国 and 中央 each have a 收入总量
        let text = "一、预算执行情况\n1.全国一般公共预算。\n全国一般公共预算收入1000亿元。加上调入资金\
                    100亿元,收入总量为1100亿元。\n2.中央一般公共预算。\n中央一般公共预算收入400亿元。\
                    加上调入资金50亿元,收入总量为450亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // the same words under one heading: one quantity stated twice, which disagrees (the
        // 收入总量 going on from it is not failed a second time)
        let one = text.replace("2.中央一般公共预算。\n", "");
        let fail = |v: &str| (v.to_string(), "fail".to_string());
        assert_eq!(verdicts(&one), [fail("50")]);
    }

    #[test]
    fn a_label_stated_with_three_values_names_each_sections_own_quantity() {
        // modelled on a national social-insurance budget (a mirror of a 2014 report): every
        // fund repeats the overview's words for its own balance
        let text =
            "全国社会保险基金本年收支结余5086亿元。\n一、企业职工基本养老保险基金收入22680亿元,\
                    本年收支结余2371亿元。\n二、失业保险基金收入1289亿元,本年收支结余743亿元。\n\
                    三、医疗保险基金收入8106亿元,本年收支结余929亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        // the same value again is still said to agree; two values still disagree
        let again = format!("{text}综上,全国社会保险基金本年收支结余5086亿元。\n");
        assert_eq!(verdicts(&again), [("5086".to_string(), "pass".to_string())]);
        let two =
            "全国社会保险基金本年收支结余5086亿元。\n综上,全国社会保险基金本年收支结余5068亿元。\n";
        assert_eq!(verdicts(two), [("5068".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_measure_of_what_its_sentence_named_before_is_no_name() {
        // the 2023 central government budget as a newspaper reported it (news.ltn.com.tw,
        // 2022-08-25): each 整體規模 is the size of the budget named in the clause before
        let text = "其中少子女化對策預算,整體規模達1,088億元,較今年相同基礎增加282億元。                    公共建設經費也大成長,整體規模達5972億元,較今年相同基礎增加1457億元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        let debts = "一般债务,年末余额1088亿元。专项债务,年末余额5972亿元。\n";
        assert!(verdicts(debts).is_empty(), "{:?}", verdicts(debts));
        // named in the label itself, the budget is one quantity
        let named = "少子女化对策预算整体规模1088亿元。其中…。少子女化对策预算整体规模1080亿元。\n";
        assert_eq!(verdicts(named), [("1080".to_string(), "fail".to_string())]);
    }

    #[test]
    fn a_sections_year_is_the_year_of_its_sentences() {
        // modelled on a city's state-capital budget report (czj.sh.gov.cn, 2015): last year's
        // execution and this year's budget use the same words
        // (the second sentence of each section names no year of its own)
        let text = "二、2014年本市国有资本经营预算的执行情况\n全市国有资本经营收入61.6亿元。全市国有资本\
                    经营支出75.7亿元。\n三、2015年本市国有资本经营预算的安排情况\n全市国有资本经营收入\
                    78.3亿元。全市国有资本经营支出81.6亿元。\n";
        assert!(verdicts(text).is_empty(), "{:?}", verdicts(text));
        let one_year = text.replace("2015年", "2014年");
        assert_eq!(
            verdicts(&one_year),
            [
                ("78.3".to_string(), "fail".to_string()),
                ("81.6".to_string(), "fail".to_string())
            ]
        );
    }
}
