//! `random`: sentences in a random order, the chance baseline every
//! extractive-summarization evaluation reports beside Lead (e.g. Nenkova &
//! McKeown 2011, "Automatic Summarization", §4).
//!
//! The order is a uniform shuffle (Fisher–Yates, ChaCha8 stream) seeded by
//! SHA-256 of the run seed and the document id, so a document gets the same
//! summary in every run, on every thread count and whatever else the corpus
//! holds. No algorithm parameters; the seed comes from
//! [`BuildOptions::seed`] (default 0).
//!
//! Never uses process-randomized hashing (std's `RandomState`).

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use sha2::{Digest, Sha256};

use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "random";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "sentences in random order, seeded by (seed, document id) (chance baseline)";

/// Random has no algorithm parameters: the seed is a build option.
#[derive(Debug, Clone, Copy, Default)]
pub struct Params;

impl Params {
    /// Builds the summarizer with the run's seed.
    pub fn build(self, options: &BuildOptions) -> Random {
        Random { seed: options.seed }
    }
}

/// The random baseline.
#[derive(Debug, Clone, Copy, Default)]
pub struct Random {
    seed: u64,
}

impl Random {
    /// The generator for one document: ChaCha8 keyed by SHA-256(seed ‖ id).
    fn rng(&self, doc: &PreparedDocument) -> ChaCha8Rng {
        let mut hasher = Sha256::new();
        hasher.update(self.seed.to_le_bytes());
        hasher.update(doc.source.id.as_bytes());
        ChaCha8Rng::from_seed(hasher.finalize().into())
    }
}

impl Summarizer for Random {
    fn name(&self) -> &str {
        NAME
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let n = doc.sentences.len();
        let mut order: Vec<usize> = (0..n).collect();
        order.shuffle(&mut self.rng(doc));
        // Score: 1 for the first drawn sentence, falling linearly to 1/n.
        let mut scores = vec![0.0; n];
        for (rank, &i) in order.iter().enumerate() {
            scores[i] = (n - rank) as f64 / n as f64;
        }
        Ranking { order, scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::WordTokenizer;

    fn doc(id: &str) -> PreparedDocument {
        let text = (0..40).map(|i| format!("Sentence number {i} is here.")).collect::<Vec<_>>().join(" ");
        let d = Document { id: id.into(), title: None, text, references: vec![], language: None };
        PreparedDocument::new(d, &WordTokenizer::english())
    }

    fn order(seed: u64, id: &str) -> Vec<usize> {
        Params
            .build(&BuildOptions { seed, ..BuildOptions::default() })
            .rank(&doc(id), &Budget::Sentences(3))
            .order
    }

    #[test]
    fn is_a_permutation_of_the_sentences() {
        let mut o = order(0, "a");
        o.sort_unstable();
        assert_eq!(o, (0..40).collect::<Vec<_>>());
    }

    #[test]
    fn is_stable_per_seed_and_document_and_varies_with_either() {
        assert_eq!(order(7, "a"), order(7, "a"));
        // 40! orders: two independent shuffles coincide with negligible probability.
        assert_ne!(order(7, "a"), order(8, "a"));
        assert_ne!(order(7, "a"), order(7, "b"));
    }

    #[test]
    fn scores_follow_the_draw_order() {
        let r = Params.build(&BuildOptions::default()).rank(&doc("a"), &Budget::Sentences(3));
        assert_eq!(r.scores[r.order[0]], 1.0);
        assert_eq!(r.scores[r.order[39]], 1.0 / 40.0);
    }
}
