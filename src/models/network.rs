//! The BERT network on candle's tensors: the folder's `model.safetensors`
//! run on batches of id lists padded to a common length.
//!
//! It is BERT as transformers' `BertModel` computes it (post-LN layers,
//! absolute positions, token type 0, padding masked with the dtype's minimum)
//! with two changes that do not change the arithmetic's result beyond f32
//! rounding: query, key and value are one matrix product (their weights
//! side by side), and the exact GELU is [`super::gelu`]'s vector code instead
//! of a scalar `erff` per value. The conformance against sentence-transformers
//! and bert_score (`tests/models.rs`) checks the whole.
//!
//! Layer choice (BERTScore's `num_layers`) is how bert_score makes it: the
//! network is built with only its first `layers` transformer layers, so the
//! last hidden state is that layer's output.

use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{Embedding, LayerNorm, Linear, VarBuilder};

use super::ModelError;
use super::folder::{BertSettings, ModelFolder};
use super::gelu::gelu;

/// A loaded BERT cut to its first `layers` layers.
pub struct Network {
    embeddings: Embeddings,
    layers: Vec<Layer>,
    heads: usize,
    hidden: usize,
    pad: u32,
}

/// Word, position and token-type embeddings, summed and normalized.
struct Embeddings {
    words: Embedding,
    positions: Embedding,
    types: Embedding,
    norm: LayerNorm,
}

/// One transformer layer.
struct Layer {
    /// Query, key and value in one product: `hidden → 3·hidden`.
    query_key_value: Linear,
    attention_output: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    output_norm: LayerNorm,
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
        let weights = std::fs::read(folder.weights())
            .map_err(|source| ModelError::Read { path: folder.weights(), source })?;
        let candle = |error: candle_core::Error| ModelError::Weights {
            path: folder.weights(),
            message: error.to_string(),
        };
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &Device::Cpu).map_err(candle)?;
        // sentence-transformers saves the bare model; a BertFor… checkpoint nests it under `bert.`.
        let vb =
            if vb.contains_tensor("bert.embeddings.word_embeddings.weight") { vb.pp("bert") } else { vb };
        let embeddings = Embeddings::load(vb.pp("embeddings"), bert).map_err(candle)?;
        let layers = (0..layers)
            .map(|index| Layer::load(vb.pp(format!("encoder.layer.{index}")), bert))
            .collect::<candle_core::Result<Vec<_>>>()
            .map_err(candle)?;
        Ok(Network {
            embeddings,
            layers,
            heads: bert.num_attention_heads,
            hidden: bert.hidden_size,
            pad: bert.pad_token_id as u32,
        })
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
        // Added to the attention scores: 0 for a token, the minimum for padding.
        let mut mask = Vec::with_capacity(batch.len() * longest);
        for text in batch {
            ids.extend_from_slice(text);
            ids.resize(ids.len() + longest - text.len(), self.pad);
            mask.extend(std::iter::repeat_n(0f32, text.len()));
            mask.resize(mask.len() + longest - text.len(), f32::MIN);
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
        mask: Vec<f32>,
        rows: usize,
        columns: usize,
    ) -> candle_core::Result<Vec<f32>> {
        let ids = Tensor::from_vec(ids, (rows, columns), &Device::Cpu)?;
        let mask = Tensor::from_vec(mask, (rows, 1, 1, columns), &Device::Cpu)?;
        let mut states = self.embeddings.forward(&ids)?;
        for layer in &self.layers {
            states = layer.forward(&states, &mask, self.heads)?;
        }
        states.flatten_all()?.to_vec1::<f32>()
    }
}

impl Embeddings {
    fn load(vb: VarBuilder, bert: &BertSettings) -> candle_core::Result<Embeddings> {
        let hidden = bert.hidden_size;
        Ok(Embeddings {
            words: candle_nn::embedding(bert.vocab_size, hidden, vb.pp("word_embeddings"))?,
            positions: candle_nn::embedding(
                bert.max_position_embeddings,
                hidden,
                vb.pp("position_embeddings"),
            )?,
            types: candle_nn::embedding(bert.type_vocab_size, hidden, vb.pp("token_type_embeddings"))?,
            norm: candle_nn::layer_norm(hidden, bert.layer_norm_eps, vb.pp("LayerNorm"))?,
        })
    }

    /// `(rows, columns)` ids → `(rows, columns, hidden)`; every token has type 0.
    fn forward(&self, ids: &Tensor) -> candle_core::Result<Tensor> {
        let columns = ids.dim(1)?;
        let positions = Tensor::arange(0u32, columns as u32, ids.device())?;
        let types = Tensor::zeros(columns, DType::U32, ids.device())?;
        let words = self.words.forward(ids)?;
        let sum =
            words.broadcast_add(&(self.types.forward(&types)? + self.positions.forward(&positions)?)?)?;
        self.norm.forward(&sum)
    }
}

impl Layer {
    fn load(vb: VarBuilder, bert: &BertSettings) -> candle_core::Result<Layer> {
        let hidden = bert.hidden_size;
        let linear = |vb: VarBuilder, input: usize, output: usize| candle_nn::linear(input, output, vb);
        let norm = |vb: VarBuilder| candle_nn::layer_norm(hidden, bert.layer_norm_eps, vb);
        let attention = vb.pp("attention.self");
        let part = |name: &str| -> candle_core::Result<(Tensor, Tensor)> {
            Ok((
                attention.get((hidden, hidden), &format!("{name}.weight"))?,
                attention.get(hidden, &format!("{name}.bias"))?,
            ))
        };
        let (query, key, value) = (part("query")?, part("key")?, part("value")?);
        let weight = Tensor::cat(&[&query.0, &key.0, &value.0], 0)?;
        let bias = Tensor::cat(&[&query.1, &key.1, &value.1], 0)?;
        Ok(Layer {
            query_key_value: Linear::new(weight, Some(bias)),
            attention_output: linear(vb.pp("attention.output.dense"), hidden, hidden)?,
            attention_norm: norm(vb.pp("attention.output.LayerNorm"))?,
            intermediate: linear(vb.pp("intermediate.dense"), hidden, bert.intermediate_size)?,
            output: linear(vb.pp("output.dense"), bert.intermediate_size, hidden)?,
            output_norm: norm(vb.pp("output.LayerNorm"))?,
        })
    }

    /// `(rows, columns, hidden)` → the same shape; `mask` is `(rows, 1, 1, columns)`.
    fn forward(&self, states: &Tensor, mask: &Tensor, heads: usize) -> candle_core::Result<Tensor> {
        let (rows, columns, hidden) = states.dims3()?;
        let width = hidden / heads;
        let qkv = self.query_key_value.forward(states)?;
        // (rows, columns, hidden) → (rows, heads, columns, width)
        let split = |part: usize| -> candle_core::Result<Tensor> {
            qkv.narrow(2, part * hidden, hidden)?
                .reshape((rows, columns, heads, width))?
                .transpose(1, 2)?
                .contiguous()
        };
        let (query, key, value) = (split(0)?, split(1)?, split(2)?);
        let scores = (query.matmul(&key.t()?)? / (width as f64).sqrt())?.broadcast_add(mask)?;
        let probabilities = candle_nn::ops::softmax_last_dim(&scores)?;
        let context = probabilities.matmul(&value)?.transpose(1, 2)?.reshape((rows, columns, hidden))?;
        let attended = self.attention_norm.forward(&(self.attention_output.forward(&context)? + states)?)?;
        let intermediate = gelu(&self.intermediate.forward(&attended)?)?;
        self.output_norm.forward(&(self.output.forward(&intermediate)? + &attended)?)
    }
}
