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

/// The longest ASCII token (in bytes) looked up by an integer key.
const SHORT_TOKEN: usize = 16;

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
    /// The same for raw ASCII tokens of at most [`SHORT_TOKEN`] bytes, keyed
    /// by their bytes as one little-endian integer (zero-padded: no token
    /// has a zero byte), so that a lookup neither hashes nor compares strings.
    short: ShortTable,
    /// Final (stemmed) token → id.
    by_token: FxHashMap<Box<str>, u32>,
    /// Final token of each id.
    tokens: Vec<Box<str>>,
    /// Reused buffer for the raw token being looked up.
    raw: String,
    /// Reused bitmap of a text's token bytes.
    bits: Vec<u64>,
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
            short: ShortTable::default(),
            by_token: FxHashMap::default(),
            tokens: Vec::new(),
            raw: String::new(),
            bits: Vec::new(),
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
        // Each maximal run of `[A-Za-z0-9]` is a token, found on a bitmap of
        // the token bytes. A short one is looked up by its bytes as an
        // integer, lower-cased by setting bit 0x20 of each (letters
        // lower-case, digits already have it).
        let bytes = text.as_bytes();
        let mut bits = std::mem::take(&mut self.bits);
        token_byte_bitmap(bytes, &mut bits);
        let mut at = 0;
        while let Some(start) = next_bit(&bits, at, true) {
            let end = next_bit(&bits, start, false).unwrap_or(bytes.len());
            at = end;
            let run = &bytes[start..end];
            let id = if run.len() <= SHORT_TOKEN {
                let key = short_key(bytes, start, run.len());
                match self.short.get(key) {
                    Some(id) => id,
                    None => {
                        let id = self.id_of_run(run);
                        self.short.insert(key, id);
                        id
                    }
                }
            } else {
                self.id_of_run(run)
            };
            out.push(id);
        }
        self.bits = bits;
    }

    /// The id of an ASCII run of `[A-Za-z0-9]`, by its lower-cased string.
    fn id_of_run(&mut self, run: &[u8]) -> u32 {
        let mut raw = std::mem::take(&mut self.raw);
        raw.clear();
        raw.extend(run.iter().map(|b| char::from(b.to_ascii_lowercase())));
        let id = self.id_of(&raw);
        self.raw = raw;
        id
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
        // `text.split('\n')`, with the `memchr` crate's vectorized search.
        let mut from = 0;
        let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
        for end in ends {
            let start = tokens.len();
            self.push_tokens(&text[from..end], tokens);
            if tokens.len() > start {
                lines.push(start..tokens.len());
            }
            from = end + 1;
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

/// Sets in `bits` (cleared first) bit `i % 64` of word `i / 64` iff byte
/// `i` of the ASCII text `bytes` is a token byte (`[A-Za-z0-9]`): eight bytes
/// at a time, without a branch per byte.
fn token_byte_bitmap(bytes: &[u8], bits: &mut Vec<u64>) {
    bits.clear();
    bits.resize(bytes.len() / 64 + 1, 0);
    let mut chunks = bytes.chunks_exact(8);
    for (i, chunk) in chunks.by_ref().enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        bits[i / 8] |= u64::from(token_bytes_of(word)) << (8 * (i % 8));
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut word = [0u8; 8];
        word[..tail.len()].copy_from_slice(tail);
        let i = bytes.len() / 8;
        bits[i / 8] |= u64::from(token_bytes_of(u64::from_le_bytes(word))) << (8 * (i % 8));
    }
}

/// Bit `i` is set iff byte `i` of `word` (eight ASCII bytes, little-endian)
/// is in `[A-Za-z0-9]`. SWAR: adding `0x80 - c` to a byte below 0x80 sets
/// its high bit iff the byte is at least `c`, and never carries into the
/// next byte; the eight high bits are then gathered by one multiplication.
fn token_bytes_of(word: u64) -> u8 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least = |x: u64, c: u8| x.wrapping_add(ONES * u64::from(0x80 - c));
    let digit = at_least(word, b'0') & !at_least(word, b'9' + 1);
    let folded = word | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let high = (digit | letter) & (ONES * 0x80);
    ((high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// The first position at or after `from` whose bit in `bits` is `set`,
/// if any.
fn next_bit(bits: &[u64], from: usize, set: bool) -> Option<usize> {
    let flip = if set { 0 } else { u64::MAX };
    let (mut word, offset) = (from / 64, from % 64);
    let mut found = (*bits.get(word)? ^ flip) >> offset << offset;
    loop {
        if found != 0 {
            return Some(word * 64 + found.trailing_zeros() as usize);
        }
        word += 1;
        found = *bits.get(word)? ^ flip;
    }
}

/// The key of the lower-cased run `bytes[start..start + len]` of
/// `[A-Za-z0-9]` (`1 <= len <= SHORT_TOKEN`): its bytes as a little-endian
/// integer, zero above `len`, with bit 0x20 set in each (which lower-cases
/// ASCII letters and leaves ASCII digits as they are).
fn short_key(bytes: &[u8], start: usize, len: usize) -> u128 {
    let raw = match bytes.get(start..start + SHORT_TOKEN) {
        Some(window) => u128::from_le_bytes(window.try_into().expect("16 bytes")),
        None => {
            let mut window = [0u8; SHORT_TOKEN];
            window[..len].copy_from_slice(&bytes[start..start + len]);
            u128::from_le_bytes(window)
        }
    };
    (raw | u128::from_le_bytes([0x20; SHORT_TOKEN])) & KEEP[len]
}

/// `KEEP[len]`: the low `len` bytes of a `u128` set (for [`short_key`]).
static KEEP: [u128; SHORT_TOKEN + 1] = {
    let mut keep = [0u128; SHORT_TOKEN + 1];
    let mut len = 1;
    while len <= SHORT_TOKEN {
        keep[len] = (keep[len - 1] << 8) | 0xFF;
        len += 1;
    }
    keep
};

/// Raw-token key → id for short ASCII tokens: an open-addressing table
/// (linear probing, kept at most three quarters full) of `u128` keys, each
/// slot holding its key and id together (one cache line a probe); key 0
/// marks a free slot (no key is 0: a token has at least one byte, never 0).
#[derive(Debug, Default)]
struct ShortTable {
    /// `(low half, high half, id)` of each slot.
    slots: Vec<(u64, u64, u32)>,
    /// Keys held.
    len: usize,
}

impl ShortTable {
    /// The slot to start probing at for the key of halves `low`, `high`.
    fn home(&self, low: u64, high: u64) -> usize {
        let hash = (low.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ high).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        (hash >> 32) as usize & (self.slots.len() - 1)
    }

    /// The id of `key`, if it has one.
    fn get(&self, key: u128) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let (low, high) = (key as u64, (key >> 64) as u64);
        let mask = self.slots.len() - 1;
        let mut slot = self.home(low, high);
        loop {
            match self.slots[slot] {
                (l, h, id) if l == low && h == high => return Some(id),
                (0, 0, _) => return None,
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Gives `key` (not yet in the table) the id `id`.
    fn insert(&mut self, key: u128, id: u32) {
        if 4 * (self.len + 1) > 3 * self.slots.len() {
            let size = (2 * self.slots.len()).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![(0, 0, 0); size]);
            for (low, high, id) in old.into_iter().filter(|&(low, high, _)| (low, high) != (0, 0)) {
                self.place(low, high, id);
            }
        }
        self.place(key as u64, (key >> 64) as u64, id);
        self.len += 1;
    }

    /// Writes the key of halves `low`, `high` and `id` into the key's first free slot.
    fn place(&mut self, low: u64, high: u64, id: u32) {
        let mask = self.slots.len() - 1;
        let mut slot = self.home(low, high);
        while self.slots[slot].0 != 0 || self.slots[slot].1 != 0 {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = (low, high, id);
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
        fn long_ascii_tokens_equal_rougers(text in "[a-zA-Z0-9 ]{0,120}", stem: bool) {
            // Runs past SHORT_TOKEN bytes take the string path.
            let mut cache = TokenIds::new(RougeTokenizer::RougeScore, stem);
            let mut out = Vec::new();
            cache.push_tokens(&text, &mut out);
            cache.push_tokens(&text, &mut out);
            let ours: Vec<&str> = out.iter().map(|&id| cache.token(id)).collect();
            let once = tokenize(&text, stem);
            proptest::prop_assert_eq!(ours, [once.clone(), once].concat());
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
    fn short_keys_are_lower_cased_bytes() {
        // By hand: "AbC1" → 0x31 ('1'), 0x63 ('c'), 0x62 ('b'), 0x61 ('a'), little-endian,
        // whether 16 bytes follow the start or not.
        let text = b"x AbC1 and some more text";
        assert_eq!(short_key(text, 2, 4), 0x3163_6261);
        assert_eq!(short_key(&text[..6], 2, 4), 0x3163_6261);
        let long = b"ABCDEFGHIJKLMNOPQ";
        assert_eq!(short_key(long, 0, 16).to_le_bytes(), *b"abcdefghijklmnop");
    }

    #[test]
    fn short_table_grows_and_keeps_every_key() {
        let mut table = ShortTable::default();
        for key in 1..5_000u128 {
            assert_eq!(table.get(key << 60 | key), None);
            table.insert(key << 60 | key, key as u32);
        }
        assert!((1..5_000u128).all(|key| table.get(key << 60 | key) == Some(key as u32)));
        assert_eq!(table.get(7), None);
    }

    #[test]
    fn token_byte_bits_by_hand() {
        // "a1-Z_ 9~" → a, 1, Z and 9 are token bytes: bits 0, 1, 3, 6.
        assert_eq!(token_bytes_of(u64::from_le_bytes(*b"a1-Z_ 9~")), 0b0100_1011);
        // The bytes just outside each range: / : @ [ ` { are not.
        assert_eq!(token_bytes_of(u64::from_le_bytes(*b"/:@[`{09")), 0b1100_0000);
        let text = format!("{}ab{}", " ".repeat(63), " ".repeat(70));
        let mut bits = Vec::new();
        token_byte_bitmap(text.as_bytes(), &mut bits);
        assert_eq!((next_bit(&bits, 0, true), next_bit(&bits, 64, false)), (Some(63), Some(65)));
        assert_eq!(next_bit(&bits, 65, true), None);
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
