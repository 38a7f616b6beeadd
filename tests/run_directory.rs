//! A run directory is written as one unit: concurrent runs into one `--out`
//! always leave one whole run, `run.json` records every file's SHA-256, and
//! `compare` and `merge` refuse a directory whose files do not match it.

use std::path::Path;
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

use crate::util::{repo, sumbench};

/// Every file `run.json` lists has that SHA-256 (computed here with `sha2`),
/// and the seven report files besides `run.json` are all listed.
fn assert_whole(dir: &Path) {
    let info: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("run.json")).expect("run.json")).expect("JSON");
    let files = info["files"].as_object().expect("run.json lists its files");
    let mut names: Vec<&str> = files.keys().map(String::as_str).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "corpus_level.csv",
            "report.html",
            "scores.csv",
            "summaries.jsonl",
            "summary.csv",
            "summary.md",
            "summary.svg"
        ]
    );
    for (name, expected) in files {
        let bytes = std::fs::read(dir.join(name)).expect("listed file");
        let actual: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(&actual, expected.as_str().expect("hex"), "{name} is from another run");
    }
}

/// The entries of `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().into_string().expect("UTF-8"))
        .collect();
    names.sort();
    names
}

#[test]
fn concurrent_runs_into_one_directory_leave_one_whole_run() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("latest");
    let seed_corpus = repo().join("corpus/seed");
    let binary = assert_cmd::cargo::cargo_bin("sumbench");
    for round in 0..12 {
        // Two seeds give different random summaries, so a mix would show.
        let children: Vec<_> = ["1", "2"]
            .iter()
            .map(|seed| {
                Command::new(&binary)
                    .args(["run", "--quiet", "--summarizers", "random,lead", "--seed", seed, "--corpus"])
                    .arg(&seed_corpus)
                    .arg("--out")
                    .arg(&out)
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn sumbench")
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("wait");
            assert!(output.status.success(), "round {round}: {}", String::from_utf8_lossy(&output.stderr));
        }
        assert_whole(&out);
        assert_eq!(entries(tmp.path()), ["latest"], "round {round}: a staging folder was left behind");
    }
}

#[test]
fn compare_and_merge_refuse_a_directory_changed_after_the_run() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (shard1, shard2) = (tmp.path().join("s1"), tmp.path().join("s2"));
    for (shard, dir) in [("1/2", &shard1), ("2/2", &shard2)] {
        sumbench()
            .args([
                "run",
                "--quiet",
                "--summarizers",
                "lead",
                "--corpus",
                "corpus/seed",
                "--shard",
                shard,
                "--out",
            ])
            .arg(dir)
            .assert()
            .success();
        assert_whole(dir);
    }
    // Deleting the (large) page keeps a run whole; a deleted score file does not.
    std::fs::remove_file(shard1.join("report.html")).expect("delete the page");
    sumbench().arg("compare").arg(&shard1).arg(&shard1).assert().success();
    let whole = tmp.path().join("whole");
    sumbench()
        .args(["run", "--quiet", "--summarizers", "lead", "--corpus", "corpus/seed", "--out"])
        .arg(&whole)
        .assert()
        .success();
    std::fs::remove_file(whole.join("corpus_level.csv")).expect("delete a report file");
    let missing = sumbench().arg("compare").arg(&whole).arg(&whole).output().expect("compare runs");
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("corpus_level.csv: No such file"),
        "{missing:?}"
    );
    let scores = shard1.join("scores.csv");
    let mut text = std::fs::read_to_string(&scores).expect("scores.csv");
    text.push_str("seed,extra,lead,rouge1,1,1,1,3s\n");
    std::fs::write(&scores, text).expect("tamper");
    let expected = format!(
        "error: {}: does not match its SHA-256 in run.json (the directory was changed after the run wrote it)\n",
        scores.display()
    );
    let compare = sumbench().arg("compare").arg(&shard1).arg(&shard2).output().expect("compare runs");
    assert_eq!(String::from_utf8_lossy(&compare.stderr), expected);
    let merge = sumbench()
        .args(["merge", "--quiet", "--out"])
        .arg(tmp.path().join("m"))
        .arg(&shard1)
        .arg(&shard2)
        .output()
        .expect("merge runs");
    assert_eq!(String::from_utf8_lossy(&merge.stderr), expected);
}

#[test]
fn a_directory_holding_other_files_is_never_replaced() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("thesis.tex"), "years of work").expect("write");
    let output = sumbench()
        .args(["run", "--quiet", "--summarizers", "lead", "--corpus", "corpus/seed", "--out"])
        .arg(tmp.path())
        .output()
        .expect("run");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "error: cannot write {}: holds files that are not part of a report (thesis.tex); it is never replaced\n",
            tmp.path().display()
        )
    );
    assert_eq!(entries(tmp.path()), ["thesis.tex"]);
}
