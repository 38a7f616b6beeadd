//! `sumbench rouge` in rouge-score mode: JSONL in, JSONL out, or line-aligned
//! text files like files2rouge. Scores come from [`sumbench::rouge::Scorer`]
//! (bit-identical to rouge-score 0.1.2's `score_multi`).
//!
//! Input, one JSON object per line (blank lines are skipped):
//! `{"id": str, "candidate": str, "references": [str, ...]}`.
//! Output, one line per input in input order:
//! `{"id": ..., "rouge1": {"precision": p, "recall": r, "fmeasure": f}, ...}`,
//! metrics in the order asked, floats in shortest round-trip form.
//! With `--candidates c.txt --references r1.txt [r2.txt ...]`, line i of every
//! file is one text and the id is the line number (1-based) as a string.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, bail};
use serde::ser::{SerializeMap, Serializer};
use sumbench::harness::plan::check_list;
use sumbench::rouge::{Metric, Score, Scorer};

use super::rouge::Args;

/// The metrics when `--metrics` is not given.
const DEFAULT_METRICS: [Metric; 4] = [Metric::N(1), Metric::N(2), Metric::L, Metric::Lsum];

/// One input line (other fields are ignored).
#[derive(Debug)]
struct Input {
    id: String,
    candidate: String,
    references: Vec<String>,
}

impl Input {
    /// Parses one JSONL line; errors name the offending field.
    fn parse(line: &str) -> anyhow::Result<Self> {
        let value: serde_json::Value = serde_json::from_str(line).context("invalid JSON")?;
        let serde_json::Value::Object(mut object) = value else {
            bail!(r#"expected an object {{"id": str, "candidate": str, "references": [str, ...]}}"#);
        };
        let mut take_string = |field: &str| match object.remove(field) {
            Some(serde_json::Value::String(text)) => Ok(text),
            Some(other) => bail!("field `{field}` must be a string, not {}", kind(&other)),
            None => bail!("field `{field}` is missing"),
        };
        let id = take_string("id")?;
        let candidate = take_string("candidate")?;
        let references = match object.remove("references") {
            Some(serde_json::Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| match item {
                    serde_json::Value::String(text) => Ok(text),
                    other => bail!("field `references` item {i} must be a string, not {}", kind(&other)),
                })
                .collect::<anyhow::Result<Vec<String>>>()?,
            Some(other) => bail!("field `references` must be a list of strings, not {}", kind(&other)),
            None => bail!("field `references` is missing"),
        };
        if references.is_empty() {
            bail!("field `references` is an empty list (rouge-score needs at least one reference)");
        }
        Ok(Input { id, candidate, references })
    }
}

/// The JSON type of `value`, for error messages.
fn kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Scores the input with rouge-score rules and writes JSONL to stdout.
pub fn run(args: &Args) -> anyhow::Result<i32> {
    if args.remove_stopwords || args.limit_words.is_some() || args.limit_bytes.is_some() {
        bail!("--remove-stopwords, --limit-words and --limit-bytes exist only with --mode rouge155");
    }
    let scorer = Scorer::new(&metrics(&args.metrics)?, args.stem);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match &args.candidates {
        Some(candidates) => score_files(&scorer, candidates, &args.references, &mut out)?,
        None => {
            if !args.references.is_empty() {
                bail!("--references needs --candidates (JSONL input carries its own references)");
            }
            match args.input.as_deref() {
                Some(path) if path.as_os_str() != "-" => {
                    let file =
                        File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
                    score_jsonl(&scorer, BufReader::new(file), &path.display().to_string(), &mut out)?;
                }
                _ => score_jsonl(&scorer, std::io::stdin().lock(), "<stdin>", &mut out)?,
            }
        }
    }
    out.flush().context("cannot write to stdout")?;
    Ok(0)
}

/// Parses `--metrics` (default rouge1,rouge2,rougeL,rougeLsum); a repeated
/// metric is an error, as in `run` and `score`.
fn metrics(names: &[String]) -> anyhow::Result<Vec<Metric>> {
    if names.is_empty() {
        return Ok(DEFAULT_METRICS.to_vec());
    }
    let metrics: Vec<Metric> = names.iter().map(|name| name.trim().parse()).collect::<Result<_, _>>()?;
    check_list("metric", metrics.iter().map(ToString::to_string).collect())?;
    Ok(metrics)
}

/// Scores every JSONL line of `input` (named `name` in errors).
fn score_jsonl(scorer: &Scorer, input: impl BufRead, name: &str, out: &mut impl Write) -> anyhow::Result<()> {
    for (index, line) in input.lines().enumerate() {
        let number = index + 1;
        let line = line.with_context(|| format!("{name}:{number}: cannot read the line"))?;
        if line.trim().is_empty() {
            continue;
        }
        let input = Input::parse(&line).with_context(|| format!("{name}:{number}"))?;
        let scores = scorer.score_multi(&input.references, &input.candidate);
        write_row(out, &input.id, scorer.metrics(), &scores)?;
    }
    Ok(())
}

/// Scores line-aligned files: line i of `candidates` against line i of every
/// file in `references`.
fn score_files(
    scorer: &Scorer,
    candidates: &Path,
    references: &[impl AsRef<Path>],
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let candidate_lines = read_lines(candidates)?;
    let reference_lines = references
        .iter()
        .map(|path| {
            let lines = read_lines(path.as_ref())?;
            if lines.len() != candidate_lines.len() {
                bail!(
                    "{}: {} lines, but {} has {} (files must be line-aligned)",
                    path.as_ref().display(),
                    lines.len(),
                    candidates.display(),
                    candidate_lines.len()
                );
            }
            Ok(lines)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    if reference_lines.is_empty() {
        bail!("--candidates needs at least one --references file");
    }
    let mut row_references = Vec::with_capacity(reference_lines.len());
    for (index, candidate) in candidate_lines.iter().enumerate() {
        row_references.clear();
        row_references.extend(reference_lines.iter().map(|lines| lines[index].as_str()));
        let scores = scorer.score_multi(&row_references, candidate);
        write_row(out, &(index + 1).to_string(), scorer.metrics(), &scores)?;
    }
    Ok(())
}

fn read_lines(path: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(text.lines().map(str::to_string).collect())
}

/// Writes `{"id": id, "<metric>": {"precision", "recall", "fmeasure"}, ...}` and a newline.
fn write_row(out: &mut impl Write, id: &str, metrics: &[Metric], scores: &[Score]) -> anyhow::Result<()> {
    let mut serializer = serde_json::Serializer::new(&mut *out);
    let mut map = serializer.serialize_map(Some(metrics.len() + 1))?;
    map.serialize_entry("id", id)?;
    for (metric, score) in metrics.iter().zip(scores) {
        map.serialize_entry(&metric.to_string(), score)?;
    }
    map.end()?;
    out.write_all(b"\n").context("cannot write to stdout")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_errors_name_the_field() {
        let error = |line: &str| Input::parse(line).map(|_| ()).map_err(|e| format!("{e:#}")).err();
        assert_eq!(error(r#"{"id":"a","candidate":"x","references":["y"],"extra":1}"#), None);
        assert!(error("{").is_some_and(|e| e.starts_with("invalid JSON")));
        assert!(error("[]").is_some_and(|e| e.starts_with("expected an object")));
        assert_eq!(
            error(r#"{"id":"a","references":["y"]}"#).as_deref(),
            Some("field `candidate` is missing")
        );
        assert_eq!(
            error(r#"{"id":1,"candidate":"x","references":["y"]}"#).as_deref(),
            Some("field `id` must be a string, not a number")
        );
        assert_eq!(
            error(r#"{"id":"a","candidate":"x","references":["y",null]}"#).as_deref(),
            Some("field `references` item 1 must be a string, not null")
        );
        assert!(
            error(r#"{"id":"a","candidate":"x","references":[]}"#).is_some_and(|e| e.contains("empty list"))
        );
    }

    #[test]
    fn metrics_default_parse_and_refuse_repeats() {
        assert_eq!(metrics(&[]).ok(), Some(DEFAULT_METRICS.to_vec()));
        let names = ["rougeL", "rouge3"].map(String::from);
        assert_eq!(metrics(&names).ok(), Some(vec![Metric::L, Metric::N(3)]));
        let repeated = ["rougeL", "rouge3", "rougeL"].map(String::from);
        assert_eq!(metrics(&repeated).unwrap_err().to_string(), "metric `rougeL` is listed twice");
        assert!(metrics(&["rouge0".to_string()]).is_err());
    }

    #[test]
    fn rows_keep_metric_order_and_full_precision() {
        let mut out = Vec::new();
        let score = Score { precision: 1.0 / 3.0, recall: 0.5, fmeasure: 0.4 };
        write_row(&mut out, "a", &[Metric::Lsum, Metric::N(1)], &[score, Score::default()]).ok();
        assert_eq!(
            String::from_utf8(out).ok().as_deref(),
            Some(concat!(
                r#"{"id":"a","rougeLsum":{"precision":0.3333333333333333,"recall":0.5,"fmeasure":0.4},"#,
                r#""rouge1":{"precision":0.0,"recall":0.0,"fmeasure":0.0}}"#,
                "\n"
            ))
        );
    }
}
