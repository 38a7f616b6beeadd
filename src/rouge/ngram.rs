//! Clipped n-gram overlap (rougeN) against a fixed reference.
//! Pure arithmetic on reference-local token ids.

/// The reference-local id of every candidate token absent from the reference.
pub(crate) const ABSENT: u32 = u32::MAX;

/// One level of an [`NgramTable`]: the k-grams, each numbered by its
/// `(prefix, last)` pair, where the prefix is the id of its (k-1)-gram
/// (below `prefixes`) and `last` its last token. The k-grams of one prefix
/// sit together (`(last, id)` in `entries[starts[p]..ends[p]]`, room for as
/// many as the prefix occurs), so a look-up scans the few k-grams that share
/// its prefix: no hashing. A reference's prefixes are dense ids, so this
/// takes two passes over the reference and arrays of its size.
#[derive(Debug, Clone, Default)]
struct Level {
    /// Where each prefix's k-grams start (one entry more than prefixes).
    starts: Vec<u32>,
    /// Where each prefix's k-grams end.
    ends: Vec<u32>,
    /// `(last token, k-gram id)`, grouped by prefix.
    entries: Vec<(u32, u32)>,
    /// Number of distinct k-grams.
    len: u32,
}

impl Level {
    /// Numbers the k-grams `(prefix_ids[i], tokens[i + k - 1])` of a
    /// reference (no id [`ABSENT`], prefixes below `prefixes`), writing each
    /// one's id to `out` by start; the level's buffers are reused.
    fn prepare(&mut self, prefix_ids: &[u32], tokens: &[u32], k: usize, prefixes: usize, out: &mut Vec<u32>) {
        let count = ngram_total(tokens.len(), k);
        let Level { starts, ends, entries, len } = self;
        starts.clear();
        starts.resize(prefixes + 1, 0);
        for &prefix in &prefix_ids[..count] {
            starts[prefix as usize + 1] += 1;
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        ends.clear();
        ends.extend_from_slice(&starts[..prefixes]);
        entries.clear();
        entries.resize(count, (0, 0));
        *len = 0;
        out.clear();
        out.reserve(count);
        for (&prefix, &last) in prefix_ids[..count].iter().zip(tokens.get(k - 1..).unwrap_or_default()) {
            let (from, to) = (starts[prefix as usize] as usize, ends[prefix as usize] as usize);
            let id = match entries[from..to].iter().find(|&&(token, _)| token == last) {
                Some(&(_, id)) => id,
                None => {
                    entries[to] = (last, *len);
                    ends[prefix as usize] += 1;
                    *len += 1;
                    *len - 1
                }
            };
            out.push(id);
        }
    }

    /// The id of the k-gram `(prefix, last)`, [`ABSENT`] if the reference
    /// does not have it (or either part is [`ABSENT`]).
    fn get(&self, prefix: u32, last: u32) -> u32 {
        let (Some(&from), Some(&to)) = (self.starts.get(prefix as usize), self.ends.get(prefix as usize))
        else {
            return ABSENT;
        };
        match self.entries[from as usize..to as usize].iter().find(|&&(token, _)| token == last) {
            Some(&(_, id)) => id,
            None => ABSENT,
        }
    }
}

/// The distinct n-grams of a reference (for one n ≥ 2) with their counts.
///
/// An n-gram is numbered through its prefix: level k maps
/// `(id of the (k-1)-gram prefix, last token)` to the id of the k-gram
/// ([`Level`]), so no n-gram is ever allocated.
#[derive(Debug, Clone, Default)]
pub(crate) struct NgramTable {
    /// `levels[k - 2]` numbers the k-grams, for k in 2..=n.
    levels: Vec<Level>,
    /// Occurrences of each n-gram id.
    counts: Vec<u32>,
    /// Buffers for the ids of one level and the next, while preparing.
    ids: Vec<u32>,
    next: Vec<u32>,
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
    /// The n-grams of `reference` (reference-local ids: dense from 0).
    #[cfg(test)]
    pub(crate) fn new(reference: &[u32], n: usize) -> Self {
        let mut table = NgramTable::default();
        table.prepare(reference, n);
        table
    }

    /// Makes this the table of the n-grams of `reference` (reference-local
    /// ids: dense from 0), reusing the buffers.
    pub(crate) fn prepare(&mut self, reference: &[u32], n: usize) {
        debug_assert!(n >= 2, "unigrams are counted with the reference's token counts");
        let NgramTable { levels, counts, ids, next } = self;
        levels.resize_with(n - 1, Level::default);
        let vocabulary = reference.iter().max().map_or(0, |&id| id as usize + 1);
        let mut prefixes = vocabulary;
        for (k, level) in (2..).zip(levels.iter_mut()) {
            let prefix_ids = if k == 2 { reference } else { ids.as_slice() };
            level.prepare(prefix_ids, reference, k, prefixes, next);
            prefixes = level.len as usize;
            std::mem::swap(ids, next);
        }
        counts.clear();
        counts.resize(prefixes, 0);
        for &id in ids.iter() {
            counts[id as usize] += 1;
        }
    }

    /// The n of the n-grams.
    pub(crate) fn n(&self) -> usize {
        self.levels.len() + 1
    }

    /// Σ over the reference's n-grams of min(reference count, candidate count).
    /// Candidate tokens given as [`ABSENT`] match nothing.
    pub(crate) fn overlap(&self, candidate: &[u32], scratch: &mut OverlapScratch) -> usize {
        let OverlapScratch { ids, next, seen } = scratch;
        for (k, level) in (2..).zip(&self.levels) {
            let previous = if k == 2 { candidate } else { ids.as_slice() };
            next.clear();
            let lasts = candidate.get(k - 1..).unwrap_or_default();
            next.extend(previous.iter().zip(lasts).map(|(&prefix, &last)| level.get(prefix, last)));
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
    fn levels_number_distinct_ngrams_grouped_by_prefix() {
        // Reference a b a b c (ids 0 1 0 1 2): bigrams ab, ba, ab, bc → ids
        // 0, 1, 0, 2 in first-seen order; prefix a has one bigram (ab),
        // b two (ba, bc).
        let mut out = Vec::new();
        let mut level = Level::default();
        level.prepare(&[0, 1, 0, 1, 2], &[0, 1, 0, 1, 2], 2, 3, &mut out);
        assert_eq!((out.as_slice(), level.len), (&[0, 1, 0, 2][..], 3));
        assert_eq!([level.get(0, 1), level.get(1, 0), level.get(1, 2)], [0, 1, 2]);
        assert_eq!([level.get(2, 0), level.get(0, 0), level.get(ABSENT, 1), level.get(7, 1)], [ABSENT; 4]);
    }

    #[test]
    fn sequences_shorter_than_n() {
        let scratch = &mut OverlapScratch::default();
        for reference in [&[][..], &[0], &[0, 1]] {
            let table = NgramTable::new(reference, 3);
            for candidate in [&[][..], &[0], &[0, 1], &[0, 1, 0]] {
                assert_eq!(table.overlap(candidate, scratch), 0, "{reference:?} {candidate:?}");
            }
        }
    }

    #[test]
    fn totals() {
        assert_eq!(ngram_total(5, 2), 4);
        assert_eq!(ngram_total(1, 2), 0);
        assert_eq!(ngram_total(0, 1), 0);
        assert_eq!(unigram_overlap(&[2, 1, 0], &[1, 3, 4]), 2);
    }
}
