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
/// A run's summaries are extractive: their text is the document's own bytes
/// at `spans`, one sentence per line. By default `summaries.jsonl` keeps the
/// spans and leaves the text out (the corpus holds it, and `run.json` its
/// SHA-256); read back, such a record has an empty `text` until
/// [`SummaryRecord::fill_text`] takes it from the document. Outside systems'
/// summaries have no spans and always keep their text.
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
    /// The byte ranges `[start, end)` of the summary's sentences in the
    /// document text, the last one cut where a budget cut it (empty for
    /// outside systems, and in files written before spans existed).
    #[serde(default)]
    pub spans: Vec<[usize; 2]>,
    /// The summary text, one sentence per line (empty when read from a
    /// `summaries.jsonl` that keeps spans only: see [`SummaryRecord::needs_text`]).
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
    /// Whether the text was left out and must be taken from the document
    /// ([`SummaryRecord::fill_text`]).
    pub fn needs_text(&self) -> bool {
        self.text.is_empty() && !self.spans.is_empty()
    }

    /// The text of `spans` in `document` (the document's text as the run read
    /// it), one sentence per line; an error when a span does not fit the
    /// document (not the document the run read).
    pub fn text_from(&self, document: &str) -> Result<String, String> {
        let mut parts = Vec::with_capacity(self.spans.len());
        for &[start, end] in &self.spans {
            match document.get(start..end) {
                Some(part) => parts.push(part),
                None => {
                    return Err(format!(
                        "summary of document `{}` by `{}`: bytes {start}..{end} are not a span of the document's {} bytes of text",
                        self.doc_id,
                        self.summarizer,
                        document.len()
                    ));
                }
            }
        }
        Ok(parts.join("\n"))
    }

    /// The record as one `summaries.jsonl` line (without its newline). The
    /// text is left out when `with_text` is false and the spans give it back
    /// (an extractive summary), and whenever it [is not known](SummaryRecord::needs_text).
    pub fn to_line(&self, with_text: bool) -> String {
        /// The line's fields, in the record's order.
        #[derive(Serialize)]
        struct Line<'a> {
            corpus: &'a str,
            doc_id: &'a str,
            summarizer: &'a str,
            sentences: &'a [usize],
            spans: &'a [[usize; 2]],
            #[serde(skip_serializing_if = "Option::is_none")]
            text: Option<&'a str>,
            words: usize,
            language: crate::lang::Language,
        }
        let keep = (with_text || self.spans.is_empty()) && !self.needs_text();
        let line = Line {
            corpus: &self.corpus,
            doc_id: &self.doc_id,
            summarizer: &self.summarizer,
            sentences: &self.sentences,
            spans: &self.spans,
            text: keep.then_some(self.text.as_str()),
            words: self.words,
            language: self.language,
        };
        serde_json::to_string(&line).expect("a summary line serializes")
    }

    /// Sets `text` from `document` when it [needs it](SummaryRecord::needs_text).
    pub fn fill_text(&mut self, document: &str) -> Result<(), String> {
        if self.needs_text() {
            self.text = self.text_from(document)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(spans: Vec<[usize; 2]>, text: &str) -> SummaryRecord {
        SummaryRecord {
            corpus: "c".into(),
            doc_id: "d".into(),
            summarizer: "lead".into(),
            sentences: vec![0, 2],
            spans,
            text: text.into(),
            words: 4,
            language: crate::lang::Language::English,
        }
    }

    #[test]
    fn text_is_the_spans_one_per_line() {
        // "Rain fell. Roads shut. Schools closed early." with sentences 0 and 2, the last
        // cut after "Schools closed" (bytes 23..37).
        let document = "Rain fell. Roads shut. Schools closed early.";
        let mut r = record(vec![[0, 10], [23, 37]], "");
        assert!(r.needs_text());
        r.fill_text(document).unwrap();
        assert_eq!(r.text, "Rain fell.\nSchools closed");
        assert!(!r.needs_text());
    }

    #[test]
    fn a_span_outside_the_document_is_an_error_naming_it() {
        let r = record(vec![[0, 10], [23, 99]], "");
        let error = r.text_from("Rain fell. Roads shut.").unwrap_err();
        assert_eq!(
            error,
            "summary of document `d` by `lead`: bytes 23..99 are not a span of the document's 22 bytes of text"
        );
        // Not on a character boundary: "é" is two bytes.
        assert!(record(vec![[0, 1]], "").text_from("é").is_err());
    }

    #[test]
    fn lines_leave_out_what_the_spans_give_back() {
        let r = record(vec![[0, 4]], "Rain");
        assert_eq!(
            r.to_line(false),
            r#"{"corpus":"c","doc_id":"d","summarizer":"lead","sentences":[0,2],"spans":[[0,4]],"words":4,"language":"en"}"#
        );
        assert_eq!(
            r.to_line(true),
            r#"{"corpus":"c","doc_id":"d","summarizer":"lead","sentences":[0,2],"spans":[[0,4]],"text":"Rain","words":4,"language":"en"}"#
        );
        // An outside system's summary has no spans: its text is always kept.
        let outside = SummaryRecord { sentences: vec![], ..record(vec![], "Theirs.") };
        assert!(outside.to_line(false).contains(r#""text":"Theirs.""#));
        // Read back, a line without text needs it; with text it is whole.
        let back: SummaryRecord = serde_json::from_str(&r.to_line(false)).unwrap();
        assert!(back.needs_text() && back.text.is_empty());
        let whole: SummaryRecord = serde_json::from_str(&r.to_line(true)).unwrap();
        assert_eq!(whole, r);
    }

    #[test]
    fn kept_texts_and_outside_summaries_are_left_alone() {
        assert!(!record(vec![[0, 4]], "Rain").needs_text());
        assert!(!record(vec![], "An outside system's summary.").needs_text());
    }
}
