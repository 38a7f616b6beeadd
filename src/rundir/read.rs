//! Reading a run directory back: `run.json`, the check of every file against
//! the SHA-256 it records, and the one validated `scores.csv` reader (with
//! the `summaries.jsonl` reader beside it) that `compare`, `merge` and `meta`
//! share. Errors name the file, and for content the line and the column.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::RunDirError;
use super::files;
use super::info::RunInfo;
use crate::digest::file_sha256;
use crate::jsonl::JsonLines;
use crate::metrics::{Metric, SufficientStats};
use crate::report::{CORPUS_LEVEL_COLUMNS, CorpusLevelRow, ScoreRecord, SummaryRecord};

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
    #[error("{}:{line}: column `{column}`: {value} is not {range}", file.display())]
    OutOfRange {
        /// The file.
        file: PathBuf,
        /// Line of the row.
        line: u64,
        /// Column name.
        column: &'static str,
        /// The parsed value.
        value: f64,
        /// What it should be.
        range: &'static str,
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

/// Column positions of the fields a score row needs.
#[derive(Debug, Clone, Copy)]
struct Columns {
    corpus: usize,
    doc_id: usize,
    summarizer: usize,
    metric: usize,
    precision: usize,
    recall: usize,
    fmeasure: usize,
    budget: Option<usize>,
}

/// The score rows of a `scores.csv`, validated and streamed in file order.
///
/// Columns are found by header name, in any order; extra columns are ignored.
/// `corpus`, `doc_id`, `summarizer`, `metric`, `precision`, `recall` and
/// `fmeasure` are required; `budget` is optional (empty when absent). ROUGE
/// scores must be numbers in [0, 1], unless the run scored ROUGE with another
/// package (`run.json`'s `rouge_profile`): then they are on the package's
/// scale (finite) and may be undefined (empty), like the other metrics'.
/// `doc_id`, `summarizer` and `metric` must not be empty (`corpus` may be).
pub struct ScoresReader {
    file: PathBuf,
    rows: csv::StringRecordsIntoIter<Box<dyn Read>>,
    columns: Columns,
    /// Whether ROUGE came from a package's profile (its own scale).
    rouge_profile: bool,
}

impl std::fmt::Debug for ScoresReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScoresReader").field("file", &self.file).finish_non_exhaustive()
    }
}

impl ScoresReader {
    /// Opens `path`: a `scores.csv` file, or a run directory holding one.
    /// The `run.json` beside it decides the ROUGE scale (see above).
    pub fn open(path: &Path) -> Result<Self, ReadError> {
        let file = scores_path(path);
        let reader = File::open(&file).map_err(|error| ReadError::Io { file: file.clone(), error })?;
        let mut scores = Self::new(Box::new(BufReader::new(reader)), file.clone())?;
        scores.rouge_profile = file.parent().is_some_and(|dir| run_has_rouge_profile(&dir.join(files::RUN)));
        Ok(scores)
    }

    /// Reads `scores.csv` content from `bytes`; `file` names it in errors.
    pub fn from_reader(bytes: impl Read + 'static, file: &Path) -> Result<Self, ReadError> {
        Self::new(Box::new(bytes), file.to_path_buf())
    }

    fn new(input: Box<dyn Read>, file: PathBuf) -> Result<Self, ReadError> {
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(input);
        let header = reader.headers().map_err(|e| malformed(e, &file))?.clone();
        let column = |name: &'static str| header.iter().position(|h| h == name);
        let require = |name: &'static str| {
            column(name).ok_or_else(|| ReadError::MissingColumn {
                file: file.clone(),
                column: name,
                found: header.iter().collect::<Vec<_>>().join(","),
            })
        };
        let columns = Columns {
            corpus: require("corpus")?,
            doc_id: require("doc_id")?,
            summarizer: require("summarizer")?,
            metric: require("metric")?,
            precision: require("precision")?,
            recall: require("recall")?,
            fmeasure: require("fmeasure")?,
            budget: column("budget"),
        };
        Ok(ScoresReader { file, rows: reader.into_records(), columns, rouge_profile: false })
    }

    /// The file read (in error messages).
    pub fn file(&self) -> &Path {
        &self.file
    }

    fn record(&self, row: &csv::StringRecord) -> Result<ScoreRecord, ReadError> {
        let file = &self.file;
        let line = row.position().map_or(0, |p| p.line());
        let field = |index: usize| row.get(index).unwrap_or_default();
        let identifier = |index: usize, name: &'static str| -> Result<String, ReadError> {
            match field(index) {
                "" => Err(ReadError::Empty { file: file.clone(), line, column: name }),
                value => Ok(value.to_string()),
            }
        };
        let c = self.columns;
        let metric = identifier(c.metric, "metric")?;
        // ROUGE scores are fractions; the other metrics have their own scales
        // (BLEU 0–100, density unbounded) and may be undefined (an empty field).
        let fraction = metric.starts_with("rouge") && !self.rouge_profile;
        let score = |index: usize, name: &'static str| -> Result<f64, ReadError> {
            let raw = field(index).trim();
            if raw.is_empty() && !fraction {
                return Ok(f64::NAN);
            }
            let value: f64 = raw.parse().map_err(|_| ReadError::NotANumber {
                file: file.clone(),
                line,
                column: name,
                value: raw.to_string(),
            })?;
            let in_range =
                if fraction { (0.0..=1.0).contains(&value) } else { value.is_finite() && value >= 0.0 };
            if !in_range {
                let range = if fraction { "a score in [0, 1]" } else { "a finite score ≥ 0" };
                return Err(ReadError::OutOfRange { file: file.clone(), line, column: name, value, range });
            }
            Ok(value)
        };
        Ok(ScoreRecord {
            corpus: field(c.corpus).to_string(),
            doc_id: identifier(c.doc_id, "doc_id")?,
            summarizer: identifier(c.summarizer, "summarizer")?,
            metric,
            precision: score(c.precision, "precision")?,
            recall: score(c.recall, "recall")?,
            fmeasure: score(c.fmeasure, "fmeasure")?,
            budget: c.budget.map_or("", field).to_string(),
        })
    }
}

impl Iterator for ScoresReader {
    type Item = Result<ScoreRecord, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let row = match self.rows.next()? {
            Ok(row) => row,
            Err(e) => return Some(Err(malformed(e, &self.file))),
        };
        Some(self.record(&row))
    }
}

fn malformed(error: csv::Error, file: &Path) -> ReadError {
    ReadError::Malformed { file: file.to_path_buf(), line: error.position().map_or(1, |p| p.line()), error }
}

/// The `scores.csv` a path stands for: the path itself when it is a file, or
/// `scores.csv` inside it when it is a directory (a run directory).
pub fn scores_path(path: &Path) -> PathBuf {
    if path.is_dir() { path.join(files::SCORES) } else { path.to_path_buf() }
}

/// Whether the `run.json` at `path` names a ROUGE profile (a missing or
/// unreadable one does not: rouge-score's scale is then checked).
fn run_has_rouge_profile(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else { return false };
    serde_json::from_str::<serde_json::Value>(&text).is_ok_and(|info| info.get("rouge_profile").is_some())
}

/// Every score row of `path` (a `scores.csv` file or a run directory holding
/// one), in file order; see [`ScoresReader`] for what is checked.
pub fn read_scores(path: &Path) -> Result<Vec<ScoreRecord>, ReadError> {
    ScoresReader::open(path)?.collect()
}

/// The summaries of a `summaries.jsonl`, streamed in file order; errors name
/// the line.
pub fn summaries(
    path: &Path,
) -> Result<impl Iterator<Item = Result<SummaryRecord, RunDirError>> + use<>, RunDirError> {
    let file = File::open(path).map_err(|e| RunDirError::in_file(path, e.to_string()))?;
    let path = path.to_path_buf();
    let mut lines = JsonLines::new(BufReader::new(file));
    Ok(std::iter::from_fn(move || {
        Some(match lines.next_line()? {
            Ok(line) => serde_json::from_slice(line.bytes)
                .map_err(|e| RunDirError::at_line(&path, line.number, e.to_string())),
            Err(e) => Err(RunDirError::in_file(&path, e.to_string())),
        })
    }))
}

/// The rows of `dir`'s `corpus_level.csv`, validated: known metrics,
/// statistics that fit them, a document count. A run directory written
/// before the file existed has none. Errors name the line and the column.
pub fn read_corpus_level(dir: &Path) -> Result<Vec<CorpusLevelRow>, RunDirError> {
    let path = dir.join(files::CORPUS_LEVEL);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let mut reader = csv::Reader::from_path(&path).map_err(|e| RunDirError::in_file(&path, e.to_string()))?;
    let header = reader.headers().map_err(|e| RunDirError::at_line(&path, 1, e.to_string()))?.clone();
    if header.iter().ne(CORPUS_LEVEL_COLUMNS) {
        let found = header.iter().collect::<Vec<_>>().join(",");
        return Err(RunDirError::at_line(
            &path,
            1,
            format!("expected the header `{}`, found `{found}`", CORPUS_LEVEL_COLUMNS.join(",")),
        ));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            RunDirError::at_line(&path, e.position().map_or(1, |p| p.line() as usize), e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let column = |name: &str, message: String| {
            RunDirError::at_line(&path, line, format!("column `{name}`: {message}"))
        };
        let metric: Metric =
            record[2].parse().map_err(|_| column("metric", format!("`{}` is not a metric", &record[2])))?;
        if !SufficientStats::sums(metric) {
            return Err(column("metric", format!("{metric} has no corpus-level statistics")));
        }
        let documents =
            record[4].parse().map_err(|_| column("documents", format!("`{}` is not a count", &record[4])))?;
        let stats =
            SufficientStats::parse(metric, &record[5]).map_err(|e| column("statistics", e.to_string()))?;
        rows.push(CorpusLevelRow {
            corpus: record[0].to_string(),
            summarizer: record[1].to_string(),
            metric,
            documents,
            stats,
        });
    }
    Ok(rows)
}

/// Checks that every file `run.json` lists in `dir` has the SHA-256 recorded
/// there: a directory whose files were changed or mixed with another run's is
/// refused. A directory without `run.json` (a hand-made `scores.csv`) passes.
pub fn verify_run_dir(dir: &Path) -> Result<(), RunDirError> {
    if !dir.join(files::RUN).is_file() {
        return Ok(());
    }
    let info = read_run_json(dir)?;
    for (file, expected) in &info.files {
        let path = dir.join(file);
        // The page is a view of the other files and large: deleting it (as
        // the committed reference run does) leaves the run whole.
        if file == files::REPORT_HTML && !path.exists() {
            continue;
        }
        let actual = file_sha256(&path).map_err(|e| RunDirError::in_file(&path, e.to_string()))?;
        if &actual != expected {
            return Err(RunDirError::in_file(
                &path,
                "does not match its SHA-256 in run.json (the directory was changed after the run wrote it)",
            ));
        }
    }
    Ok(())
}

/// Reads the `run.json` of `dir`.
pub fn read_run_json(dir: &Path) -> Result<RunInfo, RunDirError> {
    let path = dir.join(files::RUN);
    let text = std::fs::read_to_string(&path).map_err(|e| RunDirError::in_file(&path, e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| RunDirError::at_line(&path, e.line(), e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::scores_csv;

    fn parse(bytes: &[u8], file: &str) -> Result<Vec<ScoreRecord>, ReadError> {
        ScoresReader::from_reader(std::io::Cursor::new(bytes.to_vec()), Path::new(file))?.collect()
    }

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
    fn scores_round_trip_exactly() {
        let records = vec![record("a,1", 0.1 + 0.2), record("b\"q", 2.0 / 7.0)];
        assert_eq!(parse(&scores_csv(&records), "x.csv").unwrap(), records);
    }

    fn error(text: &str) -> String {
        parse(text.as_bytes(), "runs/a/scores.csv").unwrap_err().to_string()
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
            error(&format!("{head}c,d,s,rouge1,0.1,0.2,45.5\n")),
            "runs/a/scores.csv:2: column `fmeasure`: 45.5 is not a score in [0, 1]"
        );
        // Other metrics have their own scales (BLEU 0–100) and may be undefined, but not negative.
        let bleu = parse(format!("{head}c,d,s,bleu,,,45.5\n").as_bytes(), "f").unwrap();
        assert!(bleu[0].precision.is_nan() && bleu[0].fmeasure == 45.5);
        assert_eq!(
            error(&format!("{head}c,d,s,density,,,-1\n")),
            "runs/a/scores.csv:2: column `fmeasure`: -1 is not a finite score ≥ 0"
        );
        assert_eq!(
            error(&format!("{head}c,d,s,rouge1,,0.2,0.5\n")),
            "runs/a/scores.csv:2: column `precision`: `` is not a number"
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
        assert_eq!(
            parse(text.as_bytes(), "f").unwrap(),
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
            let back = parse(&scores_csv(&records), "p.csv").unwrap();
            proptest::prop_assert_eq!(back, records);
        }
    }
}
