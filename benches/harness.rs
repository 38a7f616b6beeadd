//! Speed of the whole harness over one corpus: prepare every document (with
//! corpus IDF), run every summarizer with the reference-length word budget,
//! and score every summary with ROUGE-1/2/L/Lsum (stemmed) against all
//! references, on 1 and on 2 threads. Corpora: the embedded `billsum` (100
//! bills), and SummEval (100 CNN/DM articles, 11 references each) when
//! `SUMBENCH_DATA` is set. Bars on SummEval: 1 thread ≤ 0.12 s; 2 threads
//! ≥ 1.8× faster than 1.

mod common;

use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use sumbench::MetricSpec;
use sumbench::corpus::Document;
use sumbench::harness::plan::{BudgetSpec, parse_summarizers};
use sumbench::harness::{Engine, Settings};

fn harness(c: &mut Criterion) {
    let mut corpora = vec![("billsum", common::embedded("billsum"))];
    corpora.extend(common::outside("summeval-cnndm").map(|docs| ("summeval", docs)));
    for (name, docs) in corpora {
        harness_on(c, name, &docs);
    }
}

fn harness_on(c: &mut Criterion, name: &str, docs: &[Document]) {
    let engine = Engine::new(Settings {
        summarizers: parse_summarizers("all").expect("the registry is not empty"),
        budget: BudgetSpec::Reference,
        metrics: MetricSpec::defaults(),
        stem: true,
        rouge_tokenizer: sumbench::rouge::RougeTokenizer::RougeScore,
        rouge_profile: None,
        bertscore: None,
        language: sumbench::LanguageChoice::default(),
        seed: 0,
    })
    .expect("registered summarizers build");
    let mut group = c.benchmark_group(format!("harness/{name}"));
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
        group.bench_function(format!("{threads}-thread"), |b| {
            b.iter_batched(
                || docs.to_vec(),
                |docs| {
                    pool.install(|| {
                        let prepared = engine.prepare_corpus(docs);
                        engine.evaluate(name, &prepared, &|| {})
                    })
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, harness);
criterion_main!(benches);
