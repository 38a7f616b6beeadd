//! `sumbench compare`: compare two runs (or the summarizers of one run) with
//! paired significance tests. The statistics live in `report::compare`, the
//! loading and its checks in `rundir::compare_run_dirs`; this file
//! prints, and maps a regression to exit code 3.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use sumbench::report::compare::CompareOptions;
use sumbench::report::compare_format::{
    Format, comparison_notes, render_comparison, render_within, within_notes,
};
use sumbench::rundir::{compare_report, compare_run_dirs, compare_run_within};

/// Exit code when `--fail-on-regression` finds a regressed row.
const EXIT_REGRESSION: i32 = 3;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Aligned text table with notes.
    Text,
    /// Markdown table with notes.
    Md,
    /// CSV table (full precision); notes go to stderr.
    Csv,
}

/// Arguments of `sumbench compare`.
///
/// Per corpus × summarizer × metric: mean F before/after over the shared
/// documents, the paired difference with its 95% bootstrap CI, a paired
/// sign-flip permutation test, Holm correction across rows, and a verdict
/// (improved / regressed / no significant change at α after Holm).
#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Method: per corpus × summarizer × metric, documents scored in both runs are paired by id. \
The row shows mean F of each run over those documents, the mean difference (NEW − BASE) with \
a 95% paired percentile-bootstrap interval (1,000 resamples), and the two-sided p-value of a \
paired sign-flip permutation test (exact up to 13 documents, else 10,000 random sign \
assignments, capped in the far tail by Hoeffding's bound on the exact p-value). p-values \
are Holm-corrected across all rows; a row is improved/regressed when the corrected p-value \
is below --alpha. Documents or rows present in only one run are listed \
below the table. Resampling is seeded (--seed), so output is reproducible.

Exit codes: 0 success, 1 error (unreadable or malformed scores.csv), 2 usage, \
3 a row regressed and --fail-on-regression was given.")]
pub struct Args {
    /// Baseline: a run directory holding scores.csv, or a scores.csv file.
    #[arg(required_unless_present = "within")]
    pub base: Option<PathBuf>,
    /// New run: a run directory holding scores.csv, or a scores.csv file.
    #[arg(required_unless_present = "within")]
    pub new: Option<PathBuf>,
    /// Instead of two runs, compare every pair of summarizers of this one run.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["base", "new", "fail_on_regression"])]
    pub within: Option<PathBuf>,
    /// Compare runs whose metric signatures differ (what differs is printed).
    #[arg(long)]
    pub allow_signature_mismatch: bool,
    /// Exit with code 3 when any row regressed.
    #[arg(long)]
    pub fail_on_regression: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Seed of the bootstrap and permutation streams.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Also write a self-contained HTML page of the comparison to this file, or
    /// to compare.html in this folder (an existing one, or a path ending in /):
    /// rows, per-document differences, the documents that regressed most.
    #[arg(long, value_name = "OUT", conflicts_with = "within")]
    pub html: Option<PathBuf>,
    /// Family-wise significance level (applied after Holm correction).
    #[arg(long, default_value_t = 0.05, value_parser = parse_alpha)]
    pub alpha: f64,
}

fn parse_alpha(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(a) if a > 0.0 && a < 1.0 => Ok(a),
        _ => Err(format!("`{text}` is not a level strictly between 0 and 1")),
    }
}

/// The file `--html OUT` names: OUT, or `OUT/compare.html` when OUT is a
/// folder (an existing one, or a path ending in a separator).
fn html_file(out: &Path) -> PathBuf {
    let as_folder = out.is_dir() || out.as_os_str().to_string_lossy().ends_with(std::path::is_separator);
    if as_folder { out.join("compare.html") } else { out.to_path_buf() }
}

/// Writes the comparison page where `--html OUT` says (see [`html_file`]),
/// creating missing folders; before anything is printed, so a failure here
/// follows no output.
fn write_page(out: &Path, page: &str) -> anyhow::Result<()> {
    let file = html_file(out);
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(&file, page).with_context(|| format!("writing {}", file.display()))
}

/// Runs the subcommand; returns 3 when `--fail-on-regression` finds a regression.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let options = CompareOptions { seed: args.seed, alpha: args.alpha };
    let format = match args.format {
        OutputFormat::Text => Format::Text,
        OutputFormat::Md => Format::Markdown,
        OutputFormat::Csv => Format::Csv,
    };
    let (output, notes, regressed) = if let Some(dir) = &args.within {
        let within = compare_run_within(dir, options)?;
        (render_within(&within, format), within_notes(&within), false)
    } else {
        let (Some(base_path), Some(new_path)) = (&args.base, &args.new) else {
            anyhow::bail!("compare needs BASE and NEW, or --within DIR");
        };
        let runs = compare_run_dirs(base_path, new_path, options, args.allow_signature_mismatch)?;
        if !runs.signature_differences.is_empty() {
            eprintln!("note: the runs' signatures differ:\n  {}", runs.signature_differences.join("\n  "));
        }
        let comparison = &runs.comparison;
        if let Some(out) = &args.html {
            let (page, warnings) = compare_report(base_path, new_path, &runs.base, &runs.new, comparison);
            write_page(out, &page)?;
            for warning in warnings {
                eprintln!("warning: {warning}");
            }
        }
        (render_comparison(comparison, format), comparison_notes(comparison), comparison.has_regression())
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(output.as_bytes()).context("writing to stdout")?;
    if format == Format::Csv {
        for note in notes {
            eprintln!("{note}");
        }
    }
    Ok(if args.fail_on_regression && regressed { EXIT_REGRESSION } else { 0 })
}
