//! BLEU as sacreBLEU 2.6.0 computes it: `13a` tokens, n-grams up to 4,
//! clipped counts against the per-n-gram maximum over the references, the
//! brevity penalty against the closest reference length, `exp` smoothing.
//! Sentence level is `sacrebleu.sentence_bleu` (effective order); corpus
//! level is `BLEU().corpus_score` on statistics summed over the segments.

use rustc_hash::FxHashMap;

use super::pystr;
use super::tok13a::tokenize_13a;

/// BLEU's maximum n-gram order (sacreBLEU's `max_ngram_order`).
pub const MAX_ORDER: usize = 4;

/// A segment's (or a corpus's summed) BLEU statistics: what sacreBLEU keeps
/// per segment as `[sys_len, ref_len, correct…, total…]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BleuStats {
    /// Candidate tokens.
    pub sys_len: u64,
    /// Length of the reference closest to the candidate's (the shorter on ties).
    pub ref_len: u64,
    /// Matched n-grams per order 1..=4, each clipped by its maximum count in any one reference.
    pub counts: [u64; MAX_ORDER],
    /// Candidate n-grams per order 1..=4.
    pub totals: [u64; MAX_ORDER],
}

/// A BLEU score with the statistics it came from, the fields of sacreBLEU's `BLEUScore`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BleuScore {
    /// BLEU on the 0–100 scale.
    pub score: f64,
    /// Matched n-grams per order.
    pub counts: [u64; MAX_ORDER],
    /// Candidate n-grams per order.
    pub totals: [u64; MAX_ORDER],
    /// Smoothed precisions per order, 0–100.
    pub precisions: [f64; MAX_ORDER],
    /// Brevity penalty.
    pub bp: f64,
    /// Candidate tokens.
    pub sys_len: u64,
    /// Reference tokens used for the brevity penalty.
    pub ref_len: u64,
}

impl BleuScore {
    /// The statistics the score was computed from.
    pub fn stats(&self) -> BleuStats {
        BleuStats { sys_len: self.sys_len, ref_len: self.ref_len, counts: self.counts, totals: self.totals }
    }
}

impl std::ops::AddAssign for BleuStats {
    fn add_assign(&mut self, other: BleuStats) {
        self.sys_len += other.sys_len;
        self.ref_len += other.ref_len;
        for n in 0..MAX_ORDER {
            self.counts[n] += other.counts[n];
            self.totals[n] += other.totals[n];
        }
    }
}

impl BleuStats {
    /// sacreBLEU's `BLEU.compute_bleu` with `exp` smoothing: an order with no
    /// match gets precision 100 / (2^k · total) for its k-th such order; an
    /// order with no candidate n-gram ends the product (with
    /// `effective_order`, the geometric mean then runs over the orders
    /// before it; without, the score is 0). No match at all gives 0.
    pub fn score(&self, effective_order: bool) -> BleuScore {
        let (sys_len, ref_len) = (self.sys_len as f64, self.ref_len as f64);
        let bp = if self.sys_len < self.ref_len {
            if self.sys_len > 0 { (1.0 - ref_len / sys_len).exp() } else { 0.0 }
        } else {
            1.0
        };
        let mut precisions = [0.0; MAX_ORDER];
        let result = |score, precisions| BleuScore {
            score,
            counts: self.counts,
            totals: self.totals,
            precisions,
            bp,
            sys_len: self.sys_len,
            ref_len: self.ref_len,
        };
        if self.counts.iter().all(|&c| c == 0) {
            return result(0.0, precisions);
        }
        let mut smooth = 1.0;
        let mut order = MAX_ORDER;
        for (n, precision) in precisions.iter_mut().enumerate() {
            let (correct, total) = (self.counts[n], self.totals[n]);
            if total == 0 {
                break;
            }
            if effective_order {
                order = n + 1;
            }
            *precision = if correct == 0 {
                smooth *= 2.0;
                100.0 / (smooth * total as f64)
            } else {
                100.0 * correct as f64 / total as f64
            };
        }
        let log = |p: f64| if p == 0.0 { -9_999_999_999.0 } else { p.ln() };
        let sum: f64 = precisions[..order].iter().map(|&p| log(p)).sum();
        result(bp * (sum / order as f64).exp(), precisions)
    }
}

/// The 13a tokens of `text` as sacreBLEU's BLEU reads a segment: trailing
/// whitespace stripped, then [`tokenize_13a`].
pub fn bleu_tokens(text: &str) -> Vec<String> {
    tokenize_13a(pystr::rstrip(text))
}

/// Counts of every n-gram of order 1..=4 of `tokens`.
fn ngram_counts(tokens: &[String]) -> FxHashMap<&[String], u64> {
    let mut counts = FxHashMap::default();
    for n in 1..=MAX_ORDER.min(tokens.len()) {
        for gram in tokens.windows(n) {
            *counts.entry(gram).or_insert(0) += 1;
        }
    }
    counts
}

/// The statistics of one candidate against its references
/// (sacreBLEU's `_compute_segment_statistics`). With no reference the
/// reference length is 0 and nothing matches (sacreBLEU refuses that case).
pub fn bleu_stats<S: AsRef<str>>(candidate: &str, references: &[S]) -> BleuStats {
    let references: Vec<Vec<String>> = references.iter().map(|r| bleu_tokens(r.as_ref())).collect();
    let mut reference_counts: FxHashMap<&[String], u64> = FxHashMap::default();
    for tokens in &references {
        for (gram, count) in ngram_counts(tokens) {
            let best = reference_counts.entry(gram).or_insert(0);
            *best = (*best).max(count);
        }
    }
    let candidate = bleu_tokens(candidate);
    let mut stats = BleuStats { sys_len: candidate.len() as u64, ..BleuStats::default() };
    stats.ref_len = closest_length(stats.sys_len, references.iter().map(|r| r.len() as u64));
    for (gram, count) in ngram_counts(&candidate) {
        let n = gram.len() - 1;
        stats.totals[n] += count;
        if let Some(&reference) = reference_counts.get(gram) {
            stats.counts[n] += count.min(reference);
        }
    }
    stats
}

/// The reference length closest to `sys_len`, the shorter on ties (0 with none).
fn closest_length(sys_len: u64, lengths: impl Iterator<Item = u64>) -> u64 {
    let mut closest: Option<(u64, u64)> = None;
    for length in lengths {
        let diff = sys_len.abs_diff(length);
        closest = match closest {
            Some((best_diff, best)) if diff > best_diff || (diff == best_diff && best <= length) => {
                Some((best_diff, best))
            }
            _ => Some((diff, length)),
        };
    }
    closest.map_or(0, |(_, length)| length)
}

/// `sacrebleu.sentence_bleu(candidate, references)`: effective order, `exp`
/// smoothing, `13a`, case-sensitive.
pub fn sentence_bleu<S: AsRef<str>>(candidate: &str, references: &[S]) -> BleuScore {
    bleu_stats(candidate, references).score(true)
}

/// `BLEU().corpus_score`: the segments' statistics summed, then scored
/// without effective order.
pub fn corpus_bleu(segments: impl IntoIterator<Item = BleuStats>) -> BleuScore {
    let mut total = BleuStats::default();
    for stats in segments {
        total += stats;
    }
    total.score(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sentence_scores_100() {
        let score = sentence_bleu("The cat sat on the mat.", &["The cat sat on the mat."]);
        // exp(ln 100) in floating point, as sacreBLEU prints it too.
        assert_eq!(score.score, 100.00000000000004);
        assert_eq!((score.counts, score.totals), ([7, 6, 5, 4], [7, 6, 5, 4]));
    }

    #[test]
    fn closest_reference_length_prefers_the_shorter_on_ties() {
        assert_eq!(closest_length(5, [7, 3, 9].into_iter()), 3);
        assert_eq!(closest_length(5, [7, 4, 6].into_iter()), 4);
        assert_eq!(closest_length(5, std::iter::empty()), 0);
    }

    #[test]
    fn effective_order_stops_at_the_first_order_without_ngrams() {
        // Two tokens: unigrams and bigrams only. 2/2 and 1/1: BLEU 100 with effective order.
        let stats = bleu_stats("a b", &["a b"]);
        assert_eq!(stats.score(true).score, 100.00000000000004);
        assert_eq!(stats.score(false).score, 0.0);
    }

    #[test]
    fn exp_smoothing_halves_each_unmatched_order() {
        let stats = BleuStats { sys_len: 10, ref_len: 10, counts: [5, 0, 0, 0], totals: [10, 9, 8, 7] };
        let score = stats.score(false);
        assert_eq!(score.precisions, [50.0, 100.0 / 18.0, 100.0 / 32.0, 100.0 / 56.0]);
        assert_eq!(BleuStats { counts: [0; 4], ..stats }.score(false).score, 0.0);
    }

    #[test]
    fn empty_candidate_has_zero_brevity_penalty() {
        let score = sentence_bleu("", &["a b c"]);
        assert_eq!((score.score, score.bp, score.sys_len, score.ref_len), (0.0, 0.0, 0, 3));
    }
}
