//! `rouge` 1.0.1 (pltrdy/rouge): `Rouge(**init).get_scores(hyps, refs,
//! **call)`, every quirk kept: sentences cut at every `.`, tokens split on
//! single spaces (case kept, punctuation glued), n-gram *sets* (or lists with
//! `exclusive=False`), the summary-level ROUGE-L union of LCS words and its
//! recursive reconstruction's `RecursionError`, F = 2PR/(P+R+1e-8).
//!
//! `rouge-chinese` 1.0.3 is a fork that differs only in how text becomes
//! sentences and how ROUGE-L counts: it reuses [`Rouge`] with its own
//! [`Dialect`] (see `rouge_chinese.rs`).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value};

use super::kwargs::truthy;
use super::python::{check_keywords, normalize_spaces, type_name};
use super::{Figure, Figures, Package, PackageOptions, Pair, Raised};
use crate::metrics::pystr;

/// How one member of the pltrdy family turns text into sentences and
/// counts ROUGE-L; everything else (options, ROUGE-N, F, averaging,
/// errors) is shared.
pub(super) struct Dialect {
    /// The name case files use.
    pub(super) name: &'static str,
    /// Raw sentence pieces of a text, before `" ".join(piece.split())`
    /// and before empty pieces are dropped.
    pub(super) pieces: fn(&str) -> Vec<String>,
    /// ROUGE-L of the candidate's sentences against the reference's, each
    /// non-empty; `exclusive` as the constructor got it.
    pub(super) rouge_l: RougeL,
}

/// A ROUGE-L counter: candidate sentences, reference sentences, `exclusive`.
pub(super) type RougeL = fn(&[String], &[String], bool) -> Result<Counts, Raised>;

/// pltrdy's own dialect: `text.split(".")`, summary-level union LCS.
pub(super) const PLTRDY: Dialect = Dialect {
    name: "rouge",
    pieces: |text| text.split('.').map(str::to_owned).collect(),
    rouge_l: rouge_l_summary_level,
};

/// Builds pltrdy's `rouge` under `options`.
pub(super) fn package(options: &PackageOptions) -> Result<Box<dyn Package>, Raised> {
    Ok(Box::new(Rouge::new(&PLTRDY, options)?))
}

/// The counts behind one metric of one pair: hypothesis size, reference
/// size and overlap, as `raw_results=True` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Counts {
    /// Size of the hypothesis (n-grams, words or distinct ones).
    pub(super) hyp: usize,
    /// Size of the reference.
    pub(super) reference: usize,
    /// What they share.
    pub(super) overlap: usize,
}

impl Counts {
    /// `(f, p, r)`: P and R 0.0 on an empty side, F = 2·P·R/(P+R+1e-8).
    fn score(self) -> (f64, f64, f64) {
        let ratio = |size: usize| {
            if size == 0 { 0.0 } else { self.overlap as f64 / size as f64 }
        };
        let (p, r) = (ratio(self.hyp), ratio(self.reference));
        (2.0 * ((p * r) / (p + r + 1e-8)), p, r)
    }

    /// The value of `stat` (`f`, `p`, `r`, or `hyp`, `ref`, `overlap`).
    fn stat(self, stat: &str) -> Value {
        let (f, p, r) = self.score();
        match stat {
            "f" => Value::from(f),
            "p" => Value::from(p),
            "r" => Value::from(r),
            "hyp" => Value::from(self.hyp),
            "ref" => Value::from(self.reference),
            _ => Value::from(self.overlap),
        }
    }
}

/// A metric of `AVAILABLE_METRICS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Metric {
    /// `rouge-1` … `rouge-5`.
    N(usize),
    /// `rouge-l`.
    L,
}

/// The package under its constructor and call keyword arguments.
pub(super) struct Rouge {
    dialect: &'static Dialect,
    /// `(name, metric)` in the order given.
    metrics: Vec<(String, Metric)>,
    /// The stats each metric reports, in order.
    stats: Vec<String>,
    return_lengths: bool,
    raw_results: bool,
    exclusive: bool,
    avg: bool,
    ignore_empty: bool,
}

impl Rouge {
    /// `Rouge(**options.init)` with `get_scores(..., **options.call)`.
    pub(super) fn new(dialect: &'static Dialect, options: &PackageOptions) -> Result<Self, Raised> {
        let init = &options.init;
        check_keywords(
            "Rouge.__init__",
            &["metrics", "stats", "return_lengths", "raw_results", "exclusive"],
            init,
        )?;
        let flag = |map: &Map<String, Value>, key: &str, default: bool| map.get(key).map_or(default, truthy);
        let metrics = match init.get("metrics") {
            None | Some(Value::Null) => vec![
                ("rouge-1".to_owned(), Metric::N(1)),
                ("rouge-2".to_owned(), Metric::N(2)),
                ("rouge-l".to_owned(), Metric::L),
            ],
            Some(value) => lowered(value)?
                .into_iter()
                .map(|name| match metric(&name) {
                    Some(m) => Ok((name, m)),
                    None => Err(Raised::new("ValueError", format!("Unknown metric '{name}'"))),
                })
                .collect::<Result<_, _>>()?,
        };
        let raw_results = flag(init, "raw_results", false);
        let stats = if raw_results {
            vec!["hyp".into(), "ref".into(), "overlap".into()]
        } else {
            match init.get("stats") {
                None | Some(Value::Null) => vec!["r".into(), "p".into(), "f".into()],
                Some(value) => {
                    let stats = lowered(value)?;
                    if let Some(bad) = stats.iter().find(|s| !["r", "p", "f"].contains(&s.as_str())) {
                        return Err(Raised::new("ValueError", format!("Unknown stat '{bad}'")));
                    }
                    stats
                }
            }
        };
        let call = &options.call;
        check_keywords("Rouge.get_scores", &["avg", "ignore_empty"], call)?;
        Ok(Rouge {
            dialect,
            metrics,
            stats,
            return_lengths: flag(init, "return_lengths", false),
            raw_results,
            exclusive: flag(init, "exclusive", true),
            avg: flag(call, "avg", false),
            ignore_empty: flag(call, "ignore_empty", false),
        })
    }

    /// Python's `[" ".join(_.split()) for _ in pieces(text) if len(_) > 0]`.
    fn sentences(&self, text: &str) -> Vec<String> {
        (self.dialect.pieces)(text)
            .into_iter()
            .filter(|piece| !piece.is_empty())
            .map(|piece| normalize_spaces(&piece))
            .collect()
    }

    /// One metric of one pair, raising as the package's function does.
    fn counts(&self, metric: Metric, hyp: &[String], reference: &[String]) -> Result<Counts, Raised> {
        match metric {
            Metric::N(n) => rouge_n(hyp, reference, n, self.exclusive),
            Metric::L => {
                if hyp.is_empty() || reference.is_empty() {
                    return Err(Raised::new("ValueError", "Collections must contain at least 1 sentence."));
                }
                (self.dialect.rouge_l)(hyp, reference, self.exclusive)
            }
        }
    }

    /// `get_scores`' filtering: `ignore_empty` drops pairs whose raw
    /// strings are empty, and `zip(*[])` raises when none is left.
    fn kept<'a>(&self, pairs: Vec<(&'a str, &'a str)>) -> Result<Vec<(&'a str, &'a str)>, Raised> {
        if !self.ignore_empty {
            return Ok(pairs);
        }
        let kept: Vec<_> =
            pairs.into_iter().filter(|(hyp, reference)| !hyp.is_empty() && !reference.is_empty()).collect();
        if kept.is_empty() {
            return Err(Raised::new("ValueError", "not enough values to unpack (expected 2, got 0)"));
        }
        Ok(kept)
    }

    /// `_get_scores`: one dict per pair.
    fn scores(&self, pairs: &[(&str, &str)]) -> Result<Value, Raised> {
        let mut out = Vec::with_capacity(pairs.len());
        for (hyp, reference) in pairs {
            let hyp = self.sentences(hyp);
            let reference = self.sentences(reference);
            let mut scores = Map::new();
            for (name, metric) in &self.metrics {
                let counts = self.counts(*metric, &hyp, &reference)?;
                let stats = self.stats.iter().map(|s| (s.clone(), counts.stat(s)));
                scores.insert(name.clone(), Value::Object(stats.collect()));
            }
            if self.return_lengths {
                let (h, r) = (word_count(&hyp), word_count(&reference));
                scores.insert("lengths".into(), serde_json::json!({"hyp": h, "ref": r}));
            }
            out.push(Value::Object(scores));
        }
        Ok(Value::Array(out))
    }

    /// `_get_avg_scores`: per metric and stat, the plain mean over pairs
    /// (a sum started at `0`, then `/ count`); lengths likewise.
    fn average(&self, pairs: &[(&str, &str)]) -> Result<Average, Raised> {
        // One sum per distinct name: a metric named twice (`rouge-l`,
        // `ROUGE-L`) adds into the same sum twice per pair, as in Python.
        let mut names: Vec<&str> = Vec::new();
        for (name, _) in &self.metrics {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        let mut sums: Vec<Vec<f64>> = vec![vec![0.0; self.stats.len()]; names.len()];
        let mut lengths = (0usize, 0usize);
        for (hyp, reference) in pairs {
            let hyp = self.sentences(hyp);
            let reference = self.sentences(reference);
            for (name, metric) in &self.metrics {
                let counts = self.counts(*metric, &hyp, &reference)?;
                if self.raw_results {
                    // The scores dict has no `hyp`: `sc[s]` raises.
                    return Err(Raised::new("KeyError", "'hyp'"));
                }
                let (f, p, r) = counts.score();
                let index = names.iter().position(|n| n == name).unwrap_or(0);
                for (stat, sum) in self.stats.iter().zip(sums[index].iter_mut()) {
                    *sum += match stat.as_str() {
                        "f" => f,
                        "p" => p,
                        _ => r,
                    };
                }
            }
            lengths.0 += word_count(&hyp);
            lengths.1 += word_count(&reference);
        }
        let count = pairs.len();
        let divides = !self.metrics.is_empty() && !self.stats.is_empty();
        if count == 0 && (divides || self.return_lengths) {
            return Err(Raised::new("ZeroDivisionError", "division by zero"));
        }
        let metrics = names
            .into_iter()
            .zip(sums)
            .map(|(name, sums)| {
                let means = self.stats.iter().zip(sums).map(|(s, sum)| (s.clone(), sum / count as f64));
                (name.to_owned(), means.collect())
            })
            .collect();
        let lengths =
            self.return_lengths.then(|| (lengths.0 as f64 / count as f64, lengths.1 as f64 / count as f64));
        Ok(Average { metrics, lengths })
    }

    /// `get_scores(hyps, refs, avg, ignore_empty)` on aligned pairs.
    fn get_scores(&self, pairs: Vec<(&str, &str)>, avg: bool) -> Result<Value, Raised> {
        let pairs = self.kept(pairs)?;
        if !avg {
            return self.scores(&pairs);
        }
        let average = self.average(&pairs)?;
        let mut out = Map::new();
        for (name, means) in average.metrics {
            let means = means.into_iter().map(|(s, v)| (s, Value::from(v)));
            out.insert(name, Value::Object(means.collect()));
        }
        if let Some((h, r)) = average.lengths {
            out.insert("lengths".into(), serde_json::json!({"hyp": h, "ref": r}));
        }
        Ok(Value::Object(out))
    }
}

/// What `_get_avg_scores` returns: mean stats per metric, mean lengths.
struct Average {
    metrics: Vec<(String, BTreeMap<String, f64>)>,
    lengths: Option<(f64, f64)>,
}

impl Package for Rouge {
    fn name(&self) -> &'static str {
        self.dialect.name
    }

    /// `get_scores([candidate] * k, references, **call)`: the candidate
    /// paired with each reference (the package has no multi-reference
    /// mode).
    fn call(&self, candidate: &str, references: &[String]) -> Result<Value, Raised> {
        let pairs = references.iter().map(|r| (candidate, r.as_str())).collect();
        self.get_scores(pairs, self.avg)
    }

    /// `get_scores(hyps, refs, avg=True)` over every candidate paired with
    /// each of its references (the `ignore_empty` given kept): the plain
    /// mean of the pairs' P, R and F (F averaged, not recomputed).
    fn corpus(&self, pairs: &[Pair<'_>]) -> Result<Figures, Raised> {
        let aligned = pairs
            .iter()
            .flat_map(|pair| pair.references.iter().map(|r| (pair.candidate, r.as_str())))
            .collect();
        let average = self.average(&self.kept(aligned)?)?;
        Ok(average
            .metrics
            .into_iter()
            .map(|(name, means)| {
                let figure = Figure {
                    precision: means.get("p").copied(),
                    recall: means.get("r").copied(),
                    fmeasure: means.get("f").copied().unwrap_or(f64::NAN),
                };
                (name, figure)
            })
            .collect())
    }
}

/// `[m.lower() for m in value]`: a list (or a string, iterated by
/// character) of strings, lowercased.
fn lowered(value: &Value) -> Result<Vec<String>, Raised> {
    match value {
        Value::String(s) => Ok(s.chars().map(|c| c.to_lowercase().collect()).collect()),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.to_lowercase()),
                other => Err(Raised::new(
                    "AttributeError",
                    format!("'{}' object has no attribute 'lower'", type_name(other)),
                )),
            })
            .collect(),
        other => Err(Raised::new("TypeError", format!("'{}' object is not iterable", type_name(other)))),
    }
}

/// The metric named `name` in `AVAILABLE_METRICS`.
fn metric(name: &str) -> Option<Metric> {
    match name {
        "rouge-1" => Some(Metric::N(1)),
        "rouge-2" => Some(Metric::N(2)),
        "rouge-3" => Some(Metric::N(3)),
        "rouge-4" => Some(Metric::N(4)),
        "rouge-5" => Some(Metric::N(5)),
        "rouge-l" => Some(Metric::L),
        _ => None,
    }
}

/// `len(" ".join(sentences).split())`, the `lengths` entry.
fn word_count(sentences: &[String]) -> usize {
    sentences.iter().map(|s| pystr::split(s).count()).sum()
}

/// `_split_into_words`: every sentence `.split(" ")`, flattened (a
/// sentence that was whitespace only gives one empty word).
pub(super) fn words(sentences: &[String]) -> Vec<&str> {
    sentences.iter().flat_map(|s| s.split(' ')).collect()
}

/// `rouge_n`: n-grams over all words of each side, as sets (`exclusive`)
/// or lists (overlap: multiset intersection).
pub(super) fn rouge_n(
    hyp: &[String],
    reference: &[String],
    n: usize,
    exclusive: bool,
) -> Result<Counts, Raised> {
    if hyp.is_empty() {
        return Err(Raised::new("ValueError", "Hypothesis is empty."));
    }
    if reference.is_empty() {
        return Err(Raised::new("ValueError", "Reference is empty."));
    }
    fn grams(sentences: &[String], n: usize) -> HashMap<Vec<&str>, usize> {
        let words = words(sentences);
        let mut counts: HashMap<Vec<&str>, usize> = HashMap::new();
        if words.len() >= n {
            for gram in words.windows(n) {
                *counts.entry(gram.to_vec()).or_default() += 1;
            }
        }
        counts
    }
    let (h, r) = (grams(hyp, n), grams(reference, n));
    let size = |counts: &HashMap<Vec<&str>, usize>| {
        if exclusive { counts.len() } else { counts.values().sum() }
    };
    let overlap = h
        .iter()
        .filter_map(|(gram, &count)| r.get(gram).map(|&other| if exclusive { 1 } else { count.min(other) }))
        .sum();
    Ok(Counts { hyp: size(&h), reference: size(&r), overlap })
}

/// The length of the longest common subsequence of `x` and `y`, in one
/// row of memory.
pub(super) fn lcs_length(x: &[&str], y: &[&str]) -> usize {
    let mut row = vec![0usize; y.len() + 1];
    for a in x {
        let mut diagonal = 0;
        for (j, b) in y.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if a == b { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[y.len()]
}

/// The LCS length table of `x` (rows) and `y` (columns), row-major with
/// `y.len() + 1` columns.
fn lcs_table(x: &[&str], y: &[&str]) -> Vec<u32> {
    let width = y.len() + 1;
    let mut table = vec![0u32; (x.len() + 1) * width];
    for i in 1..=x.len() {
        for j in 1..=y.len() {
            table[i * width + j] = if x[i - 1] == y[j - 1] {
                table[(i - 1) * width + j - 1] + 1
            } else {
                table[(i - 1) * width + j].max(table[i * width + j - 1])
            };
        }
    }
    table
}

/// Python's recursion limit (`sys.getrecursionlimit()`, 1000 by default).
const RECURSION_LIMIT: usize = 1000;

/// Frames on Python's stack when the user calls `get_scores`: the
/// caller's own. The conformance oracle's depth is unknown (its cases
/// only bound it: a path of 219 steps passes, one of 1,100 raises); we
/// assume a script calling from its module level through one function
/// (`<module>`, `main`): 2. Each frame more moves the threshold by one
/// step (measured with Python 3.11.7: from such a caller, 991 identical
/// words pass and 992 raise).
const CALLER_FRAMES: usize = 2;

/// Frames between the caller and the first `_recon`: `get_scores`,
/// `_get_scores` (or `_get_avg_scores`), the metric's `lambda`,
/// `rouge_l_summary_level`, `_union_lcs`, `_recon_lcs`.
const LIBRARY_FRAMES: usize = 6;

/// Python's cached small ints reach 256: a dict lookup whose tuple key
/// holds a larger index compares that item with `PyObject_RichCompare`.
const SMALL_INT_MAX: usize = 256;

/// `_recon_lcs(x, y)`'s LCS words (`x` = reference words = rows), by
/// the package's path: on a match diagonal, else up if
/// `table[i-1][j] > table[i][j-1]`, else left.
///
/// The package walks the path recursively, one `_recon` frame per step
/// plus the last call at `i == 0 or j == 0`, and CPython 3.11 counts
/// every frame and every `PyObject_RichCompare` against the limit of
/// [`RECURSION_LIMIT`]. With `d` the frame's depth (caller, library and
/// `_recon` frames) and `R = 1000 - d` what is left:
/// - a frame beyond the limit (`d > 1000`) raises `maximum recursion
///   depth exceeded` (a diagonal step's call);
/// - a step up or left looks up `table[i - 1, j]` and `table[i, j - 1]`:
///   each dict lookup compares the fresh tuple key with the stored one (one
///   level, needs `R ≥ 1`), and its items too where an index is not a
///   cached small int (`> 256`: a second level, needs `R ≥ 2`); short of
///   that it raises `maximum recursion depth exceeded in comparison`.
///   (The word and index comparisons are specialized and never count.)
///
/// This model matched the real package on 300 random pairs of 900–1,010
/// words (both messages and successes) and on the conformance cases.
fn recon_lcs<'a>(x: &[&'a str], y: &[&str]) -> Result<Vec<&'a str>, Raised> {
    let width = y.len() + 1;
    let table = lcs_table(x, y);
    let (mut i, mut j) = (x.len(), y.len());
    let mut depth = CALLER_FRAMES + LIBRARY_FRAMES;
    let mut out = Vec::new();
    loop {
        depth += 1;
        if depth > RECURSION_LIMIT {
            return Err(Raised::new("RecursionError", "maximum recursion depth exceeded"));
        }
        if i == 0 || j == 0 {
            break;
        }
        if x[i - 1] == y[j - 1] {
            out.push(x[i - 1]);
            i -= 1;
            j -= 1;
            continue;
        }
        let left = RECURSION_LIMIT - depth;
        if left == 0 || (left == 1 && i.max(j) > SMALL_INT_MAX) {
            return Err(Raised::new("RecursionError", "maximum recursion depth exceeded in comparison"));
        }
        if table[(i - 1) * width + j] > table[i * width + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    Ok(out)
}

/// `rouge_l_summary_level`: for each reference sentence, the LCS words
/// against each candidate sentence go into one union for the whole summary
/// (a set of words, or with `exclusive=False` a list, concatenated);
/// R = |union| / |reference words|, P = |union| / |candidate words|, sizes
/// distinct with `exclusive`.
fn rouge_l_summary_level(hyp: &[String], reference: &[String], exclusive: bool) -> Result<Counts, Raised> {
    let size = |words: &[&str]| {
        if exclusive { words.iter().collect::<HashSet<_>>().len() } else { words.len() }
    };
    let m = size(&words(reference));
    let n = size(&words(hyp));
    let hyp_sentences: Vec<Vec<&str>> = hyp.iter().map(|s| s.split(' ').collect()).collect();
    let mut union: HashSet<&str> = HashSet::new();
    let mut listed = 0;
    for sentence in reference {
        let reference_words: Vec<&str> = sentence.split(' ').collect();
        for hyp_words in &hyp_sentences {
            let lcs = recon_lcs(&reference_words, hyp_words)?;
            if exclusive {
                union.extend(lcs);
            } else {
                listed += lcs.len();
            }
        }
    }
    let overlap = if exclusive { union.len() } else { listed };
    Ok(Counts { hyp: n, reference: m, overlap })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rouge(init: Value, call: Value) -> Result<Rouge, Raised> {
        let options = PackageOptions {
            init: init.as_object().cloned().unwrap_or_default(),
            call: call.as_object().cloned().unwrap_or_default(),
        };
        Rouge::new(&PLTRDY, &options)
    }

    #[test]
    fn unknown_keywords_raise_as_python_does() {
        // Messages from rouge 1.0.1 under Python 3.11.7.
        let e = rouge(json!({"foo": 1}), json!({})).err().unwrap();
        assert_eq!(e.to_string(), "TypeError: Rouge.__init__() got an unexpected keyword argument 'foo'");
        let e = rouge(json!({}), json!({"foo": 1})).err().unwrap();
        assert_eq!(e.to_string(), "TypeError: Rouge.get_scores() got an unexpected keyword argument 'foo'");
        let e = rouge(json!({"metrics": ["rouge-x"]}), json!({})).err().unwrap();
        assert_eq!(e.to_string(), "ValueError: Unknown metric 'rouge-x'");
        let e = rouge(json!({"stats": ["F", "q"]}), json!({})).err().unwrap();
        assert_eq!(e.to_string(), "ValueError: Unknown stat 'q'");
    }

    #[test]
    fn corpus_is_the_plain_mean_over_candidate_reference_pairs() {
        let rouge = rouge(json!({"metrics": ["rouge-1"]}), json!({})).unwrap();
        let refs_a = vec!["a b".to_owned(), "a c".to_owned()];
        let refs_b = vec!["x y z".to_owned()];
        let pairs =
            [Pair { candidate: "a b", references: &refs_a }, Pair { candidate: "x q", references: &refs_b }];
        // Unigram sets. Pairs: ("a b","a b") P=R=1; ("a b","a c") P=R=1/2;
        // ("x q","x y z") P=1/2, R=1/3. Means: P=(1+0.5+0.5)/3=2/3,
        // R=(1+0.5+1/3)/3=11/18, F = mean of 2PR/(P+R+1e-8) per pair.
        let f = |p: f64, r: f64| 2.0 * ((p * r) / (p + r + 1e-8));
        let figures = rouge.corpus(&pairs).unwrap();
        let figure = figures["rouge-1"];
        assert_eq!(figure.precision, Some((0.0 + 1.0 + 0.5 + 0.5) / 3.0));
        assert_eq!(figure.recall, Some((0.0 + 1.0 + 0.5 + 1.0 / 3.0) / 3.0));
        let want = (0.0 + f(1.0, 1.0) + f(0.5, 0.5) + f(0.5, 1.0 / 3.0)) / 3.0;
        assert_eq!(figure.fmeasure, want);
    }

    #[test]
    fn a_metric_named_twice_is_summed_twice_by_avg() {
        // rouge 1.0.1: `Rouge(metrics=["rouge-1", "ROUGE-1"]).get_scores(["a b"],
        // ["a c"], avg=True)` adds P = R = 1/2 twice into one sum: 1.0, and F
        // = 2 * 2·(1/4)/(1 + 1e-8), printed by Python as 0.9999999900000002.
        let rouge = rouge(json!({"metrics": ["rouge-1", "ROUGE-1"]}), json!({"avg": true})).unwrap();
        let out = rouge.call("a b", &["a c".to_owned()]).unwrap();
        assert_eq!(out, json!({"rouge-1": {"r": 1.0, "p": 1.0, "f": 0.9999999900000002}}));
    }

    #[test]
    fn corpus_with_raw_results_raises_key_error_as_avg_does() {
        let rouge = rouge(json!({"raw_results": true}), json!({})).unwrap();
        let refs = vec!["a".to_owned()];
        let pairs = [Pair { candidate: "a", references: &refs }];
        assert_eq!(rouge.corpus(&pairs).unwrap_err(), Raised::new("KeyError", "'hyp'"));
    }

    #[test]
    fn recursion_error_starts_where_python_3_11_raised_it() {
        // Measured with rouge 1.0.1 under Python 3.11.7, `Rouge(metrics=
        // ["rouge-l"]).get_scores([h], [r])` called from a function at module
        // level: n identical words pass at n = 991 and raise the plain
        // message at 992 (a diagonal call past 1,000 frames); n words `b`
        // against the one word `a` pass at 991 and raise "in comparison" at
        // 992 (a step left at the 1,000th frame looks up the table).
        let rouge = rouge(json!({"metrics": ["rouge-l"]}), json!({})).unwrap();
        let text = |word: &str, n| vec![word; n].join(" ");
        assert!(rouge.call(&text("w", 991), &[text("w", 991)]).is_ok());
        assert!(rouge.call(&text("b", 991), &["a".to_owned()]).is_ok());
        let e = rouge.call(&text("w", 992), &[text("w", 992)]).unwrap_err();
        assert_eq!(e, Raised::new("RecursionError", "maximum recursion depth exceeded"));
        let e = rouge.call(&text("b", 992), &["a".to_owned()]).unwrap_err();
        assert_eq!(e, Raised::new("RecursionError", "maximum recursion depth exceeded in comparison"));
    }
}
