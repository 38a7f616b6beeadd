//! Seeded bootstrap confidence intervals and the keyed random streams behind
//! every resampling in the reports.
//!
//! Owns: [`keyed_rng`] (one independent ChaCha8 stream per seed × row key, so a
//! row's interval depends neither on other rows nor on the order rows are
//! computed in) and the percentile bootstrap. Never reads or writes files.

use rand::distr::{Distribution, Uniform};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sha2::{Digest, Sha256};

use super::stats::quantile;

/// Bootstrap resamples drawn for every interval in the reports.
pub const RESAMPLES: usize = 1_000;

/// Confidence level of every interval in the reports.
pub const CONFIDENCE: f64 = 0.95;

/// A two-sided confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// A ChaCha8 generator seeded with SHA-256 of `seed` (little-endian) followed by
/// every part of `key`, each prefixed by its byte length. Distinct keys give
/// independent streams; the same seed and key always give the same stream.
pub fn keyed_rng(seed: u64, key: &[&str]) -> ChaCha8Rng {
    let mut hasher = Sha256::new();
    hasher.update(seed.to_le_bytes());
    for part in key {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    ChaCha8Rng::from_seed(hasher.finalize().into())
}

/// Uniform indices in `0..n`, exactly the ones `Uniform::new(0, n)` draws
/// from the same stream, with less work per index: the stream is read 4 KB
/// at a time instead of one word per call. For `n` below 2³² rand's `Uniform`
/// takes one 32-bit word `x` per try and keeps the high half of `x · n` unless
/// the low half falls below `2³² mod n` (Lemire's method); larger `n` goes
/// through `Uniform` itself.
struct IndexDraws<'a> {
    rng: &'a mut ChaCha8Rng,
    n: usize,
    /// `2³² mod n`: a low half below it is rejected.
    reject_below: u32,
    block: [u8; 4096],
    at: usize,
    large: Option<Uniform<usize>>,
}

impl<'a> IndexDraws<'a> {
    /// Indices in `0..n` (`n > 0`) from `rng`.
    fn new(n: usize, rng: &'a mut ChaCha8Rng) -> Self {
        let (reject_below, large) = match u32::try_from(n) {
            Ok(n32) => (n32.wrapping_neg() % n32, None),
            Err(_) => (0, Some(Uniform::new(0, n).expect("n > 0"))),
        };
        IndexDraws { rng, n, reject_below, block: [0; 4096], at: 4096, large }
    }

    /// Fills `out` with the next indices, as many calls of
    /// [`IndexDraws::next`] would.
    fn fill(&mut self, out: &mut [usize]) {
        if self.large.is_some() {
            out.iter_mut().for_each(|slot| *slot = self.next());
            return;
        }
        let (n, reject_below) = (self.n as u64, self.reject_below);
        let mut filled = 0;
        while filled < out.len() {
            if self.at == self.block.len() {
                self.rng.fill_bytes(&mut self.block);
                self.at = 0;
            }
            for word in self.block[self.at..].chunks_exact(4) {
                self.at += 4;
                let product = u64::from(u32::from_le_bytes(word.try_into().expect("4 bytes"))) * n;
                if product as u32 >= reject_below {
                    out[filled] = (product >> 32) as usize;
                    filled += 1;
                    if filled == out.len() {
                        break;
                    }
                }
            }
        }
    }

    fn next(&mut self) -> usize {
        if let Some(uniform) = &self.large {
            return uniform.sample(self.rng);
        }
        loop {
            if self.at == self.block.len() {
                self.rng.fill_bytes(&mut self.block);
                self.at = 0;
            }
            let word = u32::from_le_bytes(self.block[self.at..self.at + 4].try_into().expect("4 bytes"));
            self.at += 4;
            let product = u64::from(word) * self.n as u64;
            if product as u32 >= self.reject_below {
                return (product >> 32) as usize;
            }
        }
    }
}

/// Percentile bootstrap interval of the mean of `values`.
///
/// Draws `resamples` samples of `values.len()` items with replacement (uniform
/// indices from `rng`, as one [`Uniform`] distribution draws them), takes
/// each sample's mean, and returns the `(1 − c)/2` and `(1 + c)/2` quantiles
/// of those means (`c` = `confidence`; see [`percentile_interval`]). An empty
/// input gives `NaN` bounds; a single value gives a zero-width interval at that value.
pub fn mean_interval(values: &[f64], resamples: usize, confidence: f64, rng: &mut ChaCha8Rng) -> Interval {
    let n = values.len();
    if n == 0 || resamples == 0 {
        return Interval { low: f64::NAN, high: f64::NAN };
    }
    let mut index = IndexDraws::new(n, rng);
    let mut means = Vec::with_capacity(resamples);
    // LANES resamples' indices are drawn in turn (the stream's order), then
    // summed side by side: each sum adds its values in draw order, as one
    // resample at a time would, while the LANES additions overlap.
    let mut drawn = vec![0usize; LANES * n];
    let mut left = resamples;
    while left > 0 {
        let lanes = left.min(LANES);
        index.fill(&mut drawn[..lanes * n]);
        let mut sums = [0.0f64; LANES];
        for (sum, draws) in sums.iter_mut().zip(drawn.chunks_exact(n)).take(lanes) {
            *sum = values[draws[0]];
        }
        if lanes == LANES {
            let [d0, d1, d2, d3] = [0, 1, 2, 3].map(|lane| &drawn[lane * n..(lane + 1) * n]);
            for j in 1..n {
                sums[0] += values[d0[j]];
                sums[1] += values[d1[j]];
                sums[2] += values[d2[j]];
                sums[3] += values[d3[j]];
            }
        } else {
            for (sum, draws) in sums.iter_mut().zip(drawn.chunks_exact(n)).take(lanes) {
                for &d in &draws[1..] {
                    *sum += values[d];
                }
            }
        }
        means.extend(sums[..lanes].iter().map(|sum| sum / n as f64));
        left -= lanes;
    }
    percentile_interval(means, confidence)
}

/// Resamples of [`mean_interval`] summed side by side.
const LANES: usize = 4;

/// The `(1 − c)/2` and `(1 + c)/2` quantiles of `means` (`c` = `confidence`),
/// interpolated as in [`super::stats::quantile_sorted`]: the percentile interval of a
/// bootstrap distribution. `NaN` bounds when `means` is empty.
pub fn percentile_interval(mut means: Vec<f64>, confidence: f64) -> Interval {
    let tail = (1.0 - confidence) / 2.0;
    Interval { low: quantile(&mut means, tail), high: quantile(&mut means, 1.0 - tail) }
}

/// The mean of each of `columns` (all as long as the first, `n` values) under
/// `resamples` bootstrap resamples **shared by every column**: resample `r`
/// draws `n` document indices once from `rng` (as [`mean_interval`] draws them)
/// and every column's `r`-th mean is over those documents. Returns
/// `means[column][r]`; empty vectors when `n` is 0.
///
/// Means are linear, so the resampled mean of a difference of two columns is
/// the difference of their resampled means: one pass gives the paired
/// intervals of every pair of columns (see `compare`), at the cost of
/// `resamples × n × columns` additions instead of that times the number of pairs.
///
/// # Panics
/// When the columns differ in length.
pub fn common_resample_means(columns: &[&[f64]], resamples: usize, rng: &mut ChaCha8Rng) -> Vec<Vec<f64>> {
    let n = columns.first().map_or(0, |c| c.len());
    assert!(columns.iter().all(|c| c.len() == n), "columns over the same documents");
    let width = columns.len();
    if n == 0 {
        return vec![Vec::new(); width];
    }
    // Document-major: one document's values of every column side by side.
    let mut rows = vec![0.0; n * width];
    for (c, column) in columns.iter().enumerate() {
        for (d, &value) in column.iter().enumerate() {
            rows[d * width + c] = value;
        }
    }
    let mut index = IndexDraws::new(n, rng);
    let mut means = vec![Vec::with_capacity(resamples); width];
    let mut sums = vec![0.0; width];
    for _ in 0..resamples {
        sums.fill(0.0);
        for _ in 0..n {
            let row = &rows[index.next() * width..][..width];
            for (sum, value) in sums.iter_mut().zip(row) {
                *sum += value;
            }
        }
        for (column, sum) in means.iter_mut().zip(&sums) {
            column.push(sum / n as f64);
        }
    }
    means
}

/// Bootstrap interval of the mean of `values` with the report defaults
/// ([`RESAMPLES`], [`CONFIDENCE`]) on the stream [`keyed_rng`]`(seed, key)`.
pub fn keyed_mean_interval(values: &[f64], seed: u64, key: &[&str]) -> Interval {
    mean_interval(values, RESAMPLES, CONFIDENCE, &mut keyed_rng(seed, key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngExt;

    #[test]
    fn same_key_same_stream_other_key_other_stream() {
        let a = keyed_mean_interval(&[0.1, 0.5, 0.9, 0.3], 7, &["c", "s", "m"]);
        let b = keyed_mean_interval(&[0.1, 0.5, 0.9, 0.3], 7, &["c", "s", "m"]);
        assert_eq!(a, b);
        let mut r1 = keyed_rng(7, &["ab", "c"]);
        let mut r2 = keyed_rng(7, &["a", "bc"]);
        let mut r3 = keyed_rng(8, &["ab", "c"]);
        let x1: u64 = r1.random();
        assert_ne!(x1, r2.random::<u64>());
        assert_ne!(x1, r3.random::<u64>());
    }

    #[test]
    fn constant_values_give_zero_width_interval() {
        let i = keyed_mean_interval(&[0.25; 10], 1, &["k"]);
        assert_eq!(i, Interval { low: 0.25, high: 0.25 });
        let single = keyed_mean_interval(&[0.4], 1, &["k"]);
        assert_eq!(single, Interval { low: 0.4, high: 0.4 });
        assert!(keyed_mean_interval(&[], 1, &["k"]).low.is_nan());
    }

    #[test]
    fn two_point_sample_spans_both_extremes() {
        // For {0, 1} a resample's mean is 0, 0.5 or 1 with probability 1/4, 1/2, 1/4.
        // Among 1,000 resamples the 2.5% quantile (position 24.975) is 0 unless fewer than
        // 26 means are 0 (expected 250), and symmetrically the 97.5% quantile is 1.
        let i = keyed_mean_interval(&[0.0, 1.0], 3, &["two"]);
        assert_eq!(i, Interval { low: 0.0, high: 1.0 });
    }

    #[test]
    fn indices_are_uniforms_own() {
        // The definition of the indices is rand's `Uniform::new(0, n)` on the same stream.
        for n in [1usize, 2, 3, 7, 100, 1000, 65_537, 3_000_000_019] {
            let (mut a, mut b) = (keyed_rng(4, &["i"]), keyed_rng(4, &["i"]));
            let uniform = Uniform::new(0, n).unwrap();
            let mut fast = IndexDraws::new(n, &mut a);
            let ours: Vec<usize> = (0..5000).map(|_| fast.next()).collect();
            let theirs: Vec<usize> = (0..5000).map(|_| uniform.sample(&mut b)).collect();
            assert_eq!(ours, theirs, "n = {n}");
        }
    }

    #[test]
    fn intervals_are_the_ones_uniform_draws_give() {
        // mean_interval as it was written with rand's Uniform, one index per call.
        fn reference(values: &[f64], rng: &mut ChaCha8Rng) -> Interval {
            let index = Uniform::new(0, values.len()).unwrap();
            let means = (0..RESAMPLES)
                .map(|_| {
                    (0..values.len()).map(|_| values[index.sample(rng)]).sum::<f64>() / values.len() as f64
                })
                .collect();
            percentile_interval(means, CONFIDENCE)
        }
        for n in [1usize, 5, 37, 100, 999] {
            let values: Vec<f64> = (0..n).map(|i| ((i * 7919) % 101) as f64 / 100.0).collect();
            let ours = mean_interval(&values, RESAMPLES, CONFIDENCE, &mut keyed_rng(9, &["r"]));
            assert_eq!(ours, reference(&values, &mut keyed_rng(9, &["r"])), "n = {n}");
        }
    }

    #[test]
    fn common_resamples_give_each_column_its_own_interval() {
        // One column through the shared resamples draws exactly what mean_interval draws
        // from the same stream, so its interval is the same.
        let values: Vec<f64> = (0..37).map(|i| f64::from(i * i % 11) / 10.0).collect();
        let alone = mean_interval(&values, RESAMPLES, CONFIDENCE, &mut keyed_rng(5, &["k"]));
        let shared = common_resample_means(&[&values, &[0.5; 37]], RESAMPLES, &mut keyed_rng(5, &["k"]));
        assert_eq!(percentile_interval(shared[0].clone(), CONFIDENCE), alone);
        // A constant column's resampled means are that constant.
        assert!(shared[1].iter().all(|&m| (m - 0.5).abs() < 1e-15));
        assert!(common_resample_means(&[&[], &[]], 10, &mut keyed_rng(5, &["k"]))[1].is_empty());
    }

    #[test]
    fn interval_is_close_to_the_normal_approximation() {
        // 40 values i/39: mean 0.5, population sd = sqrt((40^2 - 1) / 12) / 39 = 0.29598,
        // bootstrap standard error ~ sd / sqrt(40) = 0.046798; normal 95% half-width
        // 1.96 * se = 0.09172.
        // The percentile bootstrap of a symmetric sample lands within a few per cent of it.
        let values: Vec<f64> = (0..40).map(|i| f64::from(i) / 39.0).collect();
        let i = keyed_mean_interval(&values, 11, &["normal"]);
        assert!((i.low - (0.5 - 0.09172)).abs() < 0.012, "{i:?}");
        assert!((i.high - (0.5 + 0.09172)).abs() < 0.012, "{i:?}");
    }
}
