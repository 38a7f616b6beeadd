//! The `sumbench` command: parses arguments (see `cli/`), calls the library,
//! and maps errors to exit codes (1: error, 2: usage, 3: regression found).

mod cli;

use clap::Parser;

fn main() {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => std::process::exit(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            if let Some(hint) = hint(&err) {
                eprintln!("hint: {hint}");
            }
            std::process::exit(1);
        }
    }
}

/// What to do about an error, in the command line's words (the library's
/// messages name no flags).
fn hint(err: &anyhow::Error) -> Option<&'static str> {
    use sumbench::corpus::CorpusError;
    use sumbench::harness::HarnessError;
    use sumbench::summarize::SummarizeError;
    err.chain().find_map(|cause| {
        if let Some(CorpusError::UnknownFormat { .. }) = cause.downcast_ref::<CorpusError>() {
            return Some("give the format with --format jsonl|csv|tsv|dir|story");
        }
        match cause.downcast_ref::<SummarizeError>() {
            Some(SummarizeError::NeedsReferences(_)) => {
                return Some(
                    "run it over a corpus with references: sumbench run --summarizers oracle --corpus FILE",
                );
            }
            Some(SummarizeError::Unknown(_)) => return Some("`sumbench list` describes the summarizers"),
            None => {}
        }
        match cause.downcast_ref::<HarnessError>() {
            Some(HarnessError::Corpus(CorpusError::UnknownFormat { .. })) => {
                Some("give the format with --format jsonl|csv|tsv|dir|story")
            }
            Some(HarnessError::Summarizer(_)) => Some("`sumbench list` describes the summarizers"),
            _ => None,
        }
    })
}
