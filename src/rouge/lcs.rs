//! Longest common subsequence on token ids: its length by the bit-parallel
//! algorithm (rougeL) and one specific LCS chosen by rouge-score's walk-back
//! (rougeLsum's union LCS). Pure arithmetic: knows nothing of text.

/// Bit masks of a fixed sequence (the pattern) for the bit-parallel LCS
/// length of Allison & Dix (1986) in Hyyrö's (2004) formulation: one bit per
/// pattern position, 64 positions per word.
#[derive(Debug, Clone, Default)]
pub(crate) struct LcsMasks {
    words: usize,
    /// `masks[id * words + w]`: bit `i % 64` of word `i / 64` is set iff the
    /// pattern has `id` at position `i`.
    masks: Vec<u64>,
}

impl LcsMasks {
    /// Masks of `pattern`, whose ids are all below `vocabulary`.
    #[cfg(test)]
    pub(crate) fn new(pattern: &[u32], vocabulary: usize) -> Self {
        let mut masks = LcsMasks::default();
        masks.prepare(pattern, vocabulary);
        masks
    }

    /// Makes these the masks of `pattern` (ids all below `vocabulary`),
    /// reusing the buffer.
    pub(crate) fn prepare(&mut self, pattern: &[u32], vocabulary: usize) {
        let words = pattern.len().div_ceil(64);
        self.words = words;
        self.masks.clear();
        self.masks.resize(vocabulary * words, 0);
        for (i, &id) in pattern.iter().enumerate() {
            self.masks[id as usize * words + i / 64] |= 1 << (i % 64);
        }
    }

    /// LCS length of the pattern and `text`. Ids of `text` at or above the
    /// vocabulary match nothing. `v` is reused working space.
    pub(crate) fn lcs_len(&self, text: &[u32], v: &mut Vec<u64>) -> usize {
        if self.words == 0 {
            return 0;
        }
        if self.words == 1 {
            // The same recurrence on one word, without the carry chain.
            let mut word = u64::MAX;
            for &id in text {
                if let Some(&m) = self.masks.get(id as usize) {
                    word = word.wrapping_add(word & m) | (word & !m);
                }
            }
            return word.count_zeros() as usize;
        }
        if self.words == 2 {
            // Two words as one `u128`, whose addition carries between them.
            let mut word = u128::MAX;
            for &id in text {
                let at = id as usize * 2;
                if let Some(&[low, high]) = self.masks.get(at..at + 2) {
                    let m = u128::from(low) | (u128::from(high) << 64);
                    word = word.wrapping_add(word & m) | (word & !m);
                }
            }
            return word.count_zeros() as usize;
        }
        v.clear();
        v.resize(self.words, u64::MAX);
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

/// Marks in `positions` (a bit set over the pattern's positions) the pattern
/// positions of the LCS of the pattern and `text` that rouge-score's walk-back
/// picks over the table T (T[i][j] = LCS length of pattern[..i] and text[..j]):
/// diagonal on equal tokens, else left only if T[i][j-1] > T[i-1][j], else up.
///
/// T's columns come from the bit-parallel recurrence: after text[..j], the
/// zero bits of V below position i count T[i][j]. `columns` is scratch space.
pub(crate) fn mark_lcs(
    masks: &LcsMasks,
    pattern: &[u32],
    text: &[u32],
    positions: &mut [u64],
    columns: &mut Vec<u64>,
) {
    let words = masks.words;
    if words == 0 || text.is_empty() {
        return;
    }
    // columns[j * words..][..words] holds V after text[..j].
    columns.clear();
    columns.resize((text.len() + 1) * words, u64::MAX);
    for (j, &id) in text.iter().enumerate() {
        let (done, next) = columns[j * words..(j + 2) * words].split_at_mut(words);
        match masks.masks.get(id as usize * words..(id as usize + 1) * words) {
            Some(mask) => {
                let mut carry = false;
                for ((out, &word), &m) in next.iter_mut().zip(done.iter()).zip(mask) {
                    let (sum, overflow1) = word.overflowing_add(word & m);
                    let (sum, overflow2) = sum.overflowing_add(u64::from(carry));
                    carry = overflow1 || overflow2;
                    *out = sum | (word & !m);
                }
            }
            None => next.copy_from_slice(done),
        }
    }
    // T[i][j]: zero bits of column j among positions 0..i.
    let t = |i: usize, j: usize| -> usize {
        let column = &columns[j * words..(j + 1) * words];
        let full = i / 64;
        let mut zeros: usize = column[..full].iter().map(|w| w.count_zeros() as usize).sum();
        if !i.is_multiple_of(64) {
            zeros += (!column[full] & ((1u64 << (i % 64)) - 1)).count_ones() as usize;
        }
        zeros
    };
    let (mut i, mut j) = (pattern.len(), text.len());
    while i > 0 && j > 0 {
        if pattern[i - 1] == text[j - 1] {
            positions[(i - 1) / 64] |= 1 << ((i - 1) % 64);
            i -= 1;
            j -= 1;
        } else if t(i, j - 1) > t(i - 1, j) {
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

    /// rouge-score's walk-back (spec section 6) over the explicit table.
    fn positions_by_table(reference: &[u32], candidate: &[u32]) -> Vec<usize> {
        let (m, n) = (reference.len(), candidate.len());
        let mut t = vec![vec![0usize; n + 1]; m + 1];
        for i in 0..m {
            for j in 0..n {
                t[i + 1][j + 1] =
                    if reference[i] == candidate[j] { t[i][j] + 1 } else { t[i][j + 1].max(t[i + 1][j]) };
            }
        }
        let (mut i, mut j, mut out) = (m, n, Vec::new());
        while i > 0 && j > 0 {
            if reference[i - 1] == candidate[j - 1] {
                out.push(i - 1);
                i -= 1;
                j -= 1;
            } else if t[i][j - 1] > t[i - 1][j] {
                j -= 1;
            } else {
                i -= 1;
            }
        }
        out.reverse();
        out
    }

    fn positions(reference: &[u32], candidate: &[u32]) -> Vec<usize> {
        let vocabulary = reference.iter().max().map_or(0, |&id| id as usize + 1);
        let masks = LcsMasks::new(reference, vocabulary);
        let mut bits = vec![0u64; reference.len().div_ceil(64)];
        mark_lcs(&masks, reference, candidate, &mut bits, &mut Vec::new());
        (0..reference.len()).filter(|&i| bits[i / 64] >> (i % 64) & 1 == 1).collect()
    }

    /// Deterministic xorshift sequences over small alphabets (many ties).
    fn random_pairs(seed: u64, count: usize, max_len: u64) -> Vec<(Vec<u32>, Vec<u32>)> {
        let mut state = seed;
        let mut next = move |bound: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % bound
        };
        (0..count)
            .map(|_| {
                let vocabulary = 1 + next(6);
                let a = (0..next(max_len)).map(|_| next(vocabulary) as u32).collect();
                let b = (0..next(max_len)).map(|_| next(vocabulary + 1) as u32).collect();
                (a, b)
            })
            .collect()
    }

    #[test]
    fn hand_computed_lengths() {
        assert_eq!(LcsMasks::new(&[0, 1, 2, 3], 4).lcs_len(&[0, 2, 3, 9], &mut Vec::new()), 3);
        assert_eq!(LcsMasks::new(&[0, 1], 2).lcs_len(&[1, 0], &mut Vec::new()), 1);
        assert_eq!(LcsMasks::new(&[], 0).lcs_len(&[1, 0], &mut Vec::new()), 0);
    }

    #[test]
    fn bit_parallel_length_equals_table_across_word_boundaries() {
        for (a, b) in random_pairs(0x2545_F491_4F6C_DD1D, 300, 150) {
            let vocabulary = a.iter().max().map_or(0, |&id| id as usize + 1);
            assert_eq!(LcsMasks::new(&a, vocabulary).lcs_len(&b, &mut Vec::new()), lcs_by_table(&a, &b));
        }
    }

    #[test]
    fn bit_parallel_walk_back_equals_table_walk_back() {
        for (a, b) in
            random_pairs(0x9E37_79B9_7F4A_7C15, 2000, 40).into_iter().chain(random_pairs(5, 100, 200))
        {
            assert_eq!(positions(&a, &b), positions_by_table(&a, &b), "{a:?} {b:?}");
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
