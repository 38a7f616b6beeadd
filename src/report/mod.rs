//! Score reports: per-document records, aggregates with bootstrap confidence
//! intervals, CSV/Markdown/SVG output, and comparison of two runs.
//!
//! Owns: the report file formats and the statistics over records. Never runs
//! summarizers or computes ROUGE, and never writes files itself: writers return
//! bytes for the caller to store (in a staged run directory, `crate::write::StagedDir`).

pub mod aggregate;
pub mod bootstrap;
pub mod compare;
pub mod compare_format;
pub mod csv;
pub mod markdown;
pub mod permutation;
pub mod record;
pub mod stats;
pub mod svg;

pub use aggregate::{SummaryRow, Timing, aggregate};
pub use csv::{ReadError, parse_scores, read_scores, scores_csv, scores_path, summary_csv};
pub use markdown::summary_markdown;
pub use record::{ScoreRecord, SummaryRecord};
pub use svg::{SvgError, summary_svg};
