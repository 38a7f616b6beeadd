//! Metrics beyond ROUGE (issue #13), each exact against its reference
//! implementation:
//!
//! - `bleu`, `chrf`, `chrf++`, `ter`: sacreBLEU 2.6.0 (sentence and corpus
//!   level, multi-reference, sacreBLEU's own tokenization, options and signatures);
//! - `coverage`, `density`, `compression`: Newsroom's extractive fragments
//!   (Grusky et al. 2018), the reference code's greedy scan included;
//! - `novel-N`, `repeated-N` (N = 1…4): SummEval's data statistics;
//! - `js-divergence`: Jensen–Shannon divergence between summary and source
//!   unigram distributions (Louis & Nenkova 2013), reference-free;
//! - `dangling`: the share of an extract's sentences that open with a
//!   pronoun or connective whose antecedent was not selected, or are cut
//!   mid-clause (after Zhang et al. 2023): a word-list signal, not a verdict.
//!
//! Owns: the metrics' tokenizers (`tok13a`, `tokenizer`, Python's string
//! rules in `pystr`), their arithmetic (one file per metric), the metric
//! names ([`Metric`]), signatures, [`MetricSet`] (score one document),
//! [`CorpusAccumulator`] (corpus level), the JSONL input of
//! `sumbench eval` (`eval_input`) and `eval` itself ([`evaluate`]), with
//! [`RecordScorer`], the hook through which a caller adds scores computed
//! above this layer (another package's ROUGE, a model-based metric). Never
//! writes files or knows about summarizers or ROUGE.
//!
//! ```
//! use sumbench::metrics::{CorpusAccumulator, Metric, MetricSet, TextTokenizer};
//!
//! let set = MetricSet::new(vec![Metric::Bleu, Metric::Coverage], TextTokenizer::Whitespace);
//! let values = set.score("the cat sat", Some(&["the cat sat on the mat"]), Some("The cat sat down."))?;
//! assert_eq!(values[1].score, Some(1.0));
//! // Sentence BLEU (effective order): 100 × the brevity penalty e^(1 − 6/3).
//! assert!((values[0].score.unwrap() - 36.787944117144235).abs() < 1e-12);
//! let mut corpus = CorpusAccumulator::new(set.metrics());
//! corpus.add(&values, Some(1));
//! // Corpus BLEU has no effective order: no 4-gram, so 0.
//! assert_eq!(corpus.finish()[0].score, Some(0.0));
//! # Ok::<(), sumbench::metrics::MissingInput>(())
//! ```

#[cfg(feature = "models")]
pub mod bertscore;
pub mod bleu;
pub mod chrf;
mod corpus;
pub mod dangling;
mod eval;
pub mod eval_input;
pub mod fragments;
pub mod jsd;
mod metric;
pub mod novelty;
pub mod pystr;
mod sacrebleu_options;
mod set;
pub mod signature;
mod spec;
pub mod ter;
pub mod tercom;
pub mod tok13a;
mod tokenizer;
pub mod tokenizers;
mod value;

pub use corpus::{BadStats, CorpusAccumulator, SufficientStats};
pub use eval::{EvalOptions, EvalOutput, RecordFailure, RecordScorer, RecordScorers, RecordValue, evaluate};
pub use eval_input::{EvalError, EvalReader, EvalRecord, open_eval_input};
pub use metric::{Better, Metric, MetricListError, Needs, parse_metrics};
pub use sacrebleu_options::SacrebleuOptions;
pub use set::{MetricSet, MissingInput};
pub use signature::{Level, RefCount, SUMBENCH_VERSION, signature};
pub use spec::{BERTSCORE, MetricSpec, MetricSpecError, better};
pub use tokenizer::{TextTokenizer, UnknownTokenizer};
pub use value::{Details, MetricValue};
