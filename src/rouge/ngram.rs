//! Clipped n-gram overlap (rougeN) against a fixed reference.
//! Pure arithmetic on reference-local token ids.

use rustc_hash::FxHashMap;

/// The distinct n-grams of a reference (for one n ≥ 2) with their counts.
#[derive(Debug, Clone)]
pub(crate) struct NgramTable {
    n: usize,
    ids: FxHashMap<Box<[u32]>, u32>,
    counts: Vec<u32>,
}

impl NgramTable {
    /// The n-grams of `reference`.
    pub(crate) fn new(reference: &[u32], n: usize) -> Self {
        debug_assert!(n >= 2, "unigrams are counted with the reference's token counts");
        let mut ids = FxHashMap::default();
        let mut counts = Vec::new();
        for window in reference.windows(n) {
            let next = counts.len() as u32;
            let id = *ids.entry(window.into()).or_insert(next);
            if id == next {
                counts.push(0);
            }
            counts[id as usize] += 1;
        }
        NgramTable { n, ids, counts }
    }

    /// The n of the n-grams.
    pub(crate) fn n(&self) -> usize {
        self.n
    }

    /// Σ over the reference's n-grams of min(reference count, candidate count).
    /// Candidate ids that are not reference ids match nothing.
    pub(crate) fn overlap(&self, candidate: &[u32]) -> usize {
        let mut seen = vec![0u32; self.counts.len()];
        let mut hits = 0;
        for window in candidate.windows(self.n) {
            if let Some(&id) = self.ids.get(window) {
                let seen = &mut seen[id as usize];
                *seen += 1;
                if *seen <= self.counts[id as usize] {
                    hits += 1;
                }
            }
        }
        hits
    }
}

/// Σ over tokens of min(reference count, candidate count), given both count
/// vectors over the reference's vocabulary.
pub(crate) fn unigram_overlap(reference_counts: &[u32], candidate_counts: &[u32]) -> usize {
    reference_counts.iter().zip(candidate_counts).map(|(&r, &c)| r.min(c) as usize).sum()
}

/// Number of n-grams in a sequence of `len` tokens.
pub(crate) fn ngram_total(len: usize, n: usize) -> usize {
    (len + 1).saturating_sub(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_repeated_ngrams() {
        // Reference a b a b, candidate a b a b a b: "a b" twice in the
        // reference, thrice in the candidate → 2; "b a" once vs twice → 1.
        let table = NgramTable::new(&[0, 1, 0, 1], 2);
        assert_eq!(table.overlap(&[0, 1, 0, 1, 0, 1]), 3);
        assert_eq!(table.overlap(&[1]), 0);
    }

    #[test]
    fn unknown_ids_match_nothing() {
        let table = NgramTable::new(&[0, 1, 2], 3);
        assert_eq!(table.overlap(&[0, 1, u32::MAX, 0, 1, 2]), 1);
    }

    #[test]
    fn totals() {
        assert_eq!(ngram_total(5, 2), 4);
        assert_eq!(ngram_total(1, 2), 0);
        assert_eq!(ngram_total(0, 1), 0);
        assert_eq!(unigram_overlap(&[2, 1, 0], &[1, 3, 4]), 2);
    }
}
