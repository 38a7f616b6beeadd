//! `sumbench rouge --mode rouge155`: input formats, flags, output and errors.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

use crate::util::{read_fixture, sumbench};

fn rouge155(args: &[&str]) -> Command {
    let mut cmd = sumbench();
    cmd.args(["rouge", "--mode", "rouge155"]).args(args);
    cmd
}

fn output_lines(cmd: &mut Command) -> Vec<Value> {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON output line"))
        .collect()
}

fn prf(p: f64, r: f64, f: f64) -> Value {
    json!({"precision": p, "recall": r, "fmeasure": f})
}

/// By hand: candidate "the cat sat" vs reference "the cat": 2 unigram hits of
/// 2 reference and 3 candidate unigrams (R 1, P 0.66667, F 0.8); 1 bigram hit
/// of 1 and 2 (R 1, P 0.5, F 0.66667).
#[test]
fn jsonl_in_jsonl_out_in_input_order() {
    let input = "{\"id\": \"first\", \"candidate\": \"The cat sat.\", \"references\": [\"the cat\"]}\n\
                 \n\
                 {\"id\": \"second\", \"candidate\": \"dog\", \"references\": [\"the cat\"]}\n";
    let lines = output_lines(rouge155(&["--metrics", "rouge2,rouge1"]).write_stdin(input));
    assert_eq!(
        lines,
        [
            json!({"id": "first", "rouge2": prf(0.5, 1.0, 0.66667), "rouge1": prf(0.66667, 1.0, 0.8)}),
            json!({"id": "second", "rouge2": prf(0.0, 0.0, 0.0), "rouge1": prf(0.0, 0.0, 0.0)}),
        ]
    );
}

#[test]
fn metric_order_is_kept_in_the_output_text() {
    let input = "{\"id\": \"x\", \"candidate\": \"a b\", \"references\": [\"a b\"]}\n";
    let out = rouge155(&["--metrics", "rougeSU4,rouge1,rougeW-1.2"]).write_stdin(input).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    let (su, r1, w) = (text.find("rougeSU4"), text.find("rouge1"), text.find("rougeW-1.2"));
    assert!(text.starts_with("{\"id\":\"x\","), "{text}");
    assert!(su < r1 && r1 < w, "{text}");
}

#[test]
fn default_metrics_are_the_papers_six() {
    let input = "{\"id\": \"x\", \"candidate\": \"a b\", \"references\": [\"a b\"]}\n";
    let lines = output_lines(rouge155(&[]).write_stdin(input));
    let keys: Vec<&String> = lines[0].as_object().expect("object").keys().collect();
    for metric in ["id", "rouge1", "rouge2", "rougeL", "rougeW-1.2", "rougeS4", "rougeSU4"] {
        assert!(keys.iter().any(|k| *k == metric), "{metric} missing from {keys:?}");
    }
}

/// The flags select the script's option sets: the first conformance cases
/// give the Perl script's printed values under -f B, -m and -s.
#[test]
fn flags_match_the_scripts_option_sets() {
    let text = read_fixture("rouge155_cases.jsonl");
    let cases: Vec<Value> = text.lines().take(12).map(|l| serde_json::from_str(l).expect("JSON")).collect();
    let input: String = cases
        .iter()
        .map(|c| {
            json!({"id": c["id"], "candidate": c["candidate"], "references": c["references"]}).to_string()
                + "\n"
        })
        .collect();
    for (set, flags) in [
        ("A", &[][..]),
        ("B", &["--multi-ref", "b"][..]),
        ("A_stem", &["--stem"][..]),
        ("A_stop", &["--remove-stopwords"][..]),
    ] {
        let mut args = vec!["--metrics", "rouge1,rouge2,rougeL,rougeW-1.2,rougeS4,rougeSU4"];
        args.extend(flags);
        let lines = output_lines(rouge155(&args).write_stdin(input.clone()));
        assert_eq!(lines.len(), cases.len());
        for (case, line) in cases.iter().zip(&lines) {
            assert_eq!(line["id"], case["id"]);
            for (ours, script) in [
                ("rouge1", "ROUGE-1"),
                ("rouge2", "ROUGE-2"),
                ("rougeL", "ROUGE-L"),
                ("rougeW-1.2", "ROUGE-W-1.2"),
                ("rougeS4", "ROUGE-S4"),
                ("rougeSU4", "ROUGE-SU4"),
            ] {
                let e = &case["expected"][set][script];
                assert_eq!(
                    line[ours],
                    prf(
                        e["P"].as_f64().expect("P"),
                        e["R"].as_f64().expect("R"),
                        e["F"].as_f64().expect("F")
                    ),
                    "{} {set} {ours}",
                    case["id"]
                );
            }
        }
    }
}

/// By hand: with `-l 2` (or `-b 10`) both texts become "alpha beta";
/// without a limit they share 2 of 4 words.
#[test]
fn length_limits_truncate_both_sides() {
    let input = "{\"id\": \"x\", \"candidate\": \"alpha beta gamma delta\", \"references\": [\"alpha beta xray yankee\"]}\n";
    for (flags, expected) in [
        (&[][..], prf(0.5, 0.5, 0.5)),
        (&["--limit-words", "2"][..], prf(1.0, 1.0, 1.0)),
        (&["--limit-bytes", "10"][..], prf(1.0, 1.0, 1.0)),
    ] {
        let mut args = vec!["--metrics", "rouge1"];
        args.extend(flags);
        let lines = output_lines(rouge155(&args).write_stdin(input));
        assert_eq!(lines[0]["rouge1"], expected, "{flags:?}");
    }
    rouge155(&["--limit-words", "2", "--limit-bytes", "10"]).write_stdin(input).assert().failure();
}

#[test]
fn reads_a_file_argument_and_line_aligned_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let jsonl = dir.path().join("in.jsonl");
    std::fs::write(&jsonl, "{\"id\": \"only\", \"candidate\": \"the cat\", \"references\": [\"the cat\"]}\n")
        .expect("write");
    let lines = output_lines(&mut rouge155(&["--metrics", "rouge1", jsonl.to_str().expect("path")]));
    assert_eq!(lines, [json!({"id": "only", "rouge1": prf(1.0, 1.0, 1.0)})]);

    let (c, r1, r2) = (dir.path().join("c.txt"), dir.path().join("r1.txt"), dir.path().join("r2.txt"));
    std::fs::write(&c, "the cat\nthe dog\n").expect("write");
    std::fs::write(&r1, "the cat\nzebra\n").expect("write");
    std::fs::write(&r2, "a cat\nthe dog\n").expect("write");
    let paths = [&c, &r1, &r2].map(|p| p.to_str().expect("path").to_string());
    let lines = output_lines(&mut rouge155(&[
        "--metrics",
        "rouge1",
        "--multi-ref",
        "b",
        "--candidates",
        &paths[0],
        "--references",
        &paths[1],
        &paths[2],
    ]));
    // Line 1: the first reference has recall 1. Line 2: the second one.
    assert_eq!(
        lines,
        [json!({"id": "1", "rouge1": prf(1.0, 1.0, 1.0)}), json!({"id": "2", "rouge1": prf(1.0, 1.0, 1.0)})]
    );

    std::fs::write(&r2, "a cat\n").expect("write");
    rouge155(&["--candidates", &paths[0], "--references", &paths[1], &paths[2]]).assert().failure().stderr(
        predicate::str::contains(format!(
            "r2.txt: 1 lines, but the candidates file {} has 2 (files must be line-aligned)",
            paths[0]
        )),
    );
}

#[test]
fn bad_lines_are_named() {
    let good = "{\"id\": \"a\", \"candidate\": \"x\", \"references\": [\"x\"]}";
    for (bad, message) in [
        ("{not json", "<stdin>:2: malformed JSON at column 2"),
        ("{\"id\": \"b\", \"candidate\": \"x\"}", "<stdin>:2: field `references`: missing"),
        (
            "{\"id\": \"b\", \"candidate\": 3, \"references\": [\"x\"]}",
            "<stdin>:2: field `candidate`: expected a string, found a number",
        ),
        (
            "{\"id\": \"b\", \"candidate\": \"x\", \"references\": []}",
            "<stdin>:2: field `references`: an empty list",
        ),
    ] {
        rouge155(&[])
            .write_stdin(format!("{good}\n{bad}\n"))
            .assert()
            .failure()
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn bad_options_are_errors() {
    let input = "{\"id\": \"a\", \"candidate\": \"x\", \"references\": [\"x\"]}\n";
    rouge155(&["--metrics", "rougeLsum"])
        .write_stdin(input)
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown ROUGE-1.5.5 metric `rougeLsum`"));
    rouge155(&["--metrics", "rouge1,rouge1"])
        .write_stdin(input)
        .assert()
        .failure()
        .stderr(predicate::str::contains("listed twice"));
}

/// The script dies on a reference without tokens; here it warns and scores:
/// ROUGE-1 pools hit 1, model 1 + 0, peer 1 + 1 → R 1, P 0.5, F 0.66667.
#[test]
fn token_less_references_warn_on_stderr() {
    let input = "{\"id\": \"a\", \"candidate\": \"cat\", \"references\": [\"cat\", \"東京 !!\"]}\n";
    let assert = rouge155(&["--metrics", "rouge1,rougeW-1.2"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: line 1 (id a): reference 2 has no tokens"));
    let line: Value = serde_json::from_slice(&assert.get_output().stdout).expect("JSON");
    assert_eq!(line["rouge1"], prf(0.5, 1.0, 0.66667));
}
