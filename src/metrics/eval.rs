//! `sumbench eval` as one library call, which the CLI and the Python
//! bindings both use: candidate lines in (an [`EvalReader`]), one
//! [`EvalOutput`] per line out, or one for the whole input at corpus level.
//!
//! Besides this module's metrics, a caller may hand in [`RecordScorer`]s:
//! scores computed elsewhere (another package's ROUGE from
//! `crate::profiles`, later a model-based metric), each under its own key
//! with its own signature. This module never learns what they are.

use std::fmt;
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::Arc;

use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::corpus::Location;

use super::eval_input::{EvalError, EvalReader, EvalRecord};
use super::signature::{Level, RefCount};
use super::{CorpusAccumulator, Metric, MetricSet, MetricValue, Needs, SacrebleuOptions, TextTokenizer};
use crate::lang::LanguageChoice;

/// What went wrong scoring one record (or the corpus) with a
/// [`RecordScorer`]: a type name and a message, e.g. a Python package's
/// `ValueError` / `Hypothesis is empty.`. It is reported on that record's
/// output, `{"error": {"type", "message"}}`, and the input goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFailure {
    /// The failure's kind (a Python exception's class name, for a package).
    pub kind: String,
    /// What happened.
    pub message: String,
}

impl RecordFailure {
    /// `{"type": kind, "message": message}`.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("type".into(), Value::from(self.kind.clone()));
        map.insert("message".into(), Value::from(self.message.clone()));
        Value::Object(map)
    }
}

impl fmt::Display for RecordFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

/// A score [`evaluate`] does not compute itself, filled in by its caller:
/// another package's ROUGE (`sumbench eval --rouge-profile`), or a
/// model-based metric. Each record's value is any JSON, printed under
/// [`RecordScorer::key`] as `{"result": value}`, or `{"error": {"type",
/// "message"}}` for a record it cannot score (the input goes on).
///
/// A scorer that must see every record before scoring any (BERTScore's IDF
/// weights over all references) says so with
/// [`RecordScorer::needs_every_record`]: `evaluate` then reads the whole
/// input first and scores with the scorer [`RecordScorer::prepare`] returns.
pub trait RecordScorer: Send + Sync {
    /// Its key in each output object and in `"signatures"`.
    fn key(&self) -> &str;

    /// What it reads besides the candidate: with [`Needs::References`], a
    /// record without a `references` field is an input error (as for BLEU).
    fn needs(&self) -> Needs;

    /// Its signature at `level`: everything that decides its numbers.
    fn signature(&self, level: Level) -> String;

    /// Whether it must see every record before it scores one.
    fn needs_every_record(&self) -> bool {
        false
    }

    /// The scorer to score with after a first pass over every `records`
    /// (called only when [`RecordScorer::needs_every_record`]); `None`
    /// scores with this one. An error stops the evaluation.
    fn prepare(&self, _records: &[EvalRecord]) -> Result<Option<Box<dyn RecordScorer>>, RecordFailure> {
        Ok(None)
    }

    /// One record's value, or why that record cannot be scored.
    fn score(&self, record: &EvalRecord) -> Result<Value, RecordFailure>;

    /// Whether a value is printed as `{"result": value}` (the default: a value
    /// in another package's own shape) or as the value itself (a metric whose
    /// shape sumbench defines, e.g. BERTScore's `{"precision", "recall",
    /// "fmeasure"}`). A failure is `{"error": …}` either way.
    fn wrapped(&self) -> bool {
        true
    }

    /// Why it has no corpus-level value, if it has none: asked before any
    /// record is read, so `--corpus-level` is refused at once.
    fn corpus_refusal(&self) -> Option<String>;

    /// Its corpus-level value over every record (asked only when
    /// [`RecordScorer::corpus_refusal`] is `None`), or why it fails.
    fn score_corpus(&self, records: &[EvalRecord]) -> Result<Value, RecordFailure>;
}

/// The caller's scorers, in output order (what [`EvalOptions::extra`] holds).
#[derive(Clone, Default)]
pub struct RecordScorers(pub Vec<Arc<dyn RecordScorer>>);

impl fmt::Debug for RecordScorers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter().map(|scorer| scorer.key())).finish()
    }
}

/// One [`RecordScorer`]'s outcome on one output.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordValue {
    /// The scorer's key.
    pub key: String,
    /// Its value, or what went wrong.
    pub outcome: Result<Value, RecordFailure>,
    /// Its signature at this output's level.
    pub signature: String,
    /// Whether the value is printed inside `{"result": …}` (see [`RecordScorer::wrapped`]).
    pub wrapped: bool,
}

impl serde::Serialize for RecordValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let (false, Ok(value)) = (self.wrapped, &self.outcome) {
            return value.serialize(serializer);
        }
        let mut map = serializer.serialize_map(Some(1))?;
        match &self.outcome {
            Ok(value) => map.serialize_entry("result", value)?,
            Err(failure) => map.serialize_entry("error", &failure.to_json())?,
        }
        map.end()
    }
}

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
    /// BLEU's, chrF's and TER's sacreBLEU options (sacreBLEU's defaults by default).
    pub sacrebleu: SacrebleuOptions,
    /// Scores the caller computes per record, after the metrics' (none by default).
    pub extra: RecordScorers,
}

/// One output object: `{"id": …}` (or `{"documents": n}` at corpus level),
/// each metric's value, each [`RecordScorer`]'s, then `"signatures"` in
/// the same order.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalOutput {
    /// The leading entry: `("id", the record's id)` or `("documents", n)`.
    pub lead: (&'static str, serde_json::Value),
    /// One value per metric, in the set's order.
    pub values: Vec<MetricValue>,
    /// Each metric's signature, in the same order.
    pub signatures: Vec<(Metric, String)>,
    /// Each [`RecordScorer`]'s outcome and signature, in the scorers' order.
    pub extra: Vec<RecordValue>,
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
            for extra in &self.extra {
                map.serialize_entry(&extra.key, extra)?;
            }
            map.serialize_entry("signatures", &Signatures(&self.signatures, &self.extra))?;
            map.end()
        })();
        written.expect("metric values serialize to JSON");
        String::from_utf8(out).expect("serde_json writes UTF-8")
    }
}

/// The signatures as a JSON object: the metrics', then the scorers'.
struct Signatures<'a>(&'a [(Metric, String)], &'a [RecordValue]);

impl serde::Serialize for Signatures<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len() + self.1.len()))?;
        for (metric, signature) in self.0 {
            map.serialize_entry(&metric.to_string(), signature)?;
        }
        for extra in self.1 {
            map.serialize_entry(&extra.key, &extra.signature)?;
        }
        map.end()
    }
}

/// Evaluates every record of `records` as `options` say, handing each
/// output to `sink` in input order (one at the end at corpus level). The
/// first bad record, or the first error of `sink`, stops it; a
/// [`RecordScorer`]'s failure on one record is that record's output. An
/// empty input is an error at corpus level (there is nothing to report) and
/// no output otherwise. The records are kept in memory only when a scorer
/// needs every record first, or at corpus level with scorers.
pub fn evaluate<R: BufRead>(
    records: EvalReader<R>,
    options: &EvalOptions,
    sink: &mut dyn FnMut(EvalOutput) -> Result<(), EvalError>,
) -> Result<(), EvalError> {
    let path: PathBuf = records.path().to_path_buf();
    let extra = &options.extra.0;
    if options.corpus_level {
        for scorer in extra {
            if let Some(message) = scorer.corpus_refusal() {
                return Err(EvalError::Scorer { key: scorer.key().to_string(), message });
            }
        }
    }
    let first_pass = extra.iter().any(|scorer| scorer.needs_every_record());
    let (stream, mut prepared): (Box<dyn Iterator<Item = Result<EvalRecord, EvalError>>>, Vec<_>) =
        if first_pass {
            let all = records.collect::<Result<Vec<_>, _>>()?;
            let prepared = extra
                .iter()
                .map(|scorer| match scorer.needs_every_record() {
                    true => scorer.prepare(&all).map_err(|failure| EvalError::Scorer {
                        key: scorer.key().to_string(),
                        message: failure.to_string(),
                    }),
                    false => Ok(None),
                })
                .collect::<Result<Vec<_>, _>>()?;
            (Box::new(all.into_iter().map(Ok)), prepared)
        } else {
            (Box::new(records), Vec::new())
        };
    prepared.resize_with(extra.len(), || None);
    let scorers: Vec<&dyn RecordScorer> = extra
        .iter()
        .zip(&prepared)
        .map(|(scorer, ready)| ready.as_deref().unwrap_or(scorer.as_ref()))
        .collect();
    let keep = options.corpus_level && !scorers.is_empty();
    let mut kept = Vec::new();
    let mut state: Option<(MetricSet, CorpusAccumulator)> = None;
    for record in stream {
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
        check_scorer_inputs(&record, &scorers)?;
        let nrefs = record.references.as_ref().map(Vec::len);
        if options.corpus_level {
            corpus.add(&values, nrefs);
            if keep {
                kept.push(record);
            }
        } else {
            let signatures = set.signatures(nrefs.map(RefCount::Fixed), Level::Sentence);
            let extra = scorers
                .iter()
                .map(|scorer| RecordValue {
                    key: scorer.key().to_string(),
                    outcome: scorer.score(&record),
                    signature: scorer.signature(Level::Sentence),
                    wrapped: scorer.wrapped(),
                })
                .collect();
            sink(EvalOutput { lead: ("id", record.id.into()), values, signatures, extra })?;
        }
    }
    if options.corpus_level {
        let Some((set, corpus)) = &state else {
            let message = "no documents to score".to_string();
            return Err(EvalError::Input { location: Location::file(&path), message });
        };
        let signatures = set.signatures(corpus.nrefs(), Level::Corpus);
        let lead = ("documents", corpus.documents().into());
        let extra = scorers
            .iter()
            .map(|scorer| RecordValue {
                key: scorer.key().to_string(),
                outcome: scorer.score_corpus(&kept),
                signature: scorer.signature(Level::Corpus),
                wrapped: scorer.wrapped(),
            })
            .collect();
        sink(EvalOutput { lead, values: corpus.finish(), signatures, extra })?;
    }
    Ok(())
}

/// An input error when a scorer needs references and `record` has no
/// `references` field (an empty list is the scorer's to judge).
fn check_scorer_inputs(record: &EvalRecord, scorers: &[&dyn RecordScorer]) -> Result<(), EvalError> {
    let needing: Vec<&str> = scorers
        .iter()
        .filter(|scorer| scorer.needs() == Needs::References)
        .map(|scorer| scorer.key())
        .collect();
    if record.references.is_none() && !needing.is_empty() {
        let message = format!("field `references`: missing (needed by {})", needing.join(", "));
        return Err(EvalError::Input { location: record.location.clone(), message });
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
            extra: RecordScorers::default(),
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

    /// A scorer with a first pass: each record's share of all candidate
    /// bytes (as BERTScore would weigh by IDF learnt from every reference),
    /// refusing an empty candidate; the corpus value is the record count.
    struct Share {
        total: Option<usize>,
    }

    impl RecordScorer for Share {
        fn key(&self) -> &str {
            "share"
        }
        fn needs(&self) -> Needs {
            Needs::Source
        }
        fn signature(&self, level: Level) -> String {
            format!("share|{level:?}")
        }
        fn needs_every_record(&self) -> bool {
            true
        }
        fn prepare(&self, records: &[EvalRecord]) -> Result<Option<Box<dyn RecordScorer>>, RecordFailure> {
            let total = records.iter().map(|r| r.candidate.len()).sum();
            Ok(Some(Box::new(Share { total: Some(total) })))
        }
        fn score(&self, record: &EvalRecord) -> Result<Value, RecordFailure> {
            let total = self.total.expect("prepared before scoring");
            match record.candidate.len() {
                0 => Err(RecordFailure { kind: "Empty".into(), message: "no text".into() }),
                n => Ok(Value::from(n as f64 / total as f64)),
            }
        }
        fn corpus_refusal(&self) -> Option<String> {
            None
        }
        fn score_corpus(&self, records: &[EvalRecord]) -> Result<Value, RecordFailure> {
            Ok(Value::from(records.len()))
        }
    }

    #[test]
    fn record_scorers_see_every_record_first_and_fail_per_line() {
        let options = EvalOptions {
            metrics: Some(vec![]),
            extra: RecordScorers(vec![Arc::new(Share { total: None })]),
            ..EvalOptions::default()
        };
        let input = "{\"id\": 1, \"candidate\": \"abc\"}\n{\"id\": 2, \"candidate\": \"\"}\n\
                     {\"id\": 3, \"candidate\": \"d\"}\n";
        // Shares of the 4 candidate bytes: 3/4, an error, 1/4.
        assert_eq!(
            outputs(input, &options).unwrap(),
            [
                "{\"id\":\"1\",\"share\":{\"result\":0.75},\"signatures\":{\"share\":\"share|Sentence\"}}",
                "{\"id\":\"2\",\"share\":{\"error\":{\"message\":\"no text\",\"type\":\"Empty\"}},\
                 \"signatures\":{\"share\":\"share|Sentence\"}}",
                "{\"id\":\"3\",\"share\":{\"result\":0.25},\"signatures\":{\"share\":\"share|Sentence\"}}",
            ]
        );
        let corpus = EvalOptions { corpus_level: true, ..options };
        assert_eq!(
            outputs(input, &corpus).unwrap(),
            ["{\"documents\":3,\"share\":{\"result\":3},\"signatures\":{\"share\":\"share|Corpus\"}}"]
        );
    }

    #[test]
    fn an_empty_input_is_an_error_only_at_corpus_level() {
        let options = EvalOptions { corpus_level: true, ..EvalOptions::default() };
        let error = outputs("\n", &options).unwrap_err();
        assert_eq!(error.to_string(), "in.jsonl: no documents to score");
        assert!(outputs("", &EvalOptions::default()).unwrap().is_empty());
    }
}
