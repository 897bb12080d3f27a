//! The claims stage: the document read once into what its figures claim, between
//! [`crate::read`] and [`crate::checks`]. Every figure of the running text gets its subject
//! (the label naming it), its role (amount, change, rate, share, budget, actual …) and its
//! scope; 其中 breakdowns, budget records and self-evaluation tables are recognised here
//! once, and every check is a query over the result. A question a check cannot answer
//! from the claims is a gap to fix here, not in the check.

pub mod normalise;
pub mod outline;
pub mod period;
pub mod prose;
pub mod sangong;
pub mod scope;
pub mod self_eval;
pub mod standard;
pub mod stated;
pub mod table;

use crate::document::Document;
use crate::IntoVec;
use prose::{Breakdown, Prose, Record};
use self_eval::SelfEval;

/// Everything the checks query, built once per document by [`build`].
#[derive(Debug, Clone)]
pub struct Claims<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Every paragraph of running text, read into mentions.
    pub prose: Vec<Prose<'a>>,
    /// The budget records of each entry of [`Claims::prose`], in the same order.
    pub records: Vec<Vec<Record>>,
    /// Every 其中 breakdown of the text.
    pub breakdowns: Vec<Breakdown>,
    /// Every self-evaluation table.
    pub self_evals: Vec<SelfEval<'a>>,
    /// Every heading, in the document or inside a paragraph; scopes point into it.
    pub headings: Vec<scope::Heading>,
    /// For each figure listed as a part, the first breakdown listing it (index into
    /// [`Claims::breakdowns`]): checks look a part's total up here, never by scanning.
    part_index: rustc_hash::FxHashMap<crate::figure::FigId, usize>,
    /// For each table of the document (same index), what its rows' labels say: totals,
    /// rates, codes (see [`table::RowFacts`]), read once for every table check.
    pub rows: Vec<Vec<table::RowFacts>>,
    /// For each table of the document (same index), which standard table its title names
    /// ([`standard::Kinds`]): its title normalised and searched once, not once per check.
    pub kinds: Vec<standard::Kinds>,
}

impl Claims<'_> {
    /// The paragraph of running text a figure is printed in.
    pub fn prose_of(&self, fig: crate::figure::FigId) -> Option<&Prose<'_>> {
        let para = match self.doc.figure(fig)?.place {
            crate::document::Place::Text { paragraph } => paragraph,
            crate::document::Place::Cell { .. } => return None,
        };
        self.prose_at(para)
    }

    /// The paragraph of running text with index `para`.
    pub fn prose_at(&self, para: usize) -> Option<&Prose<'_>> {
        let k = self.prose.binary_search_by_key(&para, |p| p.index).ok()?;
        self.prose.get(k)
    }

    /// The text mention of a figure.
    pub fn mention(&self, fig: crate::figure::FigId) -> Option<&prose::Mention> {
        let ms = &self.prose_of(fig)?.mentions;
        // figures are numbered in reading order, so a paragraph's mentions are sorted by id
        ms.get(ms.binary_search_by_key(&fig, |m| m.fig).ok()?)
    }

    /// What the rows of table `table` say ([`Claims::rows`]); none for a table not read.
    pub fn rows_of(&self, table: usize) -> &[table::RowFacts] {
        self.rows.get(table).map_or(&[], Vec::as_slice)
    }

    /// Which standard table the `table`-th table is, as [`standard::kind`] reads it.
    pub fn kind_of(&self, table: usize) -> Option<standard::Standard> {
        self.kinds.get(table).and_then(|k| k.kind)
    }

    /// The first breakdown that lists this figure as a part.
    pub fn breakdown_of(&self, part: crate::figure::FigId) -> Option<&Breakdown> {
        self.breakdowns.get(*self.part_index.get(&part)?)
    }
}

/// Reads the document's claims.
pub fn build(doc: &Document) -> Claims<'_> {
    let mut prose = prose::read_all(doc);
    let headings = scope::assign(doc, &mut prose);
    let records = prose.iter().map(prose::records).into_vec();
    let breakdowns = prose::breakdowns(doc, &prose);
    let self_evals = self_eval::read_all(doc);
    let mut part_index = rustc_hash::FxHashMap::default();
    // a numbered list's total is not known for sure (see [`Breakdown::numbered`])
    for (k, b) in breakdowns.iter().enumerate().filter(|(_, b)| !b.numbered) {
        for (f, _) in &b.parts {
            part_index.entry(*f).or_insert(k);
        }
    }
    Claims {
        doc,
        prose,
        records,
        breakdowns,
        self_evals,
        headings,
        part_index,
        rows: doc.tables.iter().map(table::row_facts).into_vec(),
        kinds: doc.tables.iter().map(standard::kinds).into_vec(),
    }
}
