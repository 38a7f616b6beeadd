//! The ROUGE-1.5.5 scorer: references prepared once per document, any number
//! of candidates scored against them, `-f A` pooling or `-f B` selection, and
//! the script's printed rounding.
//!
//! Owns: interning, per-reference counts, combining references, rounding.
//! Never reads files or prints.

use std::collections::HashMap;
use std::fmt;

use super::grams::{self, SkipUnit, Units};
use super::lcs;
use super::metric::Metric;
use super::stem;
use super::tokenize::{self, Limit};
use crate::rouge::Score;

/// The script's `-p` default: F is the harmonic mean of P and R.
const ALPHA: f64 = 0.5;

/// How several references combine (`-f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MultiRef {
    /// `-f A`: sum hits, reference counts and candidate counts over references.
    #[default]
    Pooled,
    /// `-f B`: the counts of the reference with the best recall (first on ties).
    Best,
}

/// ROUGE-1.5.5 options.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Metrics, in the order scores are returned.
    pub metrics: Vec<Metric>,
    /// `-f A` or `-f B`.
    pub multi_ref: MultiRef,
    /// `-m`: stem tokens longer than 3 bytes.
    pub stem: bool,
    /// `-s`: remove SMART stop words.
    pub remove_stopwords: bool,
    /// `-l N` / `-b N`, applied to candidates and references.
    pub limit: Limit,
}

/// The raw totals behind a score (what `-t 1` prints): reference-side count,
/// candidate-side count and clipped hits; for ROUGE-W the weighted totals.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Counts {
    /// Reference-side total.
    pub model: f64,
    /// Candidate-side total.
    pub peer: f64,
    /// Clipped matches.
    pub hit: f64,
}

/// Something the script would not have scored the way it is scored here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A reference has no tokens. The script dies on it (division by zero in
    /// ROUGE-W); here it contributes zero reference counts and zero hits, its
    /// ROUGE-W recall for `-f B` is 0, and under `-f A` the candidate is still
    /// counted once for it, as for any reference.
    EmptyReference {
        /// 0-based position among the references.
        index: usize,
    },
    /// No references at all: every score is 0.
    NoReferences,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::EmptyReference { index } => write!(
                f,
                "reference {} has no tokens; ROUGE-1.5.5 dies on such input (division by zero in \
                 ROUGE-W), here it is scored as an empty reference",
                index + 1
            ),
            Warning::NoReferences => f.write_str("no references; every score is 0"),
        }
    }
}

/// Scores and warnings of one candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// One score per configured metric.
    pub scores: Vec<Score>,
    /// Warnings about the references.
    pub warnings: Vec<Warning>,
}

/// A text as interned token ids.
#[derive(Debug, Clone)]
struct Text {
    /// The whole text (ROUGE-N/S, clipping tables, candidate counts).
    tokens: Vec<u32>,
    /// Per-sentence tokens (ROUGE-L/W).
    sentences: Vec<Vec<u32>>,
}

/// One reference, with its per-metric counting units.
#[derive(Debug, Clone)]
struct Reference {
    text: Text,
    /// Unigram counts by token id (the L/W clipping table).
    unigrams: Vec<u32>,
    /// N-gram or skip-bigram units, per metric (`None` for L/W).
    units: Vec<Option<MetricUnits>>,
}

#[derive(Debug, Clone)]
enum MetricUnits {
    Grams(Units<Box<[u32]>>),
    Skips(Units<SkipUnit>),
}

/// A document's references, tokenized and counted once by [`Scorer::prepare`].
#[derive(Debug, Clone)]
pub struct References {
    vocabulary: HashMap<Box<[u8]>, u32>,
    references: Vec<Reference>,
    warnings: Vec<Warning>,
}

impl References {
    /// Warnings about these references (empty ones, none at all).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Number of references.
    pub fn len(&self) -> usize {
        self.references.len()
    }

    /// Whether there are no references.
    pub fn is_empty(&self) -> bool {
        self.references.is_empty()
    }
}

/// Per-reference totals and the `-f B` selection score.
#[derive(Debug, Clone, Copy)]
struct PerReference {
    counts: Counts,
    selection: f64,
}

/// Scores candidates with ROUGE-1.5.5 rules for a fixed [`Config`].
#[derive(Debug, Clone)]
pub struct Scorer {
    config: Config,
}

impl Scorer {
    /// A scorer for `config`.
    pub fn new(config: Config) -> Self {
        Scorer { config }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Tokenizes and counts `references` (SPL texts: one sentence per line)
    /// for scoring any number of candidates with this scorer.
    pub fn prepare<S: AsRef<str>>(&self, references: &[S]) -> References {
        let mut vocabulary: HashMap<Box<[u8]>, u32> = HashMap::new();
        let texts: Vec<Text> = references
            .iter()
            .map(|r| {
                self.analyze(r.as_ref(), &mut |token| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(token.into()).or_insert(next)
                })
            })
            .collect();
        let mut warnings: Vec<Warning> = texts
            .iter()
            .enumerate()
            .filter(|(_, t)| t.tokens.is_empty() || t.sentences.iter().all(Vec::is_empty))
            .map(|(index, _)| Warning::EmptyReference { index })
            .collect();
        if texts.is_empty() {
            warnings.push(Warning::NoReferences);
        }
        let references = texts
            .into_iter()
            .map(|text| Reference {
                unigrams: unigram_counts(&text.tokens, vocabulary.len()),
                units: self.config.metrics.iter().map(|m| units(*m, &text.tokens)).collect(),
                text,
            })
            .collect();
        References { vocabulary, references, warnings }
    }

    /// Scores `candidate` (SPL text) against prepared `references`, one score
    /// per configured metric: R and P rounded to 5 decimals, F from the rounded
    /// values, rounded again, exactly as the script prints them.
    pub fn score(&self, references: &References, candidate: &str) -> Vec<Score> {
        self.counts(references, candidate)
            .iter()
            .zip(&self.config.metrics)
            .map(|(counts, metric)| final_score(counts, *metric))
            .collect()
    }

    /// One-shot scoring of texts, with the references' warnings.
    pub fn score_texts<S: AsRef<str>>(&self, references: &[S], candidate: &str) -> Scored {
        let prepared = self.prepare(references);
        Scored { scores: self.score(&prepared, candidate), warnings: prepared.warnings.clone() }
    }

    /// The raw totals behind [`Scorer::score`], one per configured metric.
    pub fn counts(&self, references: &References, candidate: &str) -> Vec<Counts> {
        let known = references.vocabulary.len();
        let mut unknown: HashMap<Box<[u8]>, u32> = HashMap::new();
        let candidate = self.analyze(candidate, &mut |token| match references.vocabulary.get(token) {
            Some(&id) => id,
            None => {
                let next = (known + unknown.len()) as u32;
                *unknown.entry(token.into()).or_insert(next)
            }
        });
        let candidate_unigrams = unigram_counts(&candidate.tokens, known);
        self.config
            .metrics
            .iter()
            .enumerate()
            .map(|(index, &metric)| {
                let candidate_units = units(metric, &candidate.tokens);
                let per_reference = references.references.iter().map(|reference| {
                    per_reference(
                        metric,
                        reference,
                        reference.units[index].as_ref(),
                        &candidate,
                        candidate_units.as_ref(),
                        &candidate_unigrams,
                    )
                });
                combine(self.config.multi_ref, per_reference)
            })
            .collect()
    }

    /// Reads, tokenizes, filters, stems and interns a text.
    fn analyze(&self, text: &str, intern: &mut dyn FnMut(&[u8]) -> u32) -> Text {
        let read = tokenize::read(text, self.config.limit);
        let mut ids = |segment: &[u8]| -> Vec<u32> {
            tokenize::tokens(segment, self.config.remove_stopwords)
                .map(|token| {
                    if self.config.stem && token.len() > 3 {
                        intern(stem::stem(&String::from_utf8_lossy(token)).as_bytes())
                    } else {
                        intern(token)
                    }
                })
                .collect()
        };
        let sentences: Vec<Vec<u32>> = read.lcs.iter().map(|s| ids(s)).collect();
        let tokens = match &read.whole {
            Some(whole) => ids(whole),
            None => sentences.concat(),
        };
        Text { tokens, sentences }
    }
}

/// Counts of the tokens with ids below `known`, indexed by id.
fn unigram_counts(tokens: &[u32], known: usize) -> Vec<u32> {
    let mut counts = vec![0; known];
    for &t in tokens {
        if let Some(c) = counts.get_mut(t as usize) {
            *c += 1;
        }
    }
    counts
}

/// The n-gram or skip-bigram units `metric` counts (`None` for L and W).
fn units(metric: Metric, tokens: &[u32]) -> Option<MetricUnits> {
    match metric {
        Metric::N(n) => Some(MetricUnits::Grams(grams::ngrams(tokens, usize::from(n)))),
        Metric::S { skip, unigrams } => Some(MetricUnits::Skips(grams::skip_bigrams(tokens, skip, unigrams))),
        Metric::L | Metric::W(_) => None,
    }
}

/// Totals of `metric` for one reference, and its `-f B` selection score.
fn per_reference(
    metric: Metric,
    reference: &Reference,
    reference_units: Option<&MetricUnits>,
    candidate: &Text,
    candidate_units: Option<&MetricUnits>,
    candidate_unigrams: &[u32],
) -> PerReference {
    let candidate_len = candidate.tokens.len() as u32;
    match (metric, reference_units, candidate_units) {
        (Metric::L, ..) => {
            let (hit, base) = lcs::lcs_hits(
                &reference.text.sentences,
                &candidate.sentences,
                reference.unigrams.clone(),
                candidate_unigrams.to_vec(),
            );
            let selection = if base > 0 { f64::from(hit) / f64::from(base) } else { 0.0 };
            let counts =
                Counts { model: f64::from(base), peer: f64::from(candidate_len), hit: f64::from(hit) };
            PerReference { counts, selection }
        }
        (Metric::W(weight), ..) => {
            let f = |k: u32| f64::from(k).powf(weight);
            let (hit, base) = lcs::wlcs_hits(
                &reference.text.sentences,
                &candidate.sentences,
                &f,
                reference.unigrams.clone(),
                candidate_unigrams.to_vec(),
            );
            // The script divides by `base` unguarded (and dies on 0).
            let selection = if base != 0.0 { (hit / base).powf(1.0 / weight) } else { 0.0 };
            let counts = Counts { model: base.powf(weight), peer: f(candidate_len), hit };
            PerReference { counts, selection }
        }
        (_, Some(MetricUnits::Grams(r)), Some(MetricUnits::Grams(c))) => clipped(r, c),
        (_, Some(MetricUnits::Skips(r)), Some(MetricUnits::Skips(c))) => clipped(r, c),
        _ => unreachable!("units are built from the same metric list"),
    }
}

/// N-gram or skip-bigram totals; the selection score is the recall rounded
/// to 5 decimals, as the script's `ngramScore` formats it.
fn clipped<K: std::hash::Hash + Eq>(reference: &Units<K>, candidate: &Units<K>) -> PerReference {
    let hit = f64::from(reference.clipped_hits(candidate));
    let model = f64::from(reference.total());
    let selection = if model != 0.0 { round5(hit / model) } else { 0.0 };
    PerReference { counts: Counts { model, peer: f64::from(candidate.total()), hit }, selection }
}

/// `-f A` sums the totals in reference order; `-f B` keeps the first
/// reference whose selection score is strictly greater than the best so far
/// (starting from −1).
fn combine(rule: MultiRef, per_reference: impl Iterator<Item = PerReference>) -> Counts {
    match rule {
        MultiRef::Pooled => per_reference.fold(Counts::default(), |sum, r| Counts {
            model: sum.model + r.counts.model,
            peer: sum.peer + r.counts.peer,
            hit: sum.hit + r.counts.hit,
        }),
        MultiRef::Best => {
            let mut best = (-1.0, Counts::default());
            for r in per_reference {
                if r.selection > best.0 {
                    best = (r.selection, r.counts);
                }
            }
            best.1
        }
    }
}

/// R = hit/model and P = hit/peer (for ROUGE-W through f⁻¹), each rounded to
/// 5 decimals; F from the rounded values, rounded again; 0 for a zero
/// denominator.
fn final_score(counts: &Counts, metric: Metric) -> Score {
    let ratio = |denominator: f64| {
        if denominator == 0.0 {
            return 0.0;
        }
        let r = counts.hit / denominator;
        match metric {
            Metric::W(weight) => r.powf(1.0 / weight),
            _ => r,
        }
    };
    let recall = round5(ratio(counts.model));
    let precision = round5(ratio(counts.peer));
    let denominator = (1.0 - ALPHA) * precision + ALPHA * recall;
    let fmeasure = if denominator > 0.0 { round5(precision * recall / denominator) } else { 0.0 };
    Score { precision, recall, fmeasure }
}

/// The value of C's `printf("%.5f", x)` (correctly rounded from the exact
/// binary value, exact ties to even), read back as a double.
pub fn round5(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round5_is_c_printf() {
        assert_eq!(round5(0.015625), 0.01562);
        assert_eq!(round5(0.046875), 0.04688);
        assert_eq!(round5(1.0 / 3.0), 0.33333);
        assert_eq!(round5(2.0 / 3.0), 0.66667);
        assert_eq!(round5(1.0), 1.0);
    }

    #[test]
    fn f_comes_from_the_rounded_values() {
        // R = 1/3 → 0.33333, P = 1 → 1.0; F = 2·0.33333/(1.33333) = 0.499998… → 0.5.
        let s = final_score(&Counts { model: 3.0, peer: 1.0, hit: 1.0 }, Metric::N(1));
        assert_eq!((s.recall, s.precision, s.fmeasure), (0.33333, 1.0, 0.5));
        let zero = final_score(&Counts { model: 0.0, peer: 0.0, hit: 0.0 }, Metric::L);
        assert_eq!(zero, Score::default());
    }

    fn config(metrics: &[&str], multi_ref: MultiRef) -> Config {
        Config {
            metrics: metrics.iter().map(|m| m.parse().expect("metric")).collect(),
            multi_ref,
            ..Config::default()
        }
    }

    #[test]
    fn pooled_counts_the_candidate_once_per_reference() {
        let scorer = Scorer::new(config(&["rouge1"], MultiRef::Pooled));
        let refs = scorer.prepare(&["the cat sat", "a dog"]);
        let counts = scorer.counts(&refs, "the cat");
        assert_eq!(counts, [Counts { model: 5.0, peer: 4.0, hit: 2.0 }]);
    }

    #[test]
    fn best_takes_the_first_strictly_better_recall() {
        let scorer = Scorer::new(config(&["rouge1"], MultiRef::Best));
        // Recalls 1/2, 2/3, 2/3: the second reference wins, the third only ties.
        let refs = scorer.prepare(&["the x", "the cat y", "the cat z"]);
        assert_eq!(scorer.counts(&refs, "the cat"), [Counts { model: 3.0, peer: 2.0, hit: 2.0 }]);
        // All recalls 0: the first reference (0 > −1).
        let refs = scorer.prepare(&["p q r", "s"]);
        assert_eq!(scorer.counts(&refs, "the cat"), [Counts { model: 3.0, peer: 2.0, hit: 0.0 }]);
    }

    #[test]
    fn token_less_references_warn_and_score() {
        let scorer = Scorer::new(config(&["rouge1", "rougeW-1.2"], MultiRef::Pooled));
        let scored = scorer.score_texts(&["the cat sat", "!!!"], "the cat sat");
        assert_eq!(scored.warnings, [Warning::EmptyReference { index: 1 }]);
        // ROUGE-1: hit 3, model 3 + 0, peer 3 + 3.
        assert_eq!(scored.scores[0], Score { precision: 0.5, recall: 1.0, fmeasure: 0.66667 });
        let none = scorer.score_texts::<&str>(&[], "the cat");
        assert_eq!(none.warnings, [Warning::NoReferences]);
        assert_eq!(none.scores, [Score::default(); 2]);
    }
}
