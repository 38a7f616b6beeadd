//! Invariants of ROUGE-1.5.5 mode on random texts.

use proptest::prelude::*;
use sumbench::rouge155::{Config, Limit, MultiRef, Scorer};

const METRICS: [&str; 7] = ["rouge1", "rouge2", "rouge3", "rougeL", "rougeW-1.2", "rougeS4", "rougeSU*"];

fn scorer(multi_ref: MultiRef, stem: bool, remove_stopwords: bool, limit: Limit) -> Scorer {
    Scorer::new(Config {
        metrics: METRICS.iter().map(|m| m.parse().expect("metric")).collect(),
        multi_ref,
        stem,
        remove_stopwords,
        limit,
    })
}

/// Texts of a few lines over a small vocabulary (so that words repeat and
/// match), with punctuation, digits, stop words, stemmer cases and non-ASCII.
fn text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "cat",
        "cats",
        "sat",
        "mat",
        "the",
        "a",
        "running",
        "runs",
        "children",
        "went",
        "happiness",
        "1990s",
        "state-of-the-art",
        "U.S.",
        "café",
        "東京",
        ",",
        ".",
        "it's",
        "Dog",
        "dogs",
    ]);
    let line = prop::collection::vec(word, 0..10).prop_map(|w| w.join(" "));
    prop::collection::vec(line, 1..4).prop_map(|lines| lines.join("\n"))
}

fn limit() -> impl Strategy<Value = Limit> {
    prop_oneof![Just(Limit::None), (1usize..20).prop_map(Limit::Words), (1usize..80).prop_map(Limit::Bytes)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every score is a 5-decimal value in [0, 1].
    #[test]
    fn scores_are_rounded_fractions(
        candidate in text(),
        references in prop::collection::vec(text(), 1..4),
        best: bool, stem: bool, stop: bool, limit in limit(),
    ) {
        let rule = if best { MultiRef::Best } else { MultiRef::Pooled };
        let scored = scorer(rule, stem, stop, limit).score_texts(&references, &candidate);
        for s in scored.scores {
            for v in [s.precision, s.recall, s.fmeasure] {
                prop_assert!((0.0..=1.0).contains(&v), "{v}");
                prop_assert_eq!((v * 1e5).round() / 1e5, v);
            }
        }
    }

    /// With one reference, pooling and picking the best are the same thing.
    #[test]
    fn one_reference_pooled_equals_best(candidate in text(), reference in text(), stem: bool, limit in limit()) {
        let pooled = scorer(MultiRef::Pooled, stem, false, limit).score_texts(&[&reference], &candidate);
        let best = scorer(MultiRef::Best, stem, false, limit).score_texts(&[&reference], &candidate);
        prop_assert_eq!(pooled, best);
    }

    /// Repeating the reference multiplies hits, reference and candidate
    /// counts alike under `-f A`, and ties under `-f B` keep the first copy.
    #[test]
    fn duplicated_references_change_nothing(candidate in text(), reference in text(), best: bool) {
        let rule = if best { MultiRef::Best } else { MultiRef::Pooled };
        let s = scorer(rule, false, false, Limit::None);
        let once = s.score_texts(&[&reference], &candidate).scores;
        let thrice = s.score_texts(&[&reference, &reference, &reference], &candidate).scores;
        prop_assert_eq!(once, thrice);
    }

    /// A candidate equal to its reference has perfect ROUGE-1 and ROUGE-L.
    #[test]
    fn identical_texts_score_one(reference in text()) {
        let s = scorer(MultiRef::Pooled, true, false, Limit::None);
        let scored = s.score_texts(&[&reference], &reference);
        prop_assume!(scored.warnings.is_empty());
        for index in [0, 3] {
            prop_assert_eq!(scored.scores[index].recall, 1.0);
            prop_assert_eq!(scored.scores[index].precision, 1.0);
        }
    }
}
