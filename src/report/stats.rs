//! Small descriptive statistics and the Holm multiple-comparison correction.
//!
//! Owns: pure functions over `f64` slices. Never draws random numbers (see
//! [`super::bootstrap`] and [`super::permutation`]) and never formats output.

/// Arithmetic mean of `values`, summed left to right; `NaN` for an empty slice.
pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// The `q`-quantile (`q` in [0, 1]) of an ascending `sorted` slice, by linear
/// interpolation between the two nearest order statistics: with `h = (n - 1) q`,
/// `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])`. This is the default method of
/// NumPy's `percentile` (Hyndman & Fan type 7). `NaN` for an empty slice.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let h = (sorted.len() - 1) as f64 * q.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// [`quantile_sorted`] of `values` in any order, without sorting them: the
/// two order statistics it interpolates are found by selection (the slice is
/// reordered). `NaN` for an empty slice.
pub fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let h = (values.len() - 1) as f64 * q.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let (_, &mut low, above) = values.select_nth_unstable_by(lo, f64::total_cmp);
    let high = above.iter().copied().min_by(f64::total_cmp).unwrap_or(low);
    low + (h - lo as f64) * (high - low)
}

/// Holm's step-down adjusted p-values (Holm 1979), in the order of `p_values`.
///
/// With the p-values sorted ascending as `p(1) ≤ … ≤ p(m)`, the adjusted value of
/// `p(i)` is `max_{j ≤ i} min(1, (m − j + 1) p(j))`. Rejecting every hypothesis whose
/// adjusted p-value is below α controls the family-wise error rate at α under any
/// dependence between the tests. Ties keep their input order.
pub fn holm(p_values: &[f64]) -> Vec<f64> {
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]));
    let mut adjusted = vec![0.0; m];
    let mut running_max: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        let scaled = ((m - rank) as f64 * p_values[i]).min(1.0);
        running_max = running_max.max(scaled);
        adjusted[i] = running_max;
    }
    adjusted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_of_hand_values() {
        assert_eq!(mean(&[1.0, 2.0, 3.0, 6.0]), 3.0);
        assert!(mean(&[]).is_nan());
    }

    #[test]
    fn quantile_matches_numpy_linear_by_hand() {
        // numpy.percentile([1, 2, 3, 4], 25): h = 3 * 0.25 = 0.75 -> 1 + 0.75 * (2 - 1) = 1.75.
        let x = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile_sorted(&x, 0.25), 1.75);
        // 50th: h = 1.5 -> 2.5; 0th and 100th are the extremes.
        assert_eq!(quantile_sorted(&x, 0.5), 2.5);
        assert_eq!(quantile_sorted(&x, 0.0), 1.0);
        assert_eq!(quantile_sorted(&x, 1.0), 4.0);
        // 1000 values 0..999, q = 0.025: h = 999 * 0.025 = 24.975 -> 24.975.
        let big: Vec<f64> = (0..1000).map(f64::from).collect();
        assert!((quantile_sorted(&big, 0.025) - 24.975).abs() < 1e-12);
        assert!((quantile_sorted(&big, 0.975) - 974.025).abs() < 1e-9);
        assert_eq!(quantile_sorted(&[7.0], 0.3), 7.0);
    }

    #[test]
    fn holm_on_hand_checked_p_values() {
        // Sorted: 0.005 (x4 = 0.02), 0.01 (x3 = 0.03), 0.03 (x2 = 0.06), 0.04 (x1 = 0.04,
        // raised to the running max 0.06).
        let adjusted = holm(&[0.01, 0.04, 0.03, 0.005]);
        let expected = [0.03, 0.06, 0.06, 0.02];
        for (a, e) in adjusted.iter().zip(expected) {
            assert!((a - e).abs() < 1e-12, "{adjusted:?}");
        }
    }

    #[test]
    fn holm_caps_at_one_and_keeps_single_test() {
        assert_eq!(holm(&[0.6, 0.7]), vec![1.0, 1.0]);
        assert_eq!(holm(&[0.2]), vec![0.2]);
        assert!(holm(&[]).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn quantile_by_selection_equals_quantile_of_the_sorted(
            values in proptest::collection::vec(-1.0..1.0f64, 1..300),
            q in 0.0..=1.0f64,
        ) {
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let mut shuffled = values.clone();
            proptest::prop_assert_eq!(quantile(&mut shuffled, q).to_bits(), quantile_sorted(&sorted, q).to_bits());
        }

        #[test]
        fn holm_is_bounded_and_keeps_the_order_of_raw_p_values(p in proptest::collection::vec(0.0..=1.0f64, 0..20)) {
            let adjusted = holm(&p);
            for (raw, adj) in p.iter().zip(&adjusted) {
                proptest::prop_assert!(*adj >= *raw && *adj <= 1.0);
            }
            for i in 0..p.len() {
                for j in 0..p.len() {
                    if p[i] < p[j] {
                        proptest::prop_assert!(adjusted[i] <= adjusted[j]);
                    }
                }
            }
        }
    }
}
