//! `sumbench._sumbench`: the Rust side of the `sumbench` Python package.
//!
//! Thin bindings over the `sumbench` library: every computation is the
//! library's; this crate converts arguments and results, releases the GIL
//! around long work, and turns the library's errors into Python exceptions
//! with the command line's messages (see `errors`). The Python modules in
//! `python/sumbench/` give it its public face (`rouge_scorer`, `scoring`,
//! `run` with in-memory corpora, …).

mod custom;
mod errors;
mod harness;
mod metrics;
mod models;
mod rouge;
mod text;

use pyo3::prelude::*;

/// The extension module.
#[pymodule]
fn _sumbench(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("SumbenchError", py.get_type::<errors::SumbenchError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<rouge::RougeScorer>()?;
    m.add_function(wrap_pyfunction!(text::sentences, m)?)?;
    m.add_function(wrap_pyfunction!(text::summarize, m)?)?;
    m.add_function(wrap_pyfunction!(text::list_summarizers, m)?)?;
    m.add_function(wrap_pyfunction!(harness::run, m)?)?;
    m.add_function(wrap_pyfunction!(harness::read_scores, m)?)?;
    m.add_function(wrap_pyfunction!(harness::compare, m)?)?;
    m.add_function(wrap_pyfunction!(metrics::eval, m)?)?;
    m.add_function(wrap_pyfunction!(rouge::rouge_profile, m)?)?;
    m.add_function(wrap_pyfunction!(rouge::tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(rouge::score_tokenized, m)?)?;
    m.add_function(wrap_pyfunction!(metrics::meta, m)?)?;
    m.add_function(wrap_pyfunction!(models::embed, m)?)?;
    Ok(())
}
