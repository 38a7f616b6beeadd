//! Languages: the names users give (`--language`), detection, and each
//! language's word resources (NLTK's stop words, the stemmer XL-Sum's
//! multilingual ROUGE uses, a word splitter for unspaced scripts).
//!
//! Owns: what a language is and which resources it has. One table
//! (`LANGUAGES`) lists every language with its ISO 639-1 code, XL-Sum's
//! English name and the other names XL-Sum's scorer accepts; everything else
//! is derived from it. Never reads files or prints.

mod arabic;
mod bengali;
mod japanese;
mod stem;
mod thai;
mod turkish;
mod words;

use std::fmt;
use std::str::FromStr;

pub use arabic::ArabicState;
pub use stem::{Stemmer, snowball_algorithm};
pub use words::{split_words, splitter_name};

/// One language's row of [`LANGUAGES`].
struct Row {
    language: Language,
    /// ISO 639-1 (639-3 where there is none).
    code: &'static str,
    /// XL-Sum's English name: the `lang` value its scorer takes.
    name: &'static str,
    /// Further names accepted (XL-Sum's scorer's conversions and folder names).
    aliases: &'static [&'static str],
    /// `whatlang`'s code for it, if whatlang detects it.
    detected_as: Option<whatlang::Lang>,
    /// Whether NLTK has a stop-word list for it (in the `stop-words` crate).
    nltk_stop_words: bool,
}

macro_rules! languages {
    ($($variant:ident $code:literal $name:literal [$($alias:literal),*] $detected:expr, $stop:expr;)*) => {
        /// A language, by ISO 639-1 code or XL-Sum's English name.
        ///
        /// The default is English, which keeps every score as it was before
        /// languages existed.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Language {
            $(
                #[doc = concat!("`", $code, "`, `", $name, "`")]
                $variant,
            )*
        }

        const LANGUAGES: &[Row] = &[
            $(Row {
                language: Language::$variant,
                code: $code,
                name: $name,
                aliases: &[$($alias),*],
                detected_as: $detected,
                nltk_stop_words: $stop,
            },)*
        ];
    };
}

use whatlang::Lang as W;

languages! {
    English "en" "english" [] Some(W::Eng), true;
    Arabic "ar" "arabic" [] Some(W::Ara), true;
    Amharic "am" "amharic" [] Some(W::Amh), false;
    Azerbaijani "az" "azerbaijani" [] Some(W::Aze), true;
    Bengali "bn" "bengali" ["bangla"] Some(W::Ben), true;
    Burmese "my" "burmese" [] Some(W::Mya), false;
    Catalan "ca" "catalan" [] Some(W::Cat), true;
    Chinese "zh" "chinese" ["chinese_simplified", "chinese_traditional"] Some(W::Cmn), true;
    Czech "cs" "czech" [] Some(W::Ces), false;
    Danish "da" "danish" [] Some(W::Dan), true;
    Dutch "nl" "dutch" [] Some(W::Nld), true;
    Finnish "fi" "finnish" [] Some(W::Fin), true;
    French "fr" "french" [] Some(W::Fra), true;
    German "de" "german" [] Some(W::Deu), true;
    Greek "el" "greek" [] Some(W::Ell), true;
    Gujarati "gu" "gujarati" [] Some(W::Guj), false;
    Hausa "ha" "hausa" [] None, false;
    Hebrew "he" "hebrew" [] Some(W::Heb), true;
    Hindi "hi" "hindi" [] Some(W::Hin), false;
    Hungarian "hu" "hungarian" [] Some(W::Hun), true;
    Igbo "ig" "igbo" [] None, false;
    Indonesian "id" "indonesian" [] Some(W::Ind), true;
    Italian "it" "italian" [] Some(W::Ita), true;
    Japanese "ja" "japanese" [] Some(W::Jpn), false;
    Kirundi "rn" "kirundi" [] None, false;
    Korean "ko" "korean" [] Some(W::Kor), false;
    Kyrgyz "ky" "kyrgyz" [] None, false;
    Marathi "mr" "marathi" [] Some(W::Mar), false;
    Nepali "ne" "nepali" [] Some(W::Nep), true;
    Norwegian "no" "norwegian" ["nb"] Some(W::Nob), true;
    Oromo "om" "oromo" [] None, false;
    Pashto "ps" "pashto" [] None, false;
    Persian "fa" "persian" [] Some(W::Pes), false;
    Pidgin "pcm" "pidgin" [] None, false;
    Polish "pl" "polish" [] Some(W::Pol), false;
    Portuguese "pt" "portuguese" [] Some(W::Por), true;
    Punjabi "pa" "punjabi" [] Some(W::Pan), false;
    Romanian "ro" "romanian" [] Some(W::Ron), true;
    Russian "ru" "russian" [] Some(W::Rus), true;
    ScottishGaelic "gd" "scottish_gaelic" [] None, false;
    Serbian "sr" "serbian" ["serbian_cyrillic", "serbian_latin"] Some(W::Srp), false;
    Sinhala "si" "sinhala" [] Some(W::Sin), false;
    Somali "so" "somali" [] None, false;
    Spanish "es" "spanish" ["mundo"] Some(W::Spa), true;
    Swahili "sw" "swahili" [] None, false;
    Swedish "sv" "swedish" [] Some(W::Swe), true;
    Tamil "ta" "tamil" [] Some(W::Tam), true;
    Telugu "te" "telugu" [] Some(W::Tel), false;
    Thai "th" "thai" [] Some(W::Tha), false;
    Tigrinya "ti" "tigrinya" [] None, false;
    Turkish "tr" "turkish" ["turkce"] Some(W::Tur), true;
    Ukrainian "uk" "ukrainian" [] Some(W::Ukr), false;
    Urdu "ur" "urdu" [] Some(W::Urd), false;
    Uzbek "uz" "uzbek" [] Some(W::Uzb), true;
    Vietnamese "vi" "vietnamese" [] Some(W::Vie), false;
    Welsh "cy" "welsh" [] Some(W::Cym), false;
}

// The enum is made by a macro, where `#[default]` cannot pick a variant.
#[allow(clippy::derivable_impls)]
impl Default for Language {
    fn default() -> Self {
        Language::English
    }
}

impl Language {
    /// Every language, English first, then by XL-Sum name.
    pub fn all() -> impl Iterator<Item = Language> {
        LANGUAGES.iter().map(|row| row.language)
    }

    fn row(self) -> &'static Row {
        LANGUAGES.iter().find(|row| row.language == self).expect("every language has a row")
    }

    /// The ISO 639-1 code (`zh`); ISO 639-3 where there is none (`pcm`).
    pub fn code(self) -> &'static str {
        self.row().code
    }

    /// XL-Sum's English name (`chinese`): the `lang` its scorer takes.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The other names it is known by (`bangla`, `chinese_simplified`, …).
    pub fn aliases(self) -> &'static [&'static str] {
        self.row().aliases
    }

    /// NLTK's stop words for this language (the `stop-words` crate's `nltk`
    /// lists), or `None` where NLTK has none.
    pub fn stop_words(self) -> Option<&'static [&'static str]> {
        let row = self.row();
        if row.nltk_stop_words { stop_words::lookup(row.code) } else { None }
    }

    /// Whether words are written without spaces between them, so that a
    /// word splitter ([`split_words`]) is needed to find them.
    pub fn is_unspaced(self) -> bool {
        matches!(self, Language::Chinese | Language::Japanese | Language::Thai | Language::Burmese)
    }

    /// The language of `text`: `whatlang`'s best guess among the languages
    /// sumbench knows (`None` for a text without letters). Short texts get a
    /// guess too: for `--language auto`, any guess beats English.
    pub fn detect(text: &str) -> Option<Language> {
        Self::detect_with(text, false)
    }

    /// The language of `text` if `whatlang` is confident of it (what a
    /// warning may rest on), else `None`.
    pub fn detect_confidently(text: &str) -> Option<Language> {
        Self::detect_with(text, true)
    }

    fn detect_with(text: &str, confident: bool) -> Option<Language> {
        static DETECTOR: std::sync::LazyLock<whatlang::Detector> = std::sync::LazyLock::new(|| {
            whatlang::Detector::with_allowlist(LANGUAGES.iter().filter_map(|row| row.detected_as).collect())
        });
        let info = DETECTOR.detect(text)?;
        if confident && !info.is_reliable() {
            return None;
        }
        LANGUAGES.iter().find(|row| row.detected_as == Some(info.lang())).map(|row| row.language)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language name sumbench does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown language `{0}` (expected an ISO 639-1 code such as de or zh, or XL-Sum's name such as german or chinese; `sumbench languages` lists them)"
)]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// Parses an ISO 639-1 code, XL-Sum's name or one of the other names
    /// XL-Sum's scorer accepts (`bangla`, `chinese_simplified`, …), in any
    /// case; `-` and `_` are interchangeable.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace('-', "_");
        LANGUAGES
            .iter()
            .find(|row| row.code == wanted || row.name == wanted || row.aliases.contains(&wanted.as_str()))
            .map(|row| row.language)
            .ok_or_else(|| UnknownLanguage(s.to_string()))
    }
}

impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// How much of a text `--language auto` reads to detect its language.
pub const DETECTION_BYTES: usize = 4096;

/// What `--language` asks for: one language for every text, or each
/// document's own, detected. The default is English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LanguageChoice {
    /// Every text is in this language.
    Fixed(Language),
    /// Each document's language is detected from its text (`auto`); where
    /// detection fails, English.
    Auto,
}

impl Default for LanguageChoice {
    fn default() -> Self {
        LanguageChoice::Fixed(Language::English)
    }
}

impl LanguageChoice {
    /// The language of `text` under this choice. `auto` looks at the first
    /// [`DETECTION_BYTES`] of the text only: enough for the detector, and the
    /// cost stays bounded on long documents; English where it has no guess.
    pub fn resolve(self, text: &str) -> Language {
        match self {
            LanguageChoice::Fixed(language) => language,
            LanguageChoice::Auto => Language::detect(prefix(text, DETECTION_BYTES)).unwrap_or_default(),
        }
    }
}

/// The longest prefix of `text` of at most `bytes` bytes that ends on a
/// character boundary.
pub fn prefix(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageChoice::Fixed(language) => language.fmt(f),
            LanguageChoice::Auto => f.write_str("auto"),
        }
    }
}

impl serde::Serialize for LanguageChoice {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for LanguageChoice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl FromStr for LanguageChoice {
    type Err = UnknownLanguage;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("auto") {
            Ok(LanguageChoice::Auto)
        } else {
            s.parse().map(LanguageChoice::Fixed)
        }
    }
}

/// Number of words of `text` as budgets count them: whitespace-separated
/// words, or in unspaced scripts the word splitter's words that contain a
/// letter or digit.
pub fn word_count(language: Language, text: &str) -> usize {
    match split_words(language, text) {
        Some(words) => words.iter().filter(|w| w.chars().any(char::is_alphanumeric)).count(),
        None => text.split_whitespace().count(),
    }
}

/// Byte length of the prefix of `text` that holds its first `words` words as
/// [`word_count`] counts them (all of `text` if it has fewer).
pub fn word_prefix(language: Language, text: &str, words: usize) -> usize {
    match split_words(language, text) {
        Some(pieces) => {
            let mut seen = 0;
            for piece in pieces {
                if piece.chars().any(char::is_alphanumeric) {
                    seen += 1;
                    if seen == words {
                        // Pieces are slices of `text`, in order.
                        return piece.as_ptr() as usize - text.as_ptr() as usize + piece.len();
                    }
                }
            }
            text.len()
        }
        None => {
            let mut seen = 0;
            let mut in_word = false;
            for (pos, c) in text.char_indices() {
                if c.is_whitespace() {
                    if in_word {
                        seen += 1;
                        if seen == words {
                            return pos;
                        }
                    }
                    in_word = false;
                } else {
                    in_word = true;
                }
            }
            text.len()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes_and_aliases_parse() {
        assert_eq!("zh".parse(), Ok(Language::Chinese));
        assert_eq!("Chinese".parse(), Ok(Language::Chinese));
        assert_eq!("chinese_simplified".parse(), Ok(Language::Chinese));
        assert_eq!("chinese-traditional".parse(), Ok(Language::Chinese));
        assert_eq!("bangla".parse(), Ok(Language::Bengali));
        assert_eq!("turkce".parse(), Ok(Language::Turkish));
        assert_eq!("mundo".parse(), Ok(Language::Spanish));
        assert_eq!("pcm".parse(), Ok(Language::Pidgin));
        assert_eq!("auto".parse(), Ok(LanguageChoice::Auto));
        assert_eq!("de".parse(), Ok(LanguageChoice::Fixed(Language::German)));
        let err = "klingon".parse::<Language>().unwrap_err().to_string();
        assert!(err.starts_with("unknown language `klingon`"), "{err}");
    }

    #[test]
    fn every_row_is_unique_and_round_trips() {
        let mut seen = std::collections::HashSet::new();
        for row in LANGUAGES {
            for name in [row.code, row.name].iter().chain(row.aliases) {
                assert!(seen.insert(*name), "{name} twice");
            }
            assert_eq!(row.code.parse(), Ok(row.language));
            assert_eq!(row.name.parse(), Ok(row.language));
            assert_eq!(row.language.row().code, row.code);
        }
        assert_eq!(Language::default(), Language::English);
    }

    #[test]
    fn unspaced_words_are_counted_as_segmented() {
        // jieba: 北京 / 今天 / 下雨 / 。 — three words with letters.
        assert_eq!(word_count(Language::Chinese, "北京今天下雨。"), 3);
        assert_eq!(word_count(Language::English, "one two  three"), 3);
        assert_eq!(&"北京今天下雨。"[..word_prefix(Language::Chinese, "北京今天下雨。", 2)], "北京今天");
        assert_eq!(&"a b c"[..word_prefix(Language::English, "a b c", 2)], "a b");
        assert_eq!(word_prefix(Language::English, "a b", 5), 3);
    }

    #[test]
    fn nltk_stop_words_are_there_where_nltk_has_them() {
        // NLTK 3.10's stopwords corpus: German starts "aber", "alle", "allem".
        let german = Language::German.stop_words().unwrap();
        assert_eq!(&german[..3], ["aber", "alle", "allem"]);
        assert!(Language::English.stop_words().unwrap().contains(&"the"));
        assert!(Language::Thai.stop_words().is_none());
    }
}
