//! The paired sign-flip permutation test used by `compare`.
//!
//! Owns: the two-sided test of "the mean paired difference is zero". Never
//! decides verdicts or corrects for multiple tests (see [`super::compare`] and
//! [`super::stats::holm`]).

use rand::Rng;

/// Random sign assignments drawn when the exact test would need more.
pub const PERMUTATIONS: usize = 10_000;

/// Two-sided p-value of the paired sign-flip permutation test on `diffs`
/// (one difference per document, new − base).
///
/// Under the null hypothesis each document's difference is as likely to have
/// the opposite sign, so the statistic `|Σ dᵢ|` is compared with its value under
/// sign flips. When `2ⁿ ≤ permutations` every one of the `2ⁿ` assignments is
/// enumerated and the p-value is exact: the share of assignments with
/// `|Σ ±dᵢ| ≥ |Σ dᵢ|`. Otherwise `permutations` assignments are drawn uniformly
/// from `rng` and `p = (1 + hits) / (1 + permutations)` (the Monte Carlo estimate
/// that never reports 0; Phipson & Smyth 2010). Sums within `1e-9 · Σ|dᵢ|` of
/// the observed one count as ties (hits), so rounding never breaks symmetry.
/// An empty input, or one whose differences are all zero, gives `p = 1`.
pub fn sign_flip_p_value<R: Rng>(diffs: &[f64], permutations: usize, rng: &mut R) -> f64 {
    let n = diffs.len();
    let scale: f64 = diffs.iter().map(|d| d.abs()).sum();
    if n == 0 || scale == 0.0 {
        return 1.0;
    }
    let observed: f64 = diffs.iter().sum();
    let threshold = observed.abs() - 1e-9 * scale;
    let flipped_sum = |signs: &mut dyn FnMut(usize) -> bool| -> f64 {
        diffs.iter().enumerate().map(|(i, &d)| if signs(i) { -d } else { d }).sum()
    };
    if n < 64 && (1u64 << n) <= permutations as u64 {
        let total = 1u64 << n;
        let hits =
            (0..total).filter(|&mask| flipped_sum(&mut |i| mask >> i & 1 == 1).abs() >= threshold).count();
        return hits as f64 / total as f64;
    }
    let words = n.div_ceil(64);
    let mut bits = vec![0u64; words];
    let mut hits = 0usize;
    for _ in 0..permutations {
        for word in bits.iter_mut() {
            *word = rng.next_u64();
        }
        if flipped_sum(&mut |i| bits[i / 64] >> (i % 64) & 1 == 1).abs() >= threshold {
            hits += 1;
        }
    }
    (1 + hits) as f64 / (1 + permutations) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::bootstrap::keyed_rng;

    fn p(diffs: &[f64]) -> f64 {
        sign_flip_p_value(diffs, PERMUTATIONS, &mut keyed_rng(0, &["test"]))
    }

    #[test]
    fn four_documents_all_improve_by_hand() {
        // d = (0.1, 0.2, 0.3, 0.4), Σ = 1.0. Of the 16 sign assignments only all-plus
        // (+1.0) and all-minus (−1.0) reach |Σ| ≥ 1.0: p = 2/16.
        assert_eq!(p(&[0.1, 0.2, 0.3, 0.4]), 0.125);
    }

    #[test]
    fn four_documents_mixed_signs_by_hand() {
        // d = (0.1, −0.2, 0.3, 0.4), |Σ| = 0.6. The sums ±0.1 ±0.2 ±0.3 ±0.4 come in ± pairs;
        // with +0.4 fixed the eight are 1.0, 0.8 (−0.1), 0.6 (−0.2), 0.4 (−0.3), 0.4 (−0.1 −0.2),
        // 0.2 (−0.1 −0.3), 0.0 (−0.2 −0.3), −0.2 (−0.1 −0.2 −0.3). |Σ| ≥ 0.6: 1.0, 0.8, 0.6
        // and their mirror images = 6 of 16.
        assert_eq!(p(&[0.1, -0.2, 0.3, 0.4]), 0.375);
    }

    #[test]
    fn no_difference_gives_one() {
        assert_eq!(p(&[0.0; 30]), 1.0);
        assert_eq!(p(&[]), 1.0);
    }

    #[test]
    fn single_document_is_never_significant() {
        // Two assignments, both reach |d|: p = 1.
        assert_eq!(p(&[0.3]), 1.0);
    }

    #[test]
    fn monte_carlo_on_a_clear_shift_hits_the_floor() {
        // 30 documents all improving: the exact p would be 2 / 2^30; sampling 10,000
        // assignments almost surely finds no other hit, so p = 1 / 10,001.
        let diffs: Vec<f64> = (0..30).map(|i| 0.05 + f64::from(i % 3) * 0.01).collect();
        assert_eq!(p(&diffs), 1.0 / 10_001.0);
    }

    #[test]
    fn balanced_differences_give_one_by_monte_carlo() {
        // 20 differences alternating ±0.1: Σ = 0, so every drawn assignment is a hit and
        // p = (1 + 10000) / (1 + 10000) = 1.
        let diffs: Vec<f64> = (0..20).map(|i| if i % 2 == 0 { 0.1 } else { -0.1 }).collect();
        assert_eq!(p(&diffs), 1.0);
    }

    #[test]
    fn monte_carlo_estimate_is_close_to_the_exact_count() {
        // 14 unit differences, 12 positive and 2 negative: |Σ| = 10. 2^14 = 16,384 > 10,000,
        // so the test samples. Exactly: |Σ ±1| = |14 − 2k| ≥ 10 iff k ≤ 2 or k ≥ 12 flips:
        // 2 (C(14,0) + C(14,1) + C(14,2)) = 2 (1 + 14 + 91) = 212 of 16,384 = 0.012939.
        // The estimate's standard error is sqrt(p (1 − p) / 10,000) = 0.00113; allow 3.5 of them.
        let mut diffs = vec![1.0; 14];
        diffs[3] = -1.0;
        diffs[9] = -1.0;
        let estimate = p(&diffs);
        assert!((estimate - 212.0 / 16384.0).abs() < 0.004, "{estimate}");
    }

    proptest::proptest! {
        #[test]
        fn p_is_a_probability_and_ignores_the_global_sign(d in proptest::collection::vec(-1.0..1.0f64, 0..12)) {
            let p_plus = p(&d);
            let negated: Vec<f64> = d.iter().map(|x| -x).collect();
            proptest::prop_assert!(p_plus > 0.0 && p_plus <= 1.0);
            // Up to 11 documents the test is exact, so negating every difference gives the
            // same set of flipped sums and the same p-value.
            proptest::prop_assert_eq!(p_plus, p(&negated));
        }
    }
}
