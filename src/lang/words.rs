//! Word splitters for scripts written without spaces between words: jieba
//! (`jieba-rs`, its bundled dictionary, HMM on) for Chinese; pythainlp's
//! newmm (ported in `thai.rs`) for Thai; ICU4X's dictionary segmenter for
//! Japanese and Burmese.

use std::sync::LazyLock;

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
        Language::Chinese => Some(JIEBA.cut(text, true).into_iter().map(|token| token.word).collect()),
        Language::Thai => Some(super::thai::split(text)),
        Language::Japanese | Language::Burmese => {
            let breaks: Vec<usize> = ICU.segment_str(text).collect();
            Some(breaks.windows(2).map(|pair| &text[pair[0]..pair[1]]).collect())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_split_by_jieba() {
        // The README example of XL-Sum's scorer: 北京 今天下雨 (after the
        // sanitizer) → 北京, " ", 今天, 下雨.
        assert_eq!(split_words(Language::Chinese, "北京 今天下雨").unwrap(), ["北京", " ", "今天", "下雨"]);
        assert_eq!(split_words(Language::German, "Guten Tag"), None);
    }
}
