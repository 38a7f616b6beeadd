//! `sumbench score`: Score summaries made by an outside system into the same report format.

/// Arguments of `sumbench score`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: Args) -> anyhow::Result<i32> {
    anyhow::bail!("`sumbench score` is not implemented yet")
}
