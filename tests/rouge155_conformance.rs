//! ROUGE-1.5.5 mode against the Perl script's printed outputs in
//! `tests/data/rouge155_cases.jsonl` (and the cases it crashes on, in
//! `rouge155_cases.crashes.jsonl`).

use serde_json::Value;
use sumbench::rouge155::{Config, Counts, Limit, MultiRef, Scorer};

use crate::util::read_fixture;

/// The script's metric names in the files, and ours.
const METRICS: [(&str, &str); 6] = [
    ("ROUGE-1", "rouge1"),
    ("ROUGE-2", "rouge2"),
    ("ROUGE-L", "rougeL"),
    ("ROUGE-W-1.2", "rougeW-1.2"),
    ("ROUGE-S4", "rougeS4"),
    ("ROUGE-SU4", "rougeSU4"),
];

/// The option sets of the files (`-n 2 -w 1.2 -2 4 -U` plus these).
const SETS: [&str; 4] = ["A", "B", "A_stem", "A_stop"];

fn read_cases(name: &str) -> Vec<Value> {
    read_fixture(name)
        .lines()
        .map(|line| serde_json::from_str(line).expect("conformance line is JSON"))
        .collect()
}

fn scorer(set: &str) -> Scorer {
    Scorer::new(Config {
        metrics: METRICS.iter().map(|(_, name)| name.parse().expect("metric name")).collect(),
        multi_ref: if set == "B" { MultiRef::Best } else { MultiRef::Pooled },
        stem: set == "A_stem",
        remove_stopwords: set == "A_stop",
        limit: Limit::None,
    })
}

fn texts(case: &Value) -> (String, Vec<String>) {
    let candidate = case["candidate"].as_str().expect("candidate").to_string();
    let references = case["references"]
        .as_array()
        .expect("references")
        .iter()
        .map(|r| r.as_str().expect("reference").to_string())
        .collect();
    (candidate, references)
}

/// Counts as Perl prints them with `%.15g` (integers print exactly).
fn g15(x: f64) -> String {
    format!("{x:.14e}")
}

/// Compares one case under one set; returns the differences.
fn check(case: &Value, set: &str, expected: &Value) -> Vec<String> {
    let scorer = scorer(set);
    let (candidate, references) = texts(case);
    let prepared = scorer.prepare(&references);
    let scores = scorer.score(&prepared, &candidate);
    let counts = scorer.counts(&prepared, &candidate);
    let mut problems = Vec::new();
    for (i, (script_name, _)) in METRICS.iter().enumerate() {
        let e = &expected[script_name];
        let want = [e["R"].as_f64(), e["P"].as_f64(), e["F"].as_f64()];
        let got = [scores[i].recall, scores[i].precision, scores[i].fmeasure];
        if want != got.map(Some) {
            problems.push(format!("{} {set} {script_name}: R/P/F {got:?}, script {want:?}", case["id"]));
        }
        let c = &e["counts"];
        let want = [&c["model"], &c["peer"], &c["hit"]].map(|v| v.as_f64().map(g15));
        let Counts { model, peer, hit } = counts[i];
        let got = [model, peer, hit].map(g15);
        if want != got.clone().map(Some) {
            problems.push(format!("{} {set} {script_name}: counts {got:?}, script {want:?}", case["id"]));
        }
    }
    problems
}

#[test]
fn every_case_matches_the_scripts_printed_values() {
    let cases = read_cases("rouge155_cases.jsonl");
    assert!(cases.len() >= 203, "expected at least 203 cases, found {}", cases.len());
    let mut problems = Vec::new();
    for set in SETS {
        let mut matched = 0;
        for case in &cases {
            let found = check(case, set, &case["expected"][set]);
            if found.is_empty() {
                matched += 1;
            }
            problems.extend(found);
        }
        println!("{set}: {matched}/{} cases match (R, P, F and counts of 6 metrics)", cases.len());
    }
    assert!(problems.is_empty(), "{} mismatches:\n{}", problems.len(), problems.join("\n"));
}

/// Where the script crashed under some sets, the sets it did run still match,
/// and the crashed ones give defined scores and a warning.
#[test]
fn crash_cases_give_defined_scores_and_a_warning() {
    let cases = read_cases("rouge155_cases.crashes.jsonl");
    assert!(!cases.is_empty(), "no crash cases found");
    let (mut ran, mut crashed) = (0, 0);
    for case in &cases {
        for set in SETS {
            let (candidate, references) = texts(case);
            if case["crashed"].get(set).is_some() {
                let scored = scorer(set).score_texts(&references, &candidate);
                assert!(!scored.warnings.is_empty(), "{} {set}: no warning", case["id"]);
                for s in &scored.scores {
                    for v in [s.precision, s.recall, s.fmeasure] {
                        assert!((0.0..=1.0).contains(&v), "{} {set}: score {v} out of range", case["id"]);
                    }
                }
                crashed += 1;
            } else {
                let expected = &case["expected_partial"][set];
                assert!(expected.is_object(), "{} {set}: neither crashed nor scored", case["id"]);
                let problems = check(case, set, expected);
                assert!(problems.is_empty(), "{}", problems.join("\n"));
                let scored = scorer(set).score_texts(&references, &candidate);
                assert!(scored.warnings.is_empty(), "{} {set}: unexpected warnings", case["id"]);
                ran += 1;
            }
        }
    }
    println!("crash cases: {ran} (case, set) pairs match the script, {crashed} crashed ones warn");
    assert!(ran > 0 && crashed > 0);
}
