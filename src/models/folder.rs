//! A sentence-transformers model folder on disk: which files it has, what its
//! JSON configuration says, and the SHA-256 of the files that decide the
//! numbers. Reading a folder never loads the weights.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::ModelError;

/// The BERT settings of `config.json` that the network needs.
#[derive(Clone, Debug, Deserialize)]
pub struct BertSettings {
    /// `model_type`: only `bert` is supported.
    #[serde(default)]
    pub model_type: Option<String>,
    /// Word-piece vocabulary size.
    pub vocab_size: usize,
    /// Width of every hidden state.
    pub hidden_size: usize,
    /// Transformer layers.
    pub num_hidden_layers: usize,
    /// Attention heads per layer.
    pub num_attention_heads: usize,
    /// Width of the feed-forward layer.
    pub intermediate_size: usize,
    /// Activation of the feed-forward layer (`gelu` is the exact erf form).
    pub hidden_act: String,
    /// Learned absolute positions.
    pub max_position_embeddings: usize,
    /// Token-type embeddings (all inputs use type 0).
    #[serde(default = "two")]
    pub type_vocab_size: usize,
    /// Layer-norm epsilon.
    #[serde(default = "bert_eps")]
    pub layer_norm_eps: f64,
    /// Padding token id.
    #[serde(default)]
    pub pad_token_id: usize,
}

fn two() -> usize {
    2
}

fn bert_eps() -> f64 {
    1e-12
}

/// How token vectors become one sentence vector (`1_Pooling/config.json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pooling {
    /// Mean over the tokens the attention mask keeps (`[CLS]` and `[SEP]` included).
    Mean,
    /// The `[CLS]` token's vector.
    Cls,
}

/// A model folder, checked and described, weights not yet loaded.
#[derive(Clone, Debug)]
pub struct ModelFolder {
    /// The folder.
    pub dir: PathBuf,
    /// The name numbers are signed with: the one given (the hub id for
    /// `hf://` models), else the hub id of a model known by its weights' hash,
    /// else the folder's own name.
    pub name: String,
    /// `config.json`.
    pub bert: BertSettings,
    /// Sentence embeddings are cut to this many tokens, `[CLS]` and `[SEP]`
    /// included (`sentence_bert_config.json`'s `max_seq_length`, else the
    /// model's positions).
    pub max_seq_length: usize,
    /// Longest input the network takes (`tokenizer_config.json`'s
    /// `model_max_length` when it is below the positions, else the positions):
    /// BERTScore's truncation.
    pub model_max_length: usize,
    /// Sentence pooling.
    pub pooling: Pooling,
    /// Whether `modules.json` ends with a `Normalize` module (unit vectors).
    pub normalize: bool,
    /// SHA-256 of `model.safetensors`.
    pub weights_sha256: String,
    /// SHA-256 of `tokenizer.json`.
    pub tokenizer_sha256: String,
}

#[derive(Deserialize)]
struct SentenceBertConfig {
    max_seq_length: Option<usize>,
}

#[derive(Deserialize)]
struct TokenizerConfig {
    model_max_length: Option<f64>,
}

#[derive(Deserialize)]
struct PoolingConfig {
    #[serde(default)]
    pooling_mode_mean_tokens: bool,
    #[serde(default)]
    pooling_mode_cls_token: bool,
    #[serde(default)]
    pooling_mode_max_tokens: bool,
    #[serde(default)]
    pooling_mode_mean_sqrt_len_tokens: bool,
}

#[derive(Deserialize)]
struct ModuleEntry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    path: String,
}

impl ModelFolder {
    /// Reads and checks the folder's configuration, and hashes the weights and
    /// the tokenizer. `name` is what the numbers are signed with (`None`: the
    /// folder's own name).
    pub fn open(dir: &Path, name: Option<&str>) -> Result<ModelFolder, ModelError> {
        if !dir.is_dir() {
            return Err(ModelError::NotAFolder { path: dir.to_path_buf() });
        }
        let bert: BertSettings = read_json(&dir.join("config.json"))?;
        if let Some(kind) = bert.model_type.as_deref().filter(|kind| *kind != "bert") {
            return Err(ModelError::Unsupported {
                path: dir.join("config.json"),
                what: format!("model_type {kind:?}: only BERT models are supported"),
            });
        }
        if bert.hidden_act != "gelu" {
            return Err(ModelError::Unsupported {
                path: dir.join("config.json"),
                what: format!(
                    "hidden_act {:?}: only \"gelu\" (exact erf GELU) is supported",
                    bert.hidden_act
                ),
            });
        }
        let max_seq_length = optional_json::<SentenceBertConfig>(&dir.join("sentence_bert_config.json"))?
            .and_then(|config| config.max_seq_length)
            .unwrap_or(bert.max_position_embeddings)
            .min(bert.max_position_embeddings);
        let model_max_length = optional_json::<TokenizerConfig>(&dir.join("tokenizer_config.json"))?
            .and_then(|config| config.model_max_length)
            .filter(|length| *length >= 2.0 && *length <= bert.max_position_embeddings as f64)
            .map_or(bert.max_position_embeddings, |length| length as usize);
        let (pooling, normalize) = sentence_modules(dir)?;
        let weights = dir.join("model.safetensors");
        let tokenizer = dir.join("tokenizer.json");
        for file in [&weights, &tokenizer] {
            if !file.is_file() {
                return Err(ModelError::Missing { path: file.clone() });
            }
        }
        let hash = |path: &Path| {
            crate::digest::file_sha256(path)
                .map_err(|source| ModelError::Read { path: path.to_path_buf(), source })
        };
        let weights_sha256 = hash(&weights)?;
        let name = match name.or_else(|| known_name(&weights_sha256)) {
            Some(name) => name.to_string(),
            None => dir
                .canonicalize()
                .ok()
                .and_then(|dir| dir.file_name().map(|name| name.to_string_lossy().into_owned()))
                .unwrap_or_else(|| dir.display().to_string()),
        };
        Ok(ModelFolder {
            dir: dir.to_path_buf(),
            name,
            max_seq_length,
            model_max_length,
            pooling,
            normalize,
            weights_sha256,
            tokenizer_sha256: hash(&tokenizer)?,
            bert,
        })
    }

    /// `model.safetensors`.
    pub fn weights(&self) -> PathBuf {
        self.dir.join("model.safetensors")
    }

    /// `tokenizer.json`.
    pub fn tokenizer(&self) -> PathBuf {
        self.dir.join("tokenizer.json")
    }
}

/// Models known by the SHA-256 of their weights, named as the hub names them
/// (so a folder signs its numbers as bert_score does when it loads the model
/// by that name). The hashes are those the hub publishes for the files.
const KNOWN: &[(&str, &str)] = &[(
    "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "sentence-transformers/all-MiniLM-L6-v2",
)];

fn known_name(weights_sha256: &str) -> Option<&'static str> {
    KNOWN.iter().find(|(sha256, _)| *sha256 == weights_sha256).map(|(_, name)| *name)
}

/// Pooling and normalisation from `modules.json` and the pooling module's
/// config; a folder without `modules.json` is a plain BERT: mean pooling, no
/// normalisation (what sentence-transformers does with it).
fn sentence_modules(dir: &Path) -> Result<(Pooling, bool), ModelError> {
    let Some(modules) = optional_json::<Vec<ModuleEntry>>(&dir.join("modules.json"))? else {
        return Ok((Pooling::Mean, false));
    };
    let mut pooling = Pooling::Mean;
    let mut normalize = false;
    for module in &modules {
        let kind = module.kind.rsplit('.').next().unwrap_or_default();
        match kind {
            "Transformer" => {}
            "Normalize" => normalize = true,
            "Pooling" => {
                let path = dir.join(&module.path).join("config.json");
                let config: PoolingConfig = read_json(&path)?;
                pooling = match (
                    config.pooling_mode_mean_tokens,
                    config.pooling_mode_cls_token,
                    config.pooling_mode_max_tokens || config.pooling_mode_mean_sqrt_len_tokens,
                ) {
                    (true, false, false) => Pooling::Mean,
                    (false, true, false) => Pooling::Cls,
                    _ => {
                        return Err(ModelError::Unsupported {
                            path,
                            what: "pooling: only one of mean or CLS pooling is supported".into(),
                        });
                    }
                };
            }
            other => {
                return Err(ModelError::Unsupported {
                    path: dir.join("modules.json"),
                    what: format!("module {other:?}: only Transformer, Pooling and Normalize are supported"),
                });
            }
        }
    }
    Ok((pooling, normalize))
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, ModelError> {
    let text = std::fs::read_to_string(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => ModelError::Missing { path: path.to_path_buf() },
        _ => ModelError::Read { path: path.to_path_buf(), source },
    })?;
    serde_json::from_str(&text).map_err(|source| ModelError::Json { path: path.to_path_buf(), source })
}

fn optional_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>, ModelError> {
    if path.exists() { read_json(path).map(Some) } else { Ok(None) }
}
