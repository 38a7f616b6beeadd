//! Sentence-embedding models (cargo feature `models`): a sentence-transformers
//! BERT folder (`config.json`, `tokenizer.json`, `model.safetensors`, the
//! pooling modules) loaded with candle and Hugging Face's `tokenizers`, pure
//! Rust, on the CPU.
//!
//! Owns: reading and checking a model folder (`ModelFolder`), word pieces,
//! the network and batching (`Encoder`: token vectors of any layer), and
//! sentence embeddings as sentence-transformers computes them
//! (`SentenceEncoder`), and BERTScore as bert_score computes it
//! (`BertScorer`). Never prints, never downloads: `hf://` models come
//! through the caller.
//!
//! Without the feature only [`BertScoreSetting`] (what a run records of its
//! BERTScore) and [`ModelError`] are compiled, so run directories, reports and
//! error messages are the same in every build.

#[cfg(feature = "models")]
mod bertscore;
#[cfg(feature = "models")]
mod encoder;
#[cfg(feature = "models")]
mod folder;
#[cfg(feature = "models")]
mod gelu;
#[cfg(feature = "models")]
mod network;
mod setting;
#[cfg(feature = "models")]
mod tokenize;

use std::path::PathBuf;

#[cfg(feature = "models")]
pub use bertscore::{BertScore, BertScoreOptions, BertScorer, TokenWeights, pair_score};
#[cfg(feature = "models")]
pub use encoder::{Embedding, Encoder, SentenceEncoder, normalize};
#[cfg(feature = "models")]
pub use folder::{BertSettings, ModelFolder, Pooling};
#[cfg(feature = "models")]
pub use network::TokenStates;
pub use setting::{BERT_SCORE_VERSION, BertScoreSetting, TRANSFORMERS_VERSION, bert_score_hash};

/// Whether this build has the `models` feature (the encoder, BERTScore, the
/// embedding summarizers).
pub const AVAILABLE: bool = cfg!(feature = "models");

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
    /// A model command or metric in a build without the feature.
    #[error(
        "this sumbench was built without sentence-embedding models (BERTScore, the embedding summarizers)"
    )]
    NotBuilt,
    /// The weights changed since the run's settings were made.
    #[error("model {path}: model.safetensors has SHA-256 {found}, not {expected} as the settings say")]
    Changed {
        /// The weights file.
        path: PathBuf,
        /// What the settings recorded.
        expected: String,
        /// What the file has now.
        found: String,
    },
    /// The network failed on an input.
    #[error("model computation: {0}")]
    Compute(String),
}

#[cfg(all(test, feature = "models"))]
mod tiny;

#[cfg(all(test, feature = "models"))]
mod tests {
    use super::*;

    fn tiny(max_seq_length: usize) -> (tempfile::TempDir, ModelFolder) {
        let dir = tempfile::tempdir().expect("temporary folder");
        tiny::write(dir.path(), max_seq_length);
        let folder = ModelFolder::open(dir.path(), Some("tiny")).expect("the tiny model opens");
        (dir, folder)
    }

    #[test]
    fn the_folder_is_read_as_configured() {
        let (_dir, folder) = tiny(10);
        assert_eq!(folder.name, "tiny");
        assert_eq!((folder.bert.hidden_size, folder.bert.num_hidden_layers), (8, 2));
        assert_eq!(folder.max_seq_length, 10);
        // No tokenizer_config.json: BERTScore's cut is the positions (32).
        assert_eq!(folder.model_max_length, 32);
        assert_eq!(folder.pooling, Pooling::Mean);
        assert!(folder.normalize);
        assert_eq!(folder.weights_sha256.len(), 64);
    }

    #[test]
    fn ids_ignore_the_files_padding_and_truncation() {
        let (_dir, folder) = tiny(6);
        let encoder = SentenceEncoder::load(folder).expect("loads");
        // [CLS] the cat sat [SEP]: the file's own truncation (4) and fixed padding (12) are overridden.
        let embeddings = encoder.embed(&["The cat sat", "", "the dogs ran on a big mat ."]).expect("embeds");
        assert_eq!(embeddings[0].input_ids, [2, 5, 6, 7, 3]);
        assert_eq!(embeddings[1].input_ids, [2, 3]);
        // Cut to max_seq_length = 6: [CLS], four word pieces, [SEP]; "dogs" is "dog ##s".
        assert_eq!(embeddings[2].input_ids, [2, 5, 10, 13, 11, 3]);
    }

    #[test]
    fn embeddings_are_unit_vectors_and_do_not_depend_on_the_batch() {
        let (_dir, folder) = tiny(16);
        let encoder = SentenceEncoder::load(folder).expect("loads");
        let texts = ["the cat sat on the mat .", "a dog", "", "the big big big dog ran on a mat"];
        let together = encoder.embed(&texts).expect("embeds");
        for (text, batched) in texts.iter().zip(&together) {
            let alone = &encoder.embed(&[text]).expect("embeds")[0];
            assert_eq!(alone.input_ids, batched.input_ids);
            for (a, b) in alone.vector.iter().zip(&batched.vector) {
                assert!((a - b).abs() < 1e-6, "{text:?}: padding changed the vector");
            }
            let norm: f32 = batched.vector.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-6, "{text:?}: norm {norm}");
        }
        // The empty text is [CLS][SEP] and still has a real vector.
        assert!(together[2].vector.iter().any(|x| *x != 0.0));
    }

    #[test]
    fn a_layer_the_model_lacks_is_refused() {
        let (_dir, folder) = tiny(16);
        for layer in [0, 3] {
            let error =
                BertScorer::new(&folder, BertScoreOptions { layer: Some(layer), ..Default::default() })
                    .err()
                    .expect("refused");
            assert_eq!(error.to_string(), format!("layer {layer}: the model has layers 1 to 2"));
        }
    }

    #[test]
    fn bertscore_of_a_text_with_itself_is_one_and_of_an_empty_text_zero() {
        let (_dir, folder) = tiny(16);
        for idf in [false, true] {
            let scorer =
                BertScorer::new(&folder, BertScoreOptions { layer: Some(1), idf, ..Default::default() })
                    .expect("scorer");
            assert_eq!(
                scorer.hash(),
                format!("tiny_L1_{}_version=0.3.12(hug_trans=5.25.0)", if idf { "idf" } else { "no-idf" })
            );
            let states = scorer.encode(&["the cat sat on the mat", "  ", "a dog ran"]).expect("encodes");
            let weights = scorer.weights(&["the cat sat on the mat", "a dog ran"]).expect("weights");
            let same = scorer.score(&states[0], &[&states[0]], &weights).expect("a score");
            for value in [same.precision, same.recall, same.fmeasure] {
                assert!((value - 1.0).abs() < 1e-6, "idf {idf}: {same:?}");
            }
            let empty = scorer.score(&states[1], &[&states[0]], &weights).expect("a score");
            assert_eq!((empty.precision, empty.recall, empty.fmeasure), (0.0, 0.0, 0.0));
            // Several references: each of P, R, F is the maximum over them.
            let pair = |r: usize| scorer.score(&states[2], &[&states[r]], &weights).expect("a score");
            let both = scorer.score(&states[2], &[&states[0], &states[1]], &weights).expect("a score");
            assert_eq!(both.precision, pair(0).precision.max(pair(1).precision));
            assert_eq!(both.recall, pair(0).recall.max(pair(1).recall));
            assert_eq!(both.fmeasure, pair(0).fmeasure.max(pair(1).fmeasure));
        }
    }

    #[test]
    fn a_baseline_rescales_each_of_p_r_f() {
        let (dir, folder) = tiny(16);
        let baseline = dir.path().join("baseline.csv");
        std::fs::write(&baseline, "LAYER,P,R,F\n1,0.5,0.25,0.2\n2,0.9,0.9,0.9\n").expect("baseline");
        let plain = BertScorer::new(&folder, BertScoreOptions { layer: Some(1), ..Default::default() })
            .expect("scorer");
        let rescaled = BertScorer::new(
            &folder,
            BertScoreOptions { layer: Some(1), baseline: Some(baseline), ..Default::default() },
        )
        .expect("scorer");
        assert!(rescaled.hash().ends_with("-custom-rescaled"));
        let states = plain.encode(&["the cat sat", "a big dog ran on the mat"]).expect("encodes");
        let weights = plain.weights(&["a big dog ran on the mat"]).expect("weights");
        let a = plain.score(&states[0], &[&states[1]], &weights).expect("a score");
        let b = rescaled.score(&states[0], &[&states[1]], &weights).expect("a score");
        // (x - b) / (1 - b) with layer 1's row.
        assert!((b.precision - (a.precision - 0.5) / 0.5).abs() < 1e-12);
        assert!((b.recall - (a.recall - 0.25) / 0.75).abs() < 1e-12);
        assert!((b.fmeasure - (a.fmeasure - 0.2) / 0.8).abs() < 1e-12);
    }

    #[test]
    fn a_folder_without_weights_is_named_in_the_error() {
        let (dir, _) = tiny(16);
        std::fs::remove_file(dir.path().join("model.safetensors")).expect("removed");
        let error = ModelFolder::open(dir.path(), None).expect_err("refused");
        assert!(error.to_string().contains("model.safetensors is missing"), "{error}");
    }
}
