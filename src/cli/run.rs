//! `sumbench run`: Run summarizers over corpora, score them, and write reports.

/// Arguments of `sumbench run`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<i32> {
    anyhow::bail!("`sumbench run` is not implemented yet")
}
