//! The library's errors as Python exceptions, with the message the command
//! line prints after `error: ` (the error and its causes, joined by `: `).

use std::error::Error;

use pyo3::PyErr;
use pyo3::exceptions::PyValueError;

pyo3::create_exception!(
    sumbench,
    SumbenchError,
    pyo3::exceptions::PyException,
    "An input sumbench cannot use (a corpus, a run directory, judgments): the message names \
     the file, the line and the field, as the command line's does."
);

/// The message `sumbench` prints for `err` (`anyhow`'s `{:#}`): the error,
/// then each cause, separated by `: `.
pub fn chain(err: &(dyn Error + 'static)) -> String {
    let mut message = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        message.push_str(": ");
        message.push_str(&next.to_string());
        cause = next.source();
    }
    message
}

/// A bad input file or run directory: [`SumbenchError`].
pub fn input(err: &(dyn Error + 'static)) -> PyErr {
    SumbenchError::new_err(chain(err))
}

/// A bad argument from Python (a name, a budget, a metric): `ValueError`.
pub fn value(err: &(dyn Error + 'static)) -> PyErr {
    PyValueError::new_err(chain(err))
}

/// A bad input file, with the context the command line adds before it.
pub fn input_in(context: &str, err: &(dyn Error + 'static)) -> PyErr {
    SumbenchError::new_err(format!("{context}: {}", chain(err)))
}
