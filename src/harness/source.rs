//! Where a run's documents come from: a corpus path read as a stream of
//! documents, and its report name.

use std::path::{Path, PathBuf};

use crate::corpus::{CorpusError, Document, ReadOptions, open};

/// A stream of documents in corpus order.
pub type DocumentStream = Box<dyn Iterator<Item = Result<Document, CorpusError>> + Send>;

/// One corpus of a run.
#[derive(Debug, Clone)]
pub struct CorpusInput {
    /// The corpus file or directory.
    pub path: PathBuf,
    /// How to read it.
    pub options: ReadOptions,
}

impl CorpusInput {
    /// The corpus name used in reports: the path's final component without its
    /// extension, or the parent directory's name when that is `documents`
    /// (so `corpora/bbc/documents.jsonl` is `bbc`).
    pub fn name(&self) -> String {
        corpus_name(&self.path)
    }

    /// Opens the corpus as a stream of documents in corpus order (one
    /// document read at a time).
    pub fn documents(&self) -> Result<DocumentStream, CorpusError> {
        Ok(Box::new(open(&self.path, &self.options)?))
    }
}

/// See [`CorpusInput::name`].
pub fn corpus_name(path: &Path) -> String {
    let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned());
    match stem(path) {
        Some(s) if s == "documents" => path.parent().and_then(stem).unwrap_or(s),
        Some(s) => s,
        None => path.to_string_lossy().into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_corpora_by_file_or_by_folder_of_documents_jsonl() {
        assert_eq!(corpus_name(Path::new("corpus/")), "corpus");
        assert_eq!(corpus_name(Path::new("/x/corpora/bbc/documents.jsonl")), "bbc");
        assert_eq!(corpus_name(Path::new("news.jsonl")), "news");
    }
}
