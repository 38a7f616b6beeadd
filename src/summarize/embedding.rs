//! Summarizers on sentence embeddings (the `models` feature): each sentence is
//! a unit vector from a sentence-transformers model, and similarity is the
//! cosine.
//!
//! - `embed-centroid`: a sentence's score is its cosine to the document's
//!   mean sentence vector (the centroid of Radev et al. 2004, in embedding
//!   space, as in Rossiello et al. 2017).
//! - `pacsum`: Zheng & Lapata 2019, "Sentence Centrality Revisited for
//!   Unsupervised Summarization" (ACL): directed, position-aware degree
//!   centrality. Edge weights are the similarities less the threshold
//!   `min + β·(max − min)` over the document's similarity matrix (diagonal
//!   included), edges at or below 0 dropped; sentence i's score is
//!   `λ₁·Σ_{j<i} e_ij + λ₂·Σ_{j>i} e_ij`. Defaults λ₁ = −2, λ₂ = 1, β = 0.6:
//!   the values the paper reports for its BERT variant on CNN/Daily Mail
//!   (news); a negative λ₁ makes a sentence that many earlier sentences
//!   resemble less central, so leading sentences win.
//! - `embed-mmr`: Maximal Marginal Relevance (Carbonell & Goldstein 1998) with
//!   relevance the cosine to the centroid and redundancy the largest cosine to
//!   a sentence already picked, λ = 0.7 as `mmr`.
//!
//! A document's sentences are encoded once per run and shared by the three
//! (`SentenceVectors`); each summarizer is deterministic (ties in document
//! order) and the harness runs documents in parallel. Without the feature
//! only the names and PacSum's arithmetic are compiled.

#[cfg(feature = "models")]
use std::collections::HashMap;
#[cfg(feature = "models")]
use std::sync::{Arc, Mutex, OnceLock};

#[cfg(feature = "models")]
use super::{Budget, RankError, Ranking, Summarizer};
#[cfg(feature = "models")]
use crate::models::SentenceEncoder;
#[cfg(feature = "models")]
use crate::text::PreparedDocument;

#[cfg(feature = "models")]
/// Documents whose vectors are kept; past it the cache starts afresh (the
/// harness works through a corpus in chunks, so older entries are done with).
const KEPT_DOCUMENTS: usize = 4096;

/// A document as the cache knows it: id, text length, sentence count.
#[cfg(feature = "models")]
type DocumentKey = (String, usize, usize);

/// One document's sentence vectors, or the encoder's error.
#[cfg(feature = "models")]
type Vectors = Result<Arc<Vec<Vec<f32>>>, String>;

/// A sentence encoder and the vectors of the documents it has encoded, shared
/// by the embedding summarizers of a run so that each sentence is encoded once.
#[cfg(feature = "models")]
pub struct SentenceVectors {
    encoder: SentenceEncoder,
    cache: Mutex<HashMap<DocumentKey, Arc<OnceLock<Vectors>>>>,
}

#[cfg(feature = "models")]
impl SentenceVectors {
    /// Vectors from `encoder`.
    pub fn new(encoder: SentenceEncoder) -> SentenceVectors {
        SentenceVectors { encoder, cache: Mutex::new(HashMap::new()) }
    }

    /// The encoder (its model folder names the run's model).
    pub fn encoder(&self) -> &SentenceEncoder {
        &self.encoder
    }

    /// The unit vector of each of `doc`'s sentences, encoded on first use.
    pub fn of(&self, doc: &PreparedDocument) -> Result<Arc<Vec<Vec<f32>>>, RankError> {
        let key = (doc.source.id.clone(), doc.source.text.len(), doc.sentences.len());
        let cell = {
            let mut cache = self.cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if cache.len() >= KEPT_DOCUMENTS && !cache.contains_key(&key) {
                cache.clear();
            }
            Arc::clone(cache.entry(key).or_default())
        };
        let vectors = cell.get_or_init(|| {
            let texts: Vec<&str> = doc.sentences.iter().map(|s| &doc.source.text[s.span.clone()]).collect();
            self.encoder
                .embed(&texts)
                .map(|embeddings| Arc::new(embeddings.into_iter().map(|e| e.vector).collect()))
                .map_err(|error| error.to_string())
        });
        vectors.clone().map_err(RankError::from)
    }
}

#[cfg(feature = "models")]
fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| f64::from(*x) * f64::from(*y)).sum();
    let norm = |v: &[f32]| v.iter().map(|x| f64::from(*x) * f64::from(*x)).sum::<f64>().sqrt();
    let denominator = norm(a) * norm(b);
    if denominator > 0.0 { dot / denominator } else { 0.0 }
}

#[cfg(feature = "models")]
fn centroid(vectors: &[Vec<f32>]) -> Vec<f32> {
    let width = vectors.first().map_or(0, Vec::len);
    let mut mean = vec![0f32; width];
    for vector in vectors {
        mean.iter_mut().zip(vector).for_each(|(m, v)| *m += v);
    }
    mean.iter_mut().for_each(|m| *m /= vectors.len().max(1) as f32);
    mean
}

/// `embed-centroid`'s registry name.
pub const EMBED_CENTROID: &str = "embed-centroid";
/// `pacsum`'s registry name.
pub const PACSUM: &str = "pacsum";
/// `embed-mmr`'s registry name.
pub const EMBED_MMR: &str = "embed-mmr";

/// The embedding summarizers: name and one-line description, for `sumbench list`.
pub const EMBEDDING_SUMMARIZERS: [(&str, &str); 3] = [
    (EMBED_CENTROID, "cosine to the document's mean sentence embedding (Rossiello et al. 2017)"),
    (PACSUM, "directed, position-aware centrality over sentence embeddings (Zheng & Lapata 2019)"),
    (EMBED_MMR, "Maximal Marginal Relevance on sentence embeddings (Carbonell & Goldstein 1998)"),
];

/// The embedding summarizers among `names`, in their order (the ones a run
/// must build on a model).
pub fn embedding_names(names: &[String]) -> Vec<String> {
    names
        .iter()
        .filter(|name| EMBEDDING_SUMMARIZERS.iter().any(|(known, _)| known == name))
        .cloned()
        .collect()
}

#[cfg(feature = "models")]
/// `embed-centroid` (see the module docs).
pub struct EmbedCentroid {
    vectors: Arc<SentenceVectors>,
}

#[cfg(feature = "models")]
impl Summarizer for EmbedCentroid {
    fn name(&self) -> &str {
        EMBED_CENTROID
    }

    fn rank(&self, doc: &PreparedDocument, budget: &Budget) -> Ranking {
        self.try_rank(doc, budget).unwrap_or_default()
    }

    fn try_rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Result<Ranking, RankError> {
        let vectors = self.vectors.of(doc)?;
        let center = centroid(&vectors);
        Ok(Ranking::from_scores(vectors.iter().map(|v| cosine(v, &center)).collect()))
    }
}

/// `pacsum`'s parameters (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PacSumParams {
    /// λ₁: weight of the edges from earlier sentences.
    pub lambda1: f64,
    /// λ₂: weight of the edges to later sentences.
    pub lambda2: f64,
    /// β: the edge threshold's place between the smallest and largest similarity.
    pub beta: f64,
}

impl Default for PacSumParams {
    fn default() -> Self {
        PacSumParams { lambda1: -2.0, lambda2: 1.0, beta: 0.6 }
    }
}

#[cfg(feature = "models")]
/// `pacsum` (see the module docs).
pub struct PacSum {
    vectors: Arc<SentenceVectors>,
    params: PacSumParams,
}

/// PacSum's scores from a similarity matrix (row-major, `n × n`).
pub fn pacsum_scores(similarity: &[Vec<f64>], params: &PacSumParams) -> Vec<f64> {
    let n = similarity.len();
    let values = similarity.iter().flatten().copied();
    let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let threshold = min + params.beta * (max - min);
    let mut scores = vec![0.0; n];
    for i in 0..n {
        for j in i + 1..n {
            let edge = similarity[i][j] - threshold;
            if edge > 0.0 {
                // For j the edge comes from an earlier sentence; for i it goes to a later one.
                scores[j] += params.lambda1 * edge;
                scores[i] += params.lambda2 * edge;
            }
        }
    }
    scores
}

#[cfg(feature = "models")]
impl Summarizer for PacSum {
    fn name(&self) -> &str {
        PACSUM
    }

    fn rank(&self, doc: &PreparedDocument, budget: &Budget) -> Ranking {
        self.try_rank(doc, budget).unwrap_or_default()
    }

    fn try_rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Result<Ranking, RankError> {
        let vectors = self.vectors.of(doc)?;
        let similarity: Vec<Vec<f64>> =
            vectors.iter().map(|a| vectors.iter().map(|b| cosine(a, b)).collect()).collect();
        Ok(Ranking::from_scores(pacsum_scores(&similarity, &self.params)))
    }
}

#[cfg(feature = "models")]
/// `embed-mmr` (see the module docs).
pub struct EmbedMmr {
    vectors: Arc<SentenceVectors>,
    lambda: f64,
}

#[cfg(feature = "models")]
impl Summarizer for EmbedMmr {
    fn name(&self) -> &str {
        EMBED_MMR
    }

    fn rank(&self, doc: &PreparedDocument, budget: &Budget) -> Ranking {
        self.try_rank(doc, budget).unwrap_or_default()
    }

    fn try_rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Result<Ranking, RankError> {
        let vectors = self.vectors.of(doc)?;
        let center = centroid(&vectors);
        let relevance: Vec<f64> = vectors.iter().map(|v| cosine(v, &center)).collect();
        let n = vectors.len();
        let mut redundancy = vec![f64::NEG_INFINITY; n];
        let mut scores = vec![0.0; n];
        let mut order = Vec::with_capacity(n);
        let mut picked = vec![false; n];
        for _ in 0..n {
            let value = |i: usize| {
                let redundant = if redundancy[i].is_finite() { redundancy[i] } else { 0.0 };
                self.lambda * relevance[i] - (1.0 - self.lambda) * redundant
            };
            // The best unpicked sentence, the earliest among equals.
            let best = (0..n).filter(|&i| !picked[i]).fold(None, |best: Option<(usize, f64)>, i| {
                let v = value(i);
                match best {
                    Some((_, b)) if b >= v => best,
                    _ => Some((i, v)),
                }
            });
            let Some((chosen, v)) = best else { break };
            picked[chosen] = true;
            scores[chosen] = v;
            order.push(chosen);
            for i in 0..n {
                redundancy[i] = redundancy[i].max(cosine(&vectors[i], &vectors[chosen]));
            }
        }
        Ok(Ranking { order, scores })
    }
}

#[cfg(feature = "models")]
/// The embedding summarizers named in `names`, sharing one encoder's vectors.
pub fn embedding_summarizers(encoder: SentenceEncoder, names: &[String]) -> Vec<Arc<dyn Summarizer>> {
    let vectors = Arc::new(SentenceVectors::new(encoder));
    let mut out: Vec<Arc<dyn Summarizer>> = Vec::new();
    for name in names {
        match name.as_str() {
            EMBED_CENTROID => out.push(Arc::new(EmbedCentroid { vectors: Arc::clone(&vectors) })),
            PACSUM => {
                out.push(Arc::new(PacSum { vectors: Arc::clone(&vectors), params: PacSumParams::default() }))
            }
            EMBED_MMR => out.push(Arc::new(EmbedMmr { vectors: Arc::clone(&vectors), lambda: 0.7 })),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pacsum_by_hand() {
        // Three sentences; similarities 1 on the diagonal, s01 = 0.8, s02 = 0.2, s12 = 0.5.
        // min 0.2, max 1: threshold 0.2 + 0.6·0.8 = 0.68; only edge 0–1 survives, 0.12.
        let similarity = vec![vec![1.0, 0.8, 0.2], vec![0.8, 1.0, 0.5], vec![0.2, 0.5, 1.0]];
        let scores = pacsum_scores(&similarity, &PacSumParams::default());
        // Sentence 0: λ₂·0.12 = 0.12; sentence 1: λ₁·0.12 = −0.24; sentence 2: 0.
        let expected = [0.12, -0.24, 0.0];
        for (got, want) in scores.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{scores:?}");
        }
    }

    #[cfg(feature = "models")]
    #[test]
    fn cosine_and_centroid() {
        assert!((cosine(&[1.0, 0.0], &[0.6, 0.8]) - 0.6).abs() < 1e-7);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 0.0]), 0.0);
        assert_eq!(centroid(&[vec![1.0, 0.0], vec![0.0, 1.0]]), [0.5, 0.5]);
    }
}
