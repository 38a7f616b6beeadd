//! What the pages highlight: a document's sentences (the spans of
//! [`crate::text::sentence_spans`], the ones summaries.jsonl's indices count),
//! only as far as a summary holds them (a sentence cut to fit a word or byte
//! budget is highlighted up to the cut, see [`summary_extents`]), and a
//! summary's unigrams and bigrams that occur in a reference.
//!
//! Matching uses simple tokens, not ROUGE's: maximal runs of alphanumeric
//! characters (`char::is_alphanumeric`), lowercased, no stemming. A token is
//! marked as a bigram match when it forms, with its left or right neighbour,
//! a bigram of some reference; else as a unigram match when some reference
//! holds it. Texts longer than the page's bounds are cut at a character
//! boundary (see [`truncate`]) and the page says so.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::sentence_spans;

/// `text` cut to at most `max` bytes, at a character boundary.
pub fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A matching token: its byte span and its lowercased form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// The lowercased token.
    pub word: String,
}

/// The tokens of `text` (see the module documentation).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    each_token(text, |span, word| out.push(Token { span, word: word.to_string() }));
    out
}

/// Calls `f` with the span and the lowercased form of each token of `text`
/// (the ones [`tokens`] gives), lowercasing into one reused buffer.
fn each_token(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    let mut lower = String::new();
    let mut start = None;
    let mut step = |i: usize, alphanumeric: bool| match (alphanumeric, start) {
        (true, None) => start = Some(i),
        (false, Some(s)) => {
            let raw = &text[s..i];
            lower.clear();
            if raw.is_ascii() {
                lower.push_str(raw);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&raw.to_lowercase());
            }
            f(s..i, &lower);
            start = None;
        }
        _ => {}
    };
    if text.is_ascii() {
        text.bytes().enumerate().for_each(|(i, b)| step(i, b.is_ascii_alphanumeric()));
    } else {
        text.char_indices().for_each(|(i, c)| step(i, c.is_alphanumeric()));
    }
    step(text.len(), false);
}

/// How a stretch of a summary matches the references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// No match (or text between tokens).
    None,
    /// The token occurs in a reference.
    Unigram,
    /// The token is part of a bigram that occurs in a reference.
    Bigram,
}

/// The unigrams and bigrams of one document's references, gathered once and
/// matched against each of its summaries ([`ngram_marks`]). Words get numbers,
/// so a bigram is a pair of numbers and no lookup copies a word.
#[derive(Debug, Clone, Default)]
pub struct ReferenceGrams {
    words: FxHashMap<String, u32>,
    bigrams: FxHashSet<(u32, u32)>,
}

impl ReferenceGrams {
    /// The n-grams of `references`.
    pub fn new(references: &[String]) -> Self {
        let mut grams = ReferenceGrams::default();
        for reference in references {
            let mut previous = None;
            each_token(reference, |_, word| {
                let id = match grams.words.get(word) {
                    Some(&id) => id,
                    None => {
                        let next = grams.words.len() as u32;
                        grams.words.insert(word.to_string(), next);
                        next
                    }
                };
                if let Some(previous) = previous {
                    grams.bigrams.insert((previous, id));
                }
                previous = Some(id);
            });
        }
        grams
    }
}

/// `summary` split into consecutive stretches with their [`Mark`] against
/// `references`; the spans cover the whole text, in order. The gap between
/// two tokens with the same mark takes that mark, and equal neighbours are merged.
pub fn ngram_marks(summary: &str, references: &ReferenceGrams) -> Vec<(Range<usize>, Mark)> {
    let (mut spans, mut ids) = (Vec::new(), Vec::new());
    each_token(summary, |span, word| {
        spans.push(span);
        ids.push(references.words.get(word).copied());
    });
    let in_bigram = |a: usize, b: usize| match (ids[a], ids[b]) {
        (Some(a), Some(b)) => references.bigrams.contains(&(a, b)),
        _ => false,
    };
    let marks: Vec<Mark> = (0..spans.len())
        .map(|i| {
            if (i > 0 && in_bigram(i - 1, i)) || (i + 1 < spans.len() && in_bigram(i, i + 1)) {
                Mark::Bigram
            } else if ids[i].is_some() {
                Mark::Unigram
            } else {
                Mark::None
            }
        })
        .collect();
    let mut out: Vec<(Range<usize>, Mark)> = Vec::new();
    let mut push = |span: Range<usize>, mark: Mark| {
        if span.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((last, m)) if *m == mark && last.end == span.start => last.end = span.end,
            _ => out.push((span, mark)),
        }
    };
    let mut at = 0;
    for (i, span) in spans.into_iter().enumerate() {
        let gap_mark = if i > 0 && marks[i - 1] == marks[i] { marks[i] } else { Mark::None };
        push(at..span.start, gap_mark);
        at = span.end;
        push(span, marks[i]);
    }
    push(at..summary.len(), Mark::None);
    out
}

/// The part of the document each chosen sentence gives the summary:
/// `(sentence, byte range in text)` for each index of `chosen` (document
/// order) that has a span in `spans`. `summary` is the chosen spans' texts
/// joined by newlines, the last one possibly cut to a budget (as
/// summaries.jsonl holds it), so the last sentence keeps what is left of
/// `summary` after the others and their newlines. When that rest is not the
/// start of the sentence (a summary not made that way), the sentence counts
/// whole.
pub fn summary_extents(
    chosen: &[usize],
    summary: &str,
    text: &str,
    spans: &[Range<usize>],
) -> Vec<(usize, Range<usize>)> {
    let shown: Vec<usize> = chosen.iter().copied().filter(|&i| i < spans.len()).collect();
    let before: usize = match shown.split_last() {
        Some((_, rest)) => rest.iter().map(|&i| spans[i].len() + 1).sum(),
        None => 0,
    };
    shown
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let span = spans[i].clone();
            let is_last = k + 1 == shown.len() && shown.len() == chosen.len();
            let kept = summary.len().checked_sub(before).filter(|&kept| {
                is_last
                    && kept < span.len()
                    && text.is_char_boundary(span.start + kept)
                    && summary.ends_with(&text[span.start..span.start + kept])
            });
            (i, span.start..kept.map_or(span.end, |kept| span.start + kept))
        })
        .collect()
}

/// A document's text as the page shows it: cut to a bound, with the sentence
/// spans that lie inside the cut.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentText {
    /// The (possibly cut) text.
    pub text: String,
    /// Bytes of the whole text.
    pub full_bytes: usize,
    /// Sentences in the whole text.
    pub full_sentences: usize,
    /// Sentence spans inside `text`, numbered from 0 like summaries.jsonl's.
    pub sentences: Vec<Range<usize>>,
}

impl DocumentText {
    /// Segments `text` and keeps its first `max` bytes.
    pub fn new(text: &str, max: usize) -> Self {
        Self::with_spans(text, &sentence_spans(text), max)
    }

    /// `text` with its sentence spans as the run segmented it, cut to its first `max` bytes.
    pub fn with_spans(text: &str, spans: &[Range<usize>], max: usize) -> Self {
        let cut = truncate(text, max);
        let sentences = spans.iter().take_while(|s| s.end <= cut.len()).cloned().collect();
        DocumentText { text: cut.to_string(), full_bytes: text.len(), full_sentences: spans.len(), sentences }
    }

    /// Whether the text was cut.
    pub fn is_cut(&self) -> bool {
        self.text.len() < self.full_bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_at_a_character_boundary() {
        assert_eq!(truncate("héllo", 2), "h");
        assert_eq!(truncate("héllo", 3), "hé");
        assert_eq!(truncate("abc", 10), "abc");
    }

    #[test]
    fn tokens_are_lowercase_alphanumeric_runs() {
        let words: Vec<String> = tokens("The cat's 3 naïve-Dogs!").into_iter().map(|t| t.word).collect();
        assert_eq!(words, ["the", "cat", "s", "3", "naïve", "dogs"]);
    }

    #[test]
    fn marks_cover_the_text_and_find_bigrams() {
        let summary = "The black cat sat, dog.";
        let marks = ngram_marks(summary, &ReferenceGrams::new(&["a black cat ran".into(), "dog".into()]));
        let shown: Vec<(&str, Mark)> = marks.iter().map(|(r, m)| (&summary[r.clone()], *m)).collect();
        assert_eq!(
            shown,
            [
                ("The ", Mark::None),
                ("black cat", Mark::Bigram),
                (" sat, ", Mark::None),
                ("dog", Mark::Unigram),
                (".", Mark::None)
            ]
        );
    }

    #[test]
    fn a_cut_last_sentence_is_highlighted_up_to_the_cut() {
        let text = "One two. Three four five six. Seven.";
        let spans = [0..8, 9..29, 30..36];
        // Sentences 0 and 1 under a 4-word budget: "One two.\nThree four" (8 + 1 + 10 bytes).
        assert_eq!(summary_extents(&[0, 1], "One two.\nThree four", text, &spans), [(0, 0..8), (1, 9..19)]);
        // Whole sentences: whole spans.
        assert_eq!(summary_extents(&[0, 2], "One two.\nSeven.", text, &spans), [(0, 0..8), (2, 30..36)]);
        // A text that is not the sentences' (an outside summary): whole spans.
        assert_eq!(summary_extents(&[1], "Something else", text, &spans), [(1, 9..29)]);
        // A chosen sentence beyond the page's cut is left out, and the one shown is whole.
        assert_eq!(summary_extents(&[0, 5], "One two.\nEl", text, &spans), [(0, 0..8)]);
    }

    #[test]
    fn cut_text_keeps_whole_sentences_only() {
        let text = "One sentence here. Another one follows. And a third.";
        let doc = DocumentText::new(text, 30);
        assert!(doc.is_cut());
        assert_eq!(doc.full_sentences, 3);
        assert_eq!(doc.sentences.len(), 1);
    }
}
