//! Word tokens for summarizers: Unicode word segmentation (UAX #29), case
//! folding, an English stop-word list and Snowball stemming.
//!
//! This is *not* the ROUGE tokenizer (see `rouge`), which must follow
//! rouge-score's rules exactly; this one serves the summarizers' statistics.

use std::collections::HashSet;
use unicode_segmentation::UnicodeSegmentation;

/// One word of a sentence after normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The stem of the lower-cased word.
    pub stem: String,
    /// Whether the lower-cased word is a stop word.
    pub is_stop: bool,
}

/// Splits text into normalized words; cheap to share across threads.
pub struct WordTokenizer {
    stemmer: rust_stemmers::Stemmer,
    stop_words: HashSet<String>,
}

impl Default for WordTokenizer {
    fn default() -> Self {
        Self::english()
    }
}

impl WordTokenizer {
    /// English: NLTK's stop-word list (via the `stop-words` crate) and the
    /// Snowball English stemmer.
    pub fn english() -> Self {
        let stop_words =
            stop_words::get(stop_words::Language::English).iter().map(|w| w.to_string()).collect();
        WordTokenizer {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            stop_words,
        }
    }

    /// Whether a lower-cased word is a stop word.
    pub fn is_stop_word(&self, lowercase_word: &str) -> bool {
        self.stop_words.contains(lowercase_word)
    }

    /// The stem of a lower-cased word.
    pub fn stem(&self, lowercase_word: &str) -> String {
        self.stemmer.stem(lowercase_word).into_owned()
    }

    /// The words of `text`: UAX #29 words containing a letter or digit,
    /// lower-cased, stemmed and flagged as stop words.
    pub fn words<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Word> + 'a {
        text.unicode_words().map(move |w| {
            let lower = w.to_lowercase();
            Word { is_stop: self.is_stop_word(&lower), stem: self.stem(&lower) }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_stems_and_flags_stop_words() {
        let t = WordTokenizer::english();
        let words: Vec<Word> = t.words("The runners were Running.").collect();
        let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, ["the", "runner", "were", "run"]);
        let stops: Vec<bool> = words.iter().map(|w| w.is_stop).collect();
        assert_eq!(stops, [true, false, true, false]);
    }
}
