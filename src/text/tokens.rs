//! Word tokens for summarizers: Unicode word segmentation (UAX #29) or a
//! language's word splitter, case folding, the language's stop words and
//! its Snowball stemmer.
//!
//! This is *not* the ROUGE tokenizer (see `rouge`), which must follow
//! rouge-score's rules exactly; this one serves the summarizers' statistics.
//!
//! Stemming dominates the cost of tokenizing, and a text repeats its words, so
//! each thread keeps a cache from the word as written ("Running") to its stem
//! and stop flag: a word is lower-cased and stemmed once per thread, not once
//! per occurrence. Stems in the cache are interned too (a global stem id), so
//! [`DocumentTerms`] turns a word into a per-document term id with two table
//! look-ups and no allocation. A word of at most 15 bytes (nearly every word)
//! is looked up by its bytes packed into two integers ([`short_key`]): hashing
//! and comparing them takes a few instructions, where a string key costs a
//! `memcmp` call per probe. The cache never changes results, only their cost.
//!
//! Owns: what a word is and its normalized form. Never decides sentence
//! boundaries.

use std::cell::RefCell;
use std::marker::PhantomData;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_segmentation::UnicodeSegmentation;

use crate::lang::Language;

/// A term id, interned per document: an index into
/// [`crate::text::PreparedDocument::vocabulary`].
pub type TermId = u32;

/// Words cached per thread before the cache is emptied between two
/// documents: bounds its memory (about 20 MB) on an endless stream of new
/// words, while a news corpus's vocabulary, capitalized forms included, fits.
const MAX_CACHED_WORDS: usize = 1 << 18;

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
    language: Language,
    stemmer: Stemming,
    stop_words: FxHashSet<&'static str>,
}

/// How a tokenizer stems: the Snowball stemmer of its language where
/// `rust-stemmers` has one, else the language's own stemmer (Hindi,
/// Bengali, see [`crate::lang::Stemmer`]), else not at all.
enum Stemming {
    Snowball(rust_stemmers::Stemmer),
    Language(crate::lang::Stemmer),
    None,
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
        Self::for_language(Language::English)
    }

    /// `language`'s rules: NLTK's stop words (none where NLTK has no list),
    /// the Snowball stemmer where one exists, and for unspaced scripts the
    /// language's word splitter ([`crate::lang::split_words`]).
    pub fn for_language(language: Language) -> Self {
        let stemmer = match crate::lang::snowball_algorithm(language) {
            Some(algorithm) => Stemming::Snowball(rust_stemmers::Stemmer::create(algorithm)),
            None => crate::lang::Stemmer::for_language(language).map_or(Stemming::None, Stemming::Language),
        };
        let stop_words = language.stop_words().unwrap_or_default().iter().copied().collect();
        WordTokenizer { language, stemmer, stop_words }
    }

    /// The tokenizer of `language`, built once per process and shared: what
    /// the harness prepares each document with.
    pub fn shared(language: Language) -> &'static WordTokenizer {
        static SHARED: std::sync::LazyLock<std::sync::Mutex<FxHashMap<Language, &'static WordTokenizer>>> =
            std::sync::LazyLock::new(Default::default);
        let mut shared = SHARED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // One per language at most, for the life of the process: leaked on purpose.
        shared.entry(language).or_insert_with(|| Box::leak(Box::new(WordTokenizer::for_language(language))))
    }

    /// The language whose rules this tokenizer follows.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether this language has a stemmer and a stop-word list, i.e.
    /// whether its words are normalized as English words are.
    pub fn has_full_rules(&self) -> bool {
        self.has_stemmer() && !self.stop_words.is_empty()
    }

    /// The summarizers' stemmer for this language, for listings
    /// (`sumbench languages`): `None` where words are not stemmed.
    pub fn stemmer_name(&self) -> Option<&'static str> {
        match &self.stemmer {
            Stemming::Snowball(_) => Some("Snowball (rust-stemmers)"),
            Stemming::Language(stemmer) => Some(stemmer.name()),
            Stemming::None => None,
        }
    }

    /// Whether this language's words are stemmed.
    pub fn has_stemmer(&self) -> bool {
        !matches!(self.stemmer, Stemming::None)
    }

    /// Whether a lower-cased word is a stop word.
    pub fn is_stop_word(&self, lowercase_word: &str) -> bool {
        self.stop_words.contains(lowercase_word)
    }

    /// The stem of a lower-cased word.
    pub fn stem(&self, lowercase_word: &str) -> String {
        match &self.stemmer {
            Stemming::Snowball(stemmer) => stemmer.stem(lowercase_word).into_owned(),
            Stemming::Language(stemmer) => stemmer.stem(lowercase_word).into_owned(),
            Stemming::None => lowercase_word.to_string(),
        }
    }

    /// The words of `text`: UAX #29 words containing a letter or digit (for
    /// unspaced scripts, the word splitter's), lower-cased, stemmed and
    /// flagged as stop words. Uncached, one `String` per word: the plain
    /// definition that [`WordTokenizer::document_terms`] computes faster.
    pub fn words<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Word> + 'a {
        let mut words = Vec::new();
        self.each_word(text, |w| words.push(w));
        words.into_iter().map(move |w| {
            let lower = w.to_lowercase();
            Word { is_stop: self.is_stop_word(&lower), stem: self.stem(&lower) }
        })
    }

    /// Calls `f` on each word of `text` as written: the word splitter's words
    /// that contain a letter or digit for unspaced scripts, otherwise UAX #29
    /// words (see [`each_word`]).
    fn each_word<'a>(&self, text: &'a str, mut f: impl FnMut(&'a str)) {
        match crate::lang::split_words(self.language, text) {
            Some(words) => {
                words.into_iter().filter(|w| w.chars().any(char::is_alphanumeric)).for_each(f);
            }
            None => each_word(text, &mut f),
        }
    }

    /// Starts interning the terms of one document with this thread's cache.
    /// Term ids count from 0 in order of first occurrence.
    ///
    /// # Panics
    /// If the thread already holds a [`DocumentTerms`] (one document at a
    /// time per thread).
    pub fn document_terms(&self) -> DocumentTerms<'_> {
        DocumentTerms { tokenizer: self, stems: Vec::new(), is_stop: Vec::new(), thread: PhantomData }.start()
    }

    /// Normalizes a word missing from the cache.
    fn normalize(&self, word: &str) -> (String, bool) {
        let lower = if word.is_ascii() { word.to_ascii_lowercase() } else { word.to_lowercase() };
        (self.stem(&lower), self.is_stop_word(&lower))
    }
}

/// A word as cached: its global stem id and stop flag.
#[derive(Debug, Clone, Copy)]
struct Entry {
    stem: u32,
    is_stop: bool,
}

/// One thread's cache of normalized words, plus the per-document map from
/// global stem id to term id (valid while `generation` matches).
#[derive(Default)]
struct Cache {
    language: Option<Language>,
    /// Word as written, of at most 15 bytes, as its [`short_key`] → stem and stop flag.
    short_words: FxHashMap<ShortKey, Entry>,
    /// Longer word as written → stem and stop flag.
    words: FxHashMap<Box<str>, Entry>,
    /// Stem → global stem id.
    stem_ids: FxHashMap<Arc<str>, u32>,
    /// Global stem id → stem, shared with every document's vocabulary.
    stems: Vec<Arc<str>>,
    /// Global stem id → (generation, term id) for the current document.
    terms: Vec<(u32, TermId)>,
    /// The current document's number; 0 is never current.
    generation: u32,
    /// Whether a [`DocumentTerms`] is using the cache.
    busy: bool,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Interns the words of one document into term ids (see
/// [`WordTokenizer::document_terms`]): the same stem always gets the same id,
/// and a term's stop flag is that of the first word interned with its stem.
/// It stays on the thread that created it (it is not `Send`): its ids are
/// that thread's cache's.
pub struct DocumentTerms<'t> {
    tokenizer: &'t WordTokenizer,
    /// Term id → global stem id. The stems themselves are looked up once,
    /// in [`DocumentTerms::finish`]: cloning each `Arc` as its term first
    /// appears costs a cache miss per term between the word look-ups, while
    /// one loop over all of them lets the misses overlap.
    stems: Vec<u32>,
    is_stop: Vec<bool>,
    /// Not `Send`: the ids are this thread's cache's.
    thread: PhantomData<*const ()>,
}

impl<'t> DocumentTerms<'t> {
    fn start(self) -> Self {
        let language = self.tokenizer.language;
        CACHE.with_borrow_mut(|cache| {
            assert!(!cache.busy, "one DocumentTerms per thread at a time");
            cache.busy = true;
            if cache.language != Some(language)
                || cache.short_words.len() + cache.words.len() > MAX_CACHED_WORDS
            {
                *cache = Cache { language: Some(language), ..Cache::default() };
            }
            cache.generation = cache.generation.wrapping_add(1);
            if cache.generation == 0 {
                cache.terms.iter_mut().for_each(|slot| slot.0 = 0);
                cache.generation = 1;
            }
        });
        self
    }

    /// Reserves room for `additional` more distinct terms (a hint: the
    /// vocabulary still grows past it).
    pub fn reserve(&mut self, additional: usize) {
        self.stems.reserve(additional);
        self.is_stop.reserve(additional);
    }

    /// Calls `f(term, is_stop)` for every word of `text` (see
    /// [`WordTokenizer::words`]) in order, interning its stem. With
    /// `with_stop_words == false`, stop words are skipped and not interned.
    pub fn add_words(&mut self, text: &str, with_stop_words: bool, mut f: impl FnMut(TermId, bool)) {
        CACHE.with_borrow_mut(|cache| {
            let add = |word: &str| {
                let found = match short_key(word) {
                    Some(key) => cache.short_words.get(&key),
                    None => cache.words.get(word),
                };
                let entry = match found {
                    Some(&entry) => entry,
                    None => cache.insert(self.tokenizer, word),
                };
                if entry.is_stop && !with_stop_words {
                    return;
                }
                let generation = cache.generation;
                let slot = &mut cache.terms[entry.stem as usize];
                let term = if slot.0 == generation {
                    slot.1
                } else {
                    let term = self.stems.len() as TermId;
                    *slot = (generation, term);
                    self.stems.push(entry.stem);
                    self.is_stop.push(entry.is_stop);
                    term
                };
                f(term, entry.is_stop);
            };
            self.tokenizer.each_word(text, add);
        });
    }

    /// Term id → stem, and term id → stop flag of the word that introduced it.
    pub fn finish(mut self) -> (Vec<Arc<str>>, Vec<bool>) {
        let vocabulary = CACHE.with_borrow(|cache| {
            self.stems.iter().map(|&stem| Arc::clone(&cache.stems[stem as usize])).collect()
        });
        (vocabulary, std::mem::take(&mut self.is_stop))
    }
}

impl Drop for DocumentTerms<'_> {
    fn drop(&mut self) {
        // Ignore a thread being torn down: its cache goes with it.
        let _ = CACHE.try_with(|cache| cache.borrow_mut().busy = false);
    }
}

/// Calls `f` on each word of `text`, exactly as `text.unicode_words()`: the
/// text is cut before each run of ASCII whitespace, and the ASCII pieces go
/// through [`ascii_words`], the others through the Unicode tables. No word
/// crosses such a cut and no rule looks across it: ASCII whitespace after a
/// non-whitespace character always starts a segment (it is neither Extend nor
/// Format, and only a space joins a space, rule WB3d). A piece keeps its
/// leading whitespace, which may begin a segment with a following mark (WB4).
fn each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    if text.is_ascii() {
        return ascii_words(text, f);
    }
    let bytes = text.as_bytes();
    let mut start = 0;
    for end in (1..=bytes.len()).filter(|&i| {
        i == bytes.len() || (bytes[i].is_ascii_whitespace() && !bytes[i - 1].is_ascii_whitespace())
    }) {
        // Both ends are at ASCII bytes or the text's end: character boundaries.
        let piece = &text[start..end];
        if piece.is_ascii() {
            ascii_words(piece, &mut f);
        } else {
            piece.unicode_words().for_each(&mut f);
        }
        start = end;
    }
}

/// UAX #29 word-break classes of ASCII bytes, as bit flags.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
/// `_` (ExtendNumLet).
const UNDERSCORE: u8 = 4;
/// Joins two letters when between them: `:` (MidLetter), `.` (MidNumLet), `'` (Single_Quote).
const MID_LETTER: u8 = 8;
/// Joins two digits when between them: `,` `;` (MidNum), `.`, `'`.
const MID_NUMBER: u8 = 16;
const WORD: u8 = LETTER | DIGIT | UNDERSCORE;

/// [`LETTER`], [`DIGIT`], … for each byte (0 for non-ASCII bytes).
static ASCII_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            match c {
                b'_' => UNDERSCORE,
                b':' => MID_LETTER,
                b'.' | b'\'' => MID_LETTER | MID_NUMBER,
                b',' | b';' => MID_NUMBER,
                _ => 0,
            }
        };
        b += 1;
    }
    class
};

/// Calls `f` on each UAX #29 word of an ASCII `text` that contains a letter
/// or digit: exactly `text.unicode_words()`, without the Unicode tables.
///
/// In ASCII the word-break classes are: ALetter `A-Z a-z`, Numeric `0-9`,
/// ExtendNumLet `_`, MidLetter `:`, MidNum `,` `;`, MidNumLet `.`,
/// Single_Quote `'`, and Other (spaces, line breaks and all other
/// punctuation, which never join anything to a word). So a word is a run of
/// `[A-Za-z0-9_]` (rules WB5, WB8–WB10, WB13a/b) in which a single mid
/// character may stand between two letters (`:` `.` `'`, rules WB6/WB7) or
/// two digits (`,` `;` `.` `'`, rules WB11/WB12).
fn ascii_words<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    let bytes = text.as_bytes();
    let class = |i: usize| bytes.get(i).map_or(0, |&b| ASCII_CLASS[usize::from(b)]);
    let mut i = 0;
    while i < bytes.len() {
        if class(i) & WORD == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut kinds = 0;
        loop {
            let current = class(i);
            kinds |= current;
            i += 1;
            let next = class(i);
            if next & WORD != 0 {
                continue;
            }
            let joint = current & class(i + 1);
            let joins = (joint & LETTER != 0 && next & MID_LETTER != 0)
                || (joint & DIGIT != 0 && next & MID_NUMBER != 0);
            if !joins {
                break;
            }
            i += 1;
        }
        if kinds & (LETTER | DIGIT) != 0 {
            f(&text[start..i]);
        }
    }
}

impl Cache {
    fn insert(&mut self, tokenizer: &WordTokenizer, word: &str) -> Entry {
        let (stem, is_stop) = tokenizer.normalize(word);
        let id = match self.stem_ids.get(stem.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as u32;
                let stem: Arc<str> = stem.into();
                self.stem_ids.insert(Arc::clone(&stem), id);
                self.stems.push(stem);
                self.terms.push((0, 0));
                id
            }
        };
        let entry = Entry { stem: id, is_stop };
        match short_key(word) {
            Some(key) => self.short_words.insert(key, entry),
            None => self.words.insert(word.into(), entry),
        };
        entry
    }
}

/// A word of at most 15 bytes as one 16-byte little-endian integer: its
/// bytes from the low end (the rest zero) and its length in the top byte, so two
/// words have the same key exactly when they are equal. `None` for longer
/// words. Reads the bytes in at most two overlapping loads.
fn short_key(word: &str) -> Option<ShortKey> {
    let b = word.as_bytes();
    let n = b.len();
    let load8 = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
    let load4 = |i: usize| u64::from(u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes")));
    // Bytes 0..8 and 8..n; a load ending at `n` shifted right drops the bytes
    // the first load already holds.
    let (low, high) = match n {
        16.. => return None,
        9.. => (load8(0), load8(n - 8) >> (8 * (16 - n))),
        8 => (load8(0), 0),
        4.. => (load4(0) | (load4(n - 4) >> (8 * (8 - n))) << 32, 0),
        _ => (b.iter().rev().fold(0, |key, &byte| key << 8 | u64::from(byte)), 0),
    };
    Some((low, high | (n as u64) << 56))
}

/// [`short_key`]'s integer as (low, high) halves: two `u64`s align to 8
/// bytes, so a cache entry takes 24 bytes where a `u128` would pad it to 32.
type ShortKey = (u64, u64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_languages_have_their_own_words_stop_words_and_stems() {
        // NLTK: "die" is a German stop word, and SnowballStemmer("german")
        // stems "häuser" to "haus"; jieba splits 北京今天下雨 into 北京 / 今天 / 下雨.
        let german = WordTokenizer::for_language(Language::German);
        let words: Vec<Word> = german.words("Die Häuser").collect();
        assert_eq!(words[0], Word { stem: "die".into(), is_stop: true });
        assert_eq!(words[1], Word { stem: "haus".into(), is_stop: false });
        let chinese = WordTokenizer::for_language(Language::Chinese);
        let stems: Vec<String> = chinese.words("北京今天下雨。").map(|w| w.stem).collect();
        assert_eq!(stems, ["北京", "今天", "下雨"]);
        assert!(!WordTokenizer::for_language(Language::Japanese).has_full_rules());
        assert!(german.has_full_rules());
    }

    #[test]
    fn folds_case_stems_and_flags_stop_words() {
        let t = WordTokenizer::english();
        let words: Vec<Word> = t.words("The runners were Running.").collect();
        let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, ["the", "runner", "were", "run"]);
        let stops: Vec<bool> = words.iter().map(|w| w.is_stop).collect();
        assert_eq!(stops, [true, false, true, false]);
    }

    /// Bytes of every ASCII word-break class, weighted towards the mid characters.
    const ASCII: &str = "aZ09_.:',; \t\n\r\x0b\x0c-\"!?()&$%@#*/+";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        #[test]
        fn ascii_words_equal_unicode_words(
            picks in proptest::collection::vec(0..ASCII.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&i| ASCII.as_bytes()[i] as char).collect();
            let mut words = Vec::new();
            ascii_words(&text, |w| words.push(w));
            proptest::prop_assert_eq!(words, text.unicode_words().collect::<Vec<_>>(), "{:?}", text);
        }

        #[test]
        fn ascii_words_equal_unicode_words_on_any_ascii(text in "[\\x00-\\x7f]*") {
            let mut words = Vec::new();
            ascii_words(&text, |w| words.push(w));
            proptest::prop_assert_eq!(words, text.unicode_words().collect::<Vec<_>>());
        }
    }

    /// Characters of the UAX #29 word-break classes, ASCII whitespace among them.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "7",
        "_",
        ".",
        ":",
        ",",
        ";",
        "'",
        "\"",
        " ",
        "\t",
        "\n",
        "\r",
        "\u{b}",
        "\u{c}",
        "-",
        "\u{301}",
        "\u{200d}",
        "\u{ad}",
        "\u{a0}",
        "\u{2019}",
        "\u{e9}",
        "\u{65e5}",
        "\u{30a2}",
        "\u{5d0}",
        "\u{1f1e6}",
        "\u{1f642}",
        "\u{2028}",
        "\u{85}",
        "\u{ff10}",
        "\u{2024}",
        "\u{fe13}",
        "\u{3000}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        #[test]
        fn each_word_equals_unicode_words(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
        ) {
            let text = pieces.concat();
            let mut words = Vec::new();
            each_word(&text, |w| words.push(w));
            proptest::prop_assert_eq!(words, text.unicode_words().collect::<Vec<_>>(), "{:?}", text);
        }

        #[test]
        fn each_word_equals_unicode_words_on_any_text(text in proptest::prelude::any::<String>()) {
            let mut words = Vec::new();
            each_word(&text, |w| words.push(w));
            proptest::prop_assert_eq!(words, text.unicode_words().collect::<Vec<_>>());
        }
    }

    #[test]
    fn short_keys_are_the_padded_bytes_and_the_length() {
        // By hand: bytes little-endian from the low end, the length in byte 15.
        assert_eq!(short_key(""), Some((0, 0)));
        assert_eq!(short_key("ab"), Some((0x6261, 2 << 56)));
        for word in ["a", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "caf\u{e9}s", "abcdefghijklmno"]
        {
            let mut bytes = [0u8; 16];
            bytes[..word.len()].copy_from_slice(word.as_bytes());
            bytes[15] = word.len() as u8;
            let half = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap());
            assert_eq!(short_key(word), Some((half(0), half(8))), "{word:?}");
        }
        assert_eq!(short_key("abcdefghijklmnop"), None);
    }

    proptest::proptest! {
        #[test]
        fn short_keys_differ_exactly_when_words_do(a in "[a\\x00\u{e9}]{0,17}", b in "[a\\x00\u{e9}]{0,17}") {
            if let (Some(x), Some(y)) = (short_key(&a), short_key(&b)) {
                proptest::prop_assert_eq!(x == y, a == b);
            }
        }
    }

    #[test]
    fn ascii_words_by_hand() {
        let mut words = Vec::new();
        ascii_words("U.S. it's 1,000.5 a.1 10:30 a:b x_1 __ _ 3;4 a;b -5", |w| words.push(w));
        assert_eq!(
            words,
            ["U.S", "it's", "1,000.5", "a", "1", "10", "30", "a:b", "x_1", "3;4", "a", "b", "5"]
        );
    }

    /// Per text its (term, stop flag) pairs; the vocabulary; the stop flag per term.
    type Interned = (Vec<Vec<(TermId, bool)>>, Vec<String>, Vec<bool>);

    /// The straightforward interning: every word lower-cased, stemmed and
    /// looked up by its stem string.
    fn reference_terms(t: &WordTokenizer, texts: &[(&str, bool)]) -> Interned {
        let mut ids: std::collections::HashMap<String, TermId> = Default::default();
        let (mut vocabulary, mut is_stop) = (Vec::new(), Vec::new());
        let mut out = Vec::new();
        for &(text, with_stop) in texts {
            let mut terms = Vec::new();
            for w in text.unicode_words() {
                let lower = w.to_lowercase();
                let stop = t.is_stop_word(&lower);
                if stop && !with_stop {
                    continue;
                }
                let stem = t.stem(&lower);
                let id = *ids.entry(stem.clone()).or_insert_with(|| {
                    vocabulary.push(stem);
                    is_stop.push(stop);
                    vocabulary.len() as TermId - 1
                });
                terms.push((id, stop));
            }
            out.push(terms);
        }
        (out, vocabulary, is_stop)
    }

    fn cached_terms(t: &WordTokenizer, texts: &[(&str, bool)]) -> Interned {
        let mut doc = t.document_terms();
        let mut out = Vec::new();
        for &(text, with_stop) in texts {
            let mut terms = Vec::new();
            doc.add_words(text, with_stop, |id, stop| terms.push((id, stop)));
            out.push(terms);
        }
        let (vocabulary, is_stop) = doc.finish();
        (out, vocabulary.iter().map(|stem| stem.to_string()).collect(), is_stop)
    }

    #[test]
    fn interns_stems_per_document() {
        let t = WordTokenizer::english();
        let (terms, vocabulary, is_stop) =
            cached_terms(&t, &[("Runs and running", true), ("the RUN, Ran", false)]);
        // run, and, run | run, ran ("the" is skipped without an id).
        assert_eq!(terms, [vec![(0, false), (1, true), (0, false)], vec![(0, false), (2, false)]]);
        assert_eq!(vocabulary, ["run", "and", "ran"]);
        assert_eq!(is_stop, [false, true, false]);
        // A second document numbers its terms afresh.
        let (terms, vocabulary, _) = cached_terms(&t, &[("ran", true)]);
        assert_eq!((terms, vocabulary), (vec![vec![(0, false)]], vec!["ran".to_string()]));
    }

    /// Words of every shape the tokenizer meets: cases, stop words, stems
    /// shared by several words, digits, apostrophes, non-ASCII letters.
    const WORDS: &[&str] = &[
        "The",
        "the",
        "THE",
        "runs",
        "Running",
        "ran",
        "run",
        "it's",
        "It's",
        "don't",
        "U.S.",
        "3.5",
        "1,000",
        "café",
        "Café",
        "naïve",
        "İstanbul",
        "ΣΟΦΙΑ",
        "straße",
        "was",
        "Was",
        "generously",
        "general",
        "caresses",
        "ponies",
        "ties",
        "you'll",
        "e-mail",
        "a",
        "I",
        "Ⅻ",
        "日本",
        "résumé",
        "x86_64",
    ];
    const GLUE: &[&str] = &[" ", ", ", ". ", "\n", " — ", "'", "\"", "-", ":", "  "];

    proptest::proptest! {
        #[test]
        fn cached_interning_equals_the_reference(
            texts in proptest::collection::vec(
                (proptest::collection::vec(
                    (proptest::sample::select(WORDS), proptest::sample::select(GLUE)), 0..30),
                 proptest::prelude::any::<bool>()),
                0..6),
        ) {
            let texts: Vec<(String, bool)> = texts
                .into_iter()
                .map(|(words, with_stop)| {
                    (words.into_iter().flat_map(|(w, g)| [w, g]).collect::<String>(), with_stop)
                })
                .collect();
            let texts: Vec<(&str, bool)> = texts.iter().map(|(s, b)| (s.as_str(), *b)).collect();
            let t = WordTokenizer::english();
            proptest::prop_assert_eq!(cached_terms(&t, &texts), reference_terms(&t, &texts));
        }

        #[test]
        fn cached_interning_equals_the_reference_on_any_text(text in "\\PC*", with_stop: bool) {
            let t = WordTokenizer::english();
            let texts = [(text.as_str(), with_stop)];
            proptest::prop_assert_eq!(cached_terms(&t, &texts), reference_terms(&t, &texts));
        }
    }
}
