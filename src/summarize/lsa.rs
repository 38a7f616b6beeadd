//! `lsa`: J. Steinberger & K. Ježek (2004), "Using Latent Semantic Analysis
//! in Text Summarization and Summary Evaluation", Proc. ISIM '04, 93–100.
//!
//! Builds the term × sentence matrix A (rows: the document's content stems;
//! columns: sentences), takes its singular value decomposition A = U Σ Vᵀ,
//! and scores sentence k by the length of its vector in the reduced latent
//! space of the r largest singular values: `s_k = sqrt(Σ_{i ≤ r} σ_i² · v_{k,i}²)`.
//! Unlike Gong & Liu (2001), one sentence per topic, this rewards sentences
//! that are strong in several important topics.
//!
//! Parameters and defaults, as sumy 0.13's `LsaSummarizer` (the reference
//! implementation this crate is measured against): `weighting = SmoothedTf`
//! and `dimensions = None`.
//!
//! - Weighting: in a sentence that has content words, every cell of its
//!   column is `0.4 + 0.6 · tf / the sentence's largest tf`, the terms the
//!   sentence lacks included (tf 0 → 0.4); no IDF. A sentence without content
//!   words keeps a zero column. (sumy's `_compute_term_frequency` smooths every
//!   cell of a column whose maximum is not zero.)
//! - Dimensions: sumy keeps `max(3, ⌊r · 1/1⌋)` of the r singular values,
//!   that is all of them. Then `Σ_i σ_i² v_{k,i}² = ‖a_k‖²` (A = UΣVᵀ with U's
//!   columns orthonormal), so the score is the norm of the sentence's column,
//!   computed directly and exactly, with no decomposition:
//!   `s_k² = Σ_{t ∈ k} (0.4 + 0.6 · tf_t / max tf)² + 0.16 · (m − |k|)` where
//!   m is the document's number of content terms and |k| the sentence's
//!   distinct ones. A sentence scores higher the more distinct content terms
//!   it holds, a repeated term weighing at most (1 − 0.16) / (0.49 − 0.16)
//!   times a term seen once.
//! - Ranking: descending score, ties in document order (sumy's stable sort).
//!
//! - Rows: the document's content stems that are words and not common
//!   words. A word starts with a letter and holds no digit, as sumy's
//!   tokenizer keeps only such tokens (numbers, years, "p53" are no terms).
//!   Common words: the tokenizer's stop words and the SMART list (the 598
//!   words shipped for ROUGE-1.5.5's `-s`, compared by stem), as sumy leaves
//!   out its 579-word SMART-style English list.
//!
//! What differs from sumy: the sentence splitter, tokenizer and stop words are
//! this crate's (`text`), not NLTK's punkt and sumy's lists.
//!
//! Other parameters: the weightings `Binary`, `Frequency`, `TfIdf`,
//! `AugmentedTfIdf` (sparse: absent terms weigh 0), `dimensions = Some(r)`
//! to keep only the r largest singular values, and `max_sentences = 500`.
//! The previous default (`AugmentedTfIdf`, one dimension) had been picked
//! for its margin over sumy on four corpora and fell 4.5 points of ROUGE-1
//! below sumy on ScisummNet; the README has the measured rows.
//!
//! How, with `Some(r)`: with r = 1 the top singular pair comes from power
//! iteration on A (`v ← AᵀA v / ‖AᵀA v‖`, from the uniform vector, linear in
//! the matrix's stored cells per step), over the whole document. With r > 1,
//! `faer`'s eigendecomposition of the smaller Gram matrix (AᵀA or AAᵀ, whose
//! eigenvalues are σ²) is cubic in its size, so a document longer than
//! `max_sentences` is split into balanced consecutive blocks, each decomposed
//! on its own (an approximation of the whole-document SVD). `SmoothedTf` with
//! `Some(r)` stores every cell of the dense matrix (m × n). With every
//! dimension (`None`) the score is the column norm, computed directly.

use faer::{Mat, Side};

use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "lsa";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "Steinberger & Ježek 2004: sentence weight in the SVD latent space";

/// The cell weight of the term × sentence matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weighting {
    /// 1 if the term occurs in the sentence.
    Binary,
    /// Occurrences of the term in the sentence.
    Frequency,
    /// Occurrences × the term's IDF ([`PreparedDocument::idf`]).
    TfIdf,
    /// Augmented (maximum-normalized) term frequency × IDF:
    /// `(0.4 + 0.6 · tf / max tf of the sentence) × idf` (Manning, Raghavan &
    /// Schütze 2008, §6.4.2, with smoothing 0.4) on the sentence's own terms;
    /// absent terms weigh 0.
    AugmentedTfIdf,
    /// sumy 0.13's weighting: `0.4 + 0.6 · tf / max tf of the sentence` on
    /// every cell of a sentence that has content words, absent terms
    /// included (0.4); no IDF. A sentence without content words weighs 0.
    #[default]
    SmoothedTf,
}

/// LSA's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// Cell weighting of the term × sentence matrix.
    pub weighting: Weighting,
    /// Latent dimensions kept (the largest singular values); `None` keeps all.
    pub dimensions: Option<usize>,
    /// With more than one dimension kept, a document of more sentences is
    /// decomposed in blocks.
    pub max_sentences: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params { weighting: Weighting::default(), dimensions: None, max_sentences: 500 }
    }
}

/// The smoothing of [`Weighting::SmoothedTf`] (sumy's `smooth=0.4`).
const SMOOTHING: f64 = 0.4;

/// Power iteration stops when no component of the unit vector moves by more
/// than this, or after [`MAX_POWER_ITERATIONS`].
const POWER_TOLERANCE: f64 = 1e-12;
/// Iteration cap of the power iteration (reached only when the two largest
/// singular values nearly tie; the vector is then a mix of their topics).
const MAX_POWER_ITERATIONS: usize = 10_000;

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
/// Every row a non-empty column does not store weighs `floor` there (0
/// unless the weighting is [`Weighting::SmoothedTf`]).
struct SparseColumns {
    rows: usize,
    cells: Vec<(usize, f64)>,
    starts: Vec<usize>,
    floor: f64,
}

impl SparseColumns {
    fn column(&self, j: usize) -> &[(usize, f64)] {
        &self.cells[self.starts[j]..self.starts[j + 1]]
    }

    fn columns(&self) -> usize {
        self.starts.len() - 1
    }

    /// ‖a_j‖ for every column: its stored cells plus `floor` on each row it
    /// does not store (if it stores any).
    fn column_norms(&self) -> Vec<f64> {
        (0..self.columns())
            .map(|j| {
                let column = self.column(j);
                let stored: f64 = column.iter().map(|c| c.1 * c.1).sum();
                let absent = if column.is_empty() { 0 } else { self.rows - column.len() };
                (stored + self.floor * self.floor * absent as f64).sqrt()
            })
            .collect()
    }

    /// The same matrix with every `floor` cell stored (rows in increasing
    /// order within each column), so the decompositions see all of it.
    fn dense(self) -> SparseColumns {
        if self.floor == 0.0 {
            return self;
        }
        let mut cells = Vec::new();
        let mut starts = vec![0];
        let mut full = vec![0.0; self.rows];
        for j in 0..self.columns() {
            let column = self.column(j);
            if !column.is_empty() {
                full.fill(self.floor);
                column.iter().for_each(|&(r, w)| full[r] = w);
                cells.extend(full.iter().copied().enumerate());
            }
            starts.push(cells.len());
        }
        SparseColumns { rows: self.rows, cells, starts, floor: 0.0 }
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
        // Term id → row, for the content terms that are words and not SMART
        // common words; row → term id.
        let mut row = vec![usize::MAX; doc.num_terms()];
        let is_word: Vec<bool> = doc
            .vocabulary
            .iter()
            .map(|stem| super::luhn::is_word(stem) && !super::luhn::SMART_STEMS.contains(&**stem))
            .collect();
        let mut terms: Vec<u32> = Vec::new();
        let mut cells: Vec<(usize, f64)> = Vec::new();
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        starts.push(0);
        // Per-sentence position of each row's cell (valid for rows seen in this sentence).
        let mut slot: Vec<usize> = Vec::new();
        for s in sentences {
            let start = cells.len();
            // Count occurrences first: every cell holds the term frequency.
            for &t in s.content.iter().filter(|&&t| is_word[t as usize]) {
                if row[t as usize] == usize::MAX {
                    row[t as usize] = terms.len();
                    terms.push(t);
                    slot.push(usize::MAX);
                }
                let r = row[t as usize];
                if slot[r] >= start && slot[r] < cells.len() && cells[slot[r]].0 == r {
                    cells[slot[r]].1 += 1.0;
                } else {
                    slot[r] = cells.len();
                    cells.push((r, 1.0));
                }
            }
            let column = &mut cells[start..];
            let max_tf = column.iter().map(|c| c.1).fold(0.0, f64::max);
            for (r, w) in column.iter_mut() {
                let (tf, idf) = (*w, doc.idf[terms[*r] as usize]);
                *w = match self.params.weighting {
                    Weighting::Binary => 1.0,
                    Weighting::Frequency => tf,
                    Weighting::TfIdf => tf * idf,
                    Weighting::AugmentedTfIdf => (0.4 + 0.6 * tf / max_tf) * idf,
                    Weighting::SmoothedTf => SMOOTHING + (1.0 - SMOOTHING) * tf / max_tf,
                };
            }
            starts.push(cells.len());
        }
        let floor = if self.params.weighting == Weighting::SmoothedTf { SMOOTHING } else { 0.0 };
        SparseColumns { rows: terms.len(), cells, starts, floor }
    }

    /// `σ₁ · |v_{k,1}|` for every sentence k: the top right singular pair of A
    /// by power iteration on AᵀA, from the uniform unit vector. A is
    /// non-negative, so its top singular vector can be taken non-negative and
    /// the uniform start is never orthogonal to it.
    fn top_dimension_scores(a: &SparseColumns) -> Vec<f64> {
        let n = a.columns();
        let mut v = vec![1.0 / (n as f64).sqrt(); n];
        let mut av = vec![0.0; a.rows];
        let mut next = vec![0.0; n];
        // A v into `av`, then Aᵀ(A v) into `next`; returns ‖A v‖² = vᵀAᵀA v.
        let step = |v: &[f64], av: &mut [f64], next: &mut [f64]| -> f64 {
            av.fill(0.0);
            for (j, &x) in v.iter().enumerate() {
                if x != 0.0 {
                    a.column(j).iter().for_each(|&(r, w)| av[r] += w * x);
                }
            }
            for (j, out) in next.iter_mut().enumerate() {
                *out = a.column(j).iter().map(|&(r, w)| w * av[r]).sum();
            }
            av.iter().map(|x| x * x).sum()
        };
        for _ in 0..MAX_POWER_ITERATIONS {
            step(&v, &mut av, &mut next);
            let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm == 0.0 {
                return vec![0.0; n];
            }
            let mut change = 0.0f64;
            for (x, &y) in v.iter_mut().zip(&next) {
                let y = y / norm;
                change = change.max((*x - y).abs());
                *x = y;
            }
            if change <= POWER_TOLERANCE {
                break;
            }
        }
        // σ₁² = ‖A v‖² for the unit vector v.
        let sigma = step(&v, &mut av, &mut next).sqrt();
        v.iter().map(|x| sigma * x.abs()).collect()
    }

    /// `sqrt(Σ_{i ≤ r} σ_i² v_{k,i}²)` for every sentence k; zeros if the decomposition fails.
    ///
    /// σ_i² and V come from the eigendecomposition of AᵀA (σ_i² = λ_i); when
    /// terms are fewer than sentences, from AAᵀ = U Σ² Uᵀ instead, using
    /// σ_i v_{k,i} = u_iᵀ a_k. Either way the smaller Gram matrix is decomposed.
    fn scores(&self, a: SparseColumns) -> Vec<f64> {
        let (m, n) = (a.rows, a.columns());
        let k = m.min(n);
        if k == 0 {
            return vec![0.0; n];
        }
        let Some(r) = self.params.dimensions.map(|r| r.min(k)) else {
            // Every dimension: Σ_i σ_i² v_{k,i}² = ‖a_k‖², the column's norm.
            return a.column_norms();
        };
        let a = &a.dense();
        if r == 0 {
            return vec![0.0; n];
        }
        if r == 1 {
            return Self::top_dimension_scores(a);
        }
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

impl Lsa {
    /// Whether long documents are decomposed in blocks: only when more than
    /// one dimension is kept (one dimension and all dimensions are computed
    /// on the whole document).
    fn blocked(&self) -> bool {
        self.params.dimensions.is_some_and(|r| r > 1)
    }
}

impl Summarizer for Lsa {
    fn name(&self) -> &str {
        NAME
    }

    fn approximation(&self, doc: &PreparedDocument) -> Option<String> {
        self.blocked().then(|| super::graph::blocks_note(doc.sentences.len(), self.params.max_sentences))?
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let scores: Vec<f64> = if self.blocked() {
            super::graph::blocks(doc.sentences.len(), self.params.max_sentences)
                .into_iter()
                .flat_map(|block| self.scores(self.matrix(doc, &doc.sentences[block])))
                .collect()
        } else {
            self.scores(self.matrix(doc, &doc.sentences))
        };
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
        assert_eq!(got.len(), want.len());
        assert!(got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-9), "{got:?} vs {want:?}");
    }

    fn frequency(dimensions: Option<usize>) -> Params {
        Params { weighting: Weighting::Frequency, dimensions, ..Params::default() }
    }

    // Frequency weighting, terms (cat, dog, bird):
    //   S0 "Cat dog." = (1, 1, 0), S1 "Cat dog." = (1, 1, 0), S2 "Bird." = (0, 0, 1).
    // AᵀA = [[2, 2, 0], [2, 2, 0], [0, 0, 1]]: eigenvalues σ² = 4 with v = (1, 1, 0)/√2,
    // 1 with v = (0, 0, 1), 0 with v = (1, −1, 0)/√2.
    // s_k = sqrt(Σ σ_i² v_ki²): S0 = S1 = sqrt(4 · 1/2) = √2, S2 = sqrt(1 · 1) = 1.
    const TEXT: &str = "Cat dog. Cat dog. Bird.";

    #[test]
    fn all_dimensions_score_each_sentence_by_its_column_norm() {
        // Σ_i σ_i² v_ki² over every dimension = ‖a_k‖²: √2, √2, 1.
        let r = rank(TEXT, frequency(None));
        assert_close(&r.scores, &[2f64.sqrt(), 2f64.sqrt(), 1.0]);
        assert_eq!(r.order[2], 2);
    }

    #[test]
    fn fewer_dimensions_drop_the_weaker_topics() {
        // r = 1 keeps σ² = 4 only (found by power iteration): S2 has no weight on it.
        assert_close(&rank(TEXT, frequency(Some(1))).scores, &[2f64.sqrt(), 2f64.sqrt(), 0.0]);
        // r = 2 keeps σ² = 4 and 1 (eigendecomposition): the column norms again here.
        assert_close(&rank(TEXT, frequency(Some(2))).scores, &[2f64.sqrt(), 2f64.sqrt(), 1.0]);
    }

    #[test]
    fn tf_idf_weighting_scales_rows_by_idf() {
        // Sentence-level IDF: cat, dog in 2 of 3 sentences → ln 1.5; bird → ln 3.
        // A = [[a, a, 0], [a, a, 0], [0, 0, b]] with a = ln 1.5, b = ln 3:
        // AᵀA = [[2a², 2a², 0], [2a², 2a², 0], [0, 0, b²]]; σ² = 4a² on (1, 1, 0)/√2, b² on (0, 0, 1).
        // All dimensions: S0 = S1 = sqrt(4a² / 2) = √2 · a, S2 = b.
        let (a, b) = (1.5f64.ln(), 3f64.ln());
        let r = rank(TEXT, Params { weighting: Weighting::TfIdf, dimensions: None, ..Params::default() });
        assert_close(&r.scores, &[2f64.sqrt() * a, 2f64.sqrt() * a, b]);
        assert_eq!(r.order, [2, 0, 1]);
    }

    #[test]
    fn augmented_tf_idf_caps_a_repeated_term_and_one_dimension_keeps_the_main_topic() {
        // "Cat cat dog. Bird.": sentence IDF of cat, dog and bird = ln 2 (one sentence of two each).
        // Augmented TF: S0 cat tf 2 = the sentence's max → 0.4 + 0.6 = 1; dog tf 1 → 0.4 + 0.3 = 0.7;
        // S1 bird → 1. A = L · [[1, 0], [0.7, 0], [0, 1]] with L = ln 2; AᵀA = L² · diag(1.49, 1).
        // r = 1 keeps σ² = 1.49 L² on e0: S0 = √1.49 · L, S1 = 0.
        // All dimensions: the column norms √1.49 · L and L.
        let l = 2f64.ln();
        let text = "Cat cat dog. Bird.";
        let one = Params { weighting: Weighting::AugmentedTfIdf, dimensions: Some(1), ..Params::default() };
        assert_close(&rank(text, one).scores, &[1.49f64.sqrt() * l, 0.0]);
        let all = Params { dimensions: None, ..one };
        assert_close(&rank(text, all).scores, &[1.49f64.sqrt() * l, l]);
    }

    // sumy 0.13's weighting on "Cat cat dog. Bird. It is." (rows cat, dog, bird; S2 has
    // no content word): counts [[2, 0, 0], [1, 0, 0], [0, 1, 0]]; each non-empty column
    // becomes 0.4 + 0.6 · tf / max tf on every row: a0 = (1, 0.7, 0.4), a1 = (0.4, 0.4, 1),
    // a2 = 0 (its maximum is 0, sumy leaves it). Checked with sumy's own
    // `_compute_term_frequency` and `_compute_ranks` on this matrix (numpy SVD):
    // ranks 1.2845232578665131, 1.148912529307606, 0.
    const SMOOTHED: &str = "Cat cat dog. Bird. It is.";

    #[test]
    fn the_default_is_sumy_s_smoothed_tf_on_every_dimension() {
        // ‖a0‖² = 1 + 0.49 + 0.16 = 1.65; ‖a1‖² = 0.16 + 0.16 + 1 = 1.32.
        let r = rank(SMOOTHED, Params::default());
        assert_close(&r.scores, &[1.65f64.sqrt(), 1.32f64.sqrt(), 0.0]);
        assert_close(&r.scores, &[1.2845232578665131, 1.148912529307606, 0.0]);
        assert_eq!(r.order, [0, 1, 2]);
    }

    #[test]
    fn tokens_with_digits_are_no_terms() {
        // "Cat 1999 1999 1999. Dog bird.": rows cat, dog, bird (1999 is no word).
        // S0: cat tf 1 = max → 1, dog and bird 0.4: ‖a0‖² = 1 + 2 · 0.16 = 1.32.
        // S1: dog, bird → 1 each, cat 0.4: ‖a1‖² = 2 + 0.16 = 2.16.
        // (With 1999 a term, S0 would be 1999 → 1, cat → 0.6, and a fourth row.)
        let r = rank("Cat 1999 1999 1999. Dog bird.", Params::default());
        assert_close(&r.scores, &[1.32f64.sqrt(), 2.16f64.sqrt()]);
    }

    #[test]
    fn the_smoothed_floor_is_part_of_the_decomposition() {
        // AᵀA on the non-empty columns: [[1.65, 1.08], [1.08, 1.32]] (a0 · a1 = 0.4 + 0.28 + 0.4).
        // λ₁ = (2.97 + √(0.33² + 4 · 1.08²)) / 2, v₁ ∝ (1.08, λ₁ − 1.65); r = 1: σ₁ · |v₁|.
        // numpy: σ₁ = 1.60546923, scores 1.217949954063991, 1.046006392654142, 0.
        let lambda = (2.97 + (0.33f64.powi(2) + 4.0 * 1.08f64.powi(2)).sqrt()) / 2.0;
        let (x, y) = (1.08, lambda - 1.65);
        let norm = (x * x + y * y).sqrt();
        let want = [lambda.sqrt() * x / norm, lambda.sqrt() * y / norm, 0.0];
        let one = Params { dimensions: Some(1), ..Params::default() };
        assert_close(&rank(SMOOTHED, one).scores, &want);
        assert_close(&want, &[1.217949954063991, 1.046006392654142, 0.0]);
        // r = 2 keeps every non-zero σ: the column norms again (eigendecomposition of AAᵀ).
        let two = Params { dimensions: Some(2), ..Params::default() };
        assert_close(&rank(SMOOTHED, two).scores, &[1.65f64.sqrt(), 1.32f64.sqrt(), 0.0]);
    }

    #[test]
    fn with_fewer_terms_than_sentences_the_term_side_gives_the_same_scores() {
        // Terms (cat, dog, bird), four sentences: A = [[1, 1, 1, 0], [1, 1, 1, 0], [0, 0, 0, 1]].
        // AAᵀ = [[3, 3, 0], [3, 3, 0], [0, 0, 1]]: σ² = 6 on u = (1, 1, 0)/√2, 1 on (0, 0, 1), 0.
        // σ_i v_ki = u_iᵀ a_k: S0..S2 → √2 on the first topic, S3 → 1 on the second.
        // r = 2 (AAᵀ decomposed, 3 terms < 4 sentences) and all dimensions: √2, √2, √2, 1;
        // r = 1: √2, √2, √2, 0.
        let text = "Cat dog. Cat dog. Cat dog. Bird.";
        let s2 = 2f64.sqrt();
        assert_close(&rank(text, frequency(Some(2))).scores, &[s2, s2, s2, 1.0]);
        assert_close(&rank(text, frequency(None)).scores, &[s2, s2, s2, 1.0]);
        assert_close(&rank(text, frequency(Some(1))).scores, &[s2, s2, s2, 0.0]);
    }

    #[test]
    fn a_long_document_is_decomposed_in_blocks_when_several_dimensions_are_kept() {
        // "Cat cat cat. Dog dog. Bird." = columns (3, 0, 0), (0, 2, 0), (0, 0, 1):
        // whole document σ² = 9, 4, 1 on e0, e1, e2.
        // max_sentences = 2, r = 2: blocks {S0, S1} (σ² = 9, 4: S0 = 3, S1 = 2) and {S2}
        // (one term, one sentence: σ² = 1, S2 = 1), where the whole-document r = 2 gives S2 = 0.
        let text = "Cat cat cat. Dog dog. Bird.";
        let blocked = Params { weighting: Weighting::Frequency, dimensions: Some(2), max_sentences: 2 };
        assert_close(&rank(text, blocked).scores, &[3.0, 2.0, 1.0]);
        let summarizer = blocked.build(&BuildOptions::default());
        assert!(summarizer.approximation(&doc(text)).is_some());
        // r = 1 is never blocked: the whole document's σ² = 9 on e0.
        let one = Params { dimensions: Some(1), ..blocked };
        assert_close(&rank(text, one).scores, &[3.0, 0.0, 0.0]);
        assert!(one.build(&BuildOptions::default()).approximation(&doc(text)).is_none());
    }

    #[test]
    fn a_document_without_content_words_scores_zero() {
        assert_close(&rank("The. It is.", Params::default()).scores, &[0.0, 0.0]);
        assert!(rank("", Params::default()).scores.is_empty());
    }
}
