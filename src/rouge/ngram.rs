//! Clipped n-gram overlap (rougeN) against a fixed reference.
//! Pure arithmetic on reference-local token ids.

/// The reference-local id of every candidate token absent from the reference.
pub(crate) const ABSENT: u32 = u32::MAX;

/// A key no n-gram has: a key's prefix half is never [`ABSENT`].
const EMPTY: u64 = u64::MAX;

/// `u64` n-gram keys numbered densely in first-seen order: an open-addressing
/// table (linear probing, Fibonacci hashing) sized once for its most keys,
/// at most half full, so it never grows. One reference's n-grams are a few
/// dozen keys, which a general hash map spends most of its time
/// allocating and rehashing for.
#[derive(Debug, Clone)]
struct KeyTable {
    /// Each slot's key ([`EMPTY`] if free) and id.
    slots: Vec<(u64, u32)>,
    /// 64 minus log2 of the slot count.
    shift: u32,
    /// Keys numbered so far.
    len: u32,
}

impl KeyTable {
    /// An empty table for at most `most` keys.
    fn with_room_for(most: usize) -> Self {
        let slots = (2 * most).next_power_of_two().max(8);
        KeyTable { slots: vec![(EMPTY, 0); slots], shift: 64 - slots.trailing_zeros(), len: 0 }
    }

    /// Number of keys.
    fn len(&self) -> usize {
        self.len as usize
    }

    /// The first slot to probe for `key`.
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The id of `key`, [`ABSENT`] if it has none.
    fn get(&self, key: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut slot = self.home(key);
        loop {
            let (found, id) = self.slots[slot];
            if found == key {
                return id;
            }
            if found == EMPTY {
                return ABSENT;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The id of `key`, numbering it next if it is new (the table must have
    /// room: fewer keys than [`KeyTable::with_room_for`] was given).
    fn get_or_insert(&mut self, key: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut slot = self.home(key);
        loop {
            let (found, id) = self.slots[slot];
            if found == key {
                return id;
            }
            if found == EMPTY {
                let id = self.len;
                self.slots[slot] = (key, id);
                self.len += 1;
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// The distinct n-grams of a reference (for one n ≥ 2) with their counts.
///
/// An n-gram is numbered through its prefix: level k maps
/// `(id of the (k-1)-gram prefix, last token)` to the id of the k-gram, so
/// every key is one `u64` and no n-gram is ever allocated.
#[derive(Debug, Clone)]
pub(crate) struct NgramTable {
    /// `levels[k - 2]` numbers the k-grams, for k in 2..=n.
    levels: Vec<KeyTable>,
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
            let mut level = KeyTable::with_room_for(ngram_total(reference.len(), k));
            next_level(&ids, reference, k, &mut next, |key| level.get_or_insert(key));
            std::mem::swap(&mut ids, &mut next);
            levels.push(level);
        }
        let mut counts = vec![0u32; levels.last().map_or(0, KeyTable::len)];
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
            next_level(ids, candidate, k, next, |key| level.get(key));
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
    fn key_table_numbers_keys_in_first_seen_order() {
        // Keys that share a home slot (equal high bits after hashing are
        // likely among 200 keys in 512 slots) must still come back apart.
        let mut table = KeyTable::with_room_for(200);
        let keys: Vec<u64> = (0..200u64).map(|k| k << 32 | (k * 7 % 13)).collect();
        for (id, &key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), ABSENT);
            assert_eq!(table.get_or_insert(key), id as u32);
        }
        for (id, &key) in keys.iter().enumerate() {
            assert_eq!((table.get(key), table.get_or_insert(key)), (id as u32, id as u32));
        }
        assert_eq!((table.len(), table.get(5 << 32)), (200, ABSENT));
    }

    #[test]
    fn totals() {
        assert_eq!(ngram_total(5, 2), 4);
        assert_eq!(ngram_total(1, 2), 0);
        assert_eq!(ngram_total(0, 1), 0);
        assert_eq!(unigram_overlap(&[2, 1, 0], &[1, 3, 4]), 2);
    }
}
