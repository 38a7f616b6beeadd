//! Sentence segmentation on the outside corpora: the pre-tokenized SummEval /
//! CNN-DM articles, and the line layouts of the BBC, ScisummNet and Opinosis
//! corpora. Expected boundaries come from reading the texts and from the
//! corpora's own conventions, never from running the segmenter.

use sumbench::text::sentence_spans;

use crate::util::outside_corpus;

/// (id, text) of every document of an outside corpus.
fn corpus_texts(name: &str) -> Vec<(String, String)> {
    let path = outside_corpus(name);
    let data =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is valid JSON");
            (v["id"].as_str().expect("id").to_owned(), v["text"].as_str().expect("text").to_owned())
        })
        .collect()
}

fn sentences(text: &str) -> Vec<&str> {
    sentence_spans(text).into_iter().map(|s| &text[s]).collect()
}

fn document<'a>(docs: &'a [(String, String)], id: &str) -> &'a str {
    &docs.iter().find(|(i, _)| i == id).unwrap_or_else(|| panic!("document {id} not in corpus")).1
}

/// Whether a sentence of the tokenized CNN-DM text ends with sentence
/// punctuation: its last token, after free-standing closing quotes and
/// brackets, ends in ".", "!" or "?" (possibly followed by a quote, as in the
/// Daily Mail's "pounds. ’").
fn ends_with_terminal(sentence: &str) -> bool {
    let mut tokens = sentence.split(' ').rev().skip_while(|t| matches!(*t, "''" | "'" | "’" | ")" | "\""));
    tokens.next().is_some_and(|t| t.trim_end_matches(['’', '\'']).ends_with(['.', '!', '?']))
}

/// In the tokenized text a sentence-final period stands alone (" . ") while
/// abbreviation periods stay attached ("V. Stiviano", "U.S. officials"). So
/// a free-standing " . " before a capitalized word must end a sentence, and
/// every sentence but a document's last must end in sentence punctuation.
#[test]
#[ignore = "needs SUMBENCH_DATA: SummEval"]
fn cnndm_boundaries_follow_the_tokenization() {
    let docs = corpus_texts("summeval-cnndm");
    assert_eq!(docs.len(), 100);
    let mut bad = Vec::new();
    for (id, text) in &docs {
        let sents = sentences(text);
        for s in &sents[..sents.len() - 1] {
            if !ends_with_terminal(s) {
                bad.push(format!("{id}: sentence does not end at a terminal token: {s:?}"));
            }
        }
        for s in &sents {
            let words: Vec<&str> = s.split(' ').collect();
            for w in words.windows(2) {
                if w[0] == "." && w[1].chars().next().is_some_and(char::is_uppercase) {
                    bad.push(format!("{id}: missed boundary before {:?} in {s:?}", w[1]));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{} problems:\n{}", bad.len(), bad.join("\n"));
}

#[test]
#[ignore = "needs SUMBENCH_DATA: SummEval"]
fn cnndm_hand_checked_documents() {
    let docs = corpus_texts("summeval-cnndm");
    // The first article (Donald Sterling / V. Stiviano): 19 sentences by reading.
    let sterling = sentences(&docs[0].1);
    assert_eq!(sterling.len(), 19, "{sterling:#?}");
    assert_eq!(sterling[0], "( CNN ) Donald Sterling 's racist remarks cost him an NBA team last year .");
    assert!(sterling[2].starts_with("A Los Angeles judge has ordered V. Stiviano to pay back"));
    assert_eq!(sterling[5], "Who is V. Stiviano ?");
    assert_eq!(
        sterling[9],
        "`` It also sets a precedent that the injured spouse can recover damages from the recipient of these \
         ill-begotten gifts . ''"
    );
    assert!(sterling[10].starts_with("Stiviano 's gifts"));
    // The caption at the end has no punctuation and no line break: it stays with the last sentence.
    assert!(
        sterling[18].starts_with("Fact check : Donald Sterling 's claims vs. reality CNN 's Dottie Evans")
    );

    // The fourth article (tour bus fire): 15 sentences; a two-sentence quote is split
    // and its closing quote stays with the second sentence.
    let bus = sentences(&docs[3].1);
    assert_eq!(bus.len(), 15, "{bus:#?}");
    assert_eq!(bus[4], "`` It was shocking , '' he said .");
    assert_eq!(bus[5], "`` I did n't know what I was about to see .");
    assert_eq!(bus[6], "I did n't know if anyone was hurt . ''");
}

#[test]
#[ignore = "needs SUMBENCH_DATA: BBC"]
fn bbc_paragraphs_and_bullet_lists() {
    let docs = corpus_texts("bbc-news-summary");
    let sents = sentences(document(&docs, "business/159"));
    for expected in [
        "India is to boost spending on primary schools and health in a budget flagged as a boost for the \
         ordinary citizen.",
        "In his budget Mr Chidambaram has:",
        "- Increased spending on primary education to 71.56bn rupees ($1.6bn)",
        "- Pledged 102.16bn rupees ($2.3bn) for tsunami victims",
        "- Announced a package for the sugar industry",
        "\"Given the resilience of the Indian economy... it is possible to launch a direct assault on \
         poverty,\" Mr Chidambaram said.",
        "\"The whole purpose of democratic government is to eliminate poverty.\"",
    ] {
        assert!(sents.contains(&expected), "missing {expected:?} in {sents:#?}");
    }
}

/// None of the shared corpora is hard-wrapped: BBC separates paragraphs with
/// blank lines, ScisummNet and Opinosis put one sentence per line. So no
/// sentence may cross a line break, and every non-blank line yields at least
/// one sentence. ScisummNet (26 MB) is checked on every fourth document to
/// keep the unoptimized test build quick; the others in full.
#[test]
#[ignore = "needs SUMBENCH_DATA: BBC, ScisummNet, Opinosis"]
fn line_per_sentence_corpora_keep_their_lines() {
    for (name, stride) in [("bbc-news-summary", 1), ("scisummnet", 4), ("opinosis", 1)] {
        let mut crossing = Vec::new();
        for (id, text) in corpus_texts(name).into_iter().step_by(stride) {
            let sents = sentences(&text);
            let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
            assert!(sents.len() >= lines, "{name} {id}: {} sentences for {lines} lines", sents.len());
            crossing.extend(sents.iter().filter(|s| s.contains('\n')).map(|s| format!("{name} {id}: {s:?}")));
        }
        assert!(crossing.is_empty(), "sentences crossing a line break:\n{}", crossing.join("\n"));
    }
}
