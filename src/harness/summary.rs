//! The summary reports of an output directory (`summary.csv`, `summary.md`,
//! `summary.svg`) from the [`Aggregator`]'s compact rows, through `report`'s
//! aggregate and renderers.

use std::path::Path;

use super::HarnessError;
use super::output::{Aggregator, RunInfo, files, write_file};
use crate::report::{ScoreRecord, SummaryRow, Timing, aggregate, summary_csv, summary_markdown, summary_svg};

/// The summary rows, in report order: `report::aggregate` over each
/// corpus × summarizer × metric group in turn (a row depends only on its own
/// group, so this equals aggregating every record at once, without holding
/// every record's strings).
pub fn summary_rows(aggregator: &Aggregator, info: &RunInfo) -> Vec<SummaryRow> {
    aggregator
        .groups
        .iter()
        .flat_map(|group| {
            let records: Vec<ScoreRecord> = group
                .rows
                .iter()
                .map(|&(doc, precision, recall, fmeasure)| ScoreRecord {
                    corpus: group.corpus.clone(),
                    doc_id: aggregator.doc_id(&group.corpus, doc).to_string(),
                    summarizer: group.summarizer.clone(),
                    metric: group.metric.clone(),
                    precision,
                    recall,
                    fmeasure,
                    budget: String::new(),
                })
                .collect();
            let timings: Vec<Timing> = info
                .timings
                .iter()
                .filter(|t| t.corpus == group.corpus && t.summarizer == group.summarizer)
                .map(|t| Timing {
                    corpus: t.corpus.clone(),
                    summarizer: t.summarizer.clone(),
                    seconds: t.seconds,
                    docs: t.documents,
                })
                .collect();
            let words = aggregator.words.get(&(group.corpus.clone(), group.summarizer.clone()));
            aggregate(&records, &[], &timings, info.seed).into_iter().map(move |mut row| {
                row.summary_words_mean = words.map(|&(total, count)| total as f64 / count as f64);
                row
            })
        })
        .collect()
}

/// Writes `summary.csv`, `summary.md` and `summary.svg` into `dir`; returns the Markdown.
pub fn write_summaries(dir: &Path, aggregator: &Aggregator, info: &RunInfo) -> Result<String, HarnessError> {
    let rows = summary_rows(aggregator, info);
    let markdown = summary_markdown(&rows);
    write_file(&dir.join(files::SUMMARY_CSV), &summary_csv(&rows))?;
    write_file(&dir.join(files::SUMMARY_MD), markdown.as_bytes())?;
    let svg = summary_svg(&rows).map_err(|e| HarnessError::Output {
        path: dir.join(files::SUMMARY_SVG),
        source: std::io::Error::other(e.to_string()),
    })?;
    write_file(&dir.join(files::SUMMARY_SVG), svg.as_bytes())?;
    Ok(markdown)
}
