//! The three correlation coefficients of the meta-evaluation, with scipy's
//! definitions: Pearson's r (`scipy.stats.pearsonr`), Spearman's ρ with average
//! ranks for ties (`spearmanr`) and Kendall's τ-b (`kendalltau`, its default
//! variant).
//!
//! Owns: pure functions over two equally long `f64` slices. An undefined
//! coefficient (fewer than two values, or a constant input) is `NaN`, as scipy
//! returns it. Never resamples or reads files.

/// A correlation coefficient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Coefficient {
    /// Pearson's linear correlation r.
    Pearson,
    /// Spearman's rank correlation ρ (Pearson's r of the average ranks).
    Spearman,
    /// Kendall's τ-b (ties in either input adjust the denominator).
    Kendall,
}

impl Coefficient {
    /// Every coefficient, in report order.
    pub const ALL: [Coefficient; 3] = [Coefficient::Pearson, Coefficient::Spearman, Coefficient::Kendall];

    /// The name in `meta.csv`: `pearson`, `spearman` or `kendall`.
    pub fn name(self) -> &'static str {
        match self {
            Coefficient::Pearson => "pearson",
            Coefficient::Spearman => "spearman",
            Coefficient::Kendall => "kendall",
        }
    }

    /// The coefficient of `x` and `y` (equal lengths); `NaN` when undefined.
    pub fn of(self, x: &[f64], y: &[f64]) -> f64 {
        match self {
            Coefficient::Pearson => pearson(x, y),
            Coefficient::Spearman => spearman(x, y),
            Coefficient::Kendall => kendall_tau_b(x, y),
        }
    }
}

fn is_constant(values: &[f64]) -> bool {
    values.iter().all(|&v| v == values[0])
}

/// Pearson's r as `scipy.stats.pearsonr` computes it: center both inputs on
/// their means, divide each by its Euclidean norm, take the dot product and
/// clip to [−1, 1]. `NaN` for fewer than two values or a constant input.
///
/// # Panics
/// When `x` and `y` differ in length.
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    assert_eq!(x.len(), y.len(), "pearson: inputs of different lengths");
    let n = x.len();
    if n < 2 || is_constant(x) || is_constant(y) {
        return f64::NAN;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / n as f64;
    let (mx, my) = (mean(x), mean(y));
    let norm = |v: &[f64], m: f64| v.iter().map(|a| (a - m) * (a - m)).sum::<f64>().sqrt();
    let (nx, ny) = (norm(x, mx), norm(y, my));
    if nx == 0.0 || ny == 0.0 {
        return f64::NAN;
    }
    let r: f64 = x.iter().zip(y).map(|(a, b)| ((a - mx) / nx) * ((b - my) / ny)).sum();
    r.clamp(-1.0, 1.0)
}

/// Ranks 1..=n of `values`, tied values sharing the mean of their ranks
/// (`scipy.stats.rankdata(method="average")`).
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Ranks start + 1 ..= end share their mean.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

/// Spearman's ρ: Pearson's r of the average ranks ([`average_ranks`]), as
/// `scipy.stats.spearmanr`. `NaN` for fewer than two values or a constant input.
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    assert_eq!(x.len(), y.len(), "spearman: inputs of different lengths");
    if x.len() < 2 || is_constant(x) || is_constant(y) {
        return f64::NAN;
    }
    pearson(&average_ranks(x), &average_ranks(y))
}

/// Kendall's τ-b as `scipy.stats.kendalltau` computes it (Knight's
/// O(n log n) algorithm):
/// `τ_b = (P − Q) / sqrt((n₀ − n₁)(n₀ − n₂))` with `P`/`Q` the concordant and
/// discordant pairs, `n₀ = n(n−1)/2`, `n₁`/`n₂` the pairs tied in `x`/`y`.
/// Pairs tied in both count in `n₁` and `n₂` but in neither `P` nor `Q`.
/// `NaN` for fewer than two values or when every pair is tied in `x` or in `y`.
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> f64 {
    assert_eq!(x.len(), y.len(), "kendall: inputs of different lengths");
    let n = x.len();
    if n < 2 {
        return f64::NAN;
    }
    // Sort by (x, y); count ties in x and joint ties; then count the inversions of y
    // (discordant pairs) by merge sort; then count ties in y on the sorted y.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]).then(y[a].total_cmp(&y[b])));
    let pairs = |run: u64| run * (run.saturating_sub(1)) / 2;
    let tied_runs = |same: &dyn Fn(usize, usize) -> bool| {
        let (mut total, mut run) = (0u64, 1u64);
        for k in 1..n {
            if same(order[k - 1], order[k]) {
                run += 1;
            } else {
                total += pairs(run);
                run = 1;
            }
        }
        total + pairs(run)
    };
    let x_ties = tied_runs(&|a, b| x[a] == x[b]);
    let joint_ties = tied_runs(&|a, b| x[a] == x[b] && y[a] == y[b]);
    let mut ys: Vec<f64> = order.iter().map(|&i| y[i]).collect();
    let mut buffer = vec![0.0; n];
    let discordant = inversions(&mut ys, &mut buffer);
    let (mut y_ties, mut run) = (0u64, 1u64);
    for k in 1..n {
        if ys[k - 1] == ys[k] {
            run += 1;
        } else {
            y_ties += pairs(run);
            run = 1;
        }
    }
    y_ties += pairs(run);
    let total = pairs(n as u64);
    if x_ties == total || y_ties == total {
        return f64::NAN;
    }
    let concordant_minus_discordant =
        total as f64 - x_ties as f64 - y_ties as f64 + joint_ties as f64 - 2.0 * discordant as f64;
    let tau =
        concordant_minus_discordant / ((total - x_ties) as f64).sqrt() / ((total - y_ties) as f64).sqrt();
    tau.clamp(-1.0, 1.0)
}

/// Sorts `values` ascending (stable merge sort) and returns the number of
/// strict inversions (`i < j` with `values[i] > values[j]`).
fn inversions(values: &mut [f64], buffer: &mut [f64]) -> u64 {
    let n = values.len();
    if n < 2 {
        return 0;
    }
    let mid = n / 2;
    let (left_buffer, right_buffer) = buffer.split_at_mut(mid);
    let mut count = {
        let (left, right) = values.split_at_mut(mid);
        inversions(left, left_buffer) + inversions(right, right_buffer)
    };
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if values[j] < values[i] {
            // values[j] is smaller than every remaining left value.
            count += (mid - i) as u64;
            buffer[k] = values[j];
            j += 1;
        } else {
            buffer[k] = values[i];
            i += 1;
        }
        k += 1;
    }
    buffer[k..k + mid - i].copy_from_slice(&values[i..mid]);
    k += mid - i;
    buffer[k..k + n - j].copy_from_slice(&values[j..n]);
    values.copy_from_slice(&buffer[..n]);
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    /// τ-b by its O(n²) definition.
    fn kendall_by_pairs(x: &[f64], y: &[f64]) -> f64 {
        let (mut p, mut q, mut tx, mut ty) = (0.0f64, 0.0, 0.0, 0.0);
        for i in 0..x.len() {
            for j in i + 1..x.len() {
                let (dx, dy) = (x[i] - x[j], y[i] - y[j]);
                if dx == 0.0 && dy == 0.0 {
                } else if dx == 0.0 {
                    tx += 1.0;
                } else if dy == 0.0 {
                    ty += 1.0;
                } else if dx * dy > 0.0 {
                    p += 1.0;
                } else {
                    q += 1.0;
                }
            }
        }
        (p - q) / ((p + q + tx) * (p + q + ty)).sqrt()
    }

    #[test]
    fn hand_values() {
        // x = 1..5, y = 2, 1, 4, 3, 5: 10 pairs, discordant (1,2) and (3,4): τ = (8 − 2) / 10.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [2.0, 1.0, 4.0, 3.0, 5.0];
        assert!((kendall_tau_b(&x, &y) - 0.6).abs() < 1e-15);
        // Σd² = 4 over the ranks: ρ = 1 − 6·4 / (5·24) = 0.8.
        assert!((spearman(&x, &y) - 0.8).abs() < 1e-15);
        assert!((pearson(&x, &y) - 0.8).abs() < 1e-15);
        assert_eq!(average_ranks(&[3.0, 1.0, 3.0, 2.0]), vec![3.5, 1.0, 3.5, 2.0]);
    }

    #[test]
    fn undefined_cases_are_nan() {
        assert!(pearson(&[1.0], &[2.0]).is_nan());
        assert!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]).is_nan());
        assert!(spearman(&[1.0, 2.0], &[4.0, 4.0]).is_nan());
        assert!(kendall_tau_b(&[1.0, 1.0], &[1.0, 2.0]).is_nan());
        assert!(kendall_tau_b(&[], &[]).is_nan());
    }

    proptest::proptest! {
        #[test]
        fn knight_equals_the_pair_count(v in proptest::collection::vec((0u8..4, 0u8..4), 2..40)) {
            let x: Vec<f64> = v.iter().map(|p| f64::from(p.0)).collect();
            let y: Vec<f64> = v.iter().map(|p| f64::from(p.1)).collect();
            let fast = kendall_tau_b(&x, &y);
            let slow = kendall_by_pairs(&x, &y);
            proptest::prop_assert!((fast.is_nan() && slow.is_nan()) || (fast - slow).abs() < 1e-12, "{fast} {slow}");
        }
    }
}
