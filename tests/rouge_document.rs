//! `DocumentScorer` on real articles (SummEval CNN/DM, 11 references each):
//! every candidate, whole sentences or cut by a word or byte budget, scores
//! exactly as `Scorer::score_multi` on the spans' texts joined by `\n`.
//!
//! Data: `$SUMBENCH_SHARED/corpora/summeval-cnndm/documents.jsonl` (default
//! `$CARGO_MANIFEST_DIR/../shared`); missing data fails the test.

use std::ops::Range;
use std::path::PathBuf;

use sumbench::rouge::{DocumentScorer, Metric, Score, Scorer};

const ARTICLES: usize = 5;

fn articles() -> Vec<(String, Vec<String>)> {
    let root = std::env::var_os("SUMBENCH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")));
    let path = root.join("corpora/summeval-cnndm/documents.jsonl");
    let data = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {} ({e}); set SUMBENCH_SHARED", path.display()));
    data.lines()
        .take(ARTICLES)
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            let text = value["text"].as_str().expect("text").to_string();
            let references = value["references"]
                .as_array()
                .expect("references")
                .iter()
                .map(|r| {
                    // One sentence per line, as rougeLsum expects.
                    let r = r.as_str().expect("reference text");
                    sumbench::text::sentence_spans(r)
                        .into_iter()
                        .map(|s| &r[s])
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            (text, references)
        })
        .collect()
}

/// Sentences `chosen` in order until `budget` bytes, the last one cut at the
/// last char boundary within the budget (or, with `at_word`, after its last
/// whole word within it).
fn candidate(
    text: &str,
    spans: &[Range<usize>],
    chosen: &[usize],
    budget: usize,
    at_word: bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut left = budget;
    for &i in chosen {
        let span = spans[i].clone();
        if span.len() <= left {
            left -= span.len();
            out.push(span);
            continue;
        }
        let sentence = &text[span.clone()];
        let mut end = left;
        while !sentence.is_char_boundary(end) {
            end -= 1;
        }
        if at_word {
            end = sentence[..end].rfind(char::is_whitespace).unwrap_or(0);
        }
        if end > 0 {
            out.push(span.start..span.start + end);
        }
        break;
    }
    out
}

#[test]
fn real_articles_score_like_the_joined_text() {
    let metrics = [Metric::N(1), Metric::N(2), Metric::N(4), Metric::L, Metric::Lsum];
    let mut checked = 0;
    for stem in [true, false] {
        let scorer = Scorer::new(&metrics, stem);
        for (text, references) in articles() {
            let spans = sumbench::text::sentence_spans(&text);
            let document = DocumentScorer::new(&scorer, &references, &text, &spans);
            let n = spans.len();
            let orders: Vec<Vec<usize>> = vec![
                (0..n).collect(),
                (0..n).step_by(3).collect(),
                (0..n).rev().step_by(2).collect::<Vec<_>>().into_iter().rev().collect(),
            ];
            for order in &orders {
                for budget in [1, 40, 200, 333, 600, usize::MAX] {
                    for at_word in [false, true] {
                        let chosen = candidate(&text, &spans, order, budget, at_word);
                        let joined: Vec<&str> = chosen.iter().map(|s| &text[s.clone()]).collect();
                        let expected: Vec<Score> = scorer.score_multi(&references, &joined.join("\n"));
                        assert_eq!(document.score_spans(&chosen), expected, "spans {chosen:?}");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 2 * ARTICLES * 3 * 6 * 2);
}
