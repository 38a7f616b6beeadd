//! [`Scorer`]: rouge-score's `score` and `score_multi` on pairs of texts.

use std::ops::Range;

use super::ngram::ABSENT;
use super::reference::{CandidateView, Reference, Scratch};
use super::tokenize::with_ids;
use super::{Metric, RougeTokenizer, Score};

/// Scores pairs of texts for a fixed list of metrics.
#[derive(Debug, Clone)]
pub struct Scorer {
    metrics: Vec<Metric>,
    tokenizer: RougeTokenizer,
    stem: bool,
}

impl Scorer {
    /// A scorer for `metrics` (scores come back in this order), with
    /// rouge-score's tokenizer and NLTK Porter stemming if `stem`.
    ///
    /// # Panics
    /// If a `Metric::N(n)` has n outside 1..=9 (rouge-score rejects those;
    /// names parsed with [`Metric::from_str`](std::str::FromStr) never are).
    pub fn new(metrics: &[Metric], stem: bool) -> Self {
        for metric in metrics {
            if let Metric::N(n) = metric {
                assert!((1..=9).contains(n), "rouge-score has rouge1…rouge9, not rouge{n}");
            }
        }
        Scorer { metrics: metrics.to_vec(), tokenizer: RougeTokenizer::RougeScore, stem }
    }

    /// The same scorer with another tokenizer profile. Stemming stays on
    /// only if the profile stems ([`RougeTokenizer::stems`]).
    pub fn with_tokenizer(self, tokenizer: RougeTokenizer) -> Self {
        Scorer { tokenizer, stem: self.stem && tokenizer.stems(), ..self }
    }

    /// The tokenizer profile.
    pub fn tokenizer(&self) -> RougeTokenizer {
        self.tokenizer
    }

    /// The metrics, in the order scores are returned.
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// Whether stemming is on (never with a profile that does not stem).
    pub fn stem(&self) -> bool {
        self.stem
    }

    /// Scores one candidate against one reference (reference first, like rouge-score).
    pub fn score(&self, reference: &str, candidate: &str) -> Vec<Score> {
        self.score_multi(&[reference], candidate)
    }

    /// rouge-score's `score_multi`: per metric, the reference with the highest F
    /// (the first on ties). Zeros when `references` is empty (rouge-score
    /// raises an error there; callers that mirror it must check first).
    pub fn score_multi<S: AsRef<str>>(&self, references: &[S], candidate: &str) -> Vec<Score> {
        with_ids(self.tokenizer, self.stem, |ids| {
            let (mut candidate_tokens, mut candidate_lines) = (Vec::new(), Vec::new());
            ids.push_lines(candidate, &mut candidate_tokens, &mut candidate_lines);
            let mut best = Best::new(self.metrics.len());
            let (mut tokens, mut lines) = (Vec::new(), Vec::new());
            for reference in references {
                tokens.clear();
                lines.clear();
                ids.push_lines(reference.as_ref(), &mut tokens, &mut lines);
                let (reference, local_of) = Reference::new(&tokens, lines.clone(), &self.metrics);
                let local: Vec<u32> =
                    candidate_tokens.iter().map(|id| local_of.get(id).copied().unwrap_or(ABSENT)).collect();
                best.offer(&self.score_local(&reference, &local, &candidate_lines));
            }
            best.into_scores()
        })
    }

    /// Scores a candidate given in `reference`'s local ids, with its
    /// rougeLsum sentences as token ranges.
    fn score_local(
        &self,
        reference: &Reference,
        candidate: &[u32],
        sentences: &[Range<usize>],
    ) -> Vec<Score> {
        let view = CandidateView::new(candidate, reference.vocabulary(), Vec::new());
        let mut columns = Vec::new();
        let mut union = |index: usize, positions: &mut [u64]| {
            for sentence in sentences {
                reference.mark_lcs(index, &candidate[sentence.clone()], positions, &mut columns);
            }
        };
        let scratch = &mut Scratch::default();
        self.metrics.iter().map(|&metric| reference.score(metric, &view, &mut union, scratch)).collect()
    }
}

/// rouge-score's multi-reference rule, one metric at a time: keep the whole
/// score of the first reference with the strictly highest F.
#[derive(Debug)]
pub(crate) struct Best {
    scores: Vec<Score>,
    empty: bool,
}

impl Best {
    /// Nothing offered yet, for `metrics` metrics.
    pub(crate) fn new(metrics: usize) -> Self {
        Best { scores: vec![Score::default(); metrics], empty: true }
    }

    /// Considers the scores against one more reference.
    pub(crate) fn offer(&mut self, scores: &[Score]) {
        for (best, &score) in self.scores.iter_mut().zip(scores) {
            if self.empty || score.fmeasure > best.fmeasure {
                *best = score;
            }
        }
        self.empty = false;
    }

    /// The kept scores (zeros if nothing was offered).
    pub(crate) fn into_scores(self) -> Vec<Score> {
        self.scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triple(score: Score) -> (f64, f64, f64) {
        (score.precision, score.recall, score.fmeasure)
    }

    #[test]
    fn worked_example_cat_on_bed() {
        // Spec section 11, first row; fractions by hand: 6 of 7 candidate
        // unigrams match all 6 reference unigrams; 4 of 6 bigrams match 5.
        let scorer = Scorer::new(&[Metric::N(1), Metric::N(2), Metric::L, Metric::Lsum], false);
        let s = scorer.score("the cat was under the bed", "the cat was found under the bed");
        let f = |p: f64, r: f64| 2.0 * p * r / (p + r);
        assert_eq!(triple(s[0]), (6.0 / 7.0, 1.0, f(6.0 / 7.0, 1.0)));
        assert_eq!(triple(s[1]), (4.0 / 6.0, 4.0 / 5.0, f(4.0 / 6.0, 4.0 / 5.0)));
        assert_eq!(s[2], s[0]);
        assert_eq!(s[3], s[0]);
    }

    #[test]
    fn lsum_tie_break_example() {
        // Spec section 11: reference `a b`, candidate `b a⏎a`: rougeLsum 1/3, 1/2.
        let scorer = Scorer::new(&[Metric::L, Metric::Lsum], false);
        let s = scorer.score("a b", "b a\na");
        assert_eq!((s[0].precision, s[0].recall), (1.0 / 3.0, 0.5));
        assert_eq!((s[1].precision, s[1].recall), (1.0 / 3.0, 0.5));
    }

    #[test]
    fn multi_reference_keeps_first_best_f() {
        // Spec section 8: both references give F = 2/3; the first one wins.
        let scorer = Scorer::new(&[Metric::N(1)], false);
        let s = scorer.score_multi(&["alpha beta gamma delta", "alpha"], "alpha beta");
        assert_eq!((s[0].precision, s[0].recall), (1.0, 0.5));
        let s = scorer.score_multi(&["alpha", "alpha beta gamma delta"], "alpha beta");
        assert_eq!((s[0].precision, s[0].recall), (0.5, 1.0));
    }

    #[test]
    fn empty_texts_score_zero() {
        let scorer = Scorer::new(&[Metric::N(1), Metric::L, Metric::Lsum], true);
        assert!(scorer.score("", "x").iter().all(|s| *s == Score::default()));
        assert!(scorer.score("x", "").iter().all(|s| *s == Score::default()));
        assert!(scorer.score_multi::<&str>(&[], "x").iter().all(|s| *s == Score::default()));
    }

    #[test]
    fn repeated_candidate_words_are_clipped() {
        // Spec section 11: reference `x`, candidate `x x x`.
        let scorer = Scorer::new(&[Metric::N(1), Metric::N(2)], false);
        let s = scorer.score("x", "x x x");
        assert_eq!(triple(s[0]), (1.0 / 3.0, 1.0, 0.5));
        assert_eq!(triple(s[1]), (0.0, 0.0, 0.0));
    }
}
