//! Stemmers by language, as XL-Sum's multilingual ROUGE chooses them: NLTK's
//! Snowball stemmers with NLTK's stop words left unstemmed
//! (`SnowballStemmer(lang, ignore_stopwords=True)`; NLTK's Arabic ported in
//! `arabic.rs`, the others by `rust-stemmers`), `TurkishStemmer`
//! (`turkish.rs`), `RafiStemmer` for Bengali (`bengali.rs`) and a suffix
//! stripper for Hindi. Languages without one are not stemmed.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use super::Language;
use super::arabic::ArabicState;

/// A language's stemmer. Stems one lower-cased word at a time; cheap to
/// share across threads.
pub struct Stemmer {
    kind: Kind,
    /// Words returned as they are (NLTK's `ignore_stopwords`).
    unstemmed: FxHashSet<&'static str>,
    /// The language (for NLTK's departures from Snowball).
    language: Language,
}

/// Where NLTK's Snowball differs from `rust-stemmers` (measured on NLTK's
/// own stems of the XL-Sum texts and word lists), the NLTK rule.
fn nltk_snowball<'a>(language: Language, stemmer: &rust_stemmers::Stemmer, word: &'a str) -> Cow<'a, str> {
    match language {
        // NLTK transliterates Cyrillic into Latin letters and back: `ё`
        // comes back as `е`, and the Latin letters of a mixed word come back
        // Cyrillic (a word without Cyrillic is left alone).
        Language::Russian
            if word.contains('ё') || (!word.is_ascii() && word.chars().any(|c| c.is_ascii_lowercase())) =>
        {
            let mut cyrillic = word.replace('ё', "е");
            if !word.is_ascii() {
                for (latin, letter) in ROMAN_TO_CYRILLIC {
                    cyrillic = cyrillic.replace(latin, letter);
                }
            }
            Cow::Owned(stemmer.stem(&cyrillic).into_owned())
        }
        // NLTK replaces `enza`/`enze` by `te` where Snowball writes `ente`.
        Language::Italian if word.ends_with("enza") || word.ends_with("enze") => {
            let base = &word[..word.len() - 4];
            match stemmer.stem(word) {
                stem if stem.strip_prefix(base) == Some("ent") => Cow::Owned(format!("{base}t")),
                stem => Cow::Owned(stem.into_owned()),
            }
        }
        // NLTK reads `gü`, `qü` as `gu`, `qu`, and removes `ança` in R2.
        Language::Portuguese if word.contains("gü") || word.contains("qü") => {
            Cow::Owned(stemmer.stem(&word.replace("gü", "gu").replace("qü", "qu")).into_owned())
        }
        Language::Portuguese if word.ends_with("ança") && in_r2(word, word.len() - "ança".len()) => {
            Cow::Borrowed(&word[..word.len() - "ança".len()])
        }
        _ => stemmer.stem(word),
    }
}

/// NLTK's `__roman_to_cyrillic`, in its order (letters only).
const ROMAN_TO_CYRILLIC: [(&str, &str); 25] = [
    ("shch", "щ"),
    ("kh", "х"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("k", "к"),
    ("e", "е"),
    ("zh", "ж"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("z", "з"),
    ("i", "и"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("y", "ы"),
];

/// Whether byte offset `at` of a Portuguese word lies in its Snowball R2.
fn in_r2(word: &str, at: usize) -> bool {
    let vowel = |c: char| "aeiouáéíóúâêô".contains(c);
    let region = |from: usize| {
        let chars: Vec<(usize, char)> = word[from..].char_indices().collect();
        chars
            .windows(2)
            .find(|pair| vowel(pair[0].1) && !vowel(pair[1].1))
            .map_or(word.len(), |pair| from + pair[1].0 + pair[1].1.len_utf8())
    };
    let r2 = region(region(0));
    at >= r2
}

enum Kind {
    Snowball(rust_stemmers::Stemmer),
    /// NLTK's own Arabic stemmer (rust-stemmers' differs on half the words).
    Arabic,
    /// `TurkishStemmer` 1.3, ported.
    Turkish,
    /// `RafiStemmer` (bengali-stemmer @375186c), ported.
    Bengali,
    Hindi,
}

/// The Snowball stemmer `rust-stemmers` has for `language`: the summarizers'
/// stemmer where there is one, and (with NLTK's departures) XL-Sum's for
/// NLTK's Snowball languages.
pub fn snowball_algorithm(language: Language) -> Option<rust_stemmers::Algorithm> {
    use rust_stemmers::Algorithm as A;
    Some(match language {
        Language::Arabic => A::Arabic,
        Language::Danish => A::Danish,
        Language::Dutch => A::Dutch,
        Language::English => A::English,
        Language::Finnish => A::Finnish,
        Language::French => A::French,
        Language::German => A::German,
        Language::Greek => A::Greek,
        Language::Hungarian => A::Hungarian,
        Language::Italian => A::Italian,
        Language::Norwegian => A::Norwegian,
        Language::Portuguese => A::Portuguese,
        Language::Romanian => A::Romanian,
        Language::Russian => A::Russian,
        Language::Spanish => A::Spanish,
        Language::Swedish => A::Swedish,
        Language::Tamil => A::Tamil,
        Language::Turkish => A::Turkish,
        _ => return None,
    })
}

impl Stemmer {
    /// The stemmer XL-Sum's scorer uses for `language`, or `None` if it
    /// stems none of that language's words.
    pub fn for_language(language: Language) -> Option<Stemmer> {
        let algorithm = match language {
            Language::Arabic => {
                let unstemmed = language.stop_words().unwrap_or_default().iter().copied().collect();
                return Some(Stemmer { kind: Kind::Arabic, unstemmed, language });
            }
            Language::Bengali => {
                return Some(Stemmer { kind: Kind::Bengali, unstemmed: FxHashSet::default(), language });
            }
            Language::Turkish => {
                return Some(Stemmer { kind: Kind::Turkish, unstemmed: FxHashSet::default(), language });
            }
            Language::Hindi => {
                return Some(Stemmer { kind: Kind::Hindi, unstemmed: FxHashSet::default(), language });
            }
            // Snowball has them; NLTK's SnowballStemmer, which XL-Sum calls, does not.
            Language::Greek | Language::Tamil => return None,
            _ => snowball_algorithm(language)?,
        };
        let unstemmed = language.stop_words().unwrap_or_default().iter().copied().collect();
        Some(Stemmer { kind: Kind::Snowball(rust_stemmers::Stemmer::create(algorithm)), unstemmed, language })
    }

    /// What it is, for listings (`sumbench languages`).
    pub fn name(&self) -> &'static str {
        match self.kind {
            Kind::Snowball(_) => "NLTK Snowball",
            Kind::Arabic => "NLTK ArabicStemmer",
            Kind::Turkish => "TurkishStemmer 1.3",
            Kind::Bengali => "RafiStemmer",
            Kind::Hindi => "Ramanathan-Rao suffixes",
        }
    }

    /// The stem of a lower-cased word, as a fresh NLTK stemmer gives it.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        self.stem_with(word, &mut ArabicState::default())
    }

    /// The stem of a lower-cased word by a stemmer that has already stemmed
    /// other words: `state` is what NLTK's Arabic stemmer object keeps from
    /// one word to the next (see [`ArabicState`]), updated here. Other
    /// languages ignore it.
    pub fn stem_with<'a>(&self, word: &'a str, state: &mut ArabicState) -> Cow<'a, str> {
        match &self.kind {
            Kind::Arabic => Cow::Owned(super::arabic::stem(word, &self.unstemmed, state)),
            _ if self.unstemmed.contains(word) => Cow::Borrowed(word),
            Kind::Snowball(stemmer) => nltk_snowball(self.language, stemmer, word),
            Kind::Turkish => Cow::Owned(super::turkish::stem(word)),
            Kind::Bengali => Cow::Owned(super::bengali::stem(word)),
            Kind::Hindi => Cow::Borrowed(hindi(word)),
        }
    }
}

/// Hindi suffixes by length in code points (Ramanathan & Rao 2003, as
/// XL-Sum's scorer lists them): the longest that leaves at least two code
/// points is removed.
const HINDI_SUFFIXES: [&[&str]; 5] = [
    &["ो", "े", "ू", "ु", "ी", "ि", "ा"],
    &["कर", "ाओ", "िए", "ाई", "ाए", "ने", "नी", "ना", "ते", "ीं", "ती", "ता", "ाँ", "ां", "ों", "ें"],
    &[
        "ाकर",
        "ाइए",
        "ाईं",
        "ाया",
        "ेगी",
        "ेगा",
        "ोगी",
        "ोगे",
        "ाने",
        "ाना",
        "ाते",
        "ाती",
        "ाता",
        "तीं",
        "ाओं",
        "ाएं",
        "ुओं",
        "ुएं",
        "ुआं",
    ],
    &[
        "ाएगी",
        "ाएगा",
        "ाओगी",
        "ाओगे",
        "एंगी",
        "ेंगी",
        "एंगे",
        "ेंगे",
        "ूंगी",
        "ूंगा",
        "ातीं",
        "नाओं",
        "नाएं",
        "ताओं",
        "ताएं",
        "ियाँ",
        "ियों",
        "ियां",
    ],
    &["ाएंगी", "ाएंगे", "ाऊंगी", "ाऊंगा", "ाइयाँ", "ाइयों", "ाइयां"],
];

fn hindi(word: &str) -> &str {
    let length = word.chars().count();
    for (index, suffixes) in HINDI_SUFFIXES.iter().enumerate().rev() {
        let suffix_length = index + 1;
        if length > suffix_length + 1
            && let Some(suffix) = suffixes.iter().find(|suffix| word.ends_with(*suffix))
        {
            return &word[..word.len() - suffix.len()];
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hindi_strips_the_longest_suffix_that_leaves_two_letters() {
        // By hand from the suffix table: पानी (4 code points) ends in the
        // two-point नी, which leaves two, so पा (XL-Sum's README: पानी → पा);
        // लड़कियों ends in the four-point ियों.
        assert_eq!(hindi("पानी"), "पा");
        assert_eq!(hindi("लड़कियों"), "लड़क");
        assert_eq!(hindi("का"), "का");
    }

    #[test]
    fn stop_words_stay_unstemmed() {
        // NLTK: SnowballStemmer("german", ignore_stopwords=True).stem("keinen")
        // is "keinen" (a stop word); "häuser" stems to "haus".
        let german = Stemmer::for_language(Language::German).unwrap();
        assert_eq!(german.stem("keinen"), "keinen");
        assert_eq!(german.stem("häuser"), "haus");
        assert!(Stemmer::for_language(Language::Chinese).is_none());
    }
}
