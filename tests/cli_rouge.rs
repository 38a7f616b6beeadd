//! `sumbench rouge` (rouge-score mode) end to end: JSONL and line-aligned
//! files in, JSONL out; every kind of bad input exits non-zero naming the
//! file, line and field.

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use crate::util::{read_fixture, sumbench};

/// Runs `sumbench rouge ARGS` on `stdin` and returns its output lines.
fn lines(args: &[&str], stdin: &str) -> Vec<String> {
    let output = sumbench().arg("rouge").args(args).write_stdin(stdin).assert().success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8 output");
    stdout.lines().map(str::to_string).collect()
}

/// Runs `sumbench rouge ARGS` on `stdin` and parses the output lines.
fn rows(args: &[&str], stdin: &str) -> Vec<Value> {
    lines(args, stdin)
        .iter()
        .map(|line| serde_json::from_str(line).expect("each output line is JSON"))
        .collect()
}

/// The top-level keys of a JSON object line, in written order.
fn keys(line: &str) -> Vec<String> {
    let mut keys: Vec<(usize, String)> = serde_json::from_str::<serde_json::Map<String, Value>>(line)
        .expect("a JSON object")
        .keys()
        .map(|key| (line.find(&format!("\"{key}\":")).expect("key in line"), key.clone()))
        .collect();
    keys.sort();
    keys.into_iter().map(|(_, key)| key).collect()
}

fn prf(row: &Value, metric: &str) -> (f64, f64, f64) {
    let get =
        |field: &str| row[metric][field].as_f64().unwrap_or_else(|| panic!("{metric}.{field} in {row}"));
    (get("precision"), get("recall"), get("fmeasure"))
}

/// F as rouge-score computes it (spec section 7).
fn f(p: f64, r: f64) -> f64 {
    ((2.0 * p) * r) / (p + r)
}

#[test]
fn jsonl_rows_in_input_order_with_default_metrics() {
    let input = concat!(
        r#"{"id": "cat", "candidate": "the cat was found under the bed", "references": ["the cat was under the bed"]}"#,
        "\n\n",
        r#"{"id": "x", "candidate": "x x x", "references": ["x"]}"#,
        "\n"
    );
    let rows = rows(&[], input);
    assert_eq!(rows.len(), 2);
    assert_eq!(keys(&lines(&[], input)[0]), ["id", "rouge1", "rouge2", "rougeL", "rougeLsum"]);
    assert_eq!(rows[0]["id"], "cat");
    // Spec section 11, by hand: 6/7 unigrams, 4 of 6 candidate bigrams in 5.
    assert_eq!(prf(&rows[0], "rouge1"), (6.0 / 7.0, 1.0, f(6.0 / 7.0, 1.0)));
    assert_eq!(prf(&rows[0], "rouge2"), (4.0 / 6.0, 0.8, f(4.0 / 6.0, 0.8)));
    assert_eq!(rows[1]["id"], "x");
    assert_eq!(prf(&rows[1], "rouge1"), (1.0 / 3.0, 1.0, 0.5));
}

#[test]
fn stemming_and_metric_choice() {
    let input = r#"{"id": "s", "candidate": "cats running", "references": ["cat runs"]}"#;
    let stemmed = rows(&["--stem", "--metrics", "rougeL,rouge1"], input);
    assert_eq!(keys(&lines(&["--stem", "--metrics", "rougeL,rouge1"], input)[0]), ["id", "rougeL", "rouge1"]);
    // NLTK Porter: cats→cat, running→run, runs→run.
    assert_eq!(prf(&stemmed[0], "rouge1"), (1.0, 1.0, 1.0));
    let plain = rows(&["--stem", "--no-stem", "--metrics", "rouge1"], input);
    assert_eq!(prf(&plain[0], "rouge1"), (0.0, 0.0, 0.0));
}

#[test]
fn reads_a_file_argument() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, r#"{"id": "a", "candidate": "a b", "references": ["a b"]}"#).expect("write");
    let rows = rows(&[path.to_str().expect("UTF-8 path")], "");
    assert_eq!(prf(&rows[0], "rougeLsum"), (1.0, 1.0, 1.0));
}

#[test]
fn line_aligned_files_use_the_best_f_reference() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.to_str().expect("UTF-8 path").to_string()
    };
    let candidates = write("c.txt", "alpha beta\nx\n");
    let first = write("r1.txt", "alpha beta gamma delta\ny\n");
    let second = write("r2.txt", "alpha\nx\n");
    let rows =
        rows(&["--metrics", "rouge1", "--candidates", &candidates, "--references", &first, &second], "");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "1");
    // Spec section 8: both references give F = 2/3; the first one is kept.
    assert_eq!(prf(&rows[0], "rouge1"), (1.0, 0.5, f(1.0, 0.5)));
    assert_eq!(rows[1]["id"], "2");
    assert_eq!(prf(&rows[1], "rouge1"), (1.0, 1.0, 1.0));

    let short = write("short.txt", "alpha\n");
    sumbench()
        .args(["rouge", "--candidates", &candidates, "--references", &first, &short])
        .assert()
        .failure()
        .stderr(contains("short.txt: 1 lines").and(contains("c.txt has 2")));
}

#[test]
fn bad_lines_name_file_line_and_field() {
    let good = r#"{"id": "a", "candidate": "a", "references": ["a"]}"#;
    for (bad, message) in [
        ("{not json", "malformed JSON at column 2"),
        (r#"{"id": "b", "references": ["a"]}"#, "field `candidate`: missing"),
        (r#"{"id": "b", "candidate": "a"}"#, "field `references`: missing"),
        (r#"{"id": "b", "candidate": "a", "references": []}"#, "field `references`: an empty list"),
        (
            r#"{"id": 1.5, "candidate": "a", "references": ["a"]}"#,
            "field `id`: expected a string or an integer",
        ),
        (
            r#"{"id": "b", "candidate": "a", "references": "a"}"#,
            "field `references`: expected an array of strings",
        ),
    ] {
        sumbench()
            .arg("rouge")
            .write_stdin(format!("{good}\n{bad}\n"))
            .assert()
            .failure()
            .stderr(contains("<stdin>:2").and(contains(message)));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, format!("{good}\n\n{{\n")).expect("write");
    sumbench()
        .args(["rouge", path.to_str().expect("UTF-8 path")])
        .assert()
        .failure()
        .stderr(contains("bad.jsonl:3").and(contains("malformed JSON at column 1")));
}

#[test]
fn bad_options_are_refused() {
    sumbench()
        .args(["rouge", "--metrics", "rouge0"])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(contains("rouge0"));
    sumbench()
        .args(["rouge", "--limit-words", "5"])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(contains("rouge155"));
    sumbench()
        .args(["rouge", "--references", "r.txt"])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(contains("--candidates"));
}

#[test]
fn the_unicode_tokenizer_scores_text_in_other_scripts() {
    // By hand: the candidate's tokens are кошки, бежали, домой; the reference's
    // кошки, бежали (case-folded). rouge1: 2 hits, P = 2/3, R = 2/2. rouge-score's
    // tokenizer sees no token on either side: all zeros.
    let pair =
        "{\"id\": \"1\", \"candidate\": \"Кошки бежали домой.\", \"references\": [\"КОШКИ бежали.\"]}\n";
    let unicode = rows(&["--metrics", "rouge1,rouge2", "--rouge-tokenizer", "unicode"], pair);
    assert_eq!(prf(&unicode[0], "rouge1"), (2.0 / 3.0, 1.0, f(2.0 / 3.0, 1.0)));
    // rouge2: the bigram "кошки бежали" of 2 candidate and 1 reference bigrams.
    assert_eq!(prf(&unicode[0], "rouge2"), (0.5, 1.0, f(0.5, 1.0)));
    let ascii = rows(&["--metrics", "rouge1"], pair);
    assert_eq!(prf(&ascii[0], "rouge1"), (0.0, 0.0, 0.0));
    // On ASCII text without stemming both profiles agree here ("the" "cat" "sat").
    let english = "{\"id\": \"2\", \"candidate\": \"The cat sat.\", \"references\": [\"the cat\"]}\n";
    assert_eq!(
        rows(&["--metrics", "rouge1", "--rouge-tokenizer", "unicode"], english),
        rows(&["--metrics", "rouge1"], english)
    );
    sumbench()
        .args(["rouge", "--mode", "rouge155", "--rouge-tokenizer", "unicode"])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(contains("--rouge-tokenizer exists only with --mode rouge-score"));
    sumbench().args(["rouge", "--rouge-tokenizer", "icu"]).write_stdin("").assert().failure().stderr(
        contains("unknown ROUGE tokenizer `icu` (expected rouge-score, unicode, xlsum or multilingual)"),
    );
}

#[test]
fn conformance_cases_through_the_command_line() {
    // The oracle file itself is valid input: extra fields are ignored.
    let cases = read_fixture("rouge_cases.jsonl");
    for (flag, mode) in [("--stem", "stem"), ("--no-stem", "nostem")] {
        let output = rows(&[flag], &cases);
        assert_eq!(output.len(), 300);
        for (line, row) in cases.lines().zip(&output) {
            let case: Value = serde_json::from_str(line).expect("JSON case");
            assert_eq!(row["id"], case["id"]);
            for metric in ["rouge1", "rouge2", "rougeL", "rougeLsum"] {
                let expected = &case["expected"][mode][metric];
                let want = (
                    expected["precision"].as_f64().expect("number"),
                    expected["recall"].as_f64().expect("number"),
                    expected["fmeasure"].as_f64().expect("number"),
                );
                assert_eq!(prf(row, metric), want, "{} {mode} {metric}", case["id"]);
            }
        }
    }
}
