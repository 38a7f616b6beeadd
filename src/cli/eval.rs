//! `sumbench eval`: metrics beyond ROUGE (see [`sumbench::metrics`]), JSONL
//! in, JSONL out.
//!
//! Input, one JSON object per line (blank lines skipped):
//! `{"id": str|int, "candidate": str, "references"?: [str, ...], "source"?: str}`.
//! Output, one line per input in input order:
//! `{"id": ..., "<metric>": {"score": ..., ...}, ..., "signatures": {"<metric>": "...", ...}}`.
//! Without `--metrics`, the metrics are those whose inputs the first record
//! has (references: bleu, chrf, chrf++; source: the others); every later
//! record must have them too. With `--corpus-level`, one object for the whole
//! input: `{"documents": n, ...}`, BLEU and chrF from summed statistics, the
//! other metrics the mean over the documents where they are defined.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use sumbench::metrics::{EvalError, EvalOptions, TextTokenizer, evaluate, open_eval_input, parse_metrics};

/// Arguments of `sumbench eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Comma-separated metrics: bleu, chrf, chrf++, coverage, density, compression,
    /// novel-1…novel-4, repeated-1…repeated-4, js-divergence (default: every
    /// metric whose inputs the first record has).
    #[arg(long, value_delimiter = ',')]
    pub metrics: Vec<String>,
    /// Tokens of the fragment and n-gram metrics: `default` (UAX #29 words,
    /// punctuation its own token) or `whitespace` (Python's str.split()).
    #[arg(long, default_value = "default")]
    pub tokenizer: TextTokenizer,
    /// Print one object for the whole input instead of one per document.
    #[arg(long)]
    pub corpus_level: bool,
    /// The texts' language: an ISO 639-1 code or XL-Sum's name, or auto to detect
    /// each record's (from its source, else its first reference, else its summary).
    /// It decides the JS divergence's words, stop words and stemmer, and is in
    /// every signature.
    #[arg(long, value_name = "CODE", default_value = "en")]
    pub language: sumbench::LanguageChoice,
    /// JSONL input; `-` or nothing reads stdin.
    pub input: Option<PathBuf>,
}

/// Scores the input and writes JSONL to stdout.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let metrics = if args.metrics.is_empty() { None } else { Some(parse_metrics(&args.metrics.join(","))?) };
    let options = EvalOptions {
        metrics,
        tokenizer: args.tokenizer,
        corpus_level: args.corpus_level,
        language: args.language,
    };
    let records = open_eval_input(args.input.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let stdout_error = |error| EvalError::Io { path: PathBuf::from("<stdout>"), error };
    evaluate(records, &options, &mut |output| writeln!(out, "{}", output.to_json()).map_err(stdout_error))?;
    out.flush().map_err(stdout_error)?;
    Ok(0)
}
