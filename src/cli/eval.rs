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

use anyhow::{Context, bail};
use serde::ser::{SerializeMap, Serializer};
use sumbench::metrics::{
    CorpusAccumulator, Level, Metric, MetricSet, MetricValue, RefCount, TextTokenizer, open_eval_input,
    parse_metrics,
};

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
    /// JSONL input; `-` or nothing reads stdin.
    pub input: Option<PathBuf>,
}

/// Scores the input and writes JSONL to stdout.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let explicit = if args.metrics.is_empty() { None } else { Some(parse_metrics(&args.metrics.join(","))?) };
    let mut records = open_eval_input(args.input.as_deref())?;
    let name = records.path().display().to_string();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut state: Option<(MetricSet, CorpusAccumulator)> = None;
    for record in records.by_ref() {
        let record = record?;
        if state.is_none() {
            let metrics = match &explicit {
                Some(metrics) => metrics.clone(),
                None => record.available_metrics()?,
            };
            let set = MetricSet::new(metrics, args.tokenizer);
            let corpus = CorpusAccumulator::new(set.metrics());
            state = Some((set, corpus));
        }
        let (set, corpus) = state.as_mut().expect("set up on the first record");
        let values = record.score(set)?;
        let nrefs = record.references.as_ref().map(Vec::len);
        if args.corpus_level {
            corpus.add(&values, nrefs);
        } else {
            let signatures = set.signatures(nrefs.map(RefCount::Fixed), Level::Sentence);
            write_object(&mut out, ("id", record.id.into()), &values, &signatures)?;
        }
    }
    if args.corpus_level {
        let Some((set, corpus)) = &state else { bail!("{name}: no documents to score") };
        let signatures = set.signatures(corpus.nrefs(), Level::Corpus);
        write_object(&mut out, ("documents", corpus.documents().into()), &corpus.finish(), &signatures)?;
    }
    out.flush().context("cannot write to stdout")?;
    Ok(0)
}

/// Writes one output line: the leading entry, the values, the signatures.
fn write_object(
    out: &mut impl Write,
    (key, first): (&str, serde_json::Value),
    values: &[MetricValue],
    signatures: &[(Metric, String)],
) -> anyhow::Result<()> {
    let mut serializer = serde_json::Serializer::new(&mut *out);
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry(key, &first)?;
    for value in values {
        map.serialize_entry(&value.metric.to_string(), value)?;
    }
    let signatures: Vec<(String, &str)> =
        signatures.iter().map(|(m, s)| (m.to_string(), s.as_str())).collect();
    map.serialize_entry("signatures", &Signatures(&signatures))?;
    map.end()?;
    writeln!(out).context("cannot write to stdout")?;
    Ok(())
}

/// The signatures as a JSON object in metric order.
struct Signatures<'a>(&'a [(String, &'a str)]);

impl serde::Serialize for Signatures<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (metric, signature) in self.0 {
            map.serialize_entry(metric, signature)?;
        }
        map.end()
    }
}
