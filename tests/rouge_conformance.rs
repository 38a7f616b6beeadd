//! rouge-score 0.1.2 conformance: every case of the oracle files in
//! `tests/data/` must match to the bit (f64 equality), with and without stemming.

use serde::Deserialize;
use std::ops::Range;
use sumbench::rouge::{DocumentScorer, Metric, Score, Scorer, tokenize};

use crate::util::read_fixture;

#[derive(Deserialize)]
struct Case {
    id: String,
    candidate: String,
    references: Vec<String>,
    expected: Modes<Expected>,
    tokens: Modes<Tokens>,
}

#[derive(Deserialize)]
struct Modes<T> {
    stem: T,
    nostem: T,
}

#[derive(Deserialize)]
#[allow(non_snake_case)]
struct Expected {
    rouge1: Score,
    rouge2: Score,
    rougeL: Score,
    rougeLsum: Score,
}

#[derive(Deserialize)]
struct Tokens {
    candidate: Vec<String>,
    references: Vec<Vec<String>>,
}

const METRICS: [Metric; 4] = [Metric::N(1), Metric::N(2), Metric::L, Metric::Lsum];

fn cases() -> Vec<Case> {
    let cases: Vec<Case> = read_fixture("rouge_cases.jsonl")
        .lines()
        .enumerate()
        .map(|(i, line)| serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", i + 1)))
        .collect();
    assert_eq!(cases.len(), 300, "rouge_cases.jsonl.meta.json announces 300 cases");
    cases
}

fn bits(score: &Score) -> [u64; 3] {
    [score.precision.to_bits(), score.recall.to_bits(), score.fmeasure.to_bits()]
}

/// The byte spans of the `\n`-separated pieces of `text` (empty ones included),
/// so that joining them with `\n` gives `text` back.
fn line_spans(text: &str) -> Vec<Range<usize>> {
    let mut start = 0;
    text.split('\n')
        .map(|piece| {
            let span = start..start + piece.len();
            start = span.end + 1;
            span
        })
        .collect()
}

#[test]
fn every_case_matches_rouge_score_bit_for_bit() {
    let mut failures = Vec::new();
    for stem in [false, true] {
        let scorer = Scorer::new(&METRICS, stem);
        for case in cases() {
            let expected = if stem { &case.expected.stem } else { &case.expected.nostem };
            let expected = [&expected.rouge1, &expected.rouge2, &expected.rougeL, &expected.rougeLsum];
            let pairwise = scorer.score_multi(&case.references, &case.candidate);
            // The same candidate through the document path: its lines as sentences.
            let spans = line_spans(&case.candidate);
            let document = DocumentScorer::new(&scorer, &case.references, &case.candidate, &spans);
            let by_document = document.score_spans(&spans);
            for (i, metric) in METRICS.iter().enumerate() {
                for (path, got) in [("score_multi", &pairwise[i]), ("score_spans", &by_document[i])] {
                    if bits(got) != bits(expected[i]) {
                        failures.push(format!(
                            "{} stem={stem} {metric} {path}: got {got:?}, want {:?}",
                            case.id, expected[i]
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_case_tokenizes_like_rouge_score() {
    for case in cases() {
        for (stem, tokens) in [(false, &case.tokens.nostem), (true, &case.tokens.stem)] {
            assert_eq!(tokenize(&case.candidate, stem), tokens.candidate, "{} stem={stem}", case.id);
            for (reference, expected) in case.references.iter().zip(&tokens.references) {
                assert_eq!(&tokenize(reference, stem), expected, "{} stem={stem}", case.id);
            }
        }
    }
}

#[test]
fn every_nltk_porter_stem_matches() {
    let table = read_fixture("porter_nltk_stems.tsv");
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in table.lines().filter(|line| !line.starts_with('#')) {
        let (word, stem) = line.split_once('\t').unwrap_or_else(|| panic!("not word<TAB>stem: {line:?}"));
        let got = tokenize(word, true);
        if got != [stem] {
            failures.push(format!("{word}: got {got:?}, want {stem}"));
        }
        checked += 1;
    }
    assert_eq!(checked, 78_141, "porter_nltk_stems.tsv announces 78,141 pairs");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures[..failures.len().min(50)].join("\n")
    );
}
