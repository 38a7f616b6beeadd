//! [`BertScoreSetting`]: what decides a run's BERTScore numbers, as
//! `run.json` records it, and bert_score's hash string. Compiled in every
//! build, so a run directory reads the same with or without the feature.

use std::path::PathBuf;

/// bert_score's version as it names itself in its hash (0.3.13 prints 0.3.12).
pub const BERT_SCORE_VERSION: &str = "0.3.12";

/// The transformers version of the reference numbers sumbench matches (the
/// conformance set's); bert_score puts it in its hash.
pub const TRANSFORMERS_VERSION: &str = "5.25.0";

/// bert_score's hash: `{model}_L{layer}_{idf|no-idf}_version={v}(hug_trans={t})`,
/// with `-custom-rescaled` when a baseline file was given.
pub fn bert_score_hash(model: &str, layer: usize, idf: bool, rescaled: bool) -> String {
    let idf = if idf { "idf" } else { "no-idf" };
    let rescaled = if rescaled { "-custom-rescaled" } else { "" };
    format!("{model}_L{layer}_{idf}_version={BERT_SCORE_VERSION}(hug_trans={TRANSFORMERS_VERSION}){rescaled}")
}

/// The model and options of a run's `bertscore` metric.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BertScoreSetting {
    /// The model folder, as given.
    pub model: PathBuf,
    /// The name the numbers are signed with (the hub id of a known model).
    pub name: String,
    /// SHA-256 of `model.safetensors`; a run refuses weights that differ.
    pub weights_sha256: String,
    /// The layer whose token vectors are matched.
    pub layer: usize,
    /// Whether tokens are weighted by IDF.
    pub idf: bool,
    /// The baseline file P, R and F are rescaled with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<PathBuf>,
}

impl BertScoreSetting {
    /// bert_score's hash string for this setting.
    pub fn hash(&self) -> String {
        bert_score_hash(&self.name, self.layer, self.idf, self.baseline.is_some())
    }

    /// The metric's signature: bert_score's hash, the weights' SHA-256
    /// (first 16 hex digits), the multi-reference rule and sumbench's version
    /// (`sumbench-0.1.0`).
    pub fn signature(&self, sumbench_version: &str) -> String {
        let sha = &self.weights_sha256[..self.weights_sha256.len().min(16)];
        format!("bertscore:{}|weights:{sha}|multiref:max-each|version:{sumbench_version}", self.hash())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_bert_scores() {
        // The conformance set's hash strings (README-models.md).
        assert_eq!(
            bert_score_hash("sentence-transformers/all-MiniLM-L6-v2", 6, false, false),
            "sentence-transformers/all-MiniLM-L6-v2_L6_no-idf_version=0.3.12(hug_trans=5.25.0)"
        );
        assert_eq!(
            bert_score_hash("m", 3, true, true),
            "m_L3_idf_version=0.3.12(hug_trans=5.25.0)-custom-rescaled"
        );
    }

    #[test]
    fn the_signature_carries_the_hash_and_the_weights() {
        let setting = BertScoreSetting {
            model: "m".into(),
            name: "org/m".into(),
            weights_sha256: "0123456789abcdef0123".into(),
            layer: 4,
            idf: false,
            baseline: None,
        };
        assert_eq!(
            setting.signature("sumbench-0.1.0"),
            "bertscore:org/m_L4_no-idf_version=0.3.12(hug_trans=5.25.0)|weights:0123456789abcdef|multiref:max-each|version:sumbench-0.1.0"
        );
    }
}
