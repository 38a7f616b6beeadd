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
/// the module documentation); every stream is `keyed_rng(seed, …)`. Rows are
/// worked through a batch at a time, in parallel across batches, so memory
/// holds the differences of a few batches, not of every row.
pub fn paired_rows(
    columns: &Columns,
    pairings: &[Pairing],
    seed: u64,
    intervals: Intervals,
) -> Vec<RowStatistics> {
    let common = match intervals {
        Intervals::Skip => None,
        Intervals::Common(key) => Some(CommonMeans::new(columns, pairings, seed, key)),
    };
    let mut batches: Vec<Vec<usize>> = Vec::new();
    for (row, pairing) in pairings.iter().enumerate() {
        match batches.iter_mut().find(|batch| pairings[batch[0]].batch == pairing.batch) {
            Some(batch) => batch.push(row),
            None => batches.push(vec![row]),
        }
    }
    let done: Vec<(usize, RowStatistics)> = batches
        .par_iter()
        .flat_map_iter(|batch| batch_rows(columns, pairings, batch, seed, common.as_ref()))
        .collect();
    let mut out: Vec<Option<RowStatistics>> = vec![None; pairings.len()];
    for (row, statistics) in done {
        out[row] = Some(statistics);
    }
    out.into_iter().map(|s| s.expect("every row is in a batch")).collect()
}

/// The statistics of the rows of one batch: rows over the same documents are
/// tested together, from the stream of the first of them.
fn batch_rows(
    columns: &Columns,
    pairings: &[Pairing],
    batch: &[usize],
    seed: u64,
    common: Option<&CommonMeans>,
) -> Vec<(usize, RowStatistics)> {
    let differences: Vec<Differences> = batch
        .iter()
        .map(|&row| differences(&columns.values[pairings[row].base], &columns.values[pairings[row].new]))
        .collect();
    let mut p_values = vec![1.0; batch.len()];
    let mut tested = vec![false; batch.len()];
    for first in 0..batch.len() {
        if tested[first] {
            continue;
        }
        let group: Vec<usize> = (first..batch.len())
            .filter(|&k| !tested[k] && differences[k].docs == differences[first].docs)
            .collect();
        let key: Vec<&str> = pairings[batch[first]].key.iter().copied().chain(["sign-flip"]).collect();
        let diffs: Vec<&[f64]> = group.iter().map(|&k| differences[k].diffs.as_slice()).collect();
        for (&k, p) in group.iter().zip(sign_flip_p_values(&diffs, &mut keyed_rng(seed, &key))) {
            p_values[k] = p;
            tested[k] = true;
        }
    }
    batch
        .iter()
        .zip(differences)
        .zip(p_values)
        .map(|((&row, d), p_value)| {
            let pairing = &pairings[row];
            let (b, n) = (&columns.values[pairing.base], &columns.values[pairing.new]);
            let interval = common.and_then(|common| common.interval(pairing, &d, seed));
            let only = |from: &[f64], other: &[f64]| -> Vec<usize> {
                (0..from.len()).filter(|&doc| !from[doc].is_nan() && other[doc].is_nan()).collect()
            };
            let base: Vec<f64> = d.docs.iter().map(|&doc| b[doc]).collect();
            let new: Vec<f64> = d.docs.iter().map(|&doc| n[doc]).collect();
            let statistics = RowStatistics {
                n_shared: d.docs.len(),
                base_mean: mean(&base),
                new_mean: mean(&new),
                delta: mean(&d.diffs),
                interval,
                p_value,
                only_base: only(b, n),
                only_new: only(n, b),
            };
            (row, statistics)
        })
        .collect()
}

/// The documents both columns scored, and `new − base` on each.
fn differences(base: &[f64], new: &[f64]) -> Differences {
    let docs: Vec<usize> = (0..base.len()).filter(|&d| !base[d].is_nan() && !new[d].is_nan()).collect();
    let diffs = docs.iter().map(|&d| new[d] - base[d]).collect();
    Differences { docs, diffs }
}

/// The resampled means of the columns scored on every document, from the
/// corpus's common resamples (`RESAMPLES` means a column).
struct CommonMeans {
    /// Columns with resampled means, and their means.
    columns: Vec<usize>,
    means: Vec<Vec<f64>>,
}

impl CommonMeans {
    /// The common resamples, drawn from `keyed_rng(seed, key)`, of every
    /// column of a row whose two columns scored every document.
    fn new(columns: &Columns, pairings: &[Pairing], seed: u64, key: &[&str]) -> Self {
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
        CommonMeans { columns: shared, means }
    }

    /// A row's interval of its mean difference: from the common resamples
    /// where both its columns have them, else from the row's own resamples of
    /// `d`; `None` when it shares no document.
    fn interval(&self, pairing: &Pairing, d: &Differences, seed: u64) -> Option<Interval> {
        if d.diffs.is_empty() {
            return None;
        }
        let means_of = |c: usize| self.columns.iter().position(|&s| s == c).map(|i| &self.means[i]);
        Some(match (means_of(pairing.base), means_of(pairing.new)) {
            (Some(base), Some(new)) => {
                percentile_interval(new.iter().zip(base).map(|(n, b)| n - b).collect(), CONFIDENCE)
            }
            _ => {
                let key: Vec<&str> = pairing.key.iter().copied().chain(["delta-ci"]).collect();
                mean_interval(&d.diffs, RESAMPLES, CONFIDENCE, &mut keyed_rng(seed, &key))
            }
        })
    }
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
