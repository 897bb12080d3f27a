//! The checks. Each lives in its own file, turns the document into [`Relation`]s and does
//! no arithmetic of its own; [`ALL`] lists them, with their documentation as data (served
//! by `recount explain ID`, the page's "why?" panel and the README).

pub mod outline;
pub mod prose;
pub mod self_eval;
pub mod standard;
pub mod util;

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
mod text_table;
mod total_row;
mod yoy_change;

use crate::document::Document;
use crate::relation::Relation;

/// A check and its documentation.
pub struct Check {
    /// Kebab-case id naming the property checked.
    pub id: &'static str,
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
    /// Finds the relations.
    pub find: fn(&Document, &mut Vec<Relation>),
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
    &budget_variance::CHECK,
    &count_list::CHECK,
    &repeated_figure::CHECK,
    &text_table::CHECK,
];

/// Runs every check.
pub fn find_all(doc: &Document) -> Vec<Relation> {
    let mut out = Vec::new();
    for c in ALL {
        (c.find)(doc, &mut out);
    }
    out
}

/// The check with this id.
pub fn by_id(id: &str) -> Option<&'static Check> {
    ALL.iter().copied().find(|c| c.id == id)
}

impl Check {
    /// The documentation as Markdown.
    pub fn doc_markdown(&self) -> String {
        format!(
            "### `{}` — {} / {}\n\n**What it checks.** {}\n\n**Why it matters.** {}\n\n**Tolerance.** {}\n\n**Example.** {}\n",
            self.id, self.title_zh, self.title_en, self.what, self.why, self.tolerance, self.example
        )
    }
}
