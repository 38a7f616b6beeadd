//! JSONL corpora: one JSON object per line, read line by line through
//! [`BufRead`] so memory holds one line at a time, never the file.
//!
//! A line holds the id (a string or an integer), the text, optionally the
//! references (an array of strings, or one string forming a single reference,
//! such as CNN/DailyMail's newline-separated highlights) and a title; the
//! field names come from [`ReadOptions`]. Other fields are ignored; a null
//! or blank title is no title, a null reference field no references. Blank
//! lines are skipped; `\r\n` line ends are accepted. Errors give the line
//! number (1-based, counting every physical line) and the field as it is named
//! in the file.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde_json::Value;
use serde_json::value::RawValue;

use super::{CorpusError, Document, Location, ReadOptions, Record, check_reference, clean};
use crate::jsonl::JsonLines;

/// Streams [`Record`]s from JSONL text.
#[derive(Debug)]
pub(crate) struct Reader<R> {
    lines: JsonLines<R>,
    parser: LineParser,
}

/// What turns one line into a record: the file (for messages) and the options.
#[derive(Debug)]
struct LineParser {
    path: PathBuf,
    options: ReadOptions,
}

impl Reader<BufReader<File>> {
    /// Opens a JSONL file.
    pub(crate) fn open(path: &Path, options: &ReadOptions) -> Result<Self, CorpusError> {
        let file = File::open(path).map_err(|e| CorpusError::io(path, e))?;
        Ok(Reader::new(path, BufReader::with_capacity(1 << 16, file), options))
    }
}

impl<R: BufRead> Reader<R> {
    /// Reads JSONL from `input`; `path` is used in error messages.
    pub(crate) fn new(path: &Path, input: R, options: &ReadOptions) -> Self {
        let parser = LineParser { path: path.to_path_buf(), options: options.clone() };
        Reader { lines: JsonLines::new(input), parser }
    }
}

/// The optional field naming a document's language (an ISO 639-1 code or
/// XL-Sum's name): it wins over the run's `--language`.
pub const LANGUAGE_FIELD: &str = "language";

impl LineParser {
    /// Parses line `number` (non-blank, without its line end). `bom` is the
    /// number of bytes dropped before it (a byte order mark on line 1), for offsets.
    fn parse_line(&self, number: usize, bytes: &[u8], bom: usize) -> Result<Record, CorpusError> {
        let location = Location::line(&self.path, number);
        let line = std::str::from_utf8(bytes).map_err(|e| CorpusError::InvalidUtf8 {
            location: location.clone(),
            field: field_at(bytes, e.valid_up_to()),
            offset: bom + e.valid_up_to(),
        })?;
        let value: Value = serde_json::from_str(line).map_err(|e| malformed(&location, &e))?;
        let Value::Object(mut object) = value else {
            return Err(CorpusError::NotAnObject { location, found: kind(&value) });
        };
        let options = &self.options;
        let id = match object.remove(&options.id_field) {
            Some(Value::String(id)) => id,
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
            Some(other) => {
                return Err(expected(&location, &options.id_field, "a string or an integer", &other));
            }
            None => return Err(CorpusError::field(&location, &options.id_field, "missing")),
        };
        if id.trim().is_empty() {
            return Err(CorpusError::field(&location, &options.id_field, "empty id"));
        }
        let text = match object.remove(&options.text_field) {
            Some(Value::String(text)) => clean(text, &location, &options.text_field)?,
            Some(other) => return Err(expected(&location, &options.text_field, "a string", &other)),
            None => return Err(CorpusError::field(&location, &options.text_field, "missing")),
        };
        let title = match object.remove(&options.title_field) {
            None | Some(Value::Null) => None,
            Some(Value::String(title)) if title.trim().is_empty() => None,
            Some(Value::String(title)) => Some(clean(title, &location, &options.title_field)?),
            Some(other) => return Err(expected(&location, &options.title_field, "a string", &other)),
        };
        let references = self.references(object.remove(&options.ref_field), &location)?;
        let language = match object.remove(LANGUAGE_FIELD) {
            None | Some(Value::Null) => None,
            Some(Value::String(name)) => Some(name.parse().map_err(|e: crate::lang::UnknownLanguage| {
                CorpusError::field(&location, LANGUAGE_FIELD, e.to_string())
            })?),
            Some(other) => return Err(expected(&location, LANGUAGE_FIELD, "a string", &other)),
        };
        Ok(Record { document: Document { id, title, text, references, language }, location })
    }

    /// Reads the reference field: absent or null → none; a string → one
    /// reference; an array → one reference per element (each a string).
    fn references(&self, value: Option<Value>, location: &Location) -> Result<Vec<String>, CorpusError> {
        let field = &self.options.ref_field;
        let references = match value {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(reference)) => {
                let reference = clean(reference, location, field)?;
                check_reference(&reference, location, field)?;
                vec![reference]
            }
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let element = format!("{field}[{i}]");
                    match item {
                        Value::String(reference) => {
                            let reference = clean(reference, location, &element)?;
                            check_reference(&reference, location, &element)?;
                            Ok(reference)
                        }
                        other => Err(expected(location, &element, "a string", &other)),
                    }
                })
                .collect::<Result<_, _>>()?,
            Some(other) => {
                return Err(expected(location, field, "an array of strings or a string", &other));
            }
        };
        if self.options.require_references && references.is_empty() {
            return Err(CorpusError::field(
                location,
                field,
                "no references, but scoring needs at least one per document",
            ));
        }
        Ok(references)
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Record, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.lines.next_line()? {
            Ok(line) => self.parser.parse_line(line.number, line.bytes, line.skipped),
            Err(e) => Err(CorpusError::io(&self.parser.path, e)),
        })
    }
}

/// The error for a line serde_json cannot parse, without serde's own
/// "at line 1 column N" (each JSONL line is parsed alone).
fn malformed(location: &Location, error: &serde_json::Error) -> CorpusError {
    let full = error.to_string();
    let message = match full.rsplit_once(" at line ") {
        Some((message, _)) => message.to_string(),
        None => full,
    };
    let message = match error.classify() {
        serde_json::error::Category::Eof => format!("{message} (truncated line?)"),
        _ => message,
    };
    CorpusError::MalformedJson { location: location.clone(), column: error.column(), message }
}

/// The error for a field holding the wrong kind of JSON value.
fn expected(location: &Location, field: &str, wanted: &str, found: &Value) -> CorpusError {
    CorpusError::field(location, field, format!("expected {wanted}, found {}", kind(found)))
}

/// The kind of a JSON value, for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Names the field (`text`, `references[1]`, …) whose value holds byte
/// `offset` of a line that is not valid UTF-8, when the line is otherwise a
/// JSON object. Each invalid byte is replaced by `?` (which keeps every offset
/// and keeps a string a string), then the top-level values are located.
fn field_at(bytes: &[u8], offset: usize) -> Option<String> {
    let mut patched = bytes.to_vec();
    let mut start = 0;
    while let Err(e) = std::str::from_utf8(&patched[start..]) {
        let bad = start + e.valid_up_to();
        let end = e.error_len().map_or(patched.len(), |len| bad + len);
        patched[bad..end].fill(b'?');
        start = end;
    }
    let patched = String::from_utf8(patched).ok()?;
    let fields: BTreeMap<String, &RawValue> = serde_json::from_str(&patched).ok()?;
    let base = patched.as_ptr().addr();
    let contains = |raw: &RawValue| {
        let start = raw.get().as_ptr().addr() - base;
        (start..start + raw.get().len()).contains(&offset)
    };
    let (name, raw) = fields.iter().find(|(_, raw)| contains(raw))?;
    if let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get())
        && let Some(index) = items.iter().position(|item| contains(item))
    {
        return Some(format!("{name}[{index}]"));
    }
    Some(name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], options: &ReadOptions) -> Vec<Result<Record, CorpusError>> {
        Reader::new(Path::new("c.jsonl"), input, options).collect()
    }

    fn read_one(input: &str) -> Result<Document, String> {
        let mut records = read(input.as_bytes(), &ReadOptions::default());
        assert_eq!(records.len(), 1, "one record expected");
        records.remove(0).map(|r| r.document).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_ids_texts_titles_and_references() {
        let input = concat!(
            "{\"id\": \"a\", \"title\": \"T\", \"text\": \"Hello.\", \"references\": [\"r1\", \"r2\"], \"x\": 1}\n",
            "\n",
            "{\"id\": 7, \"text\": \"World.\", \"title\": \" \"}\r\n",
            "{\"id\": \"c\", \"text\": \"Line\\r\\nbreak.\", \"references\": \"h1\\nh2\", \"title\": null}",
        );
        let records: Vec<Record> =
            read(input.as_bytes(), &ReadOptions::default()).into_iter().map(Result::unwrap).collect();
        let docs: Vec<&Document> = records.iter().map(|r| &r.document).collect();
        assert_eq!(
            docs[0],
            &Document {
                id: "a".into(),
                title: Some("T".into()),
                text: "Hello.".into(),
                references: vec!["r1".into(), "r2".into()],
                language: None,
            }
        );
        assert_eq!(
            docs[1],
            &Document {
                id: "7".into(),
                title: None,
                text: "World.".into(),
                references: vec![],
                language: None
            }
        );
        assert_eq!(docs[2].text, "Line\nbreak.");
        assert_eq!(docs[2].references, vec!["h1\nh2".to_string()], "a string is one reference");
        let lines: Vec<Option<usize>> = records.iter().map(|r| r.location.line).collect();
        assert_eq!(lines, [Some(1), Some(3), Some(4)], "blank lines count");
    }

    #[test]
    fn field_names_are_configurable() {
        let options = ReadOptions {
            id_field: "doc".into(),
            text_field: "article".into(),
            ref_field: "highlights".into(),
            title_field: "headline".into(),
            ..ReadOptions::default()
        };
        let input =
            b"{\"doc\": \"d\", \"article\": \"A.\", \"highlights\": \"one\\ntwo\", \"headline\": \"H\"}";
        let record = read(input, &options).remove(0).unwrap();
        assert_eq!(record.document.text, "A.");
        assert_eq!(record.document.title.as_deref(), Some("H"));
        assert_eq!(record.document.references, ["one\ntwo"]);
        let error = read(b"{\"doc\": \"d\", \"text\": \"A.\"}", &options).remove(0).unwrap_err();
        assert_eq!(error.to_string(), "c.jsonl:1: field `article`: missing");
    }

    #[test]
    fn a_byte_order_mark_on_the_first_line_is_dropped() {
        assert_eq!(read_one("\u{feff}{\"id\": \"a\", \"text\": \"t\"}").unwrap().id, "a");
    }

    #[test]
    fn bad_lines_name_line_and_field() {
        let cases = [
            ("[1, 2]", "c.jsonl:1: expected a JSON object, found an array"),
            ("{\"id\": \"a\", \"text\": 5}", "c.jsonl:1: field `text`: expected a string, found a number"),
            ("{\"id\": \"a\"}", "c.jsonl:1: field `text`: missing"),
            ("{\"text\": \"t\"}", "c.jsonl:1: field `id`: missing"),
            (
                "{\"id\": 1.5, \"text\": \"t\"}",
                "c.jsonl:1: field `id`: expected a string or an integer, found a number",
            ),
            ("{\"id\": \" \", \"text\": \"t\"}", "c.jsonl:1: field `id`: empty id"),
            (
                "{\"id\": \"a\", \"text\": \"t\", \"title\": [1]}",
                "c.jsonl:1: field `title`: expected a string, found an array",
            ),
            (
                "{\"id\": \"a\", \"text\": \"t\", \"references\": {}}",
                "c.jsonl:1: field `references`: expected an array of strings or a string, found an object",
            ),
            (
                "{\"id\": \"a\", \"text\": \"t\", \"references\": [\"r\", 3]}",
                "c.jsonl:1: field `references[1]`: expected a string, found a number",
            ),
            (
                "{\"id\": \"a\", \"text\": \"t\", \"references\": [\"r\", \" \\n\"]}",
                "c.jsonl:1: field `references[1]`: reference is empty",
            ),
            (
                "{\"id\": \"a\", \"text\": \"t\\u0000\"}",
                "c.jsonl:1: field `text`: contains a NUL byte at byte offset 1",
            ),
        ];
        for (line, message) in cases {
            assert_eq!(read_one(line).unwrap_err(), message, "input {line}");
        }
    }

    #[test]
    fn a_truncated_line_is_malformed_json() {
        let error = read_one("{\"id\": \"a\", \"text\": \"t\"").unwrap_err();
        assert!(error.starts_with("c.jsonl:1: malformed JSON at column "), "{error}");
        assert!(error.ends_with(": EOF while parsing an object (truncated line?)"), "{error}");
    }

    #[test]
    fn invalid_utf8_names_the_field_and_offset() {
        let in_text = b"{\"id\": \"a\", \"text\": \"ab\xffc\", \"references\": [\"r\"]}";
        let error = read(in_text, &ReadOptions::default()).remove(0).unwrap_err();
        assert_eq!(error.to_string(), "c.jsonl:1: field `text`: invalid UTF-8 at byte offset 23 of the line");
        let in_reference = b"\n{\"id\": \"a\", \"text\": \"t\", \"references\": [\"r\", \"\xe2\x82\"]}";
        let error = read(in_reference, &ReadOptions::default()).remove(0).unwrap_err();
        assert_eq!(
            error.to_string(),
            "c.jsonl:2: field `references[1]`: invalid UTF-8 at byte offset 46 of the line"
        );
        let outside_strings = b"{\"id\": \"a\", \xff}";
        let error = read(outside_strings, &ReadOptions::default()).remove(0).unwrap_err();
        assert_eq!(error.to_string(), "c.jsonl:1: invalid UTF-8 at byte offset 12 of the line");
    }

    #[test]
    fn required_references_must_be_present() {
        let options = ReadOptions { require_references: true, ..ReadOptions::default() };
        for line in
            ["{\"id\": \"a\", \"text\": \"t\"}", "{\"id\": \"a\", \"text\": \"t\", \"references\": []}"]
        {
            let error = read(line.as_bytes(), &options).remove(0).unwrap_err();
            assert_eq!(
                error.to_string(),
                "c.jsonl:1: field `references`: no references, but scoring needs at least one per document"
            );
        }
    }

    /// Text without the two things the reader changes or rejects (`\r`, NUL).
    const TEXT: &str = "[^\\x00\\r]{0,40}";
    /// Text that is not blank (references and ids).
    const NON_BLANK: &str = "[^\\x00\\r]{0,10}[^\\x00\\s][^\\x00\\r]{0,10}";

    fn document() -> impl proptest::strategy::Strategy<Value = Document> {
        use proptest::prelude::*;
        (NON_BLANK, proptest::option::of(NON_BLANK), TEXT, proptest::collection::vec(NON_BLANK, 0..4))
            .prop_map(|(id, title, text, references)| Document {
                id,
                title,
                text,
                references,
                language: None,
            })
    }

    proptest::proptest! {
        #[test]
        fn documents_written_as_json_lines_read_back_unchanged(document in document()) {
            let line = serde_json::json!({
                "id": document.id,
                "title": document.title,
                "text": document.text,
                "references": document.references,
            });
            let input = format!("\n{line}\n");
            let records = read(input.as_bytes(), &ReadOptions::default());
            proptest::prop_assert_eq!(records.len(), 1);
            let record = records.into_iter().next().unwrap().map_err(|e| e.to_string());
            proptest::prop_assert_eq!(record.map(|r| r.document), Ok(document));
        }

        #[test]
        fn arbitrary_bytes_give_records_or_located_errors(input in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            for result in read(&input, &ReadOptions::default()) {
                if let Err(error) = result {
                    proptest::prop_assert!(error.to_string().starts_with("c.jsonl:"), "{}", error);
                }
            }
        }
    }
}
