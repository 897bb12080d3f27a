//! `count-list`: "内设 24 个处室，分别是：甲、乙、…" names as many items as it counts.

use super::{Check, Out};
use crate::claims::prose::{ends_semi, ends_sentence, Prose, Tok};
use crate::claims::Claims;
use crate::relation::Rule;
use crate::relation::{Expr, Relation, Text};
use rust_decimal::Decimal;

/// The check.
pub static CHECK: Check = Check {
    rule: Rule::CountList,
    title_zh: "所列名称个数等于文字所称个数",
    title_en: "A counted list names as many items as it counts",
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    en: super::Words {
        what: "In the text, \"内设 N 个处室，分别是：甲、乙、…\" (also 分别为, 包括) lists its \
               items after the count: the number of items separated by 、 (brackets inside an \
               item do not split it) must equal N. After 分别是 or 分别为 the colon may be left \
               out. A list that ends in 等 is open, and one whose last item holds 和 or 及 may \
               join two items: neither is counted.",
        why: "An office list that does not match its count means one was added, merged or \
              dropped without the count being updated, or the reverse.",
        tolerance: "Counts are exact.",
        example: "内设 3 个处室，分别是：秘书一处、秘书二处、人事处 holds; 内设 4 个处室 with the \
                  same list fails.",
    },
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    zh: super::Words {
        what: "在正文中，“内设 N 个处室，分别是：甲、乙、…”（也包括“分别为”“包括”）在个数之后列出\
               各项：以“、”分隔的项数（项内的括号不会把该项拆开）必须等于 N。“分别是”“分别为”\
               之后可以没有冒号。以“等”结尾的列举是不完整的；最后一项含“和”或“及”的列举可能\
               把两项连在一起：二者都不计数。",
        why: "处室名单与个数不符，说明有处室被增加、合并或删去而个数没有相应更新，或者反过来。",
        tolerance: "个数必须完全相等。",
        example:
            "“内设 3 个处室，分别是：秘书一处、秘书二处、人事处”，成立；同样的名单配“内设 4 个\
             处室”，不成立。",
    },
    find,
};

const RULE: Rule = Rule::CountList;
const COUNT_UNITS: &[&str] = &["个", "项", "家", "所", "名", "人", "户", "台", "套"];
const OPENERS: &[&str] = &["分别是", "分别为", "包括", "具体是", "即"];

fn find(claims: &Claims<'_>, out: &mut Out) {
    let _doc = claims.doc;
    for p in &claims.prose {
        for m in &p.mentions {
            if !m.unit.is_some_and(|u| COUNT_UNITS.contains(&u)) || m.percent {
                continue;
            }
            if let Some(rel) = list_after(p, m.at, m.fig) {
                out.push(rel);
            }
        }
    }
}

fn list_after(p: &Prose<'_>, at: usize, fig: usize) -> Option<Relation> {
    // "个处室，分别是：": the noun, at most one comma, the opener, a colon
    let head = p.chars_from(at + 1, 16);
    let (pos, opener) = OPENERS
        .iter()
        .filter_map(|o| head.find(o).map(|i| (i, *o)))
        .min()?;
    let before = head.get(..pos)?;
    if before.chars().count() > 8 || before.chars().any(|c| ends_semi(c) || c == '、') {
        return None;
    }
    let skip = before.chars().count() + opener.chars().count();
    let mut k = at + 1 + skip;
    if matches!(p.toks.get(k), Some(Tok::Ch('：' | ':'))) {
        k += 1;
    } else if !opener.starts_with("分别") {
        // ("内设3个事业单位,分别为市林业事务中心、…": 分别 names the items that follow
        // without a colon too; 包括 or 即 alone may go on with anything)
        return None;
    }
    // items up to the end of the sentence or clause group
    let mut items: Vec<String> = vec![String::new()];
    let mut depth = 0i32;
    while let Some(t) = p.toks.get(k) {
        let Tok::Ch(c) = *t else {
            return None; // a figure inside the list: not a plain list of names
        };
        if ends_sentence(c) || ends_semi(c) {
            break;
        }
        match c {
            '（' | '(' | '《' | '“' => depth += 1,
            '）' | ')' | '》' | '”' => depth -= 1,
            _ => {}
        }
        if c == '、' && depth == 0 {
            items.push(String::new());
        } else if let Some(last) = items.last_mut() {
            last.push(c);
        }
        k += 1;
    }
    let context = p.sentence_text(at);
    let what = Text::new(
        "所称个数 = 所列名称个数",
        "the count = the number of items listed",
    );
    let open = items
        .last()
        .is_some_and(|s| s.ends_with('等') || s.contains("等"));
    // ("分别为办公室、财务科和人事科": 和 or 及 may join the last two; counted either way,
    // the list's length is not told)
    let joined = items.last().is_some_and(|s| s.contains(&['和', '及'][..]));
    if items.len() < 2
        || items
            .iter()
            .any(|s| s.is_empty() || s.contains(&['，', ','][..]))
        || open
        || joined
    {
        return Some(
            Relation::unchecked(
                RULE,
                fig,
                what,
                Text::new(
                    "所列名称不是完整的顿号列表，无法计数",
                    "the items are not a closed list separated by 、",
                ),
            )
            .context(context),
        );
    }
    let n = Decimal::from(items.len());
    Some(
        Relation::equals(RULE, fig, Expr::Const(n), what)
            .exact_target()
            .context(context),
    )
}

#[cfg(test)]
mod tests {
    use crate::checks::{own, reported};

    #[test]
    fn a_list_after_fenbie_needs_no_colon() {
        // a city forestry bureau's 2022 budget (Yueyang, Hunan): "分别为" and no colon
        let text =
            "内设3个事业单位,分别为市林业事务中心、市森林资源管理监测中心、市湿地保护中心。\n";
        assert_eq!(reported(text, "count-list"), own(&[("3", "pass")]));
        let wrong = text.replace("内设3个", "内设4个");
        assert_eq!(reported(&wrong, "count-list"), own(&[("4", "fail")]));
        // 包括 without a colon may go on with anything: not read
        let besides = text.replace("分别为", "包括");
        assert_eq!(reported(&besides, "count-list"), []);
        // 和 may join the last two items: the list's length is not told
        let joined = text.replace("、市湿地", "和市湿地");
        assert_eq!(reported(&joined, "count-list"), own(&[("3", "unchecked")]));
    }
}
