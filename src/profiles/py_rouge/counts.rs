//! py-rouge's counting: `_compute_ngrams` (ROUGE-N), `_compute_ngrams_lcs`
//! (ROUGE-L, and ROUGE-W when the weight is not 1) and
//! `_compute_p_r_f_score`, operation for operation so that every double
//! comes out as Python's.
//!
//! Python mixes `int` and `float` here, and it matters: with an integer
//! `weight_factor` the weighted sizes are exact `int`s (`(Σ len^w)^w` passes
//! 2^53 on long texts) converted to a double only when divided, so counts are
//! [`Num`]s that keep Python's type.

use std::collections::HashMap;

use crate::profiles::Raised;

/// A Python number as py-rouge's counts hold it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Num {
    /// An `int` (exact; beyond `i128` sumbench falls back to a double).
    Int(i128),
    /// A `float`.
    Float(f64),
}

impl Num {
    /// `float(x)`: an `int` rounds to the nearest double, ties to even.
    pub(super) fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(x) => x,
        }
    }

    /// `x == 0`.
    fn is_zero(self) -> bool {
        self.to_f64() == 0.0
    }

    /// `x ** w`: exact for two `int`s, else the C library's `pow`, as
    /// Python's `float.__pow__` calls it.
    pub(super) fn pow(self, w: Num) -> Num {
        if let (Num::Int(base), Num::Int(exponent)) = (self, w) {
            let exact = u32::try_from(exponent).ok().and_then(|e| base.checked_pow(e));
            if let Some(value) = exact {
                return Num::Int(value);
            }
        }
        Num::Float(self.to_f64().powf(w.to_f64()))
    }
}

impl std::ops::Add for Num {
    type Output = Num;

    /// `x + y`: `int` while both are, else a `float` sum.
    fn add(self, other: Num) -> Num {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.checked_add(b).map_or(Num::Float(a as f64 + b as f64), Num::Int),
            (a, b) => Num::Float(a.to_f64() + b.to_f64()),
        }
    }
}

/// `x / y` for a non-zero `y`: doubles divided (a true division of two
/// `int`s below 2^53, the only ones reaching here, is the same).
fn divide(x: Num, y: Num) -> f64 {
    x.to_f64() / y.to_f64()
}

/// `(evaluated_count, reference_count, overlapping_count)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Counts {
    /// N-grams (or the weighted length) of the candidate.
    pub evaluated: Num,
    /// N-grams (or the weighted length) of the reference.
    pub reference: Num,
    /// The overlap.
    pub overlapping: Num,
}

impl Counts {
    /// The totals' start: Python's `0`s.
    pub(super) const ZERO: Counts =
        Counts { evaluated: Num::Int(0), reference: Num::Int(0), overlapping: Num::Int(0) };
}

/// `{"f", "p", "r"}` of one comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F.
    pub f: f64,
}

/// `_compute_ngrams(hypothesis, reference, n)` on the whole-summary
/// tokens: clipped n-gram matches; a summary's count is `len - (n - 1)`,
/// negative on short summaries, as in the package.
pub(super) fn ngrams(hypothesis: &[String], reference: &[String], n: usize) -> Counts {
    let evaluated = table(hypothesis, n);
    let reference_grams = table(reference, n);
    let overlapping: usize =
        evaluated.iter().filter_map(|(gram, &count)| reference_grams.get(gram).map(|&r| count.min(r))).sum();
    Counts {
        evaluated: Num::Int(hypothesis.len() as i128 - (n as i128 - 1)),
        reference: Num::Int(reference.len() as i128 - (n as i128 - 1)),
        overlapping: Num::Int(overlapping as i128),
    }
}

/// Each n-gram of `tokens` with its count.
fn table(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts: HashMap<&[String], usize> = HashMap::new();
    if tokens.len() >= n {
        for gram in tokens.windows(n) {
            *counts.entry(gram).or_default() += 1;
        }
    }
    counts
}

/// A move of the LCS tables.
#[derive(Clone, Copy, PartialEq)]
enum Dir {
    Diagonal,
    Up,
    Left,
}

/// `_lcs` (`weight == None`) or `_wlcs` directions, reference tokens as
/// rows; ties go up.
fn directions(x: &[&str], y: &[&str], weight: Option<Num>) -> Vec<Dir> {
    let (m, n) = (x.len(), y.len());
    let width = n + 1;
    let mut dirs = vec![Dir::Up; (m + 1) * width];
    let mut prev_vals = vec![0.0f64; width];
    let mut vals = vec![0.0f64; width];
    let mut prev_lengths = vec![0i128; width];
    let mut lengths = vec![0i128; width];
    for i in 1..=m {
        vals[0] = 0.0;
        lengths[0] = 0;
        for j in 1..=n {
            let dir = if x[i - 1] == y[j - 1] {
                let previous = prev_vals[j - 1];
                vals[j] = match weight {
                    None => previous + 1.0,
                    Some(w) => {
                        let length = prev_lengths[j - 1];
                        (previous + Num::Int(length + 1).pow(w).to_f64()) - Num::Int(length).pow(w).to_f64()
                    }
                };
                lengths[j] = prev_lengths[j - 1] + 1;
                Dir::Diagonal
            } else if prev_vals[j] >= vals[j - 1] {
                vals[j] = prev_vals[j];
                lengths[j] = 0;
                Dir::Up
            } else {
                vals[j] = vals[j - 1];
                lengths[j] = 0;
                Dir::Left
            };
            dirs[i * width + j] = dir;
        }
        std::mem::swap(&mut prev_vals, &mut vals);
        std::mem::swap(&mut prev_lengths, &mut lengths);
    }
    dirs
}

/// `_mark_lcs`: walks back from the corner, marking the reference tokens
/// the path matches.
fn mark(mask: &mut [bool], dirs: &[Dir], width: usize, mut m: usize, mut n: usize) {
    while m != 0 && n != 0 {
        match dirs[m * width + n] {
            Dir::Diagonal => {
                m -= 1;
                n -= 1;
                mask[m] = true;
            }
            Dir::Up => m -= 1,
            Dir::Left => n -= 1,
        }
    }
}

/// `_compute_ngrams_lcs(evaluated_sentences, reference_sentences, weight)`:
/// the union LCS of each reference sentence against every candidate
/// sentence, clipped by the candidate's unigram counts (the reference's
/// never clip: the package decrements them by position). With a weight
/// other than 1, runs of consecutive hits count `len^w` and the sizes are
/// `total^w` and `(Σ len(sentence)^w)^w`.
///
/// Raises the package's `ValueError` on an empty sentence list (punkt's
/// answer to a blank text).
pub(super) fn lcs(
    evaluated: &[Vec<String>],
    reference: &[Vec<String>],
    weight: Num,
) -> Result<Counts, Raised> {
    if evaluated.is_empty() || reference.is_empty() {
        return Err(Raised::new("ValueError", "Collections must contain at least 1 sentence."));
    }
    let mut evaluated_unigrams: HashMap<&str, i64> = HashMap::new();
    for token in evaluated.iter().flatten() {
        *evaluated_unigrams.entry(token).or_default() += 1;
    }
    let evaluated_total = Num::Int(evaluated.iter().map(Vec::len).sum::<usize>() as i128);
    let reference_total = Num::Int(reference.iter().map(Vec::len).sum::<usize>() as i128);
    let weighted = weight.to_f64() != 1.0;
    let evaluated_count = if weighted { evaluated_total.pow(weight) } else { evaluated_total };
    let mut reference_count = if weighted { Num::Int(0) } else { reference_total };
    let evaluated_sentences: Vec<Vec<&str>> =
        evaluated.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
    let mut overlapping = Num::Float(0.0);
    for sentence in reference {
        let tokens: Vec<&str> = sentence.iter().map(String::as_str).collect();
        if weighted {
            reference_count = reference_count + Num::Int(tokens.len() as i128).pow(weight);
        }
        let mut mask = vec![false; tokens.len()];
        for candidate in &evaluated_sentences {
            let dirs = directions(&tokens, candidate, weighted.then_some(weight));
            mark(&mut mask, &dirs, candidate.len() + 1, tokens.len(), candidate.len());
        }
        let mut run = 0i128;
        for (id, &hit) in mask.iter().enumerate() {
            if !hit {
                continue;
            }
            // A hit token is the reference's own, so its reference count
            // is positive: only the candidate's count clips.
            let count = evaluated_unigrams.entry(tokens[id]).or_default();
            if *count > 0 {
                *count -= 1;
                if weighted {
                    run += 1;
                    if id + 1 == mask.len() || !mask[id + 1] {
                        overlapping = overlapping + Num::Int(run).pow(weight);
                        run = 0;
                    }
                } else {
                    overlapping = overlapping + Num::Int(1);
                }
            }
        }
    }
    if weighted {
        reference_count = reference_count.pow(weight);
    }
    Ok(Counts { evaluated: evaluated_count, reference: reference_count, overlapping })
}

/// `alpha` as `_compute_f_score` uses it: a number, or the type name
/// Python's `1 - alpha` fails on.
#[derive(Debug, Clone, Copy)]
pub(super) enum Alpha {
    /// An `int`, `float` or `bool`.
    Real(f64),
    /// Anything else.
    Other(&'static str),
}

/// `_compute_p_r_f_score(evaluated, reference, overlapping, alpha, weight)`.
pub(super) fn prf(counts: Counts, alpha: Alpha, weight: f64) -> Result<Prf, Raised> {
    let mut p = if counts.evaluated.is_zero() { 0.0 } else { divide(counts.overlapping, counts.evaluated) };
    if weight != 1.0 {
        p = p.powf(1.0 / weight);
    }
    let mut r = if counts.reference.is_zero() { 0.0 } else { divide(counts.overlapping, counts.reference) };
    if weight != 1.0 {
        r = r.powf(1.0 / weight);
    }
    Ok(Prf { p, r, f: f_score(p, r, alpha)? })
}

/// `_compute_f_score`: `P·R / ((1 − α)·P + α·R)`, 0 if P or R is 0.
fn f_score(p: f64, r: f64, alpha: Alpha) -> Result<f64, Raised> {
    if r == 0.0 || p == 0.0 {
        return Ok(0.0);
    }
    let alpha = match alpha {
        Alpha::Real(alpha) => alpha,
        Alpha::Other(name) => {
            return Err(Raised::new(
                "TypeError",
                format!("unsupported operand type(s) for -: 'int' and '{name}'"),
            ));
        }
    };
    let denominator = (1.0 - alpha) * p + alpha * r;
    if denominator == 0.0 {
        return Err(zero_division());
    }
    Ok(p * r / denominator)
}

/// Python's `ZeroDivisionError` for a float division by zero.
pub(super) fn zero_division() -> Raised {
    Raised::new("ZeroDivisionError", "float division by zero")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Num::{Float, Int};

    fn tokens(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn counts_clipped_ngrams_and_short_summaries_negative() {
        // "a a b" vs "a b b": unigrams min(2,1) + min(1,2) = 2; bigrams
        // {aa, ab} vs {ab, bb}: 1; an empty candidate has 0 - 1 = -1 bigrams.
        let c = ngrams(&tokens("a a b"), &tokens("a b b"), 1);
        assert_eq!((c.evaluated, c.reference, c.overlapping), (Int(3), Int(3), Int(2)));
        let c = ngrams(&tokens("a a b"), &tokens("a b b"), 2);
        assert_eq!((c.evaluated, c.reference, c.overlapping), (Int(2), Int(2), Int(1)));
        let c = ngrams(&[], &tokens("a b"), 2);
        assert_eq!(c.evaluated, Int(-1));
        // 0 / -1 is -0.0 in Python.
        let s = prf(c, Alpha::Real(0.5), 1.0).unwrap();
        assert!(s.p == 0.0 && s.p.is_sign_negative());
    }

    #[test]
    fn reference_counts_never_clip_in_union_lcs() {
        // Reference sentences "a" and "a" (two rows), candidate "a a":
        // each reference sentence's LCS hits its "a"; the candidate has two
        // "a", so both hits count: overlap 2 of 2 reference tokens.
        // With a single candidate "a", the second hit is clipped: overlap 1.
        let reference = vec![tokens("a"), tokens("a")];
        let c = lcs(&[tokens("a a")], &reference, Float(1.0)).unwrap();
        assert_eq!((c.evaluated, c.reference, c.overlapping), (Int(2), Int(2), Float(2.0)));
        let c = lcs(&[tokens("a")], &reference, Float(1.0)).unwrap();
        assert_eq!(c.overlapping, Float(1.0));
    }

    #[test]
    fn weighs_runs_of_hits() {
        // w = 2: reference "a b c", candidate "a b x c": hits a, b, c in
        // one run of three reference positions → 3^2 = 9; sizes 4^2 = 16
        // and (3^2)^2 = 81 (Python ints for an int weight, floats else).
        let c = lcs(&[tokens("a b x c")], &[tokens("a b c")], Int(2)).unwrap();
        assert_eq!((c.evaluated, c.reference, c.overlapping), (Int(16), Int(81), Float(9.0)));
        let c = lcs(&[tokens("a b x c")], &[tokens("a b c")], Float(2.0)).unwrap();
        assert_eq!((c.evaluated, c.reference, c.overlapping), (Float(16.0), Float(81.0), Float(9.0)));
    }

    #[test]
    fn int_weights_keep_sizes_exact() {
        // w = 3, one reference sentence of 300 tokens: (300^3)^3 =
        // 27,000,000^3 = 19,683 × 10^18, beyond 2^53 and exact as an int.
        let long = vec!["a".to_owned(); 300];
        let c = lcs(&[tokens("a")], &[long], Int(3)).unwrap();
        assert_eq!(c.reference, Int(19_683_000_000_000_000_000_000));
    }

    #[test]
    fn f_raises_on_a_zero_denominator() {
        // alpha = 2, P = 2R: (1-2)·P + 2·R = 0.
        let counts = Counts { evaluated: Int(1), reference: Int(2), overlapping: Int(1) };
        assert_eq!(prf(counts, Alpha::Real(2.0), 1.0), Err(zero_division()));
    }
}
