//! Interval arithmetic over exact decimals.
//!
//! A figure printed with d decimals stands for every value in ±½·10⁻ᵈ around it. Sums,
//! differences, products and quotients of such intervals bound every value the unrounded
//! inputs could produce, so a relation fails only when no choice of unrounded inputs gives
//! the printed result. There is no tolerance: the only widening is the outward rounding of
//! a quotient or a root at its 20th decimal (`Decimal` division is itself rounded), which
//! keeps the bounds sound and is far below any printed precision.

use crate::figure::Number;
use rust_decimal::{Decimal, RoundingStrategy};

/// A closed interval `[lo, hi]` of exact decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// Lower bound.
    pub lo: Decimal,
    /// Upper bound.
    pub hi: Decimal,
}

/// Arithmetic that cannot give an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithError {
    /// A result beyond what exact decimals hold.
    Overflow,
    /// The divisor may be zero: the quotient is unbounded.
    DivisorMayBeZero,
}

const QUOTIENT_DP: u32 = 20;

impl Interval {
    /// The single value `d`.
    pub fn exact(d: Decimal) -> Self {
        Interval { lo: d, hi: d }
    }

    /// Every value a printed number may stand for.
    pub fn of(n: &Number) -> Self {
        let half = half_ulp(n.scale);
        Interval {
            lo: n.value - half,
            hi: n.value + half,
        }
    }

    /// Interval sum.
    pub fn plus(self, o: Self) -> Result<Self, ArithError> {
        Ok(Interval {
            lo: add(self.lo, o.lo)?,
            hi: add(self.hi, o.hi)?,
        })
    }

    /// Interval difference.
    pub fn minus(self, o: Self) -> Result<Self, ArithError> {
        // the sum with the negated interval: a sign flipped is exact, and the page's core
        // then holds one copy of decimal addition instead of two (≈ 3.5 KB)
        self.plus(Interval {
            lo: -o.hi,
            hi: -o.lo,
        })
    }

    /// Interval product.
    pub fn times(self, o: Self) -> Result<Self, ArithError> {
        hull([
            mul(self.lo, o.lo),
            mul(self.lo, o.hi),
            mul(self.hi, o.lo),
            mul(self.hi, o.hi),
        ])
    }

    /// Interval quotient, rounded outward. Fails when the divisor's interval holds zero.
    pub fn over(self, o: Self) -> Result<Self, ArithError> {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return Err(ArithError::DivisorMayBeZero);
        }
        outward(hull([
            self.lo.checked_div(o.lo),
            self.lo.checked_div(o.hi),
            self.hi.checked_div(o.lo),
            self.hi.checked_div(o.hi),
        ])?)
    }

    /// The n-th root of an interval of values that are not negative (the root rises with
    /// its argument, so it is the roots of the ends), rounded outward like a quotient.
    pub fn root(self, n: u32) -> Result<Self, ArithError> {
        match (nth_root(self.lo, n), nth_root(self.hi, n)) {
            (Some(lo), Some(hi)) => outward(Interval { lo, hi }),
            _ => Err(ArithError::Overflow),
        }
    }

    /// `min(self, o)` pointwise.
    pub fn min(self, o: Self) -> Self {
        Interval {
            lo: self.lo.min(o.lo),
            hi: self.hi.min(o.hi),
        }
    }

    /// `|self|` pointwise: the interval itself when it holds no negative value, its mirror
    /// when it holds no positive one, else from 0 to the larger end's magnitude.
    pub fn abs(self) -> Self {
        if self.lo >= Decimal::ZERO {
            self
        } else if self.hi <= Decimal::ZERO {
            Interval {
                lo: -self.hi,
                hi: -self.lo,
            }
        } else {
            Interval {
                lo: Decimal::ZERO,
                hi: self.hi.max(-self.lo),
            }
        }
    }

    /// Whether the two intervals share a value.
    pub fn meets(&self, o: &Self) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }

    /// Whether `d` lies inside.
    pub fn contains(&self, d: Decimal) -> bool {
        self.lo <= d && d <= self.hi
    }
}

/// A computed interval widened to hold the exact one: rounded outward at the 20th decimal
/// and one unit there further (the division or root it came from was itself rounded).
fn outward(q: Interval) -> Result<Interval, ArithError> {
    let ulp = half_ulp(QUOTIENT_DP) * Decimal::TWO;
    Interval {
        lo: q
            .lo
            .round_dp_with_strategy(QUOTIENT_DP, RoundingStrategy::ToNegativeInfinity),
        hi: q
            .hi
            .round_dp_with_strategy(QUOTIENT_DP, RoundingStrategy::ToPositiveInfinity),
    }
    .plus(Interval { lo: -ulp, hi: ulp })
}

/// The n-th root of `x ≥ 0` (`None` for a negative `x`, `n = 0` or overflow), to within a
/// few units of `Decimal`'s last digit. Newton's method from above: y ← y − (y − x ÷ yⁿ⁻¹)
/// ÷ n falls towards the root from any start above it, and 1 + (x − 1) ÷ n is one for
/// x ≥ 1 (Bernoulli's inequality), 1 for x < 1; it stops when y no longer falls.
pub fn nth_root(x: Decimal, n: u32) -> Option<Decimal> {
    if x.is_sign_negative() || x.is_zero() || n == 0 {
        return (x.is_zero() && n > 0).then_some(Decimal::ZERO);
    }
    let nd = Decimal::from(n);
    let mut y = Decimal::ONE.max(Decimal::ONE + (x - Decimal::ONE).checked_div(nd)?);
    for _ in 0..200 {
        let mut power = Decimal::ONE;
        for _ in 1..n {
            power = power.checked_mul(y)?;
        }
        let step = (y - x.checked_div(power)?).checked_div(nd)?;
        if step <= Decimal::ZERO {
            break;
        }
        y -= step;
    }
    Some(y)
}

/// The smallest interval holding every candidate; overflow when one could not be computed.
fn hull(candidates: [Option<Decimal>; 4]) -> Result<Interval, ArithError> {
    let mut out: Option<Interval> = None;
    for x in candidates {
        let x = x.ok_or(ArithError::Overflow)?;
        out = Some(out.map_or(Interval::exact(x), |i| Interval {
            lo: i.lo.min(x),
            hi: i.hi.max(x),
        }));
    }
    out.ok_or(ArithError::Overflow)
}

/// `a + b`, or overflow. One copy of decimal addition for every sum and difference of
/// intervals in the page's core, where a copy inlined at each use is ≈ 1.9 KB (natively
/// inlined, for speed).
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn add(a: Decimal, b: Decimal) -> Result<Decimal, ArithError> {
    a.checked_add(b).ok_or(ArithError::Overflow)
}

/// `a × b`, or `None` on overflow: one copy in the page's core for the four corners of a
/// product (≈ 4 KB less).
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// ½·10⁻ᵈ.
pub fn half_ulp(scale: u32) -> Decimal {
    Decimal::new(5, scale.saturating_add(1).min(28))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn n(s: &str) -> Interval {
        let (_, num, _) = crate::figure::read_cell(s);
        Interval::of(&num.unwrap().unwrap())
    }
    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_printed_figure_stands_for_half_a_unit_of_its_last_digit() {
        assert_eq!(
            n("14209.74"),
            Interval {
                lo: d("14209.735"),
                hi: d("14209.745")
            }
        );
        assert_eq!(
            n("12,011"),
            Interval {
                lo: d("12010.5"),
                hi: d("12011.5")
            }
        );
        assert_eq!(
            n("91%"),
            Interval {
                lo: d("90.5"),
                hi: d("91.5")
            }
        );
    }

    #[test]
    fn sums_that_differ_only_by_rounding_meet() {
        // 14206.91 + 2.82 = 14209.73, printed total 14209.74
        let sum = n("14206.91").plus(n("2.82")).unwrap();
        assert!(sum.meets(&n("14209.74")));
        assert!(!sum.meets(&n("14209.76")));
    }

    #[test]
    fn quotients_bound_every_unrounded_choice() {
        // 304.6 ÷ 800 ∈ [38.04, 38.11]%, so 39.77% cannot come from these inputs
        let hundred = Interval::exact(Decimal::ONE_HUNDRED);
        let r = n("304.6").over(n("800")).unwrap().times(hundred).unwrap();
        assert!(r.contains(d("38.0750")));
        assert!(!r.meets(&n("39.77%")));
        // 131.25 ÷ 145 = 90.52%, printed 91%
        let r = n("131.25").over(n("145")).unwrap().times(hundred).unwrap();
        assert!(r.meets(&n("91%")));
    }

    #[test]
    fn an_absolute_value_holds_every_magnitude_and_no_other() {
        // |2.05 − 2.95| ∈ [0.89, 0.91]; |2.05 − 2| ∈ [0, 0.555] (2 stands for 1.5 to 2.5);
        // |0.00 − 0.95| ∈ [0.94, 0.96]
        let gap = |a: &str, b: &str| n(a).minus(n(b)).unwrap().abs();
        assert_eq!(
            gap("2.05", "2.95"),
            Interval {
                lo: d("0.89"),
                hi: d("0.91")
            }
        );
        assert_eq!(
            gap("2.05", "2"),
            Interval {
                lo: d("0"),
                hi: d("0.555")
            }
        );
        assert_eq!(
            gap("0.00", "0.95"),
            Interval {
                lo: d("0.94"),
                hi: d("0.96")
            }
        );
    }

    #[test]
    fn a_divisor_that_may_be_zero_is_reported() {
        assert_eq!(n("5").over(n("0")), Err(ArithError::DivisorMayBeZero));
        assert_eq!(n("5").over(n("0.00")), Err(ArithError::DivisorMayBeZero));
    }

    #[test]
    fn overflow_is_an_error() {
        let big = Interval::exact(Decimal::MAX);
        assert_eq!(big.plus(big), Err(ArithError::Overflow));
        assert_eq!(big.times(big), Err(ArithError::Overflow));
        assert_eq!(big.root(3), Err(ArithError::Overflow));
    }

    #[test]
    fn a_root_is_exact_where_it_can_be_and_bounds_it_where_it_cannot() {
        let near = |x: &str, n: u32, root: &str| {
            let y = nth_root(d(x), n).unwrap_or_default();
            (y - d(root)).abs() < d("0.000000000000000000000001")
        };
        assert!(near("1024", 10, "2") && near("0.0081", 4, "0.3") && near("7", 1, "7"));
        assert_eq!(nth_root(d("0"), 5), Some(d("0")));
        assert_eq!(nth_root(d("-8"), 3), None);
        assert_eq!(nth_root(d("8"), 0), None);
        // √2 to every digit Decimal holds: its square is 2 to within a few of its last units
        let r = nth_root(d("2"), 2).unwrap_or_default();
        assert!(
            (r * r - d("2")).abs() < d("0.000000000000000000000001"),
            "{r}"
        );
        // (2468 ÷ 2007)^(1/5): the interval holds the exact root of every ratio in it and is
        // no wider than its ends' roots rounded outward at the 20th decimal
        let ratio = n("1.2297")
            .over(Interval::exact(d("1")))
            .unwrap_or(Interval::exact(d("0")));
        let root = ratio.root(5).unwrap_or(Interval::exact(d("0")));
        for end in [ratio.lo, ratio.hi] {
            let y = nth_root(end, 5).unwrap_or_default();
            assert!(root.contains(y), "{root:?} {y}");
        }
        // (the root's slope there is y ÷ 5x ≈ 0.1695, on a width of 0.0001)
        let width = root.hi - root.lo;
        assert!(
            d("0.00001694") < width && width < d("0.00001696"),
            "{root:?}"
        );
    }
}
