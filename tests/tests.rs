//! The integration suite: everything that needs nothing outside the
//! repository (the fixtures are in `tests/data/`, the corpora in `corpus/`).
//! One binary with one module per area, and `util` for what they share.
//! The tests that need the outside corpora are the `corpora` suite.

mod util;

mod meta_check;

mod architecture;
mod bad_inputs;
mod cli_compare;
mod cli_rouge;
mod cli_rouge155;
mod cli_rouge_language;
mod cli_run;
mod cli_sentences;
mod corpus_errors;
mod corpus_formats;
mod corpus_parquet;
mod dangling;
mod datasets_hub;
mod determinism;
mod error_messages;
mod eval;
mod first_contact;
mod golden_rules;
mod harness_run;
mod html_report;
mod interrupts;
mod languages;
mod meta;
mod metrics_conformance;
#[cfg(feature = "models")]
mod models;
mod oracle;
mod properties;
mod py_rouge_oracle;
mod quality;
mod report_determinism;
mod report_sources;
mod resource_bounds;
mod rouge155_conformance;
mod rouge155_oracle;
mod rouge155_properties;
mod rouge_conformance;
mod rouge_document;
mod rouge_identify;
mod rouge_profiles;
mod rouge_properties;
mod rouge_xlsum;
mod run_directory;
mod sacrebleu_tests;
mod segment_corpora;
mod segment_multilingual;
mod segment_news;
mod segment_properties;
mod summarizer_properties;
mod summarizers_graph;
