//! Corpus input: the [`Document`] type and the readers that produce it.
//!
//! Owns: the on-disk formats (JSONL in `jsonl.rs`, directory corpora in
//! `dir.rs`, CNN/DailyMail `.story` files in `story.rs`, CSV and TSV in
//! `delimited.rs`, parquet in `parquet.rs`), format detection, streaming
//! ([`open`] yields documents one at a time; [`read_corpus`] collects them) and
//! precise input errors ([`CorpusError`] names the file, the line where the
//! format has lines, and the field).
//!
//! Never tokenizes, segments or scores, and never panics on bad input.
//!
//! Text hygiene, the same for every format:
//! - Text must be UTF-8; invalid bytes are an error giving the byte offset.
//! - A UTF-8 byte order mark at the start of a file is dropped.
//! - CRLF line ends become LF (in file contents and in JSON string values), so
//!   blank-line paragraph breaks look the same whatever system wrote the file.
//! - A NUL byte in a text, title or reference is an error (it almost always
//!   means a binary or UTF-16 file, and no summary should contain one).
//! - A reference that is empty or only whitespace is an error; a document
//!   without references is fine unless [`ReadOptions::require_references`].

mod delimited;
mod dir;
mod jsonl;
pub(crate) use jsonl::kind as json_kind;
#[cfg(feature = "parquet")]
mod parquet;
mod story;

use std::collections::HashMap;
use std::fmt;
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
    /// The document's language, when its corpus says (a JSONL `language`
    /// field); otherwise the run's `--language` decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::lang::Language>,
}

/// What a summarizer may read of a [`Document`]: everything but the references.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// Unique id within the corpus.
    pub id: String,
    /// Optional title.
    pub title: Option<String>,
    /// The full source text.
    pub text: String,
}

impl Document {
    /// The document split into what summarizers see and the references they
    /// must not see.
    pub fn into_parts(self) -> (Source, Vec<String>) {
        let Document { id, title, text, references, language: _ } = self;
        (Source { id, title, text }, references)
    }
}

/// A document's source, its references dropped.
impl From<Document> for Source {
    fn from(document: Document) -> Source {
        document.into_parts().0
    }
}

/// On-disk corpus formats (in `run.json`, by their [`fmt::Display`] names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// `<dir>/<id>/document.txt` + `<dir>/<id>/references/*.txt`.
    Dir,
    /// CNN/DailyMail `.story` files (a file or a directory of them).
    Story,
    /// Comma-separated values with a header row (`.csv`).
    Csv,
    /// Tab-separated values with a header row (`.tsv`).
    Tsv,
    /// Apache Parquet (`.parquet`), as the Hugging Face Hub ships datasets.
    Parquet,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Jsonl => "jsonl",
            Format::Dir => "dir",
            Format::Story => "story",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Parquet => "parquet",
        })
    }
}

/// Default JSONL field holding the id.
pub const DEFAULT_ID_FIELD: &str = "id";
/// Default JSONL field holding the text.
pub const DEFAULT_TEXT_FIELD: &str = "text";
/// Default JSONL field holding the references.
pub const DEFAULT_REF_FIELD: &str = "references";
/// Default JSONL field holding the title.
pub const DEFAULT_TITLE_FIELD: &str = "title";
/// The id field that stands for the 1-based row number, for parquet files
/// without an id column (most Hugging Face datasets).
pub const ROW_NUMBER_ID: &str = "#row";

/// How to read a corpus. `run.json` records it (all but
/// `require_references`) so a run's corpora are re-read the same way.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ReadOptions {
    /// Format; detected from the path when `None` (see [`detect_format`]).
    pub format: Option<Format>,
    /// JSONL field holding the id (a string or an integer); for parquet,
    /// [`ROW_NUMBER_ID`] numbers the rows instead.
    pub id_field: String,
    /// JSONL field holding the text.
    pub text_field: String,
    /// JSONL field holding the references: an array of strings, or one string
    /// (e.g. newline-separated highlights) forming a single reference.
    pub ref_field: String,
    /// JSONL field holding the optional title.
    pub title_field: String,
    /// Whether every document must have at least one reference (scoring runs).
    #[serde(skip)]
    pub require_references: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            id_field: DEFAULT_ID_FIELD.into(),
            text_field: DEFAULT_TEXT_FIELD.into(),
            ref_field: DEFAULT_REF_FIELD.into(),
            title_field: DEFAULT_TITLE_FIELD.into(),
            require_references: false,
        }
    }
}

/// Where in the input something is: a file (or directory) and, for line-based
/// formats, a 1-based line, for parquet a 1-based row. Displays as
/// `path:line`, `path: row N` or `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file or directory.
    pub path: PathBuf,
    /// The 1-based line, when the format has lines.
    pub line: Option<usize>,
    /// The 1-based row, when the format has rows but no lines (parquet).
    pub row: Option<usize>,
}

impl Location {
    /// A whole file or directory.
    pub fn file(path: &Path) -> Location {
        Location { path: path.to_path_buf(), line: None, row: None }
    }

    /// One line of a file.
    pub fn line(path: &Path, line: usize) -> Location {
        Location { path: path.to_path_buf(), line: Some(line), row: None }
    }

    /// One row of a file without lines (parquet).
    pub fn row(path: &Path, row: usize) -> Location {
        Location { path: path.to_path_buf(), line: None, row: Some(row) }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.row) {
            (Some(line), _) => write!(f, "{}:{line}", self.path.display()),
            (None, Some(row)) => write!(f, "{}: row {row}", self.path.display()),
            (None, None) => write!(f, "{}", self.path.display()),
        }
    }
}

/// Errors from reading a corpus; each names the file and, where it applies,
/// the line and the field.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The file or directory could not be read. The I/O error is part of the
    /// message (not a `source()`), so printing the error chain shows it once.
    #[error("{}: {error}", path.display())]
    Io {
        /// The path being read.
        path: PathBuf,
        /// The underlying error.
        error: std::io::Error,
    },
    /// The format could not be told from the path.
    #[error("{}: cannot tell the corpus format: {reason}", path.display())]
    UnknownFormat {
        /// The corpus path.
        path: PathBuf,
        /// What was found instead.
        reason: String,
    },
    /// The corpus holds no documents.
    #[error("{}: empty corpus: no documents", path.display())]
    Empty {
        /// The corpus path.
        path: PathBuf,
    },
    /// Bytes that are not UTF-8.
    #[error(
        "{location}: {}invalid UTF-8 at byte offset {offset}{}",
        field.as_ref().map(|f| format!("field `{f}`: ")).unwrap_or_default(),
        if location.line.is_some() { " of the line" } else { "" }
    )]
    InvalidUtf8 {
        /// The file (and line, for JSONL).
        location: Location,
        /// The field holding the bad bytes, when it can be told.
        field: Option<String>,
        /// 0-based byte offset of the first bad byte in the line (JSONL) or file.
        offset: usize,
    },
    /// A JSONL line that is not valid JSON (including a truncated line).
    #[error("{location}: malformed JSON at column {column}: {message}")]
    MalformedJson {
        /// The file and line.
        location: Location,
        /// 1-based column (in bytes) where parsing failed.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// A JSONL line holding valid JSON that is not an object.
    #[error("{location}: expected a JSON object, found {found}")]
    NotAnObject {
        /// The file and line.
        location: Location,
        /// What the line holds (e.g. "an array").
        found: &'static str,
    },
    /// A field (or the file standing for it) that is missing or wrong.
    #[error("{location}: field `{field}`: {problem}")]
    Field {
        /// The file (and line, for line-based formats).
        location: Location,
        /// The field as named in the input (e.g. `references[2]`, `text`).
        field: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A CSV or TSV record that cannot be read as one (e.g. a ragged row).
    #[error("{location}: malformed: {message}")]
    Malformed {
        /// The file and the line where the record starts.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// Two documents with the same id.
    #[error(
        "{location}: field `id`: duplicate id `{id}`{}",
        first_line.map(|l| format!(" (first seen on line {l})")).unwrap_or_default()
    )]
    DuplicateId {
        /// Where the second occurrence is.
        location: Location,
        /// The repeated id.
        id: String,
        /// The line of the first occurrence, for line-based formats.
        first_line: Option<usize>,
    },
}

impl CorpusError {
    /// Builds a [`CorpusError::Field`].
    pub(crate) fn field(location: &Location, field: &str, problem: impl Into<String>) -> CorpusError {
        CorpusError::Field { location: location.clone(), field: field.to_string(), problem: problem.into() }
    }

    /// Builds a [`CorpusError::Io`].
    pub(crate) fn io(path: &Path, error: std::io::Error) -> CorpusError {
        CorpusError::Io { path: path.to_path_buf(), error }
    }
}

/// One document and where it came from, as the format readers yield it.
#[derive(Debug)]
pub(crate) struct Record {
    /// The document.
    pub document: Document,
    /// Where it is (for errors found after reading, such as duplicate ids).
    pub location: Location,
}

/// Tells the format from the path: a file ending `.jsonl`/`.json` is JSONL,
/// `.csv` CSV, `.tsv` TSV, `.parquet` parquet, `.story` a story; a directory with subdirectories is a
/// directory corpus (each subdirectory a document), a directory of `.story`
/// files a story corpus. Hidden entries do not count.
pub fn detect_format(path: &Path) -> Result<Format, CorpusError> {
    let metadata = std::fs::metadata(path).map_err(|e| CorpusError::io(path, e))?;
    if !metadata.is_dir() {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        return match extension.as_deref() {
            Some("jsonl" | "json") => Ok(Format::Jsonl),
            Some("story") => Ok(Format::Story),
            Some("csv") => Ok(Format::Csv),
            Some("tsv") => Ok(Format::Tsv),
            Some("parquet") => Ok(Format::Parquet),
            _ => Err(CorpusError::UnknownFormat {
                path: path.to_path_buf(),
                reason: "a file not ending in .jsonl, .json, .csv, .tsv, .parquet or .story".into(),
            }),
        };
    }
    let mut has_subdirectory = false;
    let mut has_story = false;
    for entry in std::fs::read_dir(path).map_err(|e| CorpusError::io(path, e))? {
        let entry = entry.map_err(|e| CorpusError::io(path, e))?;
        if is_hidden(&entry.file_name()) {
            continue;
        }
        let entry_path = entry.path();
        if entry_path.is_dir() {
            has_subdirectory = true;
        } else if entry_path.extension().is_some_and(|e| e.eq_ignore_ascii_case("story")) {
            has_story = true;
        }
    }
    match (has_subdirectory, has_story) {
        (true, _) => Ok(Format::Dir),
        (false, true) => Ok(Format::Story),
        (false, false) => Err(CorpusError::UnknownFormat {
            path: path.to_path_buf(),
            reason: "a directory with neither <id>/document.txt subdirectories nor .story files".into(),
        }),
    }
}

/// Whether a directory entry is hidden (`.git`, `.DS_Store`, …) and so skipped.
pub(crate) fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Opens a corpus for streaming: documents are read one at a time, so memory
/// holds one document (plus the set of ids seen, for duplicate detection), not
/// the corpus. The first error ends the stream.
pub fn open(path: &Path, options: &ReadOptions) -> Result<Corpus, CorpusError> {
    let format = match options.format {
        Some(format) => format,
        None => detect_format(path)?,
    };
    let reader = match format {
        Format::Jsonl => Reader::Jsonl(jsonl::Reader::open(path, options)?),
        Format::Dir => Reader::Dir(dir::Reader::open(path, options.require_references)?),
        Format::Story => Reader::Story(story::Reader::open(path)?),
        Format::Csv => {
            Reader::Delimited(delimited::Reader::open(path, delimited::Delimiter::Comma, options)?)
        }
        Format::Tsv => Reader::Delimited(delimited::Reader::open(path, delimited::Delimiter::Tab, options)?),
        #[cfg(feature = "parquet")]
        Format::Parquet => Reader::Parquet(Box::new(parquet::Reader::open(path, options)?)),
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => {
            return Err(CorpusError::UnknownFormat {
                path: path.to_path_buf(),
                reason: "parquet, which this build cannot read (built without the `parquet` feature)".into(),
            });
        }
    };
    Ok(Corpus { path: path.to_path_buf(), format, reader, seen: HashMap::new(), done: false })
}

/// The file a corpus folder stands for: `<dir>/documents.jsonl`, the layout
/// of `corpus/billsum/` and of Hugging-Face-style exports.
pub const DOCUMENTS_FILE: &str = "documents.jsonl";

/// The corpora a path names, in name order.
///
/// - A file, or a directory corpus (`<id>/document.txt` subdirectories), or a
///   directory of `.story` files: that one corpus.
/// - A directory holding [`DOCUMENTS_FILE`]: that file.
/// - A *collection*: a directory none of whose subdirectories is a document
///   (no `document.txt`) and at least one of which is a corpus. Each
///   subdirectory that is a corpus becomes one, by the two rules above;
///   loose files (a `README.md`) are ignored. `corpus/` is one.
pub fn corpora_in(path: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    if path.join(DOCUMENTS_FILE).is_file() {
        return Ok(vec![path.join(DOCUMENTS_FILE)]);
    }
    let mut members = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| CorpusError::io(path, e))? {
        let entry = entry.map_err(|e| CorpusError::io(path, e))?;
        let child = entry.path();
        if is_hidden(&entry.file_name()) || !child.is_dir() {
            continue;
        }
        if child.join("document.txt").exists() || child.join("references").is_dir() {
            // A document of a directory corpus: `path` itself is the corpus.
            return Ok(vec![path.to_path_buf()]);
        }
        if child.join(DOCUMENTS_FILE).is_file() {
            members.push(child.join(DOCUMENTS_FILE));
        } else if is_directory_corpus(&child) {
            members.push(child);
        }
    }
    if members.is_empty() {
        return Ok(vec![path.to_path_buf()]);
    }
    members.sort();
    Ok(members)
}

/// Whether `dir` has a subdirectory holding `document.txt`.
fn is_directory_corpus(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| !is_hidden(&e.file_name()) && e.path().join("document.txt").is_file())
    })
}

/// Reads a whole corpus into memory (see [`open`] to stream it instead).
pub fn read_corpus(path: &Path, options: &ReadOptions) -> Result<Vec<Document>, CorpusError> {
    open(path, options)?.collect()
}

/// A corpus being read: an iterator of documents in file order (JSONL) or id
/// order (directory and story corpora). Checks what needs the whole stream:
/// duplicate ids and an empty corpus.
#[derive(Debug)]
pub struct Corpus {
    path: PathBuf,
    format: Format,
    reader: Reader,
    /// Ids seen so far → line of first occurrence (line-based formats).
    seen: HashMap<String, Option<usize>>,
    done: bool,
}

#[derive(Debug)]
enum Reader {
    Jsonl(jsonl::Reader<std::io::BufReader<std::fs::File>>),
    Dir(dir::Reader),
    Story(story::Reader),
    Delimited(delimited::Reader),
    #[cfg(feature = "parquet")]
    Parquet(Box<parquet::Reader>),
}

impl Corpus {
    /// The corpus path as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The format being read (given or detected).
    pub fn format(&self) -> Format {
        self.format
    }
}

impl Iterator for Corpus {
    type Item = Result<Document, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = match &mut self.reader {
            Reader::Jsonl(reader) => reader.next(),
            Reader::Dir(reader) => reader.next(),
            Reader::Story(reader) => reader.next(),
            Reader::Delimited(reader) => reader.next(),
            #[cfg(feature = "parquet")]
            Reader::Parquet(reader) => reader.next(),
        };
        let result = match next {
            None if self.seen.is_empty() => Err(CorpusError::Empty { path: self.path.clone() }),
            None => {
                self.done = true;
                return None;
            }
            Some(Err(error)) => Err(error),
            Some(Ok(Record { document, location })) => match self.seen.get(&document.id) {
                Some(&first_line) => Err(CorpusError::DuplicateId { location, id: document.id, first_line }),
                None => {
                    self.seen.insert(document.id.clone(), location.line);
                    Ok(document)
                }
            },
        };
        self.done = result.is_err();
        Some(result)
    }
}

/// Applies the text hygiene rules to one decoded value: rejects NUL bytes and
/// turns CRLF into LF.
pub(crate) fn clean(text: String, location: &Location, field: &str) -> Result<String, CorpusError> {
    if let Some(offset) = text.find('\0') {
        return Err(CorpusError::field(
            location,
            field,
            format!("contains a NUL byte at byte offset {offset}"),
        ));
    }
    Ok(if text.contains("\r\n") { text.replace("\r\n", "\n") } else { text })
}

/// Checks that a reference has content.
pub(crate) fn check_reference(reference: &str, location: &Location, field: &str) -> Result<(), CorpusError> {
    if reference.trim().is_empty() {
        return Err(CorpusError::field(location, field, "reference is empty"));
    }
    Ok(())
}

/// Reads a whole text file: UTF-8 checked (errors name `field` and the byte
/// offset), byte order mark dropped, then [`clean`]ed. A missing file is a
/// [`CorpusError::Field`] error ("file is missing").
pub(crate) fn read_text_file(path: &Path, field: &str) -> Result<String, CorpusError> {
    let location = Location::file(path);
    let bytes = std::fs::read(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => CorpusError::field(&location, field, "file is missing"),
        _ => CorpusError::io(path, source),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| CorpusError::InvalidUtf8 {
        location: location.clone(),
        field: Some(field.to_string()),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    clean(text, &location, field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path
    }

    #[test]
    fn detects_formats_from_the_path() {
        let tmp = tempfile::tempdir().unwrap();
        let jsonl = write(tmp.path(), "a.jsonl", b"{}");
        let json = write(tmp.path(), "b.JSON", b"{}");
        let story = write(tmp.path(), "c.story", b"x");
        let txt = write(tmp.path(), "d.txt", b"x");
        assert_eq!(detect_format(&jsonl).unwrap(), Format::Jsonl);
        assert_eq!(detect_format(&json).unwrap(), Format::Jsonl);
        assert_eq!(detect_format(&story).unwrap(), Format::Story);
        assert!(matches!(detect_format(&txt), Err(CorpusError::UnknownFormat { .. })));

        let stories = tmp.path().join("stories");
        write(&stories, "x.story", b"x");
        write(&stories, "README.md", b"x");
        assert_eq!(detect_format(&stories).unwrap(), Format::Story);

        let dir = tmp.path().join("dir");
        write(&dir, "doc/document.txt", b"x");
        write(&dir, "README.md", b"x");
        assert_eq!(detect_format(&dir).unwrap(), Format::Dir);

        let empty = tmp.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        write(&empty, ".hidden/document.txt", b"x");
        assert!(matches!(detect_format(&empty), Err(CorpusError::UnknownFormat { .. })));
    }

    #[test]
    fn a_collection_expands_to_its_member_corpora_in_name_order() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        write(root, "README.md", b"x");
        write(root, "news/documents.jsonl", b"{}");
        write(root, "news/SOURCE.md", b"x");
        write(root, "bills/documents.jsonl", b"{}");
        write(root, "seed/article/document.txt", b"x");
        write(root, "notes/todo.txt", b"x");
        write(root, ".git/documents.jsonl", b"{}");
        let members = corpora_in(root).unwrap();
        let expected =
            vec![root.join("bills/documents.jsonl"), root.join("news/documents.jsonl"), root.join("seed")];
        assert_eq!(members, expected);
        // A member named on its own is that one corpus.
        assert_eq!(corpora_in(&root.join("news")).unwrap(), vec![root.join("news/documents.jsonl")]);
        assert_eq!(corpora_in(&root.join("seed")).unwrap(), vec![root.join("seed")]);
        let file = root.join("bills/documents.jsonl");
        assert_eq!(corpora_in(&file).unwrap(), vec![file]);
    }

    #[test]
    fn a_directory_corpus_is_never_split_into_a_collection() {
        let tmp = tempfile::tempdir().unwrap();
        // One document folder beside a folder that looks like a corpus: still one directory corpus.
        write(tmp.path(), "a/document.txt", b"x");
        write(tmp.path(), "b/documents.jsonl", b"{}");
        assert_eq!(corpora_in(tmp.path()).unwrap(), vec![tmp.path().to_path_buf()]);
    }

    #[test]
    fn a_corpus_can_be_read_on_another_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<Corpus>();
    }

    #[test]
    fn clean_turns_crlf_into_lf_and_rejects_nul() {
        let at = Location::line(Path::new("f.jsonl"), 3);
        assert_eq!(clean("a\r\nb\r\n\r\nc\rd".into(), &at, "text").unwrap(), "a\nb\n\nc\rd");
        let error = clean("ab\0c".into(), &at, "text").unwrap_err().to_string();
        assert_eq!(error, "f.jsonl:3: field `text`: contains a NUL byte at byte offset 2");
    }

    #[test]
    fn read_text_file_checks_utf8_and_drops_the_bom() {
        let tmp = tempfile::tempdir().unwrap();
        let good = write(tmp.path(), "good.txt", "\u{feff}héllo\r\n".as_bytes());
        assert_eq!(read_text_file(&good, "text").unwrap(), "héllo\n");
        let bad = write(tmp.path(), "bad.txt", b"abc\xffdef");
        match read_text_file(&bad, "references").unwrap_err() {
            CorpusError::InvalidUtf8 { field, offset, .. } => {
                assert_eq!(field.as_deref(), Some("references"));
                assert_eq!(offset, 3);
            }
            other => panic!("unexpected {other}"),
        }
        let missing = read_text_file(&tmp.path().join("nope.txt"), "text").unwrap_err();
        assert!(missing.to_string().ends_with("nope.txt: field `text`: file is missing"), "{missing}");
    }

    #[test]
    fn duplicate_ids_and_empty_corpora_are_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let dup = write(
            tmp.path(),
            "dup.jsonl",
            b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n",
        );
        let results: Vec<_> = open(&dup, &ReadOptions::default()).unwrap().collect();
        assert_eq!(results.len(), 3, "the stream ends at the first error");
        let error = results[2].as_ref().unwrap_err().to_string();
        assert!(
            error.ends_with("dup.jsonl:3: field `id`: duplicate id `a` (first seen on line 1)"),
            "{error}"
        );

        let empty = write(tmp.path(), "empty.jsonl", b"\n  \n");
        let error = read_corpus(&empty, &ReadOptions::default()).unwrap_err();
        assert!(matches!(error, CorpusError::Empty { .. }), "{error}");
    }
}
