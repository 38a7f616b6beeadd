//! Sentence-embedding models (cargo feature `models`): a sentence-transformers
//! BERT folder (`config.json`, `tokenizer.json`, `model.safetensors`, the
//! pooling modules) loaded with candle and Hugging Face's `tokenizers`, pure
//! Rust, on the CPU.
//!
//! Owns: reading and checking a model folder ([`ModelFolder`]), word pieces,
//! the network and batching ([`Encoder`]: token vectors of any layer), and
//! sentence embeddings as sentence-transformers computes them
//! ([`SentenceEncoder`]), and BERTScore as bert_score computes it
//! ([`BertScorer`]). Never prints, never downloads: `hf://` models come
//! through the caller.

mod bertscore;
mod encoder;
mod folder;
mod network;
mod tokenize;

use std::path::PathBuf;

pub use bertscore::{BertScore, BertScoreOptions, BertScorer, TokenWeights, bert_score_hash, pair_score};
pub use encoder::{Embedding, Encoder, SentenceEncoder, normalize};
pub use folder::{BertSettings, ModelFolder, Pooling};
pub use network::TokenStates;

/// A model folder that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// `--model` is not a folder.
    #[error(
        "model {path}: not a folder (a sentence-transformers model folder with config.json, tokenizer.json and model.safetensors)"
    )]
    NotAFolder {
        /// The path given.
        path: PathBuf,
    },
    /// A file the model needs is missing.
    #[error("model file {path} is missing")]
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// A file that cannot be read.
    #[error("model file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A JSON configuration that does not parse.
    #[error("model file {path}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// Why.
        source: serde_json::Error,
    },
    /// A configuration this loader does not implement.
    #[error("model file {path}: {what}")]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What is not supported.
        what: String,
    },
    /// `tokenizer.json` cannot be loaded or applied.
    #[error("model tokenizer {path}: {message}")]
    Tokenizer {
        /// The file.
        path: PathBuf,
        /// The tokenizers crate's message.
        message: String,
    },
    /// `model.safetensors` lacks a tensor or has the wrong shapes.
    #[error("model weights {path}: {message}")]
    Weights {
        /// The file.
        path: PathBuf,
        /// candle's message.
        message: String,
    },
    /// A layer the model does not have.
    #[error("layer {layer}: the model has layers 1 to {layers}")]
    Layer {
        /// The layer asked for.
        layer: usize,
        /// How many the model has.
        layers: usize,
    },
    /// The network failed on an input.
    #[error("model computation: {0}")]
    Compute(String),
}
