//! Score reports: per-document records, the one aggregation (means with bootstrap
//! confidence intervals), CSV/Markdown/SVG output, and comparison of two runs.
//!
//! Owns: the report file formats and the statistics over records. Never runs
//! summarizers or computes ROUGE, and never writes files itself: writers return
//! bytes or stream into a writer the caller gives (the run directory's, see
//! `crate::rundir`).

mod aggregate;
pub mod bootstrap;
pub mod compare;
pub mod compare_format;
mod corpus_level;
mod csv;
pub mod grid;
pub mod html;
mod markdown;
mod paired;
pub mod permutation;
mod record;
pub mod stats;
mod svg;

pub use aggregate::{AggregateRow, Aggregator, Timing};
pub use corpus_level::{
    CORPUS_LEVEL_COLUMNS, CorpusLevel, CorpusLevelRow, corpus_level_csv, corpus_level_markdown,
};
pub use csv::{RowKey, ScoresCsv, aggregate_csv, scores_csv};
pub use markdown::aggregate_markdown;
pub use record::{ScoreRecord, SummaryRecord};
pub use svg::{SvgError, aggregate_svg};
