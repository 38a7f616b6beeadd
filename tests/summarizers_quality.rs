//! Quality bar of the classic summarizers on SummEval (100 CNN/DM articles,
//! 11 references each): mean ROUGE-1 F (stemmed, multi-reference), word
//! budget = round(mean reference words) per document, corpus IDF — each no
//! more than 0.5 points below sumy 0.13's same algorithm, measured by
//! `shared/tools/sumy_baseline.py --length ref-words` (issue 4's figures).
//!
//! Reads `$SUMBENCH_SHARED/corpora/summeval-cnndm` (default `../shared`);
//! fails loudly if it is missing.

use std::path::PathBuf;

use rayon::prelude::*;
use sumbench::corpus::{ReadOptions, read_corpus};
use sumbench::rouge::{DocumentScorer, Metric, Scorer};
use sumbench::summarize::{Budget, BuildOptions, build};
use sumbench::text::{CorpusStats, PreparedDocument, WordTokenizer, sentence_spans};

/// sumy 0.13's ROUGE-1 F on SummEval (issue 4).
const SUMY_SUMMEVAL: &[(&str, f64)] =
    &[("luhn", 47.49), ("edmundson", 47.86), ("lsa", 42.46), ("sumbasic", 44.99), ("kl", 44.25)];

fn summeval() -> Vec<PreparedDocument> {
    let shared = std::env::var_os("SUMBENCH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")));
    let path = shared.join("corpora/summeval-cnndm/documents.jsonl");
    let docs = read_corpus(&path, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("cannot read {} (set SUMBENCH_SHARED): {e}", path.display()));
    assert_eq!(docs.len(), 100, "SummEval should hold 100 documents");
    let tokenizer = WordTokenizer::english();
    let mut prepared: Vec<PreparedDocument> =
        docs.into_par_iter().map(|d| PreparedDocument::new(d, &tokenizer)).collect();
    let mut stats = CorpusStats::default();
    prepared.iter().for_each(|d| stats.add(d));
    prepared.iter_mut().for_each(|d| d.apply_corpus_idf(&stats));
    prepared
}

/// Mean ROUGE-1 F × 100 of `name` over `docs`.
fn rouge1(name: &str, docs: &[PreparedDocument]) -> f64 {
    let summarizer = build(name, &BuildOptions::default()).expect("registered summarizer");
    let scorer = Scorer::new(&[Metric::N(1)], true);
    let total: f64 = docs
        .par_iter()
        .map(|doc| {
            let refs = &doc.document.references;
            let mean_words =
                refs.iter().map(|r| r.split_whitespace().count()).sum::<usize>() as f64 / refs.len() as f64;
            let budget = Budget::Words((mean_words.round_ties_even() as usize).max(1));
            let summary = summarizer.summarize(doc, &budget);
            let lined: Vec<String> = refs
                .iter()
                .map(|r| sentence_spans(r).into_iter().map(|s| &r[s]).collect::<Vec<_>>().join("\n"))
                .collect();
            let spans: Vec<_> = doc.sentences.iter().map(|s| s.span.clone()).collect();
            DocumentScorer::new(&scorer, &lined, &doc.document.text, &spans).score_spans(&summary.spans(doc))
                [0]
            .fmeasure
        })
        .sum();
    total / docs.len() as f64 * 100.0
}

#[test]
fn classic_summarizers_are_within_half_a_point_of_sumy_on_summeval() {
    let docs = summeval();
    let failures: Vec<String> = SUMY_SUMMEVAL
        .iter()
        .filter_map(|&(name, sumy)| {
            let ours = rouge1(name, &docs);
            (ours < sumy - 0.5).then(|| format!("{name}: {ours:.2} < sumy {sumy:.2} − 0.5"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}
