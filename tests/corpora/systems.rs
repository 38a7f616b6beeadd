//! SummEval's 16 systems scored in one command into one report.

use std::collections::BTreeSet;

use crate::util::{outside_corpus, sumbench};

#[test]
#[ignore = "needs SUMBENCH_DATA: SummEval"]
fn summeval_systems_score_in_one_command() {
    let corpus = outside_corpus("summeval-cnndm");
    let outputs = corpus.with_file_name("system_outputs.jsonl");
    let text = std::fs::read_to_string(&outputs).expect("system_outputs.jsonl");
    let systems: BTreeSet<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON")["system"]
                .as_str()
                .expect("system")
                .to_string()
        })
        .collect();
    assert_eq!(systems.len(), 16);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    sumbench()
        .args(["score", "--quiet", "--summaries"])
        .arg(&outputs)
        .arg("--corpus")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let summary = std::fs::read_to_string(out.join("summary.csv")).expect("summary.csv");
    let rows: BTreeSet<String> = summary
        .lines()
        .filter(|l| l.split(',').nth(2) == Some("rouge1"))
        .map(|l| {
            assert_eq!(l.split(',').nth(3), Some("100"), "{l}");
            l.split(',').nth(1).expect("summarizer").to_string()
        })
        .collect();
    assert_eq!(rows, systems);
}
