//! `sumbench list`: the registered summarizers with one-line descriptions.

use sumbench::summarize::registry;

/// Arguments of `sumbench list`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Prints one line per summarizer.
pub fn run(_args: Args) -> anyhow::Result<i32> {
    let width = registry().iter().map(|e| e.name.len()).max().unwrap_or(0);
    for entry in registry() {
        println!("{:width$}  {}", entry.name, entry.description);
    }
    Ok(0)
}
