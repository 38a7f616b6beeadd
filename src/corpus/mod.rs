//! Corpus input: the [`Document`] type and the readers that produce it.
//!
//! Owns: file formats (JSONL, directory, CNN/DailyMail `.story`), format
//! detection and precise input errors. Never tokenizes or scores.

use std::path::{Path, PathBuf};

/// One document to summarize, with its human reference summaries.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// Unique id within the corpus.
    pub id: String,
    /// Optional title (used by Edmundson's title method).
    pub title: Option<String>,
    /// The full source text.
    pub text: String,
    /// Human reference summaries (may be empty when no scoring is asked for).
    pub references: Vec<String>,
}

/// On-disk corpus formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// `<dir>/<id>/document.txt` + `<dir>/<id>/references/*.txt`.
    Dir,
    /// CNN/DailyMail `.story` files (a file or a directory of them).
    Story,
}

/// How to read a corpus.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Format; detected from the path when `None`.
    pub format: Option<Format>,
    /// JSONL field holding the id.
    pub id_field: String,
    /// JSONL field holding the text.
    pub text_field: String,
    /// JSONL field holding the references (array of strings, or one string of
    /// newline-separated highlights forming one reference).
    pub ref_field: String,
    /// JSONL field holding the optional title.
    pub title_field: String,
    /// Whether every document must have at least one reference (scoring runs).
    pub require_references: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            id_field: "id".into(),
            text_field: "text".into(),
            ref_field: "references".into(),
            title_field: "title".into(),
            require_references: false,
        }
    }
}

/// Errors from reading a corpus; each names the file and, where it applies,
/// the line and the field.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path being read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Anything wrong with one record.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when the format has no lines, e.g. a directory corpus).
        line: usize,
        /// What is wrong, naming the field.
        message: String,
    },
}

/// Reads a whole corpus into memory.
pub fn read_corpus(path: &Path, options: &ReadOptions) -> Result<Vec<Document>, CorpusError> {
    // Placeholder until the corpus readers land: JSONL only, minimal checks.
    let _ = options;
    let text = std::fs::read_to_string(path)
        .map_err(|source| CorpusError::Io { path: path.to_path_buf(), source })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| CorpusError::Invalid {
                path: path.to_path_buf(),
                line: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
}
