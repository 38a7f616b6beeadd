//! sacreBLEU 2.6.0's `TercomTokenizer` (`sacrebleu/tokenizers/tokenizer_ter.py`,
//! after Tercom's `Normalizer.java`): lowercasing unless case-sensitive,
//! optional normalization (Western, then Asian), optional punctuation removal.

use std::sync::LazyLock;

use regex::Regex;

use super::pystr;

/// The options of `TercomTokenizer` (and of sacreBLEU's `TER(...)`); all off by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TerOptions {
    /// `normalized`: unescape entities and split punctuation (mteval-like rules).
    pub normalized: bool,
    /// `no_punct`: remove `.,?:;!"()` (and, with `asian_support`, CJK punctuation).
    pub no_punct: bool,
    /// `asian_support`: CJK characters apart (with `normalized`), CJK punctuation removed (with `no_punct`).
    pub asian_support: bool,
    /// `case_sensitive`: keep case (otherwise Python's `str.lower()`).
    pub case_sensitive: bool,
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a valid pattern")
}

/// `_normalize_general_and_western`'s substitutions after the padding, in order.
static WESTERN: LazyLock<[(Regex, &'static str); 4]> = LazyLock::new(|| {
    [
        (regex(r"([{-~\[-` -&(-+:-@/])"), " ${1} "),
        (regex(r"'s "), " 's "),
        // `'s$` cannot match after the padding; the digit rules follow.
        (regex(r"([^0-9])([.,])"), "${1} ${2} "),
        (regex(r"([.,])([^0-9])"), " ${1} ${2}"),
    ]
});

/// The dash-after-digit rule, last of the Western ones.
static DIGIT_DASH: LazyLock<Regex> = LazyLock::new(|| regex(r"([0-9])(-)"));

/// `_normalize_asian`'s substitutions that can match. Its three kana rules
/// are anchored at the start of the text (`^`), which the Western rules'
/// padding always makes a space, so they never apply and are left out.
static ASIAN: LazyLock<[Regex; 6]> = LazyLock::new(|| {
    [
        regex(r"([\u4e00-\u9fff\u3400-\u4dbf])"),
        regex(r"([\u31c0-\u31ef\u2e80-\u2eff])"),
        regex(r"([\u3300-\u33ff\uf900-\ufaff\ufe30-\ufe4f])"),
        regex(r"([\u3200-\u3f22])"),
        regex(ASIAN_PUNCT),
        regex(FULL_WIDTH_PUNCT),
    ]
});

/// `TercomTokenizer.ASIAN_PUNCT`.
const ASIAN_PUNCT: &str = r"([\u3001\u3002\u3008-\u3011\u3014-\u301f\uff61-\uff65\u30fb])";
/// `TercomTokenizer.FULL_WIDTH_PUNCT`.
const FULL_WIDTH_PUNCT: &str = r"([\uff0e\uff0c\uff1f\uff1a\uff1b\uff01\uff02\uff08\uff09])";

/// `_remove_punct` and `_remove_asian_punct`'s patterns.
static PUNCT: LazyLock<[Regex; 3]> =
    LazyLock::new(|| [regex(r#"[.,?:;!"()]"#), regex(ASIAN_PUNCT), regex(FULL_WIDTH_PUNCT)]);

fn replace(text: String, pattern: &Regex, replacement: &str) -> String {
    match pattern.replace_all(&text, replacement) {
        std::borrow::Cow::Owned(replaced) => replaced,
        std::borrow::Cow::Borrowed(_) => text,
    }
}

fn normalize_western(text: &str) -> String {
    let text = text
        .replace("\n-", "")
        .replace('\n', " ")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let mut text = format!(" {text} ");
    for (pattern, replacement) in WESTERN.iter() {
        text = replace(text, pattern, replacement);
    }
    replace(text, &DIGIT_DASH, "${1} ${2} ")
}

/// `TercomTokenizer(**options)(text)`: the tokenized text, tokens joined by one space.
pub fn tercom_tokenize(text: &str, options: &TerOptions) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut text = if options.case_sensitive { text.to_string() } else { text.to_lowercase() };
    if options.normalized {
        text = normalize_western(&text);
        if options.asian_support {
            for pattern in ASIAN.iter() {
                text = replace(text, pattern, " ${1} ");
            }
        }
    }
    if options.no_punct {
        let removed = if options.asian_support { &PUNCT[..] } else { &PUNCT[..1] };
        for pattern in removed {
            text = replace(text, pattern, "");
        }
    }
    pystr::split(&text).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_splits_punctuation_and_possessives() {
        // Hand-derived from the rules: `'s ` is split off, `(`/`)` always, `.` unless between digits.
        let options = TerOptions { normalized: true, ..TerOptions::default() };
        assert_eq!(
            tercom_tokenize("It's (Bob's) 4.5 &amp; 1-2.", &options),
            "it 's ( bob 's ) 4.5 & 1 - 2 ."
        );
    }

    #[test]
    fn case_and_empty_text() {
        assert_eq!(
            tercom_tokenize("A B", &TerOptions { case_sensitive: true, ..TerOptions::default() }),
            "A B"
        );
        assert_eq!(tercom_tokenize("", &TerOptions::default()), "");
    }
}
