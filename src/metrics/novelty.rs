//! Novel and repeated n-grams of a summary (SummEval's `DataStatsMetric`,
//! `summ_eval/data_stats_metric.py`): over the *sets* of n-grams, on the
//! tokens as given. [`MetricSet`](super::MetricSet) passes case-preserved
//! tokens, as the project's spec and conformance file define the metric;
//! SummEval's code (at e26bef9, default `case=False`) passes the lower-cased
//! tokens it matches fragments with.

use std::hash::Hash;

use rustc_hash::{FxHashMap, FxHashSet};

/// The largest N the metric names offer (`novel-1`…`novel-4`).
pub const MAX_N: usize = 4;

/// Novel and repeated n-gram shares of one summary, for one N.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NgramShares {
    /// Share of the summary's distinct n-grams absent from the source;
    /// `None` when the summary has no n-gram (fewer than N tokens).
    pub novel: Option<f64>,
    /// Share of the summary's distinct n-grams occurring more than once in
    /// it; `None` when the summary has no n-gram.
    pub repeated: Option<f64>,
}

/// `percentage_novel_{n}-gram` and `percentage_repeated_{n}-gram_in_summ`:
/// (|set(S_N)| − |set(S_N) ∩ set(A_N)|) / |set(S_N)| and
/// |{g ∈ set(S_N) : count(g) > 1}| / |set(S_N)|.
///
/// # Panics
/// If `n` is 0.
pub fn ngram_shares<T: Hash + Eq>(summary: &[T], source: &[T], n: usize) -> NgramShares {
    assert!(n > 0, "n-grams need n ≥ 1");
    let mut counts: FxHashMap<&[T], u64> = FxHashMap::default();
    for gram in summary.windows(n) {
        *counts.entry(gram).or_insert(0) += 1;
    }
    if counts.is_empty() {
        return NgramShares { novel: None, repeated: None };
    }
    let source: FxHashSet<&[T]> =
        if source.len() >= n { source.windows(n).collect() } else { FxHashSet::default() };
    let distinct = counts.len() as f64;
    let novel = counts.keys().filter(|gram| !source.contains(*gram)).count();
    let repeated = counts.values().filter(|&&count| count > 1).count();
    NgramShares { novel: Some(novel as f64 / distinct), repeated: Some(repeated as f64 / distinct) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_over_distinct_ngrams() {
        let summary = ["a", "b", "a", "b", "c"];
        let source = ["a", "b", "z"];
        let unigrams = ngram_shares(&summary, &source, 1);
        assert_eq!((unigrams.novel, unigrams.repeated), (Some(1.0 / 3.0), Some(2.0 / 3.0)));
        // Bigrams {ab, ba, bc}: ab in the source, ab repeated.
        let bigrams = ngram_shares(&summary, &source, 2);
        assert_eq!((bigrams.novel, bigrams.repeated), (Some(2.0 / 3.0), Some(1.0 / 3.0)));
    }

    #[test]
    fn undefined_without_an_ngram_and_case_sensitive() {
        assert_eq!(ngram_shares(&["a"], &["a"], 2), NgramShares { novel: None, repeated: None });
        assert_eq!(ngram_shares(&["A"], &["a"], 1).novel, Some(1.0));
    }
}
