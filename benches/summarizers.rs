//! Summarizer speed, single thread, 3-sentence budget, in documents per
//! second (criterion's "elements/s"; one element = one document):
//! - `with_preparation/<name>`: SummEval's first 25 documents, each prepared
//!   (segmented, tokenized, per-document IDF) inside the timed loop, as sumy
//!   parses inside its timing; compare with sumy's docs/s. (25, not all 100,
//!   keeps criterion's ten samples short: preparation dominates this group.)
//! - `shared_preparation/<name>`: all 100 documents prepared once (with
//!   corpus IDF), as the harness runs every summarizer on one preparation.
//! - `long_documents/<name>`: the five longest ScisummNet papers (up to ~850
//!   sentences), prepared once: the cost stays bounded on long inputs.
//!
//! Corpora are read from `$SUMBENCH_SHARED` (default `../shared`).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sumbench::corpus::{Document, ReadOptions, read_corpus};
use sumbench::summarize::{Budget, BuildOptions, registry};
use sumbench::text::{CorpusStats, PreparedDocument, WordTokenizer};

fn corpus(name: &str) -> Vec<Document> {
    let shared = std::env::var_os("SUMBENCH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")));
    let path = shared.join("corpora").join(name).join("documents.jsonl");
    read_corpus(&path, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("cannot read {} (set SUMBENCH_SHARED): {e}", path.display()))
}

fn prepare_all(docs: &[Document], tokenizer: &WordTokenizer) -> Vec<PreparedDocument> {
    let mut prepared: Vec<PreparedDocument> =
        docs.iter().map(|d| PreparedDocument::new(d.clone(), tokenizer)).collect();
    let mut stats = CorpusStats::default();
    prepared.iter().for_each(|d| stats.add(d));
    prepared.iter_mut().for_each(|d| d.apply_corpus_idf(&stats));
    prepared
}

fn summarizers(c: &mut Criterion) {
    let tokenizer = WordTokenizer::english();
    let budget = Budget::Sentences(3);
    let docs = corpus("summeval-cnndm");
    let prepared = prepare_all(&docs, &tokenizer);

    let timed_docs = &docs[..docs.len().min(25)];
    let mut group = c.benchmark_group("with_preparation");
    group.throughput(Throughput::Elements(timed_docs.len() as u64));
    for entry in registry() {
        let s = (entry.build)(&BuildOptions::default());
        group.bench_function(entry.name, |b| {
            b.iter(|| {
                for d in timed_docs {
                    let doc = PreparedDocument::new(d.clone(), &tokenizer);
                    black_box(s.summarize(&doc, &budget));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("shared_preparation");
    group.throughput(Throughput::Elements(prepared.len() as u64));
    for entry in registry() {
        let s = (entry.build)(&BuildOptions::default());
        group.bench_function(entry.name, |b| {
            b.iter(|| prepared.iter().for_each(|doc| drop(black_box(s.summarize(doc, &budget)))))
        });
    }
    group.finish();

    let mut long = corpus("scisummnet");
    long.sort_by_key(|d| std::cmp::Reverse(d.text.len()));
    long.truncate(5);
    let long = prepare_all(&long, &tokenizer);
    let mut group = c.benchmark_group("long_documents");
    group.throughput(Throughput::Elements(long.len() as u64));
    for entry in registry() {
        let s = (entry.build)(&BuildOptions::default());
        group.bench_function(entry.name, |b| {
            b.iter(|| long.iter().for_each(|doc| drop(black_box(s.summarize(doc, &budget)))))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = summarizers
}
criterion_main!(benches);
