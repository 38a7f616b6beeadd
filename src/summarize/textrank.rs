//! `textrank`: TextRank for sentence extraction, Mihalcea & Tarau 2004,
//! "TextRank: Bringing Order into Texts" (EMNLP), §4.
//!
//! Sentences are nodes of an undirected weighted graph (no self-loops); the
//! edge between two sentences is their content overlap (§4.1):
//! `|Si ∩ Sj| / (ln|Si| + ln|Sj|)`, a sentence being the set of its distinct
//! content stems (stop words removed; see `similarity`). Scores are the
//! weighted PageRank of eq. 2, `WS(Vi) = (1 − d) + d Σ_j w_ji / Σ_k w_jk ·
//! WS(Vj)`, iterated until no vertex changes by `tolerance` or more (the
//! paper's 0.0001) — reported on the paper's scale (mean 1). No IDF is used.
//!
//! Parameters (defaults): `damping` d = 0.85, `tolerance` 1e-4,
//! `max_iterations` 1000, `max_sentences` 2000. Above `max_sentences`
//! sentences the document is split into consecutive balanced blocks of at
//! most that many sentences, each its own graph (scores stay on the mean-1
//! scale per block); this bounds the cost at O(N · max_sentences).

use super::graph::{DEFAULT_MAX_SENTENCES, Graph, blocks};
use super::order::by_score;
use super::similarity::{InvertedIndex, term_set_vectors, textrank_overlap};
use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "textrank";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str =
    "TextRank: weighted PageRank over sentence word overlap (Mihalcea & Tarau 2004)";

/// TextRank's parameters (see the module docs for their meaning).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// PageRank damping factor d (probability of following an edge).
    pub damping: f64,
    /// Stop when no sentence's score changes by this much (paper: 0.0001).
    pub tolerance: f64,
    /// Cap on power iterations.
    pub max_iterations: usize,
    /// Largest graph, in sentences; longer documents are ranked in blocks.
    pub max_sentences: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params { damping: 0.85, tolerance: 1e-4, max_iterations: 1000, max_sentences: DEFAULT_MAX_SENTENCES }
    }
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> TextRank {
        TextRank { params: self }
    }
}

/// The TextRank summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRank {
    params: Params,
}

impl Summarizer for TextRank {
    fn name(&self) -> &str {
        NAME
    }

    fn approximation(&self, doc: &PreparedDocument) -> Option<String> {
        super::graph::blocks_note(doc.sentences.len(), self.params.max_sentences)
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let p = &self.params;
        let mut scores = Vec::with_capacity(doc.sentences.len());
        for block in blocks(doc.sentences.len(), p.max_sentences) {
            let sets = term_set_vectors(doc, block);
            let index = InvertedIndex::new(&sets, doc.num_terms());
            let mut edges = Vec::new();
            index.for_each_pair(&sets, |i, j, common| {
                edges.push((i as u32, j as u32, textrank_overlap(common, sets[i].len(), sets[j].len())));
            });
            let m = sets.len() as f64;
            let ranks =
                Graph::undirected(sets.len(), &edges, &[]).pagerank(p.damping, p.tolerance, p.max_iterations);
            // The paper's scale: WS = N · p.
            scores.extend(ranks.into_iter().map(|r| r * m));
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

    #[test]
    fn weighted_star_matches_the_hand_solution() {
        // S0 = {cat, dog, bird}, S1 = {cat, dog}, S2 = {bird, fish}.
        // w01 = 2 / (ln 3 + ln 2) = 2v, w02 = 1 / (ln 3 + ln 2) = v, w12 = 0.
        // Out-weights: S0 3v, S1 2v, S2 v. Eq. 2 with d = 0.85:
        //   WS0 = 0.15 + 0.85 (WS1 · 2v/2v + WS2 · v/v)
        //   WS1 = 0.15 + 0.85 · WS0 · 2v/3v,  WS2 = 0.15 + 0.85 · WS0 · v/3v
        // → WS1 + WS2 = 0.3 + 0.85 WS0 → WS0 = 0.405 / (1 − 0.7225) = 1.459459…
        //   WS1 = 0.15 + 0.85·(2/3)·WS0 = 0.977027…, WS2 = 0.15 + 0.85·(1/3)·WS0 = 0.563513…
        let doc = prepared("Cat dog bird. Cat dog. Bird fish.");
        let params = Params { tolerance: 1e-12, ..Params::default() };
        let r = params.build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(1));
        let ws0 = 0.405 / (1.0 - 0.7225);
        let want = [ws0, 0.15 + 0.85 * 2.0 / 3.0 * ws0, 0.15 + 0.85 / 3.0 * ws0];
        for (got, want) in r.scores.iter().zip(want) {
            assert!((got - want).abs() < 1e-9, "{:?}", r.scores);
        }
        assert_eq!(r.order, [0, 1, 2]);
    }

    #[test]
    fn default_tolerance_stops_within_the_papers_threshold() {
        // With the paper's 0.0001 the scores are within about 1e-3 of the fixed point.
        let doc = prepared("Cat dog bird. Cat dog. Bird fish.");
        let r = TextRank::default().rank(&doc, &Budget::Sentences(1));
        let ws0 = 0.405 / (1.0 - 0.7225);
        assert!((r.scores[0] - ws0).abs() < 1e-3, "{:?}", r.scores);
    }

    #[test]
    fn sentences_without_shared_words_keep_the_base_score() {
        // No edges: WS = 1 − d = 0.15 for each sentence (no vertex passes anything on).
        let doc = prepared("Cat dog. Bird fish.");
        let r = TextRank::default().rank(&doc, &Budget::Sentences(1));
        assert!(r.scores.iter().all(|&s| (s - 0.15).abs() < 1e-12), "{:?}", r.scores);
    }
}
