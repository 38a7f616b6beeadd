//! py-rouge 1.1 beyond the shared conformance file: the real package's own
//! outputs (made by `tests/data/py_rouge_oracle/generate.py`, see its
//! README row in `tests/data/README.md`) under option sets, option errors
//! and corpora the shared file does not cover. Exact, as in
//! `rouge_profiles`: every float to the bit, `-0.0` apart from `0.0`.

use serde::Deserialize;
use serde_json::{Map, Value};
use sumbench::profiles::{PackageOptions, Pair, package};

use crate::util::{read_fixture, same_json as same};

#[derive(Deserialize)]
struct Options {
    init: Map<String, Value>,
    call: Map<String, Value>,
}

#[derive(Deserialize)]
struct Case {
    id: String,
    options: Options,
    candidate: String,
    references: Vec<String>,
    expected: Map<String, Value>,
}

#[derive(Deserialize)]
struct CorpusPair {
    candidate: String,
    references: Vec<String>,
}

#[derive(Deserialize)]
struct Corpus {
    id: String,
    options: Options,
    pairs: Vec<CorpusPair>,
    expected: Map<String, Value>,
}

fn options(options: Options) -> PackageOptions {
    PackageOptions { init: options.init, call: options.call }
}

fn outcome(got: Result<Value, sumbench::profiles::Raised>) -> (&'static str, Value) {
    match got {
        Ok(value) => ("return", value),
        Err(raised) => ("raises", raised.to_json()),
    }
}

fn report(lines: usize, wrong: &[String]) {
    assert!(
        wrong.is_empty(),
        "{} of {lines} lines differ; first ones:\n{}",
        wrong.len(),
        wrong.iter().take(8).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn calls_match_the_package() {
    let text = read_fixture("py_rouge_oracle/cases.jsonl");
    let (mut lines, mut wrong) = (0, Vec::new());
    for line in text.lines() {
        let case: Case = serde_json::from_str(line).expect("a case line");
        lines += 1;
        let got = outcome(
            package("py-rouge", &options(case.options))
                .and_then(|p| p.call(&case.candidate, &case.references)),
        );
        if !case.expected.get(got.0).is_some_and(|e| same(e, &got.1)) {
            wrong.push(format!("{}: expected {:?}, got {:?}", case.id, case.expected, got));
        }
    }
    assert!(lines > 1000, "only {lines} lines");
    report(lines, &wrong);
}

/// `corpus()` against `get_scores(all_hypotheses, all_references)`: under
/// `apply_avg` / `apply_best` the package returns `{metric: {f, p, r}}`.
#[test]
fn corpus_figures_match_the_package() {
    let text = read_fixture("py_rouge_oracle/corpus.jsonl");
    let (mut lines, mut wrong) = (0, Vec::new());
    for line in text.lines() {
        let case: Corpus = serde_json::from_str(line).expect("a corpus line");
        lines += 1;
        let pairs: Vec<Pair<'_>> =
            case.pairs.iter().map(|p| Pair { candidate: &p.candidate, references: &p.references }).collect();
        let got = package("py-rouge", &options(case.options)).and_then(|p| p.corpus(&pairs));
        let got = outcome(got.map(|figures| {
            let mut map = Map::new();
            for (key, figure) in figures {
                let mut stats = Map::new();
                stats.insert("f".into(), Value::from(figure.fmeasure));
                stats.insert("p".into(), figure.precision.map_or(Value::Null, Value::from));
                stats.insert("r".into(), figure.recall.map_or(Value::Null, Value::from));
                map.insert(key, Value::Object(stats));
            }
            Value::Object(map)
        }));
        if !case.expected.get(got.0).is_some_and(|e| same(e, &got.1)) {
            wrong.push(format!("{}: expected {:?}, got {:?}", case.id, case.expected, got));
        }
    }
    assert!(lines >= 40, "only {lines} lines");
    report(lines, &wrong);
}
