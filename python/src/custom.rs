//! A summarizer written in Python: a callable that scores a document's
//! sentences, run by the harness beside the built-in ones.
//!
//! The harness calls [`Summarizer::rank`] on rayon threads; each call takes
//! the GIL for the Python call only (the caller of the run has released it,
//! see `harness::run`), so the Python callable runs one document at a time
//! while the rest of the work stays parallel. A Python exception cannot cross
//! `rank`: the first one is kept, the document ranks in document order, and
//! the run raises it when it ends.

use std::sync::Mutex;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use sumbench::{Budget, PreparedDocument, Ranking, Summarizer};

/// A Python callable as a [`Summarizer`]: called as
/// `callable(sentences, title=..., doc_id=...)` with the document's sentences
/// (verbatim text), it returns one score per sentence (higher is better).
pub struct PySummarizer {
    name: String,
    callable: Py<PyAny>,
    error: Mutex<Option<PyErr>>,
}

impl PySummarizer {
    /// The summarizer `name` that calls `callable`.
    pub fn new(name: String, callable: Py<PyAny>) -> Self {
        PySummarizer { name, callable, error: Mutex::new(None) }
    }

    /// The first exception the callable raised (or a wrong result), if any.
    pub fn take_error(&self) -> Option<PyErr> {
        self.error.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// Calls the callable and checks its scores.
    fn scores(&self, py: Python<'_>, doc: &PreparedDocument) -> PyResult<Vec<f64>> {
        let text = &doc.source.text;
        let sentences = PyList::new(py, doc.sentences.iter().map(|s| &text[s.span.clone()]))?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("title", doc.source.title.as_deref())?;
        kwargs.set_item("doc_id", doc.source.id.as_str())?;
        let result = self.callable.bind(py).call((sentences,), Some(&kwargs))?;
        let scores: Vec<f64> = result.extract().map_err(|e| {
            PyValueError::new_err(format!(
                "summarizer `{}`, document `{}`: expected a list of numbers (one score per sentence): {e}",
                self.name, doc.source.id
            ))
        })?;
        if scores.len() != doc.sentences.len() {
            return Err(PyValueError::new_err(format!(
                "summarizer `{}`, document `{}`: {} scores for {} sentences",
                self.name,
                doc.source.id,
                scores.len(),
                doc.sentences.len()
            )));
        }
        Ok(scores)
    }
}

impl Summarizer for PySummarizer {
    fn name(&self) -> &str {
        &self.name
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let n = doc.sentences.len();
        if self.error.lock().unwrap_or_else(|e| e.into_inner()).is_some() {
            return Ranking::from_scores(vec![0.0; n]);
        }
        match Python::attach(|py| self.scores(py, doc)) {
            Ok(scores) => Ranking::from_scores(scores),
            Err(err) => {
                self.error.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(err);
                Ranking::from_scores(vec![0.0; n])
            }
        }
    }
}
