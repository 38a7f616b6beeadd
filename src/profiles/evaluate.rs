//! Hugging Face `evaluate` 0.4.6's `rouge` metric (its `metrics/rouge/rouge.py`
//! at tag v0.4.6): rouge-score 0.1.2 under `evaluate`'s arguments and
//! output shape.
//!
//! `compute(predictions, references, rouge_types=None, use_aggregator=True,
//! use_stemmer=False, tokenizer=None)` builds `RougeScorer(rouge_types,
//! use_stemmer, tokenizer)` and scores each pair with `score_multi` when the
//! references are lists, `score` otherwise. It returns F only: with the
//! aggregator, `BootstrapAggregator`'s `mid.fmeasure` (for one pair, exactly
//! that pair's F; over a corpus, the median of 1,000 bootstrap means under a
//! seed drawn when the metric is loaded); without it, the list of F per pair.
//! A custom `tokenizer` is named by the Python callable users pass:
//! `str.split` or `list` (one token per character); rouge-score neither
//! lowercases nor stems around a custom tokenizer.

use serde_json::{Map, Value};

use super::kwargs::Kwargs;
use super::python::type_name;
use super::{Figure, Figures, Package, PackageOptions, Pair, Raised};
use crate::metrics::pystr;
use crate::rouge::{Metric, Scorer, TokenizedText, has_tokens, score_tokenized};

/// The rouge types `compute` scores when none are given.
const DEFAULT_TYPES: [&str; 4] = ["rouge1", "rouge2", "rougeL", "rougeLsum"];

/// A tokenizer given as a Python callable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CustomTokenizer {
    /// `str.split`: Python's whitespace split.
    Split,
    /// `list`: one token per character, spaces included.
    Characters,
}

impl CustomTokenizer {
    /// The callable named `name` (`str.split` or `list`).
    pub(crate) fn named(name: &str) -> Option<Self> {
        match name {
            "str.split" => Some(CustomTokenizer::Split),
            "list" => Some(CustomTokenizer::Characters),
            _ => None,
        }
    }

    /// The tokens of `text`.
    pub(crate) fn tokens(self, text: &str) -> Vec<String> {
        match self {
            CustomTokenizer::Split => pystr::split(text).map(String::from).collect(),
            CustomTokenizer::Characters => text.chars().map(String::from).collect(),
        }
    }
}

/// rouge-score 0.1.2's `RougeScorer` under one set of arguments: the types
/// as given, the stemmer, and an optional custom tokenizer.
#[derive(Debug, Clone)]
pub(crate) struct RougeScore {
    /// The rouge types as given (checked when scoring, as rouge-score does).
    types: Vec<String>,
    stem: bool,
    tokenizer: Option<CustomTokenizer>,
}

impl RougeScore {
    /// `RougeScorer(types, use_stemmer=stem, tokenizer=tokenizer)`.
    pub(crate) fn new(types: Vec<String>, stem: bool, tokenizer: Option<CustomTokenizer>) -> Self {
        RougeScore { types, stem, tokenizer }
    }

    /// The metrics, or rouge-score's `ValueError` for the first bad type.
    fn metrics(&self) -> Result<Vec<Metric>, Raised> {
        self.types
            .iter()
            .map(|name| {
                name.parse::<Metric>().map_err(|_| {
                    let digit = name.strip_prefix("rouge").is_some_and(|n| n.len() == 1 && n == "0");
                    if digit {
                        Raised::new("ValueError", format!("rougen requires positive n: {name}"))
                    } else {
                        Raised::new("ValueError", format!("Invalid rouge type: {name}"))
                    }
                })
            })
            .collect()
    }

    /// `score_multi(references, candidate)` (with one reference, `score`),
    /// by type name, in the types' order (a type given twice once): per
    /// type, the first reference with the highest F (`np.argmax`).
    pub(crate) fn score(&self, references: &[String], candidate: &str) -> Result<Vec<Scored>, Raised> {
        let metrics = self.metrics()?;
        // Per reference: the scores, and whether either text has no token
        // for rougeL (whole text) and for rougeLsum (its lines).
        let per_reference: Vec<(Vec<crate::rouge::Score>, bool, bool)> = match self.tokenizer {
            None => {
                let scorer = Scorer::new(&metrics, self.stem);
                let empty_candidate = !has_tokens(candidate);
                references
                    .iter()
                    .map(|reference| {
                        let empty = empty_candidate || !has_tokens(reference);
                        (scorer.score(reference, candidate), empty, empty)
                    })
                    .collect()
            }
            Some(tokenizer) => {
                let tokenize = |text: &str| TokenizedText::new(text, |t| tokenizer.tokens(t));
                let empty_lines = |text: &TokenizedText| text.lines.iter().all(Vec::is_empty);
                let candidate = tokenize(candidate);
                references
                    .iter()
                    .map(|reference| {
                        let reference = tokenize(reference);
                        let scores = score_tokenized(&metrics, std::slice::from_ref(&reference), &candidate);
                        let empty_whole = candidate.tokens.is_empty() || reference.tokens.is_empty();
                        let empty_lines = empty_lines(&candidate) || empty_lines(&reference);
                        (scores, empty_whole, empty_lines)
                    })
                    .collect()
            }
        };
        let mut named: Vec<Scored> = Vec::with_capacity(metrics.len());
        for (i, (name, metric)) in self.types.iter().zip(&metrics).enumerate() {
            if named.iter().any(|scored| &scored.name == name) {
                continue;
            }
            let mut best: Option<(crate::rouge::Score, bool)> = None;
            for (scores, empty_whole, empty_lines) in &per_reference {
                let score = scores[i];
                let integer_zero = match metric {
                    Metric::L => *empty_whole,
                    Metric::Lsum => *empty_lines,
                    Metric::N(_) => false,
                };
                if best.is_none_or(|(kept, _)| score.fmeasure > kept.fmeasure) {
                    best = Some((score, integer_zero));
                }
            }
            let (score, integer_zero) = best.unwrap_or_default();
            named.push(Scored {
                name: name.clone(),
                figure: Figure {
                    precision: Some(score.precision),
                    recall: Some(score.recall),
                    fmeasure: score.fmeasure,
                },
                integer_zero,
            });
        }
        Ok(named)
    }
}

/// One rouge type's score, as rouge-score returns it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scored {
    /// The rouge type as given.
    pub(crate) name: String,
    /// Its precision, recall and F.
    pub(crate) figure: Figure,
    /// Whether rouge-score returns Python's integer `0` for all three
    /// (rougeL and rougeLsum when either text has no token).
    pub(crate) integer_zero: bool,
}

impl Scored {
    /// The F as Python returns it: an integer `0` or a float.
    pub(crate) fn fmeasure_json(&self) -> Value {
        if self.integer_zero { Value::from(0) } else { Value::from(self.figure.fmeasure) }
    }
}

/// The `rouge` metric of `evaluate` under one set of `compute` arguments.
#[derive(Debug, Clone)]
pub(crate) struct EvaluateRouge {
    scorer: RougeScore,
    aggregate: bool,
}

impl EvaluateRouge {
    /// `evaluate.load("rouge", **init).compute(..., **call)`'s arguments.
    /// `load`'s arguments change no number for one pair: `seed` (the
    /// bootstrap's) and the bookkeeping ones are accepted.
    pub(crate) fn new(options: &PackageOptions) -> Result<Self, Raised> {
        let mut init = Kwargs::new("load", &options.init);
        for name in ["seed", "config_name", "keep_in_memory", "cache_dir", "experiment_id", "module_type"] {
            init.take(name);
        }
        init.finish()?;
        let mut call = Kwargs::new("Rouge._compute", &options.call);
        let types = match call.take("rouge_types") {
            None | Some(Value::Null) => DEFAULT_TYPES.map(String::from).to_vec(),
            Some(value) => python_strings(&value)?,
        };
        let aggregate = call.truth("use_aggregator", true);
        let stem = call.truth("use_stemmer", false);
        let tokenizer = match call.take("tokenizer") {
            None | Some(Value::Null) => None,
            Some(Value::String(name)) => Some(CustomTokenizer::named(&name).ok_or_else(|| {
                Raised::new(
                    "ValueError",
                    format!("sumbench knows the tokenizers str.split and list, not {name:?}"),
                )
            })?),
            Some(other) => {
                return Err(Raised::new(
                    "TypeError",
                    format!("'{}' object is not callable", type_name(&other)),
                ));
            }
        };
        call.finish()?;
        Ok(EvaluateRouge { scorer: RougeScore::new(types, stem, tokenizer), aggregate })
    }
}

impl Package for EvaluateRouge {
    fn name(&self) -> &'static str {
        "evaluate-rouge"
    }

    fn call(&self, candidate: &str, references: &[String]) -> Result<Value, Raised> {
        let mut out = Map::new();
        for scored in self.scorer.score(references, candidate)? {
            // The aggregator's numpy arrays make every value a float.
            let value = if self.aggregate {
                Value::from(scored.figure.fmeasure)
            } else {
                Value::Array(vec![scored.fmeasure_json()])
            };
            out.insert(scored.name, value);
        }
        Ok(Value::Object(out))
    }

    /// The mean F per type. With the aggregator `evaluate` reports the
    /// median of 1,000 bootstrap means instead, which lies near the mean
    /// and moves with the seed drawn at `load` (see `identify`).
    fn corpus(&self, pairs: &[Pair<'_>]) -> Result<Figures, Raised> {
        let mut sums: Vec<(String, f64)> = Vec::new();
        for pair in pairs {
            for (i, scored) in self.scorer.score(pair.references, pair.candidate)?.into_iter().enumerate() {
                match sums.get_mut(i) {
                    Some(slot) => slot.1 += scored.figure.fmeasure,
                    None => sums.push((scored.name, scored.figure.fmeasure)),
                }
            }
        }
        let count = pairs.len().max(1) as f64;
        Ok(sums
            .into_iter()
            .map(|(name, sum)| (name, Figure { precision: None, recall: None, fmeasure: sum / count }))
            .collect())
    }
}

/// A Python iterable of strings as `for x in value` sees it: a list of
/// strings, or a string's characters.
pub(crate) fn python_strings(value: &Value) -> Result<Vec<String>, Raised> {
    match value {
        Value::String(s) => Ok(s.chars().map(String::from).collect()),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.clone()),
                other => Err(Raised::new(
                    "TypeError",
                    format!("expected string or bytes-like object, got '{}'", type_name(other)),
                )),
            })
            .collect(),
        other => Err(Raised::new("TypeError", format!("'{}' object is not iterable", type_name(other)))),
    }
}
