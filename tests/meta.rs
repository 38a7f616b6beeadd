//! `sumbench meta` and `sumbench::meta`: correlations against scipy on a small
//! committed fixture (`tests/data/meta/`, expected values from
//! `tests/data/meta/expected.py`), bootstrap and permutation properties, Holm
//! by hand, determinism and error messages.

use std::path::Path;

use sumbench::meta::levels::correlate;
use sumbench::meta::permutation::permutation_test;
use sumbench::meta::resample::bootstrap_interval;
use sumbench::meta::{self, Coefficient, Level, MetaOptions, Resample, ScoreColumn};
use sumbench::report::bootstrap::keyed_rng;

use crate::meta_check::{assert_matches_scipy, parse_meta_csv};
use crate::util::{fixture, read_fixture, sumbench};

fn run_meta(out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut command = sumbench();
    command.args(["meta", "--judgments"]).arg(fixture("meta/judgments.jsonl")).arg("--out").arg(out);
    command.args(extra).arg(fixture("meta/scores.csv"));
    command.assert()
}

#[test]
fn small_fixture_matches_scipy_at_every_level() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("meta");
    run_meta(&out, &["--samples", "50", "--permutations", "20"]).success();
    let rows = parse_meta_csv(&std::fs::read_to_string(out.join("meta.csv")).unwrap());
    // 3 levels × 3 metrics × 2 judgments × 3 coefficients.
    assert_eq!(rows.len(), 54);
    assert_matches_scipy(&rows, &read_fixture("meta/expected_small.json"));
    // d4's m1 scores are constant, so d4 is skipped at the summary level (6 documents
    // judged and scored, 5 averaged).
    let key =
        |l: &str, m: &str, j: &str, c: &str| (l.to_string(), m.to_string(), j.to_string(), c.to_string());
    assert_eq!(rows[&key("summary", "m1", "coherence", "kendall")].3, 5);
    // System level: the 5 systems scored and judged (F is judged only).
    assert_eq!(rows[&key("system", "m1", "coherence", "pearson")].3, 5);
    // Global: 5 × 6 cells less D/d6 (not judged); m2 also lacks E/d2.
    assert_eq!(rows[&key("global", "m1", "coherence", "pearson")].3, 29);
    assert_eq!(rows[&key("global", "m2", "coherence", "pearson")].3, 28);
}

#[test]
fn warnings_name_what_one_side_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let assert = run_meta(&dir.path().join("m"), &["--samples", "5", "--permutations", "0"]).success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("warning: metric `m1`: judged systems without scores, left out: F"), "{stderr}");
    assert!(
        stderr.contains("warning: metric `m2`: 1 of 29 scored (system, document) cells have no judgment"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: metric `m2`: 3 of 31 judged (system, document) cells have no score"),
        "{stderr}"
    );
    let md = std::fs::read_to_string(dir.path().join("m/meta.md")).unwrap();
    assert!(md.contains("## system level") && md.contains("## Warnings"), "{md}");
    // No tests asked for: the tests file is a header only.
    let tests = std::fs::read_to_string(dir.path().join("m/meta_tests.csv")).unwrap();
    assert_eq!(
        tests,
        "level,judgment,coefficient,metric_a,metric_b,r_a,r_b,delta,p_value,p_holm,n,permutations\n"
    );
}

#[test]
fn output_is_byte_identical_at_any_thread_count_and_follows_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let read = |name: &str| {
        ["meta.csv", "meta_tests.csv", "meta.md"]
            .map(|f| std::fs::read(dir.path().join(name).join(f)).unwrap())
    };
    let args = ["--samples", "200", "--permutations", "100"];
    run_meta(&dir.path().join("one"), &[&args[..], &["--threads", "1"]].concat()).success();
    run_meta(&dir.path().join("two"), &[&args[..], &["--threads", "2"]].concat()).success();
    run_meta(&dir.path().join("seed"), &[&args[..], &["--seed", "7"]].concat()).success();
    assert_eq!(read("one"), read("two"));
    let (one, seed) = (read("one"), read("seed"));
    assert_ne!(one[0], seed[0], "another seed draws other intervals");
    // The point estimates do not depend on the seed.
    let values = |bytes: &[u8]| {
        parse_meta_csv(std::str::from_utf8(bytes).unwrap())
            .into_iter()
            .map(|(k, v)| (k, v.0, v.3))
            .collect::<Vec<_>>()
    };
    assert_eq!(values(&one[0]), values(&seed[0]));
    // Rerunning into the same directory replaces the files (atomically) with the same bytes.
    run_meta(&dir.path().join("one"), &[&args[..], &["--threads", "2"]].concat()).success();
    assert_eq!(read("one"), read("two"));
    let leftovers: Vec<_> =
        std::fs::read_dir(dir.path().join("one")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 3, "{leftovers:?}");
}

/// A systems × documents grid: `z` a judgment, `good` = z plus small noise,
/// `bad` = unrelated noise. Row-major, `systems × docs`.
fn synthetic(systems: usize, docs: usize, seed: u64) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    use rand::RngExt;
    let mut rng = keyed_rng(seed, &["synthetic"]);
    let mut z = Vec::new();
    let (mut good, mut bad) = (Vec::new(), Vec::new());
    for s in 0..systems {
        for _ in 0..docs {
            let quality = s as f64 + rng.random::<f64>() * 3.0;
            z.push(quality);
            good.push(quality + rng.random::<f64>());
            bad.push(rng.random::<f64>());
        }
    }
    (z, good, bad)
}

#[test]
fn bootstrap_interval_contains_the_estimate_is_seeded_and_shrinks_with_more_documents() {
    let all = |n: usize| (0..n).collect::<Vec<_>>();
    for resample in [Resample::Systems, Resample::Documents, Resample::Both] {
        let (z, good, _) = synthetic(8, 40, 1);
        let ci = |docs_z: &[f64], x: &[f64], docs: usize, seed: u64| {
            bootstrap_interval(
                Level::Global,
                Coefficient::Kendall,
                x,
                docs_z,
                8,
                docs,
                resample,
                500,
                0.95,
                &mut keyed_rng(seed, &["ci"]),
            )
        };
        let estimate = correlate(Level::Global, Coefficient::Kendall, &good, &z, 40, &all(8), &all(40)).value;
        let small = ci(&z, &good, 40, 0);
        assert!(small.low <= estimate && estimate <= small.high, "{resample:?}: {small:?} {estimate}");
        assert_eq!(small, ci(&z, &good, 40, 0), "same seed, same interval");
        assert_ne!(small, ci(&z, &good, 40, 1), "another seed, another interval");
        let (z_big, good_big, _) = synthetic(8, 400, 1);
        let big = ci(&z_big, &good_big, 400, 0);
        if resample != Resample::Systems {
            assert!(big.high - big.low < small.high - small.low, "{resample:?}: {big:?} vs {small:?}");
        }
    }
}

#[test]
fn bootstrap_interval_of_the_summary_level_covers_the_estimate_at_every_level() {
    let (z, good, _) = synthetic(10, 30, 2);
    let all = |n: usize| (0..n).collect::<Vec<_>>();
    for level in Level::ALL {
        for coefficient in Coefficient::ALL {
            let estimate = correlate(level, coefficient, &good, &z, 30, &all(10), &all(30)).value;
            let ci = bootstrap_interval(
                level,
                coefficient,
                &good,
                &z,
                10,
                30,
                Resample::Both,
                300,
                0.95,
                &mut keyed_rng(0, &[level.name(), coefficient.name()]),
            );
            assert!(
                ci.low <= estimate && estimate <= ci.high,
                "{level:?} {coefficient:?}: {ci:?} {estimate}"
            );
            assert!(ci.low >= -1.0 && ci.high <= 1.0);
        }
    }
}

#[test]
fn permutation_test_identical_metrics_give_one_and_a_clearly_better_metric_a_small_p() {
    let (z, good, bad) = synthetic(6, 30, 3);
    for level in Level::ALL {
        for coefficient in Coefficient::ALL {
            let test = |a: &[f64], b: &[f64]| {
                permutation_test(level, coefficient, a, b, &z, 30, 500, &mut keyed_rng(0, &["perm"]))
            };
            let same = test(&good, &good);
            assert_eq!(
                (same.delta, same.p_value, same.permutations),
                (0.0, 1.0, 500),
                "{level:?} {coefficient:?}"
            );
            // A rescaled copy is the same metric after standardization.
            let scaled: Vec<f64> = good.iter().map(|v| 3.0 * v + 1.0).collect();
            assert_eq!(test(&good, &scaled).p_value, 1.0, "{level:?} {coefficient:?}");
            let better = test(&good, &bad);
            assert!(better.delta > 0.3, "{level:?} {coefficient:?}: {better:?}");
            if level != Level::System {
                // Every one of 500 permutations lands below the observed delta: p = 1/501.
                assert!(better.p_value < 0.01, "{level:?} {coefficient:?}: {better:?}");
            } else {
                // Six systems: the system level has little power, but still a small p.
                assert!(better.p_value < 0.1, "{level:?} {coefficient:?}: {better:?}");
            }
            let worse = test(&bad, &good);
            assert!((worse.delta + better.delta).abs() < 1e-12 && worse.p_value < 0.1);
        }
    }
}

#[test]
fn holm_by_hand() {
    // Sorted: 0.005 (× 4 = 0.02), 0.01 (× 3 = 0.03), 0.03 (× 2 = 0.06), 0.04 (× 1 = 0.04,
    // raised to the running maximum 0.06). In input order:
    let adjusted = sumbench::report::stats::holm(&[0.01, 0.04, 0.03, 0.005]);
    let expected = [0.03, 0.06, 0.06, 0.02];
    for (a, e) in adjusted.iter().zip(expected) {
        assert!((a - e).abs() < 1e-15, "{adjusted:?}");
    }
}

#[test]
fn tests_are_holm_corrected_within_each_family() {
    let scores = meta::read_runs(&[fixture("meta/scores.csv")], ScoreColumn::Fmeasure).unwrap();
    let judgments = meta::read_judgments(&fixture("meta/judgments.jsonl"), "expert_scores").unwrap();
    let options = MetaOptions { samples: 20, permutations: 200, ..MetaOptions::default() };
    let report = meta::evaluate(&scores, &judgments, &options).unwrap();
    // 3 levels × 2 judgments × 3 coefficients × 3 pairs.
    assert_eq!(report.tests.len(), 54);
    for family in report.tests.chunks(3) {
        assert!(family.iter().all(|t| (t.level, &t.judgment, t.coefficient)
            == (family[0].level, &family[0].judgment, family[0].coefficient)));
        let p: Vec<f64> = family.iter().map(|t| t.outcome.p_value).collect();
        let holm = sumbench::report::stats::holm(&p);
        for (t, h) in family.iter().zip(holm) {
            assert_eq!(t.p_holm, h);
            assert!(t.p_holm >= t.outcome.p_value);
        }
        assert_eq!(
            family.iter().map(|t| (t.metric_a.as_str(), t.metric_b.as_str())).collect::<Vec<_>>(),
            [("m1", "m2"), ("m1", "m3"), ("m2", "m3")]
        );
    }
}

#[test]
fn errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let judgments = dir.path().join("j.jsonl");
    std::fs::write(&judgments, "{\"id\": \"d1\", \"system\": \"Z\", \"expert_scores\": {\"a\": 1}}\n")
        .unwrap();
    let assert = sumbench()
        .args(["meta", "--judgments"])
        .arg(&judgments)
        .arg("--out")
        .arg(dir.path().join("out"))
        .arg(fixture("meta/scores.csv"))
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("metric `m1`: none of its (system, document) cells is judged"), "{stderr}");
    assert!(!dir.path().join("out").exists(), "nothing written on error");

    // The same scores twice: every cell is scored twice.
    let assert = run_meta(&dir.path().join("o2"), &[fixture("meta/scores.csv").to_str().unwrap()]).failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("metric `m1`, system `A`, document `d1` is scored twice"), "{stderr}");

    // A judgment that is not a number names file, line and field.
    std::fs::write(
        &judgments,
        "{\"id\": \"d1\", \"system\": \"A\", \"expert_scores\": {\"a\": 1}}\n{\"id\": \"d2\", \"system\": \"A\", \"expert_scores\": {\"a\": null}}\n",
    )
    .unwrap();
    let assert = sumbench()
        .args(["meta", "--judgments"])
        .arg(&judgments)
        .arg(fixture("meta/scores.csv"))
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("j.jsonl:2: field `expert_scores.a`: expected a number, found null"), "{stderr}");

    let assert = run_meta(&dir.path().join("o3"), &["--metrics", "m1,rouge9"]).failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("metric `rouge9` is in none of the runs (they have: m1,m2,m3)"), "{stderr}");
}

#[test]
fn one_run_directory_per_system_is_checked_against_its_run_json() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news.jsonl");
    let judgments = dir.path().join("judgments.jsonl");
    let (mut corpus_text, mut judged) = (String::new(), String::new());
    for d in 0..3 {
        let doc = serde_json::json!({
            "id": format!("d{d}"),
            "text": "The river rose overnight. Rain fell for days. Shares in the bank fell sharply.",
            "references": ["The river flooded after days of rain.", "Bank shares fell."]
        });
        corpus_text.push_str(&(doc.to_string() + "\n"));
    }
    std::fs::write(&corpus, corpus_text).unwrap();
    let systems =
        [("S1", "The river rose overnight."), ("S2", "Shares in the bank fell."), ("S3", "Rain fell.")];
    let mut runs = Vec::new();
    for (i, (system, summary)) in systems.iter().enumerate() {
        let summaries = dir.path().join(format!("{system}.jsonl"));
        let lines: String = (0..3)
            .map(|d| serde_json::json!({"id": format!("d{d}"), "summary": summary}).to_string() + "\n")
            .collect();
        std::fs::write(&summaries, lines).unwrap();
        let run = dir.path().join("runs").join(system);
        sumbench()
            .args(["score", "--quiet", "--system", system, "--summaries"])
            .arg(&summaries)
            .arg("--corpus")
            .arg(&corpus)
            .arg("--out")
            .arg(&run)
            .assert()
            .success();
        runs.push(run);
        for d in 0..3 {
            let line = serde_json::json!({"id": format!("d{d}"), "system": system, "expert_scores": {"relevance": i + d}});
            judged.push_str(&(line.to_string() + "\n"));
        }
    }
    std::fs::write(&judgments, judged).unwrap();
    let out = dir.path().join("meta");
    let meta = || {
        let mut command = sumbench();
        command.args(["meta", "--samples", "10", "--permutations", "10", "--judgments"]).arg(&judgments);
        command.arg("--out").arg(&out).args(&runs);
        command.assert()
    };
    meta().success();
    let rows = parse_meta_csv(&std::fs::read_to_string(out.join("meta.csv")).unwrap());
    // The default metrics of `score` (ROUGE's four and dangling), one
    // judgment, 3 levels × 3 coefficients.
    assert_eq!(rows.len(), 5 * 9);
    let key = |l: &str| (l.to_string(), "rouge1".to_string(), "relevance".to_string(), "pearson".to_string());
    assert_eq!((rows[&key("system")].3, rows[&key("global")].3), (3, 9));

    // A run whose scores.csv was changed after the run is refused.
    let scores = runs[1].join("scores.csv");
    let text = std::fs::read_to_string(&scores).unwrap();
    std::fs::write(&scores, text.replacen(",S2,", ",S2 ,", 1)).unwrap();
    let assert = meta().failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("does not match its SHA-256 in run.json"), "{stderr}");
}
