//! ROUGE tokens as integer ids, by one of two tokenizer profiles
//! ([`RougeTokenizer`]): rouge-score's own (the default) or rougers'
//! `unicode-v1`.
//!
//! Owns the only calls into the `rougers` crate, whose tokenizer and NLTK
//! Porter stemmer are bit-exact with rouge-score 0.1.2 (checked against the
//! shared conformance files in `tests/rouge_conformance.rs`). This module never
//! re-implements stemming, and tokenization only where rougers' own rule is a
//! single line: on ASCII text a token is a maximal run of `[A-Za-z0-9]`,
//! lower-cased (rougers' ASCII branch), scanned here without allocating a
//! `String` per token; any other text goes through rougers' plain tokenizer
//! (property-tested equal in `ascii_scan_equals_rougers`). Each distinct token
//! is stemmed once with rougers' stemming tokenizer, and `raw token → id` is
//! cached so that repeated words cost one hash lookup.
//!
//! Ids are only meaningful inside one [`with_ids`] call (per-thread cache,
//! reset between calls when it grows too large).
//!
//! Why `rougers` (pinned `=0.2.1`) and not `nltk-porter`: rougers is the only
//! crate with rouge-score's tokenizer (lowercasing incl. `İ` and the Kelvin
//! sign, `[a-z0-9]+` runs, stemming only tokens longer than 3), so it is needed
//! anyway; its NLTK-extensions Porter reproduces all 78,141 stems of
//! `porter_nltk_stems.tsv` and is iterative over runs of `y`. `nltk-porter`
//! would add a second stemmer (char-vector based) for no gain in exactness.

use std::cell::RefCell;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use rustc_hash::FxHashMap;

use super::xlsum::{Pipeline, sanitize};
use crate::lang::{ArabicState, Language};

/// Distinct raw tokens a thread's cache may hold before it starts afresh.
const CACHE_LIMIT: usize = 1 << 18;

/// How ROUGE splits text into tokens.
///
/// The default is rouge-score's tokenizer, bit-identical to rouge-score
/// 0.1.2: lower-cased runs of `[a-z0-9]`, so letters outside ASCII are
/// dropped (a Russian or Chinese text has no tokens and scores 0). For other
/// languages, [`RougeTokenizer::Multilingual`] (recommended) or
/// [`RougeTokenizer::XlSum`] (XL-Sum's scorer exactly), with the language
/// given to the scorer ([`super::Scorer::with_language`]);
/// [`RougeTokenizer::Unicode`] is rougers' language-blind `unicode-v1`.
/// Scores made with any but the default are not rouge-score's, and their
/// signature says so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RougeTokenizer {
    /// rouge-score 0.1.2's tokenizer (`rouge-score`), optionally with NLTK's
    /// Porter stemmer.
    #[default]
    RougeScore,
    /// rougers' `unicode-v1` (`unicode`): NFKC, full case folding, NFKC
    /// again, then the words of the Unicode word-boundary rules (UAX #29)
    /// that contain a letter or a digit. Ideographs are one token each. It
    /// never stems: the Porter stemmer is for English only.
    Unicode,
    /// XL-Sum's multilingual scorer (`xlsum`; csebuetnlp/xl-sum
    /// `multilingual_rouge_scoring` @ afcd803) exactly, quirks included: the
    /// language's word splitter and stemmer (NLTK's Snowball with stop words
    /// unstemmed, Hindi, Bengali, Turkish), but rougeLsum without the word
    /// splitter, so Chinese, Japanese and Thai rougeLsum credit only whole
    /// punctuation-delimited chunks.
    #[serde(rename = "xlsum")]
    XlSum,
    /// XL-Sum's pipeline with rougeLsum tokenized like the other metrics
    /// (`multilingual`): the same as [`RougeTokenizer::XlSum`] for rouge1…9
    /// and rougeL.
    Multilingual,
}

/// A language the tokenizer profile cannot score: rouge-score's tokenizer
/// drops every letter of a script other than Latin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the rouge-score tokenizer drops every non-ASCII letter, so {language_name} text (--language {code}) would score 0; use --rouge-tokenizer multilingual --language {code}"
)]
pub struct UnsupportedLanguage {
    /// The language asked for.
    pub language: Language,
    language_name: &'static str,
    code: &'static str,
}

impl RougeTokenizer {
    /// Every profile, in the order help texts list them.
    pub const ALL: [RougeTokenizer; 4] = [
        RougeTokenizer::RougeScore,
        RougeTokenizer::Unicode,
        RougeTokenizer::XlSum,
        RougeTokenizer::Multilingual,
    ];

    /// The name used on the command line and in `run.json`.
    pub fn name(self) -> &'static str {
        match self {
            RougeTokenizer::RougeScore => "rouge-score",
            RougeTokenizer::Unicode => "unicode",
            RougeTokenizer::XlSum => "xlsum",
            RougeTokenizer::Multilingual => "multilingual",
        }
    }

    /// The `tok:` value of ROUGE signatures.
    pub fn signature(self) -> &'static str {
        match self {
            RougeTokenizer::RougeScore => "rouge-score-ascii",
            RougeTokenizer::Unicode => "rougers-unicode-v1",
            RougeTokenizer::XlSum => "xlsum-afcd803",
            RougeTokenizer::Multilingual => "multilingual-v1",
        }
    }

    /// Whether stemming applies: every profile but `unicode` stems (the
    /// multilingual ones with the language's stemmer, if it has one).
    pub fn stems(self) -> bool {
        self != RougeTokenizer::Unicode
    }

    /// Whether the profile follows the language (XL-Sum's pipeline).
    pub fn is_multilingual(self) -> bool {
        matches!(self, RougeTokenizer::XlSum | RougeTokenizer::Multilingual)
    }

    /// Whether this profile can score text in `language`: rouge-score's
    /// tokenizer keeps ASCII letters only, so languages written in another
    /// script than Latin are an error (its message names the fix); every
    /// other profile takes every language.
    pub fn check_language(self, language: Language) -> Result<(), UnsupportedLanguage> {
        if self == RougeTokenizer::RougeScore && !is_latin_script(language) {
            return Err(UnsupportedLanguage {
                language,
                language_name: language.name(),
                code: language.code(),
            });
        }
        Ok(())
    }

    /// The tokens of `text` as strings (English where the profile follows
    /// the language), stemmed if `stem` and this profile stems.
    pub fn tokenize(self, text: &str, stem: bool) -> Vec<String> {
        self.tokenize_in(Language::English, text, stem)
    }

    /// The tokens of `text` in `language` for rouge1…9 and rougeL, stemmed
    /// if `stem` and this profile stems (the language matters only to the
    /// multilingual profiles).
    pub fn tokenize_in(self, language: Language, text: &str, stem: bool) -> Vec<String> {
        match self {
            RougeTokenizer::RougeScore => rougers::Tokenizer::new(stem).tokenize(text),
            RougeTokenizer::Unicode => rougers::Tokenizer::unicode().tokenize(text),
            RougeTokenizer::XlSum | RougeTokenizer::Multilingual => {
                Pipeline::new(language, stem).tokens(text, &mut ArabicState::default())
            }
        }
    }

    /// rougeLsum's tokens of `text` in `language`, one list per non-empty
    /// line (split on `\n`; a line without tokens gives an empty list):
    /// under `xlsum` without the word splitter, as XL-Sum's scorer does.
    pub fn lsum_tokens_in(self, language: Language, text: &str, stem: bool) -> Vec<Vec<String>> {
        match self {
            RougeTokenizer::XlSum | RougeTokenizer::Multilingual => Pipeline::new(language, stem).lines(
                text,
                self == RougeTokenizer::Multilingual,
                &mut ArabicState::default(),
            ),
            _ => text
                .split('\n')
                .filter(|line| !line.is_empty())
                .map(|line| self.tokenize_in(language, line, stem))
                .collect(),
        }
    }

    /// Whether `text` has at least one token under this profile.
    pub fn has_tokens(self, text: &str) -> bool {
        match self {
            RougeTokenizer::RougeScore => has_tokens(text),
            RougeTokenizer::Unicode => !self.tokenize(text, false).is_empty(),
            // Every sanitizer piece gives at least one token.
            RougeTokenizer::XlSum | RougeTokenizer::Multilingual => {
                !sanitize(&text.to_lowercase()).is_empty()
            }
        }
    }

    fn rougers_tokenizer(self, stem: bool) -> rougers::Tokenizer {
        match self {
            RougeTokenizer::Unicode => rougers::Tokenizer::unicode(),
            _ => rougers::Tokenizer::new(stem),
        }
    }
}

/// Languages written in the Latin script (rouge-score's tokenizer keeps
/// their ASCII letters at least).
fn is_latin_script(language: Language) -> bool {
    use Language as L;
    !matches!(
        language,
        L::Arabic
            | L::Amharic
            | L::Bengali
            | L::Burmese
            | L::Chinese
            | L::Greek
            | L::Gujarati
            | L::Hebrew
            | L::Hindi
            | L::Japanese
            | L::Korean
            | L::Kyrgyz
            | L::Marathi
            | L::Nepali
            | L::Pashto
            | L::Persian
            | L::Punjabi
            | L::Russian
            | L::Sinhala
            | L::Tamil
            | L::Telugu
            | L::Thai
            | L::Tigrinya
            | L::Ukrainian
            | L::Urdu
    )
}

impl fmt::Display for RougeTokenizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown ROUGE tokenizer name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown ROUGE tokenizer `{0}` (expected rouge-score, unicode, xlsum or multilingual)")]
pub struct UnknownRougeTokenizer(pub String);

impl FromStr for RougeTokenizer {
    type Err = UnknownRougeTokenizer;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RougeTokenizer::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| UnknownRougeTokenizer(s.to_string()))
    }
}

/// Maps ROUGE tokens to ids: equal (stemmed) tokens get equal ids.
#[derive(Debug)]
pub(crate) struct TokenIds {
    tokenizer: RougeTokenizer,
    stem: bool,
    plain: rougers::Tokenizer,
    stemming: rougers::Tokenizer,
    /// Raw (unstemmed) token → id of its final token.
    by_raw: FxHashMap<Box<str>, u32>,
    /// Final (stemmed) token → id.
    by_token: FxHashMap<Box<str>, u32>,
    /// Final token of each id.
    tokens: Vec<Box<str>>,
    /// Reused buffer for the raw token being looked up.
    raw: String,
}

thread_local! {
    /// One cache per tokenization (rouge-score plain, stemmed; unicode), per thread.
    static CACHES: RefCell<[TokenIds; 3]> = RefCell::new([
        TokenIds::new(RougeTokenizer::RougeScore, false),
        TokenIds::new(RougeTokenizer::RougeScore, true),
        TokenIds::new(RougeTokenizer::Unicode, false),
    ]);
}

/// Runs `f` with this thread's token cache for `tokenizer`, stemming if
/// `stem` and the profile stems. Ids handed out inside one call are
/// consistent with each other; keep none across calls.
pub(crate) fn with_ids<R>(tokenizer: RougeTokenizer, stem: bool, f: impl FnOnce(&mut TokenIds) -> R) -> R {
    let stem = stem && tokenizer.stems();
    debug_assert!(!tokenizer.is_multilingual(), "the multilingual profiles have their own path");
    let slot = match tokenizer {
        RougeTokenizer::Unicode => 2,
        _ => usize::from(stem),
    };
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        let ids = &mut caches[slot];
        if ids.by_raw.len() > CACHE_LIMIT {
            *ids = TokenIds::new(tokenizer, stem);
        }
        f(ids)
    })
}

impl TokenIds {
    /// An empty cache for `tokenizer`, stemming with NLTK Porter if `stem`
    /// and the profile stems.
    pub(crate) fn new(tokenizer: RougeTokenizer, stem: bool) -> Self {
        TokenIds {
            tokenizer,
            stem: stem && tokenizer.stems(),
            plain: tokenizer.rougers_tokenizer(false),
            stemming: rougers::Tokenizer::new(true),
            by_raw: FxHashMap::default(),
            by_token: FxHashMap::default(),
            tokens: Vec::new(),
            raw: String::new(),
        }
    }

    /// The final token (stemmed if stemming is on) of `id`.
    pub(crate) fn token(&self, id: u32) -> &str {
        &self.tokens[id as usize]
    }

    /// Appends the ids of the tokens of `text` to `out`.
    pub(crate) fn push_tokens(&mut self, text: &str, out: &mut Vec<u32>) {
        if self.tokenizer != RougeTokenizer::RougeScore || !text.is_ascii() {
            for raw in self.plain.tokenize(text) {
                out.push(self.id_of(&raw));
            }
            return;
        }
        let mut raw = std::mem::take(&mut self.raw);
        for run in ascii_runs(text) {
            raw.clear();
            raw.extend(run.iter().map(|b| char::from(b.to_ascii_lowercase())));
            out.push(self.id_of(&raw));
        }
        self.raw = raw;
    }

    fn id_of(&mut self, raw: &str) -> u32 {
        match self.by_raw.get(raw) {
            Some(&id) => id,
            None => self.insert(raw.to_string()),
        }
    }

    /// Appends the ids of `text`'s tokens to `tokens` and, for rougeLsum, the
    /// token range of every line (split on `\n`) that has tokens to `lines`.
    /// A newline always separates tokens, so `tokens` gets exactly the
    /// tokenization of the whole text.
    pub(crate) fn push_lines(&mut self, text: &str, tokens: &mut Vec<u32>, lines: &mut Vec<Range<usize>>) {
        for line in text.split('\n') {
            let start = tokens.len();
            self.push_tokens(line, tokens);
            if tokens.len() > start {
                lines.push(start..tokens.len());
            }
        }
    }

    fn insert(&mut self, raw: String) -> u32 {
        // rouge-score stems only tokens longer than 3 characters; a token of
        // `[a-z0-9]{4,}` is one token to the stemming tokenizer.
        let token =
            if self.stem && raw.len() > 3 { self.stemming.tokenize(&raw).concat() } else { raw.clone() };
        let next = u32::try_from(self.tokens.len()).expect("fewer than 2^32 distinct tokens");
        let id = *self.by_token.entry(token.as_str().into()).or_insert(next);
        if id == next {
            self.tokens.push(token.into_boxed_str());
        }
        self.by_raw.insert(raw.into_boxed_str(), id);
        id
    }
}

/// Tokens of `text` as strings, exactly as rouge-score 0.1.2 gives them.
pub fn tokenize(text: &str, stem: bool) -> Vec<String> {
    rougers::Tokenizer::new(stem).tokenize(text)
}

/// Number of rouge-score tokens of `text` (unstemmed; stemming never changes
/// the count). ASCII text is counted by the ASCII rule without allocating;
/// other text is tokenized by rougers.
pub(crate) fn token_count(text: &str) -> usize {
    if !text.is_ascii() {
        return tokenize(text, false).len();
    }
    ascii_runs(text).count()
}

/// rougers' token rule on ASCII text: the maximal runs of `[A-Za-z0-9]`
/// (each a token once lower-cased).
fn ascii_runs(text: &str) -> impl Iterator<Item = &[u8]> {
    text.as_bytes().split(|b| !b.is_ascii_alphanumeric()).filter(|run| !run.is_empty())
}

/// Whether `text` has at least one rouge-score token, without tokenizing it:
/// tokens are runs of `[a-z0-9]` after lower-casing, and the only non-ASCII
/// characters that lower-case to ASCII letters are U+0130 (`İ` → `i̇`) and
/// U+212A (Kelvin sign → `k`) (`shared/spec/rouge-score-compat.md`, §2).
pub fn has_tokens(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_alphanumeric() || c == '\u{130}' || c == '\u{212A}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_tokens_agrees_with_the_tokenizer() {
        // Hand-picked from the spec's §2: punctuation, emoji, CJK and accents-only
        // text have no tokens; ASCII alphanumerics, `İ` and the Kelvin sign do.
        for text in ["", "  ", "?!…", "😀🎉", "東京タワー", "éàü", "İ", "\u{212A}", "a", "1.", "café"]
        {
            assert_eq!(has_tokens(text), !tokenize(text, false).is_empty(), "{text:?}");
        }
    }

    fn ids(text: &str, stem: bool) -> (Vec<u32>, Vec<Range<usize>>) {
        let mut ids = TokenIds::new(RougeTokenizer::RougeScore, stem);
        let (mut tokens, mut lines) = (Vec::new(), Vec::new());
        ids.push_lines(text, &mut tokens, &mut lines);
        (tokens, lines)
    }

    #[test]
    fn equal_stems_share_an_id() {
        // NLTK Porter: "running" and "runs" both stem to "run" (spec section 3).
        let (tokens, _) = ids("running runs run Run", true);
        assert_eq!(tokens, [0, 0, 0, 0]);
        let (tokens, _) = ids("running runs run Run", false);
        assert_eq!(tokens, [0, 1, 2, 2]);
    }

    #[test]
    fn lines_are_nonempty_newline_pieces() {
        let (tokens, lines) = ids("a b\n\n ,\nc\n", false);
        assert_eq!(tokens.len(), 3);
        assert_eq!(lines, [0..2, 2..3]);
    }

    #[test]
    fn long_runs_of_y_stem_without_recursion() {
        // Expected values from NLTK 3.10.4's PorterStemmer().stem, run by hand:
        // 3,000 y's end in "i" (step 1c), 3,001 y's stay as they are.
        let even = "y".repeat(3000);
        assert_eq!(tokenize(&even, true), [format!("{}i", &even[1..])]);
        let odd = "y".repeat(3001);
        assert_eq!(tokenize(&odd, true), [odd]);
    }

    proptest::proptest! {
        #[test]
        fn ascii_scan_equals_rougers(text in "[ -~\\n\\t]{0,80}", stem: bool) {
            let mut cache = TokenIds::new(RougeTokenizer::RougeScore, stem);
            let mut out = Vec::new();
            cache.push_tokens(&text, &mut out);
            let ours: Vec<&str> = out.iter().map(|&id| cache.token(id)).collect();
            proptest::prop_assert_eq!(ours, tokenize(&text, stem));
        }

        #[test]
        fn unicode_ids_equal_rougers(text in "\\PC{0,40}") {
            let mut cache = TokenIds::new(RougeTokenizer::Unicode, false);
            let mut out = Vec::new();
            cache.push_tokens(&text, &mut out);
            let ours: Vec<&str> = out.iter().map(|&id| cache.token(id)).collect();
            proptest::prop_assert_eq!(ours, rougers::Tokenizer::unicode().tokenize(&text));
        }

        #[test]
        fn token_count_equals_rougers(text in "[ -~\\n\\t]{0,60}|\\PC{0,20}") {
            proptest::prop_assert_eq!(token_count(&text), tokenize(&text, false).len());
        }
    }

    #[test]
    fn unicode_profile_keeps_other_scripts_and_never_stems() {
        // rougers' unicode-v1 examples, by hand: Cyrillic kept and case-folded,
        // ideographs one token each, fullwidth digits NFKC-normalized.
        let unicode = RougeTokenizer::Unicode;
        assert_eq!(unicode.tokenize("Привет, МИР!", true), ["привет", "мир"]);
        assert_eq!(unicode.tokenize("东京 ２０２４", false), ["东", "京", "2024"]);
        assert_eq!(unicode.tokenize("running runs", true), ["running", "runs"]);
        assert!(!RougeTokenizer::RougeScore.has_tokens("Привет"));
        assert!(unicode.has_tokens("Привет"));
        let mut cache = TokenIds::new(unicode, true);
        let mut out = Vec::new();
        cache.push_tokens("Straße STRASSE running", &mut out);
        assert_eq!(out[0], out[1], "full case folding: ß = ss");
        assert_eq!(cache.token(out[2]), "running");
    }

    #[test]
    fn tokenizer_names_round_trip() {
        for tokenizer in RougeTokenizer::ALL {
            assert_eq!(tokenizer.name().parse::<RougeTokenizer>(), Ok(tokenizer));
        }
        assert_eq!(
            "icu".parse::<RougeTokenizer>().unwrap_err().to_string(),
            "unknown ROUGE tokenizer `icu` (expected rouge-score, unicode, xlsum or multilingual)"
        );
    }

    #[test]
    fn rouge_score_refuses_languages_it_cannot_read() {
        let error = RougeTokenizer::RougeScore.check_language(Language::Russian).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the rouge-score tokenizer drops every non-ASCII letter, so russian text (--language ru) \
             would score 0; use --rouge-tokenizer multilingual --language ru"
        );
        assert!(RougeTokenizer::RougeScore.check_language(Language::German).is_ok());
        for tokenizer in [RougeTokenizer::Unicode, RougeTokenizer::XlSum, RougeTokenizer::Multilingual] {
            assert!(tokenizer.check_language(Language::Chinese).is_ok());
        }
        assert!(!RougeTokenizer::Unicode.stems() && RougeTokenizer::XlSum.stems());
        assert_eq!(RougeTokenizer::XlSum.signature(), "xlsum-afcd803");
    }

    #[test]
    fn stems_only_long_tokens() {
        // Spec section 2.4: "does" stems to "doe", "was" stays.
        let mut cache = TokenIds::new(RougeTokenizer::RougeScore, true);
        let mut out = Vec::new();
        cache.push_tokens("does was", &mut out);
        assert_eq!(cache.token(out[0]), "doe");
        assert_eq!(cache.token(out[1]), "was");
    }
}
