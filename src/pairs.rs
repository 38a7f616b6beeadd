//! Candidate–reference pairs to score outside a run (`sumbench rouge`): the
//! one reader of their two input forms and the one writer of score rows.
//!
//! Input forms:
//! - JSONL, one object per line (blank lines skipped), as `sumbench eval`
//!   reads it: `{"id": str|int, "candidate": str, "references": [str, ...],
//!   "source"?: str, "lang"?: str}` (`lang`: the pair's language, an ISO
//!   639-1 code or XL-Sum's name such as `chinese`); other fields are ignored.
//! - Line-aligned text files, like files2rouge: line *i* of the candidates
//!   file against line *i* of every references file; the id is *i* (1-based).
//!
//! Output: one JSON object per pair, in input order,
//! `{"id": ..., "<metric>": {"precision": p, "recall": r, "fmeasure": f}, ...}`,
//! metrics in the order asked, floats in shortest round-trip form.
//! Errors name the file (`<stdin>` for standard input), the line and the field.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use crate::corpus::Location;
use crate::lang::Language;
use crate::metrics::{EvalError, EvalReader};
use crate::rouge::Score;

/// One candidate with its references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The id (for line-aligned files, the 1-based line number).
    pub id: String,
    /// The 1-based line it came from.
    pub line: usize,
    /// The text to score.
    pub candidate: String,
    /// Its references (at least one).
    pub references: Vec<String>,
    /// The source document, when the line carries one.
    pub source: Option<String>,
    /// The pair's own language, when the line carries one (`"lang"`).
    pub language: Option<Language>,
    /// Another package's ROUGE the line asks for (`"package"`), with its
    /// keyword arguments (`"options"`, unparsed), as case files carry them.
    pub package: Option<(String, Option<serde_json::Value>)>,
}

/// Why pairs cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum PairsError {
    /// Bad content.
    #[error("{location}: {message}")]
    Input {
        /// The file, and the line where the content has one.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// A file that cannot be read (the I/O error is part of the message).
    #[error("{}: cannot read: {error}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        error: io::Error,
    },
}

/// The name standard input goes by in messages.
pub const STDIN: &str = "<stdin>";

/// The pairs of JSONL `input`, named `name` in errors, streamed in order.
/// Lines are read by `sumbench eval`'s reader ([`EvalReader`]: the one
/// reader of candidate lines, so both commands take the same lines and give
/// the same messages); a pair also needs at least one reference.
pub fn read_jsonl<R: BufRead>(input: R, name: &Path) -> impl Iterator<Item = Result<Pair, PairsError>> {
    EvalReader::new(input, name).map(|record| {
        let record = record.map_err(|error| match error {
            EvalError::Io { path, error } => PairsError::Io { path, error },
            EvalError::Input { location, message } => PairsError::Input { location, message },
            // Only `evaluate`'s own scorers fail this way, never the reader.
            scorer @ EvalError::Scorer { .. } => {
                PairsError::Input { location: Location::file(name), message: scorer.to_string() }
            }
        })?;
        let missing =
            |message: &str| PairsError::Input { location: record.location.clone(), message: message.into() };
        let references = match record.references {
            None => return Err(missing("field `references`: missing")),
            Some(references) if references.is_empty() => {
                return Err(missing("field `references`: an empty list (every candidate needs a reference)"));
            }
            Some(references) => references,
        };
        let language = match &record.lang {
            None => None,
            Some(name) => Some(name.parse::<Language>().map_err(|e| missing(&format!("field `lang`: {e}")))?),
        };
        let line = record.location.line.unwrap_or(0);
        Ok(Pair {
            id: record.id,
            line,
            candidate: record.candidate,
            references,
            source: record.source,
            language,
            package: record.package.map(|name| (name, record.options)),
        })
    })
}

/// The pairs of line-aligned files: line *i* of `candidates` against line
/// *i* of every file of `references` (at least one, each as long).
pub fn read_aligned(candidates: &Path, references: &[PathBuf]) -> Result<Vec<Pair>, PairsError> {
    let lines = |path: &Path| -> Result<Vec<String>, PairsError> {
        let text =
            std::fs::read_to_string(path).map_err(|error| PairsError::Io { path: path.into(), error })?;
        Ok(text.lines().map(str::to_string).collect())
    };
    let candidate_lines = lines(candidates)?;
    if references.is_empty() {
        return Err(PairsError::Input {
            location: Location::file(candidates),
            message: "a candidates file needs at least one references file".into(),
        });
    }
    let mut reference_lines = Vec::with_capacity(references.len());
    for path in references {
        let these = lines(path)?;
        if these.len() != candidate_lines.len() {
            return Err(PairsError::Input {
                location: Location::file(path),
                message: format!(
                    "{} lines, but the candidates file {} has {} (files must be line-aligned)",
                    these.len(),
                    candidates.display(),
                    candidate_lines.len()
                ),
            });
        }
        reference_lines.push(these);
    }
    Ok(candidate_lines
        .into_iter()
        .enumerate()
        .map(|(i, candidate)| Pair {
            id: (i + 1).to_string(),
            line: i + 1,
            candidate,
            references: reference_lines.iter().map(|lines| lines[i].clone()).collect(),
            source: None,
            language: None,
            package: None,
        })
        .collect())
}

/// Writes one output row: `{"id": id, "<metric>": {precision, recall, fmeasure}, ...}`
/// and a newline, `metrics[i]` scored `scores[i]`.
pub fn write_row(out: &mut impl Write, id: &str, metrics: &[String], scores: &[Score]) -> io::Result<()> {
    RowWriter::new(metrics).write(out, id, scores)
}

/// [`write_row`] for many rows of the same metrics: the bytes between the
/// numbers are escaped once, and each row writes only its id (a JSON
/// string) and numbers (serde_json's shortest round-trip form), so the rows
/// are byte for byte those of a serde_json map.
#[derive(Debug, Clone)]
pub struct RowWriter {
    /// Per metric: `,"<metric>":{"precision":`.
    prefixes: Vec<Vec<u8>>,
}

impl RowWriter {
    /// A writer of rows scored for `metrics`, in this order.
    pub fn new(metrics: &[String]) -> Self {
        let prefixes = metrics
            .iter()
            .map(|metric| {
                let mut prefix = b",".to_vec();
                serde_json::to_writer(&mut prefix, metric).expect("a string serializes");
                prefix.extend_from_slice(br#":{"precision":"#);
                prefix
            })
            .collect();
        RowWriter { prefixes }
    }

    /// Writes the row of `id`, the metrics' `scores` in order, and a newline.
    pub fn write(&self, out: &mut impl Write, id: &str, scores: &[Score]) -> io::Result<()> {
        out.write_all(br#"{"id":"#)?;
        serde_json::to_writer(&mut *out, id)?;
        for (prefix, score) in self.prefixes.iter().zip(scores) {
            out.write_all(prefix)?;
            serde_json::to_writer(&mut *out, &score.precision)?;
            out.write_all(br#","recall":"#)?;
            serde_json::to_writer(&mut *out, &score.recall)?;
            out.write_all(br#","fmeasure":"#)?;
            serde_json::to_writer(&mut *out, &score.fmeasure)?;
            out.write_all(b"}")?;
        }
        out.write_all(b"}\n")
    }
}

#[cfg(test)]
mod tests {
    use serde::ser::{SerializeMap, Serializer};

    use super::*;

    fn error(line: &str) -> Option<String> {
        read_jsonl(io::Cursor::new(format!("\n{line}\n")), Path::new(STDIN))
            .next()
            .expect("one line")
            .err()
            .map(|e| e.to_string())
    }

    #[test]
    fn input_errors_name_the_line_and_the_field() {
        assert_eq!(error(r#"{"id":"a","candidate":"x","references":["y"],"extra":1}"#), None);
        assert!(error("{").is_some_and(|e| e.starts_with("<stdin>:2: malformed JSON at column 1")));
        let cases = [
            ("[]", "<stdin>:2: expected a JSON object, found an array"),
            (r#"{"id":"a","references":["y"]}"#, "<stdin>:2: field `candidate`: missing"),
            (
                r#"{"id":true,"candidate":"x","references":["y"]}"#,
                "<stdin>:2: field `id`: expected a string or an integer, found a boolean",
            ),
            (
                r#"{"id":"a","candidate":"x","references":["y",null]}"#,
                "<stdin>:2: field `references[1]`: expected a string, found null",
            ),
            (r#"{"id":"a","candidate":"x"}"#, "<stdin>:2: field `references`: missing"),
            (
                r#"{"id":"a","candidate":"x","references":[]}"#,
                "<stdin>:2: field `references`: an empty list (every candidate needs a reference)",
            ),
            (
                r#"{"id":"a","candidate":"x","references":["y"],"source":3}"#,
                "<stdin>:2: field `source`: expected a string, found a number",
            ),
            (
                r#"{"id":"a","candidate":"x","references":["y"],"lang":1}"#,
                "<stdin>:2: field `lang`: expected a string, found a number",
            ),
            (
                r#"{"id":"a","candidate":"x","references":["y"],"lang":"klingon"}"#,
                "<stdin>:2: field `lang`: unknown language `klingon` (expected an ISO 639-1 code such as de or zh, \
                 or XL-Sum's name such as german or chinese; `sumbench languages` lists them)",
            ),
        ];
        for (line, message) in cases {
            assert_eq!(error(line).as_deref(), Some(message), "{line}");
        }
    }

    #[test]
    fn a_line_may_carry_its_language() {
        let text = r#"{"id":1,"candidate":"x","references":["y"],"lang":"chinese"}"#;
        let pair = read_jsonl(io::Cursor::new(text), Path::new("f")).next().unwrap().unwrap();
        assert_eq!(pair.language, Some(Language::Chinese));
    }

    #[test]
    fn reads_pairs_with_their_lines() {
        let text = "{\"id\":\"a\",\"candidate\":\"x\",\"references\":[\"y\",\"z\"],\"source\":\"s\"}\n\n";
        let pairs: Vec<Pair> =
            read_jsonl(io::Cursor::new(text), Path::new("f")).map(Result::unwrap).collect();
        let want = Pair {
            id: "a".into(),
            line: 1,
            candidate: "x".into(),
            references: vec!["y".into(), "z".into()],
            source: Some("s".into()),
            language: None,
            package: None,
        };
        assert_eq!(pairs, [want]);
    }

    #[test]
    fn aligned_files_pair_lines_and_refuse_ragged_ones() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let (c, r1, r2) = (write("c.txt", "a\nb\n"), write("r1.txt", "x\ny\n"), write("r2.txt", "z\n"));
        let pairs = read_aligned(&c, std::slice::from_ref(&r1)).unwrap();
        assert_eq!((pairs[1].id.as_str(), pairs[1].references.as_slice()), ("2", &["y".to_string()][..]));
        let error = read_aligned(&c, &[r1, r2.clone()]).unwrap_err().to_string();
        assert_eq!(
            error,
            format!(
                "{}: 1 lines, but the candidates file {} has 2 (files must be line-aligned)",
                r2.display(),
                c.display()
            )
        );
    }

    #[test]
    fn rows_are_serde_json_maps_byte_for_byte() {
        // The layout by serde_json itself: a map of the id and the scores,
        // including an id and a metric name that need escaping and values
        // that print as integers, exponents or null.
        let metrics = ["rouge1".to_string(), "a\"b\\".to_string()];
        let scores = [
            Score { precision: 1e-7, recall: 1.0, fmeasure: 2.0 / 3.0 },
            Score { precision: f64::NAN, recall: 0.0, fmeasure: 123456789.0 },
        ];
        let id = "x\ny\u{1}é";
        let mut want = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut want);
        let mut map = serializer.serialize_map(None).unwrap();
        map.serialize_entry("id", id).unwrap();
        for (metric, score) in metrics.iter().zip(&scores) {
            map.serialize_entry(metric, score).unwrap();
        }
        map.end().unwrap();
        want.push(b'\n');
        let mut got = Vec::new();
        write_row(&mut got, id, &metrics, &scores).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
    }

    #[test]
    fn rows_keep_metric_order_and_full_precision() {
        let mut out = Vec::new();
        let score = Score { precision: 1.0 / 3.0, recall: 0.5, fmeasure: 0.4 };
        let metrics = ["rougeLsum".to_string(), "rouge1".to_string()];
        write_row(&mut out, "a", &metrics, &[score, Score::default()]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            concat!(
                r#"{"id":"a","rougeLsum":{"precision":0.3333333333333333,"recall":0.5,"fmeasure":0.4},"#,
                r#""rouge1":{"precision":0.0,"recall":0.0,"fmeasure":0.0}}"#,
                "\n"
            )
        );
    }
}
