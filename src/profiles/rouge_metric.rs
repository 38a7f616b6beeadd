//! `rouge-metric` 1.0.1 (li-plus/rouge-metric), its pure-Python `PyRouge`:
//! `PyRouge(**init).evaluate(hypotheses, multi_references)`. Sentences are
//! lines, tokens `str.split()` (no lowercasing, punctuation or stemming);
//! ROUGE-N, ROUGE-L (union LCS with unigram clipping), ROUGE-W, ROUGE-S and
//! ROUGE-SU, references combined by summed counts (`average`) or the best
//! recall (`best`), documents by mean P and R (`average`) or one by one.
//!
//! Errors are raised where, and in the order, the package raises them: the
//! `mode` first, then per metric its `multi_ref_mode`, the weight, an empty
//! reference list, `alpha`.

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use super::kwargs::truthy;
use super::python::{as_int, check_keywords, number_str, type_name};
use super::{Figure, Figures, Package, PackageOptions, Pair, Raised};
use crate::metrics::pystr::split;

/// Builds `PyRouge(**init)` with `evaluate(..., **call)`.
pub(super) fn package(options: &PackageOptions) -> Result<Box<dyn Package>, Raised> {
    Ok(Box::new(PyRouge::new(options)?))
}

/// A summary: its sentences (lines), each its tokens.
type Summary<'a> = Vec<Vec<&'a str>>;

/// `PyRouge`'s constructor arguments, as given.
struct PyRouge {
    rouge_n: Value,
    rouge_l: bool,
    rouge_w: bool,
    rouge_w_weight: Value,
    rouge_s: bool,
    rouge_su: bool,
    skip_gap: Value,
    multi_ref_mode: Value,
    alpha: Value,
    mode: Value,
}

/// `_Match`: matches, hypothesis size, reference size (ints, or floats
/// for ROUGE-W; held as `f64`, exact for the integer counts).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Match {
    matches: f64,
    hyp: f64,
    reference: f64,
}

impl Match {
    fn add(self, other: Match) -> Match {
        Match {
            matches: self.matches + other.matches,
            hyp: self.hyp + other.hyp,
            reference: self.reference + other.reference,
        }
    }
}

/// One metric's `{"r", "p", "f"}`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Score {
    p: f64,
    r: f64,
    f: f64,
}

impl Score {
    fn to_json(self) -> Value {
        serde_json::json!({"r": self.r, "p": self.p, "f": self.f})
    }
}

/// `_div_or_zero`: 0.0 when the divisor is (close to) zero; `isclose(x, 0)`
/// with its default tolerances holds only for `x == 0`.
fn div_or_zero(dividend: f64, divisor: f64) -> f64 {
    if divisor == 0.0 { 0.0 } else { dividend / divisor }
}

/// How references of one hypothesis combine (`multi_ref_mode`).
#[derive(Debug, Clone, Copy)]
enum MultiRef {
    /// Counts summed.
    Average,
    /// The reference with the highest recall, first on ties.
    Best,
}

impl PyRouge {
    fn new(options: &PackageOptions) -> Result<Self, Raised> {
        let init = &options.init;
        check_keywords(
            "PyRouge.__init__",
            &[
                "rouge_n",
                "rouge_l",
                "rouge_w",
                "rouge_w_weight",
                "rouge_s",
                "rouge_su",
                "skip_gap",
                "multi_ref_mode",
                "alpha",
                "mode",
            ],
            init,
        )?;
        check_keywords("PyRouge.evaluate", &["sentencizer", "tokenizer"], &options.call)?;
        if let Some((_, value)) = options.call.iter().find(|(_, v)| !v.is_null()) {
            return Err(Raised::new("TypeError", format!("'{}' object is not callable", type_name(value))));
        }
        let get = |key: &str, default: Value| init.get(key).cloned().unwrap_or(default);
        let flag = |key: &str, default: bool| init.get(key).map_or(default, truthy);
        Ok(PyRouge {
            rouge_n: get("rouge_n", serde_json::json!([1, 2])),
            rouge_l: flag("rouge_l", true),
            rouge_w: flag("rouge_w", false),
            rouge_w_weight: get("rouge_w_weight", Value::from(1.2)),
            rouge_s: flag("rouge_s", false),
            rouge_su: flag("rouge_su", false),
            skip_gap: get("skip_gap", Value::Null),
            multi_ref_mode: get("multi_ref_mode", Value::from("average")),
            alpha: get("alpha", Value::from(0.5)),
            mode: get("mode", Value::from("average")),
        })
    }

    /// `_build_match_aggregator`: the mode, or its `ValueError`.
    fn multi_ref(&self) -> Result<MultiRef, Raised> {
        match self.multi_ref_mode.as_str() {
            Some("average") => Ok(MultiRef::Average),
            Some("best") => Ok(MultiRef::Best),
            _ => Err(Raised::new(
                "ValueError",
                format!(
                    "Invalid multi_ref_mode {}: expected (average, best)",
                    number_str(&self.multi_ref_mode)
                ),
            )),
        }
    }

    /// `alpha` as a number, or the `TypeError` of `0 <= alpha`.
    fn alpha(&self) -> Result<f64, Raised> {
        match &self.alpha {
            Value::Bool(b) => Ok(f64::from(u8::from(*b))),
            Value::Number(n) => Ok(n.as_f64().unwrap_or(f64::NAN)),
            other => Err(Raised::new(
                "TypeError",
                format!("'<=' not supported between instances of 'int' and '{}'", type_name(other)),
            )),
        }
    }

    /// `_f_score`: the alpha check first, 0.0 if P or R is zero, else
    /// `R·P / (α·R + (1−α)·P)`.
    fn f_score(&self, precision: f64, recall: f64) -> Result<f64, Raised> {
        let alpha = self.alpha()?;
        if !(0.0..=1.0).contains(&alpha) {
            return Err(Raised::new(
                "ValueError",
                format!("Invalid alpha {}: expected between [0, 1]", number_str(&self.alpha)),
            ));
        }
        if precision == 0.0 || recall == 0.0 {
            return Ok(0.0);
        }
        Ok(recall * precision / (alpha * recall + (1.0 - alpha) * precision))
    }

    /// `to_score`: P and R of the counts, F by [`Self::f_score`].
    fn score(&self, m: Match) -> Result<Score, Raised> {
        let p = div_or_zero(m.matches, m.hyp);
        let r = div_or_zero(m.matches, m.reference);
        Ok(Score { p, r, f: self.f_score(p, r)? })
    }

    /// The weight of ROUGE-W, or the `ValueError` for one below 1.
    fn weight(&self) -> Result<f64, Raised> {
        let weight = match &self.rouge_w_weight {
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
            other => {
                return Err(Raised::new(
                    "TypeError",
                    format!("'<' not supported between instances of '{}' and 'int'", type_name(other)),
                ));
            }
        };
        if weight < 1.0 {
            return Err(Raised::new(
                "ValueError",
                format!("Invalid weight {}: expected >= 1", number_str(&self.rouge_w_weight)),
            ));
        }
        Ok(weight)
    }

    /// The aggregated match of one metric over a hypothesis's references,
    /// in the package's order: the aggregator is built (mode checked), then
    /// each reference counted, then combined.
    fn combine<'a>(
        &self,
        references: &[Summary<'a>],
        mut count: impl FnMut(&Summary<'a>) -> Result<Match, Raised>,
    ) -> Result<Match, Raised> {
        let mode = self.multi_ref()?;
        let mut matches = Vec::with_capacity(references.len());
        for reference in references {
            matches.push(count(reference)?);
        }
        match mode {
            MultiRef::Average => matches
                .into_iter()
                .reduce(Match::add)
                .ok_or_else(|| Raised::new("ValueError", "Average on empty sequence")),
            MultiRef::Best => {
                let mut best: Option<Match> = None;
                for m in matches {
                    let recall = div_or_zero(m.matches, m.reference);
                    if best.is_none_or(|b| recall > div_or_zero(b.matches, b.reference)) {
                        best = Some(m);
                    }
                }
                best.ok_or_else(|| Raised::new("ValueError", "max() arg is an empty sequence"))
            }
        }
    }

    /// The n values of `rouge_n`: `range(1, 1 + n)` for an int, else the
    /// items (each an int, or the error using it raises).
    fn orders(&self) -> Result<Vec<Order>, Raised> {
        if let Some(n) = as_int(&self.rouge_n) {
            return Ok((1..=n).map(|n| (n.to_string(), Ok(n))).collect());
        }
        let items: Vec<Value> = match &self.rouge_n {
            Value::Array(items) => items.clone(),
            Value::String(s) => s.chars().map(|c| Value::from(c.to_string())).collect(),
            Value::Object(keys) => keys.keys().map(|k| Value::from(k.as_str())).collect(),
            other => {
                return Err(Raised::new(
                    "TypeError",
                    format!("'{}' object is not iterable", type_name(other)),
                ));
            }
        };
        Ok(items
            .iter()
            .map(|item| {
                let n = as_int(item).ok_or_else(|| match item {
                    Value::Number(_) => Raised::new(
                        "TypeError",
                        format!("'{}' object cannot be interpreted as an integer", type_name(item)),
                    ),
                    _ => Raised::new(
                        "TypeError",
                        format!("unsupported operand type(s) for -: 'int' and '{}'", type_name(item)),
                    ),
                });
                (number_str(item), n)
            })
            .collect())
    }

    /// The key suffix of ROUGE-S/SU: `str(skip_gap) if skip_gap and
    /// skip_gap >= 0 else '*'` (so a gap of 0 is keyed `*`), computed for
    /// every hypothesis whether or not S/SU are asked for.
    fn skip_suffix(&self) -> Result<String, Raised> {
        match &self.skip_gap {
            Value::Number(n) if n.as_f64().is_some_and(|g| g > 0.0) => Ok(number_str(&self.skip_gap)),
            Value::Bool(true) => Ok("True".into()),
            Value::Null | Value::Bool(false) | Value::Number(_) => Ok("*".into()),
            other if truthy(other) => Err(Raised::new(
                "TypeError",
                format!("'>=' not supported between instances of '{}' and 'int'", type_name(other)),
            )),
            _ => Ok("*".into()),
        }
    }

    /// `skip_gap` as `_skip_bigrams` reads it: `None` or negative →
    /// unlimited; a float works while `lo + skip_gap + 2` never wins
    /// `min(len(sent), ...)` (else `range` raises).
    fn gap(&self) -> Gap {
        match &self.skip_gap {
            Value::Null => Gap::Unlimited,
            value => match (as_int(value), value.as_f64()) {
                (Some(g), _) if g < 0 => Gap::Unlimited,
                (Some(g), _) => Gap::Words(usize::try_from(g).unwrap_or(usize::MAX)),
                (None, Some(g)) if g < 0.0 => Gap::Unlimited,
                (None, Some(g)) => Gap::Float(g),
                (None, None) => Gap::NotNumber(type_name(value)),
            },
        }
    }

    /// `_rouge_scores_multi_ref`: every metric of one hypothesis, in order.
    fn scores(&self, hyp: &Summary<'_>, references: &[Summary<'_>]) -> Result<Vec<(String, Score)>, Raised> {
        let mut out: Vec<(String, Score)> = Vec::new();
        let mut put = |key: String, score: Score| match out.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = score,
            None => out.push((key, score)),
        };
        let suffix = self.skip_suffix()?;
        let gap = self.gap();
        let hyp_flat: Vec<&str> = hyp.concat();
        for (key, n) in self.orders()? {
            let m = self.combine(references, |reference| {
                let n = n.clone()?;
                Ok(overlap(&ngrams(&hyp_flat, n), &ngrams(&reference.concat(), n)))
            })?;
            put(format!("rouge-{key}"), self.score(m)?);
        }
        if self.rouge_l {
            let m = self.combine(references, |reference| Ok(rouge_l(hyp, reference)))?;
            put("rouge-l".into(), self.score(m)?);
        }
        if self.rouge_w {
            let m = self.combine(references, |reference| Ok(rouge_w(hyp, reference, self.weight()?)))?;
            let inverse = 1.0 / self.weight()?;
            let p = div_or_zero(m.matches, m.hyp).powf(inverse);
            let r = div_or_zero(m.matches, m.reference).powf(inverse);
            let score = Score { p, r, f: self.f_score(p, r)? };
            put(format!("rouge-w-{}", number_str(&self.rouge_w_weight)), score);
        }
        for (wanted, unigrams, name) in [(self.rouge_s, false, "s"), (self.rouge_su, true, "su")] {
            if wanted {
                let m = self.combine(references, |reference| {
                    skip_bigrams(&hyp_flat, &reference.concat(), gap, unigrams)
                })?;
                put(format!("rouge-{name}{suffix}"), self.score(m)?);
            }
        }
        Ok(out)
    }

    /// `evaluate(hypotheses, multi_references)` under `mode`.
    fn evaluate(
        &self,
        hyps: &[&str],
        multi_references: &[&[String]],
        mode: &Value,
    ) -> Result<Evaluated, Raised> {
        let individual = match mode.as_str() {
            Some("individual") => true,
            Some("average") => false,
            _ => {
                return Err(Raised::new(
                    "ValueError",
                    format!("Invalid mode {}: expected (individual, average)", number_str(mode)),
                ));
            }
        };
        let mut all = Vec::with_capacity(hyps.len());
        for (hyp, references) in hyps.iter().zip(multi_references) {
            let hyp = tokenize(hyp);
            let references: Vec<Summary<'_>> = references.iter().map(|r| tokenize(r)).collect();
            all.push(self.scores(&hyp, &references)?);
        }
        if individual {
            return Ok(Evaluated::Individual(all));
        }
        // `_AverageRougeAggregator`: mean P and R (sums from 0), F recomputed.
        let Some(first) = all.first() else {
            return Ok(Evaluated::Average(Vec::new()));
        };
        let mut averaged = Vec::with_capacity(first.len());
        for (i, (key, _)) in first.iter().enumerate() {
            let (mut total_p, mut total_r) = (0.0, 0.0);
            for scores in &all {
                total_p += scores[i].1.p;
                total_r += scores[i].1.r;
            }
            let count = all.len() as f64;
            let (p, r) = (div_or_zero(total_p, count), div_or_zero(total_r, count));
            averaged.push((key.clone(), Score { p, r, f: self.f_score(p, r)? }));
        }
        Ok(Evaluated::Average(averaged))
    }
}

/// One entry of `rouge_n`: its key text and its n (or what using it raises).
type Order = (String, Result<i64, Raised>);

/// What `evaluate` returns.
enum Evaluated {
    /// `mode='individual'`: one score dict per hypothesis.
    Individual(Vec<Vec<(String, Score)>>),
    /// `mode='average'`: one score dict.
    Average(Vec<(String, Score)>),
}

fn scores_json(scores: &[(String, Score)]) -> Value {
    Value::Object(scores.iter().map(|(k, s)| (k.clone(), s.to_json())).collect::<Map<_, _>>())
}

impl Package for PyRouge {
    fn name(&self) -> &'static str {
        "rouge-metric"
    }

    /// `PyRouge(**init).evaluate([candidate], [references])`.
    fn call(&self, candidate: &str, references: &[String]) -> Result<Value, Raised> {
        Ok(match self.evaluate(&[candidate], &[references], &self.mode)? {
            Evaluated::Individual(all) => Value::Array(all.iter().map(|s| scores_json(s)).collect()),
            Evaluated::Average(scores) => scores_json(&scores),
        })
    }

    /// `PyRouge(**init).evaluate(hyps, multi_refs)` with `mode='average'`:
    /// per metric the mean P and R over documents (each document's
    /// references combined by `multi_ref_mode`), F recomputed from them.
    fn corpus(&self, pairs: &[Pair<'_>]) -> Result<Figures, Raised> {
        let hyps: Vec<&str> = pairs.iter().map(|p| p.candidate).collect();
        let references: Vec<&[String]> = pairs.iter().map(|p| p.references).collect();
        let Evaluated::Average(scores) = self.evaluate(&hyps, &references, &Value::from("average"))? else {
            return Ok(Figures::new());
        };
        Ok(scores
            .into_iter()
            .map(|(key, s)| {
                let figure = Figure { precision: Some(s.p), recall: Some(s.r), fmeasure: s.f };
                (key, figure)
            })
            .collect())
    }
}

/// The default sentencizer and tokenizer: `text.split('\n')`, then
/// `sentence.split()`.
fn tokenize(text: &str) -> Summary<'_> {
    text.split('\n').map(|sentence| split(sentence).collect()).collect()
}

/// `_build_ngrams(sent, n)`: `tuple(sent[i:i + n])` for `i` in
/// `range(len(sent) - n + 1)`, with Python's slicing for any `n`.
fn ngrams<'a>(sent: &[&'a str], n: i64) -> HashMap<Vec<&'a str>, usize> {
    let len = sent.len() as i64;
    let mut counts: HashMap<Vec<&str>, usize> = HashMap::new();
    for i in 0..(len - n + 1).max(0) {
        let mut stop = i + n;
        if stop < 0 {
            stop = (stop + len).max(0);
        }
        let (start, stop) = (i.min(len) as usize, stop.min(len) as usize);
        let gram = if start < stop { sent[start..stop].to_vec() } else { Vec::new() };
        *counts.entry(gram).or_default() += 1;
    }
    counts
}

/// Clipped overlap of two n-gram counters and their sizes.
fn overlap<T: Eq + std::hash::Hash>(hyp: &HashMap<T, usize>, reference: &HashMap<T, usize>) -> Match {
    let matches: usize =
        hyp.iter().filter_map(|(gram, &count)| reference.get(gram).map(|&other| count.min(other))).sum();
    Match {
        matches: matches as f64,
        hyp: hyp.values().sum::<usize>() as f64,
        reference: reference.values().sum::<usize>() as f64,
    }
}

/// `_lcs_elements(a, b, table)` for any table (LCS lengths or WLCS
/// weights): the reference (`b`) positions of the backtracked LCS: on a
/// match diagonal, elif `table[i][j] == table[i][j-1]` left, else up.
fn lcs_positions<T: PartialEq + Copy>(a: &[&str], b: &[&str], table: &[T]) -> Vec<usize> {
    let width = b.len() + 1;
    let (mut i, mut j) = (a.len(), b.len());
    let mut out = Vec::new();
    while i > 0 && j > 0 {
        if a[i - 1] == b[j - 1] {
            i -= 1;
            j -= 1;
            out.push(j);
        } else if table[i * width + j] == table[i * width + j - 1] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    out
}

/// `_lcs_table(a, b)`, row-major with `b.len() + 1` columns.
fn lcs_table(a: &[&str], b: &[&str]) -> Vec<u32> {
    let width = b.len() + 1;
    let mut table = vec![0u32; (a.len() + 1) * width];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            table[i * width + j] = if a[i - 1] == b[j - 1] {
                table[(i - 1) * width + j - 1] + 1
            } else {
                table[(i - 1) * width + j].max(table[i * width + j - 1])
            };
        }
    }
    table
}

/// `_wlcs_table(a, b, f)`: weighted LCS lengths, with f(k) = k^w
/// (`wlen[i-1][j-1] + f(k+1) - f(k)` on a run of k matches).
fn wlcs_table(a: &[&str], b: &[&str], weight: f64) -> Vec<f64> {
    let width = b.len() + 1;
    let mut wlen = vec![0.0f64; (a.len() + 1) * width];
    let mut runs = vec![0u32; (a.len() + 1) * width];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let here = i * width + j;
            if a[i - 1] == b[j - 1] {
                let k = runs[(i - 1) * width + j - 1];
                let (next, now) = (f64::from(k + 1).powf(weight), f64::from(k).powf(weight));
                wlen[here] = wlen[(i - 1) * width + j - 1] + next - now;
                runs[here] = k + 1;
            } else {
                let (up, left) = (wlen[(i - 1) * width + j], wlen[i * width + j - 1]);
                wlen[here] = if left > up { left } else { up };
            }
        }
    }
    wlen
}

/// Counts of the unigrams of a summary's flattened tokens.
fn unigrams<'a>(hyp: &Summary<'a>) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::new();
    for token in hyp.iter().flatten() {
        *counts.entry(*token).or_default() += 1;
    }
    counts
}

/// `_rouge_l_summary_level`: per reference sentence, the union of its LCS
/// positions against each hypothesis sentence, each position's token
/// counted while the hypothesis has that unigram left.
fn rouge_l(hyps: &Summary<'_>, refs: &Summary<'_>) -> Match {
    let mut available = unigrams(hyps);
    let mut matches = 0usize;
    for reference in refs {
        let mut union = BTreeSet::new();
        for hyp in hyps {
            union.extend(lcs_positions(hyp, reference, &lcs_table(hyp, reference)));
        }
        for position in union {
            if let Some(left) = available.get_mut(reference[position]).filter(|left| **left > 0) {
                *left -= 1;
                matches += 1;
            }
        }
    }
    Match {
        matches: matches as f64,
        hyp: hyps.iter().map(Vec::len).sum::<usize>() as f64,
        reference: refs.iter().map(Vec::len).sum::<usize>() as f64,
    }
}

/// `_rouge_w_summary_level`: the WLCS union per reference sentence (sorted
/// positions), runs of consecutive available tokens weighted f(run) (a
/// token not available leaves the run open); reference size
/// f(Σ f(len)), hypothesis size f(total length).
fn rouge_w(hyps: &Summary<'_>, refs: &Summary<'_>, weight: f64) -> Match {
    let f = |x: f64| x.powf(weight);
    let mut available = unigrams(hyps);
    let mut reference_sum = 0.0;
    for reference in refs {
        reference_sum += f(reference.len() as f64);
    }
    let hyp_len: usize = hyps.iter().map(Vec::len).sum();
    let mut score = 0.0;
    for reference in refs {
        let mut union = BTreeSet::new();
        for hyp in hyps {
            union.extend(lcs_positions(hyp, reference, &wlcs_table(hyp, reference, weight)));
        }
        let mut run = 0u32;
        for &position in &union {
            if let Some(left) = available.get_mut(reference[position]).filter(|left| **left > 0) {
                *left -= 1;
                run += 1;
                if position == reference.len() - 1 || !union.contains(&(position + 1)) {
                    score += f(f64::from(run));
                    run = 0;
                }
            }
        }
    }
    Match { matches: score, hyp: f(hyp_len as f64), reference: f(reference_sum) }
}

/// `skip_gap` as `_skip_bigrams` uses it.
#[derive(Debug, Clone, Copy)]
enum Gap {
    /// `None` or negative: any distance.
    Unlimited,
    /// At most this many words between.
    Words(usize),
    /// A float: fine as long as `len(sent)` is the smaller bound.
    Float(f64),
    /// Not a number (its Python type): `skip_gap < 0` raises.
    NotNumber(&'static str),
}

/// `_rouge_s_or_su`: skip bigrams with at most `gap` words between, plus
/// with `unigrams` every token but the last.
fn skip_bigrams<'a>(
    hyp: &[&'a str],
    reference: &[&'a str],
    gap: Gap,
    unigrams: bool,
) -> Result<Match, Raised> {
    let grams = |sent: &[&'a str]| -> Result<HashMap<Vec<&'a str>, usize>, Raised> {
        let len = sent.len();
        let gap = match gap {
            Gap::Unlimited => len,
            Gap::Words(g) => g,
            Gap::Float(g) if len > 0 && g + 2.0 < len as f64 => {
                return Err(Raised::new("TypeError", "'float' object cannot be interpreted as an integer"));
            }
            Gap::Float(_) => len,
            Gap::NotNumber(kind) => {
                return Err(Raised::new(
                    "TypeError",
                    format!("'<' not supported between instances of '{kind}' and 'int'"),
                ));
            }
        };
        let mut counts: HashMap<Vec<&str>, usize> = HashMap::new();
        for lo in 0..len {
            let end = len.min(lo.saturating_add(gap).saturating_add(2));
            for hi in lo + 1..end {
                *counts.entry(vec![sent[lo], sent[hi]]).or_default() += 1;
            }
        }
        if unigrams {
            for token in &sent[..len.saturating_sub(1)] {
                *counts.entry(vec![*token]).or_default() += 1;
            }
        }
        Ok(counts)
    };
    Ok(overlap(&grams(hyp)?, &grams(reference)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rouge(init: Value) -> Result<PyRouge, Raised> {
        let options =
            PackageOptions { init: init.as_object().cloned().unwrap_or_default(), call: Map::new() };
        PyRouge::new(&options)
    }

    #[test]
    fn unknown_keywords_raise_as_python_does() {
        // Messages from rouge-metric 1.0.1 under Python 3.11.7.
        let e = rouge(json!({"foo": 1})).err().unwrap();
        assert_eq!(e.to_string(), "TypeError: PyRouge.__init__() got an unexpected keyword argument 'foo'");
        let options =
            PackageOptions { init: Map::new(), call: json!({"foo": 1}).as_object().cloned().unwrap() };
        let e = PyRouge::new(&options).err().unwrap();
        assert_eq!(e.to_string(), "TypeError: PyRouge.evaluate() got an unexpected keyword argument 'foo'");
    }

    #[test]
    fn invalid_values_raise_when_evaluated() {
        // Messages from rouge-metric 1.0.1 under Python 3.11.7.
        let refs = vec!["a b".to_owned()];
        let raised = |init: Value| rouge(init).unwrap().call("a b", &refs).unwrap_err().to_string();
        assert_eq!(
            raised(json!({"mode": "x"})),
            "ValueError: Invalid mode x: expected (individual, average)"
        );
        assert_eq!(
            raised(json!({"multi_ref_mode": "x"})),
            "ValueError: Invalid multi_ref_mode x: expected (average, best)"
        );
        assert_eq!(raised(json!({"alpha": 2})), "ValueError: Invalid alpha 2: expected between [0, 1]");
        assert_eq!(
            raised(json!({"rouge_w": true, "rouge_w_weight": 0.5})),
            "ValueError: Invalid weight 0.5: expected >= 1"
        );
        let e = rouge(json!({})).unwrap().call("a", &[]).unwrap_err();
        assert_eq!(e.to_string(), "ValueError: Average on empty sequence");
    }

    #[test]
    fn corpus_is_mean_p_and_r_with_f_recomputed() {
        let package = rouge(json!({"rouge_n": 1, "rouge_l": false})).unwrap();
        let refs_a = vec!["a b c d".to_owned(), "a x".to_owned()];
        let refs_b = vec!["p q".to_owned()];
        let pairs = [
            Pair { candidate: "a b", references: &refs_a },
            Pair { candidate: "p z z", references: &refs_b },
        ];
        // Document 1, references summed: matches 2 + 1, hyp 2 + 2, ref 4 + 2:
        // P = 3/4, R = 3/6. Document 2: matches 1, P = 1/3, R = 1/2.
        // Mean P = (3/4 + 1/3)/2, mean R = (1/2 + 1/2)/2; F = RP/(R/2 + P/2).
        let p = (0.0 + 0.75 + 1.0 / 3.0) / 2.0;
        let r = (0.0 + 0.5 + 0.5) / 2.0;
        let figure = package.corpus(&pairs).unwrap()["rouge-1"];
        assert_eq!(figure.precision, Some(p));
        assert_eq!(figure.recall, Some(r));
        assert_eq!(figure.fmeasure, r * p / (0.5 * r + 0.5 * p));
    }

    #[test]
    fn a_non_numeric_skip_gap_raises_only_where_python_compares_it() {
        // rouge-metric 1.0.1: `skip_gap=""` is falsy, so the key suffix is
        // `*` without a comparison; only ROUGE-S compares `"" < 0`.
        let refs = vec!["a c".to_owned()];
        let plain = rouge(json!({"skip_gap": "", "rouge_n": 1, "rouge_l": false})).unwrap();
        assert_eq!(plain.call("a b", &refs).unwrap(), json!({"rouge-1": {"r": 0.5, "p": 0.5, "f": 0.5}}));
        let skip = rouge(json!({"skip_gap": "", "rouge_s": true})).unwrap();
        assert_eq!(
            skip.call("a b", &refs).unwrap_err().to_string(),
            "TypeError: '<' not supported between instances of 'str' and 'int'"
        );
    }

    #[test]
    fn a_skip_gap_of_zero_is_keyed_star() {
        let package =
            rouge(json!({"rouge_n": [], "rouge_l": false, "rouge_s": true, "skip_gap": 0})).unwrap();
        let out = package.call("a b c", &["a c".to_owned()]).unwrap();
        // Gap 0: bigrams (a b), (b c) against (a c): no match.
        assert_eq!(out, json!({"rouge-s*": {"r": 0.0, "p": 0.0, "f": 0.0}}));
    }
}
