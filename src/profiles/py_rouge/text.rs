//! py-rouge's pre-processing: sentences, truncation, lowercasing, the
//! `[^A-Za-z0-9]` → space rule, the `cannot` protection, `nltk.word_tokenize`
//! as it acts on such text, and stemming (the package's WordNet tables, then
//! NLTK's Porter).
//!
//! `nltk.word_tokenize` runs punkt, then NLTK's Treebank rules, on text that
//! holds only `[a-z0-9 ]` and the `_` of `_cannot_`: punkt splits only at
//! `.`, `?` and `!`, so the text is one sentence, and of the Treebank rules
//! only the `gimme gonna gotta lemme wanna` (and, unprotected, `cannot`)
//! splits can apply, to a whole word each.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::profiles::Raised;

use super::porter::{self, Mode};
use super::pyvalue::Bound;

/// Truncation (`limit_length`, `length_limit`, `length_limit_type`).
#[derive(Debug, Clone)]
pub(super) enum Truncation {
    /// `limit_length` off (or `length_limit == 0`).
    Off,
    /// `length_limit_type='words'`.
    Words(Bound),
    /// `length_limit_type='bytes'` (Python characters, in fact).
    Bytes(Bound),
}

/// One pre-processing set-up (one `Rouge` object's).
#[derive(Debug, Clone)]
pub(super) struct Preprocessor {
    /// How summaries are cut.
    pub truncation: Truncation,
    /// `stemming`.
    pub stemming: bool,
    /// `ensure_compatibility`: `\n` sentences, `cannot` kept whole, the
    /// special-case WordNet table and `ORIGINAL_ALGORITHM`.
    pub ensure_compatibility: bool,
}

impl Preprocessor {
    /// `_preprocess_summary_as_a_whole`: the summary's tokens, for ROUGE-N.
    pub(super) fn as_a_whole(&self, summary: &str) -> Result<Vec<String>, Raised> {
        let sentences = self.split_into_sentences(summary)?;
        let summary = match &self.truncation {
            Truncation::Words(limit) => {
                let joined = sentences.join(" ");
                let tokens: Vec<&str> = py_split(&joined).collect();
                let end = limit.cut(tokens.len())?;
                tokens[..end].join(" ")
            }
            Truncation::Bytes(limit) => {
                let mut summary = String::new();
                let mut current = 0;
                for sentence in &sentences {
                    let sentence = py_strip(sentence);
                    let len = sentence.chars().count();
                    if limit.is_above(current + len)? {
                        if current != 0 {
                            summary.push(' ');
                        }
                        summary.push_str(sentence);
                        current += len;
                    } else {
                        if current > 0 {
                            summary.push(' ');
                        }
                        let end = limit.cut_after(current, len)?;
                        summary.extend(sentence.chars().take(end));
                        break;
                    }
                }
                summary
            }
            Truncation::Off => sentences.join(" "),
        };
        Ok(py_split(&self.tokens_of(&summary)).map(str::to_owned).collect())
    }

    /// `_preprocess_summary_per_sentence`: tokens per sentence, for
    /// ROUGE-L and ROUGE-W.
    pub(super) fn per_sentence(&self, summary: &str) -> Result<Vec<Vec<String>>, Raised> {
        let mut sentences: Vec<String> =
            self.split_into_sentences(summary)?.into_iter().map(str::to_owned).collect();
        let mut kept = Vec::new();
        let mut current = 0;
        match &self.truncation {
            Truncation::Words(limit) => {
                for sentence in &sentences {
                    let tokens: Vec<&str> = py_split(sentence).collect();
                    if limit.is_above(current + tokens.len())? {
                        kept.push(tokens.join(" "));
                        current += tokens.len();
                    } else {
                        let end = limit.cut_after(current, tokens.len())?;
                        kept.push(tokens[..end].join(" "));
                        break;
                    }
                }
                sentences = kept;
            }
            Truncation::Bytes(limit) => {
                for sentence in &sentences {
                    let sentence = py_strip(sentence);
                    let len = sentence.chars().count();
                    if limit.is_above(current + len)? {
                        kept.push(sentence.to_owned());
                        current += len;
                    } else {
                        let end = limit.cut_after(current, len)?;
                        kept.push(sentence.chars().take(end).collect());
                        break;
                    }
                }
                sentences = kept;
            }
            Truncation::Off => {}
        }
        Ok(sentences
            .iter()
            .map(|sentence| py_split(&self.tokens_of(sentence)).map(str::to_owned).collect())
            .collect())
    }

    /// `split_into_sentences`: `text.split('\n')` under
    /// `ensure_compatibility`, else `nltk.sent_tokenize(text)`, which on a
    /// text without `.`, `?` or `!` is `[text.rstrip()]` (or `[]` when that
    /// is empty); sumbench does not reproduce punkt elsewhere.
    fn split_into_sentences<'t>(&self, text: &'t str) -> Result<Vec<&'t str>, Raised> {
        if self.ensure_compatibility {
            return Ok(text.split('\n').collect());
        }
        if text.contains(['.', '?', '!']) {
            return Err(Raised::new(
                "NotImplementedError",
                "sumbench: py-rouge with ensure_compatibility=False splits sentences with \
                 NLTK's punkt, which sumbench reproduces only on texts without '.', '?' or '!'",
            ));
        }
        let text = text.trim_end_matches(is_py_space);
        Ok(if text.is_empty() { vec![] } else { vec![text] })
    }

    /// One piece of text after truncation → its space-joined tokens, as
    /// py-rouge builds the string it later splits.
    fn tokens_of(&self, text: &str) -> String {
        let cleaned = clean(text);
        let cleaned = cleaned.trim_matches(' ');
        let protected;
        let text = if self.ensure_compatibility {
            protected = cleaned.replace("cannot", "_cannot_");
            &protected
        } else {
            cleaned
        };
        let mut tokens = word_tokenize(text, !self.ensure_compatibility);
        if self.stemming {
            let (table, mode) = if self.ensure_compatibility {
                (wordnet_compatible(), Mode::Original)
            } else {
                (wordnet_plain(), Mode::NltkExtensions)
            };
            for token in &mut tokens {
                // Python's len() counts characters; tokens are ASCII.
                if token.len() > 3 {
                    *token = match table.get(token.as_str()) {
                        Some(value) => (*value).to_owned(),
                        None => porter::stem(token, mode),
                    };
                }
            }
        }
        let joined = tokens.join(" ");
        if self.ensure_compatibility { joined.replace("_cannot_", "cannot") } else { joined }
    }
}

/// `REMOVE_CHAR_PATTERN.sub(' ', text.lower())`: Python's full lowercase
/// mapping (`İ` → `i` + U+0307, the Kelvin sign → `k`), then every
/// character outside `[A-Za-z0-9]` becomes a space.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            out.push(if lower.is_ascii_alphanumeric() { lower } else { ' ' });
        }
    }
    out
}

/// `nltk.word_tokenize` on text of `[a-z0-9_ ]`: whitespace-separated words,
/// the Treebank contractions split (`cannot` only when `split_cannot`: under
/// `ensure_compatibility` it arrives as `_cannot_`, which no `\b` rule
/// sees).
fn word_tokenize(text: &str, split_cannot: bool) -> Vec<String> {
    let mut tokens = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let split = match word {
            "cannot" if split_cannot => Some(("can", "not")),
            "gimme" => Some(("gim", "me")),
            "gonna" => Some(("gon", "na")),
            "gotta" => Some(("got", "ta")),
            "lemme" => Some(("lem", "me")),
            "wanna" => Some(("wan", "na")),
            _ => None,
        };
        match split {
            Some((first, second)) => {
                tokens.push(first.to_owned());
                tokens.push(second.to_owned());
            }
            None => tokens.push(word.to_owned()),
        }
    }
    tokens
}

/// The package's `wordnet_key_value.txt` (Apache-2.0, see
/// `src/profiles/data/NOTICE.md`).
const WORDNET: &str = include_str!("../data/wordnet_key_value.txt");
/// The package's `wordnet_key_value_special_cases.txt`, loaded under
/// `ensure_compatibility`.
const WORDNET_SPECIAL: &str = include_str!("../data/wordnet_key_value_special_cases.txt");

type Table = HashMap<&'static str, &'static str>;

fn load(files: &[&'static str]) -> Table {
    files.iter().flat_map(|file| file.lines()).filter_map(|line| line.trim().split_once('|')).collect()
}

/// Both tables (`ensure_compatibility=True`).
fn wordnet_compatible() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| load(&[WORDNET, WORDNET_SPECIAL]))
}

/// The main table only (`ensure_compatibility=False`).
fn wordnet_plain() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| load(&[WORDNET]))
}

/// Python's `str.isspace` for one character.
pub(super) fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.split()`.
fn py_split(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_py_space).filter(|t| !t.is_empty())
}

/// Python's `str.strip()`.
fn py_strip(text: &str) -> &str {
    text.trim_matches(is_py_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compat(truncation: Truncation) -> Preprocessor {
        Preprocessor { truncation, stemming: true, ensure_compatibility: true }
    }

    #[test]
    fn tokenizes_as_nltk_does_on_cleaned_text() {
        // NLTK 3.10.4: word_tokenize("gonna wanna gimme cannot") ==
        // ['gon', 'na', 'wan', 'na', 'gim', 'me', 'can', 'not'].
        assert_eq!(
            word_tokenize("gonna wanna gimme cannot", true),
            ["gon", "na", "wan", "na", "gim", "me", "can", "not"]
        );
        // "_cannot_" has no word boundary inside: it stays whole.
        assert_eq!(word_tokenize("_cannot_ gonnaa", false), ["_cannot_", "gonnaa"]);
    }

    #[test]
    fn lowercases_with_python_full_mapping() {
        // Python: re.sub('[^A-Za-z0-9]', ' ', 'İK café'.lower()) == 'i k caf '
        // ('İ'.lower() is 'i' + U+0307, the Kelvin sign lowers to 'k').
        assert_eq!(clean("İ\u{212a} café"), "i k caf ");
    }

    #[test]
    fn keeps_cannot_whole_and_stems() {
        // py-rouge 1.1 (ensure_compatibility, stemming):
        // _preprocess_summary_as_a_whole("I cannot go, gonna run.") ==
        // ['i cannot go gon na run'] (tokens of <= 3 characters unstemmed).
        let p = compat(Truncation::Off);
        assert_eq!(
            p.as_a_whole("I cannot go, gonna run.").unwrap(),
            ["i", "cannot", "go", "gon", "na", "run"]
        );
    }

    #[test]
    fn truncates_by_characters_per_stripped_sentence() {
        // limit 10 'bytes': " abc def \n ghijklmno" → sentences "abc def"
        // (7 chars, 7 < 10) and "ghijklmno"[:10-7] = "ghi".
        let p = compat(Truncation::Bytes(Bound::Int(10)));
        assert_eq!(p.per_sentence(" abc def \n ghijklmno").unwrap(), [vec!["abc", "def"], vec!["ghi"]]);
        assert_eq!(p.as_a_whole(" abc def \n ghijklmno").unwrap(), ["abc", "def", "ghi"]);
    }
}
