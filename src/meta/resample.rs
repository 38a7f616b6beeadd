//! Percentile bootstrap confidence intervals of a level correlation,
//! resampling systems, documents or both (Deutsch, Dror & Roth 2021;
//! SacreROUGE's `bootstrap_system_sample`, `bootstrap_input_sample` and
//! `bootstrap_both_sample`).
//!
//! Owns: drawing the resampled rows and columns. The correlation itself is
//! [`super::levels::correlate`]'s; the quantiles are
//! [`crate::report::stats::quantile_sorted`]'s (NumPy's default `percentile`).

use rand::distr::{Distribution, Uniform};
use rand_chacha::ChaCha8Rng;

use super::correlation::Coefficient;
use super::levels::{Level, correlate};
use crate::report::bootstrap::Interval;
use crate::report::stats::quantile_sorted;

/// What the bootstrap draws with replacement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Resample {
    /// The systems (rows); every document is kept.
    Systems,
    /// The documents (columns); every system is kept.
    Documents,
    /// Both, independently: the sample is the resampled systems' scores on
    /// the resampled documents (the default; Deutsch et al. recommend it).
    #[default]
    Both,
}

impl Resample {
    /// The name on the command line: `systems`, `documents` or `both`.
    pub fn name(self) -> &'static str {
        match self {
            Resample::Systems => "systems",
            Resample::Documents => "documents",
            Resample::Both => "both",
        }
    }
}

/// The percentile bootstrap interval of the `level` correlation of `x` and `z`
/// (row-major, `rows × width`, `NaN` where missing; see [`correlate`]).
///
/// Draws `samples` resamples from `rng` (per sample: the rows, then the
/// columns, each `n` uniform indices with replacement, when `resample` draws
/// them; the others kept whole), recomputes the correlation, leaves out the
/// samples where it is undefined (as SacreROUGE does), and returns the
/// `(1 − c)/2` and `(1 + c)/2` quantiles of the rest (`c` = `confidence`),
/// interpolated linearly. `NaN` bounds when no sample is defined.
#[allow(clippy::too_many_arguments)]
pub fn bootstrap_interval(
    level: Level,
    coefficient: Coefficient,
    x: &[f64],
    z: &[f64],
    rows: usize,
    width: usize,
    resample: Resample,
    samples: usize,
    confidence: f64,
    rng: &mut ChaCha8Rng,
) -> Interval {
    let none = Interval { low: f64::NAN, high: f64::NAN };
    if rows == 0 || width == 0 {
        return none;
    }
    let all_rows: Vec<usize> = (0..rows).collect();
    let all_cols: Vec<usize> = (0..width).collect();
    let row_index = Uniform::new(0, rows).expect("rows > 0");
    let col_index = Uniform::new(0, width).expect("width > 0");
    let (draw_rows, draw_cols) = match resample {
        Resample::Systems => (true, false),
        Resample::Documents => (false, true),
        Resample::Both => (true, true),
    };
    let (mut sample_rows, mut sample_cols) = (all_rows.clone(), all_cols.clone());
    let mut values = Vec::with_capacity(samples);
    for _ in 0..samples {
        if draw_rows {
            sample_rows.iter_mut().for_each(|r| *r = row_index.sample(rng));
        }
        if draw_cols {
            sample_cols.iter_mut().for_each(|c| *c = col_index.sample(rng));
        }
        let value = correlate(level, coefficient, x, z, width, &sample_rows, &sample_cols).value;
        if !value.is_nan() {
            values.push(value);
        }
    }
    if values.is_empty() {
        return none;
    }
    values.sort_by(f64::total_cmp);
    let tail = (1.0 - confidence) / 2.0;
    Interval { low: quantile_sorted(&values, tail), high: quantile_sorted(&values, 1.0 - tail) }
}
