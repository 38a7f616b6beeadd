//! Texts to vectors: word pieces, then the network over batches of texts of
//! similar length; token vectors (BERTScore) or pooled sentence vectors
//! (sentence-transformers' `encode`).

use super::ModelError;
use super::folder::{ModelFolder, Pooling};
use super::network::{Network, TokenStates};
use super::tokenize::WordPieces;

/// Texts per forward pass. Texts are sorted by length first, so a batch pads
/// little; 32 is sentence-transformers' default.
const BATCH: usize = 32;

/// A tokenizer and a network: texts in, each text's token vectors out.
pub struct Encoder {
    pieces: WordPieces,
    network: Network,
}

impl Encoder {
    /// The folder's tokenizer, cut at `max_length` ids, and its network's first
    /// `layers` layers.
    pub fn load(folder: &ModelFolder, max_length: usize, layers: usize) -> Result<Encoder, ModelError> {
        Ok(Encoder {
            pieces: WordPieces::open(&folder.tokenizer(), max_length)?,
            network: Network::load(folder, layers)?,
        })
    }

    /// The ids of `text`, as [`Encoder::states`] feeds them to the network.
    pub fn ids(&self, text: &str) -> Result<Vec<u32>, ModelError> {
        self.pieces.ids(text)
    }

    /// Width of a token vector.
    pub fn hidden(&self) -> usize {
        self.network.hidden()
    }

    /// Each text's token vectors, in the order given.
    pub fn states<S: AsRef<str>>(&self, texts: &[S]) -> Result<Vec<TokenStates>, ModelError> {
        let ids = texts.iter().map(|text| self.pieces.ids(text.as_ref())).collect::<Result<Vec<_>, _>>()?;
        self.states_of_ids(ids)
    }

    /// Each id list's token vectors, in the order given, computed in batches of
    /// lists of similar length.
    pub fn states_of_ids(&self, ids: Vec<Vec<u32>>) -> Result<Vec<TokenStates>, ModelError> {
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(ids[i].len()));
        let mut out: Vec<Option<TokenStates>> = vec![None; ids.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<Vec<u32>> = chunk.iter().map(|&i| ids[i].clone()).collect();
            for (&i, states) in chunk.iter().zip(self.network.forward(&batch)?) {
                out[i] = Some(states);
            }
        }
        Ok(out.into_iter().map(|states| states.expect("every text is in one batch")).collect())
    }
}

/// One text's sentence embedding and the ids it was made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Embedding {
    /// `[CLS]`, the word pieces (cut to fit), `[SEP]`.
    pub input_ids: Vec<u32>,
    /// The pooled (and, if the model says so, unit-length) vector.
    pub vector: Vec<f32>,
}

/// sentence-transformers' `encode`: all layers, the folder's `max_seq_length`,
/// its pooling and its normalisation.
pub struct SentenceEncoder {
    folder: ModelFolder,
    encoder: Encoder,
}

impl SentenceEncoder {
    /// Loads the folder's tokenizer and network.
    pub fn load(folder: ModelFolder) -> Result<SentenceEncoder, ModelError> {
        let encoder = Encoder::load(&folder, folder.max_seq_length, folder.bert.num_hidden_layers)?;
        Ok(SentenceEncoder { folder, encoder })
    }

    /// The folder the model came from.
    pub fn folder(&self) -> &ModelFolder {
        &self.folder
    }

    /// Length of an embedding.
    pub fn dimension(&self) -> usize {
        self.encoder.hidden()
    }

    /// Each text's embedding, in the order given.
    pub fn embed<S: AsRef<str>>(&self, texts: &[S]) -> Result<Vec<Embedding>, ModelError> {
        let states = self.encoder.states(texts)?;
        Ok(states.into_iter().map(|states| self.pool(states)).collect())
    }

    fn pool(&self, states: TokenStates) -> Embedding {
        let width = self.dimension();
        let mut vector = vec![0f32; width];
        match self.folder.pooling {
            Pooling::Cls => {
                if !states.ids.is_empty() {
                    vector.copy_from_slice(states.row(0));
                }
            }
            Pooling::Mean => {
                for i in 0..states.ids.len() {
                    for (sum, value) in vector.iter_mut().zip(states.row(i)) {
                        *sum += value;
                    }
                }
                let count = (states.ids.len() as f32).max(1e-9);
                vector.iter_mut().for_each(|value| *value /= count);
            }
        }
        if self.folder.normalize {
            normalize(&mut vector);
        }
        Embedding { input_ids: states.ids, vector }
    }
}

/// `v / max(‖v‖₂, 1e-12)`, as torch's `F.normalize`.
pub fn normalize(vector: &mut [f32]) {
    let norm = vector.iter().map(|value| value * value).sum::<f32>().sqrt().max(1e-12);
    vector.iter_mut().for_each(|value| *value /= norm);
}
