//! ROUGE speed, single thread: sumbench's rouge-score-exact scorer against the
//! `rougers` crate's `score()` on the same pairs, side by side.
//!
//! Data: the 100 embedded BillSum bills, and SummEval's 100 CNN/DM articles
//! when `SUMBENCH_DATA` is set. Candidates are ~100 words of source sentences
//! (the last one cut at a word), references ~65 words of the document's
//! reference summaries, one per line; rouge1+rouge2+rougeL+rougeLsum with
//! stemming.
//!
//! Groups per corpus (throughput = pairs):
//! - `pairwise/<corpus>`: `Scorer::score` vs `rougers::RougeScorer::score`, 3 pairs per document.
//! - `harness/<corpus>`: per document, `DocumentScorer::new` once and `score_spans` for 12
//!   candidate summaries, vs `rougers` `score()` on the same 12 pairs of texts;
//!   `sumbench_score_spans_only` times `score_spans` alone (documents prepared
//!   beforehand), the cost of each further candidate, as an oracle sees it.

mod common;

use std::ops::Range;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sumbench::corpus::Document;
use sumbench::rouge::{DocumentScorer, Metric, Scorer};

const CANDIDATE_WORDS: usize = 100;
const REFERENCE_WORDS: usize = 65;
const CANDIDATES_PER_DOCUMENT: usize = 12;
const NAMES: [&str; 4] = ["rouge1", "rouge2", "rougeL", "rougeLsum"];
const METRICS: [Metric; 4] = [Metric::N(1), Metric::N(2), Metric::L, Metric::Lsum];

struct Article {
    text: String,
    spans: Vec<Range<usize>>,
    reference: String,
    /// Candidate summaries as spans (whole sentences, the last one cut).
    candidates: Vec<Vec<Range<usize>>>,
}

impl Article {
    fn candidate_text(&self, spans: &[Range<usize>]) -> String {
        spans.iter().map(|span| &self.text[span.clone()]).collect::<Vec<_>>().join("\n")
    }
}

/// The first `budget` whitespace-separated words of `sentences`, in this
/// order, as spans of `text`: whole sentences, the last one cut after a word.
fn fill(text: &str, sentences: &[Range<usize>], budget: usize) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut left = budget;
    for span in sentences {
        let sentence = &text[span.clone()];
        let words: Vec<&str> = sentence.split_whitespace().collect();
        if words.len() <= left {
            left -= words.len();
            spans.push(span.clone());
        } else {
            if left > 0 {
                let last = words[left - 1];
                let end = last.as_ptr() as usize - sentence.as_ptr() as usize + last.len();
                spans.push(span.start..span.start + end);
            }
            break;
        }
        if left == 0 {
            break;
        }
    }
    spans
}

fn articles(docs: &[Document]) -> Vec<Article> {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    docs.iter()
        .take(100)
        .map(|doc| {
            let text = doc.text.clone();
            let mut reference_words = Vec::new();
            for reference in &doc.references {
                let words: Vec<&str> = reference.split_whitespace().collect();
                let take = words.len().min(REFERENCE_WORDS - reference_words.len());
                reference_words.push(words[..take].join(" "));
                if reference_words.iter().map(|r| r.split_whitespace().count()).sum::<usize>()
                    >= REFERENCE_WORDS
                {
                    break;
                }
            }
            let spans = sumbench::text::sentence_spans(&text);
            let candidates = (0..CANDIDATES_PER_DOCUMENT)
                .map(|i| {
                    let mut order: Vec<Range<usize>> = spans.clone();
                    if i > 0 {
                        order.shuffle(&mut rng);
                        let keep = rng.random_range(3..=order.len().max(3));
                        order.truncate(keep);
                        order.sort_by_key(|span| span.start);
                    }
                    fill(&text, &order, CANDIDATE_WORDS)
                })
                .collect();
            Article { text, spans, reference: reference_words.join("\n"), candidates }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut corpora = vec![("billsum", common::embedded("billsum"))];
    corpora.extend(common::outside("summeval-cnndm").map(|docs| ("summeval", docs)));
    for (name, docs) in corpora {
        bench_corpus(c, name, &articles(&docs));
    }
}

fn bench_corpus(c: &mut Criterion, name: &str, articles: &[Article]) {
    let ours = Scorer::new(&METRICS, true);
    let rougers = rougers::RougeScorer::new(NAMES, true).expect("valid metric names");

    // Both sides compute the same numbers (else the comparison means nothing).
    for article in articles {
        let references = [article.reference.clone()];
        let document = DocumentScorer::new(&ours, &references, &article.text, &article.spans);
        for spans in &article.candidates {
            let theirs: Vec<f64> = rougers
                .score(&article.reference, &article.candidate_text(spans))
                .iter()
                .map(|(_, s)| s.fmeasure)
                .collect();
            let mine: Vec<f64> = document.score_spans(spans).iter().map(|s| s.fmeasure).collect();
            assert_eq!(mine, theirs, "scores differ from rougers");
        }
    }

    // Pairwise: three candidates per article, as texts.
    let pairs: Vec<(&str, String)> = articles
        .iter()
        .flat_map(|a| {
            a.candidates[..3].iter().map(move |spans| (a.reference.as_str(), a.candidate_text(spans)))
        })
        .collect();
    let mut group = c.benchmark_group(format!("pairwise/{name}"));
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function(BenchmarkId::new("rougers_score", pairs.len()), |b| {
        b.iter(|| pairs.iter().map(|(r, c)| rougers.score(r, c).iter().count()).sum::<usize>())
    });
    group.bench_function(BenchmarkId::new("sumbench_score", pairs.len()), |b| {
        b.iter(|| pairs.iter().map(|(r, c)| ours.score(r, c).len()).sum::<usize>())
    });
    group.finish();

    // Harness: 12 candidates per article, references and sentences tokenized once.
    let texts: Vec<(&str, String)> = articles
        .iter()
        .flat_map(|a| a.candidates.iter().map(move |spans| (a.reference.as_str(), a.candidate_text(spans))))
        .collect();
    let mut group = c.benchmark_group(format!("harness/{name}"));
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function(BenchmarkId::new("rougers_score_per_pair", texts.len()), |b| {
        b.iter(|| texts.iter().map(|(r, c)| rougers.score(r, c).iter().count()).sum::<usize>())
    });
    group.bench_function(BenchmarkId::new("sumbench_document_scorer", texts.len()), |b| {
        b.iter(|| {
            let mut n = 0;
            for article in articles {
                let references = [article.reference.clone()];
                let document = DocumentScorer::new(&ours, &references, &article.text, &article.spans);
                for spans in &article.candidates {
                    n += document.score_spans(spans).len();
                }
            }
            n
        })
    });
    // What an oracle pays per extra candidate once the document is prepared.
    let references: Vec<[String; 1]> = articles.iter().map(|a| [a.reference.clone()]).collect();
    let prepared: Vec<DocumentScorer> = articles
        .iter()
        .zip(&references)
        .map(|(article, references)| DocumentScorer::new(&ours, references, &article.text, &article.spans))
        .collect();
    group.bench_function(BenchmarkId::new("sumbench_score_spans_only", texts.len()), |b| {
        b.iter(|| {
            let mut n = 0;
            for (article, document) in articles.iter().zip(&prepared) {
                for spans in &article.candidates {
                    n += document.score_spans(spans).len();
                }
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
