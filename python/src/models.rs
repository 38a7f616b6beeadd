//! Sentence-embedding models from Python (the wheel builds the library's
//! `models` feature): `embed`, and what `model=` gives `run` and `eval`
//! (BERTScore's setting or records, the embedding summarizers), each made by
//! the library call the command line makes for `--model`.
//!
//! `model=` is a sentence-transformers folder, or `hf://OWNER/NAME@REVISION`
//! fetched into the hub cache with the command line's configuration from the
//! environment (`HF_ENDPOINT`, `HF_TOKEN`, `HF_HUB_OFFLINE`, `SUMBENCH_CACHE`,
//! else `XDG_CACHE_HOME/sumbench`, else `~/.cache/sumbench`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use sumbench::datasets::cache::default_cache_dir;
use sumbench::datasets::{DEFAULT_ENDPOINT, DatasetError, HubConfig, ModelSpec, Quiet, resolve_model};
use sumbench::metrics::RecordScorer;
use sumbench::metrics::bertscore::BertScoreRecords;
use sumbench::models::{BertScoreOptions, BertScoreSetting, BertScorer, ModelFolder, SentenceEncoder};
use sumbench::summarize::embedding::{embedding_names, embedding_summarizers as build_summarizers};
use sumbench::{MetricSpec, Summarizer};

use crate::errors;

/// The hub configuration from the environment, as the command line reads it
/// (the download deadlines are the library's defaults).
fn hub_config() -> PyResult<HubConfig> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let path = |name: &str| std::env::var_os(name).map(PathBuf::from);
    let cache_dir = default_cache_dir(path("SUMBENCH_CACHE"), path("XDG_CACHE_HOME"), path("HOME"))
        .ok_or_else(|| {
            errors::SumbenchError::new_err("no cache folder: set SUMBENCH_CACHE (or XDG_CACHE_HOME or HOME)")
        })?;
    let offline = var("HF_HUB_OFFLINE")
        .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"));
    Ok(HubConfig {
        endpoint: var("HF_ENDPOINT").unwrap_or_else(|| DEFAULT_ENDPOINT.into()),
        token: var("HF_TOKEN"),
        offline,
        ..HubConfig::new(cache_dir)
    })
}

/// A hub error: a malformed spec is a `ValueError`, the rest (network,
/// cache) a `SumbenchError`.
fn hub_error(err: &DatasetError) -> PyErr {
    match err {
        DatasetError::BadSpec { .. } => errors::value(err),
        _ => errors::input(err),
    }
}

/// The model folder `model` names, checked and hashed (downloaded first for
/// `hf://`, and signed with the hub id), the GIL released meanwhile.
pub fn folder(py: Python<'_>, model: &str) -> PyResult<ModelFolder> {
    if !ModelSpec::is_hub(model) {
        return ModelFolder::open(Path::new(model), None).map_err(|e| errors::input(&e));
    }
    let hub = ModelSpec::parse(model).map_err(|e| hub_error(&e))?;
    let config = hub_config()?;
    let dir = py.detach(|| resolve_model(&hub, &config, &Quiet)).map_err(|e| hub_error(&e))?;
    ModelFolder::open(&dir, Some(&hub.repo)).map_err(|e| errors::input(&e))
}

/// `sumbench.embed`: each text's token ids and sentence embedding, as
/// sentence-transformers' `encode` computes them (the GIL released).
#[pyfunction]
pub fn embed(py: Python<'_>, texts: Vec<String>, model: &str) -> PyResult<Vec<(Vec<u32>, Vec<f32>)>> {
    let folder = folder(py, model)?;
    let embeddings = py
        .detach(|| SentenceEncoder::load(folder).and_then(|encoder| encoder.embed(&texts)))
        .map_err(|e| errors::input(&e))?;
    Ok(embeddings.into_iter().map(|e| (e.input_ids, e.vector)).collect())
}

/// The `bertscore` metric's setting of a run, when `metrics` has it and a
/// model is given (without one the run refuses `bertscore`, see
/// `harness::harness_error`). No IDF: runs stream their corpora.
pub fn bertscore_setting(
    py: Python<'_>,
    model: Option<&str>,
    metrics: &[MetricSpec],
    layer: Option<usize>,
    baseline: Option<PathBuf>,
) -> PyResult<Option<BertScoreSetting>> {
    let Some(model) = model.filter(|_| metrics.contains(&MetricSpec::BertScore)) else { return Ok(None) };
    let options = BertScoreOptions { layer, idf: false, baseline };
    Ok(Some(BertScorer::setting(&folder(py, model)?, &options)))
}

/// The embedding summarizers among `names`, on one encoder of `model` (one
/// vector cache for all of them).
pub fn embedding_summarizers(
    py: Python<'_>,
    model: Option<&str>,
    names: &[String],
) -> PyResult<Vec<Arc<dyn Summarizer>>> {
    let wanted = embedding_names(names);
    let Some(first) = wanted.first() else { return Ok(Vec::new()) };
    let Some(model) = model else {
        return Err(PyValueError::new_err(format!(
            "summarizer `{first}` needs a sentence-embedding model: give model=DIR (a sentence-transformers folder)"
        )));
    };
    let folder = folder(py, model)?;
    let encoder = py.detach(|| SentenceEncoder::load(folder)).map_err(|e| errors::input(&e))?;
    Ok(build_summarizers(encoder, &wanted))
}

/// `eval`'s BERTScore records for `model` (a missing model is the command
/// line's error, in Python's words).
pub fn bertscore_records(
    py: Python<'_>,
    model: Option<&str>,
    options: BertScoreOptions,
) -> PyResult<Arc<dyn RecordScorer>> {
    let Some(model) = model else {
        return Err(PyValueError::new_err(NO_MODEL));
    };
    let folder = folder(py, model)?;
    let records = py.detach(|| BertScoreRecords::new(&folder, options)).map_err(|e| errors::input(&e))?;
    Ok(Arc::new(records))
}

/// `bertscore` without `model=`: the command line's message, naming the keyword.
pub const NO_MODEL: &str =
    "metric `bertscore` needs a model: give model=DIR (a sentence-transformers folder)";
