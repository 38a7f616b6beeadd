//! `lexrank`: LexRank, Erkan & Radev 2004, "LexRank: Graph-based Lexical
//! Centrality as Salience in Text Summarization" (JAIR 22).
//!
//! Sentences are nodes; two sentences are linked by their idf-modified
//! cosine (eq. 3: raw term counts × IDF, stop words removed). The IDF is
//! [`PreparedDocument::idf`]: corpus-level once the harness has applied
//! corpus IDF (the paper uses IDF from a large corpus), otherwise
//! per-document with sentences as documents. Every sentence is linked to
//! itself (cosine 1), as in the paper's Algorithm 3, which loops over all
//! `i, j`.
//!
//! - Threshold LexRank (default, §3.2): an edge wherever the cosine exceeds
//!   `threshold`, each edge weight 1 (the row is divided by its degree).
//! - Continuous LexRank (§3.3, eq. 7): `continuous = true`, every nonzero
//!   cosine is an edge weighted by that cosine.
//!
//! Scores are the stationary probabilities of eq. 5/7 by power iteration
//! (see `graph`): with probability `damping` a walker follows an edge, else
//! jumps uniformly (the paper's jump probability `d` is `1 − damping`; it
//! recommends d in [0.1, 0.2]).
//!
//! Parameters (defaults): `threshold` 0.1, `continuous` false, `damping`
//! 0.85, `tolerance` 1e-4 (largest per-sentence change on the mean-1 scale),
//! `max_iterations` 1000, `max_sentences` 2000. Above `max_sentences`
//! sentences the document is split into consecutive balanced blocks of at
//! most that many sentences, each ranked as its own graph, with scores scaled
//! by block size / sentence count so they stay comparable; this bounds the
//! cost at O(N · max_sentences).

use super::graph::{DEFAULT_MAX_SENTENCES, Graph, blocks};
use super::order::by_score;
use super::similarity::{InvertedIndex, cosine_from_dot, tf_idf_vectors};
use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "lexrank";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "LexRank: idf-modified cosine graph centrality (Erkan & Radev 2004)";

/// LexRank's parameters (see the module docs for their meaning).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Cosine above which two sentences are linked (threshold variant).
    pub threshold: f64,
    /// Use continuous LexRank (cosine-weighted edges, no threshold).
    pub continuous: bool,
    /// Probability of following an edge rather than jumping (1 − the paper's d).
    pub damping: f64,
    /// Convergence tolerance of the power iteration.
    pub tolerance: f64,
    /// Cap on power iterations.
    pub max_iterations: usize,
    /// Largest graph, in sentences; longer documents are ranked in blocks.
    pub max_sentences: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: 0.1,
            continuous: false,
            damping: 0.85,
            tolerance: 1e-4,
            max_iterations: 1000,
            max_sentences: DEFAULT_MAX_SENTENCES,
        }
    }
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> LexRank {
        LexRank { params: self }
    }
}

/// The LexRank summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct LexRank {
    params: Params,
}

impl LexRank {
    /// Stationary scores of the sentences in `block` as one graph.
    fn block_scores(&self, doc: &PreparedDocument, block: std::ops::Range<usize>) -> Vec<f64> {
        let p = &self.params;
        let vectors = tf_idf_vectors(doc, block);
        let index = InvertedIndex::new(&vectors, doc.num_terms());
        let mut edges = Vec::new();
        index.for_each_pair(&vectors, |i, j, dot| {
            let cosine = cosine_from_dot(dot, vectors[i].norm, vectors[j].norm);
            let weight = if p.continuous {
                cosine
            } else if cosine > p.threshold {
                1.0
            } else {
                0.0
            };
            if weight > 0.0 {
                edges.push((i as u32, j as u32, weight));
            }
        });
        // A sentence's cosine with itself is 1 (0 for an all-zero vector).
        let self_loops: Vec<f64> = vectors
            .iter()
            .map(|v| if v.norm > 0.0 && (p.continuous || 1.0 > p.threshold) { 1.0 } else { 0.0 })
            .collect();
        Graph::undirected(vectors.len(), &edges, &self_loops).pagerank(
            p.damping,
            p.tolerance,
            p.max_iterations,
        )
    }
}

impl Summarizer for LexRank {
    fn name(&self) -> &str {
        NAME
    }

    fn approximation(&self, doc: &PreparedDocument) -> Option<String> {
        super::graph::blocks_note(doc.sentences.len(), self.params.max_sentences)
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let n = doc.sentences.len();
        let mut scores = Vec::with_capacity(n);
        for block in blocks(n, self.params.max_sentences) {
            let scale = block.len() as f64 / n as f64;
            scores.extend(self.block_scores(doc, block).into_iter().map(|s| s * scale));
        }
        Ranking { order: by_score(&scores), scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared(text: &str) -> PreparedDocument {
        PreparedDocument::from_text(text)
    }

    // "Cat dog. Cat bird. Dog fish." with sentence IDF over 3 sentences:
    // a = idf(cat) = idf(dog) = ln(3/2), b = idf(bird) = idf(fish) = ln 3.
    // cos(0,1) = a² / (√(2a²) · √(a² + b²)) = 0.2447… = cos(0,2) (same shape);
    // cos(1,2) = 0 (nothing shared).
    const STAR: &str = "Cat dog. Cat bird. Dog fish.";

    fn star_cosine() -> f64 {
        let (a, b) = (1.5f64.ln(), 3f64.ln());
        a * a / ((2.0 * a * a).sqrt() * (a * a + b * b).sqrt())
    }

    #[test]
    fn threshold_lexrank_on_a_star_matches_the_hand_solution() {
        // cos = 0.2447 > 0.1: edges 0–1, 0–2, plus self-loops. Degrees 3, 2, 2.
        // With damping 0.85 (jump 0.15/3 = 0.05), p0 = a, p1 = p2 = (1 − a)/2:
        //   a = 0.05 + 0.85 (a/3 + b/2 + b/2) = 0.475 − 0.141666… a
        //   → a = 0.475 / 1.141666… = 0.416058…, b = 0.291970…
        assert!(star_cosine() > 0.1);
        let doc = prepared(STAR);
        let params = Params { tolerance: 1e-12, ..Params::default() };
        let r = params.build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(1));
        let a = 0.475 / (1.0 + 0.85 / 2.0 - 0.85 / 3.0);
        let b = (1.0 - a) / 2.0;
        for (got, want) in r.scores.iter().zip([a, b, b]) {
            assert!((got - want).abs() < 1e-9, "{:?}", r.scores);
        }
        assert_eq!(r.order, [0, 1, 2]);
    }

    #[test]
    fn continuous_lexrank_without_jumps_is_proportional_to_weighted_degree() {
        // Edges weighted by c = cos(0,1) = cos(0,2), self-loops 1. With no
        // jump (damping 1) the walk is reversible: p ∝ weighted degree
        // (1 + 2c, 1 + c, 1 + c) / (3 + 4c).
        let doc = prepared(STAR);
        let params = Params { continuous: true, damping: 1.0, tolerance: 1e-13, ..Params::default() };
        let r = params.build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(1));
        let c = star_cosine();
        let total = 3.0 + 4.0 * c;
        for (got, want) in
            r.scores.iter().zip([(1.0 + 2.0 * c) / total, (1.0 + c) / total, (1.0 + c) / total])
        {
            assert!((got - want).abs() < 1e-9, "{:?}", r.scores);
        }
    }

    #[test]
    fn a_threshold_above_every_cosine_leaves_only_self_loops() {
        // Threshold 0.5 > 0.2447: each sentence links only to itself, so every
        // p = 1/3 and the ranking falls back to document order.
        let doc = prepared(STAR);
        let r = Params { threshold: 0.5, ..Params::default() }
            .build(&BuildOptions::default())
            .rank(&doc, &Budget::Sentences(1));
        assert!(r.scores.iter().all(|&s| (s - 1.0 / 3.0).abs() < 1e-12), "{:?}", r.scores);
        assert_eq!(r.order, [0, 1, 2]);
    }

    #[test]
    fn long_documents_are_ranked_in_blocks_with_comparable_scores() {
        // Two copies of the star, blocks of 3: each block is the star above,
        // scaled by 3/6, so sentences 0 and 3 tie at a/2 and lead the order.
        let doc = prepared("Cat dog. Cat bird. Dog fish. Cat dog. Cat bird. Dog fish.");
        let params = Params { max_sentences: 3, tolerance: 1e-12, ..Params::default() };
        let r = params.build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(1));
        // Sentence IDF is now over 6 sentences but the shape is the same:
        // both blocks hold the star, cosines still > 0.1.
        let a = 0.475 / (1.0 + 0.85 / 2.0 - 0.85 / 3.0);
        assert!((r.scores[0] - a / 2.0).abs() < 1e-9 && (r.scores[3] - a / 2.0).abs() < 1e-9);
        assert_eq!(&r.order[..2], [0, 3]);
    }
}
