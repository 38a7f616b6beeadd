//! One reference prepared for scoring any number of candidates: its tokens
//! renumbered densely (reference-local ids), its counts, n-gram tables and
//! LCS masks. Computes every metric from a candidate already mapped to
//! reference-local ids; never tokenizes.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::lcs::LcsMasks;
use super::ngram::{NgramTable, ngram_total, unigram_overlap};
use super::{Metric, Score};

/// The reference-local id of every candidate token absent from the reference.
pub(crate) const ABSENT: u32 = u32::MAX;

/// A reference ready for scoring.
#[derive(Debug, Clone)]
pub(crate) struct Reference {
    /// Reference-local ids, `0..vocabulary`.
    tokens: Vec<u32>,
    /// Token ranges of the lines with tokens (rougeLsum sentences).
    sentences: Vec<Range<usize>>,
    /// Occurrences of each reference-local id.
    counts: Vec<u32>,
    /// N-gram tables for the requested rougeN with N ≥ 2.
    ngrams: Vec<NgramTable>,
    /// Present when rougeL is requested.
    masks: Option<LcsMasks>,
}

/// A candidate as one reference sees it.
#[derive(Debug)]
pub(crate) struct CandidateView<'a> {
    /// Reference-local ids, [`ABSENT`] for tokens not in the reference.
    pub tokens: &'a [u32],
    /// Occurrences of each reference-local id in the candidate.
    pub counts: Vec<u32>,
}

impl<'a> CandidateView<'a> {
    /// Counts `tokens` (reference-local ids) over a vocabulary of `vocabulary` ids.
    pub(crate) fn new(tokens: &'a [u32], vocabulary: usize) -> Self {
        let mut counts = vec![0u32; vocabulary];
        for &id in tokens {
            if let Some(count) = counts.get_mut(id as usize) {
                *count += 1;
            }
        }
        CandidateView { tokens, counts }
    }
}

impl Reference {
    /// Prepares the reference with token ids `tokens` (in any id space) and
    /// rougeLsum sentences `sentences` (token ranges) for `metrics`. Also
    /// returns the map from the input ids to reference-local ids.
    pub(crate) fn new(
        tokens: &[u32],
        sentences: Vec<Range<usize>>,
        metrics: &[Metric],
    ) -> (Self, FxHashMap<u32, u32>) {
        let mut local_of = FxHashMap::default();
        let mut counts: Vec<u32> = Vec::new();
        let local: Vec<u32> = tokens
            .iter()
            .map(|&id| {
                let next = counts.len() as u32;
                let local = *local_of.entry(id).or_insert(next);
                if local == next {
                    counts.push(0);
                }
                counts[local as usize] += 1;
                local
            })
            .collect();
        let mut ngrams: Vec<NgramTable> = Vec::new();
        for metric in metrics {
            if let Metric::N(n @ 2..) = *metric
                && !ngrams.iter().any(|table| table.n() == usize::from(n))
            {
                ngrams.push(NgramTable::new(&local, n.into()));
            }
        }
        let masks = metrics.contains(&Metric::L).then(|| LcsMasks::new(&local, counts.len()));
        let reference = Reference { tokens: local, sentences, counts, ngrams, masks };
        (reference, local_of)
    }

    /// Number of distinct tokens.
    pub(crate) fn vocabulary(&self) -> usize {
        self.counts.len()
    }

    /// Number of rougeLsum sentences.
    pub(crate) fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// The tokens of rougeLsum sentence `index`.
    pub(crate) fn sentence(&self, index: usize) -> &[u32] {
        &self.tokens[self.sentences[index].clone()]
    }

    /// Scores `candidate` for `metric`. For rougeLsum, `union(i, positions)`
    /// must mark in `positions` (a bit set over sentence `i`'s positions) the
    /// union over the candidate's sentences of the LCS positions that
    /// [`super::lcs::mark_lcs`] picks.
    pub(crate) fn score(
        &self,
        metric: Metric,
        candidate: &CandidateView<'_>,
        union: &mut impl FnMut(usize, &mut [u64]),
    ) -> Score {
        let (m, n) = (self.tokens.len(), candidate.tokens.len());
        match metric {
            Metric::N(1) => {
                let hits = unigram_overlap(&self.counts, &candidate.counts);
                Score::from_counts(hits, n, m)
            }
            Metric::N(k) => {
                let k = usize::from(k);
                let table = self.ngrams.iter().find(|table| table.n() == k);
                let hits = table.map_or(0, |table| table.overlap(candidate.tokens));
                Score::from_counts(hits, ngram_total(n, k), ngram_total(m, k))
            }
            Metric::L => {
                let hits = self.masks.as_ref().map_or(0, |masks| masks.lcs_len(candidate.tokens));
                Score::from_counts(hits, n, m)
            }
            Metric::Lsum => Score::from_counts(self.union_lcs_hits(candidate, union), n, m),
        }
    }

    /// rouge-score's summary-level LCS hits: per reference sentence in order,
    /// the union positions in ascending order, each counted while both the
    /// reference's and the candidate's remaining count of its token allow.
    fn union_lcs_hits(
        &self,
        candidate: &CandidateView<'_>,
        union: &mut impl FnMut(usize, &mut [u64]),
    ) -> usize {
        if candidate.tokens.is_empty() {
            return 0;
        }
        let mut reference_left = self.counts.clone();
        let mut candidate_left = candidate.counts.clone();
        let mut positions = Vec::new();
        let mut hits = 0;
        for (index, range) in self.sentences.iter().enumerate() {
            positions.clear();
            positions.resize(range.len().div_ceil(64), 0u64);
            union(index, &mut positions);
            for (w, &word) in positions.iter().enumerate() {
                let mut bits = word;
                while bits != 0 {
                    let p = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let t = self.tokens[range.start + p] as usize;
                    if reference_left[t] > 0 && candidate_left[t] > 0 {
                        hits += 1;
                        reference_left[t] -= 1;
                        candidate_left[t] -= 1;
                    }
                }
            }
        }
        hits
    }
}
