//! `scores.csv` and `summary.csv`: writing them byte-deterministically and
//! reading `scores.csv` back with errors that name file, line and column.
//!
//! Owns: the two CSV layouts. Floats are written with Rust's `{}` for `f64`
//! (shortest string that round-trips), so the same rows always give the same
//! bytes. Never touches the file system for writing: writers return bytes and
//! the caller stores them (in a staged run directory, `crate::write::StagedDir`).

use std::path::{Path, PathBuf};

use super::aggregate::SummaryRow;
use super::record::ScoreRecord;

/// Header of `scores.csv`, one row per corpus × document × summarizer × metric.
pub const SCORES_HEADER: [&str; 8] =
    ["corpus", "doc_id", "summarizer", "metric", "precision", "recall", "fmeasure", "budget"];

/// Header of `summary.csv`, one row per corpus × summarizer × metric.
pub const SUMMARY_HEADER: [&str; 11] = [
    "corpus",
    "summarizer",
    "metric",
    "n_docs",
    "precision_mean",
    "recall_mean",
    "fmeasure_mean",
    "fmeasure_ci_low",
    "fmeasure_ci_high",
    "summary_words_mean",
    "docs_per_second",
];

/// Why `scores.csv` could not be read. Every variant names the file; those about
/// content also name the line (1 = header) and the column.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{}: cannot read: {error}", file.display())]
    Io {
        /// The file.
        file: PathBuf,
        /// The I/O error (shown in the message, so not chained as a source).
        error: std::io::Error,
    },
    /// The CSV itself is malformed (e.g. a row with the wrong number of fields).
    #[error("{}:{line}: malformed CSV: {error}", file.display())]
    Malformed {
        /// The file.
        file: PathBuf,
        /// Line of the offending row.
        line: u64,
        /// The CSV parser's error (shown in the message, so not chained as a source).
        error: csv::Error,
    },
    /// A required column is absent from the header.
    #[error("{}:1: missing column `{column}` (header has: {found})", file.display())]
    MissingColumn {
        /// The file.
        file: PathBuf,
        /// The missing column.
        column: &'static str,
        /// The header as found, comma-separated.
        found: String,
    },
    /// A score field does not parse as a number.
    #[error("{}:{line}: column `{column}`: `{value}` is not a number", file.display())]
    NotANumber {
        /// The file.
        file: PathBuf,
        /// Line of the row.
        line: u64,
        /// Column name.
        column: &'static str,
        /// The field as found.
        value: String,
    },
    /// A score is a number but not a fraction in [0, 1].
    #[error("{}:{line}: column `{column}`: {value} is not a score in [0, 1]", file.display())]
    OutOfRange {
        /// The file.
        file: PathBuf,
        /// Line of the row.
        line: u64,
        /// Column name.
        column: &'static str,
        /// The parsed value.
        value: f64,
    },
    /// An identifying field (doc_id, summarizer, metric) is empty.
    #[error("{}:{line}: column `{column}`: empty value", file.display())]
    Empty {
        /// The file.
        file: PathBuf,
        /// Line of the row.
        line: u64,
        /// Column name.
        column: &'static str,
    },
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new())
}

fn finish(mut writer: csv::Writer<Vec<u8>>) -> Vec<u8> {
    // Writing to a Vec cannot fail: the only errors csv reports are I/O errors.
    writer.flush().expect("writing CSV to memory cannot fail");
    writer.into_inner().expect("writing CSV to memory cannot fail")
}

fn put<const N: usize>(writer: &mut csv::Writer<Vec<u8>>, fields: [&str; N]) {
    writer.write_record(fields).expect("writing CSV to memory cannot fail");
}

fn optional(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The bytes of `scores.csv` for `records`, in the given order, with a header
/// ([`SCORES_HEADER`]) and `\n` line ends.
pub fn scores_csv(records: &[ScoreRecord]) -> Vec<u8> {
    let mut w = csv_writer();
    put(&mut w, SCORES_HEADER);
    for r in records {
        let (p, rc, f) = (r.precision.to_string(), r.recall.to_string(), r.fmeasure.to_string());
        put(&mut w, [&r.corpus, &r.doc_id, &r.summarizer, &r.metric, &p, &rc, &f, &r.budget]);
    }
    finish(w)
}

/// The bytes of `summary.csv` for `rows`, in the given order, with a header
/// ([`SUMMARY_HEADER`]); an absent words mean or speed is an empty field.
pub fn summary_csv(rows: &[SummaryRow]) -> Vec<u8> {
    let mut w = csv_writer();
    put(&mut w, SUMMARY_HEADER);
    for r in rows {
        put(
            &mut w,
            [
                &r.corpus,
                &r.summarizer,
                &r.metric,
                &r.n_docs.to_string(),
                &r.precision_mean.to_string(),
                &r.recall_mean.to_string(),
                &r.fmeasure_mean.to_string(),
                &r.fmeasure_ci_low.to_string(),
                &r.fmeasure_ci_high.to_string(),
                &optional(r.summary_words_mean),
                &optional(r.docs_per_second),
            ],
        );
    }
    finish(w)
}

/// The `scores.csv` a path stands for: the path itself when it is a file, or
/// `scores.csv` inside it when it is a directory (a run directory).
pub fn scores_path(path: &Path) -> PathBuf {
    if path.is_dir() { path.join("scores.csv") } else { path.to_path_buf() }
}

/// Reads the score records of `path` (a `scores.csv` file or a run directory
/// holding one), in file order.
pub fn read_scores(path: &Path) -> Result<Vec<ScoreRecord>, ReadError> {
    let file = scores_path(path);
    let bytes = std::fs::read(&file).map_err(|error| ReadError::Io { file: file.clone(), error })?;
    parse_scores(&bytes, &file)
}

/// Parses `scores.csv` content; `file` is only used in error messages.
///
/// Columns are found by header name, in any order; extra columns are ignored.
/// `corpus`, `doc_id`, `summarizer`, `metric`, `precision`, `recall` and
/// `fmeasure` are required; `budget` is optional (empty when absent). Scores
/// must be numbers in [0, 1]; `doc_id`, `summarizer` and `metric` must not be
/// empty (`corpus` may be).
pub fn parse_scores(bytes: &[u8], file: &Path) -> Result<Vec<ScoreRecord>, ReadError> {
    let file = file.to_path_buf();
    let malformed = |error: csv::Error, file: &PathBuf| ReadError::Malformed {
        file: file.clone(),
        line: error.position().map_or(1, |p| p.line()),
        error,
    };
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(bytes);
    let header = reader.headers().map_err(|e| malformed(e, &file))?.clone();
    let column = |name: &'static str| header.iter().position(|h| h == name);
    let require = |name: &'static str| {
        column(name).ok_or_else(|| ReadError::MissingColumn {
            file: file.clone(),
            column: name,
            found: header.iter().collect::<Vec<_>>().join(","),
        })
    };
    let [corpus, doc_id, summarizer, metric, precision, recall, fmeasure] =
        ["corpus", "doc_id", "summarizer", "metric", "precision", "recall", "fmeasure"].map(require);
    let (corpus, doc_id, summarizer, metric) = (corpus?, doc_id?, summarizer?, metric?);
    let (precision, recall, fmeasure) = (precision?, recall?, fmeasure?);
    let budget = column("budget");

    let mut records = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| malformed(e, &file))?;
        let line = row.position().map_or(0, |p| p.line());
        let field = |index: usize| row.get(index).unwrap_or_default();
        let identifier = |index: usize, name: &'static str| -> Result<String, ReadError> {
            match field(index) {
                "" => Err(ReadError::Empty { file: file.clone(), line, column: name }),
                value => Ok(value.to_string()),
            }
        };
        let score = |index: usize, name: &'static str| -> Result<f64, ReadError> {
            let raw = field(index).trim();
            let value: f64 = raw.parse().map_err(|_| ReadError::NotANumber {
                file: file.clone(),
                line,
                column: name,
                value: raw.to_string(),
            })?;
            if !(0.0..=1.0).contains(&value) {
                return Err(ReadError::OutOfRange { file: file.clone(), line, column: name, value });
            }
            Ok(value)
        };
        records.push(ScoreRecord {
            corpus: field(corpus).to_string(),
            doc_id: identifier(doc_id, "doc_id")?,
            summarizer: identifier(summarizer, "summarizer")?,
            metric: identifier(metric, "metric")?,
            precision: score(precision, "precision")?,
            recall: score(recall, "recall")?,
            fmeasure: score(fmeasure, "fmeasure")?,
            budget: budget.map_or("", field).to_string(),
        });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(doc: &str, f: f64) -> ScoreRecord {
        ScoreRecord {
            corpus: "seed".into(),
            doc_id: doc.into(),
            summarizer: "lead".into(),
            metric: "rouge1".into(),
            precision: 0.5,
            recall: 1.0 / 3.0,
            fmeasure: f,
            budget: "3s".into(),
        }
    }

    #[test]
    fn scores_csv_layout_is_exact() {
        let bytes = scores_csv(&[record("a,1", 0.4), record("b", 1.0)]);
        let expected = "corpus,doc_id,summarizer,metric,precision,recall,fmeasure,budget\n\
             seed,\"a,1\",lead,rouge1,0.5,0.3333333333333333,0.4,3s\n\
             seed,b,lead,rouge1,0.5,0.3333333333333333,1,3s\n";
        assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    }

    #[test]
    fn scores_round_trip_exactly() {
        let records = vec![record("a,1", 0.1 + 0.2), record("b\"q", 2.0 / 7.0)];
        let back = parse_scores(&scores_csv(&records), Path::new("x.csv")).unwrap();
        assert_eq!(back, records);
    }

    #[test]
    fn summary_csv_layout_is_exact() {
        let row = SummaryRow {
            corpus: "seed".into(),
            summarizer: "lead".into(),
            metric: "rougeL".into(),
            n_docs: 3,
            precision_mean: 0.5,
            recall_mean: 0.25,
            fmeasure_mean: 0.125,
            fmeasure_ci_low: 0.1,
            fmeasure_ci_high: 0.2,
            summary_words_mean: Some(42.5),
            docs_per_second: None,
        };
        let text = String::from_utf8(summary_csv(&[row])).unwrap();
        assert_eq!(
            text,
            "corpus,summarizer,metric,n_docs,precision_mean,recall_mean,fmeasure_mean,\
             fmeasure_ci_low,fmeasure_ci_high,summary_words_mean,docs_per_second\n\
             seed,lead,rougeL,3,0.5,0.25,0.125,0.1,0.2,42.5,\n"
        );
    }

    fn error(text: &str) -> String {
        parse_scores(text.as_bytes(), Path::new("runs/a/scores.csv")).unwrap_err().to_string()
    }

    #[test]
    fn missing_column_is_named() {
        let e = error("corpus,doc_id,summarizer,metric,precision,recall\nc,d,s,m,0.1,0.2\n");
        assert_eq!(
            e,
            "runs/a/scores.csv:1: missing column `fmeasure` \
             (header has: corpus,doc_id,summarizer,metric,precision,recall)"
        );
    }

    #[test]
    fn non_numeric_score_names_line_and_column() {
        let e = error(
            "corpus,doc_id,summarizer,metric,precision,recall,fmeasure\nc,d,s,m,0.1,0.2,0.3\nc,e,s,m,0.1,abc,0.3\n",
        );
        assert_eq!(e, "runs/a/scores.csv:3: column `recall`: `abc` is not a number");
    }

    #[test]
    fn out_of_range_and_empty_fields_are_rejected() {
        let head = "corpus,doc_id,summarizer,metric,precision,recall,fmeasure\n";
        assert_eq!(
            error(&format!("{head}c,d,s,m,0.1,0.2,45.5\n")),
            "runs/a/scores.csv:2: column `fmeasure`: 45.5 is not a score in [0, 1]"
        );
        assert_eq!(
            error(&format!("{head}c,,s,m,0.1,0.2,0.5\n")),
            "runs/a/scores.csv:2: column `doc_id`: empty value"
        );
        assert!(error(&format!("{head}c,d,s,m,0.1\n")).starts_with("runs/a/scores.csv:2: malformed CSV"));
    }

    #[test]
    fn columns_in_any_order_and_budget_optional() {
        let text =
            "fmeasure,metric,doc_id,corpus,summarizer,recall,precision,extra\n0.5,rouge2,d,c,s,0.25,1,x\n";
        let records = parse_scores(text.as_bytes(), Path::new("f")).unwrap();
        assert_eq!(
            records,
            [ScoreRecord {
                corpus: "c".into(),
                doc_id: "d".into(),
                summarizer: "s".into(),
                metric: "rouge2".into(),
                precision: 1.0,
                recall: 0.25,
                fmeasure: 0.5,
                budget: String::new(),
            }]
        );
    }

    proptest::proptest! {
        #[test]
        fn any_records_round_trip(
            rows in proptest::collection::vec(
                ("[a-z,\" ]{0,6}", "[a-z0-9,\"\n]{1,8}", "[a-zA-Z|]{1,6}", "[a-zA-Z0-9]{1,6}",
                 0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64, "[0-9a-z]{0,4}"),
                0..10,
            )
        ) {
            let records: Vec<ScoreRecord> = rows
                .into_iter()
                .map(|(corpus, doc_id, summarizer, metric, precision, recall, fmeasure, budget)| ScoreRecord {
                    corpus, doc_id, summarizer, metric, precision, recall, fmeasure, budget,
                })
                .collect();
            let back = parse_scores(&scores_csv(&records), Path::new("p.csv")).unwrap();
            proptest::prop_assert_eq!(back, records);
        }
    }
}
