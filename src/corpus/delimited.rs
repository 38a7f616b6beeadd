//! CSV and TSV corpora: a header row naming the columns, then one document
//! per record, streamed record by record.
//!
//! Columns are found by header name with the same field options as JSONL
//! ([`ReadOptions`]): id, text, an optional title and the references column,
//! whose cell is one reference (e.g. CNN/DailyMail's newline-separated
//! highlights, as Kaggle ships them: `id,article,highlights`). Fields may be
//! quoted and span lines (RFC 4180); an empty title or reference cell is none.
//! Errors name the file, the line where the record starts and the column.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use super::{CorpusError, Document, Location, ReadOptions, Record, clean};

/// Which delimiter a file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delimiter {
    /// `,` (`.csv`).
    Comma,
    /// Tab (`.tsv`).
    Tab,
}

/// Column positions of the fields a document needs.
#[derive(Debug)]
struct Columns {
    id: usize,
    text: usize,
    title: Option<usize>,
    references: Option<usize>,
    width: usize,
}

/// Streams [`Record`]s from a CSV or TSV file.
pub(crate) struct Reader {
    path: PathBuf,
    records: ::csv::StringRecordsIntoIter<BufReader<File>>,
    columns: Columns,
    options: ReadOptions,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").field("path", &self.path).field("columns", &self.columns).finish()
    }
}

impl Reader {
    /// Opens `path` and reads its header.
    pub(crate) fn open(
        path: &Path,
        delimiter: Delimiter,
        options: &ReadOptions,
    ) -> Result<Self, CorpusError> {
        let file = File::open(path).map_err(|e| CorpusError::io(path, e))?;
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(match delimiter {
                Delimiter::Comma => b',',
                Delimiter::Tab => b'\t',
            })
            .flexible(true)
            .from_reader(BufReader::with_capacity(1 << 16, file));
        let header_location = Location::line(path, 1);
        let header = reader.headers().map_err(|e| malformed(path, &e))?.clone();
        let names: Vec<&str> = header.iter().map(|h| h.trim_start_matches('\u{feff}')).collect();
        let find = |field: &str| names.iter().position(|name| *name == field);
        let require = |field: &str| {
            find(field).ok_or_else(|| {
                CorpusError::field(
                    &header_location,
                    field,
                    format!("no such column (header has: {})", names.join(",")),
                )
            })
        };
        let columns = Columns {
            id: require(&options.id_field)?,
            text: require(&options.text_field)?,
            title: find(&options.title_field),
            references: find(&options.ref_field),
            width: names.len(),
        };
        if columns.references.is_none() && options.require_references {
            return Err(CorpusError::field(
                &header_location,
                &options.ref_field,
                format!("no such column (header has: {}), and scoring needs references", names.join(",")),
            ));
        }
        Ok(Reader {
            path: path.to_path_buf(),
            records: reader.into_records(),
            columns,
            options: options.clone(),
        })
    }

    fn record(&self, row: ::csv::StringRecord) -> Result<Record, CorpusError> {
        let line = row.position().map_or(0, |p| p.line() as usize);
        let location = Location::line(&self.path, line);
        let options = &self.options;
        if row.len() != self.columns.width {
            return Err(CorpusError::Malformed {
                location,
                message: format!(
                    "the record has {} fields but the header has {}",
                    row.len(),
                    self.columns.width
                ),
            });
        }
        let cell = |index: usize| row.get(index).unwrap_or_default().to_string();
        let id = cell(self.columns.id).trim().to_string();
        if id.is_empty() {
            return Err(CorpusError::field(&location, &options.id_field, "empty id"));
        }
        let text = clean(cell(self.columns.text), &location, &options.text_field)?;
        let title = match self.columns.title.map(cell) {
            Some(title) if !title.trim().is_empty() => Some(clean(title, &location, &options.title_field)?),
            _ => None,
        };
        let references = match self.columns.references.map(cell) {
            Some(reference) if !reference.trim().is_empty() => {
                vec![clean(reference, &location, &options.ref_field)?]
            }
            _ if options.require_references => {
                return Err(CorpusError::field(
                    &location,
                    &options.ref_field,
                    "empty: scoring needs a reference",
                ));
            }
            _ => Vec::new(),
        };
        Ok(Record { document: Document { id, title, text, references, language: None }, location })
    }
}

impl Iterator for Reader {
    type Item = Result<Record, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.records.next()? {
            Ok(row) => self.record(row),
            Err(error) => Err(malformed(&self.path, &error)),
        })
    }
}

/// A CSV error, located at the line it names (or the file).
fn malformed(path: &Path, error: &::csv::Error) -> CorpusError {
    let location = match error.position() {
        Some(p) => Location::line(path, p.line() as usize),
        None => Location::file(path),
    };
    let message = match error.kind() {
        ::csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8 in field {}", err.field() + 1),
        ::csv::ErrorKind::Io(e) => e.to_string(),
        _ => error.to_string(),
    };
    CorpusError::Malformed { location, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, text: &str, options: &ReadOptions) -> Result<Vec<Document>, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let delimiter = if name.ends_with(".tsv") { Delimiter::Tab } else { Delimiter::Comma };
        let strip = |e: CorpusError| e.to_string().replace(&format!("{}", path.display()), name);
        let reader = Reader::open(&path, delimiter, options).map_err(strip)?;
        reader.map(|r| r.map(|r| r.document).map_err(strip)).collect()
    }

    fn kaggle() -> ReadOptions {
        ReadOptions { text_field: "article".into(), ref_field: "highlights".into(), ..ReadOptions::default() }
    }

    #[test]
    fn reads_quoted_multi_line_fields_by_column_name() {
        let text = "id,article,highlights\n\
                    a,\"First, a sentence.\nSecond one.\",\"One.\nTwo.\"\n\
                    b,Plain text.,Only.\n";
        let docs = read("cnn.csv", text, &kaggle()).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "First, a sentence.\nSecond one.");
        assert_eq!(docs[0].references, ["One.\nTwo."]);
        assert_eq!((docs[1].id.as_str(), docs[1].title.as_deref()), ("b", None));
    }

    #[test]
    fn tab_separated_files_and_titles() {
        let text = "title\tid\ttext\treferences\nA title\t7\tSome text.\tA summary.\n";
        let docs = read("x.tsv", text, &ReadOptions::default()).unwrap();
        assert_eq!(docs[0].title.as_deref(), Some("A title"));
        assert_eq!(docs[0].id, "7");
    }

    #[test]
    fn errors_name_the_line_and_the_column() {
        let options = ReadOptions { require_references: true, ..kaggle() };
        assert_eq!(
            read("x.csv", "id,text\na,b\n", &options).unwrap_err(),
            "x.csv:1: field `article`: no such column (header has: id,text)"
        );
        assert_eq!(
            read("x.csv", "id,article,highlights\na,b,c\nd,e\n", &options).unwrap_err(),
            "x.csv:3: malformed: the record has 2 fields but the header has 3"
        );
        assert_eq!(
            read("x.csv", "id,article,highlights\n\"a\nb\",t,r\n ,t,r\n", &options).unwrap_err(),
            "x.csv:4: field `id`: empty id"
        );
        assert_eq!(
            read("x.csv", "id,article,highlights\na,t,\n", &options).unwrap_err(),
            "x.csv:2: field `highlights`: empty: scoring needs a reference"
        );
    }
}
