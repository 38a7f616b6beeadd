//! `sumbench run`, `score` and `merge` end to end through the binary.

use std::path::Path;

use predicates::prelude::*;
use sumbench::summarize::registry;

use crate::util::{assert_same_reports, repo, sumbench};

const FILES: [&str; 6] =
    ["scores.csv", "summary.csv", "summary.md", "summary.svg", "summaries.jsonl", "run.json"];

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{}/{file}: {e}", dir.display()))
}

#[test]
fn run_over_the_default_corpora_writes_six_files_with_every_summarizer_and_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("latest");
    let assert = sumbench().args(["run", "--quiet", "--out"]).arg(&out).assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    for file in FILES {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    assert_eq!(stdout, read(&out, "summary.md"), "the table is printed");
    let scores = read(&out, "scores.csv");
    let summaries = read(&out, "summaries.jsonl");
    let summary = read(&out, "summary.csv");
    for entry in registry() {
        for metric in ["rouge1", "rouge2", "rougeL", "rougeLsum"] {
            let row = format!("seed,nato-hypersonic-talks,{},{metric},", entry.name);
            assert!(scores.contains(&row), "scores.csv lacks {row}");
            for (corpus, documents) in [("billsum", 100), ("plos", 102), ("seed", 1)] {
                let row = format!("{corpus},{},{metric},{documents},", entry.name);
                assert!(summary.contains(&row), "summary.csv lacks {row}");
            }
        }
        let line = format!("\"doc_id\":\"nato-hypersonic-talks\",\"summarizer\":\"{}\"", entry.name);
        assert!(summaries.contains(&line), "summaries.jsonl lacks {}", entry.name);
    }
    let info: serde_json::Value = serde_json::from_str(&read(&out, "run.json")).unwrap();
    assert_eq!(info["sumbench_version"], env!("CARGO_PKG_VERSION"));
    let corpora = info["corpora"].as_array().expect("corpora");
    let paths: Vec<&str> = corpora.iter().map(|c| c["path"].as_str().expect("path")).collect();
    assert_eq!(paths, ["corpus/billsum/documents.jsonl", "corpus/plos/documents.jsonl", "corpus/seed"]);
    assert!(corpora.iter().all(|c| c["sha256"].as_str().expect("sha256").len() == 64));
    assert_eq!(info["budget"], "ref");
    assert!(info["command_line"].as_array().unwrap().iter().any(|a| a == "--quiet"));
    assert_same_reports(&out, &repo().join("results/reference"));
}

#[test]
fn a_baseline_is_never_overwritten_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        let mut cmd = sumbench();
        cmd.current_dir(tmp.path())
            .args(["run", "--quiet", "--summarizers", "lead", "--save-baseline", "base", "--corpus"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .args(extra);
        cmd.assert()
    };
    run(&[]).success();
    let base = tmp.path().join("results/base");
    let before = read(&base, "run.json");
    run(&[])
        .failure()
        .stderr(predicate::str::contains("--force").and(predicate::str::contains("results/base")));
    assert_eq!(read(&base, "run.json"), before, "the refused run left the baseline alone");
    run(&["--force"]).success();
    assert_ne!(read(&base, "run.json"), before);
}

#[test]
fn bad_settings_are_refused_with_the_value_named() {
    for (args, message) in [
        (&["--budget", "12q"][..], "12q"),
        (&["--metrics", "rouge1,bleu"], "bleu"),
        (&["--summarizers", "lead,nope"], "nope"),
        (&["--shard", "3/2"], "3/2"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        sumbench()
            .args(["run", "--quiet", "--out"])
            .arg(tmp.path().join("out"))
            .args(args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(message));
        assert!(!tmp.path().join("out/scores.csv").exists());
    }
}

#[test]
fn an_out_path_that_is_a_file_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("taken");
    std::fs::write(&file, "x").unwrap();
    sumbench()
        .args(["run", "--quiet", "--summarizers", "lead", "--out"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("taken"));
}

#[test]
fn score_reports_an_outside_system_and_names_bad_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let summaries = tmp.path().join("system.jsonl");
    std::fs::write(
        &summaries,
        "{\"id\": \"nato-hypersonic-talks\", \"summary\": \"Talks on hypersonic arms.\"}\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    sumbench()
        .args(["score", "--quiet", "--system", "gpt", "--corpus", "corpus/seed", "--summaries"])
        .arg(&summaries)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("| seed | gpt | rouge1 | 1 |"));
    for file in FILES {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    std::fs::write(&summaries, "{\"id\": \"nato-hypersonic-talks\", \"summary\": \"a\"}\n{\"id\": 5}\n")
        .unwrap();
    sumbench()
        .args(["score", "--quiet", "--system", "gpt", "--corpus", "corpus/seed", "--summaries"])
        .arg(&summaries)
        .arg("--out")
        .arg(tmp.path().join("out2"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("system.jsonl:2"));
}

#[test]
fn rouge155_metrics_are_reported_beside_rouge_score_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    sumbench()
        .args(["run", "--quiet", "--corpus", "corpus/seed", "--summarizers", "lead"])
        .args(["--metrics", "rougeSU4,rouge1,rougeW-1.2", "--out"])
        .arg(&out)
        .assert()
        .success();
    let metrics: Vec<String> =
        read(&out, "scores.csv").lines().skip(1).map(|l| l.split(',').nth(3).unwrap().to_string()).collect();
    assert_eq!(metrics, ["rougeSU4", "rouge1", "rougeW-1.2"]);
}
