//! The run directory, and its one owner: the layout ([`files`]), `run.json`
//! ([`RunInfo`], built by one constructor), the writer that stages every file
//! and puts the directory in place in one step ([`ReportWriter`], over
//! `stage::StagedDir`), the validated readers (`read.rs`) that `compare`,
//! `merge` and `meta` use, shard merging ([`merge()`]) and the baseline policy
//! ([`baseline_dir`]).
//!
//! Invariant: a run directory is one whole run, the old or the new, never a
//! mix. Concurrent writers each stage a complete sibling folder and swap it in
//! with one `renameat2(RENAME_EXCHANGE)`; the last swap wins whole. Chosen over
//! a lock on the target because a lock held by a killed process (a Slurm job
//! pre-empted mid-run) needs cleaning by hand, and a swap leaves nothing to
//! clean: a kill before the swap leaves the old directory untouched plus a
//! hidden staging folder that is never the only copy of anything, which the
//! next run beside it removes ([`remove_stale_staging`]); an interrupt the
//! binary catches removes it at once (see [`crate::cleanup`]).

mod baseline;
mod compare;
mod html;
mod info;
mod merge;
mod read;
mod shard;
mod stage;
mod writer;

pub use baseline::{BaselineError, baseline_dir};
pub use compare::{CompareRunsError, ComparedRuns, compare_run_dirs, compare_run_within, load_scores};
pub use html::compare_report;
pub use info::{CorpusInfo, Provenance, RunHeader, RunInfo, SummaryText};
pub use merge::merge;
pub use read::{
    ReadError, ScoresReader, read_corpus_level, read_run_json, read_scores, scores_path, summaries,
    verify_run_dir,
};
pub use shard::{BadShard, Shard};
pub use stage::{STAGING_PREFIX, remove_stale as remove_stale_staging};
pub use writer::ReportWriter;

use std::path::{Path, PathBuf};

use crate::corpus::Location;

/// What a finished run (or merge) wrote.
#[derive(Debug, Clone)]
pub struct RunOutcome {
    /// The Markdown table (as in `summary.md`).
    pub markdown: String,
    /// `run.json`'s content.
    pub info: RunInfo,
}

/// Why a run directory could not be written or read back, naming the file
/// (and line) at fault.
#[derive(Debug, thiserror::Error)]
pub enum RunDirError {
    /// Bad content in a run directory's file (`run.json`, `summaries.jsonl`,
    /// `corpus_level.csv`), or a file that does not match `run.json`.
    #[error("{location}: {message}")]
    Input {
        /// The file, and the line where the format has lines.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// An output file or directory that cannot be written. The I/O error is
    /// part of the message (not a `source()`), so an error chain prints it once.
    #[error("cannot write {}: {error}", path.display())]
    Output {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        error: std::io::Error,
    },
    /// A `scores.csv` that cannot be read.
    #[error(transparent)]
    Scores(#[from] ReadError),
    /// Shard outputs that do not form one run.
    #[error("cannot merge: {0}")]
    Merge(String),
}

impl RunDirError {
    /// Bad content at `line` (1-based) of `path`.
    pub(crate) fn at_line(path: &Path, line: usize, message: impl Into<String>) -> RunDirError {
        RunDirError::Input { location: Location::line(path, line), message: message.into() }
    }

    /// A whole file that is bad or cannot be read.
    pub(crate) fn in_file(path: &Path, message: impl Into<String>) -> RunDirError {
        RunDirError::Input { location: Location::file(path), message: message.into() }
    }

    /// `path` cannot be written.
    pub(crate) fn output(path: &Path, error: std::io::Error) -> RunDirError {
        RunDirError::Output { path: path.to_path_buf(), error }
    }
}

/// File names in a run directory.
pub mod files {
    /// One row per corpus × document × summarizer × metric.
    pub const SCORES: &str = "scores.csv";
    /// One row per corpus × summarizer × metric (the aggregate rows).
    pub const SUMMARY_CSV: &str = "summary.csv";
    /// Corpus-level BLEU, chrF and chrF++ per corpus × summarizer, with their statistics.
    pub const CORPUS_LEVEL: &str = "corpus_level.csv";
    /// The Markdown table of the aggregate rows.
    pub const SUMMARY_MD: &str = "summary.md";
    /// The bar chart of the aggregate rows.
    pub const SUMMARY_SVG: &str = "summary.svg";
    /// Every summary.
    pub const SUMMARIES: &str = "summaries.jsonl";
    /// The self-contained page to explore the run (`crate::report::html`).
    pub const REPORT_HTML: &str = "report.html";
    /// Provenance, timings, warnings and every other file's SHA-256.
    pub const RUN: &str = "run.json";
    /// Every file a finished run writes.
    pub const ALL: [&str; 8] =
        [SCORES, SUMMARY_CSV, CORPUS_LEVEL, SUMMARY_MD, SUMMARY_SVG, SUMMARIES, REPORT_HTML, RUN];
}
