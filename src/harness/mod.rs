//! The benchmark harness: documents × summarizers on rayon, scored with ROUGE,
//! written as reports in a deterministic order whatever the thread count.
//!
//! Owns: the run plan ([`plan`]), the parallel work ([`engine`]), reading
//! corpora in chunks (`source.rs`, [`run`]), outside systems' summaries
//! ([`external`]); what it computes goes into a run directory through
//! [`crate::rundir::ReportWriter`]; progress goes to a [`Progress`]
//! observer the caller gives.
//! Never draws, prints, runs subprocesses or reads the environment, and never implements a summarizer, a ROUGE variant, a corpus
//! format or a report format: those come from `summarize`, `rouge`,
//! `corpus` and `report`.
//!
//! Determinism: records are emitted in corpus order, then document order,
//! then summarizer order as requested, then metric order. Timings appear only
//! in `run.json` and the `docs_per_second` column.

mod bertscore;
pub mod engine;
pub mod external;
pub mod pitfalls;
pub mod plan;
mod progress;
pub mod run;
mod source;

use std::path::{Path, PathBuf};

use crate::corpus::Location;

pub use engine::{Engine, EvalDocument, Settings};
pub use plan::BudgetSpec;
pub use progress::{Progress, Silent};
pub use run::RunRequest;
pub use source::CorpusInput;

/// Everything that can stop a run, naming the file (and line) at fault.
#[derive(Debug, thiserror::Error)]
pub enum HarnessError {
    /// A bad setting.
    #[error(transparent)]
    Plan(#[from] plan::PlanError),
    /// An unknown summarizer.
    #[error(transparent)]
    Summarizer(#[from] crate::summarize::UnknownSummarizer),
    /// A ROUGE profile that cannot score the run's metrics.
    #[error(transparent)]
    Profile(#[from] crate::profiles::ProfileSpecError),
    /// A sentence-embedding model that cannot be used (or a build without them).
    #[error(transparent)]
    Model(#[from] crate::models::ModelError),
    /// `bertscore` among the metrics without a model.
    #[error("metric `bertscore` needs a model: give --model DIR (a sentence-transformers folder)")]
    NoModel,
    /// A corpus that cannot be read.
    #[error(transparent)]
    Corpus(#[from] crate::corpus::CorpusError),
    /// Bad content in an input file other than a corpus (summaries, shard outputs).
    #[error("{location}: {message}")]
    Input {
        /// The file, and the line where the format has lines.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// The run directory cannot be written, or a shard's read back.
    #[error(transparent)]
    RunDir(#[from] crate::rundir::RunDirError),
    /// Two corpora with the same report name.
    #[error("corpora {} and {} are both named `{name}` in reports; rename one", .first.display(), .second.display())]
    DuplicateCorpus {
        /// The shared report name.
        name: String,
        /// The first corpus path with that name.
        first: PathBuf,
        /// The second one.
        second: PathBuf,
    },
    /// A summarizer that could not rank a document (see
    /// [`crate::Summarizer::try_rank`]): the first such document in corpus
    /// order. Its error is part of the message (not a `source()`), so an
    /// error chain prints it once; a caller may take it back from `error`.
    #[error("summarizer `{summarizer}`, document `{doc_id}`: {error}")]
    SummarizerFailed {
        /// The summarizer's report name.
        summarizer: String,
        /// The document it failed on.
        doc_id: String,
        /// Its error.
        error: crate::summarize::RankError,
    },
}

impl HarnessError {
    /// Bad content at `line` (1-based) of `path`.
    pub(crate) fn at_line(path: &Path, line: usize, message: impl Into<String>) -> HarnessError {
        HarnessError::Input { location: Location::line(path, line), message: message.into() }
    }

    /// A whole input file that is bad or cannot be read.
    pub(crate) fn in_file(path: &Path, message: impl Into<String>) -> HarnessError {
        HarnessError::Input { location: Location::file(path), message: message.into() }
    }
}
