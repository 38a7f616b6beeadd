//! Directory corpora: `<dir>/<id>/document.txt`, optional `<dir>/<id>/title.txt`
//! and `<dir>/<id>/references/*.txt` (one reference per file, in file-name
//! order).
//!
//! Every subdirectory of `<dir>` is a document, in id (byte) order; plain
//! files at the top level (a README.md, …) and hidden entries are ignored.
//! The listing is read up front, each document only when reached. A missing
//! `references/` means no references (an error only when references are
//! required); a `references/` without `.txt` files is always an error, as is
//! a missing `document.txt`. References and the title are trimmed; the text
//! is kept as written (after the module-wide hygiene rules).

use std::path::{Path, PathBuf};

use super::{CorpusError, Document, Location, Record, check_reference, is_hidden, read_text_file};

/// Streams [`Record`]s from a directory corpus.
#[derive(Debug)]
pub(crate) struct Reader {
    /// `(id, document directory)`, in id order.
    documents: std::vec::IntoIter<(String, PathBuf)>,
    require_references: bool,
}

impl Reader {
    /// Lists the document directories of `root`.
    pub(crate) fn open(root: &Path, require_references: bool) -> Result<Self, CorpusError> {
        let mut documents = Vec::new();
        for entry in std::fs::read_dir(root).map_err(|e| CorpusError::io(root, e))? {
            let entry = entry.map_err(|e| CorpusError::io(root, e))?;
            let path = entry.path();
            if is_hidden(&entry.file_name()) || !path.is_dir() {
                continue;
            }
            let id = entry.file_name().into_string().map_err(|_| {
                CorpusError::field(&Location::file(&path), "id", "directory name is not valid UTF-8")
            })?;
            documents.push((id, path));
        }
        documents.sort_unstable();
        Ok(Reader { documents: documents.into_iter(), require_references })
    }

    /// Reads one document directory.
    fn read(&self, id: String, dir: &Path) -> Result<Record, CorpusError> {
        let text = read_text_file(&dir.join("document.txt"), "text")?;
        let title_path = dir.join("title.txt");
        let title = match title_path.exists() {
            true => Some(read_text_file(&title_path, "title")?.trim().to_string()).filter(|t| !t.is_empty()),
            false => None,
        };
        let references = self.references(&dir.join("references"))?;
        Ok(Record {
            document: Document { id, title, text, references, language: None },
            location: Location::file(dir),
        })
    }

    /// Reads `references/*.txt` in file-name order.
    fn references(&self, dir: &Path) -> Result<Vec<String>, CorpusError> {
        let location = Location::file(dir);
        if !dir.exists() {
            if self.require_references {
                return Err(CorpusError::field(
                    &location,
                    "references",
                    "directory is missing, but scoring needs at least one reference per document",
                ));
            }
            return Ok(Vec::new());
        }
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| CorpusError::io(dir, e))? {
            let entry = entry.map_err(|e| CorpusError::io(dir, e))?;
            let path = entry.path();
            let is_txt = path.extension().is_some_and(|e| e == "txt");
            if is_txt && !is_hidden(&entry.file_name()) && path.is_file() {
                files.push(path);
            }
        }
        if files.is_empty() {
            return Err(CorpusError::field(&location, "references", "directory has no .txt files"));
        }
        files.sort_unstable();
        files
            .iter()
            .map(|path| {
                let reference = read_text_file(path, "references")?.trim().to_string();
                check_reference(&reference, &Location::file(path), "references")?;
                Ok(reference)
            })
            .collect()
    }
}

impl Iterator for Reader {
    type Item = Result<Record, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (id, dir) = self.documents.next()?;
        Some(self.read(id, &dir))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, name: &str, content: &[u8]) {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    fn read_all(root: &Path, require_references: bool) -> Result<Vec<Document>, CorpusError> {
        Reader::open(root, require_references)?.map(|r| r.map(|r| r.document)).collect()
    }

    #[test]
    fn reads_documents_in_id_order_with_sorted_references() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        write(root, "README.md", b"ignored");
        write(root, ".git/document.txt", b"ignored");
        write(root, "b/document.txt", b"Second.\r\n\r\nPara.\r\n");
        write(root, "b/title.txt", b"  A title\n");
        write(root, "b/references/2.txt", b"two\n");
        write(root, "b/references/10.txt", b"ten\n");
        write(root, "b/references/notes.md", b"ignored");
        write(root, "a/document.txt", b"First.");
        let docs = read_all(root, false).unwrap();
        assert_eq!(
            docs,
            [
                Document {
                    id: "a".into(),
                    title: None,
                    text: "First.".into(),
                    references: vec![],
                    language: None
                },
                Document {
                    id: "b".into(),
                    title: Some("A title".into()),
                    text: "Second.\n\nPara.\n".into(),
                    references: vec!["ten".into(), "two".into()],
                    language: None,
                },
            ]
        );
    }

    #[test]
    fn structural_problems_name_the_file_and_field() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        write(root, "x/references/a.txt", b"ref");
        let error = read_all(root, false).unwrap_err().to_string();
        assert!(error.ends_with("x/document.txt: field `text`: file is missing"), "{error}");

        write(root, "x/document.txt", b"Text.");
        std::fs::remove_file(root.join("x/references/a.txt")).unwrap();
        write(root, "x/references/a.md", b"not a reference");
        let error = read_all(root, false).unwrap_err().to_string();
        assert!(error.ends_with("x/references: field `references`: directory has no .txt files"), "{error}");

        std::fs::remove_dir_all(root.join("x/references")).unwrap();
        assert_eq!(read_all(root, false).unwrap()[0].references, Vec::<String>::new());
        let error = read_all(root, true).unwrap_err().to_string();
        assert!(error.contains("x/references: field `references`: directory is missing"), "{error}");

        write(root, "x/references/a.txt", b" \n");
        let error = read_all(root, false).unwrap_err().to_string();
        assert!(error.ends_with("x/references/a.txt: field `references`: reference is empty"), "{error}");
    }

    #[test]
    fn invalid_utf8_gives_the_file_and_offset() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        write(root, "x/document.txt", b"Fine.");
        write(root, "x/references/a.txt", b"r\xc3");
        let error = read_all(root, false).unwrap_err().to_string();
        assert!(
            error.ends_with("x/references/a.txt: field `references`: invalid UTF-8 at byte offset 1"),
            "{error}"
        );
    }
}
