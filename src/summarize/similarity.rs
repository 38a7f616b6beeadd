//! Sentence similarity measures shared by the graph summarizers (LexRank,
//! TextRank, Reduction) and the redundancy-aware ones (centroid, MMR).
//!
//! Owns: sentence vectors built from a [`PreparedDocument`]'s content terms
//! (stop words removed), the measures over them, and the enumeration of the
//! sentence pairs that share a term (an inverted index, so the cost is the sum
//! of squared term frequencies, not the square of the sentence count), and
//! the greedy redundancy-aware selection MMR and MEAD share.
//! Never tokenizes: it only reads the prepared term ids and IDF.
//!
//! Measures:
//! - idf-modified cosine (Erkan & Radev 2004, eq. 3):
//!   `Σ_w tf_{w,x} tf_{w,y} idf_w² / (‖tf_x·idf‖ ‖tf_y·idf‖)`, with raw
//!   in-sentence counts as tf.
//! - TextRank overlap (Mihalcea & Tarau 2004, §4.1):
//!   `|Si ∩ Sj| / (ln|Si| + ln|Sj|)`, with a sentence as the set of its
//!   distinct content stems.
//! - Dice overlap (MEAD's redundancy penalty, Radev et al. 2004):
//!   `2 |Si ∩ Sj| / (|Si| + |Sj|)` on the same sets.

use crate::text::{PreparedDocument, TermId};
use std::ops::Range;

/// A sentence as a sparse term-weight vector: entries sorted by term id,
/// each term once, plus its Euclidean norm.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseVector {
    /// `(term, weight)` pairs sorted by term id.
    pub entries: Vec<(TermId, f64)>,
    /// `sqrt(Σ weight²)`.
    pub norm: f64,
}

impl SparseVector {
    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// A term-weight vector stored densely (indexed by term id), for one vector
/// compared against many sparse ones (e.g. MMR's query).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DenseVector {
    /// Weight per term id.
    pub weights: Vec<f64>,
    /// `sqrt(Σ weight²)`.
    pub norm: f64,
}

impl DenseVector {
    /// Cosine similarity with a sparse vector; 0 when either is zero.
    pub fn cosine(&self, other: &SparseVector) -> f64 {
        let dot: f64 = other.entries.iter().map(|&(t, w)| w * self.weights[t as usize]).sum();
        cosine_from_dot(dot, self.norm, other.norm)
    }
}

/// `dot / (norm_a · norm_b)`, or 0 when a norm is 0.
pub(crate) fn cosine_from_dot(dot: f64, norm_a: f64, norm_b: f64) -> f64 {
    if norm_a > 0.0 && norm_b > 0.0 { dot / (norm_a * norm_b) } else { 0.0 }
}

/// One vector per sentence of `sentences`: each distinct content term with
/// `weight(term, in-sentence count)`, zero weights dropped (they never
/// contribute to a dot product). One allocation per sentence, none per token.
fn sentence_vectors(
    doc: &PreparedDocument,
    sentences: Range<usize>,
    weight: impl Fn(TermId, u32) -> f64,
) -> Vec<SparseVector> {
    let mut sorted: Vec<TermId> = Vec::new();
    sentences
        .map(|i| {
            sorted.clear();
            sorted.extend_from_slice(&doc.sentences[i].content);
            sorted.sort_unstable();
            let mut entries = Vec::with_capacity(sorted.len());
            let mut norm2 = 0.0;
            let mut run = 0;
            while run < sorted.len() {
                let t = sorted[run];
                let count = sorted[run..].iter().take_while(|&&u| u == t).count();
                run += count;
                let w = weight(t, count as u32);
                if w != 0.0 {
                    entries.push((t, w));
                    norm2 += w * w;
                }
            }
            SparseVector { entries, norm: norm2.sqrt() }
        })
        .collect()
}

/// TF-IDF vectors of `sentences`: raw content-term counts × `doc.idf`
/// (the vectors of the idf-modified cosine).
pub(crate) fn tf_idf_vectors(doc: &PreparedDocument, sentences: Range<usize>) -> Vec<SparseVector> {
    sentence_vectors(doc, sentences, |t, c| f64::from(c) * doc.idf[t as usize])
}

/// The TF-IDF vector of any bag of term ids (e.g. the whole document's
/// content terms, or the title's): counts × `doc.idf`, stored densely.
pub(crate) fn tf_idf_of_terms(doc: &PreparedDocument, terms: impl Iterator<Item = TermId>) -> DenseVector {
    let mut weights = vec![0.0f64; doc.num_terms()];
    for t in terms {
        weights[t as usize] += 1.0;
    }
    for (w, idf) in weights.iter_mut().zip(&doc.idf) {
        *w *= idf;
    }
    let norm = weights.iter().map(|w| w * w).sum::<f64>().sqrt();
    DenseVector { weights, norm }
}

/// Binary vectors of `sentences`: weight 1 for each distinct content term,
/// so a dot product counts shared terms and `len()` is `|S|`.
pub(crate) fn term_set_vectors(doc: &PreparedDocument, sentences: Range<usize>) -> Vec<SparseVector> {
    sentence_vectors(doc, sentences, |_, _| 1.0)
}

/// The TextRank edge weight of two sentences with `common` shared terms and
/// `len_a`, `len_b` distinct terms: `common / (ln len_a + ln len_b)`.
/// When both sentences are a single term the denominator is 0 (the paper
/// leaves it undefined); the weight is then `common` itself (0 or 1).
pub(crate) fn textrank_overlap(common: f64, len_a: usize, len_b: usize) -> f64 {
    if common == 0.0 {
        return 0.0;
    }
    let norm = (len_a as f64).ln() + (len_b as f64).ln();
    if norm > 0.0 { common / norm } else { common }
}

/// The Dice coefficient `2 common / (len_a + len_b)`; 0 for two empty sets.
pub(crate) fn dice(common: f64, len_a: usize, len_b: usize) -> f64 {
    let total = (len_a + len_b) as f64;
    if total > 0.0 { 2.0 * common / total } else { 0.0 }
}

/// A term → sentences inverted index over a slice of vectors, for visiting
/// only the sentence pairs that share a term.
pub(crate) struct InvertedIndex {
    /// `offsets[t]..offsets[t + 1]` is term `t`'s postings range.
    offsets: Vec<usize>,
    /// `(sentence, weight)` postings, sentences ascending within a term.
    postings: Vec<(u32, f64)>,
}

impl InvertedIndex {
    /// Indexes `vectors` (terms must be `< num_terms`).
    pub fn new(vectors: &[SparseVector], num_terms: usize) -> Self {
        let mut offsets = vec![0usize; num_terms + 1];
        for v in vectors {
            for &(t, _) in &v.entries {
                offsets[t as usize + 1] += 1;
            }
        }
        for t in 0..num_terms {
            offsets[t + 1] += offsets[t];
        }
        let mut fill = offsets.clone();
        let mut postings = vec![(0u32, 0.0); offsets[num_terms]];
        for (s, v) in vectors.iter().enumerate() {
            for &(t, w) in &v.entries {
                postings[fill[t as usize]] = (s as u32, w);
                fill[t as usize] += 1;
            }
        }
        InvertedIndex { offsets, postings }
    }

    /// Sentences containing term `t`, with their weights for it.
    pub fn postings(&self, t: TermId) -> &[(u32, f64)] {
        &self.postings[self.offsets[t as usize]..self.offsets[t as usize + 1]]
    }

    /// Calls `f(i, j, dot)` once for every pair `i < j` of `vectors` (the
    /// vectors this index was built from) whose dot product is nonzero, in
    /// increasing `i` then increasing `j`.
    pub fn for_each_pair(&self, vectors: &[SparseVector], mut f: impl FnMut(usize, usize, f64)) {
        let n = vectors.len();
        let mut acc = vec![0.0f64; n];
        let mut touched: Vec<usize> = Vec::new();
        for (i, v) in vectors.iter().enumerate() {
            for &(t, w) in &v.entries {
                for &(j, wj) in self.postings(t) {
                    let j = j as usize;
                    if j > i {
                        if acc[j] == 0.0 {
                            touched.push(j);
                        }
                        acc[j] += w * wj;
                    }
                }
            }
            touched.sort_unstable();
            for &j in &touched {
                if acc[j] != 0.0 {
                    f(i, j, acc[j]);
                }
                acc[j] = 0.0;
            }
            touched.clear();
        }
    }
}

/// Greedy redundancy-aware selection, the scheme MMR (Carbonell & Goldstein
/// 1998) and MEAD's redundancy penalty (Radev et al. 2004) share: repeatedly
/// pick the unpicked sentence with the highest
/// `relevance[i] − penalty · max_{j picked} sim(i, j)` (ties: the earlier
/// sentence) until `done(picked so far)`; the remaining sentences follow in
/// descending order of that value at the end. `sim(i, j, dot)` gets the dot
/// product of `vectors[i]` and `vectors[j]` (only called when nonzero;
/// sentences sharing no term with any picked one have similarity 0).
/// Returns the order and each sentence's value when picked (or at the end).
pub(crate) fn select_with_redundancy(
    relevance: &[f64],
    penalty: f64,
    vectors: &[SparseVector],
    index: &InvertedIndex,
    sim: impl Fn(usize, usize, f64) -> f64,
    mut done: impl FnMut(&[usize]) -> bool,
) -> (Vec<usize>, Vec<f64>) {
    let n = relevance.len();
    let mut max_sim = vec![0.0f64; n];
    let mut picked = vec![false; n];
    let mut values = relevance.to_vec();
    let mut order = Vec::new();
    let mut acc = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    while order.len() < n && !done(&order) {
        let mut best: Option<usize> = None;
        for i in (0..n).filter(|&i| !picked[i]) {
            values[i] = relevance[i] - penalty * max_sim[i];
            if best.is_none_or(|b| values[i] > values[b]) {
                best = Some(i);
            }
        }
        let Some(b) = best else { break };
        picked[b] = true;
        order.push(b);
        for &(t, w) in &vectors[b].entries {
            for &(j, wj) in index.postings(t) {
                let j = j as usize;
                if !picked[j] {
                    if acc[j] == 0.0 {
                        touched.push(j);
                    }
                    acc[j] += w * wj;
                }
            }
        }
        for &j in &touched {
            if acc[j] != 0.0 {
                max_sim[j] = max_sim[j].max(sim(j, b, acc[j]));
            }
            acc[j] = 0.0;
        }
        touched.clear();
    }
    let mut rest: Vec<usize> = (0..n).filter(|&i| !picked[i]).collect();
    for &i in &rest {
        values[i] = relevance[i] - penalty * max_sim[i];
    }
    rest.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
    order.extend(rest);
    (order, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared(text: &str) -> PreparedDocument {
        PreparedDocument::from_text(text)
    }

    #[test]
    fn idf_modified_cosine_by_hand() {
        // Sentence-level IDF over 3 sentences: "cat" in 2 → ln(3/2);
        // "dog" in 2 → ln(3/2); "fish" in 1 → ln 3.
        // x = {cat:2, dog:1}, y = {cat:1, fish:1}, z = {dog:1}.
        // x·y = 2·1·ln(3/2)²; |x| = sqrt((2a)² + a²) = a√5 with a = ln(3/2);
        // |y| = sqrt(a² + b²) with b = ln 3.  cos = 2a² / (a√5 · sqrt(a² + b²)).
        let doc = prepared("Cat cat dog. Cat fish. Dog.");
        let v = tf_idf_vectors(&doc, 0..3);
        let (a, b) = (1.5f64.ln(), 3f64.ln());
        let mut pairs = Vec::new();
        InvertedIndex::new(&v, doc.num_terms()).for_each_pair(&v, |i, j, dot| {
            pairs.push((i, j, cosine_from_dot(dot, v[i].norm, v[j].norm)));
        });
        let xy = 2.0 * a * a / (a * 5f64.sqrt() * (a * a + b * b).sqrt());
        let xz = a * a / (a * 5f64.sqrt() * a); // x·z = 1·a·a, |z| = a
        assert_eq!(pairs.len(), 2, "{pairs:?}"); // y and z share nothing
        assert!((pairs[0].2 - xy).abs() < 1e-12 && (pairs[0].0, pairs[0].1) == (0, 1), "{pairs:?}");
        assert!((pairs[1].2 - xz).abs() < 1e-12 && (pairs[1].0, pairs[1].1) == (0, 2), "{pairs:?}");
    }

    #[test]
    fn dense_query_cosine_by_hand() {
        // Document vector (all content terms): cat 3a, dog 2a, fish b.
        // Sentence z = {dog: a}: cos = 2a·a / (a · sqrt(9a² + 4a² + b²)).
        let doc = prepared("Cat cat dog. Cat fish. Dog.");
        let v = tf_idf_vectors(&doc, 0..3);
        let q = tf_idf_of_terms(&doc, doc.sentences.iter().flat_map(|s| s.content.iter().copied()));
        let (a, b) = (1.5f64.ln(), 3f64.ln());
        let want = 2.0 * a * a / (a * (13.0 * a * a + b * b).sqrt());
        assert!((q.cosine(&v[2]) - want).abs() < 1e-12);
    }

    #[test]
    fn textrank_overlap_and_dice_by_hand() {
        // 2 shared terms, sets of 3 and 4: 2 / (ln 3 + ln 4) = 2 / ln 12.
        assert!((textrank_overlap(2.0, 3, 4) - 2.0 / 12f64.ln()).abs() < 1e-12);
        assert_eq!(textrank_overlap(0.0, 1, 1), 0.0);
        assert_eq!(textrank_overlap(1.0, 1, 1), 1.0);
        assert!((dice(2.0, 3, 4) - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(dice(0.0, 0, 0), 0.0);
    }

    #[test]
    fn term_sets_ignore_stop_words_and_repeats() {
        let doc = prepared("The cat and the cat sat.");
        let v = term_set_vectors(&doc, 0..1);
        assert_eq!(v[0].len(), 2); // cat, sat
        assert!(v[0].entries.iter().all(|&(_, w)| w == 1.0));
    }

    #[test]
    fn inverted_index_visits_exactly_the_overlapping_pairs() {
        // Shared terms: (0,1) share "cat"; (1,2) share "fish"; (0,2) nothing.
        let doc = prepared("Cat dog. Cat fish. Fish bird.");
        let v = term_set_vectors(&doc, 0..3);
        let index = InvertedIndex::new(&v, doc.num_terms());
        let mut pairs = Vec::new();
        index.for_each_pair(&v, |i, j, d| pairs.push((i, j, d)));
        assert_eq!(pairs, [(0, 1, 1.0), (1, 2, 1.0)]);
    }
}
