//! Jensen–Shannon divergence between the unigram distributions of a summary
//! and its source (reference-free; Louis & Nenkova 2013).
//!
//! Choices, named in the signature:
//! - tokens: the summarizers' words ([`WordTokenizer`]: UAX #29 words holding
//!   a letter or digit, lower-cased, Snowball-stemmed), NLTK stop words
//!   removed, as Louis & Nenkova use stemmed content words;
//! - smoothing: additive, δ = [`JS_SMOOTHING`] per word of the union
//!   vocabulary V: p(w) = (c(w) + δ) / (N + δ|V|). Unsmoothed JS is already
//!   finite (M > 0 wherever P or Q is), so δ only has to be small: it keeps the
//!   divergence defined for a summary without content words (P uniform over V)
//!   and follows Louis & Nenkova, who smooth;
//! - log base 2, so the divergence lies in [0, 1].

use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::WordTokenizer;

/// δ, the additive smoothing per vocabulary word.
pub const JS_SMOOTHING: f64 = 0.0005;

/// Stem counts of the content words (non-stop words) of `text`: the words of
/// [`WordTokenizer::words`], each distinct word normalized once.
pub fn content_counts(text: &str, tokenizer: &WordTokenizer) -> FxHashMap<String, u64> {
    let mut words: FxHashMap<&str, u64> = FxHashMap::default();
    for word in text.unicode_words() {
        *words.entry(word).or_insert(0) += 1;
    }
    let mut counts = FxHashMap::default();
    for (word, count) in words {
        let lower = word.to_lowercase();
        if !tokenizer.is_stop_word(&lower) {
            *counts.entry(tokenizer.stem(&lower)).or_insert(0) += count;
        }
    }
    counts
}

/// JS(P‖Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = ½(P + Q), in bits, between the
/// smoothed distributions of two count tables over their union vocabulary
/// (summed in the vocabulary's sorted order). `None` when both are empty.
pub fn js_divergence_counts(p: &FxHashMap<String, u64>, q: &FxHashMap<String, u64>) -> Option<f64> {
    let mut vocabulary: Vec<&str> =
        p.keys().chain(q.keys().filter(|w| !p.contains_key(*w))).map(String::as_str).collect();
    if vocabulary.is_empty() {
        return None;
    }
    vocabulary.sort_unstable();
    let size = vocabulary.len() as f64;
    let total = |counts: &FxHashMap<String, u64>| counts.values().sum::<u64>() as f64 + JS_SMOOTHING * size;
    let (p_total, q_total) = (total(p), total(q));
    let mut divergence = 0.0;
    for word in vocabulary {
        let probability = |counts: &FxHashMap<String, u64>, total: f64| {
            (counts.get(word).copied().unwrap_or(0) as f64 + JS_SMOOTHING) / total
        };
        let (pw, qw) = (probability(p, p_total), probability(q, q_total));
        let mw = 0.5 * (pw + qw);
        divergence += 0.5 * pw * (pw / mw).log2() + 0.5 * qw * (qw / mw).log2();
    }
    Some(divergence)
}

/// The Jensen–Shannon divergence (bits) between the content-word
/// distributions of `summary` and `source`; `None` when neither has a content word.
pub fn js_divergence(summary: &str, source: &str, tokenizer: &WordTokenizer) -> Option<f64> {
    js_divergence_counts(&content_counts(summary, tokenizer), &content_counts(source, tokenizer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_hand_computation() {
        // Content stems: summary {appl: 1, banana: 1}, source {appl: 2, cherri: 1};
        // "the" and "and" are stop words. V = {appl, banana, cherri}, δ = 0.0005:
        // P = (1.0005, 1.0005, 0.0005) / 2.0015, Q = (2.0005, 0.0005, 1.0005) / 3.0015.
        // JS by hand (Python: exact fractions for P, Q, M, then math.log2) = 0.4228678451878751.
        let tokenizer = WordTokenizer::english();
        let js = js_divergence("The apple and banana", "apples, apple and the cherry", &tokenizer).unwrap();
        let p: [f64; 3] = [1.0005 / 2.0015, 1.0005 / 2.0015, 0.0005 / 2.0015];
        let q: [f64; 3] = [2.0005 / 3.0015, 0.0005 / 3.0015, 1.0005 / 3.0015];
        let by_hand: f64 = (0..3)
            .map(|k| {
                let m = (p[k] + q[k]) / 2.0;
                0.5 * p[k] * (p[k] / m).log2() + 0.5 * q[k] * (q[k] / m).log2()
            })
            .sum();
        assert!((js - by_hand).abs() < 1e-15, "{js} vs {by_hand}");
        assert!((js - HAND).abs() < 1e-12, "{js}");
    }

    /// The value of the hand computation above.
    const HAND: f64 = 0.4228678451878751;

    #[test]
    fn content_counts_are_the_non_stop_words_stems() {
        let tokenizer = WordTokenizer::english();
        let text = "The Rivers rose; the river's banks, rivers... 2 rivers";
        let mut by_words: FxHashMap<String, u64> = FxHashMap::default();
        for word in tokenizer.words(text).filter(|w| !w.is_stop) {
            *by_words.entry(word.stem).or_insert(0) += 1;
        }
        assert_eq!(content_counts(text, &tokenizer), by_words);
        assert_eq!(by_words["river"], 4);
    }

    #[test]
    fn identical_texts_diverge_by_zero_and_disjoint_ones_by_nearly_one_bit() {
        let tokenizer = WordTokenizer::english();
        assert!(js_divergence("river floods", "river floods", &tokenizer).unwrap().abs() < 1e-15);
        let disjoint = js_divergence("river", "mountain", &tokenizer).unwrap();
        assert!(disjoint > 0.99 && disjoint < 1.0, "{disjoint}");
        assert_eq!(js_divergence("the and", "", &tokenizer), None);
    }
}
