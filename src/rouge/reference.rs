//! One reference prepared for scoring any number of candidates: its tokens
//! renumbered densely (reference-local ids), its counts, n-gram tables and
//! LCS masks. Computes every metric from a candidate already mapped to
//! reference-local ids; never tokenizes.

use std::ops::Range;

use super::lcs::{LcsMasks, mark_lcs};
use super::ngram::{ABSENT, NgramTable, OverlapScratch, ngram_total, unigram_overlap};
use super::{Metric, Score};

/// A reference ready for scoring.
#[derive(Debug, Clone, Default)]
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
    /// Each rougeLsum sentence's masks, when rougeLsum is requested.
    sentence_masks: Vec<LcsMasks>,
}

/// A map from ids of some id space (ids below a few million: a tokenizer's
/// vocabulary) to one reference's local ids, numbered densely in
/// first-seen order. Kept between references so that starting afresh costs
/// nothing: an entry is valid only if stamped with the current epoch, so no
/// hashing and no clearing.
#[derive(Debug, Default)]
pub(crate) struct Renumber {
    /// `(epoch, local id)` of each input id: the local id is valid where
    /// the epoch is the current one.
    entries: Vec<(u32, u32)>,
    /// The current epoch (never 0 once started, so fresh entries are stale).
    epoch: u32,
    /// Local ids handed out in this epoch.
    len: u32,
}

impl Renumber {
    /// Forgets every id: the next [`Renumber::assign`] gives local id 0.
    pub(crate) fn start(&mut self) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.entries.fill((0, 0));
            self.epoch = 1;
        }
        self.len = 0;
    }

    /// The local id of `id`, numbering it next if it has none yet.
    pub(crate) fn assign(&mut self, id: u32) -> u32 {
        let index = id as usize;
        if index >= self.entries.len() {
            self.entries.resize((index + 1).next_power_of_two(), (0, 0));
        }
        let entry = &mut self.entries[index];
        if entry.0 != self.epoch {
            *entry = (self.epoch, self.len);
            self.len += 1;
        }
        entry.1
    }

    /// The local id of `id`, [`ABSENT`] if it was not numbered since the
    /// last [`Renumber::start`].
    pub(crate) fn local(&self, id: u32) -> u32 {
        match self.entries.get(id as usize) {
            Some(&(epoch, local)) if epoch == self.epoch => local,
            _ => ABSENT,
        }
    }
}

/// A candidate as one reference sees it.
#[derive(Debug)]
pub(crate) struct CandidateView<'a> {
    /// Reference-local ids, [`super::ngram::ABSENT`] for tokens not in the reference.
    pub tokens: &'a [u32],
    /// Occurrences of each reference-local id in the candidate.
    pub counts: Vec<u32>,
}

impl<'a> CandidateView<'a> {
    /// Counts `tokens` (reference-local ids) over a vocabulary of `vocabulary`
    /// ids, in `counts` (a buffer to reuse; its contents are discarded).
    pub(crate) fn new(tokens: &'a [u32], vocabulary: usize, mut counts: Vec<u32>) -> Self {
        counts.clear();
        counts.resize(vocabulary, 0);
        for &id in tokens {
            if let Some(count) = counts.get_mut(id as usize) {
                *count += 1;
            }
        }
        CandidateView { tokens, counts }
    }

    /// Gives the counts buffer back for the next view.
    pub(crate) fn into_buffer(self) -> Vec<u32> {
        self.counts
    }
}

/// Working space for [`Reference::score`], reused across metrics and
/// references so that scoring one candidate allocates once, not per reference.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    overlap: OverlapScratch,
    lcs: Vec<u64>,
    reference_left: Vec<u32>,
    candidate_left: Vec<u32>,
    positions: Vec<u64>,
}

impl Reference {
    /// Prepares the reference with token ids `tokens` (in any id space) and
    /// rougeLsum sentences `sentences` (token ranges) for `metrics`.
    /// `renumber` is started afresh and left holding the map from the input
    /// ids to reference-local ids.
    pub(crate) fn new(
        tokens: &[u32],
        sentences: &[Range<usize>],
        metrics: &[Metric],
        renumber: &mut Renumber,
    ) -> Self {
        let mut reference = Reference::default();
        reference.prepare(tokens, sentences, metrics, renumber);
        reference
    }

    /// [`Reference::new`] in place: this becomes the reference of `tokens`,
    /// reusing its buffers (scoring pair after pair allocates nothing here).
    pub(crate) fn prepare(
        &mut self,
        tokens: &[u32],
        sentences: &[Range<usize>],
        metrics: &[Metric],
        renumber: &mut Renumber,
    ) {
        renumber.start();
        self.counts.clear();
        self.tokens.clear();
        for &id in tokens {
            let local = renumber.assign(id);
            if local as usize == self.counts.len() {
                self.counts.push(0);
            }
            self.counts[local as usize] += 1;
            self.tokens.push(local);
        }
        self.sentences.clear();
        self.sentences.extend_from_slice(sentences);
        let mut tables = 0;
        for metric in metrics {
            if let Metric::N(n @ 2..) = *metric
                && !self.ngrams[..tables].iter().any(|table| table.n() == usize::from(n))
            {
                if tables == self.ngrams.len() {
                    self.ngrams.push(NgramTable::default());
                }
                self.ngrams[tables].prepare(&self.tokens, n.into());
                tables += 1;
            }
        }
        self.ngrams.truncate(tables);
        let vocabulary = self.counts.len();
        if metrics.contains(&Metric::L) {
            self.masks.get_or_insert_with(LcsMasks::default).prepare(&self.tokens, vocabulary);
        } else {
            self.masks = None;
        }
        let sentence_count = if metrics.contains(&Metric::Lsum) { sentences.len() } else { 0 };
        self.sentence_masks.resize_with(sentence_count, LcsMasks::default);
        for (masks, range) in self.sentence_masks.iter_mut().zip(sentences) {
            masks.prepare(&self.tokens[range.clone()], vocabulary);
        }
    }

    /// Number of distinct tokens.
    pub(crate) fn vocabulary(&self) -> usize {
        self.counts.len()
    }

    /// Number of rougeLsum sentences.
    pub(crate) fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// Marks in `positions` the LCS of rougeLsum sentence `index` and
    /// `candidate` (one candidate sentence) as rouge-score picks it
    /// (see [`mark_lcs`]); `scratch` is reused working space.
    pub(crate) fn mark_lcs(
        &self,
        index: usize,
        candidate: &[u32],
        positions: &mut [u64],
        scratch: &mut Vec<u64>,
    ) {
        let sentence = &self.tokens[self.sentences[index].clone()];
        mark_lcs(&self.sentence_masks[index], sentence, candidate, positions, scratch);
    }

    /// Scores `candidate` for `metric`, one of the metrics the reference was
    /// prepared for (else this panics). For rougeLsum, `union(i, positions)`
    /// must mark in `positions` (a bit set over sentence `i`'s positions) the
    /// union over the candidate's sentences of the LCS positions that
    /// [`Reference::mark_lcs`] picks.
    pub(crate) fn score(
        &self,
        metric: Metric,
        candidate: &CandidateView<'_>,
        union: &mut impl FnMut(usize, &mut [u64]),
        scratch: &mut Scratch,
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
                let hits = table
                    .expect("tables are built for every rougeN scored")
                    .overlap(candidate.tokens, &mut scratch.overlap);
                Score::from_counts(hits, ngram_total(n, k), ngram_total(m, k))
            }
            Metric::L => {
                let masks = self.masks.as_ref().expect("masks are built when rougeL is scored");
                let hits = masks.lcs_len(candidate.tokens, &mut scratch.lcs);
                Score::from_counts(hits, n, m)
            }
            Metric::Lsum => Score::from_counts(self.union_lcs_hits(candidate, union, scratch), n, m),
        }
    }

    /// rouge-score's summary-level LCS hits: per reference sentence in order,
    /// the union positions in ascending order, each counted while both the
    /// reference's and the candidate's remaining count of its token allow.
    fn union_lcs_hits(
        &self,
        candidate: &CandidateView<'_>,
        union: &mut impl FnMut(usize, &mut [u64]),
        scratch: &mut Scratch,
    ) -> usize {
        if candidate.tokens.is_empty() {
            return 0;
        }
        let Scratch { reference_left, candidate_left, positions, .. } = scratch;
        reference_left.clone_from(&self.counts);
        candidate_left.clone_from(&candidate.counts);
        let mut hits = 0;
        for (index, range) in self.sentences.iter().enumerate() {
            positions.clear();
            positions.resize(range.len().div_ceil(64), 0u64);
            union(index, positions);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbering_starts_afresh_each_time() {
        let mut renumber = Renumber::default();
        renumber.start();
        assert_eq!([9, 2, 9, 100].map(|id| renumber.assign(id)), [0, 1, 0, 2]);
        assert_eq!([2, 100, 3, 7_000].map(|id| renumber.local(id)), [1, 2, ABSENT, ABSENT]);
        renumber.start();
        assert_eq!([2, 9, 100].map(|id| renumber.local(id)), [ABSENT; 3]);
        assert_eq!([100, 9].map(|id| renumber.assign(id)), [0, 1]);
        // The epoch wraps around without old stamps coming back to life.
        renumber.epoch = u32::MAX;
        renumber.start();
        assert_eq!((renumber.local(100), renumber.assign(5)), (ABSENT, 0));
    }
}
