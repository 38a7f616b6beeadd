//! chrF and chrF++ as sacreBLEU 2.6.0's `CHRF` computes them, with its
//! options ([`ChrfOptions`]): character n-grams of orders 1..=6 over the
//! text with whitespace removed (or kept, `whitespace`), plus word n-grams
//! (chrF++: orders 1..=2) over whitespace tokens with one leading or
//! trailing ASCII punctuation mark split off; β = 2; precision and recall
//! averaged over the orders that have n-grams on both sides (sacreBLEU's
//! default "effective order"), or the mean of per-order F scores with
//! `eps_smoothing`; optionally lowercased.

use std::hash::Hash;

use rustc_hash::FxHashMap;

use super::pystr;

/// Character n-gram order (sacreBLEU's `CHAR_ORDER`).
pub const CHAR_ORDER: usize = 6;
/// chrF++'s word n-gram order (`CHRF(word_order=2)`); chrF has 0.
pub const CHRF_PLUS_PLUS_WORD_ORDER: usize = 2;
/// β: recall weighs β² = 4 times precision.
pub const BETA: u32 = 2;

/// sacreBLEU's `eps` in `_compute_f_score`.
const EPS: f64 = 1e-16;

/// The options of sacreBLEU's `CHRF(...)`; [`ChrfOptions::default`] is `CHRF()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChrfOptions {
    /// `char_order` (default 6).
    pub char_order: usize,
    /// `word_order` (0 for chrF, 2 for chrF++).
    pub word_order: usize,
    /// `beta` (default 2).
    pub beta: u32,
    /// `lowercase` (Python's `str.lower()` on every text).
    pub lowercase: bool,
    /// `whitespace`: keep whitespace in character n-grams.
    pub whitespace: bool,
    /// `eps_smoothing`: the mean of per-order F scores, ε for undefined ones.
    pub eps_smoothing: bool,
}

impl Default for ChrfOptions {
    fn default() -> Self {
        ChrfOptions {
            char_order: CHAR_ORDER,
            word_order: 0,
            beta: BETA,
            lowercase: false,
            whitespace: false,
            eps_smoothing: false,
        }
    }
}

impl ChrfOptions {
    /// `CHRF()` with `word_order` (0: chrF, 2: chrF++).
    pub fn with_word_order(word_order: usize) -> Self {
        ChrfOptions { word_order, ..ChrfOptions::default() }
    }
}

/// chrF statistics: `[candidate, reference, matched]` n-gram counts per order,
/// character orders first, then word orders (sacreBLEU's flattened list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChrfStats {
    /// One `[candidate, reference, matched]` triple per order.
    pub orders: Vec<[u64; 3]>,
}

impl ChrfStats {
    /// Zero statistics for `CHAR_ORDER + word_order` orders.
    pub fn zero(word_order: usize) -> ChrfStats {
        ChrfStats { orders: vec![[0; 3]; CHAR_ORDER + word_order] }
    }

    /// Adds `other` order by order (corpus level sums statistics).
    ///
    /// # Panics
    /// If the two have different numbers of orders.
    pub fn add(&mut self, other: &ChrfStats) {
        assert_eq!(self.orders.len(), other.orders.len(), "chrF statistics of different orders");
        for (mine, theirs) in self.orders.iter_mut().zip(&other.orders) {
            for k in 0..3 {
                mine[k] += theirs[k];
            }
        }
    }

    /// The chrF score (0–100) of these statistics with `CHRF()`'s β and
    /// without `eps_smoothing`.
    pub fn score(&self) -> f64 {
        self.score_with(&ChrfOptions::default())
    }

    /// sacreBLEU's `CHRF._compute_f_score` under `options` (β,
    /// `eps_smoothing`; the orders are those of the statistics).
    pub fn score_with(&self, options: &ChrfOptions) -> f64 {
        let factor = f64::from(options.beta * options.beta);
        let (mut avg_precision, mut avg_recall, mut effective_order) = (0.0, 0.0, 0u32);
        let mut eps_score = 0.0;
        for &[hyp, reference, matched] in &self.orders {
            let precision = if hyp > 0 { matched as f64 / hyp as f64 } else { EPS };
            let recall = if reference > 0 { matched as f64 / reference as f64 } else { EPS };
            let denominator = factor * precision + recall;
            eps_score +=
                if denominator > 0.0 { (1.0 + factor) * precision * recall / denominator } else { EPS };
            if hyp > 0 && reference > 0 {
                avg_precision += precision;
                avg_recall += recall;
                effective_order += 1;
            }
        }
        if options.eps_smoothing {
            return 100.0 * eps_score / self.orders.len() as f64;
        }
        if effective_order == 0 {
            return 0.0;
        }
        avg_precision /= f64::from(effective_order);
        avg_recall /= f64::from(effective_order);
        if avg_precision + avg_recall == 0.0 {
            return 0.0;
        }
        let score = (1.0 + factor) * avg_precision * avg_recall / (factor * avg_precision + avg_recall);
        100.0 * score
    }
}

/// The n-gram counts of one text, every order (character orders, then word orders).
struct Grams<'a> {
    chars: Vec<FxHashMap<&'a [char], u64>>,
    words: Vec<FxHashMap<&'a [&'a str], u64>>,
}

/// The characters of `text` character n-grams are made of: all of them
/// with `whitespace`, else those that are not whitespace.
fn ngram_chars(text: &str, whitespace: bool) -> Vec<char> {
    text.chars().filter(|&c| whitespace || !pystr::is_space(c)).collect()
}

/// sacreBLEU's `CHRF._remove_punctuation`: whitespace tokens; a token longer
/// than one character loses a trailing ASCII punctuation mark to a token of
/// its own, or else a leading one (`(hi)` → `(hi`, `)`).
pub fn chrf_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for word in pystr::split(text) {
        let first = word.chars().next().expect("split gives non-empty tokens");
        if word.len() == first.len_utf8() {
            words.push(word);
        } else if word.ends_with(|c: char| c.is_ascii_punctuation()) {
            let (head, last) = word.split_at(word.len() - 1);
            words.extend([head, last]);
        } else if first.is_ascii_punctuation() {
            words.extend([&word[..1], &word[1..]]);
        } else {
            words.push(word);
        }
    }
    words
}

fn counts<T: Hash + Eq>(items: &[T], n: usize) -> FxHashMap<&[T], u64> {
    let mut counts = FxHashMap::default();
    if n <= items.len() {
        for gram in items.windows(n) {
            *counts.entry(gram).or_insert(0) += 1;
        }
    }
    counts
}

impl<'a> Grams<'a> {
    fn new(chars: &'a [char], words: &'a [&'a str], options: &ChrfOptions) -> Self {
        Grams {
            chars: (1..=options.char_order).map(|n| counts(chars, n)).collect(),
            words: (1..=options.word_order).map(|n| counts(words, n)).collect(),
        }
    }

    /// sacreBLEU's `_get_match_statistics` for every order, candidate `self`.
    fn match_stats(&self, reference: &Grams<'_>) -> ChrfStats {
        let mut orders = Vec::with_capacity(self.chars.len() + self.words.len());
        orders.extend(self.chars.iter().zip(&reference.chars).map(|(h, r)| match_one(h, r)));
        orders.extend(self.words.iter().zip(&reference.words).map(|(h, r)| match_one(h, r)));
        ChrfStats { orders }
    }
}

/// `[candidate, reference, matched]` for one order. The candidate count is 0
/// when the reference has no n-gram of the order (sacreBLEU's rule).
fn match_one<K: Hash + Eq>(hyp: &FxHashMap<K, u64>, reference: &FxHashMap<K, u64>) -> [u64; 3] {
    let (mut hyp_count, mut matched) = (0, 0);
    for (gram, &count) in hyp {
        hyp_count += count;
        if let Some(&r) = reference.get(gram) {
            matched += count.min(r);
        }
    }
    let reference_count = reference.values().sum();
    [if reference.is_empty() { 0 } else { hyp_count }, reference_count, matched]
}

/// The statistics of `candidate` against the reference with the best chrF
/// (the first on ties), as sacreBLEU's `CHRF._compute_segment_statistics`.
/// `word_order` is 0 for chrF, 2 for chrF++. With no reference, zeros.
pub fn chrf_stats<S: AsRef<str>>(candidate: &str, references: &[S], word_order: usize) -> ChrfStats {
    chrf_stats_with(candidate, references, &ChrfOptions::with_word_order(word_order))
}

/// [`chrf_stats`] under `options`: texts lowercased if asked, the best
/// reference chosen by the chrF `options` give. With no reference, zeros.
pub fn chrf_stats_with<S: AsRef<str>>(candidate: &str, references: &[S], options: &ChrfOptions) -> ChrfStats {
    let prepare = |text: &str| if options.lowercase { text.to_lowercase() } else { text.to_string() };
    let candidate = prepare(candidate);
    let (chars, words) = (ngram_chars(&candidate, options.whitespace), chrf_words(&candidate));
    let hyp = Grams::new(&chars, &words, options);
    let mut best: Option<(f64, ChrfStats)> = None;
    for reference in references {
        let reference = prepare(reference.as_ref());
        let (chars, words) = (ngram_chars(&reference, options.whitespace), chrf_words(&reference));
        let stats = hyp.match_stats(&Grams::new(&chars, &words, options));
        let score = stats.score_with(options);
        if best.as_ref().is_none_or(|(best, _)| score > *best) {
            best = Some((score, stats));
        }
    }
    best.map_or_else(
        || ChrfStats { orders: vec![[0; 3]; options.char_order + options.word_order] },
        |(_, stats)| stats,
    )
}

/// Sentence chrF (`word_order` 0) or chrF++ (`word_order` 2), 0–100:
/// `CHRF(word_order=…).sentence_score(candidate, references)`.
pub fn sentence_chrf<S: AsRef<str>>(candidate: &str, references: &[S], word_order: usize) -> f64 {
    chrf_stats(candidate, references, word_order).score()
}

/// `CHRF(**options).sentence_score(candidate, references)`, 0–100.
pub fn sentence_chrf_with<S: AsRef<str>>(candidate: &str, references: &[S], options: &ChrfOptions) -> f64 {
    chrf_stats_with(candidate, references, options).score_with(options)
}

/// `CHRF(**options).corpus_score`: the segments' statistics (made with the
/// same `options`) summed order by order, then scored, 0–100.
pub fn corpus_chrf_with(segments: impl IntoIterator<Item = ChrfStats>, options: &ChrfOptions) -> f64 {
    let mut total = ChrfStats { orders: vec![[0; 3]; options.char_order + options.word_order] };
    for stats in segments {
        total.add(&stats);
    }
    total.score_with(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_one_punctuation_mark_off_the_end_or_else_the_start() {
        assert_eq!(
            chrf_words("(hi) \"yes\" no. ok ! é. .é ..."),
            ["(hi", ")", "\"yes", "\"", "no", ".", "ok", "!", "é", ".", ".", "é", "..", "."]
        );
    }

    #[test]
    fn identical_texts_score_100_and_disjoint_ones_0() {
        assert_eq!(sentence_chrf("a cat", &["a cat"], 0), 100.0);
        assert_eq!(sentence_chrf("a cat", &["a cat"], 2), 100.0);
        assert_eq!(sentence_chrf("xyz", &["abc"], 0), 0.0);
    }

    #[test]
    fn candidate_counts_vanish_for_orders_the_reference_lacks() {
        // Reference "ab" has no 3-grams: the candidate's 3-grams are not counted.
        let stats = chrf_stats("abc", &["ab"], 0);
        assert_eq!(stats.orders[..3], [[3, 2, 2], [2, 1, 1], [0, 0, 0]]);
    }

    #[test]
    fn whitespace_is_removed_before_character_ngrams() {
        assert_eq!(chrf_stats("a b", &["ab"], 0), chrf_stats("ab", &["a  b"], 0));
    }
}
