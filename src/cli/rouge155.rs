//! `sumbench rouge --mode rouge155`: ROUGE-1.5.5's printed values for each
//! input line, in the same JSONL format as rouge-score mode.
//!
//! Input: JSONL lines `{"id": str, "candidate": str, "references": [str, ...]}`
//! (texts are SPL: one sentence per line), or line-aligned text files
//! (`--candidates c.txt --references r1.txt [r2.txt ...]`, one summary per
//! line, id = 1-based line number as a string). Output: one line per input,
//! `{"id": ..., "<metric>": {"precision": p, "recall": r, "fmeasure": f}, ...}`,
//! metrics in the order given. Warnings (references the Perl script would die
//! on) go to stderr.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, bail, ensure};
use sumbench::rouge::Score;
use sumbench::rouge155::{Config, Limit, Metric, MultiRef, Scorer};

use super::rouge::{Args, MultiRef as MultiRefArg};

/// Metrics when `--metrics` is not given: those the ROUGE-1.5.5 papers report.
const DEFAULT_METRICS: [&str; 6] = ["rouge1", "rouge2", "rougeL", "rougeW-1.2", "rougeS4", "rougeSU4"];

/// One JSONL input line.
#[derive(Debug, serde::Deserialize)]
struct Line {
    id: String,
    candidate: String,
    references: Vec<String>,
}

/// Scores the input with ROUGE-1.5.5 rules.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    let names: Vec<String> = if args.metrics.is_empty() {
        DEFAULT_METRICS.iter().map(|m| m.to_string()).collect()
    } else {
        args.metrics.clone()
    };
    let mut metrics = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        ensure!(!names[..i].contains(name), "metric `{name}` is listed twice");
        metrics.push(name.parse::<Metric>()?);
    }
    let scorer = Scorer::new(Config {
        metrics,
        multi_ref: match args.multi_ref {
            MultiRefArg::A => MultiRef::Pooled,
            MultiRefArg::B => MultiRef::Best,
        },
        stem: args.stem,
        remove_stopwords: args.remove_stopwords,
        limit: match (args.limit_words, args.limit_bytes) {
            (Some(n), _) => Limit::Words(n),
            (None, Some(n)) => Limit::Bytes(n),
            (None, None) => Limit::None,
        },
    });

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut emit = |line: usize, id: &str, candidate: &str, references: &[String]| -> anyhow::Result<()> {
        let prepared = scorer.prepare(references);
        for warning in prepared.warnings() {
            eprintln!("warning: line {line} (id {id}): {warning}");
        }
        let scores = scorer.score(&prepared, candidate);
        writeln!(out, "{}", output_line(id, &names, &scores)?).context("cannot write the output")
    };

    match &args.candidates {
        Some(candidates) => {
            let candidates = read_lines(candidates)?;
            let mut reference_sets = Vec::with_capacity(args.references.len());
            for path in &args.references {
                let lines = read_lines(path)?;
                ensure!(
                    lines.len() == candidates.len(),
                    "{} has {} lines but the candidates file has {}",
                    path.display(),
                    lines.len(),
                    candidates.len()
                );
                reference_sets.push(lines);
            }
            for (i, candidate) in candidates.iter().enumerate() {
                let references: Vec<String> = reference_sets.iter().map(|set| set[i].clone()).collect();
                emit(i + 1, &(i + 1).to_string(), candidate, &references)?;
            }
        }
        None => {
            ensure!(args.references.is_empty(), "--references needs --candidates");
            let (reader, source): (Box<dyn BufRead>, String) = match &args.input {
                Some(path) if path.as_os_str() != "-" => {
                    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
                    (Box::new(BufReader::new(file)), path.display().to_string())
                }
                _ => (Box::new(io::stdin().lock()), "stdin".to_string()),
            };
            for (i, text) in reader.lines().enumerate() {
                let number = i + 1;
                let text = text.with_context(|| format!("cannot read line {number} of {source}"))?;
                if text.trim().is_empty() {
                    continue;
                }
                let line: Line = serde_json::from_str(&text)
                    .with_context(|| format!("line {number} of {source}: not a valid input line"))?;
                if line.references.is_empty() {
                    bail!("line {number} of {source} (id {}): empty reference list", line.id);
                }
                emit(number, &line.id, &line.candidate, &line.references)?;
            }
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(0)
}

/// `{"id": ..., "<metric>": {precision, recall, fmeasure}, ...}` in metric order.
fn output_line(id: &str, names: &[String], scores: &[Score]) -> anyhow::Result<String> {
    let mut line = format!("{{\"id\":{}", serde_json::to_string(id)?);
    for (name, score) in names.iter().zip(scores) {
        line.push_str(&format!(",{}:{}", serde_json::to_string(name)?, serde_json::to_string(score)?));
    }
    line.push('}');
    Ok(line)
}

/// The lines of a text file.
fn read_lines(path: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text.lines().map(str::to_string).collect())
}
