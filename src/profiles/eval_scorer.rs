//! [`EvalProfile`]: a package's ROUGE as a score of `sumbench eval`
//! (`--rouge-profile`), plugged into [`crate::metrics::evaluate`] as a
//! [`RecordScorer`]. Each line gets the package's own call on its candidate
//! and references, in the package's own shape, or what the package raises
//! on it; at corpus level, the package's own corpus rule ([`Package::corpus`]).

use serde_json::{Map, Value};

use super::{Figure, Package, Pair, ProfileSpec, ProfileSpecError, Raised};
use crate::metrics::signature::Level;
use crate::metrics::{EvalRecord, Needs, RecordFailure, RecordScorer};

/// The key of a profile's value in `sumbench eval`'s output.
pub const EVAL_KEY: &str = "rouge-profile";

/// A package under its arguments, scoring `sumbench eval`'s records.
pub struct EvalProfile {
    spec: ProfileSpec,
    package: Box<dyn Package>,
}

impl EvalProfile {
    /// The package of `spec` (an error where the package refuses its arguments).
    pub fn new(spec: &ProfileSpec) -> Result<Self, ProfileSpecError> {
        Ok(EvalProfile { spec: spec.clone(), package: spec.build()? })
    }
}

/// A package's exception as a record's failure.
fn failure(raised: Raised) -> RecordFailure {
    RecordFailure { kind: raised.kind, message: raised.message }
}

/// One corpus figure as JSON: `precision` and `recall` where the package
/// reports them, then `fmeasure`.
fn figure_json(figure: &Figure) -> Value {
    let mut map = Map::new();
    if let Some(precision) = figure.precision {
        map.insert("precision".into(), Value::from(precision));
    }
    if let Some(recall) = figure.recall {
        map.insert("recall".into(), Value::from(recall));
    }
    map.insert("fmeasure".into(), Value::from(figure.fmeasure));
    Value::Object(map)
}

impl RecordScorer for EvalProfile {
    fn key(&self) -> &str {
        EVAL_KEY
    }

    fn needs(&self) -> Needs {
        Needs::References
    }

    /// [`ProfileSpec::signature`] at either level: the package and its
    /// arguments decide its corpus rule too.
    fn signature(&self, _level: Level) -> String {
        self.spec.signature()
    }

    fn score(&self, record: &EvalRecord) -> Result<Value, RecordFailure> {
        let references = record.references.as_deref().unwrap_or_default();
        self.package.call(&record.candidate, references).map_err(failure)
    }

    /// sumeval scores one pair at a time and has no corpus figure of its
    /// own; py-rouge without `apply_avg` or `apply_best` returns one score
    /// per document and reference. Every other package has its own rule.
    fn corpus_refusal(&self) -> Option<String> {
        if self.spec.name == "sumeval" {
            return Some(
                "sumeval's RougeCalculator scores one candidate at a time and has no corpus figure \
                 of its own; score each line (without corpus level) and average them as you report"
                    .into(),
            );
        }
        let probe = ["the cat sat on the mat".to_string()];
        match self.package.corpus(&[Pair { candidate: "the cat sat", references: &probe }]) {
            Err(raised) if raised.message.starts_with("sumbench: ") => {
                Some(raised.message["sumbench: ".len()..].to_string())
            }
            _ => None,
        }
    }

    /// `{"<package key>": {"precision"?, "recall"?, "fmeasure"}, ...}` by
    /// the package's corpus rule over every record, or what it raises.
    fn score_corpus(&self, records: &[EvalRecord]) -> Result<Value, RecordFailure> {
        let pairs: Vec<Pair<'_>> = records
            .iter()
            .map(|record| Pair {
                candidate: &record.candidate,
                references: record.references.as_deref().unwrap_or_default(),
            })
            .collect();
        let figures = self.package.corpus(&pairs).map_err(failure)?;
        Ok(Value::Object(figures.iter().map(|(key, figure)| (key.clone(), figure_json(figure))).collect()))
    }
}
