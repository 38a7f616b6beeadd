//! sumbench: a benchmark harness for extractive text summarization.
//!
//! Data flows one way through the modules:
//!
//! ```text
//! corpus files ─► corpus::read_corpus ─► Document ─► text::PreparedDocument
//!                                                        │ (sentences, spans, term ids: once)
//!                      ┌─────────────────────────────────┤
//!                      ▼                                 ▼
//!         summarize::{lead, lexrank, …}        rouge::DocumentScorer (references once)
//!                      │ Summary (sentence ids)          │
//!                      └──────────► score ◄──────────────┘
//!                                     │ Scores
//!                                     ▼
//!                   report::{records, aggregate, bootstrap, csv, markdown, svg, compare}
//! ```
//!
//! See `ARCHITECTURE.md` for what each module owns and the invariants it keeps.

pub mod corpus;
pub mod harness;
pub mod report;
pub mod rouge;
pub mod rouge155;
pub mod summarize;
pub mod text;
pub mod write;
