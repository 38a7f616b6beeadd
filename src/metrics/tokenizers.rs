//! sacreBLEU 2.6.0's BLEU tokenizers that need no outside analyser: `none`,
//! `13a`, `intl`, `char` and `zh` (`sacrebleu/tokenizers/`). Each gives the
//! tokens BLEU counts: the tokenizer's output string split as Python's
//! `str.split()` does.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;

use super::pystr;
use super::tok13a::{tokenize_13a, tokenize_regexp};

/// One of sacreBLEU's BLEU tokenizers (`BLEU(tokenize=…)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BleuTokenizer {
    /// `none`: whitespace tokens only.
    None,
    /// `13a`: mteval-v13a's rules, sacreBLEU's default.
    #[default]
    Tok13a,
    /// `intl`: mteval-v14's international rules (Unicode punctuation and symbols).
    Intl,
    /// `char`: every non-whitespace character a token.
    Char,
    /// `zh`: Chinese characters split apart, the rest by `13a`'s regular expressions.
    Zh,
}

/// A tokenizer name sacreBLEU has but sumbench does not (or no tokenizer at all).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown BLEU tokenizer {0:?} (expected none, 13a, intl, char or zh; ja-mecab, ko-mecab and spm are not supported)"
)]
pub struct UnknownBleuTokenizer(pub String);

impl BleuTokenizer {
    /// The name sacreBLEU gives it, also its signature's `tok:` value.
    pub fn name(self) -> &'static str {
        match self {
            BleuTokenizer::None => "none",
            BleuTokenizer::Tok13a => "13a",
            BleuTokenizer::Intl => "intl",
            BleuTokenizer::Char => "char",
            BleuTokenizer::Zh => "zh",
        }
    }

    /// The tokens of `line` (already lowercased and right-stripped by BLEU, as
    /// sacreBLEU's `_preprocess_segment` does).
    pub fn tokens(self, line: &str) -> Vec<String> {
        match self {
            BleuTokenizer::None => pystr::split(line).map(str::to_string).collect(),
            BleuTokenizer::Tok13a => tokenize_13a(line),
            BleuTokenizer::Intl => tokenize_intl(line),
            BleuTokenizer::Char => line.chars().filter(|&c| !pystr::is_space(c)).map(String::from).collect(),
            BleuTokenizer::Zh => tokenize_zh(line),
        }
    }
}

impl FromStr for BleuTokenizer {
    type Err = UnknownBleuTokenizer;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        [
            BleuTokenizer::None,
            BleuTokenizer::Tok13a,
            BleuTokenizer::Intl,
            BleuTokenizer::Char,
            BleuTokenizer::Zh,
        ]
        .into_iter()
        .find(|t| t.name() == name)
        .ok_or_else(|| UnknownBleuTokenizer(name.to_string()))
    }
}

impl fmt::Display for BleuTokenizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `TokenizerV14International`'s three substitutions, in order.
static INTL_RULES: LazyLock<[(Regex, &'static str); 3]> = LazyLock::new(|| {
    let rule = |pattern: &str, replacement| (Regex::new(pattern).expect("a valid pattern"), replacement);
    [
        // Punctuation after a non-digit.
        rule(r"(\P{N})(\p{P})", "${1} ${2} "),
        // Punctuation before a non-digit.
        rule(r"(\p{P})(\P{N})", " ${1} ${2}"),
        // Every symbol.
        rule(r"(\p{S})", " ${1} "),
    ]
});

/// sacreBLEU's `intl` tokens: punctuation (`\p{P}`) split off unless between
/// digits, symbols (`\p{S}`) always; no padding, so a sentence-final
/// punctuation mark after a digit stays attached (as in mteval-v14).
fn tokenize_intl(line: &str) -> Vec<String> {
    let mut text = line.to_string();
    for (pattern, replacement) in INTL_RULES.iter() {
        if let std::borrow::Cow::Owned(replaced) = pattern.replace_all(&text, *replacement) {
            text = replaced;
        }
    }
    pystr::split(&text).map(str::to_string).collect()
}

/// Whether `TokenizerZh` treats `c` as a Chinese character. Its table is
/// sacreBLEU's, compared as Python compares strings: the two entries written
/// `'\u20000'`–`'\u2a6d6'` and `'\u2f800'`–`'\u2fa1d'` are two-character
/// strings in Python, so they admit U+2001…U+2A6D and U+2F81…U+2FA1 (not
/// the supplementary planes their comments name); sacreBLEU behaves so.
fn is_zh_char(c: char) -> bool {
    const RANGES: [(char, char); 22] = [
        ('\u{3400}', '\u{4db5}'),
        ('\u{4e00}', '\u{9fa5}'),
        ('\u{9fa6}', '\u{9fbb}'),
        ('\u{f900}', '\u{fa2d}'),
        ('\u{fa30}', '\u{fa6a}'),
        ('\u{fa70}', '\u{fad9}'),
        ('\u{2001}', '\u{2a6d}'),
        ('\u{2f81}', '\u{2fa1}'),
        ('\u{ff00}', '\u{ffef}'),
        ('\u{2e80}', '\u{2eff}'),
        ('\u{3000}', '\u{303f}'),
        ('\u{31c0}', '\u{31ef}'),
        ('\u{2f00}', '\u{2fdf}'),
        ('\u{2ff0}', '\u{2fff}'),
        ('\u{3100}', '\u{312f}'),
        ('\u{31a0}', '\u{31bf}'),
        ('\u{fe10}', '\u{fe1f}'),
        ('\u{fe30}', '\u{fe4f}'),
        ('\u{2600}', '\u{26ff}'),
        ('\u{2700}', '\u{27bf}'),
        ('\u{3200}', '\u{32ff}'),
        ('\u{3300}', '\u{33ff}'),
    ];
    RANGES.iter().any(|&(start, end)| (start..=end).contains(&c))
}

/// sacreBLEU's `zh` tokens: the line stripped, each Chinese character
/// surrounded by spaces, then `TokenizerRegexp` (no `13a` unescaping or padding).
fn tokenize_zh(line: &str) -> Vec<String> {
    let mut spaced = String::with_capacity(line.len() * 2);
    for c in line.trim_matches(pystr::is_space).chars() {
        if is_zh_char(c) {
            spaced.push(' ');
            spaced.push(c);
            spaced.push(' ');
        } else {
            spaced.push(c);
        }
    }
    tokenize_regexp(&spaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(tokenizer: BleuTokenizer, line: &str) -> String {
        tokenizer.tokens(line).join(" ")
    }

    #[test]
    fn names_round_trip() {
        for name in ["none", "13a", "intl", "char", "zh"] {
            assert_eq!(name.parse::<BleuTokenizer>().unwrap().name(), name);
        }
        assert!("ja-mecab".parse::<BleuTokenizer>().is_err());
    }

    #[test]
    fn intl_splits_unicode_punctuation_but_not_between_digits() {
        // Hand-derived from mteval-v14's rules: « » are \p{P}, € is \p{S}.
        assert_eq!(tokens(BleuTokenizer::Intl, "«Bonjour», 3,5€ en 2004."), "« Bonjour » , 3,5 € en 2004.");
    }

    #[test]
    fn char_and_none_tokens() {
        assert_eq!(tokens(BleuTokenizer::Char, "ab c"), "a b c");
        assert_eq!(tokens(BleuTokenizer::None, " a,b  c "), "a,b c");
    }

    #[test]
    fn zh_splits_chinese_characters_and_pythons_range_quirk() {
        assert_eq!(tokens(BleuTokenizer::Zh, "我们abc，好。"), "我 们 abc ， 好 。");
        // U+2014 (em dash) lies in the quirky U+2001…U+2A6D range.
        assert_eq!(tokens(BleuTokenizer::Zh, "a—b"), "a — b");
        assert!(!is_zh_char('\u{20000}'));
    }
}
