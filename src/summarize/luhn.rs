//! `luhn`: H. P. Luhn (1958), "The Automatic Creation of Literature
//! Abstracts", IBM Journal of Research and Development 2(2).
//!
//! A word is *significant* when it is not a common (stop) word and occurs at
//! least [`Params::min_frequency`] times in the document (Luhn's lower
//! frequency cut-off; the stop list is his upper one). In each sentence,
//! significant words closer than [`Params::max_gap`] + 1 positions (at most
//! `max_gap` non-significant words between them, Luhn's "four or five")
//! are bracketed into clusters; a cluster's factor is
//! `significant² / words spanned` (first to last significant word,
//! inclusive), and a sentence scores its best cluster (0 without one).
//! A lone significant word is a one-word cluster: 1² / 1 = 1.
//!
//! Parameters and defaults: `min_frequency = 2`, `max_gap = 4`.
//! Works on the prepared stems (stop words count as words of the span).

use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "luhn";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "Luhn 1958: clusters of significant words, significant² / span";

/// Luhn's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// A non-stop word is significant if it occurs at least this often in the document.
    pub min_frequency: u32,
    /// Most non-significant words allowed between two significant words of one cluster.
    pub max_gap: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params { min_frequency: 2, max_gap: 4 }
    }
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> Luhn {
        Luhn { params: self }
    }
}

/// The Luhn summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Luhn {
    params: Params,
}

impl Luhn {
    /// Term id → significant?
    fn significant_terms(&self, doc: &PreparedDocument) -> Vec<bool> {
        let mut counts = vec![0u32; doc.num_terms()];
        for s in &doc.sentences {
            for &t in &s.content {
                counts[t as usize] += 1;
            }
        }
        counts.iter().map(|&c| c >= self.params.min_frequency).collect()
    }

    /// The best cluster factor of a sentence's terms.
    fn sentence_score(&self, terms: &[u32], significant: &[bool]) -> f64 {
        let mut best = 0.0f64;
        // Current cluster: position of its first and last significant word, and their count.
        let mut cluster: Option<(usize, usize, usize)> = None;
        for (pos, &t) in terms.iter().enumerate() {
            if !significant[t as usize] {
                continue;
            }
            cluster = match cluster {
                Some((first, last, count)) if pos - last - 1 <= self.params.max_gap => {
                    Some((first, pos, count + 1))
                }
                done => {
                    if let Some(c) = done {
                        best = best.max(factor(c));
                    }
                    Some((pos, pos, 1))
                }
            };
        }
        cluster.map_or(best, |c| best.max(factor(c)))
    }
}

/// Luhn's significance factor of a cluster `(first, last, significant words)`.
fn factor((first, last, count): (usize, usize, usize)) -> f64 {
    (count * count) as f64 / (last - first + 1) as f64
}

impl Summarizer for Luhn {
    fn name(&self) -> &str {
        NAME
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let significant = self.significant_terms(doc);
        let scores: Vec<f64> =
            doc.sentences.iter().map(|s| self.sentence_score(&s.terms, &significant)).collect();
        Ranking { order: super::order::by_score(&scores), scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::WordTokenizer;

    // Significant words (non-stop, ≥ 2 occurrences): fox (3), box (2), cup (2).
    // Every other word occurs once.
    const TEXT: &str = "Fox alpha beta gamma delta box. \
                        Fox five six seven eight nine box. \
                        Cup cup fox. \
                        Nothing matters.";

    fn doc() -> PreparedDocument {
        let d = Document { id: "d".into(), title: None, text: TEXT.into(), references: vec![] };
        PreparedDocument::new(d, &WordTokenizer::english())
    }

    #[test]
    fn scores_clusters_as_significant_squared_over_span() {
        // S0: fox … box with 4 words between: one cluster, 2² / 6 = 0.667.
        // S1: 5 words between: two one-word clusters, 1² / 1 = 1.
        // S2: cup cup fox: one cluster, 3² / 3 = 3.
        // S3: no significant word: 0.
        let r = Params::default().build(&BuildOptions::default()).rank(&doc(), &Budget::Sentences(1));
        let expected = [4.0 / 6.0, 1.0, 3.0, 0.0];
        for (got, want) in r.scores.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{:?}", r.scores);
        }
        assert_eq!(r.order, [2, 1, 0, 3]);
    }

    #[test]
    fn a_wider_gap_joins_clusters() {
        // max_gap 5: S1 becomes one cluster fox … box, 2² / 7.
        let r = Params { max_gap: 5, ..Params::default() }
            .build(&BuildOptions::default())
            .rank(&doc(), &Budget::Sentences(1));
        assert!((r.scores[1] - 4.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn a_higher_frequency_cut_off_leaves_fewer_significant_words() {
        // min_frequency 3: only fox; S2 has one cluster of one: 1.
        let r = Params { min_frequency: 3, ..Params::default() }
            .build(&BuildOptions::default())
            .rank(&doc(), &Budget::Sentences(1));
        assert_eq!(r.scores, [1.0, 1.0, 1.0, 0.0]);
    }
}
