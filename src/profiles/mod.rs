//! Other packages' ROUGE, by name (issue #23): what `rouge` (pltrdy),
//! `py-rouge`, `rouge-metric`, `sumeval`, `rouge-chinese` and Hugging Face
//! `evaluate` return, bit for bit, under their own keyword arguments.
//!
//! Each package is one file holding its tokenization, its counting and its
//! output shape, and one [`Package`] value built from the package's own
//! keyword arguments ([`PackageOptions`]). Two questions are asked of it:
//!
//! - [`Package::call`]: the package's own call on one candidate and its
//!   references, returning what the package returns, as JSON in the
//!   package's shape (`sumbench rouge FILE` on a case line), or what it
//!   raises ([`Raised`]);
//! - [`Package::corpus`]: the figure a user of the package reports over a
//!   corpus, by the package's own rule (a mean of F, F of mean P and R, a
//!   bootstrap median, ...).
//!
//! Owns: every package's behaviour, quirks included. Knows nothing of
//! runs, reports or files. Never panics on any text: where the package
//! raises, this returns [`Raised`] with Python's exception type and message.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};

mod eval_scorer;
mod evaluate;
pub mod identify;
mod kwargs;
mod pltrdy;
mod py_rouge;
mod python;
mod rouge_chinese;
mod rouge_metric;
mod scorer;
mod spec;
mod sumeval;
mod wrappers;

pub use eval_scorer::{EVAL_KEY, EvalProfile};
pub use scorer::ProfileScorer;
pub use spec::{ProfileSpec, ProfileSpecError};

/// What a package raised: Python's exception type name and its message
/// (`str(exception)`), e.g. `ValueError` / `Hypothesis is empty.`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raised {
    /// The exception's class name (`ValueError`, `ZeroDivisionError`, ...).
    pub kind: String,
    /// `str(exception)`.
    pub message: String,
}

impl Raised {
    /// An exception of type `kind` with `message`.
    pub fn new(kind: &str, message: impl Into<String>) -> Self {
        Raised { kind: kind.to_owned(), message: message.into() }
    }

    /// Python's `TypeError` for a keyword argument `function` does not take.
    pub fn unexpected_keyword(function: &str, keyword: &str) -> Self {
        Raised::new("TypeError", format!("{function}() got an unexpected keyword argument '{keyword}'"))
    }

    /// The error's JSON: `{"type", "message"}`, as case files and
    /// `sumbench rouge` print it.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("type".into(), Value::from(self.kind.clone()));
        map.insert("message".into(), Value::from(self.message.clone()));
        Value::Object(map)
    }
}

impl fmt::Display for Raised {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for Raised {}

/// A package's keyword arguments: those of its constructor (`init`) and
/// those of the scoring call (`call`), as the case files carry them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackageOptions {
    /// Constructor keyword arguments, e.g. `{"exclusive": false}`.
    pub init: Map<String, Value>,
    /// Call keyword arguments, e.g. `{"avg": true}`.
    pub call: Map<String, Value>,
}

/// Precision, recall and F of one ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// Precision, where the package reports it (`sumeval` and `evaluate`
    /// report F only).
    pub precision: Option<f64>,
    /// Recall, where the package reports it.
    pub recall: Option<f64>,
    /// F-measure (the package's own formula).
    pub fmeasure: f64,
}

/// Figures by the package's own metric key (`rouge-1`, `rouge_l`,
/// `rougeLsum`, ...), in key order.
pub type Figures = BTreeMap<String, Figure>;

impl PackageOptions {
    /// The `options` of a case line: an object with optional `init` and
    /// `call` objects (other keys, such as the option set's name, ignored);
    /// none at all is no arguments.
    pub fn from_json(options: Option<&Value>) -> Result<Self, String> {
        let Some(options) = options else { return Ok(PackageOptions::default()) };
        let Value::Object(options) = options else { return Err("expected an object".into()) };
        let side = |name: &str| match options.get(name) {
            None | Some(Value::Null) => Ok(Map::new()),
            Some(Value::Object(map)) => Ok(map.clone()),
            Some(_) => Err(format!("`{name}`: expected an object of keyword arguments")),
        };
        Ok(PackageOptions { init: side("init")?, call: side("call")? })
    }
}

/// One candidate and its references, as a corpus is given to
/// [`Package::corpus`].
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    /// The candidate summary.
    pub candidate: &'a str,
    /// Its references (at least one).
    pub references: &'a [String],
}

/// One package under one set of keyword arguments.
pub trait Package: Send + Sync {
    /// The name case files use (`rouge`, `py-rouge`, ...).
    fn name(&self) -> &'static str;

    /// The package's own call on one candidate and its references, as the
    /// conformance README of `tests/data/rouge_profiles/` states it for
    /// this package, returning the package's return value as JSON.
    fn call(&self, candidate: &str, references: &[String]) -> Result<Value, Raised>;

    /// The corpus figures a user of this package reports, by the
    /// package's own rule over the pairs.
    fn corpus(&self, pairs: &[Pair<'_>]) -> Result<Figures, Raised>;
}

/// A package sumbench reproduces: its name and the version (or, for a
/// harness, the commit) whose behaviour it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackageInfo {
    /// The name case files and `--rouge-profile` use.
    pub name: &'static str,
    /// The version reproduced.
    pub version: &'static str,
    /// What it is, in a few words.
    pub about: &'static str,
}

/// Every package and harness, in the order tables list them.
pub const PACKAGES: &[PackageInfo] = &[
    PackageInfo {
        name: "evaluate-rouge",
        version: "0.4.6",
        about: "Hugging Face evaluate's rouge (rouge-score 0.1.2 inside)",
    },
    PackageInfo {
        name: "helm",
        version: "63754d05",
        about: "HELM's summarization ROUGE (stemmed, max over references)",
    },
    PackageInfo {
        name: "helm-chinese",
        version: "63754d05",
        about: "HELM's Chinese ROUGE (character tokens)",
    },
    PackageInfo {
        name: "lm-eval-cnndm",
        version: "4e7e0d47",
        about: "lm-evaluation-harness, CNN/DailyMail (stemmed)",
    },
    PackageInfo {
        name: "lm-eval-truthfulqa",
        version: "4e7e0d47",
        about: "lm-evaluation-harness, TruthfulQA-gen (x100, max)",
    },
    PackageInfo {
        name: "lm-eval-longbench",
        version: "4e7e0d47",
        about: "lm-evaluation-harness, LongBench (pltrdy's rouge ROUGE-L, 0 on errors)",
    },
    PackageInfo {
        name: "lm-eval-longbench-zh",
        version: "4e7e0d47",
        about: "lm-evaluation-harness, LongBench Chinese (jieba, then pltrdy's rouge)",
    },
    PackageInfo {
        name: "py-rouge",
        version: "1.1",
        about: "py-rouge (Diego999): ROUGE-1.5.5-style N, L, W, stemmed",
    },
    PackageInfo {
        name: "rouge",
        version: "1.0.1",
        about: "pltrdy's rouge (`.` sentences, n-gram sets, union LCS words)",
    },
    PackageInfo {
        name: "rouge-chinese",
        version: "1.0.3",
        about: "rouge-chinese (pltrdy's rouge, Chinese sentence cut, plain LCS)",
    },
    PackageInfo {
        name: "rouge-metric",
        version: "1.0.1",
        about: "rouge-metric's PyRouge (lines, str.split(), N/L/W/S/SU)",
    },
    PackageInfo {
        name: "sumeval",
        version: "0.2.2",
        about: "sumeval's RougeCalculator, English (stop words, F only)",
    },
];

/// Builds the package named `name` (as case files name it) under
/// `options`. An unknown keyword argument is Python's `TypeError`, an
/// invalid value the error the package raises for it.
pub fn package(name: &str, options: &PackageOptions) -> Result<Box<dyn Package>, Raised> {
    if let Some(harness) = wrappers::Harness::named(name) {
        return Ok(Box::new(wrappers::Wrapper::new(harness, options)?));
    }
    match name {
        "rouge" => pltrdy::package(options),
        "rouge-chinese" => rouge_chinese::package(options),
        "rouge-metric" => rouge_metric::package(options),
        "sumeval" => sumeval::package(options),
        "py-rouge" => Ok(Box::new(py_rouge::PyRouge::new(options)?)),
        "evaluate-rouge" => Ok(Box::new(evaluate::EvaluateRouge::new(options)?)),
        _ => Err(Raised::new("ModuleNotFoundError", format!("No module named '{name}'"))),
    }
}
