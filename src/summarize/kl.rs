//! `kl`: KL-Sum, A. Haghighi & L. Vanderwende (2009), "Exploring Content
//! Models for Multi-Document Summarization", NAACL-HLT, §3 (KLSum).
//!
//! Greedily adds the sentence that makes the summary's unigram distribution
//! P_S closest to the document's P_D, i.e. minimises KL(P_D ‖ P_S), until the
//! budget is filled. Both distributions are over content words (non-stop
//! stems). P_S is additively smoothed over the document's vocabulary V so
//! the divergence is finite: P_S(w) = (c_S(w) + δ) / (|S| + δ·|V|).
//!
//! Parameters and defaults: `smoothing` δ = 1 (add-one / Laplace).
//! A sentence's score is −KL(P_D ‖ P_{S ∪ {s}}) at the step it was added (or,
//! if never added, at the last step). Ties go to the earlier sentence.
//!
//! Each step costs O(content tokens): only the terms of a candidate change
//! the divergence, and ln(c + δ), ln(c + 1 + δ) are cached per term.

use super::bag::Bags;
use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "kl";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "KL-Sum, Haghighi & Vanderwende 2009: greedy min KL(document ‖ summary)";

/// KL-Sum's parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Additive smoothing δ of the summary distribution (> 0).
    pub smoothing: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params { smoothing: 1.0 }
    }
}

impl Params {
    /// Builds the summarizer. A non-positive or non-finite δ falls back to the default.
    pub fn build(self, _options: &BuildOptions) -> KlSum {
        let smoothing = if self.smoothing.is_finite() && self.smoothing > 0.0 { self.smoothing } else { 1.0 };
        KlSum { params: Params { smoothing } }
    }
}

/// The KL-Sum summarizer.
#[derive(Debug, Clone, Copy)]
pub struct KlSum {
    params: Params,
}

impl Summarizer for KlSum {
    fn name(&self) -> &str {
        NAME
    }

    fn rank(&self, doc: &PreparedDocument, budget: &Budget) -> Ranking {
        let n = doc.sentences.len();
        let delta = self.params.smoothing;
        let bags = Bags::new(doc);
        let total = f64::from(bags.doc_total.max(1));
        let p_doc: Vec<f64> = bags.doc_counts.iter().map(|&c| f64::from(c) / total).collect();
        let vocabulary = bags.doc_counts.iter().filter(|&&c| c > 0).count() as f64;
        // Σ P_D ln P_D: the constant part of KL(P_D ‖ P_S).
        let neg_entropy: f64 = p_doc.iter().filter(|&&p| p > 0.0).map(|&p| p * p.ln()).sum();
        // Summary counts, and the cached ln(c + δ), ln(c + 1 + δ) per term.
        let mut counts = vec![0u32; p_doc.len()];
        let mut ln_c = vec![delta.ln(); p_doc.len()];
        let mut ln_c1 = vec![(1.0 + delta).ln(); p_doc.len()];
        // Σ_w P_D(w) ln(c_S(w) + δ), and |S| in content tokens.
        let mut cross = delta.ln() * p_doc.iter().sum::<f64>();
        let mut summary_tokens = 0u32;
        let mut scores = vec![0.0; n];
        let mut chosen = vec![false; n];
        let mut order = Vec::new();
        while order.len() < n && !budget.is_filled(doc, &order) {
            let mut best: Option<(usize, f64, f64)> = None;
            for i in (0..n).filter(|&i| !chosen[i]) {
                let mut gain = 0.0;
                let mut tokens = 0;
                for &(t, k) in bags.of(i) {
                    let t = t as usize;
                    let ln_new = if k == 1 { ln_c1[t] } else { (f64::from(counts[t] + k) + delta).ln() };
                    gain += p_doc[t] * (ln_new - ln_c[t]);
                    tokens += k;
                }
                let norm = (f64::from(summary_tokens + tokens) + delta * vocabulary).ln();
                // KL = Σ P ln P − Σ P ln P_S = neg_entropy − (cross + gain) + norm.
                let kl = neg_entropy - (cross + gain) + norm;
                scores[i] = -kl;
                if best.is_none_or(|(_, b, _)| kl < b) {
                    best = Some((i, kl, gain));
                }
            }
            let Some((pick, _, gain)) = best else { break };
            chosen[pick] = true;
            order.push(pick);
            cross += gain;
            for &(t, k) in bags.of(pick) {
                let t = t as usize;
                counts[t] += k;
                summary_tokens += k;
                ln_c[t] = (f64::from(counts[t]) + delta).ln();
                ln_c1[t] = (f64::from(counts[t] + 1) + delta).ln();
            }
        }
        Ranking { order, scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::WordTokenizer;

    fn assert_close(got: f64, want: f64) {
        assert!((got - want).abs() < 1e-6, "{got} vs {want}");
    }

    // Content tokens: cat 3, dog 1, bird 1 → P_D = (0.6, 0.2, 0.2); |V| = 3.
    // With δ = 1, P_S(w) = (c(w) + 1) / (|S| + 3) over (cat, dog, bird).
    // Step 1 (empty summary):
    //   S0 "cat dog": P_S = (2, 2, 1)/5 → KL = .6 ln(.6/.4) + .2 ln(.2/.4) + 0 = 0.104650
    //   S1 "cat cat": P_S = (3, 1, 1)/5 = P_D → KL = 0  ← chosen
    //   S2 "bird":    P_S = (1, 1, 2)/4 → KL = .6 ln 2.4 + .2 ln .8 + .2 ln .4 = 0.297394
    // Step 2 (summary cat×2):
    //   S0: P_S = (4, 2, 1)/7 → KL = .6 ln 1.05 + .2 ln .7 + .2 ln 1.4 = 0.025233  ← chosen
    //   S2: P_S = (3, 1, 2)/6 → KL = .6 ln 1.2 + .2 ln 1.2 + .2 ln .6 = 0.043692
    // Step 3: S2: P_S = (4, 2, 2)/8 → KL = .6 ln 1.2 + .4 ln .8 = 0.020136
    const TEXT: &str = "Cat dog. Cat cat. Bird.";

    #[test]
    fn greedily_minimises_kl_of_document_to_summary() {
        let d =
            Document { id: "d".into(), title: None, text: TEXT.into(), references: vec![], language: None };
        let doc = PreparedDocument::new(d, &WordTokenizer::english());
        let r = Params { smoothing: 1.0 }.build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(3));
        assert_eq!(r.order, [1, 0, 2]);
        assert_close(r.scores[1], 0.0);
        assert_close(r.scores[0], -0.025233);
        assert_close(r.scores[2], -0.020136);
    }

    #[test]
    fn stops_once_the_budget_is_filled() {
        let d =
            Document { id: "d".into(), title: None, text: TEXT.into(), references: vec![], language: None };
        let doc = PreparedDocument::new(d, &WordTokenizer::english());
        let one = Params::default().build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(1));
        assert_eq!(one.order, [1]);
        // S2 at step 1: 0.297394.
        assert_close(one.scores[2], -0.297394);
        let two = Params::default().build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(2));
        assert_eq!(two.order, [1, 0]);
        // S2 at step 2: 0.043692.
        assert_close(two.scores[2], -0.043692);
    }
}
