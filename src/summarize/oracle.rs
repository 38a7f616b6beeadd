//! `oracle`: an extractive oracle, the upper bound every report shows: the
//! summary of the document's own sentences with the highest objective the
//! search below finds.
//!
//! It reads the document's references, so it is not a summarizer a system
//! could run: it gets them from the harness through [`ReadsReferences`] (the
//! references the harness already tokenized for scoring), and its plain
//! [`Summarizer::rank`] has nothing to aim at and ranks nothing. It tokenizes
//! as the report does ([`BuildOptions::rouge_tokenizer`]).
//!
//! **Objective**: the mean of ROUGE-1 F and ROUGE-2 F, stemmed (rouge-score's
//! Porter stemmer), multi-reference as `score_multi` (per metric, the best
//! reference), of the summary that is really output: a set of sentences is
//! scored as [`Budget::fill`] turns it into a summary when ranked in document
//! order (sentences in document order, joined by newlines, so bigrams run
//! across sentence breaks; a word or byte budget's cut applied to the last
//! sentence that fits, later ones dropped), exactly the spans the harness
//! then scores. The ranking it returns is that set in document order, so the
//! harness's fill gives that same summary.
//!
//! **Search** (deterministic; ties go to the summary met first). Candidates:
//! the sentences with the highest objective on their own (of those above 0:
//! a sentence with no reference unigram adds no match), `max_candidates` of
//! them or `candidates_per_sentence` per sentence of the lead prefix (the
//! budget's size in sentences), whichever is more.
//! 1. Beam search of width `beam` from the empty summary over the
//!    candidates; width 1 (the default) is the greedy search of Nallapati,
//!    Zhai & Zhou 2017 ("SummaRuNNer", §5) and Kedzie et al. 2018, except that
//!    it does not stop when the budget is full: a sentence added before the
//!    cut pushes the cut back, and is kept if that raises the objective.
//!    Extensions that do not raise the objective are dropped; it stops when
//!    none is left and keeps the best summary met.
//! 2. A second starting point: the lead prefix (the document's first
//!    sentences up to the budget, what `lead` outputs), from any sentences.
//! 3. Local improvement from the better of the two: the first move, in the
//!    order adding a candidate, removing a sentence, swapping one for a
//!    candidate, that raises the objective is taken, and the scan starts
//!    again, until no move does (at most `max_passes` moves).
//!
//! 4. Where it is cheap, exact over the candidates: when the subsets of at
//!    most one sentence more than that summary number at most
//!    `exhaustive_limit`, every one is scored, and a better one is improved
//!    as in 3. On short documents (news) this is what settles the cases where
//!    the multi-reference maximum leaves the local search on a plateau: on
//!    SummEval (11 references a document) it took the oracle from beaten on
//!    3 of 100 documents (by up to 6.67 points) to none, at no measurable
//!    cost on `corpus/`, where long documents rarely qualify.
//!
//! It is still a heuristic (the exact problem is a subset choice), so a
//! summarizer can in principle beat it on a document;
//! `scripts/oracle_beaten.py` counts where one does in a run's `scores.csv`
//! (the README gives the counts on `corpus/` and on larger corpora).
//!
//! **Cost**: objective evaluations, each a [`Budget::fill`] plus one pass
//! over the summary's precomputed unigram and bigram ids (each sentence's
//! token ids and reference-bigram numbers are computed once per document, and
//! each cut sentence once per cut length). With n sentences, c candidates
//! and summaries of about k sentences: n evaluations of single sentences,
//! about `beam · k · c` for the beam, about `(k + 1) · c` for each local
//! pass, at most `exhaustive_limit` for the exact step. The README gives its
//! share of a run's time.
//!
//! Scores: a chosen sentence's score is what it adds to the final summary's
//! objective (the objective minus that of the summary without it); unchosen
//! sentences score 0. A document without references, or whose sentences
//! share no token with them, gets an empty ranking. No IDF is used.
//!
//! Parameters (defaults): `stem` true (ignored by a tokenizer that does not
//! stem), `beam` 1, `max_passes` 50, `max_candidates` 15,
//! `candidates_per_sentence` 3, `exhaustive_limit` 500. A wider beam or more candidates search more
//! at a proportional cost. On `corpus/`, a fixed 10 candidates left one
//! document beaten by 1.25 points, 12 one by 0.43, and 15 none, but then
//! BBC had 15 documents beaten by up to 19.8 points (its summaries run to
//! about ten sentences) and PLOS's mean objective fell 1.6 points below the
//! old greedy's; 2 per lead sentence left one `corpus/` document beaten by
//! 8.1 points.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::{Budget, BuildOptions, Ranking, ReadsReferences, Summarizer};
use crate::rouge::{DocumentScorer, Metric, Score, Scorer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "oracle";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "extractive oracle maximising mean ROUGE-1/2 F of the output summary (greedy or lead start, then local search; upper bound)";

/// The oracle's parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Porter-stem tokens before matching (rouge-score's `use_stemmer`).
    pub stem: bool,
    /// Width of the beam search (1: the greedy search; 0 counts as 1).
    pub beam: usize,
    /// At most this many local-improvement moves from each starting point.
    pub max_passes: usize,
    /// The search adds and swaps in only the sentences with the highest
    /// objective on their own: this many at least (0: no limit), …
    pub max_candidates: usize,
    /// … or this many per sentence of the lead prefix (the budget's size in
    /// sentences), if more.
    pub candidates_per_sentence: usize,
    /// Every subset of the candidates, up to one sentence more than the
    /// search's summary, is scored when there are at most this many (0: never).
    pub exhaustive_limit: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            stem: true,
            beam: 1,
            max_passes: 50,
            max_candidates: 15,
            candidates_per_sentence: 3,
            exhaustive_limit: 500,
        }
    }
}

impl Params {
    /// Builds the summarizer.
    pub fn build(self, options: &BuildOptions) -> Oracle {
        let scorer =
            Scorer::new(&[Metric::N(1), Metric::N(2)], self.stem).with_tokenizer(options.rouge_tokenizer);
        let max_candidates = if self.max_candidates == 0 { usize::MAX } else { self.max_candidates };
        Oracle {
            scorer,
            beam: self.beam.max(1),
            max_passes: self.max_passes,
            max_candidates,
            candidates_per_sentence: self.candidates_per_sentence,
            exhaustive_limit: self.exhaustive_limit,
        }
    }
}

/// The ROUGE oracle.
#[derive(Debug, Clone)]
pub struct Oracle {
    scorer: Scorer,
    beam: usize,
    max_passes: usize,
    max_candidates: usize,
    candidates_per_sentence: usize,
    exhaustive_limit: usize,
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

/// A summary the search met: the sentences [`Budget::fill`] kept (document
/// order) and its objective.
#[derive(Debug, Clone, PartialEq)]
struct State {
    sentences: Vec<usize>,
    value: f64,
}

/// The objective on token ids ([`DocumentScorer::span_token_ids`]): each
/// reference's unigram and bigram counts, so a candidate is scored in one
/// pass over its sentences' precomputed n-grams, with rouge-score's counts
/// and F (the same numbers as [`DocumentScorer::score_spans`] for ROUGE-1
/// and ROUGE-2).
struct NgramObjective {
    /// Token id of every token no reference holds.
    other: u32,
    /// Per reference: count of each token id below `other`, and its token total.
    unigrams: Vec<(Vec<u32>, usize)>,
    /// Bigram of reference tokens → its number in `bigrams`' counts.
    bigram_ids: FxHashMap<(u32, u32), u32>,
    /// Per reference: count of each numbered bigram, and its bigram total.
    bigrams: Vec<(Vec<u32>, usize)>,
}

/// The bigram number of a pair that is in no reference.
const NO_BIGRAM: u32 = u32::MAX;

/// A stretch of candidate text as token ids, with the bigram number of each
/// adjacent pair inside it (`pairs[j]` for tokens j, j + 1, or [`NO_BIGRAM`]).
#[derive(Debug, Default)]
struct Grams {
    tokens: Vec<u32>,
    pairs: Vec<u32>,
}

/// A candidate's counts, reused from one evaluation to the next.
#[derive(Default)]
struct Counts {
    unigrams: Vec<u32>,
    bigrams: Vec<u32>,
    seen_unigrams: Vec<u32>,
    seen_bigrams: Vec<u32>,
}

impl NgramObjective {
    fn new(references: &DocumentScorer<'_>) -> Self {
        let other = references.other_token();
        let mut bigram_ids: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let mut unigrams = Vec::new();
        let mut pairs: Vec<Vec<u32>> = Vec::new();
        for tokens in references.reference_token_ids() {
            let mut counts = vec![0; other as usize];
            tokens.iter().for_each(|&t| counts[t as usize] += 1);
            unigrams.push((counts, tokens.len()));
            pairs.push(
                tokens
                    .windows(2)
                    .map(|w| {
                        let next = bigram_ids.len() as u32;
                        *bigram_ids.entry((w[0], w[1])).or_insert(next)
                    })
                    .collect(),
            );
        }
        let bigrams = pairs
            .into_iter()
            .map(|ids| {
                let mut counts = vec![0; bigram_ids.len()];
                ids.iter().for_each(|&id| counts[id as usize] += 1);
                (counts, ids.len())
            })
            .collect();
        NgramObjective { other, unigrams, bigram_ids, bigrams }
    }

    /// The bigram number of the pair (a, b), or [`NO_BIGRAM`].
    fn pair(&self, a: u32, b: u32) -> u32 {
        if a < self.other && b < self.other {
            self.bigram_ids.get(&(a, b)).copied().unwrap_or(NO_BIGRAM)
        } else {
            NO_BIGRAM
        }
    }

    /// Sets `grams.pairs` from `grams.tokens`.
    fn number_pairs(&self, grams: &mut Grams) {
        grams.pairs.extend(grams.tokens.windows(2).map(|w| self.pair(w[0], w[1])));
    }

    /// (ROUGE-1 F + ROUGE-2 F) / 2 of the candidate made of `pieces` in
    /// order (one token sequence: bigrams run across pieces), each F the best
    /// over the references (`score_multi`); 0 without references.
    fn value(&self, pieces: &[&Grams], counts: &mut Counts) -> f64 {
        let Counts { unigrams, bigrams, seen_unigrams, seen_bigrams } = counts;
        unigrams.resize(self.other as usize, 0);
        bigrams.resize(self.bigram_ids.len(), 0);
        let mut count_bigram = |g: u32| {
            if g != NO_BIGRAM {
                if bigrams[g as usize] == 0 {
                    seen_bigrams.push(g);
                }
                bigrams[g as usize] += 1;
            }
        };
        let (mut length, mut previous) = (0, None);
        for piece in pieces.iter().filter(|p| !p.tokens.is_empty()) {
            if let Some(last) = previous {
                count_bigram(self.pair(last, piece.tokens[0]));
            }
            piece.pairs.iter().for_each(|&g| count_bigram(g));
            for &t in piece.tokens.iter().filter(|&&t| t < self.other) {
                if unigrams[t as usize] == 0 {
                    seen_unigrams.push(t);
                }
                unigrams[t as usize] += 1;
            }
            length += piece.tokens.len();
            previous = piece.tokens.last().copied();
        }
        let best = |tables: &[(Vec<u32>, usize)], seen: &[u32], counts: &[u32], total: usize| {
            tables
                .iter()
                .map(|(reference, reference_total)| {
                    let hits: u32 = seen.iter().map(|&g| counts[g as usize].min(reference[g as usize])).sum();
                    Score::from_counts(hits as usize, total, *reference_total).fmeasure
                })
                .fold(None, |best: Option<f64>, f| Some(best.map_or(f, |b| if f > b { f } else { b })))
                .unwrap_or(0.0)
        };
        let f1 = best(&self.unigrams, seen_unigrams, unigrams, length);
        let f2 = best(&self.bigrams, seen_bigrams, bigrams, length.saturating_sub(1));
        seen_unigrams.drain(..).for_each(|t| unigrams[t as usize] = 0);
        seen_bigrams.drain(..).for_each(|g| bigrams[g as usize] = 0);
        (f1 + f2) / 2.0
    }
}

/// One document's search: the objective of any set of its sentences.
struct Search<'s, 'r> {
    doc: &'s PreparedDocument,
    references: &'s DocumentScorer<'r>,
    budget: &'s Budget,
    objective: NgramObjective,
    /// Each sentence's n-grams.
    sentences: Vec<Grams>,
    /// The n-grams of each (sentence, kept bytes) cut met so far.
    cuts: RefCell<FxHashMap<(usize, usize), Grams>>,
    counts: RefCell<Counts>,
}

impl<'s, 'r> Search<'s, 'r> {
    fn new(doc: &'s PreparedDocument, references: &'s DocumentScorer<'r>, budget: &'s Budget) -> Self {
        let objective = NgramObjective::new(references);
        let sentences = doc
            .sentences
            .iter()
            .map(|s| {
                let mut grams = Grams::default();
                references.span_token_ids(std::slice::from_ref(&s.span), &mut grams.tokens);
                objective.number_pairs(&mut grams);
                grams
            })
            .collect();
        Search {
            doc,
            references,
            budget,
            objective,
            sentences,
            cuts: RefCell::default(),
            counts: RefCell::default(),
        }
    }

    /// The summary `fill` makes of `order` (taken in that order up to the
    /// budget, then in document order and cut), and its objective.
    fn evaluate(&self, order: Vec<usize>) -> State {
        let summary = self.budget.fill(self.doc, &Ranking { order, scores: Vec::new() });
        let mut cuts = self.cuts.borrow_mut();
        let cut: Option<&Grams> = match (summary.truncated_len, summary.sentences.last()) {
            (Some(len), Some(&i)) => Some(cuts.entry((i, len)).or_insert_with(|| {
                let start = self.doc.sentences[i].span.start;
                let whole = &self.sentences[i];
                let mut cut = Grams::default();
                self.references.span_token_ids(std::slice::from_ref(&(start..start + len)), &mut cut.tokens);
                if whole.tokens.starts_with(&cut.tokens) {
                    // A cut between tokens: the first tokens and their pairs.
                    let kept = cut.tokens.len().saturating_sub(1);
                    cut.pairs.extend_from_slice(&whole.pairs[..kept]);
                } else {
                    self.objective.number_pairs(&mut cut);
                }
                cut
            })),
            _ => None,
        };
        let last = summary.sentences.len().saturating_sub(1);
        let pieces: Vec<&Grams> = summary
            .sentences
            .iter()
            .enumerate()
            .map(|(k, &i)| match cut {
                Some(cut) if k == last => cut,
                _ => &self.sentences[i],
            })
            .collect();
        let value = self.objective.value(&pieces, &mut self.counts.borrow_mut());
        State { sentences: summary.sentences, value }
    }

    /// `set` (sorted) with `add` inserted in order and `remove` left out, evaluated.
    fn with(&self, set: &[usize], add: Option<usize>, remove: Option<usize>) -> State {
        let mut order: Vec<usize> = set.iter().copied().filter(|&i| Some(i) != remove).collect();
        if let Some(i) = add {
            let at = order.partition_point(|&j| j < i);
            order.insert(at, i);
        }
        self.evaluate(order)
    }

    /// Beam search from the empty summary over `candidates`: the best summary met.
    fn beam(&self, candidates: &[usize], width: usize) -> State {
        let empty = State { sentences: Vec::new(), value: 0.0 };
        let mut best = empty.clone();
        let mut beam = vec![empty];
        // Each step strictly raises every kept state's objective; the cap
        // only bounds pathological plateaus.
        for _ in 0..=candidates.len() {
            let mut next: Vec<State> = Vec::new();
            for state in &beam {
                for &i in candidates.iter().filter(|i| state.sentences.binary_search(i).is_err()) {
                    let extended = self.with(&state.sentences, Some(i), None);
                    if extended.value > state.value && !next.iter().any(|s| s.sentences == extended.sentences)
                    {
                        next.push(extended);
                    }
                }
            }
            // Stable: equal objectives keep the order they were met in.
            next.sort_by(|a, b| b.value.total_cmp(&a.value));
            next.truncate(width);
            match next.first() {
                Some(top) if top.value > best.value => best = top.clone(),
                Some(_) => {}
                None => break,
            }
            beam = next;
        }
        best
    }

    /// The best summary of at most `size` of `candidates` (sorted), every such
    /// subset evaluated (ties keep the one met first), or `None` when there
    /// are more than `limit` of them.
    fn exhaustive(&self, candidates: &[usize], size: usize, limit: usize) -> Option<State> {
        let size = size.min(candidates.len());
        let mut subsets = 0usize;
        let mut choose = 1usize;
        for k in 1..=size {
            // C(c, k) from C(c, k − 1); stop counting once past the limit.
            choose = choose.checked_mul(candidates.len() + 1 - k)? / k;
            subsets = subsets.checked_add(choose)?;
            if subsets > limit {
                return None;
            }
        }
        let mut best = State { sentences: Vec::new(), value: 0.0 };
        for k in 1..=size {
            // Index combinations in lexicographic order.
            let mut at: Vec<usize> = (0..k).collect();
            loop {
                let state = self.evaluate(at.iter().map(|&j| candidates[j]).collect());
                if state.value > best.value {
                    best = state;
                }
                let Some(i) = (0..k).rev().find(|&i| at[i] < candidates.len() - k + i) else { break };
                at[i] += 1;
                for j in i + 1..k {
                    at[j] = at[j - 1] + 1;
                }
            }
        }
        Some(best)
    }

    /// The best single move (add a candidate, remove a sentence, swap one for
    /// a candidate) while it raises the objective, at most `passes` times.
    fn improve(&self, mut state: State, candidates: &[usize], passes: usize) -> State {
        'pass: for _ in 0..passes {
            let outside: Vec<usize> =
                candidates.iter().copied().filter(|i| state.sentences.binary_search(i).is_err()).collect();
            let moves = outside
                .iter()
                .map(|&i| (Some(i), None))
                .chain(state.sentences.iter().map(|&r| (None, Some(r))))
                .chain(
                    state.sentences.iter().flat_map(|&r| outside.iter().map(move |&i| (Some(i), Some(r)))),
                );
            for (add, remove) in moves {
                let next = self.with(&state.sentences, add, remove);
                if next.value > state.value {
                    state = next;
                    continue 'pass;
                }
            }
            break;
        }
        state
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
        let search = Search::new(doc, references, budget);
        let alone: Vec<f64> = (0..n).map(|i| search.evaluate(vec![i]).value).collect();
        let mut by_value: Vec<usize> = (0..n).filter(|&i| alone[i] > 0.0).collect();
        by_value.sort_by(|&a, &b| alone[b].total_cmp(&alone[a]));
        let lead = search.evaluate((0..n).collect());
        let wanted =
            self.max_candidates.max(self.candidates_per_sentence.saturating_mul(lead.sentences.len()));
        let mut candidates: Vec<usize> = by_value.iter().copied().take(wanted).collect();
        candidates.sort_unstable();
        let searched = search.beam(&candidates, self.beam);
        // The better start (the search's on a tie) is improved.
        let start = if lead.value > searched.value { lead } else { searched };
        let mut best = search.improve(start, &candidates, self.max_passes);
        // Where every subset of the candidates up to one sentence more than
        // the best summary is cheap to score, score them all: the local search
        // can stop on a plateau of the multi-reference maximum.
        let size = best.sentences.len() + 1;
        if let Some(exact) = search.exhaustive(&candidates, size, self.exhaustive_limit)
            && exact.value > best.value
        {
            best = search.improve(exact, &candidates, self.max_passes);
        }
        let mut scores = vec![0.0; n];
        for &i in &best.sentences {
            scores[i] = best.value - search.with(&best.sentences, None, Some(i)).value;
        }
        Ranking { order: best.sentences, scores }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::WordTokenizer;

    const TEXT: &str = "Red blue green. Red blue. Black white.";
    const REFERENCE: &str = "red blue green black white";

    /// Runs `check` on `text` prepared and `references` prepared by `oracle`'s own scorer.
    fn on<T>(
        oracle: &Oracle,
        text: &str,
        references: &[&str],
        check: impl FnOnce(&PreparedDocument, &DocumentScorer<'_>) -> T,
    ) -> T {
        let doc = PreparedDocument::from_text(text);
        let references: Vec<String> = references.iter().map(|r| r.to_string()).collect();
        let spans: Vec<_> = doc.sentences.iter().map(|s| s.span.clone()).collect();
        let prepared = DocumentScorer::new(oracle.rouge(), &references, &doc.source.text, &spans);
        check(&doc, &prepared)
    }

    /// [`on`] with the default oracle and [`TEXT`].
    fn with_references<T>(
        references: &[&str],
        check: impl FnOnce(&Oracle, &PreparedDocument, &DocumentScorer<'_>) -> T,
    ) -> T {
        let oracle = Oracle::default();
        on(&oracle, TEXT, references, |doc, prepared| check(&oracle, doc, prepared))
    }

    fn assert_close(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len());
        assert!(got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-12), "{got:?} vs {want:?}");
    }

    #[test]
    fn choice_and_contributions_by_hand() {
        // Reference: 5 unigrams, 4 bigrams. Alone:
        //   S0: R1 P 3/3 R 3/5 → F .75; R2 P 2/2 R 2/4 → F 2/3; mean 17/24
        //   S1: R1 P 1 R 2/5 → F 4/7; R2 P 1 R 1/4 → F .4; mean 17/35 (S2 the same)
        // S0+S2 "red blue green black white" is the reference (bigrams run across the
        // sentence break): mean 1, the maximum. Contributions: S0 1 − 17/35, S2 1 − 17/24.
        with_references(&[REFERENCE], |oracle, doc, references| {
            let r = oracle.rank_with_references(doc, references, &Budget::Sentences(3));
            assert_eq!(r.order, [0, 2]);
            assert_close(&r.scores, &[1.0 - 17.0 / 35.0, 0.0, 1.0 - 17.0 / 24.0]);
            let summary = oracle.summarize_with_references(doc, references, &Budget::Sentences(3));
            assert_eq!(summary.sentences, [0, 2]);
        });
    }

    #[test]
    fn the_budget_cut_is_part_of_the_objective() {
        // Words(4): the best 4-word output is S0+S2 cut after "Black":
        //   "red blue green black": R1 P 4/4 R 4/5 → 8/9; R2 P 3/3 R 3/4 → 6/7
        //   (S1+S2 "red blue black white": R1 8/9; R2 P 2/3 R 2/4 → 4/7; S0 alone 17/24).
        // S2's contribution: its objective minus S0's alone.
        with_references(&[REFERENCE], |oracle, doc, references| {
            let s = oracle.summarize_with_references(doc, references, &Budget::Words(4));
            assert_eq!(s.sentences, [0, 2]);
            assert_eq!(s.text(doc), "Red blue green.\nBlack");
            let r = oracle.rank_with_references(doc, references, &Budget::Words(4));
            let best = (8.0 / 9.0 + 6.0 / 7.0) / 2.0;
            assert!((r.scores[2] - (best - 17.0 / 24.0)).abs() < 1e-12, "{:?}", r.scores);
        });
    }

    // "Alpha beta gamma. Alpha beta. Gamma delta." against "alpha beta gamma delta"
    // (4 unigrams, 3 bigrams), two sentences (checked with rouge-score 0.1.2's score):
    //   S0 alone: R1 P 1 R 3/4 → 6/7; R2 P 1 R 2/3 → 4/5; mean 29/35 (the best single)
    //   S1 alone, S2 alone: R1 P 1 R 1/2 → 2/3; R2 P 1 R 1/3 → 1/2; mean 7/12
    //   S0+S1 "alpha beta gamma alpha beta": R1 P 3/5 R 3/4 → 2/3; R2 P 2/4 R 2/3 → 4/7; 13/21
    //   S0+S2 "alpha beta gamma gamma delta": R1 P 4/5 R 1 → 8/9; R2 P 3/4 R 1 → 6/7; 55/63
    //   S1+S2 = the reference: 1.
    // Greedy takes S0, then S2 (55/63) and is stuck; the beam keeps S1 beside S0 and
    // finds S1+S2, and so does a swap from greedy's S0+S2.
    const GREEDY_TRAP: &str = "Alpha beta gamma. Alpha beta. Gamma delta.";
    const TRAP_REFERENCE: &str = "alpha beta gamma delta";

    /// An oracle with `beam` and `max_passes`, without the exact step (so each search is seen alone).
    fn oracle(beam: usize, max_passes: usize) -> Oracle {
        Params { beam, max_passes, exhaustive_limit: 0, ..Params::default() }.build(&BuildOptions::default())
    }

    #[test]
    fn where_greedy_fails_the_beam_and_the_swaps_win() {
        let budget = Budget::Sentences(2);
        let greedy = oracle(1, 0);
        on(&greedy, GREEDY_TRAP, &[TRAP_REFERENCE], |doc, references| {
            let r = greedy.rank_with_references(doc, references, &budget);
            assert_eq!(r.order, [0, 2]);
            // Contributions: 55/63 minus S2 alone (7/12), minus S0 alone (29/35).
            assert_close(&r.scores, &[55.0 / 63.0 - 7.0 / 12.0, 0.0, 55.0 / 63.0 - 29.0 / 35.0]);
        });
        let exact = Params { max_passes: 0, ..Params::default() }.build(&BuildOptions::default());
        for wider in [oracle(2, 0), oracle(1, 1), exact, Oracle::default()] {
            on(&wider, GREEDY_TRAP, &[TRAP_REFERENCE], |doc, references| {
                let r = wider.rank_with_references(doc, references, &budget);
                assert_eq!(r.order, [1, 2]);
                // 1 minus the other sentence alone (7/12).
                assert_close(&r.scores, &[0.0, 5.0 / 12.0, 5.0 / 12.0]);
            });
        }
    }

    // The billsum/112_hr1471 shape: one long sentence that scores best alone once cut,
    // against short ones that fit. "Alpha beta. Gamma delta. Alpha beta gamma zeta eta
    // theta." against "alpha beta gamma delta", Words(4):
    //   S2 alone, cut to "Alpha beta gamma zeta": R1 P 3/4 R 3/4; R2 P 2/3 R 2/3; 17/24
    //   S0 or S1 alone: 7/12
    //   S1+S2: "Gamma delta.\nAlpha beta" (S2 cut after two words, in document order):
    //     R1 P 1 R 1; R2 "gamma delta", "delta alpha", "alpha beta" → P 2/3 R 2/3; 5/6
    //   S0+S1 (S2 left out by the cut once both are in) = the reference: 1.
    // The old greedy stopped after S2, since the budget was filled.
    const CUT: &str = "Alpha beta. Gamma delta. Alpha beta gamma zeta eta theta.";

    #[test]
    fn the_summary_is_scored_as_cut_and_in_document_order() {
        let budget = Budget::Words(4);
        let oracle = Oracle::default();
        on(&oracle, CUT, &[TRAP_REFERENCE], |doc, references| {
            let search = Search::new(doc, references, &budget);
            assert_close(&[search.evaluate(vec![2]).value], &[17.0 / 24.0]);
            // Ranked first, S2 alone fills the budget: fill takes nothing after it.
            assert_eq!(search.evaluate(vec![2, 1]).sentences, [2]);
            // The search ranks its sets in document order.
            let both = search.evaluate(vec![1, 2]);
            assert_eq!(both.sentences, [1, 2]);
            assert_close(&[both.value], &[5.0 / 6.0]);
            let all = search.evaluate(vec![0, 1, 2]);
            assert_eq!(all.sentences, [0, 1]);
            assert_close(&[all.value], &[1.0]);
            let s = oracle.summarize_with_references(doc, references, &budget);
            assert_eq!(s.text(doc), "Alpha beta.\nGamma delta.");
            assert_eq!(s.truncated_len, None);
        });
    }

    /// Five sentences and two references for the checks over every subset.
    const FIVE: &str = "The cats were running home. Dogs ran, too! Then the rain fell hard. \
                        Cats and dogs hid. The end came late at night.";
    const FIVE_REFERENCES: [&str; 2] =
        ["cats ran home\nthe rain fell", "dogs were running at night, the cats hid"];

    /// The summary `fill` makes of `set` and its objective by `DocumentScorer`
    /// (rouge-score's numbers, checked against rouge-score 0.1.2 in `rouge`).
    fn scored_by_document_scorer(
        doc: &PreparedDocument,
        scorer: &DocumentScorer<'_>,
        budget: &Budget,
        set: Vec<usize>,
    ) -> (Vec<usize>, f64) {
        let summary = budget.fill(doc, &Ranking { order: set, scores: Vec::new() });
        let s = scorer.score_spans_for(&[Metric::N(1), Metric::N(2)], &summary.spans(doc));
        (summary.sentences, (s[0].fmeasure + s[1].fmeasure) / 2.0)
    }

    #[test]
    fn the_token_objective_equals_the_document_scorer_on_every_subset_and_cut() {
        // The fast objective against `DocumentScorer::score_spans` (rouge-score's numbers,
        // checked against rouge-score 0.1.2 in `rouge`): every subset of five sentences,
        // two references, under word budgets that cut and byte budgets that cut inside a word.
        let oracle = Oracle::default();
        on(&oracle, FIVE, &FIVE_REFERENCES, |doc, scorer| {
            assert_eq!(doc.sentences.len(), 5);
            for budget in [Budget::Sentences(2), Budget::Words(7), Budget::Words(13), Budget::Bytes(40)] {
                let search = Search::new(doc, scorer, &budget);
                for mask in 0u32..32 {
                    let set: Vec<usize> = (0..5).filter(|i| mask & (1 << i) != 0).collect();
                    let state = search.evaluate(set.clone());
                    let (sentences, value) = scored_by_document_scorer(doc, scorer, &budget, set);
                    assert_eq!(state.sentences, sentences);
                    assert_eq!(state.value, value, "{budget:?} {mask}");
                }
            }
        });
    }

    #[test]
    fn the_exhaustive_step_finds_the_best_subset_and_respects_its_limit() {
        // Against every subset scored by `DocumentScorer` (rouge-score's numbers): the
        // best summary of at most k of the five sentences, for each k and budget.
        let oracle = Oracle::default();
        on(&oracle, FIVE, &FIVE_REFERENCES, |doc, scorer| {
            let all: Vec<usize> = (0..5).collect();
            for budget in [Budget::Sentences(2), Budget::Words(7), Budget::Words(13), Budget::Bytes(40)] {
                let search = Search::new(doc, scorer, &budget);
                for k in 1..=5 {
                    let mut want = 0.0f64;
                    for mask in 1u32..32 {
                        let set: Vec<usize> = (0..5).filter(|i| mask & (1 << i) != 0).collect();
                        if set.len() <= k {
                            want = want.max(scored_by_document_scorer(doc, scorer, &budget, set).1);
                        }
                    }
                    let got = search.exhaustive(&all, k, usize::MAX).expect("no limit");
                    assert_eq!(got.value, want, "{budget:?} k={k}");
                }
                // 5 + 10 subsets of at most two sentences: over a limit of 14, none is scored.
                assert!(search.exhaustive(&all, 2, 14).is_none());
                assert!(search.exhaustive(&all, 2, 15).is_some());
            }
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
