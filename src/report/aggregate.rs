//! The one aggregation behind `summary.csv`, `summary.md` and `summary.svg`:
//! per corpus × summarizer × metric, the mean P, R and F of the documents and
//! a seeded bootstrap interval of the mean F. `run`, `score` and `merge` all
//! feed an [`Aggregator`] (through the run directory's writer), so the tests
//! of this module test what production computes.
//!
//! Owns: [`Aggregator`], the [`AggregateRow`] it yields and the [`Timing`]
//! that gives a row its speed. Never formats output (see [`super::csv`],
//! [`super::markdown`], [`super::svg`]).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::bootstrap::{Interval, keyed_mean_interval};
use super::stats::mean;
use crate::rouge::Score;

/// Time one summarizer spent on one corpus (summed over threads), as
/// `run.json` records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    /// Corpus name.
    pub corpus: String,
    /// Summarizer name.
    pub summarizer: String,
    /// Documents summarized.
    pub documents: usize,
    /// Seconds spent summarizing them.
    pub seconds: f64,
}

/// One row of `summary.csv`: the scores of one summarizer under one metric on
/// one corpus, aggregated over its documents. Scores are fractions in [0, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateRow {
    /// Corpus name.
    pub corpus: String,
    /// Summarizer name.
    pub summarizer: String,
    /// Metric name.
    pub metric: String,
    /// Documents scored.
    pub n_docs: usize,
    /// Mean precision.
    pub precision_mean: f64,
    /// Mean recall.
    pub recall_mean: f64,
    /// Mean F-measure.
    pub fmeasure_mean: f64,
    /// Lower bound of the 95% bootstrap interval of the mean F (see [`Aggregator::rows`]).
    pub fmeasure_ci_low: f64,
    /// Upper bound of the 95% bootstrap interval of the mean F.
    pub fmeasure_ci_high: f64,
    /// Mean summary length in words over this corpus × summarizer's summaries.
    pub summary_words_mean: Option<f64>,
    /// Documents per second from the matching [`Timing`]; `None` without one
    /// (or when its time is zero).
    pub docs_per_second: Option<f64>,
}

/// Accumulates scored summaries, keyed by position: the summarizer's and the
/// metric's index in the lists given to [`Aggregator::new`], within the corpus
/// last begun. It keeps per row every document's F (the bootstrap needs them
/// all: 8 bytes each) and running sums of P and R, the document ids once per
/// corpus and the summary words per corpus × summarizer; no string is hashed
/// or copied per score.
#[derive(Debug, Clone)]
pub struct Aggregator {
    summarizers: Vec<String>,
    metrics: Vec<String>,
    corpora: Vec<CorpusRows>,
}

/// One corpus's rows, summarizer-major: row `s * metrics + m`.
#[derive(Debug, Clone)]
struct CorpusRows {
    name: String,
    doc_ids: Vec<String>,
    rows: Vec<Row>,
    /// Per summarizer: words summed, summaries counted.
    words: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Default)]
struct Row {
    /// Every document's F, in arrival order (entry `i` is `doc_ids[i]`).
    fmeasure: Vec<f64>,
    precision_sum: f64,
    recall_sum: f64,
}

impl Aggregator {
    /// An aggregator for these summarizers and metrics, in report order.
    pub fn new(summarizers: Vec<String>, metrics: Vec<String>) -> Self {
        Aggregator { summarizers, metrics, corpora: Vec::new() }
    }

    /// Starts corpus `name`, whose summaries follow; `documents` (the count
    /// expected, or 0 if unknown) sizes its vectors once.
    pub fn begin_corpus(&mut self, name: &str, documents: usize) {
        let row = Row { fmeasure: Vec::with_capacity(documents), ..Row::default() };
        self.corpora.push(CorpusRows {
            name: name.to_string(),
            doc_ids: Vec::with_capacity(documents),
            rows: vec![row; self.summarizers.len() * self.metrics.len()],
            words: vec![(0, 0); self.summarizers.len()],
        });
    }

    /// Adds the summary of document `doc_id` by summarizer number
    /// `summarizer` (of [`Aggregator::new`]'s list), `words` long, with one
    /// score per metric in order. Every summarizer's summary of a document is
    /// added before the next document's.
    ///
    /// # Panics
    /// Before any [`Aggregator::begin_corpus`], or with an index or score
    /// count that does not match the lists given to [`Aggregator::new`].
    pub fn add(&mut self, summarizer: usize, doc_id: &str, words: usize, scores: &[Score]) {
        assert_eq!(scores.len(), self.metrics.len(), "one score per metric");
        let metrics = self.metrics.len();
        let corpus = self.corpora.last_mut().expect("begin_corpus before add");
        if corpus.doc_ids.last().map(String::as_str) != Some(doc_id) {
            corpus.doc_ids.push(doc_id.to_string());
        }
        let rows = &mut corpus.rows[summarizer * metrics..][..metrics];
        for (row, score) in rows.iter_mut().zip(scores) {
            row.fmeasure.push(score.fmeasure);
            row.precision_sum += score.precision;
            row.recall_sum += score.recall;
        }
        let (total, count) = &mut corpus.words[summarizer];
        *total += words;
        *count += 1;
    }

    /// The rows in report order (corpus, then summarizer, then metric),
    /// leaving out rows without documents; computed in parallel, each from
    /// its own scores only.
    ///
    /// Means are arithmetic means over the row's documents (P and R summed in
    /// arrival order, F in document-id order). The F interval is a
    /// **percentile bootstrap**: 1,000 resamples of the row's documents with
    /// replacement, the mean F of each, and the 2.5th and 97.5th percentiles
    /// of those means (linear interpolation, NumPy's default). Resampling
    /// draws from a ChaCha8 stream seeded with SHA-256 of `seed` and the row
    /// key (corpus, summarizer, metric), over the row's F values sorted by
    /// document id: a row's interval depends only on its own scores and the
    /// seed, never on other rows or on the order documents arrived in.
    /// `docs_per_second` is `documents / seconds` of the matching timing.
    pub fn rows(&self, seed: u64, timings: &[Timing]) -> Vec<AggregateRow> {
        let metrics = self.metrics.len();
        let work: Vec<(&CorpusRows, Vec<usize>, usize)> = self
            .corpora
            .iter()
            .filter(|corpus| !corpus.doc_ids.is_empty())
            .flat_map(|corpus| {
                let mut by_id: Vec<usize> = (0..corpus.doc_ids.len()).collect();
                by_id.sort_by(|&a, &b| corpus.doc_ids[a].cmp(&corpus.doc_ids[b]));
                (0..corpus.rows.len()).map(move |row| (corpus, by_id.clone(), row))
            })
            .filter(|(corpus, _, row)| !corpus.rows[*row].fmeasure.is_empty())
            .collect();
        work.into_par_iter()
            .map(|(corpus, by_id, index)| {
                let row = &corpus.rows[index];
                let (summarizer, metric) =
                    (&self.summarizers[index / metrics], &self.metrics[index % metrics]);
                // Undefined values (NaN: a metric undefined on a document) are left out.
                let f: Vec<f64> =
                    by_id.iter().map(|&doc| row.fmeasure[doc]).filter(|x| !x.is_nan()).collect();
                let key = [corpus.name.as_str(), summarizer.as_str(), metric.as_str()];
                let Interval { low, high } = keyed_mean_interval(&f, seed, &key);
                let n = row.fmeasure.len() as f64;
                let (words, count) = corpus.words[index / metrics];
                let docs_per_second = timings
                    .iter()
                    .find(|t| t.corpus == corpus.name && t.summarizer == *summarizer && t.seconds > 0.0)
                    .map(|t| t.documents as f64 / t.seconds);
                AggregateRow {
                    corpus: corpus.name.clone(),
                    summarizer: summarizer.clone(),
                    metric: metric.clone(),
                    n_docs: f.len(),
                    precision_mean: row.precision_sum / n,
                    recall_mean: row.recall_sum / n,
                    fmeasure_mean: mean(&f),
                    fmeasure_ci_low: low,
                    fmeasure_ci_high: high,
                    summary_words_mean: (count > 0).then(|| words as f64 / count as f64),
                    docs_per_second,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(p: f64, r: f64, f: f64) -> Score {
        Score { precision: p, recall: r, fmeasure: f }
    }

    /// Corpus `c`, summarizers lead and lsa, metrics rouge1 and rouge2; lsa
    /// gets rouge1 0.1 / 0.3 and rouge2 0.
    fn sample(docs: &[&str]) -> Aggregator {
        let mut a =
            Aggregator::new(vec!["lead".into(), "lsa".into()], vec!["rouge1".into(), "rouge2".into()]);
        a.begin_corpus("c", docs.len());
        for &doc in docs {
            let (lead, lsa) = match doc {
                "d1" => ([score(0.5, 0.25, 0.4), score(0.2, 0.1, 0.1)], score(0.1, 0.1, 0.1)),
                _ => ([score(0.7, 0.75, 0.6), score(0.4, 0.3, 0.3)], score(0.3, 0.3, 0.3)),
            };
            a.add(0, doc, if doc == "d1" { 10 } else { 15 }, &lead);
            a.add(1, doc, 5, &[lsa, score(0.0, 0.0, 0.0)]);
        }
        a
    }

    #[test]
    fn rows_in_report_order_with_hand_means() {
        let timings = [Timing { corpus: "c".into(), summarizer: "lead".into(), documents: 2, seconds: 0.5 }];
        let rows = sample(&["d1", "d2"]).rows(1, &timings);
        let keys: Vec<_> = rows.iter().map(|r| (r.summarizer.as_str(), r.metric.as_str())).collect();
        assert_eq!(keys, [("lead", "rouge1"), ("lead", "rouge2"), ("lsa", "rouge1"), ("lsa", "rouge2")]);
        let lead1 = &rows[0];
        assert_eq!(lead1.n_docs, 2);
        assert_eq!(lead1.precision_mean, 0.6); // (0.5 + 0.7) / 2
        assert_eq!(lead1.recall_mean, 0.5); // (0.25 + 0.75) / 2
        assert_eq!(lead1.fmeasure_mean, 0.5); // (0.4 + 0.6) / 2
        // Two documents: resample means are 0.4, 0.5 or 0.6, so the interval is [0.4, 0.6]
        // (each extreme has probability 1/4, far above the 2.5% tail).
        assert_eq!((lead1.fmeasure_ci_low, lead1.fmeasure_ci_high), (0.4, 0.6));
        assert_eq!(lead1.summary_words_mean, Some(12.5));
        assert_eq!(lead1.docs_per_second, Some(4.0));
        assert_eq!(rows[2].summary_words_mean, Some(5.0));
        assert_eq!(rows[2].docs_per_second, None);
    }

    #[test]
    fn f_and_its_interval_do_not_depend_on_document_arrival_order() {
        let forward = sample(&["d1", "d2"]).rows(9, &[]);
        let backward = sample(&["d2", "d1"]).rows(9, &[]);
        for (a, b) in forward.iter().zip(&backward) {
            assert_eq!(
                (a.fmeasure_mean, a.fmeasure_ci_low, a.fmeasure_ci_high),
                (b.fmeasure_mean, b.fmeasure_ci_low, b.fmeasure_ci_high)
            );
        }
    }

    #[test]
    fn a_corpus_without_documents_has_no_rows() {
        let mut a = sample(&["d1"]);
        a.begin_corpus("empty", 0);
        assert!(a.rows(0, &[]).iter().all(|r| r.corpus == "c"));
    }
}
