//! `dangling`: a model-free faithfulness check for extractive summaries,
//! after Zhang, Wan, Xu, Chen and Xiong, "Extractive is not Faithful"
//! (ACL 2023), who name incorrect and incomplete coreference and discourse
//! among the ways an extract misleads. The check is a cheap signal to read
//! next to ROUGE, not a verdict: it reads the first words of each summary
//! sentence and whether the sentence before it in the document came along.
//!
//! The rule. A summary sentence that is the document's sentence `i` is
//! flagged when
//!
//! - `i > 0`, it opens (after quotes, brackets, dashes and other marks) with
//!   an anaphoric pronoun ([`PRONOUNS`]) or a discourse connective
//!   ([`CONNECTIVES`]), not one of the [`EXCEPTIONS`], and the summary
//!   sentence just before it is not the document's sentence `i − 1` (the
//!   antecedent or premise is most plausibly in the sentence just before;
//!   one further back is not looked for); or
//! - it keeps only the start of the document's sentence (a word, character
//!   or byte budget cut it) and the kept part does not end in terminal
//!   punctuation (`.`, `!`, `?`, `…`, `。`, `！`, `？`, closing quotes and
//!   brackets aside).
//!
//! `dangling` is flagged sentences over the summary sentences found in the
//! document, from 0 to 1, lower is better. It is undefined (NaN, an empty
//! field) for an empty summary, for one none of whose sentences is found
//! in the document (an abstractive one), and for documents in languages
//! other than English, whose word lists it does not have.
//!
//! Which sentences a summary holds: the harness knows the sentences a
//! built-in summarizer selected ([`selected`]). Any other summary (a
//! system's, `sumbench score`; `sumbench eval`) is aligned to the
//! document ([`align`]): both are split into sentences by the document's
//! language rules, and a summary sentence is the first document sentence
//! after the previous match with the same text once whitespace is
//! collapsed, else a document sentence it is a strict prefix of (a cut
//! one). A sentence found nowhere is not counted either way, but it does
//! stand between its neighbours: a sentence after it is flagged by its
//! opening word as if its antecedent were not selected.
//!
//! Known misses, by design of a word list: expletive `it` ("It is
//! raining") and generic `they` are flagged; an antecedent two sentences
//! back is not found; a first word written in capitals (`IT`, `US`) is
//! taken for an acronym and never flagged; an abbreviation ending a cut
//! (`… the U.S.`) reads as a finished sentence.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::lang::Language;
use crate::text::{PreparedDocument, sentence_spans_in};

/// The rule's name in `dangling`'s signature: it changes whenever a word
/// list or the rule does, so numbers from two rules are told apart.
pub const RULE: &str = "sumbench-dangling-en-1";

/// Anaphoric pronouns and determiners that point back when they open a
/// sentence (matched as the first word, or words, case-insensitively).
pub const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "his",
    "hers",
    "its",
    "their",
    "theirs",
    "them",
    "himself",
    "herself",
    "itself",
    "themselves",
    "this",
    "that",
    "these",
    "those",
    "such",
    "the former",
    "the latter",
];

/// Discourse connectives that lean on what came before when they open a
/// sentence (matched like [`PRONOUNS`]).
pub const CONNECTIVES: &[&str] = &[
    "accordingly",
    "additionally",
    "also",
    "alternatively",
    "and",
    "as a result",
    "as such",
    "at the same time",
    "besides",
    "but",
    "by contrast",
    "consequently",
    "conversely",
    "even so",
    "finally",
    "for example",
    "for instance",
    "furthermore",
    "hence",
    "however",
    "in addition",
    "in contrast",
    "in fact",
    "in the meantime",
    "in turn",
    "indeed",
    "instead",
    "likewise",
    "meanwhile",
    "moreover",
    "nevertheless",
    "nonetheless",
    "nor",
    "on the contrary",
    "on the other hand",
    "or",
    "otherwise",
    "similarly",
    "still",
    "then",
    "therefore",
    "thus",
    "yet",
];

/// Openings that start like a pronoun or connective but point at the
/// time of writing ("This year", "These days") or at the document itself
/// ("This Act", a bill's; "This study", a paper's), not at an earlier
/// sentence, or are no connective ("Yet another"): never flagged.
pub const EXCEPTIONS: &[&str] = &[
    "this act",
    "this article",
    "this chapter",
    "this paper",
    "this section",
    "this study",
    "this subsection",
    "this title",
    "this afternoon",
    "this autumn",
    "this century",
    "this decade",
    "this evening",
    "this fall",
    "this month",
    "this morning",
    "this season",
    "this spring",
    "this summer",
    "this week",
    "this weekend",
    "this winter",
    "this year",
    "these days",
    "yet another",
];

/// The most words a listed opening has.
const MAX_OPENING_WORDS: usize = 4;

/// Why a summary sentence is flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// It opens with a pronoun whose antecedent was not selected.
    Pronoun,
    /// It opens with a connective whose premise was not selected.
    Connective,
    /// It is cut before its end, mid-clause.
    Cut,
}

/// One sentence of a summary, as the check reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extracted<'a> {
    /// Its index among the document's sentences; `None` when it was not
    /// found in the document.
    pub index: Option<usize>,
    /// Its text in the summary (the kept start of the sentence when cut).
    pub text: &'a str,
    /// Whether the summary keeps only the start of the document's sentence.
    pub cut: bool,
}

/// The outcome for one summary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Check {
    /// Summary sentences found in the document (the denominator).
    pub counted: usize,
    /// The flagged ones: position in the summary, and why.
    pub flagged: Vec<(usize, Flag)>,
}

impl Check {
    /// Flagged sentences over counted ones; `None` when none is counted.
    pub fn share(&self) -> Option<f64> {
        (self.counted > 0).then(|| self.flagged.len() as f64 / self.counted as f64)
    }
}

/// Checks `sentences`, a summary in reading order, written in `language`:
/// `None` for a language whose word lists the check lacks (any but English).
pub fn check(sentences: &[Extracted<'_>], language: Language) -> Option<Check> {
    if !has_word_lists(language) {
        return None;
    }
    let mut result = Check::default();
    for (position, sentence) in sentences.iter().enumerate() {
        let Some(index) = sentence.index else { continue };
        result.counted += 1;
        let previous = position.checked_sub(1).and_then(|p| sentences[p].index);
        let antecedent_missing = index > 0 && previous != Some(index - 1);
        let opening = if antecedent_missing { opening(sentence.text) } else { None };
        let flag = opening.or_else(|| (sentence.cut && !ends_a_sentence(sentence.text)).then_some(Flag::Cut));
        if let Some(flag) = flag {
            result.flagged.push((position, flag));
        }
    }
    Some(result)
}

/// Checks `summary`, any text, as an extract of `source` ([`align`]):
/// `None` as [`check`] says, without aligning.
pub fn check_text(summary: &str, source: &str, language: Language) -> Option<Check> {
    has_word_lists(language).then(|| check(&align(summary, source, language), language)).flatten()
}

/// Whether the check has word lists for `language` (English only).
fn has_word_lists(language: Language) -> bool {
    language == Language::English
}

/// The sentences a summarizer selected from `doc`: `sentences` in summary
/// order, the last one kept to `truncated_len` bytes when a budget cut it.
///
/// A `truncated_len` that is no character boundary keeps the whole sentence.
///
/// # Panics
/// If an index is not a sentence of `doc` (as [`PreparedDocument::sentence_text`]).
pub fn selected<'a>(
    doc: &'a PreparedDocument,
    sentences: &[usize],
    truncated_len: Option<usize>,
) -> Vec<Extracted<'a>> {
    let last = sentences.len().checked_sub(1);
    sentences
        .iter()
        .enumerate()
        .map(|(position, &index)| {
            let full = doc.sentence_text(index);
            let kept = match truncated_len {
                Some(len) if Some(position) == last => len.min(full.len()),
                _ => full.len(),
            };
            let text = full.get(..kept).unwrap_or(full);
            Extracted { index: Some(index), text, cut: text.trim_end().len() < full.trim_end().len() }
        })
        .collect()
}

/// `summary` aligned to `source`, both split into sentences by `language`'s
/// rules (see the module's documentation).
pub fn align<'a>(summary: &'a str, source: &str, language: Language) -> Vec<Extracted<'a>> {
    let document: Vec<String> =
        sentence_spans_in(source, language).into_iter().map(|span| collapsed(&source[span])).collect();
    let mut by_text: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (index, text) in document.iter().enumerate() {
        by_text.entry(text.as_str()).or_default().push(index);
    }
    let mut previous: Option<usize> = None;
    let spans: Vec<Range<usize>> = sentence_spans_in(summary, language);
    spans
        .into_iter()
        .map(|span| {
            let text = &summary[span];
            let key = collapsed(text);
            let whole = by_text.get(key.as_str()).map(|found| after(found, previous));
            let (index, cut) = match whole {
                Some(index) => (Some(index), false),
                None => {
                    let starts: Vec<usize> = (0..document.len())
                        .filter(|&i| document[i].len() > key.len() && document[i].starts_with(&key))
                        .collect();
                    let index = (!key.is_empty() && !starts.is_empty()).then(|| after(&starts, previous));
                    (index, index.is_some())
                }
            };
            if index.is_some() {
                previous = index;
            }
            Extracted { index, text, cut }
        })
        .collect()
}

/// The first of `found` (increasing, not empty) after `previous`, else the first.
fn after(found: &[usize], previous: Option<usize>) -> usize {
    found.iter().copied().find(|&i| previous.is_none_or(|p| i > p)).unwrap_or(found[0])
}

/// `text`'s words joined by single spaces.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` opens with a listed pronoun or connective (and no exception).
fn opening(text: &str) -> Option<Flag> {
    let start = text.find(char::is_alphanumeric)?;
    let words: Vec<&str> = text[start..]
        .split(|c: char| !(c.is_alphabetic() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(MAX_OPENING_WORDS)
        .collect();
    let first = *words.first()?;
    // A digit first (`1990 was…`) splits to no word at the start.
    if !text[start..].starts_with(first) || is_acronym(first) {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let opens_with = |phrase: &&str| {
        let parts: Vec<&str> = phrase.split(' ').collect();
        parts.len() <= lower.len() && parts.iter().zip(&lower).all(|(p, w)| p == w)
    };
    if EXCEPTIONS.iter().any(opens_with) {
        None
    } else if PRONOUNS.iter().any(opens_with) {
        Some(Flag::Pronoun)
    } else if CONNECTIVES.iter().any(opens_with) {
        Some(Flag::Connective)
    } else {
        None
    }
}

/// Two or more letters, all capitals: an acronym (`IT`, `US`), not a pronoun.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// Whether `text` ends in terminal punctuation, closing quotes and brackets aside.
fn ends_a_sentence(text: &str) -> bool {
    let closing = |c: char| "\"'”’»)]}」』".contains(c);
    text.trim_end().trim_end_matches(closing).ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Language {
        Language::English
    }

    fn found(index: usize, text: &str) -> Extracted<'_> {
        Extracted { index: Some(index), text, cut: false }
    }

    #[test]
    fn openings_after_marks_and_in_any_case() {
        assert_eq!(opening("He left."), Some(Flag::Pronoun));
        assert_eq!(opening("“It's over,” she said."), Some(Flag::Pronoun));
        assert_eq!(opening("(Their plan failed.)"), Some(Flag::Pronoun));
        assert_eq!(opening("— however, nothing changed."), Some(Flag::Connective));
        assert_eq!(opening("In addition, taxes rose."), Some(Flag::Connective));
        assert_eq!(opening("On the other hand it rained."), Some(Flag::Connective));
        assert_eq!(opening("The latter won."), Some(Flag::Pronoun));
        // Not listed, only the start of a listed word, or a listed word later on.
        for text in ["Helen left.", "Item 3 passed.", "Thesis: none.", "In Paris, it rained."] {
            assert_eq!(opening(text), None, "{text}");
        }
        // Hyphenated words are one word; exceptions; acronyms; a number first.
        for text in [
            "So-called experts",
            "This year, prices rose.",
            "Yet another storm.",
            "IT spending rose.",
            "1990: It began.",
        ] {
            assert_eq!(opening(text), None, "{text}");
        }
        assert_eq!(opening("This week's storm"), None);
        assert_eq!(opening("This Act may be cited as the Clean Water Act."), None);
        assert_eq!(opening("This is new."), Some(Flag::Pronoun));
        assert_eq!(opening(""), None);
        assert_eq!(opening("“…”"), None);
    }

    #[test]
    fn terminal_punctuation_closes_a_cut() {
        assert!(ends_a_sentence("He won."));
        assert!(ends_a_sentence("“We won!” "));
        assert!(ends_a_sentence("(See below.)"));
        assert!(ends_a_sentence("完了。"));
        assert!(!ends_a_sentence("He won the"));
        assert!(!ends_a_sentence("He won,"));
    }

    #[test]
    fn a_pronoun_is_flagged_only_without_the_sentence_before() {
        // Document sentences 0..4; the summary holds 0, 2 ("He …") and 3 ("But …").
        // 2 opens with "He" and 1 is missing: flagged. 3 opens with "But" but 2,
        // just before it, is there: not flagged. 0 is the document's first.
        // 1 of 3 sentences flagged: 1/3.
        let summary =
            [found(0, "Ann Lee won the race."), found(2, "He came second."), found(3, "But he was happy.")];
        let check = check(&summary, english()).unwrap();
        assert_eq!(check.counted, 3);
        assert_eq!(check.flagged, [(1, Flag::Pronoun)]);
        assert_eq!(check.share(), Some(1.0 / 3.0));
    }

    #[test]
    fn the_first_sentence_never_dangles_and_order_matters() {
        // Sentence 0 of the document opening with "However" has nothing before it to miss.
        assert_eq!(check(&[found(0, "However, it rained.")], english()).unwrap().share(), Some(0.0));
        // Sentences 4 then 3 (reordered): 3 follows 4, not 2, so "They …" dangles;
        // 4 is first in the summary, so "Also …" dangles too: 2 of 2.
        let summary = [found(4, "Also, rain fell."), found(3, "They left.")];
        let check = check(&summary, english()).unwrap();
        assert_eq!(check.flagged, [(0, Flag::Connective), (1, Flag::Pronoun)]);
        assert_eq!(check.share(), Some(1.0));
    }

    #[test]
    fn a_cut_is_flagged_unless_it_ends_a_sentence() {
        let cut = |index, text| Extracted { index: Some(index), text, cut: true };
        // A cut mid-clause: 1 of 2. A cut after a quoted sentence: 0 of 2.
        let summary = [found(0, "Rain fell."), cut(1, "The river rose to")];
        assert_eq!(check(&summary, english()).unwrap().flagged, [(1, Flag::Cut)]);
        let summary = [found(0, "Rain fell."), cut(1, "“Go home.”")];
        assert_eq!(check(&summary, english()).unwrap().share(), Some(0.0));
    }

    #[test]
    fn unfound_sentences_are_not_counted_but_stand_between() {
        let summary = [
            found(0, "Ann Lee won."),
            Extracted { index: None, text: "A rewritten line.", cut: false },
            found(1, "She was happy."),
        ];
        // Counted: 2 (the unfound one is not). "She" follows an unfound
        // sentence, not sentence 0: flagged. 1 of 2.
        let check = check(&summary, english()).unwrap();
        assert_eq!((check.counted, check.flagged.clone()), (2, vec![(2, Flag::Pronoun)]));
        assert_eq!(check.share(), Some(0.5));
    }

    #[test]
    fn undefined_for_nothing_counted_and_other_languages() {
        assert_eq!(check(&[], english()).unwrap().share(), None);
        let unfound = [Extracted { index: None, text: "He left.", cut: false }];
        assert_eq!(check(&unfound, english()).unwrap().share(), None);
        assert_eq!(check(&[found(1, "Er ging.")], Language::German), None);
    }

    #[test]
    fn selected_sentences_and_the_cut_one() {
        let doc = PreparedDocument::from_text("Ann won. She smiled at the crowd. It rained.");
        // Sentences 1 and 2, the last kept to 3 bytes ("It "). "She" opens the
        // summary and sentence 0 is not in it: flagged. "It" follows sentence
        // 1, its antecedent, but is cut and ends no sentence: flagged. 2 of 2.
        let summary = selected(&doc, &[1, 2], Some(3));
        assert_eq!(summary[1], Extracted { index: Some(2), text: "It ", cut: true });
        let check = check(&summary, english()).unwrap();
        assert_eq!(check.flagged, [(0, Flag::Pronoun), (1, Flag::Cut)]);
        assert_eq!(check.share(), Some(1.0));
        // Kept whole: a truncated_len of the full length is no cut.
        let whole = selected(&doc, &[0, 1], Some("She smiled at the crowd.".len()));
        assert!(!whole[1].cut);
        assert_eq!(super::check(&whole, english()).unwrap().share(), Some(0.0));
    }

    #[test]
    fn outside_summaries_are_aligned_by_text() {
        let source = "Ann   Lee won the race.\nShe came first. Bob came second. He was happy. He left.";
        // "He was happy." follows "Bob came second." (sentence 2): aligned to 3,
        // not flagged. "He left." is document sentence 4 and follows 3: fine.
        // "Bob came" is a strict prefix of sentence 2: cut. "A new line." is
        // nowhere: not counted.
        let summary = "Ann Lee won the race. A new line. Bob came second. He was happy. He left. Bob came";
        let aligned = align(summary, source, english());
        let indices: Vec<Option<usize>> = aligned.iter().map(|s| s.index).collect();
        assert_eq!(indices, [Some(0), None, Some(2), Some(3), Some(4), Some(2)]);
        assert_eq!(
            aligned.iter().map(|s| s.cut).collect::<Vec<_>>(),
            [false, false, false, false, false, true]
        );
        // Counted 5; flagged: the cut "Bob came" only: 1/5.
        let check = check(&aligned, english()).unwrap();
        assert_eq!(check.flagged, [(5, Flag::Cut)]);
        assert_eq!(check.share(), Some(0.2));
    }

    #[test]
    fn repeated_sentences_align_after_the_previous_match() {
        let source = "Rain fell. It stopped. Sun came. Rain fell. It stopped.";
        // The second "Rain fell." after sentence 2 is sentence 3, then "It
        // stopped." is 4 (after 3): nothing flagged.
        let aligned = align("Sun came. Rain fell. It stopped.", source, english());
        assert_eq!(aligned.iter().map(|s| s.index).collect::<Vec<_>>(), [Some(2), Some(3), Some(4)]);
        assert_eq!(check(&aligned, english()).unwrap().share(), Some(0.0));
    }
}
