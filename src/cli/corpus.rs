//! `sumbench corpus`: Inspect and validate a corpus: counts of documents, sentences, words and references.

/// Arguments of `sumbench corpus`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<i32> {
    anyhow::bail!("`sumbench corpus` is not implemented yet")
}
