//! Corpora for the speed benches. By default every bench runs on the corpora
//! embedded in `corpus/`, so `cargo bench` works on a bare clone; the outside
//! corpora (SummEval, SciSummNet, …) add their groups only when
//! `SUMBENCH_DATA` names a folder laid out like `shared/corpora`.
// Each bench uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sumbench::corpus::{Document, ReadOptions, read_corpus};
use sumbench::harness::EvalDocument;
use sumbench::text::WordTokenizer;

/// The repository root.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The documents of the embedded corpus `corpus/<name>/documents.jsonl`.
pub fn embedded(name: &str) -> Vec<Document> {
    read(&repo().join("corpus").join(name).join("documents.jsonl"))
}

/// The documents of `$SUMBENCH_DATA/<name>/documents.jsonl`, or `None` (said
/// once on stderr) when the variable is not set.
pub fn outside(name: &str) -> Option<Vec<Document>> {
    let Some(root) = std::env::var_os("SUMBENCH_DATA") else {
        eprintln!("note: SUMBENCH_DATA is not set: the {name} groups are not run");
        return None;
    };
    Some(read(&PathBuf::from(root).join(name).join("documents.jsonl")))
}

fn read(path: &Path) -> Vec<Document> {
    read_corpus(path, &ReadOptions::default()).unwrap_or_else(|e| panic!("cannot read a bench corpus: {e}"))
}

/// Every document prepared, with the IDF of the whole set (as the harness does).
pub fn prepare_all(docs: &[Document], tokenizer: &WordTokenizer) -> Vec<EvalDocument> {
    EvalDocument::prepare_corpus(docs.to_vec(), tokenizer)
}

/// The `main` of a harness-less bench called `name`: `benchmark` when cargo
/// passes `--bench` (`cargo bench`; skipped when a name filter such as
/// `cargo bench -- rouge` does not match `name`), else `smoke` (`cargo test
/// --benches` passes no flag). An error is printed and fails the process.
pub fn harness_less_main(
    name: &str,
    benchmark: fn() -> Result<(), String>,
    smoke: fn() -> Result<(), String>,
) -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = if args.iter().any(|a| a == "--bench") {
        let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        if filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())) {
            benchmark()
        } else {
            Ok(())
        }
    } else {
        smoke()
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
