//! Integration tests for the greedy ROUGE oracle on real data: it beats
//! every registered summarizer on SummEval, and it honours the budgets.
//!
//! Shared data is read from `$SUMBENCH_SHARED` if set, else
//! `$CARGO_MANIFEST_DIR/../shared`; a missing corpus fails the test loudly.

use std::path::PathBuf;
use sumbench::corpus::{ReadOptions, read_corpus};
use sumbench::rouge::{DocumentScorer, Metric, Scorer};
use sumbench::summarize::{Budget, BuildOptions, build, registry};
use sumbench::text::{CorpusStats, PreparedDocument, WordTokenizer};

fn summeval() -> Vec<PreparedDocument> {
    let root = std::env::var_os("SUMBENCH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")));
    let path = root.join("corpora/summeval-cnndm/documents.jsonl");
    assert!(
        path.exists(),
        "shared data missing: {} (set SUMBENCH_SHARED to the shared/ folder)",
        path.display()
    );
    let docs = read_corpus(&path, &ReadOptions::default()).expect("SummEval corpus");
    let tokenizer = WordTokenizer::english();
    let mut prepared: Vec<PreparedDocument> =
        docs.into_iter().map(|d| PreparedDocument::new(d, &tokenizer)).collect();
    let mut stats = CorpusStats::default();
    prepared.iter().for_each(|d| stats.add(d));
    prepared.iter_mut().for_each(|d| d.apply_corpus_idf(&stats));
    prepared
}

fn word_budget(doc: &PreparedDocument) -> usize {
    let refs = &doc.document.references;
    let mean = refs.iter().map(|r| r.split_whitespace().count()).sum::<usize>() as f64 / refs.len() as f64;
    (mean.round_ties_even() as usize).max(1)
}

#[test]
fn oracle_beats_every_registered_summarizer_on_summeval() {
    let prepared = summeval();
    let scorer = Scorer::new(&[Metric::N(1), Metric::N(2)], true);
    let mean_scores = |name: &str| -> [f64; 2] {
        let summarizer = build(name, &BuildOptions { seed: 0 }).expect("registered");
        let mut sum = [0.0; 2];
        for doc in &prepared {
            let summary = summarizer.summarize(doc, &Budget::Words(word_budget(doc)));
            let spans: Vec<_> = doc.sentences.iter().map(|s| s.span.clone()).collect();
            let ds = DocumentScorer::new(&scorer, &doc.document.references, &doc.document.text, &spans);
            let s = ds.score_spans(&summary.spans(doc));
            sum[0] += s[0].fmeasure;
            sum[1] += s[1].fmeasure;
        }
        sum.map(|x| x / prepared.len() as f64)
    };
    let oracle = mean_scores("oracle");
    for entry in registry().iter().filter(|e| e.name != "oracle") {
        let other = mean_scores(entry.name);
        assert!(oracle[0] > other[0], "{}: ROUGE-1 F {:.4} ≥ oracle {:.4}", entry.name, other[0], oracle[0]);
        assert!(oracle[1] > other[1], "{}: ROUGE-2 F {:.4} ≥ oracle {:.4}", entry.name, other[1], oracle[1]);
    }
}

#[test]
fn oracle_honours_every_budget_kind() {
    let prepared = summeval();
    let oracle = build("oracle", &BuildOptions::default()).expect("registered");
    for doc in prepared.iter().take(10) {
        for budget in [Budget::Sentences(2), Budget::Words(30), Budget::Bytes(120), Budget::Ratio(0.1)] {
            let summary = oracle.summarize(doc, &budget);
            assert!(
                !summary.sentences.is_empty(),
                "{}: empty oracle summary for {budget:?}",
                doc.document.id
            );
            assert!(summary.sentences.windows(2).all(|w| w[0] < w[1]));
            let text = summary.text(doc);
            match budget {
                Budget::Sentences(k) => assert!(summary.sentences.len() <= k),
                Budget::Words(w) => assert!(text.split_whitespace().count() <= w),
                Budget::Bytes(b) => assert!(text.len() - (summary.sentences.len() - 1) <= b),
                Budget::Ratio(r) => {
                    let limit = (r * doc.total_words() as f64).ceil() as usize;
                    assert!(text.split_whitespace().count() <= limit);
                }
            }
        }
    }
}
