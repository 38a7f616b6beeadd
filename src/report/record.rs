//! The rows every report is built from: one [`ScoreRecord`] per corpus ×
//! document × summarizer × metric, one [`SummaryRecord`] per summary.

use serde::{Deserialize, Serialize};

/// One row of `scores.csv`: the score of one summary under one metric.
/// Scores are fractions in [0, 1], as rouge-score reports them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreRecord {
    /// Corpus name (the corpus path's final component).
    pub corpus: String,
    /// Document id.
    pub doc_id: String,
    /// Summarizer (or outside system) name.
    pub summarizer: String,
    /// Metric name, e.g. `rouge1`, `rougeLsum`, `rougeSU4`.
    pub metric: String,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F-measure.
    pub fmeasure: f64,
    /// The budget as given on the command line, e.g. `3s`, `100w`, `ref`.
    pub budget: String,
}

/// One line of `summaries.jsonl`: a summary for inspection and re-scoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRecord {
    /// Corpus name.
    pub corpus: String,
    /// Document id.
    pub doc_id: String,
    /// Summarizer (or outside system) name.
    pub summarizer: String,
    /// Chosen sentence indices in document order (empty for outside systems).
    pub sentences: Vec<usize>,
    /// The summary text, one sentence per line.
    pub text: String,
    /// Words in `text` (whitespace-separated, or in unspaced scripts the
    /// word splitter's: see [`crate::lang::word_count`]).
    pub words: usize,
    /// The document's language, as given or detected (`en` in files written
    /// before languages existed).
    #[serde(default)]
    pub language: crate::lang::Language,
}
