//! The checks. Each lives in its own file, is a query over the document's [`Claims`] (built
//! once, by [`crate::claims::build`]) that yields [`Relation`]s, and does no arithmetic of
//! its own; [`ALL`] lists them, with their documentation as data (served
//! by `recount explain ID`, the page's "why?" panel and the README).

mod balance;
mod budget_variance;
mod code_rollup;
mod column_sum;
mod count_list;
mod cross_table;
mod exec_rate;
mod fund_breakdown;
mod parts_sum;
mod project_match;
mod rate_column;
mod repeated_figure;
mod score_total;
mod share;
mod subset;
mod surplus;
mod text_table;
mod total_row;
mod yoy_change;

use crate::claims::Claims;
use crate::document::Document;
use crate::relation::{Relation, Rule};

/// A check and its documentation.
pub struct Check {
    /// The rule its relations carry; its kebab-case id names the property checked.
    pub rule: Rule,
    /// Short title, Chinese.
    pub title_zh: &'static str,
    /// Short title, English.
    pub title_en: &'static str,
    /// What it checks.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// How rounding is allowed for.
    pub tolerance: &'static str,
    /// A small example of a failure.
    pub example: &'static str,
    /// Finds the relations: a query over the claims.
    pub find: fn(&Claims<'_>, &mut Vec<Relation>),
}

/// Every check, in the order they run.
pub static ALL: &[&Check] = &[
    &total_row::CHECK,
    &balance::CHECK,
    &cross_table::CHECK,
    &column_sum::CHECK,
    &code_rollup::CHECK,
    &rate_column::CHECK,
    &exec_rate::CHECK,
    &fund_breakdown::CHECK,
    &score_total::CHECK,
    &project_match::CHECK,
    &yoy_change::CHECK,
    &share::CHECK,
    &parts_sum::CHECK,
    &subset::CHECK,
    &surplus::CHECK,
    &budget_variance::CHECK,
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
    let mut out = Vec::new();
    for c in ALL {
        (c.find)(claims, &mut out);
    }
    out
}

/// The check with this id.
pub fn by_id(id: &str) -> Option<&'static Check> {
    ALL.iter().copied().find(|c| c.id() == id)
}

impl Check {
    /// The kebab-case id naming the property checked.
    pub fn id(&self) -> &'static str {
        self.rule.id()
    }

    /// The documentation as Markdown.
    pub fn doc_markdown(&self) -> String {
        format!(
            "### `{}` — {} / {}\n\n**What it checks.** {}\n\n**Why it matters.** {}\n\n**Tolerance.** {}\n\n**Example.** {}\n",
            self.id(), self.title_zh, self.title_en, self.what, self.why, self.tolerance, self.example
        )
    }
}
