//! The `sumbench` command: parses arguments (see `cli/`), calls the library,
//! and maps errors to exit codes (1: error, 2: usage, 3: regression found,
//! 130 and 143: interrupted by SIGINT and SIGTERM, partial output removed).

mod cli;

use clap::Parser;

fn main() {
    let args = cli::Cli::parse();
    cli::catch_interrupts();
    match cli::run(args) {
        Ok(code) => cli::exit(code),
        Err(err) => {
            // An interrupt being handled explains the error (its output was removed).
            cli::wait_if_interrupted();
            eprintln!("error: {err:#}");
            if let Some(hint) = hint(&err) {
                eprintln!("hint: {hint}");
            }
            cli::exit(1);
        }
    }
}

/// What to do about an error, in the command line's words (the library's
/// messages name no flags).
fn hint(err: &anyhow::Error) -> Option<&'static str> {
    use sumbench::corpus::CorpusError;
    use sumbench::datasets::DatasetError;
    use sumbench::harness::HarnessError;
    use sumbench::rundir::CompareRunsError;
    use sumbench::summarize::SummarizeError;
    if err.downcast_ref::<cli::NoDefaultCorpus>().is_some() {
        return Some(
            "the default corpus folder is the sumbench repository's corpus/ (run from a clone of it); \
             elsewhere pass --corpus FILE|DIR or --dataset NAME (`sumbench datasets list`)",
        );
    }
    err.chain().find_map(|cause| {
        if let Some(error) = cause.downcast_ref::<DatasetError>() {
            return dataset_hint(error);
        }
        if let Some(CorpusError::UnknownFormat { .. }) = cause.downcast_ref::<CorpusError>() {
            return Some("give the format with --format jsonl|csv|tsv|parquet|dir|story");
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
        if let Some(CompareRunsError::SignatureMismatch { .. }) = cause.downcast_ref::<CompareRunsError>() {
            return Some("--allow-signature-mismatch compares them anyway");
        }
        match cause.downcast_ref::<HarnessError>() {
            Some(HarnessError::Corpus(CorpusError::UnknownFormat { .. })) => {
                Some("give the format with --format jsonl|csv|tsv|parquet|dir|story")
            }
            Some(HarnessError::Summarizer(_)) => Some("`sumbench list` describes the summarizers"),
            _ => None,
        }
    })
}

/// What to do about a dataset that cannot be had.
fn dataset_hint(error: &sumbench::datasets::DatasetError) -> Option<&'static str> {
    use sumbench::datasets::DatasetError;
    Some(match error {
        DatasetError::UnknownDataset { .. } | DatasetError::UnknownSplit { .. } => {
            "`sumbench datasets list` shows the catalogue and its splits"
        }
        DatasetError::BadSpec { .. } => {
            "give NAME[:SPLIT] or hf://datasets/OWNER/NAME@REVISION/PATH.parquet (--sha256 only with hf://)"
        }
        DatasetError::NotCached { .. } => {
            "download it first while online (sumbench datasets download SPEC), without --offline or HF_HUB_OFFLINE"
        }
        DatasetError::NotFound { .. } => {
            "check the repository, revision and path on the hub (or HF_ENDPOINT)"
        }
        DatasetError::Http { status: 401 | 403, .. } => {
            "set HF_TOKEN to a token that may read the dataset (gated datasets need their terms accepted)"
        }
        DatasetError::Network { .. } => {
            "check the network (and HF_ENDPOINT); a slow link may need longer deadlines \
             (SUMBENCH_DOWNLOAD_CONNECT, SUMBENCH_DOWNLOAD_STALL, SUMBENCH_DOWNLOAD_TOTAL, in seconds); \
             --offline reads what is already in the cache"
        }
        DatasetError::ChecksumMismatch { .. } => "check --sha256 and the revision (a branch can move)",
        DatasetError::CacheMismatch { .. } => "delete the cached file to download it again",
        DatasetError::DiskFull { .. } => "free some space, or point SUMBENCH_CACHE at another disk",
        _ => return None,
    })
}
