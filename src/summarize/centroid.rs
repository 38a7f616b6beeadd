//! `centroid`: MEAD's centroid-based sentence extraction, Radev, Jing, Styś &
//! Tam 2004, "Centroid-based summarization of multiple documents" (Information
//! Processing & Management 40), here with the document as its own cluster.
//!
//! - Centroid: each content term's value `tf(w, document) · idf(w)`
//!   ([`PreparedDocument::idf`]: corpus-level once corpus IDF is applied,
//!   otherwise per-document with sentences as documents); terms whose value
//!   is not above `centroid_threshold` are left out.
//! - Centroid value `C_i`: the sum of the centroid values of the sentence's
//!   content words (every occurrence).
//! - Positional value `P_i = (n − i + 1)/n · C_max` for the i-th of n
//!   sentences (1-based), `C_max` the largest `C_i`.
//! - First-sentence overlap `F_i = S_1 · S_i`: the inner product of the
//!   content-term count vectors of the first sentence and sentence i.
//! - `SCORE_i = w_c C_i + w_p P_i + w_f F_i`.
//! - Redundancy penalty: sentences are picked greedily by `SCORE_i − w_R ·
//!   R_i`, where `R_i = 2 · |overlapping words| / (|words of i| + |words of
//!   j|)` (distinct content stems) against the most overlapping sentence `j`
//!   already picked, and `w_R = redundancy · max_s SCORE_s` (the paper sets
//!   `w_R` to the highest score). Picking stops once the budget is filled;
//!   the rest follow by their last penalized score, which is also every
//!   sentence's reported score.
//!
//! Parameters (defaults): `centroid_weight` w_c 1, `position_weight` w_p 1,
//! `first_sentence_weight` w_f 1, `redundancy` 1, `centroid_threshold` 0.

use super::similarity::{InvertedIndex, dice, select_with_redundancy, term_set_vectors};
use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "centroid";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "MEAD centroid: TF-IDF centroid, position and first-sentence overlap, redundancy penalty (Radev et al. 2004)";

/// MEAD's parameters (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// w_c: weight of the centroid value.
    pub centroid_weight: f64,
    /// w_p: weight of the positional value.
    pub position_weight: f64,
    /// w_f: weight of the first-sentence overlap.
    pub first_sentence_weight: f64,
    /// Redundancy penalty weight, in units of the highest score (0 = off).
    pub redundancy: f64,
    /// Centroid terms must have a TF-IDF value above this.
    pub centroid_threshold: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            centroid_weight: 1.0,
            position_weight: 1.0,
            first_sentence_weight: 1.0,
            redundancy: 1.0,
            centroid_threshold: 0.0,
        }
    }
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> Centroid {
        Centroid { params: self }
    }
}

/// The MEAD centroid summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Centroid {
    params: Params,
}

impl Centroid {
    /// `SCORE_i` before the redundancy penalty.
    fn scores(&self, doc: &PreparedDocument) -> Vec<f64> {
        let p = &self.params;
        let n = doc.sentences.len();
        let mut centroid = vec![0.0f64; doc.num_terms()];
        for s in &doc.sentences {
            for &t in &s.content {
                centroid[t as usize] += 1.0;
            }
        }
        for (value, idf) in centroid.iter_mut().zip(&doc.idf) {
            *value *= idf;
            if *value <= p.centroid_threshold {
                *value = 0.0;
            }
        }
        let c: Vec<f64> =
            doc.sentences.iter().map(|s| s.content.iter().map(|&t| centroid[t as usize]).sum()).collect();
        let c_max = c.iter().copied().fold(0.0, f64::max);
        // F_i = Σ_w count(w, S_1) · count(w, S_i), with S_1's counts dense.
        let mut first = vec![0.0f64; doc.num_terms()];
        if let Some(s) = doc.sentences.first() {
            for &t in &s.content {
                first[t as usize] += 1.0;
            }
        }
        doc.sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let position = (n - i) as f64 / n as f64 * c_max;
                let overlap: f64 = s.content.iter().map(|&t| first[t as usize]).sum();
                p.centroid_weight * c[i] + p.position_weight * position + p.first_sentence_weight * overlap
            })
            .collect()
    }
}

impl Summarizer for Centroid {
    fn name(&self) -> &str {
        NAME
    }

    fn rank(&self, doc: &PreparedDocument, budget: &Budget) -> Ranking {
        let scores = self.scores(doc);
        let w_r = self.params.redundancy * scores.iter().copied().fold(0.0, f64::max);
        let sets = term_set_vectors(doc, 0..doc.sentences.len());
        let index = InvertedIndex::new(&sets, doc.num_terms());
        let (order, scores) = select_with_redundancy(
            &scores,
            w_r,
            &sets,
            &index,
            |i, j, common| dice(common, sets[i].len(), sets[j].len()),
            |picked| budget.is_filled(doc, picked),
        );
        Ranking { order, scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared(text: &str) -> PreparedDocument {
        PreparedDocument::from_text(text)
    }

    // "Cat dog. Cat dog bird. Fish." with sentence IDF over 3 sentences:
    // a = idf(cat) = idf(dog) = ln(3/2), b = idf(bird) = idf(fish) = ln 3.
    // Centroid: cat 2a, dog 2a, bird b, fish b.
    //   C = (4a, 4a + b, b), C_max = 4a + b
    //   P = (3/3, 2/3, 1/3) · C_max
    //   F = (S1·S1, S1·S2, S1·S3) = (2, 2, 0)
    //   SCORE = (8a + b + 2, 5/3 (4a + b) + 2, b + (4a + b)/3)
    //         ≈ (6.342, 6.534, 2.005): S2 (index 1) is best.
    const TEXT: &str = "Cat dog. Cat dog bird. Fish.";

    fn hand_scores() -> [f64; 3] {
        let (a, b) = (1.5f64.ln(), 3f64.ln());
        [8.0 * a + b + 2.0, 5.0 / 3.0 * (4.0 * a + b) + 2.0, b + (4.0 * a + b) / 3.0]
    }

    #[test]
    fn mead_scores_without_penalty_by_hand() {
        let doc = prepared(TEXT);
        let r = Params { redundancy: 0.0, ..Params::default() }
            .build(&BuildOptions::default())
            .rank(&doc, &Budget::Sentences(3));
        for (got, want) in r.scores.iter().zip(hand_scores()) {
            assert!((got - want).abs() < 1e-12, "{:?}", r.scores);
        }
        assert_eq!(r.order, [1, 0, 2]);
    }

    #[test]
    fn redundancy_penalty_by_hand() {
        // After picking index 1 ({cat, dog, bird}), index 0 ({cat, dog}) has
        // R = 2·2/(2 + 3) = 0.8 and is penalized by 0.8 · SCORE_max:
        // 6.342 − 0.8 · 6.534 ≈ 1.115 < 2.005, so index 2 comes second.
        let doc = prepared(TEXT);
        let r = Centroid::default().rank(&doc, &Budget::Sentences(3));
        let s = hand_scores();
        assert_eq!(r.order, [1, 2, 0]);
        let want = [s[0] - 0.8 * s[1], s[1], s[2]];
        for (got, want) in r.scores.iter().zip(want) {
            assert!((got - want).abs() < 1e-12, "{:?}", r.scores);
        }
    }

    #[test]
    fn threshold_drops_low_value_terms_from_the_centroid() {
        // Threshold 1.0: cat, dog (2a ≈ 0.81) drop out; bird, fish (b ≈ 1.10) stay.
        // C = (0, b, b), C_max = b; SCORE = (b + 2, b + 2b/3 + 2, b + b/3).
        let doc = prepared(TEXT);
        let r = Params { redundancy: 0.0, centroid_threshold: 1.0, ..Params::default() }
            .build(&BuildOptions::default())
            .rank(&doc, &Budget::Sentences(3));
        let b = 3f64.ln();
        for (got, want) in r.scores.iter().zip([b + 2.0, 5.0 / 3.0 * b + 2.0, 4.0 / 3.0 * b]) {
            assert!((got - want).abs() < 1e-12, "{:?}", r.scores);
        }
    }
}
