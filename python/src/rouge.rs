//! `sumbench.rouge_scorer.RougeScorer`: rouge-score 0.1.2's scorer over the
//! library's [`Scorer`], bit for bit, plus `score_batch` on all cores; with
//! `lang=`, XL-Sum's multilingual fork of it (the `xlsum` profile).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;
use sumbench::lang::Language;
use sumbench::rouge::{Metric, RougeTokenizer, Score, Scorer, TokenizedText};

/// rouge-score's `RougeScorer(rouge_types, use_stemmer=False,
/// split_summaries=False)`: `score(target, prediction)` and
/// `score_multi(targets, prediction)` return `{rouge_type: Score}` with
/// rouge-score's values bit for bit; `score_batch(targets, predictions)`
/// scores many pairs on all cores without the GIL.
#[pyclass(module = "sumbench.rouge_scorer", name = "RougeScorer", frozen)]
pub struct RougeScorer {
    /// The rouge types as given (rouge-score's `rouge_types` attribute).
    rouge_types: Py<PyAny>,
    /// The result keys, in order (interned once).
    keys: Vec<Py<PyString>>,
    /// Every metric, on the texts as given.
    scorer: Scorer,
    /// With `split_summaries`: a rougeLsum-only scorer for the texts with
    /// NLTK's sentences on lines, and the positions of rougeLsum in `keys`.
    split: Option<(Scorer, Vec<usize>)>,
    /// `sumbench.scoring.Score`.
    score_class: Py<PyAny>,
    /// `tuple.__new__`: makes a `Score` without the named tuple's Python-level
    /// `__new__` (the same object, in half the time).
    tuple_new: Py<PyAny>,
}

/// rouge-score's check of one rouge type, with its messages.
fn parse_type(name: &str) -> PyResult<Metric> {
    let digit = name.strip_prefix("rouge").filter(|d| d.len() == 1 && d.as_bytes()[0].is_ascii_digit());
    match (name, digit) {
        ("rougeL", _) => Ok(Metric::L),
        ("rougeLsum", _) => Ok(Metric::Lsum),
        (_, Some("0")) => Err(PyValueError::new_err(format!("rougen requires positive n: {name}"))),
        (_, Some(d)) => Ok(Metric::N(d.as_bytes()[0] - b'0')),
        _ => Err(PyValueError::new_err(format!("Invalid rouge type: {name}"))),
    }
}

/// A text with NLTK's sentences (`nltk.sent_tokenize`, looked up at each
/// call as rouge-score does) one per line; line breaks inside a sentence
/// become spaces, which tokenize the same.
fn split_sentences(py: Python<'_>, text: &str) -> PyResult<String> {
    let sentences: Vec<String> = py.import("nltk")?.getattr("sent_tokenize")?.call1((text,))?.extract()?;
    let lines: Vec<String> =
        sentences.iter().filter(|s| !s.is_empty()).map(|s| s.replace('\n', " ")).collect();
    Ok(lines.join("\n"))
}

/// Whether `tokenizer`, rouge-score's own `DefaultTokenizer` (the only one
/// supported), stems; rouge-score then ignores `use_stemmer` too.
fn default_tokenizer_stems(tokenizer: &Bound<'_, PyAny>) -> PyResult<bool> {
    let class = tokenizer.get_type();
    let name: String = class.getattr("__qualname__")?.extract()?;
    let module: String = class.getattr("__module__")?.extract()?;
    if (module.as_str(), name.as_str()) != ("rouge_score.tokenizers", "DefaultTokenizer") {
        return Err(PyValueError::new_err(format!(
            "sumbench's RougeScorer tokenizes as rouge-score's DefaultTokenizer only, not {module}.{name}"
        )));
    }
    Ok(!tokenizer.getattr("_stemmer")?.is_none())
}

/// One item of `score_batch`'s targets: a text or a list of texts.
fn targets_of(item: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    match item.extract::<String>() {
        Ok(text) => Ok(vec![text]),
        Err(_) => item.extract::<Vec<String>>(),
    }
}

impl RougeScorer {
    /// The result dict of one prediction.
    fn dict<'py>(&self, py: Python<'py>, scores: &[Score]) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let (class, new) = (self.score_class.bind(py), self.tuple_new.bind(py));
        for (key, score) in self.keys.iter().zip(scores) {
            let fields = (score.precision, score.recall, score.fmeasure);
            dict.set_item(key.bind(py), new.call1((class, fields))?)?;
        }
        Ok(dict)
    }

    /// The texts the split rougeLsum scorer reads, when there is one.
    fn split_texts(&self, py: Python<'_>, texts: &[String]) -> PyResult<Option<Vec<String>>> {
        if self.split.is_none() {
            return Ok(None);
        }
        texts.iter().map(|t| split_sentences(py, t)).collect::<PyResult<_>>().map(Some)
    }

    /// Scores without Python: every metric, then rougeLsum again on the split texts.
    fn compute(&self, targets: &[String], prediction: &str, split: Option<(&[String], &str)>) -> Vec<Score> {
        let mut scores = self.scorer.score_multi(targets, prediction);
        if let (Some((scorer, positions)), Some((targets, prediction))) = (&self.split, split) {
            let lsum = scorer.score_multi(targets, prediction)[0];
            for &p in positions {
                scores[p] = lsum;
            }
        }
        scores
    }

    /// `score_multi` on texts already extracted.
    fn multi<'py>(
        &self,
        py: Python<'py>,
        targets: Vec<String>,
        prediction: String,
    ) -> PyResult<Bound<'py, PyDict>> {
        if targets.is_empty() {
            // As rouge-score's np.argmax over no scores.
            return Err(PyValueError::new_err("attempt to get argmax of an empty sequence"));
        }
        let split_targets = self.split_texts(py, &targets)?;
        let split_prediction = self.split_texts(py, std::slice::from_ref(&prediction))?;
        let split = split_targets.as_deref().zip(split_prediction.as_ref().map(|p| p[0].as_str()));
        let scores = self.compute(&targets, &prediction, split);
        self.dict(py, &scores)
    }
}

#[pymethods]
impl RougeScorer {
    /// Checks the rouge types (rouge-score's messages, raised here rather
    /// than at the first `score`). `tokenizer` is rouge-score's argument:
    /// `None` or a `rouge_score.tokenizers.DefaultTokenizer`. `lang`,
    /// `callable_tokenizer`, `callable_stemmer` and `min_char_length` are
    /// XL-Sum's fork's: with `lang` the scorer is XL-Sum's multilingual one
    /// (sumbench's `xlsum` profile); its own callables are refused, and only
    /// its default `min_char_length` of 3 is supported.
    #[new]
    #[pyo3(signature = (
        rouge_types, use_stemmer=false, split_summaries=false, tokenizer=None, *, lang=None,
        callable_tokenizer=None, callable_stemmer=None, min_char_length=3
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        rouge_types: Bound<'_, PyAny>,
        use_stemmer: bool,
        split_summaries: bool,
        tokenizer: Option<Bound<'_, PyAny>>,
        lang: Option<String>,
        callable_tokenizer: Option<Bound<'_, PyAny>>,
        callable_stemmer: Option<Bound<'_, PyAny>>,
        min_char_length: usize,
    ) -> PyResult<Self> {
        for (name, value) in
            [("callable_tokenizer", &callable_tokenizer), ("callable_stemmer", &callable_stemmer)]
        {
            if value.as_ref().is_some_and(|v| !v.is_none()) {
                return Err(PyValueError::new_err(format!(
                    "{name} is not supported: sumbench's RougeScorer tokenizes and stems in Rust \
                     (give lang= for XL-Sum's tokenizer and stemmer of that language)"
                )));
            }
        }
        if min_char_length != 3 {
            return Err(PyValueError::new_err(format!(
                "min_char_length={min_char_length} is not supported: only XL-Sum's default 3 \
                 (tokens longer than 3 characters are stemmed)"
            )));
        }
        let language = match &lang {
            None => None,
            Some(name) => Some(name.parse::<Language>().map_err(|e| PyValueError::new_err(e.to_string()))?),
        };
        let use_stemmer = match tokenizer.filter(|t| !t.is_none()) {
            None => use_stemmer,
            Some(tokenizer) => default_tokenizer_stems(&tokenizer)?,
        };
        let names: Vec<String> = rouge_types.extract()?;
        let metrics = names.iter().map(|n| parse_type(n)).collect::<PyResult<Vec<Metric>>>()?;
        let positions: Vec<usize> = (0..metrics.len()).filter(|&i| metrics[i] == Metric::Lsum).collect();
        let profile = |scorer: Scorer| match language {
            Some(language) => scorer.with_tokenizer(RougeTokenizer::XlSum).with_language(language),
            None => scorer,
        };
        let split = (split_summaries && !positions.is_empty())
            .then(|| (profile(Scorer::new(&[Metric::Lsum], use_stemmer)), positions));
        Ok(RougeScorer {
            rouge_types: rouge_types.unbind(),
            keys: names.iter().map(|n| PyString::intern(py, n).unbind()).collect(),
            scorer: profile(Scorer::new(&metrics, use_stemmer)),
            split,
            score_class: py.import("sumbench.scoring")?.getattr("Score")?.unbind(),
            tuple_new: py.get_type::<PyTuple>().getattr("__new__")?.unbind(),
        })
    }

    /// The rouge types, as given.
    #[getter]
    fn rouge_types(&self, py: Python<'_>) -> Py<PyAny> {
        self.rouge_types.clone_ref(py)
    }

    /// `{rouge_type: Score(precision, recall, fmeasure)}` of `prediction`
    /// against `target`.
    fn score<'py>(
        &self,
        py: Python<'py>,
        target: String,
        prediction: String,
    ) -> PyResult<Bound<'py, PyDict>> {
        self.multi(py, vec![target], prediction)
    }

    /// Per rouge type, the score against the target with the highest F
    /// (the first on ties), as rouge-score's `score_multi`.
    fn score_multi<'py>(
        &self,
        py: Python<'py>,
        targets: Vec<String>,
        prediction: String,
    ) -> PyResult<Bound<'py, PyDict>> {
        self.multi(py, targets, prediction)
    }

    /// `[score_multi(t, p) for t, p in zip(targets, predictions)]`, where each
    /// target is a text or a list of texts, computed on all cores (rayon)
    /// with the GIL released.
    fn score_batch<'py>(
        &self,
        py: Python<'py>,
        targets: Bound<'py, PyAny>,
        predictions: Vec<String>,
    ) -> PyResult<Bound<'py, PyList>> {
        let targets: Vec<Vec<String>> =
            targets.try_iter()?.map(|item| targets_of(&item?)).collect::<PyResult<_>>()?;
        if targets.len() != predictions.len() {
            return Err(PyValueError::new_err(format!(
                "score_batch: {} targets but {} predictions",
                targets.len(),
                predictions.len()
            )));
        }
        if let Some(i) = targets.iter().position(Vec::is_empty) {
            return Err(PyValueError::new_err(format!("score_batch: targets[{i}] is an empty list")));
        }
        let split: Option<Vec<(Vec<String>, String)>> = if self.split.is_some() {
            let pairs = targets.iter().zip(&predictions).map(|(t, p)| {
                let t = self.split_texts(py, t)?.unwrap_or_default();
                Ok((t, split_sentences(py, p)?))
            });
            Some(pairs.collect::<PyResult<_>>()?)
        } else {
            None
        };
        let scores: Vec<Vec<Score>> = py.detach(|| {
            (0..targets.len())
                .into_par_iter()
                .map(|i| {
                    let split = split.as_ref().map(|s| (s[i].0.as_slice(), s[i].1.as_str()));
                    self.compute(&targets[i], &predictions[i], split)
                })
                .collect()
        });
        let dicts = scores.iter().map(|s| self.dict(py, s)).collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, dicts)
    }
}

/// Another package's ROUGE on one pair (`sumbench.rouge_profile`): the
/// package named `package` (as `--rouge-profile` names it) under its own
/// keyword arguments `init` and `call` (JSON objects), on `candidate` and
/// `references`. Returns `("result", json)` with what the package returns,
/// or `("error", type, message)` with what it raises; the Python side turns
/// them into the value or the exception.
#[pyfunction]
pub fn rouge_profile(
    package: &str,
    candidate: &str,
    references: Vec<String>,
    init: &str,
    call: &str,
) -> PyResult<(String, String, String)> {
    let object = |text: &str| -> PyResult<serde_json::Map<String, serde_json::Value>> {
        match serde_json::from_str(text) {
            Ok(serde_json::Value::Object(map)) => Ok(map),
            _ => Err(PyValueError::new_err("keyword arguments must be a dict")),
        }
    };
    let options = sumbench::profiles::PackageOptions { init: object(init)?, call: object(call)? };
    let outcome = sumbench::profiles::package(package, &options).and_then(|p| p.call(candidate, &references));
    Ok(match outcome {
        Ok(value) => ("result".into(), value.to_string(), String::new()),
        Err(raised) => ("error".into(), raised.kind, raised.message),
    })
}

/// rouge-score's tokens of `text` (`tokenize.tokenize(text, stemmer)` with
/// no stemmer, or with its Porter stemmer when `stem`), as the library
/// tokenizes them.
#[pyfunction]
pub fn tokenize(py: Python<'_>, text: String, stem: bool) -> Vec<String> {
    py.detach(|| sumbench::rouge::tokenize(&text, stem))
}

/// One text a caller's tokenizer tokenized: its tokens and those of each of
/// its `\n` lines.
type Tokenized = (Vec<String>, Vec<Vec<String>>);

/// rouge-score's `score_multi` on texts tokenized by a caller's own
/// tokenizer (no lowercasing or stemming of sumbench's): per rouge type in
/// `rouge_types`, `(precision, recall, fmeasure)` against the reference with
/// the highest F (the first on ties).
#[pyfunction]
pub fn score_tokenized(
    py: Python<'_>,
    rouge_types: Vec<String>,
    references: Vec<Tokenized>,
    candidate: Tokenized,
) -> PyResult<Vec<(f64, f64, f64)>> {
    let metrics = rouge_types.iter().map(|n| parse_type(n)).collect::<PyResult<Vec<Metric>>>()?;
    let text = |(tokens, lines): Tokenized| TokenizedText { tokens, lines };
    let references: Vec<TokenizedText> = references.into_iter().map(text).collect();
    let candidate = text(candidate);
    let scores = py.detach(|| sumbench::rouge::score_tokenized(&metrics, &references, &candidate));
    Ok(scores.iter().map(|s| (s.precision, s.recall, s.fmeasure)).collect())
}
