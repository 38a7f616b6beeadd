//! Interrupted runs leave nothing behind: SIGINT and SIGTERM sent to a long
//! `sumbench run` remove its staging folder, exit 130 and 143, and leave the
//! old run directory byte for byte; a staging folder a killed run left
//! (its owner process gone) is removed by the next run beside it, and said,
//! while one whose owner lives is kept.
#![cfg(target_os = "linux")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{embedded_corpus, repo, sumbench};

/// Every file under `dir` (relative name → bytes).
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        assert!(path.is_file(), "a run directory holds files only: {}", path.display());
        files.insert(path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap());
    }
    files
}

/// The staging folders in `dir`.
fn staging_folders(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".sumbench-staging-"))
        .collect();
    found.sort();
    found
}

/// A corpus of `copies` × the 100 billsum documents, each copy's ids prefixed.
fn long_corpus(dir: &Path, copies: usize) -> PathBuf {
    let billsum = std::fs::read_to_string(embedded_corpus("billsum")).unwrap();
    let mut text = String::new();
    for copy in 0..copies {
        let prefix = format!("{{\"id\": \"c{copy}-");
        for line in billsum.lines() {
            text.push_str(&line.replacen("{\"id\": \"", &prefix, 1));
            text.push('\n');
        }
    }
    let path = dir.join("long.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

/// A short run into `out`, the "old" run directory.
fn old_run(out: &Path) {
    sumbench()
        .args([
            "run",
            "--quiet",
            "--summarizers",
            "lead",
            "--budget",
            "1s",
            "--corpus",
            "corpus/seed",
            "--out",
        ])
        .arg(out)
        .assert()
        .success();
}

/// Starts a long run into `out`, sends `signal` once its staging folder holds
/// scores, and checks what is left.
fn interrupt(signal: &str, code: i32) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    old_run(&out);
    let before = snapshot(&out);
    let corpus = long_corpus(tmp.path(), 20);
    let mut child = Command::new(env!("CARGO_BIN_EXE_sumbench"))
        .current_dir(repo())
        .args(["run", "--summarizers", "lexrank,textrank,lsa", "--chunk-size", "50", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the run has written scores into its staging folder.
    let start = Instant::now();
    let staging = loop {
        let written = staging_folders(tmp.path())
            .into_iter()
            .find(|folder| std::fs::metadata(folder.join("scores.csv")).is_ok_and(|m| m.len() > 0));
        if let Some(folder) = written {
            break folder;
        }
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it could be interrupted");
        assert!(start.elapsed() < Duration::from_secs(120), "no scores were staged within 120 s");
        std::thread::sleep(Duration::from_millis(20));
    };
    let name = staging.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.contains(&format!("-{}-", child.id())),
        "the staging folder names its owner: {name} (pid {})",
        child.id()
    );
    let sent = Instant::now();
    let kill = Command::new("kill").args([&format!("-{signal}"), &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let output = child.wait_with_output().unwrap();
    let after_signal = sent.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(code), "{stderr}");
    assert_eq!(
        stderr,
        format!("interrupted (SIG{signal}): removed the partial {}\n", staging.display()),
        "one line, nothing else"
    );
    assert_eq!(staging_folders(tmp.path()), Vec::<PathBuf>::new(), "no staging folder is left");
    assert_eq!(snapshot(&out), before, "the old run directory is whole");
    assert!(after_signal < Duration::from_secs(10), "exited {after_signal:?} after the signal");
}

#[test]
fn sigint_removes_the_staging_folder_exits_130_and_keeps_the_old_run() {
    interrupt("INT", 130);
}

#[test]
fn sigterm_removes_the_staging_folder_exits_143_and_keeps_the_old_run() {
    interrupt("TERM", 143);
}

#[test]
fn a_run_removes_staging_folders_whose_owner_is_gone_and_keeps_live_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    // This machine's part of an owned name, from the library's own rule.
    let mine = sumbench::cleanup::owned_prefix(".sumbench-staging-");
    let host = mine.strip_suffix(&format!("{}-", std::process::id())).unwrap();
    let stale = tmp.path().join(format!("{host}{dead}-AbC123"));
    let live = tmp.path().join(format!("{host}{}-AbC123", std::process::id()));
    let older = tmp.path().join(".sumbench-staging-AbC123");
    for folder in [&stale, &live, &older] {
        std::fs::create_dir(folder).unwrap();
        std::fs::write(folder.join("scores.csv"), "partial").unwrap();
    }
    let run = sumbench()
        .args(["run", "--summarizers", "lead", "--budget", "1s", "--corpus", "corpus/seed", "--out"])
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert_eq!(
        stderr,
        format!(
            "note: removed {}, the staging folder of an interrupted run (process {dead}, which is gone)\nwrote {}\n",
            stale.display(),
            out.display()
        )
    );
    assert!(!stale.exists());
    assert!(live.join("scores.csv").is_file(), "a live owner's folder is kept");
    assert!(older.join("scores.csv").is_file(), "a folder naming no owner is kept");
    let mut kept = vec![older, live];
    kept.sort();
    assert_eq!(staging_folders(tmp.path()), kept);
}
