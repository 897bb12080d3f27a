//! The one evaluator: every relation gets its verdict here, with interval arithmetic over
//! the printed figures, and — when it fails — the likely cause.

use crate::document::{Document, Place};
use crate::figure::{format_scaled, FigId, Number};
use crate::interval::{ArithError, Interval};
use crate::relation::{Cause, Cmp, Expr, Relation, Term, Text};
use crate::IntoVec;
use rust_decimal::{Decimal, RoundingStrategy};

/// The outcome of one relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Holds exactly: the recomputed value, rounded as printed, is the printed figure.
    Pass,
    /// Holds only within rounding: some unrounded inputs give the printed figure.
    Rounding,
    /// No choice of unrounded inputs gives the printed figure.
    Fail,
    /// Cannot be decided.
    Unchecked,
}

/// Why a relation could not be evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvalError {
    /// A figure id that does not exist (a check's bug, never the input's).
    NoSuchFigure,
    /// Too large.
    Overflow,
    /// Divisor interval holds zero; `exact` when the printed divisor is exactly zero.
    ZeroDivisor {
        /// Printed as exactly zero (its point value is 0).
        exact: bool,
    },
    /// A blank stands where a figure is needed (a divisor, a factor).
    Blank,
    /// The plausible readings of the claim disagree: `held` of `of` hold.
    Ambiguous {
        /// Readings that hold.
        held: usize,
        /// Readings in all (the main one included).
        of: usize,
    },
}

/// The evaluator's finding for one relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Holds, fails, or undecided.
    pub status: Status,
    /// The value recomputed from the printed figures.
    pub point: Option<Decimal>,
    /// Every value the unrounded inputs allow.
    pub range: Option<Interval>,
    /// The likely cause of a failure.
    pub cause: Option<Cause>,
    /// Why it is undecided.
    pub error: Option<EvalError>,
}

fn fig_number(doc: &Document, id: FigId) -> Result<Number, EvalError> {
    doc.number(id).ok_or(EvalError::NoSuchFigure)
}

fn arith(e: ArithError) -> EvalError {
    match e {
        ArithError::Overflow => EvalError::Overflow,
        ArithError::DivisorMayBeZero => EvalError::ZeroDivisor { exact: false },
    }
}

/// The interval of every value the expression can take.
pub fn interval(doc: &Document, e: &Expr) -> Result<Interval, EvalError> {
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    Ok(match e {
        Expr::Fig(id) => Interval::of(&fig_number(doc, *id)?),
        Expr::Exact(id) => Interval::exact(fig_number(doc, *id)?.value),
        Expr::Blank => Interval::exact(Decimal::ZERO),
        Expr::Const(d) => Interval::exact(*d),
        Expr::Sum(v) => {
            let mut acc = Interval::exact(Decimal::ZERO);
            for t in v {
                acc = acc.plus(interval(doc, t)?).map_err(arith)?;
            }
            acc
        }
        Expr::Sub(a, b) => interval(doc, a)?.minus(interval(doc, b)?).map_err(arith)?,
        Expr::Mul(a, b) => interval(doc, a)?.times(interval(doc, b)?).map_err(arith)?,
        Expr::Div(a, b) => divide(doc, a, b)?,
        Expr::Pct(a, b) => divide(doc, a, b)?.times(hundred).map_err(arith)?,
        Expr::Min(a, b) => interval(doc, a)?.min(interval(doc, b)?),
        Expr::Abs(a) => interval(doc, a)?.abs(),
        Expr::Root(a, n) => interval(doc, a)?.root(*n).map_err(arith)?,
    })
}

fn divide(doc: &Document, a: &Expr, b: &Expr) -> Result<Interval, EvalError> {
    if matches!(b, Expr::Blank) {
        return Err(EvalError::Blank);
    }
    let den = interval(doc, b)?;
    match interval(doc, a)?.over(den) {
        Ok(q) => Ok(q),
        Err(ArithError::DivisorMayBeZero) => Err(EvalError::ZeroDivisor {
            exact: point(doc, b).is_ok_and(|p| p.is_zero()),
        }),
        Err(e) => Err(arith(e)),
    }
}

/// The value recomputed from the printed figures as they stand.
pub fn point(doc: &Document, e: &Expr) -> Result<Decimal, EvalError> {
    point_at(doc, e, &|_| None)
}

/// The value with some figures set to other values (a corner of their intervals).
fn point_at(
    doc: &Document,
    e: &Expr,
    at: &dyn Fn(FigId) -> Option<Decimal>,
) -> Result<Decimal, EvalError> {
    let point = |d: &Document, x: &Expr| point_at(d, x, at);
    let ov = EvalError::Overflow;
    Ok(match e {
        Expr::Fig(id) => match at(*id) {
            Some(v) => v,
            None => fig_number(doc, *id)?.value,
        },
        Expr::Exact(id) => fig_number(doc, *id)?.value,
        Expr::Blank => Decimal::ZERO,
        Expr::Const(d) => *d,
        Expr::Sum(v) => {
            let mut acc = Decimal::ZERO;
            for t in v {
                acc = acc.checked_add(point(doc, t)?).ok_or(ov)?;
            }
            acc
        }
        Expr::Sub(a, b) => point(doc, a)?.checked_sub(point(doc, b)?).ok_or(ov)?,
        Expr::Mul(a, b) => point(doc, a)?.checked_mul(point(doc, b)?).ok_or(ov)?,
        Expr::Div(a, b) | Expr::Pct(a, b) => {
            let den = point(doc, b)?;
            if den.is_zero() {
                return Err(EvalError::ZeroDivisor { exact: true });
            }
            let q = point(doc, a)?.checked_div(den).ok_or(ov)?;
            if matches!(e, Expr::Pct(..)) {
                q.checked_mul(Decimal::ONE_HUNDRED).ok_or(ov)?
            } else {
                q
            }
        }
        Expr::Min(a, b) => point(doc, a)?.min(point(doc, b)?),
        Expr::Abs(a) => point(doc, a)?.abs(),
        Expr::Root(a, n) => crate::interval::nth_root(point(doc, a)?, *n).ok_or(ov)?,
    })
}

/// Decides one relation. When it holds but its strict reading (inputs the document's
/// format shows to be whole taken as exact) fails, it fails with that evidence as cause;
/// an unsure relation ([`Relation::unsure`]) that fails is not checked instead.
pub fn evaluate(doc: &Document, rel: &Relation) -> Verdict {
    let v = same_scale_sum(doc, rel).unwrap_or_else(|| match zeros_exact(doc, rel) {
        Some(rel) => evaluate_read(doc, &rel),
        None => evaluate_read(doc, rel),
    });
    // (a relation the text may not mean: failing, it is not checked)
    if v.status == Status::Fail && rel.unsure.is_some() {
        return Verdict {
            status: Status::Unchecked,
            cause: None,
            ..v
        };
    }
    v
}

/// Of two printings that should agree and do not (`b = a`: a summary table's two 总计, a
/// figure repeated in another table), the one a failure is reported at. A relation states
/// `b = a` with `b` as its target, but when `a` also fails a computation of its own (its
/// parts do not add up to it), `b` fails nothing else, and `b` as printed would satisfy
/// that computation, then one wrong figure, `a`, explains both failures: the comparison is
/// turned round to report `a`, saying why. Every other failure stays where it was found.
/// `relations[k]` is judged by `verdicts[k]`; only failures shown are weighed.
pub fn place_blame(doc: &Document, relations: &mut [Relation], verdicts: &mut [Verdict]) {
    blame_terms(doc, relations, verdicts);
    let failing = |rel: &Relation, v: &Verdict| v.status == Status::Fail && !rel.only_if_holds;
    for k in 0..relations.len() {
        let (Some(rel), Some(v)) = (relations.get(k), verdicts.get(k)) else {
            continue;
        };
        let (&Expr::Fig(a), b) = (&rel.expr, rel.target) else {
            continue;
        };
        if !failing(rel, v) || rel.cmp != Cmp::Eq || !rel.readings.is_empty() {
            continue;
        }
        let mut explained = false;
        for j in 0..relations.len() {
            let (Some(own), Some(w)) = (relations.get_mut(j), verdicts.get(j)) else {
                continue;
            };
            if j == k || !failing(own, w) {
                continue;
            }
            if own.target == b {
                // `b` fails something else too: which of the two is wrong is not known
                explained = false;
                break;
            }
            // a computation `a` fails that `b`, printed in its place, satisfies
            if !explained
                && own.target == a
                && own.cmp == Cmp::Eq
                && !matches!(own.expr, Expr::Fig(_) | Expr::Exact(_))
            {
                own.target = b;
                explained = matches!(evaluate(doc, own).status, Status::Pass | Status::Rounding);
                own.target = a;
            }
        }
        if !explained {
            continue;
        }
        let (Some(rel), Some(v)) = (relations.get_mut(k), verdicts.get_mut(k)) else {
            continue;
        };
        (rel.target, rel.expr) = (a, Expr::Fig(b));
        let turned = evaluate(doc, rel);
        if turned.status != Status::Fail {
            (rel.target, rel.expr) = (b, Expr::Fig(a));
            continue;
        }
        // "支出总计 = 收入总计" read from the other side, in the other figure's place
        for w in [&mut rel.what.zh, &mut rel.what.en] {
            if let Some((l, r)) = w.split_once(" = ").filter(|(_, r)| !r.contains(" = ")) {
                *w = [r, " = ", l].concat();
            }
        }
        rel.context = None;
        *v = Verdict {
            cause: Some(Cause::OwnPartsDisagree(b)),
            ..turned
        };
    }
}

/// "合计 34.35" over "公务用车费 0", whose own rows (运行维护费 32.65, 购置 0) add up to 32.65
/// (a city bureau's 三公 budget table): one wrong row fails its own sum and the total's. A
/// failing sum that holds with a term replaced by what that term's own failing relation
/// computes — its rows' sum, or the figure printed for it elsewhere ("其中:…公务接待费支出
/// 决算为0.93万元" under "支出决算为0.39万元", where the 三公 table prints 0.39) — is not
/// checked, naming the term; the term's failure stays. Each failing relation is looked up by
/// its target once.
fn blame_terms(doc: &Document, relations: &mut [Relation], verdicts: &mut [Verdict]) {
    let failing = |rel: &Relation, v: &Verdict| {
        v.status == Status::Fail
            && !rel.only_if_holds
            && rel.cmp == Cmp::Eq
            && rel.readings.is_empty()
    };
    // (target, relation) of every failing relation, in order
    let mut own: Vec<(u32, u32)> = relations
        .iter()
        .zip(verdicts.iter())
        .enumerate()
        .filter(|(_, (rel, v))| failing(rel, v))
        .filter_map(|(k, (rel, _))| Some((u32::try_from(rel.target).ok()?, u32::try_from(k).ok()?)))
        .into_vec();
    if own.len() < 2 {
        return;
    }
    crate::sort::sort_pairs(&mut own);
    let own_of = |x: FigId| {
        let from = own.partition_point(|&(t, _)| (t as usize) < x);
        let of_x = own.get(from..).unwrap_or(&[]).iter();
        of_x.take_while(move |&&(t, _)| t as usize == x)
            .map(|&(_, j)| j as usize)
    };
    let mut found = Vec::new();
    'sums: for (k, (rel, v)) in relations.iter().zip(verdicts.iter()).enumerate() {
        let Expr::Sum(terms) = &rel.expr else {
            continue;
        };
        if !failing(rel, v) {
            continue;
        }
        for (i, t) in terms.iter().enumerate() {
            let Expr::Fig(x) = t else { continue };
            for j in own_of(*x) {
                let (Some(theirs), mut with) = (relations.get(j).filter(|_| j != k), rel.clone())
                else {
                    continue;
                };
                if let Expr::Sum(ts) = &mut with.expr {
                    if let Some(s) = ts.get_mut(i) {
                        *s = theirs.expr.clone();
                    }
                }
                if matches!(evaluate(doc, &with).status, Status::Pass | Status::Rounding) {
                    found.push((k, blame_text(doc, *x, &theirs.expr)));
                    continue 'sums;
                }
            }
        }
    }
    for (k, why) in found {
        if let (Some(rel), Some(v)) = (relations.get_mut(k), verdicts.get_mut(k)) {
            rel.unsure = Some(Box::new(why));
            *v = Verdict {
                status: Status::Unchecked,
                cause: None,
                error: None,
                ..v.clone()
            };
        }
    }
}

/// Why a sum is left unchecked by [`blame_terms`]: its term at `x` fails its own relation,
/// `theirs` — its rows' sum, the figure printed for it elsewhere, or its own formula.
fn blame_text(doc: &Document, x: FigId, theirs: &Expr) -> Text {
    let at = doc.row_of(x);
    let en = crate::report::capitalised(&at.en);
    match theirs {
        Expr::Sum(_) => Text::new(
            format!("其中{}与其自身各项不符（另见该处）；以其各项之和代入，本式成立", at.zh),
            format!("{en}, one of its terms, does not match its own parts (see there); with their sum in its place, this holds"),
        ),
        Expr::Fig(_) => Text::new(
            format!("其中{}与另一处所印不符（另见该处）；以该处之数代入，本式成立", at.zh),
            format!("{en}, one of its terms, differs from the figure printed for it elsewhere (see there); with that figure in its place, this holds"),
        ),
        _ => Text::new(
            format!("其中{}与其自身算式不符（另见该处）；以该式之值代入，本式成立", at.zh),
            format!("{en}, one of its terms, does not match its own formula (see there); with the formula's value in its place, this holds"),
        ),
    }
}

/// [`evaluate`] past the fast path, its bare zeros read.
fn evaluate_read(doc: &Document, rel: &Relation) -> Verdict {
    let v = evaluate_plain(doc, rel);
    let Some((expr, evidence)) = &rel.strict else {
        return v;
    };
    if !matches!(v.status, Status::Pass | Status::Rounding) {
        return v;
    }
    let strict = Relation {
        expr: expr.clone(),
        strict: None,
        alternatives: Vec::new(),
        ..rel.clone()
    };
    let s = evaluate_plain(doc, &strict);
    if s.status == Status::Fail {
        Verdict {
            cause: Some(Cause::PrintedPrecision(evidence.clone())),
            ..s
        }
    } else {
        v
    }
}

/// The relation with every bare zero that stands for nothing taken as exact; `None` when
/// it has none.
///
/// An amount printed as a bare `0` (no decimals, no percent sign) beside amounts printed
/// with decimals is nothing, not anything under ½: a table prints its column in one
/// format, so where it shows 5.10 and 20.00 it prints 0.3 as 0.30; and running text
/// prints "因公出国（境）费 0 万元" for no trips at all — a small amount keeps its decimals
/// ("公务接待费 0.06 万元"). So a term of a sum printed `0` is exact, like a dash, when
/// another figure of the sum from the same place (the same table, or the running text) —
/// or, for the sum the relation states, its target — carries decimals; and so is a target
/// printed `0` stated as such a sum ("合计 0" over 0.20 and 0.30 fails). A bare 0 among
/// whole amounts keeps its ½, and so do a `0%` and a 0 a difference or a rate is checked
/// against ("增加 0 万元" on 12.35 and 12.30 is not called wrong).
fn zeros_exact(doc: &Document, rel: &Relation) -> Option<Relation> {
    // (its other readings, likely causes and strict reading read its own figures, and are
    // read alike when it has a bare zero)
    if bare_zero(doc, rel.target).is_none() && !has_bare_zero(doc, &rel.expr) {
        return None;
    }
    let mut read = rel.clone();
    let peer = Some(rel.target);
    read.exact_target |= read_zeros(doc, &mut read.expr, peer);
    for r in &mut read.readings {
        read_zeros(doc, &mut r.expr, peer);
    }
    for a in &mut read.alternatives {
        read_zeros(doc, &mut a.1, peer);
    }
    if let Some(s) = &mut read.strict {
        read_zeros(doc, &mut s.0, peer);
    }
    Some(read)
}

/// Where a figure is printed, as far as its format goes: every cell of a table shares
/// the table's, and the running text has one of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Printed {
    Text,
    Table(usize),
}

fn printed(doc: &Document, id: FigId) -> Option<Printed> {
    Some(match doc.fig_place(id)? {
        Place::Cell { table, .. } => Printed::Table(table),
        Place::Text { .. } => Printed::Text,
    })
}

/// Where a figure printed `0` (no decimals, no percent sign) is printed.
fn bare_zero(doc: &Document, id: FigId) -> Option<Printed> {
    if doc.plain_mantissa(id) != Some((0, 0)) {
        return None;
    }
    printed(doc, id)
}

/// Whether `e` reads, as a rounded figure, an amount printed as a bare `0`.
fn has_bare_zero(doc: &Document, e: &Expr) -> bool {
    match e {
        Expr::Fig(id) => bare_zero(doc, *id).is_some(),
        Expr::Exact(_) | Expr::Blank | Expr::Const(_) => false,
        Expr::Sum(v) => v.iter().any(|x| has_bare_zero(doc, x)),
        Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Div(a, b) | Expr::Pct(a, b) | Expr::Min(a, b) => {
            has_bare_zero(doc, a) || has_bare_zero(doc, b)
        }
        Expr::Abs(a) | Expr::Root(a, _) => has_bare_zero(doc, a),
    }
}

/// The figure a term of a sum reads: itself, or itself in another unit (× or ÷ a constant).
fn term_figure(e: &Expr) -> Option<FigId> {
    match e {
        Expr::Fig(id) | Expr::Exact(id) => Some(*id),
        Expr::Mul(a, b) | Expr::Div(a, b) if matches!(**b, Expr::Const(_)) => term_figure(a),
        _ => None,
    }
}

/// Takes the bare zeros of `e`'s sums as exact where another figure of the sum printed in
/// the same place carries decimals; `peer` is the figure `e` itself should equal, when `e`
/// is the sum a relation states: whether it, printed `0`, is exact the same way.
fn read_zeros(doc: &Document, e: &mut Expr, peer: Option<FigId>) -> bool {
    match e {
        Expr::Sum(v) => {
            let with_decimals: Vec<Printed> = v
                .iter()
                .filter_map(term_figure)
                .chain(peer)
                .filter(|&id| doc.plain_mantissa(id).is_some_and(|m| m.1 > 0))
                .filter_map(|id| printed(doc, id))
                .into_vec();
            for x in v.iter_mut() {
                // a term in another unit: × or ÷ a constant
                let x = match x {
                    Expr::Mul(a, k) | Expr::Div(a, k) if matches!(**k, Expr::Const(_)) => &mut **a,
                    x => x,
                };
                match x {
                    Expr::Fig(id)
                        if bare_zero(doc, *id).is_some_and(|p| with_decimals.contains(&p)) =>
                    {
                        *x = Expr::Exact(*id);
                    }
                    x => {
                        read_zeros(doc, x, None);
                    }
                }
            }
            peer.and_then(|t| bare_zero(doc, t))
                .is_some_and(|p| with_decimals.contains(&p))
        }
        Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Div(a, b) | Expr::Pct(a, b) | Expr::Min(a, b) => {
            read_zeros(doc, a, None);
            read_zeros(doc, b, None);
            false
        }
        Expr::Abs(a) | Expr::Root(a, _) => read_zeros(doc, a, None),
        Expr::Fig(_) | Expr::Exact(_) | Expr::Blank | Expr::Const(_) => false,
    }
}

fn evaluate_plain(doc: &Document, rel: &Relation) -> Verdict {
    let undecided = |error| Verdict {
        status: Status::Unchecked,
        point: None,
        range: None,
        cause: None,
        error,
    };
    if rel.unchecked.is_some() {
        return undecided(None);
    }
    let Ok(target) = fig_number(doc, rel.target) else {
        return undecided(Some(EvalError::NoSuchFigure));
    };
    let printed = if rel.exact_target {
        Interval::exact(target.value)
    } else {
        Interval::of(&target)
    };
    if !rel.readings.is_empty() {
        // every plausible reading is decided; they must agree
        let mut held = 0;
        let mut of = 1;
        let main = decide(doc, rel, &rel.expr, &printed);
        held += usize::from(main == Some(true));
        for r in &rel.readings {
            of += 1;
            match decide(doc, rel, &r.expr, &printed) {
                Some(true) => held += 1,
                Some(false) => {}
                None => {
                    return undecided(Some(EvalError::Ambiguous {
                        held,
                        of: of.max(1),
                    }))
                }
            }
        }
        if main.is_none() || held != 0 && held != of {
            return undecided(Some(EvalError::Ambiguous { held, of }));
        }
    }
    let range = match interval(doc, &rel.expr) {
        Ok(r) => r,
        Err(EvalError::ZeroDivisor { exact: true }) if rel.zero_base_fails => {
            return Verdict {
                status: Status::Fail,
                point: None,
                range: None,
                cause: Some(Cause::ZeroBase),
                error: None,
            }
        }
        Err(e) => return undecided(Some(e)),
    };
    let range = if rel.monotone {
        corners(doc, &rel.expr).map_or(range, |hull| Interval {
            lo: hull.lo.max(range.lo),
            hi: hull.hi.min(range.hi),
        })
    } else {
        range
    };
    let point = point(doc, &rel.expr).ok();
    let holds = match rel.cmp {
        Cmp::Eq => range.meets(&printed),
        Cmp::AtMost => printed.lo <= range.hi,
        Cmp::AtLeast => printed.hi >= range.lo,
    };
    let status = if !holds {
        Status::Fail
    } else {
        let exact = match (rel.cmp, point) {
            (Cmp::Eq, Some(p)) => round(p, target.scale) == target.value,
            (Cmp::AtMost, Some(p)) => target.value <= p,
            (Cmp::AtLeast, Some(p)) => target.value >= p,
            (_, None) => false,
        };
        if exact {
            Status::Pass
        } else {
            Status::Rounding
        }
    };
    let cause = if status == Status::Fail && rel.cmp == Cmp::Eq {
        likely_cause(doc, rel, &target, &printed, range, point)
    } else {
        None
    };
    // a cause that accuses the publisher (copied, left out, counted twice) is named only
    // when the binding it rests on is the only plausible one
    let cause = cause.filter(|c| {
        rel.readings.is_empty()
            || !matches!(
                c,
                Cause::CopiedFrom(_) | Cause::DroppedPart(_) | Cause::DoubledPart(_)
            )
    });
    Verdict {
        status,
        point,
        range: Some(range),
        cause,
        error: None,
    }
}

/// The fast path for the commonest relation, a total printed at the same scale as its
/// parts that equals their sum exactly: integer mantissas added, no interval or corner
/// search. It gives the verdict the general path gives (same status, point and range) and
/// leaves everything else — a sum that does not match exactly, mixed scales, alternatives
/// to explain a failure — to that path (`None`).
fn same_scale_sum(doc: &Document, rel: &Relation) -> Option<Verdict> {
    let Expr::Sum(terms) = &rel.expr else {
        return None;
    };
    if rel.unchecked.is_some()
        || rel.cmp != Cmp::Eq
        || rel.exact_target
        || rel.monotone
        || !rel.readings.is_empty()
        || rel.strict.is_some()
    {
        return None;
    }
    if !terms.iter().all(|e| e.term().is_some()) {
        return None;
    }
    let (sum, scale, figures) =
        exact_same_scale_sum(doc, rel.target, terms.iter().filter_map(Expr::term))?;
    // Σ [vᵢ − h, vᵢ + h] = [Σ vᵢ − n·h, Σ vᵢ + n·h]
    let point = Decimal::try_from_i128_with_scale(sum, scale).ok()?;
    let spread = crate::interval::half_ulp(scale).checked_mul(Decimal::from(figures))?;
    Some(Verdict {
        status: Status::Pass,
        point: Some(point),
        range: Some(Interval {
            lo: point.checked_sub(spread)?,
            hi: point.checked_add(spread)?,
        }),
        cause: None,
        error: None,
    })
}

/// `target = Σ terms` where the target and every term are printed at one scale and the
/// parts' mantissas add up to the target's exactly: the sum, its scale and how many
/// figures it adds. `None` for anything else (a term not a plain figure or blank, another
/// scale, a percentage, a sum that does not match exactly). A relation that is nothing
/// more than that ([`same_scale_sum`]) passes, whatever the rounding.
pub fn exact_same_scale_sum(
    doc: &Document,
    target: FigId,
    terms: impl IntoIterator<Item = Term>,
) -> Option<(i128, u32, i64)> {
    let (mantissa, scale) = doc.plain_mantissa(target)?;
    let (mut sum, mut figures) = (0i128, 0i64);
    for t in terms {
        if let Term::Fig(id) = t {
            let (m, s) = doc.plain_mantissa(id)?;
            if s != scale {
                // a bare 0 printed where the target is, with decimals, is nothing
                // ([`zeros_exact`])
                if (m, s) == (0, 0)
                    && printed(doc, id).is_some_and(|p| Some(p) == printed(doc, target))
                {
                    continue;
                }
                return None;
            }
            sum = sum.checked_add(i128::from(m))?;
            figures += 1;
        }
    }
    (sum == i128::from(mantissa)).then_some((sum, u32::from(scale), figures))
}

/// Whether the printed target agrees with `expr` (one reading of the relation); `None`
/// when it cannot be decided.
fn decide(doc: &Document, rel: &Relation, expr: &Expr, printed: &Interval) -> Option<bool> {
    let range = match interval(doc, expr) {
        Ok(r) => r,
        Err(EvalError::ZeroDivisor { exact: true }) if rel.zero_base_fails => return Some(false),
        Err(_) => return None,
    };
    let range = if rel.monotone {
        corners(doc, expr).map_or(range, |hull| Interval {
            lo: hull.lo.max(range.lo),
            hi: hull.hi.min(range.hi),
        })
    } else {
        range
    };
    Some(match rel.cmp {
        Cmp::Eq => range.meets(printed),
        Cmp::AtMost => printed.lo <= range.hi,
        Cmp::AtLeast => printed.hi >= range.lo,
    })
}

/// Most figures a corner search takes (2ⁿ evaluations).
const MAX_CORNER_FIGURES: usize = 10;

/// The hull of the expression's values at every corner of its figures' intervals, rounded
/// outward like a quotient: the exact range when the expression is monotone in each figure.
fn corners(doc: &Document, e: &Expr) -> Option<Interval> {
    let mut ids = Vec::new();
    collect_rounded(e, &mut ids);
    if ids.len() > MAX_CORNER_FIGURES {
        return None;
    }
    let bounds: Vec<Interval> = ids
        .iter()
        .map(|&id| fig_number(doc, id).map(|n| Interval::of(&n)))
        .collect::<Result<_, _>>()
        .ok()?;
    let mut hull: Option<Interval> = None;
    for mask in 0u32..(1 << ids.len()) {
        let at = |id: FigId| {
            let k = ids.iter().position(|&x| x == id)?;
            let b = bounds.get(k)?;
            Some(if mask & (1 << k) == 0 { b.lo } else { b.hi })
        };
        let v = point_at(doc, e, &at).ok()?;
        hull = Some(hull.map_or(Interval::exact(v), |h| Interval {
            lo: h.lo.min(v),
            hi: h.hi.max(v),
        }));
    }
    let h = hull?;
    let ulp = crate::interval::half_ulp(20) * Decimal::TWO;
    Some(Interval {
        lo: h.lo.checked_sub(ulp)?,
        hi: h.hi.checked_add(ulp)?,
    })
}

/// The figures that stand for intervals (not those taken as exact), each once, in the order
/// met; past [`MAX_CORNER_FIGURES`] the rest are not looked for.
fn collect_rounded(e: &Expr, out: &mut Vec<FigId>) {
    if out.len() > MAX_CORNER_FIGURES {
        return;
    }
    match e {
        Expr::Fig(id) if !out.contains(id) => out.push(*id),
        Expr::Fig(_) => {}
        Expr::Exact(_) | Expr::Blank | Expr::Const(_) => {}
        Expr::Sum(v) => v.iter().for_each(|x| collect_rounded(x, out)),
        Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Div(a, b) | Expr::Pct(a, b) | Expr::Min(a, b) => {
            collect_rounded(a, out);
            collect_rounded(b, out);
        }
        Expr::Abs(a) | Expr::Root(a, _) => collect_rounded(a, out),
    }
}

fn round(d: Decimal, scale: u32) -> Decimal {
    d.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero)
}

/// The first known slip that reproduces the printed figure exactly.
fn likely_cause(
    doc: &Document,
    rel: &Relation,
    target: &Number,
    printed: &Interval,
    range: Interval,
    point: Option<Decimal>,
) -> Option<Cause> {
    for (cause, alt) in &rel.alternatives {
        if interval(doc, alt).is_ok_and(|r| r.meets(printed)) {
            return Some(cause.clone());
        }
    }
    if let Expr::Sum(terms) = &rel.expr {
        // a part left out or counted twice, when exactly one part explains it
        let mut found: Option<Cause> = None;
        let mut explained = 0;
        for t in terms {
            let Expr::Fig(id) = t else { continue };
            let Ok(part) = interval(doc, t) else { continue };
            if point.is_some_and(|p| !p.is_zero()) && part.lo.is_zero() && part.hi <= Decimal::ONE {
                continue;
            }
            if range.minus(part).is_ok_and(|r| r.meets(printed)) {
                found = Some(Cause::DroppedPart(*id));
                explained += 1;
            } else if range.plus(part).is_ok_and(|r| r.meets(printed)) {
                found = Some(Cause::DoubledPart(*id));
                explained += 1;
            }
        }
        if explained == 1 {
            return found;
        }
    }
    let p = point?;
    let truncated = p.round_dp_with_strategy(target.scale, RoundingStrategy::ToZero);
    if truncated == target.value && round(p, target.scale) != target.value {
        return Some(Cause::Truncated);
    }
    let scaled = |k: Decimal, up: bool| {
        let k = Interval::exact(k);
        let r = if up { range.times(k) } else { range.over(k) };
        r.is_ok_and(|r| r.meets(printed))
    };
    // a printed zero is what any small enough value scales to: no evidence of a slip
    if target.value.is_zero() {
        return None;
    }
    if target.percent {
        if scaled(Decimal::ONE_HUNDRED, false) {
            return Some(Cause::RatioAsPercent);
        }
        if scaled(Decimal::ONE_HUNDRED, true) {
            return Some(Cause::PercentScale);
        }
    } else if !p.is_zero()
        && (scaled(Decimal::from(10_000), true) || scaled(Decimal::from(10_000), false))
    {
        return Some(Cause::TenThousand);
    }
    if transposed(
        &format_scaled(p, target.scale),
        &format_scaled(target.value, target.scale),
    ) {
        return Some(Cause::Transposed);
    }
    None
}

/// Whether `a` becomes `b` by swapping two adjacent (different) digits.
fn transposed(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().into_vec();
    let b: Vec<char> = b.chars().into_vec();
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a.get(i) != b.get(i)).into_vec();
    match diff.as_slice() {
        [i, j] if *j == *i + 1 => {
            a.get(*i) == b.get(*j)
                && a.get(*j) == b.get(*i)
                && a.get(*i).is_some_and(|c| c.is_ascii_digit())
                && a.get(*j).is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {

    /// The (rule, reported figure, status, message) of a text's report.
    fn entries(text: &str) -> Vec<(String, String, String, String)> {
        crate::check_str(text)
            .unwrap()
            .checks
            .iter()
            .map(|e| {
                (
                    e.rule.to_string(),
                    e.reported.clone(),
                    e.status.to_string(),
                    e.message.zh.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_sum_explained_by_a_term_printed_otherwise_elsewhere_blames_the_term() {
        // made up in the shape of a 三公 section and its table: the text's 公务接待费 0.93 is
        // the table's 0.39 with two digits swapped, and so the text's own sum fails
        let text = "七、财政拨款“三公”经费支出决算情况说明\n\n“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，其中：因公出国（境）费决算为0.00万元；公务用车购置及运行维护费支出决算为0.00万元；公务接待费支出决算为0.93万元。\n\n\
                    表 8 财政拨款“三公”经费支出决算表（单位：万元）\n\n\
                    财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\t财政拨款“三公”经费\n\
                    合计\t合计\t因公出国（境）费\t因公出国（境）费\t公务用车购置及运行费\t公务用车购置及运行费\t公务用车购置及运行费\t公务用车购置及运行费\t公务用车购置及运行费\t公务用车购置及运行费\t公务接待费\t公务接待费\n\
                    预算数\t决算数\t预算数\t决算数\t小计\t小计\t公务用车购置费\t公务用车购置费\t公务用车运行费\t公务用车运行费\t预算数\t决算数\n\
                    预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\n\
                    2.85\t0.39\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t2.85\t0.39\n";
        let got = entries(text);
        let of = |rule: &str, fig: &str| {
            got.iter()
                .find(|e| e.0 == rule && e.1 == fig)
                .unwrap_or_else(|| panic!("{rule} {fig}: {got:#?}"))
        };
        assert_eq!(of("text-table", "0.93").2, "fail");
        let sum = of("parts-sum", "0.39");
        assert_eq!(sum.2, "unchecked");
        assert!(sum.3.contains("与另一处所印不符"), "{sum:?}");
        // where the table prints 0.93 too, the text's total is what is off
        let agreed = text.replace("2.85\t0.39\n", "2.85\t0.93\n");
        let got = entries(&agreed);
        let sum = got.iter().find(|e| e.0 == "parts-sum").unwrap();
        assert_eq!(sum.2, "fail", "{got:#?}");
    }

    #[test]
    fn a_column_total_explained_by_a_rows_own_formula_blames_the_row() {
        // the row's 增减 is printed 预算 − 决算, so the column's 合计 fails with it
        let text = "项目\t预算数\t决算数\t增减\n合计\t30.00\t27.45\t-2.55\n\
                    公务接待费\t10.00\t8.45\t-1.55\n公务用车运行维护费\t20.00\t19.00\t1.00\n";
        let got = entries(text);
        let of = |rule: &str, fig: &str| got.iter().find(|e| e.0 == rule && e.1 == fig).cloned();
        assert_eq!(
            of("change-column", "1.00").map(|e| e.2),
            Some("fail".into())
        );
        let total = of("total-row", "-2.55").unwrap_or_else(|| panic!("{got:#?}"));
        assert_eq!(total.2, "unchecked");
        assert!(total.3.contains("与其自身算式不符"), "{total:?}");
        // a total no choice of the row gives still fails
        let got = entries(&text.replace("-2.55", "-3.55"));
        let total = got.iter().find(|e| e.0 == "total-row" && e.1 == "-3.55");
        assert_eq!(total.map(|e| e.2.as_str()), Some("fail"), "{got:#?}");
    }

    #[test]
    fn the_same_scale_fast_path_gives_the_full_verdict() {
        // (行四's bare 0 among amounts with decimals is nothing: [`zeros_exact`])
        let text = "项目\t合计\t甲\t乙\n行一\t30.75\t10.50\t20.25\n行二\t1.00\t0.40\t0.60\n\
                    行三\t3\t1\t2\n行四\t5.10\t0\t5.10\n合计\t39.85\t11.90\t27.95\n";
        let doc = crate::read::read_str(text).unwrap();
        let relations = crate::checks::find_all(&doc);
        let mut fast = 0;
        for rel in &relations {
            if let Some(v) = same_scale_sum(&doc, rel) {
                let read = zeros_exact(&doc, rel);
                assert_eq!(
                    v,
                    evaluate_plain(&doc, read.as_ref().unwrap_or(rel)),
                    "{:?}",
                    rel.what
                );
                fast += 1;
            }
        }
        assert!(fast >= 5, "{fast} of {}", relations.len());
        // a sum that is off, or at another scale, goes the full way
        let doc = crate::read::read_str(
            "项目\t合计\t甲\t乙\n行一\t30.76\t10.50\t20.25\n行二\t31\t10.5\t20.25\n",
        )
        .unwrap();
        let relations = crate::checks::find_all(&doc);
        assert!(relations.len() >= 2);
        for rel in &relations {
            assert_eq!(same_scale_sum(&doc, rel), None);
        }
    }

    use super::*;
    use crate::read::read_text;
    use crate::relation::Text;

    /// A document whose figures are the given strings, in order.
    fn doc(figs: &[&str]) -> Document {
        read_text(&format!("数：{}。", figs.join("；")))
    }

    fn eq(target: FigId, expr: Expr) -> Relation {
        Relation::equals(
            crate::relation::Rule::TotalRow,
            target,
            expr,
            Text::default(),
        )
    }

    #[test]
    fn the_issue_examples() {
        // 减少 2576.77 万元，降低 18% on 14209.74: the base is last year's
        let d = doc(&["14209.74", "2576.77", "18%"]);
        let rel = eq(
            2,
            Expr::pct(Expr::Fig(1), Expr::sum([Expr::Fig(0), Expr::Fig(1)])),
        )
        .alternative(Cause::ThisYearBase, Expr::pct(Expr::Fig(1), Expr::Fig(0)));
        let v = evaluate(&d, &rel);
        assert_eq!(v.status, Status::Fail);
        assert_eq!(format_scaled(v.point.unwrap(), 2), "15.35");
        assert_eq!(v.cause, Some(Cause::ThisYearBase));

        // 14206.91 + 2.82 = 14209.74 holds by rounding
        let d = doc(&["14206.91", "2.82", "14209.74"]);
        let v = evaluate(&d, &eq(2, Expr::sum([Expr::Fig(0), Expr::Fig(1)])));
        assert_eq!(v.status, Status::Rounding);
    }

    #[test]
    fn exact_rounding_and_failure_are_told_apart() {
        let d = doc(&["304.6", "800", "39.77%", "38.08%", "131.25", "145", "91%"]);
        let rate = |n, b, t| eq(t, Expr::pct(Expr::Fig(n), Expr::Fig(b)));
        assert_eq!(evaluate(&d, &rate(0, 1, 2)).status, Status::Fail);
        assert_eq!(evaluate(&d, &rate(0, 1, 3)).status, Status::Pass);
        assert_eq!(evaluate(&d, &rate(4, 5, 6)).status, Status::Pass);
    }

    #[test]
    fn a_monotone_rate_is_decided_on_its_exact_range() {
        // 减少 1 万元 on 1 万元 this year: last year 2, rate 50%; with both figures rounded
        // to integers the rate lies in [0.5 ÷ 2.5, 1.5 ÷ 2] = [20%, 75%]; interval
        // arithmetic counting the change twice would allow [0.5 ÷ 3, 1.5 ÷ 1] = [16.7%, 150%]
        let d = doc(&["1", "1", "78.6%", "70%"]);
        let rate = |t| {
            eq(
                t,
                Expr::pct(Expr::Fig(1), Expr::sum([Expr::Fig(0), Expr::Fig(1)])),
            )
        };
        assert_eq!(
            evaluate(&d, &rate(2)).status,
            Status::Rounding,
            "plain intervals are too wide"
        );
        assert_eq!(evaluate(&d, &rate(2).monotone()).status, Status::Fail);
        assert_eq!(evaluate(&d, &rate(3).monotone()).status, Status::Rounding);
    }

    #[test]
    fn zero_divisors_are_undecided_unless_a_zero_base_is_itself_wrong() {
        let d = doc(&["5", "0", "100%"]);
        let rel = eq(2, Expr::pct(Expr::Fig(0), Expr::Fig(1)));
        assert_eq!(evaluate(&d, &rel).status, Status::Unchecked);
        let v = evaluate(&d, &rel.zero_base_fails());
        assert_eq!((v.status, v.cause), (Status::Fail, Some(Cause::ZeroBase)));
    }

    #[test]
    fn generic_causes() {
        // a total that drops a part: 10.5 + 20.25 + 30 printed as 30.75
        let d = doc(&["10.5", "20.25", "30", "30.75"]);
        let v = evaluate(
            &d,
            &eq(3, Expr::sum([Expr::Fig(0), Expr::Fig(1), Expr::Fig(2)])),
        );
        assert_eq!(v.status, Status::Fail);
        assert_eq!(v.cause, Some(Cause::DroppedPart(2)));
        // truncated: 9.596 printed 9.5
        let d = doc(&["959.61", "1000", "9.5"]);
        let rel = eq(2, Expr::quotient(Expr::Fig(0), Expr::int(100)));
        assert_eq!(evaluate(&d, &rel).cause, Some(Cause::Truncated));
        // transposed: 1,234.56 printed 1,243.56
        let d = doc(&["1000", "234.56", "1,243.56"]);
        let v = evaluate(&d, &eq(2, Expr::sum([Expr::Fig(0), Expr::Fig(1)])));
        assert_eq!(v.cause, Some(Cause::Transposed));
        // ratio printed with a percent sign: 0.67 ÷ 100 = 0.0067 → 0.0067%
        let d = doc(&["0.67", "100", "0.0067%"]);
        let v = evaluate(&d, &eq(2, Expr::pct(Expr::Fig(0), Expr::Fig(1))));
        assert_eq!(v.cause, Some(Cause::RatioAsPercent));
        // 元 as 万元
        let d = doc(&["1.5", "2", "35000"]);
        let v = evaluate(&d, &eq(2, Expr::sum([Expr::Fig(0), Expr::Fig(1)])));
        assert_eq!(v.cause, Some(Cause::TenThousand));
        // a printed 0.00 against 3.00 + 2.00 is no 元/万元 slip: 0 is what any small value
        // rounds to
        let d = doc(&["3.00", "2.00", "0.00"]);
        let v = evaluate(&d, &eq(2, Expr::sum([Expr::Fig(0), Expr::Fig(1)])));
        assert_eq!((v.status, v.cause), (Status::Fail, None));
    }

    /// A document of one table whose cells are the given strings, one a row, in order.
    fn cells(figs: &[&str]) -> Document {
        let rows: String = figs.iter().map(|f| format!("行\t{f}\n")).collect();
        let d = crate::read::read_str(&format!("项目\t数\n{rows}")).unwrap();
        for (i, f) in figs.iter().enumerate() {
            assert_eq!(d.figure(i).map(|x| x.raw), Some(*f));
        }
        d
    }

    #[test]
    fn a_bare_zero_among_amounts_with_decimals_is_nothing() {
        let sum = |d: &Document, t: FigId, parts: &[FigId]| {
            evaluate(d, &eq(t, Expr::sum(parts.iter().map(|&p| Expr::Fig(p)))))
        };
        // 0 + 5.10 + 20.00 is 25.10, not anything up to 25.60: 25.30 fails
        let d = cells(&["0", "5.10", "20.00", "25.30", "25.10"]);
        let v = sum(&d, 3, &[0, 1, 2]);
        assert_eq!(v.status, Status::Fail);
        assert_eq!(format_scaled(v.range.unwrap().hi, 2), "25.11");
        assert_eq!(sum(&d, 4, &[0, 1, 2]).status, Status::Pass);
        // so in running text: "因公出国（境）费 0 万元" is no trip at all
        assert_eq!(
            sum(&doc(&["0", "5.10", "20.00", "25.30"]), 3, &[0, 1, 2]).status,
            Status::Fail
        );
        // the target's decimals count too: 0 + 0 + 5 is no 6.00
        let d = cells(&["0", "0", "5", "7", "6.00"]);
        assert_eq!(sum(&d, 4, &[0, 1, 2]).status, Status::Fail);
        // a bare zero among whole amounts keeps its ½
        assert_eq!(sum(&d, 3, &[0, 1, 2]).status, Status::Rounding);
        // a total printed 0 over parts with decimals is nothing too: 0.20 + 0.30 is no 0
        let d = cells(&["0.20", "0.30", "0", "0%", "50.6%", "50.3%"]);
        assert_eq!(sum(&d, 2, &[0, 1]).status, Status::Fail);
        // a zero percentage keeps its ½, and so does a 0 a difference is checked against
        // ("增加 0 万元" on 12.35 and 12.30)
        assert_eq!(sum(&d, 5, &[3, 4]).status, Status::Rounding);
        let d = doc(&["12.35", "12.30", "0"]);
        let change = eq(2, Expr::difference(Expr::Fig(0), Expr::Fig(1)));
        assert_eq!(evaluate(&d, &change).status, Status::Pass);
        // and one whose table (or text) has no decimals, whatever another table prints
        let d = crate::read::read_str(
            "表一 收入表\n项目\t数\n甲\t0\n乙\t5\n\n表二 支出表\n项目\t数\n丙\t6.00\n",
        )
        .unwrap();
        assert_eq!(d.figure(2).map(|f| f.raw), Some("6.00"));
        assert_ne!(printed(&d, 0), printed(&d, 2));
        assert_eq!(sum(&d, 2, &[0, 1]).status, Status::Rounding);
        // 0 万元 is nothing in 元 too
        let d = cells(&["0", "5100.00", "5200.00"]);
        let rel = eq(
            2,
            Expr::sum([Expr::product(Expr::Fig(0), Expr::int(10_000)), Expr::Fig(1)]),
        );
        assert_eq!(evaluate(&d, &rel).status, Status::Fail);
        // every reading of the relation is read the same way
        let d = cells(&["0", "5.10", "20.00", "25.30", "20.10"]);
        let rel = eq(3, Expr::sum([Expr::Fig(0), Expr::Fig(1), Expr::Fig(2)])).reading(
            Expr::sum([Expr::Fig(0), Expr::Fig(1), Expr::Fig(4)]),
            Text::default(),
        );
        assert_eq!(evaluate(&d, &rel).status, Status::Fail);
    }

    #[test]
    fn at_most() {
        // scores: 得分 4 ≤ 分值 5 holds; 6 ≤ 5 fails once both are taken as exact, but
        // not as rounded integers (5.5 could print as 6 and as 5)
        let d = doc(&["5", "4", "6"]);
        let le = |t, m| eq(t, Expr::Exact(m)).cmp(Cmp::AtMost).exact_target();
        assert_eq!(evaluate(&d, &le(1, 0)).status, Status::Pass);
        assert_eq!(evaluate(&d, &le(2, 0)).status, Status::Fail);
        let rounded = eq(2, Expr::Fig(0)).cmp(Cmp::AtMost);
        assert_eq!(evaluate(&d, &rounded).status, Status::Rounding);
    }

    #[test]
    fn readings_are_decided_together() {
        // 10 ÷ 40 = 25% under one binding, 10 ÷ 50 = 20% under the other
        let d = doc(&["10", "40", "50", "25%", "30%", "25%"]);
        let rel = |t| {
            eq(t, Expr::pct(Expr::Fig(0), Expr::Fig(1)))
                .reading(Expr::pct(Expr::Fig(0), Expr::Fig(2)), Text::default())
        };
        // the readings disagree: not checked, with how many hold
        let v = evaluate(&d, &rel(3));
        assert_eq!(v.status, Status::Unchecked);
        assert_eq!(v.error, Some(EvalError::Ambiguous { held: 1, of: 2 }));
        // every reading fails: fails
        assert_eq!(evaluate(&d, &rel(4)).status, Status::Fail);
        // every reading holds: holds
        let both = eq(5, Expr::pct(Expr::Fig(0), Expr::Fig(1)))
            .reading(Expr::pct(Expr::Fig(0), Expr::Fig(1)), Text::default());
        assert_eq!(evaluate(&d, &both).status, Status::Pass);
        // a cause accusing the publisher is not named on one of several readings
        let copied = eq(4, Expr::pct(Expr::Fig(0), Expr::Fig(1)))
            .reading(Expr::pct(Expr::Fig(0), Expr::Fig(2)), Text::default())
            .alternative(Cause::CopiedFrom(4), Expr::Fig(4));
        assert_eq!(evaluate(&d, &copied).cause, None);
    }

    #[test]
    fn an_unsure_relation_that_fails_is_not_checked() {
        // 10 ÷ 40 = 25%: holds as any relation; printed 30% it is not checked, not failed,
        // and names no cause
        let d = doc(&["10", "40", "25%", "30%"]);
        let rel = |t| eq(t, Expr::pct(Expr::Fig(0), Expr::Fig(1))).unsure(Text::default());
        assert_eq!(evaluate(&d, &rel(2)).status, Status::Pass);
        let v = evaluate(&d, &rel(3));
        assert_eq!(
            (v.status, v.cause, v.error),
            (Status::Unchecked, None, None)
        );
        // a sum decided on the fast path too
        let d = doc(&["1.0", "2.0", "4.0"]);
        let sum = eq(2, Expr::sum([Expr::Fig(0), Expr::Fig(1)]));
        assert_eq!(evaluate(&d, &sum).status, Status::Fail);
        let unsure = sum.unsure(Text::default());
        assert_eq!(evaluate(&d, &unsure).status, Status::Unchecked);
    }

    #[test]
    fn overflow_is_undecided() {
        let d = doc(&[
            "9999999999999999999999999999",
            "9999999999999999999999999999",
            "1",
        ]);
        let v = evaluate(&d, &eq(2, Expr::product(Expr::Fig(0), Expr::Fig(1))));
        assert_eq!(v.status, Status::Unchecked);
        assert_eq!(v.error, Some(EvalError::Overflow));
    }
}
