//! `sumbench run`, `score` and `merge` end to end through the binary.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use sumbench::summarize::registry;

const FILES: [&str; 6] =
    ["scores.csv", "summary.csv", "summary.md", "summary.svg", "summaries.jsonl", "run.json"];

fn sumbench() -> Command {
    let mut cmd = Command::cargo_bin("sumbench").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{}/{file}: {e}", dir.display()))
}

#[test]
fn run_over_the_default_corpus_writes_six_files_with_every_summarizer_and_the_seed_article() {
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
            let row = format!("corpus,nato-hypersonic-talks,{},{metric},", entry.name);
            assert!(scores.contains(&row), "scores.csv lacks {row}");
            assert!(summary.contains(&format!("corpus,{},{metric},1,", entry.name)), "{}", entry.name);
        }
        let line = format!("\"doc_id\":\"nato-hypersonic-talks\",\"summarizer\":\"{}\"", entry.name);
        assert!(summaries.contains(&line), "summaries.jsonl lacks {}", entry.name);
    }
    let info: serde_json::Value = serde_json::from_str(&read(&out, "run.json")).unwrap();
    assert_eq!(info["sumbench_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["corpora"][0]["path"], "corpus/");
    assert_eq!(info["corpora"][0]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(info["budget"], "ref");
    assert!(info["command_line"].as_array().unwrap().iter().any(|a| a == "--quiet"));
}

#[test]
fn a_baseline_is_never_overwritten_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        let mut cmd = Command::cargo_bin("sumbench").unwrap();
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
        .args(["score", "--quiet", "--system", "gpt", "--corpus", "corpus", "--summaries"])
        .arg(&summaries)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("| corpus | gpt | rouge1 | 1 |"));
    for file in FILES {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    std::fs::write(&summaries, "{\"id\": \"nato-hypersonic-talks\", \"summary\": \"a\"}\n{\"id\": 5}\n")
        .unwrap();
    sumbench()
        .args(["score", "--quiet", "--system", "gpt", "--corpus", "corpus", "--summaries"])
        .arg(&summaries)
        .arg("--out")
        .arg(tmp.path().join("out2"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("system.jsonl:2"));
}

#[test]
fn merge_of_two_shards_is_byte_identical_to_the_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let shared = std::env::var("SUMBENCH_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").to_string());
    let bbc = Path::new(&shared).join("corpora/bbc-news-summary/documents.jsonl");
    assert!(bbc.is_file(), "{} is missing: set SUMBENCH_SHARED to the shared material", bbc.display());
    // The first 40 BBC documents, so the test stays quick.
    let text = std::fs::read_to_string(&bbc).unwrap();
    let corpus = tmp.path().join("bbc40.jsonl");
    std::fs::write(&corpus, text.lines().take(40).map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let run = |out: &str, shard: Option<&str>| {
        let mut cmd = sumbench();
        cmd.args(["run", "--quiet", "--summarizers", "lead,textrank,random", "--corpus"])
            .arg(&corpus)
            .arg("--out")
            .arg(tmp.path().join(out));
        if let Some(shard) = shard {
            cmd.args(["--shard", shard]);
        }
        cmd.assert().success();
    };
    run("single", None);
    run("s1", Some("1/2"));
    run("s2", Some("2/2"));
    sumbench()
        .args(["merge", "--quiet", "--out"])
        .arg(tmp.path().join("merged"))
        .arg(tmp.path().join("s2"))
        .arg(tmp.path().join("s1"))
        .assert()
        .success();
    let (single, merged) = (tmp.path().join("single"), tmp.path().join("merged"));
    assert_eq!(read(&single, "scores.csv"), read(&merged, "scores.csv"));
    assert_eq!(read(&single, "summaries.jsonl"), read(&merged, "summaries.jsonl"));
    // summary.csv: identical except docs_per_second (the last column, a timing).
    let strip = |s: String| s.lines().map(|l| l.rsplit_once(',').unwrap().0.to_string()).collect::<Vec<_>>();
    assert_eq!(strip(read(&single, "summary.csv")), strip(read(&merged, "summary.csv")));
}

#[test]
fn rouge155_metrics_are_reported_beside_rouge_score_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    sumbench()
        .args(["run", "--quiet", "--summarizers", "lead", "--metrics", "rougeSU4,rouge1,rougeW-1.2", "--out"])
        .arg(&out)
        .assert()
        .success();
    let metrics: Vec<String> =
        read(&out, "scores.csv").lines().skip(1).map(|l| l.split(',').nth(3).unwrap().to_string()).collect();
    assert_eq!(metrics, ["rougeSU4", "rouge1", "rougeW-1.2"]);
}
