//! `sumbench score`: score summaries made by an outside system into the same report format.

use std::path::PathBuf;

use sumbench::harness::CorpusInput;
use sumbench::harness::external::{ScoreRequest, score};

use super::corpus::CorpusArgs;
use super::run::{ReportArgs, with_threads};

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
    #[command(flatten)]
    report: ReportArgs,
}

/// Runs the subcommand.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let report = &args.report;
    let out = report.out_dir()?;
    let request = ScoreRequest {
        system: args.system.clone(),
        summaries: args.summaries.clone(),
        corpora: args
            .corpora
            .iter()
            .map(|path| CorpusInput { path: path.clone(), options: args.corpus_args.read_options(true) })
            .collect(),
        metrics: report.metrics()?,
        stem: report.stem(),
        seed: report.seed,
        provenance: super::edge::provenance(),
    };
    let outcome = with_threads(report.threads, || score(&request, &out))?;
    report.print_outcome(&outcome.markdown, &outcome.info.warnings, &out);
    Ok(0)
}
