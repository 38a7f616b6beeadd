//! Property tests of the rouge-score scorer on random text (ASCII words,
//! stemmer traps, Unicode, punctuation, repeated words, newlines):
//! - `Scorer` equals the pinned `rougers` crate's `score` / `score_multi`
//!   bit for bit, with and without stemming;
//! - `DocumentScorer::score_spans` equals `Scorer::score_multi` on the spans'
//!   texts joined by `\n`, for whole sentences, truncated last sentences (any
//!   char boundary) and spans that are no sentence at all.

use std::ops::Range;

use proptest::prelude::*;
use sumbench::rouge::{DocumentScorer, Metric, Score, Scorer};

const NAMES: [&str; 5] = ["rouge1", "rouge2", "rouge3", "rougeL", "rougeLsum"];
const METRICS: [Metric; 5] = [Metric::N(1), Metric::N(2), Metric::N(3), Metric::L, Metric::Lsum];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "the", "The", "cat", "cats", "running", "runs", "ran", "happy", "happiness", "generously",
            "skies", "dying", "news", "agreement", "1990s", "a1ing", "yyyyy", "don't", "U.S.", "3.14",
            "İstanbul", "\u{212A}elvin", "café", "naïve", "ﬁsh", "日本", "🙂", "state-of-the-art", "C++",
        ])
        .prop_map(str::to_string),
        3 => "[a-z]{1,3}",
        2 => "[a-zA-Z0-9]{1,9}",
        1 => "\\PC{1,4}",
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![" ", " ", " ", ", ", ". ", "\n", " - ", "\u{a0}", "\r\n"])
}

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((word(), separator()), 0..max_words)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn rougers_scores(scores: rougers::Scores) -> Vec<Score> {
    scores
        .iter()
        .map(|(_, s)| Score { precision: s.precision, recall: s.recall, fmeasure: s.fmeasure })
        .collect()
}

fn bits(scores: &[Score]) -> Vec<[u64; 3]> {
    scores.iter().map(|s| [s.precision.to_bits(), s.recall.to_bits(), s.fmeasure.to_bits()]).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pairwise_equals_rougers(reference in text(40), candidate in text(40), stem in any::<bool>()) {
        let ours = Scorer::new(&METRICS, stem).score(&reference, &candidate);
        let theirs = rougers::RougeScorer::new(NAMES, stem).expect("valid names").score(&reference, &candidate);
        prop_assert_eq!(bits(&ours), bits(&rougers_scores(theirs)));
    }

    #[test]
    fn multi_reference_equals_rougers(
        references in prop::collection::vec(text(15), 1..4),
        candidate in text(15),
        stem in any::<bool>(),
    ) {
        let ours = Scorer::new(&METRICS, stem).score_multi(&references, &candidate);
        let theirs = rougers::RougeScorer::new(NAMES, stem)
            .expect("valid names")
            .score_multi(&references, &candidate)
            .expect("references are not empty");
        prop_assert_eq!(bits(&ours), bits(&rougers_scores(theirs)));
    }

    #[test]
    fn document_scorer_equals_scoring_the_joined_text(
        sentences in prop::collection::vec(text(12), 1..8),
        references in prop::collection::vec(text(20), 1..3),
        chosen in prop::collection::vec(any::<bool>(), 8),
        cut in 0.0f64..1.0,
        odd_span in any::<bool>(),
        stem in any::<bool>(),
    ) {
        // The document: sentences separated by one space; spans are exact.
        let mut document = String::new();
        let mut spans: Vec<Range<usize>> = Vec::new();
        for sentence in &sentences {
            if !document.is_empty() {
                document.push(' ');
            }
            spans.push(document.len()..document.len() + sentence.len());
            document.push_str(sentence);
        }
        let mut candidate: Vec<Range<usize>> =
            spans.iter().zip(&chosen).filter(|(_, keep)| **keep).map(|(span, _)| span.clone()).collect();
        // Truncate the last chosen sentence at a char boundary.
        if let Some(last) = candidate.last_mut() {
            let sentence = &document[last.clone()];
            let mut end = (sentence.len() as f64 * cut) as usize;
            while !sentence.is_char_boundary(end) {
                end -= 1;
            }
            last.end = last.start + end;
        }
        // A span that is no sentence: from the first sentence into the last.
        if odd_span && spans.len() > 1 {
            candidate.push(spans[0].start..spans[spans.len() - 1].end);
        }
        let scorer = Scorer::new(&METRICS, stem);
        let prepared = DocumentScorer::new(&scorer, &references, &document, &spans);
        let joined: Vec<&str> = candidate.iter().map(|span| &document[span.clone()]).collect();
        let expected = scorer.score_multi(&references, &joined.join("\n"));
        prop_assert_eq!(bits(&prepared.score_spans(&candidate)), bits(&expected));
        // Scoring again (memo filled) gives the same.
        prop_assert_eq!(bits(&prepared.score_spans(&candidate)), bits(&expected));
    }
}
