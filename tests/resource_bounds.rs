//! Resource bounds: a document longer than the long-document threshold and a
//! corpus larger than one chunk both complete within a time and a memory
//! budget, and take the long-document paths (blocks, the two-pass corpus IDF).
//!
//! Under plain `cargo test` the document has 2,500 sentences (above the 2,000
//! at which the graph summarizers rank in blocks) and the corpus 2,500
//! documents (above the 1,000-document chunk, so it is read twice). Set
//! `SUMBENCH_FULL_BOUNDS=1` for 20,000 sentences and 100,000 documents (meant
//! for a release build: `SUMBENCH_FULL_BOUNDS=1 cargo test --release --test
//! integration resource_bounds`). Each test prints the size it ran, its time
//! and the peak RSS.
//!
//! The budgets are guards against a blow-up (a quadratic path, a corpus held
//! whole), far above what a healthy run takes, not speed targets: those are
//! measured by the benches. Full size, release build, 2026-12-01 (one core
//! busy with a fuzzer): the 20,000-sentence document in 7.6 s, the 100,000
//! documents in 32.3 s, peak RSS 213 MB.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use assert_cmd::Command;

/// Whether `SUMBENCH_FULL_BOUNDS=1` asks for the full sizes.
fn full() -> bool {
    std::env::var_os("SUMBENCH_FULL_BOUNDS").is_some_and(|v| v == "1")
}

/// Seconds any run may take, at either size, in any build this suite runs in.
const TIME_BUDGET: f64 = 300.0;

/// Peak resident memory any `sumbench` run may reach.
const MEMORY_BUDGET_BYTES: u64 = 1 << 30;

/// The largest peak RSS of the child processes waited for so far (an upper
/// bound of the last one's; other tests run `sumbench` too), in bytes.
#[cfg(target_os = "linux")]
fn children_peak_rss() -> u64 {
    // SAFETY: getrusage writes into the zeroed struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage), 0, "getrusage");
        usage
    };
    usage.ru_maxrss as u64 * 1024
}

/// Asserts the time and memory budgets after a run that took `seconds`.
fn assert_within_budgets(what: &str, seconds: f64) {
    #[cfg(target_os = "linux")]
    {
        let rss = children_peak_rss();
        eprintln!("resource_bounds: {what}: {seconds:.1} s, peak RSS at most {} MB", rss >> 20);
        assert!(
            rss <= MEMORY_BUDGET_BYTES,
            "{what}: peak RSS {} MB > budget {} MB",
            rss >> 20,
            MEMORY_BUDGET_BYTES >> 20
        );
    }
    #[cfg(not(target_os = "linux"))]
    eprintln!("resource_bounds: {what}: {seconds:.1} s (memory is measured on Linux only)");
    assert!(seconds <= TIME_BUDGET, "{what}: {seconds:.1} s > budget {TIME_BUDGET} s");
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
fn a_document_past_the_block_threshold_completes_within_budget() {
    let sentences = if full() { 20_000 } else { 2_500 };
    let tmp = tempfile::tempdir().expect("temp dir");
    let text: Vec<String> = (0..sentences).map(sentence).collect();
    let document = serde_json::json!({
        "id": "long", "text": text.join(" "), "references": [sentence(0) + " " + &sentence(1)]
    });
    let corpus = tmp.path().join("long.jsonl");
    std::fs::write(&corpus, document.to_string() + "\n").expect("write corpus");
    let out = tmp.path().join("out");
    let seconds = run_all(&corpus, &out);
    assert_within_budgets(&format!("one document of {sentences} sentences, all summarizers"), seconds);
    let scores = std::fs::read_to_string(out.join("scores.csv")).expect("scores.csv");
    for entry in sumbench::summarize::registry() {
        assert!(scores.contains(&format!("long,long,{},rouge1,", entry.name)), "no row for {}", entry.name);
    }
    // The graph summarizers took the long-document path.
    let run = std::fs::read_to_string(out.join("run.json")).expect("run.json");
    let blocks = sentences.div_ceil(2000);
    for name in ["lexrank", "textrank", "reduction"] {
        let note = format!("{name}: {sentences} sentences: ranked in {blocks} blocks");
        assert!(run.contains(&note), "run.json lacks `{note}`");
    }
}

#[test]
fn a_corpus_past_the_chunk_size_completes_within_budget() {
    let documents = if full() { 100_000 } else { 2_500 };
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
    assert!(documents > sumbench::harness::run::DEFAULT_CHUNK, "more than one chunk");
    let out = tmp.path().join("out");
    let seconds = run_all(&corpus, &out);
    assert_within_budgets(&format!("{documents} documents of 3 sentences, all summarizers"), seconds);
    let summary = std::fs::read_to_string(out.join("summary.csv")).expect("summary.csv");
    for entry in sumbench::summarize::registry() {
        let row = format!("many,{},rouge1,{documents},", entry.name);
        assert!(summary.contains(&row), "summary.csv lacks {row}:\n{summary}");
    }
}
