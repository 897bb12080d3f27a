//! The claim reader the text checks share: each paragraph as a stream of characters and
//! figures, split into sentences and clauses, with each figure classified by the words
//! just before it (增加 → a change, 降低 → a rate, 占 → a share, 预算数 → a budget …) and
//! labelled by the words naming it. Hand-written, char by char: no regex.
//!
//! The text is normalised by [`super::normalise`] (script, full width, glosses, spacing), so
//! the readings below match one spelling.

use super::normalise::{gloss_bytes, normalise_char};
use super::scope::Scope;
use crate::document::{Document, Paragraph};
use crate::figure::FigId;
use crate::relation::Expr;
use crate::IntoVec;
use rust_decimal::Decimal;

/// One token of a paragraph: a character or a figure (with its unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// A normalised character.
    Ch(char),
    /// A figure.
    Fig(FigId),
}

/// How far [`Prose::sentence_text`] looks back and forth from its figure, in tokens.
const CONTEXT_TOKENS: usize = 160;

/// What the words before a figure make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An amount or count named by its label ("本年收入 14209.74 万元").
    Level,
    /// A change on last year: +1 增加, −1 减少, 0 a template's two words left side by
    /// side (减少（增加）): the direction is unknown.
    Change(i8),
    /// A rate of change: +1 增长, −1 降低/下降, 0 unknown (下降（增长）).
    Rate(i8),
    /// A share (占 …%).
    Share,
    /// A budget figure (预算数).
    Budget,
    /// A final figure (决算数, 执行数).
    Final,
    /// A budget variance rate (差异率).
    Variance,
    /// Completion of the budget (完成年初预算 …%).
    Completion,
    /// Final minus budget: +1 大于/超, −1 小于.
    Diff(i8),
    /// A year ("2019 年").
    Year,
    /// Anything else (thresholds, codes, figures in words we do not read).
    Other,
}

/// A figure in the text with what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The figure.
    pub fig: FigId,
    /// Token index in [`Prose::toks`].
    pub at: usize,
    /// Its kind.
    pub kind: Kind,
    /// The words between the previous boundary and the figure, normalised.
    pub lead: String,
    /// The label naming the quantity (lead without keywords), possibly empty.
    pub label: String,
    /// Unit as read.
    pub unit: Option<&'static str>,
    /// Printed with a percent sign.
    pub percent: bool,
    /// Sentence number (split at 。！？).
    pub sentence: usize,
    /// Clause-group number (split at 。！？；).
    pub semi: usize,
    /// Follows the previous mention with nothing but a list separator in between
    /// ("各减少 A、B万元"): it takes the previous one's kind.
    pub listed: bool,
    /// Inside a parenthesis closed later ("X 万元（其中：A 万元，B 万元），占 p%"): a
    /// figure after the parenthesis is about the amount before it, never about these.
    pub inner: bool,
    /// Where it lives (set by [`super::scope::assign`]).
    pub scope: Scope,
    /// Index (in [`Prose::mentions`]) of the first mention of the list it belongs to
    /// ("分别为 A、B 和 C": all three point at A); its own index when not listed.
    pub list: usize,
}

/// A paragraph read as tokens and mentions.
#[derive(Debug, Clone)]
pub struct Prose<'a> {
    /// The paragraph index.
    pub index: usize,
    /// The paragraph.
    pub para: &'a Paragraph,
    /// Tokens.
    pub toks: Vec<Tok>,
    /// Byte offset in the paragraph text of each token.
    pub offs: Vec<usize>,
    /// Every figure, in order.
    pub mentions: Vec<Mention>,
    /// Per token: inside a parenthesis closed later (see [`Mention::inner`]).
    pub inner: Vec<bool>,
}

/// What a character ends: 3 a sentence (。！？), 2 a clause group (；), 1 a clause (，：、),
/// 0 nothing. One `match` for the three tests below.
fn stop(c: char) -> u8 {
    match c {
        '。' | '！' | '？' | '!' | '?' => 3,
        '；' | ';' => 2,
        ',' | '：' | ':' | '、' => 1,
        _ => 0,
    }
}

/// Characters that end a sentence.
pub fn ends_sentence(c: char) -> bool {
    stop(c) == 3
}

/// Characters that end a clause group inside a sentence.
pub fn ends_semi(c: char) -> bool {
    stop(c) >= 2
}

/// Characters that end a clause.
pub fn ends_clause(c: char) -> bool {
    stop(c) >= 1
}

const UP_CHANGE: &[&str] = &[
    "增加",
    "增长",
    "上升",
    "提高",
    "多支出",
    "增支",
    "超支",
    "增收",
    "多收",
    // "较上年同月多支2570万元"
    "多支",
    // a budget adjusted ("由年初的 A 调整为 B，调增 C")
    "调增",
];
const DOWN_CHANGE: &[&str] = &[
    "减少",
    "下降",
    "降低",
    "减支",
    "节约",
    "压减",
    "压缩",
    "减",
    "减收",
    "少收",
    "调减",
    "少支",
    "少支出",
];
// ("即同比增 2.3%", "同比减 5%": a newspaper's short forms)
const UP_RATE: &[&str] = &[
    "增长",
    "增加",
    "上升",
    "提高",
    "增幅",
    "增长率为",
    "增长了",
    "同比增",
    // ("成長18.59%": growth, as Taiwan's budgets print it)
    "成长",
];
const DOWN_RATE: &[&str] = &[
    "降低",
    "下降",
    "减少",
    "降幅",
    "下降了",
    "降低了",
    "减少了",
    "同比减",
    "同比降",
    // "公务用车购置及运行费 1205.06 万元(较2010年压缩2%)"
    "压缩",
    "压减",
];

/// "年均增长 4.22%", "平均每年递增 3%", "年均增加 92 万元": an average over several
/// years, never a change on last year. Its direction: +1, −1, or 0 when its words give none.
/// ("较上年均增长 5%", "每年均列入": 均 is "both", "each", after a year named by a word.)
pub fn annual_direction(lead: &str) -> Option<i8> {
    // (every word below holds 均 or 复: most leads hold neither, looked for once)
    if !lead.contains(&['均', '复'][..]) {
        return None;
    }
    let both = [
        "上年均",
        "去年均",
        "今年均",
        "本年均",
        "当年均",
        "同年均",
        "每年均",
    ];
    let yearly = lead.contains("年均") && !both.iter().any(|w| lead.contains(w));
    if !yearly
        && !["年平均", "平均每年", "平均年", "复合"]
            .iter()
            .any(|w| lead.contains(w))
    {
        return None;
    }
    let named = without_linking(lead);
    Some(
        if ends_any(named, &["增长", "递增", "增速", "增长率", "增幅"]) {
            1
        } else if ends_any(named, &["下降", "递减", "降幅", "下降率"]) {
            -1
        } else {
            0
        },
    )
}

fn ends_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.ends_with(w))
}

/// Whether a unit is an amount of money.
pub fn is_money(unit: Option<&str>) -> bool {
    matches!(unit, Some("万元" | "元" | "亿元"))
}

/// How many 元 a money unit stands for.
pub fn yuan(unit: &str) -> Option<i64> {
    match unit {
        "元" => Some(1),
        "万元" => Some(10_000),
        "亿元" => Some(100_000_000),
        _ => None,
    }
}

/// Whether two figures' units can meet in one claim (the same unit, or money in
/// convertible units).
pub fn same_family(a: Option<&str>, b: Option<&str>) -> bool {
    a == b || (is_money(a) && is_money(b))
}

/// The figure as an amount in `unit`: converted exactly when printed in another money
/// unit (万元 = 10000 元).
pub fn amount(doc: &Document, id: FigId, unit: Option<&str>) -> Expr {
    let own = doc.figure(id).and_then(|f| f.unit);
    let (Some(from), Some(to)) = (own.and_then(yuan), unit.and_then(yuan)) else {
        return Expr::Fig(id);
    };
    if from == to {
        Expr::Fig(id)
    } else if from > to {
        Expr::product(Expr::Fig(id), Expr::Const(Decimal::from(from / to)))
    } else {
        Expr::quotient(Expr::Fig(id), Expr::Const(Decimal::from(to / from)))
    }
}

/// `s.find(word)` for the short words before a figure: the word's first character looked
/// for, without setting up a substring search each time.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let Some(first) = word.chars().next() else {
        return Some(0);
    };
    s.match_indices(first)
        .map(|(k, _)| k)
        .find(|&k| s.get(k..).is_some_and(|r| r.starts_with(word)))
}

/// Where the “三公”经费 are named by their three items, in the order the rules define them
/// ("因公出国(境)费、公务用车购置及运行费和公务接待费", also 经费, 购置和运行费, 运行维护费,
/// joined by 、 , 和 及 与): where the list ends in `s`, in bytes.
fn sangong_spelled(s: &str) -> Option<usize> {
    fn joiners(r: &str) -> &str {
        r.trim_start_matches(&['、', ',', '和', '及', '与', '以'][..])
    }
    let start = s.find("因公出国")?;
    let mut r = s.get(start..)?.strip_prefix("因公出国")?;
    r = r.strip_prefix("(境)").unwrap_or(r);
    r = r.strip_prefix('经').unwrap_or(r);
    r = r.strip_prefix('费')?;
    r = joiners(r).strip_prefix("公务用车购置")?;
    r = r
        .strip_prefix(&['及', '和', '与'][..])?
        .strip_prefix("运行")?;
    r = r.strip_prefix("维护").unwrap_or(r);
    r = joiners(r.strip_prefix('费')?).strip_prefix("公务接待费")?;
    Some(s.len() - r.len())
}

/// Removes keywords and filler from the words before a figure, leaving the name of the
/// quantity.
pub fn label_of(lead: &str) -> String {
    // slices of the lead until the end: one string built, not one per word stripped
    let mut s = lead;
    for p in ["主要原因是", "主要是", "其中"] {
        if let Some(k) = find_word(s, p) {
            s = s.get(k + p.len()..).unwrap_or("");
        }
    }
    // "二是上级财政补助收入": the item's number is no part of its name
    if let Some(r) = s
        .strip_prefix(|c: char| super::outline::CN_DIGITS.contains(c))
        .and_then(|r| r.strip_prefix('是'))
    {
        s = r;
    }
    for p in [
        "其中", "包括", "而", "年度", "年", "共有", "共计", "合计", "总计", "为", "是", "达",
        "实现",
    ] {
        // (年初 and 年末 are words: "年初结转和结余 0.55 万元")
        if let Some(r) = s
            .strip_prefix(p)
            .filter(|r| p != "年" || !r.starts_with(&['初', '末'][..]))
        {
            s = r;
        }
    }
    for p in [
        "共计",
        "合计",
        "为",
        "是",
        "高达",
        "达到",
        "达",
        "共",
        "各",
        "分别",
        "累计完成",
        "实际完成",
        "完成",
        "累计",
    ] {
        if let Some(r) = s.strip_suffix(p) {
            s = r;
        }
    }
    // "(不包括市城区,下同)一般公共预算收入": the lead began inside a parenthesis
    let s = match s.char_indices().find(|x| matches!(x.1, ')' | '）')) {
        Some((k, c)) if !s.get(..k).is_some_and(|b| b.contains(&['(', '（'][..])) => {
            s.get(k + c.len_utf8()..).unwrap_or(s)
        }
        _ => s,
    };
    let edge = |c: char| "“”\"‘’*（）()—[]【】".contains(c);
    let s = s.trim_end_matches(edge);
    // (a quotation that opens the label keeps its opening mark: “三公”经费, not 三公”经费)
    let s = match s.strip_prefix('“') {
        Some(rest) if rest.contains('”') => s,
        _ => s.trim_start_matches(edge),
    };
    // "1.全市…收入": the lead began right after an item's number
    let s = s.strip_prefix(&['.', '．'][..]).unwrap_or(s);
    // "(一)因公出国(境)费支出": the lead began inside an item's number
    let unnumbered = s.trim_start_matches(|c: char| super::outline::CN_DIGITS.contains(c));
    unnumbered
        .strip_prefix(&[')', '）', '、'][..])
        .filter(|_| unnumbered.len() < s.len())
        .unwrap_or(s)
        .to_string()
}

/// A template's direction word left beside its alternative: "下降（增长）", "增加(减少)". Returns the lead without the parenthesis when the word
/// inside names the opposite direction of the word before it.
pub fn template_alternative(lead: &str) -> Option<&str> {
    let inner = lead.strip_suffix(&[')', '）'][..])?;
    let open = inner.rfind(&['(', '（'][..])?;
    let word = inner.get(open..)?.trim_start_matches(&['(', '（'][..]);
    let before = inner.get(..open)?;
    let dir = |w: &str, up: &[&str], down: &[&str]| {
        if up.contains(&w) {
            Some(1)
        } else if down.contains(&w) {
            Some(-1)
        } else {
            None
        }
    };
    let (up, down): (&[&str], &[&str]) =
        (&["增加", "增长", "上升", "提高"], &["减少", "下降", "降低"]);
    let alt = dir(word, up, down)?;
    let own = up
        .iter()
        .chain(down)
        .find(|w| before.ends_with(**w))
        .and_then(|w| dir(w, up, down))?;
    (own == -alt).then_some(before)
}

fn classify(lead: &str, percent: bool, unit: Option<&str>, next: Option<char>) -> Kind {
    // "减少了 1,276.52 万元，下降了 22.75%": 了 after the verb changes nothing
    let lead = lead.strip_suffix('了').unwrap_or(lead);
    // "减少（增加）0.15 万元，下降（增长）27.78%": the template's alternatives were left in,
    // so the figure is a change or a rate whose direction is unknown
    if let Some(own) = template_alternative(lead) {
        return match classify(own, percent, unit, next) {
            Kind::Change(_) => Kind::Change(0),
            Kind::Rate(_) => Kind::Rate(0),
            k => k,
        };
    }
    if !percent && next == Some('年') && unit.is_none() {
        return Kind::Year;
    }
    if annual_direction(lead).is_some() {
        return Kind::Other;
    }
    // "歲出編列2兆8,818億元" (Taiwan's 2024 budget, ly.gov.tw): the figure after 兆 is the
    // rest of one amount written in two parts, not an amount of its own (read alone, 8,818
    // 亿 against 1兆9,891 亿 would be a false change)
    if matches!(lead, "兆" | "万亿" | "萬億") {
        return Kind::Other;
    }
    if percent {
        if lead.contains("差异") && (lead.contains("差异率") || lead.ends_with('率')) {
            return Kind::Variance;
        }
        // ("预算执行比例为 88.69%", 外交部's 2014 三公 account)
        if lead.contains("完成") && lead.contains("预算")
            || lead.contains("执行率")
            || lead.contains("预算执行比例")
        {
            return Kind::Completion;
        }
        // "完成1233.8亿元,为年度预算的62.1%" (a province's 2018 half-year report): the amount
        // is that share of its budget
        let of_budget = lead.trim_end_matches('的').trim_end_matches('数');
        if of_budget.ends_with("预算") && of_budget.contains(&['为', '是'][..]) {
            return Kind::Completion;
        }
        // "占调整预算 105.47%", "占年初预算的 98%": completion of a budget, not a share
        let after = lead
            .rsplit('占')
            .next()
            .unwrap_or("")
            .trim_end_matches('的');
        if lead.contains('占')
            && [
                "预算",
                "预算数",
                "调整预算",
                "调整后预算",
                "年初预算",
                "全年预算",
            ]
            .iter()
            .any(|w| after == *w || after.strip_suffix('数') == Some(*w))
        {
            return Kind::Completion;
        }
        if lead.contains('占') {
            return Kind::Share;
        }
        // "负增长 1.21%" (负成长) is a fall; "减少率 35.22%", "增长率 9%" name the rate
        if lead.ends_with("负增长") || lead.ends_with("负成长") {
            return Kind::Rate(-1);
        }
        // ("降幅达 35.1%", "增幅约为 5%")
        let named = without_linking(lead);
        if ["增长率", "增加率", "增幅", "上升率"]
            .iter()
            .any(|w| named.ends_with(w))
        {
            return Kind::Rate(1);
        }
        if ["减少率", "下降率", "降低率", "降幅", "减幅"]
            .iter()
            .any(|w| named.ends_with(w))
        {
            return Kind::Rate(-1);
        }
        if ends_any(lead, UP_RATE) {
            return Kind::Rate(1);
        }
        if ends_any(lead, DOWN_RATE) {
            return Kind::Rate(-1);
        }
        // "较上年增 18.67 万元，增 21.86%": the bare verb, a clause of its own, names a rate
        // ("约增 2.63%": Taipei's 2026 budget)
        match named.strip_prefix('约').unwrap_or(named) {
            "增" => return Kind::Rate(1),
            "减" => return Kind::Rate(-1),
            _ => {}
        }
        return Kind::Other;
    }
    if unit.is_none() {
        return Kind::Other;
    }
    // "占年初预算月进度的212.2%,超月进度5484万元,较上年同月增收6838万元", "超平均进度11.3
    // 个百分点,超收6623万元" (a development zone's monthly report, tianshui.gov.cn): an
    // amount over or under the plan to date, neither a level nor a change on last year
    if ends_any(
        without_linking(lead),
        &["超收", "短收", "欠收", "进度", "進度"],
    ) {
        return Kind::Other;
    }
    // the words of a difference and of a budget all hold 预算: looked for once first
    let budget = lead.contains("预算");
    if budget && (lead.contains("大于预算") || lead.contains("超出预算") || lead.contains("超预算"))
    {
        return Kind::Diff(1);
    }
    if budget && (lead.contains("小于预算") || lead.contains("低于预算")) {
        return Kind::Diff(-1);
    }
    // "支出 F 万元，年初预算为 B 万元，差值为 D 万元": the difference without its sign (a
    // 收支差额 is income less spending, not a budget's difference)
    let stated = lead.trim_end_matches(&['为', '是', ':', '：'][..]);
    if (stated.ends_with("差值") || stated.ends_with("差额"))
        && !lead.contains("收支")
        && !lead.contains("结余")
        || budget && stated.ends_with("相差")
    {
        return Kind::Diff(0);
    }
    // "较2020年度决算数减少 X": a change, though the words before it name a 决算数
    // ("比上年减少支出 613.80 万元", a district's 2017 三公 account: what changed may follow
    // its verb)
    let verb = ["支出", "收入"]
        .iter()
        .find_map(|w| lead.strip_suffix(w))
        .unwrap_or(lead);
    if ends_any(verb, UP_CHANGE) {
        return Kind::Change(1);
    }
    if ends_any(verb, DOWN_CHANGE) {
        return Kind::Change(-1);
    }
    // "较上年增 17.1 万元": the bare verb after a comparison (not 新增, an amount added);
    // "比上年多 298.22 亿元" (a province's procurement news): 多 and 少 after one too
    let compared = lead.contains('较') || lead.contains('比');
    if compared
        && (lead.ends_with('增') && !lead.ends_with("新增") || ends_any(lead, &["多", "多出"]))
    {
        return Kind::Change(1);
    }
    if compared && lead.ends_with('少') {
        return Kind::Change(-1);
    }
    // "年初预算为 B 万元，支出决算为 F 万元" names the stage before 为
    let named = lead.trim_end_matches(&['为', '是'][..]);
    // ("…支出决算 244.5 万元" without 为 stays a level: its rates and shares refer to it;
    // "其中:因公出国(境)费决算为0万元,…;公务用车购置及运行维护费支出决算为8.47万元" lists
    // finals, 费 or 支出)
    if lead.contains("决算数")
        || lead.contains("执行数")
        || lead.ends_with("决算为") && (named.ends_with("支出决算") || named.ends_with("费决算"))
    {
        return Kind::Final;
    }
    // "年初预算 B 万元" is a budget, and so is "…决算为 F 万元，完成预算 B 万元的 P%";
    // "支出预算 5000 万元" in a budget disclosure is a level
    if budget && lead.contains("预算数")
        || named.ends_with("预算") && ["年初", "全年", "调整"].iter().any(|k| named.contains(k))
        || named.ends_with("完成预算")
        // ("工作計畫預算編列7,645萬6千元,決算數6,985萬7千元,執行率91.37%", a Taiwan
        // agency's final accounts: 编列, set aside)
        || named.ends_with("预算编列")
        || adjusted_from(lead)
    {
        return Kind::Budget;
    }
    // "比上年…" without a change word: not a level of this year; "上年结转和结余" (what last
    // year carried over) is one
    // ("上年专项结转10.87亿元", a district's 2021 final accounts: the carryover's kind may
    // stand between)
    let carried = lead.rsplit_once("上年").is_some_and(|(before, after)| {
        ["结转", "结余"].iter().any(|w| after.contains(w))
            && !["比", "较", "同比"].iter().any(|w| before.contains(w))
    });
    if lead.contains("同比") || lead.contains("上年") && !carried {
        return Kind::Other;
    }
    Kind::Level
}

/// "一般公共预算收入由年初的 76138 万元调整为 89138 万元" (a county's 2022 report,
/// cqwx.gov.cn): the amount a budget was adjusted from is the budget as first passed, not
/// the level the sentence goes on to break down.
fn adjusted_from(lead: &str) -> bool {
    lead.rsplit_once('由').is_some_and(|(_, r)| {
        matches!(
            r.trim_end_matches('的'),
            "年初" | "年初预算" | "年初预算数" | "年初安排" | "原预算" | "预算" | "调整前"
        )
    })
}

/// Whether an amount's words name it as a budget after its adjustment ("…调整为 35000 万元").
pub fn names_adjusted(lead: &str) -> bool {
    matches!(
        lead,
        "调整为"
            | "调整到"
            | "调整至"
            | "调整后为"
            | "变更为"
            | "调为"
            | "调增为"
            | "调增至"
            | "调增到"
            | "调减为"
            | "调减至"
            | "调减到"
    )
}

/// Whether the words name last year (上年, 去年, 上一年): a budget or an amount so named is
/// not this year's.
pub fn names_a_past_year(words: &str) -> bool {
    ["上年", "去年", "上一年"].iter().any(|w| words.contains(w))
}

/// "“三公”经费支出预算为 30.8 万元，支出决算为 25.7 万元，完成预算的 83.44%": an amount named
/// 预算 right before a final figure of its sentence is that figure's budget, not a level
/// (alone, "支出预算 5000 万元" in a budget disclosure is the year's level; before last
/// year's final figure, too).
fn budget_before_final(ms: &mut [Mention]) {
    for k in 1..ms.len() {
        let (Some(b), Some(f)) = (ms.get(k - 1), ms.get(k)) else {
            continue;
        };
        let named = b.lead.trim_end_matches(&['为', '是', ':', '：'][..]);
        let pair = b.kind == Kind::Level
            && f.kind == Kind::Final
            && named.ends_with("预算")
            && b.sentence == f.sentence
            && b.unit == f.unit
            && !names_a_past_year(&f.lead);
        if pair {
            if let Some(m) = ms.get_mut(k - 1) {
                m.kind = Kind::Budget;
            }
        }
    }
}

/// "土地出让收入由年初预算的 65000 万元调整为 35000 万元": both amounts are the 土地出让收入's,
/// the budget first passed and the adjusted one (their leads alone name them "土地出让收入由"
/// and "调整").
fn adjusted_names(ms: &mut [Mention]) {
    for k in 1..ms.len() {
        let (Some(from), Some(to)) = (ms.get(k - 1), ms.get(k)) else {
            continue;
        };
        if !(names_adjusted(&to.lead) && from.semi == to.semi) {
            continue;
        }
        // "税收收入由 267,000 万元调减为 238,000 万元": the amount before the adjustment,
        // named by nothing but 由, is no level of the year (a 其中 lists the adjusted ones)
        let plain = from.lead.ends_with('由');
        if !(plain || adjusted_from(&from.lead)) {
            continue;
        }
        let Some((name, _)) = from.label.rsplit_once('由') else {
            continue;
        };
        let name = name.to_string();
        if let Some(m) = ms.get_mut(k - 1) {
            m.label.clone_from(&name);
            if plain {
                m.kind = Kind::Other;
            }
        }
        if let Some(m) = ms.get_mut(k) {
            m.label = name;
        }
    }
}

impl<'a> Prose<'a> {
    /// Reads one paragraph.
    pub fn read(doc: &Document, index: usize, para: &'a Paragraph) -> Self {
        let text = para.text.as_str();
        let n = text.chars().count();
        let mut toks = Vec::with_capacity(n);
        let mut offs = Vec::with_capacity(n);
        let mut figs = para.figures.iter().peekable();
        // the text walked once, char by char: no vector of its characters
        let mut chars = text.char_indices();
        let mut next = chars.next();
        // the character printed just before the one read (a figure's or gloss's last one)
        let mut prev: Option<char> = None;
        while let Some((at, c)) = next {
            if let Some(&&(fs, fe, id)) = figs.peek() {
                if at >= fs {
                    figs.next();
                    toks.push(Tok::Fig(id));
                    offs.push(fs);
                    while let Some((_, x)) = next.filter(|x| x.0 < fe) {
                        prev = Some(x);
                        next = chars.next();
                    }
                    continue;
                }
            }
            let g = match c {
                '(' | '（' => gloss_bytes(text.get(at..).unwrap_or("")),
                _ => 0,
            };
            if g > 0 {
                while let Some((_, x)) = next.filter(|x| x.0 < at + g) {
                    prev = Some(x);
                    next = chars.next();
                }
                continue;
            }
            next = chars.next();
            let mut f = normalise_char(c);
            // "负增长0.94%.(二)…": an ASCII full stop after words or a percent ends the
            // sentence as 。 does (not in 1.5, nor in a Latin abbreviation)
            if f == '.' {
                let after = next.map(|x| x.1);
                let prev_ok =
                    prev.is_some_and(|c| super::normalise::is_cjk(c) || c == '%' || c == '％');
                if prev_ok && !after.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    f = '。';
                }
            }
            prev = Some(c);
            if f.is_whitespace() || f == '*' {
                continue;
            }
            // "与2010年决算数相比,,2011年…": a comma doubled (in text copied from the web)
            // separates no empty clause
            if f == ',' && toks.last() == Some(&Tok::Ch(',')) {
                continue;
            }
            toks.push(Tok::Ch(f));
            offs.push(at);
        }
        let inner = soften_parenthesised_stops(doc, &mut toks);
        let mut p = Prose {
            index,
            para,
            toks,
            offs,
            mentions: Vec::new(),
            inner,
        };
        p.mentions = p.classify_all(doc);
        for m in &mut p.mentions {
            m.inner = p.inner.get(m.at).copied().unwrap_or(false);
        }
        adjusted_names(&mut p.mentions);
        budget_before_final(&mut p.mentions);
        p.name_respectively();
        p
    }

    /// "中央预算单位、地方预算单位政府采购规模分别为2666.3亿元和30400.7亿元": each amount of a
    /// 分别为 list takes the name in its place before 分别, not the words before its own
    /// figure (the last name for the first, "和" for the second). So does one of a list after
    /// a bare 为 or 是 ("环境服务、文化体育服务为106.59亿元、17.24亿元") when the names before it
    /// are as many as the amounts.
    fn name_respectively(&mut self) {
        let mut k = 0;
        while let Some(head) = self.mentions.get(k) {
            let n = self
                .mentions
                .get(k..)
                .unwrap_or(&[])
                .iter()
                .take_while(|m| m.list == k && m.kind == Kind::Level)
                .count();
            let lead = head.lead.as_str();
            // ("收、支总计各是 X1、X2" is read by position where it is used)
            let bare = !lead.ends_with("各为") && !lead.ends_with("各是");
            if n >= 2 && bare && (lead.ends_with('为') || lead.ends_with('是')) {
                // the names: back from the list to the clause's start (past 、)
                let mut from = head.at;
                while let Some(Tok::Ch(c)) = from.checked_sub(1).and_then(|j| self.toks.get(j)) {
                    if *c != '、' && ends_clause(*c) {
                        break;
                    }
                    from -= 1;
                }
                let words = self.chars_from(from, head.at - from);
                let names = words
                    .find("分别")
                    .or_else(|| words.len().checked_sub('为'.len_utf8()))
                    .and_then(|i| words.get(..i));
                if let Some(names) = names.and_then(|w| split_names(w, n)) {
                    for (m, name) in self.mentions.iter_mut().skip(k).zip(names) {
                        m.label = label_of(&name);
                    }
                }
            }
            k += n.max(1);
        }
    }

    fn classify_all(&self, doc: &Document) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        // "4125.49、4143.91万元": a figure listed before one with a unit takes that unit
        // (kept per figure token, in order: `list_unit[k]` for the `k`-th)
        let figs: Vec<usize> = (0..self.toks.len())
            .filter(|&at| matches!(self.toks.get(at), Some(Tok::Fig(_))))
            .into_vec();
        let mut list_unit: Vec<Option<&'static str>> = vec![None; figs.len()];
        for (k, &at) in figs.iter().enumerate().rev() {
            let (Some(Tok::Fig(id)), Some(Tok::Ch(sep)), Some(Tok::Fig(next))) = (
                self.toks.get(at),
                self.toks.get(at + 1),
                self.toks.get(at + 2),
            ) else {
                continue;
            };
            if !matches!(sep, '、' | ',') {
                continue;
            }
            let (Some(f), Some(n)) = (doc.figure(*id), doc.figure(*next)) else {
                continue;
            };
            if f.unit.is_none() && !f.number.percent && !n.number.percent {
                // the figure at `at + 2` is the next figure token, the `k + 1`-th
                let u = n.unit.or_else(|| list_unit.get(k + 1).copied().flatten());
                if let Some(slot) = list_unit.get_mut(k) {
                    *slot = u;
                }
            }
        }
        let mut fig_k = 0; // how many figure tokens came before
        let (mut sentence, mut semi) = (0, 0);
        // the lead (the words between the previous clause boundary and a figure) and the
        // words since the previous figure are token ranges, made into strings only at a
        // figure; `lead_last` is the lead's last character
        let (mut lead_from, mut since_from) = (0, 0);
        // where the words about the next figure may begin: after the last figure or stop
        let mut words_from = 0;
        let mut lead_last: Option<char> = None;
        let chars = |from: usize, to: usize| {
            self.toks
                .get(from..to)
                .unwrap_or(&[])
                .iter()
                .filter_map(|t| match t {
                    Tok::Ch(c) => Some(*c),
                    Tok::Fig(_) => None,
                })
        };
        for (at, t) in self.toks.iter().enumerate() {
            match *t {
                Tok::Ch(c) => {
                    let ends = stop(c);
                    // "占,88.19%": a comma after 占 does not end its clause; nor does the 、
                    // of "收、支总计" (one name: 财政拨款收、支总计 is not a 支总计)
                    // nor that of a parenthesis opened since the last stop or figure, naming
                    // what a name covers: 县(市、区), 市级(市本级、三区) are one name each (a
                    // list's items inside one, "(A 1 万元、B 2 万元)", follow a figure)
                    let joined = c == '、'
                        && (lead_last == Some('收')
                            && matches!(self.toks.get(at + 1), Some(Tok::Ch('支')))
                            || self.inner.get(at) == Some(&true)
                                && self.toks.get(lead_from..at).is_some_and(|ts| {
                                    let open =
                                        ts.iter().rposition(|t| matches!(t, Tok::Ch('(' | '（')));
                                    let close =
                                        ts.iter().rposition(|t| matches!(t, Tok::Ch(')' | '）')));
                                    open > close
                                }));
                    if ends >= 1 && !(lead_last == Some('占') && matches!(c, ',' | ':')) && !joined
                    {
                        lead_from = at + 1;
                        lead_last = None;
                    } else {
                        lead_last = Some(c);
                    }
                    if ends == 3 {
                        sentence += 1;
                        words_from = at + 1;
                    }
                    if ends >= 2 {
                        semi += 1;
                    }
                }
                Tok::Fig(id) => {
                    let k = fig_k;
                    fig_k += 1;
                    let Some(f) = doc.figure(id) else { continue };
                    let unit = f.unit.or_else(|| list_unit.get(k).copied().flatten());
                    // "增收4,376万" (元 left out, or the page cut there): 万 after an amount
                    // at the end of a clause is 万元
                    let unit = unit.or_else(|| {
                        let wan = matches!(self.toks.get(at + 1), Some(Tok::Ch('万')));
                        let after = self.toks.get(at + 2);
                        let ends = match after {
                            None => true,
                            Some(Tok::Ch(c)) => ends_clause(*c) || matches!(c, '(' | '（'),
                            Some(Tok::Fig(_)) => false,
                        };
                        (wan && ends && !f.number.percent).then_some("万元")
                    });
                    let next = match self.toks.get(at + 1) {
                        Some(Tok::Ch(c)) => Some(*c),
                        _ => None,
                    };
                    let mut lead = String::with_capacity(3 * at.saturating_sub(lead_from));
                    lead.extend(chars(lead_from, at));
                    let mut kind = classify(&lead, f.number.percent, unit, next);
                    // "比上年减少 300 万元，同比下降-20%": the minus repeats 下降, and the rate is
                    // read as "增长 -20%" is (a fall of 20%)
                    if kind == Kind::Rate(-1) && f.number.value.is_sign_negative() {
                        kind = Kind::Rate(1);
                    }
                    // "50 万元以上": a threshold, not an amount
                    if self.word_after(at, &["以上", "以下", "以内", "左右", "及以上"]) {
                        kind = Kind::Other;
                    }
                    // "A、B 和 C", "A 及 B": the conjunction before the last item
                    let mut since = chars(since_from, at);
                    let since = (since.next(), since.next(), since.next());
                    let listed = matches!(lead.as_str(), "" | "和" | "及" | "与" | "以及")
                        && matches!(
                            since,
                            (Some('、' | ',' | '和' | '及' | '与'), None, None)
                                | (Some('以'), Some('及'), None)
                                | (Some('、' | ','), Some('和'), None)
                                | (Some('、'), Some('及'), None)
                        )
                        && out.last().is_some_and(|m| {
                            m.percent == f.number.percent && same_family(m.unit, unit)
                        });
                    if listed {
                        if let Some(prev) = out.last() {
                            kind = prev.kind;
                        }
                    }
                    // "较上年减少1.5万元(42.86%)": the rate of the change right before it
                    if let Some(Kind::Change(d)) = out.last().map(|m| m.kind) {
                        let bare = lead
                            .trim_start_matches(&['万', '亿', '元'][..])
                            .strip_prefix(&['(', '（'][..])
                            .is_some_and(str::is_empty);
                        if bare && f.number.percent && kind == Kind::Other {
                            kind = Kind::Rate(d);
                        }
                    }
                    // "因公出国(境)费、公务用车购置及运行费和公务接待费的财政拨款预算数": the
                    // three items together are the “三公”经费 (the list's commas cut the lead)
                    let mut label = label_of(&lead);
                    if lead.contains("公务接待费") {
                        // (the lead is the end of these words)
                        let words: String = chars(words_from, at).collect();
                        let lead_start = words.len().saturating_sub(lead.len());
                        if let Some(end) = sangong_spelled(&words) {
                            // the list reaches into the lead: the figure's own words
                            if end > lead_start {
                                let rest = words.get(end..).unwrap_or("");
                                let rest = label_of(rest.strip_prefix('的').unwrap_or(rest));
                                label = ["三公经费", &rest].concat();
                            }
                        }
                    }
                    out.push(Mention {
                        fig: id,
                        at,
                        kind,
                        label,
                        lead,
                        unit,
                        percent: f.number.percent,
                        sentence,
                        semi,
                        listed,
                        inner: false,
                        scope: Scope::default(),
                        list: if listed {
                            out.last().map_or(out.len(), |m| m.list)
                        } else {
                            out.len()
                        },
                    });
                    lead_from = at + 1;
                    since_from = at + 1;
                    words_from = at + 1;
                    lead_last = None;
                }
            }
        }
        out
    }

    /// The length of each mention's list, by the index of its first mention (0 elsewhere).
    pub fn list_lengths(&self) -> Vec<usize> {
        let mut len = vec![0; self.mentions.len()];
        for m in &self.mentions {
            if let Some(l) = len.get_mut(m.list) {
                *l += 1;
            }
        }
        len
    }

    /// Whether one of the words follows token `at` directly.
    pub fn word_after(&self, at: usize, words: &[&str]) -> bool {
        // as `chars_from(at + 1, 4).starts_with(w)`, token by token without the string
        words.iter().any(|w| {
            w.chars()
                .enumerate()
                .all(|(k, c)| k < 4 && self.toks.get(at + 1 + k) == Some(&Tok::Ch(c)))
        })
    }

    /// Up to `n` characters from token `from`, stopping at a figure.
    pub fn chars_from(&self, from: usize, n: usize) -> String {
        // (room for n characters of three bytes, the CJK ones: no growing on the way)
        let mut s = String::with_capacity(3 * n.min(self.toks.len().saturating_sub(from)));
        for t in self.toks.iter().skip(from).take(n) {
            match t {
                Tok::Ch(c) => s.push(*c),
                Tok::Fig(_) => break,
            }
        }
        s
    }

    /// The normalised characters between two token indices (figures as `#`).
    pub fn text_between(&self, from: usize, to: usize) -> String {
        let toks = self.toks.get(from..to.min(self.toks.len())).unwrap_or(&[]);
        // room for three bytes a character (collecting chars reserves one each, and the
        // text is mostly CJK: it grew two or three times per call)
        let mut s = String::with_capacity(3 * toks.len());
        s.extend(toks.iter().map(|t| match t {
            Tok::Ch(c) => *c,
            Tok::Fig(_) => '#',
        }));
        s
    }

    /// The normalised words of the clause before token `at`, back to the last clause stop
    /// (figures as `#`).
    pub fn clause_text_before(&self, at: usize) -> String {
        let start = self
            .toks
            .get(..at)
            .unwrap_or(&[])
            .iter()
            .rposition(|t| matches!(t, Tok::Ch(c) if ends_clause(*c)))
            .map_or(0, |k| k + 1);
        self.text_between(start, at)
    }

    /// How many clause stops (see [`ends_clause`]) stand between token indices `from` and
    /// `to`: how many commas or semicolons apart two figures are.
    pub fn stops_between(&self, from: usize, to: usize) -> usize {
        let toks = self.toks.get(from..to.min(self.toks.len())).unwrap_or(&[]);
        toks.iter()
            .filter(|t| matches!(t, Tok::Ch(c) if ends_clause(*c)))
            .count()
    }

    /// Whether `word` (no figure in it) is printed between token indices `from` and `to`:
    /// `text_between(from, to).contains(word)` without the string.
    pub fn has_between(&self, from: usize, to: usize, word: &str) -> bool {
        let mut rest = word.chars();
        let Some(first) = rest.next() else {
            return true;
        };
        let toks = self.toks.get(..to.min(self.toks.len())).unwrap_or(&[]);
        (from..toks.len()).any(|i| {
            toks.get(i) == Some(&Tok::Ch(first))
                && rest
                    .clone()
                    .enumerate()
                    .all(|(k, c)| toks.get(i + 1 + k) == Some(&Tok::Ch(c)))
        })
    }

    /// "在收入拨款中，", "在项目支出当中，", "从政府采购结构来看，" or "按政府采购资金类型划分，"
    /// at token `i`: the words naming the amount whose parts follow (收入拨款, 项目支出,
    /// 政府采购结构, 政府采购), as 其中 follows its total. Two to twelve Chinese characters
    /// between 在 and 中 (当中, 之中), between 从 and 看 (来看) or between 按 and a kind of
    /// division (资金类型划分, 来源划分…), then a comma or a colon (the words and the token
    /// after the comma, where the list begins); None otherwise.
    pub fn among_opener(&self, i: usize) -> Option<(String, usize)> {
        let ends: &[&str] = match self.toks.get(i) {
            Some(Tok::Ch('在')) => &["当中", "之中", "中"],
            Some(Tok::Ch('从')) => &["来看", "看"],
            // "按政府采购资金类型划分，": the amount divided is named before its kind of
            // division (政府采购)
            Some(Tok::Ch('按')) => &[
                "资金类型划分",
                "项目类型划分",
                "资金来源划分",
                "资金性质划分",
                "类型划分",
                "来源划分",
                "性质划分",
            ],
            _ => return None,
        };
        let mut name = String::new();
        let mut k = i + 1;
        loop {
            match self.toks.get(k) {
                Some(Tok::Ch(',' | '，' | ':' | '：')) => break,
                Some(Tok::Ch(c)) if ('\u{4e00}'..='\u{9fff}').contains(c) && k < i + 16 => {
                    name.push(*c)
                }
                _ => return None,
            }
            k += 1;
        }
        let name = ends.iter().find_map(|end| name.strip_suffix(end))?;
        (2..=12)
            .contains(&name.chars().count())
            .then(|| (name.to_string(), k + 1))
    }

    /// "分中央和地方看，中央一般公共预算收入 A 亿元，…；地方…B 亿元" with 分 at token `i`,
    /// opening its clause: the words of the division (中央和地方; 级次 in "分级次来看"), at
    /// most [`DIVISION_CHARS`] Chinese characters between 分 and (来)看, then a comma or a
    /// colon; None otherwise. Like 其中, it lists the parts of the amount before it.
    pub fn division(&self, i: usize) -> Option<String> {
        if self.toks.get(i) != Some(&Tok::Ch('分')) {
            return None;
        }
        let opens = i == 0 || matches!(self.toks.get(i - 1), Some(Tok::Ch(c)) if ends_clause(*c));
        if !opens {
            return None;
        }
        let mut words = String::new();
        for k in i + 1..=i + DIVISION_CHARS + 3 {
            match self.toks.get(k) {
                Some(Tok::Ch(',' | '，' | ':' | '：')) => {
                    let w = words.strip_suffix('看')?;
                    let w = w.strip_suffix('来').unwrap_or(w);
                    return (1..=DIVISION_CHARS)
                        .contains(&w.chars().count())
                        .then(|| w.to_string());
                }
                Some(Tok::Ch(c)) if ('\u{4e00}'..='\u{9fff}').contains(c) => words.push(*c),
                _ => return None,
            }
        }
        None
    }

    /// "财政拨款支出预算中，一般公共预算拨款支出预算 A 万元，…" with 中 at token `i`: the
    /// words before it naming the amount whose parts follow (财政拨款支出预算), as
    /// [`Prose::among_opener`] gives them: four to sixteen Chinese characters back to the
    /// last stop, figure or bracket (quotation marks dropped), not 其中 nor 在…中, then a
    /// comma or a colon; None otherwise.
    pub fn named_among(&self, i: usize) -> Option<(String, usize)> {
        if self.toks.get(i) != Some(&Tok::Ch('中'))
            || !matches!(self.toks.get(i + 1), Some(Tok::Ch(',' | '，' | ':' | '：')))
        {
            return None;
        }
        let mut name: Vec<char> = Vec::new();
        let mut k = i;
        while k > 0 && i - k <= 32 {
            match self.toks.get(k - 1) {
                Some(Tok::Ch(c)) if ('\u{4e00}'..='\u{9fff}').contains(c) => name.push(*c),
                Some(Tok::Ch('“' | '”' | '"' | '「' | '」')) => {}
                _ => break,
            }
            k -= 1;
        }
        name.reverse();
        let name: String = name.into_iter().collect();
        // "2019年“三公”经费…决算中，": the year's 年 is not part of the name
        let after_year = k > 0 && matches!(self.toks.get(k - 1), Some(Tok::Fig(_)));
        let name = if after_year {
            let n = name
                .strip_prefix("年度")
                .or_else(|| name.strip_prefix('年'));
            n.map_or(name.clone(), str::to_string)
        } else {
            name
        };
        ((4..=24).contains(&name.chars().count()) && !name.starts_with('在'))
            .then_some((name, i + 2))
    }

    /// "…财政拨款预算 79.69 亿元中，因公出国(境)费 21.36 亿元，…": 中 right after an amount
    /// of money (its unit read with it), before a comma or colon, opens the list of that
    /// amount's parts as 其中 does.
    pub fn amount_among(&self, i: usize) -> bool {
        if self.toks.get(i) != Some(&Tok::Ch('中'))
            || !matches!(self.toks.get(i + 1), Some(Tok::Ch(',' | '，' | ':' | '：')))
            || i == 0
        {
            return false;
        }
        self.money_at(i - 1)
    }

    /// Whether an amount of money is the mention at token `at`.
    fn money_at(&self, at: usize) -> bool {
        let k = self.mentions.partition_point(|m| m.at < at);
        self.mentions
            .get(k)
            .is_some_and(|m| m.at == at && is_money(m.unit))
    }

    /// Whether an amount of money and a comma or colon come right before token `i`
    /// ("50.48億，" before 包括).
    pub fn amount_then_stop(&self, i: usize) -> bool {
        if i < 2 || !matches!(self.toks.get(i - 1), Some(Tok::Ch(',' | '，' | ':' | '：'))) {
            return false;
        }
        self.money_at(i - 2)
    }

    /// Whether `word` starts at token `i`.
    pub fn word_at(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.toks.get(i + k) == Some(&Tok::Ch(c)))
    }

    /// Token indices where `word` starts.
    pub fn find_all(&self, word: &str) -> Vec<usize> {
        let Some(first) = word.chars().next() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, t) in self.toks.iter().enumerate() {
            // the first character tested on its own: most tokens go no further
            if *t == Tok::Ch(first) && self.word_at(i, word) {
                out.push(i);
            }
        }
        out
    }

    /// The whole sentence (as printed) around token `at`, for the report.
    pub fn full_sentence(&self, at: usize) -> String {
        // bounded like sentence_text: the report shows 160 characters of it
        let floor = at.saturating_sub(2 * CONTEXT_TOKENS);
        let mut start = at;
        while start > floor {
            match self.toks.get(start - 1) {
                Some(Tok::Ch(c)) if ends_sentence(*c) => break,
                _ => start -= 1,
            }
        }
        let end = self.sentence_end_within(at, at.saturating_add(4 * CONTEXT_TOKENS));
        self.span_text(start, end + 1)
    }

    /// The printed text of tokens `from..to`, shortened for the report.
    fn span_text(&self, from: usize, to: usize) -> String {
        let a = self.offs.get(from).copied().unwrap_or(0);
        let b = self.offs.get(to).copied().unwrap_or(self.para.text.len());
        let s = self.para.text.get(a..b).unwrap_or("").trim();
        // the first 160 characters, copied at once
        match s.char_indices().nth(160) {
            Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or(s)),
            None => s.to_string(),
        }
    }

    /// The sentence (as printed) around token `at`, up to the end of its clause group or
    /// the reasons given, for the report.
    pub fn sentence_text(&self, at: usize) -> String {
        // at most CONTEXT_TOKENS back and forth: the context is shown cut to 160 characters,
        // and walking a whole 1 MB "sentence" for each of its figures would be quadratic
        let floor = at.saturating_sub(CONTEXT_TOKENS);
        let mut start = at;
        while start > floor {
            match self.toks.get(start - 1) {
                Some(Tok::Ch(c)) if ends_sentence(*c) => break,
                _ => start -= 1,
            }
        }
        // to the end of the sentence, or of the clause group, or up to the reasons given
        let mut end = at;
        let ceiling = at.saturating_add(CONTEXT_TOKENS);
        while let Some(t) = self.toks.get(end).filter(|_| end < ceiling) {
            if matches!(t, Tok::Ch('主')) && self.chars_from(end, 4) == "主要原因" {
                break;
            }
            end += 1;
            if matches!(t, Tok::Ch(c) if ends_semi(*c)) {
                break;
            }
        }
        self.span_text(start, end)
    }

    /// The words of the sentence before the one holding `at` (at most `max` tokens back).
    pub fn previous_sentence(&self, at: usize, max: usize) -> String {
        let floor = at.saturating_sub(max);
        let is_end = |k: usize| matches!(self.toks.get(k), Some(Tok::Ch(c)) if ends_sentence(*c));
        let mut e = at;
        while e > floor && !is_end(e - 1) {
            e -= 1;
        }
        if e <= floor {
            return String::new();
        }
        let end = e - 1;
        let mut s = end;
        while s > floor && !is_end(s - 1) {
            s -= 1;
        }
        self.text_between(s, end)
    }

    /// Token index of the end of the sentence holding `at`, or `limit` if that comes
    /// first: the walk never goes past `limit`.
    pub fn sentence_end_within(&self, at: usize, limit: usize) -> usize {
        let mut k = at;
        while k < limit {
            match self.toks.get(k) {
                Some(Tok::Ch(c)) if ends_sentence(*c) => return k,
                Some(_) => k += 1,
                None => return k,
            }
        }
        limit
    }

    /// The mention of figure `fig` in this paragraph (mentions are in the order of their
    /// figures).
    pub fn mention(&self, fig: FigId) -> Option<&Mention> {
        self.mentions
            .get(self.mentions.binary_search_by_key(&fig, |m| m.fig).ok()?)
    }

    /// Token index of the end of the sentence holding `at` (the 。 itself, or the end).
    pub fn sentence_end(&self, at: usize) -> usize {
        let mut k = at;
        while let Some(t) = self.toks.get(k) {
            if matches!(t, Tok::Ch(c) if ends_sentence(*c)) {
                return k;
            }
            k += 1;
        }
        self.toks.len()
    }
}

/// How far a parenthesis is looked at for its closing bracket, in tokens.
const PAREN_REACH: usize = 160;

/// "用车费 500 万元(购置费 100 万元，比上年增加 0 万元；运行费 400 万元。)比上年增加 0 万元":
/// a stop inside a parenthesis that closes soon after ends neither the sentence nor its
/// clause group, only a clause (,). An unclosed bracket changes nothing. Returns, per
/// token, whether it is inside such a parenthesis.
fn soften_parenthesised_stops(doc: &Document, toks: &mut [Tok]) -> Vec<bool> {
    let mut inner = vec![false; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        if !matches!(toks.get(i), Some(Tok::Ch('(' | '（'))) {
            i += 1;
            continue;
        }
        let mut depth = 0usize;
        let mut close = None;
        for (k, t) in toks.iter().enumerate().skip(i).take(PAREN_REACH) {
            match t {
                Tok::Ch('(' | '（') => depth += 1,
                Tok::Ch(')' | '）') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        close = Some(k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else {
            i += 1;
            continue;
        };
        // "开支(826 亿元)增加了 1.9 亿元": a bracket holding an amount of money alone restates
        // the amount of the words before it, which the sentence goes on about
        if let Some([Tok::Fig(f)]) = toks.get(i + 1..close) {
            if is_money(doc.figure(*f).and_then(|x| x.unit)) {
                i = close + 1;
                continue;
            }
        }
        for (t, flag) in toks
            .iter_mut()
            .zip(inner.iter_mut())
            .take(close)
            .skip(i + 1)
        {
            *flag = true;
            if matches!(t, Tok::Ch(c) if ends_semi(*c)) {
                *t = Tok::Ch(',');
            }
        }
        i = close + 1;
    }
    inner
}

/// Every paragraph of running text, read.
pub fn read_all(doc: &Document) -> Vec<Prose<'_>> {
    doc.paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.heading && !p.figures.is_empty() || p.text.contains("其中"))
        .filter(|(_, p)| !p.heading)
        .map(|(i, p)| Prose::read(doc, i, p))
        .into_vec()
}

/// Standard breakdowns: a list of parts is the whole of its total when every part is
/// named by one of a family's stems and at least `min` different stems are named.
const FAMILIES: &[(&[&str], usize)] = &[
    // "公务用车保有量 2 辆，购置及运行维护费 5 万元": the car item named by its costs alone;
    // "车辆运行费 28.91 万元" beside 公务接待费 and 因公出国(境)费 (a district office's 2015
    // final accounts): by a word of its own ("|" separates a stem's words)
    (&["出国", "公务用车|公车|车辆", "接待", "购置及运行"], 3),
    (&["购置", "运行"], 2),
    (&["人员经费", "公用经费"], 2),
    (
        &[
            "基本支出",
            "项目支出",
            "上缴上级支出",
            "经营支出",
            "对附属单位补助支出",
        ],
        2,
    ),
    (
        &[
            "财政拨款收入",
            "上级补助收入",
            "事业收入",
            "经营收入",
            "附属单位上缴收入",
            "其他收入",
        ],
        2,
    ),
    (&["货物", "工程", "服务"], 3),
    // the three kinds of transfers from above: 返还性, 一般性 and 专项
    (&["返还性收入", "一般性转移支付", "专项转移支付"], 3),
    // 政府采购 is organised either centrally or not: 集中采购 + 分散采购
    (&["集中采购", "分散采购"], 2),
    // 一般公共预算收入 (and 财政总收入) = 税收收入 + 非税收入, by definition
    (&["税收收入", "非税收入"], 2),
    (&["行政", "事业", "离休", "退休", "工勤", "在职"], 2),
];

/// Whether a label names a stem of [`FAMILIES`] (any of its words).
fn names_stem(label: &str, stem: &str) -> bool {
    stem.split('|').any(|w| label.contains(w))
}

/// Whether parts with these labels make up the whole of their total: a standard
/// breakdown, or a list closed by a catch-all "其他…" part.
pub fn complete(labels: &[String]) -> bool {
    if labels.len() < 2 {
        return false;
    }
    if labels.iter().any(|l| l.starts_with("其他")) {
        return true;
    }
    FAMILIES.iter().any(|(stems, min)| {
        let mut seen = Vec::new();
        for l in labels {
            let Some(s) = stems.iter().find(|s| names_stem(l, s)) else {
                return false;
            };
            if !seen.contains(s) {
                seen.push(s);
            }
        }
        seen.len() >= *min
    })
}

/// Whether the words of an "在…中" opener (收入拨款) name the amount labelled `label`
/// (本年度财政拨款收入): the label holds them, or at least two of their two-character words
/// and half of them.
fn names_same_amount(name: &str, label: &str) -> bool {
    if label.contains(name) {
        return true;
    }
    let chars: Vec<char> = name.chars().into_vec();
    let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).into_vec();
    let shared = pairs.iter().filter(|w| label.contains(w.as_str())).count();
    shared >= 2 && shared * 2 >= pairs.len()
}

/// Categories that never overlap, each named by any of its stems: parts naming different
/// categories of one family are disjoint, so a selection of them adds up to at most its
/// total even when some categories are not listed.
const DISJOINT: &[&[&[&str]]] = &[
    &[&["出国"], &["公务用车", "公车", "车辆"], &["接待"]],
    &[&["基本支出"], &["项目支出"]],
    &[&["人员经费"], &["公用经费"]],
    &[&["货物"], &["工程"], &["服务"]],
    &[&["税收收入"], &["非税收入"]],
    // the two ways a treasury pays (国库集中支付)
    &[&["直接支付"], &["授权支付"]],
];

/// Whether the labels name different categories of one family (see [`DISJOINT`]).
pub fn disjoint(labels: &[String]) -> bool {
    labels.len() >= 2
        && DISJOINT.iter().any(|family| {
            let mut seen: Vec<usize> = Vec::new();
            labels.iter().all(|l| {
                let hits: Vec<usize> = family
                    .iter()
                    .enumerate()
                    .filter(|(_, stems)| stems.iter().any(|s| l.contains(s)))
                    .map(|(k, _)| k)
                    .into_vec();
                match hits.as_slice() {
                    [k] if !seen.contains(k) => {
                        seen.push(*k);
                        true
                    }
                    _ => false,
                }
            })
        })
}

/// A total and the parts a 其中 lists for it.
#[derive(Debug, Clone)]
pub struct Breakdown {
    /// The total.
    pub total: FigId,
    /// The total's label (for a budget record, the line's name, not "决算数").
    pub total_label: String,
    /// The parts with their labels.
    pub parts: Vec<(FigId, String)>,
    /// The parts are the whole breakdown (not a selection).
    pub complete: bool,
    /// Paragraph of the 其中.
    pub para: usize,
    /// Token index of the 其中 in that paragraph.
    pub at: usize,
    /// The sentence, for the report.
    pub context: String,
    /// Parts numbered 1, 2, 3… (or （一）（二）…, 一、二、…) in the sentences after a "如下"
    /// (`numbered_lists`): the words of each run to the next. The list may break down any amount its head names,
    /// or only its first items may: every relation drawn from it is reported only when it
    /// holds, and no check takes a part's total from it.
    pub numbered: bool,
}

fn is_code(doc: &Document, m: &Mention) -> bool {
    doc.figure(m.fig).is_some_and(|f| {
        m.unit.is_none()
            && !f.number.percent
            && f.number.scale == 0
            && matches!(f.raw.len(), 3 | 5 | 7)
            && f.raw.bytes().all(|b| b.is_ascii_digit())
    })
}

/// The leading amount of a paragraph that starts with a label and a figure ("人员经费
/// 5867.07 万元，…", "2010301 行政运行 5886.92 万元；"), with its label.
fn leading_part(doc: &Document, p: &Prose<'_>) -> Option<(FigId, String, Option<&'static str>)> {
    let mut ms = p.mentions.iter();
    let mut m = ms.next()?;
    if is_code(doc, m) && m.at == 0 {
        m = ms.next()?;
    }
    let first_clause = p.text_between(0, m.at);
    let clean = first_clause.trim_start_matches('#');
    let ok = m.kind == Kind::Level
        && !clean.is_empty()
        && clean.chars().count() <= 30
        && !clean.chars().any(ends_clause);
    ok.then(|| (m.fig, m.label.clone(), m.unit))
}

/// "其中：政府集中采购预算 A 元，占…；主要原因是…。分散采购 B 元，…", "其中:因公出国(境)费
/// 支出0万元。公务用车购置费支出 A 万元,…;公务用车运行维护费支出 B 万元,…。公务接待费支出
/// C 万元,…" (a county's 2019 三公 report): a breakdown whose parts so far (up to token
/// `end`) are not the whole set goes on into the sentences after it (no further than
/// `limit`, the next 其中, and [`LIST_SENTENCES`] sentences), each part opening its
/// sentence or a clause after a ；, while the parts stay within one standard set. They are
/// added only when they make the breakdown whole.
fn whole_past_its_sentence(
    p: &Prose<'_>,
    end: usize,
    limit: usize,
    unit: Option<&'static str>,
    parts: &mut Vec<Part>,
) {
    let mut labels: Vec<String> = parts.iter().map(|x| x.1.clone()).into_vec();
    let mut more: Vec<Part> = Vec::new();
    let mut at = end;
    let mut sentences = 0;
    // (the car item given by its halves is whole only with both: "出国 A。购置费 B。接待 C。
    // 运行费 D" is not done at 接待)
    let whole = |labels: &[String]| {
        let half = |w: &str| labels.iter().any(|l| l.contains(w) && !whole_car(l));
        complete(labels) && half("购置") == half("运行")
    };
    // (sentences of reasons between them are not counted: "其中:公务接待费 638 万元,…。主要原因
    // 是…。因公出国(境)经费 62 万元,…。主要原因是…。公务用车购置费 …", a city's 2024 三公
    // budget; at most two in a row)
    let mut reasons_in_a_row = 0;
    while !labels.is_empty() && !whole(&labels) && at + 1 < limit {
        if sentences >= LIST_SENTENCES || reasons_in_a_row > 2 {
            return;
        }
        let next_end = p.sentence_end_within(at + 1, limit);
        let mut found = false;
        // the sentence's start, then the token after each ；in it
        let mut from = at + 1;
        while from < next_end {
            let k = p.mentions.partition_point(|m| m.at < from);
            let Some(m) = p.mentions.get(k).filter(|m| m.at < next_end) else {
                break;
            };
            if !opens_with_part(p, from, m, unit) {
                if found {
                    break;
                }
                return;
            }
            found = true;
            labels.push(m.label.clone());
            more.push((m.fig, m.label.clone(), m.unit));
            // (a catch-all 其他… closes any list)
            if whole(&labels) {
                break;
            }
            if !one_set(&labels) {
                return;
            }
            match (m.at..next_end)
                .find(|&q| matches!(p.toks.get(q), Some(Tok::Ch(c)) if ends_semi(*c)))
            {
                Some(q) => from = q + 1,
                None => break,
            }
        }
        // a sentence of reasons, no amount in it, is passed over
        let reasons = p.word_at(at + 1, "主要原因") || p.word_at(at + 1, "原因");
        if found {
            sentences += 1;
            reasons_in_a_row = 0;
        } else if reasons {
            reasons_in_a_row += 1;
        } else {
            return;
        }
        at = next_end;
    }
    if whole(&labels) {
        parts.extend(more);
    }
}

/// "基本支出预算 881300.39 元,…。其中:工资福利支出预算 716052.51 元,占…。商品和服务支出预算
/// 165247.88 元,占…。" (a unit's 2023 budget): the amounts opening the sentences after a
/// breakdown's own (no further than `limit` and [`LIST_SENTENCES`] sentences), in its parts'
/// unit and named in a few words of their own, up to the first sentence that opens
/// otherwise (a sentence of reasons is passed over). Parts of no standard set may be
/// listed so; whether they are all of them, the words do not say, so a breakdown with them
/// is said only where it adds up ([`Breakdown::numbered`]).
fn parts_past_its_sentence(
    p: &Prose<'_>,
    end: usize,
    limit: usize,
    unit: Option<&'static str>,
) -> Vec<Part> {
    let mut more = Vec::new();
    let mut at = end;
    for _ in 0..LIST_SENTENCES {
        if at + 1 >= limit {
            break;
        }
        let next_end = p.sentence_end_within(at + 1, limit);
        // ("…。本项目共完成预算资金89.97万元。其中:…": the sentence right before the next
        // 其中 names that one's total)
        if next_end + 1 >= limit && limit < p.toks.len() {
            break;
        }
        let k = p.mentions.partition_point(|m| m.at <= at);
        let opening = p
            .mentions
            .get(k)
            .filter(|m| m.at < next_end && opens_with_part(p, at + 1, m, unit));
        match opening {
            Some(m) => more.push((m.fig, m.label.clone(), m.unit)),
            None if p.word_at(at + 1, "主要原因") || p.word_at(at + 1, "原因") => {}
            None => break,
        }
        at = next_end;
    }
    more
}

/// Whether the clause from token `from` opens with `m` as a part in `unit`: a level, no
/// other amount before it, named in a few words of its own.
fn opens_with_part(p: &Prose<'_>, from: usize, m: &Mention, unit: Option<&'static str>) -> bool {
    let lead = p.text_between(from, m.at);
    m.kind == Kind::Level
        && !m.inner
        && same_family(m.unit, unit)
        && lead.chars().count() <= 30
        && !lead.chars().any(ends_clause)
        // ("…。另从省级福利彩票公益金中安排 0.3 亿元，用于…": money from elsewhere)
        && !FROM_ELSEWHERE.iter().any(|w| lead.trim_start().starts_with(w))
}

/// Whether parts found past a 其中's sentence ([`parts_past_its_sentence`]) may go on the
/// list of `parts` under `total_label`: not after parts of a standard set, which
/// [`whole_past_its_sentence`] follows as far as they go; no classification line ("基本支出
/// …。住房保障支出(类)…(项)支出…" is a functional line beside an economic one); and on the
/// total's side ("失业保险费收入…。本年支出 450 亿元" is the fund's other side, not a part of
/// its income).
fn tentative_fits(total_label: &str, parts: &[Part], tentative: &[Part]) -> bool {
    let coded = |l: &str| {
        ["类)", "类）", "款)", "款）", "项)", "项）"]
            .iter()
            .any(|w| l.contains(w))
    };
    let side = super::scope::facets(total_label).side;
    !parts.iter().chain(tentative).any(|x| coded(&x.1))
        && !parts.iter().any(|a| {
            FAMILIES
                .iter()
                .any(|(stems, _)| stems.iter().any(|st| names_stem(&a.1, st)))
        })
        && !tentative.iter().any(|x| {
            side.is_some_and(|s| super::scope::facets(&x.1).side.is_some_and(|o| o != s))
                || next_tier(total_label, &x.1)
                || other_half(total_label, &x.1)
        })
}

/// Whether a label names the car item whole (公务用车购置及运行费), not one of its halves.
fn whole_car(label: &str) -> bool {
    label.contains("购置及运行") || label.contains("购置和运行")
}

/// How many sentences after its own a breakdown's list is followed into.
const LIST_SENTENCES: usize = 4;

/// Whether every label names a category of one standard set ([`FAMILIES`]), each once,
/// and the car item is not named both whole (购置及运行费) and by its halves.
pub fn one_set(labels: &[String]) -> bool {
    let half = |l: &String| !whole_car(l) && (l.contains("购置") || l.contains("运行"));
    let mut seen: Vec<&String> = Vec::new();
    labels.iter().all(|l| {
        let new = !seen.contains(&l);
        seen.push(l);
        new
    }) && !(labels.iter().any(|l| whole_car(l)) && labels.iter().any(half))
        && FAMILIES.iter().any(|(stems, _)| {
            labels
                .iter()
                .all(|l| stems.iter().any(|s| names_stem(l, s)))
        })
}

/// Whether a part's label names a sibling of the amount labelled `total`: a stem of a
/// standard set ([`FAMILIES`]) whose other stems the total names, the total not naming
/// that one (公务接待费 beside 公务用车购置及运行维护费; 项目支出 beside 基本支出); a half of
/// the car item (公务用车购置费) names only stems its whole names, so is none.
fn sibling_of(total: &str, part: &str) -> bool {
    FAMILIES.iter().any(|(stems, _)| {
        stems.iter().any(|s| names_stem(total, s))
            && stems
                .iter()
                .any(|s| names_stem(part, s) && !names_stem(total, s))
    })
}

/// Whether only the ends of sentences stand between tokens `a` and `b` (a 其中 opening the
/// sentence after the one ending at `a`).
fn adjoins(p: &Prose<'_>, a: usize, b: usize) -> bool {
    (a..b).all(
        |k| matches!(p.toks.get(k), Some(Tok::Ch(c)) if ends_sentence(*c) || c.is_whitespace()),
    )
}

/// "其中：因公出国（境）费…；公务用车购置及运行维护费支出决算为 27.46 万元，…；其中：公务用车
/// 购置支出决算为 0 万元，…；公务用车运行维护费支出决算为 27.46 万元，…；公务接待费支出决算为
/// 22.59 万元，…。" (the template of the 部门决算 三公 note): a 其中 at `q` lists the parts of
/// the amount just before it (in its sentence, or in the sentence before when it opens its
/// own) up to `end`, or only up to the first amount of its kind after its first part that
/// names a sibling of that amount ([`sibling_of`]): the mention where the list it stands in
/// goes on. (A list whose first part names a sibling is not cut: the amount's label is then
/// the tail of a longer name, "出国、车辆购置及运行费、公务接待费支出合计".)
fn sibling_after(p: &Prose<'_>, q: usize, end: usize) -> Option<usize> {
    if !p.word_at(q, "其中") {
        return None;
    }
    let lo = p.mentions.partition_point(|m| m.at <= q);
    let total = p
        .mentions
        .get(..lo)?
        .iter()
        .rev()
        .find(|m| matches!(m.kind, Kind::Level | Kind::Final) && is_money(m.unit) && !m.inner)
        .filter(|m| {
            let e = p.sentence_end_within(m.at, q);
            e == q || adjoins(p, e, q)
        })?;
    let mut parts = p
        .mentions
        .get(lo..)?
        .iter()
        .take_while(|m| m.at < end)
        .filter(|m| m.kind == total.kind && is_money(m.unit) && !m.inner);
    // (a first part in a clause group after the 其中's, "其中购置费为零;公务接待费…", is past a
    // list stated in words)
    let first = parts.next()?;
    if sibling_of(&total.label, &first.label) {
        let past = p.text_between(q, first.at).contains(&[';', '；'][..]);
        return past.then_some(first.at);
    }
    parts
        .find(|m| sibling_of(&total.label, &m.label))
        .map(|m| m.at)
}

/// Parts that name two or more years, grouped by year (each group in order), with the
/// item's name for a part named only by its year ("2015年预算 12.5" under "1、公务接待费").
fn year_groups(p: &Prose<'_>, parts: &[Part]) -> Option<Vec<(i64, Vec<Part>)>> {
    let mut groups: Vec<(i64, Vec<Part>)> = Vec::new();
    let mut item = String::new();
    for part in parts {
        let k = p.mentions.binary_search_by_key(&part.0, |m| m.fig).ok()?;
        let m = p.mentions.get(k)?;
        let year = m.scope.year?;
        // the item's name: the words before the year figure that opens the part
        let name = k
            .checked_sub(1)
            .and_then(|j| p.mentions.get(j))
            .filter(|y| y.kind == Kind::Year)
            .map(|y| {
                label_of(
                    y.lead
                        .trim_start_matches(|c: char| c.is_ascii_digit() || "、.．".contains(c)),
                )
            })
            .unwrap_or_default();
        if !name.is_empty() {
            item = name;
        }
        let label = if item.is_empty() {
            part.1.clone()
        } else {
            format!("{item}{}", part.1)
        };
        match groups.iter_mut().find(|g| g.0 == year) {
            Some(g) => g.1.push((part.0, label, part.2)),
            None => groups.push((year, vec![(part.0, label, part.2)])),
        }
    }
    (groups.len() >= 2 && groups.iter().all(|g| g.1.len() >= 2)).then_some(groups)
}

/// Whether the tokens at `at` are the item number `n` of a list ("2、", "2.").
fn numbered_item(doc: &Document, p: &Prose<'_>, at: usize, n: u32) -> bool {
    matches!(item_marker(doc, p, at), Some((Marker::Digits, k, _)) if k == n)
}

/// The number of the item ("1.", "2、") token `q` is in: one opening a clause of the clause
/// group `q` is in, looked for back to the group's start (；, 。) or [`ITEM_REACH`] tokens.
fn item_open_at(doc: &Document, p: &Prose<'_>, q: usize) -> Option<u32> {
    let floor = q.saturating_sub(ITEM_REACH);
    let mut k = q;
    while k > floor {
        k -= 1;
        match p.toks.get(k.checked_sub(1)?) {
            Some(Tok::Ch(c)) if stop(*c) >= 1 => {
                if let Some((Marker::Digits, n, _)) = item_marker(doc, p, k) {
                    return Some(n);
                }
                if stop(*c) >= 2 {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

/// How far back [`item_open_at`] looks, in tokens.
const ITEM_REACH: usize = 200;

/// How many sentences one numbered item of a 其中 list may run to before the next item.
const ITEM_OWN_SENTENCES: usize = 4;

/// How many mentions back a 其中 looks for its total.
const LOOK_BACK_MENTIONS: usize = 12;
/// How far back an amount named by "…决算中，" is looked for beyond that: at most this many
/// mentions, over at most this many paragraphs before the opener's.
const FAR_MENTIONS: usize = 96;
const FAR_PARAGRAPHS: usize = 8;

/// A part as read: figure, label, unit.
type Part = (FigId, String, Option<&'static str>);

/// What [`region_parts`] reads: the parts, the sub-lists of parts (each with its parent),
/// and how many parts came before a semicolon that follows parts listed by commas (some
/// parts may come after it, or none).
type RegionParts = (Vec<Part>, Vec<(Part, Vec<Part>)>, Option<usize>);

/// The parts a 其中 lists between `q` and `end`: one amount per clause at the top level,
/// and, for a part followed by a parenthesis, the amounts inside it as that part's own
/// breakdown ("公务用车购置及运行费 28 万元(购置费 0 万元,运行维护费 28 万元)") — never as
/// further parts of the outer total. The parts are the amounts of `kind` (levels, or the
/// final figures of a list of final figures).
fn region_parts(
    p: &Prose<'_>,
    q: usize,
    end: usize,
    region: &[&Mention],
    kind: Kind,
) -> RegionParts {
    let mut parts: Vec<Part> = Vec::new();
    // "其中:一般公共预算拨款204.51万元,…,其他收入0万元;上年结转结余资金29.81万元" (a school's
    // 2022 budget): parts listed by commas, then a semicolon: what follows may be beside the
    // total, not in it (the count of parts before it; a semicolon between the first parts
    // makes semicolons the list's own separators)
    let mut semicolons = false;
    let mut switched: Option<usize> = None;
    let mut nested: Vec<(Part, Vec<Part>)> = Vec::new();
    let mut sub: Vec<Part> = Vec::new();
    let mut clause = 0usize;
    let mut depth = 0usize;
    let mut last_clause = None;
    // "其中，县本级新增一般债券 2.54 亿元，用于公路建设 1.42 亿元，…，其他 0.94 亿元；县本级新增
    // 专项债券 8.77 亿元，用于…" (a county's 2023 debt report, hbnz.gov.cn): what an item is
    // used for, to the end of its clause group, breaks that item down as a bracket does
    let mut using = false;
    // "其中,安排1.6億元(另從土地出讓金安排2.8億元,共計4.4億元)" (a provincial budget report):
    // a parenthesis opening with 另 states money besides the part, no breakdown of it
    let mut aside = false;
    let mut next = region.iter().peekable();
    let close = |sub: &mut Vec<Part>, parts: &[Part], nested: &mut Vec<(Part, Vec<Part>)>| {
        if sub.len() >= 2 {
            if let Some(parent) = parts.last() {
                nested.push((parent.clone(), std::mem::take(sub)));
            }
        }
        sub.clear();
    };
    for at in q + 1..end {
        match p.toks.get(at) {
            Some(Tok::Ch(c)) => {
                if ends_clause(*c) {
                    clause += 1;
                }
                if depth == 0 && matches!(c, ';' | '；') {
                    // ("…;2.上级补助收入…": a semicolon before a numbered item separates items)
                    let item = opens_item(p, at + 1)
                        || matches!(
                            (p.toks.get(at + 1), p.toks.get(at + 2)),
                            (Some(Tok::Ch(n)), Some(Tok::Ch('、'))) if super::outline::CN_DIGITS.contains(*n)
                        );
                    if !using && parts.len() >= 2 && !semicolons && !item {
                        switched.get_or_insert(parts.len());
                    }
                    semicolons = true;
                }
                if using && depth == 0 && ends_semi(*c) {
                    close(&mut sub, &parts, &mut nested);
                    using = false;
                }
                if matches!(c, '(' | '（') {
                    if depth == 0 {
                        aside = besides_at(p, at + 1);
                    }
                    depth += 1;
                } else if matches!(c, ')' | '）') && depth > 0 {
                    depth -= 1;
                    if depth == 0 {
                        if aside {
                            sub.clear();
                        }
                        close(&mut sub, &parts, &mut nested);
                        aside = false;
                    }
                }
            }
            Some(Tok::Fig(_)) => {
                let Some(m) = next.next_if(|m| m.at == at) else {
                    continue;
                };
                if m.kind != kind || per_head(&m.lead) {
                    continue;
                }
                // "7个县(区)公共财政预算收入共完成851,064万元" (a city's 2013 report): a count
                // before a part's name, with the part's amount in its clause, is no part
                if !is_money(m.unit)
                    && next
                        .peek()
                        .is_some_and(|n| is_money(n.unit) && p.stops_between(at, n.at) == 0)
                {
                    continue;
                }
                if depth == 0
                    && !using
                    && !parts.is_empty()
                    && (names_use(&m.lead) || use_colon_before(p, q, at))
                {
                    using = true;
                }
                // "一般转移支付收入1478万元(含…212万元,专项转移支付收入406万元)": the other half
                // of the item is its sibling, the bracket closed too late
                if depth > 0 && parts.last().is_some_and(|x| other_half(&x.1, &m.label)) {
                    close(&mut sub, &parts, &mut nested);
                    last_clause = Some(clause);
                    parts.push((m.fig, m.label.clone(), m.unit));
                    continue;
                }
                if depth > 0 && aside {
                    continue;
                }
                if depth > 0 || using {
                    sub.push((m.fig, m.label.clone(), m.unit));
                    continue;
                }
                if last_clause == Some(clause) {
                    continue; // one part per clause
                }
                last_clause = Some(clause);
                parts.push((m.fig, m.label.clone(), m.unit));
            }
            None => break,
        }
    }
    close(&mut sub, &parts, &mut nested);
    (parts, nested, switched)
}

/// Whether the clause of the figure at token `at` follows "包括:" (用于:, 含:) on its own
/// ("1、基本支出173.89万元,包括:人员经费支出161.57万元,公用经费支出12.23万元;2、…", a
/// township's 2015 budget): the lead of the figure starts after the colon. Not looked at
/// before token `from`.
fn use_colon_before(p: &Prose<'_>, from: usize, at: usize) -> bool {
    let clause_start = |mut k: usize| {
        while k > from && !matches!(p.toks.get(k - 1), Some(Tok::Ch(c)) if ends_clause(*c)) {
            k -= 1;
        }
        k
    };
    let k0 = clause_start(at);
    if k0 <= from || !matches!(p.toks.get(k0 - 1), Some(Tok::Ch(':' | '：'))) {
        return false;
    }
    let k1 = clause_start(k0 - 1);
    let words = p.text_between(k1, k0 - 1);
    words.chars().count() <= 6 && names_use(&words)
}

/// Whether an amount's words open what the amount before it is used for ("用于公路建设",
/// "主要用于…") or holds ("财政拨款收入 751.8 万元，占…9.7%，包括一般公共预算收入 751.8 万元；
/// 其他收入 7000 万元", a town's 2022 budget, shangyou).
fn names_use(lead: &str) -> bool {
    let s = lead.trim_start_matches(&[',', '，', '：', ':'][..]);
    let s = ["主要", "全部", "分别", "其中"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s);
    s.starts_with("用于") || s.starts_with("包括") || s.starts_with("含")
}

/// Whether a budget's lead words name it as the budget of the amount just before it
/// ("占年初预算 8465 万元的 41.5%", "完成年初预算数 60999 万元的 40.4%"), not a line of
/// its own.
pub fn names_budget_of_part(lead: &str) -> bool {
    lead.contains('占') || lead.starts_with("完成") || lead.starts_with("为")
}

/// A 预算数 stated as an amount of its own, as a budget disclosure states its figures
/// ("“三公”经费预算数为 100 万元"): not the budget a part is completed or shared against
/// ("完成年初预算数 100 万元的 90%") nor last year's.
pub fn budget_stated(p: &Prose<'_>, m: &Mention) -> bool {
    m.kind == Kind::Budget
        && !names_budget_of_part(&m.lead)
        && !m.lead.contains("完成")
        && !compared(p, m)
}

/// "A、B 和 C" (before 分别) split into its `n` names: by 、 and commas, and, when one name
/// is missing, at the one 和/及/与/以及 of the last (a name may hold 和 itself: "商品和服务
/// 支出" is split only when that makes the counts agree).
fn split_names(names: &str, n: usize) -> Option<Vec<String>> {
    let mut split: Vec<String> = names.split(&['、', ','][..]).map(str::to_string).into_vec();
    if split.len() + 1 == n {
        // the conjunction before the last name: only when there is one place it can be
        let last = split.pop()?;
        let cuts: Vec<(usize, usize)> = last
            .char_indices()
            .filter(|(_, c)| matches!(c, '和' | '及' | '与'))
            .map(|(i, c)| {
                let w = c.len_utf8();
                // 以及 is one conjunction
                if c == '及' && last.get(..i).is_some_and(|b| b.ends_with('以')) {
                    (i - '以'.len_utf8(), w + '以'.len_utf8())
                } else {
                    (i, w)
                }
            })
            .into_vec();
        let [(at, len)] = cuts.as_slice() else {
            return None;
        };
        split.push(last.get(..*at)?.to_string());
        split.push(last.get(at + len..)?.to_string());
    }
    (split.len() == n && split.iter().all(|s| !s.is_empty())).then_some(split)
}

/// "其中：A、B 和 C 分别为 a 万元、b 万元和 c 万元": the names listed from token `from` up
/// to 分别 paired by position with the amounts listed after it, when there are as many of
/// each. A name
/// may hold 和 itself ("商品和服务支出"): only the last 和/及/与 is taken as the list's,
/// and only when that makes the counts agree.
fn respectively_parts(p: &Prose<'_>, from: usize, region: &[&Mention]) -> Option<Vec<Part>> {
    let words = p.chars_from(from, 80);
    let k = words.find("分别")?;
    let names = words.get(..k)?.trim_start_matches(&[':', '：', ','][..]);
    let first = region.first()?;
    let list: Vec<&&Mention> = region
        .iter()
        .take_while(|m| m.list == first.list && m.kind == Kind::Level)
        .into_vec();
    let n = list.len();
    if n < 2 {
        return None;
    }
    // the amounts come right after 分别为/分别是, in one list
    let lead = first.lead.as_str();
    if !(lead.ends_with("分别为") || lead.ends_with("分别是")) {
        return None;
    }
    let split = split_names(names, n)?;
    let unit = first.unit;
    if !list.iter().all(|m| same_family(m.unit, unit)) {
        return None;
    }
    Some(
        list.iter()
            .zip(split)
            .map(|(m, name)| (m.fig, label_of(&name), m.unit))
            .into_vec(),
    )
}

/// The whole name of a final figure named by its stage alone after its budget: "“三公”经费
/// 支出预算为 246 万元，支出决算为 167.37 万元" — 167.37 is the “三公”经费支出决算; and of a
/// budget named by its stage alone after the amounts of the same thing: "…和公务接待费的财政
/// 拨款预算数 2711.65 万元、决算数 2488.79 万元，2011年预算数 2687.06 万元" — 2687.06 is the
/// “三公经费”财政拨款预算数 of 2011.
pub fn record_name(p: &Prose<'_>, m: &Mention) -> Option<String> {
    let k = p.mentions.binary_search_by_key(&m.at, |x| x.at).ok()?;
    let stem_of = |label: &str| {
        ["年初预算数", "年初预算", "全年预算", "预算数", "预算"]
            .iter()
            .find_map(|w| label.strip_suffix(w))
            .map(|stem| stem.strip_suffix("支出").unwrap_or(stem).to_string())
    };
    match m.kind {
        Kind::Final if FINAL_STAGES.contains(&m.label.as_str()) => {
            let budget = p.mentions.get(k.checked_sub(1)?)?;
            if budget.sentence != m.sentence || !matches!(budget.kind, Kind::Budget | Kind::Level) {
                return None;
            }
            let stem = stem_of(&budget.label)?;
            Some(format!("{stem}{}", m.label))
        }
        Kind::Budget if BUDGET_STAGES.contains(&m.label.as_str()) => {
            // back over the years and the other stages before it to the amount that names
            // what they are of (in its sentence or one before: "…预算数 2711.65 万元。2011年
            // 预算数 2687.06 万元")
            let named = p.mentions.get(..k)?.iter().rev().find(|x| {
                x.kind != Kind::Year
                    && !FINAL_STAGES.contains(&x.label.as_str())
                    && !BUDGET_STAGES.contains(&x.label.as_str())
            })?;
            if named.inner {
                return None;
            }
            let stem = stem_of(&named.label).filter(|s| !s.is_empty())?;
            Some(format!("{stem}{}", m.label))
        }
        _ => None,
    }
}

/// Labels that name a final figure by its stage alone.
const FINAL_STAGES: [&str; 4] = ["支出决算", "决算", "决算数", "支出决算数"];

/// Labels that name a budget by its stage alone.
const BUDGET_STAGES: [&str; 2] = ["预算数", "预算"];

/// Whether the amount `m` is the one compared with, last year's: its clause names a
/// comparison before it ("较2024年的 2190 万元", "比2023年收入预算 8000 万元", 去年).
pub fn compared(p: &Prose<'_>, m: &Mention) -> bool {
    let words = clause_before(p, m);
    // (上年结转, 上年结余: this year's amount carried over from the last)
    let last_year = words.match_indices("上年").any(|(k, _)| {
        !words
            .get(k + "上年".len()..)
            .is_some_and(|r| r.starts_with("结转") || r.starts_with("结余"))
    });
    last_year
        || ["去年", "比", "较", "同期"]
            .iter()
            .any(|w| words.contains(w))
        || compared_around(p, m, &words).is_some()
}

/// The words of `m`'s clause before it (at most [`PAREN_REACH`] tokens).
fn clause_before(p: &Prose<'_>, m: &Mention) -> String {
    let floor = m.at.saturating_sub(PAREN_REACH);
    let from = (floor..m.at)
        .rev()
        .find(|&k| matches!(p.toks.get(k), Some(Tok::Ch(c)) if ends_clause(*c)))
        .map_or(floor, |k| k + 1);
    p.text_between(from, m.at)
}

/// "与2018年决算 1000 万元相比，增加 200 万元": where `m` is the amount a clause opened by 与
/// (同, 和, 跟) and closed by 相比 (相较, 比较, 对比) compares with, the words naming it
/// after 与 ("#年决算", figures as `#`).
pub fn compared_base(p: &Prose<'_>, m: &Mention) -> Option<String> {
    compared_around(p, m, &clause_before(p, m)).map(str::to_string)
}

/// [`compared_base`], given `before`, the clause's words before `m`.
fn compared_around<'w>(p: &Prose<'_>, m: &Mention, before: &'w str) -> Option<&'w str> {
    let base = before.strip_prefix(&['与', '同', '和', '跟'][..])?;
    let to = (m.at + 1..m.at + 1 + PAREN_REACH)
        .find(|&k| match p.toks.get(k) {
            None => true,
            Some(Tok::Ch(c)) => ends_clause(*c),
            Some(Tok::Fig(_)) => false,
        })
        .unwrap_or(m.at + 1 + PAREN_REACH);
    let after = p.text_between(m.at + 1, to);
    ["相比", "相较", "比较", "对比"]
        .iter()
        .any(|w| after.contains(w))
        .then_some(base)
}

/// Whether the words from token `from` to the end of their clause name a topic ("企业国有
/// 资产方面"), not an amount: no figure, at most [`TOPIC_CHARS`] characters, ending in 方面.
fn topic_after(p: &Prose<'_>, from: usize) -> bool {
    let from = from
        + p.toks
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|t| matches!(t, Tok::Ch(c) if ends_clause(*c)))
            .count();
    let words: String = p
        .toks
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take(TOPIC_CHARS + 1)
        .map_while(|t| match t {
            Tok::Ch(c) if !ends_clause(*c) => Some(*c),
            _ => None,
        })
        .collect();
    words.chars().count() <= TOPIC_CHARS && words.ends_with("方面")
}

/// The longest topic [`topic_after`] reads after 其中.
const TOPIC_CHARS: usize = 16;

/// The longest division [`Prose::division`] reads ("分中央和地方看").
const DIVISION_CHARS: usize = 8;

/// Whether a division's words name its parts one by one, each part's label starting with
/// one name in turn: "分中央和地方看，中央…收入 A；地方…收入 B" divides the whole into
/// these parts and no others.
fn division_named(words: &str, labels: &[String]) -> bool {
    let names: Vec<&str> = words.split(&['和', '与', '及', '、'][..]).into_vec();
    names.len() >= 2
        && names.len() == labels.len()
        && names
            .iter()
            .zip(labels)
            .all(|(n, l)| !n.is_empty() && l.starts_with(n))
}

/// Finds every 其中 breakdown in the text. `prose` is [`read_all`]'s output.
pub fn breakdowns(doc: &Document, prose: &[Prose<'_>]) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (pi, p) in prose.iter().enumerate() {
        // "…支出 2940.05 万元，主要用于以下方面：一般公共服务支出（类）2106.66 万元，占
        // 71.73%；…" lists the parts of the amount before it as 其中 does; once per
        // paragraph: a list of classification lines names its 科目 (one walk for the four)
        let mut hits = Vec::new();
        // (where the paragraph first names classification lines: the lists after it)
        let mut coded_from: Option<usize> = None;
        for (i, t) in p.toks.iter().enumerate() {
            match t {
                Tok::Ch('其') if p.word_at(i, "其中") => hits.push(i),
                Tok::Ch('用') if p.word_at(i, "用于以下方面") => hits.push(i),
                Tok::Ch('在' | '从' | '按') if p.among_opener(i).is_some() => hits.push(i),
                Tok::Ch('中') if p.named_among(i).is_some() || p.amount_among(i) => hits.push(i),
                // "…经费决算数 2364 万元。分项情况是：因公出国(境)经费 12 万元，…"
                Tok::Ch('分')
                    if ["分项情况", "分项：", "分项:"]
                        .iter()
                        .any(|w| p.word_at(i, w))
                        || p.division(i).is_some() =>
                {
                    hits.push(i)
                }
                // "…收入9265.21万元,具体为:国有土地使用权出让金收入1375.05万元,…" (a town's
                // 2024 report), "可用财力为50582万元,具体构成如下:…"
                Tok::Ch('具') if p.word_at(i, "具体为") || p.word_at(i, "具体构成") => {
                    hits.push(i)
                }
                // "補助及協助收入編列50.48億，包括中央一般性補助款17.56億元、…" (a Miaoli county
                // budget report): 包括 right after an amount and its comma lists its parts
                // (not inside a list open in its sentence: "其中:财政拨款收入751.8万元,包括一般
                // 公共预算收入751.8万元;其他收入7000万元;…" stays the 其中's list, and
                // "其中：人员经费 5867.07 万元，包括：基本工资、…" names kinds of spending)
                Tok::Ch('包')
                    if p.word_at(i, "包括")
                        && p.amount_then_stop(i)
                        && hits.last().is_none_or(|&h| p.sentence_end(h) <= i) =>
                {
                    hits.push(i)
                }
                Tok::Ch('功' | '科')
                    if coded_from.is_none()
                        && (p.word_at(i, "功能分类") || p.word_at(i, "科目")) =>
                {
                    coded_from = Some(i)
                }
                _ => {}
            }
        }
        let inner = |k: usize| p.inner.get(k).copied().unwrap_or(false);
        let (items, reasons) = if hits.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            items_and_reasons(p)
        };
        // a 其中 inside a parenthesis ("用车费 X 万元（其中：购置费 A，运行费 B），…") belongs
        // to the amount before the parenthesis: when an outer 其中's region holds it, the
        // outer one reads it as that part's own breakdown; otherwise its region ends at
        // the closing bracket
        let mut covered_until = 0;
        // the regions read so far (from their opener to their end)
        let mut regions: Vec<(usize, usize)> = Vec::new();
        // the divisions read so far ("分结构看:…"): their region, total and its name
        let mut divisions: Vec<(usize, usize, &Mention, String)> = Vec::new();
        for (hi, &q) in hits.iter().enumerate() {
            // "其中：其中：" — the second one opens the list
            if hits.get(hi + 1).is_some_and(|&n| n <= q + 4) {
                continue;
            }
            // "其中,企业国有资产方面,…资产总额 A,负债总额 B;金融类企业国有资产方面,…": a
            // topic is divided, not an amount (the amounts are of several kinds)
            if p.word_at(q, "其中") && topic_after(p, q + 2) {
                continue;
            }
            // "在收入拨款中，" / "从…来看，": the words naming the total, and where the list begins
            let opener = p.among_opener(q).or_else(|| p.named_among(q));
            let next_hit = if inner(q) {
                if q < covered_until {
                    continue;
                }
                (q..p.toks.len())
                    .find(|&k| !inner(k))
                    .unwrap_or(p.toks.len())
            } else {
                hits.get(hi + 1..)
                    .unwrap_or(&[])
                    .iter()
                    .copied()
                    .find(|&n| !inner(n))
                    .unwrap_or(p.toks.len())
            };
            let mut end = p.sentence_end_within(q, next_hit);
            // "…其中地方一般公共预算收入 271630 万元,…;加上级补助收入 120846 万元,…,收入合计
            // 514601 万元": what is added after the list is no part of the 其中's total
            if let Some(k) = (q + 3..end).find(|&k| adds_at(p, k)) {
                end = k;
            }
            // "其中,安排1.6亿元,用于…;另从土地出让金安排2.8亿元": money 另 brings from
            // elsewhere is no part of the list's total either (另有 may go on with the list:
            // "共购置5辆…其中大中型客车2辆…;小型客车1辆…;另有小轿车2辆")
            // (nor does the list go on past its sentence)
            let mut besides = false;
            if let Some(k) = (q + 3..end).find(|&k| {
                !inner(k)
                    && from_elsewhere_at(p, k)
                    && k.checked_sub(1).is_some_and(
                        |b| matches!(p.toks.get(b), Some(Tok::Ch(c)) if ends_clause(*c)),
                    )
            }) {
                end = k;
                besides = true;
            }
            // "机关编制56人,其中:行政编制24人,事业编制32人;本部门2021年年末实有人数76人,…" (a
            // town's 2022 budget): a clause after a semicolon that names its year before its
            // amount states something of its own, no further part of the list
            if let Some(k) = (q + 3..end).find(|&k| !inner(k) && dated_statement_at(p, k)) {
                end = k;
            }
            // "…债券收入 78400 万元,其中:新增债券收入 15000 万元,…置换债券收入 43400 万元,收入
            // 合计 474230 万元" (a county's 2015 final accounts): the total of the list the 其中
            // stands in closes it
            if let Some(m) = p
                .mentions
                .get(p.mentions.partition_point(|m| m.at <= q)..)
                .unwrap_or(&[])
                .iter()
                .take_while(|m| m.at < end)
                .find(|m| closes_list(m))
            {
                end = m.at;
            }
            // "1.一般公共預算收入45,034萬元,…,其中稅收分成收入21,043萬元、非稅收入23,991萬元;
            // 2.上級補助收入5,355萬元,…" (a town's 2024 half-year report): a 其中 inside a
            // numbered item ends where the next item begins
            if let Some(n) = item_open_at(doc, p, q) {
                if let Some(k) = (q + 2..end).find(|&k| {
                    numbered_item(doc, p, k, n + 1)
                        && k.checked_sub(1).is_some_and(
                            |b| matches!(p.toks.get(b), Some(Tok::Ch(c)) if stop(*c) >= 2),
                        )
                }) {
                    end = k;
                }
            }
            // "由三部分构成:一是…收入 2454 万元,其中税收收入 974 万元…;二是上级财政补助收入
            // 3292 万元,…": a 其中 inside the first item ends where the second begins
            if let Some(n) = items.get(q).copied().flatten() {
                if let Some(k) = (q + 2..end).find(|&k| enumerated_at(p, k) == Some(n + 1)) {
                    end = k;
                }
            }
            // a 其中 inside this one's list: where that one's list ends at a sibling of the
            // part it breaks down, this one's list goes on from there to its sentence's end
            let mut resumed: Option<usize> = None;
            if (end == next_hit || adjoins(p, end, next_hit))
                && next_hit < p.toks.len()
                && !inner(q)
            {
                let after = hits
                    .iter()
                    .copied()
                    .find(|&n| n > next_hit && !inner(n))
                    .unwrap_or(p.toks.len());
                let nested_end = p.sentence_end_within(next_hit, after);
                if let Some(from) = sibling_after(p, next_hit, nested_end) {
                    resumed = Some(from);
                    end = nested_end;
                }
            } else if let Some(sibling) = sibling_after(p, q, end) {
                end = sibling;
            }
            if !inner(q) {
                covered_until = end;
            }
            // "其中:1、…。2、…。": numbered items go on over their sentences, an item over a
            // few of its own ("3.事业收入 8257.3 万元,为…收入。较上年增加 518.65 万元,…。4.其他
            // 收入 0 万元。"); another heading or number ends the list
            let mut item = 1u32;
            if (q + 2..q + 5).any(|k| numbered_item(doc, p, k, item)) {
                'items: while end < next_hit {
                    let mut k = end;
                    for _ in 0..ITEM_OWN_SENTENCES {
                        if numbered_item(doc, p, k + 1, item + 1) {
                            item += 1;
                            end = p.sentence_end_within(k + 1, next_hit);
                            continue 'items;
                        }
                        if k + 1 >= next_hit
                            || item_marker(doc, p, k + 1).is_some()
                            || opens_item(p, k + 1)
                        {
                            break;
                        }
                        k = p.sentence_end_within(k + 1, next_hit);
                    }
                    break;
                }
            }
            regions.push((q, end));
            // the mentions of the region, found by position (mentions are in order): the
            // work per 其中 is its own region, never the whole paragraph
            let lo = p.mentions.partition_point(|m| m.at <= q);
            let hi_m = p.mentions.partition_point(|m| m.at < end);
            // a heading inside the paragraph ends the region ("…0.94%.(二)支出情况:"): the
            // region keeps to the section of the amount before it in its sentence, or, when
            // it opens its sentence, of its first amount (a heading may stand between the
            // sentence before and it: "…35.2%。二、…具体情况说明 2019年“三公”经费…决算中，");
            // a year has no section of its own
            let not_year = |m: &&Mention| m.kind != Kind::Year;
            let last_before = p
                .mentions
                .get(..lo)
                .and_then(|b| b.iter().rev().find(not_year));
            let first_after = p
                .mentions
                .get(lo..hi_m)
                .and_then(|a| a.iter().find(not_year));
            let section = match (last_before, first_after) {
                (Some(b), Some(a)) if b.sentence != a.sentence => Some(a.scope.section),
                (Some(b), _) => Some(b.scope.section),
                (None, a) => a.map(|a| a.scope.section),
            };
            let region: Vec<&Mention> = p
                .mentions
                .get(lo..hi_m)
                .unwrap_or(&[])
                .iter()
                // (a year's mention, "比2024年预算减少…", has no scope of its own)
                .take_while(|m| {
                    section.is_none_or(|s| m.scope.section == s || m.kind == Kind::Year)
                })
                // "其中:…转移性收入调整为 443105 万元,调增 102620 万元,主要是调增上级补助收入
                // 83620 万元、…": amounts among the reasons for a change explain it, they
                // are no parts of the total
                .filter(|m| !reasons.get(m.at).copied().unwrap_or(false))
                // (the nested list's own parts are not this one's)
                .filter(|m| resumed.is_none_or(|from| m.at < next_hit || m.at >= from))
                .into_vec();
            // budget records ("预算数 X，决算数 Y"): the budget-variance check reads them; a
            // budget named after 占 ("占年初预算 8465 万元的 41.5%") belongs to its part
            let record_budget = |m: &&Mention| {
                m.kind == Kind::Budget
                    && !names_budget_of_part(&m.lead)
                    // ("其中：土地出让收入由年初预算的 65000 万元调整为 35000 万元": the
                    // part's budget before its adjustment, not a budget record)
                    && !adjusted_from(&m.lead)
                    // ("…，较上年度法定预算数 141.68 亿元，减少 91.2 亿元": last year's
                    // budget is the base of a change, not a record)
                    && !names_a_past_year(&m.lead)
            };
            // "其中：因公出国（境）费支出决算为 0 万元；公务用车购置及运行费支出决算为 15 万元；…":
            // a list of final figures and nothing else is a list of parts; each may carry its
            // change on last year and the budget it completes ("…支出决算为 26.46 万元，完成
            // 预算 29.6 万元的 89.4%，比上年决算减少 3.00 万元，下降 10.7%；…", the template
            // of the 部门决算 三公 note)
            let finals = region.iter().any(|m| m.kind == Kind::Final)
                && region.iter().all(|m| {
                    matches!(m.kind, Kind::Final | Kind::Change(_))
                        || (!is_money(m.unit) || m.kind == Kind::Budget) && !record_budget(m)
                });
            if !finals
                && region
                    .iter()
                    .any(|m| matches!(m.kind, Kind::Final | Kind::Variance) || record_budget(m))
            {
                continue;
            }
            let part_kind = if finals { Kind::Final } else { Kind::Level };
            let (mut parts, nested, mut switched) = region_parts(p, q, end, &region, part_kind);
            // the names of a 分别为 list start after 其中 or after the opener's comma
            let names_from = opener.as_ref().map_or(q + 2, |(_, list)| *list);
            if let Some(listed) = respectively_parts(p, names_from, &region) {
                parts = listed;
                switched = None;
            }
            for (parent, sub) in nested {
                let labels: Vec<String> = sub.iter().map(|x| x.1.clone()).into_vec();
                out.push(Breakdown {
                    total: parent.0,
                    total_label: parent.1.clone(),
                    complete: complete(&labels),
                    parts: sub.into_iter().map(|x| (x.0, x.1)).into_vec(),
                    para: p.index,
                    at: q,
                    context: p.full_sentence(q),
                    numbered: false,
                });
            }
            // "…6996.36 万元，其中：" or "其中：人员经费 5867.07 万元，包括…。" ends the
            // paragraph: the (other) parts lead the paragraphs that follow
            if parts.len() <= 1 && end + 1 >= p.toks.len() {
                let own = parts.len();
                let mut last = p.index;
                let mut codes = None;
                for next in prose.iter().skip(pi + 1) {
                    if next.index != last + 1 {
                        break;
                    }
                    // a list of classification lines goes on while lines carry codes;
                    // another list stops once it is a whole breakdown
                    let coded = next.mentions.first().is_some_and(|m| is_code(doc, m));
                    if *codes.get_or_insert(coded) != coded {
                        break;
                    }
                    match leading_part(doc, next) {
                        Some(part) if parts.first().is_none_or(|f| same_family(f.2, part.2)) => {
                            parts.push(part);
                        }
                        _ => break,
                    }
                    last = next.index;
                    if !coded && complete(&parts.iter().map(|x| x.1.clone()).into_vec()) {
                        break;
                    }
                }
                let labels: Vec<String> = parts.iter().map(|x| x.1.clone()).into_vec();
                if codes != Some(true) && !complete(&labels) {
                    parts.truncate(own);
                }
            }
            let Some(unit) = parts.first().map(|x| x.2) else {
                continue;
            };
            parts.retain(|x| same_family(x.2, unit));
            let own_parts = parts.len();
            if !besides {
                whole_past_its_sentence(p, end, next_hit, unit, &mut parts);
            }
            // (where they did not make it whole, the sentences after it that open with an
            // amount may still be its parts: said only where they add up)
            let tentative = if parts.len() == own_parts && !inner(q) && is_money(unit) && !besides {
                parts_past_its_sentence(p, end, next_hit, unit)
            } else {
                Vec::new()
            };
            // "其中:1、公务接待费2016年预算8万元,2015年预算12.5万元;…2、…": parts of two
            // years are two breakdowns, each of the total of its own year
            if let Some(groups) = year_groups(p, &parts) {
                let before = p.mentions.get(..lo).unwrap_or(&[]);
                for (year, gparts) in groups {
                    let total = before.iter().rev().take(LOOK_BACK_MENTIONS).find(|m| {
                        m.kind == Kind::Level
                            && m.scope.year == Some(year)
                            && same_family(m.unit, unit)
                    });
                    let Some(total) = total else { continue };
                    let labels: Vec<String> = gparts.iter().map(|x| x.1.clone()).into_vec();
                    out.push(Breakdown {
                        total: total.fig,
                        total_label: total.label.clone(),
                        complete: complete(&labels),
                        parts: gparts.into_iter().map(|x| (x.0, x.1)).into_vec(),
                        para: p.index,
                        at: q,
                        context: p.full_sentence(q),
                        numbered: false,
                    });
                }
                continue;
            }
            // the total: the nearest amount before the 其中 in the paragraph, in the unit
            // of the parts; or the last amount of the paragraph before, when the 其中 has
            // nothing before it
            let before = p.mentions.get(..lo).unwrap_or(&[]);
            // "分项情况是：" follows a budget or final amount too ("“三公”经费决算数 2364 万元。
            // 分项情况是：因公出国(境)经费 12 万元，…"); a 其中 after one lists the record's
            // own budget lines ([`records`])
            let division = p.division(q);
            let by_item = p.word_at(q, "分项") || division.is_some();
            // ("2019年支出决算为 1200 万元，其中：基本支出…" lists the parts of a final amount)
            let total_kind =
                |k: Kind| matches!(k, Kind::Level | Kind::Final) || by_item && k == Kind::Budget;
            // "按政府采购资金类型划分，…" divides the amount it names, and "财政拨款支出预算中，…"
            // lists the parts of the one it names, wherever that is in the paragraph before
            // it: the nearest amount named by those words and at most a stage or a year
            // ("政府采购预算", not "政府集中采购预算" nor, for "按支出类型划分", "人员经费支出")
            // ("…预算 79.69 亿元中，…" names no amount: it follows one, as 其中 does)
            let divided = opener.is_some() && matches!(p.toks.get(q), Some(Tok::Ch('按' | '中')));
            // the total was found outside the 其中's own paragraph, or far back in it
            let mut far = false;
            // the total's whole name, where its label names only its stage
            let mut record_label: Option<String> = None;
            let total = if divided {
                let name = opener.as_ref().map_or("", |(n, _)| n.as_str());
                let named = |label: &str| {
                    // (“三公”经费预算 is named by 三公经费预算: the quotation marks were dropped;
                    // most labels, which do not hold the name, are turned down before
                    // anything is copied)
                    let label = unquoted(label);
                    // "审计署“三公经费”财政拨款预算中" names the 三公经费财政拨款预算数 stated
                    // without its entity
                    let bare = label.strip_suffix('数').unwrap_or(&label);
                    if bare.starts_with("三公经费") && name.ends_with(bare) {
                        return true;
                    }
                    if !label.contains(name) {
                        return false;
                    }
                    // ("财政拨款的“三公”经费支出合计 53.73 亿元。“三公”经费中，…": the 三公
                    // 经费 may be named with whose they are)
                    let label = match label.split_once(name) {
                        Some((_, rest)) if name.starts_with("三公经费") => {
                            std::borrow::Cow::Owned([name, rest].concat())
                        }
                        _ => label,
                    };
                    let rest = label.replacen(name, "", 1);
                    // ("“三公”经费中，" names the “三公”经费支出: 经费 are spent)
                    let rest = if name.ends_with('费') {
                        rest.replacen("支出", "", 1)
                    } else {
                        rest
                    };
                    [
                        "本年", "年度", "全年", "预算", "决算", "金额", "总额", "规模",
                    ]
                    .iter()
                    .fold(rest, |r, w| r.replace(w, ""))
                    .is_empty()
                };
                // "…比2023年收入预算 8000 万元增加…" is last year's amount, not the one divided
                let fits = |x: &Prose<'_>, m: &Mention| {
                    !m.inner
                        && same_family(m.unit, unit)
                        && (named(&m.label) || record_name(x, m).is_some_and(|n| named(&n)))
                        && !compared(x, m)
                };
                let near = before
                    .iter()
                    .rev()
                    .take(LOOK_BACK_MENTIONS)
                    .find(|m| m.kind == Kind::Level && fits(p, m));
                // "2019年“三公”经费财政拨款支出决算中，因公出国（境）费 7.8 万元，占 45.7%；…"
                // names an amount stated further back, often in a section of its own: an
                // amount or final figure of that name and of the parts' year, when every
                // one so named there has one value (the nearest is taken)
                near.or_else(|| {
                    if !p.toks.get(q).is_some_and(|t| *t == Tok::Ch('中')) {
                        return None;
                    }
                    let year = region.first().and_then(|m| m.scope.year);
                    // (the nearest amounts again: a final figure among them was not taken
                    // above, "“三公”经费支出预算为 246 万元，支出决算为 167.37 万元。…决算中，")
                    let back = before
                        .iter()
                        .rev()
                        .map(|m| (p, m))
                        .chain(
                            prose
                                .get(pi.saturating_sub(FAR_PARAGRAPHS)..pi)
                                .unwrap_or(&[])
                                .iter()
                                .rev()
                                .flat_map(|x| x.mentions.iter().rev().map(move |m| (x, m))),
                        )
                        .take(LOOK_BACK_MENTIONS + FAR_MENTIONS);
                    // (a budget's parts, "…预算中，", may be of an amount stated as a 预算数)
                    let budget = name.ends_with("预算");
                    let mut found = back.filter(|(x, m)| {
                        (matches!(m.kind, Kind::Level | Kind::Final)
                            || budget && m.kind == Kind::Budget)
                            && (year.is_none() || m.scope.year.is_none() || m.scope.year == year)
                            && fits(x, m)
                    });
                    let (first_prose, first) = found.next()?;
                    let value = |m: &Mention| doc.figure(m.fig).map(|f| f.number.value);
                    let one = found.all(|(_, m)| value(m) == value(first));
                    far = true;
                    if !named(&first.label) {
                        record_label = record_name(first_prose, first);
                    }
                    one.then_some(first)
                })
            } else if before.is_empty() {
                let prev = pi
                    .checked_sub(1)
                    .and_then(|k| prose.get(k))
                    .filter(|x| x.index + 1 == p.index);
                prev.and_then(|x| {
                    x.mentions
                        .iter()
                        .rev()
                        .find(|m| m.kind == Kind::Level && same_family(m.unit, unit))
                })
            } else {
                // the total is in the 其中's own sentence; when the 其中 opens its sentence
                // ("…完成预算的107.7%。其中:…"), in the sentence before — never further back
                // (a sentence naming no amount leaves the 其中 without a total)
                let last = before.last().map_or(0, |m| m.sentence);
                let ends = before.last().map_or(0, |m| {
                    p.toks
                        .get(m.at..q)
                        .unwrap_or(&[])
                        .iter()
                        .filter(|t| matches!(t, Tok::Ch(c) if ends_sentence(*c)))
                        .count()
                });
                let own = last + ends;
                let mut want = if ends == 0 {
                    own
                } else {
                    own.saturating_sub(1)
                };
                // "…减少24.55万元。主要原因是…。其中:…": a sentence of reasons between the
                // total and its 其中 is passed over
                if ends > 0 && !before.iter().any(|m| m.sentence == want) {
                    let prev = p.previous_sentence(q, 300);
                    if prev.starts_with("主要原因") || prev.starts_with("原因") {
                        want = want.saturating_sub(1);
                    }
                }
                let candidates = || {
                    before
                        .iter()
                        .rev()
                        .take(LOOK_BACK_MENTIONS)
                        .take_while(|m| m.sentence >= want)
                        // ("预算总额为 1969 万元，较2024年的 2190 万元减少 221 万元；其中：…": the
                        // amount compared with is last year's, the parts are this year's)
                        // ("发行新增政府债券 11.31 亿元（新增一般债券 2.54 亿元，新增专项债券 8.77
                        // 亿元）；其中，…": a 其中 after a bracket lists the parts of the amount the
                        // bracket breaks down, not of the bracket's last item; hbnz.gov.cn, 2023)
                        .filter(|m| {
                            total_kind(m.kind)
                            && same_family(m.unit, unit)
                            && m.sentence == want
                            && (inner(q) || !m.inner)
                            && !compared(p, m)
                            // ("…增加 7122.54 万元，原因是：…；2、本年增加了其他资金预算 7000
                            // 万元。其中：…": an amount among the reasons is no total)
                            && !reasons.get(m.at).copied().unwrap_or(false)
                        })
                };
                // "…累计完成29.48亿元,…,兑付上级专项资金2.23亿元。分支出级次看,旗本级公共财政预算
                // 支出…": a division's total is the amount whose name its parts' names share,
                // where one does
                // "…增加60000万元(其中:旗本级58800万元,开发区1200万元)" (a banner's 2022
                // adjusted budget): a 其中 in brackets lists the parts of an amount inside
                // them before it or, failing that, of the one just before them — and where
                // that is no total (a change here), of none
                let owner = inner(q).then(|| bracket_open(p, q)).flatten().map(|open| {
                    let within = before.iter().any(|m| m.at > open);
                    // (the amount of the parts' kind just before: "项目4个,涉及预算金额
                    // 598.42万元(其中:…的项目4个,…)" counts projects; "增长82.2%(其中:…)"
                    // follows its amount)
                    let just_before = before.iter().rev().find(|m| {
                        m.at < open
                            && same_family(m.unit, unit)
                            && matches!(
                                m.kind,
                                Kind::Level | Kind::Final | Kind::Budget | Kind::Change(_)
                            )
                    });
                    (open, within, just_before)
                });
                let owned = |m: &Mention| match owner {
                    Some((open, true, _)) => m.at > open,
                    Some((_, false, Some(o))) => o.at == m.at,
                    Some((_, false, None)) => false,
                    None => true,
                };
                let part = region.first().map_or("", |m| m.label.as_str());
                let found = division
                    .as_ref()
                    .and_then(|_| candidates().find(|m| shares_words(&m.label, part)))
                    .or_else(|| candidates().next())
                    .filter(|m| owned(m))
                    // "2020年“三公”经费财政拨款预算数为 100 万元，其中：因公出国（境）费 20
                    // 万元，…" (a budget disclosure's way of stating its amounts): a 预算数
                    // is the total when it is the only amount of its sentence before the
                    // 其中 — beside a final figure the 其中 breaks down the final one, and a
                    // budget completed or shared ("完成预算数 100 万元的 90%") is no total
                    // (its change on last year may follow it); a list of final figures
                    // breaks down no budget
                    .or_else(|| {
                        if finals {
                            return None;
                        }
                        let mut amounts = before
                            .iter()
                            .rev()
                            .take_while(|m| m.sentence >= want)
                            // (amounts only — "4月18日公布的数据显示，…" holds figures
                            // too — and its change on last year is its own)
                            .filter(|m| {
                                m.sentence == want
                                    && same_family(m.unit, unit)
                                    && !matches!(m.kind, Kind::Change(_))
                            });
                        let m = amounts.next()?;
                        (amounts.next().is_none() && budget_stated(p, m) && (inner(q) || !m.inner))
                            .then_some(m)
                    });
                // "项目支出预算 48100 元，占支出总预算的 4.43%。其中：（一）文化旅游体育与传媒
                // 支出 850088.3 元，占支出总预算 78.33%": the amount before a 其中 that opens
                // its sentence is a share of the very whole its parts are shares of — a
                // sibling of theirs, not their total
                //
                // "共需融资财源 111.81 亿；其中，经常门 1563.8 亿元，占岁出 78.97%，资本门
                // 416.42 亿元，占岁出 21.03%" (Kaohsiung's 2026 budget): parts whose shares
                // name another whole than the amount before the 其中 are that whole's parts —
                // unless that amount is a share of the same whole ("合同金额 767.09 万元，占
                // 政府采购支出总额的 11.60%，其中：…77.97 万元，占政府采购支出总额的 1.18%").
                // Two parts' at least: a share after the last part alone may be the list's
                // ("包括…17.56億元、…32.91億元，佔歲入總額16.58％", Miaoli's 2026 budget)
                let theirs = |t: &&Mention| {
                    let own = share_whole_after(p, t.fig);
                    let wholes = parts
                        .iter()
                        .filter_map(|x| share_whole_after(p, x.0))
                        .into_vec();
                    let sibling = ends > 0 && own.as_ref().is_some_and(|w| wholes.contains(w));
                    let elsewhere = wholes
                        .iter()
                        .filter(|w| !names_alike(&t.label, w) && own.as_ref() != Some(*w))
                        .count()
                        >= 2;
                    !sibling && !elsewhere
                };
                found.filter(theirs)
            };
            let Some(mut total) = total else { continue };
            // "当年预算批复指标71.48亿元,已用指标62.09亿元,预算结余9.39亿元,…。其中:县直各部门
            // 批复指标39.41亿元,已用指标33.79亿元,预算结余5.62亿元,…" (a county's 2024 audit
            // report): parts restating the names of the amounts of the total's sentence divide
            // each of them, not the last
            if !divided {
                let stated: Vec<&Mention> = before
                    .iter()
                    .rev()
                    .take(LOOK_BACK_MENTIONS)
                    .take_while(|m| m.sentence >= total.sentence)
                    .filter(|m| {
                        m.sentence == total.sentence
                            && matches!(m.kind, Kind::Level | Kind::Final)
                            && !m.inner
                            && same_family(m.unit, unit)
                    })
                    .into_vec();
                if let Some(groups) = parallel_groups(&stated, &parts) {
                    for (t, gparts) in groups {
                        out.push(Breakdown {
                            total: t.fig,
                            total_label: t.label.clone(),
                            complete: false,
                            parts: gparts,
                            para: p.index,
                            at: q,
                            context: p.full_sentence(q),
                            numbered: false,
                        });
                    }
                    continue;
                }
            }
            // "分级次看，市级收入 A，区级收入 B。分税种看，…": a division that follows another
            // list divides the amount before that list, not its last part: the total of the
            // division before ("分结构看:税收收入 283.5 亿元,…;非税收入 106.4 亿元,…。分级次看:
            // 省级收入 115.4 亿元,…", a province's 2021 report), else left unread
            if division.is_some() && regions.iter().any(|&(a, b)| a < total.at && total.at < b) {
                let Some((_, _, earlier, name)) = divisions
                    .iter()
                    .rev()
                    .find(|d| d.0 < total.at && total.at < d.1)
                else {
                    continue;
                };
                total = earlier;
                record_label = Some(name.clone());
            }
            // unlike 其中, "在收入拨款中，", "从…来看，" and "分项情况是：" do not say that what
            // follows are parts: two or more named items, or none ("全省政府性基金收入中,国有
            // 土地使用权出让收入78.6亿元", a province's 2021 report: words naming an amount
            // then 中 do, as 其中 does)
            let named_zhong = divided && p.toks.get(q) == Some(&Tok::Ch('中'));
            if (opener.is_some() || by_item)
                && (parts.len() < 2 && !named_zhong || parts.iter().any(|x| x.1.is_empty()))
            {
                continue;
            }
            // "在收入拨款中，…" lists the parts of the amount it names, not of whatever amount
            // comes before it ("在执行过程中，…" names none), nor the same amount again
            // ("从政府采购规模来看，2018年政府采购规模 600 万元")
            let total_label = record_label.unwrap_or_else(|| total.label.clone());
            if let Some((name, _)) = opener {
                if !names_same_amount(&name, &total_label)
                    || parts.iter().any(|x| x.1.contains(name.as_str()))
                {
                    continue;
                }
            }
            // "…新增地方政府债务限额537亿元,本次预算调整拟增加580亿元新增债务限额,其中:市级94.8
            // 亿元、区级485.2亿元" (a city's 2023 budget adjustment, Beijing): an amount an act
            // adds, no change on a year, between the total and the 其中 may be what the parts
            // divide: each reading is said where it holds
            let added = if divided || inner(q) {
                None
            } else {
                before
                    .iter()
                    .rev()
                    .take_while(|m| m.at > total.at)
                    .find(|m| {
                        matches!(m.kind, Kind::Change(_))
                            && !m.inner
                            && same_family(m.unit, unit)
                            && added_by_an_act(&m.lead, &p.text_between(total.at, m.at))
                    })
            };
            // "…全国财政赤字 37600 亿元，与预算持平。其中，中央一般公共预算收入 82771 亿元":
            // a balance (赤字, 结余) is divided into balances, not into income or spending
            let balance = |l: &str| {
                ["赤字", "结余", "结转", "差额", "缺口"]
                    .iter()
                    .any(|w| l.contains(w))
            };
            if balance(&total_label)
                && parts
                    .iter()
                    .any(|x| !balance(&x.1) && super::scope::facets(&x.1).side.is_some())
            {
                continue;
            }
            // "收入 969 万元，其中…；完成政府性基金支出 4093 万元": the list ends where the
            // other side (收入/支出) begins
            let side = super::scope::facets(&total_label).side;
            if let Some(k) = parts.iter().position(|x| {
                side.is_some()
                    && super::scope::facets(&x.1)
                        .side
                        .is_some_and(|s| Some(s) != side)
            }) {
                parts.truncate(k);
            }
            // "共77户(一级企业9户,其中…3户企业为平台企业…;二级企业19户;三级企业34户;…)" (a
            // district's 2022 state-assets report): the next tier is the total's sibling, and
            // the list of its parts ended before it
            // "税收收入675.89亿元,…其中地方级税收收入365.03亿元,…;非税收入241.14亿元" (a city's
            // 2022 report), "一般转移支付收入1478万元(含…,专项转移支付收入406万元)": the other
            // half of a pair the total is one half of is its sibling, not its part
            if let Some(k) = parts
                .iter()
                .position(|x| next_tier(&total_label, &x.1) || other_half(&total_label, &x.1))
            {
                parts.truncate(k);
            }
            // "上级转移支付收入1884万元,其中:一般转移支付收入…,专项转移支付收入406万元,上年结转
            // 结余60万元": the two halves of the total listed, what follows is not its part
            let mut before = 0u16;
            if let Some(k) = parts.iter().position(|b| {
                let sides = sides_named(&b.1);
                let closes = pairs_halves(&total_label, before, sides);
                before |= sides;
                closes
            }) {
                parts.truncate(k + 1);
            }
            if parts.is_empty() {
                continue;
            }
            // ("——主要税种收入情况。…其中:增值税…" before "主要支出科目情况如下" in the same
            // paragraph is a selection of taxes, not classification lines)
            let codes = parts.len() >= 2 && coded_from.is_some_and(|c| c < q);
            let labels: Vec<String> = parts.iter().map(|x| x.1.clone()).into_vec();
            let named_whole = complete(&labels)
                || division
                    .as_deref()
                    .is_some_and(|w| division_named(w, &labels));
            let whole = codes || named_whole;
            // (a list the text breaks off in, "…其他收入 7000 万元；上年结" at its end, may have
            // more parts; and so may one whole by its codes alone that runs to the text's end (an excerpt
            // cut after "3、20105-统计信息事务50万元…。", 泉州台商区's 2022 accounts): only
            // names that make a whole (基本支出 and 项目支出; 分中央和地方看's two) say so)
            let at_end = p.index + 1 == doc.paragraphs.len()
                && !p.toks.get(end..).unwrap_or(&[]).iter().any(|t| match t {
                    Tok::Fig(_) => true,
                    Tok::Ch(c) => super::normalise::is_cjk(*c),
                });
            // (the parts after a semicolon the other rules above kept, when the first of them
            // is a carryover or balance: 上年结转结余资金, 结转下年 — beside the year's own)
            let switched = switched.filter(|&k| {
                parts
                    .get(k)
                    .is_some_and(|x| ["结转", "结余", "滚存"].iter().any(|w| x.1.contains(w)))
            });
            let whole = whole
                && switched.is_none()
                && !(end >= p.toks.len() && cut_short(doc, p) || at_end && !named_whole);
            // (the budgets of a total found far back are not looked for beside it)
            if let Some(b) = budgets_of(p, total, &parts, whole, q).filter(|_| !far) {
                out.push(b);
            }
            if division.is_some() {
                divisions.push((q, end, total, total_label.clone()));
            }
            if !whole && !tentative.is_empty() && tentative_fits(&total_label, &parts, &tentative) {
                out.push(Breakdown {
                    total: total.fig,
                    total_label: total_label.clone(),
                    complete: false,
                    parts: parts
                        .iter()
                        .chain(&tentative)
                        .map(|x| (x.0, x.1.clone()))
                        .into_vec(),
                    para: p.index,
                    at: q,
                    context: p.full_sentence(q),
                    numbered: true,
                });
            }
            // (ended at the semicolon, or not: each reading is said where it holds; the
            // longer is taken as `numbered`, a list whose first items only may be the parts)
            if let Some(k) = switched {
                out.push(Breakdown {
                    total: total.fig,
                    total_label: total_label.clone(),
                    complete: false,
                    parts: parts.iter().take(k).map(|x| (x.0, x.1.clone())).into_vec(),
                    para: p.index,
                    at: q,
                    context: p.full_sentence(q),
                    numbered: false,
                });
            }
            if let Some(a) = added {
                out.push(Breakdown {
                    total: a.fig,
                    total_label: a.label.clone(),
                    complete: whole,
                    parts: parts.iter().map(|x| (x.0, x.1.clone())).into_vec(),
                    para: p.index,
                    at: q,
                    context: p.full_sentence(q),
                    numbered: true,
                });
            }
            out.push(Breakdown {
                total: total.fig,
                total_label,
                complete: whole,
                parts: parts.into_iter().map(|x| (x.0, x.1)).into_vec(),
                para: p.index,
                at: q,
                context: p.full_sentence(q),
                numbered: switched.is_some() || added.is_some(),
            });
        }
        out.extend(record_breakdowns(p));
        out.extend(grouped_lists(p));
        added_totals(p, &mut out);
        listed_totals(p, &mut out);
        composed_totals(p, &mut out);
    }
    out.extend(numbered_lists(doc, prose));
    halves_of_a_whole_before(prose, &mut out);
    out
}

/// How many paragraphs before a pair of halves its whole is looked for in.
const HALVES_REACH: usize = 2;
/// How many mentions after one half the other is looked for in, and how many before them
/// the whole (each a bound, so that a long text without stops stays linear).
const HALVES_NEAR: usize = 8;
const WHOLE_NEAR: usize = 64;

/// "中央一般公共预算收入100462.06亿元…。关于收入决算具体情况，…税收收入91419.66亿元，下降
/// 4.6%；非税收入9042.4亿元，增长142.3%" (a newspaper's account of the 2024 central final
/// accounts): the two halves of a pair that make a whole up on their own ([`HALVES`]),
/// stated side by side without a 其中, break down the nearest amount before them that
/// names that whole, in their paragraph or the two before, of their account and year. A
/// whole named as a 总计 or 合计, or with what is added to it, is another quantity; halves
/// already in a list are left to it.
fn halves_of_a_whole_before(prose: &[Prose<'_>], out: &mut Vec<Breakdown>) {
    // (a half may break down in turn: "税收收入中，国内增值税…")
    let mut parts = crate::figure::FigSet::default();
    let mut totals = crate::figure::FigSet::default();
    for b in out.iter() {
        for x in &b.parts {
            parts.insert(x.0);
        }
        if b.complete {
            totals.insert(b.total);
        }
    }
    let level = |m: &Mention| m.kind == Kind::Level && !m.inner && is_money(m.unit);
    for (pi, p) in prose.iter().enumerate() {
        for (i, a) in p.mentions.iter().enumerate() {
            if !level(a) || parts.contains(a.fig) || sides_named(&a.label) == 0 {
                continue;
            }
            // its other half in the same sentence, soon after it
            let near = p
                .mentions
                .get(i + 1..)
                .unwrap_or(&[])
                .iter()
                .take(HALVES_NEAR);
            let Some((b, w)) = near.take_while(|b| b.sentence == a.sentence).find_map(|b| {
                let pair = pair_of(&a.label, &b.label)?;
                // named as the halves and nothing more ("地方税收收入" is another level's)
                let bare = |l: &str| l == pair.0 || l == pair.1;
                (bare(&a.label)
                    && bare(&b.label)
                    && level(b)
                    && same_family(a.unit, b.unit)
                    && a.scope.comparable(&b.scope)
                    && !pair.2.is_empty()
                    && !parts.contains(b.fig))
                .then_some((b, pair.2))
            }) else {
                continue;
            };
            let whole = |t: &&Mention| {
                level(t)
                    && t.label.ends_with(w)
                    && same_family(t.unit, a.unit)
                    && !["总计", "合计", "总量", "全口径", "加", "含"]
                        .iter()
                        .any(|x| t.lead.contains(x))
                    && pair_of(&t.label, &a.label).is_none()
                    && pair_of(&t.label, &b.label).is_none()
                    // a budget or level named on the whole's side only: the halves are
                    // of it (their names say no more than the whole's)
                    && (a.scope.budget.is_none() || a.scope.budget == t.scope.budget)
                    && (a.scope.level.is_none() || a.scope.level == t.scope.level)
                    && a.scope.entity == t.scope.entity
                    && (a.scope.year.is_none()
                        || t.scope.year.is_none()
                        || a.scope.year == t.scope.year)
            };
            let before = prose
                .get(pi.saturating_sub(HALVES_REACH)..pi)
                .unwrap_or(&[])
                .iter()
                .rev()
                .flat_map(|q| q.mentions.iter().rev());
            let Some(t) = p
                .mentions
                .get(..i)
                .unwrap_or(&[])
                .iter()
                .rev()
                .chain(before)
                .take(WHOLE_NEAR)
                .find(whole)
            else {
                continue;
            };
            if totals.contains(t.fig) {
                continue;
            }
            parts.insert(a.fig);
            parts.insert(b.fig);
            out.push(Breakdown {
                total: t.fig,
                total_label: t.label.clone(),
                complete: true,
                parts: vec![(a.fig, a.label.clone()), (b.fig, b.label.clone())],
                para: p.index,
                at: a.at,
                context: p.full_sentence(a.at),
                numbered: false,
            });
        }
    }
}

/// A change's words (`lead`, after the words since the amount before it, `since`) name an
/// amount an act adds or takes away ("本次预算调整拟增加", "追加"), not a change on a year or
/// a budget: no comparison is named, and the verb is not bare. An adjustment (调增, 调减) is
/// not one: the 其中 after it lists the adjusted amounts ("…调整为89138万元,调增13000万元,
/// 其中:税收收入调整为40500万元,…").
fn added_by_an_act(lead: &str, since: &str) -> bool {
    let bare = [
        "增加", "减少", "增收", "减收", "增支", "减支", "增长", "下降",
    ];
    !bare.contains(&lead)
        && !lead.contains("调增")
        && !lead.contains("调减")
        && !["比", "较", "同比", "上年", "去年", "与", "同期"]
            .iter()
            .any(|w| since.contains(w))
}

/// The characters two names end with alike ("当年预算批复指标" and "县直各部门批复指标": 4).
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// An amount and the parts of a list that divide it.
type Group<'m> = (&'m Mention, Vec<(FigId, String)>);

/// How many characters a part's name must end with alike with the amount it divides, for a
/// list to be read as dividing several amounts (more than 支出 or 收入 alone).
const PARALLEL_SUFFIX: usize = 3;

/// The parts of a list grouped by the amount of `stated` each restates the name of (ends
/// its name as that amount's does, in [`PARALLEL_SUFFIX`] characters or more and more than
/// any other's), where two amounts or more are so restated by most of the parts; `None`
/// otherwise. A part restating none ("实拨单位资金预算指标" among 批复指标 and 已用指标) is in
/// no group.
fn parallel_groups<'m>(stated: &[&'m Mention], parts: &[Part]) -> Option<Vec<Group<'m>>> {
    if stated.len() < 2 || parts.len() < 2 {
        return None;
    }
    let mut groups: Vec<Group<'m>> = Vec::new();
    let mut unmatched = 0;
    for (fig, label, _) in parts {
        let mut best: Option<(&'m Mention, usize)> = None;
        let mut tied = false;
        for &m in stated {
            let n = common_suffix(&m.label, label);
            match best {
                Some((_, b)) if n == b => tied = true,
                Some((_, b)) if n < b => {}
                _ => {
                    best = Some((m, n));
                    tied = false;
                }
            }
        }
        let (m, n) = best?;
        if m.fig == *fig {
            return None;
        }
        if tied || n < PARALLEL_SUFFIX {
            unmatched += 1;
            continue;
        }
        match groups.iter_mut().find(|g| g.0.fig == m.fig) {
            Some(g) => g.1.push((*fig, label.clone())),
            None => groups.push((m, vec![(*fig, label.clone())])),
        }
    }
    (groups.len() >= 2 && unmatched * 2 < parts.len()).then_some(groups)
}

/// "全市国有资本经营收入 61.6 亿元,加上上年结转收入 2.1 亿元、动用历年结余 15.3 亿元,全市国有资本
/// 经营收入总计 79 亿元" (a budget report's way of stating its totals): the total is the one
/// amount before 加上 in its sentence (or, where 加上 opens its sentence, the amount the
/// sentence before opens with: [`opening_base`]) and the amounts 加上 adds, a whole
/// breakdown. Not read where the sentence names other amounts before 加上 (which of them is
/// added to?), where something is taken away (减), or where no 总计/合计/共计/总量/总收入/总支出
/// ends the sentence's additions.
fn added_totals(p: &Prose<'_>, out: &mut Vec<Breakdown>) {
    let money = |m: &&Mention| m.kind == Kind::Level && !m.inner && is_money(m.unit);
    // ("2018年市级一般公共预算收入决算数 129748 万元,加上级补助收入…": a final amount is
    // added to as well)
    let base_money =
        |m: &&Mention| matches!(m.kind, Kind::Level | Kind::Final) && !m.inner && is_money(m.unit);
    // 加上, or 加 opening a clause ("…决算数 480691 万元,加补助下级支出 46930 万元,…")
    let adds = p
        .find_all("加")
        .into_iter()
        .filter(|&q| p.word_at(q, "加上") || adds_at(p, q));
    for q in adds {
        let lo = p.mentions.partition_point(|m| m.at < q);
        let Some(first_after) = p.mentions.get(lo) else {
            continue;
        };
        let sentence = first_after.sentence;
        let before: Vec<&Mention> = p
            .mentions
            .get(..lo)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|m| m.sentence == sentence)
            .filter(base_money)
            .into_vec();
        let opens = before.is_empty() && p.text_between(sentence_start(p, q), q).trim().is_empty();
        let base = match before.as_slice() {
            [base] => *base,
            [] if opens => match opening_base(p, lo) {
                Some(base) => base,
                None => continue,
            },
            _ => continue,
        };
        let mut items: Vec<(FigId, String)> = Vec::new();
        let mut total = None;
        // (after "其中", up to the clause group's end: what the item before holds)
        let mut held = false;
        // the names the 其中 listed, and whether they hold both halves of a pair
        // ("其中:一般转移支付收入…专项转移支付收入…,上年结转结余 60 万元": the 其中 is whole,
        // and what follows is added again)
        let mut held_sides = 0u16;
        let mut halves = false;
        let mut last = q;
        for m in p.mentions.get(lo..).unwrap_or(&[]).iter() {
            let words = p.text_between(last, m.at);
            last = m.at;
            if words.contains(&['；', ';'][..]) || held && halves && !m.inner {
                held = false;
                halves = false;
                held_sides = 0;
            }
            // (a 其中 in brackets is held by the bracket: its amounts are inner)
            if words.contains("其中") && !m.inner {
                held = true;
            }
            if held {
                let whole = items.last().map_or("", |x| x.1.as_str());
                let sides = sides_named(&m.label);
                halves |= pairs_halves(whole, held_sides, sides);
                held_sides |= sides;
            }
            // ("上级补助收入 113566 万元(其中:抗疫特别国债 7691 万元)": what an item holds)
            // ("…,2023年中央国有资本经营预算收入总量为 2499.32 亿元": the total's year)
            if m.sentence == sentence && (m.inner || m.kind == Kind::Year) {
                continue;
            }
            if m.sentence != sentence || m.kind != Kind::Level {
                break;
            }
            if !money(&m) || !same_family(m.unit, base.unit) {
                break;
            }
            let closing = ["总计", "合计", "共计", "总量", "总收入", "总支出"];
            if closing.iter().any(|w| m.lead.contains(w)) {
                total = Some(m);
                break;
            }
            // ("债券收入 78400 万元,其中:新增债券收入 15000 万元,…,收入合计 474230 万元")
            if held {
                continue;
            }
            // ("加上级补助收入": 加, then 上级补助收入)
            items.push((m.fig, added_label(&m.label).to_string()));
        }
        let Some(total) = total else { continue };
        if items.is_empty() || p.text_between(q, total.at).contains('减') {
            continue;
        }
        // (a final amount named by its stage alone, "…预算数为 B,决算数为 F", by its item's name)
        let base_label = record_name(p, base).unwrap_or_else(|| base.label.clone());
        // across sentences, the base and the total name the same side (收入 or 支出)
        if opens
            && (income_spending(&base_label) != income_spending(&total.lead)
                || income_spending(&total.lead) == (false, false))
        {
            continue;
        }
        let mut parts = vec![(base.fig, base_label)];
        parts.extend(items);
        out.push(stated_sum(p, q, total, parts));
    }
}

/// "一般公共预算支出143.17亿元,上解省市支出85.86亿元,结转下年专项支出12.67亿元,预算稳定调节
/// 基金6.15亿元,支出合计247.84亿元" (a district's 2021 final accounts): a sentence of amounts
/// alone, one a clause, closed by a 合计 (总计, 共计) naming the first's side (收入 or 支出;
/// or neither, where the first names neither: "统筹分配税款 A、一般性补助款 B,共计 T"),
/// lists the 合计's parts — most likely: without 加 to say so, the sum is said only where it
/// holds. Not read where the sentence holds a 其中, takes anything away, or where a 加 list
/// already reads it.
fn listed_totals(p: &Prose<'_>, out: &mut Vec<Breakdown>) {
    let closing = |m: &Mention| ["合计", "总计", "共计"].iter().any(|w| m.lead.contains(w));
    for ms in p.mentions.chunk_by(|a, b| a.sentence == b.sentence) {
        let (Some(first), Some((total, parts))) = (ms.first(), ms.split_last()) else {
            continue;
        };
        if parts.len() < 2
            || !closing(total)
            || income_spending(&first.label) != income_spending(&total.lead)
            || out.iter().any(|b| b.total == total.fig)
        {
            continue;
        }
        let amount = |m: &Mention| {
            m.kind == Kind::Level && !m.inner && is_money(m.unit) && same_family(m.unit, total.unit)
        };
        // one amount a clause: nothing but a clause's stop between two
        let one_a_clause = ms.windows(2).all(|w| match w {
            [a, b] => p.stops_between(a.at, b.at) == 1,
            _ => false,
        });
        let words = p.text_between(sentence_start(p, first.at), total.at);
        if !ms.iter().all(amount)
            || !one_a_clause
            || parts.iter().any(closing)
            || ["其中", "包括", "减", "扣除", "加"]
                .iter()
                .any(|w| words.contains(w))
        {
            continue;
        }
        out.push(Breakdown {
            numbered: true,
            ..stated_sum(
                p,
                first.at,
                total,
                parts.iter().map(|m| (m.fig, m.label.clone())).into_vec(),
            )
        });
    }
}

/// Whether words name income (收入) and whether they name spending (支出): a sum's total
/// and its first part name the same side.
fn income_spending(words: &str) -> (bool, bool) {
    (words.contains("收入"), words.contains("支出"))
}

/// The whole breakdown a sentence states at token `q`: `total` is the sum of `parts`.
fn stated_sum(p: &Prose<'_>, q: usize, total: &Mention, parts: Vec<(FigId, String)>) -> Breakdown {
    Breakdown {
        total: total.fig,
        total_label: total.label.clone(),
        parts,
        complete: true,
        para: p.index,
        at: q,
        context: p.full_sentence(q),
        numbered: false,
    }
}

/// "全镇一般公共预算财力1,867.48万元。由一般公共预算收入111.11万元,加上级补助收入、上年结余等
/// 1,756.37万元构成。" (a township's 2022 final accounts): the amount right before 由 (a comma
/// or a full stop between) is made of the amounts after it, up to the 构成 (组成) that ends
/// the sentence; a whole breakdown. Not read where the sentence names anything but amounts
/// of that kind of money, holds a 其中, or takes something away (减).
fn composed_totals(p: &Prose<'_>, out: &mut Vec<Breakdown>) {
    for q in p
        .find_all("由")
        .into_iter()
        .filter(|&q| !p.word_at(q, "由于"))
    {
        let (Some(stop), Some(Tok::Fig(t))) = (
            q.checked_sub(1).and_then(|k| p.toks.get(k)),
            q.checked_sub(2).and_then(|k| p.toks.get(k)),
        ) else {
            continue;
        };
        if !matches!(stop, Tok::Ch(',' | '，' | '。')) {
            continue;
        }
        let Some(total) = p.mention(*t) else {
            continue;
        };
        if !matches!(total.kind, Kind::Level | Kind::Final) || total.inner || !is_money(total.unit)
        {
            continue;
        }
        // the clause ending with 构成 (组成): "…等0万元等构成,当年收支平衡。"
        let sentence_end = p.sentence_end(q);
        let Some(end) = (q + 1..sentence_end).find(|&k| {
            (p.word_at(k, "构成") || p.word_at(k, "组成"))
                && matches!(p.toks.get(k + 2), None | Some(Tok::Ch(_)))
                && (k + 2 == sentence_end
                    || matches!(p.toks.get(k + 2), Some(Tok::Ch(c)) if ends_clause(*c)))
        }) else {
            continue;
        };
        let words = p.text_between(q, end);
        if words.contains("其中") || words.contains('减') {
            continue;
        }
        let lo = p.mentions.partition_point(|m| m.at < q);
        let hi = p.mentions.partition_point(|m| m.at < end);
        let region = p.mentions.get(lo..hi).unwrap_or(&[]);
        let parts: Option<Vec<(FigId, String)>> = region
            .iter()
            .map(|m| {
                (m.kind == Kind::Level
                    && !m.inner
                    && is_money(m.unit)
                    && same_family(m.unit, total.unit))
                .then(|| {
                    (
                        m.fig,
                        added_label(m.label.trim_start_matches('由')).to_string(),
                    )
                })
            })
            .collect();
        let Some(parts) = parts.filter(|x| x.len() >= 2) else {
            continue;
        };
        out.push(stated_sum(p, q, total, parts));
    }
}

/// The name of an amount 加上 (加) adds, without the words adding it: "加上级补助收入" is 加,
/// then 上级补助收入; "加上上年结转收入", 上年结转收入; "以及调入资金", 调入资金.
fn added_label(label: &str) -> &str {
    let label = match label.strip_prefix("加上") {
        Some(rest) if rest.starts_with(&['级', '解', '年'][..]) => {
            label.strip_prefix('加').unwrap_or(rest)
        }
        Some(rest) => rest,
        None => label.strip_prefix('加').unwrap_or(label),
    };
    ["以及", "及", "和"]
        .iter()
        .find_map(|w| label.strip_prefix(w))
        .unwrap_or(label)
}

/// For every token of a paragraph, in one walk: the number of the enumerated item it falls
/// in within its sentence (the last [`enumerated_at`] before it since the sentence began),
/// and whether it follows words giving the reasons for a change ("主要是", "主要原因是",
/// "主要由于") that open a clause of its part of the sentence (up to ；).
fn items_and_reasons(p: &Prose<'_>) -> (Vec<Option<u32>>, Vec<bool>) {
    let (mut items, mut reasons) = (
        Vec::with_capacity(p.toks.len()),
        Vec::with_capacity(p.toks.len()),
    );
    let (mut item, mut reason) = (None, false);
    // (reasons listed after a colon, "原因是:1、…;2、…。", go on to the sentence's end)
    let mut listed = false;
    for (k, t) in p.toks.iter().enumerate() {
        items.push(item);
        reasons.push(reason);
        let c = match t {
            Tok::Ch(c) => *c,
            Tok::Fig(_) => continue,
        };
        if ends_sentence(c) {
            item = None;
        } else if let Some(n) = enumerated_at(p, k) {
            item = Some(n);
        }
        if ends_sentence(c) || stop(c) >= 2 && !listed {
            reason = false;
            listed = false;
        } else if k
            .checked_sub(1)
            .is_some_and(|b| matches!(p.toks.get(b), Some(Tok::Ch(c)) if ends_clause(*c)))
            && ["主要是", "主要原因", "主要由于", "主要因为", "原因是"]
                .iter()
                .any(|w| p.word_at(k, w))
        {
            reason = true;
            // the first stop after the words: a colon opens a list of them
            listed = p
                .toks
                .get(k..k + 8)
                .unwrap_or(&[])
                .iter()
                .find_map(|t| match t {
                    Tok::Ch(c) if stop(*c) >= 1 || matches!(c, ':' | '：') => Some(*c),
                    _ => None,
                })
                .is_some_and(|c| matches!(c, ':' | '：'));
        }
    }
    (items, reasons)
}

/// The number of an enumerated item starting at token `k` after a clause boundary ("二是",
/// "第二，"): 2; None where none starts there.
fn enumerated_at(p: &Prose<'_>, k: usize) -> Option<u32> {
    let opens = k
        .checked_sub(1)
        .is_some_and(|b| matches!(p.toks.get(b), Some(Tok::Ch(c)) if ends_clause(*c)));
    if !opens {
        return None;
    }
    let (k, ordinal) = match p.toks.get(k) {
        Some(Tok::Ch('第')) => (k + 1, true),
        _ => (k, false),
    };
    let Some(Tok::Ch(c)) = p.toks.get(k) else {
        return None;
    };
    let n = super::outline::CN_DIGITS.chars().position(|x| x == *c)? as u32 + 1;
    let marked = match p.toks.get(k + 1) {
        Some(Tok::Ch('是')) => !ordinal,
        Some(Tok::Ch(',' | '，' | '、')) => ordinal,
        _ => false,
    };
    marked.then_some(n)
}

/// Words without the linking words at their end that name no quantity: 为, 是, 达, 达到, 约
/// ("增幅约为" → "增幅", "比重达" → "比重").
pub fn without_linking(words: &str) -> &str {
    let mut s = words;
    while let Some(rest) = ["为", "是", "达到", "达", "约"]
        .iter()
        .find_map(|w| s.strip_suffix(w))
    {
        s = rest;
    }
    s
}

/// Whether the text breaks off in this paragraph: it is the document's last, and it ends in
/// the middle of words, with no mark after them and not right after an amount and its unit
/// ("…；上年结", "…2716萬元,較2021年決算數": an excerpt, or a page copied in part; "…共分为
/// 以下类别:" ends where it meant to).
fn cut_short(doc: &Document, p: &Prose<'_>) -> bool {
    if p.index + 1 != doc.paragraphs.len() {
        return false;
    }
    let last_fig = p.toks.iter().rposition(|t| matches!(t, Tok::Fig(_)));
    let tail = p.toks.get(last_fig.map_or(0, |k| k + 1)..).unwrap_or(&[]);
    let unit = |c: &char| matches!(c, '万' | '亿' | '元' | '萬' | '億');
    let words = tail
        .iter()
        .any(|t| matches!(t, Tok::Ch(c) if super::normalise::is_cjk(*c) && !unit(c)));
    let in_words = matches!(p.toks.last(), Some(Tok::Ch(c)) if super::normalise::is_cjk(*c));
    words && in_words
}

/// Whether `part` names another tier of what `total` names: "二级企业" beside "一级企业"
/// (the same words after a different ordinal and 级).
fn next_tier(total: &str, part: &str) -> bool {
    let tier = |l: &str| {
        let mut cs = l.chars();
        let n = cs
            .next()
            .filter(|c| super::outline::CN_DIGITS.contains(*c))?;
        let rest = cs.as_str().strip_prefix('级').filter(|r| !r.is_empty())?;
        Some((n, rest.to_string()))
    };
    matches!((tier(total), tier(part)), (Some((a, x)), Some((b, y))) if a != b && x == y)
}

/// The opening bracket of the brackets token `q` is in, looked for no further back than
/// [`ITEM_SENTENCE_TOKENS`].
fn bracket_open(p: &Prose<'_>, q: usize) -> Option<usize> {
    let mut depth = 0usize;
    let floor = q.saturating_sub(ITEM_SENTENCE_TOKENS);
    for k in (floor..q).rev() {
        match p.toks.get(k) {
            Some(Tok::Ch(')' | '）')) => depth += 1,
            Some(Tok::Ch('(' | '（')) if depth == 0 => return Some(k),
            Some(Tok::Ch('(' | '（')) => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Whether two names share four characters in a row ("全旗公共财政预算支出" and
/// "旗本级公共财政预算支出").
fn shares_words(a: &str, b: &str) -> bool {
    // each run of four characters, as a slice of `a`
    let starts = a.char_indices().map(|(i, _)| i);
    let ends = starts.clone().chain([a.len()]).skip(4);
    starts
        .zip(ends)
        .any(|(s, e)| a.get(s..e).is_some_and(|w| b.contains(w)))
}

/// Whether a share's whole (`whole`, the words after 占) may name the amount labelled
/// `label`: one holds the other ("一般公共预算支出", "支出"), the two end alike ("本年支出",
/// "总支出") or share four characters ("一般公共预算基本支出", "基本支出预算"); "共需融资财源"
/// and "岁出" do not.
fn names_alike(label: &str, whole: &str) -> bool {
    let label = unquoted(label);
    // the last two characters before 合计, 总额, 总计, 总量…
    fn core(s: &str) -> &str {
        let s = s.trim_end_matches(&['额', '计', '量', '合', '总'][..]);
        s.char_indices()
            .rev()
            .nth(1)
            .and_then(|(i, _)| s.get(i..))
            .unwrap_or(s)
    }
    label.contains(whole)
        || whole.contains(label.as_ref())
        || core(&label) == core(whole)
        || shares_words(&label, whole)
}

/// Pairs of siblings: a list under one never holds the other. Where the two make up a
/// whole on their own, the words naming it (empty where they do not: 基本支出 and 项目支出
/// sit beside 经营支出 and others).
const HALVES: &[(&str, &str, &str)] = &[
    ("税收收入", "非税收入", "一般公共预算收入"),
    ("一般性转移支付", "专项转移支付", "转移支付"),
    ("一般转移支付", "专项转移支付", "转移支付"),
    ("一般债务", "专项债务", "债务"),
    ("基本支出", "项目支出", ""),
    ("人员经费", "公用经费", "基本支出"),
];

/// Whether `a` names one of a pair of siblings (see [`HALVES`]) and `b` the other, and
/// which pair.
fn pair_of(a: &str, b: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    // (one names x and not y, the other y and not x)
    let only = |l: &str, x: &str, y: &str| l.contains(x) && !l.contains(y);
    HALVES
        .iter()
        .find(|&&(x, y, _)| only(a, x, y) && only(b, y, x) || only(a, y, x) && only(b, x, y))
}

/// Whether `part` names the sibling of what `total` names (see [`HALVES`]).
fn other_half(total: &str, part: &str) -> bool {
    pair_of(total, part).is_some()
}

/// Whether `a` and `b` are the two siblings that make up the whole `whole` names (lists
/// read it in one pass, with [`pairs_halves`]; a test holds the two to the same answers).
#[cfg(test)]
fn halves_of(whole: &str, a: &str, b: &str) -> bool {
    pair_of(a, b).is_some_and(|&(_, _, w)| !w.is_empty() && whole.contains(w))
}

/// Which sides of the pairs of [`HALVES`] `label` names: bit `2i` where it names pair `i`'s
/// first and not its second, bit `2i + 1` the other way round. Names listed one after
/// another are kept as the union of their sides, so that a long list is read in one pass.
fn sides_named(label: &str) -> u16 {
    let only = |x: &str, y: &str| label.contains(x) && !label.contains(y);
    HALVES.iter().enumerate().fold(0, |bits, (i, &(x, y, _))| {
        bits | u16::from(only(x, y)) << (2 * i) | u16::from(only(y, x)) << (2 * i + 1)
    })
}

// (two bits a pair in a u16)
const _: () = assert!(HALVES.len() <= 8);

/// Whether names with the sides `held` and a name with the sides `new` ([`sides_named`])
/// are two siblings that make up the whole `whole` names.
fn pairs_halves(whole: &str, held: u16, new: u16) -> bool {
    HALVES.iter().enumerate().any(|(i, &(_, _, w))| {
        let (first, second) = (1u16 << (2 * i), 1u16 << (2 * i + 1));
        (held & first != 0 && new & second != 0 || held & second != 0 && new & first != 0)
            && !w.is_empty()
            && whole.contains(w)
    })
}

/// Whether a mention is a list's total named on its own ("收入合计 474230 万元", "合计",
/// "支出总计为"): it closes a 其中 list inside the list it totals.
fn closes_list(m: &Mention) -> bool {
    let named = m.lead.trim_end_matches(&['为', '是', ':', '：'][..]);
    m.kind == Kind::Level
        && !m.inner
        && matches!(
            named,
            "合计"
                | "总计"
                | "共计"
                | "收入合计"
                | "支出合计"
                | "收入总计"
                | "支出总计"
                | "收支总计"
                | "收入总量"
                | "支出总量"
        )
}

/// Whether token `k` opens a clause with 加 (加上) adding an amount to the one before:
/// "…;加上级补助收入", ",加上年结余收入", not 加班费, 加工费 nor 加强.
fn adds_at(p: &Prose<'_>, k: usize) -> bool {
    p.toks.get(k) == Some(&Tok::Ch('加'))
        && k.checked_sub(1)
            .is_some_and(|b| matches!(p.toks.get(b), Some(Tok::Ch(c)) if ends_clause(*c)))
        && ![
            "加班", "加工", "加油", "加固", "加强", "加快", "加大", "加速", "加紧", "加入",
        ]
        .iter()
        .any(|w| p.word_at(k, w))
}

/// Whether a clause opens at token `k`, after a semicolon, whose first figure is a year
/// and whose next is an amount ("；本部门2021年年末实有人数76人"): a statement of its own.
fn dated_statement_at(p: &Prose<'_>, k: usize) -> bool {
    let after_semicolon = k
        .checked_sub(1)
        .is_some_and(|b| matches!(p.toks.get(b), Some(Tok::Ch(c)) if stop(*c) == 2));
    if !after_semicolon {
        return false;
    }
    let from = p.mentions.partition_point(|m| m.at < k);
    let mut next = p.mentions.get(from..).unwrap_or(&[]).iter();
    matches!(
        (next.next(), next.next()),
        (Some(y), Some(m)) if y.kind == Kind::Year && m.kind == Kind::Level && y.semi == m.semi
    )
}

/// Whether the words at token `k` state something besides what came before: 另, 另外, 此外,
/// 另从…, 另有….
fn besides_at(p: &Prose<'_>, k: usize) -> bool {
    match p.toks.get(k) {
        Some(Tok::Ch('另')) => true,
        Some(Tok::Ch('此')) => p.word_at(k, "此外"),
        _ => false,
    }
}

/// Whether the words at token `k` bring money from elsewhere besides what came before:
/// 另从 (另從), 另由, 另自, 另安排, 另拨, 另下达, 另筹, 另追加.
fn from_elsewhere_at(p: &Prose<'_>, k: usize) -> bool {
    p.toks.get(k) == Some(&Tok::Ch('另')) && FROM_ELSEWHERE.iter().any(|w| p.word_at(k, w))
}

/// The words of [`from_elsewhere_at`].
const FROM_ELSEWHERE: [&str; 12] = [
    "另从",
    "另從",
    "另由",
    "另自",
    "另安排",
    "另拨",
    "另撥",
    "另下达",
    "另下達",
    "另筹",
    "另籌",
    "另追加",
];

/// Whether an amount's words name it per head or per month ("…保障标准提高到月人均 300 元",
/// "每人每年 1200 元"): a standard, never a part of a total.
fn per_head(lead: &str) -> bool {
    ["人均", "每人", "每月", "每年", "每户", "月均"]
        .iter()
        .any(|w| lead.contains(w))
}

/// The amount a sentence opening with 加上 adds to ("市本级国有资本经营收入46亿元,为调整预算的
/// 101.1%。加上上年结转收入0.1亿元…"): the first amount of the sentence before, or of the one
/// before that where the sentence before is its 其中 list — when that amount opens its
/// sentence and is money. `lo` is the index of the first mention after 加上.
fn opening_base<'p>(p: &'p Prose<'_>, lo: usize) -> Option<&'p Mention> {
    let earlier = p.mentions.get(..lo)?;
    let mut sentence = p.mentions.get(lo)?.sentence;
    // each sentence's first amount, the latest first, and whether it opens with 其中
    let first_of = |sentence: usize| -> Option<(usize, &'p Mention, bool)> {
        // (mentions are in order: each sentence's found by bisection)
        let end = earlier.partition_point(|m| m.sentence < sentence);
        let sentence = earlier.get(end.checked_sub(1)?)?.sentence;
        let from = earlier.partition_point(|m| m.sentence < sentence);
        // an item's number or a year before it is no amount ("1.全市…收入安排77.6亿元")
        let first = earlier
            .get(from..end)?
            .iter()
            .find(|m| !matches!(m.kind, Kind::Other | Kind::Year))?;
        let lead = p.text_between(sentence_start(p, first.at), first.at);
        let lead = lead.trim_start_matches(|c: char| !c.is_alphanumeric());
        Some((sentence, first, lead.starts_with("其中")))
    };
    for _ in 0..2 {
        let (at, first, listed) = first_of(sentence)?;
        sentence = at;
        if listed {
            continue;
        }
        // "其中,税收收入29.09亿元,…。非税收入24.1亿元,…。加上…": the other half of a 其中's
        // first part goes on with its list
        if let Some((before, part, true)) = first_of(at) {
            if other_half(&part.label, &first.label) {
                sentence = before;
                continue;
            }
        }
        if first.inner || !is_money(first.unit) {
            return None;
        }
        return match first.kind {
            Kind::Level | Kind::Final => Some(first),
            // "…收入预算数为 1376.82 亿元,决算数为 1326.38 亿元,完成预算的 96.3%。加上…": the
            // item's final amount, stated right after its budget, is what is added to; a
            // budget alone ("…收入预算数为 2410.4 亿元,其中:…。加上…", a budget report's), the budget
            Kind::Budget => {
                let after = earlier.partition_point(|m| m.at <= first.at);
                let next = earlier.get(after..)?.iter().find(|m| {
                    m.sentence == first.sentence && !matches!(m.kind, Kind::Other | Kind::Year)
                });
                match next {
                    Some(f) if f.kind == Kind::Final => (FINAL_STAGES.contains(&f.label.as_str())
                        && f.unit == first.unit)
                        .then_some(f),
                    _ => Some(first),
                }
            }
            _ => None,
        };
    }
    None
}

/// How many sentences a numbered list is followed over, at most, and how many tokens one
/// sentence of it may hold.
const ITEM_SENTENCES: usize = 80;
const ITEM_SENTENCE_TOKENS: usize = 2000;
/// How many amounts of a numbered list's head are taken as its possible totals, and up to
/// how many items its first ones alone may be taken as a whole (a longer list is taken
/// whole only).
const HEAD_AMOUNTS: usize = 4;
const ITEMS_IN_PART: usize = 12;

/// "本单位总收入 581.45 万元，其中本年收入 390.55 万元，…。收入具体情况如下。1.一般公共预算
/// 财政拨款收入 382.17 万元，…。2.上级补助收入 8.38 万元，…。3.上年结转和结余 190.89 万元，
/// …": items numbered 1, 2, 3… (or （一）（二）…, 一、二、…) after a "如下", each opening
/// with its amount, over the sentences and paragraphs after it. Which amount of the head
/// they break down, the words do not say: one breakdown of all the items for each amount
/// of the head, and, for an amount named as a selection of the one before it
/// ("其中本年收入 390.55 万元"), one for each run of two items or more from the first; all
/// [`Breakdown::numbered`].
fn numbered_lists(doc: &Document, prose: &[Prose<'_>]) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (pi, p) in prose.iter().enumerate() {
        for q in p.find_all("如下") {
            if !matches!(p.toks.get(q + 2), None | Some(Tok::Ch('：' | ':' | '。'))) {
                continue;
            }
            let heads = head_amounts(p, q);
            if heads.is_empty() {
                continue;
            }
            let mut items = list_items(doc, prose, pi, q + 3);
            if items.is_empty() {
                items = line_items(doc, prose, pi, q + 3);
            }
            if items.len() < 2 {
                continue;
            }
            let heads: Vec<&Mention> = heads.into_iter().take(HEAD_AMOUNTS).into_vec();
            for (h, head) in heads.iter().enumerate() {
                // "…中，因公出国（境）费支出决算 0.00 万元，…。具体情况如下：1、因公出国（境）
                // 费支出 0.00 万元。…": the head names the items themselves, no total
                let itself = |x: &Part| {
                    head.label.contains(x.1.as_str()) || x.1.contains(head.label.as_str())
                };
                if !items.iter().all(|x| same_family(x.2, head.unit)) || items.iter().any(itself) {
                    continue;
                }
                // the first items alone only for an amount the head names as a selection of
                // the one before it ("总收入 A，其中本年收入 B"): the items after them make up
                // the rest of that one
                let selection = h
                    .checked_sub(1)
                    .and_then(|g| heads.get(g))
                    .is_some_and(|before| p.has_between(before.at, head.at, "其中"));
                let shortest = if selection && items.len() <= ITEMS_IN_PART {
                    2
                } else {
                    items.len()
                };
                for k in shortest..=items.len() {
                    out.push(Breakdown {
                        total: head.fig,
                        total_label: head.label.clone(),
                        parts: items.iter().take(k).map(|x| (x.0, x.1.clone())).into_vec(),
                        complete: false,
                        para: p.index,
                        at: q,
                        context: p.full_sentence(head.at),
                        numbered: true,
                    });
                }
            }
        }
    }
    out
}

/// The first token of the sentence holding token `at`, looked for no further back than
/// [`ITEM_SENTENCE_TOKENS`].
pub fn sentence_start(p: &Prose<'_>, at: usize) -> usize {
    let floor = at.saturating_sub(ITEM_SENTENCE_TOKENS);
    let mut k = at;
    while k > floor && !matches!(p.toks.get(k - 1), Some(Tok::Ch(c)) if ends_sentence(*c)) {
        k -= 1;
    }
    k
}

/// The amounts a "如下" at token `q` may break down: the amounts of money its sentence
/// names before it, or, when it names none ("收入具体情况如下。"), those of the sentence
/// before.
fn head_amounts<'p>(p: &'p Prose<'_>, q: usize) -> Vec<&'p Mention> {
    let levels = |from: usize, to: usize| -> Vec<&'p Mention> {
        let lo = p.mentions.partition_point(|m| m.at < from);
        let hi = p.mentions.partition_point(|m| m.at < to);
        p.mentions
            .get(lo..hi)
            .unwrap_or(&[])
            .iter()
            .filter(|m| m.kind == Kind::Level && !m.inner && is_money(m.unit))
            .into_vec()
    };
    let start = sentence_start(p, q);
    let own = levels(start, q);
    if !own.is_empty() || start == 0 {
        return own;
    }
    levels(sentence_start(p, start - 1), start)
}

/// Whether the sentence at token `at` opens with a heading in brackets or a figure
/// numbering something ("(二)…", "4.…", "2.5、…"): called where [`item_marker`] read no item
/// number there.
fn opens_item(p: &Prose<'_>, at: usize) -> bool {
    match (p.toks.get(at), p.toks.get(at + 1)) {
        (Some(Tok::Ch('(' | '（')), _) => true,
        (Some(Tok::Fig(_)), Some(Tok::Ch(sep))) => matches!(sep, '、' | '.' | '．'),
        _ => false,
    }
}

/// The items numbered 1, 2, 3… (or （一）（二）…, or 一、二、…, in one style) from token
/// `from` of the `pi`-th paragraph on (item 1 opens the sentence there), as each one's
/// opening amount: money, named in a few words of their own. An item opens a sentence or a clause group (after ；) and goes on over
/// those after it and into the paragraphs right after; the list ends at one that opens
/// another heading or number, or at an item that does not open with an amount.
fn list_items(doc: &Document, prose: &[Prose<'_>], pi: usize, from: usize) -> Vec<Part> {
    let mut items: Vec<Part> = Vec::new();
    let mut n = 1u32;
    let mut first: Option<Marker> = None;
    let mut sentences = 0;
    let mut last: Option<usize> = None;
    for p in prose.iter().skip(pi) {
        if last.is_some_and(|l| p.index != l + 1) {
            break;
        }
        let mut k = if last.is_none() { from } else { 0 };
        last = Some(p.index);
        while k < p.toks.len() {
            while matches!(p.toks.get(k), Some(Tok::Ch(' ' | '\u{3000}'))) {
                k += 1;
            }
            sentences += 1;
            if sentences > ITEM_SENTENCES {
                return items;
            }
            match item_marker(doc, p, k) {
                // the next number, in the first item's style
                Some((style, number, len))
                    if number == n && *first.get_or_insert(style) == style =>
                {
                    match item_amount(p, k, len) {
                        Some(part) => items.push(part),
                        None => return items,
                    }
                    n += 1;
                }
                Some(_) => return items,
                None if n == 1 || opens_item(p, k) => return items,
                None => {}
            }
            // the next item opens a sentence or a clause group ("1、…；2、…。")
            match group_end(p, k) {
                Ok(Some(end)) => k = end + 1,
                Ok(None) => break,
                // a "sentence" past the limit ends the list
                Err(()) => return items,
            }
        }
    }
    items
}

/// "主要税收收入项目情况如下:增值税 393.9 亿元,同比增长 8.1%;企业所得税 181.4 亿元,…;…。" (a
/// city's 2024 half-year report, an item a line): unnumbered items after a 如下, each a
/// clause group (up to ；) opening with a name and an amount, up to the sentence's end or a
/// clause group that does not; a paragraph ending without either goes on into the next
/// ("如下:" on a line of its own, then an item a line), unless that opens a heading or a
/// number.
fn line_items(doc: &Document, prose: &[Prose<'_>], pi: usize, from: usize) -> Vec<Part> {
    let mut items = Vec::new();
    let blank = |t: &Tok| matches!(t, Tok::Ch(' ' | '\u{3000}'));
    let mut k = from;
    let mut last = None;
    for p in prose.iter().skip(pi).take(ITEM_SENTENCES) {
        if last.is_some_and(|l| p.index != l + 1) {
            break;
        }
        if last.is_some() {
            k = 0;
            if item_marker(doc, p, 0).is_some() || opens_item(p, 0) {
                break;
            }
        }
        last = Some(p.index);
        while k < p.toks.len() {
            while p.toks.get(k).is_some_and(blank) {
                k += 1;
            }
            if k >= p.toks.len() {
                break;
            }
            let Some(part) = item_amount(p, k, 0) else {
                return items;
            };
            items.push(part);
            if items.len() > ITEM_SENTENCES {
                return items;
            }
            match group_end(p, k) {
                Ok(Some(end)) if matches!(p.toks.get(end), Some(Tok::Ch(c)) if ends_sentence(*c)) =>
                {
                    return items;
                }
                Ok(Some(end)) => k = end + 1,
                Ok(None) => break,
                Err(()) => return items,
            }
        }
    }
    items
}

/// Where the clause group from token `k` ends (at its ；, ; or sentence stop): `Ok(None)` at
/// the paragraph's end, `Err(())` where no stop comes within [`ITEM_SENTENCE_TOKENS`].
fn group_end(p: &Prose<'_>, k: usize) -> Result<Option<usize>, ()> {
    let limit = k.saturating_add(ITEM_SENTENCE_TOKENS).min(p.toks.len());
    match (k..limit).find(|&j| matches!(p.toks.get(j), Some(Tok::Ch(c)) if ends_semi(*c))) {
        Some(end) => Ok(Some(end)),
        None if limit < p.toks.len() => Err(()),
        None => Ok(None),
    }
}

/// How a list's items are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// "1.", "1、", "1．"
    Digits,
    /// "（一）", "(一)"
    Bracketed,
    /// "一、"
    Numeral,
}

/// The item number at token `at` ("1.", "（一）", "一、"): its style, its number and how
/// many tokens it takes.
fn item_marker(doc: &Document, p: &Prose<'_>, at: usize) -> Option<(Marker, u32, usize)> {
    const NUMERALS: &str = "一二三四五六七八九十";
    let numeral = |t: Option<&Tok>| match t {
        Some(Tok::Ch(c)) => NUMERALS.chars().position(|x| x == *c).map(|k| k as u32 + 1),
        _ => None,
    };
    match (p.toks.get(at), p.toks.get(at + 1), p.toks.get(at + 2)) {
        (Some(Tok::Fig(id)), Some(Tok::Ch('、' | '.' | '．')), _) => {
            // printed as the number itself ("1", not "01" nor "1.0")
            let raw = doc.figure(*id)?.raw;
            let n = raw.parse::<u32>().ok().filter(|n| n.to_string() == raw)?;
            Some((Marker::Digits, n, 2))
        }
        (Some(Tok::Ch('(' | '（')), t, Some(Tok::Ch(')' | '）'))) => {
            Some((Marker::Bracketed, numeral(t)?, 3))
        }
        (t, Some(Tok::Ch('、')), _) => Some((Marker::Numeral, numeral(t)?, 2)),
        _ => None,
    }
}

/// The amount an item numbered at token `at` (its number `len` tokens long) opens with
/// ("1.一般公共预算财政拨款收入 382.17 万元，…"), with its name.
fn item_amount(p: &Prose<'_>, at: usize, len: usize) -> Option<Part> {
    let i = p.mentions.partition_point(|m| m.at < at + len);
    let m = p.mentions.get(i)?;
    let lead = p.text_between(at + len, m.at);
    // ("契税、土地增值税等地方税收 242.2 亿元": names listed with 、 name one item)
    let named = !lead.is_empty()
        && lead.chars().count() <= 30
        && !lead.chars().any(|c| ends_clause(c) && c != '、');
    let label = if lead.contains('、') {
        lead.trim().to_string()
    } else {
        m.label
            .trim_start_matches(&['、', '.', '．', ')', '）'][..])
            .to_string()
    };
    (m.kind == Kind::Level && !m.inner && is_money(m.unit) && named && !label.is_empty())
        .then_some((m.fig, label, m.unit))
}

/// The budget named after 占 in the clause group of a mention ("…4348万元,占年初预算10065
/// 万元的43.2%"), as its index in the mentions.
fn budget_after(p: &Prose<'_>, m: &Mention) -> Option<FigId> {
    let k = p.mentions.partition_point(|x| x.at <= m.at);
    p.mentions
        .get(k..)?
        .iter()
        .take(3)
        .take_while(|x| x.semi == m.semi && x.kind != Kind::Level)
        .find(|x| x.kind == Kind::Budget && names_budget_of_part(&x.lead))
        .map(|x| x.fig)
}

/// When the total and every part of a breakdown state their budget after 占, the budgets
/// break down the same way (10065 = 8465 + 1600).
fn budgets_of(
    p: &Prose<'_>,
    total: &Mention,
    parts: &[Part],
    complete: bool,
    at: usize,
) -> Option<Breakdown> {
    let tb = budget_after(p, total)?;
    // ("…支出决算为2.02万元,其中:公务用车购置支出决算为0万元,完成全年预算0万元的0%,…": the
    // total's budget is stated before its list opens; the first one after it is a part's)
    if p.mention(tb).is_none_or(|b| b.at > at) {
        return None;
    }
    let mut pb = Vec::new();
    for (fig, label, _) in parts {
        let k = p.mentions.binary_search_by_key(fig, |m| m.fig).ok()?;
        let m = p.mentions.get(k)?;
        pb.push((budget_after(p, m)?, format!("{label}预算")));
    }
    (pb.len() >= 2).then(|| Breakdown {
        total: tb,
        total_label: format!("{}预算", total.label),
        parts: pb,
        complete,
        para: p.index,
        at,
        context: p.full_sentence(at),
        numbered: false,
    })
}

/// Whether `sub`'s characters occur in `s` in order ("地方收入" in "地方一般公共预算收入").
fn subsequence(sub: &str, s: &str) -> bool {
    let mut it = s.chars();
    sub.chars().all(|c| it.any(|x| x == c))
}

/// "地方收入按构成分:税收收入 1035 万元,…;非税收入 685 万元,…" and "从征收部门来看:…":
/// a sentence opened by a grouping phrase lists the parts of a total, one per clause
/// group. The total is the amount the phrase's subject names (the nearest amount before
/// whose label holds the subject's characters in order), or, with no subject, the nearest
/// amount of the same sentence. The parts are a partition only when every clause group
/// of the list names one.
fn grouped_lists(p: &Prose<'_>) -> Vec<Breakdown> {
    let mut out = Vec::new();
    let mut start = 0; // token index where the current sentence starts
    let mut at = 0;
    while at < p.toks.len() {
        let opener = match p.toks.get(at) {
            Some(Tok::Ch(c)) if ends_sentence(*c) => {
                start = at + 1;
                at += 1;
                continue;
            }
            Some(Tok::Ch('按')) => "按",
            Some(Tok::Ch('从')) => "从",
            _ => {
                at += 1;
                continue;
            }
        };
        let here = at;
        at += 1;
        // the subject: the words of the phrase's own clause before it (none after a comma)
        let mut from = here;
        while from > start && here - from <= 12 {
            match p.toks.get(from - 1) {
                Some(Tok::Ch(c)) if !ends_clause(*c) => from -= 1,
                _ => break,
            }
        }
        let opens_clause =
            from == start || matches!(p.toks.get(from - 1), Some(Tok::Ch(c)) if ends_clause(*c));
        let subject = p.text_between(from, here);
        let subject = subject.trim_start_matches(|c: char| !super::normalise::is_cjk(c));
        if !opens_clause || subject.chars().count() > 12 {
            continue;
        }
        // the grouping phrase: 按…分 / 按…划分 / 从…来看, ended by : or ,
        let phrase = p.chars_from(here, 16);
        let Some(end_rel) = phrase.find(&[':', ',', '：'][..]) else {
            continue;
        };
        let head = phrase.get(..end_rel).unwrap_or("");
        let ok = if opener == "按" {
            head.ends_with('分') || head.ends_with("划分")
        } else {
            head.ends_with("来看") || head.ends_with("看")
        };
        if !ok {
            continue;
        }
        let list_start = here + head.chars().count() + 1;
        let end = p.sentence_end_within(list_start, p.toks.len().min(list_start + 4000));
        let lo = p.mentions.partition_point(|m| m.at < list_start);
        let hi = p.mentions.partition_point(|m| m.at < end);
        let region: Vec<&Mention> = p.mentions.get(lo..hi).unwrap_or(&[]).iter().into_vec();
        let (parts, _, _) = region_parts(p, list_start - 1, end, &region, Kind::Level);
        let groups = 1 + p
            .toks
            .get(list_start..end)
            .unwrap_or(&[])
            .iter()
            .filter(|t| matches!(t, Tok::Ch(c) if ends_semi(*c)))
            .count();
        // one part per clause group, each group opening with its part
        let per_group: Vec<usize> = region
            .iter()
            .filter(|m| parts.iter().any(|x| x.0 == m.fig))
            .map(|m| m.semi)
            .into_vec();
        let mut distinct = per_group.clone();
        distinct.dedup();
        if parts.len() < 2 || parts.len() != groups || distinct.len() != parts.len() {
            continue;
        }
        let Some(unit) = parts.first().map(|x| x.2) else {
            continue;
        };
        if !parts.iter().all(|x| same_family(x.2, unit)) {
            continue;
        }
        let before = p.mentions.get(..lo).unwrap_or(&[]);
        let total = if subject.is_empty() {
            let sentence = region.first().map(|m| m.sentence);
            before
                .iter()
                .rev()
                .take(LOOK_BACK_MENTIONS)
                .take_while(|m| Some(m.sentence) == sentence)
                .find(|m| m.kind == Kind::Level && same_family(m.unit, unit))
        } else {
            // "地方收入" names "地方一般公共预算收入", not "税收收入"
            let key: String = subject
                .chars()
                .filter(|c| super::normalise::is_cjk(*c))
                .collect();
            before
                .iter()
                .rev()
                .take(LOOK_BACK_MENTIONS * 2)
                .filter(|m| m.kind == Kind::Level && same_family(m.unit, unit))
                .find(|m| subsequence(&key, &m.label))
        };
        let Some(total) = total else { continue };
        if let Some(b) = budgets_of(p, total, &parts, true, here) {
            out.push(b);
        }
        out.push(Breakdown {
            total: total.fig,
            total_label: total.label.clone(),
            parts: parts.into_iter().map(|x| (x.0, x.1)).into_vec(),
            complete: true,
            para: p.index,
            at: here,
            context: p.full_sentence(list_start),
            numbered: false,
        });
    }
    out
}

/// A budget line stated in the text: "公务接待费预算数 2 万元，决算数 0.6 万元，预决算差异率
/// -70%".
#[derive(Debug, Clone)]
pub struct Record {
    /// What it is the budget of.
    pub label: String,
    /// The budget figure.
    pub budget: Option<FigId>,
    /// The final figure.
    pub fin: Option<FigId>,
    /// Claims about the two: variance, completion or difference mentions (indices into
    /// [`Prose::mentions`]).
    pub claims: Vec<usize>,
    /// The record this one is a 其中 part of.
    pub parent: Option<usize>,
    /// Token index of its first figure.
    pub at: usize,
    /// Token index just past its last figure.
    pub end: usize,
    /// Clause group of its first figure.
    pub semi: usize,
    /// Another amount was named after it: later claims are not its own.
    pub closed: bool,
    /// The amount named just before a record that opens with its budget and names nothing
    /// else ("公务接待费支出 2.05 万元，年初预算为 2 万元，差值为 0.05 万元"): the actual the
    /// record's claims compare with the budget when no final figure is named.
    pub actual: Option<FigId>,
}

fn budget_label(lead: &str) -> String {
    let mut s = label_of(lead);
    for k in [
        "年初预算数",
        "全年预算数",
        "调整预算数",
        "预算数",
        "年初预算",
        "预算",
    ] {
        if let Some(i) = s.find(k) {
            s.truncate(i);
            break;
        }
    }
    s
}

/// The stage of the budget words name: the budget set at the year's start (年初预算) or the
/// one adjusted since (调整预算, 调整后预算); `None` for a budget named by neither.
fn budget_stage(lead: &str) -> Option<&'static str> {
    if lead.contains("调整预算") || lead.contains("调整后预算") || lead.contains("调整后的预算")
    {
        Some("调整")
    } else if lead.contains("年初预算") {
        Some("年初")
    } else {
        None
    }
}

/// Whether a budget's label is only words of its stage or its year (完成全年, 年初): it names
/// no line of its own.
pub fn stage_only(label: &str) -> bool {
    let mut s = label;
    for w in ["完成", "全年", "年初", "年度", "调整后", "调整"] {
        s = s.strip_prefix(w).unwrap_or(s);
    }
    s.is_empty()
}

/// Whether the mention before budget mention `i` is the final figure `fin`, one comma (after
/// its unit) between them.
fn final_just_before(p: &Prose<'_>, i: usize, fin: Option<FigId>) -> bool {
    let (Some(b), Some(a)) = (
        p.mentions.get(i),
        i.checked_sub(1).and_then(|k| p.mentions.get(k)),
    ) else {
        return false;
    };
    fin == Some(a.fig) && a.kind == Kind::Final && a.sentence == b.sentence && one_comma(p, a, b)
}

/// Whether one comma, and nothing but words, stands between amount `a` (after its unit)
/// and mention `b`: the words after the comma are `b`'s own.
fn one_comma(p: &Prose<'_>, a: &Mention, b: &Mention) -> bool {
    let between: String = p
        .text_between(a.at + 1, b.at)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // (the unit is read with the amount; one printed apart from it is passed over)
    let after_unit = between
        .strip_prefix(a.unit.unwrap_or(""))
        .unwrap_or(&between);
    after_unit.starts_with(&[',', '，'][..])
        && after_unit
            .chars()
            .filter(|c| matches!(c, ',' | '，'))
            .count()
            == 1
}

/// The amount just before budget mention `i` that the budget is the budget of: a money
/// amount of the same year in the same sentence, only a comma between them, the budget's
/// words naming nothing but its stage (`label`, what [`budget_label`] leaves, at most two
/// characters: "年初预算为" leaves 初). "基本支出 X 万元，项目支出预算 Y 万元" names another
/// line and has none.
fn actual_before(p: &Prose<'_>, i: usize, label: &str) -> Option<FigId> {
    let b = p.mentions.get(i)?;
    let a = p.mentions.get(i.checked_sub(1)?)?;
    // one comma, then the budget's words
    (a.kind == Kind::Level
        && is_money(a.unit)
        && same_family(a.unit, b.unit)
        && a.scope.year == b.scope.year
        && label.chars().count() < 3
        && one_comma(p, a, b)
        && !p.text_between(a.at + 1, b.at).contains("其中"))
    .then_some(a.fig)
}

/// The text after 占 naming the whole ("政府采购支出总额" in "占政府采购支出总额的").
pub fn named_whole(lead: &str) -> String {
    lead.split_once('占')
        .map_or_else(String::new, |(_, after)| whole_words(after))
}

/// The whole named by the words after 占, without 到/了 before it and 的, 比例 or 比重 after.
pub fn whole_words(after: &str) -> String {
    // ("占到公共财政预算支出的", "占了…")
    let after = after.trim_start_matches(&['到', '了'][..]);
    // ("…的比重达 79.1%", "…的比例约为")
    let s = without_linking(after)
        .trim_end_matches("比例")
        .trim_end_matches("比重")
        .trim_end_matches('比');
    let s = s.strip_suffix('的').unwrap_or(s);
    s.to_string()
}

/// The quotation marks a name may be printed with or without (“三公”经费, 「三公」經費).
const QUOTES: [char; 8] = ['“', '”', '"', '「', '」', '‘', '’', '\''];

/// The words without quotation marks (“三公”经费 → 三公经费), borrowed when there are none.
pub fn unquoted(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(QUOTES) {
        crate::figure::kept(s, |c| !QUOTES.contains(&c)).into()
    } else {
        s.into()
    }
}

/// The whole named by the share stated right after the amount `fig` in its sentence
/// ("…48100 元，占支出总预算的 4.43%" → 支出总预算), without quotation marks.
fn share_whole_after(p: &Prose<'_>, fig: FigId) -> Option<String> {
    // (mentions are in the order of their figures)
    let i = p.mentions.binary_search_by_key(&fig, |m| m.fig).ok()?;
    let (m, s) = (p.mentions.get(i)?, p.mentions.get(i + 1)?);
    if s.kind != Kind::Share || s.sentence != m.sentence {
        return None;
    }
    let w = unquoted(&named_whole(&s.lead)).into_owned();
    (w.chars().count() >= 2).then_some(w)
}

/// The budget lines of a paragraph, with 其中 parts linked to their record.
pub fn records(p: &Prose<'_>) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    let mut parent: Option<usize> = None;
    let mut last_at = 0;
    // how far the parent's sentence is known to run on: each token is looked at once
    let mut parent_seen = 0;
    for (i, m) in p.mentions.iter().enumerate() {
        let cur = out.len().checked_sub(1);
        let same = |r: &Record| {
            r.semi == m.semi || p.text_between(r.end, m.at).chars().all(|c| !ends_semi(c))
        };
        match m.kind {
            Kind::Budget => {
                let between = p.text_between(last_at, m.at);
                if let Some(pi) = parent {
                    if out
                        .get(pi)
                        .is_some_and(|r| p.sentence_end_within(r.at.max(parent_seen), m.at) < m.at)
                    {
                        parent = None;
                    } else {
                        parent_seen = parent_seen.max(m.at);
                    }
                }
                if between.contains("其中") {
                    parent = cur;
                    parent_seen = 0;
                }
                let label = budget_label(&m.lead);
                // "公务用车购置支出决算为0万元,完成全年预算0万元的0%,公务用车运行维护费支出决算
                // 为2.02万元,…" (a district office's 2024 accounts): a budget named by its stage
                // alone, a comma after a final figure, is that figure's budget; a line of its
                // own would take the next item's final figure for its own
                if let Some(r) = cur
                    .and_then(|c| out.get_mut(c))
                    .filter(|r| r.budget.is_none() && r.claims.is_empty() && !r.closed)
                    .filter(|r| final_just_before(p, i, r.fin) && stage_only(&label))
                {
                    r.budget = Some(m.fig);
                    r.end = m.at + 1;
                    last_at = m.at + 1;
                    continue;
                }
                out.push(Record {
                    actual: actual_before(p, i, &label),
                    label,
                    budget: Some(m.fig),
                    fin: None,
                    claims: Vec::new(),
                    parent,
                    at: m.at,
                    end: m.at + 1,
                    semi: m.semi,
                    closed: false,
                });
            }
            Kind::Final => {
                let r = cur.and_then(|c| out.get_mut(c));
                match r {
                    Some(r) if r.fin.is_none() && same(r) => {
                        r.fin = Some(m.fig);
                        r.end = m.at + 1;
                    }
                    _ => {
                        parent = None;
                        out.push(Record {
                            label: budget_label(&m.lead),
                            budget: None,
                            fin: Some(m.fig),
                            claims: Vec::new(),
                            parent: None,
                            at: m.at,
                            end: m.at + 1,
                            semi: m.semi,
                            closed: false,
                            actual: None,
                        });
                    }
                }
            }
            // another amount named after the record ("…，其中：因公出国（境）费决算为 X
            // 万元，完成预算的 Y%"): the claims after it are about that amount, whose budget
            // is not stated, not about the record
            Kind::Level if is_money(m.unit) => {
                if let Some(r) = cur.and_then(|c| out.get_mut(c)) {
                    if r.end <= m.at {
                        r.closed = true;
                    }
                }
            }
            Kind::Variance | Kind::Completion | Kind::Diff(_) => {
                // "完成年初预算150万元的146.67%,完成调整预算的100%" (a county's 2019 audit
                // report): a rate naming another budget than the record's is not its claim
                let own_budget = |r: &Record| {
                    let stage_of = |f: FigId| p.mention(f).and_then(|b| budget_stage(&b.lead));
                    match (budget_stage(&m.lead), r.budget.and_then(stage_of)) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    }
                };
                if let Some(r) = cur.and_then(|c| out.get_mut(c)) {
                    if same(r) && !r.closed && own_budget(r) {
                        r.claims.push(i);
                        r.end = m.at + 1;
                    }
                }
            }
            _ => {}
        }
        last_at = m.at + 1;
    }
    out
}

/// The 其中 parts of budget lines as breakdowns: one of budgets, one of finals.
fn record_breakdowns(p: &Prose<'_>) -> Vec<Breakdown> {
    let recs = records(p);
    let mut out = Vec::new();
    // each record's 其中 parts, gathered in one pass (not a search of all records per record)
    let mut children: Vec<Vec<&Record>> = vec![Vec::new(); recs.len()];
    for k in &recs {
        if let Some(c) = k.parent.and_then(|i| children.get_mut(i)) {
            c.push(k);
        }
    }
    for (r, kids) in recs.iter().zip(children) {
        if kids.is_empty() {
            continue;
        }
        let labels: Vec<String> = kids.iter().map(|k| k.label.clone()).into_vec();
        for pick in [|r: &Record| r.budget, |r: &Record| r.fin] {
            let (Some(total), Some(parts)) = (
                pick(r),
                kids.iter()
                    .map(|k| pick(k).map(|f| (f, k.label.clone())))
                    .collect::<Option<Vec<_>>>(),
            ) else {
                continue;
            };
            out.push(Breakdown {
                total,
                total_label: r.label.clone(),
                parts,
                complete: complete(&labels),
                para: p.index,
                at: r.at,
                context: p.full_sentence(r.at),
                numbered: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lists_halves_read_in_one_pass_are_the_pairs_read_one_by_one() {
        let labels = [
            "税收收入",
            "非税收入",
            "一般性转移支付收入",
            "一般转移支付收入",
            "专项转移支付收入",
            "一般债务",
            "专项债务",
            "基本支出",
            "项目支出",
            "人员经费",
            "公用经费",
            "税收收入和非税收入",
            "上年结转",
        ];
        let wholes = [
            "一般公共预算收入",
            "转移支付收入",
            "债务余额",
            "基本支出",
            "收入合计",
        ];
        let mut seen = [0; 2];
        for whole in wholes {
            for a in labels {
                for b in labels {
                    let one_by_one = halves_of(whole, a, b);
                    assert_eq!(
                        pairs_halves(whole, sides_named(a), sides_named(b)),
                        one_by_one,
                        "{whole}: {a}, {b}"
                    );
                    seen[usize::from(one_by_one)] += 1;
                }
            }
        }
        // both answers were met
        assert!(seen[0] > 0 && seen[1] > 0, "{seen:?}");
    }
    use crate::read::read_text;

    #[test]
    fn a_label_keeps_no_item_number_nor_dash_before_it() {
        // the lead after "1." ("1.财政拨款收入482.17万元") and after a dash ("——全县…")
        assert_eq!(label_of(".财政拨款收入"), "财政拨款收入");
        assert_eq!(label_of("——全县一般公共预算支出"), "全县一般公共预算支出");
        // the rest of a footnote mark whose number was read as a figure ("基金[2]收入")
        assert_eq!(label_of("]收入"), "收入");
        assert_eq!(label_of("】收入"), "收入");
        assert_eq!(label_of("(一)因公出国(境)费支出"), "因公出国(境)费支出");
        // what a year's figure leaves goes; 年初 and 年末 are words
        assert_eq!(label_of("年度收入总计"), "收入总计");
        assert_eq!(label_of("年一般公共预算收入"), "一般公共预算收入");
        assert_eq!(label_of("年初结转和结余"), "年初结转和结余");
        assert_eq!(label_of("年末结转和结余"), "年末结转和结余");
        // "一般公共预算收入实际完成103,033万元" names 一般公共预算收入, the whole a share
        // "占一般公共预算收入比重为87.96%" is of (ewenke.gov.cn, 2025)
        assert_eq!(label_of("一般公共预算收入实际完成"), "一般公共预算收入");
        // "社福支出高達7154億元" names 社福支出 (news.ltn.com.tw, 2022)
        assert_eq!(label_of("社福支出高达"), "社福支出");
        // a quotation opening the label keeps both its marks; one cut off loses what is left
        assert_eq!(label_of("“三公”经费支出决算为"), "“三公”经费支出决算");
        assert_eq!(label_of("经费”支出"), "经费”支出");
        assert_eq!(label_of("“一般公共预算收入”"), "一般公共预算收入");
    }

    #[test]
    fn a_word_is_found_where_a_substring_search_finds_it() {
        let doc = read_text(include_str!(
            "../../samples/2019-xinjiang-government-office-final-accounts.txt"
        ));
        let mut found = 0;
        for p in &doc.paragraphs {
            for w in ["主要原因是", "主要是", "其中", "万元", "。", "x"] {
                assert_eq!(find_word(&p.text, w), p.text.find(w), "{w}");
                found += usize::from(find_word(&p.text, w).is_some());
            }
        }
        assert!(found > 20, "{found}");
        assert_eq!(find_word("其他其中", "其中"), Some("其他".len()));
        assert_eq!(find_word("abc", ""), Some(0));
    }

    #[test]
    fn text_between_and_chars_from_read_the_tokens_at_every_bound() {
        let doc = read_text("支出合计100万元，比上年减少5万元。\n");
        let p = Prose::read(&doc, 0, &doc.paragraphs[0]);
        let n = p.toks.len();
        let ch = |t: &Tok| match t {
            Tok::Ch(c) => *c,
            Tok::Fig(_) => '#',
        };
        for from in 0..n + 2 {
            for to in 0..n + 2 {
                let plain: String = p.toks.iter().take(to).skip(from).map(ch).collect();
                assert_eq!(p.text_between(from, to), plain, "{from}..{to}");
            }
            for len in 0..n + 2 {
                let plain: String = p
                    .toks
                    .iter()
                    .skip(from)
                    .take(len)
                    .map_while(|t| matches!(t, Tok::Ch(_)).then(|| ch(t)))
                    .collect();
                assert_eq!(p.chars_from(from, len), plain, "{from}, {len}");
            }
        }
        assert_eq!(p.text_between(0, n), "支出合计#,比上年减少#。");
    }

    #[test]
    fn a_budget_named_by_its_stage_after_a_final_figure_is_that_figures_budget() {
        // a district audit office's 2024 三公 accounts: two items in one sentence, each
        // "决算为 X,完成全年预算 Y 的 Z%"; each item's budget and final figure are one line
        let doc = read_text(
            "其中:公务用车购置支出决算为1万元,完成全年预算2万元的50%,公务用车运行维护费支出决算为3万元,完成全年预算4万元的75%。\n",
        );
        let p = Prose::read(&doc, 0, &doc.paragraphs[0]);
        let raw = |f: Option<FigId>| f.and_then(|f| doc.figure(f)).map(|f| f.raw);
        let lines: Vec<_> = records(&p)
            .iter()
            .map(|r| (r.label.clone(), raw(r.fin), raw(r.budget)))
            .collect();
        let line = |l: &str, f, b| (l.to_string(), Some(f), Some(b));
        assert_eq!(
            lines,
            [
                line("公务用车购置支出决算", "1", "2"),
                line("公务用车运行维护费支出决算", "3", "4")
            ]
        );
        // a budget naming a line of its own is that line's ("会议费预算数")
        let doc = read_text("公务接待费决算为1万元,会议费预算数为2万元。\n");
        let p = Prose::read(&doc, 0, &doc.paragraphs[0]);
        assert_eq!(records(&p).len(), 2);
    }

    #[test]
    fn glosses_and_traditional_script_are_normalised() {
        let doc =
            read_text("本年預(yù)算數（shù）100萬元，與上年相比，減少 5 萬元，下降 4.76%。\n");
        let p = Prose::read(&doc, 0, &doc.paragraphs[0]);
        let kinds: Vec<Kind> = p.mentions.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [Kind::Budget, Kind::Change(-1), Kind::Rate(-1)]);
        assert_eq!(p.mentions[0].label, "本年预算数");
        // (a mirror of the 2014 procurement report: 規 spelled as the share names it)
        let doc = read_text("全國政府采購規(guī)模為17305.34億元。\n");
        let p = Prose::read(&doc, 0, &doc.paragraphs[0]);
        assert_eq!(p.mentions[0].label, "全国政府采购规模");
    }

    #[test]
    fn a_bare_verb_after_a_comparison_names_a_change_and_its_rate() {
        // a unit's 2018 budget explanation: 增 and 减 alone, 新增 an amount added
        let kinds = |text: &str| -> Vec<Kind> {
            let doc = read_text(text);
            let p = Prose::read(&doc, 0, &doc.paragraphs[0]);
            p.mentions.iter().map(|m| m.kind).collect()
        };
        assert_eq!(
            kinds("工资福利支出较上年增18.67万元,增21.86%。\n"),
            [Kind::Change(1), Kind::Rate(1)]
        );
        assert_eq!(
            kinds("商品和服务支出较上年减0.04万元,减0.01%。\n"),
            [Kind::Change(-1), Kind::Rate(-1)]
        );
        for added in ["较上年新增10万元。\n", "本年增5万元。\n"] {
            assert!(!matches!(kinds(added)[..], [Kind::Change(_)]), "{added}");
        }
    }

    #[test]
    fn a_templates_alternative_direction_words_leave_the_direction_unknown() {
        let doc = read_text(
            "“三公”经费支出决算数比2023年度减少（增加）0.15万元，下降（增长）27.78%；\
             增加(减少)1万元，增长（增长）5%；增加（其中）2万元。\n",
        );
        let p = Prose::read(&doc, 0, &doc.paragraphs[0]);
        let kinds: Vec<Kind> = p.mentions.iter().map(|m| m.kind).collect();
        // the same word twice is no alternative; a word in parentheses that is no
        // direction leaves the lead read as before
        assert_eq!(
            kinds,
            [
                Kind::Year,
                Kind::Change(0),
                Kind::Rate(0),
                Kind::Change(0),
                Kind::Other,
                Kind::Level
            ]
        );
    }

    #[test]
    fn listed_figures_take_the_kind_of_the_first() {
        let doc = read_text(
            "收、支总计各是100万元、200万元，各减少10万元、20万元，各下降9.09%、9.09%。\n",
        );
        let p = Prose::read(&doc, 0, &doc.paragraphs[0]);
        let kinds: Vec<Kind> = p.mentions.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Level,
                Kind::Level,
                Kind::Change(-1),
                Kind::Change(-1),
                Kind::Rate(-1),
                Kind::Rate(-1)
            ]
        );
    }

    #[test]
    fn respectively_lists_are_one_list() {
        let doc = read_text(
            "货物、工程和服务采购金额分别为6571.4亿元、11155.2亿元和3343.9亿元,占全国政府采购规模的比重为31.2%、52.9%和15.9%。\n",
        );
        let c = crate::claims::build(&doc);
        let p = &c.prose[0];
        let lists: Vec<usize> = p.mentions.iter().map(|m| m.list).collect();
        assert_eq!(lists, [0, 0, 0, 3, 3, 3]);
        assert_eq!(p.list_lengths()[0], 3);
        assert_eq!(p.list_lengths()[3], 3);
    }

    #[test]
    fn a_respectively_list_pairs_names_and_amounts_by_position() {
        let labels = |text: &str| {
            let doc = read_text(text);
            let c = crate::claims::build(&doc);
            c.breakdowns
                .iter()
                .map(|b| (b.complete, b.parts.iter().map(|x| x.1.clone()).collect()))
                .collect::<Vec<(bool, Vec<String>)>>()
        };
        assert_eq!(
            labels("支出合计 100 万元，其中：基本支出、项目支出和经营支出分别为 60 万元、30 万元和 10 万元。\n"),
            [(
                true,
                vec!["基本支出".to_string(), "项目支出".into(), "经营支出".into()]
            )]
        );
        // 和 inside a name and between the last two: no single place to cut, no pairing
        let got = labels("支出合计 90 万元，其中：工资福利支出、商品和服务支出和对个人和家庭的补助分别为 50 万元、30 万元和 11 万元。\n");
        assert!(got.iter().all(|(complete, _)| !complete), "{got:?}");
    }

    #[test]
    fn a_parenthesis_naming_what_a_name_covers_is_part_of_the_name() {
        let labels = |text: &str| {
            let doc = read_text(text);
            let c = crate::claims::build(&doc);
            let p = c
                .prose
                .first()
                .map(|p| p.mentions.clone())
                .unwrap_or_default();
            p.iter().map(|m| m.label.clone()).collect::<Vec<_>>()
        };
        // 宜春市's 2024 revenue (its 财政局's January 2025 release; 其中 for its 分级次看,):
        // the 、 inside 县(市、区) does not cut the name to 区…, so the two levels are not
        // one quantity printed twice (a false alarm: "应为 49.5，印为 234.6")
        let got = labels("2024年,全市一般公共预算收入284.1亿元。其中:市级(市本级、“三区”)一般公共预算收入49.5亿元,县(市、区)一般公共预算收入234.6亿元。\n");
        assert_eq!(
            got.get(2..).unwrap_or(&[]),
            [
                "市级(市本级、“三区”)一般公共预算收入",
                "县(市、区)一般公共预算收入"
            ]
        );
        // a parenthesis listing amounts is a list: its 、 still separates the items
        let got = labels(
            "“三公”经费1646.4万元(公务用车购置费109.0万元、公务用车运行维护费1537.4万元)。\n",
        );
        assert_eq!(
            got.get(1..).unwrap_or(&[]),
            ["公务用车购置费", "公务用车运行维护费"]
        );
    }

    #[test]
    fn each_amount_of_a_respectively_list_takes_its_own_name() {
        let labels = |text: &str| {
            let doc = read_text(text);
            let c = crate::claims::build(&doc);
            c.prose[0]
                .mentions
                .iter()
                .map(|m| m.label.clone())
                .collect::<Vec<_>>()
        };
        // the national 2019 procurement news (xxrb.com.cn): no 其中, the shares follow
        let got = labels("中央预算单位、地方预算单位政府采购规模分别为2666.3亿元和30400.7亿元,占全国政府采购规模的8.1%和91.9%。\n");
        assert_eq!(
            got.get(..2).unwrap_or(&[]),
            ["中央预算单位", "地方预算单位政府采购规模"]
        );
        // names of one clause only: the list before the comma is another's
        let got = labels("收入100万元,甲、乙分别为60万元、40万元。\n");
        assert_eq!(got, ["收入", "甲", "乙"]);
        // a bare 为 pairs them too (新华网 on 2014's procurement, anzhuopai.com mirror, in
        // simplified script): 106.59 is 环境服务's, not the last name's
        let got = labels("服务类采购金额1934.25亿元,比上年增长26.1%。其中,环境服务、文化体育服务为106.59亿元、17.24亿元。\n");
        assert_eq!(got.get(2..).unwrap_or(&[]), ["环境服务", "文化体育服务"]);
        // not 各是, whose one name holds both ("收、支总计": read by position where used)
        let got = labels("收、支总计各是 10 万元、20 万元。\n");
        assert_eq!(got, ["收、支总计", ""]);
        // no single place to cut the last two names: the words before each stay
        let got = labels(
            "工资福利支出、商品和服务支出和对个人和家庭的补助分别为 50 万元、30 万元和 11 万元。\n",
        );
        assert_eq!(got.get(1).map(String::as_str), Some(""), "{got:?}");
    }

    /// The breakdowns of a text as their totals and parts, as printed.
    fn parts_of(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = read_text(text);
        let c = crate::claims::build(&doc);
        totals_and_parts(&doc, &c)
    }

    /// Each breakdown of the claims as its total and its parts, as printed.
    fn totals_and_parts(
        doc: &crate::document::Document,
        c: &crate::claims::Claims<'_>,
    ) -> Vec<(String, Vec<String>)> {
        let raw = |f: FigId| doc.figure(f).unwrap().raw.to_string();
        c.breakdowns
            .iter()
            .map(|b| (raw(b.total), b.parts.iter().map(|x| raw(x.0)).collect()))
            .collect()
    }

    #[test]
    fn an_amount_an_act_adds_before_a_qizhong_may_be_what_it_divides() {
        // Beijing's 2023 budget adjustment (news of it): 580 = 94.8 + 485.2, and the parts
        // are no parts of the 537 before it
        let text =
            "除已纳入年初预算草案提前下达的新增地方政府债务限额537亿元,本次预算调整拟增加580亿元\
                    新增债务限额,其中:市级94.8亿元、区级485.2亿元。\n";
        let entries = |text: &str| {
            let r = crate::check_document(&read_text(text));
            r.checks
                .iter()
                .map(|e| (e.rule.id(), e.reported.clone(), e.status.as_str()))
                .collect::<Vec<_>>()
        };
        assert_eq!(entries(text), [("parts-sum", "580".to_string(), "pass")]);
        // a smaller amount before: its parts are not said to exceed it
        let smaller = text.replace("537", "137");
        assert_eq!(
            entries(&smaller),
            [("parts-sum", "580".to_string(), "pass")]
        );
        // a change on a year between them (the year's figure cuts the change's words): the
        // amount before it is the total
        let on_last_year = text.replace("本次预算调整拟增加", "比2022年增加");
        assert_eq!(
            parts_of(&on_last_year),
            [("537".to_string(), vec!["94.8".to_string(), "485.2".into()])]
        );
    }

    #[test]
    fn a_sentence_of_amounts_closed_by_its_total_lists_the_totals_parts() {
        // 滨江区's 2021 final accounts (a mirror of it): 143.17 + 85.86 + 12.67 + 6.15 =
        // 247.85, within rounding of 247.84
        let spent = "一般公共预算支出143.17亿元,上解省市支出85.86亿元,结转下年专项支出12.67亿元,\
                     预算稳定调节基金6.15亿元,支出合计247.84亿元。\n";
        let sums = |text: &str| {
            let r = crate::check_document(&read_text(text));
            r.checks
                .iter()
                .filter(|e| e.rule.id() == "parts-sum")
                .map(|e| (e.reported.clone(), e.status.as_str()))
                .collect::<Vec<_>>()
        };
        assert_eq!(sums(spent), [("247.84".to_string(), "pass")]);
        // said only where it holds: without 加 the amounts may not all be the total's parts
        assert_eq!(sums(&spent.replace("247.84", "257.84")), []);
        // a total of the other side, or a 其中 among them, is not read so
        assert_eq!(sums(&spent.replace("支出合计", "收入合计")), []);
        let held = spent.replace(",上解省市支出", ",其中上解省市支出");
        assert!(!parts_of(&held).iter().any(|(t, _)| t == "247.84"));
        // amounts naming neither side, closed by a 共计 naming none (Taipei's 2026 budget,
        // the words of its bracket)
        let shared = "统筹分配税款696.83亿元、一般性补助款138.93亿元,共计835.76亿元。\n";
        assert_eq!(sums(shared), [("835.76".to_string(), "pass")]);
        assert_eq!(sums(&shared.replace("共计", "收入合计")), []);
        // (the income side, a 加 list: last year's carryover of a kind is an amount too)
        let income = "全年一般公共预算收入202.89亿元,加上税收返还1.73亿元,省市补助23.26亿元,\
                      调入资金6.65亿元,上年专项结转10.87亿元,预算稳定调节基金2.44亿元,\
                      收入合计247.84亿元。\n";
        assert_eq!(sums(income), [("247.84".to_string(), "pass")]);
        assert_eq!(
            sums(&income.replace("10.87", "11.87")),
            [("247.84".to_string(), "fail")]
        );
    }

    #[test]
    fn an_among_phrase_lists_the_parts_of_the_amount_it_names() {
        // the total in the sentence before (a rate after it), named in other words
        assert_eq!(
            parts_of("本年度财政拨款收入共计 9,787.85 万元，占总收入的 35.39%。在收入拨款中，教育经费拨款 9,451.03 万元，科学技术拨款 250.03 万元，医疗卫生类拨款 86.79 万元。\n"),
            [(
                "9,787.85".to_string(),
                vec!["9,451.03".to_string(), "250.03".into(), "86.79".into()]
            )]
        );
        // in the same sentence, 当中
        assert_eq!(
            parts_of("本年度项目支出 14,629.33 万元，占总支出的 54.19%，在项目支出当中，教育事业支出 14,412.87 万元，科研支出 166.87 万元。\n"),
            [(
                "14,629.33".to_string(),
                vec!["14,412.87".to_string(), "166.87".into()]
            )]
        );
        // 从…来看 and a 分别为 list, the total in the paragraph before
        assert_eq!(
            parts_of("全国政府采购规模为21070.5亿元，比上年增加3765.2亿元。\n从政府采购结构来看，货物类、工程类和服务类采购金额分别为6571.4亿元、11155.2亿元和3343.9亿元。\n"),
            [(
                "21070.5".to_string(),
                vec!["6571.4".to_string(), "11155.2".into(), "3343.9".into()]
            )]
        );
        // the names of the 分别为 list begin after the opener's comma
        let doc = read_text("全国政府采购规模为21070.5亿元。\n从政府采购结构来看，货物类、工程类和服务类采购金额分别为6571.4亿元、11155.2亿元和3343.9亿元。\n");
        let c = crate::claims::build(&doc);
        let labels: Vec<&str> = c.breakdowns[0].parts.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(labels, ["货物类", "工程类", "服务类采购金额"]);
        // words naming no amount before them, or another amount: no breakdown
        for text in [
            "全国政府采购规模为21070.5亿元。\n从执行情况看，货物类、工程类和服务类采购金额分别为6571.4亿元、11155.2亿元和3343.9亿元。\n",
            "本年度项目支出 146.33 万元，占总支出的 54.19%。在执行过程中，购置设备 12.5 万元，维修 3 万元。\n",
            "本年度项目支出 146.33 万元。在基本支出中，人员经费 120 万元，公用经费 30 万元。\n",
            "本年度项目支出 146.33 万元。在中，人员经费 120 万元，公用经费 30 万元。\n",
            // the same amount again, of other years: no parts of it
            "2019年政府采购规模500万元。从政府采购规模来看，2018年政府采购规模600万元。\n",
            "2019年政府采购规模500万元。从政府采购规模来看，2018年政府采购规模600万元，2017年政府采购规模550万元。\n",
        ] {
            assert_eq!(parts_of(text), [], "{text}");
        }
    }

    #[test]
    fn a_division_by_kind_lists_the_parts_of_the_amount_it_names() {
        // the amount divided is sentences back, past amounts named otherwise (集中采购 is
        // not 政府采购)
        let text = "政府采购预算 17000 元，同比增加 17000 元。其中：政府集中采购预算 17000 元，占政府采购预算的 100%。分散采购 0 元，占政府采购预算的 0%。按政府采购资金类型划分，一般公共预算拨款 17000 元，财政专户管理的资金安排 0 元，上年结转结余资金 0 元。\n";
        let got = parts_of(text);
        assert!(
            got.contains(&(
                "17000".to_string(),
                vec!["17000".to_string(), "0".into(), "0".into()]
            )),
            "{got:?}"
        );
        let doc = read_text(text);
        let c = crate::claims::build(&doc);
        let divided = c.breakdowns.iter().find(|b| b.parts.len() == 3).unwrap();
        assert_eq!(doc.figure(divided.total).unwrap().line, 1);
        assert_eq!(divided.total_label, "政府采购预算");
        // no amount named by the words and a stage only, one part only, or a part naming
        // them again: none
        for text in [
            "一般公共预算支出 1000 万元，其中人员经费支出 600 万元。按支出类型划分，基本支出 800 万元，项目支出 200 万元。\n",
            "部门预算 17000 元。按政府采购资金类型划分，一般公共预算拨款 17000 元，财政专户管理的资金安排 0 元。\n",
            "政府采购预算 17000 元。按政府采购资金类型划分，一般公共预算拨款 17000 元。\n",
            "政府采购预算 17000 元。按政府采购资金类型划分，政府采购一般公共预算拨款 17000 元，财政专户管理的资金安排 0 元。\n",
        ] {
            assert!(
                parts_of(text).iter().all(|(_, parts)| parts.len() < 2),
                "{text}: {:?}",
                parts_of(text)
            );
        }
    }

    #[test]
    fn a_year_inside_a_list_does_not_end_it_under_a_heading() {
        // "比2024年" is a mention without a scope of its own: the list goes on past it
        assert_eq!(
            parts_of("一、收入预算情况\n收入预算 9,101.68 万元，其中：财政拨款收入 9,101.68 万元，比2024年预算减少 2,389.52 万元；事业收入 0 万元；其他收入 0 万元。\n"),
            [(
                "9,101.68".to_string(),
                vec!["9,101.68".to_string(), "0".into(), "0".into()]
            )]
        );
    }

    #[test]
    fn words_ending_in_zhong_list_the_parts_of_the_amount_they_name() {
        let text = "一、支出预算情况\n支出预算 9,101.68 万元，其中：财政拨款支出预算 9,101.68 万元，比2024年预算减少 2,389.52 万元。财政拨款支出预算中，一般公共预算拨款支出预算 9,101.68 万元，比2024年预算减少 2,389.52 万元；政府性基金拨款支出预算 0 万元，比2024年预算持平；国有资本经营预算拨款支出预算 0 万元，比2024年预算持平。\n";
        let doc = read_text(text);
        let c = crate::claims::build(&doc);
        let listed = c.breakdowns.iter().find(|b| b.parts.len() == 3).unwrap();
        assert_eq!(listed.total_label, "财政拨款支出预算");
        assert_eq!(
            listed
                .parts
                .iter()
                .map(|x| x.1.as_str())
                .collect::<Vec<_>>(),
            [
                "一般公共预算拨款支出预算",
                "政府性基金拨款支出预算",
                "国有资本经营预算拨款支出预算"
            ]
        );
        // named in quotation marks
        assert_eq!(
            parts_of("“三公”经费预算 35 万元。“三公”经费预算中，因公出国（境）费 5 万元，公务接待费 10 万元，公务用车购置及运行费 20 万元。\n"),
            [("35".to_string(), vec!["5".to_string(), "10".into(), "20".into()])]
        );
        // one part named after the amount's name (a province's 2021 report, a list before it)
        assert_eq!(
            parts_of("一季度,全省政府性基金收入102.3亿元。其中:省级收入16.5亿元;市县级收入85.8亿元。全省政府性基金收入中,国有土地使用权出让收入78.6亿元,增长20.5%。\n"),
            [
                ("102.3".to_string(), vec!["16.5".to_string(), "85.8".into()]),
                ("102.3".to_string(), vec!["78.6".to_string()])
            ]
        );
        // the amount named is this year's, not the one it is compared with
        let text = "收入预算 10000 万元，比2023年收入预算 8000 万元增加 2000 万元。收入预算中，财政拨款收入 9000 万元，事业收入 1000 万元。\n";
        let doc = read_text(text);
        let c = crate::claims::build(&doc);
        let listed = c.breakdowns.iter().find(|b| b.parts.len() == 2).unwrap();
        assert_eq!(doc.figure(listed.total).unwrap().raw, "10000");
        // words naming no amount before them, too few words, 其中 (a list of its own) or a
        // 在…中: no list opened by the 中
        for text in [
            "支出预算 9,101.68 万元。项目预算执行中，一般公共预算拨款 9,101.68 万元，政府性基金拨款 0 万元。\n",
            "支出预算 9,101.68 万元。年中，一般公共预算拨款 9,101.68 万元，政府性基金拨款 0 万元。\n",
            "支出预算 9,101.68 万元。其中，一般公共预算拨款 9,101.68 万元，政府性基金拨款 0 万元。\n",
            "支出预算 9,101.68 万元。在支出预算中，一般公共预算拨款 9,101.68 万元，政府性基金拨款 0 万元。\n",
        ] {
            let doc = read_text(text);
            let c = crate::claims::build(&doc);
            let toks = &c.prose[0].toks;
            assert!(
                c.breakdowns
                    .iter()
                    .all(|b| toks.get(b.at) != Some(&Tok::Ch('中'))),
                "{text}"
            );
        }
    }

    #[test]
    fn a_list_inside_an_enumerated_item_ends_with_the_item() {
        // a town's 2019 report (realhunt: 一是/二是/三是 are the parts of 6028)
        let text = "2019年财政总收入为6028万元,由三部分构成:一是本年本镇财政收入2454万元,其中税收收入974万元、非税收入1480万元;二是上级财政补助收入3292万元,其中:一般性转移支付收入960万元、专项性转移支付收入2328万元;三是上年结余结转收入4万元。\n";
        assert_eq!(
            parts_of(text),
            [
                ("2454".to_string(), vec!["974".to_string(), "1480".into()]),
                ("3292".to_string(), vec!["960".to_string(), "2328".into()]),
            ]
        );
        // "第一，…第二，…" the same; "一是" after the 其中 opens its list
        let text = "支出合计 100 万元。第一，基本支出 60 万元，其中人员经费 50 万元；第二，项目支出 40 万元。\n";
        assert_eq!(parts_of(text), [("60".to_string(), vec!["50".to_string()])]);
        let text = "支出合计 100 万元，其中：一是基本支出 60 万元；二是项目支出 40 万元。\n";
        assert_eq!(
            parts_of(text),
            [("100".to_string(), vec!["60".to_string(), "40".into()])]
        );
    }

    #[test]
    fn by_item_lists_the_parts_of_a_final_amount() {
        assert_eq!(
            parts_of("2016年“三公”经费决算数2364万元，比上年决算数下降16.77%。分项情况是：因公出国(境)经费12万元，比上年下降86.62%；公务接待费1356万元；公车购置及运行费995万元。\n"),
            [(
                "2364".to_string(),
                vec!["12".to_string(), "1356".into(), "995".into()]
            )]
        );
        // years of the total, not named items: no parts of it
        assert_eq!(
            parts_of("“三公”经费决算数2364万元。分项情况是：2016年2364万元，2015年2840万元。\n"),
            []
        );
        // 分项 in other words (分项目) opens nothing
        assert_eq!(
            parts_of("2016年“三公”经费决算数2364万元。分项目支出：因公出国(境)经费12万元，公务接待费1356万元。\n"),
            []
        );
    }

    #[test]
    fn a_whole_breakdown_goes_on_past_its_sentence() {
        // the other half of the set leads the next sentence, a sentence of reasons between
        for text in [
            "政府采购预算 6429768.84 元，同比增加 2433505.07 元。其中：政府集中采购预算 3378990 元，占 52.55%；主要原因是增加了服务类采购。分散采购 3050778.84 元，占 47.45%。\n",
            "政府采购预算 6429768.84 元。其中：政府集中采购预算 3378990 元，占 52.55%。主要原因是增加了服务类采购。分散采购 3050778.84 元。\n",
        ] {
            assert_eq!(
                parts_of(text),
                [(
                    "6429768.84".to_string(),
                    vec!["3378990".to_string(), "3050778.84".into()]
                )],
                "{text}"
            );
        }
        // a sentence opening with an amount that does not complete the set, or with other
        // words first: the breakdown stays as it was
        for text in [
            "政府采购预算 6429768.84 元。其中：政府集中采购预算 3378990 元。货物类采购 3050778.84 元。\n",
            "政府采购预算 6429768.84 元。其中：政府集中采购预算 3378990 元。另外，分散采购 3050778.84 元。\n",
        ] {
            assert_eq!(
                parts_of(text),
                [("6429768.84".to_string(), vec!["3378990".to_string()])],
                "{text}"
            );
        }
    }

    #[test]
    fn a_whole_breakdown_passes_over_a_sentence_of_reasons_after_each_part() {
        // a city's 2024 三公 budget (Baise): each part followed by its reasons; eight
        // sentences, four of them parts
        let reason = "主要原因是厉行节约。";
        let text = |reasons: &[&str]| {
            format!(
                "“三公”经费支出共计3923万元。其中:公务接待费638万元,比上年减少317万元。{}因公出国(境)\
                 经费62万元。{}公务用车购置费718万元。{}公务用车运行维护费2505万元。\n",
                reasons.first().unwrap_or(&""),
                reasons.get(1).unwrap_or(&""),
                reasons.get(2).unwrap_or(&"")
            )
        };
        let whole = [(
            "3923".to_string(),
            vec!["638".to_string(), "62".into(), "718".into(), "2505".into()],
        )];
        assert_eq!(parts_of(&text(&[reason, reason, reason])), whole);
        // two sentences of reasons in a row are passed over; three are the list's end
        let two = [reason, reason].concat();
        assert_eq!(parts_of(&text(&[&two, reason, reason])), whole);
        let three = [reason, reason, reason].concat();
        assert_eq!(
            parts_of(&text(&[&three, reason, reason])),
            [("3923".to_string(), vec!["638".to_string()])]
        );
    }

    /// The numbered-list breakdowns of a text ([`Breakdown::numbered`]), as printed.
    fn numbered_of(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = read_text(text);
        let c = crate::claims::build(&doc);
        let raw = |f: FigId| doc.figure(f).unwrap().raw.to_string();
        c.breakdowns
            .iter()
            .filter(|b| b.numbered)
            .map(|b| (raw(b.total), b.parts.iter().map(|x| raw(x.0)).collect()))
            .collect()
    }

    #[test]
    fn items_numbered_after_ruxia_may_break_down_any_amount_of_their_head() {
        let wanted = |total: &str, k: usize| {
            let parts = ["400.1", "100.2", "100.2"];
            (
                total.to_string(),
                parts[..k].iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            )
        };
        // all the items for either amount, the first ones alone for the selection (其中)
        let all = vec![wanted("600.5", 3), wanted("500.3", 2), wanted("500.3", 3)];
        // one paragraph (lines wrapped mid-sentence), or an item a paragraph; each item
        // goes on over sentences of its own ("为…资金。较上年…")
        for text in [
            "本单位总收入 600.5 万元，其中本年收入 500.3 万元，较上年减少 20.2 万元。收入具体情况如下。1.财政拨款收入 400.1 万元，为本级财政拨付的资金。较上年减少 15.1 万元。2.事业收入 100.2 万元，较上年减少 5.1 万元。3.上年结转和结余 100.2 万元。\n",
            "本单位总收入 600.5 万元，其中本年收入 500.3 万元，较上年减少 20.2 万元。收入具体情况如下：\n1.财政拨款收入 400.1 万元，为本级财政拨付的资金。较上年减少 15.1 万元。\n2.事业收入 100.2 万元，较上年减少 5.1 万元。\n3.上年结转和结余 100.2 万元。\n",
        ] {
            assert_eq!(numbered_of(text), all, "{text}");
        }
        // two amounts, neither a selection of the other: all the items for each
        assert_eq!(
            numbered_of("本年收入 600.5 万元，本年支出 500.3 万元。收入具体情况如下：1、财政拨款收入 400.1 万元；2、事业收入 100.2 万元；3、其他收入 100.2 万元。\n"),
            [wanted("600.5", 3), wanted("500.3", 3)]
        );
        // items numbered （一）（二） or 一、二、, and a list whose style changes (ended)
        for text in [
            "收入预算 500.3 万元，具体情况如下：（一）财政拨款收入 400.1 万元；（二）事业收入 100.2 万元。\n",
            "收入预算 500.3 万元，具体情况如下：\n一、财政拨款收入 400.1 万元。\n二、事业收入 100.2 万元。\n",
        ] {
            assert_eq!(numbered_of(text), [wanted("500.3", 2)], "{text}");
        }
        assert_eq!(
            numbered_of("收入预算 500.3 万元，具体情况如下：1.财政拨款收入 400.1 万元；（二）事业收入 100.2 万元。\n"),
            []
        );
        // a head naming the items themselves has no total for them
        assert_eq!(
            numbered_of("支出决算中，财政拨款收入支出 400.1 万元，事业收入支出 100.2 万元。具体情况如下：1、财政拨款收入 400.1 万元。2、事业收入 100.2 万元。\n"),
            []
        );
        // the head names no amount: the sentence before it is the head
        assert_eq!(
            numbered_of("收入总计 500.3 万元。具体情况如下：1、财政拨款收入 400.1 万元；2、事业收入 100.2 万元。\n"),
            [wanted("500.3", 2)]
        );
    }

    #[test]
    fn a_numbered_list_is_read_only_as_printed_in_order_and_opening_with_amounts() {
        for text in [
            // no 如下
            "本年收入 500.3 万元。1.财政拨款收入 400.1 万元。2.事业收入 100.2 万元。\n",
            // item 1 does not open the sentence after it
            "本年收入 500.3 万元，情况如下。另有说明。1.财政拨款收入 400.1 万元。2.事业收入 100.2 万元。\n",
            // items out of order
            "本年收入 500.3 万元，情况如下：1.财政拨款收入 400.1 万元。3.事业收入 100.2 万元。\n",
            // an item opening with words of a clause, not its amount
            "本年收入 500.3 万元，情况如下：1.财政拨款收入 400.1 万元。2.加强管理，节约支出 100.2 万元。\n",
            // a heading after item 1 ends the list
            "本年收入 500.3 万元，情况如下：1.财政拨款收入 400.1 万元。(二)事业收入 100.2 万元。\n",
            // the head names a rate, no amount
            "本年收入增长 5%，情况如下：1.财政拨款收入 400.1 万元。2.事业收入 100.2 万元。\n",
        ] {
            assert_eq!(numbered_of(text), [], "{text}");
        }
        // the list ends where the numbering does: items 1 and 2, then a list of its own
        assert_eq!(
            numbered_of("本年收入 500.3 万元，情况如下：1.财政拨款收入 400.1 万元。2.事业收入 100.2 万元。说明如下：1.其他 3 万元。\n"),
            [("500.3".to_string(), vec!["400.1".to_string(), "100.2".into()])]
        );
    }

    #[test]
    fn a_carry_over_from_last_year_is_an_amount_of_this_year() {
        let doc = read_text("上年结转和结余 190.89 万元，比上年 198.52 万元减少 7.63 万元。\n");
        let c = crate::claims::build(&doc);
        let kinds: Vec<Kind> = c.prose[0].mentions.iter().map(|m| m.kind).collect();
        assert_eq!(kinds[0], Kind::Level, "{kinds:?}");
        // "比上年 198.52 万元" is last year's, not a level of this year
        assert_eq!(kinds[1], Kind::Other, "{kinds:?}");
    }

    #[test]
    fn a_count_before_a_parts_name_is_no_part() {
        // a city's 2013 report (traditional-script mirror), the count kept
        let text = "全市地方公共财政预算收入完成1,392,476万元。其中:市本级公共财政预算收入完成541,412万元;7个县(区)公共财政预算收入共完成851,064万元。\n";
        let want = (
            "1,392,476".to_string(),
            vec!["541,412".to_string(), "851,064".into()],
        );
        assert_eq!(parts_of(text), std::slice::from_ref(&want));
        // a count on its own in its clause is still read as before: not a money part
        let own = parts_of(
            "全市收入完成1,392,476万元。其中:市本级收入完成541,412万元;县区7个,收入共完成851,064万元。\n",
        );
        assert_eq!(own, [want]);
    }

    #[test]
    fn a_parenthesis_under_a_part_is_its_own_breakdown() {
        let doc = read_text(
            "“三公”經費29萬元,其中:因公出國(境)費0萬元;公務用車購置及運行費28萬元(公務用車購置費0萬元,公務用車運行維護費28萬元);公務接待費1萬元。\n",
        );
        let c = crate::claims::build(&doc);
        let got = totals_and_parts(&doc, &c);
        assert!(got.contains(&("29".into(), vec!["0".into(), "28".into(), "1".into()])));
        assert!(got.contains(&("28".into(), vec!["0".into(), "28".into()])));
    }

    #[test]
    fn money_besides_a_list_is_no_part_of_it() {
        let got = |text: &str| {
            let doc = read_text(text);
            let c = crate::claims::build(&doc);
            totals_and_parts(&doc, &c)
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        // a provincial budget report (traditional script in the original): 另 in brackets
        // states money besides the part, its 共计 the two together
        let text = "安排2.5亿元,用于住房保障支出。其中,安排1.6亿元(另从土地出让金安排2.8亿元,共计4.4亿元),用于支持农村危房改造。\n";
        assert_eq!(got(text), [("2.5".to_string(), s(&["1.6"]))]);
        let also = text.replace("(另从", "(此外从");
        assert_eq!(got(&also), [("2.5".to_string(), s(&["1.6"]))]);
        // the same brackets naming the part's halves are its breakdown
        let halves = text.replace(
            "另从土地出让金安排2.8亿元,共计4.4亿元",
            "中央资金0.8亿元,省级资金0.8亿元",
        );
        assert!(got(&halves).contains(&("1.6".to_string(), s(&["0.8", "0.8"]))));
        // 另从… after the list, in its sentence or the next
        let text = "安排2.5亿元。其中,安排1.6亿元,用于危房改造;安排0.9亿元,用于公租房;另从土地出让金安排2.8亿元。\n";
        assert_eq!(got(text), [("2.5".to_string(), s(&["1.6", "0.9"]))]);
        let text = text.replace(";另从", "。另从");
        assert!(
            got(&text)
                .iter()
                .all(|(_, parts)| !parts.contains(&"2.8".to_string())),
            "{:?}",
            got(&text)
        );
        // 另有 may go on with the list (国家体育总局's 2012 cars: 2 + 1 + 2 = 5)
        let cars = "共购置5辆公务用车。其中大中型客车2辆,用于运动员班车;小型客车1辆,为训练保障用车;另有小轿车2辆。\n";
        assert_eq!(got(cars), [("5".to_string(), s(&["2", "1", "2"]))]);
        // a standard per head in the list is no part of it
        let text = "安排2.1亿元。其中,安排1.1亿元,用于将城市低保标准提高到月人均300元;安排1.0亿元,将农村低保标准提高到月人均200元。\n";
        assert_eq!(got(text), [("2.1".to_string(), s(&["1.1", "1.0"]))]);
    }

    #[test]
    fn a_qizhong_in_parentheses_belongs_to_the_amount_before_them() {
        let doc = read_text(
            "“三公”经费 5.8 万元，其中：因公出国（境）费 0 万元，占 0%；公务用车购置及运行维护费 4.73 万元（其中：公务用车购置费 3.83 万元，公务用车运行维护费 0.90 万元），占 81.55%；公务接待费 1.07 万元，占 18.45%。\n",
        );
        let c = crate::claims::build(&doc);
        let got = totals_and_parts(&doc, &c);
        assert_eq!(
            got,
            [
                ("4.73".to_string(), vec!["3.83".to_string(), "0.90".into()]),
                (
                    "5.8".to_string(),
                    vec!["0".to_string(), "4.73".into(), "1.07".into()]
                )
            ]
        );
        // the share after the bracket is of the amount before it
        let p = &c.prose[0];
        let inner: Vec<bool> = p.mentions.iter().map(|m| m.inner).collect();
        assert_eq!(
            inner,
            [false, false, false, false, true, true, false, false, false]
        );
    }

    #[test]
    fn parts_of_two_years_break_down_the_total_of_their_year() {
        let doc = read_text(
            "2016年三公经费预算33万元,2015年三公经费预算57.55万元。主要原因是厉行节约。其中:1、公务接待费2016年预算8万元,2015年预算12.5万元。2、公务车辆运行2016年预算25万元,2015年预算45.2万元。\n",
        );
        let c = crate::claims::build(&doc);
        let got = totals_and_parts(&doc, &c);
        assert_eq!(
            got,
            [
                ("33".to_string(), vec!["8".to_string(), "25".to_string()]),
                (
                    "57.55".to_string(),
                    vec!["12.5".to_string(), "45.2".to_string()]
                )
            ]
        );
        assert!(disjoint(
            &c.breakdowns[0]
                .parts
                .iter()
                .map(|x| x.1.clone())
                .collect::<Vec<_>>()
        ));
    }

    #[test]
    fn a_qizhong_without_a_total_in_reach_has_none() {
        // the sentence before names no amount: no total is guessed further back
        let doc = read_text(
            "上年结转 0 元。按政府采购项目类型,分为货物类采购、工程类采购和服务类采购三种类型。其中:货物类采购 10000 元;工程类采购 0 元;服务类采购 7000 元。\n",
        );
        let c = crate::claims::build(&doc);
        assert!(c.breakdowns.is_empty(), "{:?}", c.breakdowns);
    }

    #[test]
    fn standard_breakdowns_are_complete() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(complete(&l(&["人员经费", "公用经费"])));
        assert!(complete(&l(&[
            "因公出国（境）费支出",
            "公务用车购置及运行维护费支出",
            "公务接待费支出"
        ])));
        assert!(complete(&l(&["甲", "其他用车"])));
        assert!(!complete(&l(&["授予小微企业合同金额"])));
        assert!(!complete(&l(&["甲", "乙"])));
    }
}
