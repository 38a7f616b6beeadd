//! Metrics beyond ROUGE (`eval`) and the meta-evaluation of metrics against
//! human judgments (`meta`).

use std::path::{Path, PathBuf};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::sync::Arc;
use sumbench::meta::{self as library, MetaOptions, Resample, ScoreColumn};

use sumbench::LanguageChoice;
use sumbench::metrics::bleu::{BleuOptions, MAX_ORDER, Smoothing};
use sumbench::metrics::chrf::{BETA, ChrfOptions};
use sumbench::metrics::tercom::TerOptions;
use sumbench::metrics::tokenizers::BleuTokenizer;
use sumbench::metrics::{
    BERTSCORE, EvalOptions, RecordScorers, SacrebleuOptions, TextTokenizer, evaluate, open_eval_input,
    parse_metrics,
};
use sumbench::models::BertScoreOptions;
use sumbench::profiles::{EvalProfile, ProfileSpec};

use crate::errors;

/// `sumbench eval`'s options beyond the metrics: the language, sacreBLEU's
/// BLEU, chrF and TER options and a ROUGE profile, as `sumbench eval`'s
/// flags name them (`bleu_tokenize` for `--bleu-tokenize`, ...).
#[derive(FromPyObject, Default)]
#[pyo3(from_item_all)]
pub struct EvalKeywords {
    language: Option<String>,
    bleu_tokenize: Option<String>,
    bleu_smooth: Option<String>,
    bleu_smooth_value: Option<f64>,
    bleu_lowercase: Option<bool>,
    bleu_max_ngram_order: Option<usize>,
    chrf_beta: Option<u32>,
    chrf_whitespace: Option<bool>,
    chrf_eps_smoothing: Option<bool>,
    chrf_lowercase: Option<bool>,
    ter_case_sensitive: Option<bool>,
    ter_no_punct: Option<bool>,
    ter_normalized: Option<bool>,
    ter_asian_support: Option<bool>,
    rouge_profile: Option<String>,
    model: Option<String>,
    bertscore_idf: Option<bool>,
    bertscore_layer: Option<usize>,
    bertscore_baseline: Option<PathBuf>,
}

/// `sumbench eval` on the JSONL file `path`: one JSON object (text) per
/// record, or one for the whole input with `corpus_level`. `options` holds
/// the other flags' values (a dict with the keys of [`EvalKeywords`], each
/// optional; `model` is `--model`). The GIL is released while it scores.
#[pyfunction]
#[pyo3(signature = (path, metrics=None, tokenizer="default", corpus_level=false, options=None))]
pub fn eval(
    py: Python<'_>,
    path: PathBuf,
    metrics: Option<Vec<String>>,
    tokenizer: &str,
    corpus_level: bool,
    options: Option<EvalKeywords>,
) -> PyResult<Vec<String>> {
    let keywords = options.unwrap_or_default();
    let rouge_profile: Option<ProfileSpec> =
        keywords.rouge_profile.as_deref().map(str::parse).transpose().map_err(|e| errors::value(&e))?;
    // `bertscore` is scored by the model, beside the metrics module's own (as the command line does).
    let bertscore = metrics.iter().flatten().any(|name| name.trim() == BERTSCORE);
    let own: Option<Vec<String>> =
        metrics.map(|list| list.into_iter().filter(|name| name.trim() != BERTSCORE).collect());
    let metrics = match (own, rouge_profile.is_some() || bertscore) {
        (Some(list), _) if !list.is_empty() => {
            Some(parse_metrics(&list.join(",")).map_err(|e| errors::value(&e))?)
        }
        (_, true) => Some(Vec::new()),
        (Some(list), false) => Some(parse_metrics(&list.join(",")).map_err(|e| errors::value(&e))?),
        (None, false) => None,
    };
    let tokenizer: TextTokenizer = tokenizer.parse().map_err(|e| errors::value(&e))?;
    let language: LanguageChoice =
        keywords.language.as_deref().unwrap_or("en").parse().map_err(|e| errors::value(&e))?;
    let bleu_tokenize: BleuTokenizer =
        keywords.bleu_tokenize.as_deref().unwrap_or("13a").parse().map_err(|e| errors::value(&e))?;
    let smooth_method: Smoothing =
        keywords.bleu_smooth.as_deref().unwrap_or("exp").parse().map_err(|e| errors::value(&e))?;
    let mut extra = RecordScorers::default();
    if let Some(spec) = &rouge_profile {
        extra.0.push(Arc::new(EvalProfile::new(spec).map_err(|e| errors::value(&e))?));
    }
    if bertscore {
        let options = BertScoreOptions {
            layer: keywords.bertscore_layer,
            idf: keywords.bertscore_idf.unwrap_or(false),
            baseline: keywords.bertscore_baseline.clone(),
        };
        extra.0.push(crate::models::bertscore_records(py, keywords.model.as_deref(), options)?);
    }
    let options = EvalOptions {
        metrics,
        tokenizer,
        corpus_level,
        language,
        sacrebleu: SacrebleuOptions {
            bleu: BleuOptions {
                tokenize: bleu_tokenize,
                smooth_method,
                smooth_value: keywords.bleu_smooth_value,
                lowercase: keywords.bleu_lowercase.unwrap_or(false),
                max_ngram_order: keywords.bleu_max_ngram_order.unwrap_or(MAX_ORDER),
                ..BleuOptions::default()
            },
            chrf: ChrfOptions {
                beta: keywords.chrf_beta.unwrap_or(BETA),
                lowercase: keywords.chrf_lowercase.unwrap_or(false),
                whitespace: keywords.chrf_whitespace.unwrap_or(false),
                eps_smoothing: keywords.chrf_eps_smoothing.unwrap_or(false),
                ..ChrfOptions::default()
            },
            ter: TerOptions {
                normalized: keywords.ter_normalized.unwrap_or(false),
                no_punct: keywords.ter_no_punct.unwrap_or(false),
                asian_support: keywords.ter_asian_support.unwrap_or(false),
                case_sensitive: keywords.ter_case_sensitive.unwrap_or(false),
            },
        },
        extra,
    };
    let mut lines = Vec::new();
    py.detach(|| {
        let records = open_eval_input(Some(&path))?;
        evaluate(records, &options, &mut |output| {
            lines.push(output.to_json());
            Ok(())
        })
    })
    .map_err(|e| errors::input(&e))?;
    Ok(lines)
}

/// A choice among `names`, or a `ValueError` listing them.
fn choose<T: Copy>(what: &str, given: &str, names: &[(&str, T)]) -> PyResult<T> {
    names.iter().find(|(n, _)| *n == given).map(|(_, v)| *v).ok_or_else(|| {
        let known: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        PyValueError::new_err(format!("{what} `{given}`: expected one of {}", known.join(", ")))
    })
}

/// `sumbench meta`: correlations of the runs' metrics with the judgments.
/// Writes `meta.csv`, `meta_tests.csv` and `meta.md` into `out` when given.
/// Returns `{"correlations": [...], "tests": [...], "warnings": [...],
/// "files": [...]}`.
#[pyfunction]
#[pyo3(signature = (runs, judgments, judgment_field=library::judgments::DEFAULT_FIELD, metrics=None,
    score_column="fmeasure", resample="both", samples=1000, permutations=1000, seed=0, out=None))]
#[allow(clippy::too_many_arguments)]
pub fn meta<'py>(
    py: Python<'py>,
    runs: Vec<PathBuf>,
    judgments: PathBuf,
    judgment_field: &str,
    metrics: Option<Vec<String>>,
    score_column: &str,
    resample: &str,
    samples: usize,
    permutations: usize,
    seed: u64,
    out: Option<PathBuf>,
) -> PyResult<Bound<'py, PyDict>> {
    let column = choose(
        "score_column",
        score_column,
        &[
            ("precision", ScoreColumn::Precision),
            ("recall", ScoreColumn::Recall),
            ("fmeasure", ScoreColumn::Fmeasure),
        ],
    )?;
    let resample = choose(
        "resample",
        resample,
        &[("systems", Resample::Systems), ("documents", Resample::Documents), ("both", Resample::Both)],
    )?;
    if samples == 0 {
        return Err(PyValueError::new_err("samples must be at least 1"));
    }
    if runs.is_empty() {
        return Err(PyValueError::new_err("meta needs at least one run directory"));
    }
    let options = MetaOptions { seed, samples, resample, permutations, ..MetaOptions::default() };
    let judged = library::read_judgments(&judgments, judgment_field)
        .map_err(|e| errors::input_in("cannot read the judgments", &e))?;
    let mut scores = library::read_runs(&runs, column)
        .map_err(|e| errors::input_in("cannot read the runs' scores", &e))?;
    library::select_metrics(&mut scores, &metrics.unwrap_or_default()).map_err(|e| errors::input(&e))?;
    let report =
        py.detach(|| library::evaluate(&scores, &judged, &options)).map_err(|e| errors::input(&e))?;
    let written = match &out {
        Some(dir) => library::report::write_report(dir, &report, &options).map_err(|e| {
            errors::input_in(&format!("cannot write the meta-evaluation into {}", dir.display()), &e)
        })?,
        None => Vec::new(),
    };
    let correlations = PyList::empty(py);
    for c in &report.correlations {
        let row = PyDict::new(py);
        row.set_item("level", c.level.name())?;
        row.set_item("metric", &c.metric)?;
        row.set_item("judgment", &c.judgment)?;
        row.set_item("coefficient", c.coefficient.name())?;
        row.set_item("value", c.value)?;
        row.set_item("ci_low", c.ci.low)?;
        row.set_item("ci_high", c.ci.high)?;
        row.set_item("n", c.n)?;
        correlations.append(row)?;
    }
    let tests = PyList::empty(py);
    for t in &report.tests {
        let row = PyDict::new(py);
        row.set_item("level", t.level.name())?;
        row.set_item("judgment", &t.judgment)?;
        row.set_item("coefficient", t.coefficient.name())?;
        row.set_item("metric_a", &t.metric_a)?;
        row.set_item("metric_b", &t.metric_b)?;
        row.set_item("r_a", t.outcome.r_a)?;
        row.set_item("r_b", t.outcome.r_b)?;
        row.set_item("delta", t.outcome.delta)?;
        row.set_item("p_value", t.outcome.p_value)?;
        row.set_item("p_holm", t.p_holm)?;
        row.set_item("n", t.n)?;
        tests.append(row)?;
    }
    let result = PyDict::new(py);
    result.set_item("correlations", correlations)?;
    result.set_item("tests", tests)?;
    result.set_item("warnings", &report.warnings)?;
    result.set_item("files", written.iter().map(|p: &PathBuf| p.as_path()).collect::<Vec<&Path>>())?;
    Ok(result)
}
