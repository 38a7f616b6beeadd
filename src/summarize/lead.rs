//! `lead`: the first sentences of the document, the standard news baseline
//! (see e.g. Nenkova 2005, "Automatic text summarization of newswire: lessons
//! learned from the Document Understanding Conference"). No parameters.

use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "lead";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "first sentences in document order (news baseline)";

/// Lead has no parameters.
#[derive(Debug, Clone, Copy, Default)]
pub struct Params;

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> Lead {
        Lead
    }
}

/// The Lead-N summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lead;

impl Summarizer for Lead {
    fn name(&self) -> &str {
        NAME
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let n = doc.sentences.len();
        // Score 1/(position+1): earlier is better.
        Ranking { order: (0..n).collect(), scores: (0..n).map(|i| 1.0 / (i + 1) as f64).collect() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::WordTokenizer;

    #[test]
    fn takes_the_first_sentences() {
        let d = Document {
            id: "d".into(),
            title: None,
            text: "A b. C d. E f.".into(),
            references: vec![],
            language: None,
        };
        let doc = PreparedDocument::new(d, &WordTokenizer::english());
        let s = Lead.summarize(&doc, &Budget::Sentences(2));
        assert_eq!(s.sentences, [0, 1]);
    }
}
