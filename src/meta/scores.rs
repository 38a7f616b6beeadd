//! Metric scores read back from run directories (`scores.csv`), one value per
//! (metric, system, document).
//!
//! Owns: which `scores.csv` column is a metric's score ([`ScoreColumn`], the one
//! place that choice is made) and merging several runs. Parsing is
//! [`crate::rundir::read_scores`]'s; checking a run directory against its
//! `run.json` is [`crate::rundir::verify_run_dir`]'s.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::report::ScoreRecord;

use super::MetaError;

/// The `scores.csv` column taken as a metric's score.
///
/// The default is [`ScoreColumn::Fmeasure`]: ROUGE-type metrics report
/// precision, recall and F, and the F-measure is what SummEval and SacreROUGE
/// correlate. A metric with a single score writes it in every column
/// (`precision = recall = fmeasure`), so the default takes it as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ScoreColumn {
    /// The `precision` column.
    Precision,
    /// The `recall` column.
    Recall,
    /// The `fmeasure` column (the default).
    #[default]
    Fmeasure,
}

impl ScoreColumn {
    /// The column's name in `scores.csv`.
    pub fn name(self) -> &'static str {
        match self {
            ScoreColumn::Precision => "precision",
            ScoreColumn::Recall => "recall",
            ScoreColumn::Fmeasure => "fmeasure",
        }
    }

    /// The score of `record` in this column.
    pub fn of(self, record: &ScoreRecord) -> f64 {
        match self {
            ScoreColumn::Precision => record.precision,
            ScoreColumn::Recall => record.recall,
            ScoreColumn::Fmeasure => record.fmeasure,
        }
    }
}

/// A cell of the meta-evaluation: (system, document id).
pub type Cell = (String, String);

/// Scores of every metric found in the runs: metric → (system, document) → score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricScores {
    /// Metric name → cell → score, metrics sorted by name.
    pub metrics: BTreeMap<String, BTreeMap<Cell, f64>>,
}

/// Reads the scores of every run directory in `dirs` (or `scores.csv` file),
/// taking `column` as each metric's score. The system is the `summarizer`
/// column; the corpus column is not part of the cell, so one
/// (metric, system, document) found twice — in two runs, or in two corpora of
/// one run — is an error naming where it was found.
///
/// A directory with a `run.json` is first checked against it
/// ([`crate::rundir::verify_run_dir`]).
pub fn read_runs(dirs: &[PathBuf], column: ScoreColumn) -> Result<MetricScores, MetaError> {
    let mut scores = MetricScores::default();
    let mut origin: BTreeMap<(String, Cell), &Path> = BTreeMap::new();
    for dir in dirs {
        if dir.is_dir() {
            crate::rundir::verify_run_dir(dir)
                .map_err(|error| MetaError::Run { dir: dir.clone(), error: Box::new(error) })?;
        }
        for record in crate::rundir::read_scores(dir)? {
            let cell = (record.summarizer.clone(), record.doc_id.clone());
            if let Some(first) = origin.insert((record.metric.clone(), cell.clone()), dir) {
                return Err(MetaError::DuplicateScore {
                    metric: record.metric,
                    system: record.summarizer,
                    doc_id: record.doc_id,
                    first: first.to_path_buf(),
                    second: dir.clone(),
                });
            }
            scores.metrics.entry(record.metric.clone()).or_default().insert(cell, column.of(&record));
        }
    }
    Ok(scores)
}
