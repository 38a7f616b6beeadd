//! Metrics beyond ROUGE against their reference implementations, every case
//! of `tests/data/mt_metrics_cases.jsonl` (sacreBLEU 2.6.0: sentence and
//! corpus BLEU with all statistics, chrF, chrF++, signatures) and
//! `tests/data/fragments_cases.jsonl` (Newsroom fragments, SummEval novel
//! and repeated n-grams), to 1e-9; and the extra sacreBLEU cases of
//! `tests/data/sacrebleu_extra_cases.jsonl` and the Newsroom code's own
//! fragments in `tests/data/fragments_extra_cases.jsonl`.

use serde_json::Value;
use sumbench::metrics::bleu::bleu_tokens;
use sumbench::metrics::{CorpusAccumulator, Details, Level, Metric, MetricSet, MetricValue, TextTokenizer};

use crate::util::read_fixture;

const TOLERANCE: f64 = 1e-9;

fn cases(name: &str) -> Vec<Value> {
    read_fixture(name).lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().expect("an array").iter().map(|s| s.as_str().expect("a string").to_string()).collect()
}

fn close(got: f64, want: &Value, what: &str) {
    let want = want.as_f64().unwrap_or_else(|| panic!("{what}: expected value {want}"));
    assert!((got - want).abs() <= TOLERANCE, "{what}: {got} vs {want}");
}

fn integers(values: &[u64], want: &Value, what: &str) {
    let want: Vec<u64> =
        want.as_array().expect("an array").iter().map(|v| v.as_u64().expect("an integer")).collect();
    assert_eq!(values, want, "{what}");
}

/// BLEU, chrF and chrF++ values against sacreBLEU's `expected` object.
fn check_mt(values: &[MetricValue], expected: &Value, what: &str) {
    let Details::Bleu(bleu) = &values[0].details else { panic!("{what}: BLEU details") };
    let want = &expected["bleu"];
    close(bleu.score, &want["score"], &format!("{what} bleu score"));
    assert_eq!(values[0].score, Some(bleu.score));
    integers(&bleu.counts, &want["counts"], &format!("{what} bleu counts"));
    integers(&bleu.totals, &want["totals"], &format!("{what} bleu totals"));
    for (n, precision) in bleu.precisions.iter().enumerate() {
        close(*precision, &want["precisions"][n], &format!("{what} bleu precision {}", n + 1));
    }
    close(bleu.bp, &want["bp"], &format!("{what} bleu bp"));
    integers(
        &[bleu.sys_len, bleu.ref_len],
        &Value::from(vec![want["sys_len"].clone(), want["ref_len"].clone()]),
        &format!("{what} bleu lengths"),
    );
    close(values[1].score.expect("chrF"), &expected["chrf"]["score"], &format!("{what} chrf"));
    close(values[2].score.expect("chrF++"), &expected["chrf++"]["score"], &format!("{what} chrf++"));
}

#[test]
fn sacrebleu_sentence_and_corpus_scores_and_signatures() {
    check_sacrebleu_file("mt_metrics_cases.jsonl");
}

/// The extra cases made with `tests/data/sacrebleu_extra/generate.py`: 13a
/// edge cases, empty texts, Python-only whitespace, random punctuation-heavy
/// strings, a variable number of references; the 13a tokens too.
#[test]
fn sacrebleu_extra_cases_with_tokens() {
    check_sacrebleu_file("sacrebleu_extra_cases.jsonl");
}

/// Checks every case of a sacreBLEU case file (the layout of `mt_metrics_cases.jsonl`,
/// plus the candidate's 13a `tokens` where given) and the corpus line, which
/// must come last. Any number of cases: more can be added to the files.
fn check_sacrebleu_file(name: &str) {
    let set =
        MetricSet::new(vec![Metric::Bleu, Metric::Chrf, Metric::ChrfPlusPlus], TextTokenizer::Whitespace);
    let mut corpus = CorpusAccumulator::new(set.metrics());
    let cases = cases(name);
    assert!(cases.len() > 1, "{name}: cases and a corpus line");
    let mut checked = 0;
    for case in &cases {
        let id = case["id"].as_str().expect("id");
        if id == "__corpus__" {
            let expected = &case["expected"]["corpus"];
            check_mt(&corpus.finish(), expected, "corpus");
            for (metric, signature) in set.signatures(corpus.nrefs(), Level::Corpus) {
                assert_eq!(signature, expected["signatures"][metric.to_string()], "{metric} signature");
            }
            checked += 1;
            continue;
        }
        let references = strings(&case["references"]);
        let candidate = case["candidate"].as_str().expect("candidate");
        let values = set.score(candidate, Some(&references), None).expect("inputs present");
        if let Some(tokens) = case["expected"]["sentence"].get("tokens") {
            assert_eq!(bleu_tokens(candidate), strings(tokens), "{id} tokens");
        }
        check_mt(&values, &case["expected"]["sentence"], id);
        corpus.add(&values, Some(references.len()));
        checked += 1;
    }
    assert_eq!(checked, cases.len());
    assert_eq!(cases.last().expect("cases")["id"], "__corpus__", "{name}: the corpus line comes last");
}

#[test]
fn newsroom_fragments_and_summeval_ngrams() {
    let metrics =
        MetricSet::available(false, true).into_iter().filter(|m| *m != Metric::JsDivergence).collect();
    let set = MetricSet::new(metrics, TextTokenizer::Whitespace);
    let mut checked = 0;
    for case in cases("fragments_cases.jsonl") {
        let id = case["id"].as_str().expect("id");
        let (candidate, source) =
            (case["candidate"].as_str().expect("candidate"), case["source"].as_str().expect("source"));
        let expected = &case["expected"];
        let values = set.score::<String>(candidate, None, Some(source)).expect("inputs present");
        for value in &values {
            let key = value.metric.to_string().replace('-', "_");
            let what = format!("{id} {key}");
            match (&expected[&key], value.score) {
                (Value::Null, got) => assert_eq!(got, None, "{what}"),
                (want, got) => close(got.unwrap_or_else(|| panic!("{what}: None")), want, &what),
            }
            match &value.details {
                Details::Fragments(fragments) => {
                    let got = serde_json::to_value(fragments).expect("fragments as JSON");
                    assert_eq!(got, expected["fragments"], "{what} fragments");
                }
                Details::Compression { summary_tokens, source_tokens } => {
                    assert_eq!(
                        *summary_tokens as u64,
                        expected["summary_tokens"].as_u64().unwrap(),
                        "{what}"
                    );
                    assert_eq!(*source_tokens as u64, expected["source_tokens"].as_u64().unwrap(), "{what}");
                }
                _ => {}
            }
        }
        checked += 1;
    }
    assert!(checked >= 300, "{checked} cases");
}

/// Fragments from the Newsroom code itself (`tests/data/fragments_extra/generate.py`):
/// repetitive mixed-case token streams where the scan's resume-at-run-end quirk bites.
#[test]
fn newsroom_reference_code_on_repetitive_text() {
    let metrics = vec![Metric::Coverage, Metric::Density, Metric::Compression];
    let set = MetricSet::new(metrics, TextTokenizer::Whitespace);
    let cases = cases("fragments_extra_cases.jsonl");
    assert!(cases.len() >= 400);
    for case in &cases {
        let id = case["id"].as_str().expect("id");
        let (candidate, source) =
            (case["candidate"].as_str().expect("candidate"), case["source"].as_str().expect("source"));
        let expected = &case["expected"];
        let values = set.score::<String>(candidate, None, Some(source)).expect("inputs present");
        for value in &values {
            let what = format!("{id} {}", value.metric);
            close(value.score.expect("defined"), &expected[value.metric.to_string()], &what);
        }
        let Details::Fragments(fragments) = &values[0].details else { panic!("{id}: fragments") };
        assert_eq!(serde_json::to_value(fragments).expect("JSON"), expected["fragments"], "{id} fragments");
        let Details::Compression { summary_tokens, source_tokens } = values[2].details else {
            panic!("{id}")
        };
        assert_eq!(
            (summary_tokens as u64, source_tokens as u64),
            (expected["summary_tokens"].as_u64().unwrap(), expected["source_tokens"].as_u64().unwrap()),
            "{id}"
        );
    }
}
