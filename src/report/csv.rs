//! `scores.csv` and `summary.csv`: their layouts, written byte-deterministically.
//!
//! Owns: the two CSV layouts. Floats are written with Rust's `{}` for `f64`
//! (shortest string that round-trips), so the same rows always give the same
//! bytes. Never opens files: [`ScoresCsv`] streams into any writer, the other
//! writers return bytes. Reading `scores.csv` back is the run directory's
//! (`crate::rundir::read`).

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::aggregate::AggregateRow;
use super::record::ScoreRecord;
use crate::rouge::Score;

/// Header of `scores.csv`, one row per corpus × document × summarizer × metric.
pub const SCORES_HEADER: [&str; 8] =
    ["corpus", "doc_id", "summarizer", "metric", "precision", "recall", "fmeasure", "budget"];

/// Header of `summary.csv`, one aggregate row per corpus × summarizer × metric.
pub const AGGREGATE_HEADER: [&str; 12] = [
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
    "signature",
    "docs_per_second",
];

/// `scores.csv` streamed row by row into `W`, header first.
#[derive(Debug)]
pub struct ScoresCsv<W: Write> {
    writer: csv::Writer<W>,
}

/// Where a summary's score rows belong: the fields every one of its rows shares.
#[derive(Debug, Clone, Copy)]
pub struct RowKey<'a> {
    /// Corpus name.
    pub corpus: &'a str,
    /// Document id.
    pub doc_id: &'a str,
    /// Summarizer name.
    pub summarizer: &'a str,
    /// The budget as given.
    pub budget: &'a str,
}

impl<W: Write> ScoresCsv<W> {
    /// Starts the file: writes the header (`SCORES_HEADER`).
    pub fn new(out: W) -> io::Result<Self> {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out);
        writer.write_record(SCORES_HEADER).map_err(io::Error::other)?;
        Ok(ScoresCsv { writer })
    }

    /// Writes one summary's rows: one per metric, `metrics[i]` scored `scores[i]`.
    pub fn rows(&mut self, key: RowKey<'_>, metrics: &[String], scores: &[Score]) -> io::Result<()> {
        for (metric, score) in metrics.iter().zip(scores) {
            self.row(key, metric, score)?;
        }
        Ok(())
    }

    fn row(&mut self, key: RowKey<'_>, metric: &str, s: &Score) -> io::Result<()> {
        let (p, r, f) = (number(s.precision), number(s.recall), number(s.fmeasure));
        let fields = [key.corpus, key.doc_id, key.summarizer, metric, &p, &r, &f, key.budget];
        self.writer.write_record(fields).map_err(io::Error::other)
    }

    /// Flushes and gives the writer back.
    pub fn into_inner(self) -> io::Result<W> {
        self.writer.into_inner().map_err(|e| e.into_error())
    }
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
    value.map(number).unwrap_or_default()
}

/// A score as written: shortest round-trip form, or an empty field when
/// undefined (NaN: precision and recall of a single-valued metric, a metric
/// undefined on a document).
fn number(value: f64) -> String {
    if value.is_nan() { String::new() } else { value.to_string() }
}

/// The bytes of `scores.csv` for `records`, in the given order, with a header
/// (`SCORES_HEADER`) and `\n` line ends.
pub fn scores_csv(records: &[ScoreRecord]) -> Vec<u8> {
    let written = ScoresCsv::new(Vec::new()).and_then(|mut out| {
        for r in records {
            let key =
                RowKey { corpus: &r.corpus, doc_id: &r.doc_id, summarizer: &r.summarizer, budget: &r.budget };
            let score = Score { precision: r.precision, recall: r.recall, fmeasure: r.fmeasure };
            out.row(key, &r.metric, &score)?;
        }
        out.into_inner()
    });
    // Writing to a Vec cannot fail: the only errors csv reports are I/O errors.
    written.expect("writing CSV to memory cannot fail")
}

/// The bytes of `summary.csv` for `rows`, in the given order, with a header
/// (`AGGREGATE_HEADER`); an absent words mean or speed is an empty field.
/// `signatures` gives each metric's signature (empty when it has none); the
/// speed stays the last column, the one timing in the file.
pub fn aggregate_csv(rows: &[AggregateRow], signatures: &BTreeMap<String, String>) -> Vec<u8> {
    let mut w = csv_writer();
    put(&mut w, AGGREGATE_HEADER);
    for r in rows {
        put(
            &mut w,
            [
                &r.corpus,
                &r.summarizer,
                &r.metric,
                &r.n_docs.to_string(),
                &number(r.precision_mean),
                &number(r.recall_mean),
                &number(r.fmeasure_mean),
                &number(r.fmeasure_ci_low),
                &number(r.fmeasure_ci_high),
                &optional(r.summary_words_mean),
                signatures.get(&r.metric).map_or("", String::as_str),
                &optional(r.docs_per_second),
            ],
        );
    }
    finish(w)
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
    fn aggregate_csv_layout_is_exact() {
        let row = AggregateRow {
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
        let bleu = AggregateRow {
            metric: "bleu".into(),
            precision_mean: f64::NAN,
            recall_mean: f64::NAN,
            ..row.clone()
        };
        let signatures = BTreeMap::from([("rougeL".to_string(), "impl:x|version:y".to_string())]);
        let text = String::from_utf8(aggregate_csv(&[row, bleu], &signatures)).unwrap();
        assert_eq!(
            text,
            "corpus,summarizer,metric,n_docs,precision_mean,recall_mean,fmeasure_mean,\
             fmeasure_ci_low,fmeasure_ci_high,summary_words_mean,signature,docs_per_second\n\
             seed,lead,rougeL,3,0.5,0.25,0.125,0.1,0.2,42.5,impl:x|version:y,\n\
             seed,lead,bleu,3,,,0.125,0.1,0.2,42.5,,\n"
        );
    }
}
