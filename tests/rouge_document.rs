//! `DocumentScorer` on real articles (the seed article with its three
//! references, and the PLOS articles that have two): every candidate, whole
//! sentences or cut by a word or byte budget, scores exactly as
//! `Scorer::score_multi` on the spans' texts joined by `\n`.

use std::ops::Range;

use sumbench::corpus::{ReadOptions, read_corpus};
use sumbench::rouge::{DocumentScorer, Metric, Score, Scorer};

use crate::util::{embedded_corpus, repo};

const ARTICLES: usize = 5;

/// (text, references with one sentence per line) of the seed article and the
/// first four PLOS articles with two references.
fn articles() -> Vec<(String, Vec<String>)> {
    let read =
        |path: &std::path::Path| read_corpus(path, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let seed = read(&repo().join("corpus/seed"));
    let plos = read(&embedded_corpus("plos"));
    seed.into_iter()
        .chain(plos.into_iter().filter(|d| d.references.len() == 2).take(ARTICLES - 1))
        .map(|document| {
            // One sentence per line, as rougeLsum expects.
            let references = document
                .references
                .iter()
                .map(|r| {
                    sumbench::text::sentence_spans(r)
                        .into_iter()
                        .map(|s| &r[s])
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            (document.text, references)
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
