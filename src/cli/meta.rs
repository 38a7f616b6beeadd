//! `sumbench meta`: correlate the metrics of one or more runs with human
//! judgments (system, summary and global level; bootstrap intervals; pairwise
//! permutation tests).

use std::path::PathBuf;

use anyhow::Context;
use sumbench::meta::{self, MetaOptions, Resample, ScoreColumn};

const AFTER_HELP: &str = "\
Reads the metric scores of every RUN_DIR (its scores.csv; a system is the `summarizer` column, \
so one run with many summarizers or one run per system both work) and the judgments, one JSON \
object per line: {\"id\": DOC_ID, \"system\": SYSTEM, FIELD: {DIMENSION: number, ...}}. Only \
(system, document) cells present in both count; what one side lacks is reported as a warning.

Writes OUT/meta.csv (level,metric,judgment,coefficient,value,ci_low,ci_high,n), \
OUT/meta_tests.csv (pairwise permutation tests with Holm-adjusted p-values) and OUT/meta.md. \
Resampling is seeded (--seed): the same inputs give byte-identical files at any thread count.";

/// What the bootstrap resamples (command-line spelling).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ResampleArg {
    Systems,
    Documents,
    Both,
}

/// The scores.csv column taken as a metric's score.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ColumnArg {
    Precision,
    Recall,
    Fmeasure,
}

/// Arguments of `sumbench meta`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// Run directories (or scores.csv files) holding the metric scores.
    #[arg(value_name = "RUN_DIR", required = true)]
    runs: Vec<PathBuf>,
    /// Human judgments, JSON Lines.
    #[arg(long, value_name = "FILE.jsonl")]
    judgments: PathBuf,
    /// Field of each judgments line holding the {dimension: score} object.
    #[arg(long, default_value = meta::judgments::DEFAULT_FIELD)]
    judgment_field: String,
    /// Only these metrics (comma-separated) [default: every metric of the runs].
    #[arg(long, value_delimiter = ',')]
    metrics: Vec<String>,
    /// The scores.csv column taken as each metric's score.
    #[arg(long, value_enum, default_value = "fmeasure")]
    score_column: ColumnArg,
    /// What the bootstrap resamples.
    #[arg(long, value_enum, default_value = "both")]
    resample: ResampleArg,
    /// Bootstrap samples per interval.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    samples: u64,
    /// Permutations per pairwise test (0: no tests).
    #[arg(long, default_value_t = 1000)]
    permutations: usize,
    /// Seed of the bootstrap and permutation streams.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Worker threads [default: RAYON_NUM_THREADS, else one per core].
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    threads: Option<u64>,
    /// Output directory.
    #[arg(long, default_value = "meta")]
    out: PathBuf,
    /// Print no warnings and no file list.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs the subcommand.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let column = match args.score_column {
        ColumnArg::Precision => ScoreColumn::Precision,
        ColumnArg::Recall => ScoreColumn::Recall,
        ColumnArg::Fmeasure => ScoreColumn::Fmeasure,
    };
    let options = MetaOptions {
        seed: args.seed,
        samples: args.samples as usize,
        resample: match args.resample {
            ResampleArg::Systems => Resample::Systems,
            ResampleArg::Documents => Resample::Documents,
            ResampleArg::Both => Resample::Both,
        },
        permutations: args.permutations,
        ..MetaOptions::default()
    };
    let judgments =
        meta::read_judgments(&args.judgments, &args.judgment_field).context("cannot read the judgments")?;
    let mut scores = meta::read_runs(&args.runs, column).context("cannot read the runs' scores")?;
    meta::select_metrics(&mut scores, &args.metrics)?;
    let work = || meta::evaluate(&scores, &judgments, &options);
    let report = match args.threads {
        None => work()?,
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n as usize)
            .build()
            .with_context(|| format!("cannot start {n} worker threads"))?
            .install(work)?,
    };
    let paths = meta::report::write_report(&args.out, &report, &options)
        .with_context(|| format!("cannot write the meta-evaluation into {}", args.out.display()))?;
    if !args.quiet {
        for warning in &report.warnings {
            eprintln!("warning: {warning}");
        }
        for path in paths {
            eprintln!("wrote {}", path.display());
        }
    }
    Ok(0)
}
