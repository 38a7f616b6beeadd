//! `sumbench compare` end to end on hand-made runs: which rows are flagged, the
//! exit codes, the reporting of unshared documents and the error messages.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::util::sumbench;

const SUMMARIZERS: [&str; 3] = ["lead", "textrank", "lsa"];
const METRICS: [&str; 2] = ["rouge1", "rouge2"];

/// The base F of document `i`, summarizer `s`, metric `m`: spread over [0.2, 0.5).
fn base_f(i: usize, s: usize, m: usize) -> f64 {
    0.2 + 0.3 * ((i * 7 + s * 3 + m) % 11) as f64 / 11.0
}

/// Writes a scores.csv by hand (not with the code under test) for documents
/// `doc00..doc{n-1}`, F = base + `shift(summarizer, i)`.
fn write_run(path: &Path, docs: usize, shift: impl Fn(&str, usize) -> f64) {
    let mut text = String::from("corpus,doc_id,summarizer,metric,precision,recall,fmeasure,budget\n");
    for i in 0..docs {
        for (s, name) in SUMMARIZERS.iter().enumerate() {
            for (m, metric) in METRICS.iter().enumerate() {
                let f = base_f(i, s, m) + shift(name, i);
                writeln!(text, "seed,doc{i:02},{name},{metric},{f},{f},{f},3s").unwrap();
            }
        }
    }
    std::fs::write(path, text).unwrap();
}

/// Small zero-mean-ish noise in [−0.02, 0.02]: 0.004 (x − 5) with x = 4i mod 11.
fn noise(i: usize) -> f64 {
    ((i * 37 % 11) as f64 - 5.0) * 0.004
}

/// Parses `--format csv` output into (summarizer, metric) → (delta, p_holm, verdict).
fn verdicts(stdout: &[u8]) -> Vec<(String, String, f64, f64, String)> {
    let text = std::str::from_utf8(stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "corpus,summarizer,metric,n_shared,base_fmeasure_mean,new_fmeasure_mean,delta,delta_ci_low,\
         delta_ci_high,p_value,p_holm,verdict"
    );
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[1].into(), f[2].into(), f[6].parse().unwrap(), f[10].parse().unwrap(), f[11].into())
        })
        .collect()
}

struct Runs {
    _dir: tempfile::TempDir,
    base: PathBuf,
    improved: PathBuf,
    regressed: PathBuf,
}

fn runs() -> Runs {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.csv");
    write_run(&base, 30, |_, _| 0.0);
    // textrank gains 0.04–0.06 on every document (mean 0.05); lead moves by noise only.
    let improved = dir.path().join("improved");
    std::fs::create_dir(&improved).unwrap();
    write_run(&improved.join("scores.csv"), 30, |s, i| match s {
        "textrank" => 0.04 + (i % 3) as f64 * 0.01,
        "lead" => noise(i),
        _ => 0.0,
    });
    let regressed = dir.path().join("regressed.csv");
    write_run(&regressed, 30, |s, i| if s == "lsa" { -0.03 - (i % 2) as f64 * 0.02 } else { noise(i) });
    Runs { _dir: dir, base, improved, regressed }
}

#[test]
fn only_the_changed_summarizer_is_flagged() {
    let r = runs();
    let out =
        sumbench().args(["compare", "--format", "csv"]).arg(&r.base).arg(&r.improved).assert().success();
    let rows = verdicts(&out.get_output().stdout);
    assert_eq!(rows.len(), 6);
    for (summarizer, metric, delta, p_holm, verdict) in rows {
        match summarizer.as_str() {
            // Every one of 30 differences is positive: the sign-flip test samples 10,000
            // assignments and finds no other as extreme (exact p = 2 / 2^30), so p is at most
            // the Monte Carlo floor 1 / 10,001 and Holm over 6 rows gives at most 6 / 10,001.
            "textrank" => {
                assert!((delta - 0.05).abs() < 1e-9, "{metric}: {delta}"); // mean of 0.04, 0.05, 0.06
                assert!(p_holm <= 6.0 / 10_001.0 + 1e-12);
                assert_eq!(verdict, "improved");
            }
            // Noise sums to 0.004 · Σ(x − 5) = 0.004 · (35 − 40) = −0.02 over 30 documents
            // (two full cycles of x = 0..10 contribute 0; i = 22..29 give x = 0,4,8,1,5,9,2,6).
            "lead" => {
                assert!((delta - (-0.02 / 30.0)).abs() < 1e-9, "{delta}");
                assert_eq!(verdict, "no significant change");
            }
            _ => {
                assert_eq!(delta, 0.0);
                assert_eq!(p_holm, 1.0);
                assert_eq!(verdict, "no significant change");
            }
        }
    }
}

#[test]
fn regression_exits_3_only_with_the_flag() {
    let r = runs();
    let out = sumbench().args(["compare", "--format", "csv"]).arg(&r.base).arg(&r.regressed).assert().code(0);
    let regressed: Vec<_> =
        verdicts(&out.get_output().stdout).into_iter().filter(|row| row.4 == "regressed").collect();
    let flagged: Vec<_> = regressed.iter().map(|row| (row.0.as_str(), row.1.as_str())).collect();
    assert_eq!(flagged, [("lsa", "rouge1"), ("lsa", "rouge2")]);
    // Mean of −0.03 and −0.05 alternating over 30 documents.
    assert!((regressed[0].2 + 0.04).abs() < 1e-9);
    sumbench().args(["compare", "--fail-on-regression"]).arg(&r.base).arg(&r.regressed).assert().code(3);
    sumbench().args(["compare", "--fail-on-regression"]).arg(&r.base).arg(&r.improved).assert().code(0);
}

#[test]
fn text_output_has_verdicts_and_tally() {
    let r = runs();
    sumbench()
        .arg("compare")
        .arg(&r.base)
        .arg(&r.improved)
        .assert()
        .success()
        .stdout(predicate::str::contains("improved"))
        .stdout(predicate::str::contains("2 improved, 0 regressed, 4 no significant change"))
        .stdout(predicate::str::contains("+0.0500"));
}

#[test]
fn documents_in_one_run_only_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (base, new) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    write_run(&base, 30, |_, _| 0.0);
    write_run(&new, 28, |_, _| 0.0);
    let mut extra = std::fs::read_to_string(&new).unwrap();
    extra.push_str("seed,docX,lead,rouge1,0.5,0.5,0.5,3s\n");
    std::fs::write(&new, extra).unwrap();
    sumbench()
        .arg("compare")
        .arg(&base)
        .arg(&new)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "corpus seed: 2 document(s) only in BASE: doc28, doc29 (rows: every row)",
        ))
        .stdout(predicate::str::contains("corpus seed: 1 document(s) only in NEW: docX (rows: lead/rouge1)"));
}

#[test]
fn differing_metric_sets_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (base, new) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    write_run(&base, 5, |_, _| 0.0);
    let renamed = std::fs::read_to_string(&base).unwrap().replace(",rouge2,", ",rougeL,");
    std::fs::write(&new, renamed).unwrap();
    sumbench()
        .arg("compare")
        .arg(&base)
        .arg(&new)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "The metric sets differ: only in BASE: rouge2; only in NEW: rougeL.",
        ))
        .stdout(predicate::str::contains("only in NEW: seed / lsa / rougeL (5 documents)"));
}

#[test]
fn within_flags_the_better_summarizer() {
    let dir = tempfile::tempdir().unwrap();
    let run = dir.path().join("run");
    std::fs::create_dir(&run).unwrap();
    // lsa scores lead's F + 0.1 on every document, textrank lead's F + noise.
    let mut text = String::from("corpus,doc_id,summarizer,metric,precision,recall,fmeasure,budget\n");
    for i in 0..30 {
        let f = base_f(i, 0, 0);
        for (name, g) in [("lead", f), ("textrank", f + noise(i)), ("lsa", f + 0.1)] {
            writeln!(text, "seed,doc{i:02},{name},rouge1,{g},{g},{g},3s").unwrap();
        }
    }
    std::fs::write(run.join("scores.csv"), text).unwrap();
    let out = sumbench().args(["compare", "--within"]).arg(&run).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("lsa > lead"), "{stdout}");
    assert!(stdout.contains("lsa > textrank"), "{stdout}");
    assert_eq!(stdout.matches("no significant difference").count(), 2, "{stdout}"); // row + tally
}

#[test]
fn same_input_and_seed_give_identical_output() {
    let r = runs();
    let run = |seed: &str| {
        sumbench()
            .args(["compare", "--format", "csv", "--seed", seed])
            .arg(&r.base)
            .arg(&r.improved)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("7"), run("7"));
    assert_ne!(run("7"), run("8"), "the seed must reach the resampling");
    let threads = |n: &str| {
        sumbench()
            .env("RAYON_NUM_THREADS", n)
            .args(["compare", "--format", "csv"])
            .arg(&r.base)
            .arg(&r.regressed)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(threads("1"), threads("2"));
}

#[test]
fn runs_with_no_row_in_common_are_an_error_naming_both_and_what_each_has() {
    let dir = tempfile::tempdir().unwrap();
    let (base, new) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    std::fs::write(
        &base,
        "corpus,doc_id,summarizer,metric,precision,recall,fmeasure,budget\nc,d,lead,rouge1,0.1,0.2,0.3,3s\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "corpus,doc_id,summarizer,metric,precision,recall,fmeasure,budget\nc,d,luhn,rouge1,0.1,0.2,0.3,3s\n",
    )
    .unwrap();
    let output = sumbench().arg("compare").arg(&base).arg(&new).assert().code(1).get_output().stderr.clone();
    let stderr = String::from_utf8(output).unwrap();
    let expected = format!(
        "error: comparing {} with {}: BASE and NEW share no corpus × summarizer × metric row to compare.",
        base.display(),
        new.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("only in BASE: c / lead / rouge1 (1 documents)"), "{stderr}");
    assert!(stderr.contains("only in NEW: c / luhn / rouge1 (1 documents)"), "{stderr}");
    assert_eq!(stderr.matches("share no").count(), 1, "said once: {stderr}");
}

#[test]
fn missing_column_is_an_error_naming_file_line_and_column() {
    let r = runs();
    let bad = r.base.with_file_name("bad.csv");
    std::fs::write(&bad, "corpus,doc_id,summarizer,metric,precision,recall\nc,d,s,m,0.1,0.2\n").unwrap();
    sumbench()
        .arg("compare")
        .arg(&r.base)
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}:1: missing column `fmeasure`", bad.display())));
}

#[test]
fn non_numeric_score_is_an_error_naming_file_line_and_column() {
    let r = runs();
    let bad = r.base.with_file_name("bad.csv");
    let mut text = std::fs::read_to_string(&r.base).unwrap();
    text.push_str("seed,doc99,lead,rouge1,0.1,n/a,0.3,3s\n");
    std::fs::write(&bad, text).unwrap();
    // Header + 30 documents × 3 summarizers × 2 metrics = line 181; the bad row is line 182.
    sumbench().arg("compare").arg(&bad).arg(&r.base).assert().code(1).stderr(predicate::str::contains(
        format!("{}:182: column `recall`: `n/a` is not a number", bad.display()),
    ));
}

#[test]
fn usage_errors_exit_2() {
    sumbench().args(["compare", "only-one"]).assert().code(2);
    sumbench().args(["compare", "--within", "dir", "extra"]).assert().code(2);
    sumbench().args(["compare", "a", "b", "--alpha", "1.5"]).assert().code(2);
}

/// Runs whose metrics were computed differently (stemming on and off) are
/// refused, naming what differs, unless `--allow-signature-mismatch`.
#[test]
fn runs_with_different_signatures_are_refused_unless_allowed() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |out: &str, extra: &[&str]| {
        sumbench()
            .args([
                "run",
                "--quiet",
                "--corpus",
                "corpus/seed",
                "--summarizers",
                "lead",
                "--metrics",
                "rouge1,bleu",
            ])
            .args(extra)
            .arg("--out")
            .arg(tmp.path().join(out))
            .assert()
            .success();
        tmp.path().join(out)
    };
    let (stemmed, unstemmed) = (run("a", &[]), run("b", &["--no-stem"]));
    let output = sumbench().arg("compare").arg(&stemmed).arg(&unstemmed).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let sign = |stem: &str| {
        format!(
            "impl:rouge-score-0.1.2|tok:rouge-score-ascii|stem:{stem}|multiref:max-f|lang:en|version:sumbench-{}",
            env!("CARGO_PKG_VERSION")
        )
    };
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "error: {} and {} computed metrics differently:\n  metric `rouge1`: `{}` in the first run, `{}` in the second\n\
             hint: --allow-signature-mismatch compares them anyway\n",
            stemmed.display(),
            unstemmed.display(),
            sign("porter-nltk"),
            sign("none")
        )
    );
    sumbench()
        .arg("compare")
        .arg(&stemmed)
        .arg(&unstemmed)
        .arg("--allow-signature-mismatch")
        .assert()
        .success()
        .stderr(predicate::str::contains("note: the runs' signatures differ"));
    // The same settings sign the same: no refusal.
    sumbench().arg("compare").arg(&stemmed).arg(run("c", &[])).assert().success();
}
