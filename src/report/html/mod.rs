//! The HTML reports: `report.html` in every run directory and `compare.html`
//! from `sumbench compare --html`. Each is one self-contained file (inline CSS,
//! vanilla JS and hand-made SVG, nothing fetched), rendered with `maud`, whose
//! markup escapes every piece of text it is given.
//!
//! Owns: the pages' data ([`RunPage`], [`ComparePage`]), the bounded choice of
//! documents they embed ([`choose_documents`], [`within_budget`]), the significance groups of the
//! summary table ([`significance_groups`]), the highlights and the charts.
//! Never opens files: `crate::rundir` reads the run directory and the
//! corpora and hands the pieces over.
//!
//! No JSON is embedded in `<script>`: every value is written into the markup
//! (escaped by `maud`) and the script only reads `data-` attributes, so there
//! is no script context for a document's text to break out of.

mod assets;
mod chart;
mod collect;
mod compare_page;
mod groups;
mod highlight;
mod run_page;
mod select;

pub use collect::{CollectedPage, DocumentSource, PageCollector};
pub use compare_page::{
    ComparePage, MAX_REGRESSED, RegressedDocument, RowDeltas, most_regressed, render_compare,
};
pub use groups::{GROUP_MAX_DOCUMENTS, Groups, significance_groups};
pub use highlight::{
    DocumentText, Mark, ReferenceGrams, Token, ngram_marks, summary_extents, tokens, truncate,
};
pub use run_page::{DocumentDetail, RunPage, render_run};
pub use select::{Chosen, SampleKey, choose_documents, extremes, sample_key, within_budget};

/// At most this many documents are embedded with their texts, references and
/// summaries (each summarizer's best and worst, then a seeded sample).
pub const MAX_DOCUMENTS: usize = 200;
/// Sampled documents are embedded only while the page's document texts,
/// references and summaries stay within this many bytes (best and worst
/// documents always are). The file adds its markup and charts: over
/// `corpus/` (203 documents, 13 summarizers), 5.1 MB for this budget.
pub const MAX_EMBEDDED_BYTES: usize = 3_000_000;
/// A document's text is cut after this many bytes in the page (with a note).
pub const MAX_DOCUMENT_BYTES: usize = 20_000;
/// A summary's or a reference's text is cut after this many bytes in the page.
pub const MAX_SUMMARY_BYTES: usize = 10_000;
