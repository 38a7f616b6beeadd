//! `lsa`: J. Steinberger & K. Ježek (2004), "Using Latent Semantic Analysis
//! in Text Summarization and Summary Evaluation", Proc. ISIM '04, 93–100.
//!
//! Builds the term × sentence matrix A (rows: the document's content stems;
//! columns: sentences), takes its singular value decomposition A = U Σ Vᵀ
//! (through `faer`'s eigendecomposition of the smaller Gram matrix, AᵀA or
//! AAᵀ, whose eigenvalues are σ²: cheaper than a full SVD when one side is
//! short, as sentences are against terms), and scores sentence k by the length of its vector in the
//! reduced latent space: `s_k = sqrt(Σ_{i ≤ r} σ_i² · v_{k,i}²)`. Unlike
//! Gong & Liu (2001), one sentence per topic, this rewards sentences that
//! are strong in several important topics.
//!
//! Parameters and defaults: `weighting = TfIdf` (cell = term frequency in the
//! sentence × the document's IDF), `dimensions = None` (r = every singular
//! value; `Some(r)` keeps the r largest), `max_sentences = 500`: the
//! decomposition costs the cube of the Gram matrix's size, so a longer
//! document is split into balanced consecutive blocks of at most that many
//! sentences (as the graph methods do), each decomposed on its own — an
//! approximation of the whole-document SVD that keeps a 20,000-sentence
//! document within seconds.

use faer::{Mat, Side};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// Cell weighting of the term × sentence matrix.
    pub weighting: Weighting,
    /// Latent dimensions kept (the largest singular values); `None` keeps all.
    pub dimensions: Option<usize>,
    /// Above this many sentences, the document is decomposed in blocks.
    pub max_sentences: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params { weighting: Weighting::default(), dimensions: None, max_sentences: 500 }
    }
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

/// The weighted content-term × sentence matrix A, stored by column (sentence):
/// `cells[starts[j]..starts[j + 1]]` are sentence j's `(row, weight)` cells.
struct SparseColumns {
    rows: usize,
    cells: Vec<(usize, f64)>,
    starts: Vec<usize>,
}

impl SparseColumns {
    fn column(&self, j: usize) -> &[(usize, f64)] {
        &self.cells[self.starts[j]..self.starts[j + 1]]
    }

    fn columns(&self) -> usize {
        self.starts.len() - 1
    }

    /// AᵀA (sentences × sentences).
    fn sentence_gram(&self) -> Mat<f64> {
        let n = self.columns();
        // Row-major copy of the cells (a counting sort by row): row i's
        // `(sentence, weight)` postings are `postings[offsets[i]..offsets[i + 1]]`.
        let mut offsets = vec![0usize; self.rows + 1];
        self.cells.iter().for_each(|&(row, _)| offsets[row + 1] += 1);
        for i in 0..self.rows {
            offsets[i + 1] += offsets[i];
        }
        let mut next = offsets.clone();
        let mut postings = vec![(0usize, 0.0f64); self.cells.len()];
        for j in 0..n {
            for &(row, w) in self.column(j) {
                postings[next[row]] = (j, w);
                next[row] += 1;
            }
        }
        let mut g = Mat::<f64>::zeros(n, n);
        for i in 0..self.rows {
            let list = &postings[offsets[i]..offsets[i + 1]];
            for &(a, wa) in list {
                for &(b, wb) in list {
                    g[(a, b)] += wa * wb;
                }
            }
        }
        g
    }

    /// AAᵀ (terms × terms).
    fn term_gram(&self) -> Mat<f64> {
        let mut g = Mat::<f64>::zeros(self.rows, self.rows);
        for j in 0..self.columns() {
            for &(a, wa) in self.column(j) {
                for &(b, wb) in self.column(j) {
                    g[(a, b)] += wa * wb;
                }
            }
        }
        g
    }
}

impl Lsa {
    /// The weighted content-term × sentence matrix of `sentences`.
    fn matrix(&self, doc: &PreparedDocument, sentences: &[crate::text::Sentence]) -> SparseColumns {
        // Term id → row, for the terms used as content words.
        let mut row = vec![usize::MAX; doc.num_terms()];
        let mut rows = 0;
        let mut cells: Vec<(usize, f64)> = Vec::new();
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        starts.push(0);
        for s in sentences {
            let start = cells.len();
            for &t in &s.content {
                if row[t as usize] == usize::MAX {
                    row[t as usize] = rows;
                    rows += 1;
                }
                let r = row[t as usize];
                // Weight of a first occurrence in the sentence, and what each repeat adds.
                let (first, repeat) = match self.params.weighting {
                    Weighting::Binary => (1.0, 0.0),
                    Weighting::Frequency => (1.0, 1.0),
                    Weighting::TfIdf => (doc.idf[t as usize], doc.idf[t as usize]),
                };
                match cells[start..].iter_mut().find(|c| c.0 == r) {
                    Some(cell) => cell.1 += repeat,
                    None => cells.push((r, first)),
                }
            }
            starts.push(cells.len());
        }
        SparseColumns { rows, cells, starts }
    }

    /// `sqrt(Σ_{i ≤ r} σ_i² v_{k,i}²)` for every sentence k; zeros if the decomposition fails.
    ///
    /// σ_i² and V come from the eigendecomposition of AᵀA (σ_i² = λ_i); when
    /// terms are fewer than sentences, from AAᵀ = U Σ² Uᵀ instead, using
    /// σ_i v_{k,i} = u_iᵀ a_k. Either way the smaller Gram matrix is decomposed.
    fn scores(&self, a: &SparseColumns) -> Vec<f64> {
        let (m, n) = (a.rows, a.columns());
        let k = m.min(n);
        if k == 0 {
            return vec![0.0; n];
        }
        let r = self.params.dimensions.unwrap_or(k).min(k);
        let by_sentence = n <= m;
        let gram = if by_sentence { a.sentence_gram() } else { a.term_gram() };
        let Ok(eigen) = gram.self_adjoint_eigen(Side::Lower) else {
            return vec![0.0; n];
        };
        let (lambda, vectors) = (eigen.S().column_vector(), eigen.U());
        // Eigenvalues come in nondecreasing order: the r largest are the last r.
        let top = (lambda.nrows() - r)..lambda.nrows();
        (0..n)
            .map(|j| {
                let squared: f64 = if by_sentence {
                    top.clone().map(|i| lambda[i].max(0.0) * vectors[(j, i)].powi(2)).sum()
                } else {
                    top.clone()
                        .map(|i| a.column(j).iter().map(|&(t, w)| vectors[(t, i)] * w).sum::<f64>().powi(2))
                        .sum()
                };
                squared.sqrt()
            })
            .collect()
    }
}

impl Summarizer for Lsa {
    fn name(&self) -> &str {
        NAME
    }

    fn approximation(&self, doc: &PreparedDocument) -> Option<String> {
        super::graph::blocks_note(doc.sentences.len(), self.params.max_sentences)
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let scores: Vec<f64> = super::graph::blocks(doc.sentences.len(), self.params.max_sentences)
            .into_iter()
            .flat_map(|block| self.scores(&self.matrix(doc, &doc.sentences[block])))
            .collect();
        Ranking { order: super::order::by_score(&scores), scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> PreparedDocument {
        PreparedDocument::from_text(text)
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
        let r = rank(TEXT, Params { weighting: Weighting::Frequency, dimensions: None, ..Params::default() });
        assert_close(&r.scores, &[2f64.sqrt(), 2f64.sqrt(), 1.0]);
        assert_eq!(r.order[2], 2);
    }

    #[test]
    fn fewer_dimensions_drop_the_weaker_topics() {
        // r = 1 keeps σ² = 4 only: S2 has no weight on it.
        let r =
            rank(TEXT, Params { weighting: Weighting::Frequency, dimensions: Some(1), ..Params::default() });
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
    fn with_fewer_terms_than_sentences_the_term_side_gives_the_same_scores() {
        // Terms (cat, dog, bird), four sentences: A = [[1, 1, 1, 0], [1, 1, 1, 0], [0, 0, 0, 1]].
        // AAᵀ = [[3, 3, 0], [3, 3, 0], [0, 0, 1]]: σ² = 6 on u = (1, 1, 0)/√2, 1 on (0, 0, 1), 0.
        // σ_i v_ki = u_iᵀ a_k: S0..S2 → √2 on the first topic, S3 → 1 on the second.
        // All dimensions: √2, √2, √2, 1 (each column's norm); r = 1: √2, √2, √2, 0.
        let text = "Cat dog. Cat dog. Cat dog. Bird.";
        let s2 = 2f64.sqrt();
        let all =
            rank(text, Params { weighting: Weighting::Frequency, dimensions: None, ..Params::default() });
        assert_close(&all.scores, &[s2, s2, s2, 1.0]);
        let one =
            rank(text, Params { weighting: Weighting::Frequency, dimensions: Some(1), ..Params::default() });
        assert_close(&one.scores, &[s2, s2, s2, 0.0]);
    }

    #[test]
    fn a_long_document_is_decomposed_in_blocks() {
        // max_sentences = 2 splits three sentences into blocks {S0, S1} and {S2}.
        // Block 1: columns (cat, dog, bird) S0 = (1, 1, 0), S1 = (0, 0, 1): AᵀA = [[2, 0], [0, 1]];
        // r = 1 keeps σ² = 2 on e0: S0 = √2, S1 = 0. Block 2: S2 = (0, 0, 1) alone: σ² = 1, S2 = 1.
        // So the identical sentences S1 and S2 score differently: each block is its own SVD.
        let params = Params { weighting: Weighting::Frequency, dimensions: Some(1), max_sentences: 2 };
        assert_close(&rank("Cat dog. Bird. Bird.", params).scores, &[2f64.sqrt(), 0.0, 1.0]);
    }

    #[test]
    fn a_document_without_content_words_scores_zero() {
        assert_close(&rank("The. It is.", Params::default()).scores, &[0.0, 0.0]);
        assert!(rank("", Params::default()).scores.is_empty());
    }
}
