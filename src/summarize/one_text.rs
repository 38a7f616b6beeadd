//! Summarizing one text on its own, outside a corpus: `sumbench summarize`
//! and the library's quickest entry point.

use super::{Budget, BuildOptions, Summarizer, Summary, UnknownSummarizer, build};
use crate::corpus::Source;
use crate::lang::Language;
use crate::text::{PreparedDocument, WordTokenizer};

/// Why a text cannot be summarized on its own.
#[derive(Debug, thiserror::Error)]
pub enum SummarizeError {
    /// No such summarizer.
    #[error(transparent)]
    Unknown(#[from] UnknownSummarizer),
    /// The summarizer picks sentences by the references, which a lone text lacks.
    #[error(
        "`{0}` picks sentences by their ROUGE against the references (an upper bound for \
         reports), and a text on its own has none: it runs only over a corpus with references"
    )]
    NeedsReferences(String),
}

/// The summary of `text`, written in `language`, by summarizer `name`
/// (default parameters) within `budget`, with the prepared text it indexes
/// into. IDF is per document (the text's sentences as documents), as for
/// any lone document.
pub fn summarize_text(
    text: &str,
    language: Language,
    name: &str,
    budget: &Budget,
    options: &BuildOptions,
) -> Result<(PreparedDocument, Summary), SummarizeError> {
    summarize_text_with(text, language, build(name, options)?.as_ref(), budget)
}

/// The summary of `text` by an already built `summarizer` (e.g. with
/// parameters other than the defaults) within `budget`, as [`summarize_text`].
pub fn summarize_text_with(
    text: &str,
    language: Language,
    summarizer: &dyn Summarizer,
    budget: &Budget,
) -> Result<(PreparedDocument, Summary), SummarizeError> {
    if summarizer.reads_references().is_some() {
        return Err(SummarizeError::NeedsReferences(summarizer.name().to_string()));
    }
    let source = Source { id: "text".into(), title: None, text: text.to_string() };
    let doc = PreparedDocument::new(source, WordTokenizer::shared(language));
    let summary = summarizer.summarize(&doc, budget);
    Ok((doc, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_takes_the_first_sentences_and_the_oracle_is_refused() {
        let text = "Rain fell. The river rose. Roads closed.";
        let (doc, summary) =
            summarize_text(text, Language::English, "lead", &Budget::Sentences(2), &BuildOptions::default())
                .unwrap();
        assert_eq!(summary.sentences, [0, 1]);
        assert_eq!(summary.text(&doc), "Rain fell.\nThe river rose.");
        let oracle = summarize_text(
            text,
            Language::English,
            "oracle",
            &Budget::Sentences(2),
            &BuildOptions::default(),
        );
        assert!(matches!(oracle, Err(SummarizeError::NeedsReferences(name)) if name == "oracle"));
        let unknown =
            summarize_text(text, Language::English, "nope", &Budget::Sentences(2), &BuildOptions::default());
        assert!(matches!(unknown, Err(SummarizeError::Unknown(_))));
    }
}
