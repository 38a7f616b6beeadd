//! rouge-score tokens as integer ids.
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
use std::ops::Range;

use rustc_hash::FxHashMap;

/// Distinct raw tokens a thread's cache may hold before it starts afresh.
const CACHE_LIMIT: usize = 1 << 18;

/// Maps rouge-score tokens to ids: equal (stemmed) tokens get equal ids.
#[derive(Debug)]
pub(crate) struct TokenIds {
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
    /// One cache per stemming setting, per thread.
    static CACHES: RefCell<[TokenIds; 2]> = RefCell::new([TokenIds::new(false), TokenIds::new(true)]);
}

/// Runs `f` with this thread's token cache for `stem`. Ids handed out inside
/// one call are consistent with each other; keep none across calls.
pub(crate) fn with_ids<R>(stem: bool, f: impl FnOnce(&mut TokenIds) -> R) -> R {
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        let ids = &mut caches[usize::from(stem)];
        if ids.by_raw.len() > CACHE_LIMIT {
            *ids = TokenIds::new(stem);
        }
        f(ids)
    })
}

impl TokenIds {
    /// An empty cache, stemming with NLTK Porter if `stem`.
    pub(crate) fn new(stem: bool) -> Self {
        TokenIds {
            stem,
            plain: rougers::Tokenizer::new(false),
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
        if !text.is_ascii() {
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
        let mut ids = TokenIds::new(stem);
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
            let mut cache = TokenIds::new(stem);
            let mut out = Vec::new();
            cache.push_tokens(&text, &mut out);
            let ours: Vec<&str> = out.iter().map(|&id| cache.token(id)).collect();
            proptest::prop_assert_eq!(ours, tokenize(&text, stem));
        }

        #[test]
        fn token_count_equals_rougers(text in "[ -~\\n\\t]{0,60}|\\PC{0,20}") {
            proptest::prop_assert_eq!(token_count(&text), tokenize(&text, false).len());
        }
    }

    #[test]
    fn stems_only_long_tokens() {
        // Spec section 2.4: "does" stems to "doe", "was" stays.
        let mut cache = TokenIds::new(true);
        let mut out = Vec::new();
        cache.push_tokens("does was", &mut out);
        assert_eq!(cache.token(out[0]), "doe");
        assert_eq!(cache.token(out[1]), "was");
    }
}
