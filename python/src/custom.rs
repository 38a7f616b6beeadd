//! A summarizer written in Python: a callable that scores a document's
//! sentences, run by the harness beside the built-in ones.
//!
//! The harness calls [`Summarizer::try_rank`] on rayon threads; each call
//! takes the GIL for the Python call only (the caller of the run has released
//! it, see `harness::run`), so the Python callable runs one document at a
//! time while the rest of the work stays parallel. An exception the callable
//! raises comes back as the [`RankError`], a [`PyErr`], which `harness::run`
//! raises unchanged; a wrong result is an error message.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use sumbench::{Budget, PreparedDocument, RankError, Ranking, Summarizer};

/// A Python callable as a [`Summarizer`]: called as
/// `callable(sentences, title=..., doc_id=...)` with the document's sentences
/// (verbatim text), it returns one score per sentence (higher is better).
pub struct PySummarizer {
    name: String,
    callable: Py<PyAny>,
}

impl PySummarizer {
    /// The summarizer `name` that calls `callable`.
    pub fn new(name: String, callable: Py<PyAny>) -> Self {
        PySummarizer { name, callable }
    }

    /// Calls the callable and checks its scores: its exception as a
    /// [`PyErr`], or what is wrong with its result.
    fn scores(&self, doc: &PreparedDocument) -> Result<Vec<f64>, RankError> {
        let result = Python::attach(|py| -> PyResult<Result<Vec<f64>, String>> {
            let text = &doc.source.text;
            let sentences = PyList::new(py, doc.sentences.iter().map(|s| &text[s.span.clone()]))?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("title", doc.source.title.as_deref())?;
            kwargs.set_item("doc_id", doc.source.id.as_str())?;
            let result = self.callable.bind(py).call((sentences,), Some(&kwargs))?;
            Ok(result.extract().map_err(|e: PyErr| e.to_string()))
        })?;
        let scores =
            result.map_err(|e| format!("expected a list of numbers (one score per sentence): {e}"))?;
        if scores.len() != doc.sentences.len() {
            return Err(format!("{} scores for {} sentences", scores.len(), doc.sentences.len()).into());
        }
        Ok(scores)
    }
}

impl Summarizer for PySummarizer {
    fn name(&self) -> &str {
        &self.name
    }

    /// The callable's ranking; document order when it fails (the harness
    /// calls [`Summarizer::try_rank`], which reports the failure).
    fn rank(&self, doc: &PreparedDocument, budget: &Budget) -> Ranking {
        self.try_rank(doc, budget).unwrap_or_else(|_| Ranking::from_scores(vec![0.0; doc.sentences.len()]))
    }

    fn try_rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Result<Ranking, RankError> {
        self.scores(doc).map(Ranking::from_scores)
    }
}
