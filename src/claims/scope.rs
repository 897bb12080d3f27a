//! Where a figure lives: the heading path above it and the lead phrases of its sentence.
//! Government reports cover four budgets, each with its own 收入合计 and 上级补助收入; a
//! social-insurance report repeats 本年收入 / 本年支出 / 本年收支结余 once per fund; a unit's
//! per-item 基本支出 is not the section's 基本支出. Figures of different scopes are never
//! compared: [`Scope::comparable`] is the one test the checks use.
//!
//! Headings are taken from Markdown `#` lines and from outline-numbered lines inside a
//! paragraph ("一、企业职工基本养老保险基金", "(二)失业保险基金。本年收入…"): wrapped text
//! joins lines, so a heading is often inside a paragraph and is found by its line start.

use super::normalise::normalise;
use super::prose::{ends_sentence, Kind, Prose, Tok};
use crate::document::Document;
use crate::IntoVec;

/// Which of the four budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Budget {
    /// 一般公共预算.
    General,
    /// 政府性基金预算.
    GovFund,
    /// 国有资本经营预算.
    StateCapital,
    /// 社会保险基金预算.
    SocialInsurance,
}

/// Which government level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// 全市 / 全区 / 全县 / 全省 / 全国: the whole area.
    Whole,
    /// 市本级 / 区本级 / 县本级 / 本级: the government's own level.
    Own,
}

/// Which stage of the budget cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// 年初预算 / 预算.
    Budget,
    /// 调整预算 / 变动预算.
    Adjusted,
    /// 决算.
    Final,
    /// 执行 / 完成 (in-year execution).
    Execution,
}

/// Income or spending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// 收入.
    Income,
    /// 支出.
    Spending,
}

/// A heading, in the document or inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Depth: `#` count, or 1 for 一、, 2 for (一), 3 for 1., 4 for (1).
    pub depth: u8,
    /// The title, normalised, numbering removed.
    pub title: String,
    /// It names what its figures belong to (a fund, an item), not a topic (情况说明).
    pub entity: bool,
}

/// The scope of one figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Scope {
    /// The budget, when the heading path or the sentence names one.
    pub budget: Option<Budget>,
    /// The level, when named.
    pub level: Option<Level>,
    /// The stage, when named.
    pub stage: Option<Stage>,
    /// Income or spending, when named.
    pub side: Option<Side>,
    /// The innermost heading naming an entity (index into [`super::Claims::headings`]).
    pub entity: Option<usize>,
    /// The innermost heading of any kind.
    pub section: Option<usize>,
    /// The year the sentence names before the figure ("2010年…预算中，…1229.65万元").
    pub year: Option<i64>,
}

impl Scope {
    /// Whether two figures may be the same quantity (or one a part of the other): every
    /// facet agrees, a facet named on one side only counts as different (the overview's
    /// 本年收入 and a fund's 本年收入 are not one quantity), except stage and side, which
    /// the labels usually carry themselves.
    pub fn comparable(&self, other: &Scope) -> bool {
        let loose = |a: Option<Stage>, b: Option<Stage>| a.is_none() || b.is_none() || a == b;
        let loose_side = |a: Option<Side>, b: Option<Side>| a.is_none() || b.is_none() || a == b;
        self.same_account(other)
            && loose(self.stage, other.stage)
            && loose_side(self.side, other.side)
    }

    /// Whether two figures belong to one account, whatever their stage and side: budget,
    /// level and entity agree, and so does the year where both name one (总收入 and 总支出
    /// of one final account).
    pub fn same_account(&self, other: &Scope) -> bool {
        self.budget == other.budget
            && self.level == other.level
            && self.entity == other.entity
            && (self.year.is_none() || other.year.is_none() || self.year == other.year)
    }
}

/// The facets a phrase names: the last occurrence of each wins ("一般公共预算收入 …，政府性
/// 基金预算收入" names the fund budget for what follows).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facets {
    /// Budget named.
    pub budget: Option<Budget>,
    /// Level named.
    pub level: Option<Level>,
    /// Stage named.
    pub stage: Option<Stage>,
    /// Side named.
    pub side: Option<Side>,
}

/// The option whose word is named last in `s` (at the same place, the later option): one
/// walk back over `s` instead of a substring search per word.
fn pick<T: Copy>(s: &str, options: &[(T, &[&str])]) -> Option<T> {
    let b = s.as_bytes();
    for (p, _) in s.char_indices().rev() {
        let (Some(rest), Some(&c0), c1) = (b.get(p..), b.get(p), b.get(p + 1)) else {
            continue;
        };
        let mut found = None;
        for (v, ws) in options {
            let here = ws.iter().any(|w| {
                let w = w.as_bytes();
                w.first() == Some(&c0) && w.get(1) == c1 && rest.starts_with(w)
            });
            if here {
                found = Some(*v);
            }
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The facets named in a normalised phrase.
pub fn facets(s: &str) -> Facets {
    Facets {
        budget: pick(
            s,
            &[
                (Budget::General, &["一般公共预算", "公共财政预算"]),
                (Budget::GovFund, &["政府性基金"]),
                (Budget::StateCapital, &["国有资本经营"]),
                (Budget::SocialInsurance, &["社会保险基金"]),
            ],
        ),
        level: pick(
            s,
            &[
                (
                    Level::Whole,
                    &[
                        "全市", "全区", "全县", "全省", "全州", "全旗", "全盟", "全镇",
                    ],
                ),
                // ("(2)市级收支。…" in a city's report: the city's own level; 区级 and 县级
                // are not read so: 县区级 is the districts' and counties' sum, and a county's
                // 县级收入 is what the whole county keeps)
                (Level::Own, &["本级", "市级"]),
            ],
        ),
        stage: pick(
            s,
            &[
                (Stage::Adjusted, &["调整预算", "变动预算", "调整后预算"]),
                (Stage::Final, &["决算"]),
                (Stage::Budget, &["年初预算", "预算数", "预算安排"]),
            ],
        ),
        side: pick(s, &[(Side::Income, &["收入"]), (Side::Spending, &["支出"])]),
    }
}

/// The facets of a sentence's subject (its words before its first amount): [`facets`], and
/// the central government's own level where the subject opens with "(其中，)中央一般公共
/// 预算…" (or another of its budgets) in a national report. (Only so: a county's 中央补助
/// 收入 and a city's "中央对我市转移支付" are their own income from the centre. 全国 is not read as the whole here: most national sentences do not repeat
/// it, and a facet named on one side only keeps two figures apart.)
fn subject_facets(opening: &str) -> Facets {
    let mut f = facets(opening);
    if f.level.is_none() {
        let s = opening.trim_start_matches(|c: char| !super::normalise::is_cjk(c));
        let s = s.strip_prefix("其中").unwrap_or(s);
        let s = s.trim_start_matches(|c: char| !super::normalise::is_cjk(c));
        let central = [
            "中央一般公共预算",
            "中央公共财政",
            "中央本级",
            "中央政府性基金",
            "中央国有资本经营",
            "中央社会保险基金",
        ];
        if central.iter().any(|w| s.starts_with(w)) {
            f.level = Some(Level::Own);
        }
    }
    f
}

/// Words that make a heading a topic ("收入支出情况说明") rather than an entity.
const TOPIC: &[&str] = &[
    "情况", "说明", "如下", "划分", "分析", "概况", "解释", "公开", "预算", "决算", "收入", "支出",
    "经费", "绩效", "采购", "资产", "职能", "机构", "其他", "总体", "主要", "名词",
];

fn is_entity(title: &str) -> bool {
    // a fund ("企业职工基本养老保险基金", "(二)失业保险基金"), not a budget or a topic
    (title.ends_with("基金") || title.ends_with("保险"))
        && !title.contains("基金预算")
        && !TOPIC.iter().any(|w| title.contains(w))
}

/// The outline number at the start of `s` and its depth: 一、 → 1, (一) → 2, 1. / 1、 → 3,
/// (1) → 4; with the byte length of the marker.
pub fn outline(s: &str) -> Option<(u8, usize)> {
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let mut it = s.char_indices();
    let (_, first) = it.next()?;
    if matches!(first, '(' | '（') {
        let mut n = 0;
        let mut kind = 0u8;
        for (i, c) in it {
            if matches!(c, ')' | '）') {
                return (n > 0 && kind > 0).then_some((kind, i + c.len_utf8()));
            }
            let k = if cn(c) {
                2
            } else if c.is_ascii_digit() {
                4
            } else {
                return None;
            };
            if kind != 0 && kind != k {
                return None;
            }
            kind = k;
            n += 1;
            if n > 3 {
                return None;
            }
        }
        return None;
    }
    let (depth, digit): (u8, fn(char) -> bool) = if cn(first) {
        (1, |c| "一二三四五六七八九十".contains(c))
    } else if first.is_ascii_digit() {
        (3, |c: char| c.is_ascii_digit())
    } else {
        return None;
    };
    for (i, c) in s.char_indices().skip(1) {
        if digit(c) {
            if i > 6 {
                return None;
            }
            continue;
        }
        let sep = if depth == 1 {
            matches!(c, '、' | ',' | '，' | '.' | '．')
        } else {
            // "1.5 亿元" is a figure, not a heading: the dot must not be followed by a digit
            matches!(c, '、' | '．')
                || c == '.'
                    && !s
                        .get(i + 1..)
                        .is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit()))
        };
        return sep.then_some((depth, i + c.len_utf8()));
    }
    None
}

/// A heading printed at the start of a source line inside a paragraph: the outline
/// number, then a short title with no figure, ended by 。 ： or the line's end.
fn inline_heading(line: &str) -> Option<(Heading, usize)> {
    let t = line.trim_start_matches(&[' ', '\u{3000}', '#', '*'][..]);
    let (depth, skip) = outline(t)?;
    let rest = t.get(skip..)?;
    let mut title = String::new();
    let mut len = 0;
    // (the digits of a year, "一、2014年本市国有资本经营预算的执行情况", are no figure)
    let mut year_digits: usize = 0;
    for (i, c) in rest.char_indices() {
        if matches!(c, '。' | '：' | ':' | '\n') {
            break;
        }
        if year_digits == 0 && c.is_ascii_digit() {
            let year = rest
                .get(i..i + 4 + "年".len())
                .filter(|y| title_year(y).is_some());
            year_digits = if year.is_some() { 4 } else { 0 };
        }
        if c.is_ascii_digit() && year_digits == 0 || matches!(c, ',' | '，' | ';' | '；') {
            return None; // a figure or a clause: a numbered sentence, not a heading
        }
        year_digits = year_digits.saturating_sub(usize::from(c.is_ascii_digit()));
        title.push(c);
        len += 1;
        if len > 30 {
            return None;
        }
    }
    let title = normalise(&title);
    if title.chars().count() < 2 {
        return None;
    }
    let entity = is_entity(&title);
    Some((
        Heading {
            depth,
            title,
            entity,
        },
        line.len() - t.len(),
    ))
}

/// The headings of the document and the scope of every mention of every prose paragraph.
/// `prose` is in paragraph order; the scopes are written into its mentions.
pub fn assign(doc: &Document, prose: &mut [Prose<'_>]) -> Vec<Heading> {
    let mut headings: Vec<Heading> = Vec::new();
    // the open headings, outermost first: (depth, index)
    let mut path: Vec<(u8, usize)> = Vec::new();
    let push = |h: Heading, headings: &mut Vec<Heading>, path: &mut Vec<(u8, usize)>| {
        while path.last().is_some_and(|(d, _)| *d >= h.depth) {
            path.pop();
        }
        path.push((h.depth, headings.len()));
        headings.push(h);
    };
    // each heading's facets, worked out once (not once per figure under it)
    let mut heading_facets: Vec<Facets> = Vec::new();
    let mut heading_years: Vec<Option<i64>> = Vec::new();
    let mut next = prose.iter_mut().peekable();
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        if para.heading {
            let body = para.text.trim();
            let hashes = body.chars().take_while(|c| *c == '#').count();
            let rest = body.trim_start_matches('#').trim().trim_matches('*');
            let (depth, title) = match outline(rest) {
                Some((d, skip)) => (d, rest.get(skip..).unwrap_or("")),
                None => (u8::try_from(hashes.clamp(1, 6)).unwrap_or(1), rest),
            };
            let title = normalise(title);
            if !title.is_empty() {
                let entity = is_entity(&title);
                push(
                    Heading {
                        depth,
                        title,
                        entity,
                    },
                    &mut headings,
                    &mut path,
                );
            }
            continue;
        }
        let Some(p) = next.next_if(|p| p.index == pi) else {
            continue;
        };
        // headings inside the paragraph, at the start of its source lines: (token, heading)
        let mut inline: Vec<(usize, Heading)> = Vec::new();
        let text = &para.text;
        let starts: Vec<usize> = para.pieces.iter().map(|x| x.0).into_vec();
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).copied().unwrap_or(text.len());
            let Some(line) = text.get(s..e) else { continue };
            if let Some((h, lead)) = inline_heading(line) {
                let tok = p.offs.partition_point(|&o| o < s + lead);
                inline.push((tok, h));
            }
        }
        let mut inline = inline.into_iter().peekable();
        let mut opening = String::new();
        let mut fresh: Option<String> = None;
        let mut opening_done = false;
        // the facets of `opening` as it is now (None: changed since they were worked out)
        let mut opening_facets: Option<Facets> = None;
        let mut mi = 0;
        let mut year: Option<i64> = None;
        // bounded: a sentence's subject is read over at most this many characters
        const LOOK_BACK: usize = 200;
        for (at, t) in p.toks.iter().enumerate() {
            while inline.peek().is_some_and(|(k, _)| *k <= at) {
                if let Some((_, h)) = inline.next() {
                    fresh = Some(h.title.clone());
                    push(h, &mut headings, &mut path);
                }
            }
            match t {
                Tok::Ch(c) if ends_sentence(*c) => {
                    year = None;
                    opening.clear();
                    opening_facets = None;
                    opening_done = false;
                }
                Tok::Ch(c) => {
                    if !opening_done && opening.len() < LOOK_BACK * 3 {
                        opening.push(*c);
                        opening_facets = None;
                    }
                }
                Tok::Fig(_) => {
                    let Some(m) = p.mentions.get_mut(mi).filter(|m| m.at == at) else {
                        continue;
                    };
                    mi += 1;
                    if m.kind == Kind::Year {
                        year = doc.figure(m.fig).and_then(|f| f.number.whole());
                        // a heading opening with this year ("2014年本市…的执行情况"): its
                        // words after the year are still no part of the next label
                        fresh = fresh.take().and_then(|t| {
                            let opens = year.is_some_and(|y| t.starts_with(&format!("{y}年")));
                            let rest = t.split_once('年').map(|x| x.1.to_string());
                            rest.filter(|r| opens && !r.is_empty())
                        });
                        continue;
                    }
                    // a heading joined to the line after it is no part of the first label
                    // ("一、企业职工基本养老保险基金" + "本年收入…")
                    if let Some(title) = fresh.take() {
                        if let Some(rest) = m.label.strip_prefix(title.as_str()) {
                            m.label = rest.to_string();
                        }
                    }
                    let mut scope = Scope {
                        year,
                        section: path.last().map(|x| x.1),
                        entity: path
                            .iter()
                            .rev()
                            .find(|x| headings.get(x.1).is_some_and(|h| h.entity))
                            .map(|x| x.1),
                        ..Scope::default()
                    };
                    for h in heading_facets.len()..headings.len() {
                        let title = headings.get(h).map_or("", |h| h.title.as_str());
                        heading_facets.push(heading_facets_of(title));
                        heading_years.push(title_year(title));
                    }
                    // "二、2014年本市国有资本经营预算的执行情况" … "三、2015年…的安排情况": a
                    // sentence naming no year has its section's
                    if scope.year.is_none() {
                        scope.year = path
                            .iter()
                            .rev()
                            .find_map(|x| heading_years.get(x.1).copied().flatten());
                    }
                    for &(_, h) in &path {
                        if let Some(f) = heading_facets.get(h) {
                            apply(&mut scope, *f);
                        }
                    }
                    // the sentence's subject (its words before its first amount), then the
                    // figure's own words: not every word of the sentence ("完成排名全州第6位"
                    // does not make what follows 全州's)
                    let of = *opening_facets.get_or_insert_with(|| subject_facets(&opening));
                    apply(&mut scope, of);
                    apply(&mut scope, facets(&m.lead));
                    if m.kind != Kind::Other {
                        opening_done = true;
                    }
                    m.scope = scope;
                }
            }
        }
    }
    headings
}

/// A heading's facets: a phrase's, and 全国 names the whole area ("1.全国一般公共预算" …
/// "2.中央一般公共预算": a national report's sections, each with its own 收入总量). Only in a
/// heading: in a sentence "占全国政府采购规模的 46.6%" names the whole its parts are of.
fn heading_facets_of(title: &str) -> Facets {
    let mut f = facets(title);
    if f.level.is_none() && title.contains("全国") {
        f.level = Some(Level::Whole);
    }
    f
}

/// The one year a title names ("2014年本市国有资本经营预算的执行情况"); none when it names
/// none or several ("2019年与2018年对比").
fn title_year(title: &str) -> Option<i64> {
    let b = title.as_bytes();
    let mut found: Option<i64> = None;
    for (k, _) in title.match_indices('年') {
        let Some(digits) = k.checked_sub(4).and_then(|s| b.get(s..k)) else {
            continue;
        };
        let before = k.checked_sub(5).and_then(|s| b.get(s));
        if !digits.iter().all(u8::is_ascii_digit) || before.is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let y = digits
            .iter()
            .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
        if !(1949..=2100).contains(&y) || found.is_some_and(|f| f != y) {
            return None;
        }
        found = Some(y);
    }
    found
}

fn apply(scope: &mut Scope, f: Facets) {
    scope.budget = f.budget.or(scope.budget);
    scope.level = f.level.or(scope.level);
    scope.stage = f.stage.or(scope.stage);
    scope.side = f.side.or(scope.side);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::build;
    use crate::read::read_text;

    #[test]
    fn facets_are_those_of_a_search_per_word() {
        // the search per word that the one walk back replaced
        fn pick_by_rfind<T: Copy>(s: &str, options: &[(T, &[&str])]) -> Option<T> {
            options
                .iter()
                .filter_map(|(v, ws)| {
                    ws.iter()
                        .filter_map(|w| s.rfind(w))
                        .max()
                        .map(|at| (at, *v))
                })
                .max_by_key(|x| x.0)
                .map(|x| x.1)
        }
        let doc = read_text(include_str!(
            "../../samples/2019-xinjiang-government-office-final-accounts.txt"
        ));
        let words: &[(u8, &[&str])] = &[
            (0, &["调整预算", "变动预算", "调整后预算"]),
            (1, &["决算"]),
            (2, &["年初预算", "预算数", "预算安排"]),
            (3, &["预算"]),
            (4, &["收入"]),
            (5, &["本级", "市本级"]),
        ];
        let mut named = 0;
        for p in &doc.paragraphs {
            let chars: Vec<(usize, char)> = p.text.char_indices().collect();
            for (k, &(i, _)) in chars.iter().enumerate().step_by(7) {
                let end = chars.get(k + 40).map_or(p.text.len(), |c| c.0);
                let s = &p.text[i..end];
                assert_eq!(pick(s, words), pick_by_rfind(s, words), "{s}");
                named += usize::from(pick(s, words).is_some());
            }
        }
        assert!(named > 100, "{named}");
        // named last, and at the same place the later option, as the search per word gives
        for s in [
            "市本级调整预算",
            "预算数与决算",
            "预算数",
            "调整预算",
            "收入本级",
        ] {
            assert_eq!(pick(s, words), pick_by_rfind(s, words), "{s}");
        }
        assert_eq!(pick("预算数", words), Some(3));
        assert_eq!(pick("预算数与决算", words), Some(1));
    }

    #[test]
    fn outline_numbers() {
        assert_eq!(outline("一、概况"), Some((1, "一、".len())));
        assert_eq!(outline("(二)失业保险基金"), Some((2, "(二)".len())));
        assert_eq!(outline("（三）"), Some((2, "（三）".len())));
        assert_eq!(outline("1.基本支出"), Some((3, 2)));
        assert_eq!(outline("(1)购置费"), Some((4, 3)));
        assert_eq!(outline("1.5亿元"), None);
        assert_eq!(outline("2021年"), None);
        assert_eq!(outline("收入"), None);
    }

    #[test]
    fn facets_take_the_last_named() {
        let f = facets("全市一般公共预算收入100亿元，政府性基金预算");
        assert_eq!(f.budget, Some(Budget::GovFund));
        assert_eq!(f.level, Some(Level::Whole));
        assert_eq!(facets("市本级调整预算支出").level, Some(Level::Own));
        assert_eq!(facets("市本级调整预算支出").stage, Some(Stage::Adjusted));
    }

    #[test]
    fn funds_in_wrapped_text_are_separate_scopes() {
        let doc = read_text(
            "全国社会保险基金总收入100亿元,本年收支结余10亿元。分项情况如下:\n一、企业职工基本养老保险基金\n本年收入60亿元,本年收支结余6亿元。\n(二)失业保险基金。本年收入40亿元,本年收支结余4亿元。\n",
        );
        let c = build(&doc);
        let scopes: Vec<Scope> = c
            .prose
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| m.scope))
            .collect();
        assert_eq!(scopes.len(), 6);
        assert_eq!(scopes[0].entity, None);
        let e1 = scopes[2].entity.expect("first fund");
        let e2 = scopes[4].entity.expect("second fund");
        assert_ne!(e1, e2);
        assert_eq!(c.headings[e1].title, "企业职工基本养老保险基金");
        assert_eq!(c.headings[e2].title, "失业保险基金");
        assert!(!scopes[1].comparable(&scopes[3]));
        assert!(scopes[2].comparable(&scopes[3]));
    }

    #[test]
    fn topic_headings_are_not_entities() {
        let doc = read_text("# 一、收入支出决算总体情况说明\n\n本年收入100万元。\n\n# 二、收入决算情况说明\n\n本年收入100万元。\n");
        let c = build(&doc);
        let a = c.prose[0].mentions[0].scope;
        let b = c.prose[1].mentions[0].scope;
        assert!(a.comparable(&b));
    }
}
