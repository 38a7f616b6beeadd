//! `py-rouge` 1.1 (Diego999/py-rouge): `rouge.Rouge(**init).get_scores(...)`.
//!
//! The constructor's checks and quirks (`Rouge()` computes nothing, a
//! `max_n` without `metrics` raises `AttributeError`, `length_limit == 0`
//! turns truncation off), the three metric families in the package's order
//! (ROUGE-N over whole summaries, then ROUGE-L and ROUGE-W over sentences),
//! its averaged / best / per-reference output, and its corpus rule (the
//! per-document figures summed, then divided by the number of documents).
//!
//! The package loads its stemmer and WordNet tables once per process, from
//! the first `Rouge` built; here each object is taken as the first of its
//! process. Not reproduced: punkt, which `ensure_compatibility=False`
//! uses to split texts holding `.`, `?` or `!` (that raises a sumbench
//! `NotImplementedError`).

mod counts;
mod porter;
mod pyvalue;
mod text;

use serde_json::{Map, Value};

use super::kwargs::truthy;
use super::{Figure, Figures, Package, PackageOptions, Pair, Raised};
use counts::{Alpha, Counts, Num, Prf};
use pyvalue::{Bound, as_int, as_real, py_str, type_name, unhashable};
use text::{Preprocessor, Truncation};

/// The constructor's keyword arguments, in the signature's order.
const KEYWORDS: [&str; 11] = [
    "metrics",
    "max_n",
    "limit_length",
    "length_limit",
    "length_limit_type",
    "apply_avg",
    "apply_best",
    "stemming",
    "alpha",
    "weight_factor",
    "ensure_compatibility",
];

/// The largest `max_n` taken (Python would build that many metrics).
const MAX_N: i128 = 1 << 16;

/// `get_scores`' parameters, which keywords may not repeat.
const CALL_PARAMETERS: [&str; 2] = ["hypothesis", "references"];

/// How scores over several references (and documents) are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aggregation {
    /// `apply_avg`: counts summed over references.
    Average,
    /// `apply_best` (without `apply_avg`): the best reference.
    Best,
    /// Neither: one score per reference.
    Individual,
}

/// One `rouge.Rouge(**init)` object.
#[derive(Debug, Clone)]
pub(super) struct PyRouge {
    /// The `n` of every `rouge-n` metric, ascending.
    ns: Vec<usize>,
    rouge_l: bool,
    rouge_w: bool,
    aggregation: Aggregation,
    alpha: Alpha,
    /// `weight_factor`, an `int` or a `float` as given.
    weight: Num,
    preprocessor: Preprocessor,
}

/// Scores of one metric: summed figures, or per-document lists of
/// per-reference figures.
enum Scores {
    Summed(Prf),
    Lists(Vec<Vec<Prf>>),
}

impl PyRouge {
    /// `Rouge(**options.init)`, its call keywords checked against
    /// `get_scores(hypothesis, references)`.
    pub(super) fn new(options: &PackageOptions) -> Result<Self, Raised> {
        let init = &options.init;
        if let Some(key) = init.keys().find(|k| !KEYWORDS.contains(&k.as_str())) {
            return Err(Raised::unexpected_keyword("Rouge.__init__", key));
        }
        let get = |key: &str| init.get(key);
        let (ns, rouge_l, rouge_w) = metrics(get("metrics"), get("max_n"))?;

        let mut limit_length = get("limit_length").is_none_or(truthy);
        let limit_type = get("length_limit_type").cloned().unwrap_or_else(|| Value::from("bytes"));
        if limit_length {
            if let Some(raised) = unhashable(&limit_type) {
                return Err(raised);
            }
            if !matches!(limit_type.as_str(), Some("words" | "bytes")) {
                return Err(Raised::new(
                    "ValueError",
                    format!("Unknown length_limit_type '{}'", py_str(&limit_type)),
                ));
            }
        }
        let limit = get("length_limit").map_or(Bound::Int(665), Bound::of);
        if limit.is_zero() {
            limit_length = false;
        }
        let truncation = match (limit_length, limit_type.as_str()) {
            (true, Some("words")) => Truncation::Words(limit),
            (true, _) => Truncation::Bytes(limit),
            (false, _) => Truncation::Off,
        };

        let apply_avg = get("apply_avg").is_none_or(truthy);
        let apply_best = get("apply_best").is_some_and(truthy);
        let alpha = match get("alpha") {
            None => Alpha::Real(0.5),
            Some(value) => as_real(value).map_or(Alpha::Other(type_name(value)), Alpha::Real),
        };
        let weight = match get("weight_factor") {
            None => Num::Float(1.0),
            Some(value) => match (as_int(value), as_real(value)) {
                (Some(int), _) => Ok(Num::Int(int)),
                (None, Some(real)) => Ok(Num::Float(real)),
                (None, None) => Err(Raised::new(
                    "TypeError",
                    format!("'<=' not supported between instances of '{}' and 'int'", type_name(value)),
                )),
            }?,
        };
        if weight.to_f64() <= 0.0 {
            return Err(Raised::new("ValueError", "ROUGE-W weight factor must greater than 0."));
        }
        let rouge = PyRouge {
            ns,
            rouge_l,
            rouge_w,
            aggregation: if apply_avg {
                Aggregation::Average
            } else if apply_best {
                Aggregation::Best
            } else {
                Aggregation::Individual
            },
            alpha,
            weight,
            preprocessor: Preprocessor {
                truncation,
                stemming: get("stemming").is_none_or(truthy),
                ensure_compatibility: get("ensure_compatibility").is_none_or(truthy),
            },
        };
        // `get_scores(self, hypothesis, references)` takes no other keyword.
        if let Some(key) = options.call.keys().next() {
            return Err(if CALL_PARAMETERS.contains(&key.as_str()) {
                Raised::new(
                    "TypeError",
                    format!("Rouge.get_scores() got multiple values for argument '{key}'"),
                )
            } else {
                Raised::unexpected_keyword("Rouge.get_scores", key)
            });
        }
        Ok(rouge)
    }

    /// `get_scores(all_hypothesis, all_references)`: every metric's scores
    /// by key, the families in the package's order (so the same error
    /// comes first).
    fn get_scores(&self, pairs: &[Pair<'_>]) -> Result<Vec<(String, Scores)>, Raised> {
        let mut out = Vec::new();
        if !self.ns.is_empty() {
            out.extend(self.rouge_n(pairs)?);
        }
        if self.rouge_l {
            out.push(("rouge-l".to_owned(), self.rouge_l_or_w(pairs, false)?));
        }
        if self.rouge_w {
            out.push(("rouge-w".to_owned(), self.rouge_l_or_w(pairs, true)?));
        }
        Ok(out)
    }

    /// `_get_scores_rouge_n`.
    fn rouge_n(&self, pairs: &[Pair<'_>]) -> Result<Vec<(String, Scores)>, Raised> {
        let mut scores: Vec<Scores> = self.ns.iter().map(|_| self.empty(pairs.len())).collect();
        for (sample, pair) in pairs.iter().enumerate() {
            let references = references_of(pair)?;
            let hypothesis = self.preprocessor.as_a_whole(pair.candidate)?;
            let references =
                references.iter().map(|r| self.preprocessor.as_a_whole(r)).collect::<Result<Vec<_>, _>>()?;
            for (&n, metric) in self.ns.iter().zip(&mut scores) {
                let per_reference =
                    references.iter().map(|reference| counts::ngrams(&hypothesis, reference, n));
                self.add(metric, sample, per_reference, 1.0, None)?;
            }
        }
        Ok(self
            .ns
            .iter()
            .map(|n| format!("rouge-{n}"))
            .zip(scores)
            .map(|(key, scores)| (key, self.finish(scores, pairs.len())))
            .collect())
    }

    /// `_get_scores_rouge_l_or_w`.
    fn rouge_l_or_w(&self, pairs: &[Pair<'_>], use_w: bool) -> Result<Scores, Raised> {
        let mut scores = self.empty(pairs.len());
        let lcs_weight = if use_w { self.weight } else { Num::Float(1.0) };
        for (sample, pair) in pairs.iter().enumerate() {
            let references = references_of(pair)?;
            let hypothesis = self.preprocessor.per_sentence(pair.candidate)?;
            let references = references
                .iter()
                .map(|r| self.preprocessor.per_sentence(r))
                .collect::<Result<Vec<_>, _>>()?;
            let mut per_reference = Vec::with_capacity(references.len());
            for reference in &references {
                per_reference.push(counts::lcs(&hypothesis, reference, lcs_weight)?);
            }
            let best_by_wlcs = use_w.then_some(self.weight.to_f64());
            self.add(&mut scores, sample, per_reference.into_iter(), self.weight.to_f64(), best_by_wlcs)?;
        }
        Ok(self.finish(scores, pairs.len()))
    }

    /// The starting scores: zeros, or an empty list per document.
    fn empty(&self, documents: usize) -> Scores {
        match self.aggregation {
            Aggregation::Individual => Scores::Lists(vec![Vec::new(); documents]),
            _ => Scores::Summed(Prf { p: 0.0, r: 0.0, f: 0.0 }),
        }
    }

    /// One document's counts against each reference, added to `scores`
    /// under the aggregation. `best_by_wlcs` is ROUGE-W's weight: the best
    /// reference is then the one with the highest WLCS score (which
    /// divides by the reference's size, raising on an empty one).
    fn add(
        &self,
        scores: &mut Scores,
        sample: usize,
        per_reference: impl Iterator<Item = Counts>,
        weight: f64,
        best_by_wlcs: Option<f64>,
    ) -> Result<(), Raised> {
        let score = match self.aggregation {
            Aggregation::Average => {
                let mut total = Counts::ZERO;
                for counts in per_reference {
                    total.evaluated = total.evaluated + counts.evaluated;
                    total.reference = total.reference + counts.reference;
                    total.overlapping = total.overlapping + counts.overlapping;
                }
                counts::prf(total, self.alpha, weight)?
            }
            Aggregation::Best => {
                let mut best: Option<(Prf, f64)> = None;
                for counts in per_reference {
                    let score = counts::prf(counts, self.alpha, weight)?;
                    let key = match best_by_wlcs {
                        Some(w) => {
                            let size = counts.reference.to_f64().powf(1.0 / w);
                            if size == 0.0 {
                                return Err(counts::zero_division());
                            }
                            (counts.overlapping.to_f64() / size).powf(1.0 / w)
                        }
                        None => score.r,
                    };
                    if best.is_none_or(|(_, best_key)| key > best_key) {
                        best = Some((score, key));
                    }
                }
                // There is at least one reference (`references_of`).
                best.map_or(Prf { p: 0.0, r: 0.0, f: 0.0 }, |(score, _)| score)
            }
            Aggregation::Individual => {
                if let Scores::Lists(lists) = scores {
                    for counts in per_reference {
                        lists[sample].push(counts::prf(counts, self.alpha, weight)?);
                    }
                }
                return Ok(());
            }
        };
        if let Scores::Summed(sum) = scores {
            sum.f += score.f;
            sum.p += score.p;
            sum.r += score.r;
        }
        Ok(())
    }

    /// Divides summed figures by the number of documents when there are
    /// several.
    fn finish(&self, scores: Scores, documents: usize) -> Scores {
        match scores {
            Scores::Summed(sum) if documents > 1 => {
                let n = documents as f64;
                Scores::Summed(Prf { p: sum.p / n, r: sum.r / n, f: sum.f / n })
            }
            other => other,
        }
    }
}

/// `references` as py-rouge reads a list: its items when there are
/// several, else `references[0]` (an `IndexError` on an empty list).
fn references_of<'a>(pair: &Pair<'a>) -> Result<&'a [String], Raised> {
    if pair.references.is_empty() {
        return Err(Raised::new("IndexError", "list index out of range"));
    }
    Ok(pair.references)
}

/// `metrics` and `max_n` as the constructor reads them: the `n` of each
/// `rouge-n`, and whether `rouge-l` and `rouge-w` are on.
fn metrics(metrics: Option<&Value>, max_n: Option<&Value>) -> Result<(Vec<usize>, bool, bool), Raised> {
    let max_n = max_n.filter(|v| !v.is_null());
    // `metrics[:]`, then every item must be an available metric.
    let items: Vec<Value> = match metrics {
        None | Some(Value::Null) => {
            // DEFAULT_METRICS is a set: with a max_n, `.index` fails.
            if max_n.is_some() {
                return Err(Raised::new("AttributeError", "'set' object has no attribute 'index'"));
            }
            return Ok((Vec::new(), false, false));
        }
        Some(Value::Array(items)) => items.clone(),
        Some(Value::String(s)) => s.chars().map(|c| Value::from(c.to_string())).collect(),
        Some(Value::Object(_)) => {
            return Err(Raised::new("TypeError", "unhashable type: 'slice'"));
        }
        Some(other) => {
            return Err(Raised::new(
                "TypeError",
                format!("'{}' object is not subscriptable", type_name(other)),
            ));
        }
    };
    for item in &items {
        if let Some(raised) = unhashable(item) {
            return Err(raised);
        }
        if !matches!(item.as_str(), Some("rouge-n" | "rouge-l" | "rouge-w")) {
            return Err(Raised::new("ValueError", format!("Unknown metric '{}'", py_str(item))));
        }
    }
    let has = |name: &str| items.iter().any(|item| item.as_str() == Some(name));
    let ns = match max_n {
        Some(max_n) if has("rouge-n") => rouge_ns(max_n)?,
        _ => Vec::new(),
    };
    Ok((ns, has("rouge-l"), has("rouge-w")))
}

/// `['rouge-{}'.format(n) for n in range(1, max_n + 1)]`, as the `n`s.
fn rouge_ns(max_n: &Value) -> Result<Vec<usize>, Raised> {
    let max = match (as_int(max_n), max_n) {
        (Some(max), _) => max,
        (None, Value::Number(_)) => {
            return Err(Raised::new("TypeError", "'float' object cannot be interpreted as an integer"));
        }
        (None, Value::String(_)) => {
            return Err(Raised::new("TypeError", "can only concatenate str (not \"int\") to str"));
        }
        (None, Value::Array(_)) => {
            return Err(Raised::new("TypeError", "can only concatenate list (not \"int\") to list"));
        }
        (None, other) => {
            return Err(Raised::new(
                "TypeError",
                format!("unsupported operand type(s) for +: '{}' and 'int'", type_name(other)),
            ));
        }
    };
    if max > MAX_N {
        return Err(Raised::new(
            "MemoryError",
            format!("sumbench: max_n={max} asks for more than {MAX_N} ROUGE-N metrics"),
        ));
    }
    Ok((1..=max.max(0)).map(|n| n as usize).collect())
}

/// `{"f", "p", "r"}` of summed figures.
fn prf_json(score: Prf) -> Value {
    let mut map = Map::new();
    map.insert("f".into(), Value::from(score.f));
    map.insert("p".into(), Value::from(score.p));
    map.insert("r".into(), Value::from(score.r));
    Value::Object(map)
}

/// `[{"f": [...], "p": [...], "r": [...]}]`, one item per document.
fn lists_json(lists: &[Vec<Prf>]) -> Value {
    Value::Array(
        lists
            .iter()
            .map(|scores| {
                let column = |pick: fn(&Prf) -> f64| {
                    Value::Array(scores.iter().map(|s| Value::from(pick(s))).collect())
                };
                let mut map = Map::new();
                map.insert("f".into(), column(|s| s.f));
                map.insert("p".into(), column(|s| s.p));
                map.insert("r".into(), column(|s| s.r));
                Value::Object(map)
            })
            .collect(),
    )
}

impl Package for PyRouge {
    fn name(&self) -> &'static str {
        "py-rouge"
    }

    /// `Rouge(**init).get_scores([candidate], [references])`.
    fn call(&self, candidate: &str, references: &[String]) -> Result<Value, Raised> {
        let pair = Pair { candidate, references };
        let mut map = Map::new();
        for (key, scores) in self.get_scores(&[pair])? {
            let value = match &scores {
                Scores::Summed(score) => prf_json(*score),
                Scores::Lists(lists) => lists_json(lists),
            };
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    /// `Rouge(**init).get_scores(all_candidates, all_reference_lists)`
    /// under `apply_avg` or `apply_best`: each document's figure (averaged
    /// or best over its references) summed, then divided by the number of
    /// documents when there are several. Without either there is no single
    /// figure: a sumbench `ValueError`.
    fn corpus(&self, pairs: &[Pair<'_>]) -> Result<Figures, Raised> {
        if self.aggregation == Aggregation::Individual {
            return Err(Raised::new(
                "ValueError",
                "sumbench: py-rouge with apply_avg=False and apply_best=False returns one score \
                 per document and reference, no corpus figure",
            ));
        }
        let mut figures = Figures::new();
        for (key, scores) in self.get_scores(pairs)? {
            if let Scores::Summed(score) = scores {
                figures.insert(
                    key,
                    Figure { precision: Some(score.p), recall: Some(score.r), fmeasure: score.f },
                );
            }
        }
        Ok(figures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rouge(init: Value) -> PyRouge {
        let Value::Object(init) = init else { panic!("init must be an object") };
        PyRouge::new(&PackageOptions { init, call: Map::new() }).expect("valid options")
    }

    fn refs(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_owned()).collect()
    }

    /// Two documents: "the cat" against references "a dog" and "the cat",
    /// and "x y" against "x y" (no token longer than 3 characters, so
    /// stemming changes nothing).
    ///
    /// apply_avg sums counts over references: document 1 has candidate
    /// n-grams 2 + 2 (R-1) or 1 + 1 (R-2), reference n-grams the same, and
    /// overlap 0 + 2 (or 0 + 1), so P = R = 1/2 and F = (1/4) / (1/4 + 1/4)
    /// = 1/2 for R-1, R-2 and R-L (LCS 0 and 2 of 2 + 2 tokens). Document 2
    /// scores 1. The corpus figure is their sum over 2: 0.75, exactly.
    /// apply_best keeps "the cat" (recall 1 beats 0): (1 + 1) / 2 = 1.
    #[test]
    fn corpus_divides_the_documents_sum_by_their_number() {
        let first = refs(&["a dog", "the cat"]);
        let second = refs(&["x y"]);
        let pairs = [
            Pair { candidate: "the cat", references: &first },
            Pair { candidate: "x y", references: &second },
        ];
        let init = json!({"metrics": ["rouge-n", "rouge-l"], "max_n": 2});
        let figures = rouge(init).corpus(&pairs).unwrap();
        assert_eq!(figures.keys().collect::<Vec<_>>(), ["rouge-1", "rouge-2", "rouge-l"]);
        for figure in figures.values() {
            assert_eq!(figure.precision, Some(0.75));
            assert_eq!(figure.recall, Some(0.75));
            assert_eq!(figure.fmeasure, 0.75);
        }
        let best = json!({"metrics": ["rouge-n", "rouge-l"], "max_n": 2,
                          "apply_avg": false, "apply_best": true});
        for figure in rouge(best).corpus(&pairs).unwrap().values() {
            assert_eq!((figure.precision, figure.recall, figure.fmeasure), (Some(1.0), Some(1.0), 1.0));
        }
    }

    /// With one document the sum is not divided; with none, py-rouge
    /// returns its starting zeros (`{stat: 0.0}` per metric).
    #[test]
    fn corpus_of_one_and_of_no_documents() {
        let references = refs(&["x y"]);
        let one = [Pair { candidate: "x y", references: &references }];
        let init = json!({"metrics": ["rouge-w"], "weight_factor": 1.2});
        let figures = rouge(init.clone()).corpus(&one).unwrap();
        // "x y" vs "x y", w = 1.2: one run of 2 hits → 2^1.2 of sizes 2^1.2
        // and (2^1.2)^1.2; P = 1^(1/1.2) = 1, R = (2^1.2 / 2^1.44)^(1/1.2)
        // = 2^(-0.2) ≈ 0.87 (to rounding).
        let w = &figures["rouge-w"];
        assert_eq!(w.precision, Some(1.0));
        assert!((w.recall.unwrap() - 2f64.powf(-0.2)).abs() < 1e-12);
        let none = rouge(init).corpus(&[]).unwrap();
        assert_eq!(none["rouge-w"].fmeasure, 0.0);
        assert_eq!(none["rouge-w"].precision, Some(0.0));
    }

    #[test]
    fn corpus_without_an_aggregation_is_refused() {
        let raised = rouge(json!({"metrics": ["rouge-l"], "apply_avg": false})).corpus(&[]).unwrap_err();
        assert_eq!(raised.kind, "ValueError");
        assert!(raised.message.starts_with("sumbench: "), "{raised}");
    }

    #[test]
    fn option_errors_are_pythons() {
        // Python 3.11.7, py-rouge 1.1:
        //   Rouge(foo=1) → TypeError: Rouge.__init__() got an unexpected
        //   keyword argument 'foo'; Rouge(max_n=2) → AttributeError: 'set'
        //   object has no attribute 'index'; Rouge().get_scores(h, r, foo=1)
        //   → TypeError: Rouge.get_scores() got an unexpected keyword
        //   argument 'foo'.
        let build = |init: Value, call: Value| {
            let (Value::Object(init), Value::Object(call)) = (init, call) else { panic!("objects") };
            PyRouge::new(&PackageOptions { init, call }).unwrap_err()
        };
        assert_eq!(build(json!({"foo": 1}), json!({})), Raised::unexpected_keyword("Rouge.__init__", "foo"));
        assert_eq!(
            build(json!({"foo": 1}), json!({})).message,
            "Rouge.__init__() got an unexpected keyword argument 'foo'"
        );
        assert_eq!(
            build(json!({"max_n": 2}), json!({})),
            Raised::new("AttributeError", "'set' object has no attribute 'index'")
        );
        assert_eq!(
            build(json!({}), json!({"foo": 1})).message,
            "Rouge.get_scores() got an unexpected keyword argument 'foo'"
        );
    }

    /// apply_avg sums n-gram counts over references, and an empty
    /// reference has `0 - (2 - 1) = -1` bigrams: "a b" against "a b", "",
    /// "" gives candidate bigrams 1 + 1 + 1 = 3, reference bigrams
    /// 1 - 1 - 1 = -1, overlap 1, so P = 1/3, R = 1 / -1 = -1 and
    /// F = (1/3)(-1) / ((1/3)/2 - 1/2). py-rouge 1.1 itself returns
    /// {'f': 0.9999999999999999, 'p': 0.3333333333333333, 'r': -1.0}.
    #[test]
    fn averaged_counts_can_go_negative() {
        let got =
            rouge(json!({"metrics": ["rouge-n"], "max_n": 2})).call("a b", &refs(&["a b", "", ""])).unwrap();
        assert_eq!(got["rouge-2"], json!({"f": 0.9999999999999999, "p": 0.3333333333333333, "r": -1.0}));
    }

    /// `Rouge()` computes nothing: `max_n=None` keeps the lone `rouge-n`.
    #[test]
    fn no_arguments_compute_nothing() {
        let got = rouge(json!({})).call("a b", &refs(&["a b"])).unwrap();
        assert_eq!(got, json!({}));
    }
}
