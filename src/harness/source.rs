//! Where a run's documents come from: a corpus path read as a stream of
//! documents, its report name and its content hash.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

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

/// SHA-256 (hex) of a corpus: of the file's bytes, or for a directory, of
/// every file below it in sorted relative-path order, each hashed as its
/// path, a NUL byte, its length (u64 little-endian) and its bytes.
pub fn corpus_sha256(path: &Path) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    if path.is_dir() {
        let mut files = Vec::new();
        collect_files(path, path, &mut files)?;
        files.sort();
        for relative in files {
            let full = path.join(&relative);
            hasher.update(relative.to_string_lossy().as_bytes());
            hasher.update([0]);
            hasher.update(std::fs::metadata(&full)?.len().to_le_bytes());
            hash_file(&full, &mut hasher)?;
        }
    } else {
        hash_file(path, &mut hasher)?;
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            out.push(relative.to_path_buf());
        }
    }
    Ok(())
}

fn hash_file(path: &Path, hasher: &mut Sha256) -> std::io::Result<()> {
    let mut file = std::fs::File::open(path)?;
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            return Ok(());
        }
        hasher.update(&buffer[..n]);
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

    #[test]
    fn file_hash_is_the_sha256_of_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.jsonl");
        std::fs::write(&file, b"abc").unwrap();
        // FIPS 180-2 test vector for "abc".
        assert_eq!(
            corpus_sha256(&file).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn directory_hash_changes_with_any_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("d")).unwrap();
        std::fs::write(dir.path().join("d/document.txt"), b"text").unwrap();
        let before = corpus_sha256(dir.path()).unwrap();
        std::fs::write(dir.path().join("d/document.txt"), b"texT").unwrap();
        assert_ne!(corpus_sha256(dir.path()).unwrap(), before);
    }
}
