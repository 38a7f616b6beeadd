//! The whole `sumbench run` process, as users run it: the release binary
//! started afresh, reading the corpus, running the summarizers, scoring and
//! writing every default report (`scores.csv`, `summaries.jsonl`,
//! `summary.csv`/`.md`/`.svg`, `report.html`, `run.json`) into a new run
//! directory. Wall and CPU time (user + system of the child) are the medians
//! of 11 runs after one warm-up.
//!
//! Tasks:
//! - `embedded`: `sumbench run` with its defaults over `corpus/` (every
//!   summarizer, reference-length budget), one thread.
//! - `summeval-sumy-task`, when `SUMBENCH_DATA` is set: issue #22's task
//!   against sumy, SummEval's 100 documents with 11 references each, sumy's 10
//!   summarizers, 3 sentences, ROUGE-1/2/L/Lsum stemmed, one thread, with the
//!   ratio to sumy 0.13 + rouge-score 0.1.2 doing the same
//!   ([`SUMY_SECONDS`]; `SUMBENCH_SUMY_SECONDS` overrides it with a figure
//!   measured beside this one).
//!
//! `cargo bench` passes `--bench`; `cargo test --benches` does not, and then
//! one run over the seed article checks that the process writes its reports.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// sumy 0.13 + rouge-score 0.1.2 on the SummEval task, whole process, wall
/// seconds: `shared/tools/sumy_baseline.py documents.jsonl out.csv --length 3`
/// (sumy's 10 summarizers, parsing included, each summary scored with
/// rouge-score's `score_multi` against the 11 references, `use_stemmer=True`),
/// one thread, on the 2-core development machine, 2026-12-07 (README, Speed).
const SUMY_SECONDS: f64 = 37.3;

/// sumy's summarizers that sumbench also has, in the task's order.
const SUMY_SUMMARIZERS: &str = "lead,random,luhn,edmundson,lsa,lexrank,textrank,sumbasic,kl,reduction";

/// Timed runs per task (after one warm-up).
const RUNS: usize = 11;

fn main() -> ExitCode {
    common::harness_less_main("whole_run", benchmark, smoke)
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh scratch folder under the target directory.
fn scratch(name: &str) -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("sumbench-whole-run-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    Ok(dir)
}

/// One task: the arguments after `sumbench run`.
struct Task {
    name: &'static str,
    args: Vec<String>,
    /// Documents in the task, for documents per second.
    documents: usize,
    /// sumy's wall seconds on the same task, if known.
    sumy_seconds: Option<f64>,
}

fn smoke() -> Result<(), String> {
    let dir = scratch("smoke")?;
    let corpus = repo().join("corpus/seed");
    let out = dir.join("run");
    let (_, _) = run_once(&["--corpus".into(), corpus.display().to_string()], &out)?;
    for file in ["scores.csv", "summaries.jsonl", "summary.csv", "report.html", "run.json"] {
        if !out.join(file).is_file() {
            return Err(format!("the run wrote no {file} in {}", out.display()));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn benchmark() -> Result<(), String> {
    let mut tasks = vec![Task {
        name: "embedded",
        args: vec!["--corpus".into(), repo().join("corpus").display().to_string()],
        documents: count_documents(&repo().join("corpus"))?,
        sumy_seconds: None,
    }];
    match std::env::var_os("SUMBENCH_DATA") {
        Some(data) => {
            let summeval = PathBuf::from(data).join("summeval-cnndm/documents.jsonl");
            let sumy = match std::env::var("SUMBENCH_SUMY_SECONDS") {
                Ok(s) => {
                    s.parse().map_err(|_| format!("SUMBENCH_SUMY_SECONDS: not a number of seconds: {s}"))?
                }
                Err(_) => SUMY_SECONDS,
            };
            tasks.push(Task {
                name: "summeval-sumy-task",
                args: vec![
                    "--corpus".into(),
                    summeval.display().to_string(),
                    "--summarizers".into(),
                    SUMY_SUMMARIZERS.into(),
                    "--budget".into(),
                    "3s".into(),
                ],
                documents: count_documents(&summeval)?,
                sumy_seconds: Some(sumy),
            });
        }
        None => eprintln!("note: SUMBENCH_DATA is not set: the SummEval task against sumy is not run"),
    }
    let dir = scratch("bench")?;
    for task in &tasks {
        let mut walls = Vec::new();
        let mut cpus = Vec::new();
        for i in 0..=RUNS {
            let out = dir.join(format!("{}-{i}", task.name));
            let (wall, cpu) = run_once(&task.args, &out)?;
            let _ = std::fs::remove_dir_all(&out);
            if i > 0 {
                walls.push(wall);
                cpus.push(cpu);
            }
        }
        let (wall, cpu) = (median(&mut walls), median(&mut cpus));
        print!(
            "whole_run/{}: {} documents, wall {:.1} ms, CPU {:.1} ms (medians of {RUNS}), {:.0} docs/s",
            task.name,
            task.documents,
            wall * 1e3,
            cpu * 1e3,
            task.documents as f64 / wall
        );
        match task.sumy_seconds {
            Some(sumy) => println!("; sumy + rouge-score {sumy:.1} s: {:.0}× (wall)", sumy / wall),
            None => println!(),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Runs `sumbench run --quiet --threads 1 ARGS --out OUT` and returns its wall
/// and CPU seconds.
fn run_once(args: &[String], out: &Path) -> Result<(f64, f64), String> {
    let before = children_cpu_seconds();
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_sumbench"))
        .args(["run", "--quiet", "--threads", "1"])
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .map_err(|e| format!("starting sumbench: {e}"))?;
    let wall = start.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(format!("sumbench run {args:?} failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    Ok((wall, children_cpu_seconds() - before))
}

/// User + system seconds of every child waited for so far.
#[cfg(target_os = "linux")]
fn children_cpu_seconds() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct it is given and reads nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// CPU time is measured on Linux only; elsewhere it reads 0.
#[cfg(not(target_os = "linux"))]
fn children_cpu_seconds() -> f64 {
    0.0
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Documents in a JSONL corpus or a folder of them: their non-blank lines.
fn count_documents(path: &Path) -> Result<usize, String> {
    let files: Vec<PathBuf> = match path.is_dir() {
        true => walk(path),
        false => vec![path.to_path_buf()],
    };
    let mut documents = 0;
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "jsonl")) {
        let text = std::fs::read_to_string(file).map_err(|e| format!("reading {}: {e}", file.display()))?;
        documents += text.lines().filter(|l| !l.trim().is_empty()).count();
    }
    Ok(documents)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        match path.is_dir() {
            true => out.extend(walk(&path)),
            false => out.push(path),
        }
    }
    out.sort();
    out
}
