//! ROUGE-1.5.5 (the Perl script) compatibility mode: ROUGE-N, summary-level
//! ROUGE-L, ROUGE-W, ROUGE-S/SU, `-f A`/`-f B`, `-s`, `-l`/`-b` and `-m`,
//! matching the values the script prints (5 decimals, F from the rounded R and
//! P), quirks included. The definition is the development
//! workspace's `shared/spec/rouge155-compat.md`.
//!
//! Owns: everything ROUGE-1.5.5 computes differently from rouge-score; its
//! tokenizer, stemmer (with the WordNet 2.0 exception table) and stop words.
//! Never touches `crate::rouge` beyond reusing its [`Score`](crate::rouge::Score)
//! type, and never reads files or prints (warnings are returned).
//!
//! Where the script dies (a reference without tokens), scores are defined
//! and a [`Warning`] is returned instead.
//!
//! Texts are SPL, like the script's input: one sentence per line. ROUGE-L and
//! ROUGE-W work per line (summary-level LCS), so callers should put each
//! sentence of a candidate or reference on its own line; ROUGE-N and ROUGE-S
//! see the lines joined. Prepare a document's references once with
//! [`Scorer::prepare`], then score any number of candidates against them.
//!
//! ```
//! use sumbench::rouge155::{Config, MultiRef, Scorer};
//!
//! let scorer = Scorer::new(Config {
//!     metrics: vec!["rouge1".parse()?, "rougeSU4".parse()?],
//!     multi_ref: MultiRef::Best,
//!     stem: true,
//!     ..Config::default()
//! });
//! let references = scorer.prepare(&["The cats sat on the mat.", "A cat was sitting."]);
//! let scores = scorer.score(&references, "The cat sat.");
//! assert_eq!(scores[0].precision, 1.0);
//! # Ok::<(), sumbench::rouge155::UnknownMetric>(())
//! ```

mod grams;
mod lcs;
mod metric;
mod scorer;
pub mod stem;
pub mod tokenize;

pub use metric::{Metric, UnknownMetric, is_rouge155_metric, is_rouge155_only};
pub use scorer::{Config, Counts, MultiRef, References, Scored, Scorer, Warning, round5};
pub use tokenize::Limit;
