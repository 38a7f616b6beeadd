//! Clipped n-gram overlap (rougeN) against a fixed reference.
//! Pure arithmetic on reference-local token ids.

use rustc_hash::FxHashMap;

/// The reference-local id of every candidate token absent from the reference.
pub(crate) const ABSENT: u32 = u32::MAX;

/// The distinct n-grams of a reference (for one n ≥ 2) with their counts.
///
/// An n-gram is numbered through its prefix: level k maps
/// `(id of the (k-1)-gram prefix, last token)` to the id of the k-gram, so
/// every key is one `u64` and no n-gram is ever allocated.
#[derive(Debug, Clone)]
pub(crate) struct NgramTable {
    /// `levels[k - 2]` numbers the k-grams, for k in 2..=n.
    levels: Vec<FxHashMap<u64, u32>>,
    /// Occurrences of each n-gram id.
    counts: Vec<u32>,
}

/// Writes to `out` the id of every k-gram of `tokens` (by start), from the
/// ids of its (k-1)-grams: `id_of(key)` of the k-gram's key, [`ABSENT`] if a part is.
fn next_level(
    previous: &[u32],
    tokens: &[u32],
    k: usize,
    out: &mut Vec<u32>,
    mut id_of: impl FnMut(u64) -> u32,
) {
    let count = (tokens.len() + 1).saturating_sub(k);
    out.clear();
    out.extend((0..count).map(|start| {
        let (prefix, last) = (previous[start], tokens[start + k - 1]);
        if prefix == ABSENT || last == ABSENT {
            return ABSENT;
        }
        id_of((u64::from(prefix) << 32) | u64::from(last))
    }));
}

/// Working space for [`NgramTable::overlap`], reused between calls so that
/// scoring a candidate against many references allocates once.
#[derive(Debug, Default)]
pub(crate) struct OverlapScratch {
    ids: Vec<u32>,
    next: Vec<u32>,
    seen: Vec<u32>,
}

impl NgramTable {
    /// The n-grams of `reference` (reference-local ids).
    pub(crate) fn new(reference: &[u32], n: usize) -> Self {
        debug_assert!(n >= 2, "unigrams are counted with the reference's token counts");
        let mut levels = Vec::with_capacity(n - 1);
        let (mut ids, mut next) = (reference.to_vec(), Vec::new());
        for k in 2..=n {
            let mut level = FxHashMap::default();
            next_level(&ids, reference, k, &mut next, |key| {
                let next = level.len() as u32;
                *level.entry(key).or_insert(next)
            });
            std::mem::swap(&mut ids, &mut next);
            levels.push(level);
        }
        let mut counts = vec![0u32; levels.last().map_or(0, FxHashMap::len)];
        for &id in &ids {
            counts[id as usize] += 1;
        }
        NgramTable { levels, counts }
    }

    /// The n of the n-grams.
    pub(crate) fn n(&self) -> usize {
        self.levels.len() + 1
    }

    /// Σ over the reference's n-grams of min(reference count, candidate count).
    /// Candidate tokens given as [`ABSENT`] match nothing.
    pub(crate) fn overlap(&self, candidate: &[u32], scratch: &mut OverlapScratch) -> usize {
        let OverlapScratch { ids, next, seen } = scratch;
        ids.clear();
        ids.extend_from_slice(candidate);
        for (k, level) in (2..).zip(&self.levels) {
            next_level(ids, candidate, k, next, |key| level.get(&key).copied().unwrap_or(ABSENT));
            std::mem::swap(ids, next);
        }
        seen.clear();
        seen.resize(self.counts.len(), 0);
        let mut hits = 0;
        for &id in ids.iter().filter(|&&id| id != ABSENT) {
            let seen = &mut seen[id as usize];
            *seen += 1;
            if *seen <= self.counts[id as usize] {
                hits += 1;
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
        let scratch = &mut OverlapScratch::default();
        assert_eq!(table.overlap(&[0, 1, 0, 1, 0, 1], scratch), 3);
        assert_eq!(table.overlap(&[1], scratch), 0);
    }

    #[test]
    fn unknown_ids_match_nothing() {
        let scratch = &mut OverlapScratch::default();
        let table = NgramTable::new(&[0, 1, 2], 3);
        assert_eq!(table.overlap(&[0, 1, ABSENT, 0, 1, 2], scratch), 1);
        // Reference a a a b, candidate a a a a b: "a a a" 1 vs 2, "a a b" 1 vs 1.
        let table = NgramTable::new(&[0, 0, 0, 1], 3);
        assert_eq!(table.overlap(&[0, 0, 0, 0, 1], scratch), 2);
    }

    #[test]
    fn totals() {
        assert_eq!(ngram_total(5, 2), 4);
        assert_eq!(ngram_total(1, 2), 0);
        assert_eq!(ngram_total(0, 1), 0);
        assert_eq!(unigram_overlap(&[2, 1, 0], &[1, 3, 4]), 2);
    }
}
