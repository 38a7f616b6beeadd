//! Speed of the whole harness on the SummEval CNN/DM corpus (100 articles,
//! 11 references each): prepare every document (with corpus IDF), run every
//! summarizer with the reference-length word budget, and score every summary
//! with ROUGE-1/2/L/Lsum (stemmed) against all references — on 1 and on 2
//! threads. Bars: 1 thread ≤ 0.12 s; 2 threads ≥ 1.8× faster than 1.
//!
//! The corpus is read from `$SUMBENCH_SHARED/corpora/summeval-cnndm`
//! (default `$CARGO_MANIFEST_DIR/../shared`).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use sumbench::corpus::{ReadOptions, read_corpus};
use sumbench::harness::plan::{BudgetSpec, default_metrics, parse_summarizers};
use sumbench::harness::{Engine, Settings};

fn summeval() -> PathBuf {
    let shared = std::env::var("SUMBENCH_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").to_string());
    PathBuf::from(shared).join("corpora/summeval-cnndm/documents.jsonl")
}

fn harness(c: &mut Criterion) {
    let path = summeval();
    let docs = read_corpus(&path, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{e} (set SUMBENCH_SHARED to the shared material)"));
    let engine = Engine::new(Settings {
        summarizers: parse_summarizers("all").expect("the registry is not empty"),
        budget: BudgetSpec::Reference,
        metrics: default_metrics(),
        stem: true,
        seed: 0,
    })
    .expect("registered summarizers build");
    let mut group = c.benchmark_group("harness/summeval");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
        group.bench_function(format!("{threads}-thread"), |b| {
            b.iter_batched(
                || docs.clone(),
                |docs| {
                    pool.install(|| {
                        let prepared = engine.prepare_corpus(docs);
                        engine.evaluate("summeval", &prepared, &|| {})
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
