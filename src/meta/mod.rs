//! Meta-evaluation: how well each metric of one or more runs agrees with human
//! judgments (issue #13; definitions in Deutsch, Dror & Roth 2021, "A
//! Statistical Analysis of Summarization Evaluation Metrics using Resampling
//! Methods", and their SacreROUGE code).
//!
//! For every metric × judgment dimension it gives Pearson, Spearman and
//! Kendall τ-b at the system, summary and global levels, each with a
//! percentile bootstrap interval, and for every pair of metrics a permutation
//! test of "they correlate equally well", Holm-corrected across the pairs.
//!
//! One concept per file: [`correlation`] (the coefficients, scipy's
//! definitions), [`judgments`] (the JSONL reader), [`scores`] (metric scores
//! from run directories), [`levels`] (the three levels over a systems ×
//! documents grid), [`resample`] (bootstrap intervals), [`permutation`] (the
//! pairwise test) and [`report`] (`meta.csv`, `meta_tests.csv`, `meta.md`).
//! Never runs summarizers or computes metrics.

pub mod correlation;
pub mod judgments;
pub mod levels;
pub mod permutation;
pub mod report;
pub mod resample;
pub mod scores;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use rayon::prelude::*;

pub use correlation::Coefficient;
pub use judgments::{Judgments, JudgmentsError, read_judgments};
pub use levels::{Grid, Level};
pub use resample::Resample;
pub use scores::{Cell, MetricScores, ScoreColumn, read_runs};

use crate::report::bootstrap::{Interval, keyed_rng};

/// Why a meta-evaluation could not be made.
#[derive(Debug, thiserror::Error)]
pub enum MetaError {
    /// The judgments file is unreadable or invalid.
    #[error(transparent)]
    Judgments(#[from] JudgmentsError),
    /// A `scores.csv` is unreadable or invalid.
    #[error(transparent)]
    Scores(#[from] crate::rundir::ReadError),
    /// A run directory does not match its `run.json`.
    #[error("{}: {error}", dir.display())]
    Run {
        /// The run directory.
        dir: PathBuf,
        /// What the check found (part of the message, not a `source()`, so
        /// an error chain prints it once).
        error: Box<crate::rundir::RunDirError>,
    },
    /// One (metric, system, document) has two scores.
    #[error(
        "metric `{metric}`, system `{system}`, document `{doc_id}` is scored twice (in {} and in {}); give each system's scores once",
        first.display(),
        second.display()
    )]
    DuplicateScore {
        /// The metric.
        metric: String,
        /// The system (the `summarizer` column).
        system: String,
        /// The document.
        doc_id: String,
        /// The first run (or file) holding it.
        first: PathBuf,
        /// The second.
        second: PathBuf,
    },
    /// A metric asked for is in no run.
    #[error("metric `{metric}` is in none of the runs (they have: {found})")]
    UnknownMetric {
        /// The metric asked for.
        metric: String,
        /// The metrics the runs have, comma-separated.
        found: String,
    },
    /// The runs hold no score at all.
    #[error("the runs hold no scores")]
    NoScores,
    /// A metric shares no (system, document) cell with the judgments.
    #[error(
        "metric `{metric}`: none of its (system, document) cells is judged (runs' systems: {run_systems}; judged systems: {judged_systems}); check that the summarizer names are the judgments' `system` values and the doc ids their `id` values"
    )]
    NoOverlap {
        /// The metric.
        metric: String,
        /// Some of the runs' systems.
        run_systems: String,
        /// Some of the judged systems.
        judged_systems: String,
    },
    /// An output file could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// How the meta-evaluation resamples.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaOptions {
    /// Seed of every bootstrap and permutation stream.
    pub seed: u64,
    /// Bootstrap resamples per interval.
    pub samples: usize,
    /// What the bootstrap resamples.
    pub resample: Resample,
    /// Confidence level of the intervals.
    pub confidence: f64,
    /// Permutations per pairwise test (0: no tests).
    pub permutations: usize,
}

impl Default for MetaOptions {
    /// Seed 0 (the project's default), 1,000 samples of both systems and
    /// documents, 95% intervals, 1,000 permutations.
    fn default() -> Self {
        MetaOptions {
            seed: 0,
            samples: crate::report::bootstrap::RESAMPLES,
            resample: Resample::Both,
            confidence: crate::report::bootstrap::CONFIDENCE,
            permutations: permutation::PERMUTATIONS,
        }
    }
}

/// One row of `meta.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Correlation {
    /// The level.
    pub level: Level,
    /// The metric.
    pub metric: String,
    /// The judgment dimension.
    pub judgment: String,
    /// The coefficient.
    pub coefficient: Coefficient,
    /// The correlation; `NaN` when undefined.
    pub value: f64,
    /// Its bootstrap interval.
    pub ci: Interval,
    /// Systems, documents or cells used (see [`levels::Measured`]).
    pub n: usize,
}

/// One row of `meta_tests.csv`: metric A against metric B.
#[derive(Debug, Clone, PartialEq)]
pub struct PairTest {
    /// The level.
    pub level: Level,
    /// The judgment dimension.
    pub judgment: String,
    /// The coefficient.
    pub coefficient: Coefficient,
    /// Metric A (the first by name).
    pub metric_a: String,
    /// Metric B.
    pub metric_b: String,
    /// The test on the cells both metrics and the judgment have.
    pub outcome: permutation::PermutationOutcome,
    /// Holm-adjusted p-value within the (level, judgment, coefficient) family.
    pub p_holm: f64,
    /// Systems, documents or cells of `r_a` (see [`levels::Measured`]).
    pub n: usize,
}

/// Everything `sumbench meta` writes.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaReport {
    /// Correlations, ordered by level, metric, judgment, coefficient.
    pub correlations: Vec<Correlation>,
    /// Pairwise tests, ordered by level, judgment, coefficient, metric A, metric B.
    pub tests: Vec<PairTest>,
    /// Coverage warnings (systems, documents or cells on one side only).
    pub warnings: Vec<String>,
}

/// A judgment dimension as a cell map.
fn dimension(judgments: &Judgments, index: usize) -> BTreeMap<Cell, f64> {
    judgments.cells.iter().map(|(cell, scores)| (cell.clone(), scores[index])).collect()
}

fn some(names: &BTreeSet<&str>) -> String {
    let shown: Vec<&str> = names.iter().take(5).copied().collect();
    let more = names.len().saturating_sub(5);
    if more > 0 { format!("{} and {more} more", shown.join(", ")) } else { shown.join(", ") }
}

/// What the runs and the judgments do not share, as warnings; an error when a
/// metric shares nothing.
fn coverage(scores: &MetricScores, judgments: &Judgments) -> Result<Vec<String>, MetaError> {
    let judged_systems: BTreeSet<&str> = judgments.cells.keys().map(|c| c.0.as_str()).collect();
    let mut warnings = Vec::new();
    for (metric, cells) in &scores.metrics {
        let run_systems: BTreeSet<&str> = cells.keys().map(|c| c.0.as_str()).collect();
        let shared = cells.keys().filter(|c| judgments.cells.contains_key(*c)).count();
        if shared == 0 {
            return Err(MetaError::NoOverlap {
                metric: metric.clone(),
                run_systems: some(&run_systems),
                judged_systems: some(&judged_systems),
            });
        }
        let only_runs: BTreeSet<&str> = run_systems.difference(&judged_systems).copied().collect();
        let only_judged: BTreeSet<&str> = judged_systems.difference(&run_systems).copied().collect();
        if !only_runs.is_empty() {
            warnings.push(format!(
                "metric `{metric}`: systems without judgments, left out: {}",
                some(&only_runs)
            ));
        }
        if !only_judged.is_empty() {
            warnings.push(format!(
                "metric `{metric}`: judged systems without scores, left out: {}",
                some(&only_judged)
            ));
        }
        let unjudged = cells.len() - shared;
        let unscored = judgments.cells.len() - shared;
        if unjudged > 0 {
            warnings.push(format!(
                "metric `{metric}`: {unjudged} of {} scored (system, document) cells have no judgment and are left out",
                cells.len()
            ));
        }
        if unscored > 0 {
            warnings.push(format!(
                "metric `{metric}`: {unscored} of {} judged (system, document) cells have no score and are left out",
                judgments.cells.len()
            ));
        }
    }
    Ok(warnings)
}

/// Correlates every metric of `scores` with every dimension of `judgments`
/// (see the module documentation). Only (system, document) cells present in
/// both count; what one side has and the other lacks becomes a warning, and a
/// metric sharing no cell is an error.
///
/// Every interval and test draws from its own stream, `keyed_rng(seed, key)`
/// with the row's names in the key, so the output is the same at any thread
/// count and does not depend on which other rows are computed.
pub fn evaluate(
    scores: &MetricScores,
    judgments: &Judgments,
    options: &MetaOptions,
) -> Result<MetaReport, MetaError> {
    if scores.metrics.is_empty() {
        return Err(MetaError::NoScores);
    }
    let warnings = coverage(scores, judgments)?;
    let dims: Vec<BTreeMap<Cell, f64>> =
        (0..judgments.dimensions.len()).map(|i| dimension(judgments, i)).collect();
    let metrics: Vec<(&String, &BTreeMap<Cell, f64>)> = scores.metrics.iter().collect();

    // Correlations: one grid per metric × dimension.
    let mut jobs = Vec::new();
    for level in Level::ALL {
        for &(metric, cells) in &metrics {
            for (d, judgment) in judgments.dimensions.iter().enumerate() {
                for coefficient in Coefficient::ALL {
                    jobs.push((level, metric, cells, d, judgment, coefficient));
                }
            }
        }
    }
    let correlations: Vec<Correlation> = jobs
        .par_iter()
        .map(|&(level, metric, cells, d, judgment, coefficient)| {
            let grid = Grid::aligned(&[cells, &dims[d]]);
            let (x, z, width) = (&grid.values[0], &grid.values[1], grid.documents.len());
            let rows: Vec<usize> = (0..grid.systems.len()).collect();
            let cols: Vec<usize> = (0..width).collect();
            let measured = levels::correlate(level, coefficient, x, z, width, &rows, &cols);
            let key = ["meta-ci", level.name(), metric, judgment, coefficient.name()];
            let ci = resample::bootstrap_interval(
                level,
                coefficient,
                x,
                z,
                grid.systems.len(),
                width,
                options.resample,
                options.samples,
                options.confidence,
                &mut keyed_rng(options.seed, &key),
            );
            Correlation {
                level,
                metric: metric.clone(),
                judgment: judgment.clone(),
                coefficient,
                value: measured.value,
                ci,
                n: measured.n,
            }
        })
        .collect();

    // Pairwise tests: one grid per pair × dimension.
    let mut pair_jobs = Vec::new();
    if options.permutations > 0 {
        for level in Level::ALL {
            for (d, judgment) in judgments.dimensions.iter().enumerate() {
                for coefficient in Coefficient::ALL {
                    for (i, &(metric_a, a)) in metrics.iter().enumerate() {
                        for &(metric_b, b) in &metrics[i + 1..] {
                            pair_jobs.push((level, d, judgment, coefficient, metric_a, a, metric_b, b));
                        }
                    }
                }
            }
        }
    }
    let mut tests: Vec<PairTest> = pair_jobs
        .par_iter()
        .map(|&(level, d, judgment, coefficient, metric_a, a, metric_b, b)| {
            let grid = Grid::aligned(&[a, b, &dims[d]]);
            let width = grid.documents.len();
            let key = ["meta-permutation", level.name(), judgment, coefficient.name(), metric_a, metric_b];
            let outcome = permutation::permutation_test(
                level,
                coefficient,
                &grid.values[0],
                &grid.values[1],
                &grid.values[2],
                width,
                options.permutations,
                &mut keyed_rng(options.seed, &key),
            );
            let rows: Vec<usize> = (0..grid.systems.len()).collect();
            let cols: Vec<usize> = (0..width).collect();
            let n =
                levels::correlate(level, coefficient, &grid.values[0], &grid.values[2], width, &rows, &cols)
                    .n;
            PairTest {
                level,
                judgment: judgment.clone(),
                coefficient,
                metric_a: metric_a.clone(),
                metric_b: metric_b.clone(),
                outcome,
                p_holm: f64::NAN,
                n,
            }
        })
        .collect();

    // Holm within each (level, judgment, coefficient) family, over the defined p-values.
    let mut families: BTreeMap<(Level, String, Coefficient), Vec<usize>> = BTreeMap::new();
    for (i, t) in tests.iter().enumerate() {
        if !t.outcome.p_value.is_nan() {
            families.entry((t.level, t.judgment.clone(), t.coefficient)).or_default().push(i);
        }
    }
    for members in families.values() {
        let p: Vec<f64> = members.iter().map(|&i| tests[i].outcome.p_value).collect();
        for (&i, adjusted) in members.iter().zip(crate::report::stats::holm(&p)) {
            tests[i].p_holm = adjusted;
        }
    }
    Ok(MetaReport { correlations, tests, warnings })
}

/// Keeps only the metrics named in `keep` (all when empty); a name no run has
/// is an error.
pub fn select_metrics(scores: &mut MetricScores, keep: &[String]) -> Result<(), MetaError> {
    if keep.is_empty() {
        return Ok(());
    }
    for metric in keep {
        if !scores.metrics.contains_key(metric) {
            return Err(MetaError::UnknownMetric {
                metric: metric.clone(),
                found: scores.metrics.keys().cloned().collect::<Vec<_>>().join(","),
            });
        }
    }
    scores.metrics.retain(|metric, _| keep.contains(metric));
    Ok(())
}
