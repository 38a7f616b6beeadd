//! The summary reports of an output directory (`summary.csv`, `summary.md`,
//! `summary.svg`) from the [`Aggregator`]'s compact rows, through `report`'s
//! aggregate and renderers.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use super::output::{Aggregator, RunInfo, files};
use crate::report::bootstrap::{Interval, keyed_mean_interval};
use crate::report::stats::mean;
use crate::report::{SummaryRow, summary_csv, summary_markdown, summary_svg};

/// The summary rows, in report order, one per corpus × summarizer × metric
/// group, computed from the compact groups in parallel (each row depends only
/// on its own group). They equal `report::aggregate` over every record: the F
/// values are taken in document-id order, as `aggregate` sorts them, for the
/// F mean and the keyed bootstrap interval; the P and R means are the compact
/// sums (in report order rather than document-id order) over the count, which
/// can differ from `aggregate` in the last bit only. No per-document record is
/// rebuilt, so a corpus of any size costs one `f64` vector per row in flight.
pub fn summary_rows(aggregator: &Aggregator, info: &RunInfo) -> Vec<SummaryRow> {
    let id_order: HashMap<&str, Vec<usize>> = aggregator
        .groups
        .iter()
        .map(|group| group.corpus.as_str())
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .map(|corpus| {
            let ids = aggregator.doc_ids(corpus);
            let mut order: Vec<usize> = (0..ids.len()).collect();
            order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
            (corpus, order)
        })
        .collect();
    aggregator
        .groups
        .par_iter()
        .map(|group| {
            let f: Vec<f64> =
                id_order[group.corpus.as_str()].iter().map(|&doc| group.fmeasure[doc]).collect();
            let key = [group.corpus.as_str(), group.summarizer.as_str(), group.metric.as_str()];
            let Interval { low, high } = keyed_mean_interval(&f, info.seed, &key);
            let n = f.len() as f64;
            let words = aggregator.words.get(&(group.corpus.clone(), group.summarizer.clone()));
            let docs_per_second = info
                .timings
                .iter()
                .find(|t| t.corpus == group.corpus && t.summarizer == group.summarizer && t.seconds > 0.0)
                .map(|t| t.documents as f64 / t.seconds);
            SummaryRow {
                corpus: group.corpus.clone(),
                summarizer: group.summarizer.clone(),
                metric: group.metric.clone(),
                n_docs: f.len(),
                precision_mean: group.precision_sum / n,
                recall_mean: group.recall_sum / n,
                fmeasure_mean: mean(&f),
                fmeasure_ci_low: low,
                fmeasure_ci_high: high,
                summary_words_mean: words.map(|&(total, count)| total as f64 / count as f64),
                docs_per_second,
            }
        })
        .collect()
}

/// A report file's name and bytes.
pub type ReportFile = (&'static str, Vec<u8>);

/// The summary reports' bytes: `summary.csv`, `summary.md` and
/// `summary.svg`, by file name; also the Markdown table. Fails only when the
/// chart cannot be drawn.
pub fn summary_files(aggregator: &Aggregator, info: &RunInfo) -> std::io::Result<(String, [ReportFile; 3])> {
    let rows = summary_rows(aggregator, info);
    let markdown = summary_markdown(&rows);
    let svg = summary_svg(&rows).map_err(|e| std::io::Error::other(e.to_string()))?;
    let reports = [
        (files::SUMMARY_CSV, summary_csv(&rows)),
        (files::SUMMARY_MD, markdown.clone().into_bytes()),
        (files::SUMMARY_SVG, svg.into_bytes()),
    ];
    Ok((markdown, reports))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::harness::output::{CorpusInfo, Timing as RunTiming};
    use crate::harness::plan::Shard;
    use crate::report::{ScoreRecord, SummaryRecord, Timing, aggregate};

    #[test]
    fn compact_rows_give_what_aggregate_gives_over_every_record() {
        let mut records = Vec::new();
        let mut summaries = Vec::new();
        let mut aggregator = Aggregator::default();
        for (d, doc) in ["b", "a", "c"].into_iter().enumerate() {
            for summarizer in ["lead", "lsa"] {
                let summary = SummaryRecord {
                    corpus: "c".into(),
                    doc_id: doc.into(),
                    summarizer: summarizer.into(),
                    sentences: vec![0],
                    text: String::new(),
                    words: 10 + d,
                };
                aggregator.add_summary(&summary);
                summaries.push(summary);
                for (m, metric) in ["rouge1", "rougeL"].into_iter().enumerate() {
                    let x = 0.1 * (d + 1) as f64 + 0.01 * m as f64;
                    let record = ScoreRecord {
                        corpus: "c".into(),
                        doc_id: doc.into(),
                        summarizer: summarizer.into(),
                        metric: metric.into(),
                        precision: x,
                        recall: x / 2.0,
                        fmeasure: x / 3.0,
                        budget: "3s".into(),
                    };
                    aggregator.add_score(&record);
                    records.push(record);
                }
            }
        }
        let timing = |summarizer: &str, seconds| RunTiming {
            corpus: "c".into(),
            summarizer: summarizer.into(),
            documents: 3,
            seconds,
        };
        let info = RunInfo {
            sumbench_version: String::new(),
            git_commit: None,
            command_line: vec![],
            seed: 5,
            threads: 1,
            summarizers: vec!["lead".into(), "lsa".into()],
            metrics: vec!["rouge1".into(), "rougeL".into()],
            budget: "3s".into(),
            stem: true,
            shard: Shard::ALL,
            merged_from: vec![],
            corpora: vec![CorpusInfo {
                name: "c".into(),
                path: "c".into(),
                sha256: String::new(),
                documents: 3,
            }],
            timings: vec![timing("lead", 0.5), timing("lsa", 2.0)],
            total_seconds: 3.0,
            warnings: vec![],
            files: Default::default(),
        };
        let report_timings: Vec<Timing> = info
            .timings
            .iter()
            .map(|t| Timing {
                corpus: t.corpus.clone(),
                summarizer: t.summarizer.clone(),
                seconds: t.seconds,
                docs: 3,
            })
            .collect();
        let expected = aggregate(&records, &summaries, &report_timings, 5);
        let rows = summary_rows(&aggregator, &info);
        assert_eq!(rows.len(), 4);
        for (row, want) in rows.iter().zip(&expected) {
            // P and R means are summed in another order: equal to the last bit.
            assert!((row.precision_mean - want.precision_mean).abs() < 1e-15, "{row:?}");
            assert!((row.recall_mean - want.recall_mean).abs() < 1e-15, "{row:?}");
            let exact = SummaryRow {
                precision_mean: want.precision_mean,
                recall_mean: want.recall_mean,
                ..row.clone()
            };
            assert_eq!(&exact, want);
        }
    }
}
