//! Extractive summarizers behind one [`Summarizer`] trait, the [`Budget`]
//! every one of them honours the same way, and the name → constructor
//! [`registry`].
//!
//! Owns: the algorithms and their parameters. A summarizer never reads
//! files, prints, or re-tokenizes: it works on a [`PreparedDocument`].

mod bag;
mod budget;
mod graph;
mod one_text;
mod order;
mod registry;
mod similarity;

pub mod centroid;
mod cue_words;
pub mod edmundson;
pub mod embedding;
pub mod kl;
pub mod lead;
pub mod lexrank;
pub mod lsa;
pub mod luhn;
pub mod mmr;
pub mod oracle;
pub mod random;
pub mod reduction;
pub mod sumbasic;
pub mod textrank;

pub use budget::Budget;
pub use cue_words::has_cue_words;
pub use one_text::{SummarizeError, summarize_text, summarize_text_with};
pub use registry::{BuildOptions, Entry, UnknownSummarizer, build, registry};

use crate::rouge::{DocumentScorer, Scorer};
use crate::text::PreparedDocument;
use std::ops::Range;

/// Sentences in the order a summarizer prefers them, with a score per sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranking {
    /// Distinct sentence indices, best first. May stop early once the budget
    /// is surely filled; the budget fill takes a prefix of it.
    pub order: Vec<usize>,
    /// The summarizer's score for every sentence, indexed by sentence
    /// (same length as the document's sentences).
    pub scores: Vec<f64>,
}

impl Ranking {
    /// The ranking by `scores` (one per sentence): highest first, ties in
    /// document order.
    pub fn from_scores(scores: Vec<f64>) -> Ranking {
        Ranking { order: order::by_score(&scores), scores }
    }
}

/// An extractive summary: chosen sentences in document order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Chosen sentence indices, strictly increasing (document order).
    pub sentences: Vec<usize>,
    /// The summarizer's score of each chosen sentence (parallel to `sentences`).
    pub scores: Vec<f64>,
    /// If the last chosen sentence was cut to fit a word or byte budget, how
    /// many bytes of its span are kept.
    pub truncated_len: Option<usize>,
}

impl Summary {
    /// Byte spans of the summary's text in the source: whole sentence spans,
    /// the last possibly cut to [`Summary::truncated_len`].
    pub fn spans(&self, doc: &PreparedDocument) -> Vec<Range<usize>> {
        let mut spans: Vec<Range<usize>> =
            self.sentences.iter().map(|&i| doc.sentences[i].span.clone()).collect();
        if let (Some(last), Some(len)) = (spans.last_mut(), self.truncated_len) {
            last.end = last.start + len;
        }
        spans
    }

    /// The summary text: its spans' verbatim text, one sentence per line.
    pub fn text(&self, doc: &PreparedDocument) -> String {
        let parts: Vec<&str> = self.spans(doc).into_iter().map(|s| &doc.source.text[s]).collect();
        parts.join("\n")
    }
}

/// Why a summarizer could not rank a document: any error of the caller's
/// own code (see [`Summarizer::try_rank`]).
pub type RankError = Box<dyn std::error::Error + Send + Sync>;

/// An extractive summarizer. Implementations are immutable and shared across
/// threads; `rank` must be deterministic for a given document.
pub trait Summarizer: Send + Sync {
    /// The registry name (e.g. `lexrank`).
    fn name(&self) -> &str;

    /// Ranks the document's sentences. `budget` lets iterative methods stop
    /// once enough is chosen; ranking more than needed is harmless.
    fn rank(&self, doc: &PreparedDocument, budget: &Budget) -> Ranking;

    /// Ranks, or says why it cannot: the method the harness calls. The
    /// default never fails (`Ok` of [`Summarizer::rank`]), which is all a
    /// summarizer computed in Rust needs; one that calls out to a model, a
    /// service or a script overrides it. A failure ends the run with
    /// [`crate::HarnessError::SummarizerFailed`] for the first failing
    /// document in corpus order, and no run directory is written.
    fn try_rank(&self, doc: &PreparedDocument, budget: &Budget) -> Result<Ranking, RankError> {
        Ok(self.rank(doc, budget))
    }

    /// A note for the run report (`run.json`'s warnings) when this summarizer
    /// departs from its paper on `doc`, e.g. a long document ranked in
    /// blocks to bound a quadratic cost; `None` (the default) otherwise.
    fn approximation(&self, _doc: &PreparedDocument) -> Option<String> {
        None
    }

    /// A note for the run report, said once per run, when this summarizer
    /// has less to go on for documents in `language` than in English (e.g.
    /// no cue words); `None` (the default) otherwise.
    fn language_note(&self, _language: crate::lang::Language) -> Option<String> {
        None
    }

    /// Ranks, then fills `budget` from the ranking (the same rule for all;
    /// the harness fills from [`Summarizer::try_rank`] the same way).
    fn summarize(&self, doc: &PreparedDocument, budget: &Budget) -> Summary {
        budget.fill(doc, &self.rank(doc, budget))
    }

    /// The capability to read the references, which only the oracle has:
    /// `Some` makes the harness call [`ReadsReferences::rank_with_references`]
    /// in place of [`Summarizer::try_rank`]. `None` (the default) for every
    /// summarizer a system could run.
    fn reads_references(&self) -> Option<&dyn ReadsReferences> {
        None
    }
}

/// A summarizer that ranks with the references in view: an upper bound for
/// reports, never a system. The harness hands it the references it already
/// tokenized for scoring, as a [`DocumentScorer`].
pub trait ReadsReferences: Send + Sync {
    /// The ROUGE scorer (metrics and stemming) the references must be
    /// prepared with; the harness reuses its own prepared references when
    /// they have the same stemming and these metrics.
    fn rouge(&self) -> &Scorer;

    /// Ranks the document's sentences against `references`, which were
    /// prepared by a scorer with [`ReadsReferences::rouge`]'s stemming and
    /// (at least) its metrics.
    fn rank_with_references(
        &self,
        doc: &PreparedDocument,
        references: &DocumentScorer<'_>,
        budget: &Budget,
    ) -> Ranking;

    /// Ranks with `references`, then fills `budget` (as [`Summarizer::summarize`]).
    fn summarize_with_references(
        &self,
        doc: &PreparedDocument,
        references: &DocumentScorer<'_>,
        budget: &Budget,
    ) -> Summary {
        budget.fill(doc, &self.rank_with_references(doc, references, budget))
    }
}
