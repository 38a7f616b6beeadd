//! `sumbench merge`: Merge shard outputs into the report a single run would have written.

/// Arguments of `sumbench merge`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<i32> {
    anyhow::bail!("`sumbench merge` is not implemented yet")
}
