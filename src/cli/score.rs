//! `sumbench score`: score outside systems' summaries into the same report
//! format, several systems in one report, optionally beside built-in
//! summarizers (`--with lead,oracle`) run on the same documents.

use std::path::PathBuf;

use anyhow::{bail, ensure};
use sumbench::harness::CorpusInput;
use sumbench::harness::external::{
    BuiltIn, DEFAULT_SUMMARY_FIELD, DEFAULT_SYSTEM_FIELD, ScoreRequest, SystemFile, score,
};
use sumbench::harness::plan::{BudgetSpec, parse_summarizers};
use sumbench::rundir::SummaryText;

use super::corpus::CorpusArgs;
use super::datasets::DatasetArgs;
use super::run::{ReportArgs, with_threads};

/// Arguments of `sumbench score`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A system as NAME=FILE.jsonl; repeat for several. With --summaries, the name
    /// alone names the system of that file.
    #[arg(long, value_name = "NAME[=FILE]")]
    system: Vec<String>,
    /// Summaries: a JSONL file of `{"id", "summary"}` lines (with a `system` field
    /// on each line when no --system names it), or a folder of NAME.jsonl files.
    #[arg(long, value_name = "FILE|DIR")]
    summaries: Option<PathBuf>,
    /// Field holding the summary text (e.g. `prediction`).
    #[arg(long, value_name = "NAME", default_value = DEFAULT_SUMMARY_FIELD)]
    summary_field: String,
    /// Field naming the system, in a file holding several systems.
    #[arg(long, value_name = "NAME", default_value = DEFAULT_SYSTEM_FIELD)]
    system_field: String,
    /// Built-in summarizers to run on the same documents (`all` or `a,b`).
    #[arg(long, value_name = "LIST")]
    with: Option<String>,
    /// Summary length of the --with summarizers.
    #[arg(long, allow_hyphen_values = true, default_value = "ref")]
    budget: BudgetSpec,
    /// What summaries.jsonl keeps of the --with summarizers' summaries:
    /// sentences (their indices; the pages rebuild the text from the corpus)
    /// or text (the text as well). The outside systems' summaries keep their text.
    #[arg(long, value_name = "LAYOUT", default_value = "sentences")]
    summaries_layout: SummaryText,
    /// Corpus holding the documents and references; repeat for several.
    #[arg(long = "corpus", value_name = "PATH", required_unless_present = "datasets")]
    corpora: Vec<PathBuf>,
    #[command(flatten)]
    corpus_args: CorpusArgs,
    #[command(flatten)]
    datasets: DatasetArgs,
    #[command(flatten)]
    report: ReportArgs,
}

impl Args {
    /// The summary files the options name.
    fn systems(&self) -> anyhow::Result<Vec<SystemFile>> {
        let mut files = Vec::new();
        let mut names_file = false;
        for spec in &self.system {
            match spec.split_once('=') {
                Some((name, path)) => {
                    ensure!(
                        !name.trim().is_empty() && !path.is_empty(),
                        "--system `{spec}`: give NAME=FILE.jsonl"
                    );
                    files
                        .push(SystemFile::Named { name: name.trim().to_string(), path: PathBuf::from(path) });
                }
                None if self.summaries.as_ref().is_some_and(|p| p.is_file()) && self.system.len() == 1 => {
                    names_file = true;
                }
                None => bail!(
                    "--system `{spec}`: give NAME=FILE.jsonl (a bare name only names the --summaries file)"
                ),
            }
        }
        match &self.summaries {
            Some(path) if path.is_dir() => files.extend(SystemFile::folder(path)?),
            Some(path) if names_file => {
                files.insert(
                    0,
                    SystemFile::Named { name: self.system[0].trim().to_string(), path: path.clone() },
                );
            }
            Some(path) => files.push(SystemFile::Tagged { path: path.clone() }),
            None => {}
        }
        ensure!(!files.is_empty(), "no summaries: give --system NAME=FILE.jsonl or --summaries FILE|DIR");
        Ok(files)
    }
}

/// Runs the subcommand.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let report = &args.report;
    let metrics = report.metrics()?;
    let out = report.out_dir()?;
    super::edge::remove_stale_staging(&out, report.quiet);
    let with = match &args.with {
        Some(list) => Some(BuiltIn { summarizers: parse_summarizers(list)?, budget: args.budget }),
        None => None,
    };
    let request = ScoreRequest {
        systems: args.systems()?,
        summary_field: args.summary_field.clone(),
        system_field: args.system_field.clone(),
        with,
        corpora: match args.datasets.given() {
            true => args.datasets.corpora(&args.corpus_args, report.quiet)?,
            false => args
                .corpora
                .iter()
                .map(|path| CorpusInput { path: path.clone(), options: args.corpus_args.read_options(true) })
                .collect(),
        },
        metrics: metrics.clone(),
        stem: report.stem(),
        rouge_tokenizer: report.rouge_tokenizer,
        rouge_profile: report.rouge_profile.clone(),
        bertscore: report.bertscore(&metrics)?,
        language: report.language()?,
        seed: report.seed,
        summaries: args.summaries_layout,
        provenance: super::edge::provenance(),
    };
    let outcome = with_threads(report.threads, || score(&request, &out))?;
    report.print_outcome(&outcome.markdown, &outcome.info.warnings, &out);
    Ok(0)
}
