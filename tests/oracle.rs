//! The ROUGE oracle on real data: it beats every registered summarizer,
//! and it honours every budget kind.

use sumbench::summarize::{Budget, BuildOptions, build};

use crate::util::{assert_oracle_beats_every_summarizer, embedded_corpus, prepare};

#[test]
fn oracle_beats_every_registered_summarizer_on_billsum() {
    assert_oracle_beats_every_summarizer(&prepare(&embedded_corpus("billsum"), 30));
}

#[test]
fn oracle_honours_every_budget_kind() {
    let prepared = prepare(&embedded_corpus("billsum"), 10);
    let oracle = build("oracle", &BuildOptions::default()).expect("registered");
    for eval in &prepared {
        let doc = &eval.doc;
        for budget in [Budget::Sentences(2), Budget::Words(30), Budget::Bytes(120), Budget::Ratio(0.1)] {
            let summary = eval.summarize(oracle.as_ref(), &budget);
            assert!(!summary.sentences.is_empty(), "{}: empty oracle summary for {budget:?}", doc.source.id);
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
