//! ROUGE-1.5.5 mode against fixtures produced with the Perl script itself
//! (see `tests/data/rouge155_oracle/README.md`): truncation, other skip distances,
//! N-gram sizes and W weights, and the `-m` stemmer where it differs from NLTK.

use serde_json::Value;
use sumbench::rouge155::{Config, Limit, Metric, MultiRef, Scorer, stem};

const CASES: &str = include_str!("data/rouge155_oracle/cases.jsonl");
const STEMS: &str = include_str!("data/rouge155_oracle/stems.tsv");

/// A [`Config`] from the script's options (`-f`, `-m`, `-s`, `-l`, `-b`) and metrics.
fn config(options: &str, metrics: Vec<Metric>) -> Config {
    let mut config = Config { metrics, ..Config::default() };
    let mut words = options.split_whitespace();
    while let Some(option) = words.next() {
        let mut value = || words.next().expect("option value");
        match option {
            "-f" => config.multi_ref = if value() == "B" { MultiRef::Best } else { MultiRef::Pooled },
            "-m" => config.stem = true,
            "-s" => config.remove_stopwords = true,
            "-l" => config.limit = Limit::Words(value().parse().expect("-l N")),
            "-b" => config.limit = Limit::Bytes(value().parse().expect("-b N")),
            "-n" | "-w" | "-2" => {
                value();
            }
            "-U" => {}
            other => panic!("unexpected option {other}"),
        }
    }
    config
}

#[test]
fn cases_match_the_scripts_printed_values() {
    let mut problems = Vec::new();
    let mut per_options: Vec<(String, usize, usize)> = Vec::new();
    for line in CASES.lines() {
        let case: Value = serde_json::from_str(line).expect("fixture line is JSON");
        let options = case["options"].as_str().expect("options");
        let expected = case["expected"].as_object().expect("expected");
        // The script's `ROUGE-X` is our `rougeX` (`ROUGE-W-1.2` → `rougeW-1.2`, `ROUGE-SU*` → `rougeSU*`).
        let names: Vec<&String> = expected.keys().collect();
        let metrics = names
            .iter()
            .map(|n| format!("rouge{}", n.trim_start_matches("ROUGE-")).parse().expect("metric"))
            .collect();
        let scorer = Scorer::new(config(options, metrics));
        let references: Vec<&str> =
            case["references"].as_array().expect("references").iter().filter_map(Value::as_str).collect();
        let scores = scorer.score_texts(&references, case["candidate"].as_str().expect("candidate")).scores;
        let mut ok = true;
        for (name, score) in names.iter().zip(&scores) {
            let e = &expected[*name];
            let want = [e["R"].as_f64(), e["P"].as_f64(), e["F"].as_f64()];
            let got = [score.recall, score.precision, score.fmeasure].map(Some);
            if want != got {
                ok = false;
                problems.push(format!("[{options}] {name}: {got:?}, script {want:?}"));
            }
        }
        match per_options.iter_mut().find(|(o, ..)| o == options) {
            Some(entry) => {
                entry.1 += usize::from(ok);
                entry.2 += 1;
            }
            None => per_options.push((options.to_string(), usize::from(ok), 1)),
        }
    }
    for (options, matched, total) in &per_options {
        println!("{options}: {matched}/{total} cases match");
    }
    assert!(per_options.len() >= 8, "fixture has {} option sets", per_options.len());
    assert!(problems.is_empty(), "{} mismatches:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn stemmer_matches_the_scripts_morphstem() {
    let pairs: Vec<(&str, &str)> =
        STEMS.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).collect();
    assert!(pairs.len() > 3000, "fixture has {} words", pairs.len());
    let wrong: Vec<String> = pairs
        .iter()
        .filter(|(word, expected)| stem::stem(word) != *expected)
        .map(|(word, expected)| format!("{word}: {} (script {expected})", stem::stem(word)))
        .collect();
    println!("{}/{} stems match", pairs.len() - wrong.len(), pairs.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
