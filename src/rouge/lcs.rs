//! Longest common subsequence on token ids: its length by the bit-parallel
//! algorithm (rougeL) and one specific LCS chosen by rouge-score's walk-back
//! (rougeLsum's union LCS). Pure arithmetic: knows nothing of text.

/// Bit masks of a fixed sequence (the pattern) for the bit-parallel LCS
/// length of Allison & Dix (1986) in Hyyrö's (2004) formulation: one bit per
/// pattern position, 64 positions per word.
#[derive(Debug, Clone)]
pub(crate) struct LcsMasks {
    words: usize,
    /// `masks[id * words + w]`: bit `i % 64` of word `i / 64` is set iff the
    /// pattern has `id` at position `i`.
    masks: Vec<u64>,
}

impl LcsMasks {
    /// Masks of `pattern`, whose ids are all below `vocabulary`.
    pub(crate) fn new(pattern: &[u32], vocabulary: usize) -> Self {
        let words = pattern.len().div_ceil(64);
        let mut masks = vec![0u64; vocabulary * words];
        for (i, &id) in pattern.iter().enumerate() {
            masks[id as usize * words + i / 64] |= 1 << (i % 64);
        }
        LcsMasks { words, masks }
    }

    /// LCS length of the pattern and `text`. Ids of `text` at or above the
    /// vocabulary match nothing.
    pub(crate) fn lcs_len(&self, text: &[u32]) -> usize {
        if self.words == 0 {
            return 0;
        }
        let mut v = vec![u64::MAX; self.words];
        for &id in text {
            let Some(mask) = self.masks.get(id as usize * self.words..(id as usize + 1) * self.words) else {
                continue;
            };
            let mut carry = false;
            for (word, &m) in v.iter_mut().zip(mask) {
                let matched = *word & m;
                let (sum, overflow1) = word.overflowing_add(matched);
                let (sum, overflow2) = sum.overflowing_add(u64::from(carry));
                carry = overflow1 || overflow2;
                *word = sum | (*word & !m);
            }
        }
        // A zero bit marks a position where the LCS grew; the padding bits
        // above the pattern length never match and stay one.
        v.iter().map(|word| word.count_zeros() as usize).sum()
    }
}

/// Marks in `positions` (a bit set over `reference`'s positions) the
/// reference positions of the LCS of `reference` and `candidate` that
/// rouge-score's walk-back picks: diagonal on equal tokens, else left only if
/// that cell is strictly larger, else up. `table` is scratch space.
pub(crate) fn mark_lcs(reference: &[u32], candidate: &[u32], positions: &mut [u64], table: &mut Vec<u32>) {
    let cols = candidate.len() + 1;
    table.clear();
    table.resize((reference.len() + 1) * cols, 0);
    for (i, &r) in reference.iter().enumerate() {
        let (above, row) = table[i * cols..(i + 2) * cols].split_at_mut(cols);
        for (j, &c) in candidate.iter().enumerate() {
            row[j + 1] = if r == c { above[j] + 1 } else { above[j + 1].max(row[j]) };
        }
    }
    let (mut i, mut j) = (reference.len(), candidate.len());
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            positions[(i - 1) / 64] |= 1 << ((i - 1) % 64);
            i -= 1;
            j -= 1;
        } else if table[i * cols + j - 1] > table[(i - 1) * cols + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// LCS length by the textbook dynamic programme (Cormen et al., 15.4).
    fn lcs_by_table(a: &[u32], b: &[u32]) -> usize {
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 0..a.len() {
            for j in 0..b.len() {
                t[i + 1][j + 1] = if a[i] == b[j] { t[i][j] + 1 } else { t[i][j + 1].max(t[i + 1][j]) };
            }
        }
        t[a.len()][b.len()]
    }

    fn positions(reference: &[u32], candidate: &[u32]) -> Vec<usize> {
        let mut bits = vec![0u64; reference.len().div_ceil(64)];
        mark_lcs(reference, candidate, &mut bits, &mut Vec::new());
        (0..reference.len()).filter(|&i| bits[i / 64] >> (i % 64) & 1 == 1).collect()
    }

    #[test]
    fn hand_computed_lengths() {
        assert_eq!(LcsMasks::new(&[0, 1, 2, 3], 4).lcs_len(&[0, 2, 3, 9]), 3);
        assert_eq!(LcsMasks::new(&[0, 1], 2).lcs_len(&[1, 0]), 1);
        assert_eq!(LcsMasks::new(&[], 0).lcs_len(&[1, 0]), 0);
    }

    #[test]
    fn bit_parallel_equals_table_across_word_boundaries() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |bound: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % bound
        };
        for _ in 0..300 {
            let vocabulary = 1 + next(6);
            let a: Vec<u32> = (0..next(150)).map(|_| next(vocabulary) as u32).collect();
            let b: Vec<u32> = (0..next(150)).map(|_| next(vocabulary + 1) as u32).collect();
            assert_eq!(LcsMasks::new(&a, vocabulary as usize).lcs_len(&b), lcs_by_table(&a, &b));
        }
    }

    #[test]
    fn walk_back_prefers_up_on_ties() {
        // Spec section 11: reference `a b`, candidate `b a` picks position 0.
        assert_eq!(positions(&[0, 1], &[1, 0]), [0]);
        // Hand-traced: reference a b a, candidate b a a → positions 0 and 2.
        assert_eq!(positions(&[0, 1, 0], &[1, 0, 0]), [0, 2]);
        assert_eq!(positions(&[0, 1, 2], &[3]), Vec::<usize>::new());
    }
}
