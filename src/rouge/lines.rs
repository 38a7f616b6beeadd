//! How sumbench lays out text for rougeLsum, which scores summary-level LCS
//! over *lines*: one sentence per line. References and outside summaries go
//! through [`sentence_per_line`]; a run's own summaries are made of source
//! sentences and are joined by newlines already. rouge-score leaves this to
//! its caller (its `split_summaries` option uses NLTK's sentence splitter);
//! without it rougeLsum equals rougeL.

use crate::lang::Language;
use crate::text::sentence_spans_in;

/// `text`'s sentences (by sumbench's English segmenter) joined by newlines.
pub fn sentence_per_line(text: &str) -> String {
    sentence_per_line_in(text, Language::English)
}

/// `text`'s sentences, by sumbench's segmenter with `language`'s rules,
/// joined by newlines.
pub fn sentence_per_line_in(text: &str, language: Language) -> String {
    let sentences: Vec<&str> = sentence_spans_in(text, language).into_iter().map(|s| &text[s]).collect();
    sentences.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn puts_one_sentence_per_line() {
        assert_eq!(sentence_per_line("One here. Two there."), "One here.\nTwo there.");
        assert_eq!(sentence_per_line("  "), "");
    }
}
