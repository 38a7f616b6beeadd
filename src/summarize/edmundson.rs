//! `edmundson`: H. P. Edmundson (1969), "New Methods in Automatic
//! Extracting", Journal of the ACM 16(2), 264–285.
//!
//! A sentence's score is the weighted sum `a₁·C + a₂·K + a₃·T + a₄·L` of four
//! methods (null words = stop words throughout):
//! - **Cue** C: +1 for every bonus word, −1 for every stigma word
//!   (matched by stem; [`DEFAULT_BONUS_WORDS`], [`DEFAULT_STIGMA_WORDS`] are
//!   English defaults in Edmundson's word classes — bonus: comparatives,
//!   superlatives, conclusion, value and causality terms; stigma: hedging,
//!   belittling and illustrative-detail terms; replaceable through [`Params`]).
//! - **Key** K: +1 for every occurrence of a key word, a non-cue content word
//!   whose document frequency exceeds `key_threshold` × the highest one.
//! - **Title** T: +1 for every occurrence of a title word (a non-null word of
//!   the document's title; documents have no headings here).
//! - **Location** L (ordinal): +1 in the first paragraph, else +1 in the
//!   last; +1 for a paragraph's first sentence, else +1 for its last.
//!
//! Parameters and defaults: `cue_weight = 1`, `key_weight = 0`,
//! `title_weight = 1`, `location_weight = 1` (Edmundson's preferred
//! Cue + Title + Location), `key_threshold = 0.5`, and the two word lists.
//!
//! Languages: the two lists of [`Params`] are for English documents;
//! documents in German, French, Spanish, Italian, Portuguese and Dutch get
//! sumbench's lists for their language (`cue_words.rs`), matched by that
//! language's stems. Other languages have no cue words: the cue method adds
//! nothing, title and location decide, and the run says so once.

use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::lang::Language;
use crate::text::{PreparedDocument, WordTokenizer};

/// Registry name.
pub const NAME: &str = "edmundson";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "Edmundson 1969: weighted cue, key, title and location methods";

/// English bonus (positively relevant) cue words, in Edmundson's classes:
/// superlatives, adverbs of conclusion, value terms and causality terms —
/// only words that mark a claim as important, not everyday adjectives of
/// news prose (Edmundson's lists were drawn from his corpus, so a general
/// list must stay conservative).
pub const DEFAULT_BONUS_WORDS: &[&str] = &[
    // superlatives of value
    "greatest",
    "foremost",
    "paramount",
    // adverbs and nouns of conclusion
    "finally",
    "therefore",
    "thus",
    "hence",
    "consequently",
    "ultimately",
    "overall",
    "conclude",
    "conclusion",
    "summary",
    "summarize",
    // value terms
    "important",
    "importantly",
    "significant",
    "significantly",
    "essential",
    "crucial",
    "fundamental",
    "notably",
    "remarkable",
    // causality terms
    "consequence",
    "result",
];

/// English stigma (negatively relevant) cue words, in Edmundson's classes:
/// hedging and belittling expressions and markers of illustrative detail
/// (his anaphoric expressions are stop words, hence null words, here).
pub const DEFAULT_STIGMA_WORDS: &[&str] = &[
    // hedging
    "perhaps",
    "maybe",
    "possibly",
    "apparently",
    "seemingly",
    "seem",
    "seems",
    "somewhat",
    "allegedly",
    "supposedly",
    "unclear",
    // belittling
    "slightly",
    "hardly",
    "barely",
    "merely",
    "fairly",
    "rather",
    "trivial",
    "minor",
    "insignificant",
    // illustrative detail and asides
    "example",
    "instance",
    "e.g",
    "etc",
    "incidentally",
    "anyway",
];

/// Edmundson's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Weight a₁ of the cue method.
    pub cue_weight: f64,
    /// Weight a₂ of the key method.
    pub key_weight: f64,
    /// Weight a₃ of the title method.
    pub title_weight: f64,
    /// Weight a₄ of the location method.
    pub location_weight: f64,
    /// A content word is a key word if its frequency exceeds this share of the highest.
    pub key_threshold: f64,
    /// Bonus cue words (any case; matched by stem).
    pub bonus_words: Vec<String>,
    /// Stigma cue words (any case; matched by stem).
    pub stigma_words: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            cue_weight: 1.0,
            key_weight: 0.0,
            title_weight: 1.0,
            location_weight: 1.0,
            key_threshold: 0.5,
            bonus_words: DEFAULT_BONUS_WORDS.iter().map(|w| w.to_string()).collect(),
            stigma_words: DEFAULT_STIGMA_WORDS.iter().map(|w| w.to_string()).collect(),
        }
    }
}

impl Params {
    /// Builds the summarizer, stemming the cue words as documents in their
    /// language are stemmed.
    pub fn build(self, _options: &BuildOptions) -> Edmundson {
        let mut cues = vec![CueStems::new(Language::English, &self.bonus_words, &self.stigma_words)];
        for language in super::cue_words::LANGUAGES {
            let (bonus, stigma) = super::cue_words::cue_words(language).expect("listed");
            cues.push(CueStems::new(language, bonus, stigma));
        }
        Edmundson { cues, params: self }
    }
}

/// One language's cue words as stems.
#[derive(Debug, Clone)]
struct CueStems {
    language: Language,
    /// Stems of the bonus words, sorted (binary search beats hashing for a few dozen).
    bonus: Vec<String>,
    /// Stems of the stigma words, sorted.
    stigma: Vec<String>,
}

impl CueStems {
    fn new<B: AsRef<str>, S: AsRef<str>>(language: Language, bonus: &[B], stigma: &[S]) -> Self {
        let tokenizer = WordTokenizer::shared(language);
        let stems = |words: Vec<&str>| -> Vec<String> {
            let mut stems: Vec<String> = words.iter().map(|w| tokenizer.stem(&w.to_lowercase())).collect();
            stems.sort_unstable();
            stems.dedup();
            stems
        };
        CueStems {
            language,
            bonus: stems(bonus.iter().map(AsRef::as_ref).collect()),
            stigma: stems(stigma.iter().map(AsRef::as_ref).collect()),
        }
    }
}

/// The Edmundson summarizer.
#[derive(Debug, Clone)]
pub struct Edmundson {
    params: Params,
    /// Cue words of every language that has them, English first.
    cues: Vec<CueStems>,
}

/// What one term contributes to each method.
#[derive(Debug, Clone, Copy, Default)]
struct TermWeights {
    cue: f64,
    key: bool,
    title: bool,
}

impl Edmundson {
    /// Cue, key and title contribution of every term of `doc`.
    fn term_weights(&self, doc: &PreparedDocument) -> Vec<TermWeights> {
        let none = (&[][..], &[][..]);
        let (bonus, stigma) = self
            .cues
            .iter()
            .find(|cues| cues.language == doc.language)
            .map_or(none, |cues| (&cues.bonus[..], &cues.stigma[..]));
        let mut weights: Vec<TermWeights> = doc
            .vocabulary
            .iter()
            .map(|stem| {
                let listed = |list: &[String]| {
                    f64::from(u8::from(list.binary_search_by(|w| w.as_str().cmp(stem)).is_ok()))
                };
                let (bonus, stigma) = (listed(bonus), listed(stigma));
                TermWeights { cue: bonus - stigma, ..TermWeights::default() }
            })
            .collect();
        for &t in &doc.title_terms {
            weights[t as usize].title = true;
        }
        if self.params.key_weight != 0.0 {
            let mut counts = vec![0u32; doc.num_terms()];
            doc.sentences.iter().flat_map(|s| &s.content).for_each(|&t| counts[t as usize] += 1);
            let max = f64::from(counts.iter().copied().max().unwrap_or(0).max(1));
            for (w, &c) in weights.iter_mut().zip(&counts) {
                w.key = w.cue == 0.0 && f64::from(c) / max > self.params.key_threshold;
            }
        }
        weights
    }

    /// The ordinal location score of sentence `i`.
    fn location(doc: &PreparedDocument, i: usize) -> f64 {
        let s = &doc.sentences;
        let p = s[i].paragraph;
        let last_paragraph = s.last().map_or(0, |l| l.paragraph);
        let paragraph = if p == 0 || p == last_paragraph { 1.0 } else { 0.0 };
        let first_in_paragraph = i == 0 || s[i - 1].paragraph != p;
        let last_in_paragraph = i + 1 == s.len() || s[i + 1].paragraph != p;
        let sentence = if first_in_paragraph || last_in_paragraph { 1.0 } else { 0.0 };
        paragraph + sentence
    }
}

impl Summarizer for Edmundson {
    fn name(&self) -> &str {
        NAME
    }

    fn language_note(&self, language: Language) -> Option<String> {
        (!self.cues.iter().any(|cues| cues.language == language)).then(|| {
            format!(
                "no cue words for {} ({language}): the cue method adds nothing, title and location rank the sentences",
                language.name()
            )
        })
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let weights = self.term_weights(doc);
        let p = &self.params;
        let scores: Vec<f64> = doc
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (mut cue, mut key, mut title) = (0.0, 0.0, 0.0);
                for &t in &s.terms {
                    let w = weights[t as usize];
                    cue += w.cue;
                    key += f64::from(u8::from(w.key));
                    title += f64::from(u8::from(w.title && !doc.is_stop[t as usize]));
                }
                p.cue_weight * cue
                    + p.key_weight * key
                    + p.title_weight * title
                    + p.location_weight * Self::location(doc, i)
            })
            .collect();
        Ranking { order: super::order::by_score(&scores), scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    const TEXT: &str = "Solar panels got cheap. Perhaps prices fall.\n\n\
                        Wind grew too. The important result is solar power.\n\n\
                        Others wait.";

    fn rank(params: Params) -> Ranking {
        let d = Document {
            id: "d".into(),
            title: Some("Cheap solar power".into()),
            text: TEXT.into(),
            references: vec![],
            language: None,
        };
        let doc = PreparedDocument::new(d, &WordTokenizer::english());
        params.build(&BuildOptions::default()).rank(&doc, &Budget::Sentences(1))
    }

    fn params(cue: f64, key: f64, title: f64, location: f64) -> Params {
        Params {
            cue_weight: cue,
            key_weight: key,
            title_weight: title,
            location_weight: location,
            bonus_words: vec!["Important".into()],
            stigma_words: vec!["perhaps".into()],
            ..Params::default()
        }
    }

    // Paragraphs: P0 = S0, S1; P1 = S2, S3; P2 = S4. Title words: cheap, solar, power.
    //        cue  title  location (paragraph + sentence)
    // S0      0     2      1 + 1 (first paragraph, first sentence)
    // S1     −1     0      1 + 1 (first paragraph, last sentence)
    // S2      0     0      0 + 1 (first sentence)
    // S3     +1     2      0 + 1 (last sentence)
    // S4      0     0      1 + 1 (last paragraph, first sentence)
    #[test]
    fn sums_cue_title_and_location() {
        // Weights 1, 0, 1, 1: S0 = 4, S1 = 1, S2 = 1, S3 = 4, S4 = 2.
        let r = rank(params(1.0, 0.0, 1.0, 1.0));
        assert_eq!(r.scores, [4.0, 1.0, 1.0, 4.0, 2.0]);
        assert_eq!(r.order, [0, 3, 4, 1, 2]);
    }

    #[test]
    fn weights_scale_each_method() {
        // Cue weight 2: S0 = 4, S1 = 0, S2 = 1, S3 = 5, S4 = 2.
        let r = rank(params(2.0, 0.0, 1.0, 1.0));
        assert_eq!(r.scores, [4.0, 0.0, 1.0, 5.0, 2.0]);
        assert_eq!(r.order, [3, 0, 4, 2, 1]);
    }

    #[test]
    fn key_words_exceed_the_frequency_threshold() {
        // Content counts: solar 2, every other word 1; max 2. Key words: count / 2 > 0.5 → solar.
        let r = rank(params(0.0, 1.0, 0.0, 0.0));
        assert_eq!(r.scores, [1.0, 0.0, 0.0, 1.0, 0.0]);
    }

    #[test]
    fn default_cue_words_match_by_stem() {
        // Default lists: "perhaps" is stigma; "important" and "result" are bonus.
        let r = rank(Params { title_weight: 0.0, location_weight: 0.0, ..Params::default() });
        assert_eq!(r.scores, [0.0, -1.0, 0.0, 2.0, 0.0]);
    }
}
