//! The checks. Each lives in its own file, is a query over the document's [`Claims`] (built
//! once, by [`crate::claims::build`]) that yields [`Relation`]s, and does no arithmetic of
//! its own; [`ALL`] lists them, with their documentation as data (served
//! by `recount explain ID`, the page's "why?" panel and the README).

mod balance;
mod budget_variance;
mod change_amount;
mod change_column;
mod code_rollup;
mod column_sum;
mod count_list;
mod cross_table;
mod exec_rate;
mod fund_breakdown;
mod net_assets;
mod pace;
mod parts_sum;
mod project_match;
mod rate_column;
mod repeated_figure;
mod saving;
mod score_total;
mod share;
mod subset;
mod surplus;
pub mod table_set;
mod text_table;
mod total_row;
mod yoy_change;

use crate::claims::Claims;
use crate::document::Document;
use crate::relation::{Cmp, Expr, Relation, Rule, Text};
use crate::IntoVec;

/// A check and its documentation.
pub struct Check {
    /// The rule its relations carry; its kebab-case id names the property checked.
    pub rule: Rule,
    /// Short title, Chinese.
    pub title_zh: &'static str,
    /// Short title, English.
    pub title_en: &'static str,
    /// Its documentation in English.
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    pub en: Words,
    /// Its documentation in Chinese: the same content, for the Chinese interface and
    /// `recount explain --lang zh`.
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    pub zh: Words,
    /// Finds the relations: a query over the claims.
    pub find: fn(&Claims<'_>, &mut Out<'_>),
}

/// A check's documentation in one language. Not in the page's core: the words are put in the
/// page by its build ([`docs`]), and the core is smaller without them.
#[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
#[derive(serde::Serialize)]
pub struct Words {
    /// What it checks.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// How rounding is allowed for.
    pub tolerance: &'static str,
    /// A small example of a failure.
    pub example: &'static str,
}

/// Where the checks put the relations they find. Kept whole ([`find_all`]), or — for a
/// report that prints only what fails ([`crate::check_lean`]) — evaluated as they come, a
/// relation that holds kept as its rule, verdict and figures only: a 1M-row table finds a
/// million relations, and their words and expressions would take twenty times the input.
pub struct Out<'d> {
    doc: &'d Document,
    lean: Option<crate::report::Lean>,
    relations: Vec<Relation>,
}

impl<'d> Out<'d> {
    /// Keeps every relation whole.
    pub fn new(doc: &'d Document) -> Self {
        Out {
            doc,
            lean: None,
            relations: Vec::new(),
        }
    }

    /// Evaluates each relation as it comes, keeping those that hold in compact form.
    pub fn lean(doc: &'d Document) -> Self {
        Out {
            doc,
            lean: Some(crate::report::Lean::default()),
            relations: Vec::new(),
        }
    }

    /// Adds a relation a check found. Words left for later ([`Relation::words_later`]) are
    /// built here for a relation kept whole, and by the lean sink only for one it keeps.
    pub fn push(&mut self, rel: Relation) {
        let rel = blank_cells_unknown(rel);
        match &mut self.lean {
            Some(lean) => lean.push(self.doc, rel),
            None => self.relations.push(rel.with_words(self.doc)),
        }
    }

    /// Adds `target = Σ terms`, the relation a table check finds on every row, with its
    /// words left for later (`what` builds them at once where `words` is `None`). A lean
    /// sink keeps it without building a relation when the evaluator's same-scale sum
    /// decides it ([`crate::report::Lean::held_sum`]): a 100k-row table's relations are
    /// nearly all of that kind.
    pub fn push_sum(
        &mut self,
        rule: Rule,
        target: crate::figure::FigId,
        terms: &[crate::relation::Term],
        words: Option<crate::relation::Words>,
        what: impl FnOnce() -> crate::relation::Text,
    ) {
        if let Some(lean) = &mut self.lean {
            if lean.held_sum(self.doc, rule, target, terms) {
                return;
            }
        }
        let rel = Relation::equals(
            rule,
            target,
            crate::relation::Expr::Sum(terms.iter().map(|&t| t.into()).into_vec()),
            crate::relation::Text::default(),
        );
        self.push(match words {
            Some(w) => rel.words_later(w),
            None => Relation {
                what: what(),
                ..rel
            },
        });
    }

    /// Adds `target = Σ terms`, said only where it holds: a total over rows that may go on
    /// past what was read (a table cut off, see `Table::cut`).
    pub fn push_sum_if_holds(
        &mut self,
        rule: Rule,
        target: crate::figure::FigId,
        terms: &[crate::relation::Term],
        what: crate::relation::Text,
    ) {
        let sum = crate::relation::Expr::Sum(terms.iter().map(|&t| t.into()).into_vec());
        self.push(Relation::equals(rule, target, sum, what).only_if_holds());
    }

    /// An empty sink of the same kind over the same document.
    #[cfg(not(target_arch = "wasm32"))]
    fn empty_like(&self) -> Self {
        match self.lean {
            Some(_) => Out::lean(self.doc),
            None => Out::new(self.doc),
        }
    }

    /// How many relations it kept.
    #[cfg(not(target_arch = "wasm32"))]
    fn len(&self) -> usize {
        self.relations.len() + self.lean.as_ref().map_or(0, crate::report::Lean::len)
    }

    /// Adds what a sink of the same kind ([`Out::empty_like`]) kept, before what this one
    /// kept.
    #[cfg(not(target_arch = "wasm32"))]
    fn prepend(&mut self, other: Out<'_>) {
        self.relations.splice(0..0, other.relations);
        if let (Some(lean), Some(more)) = (&mut self.lean, other.lean) {
            lean.prepend(more);
        }
    }

    /// Adds what a sink of the same kind ([`Out::empty_like`]) kept, after what this one
    /// kept.
    #[cfg(not(target_arch = "wasm32"))]
    fn append(&mut self, other: Out<'_>) {
        self.relations.extend(other.relations);
        if let (Some(lean), Some(more)) = (&mut self.lean, other.lean) {
            lean.append(more);
        }
    }

    /// Adds relations a check found.
    pub fn extend(&mut self, rels: impl IntoIterator<Item = Relation>) {
        rels.into_iter().for_each(|r| self.push(r));
    }

    /// The relations kept whole.
    pub fn into_relations(self) -> Vec<Relation> {
        self.relations
    }

    /// What a lean sink kept (an empty one for a sink that keeps relations whole).
    pub fn into_lean(self) -> crate::report::Lean {
        self.lean.unwrap_or_default()
    }
}

/// The words a table check left for later ([`crate::relation::Words`]), built as the check
/// would have built them.
pub(crate) fn words(doc: &Document, w: &crate::relation::Words) -> crate::relation::Text {
    use crate::relation::WordsKind;
    let Some(t) = doc.tables.get(w.table as usize) else {
        return crate::relation::Text::default();
    };
    let (row, col, label_col) = (w.row as usize, w.col as usize, w.label_col as usize);
    match w.kind {
        WordsKind::TotalRow => total_row::words(t, row, col, label_col),
        WordsKind::CodeRollup => code_rollup::words(t, row, col),
        WordsKind::ColumnSum => column_sum::words(t, row, col),
    }
}

/// Every check, in the order they run.
pub static ALL: &[&Check] = &[
    &total_row::CHECK,
    &balance::CHECK,
    &cross_table::CHECK,
    &column_sum::CHECK,
    &code_rollup::CHECK,
    &rate_column::CHECK,
    &change_column::CHECK,
    &exec_rate::CHECK,
    &fund_breakdown::CHECK,
    &score_total::CHECK,
    &project_match::CHECK,
    &yoy_change::CHECK,
    &share::CHECK,
    &parts_sum::CHECK,
    &subset::CHECK,
    &surplus::CHECK,
    &net_assets::CHECK,
    &change_amount::CHECK,
    &budget_variance::CHECK,
    &pace::CHECK,
    &saving::CHECK,
    &count_list::CHECK,
    &repeated_figure::CHECK,
    &text_table::CHECK,
];

/// Runs every check over the document's claims, read once.
pub fn find_all(doc: &Document) -> Vec<Relation> {
    let claims = crate::claims::build(doc);
    find_in(&claims)
}

/// Runs every check over claims already built.
pub fn find_in(claims: &Claims<'_>) -> Vec<Relation> {
    let mut out = Out::new(claims.doc);
    find_into(claims, &mut out);
    out.into_relations()
}

/// A table's sum with a blank cell among its terms: a blank is read as nothing (blank for
/// zero is the tables' custom), and also as an amount not printed, which the total may
/// hold ("合计 3.1" over "因公出国(境)费 0" and a blank "公务接待费": the text under the
/// table gives 公务接待费 3.1). A total above the printed terms is then not checked; one
/// below them still fails, as no amount not printed (none below zero) brings it down.
fn blank_cells_unknown(rel: Relation) -> Relation {
    let Expr::Sum(terms) = &rel.expr else {
        return rel;
    };
    if rel.cmp != Cmp::Eq
        || !matches!(
            rel.rule,
            Rule::TotalRow | Rule::CodeRollup | Rule::ColumnSum
        )
        || !terms.contains(&Expr::Blank)
    {
        return rel;
    }
    let at_least = Expr::max(Expr::Fig(rel.target), rel.expr.clone());
    rel.reading(
        at_least,
        Text::new(
            "空白格为未印出的数（不小于零）",
            "the blank cells stand for amounts not printed (none below zero)",
        ),
    )
}

/// Runs every check over claims already built, into a sink. Natively, a large document's
/// checks run on two threads ([`PARALLEL_FROM`], [`find_on_two_threads`]).
pub fn find_into(claims: &Claims<'_>, out: &mut Out<'_>) {
    #[cfg(not(target_arch = "wasm32"))]
    if claims.doc.figure_count() >= PARALLEL_FROM && find_on_two_threads(claims, out) {
        return;
    }
    for c in ALL {
        (c.find)(claims, out);
    }
}

/// The parts of a sum in words, zh and en: their names joined by " + ", or "the items
/// listed" when one has no name ("其中：30万元用于…" names its parts after the amounts).
pub(crate) fn parts_named<S: AsRef<str>>(labels: &[S]) -> (String, String) {
    if labels.iter().any(|l| l.as_ref().trim().is_empty()) {
        (
            "所列各项之和".to_string(),
            "the sum of the items listed".to_string(),
        )
    } else {
        let v: Vec<&str> = labels.iter().map(AsRef::as_ref).into_vec();
        (v.join(" + "), v.join(" + "))
    }
}

/// How many figures a document holds before its checks are worth running on two threads:
/// below it (the sample holds 968) starting a thread would cost more than it saves.
#[cfg(not(target_arch = "wasm32"))]
pub const PARALLEL_FROM: usize = 20_000;

/// Runs every check, the checks that keep a relation a row (column-sum, code-rollup) on
/// this thread and the others on a second one, each into a sink of its own, then puts what they
/// found together in the order of [`ALL`]: the same relations in the same order as one
/// check after another. `false`, with `out` untouched, when the second thread could not be
/// run (the caller then runs the checks itself).
///
/// Memory is the reason for the split and for the way the parts are put together: what the
/// second thread frees stays in its own part of the heap, so the large parts are allocated
/// here; and the part holding the most becomes the sink, the others added around it, so that
/// its arrays are not copied (put together one after another, the parts would for a moment
/// take twice their memory).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn find_on_two_threads(claims: &Claims<'_>, out: &mut Out<'_>) -> bool {
    // the two sides' work as near even as a split of whole checks gets on a large
    // classification table (callgrind, 100k rows, the checks' own instructions: column-sum
    // 47 M and code-rollup 48 M here, total-row 63 M, balance 8 M, rate-column 2 M and the
    // rest ≈ 5 M there; either row check moved there would make that side the longer)
    let per_row = |c: &Check| matches!(c.rule, Rule::ColumnSum | Rule::CodeRollup);
    let run = |here: bool| {
        ALL.iter()
            .map(|c| {
                let mut part = out.empty_like();
                if per_row(c) == here {
                    (c.find)(claims, &mut part);
                }
                part
            })
            .into_vec()
    };
    let (here, there) = std::thread::scope(|s| {
        let other = std::thread::Builder::new().spawn_scoped(s, || run(false));
        let here = run(true);
        (here, other.ok().and_then(|o| o.join().ok()))
    });
    let Some(there) = there else {
        return false;
    };
    let mut parts: Vec<Out<'_>> = here
        .into_iter()
        .zip(there)
        .map(|(mut a, b)| {
            a.append(b);
            a
        })
        .into_vec();
    parts.insert(0, std::mem::replace(out, out.empty_like()));
    let big = (0..parts.len())
        .max_by_key(|&i| parts.get(i).map_or(0, Out::len))
        .unwrap_or(0);
    let after = parts.split_off(big + 1);
    if let Some(mut sink) = parts.pop() {
        let mut before = out.empty_like();
        parts.into_iter().for_each(|p| before.append(p));
        sink.prepend(before);
        after.into_iter().for_each(|p| sink.append(p));
        *out = sink;
    }
    true
}

/// The check with this id.
pub fn by_id(id: &str) -> Option<&'static Check> {
    ALL.iter().copied().find(|c| c.id() == id)
}

/// One check's documentation, as `recount checks --format json` prints it and the page and
/// the widget show it beside an answer (`CheckDoc` in the front end's contract). Not in the
/// page's core: the words are put in the page by its build, and the core is smaller.
#[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
#[derive(serde::Serialize)]
pub struct Doc {
    /// [`Check::id`].
    pub id: &'static str,
    /// [`Check::title_zh`].
    pub title_zh: &'static str,
    /// [`Check::title_en`].
    pub title_en: &'static str,
    /// [`Check::en`].
    pub en: &'static Words,
    /// [`Check::zh`].
    pub zh: &'static Words,
}

/// The documentation of every check, in [`ALL`]'s order.
#[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
pub fn docs() -> Vec<Doc> {
    ALL.iter()
        .map(|c| Doc {
            id: c.id(),
            title_zh: c.title_zh,
            title_en: c.title_en,
            en: &c.en,
            zh: &c.zh,
        })
        .into_vec()
}

impl Check {
    /// The kebab-case id naming the property checked.
    pub fn id(&self) -> &'static str {
        self.rule.id()
    }

    /// The documentation as Markdown, in `lang`.
    #[cfg(any(not(target_arch = "wasm32"), feature = "widget"))]
    pub fn doc_markdown(&self, lang: crate::Lang) -> String {
        let (w, [what, why, tolerance, example]) = match lang {
            crate::Lang::En => (
                &self.en,
                [
                    "What it checks.",
                    "Why it matters.",
                    "Tolerance.",
                    "Example.",
                ],
            ),
            crate::Lang::Zh => (
                &self.zh,
                ["检查什么。", "为什么重要。", "舍入的容许范围。", "示例。"],
            ),
        };
        format!(
            "### `{}` — {} / {}\n\n**{what}** {}\n\n**{why}** {}\n\n**{tolerance}** {}\n\n**{example}** {}\n",
            self.id(), self.title_zh, self.title_en, w.what, w.why, w.tolerance, w.example
        )
    }
}

/// The entries one check reports on a text, as (printed figure, status): what the checks'
/// own tests compare.
#[cfg(test)]
pub(crate) fn reported(text: &str, rule: &str) -> Vec<(String, String)> {
    crate::check_str(text)
        .expect("the text is read")
        .checks
        .iter()
        .filter(|e| e.rule == rule)
        .map(|e| (e.reported.clone(), e.status.to_string()))
        .into_vec()
}

/// Expected entries written as (figure, status) pairs of `&str`, owned as [`reported`]
/// gives them.
#[cfg(test)]
pub(crate) fn own(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .into_vec()
}

#[cfg(test)]
mod tests {
    /// A table where total-row, column-sum and code-rollup each fail once.
    const TABLE: &str = "表1 一般公共预算支出决算表\n\n\
        科目编码\t科目名称\t合计\t基本支出\t项目支出\n\
        合计\t\t31.00\t21.00\t10.00\n\
        201\t一般公共服务\t31.00\t20.00\t10.00\n\
        20101\t人大事务\t30.00\t20.00\t10.00\n";

    /// On two threads ([`super::find_on_two_threads`]) the checks find what they find one
    /// after another, in the same order: every relation kept whole, and the lean report
    /// (its parts put together around the largest, the others' indices moved) written the
    /// same. The documents: the sample, the small table above, and a table with a failure
    /// where column-sum keeps the most (so parts are added both before and after it).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn two_threads_find_what_one_finds() {
        use super::{find_on_two_threads, Out, ALL};
        let mut wide =
            String::from("表2 支出决算表\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n");
        wide.push_str("合计\t\t122.00\t81.00\t41.00\n");
        for k in 0..40 {
            let total = if k == 7 { "3.50" } else { "3.00" };
            wide.push_str(&format!("{}\t项目{k}\t{total}\t2.00\t1.00\n", 2010101 + k));
        }
        let sample =
            include_str!("../../samples/2019-xinjiang-government-office-final-accounts.txt");
        for text in [sample, TABLE, wide.as_str()] {
            let doc = crate::read::read_str(text).expect("the text is read");
            let claims = crate::claims::build(&doc);
            let (mut one, mut two) = (Out::new(&doc), Out::new(&doc));
            for c in ALL {
                (c.find)(&claims, &mut one);
            }
            assert!(find_on_two_threads(&claims, &mut two));
            let (one, two) = (one.into_relations(), two.into_relations());
            assert!(!one.is_empty());
            assert_eq!(one, two);

            let json = |out: Out<'_>| {
                let mut checked = crate::report::Checked::lean(&doc, out.into_lean());
                checked.arrange_all();
                let mut bytes = Vec::new();
                checked
                    .write_json(&mut bytes, None, false)
                    .expect("written");
                String::from_utf8(bytes).expect("UTF-8")
            };
            let (mut one, mut two) = (Out::lean(&doc), Out::lean(&doc));
            for c in ALL {
                (c.find)(&claims, &mut one);
            }
            assert!(find_on_two_threads(&claims, &mut two));
            let (one, two) = (json(one), json(two));
            assert!(one.contains("\"status\":\"fail\""), "{one}");
            assert_eq!(one, two);
        }
    }

    /// The words these checks leave for later are built, for the whole report and for the
    /// lean one alike, as the checks wrote them (figure by figure).
    #[test]
    fn words_left_for_later_are_the_checks_words() {
        let expected = [
            (
                "total-row",
                "合计 = 所列各行之和（基本支出）",
                "合计 = sum of the rows it covers (基本支出)",
            ),
            (
                "column-sum",
                "一般公共服务 合计 = 各分列之和",
                "一般公共服务 合计 = sum of its columns",
            ),
            (
                "code-rollup",
                "201 一般公共服务 = 下级科目之和（合计）",
                "201 一般公共服务 = sum of its sub-codes (合计)",
            ),
        ];
        let report = crate::check_str(TABLE).expect("the text is read");
        for (rule, zh, en) in expected {
            assert!(
                report
                    .checks
                    .iter()
                    .any(|e| e.rule == rule && e.relation.zh == zh && e.relation.en == en),
                "{rule}: {:?}",
                report
                    .checks
                    .iter()
                    .filter(|e| e.rule == rule)
                    .map(|e| &e.relation)
                    .collect::<Vec<_>>()
            );
        }
        // the lean report builds them only for what it keeps whole: the failures
        let doc = crate::read::read_str(TABLE).expect("the text is read");
        let mut json = Vec::new();
        crate::check_lean(&doc)
            .write_json(&mut json, None, false)
            .expect("written");
        let json = String::from_utf8(json).expect("UTF-8");
        for (rule, zh, _) in expected {
            assert!(json.contains(zh), "{rule}: {json}");
        }
    }

    #[test]
    fn parts_without_names_are_called_the_items_listed() {
        // "本项目共申请预算资金90万元。其中：30万元用于…；30万元用于…" names its parts after
        // their amounts: no name is left to join
        let text = "本项目共申请预算资金90万元。其中：30万元用于预算编制；30万元用于审计；30万元用于设计。\n";
        let report = crate::check_str(text).expect("the text is read");
        let words: Vec<&str> = report
            .checks
            .iter()
            .map(|e| e.relation.zh.as_str())
            .collect();
        assert!(words.contains(&"总数 = 所列各项之和"), "{words:?}");
        assert!(words.contains(&"所列一项 ≤ 总数"), "{words:?}");
        assert!(words.iter().all(|w| !w.contains(" + ")), "{words:?}");
        assert_eq!(super::parts_named(&["甲", "乙"]).0, "甲 + 乙");
    }
}
