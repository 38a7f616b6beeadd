//! ROUGE-N and ROUGE-S/SU counting units over interned token ids, as the
//! script's `createNGram` and `createSkipBigram` form them.
//!
//! Owns: building unit multisets and the clipped hit count. Never reads text.

use std::collections::HashMap;
use std::hash::Hash;

/// A multiset of counting units and its total size (the script's `_cn_`).
#[derive(Debug, Clone)]
pub struct Units<K> {
    counts: HashMap<K, u32>,
    total: u32,
}

impl<K: Hash + Eq> Units<K> {
    fn from_iter(units: impl Iterator<Item = K>) -> Self {
        let mut counts = HashMap::new();
        let mut total = 0;
        for unit in units {
            *counts.entry(unit).or_insert(0) += 1;
            total += 1;
        }
        Units { counts, total }
    }

    /// Number of units (with repetitions).
    pub fn total(&self) -> u32 {
        self.total
    }

    /// Σ over distinct units of min(count here, count in `other`).
    pub fn clipped_hits(&self, other: &Units<K>) -> u32 {
        let (small, large) =
            if self.counts.len() <= other.counts.len() { (self, other) } else { (other, self) };
        small.counts.iter().map(|(unit, &n)| large.counts.get(unit).map_or(0, |&m| n.min(m))).sum()
    }
}

/// Contiguous `n`-grams of `tokens` (none when there are fewer than `n` tokens).
pub fn ngrams(tokens: &[u32], n: usize) -> Units<Box<[u32]>> {
    Units::from_iter(tokens.windows(n).map(Box::from))
}

/// A skip-bigram `(first, second)`, or a unigram `(token, UNIGRAM)`.
pub type SkipUnit = (u32, u32);

/// Second component marking a unigram unit; token ids never reach it.
pub const UNIGRAM: u32 = u32::MAX;

/// Ordered pairs (tᵢ, tⱼ) with i < j ≤ i + skip + 1 (any j when `skip` is
/// `None`), plus, when `unigrams`, every tᵢ that can start a pair (all tokens
/// but the last).
pub fn skip_bigrams(tokens: &[u32], skip: Option<u32>, unigrams: bool) -> Units<SkipUnit> {
    let len = tokens.len();
    let window = skip.map_or(len, |s| s as usize + 1);
    Units::from_iter((0..len.saturating_sub(1)).flat_map(move |i| {
        let unigram = unigrams.then_some((tokens[i], UNIGRAM));
        let last = len.min(i.saturating_add(window).saturating_add(1));
        unigram.into_iter().chain((i + 1..last).map(move |j| (tokens[i], tokens[j])))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ngram_counts() {
        let t = [1, 2, 1, 2, 1];
        assert_eq!(ngrams(&t, 1).total(), 5);
        assert_eq!(ngrams(&t, 2).total(), 4);
        assert_eq!(ngrams(&t, 6).total(), 0);
        // Candidate 1 2 1 vs reference 1 2 1 2 1: bigrams {12:1, 21:1} vs {12:2, 21:2}.
        assert_eq!(ngrams(&[1, 2, 1], 2).clipped_hits(&ngrams(&t, 2)), 2);
        assert_eq!(ngrams(&[1, 1, 1], 1).clipped_hits(&ngrams(&t, 1)), 3);
        assert_eq!(ngrams(&[2, 2, 2], 1).clipped_hits(&ngrams(&t, 1)), 2);
    }

    #[test]
    fn skip_bigram_counts_by_hand() {
        // a b c d, skip 1: ab ac bc bd cd = 5 pairs; SU adds a b c (not d).
        let t = [1, 2, 3, 4];
        assert_eq!(skip_bigrams(&t, Some(1), false).total(), 5);
        assert_eq!(skip_bigrams(&t, Some(1), true).total(), 8);
        assert_eq!(skip_bigrams(&t, None, false).total(), 6);
        assert_eq!(skip_bigrams(&t, Some(0), false).total(), 3);
        // Six tokens, skip 4: every pair is within reach (15 = C(6,2)).
        assert_eq!(skip_bigrams(&[1, 2, 3, 4, 5, 6], Some(4), false).total(), 15);
        assert_eq!(skip_bigrams(&[1, 2, 3, 4, 5, 6, 7], Some(4), false).total(), 20);
    }

    #[test]
    fn su_quirks_from_the_spec() {
        // One token: no units at all.
        assert_eq!(skip_bigrams(&[7], Some(4), true).total(), 0);
        // `a b` vs `b a`: the only unigrams are `a` and `b` respectively, the pairs differ.
        let ab = skip_bigrams(&[1, 2], Some(4), true);
        let ba = skip_bigrams(&[2, 1], Some(4), true);
        assert_eq!((ab.total(), ab.clipped_hits(&ba)), (2, 0));
    }
}
