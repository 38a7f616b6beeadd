//! `sumbench rouge identify` names the package behind a reported score. The
//! reported numbers come from the real packages
//! (`scripts/identify_oracle.py`: LEAD-3 of the first 30 BillSum documents
//! of `corpus/` against their reference, each package's defaults, printed
//! ×100 at two decimals).

use serde_json::Value;

use crate::util::{fixture, read_fixture, sumbench};

/// identify's JSON lines for `reported` over the BillSum pairs.
fn identify(reported: &str) -> Vec<Value> {
    let output = sumbench()
        .args(["rouge", "identify", "--json", "--reported", reported])
        .arg(fixture("identify/billsum_lead3.jsonl"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn names_the_package_that_printed_each_figure() {
    for line in read_fixture("identify/billsum_reported.jsonl").lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let found = identify(case["reported"].as_str().unwrap());
        let exact: Vec<&Value> = found.iter().take_while(|f| f["exact"] == true).collect();
        assert!(
            exact.iter().any(|f| f["package"] == case["package"]),
            "{} {}: not among the matches {:?}",
            case["package"],
            case["reported"],
            exact.iter().map(|f| format!("{} {}", f["package"], f["options"])).collect::<Vec<_>>()
        );
        // Everything after the matches does not match.
        assert!(found[exact.len()..].iter().all(|f| f["exact"] == false));
    }
}

#[test]
fn the_stemmer_is_told_apart() {
    // rouge-score with and without the stemmer print different figures here:
    // each reported row matches its own setting only.
    let stemmed = identify("rouge1=17.19,rouge2=10.07,rougeL=12.50");
    let rouge_score: Vec<&Value> =
        stemmed.iter().filter(|f| f["package"] == "rouge-score" && f["exact"] == true).collect();
    assert!(!rouge_score.is_empty());
    assert!(rouge_score.iter().all(|f| f["options"]["use_stemmer"] == true));
}

#[test]
fn says_when_nothing_matches() {
    let output = sumbench()
        .args(["rouge", "identify", "--reported", "rouge1=99.99"])
        .arg(fixture("identify/billsum_lead3.jsonl"))
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("no setting reproduces every reported number"), "{text}");
    assert!(text.contains("nearest settings that do not match"), "{text}");
}

#[test]
fn bad_reported_lists_are_refused_with_the_reason() {
    let output = sumbench()
        .args(["rouge", "identify", "--reported", "bleu=3"])
        .arg(fixture("identify/billsum_lead3.jsonl"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(text.contains("`bleu` is not a ROUGE variant"), "{text}");
}
