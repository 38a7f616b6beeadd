//! Integration tests for the graph and redundancy-aware summarizers
//! (lexrank, textrank, reduction, centroid, mmr): bounded time and valid
//! output on very long documents, and the quality bars against sumy 0.13.
//!
//! Shared data is read from `$SUMBENCH_SHARED` if set, else
//! `$CARGO_MANIFEST_DIR/../shared`; a missing corpus fails the test loudly.

use std::path::PathBuf;
use sumbench::corpus::{Document, ReadOptions, read_corpus};
use sumbench::rouge::{DocumentScorer, Metric, Scorer};
use sumbench::summarize::{Budget, BuildOptions, Summary, build};
use sumbench::text::{CorpusStats, PreparedDocument, WordTokenizer};

const MINE: [&str; 5] = ["lexrank", "textrank", "reduction", "centroid", "mmr"];

fn shared(relative: &str) -> PathBuf {
    let root = std::env::var_os("SUMBENCH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")));
    let path = root.join(relative);
    assert!(
        path.exists(),
        "shared data missing: {} (set SUMBENCH_SHARED to the shared/ folder)",
        path.display()
    );
    path
}

fn check_valid(doc: &PreparedDocument, summary: &Summary, budget_words: usize) {
    assert!(summary.sentences.windows(2).all(|w| w[0] < w[1]), "not distinct/in document order");
    assert!(summary.sentences.iter().all(|&i| i < doc.sentences.len()));
    let words: usize = summary.text(doc).split_whitespace().count();
    assert!(words <= budget_words, "{words} words > budget {budget_words}");
}

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
    Document { id: "long".into(), title: None, text, references: vec![] }
}

#[test]
fn twenty_thousand_sentences_complete_with_valid_summaries() {
    let doc = PreparedDocument::new(synthetic_document(20_000), &WordTokenizer::english());
    assert_eq!(doc.sentences.len(), 20_000, "the synthetic text must segment into 20,000 sentences");
    for name in MINE {
        let summarizer = build(name, &BuildOptions::default()).expect("registered");
        let summary = summarizer.summarize(&doc, &Budget::Words(100));
        assert!(!summary.sentences.is_empty(), "{name}: empty summary");
        check_valid(&doc, &summary, 100);
    }
}

#[test]
fn empty_and_one_sentence_documents_are_handled() {
    let tokenizer = WordTokenizer::english();
    let empty = Document { id: "e".into(), title: None, text: String::new(), references: vec![] };
    let one =
        Document { id: "o".into(), title: None, text: "Cats sleep all day.".into(), references: vec![] };
    let (empty, one) = (PreparedDocument::new(empty, &tokenizer), PreparedDocument::new(one, &tokenizer));
    for name in MINE {
        let summarizer = build(name, &BuildOptions::default()).expect("registered");
        assert!(summarizer.summarize(&empty, &Budget::Words(10)).sentences.is_empty(), "{name}");
        let ranking = summarizer.rank(&one, &Budget::Words(10));
        assert_eq!(ranking.order, [0], "{name}");
        assert!(ranking.scores[0].is_finite(), "{name}: {:?}", ranking.scores);
        assert_eq!(summarizer.summarize(&one, &Budget::Words(10)).sentences, [0], "{name}");
    }
}

#[test]
fn longest_scisummnet_paper_gets_valid_summaries() {
    let docs = read_corpus(&shared("corpora/scisummnet/documents.jsonl"), &ReadOptions::default())
        .expect("scisummnet corpus");
    let longest = docs.into_iter().max_by_key(|d| d.text.len()).expect("non-empty corpus");
    let doc = PreparedDocument::new(longest, &WordTokenizer::english());
    assert!(doc.sentences.len() > 500, "expected a long paper, got {} sentences", doc.sentences.len());
    for name in MINE {
        let summarizer = build(name, &BuildOptions::default()).expect("registered");
        for budget in [Budget::Sentences(5), Budget::Words(150), Budget::Ratio(0.05)] {
            let summary = summarizer.summarize(&doc, &budget);
            assert!(!summary.sentences.is_empty(), "{name}: empty summary for {budget:?}");
            if let Budget::Sentences(k) = budget {
                assert_eq!(summary.sentences.len(), k, "{name}");
            }
            check_valid(&doc, &summary, if let Budget::Words(w) = budget { w } else { usize::MAX });
        }
    }
}

/// Mean ROUGE-1 F (stemmed, multi-reference, ×100) of `name` over a corpus,
/// with corpus IDF and the word budget = round(mean reference words), as
/// `shared/tools/sumy_baseline.py --length ref-words` measures sumy.
fn mean_rouge1(prepared: &[PreparedDocument], name: &str) -> f64 {
    let scorer = Scorer::new(&[Metric::N(1)], true);
    let summarizer = build(name, &BuildOptions::default()).expect("registered");
    let total: f64 = prepared
        .iter()
        .map(|doc| {
            let refs = &doc.document.references;
            let mean =
                refs.iter().map(|r| r.split_whitespace().count()).sum::<usize>() as f64 / refs.len() as f64;
            let budget = Budget::Words((mean.round_ties_even() as usize).max(1));
            let summary = summarizer.summarize(doc, &budget);
            let spans: Vec<_> = doc.sentences.iter().map(|s| s.span.clone()).collect();
            let ds = DocumentScorer::new(&scorer, refs, &doc.document.text, &spans);
            ds.score_spans(&summary.spans(doc))[0].fmeasure
        })
        .sum();
    total / prepared.len() as f64 * 100.0
}

fn prepare_corpus(relative: &str) -> Vec<PreparedDocument> {
    let docs = read_corpus(&shared(relative), &ReadOptions::default()).expect("corpus");
    let tokenizer = WordTokenizer::english();
    let mut prepared: Vec<PreparedDocument> =
        docs.into_iter().map(|d| PreparedDocument::new(d, &tokenizer)).collect();
    let mut stats = CorpusStats::default();
    prepared.iter().for_each(|d| stats.add(d));
    prepared.iter_mut().for_each(|d| d.apply_corpus_idf(&stats));
    prepared
}

#[test]
fn summeval_quality_is_within_half_a_point_of_sumy() {
    // sumy 0.13 on SummEval (100 docs, 11 references), from issue #4.
    let prepared = prepare_corpus("corpora/summeval-cnndm/documents.jsonl");
    for (name, sumy) in [("lexrank", 47.09), ("textrank", 45.81), ("reduction", 46.71)] {
        let ours = mean_rouge1(&prepared, name);
        assert!(ours >= sumy - 0.5, "{name}: ROUGE-1 F {ours:.2} < sumy {sumy} − 0.5");
    }
}

#[test]
fn bbc_quality_is_within_half_a_point_of_sumy() {
    // sumy 0.13 on BBC News Summary (all 2,225 docs), from issue #4.
    let prepared = prepare_corpus("corpora/bbc-news-summary/documents.jsonl");
    for (name, sumy) in [("lexrank", 67.26), ("textrank", 77.47), ("reduction", 82.05)] {
        let ours = mean_rouge1(&prepared, name);
        assert!(ours >= sumy - 0.5, "{name}: ROUGE-1 F {ours:.2} < sumy {sumy} − 0.5");
    }
}
