//! `oracle`: the greedy extractive oracle, an upper bound for extractive
//! summarizers (the greedy search of Nallapati, Zhai & Zhou 2017,
//! "SummaRuNNer", §5, and Kedzie et al. 2018), scored with rouge-score's
//! rules (see `rouge`).
//!
//! It reads the document's references, so it is not a summarizer a system
//! could run, only the ceiling every report shows: it gets them from the
//! harness through [`ReadsReferences`] (the references the harness already
//! tokenized for scoring), and its plain [`Summarizer::rank`] has nothing to
//! aim at and ranks nothing. Objective: the mean of ROUGE-1 F and ROUGE-2 F, stemmed
//! (rouge-score's Porter stemmer), multi-reference as `score_multi` (per
//! metric, the best reference). Greedy: starting from the empty summary,
//! add the sentence whose addition gives the highest objective, where each
//! candidate summary is exactly what [`Budget::fill`] would produce from the
//! chosen sentences in order (so a word or byte budget's final cut is part of
//! the score); stop when the budget is filled or no sentence improves the
//! objective (ties go to the earlier sentence). Only the chosen sentences are
//! ranked, so the summary may be shorter than the budget. A document without
//! references gets an empty ranking. No IDF is used.
//!
//! Scores: a chosen sentence's score is its gain in the objective when it
//! was added; unchosen sentences score 0.
//!
//! It tokenizes as the report does ([`BuildOptions::rouge_tokenizer`]).
//!
//! Parameters (defaults): `stem` true (ignored by a tokenizer that does not stem).

use super::{Budget, BuildOptions, Ranking, ReadsReferences, Summarizer};
use crate::rouge::{DocumentScorer, Metric, Scorer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "oracle";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str =
    "greedy oracle maximising mean ROUGE-1/2 F against the references (upper bound)";

/// The oracle's parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Porter-stem tokens before matching (rouge-score's `use_stemmer`).
    pub stem: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params { stem: true }
    }
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, options: &BuildOptions) -> Oracle {
        let scorer =
            Scorer::new(&[Metric::N(1), Metric::N(2)], self.stem).with_tokenizer(options.rouge_tokenizer);
        Oracle { scorer }
    }
}

/// The greedy ROUGE oracle.
#[derive(Debug, Clone)]
pub struct Oracle {
    scorer: Scorer,
}

impl Default for Oracle {
    fn default() -> Self {
        Params::default().build(&BuildOptions::default())
    }
}

impl Summarizer for Oracle {
    fn name(&self) -> &str {
        NAME
    }

    /// Without references there is nothing to aim at: an empty ranking.
    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        Ranking { order: Vec::new(), scores: vec![0.0; doc.sentences.len()] }
    }

    fn reads_references(&self) -> Option<&dyn ReadsReferences> {
        Some(self)
    }
}

impl ReadsReferences for Oracle {
    fn rouge(&self) -> &Scorer {
        &self.scorer
    }

    fn rank_with_references(
        &self,
        doc: &PreparedDocument,
        references: &DocumentScorer<'_>,
        budget: &Budget,
    ) -> Ranking {
        let n = doc.sentences.len();
        let mut scores = vec![0.0; n];
        let metrics = self.scorer.metrics();
        let objective = |summary_spans: &[std::ops::Range<usize>]| {
            let s = references.score_spans_for(metrics, summary_spans);
            (s[0].fmeasure + s[1].fmeasure) / 2.0
        };
        let mut chosen = vec![false; n];
        let mut trial = Ranking { order: Vec::new(), scores: Vec::new() };
        let mut current = 0.0;
        while !budget.is_filled(doc, &trial.order) {
            let mut best: Option<(usize, f64)> = None;
            for i in (0..n).filter(|&i| !chosen[i]) {
                trial.order.push(i);
                let value = objective(&budget.fill(doc, &trial).spans(doc));
                trial.order.pop();
                if best.is_none_or(|(_, b)| value > b) {
                    best = Some((i, value));
                }
            }
            match best {
                Some((i, value)) if value > current => {
                    scores[i] = value - current;
                    current = value;
                    chosen[i] = true;
                    trial.order.push(i);
                }
                _ => break,
            }
        }
        Ranking { order: trial.order, scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::WordTokenizer;

    const TEXT: &str = "Red blue green. Red blue. Black white.";
    const REFERENCE: &str = "red blue green black white";

    /// Runs `check` on the prepared text and `references` prepared by the oracle's own scorer.
    fn with_references<T>(
        references: &[&str],
        check: impl FnOnce(&Oracle, &PreparedDocument, &DocumentScorer<'_>) -> T,
    ) -> T {
        let oracle = Oracle::default();
        let doc = PreparedDocument::from_text(TEXT);
        let references: Vec<String> = references.iter().map(|r| r.to_string()).collect();
        let spans: Vec<_> = doc.sentences.iter().map(|s| s.span.clone()).collect();
        let prepared = DocumentScorer::new(oracle.rouge(), &references, &doc.source.text, &spans);
        check(&oracle, &doc, &prepared)
    }

    #[test]
    fn greedy_choice_and_gains_by_hand() {
        // Reference: 5 unigrams, 4 bigrams. Step 1, alone:
        //   S0: R1 P 3/3 R 3/5 → F .75; R2 P 2/2 R 2/4 → F 2/3; mean 17/24 = .7083
        //   S1: R1 P 1 R 2/5 → F 4/7; R2 P 1 R 1/4 → F .4; mean .4857 (S2 the same)
        // → S0, gain 17/24. Step 2 (bigrams run across the sentence break):
        //   S0+S1 "red blue green red blue": R1 3/5, 3/5 → .6; R2 2/4, 2/4 → .5; mean .55
        //   S0+S2 "red blue green black white" = the reference: mean 1
        // → S2, gain 1 − 17/24 = 7/24. Step 3: adding S1 lowers precision → stop.
        with_references(&[REFERENCE], |oracle, doc, references| {
            let r = oracle.rank_with_references(doc, references, &Budget::Sentences(3));
            assert_eq!(r.order, [0, 2]);
            let want = [17.0 / 24.0, 0.0, 7.0 / 24.0];
            for (got, want) in r.scores.iter().zip(want) {
                assert!((got - want).abs() < 1e-12, "{:?}", r.scores);
            }
            let summary = oracle.summarize_with_references(doc, references, &Budget::Sentences(3));
            assert_eq!(summary.sentences, [0, 2]);
        });
    }

    #[test]
    fn the_budget_cut_is_part_of_the_objective() {
        // Words(4): S0 (3 words) first as above. Step 2, as Budget::fill cuts:
        //   S0+S2 → "red blue green black": R1 P 4/4 R 4/5 → 8/9; R2 P 3/3 R 3/4 → 6/7
        //   S0+S1 → "red blue green red":   R1 P 3/4 R 3/5 → 2/3; R2 P 2/3 R 2/4 → 4/7
        // → S2, and the summary is cut after "Black".
        with_references(&[REFERENCE], |oracle, doc, references| {
            let s = oracle.summarize_with_references(doc, references, &Budget::Words(4));
            assert_eq!(s.sentences, [0, 2]);
            assert_eq!(s.text(doc), "Red blue green.\nBlack");
            let r = oracle.rank_with_references(doc, references, &Budget::Words(4));
            let step2 = (8.0 / 9.0 + 6.0 / 7.0) / 2.0;
            assert!((r.scores[2] - (step2 - 17.0 / 24.0)).abs() < 1e-12, "{:?}", r.scores);
        });
    }

    #[test]
    fn no_references_or_no_overlap_gives_an_empty_summary() {
        let budget = Budget::Sentences(2);
        with_references(&["purple"], |oracle, doc, references| {
            assert!(oracle.rank_with_references(doc, references, &budget).order.is_empty());
        });
        with_references(&[], |oracle, doc, references| {
            assert!(oracle.summarize_with_references(doc, references, &budget).sentences.is_empty());
        });
    }

    #[test]
    fn without_the_capability_it_ranks_nothing() {
        let doc = PreparedDocument::new(
            crate::corpus::Source { id: "d".into(), title: None, text: TEXT.into() },
            &WordTokenizer::english(),
        );
        assert!(Oracle::default().summarize(&doc, &Budget::Sentences(2)).sentences.is_empty());
        assert!(Oracle::default().reads_references().is_some());
    }
}
