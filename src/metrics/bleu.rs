//! BLEU as sacreBLEU 2.6.0 computes it (`sacrebleu/metrics/bleu.py`), with
//! its options ([`BleuOptions`]): a tokenizer (`13a` by default), optional
//! lowercasing, n-grams up to `max_ngram_order` (4), clipped counts against
//! the per-n-gram maximum over the references, the brevity penalty against
//! the closest reference length, smoothing (`exp` by default, `none`,
//! `floor`, `add-k`) and effective order. Sentence level is
//! `sacrebleu.sentence_bleu` (effective order); corpus level is
//! `BLEU().corpus_score` on statistics summed over the segments.

use std::fmt;
use std::str::FromStr;

use rustc_hash::FxHashMap;

use super::pystr;
use super::tokenizers::BleuTokenizer;

/// BLEU's default maximum n-gram order (sacreBLEU's `MAX_NGRAM_ORDER`).
pub const MAX_ORDER: usize = 4;

/// sacreBLEU's BLEU smoothing methods (`smooth_method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Smoothing {
    /// `none`: an unmatched order has precision 0 (so BLEU is 0).
    None,
    /// `floor`: an unmatched order has `smooth_value` matches (default 0.1).
    Floor,
    /// `add-k`: `smooth_value` (default 1) added to the matches and totals of orders 2 and up.
    AddK,
    /// `exp`: the k-th unmatched order has precision 1 / (2^k · total) (mteval-v13a's).
    #[default]
    Exp,
}

/// A smoothing name sacreBLEU does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown BLEU smoothing {0:?} (expected none, floor, add-k or exp)")]
pub struct UnknownSmoothing(pub String);

impl Smoothing {
    /// sacreBLEU's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Smoothing::None => "none",
            Smoothing::Floor => "floor",
            Smoothing::AddK => "add-k",
            Smoothing::Exp => "exp",
        }
    }

    /// sacreBLEU's `SMOOTH_DEFAULTS`: the value used when none is given
    /// (`None` for the methods that take none).
    pub fn default_value(self) -> Option<f64> {
        match self {
            Smoothing::Floor => Some(0.1),
            Smoothing::AddK => Some(1.0),
            Smoothing::None | Smoothing::Exp => None,
        }
    }
}

impl FromStr for Smoothing {
    type Err = UnknownSmoothing;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        [Smoothing::None, Smoothing::Floor, Smoothing::AddK, Smoothing::Exp]
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| UnknownSmoothing(name.to_string()))
    }
}

impl fmt::Display for Smoothing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The options of sacreBLEU's `BLEU(...)`, with its defaults
/// ([`BleuOptions::default`] is `BLEU()`, [`BleuOptions::sentence`] is
/// `sacrebleu.sentence_bleu`'s).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BleuOptions {
    /// `tokenize` (default `13a`).
    pub tokenize: BleuTokenizer,
    /// `smooth_method` (default `exp`).
    pub smooth_method: Smoothing,
    /// `smooth_value`; `None` takes the method's default.
    pub smooth_value: Option<f64>,
    /// `lowercase` (Python's `str.lower()` before tokenizing).
    pub lowercase: bool,
    /// `max_ngram_order` (default 4).
    pub max_ngram_order: usize,
    /// `effective_order`: stop the geometric mean at the first order without n-grams.
    pub effective_order: bool,
}

impl Default for BleuOptions {
    fn default() -> Self {
        BleuOptions {
            tokenize: BleuTokenizer::Tok13a,
            smooth_method: Smoothing::Exp,
            smooth_value: None,
            lowercase: false,
            max_ngram_order: MAX_ORDER,
            effective_order: false,
        }
    }
}

impl BleuOptions {
    /// `sacrebleu.sentence_bleu`'s defaults: `BLEU()`'s with effective order.
    pub fn sentence() -> Self {
        BleuOptions { effective_order: true, ..BleuOptions::default() }
    }

    /// The smoothing value in use: the given one, else the method's default.
    pub fn smooth_value(&self) -> Option<f64> {
        self.smooth_value.or(self.smooth_method.default_value())
    }

    /// The tokens of a segment as sacreBLEU's `_preprocess_segment` makes
    /// them: lowercased if asked, trailing whitespace stripped, tokenized.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        if self.lowercase {
            self.tokenize.tokens(pystr::rstrip(&text.to_lowercase()))
        } else {
            self.tokenize.tokens(pystr::rstrip(text))
        }
    }
}

/// A segment's (or a corpus's summed) BLEU statistics: what sacreBLEU keeps
/// per segment as `[sys_len, ref_len, correct…, total…]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BleuStats {
    /// Candidate tokens.
    pub sys_len: u64,
    /// Length of the reference closest to the candidate's (the shorter on ties).
    pub ref_len: u64,
    /// Matched n-grams per order 1..=max, each clipped by its maximum count in any one reference.
    pub counts: Vec<u64>,
    /// Candidate n-grams per order 1..=max.
    pub totals: Vec<u64>,
}

impl Default for BleuStats {
    /// Zero statistics of the default order (4).
    fn default() -> Self {
        BleuStats::zero(MAX_ORDER)
    }
}

/// A BLEU score with the statistics it came from, the fields of sacreBLEU's
/// `BLEUScore`. With `add-k`, sacreBLEU's `counts` and `totals` include the
/// added k (as floats); here they stay the statistics' integers and only
/// the precisions include it.
#[derive(Debug, Clone, PartialEq)]
pub struct BleuScore {
    /// BLEU on the 0–100 scale.
    pub score: f64,
    /// Matched n-grams per order.
    pub counts: Vec<u64>,
    /// Candidate n-grams per order.
    pub totals: Vec<u64>,
    /// Smoothed precisions per order, 0–100.
    pub precisions: Vec<f64>,
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
        BleuStats {
            sys_len: self.sys_len,
            ref_len: self.ref_len,
            counts: self.counts.clone(),
            totals: self.totals.clone(),
        }
    }
}

impl std::ops::AddAssign<&BleuStats> for BleuStats {
    /// Sums lengths and counts order by order (a shorter side counts as zeros).
    fn add_assign(&mut self, other: &BleuStats) {
        self.sys_len += other.sys_len;
        self.ref_len += other.ref_len;
        for (mine, theirs) in [(&mut self.counts, &other.counts), (&mut self.totals, &other.totals)] {
            if mine.len() < theirs.len() {
                mine.resize(theirs.len(), 0);
            }
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
    }
}

impl BleuStats {
    /// Zero statistics for n-gram orders 1..=`max_ngram_order`.
    pub fn zero(max_ngram_order: usize) -> Self {
        BleuStats {
            sys_len: 0,
            ref_len: 0,
            counts: vec![0; max_ngram_order],
            totals: vec![0; max_ngram_order],
        }
    }

    /// sacreBLEU's `BLEU.compute_bleu` with `exp` smoothing and the default
    /// order: an order with no match gets precision 100 / (2^k · total) for
    /// its k-th such order; an order with no candidate n-gram ends the
    /// product (with `effective_order`, the geometric mean then runs over
    /// the orders before it; without, the score is 0). No match at all gives 0.
    pub fn score(&self, effective_order: bool) -> BleuScore {
        self.score_with(&BleuOptions { effective_order, ..BleuOptions::default() })
    }

    /// sacreBLEU's `BLEU.compute_bleu(correct, total, sys_len, ref_len,
    /// smooth_method, smooth_value, effective_order, max_ngram_order)`: BLEU
    /// from sufficient statistics. Orders past `max_ngram_order` are
    /// ignored; missing ones count as zero.
    pub fn score_with(&self, options: &BleuOptions) -> BleuScore {
        let order_max = options.max_ngram_order;
        let at = |v: &[u64], n: usize| v.get(n).copied().unwrap_or(0);
        let counts: Vec<u64> = (0..order_max).map(|n| at(&self.counts, n)).collect();
        let totals: Vec<u64> = (0..order_max).map(|n| at(&self.totals, n)).collect();
        let (sys_len, ref_len) = (self.sys_len as f64, self.ref_len as f64);
        let bp = if self.sys_len < self.ref_len {
            if self.sys_len > 0 { (1.0 - ref_len / sys_len).exp() } else { 0.0 }
        } else {
            1.0
        };
        let mut precisions = vec![0.0; order_max];
        if counts.iter().all(|&c| c == 0) {
            return BleuScore {
                score: 0.0,
                counts,
                totals,
                precisions,
                bp,
                sys_len: self.sys_len,
                ref_len: self.ref_len,
            };
        }
        let smooth_value = options.smooth_value().unwrap_or(0.0);
        let mut smooth = 1.0;
        let mut order = order_max;
        for (n, precision) in precisions.iter_mut().enumerate() {
            let (mut correct, mut total) = (counts[n] as f64, totals[n] as f64);
            if options.smooth_method == Smoothing::AddK && n > 0 {
                correct += smooth_value;
                total += smooth_value;
            }
            if total == 0.0 {
                break;
            }
            if options.effective_order {
                order = n + 1;
            }
            if correct == 0.0 {
                match options.smooth_method {
                    Smoothing::Exp => {
                        smooth *= 2.0;
                        *precision = 100.0 / (smooth * total);
                    }
                    Smoothing::Floor => *precision = 100.0 * smooth_value / total,
                    Smoothing::None | Smoothing::AddK => {}
                }
            } else {
                *precision = 100.0 * correct / total;
            }
        }
        // sacreBLEU's `my_log`: log 0 is -9999999999.
        let log = |p: f64| if p == 0.0 { -9_999_999_999.0 } else { p.ln() };
        let sum: f64 = precisions[..order].iter().map(|&p| log(p)).sum();
        let score = bp * (sum / order as f64).exp();
        BleuScore { score, counts, totals, precisions, bp, sys_len: self.sys_len, ref_len: self.ref_len }
    }
}

/// The 13a tokens of `text` as sacreBLEU's default BLEU reads a segment:
/// trailing whitespace stripped, then `13a`.
pub fn bleu_tokens(text: &str) -> Vec<String> {
    BleuOptions::default().tokens(text)
}

/// Counts of every n-gram of order 1..=`max_order` of `tokens`.
fn ngram_counts(tokens: &[String], max_order: usize) -> FxHashMap<&[String], u64> {
    let mut counts = FxHashMap::default();
    for n in 1..=max_order.min(tokens.len()) {
        for gram in tokens.windows(n) {
            *counts.entry(gram).or_insert(0) += 1;
        }
    }
    counts
}

/// The default statistics of one candidate against its references
/// (13a, case-sensitive, orders 1..=4): [`bleu_stats_with`] with `BLEU()`'s options.
pub fn bleu_stats<S: AsRef<str>>(candidate: &str, references: &[S]) -> BleuStats {
    bleu_stats_with(candidate, references, &BleuOptions::default())
}

/// The statistics of one candidate against its references under `options`
/// (sacreBLEU's `_compute_segment_statistics`; only tokenization, case and
/// `max_ngram_order` matter here). With no reference the reference length
/// is 0 and nothing matches (sacreBLEU refuses that case).
pub fn bleu_stats_with<S: AsRef<str>>(candidate: &str, references: &[S], options: &BleuOptions) -> BleuStats {
    let max_order = options.max_ngram_order;
    let references: Vec<Vec<String>> = references.iter().map(|r| options.tokens(r.as_ref())).collect();
    let mut reference_counts: FxHashMap<&[String], u64> = FxHashMap::default();
    for tokens in &references {
        for (gram, count) in ngram_counts(tokens, max_order) {
            let best = reference_counts.entry(gram).or_insert(0);
            *best = (*best).max(count);
        }
    }
    let candidate = options.tokens(candidate);
    let mut stats = BleuStats { sys_len: candidate.len() as u64, ..BleuStats::zero(max_order) };
    stats.ref_len = closest_length(stats.sys_len, references.iter().map(|r| r.len() as u64));
    for (gram, count) in ngram_counts(&candidate, max_order) {
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
    sentence_bleu_with(candidate, references, &BleuOptions::sentence())
}

/// `BLEU(**options).sentence_score(candidate, references)`.
pub fn sentence_bleu_with<S: AsRef<str>>(
    candidate: &str,
    references: &[S],
    options: &BleuOptions,
) -> BleuScore {
    bleu_stats_with(candidate, references, options).score_with(options)
}

/// `BLEU().corpus_score`: the segments' statistics summed, then scored
/// without effective order.
pub fn corpus_bleu(segments: impl IntoIterator<Item = BleuStats>) -> BleuScore {
    corpus_bleu_with(segments, &BleuOptions::default())
}

/// `BLEU(**options).corpus_score`: the segments' statistics (made with the
/// same `options`) summed, then scored with `options`.
pub fn corpus_bleu_with(segments: impl IntoIterator<Item = BleuStats>, options: &BleuOptions) -> BleuScore {
    let mut total = BleuStats::zero(options.max_ngram_order);
    for stats in segments {
        total += &stats;
    }
    total.score_with(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sentence_scores_100() {
        let score = sentence_bleu("The cat sat on the mat.", &["The cat sat on the mat."]);
        // exp(ln 100) in floating point, as sacreBLEU prints it too.
        assert_eq!(score.score, 100.00000000000004);
        assert_eq!((score.counts, score.totals), (vec![7, 6, 5, 4], vec![7, 6, 5, 4]));
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
        let stats =
            BleuStats { sys_len: 10, ref_len: 10, counts: vec![5, 0, 0, 0], totals: vec![10, 9, 8, 7] };
        let score = stats.score(false);
        assert_eq!(score.precisions, [50.0, 100.0 / 18.0, 100.0 / 32.0, 100.0 / 56.0]);
        assert_eq!(BleuStats { counts: vec![0; 4], ..stats }.score(false).score, 0.0);
    }

    #[test]
    fn empty_candidate_has_zero_brevity_penalty() {
        let score = sentence_bleu("", &["a b c"]);
        assert_eq!((score.score, score.bp, score.sys_len, score.ref_len), (0.0, 0.0, 0, 3));
    }
}
