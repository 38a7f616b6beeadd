//! `sumbench list`: the registered summarizers with one-line descriptions,
//! and the embedding summarizers when a model is given (and built in).

use sumbench::summarize::embedding::EMBEDDING_SUMMARIZERS;
use sumbench::summarize::registry;

/// Arguments of `sumbench list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A sentence-transformers folder: also list the summarizers on its
    /// sentence embeddings (needs the `models` feature).
    #[arg(long, value_name = "DIR")]
    model: Option<String>,
}

/// Prints one line per summarizer.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let mut entries: Vec<(&str, &str)> = registry().iter().map(|e| (e.name, e.description)).collect();
    if let Some(model) = &args.model {
        let names: Vec<String> = EMBEDDING_SUMMARIZERS.iter().map(|(name, _)| name.to_string()).collect();
        super::model::embedding_summarizers(Some(model), &names)?;
        entries.extend(EMBEDDING_SUMMARIZERS);
    }
    let width = entries.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    for (name, description) in entries {
        println!("{name:width$}  {description}");
    }
    Ok(0)
}
