//! `reduction`: the Reduction summarizer (Adam Fabish's "Reduction" project,
//! as packaged in sumy's `ReductionSummarizer`): a sentence's weight is the
//! sum of its similarity edges to every other sentence, the edge being
//! TextRank's overlap `|Si ∩ Sj| / (ln|Si| + ln|Sj|)` (Mihalcea & Tarau
//! 2004, §4.1; sentences as sets of distinct content stems, see
//! `similarity`). It is TextRank's graph scored by weighted degree instead of
//! PageRank. No IDF is used.
//!
//! Parameters (defaults): `max_sentences` 2000. Above it the document is
//! split into consecutive balanced blocks of at most that many sentences and
//! a sentence's edges are summed within its block, bounding the cost at
//! O(N · max_sentences).

use super::graph::{DEFAULT_MAX_SENTENCES, blocks};
use super::order::by_score;
use super::similarity::{InvertedIndex, term_set_vectors, textrank_overlap};
use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "reduction";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "Reduction: sum of TextRank overlap edges per sentence (sumy's Reduction)";

/// Reduction's parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Largest graph, in sentences; longer documents are scored in blocks.
    pub max_sentences: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params { max_sentences: DEFAULT_MAX_SENTENCES }
    }
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> Reduction {
        Reduction { params: self }
    }
}

/// The Reduction summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reduction {
    params: Params,
}

impl Summarizer for Reduction {
    fn name(&self) -> &str {
        NAME
    }

    fn approximation(&self, doc: &PreparedDocument) -> Option<String> {
        super::graph::blocks_note(doc.sentences.len(), self.params.max_sentences)
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let mut scores = vec![0.0; doc.sentences.len()];
        for block in blocks(doc.sentences.len(), self.params.max_sentences) {
            let start = block.start;
            let sets = term_set_vectors(doc, block);
            InvertedIndex::new(&sets, doc.num_terms()).for_each_pair(&sets, |i, j, common| {
                let w = textrank_overlap(common, sets[i].len(), sets[j].len());
                scores[start + i] += w;
                scores[start + j] += w;
            });
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
    fn weights_are_sums_of_overlap_edges_by_hand() {
        // S0 = {cat, dog, bird}, S1 = {cat, dog}, S2 = {bird, fish}, ln 3 + ln 2 = ln 6:
        // w01 = 2/ln 6, w02 = 1/ln 6, w12 = 0 → S0 = 3/ln 6, S1 = 2/ln 6, S2 = 1/ln 6.
        let doc = prepared("Cat dog bird. Cat dog. Bird fish.");
        let r = Reduction::default().rank(&doc, &Budget::Sentences(1));
        let l6 = 6f64.ln();
        for (got, want) in r.scores.iter().zip([3.0 / l6, 2.0 / l6, 1.0 / l6]) {
            assert!((got - want).abs() < 1e-12, "{:?}", r.scores);
        }
        assert_eq!(r.order, [0, 1, 2]);
    }

    #[test]
    fn blocks_only_sum_edges_inside_the_block() {
        // Blocks of 2: {S0, S1} and {S2}. S0 = S1 = 2/ln 6, S2 has no partner → 0.
        let doc = prepared("Cat dog bird. Cat dog. Bird fish.");
        let r = Params { max_sentences: 2 }.build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(1));
        let l6 = 6f64.ln();
        assert_eq!(r.scores.len(), 3);
        assert!((r.scores[0] - 2.0 / l6).abs() < 1e-12 && (r.scores[1] - 2.0 / l6).abs() < 1e-12);
        assert_eq!(r.scores[2], 0.0);
    }
}
