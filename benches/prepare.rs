//! Document preparation throughput: `PreparedDocument::new` (sentence
//! segmentation, word tokenization, stemming, interning, IDF) over the 100
//! SummEval / CNN-DM articles, single thread. Criterion reports the time per
//! pass over the corpus; documents per second = 100 / that time. Segmentation
//! (`sentence_spans`) and tokenization with interning (`document_terms`, the
//! whole text at once) alone are measured too, to show where the time goes.
//!
//! Reads `$SUMBENCH_SHARED/corpora/summeval-cnndm/documents.jsonl` (default
//! `../shared` beside the repository) and panics if it is missing.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sumbench::corpus::{Document, ReadOptions, read_corpus};
use sumbench::text::{PreparedDocument, WordTokenizer, sentence_spans};

fn summeval() -> Vec<Document> {
    let shared = std::env::var_os("SUMBENCH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")));
    let path = shared.join("corpora/summeval-cnndm/documents.jsonl");
    read_corpus(&path, &ReadOptions::default()).unwrap_or_else(|e| {
        panic!("cannot read {} ({e}); set SUMBENCH_SHARED to the shared/ directory", path.display())
    })
}

fn prepare(c: &mut Criterion) {
    let docs = summeval();
    let tokenizer = WordTokenizer::english();
    let mut group = c.benchmark_group("prepare/summeval");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("PreparedDocument::new", |b| {
        b.iter_batched(
            || docs.clone(),
            |docs| {
                for doc in docs {
                    black_box(PreparedDocument::new(doc, &tokenizer));
                }
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("sentence_spans", |b| {
        b.iter(|| docs.iter().map(|d| black_box(sentence_spans(&d.text)).len()).sum::<usize>())
    });
    group.bench_function("document_terms", |b| {
        b.iter(|| {
            let mut count = 0;
            for doc in &docs {
                let mut terms = tokenizer.document_terms();
                terms.add_words(&doc.text, true, |id, _| count += id as usize);
                black_box(terms.finish());
            }
            count
        })
    });
    group.finish();
}

criterion_group!(benches, prepare);
criterion_main!(benches);
