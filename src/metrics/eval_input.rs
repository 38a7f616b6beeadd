//! The input of `sumbench eval`: JSONL, one document per line,
//! `{"id": str|int, "candidate": str, "references"?: [str, ...], "source"?: str, "lang"?: str}`
//! (other fields are ignored, blank lines skipped). A line may also name
//! another package's ROUGE to run it with (`"package": str, "options":
//! {"init", "call"}`, as `sumbench rouge` reads case files; kept unparsed
//! here). Errors name the file, the line and the field.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::corpus::{Location, json_kind};
use crate::jsonl::JsonLines;

use super::value::MetricValue;
use super::{Metric, MetricSet};

/// A bad or unreadable input.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The input cannot be read. The I/O error is part of the message.
    #[error("{}: {error}", path.display())]
    Io {
        /// The input path (`<stdin>` for standard input).
        path: PathBuf,
        /// The underlying error.
        error: std::io::Error,
    },
    /// A caller's scorer (`RecordScorer`) that cannot serve this evaluation:
    /// no corpus-level value, or a first pass over the records that failed.
    #[error("{key}: {message}")]
    Scorer {
        /// The scorer's key (`rouge-profile`).
        key: String,
        /// Why.
        message: String,
    },
    /// A line (or the whole input) that is not what `eval` reads.
    #[error("{location}: {message}")]
    Input {
        /// The file, and the 1-based line.
        location: Location,
        /// What is wrong, naming the field (``field `source`: missing …``).
        message: String,
    },
}

/// One document to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalRecord {
    /// Its id (an integer id is kept as its decimal digits).
    pub id: String,
    /// The summary to score.
    pub candidate: String,
    /// The references; `None` when the field is absent or null.
    pub references: Option<Vec<String>>,
    /// The source document; `None` when the field is absent or null.
    pub source: Option<String>,
    /// The line's own language name (`"lang"`, as XL-Sum's files give it),
    /// unparsed; `None` when the field is absent or null.
    pub lang: Option<String>,
    /// The package whose ROUGE the line asks for (`"package"`, a name of
    /// `crate::profiles`), unchecked; `None` when absent or null.
    pub package: Option<String>,
    /// That package's keyword arguments (`"options"`), unparsed; `None`
    /// when absent or null.
    pub options: Option<Value>,
    /// Where it was read.
    pub location: Location,
}

impl EvalRecord {
    /// Scores the record with `set`; a missing input is an error naming this
    /// record's line and the field.
    pub fn score(&self, set: &MetricSet) -> Result<Vec<MetricValue>, EvalError> {
        set.score(&self.candidate, self.references.as_deref(), self.source.as_deref())
            .map_err(|e| EvalError::Input { location: self.location.clone(), message: e.to_string() })
    }
}

impl EvalRecord {
    /// The metrics whose inputs this record has ([`MetricSet::available`]; an
    /// empty reference list counts as references, so that scoring names it).
    /// An error when it has neither references nor a source.
    pub fn available_metrics(&self) -> Result<Vec<Metric>, EvalError> {
        let metrics = MetricSet::available(self.references.is_some(), self.source.is_some());
        if metrics.is_empty() {
            return Err(EvalError::Input {
                location: self.location.clone(),
                message: "no metric applies: fields `references` and `source` are both missing".into(),
            });
        }
        Ok(metrics)
    }
}

/// Reads [`EvalRecord`]s from JSONL.
pub struct EvalReader<R> {
    lines: JsonLines<R>,
    path: PathBuf,
}

/// The reader of `path`, or of standard input (named `<stdin>` in errors)
/// when `path` is `None` or `-`.
pub fn open_eval_input(path: Option<&Path>) -> Result<EvalReader<Box<dyn BufRead>>, EvalError> {
    let name = crate::jsonl::input_name(path);
    let input =
        crate::jsonl::open_input(path).map_err(|error| EvalError::Io { path: name.to_path_buf(), error })?;
    Ok(EvalReader::new(input, name))
}

impl<R: BufRead> EvalReader<R> {
    /// Reads JSONL from `input`, naming it `path` in errors.
    pub fn new(input: R, path: &Path) -> Self {
        EvalReader { lines: JsonLines::new(input), path: path.to_path_buf() }
    }

    /// The input's name in errors.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Parses line `number` of `path` (non-blank, without its line end).
fn parse(path: &Path, number: usize, bytes: &[u8]) -> Result<EvalRecord, EvalError> {
    let location = Location::line(path, number);
    let fail = |message: String| EvalError::Input { location: location.clone(), message };
    let line = std::str::from_utf8(bytes)
        .map_err(|e| fail(format!("invalid UTF-8 at byte offset {} of the line", e.valid_up_to())))?;
    if let Ok(Typical { id, candidate, references, source, lang, package, options }) =
        serde_json::from_str::<Typical>(line)
    {
        return Ok(EvalRecord { id, candidate, references, source, lang, package, options, location });
    }
    let value: Value = serde_json::from_str(line).map_err(|e| fail(malformed(&e)))?;
    let Value::Object(mut object) = value else {
        return Err(fail(format!("expected a JSON object, found {}", json_kind(&value))));
    };
    let field = |name: &str, problem: String| fail(format!("field `{name}`: {problem}"));
    let expected = |name: &str, wanted: &str, found: &Value| {
        field(name, format!("expected {wanted}, found {}", json_kind(found)))
    };
    let id = match object.remove("id") {
        Some(Value::String(id)) => id,
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
        Some(other) => return Err(expected("id", "a string or an integer", &other)),
        None => return Err(field("id", "missing".into())),
    };
    let candidate = match object.remove("candidate") {
        Some(Value::String(text)) => text,
        Some(other) => return Err(expected("candidate", "a string", &other)),
        None => return Err(field("candidate", "missing".into())),
    };
    let references = match object.remove("references") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => Some(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::String(text) => Ok(text),
                    other => Err(expected(&format!("references[{i}]"), "a string", &other)),
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
        Some(other) => return Err(expected("references", "an array of strings", &other)),
    };
    let source = match object.remove("source") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text),
        Some(other) => return Err(expected("source", "a string", &other)),
    };
    let lang = match object.remove("lang") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text),
        Some(other) => return Err(expected("lang", "a string", &other)),
    };
    let package = match object.remove("package") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text),
        Some(other) => return Err(expected("package", "a string", &other)),
    };
    let options = object.remove("options").filter(|value| !value.is_null());
    Ok(EvalRecord { id, candidate, references, source, lang, package, options, location })
}

impl<R: BufRead> Iterator for EvalReader<R> {
    type Item = Result<EvalRecord, EvalError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.lines.next_line()? {
            Ok(line) => parse(&self.path, line.number, line.bytes),
            Err(error) => Err(EvalError::Io { path: self.path.clone(), error }),
        })
    }
}

/// A line as most lines are: an object whose `id` is a string or an
/// integer, `candidate` a string, `references` absent, null or strings,
/// `source` and `lang` absent, null or a string, each key once. Parsed
/// straight into its fields (no [`Value`] tree); any other line fails here
/// and [`parse`] reads it through a [`Value`], which gives the same record or
/// the error naming the field. Fields of other names are read as values, so
/// the two ways accept the same lines (a number out of range fails both).
struct Typical {
    id: String,
    candidate: String,
    references: Option<Vec<String>>,
    source: Option<String>,
    lang: Option<String>,
    package: Option<String>,
    options: Option<Value>,
}

impl<'de> serde::Deserialize<'de> for Typical {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TypicalVisitor)
    }
}

/// Reads a [`Typical`] line.
struct TypicalVisitor;

impl<'de> serde::de::Visitor<'de> for TypicalVisitor {
    type Value = Typical;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a typical candidate line")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Typical, A::Error> {
        use serde::de::Error;
        let (mut id, mut candidate) = (None, None);
        let (mut references, mut source, mut lang) = (None, None, None);
        let (mut package, mut options) = (None, None);
        let mut seen = [false; 5];
        while let Some(key) = map.next_key::<Field>()? {
            let mut once = |slot: usize| {
                let first = !seen[slot];
                seen[slot] = true;
                if first { Ok(()) } else { Err(A::Error::custom("a key twice")) }
            };
            match key {
                Field::Id if id.is_none() => id = Some(map.next_value::<Id>()?.0),
                Field::Candidate if candidate.is_none() => candidate = Some(map.next_value::<String>()?),
                Field::Id | Field::Candidate => return Err(A::Error::custom("a key twice")),
                Field::References => {
                    once(0)?;
                    references = map.next_value::<Option<Vec<String>>>()?;
                }
                Field::Source => {
                    once(1)?;
                    source = map.next_value::<Option<String>>()?;
                }
                Field::Lang => {
                    once(2)?;
                    lang = map.next_value::<Option<String>>()?;
                }
                Field::Package => {
                    once(3)?;
                    package = map.next_value::<Option<String>>()?;
                }
                Field::Options => {
                    once(4)?;
                    options = Some(map.next_value::<Value>()?).filter(|value| !value.is_null());
                }
                Field::Other => {
                    map.next_value::<Value>()?;
                }
            }
        }
        match (id, candidate) {
            (Some(id), Some(candidate)) => {
                Ok(Typical { id, candidate, references, source, lang, package, options })
            }
            _ => Err(A::Error::custom("`id` or `candidate` missing")),
        }
    }
}

/// A key of a [`Typical`] line (unescaped, as [`Value`]'s keys are).
enum Field {
    Id,
    Candidate,
    References,
    Source,
    Lang,
    Package,
    Options,
    Other,
}

impl<'de> serde::Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(FieldVisitor)
    }
}

/// Reads a [`Field`].
struct FieldVisitor;

impl serde::de::Visitor<'_> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Field, E> {
        Ok(match key {
            "id" => Field::Id,
            "candidate" => Field::Candidate,
            "references" => Field::References,
            "source" => Field::Source,
            "lang" => Field::Lang,
            "package" => Field::Package,
            "options" => Field::Options,
            _ => Field::Other,
        })
    }
}

/// An `id`: a string, or an integer kept as its decimal digits.
struct Id(String);

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IdVisitor)
    }
}

/// Reads an [`Id`].
struct IdVisitor;

impl serde::de::Visitor<'_> for IdVisitor {
    type Value = Id;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string or an integer")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Id, E> {
        Ok(Id(text.to_string()))
    }

    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Id, E> {
        Ok(Id(text))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Id, E> {
        Ok(Id(n.to_string()))
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Id, E> {
        Ok(Id(n.to_string()))
    }
}

/// serde_json's message without its "at line 1 column N" (each line is
/// parsed alone), with the column in front.
fn malformed(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(message, _)| message);
    let truncated =
        if error.classify() == serde_json::error::Category::Eof { " (truncated line?)" } else { "" };
    format!("malformed JSON at column {}: {message}{truncated}", error.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Result<EvalRecord, String>> {
        EvalReader::new(text.as_bytes(), Path::new("in.jsonl"))
            .map(|r| r.map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn reads_records_and_skips_blank_lines() {
        let records = read(
            "\n{\"id\": 7, \"candidate\": \"c\", \"references\": [\"r\"], \"source\": null, \"x\": 1}\n",
        );
        let record = records[0].as_ref().unwrap();
        assert_eq!((record.id.as_str(), record.references.as_deref()), ("7", Some(&["r".to_string()][..])));
        assert_eq!((record.source.as_deref(), record.location.line), (None, Some(2)));
    }

    #[test]
    fn typical_and_other_lines_read_alike() {
        // Escaped keys, integer ids, nulls, other fields: read straight into
        // the fields. Twice a key (the last wins, as in a JSON object) and a
        // float id go through the general reader.
        let records = read(concat!(
            "{\"\\u0069d\": -3, \"candidate\": \"c\\n\", \"references\": null, \"lang\": \"de\", \"x\": [1, {}]}\n",
            "{\"id\": \"a\", \"candidate\": \"c\", \"source\": \"s\", \"source\": null}\n",
            "{\"id\": 1.5, \"candidate\": \"c\"}\n",
            "{\"id\": \"b\", \"candidate\": \"c\", \"x\": 1e400}\n",
        ));
        let first = records[0].as_ref().unwrap();
        assert_eq!(
            (first.id.as_str(), first.candidate.as_str(), first.lang.as_deref()),
            ("-3", "c\n", Some("de"))
        );
        assert_eq!(first.references, None);
        let second = records[1].as_ref().unwrap();
        assert_eq!((second.id.as_str(), second.source.as_deref()), ("a", None));
        assert_eq!(
            records[2].as_ref().unwrap_err(),
            "in.jsonl:3: field `id`: expected a string or an integer, found a number"
        );
        assert!(records[3].as_ref().unwrap_err().starts_with("in.jsonl:4: malformed JSON"));
    }

    #[test]
    fn package_lines_keep_their_options_on_both_paths() {
        // The first line reads straight into the fields, the second (an id
        // twice) through the general reader: both keep the same package.
        let records = read(concat!(
            "{\"id\": \"a\", \"package\": \"rouge\", \"options\": {\"init\": {}}, \"candidate\": \"c\"}\n",
            "{\"id\": \"a\", \"id\": \"a\", \"package\": \"rouge\", \"options\": {\"init\": {}}, \"candidate\": \"c\"}\n",
            "{\"id\": \"a\", \"package\": 3, \"candidate\": \"c\"}\n",
        ));
        for record in &records[..2] {
            let record = record.as_ref().unwrap();
            assert_eq!(record.package.as_deref(), Some("rouge"));
            assert_eq!(record.options, Some(serde_json::json!({"init": {}})));
        }
        assert_eq!(
            records[2].as_ref().unwrap_err(),
            "in.jsonl:3: field `package`: expected a string, found a number"
        );
    }

    #[test]
    fn errors_name_the_line_and_the_field() {
        assert_eq!(read("{\"id\": \"a\"}"), [Err("in.jsonl:1: field `candidate`: missing".to_string())]);
        assert_eq!(read("[1]"), [Err("in.jsonl:1: expected a JSON object, found an array".to_string())]);
        assert_eq!(
            read("{\"id\": \"a\", \"candidate\": \"c\", \"references\": [\"r\", 2]}"),
            [Err("in.jsonl:1: field `references[1]`: expected a string, found a number".to_string())]
        );
        assert_eq!(
            read("{\"id\": \"a\", \"candidate\""),
            [Err("in.jsonl:1: malformed JSON at column 23: EOF while parsing an object (truncated line?)"
                .to_string())]
        );
    }
}
