//! Interval arithmetic over exact decimals.
//!
//! A figure printed with d decimals stands for every value in ±½·10⁻ᵈ around it. Sums,
//! differences, products and quotients of such intervals bound every value the unrounded
//! inputs could produce, so a relation fails only when no choice of unrounded inputs gives
//! the printed result. There is no tolerance: the only widening is the outward rounding of
//! a quotient at its 20th decimal (`Decimal` division is itself rounded), which keeps the
//! bounds sound and is far below any printed precision.

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
            lo: self.lo.checked_add(o.lo).ok_or(ArithError::Overflow)?,
            hi: self.hi.checked_add(o.hi).ok_or(ArithError::Overflow)?,
        })
    }

    /// Interval difference.
    pub fn minus(self, o: Self) -> Result<Self, ArithError> {
        Ok(Interval {
            lo: self.lo.checked_sub(o.hi).ok_or(ArithError::Overflow)?,
            hi: self.hi.checked_sub(o.lo).ok_or(ArithError::Overflow)?,
        })
    }

    /// Interval product.
    pub fn times(self, o: Self) -> Result<Self, ArithError> {
        hull([
            self.lo.checked_mul(o.lo),
            self.lo.checked_mul(o.hi),
            self.hi.checked_mul(o.lo),
            self.hi.checked_mul(o.hi),
        ])
    }

    /// Interval quotient, rounded outward. Fails when the divisor's interval holds zero.
    pub fn over(self, o: Self) -> Result<Self, ArithError> {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return Err(ArithError::DivisorMayBeZero);
        }
        let q = hull([
            self.lo.checked_div(o.lo),
            self.lo.checked_div(o.hi),
            self.hi.checked_div(o.lo),
            self.hi.checked_div(o.hi),
        ])?;
        let ulp = half_ulp(QUOTIENT_DP) * Decimal::TWO;
        Ok(Interval {
            lo: q
                .lo
                .round_dp_with_strategy(QUOTIENT_DP, RoundingStrategy::ToNegativeInfinity)
                .checked_sub(ulp)
                .ok_or(ArithError::Overflow)?,
            hi: q
                .hi
                .round_dp_with_strategy(QUOTIENT_DP, RoundingStrategy::ToPositiveInfinity)
                .checked_add(ulp)
                .ok_or(ArithError::Overflow)?,
        })
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
    }
}
