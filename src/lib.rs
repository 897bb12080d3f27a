//! Recount (决算复核): rounding-aware recalculation of the figures in published government
//! budget and final-accounts disclosures.
//!
//! Data flows one way, one stage per module:
//! [`read`] (bytes → [`Document`]) → [`checks`] (document → [`Relation`]s) → [`eval`] (one
//! interval-arithmetic evaluator gives each relation its verdict and likely cause) →
//! [`report`] (every relation and its status) → the CLI, JSON, and the wasm bindings.
#![deny(missing_docs)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod checks;
pub mod claims;
pub mod document;
pub mod eval;
pub mod figure;
pub mod interval;
pub mod present;
pub mod read;
pub mod relation;
pub mod report;
pub mod sort;
mod utf8;
// not in crates/sheets-wasm, which takes only the readers from this crate
#[cfg(all(target_arch = "wasm32", not(feature = "reader-module")))]
mod wasm;

pub use document::Document;
pub use read::ReadError;
pub use relation::Relation;
pub use report::{Lang, Report};

/// `collect` into a vector with the iterator's code compiled once: the standard library's
/// `collect` takes a filtering iterator's first item apart from the rest, and each such
/// call compiled the iterator's `next` twice (in the page's wasm, hundreds of copies).
pub(crate) trait IntoVec: Iterator + Sized {
    fn into_vec(self) -> Vec<Self::Item> {
        let mut v = Vec::with_capacity(self.size_hint().0);
        for x in self {
            v.push(x);
        }
        v
    }
}

impl<I: Iterator> IntoVec for I {}

/// Runs `here` on this thread and `there` on a second one at the same time (natively: the
/// two halves of a large input's work). Where no thread can be started, or it stops,
/// `there` runs here afterwards.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn on_two_threads<A, B: Send>(
    here: impl FnOnce() -> A,
    there: impl Fn() -> B + Sync,
) -> (A, B) {
    std::thread::scope(|s| {
        let other = std::thread::Builder::new().spawn_scoped(s, &there);
        let a = here();
        let b = other.ok().and_then(|h| h.join().ok());
        (a, b.unwrap_or_else(&there))
    })
}

/// Reads a document and checks every relation found in it.
pub fn check_document(doc: &Document) -> Report {
    check_lazily(doc).to_report()
}

/// Finds and evaluates every relation of a document, building no strings: the CLI writes
/// from this what it prints (see [`report::Checked`]).
pub fn check_lazily(doc: &Document) -> report::Checked<'_> {
    let claims = claims::build(doc);
    let relations = checks::find_in(&claims);
    let table_set = table_set_of(&claims);
    drop(claims);
    report::Checked::new_with(doc, relations, table_set)
}

/// The notes on the standard table set, from each table's membership as the claims stage
/// read it.
fn table_set_of(claims: &claims::Claims<'_>) -> Vec<checks::table_set::TableNote> {
    let members: Vec<_> = claims.kinds.iter().map(|k| k.member).into_vec();
    checks::table_set::find_among(claims.doc, &members)
}

/// Finds and evaluates every relation as it is found, keeping those that hold without their
/// words or expressions: what the CLI uses when it prints only failures (the text report
/// without `--verbose`, the JSON without `--full`), in a fraction of the memory. An entry
/// that holds cannot be built from it (see [`report::Checked::lean`]).
pub fn check_lean(doc: &Document) -> report::Checked<'_> {
    let claims = claims::build(doc);
    let mut out = checks::Out::lean(doc);
    checks::find_into(&claims, &mut out);
    let table_set = table_set_of(&claims);
    drop(claims);
    report::Checked::lean_with(doc, out.into_lean(), table_set)
}

/// Reads bytes (UTF-8 text or HTML) and checks them.
pub fn check_bytes(bytes: &[u8]) -> Result<Report, ReadError> {
    read::read_bytes(bytes).map(|d| check_document(&d))
}

/// Reads a string (text or HTML) and checks it.
pub fn check_str(text: &str) -> Result<Report, ReadError> {
    read::read_str(text).map(|d| check_document(&d))
}
