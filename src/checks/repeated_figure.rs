//! `repeated-figure`: the same quantity, named by the same label in several places of the
//! text, is stated with the same value.

use super::Check;
use crate::claims::prose::{amount, is_money, records, Kind, Prose};
use crate::claims::Claims;
use crate::document::Document;
use crate::figure::FigId;
use crate::relation::Rule;
use crate::relation::{Relation, Text};
use rust_decimal::Decimal;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::RepeatedFigure,
    title_zh: "同一数额多处表述一致",
    title_en: "A quantity stated twice has one value",
    what: "In the text, an amount named by exactly the same label in several places (\"本年收入 \
           14209.74 万元\" in the overview and again in the income section; a 决算数 of a budget \
           line and the same line's amount elsewhere) must agree. Labels are compared after \
           dropping years and numbering; a trailing 支出 after …费 is dropped (公务接待费支出 \
           = 公务接待费). Generic labels (金额, 资金, 价值, 决算数 …) and amounts of another \
           year are not compared.",
    why: "A figure retyped in a second place is where digits get swapped and stale values \
          survive an update.",
    tolerance: "Each printed figure stands for ±½ of its last digit, so 0.61 and 0.6 agree (0.6 \
                stands for 0.55 to 0.65) while 6 and 9 do not.",
    example: "本年收入 14209.74 万元 … 本年收入 14209.74 万元 holds; a second 本年收入 14290.74 \
              万元 fails.",
    find,
};

const RULE: Rule = Rule::RepeatedFigure;

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
];

fn key(label: &str) -> Option<String> {
    let mut l = label.trim_start_matches(['“', '"']).to_string();
    if let Some(s) = l.strip_suffix("支出") {
        if s.ends_with('费') {
            l = s.to_string();
        }
    }
    let bad = l.chars().count() < 3
        || GENERIC.contains(&l.as_str())
        || [
            "上年", "去年", "比", "较", "以上", "以下", "各", "平均", "约", "累计",
            // a change is not a level: "较上年决算数减少 X" repeats across items
            "增加", "减少", "增长", "下降", "降低", "增减", "减", "增",
        ]
        .iter()
        .any(|w| l.contains(w))
        || l.chars().any(|c| c.is_ascii_digit());
    (!bad).then_some(l)
}

struct Stated {
    fig: FigId,
    key: String,
    year: Option<Decimal>,
    context: String,
}

fn stated(doc: &Document, p: &Prose<'_>, out: &mut Vec<Stated>) {
    for (i, m) in p.mentions.iter().enumerate() {
        if m.kind != Kind::Level || !is_money(m.unit) {
            continue;
        }
        let Some(key) = key(&m.label) else { continue };
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
        out.push(Stated {
            fig: m.fig,
            key,
            year,
            context: p.sentence_text(m.at),
        });
    }
    for r in records(p) {
        let (Some(f), Some(key)) = (r.fin, key(&r.label)) else {
            continue;
        };
        out.push(Stated {
            fig: f,
            key,
            year: None,
            context: p.sentence_text(r.at),
        });
    }
}

fn find(claims: &Claims<'_>, out: &mut Vec<Relation>) {
    let doc = claims.doc;
    let mut all = Vec::new();
    let mut years: Vec<Decimal> = Vec::new();
    for p in &claims.prose {
        stated(doc, p, &mut all);
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
    let year_of = |s: &Stated| s.year.or(main_year);
    for (i, later) in all.iter().enumerate() {
        // compare with the first earlier statement of the same quantity
        let Some(first) = all
            .iter()
            .take(i)
            .find(|e| e.key == later.key && year_of(e) == year_of(later) && e.fig != later.fig)
        else {
            continue;
        };
        let unit = doc.figure(later.fig).and_then(|f| f.unit);
        let Some(ff) = doc.figure(first.fig) else {
            continue;
        };
        let what = Text::new(
            format!("{}：与第 {} 行所述一致", later.key, ff.line),
            format!("{}: agrees with line {}", later.key, ff.line),
        );
        out.push(
            Relation::equals(RULE, later.fig, amount(doc, first.fig, unit), what)
                .context(later.context.clone()),
        );
    }
}
