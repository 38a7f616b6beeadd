//! `sumbench eval` as one library call, which the CLI and the Python
//! bindings both use: candidate lines in (an [`EvalReader`]), one
//! [`EvalOutput`] per line out, or one for the whole input at corpus level.

use std::io::BufRead;
use std::path::PathBuf;

use serde::ser::{SerializeMap, Serializer};

use crate::corpus::Location;

use super::eval_input::{EvalError, EvalReader};
use super::signature::{Level, RefCount};
use super::{CorpusAccumulator, Metric, MetricSet, MetricValue, SacrebleuOptions, TextTokenizer};
use crate::lang::LanguageChoice;

/// How to evaluate.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// The metrics; `None` takes those whose inputs the first record has
    /// (every later record must have them too).
    pub metrics: Option<Vec<Metric>>,
    /// Tokens of the fragment and n-gram metrics.
    pub tokenizer: TextTokenizer,
    /// One output for the whole input (BLEU and chrF from summed statistics,
    /// the other metrics the mean where defined) instead of one per record.
    pub corpus_level: bool,
    /// The texts' language (for the JS divergence's words, and every
    /// signature) where a record gives none (`"lang"`); under `auto`, each
    /// record's, detected from its source, else its first reference, else
    /// its summary.
    pub language: LanguageChoice,
    /// BLEU's and chrF's sacreBLEU options (sacreBLEU's defaults by default).
    pub sacrebleu: SacrebleuOptions,
}

/// One output object: `{"id": …}` (or `{"documents": n}` at corpus level),
/// each metric's value, then `"signatures"` in metric order.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalOutput {
    /// The leading entry: `("id", the record's id)` or `("documents", n)`.
    pub lead: (&'static str, serde_json::Value),
    /// One value per metric, in the set's order.
    pub values: Vec<MetricValue>,
    /// Each metric's signature, in the same order.
    pub signatures: Vec<(Metric, String)>,
}

impl EvalOutput {
    /// The object as one line of JSON (no newline), keys in the order above.
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut out);
        let written: Result<(), serde_json::Error> = (|| {
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry(self.lead.0, &self.lead.1)?;
            for value in &self.values {
                map.serialize_entry(&value.metric.to_string(), value)?;
            }
            map.serialize_entry("signatures", &Signatures(&self.signatures))?;
            map.end()
        })();
        written.expect("metric values serialize to JSON");
        String::from_utf8(out).expect("serde_json writes UTF-8")
    }
}

/// The signatures as a JSON object in metric order.
struct Signatures<'a>(&'a [(Metric, String)]);

impl serde::Serialize for Signatures<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (metric, signature) in self.0 {
            map.serialize_entry(&metric.to_string(), signature)?;
        }
        map.end()
    }
}

/// Evaluates every record of `records` as `options` say, handing each
/// output to `sink` in input order (one at the end at corpus level). The
/// first bad record, or the first error of `sink`, stops it. An empty input
/// is an error at corpus level (there is nothing to report) and no output
/// otherwise.
pub fn evaluate<R: BufRead>(
    records: EvalReader<R>,
    options: &EvalOptions,
    sink: &mut dyn FnMut(EvalOutput) -> Result<(), EvalError>,
) -> Result<(), EvalError> {
    let path: PathBuf = records.path().to_path_buf();
    let mut state: Option<(MetricSet, CorpusAccumulator)> = None;
    for record in records {
        let record = record?;
        if state.is_none() {
            let metrics = match &options.metrics {
                Some(metrics) => metrics.clone(),
                None => record.available_metrics()?,
            };
            let set = MetricSet::new(metrics, options.tokenizer).with_sacrebleu(options.sacrebleu);
            let corpus = CorpusAccumulator::new(set.metrics()).with_sacrebleu(options.sacrebleu);
            state = Some((set, corpus));
        }
        let (set, corpus) = state.as_mut().expect("set up on the first record");
        let language = match &record.lang {
            Some(name) => name.parse::<crate::lang::Language>().map_err(|e| EvalError::Input {
                location: record.location.clone(),
                message: format!("field `lang`: {e}"),
            })?,
            None => {
                let text = record
                    .source
                    .as_deref()
                    .or_else(|| record.references.as_ref()?.first().map(String::as_str));
                options.language.resolve(text.unwrap_or(&record.candidate))
            }
        };
        set.set_language(language);
        let values = record.score(set)?;
        let nrefs = record.references.as_ref().map(Vec::len);
        if options.corpus_level {
            corpus.add(&values, nrefs);
        } else {
            let signatures = set.signatures(nrefs.map(RefCount::Fixed), Level::Sentence);
            sink(EvalOutput { lead: ("id", record.id.into()), values, signatures })?;
        }
    }
    if options.corpus_level {
        let Some((set, corpus)) = &state else {
            let message = "no documents to score".to_string();
            return Err(EvalError::Input { location: Location::file(&path), message });
        };
        let signatures = set.signatures(corpus.nrefs(), Level::Corpus);
        let lead = ("documents", corpus.documents().into());
        sink(EvalOutput { lead, values: corpus.finish(), signatures })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn outputs(input: &str, options: &EvalOptions) -> Result<Vec<String>, EvalError> {
        let reader = EvalReader::new(input.as_bytes(), Path::new("in.jsonl"));
        let mut lines = Vec::new();
        evaluate(reader, options, &mut |o| {
            lines.push(o.to_json());
            Ok(())
        })?;
        Ok(lines)
    }

    #[test]
    fn one_line_per_record_keys_in_order() {
        // Coverage of "a b" by the source "a b c": both words are in one
        // fragment of length 2, so coverage = 2 / 2 = 1 and density = 2² / 2 = 2.
        let options = EvalOptions {
            metrics: Some(vec![Metric::Coverage, Metric::Density]),
            tokenizer: TextTokenizer::Whitespace,
            corpus_level: false,
            language: LanguageChoice::default(),
            sacrebleu: SacrebleuOptions::default(),
        };
        let lines =
            outputs("{\"id\": 7, \"candidate\": \"a b\", \"source\": \"a b c\"}\n", &options).unwrap();
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        assert!(line.starts_with("{\"id\":\"7\",\"coverage\":{\"score\":1.0"), "{line}");
        assert!(line.contains("\"density\":{\"score\":2.0"), "{line}");
        let signatures = line.find("\"signatures\":{\"coverage\"").expect("signatures in metric order");
        assert!(line[signatures..].contains("\"density\""), "{line}");
    }

    #[test]
    fn an_empty_input_is_an_error_only_at_corpus_level() {
        let options = EvalOptions { corpus_level: true, ..EvalOptions::default() };
        let error = outputs("\n", &options).unwrap_err();
        assert_eq!(error.to_string(), "in.jsonl: no documents to score");
        assert!(outputs("", &EvalOptions::default()).unwrap().is_empty());
    }
}
