//! The human judgments file: JSON Lines, one object per (document, system)
//! summary, e.g. SummEval's
//! `{"id": "cnn-test-…", "system": "M0", "expert_scores": {"coherence": 4.67, …}}`.
//!
//! Owns: reading and validating it, with errors naming file, line and field.
//! Never pairs judgments with metric scores (see [`super::levels`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::jsonl::JsonLines;

/// The field holding the judgments when none is named (SummEval's).
pub const DEFAULT_FIELD: &str = "expert_scores";

/// Why a judgments file could not be read. Every variant names the file;
/// those about content also name the line (1-based) and the field.
#[derive(Debug, thiserror::Error)]
pub enum JudgmentsError {
    /// The file could not be opened or read.
    #[error("{}: cannot read: {error}", file.display())]
    Io {
        /// The file.
        file: PathBuf,
        /// The I/O error (shown in the message, so not chained as a source).
        error: std::io::Error,
    },
    /// A line is not a JSON object.
    #[error("{}:{line}: not a JSON object: {message}", file.display())]
    NotAnObject {
        /// The file.
        file: PathBuf,
        /// The line.
        line: usize,
        /// What the JSON parser said, or what was found instead of an object.
        message: String,
    },
    /// A field is missing or has the wrong type.
    #[error("{}:{line}: field `{field}`: {problem}", file.display())]
    Field {
        /// The file.
        file: PathBuf,
        /// The line.
        line: usize,
        /// The field, e.g. `system` or `expert_scores.coherence`.
        field: String,
        /// What is wrong with it.
        problem: String,
    },
    /// Two lines judge the same (document, system).
    #[error("{}:{line}: document `{doc_id}`, system `{system}` was already judged on line {first_line}", file.display())]
    Duplicate {
        /// The file.
        file: PathBuf,
        /// The second line.
        line: usize,
        /// The line judging it first.
        first_line: usize,
        /// Document id.
        doc_id: String,
        /// System name.
        system: String,
    },
    /// The file holds no judgment.
    #[error("{}: no judgments (the file has no non-empty line)", file.display())]
    Empty {
        /// The file.
        file: PathBuf,
    },
}

/// The human judgments of one file: for every judged (system, document) cell,
/// one score per dimension. Every line has the same dimensions.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgments {
    /// The dimension names (e.g. `coherence`), sorted.
    pub dimensions: Vec<String>,
    /// `(system, doc_id)` → one score per dimension, in the order of `dimensions`.
    pub cells: BTreeMap<(String, String), Vec<f64>>,
}

/// Reads `path`, taking the scores from the object in `field` (e.g.
/// [`DEFAULT_FIELD`]). Empty lines are skipped. Every line needs `id` and
/// `system` strings and `field` an object of finite numbers with the same keys
/// as on the first line; a (document, system) judged twice is an error.
pub fn read_judgments(path: &Path, field: &str) -> Result<Judgments, JudgmentsError> {
    let text =
        std::fs::read_to_string(path).map_err(|error| JudgmentsError::Io { file: path.into(), error })?;
    parse_judgments(&text, path, field)
}

/// Parses judgments from `text`; `file` is only used in error messages.
pub fn parse_judgments(text: &str, file: &Path, field: &str) -> Result<Judgments, JudgmentsError> {
    let mut dimensions: Option<Vec<String>> = None;
    let mut cells = BTreeMap::new();
    let mut first_lines: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut lines = JsonLines::new(text.as_bytes());
    while let Some(next) = lines.next_line() {
        let next = next.map_err(|error| JudgmentsError::Io { file: file.into(), error })?;
        let (line, raw) = (next.number, next.bytes);
        let field_error = |name: &str, problem: String| JudgmentsError::Field {
            file: file.into(),
            line,
            field: name.to_string(),
            problem,
        };
        let value: Value = serde_json::from_slice(raw).map_err(|e| JudgmentsError::NotAnObject {
            file: file.into(),
            line,
            message: e.to_string(),
        })?;
        let Value::Object(object) = value else {
            return Err(JudgmentsError::NotAnObject {
                file: file.into(),
                line,
                message: format!("found {value}"),
            });
        };
        let string = |name: &str| match object.get(name) {
            Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
            Some(Value::String(_)) => Err(field_error(name, "empty string".into())),
            Some(other) => Err(field_error(name, format!("expected a string, found {other}"))),
            None => Err(field_error(name, "missing".into())),
        };
        let (doc_id, system) = (string("id")?, string("system")?);
        let scores = match object.get(field) {
            Some(Value::Object(scores)) => scores,
            Some(other) => {
                return Err(field_error(field, format!("expected an object of scores, found {other}")));
            }
            None => {
                return Err(field_error(field, "missing (choose the field with --judgment-field)".into()));
            }
        };
        let mut names: Vec<String> = scores.keys().cloned().collect();
        names.sort();
        let expected = dimensions.get_or_insert_with(|| names.clone());
        if scores.is_empty() {
            return Err(field_error(field, "no dimensions".into()));
        }
        if *expected != names {
            return Err(field_error(
                field,
                format!("dimensions {} differ from the first line's {}", names.join(","), expected.join(",")),
            ));
        }
        let mut row = Vec::with_capacity(names.len());
        for name in &names {
            let value = &scores[name];
            match value.as_f64() {
                Some(v) if v.is_finite() => row.push(v),
                _ => {
                    return Err(field_error(
                        &format!("{field}.{name}"),
                        format!("expected a number, found {value}"),
                    ));
                }
            }
        }
        let key = (system.clone(), doc_id.clone());
        if let Some(&first_line) = first_lines.get(&key) {
            return Err(JudgmentsError::Duplicate { file: file.into(), line, first_line, doc_id, system });
        }
        first_lines.insert(key.clone(), line);
        cells.insert(key, row);
    }
    let Some(dimensions) = dimensions else {
        return Err(JudgmentsError::Empty { file: file.into() });
    };
    Ok(Judgments { dimensions, cells })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Judgments, JudgmentsError> {
        parse_judgments(text, Path::new("j.jsonl"), DEFAULT_FIELD)
    }

    #[test]
    fn reads_cells_with_sorted_dimensions() {
        let j = parse(concat!(
            r#"{"id": "d1", "system": "A", "expert_scores": {"fluency": 3, "coherence": 4.5}}"#,
            "\n\n",
            r#"{"id": "d2", "system": "A", "expert_scores": {"coherence": 1, "fluency": 2}}"#,
            "\n"
        ))
        .unwrap();
        assert_eq!(j.dimensions, ["coherence", "fluency"]);
        assert_eq!(j.cells[&("A".to_string(), "d1".to_string())], [4.5, 3.0]);
        assert_eq!(j.cells.len(), 2);
    }

    #[test]
    fn errors_name_file_line_and_field() {
        let message = |text: &str| parse(text).unwrap_err().to_string();
        assert_eq!(message("[1]"), "j.jsonl:1: not a JSON object: found [1]");
        assert_eq!(
            message(r#"{"id": "d1", "expert_scores": {"a": 1}}"#),
            "j.jsonl:1: field `system`: missing"
        );
        assert_eq!(
            message(concat!(
                r#"{"id": "d1", "system": "A", "expert_scores": {"a": 1}}"#,
                "\n",
                r#"{"id": "d2", "system": "A", "expert_scores": {"a": "x"}}"#
            )),
            "j.jsonl:2: field `expert_scores.a`: expected a number, found \"x\""
        );
        assert_eq!(
            message(concat!(
                r#"{"id": "d1", "system": "A", "expert_scores": {"a": 1}}"#,
                "\n",
                r#"{"id": "d1", "system": "A", "expert_scores": {"a": 2}}"#
            )),
            "j.jsonl:2: document `d1`, system `A` was already judged on line 1"
        );
        assert!(message(r#"{"id": "d1", "system": "A"}"#).contains("field `expert_scores`: missing"));
        assert_eq!(message("\n"), "j.jsonl: no judgments (the file has no non-empty line)");
    }
}
