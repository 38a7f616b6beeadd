//! The 48 English "Golden Rules" of the pragmatic segmenter / pySBD
//! (`tests/data/golden_rules_en.jsonl`): the segmenter must get at
//! least 47 right. Prints the score and every failure.

use sumbench::text::sentence_spans;

use crate::util::read_fixture;

#[derive(serde::Deserialize)]
struct Case {
    id: String,
    text: String,
    sentences: Vec<String>,
}

#[test]
fn golden_rules_en() {
    let data = read_fixture("golden_rules_en.jsonl");
    let cases: Vec<Case> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("golden rule line is valid JSON"))
        .collect();
    assert_eq!(cases.len(), 48, "expected the 48 English golden rules");
    let mut failures = Vec::new();
    for case in &cases {
        let got: Vec<&str> = sentence_spans(&case.text).into_iter().map(|s| &case.text[s]).collect();
        if got != case.sentences {
            failures.push(format!(
                "{}: {:?}\n    expected {:?}\n    got      {:?}",
                case.id, case.text, case.sentences, got
            ));
        }
    }
    let passed = cases.len() - failures.len();
    println!("golden rules: {passed}/{}", cases.len());
    for failure in &failures {
        println!("FAIL {failure}");
    }
    assert!(passed >= 47, "golden rules: {passed}/{} (need 47)\n{}", cases.len(), failures.join("\n"));
}
