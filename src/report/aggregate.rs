//! Per corpus × summarizer × metric aggregates of the score records: the rows
//! of `summary.csv`, `summary.md` and `summary.svg`.
//!
//! Owns: [`aggregate`] and the [`SummaryRow`] it yields. Never formats output
//! (see [`super::csv`], [`super::markdown`], [`super::svg`]).

use std::collections::HashMap;

use super::bootstrap::{Interval, keyed_mean_interval};
use super::record::{ScoreRecord, SummaryRecord};
use super::stats::mean;

/// Wall-clock time one summarizer spent on one corpus (summarizing and scoring).
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    /// Corpus name.
    pub corpus: String,
    /// Summarizer name.
    pub summarizer: String,
    /// Seconds spent.
    pub seconds: f64,
    /// Documents processed in that time.
    pub docs: usize,
}

/// One row of `summary.csv`: the scores of one summarizer under one metric on one
/// corpus. Scores are fractions in [0, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
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
    /// Lower bound of the 95% bootstrap interval of the mean F (see [`aggregate`]).
    pub fmeasure_ci_low: f64,
    /// Upper bound of the 95% bootstrap interval of the mean F.
    pub fmeasure_ci_high: f64,
    /// Mean summary length in words over this corpus × summarizer's summaries;
    /// `None` when no summary records were given for it.
    pub summary_words_mean: Option<f64>,
    /// Documents per second from the matching [`Timing`]; `None` without one (or
    /// when its time is zero).
    pub docs_per_second: Option<f64>,
}

/// Aggregates score records into one [`SummaryRow`] per corpus × summarizer ×
/// metric, in the order each key first appears in `records`.
///
/// Means are plain arithmetic means over the row's documents. The F-measure
/// interval is a **percentile bootstrap**: 1,000 resamples of the row's documents
/// with replacement, the mean F of each, and the 2.5th and 97.5th percentiles of
/// those means (linear interpolation between order statistics, NumPy's default).
/// Resampling draws from a ChaCha8 stream seeded with SHA-256 of `seed` and the
/// row key (corpus, summarizer, metric), over the row's F values sorted by
/// document id: a row's interval depends only on its own scores and the seed,
/// never on other rows or on the order the records arrived in.
///
/// `summary_words_mean` averages `words` over the `summaries` of the row's corpus
/// and summarizer; `docs_per_second` is `docs / seconds` of the matching timing.
pub fn aggregate(
    records: &[ScoreRecord],
    summaries: &[SummaryRecord],
    timings: &[Timing],
    seed: u64,
) -> Vec<SummaryRow> {
    let mut order: Vec<(&str, &str, &str)> = Vec::new();
    let mut groups: HashMap<(&str, &str, &str), Vec<&ScoreRecord>> = HashMap::new();
    for r in records {
        let key = (r.corpus.as_str(), r.summarizer.as_str(), r.metric.as_str());
        groups
            .entry(key)
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .push(r);
    }
    let mut words: HashMap<(&str, &str), (f64, usize)> = HashMap::new();
    for s in summaries {
        let entry = words.entry((s.corpus.as_str(), s.summarizer.as_str())).or_insert((0.0, 0));
        entry.0 += s.words as f64;
        entry.1 += 1;
    }
    order
        .into_iter()
        .map(|key @ (corpus, summarizer, metric)| {
            let mut rows = groups.remove(&key).unwrap_or_default();
            rows.sort_by(|a, b| a.doc_id.cmp(&b.doc_id));
            let f: Vec<f64> = rows.iter().map(|r| r.fmeasure).collect();
            let p: Vec<f64> = rows.iter().map(|r| r.precision).collect();
            let rc: Vec<f64> = rows.iter().map(|r| r.recall).collect();
            let Interval { low, high } = keyed_mean_interval(&f, seed, &[corpus, summarizer, metric]);
            let summary_words_mean =
                words.get(&(corpus, summarizer)).map(|&(total, count)| total / count as f64);
            let docs_per_second = timings
                .iter()
                .find(|t| t.corpus == corpus && t.summarizer == summarizer && t.seconds > 0.0)
                .map(|t| t.docs as f64 / t.seconds);
            SummaryRow {
                corpus: corpus.to_string(),
                summarizer: summarizer.to_string(),
                metric: metric.to_string(),
                n_docs: rows.len(),
                precision_mean: mean(&p),
                recall_mean: mean(&rc),
                fmeasure_mean: mean(&f),
                fmeasure_ci_low: low,
                fmeasure_ci_high: high,
                summary_words_mean,
                docs_per_second,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(corpus: &str, doc: &str, summarizer: &str, metric: &str, p: f64, r: f64, f: f64) -> ScoreRecord {
        ScoreRecord {
            corpus: corpus.into(),
            doc_id: doc.into(),
            summarizer: summarizer.into(),
            metric: metric.into(),
            precision: p,
            recall: r,
            fmeasure: f,
            budget: "3s".into(),
        }
    }

    fn summary(corpus: &str, doc: &str, summarizer: &str, words: usize) -> SummaryRecord {
        SummaryRecord {
            corpus: corpus.into(),
            doc_id: doc.into(),
            summarizer: summarizer.into(),
            sentences: vec![0],
            text: String::new(),
            words,
        }
    }

    fn sample() -> Vec<ScoreRecord> {
        vec![
            rec("c", "d1", "lead", "rouge1", 0.5, 0.25, 0.4),
            rec("c", "d1", "lead", "rouge2", 0.2, 0.1, 0.1),
            rec("c", "d1", "lsa", "rouge1", 0.1, 0.1, 0.1),
            rec("c", "d2", "lead", "rouge1", 0.7, 0.75, 0.6),
            rec("c", "d2", "lead", "rouge2", 0.4, 0.3, 0.3),
            rec("c", "d2", "lsa", "rouge1", 0.3, 0.3, 0.3),
        ]
    }

    #[test]
    fn rows_follow_first_appearance_with_hand_means() {
        let summaries = [summary("c", "d1", "lead", 10), summary("c", "d2", "lead", 15)];
        let timings = [Timing { corpus: "c".into(), summarizer: "lead".into(), seconds: 0.5, docs: 2 }];
        let rows = aggregate(&sample(), &summaries, &timings, 1);
        let keys: Vec<_> = rows.iter().map(|r| (r.summarizer.as_str(), r.metric.as_str())).collect();
        assert_eq!(keys, [("lead", "rouge1"), ("lead", "rouge2"), ("lsa", "rouge1")]);
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
        assert_eq!(rows[2].summary_words_mean, None);
        assert_eq!(rows[2].docs_per_second, None);
    }

    #[test]
    fn interval_is_independent_of_record_order_and_other_rows() {
        let records = sample();
        let mut reversed = records.clone();
        reversed.reverse();
        let only_lsa: Vec<_> = records.iter().filter(|r| r.summarizer == "lsa").cloned().collect();
        let forward = aggregate(&records, &[], &[], 9);
        let backward = aggregate(&reversed, &[], &[], 9);
        let alone = aggregate(&only_lsa, &[], &[], 9);
        let lsa = |rows: &[SummaryRow]| rows.iter().find(|r| r.summarizer == "lsa").cloned();
        assert_eq!(lsa(&forward), lsa(&backward));
        assert_eq!(lsa(&forward), lsa(&alone));
    }
}
