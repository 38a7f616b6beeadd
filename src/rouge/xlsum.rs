//! XL-Sum's multilingual tokenization (csebuetnlp/xl-sum,
//! `multilingual_rouge_scoring` @ afcd803, a fork of rouge-score), behind the
//! `xlsum` and `multilingual` profiles of [`super::RougeTokenizer`].
//!
//! Owns the fork's token pipeline, step for step:
//! 1. Python's `str.lower()` (full lower-casing);
//! 2. the sanitizer (BERT's `BasicTokenizer` as the fork changed it): drop
//!    NUL, U+FFFD and every `C*` character but `\t\n\r`, whitespace to
//!    spaces, split on and drop punctuation (ASCII 33–47, 58–64, 91–96,
//!    123–126 and every `P*`), rejoin the pieces with single spaces;
//! 3. the language's word splitter (jieba for Chinese, a dictionary
//!    segmenter for Japanese and Thai, the fork's rules for Burmese), or,
//!    when there is none or it finds nothing, pyonmttok's `aggressive` mode,
//!    a space around every CJK ideograph and a whitespace split;
//! 4. the language's stemmer on every token longer than 3 code points.
//!
//! The fork's rougeLsum ([`Pipeline::lines`] with `segment == false`) skips
//! step 3: each line's sanitizer pieces are its tokens.

use std::sync::LazyLock;

use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
use rustc_hash::FxHashMap;

use crate::lang::{ArabicState, Language, Stemmer, split_words};

static STEMMERS: LazyLock<FxHashMap<Language, Stemmer>> = LazyLock::new(|| {
    Language::all().filter_map(|language| Some((language, Stemmer::for_language(language)?))).collect()
});

fn category(c: char) -> GeneralCategory {
    CodePointMapData::<GeneralCategory>::new().get(c)
}

/// One language's token pipeline, stemming or not.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pipeline {
    language: Language,
    stem: bool,
}

impl Pipeline {
    /// The pipeline for `language`, with its stemmer if `stem`.
    pub(crate) fn new(language: Language, stem: bool) -> Self {
        Pipeline { language, stem }
    }

    /// The tokens of `text` for rouge1…9 and rougeL (the fork's
    /// `tokenize.tokenize(text, stemmer, MultiTokenizer(lang))`), stemming
    /// with the Arabic stemmer's carried-over `state`.
    pub(crate) fn tokens(&self, text: &str, state: &mut ArabicState) -> Vec<String> {
        let pieces = sanitize(&text.to_lowercase());
        let joined = pieces.join(" ");
        let mut tokens = segment(self.language, &joined);
        if tokens.is_empty() && !joined.is_empty() {
            tokens = pretokenize(&joined);
        }
        self.stemmed(tokens, state)
    }

    /// rougeLsum's token lists: one per non-empty line of `text` (split on
    /// `\n`; a line of spaces gives an empty list). With `segment` each line
    /// goes through [`Pipeline::tokens`]; without it (the fork's rougeLsum),
    /// through the lower-casing, the sanitizer and the stemmer only.
    pub(crate) fn lines(&self, text: &str, segment: bool, state: &mut ArabicState) -> Vec<Vec<String>> {
        text.split('\n')
            .filter(|line| !line.is_empty())
            .map(|line| {
                if segment {
                    self.tokens(line, state)
                } else {
                    self.stemmed(sanitize(&line.to_lowercase()), state)
                }
            })
            .collect()
    }

    fn stemmed(&self, tokens: Vec<String>, state: &mut ArabicState) -> Vec<String> {
        let stemmer = if self.stem { STEMMERS.get(&self.language) } else { None };
        tokens
            .into_iter()
            .map(|token| match stemmer {
                Some(stemmer) if token.chars().count() > 3 => stemmer.stem_with(&token, state).into_owned(),
                _ => token,
            })
            .filter(|token| !token.is_empty())
            .collect()
    }
}

fn is_punctuation(c: char) -> bool {
    matches!(c as u32, 33..=47 | 58..=64 | 91..=96 | 123..=126)
        || GeneralCategoryGroup::Punctuation.contains(category(c))
}

/// Python's `str.split()` separators left after the sanitizer's clean-up:
/// the space, and the line and paragraph separators (`Zl`, `Zp`).
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{2028}' | '\u{2029}')
}

/// The sanitizer's pieces of (lower-cased) `text`: clean-up, whitespace
/// split, punctuation split with the punctuation dropped.
pub(crate) fn sanitize(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in text.chars() {
        let whitespace =
            matches!(c, ' ' | '\t' | '\n' | '\r') || category(c) == GeneralCategory::SpaceSeparator;
        if whitespace || is_separator(c) || is_punctuation(c) {
            if !piece.is_empty() {
                pieces.push(std::mem::take(&mut piece));
            }
        } else if c == '\0' || c == '\u{fffd}' || GeneralCategoryGroup::Other.contains(category(c)) {
            // Dropped without splitting the piece.
        } else {
            piece.push(c);
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// The language's word splitter on the sanitized, space-joined text, as the
/// fork calls it; empty where the language has none.
fn segment(language: Language, text: &str) -> Vec<String> {
    match language {
        // jieba returns the spaces between pieces as tokens (they count).
        Language::Chinese => {
            split_words(language, text).unwrap_or_default().into_iter().map(String::from).collect()
        }
        // pythainlp's newmm keeps spaces as tokens too.
        Language::Thai => {
            split_words(language, text).unwrap_or_default().into_iter().map(String::from).collect()
        }
        // MeCab's output is split on whitespace: no space tokens.
        Language::Japanese => split_words(language, text)
            .unwrap_or_default()
            .into_iter()
            .filter(|word| !word.trim().is_empty())
            .map(String::from)
            .collect(),
        Language::Burmese => burmese(text),
        _ => Vec::new(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Letters,
    Digits,
    Other,
}

/// pyonmttok's `Tokenizer('aggressive')` on sanitized text, then a space
/// around every CJK ideograph and a whitespace split: letters (`L*`) and
/// numbers (`N*`) form runs of their own kind, a mark (`M*`) joins the
/// token before it, any other character is a token alone.
pub(crate) fn pretokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut token = String::new();
    let mut run: Option<Run> = None;
    let mut after_space = false;
    let flush = |token: &mut String, tokens: &mut Vec<String>| {
        if !token.is_empty() {
            tokens.push(std::mem::take(token));
        }
    };
    for c in text.chars() {
        if is_separator(c) {
            flush(&mut token, &mut tokens);
            run = None;
            after_space = true;
            continue;
        }
        let gc = category(c);
        let kind = if GeneralCategoryGroup::Mark.contains(gc) {
            None
        } else if GeneralCategoryGroup::Letter.contains(gc) && !is_cjk(c) {
            Some(Run::Letters)
        } else if GeneralCategoryGroup::Number.contains(gc) {
            Some(Run::Digits)
        } else {
            Some(Run::Other)
        };
        match kind {
            // A mark continues the token before it, or starts one.
            None => {
                if run.is_none() {
                    run = Some(Run::Other);
                    if after_space {
                        // The mark sits on the space before it, which
                        // pyonmttok writes as its protected-space `％0020`.
                        token.push_str("\u{ff05}0020");
                    }
                }
                token.push(c);
            }
            Some(kind) if kind != Run::Other && run == Some(kind) => token.push(c),
            Some(kind) => {
                flush(&mut token, &mut tokens);
                token.push(c);
                run = Some(kind);
            }
        }
        if is_cjk(c) {
            flush(&mut token, &mut tokens);
            run = None;
        }
        after_space = false;
    }
    flush(&mut token, &mut tokens);
    tokens
}

/// BERT's `_is_chinese_char`: the CJK ideograph blocks.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

const VIRAMA_X: char = '\u{103a}';
const DOT_BELOW: char = '\u{1037}';
const STACK: char = '\u{1039}';

/// The fork's `BurmeseTokenizer` (syllables after Ding et al. 2019, ACM
/// TALLIP 10.1145/3325885): lower-case, delete whitespace, attach dependent
/// signs to the letter before them, attach a short piece holding U+103A to
/// the piece before it, join stacked consonants (U+1039).
fn burmese(text: &str) -> Vec<String> {
    let is_dependent =
        |c: char| matches!(c as u32, 0x102B..=0x1032 | 0x1036..=0x1038 | 0x103B..=0x103E) || c == VIRAMA_X;
    let text = text
        .replace('\u{200c}', " ")
        .replace(&format!("{DOT_BELOW}{VIRAMA_X}"), &format!("{VIRAMA_X}{DOT_BELOW}"))
        .to_lowercase();
    let mut pieces: Vec<String> = text.chars().filter(|c| !c.is_whitespace()).map(String::from).collect();
    // Right to left: a dependent sign goes onto the piece before it.
    for i in (1..pieces.len()).rev() {
        if pieces[i].starts_with(is_dependent) {
            let moved = std::mem::take(&mut pieces[i]);
            pieces[i - 1].push_str(&moved);
        }
    }
    let mut pieces: Vec<String> = pieces.into_iter().filter(|p| !p.is_empty()).collect();
    for i in 1..pieces.len() {
        if pieces[i].contains(VIRAMA_X) && pieces[i].chars().count() < 4 {
            let moved = std::mem::take(&mut pieces[i]);
            pieces[i - 1].push_str(&moved);
        }
    }
    let joined = pieces.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
    joined.replace(&format!(" {STACK} "), &STACK.to_string()).split_whitespace().map(String::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizer_drops_controls_and_punctuation_keeps_symbols() {
        // The fork's BasicTokenizer()("Hello, wörld!\u200bZwölf—€5 covid19").
        assert_eq!(
            sanitize("Hello, wörld!\u{200b}Zwölf—€5 covid19"),
            ["Hello", "wörld", "Zwölf", "€5", "covid19"]
        );
    }

    #[test]
    fn pipeline_lowers_splits_letters_from_digits_and_stems() {
        // The fork: tokenization_wrapper.tokenize("Größer, COVID19-Fälle: 5km!
        // İstanbul", its German stemmer, its tokenizer) gives these.
        let tokens = Pipeline::new(Language::German, true)
            .tokens("Größer, COVID19-Fälle: 5km! İstanbul", &mut ArabicState::default());
        assert_eq!(tokens, ["gross", "covid", "19", "fall", "5", "km", "i\u{307}stanbul"]);
    }

    #[test]
    fn burmese_rules_as_the_fork() {
        // The fork's BurmeseTokenizer on the sanitized "မြန်မာ စာ abc12".
        assert_eq!(burmese("မြန်မာ စာ abc12"), ["မြန်", "မာ", "စာ", "a", "b", "c", "1", "2"]);
    }

    #[test]
    fn pyonmttok_marks_and_others() {
        // pyonmttok 1.38.1 Tokenizer('aggressive') on each text, as checked:
        // '1\u0301x' → ['1\u0301', 'x']; 'ab \u0301€' → ['ab', '％0020\u0301', '€'];
        // 'x²y ½ab' → ['x', '²', 'y', '½', 'ab']; then the CJK split.
        assert_eq!(pretokenize("1\u{301}x"), ["1\u{301}", "x"]);
        assert_eq!(pretokenize("ab \u{301}€"), ["ab", "\u{ff05}0020\u{301}", "€"]);
        assert_eq!(pretokenize("x²y ½ab"), ["x", "²", "y", "½", "ab"]);
        assert_eq!(pretokenize("株式会社ABC123"), ["株", "式", "会", "社", "ABC", "123"]);
    }
}
