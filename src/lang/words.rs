//! Word splitters for scripts written without spaces between words: jieba
//! (`jieba-rs`, its bundled dictionary, HMM on) for Chinese; pythainlp's
//! newmm (ported in `thai.rs`) for Thai; ICU4X's dictionary segmenter for
//! Japanese (brought toward MeCab's UniDic units by `japanese.rs`) and
//! Burmese.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::Language;

static JIEBA: LazyLock<jieba_rs::Jieba> = LazyLock::new(jieba_rs::Jieba::new);

static ICU: LazyLock<icu_segmenter::WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| icu_segmenter::WordSegmenter::new_dictionary(Default::default()));

/// The name of `language`'s word splitter (`None` for spaced scripts), for
/// listings (`sumbench languages`).
pub fn splitter_name(language: Language) -> Option<&'static str> {
    match language {
        Language::Chinese => Some("jieba (jieba-rs)"),
        Language::Thai => Some("newmm (pythainlp, ported)"),
        Language::Japanese | Language::Burmese => Some("ICU4X dictionary"),
        _ => None,
    }
}

/// The words of `text` by `language`'s word splitter, as slices of `text` in
/// order (spaces between words come back as words of their own, as jieba
/// gives them), or `None` if the language is written with spaces.
pub fn split_words(language: Language, text: &str) -> Option<Vec<&str>> {
    match language {
        Language::Chinese => {
            let mut words = Vec::new();
            for token in JIEBA.cut(text, true) {
                python_hmm_split(token.word, &mut words);
            }
            Some(words)
        }
        Language::Thai => Some(super::thai::split(text)),
        Language::Japanese => {
            let breaks: Vec<usize> = ICU.segment_str(text).collect();
            Some(toward_unidic(text, &breaks))
        }
        Language::Burmese => {
            let breaks: Vec<usize> = ICU.segment_str(text).collect();
            Some(breaks.windows(2).map(|pair| &text[pair[0]..pair[1]]).collect())
        }
        _ => None,
    }
}

/// Pushes `word` as Python's jieba 0.42.1 gives it. jieba-rs runs ASCII
/// letters, digits and `+#&._%-` through its HMM, which joins them
/// (`U.S.C`, `FY2017-FY2021`); Python's HMM (`finalseg`) takes only Chinese
/// characters and splits everything else with `re_skip`,
/// `([a-zA-Z0-9]+(?:\.\d+)?%?)`: the matches, and the gaps between them
/// whole. A word in the dictionary (`C++`, `AT&T`) stays whole in both.
fn python_hmm_split<'a>(word: &'a str, out: &mut Vec<&'a str>) {
    let bytes = word.as_bytes();
    let mixed = bytes.len() > 1
        && word.is_ascii()
        && bytes.iter().any(|b| !b.is_ascii_alphanumeric())
        && bytes.iter().any(u8::is_ascii_alphanumeric);
    if !mixed || JIEBA.has_word(word) {
        out.push(word);
        return;
    }
    let (mut at, mut gap) = (0, 0);
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        // `(?:\.\d+)?`: a point followed by at least one digit.
        if at + 1 < bytes.len() && bytes[at] == b'.' && bytes[at + 1].is_ascii_digit() {
            at += 1;
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
        }
        if at < bytes.len() && bytes[at] == b'%' {
            at += 1;
        }
        if gap < start {
            out.push(&word[gap..start]);
        }
        out.push(&word[start..at]);
        gap = at;
    }
    if gap < bytes.len() {
        out.push(&word[gap..]);
    }
}

static SPLITS: LazyLock<FxHashMap<&'static str, &'static [&'static str]>> =
    LazyLock::new(|| super::japanese::SPLITS.into_iter().collect());

static MERGES: LazyLock<FxHashSet<(&'static str, &'static str)>> =
    LazyLock::new(|| super::japanese::MERGES.into_iter().collect());

/// ICU4X's Japanese words of `text` (between `breaks`) cut and joined
/// toward MeCab's UniDic short units (`japanese.rs`): each word split by
/// [`SPLITS`], then adjacent words in [`MERGES`] joined (a joined word stays
/// joinable with the next).
fn toward_unidic<'a>(text: &'a str, breaks: &[usize]) -> Vec<&'a str> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for pair in breaks.windows(2) {
        let mut at = pair[0];
        let cuts = SPLITS.get(&text[pair[0]..pair[1]]).copied().unwrap_or(&[]);
        let pieces = cuts
            .iter()
            .map(|cut| cut.len())
            .chain([pair[1] - pair[0] - cuts.iter().map(|c| c.len()).sum::<usize>()]);
        for length in pieces.filter(|&length| length > 0) {
            let piece = at..at + length;
            at += length;
            match out.last_mut() {
                Some(last)
                    if last.end == piece.start
                        && MERGES.contains(&(&text[last.clone()], &text[piece.clone()])) =>
                {
                    last.end = piece.end;
                }
                _ => out.push(piece),
            }
        }
    }
    out.into_iter().map(|range| &text[range]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_ascii_runs_split_as_python_jieba_splits_them() {
        // Python jieba 0.42.1's `lcut` of each text (printed by it).
        let cases: [(&str, &[&str]); 4] = [
            ("U.S.C", &["U", ".", "S", ".", "C"]),
            ("see U.S.C. 12", &["see", " ", "U", ".", "S", ".", "C", ".", " ", "12"]),
            ("FY2017-FY2021", &["FY2017", "-", "FY2021"]),
            ("3.5% x", &["3.5%", " ", "x"]),
        ];
        for (text, expected) in cases {
            assert_eq!(split_words(Language::Chinese, text).unwrap(), expected, "{text}");
        }
    }

    #[test]
    fn chinese_is_split_by_jieba() {
        // The README example of XL-Sum's scorer: 北京 今天下雨 (after the
        // sanitizer) → 北京, " ", 今天, 下雨.
        assert_eq!(split_words(Language::Chinese, "北京 今天下雨").unwrap(), ["北京", " ", "今天", "下雨"]);
        assert_eq!(split_words(Language::German, "Guten Tag"), None);
    }

    #[test]
    fn icu_words_are_cut_and_joined_toward_unidic() {
        // MeCab with unidic-lite on "…引き鬢ではなく…" and "…2ちゃんねるの…"
        // (the shared Japanese texts): で, は, なく and ちゃんねる.
        let text = "ではなく";
        assert_eq!(toward_unidic(text, &[0, "では".len(), text.len()]), ["で", "は", "なく"]);
        let text = "ちゃんねる";
        assert_eq!(toward_unidic(text, &[0, "ちゃん".len(), text.len()]), ["ちゃんねる"]);
    }
}
