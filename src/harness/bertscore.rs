//! BERTScore in runs and `score`: the run's model loaded once, each
//! document's references encoded once and shared by every summary of it.
//! IDF weights need every reference of the input before the first score, so
//! runs take BERTScore without IDF (`sumbench eval --bertscore-idf` has it).
//!
//! Without the `models` feature the type has no value: building one is
//! the error that says how to get the feature.

use crate::models::{BertScoreSetting, ModelError};
use crate::rouge::Score;

use super::HarnessError;

/// The run's BERTScore.
#[cfg(feature = "models")]
pub(crate) struct RunBertScore {
    scorer: crate::models::BertScorer,
    weights: crate::models::TokenWeights,
}

/// The run's BERTScore: none in a build without the feature.
#[cfg(not(feature = "models"))]
pub(crate) enum RunBertScore {}

/// A document's references, encoded.
#[cfg(feature = "models")]
pub(crate) type EncodedReferences = Vec<crate::models::TokenStates>;

/// A document's references: nothing to encode without the feature.
#[cfg(not(feature = "models"))]
pub(crate) type EncodedReferences = ();

fn refuse_idf(setting: &BertScoreSetting) -> Result<(), HarnessError> {
    match setting.idf {
        true => Err(HarnessError::Model(ModelError::Unsupported {
            path: setting.model.clone(),
            what: "BERTScore with IDF needs every reference of the input first: runs and `score` take it \
                   without IDF; `sumbench eval --metrics bertscore --bertscore-idf` computes it over the input"
                .into(),
        })),
        false => Ok(()),
    }
}

#[cfg(feature = "models")]
impl RunBertScore {
    /// Loads the setting's model (its weights checked against the recorded SHA-256).
    pub(crate) fn new(setting: &BertScoreSetting) -> Result<RunBertScore, HarnessError> {
        refuse_idf(setting)?;
        let scorer = crate::models::BertScorer::from_setting(setting)?;
        let weights = scorer.weights::<&str>(&[])?;
        Ok(RunBertScore { scorer, weights })
    }

    /// A document's references, encoded once for all its summaries.
    pub(crate) fn references(&self, references: &[String]) -> Result<EncodedReferences, HarnessError> {
        Ok(self.scorer.encode(references)?)
    }

    /// `summary` against the encoded references: P, R, F (NaN without references).
    pub(crate) fn score(&self, summary: &str, references: &EncodedReferences) -> Result<Score, HarnessError> {
        Ok(self.score_all(&[summary], references)?.remove(0))
    }

    /// Each summary against the encoded references, the summaries encoded in
    /// batches together: fewer, larger products. A text's vectors depend on
    /// its batch only through the products' rounding (about 1e-8 in a score);
    /// the batches depend on the document's summaries alone, so the numbers
    /// are the same at any thread count.
    pub(crate) fn score_all<S: AsRef<str>>(
        &self,
        summaries: &[S],
        references: &EncodedReferences,
    ) -> Result<Vec<Score>, HarnessError> {
        let references: Vec<&crate::models::TokenStates> = references.iter().collect();
        let candidates = self.scorer.encode(summaries)?;
        Ok(candidates
            .iter()
            .map(|candidate| match self.scorer.score(candidate, &references, &self.weights) {
                Some(score) => {
                    Score { precision: score.precision, recall: score.recall, fmeasure: score.fmeasure }
                }
                None => Score { precision: f64::NAN, recall: f64::NAN, fmeasure: f64::NAN },
            })
            .collect())
    }
}

#[cfg(not(feature = "models"))]
impl RunBertScore {
    /// Refuses: this build has no models.
    pub(crate) fn new(setting: &BertScoreSetting) -> Result<RunBertScore, HarnessError> {
        refuse_idf(setting)?;
        Err(HarnessError::Model(ModelError::NotBuilt))
    }

    /// Never called: there is no value.
    pub(crate) fn references(&self, _references: &[String]) -> Result<EncodedReferences, HarnessError> {
        match *self {}
    }

    /// Never called: there is no value.
    pub(crate) fn score(
        &self,
        _summary: &str,
        _references: &EncodedReferences,
    ) -> Result<Score, HarnessError> {
        match *self {}
    }

    /// Never called: there is no value.
    pub(crate) fn score_all<S: AsRef<str>>(
        &self,
        _summaries: &[S],
        _references: &EncodedReferences,
    ) -> Result<Vec<Score>, HarnessError> {
        match *self {}
    }
}
