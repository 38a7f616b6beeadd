//! Dev aid: preparation throughput against a plain scan of the same bytes,
//! single thread, over corpora (JSONL files or any format `read_corpus` takes).
//!
//! `cargo run --release --example prepare_throughput -- CORPUS...`
//!
//! Per corpus, every pass runs these over all documents' `text` fields, one
//! after another (so the figures of one pass are measured side by side), and
//! the tool prints the median of the passes (`PASSES`, default 7) in MB/s
//! of text bytes (10^6 bytes; titles are tokenized by `PreparedDocument` but
//! not counted):
//!
//! - `scan`: the yardstick, a plain loop over the bytes counting those that
//!   are ASCII whitespace (`iter().filter(u8::is_ascii_whitespace).count()`);
//! - `words`: `str::split_whitespace().count()`, a char-by-char Unicode scan;
//! - `segment`: `sentence_spans`, sentence segmentation alone;
//! - `terms`: `WordTokenizer::document_terms` over the whole text (word
//!   splitting, case folding, stop words, stemming through the per-thread
//!   cache, interning);
//! - `prepare`: `PreparedDocument::new` (segmentation, then terms per
//!   sentence, word counts, paragraphs, the title, IDF), each document
//!   cloned before the clock starts and dropped inside the timed loop;
//! - `cold`: `prepare` on the first pass, before the per-thread word cache
//!   has seen the corpus (what one run over the corpus costs): each corpus is
//!   measured on a thread of its own, so it starts with an empty cache.
//!
//! On Linux the clock is the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`),
//! so time spent waiting for a core on a busy machine is not counted (cache
//! and memory contention still is); elsewhere it is wall-clock time. Compare
//! two versions by alternating their runs.

use std::hint::black_box;
use std::path::Path;

use anyhow::Context;
use sumbench::corpus::{ReadOptions, Source, read_corpus};
use sumbench::text::{PreparedDocument, WordTokenizer, sentence_spans};

fn main() -> anyhow::Result<()> {
    let passes: usize = std::env::var("PASSES").ok().and_then(|n| n.parse().ok()).unwrap_or(7).max(1);
    println!(
        "{:<28} {:>5} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>6}",
        "corpus", "docs", "MB", "scan", "words", "segment", "terms", "prepare", "cold", "scan/p"
    );
    for path in std::env::args().skip(1) {
        // A thread per corpus: a fresh per-thread word cache, so `cold` is cold.
        std::thread::spawn(move || measure(&path, passes)).join().expect("the measuring thread panicked")?;
    }
    Ok(())
}

/// Measures and prints one corpus's row.
fn measure(path: &str, passes: usize) -> anyhow::Result<()> {
    let tokenizer = WordTokenizer::english();
    let docs =
        read_corpus(Path::new(path), &ReadOptions::default()).with_context(|| format!("reading {path}"))?;
    let sources: Vec<Source> = docs.into_iter().map(Source::from).collect();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let mut runs: [Vec<f64>; 5] = Default::default();
    let mut cold = 0.0;
    for pass in 0..passes {
        let time = |f: &mut dyn FnMut()| {
            let start = seconds();
            f();
            mb / (seconds() - start)
        };
        runs[0].push(time(&mut || {
            for s in &sources {
                black_box(black_box(s.text.as_bytes()).iter().filter(|b| b.is_ascii_whitespace()).count());
            }
        }));
        runs[1].push(time(&mut || {
            for s in &sources {
                black_box(black_box(s.text.as_str()).split_whitespace().count());
            }
        }));
        runs[2].push(time(&mut || {
            for s in &sources {
                black_box(sentence_spans(&s.text));
            }
        }));
        let mut copies = sources.clone();
        let prepare = time(&mut || {
            for s in std::mem::take(&mut copies) {
                black_box(PreparedDocument::new(s, &tokenizer));
            }
        });
        if pass == 0 {
            cold = prepare;
        }
        runs[4].push(prepare);
        runs[3].push(time(&mut || {
            for s in &sources {
                let mut terms = tokenizer.document_terms();
                terms.add_words(&s.text, true, |id, stop| {
                    black_box((id, stop));
                });
                black_box(terms.finish());
            }
        }));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let [scan, words, segment, terms, prepare] = runs.each_mut().map(median);
    // The folder names the corpus (`bbc-news-summary/documents.jsonl`).
    let parts: Vec<_> = Path::new(path).iter().map(|p| p.to_string_lossy()).collect();
    let name = parts[parts.len().saturating_sub(2)..].join("/");
    println!(
        "{name:<28} {:>5} {mb:>6.2} {scan:>8.0} {words:>8.0} {segment:>8.1} {terms:>8.1} {prepare:>8.1} {cold:>8.1} {:>6.1}",
        sources.len(),
        scan / prepare
    );
    Ok(())
}

/// The calling thread's CPU time in seconds.
#[cfg(target_os = "linux")]
fn seconds() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec to write; the clock id is a constant the kernel knows.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// Wall-clock seconds since the first call.
#[cfg(not(target_os = "linux"))]
fn seconds() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64()
}
