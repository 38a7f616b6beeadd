//! Score reports: per-document records, aggregates with bootstrap confidence
//! intervals, CSV/Markdown/SVG output, and comparison of two runs.
//!
//! Owns: the report file formats and the statistics over records. Never runs
//! summarizers or computes ROUGE.

pub mod record;

pub use record::{ScoreRecord, SummaryRecord};
