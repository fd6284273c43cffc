//! Coordinates written into the page with one decimal.
//!
//! Each view exposes the points a pointer can hit (`data-hit-targets` and its kin: CSS px, one decimal)
//! for automation and tests, written again at every layout: up to hundreds of points, with zooming
//! at every frame. Rust writes `{:.1}` through its exact decimal conversion of the float; [`Tenths`]
//! writes the same digits from the value rounded to an integer number of tenths, in about half the
//! time in a cold load (the timeline's targets of 10,000 events: 0.5 against 0.9 ms).

use std::fmt;

/// `self.0` written with one decimal: `12.34` as `12.3`, `-0.26` as `-0.3`. It differs from `{:.1}` only
/// for a value within a rounding error of halfway between two tenths (such as `0.15`, which `{:.1}`
/// writes `0.1` since the float is a little below it, and this `0.2`) and for one that rounds to minus
/// zero (written `0.0`): a hundredth of a pixel either way. Values of a hundred trillion and over, and
/// values that are not finite, are written by `{:.1}`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tenths(pub f64);

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = (self.0 * 10.0).round();
        if !tenths.is_finite() || tenths.abs() >= 1e15 {
            return write!(f, "{:.1}", self.0);
        }
        // Exact: an integer below 2^53 in magnitude, so every one is a float.
        let t = tenths as i64;
        let sign = if t < 0 { "-" } else { "" };
        let a = t.unsigned_abs();
        write!(f, "{sign}{}.{}", a / 10, a % 10)
    }
}
