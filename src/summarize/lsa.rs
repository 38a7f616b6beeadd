//! `lsa`: J. Steinberger & K. Ježek (2004), "Using Latent Semantic Analysis
//! in Text Summarization and Summary Evaluation", Proc. ISIM '04, 93–100.
//!
//! Builds the term × sentence matrix A (rows: the document's content stems;
//! columns: sentences), takes its singular value decomposition A = U Σ Vᵀ
//! (with `faer`), and scores sentence k by the length of its vector in the
//! reduced latent space: `s_k = sqrt(Σ_{i ≤ r} σ_i² · v_{k,i}²)`. Unlike
//! Gong & Liu (2001), one sentence per topic, this rewards sentences that
//! are strong in several important topics.
//!
//! Parameters and defaults: `weighting = TfIdf` (cell = term frequency in the
//! sentence × the document's IDF), `dimensions = None` (r = every singular
//! value; `Some(r)` keeps the r largest).

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::svd::{ComputeSvdVectors, svd, svd_scratch};
use faer::{Mat, Par};

use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "lsa";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "Steinberger & Ježek 2004: sentence length in the SVD latent space";

/// The cell weight of the term × sentence matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weighting {
    /// 1 if the term occurs in the sentence.
    Binary,
    /// Occurrences of the term in the sentence.
    Frequency,
    /// Occurrences × the term's IDF ([`PreparedDocument::idf`]).
    #[default]
    TfIdf,
}

/// LSA's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Params {
    /// Cell weighting of the term × sentence matrix.
    pub weighting: Weighting,
    /// Latent dimensions kept (the largest singular values); `None` keeps all.
    pub dimensions: Option<usize>,
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> Lsa {
        Lsa { params: self }
    }
}

/// The LSA summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lsa {
    params: Params,
}

impl Lsa {
    /// The weighted content-term × sentence matrix.
    fn matrix(&self, doc: &PreparedDocument) -> Mat<f64> {
        // Term id → row, for the terms used as content words.
        let mut row = vec![usize::MAX; doc.num_terms()];
        let mut rows = 0;
        for s in &doc.sentences {
            for &t in &s.content {
                if row[t as usize] == usize::MAX {
                    row[t as usize] = rows;
                    rows += 1;
                }
            }
        }
        let mut a = Mat::<f64>::zeros(rows, doc.sentences.len());
        for (j, s) in doc.sentences.iter().enumerate() {
            for &t in &s.content {
                let i = row[t as usize];
                a[(i, j)] = match self.params.weighting {
                    Weighting::Binary => 1.0,
                    Weighting::Frequency => a[(i, j)] + 1.0,
                    Weighting::TfIdf => a[(i, j)] + doc.idf[t as usize],
                };
            }
        }
        a
    }

    /// `sqrt(Σ_{i ≤ r} σ_i² v_{k,i}²)` for every sentence k; zeros if the SVD fails.
    fn scores(&self, a: &Mat<f64>) -> Vec<f64> {
        let (m, n) = (a.nrows(), a.ncols());
        let k = m.min(n);
        if k == 0 {
            return vec![0.0; n];
        }
        let mut s = Mat::<f64>::zeros(k, 1);
        let mut v = Mat::<f64>::zeros(n, k);
        let params = Default::default();
        let scratch = svd_scratch::<f64>(m, n, ComputeSvdVectors::No, ComputeSvdVectors::Thin, Par::Seq, params);
        let mut buffer = MemBuffer::new(scratch);
        let result = svd(
            a.as_ref(),
            s.as_mut().col_mut(0).as_diagonal_mut(),
            None,
            Some(v.as_mut()),
            Par::Seq,
            MemStack::new(&mut buffer),
            params,
        );
        if result.is_err() {
            return vec![0.0; n];
        }
        let r = self.params.dimensions.unwrap_or(k).min(k);
        (0..n)
            .map(|row| (0..r).map(|i| (s[(i, 0)] * v[(row, i)]).powi(2)).sum::<f64>().sqrt())
            .collect()
    }
}

impl Summarizer for Lsa {
    fn name(&self) -> &str {
        NAME
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let scores = self.scores(&self.matrix(doc));
        Ranking { order: super::order::by_score(&scores), scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::WordTokenizer;

    fn doc(text: &str) -> PreparedDocument {
        let d = Document { id: "d".into(), title: None, text: text.into(), references: vec![] };
        PreparedDocument::new(d, &WordTokenizer::english())
    }

    fn rank(text: &str, params: Params) -> Ranking {
        params.build(&BuildOptions::default()).rank(&doc(text), &Budget::Sentences(1))
    }

    fn assert_close(got: &[f64], want: &[f64]) {
        assert!(got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-9), "{got:?} vs {want:?}");
    }

    // Frequency weighting, terms (cat, dog, bird):
    //   S0 "Cat dog." = (1, 1, 0), S1 "Cat dog." = (1, 1, 0), S2 "Bird." = (0, 0, 1).
    // AᵀA = [[2, 2, 0], [2, 2, 0], [0, 0, 1]]: eigenvalues σ² = 4 with v = (1, 1, 0)/√2,
    // 1 with v = (0, 0, 1), 0 with v = (1, −1, 0)/√2.
    // s_k = sqrt(Σ σ_i² v_ki²): S0 = S1 = sqrt(4 · 1/2) = √2, S2 = sqrt(1 · 1) = 1.
    const TEXT: &str = "Cat dog. Cat dog. Bird.";

    #[test]
    fn scores_sentences_by_their_length_in_the_latent_space() {
        let r = rank(TEXT, Params { weighting: Weighting::Frequency, dimensions: None });
        assert_close(&r.scores, &[2f64.sqrt(), 2f64.sqrt(), 1.0]);
        assert_eq!(r.order[2], 2);
    }

    #[test]
    fn fewer_dimensions_drop_the_weaker_topics() {
        // r = 1 keeps σ² = 4 only: S2 has no weight on it.
        let r = rank(TEXT, Params { weighting: Weighting::Frequency, dimensions: Some(1) });
        assert_close(&r.scores, &[2f64.sqrt(), 2f64.sqrt(), 0.0]);
    }

    #[test]
    fn tf_idf_weighting_scales_rows_by_idf() {
        // Sentence-level IDF: cat, dog in 2 of 3 sentences → ln 1.5; bird → ln 3.
        // A = [[a, a, 0], [a, a, 0], [0, 0, b]] with a = ln 1.5, b = ln 3:
        // AᵀA = [[2a², 2a², 0], [2a², 2a², 0], [0, 0, b²]]; σ² = 4a² on (1, 1, 0)/√2, b² on (0, 0, 1).
        // S0 = S1 = sqrt(4a² / 2) = √2 · a, S2 = b.
        let (a, b) = (1.5f64.ln(), 3f64.ln());
        let r = rank(TEXT, Params::default());
        assert_close(&r.scores, &[2f64.sqrt() * a, 2f64.sqrt() * a, b]);
        assert_eq!(r.order, [2, 0, 1]);
    }

    #[test]
    fn a_document_without_content_words_scores_zero() {
        assert_close(&rank("The. It is.", Params::default()).scores, &[0.0, 0.0]);
        assert!(rank("", Params::default()).scores.is_empty());
    }
}
