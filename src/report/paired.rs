//! The statistics of paired rows over one corpus's score columns, for
//! [`super::compare`]: each row pairs two columns (F per document) and gets the
//! means over the documents both scored, the mean difference, its bootstrap
//! interval and the sign-flip p-value.
//!
//! Owns: pairing documents, the shared bootstrap resamples and the batching of
//! the sign-flip tests. Never corrects for multiple tests or decides verdicts.
//!
//! Two things make many rows cheap:
//! - **Intervals from common resamples.** Columns scored on every document of
//!   the corpus share one set of bootstrap resamples (one stream per corpus),
//!   so one pass over the documents gives every column's resampled means and a
//!   row's interval is the percentile interval of the differences of its two
//!   columns' means ([`common_resample_means`]). A row whose columns miss some
//!   document resamples its own differences from its own stream.
//! - **Batched tests.** Rows with the same batch key (the metrics of one pair
//!   of summarizers) whose differences cover the same documents share their
//!   random sign assignments ([`sign_flip_p_values`]), drawn from the stream of
//!   the batch's first row.

use rayon::prelude::*;

use super::bootstrap::{
    CONFIDENCE, Interval, RESAMPLES, common_resample_means, keyed_rng, mean_interval, percentile_interval,
};
use super::permutation::sign_flip_p_values;
use super::stats::mean;

/// One corpus's scores as columns over its documents, sorted by id.
#[derive(Debug, Clone)]
pub struct Columns<'a> {
    /// The documents, sorted by id: the order of every column.
    pub doc_ids: Vec<&'a str>,
    /// F per document of each column; `NaN` where the column has no score.
    pub values: Vec<Vec<f64>>,
}

/// One row to test: column `new` against column `base`.
#[derive(Debug, Clone)]
pub struct Pairing<'a> {
    /// The base side's column.
    pub base: usize,
    /// The new side's column.
    pub new: usize,
    /// The row's key: its own streams are `key + "delta-ci"` and `key + "sign-flip"`.
    pub key: Vec<&'a str>,
    /// Rows with equal batch keys share their sign assignments where they can.
    pub batch: Vec<&'a str>,
}

/// The statistics of one row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowStatistics {
    /// Documents both columns scored.
    pub n_shared: usize,
    /// Mean F of the base column over them.
    pub base_mean: f64,
    /// Mean F of the new column over them.
    pub new_mean: f64,
    /// Mean of the differences new − base.
    pub delta: f64,
    /// The 95% percentile bootstrap interval of `delta`, if asked for.
    pub interval: Option<Interval>,
    /// Two-sided sign-flip p-value (1 when nothing is shared).
    pub p_value: f64,
    /// Documents (indices into [`Columns::doc_ids`]) only the base column scored.
    pub only_base: Vec<usize>,
    /// Documents only the new column scored.
    pub only_new: Vec<usize>,
}

/// Whether intervals are computed, and the key of the corpus's common resamples.
#[derive(Debug, Clone, Copy)]
pub enum Intervals<'a> {
    /// No intervals (the report's significance groups need only the tests).
    Skip,
    /// Intervals, the common resamples drawn from `keyed_rng(seed, key)`.
    Common(&'a [&'a str]),
}

/// Per row: the differences in document order and the documents they cover.
struct Differences {
    docs: Vec<usize>,
    diffs: Vec<f64>,
}

/// The statistics of every row of `pairings` over `columns`, in order (see
/// the module documentation); every stream is `keyed_rng(seed, …)`.
pub fn paired_rows(
    columns: &Columns,
    pairings: &[Pairing],
    seed: u64,
    intervals: Intervals,
) -> Vec<RowStatistics> {
    let differences: Vec<Differences> =
        pairings.iter().map(|p| differences(&columns.values[p.base], &columns.values[p.new])).collect();
    let p_values = p_values(pairings, &differences, seed);
    let intervals = match intervals {
        Intervals::Skip => vec![None; pairings.len()],
        Intervals::Common(key) => delta_intervals(columns, pairings, &differences, seed, key),
    };
    pairings
        .iter()
        .zip(differences)
        .zip(p_values.into_iter().zip(intervals))
        .map(|((pairing, d), (p_value, interval))| {
            let base: Vec<f64> = d.docs.iter().map(|&doc| columns.values[pairing.base][doc]).collect();
            let new: Vec<f64> = d.docs.iter().map(|&doc| columns.values[pairing.new][doc]).collect();
            let only = |from: &[f64], other: &[f64]| -> Vec<usize> {
                (0..from.len()).filter(|&doc| !from[doc].is_nan() && other[doc].is_nan()).collect()
            };
            let (b, n) = (&columns.values[pairing.base], &columns.values[pairing.new]);
            RowStatistics {
                n_shared: d.docs.len(),
                base_mean: mean(&base),
                new_mean: mean(&new),
                delta: mean(&d.diffs),
                interval,
                p_value,
                only_base: only(b, n),
                only_new: only(n, b),
            }
        })
        .collect()
}

/// The documents both columns scored, and `new − base` on each.
fn differences(base: &[f64], new: &[f64]) -> Differences {
    let docs: Vec<usize> = (0..base.len()).filter(|&d| !base[d].is_nan() && !new[d].is_nan()).collect();
    let diffs = docs.iter().map(|&d| new[d] - base[d]).collect();
    Differences { docs, diffs }
}

/// Each row's p-value: rows of one batch over the same documents are tested
/// together, in parallel across batches.
fn p_values(pairings: &[Pairing], differences: &[Differences], seed: u64) -> Vec<f64> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (row, pairing) in pairings.iter().enumerate() {
        let same = groups.iter_mut().find(|group| {
            let first = group[0];
            pairings[first].batch == pairing.batch && differences[first].docs == differences[row].docs
        });
        match same {
            Some(group) => group.push(row),
            None => groups.push(vec![row]),
        }
    }
    let tested: Vec<(usize, f64)> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let key: Vec<&str> = pairings[group[0]].key.iter().copied().chain(["sign-flip"]).collect();
            let columns: Vec<&[f64]> = group.iter().map(|&row| differences[row].diffs.as_slice()).collect();
            let p = sign_flip_p_values(&columns, &mut keyed_rng(seed, &key));
            group.iter().copied().zip(p).collect::<Vec<_>>()
        })
        .collect();
    let mut out = vec![1.0; pairings.len()];
    for (row, p) in tested {
        out[row] = p;
    }
    out
}

/// Each row's interval of the mean difference: from the corpus's common
/// resamples where both columns scored every document, else from the row's own.
fn delta_intervals(
    columns: &Columns,
    pairings: &[Pairing],
    differences: &[Differences],
    seed: u64,
    key: &[&str],
) -> Vec<Option<Interval>> {
    let n = columns.doc_ids.len();
    let complete = |c: usize| n > 0 && columns.values[c].iter().all(|f| !f.is_nan());
    let mut shared: Vec<usize> = Vec::new();
    for pairing in pairings {
        if complete(pairing.base) && complete(pairing.new) {
            for c in [pairing.base, pairing.new] {
                if !shared.contains(&c) {
                    shared.push(c);
                }
            }
        }
    }
    let inputs: Vec<&[f64]> = shared.iter().map(|&c| columns.values[c].as_slice()).collect();
    let means = match inputs.is_empty() {
        true => Vec::new(),
        false => common_resample_means(&inputs, RESAMPLES, &mut keyed_rng(seed, key)),
    };
    let means_of = |c: usize| shared.iter().position(|&s| s == c).map(|i| &means[i]);
    pairings
        .par_iter()
        .zip(differences)
        .map(|(pairing, d)| {
            if d.diffs.is_empty() {
                return None;
            }
            Some(match (means_of(pairing.base), means_of(pairing.new)) {
                (Some(base), Some(new)) => {
                    percentile_interval(new.iter().zip(base).map(|(n, b)| n - b).collect(), CONFIDENCE)
                }
                _ => {
                    let key: Vec<&str> = pairing.key.iter().copied().chain(["delta-ci"]).collect();
                    mean_interval(&d.diffs, RESAMPLES, CONFIDENCE, &mut keyed_rng(seed, &key))
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::permutation::sign_flip_p_value;

    fn pairing<'a>(base: usize, new: usize, key: &[&'a str], batch: &[&'a str]) -> Pairing<'a> {
        Pairing { base, new, key: key.to_vec(), batch: batch.to_vec() }
    }

    #[test]
    fn means_gaps_and_shared_documents_by_hand() {
        // Documents a, b, c. Column 0 scored a (0.2) and b (0.4); column 1 scored b (0.7) and
        // c (0.1). Shared: b only: delta 0.7 − 0.4 = 0.3; only base: a; only new: c.
        let columns = Columns {
            doc_ids: vec!["a", "b", "c"],
            values: vec![vec![0.2, 0.4, f64::NAN], vec![f64::NAN, 0.7, 0.1]],
        };
        let rows = paired_rows(&columns, &[pairing(0, 1, &["k"], &["k"])], 0, Intervals::Common(&["ci"]));
        let r = &rows[0];
        assert_eq!((r.n_shared, r.only_base.clone(), r.only_new.clone()), (1, vec![0], vec![2]));
        assert!((r.delta - 0.3).abs() < 1e-15 && (r.base_mean - 0.4).abs() < 1e-15);
        // One document: both sign assignments reach |0.3|, p = 1; one resampled value.
        assert_eq!(r.p_value, 1.0);
        let interval = r.interval.unwrap();
        assert!((interval.low - 0.3).abs() < 1e-15 && (interval.high - 0.3).abs() < 1e-15);
    }

    #[test]
    fn batched_rows_get_the_p_values_of_their_first_rows_stream() {
        // Two metrics of one pair over 30 documents: tested together, each row's p-value is
        // what it would get alone from the stream of the batch's first row.
        let base: Vec<f64> = (0..30).map(|i| f64::from(i % 7) / 10.0).collect();
        let new_1: Vec<f64> =
            base.iter().enumerate().map(|(i, b)| b + if i % 3 == 0 { 0.05 } else { -0.01 }).collect();
        let new_2: Vec<f64> =
            base.iter().enumerate().map(|(i, b)| b + if i % 2 == 0 { 0.02 } else { -0.015 }).collect();
        let doc_ids: Vec<String> = (0..30).map(|i| format!("d{i:02}")).collect();
        let columns = Columns {
            doc_ids: doc_ids.iter().map(String::as_str).collect(),
            values: vec![base.clone(), new_1.clone(), base.clone(), new_2.clone()],
        };
        let rows = paired_rows(
            &columns,
            &[pairing(0, 1, &["first"], &["pair"]), pairing(2, 3, &["second"], &["pair"])],
            9,
            Intervals::Skip,
        );
        let diffs = |new: &[f64]| -> Vec<f64> { new.iter().zip(&base).map(|(n, b)| n - b).collect() };
        for (row, new) in rows.iter().zip([&new_1, &new_2]) {
            let alone = sign_flip_p_value(&diffs(new), &mut keyed_rng(9, &["first", "sign-flip"]));
            assert_eq!(row.p_value, alone);
            assert_eq!(row.interval, None);
        }
    }

    #[test]
    fn common_and_own_resamples_agree_in_distribution() {
        // 40 documents, the new column 0.1 above the base on every one: every resampled mean
        // difference is exactly 0.1 (up to rounding), whichever resamples are drawn.
        let base: Vec<f64> = (0..40).map(|i| f64::from(i) / 50.0).collect();
        let new: Vec<f64> = base.iter().map(|b| b + 0.1).collect();
        let mut with_gap = new.clone();
        with_gap[3] = f64::NAN;
        let doc_ids: Vec<String> = (0..40).map(|i| format!("d{i:02}")).collect();
        let columns = Columns {
            doc_ids: doc_ids.iter().map(String::as_str).collect(),
            values: vec![base, new, with_gap],
        };
        let rows = paired_rows(
            &columns,
            &[pairing(0, 1, &["common"], &["a"]), pairing(0, 2, &["own"], &["b"])],
            1,
            Intervals::Common(&["ci"]),
        );
        for row in &rows {
            let i = row.interval.unwrap();
            assert!((i.low - 0.1).abs() < 1e-12 && (i.high - 0.1).abs() < 1e-12, "{i:?}");
        }
        assert_eq!((rows[0].n_shared, rows[1].n_shared), (40, 39));
    }
}
