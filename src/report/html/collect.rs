//! [`PageCollector`]: what `report.html` needs, kept while a run streams by.
//!
//! The page is a consumer of the run, like every other report: the writer
//! hands it each summary with its scores and each document's text as the run
//! read it, and it keeps the score grid (8 bytes a score) plus the texts of
//! the documents that could still be embedded. Which documents those are
//! depends on every score ([`choose_documents`]: each summarizer's best and
//! worst, then a seeded sample), so while the run goes it keeps a bounded
//! superset: the current best and worst of every summarizer, and the
//! [`MAX_DOCUMENTS`](super::MAX_DOCUMENTS) documents with the smallest
//! [`sample_key`]s. At the end the choice made over the whole grid is always
//! inside that superset (see the proof at [`PageCollector::finish`]), so no
//! corpus is opened again and the memory stays bounded whatever the corpus size.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::highlight::DocumentText;
use super::run_page::DocumentDetail;
use super::select::{SampleKey, choose_documents, sample_key};
use crate::report::SummaryRecord;
use crate::report::grid::{GridBuilder, ScoreGrid};
use crate::rouge::Score;

/// A document's text and references, as the run read them.
#[derive(Debug, Clone, Copy)]
pub struct DocumentSource<'a> {
    /// The full text.
    pub text: &'a str,
    /// Its sentences (byte spans into `text`), numbered like the summaries' sentence ids.
    pub sentences: &'a [Range<usize>],
    /// The human references.
    pub references: &'a [String],
}

/// What the page keeps of one document.
#[derive(Debug, Clone, Default)]
struct Kept {
    text: Option<DocumentText>,
    references: Vec<String>,
    summaries: Vec<SummaryRecord>,
}

/// The document whose summaries are arriving.
#[derive(Debug, Default)]
struct Pending {
    corpus: String,
    doc_id: String,
    summaries: Vec<SummaryRecord>,
    /// Per summarizer (in arrival order), F under the document's first metric.
    first_metric: Vec<(String, f64)>,
}

/// The best and worst document (grid index and F) of one summarizer on one corpus.
#[derive(Debug, Clone, Copy)]
struct Extreme {
    best: (usize, f64),
    worst: (usize, f64),
}

/// Collects a run's scores, summaries and document texts for `report.html`
/// (see the module docs). Feed it, for each document in run order, its
/// summaries ([`PageCollector::summary`]) and then its text
/// ([`PageCollector::document`]; optional: a merge has no texts).
#[derive(Debug)]
pub struct PageCollector {
    seed: u64,
    max: usize,
    grids: GridBuilder,
    pending: Option<Pending>,
    /// `extremes[corpus][summarizer name]`.
    extremes: Vec<HashMap<String, Extreme>>,
    /// The `max` smallest sample keys seen, with their (corpus, document).
    sample: BTreeSet<(SampleKey, usize, usize)>,
    kept: HashMap<(usize, usize), Kept>,
}

/// What [`PageCollector::finish`] hands back.
#[derive(Debug)]
pub struct CollectedPage {
    /// One grid per corpus, in run order.
    pub grids: Vec<ScoreGrid>,
    /// The embedded documents (sorted by corpus and document), each with its
    /// place in the seeded sample (`None` for a best or worst document), as
    /// [`super::within_budget`] takes them. A document whose text the run
    /// never gave (a merge) has `text: None` and no references.
    pub documents: Vec<(DocumentDetail, Option<usize>)>,
}

impl PageCollector {
    /// An empty collector for a run with `seed`, embedding at most `max` documents.
    pub fn new(seed: u64, max: usize) -> Self {
        PageCollector {
            seed,
            max,
            grids: GridBuilder::new(),
            pending: None,
            extremes: Vec::new(),
            sample: BTreeSet::new(),
            kept: HashMap::new(),
        }
    }

    /// The text and references of document `doc_id` of `corpus`, given after
    /// its summaries: it ends the document. Its first
    /// [`super::MAX_DOCUMENT_BYTES`] bytes and references are copied only if
    /// the document may be embedded. (A document never given, as in a merge,
    /// ends when the next one's summaries begin.)
    pub fn document(&mut self, corpus: &str, doc_id: &str, source: DocumentSource<'_>) {
        if self.pending.as_ref().is_some_and(|p| p.corpus == corpus && p.doc_id == doc_id) {
            self.close_pending(Some(source));
        }
    }

    /// One summary with its scores, one per metric of `metrics`.
    pub fn summary(&mut self, record: &SummaryRecord, metrics: &[String], scores: &[Score]) {
        self.begin(&record.corpus, &record.doc_id);
        for (metric, score) in metrics.iter().zip(scores) {
            self.grids.add_score(&record.corpus, &record.doc_id, &record.summarizer, metric, score.fmeasure);
        }
        let pending = self.pending.as_mut().expect("begun");
        if let Some(first) = scores.first() {
            pending.first_metric.push((record.summarizer.clone(), first.fmeasure));
        }
        pending.summaries.push(record.clone());
    }

    /// Starts document (`corpus`, `doc_id`) unless it is the pending one.
    fn begin(&mut self, corpus: &str, doc_id: &str) {
        if self.pending.as_ref().is_some_and(|p| p.corpus == corpus && p.doc_id == doc_id) {
            return;
        }
        self.close_pending(None);
        self.pending =
            Some(Pending { corpus: corpus.to_string(), doc_id: doc_id.to_string(), ..Pending::default() });
    }

    /// Decides whether the pending document may be embedded, keeps it if so,
    /// and drops documents no longer anybody's best, worst or sample candidate.
    fn close_pending(&mut self, source: Option<DocumentSource<'_>>) {
        let Some(pending) = self.pending.take() else { return };
        let Some((g, d)) = self.grids.position(&pending.corpus, &pending.doc_id) else {
            // No scores (a document without summaries): never embedded.
            return;
        };
        while self.extremes.len() <= g {
            self.extremes.push(HashMap::new());
        }
        let mut dropped: Vec<(usize, usize)> = Vec::new();
        let mut wanted = false;
        for (summarizer, f) in &pending.first_metric {
            if f.is_nan() {
                continue;
            }
            match self.extremes[g].get_mut(summarizer) {
                None => {
                    self.extremes[g].insert(summarizer.clone(), Extreme { best: (d, *f), worst: (d, *f) });
                    wanted = true;
                }
                Some(extreme) => {
                    if *f > extreme.best.1 {
                        dropped.push((g, extreme.best.0));
                        extreme.best = (d, *f);
                        wanted = true;
                    }
                    if *f < extreme.worst.1 {
                        dropped.push((g, extreme.worst.0));
                        extreme.worst = (d, *f);
                        wanted = true;
                    }
                }
            }
        }
        let key = (sample_key(self.seed, &pending.corpus, &pending.doc_id), g, d);
        if self.sample.len() < self.max {
            self.sample.insert(key);
            wanted = true;
        } else if self.sample.last().is_some_and(|last| key < *last) {
            let last = self.sample.pop_last().expect("not empty");
            dropped.push((last.1, last.2));
            self.sample.insert(key);
            wanted = true;
        }
        if wanted {
            let text =
                source.map(|s| DocumentText::with_spans(s.text, s.sentences, super::MAX_DOCUMENT_BYTES));
            let references = source.map_or_else(Vec::new, |s| s.references.to_vec());
            self.kept.insert((g, d), Kept { text, references, summaries: pending.summaries });
        }
        for key in dropped {
            if !self.still_wanted(key) {
                self.kept.remove(&key);
            }
        }
    }

    /// Whether document `key` is some summarizer's best or worst, or a sample candidate.
    fn still_wanted(&self, (g, d): (usize, usize)) -> bool {
        self.extremes[g].values().any(|e| e.best.0 == d || e.worst.0 == d)
            || self.sample.iter().any(|&(_, sg, sd)| (sg, sd) == (g, d))
    }

    /// The grids and the chosen documents with what was kept of them.
    ///
    /// Why every chosen document was kept: [`choose_documents`] takes the
    /// extremes of the final grid, which are the extremes tracked here (same
    /// document order, same first-of-equals rule), then, if room is left
    /// (so every extreme was taken, `e` of them, and `room = max - e`), the
    /// `room` non-extreme documents with the smallest keys. Among the `max`
    /// smallest keys kept here at most `e` are extremes, so at least `room`
    /// are not, and any non-extreme document outside them has a larger key
    /// than all of those: the `room` smallest are all kept.
    pub fn finish(mut self) -> CollectedPage {
        self.close_pending(None);
        let grids = self.grids.finish();
        let chosen = choose_documents(&grids, self.seed, self.max);
        let documents = chosen
            .into_iter()
            .map(|c| {
                let kept = self.kept.remove(&(c.corpus, c.doc)).unwrap_or_default();
                let detail = DocumentDetail {
                    corpus: c.corpus,
                    doc: c.doc,
                    reasons: c.reasons,
                    text: kept.text,
                    references: kept.references,
                    summaries: kept.summaries,
                };
                (detail, c.sample)
            })
            .collect();
        CollectedPage { grids, documents }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn summary(corpus: &str, doc: &str, summarizer: &str) -> SummaryRecord {
        SummaryRecord {
            corpus: corpus.into(),
            doc_id: doc.into(),
            summarizer: summarizer.into(),
            sentences: vec![0],
            cut: None,
            text: format!("{summarizer} on {doc}"),
            words: 3,
            language: crate::lang::Language::English,
        }
    }

    fn score(f: f64) -> Score {
        Score { precision: f, recall: f, fmeasure: f }
    }

    /// Feeds `scores[doc][summarizer]` (two corpora split at `split`) and returns the collector's page.
    fn collect(scores: &[Vec<f64>], split: usize, seed: u64, max: usize) -> CollectedPage {
        let mut collector = PageCollector::new(seed, max);
        let metrics = vec!["rouge1".to_string(), "rouge2".to_string()];
        for (d, row) in scores.iter().enumerate() {
            let corpus = if d < split { "a" } else { "b" };
            let id = format!("doc{d}");
            let text = format!("Text of {id}. Second sentence.");
            let references = vec![format!("reference of {id}")];
            let sentences = [0..12, 13..29];
            for (s, &f) in row.iter().enumerate() {
                collector.summary(
                    &summary(corpus, &id, &format!("s{s}")),
                    &metrics,
                    &[score(f), score(1.0 - f)],
                );
            }
            collector.document(
                corpus,
                &id,
                DocumentSource { text: &text, sentences: &sentences, references: &references },
            );
        }
        collector.finish()
    }

    #[test]
    fn best_worst_and_sample_are_chosen_with_their_texts() {
        // s0's best is doc1 (0.9), worst doc2 (0.1); s1's best doc0 (0.8), worst doc1 (0.2).
        let scores = vec![vec![0.5, 0.8], vec![0.9, 0.2], vec![0.1, 0.5], vec![0.5, 0.5]];
        let page = collect(&scores, 4, 7, 3);
        let ids: Vec<&str> =
            page.documents.iter().map(|(d, _)| page.grids[d.corpus].doc_ids[d.doc].as_str()).collect();
        assert_eq!(ids, ["doc0", "doc1", "doc2"], "the three extremes fill max = 3");
        let doc1 = &page.documents[1].0;
        assert_eq!(doc1.reasons, ["best of s0 (rouge1)", "worst of s1 (rouge1)"]);
        assert_eq!(doc1.text.as_ref().map(|t| t.text.as_str()), Some("Text of doc1. Second sentence."));
        assert_eq!(doc1.text.as_ref().map(|t| t.sentences.clone()), Some(vec![0..12, 13..29]));
        assert_eq!(doc1.references, ["reference of doc1"]);
        let by: Vec<&str> = doc1.summaries.iter().map(|s| s.summarizer.as_str()).collect();
        assert_eq!(by, ["s0", "s1"]);
    }

    #[test]
    fn a_merge_without_texts_gets_documents_without_text() {
        let mut collector = PageCollector::new(0, 5);
        let metrics = vec!["rouge1".to_string()];
        collector.summary(&summary("a", "x", "lead"), &metrics, &[score(0.5)]);
        let page = collector.finish();
        assert_eq!(page.documents.len(), 1);
        assert!(page.documents[0].0.text.is_none());
        assert_eq!(page.documents[0].0.summaries.len(), 1);
    }

    proptest! {
        /// Whatever the scores, every document the whole-grid choice embeds
        /// was kept with its text while streaming, and the choice is the
        /// whole-grid one.
        #[test]
        fn every_chosen_document_was_kept(
            scores in prop::collection::vec(prop::collection::vec(0u8..5, 3), 1..60),
            split in 0usize..60,
            seed in 0u64..1000,
            max in 1usize..12,
        ) {
            let scores: Vec<Vec<f64>> =
                scores.iter().map(|row| row.iter().map(|&v| f64::from(v) / 4.0).collect()).collect();
            let page = collect(&scores, split, seed, max);
            let whole = choose_documents(&page.grids, seed, max);
            prop_assert_eq!(whole.len(), page.documents.len());
            for (chosen, (detail, place)) in whole.iter().zip(&page.documents) {
                prop_assert_eq!((chosen.corpus, chosen.doc), (detail.corpus, detail.doc));
                prop_assert_eq!(chosen.sample, *place);
                let id = &page.grids[detail.corpus].doc_ids[detail.doc];
                let want = format!("Text of {id}. Second sentence.");
                prop_assert_eq!(detail.text.as_ref().map(|t| t.text.as_str()), Some(want.as_str()));
                prop_assert_eq!(detail.summaries.len(), 3);
            }
        }
    }
}
