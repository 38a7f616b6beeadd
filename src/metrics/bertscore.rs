//! BERTScore in `sumbench eval` (the `models` feature): a
//! [`RecordScorer`] printing `"bertscore": {"precision", "recall",
//! "fmeasure"}` per line. With IDF it first reads every record, so the
//! weights are over all references of the input in file order, as bert_score
//! computes them for one call; the arithmetic is `crate::models`'.

use std::sync::Arc;

use serde_json::{Value, json};

use super::eval::{RecordFailure, RecordScorer};
use super::eval_input::EvalRecord;
use super::signature::Level;
use super::{Needs, SUMBENCH_VERSION};
use crate::models::{BertScoreOptions, BertScoreSetting, BertScorer, ModelError, ModelFolder, TokenWeights};

/// `bertscore` of `sumbench eval`.
pub struct BertScoreRecords {
    scorer: Arc<BertScorer>,
    weights: TokenWeights,
    setting: BertScoreSetting,
}

impl BertScoreRecords {
    /// The scorer of `folder` with `options` (IDF weights come from the
    /// first pass over the input).
    pub fn new(folder: &ModelFolder, options: BertScoreOptions) -> Result<BertScoreRecords, ModelError> {
        let setting = BertScorer::setting(folder, &options);
        let scorer = BertScorer::new(folder, options)?;
        let weights = scorer.weights::<&str>(&[])?;
        Ok(BertScoreRecords { scorer: Arc::new(scorer), weights, setting })
    }
}

fn failure(error: ModelError) -> RecordFailure {
    RecordFailure { kind: "ModelError".into(), message: error.to_string() }
}

impl RecordScorer for BertScoreRecords {
    fn key(&self) -> &str {
        super::BERTSCORE
    }

    fn needs(&self) -> Needs {
        Needs::References
    }

    fn signature(&self, _level: Level) -> String {
        self.setting.signature(SUMBENCH_VERSION)
    }

    fn needs_every_record(&self) -> bool {
        self.setting.idf
    }

    fn prepare(&self, records: &[EvalRecord]) -> Result<Option<Box<dyn RecordScorer>>, RecordFailure> {
        let references: Vec<&str> =
            records.iter().flat_map(|r| r.references.iter().flatten()).map(String::as_str).collect();
        let weights = self.scorer.weights(&references).map_err(failure)?;
        Ok(Some(Box::new(BertScoreRecords {
            scorer: Arc::clone(&self.scorer),
            weights,
            setting: self.setting.clone(),
        })))
    }

    fn score(&self, record: &EvalRecord) -> Result<Value, RecordFailure> {
        let references = record.references.as_deref().unwrap_or_default();
        let mut texts: Vec<&str> = vec![&record.candidate];
        texts.extend(references.iter().map(String::as_str));
        let states = self.scorer.encode(&texts).map_err(failure)?;
        let references: Vec<_> = states[1..].iter().collect();
        match self.scorer.score(&states[0], &references, &self.weights) {
            Some(score) => {
                Ok(json!({"precision": score.precision, "recall": score.recall, "fmeasure": score.fmeasure}))
            }
            None => Err(RecordFailure {
                kind: "ValueError".into(),
                message: "no references to score against".into(),
            }),
        }
    }

    fn wrapped(&self) -> bool {
        false
    }

    fn corpus_refusal(&self) -> Option<String> {
        Some(
            "bertscore has no corpus-level figure (bert_score scores each pair; average the lines' values)"
                .into(),
        )
    }

    fn score_corpus(&self, _records: &[EvalRecord]) -> Result<Value, RecordFailure> {
        Err(RecordFailure { kind: "ValueError".into(), message: self.corpus_refusal().unwrap_or_default() })
    }
}
