//! Quality bars against sumy 0.13 on the outside corpora: mean ROUGE-1 F
//! (stemmed, multi-reference), word budget = round(mean reference words) per
//! document, corpus IDF, as `shared/tools/sumy_baseline.py --length
//! ref-words` measures sumy. Each summarizer is no more than 0.5 points below
//! sumy's same algorithm. Also: valid summaries of the longest SciSummNet paper.

use rayon::prelude::*;
use sumbench::corpus::{ReadOptions, read_corpus};
use sumbench::summarize::{Budget, BuildOptions, build};
use sumbench::text::{PreparedDocument, WordTokenizer};

use crate::util::{GRAPH_SUMMARIZERS, assert_valid_summary, mean_rouge1, outside_corpus, prepare};

/// sumy 0.13's ROUGE-1 F × 100 on SummEval (100 documents, 11 references).
const SUMY_SUMMEVAL: &[(&str, f64)] = &[
    ("luhn", 47.49),
    ("edmundson", 47.86),
    ("lsa", 42.46),
    ("lexrank", 47.09),
    ("textrank", 45.81),
    ("sumbasic", 44.99),
    ("kl", 44.25),
    ("reduction", 46.71),
];

/// sumy 0.13's ROUGE-1 F × 100 on BBC News Summary (2,225 documents).
const SUMY_BBC: &[(&str, f64)] = &[
    ("luhn", 73.01),
    ("edmundson", 64.75),
    ("lsa", 63.94),
    ("lexrank", 67.26),
    ("textrank", 77.47),
    ("sumbasic", 57.90),
    ("kl", 55.24),
    ("reduction", 82.05),
];

/// sumy 0.13's ROUGE-1 F × 100 on Opinosis (51 topics), measured 2026-12-07 for
/// `lead` and `lsa` only.
const SUMY_OPINOSIS: &[(&str, f64)] = &[("lead", 29.37), ("lsa", 21.38)];

/// sumy 0.13's ROUGE-1 F × 100 on ScisummNet (912 papers), measured 2026-12-07 for
/// `lead` and `lsa` only.
const SUMY_SCISUMMNET: &[(&str, f64)] = &[("lead", 42.46), ("lsa", 34.70)];

/// The summarizers of `sumy` more than 0.5 points below it on `docs`.
fn below_sumy(docs: &[sumbench::harness::EvalDocument], sumy: &[(&str, f64)]) -> Vec<String> {
    sumy.par_iter()
        .filter_map(|&(name, theirs)| {
            let ours = mean_rouge1(docs, name);
            (ours < theirs - 0.5).then(|| format!("{name}: {ours:.2} < sumy {theirs:.2} − 0.5"))
        })
        .collect()
}

#[test]
#[ignore = "needs SUMBENCH_DATA: SummEval"]
fn classic_summarizers_are_within_half_a_point_of_sumy_on_summeval() {
    let docs = prepare(&outside_corpus("summeval-cnndm"), usize::MAX);
    assert_eq!(docs.len(), 100, "SummEval should hold 100 documents");
    let failures = below_sumy(&docs, SUMY_SUMMEVAL);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
#[ignore = "needs SUMBENCH_DATA: BBC"]
fn classic_summarizers_are_within_half_a_point_of_sumy_on_bbc() {
    let docs = prepare(&outside_corpus("bbc-news-summary"), usize::MAX);
    let failures = below_sumy(&docs, SUMY_BBC);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
#[ignore = "needs SUMBENCH_DATA: Opinosis"]
fn lead_and_lsa_are_within_half_a_point_of_sumy_on_opinosis() {
    let docs = prepare(&outside_corpus("opinosis"), usize::MAX);
    let failures = below_sumy(&docs, SUMY_OPINOSIS);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
#[ignore = "needs SUMBENCH_DATA: ScisummNet"]
fn lead_and_lsa_are_within_half_a_point_of_sumy_on_scisummnet() {
    let docs = prepare(&outside_corpus("scisummnet"), usize::MAX);
    assert_eq!(docs.len(), 912, "ScisummNet should hold 912 papers");
    let failures = below_sumy(&docs, SUMY_SCISUMMNET);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
#[ignore = "needs SUMBENCH_DATA: ScisummNet"]
fn longest_scisummnet_paper_gets_valid_summaries() {
    let docs =
        read_corpus(&outside_corpus("scisummnet"), &ReadOptions::default()).expect("scisummnet corpus");
    let longest = docs.into_iter().max_by_key(|d| d.text.len()).expect("non-empty corpus");
    let doc = PreparedDocument::new(longest, &WordTokenizer::english());
    assert!(doc.sentences.len() > 500, "expected a long paper, got {} sentences", doc.sentences.len());
    for name in GRAPH_SUMMARIZERS {
        let summarizer = build(name, &BuildOptions::default()).expect("registered");
        for budget in [Budget::Sentences(5), Budget::Words(150), Budget::Ratio(0.05)] {
            let summary = summarizer.summarize(&doc, &budget);
            assert!(!summary.sentences.is_empty(), "{name}: empty summary for {budget:?}");
            if let Budget::Sentences(k) = budget {
                assert_eq!(summary.sentences.len(), k, "{name}");
            }
            assert_valid_summary(&doc, &summary, if let Budget::Words(w) = budget { w } else { usize::MAX });
        }
    }
}
