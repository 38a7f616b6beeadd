//! Summarizer speed, single thread, 3-sentence budget, in documents per
//! second (criterion's "elements/s"; one element = one document):
//! - `with_preparation/<name>`: the embedded BillSum bills (first 25), each
//!   prepared (segmented, tokenized, per-document IDF) inside the timed loop,
//!   as sumy parses inside its timing; compare with sumy's docs/s.
//! - `plos/<name>`: the 102 embedded PLOS papers (long documents, up to
//!   22,540 words), prepared once with corpus IDF: the summarizer alone.
//! - With `SUMBENCH_DATA`: `summeval_with_preparation/<name>` (SummEval's
//!   first 25 articles), `summeval/<name>` (all 100, prepared once) and
//!   `long_documents/<name>` (the five longest ScisummNet papers).

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sumbench::corpus::Document;
use sumbench::harness::EvalDocument;
use sumbench::summarize::{Budget, BuildOptions, registry};
use sumbench::text::WordTokenizer;

const BUDGET: Budget = Budget::Sentences(3);

/// Each summarizer over `docs`, each document prepared inside the timed loop.
fn with_preparation(c: &mut Criterion, group: &str, docs: &[Document]) {
    let tokenizer = WordTokenizer::english();
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(docs.len() as u64));
    for entry in registry() {
        let s = (entry.build)(&BuildOptions::default());
        group.bench_function(entry.name, |b| {
            b.iter(|| {
                for d in docs {
                    let doc = EvalDocument::new(d.clone(), &tokenizer);
                    black_box(doc.summarize(s.as_ref(), &BUDGET));
                }
            })
        });
    }
    group.finish();
}

/// Each summarizer over `docs`, prepared once beforehand.
fn shared_preparation(c: &mut Criterion, group: &str, docs: &[Document]) {
    let prepared = common::prepare_all(docs, &WordTokenizer::english());
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(prepared.len() as u64));
    for entry in registry() {
        let s = (entry.build)(&BuildOptions::default());
        group.bench_function(entry.name, |b| {
            b.iter(|| prepared.iter().for_each(|doc| drop(black_box(doc.summarize(s.as_ref(), &BUDGET)))))
        });
    }
    group.finish();
}

fn summarizers(c: &mut Criterion) {
    let billsum = common::embedded("billsum");
    with_preparation(c, "with_preparation", &billsum[..25]);
    shared_preparation(c, "plos", &common::embedded("plos"));
    if let Some(summeval) = common::outside("summeval-cnndm") {
        with_preparation(c, "summeval_with_preparation", &summeval[..25]);
        shared_preparation(c, "summeval", &summeval);
    }
    if let Some(mut long) = common::outside("scisummnet") {
        long.sort_by_key(|d| std::cmp::Reverse(d.text.len()));
        long.truncate(5);
        shared_preparation(c, "long_documents", &long);
    }
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
