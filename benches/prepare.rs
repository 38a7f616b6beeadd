//! Document preparation throughput: `PreparedDocument::new` (sentence
//! segmentation, word tokenization, stemming, interning, IDF) over a whole
//! corpus, single thread: the embedded `billsum` and `plos`, and SummEval's
//! 100 CNN/DM articles when `SUMBENCH_DATA` is set. Criterion reports
//! documents per second. Segmentation (`sentence_spans`) and tokenization
//! with interning (`document_terms`, the whole text at once) alone are
//! measured too, to show where the time goes.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sumbench::corpus::Document;
use sumbench::text::{PreparedDocument, WordTokenizer, sentence_spans};

fn prepare(c: &mut Criterion) {
    let mut corpora = vec![("billsum", common::embedded("billsum")), ("plos", common::embedded("plos"))];
    corpora.extend(common::outside("summeval-cnndm").map(|docs| ("summeval", docs)));
    for (name, docs) in corpora {
        prepare_corpus(c, name, &docs);
    }
}

fn prepare_corpus(c: &mut Criterion, name: &str, docs: &[Document]) {
    let tokenizer = WordTokenizer::english();
    let mut group = c.benchmark_group(format!("prepare/{name}"));
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("PreparedDocument::new", |b| {
        b.iter_batched(
            || docs.to_vec(),
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
            for doc in docs {
                let mut terms = tokenizer.document_terms();
                terms.add_words(&doc.text, true, |id, _| count += id as usize);
                black_box(terms.finish());
            }
            count
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = prepare
}
criterion_main!(benches);
