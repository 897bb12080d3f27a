//! The report: every relation checked, with its status, arithmetic and likely cause; and
//! its renderings for people (text, zh or en) and machines (JSON).

use crate::document::{aside, Document, Figure, Place};
use crate::eval::{evaluate, EvalError, Status, Verdict};
use crate::figure::{format_scaled, FigId};
use crate::relation::{Cmp, Expr, Relation, Rule, Severity, Text};
use crate::IntoVec;
use serde::Serialize;

mod json;
use crate::utf8::{self, chars_in, utf16_len};

/// A figure an entry refers to.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FigRef {
    /// As printed.
    pub raw: String,
    /// 1-based line.
    pub line: u32,
    /// Offset in the input, in UTF-16 code units (as JavaScript counts).
    pub start: usize,
    /// One past the end, in UTF-16 code units.
    pub end: usize,
    /// 1-based page, for paged input (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// The cause of a failure.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CauseOut {
    /// Stable id.
    pub id: &'static str,
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// What became of one relation, as a report says it (holding within rounding is a pass
/// with [`Entry::within_rounding`] set).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Holds, exactly or within rounding.
    Pass,
    /// Fails: an error or a warning (see [`Entry::severity`]).
    Fail,
    /// Could not be decided.
    Unchecked,
}

impl Outcome {
    /// `pass`, `fail` or `unchecked`, as JSON prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Unchecked => "unchecked",
        }
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An outcome compares with its JSON name, so readers can write `e.status == "fail"`.
impl PartialEq<&str> for Outcome {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// One relation's result.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Entry {
    /// The check that found the relation (its kebab-case id in JSON).
    pub rule: Rule,
    /// Holds, fails or not checked.
    pub status: Outcome,
    /// `error` or `warning` for failures, `info` otherwise.
    pub severity: Severity,
    /// 1-based line where the reported figure is printed.
    pub line: u32,
    /// 1-based column (characters) of the reported figure.
    pub column: u32,
    /// The reported figure exactly as printed.
    pub reported: String,
    /// What it should be, at the printed precision.
    pub expected: Option<String>,
    /// What was found, in both languages.
    pub message: Text,
    /// The arithmetic.
    pub formula: Option<String>,
    /// Holds only because the inputs were rounded.
    pub within_rounding: bool,
    /// Every value the unrounded inputs allow, at the printed precision plus two decimals.
    pub tolerance: Option<String>,
    /// The likely cause of a failure.
    pub cause: Option<CauseOut>,
    /// The relation in words.
    pub relation: Text,
    /// The sentence or row the relation comes from.
    pub context: Option<String>,
    /// Where the reported figure is.
    pub figure: FigRef,
    /// The figures the recomputation used.
    pub inputs: Vec<FigRef>,
    /// The arithmetic with each operand named by its role ("减少额 2576.77 ÷ 上年数
    /// 16786.51"), for the answer's lead sentence; not part of the JSON report.
    #[serde(skip)]
    pub operands: Option<Text>,
}

/// Counts.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Relations decided (held or failed).
    pub checked: usize,
    /// Relations that hold (exactly or within rounding).
    pub passed: usize,
    /// Of those, the ones that hold only within rounding.
    pub within_rounding: usize,
    /// Failures that are errors.
    pub errors: usize,
    /// Failures that are warnings.
    pub warnings: usize,
    /// Relations found but not decidable.
    pub unchecked: usize,
    /// Figures read in the document.
    pub figures: usize,
    /// Relations found (checked or not).
    pub relations: usize,
    /// Failures, errors and warnings together.
    pub failing: usize,
    /// Tables read.
    pub tables: usize,
    /// Tables in which some relation was found (the others were read but not understood).
    pub tables_understood: usize,
    /// What the counts leave unsaid, when they could look like "no error found": figures
    /// read but nothing checked, tables read but not understood.
    pub coverage: Option<Text>,
}

/// The whole report.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Report {
    /// Every relation, in document order.
    pub checks: Vec<Entry>,
    /// The standard table set: tables missing from a whole disclosure, tables printed blank
    /// (see [`crate::checks::table_set`]); left out of the JSON when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub table_set: Vec<TableNote>,
    /// Counts.
    pub summary: Summary,
}

pub use crate::checks::table_set::{Finding, TableNote};

/// An offset as the report keeps it (inputs are at most 64 MB: every offset fits 32 bits).
fn wide(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Every figure's start and end in UTF-16 code units (as JavaScript counts), for figures
/// whose spans go back (not seen in practice; [`Units::new`] counts figures in reading
/// order in one pass): the starts and ends sorted, and the source walked once from the
/// first to the last.
fn utf16_spans(doc: &Document) -> Vec<(u32, u32)> {
    let bytes = doc.source.as_bytes();
    let len = bytes.len();
    // (byte offset, figure index × 2 + 1 for an end)
    let n = doc.figure_count();
    let mut events: Vec<(u32, u32)> = Vec::with_capacity(2 * n);
    for (i, (start, end)) in doc.figure_spans().enumerate() {
        events.push((wide(start), wide(2 * i)));
        events.push((wide(end), wide(2 * i + 1)));
    }
    crate::sort::sort_pairs(&mut events);
    let mut at = vec![(0, 0); n];
    let (mut pos, mut units) = (0usize, 0usize);
    for (offset, slot) in events {
        let upto = (offset as usize).min(len).max(pos);
        units += utf16_len(bytes.get(pos..upto).unwrap_or(&[]));
        pos = upto;
        if let Some(a) = at.get_mut(slot as usize / 2) {
            if slot % 2 == 0 {
                a.0 = wide(units);
            } else {
                a.1 = wide(units);
            }
        }
    }
    at
}

/// Every figure's UTF-16 start ([`utf16_spans`]) kept as its start only: its end is its
/// start and the units of its own span, counted when asked (a few bytes), which halves
/// what a report of a 1M-row table holds while it is written. A figure whose span ends
/// before it starts (not seen in practice) keeps its end aside.
pub(crate) struct Units<'d> {
    doc: &'d Document,
    starts: Vec<u32>,
    /// (id, end) of the figures whose end is not after their start, by id.
    back: Vec<(FigId, u32)>,
}

impl<'d> Units<'d> {
    fn new(doc: &'d Document) -> Self {
        let bytes = doc.source.as_bytes();
        let len = bytes.len();
        // the starts counted in one pass, as `utf16_spans` counts them, while the figures
        // come in reading order (as good as always)
        let (mut pos, mut units, mut prev) = (0usize, 0usize, 0usize);
        let mut starts = Vec::with_capacity(doc.figure_count());
        let in_order = doc.figure_spans().all(|(s, e)| {
            if s < prev || e < s {
                return false;
            }
            prev = s;
            let s = s.min(len);
            units += utf16_len(bytes.get(pos..s).unwrap_or(&[]));
            pos = s;
            starts.push(wide(units));
            true
        });
        if in_order {
            return Units {
                doc,
                starts,
                back: Vec::new(),
            };
        }
        drop(starts);
        let spans = utf16_spans(doc);
        let mut back = Vec::new();
        let mut starts = Vec::with_capacity(spans.len());
        for (id, ((s, e), (us, ue))) in doc.figure_spans().zip(spans).enumerate() {
            starts.push(us);
            if e < s {
                back.push((id, ue));
            }
        }
        Units { doc, starts, back }
    }

    /// The figure's UTF-16 start.
    fn start(&self, id: FigId) -> Option<u32> {
        self.starts.get(id).copied()
    }

    /// The figure's UTF-16 start and end.
    fn get(&self, id: FigId) -> Option<(u32, u32)> {
        let start = *self.starts.get(id)?;
        let (s, e) = self.doc.figure_span(id)?;
        if e < s {
            return aside(&self.back, id).map(|&end| (start, end));
        }
        let len = self.doc.source.len();
        let own = self
            .doc
            .source
            .as_bytes()
            .get(s.min(len)..e.min(len))
            .unwrap_or(&[]);
        Some((start, wide(start as usize + utf16_len(own))))
    }
}

/// A figure as an entry refers to it, its offsets from `units` ([`utf16_spans`]).
fn fig_ref(doc: &Document, units: &Units<'_>, id: FigId) -> Option<FigRef> {
    let f = doc.figure(id)?;
    let (start, end) = units.get(id)?;
    Some(FigRef {
        raw: f.raw.to_string(),
        line: f.line,
        start: start as usize,
        end: end as usize,
        page: f.page,
    })
}

/// A relation that holds, as a lean report keeps it: its rule, verdict and figures (ids
/// of its inputs in [`Lean::inputs`]).
#[derive(Debug, Clone, Copy)]
struct Held {
    rule: Rule,
    rounding: bool,
    target: u32,
    inputs: (u32, u32),
}

/// One relation of a report: kept whole (an index into the relations and verdicts) or held
/// (an index into the compact passes).
#[derive(Debug, Clone, Copy)]
enum Item {
    Whole(u32),
    Held(u32),
}

/// An index as an [`Item`] keeps it (relations are far fewer than 2³²; one past that is not
/// found again, never another's).
fn item_index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Room for `n` more elements, a large vector growing by a quarter instead of doubling.
fn room_for<T>(v: &mut Vec<T>, n: usize) {
    if v.capacity() - v.len() < n && v.len() >= 1 << 12 {
        v.reserve_exact((v.len() / 4).max(n));
    }
}

/// What a lean sink keeps before another's relations ([`Lean::counts`]).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy)]
struct Counts {
    whole: u32,
    held: u32,
    inputs: u32,
}

/// `item` of a sink whose relations are put after `by`.
#[cfg(not(target_arch = "wasm32"))]
fn moved_item(item: Item, by: Counts) -> Item {
    match item {
        Item::Whole(i) => Item::Whole(i.saturating_add(by.whole)),
        Item::Held(k) => Item::Held(k.saturating_add(by.held)),
    }
}

/// `h` of a sink whose relations are put after `by`.
#[cfg(not(target_arch = "wasm32"))]
fn moved_held(h: Held, by: Counts) -> Held {
    Held {
        inputs: (
            h.inputs.0.saturating_add(by.inputs),
            h.inputs.1.saturating_add(by.inputs),
        ),
        ..h
    }
}

/// What a lean sink ([`crate::checks::Out::lean`]) keeps: every relation evaluated as it
/// was found; those that hold as their rule, status and figures, the others whole.
#[derive(Default)]
pub struct Lean {
    relations: Vec<Relation>,
    verdicts: Vec<Verdict>,
    held: Vec<Held>,
    inputs: Vec<u32>,
    /// Every relation in the order found.
    items: Vec<Item>,
    scratch: Vec<FigId>,
}

impl Lean {
    pub(crate) fn push(&mut self, doc: &Document, rel: Relation) {
        let v = evaluate(doc, &rel);
        let holds = matches!(v.status, Status::Pass | Status::Rounding);
        // a relation the text does not assert, which does not hold, is never shown nor
        // counted: not kept (one in a table's cell is, as it marks its table understood)
        if rel.only_if_holds
            && !holds
            && matches!(doc.fig_place(rel.target), Some(Place::Text { .. }))
        {
            return;
        }
        if holds && doc.has_figure(rel.target) {
            let mut inputs = std::mem::take(&mut self.scratch);
            inputs.clear();
            rel.expr.figures(&mut inputs);
            let held = self.hold(
                rel.rule,
                v.status == Status::Rounding,
                rel.target,
                inputs.iter().copied(),
            );
            self.scratch = inputs;
            if held {
                return;
            }
        }
        room_for(&mut self.items, 1);
        self.items
            .push(Item::Whole(item_index(self.relations.len())));
        // kept whole: its words, where the check left them for later, are built now
        self.relations.push(rel.with_words(doc));
        self.verdicts.push(v);
    }

    /// `target = Σ terms`, kept as held without a [`Relation`] when the evaluator's
    /// same-scale sum decides it ([`crate::eval::exact_same_scale_sum`]): the relation
    /// would pass, and this is what [`Lean::push`] would keep of it. `false` when it is not
    /// decided so (the caller then pushes the relation).
    pub(crate) fn held_sum(
        &mut self,
        doc: &Document,
        rule: crate::relation::Rule,
        target: FigId,
        terms: &[crate::relation::Term],
    ) -> bool {
        use crate::relation::Term;
        crate::eval::exact_same_scale_sum(doc, target, terms.iter().copied()).is_some()
            && self.hold(
                rule,
                false,
                target,
                terms.iter().filter_map(|e| match e {
                    Term::Fig(id) => Some(*id),
                    Term::Blank => None,
                }),
            )
    }

    /// Adds what another lean sink kept, after what this one kept: its indices moved past
    /// this one's. The vectors grow once, by exactly what is added.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn append(&mut self, more: Lean) {
        if self.items.is_empty() {
            *self = more;
            return;
        }
        let by = self.counts();
        self.items.reserve_exact(more.items.len());
        self.items
            .extend(more.items.into_iter().map(|item| moved_item(item, by)));
        self.held.reserve_exact(more.held.len());
        self.held
            .extend(more.held.into_iter().map(|h| moved_held(h, by)));
        self.inputs.reserve_exact(more.inputs.len());
        self.inputs.extend(more.inputs);
        self.relations.reserve_exact(more.relations.len());
        self.relations.extend(more.relations);
        self.verdicts.reserve_exact(more.verdicts.len());
        self.verdicts.extend(more.verdicts);
    }

    /// Adds what another lean sink kept, before what this one kept: this one's indices
    /// moved past the other's. This one's arrays grow in place by exactly what is added.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn prepend(&mut self, front: Lean) {
        if front.items.is_empty() {
            return;
        }
        let by = front.counts();
        for item in &mut self.items {
            *item = moved_item(*item, by);
        }
        for h in &mut self.held {
            *h = moved_held(*h, by);
        }
        fn put_before<T>(v: &mut Vec<T>, front: Vec<T>) {
            v.reserve_exact(front.len());
            v.splice(0..0, front);
        }
        put_before(&mut self.items, front.items);
        put_before(&mut self.held, front.held);
        put_before(&mut self.inputs, front.inputs);
        put_before(&mut self.relations, front.relations);
        put_before(&mut self.verdicts, front.verdicts);
    }

    /// How many relations it keeps whole, how many held and how many inputs those have: how
    /// far another sink's indices move when its relations are put after these.
    #[cfg(not(target_arch = "wasm32"))]
    fn counts(&self) -> Counts {
        Counts {
            whole: item_index(self.relations.len()),
            held: item_index(self.held.len()),
            inputs: item_index(self.inputs.len()),
        }
    }

    /// How many relations it kept.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// Keeps a relation that holds as its rule, status, target and inputs; `false` when an
    /// index does not fit the compact form (nothing is kept then).
    fn hold(
        &mut self,
        rule: crate::relation::Rule,
        rounding: bool,
        target: FigId,
        inputs: impl Iterator<Item = FigId>,
    ) -> bool {
        let start = self.inputs.len();
        // grown by a quarter, not doubled (a filter's lower bound is 0: the upper is used)
        let (low, high) = inputs.size_hint();
        room_for(&mut self.inputs, high.unwrap_or(low));
        let mut whole = true;
        for id in inputs {
            match u32::try_from(id) {
                Ok(id) => self.inputs.push(id),
                Err(_) => {
                    whole = false;
                    break;
                }
            }
        }
        if let (true, Ok(target), Ok(s), Ok(e), Ok(k)) = (
            whole,
            u32::try_from(target),
            u32::try_from(start),
            u32::try_from(self.inputs.len()),
            u32::try_from(self.held.len()),
        ) {
            room_for(&mut self.held, 1);
            self.held.push(Held {
                rule,
                rounding,
                target,
                inputs: (s, e),
            });
            room_for(&mut self.items, 1);
            self.items.push(Item::Held(k));
            return true;
        }
        self.inputs.truncate(start);
        false
    }
}

/// An entry without its words: see [`Checked::brief`].
#[derive(Debug, Clone, Copy)]
pub struct Brief {
    /// The figure reported.
    pub target: FigId,
    /// Its UTF-16 offset in the checked text ([`FigRef::start`]).
    pub start: usize,
    /// As [`Entry::status`].
    pub status: Outcome,
    /// As [`Entry::severity`].
    pub severity: Severity,
    /// As [`Entry::within_rounding`].
    pub within_rounding: bool,
}

/// Every relation with its verdict; the strings of an entry are built only when it is
/// printed (a 100k-row table holds 100k relations, and the text report prints the failures).
/// Built by [`Checked::new`] every relation is kept whole; built by [`Checked::lean`] those
/// that hold are kept without their words, so no entry can be built for them ([`Checked::entry`]
/// gives `None`): enough for the text report of failures and the lean JSON.
pub struct Checked<'a> {
    doc: &'a Document,
    relations: Vec<Relation>,
    verdicts: Vec<Verdict>,
    held: Vec<Held>,
    inputs: Vec<u32>,
    /// The relations the report shows, in the order found.
    found: Vec<Item>,
    /// Each rule's rank among the ids, as the order compares rules.
    rank: [u64; 64],
    /// Relations in report order (by line, column and rule) and the 1-based char column
    /// of each entry's figure, worked out when first needed: the text report orders only
    /// what it prints ([`Checked::write_text`]).
    arranged: std::sync::OnceLock<(Vec<Item>, Vec<u32>)>,
    /// Every figure's UTF-16 start and end ([`utf16_spans`]), worked out when first
    /// needed: the text report of failures needs them for no relation that holds.
    units: std::sync::OnceLock<Units<'a>>,
    /// Notes on the standard table set.
    pub table_set: Vec<TableNote>,
    /// Counts.
    pub summary: Summary,
}

impl<'a> Checked<'a> {
    /// Evaluates every relation (no strings built).
    pub fn new(doc: &'a Document, relations: Vec<Relation>) -> Self {
        Self::new_with(doc, relations, crate::checks::table_set::find(doc))
    }

    /// [`Checked::new`] with the notes on the standard table set already found (from the
    /// claims: [`crate::checks::table_set::find_among`]).
    pub fn new_with(
        doc: &'a Document,
        relations: Vec<Relation>,
        table_set: Vec<crate::checks::table_set::TableNote>,
    ) -> Self {
        let verdicts = relations.iter().map(|rel| evaluate(doc, rel)).into_vec();
        let items = (0..relations.len())
            .map(|i| Item::Whole(item_index(i)))
            .into_vec();
        Self::lean_with(
            doc,
            Lean {
                relations,
                verdicts,
                items,
                ..Lean::default()
            },
            table_set,
        )
    }

    /// The report of relations a lean sink evaluated as they were found.
    pub fn lean(doc: &'a Document, lean: Lean) -> Self {
        Self::lean_with(doc, lean, crate::checks::table_set::find(doc))
    }

    /// [`Checked::lean`] with the notes on the standard table set already found.
    pub fn lean_with(
        doc: &'a Document,
        lean: Lean,
        table_set: Vec<crate::checks::table_set::TableNote>,
    ) -> Self {
        let Lean {
            mut relations,
            mut verdicts,
            held,
            inputs,
            items,
            scratch: _,
        } = lean;
        crate::eval::place_blame(doc, &mut relations, &mut verdicts);
        let mut summary = Summary {
            figures: doc.figure_count(),
            ..Summary::default()
        };
        let mut understood = vec![false; doc.tables.len()];
        let mut order = Vec::with_capacity(items.len());
        for item in items {
            let target = match item {
                Item::Whole(i) => {
                    let (Some(rel), Some(v)) =
                        (relations.get(i as usize), verdicts.get(i as usize))
                    else {
                        continue;
                    };
                    let shown =
                        !rel.only_if_holds || matches!(v.status, Status::Pass | Status::Rounding);
                    if shown && doc.has_figure(rel.target) {
                        match v.status {
                            Status::Pass => summary.passed += 1,
                            Status::Rounding => {
                                summary.passed += 1;
                                summary.within_rounding += 1;
                            }
                            Status::Fail
                                if rel.severity_for(v.cause.as_ref()) == Severity::Error =>
                            {
                                summary.errors += 1
                            }
                            Status::Fail => summary.warnings += 1,
                            Status::Unchecked => summary.unchecked += 1,
                        }
                        order.push(item);
                    }
                    rel.target
                }
                Item::Held(k) => {
                    let Some(h) = held.get(k as usize) else {
                        continue;
                    };
                    summary.passed += 1;
                    summary.within_rounding += usize::from(h.rounding);
                    order.push(item);
                    h.target as usize
                }
            };
            if let Some(Place::Cell { table, .. }) = doc.fig_place(target) {
                if let Some(u) = understood.get_mut(table) {
                    *u = true;
                }
            }
        }
        summary.checked = summary.passed + summary.errors + summary.warnings;
        summary.failing = summary.errors + summary.warnings;
        summary.relations = summary.checked + summary.unchecked;
        summary.tables = doc.tables.len();
        summary.tables_understood = understood.iter().filter(|u| **u).count();
        summary.coverage = coverage(&summary);
        // rules ranked by their id, as the order compares them
        let mut rank = [0u64; 64];
        for c in crate::checks::ALL {
            let below = crate::checks::ALL
                .iter()
                .filter(|o| o.rule.id() < c.rule.id())
                .count();
            if let Some(r) = rank.get_mut(c.rule as usize) {
                *r = below as u64;
            }
        }
        Checked {
            doc,
            relations,
            verdicts,
            held,
            inputs,
            found: order,
            rank,
            arranged: std::sync::OnceLock::new(),
            units: std::sync::OnceLock::new(),
            table_set,
            summary,
        }
    }

    /// `items` (relations shown, in the order found) in report order: by line, column and
    /// rule, ties in the order found; and each one's 1-based char column.
    fn arrange(&self, order: &[Item]) -> (Vec<Item>, Vec<u32>) {
        let (doc, rank) = (self.doc, &self.rank);
        let target_of = |item: &Item| match *item {
            Item::Whole(i) => self
                .relations
                .get(i as usize)
                .map_or((0, None), |r| (r.target, Some(r.rule))),
            Item::Held(k) => self
                .held
                .get(k as usize)
                .map_or((0, None), |h| (h.target as usize, Some(h.rule))),
        };
        // each entry's figure's column, from the targets taken in the order they are
        // printed in (one sort; the source read only from the last line break before each)
        let low = |v: u64| (v & 0xFFFF_FFFF) as usize;
        let mut keyed: Vec<u64> = order
            .iter()
            .enumerate()
            .map(|(k, item)| {
                let start = doc.fig_start(target_of(item).0).unwrap_or(0);
                u64::from(wide(start)) << 32 | k as u64
            })
            .into_vec();
        // the keys are distinct (each holds its position), so a stable sort orders them as
        // any other; it finds the runs the checks leave (each check's relations mostly in
        // the order of its rows) and merges them: ordering the 100k table's JSON report
        // took 63.6 M instructions with an unstable sort, 49.6 M with this one
        keyed.sort();
        let bytes = doc.source.as_bytes();
        let mut columns = vec![1u32; order.len()];
        let (mut pos, mut column) = (0usize, 1usize);
        for &v in &keyed {
            let start = ((v >> 32) as usize).min(bytes.len()).max(pos);
            let seg = bytes.get(pos..start).unwrap_or(&[]);
            column = match utf8::last_newline(seg) {
                Some(j) => 1 + chars_in(seg.get(j + 1..).unwrap_or(&[])),
                None => column + chars_in(seg),
            };
            pos = start;
            if let Some(c) = columns.get_mut(low(v)) {
                *c = wide(column);
            }
        }
        // then by line (a counting sort; a sort where lines are far more than entries), and
        // each line's few entries by (column, rule) — a column is below 2²⁶ (inputs ≤ 64 MB),
        // a rule rank below 2⁶ — and the position found, so that ties keep the order found
        let lines: Vec<u32> = order
            .iter()
            .map(|item| doc.fig_line(target_of(item).0).unwrap_or(0))
            .into_vec();
        let top = lines.iter().copied().max().unwrap_or(0) as usize;
        if top <= 4 * lines.len() + 1024 {
            let mut next = vec![0u32; top + 1];
            for &l in &lines {
                if let Some(c) = next.get_mut(l as usize) {
                    *c += 1;
                }
            }
            let mut sum = 0u32;
            for c in &mut next {
                (*c, sum) = (sum, sum + *c);
            }
            for (k, &l) in lines.iter().enumerate() {
                if let Some(at) = next.get_mut(l as usize) {
                    if let Some(v) = keyed.get_mut(*at as usize) {
                        *v = k as u64;
                    }
                    *at += 1;
                }
            }
        } else {
            for (v, (k, &l)) in keyed.iter_mut().zip(lines.iter().enumerate()) {
                *v = u64::from(l) << 32 | k as u64;
            }
            keyed.sort_unstable();
        }
        let line_at = |v: &u64| lines.get(low(*v)).copied().unwrap_or(0);
        for group in keyed.chunk_by_mut(|a, b| line_at(a) == line_at(b)) {
            for v in group.iter_mut() {
                let k = low(*v);
                let rule = order.get(k).and_then(|item| target_of(item).1);
                let column = u64::from(columns.get(k).map_or(1, |&c| c.min((1 << 26) - 1)));
                let rule = rule.and_then(|r| rank.get(r as usize)).map_or(0, |r| r + 1);
                *v = (column << 6 | rule) << 32 | k as u64;
            }
            if group.len() > 1 {
                group.sort_unstable();
            }
        }
        drop(lines);
        let order: Vec<Item> = keyed
            .iter()
            .filter_map(|&v| order.get(low(v)).copied())
            .into_vec();
        let columns: Vec<u32> = keyed
            .iter()
            .filter_map(|&v| columns.get(low(v)).copied())
            .into_vec();
        drop(keyed);
        (order, columns)
    }

    /// Every relation shown, in report order, with its columns.
    fn arranged(&self) -> &(Vec<Item>, Vec<u32>) {
        self.arranged.get_or_init(|| self.arrange(&self.found))
    }

    /// Puts every relation in report order now and lets go of the order found: what a
    /// report of every relation (the JSON) does first, so that the two are not held
    /// together while it is written (a 1M-row table has a million relations).
    /// Natively, a large report's figures have their UTF-16 offsets counted on a second
    /// thread meanwhile: both walk the source, and the writers need both before they start.
    pub fn arrange_all(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        let two_threads = self.found.len() >= PARALLEL_ENTRIES;
        #[cfg(target_arch = "wasm32")]
        let two_threads = false;
        if two_threads {
            std::thread::scope(|s| {
                // were no thread to start, the first writer counts them as before
                let _counting = std::thread::Builder::new().spawn_scoped(s, || {
                    self.units();
                });
                self.arranged();
            });
        } else {
            self.arranged();
        }
        self.found = Vec::new();
    }

    /// Every figure's UTF-16 start and end, worked out on first use.
    fn units(&self) -> &Units<'a> {
        self.units.get_or_init(|| Units::new(self.doc))
    }

    /// The column of the `k`-th entry's figure.
    fn column(&self, k: usize) -> u32 {
        self.arranged().1.get(k).copied().unwrap_or(1)
    }

    /// How many entries the report has.
    pub fn len(&self) -> usize {
        self.arranged
            .get()
            .map_or(self.found.len(), |(order, _)| order.len())
    }

    /// No entry at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `k`-th entry kept whole, with its verdict (`None` for one held compactly).
    fn at(&self, k: usize) -> Option<(&Relation, &Verdict)> {
        self.whole(*self.arranged().0.get(k)?)
    }

    /// The relation of an entry kept whole, with its verdict.
    fn whole(&self, item: Item) -> Option<(&Relation, &Verdict)> {
        match item {
            Item::Whole(i) => Some((
                self.relations.get(i as usize)?,
                self.verdicts.get(i as usize)?,
            )),
            Item::Held(_) => None,
        }
    }

    /// The `k`-th entry in report order, every string built.
    pub fn entry(&self, k: usize) -> Option<Entry> {
        let (rel, v) = self.at(k)?;
        entry(self.doc, self.units(), self.column(k), rel, v)
    }

    /// What the page marks before any words are built: the figure the `k`-th entry
    /// reports, where it starts (UTF-16) and its outcome. `None` exactly where
    /// [`Checked::entry`] gives `None`, so counting the `Some`s gives the report's indices.
    pub fn brief(&self, k: usize) -> Option<Brief> {
        let (rel, v) = self.at(k)?;
        self.doc.figure(rel.target)?;
        let (start, _) = self.units().get(rel.target)?;
        let (status, severity) = status_of(rel, v);
        Some(Brief {
            target: rel.target,
            start: start as usize,
            status,
            severity,
            within_rounding: v.status == Status::Rounding,
        })
    }

    /// The whole report, every string of every entry built (the page's shape).
    pub fn to_report(&self) -> Report {
        Report {
            checks: (0..self.len()).filter_map(|k| self.entry(k)).into_vec(),
            table_set: self.table_set.clone(),
            summary: self.summary.clone(),
        }
    }

    /// The text report, written as [`Report::to_text`] writes it; only the entries it prints
    /// are built.
    pub fn write_text<W: std::io::Write>(
        &self,
        out: &mut W,
        name: &str,
        lang: Lang,
        verbose: bool,
    ) -> std::io::Result<()> {
        let mut s = String::new();
        // a relation held compactly holds: printed only with `verbose`, which a lean
        // report does not serve; the others are put in order by themselves (their order
        // among the rest is the same)
        let local;
        let (order, columns): (&[Item], &[u32]) = match self.arranged.get() {
            Some((order, columns)) => (order, columns),
            None => {
                let whole: Vec<Item> = self
                    .found
                    .iter()
                    .copied()
                    .filter(|i| matches!(i, Item::Whole(_)))
                    .into_vec();
                local = self.arrange(&whole);
                (&local.0, &local.1)
            }
        };
        for (&item, &column) in order.iter().zip(columns) {
            let Some((rel, v)) = self.whole(item) else {
                continue;
            };
            if v.status != Status::Fail && !verbose {
                continue;
            }
            if let Some(e) = entry(self.doc, self.units(), column, rel, v) {
                s.clear();
                text_entry(&mut s, name, &e, lang, verbose);
                out.write_all(s.as_bytes())?;
            }
        }
        s.clear();
        for n in &self.table_set {
            text_table_note(&mut s, name, n, lang, verbose);
        }
        text_summary(&mut s, name, &self.summary, lang);
        out.write_all(s.as_bytes())
    }

    /// The JSON report, streamed entry by entry (see `schema/report.schema.json`). A
    /// passing entry carries its place and figures only; failures and relations not checked
    /// carry the arithmetic and messages too, and so does every entry when `full`. With
    /// `file`, the object names it and is written on one line (JSON Lines); otherwise each
    /// entry takes a line of its own.
    pub fn write_json<W: std::io::Write>(
        &self,
        out: &mut W,
        file: Option<&str>,
        full: bool,
    ) -> std::io::Result<()> {
        let nl: &[u8] = if file.is_some() { b"" } else { b"\n" };
        out.write_all(b"{")?;
        if let Some(f) = file {
            out.write_all(b"\"file\":")?;
            serde_json::to_writer(&mut *out, f)?;
            out.write_all(b",")?;
        }
        out.write_all(b"\"checks\":[")?;
        #[cfg(not(target_arch = "wasm32"))]
        let two_threads = self.len() >= PARALLEL_ENTRIES;
        #[cfg(target_arch = "wasm32")]
        let two_threads = false;
        self.write_entries(out, nl, full, two_threads)?;
        out.write_all(nl)?;
        out.write_all(b"]")?;
        if !self.table_set.is_empty() {
            out.write_all(b",\"table_set\":")?;
            serde_json::to_writer(&mut *out, &self.table_set)?;
        }
        out.write_all(b",\"summary\":")?;
        serde_json::to_writer(&mut *out, &self.summary)?;
        out.write_all(b"}\n")
    }

    /// The entries, each after a comma, of every relation shown, in batches put out in
    /// order (the first comma put out left out); with `two_threads`, the batches are written
    /// two at a time, the second on another thread (natively, a large report's).
    pub(crate) fn write_entries<W: std::io::Write>(
        &self,
        out: &mut W,
        nl: &[u8],
        full: bool,
        two_threads: bool,
    ) -> std::io::Result<()> {
        let n = self.len();
        let mut first = true;
        let mut put = |out: &mut W, bytes: &[u8]| {
            let bytes = if first {
                bytes.strip_prefix(b",").unwrap_or(bytes)
            } else {
                bytes
            };
            first &= bytes.is_empty();
            out.write_all(bytes)
        };
        // a batch [k, mid) written here and, on two threads, the next [mid, end) there
        let step = if two_threads { 2 * BATCH } else { BATCH };
        let (mut mine, mut theirs) = (Vec::new(), Vec::new());
        for k in (0..n).step_by(step) {
            let (mid, end) = ((k + BATCH).min(n), (k + step).min(n));
            mine.clear();
            theirs.clear();
            // the other thread's buffer is moved to it and back: its length, stored at every
            // piece written, must not share a cache line with this one's (two vectors side
            // by side on this stack did, at random, and every piece then waited for the line
            // to come back from the other core: the writing took twice as long as on one
            // thread)
            let mut lent = std::mem::take(&mut theirs);
            let written_there = std::thread::scope(|s| {
                let there = (mid < end)
                    .then(|| {
                        std::thread::Builder::new().spawn_scoped(s, move || {
                            let r = self.entries_json(&mut lent, mid..end, nl, full);
                            (r, lent)
                        })
                    })
                    .and_then(Result::ok);
                self.entries_json(&mut mine, k..mid, nl, full)?;
                match there.map(|t| t.join()) {
                    Some(Ok((r, back))) => {
                        theirs = back;
                        r.map(|()| true)
                    }
                    Some(Err(_)) => Err(std::io::Error::other("the JSON report's writer failed")),
                    None => Ok(false),
                }
            })?;
            // no second thread could be started: this one writes that batch too
            if !written_there && mid < end {
                self.entries_json(&mut theirs, mid..end, nl, full)?;
            }
            put(out, &mine)?;
            put(out, &theirs)?;
        }
        Ok(())
    }

    /// The entries of relations `range` (in report order), each after a comma, into `buf`.
    fn entries_json(
        &self,
        buf: &mut Vec<u8>,
        range: std::ops::Range<usize>,
        nl: &[u8],
        full: bool,
    ) -> std::io::Result<()> {
        let units = self.units();
        let (order, columns) = self.arranged();
        let mut heads = json::Heads::new(nl);
        let mut ids = Vec::new();
        for k in range {
            let Some(&item) = order.get(k) else {
                continue;
            };
            let column = columns.get(k).copied().unwrap_or(1);
            ids.clear();
            let (rule, target_id, status, severity, rounding, e) = match item {
                Item::Whole(_) => {
                    let Some((rel, v)) = self.whole(item) else {
                        continue;
                    };
                    let derived = full || !matches!(v.status, Status::Pass | Status::Rounding);
                    let e = if derived {
                        entry(self.doc, units, column, rel, v)
                    } else {
                        None
                    };
                    rel.expr.figures(&mut ids);
                    let (status, severity) = status_of(rel, v);
                    (
                        rel.rule,
                        rel.target,
                        status,
                        severity,
                        v.status == Status::Rounding,
                        e,
                    )
                }
                Item::Held(h) => {
                    let Some(h) = self.held.get(h as usize) else {
                        continue;
                    };
                    let (s, e) = (h.inputs.0 as usize, h.inputs.1 as usize);
                    ids.extend(
                        self.inputs
                            .get(s..e)
                            .unwrap_or(&[])
                            .iter()
                            .map(|&i| i as usize),
                    );
                    (
                        h.rule,
                        h.target as usize,
                        Outcome::Pass,
                        Severity::Info,
                        h.rounding,
                        None,
                    )
                }
            };
            // the entry's figure: nearly always a short plain text, read once for its line,
            // as the figure reported and as the entry's first reference
            let short = self.short_text(target_id);
            let (raw, line) = match short {
                Some((_, line)) => ("", line),
                None => match self.doc.fig_raw_line(target_id) {
                    Some(raw_line) => raw_line,
                    None => continue,
                },
            };
            // the fields in the order of `schema/report.schema.json`'s examples, as serde
            // wrote them: a field left out is not derived here (a passing relation without
            // `--full`); one derived but empty is `null`
            buf.extend_from_slice(heads.get(rule, status, severity));
            let figure = match (short, units.start(target_id)) {
                (Some((_, line)), Some(start)) => Some((line, start)),
                _ => None,
            };
            json::push_entry_figure(
                buf,
                json::EntryFigure {
                    line,
                    column,
                    page: self.doc.fig_page(target_id),
                    reported: short.map(|(text, _)| text),
                    raw,
                    rounding,
                    figure,
                },
                |buf| self.json_compact(buf, units, target_id),
            );
            let mut sep = false;
            for &id in &ids {
                if !self.doc.has_figure(id) {
                    continue;
                }
                if sep {
                    buf.push(b',');
                }
                sep = true;
                self.json_compact(buf, units, id);
            }
            buf.push(b']');
            if let Some(e) = &e {
                json_field(buf, "expected", &e.expected)?;
                json_field(buf, "formula", &e.formula)?;
                json_field(buf, "tolerance", &e.tolerance)?;
                json_field(buf, "cause", &e.cause)?;
                json_field(buf, "message", &e.message)?;
                json_field(buf, "relation", &e.relation)?;
                json_field(buf, "context", &e.context)?;
            }
            buf.push(b'}');
        }
        Ok(())
    }

    /// The figure's text as [`json::short_text`] takes it, and its line.
    #[inline]
    fn short_text(&self, id: FigId) -> Option<(([u8; 16], usize), u32)> {
        let (start, len, line) = self.doc.fig_spanned(id)?;
        Some((
            json::short_text(self.doc.source.as_bytes(), start, len)?,
            line,
        ))
    }

    /// A figure as `["raw",line,start,end]` (offsets in UTF-16 units), or `null` where
    /// there is no such figure.
    fn json_compact(&self, buf: &mut Vec<u8>, units: &Units<'_>, id: FigId) {
        // nearly every figure: its text a short span of the source that needs no escaping
        if let Some((text, line)) = self.short_text(id) {
            if let Some(start) = units.start(id) {
                json::push_ref(buf, text, line, start);
                return;
            }
        }
        let (Some((raw, line)), Some((start, end))) = (self.doc.fig_raw_line(id), units.get(id))
        else {
            buf.extend_from_slice(b"null");
            return;
        };
        buf.push(b'[');
        json_str(buf, raw);
        buf.push(b',');
        json::push_uint(buf, line);
        buf.push(b',');
        json::push_uint(buf, start);
        buf.push(b',');
        json::push_uint(buf, end);
        buf.push(b']');
    }
}

/// How many entries a batch of the JSON report holds: written into memory before it is put
/// out, two at a time on a large report (≈ 1.4 MB each, so that a 1M-row table's report is
/// not held in memory).
const BATCH: usize = 4096;

/// How many entries a JSON report holds before its batches are written two at a time.
#[cfg(not(target_arch = "wasm32"))]
const PARALLEL_ENTRIES: usize = 2 * BATCH;

/// A JSON string as serde_json writes it: as is when nothing in it needs escaping (a
/// figure's digits, a rule's id), else through serde_json.
fn json_str(buf: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else if serde_json::to_writer(&mut *buf, s).is_err() {
        // writing into a vector does not fail; were it to, the string stays valid JSON
        buf.extend_from_slice(b"\"\"");
    }
}

/// `,"name":value`, the value as serde_json writes it.
fn json_field(buf: &mut Vec<u8>, name: &str, value: &impl Serialize) -> serde_json::Result<()> {
    buf.extend_from_slice(b",\"");
    buf.extend_from_slice(name.as_bytes());
    buf.extend_from_slice(b"\":");
    serde_json::to_writer(buf, value)
}

fn status_of(rel: &Relation, v: &Verdict) -> (Outcome, Severity) {
    match v.status {
        Status::Pass | Status::Rounding => (Outcome::Pass, Severity::Info),
        Status::Fail => (Outcome::Fail, rel.severity_for(v.cause.as_ref())),
        Status::Unchecked => (Outcome::Unchecked, Severity::Info),
    }
}

/// Evaluates every relation and builds the report.
pub fn build(doc: &Document, relations: &[Relation]) -> Report {
    Checked::new(doc, relations.to_vec()).to_report()
}

/// Says so when the counts could be taken for "no error found" while little or nothing
/// was checked.
fn coverage(s: &Summary) -> Option<Text> {
    if s.figures > 0 && s.relations == 0 {
        return Some(Text::new(
            format!("读取 {} 个数字，未识别出可核对的关系——表格格式可能未被识别", s.figures),
            format!(
                "{} figures read, but no relation to check was recognised — the table layout may not have been recognised",
                s.figures
            ),
        ));
    }
    if s.tables > s.tables_understood {
        let n = s.tables - s.tables_understood;
        return Some(Text::new(
            format!("读取 {} 张表格，其中 {n} 张未识别出可核对的关系，其数字未经核对", s.tables),
            format!(
                "{} tables read, {n} of them with no relation recognised: their figures were not checked",
                s.tables
            ),
        ));
    }
    if s.checked == 0 && s.unchecked > 0 {
        return Some(Text::new(
            format!("找到 {} 项关系，但都未能核对", s.unchecked),
            format!("{} relations found, but none could be checked", s.unchecked),
        ));
    }
    None
}

fn entry(
    doc: &Document,
    units: &Units<'_>,
    column: u32,
    rel: &Relation,
    v: &Verdict,
) -> Option<Entry> {
    let target = doc.figure(rel.target)?;
    let figure = fig_ref(doc, units, rel.target)?;
    let mut ids = Vec::new();
    rel.expr.figures(&mut ids);
    let inputs = ids
        .iter()
        .filter_map(|&id| fig_ref(doc, units, id))
        .into_vec();
    let mut scale = target.number.scale;
    // a figure printed 0 that is exact and wrong ("合计 0" over 0.20 and 0.30, "公务用车费 0"
    // over 32.65): what it should be, shown at its own decimals, not rounded to the 0's
    if v.status == Status::Fail
        && target.number.value.is_zero()
        && v.point
            .is_some_and(|p| !p.is_zero() && (scale == 0 || p.round_dp(scale).is_zero()))
    {
        scale = v.point.map_or(scale, |p| p.scale().min(4));
    }
    let pct = if target.number.percent { "%" } else { "" };
    // a figure compared with another printing: it should read as that one is printed
    let reference = match &rel.expr {
        Expr::Fig(id) | Expr::Exact(id) => doc.figure(*id).map(|f| f.raw.to_string()),
        _ => None,
    };
    let expected = v.point.map(|p| {
        let s = reference.clone().unwrap_or_else(|| {
            grouped_like(target.raw, format!("{}{pct}", format_scaled(p, scale)))
        });
        match rel.cmp {
            Cmp::Eq => s,
            Cmp::AtMost => format!("≤ {s}"),
            Cmp::AtLeast => format!("≥ {s}"),
        }
    });
    let formula = formula(doc, &rel.expr, v, pct, &target);
    let tolerance = v.range.map(|r| {
        format!(
            "[{}, {}]{pct}",
            bound(r.lo, scale + 3, false),
            bound(r.hi, scale + 3, true)
        )
    });
    let cause = v.cause.as_ref().map(|c| {
        let t = c.text(doc);
        CauseOut {
            id: c.id(),
            zh: t.zh,
            en: t.en,
        }
    });
    let (status, severity) = status_of(rel, v);
    let reported = target.raw.to_string();
    let message = message(
        rel,
        v,
        &reported,
        expected.as_deref(),
        formula.as_deref(),
        cause.as_ref(),
    );
    let context = rel.context.clone().or_else(|| match target.place {
        Place::Text { paragraph } => doc.paragraphs.get(paragraph).map(|p| p.text.clone()),
        Place::Cell { table, row, .. } => doc
            .tables
            .get(table)
            .and_then(|t| t.rows().get(row))
            .map(|r| r.cells.iter().map(|c| c.text).into_vec().join(" | ")),
    });
    Some(Entry {
        rule: rel.rule,
        status,
        severity,
        line: target.line,
        column,
        reported,
        expected,
        message,
        formula,
        within_rounding: v.status == Status::Rounding,
        tolerance,
        cause,
        relation: rel.what.clone(),
        context,
        figure,
        inputs,
        operands: operands(doc, rel, v),
    })
}

/// `s` (a number as the core writes it) with thousands separators where the model (a
/// figure as the document prints it) has them: "1150.50" like "1,160.50" is "1,150.50".
fn grouped_like(model: &str, s: String) -> String {
    if !model.contains(',') {
        return s;
    }
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.as_str()),
    };
    let int_len = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (int, tail) = rest.split_at(int_len);
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(tail);
    out
}

/// An operand of a named formula: a figure as printed, or a value recomputed from printed
/// figures, shown at their printed precision (with their thousands separators).
fn operand(doc: &Document, e: &Expr) -> Option<String> {
    let mut ids = Vec::new();
    e.figures(&mut ids);
    match e {
        Expr::Fig(id) | Expr::Exact(id) => doc.figure(*id).map(|f| f.raw.to_string()),
        // a unit conversion (元 ↔ 万元) of one figure: the figure as printed
        Expr::Mul(a, b) if matches!(**b, Expr::Const(_)) && ids.len() == 1 => operand(doc, a),
        Expr::Div(a, b) if matches!(**b, Expr::Const(_)) && ids.len() == 1 => operand(doc, a),
        _ => {
            let value = crate::eval::point(doc, e).ok()?;
            let figs: Vec<_> = ids.iter().filter_map(|&id| doc.figure(id)).into_vec();
            let scale = figs.iter().map(|f| f.number.scale).max()?;
            let model = figs
                .iter()
                .find(|f| f.raw.contains(','))
                .map_or("", |f| f.raw);
            Some(grouped_like(model, format_scaled(value, scale)))
        }
    }
}

/// The arithmetic with each operand named by its role, as the answer leads with it:
/// "减少额 2576.77 ÷ 上年数 16786.51" / "decrease 2576.77 ÷ last year 16786.51". None
/// where the relation has no roles to name (the plain formula serves).
fn operands(doc: &Document, rel: &Relation, v: &Verdict) -> Option<Text> {
    if v.status == Status::Unchecked {
        return None;
    }
    use crate::relation::Rule;
    // a sign put on by the words' direction ("增加 … 下降") is not an operand
    let expr = match &rel.expr {
        Expr::Mul(a, b) if matches!(**a, Expr::Const(c) if c == -rust_decimal::Decimal::ONE) => b,
        e => e,
    };
    let named = |zh: &str, en: &str, e: &Expr| -> Option<(String, String)> {
        let x = operand(doc, e)?;
        Some((format!("{zh} {x}"), format!("{en} {x}")))
    };
    let div = |(az, ae): (String, String), (bz, be): (String, String)| {
        Some(Text::new(format!("{az} ÷ {bz}"), format!("{ae} ÷ {be}")))
    };
    match (rel.rule, expr) {
        // a figure against another printing of it: where that one is printed
        (_, Expr::Fig(id) | Expr::Exact(id)) => {
            let raw = &doc.figure(*id)?.raw;
            let at = doc.where_is(*id);
            Some(Text::new(
                format!("{}印为 {raw}", at.zh),
                format!("{} prints {raw}", capitalised(&at.en)),
            ))
        }
        (Rule::YoyChange, Expr::Pct(change, base)) => {
            let (zh, en) = match &**base {
                Expr::Sub(..) => ("增加额", "increase"),
                Expr::Sum(..) => ("减少额", "decrease"),
                _ => ("增减额", "change"),
            };
            div(named(zh, en, change)?, named("上年数", "last year", base)?)
        }
        (Rule::Share, Expr::Pct(part, whole)) => {
            div(named("本项", "part", part)?, named("合计", "total", whole)?)
        }
        (Rule::ExecRate, Expr::Pct(spent, budget) | Expr::Div(spent, budget)) => div(
            named("执行数", "spent", spent)?,
            named("预算数", "budget", budget)?,
        ),
        (Rule::BudgetVariance, Expr::Pct(diff, budget)) => match &**diff {
            Expr::Sub(fin, bud) => {
                let (fz, fe) = named("决算数", "final", fin)?;
                let (bz, be) = named("预算数", "budget", bud)?;
                let (dz, de) = named("预算数", "budget", budget)?;
                Some(Text::new(
                    format!("（{fz} − {bz}）÷ {dz}"),
                    format!("({fe} − {be}) ÷ {de}"),
                ))
            }
            // a completion rate: the final (or the final figure a gap leaves) over the budget
            _ => div(
                named("决算数", "final", diff)?,
                named("预算数", "budget", budget)?,
            ),
        },
        (Rule::BudgetVariance, Expr::Sub(a, b)) => {
            // the two named as the relation names them ("调增额 = 调整后 − 调整前"; "…差额 =
            // 预算数 − 决算数"): a difference could be taken either way round, so one that does
            // not say is not named (the formula ends the text: a label before it may hold
            // anything)
            fn names(t: &str) -> Option<(&str, &str)> {
                t.rsplit_once(" = ")?.1.split_once(" − ")
            }
            let ((a_zh, b_zh), (a_en, b_en)) = names(&rel.what.zh).zip(names(&rel.what.en))?;
            let (az, ae) = named(a_zh, a_en, a)?;
            let (bz, be) = named(b_zh, b_en, b)?;
            Some(Text::new(format!("{az} − {bz}"), format!("{ae} − {be}")))
        }
        (rule, Expr::Sum(_)) => {
            let (zh, en) = match rule {
                Rule::TotalRow => ("各行之和", "sum of the rows"),
                Rule::ColumnSum => ("各列之和", "sum of the columns"),
                Rule::CodeRollup => ("下级科目之和", "sum of the sub-items"),
                Rule::ScoreTotal => ("各项得分之和", "sum of the scores"),
                Rule::PartsSum | Rule::FundBreakdown | Rule::Subset => {
                    ("各分项之和", "sum of the parts")
                }
                _ => return None,
            };
            let mut s = String::new();
            write_expr(doc, expr, &mut s, 0);
            Some(Text::new(format!("{zh} {s}"), format!("{en} {s}")))
        }
        _ => None,
    }
}

/// "table …" → "Table …" (ASCII only: Unicode case tables would weigh on the wasm).
pub(crate) fn capitalised(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

fn message(
    rel: &Relation,
    v: &Verdict,
    reported: &str,
    expected: Option<&str>,
    formula: Option<&str>,
    cause: Option<&CauseOut>,
) -> Text {
    let w = &rel.what;
    let exp = expected.unwrap_or("?");
    let f = formula.unwrap_or("");
    let mut t = match v.status {
        Status::Pass => Text::new(
            format!("{}：{reported} 成立（{f}）", w.zh),
            format!("{}: {reported} holds ({f})", w.en),
        ),
        Status::Rounding => Text::new(
            format!("{}：{reported} 在四舍五入范围内成立（{f}）", w.zh),
            format!("{}: {reported} holds within rounding ({f})", w.en),
        ),
        Status::Fail => Text::new(
            format!("{}：应为 {exp}，印为 {reported}（{f}）", w.zh),
            format!("{}: expected {exp}, found {reported} ({f})", w.en),
        ),
        Status::Unchecked => {
            let unsure = || rel.unsure.as_deref().filter(|_| v.error.is_none()).cloned();
            let why = rel.unchecked.clone().or_else(unsure).unwrap_or_else(|| match v.error {
                Some(EvalError::ZeroDivisor { .. }) => {
                    Text::new("除数可能为零", "the divisor may be zero")
                }
                Some(EvalError::Overflow) => Text::new(
                    "数值过大，无法精确计算",
                    "figures too large for exact arithmetic",
                ),
                Some(EvalError::Blank) => Text::new("所需数值为空", "a figure it needs is blank"),
                Some(EvalError::Ambiguous { held, of }) => {
                    let zh: Vec<&str> = rel.readings.iter().map(|r| r.what.zh.as_str()).into_vec();
                    let en: Vec<&str> = rel.readings.iter().map(|r| r.what.en.as_str()).into_vec();
                    Text::new(
                        format!(
                            "数字对应关系有 {of} 种可能的读法，其中 {held} 种成立、其余不成立，无法判定（另一读法：{}）",
                            zh.join("；")
                        ),
                        format!(
                            "the claim has {of} plausible readings and they disagree ({held} hold); not decided (other reading: {})",
                            en.join("; ")
                        ),
                    )
                }
                Some(EvalError::NoSuchFigure) | None => Text::new("无法判定", "cannot be decided"),
            });
            Text::new(
                format!("{}：{reported} 未核对，{}", w.zh, why.zh),
                format!("{}: {reported} not checked, {}", w.en, why.en),
            )
        }
    };
    if let Some(c) = cause {
        t.zh.push_str(&format!("；可能原因：{}", c.zh));
        t.en.push_str(&format!("; likely cause: {}", c.en));
    }
    t
}

/// "304.6 ÷ 800 = 38.08%": the expression with the printed figures, and its value.
/// `target`: the figure the arithmetic explains (another figure's place names its page
/// when it is printed elsewhere; a sum is written with thousands separators where it
/// has them).
fn formula(
    doc: &Document,
    e: &Expr,
    v: &Verdict,
    pct: &str,
    target: &Figure<'_>,
) -> Option<String> {
    let from_page = target.page;
    if v.status == Status::Unchecked && v.error.is_none() {
        return None;
    }
    // a figure compared with another: where the other is printed is the arithmetic
    if let Expr::Fig(id) | Expr::Exact(id) = e {
        let f = doc.figure(*id)?;
        // where it is printed, as a reader finds it (never an internal line number)
        return Some(format!("{}（{}）", f.raw, doc.where_short(*id, from_page)));
    }
    let mut s = String::new();
    write_expr(doc, e, &mut s, 0);
    match v.point {
        Some(p) => {
            let shown = if has_quotient(e) {
                trim_decimal(p)
            } else {
                // a sum or difference is exact at its figures' decimals: 25.10, not 25.1
                grouped_like(target.raw, p.to_string())
            };
            let unit = if matches!(e, Expr::Pct(..)) { "%" } else { pct };
            Some(format!("{s} = {shown}{unit}"))
        }
        None => Some(s),
    }
}

/// A bound of the tolerance, rounded outward so the shown range holds the true one.
fn bound(d: rust_decimal::Decimal, scale: u32, up: bool) -> String {
    let strategy = if up {
        rust_decimal::RoundingStrategy::ToPositiveInfinity
    } else {
        rust_decimal::RoundingStrategy::ToNegativeInfinity
    };
    format_scaled(d.round_dp_with_strategy(scale, strategy), scale)
}

/// Whether the expression divides: its value has as many decimals as the division gives.
fn has_quotient(e: &Expr) -> bool {
    match e {
        Expr::Div(..) | Expr::Pct(..) | Expr::Root(..) => true,
        Expr::Fig(_) | Expr::Exact(_) | Expr::Blank | Expr::Const(_) => false,
        Expr::Sum(v) => v.iter().any(has_quotient),
        Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Min(a, b) => has_quotient(a) || has_quotient(b),
        Expr::Abs(a) => has_quotient(a),
    }
}

/// Shows a computed value with up to 4 decimals, trailing zeros dropped.
fn trim_decimal(d: rust_decimal::Decimal) -> String {
    let r = d.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.normalize().to_string()
}

const MAX_TERMS_SHOWN: usize = 16;

fn write_expr(doc: &Document, e: &Expr, out: &mut String, depth: u8) {
    let fig = |id: &FigId| {
        doc.figure(*id)
            .map_or("?".to_string(), |f| f.raw.to_string())
    };
    match e {
        Expr::Fig(id) | Expr::Exact(id) => out.push_str(&fig(id)),
        Expr::Blank => out.push('0'),
        Expr::Const(d) => out.push_str(&d.normalize().to_string()),
        Expr::Sum(all) => {
            // blanks add nothing and would only clutter the arithmetic
            let v: Vec<&Expr> = all.iter().filter(|t| **t != Expr::Blank).into_vec();
            if depth > 0 && v.len() > 1 {
                out.push('(');
            }
            let n = v.len();
            for (i, t) in v.iter().enumerate() {
                if n > MAX_TERMS_SHOWN && i >= MAX_TERMS_SHOWN - 3 && i < n - 3 {
                    if i == MAX_TERMS_SHOWN - 3 {
                        out.push_str(&format!(" + …（{} 项）", n - MAX_TERMS_SHOWN + 3));
                    }
                    continue;
                }
                if i > 0 {
                    out.push_str(" + ");
                }
                write_expr(doc, t, out, depth + 1);
            }
            if v.is_empty() {
                out.push('0');
            }
            if depth > 0 && v.len() > 1 {
                out.push(')');
            }
        }
        Expr::Sub(a, b) => binary(doc, a, " − ", b, out, depth),
        Expr::Mul(a, b) => binary(doc, a, " × ", b, out, depth),
        // a share of the year gone, months of twelve ("47.5% − 5/12"), written as a fraction
        Expr::Pct(a, b)
            if depth > 0 && matches!((&**a, &**b), (Expr::Const(_), Expr::Const(_))) =>
        {
            write_expr(doc, a, out, depth + 1);
            out.push('/');
            write_expr(doc, b, out, depth + 1);
        }
        Expr::Div(a, b) | Expr::Pct(a, b) => binary(doc, a, " ÷ ", b, out, depth),
        Expr::Min(a, b) => {
            out.push_str("min(");
            write_expr(doc, a, out, 0);
            out.push_str(", ");
            write_expr(doc, b, out, 0);
            out.push(')');
        }
        Expr::Abs(a) => {
            out.push('|');
            write_expr(doc, a, out, 0);
            out.push('|');
        }
        Expr::Root(a, n) => {
            write_expr(doc, a, out, depth + 1);
            out.push_str(&format!("^(1/{n})"));
        }
    }
}

fn binary(doc: &Document, a: &Expr, op: &str, b: &Expr, out: &mut String, depth: u8) {
    if depth > 0 {
        out.push('(');
    }
    write_expr(doc, a, out, depth + 1);
    out.push_str(op);
    write_expr(doc, b, out, depth + 1);
    if depth > 0 {
        out.push(')');
    }
}

/// Language of the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Chinese.
    Zh,
    /// English.
    En,
}

impl Report {
    /// The report for people: each failure with its place, arithmetic, expected figure and
    /// cause; then what could not be checked (when `verbose`, also what holds); then a
    /// one-line summary.
    pub fn to_text(&self, name: &str, lang: Lang, verbose: bool) -> String {
        let mut out = String::new();
        for e in &self.checks {
            text_entry(&mut out, name, e, lang, verbose);
        }
        for n in &self.table_set {
            text_table_note(&mut out, name, n, lang, verbose);
        }
        text_summary(&mut out, name, &self.summary, lang);
        out
    }
}

/// One entry of the text report (nothing for a passing one unless `verbose`).
fn text_entry(out: &mut String, name: &str, e: &Entry, lang: Lang, verbose: bool) {
    let zh = lang == Lang::Zh;
    let pick = |t: &Text| if zh { t.zh.clone() } else { t.en.clone() };
    let show = e.status == Outcome::Fail || verbose;
    if !show {
        return;
    }
    let tag = match (e.status, e.severity) {
        (Outcome::Fail, Severity::Error) => {
            if zh {
                "错误"
            } else {
                "error"
            }
        }
        (Outcome::Fail, _) => {
            if zh {
                "警告"
            } else {
                "warning"
            }
        }
        (Outcome::Pass, _) if e.within_rounding => {
            if zh {
                "舍入成立"
            } else {
                "holds (rounding)"
            }
        }
        (Outcome::Pass, _) => {
            if zh {
                "成立"
            } else {
                "holds"
            }
        }
        _ => {
            if zh {
                "未核对"
            } else {
                "not checked"
            }
        }
    };
    // a PDF's figures name their page: its lines are the reconstructed text's
    let page = match e.figure.page {
        Some(p) if zh => format!("第 {p} 页 "),
        Some(p) => format!("p. {p} "),
        None => String::new(),
    };
    out.push_str(&format!(
        "{name}:{}:{}: {page}{tag} [{}] {}\n",
        e.line,
        e.column,
        e.rule,
        pick(&e.message)
    ));
    if e.status == Outcome::Fail {
        if let Some(c) = &e.context {
            let c = crate::figure::first_chars(c, 160);
            out.push_str(&format!(
                "    {} {c}\n",
                if zh { "原文：" } else { "text:" }
            ));
        }
        if let Some(f) = &e.formula {
            out.push_str(&format!(
                "    {} {f}\n",
                if zh { "计算：" } else { "arithmetic:" }
            ));
        }
        if let Some(x) = &e.expected {
            out.push_str(&format!(
                "    {} {x}{}\n",
                if zh { "应为：" } else { "expected:" },
                e.tolerance
                    .as_ref()
                    .map(|t| if zh {
                        format!("（输入数字的舍入范围可得 {t}）")
                    } else {
                        format!(" (the unrounded inputs allow {t})")
                    })
                    .unwrap_or_default()
            ));
        }
        if let Some(c) = &e.cause {
            out.push_str(&format!(
                "    {} {}\n",
                if zh {
                    "可能原因："
                } else {
                    "likely cause:"
                },
                if zh { &c.zh } else { &c.en }
            ));
        }
    }
}

/// A note on the standard table set: a warning always, an info one when `verbose`.
fn text_table_note(out: &mut String, name: &str, n: &TableNote, lang: Lang, verbose: bool) {
    if n.severity == Severity::Info && !verbose {
        return;
    }
    let zh = lang == Lang::Zh;
    let tag = match (n.severity, zh) {
        (Severity::Info, true) => "说明",
        (Severity::Info, false) => "note",
        (_, true) => "警告",
        (_, false) => "warning",
    };
    let line = n.line.map(|l| format!(":{l}")).unwrap_or_default();
    let page = match n.page {
        Some(p) if zh => format!("第 {p} 页 "),
        Some(p) => format!("p. {p} "),
        None => String::new(),
    };
    out.push_str(&format!(
        "{name}{line}: {page}{tag} [table-set] {}\n",
        if zh { &n.message.zh } else { &n.message.en }
    ));
}

/// The closing one-line summary of the text report.
fn text_summary(out: &mut String, name: &str, s: &Summary, lang: Lang) {
    let zh = lang == Lang::Zh;
    if zh {
        out.push_str(&format!(
            "{name}：核对 {} 项关系，成立 {}（其中四舍五入成立 {}），错误 {}，警告 {}，未能核对 {}；共读取数字 {} 个，表格 {} 张（识别出关系的 {} 张）\n",
            s.checked, s.passed, s.within_rounding, s.errors, s.warnings, s.unchecked, s.figures, s.tables, s.tables_understood
        ));
    } else {
        out.push_str(&format!(
            "{name}: {} relations checked, {} hold ({} within rounding), {} errors, {} warnings, {} not checked; {} figures read, {} tables ({} with relations found)\n",
            s.checked, s.passed, s.within_rounding, s.errors, s.warnings, s.unchecked, s.figures, s.tables, s.tables_understood
        ));
    }
    if let Some(c) = &s.coverage {
        out.push_str(&format!("{name}: {}\n", if zh { &c.zh } else { &c.en }));
    }
}

#[cfg(test)]
mod tests {
    use super::BATCH;
    use super::{utf16_spans, Units};

    /// Written two batches at a time on two threads, the JSON entries are those written one
    /// batch after another, in the same order, the first without its comma; the whole report
    /// is JSON with an entry for every relation.
    #[test]
    fn entries_written_on_two_threads_are_those_written_on_one() {
        let mut text =
            String::from("表1 支出决算表\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n");
        for k in 0..9000u32 {
            let total = if k % 1000 == 7 { "3.50" } else { "3.00" };
            text.push_str(&format!(
                "{}\t项目{k}\t{total}\t2.00\t1.00\n",
                2_010_101 + k
            ));
        }
        let doc = crate::read::read_str(&text).expect("the text is read");
        for full in [false, true] {
            let mut checked = crate::check_lean(&doc);
            checked.arrange_all();
            assert!(checked.len() > 2 * BATCH, "{}", checked.len());
            let written = |two: bool| {
                let mut out = Vec::new();
                checked
                    .write_entries(&mut out, b"\n", full, two)
                    .expect("written");
                String::from_utf8(out).expect("UTF-8")
            };
            let (one, two) = (written(false), written(true));
            assert!(one.starts_with("\n{\"rule\""), "{}", &one[..40]);
            assert!(one.contains("\"status\":\"fail\""));
            assert_eq!(one, two);
            let mut json = Vec::new();
            checked.write_json(&mut json, None, full).expect("written");
            let v: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
            assert_eq!(
                v["checks"].as_array().map(Vec::len),
                Some(checked.len()),
                "every relation has its entry"
            );
        }
    }

    /// A figure's UTF-16 offsets are JavaScript's: characters past the BMP take two units.
    #[test]
    fn figure_offsets_are_counted_in_utf16_units() {
        let text = "𠀀说明：支出 12.5 万元，增长 3%。\n表1 支出表\n\n项目\t金额\n合计\t12.5\n𠀀甲\t7.5\n乙\t5\n";
        let doc = crate::read::read_str(text).expect("the text is read");
        let units = Units::new(&doc);
        let sorted = utf16_spans(&doc);
        assert!(doc.figure_count() >= 5, "{}", doc.figure_count());
        for (id, (s, e)) in doc.figure_spans().enumerate() {
            let js = |b: usize| text.get(..b).map_or(0, |p| p.encode_utf16().count()) as u32;
            assert_eq!(units.get(id), Some((js(s), js(e))), "figure {id}");
            assert_eq!(sorted.get(id).copied(), Some((js(s), js(e))), "figure {id}");
        }
    }

    #[test]
    fn a_completion_rates_operands_are_the_final_and_the_budget() {
        let operands = |text: &str| {
            let r = crate::check_str(text).expect("the text is read");
            r.checks
                .iter()
                .find(|e| e.status == "fail")
                .and_then(|e| e.operands.clone())
                .map(|t| t.zh)
        };
        assert_eq!(
            operands("公务接待费预算数 2 万元，决算数 0.6 万元，完成年初预算 70%。\n").as_deref(),
            Some("决算数 0.6 ÷ 预算数 2")
        );
        // the budget a stated gap leaves: 1741.75 − 55.93
        assert_eq!(
            operands("支出总计1741.75万元；完成年初预算100%，决算数大于预算数55.93万元。\n")
                .as_deref(),
            Some("决算数 1741.75 ÷ 预算数 1685.82")
        );
        // an adjustment's two figures are named as the relation names them, either way
        assert_eq!(
            operands("收入由年初预算的100万元调整为120万元，调增30万元。\n").as_deref(),
            Some("调整后 120 − 调整前 100")
        );
        assert_eq!(
            operands("收入由年初预算的120万元调整为100万元，调减30万元。\n").as_deref(),
            Some("调整前 120 − 调整后 100")
        );
        // a final figure's difference from its budget
        assert_eq!(
            operands("支出决算5000万元，年初预算4000万元，决算数大于预算数1200万元。\n").as_deref(),
            Some("决算数 5000 − 预算数 4000")
        );
        // and one that fell short: the budget less the final
        assert_eq!(
            operands("支出决算4000万元，年初预算5000万元，决算数小于预算数1200万元。\n").as_deref(),
            Some("预算数 5000 − 决算数 4000")
        );
    }
}
