//! `sumbench score`: score summaries made by an outside system into the same report format.

use std::path::PathBuf;

use sumbench::harness::CorpusInput;
use sumbench::harness::external::{ScoreRequest, score};
use sumbench::harness::plan::{MetricSpec, default_metrics, parse_metrics};

use super::corpus::CorpusArgs;
use super::run::{output_dir, with_threads};

/// Arguments of `sumbench score`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the system in the reports (the `summarizer` column).
    #[arg(long)]
    system: String,
    /// The summaries: one `{"id": doc_id, "summary": text}` object per line.
    #[arg(long, value_name = "FILE.jsonl")]
    summaries: PathBuf,
    /// Corpus holding the documents and references; repeat for several.
    #[arg(long = "corpus", value_name = "PATH", required = true)]
    corpora: Vec<PathBuf>,
    #[command(flatten)]
    corpus_args: CorpusArgs,
    /// Comma-separated metrics, in report order: rouge-score's rouge1…rouge9, rougeL,
    /// rougeLsum; ROUGE-1.5.5's rougeW-<weight>, rougeS<k>, rougeSU<k>, rougeS*, rougeSU*
    /// [default: rouge1,rouge2,rougeL,rougeLsum].
    #[arg(long)]
    metrics: Option<String>,
    /// Stem words (Porter) before ROUGE matching (the default).
    #[arg(long, overrides_with = "no_stem")]
    stem: bool,
    /// Do not stem before ROUGE matching.
    #[arg(long, overrides_with = "stem")]
    no_stem: bool,
    /// Seed for the bootstrap.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Worker threads [default: RAYON_NUM_THREADS, else one per core].
    #[arg(long)]
    threads: Option<usize>,
    /// Output directory [default: results/latest].
    #[arg(long, conflicts_with = "save_baseline")]
    out: Option<PathBuf>,
    /// Write into results/NAME/ (never overwritten without --force).
    #[arg(long, value_name = "NAME")]
    save_baseline: Option<String>,
    /// Replace an existing baseline.
    #[arg(long, requires = "save_baseline")]
    force: bool,
    /// No messages on stderr (the table is still printed).
    #[arg(long)]
    quiet: bool,
}

/// Runs the subcommand.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let metrics: Vec<MetricSpec> = match &args.metrics {
        Some(list) => parse_metrics(list)?,
        None => default_metrics(),
    };
    let out = output_dir(args.out.as_deref(), args.save_baseline.as_deref(), args.force)?;
    let request = ScoreRequest {
        system: args.system.clone(),
        summaries: args.summaries.clone(),
        corpora: args
            .corpora
            .iter()
            .map(|path| CorpusInput { path: path.clone(), options: args.corpus_args.read_options(true) })
            .collect(),
        metrics,
        stem: !args.no_stem,
        seed: args.seed,
        command_line: std::env::args().collect(),
    };
    let outcome = with_threads(args.threads, || score(&request, &out))?;
    print!("{}", outcome.markdown);
    if !args.quiet {
        for warning in &outcome.info.warnings {
            eprintln!("warning: {warning}");
        }
        eprintln!("wrote {}", out.display());
    }
    Ok(0)
}
