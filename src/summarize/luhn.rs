//! `luhn`: H. P. Luhn (1958), "The Automatic Creation of Literature
//! Abstracts", IBM Journal of Research and Development 2(2).
//!
//! A word is *significant* when it is not a common word and occurs at least
//! [`Params::min_frequency`] times in the document (Luhn's lower frequency
//! cut-off; the common-word list is his upper one). In each sentence,
//! significant words with at most [`Params::max_gap`] non-significant words
//! between them are bracketed into clusters; a cluster's factor is
//! `significant² / words spanned` (first to last significant word,
//! inclusive), and a sentence scores its best cluster (0 without one).
//! A lone significant word is a one-word cluster: 1² / 1 = 1.
//!
//! Words are the prepared stems (stop words count as words of the span)
//! that start with a letter and hold no digit: numbers, years, citation
//! markers and identifiers such as "e1259" are skipped, neither significant
//! nor counted in a span.
//!
//! Parameters and defaults: `min_frequency = 3`, `max_gap = 3`,
//! `common_words = Smart`: a stem is common if it is a stop word of the
//! tokenizer or the stem of a word of the SMART system's 598-word list
//! (`data/smart_common_words.txt`, the list ROUGE-1.5.5's `-s` uses).
//!
//! Why these defaults (ROUGE-1 F against sumy 0.13's Luhn, see the README):
//! with the tokenizer's 179 NLTK stop words as the only common words, a
//! frequency of 2 and numbers as words, nearly every word of a long paper
//! was significant, and allele lists and citation runs became the densest
//! clusters (PLOS: 33.08 against sumy's 38.45; BillSum 43.91 against 45.84).
//! Without the SMART list, or with numbers as words, PLOS fell more than 0.5
//! below sumy; with frequency 2 or a gap of 4 all four corpora (SummEval,
//! BBC, BillSum, PLOS) stayed within 0.5 of sumy but with margins down to
//! −0.46 and −0.01; these defaults had the largest worst-case margin, +0.26
//! (the README has the table).

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::{PreparedDocument, WordTokenizer};

/// Registry name.
pub const NAME: &str = "luhn";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "Luhn 1958: clusters of significant words, significant² / span";

/// Which words can never be significant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CommonWords {
    /// The tokenizer's stop words only (NLTK's English list).
    StopWords,
    /// The stop words and the SMART common-word list.
    #[default]
    Smart,
}

/// Luhn's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// A non-common word is significant if it occurs at least this often in the document.
    pub min_frequency: u32,
    /// Most non-significant words allowed between two significant words of one cluster.
    pub max_gap: usize,
    /// The upper cut-off: words never significant.
    pub common_words: CommonWords,
}

impl Default for Params {
    fn default() -> Self {
        Params { min_frequency: 3, max_gap: 3, common_words: CommonWords::default() }
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

/// Stems of the SMART common words (stemmed as the tokenizer stems words).
pub(super) static SMART_STEMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let tokenizer = WordTokenizer::english();
    crate::rouge155::tokenize::SMART_STOPWORDS.lines().map(|w| tokenizer.stem(w)).collect()
});

/// Whether a stem counts as a word: it starts with a letter and holds no digit.
pub(super) fn is_word(stem: &str) -> bool {
    stem.chars().next().is_some_and(char::is_alphabetic) && !stem.chars().any(char::is_numeric)
}

/// What each term of a document is to Luhn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not a word: skipped.
    Skipped,
    /// A word that is not significant.
    Plain,
    /// A significant word.
    Significant,
}

impl Luhn {
    /// Term id → its role in this document.
    fn roles(&self, doc: &PreparedDocument) -> Vec<Role> {
        let mut counts = vec![0u32; doc.num_terms()];
        for s in &doc.sentences {
            for &t in &s.content {
                counts[t as usize] += 1;
            }
        }
        (0..doc.num_terms())
            .map(|t| {
                let stem = &*doc.vocabulary[t];
                if !is_word(stem) {
                    Role::Skipped
                } else if doc.is_stop[t]
                    || counts[t] < self.params.min_frequency
                    || (self.params.common_words == CommonWords::Smart && SMART_STEMS.contains(stem))
                {
                    Role::Plain
                } else {
                    Role::Significant
                }
            })
            .collect()
    }

    /// The best cluster factor of a sentence's terms.
    fn sentence_score(&self, terms: &[u32], roles: &[Role]) -> f64 {
        let mut best = 0.0f64;
        // Current cluster: position of its first and last significant word, and their count.
        let mut cluster: Option<(usize, usize, usize)> = None;
        let words = terms.iter().filter(|&&t| roles[t as usize] != Role::Skipped);
        for (pos, &t) in words.enumerate() {
            if roles[t as usize] != Role::Significant {
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
        let roles = self.roles(doc);
        let scores: Vec<f64> = doc.sentences.iter().map(|s| self.sentence_score(&s.terms, &roles)).collect();
        Ranking { order: super::order::by_score(&scores), scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    // Significant words (not common, ≥ 3 occurrences): fox (4), box (3), cup (3).
    // "owl" occurs twice (below the cut-off); "1999" and "e12" are not words.
    // Every other word occurs once.
    const TEXT: &str = "Fox alpha beta gamma box. \
                        Fox ant bee cat dog box. \
                        Cup cup fox owl owl. \
                        Cup box 1999 e12 fox. \
                        Nothing matters.";

    fn doc() -> PreparedDocument {
        let d =
            Document { id: "d".into(), title: None, text: TEXT.into(), references: vec![], language: None };
        PreparedDocument::new(d, &WordTokenizer::english())
    }

    fn rank(params: Params) -> Ranking {
        params.build(&BuildOptions::default()).rank(&doc(), &Budget::Sentences(1))
    }

    fn assert_scores(r: &Ranking, expected: &[f64]) {
        assert_eq!(r.scores.len(), expected.len());
        for (got, want) in r.scores.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{:?}", r.scores);
        }
    }

    #[test]
    fn scores_clusters_as_significant_squared_over_span() {
        // S0: fox … box with 3 words between: one cluster, 2² / 5 = 0.8.
        // S1: 4 words between: two one-word clusters, 1² / 1 = 1.
        // S2: cup cup fox: one cluster, 3² / 3 = 3 (owl: twice, not significant).
        // S3: cup box [1999 e12 skipped] fox: three adjacent words, 3² / 3 = 3.
        // S4: no significant word ("nothing" is a SMART common word): 0.
        let r = rank(Params::default());
        assert_scores(&r, &[0.8, 1.0, 3.0, 3.0, 0.0]);
        assert_eq!(r.order, [2, 3, 1, 0, 4]);
    }

    #[test]
    fn a_wider_gap_joins_clusters() {
        // max_gap 4: S1 becomes one cluster fox … box, 2² / 6.
        let r = rank(Params { max_gap: 4, ..Params::default() });
        assert!((r.scores[1] - 4.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn the_frequency_cut_off_decides_significance() {
        // min_frequency 4: only fox. S2 and S3 have one-word clusters: 1.
        assert_scores(&rank(Params { min_frequency: 4, ..Params::default() }), &[1.0, 1.0, 1.0, 1.0, 0.0]);
        // min_frequency 2: owl joins; S2 = cup cup fox owl owl, 5² / 5 = 5.
        assert_eq!(rank(Params { min_frequency: 2, ..Params::default() }).scores[2], 5.0);
    }

    #[test]
    fn smart_common_words_are_never_significant() {
        // "said" (SMART) occurs 3 times: with the SMART list it is plain, so S0 "Said fox
        // said box said." clusters fox … box over 3 words, 2² / 3; with stop words only,
        // said, fox, said, box, said is one cluster of 5, 5² / 5 = 5.
        let text = "Said fox said box said. Fox box. Fox box.";
        let d =
            Document { id: "d".into(), title: None, text: text.into(), references: vec![], language: None };
        let d = PreparedDocument::new(d, &WordTokenizer::english());
        let score = |common_words| {
            Params { common_words, ..Params::default() }
                .build(&BuildOptions::default())
                .rank(&d, &Budget::Sentences(1))
                .scores[0]
        };
        assert!((score(CommonWords::Smart) - 4.0 / 3.0).abs() < 1e-12);
        assert_eq!(score(CommonWords::StopWords), 5.0);
    }
}
