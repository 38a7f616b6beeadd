//! Invariants every registered summarizer must keep, whatever its algorithm:
//! budgets are never exceeded; chosen sentences are distinct, in document
//! order and verbatim source spans; output is identical across runs and
//! rayon thread counts; empty, one-sentence and 5,000-sentence documents
//! never panic.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use rayon::prelude::*;
use sumbench::corpus::Document;
use sumbench::harness::EvalDocument;
use sumbench::summarize::{Budget, BuildOptions, Summarizer, Summary, registry};
use sumbench::text::{PreparedDocument, WordTokenizer};

const WORDS: &[&str] = &[
    "the",
    "market",
    "fell",
    "sharply",
    "on",
    "Monday",
    "after",
    "bank",
    "shares",
    "rose",
    "government",
    "said",
    "it",
    "would",
    "cut",
    "taxes",
    "and",
    "spending",
    "important",
    "perhaps",
    "new",
    "record",
    "prices",
    "oil",
    "company",
    "profits",
    "jumped",
    "year",
    "city",
    "council",
    "voted",
    "against",
    "plan",
    "£600m",
    "76%",
    "naïve",
    "café",
    "U.S.",
];

fn summarizers() -> Vec<Box<dyn Summarizer>> {
    registry().iter().map(|e| (e.build)(&BuildOptions { seed: 7, ..BuildOptions::default() })).collect()
}

/// A document with two references (which only the oracle reads).
fn prepare(id: &str, text: String) -> EvalDocument {
    let references = vec!["The market fell after bank shares rose.".to_string(), "Oil prices jumped.".into()];
    let d = Document {
        id: id.into(),
        title: Some("Market falls as oil prices jump".into()),
        text,
        references,
        language: None,
    };
    EvalDocument::new(d, &WordTokenizer::english())
}

/// Sentences of 1–14 words from [`WORDS`], some separated by blank lines (paragraphs).
fn text_strategy(max_sentences: usize) -> impl Strategy<Value = String> {
    let sentence = (prop::collection::vec(prop::sample::select(WORDS), 1..15), any::<bool>(), 0u8..4);
    prop::collection::vec(sentence, 0..=max_sentences).prop_map(|sentences| {
        let mut text = String::new();
        for (words, question, gap) in sentences {
            let mut s = words.join(" ");
            if let Some(first) = s.get(..1) {
                s.replace_range(..1, &first.to_uppercase());
            }
            text.push_str(&s);
            text.push_str(if question { "? " } else { ". " });
            if gap == 0 {
                text.push_str("\n\n");
            }
        }
        text
    })
}

fn budget_strategy() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (0usize..6).prop_map(Budget::Sentences),
        (0usize..80).prop_map(Budget::Words),
        (0usize..400).prop_map(Budget::Bytes),
        (0usize..400).prop_map(Budget::Chars),
        (0.0f64..=1.0).prop_map(Budget::Ratio),
    ]
}

/// Panics (with the summarizer's name) unless `summary` keeps every invariant.
fn check(name: &str, doc: &PreparedDocument, budget: &Budget, summary: &Summary) {
    let text = &doc.source.text;
    let n = doc.sentences.len();
    assert!(
        summary.sentences.windows(2).all(|w| w[0] < w[1]),
        "{name}: sentences not distinct and in document order: {:?}",
        summary.sentences
    );
    assert!(summary.sentences.iter().all(|&i| i < n), "{name}: sentence index out of range");
    assert_eq!(summary.scores.len(), summary.sentences.len(), "{name}: one score per sentence");
    let spans = summary.spans(doc);
    for (k, (span, &i)) in spans.iter().zip(&summary.sentences).enumerate() {
        let sentence = &doc.sentences[i].span;
        assert_eq!(span.start, sentence.start, "{name}: span does not start its sentence");
        if k + 1 < spans.len() || summary.truncated_len.is_none() {
            assert_eq!(span.end, sentence.end, "{name}: only the last sentence may be cut");
        }
        assert!(span.end <= sentence.end && text.get(span.clone()).is_some(), "{name}: not a verbatim span");
    }
    let words: usize = spans.iter().map(|s| text[s.clone()].split_whitespace().count()).sum();
    let bytes: usize = spans.iter().map(|s| s.len()).sum();
    match *budget {
        Budget::Sentences(k) => assert!(summary.sentences.len() <= k, "{name}: over {k} sentences"),
        Budget::Words(k) => assert!(words <= k, "{name}: {words} words over {k}"),
        Budget::Bytes(k) => assert!(bytes <= k, "{name}: {bytes} bytes over {k}"),
        Budget::Chars(k) => {
            use unicode_segmentation::UnicodeSegmentation;
            let chars: usize = spans.iter().map(|s| text[s.clone()].graphemes(true).count()).sum();
            assert!(chars <= k, "{name}: {chars} characters over {k}");
        }
        Budget::Ratio(r) => {
            let k = (r * doc.total_words() as f64).ceil() as usize;
            assert!(words <= k, "{name}: {words} words over ratio {r} of {}", doc.total_words());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_summarizer_keeps_budget_order_and_verbatim_spans(
        text in text_strategy(30),
        budget in budget_strategy(),
    ) {
        let doc = prepare("p", text);
        for s in summarizers() {
            let summary = doc.summarize(s.as_ref(), &budget);
            check(s.name(), &doc.doc, &budget, &summary);
            prop_assert_eq!(&summary, &doc.summarize(s.as_ref(), &budget), "{} differs between runs", s.name());
        }
    }
}

#[test]
fn output_is_identical_across_thread_counts() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let docs: Vec<EvalDocument> = (0..24)
        .map(|k| {
            let text = text_strategy(25).new_tree(&mut runner).expect("generate a document").current();
            prepare(&format!("doc{k}"), text)
        })
        .collect();
    let budgets = [Budget::Sentences(3), Budget::Words(40), Budget::Bytes(200), Budget::Ratio(0.3)];
    let run = |threads: usize| -> Vec<Summary> {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
        pool.install(|| {
            let summarizers = summarizers();
            let mut jobs = Vec::new();
            for s in &summarizers {
                for d in &docs {
                    jobs.extend(budgets.iter().map(|b| (s, d, b)));
                }
            }
            jobs.into_par_iter().map(|(s, d, b)| d.summarize(s.as_ref(), b)).collect()
        })
    };
    assert_eq!(run(1), run(2));
}

fn never_panics_on(doc: &EvalDocument, budgets: &[Budget]) {
    for s in summarizers() {
        for budget in budgets {
            let summary = doc.summarize(s.as_ref(), budget);
            check(s.name(), &doc.doc, budget, &summary);
        }
    }
}

const ALL_BUDGETS: [Budget; 8] = [
    Budget::Sentences(0),
    Budget::Sentences(3),
    Budget::Words(0),
    Budget::Words(50),
    Budget::Bytes(0),
    Budget::Bytes(100),
    Budget::Ratio(0.0),
    Budget::Ratio(1.0),
];

#[test]
fn an_empty_document_never_panics() {
    let doc = prepare("empty", String::new());
    assert_eq!(doc.doc.sentences.len(), 0);
    never_panics_on(&doc, &ALL_BUDGETS);
    let blank = prepare("blank", " \n\n ".into());
    never_panics_on(&blank, &ALL_BUDGETS);
}

#[test]
fn a_one_sentence_document_never_panics() {
    for text in ["Oil prices jumped on Monday.", "The.", "£600m"] {
        let doc = prepare("one", text.into());
        assert_eq!(doc.doc.sentences.len(), 1, "{text}");
        never_panics_on(&doc, &ALL_BUDGETS);
    }
}

#[test]
fn a_five_thousand_sentence_document_never_panics() {
    let text: String = (0..5000)
        .map(|i| {
            // Plain lower-case words only, so every segmenter sees 5,000 sentences.
            let w = |k: usize| WORDS[(i * 7 + k * 13) % 30];
            format!("Then {} {} {} {} {}. ", w(0), w(1), w(2), w(3), w(4))
        })
        .collect();
    let doc = prepare("long", text);
    assert_eq!(doc.doc.sentences.len(), 5000);
    never_panics_on(&doc, &[Budget::Sentences(3), Budget::Words(100), Budget::Bytes(300)]);
}
