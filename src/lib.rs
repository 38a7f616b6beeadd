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
//!
//! # Your own summarizer through the harness
//!
//! Implement [`Summarizer`] (a name and a ranking of the sentences); the
//! harness runs it beside the built-in ones, scores it with the same ROUGE,
//! and writes it into every report file (so `sumbench compare` sees it too).
//!
//! ```
//! use std::sync::Arc;
//! use sumbench::{
//!     Budget, BudgetSpec, CorpusInput, PreparedDocument, Provenance, Ranking, ReadOptions,
//!     LanguageChoice, MetricSpec, RougeTokenizer, RunRequest, Settings, Shard, Silent, SummaryText,
//!     Summarizer, run,
//! };
//!
//! /// Longest sentences first.
//! struct Longest;
//!
//! impl Summarizer for Longest {
//!     fn name(&self) -> &str {
//!         "longest"
//!     }
//!     fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
//!         Ranking::from_scores(doc.sentences.iter().map(|s| s.words as f64).collect())
//!     }
//! }
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let corpus = dir.path().join("news.jsonl");
//! std::fs::write(
//!     &corpus,
//!     concat!(
//!         r#"{"id": "d1", "text": "Rain fell. The river rose over its banks overnight.", "#,
//!         r#""references": ["The river flooded."]}"#,
//!         "\n",
//!         r#"{"id": "d2", "text": "Markets opened. Shares in the bank fell sharply after the report.", "#,
//!         r#""references": ["Bank shares fell."]}"#,
//!         "\n",
//!     ),
//! )?;
//! let request = RunRequest {
//!     corpora: vec![CorpusInput { path: corpus, options: ReadOptions::default() }],
//!     settings: Settings {
//!         summarizers: vec!["lead".into(), "longest".into()],
//!         budget: BudgetSpec::Fixed(Budget::Sentences(1)),
//!         metrics: MetricSpec::defaults(),
//!         stem: true,
//!         rouge_tokenizer: RougeTokenizer::RougeScore,
//!         rouge_profile: None,
//!         bertscore: None,
//!         language: LanguageChoice::default(),
//!         seed: 0,
//!     },
//!     custom_summarizers: vec![Arc::new(Longest)],
//!     shard: Shard::ALL,
//!     chunk_size: 1000,
//!     summaries: SummaryText::default(),
//!     provenance: Provenance::default(),
//! };
//! let outcome = run(&request, &dir.path().join("report"), &Silent)?;
//! assert!(outcome.markdown.contains("| news | longest |"));
//! let scores = std::fs::read_to_string(dir.path().join("report/scores.csv"))?;
//! assert!(scores.contains("news,d2,longest,rouge1,"));
//! # Ok(())
//! # }
//! ```
//!
//! A summarizer that can fail (it calls a model, a service or a script)
//! implements [`Summarizer::try_rank`] too. Its error stops the run with
//! [`HarnessError::SummarizerFailed`] for the first failing document in
//! corpus order, whatever the thread count; no run directory is written, and
//! the caller gets its own error back in `error`.

pub mod cleanup;
pub mod corpus;
pub mod datasets;
pub mod digest;
mod error;
pub mod harness;
pub mod jsonl;
pub mod lang;
pub mod meta;
pub mod metrics;
pub mod models;
pub mod names;
pub mod pairs;
pub mod profiles;
pub mod report;
pub mod rouge;
pub mod rouge155;
pub mod rundir;
pub mod summarize;
pub mod text;

pub use corpus::{CorpusError, Document, ReadOptions, Source, read_corpus};
pub use error::Error;
pub use harness::run::run;
pub use harness::{
    BudgetSpec, CorpusInput, EvalDocument, HarnessError, Progress, RunRequest, Settings, Silent,
};
pub use lang::{Language, LanguageChoice};
pub use metrics::{CorpusAccumulator, MetricSet, MetricSpec};
pub use rouge::{Metric, RougeTokenizer, Score, Scorer};
pub use rundir::{Provenance, RunInfo, RunOutcome, Shard, SummaryText};
pub use summarize::{Budget, RankError, Ranking, Summarizer, Summary};
pub use text::PreparedDocument;
