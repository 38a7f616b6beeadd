//! The paired sign-flip permutation test used by `compare` and the report's
//! significance groups.
//!
//! Owns: the two-sided test of "the mean paired difference is zero", for one
//! row or for several rows that share their documents (the metrics of one pair
//! of summarizers), which then share their random sign assignments. Never
//! decides verdicts or corrects for multiple tests (see [`super::compare`] and
//! [`super::stats::holm`]).
//!
//! # Cost
//! A test costs nothing where the answer is clear and stops as soon as it is
//! decided:
//! - **exact** when `2ⁿ ≤` [`PERMUTATIONS`] (n ≤ 13 documents): every sign
//!   assignment is enumerated;
//! - **far tail**: when Hoeffding's bound on the exact p-value is already below
//!   what [`PERMUTATIONS`] draws could ever report (`1 / (1 + PERMUTATIONS)`),
//!   that bound is the p-value and nothing is drawn (the fixed-size test
//!   reported the same number: the minimum of its estimate and the bound);
//! - **sequential** otherwise (Besag & Clifford 1991): assignments are drawn
//!   until [`DECIDING_HITS`] of them reach the observed statistic, giving
//!   `p = hits / draws`, or until [`PERMUTATIONS`] draws, giving the
//!   fixed-size estimate. A clearly null row stops after about
//!   `DECIDING_HITS / p` draws instead of 10,000.

use rand::Rng;

/// Most random sign assignments drawn for one test (and the exact test's limit:
/// every assignment is enumerated when there are at most this many).
pub const PERMUTATIONS: usize = 10_000;

/// Besag & Clifford's `h`: a sampled test stops once this many drawn
/// assignments reach the observed statistic. With `h` hits the estimate's
/// relative standard error is about `1/√h` (10%), and any p-value below
/// `h / PERMUTATIONS` (0.01) still gets all [`PERMUTATIONS`] draws, so the
/// small p-values that Holm's correction acts on are as precise as a
/// fixed-size test's.
pub const DECIDING_HITS: usize = 100;

/// Two-sided p-value of the paired sign-flip permutation test on `diffs`
/// (one difference per document, new − base), drawing from `rng`; see
/// [`sign_flip_p_values`].
pub fn sign_flip_p_value<R: Rng>(diffs: &[f64], rng: &mut R) -> f64 {
    sign_flip_p_values(&[diffs], rng)[0]
}

/// Two-sided p-values of the paired sign-flip permutation test on each of
/// `columns`, rows over the same documents (every column as long as the
/// first), which share the random sign assignments drawn from `rng`.
///
/// Under the null hypothesis each document's difference is as likely to have
/// the opposite sign, so the statistic `|Σ dᵢ|` is compared with its value under
/// sign flips (see the module documentation for when it enumerates, bounds or
/// draws). A drawn test that reaches [`DECIDING_HITS`] hits after `L` draws
/// reports `hits / L` (Besag & Clifford's sequential p-value); one that does
/// not reports `(1 + hits) / (1 + PERMUTATIONS)` (the estimate that never
/// reports 0; Phipson & Smyth 2010). Either is capped by Hoeffding's bound for
/// Rademacher sums, `P(|Σ εᵢdᵢ| ≥ t) ≤ 2 exp(−t² / (2 Σdᵢ²))` at `t = |Σ dᵢ|`,
/// a rigorous upper bound of the exact p-value, so significance stays reachable
/// after Holm's correction over many rows. Sums within `1e-9 · Σ|dᵢ|` of the
/// observed one count as ties (hits), so rounding never breaks symmetry. An
/// empty column, or one whose differences are all zero, gives `p = 1`.
///
/// # Panics
/// When the columns differ in length.
pub fn sign_flip_p_values<R: Rng>(columns: &[&[f64]], rng: &mut R) -> Vec<f64> {
    let n = columns.first().map_or(0, |c| c.len());
    assert!(columns.iter().all(|c| c.len() == n), "columns over the same documents");
    let mut tests: Vec<Test> = columns.iter().map(|diffs| Test::new(diffs)).collect();
    if n < 64 && (1u64 << n) <= PERMUTATIONS as u64 {
        return tests.iter().zip(columns).map(|(test, diffs)| test.exact(diffs)).collect();
    }
    let mut words = vec![0u64; n.div_ceil(64)];
    let mut draws = 0;
    let mut open: Vec<usize> = (0..tests.len()).filter(|&t| tests[t].p.is_none()).collect();
    // Past TABLE_AFTER draws: the tables of the tests then open, side by
    // side, `slot[t]` being test `t`'s place in them.
    let mut tables: Option<FlipTables> = None;
    let mut slot = vec![usize::MAX; tests.len()];
    let mut sums = Vec::new();
    while !open.is_empty() && draws < PERMUTATIONS {
        for word in words.iter_mut() {
            *word = rng.next_u64();
        }
        draws += 1;
        if draws == TABLE_AFTER && n <= TABLE_MAX_DOCUMENTS {
            for (place, &t) in open.iter().enumerate() {
                slot[t] = place;
            }
            tables = Some(FlipTables::new(&open.iter().map(|&t| columns[t]).collect::<Vec<_>>()));
        }
        if let Some(tables) = &tables {
            tables.sums(&words, &mut sums);
        }
        open.retain(|&t| {
            let test = &mut tests[t];
            let sum = match &tables {
                Some(_) => sums[slot[t]],
                None => flipped_sum(columns[t], &words),
            };
            if sum.abs() >= test.threshold {
                test.hits += 1;
                if test.hits == DECIDING_HITS {
                    test.p = Some((DECIDING_HITS as f64 / draws as f64).min(test.hoeffding));
                    return false;
                }
            }
            true
        });
    }
    tests
        .into_iter()
        .map(|test| {
            test.p.unwrap_or_else(|| ((1 + test.hits) as f64 / (1 + PERMUTATIONS) as f64).min(test.hoeffding))
        })
        .collect()
}

/// One column's test while assignments are drawn.
struct Test {
    /// `|Σ dᵢ|` less the tie tolerance: a flipped sum at least this large is a hit.
    threshold: f64,
    /// Hoeffding's bound at the observed statistic.
    hoeffding: f64,
    hits: usize,
    /// The p-value, once decided.
    p: Option<f64>,
}

impl Test {
    fn new(diffs: &[f64]) -> Test {
        let scale: f64 = diffs.iter().map(|d| d.abs()).sum();
        if diffs.is_empty() || scale == 0.0 {
            return Test { threshold: 0.0, hoeffding: 1.0, hits: 0, p: Some(1.0) };
        }
        let observed = flipped_sum(diffs, &vec![0; diffs.len().div_ceil(64)]);
        let sum_of_squares: f64 = diffs.iter().map(|d| d * d).sum();
        let hoeffding = 2.0 * (-observed * observed / (2.0 * sum_of_squares)).exp();
        // No estimate from PERMUTATIONS draws goes below 1 / (1 + PERMUTATIONS):
        // past it, the bound is the answer whatever would be drawn.
        let p = (hoeffding <= 1.0 / (1 + PERMUTATIONS) as f64).then_some(hoeffding);
        Test { threshold: observed.abs() - 1e-9 * scale, hoeffding, hits: 0, p }
    }

    /// The exact p-value over all `2ⁿ` assignments (`n < 64`).
    fn exact(&self, diffs: &[f64]) -> f64 {
        let total = 1u64 << diffs.len();
        let hits = (0..total).filter(|&mask| flipped_sum(diffs, &[mask]).abs() >= self.threshold).count();
        hits as f64 / total as f64
    }
}

/// Draws after which a still open test switches to a [`FlipTable`]: building
/// one costs about 256 additions per 8 documents, what this many direct draws
/// cost; a clearly null row stops before it (about `2 ×` [`DECIDING_HITS`] draws).
const TABLE_AFTER: usize = 256;

/// The [`FlipTable`]s of several columns side by side, four at a time: for
/// each group of four columns, chunk and sign pattern, the four columns'
/// entries are adjacent, so one draw's sums of four columns take one load and
/// one (vector) addition per chunk. Each column's sum adds the same entries in
/// the same order as its own table would: the same bits.
struct FlipTables {
    /// `[group][chunk][pattern]`, each entry the group's four columns
    /// (columns past the last are zeros).
    sums: Vec<[f64; 4]>,
    columns: usize,
    chunks: usize,
}

impl FlipTables {
    fn new(columns: &[&[f64]]) -> FlipTables {
        let singles: Vec<FlipTable> = columns.iter().map(|diffs| FlipTable::new(diffs)).collect();
        let entries = singles.first().map_or(0, |table| table.sums.len());
        let mut sums = Vec::with_capacity(singles.len().div_ceil(4) * entries);
        for group in singles.chunks(4) {
            sums.extend(
                (0..entries).map(|e| std::array::from_fn(|k| group.get(k).map_or(0.0, |t| t.sums[e]))),
            );
        }
        FlipTables { sums, columns: columns.len(), chunks: entries / 256 }
    }

    /// Each column's `Σ ±dᵢ` for the sign pattern `words` (as
    /// [`FlipTable::sum`] gives it), into `out`.
    fn sums(&self, words: &[u64], out: &mut Vec<f64>) {
        out.clear();
        for group in self.sums.chunks_exact(self.chunks * 256) {
            let mut lanes = [[0.0f64; 4]; 4];
            for (c, block) in group.chunks_exact(256).enumerate() {
                let byte = (words[c / 8] >> (8 * (c % 8))) as u8;
                let entry = &block[usize::from(byte)];
                for (lane, value) in lanes[c % 4].iter_mut().zip(entry) {
                    *lane += value;
                }
            }
            out.extend((0..4).map(|k| (lanes[0][k] + lanes[1][k]) + (lanes[2][k] + lanes[3][k])));
        }
        out.truncate(self.columns);
    }
}

/// Tests over more documents keep drawing directly: their tables (2 KB per 8
/// documents, 1 MB at this size) would no longer stay in cache, and a few
/// open tests at once would hold hundreds of megabytes at 60,000 documents.
const TABLE_MAX_DOCUMENTS: usize = 4096;

/// The flipped sums of every sign pattern of each 8 consecutive documents:
/// `sums[8c + …]`, entry `256 c + b` is `Σ ±dᵢ` over documents `8c … 8c + 7`
/// with document `8c + k` flipped when bit `k` of `b` is set. A draw's sum is
/// then one addition per 8 documents instead of one per document.
struct FlipTable {
    sums: Vec<f64>,
}

impl FlipTable {
    fn new(diffs: &[f64]) -> FlipTable {
        let mut sums = Vec::with_capacity(diffs.len().div_ceil(8) * 256);
        for chunk in diffs.chunks(8) {
            let at = sums.len();
            sums.push(chunk.iter().sum::<f64>());
            for pattern in 1..256usize {
                let lowest = pattern.trailing_zeros() as usize;
                let flipped = chunk.get(lowest).copied().unwrap_or(0.0);
                sums.push(sums[at + (pattern & (pattern - 1))] - 2.0 * flipped);
            }
        }
        FlipTable { sums }
    }

    /// `Σ ±dᵢ` for the sign pattern `words` (bit `i % 64` of `words[i / 64]` set:
    /// document `i` flipped), in a fixed order: deterministic. The definition
    /// [`FlipTables::sums`] follows for several columns at once.
    #[cfg(test)]
    fn sum(&self, words: &[u64]) -> f64 {
        let mut lanes = [0.0f64; 4];
        for (c, block) in self.sums.chunks_exact(256).enumerate() {
            let byte = (words[c / 8] >> (8 * (c % 8))) as u8;
            lanes[c % 4] += block[usize::from(byte)];
        }
        (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
    }
}

/// `Σ ±dᵢ`, where bit `i % 64` of `words[i / 64]` set means document `i` is flipped.
/// The flip toggles the IEEE sign bit, branch-free (random signs defeat branch
/// prediction), and four running sums (document `i` goes to sum `i % 4`) keep
/// the additions independent; the summation order is fixed, so the result is
/// deterministic.
fn flipped_sum(diffs: &[f64], words: &[u64]) -> f64 {
    let mut lanes = [0.0f64; 4];
    for (chunk, &word) in diffs.chunks(64).zip(words) {
        let mut bits = word;
        for quad in chunk.chunks(4) {
            for (lane, &d) in quad.iter().enumerate() {
                lanes[lane] += f64::from_bits(d.to_bits() ^ ((bits >> lane & 1) << 63));
            }
            bits >>= 4;
        }
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::bootstrap::keyed_rng;

    fn p(diffs: &[f64]) -> f64 {
        sign_flip_p_value(diffs, &mut keyed_rng(0, &["test"]))
    }

    /// Counts the 64-bit words drawn from the wrapped generator.
    struct Counting<R> {
        inner: R,
        words: usize,
    }

    impl<R: Rng> rand::TryRng for Counting<R> {
        type Error = std::convert::Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            unreachable!("the test draws 64-bit words")
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            self.words += 1;
            Ok(self.inner.next_u64())
        }
        fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), Self::Error> {
            unreachable!("the test draws 64-bit words")
        }
    }

    /// The p-values of `columns` and the number of assignments drawn.
    fn counted(columns: &[&[f64]]) -> (Vec<f64>, usize) {
        let mut rng = Counting { inner: keyed_rng(0, &["test"]), words: 0 };
        let p = sign_flip_p_values(columns, &mut rng);
        let per_draw = columns[0].len().div_ceil(64);
        (p, rng.words / per_draw)
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
    fn clear_shift_goes_below_the_monte_carlo_floor_by_hoeffding() {
        // 30 documents all improving by 0.05: the exact p is 2 / 2^30 and sampling 10,000
        // assignments finds no other hit (floor 1 / 10,001 = 1.0e-4). Hoeffding:
        // t = 30 · 0.05 = 1.5, Σd² = 30 · 0.0025 = 0.075, 2 exp(−2.25 / 0.15) = 2 e^−15
        // = 6.1180e-7.
        let diffs = vec![0.05; 30];
        let expected = 2.0 * (-15.0f64).exp();
        assert!((p(&diffs) - expected).abs() < 1e-12 * expected.max(1.0), "{}", p(&diffs));
        assert!((expected - 6.1180e-7).abs() < 1e-10);
    }

    #[test]
    fn hoeffding_never_raises_a_moderate_p_value() {
        // 20 differences, 12 of +1 and 8 of −1: t = 4, Σd² = 20, bound 2 e^(−16/40) = 1.34,
        // so the sampled estimate stands. Exactly, |Σ| ≥ 4 iff at most 8 or at least 12
        // of the 20 signs are negative: 2 Σ_{k≤8} C(20,k) / 2^20 = 2 · 263,950 / 1,048,576
        // = 0.50344 (Python: sum(math.comb(20, k) for k in range(9)) = 263950). The test
        // stops at the 100th hit, about 200 draws: relative standard error about 1/√100,
        // so allow 4 of them (± 0.2).
        let diffs: Vec<f64> = (0..20).map(|i| if i < 12 { 1.0 } else { -1.0 }).collect();
        let estimate = p(&diffs);
        assert!((estimate - 0.50344).abs() < 0.2, "{estimate}");
    }

    #[test]
    fn balanced_differences_stop_after_the_deciding_hits() {
        // 20 differences alternating ±0.1: Σ = 0, so every drawn assignment is a hit: the
        // sequential test stops at the 100th draw with p = 100 / 100 = 1.
        let diffs: Vec<f64> = (0..20).map(|i| if i % 2 == 0 { 0.1 } else { -0.1 }).collect();
        assert_eq!(counted(&[&diffs]), (vec![1.0], DECIDING_HITS));
    }

    #[test]
    fn the_far_tail_draws_nothing() {
        // 200 differences of +0.05: Hoeffding gives 2 exp(−(200 · 0.05)² / (2 · 200 · 0.0025))
        // = 2 e^−100, far below 1 / 10,001, so no assignment is drawn.
        let diffs = vec![0.05; 200];
        let (p, draws) = counted(&[&diffs]);
        assert_eq!(draws, 0);
        assert!((p[0] - 2.0 * (-100.0f64).exp()).abs() < 1e-50, "{p:?}");
    }

    #[test]
    fn a_moderate_p_value_gets_every_draw() {
        // 14 unit differences, 12 positive: exact p = 212 / 16,384 = 0.0129 (see
        // monte_carlo_estimate_is_close_to_the_exact_count). About 129 hits are expected in
        // 10,000 draws: the 100th hit comes after about 7,700 draws, so the test runs long;
        // it never draws more than PERMUTATIONS.
        let mut diffs = vec![1.0; 14];
        diffs[3] = -1.0;
        diffs[9] = -1.0;
        let (_, draws) = counted(&[&diffs]);
        assert!(draws > 5_000 && draws <= PERMUTATIONS, "{draws}");
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
        /// A table's sum is the direct sum of the same flips (up to rounding), whatever
        /// the length (a last chunk shorter than 8 documents included).
        #[test]
        fn table_sums_equal_direct_sums(
            diffs in proptest::collection::vec(-1.0..1.0f64, 1..150),
            words in proptest::collection::vec(proptest::prelude::any::<u64>(), 3),
        ) {
            let words = &words[..diffs.len().div_ceil(64)];
            let table = FlipTable::new(&diffs);
            let scale: f64 = diffs.iter().map(|d| d.abs()).sum();
            proptest::prop_assert!((table.sum(words) - flipped_sum(&diffs, words)).abs() <= 1e-12 * scale.max(1.0));
        }

        /// Tables side by side give each column the bits of its own table, for
        /// any number of columns (groups of four and a partial one).
        #[test]
        fn side_by_side_tables_equal_single_ones(
            rows in proptest::collection::vec(proptest::collection::vec(-1.0..1.0f64, 37), 1..10),
            words in proptest::collection::vec(proptest::prelude::any::<u64>(), 1),
        ) {
            let columns: Vec<&[f64]> = rows.iter().map(Vec::as_slice).collect();
            let mut sums = Vec::new();
            FlipTables::new(&columns).sums(&words, &mut sums);
            let single: Vec<u64> = columns.iter().map(|c| FlipTable::new(c).sum(&words).to_bits()).collect();
            proptest::prop_assert_eq!(sums.iter().map(|s| s.to_bits()).collect::<Vec<_>>(), single);
        }

        /// Columns tested together get the p-values each would get alone from the
        /// same stream: sharing the draws changes no column's result.
        #[test]
        fn batched_columns_equal_separate_ones(
            rows in proptest::collection::vec(proptest::collection::vec(-1.0..1.0f64, 20), 1..4),
            shift in 0.0..0.3f64,
        ) {
            let rows: Vec<Vec<f64>> = rows.iter().map(|r| r.iter().map(|d| d + shift).collect()).collect();
            let columns: Vec<&[f64]> = rows.iter().map(Vec::as_slice).collect();
            let together = sign_flip_p_values(&columns, &mut keyed_rng(3, &["batch"]));
            for (column, p_together) in columns.iter().zip(&together) {
                let alone = sign_flip_p_value(column, &mut keyed_rng(3, &["batch"]));
                proptest::prop_assert_eq!(alone, *p_together);
            }
        }

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
