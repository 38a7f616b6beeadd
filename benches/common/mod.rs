//! Corpora for the speed benches. By default every bench runs on the corpora
//! embedded in `corpus/`, so `cargo bench` works on a bare clone; the outside
//! corpora (SummEval, SciSummNet, …) add their groups only when
//! `SUMBENCH_DATA` names a folder laid out like `shared/corpora`.
// Each bench uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

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
