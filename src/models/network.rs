//! The BERT network: candle-transformers' `BertModel` on the folder's
//! `model.safetensors`, run on batches of id lists padded to a common length.
//!
//! Layer choice (BERTScore's `num_layers`) is how bert_score makes it: the
//! network is built with only its first `layers` transformer layers, so the
//! last hidden state is that layer's output.

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config, HiddenAct, PositionEmbeddingType};

use super::ModelError;
use super::folder::ModelFolder;

/// A loaded BERT cut to its first `layers` layers.
pub struct Network {
    model: BertModel,
    hidden: usize,
    pad: u32,
}

/// One text's token vectors: `ids.len()` rows of `hidden` floats, row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenStates {
    /// The ids the network saw.
    pub ids: Vec<u32>,
    /// The hidden state of every token, one row per id.
    pub states: Vec<f32>,
}

impl TokenStates {
    /// Token `i`'s vector.
    pub fn row(&self, i: usize) -> &[f32] {
        let width = self.states.len() / self.ids.len().max(1);
        &self.states[i * width..(i + 1) * width]
    }
}

impl Network {
    /// Loads the weights with the first `layers` transformer layers
    /// (`1..=num_hidden_layers`).
    pub fn load(folder: &ModelFolder, layers: usize) -> Result<Network, ModelError> {
        let bert = &folder.bert;
        if layers == 0 || layers > bert.num_hidden_layers {
            return Err(ModelError::Layer { layer: layers, layers: bert.num_hidden_layers });
        }
        let config = Config {
            vocab_size: bert.vocab_size,
            hidden_size: bert.hidden_size,
            num_hidden_layers: layers,
            num_attention_heads: bert.num_attention_heads,
            intermediate_size: bert.intermediate_size,
            hidden_act: HiddenAct::Gelu,
            hidden_dropout_prob: 0.0,
            max_position_embeddings: bert.max_position_embeddings,
            type_vocab_size: bert.type_vocab_size,
            initializer_range: 0.02,
            layer_norm_eps: bert.layer_norm_eps,
            pad_token_id: bert.pad_token_id,
            position_embedding_type: PositionEmbeddingType::Absolute,
            use_cache: false,
            classifier_dropout: None,
            model_type: Some("bert".into()),
        };
        let weights = std::fs::read(folder.weights())
            .map_err(|source| ModelError::Read { path: folder.weights(), source })?;
        let candle = |error: candle_core::Error| ModelError::Weights {
            path: folder.weights(),
            message: error.to_string(),
        };
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &Device::Cpu).map_err(candle)?;
        let model = BertModel::load(vb, &config).map_err(candle)?;
        Ok(Network { model, hidden: bert.hidden_size, pad: bert.pad_token_id as u32 })
    }

    /// Width of a token vector.
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// The last hidden state of each id list, run as one padded batch (the
    /// padding is masked out of attention, so each text's vectors are its own).
    pub fn forward(&self, batch: &[Vec<u32>]) -> Result<Vec<TokenStates>, ModelError> {
        let longest = batch.iter().map(Vec::len).max().unwrap_or(0);
        if longest == 0 {
            return Ok(batch
                .iter()
                .map(|ids| TokenStates { ids: ids.clone(), states: Vec::new() })
                .collect());
        }
        let mut ids = Vec::with_capacity(batch.len() * longest);
        let mut mask = Vec::with_capacity(batch.len() * longest);
        for text in batch {
            ids.extend_from_slice(text);
            ids.resize(ids.len() + longest - text.len(), self.pad);
            mask.extend(std::iter::repeat_n(1u32, text.len()));
            mask.resize(mask.len() + longest - text.len(), 0);
        }
        let states = self
            .run(ids, mask, batch.len(), longest)
            .map_err(|error| ModelError::Compute(error.to_string()))?;
        Ok(batch
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let start = i * longest * self.hidden;
                TokenStates {
                    ids: text.clone(),
                    states: states[start..start + text.len() * self.hidden].to_vec(),
                }
            })
            .collect())
    }

    fn run(
        &self,
        ids: Vec<u32>,
        mask: Vec<u32>,
        rows: usize,
        columns: usize,
    ) -> candle_core::Result<Vec<f32>> {
        let ids = Tensor::from_vec(ids, (rows, columns), &Device::Cpu)?;
        let mask = Tensor::from_vec(mask, (rows, columns), &Device::Cpu)?;
        let types = ids.zeros_like()?;
        let output = self.model.forward(&ids, &types, Some(&mask))?;
        output.flatten_all()?.to_vec1::<f32>()
    }
}
