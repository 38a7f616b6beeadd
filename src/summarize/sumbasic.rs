//! `sumbasic`: A. Nenkova & L. Vanderwende (2005), "The Impact of Frequency
//! on Summarization", Microsoft Research MSR-TR-2005-101 (SumBasic).
//!
//! 1. p(w) = n(w) / N over the document's content words (non-stop stems).
//! 2. weight(S) = mean of p(w) over the content-word tokens of S.
//! 3. Pick the best-weighted sentence among those containing the
//!    highest-probability word (of the sentences not yet chosen).
//! 4. Squared-probability update: p(w) ← p(w)² for every word of the chosen
//!    sentence (once per distinct word), so repeated content is discounted.
//! 5. Repeat from 2 until the budget is filled.
//!
//! Parameters and defaults: `require_top_word = true` (step 3 as in the
//! paper; `false` picks the best-weighted sentence overall, as sumy does).
//! A sentence's score is its weight when it was picked (or, if never
//! picked, at the last step). Ties go to the earlier sentence.

use super::bag::Bags;
use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "sumbasic";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "Nenkova & Vanderwende 2005: mean word probability, squared update";

/// SumBasic's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// Step 3: choose only among sentences holding the most probable word.
    pub require_top_word: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params { require_top_word: true }
    }
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> SumBasic {
        SumBasic { params: self }
    }
}

/// The SumBasic summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct SumBasic {
    params: Params,
}

impl Summarizer for SumBasic {
    fn name(&self) -> &str {
        NAME
    }

    fn rank(&self, doc: &PreparedDocument, budget: &Budget) -> Ranking {
        let n = doc.sentences.len();
        let bags = Bags::new(doc);
        let total = f64::from(bags.doc_total.max(1));
        let mut p: Vec<f64> = bags.doc_counts.iter().map(|&c| f64::from(c) / total).collect();
        let mut scores = vec![0.0; n];
        let mut chosen = vec![false; n];
        let mut order = Vec::new();
        while order.len() < n && !budget.is_filled(doc, &order) {
            let weight = |i: usize| {
                let bag = bags.of(i);
                let tokens: u32 = bag.iter().map(|&(_, c)| c).sum();
                let mass: f64 = bag.iter().map(|&(t, c)| f64::from(c) * p[t as usize]).sum();
                if tokens == 0 { 0.0 } else { mass / f64::from(tokens) }
            };
            let remaining = (0..n).filter(|&i| !chosen[i]);
            let top = self.params.require_top_word.then(|| top_word(&bags, &p, remaining.clone())).flatten();
            let mut best: Option<(usize, f64)> = None;
            for i in remaining {
                let w = weight(i);
                scores[i] = w;
                let eligible = top.is_none_or(|t| bags.of(i).iter().any(|&(u, _)| u == t));
                if eligible && best.is_none_or(|(_, b)| w > b) {
                    best = Some((i, w));
                }
            }
            let Some((pick, _)) = best else { break };
            chosen[pick] = true;
            order.push(pick);
            for &(t, _) in bags.of(pick) {
                p[t as usize] *= p[t as usize];
            }
        }
        Ranking { order, scores }
    }
}

/// The most probable content term of the `remaining` sentences (the first
/// seen on ties); `None` if they have no content words.
fn top_word(bags: &Bags, p: &[f64], remaining: impl Iterator<Item = usize>) -> Option<u32> {
    let mut top: Option<(u32, f64)> = None;
    for i in remaining {
        for &(t, _) in bags.of(i) {
            if top.is_none_or(|(_, q)| p[t as usize] > q) {
                top = Some((t, p[t as usize]));
            }
        }
    }
    top.map(|(t, _)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::WordTokenizer;

    // Content tokens: fish 2, cat 5, cow 1, dog 1; N = 9.
    const TEXT: &str = "Fish fish. Cat cow. Cat cat cat cat dog.";

    fn rank(require_top_word: bool) -> Ranking {
        let d =
            Document { id: "d".into(), title: None, text: TEXT.into(), references: vec![], language: None };
        let doc = PreparedDocument::new(d, &WordTokenizer::english());
        Params { require_top_word }.build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(3))
    }

    fn assert_close(got: &[f64], want: &[f64]) {
        assert!(got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-12), "{got:?} vs {want:?}");
    }

    // Step 1: p(cat) = 5/9, p(fish) = 2/9, p(cow) = p(dog) = 1/9.
    // Step 2: w(S0) = 2/9; w(S1) = (5/9 + 1/9) / 2 = 1/3; w(S2) = (4·5/9 + 1/9) / 5 = 21/45.
    // Step 3: top word cat; S1 and S2 hold it; S2 wins (21/45).
    // Step 4: p(cat) = 25/81, p(dog) = 1/81.
    // Round 2: top word among S0, S1 is cat (25/81 > fish 2/9 = 18/81);
    //   w(S0) = 18/81, w(S1) = (25/81 + 9/81) / 2 = 17/81.
    #[test]
    fn picks_among_sentences_with_the_top_word() {
        // Only S1 holds cat: S1, though S0 weighs more. Then S0 at 2/9.
        let r = rank(true);
        assert_eq!(r.order, [2, 1, 0]);
        assert_close(&r.scores, &[2.0 / 9.0, 17.0 / 81.0, 21.0 / 45.0]);
    }

    #[test]
    fn without_the_top_word_rule_the_heaviest_sentence_wins() {
        // Round 2 picks S0 (18/81); fish → 4/81 leaves S1 at 17/81.
        let r = rank(false);
        assert_eq!(r.order, [2, 0, 1]);
        assert_close(&r.scores, &[2.0 / 9.0, 17.0 / 81.0, 21.0 / 45.0]);
    }

    #[test]
    fn stops_once_the_budget_is_filled() {
        let d =
            Document { id: "d".into(), title: None, text: TEXT.into(), references: vec![], language: None };
        let doc = PreparedDocument::new(d, &WordTokenizer::english());
        let r = Params::default().build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(1));
        assert_eq!(r.order, [2]);
    }
}
