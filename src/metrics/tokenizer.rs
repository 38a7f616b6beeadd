//! The tokens the fragment and n-gram metrics (coverage, density,
//! compression, novel-N, repeated-N) read. BLEU and chrF always use
//! sacreBLEU's own tokenization; js-divergence uses the summarizers' words.

use std::fmt;
use std::str::FromStr;

use unicode_segmentation::UnicodeSegmentation;

use super::pystr;

/// How summary and source are cut into tokens for fragments and n-gram statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TextTokenizer {
    /// Python's `str.split()`: runs of non-whitespace, punctuation attached
    /// (`said,` is one token). This is how the conformance files were made;
    /// name `whitespace`.
    Whitespace,
    /// The default: UAX #29 word boundaries, whitespace dropped, every other
    /// segment a token, so punctuation is its own token (`said` `,`) as in
    /// the spaCy tokens the Newsroom and SummEval code read. Name `default`
    /// (or `uax29`); `tok:uax29` in signatures.
    #[default]
    Uax29,
}

impl TextTokenizer {
    /// The case-preserved tokens of `text`.
    pub fn tokens<'a>(&self, text: &'a str) -> Vec<&'a str> {
        match self {
            TextTokenizer::Whitespace => pystr::split(text).collect(),
            TextTokenizer::Uax29 => {
                text.split_word_bounds().filter(|segment| !segment.chars().all(pystr::is_space)).collect()
            }
        }
    }

    /// The name used in signatures: `whitespace` or `uax29`.
    pub fn signature_name(&self) -> &'static str {
        match self {
            TextTokenizer::Whitespace => "whitespace",
            TextTokenizer::Uax29 => "uax29",
        }
    }
}

/// A tokenizer name that is none of `whitespace`, `default`, `uax29`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown tokenizer `{0}` (expected whitespace or default)")]
pub struct UnknownTokenizer(pub String);

impl FromStr for TextTokenizer {
    type Err = UnknownTokenizer;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "whitespace" => Ok(TextTokenizer::Whitespace),
            "default" | "uax29" => Ok(TextTokenizer::Uax29),
            _ => Err(UnknownTokenizer(s.to_string())),
        }
    }
}

impl fmt::Display for TextTokenizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.signature_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_keeps_punctuation_attached_uax29_splits_it_off() {
        let text = "He said, \"U.S. rates rose 2.5%.\"\n";
        assert_eq!(
            TextTokenizer::Whitespace.tokens(text),
            ["He", "said,", "\"U.S.", "rates", "rose", "2.5%.\""]
        );
        assert_eq!(
            TextTokenizer::Uax29.tokens(text),
            ["He", "said", ",", "\"", "U.S", ".", "rates", "rose", "2.5", "%", ".", "\""]
        );
        assert_eq!("default".parse(), Ok(TextTokenizer::Uax29));
        assert_eq!("x".parse::<TextTokenizer>(), Err(UnknownTokenizer("x".into())));
    }
}
