//! Text processing shared by every summarizer: sentence segmentation with
//! byte spans, word tokens (case folding, stop words, stemming) and the
//! [`PreparedDocument`] built once per document.
//!
//! Owns: turning raw text into sentences and interned term ids. Never knows
//! about summarizers, ROUGE or reports.

mod prepared;
mod segment;
mod tokens;

pub use prepared::{CorpusStats, PreparedDocument, Sentence, prepare_corpus};
pub use segment::{sentence_spans, sentence_spans_in};
pub use tokens::{DocumentTerms, TermId, WordTokenizer};
