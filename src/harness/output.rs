//! A run's output directory: `scores.csv` and `summaries.jsonl` streamed row
//! by row into temporary files, the per-row numbers the summary needs kept in
//! compact form, and at the end every file put in place atomically.
//!
//! Never computes statistics or formats reports itself beyond the row
//! streams: `summary.csv`, `summary.md` and `summary.svg` come from `report`.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::HarnessError;
use super::plan::Shard;
use crate::report::{ScoreRecord, SummaryRecord, scores_csv};
use crate::write::{StagedDir, StagedFile, file_sha256};

/// File names in an output directory.
pub mod files {
    /// One row per corpus × document × summarizer × metric.
    pub const SCORES: &str = "scores.csv";
    /// One row per corpus × summarizer × metric.
    pub const SUMMARY_CSV: &str = "summary.csv";
    /// The Markdown table.
    pub const SUMMARY_MD: &str = "summary.md";
    /// The bar chart.
    pub const SUMMARY_SVG: &str = "summary.svg";
    /// Every summary.
    pub const SUMMARIES: &str = "summaries.jsonl";
    /// Provenance, timings and warnings.
    pub const RUN: &str = "run.json";
    /// Every file a finished run writes.
    pub const ALL: [&str; 6] = [SCORES, SUMMARY_CSV, SUMMARY_MD, SUMMARY_SVG, SUMMARIES, RUN];
}

/// `run.json`: what produced a report, how long it took, and what went oddly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    /// The sumbench version (`CARGO_PKG_VERSION`).
    pub sumbench_version: String,
    /// `git rev-parse HEAD` of the working directory, when it can be found.
    pub git_commit: Option<String>,
    /// The command line (for `merge`, the merge command).
    pub command_line: Vec<String>,
    /// Seed for randomized summarizers and the bootstrap.
    pub seed: u64,
    /// Worker threads (for `merge`, the largest of the shards').
    pub threads: usize,
    /// Summarizers (or the outside system), in report order.
    pub summarizers: Vec<String>,
    /// Metrics, in report order.
    pub metrics: Vec<String>,
    /// The budget as given (`3s`, `ref`, …; `none` for outside summaries).
    pub budget: String,
    /// Whether ROUGE stemmed.
    pub stem: bool,
    /// The shard this run covered (1/1 for a whole or merged run).
    pub shard: Shard,
    /// Shard directories a merged report was built from (empty otherwise).
    pub merged_from: Vec<PathBuf>,
    /// The corpora, in report order.
    pub corpora: Vec<CorpusInfo>,
    /// Seconds per corpus × summarizer.
    pub timings: Vec<Timing>,
    /// Wall-clock seconds of the whole run.
    pub total_seconds: f64,
    /// Documents that were scored oddly (e.g. with no sentences), and similar.
    pub warnings: Vec<String>,
    /// SHA-256 (hex) of every other file of the directory, by name: `compare`
    /// and `merge` refuse a directory whose files do not match.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

/// One corpus in `run.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusInfo {
    /// Report name.
    pub name: String,
    /// The path as given.
    pub path: PathBuf,
    /// See [`super::source::corpus_sha256`].
    pub sha256: String,
    /// Documents in the whole corpus (all shards).
    pub documents: usize,
}

/// Time one summarizer spent on one corpus (summed over threads).
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

/// The rows of one corpus × summarizer × metric, kept compactly.
#[derive(Debug, Clone, Default)]
pub struct Group {
    /// Corpus name.
    pub corpus: String,
    /// Summarizer name.
    pub summarizer: String,
    /// Metric name.
    pub metric: String,
    /// Every document's F, in report order: entry `i` is the corpus's
    /// document `i` (every document has one row in every group of its corpus).
    pub fmeasure: Vec<f64>,
    /// Precisions summed in report order.
    pub precision_sum: f64,
    /// Recalls summed in report order.
    pub recall_sum: f64,
}

/// Accumulates what `summary.csv` needs from the row streams without keeping
/// the rows' strings: per corpus × summarizer × metric (in first-seen order,
/// which is report order) every row's F (8 bytes: the bootstrap needs them
/// all) and sums of P and R, the document ids once per corpus, and summary
/// words per corpus × summarizer.
/// Relies on the row order every producer keeps: all rows of a document
/// arrive together.
#[derive(Debug, Default)]
pub struct Aggregator {
    index: HashMap<(String, String, String), usize>,
    /// Groups in report order.
    pub groups: Vec<Group>,
    /// Per corpus: document ids in arrival order.
    doc_ids: HashMap<String, Vec<String>>,
    /// The group of the previous row.
    last: Option<usize>,
    /// Documents expected per corpus (to size each group's vector once).
    expected: HashMap<String, usize>,
    /// Summary words summed, and summaries counted, per corpus × summarizer.
    pub words: HashMap<(String, String), (usize, usize)>,
}

impl Aggregator {
    /// Adds one score row.
    pub fn add_score(&mut self, r: &ScoreRecord) {
        // Rows cycle through the groups in the same order for every document:
        // try the group after the last one before hashing an owned key.
        let next = self.last.map_or(0, |last| (last + 1) % self.groups.len().max(1));
        let i = match self.groups.get(next) {
            Some(g) if g.corpus == r.corpus && g.summarizer == r.summarizer && g.metric == r.metric => next,
            _ => self.group_index(r),
        };
        self.last = Some(i);
        let ids = match self.doc_ids.get_mut(&r.corpus) {
            Some(ids) => ids,
            None => {
                let capacity = self.expected.get(&r.corpus).copied().unwrap_or(0);
                self.doc_ids.entry(r.corpus.clone()).or_insert_with(|| Vec::with_capacity(capacity))
            }
        };
        if ids.last() != Some(&r.doc_id) {
            ids.push(r.doc_id.clone());
        }
        let group = &mut self.groups[i];
        group.fmeasure.push(r.fmeasure);
        group.precision_sum += r.precision;
        group.recall_sum += r.recall;
    }

    /// Announces that `corpus` will have `documents` documents, so its
    /// groups are allocated once at their final size (no doubling slack).
    pub fn expect_documents(&mut self, corpus: &str, documents: usize) {
        self.expected.insert(corpus.to_string(), documents);
    }

    /// The index of `r`'s group, created on first sight.
    fn group_index(&mut self, r: &ScoreRecord) -> usize {
        let key = (r.corpus.clone(), r.summarizer.clone(), r.metric.clone());
        let capacity = self.expected.get(&r.corpus).copied().unwrap_or(0);
        *self.index.entry(key).or_insert_with(|| {
            self.groups.push(Group {
                corpus: r.corpus.clone(),
                summarizer: r.summarizer.clone(),
                metric: r.metric.clone(),
                fmeasure: Vec::with_capacity(capacity),
                ..Group::default()
            });
            self.groups.len() - 1
        })
    }

    /// Adds one summary's length.
    pub fn add_summary(&mut self, s: &SummaryRecord) {
        let entry = self.words.entry((s.corpus.clone(), s.summarizer.clone())).or_default();
        entry.0 += s.words;
        entry.1 += 1;
    }

    /// The id of document `index` of `corpus`.
    pub fn doc_id(&self, corpus: &str, index: usize) -> &str {
        &self.doc_ids[corpus][index]
    }

    /// The document ids of `corpus`, in arrival order (empty if unknown).
    pub fn doc_ids(&self, corpus: &str) -> &[String] {
        self.doc_ids.get(corpus).map_or(&[], Vec::as_slice)
    }
}

/// Writes an output directory: rows as they come, the rest at the end, all
/// into a staging folder that [`ReportWriter::finish`] puts in place of the
/// directory in one step (see [`crate::write`]): the directory is always one
/// whole run, the old or the new.
pub struct ReportWriter {
    dir: StagedDir,
    target: PathBuf,
    scores: StagedFile,
    scores_header: bool,
    summaries: StagedFile,
    aggregator: Aggregator,
}

impl ReportWriter {
    /// Starts a report to replace `dir`, which must be missing or hold only
    /// report files (see [`files::ALL`]).
    pub fn create(dir: &Path) -> Result<Self, HarnessError> {
        let io = |error| HarnessError::output(dir, error);
        let staged = StagedDir::create(dir, &files::ALL).map_err(io)?;
        let scores = staged.stream(files::SCORES).map_err(io)?;
        let summaries = staged.stream(files::SUMMARIES).map_err(io)?;
        Ok(ReportWriter {
            dir: staged,
            target: dir.to_path_buf(),
            scores,
            scores_header: false,
            summaries,
            aggregator: Aggregator::default(),
        })
    }

    /// See [`Aggregator::expect_documents`].
    pub fn expect_documents(&mut self, corpus: &str, documents: usize) {
        self.aggregator.expect_documents(corpus, documents);
    }

    /// Appends score rows, formatted by `report::scores_csv` (its header
    /// written once, before the first row).
    pub fn scores(&mut self, records: &[ScoreRecord]) -> Result<(), HarnessError> {
        let bytes = scores_csv(records);
        let rows = if self.scores_header {
            bytes.iter().position(|&b| b == b'\n').map_or(&bytes[..0], |end| &bytes[end + 1..])
        } else {
            &bytes[..]
        };
        self.scores_header = true;
        self.scores.write_all(rows).map_err(|e| self.io_error(files::SCORES, e))?;
        records.iter().for_each(|r| self.aggregator.add_score(r));
        Ok(())
    }

    /// Appends one summary.
    pub fn summary(&mut self, record: &SummaryRecord) -> Result<(), HarnessError> {
        let line = serde_json::to_string(record).map_err(|e| self.io_error(files::SUMMARIES, e.into()))?;
        writeln!(self.summaries, "{line}").map_err(|e| self.io_error(files::SUMMARIES, e))?;
        self.aggregator.add_summary(record);
        Ok(())
    }

    /// Writes the summary reports and `run.json` (with every other file's
    /// SHA-256 in [`RunInfo::files`]), then puts the directory in place.
    /// Returns the Markdown table and the `run.json` written.
    pub fn finish(self, mut info: RunInfo) -> Result<(String, RunInfo), HarnessError> {
        let mut this = self;
        if !this.scores_header {
            this.scores(&[])?;
        }
        let ReportWriter { mut dir, target, scores, summaries, aggregator, .. } = this;
        let io = |file: &str| {
            let path = target.join(file);
            move |error| HarnessError::output(&path, error)
        };
        dir.close(scores).map_err(io(files::SCORES))?;
        dir.close(summaries).map_err(io(files::SUMMARIES))?;
        let (markdown, reports) =
            super::summary::summary_files(&aggregator, &info).map_err(io(files::SUMMARY_SVG))?;
        for (file, bytes) in reports {
            dir.write(file, &bytes).map_err(io(file))?;
        }
        info.files = dir.sha256().clone();
        dir.write(files::RUN, &run_json(&info)).map_err(io(files::RUN))?;
        dir.publish().map_err(|error| HarnessError::output(&target, error))?;
        Ok((markdown, info))
    }

    fn io_error(&self, file: &str, source: std::io::Error) -> HarnessError {
        HarnessError::output(&self.target.join(file), source)
    }
}

/// Checks that every file `run.json` lists in `dir` has the SHA-256 recorded
/// there: a directory whose files were changed or mixed with another run's is
/// refused. A directory without `run.json` (a hand-made `scores.csv`) passes.
pub fn verify_run_dir(dir: &Path) -> Result<(), HarnessError> {
    if !dir.join(files::RUN).is_file() {
        return Ok(());
    }
    let info = read_run_json(dir)?;
    for (file, expected) in &info.files {
        let path = dir.join(file);
        let actual = file_sha256(&path).map_err(|e| HarnessError::in_file(&path, e.to_string()))?;
        if &actual != expected {
            return Err(HarnessError::in_file(
                &path,
                "does not match its SHA-256 in run.json (the directory was changed after the run wrote it)",
            ));
        }
    }
    Ok(())
}

/// `run.json` text: pretty JSON with a final newline.
pub fn run_json(info: &RunInfo) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(info).expect("RunInfo serializes");
    bytes.push(b'\n');
    bytes
}

/// Reads a `run.json`.
pub fn read_run_json(dir: &Path) -> Result<RunInfo, HarnessError> {
    let path = dir.join(files::RUN);
    let text = std::fs::read_to_string(&path).map_err(|e| HarnessError::in_file(&path, e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| HarnessError::at_line(&path, e.line(), e.to_string()))
}

/// What made a run, as `run.json` records it. The caller finds it out (the
/// library runs no `git` and reads no process arguments).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The command line (or the program's own description of the call).
    pub command_line: Vec<String>,
    /// The git commit of the code or data, when the caller knows it.
    pub git_commit: Option<String>,
}
