//! `sumbench compare`: Compare two runs (or summarizers within one run) with paired significance tests.

/// Arguments of `sumbench compare`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<i32> {
    anyhow::bail!("`sumbench compare` is not implemented yet")
}
