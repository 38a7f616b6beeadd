//! Dev aid: sentence-segmentation throughput over JSONL corpora.
//!
//! `cargo run --release --example segment_throughput -- FILE.jsonl...` reads
//! each file's `text` fields, segments them all three times and prints MB/s
//! (median of the three runs) and sentences per document.

use std::time::Instant;

fn main() -> anyhow::Result<()> {
    for path in std::env::args().skip(1) {
        let data = std::fs::read_to_string(&path)?;
        let texts: Vec<String> = data
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l)?;
                Ok(v["text"].as_str().unwrap_or_default().to_owned())
            })
            .collect::<anyhow::Result<_>>()?;
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut runs = Vec::new();
        let mut sentences = 0;
        for _ in 0..3 {
            let start = Instant::now();
            sentences = texts.iter().map(|t| sumbench::text::sentence_spans(t).len()).sum::<usize>();
            runs.push(start.elapsed().as_secs_f64());
        }
        runs.sort_by(f64::total_cmp);
        println!(
            "{path}: {} docs, {:.1} MB, {:.1} sentences/doc, {:.1} MB/s (median of 3)",
            texts.len(),
            bytes as f64 / 1e6,
            sentences as f64 / texts.len() as f64,
            bytes as f64 / 1e6 / runs[1]
        );
    }
    Ok(())
}
