//! The rows every report is built from: one [`ScoreRecord`] per corpus ×
//! document × summarizer × metric, one [`SummaryRecord`] per summary.

use serde::{Deserialize, Serialize};

/// One row of `scores.csv`: the score of one summary under one metric.
/// Scores are fractions in [0, 1], as rouge-score reports them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreRecord {
    /// Corpus name (the corpus path's final component).
    pub corpus: String,
    /// Document id.
    pub doc_id: String,
    /// Summarizer (or outside system) name.
    pub summarizer: String,
    /// Metric name, e.g. `rouge1`, `rougeLsum`, `rougeSU4`.
    pub metric: String,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F-measure.
    pub fmeasure: f64,
    /// The budget as given on the command line, e.g. `3s`, `100w`, `ref`.
    pub budget: String,
}

/// One line of `summaries.jsonl`: a summary for inspection and re-scoring.
///
/// A run's summaries are extractive: their text is the document's own
/// sentences `sentences` (as [`crate::text::sentence_spans_in`] splits the
/// document in its language), the last one cut to `cut` bytes where a budget
/// cut it, one sentence per line. By default `summaries.jsonl` leaves the
/// text out (the corpus holds it, and `run.json` its SHA-256); read back,
/// such a record has an empty `text` until [`SummaryRecord::fill_text`]
/// rebuilds it from the document. Outside systems' summaries have no
/// sentences and always keep their text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRecord {
    /// Corpus name.
    pub corpus: String,
    /// Document id.
    pub doc_id: String,
    /// Summarizer (or outside system) name.
    pub summarizer: String,
    /// Chosen sentence indices in document order (empty for outside systems).
    pub sentences: Vec<usize>,
    /// Bytes kept of the last chosen sentence, when a word, character or
    /// byte budget cut it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut: Option<usize>,
    /// The summary text, one sentence per line (empty when read from a
    /// `summaries.jsonl` that leaves it out: see [`SummaryRecord::needs_text`]).
    #[serde(default)]
    pub text: String,
    /// Words in `text` (whitespace-separated, or in unspaced scripts the
    /// word splitter's: see [`crate::lang::word_count`]).
    pub words: usize,
    /// The document's language, as given or detected (`en` in files written
    /// before languages existed).
    #[serde(default)]
    pub language: crate::lang::Language,
}

impl SummaryRecord {
    /// Whether the text was left out and must be rebuilt from the document
    /// ([`SummaryRecord::fill_text`]).
    pub fn needs_text(&self) -> bool {
        self.text.is_empty() && !self.sentences.is_empty()
    }

    /// The summary's text rebuilt from `document` (the document's text as the
    /// run read it): its sentences, split as the run split them, the last one
    /// cut, one per line. It is checked against the record: an index past the
    /// document's sentences, a cut that does not fit, or a word count other than
    /// [`SummaryRecord::words`] is an error naming the summary (the document is
    /// not the one the run read, or another version split it otherwise).
    pub fn text_from(&self, document: &str) -> Result<String, String> {
        let spans = crate::text::sentence_spans_in(document, self.language);
        let fail = |why: String| {
            format!(
                "summary of document `{}` by `{}` cannot be rebuilt from the corpus: {why}",
                self.doc_id, self.summarizer
            )
        };
        let mut parts = Vec::with_capacity(self.sentences.len());
        for (k, &i) in self.sentences.iter().enumerate() {
            let Some(span) = spans.get(i) else {
                return Err(fail(format!("the document has {} sentences, not {}", spans.len(), i + 1)));
            };
            let end = match self.cut {
                Some(cut) if k + 1 == self.sentences.len() => span.start + cut,
                _ => span.end,
            };
            match document.get(span.start..end).filter(|_| end <= span.end) {
                Some(part) => parts.push(part),
                None => {
                    return Err(fail(format!("sentence {i} has no cut after {} bytes", end - span.start)));
                }
            }
        }
        let text = parts.join("\n");
        let words = crate::lang::word_count(self.language, &text);
        if words != self.words {
            return Err(fail(format!("it has {words} words, the run counted {}", self.words)));
        }
        Ok(text)
    }

    /// Sets `text` from `document` when it [needs it](SummaryRecord::needs_text).
    pub fn fill_text(&mut self, document: &str) -> Result<(), String> {
        if self.needs_text() {
            self.text = self.text_from(document)?;
        }
        Ok(())
    }

    /// The record as one `summaries.jsonl` line (without its newline). The
    /// text is left out when `with_text` is false and the sentences give it
    /// back (an extractive summary), and whenever it [is not known](SummaryRecord::needs_text).
    pub fn to_line(&self, with_text: bool) -> String {
        /// The line's fields, in the record's order.
        #[derive(Serialize)]
        struct Line<'a> {
            corpus: &'a str,
            doc_id: &'a str,
            summarizer: &'a str,
            sentences: &'a [usize],
            #[serde(skip_serializing_if = "Option::is_none")]
            cut: Option<usize>,
            #[serde(skip_serializing_if = "Option::is_none")]
            text: Option<&'a str>,
            words: usize,
            language: crate::lang::Language,
        }
        let keep = (with_text || self.sentences.is_empty()) && !self.needs_text();
        let line = Line {
            corpus: &self.corpus,
            doc_id: &self.doc_id,
            summarizer: &self.summarizer,
            sentences: &self.sentences,
            cut: self.cut,
            text: keep.then_some(self.text.as_str()),
            words: self.words,
            language: self.language,
        };
        serde_json::to_string(&line).expect("a summary line serializes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Rain fell. Roads shut. Schools closed early." is split into sentences at bytes
    /// 0..10, 11..22 and 23..44.
    const DOCUMENT: &str = "Rain fell. Roads shut. Schools closed early.";

    fn record(sentences: Vec<usize>, cut: Option<usize>, text: &str, words: usize) -> SummaryRecord {
        SummaryRecord {
            corpus: "c".into(),
            doc_id: "d".into(),
            summarizer: "lead".into(),
            sentences,
            cut,
            text: text.into(),
            words,
            language: crate::lang::Language::English,
        }
    }

    #[test]
    fn text_is_the_sentences_one_per_line_the_last_cut() {
        // Sentences 0 and 2, the last cut after "Schools closed" (14 bytes): 4 words.
        let mut r = record(vec![0, 2], Some(14), "", 4);
        assert!(r.needs_text());
        r.fill_text(DOCUMENT).unwrap();
        assert_eq!(r.text, "Rain fell.\nSchools closed");
        assert!(!r.needs_text());
        assert_eq!(record(vec![1], None, "", 2).text_from(DOCUMENT).unwrap(), "Roads shut.");
    }

    #[test]
    fn a_summary_that_does_not_fit_the_document_is_an_error_naming_it() {
        let because = |r: SummaryRecord| r.text_from(DOCUMENT).unwrap_err();
        let prefix = "summary of document `d` by `lead` cannot be rebuilt from the corpus: ";
        assert_eq!(
            because(record(vec![3], None, "", 1)),
            format!("{prefix}the document has 3 sentences, not 4")
        );
        assert_eq!(
            because(record(vec![0], Some(30), "", 1)),
            format!("{prefix}sentence 0 has no cut after 30 bytes")
        );
        assert_eq!(
            because(record(vec![0, 1], None, "", 9)),
            format!("{prefix}it has 4 words, the run counted 9")
        );
        // A cut inside a character: "é" is two bytes.
        assert!(record(vec![0], Some(1), "", 1).text_from("é.").is_err());
    }

    #[test]
    fn lines_leave_out_what_the_sentences_give_back() {
        let r = record(vec![0, 2], Some(14), "Rain fell.\nSchools closed", 4);
        assert_eq!(
            r.to_line(false),
            r#"{"corpus":"c","doc_id":"d","summarizer":"lead","sentences":[0,2],"cut":14,"words":4,"language":"en"}"#
        );
        assert_eq!(
            r.to_line(true),
            r#"{"corpus":"c","doc_id":"d","summarizer":"lead","sentences":[0,2],"cut":14,"text":"Rain fell.\nSchools closed","words":4,"language":"en"}"#
        );
        // An outside system's summary has no sentences: its text is always kept.
        let outside = record(vec![], None, "Theirs.", 1);
        assert!(outside.to_line(false).contains(r#""text":"Theirs.""#));
        // Read back, a line without text needs it; with text it is whole.
        let back: SummaryRecord = serde_json::from_str(&r.to_line(false)).unwrap();
        assert!(back.needs_text() && back.text.is_empty());
        let whole: SummaryRecord = serde_json::from_str(&r.to_line(true)).unwrap();
        assert_eq!(whole, r);
        let uncut: SummaryRecord =
            serde_json::from_str(&record(vec![1], None, "", 2).to_line(false)).unwrap();
        assert_eq!(uncut.cut, None);
    }

    #[test]
    fn kept_texts_and_outside_summaries_are_left_alone() {
        assert!(!record(vec![0], None, "Rain fell.", 2).needs_text());
        assert!(!record(vec![], None, "An outside system's summary.", 4).needs_text());
    }
}
