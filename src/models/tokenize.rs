//! Word pieces: the model folder's `tokenizer.json` through Hugging Face's
//! `tokenizers` crate, with its padding removed and its truncation set by the
//! caller.
//!
//! Why override: all-MiniLM-L6-v2's `tokenizer.json` carries `truncation:
//! 128` and `padding: Fixed 128`, which sentence-transformers and bert_score
//! both replace (256 for sentence embeddings, 512 for BERTScore). Kept as the
//! file says, the ids differ on nearly every text.

use std::path::Path;

use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

use super::ModelError;

/// A tokenizer that gives each text's ids, `[CLS]` and `[SEP]` included, cut to
/// at most `max_length` ids.
pub struct WordPieces {
    inner: Tokenizer,
}

impl WordPieces {
    /// Loads `tokenizer.json`, with no padding and truncation at `max_length`
    /// ids (special tokens included).
    pub fn open(path: &Path, max_length: usize) -> Result<WordPieces, ModelError> {
        let mut inner = Tokenizer::from_file(path).map_err(|error| ModelError::Tokenizer {
            path: path.to_path_buf(),
            message: error.to_string(),
        })?;
        inner.with_padding(None);
        inner
            .with_truncation(Some(TruncationParams {
                max_length,
                strategy: TruncationStrategy::LongestFirst,
                stride: 0,
                direction: TruncationDirection::Right,
            }))
            .map_err(|error| ModelError::Tokenizer {
                path: path.to_path_buf(),
                message: error.to_string(),
            })?;
        Ok(WordPieces { inner })
    }

    /// The ids of `text`: `[CLS]`, its word pieces (cut to fit), `[SEP]`.
    pub fn ids(&self, text: &str) -> Result<Vec<u32>, ModelError> {
        let encoding = self.inner.encode(text, true).map_err(|error| ModelError::Tokenizer {
            path: "tokenizer.json".into(),
            message: error.to_string(),
        })?;
        Ok(encoding.get_ids().to_vec())
    }
}
