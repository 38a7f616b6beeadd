//! The harness from Python: `run` (built-in and Python summarizers),
//! `read_scores` (a run's rows as dicts) and `compare`.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use sumbench::LanguageChoice;
use sumbench::harness::plan::parse_summarizers;
use sumbench::harness::{HarnessError, run::DEFAULT_CHUNK};
use sumbench::profiles::{ProfileScorer, ProfileSpec};
use sumbench::report::ScoreRecord;
use sumbench::report::compare::{CompareOptions, PairedStats};
use sumbench::report::compare_format::{
    Format, comparison_notes, render_comparison, render_within, within_notes,
};
use sumbench::rouge::RougeTokenizer;
use sumbench::rundir::{
    CompareRunsError, SummaryText, compare_run_dirs, compare_run_within, read_scores as read_records,
};
use sumbench::{
    BudgetSpec, CorpusInput, MetricSpec, Provenance, ReadOptions, RunRequest, Settings, Shard, Silent,
    Summarizer,
};

use crate::custom::PySummarizer;
use crate::errors;

/// A harness error as Python sees it: bad settings are a `ValueError`, the
/// rest (files) a `SumbenchError`; `bertscore` without a model names the
/// keyword instead of the command line's flag.
fn harness_error(err: &HarnessError) -> PyErr {
    match err {
        HarnessError::NoModel => PyValueError::new_err(crate::models::NO_MODEL),
        HarnessError::Plan(_) | HarnessError::Summarizer(_) => errors::value(err),
        _ => errors::input(err),
    }
}

/// A Python summarizer, as `RunRequest::custom_summarizers` holds it.
type CustomSummarizer = Arc<dyn Summarizer>;

/// The summarizer names of `summarizers` (`"all"`, a comma-separated list, or
/// a list of names and `(name, callable)` pairs), and the Python ones as
/// summarizers.
fn summarizer_list(summarizers: &Bound<'_, PyAny>) -> PyResult<(Vec<String>, Vec<CustomSummarizer>)> {
    if let Ok(list) = summarizers.cast::<PyString>() {
        let names = parse_summarizers(&list.to_string()).map_err(|e| errors::value(&e))?;
        return Ok((names, Vec::new()));
    }
    let mut names = Vec::new();
    let mut custom: Vec<CustomSummarizer> = Vec::new();
    for item in summarizers.try_iter()? {
        let item = item?;
        if let Ok(name) = item.extract::<String>() {
            names.push(name);
        } else if let Ok(pair) = item.cast::<PyTuple>() {
            let (name, callable): (String, Bound<'_, PyAny>) = pair.extract()?;
            if !callable.is_callable() {
                return Err(PyValueError::new_err(format!("summarizer `{name}`: not callable")));
            }
            names.push(name.clone());
            custom.push(Arc::new(PySummarizer::new(name, callable.unbind())));
        } else {
            return Err(PyValueError::new_err(format!(
                "a summarizer is a name or a (name, callable) pair, not {}",
                item.repr()?
            )));
        }
    }
    sumbench::names::check_list("summarizer", names.clone()).map_err(|e| errors::value(&e))?;
    Ok((names, custom))
}

/// Runs summarizers over corpora into `out` (the library's `run`, with the
/// GIL released); returns the Markdown table and the run's warnings. `model`
/// (a folder or `hf://…`) is BERTScore's and the embedding summarizers', as
/// `--model`.
#[pyfunction]
#[pyo3(signature = (corpora, summarizers, budget, metrics, out, stem=true, seed=0, threads=None, chunk_size=DEFAULT_CHUNK, rouge_tokenizer="rouge-score", language="en", summaries="sentences", rouge_profile=None, model=None, bertscore_layer=None, bertscore_baseline=None))]
#[allow(clippy::too_many_arguments)]
pub fn run(
    py: Python<'_>,
    corpora: Vec<PathBuf>,
    summarizers: Bound<'_, PyAny>,
    budget: &str,
    metrics: Option<Vec<String>>,
    out: PathBuf,
    stem: bool,
    seed: u64,
    threads: Option<usize>,
    chunk_size: usize,
    rouge_tokenizer: &str,
    language: &str,
    summaries: &str,
    rouge_profile: Option<&str>,
    model: Option<&str>,
    bertscore_layer: Option<usize>,
    bertscore_baseline: Option<PathBuf>,
) -> PyResult<(String, Vec<String>)> {
    let summaries: SummaryText = summaries.parse().map_err(PyValueError::new_err)?;
    let rouge_profile: Option<ProfileSpec> =
        rouge_profile.map(str::parse).transpose().map_err(|e| errors::value(&e))?;
    let rouge_tokenizer: RougeTokenizer = rouge_tokenizer.parse().map_err(|e| errors::value(&e))?;
    let language: LanguageChoice = language.parse().map_err(|e| errors::value(&e))?;
    let (names, mut custom) = summarizer_list(&summarizers)?;
    let metrics = match (metrics, &rouge_profile) {
        (Some(list), _) => MetricSpec::parse_list(&list.join(",")).map_err(|e| errors::value(&e))?,
        // A profile's defaults: those of rouge1, rouge2, rougeL, rougeLsum it reports.
        (None, Some(profile)) => {
            ProfileScorer::reported(profile, &MetricSpec::defaults()).map_err(|e| errors::value(&e))?
        }
        (None, None) => MetricSpec::defaults(),
    };
    let budget: BudgetSpec = budget.parse().map_err(|e| errors::value(&e))?;
    let bertscore =
        crate::models::bertscore_setting(py, model, &metrics, bertscore_layer, bertscore_baseline)?;
    custom.extend(crate::models::embedding_summarizers(py, model, &names)?);
    let mut paths = Vec::new();
    for path in &corpora {
        paths.extend(sumbench::corpus::corpora_in(path).map_err(|e| errors::input(&e))?);
    }
    let request = RunRequest {
        corpora: paths
            .into_iter()
            .map(|path| CorpusInput { path, options: ReadOptions::default() })
            .collect(),
        settings: Settings {
            summarizers: names,
            budget,
            metrics,
            stem,
            rouge_tokenizer,
            rouge_profile,
            bertscore,
            language,
            seed,
        },
        custom_summarizers: custom,
        shard: Shard::ALL,
        chunk_size,
        summaries,
        provenance: Provenance { command_line: vec!["sumbench.run (Python)".into()], git_commit: None },
    };
    // The GIL is released for the whole run: Python summarizers take it on
    // the rayon threads, one call at a time.
    let outcome = py.detach(|| -> Result<_, String> {
        let work = || sumbench::run(&request, &out, &Silent);
        match threads {
            None => Ok(work()),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map(|pool| pool.install(work))
                .map_err(|e| format!("cannot start {n} worker threads: {e}")),
        }
    });
    let outcome = outcome.map_err(PyValueError::new_err)?;
    let outcome = outcome.map_err(|e| match e {
        // A Python summarizer's exception, raised as it was.
        HarnessError::SummarizerFailed { error, summarizer, doc_id } => match error.downcast::<PyErr>() {
            Ok(raised) => *raised,
            Err(error) => PyValueError::new_err(
                HarnessError::SummarizerFailed { summarizer, doc_id, error }.to_string(),
            ),
        },
        e => harness_error(&e),
    })?;
    Ok((outcome.markdown, outcome.info.warnings))
}

/// The score rows of a run directory or `scores.csv` as dicts (the columns
/// of `scores.csv`; undefined scores are NaN).
#[pyfunction]
pub fn read_scores(py: Python<'_>, path: PathBuf) -> PyResult<Bound<'_, PyList>> {
    let records = read_records(&path).map_err(|e| errors::input(&e))?;
    let rows = records.iter().map(|r| record_dict(py, r)).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, rows)
}

/// One `scores.csv` row.
fn record_dict<'py>(py: Python<'py>, r: &ScoreRecord) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("corpus", &r.corpus)?;
    dict.set_item("doc_id", &r.doc_id)?;
    dict.set_item("summarizer", &r.summarizer)?;
    dict.set_item("metric", &r.metric)?;
    dict.set_item("precision", r.precision)?;
    dict.set_item("recall", r.recall)?;
    dict.set_item("fmeasure", r.fmeasure)?;
    dict.set_item("budget", &r.budget)?;
    Ok(dict)
}

/// A compare error as Python sees it: the command line's message, with the
/// keyword that overrides a signature mismatch in Python's words.
fn compare_error(err: &CompareRunsError) -> PyErr {
    match err {
        CompareRunsError::SignatureMismatch { .. } => errors::SumbenchError::new_err(format!(
            "{}\n(allow_signature_mismatch=True compares them anyway)",
            errors::chain(err)
        )),
        _ => errors::input(err),
    }
}

/// The paired statistics of a row, into `dict`.
fn stats_into(dict: &Bound<'_, PyDict>, s: &PairedStats) -> PyResult<()> {
    dict.set_item("n_shared", s.n_shared)?;
    dict.set_item("base_mean", s.base_mean)?;
    dict.set_item("new_mean", s.new_mean)?;
    dict.set_item("delta", s.delta)?;
    dict.set_item("delta_ci_low", s.delta_ci_low)?;
    dict.set_item("delta_ci_high", s.delta_ci_high)?;
    dict.set_item("p_value", s.p_value)?;
    dict.set_item("p_holm", s.p_holm)?;
    dict.set_item("verdict", s.verdict.to_string())
}

/// `sumbench compare`: two runs (`new` given) or the summarizers of one run
/// (`new` is `None`). Returns `{"rows": [...], "notes": [...], "text":
/// table, "markdown": table, "regressed": bool}`.
#[pyfunction]
#[pyo3(signature = (base, new=None, seed=0, alpha=0.05, allow_signature_mismatch=false))]
pub fn compare(
    py: Python<'_>,
    base: PathBuf,
    new: Option<PathBuf>,
    seed: u64,
    alpha: f64,
    allow_signature_mismatch: bool,
) -> PyResult<Bound<'_, PyDict>> {
    if !(alpha > 0.0 && alpha < 1.0) {
        return Err(PyValueError::new_err(format!(
            "alpha `{alpha}` is not a level strictly between 0 and 1"
        )));
    }
    let options = CompareOptions { seed, alpha };
    let result = PyDict::new(py);
    let rows = PyList::empty(py);
    let Some(new) = new else {
        let within = py.detach(|| compare_run_within(&base, options)).map_err(|e| compare_error(&e))?;
        for row in &within.rows {
            let dict = PyDict::new(py);
            dict.set_item("corpus", &row.corpus)?;
            dict.set_item("metric", &row.metric)?;
            dict.set_item("summarizer_a", &row.summarizer_a)?;
            dict.set_item("summarizer_b", &row.summarizer_b)?;
            stats_into(&dict, &row.stats)?;
            rows.append(dict)?;
        }
        result.set_item("rows", rows)?;
        result.set_item("notes", within_notes(&within))?;
        result.set_item("text", render_within(&within, Format::Text))?;
        result.set_item("markdown", render_within(&within, Format::Markdown))?;
        result.set_item("regressed", false)?;
        return Ok(result);
    };
    let runs = py
        .detach(|| compare_run_dirs(&base, &new, options, allow_signature_mismatch))
        .map_err(|e| compare_error(&e))?;
    let comparison = &runs.comparison;
    let differences = &runs.signature_differences;
    let notes = comparison_notes(comparison);
    for row in &comparison.rows {
        let dict = PyDict::new(py);
        dict.set_item("corpus", &row.corpus)?;
        dict.set_item("summarizer", &row.summarizer)?;
        dict.set_item("metric", &row.metric)?;
        stats_into(&dict, &row.stats)?;
        rows.append(dict)?;
    }
    result.set_item("rows", rows)?;
    let mut all_notes = notes;
    if !differences.is_empty() {
        all_notes.insert(0, format!("the runs' signatures differ:\n  {}", differences.join("\n  ")));
    }
    result.set_item("notes", all_notes)?;
    result.set_item("text", render_comparison(comparison, Format::Text))?;
    result.set_item("markdown", render_comparison(comparison, Format::Markdown))?;
    result.set_item("regressed", comparison.has_regression())?;
    Ok(result)
}
