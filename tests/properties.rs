//! Cross-module invariants as property tests:
//!
//! - every rouge-score-mode precision, recall and F is finite and in [0, 1];
//! - a candidate identical to its reference scores F = 1 when it has an n-gram
//!   of the metric's order (rougeN needs N tokens);
//! - F is 0 whenever P or R is 0;
//! - `score_multi` returns, per metric, the single-reference score with the
//!   highest F, the first one on ties (rouge-score's rule);
//! - for every registered summarizer and every budget kind, the summary is a
//!   strictly increasing subsequence of the document's sentences (only the last
//!   one possibly cut, to a prefix), its text is those spans' text, and it
//!   never exceeds its budget.
//!
//! Byte-identical reports across thread counts and `merge` of shards are checked
//! end to end in `tests/determinism.rs` and `tests/harness_run.rs`.

use proptest::prelude::*;
use sumbench::corpus::Document;
use sumbench::harness::EvalDocument;
use sumbench::rouge::{Metric, Score, Scorer, tokenize};
use sumbench::summarize::{Budget, BuildOptions, registry};
use sumbench::text::WordTokenizer;

const METRICS: [Metric; 5] = [Metric::N(1), Metric::N(2), Metric::N(3), Metric::L, Metric::Lsum];

/// A word: mostly English (stems collide: run/running/runs), some non-ASCII,
/// some tokens rouge-score drops (punctuation, emoji) or keeps (numbers).
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec![
            "the", "cat", "cats", "sat", "on", "a", "mat", "dog", "runs", "running", "ran", "quickly",
            "report", "reported", "Paris", "PARIS", "is", "of", "and", "42", "3.5",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec!["café", "naïve", "日本語", "😀", "—", "...", "U.S.", "Dr.", "'s", "--"])
            .prop_map(str::to_string),
        1 => "\\PC{1,6}",
    ]
}

/// A sentence of 1–12 words with a terminator.
fn sentence() -> impl Strategy<Value = String> {
    (prop::collection::vec(word(), 1..12), prop::sample::select(vec![".", "!", "?", "", "…"]))
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")))
}

/// Text of 0–8 sentences separated by spaces, newlines or blank lines.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), prop::sample::select(vec![" ", "\n", "\n\n", "  "])), 0..8)
        .prop_map(|parts| parts.into_iter().map(|(s, sep)| s + sep).collect())
}

fn assert_valid(scores: &[Score]) -> Result<(), TestCaseError> {
    for (metric, s) in METRICS.iter().zip(scores) {
        for x in [s.precision, s.recall, s.fmeasure] {
            prop_assert!(x.is_finite() && (0.0..=1.0).contains(&x), "{metric}: {s:?} out of [0, 1]");
        }
        if s.precision == 0.0 || s.recall == 0.0 {
            prop_assert_eq!(s.fmeasure, 0.0, "{}: {:?} has P or R = 0 but F != 0", metric, s);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn rouge_scores_are_fractions_and_f_is_zero_when_p_or_r_is(
        reference in text(), candidate in text(), stem in any::<bool>()
    ) {
        let scores = Scorer::new(&METRICS, stem).score(&reference, &candidate);
        prop_assert_eq!(scores.len(), METRICS.len());
        assert_valid(&scores)?;
    }

    #[test]
    fn a_candidate_identical_to_its_reference_scores_one(text in text(), stem in any::<bool>()) {
        let tokens = tokenize(&text, stem).len();
        let scores = Scorer::new(&METRICS, stem).score(&text, &text);
        for (metric, s) in METRICS.iter().zip(&scores) {
            let order = match metric { Metric::N(n) => usize::from(*n), _ => 1 };
            if tokens >= order {
                prop_assert_eq!(s.fmeasure, 1.0, "{} of {:?} against itself: {:?}", metric, text, s);
                prop_assert_eq!(s.precision, 1.0);
                prop_assert_eq!(s.recall, 1.0);
            } else {
                // No n-gram of that order on either side: rouge-score gives 0.
                prop_assert_eq!(*s, Score::default(), "{} of {:?} (no {}-gram): {:?}", metric, text, order, s);
            }
        }
    }

    #[test]
    fn score_multi_picks_the_first_reference_with_the_highest_f(
        references in prop::collection::vec(text(), 1..5), candidate in text(), stem in any::<bool>()
    ) {
        let scorer = Scorer::new(&METRICS, stem);
        let multi = scorer.score_multi(&references, &candidate);
        assert_valid(&multi)?;
        let single: Vec<Vec<Score>> = references.iter().map(|r| scorer.score(r, &candidate)).collect();
        for (m, metric) in METRICS.iter().enumerate() {
            let mut best = single[0][m];
            for scores in &single[1..] {
                if scores[m].fmeasure > best.fmeasure {
                    best = scores[m];
                }
            }
            prop_assert_eq!(multi[m], best, "{}: score_multi is not the first max-F reference", metric);
        }
    }
}

/// Whitespace-separated words, the unit of word budgets.
fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (0usize..6).prop_map(Budget::Sentences),
        (0usize..60).prop_map(Budget::Words),
        (0usize..300).prop_map(Budget::Bytes),
        (0usize..300).prop_map(Budget::Chars),
        (0.0f64..=1.0).prop_map(Budget::Ratio),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_summary_is_a_subsequence_of_the_sentences_within_budget(
        text in text(),
        title in prop::option::of(sentence()),
        reference in text(),
        budget in budget(),
        seed in any::<u64>(),
    ) {
        let document = Document { id: "d".into(), title, text, references: vec![reference], language: None };
        let eval = EvalDocument::new(document, &WordTokenizer::english());
        let doc = &eval.doc;
        let source = doc.source.text.as_str();
        for entry in registry() {
            let summarizer = (entry.build)(&BuildOptions { seed, ..BuildOptions::default() });
            let summary = eval.summarize(summarizer.as_ref(), &budget);
            let name = entry.name;
            // A strictly increasing subsequence of the document's sentences.
            prop_assert!(
                summary.sentences.windows(2).all(|w| w[0] < w[1]),
                "{name}: sentences {:?} not strictly increasing", summary.sentences
            );
            prop_assert!(
                summary.sentences.iter().all(|&i| i < doc.sentences.len()),
                "{name}: sentence index past {} in {:?}", doc.sentences.len(), summary.sentences
            );
            prop_assert_eq!(summary.scores.len(), summary.sentences.len(), "{}: scores not parallel", name);
            // Its spans are the sentences' spans, only the last one possibly cut to a prefix.
            let spans = summary.spans(doc);
            for (k, (span, &i)) in spans.iter().zip(&summary.sentences).enumerate() {
                let whole = &doc.sentences[i].span;
                if k + 1 < spans.len() || summary.truncated_len.is_none() {
                    prop_assert_eq!(span, whole, "{}: span of sentence {} changed", name, i);
                } else {
                    prop_assert!(span.start == whole.start && span.end <= whole.end, "{name}: cut {span:?} not a prefix of {whole:?}");
                    prop_assert!(source.is_char_boundary(span.end), "{name}: cut {span:?} splits a char");
                }
            }
            let text = summary.text(doc);
            let expected: Vec<&str> = spans.iter().map(|s| &source[s.clone()]).collect();
            prop_assert_eq!(&text, &expected.join("\n"), "{}: text is not the spans' text", name);
            // Never over budget.
            match budget {
                Budget::Sentences(n) => prop_assert!(summary.sentences.len() <= n, "{name}: {} sentences > {n}", summary.sentences.len()),
                Budget::Words(n) => prop_assert!(words(&text) <= n, "{name}: {} words > {n}: {text:?}", words(&text)),
                Budget::Bytes(n) => {
                    let bytes: usize = spans.iter().map(|s| s.len()).sum();
                    prop_assert!(bytes <= n, "{name}: {bytes} bytes > {n}: {text:?}");
                }
                Budget::Chars(n) => {
                    use unicode_segmentation::UnicodeSegmentation;
                    let chars: usize = spans.iter().map(|s| source[s.clone()].graphemes(true).count()).sum();
                    prop_assert!(chars <= n, "{name}: {chars} characters > {n}: {text:?}");
                }
                Budget::Ratio(r) => {
                    let limit = (r * words(source) as f64).ceil() as usize;
                    prop_assert!(words(&text) <= limit, "{name}: {} words > {limit} ({r} of {})", words(&text), words(source));
                }
            }
        }
    }
}
