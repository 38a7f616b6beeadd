//! The graph and redundancy-aware summarizers (lexrank, textrank,
//! reduction, centroid, mmr): bounded time and valid output on very long
//! and degenerate documents.

use sumbench::corpus::Document;
use sumbench::summarize::{Budget, BuildOptions, build};
use sumbench::text::{PreparedDocument, WordTokenizer};

use crate::util::{GRAPH_SUMMARIZERS, assert_valid_summary};

/// A deterministic pseudo-text: `n` sentences of 8–20 words drawn from a
/// 3,000-word vocabulary with a skew towards frequent words (so the sentence
/// graph is dense in places, as real text is).
fn synthetic_document(n: usize) -> Document {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::new();
    for _ in 0..n {
        let len = 8 + (next() % 13) as usize;
        for w in 0..len {
            // Product of two uniforms: small ids are much more frequent.
            let id = (next() % 3000) * (next() % 3000) / 3000;
            let word = format!("w{}x", id);
            if w == 0 {
                text.push('W');
                text.push_str(&word[1..]);
            } else {
                text.push_str(&word);
            }
            text.push(if w + 1 == len { '.' } else { ' ' });
        }
        text.push(' ');
    }
    Document { id: "long".into(), title: None, text, references: vec![], language: None }
}

#[test]
fn twenty_thousand_sentences_complete_with_valid_summaries() {
    let doc = PreparedDocument::new(synthetic_document(20_000), &WordTokenizer::english());
    assert_eq!(doc.sentences.len(), 20_000, "the synthetic text must segment into 20,000 sentences");
    for name in GRAPH_SUMMARIZERS {
        let summarizer = build(name, &BuildOptions::default()).expect("registered");
        let summary = summarizer.summarize(&doc, &Budget::Words(100));
        assert!(!summary.sentences.is_empty(), "{name}: empty summary");
        assert_valid_summary(&doc, &summary, 100);
    }
}

#[test]
fn empty_and_one_sentence_documents_are_handled() {
    let tokenizer = WordTokenizer::english();
    let empty =
        Document { id: "e".into(), title: None, text: String::new(), references: vec![], language: None };
    let one = Document {
        id: "o".into(),
        title: None,
        text: "Cats sleep all day.".into(),
        references: vec![],
        language: None,
    };
    let (empty, one) = (PreparedDocument::new(empty, &tokenizer), PreparedDocument::new(one, &tokenizer));
    for name in GRAPH_SUMMARIZERS {
        let summarizer = build(name, &BuildOptions::default()).expect("registered");
        assert!(summarizer.summarize(&empty, &Budget::Words(10)).sentences.is_empty(), "{name}");
        let ranking = summarizer.rank(&one, &Budget::Words(10));
        assert_eq!(ranking.order, [0], "{name}");
        assert!(ranking.scores[0].is_finite(), "{name}: {:?}", ranking.scores);
        assert_eq!(summarizer.summarize(&one, &Budget::Words(10)).sentences, [0], "{name}");
    }
}
