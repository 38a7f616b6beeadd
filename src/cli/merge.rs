//! `sumbench merge`: merge shard outputs into the report a single run would have written.

use std::path::PathBuf;

use sumbench::rundir::merge;

/// Arguments of `sumbench merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output directories of `sumbench run --shard K/N`, one per shard, in any order.
    #[arg(required = true, value_name = "DIR")]
    shards: Vec<PathBuf>,
    /// Where to write the merged report.
    #[arg(long, default_value = super::run::DEFAULT_OUT)]
    out: PathBuf,
    /// No messages on stderr (the table is still printed).
    #[arg(long)]
    quiet: bool,
}

/// Runs the subcommand.
pub fn run(args: Args) -> anyhow::Result<i32> {
    super::edge::remove_stale_staging(&args.out, args.quiet);
    let outcome = merge(&args.shards, &args.out, super::edge::provenance())?;
    print!("{}", outcome.markdown);
    if !args.quiet {
        for warning in &outcome.info.warnings {
            eprintln!("warning: {warning}");
        }
        eprintln!("merged {} shards into {}", args.shards.len(), args.out.display());
    }
    Ok(0)
}
