//! py-rouge's counting: `_compute_ngrams` (ROUGE-N), `_compute_ngrams_lcs`
//! (ROUGE-L, and ROUGE-W when the weight is not 1) and
//! `_compute_p_r_f_score`, operation for operation so that every double
//! comes out as Python's.
//!
//! Python mixes `int` and `float` here; every count stays far below 2^53,
//! where both give the same doubles, so all are `f64`.

use std::collections::HashMap;

use crate::profiles::Raised;

/// `(evaluated_count, reference_count, overlapping_count)`.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Counts {
    /// N-grams (or the weighted length) of the candidate.
    pub evaluated: f64,
    /// N-grams (or the weighted length) of the reference.
    pub reference: f64,
    /// The overlap.
    pub overlapping: f64,
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
        evaluated: hypothesis.len() as f64 - (n as f64 - 1.0),
        reference: reference.len() as f64 - (n as f64 - 1.0),
        overlapping: overlapping as f64,
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
fn directions(x: &[&str], y: &[&str], weight: Option<f64>) -> Vec<Dir> {
    let (m, n) = (x.len(), y.len());
    let width = n + 1;
    let mut dirs = vec![Dir::Up; (m + 1) * width];
    let mut prev_vals = vec![0.0f64; width];
    let mut vals = vec![0.0f64; width];
    let mut prev_lengths = vec![0.0f64; width];
    let mut lengths = vec![0.0f64; width];
    for i in 1..=m {
        vals[0] = 0.0;
        lengths[0] = 0.0;
        for j in 1..=n {
            let dir = if x[i - 1] == y[j - 1] {
                let previous = prev_vals[j - 1];
                vals[j] = match weight {
                    None => previous + 1.0,
                    Some(w) => {
                        let length = prev_lengths[j - 1];
                        (previous + (length + 1.0).powf(w)) - length.powf(w)
                    }
                };
                lengths[j] = prev_lengths[j - 1] + 1.0;
                Dir::Diagonal
            } else if prev_vals[j] >= vals[j - 1] {
                vals[j] = prev_vals[j];
                lengths[j] = 0.0;
                Dir::Up
            } else {
                vals[j] = vals[j - 1];
                lengths[j] = 0.0;
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
    weight: f64,
) -> Result<Counts, Raised> {
    if evaluated.is_empty() || reference.is_empty() {
        return Err(Raised::new("ValueError", "Collections must contain at least 1 sentence."));
    }
    let mut evaluated_unigrams: HashMap<&str, i64> = HashMap::new();
    for token in evaluated.iter().flatten() {
        *evaluated_unigrams.entry(token).or_default() += 1;
    }
    let evaluated_total: usize = evaluated.iter().map(Vec::len).sum();
    let reference_total: usize = reference.iter().map(Vec::len).sum();
    let weighted = weight != 1.0;
    let evaluated_count =
        if weighted { (evaluated_total as f64).powf(weight) } else { evaluated_total as f64 };
    let mut reference_count = if weighted { 0.0 } else { reference_total as f64 };
    let evaluated_sentences: Vec<Vec<&str>> =
        evaluated.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
    let mut overlapping = 0.0f64;
    for sentence in reference {
        let tokens: Vec<&str> = sentence.iter().map(String::as_str).collect();
        if weighted {
            reference_count += (tokens.len() as f64).powf(weight);
        }
        let mut mask = vec![false; tokens.len()];
        for candidate in &evaluated_sentences {
            let dirs = directions(&tokens, candidate, weighted.then_some(weight));
            mark(&mut mask, &dirs, candidate.len() + 1, tokens.len(), candidate.len());
        }
        let mut run = 0u32;
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
                        overlapping += f64::from(run).powf(weight);
                        run = 0;
                    }
                } else {
                    overlapping += 1.0;
                }
            }
        }
    }
    if weighted {
        reference_count = reference_count.powf(weight);
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
    let mut p = if counts.evaluated == 0.0 { 0.0 } else { counts.overlapping / counts.evaluated };
    if weight != 1.0 {
        p = p.powf(1.0 / weight);
    }
    let mut r = if counts.reference == 0.0 { 0.0 } else { counts.overlapping / counts.reference };
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

    fn tokens(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn counts_clipped_ngrams_and_short_summaries_negative() {
        // "a a b" vs "a b b": unigrams min(2,1) + min(1,2) = 2; bigrams
        // {aa, ab} vs {ab, bb}: 1; an empty candidate has 0 - 1 = -1 bigrams.
        let c = ngrams(&tokens("a a b"), &tokens("a b b"), 1);
        assert_eq!((c.evaluated, c.reference, c.overlapping), (3.0, 3.0, 2.0));
        let c = ngrams(&tokens("a a b"), &tokens("a b b"), 2);
        assert_eq!((c.evaluated, c.reference, c.overlapping), (2.0, 2.0, 1.0));
        let c = ngrams(&[], &tokens("a b"), 2);
        assert_eq!(c.evaluated, -1.0);
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
        let c = lcs(&[tokens("a a")], &reference, 1.0).unwrap();
        assert_eq!((c.evaluated, c.reference, c.overlapping), (2.0, 2.0, 2.0));
        let c = lcs(&[tokens("a")], &reference, 1.0).unwrap();
        assert_eq!(c.overlapping, 1.0);
    }

    #[test]
    fn weighs_runs_of_hits() {
        // w = 2: reference "a b c", candidate "a b x c": hits a, b, c in
        // one run of three reference positions → 3^2 = 9; sizes 4^2 = 16
        // and (3^2)^2 = 81.
        let c = lcs(&[tokens("a b x c")], &[tokens("a b c")], 2.0).unwrap();
        assert_eq!((c.evaluated, c.reference, c.overlapping), (16.0, 81.0, 9.0));
    }

    #[test]
    fn f_raises_on_a_zero_denominator() {
        // alpha = 2, P = 2R: (1-2)·P + 2·R = 0.
        let counts = Counts { evaluated: 1.0, reference: 2.0, overlapping: 1.0 };
        assert_eq!(prf(counts, Alpha::Real(2.0), 1.0), Err(zero_division()));
    }
}
