//! Extractive fragments (Grusky, Naaman & Artzi 2018, "Newsroom"): the
//! greedy left-to-right matching of `lil-lab/newsroom`'s
//! `analyze/fragments.py`, and the coverage, density and compression it defines.

use std::hash::Hash;

use rustc_hash::FxHashMap;
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// A run of summary tokens copied from the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fragment {
    /// 0-based index of its first token in the summary.
    pub summary_start: usize,
    /// 0-based index of its first token in the source.
    pub source_start: usize,
    /// Tokens.
    pub len: usize,
}

/// Serialized as `[summary_start, source_start, length]`, as the conformance files write it.
impl Serialize for Fragment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(3))?;
        seq.serialize_element(&self.summary_start)?;
        seq.serialize_element(&self.source_start)?;
        seq.serialize_element(&self.len)?;
        seq.end()
    }
}

/// The fragments of a summary in a source, with both lengths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragments {
    /// The fragments in the order found (increasing `summary_start`).
    pub fragments: Vec<Fragment>,
    /// Summary tokens |S|.
    pub summary_len: usize,
    /// Source tokens |A|.
    pub source_len: usize,
}

impl Fragments {
    /// Finds the fragments of `summary` in `source` as the reference code
    /// does: for i from 0, scan the source for runs matching from S\[i\],
    /// keep the first longest, and resume the scan **at the end of each run**
    /// (j + L, not j + 1: a longer run starting inside one already scanned is
    /// missed, as in the reference). Record the best run and advance i by its
    /// length, or by 1 when there is none.
    ///
    /// The scan visits only the source positions holding S\[i\] (an index of
    /// positions per token), which is the same sequence of matches the
    /// reference's token-by-token scan finds.
    pub fn find<T: Hash + Eq>(summary: &[T], source: &[T]) -> Fragments {
        let mut positions: FxHashMap<&T, Vec<usize>> = FxHashMap::default();
        for (j, token) in source.iter().enumerate() {
            positions.entry(token).or_default().push(j);
        }
        let mut fragments = Vec::new();
        let mut i = 0;
        while i < summary.len() {
            let mut best: Option<Fragment> = None;
            let mut resume = 0;
            for &j in positions.get(&summary[i]).map_or(&[][..], Vec::as_slice) {
                if j < resume {
                    continue;
                }
                let len = summary[i..].iter().zip(&source[j..]).take_while(|(s, a)| s == a).count();
                if best.is_none_or(|b| len > b.len) {
                    best = Some(Fragment { summary_start: i, source_start: j, len });
                }
                resume = j + len;
            }
            match best {
                Some(fragment) => {
                    fragments.push(fragment);
                    i += fragment.len;
                }
                None => i += 1,
            }
        }
        Fragments { fragments, summary_len: summary.len(), source_len: source.len() }
    }

    /// Σ|f| / |S|: the share of summary tokens inside a fragment (0 for an empty summary).
    pub fn coverage(&self) -> f64 {
        self.per_summary_token(self.fragments.iter().map(|f| f.len).sum())
    }

    /// Σ|f|² / |S|: the mean length of the fragment a summary token lies in (0 for an empty summary).
    pub fn density(&self) -> f64 {
        self.per_summary_token(self.fragments.iter().map(|f| f.len * f.len).sum())
    }

    /// |A| / |S|: source tokens per summary token (0 for an empty summary).
    pub fn compression(&self) -> f64 {
        self.per_summary_token(self.source_len)
    }

    fn per_summary_token(&self, total: usize) -> f64 {
        if self.summary_len == 0 { 0.0 } else { total as f64 / self.summary_len as f64 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(summary: &str, source: &str) -> Vec<[usize; 3]> {
        let (s, a): (Vec<_>, Vec<_>) = (summary.split(' ').collect(), source.split(' ').collect());
        Fragments::find(&s, &a).fragments.iter().map(|f| [f.summary_start, f.source_start, f.len]).collect()
    }

    #[test]
    fn greedy_longest_first_match() {
        assert_eq!(find("a b c x d e", "d e q a b c"), [[0, 3, 3], [4, 0, 2]]);
        // Ties keep the first run found.
        assert_eq!(find("a b", "a b z a b"), [[0, 0, 2]]);
    }

    #[test]
    fn scan_resumes_at_the_end_of_a_run_as_the_reference_does() {
        // From S[0] = a the scan matches "a a" at source 0 (length 2) and resumes
        // at source 2, so the longer "a a b" starting at source 1 is never tried.
        assert_eq!(find("a a b", "a a a b"), [[0, 0, 2], [2, 3, 1]]);
    }

    #[test]
    fn ratios_are_zero_for_an_empty_summary() {
        let empty: [&str; 0] = [];
        let fragments = Fragments::find(&empty, &["a"]);
        assert_eq!((fragments.coverage(), fragments.density(), fragments.compression()), (0.0, 0.0, 0.0));
        let f = Fragments::find(&["a", "b", "z"], &["a", "b", "c", "d"]);
        assert_eq!((f.coverage(), f.density(), f.compression()), (2.0 / 3.0, 4.0 / 3.0, 4.0 / 3.0));
    }
}
