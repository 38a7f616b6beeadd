//! [`Scorer`]: rouge-score's `score` and `score_multi` on pairs of texts.

use std::ops::Range;

use std::cell::RefCell;

use super::reference::{CandidateView, Reference, Renumber, Scratch};
use super::tokenize::with_ids;
use super::xlsum::Pipeline;
use super::{Metric, RougeTokenizer, Score};
use crate::lang::{ArabicState, Language};

/// Scores pairs of texts for a fixed list of metrics.
#[derive(Debug, Clone)]
pub struct Scorer {
    metrics: Vec<Metric>,
    tokenizer: RougeTokenizer,
    stem: bool,
    /// The texts' language (used by the multilingual profiles only).
    language: Language,
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
        Scorer {
            metrics: metrics.to_vec(),
            tokenizer: RougeTokenizer::RougeScore,
            stem,
            language: Language::English,
        }
    }

    /// The same scorer with another tokenizer profile. Stemming stays on
    /// only if the profile stems ([`RougeTokenizer::stems`]).
    pub fn with_tokenizer(self, tokenizer: RougeTokenizer) -> Self {
        Scorer { tokenizer, stem: self.stem && tokenizer.stems(), ..self }
    }

    /// The same scorer for texts in `language`. Only the multilingual
    /// profiles ([`RougeTokenizer::is_multilingual`]) tokenize by language;
    /// check the profile takes it with [`RougeTokenizer::check_language`].
    pub fn with_language(self, language: Language) -> Self {
        Scorer { language, ..self }
    }

    /// The texts' language (English unless set).
    pub fn language(&self) -> Language {
        self.language
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
    ///
    /// Under the multilingual profiles each reference is scored against
    /// the candidate as by a fresh XL-Sum scorer (which has no
    /// `score_multi`): reference first, then candidate, then their
    /// rougeLsum lines, which is the order NLTK's Arabic stemmer sees words in.
    pub fn score_multi<S: AsRef<str>>(&self, references: &[S], candidate: &str) -> Vec<Score> {
        if self.tokenizer.is_multilingual() {
            let mut best = Best::new(self.metrics.len());
            for reference in references {
                best.offer(&self.score_multilingual(reference.as_ref(), candidate));
            }
            return best.into_scores();
        }
        with_ids(self.tokenizer, self.stem, |ids| {
            PAIR_SCRATCH.with(|scratch| {
                let PairScratch {
                    candidate: candidate_ids,
                    candidate_lines,
                    tokens,
                    lines,
                    local,
                    renumber,
                    prepared,
                    buffers,
                } = &mut *scratch.borrow_mut();
                candidate_ids.clear();
                candidate_lines.clear();
                ids.push_lines(candidate, candidate_ids, candidate_lines);
                let mut best = Best::new(self.metrics.len());
                for reference in references {
                    tokens.clear();
                    lines.clear();
                    ids.push_lines(reference.as_ref(), tokens, lines);
                    prepared.prepare(tokens, lines, &self.metrics, renumber);
                    local.clear();
                    local.extend(candidate_ids.iter().map(|&id| renumber.local(id)));
                    best.offer(&self.score_local(prepared, local, candidate_lines, buffers));
                }
                best.into_scores()
            })
        })
    }

    /// One pair under a multilingual profile: rouge1…9 and rougeL on the
    /// whole texts' tokens, rougeLsum on the per-line tokens.
    fn score_multilingual(&self, reference: &str, candidate: &str) -> Vec<Score> {
        let pipeline = Pipeline::new(self.language, self.stem);
        let mut state = ArabicState::default();
        let reference_tokens = pipeline.tokens(reference, &mut state);
        let candidate_tokens = pipeline.tokens(candidate, &mut state);
        let mut ids = TokenNumbers::default();
        let mut scores = vec![Score::default(); self.metrics.len()];
        let plain: Vec<Metric> = self.metrics.iter().copied().filter(|&m| m != Metric::Lsum).collect();
        if !plain.is_empty() {
            let reference_ids = ids.of(&reference_tokens);
            let candidate_ids = ids.of(&candidate_tokens);
            let found = score_ids(&plain, &reference_ids, &[], &candidate_ids, &[]);
            for (metric, score) in plain.iter().zip(found) {
                for (slot, m) in scores.iter_mut().zip(&self.metrics) {
                    if m == metric {
                        *slot = score;
                    }
                }
            }
        }
        if self.metrics.contains(&Metric::Lsum) {
            let segment = self.tokenizer == RougeTokenizer::Multilingual;
            let (reference_ids, reference_lines) =
                ids.of_lines(&pipeline.lines(reference, segment, &mut state));
            let (candidate_ids, candidate_lines) =
                ids.of_lines(&pipeline.lines(candidate, segment, &mut state));
            let found = score_ids(
                &[Metric::Lsum],
                &reference_ids,
                &reference_lines,
                &candidate_ids,
                &candidate_lines,
            );
            for (slot, m) in scores.iter_mut().zip(&self.metrics) {
                if *m == Metric::Lsum {
                    *slot = found[0];
                }
            }
        }
        scores
    }

    /// Scores a candidate given in `reference`'s local ids, with its
    /// rougeLsum sentences as token ranges, in `buffers`.
    fn score_local(
        &self,
        reference: &Reference,
        candidate: &[u32],
        sentences: &[Range<usize>],
        buffers: &mut ScoreBuffers,
    ) -> Vec<Score> {
        let ScoreBuffers { counts, columns, scratch } = buffers;
        let view = CandidateView::new(candidate, reference.vocabulary(), std::mem::take(counts));
        let mut union = |index: usize, positions: &mut [u64]| {
            for sentence in sentences {
                reference.mark_lcs(index, &candidate[sentence.clone()], positions, columns);
            }
        };
        let scores =
            self.metrics.iter().map(|&metric| reference.score(metric, &view, &mut union, scratch)).collect();
        *counts = view.into_buffer();
        scores
    }
}

/// A text tokenized by a caller's own tokenizer, as rouge-score sees it
/// with a custom `tokenizer`: the tokens of the whole text (rouge1…9,
/// rougeL) and those of each of its `\n`-separated lines (rougeLsum).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenizedText {
    /// The tokens of the whole text.
    pub tokens: Vec<String>,
    /// The tokens of each line (`text.split("\n")`), in order.
    pub lines: Vec<Vec<String>>,
}

impl TokenizedText {
    /// `text` tokenized by `tokenize`, as a whole and line by line.
    pub fn new(text: &str, mut tokenize: impl FnMut(&str) -> Vec<String>) -> Self {
        TokenizedText { tokens: tokenize(text), lines: text.split('\n').map(&mut tokenize).collect() }
    }
}

/// rouge-score's `score_multi` on texts a caller tokenized
/// ([`TokenizedText`]): no lowercasing, filtering or stemming of its own,
/// as rouge-score does with a custom tokenizer. Per metric, the reference
/// with the highest F (the first on ties); zeros when `references` is empty.
pub fn score_tokenized(
    metrics: &[Metric],
    references: &[TokenizedText],
    candidate: &TokenizedText,
) -> Vec<Score> {
    let mut best = Best::new(metrics.len());
    for reference in references {
        let mut ids = TokenNumbers::default();
        let reference_ids = ids.of(&reference.tokens);
        let candidate_ids = ids.of(&candidate.tokens);
        let (reference_line_ids, reference_lines) = ids.of_lines(&reference.lines);
        let (candidate_line_ids, candidate_lines) = ids.of_lines(&candidate.lines);
        let mut scores = vec![Score::default(); metrics.len()];
        for (slot, &metric) in scores.iter_mut().zip(metrics) {
            *slot = if metric == Metric::Lsum {
                score_ids(
                    &[metric],
                    &reference_line_ids,
                    &reference_lines,
                    &candidate_line_ids,
                    &candidate_lines,
                )[0]
            } else {
                score_ids(&[metric], &reference_ids, &[], &candidate_ids, &[])[0]
            };
        }
        best.offer(&scores);
    }
    best.into_scores()
}

/// Buffers [`Scorer::score_multi`] reuses from pair to pair (per thread):
/// token ids of the candidate and of one reference, their rougeLsum lines,
/// the candidate in the reference's local ids, and the renumbering.
#[derive(Debug, Default)]
struct PairScratch {
    candidate: Vec<u32>,
    candidate_lines: Vec<Range<usize>>,
    tokens: Vec<u32>,
    lines: Vec<Range<usize>>,
    local: Vec<u32>,
    renumber: Renumber,
    /// The reference being scored, rebuilt in place for each.
    prepared: Reference,
    buffers: ScoreBuffers,
}

/// Working space of [`Scorer::score_local`].
#[derive(Debug, Default)]
struct ScoreBuffers {
    /// The candidate's counts over the reference's vocabulary.
    counts: Vec<u32>,
    /// The LCS table's columns, for rougeLsum.
    columns: Vec<u64>,
    /// The reference's own working space.
    scratch: Scratch,
}

thread_local! {
    /// This thread's [`PairScratch`].
    static PAIR_SCRATCH: RefCell<PairScratch> = RefCell::new(PairScratch::default());
}

/// Token strings numbered in first-seen order, for one pair.
#[derive(Debug, Default)]
struct TokenNumbers(rustc_hash::FxHashMap<String, u32>);

impl TokenNumbers {
    fn of(&mut self, tokens: &[String]) -> Vec<u32> {
        tokens
            .iter()
            .map(|token| {
                let next = self.0.len() as u32;
                *self.0.entry(token.clone()).or_insert(next)
            })
            .collect()
    }

    /// The lines' ids end to end, and each line's range (lines without
    /// tokens dropped: they add nothing to the union LCS).
    fn of_lines(&mut self, lines: &[Vec<String>]) -> (Vec<u32>, Vec<Range<usize>>) {
        let (mut ids, mut ranges) = (Vec::new(), Vec::new());
        for line in lines.iter().filter(|line| !line.is_empty()) {
            let start = ids.len();
            ids.extend(self.of(line));
            ranges.push(start..ids.len());
        }
        (ids, ranges)
    }
}

/// `metrics` of one candidate against one reference, both as ids of one
/// numbering, with their rougeLsum lines as token ranges.
fn score_ids(
    metrics: &[Metric],
    reference: &[u32],
    reference_lines: &[Range<usize>],
    candidate: &[u32],
    candidate_lines: &[Range<usize>],
) -> Vec<Score> {
    let mut renumber = Renumber::default();
    let reference = Reference::new(reference, reference_lines, metrics, &mut renumber);
    let local: Vec<u32> = candidate.iter().map(|&id| renumber.local(id)).collect();
    let view = CandidateView::new(&local, reference.vocabulary(), Vec::new());
    let mut columns = Vec::new();
    let mut union = |index: usize, positions: &mut [u64]| {
        for line in candidate_lines {
            reference.mark_lcs(index, &local[line.clone()], positions, &mut columns);
        }
    };
    let scratch = &mut Scratch::default();
    metrics.iter().map(|&metric| reference.score(metric, &view, &mut union, scratch)).collect()
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
    fn tokenized_texts_are_scored_as_given() {
        // By hand: case is kept (`The` is not `the`), so 2 of 3 candidate
        // unigrams match 2 of 3 reference ones: P = R = F = 2/3. rougeLsum
        // over the lines [a b] [c] against [a c b]: union LCS hits a, b
        // and c, so P = R = 1.
        let split = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        let reference = TokenizedText::new("The cat sat", split);
        let candidate = TokenizedText::new("the cat sat", split);
        let s = score_tokenized(&[Metric::N(1)], &[reference], &candidate);
        assert_eq!(triple(s[0]), (2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0));
        let reference = TokenizedText::new("a c b", split);
        let candidate = TokenizedText::new("a b\nc", split);
        let s = score_tokenized(&[Metric::L, Metric::Lsum], &[reference], &candidate);
        assert_eq!((s[0].precision, s[0].recall), (2.0 / 3.0, 2.0 / 3.0));
        assert_eq!((s[1].precision, s[1].recall), (1.0, 1.0));
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
