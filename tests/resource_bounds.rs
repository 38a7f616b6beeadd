//! Resource bounds: a document of 20,000 sentences and a
//! corpus of 100,000 small documents both complete.
//!
//! Under plain `cargo test` each case runs at 1/100 of the size (200
//! sentences, 1,000 documents) so the suite stays fast in a debug build; set
//! `SUMBENCH_FULL_BOUNDS=1` to run the full sizes (meant for a release build:
//! `SUMBENCH_FULL_BOUNDS=1 cargo test --release --test resource_bounds`).
//! Each test prints the size it ran and how long it took.
//!
//! Full size, release build, 2026-12-01 (one core busy with a fuzzer): the
//! 20,000-sentence document in 7.6 s, the 100,000 documents in 32.3 s, peak
//! RSS 213 MB (`/usr/bin/time -v`).

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use assert_cmd::Command;

/// The size divisor: 1 with `SUMBENCH_FULL_BOUNDS=1`, else 100.
fn divisor() -> usize {
    if std::env::var_os("SUMBENCH_FULL_BOUNDS").is_some_and(|v| v == "1") {
        1
    } else {
        eprintln!("resource_bounds: running at 1/100 size; set SUMBENCH_FULL_BOUNDS=1 for the full sizes");
        100
    }
}

/// The i-th of a few varied sentences, numbered so no two are identical.
fn sentence(i: usize) -> String {
    const STEMS: [&str; 5] = [
        "The committee approved the budget after a long debate",
        "Officials said the new bridge would open next spring",
        "Researchers found that the treatment reduced symptoms in most patients",
        "The team scored twice in the second half to win the match",
        "Residents complained about the noise from the construction site",
    ];
    format!("{} on day {i}.", STEMS[i % STEMS.len()])
}

/// Runs `sumbench run` with every summarizer over `corpus`; returns seconds taken.
fn run_all(corpus: &Path, out: &Path) -> f64 {
    let start = Instant::now();
    let output = Command::cargo_bin("sumbench")
        .expect("binary")
        .args(["run", "--quiet", "--summarizers", "all", "--budget", "3s", "--corpus"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run sumbench");
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "sumbench run failed ({:?}): {stderr}", output.status.code());
    assert!(!stderr.contains("panicked"), "{stderr}");
    seconds
}

#[test]
fn a_document_of_many_sentences_completes() {
    let sentences = 20_000 / divisor();
    let tmp = tempfile::tempdir().expect("temp dir");
    let text: Vec<String> = (0..sentences).map(sentence).collect();
    let document = serde_json::json!({
        "id": "long", "text": text.join(" "), "references": [sentence(0) + " " + &sentence(1)]
    });
    let corpus = tmp.path().join("long.jsonl");
    std::fs::write(&corpus, document.to_string() + "\n").expect("write corpus");
    let out = tmp.path().join("out");
    let seconds = run_all(&corpus, &out);
    eprintln!("resource_bounds: one document of {sentences} sentences, all summarizers: {seconds:.1} s");
    let scores = std::fs::read_to_string(out.join("scores.csv")).expect("scores.csv");
    for entry in sumbench::summarize::registry() {
        assert!(scores.contains(&format!("long,long,{},rouge1,", entry.name)), "no row for {}", entry.name);
    }
}

#[test]
fn a_corpus_of_many_small_documents_completes() {
    let documents = 100_000 / divisor();
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("many.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&corpus).expect("create corpus"));
    for i in 0..documents {
        let text = format!("{} {} {}", sentence(i), sentence(i + 1), sentence(i + 2));
        let line =
            serde_json::json!({ "id": format!("d{i}"), "text": text, "references": [sentence(i + 1)] });
        writeln!(file, "{line}").expect("write corpus");
    }
    file.flush().expect("write corpus");
    drop(file);
    let out = tmp.path().join("out");
    let seconds = run_all(&corpus, &out);
    eprintln!("resource_bounds: {documents} documents of 3 sentences, all summarizers: {seconds:.1} s");
    let summary = std::fs::read_to_string(out.join("summary.csv")).expect("summary.csv");
    for entry in sumbench::summarize::registry() {
        let row = format!("many,{},rouge1,{documents},", entry.name);
        assert!(summary.contains(&row), "summary.csv lacks {row}:\n{summary}");
    }
}
