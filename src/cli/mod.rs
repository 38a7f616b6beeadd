//! Command-line definitions (clap derive), one file per subcommand. Only this
//! layer knows about the terminal, exit codes and `anyhow` error context.

mod compare;
mod corpus;
mod datasets;
mod edge;
mod embed;
mod eval;
mod identify;
mod languages;
mod list;
mod merge;
mod meta;
mod model;
mod rouge;
mod run;
mod score;
mod sentences;
mod summarize;

use clap::{Parser, Subcommand};

pub use edge::{catch_interrupts, exit, wait_if_interrupted};
pub use run::NoDefaultCorpus;

/// sumbench: benchmark extractive summarizers with ROUGE.
#[derive(Debug, Parser)]
#[command(name = "sumbench", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Split text into sentences, one per line (or a JSON array with --json).
    Sentences(sentences::Args),
    /// Summarize one text with one summarizer (its sentences in document order).
    Summarize(summarize::Args),
    /// Score candidate summaries against references with ROUGE.
    Rouge(rouge::Command),
    /// List the built-in summarizers.
    List(list::Args),
    /// List the languages --language takes, with sumbench's rules for each.
    Languages(languages::Args),
    /// Inspect and validate a corpus.
    Corpus(corpus::Args),
    /// Datasets by name from the Hugging Face Hub: list, download, path.
    Datasets(datasets::Args),
    /// Run summarizers over corpora, score them and write reports.
    Run(run::Args),
    /// Score an outside system's summaries into the same report format.
    Score(score::Args),
    /// Compare two runs, or the summarizers of one run, with significance tests.
    Compare(compare::Args),
    /// Merge shard outputs into one report.
    Merge(merge::Args),
    /// Correlate the runs' metrics with human judgments (meta-evaluation).
    Meta(meta::Args),
    /// Score candidates with BLEU, chrF, extractive fragments, novel n-grams, JS divergence.
    Eval(eval::Args),
    /// Sentence embeddings of JSONL {"id", "text"} lines (needs the `models` feature).
    Embed(embed::Args),
}

/// Runs the parsed command; returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Sentences(args) => sentences::run(args),
        Command::Summarize(args) => summarize::run(args),
        Command::Rouge(args) => rouge::run(args),
        Command::List(args) => list::run(args),
        Command::Languages(args) => languages::run(args),
        Command::Corpus(args) => corpus::run(args),
        Command::Datasets(args) => datasets::run(args),
        Command::Run(args) => run::run(args),
        Command::Score(args) => score::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Meta(args) => meta::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Embed(args) => embed::run(args),
    }
}
