//! ROUGE-1.5.5's text reading: SPL lines, `-l`/`-b` truncation (with the
//! script's two different truncation routines), tokenization, `-s` stop words.
//!
//! Owns: turning a raw text into the token lists the metrics see, as
//! strings. Never interns, stems (see `stem.rs`) or counts.
//!
//! The script is not Unicode-aware: everything here works on bytes, and every
//! byte that is not an ASCII letter, digit or `-` separates tokens.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The SMART stop-word list ROUGE-1.5.5 uses for `-s`
/// (`data/smart_common_words.txt`, one entry per line).
pub(crate) const SMART_STOPWORDS: &str = include_str!("../../data/smart_common_words.txt");

static STOPWORDS: LazyLock<HashSet<&'static [u8]>> =
    LazyLock::new(|| SMART_STOPWORDS.lines().map(str::as_bytes).collect());

/// Whether `token` (lowercased, unstemmed) is in ROUGE-1.5.5's stop-word list.
pub fn is_stopword(token: &[u8]) -> bool {
    STOPWORDS.contains(token)
}

/// ROUGE-1.5.5's length limit (`-l N` / `-b N`), applied to candidates and
/// references alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Limit {
    /// No truncation.
    #[default]
    None,
    /// `-l N`: keep the first N whitespace-separated words of the raw text.
    Words(usize),
    /// `-b N`: keep the first N bytes of the raw text.
    Bytes(usize),
}

impl Limit {
    /// The script treats `-l 0` and `-b 0` as "no limit".
    fn normalized(self) -> Limit {
        match self {
            Limit::Words(0) | Limit::Bytes(0) => Limit::None,
            other => other,
        }
    }
}

/// A text as the metrics read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// The sentences ROUGE-L and ROUGE-W see ([`lcs_sentences`]).
    pub lcs: Vec<Vec<u8>>,
    /// The text ROUGE-N/S and the clipping tables see ([`whole_text`]), or
    /// `None` when its tokens are those of `lcs` concatenated (always, except
    /// under a byte limit).
    pub whole: Option<Vec<u8>>,
}

/// Reads `text` (SPL: one sentence per line) under `limit`.
pub fn read(text: &str, limit: Limit) -> Read {
    let lines = sentences(text);
    let whole = match limit.normalized() {
        Limit::Bytes(_) => Some(whole_text(&lines, limit)),
        Limit::None | Limit::Words(_) => None,
    };
    Read { lcs: lcs_sentences(&lines, limit), whole }
}

/// The non-empty lines of `text` (split on `\n` only), ASCII-lowercased,
/// as the script's SPL reader keeps them.
pub fn sentences(text: &str) -> Vec<Vec<u8>> {
    text.as_bytes()
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(<[u8]>::to_ascii_lowercase)
        .collect()
}

/// Perl's `\s` on byte strings: space, `\t`, `\n`, `\v`, `\f`, `\r`.
fn is_perl_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Perl's `split(/\s+/, s)`: a leading empty field when `s` starts with
/// whitespace, no trailing empty fields.
fn perl_split_whitespace(s: &[u8]) -> Vec<&[u8]> {
    let mut fields = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        if is_perl_space(s[i]) {
            fields.push(&s[start..i]);
            while i < s.len() && is_perl_space(s[i]) {
                i += 1;
            }
            start = i;
        } else {
            i += 1;
        }
    }
    fields.push(&s[start..]);
    while fields.last().is_some_and(|f| f.is_empty()) {
        fields.pop();
    }
    fields
}

/// The first `n` Perl-split words of `s`, joined by single spaces.
fn first_words(s: &[u8], n: usize) -> Vec<u8> {
    perl_split_whitespace(s)[..n].join(&b' ')
}

/// The text ROUGE-N, ROUGE-S and the unigram clipping tables see (the script's
/// `readText`): the sentences joined by spaces, truncated by `limit`.
pub fn whole_text(sentences: &[Vec<u8>], limit: Limit) -> Vec<u8> {
    let mut text = Vec::new();
    match limit.normalized() {
        Limit::None => return sentences.join(&b' '),
        Limit::Words(limit) => {
            let mut len = 0;
            for s in sentences {
                let words = perl_split_whitespace(s).len();
                if len + words < limit {
                    if len != 0 {
                        text.push(b' ');
                    }
                    text.extend_from_slice(s);
                    len += words;
                } else {
                    if len > 0 {
                        text.push(b' ');
                    }
                    text.extend(first_words(s, limit - len));
                    break;
                }
            }
        }
        Limit::Bytes(limit) => {
            let mut len = 0;
            for s in sentences {
                if len + s.len() < limit {
                    if len != 0 {
                        text.push(b' ');
                    }
                    text.extend_from_slice(s);
                    len += s.len();
                } else {
                    if len > 0 {
                        text.push(b' ');
                    }
                    text.extend_from_slice(&s[..limit - len]);
                    break;
                }
            }
        }
    }
    text
}

/// The sentences ROUGE-L and ROUGE-W see (the script's `readText_LCS`),
/// truncated by `limit`.
///
/// Quirk kept from the script: under `-b` the running byte count is never
/// increased, so every sentence shorter than the limit is kept whole and the
/// first one at least as long as the limit is cut to `limit` bytes and ends
/// the text. (The clipping tables and the candidate count still come from
/// [`whole_text`], which truncates correctly.)
pub fn lcs_sentences(sentences: &[Vec<u8>], limit: Limit) -> Vec<Vec<u8>> {
    let mut kept = Vec::new();
    match limit.normalized() {
        Limit::None => return sentences.to_vec(),
        Limit::Words(limit) => {
            let mut len = 0;
            for s in sentences {
                let words = perl_split_whitespace(s).len();
                if len + words < limit {
                    len += words;
                    kept.push(s.clone());
                } else {
                    kept.push(first_words(s, limit - len));
                    break;
                }
            }
        }
        Limit::Bytes(limit) => {
            for s in sentences {
                if s.len() < limit {
                    kept.push(s.clone());
                } else {
                    kept.push(s[..limit].to_vec());
                    break;
                }
            }
        }
    }
    kept
}

/// The tokens of a (lowercased) text segment: maximal runs of `[a-z0-9]`
/// (the script's `-` tokens never survive its first-byte filter), without
/// stop words when `remove_stopwords`.
pub fn tokens(segment: &[u8], remove_stopwords: bool) -> impl Iterator<Item = &[u8]> {
    segment
        .split(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit()))
        .filter(move |t| !t.is_empty() && (!remove_stopwords || !is_stopword(t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let joined = whole_text(&sentences(text), Limit::None);
        tokens(&joined, false).map(|t| String::from_utf8_lossy(t).into_owned()).collect()
    }

    #[test]
    fn bytes_outside_ascii_alphanumerics_separate_tokens() {
        assert_eq!(toks("Café İstanbul 東京"), ["caf", "stanbul"]);
        assert_eq!(toks("state-of-the-art, U.S. $5"), ["state", "of", "the", "art", "u", "s", "5"]);
        assert_eq!(toks("\u{212a}"), Vec::<String>::new(), "the Kelvin sign is not a K");
        assert_eq!(toks("ÀB"), ["b"], "only ASCII letters are lowercased");
    }

    #[test]
    fn empty_lines_are_dropped_but_token_less_lines_stay() {
        let s = sentences("A b\n\n\r\n--\nC\n");
        assert_eq!(s, vec![b"a b".to_vec(), b"\r".to_vec(), b"--".to_vec(), b"c".to_vec()]);
    }

    #[test]
    fn stop_words_are_the_smart_list() {
        assert_eq!(SMART_STOPWORDS.lines().count(), 598);
        assert_eq!(STOPWORDS.len(), 596);
        for w in ["the", "a", "k", "one", "reuters", "would"] {
            assert!(is_stopword(w.as_bytes()), "{w}");
        }
        assert!(!is_stopword(b"cat"));
        // "sat" (Saturday) is on the list, like the other weekday and month abbreviations.
        let kept: Vec<&[u8]> = tokens(b"the cat slept on a mat on sat", true).collect();
        assert_eq!(kept, [&b"cat"[..], b"slept", b"mat"]);
    }

    #[test]
    fn perl_split_keeps_a_leading_empty_field() {
        assert_eq!(perl_split_whitespace(b" a  b "), [&b""[..], b"a", b"b"]);
        assert_eq!(perl_split_whitespace(b"   "), Vec::<&[u8]>::new());
        assert_eq!(perl_split_whitespace(b""), Vec::<&[u8]>::new());
    }

    #[test]
    fn word_limit_counts_raw_words_and_cuts_the_last_sentence() {
        let s = sentences("one two three\nfour five-six seven\neight");
        // 3 words fit (3 < 5); the second sentence is cut to its first 2 raw words.
        assert_eq!(whole_text(&s, Limit::Words(5)), b"one two three four five-six");
        assert_eq!(
            lcs_sentences(&s, Limit::Words(5)),
            vec![b"one two three".to_vec(), b"four five-six".to_vec()]
        );
        // A sentence that exactly reaches the limit ends the text.
        assert_eq!(whole_text(&s, Limit::Words(3)), b"one two three");
        assert_eq!(whole_text(&s, Limit::Words(0)), b"one two three four five-six seven eight");
        // A leading space counts as an (empty) word, as in Perl's split.
        assert_eq!(whole_text(&sentences(" a b c"), Limit::Words(2)), b" a");
    }

    #[test]
    fn byte_limit_differs_between_the_two_readers() {
        let s = sentences("abcd\nefgh\nijklmnop");
        // readText: 4 + 4 = 8 < 10 kept (the joining space is not counted), then 2 bytes.
        assert_eq!(whole_text(&s, Limit::Bytes(10)), b"abcd efgh ij");
        // readText_LCS never advances its count: every line is shorter than 10 bytes,
        // so all are kept whole.
        assert_eq!(lcs_sentences(&s, Limit::Bytes(10)), s);
        assert_eq!(
            lcs_sentences(&s, Limit::Bytes(6)),
            vec![b"abcd".to_vec(), b"efgh".to_vec(), b"ijklmn".to_vec()]
        );
        assert_eq!(whole_text(&s, Limit::Bytes(6)), b"abcd ef");
    }
}
