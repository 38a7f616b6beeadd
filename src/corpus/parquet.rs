//! Parquet corpora (the Hugging Face Hub's format), read with arrow-rs's
//! `parquet` crate in batches of rows, so memory holds one batch (of one row
//! group), never the file.
//!
//! Columns are found by name with the same field options as JSONL
//! ([`ReadOptions`]), and only those columns are decoded:
//! - the id: a string or an integer column, or the 1-based row number when the
//!   id field is [`ROW_NUMBER_ID`] (many hub datasets have no id column);
//! - the text and the optional title: string columns (Utf8, LargeUtf8 or
//!   Utf8View);
//! - the references: a list-of-strings column (List or LargeList), one
//!   reference per element, or a string column whose value is one reference
//!   (CNN/DailyMail's newline-separated highlights).
//!
//! A null title is no title and a null reference value no references; a null
//! id, text or list element is an error. Errors name the file, the row
//! (1-based, counted over the whole file) and the column; a file that is not
//! parquet, or whose pages do not decode, is a [`CorpusError::Malformed`]
//! naming the file.
//!
//! [`ROW_NUMBER_ID`]: super::ROW_NUMBER_ID

use std::fs::File;
use std::path::{Path, PathBuf};

use ::parquet::arrow::ProjectionMask;
use ::parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;

use super::{CorpusError, Document, Location, ROW_NUMBER_ID, ReadOptions, Record, check_reference, clean};

/// Rows decoded at a time: small, because a row of a long-document corpus
/// (arXiv, PubMed) can hold tens of kilobytes.
const BATCH_ROWS: usize = 256;

/// How a column's values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Utf8, LargeUtf8 or Utf8View.
    String,
    /// Any integer type (ids only).
    Integer,
    /// List or LargeList of strings (references only).
    StringList,
}

/// Streams [`Record`]s from a parquet file.
pub(crate) struct Reader {
    path: PathBuf,
    batches: ParquetRecordBatchReader,
    options: ReadOptions,
    /// The id column's kind, or `None` for row numbers.
    id: Option<Kind>,
    title: bool,
    references: Option<Kind>,
    /// The batch being read and the next row in it.
    batch: Option<RecordBatch>,
    next_in_batch: usize,
    /// Rows handed out so far (the 1-based number of the last one).
    row: usize,
    /// Set after the first error: the stream ends there.
    failed: bool,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").field("path", &self.path).field("row", &self.row).finish()
    }
}

impl Reader {
    /// Opens `path`, reads its footer and checks the columns the options name.
    pub(crate) fn open(path: &Path, options: &ReadOptions) -> Result<Self, CorpusError> {
        let file = File::open(path).map_err(|e| CorpusError::io(path, e))?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| corrupt(path, &e))?;
        let location = Location::file(path);
        let schema = builder.schema().clone();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let find = |name: &str| schema.fields().iter().position(|f| f.name() == name);
        let missing = |name: &str, why: &str| {
            CorpusError::field(
                &location,
                name,
                format!("no such column (file has: {}){why}", names.join(",")),
            )
        };
        let kind_of =
            |name: &str, allowed: &[Kind], wanted: &str| -> Result<Option<(usize, Kind)>, CorpusError> {
                let Some(index) = find(name) else { return Ok(None) };
                let data_type = schema.field(index).data_type();
                match kind(data_type).filter(|k| allowed.contains(k)) {
                    Some(kind) => Ok(Some((index, kind))),
                    None => Err(CorpusError::field(
                        &location,
                        name,
                        format!("expected {wanted} column, found {data_type}"),
                    )),
                }
            };
        let mut roots = Vec::new();
        let id = if options.id_field == ROW_NUMBER_ID {
            None
        } else {
            let (index, kind) =
                kind_of(&options.id_field, &[Kind::String, Kind::Integer], "a string or an integer")?
                    .ok_or_else(|| missing(&options.id_field, ""))?;
            roots.push(index);
            Some(kind)
        };
        let (text, _) = kind_of(&options.text_field, &[Kind::String], "a string")?
            .ok_or_else(|| missing(&options.text_field, ""))?;
        roots.push(text);
        let title = kind_of(&options.title_field, &[Kind::String], "a string")?;
        roots.extend(title.map(|(index, _)| index));
        let references =
            kind_of(&options.ref_field, &[Kind::String, Kind::StringList], "a string or a list-of-strings")?;
        roots.extend(references.map(|(index, _)| index));
        if references.is_none() && options.require_references {
            return Err(missing(&options.ref_field, ", and scoring needs references"));
        }
        let mask = ProjectionMask::roots(builder.parquet_schema(), roots);
        let batches = builder
            .with_projection(mask)
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| corrupt(path, &e))?;
        Ok(Reader {
            path: path.to_path_buf(),
            batches,
            options: options.clone(),
            id,
            title: title.is_some(),
            references: references.map(|(_, kind)| kind),
            batch: None,
            next_in_batch: 0,
            row: 0,
            failed: false,
        })
    }

    /// Reads row `i` of `batch` (the file's row `self.row`).
    fn record(&self, batch: &RecordBatch, i: usize) -> Result<Record, CorpusError> {
        let location = Location::row(&self.path, self.row);
        let options = &self.options;
        let column = |name: &str| batch.column_by_name(name).expect("the projection holds the column");
        let id = match self.id {
            None => self.row.to_string(),
            Some(kind) => {
                let ids = column(&options.id_field);
                let id = match kind {
                    Kind::Integer => integer_at(ids, i),
                    _ => string_at(ids, i).map(str::to_string),
                };
                let id = id.ok_or_else(|| CorpusError::field(&location, &options.id_field, "null"))?;
                if id.trim().is_empty() {
                    return Err(CorpusError::field(&location, &options.id_field, "empty id"));
                }
                id
            }
        };
        let text = string_at(column(&options.text_field), i)
            .ok_or_else(|| CorpusError::field(&location, &options.text_field, "null"))?;
        let text = clean(text.to_string(), &location, &options.text_field)?;
        let title = match self.title.then(|| string_at(column(&options.title_field), i)).flatten() {
            Some(title) if !title.trim().is_empty() => {
                Some(clean(title.to_string(), &location, &options.title_field)?)
            }
            _ => None,
        };
        let references = match self.references {
            None => Vec::new(),
            Some(kind) => self.references(column(&options.ref_field), kind, i, &location)?,
        };
        if options.require_references && references.is_empty() {
            return Err(CorpusError::field(
                &location,
                &options.ref_field,
                "no references, but scoring needs at least one per document",
            ));
        }
        Ok(Record { document: Document { id, title, text, references, language: None }, location })
    }

    /// The references of row `i`: one per list element, or the string as one.
    fn references(
        &self,
        array: &ArrayRef,
        kind: Kind,
        i: usize,
        location: &Location,
    ) -> Result<Vec<String>, CorpusError> {
        let field = &self.options.ref_field;
        let one = |value: &str, name: &str| -> Result<String, CorpusError> {
            let reference = clean(value.to_string(), location, name)?;
            check_reference(&reference, location, name)?;
            Ok(reference)
        };
        if array.is_null(i) {
            return Ok(Vec::new());
        }
        if kind == Kind::String {
            return Ok(string_at(array, i).map(|value| one(value, field)).transpose()?.into_iter().collect());
        }
        let items = match array.data_type() {
            DataType::List(_) => array.as_list::<i32>().value(i),
            _ => array.as_list::<i64>().value(i),
        };
        (0..items.len())
            .map(|j| {
                let element = format!("{field}[{j}]");
                let value =
                    string_at(&items, j).ok_or_else(|| CorpusError::field(location, &element, "null"))?;
                one(value, &element)
            })
            .collect()
    }
}

impl Iterator for Reader {
    type Item = Result<Record, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            if let Some(batch) = self.batch.take_if(|b| self.next_in_batch < b.num_rows()) {
                let i = self.next_in_batch;
                self.next_in_batch += 1;
                self.row += 1;
                let record = self.record(&batch, i);
                self.batch = Some(batch);
                self.failed = record.is_err();
                return Some(record);
            }
            match self.batches.next()? {
                Ok(batch) => {
                    self.batch = Some(batch);
                    self.next_in_batch = 0;
                }
                Err(error) => {
                    self.failed = true;
                    return Some(Err(CorpusError::Malformed {
                        location: Location::row(&self.path, self.row + 1),
                        message: format!("corrupt parquet data: {error}"),
                    }));
                }
            }
        }
    }
}

/// How a column of this type is read, if it can be.
fn kind(data_type: &DataType) -> Option<Kind> {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Some(Kind::String),
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32
        | DataType::UInt64 => Some(Kind::Integer),
        DataType::List(item) | DataType::LargeList(item) if kind(item.data_type()) == Some(Kind::String) => {
            Some(Kind::StringList)
        }
        _ => None,
    }
}

/// The string at `i` of a string array (`None` when null).
fn string_at(array: &dyn Array, i: usize) -> Option<&str> {
    if array.is_null(i) {
        return None;
    }
    Some(match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().value(i),
        DataType::LargeUtf8 => array.as_string::<i64>().value(i),
        _ => array.as_string_view().value(i),
    })
}

/// The integer at `i` of an integer array, in decimal (`None` when null).
fn integer_at(array: &dyn Array, i: usize) -> Option<String> {
    if array.is_null(i) {
        return None;
    }
    Some(match array.data_type() {
        DataType::Int8 => array.as_primitive::<Int8Type>().value(i).to_string(),
        DataType::Int16 => array.as_primitive::<Int16Type>().value(i).to_string(),
        DataType::Int32 => array.as_primitive::<Int32Type>().value(i).to_string(),
        DataType::Int64 => array.as_primitive::<Int64Type>().value(i).to_string(),
        DataType::UInt8 => array.as_primitive::<UInt8Type>().value(i).to_string(),
        DataType::UInt16 => array.as_primitive::<UInt16Type>().value(i).to_string(),
        DataType::UInt32 => array.as_primitive::<UInt32Type>().value(i).to_string(),
        _ => array.as_primitive::<UInt64Type>().value(i).to_string(),
    })
}

/// A file the parquet reader rejects, named.
fn corrupt(path: &Path, error: &::parquet::errors::ParquetError) -> CorpusError {
    CorpusError::Malformed {
        location: Location::file(path),
        message: format!("not a readable parquet file: {error}"),
    }
}
