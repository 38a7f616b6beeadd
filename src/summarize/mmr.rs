//! `mmr`: Maximal Marginal Relevance, Carbonell & Goldstein 1998, "The Use
//! of MMR, Diversity-Based Reranking for Reordering Documents and Producing
//! Summaries" (SIGIR).
//!
//! Greedy selection of `argmax_{Si ∉ S} [λ · Sim1(Si, Q) − (1 − λ) ·
//! max_{Sj ∈ S} Sim2(Si, Sj)]` until the budget is filled; the remaining
//! sentences follow by their last MMR value. Both similarities are the
//! cosine of TF-IDF vectors (content-term counts × [`PreparedDocument::idf`]:
//! corpus-level once corpus IDF is applied, otherwise per-document with
//! sentences as documents). For generic (query-less) summaries the query
//! `Q` is the whole document's TF-IDF vector (`query = Query::Document`);
//! `Query::Title` uses the title and falls back to the document when there
//! is none. A sentence's score is its MMR value when it was picked.
//!
//! Parameters (defaults): `lambda` λ = 0.7 (leaning to relevance; the
//! paper leaves λ to the user, a small λ to explore diverse content and a
//! larger one to focus; λ = 1 is pure relevance ranking), `query`
//! `Query::Document`.

use super::similarity::{
    InvertedIndex, cosine_from_dot, select_with_redundancy, tf_idf_of_terms, tf_idf_vectors,
};
use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "mmr";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str =
    "Maximal Marginal Relevance: relevance to the document minus redundancy (Carbonell & Goldstein 1998)";

/// What relevance is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Query {
    /// The whole document (generic summarization).
    #[default]
    Document,
    /// The document's title (the document when it has none).
    Title,
}

/// MMR's parameters (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// λ: weight of relevance against redundancy, in [0, 1].
    pub lambda: f64,
    /// The query relevance is measured against.
    pub query: Query,
}

impl Default for Params {
    fn default() -> Self {
        Params { lambda: 0.7, query: Query::Document }
    }
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> Mmr {
        Mmr { params: self }
    }
}

/// The MMR summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mmr {
    params: Params,
}

impl Summarizer for Mmr {
    fn name(&self) -> &str {
        NAME
    }

    fn rank(&self, doc: &PreparedDocument, budget: &Budget) -> Ranking {
        let n = doc.sentences.len();
        let vectors = tf_idf_vectors(doc, 0..n);
        let query = match self.params.query {
            Query::Title if !doc.title_terms.is_empty() => {
                tf_idf_of_terms(doc, doc.title_terms.iter().copied())
            }
            _ => tf_idf_of_terms(doc, doc.sentences.iter().flat_map(|s| s.content.iter().copied())),
        };
        let lambda = self.params.lambda;
        let relevance: Vec<f64> = vectors.iter().map(|v| lambda * query.cosine(v)).collect();
        let index = InvertedIndex::new(&vectors, doc.num_terms());
        let (order, scores) = select_with_redundancy(
            &relevance,
            1.0 - lambda,
            &vectors,
            &index,
            |i, j, dot| cosine_from_dot(dot, vectors[i].norm, vectors[j].norm),
            |picked| budget.is_filled(doc, picked),
        );
        Ranking { order, scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::WordTokenizer;

    fn prepared(text: &str, title: Option<&str>) -> PreparedDocument {
        let d = Document {
            id: "d".into(),
            title: title.map(Into::into),
            text: text.into(),
            references: vec![],
            language: None,
        };
        PreparedDocument::new(d, &WordTokenizer::english())
    }

    #[test]
    fn duplicate_sentence_is_pushed_down_by_hand() {
        // "Cat dog. Cat dog. Fish bird.", sentence IDF over 3 sentences:
        // a = idf(cat) = idf(dog) = ln(3/2), b = idf(fish) = idf(bird) = ln 3.
        // S0 = S1 = (a, a) on (cat, dog); S2 = (b, b) on (fish, bird);
        // Q = (2a, 2a, b, b), |Q| = √2 · √(4a² + b²).
        //   cos(S0, Q) = 4a² / (a√2 · |Q|) = 2a / √(4a² + b²)
        //   cos(S2, Q) = 2b² / (b√2 · |Q|) = b / √(4a² + b²)  (larger)
        // Step 1: S2 (0.7·cos(S2,Q)); it shares nothing with S0, S1.
        // Step 2: S0 and S1 tie at 0.7·cos(S0,Q) → S0 (earlier).
        // S1 then has cos(S1, S0) = 1: value 0.7·cos(S0,Q) − 0.3.
        let doc = prepared("Cat dog. Cat dog. Fish bird.", None);
        let r = Mmr::default().rank(&doc, &Budget::Sentences(3));
        let (a, b) = (1.5f64.ln(), 3f64.ln());
        let norm = (4.0 * a * a + b * b).sqrt();
        let want = [0.7 * 2.0 * a / norm, 0.7 * 2.0 * a / norm - 0.3, 0.7 * b / norm];
        assert_eq!(r.order, [2, 0, 1]);
        for (got, want) in r.scores.iter().zip(want) {
            assert!((got - want).abs() < 1e-12, "{:?}", r.scores);
        }
    }

    #[test]
    fn lambda_one_is_pure_relevance() {
        // λ = 1: no redundancy term, S0 and S1 tie and keep document order.
        let doc = prepared("Cat dog. Cat dog. Fish bird.", None);
        let r = Params { lambda: 1.0, ..Params::default() }
            .build(&BuildOptions::default())
            .rank(&doc, &Budget::Sentences(3));
        assert_eq!(r.order, [2, 0, 1]);
        assert_eq!(r.scores[0], r.scores[1]);
    }

    #[test]
    fn title_query_prefers_the_title_words() {
        // Title "cat": only S0 and S1 have cosine > 0 with it (a / (a√2) = 1/√2).
        let doc = prepared("Cat dog. Cat dog. Fish bird.", Some("Cat"));
        let r = Params { query: Query::Title, ..Params::default() }
            .build(&BuildOptions::default())
            .rank(&doc, &Budget::Sentences(1));
        assert_eq!(r.order[0], 0);
        assert!((r.scores[0] - 0.7 / 2f64.sqrt()).abs() < 1e-12, "{:?}", r.scores);
    }
}
