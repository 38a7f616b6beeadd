//! The permutation test of "metric A and metric B correlate equally well with a
//! judgment" (SacreROUGE's `permutation_diff_test` with `permute_both`;
//! Deutsch, Dror & Roth 2021).
//!
//! Owns: standardizing the two metrics, swapping their scores per cell, and the
//! p-value. Multiple-test correction is [`crate::report::stats::holm`]'s.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::correlation::Coefficient;
use super::levels::{Level, correlate};

/// Permutations drawn per test unless asked otherwise (SacreROUGE's default).
pub const PERMUTATIONS: usize = 1_000;

/// Two permuted deltas closer than this count as equal to the observed one,
/// so rounding in the last bits never decides a hit.
const TIE_TOLERANCE: f64 = 1e-12;

/// The outcome of one test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PermutationOutcome {
    /// Correlation of metric A with the judgment.
    pub r_a: f64,
    /// Correlation of metric B with the judgment.
    pub r_b: f64,
    /// `r_a − r_b`.
    pub delta: f64,
    /// Two-sided p-value; `NaN` when `delta` is undefined.
    pub p_value: f64,
    /// Permutations whose delta was defined (the p-value's denominator − 1).
    pub permutations: usize,
}

/// `(v − mean) / sd` over the present (non-`NaN`) values, with the population
/// standard deviation (NumPy's `nanstd`), as SacreROUGE's `standardize`. A
/// constant input gives `NaN` everywhere.
pub fn standardize(values: &[f64]) -> Vec<f64> {
    let present: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    let n = present.len() as f64;
    let mean = present.iter().sum::<f64>() / n;
    let sd = (present.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n).sqrt();
    values.iter().map(|v| (v - mean) / sd).collect()
}

/// The two-sided permutation test of `r(a, z) = r(b, z)` at `level`.
///
/// `a`, `b` and `z` are row-major matrices `width` documents wide with the
/// same missing (`NaN`) cells. Each metric is first standardized over its
/// present cells ([`standardize`]) so that swapping compares like with like;
/// this leaves every level's correlation unchanged (an increasing affine map).
/// Each of `permutations` rounds swaps A's and B's scores in every cell with
/// probability ½ independently (one bit of `rng` per cell, in row-major
/// order) and recomputes `δ = r(A′, z) − r(B′, z)`. With `h` the rounds where
/// `|δ| ≥ |δ_observed| − 1e-12` among the `k` rounds where δ is defined,
/// `p = (h + 1) / (k + 1)` (the observed assignment counts as one).
#[allow(clippy::too_many_arguments)]
pub fn permutation_test(
    level: Level,
    coefficient: Coefficient,
    a: &[f64],
    b: &[f64],
    z: &[f64],
    width: usize,
    permutations: usize,
    rng: &mut ChaCha8Rng,
) -> PermutationOutcome {
    let rows: Vec<usize> = (0..a.len().checked_div(width).unwrap_or(0)).collect();
    let cols: Vec<usize> = (0..width).collect();
    let r = |x: &[f64]| correlate(level, coefficient, x, z, width, &rows, &cols).value;
    let (r_a, r_b) = (r(a), r(b));
    let delta = r_a - r_b;
    let mut outcome = PermutationOutcome { r_a, r_b, delta, p_value: f64::NAN, permutations: 0 };
    if delta.is_nan() {
        return outcome;
    }
    let (a, b) = (standardize(a), standardize(b));
    let observed = (r(&a) - r(&b)).abs();
    if observed.is_nan() {
        return outcome;
    }
    let (mut a_p, mut b_p) = (a.clone(), b.clone());
    let (mut hits, mut defined) = (0usize, 0usize);
    for _ in 0..permutations {
        let mut bits = 0u64;
        for i in 0..a.len() {
            if i % 64 == 0 {
                bits = rng.next_u64();
            }
            let swap = bits & 1 == 1;
            bits >>= 1;
            (a_p[i], b_p[i]) = if swap { (b[i], a[i]) } else { (a[i], b[i]) };
        }
        let permuted = r(&a_p) - r(&b_p);
        if permuted.is_nan() {
            continue;
        }
        defined += 1;
        if permuted.abs() >= observed - TIE_TOLERANCE {
            hits += 1;
        }
    }
    outcome.p_value = (hits + 1) as f64 / (defined + 1) as f64;
    outcome.permutations = defined;
    outcome
}
