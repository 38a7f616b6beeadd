//! `sumbench meta` on SummEval: the 16 systems of `summeval-cnndm/system_outputs.jsonl`
//! scored one run directory each, correlated with the expert judgments; every
//! correlation equals scipy's (`tests/data/meta/expected.py` on the same
//! `scores.csv` files, committed as `tests/data/meta/expected_summeval.json`).

use std::collections::BTreeMap;

use crate::meta_check::{assert_matches_scipy, parse_meta_csv};
use crate::util::{outside_corpus, read_fixture, sumbench};

#[test]
#[ignore = "needs SUMBENCH_DATA: SummEval"]
fn summeval_correlations_equal_scipy() {
    let corpus = outside_corpus("summeval-cnndm");
    let judgments = corpus.with_file_name("system_outputs.jsonl");
    let dir = tempfile::tempdir().unwrap();
    // Split the system outputs per system, as scripts/summeval_prepare.py does.
    let text = std::fs::read_to_string(&judgments).unwrap();
    let mut by_system: BTreeMap<String, String> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let summary = serde_json::json!({ "id": row["id"], "summary": row["summary"] });
        by_system
            .entry(row["system"].as_str().unwrap().to_string())
            .or_default()
            .push_str(&(summary.to_string() + "\n"));
    }
    assert_eq!(by_system.len(), 16);
    let mut runs = Vec::new();
    for (system, summaries) in &by_system {
        let file = dir.path().join(format!("{system}.jsonl"));
        std::fs::write(&file, summaries).unwrap();
        let run = dir.path().join("runs").join(system);
        sumbench()
            .args(["score", "--quiet", "--system", system, "--summaries"])
            .arg(&file)
            .arg("--corpus")
            .arg(&corpus)
            .arg("--out")
            .arg(&run)
            .assert()
            .success();
        runs.push(run);
    }
    let out = dir.path().join("meta");
    sumbench()
        // ROUGE's four (score's defaults add dangling, which the scipy file predates).
        .args(["meta", "--quiet", "--samples", "20", "--permutations", "10"])
        .args(["--metrics", "rouge1,rouge2,rougeL,rougeLsum", "--judgments"])
        .arg(&judgments)
        .arg("--out")
        .arg(&out)
        .args(&runs)
        .assert()
        .success();
    let rows = parse_meta_csv(&std::fs::read_to_string(out.join("meta.csv")).unwrap());
    // 3 levels × 4 metrics × 4 judgments × 3 coefficients, all over 16 systems and 100 documents.
    assert_eq!(rows.len(), 144);
    assert_matches_scipy(&rows, &read_fixture("meta/expected_summeval.json"));
    let n = |level: &str| rows[&(level.into(), "rouge1".into(), "relevance".into(), "kendall".into())].3;
    assert_eq!((n("system"), n("summary"), n("global")), (16, 100, 1600));
}
