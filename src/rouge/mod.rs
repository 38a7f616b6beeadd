//! ROUGE as Google's `rouge-score` 0.1.2 computes it, bit for bit:
//! rouge1…rouge9, rougeL and rougeLsum, with or without stemming, and
//! `score_multi`'s multi-reference rule.
//!
//! Owns: ROUGE tokenization, n-gram and LCS arithmetic, and the per-document
//! [`DocumentScorer`] that tokenizes references and source sentences once.
//! Never reads files or knows about summarizers' internals.
//!
//! Layout: `tokenize` (the only user of the `rougers` crate: its tokenizer
//! and NLTK Porter stemmer, cached per thread), `ngram` and `lcs` (arithmetic
//! on token ids), `reference` (a reference prepared once), `scorer`
//! ([`Scorer`], pairs of texts) and `document` ([`DocumentScorer`], many
//! candidates of one document).

mod document;
mod lcs;
mod lines;
mod ngram;
mod reference;
mod scorer;
mod tokenize;
mod xlsum;

use std::fmt;
use std::str::FromStr;

pub use document::DocumentScorer;
pub use lines::{sentence_per_line, sentence_per_line_in};
pub use scorer::{Scorer, TokenizedText, score_tokenized};
pub use tokenize::{RougeTokenizer, UnknownRougeTokenizer, UnsupportedLanguage, has_tokens, tokenize};

/// A rouge-score metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// `rougeN` for N in 1..=9: n-gram overlap.
    N(u8),
    /// `rougeL`: longest common subsequence over the whole text.
    L,
    /// `rougeLsum`: union LCS over newline-separated sentences.
    Lsum,
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::N(n) => write!(f, "rouge{n}"),
            Metric::L => f.write_str("rougeL"),
            Metric::Lsum => f.write_str("rougeLsum"),
        }
    }
}

/// An unknown metric name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown ROUGE metric `{0}` (expected rouge1…rouge9, rougeL or rougeLsum)")]
pub struct UnknownMetric(pub String);

impl FromStr for Metric {
    type Err = UnknownMetric;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "rougeL" => Ok(Metric::L),
            "rougeLsum" => Ok(Metric::Lsum),
            _ => match s.strip_prefix("rouge").map(str::as_bytes) {
                Some([d @ b'1'..=b'9']) => Ok(Metric::N(d - b'0')),
                _ => Err(UnknownMetric(s.to_string())),
            },
        }
    }
}

/// Precision, recall and F-measure of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Score {
    /// Matches / candidate count.
    pub precision: f64,
    /// Matches / reference count.
    pub recall: f64,
    /// Harmonic mean, in rouge-score's operation order.
    pub fmeasure: f64,
}

impl Score {
    /// Precision `hits / candidate_total` and recall `hits / reference_total`
    /// (a zero total counts as 1, as rouge-score's `max(total, 1)`), with
    /// F = ((2·P)·R) / (P + R) in exactly that operation order, 0 when P + R = 0.
    pub fn from_counts(hits: usize, candidate_total: usize, reference_total: usize) -> Self {
        let precision = hits as f64 / candidate_total.max(1) as f64;
        let recall = hits as f64 / reference_total.max(1) as f64;
        let fmeasure =
            if precision + recall > 0.0 { ((2.0 * precision) * recall) / (precision + recall) } else { 0.0 };
        Score { precision, recall, fmeasure }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_names_round_trip() {
        for name in ["rouge1", "rouge9", "rougeL", "rougeLsum"] {
            assert_eq!(name.parse::<Metric>().map(|m| m.to_string()).as_deref(), Ok(name));
        }
        for bad in ["rouge0", "rouge10", "rougel", "ROUGE1", "rougeW"] {
            assert!(bad.parse::<Metric>().is_err(), "{bad}");
        }
    }

    #[test]
    fn f_measure_operation_order() {
        // P = 1/2, R = 1: ((2·½)·1) / 1.5 = 1 / 1.5, correctly rounded to
        // 0.6666666666666666 (the double nearest 2/3).
        let score = Score::from_counts(1, 2, 1);
        assert_eq!(score.fmeasure, 0.6666666666666666);
        assert_eq!(Score::from_counts(0, 0, 0), Score::default());
    }
}
