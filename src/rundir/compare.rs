//! Loading runs for `compare`: the one library call behind `sumbench
//! compare` and Python's `compare`, so neither re-implements the checks.
//! A run is given as its directory or its `scores.csv`; its files must match
//! the SHA-256s its `run.json` records, and two runs whose metric signatures
//! differ are refused unless the caller allows it.

use std::path::{Path, PathBuf};

use super::RunDirError;
use super::files;
use super::read::{read_run_json, read_scores, verify_run_dir};
use crate::report::ScoreRecord;
use crate::report::compare::{
    CompareError, CompareOptions, Comparison, WithinComparison, compare_runs, compare_within,
};

/// Why two runs (or one run's summarizers) could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum CompareRunsError {
    /// A run directory that cannot be read or does not match its `run.json`.
    #[error(transparent)]
    Run(#[from] RunDirError),
    /// A `scores.csv` without a row.
    #[error("{}: no score rows", .0.display())]
    NoRows(PathBuf),
    /// The runs computed metrics differently (their signatures differ).
    #[error("{} and {} computed metrics differently:\n  {}", .base.display(), .new.display(), .differences.join("\n  "))]
    SignatureMismatch {
        /// The BASE run as given.
        base: PathBuf,
        /// The NEW run as given.
        new: PathBuf,
        /// One line per metric whose signatures differ.
        differences: Vec<String>,
    },
    /// The rows cannot be compared (e.g. nothing shared). The error is part
    /// of the message (not a `source()`), so an error chain prints it once.
    #[error("comparing {}: {error}", .what)]
    Compare {
        /// `A with B`, or the one run compared within.
        what: String,
        /// The comparison's error (boxed: it carries the rows' notes).
        error: Box<CompareError>,
    },
}

/// Two runs compared: their rows, the comparison and, when allowed, the
/// signature differences (one line per metric).
#[derive(Debug, Clone)]
pub struct ComparedRuns {
    /// BASE's score rows.
    pub base: Vec<ScoreRecord>,
    /// NEW's score rows.
    pub new: Vec<ScoreRecord>,
    /// The paired comparison.
    pub comparison: Comparison,
    /// The metrics whose signatures differ (empty unless allowed).
    pub signature_differences: Vec<String>,
}

/// The run directory a compare argument stands for (a `scores.csv`'s folder).
fn run_dir(path: &Path) -> &Path {
    if path.is_dir() { path } else { path.parent().unwrap_or(Path::new(".")) }
}

/// The score rows of a run (its directory or `scores.csv`), refused when its
/// files do not match the SHA-256s its `run.json` records, or when it has none.
pub fn load_scores(path: &Path) -> Result<Vec<ScoreRecord>, CompareRunsError> {
    verify_run_dir(run_dir(path))?;
    let records = read_scores(path).map_err(RunDirError::from)?;
    if records.is_empty() {
        return Err(CompareRunsError::NoRows(path.to_path_buf()));
    }
    Ok(records)
}

/// The metrics whose signatures differ between the runs at `base` and `new`
/// (none when either has no `run.json`, as a bare `scores.csv` has not).
fn signature_differences(base: &Path, new: &Path) -> Result<Vec<String>, CompareRunsError> {
    let (base_dir, new_dir) = (run_dir(base), run_dir(new));
    if !base_dir.join(files::RUN).is_file() || !new_dir.join(files::RUN).is_file() {
        return Ok(Vec::new());
    }
    Ok(read_run_json(base_dir)?.signature_differences(&read_run_json(new_dir)?))
}

/// `compare BASE NEW`: loads both runs, refuses differing signatures unless
/// `allow_signature_mismatch`, and compares them with `options`.
pub fn compare_run_dirs(
    base: &Path,
    new: &Path,
    options: CompareOptions,
    allow_signature_mismatch: bool,
) -> Result<ComparedRuns, CompareRunsError> {
    let differences = signature_differences(base, new)?;
    if !differences.is_empty() && !allow_signature_mismatch {
        return Err(CompareRunsError::SignatureMismatch {
            base: base.to_path_buf(),
            new: new.to_path_buf(),
            differences,
        });
    }
    let (base_records, new_records) = (load_scores(base)?, load_scores(new)?);
    let comparison =
        compare_runs(&base_records, &new_records, options).map_err(|error| CompareRunsError::Compare {
            what: format!("{} with {}", base.display(), new.display()),
            error: Box::new(error),
        })?;
    Ok(ComparedRuns { base: base_records, new: new_records, comparison, signature_differences: differences })
}

/// `compare --within DIR`: every pair of the run's summarizers.
pub fn compare_run_within(dir: &Path, options: CompareOptions) -> Result<WithinComparison, CompareRunsError> {
    let records = load_scores(dir)?;
    compare_within(&records, options).map_err(|error| CompareRunsError::Compare {
        what: dir.display().to_string(),
        error: Box::new(error),
    })
}
