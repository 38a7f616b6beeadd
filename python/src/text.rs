//! One text at a time: `sentences`, `summarize` (with a summarizer's
//! parameters), `list_summarizers`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use sumbench::harness::BudgetSpec;
use sumbench::summarize::{
    self as library, BuildOptions, Summarizer, UnknownSummarizer, registry, summarize_text_with,
};

use crate::errors;

/// The text's sentences, verbatim (as `sumbench sentences --json`), by the
/// rules of `language` (an ISO 639-1 code, XL-Sum's name, or `auto`).
#[pyfunction]
#[pyo3(signature = (text, language="en"))]
pub fn sentences(text: &str, language: &str) -> PyResult<Vec<String>> {
    let language = parse_language(language)?.resolve(text);
    Ok(sumbench::text::sentence_spans_in(text, language).into_iter().map(|s| text[s].to_string()).collect())
}

/// `--language`'s value, or Python's `ValueError` with the CLI's message.
fn parse_language(language: &str) -> PyResult<sumbench::LanguageChoice> {
    language.parse().map_err(|e| errors::value(&e))
}

/// `{name: description}` of every built-in summarizer, in report order.
#[pyfunction]
pub fn list_summarizers(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);
    for entry in registry() {
        dict.set_item(entry.name, entry.description)?;
    }
    Ok(dict)
}

/// Sets the named fields of `Params` from `params`, refusing any other name.
macro_rules! build_with {
    ($module:ident, $params:expr, $options:expr $(, $field:ident)*) => {{
        #[allow(unused_mut)]
        let mut built = library::$module::Params::default();
        for (key, value) in $params {
            let _ = &value; // unread by summarizers without parameters
            match key.as_str() {
                $(stringify!($field) => built.$field = value.extract().map_err(|e| {
                    PyValueError::new_err(format!(
                        "`{}` parameter `{key}`: {e}", library::$module::NAME
                    ))
                })?,)*
                other => {
                    let known: &[&str] = &[$(stringify!($field)),*];
                    return Err(PyValueError::new_err(format!(
                        "`{}` has no parameter `{other}` (it has: {})",
                        library::$module::NAME,
                        if known.is_empty() { "none but seed".to_string() } else { format!("seed, {}", known.join(", ")) }
                    )));
                }
            }
        }
        Box::new(built.build($options)) as Box<dyn Summarizer>
    }};
}

/// The built-in summarizer `name` with `params` (field names of its `Params`:
/// numbers, booleans and word lists) over the defaults.
pub fn build(
    name: &str,
    params: Vec<(String, Bound<'_, PyAny>)>,
    options: &BuildOptions,
) -> PyResult<Box<dyn Summarizer>> {
    Ok(match name {
        "lead" => build_with!(lead, params, options),
        "random" => build_with!(random, params, options),
        "luhn" => build_with!(luhn, params, options, min_frequency, max_gap),
        "edmundson" => build_with!(
            edmundson,
            params,
            options,
            cue_weight,
            key_weight,
            title_weight,
            location_weight,
            key_threshold,
            bonus_words,
            stigma_words
        ),
        "lsa" => build_with!(lsa, params, options, dimensions, max_sentences),
        "lexrank" => build_with!(
            lexrank,
            params,
            options,
            threshold,
            continuous,
            damping,
            tolerance,
            max_iterations,
            max_sentences
        ),
        "textrank" => {
            build_with!(textrank, params, options, damping, tolerance, max_iterations, max_sentences)
        }
        "sumbasic" => build_with!(sumbasic, params, options, require_top_word),
        "kl" => build_with!(kl, params, options, smoothing),
        "reduction" => build_with!(reduction, params, options, max_sentences),
        "centroid" => build_with!(
            centroid,
            params,
            options,
            centroid_weight,
            position_weight,
            first_sentence_weight,
            redundancy,
            centroid_threshold
        ),
        "mmr" => build_with!(mmr, params, options, lambda),
        "oracle" => build_with!(oracle, params, options, stem),
        _ => return Err(errors::value(&UnknownSummarizer(name.to_string()))),
    })
}

/// A fixed budget from its spelling (`3s`, `100w`, `665b`, `0.1r`), with the
/// command line's messages.
pub fn fixed_budget(budget: &str) -> PyResult<library::Budget> {
    match budget.parse::<BudgetSpec>().map_err(|e| errors::value(&e))? {
        BudgetSpec::Fixed(budget) => Ok(budget),
        BudgetSpec::Reference => Err(PyValueError::new_err(
            "budget `ref` is the references' length, and a text on its own has none: give 3s, 100w, 280c, 665b or 0.1r",
        )),
    }
}

/// The summary of `text` by `method` within `budget`: `(index, sentence,
/// score)` per chosen sentence, in document order (the last sentence cut to
/// a word or byte budget).
#[pyfunction]
#[pyo3(signature = (text, method="lexrank", budget="3s", seed=0, language="en", **params))]
pub fn summarize(
    py: Python<'_>,
    text: &str,
    method: &str,
    budget: &str,
    seed: u64,
    language: &str,
    params: Option<Bound<'_, PyDict>>,
) -> PyResult<Vec<(usize, String, f64)>> {
    let budget = fixed_budget(budget)?;
    let language = parse_language(language)?.resolve(text);
    let params: Vec<(String, Bound<'_, PyAny>)> = match params {
        Some(dict) => dict.iter().map(|(k, v)| Ok((k.extract()?, v))).collect::<PyResult<_>>()?,
        None => Vec::new(),
    };
    let summarizer = build(method, params, &BuildOptions { seed, ..BuildOptions::default() })?;
    let (doc, summary) = py
        .detach(|| summarize_text_with(text, language, summarizer.as_ref(), &budget))
        .map_err(|e| errors::value(&e))?;
    let spans = summary.spans(&doc);
    Ok(summary
        .sentences
        .iter()
        .zip(&summary.scores)
        .zip(spans)
        .map(|((&index, &score), span)| (index, text[span].to_string(), score))
        .collect())
}
