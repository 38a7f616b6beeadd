//! Paired comparison of score records: two runs (`sumbench compare BASE NEW`)
//! or the summarizers of one run (`sumbench compare --within DIR`).
//!
//! Owns: pairing documents, the statistics per row and the verdicts. Never
//! formats output (see [`super::compare_format`]) and never reads files.
//!
//! # Method
//! For every row the documents scored in both sides are paired by document id
//! (sorted by id, so the input order never matters) and `dᵢ = F_new − F_base` is
//! taken per document. The row reports the mean F of each side over the shared
//! documents, the mean difference, and
//! - a 95% **paired percentile bootstrap** interval of the mean difference
//!   (1,000 resamples of the shared documents; see [`super::bootstrap`]);
//! - the two-sided p-value of the **paired sign-flip permutation test** of
//!   "mean difference = 0" (exact up to 13 documents, else 10,000 seeded random
//!   sign assignments, capped by Hoeffding's bound in the far tail so Holm over
//!   many rows can still reach significance; see [`super::permutation`]);
//! - that p-value **Holm-corrected** over every tested row of the comparison.
//!
//! The verdict is *improved* / *regressed* when the corrected p-value is below
//! α (0.05 by default) and the mean moved the metric's better / worse way
//! (higher for ROUGE, BLEU and chrF, lower for JS divergence; see
//! [`crate::metrics::Better`]), *higher* / *lower* for a metric that ranks
//! nothing (coverage, density, novel n-grams), else *no significant change*. Each row draws from its own ChaCha8 streams, seeded from
//! the seed and the row key, so rows are independent of each other and of order.
//!
//! Nothing is dropped silently: documents scored in only one side are listed per
//! row ([`DocumentGap`]), and rows (corpus × summarizer × metric) present in
//! only one run — for example when the metric sets differ — are listed as
//! [`UnmatchedRow`]s instead of being compared.

use std::fmt;

use rustc_hash::FxHashMap;

use super::bootstrap::Interval;
use super::grid::ScoreGrid;
use super::paired::{Columns, Intervals, Pairing, RowStatistics, paired_rows};
use super::record::ScoreRecord;
use super::stats::holm;
use crate::metrics::{Better, better};

/// Settings of a comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompareOptions {
    /// Seed of the bootstrap and permutation streams.
    pub seed: u64,
    /// Family-wise significance level applied to Holm-corrected p-values.
    pub alpha: f64,
}

impl Default for CompareOptions {
    fn default() -> Self {
        Self { seed: 0, alpha: 0.05 }
    }
}

/// Which side of a comparison something belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The baseline run (`BASE`), or summarizer A in `--within`.
    Base,
    /// The new run (`NEW`), or summarizer B in `--within`.
    New,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Base => "BASE",
            Side::New => "NEW",
        })
    }
}

/// The outcome of one row's test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Significantly better on the new side: a higher mean, or a lower one
    /// for a metric where lower is better ([`crate::metrics::Better`]).
    Improved,
    /// Significantly worse on the new side.
    Regressed,
    /// Significantly higher on the new side, for a metric that ranks nothing
    /// (coverage, density, novel n-grams, …).
    Higher,
    /// Significantly lower on the new side, for a metric that ranks nothing.
    Lower,
    /// Not significant at α after Holm correction.
    NoSignificantChange,
    /// The two sides share no document, so nothing was tested.
    NoSharedDocuments,
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Improved => "improved",
            Verdict::Regressed => "regressed",
            Verdict::Higher => "higher",
            Verdict::Lower => "lower",
            Verdict::NoSignificantChange => "no significant change",
            Verdict::NoSharedDocuments => "no shared documents",
        })
    }
}

/// Paired statistics of one row over the documents both sides scored.
#[derive(Debug, Clone, PartialEq)]
pub struct PairedStats {
    /// Shared documents.
    pub n_shared: usize,
    /// Mean F of the base side over the shared documents.
    pub base_mean: f64,
    /// Mean F of the new side over the shared documents.
    pub new_mean: f64,
    /// Mean of the per-document differences `F_new − F_base` (equal to
    /// `new_mean − base_mean` up to rounding).
    pub delta: f64,
    /// Lower bound of the 95% paired bootstrap interval of `delta`.
    pub delta_ci_low: f64,
    /// Upper bound of that interval.
    pub delta_ci_high: f64,
    /// Two-sided sign-flip permutation p-value (uncorrected).
    pub p_value: f64,
    /// `p_value` after Holm correction across the comparison's tested rows.
    pub p_holm: f64,
    /// The verdict at the comparison's α.
    pub verdict: Verdict,
}

/// Documents one side scored for a row that the other side did not.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentGap {
    /// The side that has the documents.
    pub side: Side,
    /// Their ids, sorted.
    pub doc_ids: Vec<String>,
}

/// One compared corpus × summarizer × metric of `compare BASE NEW`.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// Corpus name.
    pub corpus: String,
    /// Summarizer name.
    pub summarizer: String,
    /// Metric name.
    pub metric: String,
    /// The statistics (base = BASE run, new = NEW run).
    pub stats: PairedStats,
    /// Documents in only one run (empty when both scored the same documents).
    pub gaps: Vec<DocumentGap>,
}

/// A corpus × summarizer × metric that only one run scored.
#[derive(Debug, Clone, PartialEq)]
pub struct UnmatchedRow {
    /// The run that has it.
    pub side: Side,
    /// Corpus name.
    pub corpus: String,
    /// Summarizer name.
    pub summarizer: String,
    /// Metric name.
    pub metric: String,
    /// Documents it scored.
    pub n_docs: usize,
}

impl fmt::Display for UnmatchedRow {
    /// `only in BASE: corpus / summarizer / metric (N documents)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "only in {}: {} / {} / {} ({} documents)",
            self.side, self.corpus, self.summarizer, self.metric, self.n_docs
        )
    }
}

/// "Rows in only one run (not compared):" and one indented line per row.
pub fn unmatched_note(unmatched: &[UnmatchedRow]) -> String {
    let mut note = "Rows in only one run (not compared):".to_string();
    for row in unmatched {
        note.push_str("\n  ");
        note.push_str(&row.to_string());
    }
    note
}

/// The result of `compare BASE NEW`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The settings used.
    pub options: CompareOptions,
    /// Rows present in both runs, in the order they first appear in BASE.
    pub rows: Vec<CompareRow>,
    /// Rows present in only one run (BASE ones first, each in file order).
    pub unmatched: Vec<UnmatchedRow>,
    /// Metrics scored by only one run (BASE ones first), for a prominent note.
    pub metrics_only_in: Vec<(Side, String)>,
    /// The distinct budgets of BASE and NEW (each sorted), when they differ.
    pub budgets_differ: Option<(Vec<String>, Vec<String>)>,
}

impl Comparison {
    /// Whether any row regressed (what `--fail-on-regression` checks).
    pub fn has_regression(&self) -> bool {
        self.rows.iter().any(|r| r.stats.verdict == Verdict::Regressed)
    }
}

/// One pair of summarizers of one corpus × metric in `compare --within`.
#[derive(Debug, Clone, PartialEq)]
pub struct WithinRow {
    /// Corpus name.
    pub corpus: String,
    /// Metric name.
    pub metric: String,
    /// Summarizer A (the statistics' base side); it appears before B in the run.
    pub summarizer_a: String,
    /// Summarizer B (the new side): `delta` = mean F of B − mean F of A, and
    /// `Improved` means B scores significantly higher than A.
    pub summarizer_b: String,
    /// The statistics.
    pub stats: PairedStats,
    /// Documents only one of the two summarizers has (base side = A).
    pub gaps: Vec<DocumentGap>,
}

/// The result of `compare --within`.
#[derive(Debug, Clone, PartialEq)]
pub struct WithinComparison {
    /// The settings used.
    pub options: CompareOptions,
    /// Every pair of summarizers per corpus × metric, Holm-corrected together.
    pub rows: Vec<WithinRow>,
}

/// Why records could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    /// The same corpus × document × summarizer × metric appears twice in one side.
    #[error(
        "{side} has two scores for corpus `{corpus}`, document `{doc_id}`, summarizer `{summarizer}`, metric `{metric}`"
    )]
    Duplicate {
        /// Which input (`BASE`, `NEW` or `the run`).
        side: &'static str,
        /// Corpus name.
        corpus: String,
        /// Document id.
        doc_id: String,
        /// Summarizer name.
        summarizer: String,
        /// Metric name.
        metric: String,
    },
    /// The two sides have no corpus × summarizer × metric in common.
    #[error("BASE and NEW share no corpus × summarizer × metric row to compare. {notes}")]
    NothingShared {
        /// What each side has that the other lacks (the comparison's notes).
        notes: String,
    },
}

type Key<'a> = (&'a str, &'a str, &'a str);

/// Score records as columns: one per corpus × summarizer × metric (a key) of
/// each side, over its corpus's documents sorted by id.
struct Tabulated<'a> {
    /// Per side, its keys in first-appearance order.
    order: Vec<Vec<Key<'a>>>,
    /// Per side and key: (corpus index, column index, documents scored).
    column: FxHashMap<(usize, Key<'a>), (usize, usize, usize)>,
    /// Corpus names, in first-appearance order.
    corpora: Vec<&'a str>,
    /// Per corpus, its columns.
    columns: Vec<Columns<'a>>,
}

impl<'a> Tabulated<'a> {
    /// The column of `key` on side `side`: (corpus index, column index).
    fn get(&self, side: usize, key: Key<'a>) -> Option<(usize, usize)> {
        self.column.get(&(side, key)).map(|&(corpus, column, _)| (corpus, column))
    }

    /// How many documents `key` of side `side` scored.
    fn n_docs(&self, side: usize, key: Key<'a>) -> usize {
        self.column.get(&(side, key)).map_or(0, |&(_, _, n)| n)
    }
}

/// Tabulates each side's records (`sides[i]` = records and the side's name
/// for errors). Documents are found by id once per run of rows of the same
/// document (score rows come document by document), so ids are hashed about
/// once per document, not once per score.
fn tabulate<'a>(sides: &[(&'a [ScoreRecord], &'static str)]) -> Result<Tabulated<'a>, CompareError> {
    struct Corpus<'a> {
        doc_ids: Vec<&'a str>,
        doc_index: FxHashMap<&'a str, usize>,
        /// Per column, (document, F) as read.
        cells: Vec<Vec<(usize, f64)>>,
    }
    let mut corpora: Vec<&str> = Vec::new();
    let mut building: Vec<Corpus> = Vec::new();
    let mut order = vec![Vec::new(); sides.len()];
    let mut column: FxHashMap<(usize, Key), (usize, usize, usize)> = FxHashMap::default();
    for (side, (records, _)) in sides.iter().enumerate() {
        let mut last: Option<(&str, &str, usize, usize)> = None;
        for r in records.iter() {
            let (c, d) = match last {
                Some((corpus, doc, c, d)) if corpus == r.corpus && doc == r.doc_id => (c, d),
                _ => {
                    let c = match corpora.iter().position(|&name| name == r.corpus) {
                        Some(c) => c,
                        None => {
                            corpora.push(&r.corpus);
                            building.push(Corpus {
                                doc_ids: Vec::new(),
                                doc_index: FxHashMap::default(),
                                cells: Vec::new(),
                            });
                            corpora.len() - 1
                        }
                    };
                    let corpus = &mut building[c];
                    let d = *corpus.doc_index.entry(&r.doc_id).or_insert_with(|| {
                        corpus.doc_ids.push(&r.doc_id);
                        corpus.doc_ids.len() - 1
                    });
                    (c, d)
                }
            };
            last = Some((&r.corpus, &r.doc_id, c, d));
            let key = (r.corpus.as_str(), r.summarizer.as_str(), r.metric.as_str());
            let cells = &mut building[c].cells;
            let entry = column.entry((side, key)).or_insert_with(|| {
                order[side].push(key);
                cells.push(Vec::new());
                (c, cells.len() - 1, 0)
            });
            entry.2 += 1;
            cells[entry.1].push((d, r.fmeasure));
        }
    }
    let mut columns = Vec::with_capacity(building.len());
    for (c, corpus) in building.into_iter().enumerate() {
        let mut by_id: Vec<usize> = (0..corpus.doc_ids.len()).collect();
        by_id.sort_by(|&a, &b| corpus.doc_ids[a].cmp(corpus.doc_ids[b]));
        let mut rank = vec![0; by_id.len()];
        for (place, &d) in by_id.iter().enumerate() {
            rank[d] = place;
        }
        let mut values = Vec::with_capacity(corpus.cells.len());
        for cells in &corpus.cells {
            let mut dense = vec![f64::NAN; by_id.len()];
            let mut seen = vec![false; by_id.len()];
            for &(d, f) in cells {
                if std::mem::replace(&mut seen[rank[d]], true) {
                    let (&(side, (_, summarizer, metric)), _) = column
                        .iter()
                        .find(|(_, (cc, col, _))| *cc == c && *col == values.len())
                        .expect("tabulated");
                    return Err(CompareError::Duplicate {
                        side: sides[side].1,
                        corpus: corpora[c].to_string(),
                        doc_id: corpus.doc_ids[d].to_string(),
                        summarizer: summarizer.to_string(),
                        metric: metric.to_string(),
                    });
                }
                dense[rank[d]] = f;
            }
            values.push(dense);
        }
        let doc_ids = by_id.iter().map(|&d| corpus.doc_ids[d]).collect();
        columns.push(Columns { doc_ids, values });
    }
    Ok(Tabulated { order, column, corpora, columns })
}

/// One row to test, and where its statistics go.
struct Planned<'a> {
    corpus: usize,
    pairing: Pairing<'a>,
}

/// Runs the planned rows corpus by corpus (the common resamples of corpus `c`
/// keyed by `[kind, corpus name, "delta-ci"]`) and returns their statistics,
/// in plan order.
fn run_plan(
    columns: &[Columns],
    corpora: &[&str],
    plan: Vec<Planned>,
    kind: &str,
    options: CompareOptions,
    with_intervals: bool,
) -> Vec<RowStatistics> {
    let mut out: Vec<Option<RowStatistics>> = vec![None; plan.len()];
    for (c, corpus_columns) in columns.iter().enumerate() {
        let rows: Vec<usize> = (0..plan.len()).filter(|&i| plan[i].corpus == c).collect();
        if rows.is_empty() {
            continue;
        }
        let pairings: Vec<Pairing> = rows.iter().map(|&i| plan[i].pairing.clone()).collect();
        let key = [kind, corpora[c], "delta-ci"];
        let intervals = match with_intervals {
            true => Intervals::Common(&key),
            false => Intervals::Skip,
        };
        for (i, stats) in
            rows.into_iter().zip(paired_rows(corpus_columns, &pairings, options.seed, intervals))
        {
            out[i] = Some(stats);
        }
    }
    out.into_iter().map(|s| s.expect("every planned row belongs to a corpus")).collect()
}

/// The public statistics of a row (Holm's p-value and the verdict are set by
/// [`finish`]) and its document gaps, with document ids from `columns`.
fn public(row: RowStatistics, columns: &Columns) -> (PairedStats, Vec<DocumentGap>) {
    let gap = |side, docs: &[usize]| {
        (!docs.is_empty()).then(|| DocumentGap {
            side,
            doc_ids: docs.iter().map(|&d| columns.doc_ids[d].to_string()).collect(),
        })
    };
    let gaps =
        [gap(Side::Base, &row.only_base), gap(Side::New, &row.only_new)].into_iter().flatten().collect();
    let interval = row.interval.unwrap_or(Interval { low: f64::NAN, high: f64::NAN });
    let stats = PairedStats {
        n_shared: row.n_shared,
        base_mean: row.base_mean,
        new_mean: row.new_mean,
        delta: row.delta,
        delta_ci_low: interval.low,
        delta_ci_high: interval.high,
        p_value: row.p_value,
        p_holm: row.p_value,
        verdict: Verdict::NoSharedDocuments,
    };
    (stats, gaps)
}

/// Holm-corrects the tested rows (those with shared documents) together and sets
/// each verdict at `alpha`, by the direction of each row's metric.
fn finish<'a>(rows: impl Iterator<Item = (&'a str, &'a mut PairedStats)>, alpha: f64) {
    let mut tested: Vec<(&str, &mut PairedStats)> = rows.filter(|(_, s)| s.n_shared > 0).collect();
    let p: Vec<f64> = tested.iter().map(|(_, s)| s.p_value).collect();
    for ((metric, s), adjusted) in tested.iter_mut().zip(holm(&p)) {
        s.p_holm = adjusted;
        let direction = match adjusted < alpha {
            true => s.delta.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal),
            false => std::cmp::Ordering::Equal,
        };
        s.verdict = match (direction, better(metric)) {
            (std::cmp::Ordering::Equal, _) => Verdict::NoSignificantChange,
            (std::cmp::Ordering::Greater, Better::Higher) | (std::cmp::Ordering::Less, Better::Lower) => {
                Verdict::Improved
            }
            (std::cmp::Ordering::Less, Better::Higher) | (std::cmp::Ordering::Greater, Better::Lower) => {
                Verdict::Regressed
            }
            (std::cmp::Ordering::Greater, Better::Neither) => Verdict::Higher,
            (std::cmp::Ordering::Less, Better::Neither) => Verdict::Lower,
        };
    }
}

fn distinct_metrics<'a>(keys: &[Key<'a>]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for &(_, _, m) in keys {
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

/// The distinct budgets of `records`, sorted.
fn distinct_budgets(records: &[ScoreRecord]) -> Vec<String> {
    let set: std::collections::BTreeSet<&str> = records.iter().map(|r| r.budget.as_str()).collect();
    set.into_iter().map(str::to_string).collect()
}

/// Compares two runs row by row (see the module documentation for the method).
pub fn compare_runs(
    base: &[ScoreRecord],
    new: &[ScoreRecord],
    options: CompareOptions,
) -> Result<Comparison, CompareError> {
    let t = tabulate(&[(base, "BASE"), (new, "NEW")])?;
    let shared: Vec<Key> = t.order[0].iter().copied().filter(|&k| t.get(1, k).is_some()).collect();
    let plan: Vec<Planned> = shared
        .iter()
        .map(|&key @ (corpus, summarizer, metric)| {
            let (c, base) = t.get(0, key).expect("a BASE key");
            let (_, new) = t.get(1, key).expect("shared");
            let pairing = Pairing {
                base,
                new,
                key: vec!["compare", corpus, summarizer, metric],
                batch: vec!["compare", corpus, summarizer],
            };
            Planned { corpus: c, pairing }
        })
        .collect();
    let corpus_of: Vec<usize> = plan.iter().map(|p| p.corpus).collect();
    let statistics = run_plan(&t.columns, &t.corpora, plan, "compare", options, true);
    let mut rows: Vec<CompareRow> = shared
        .iter()
        .zip(statistics)
        .zip(corpus_of)
        .map(|((&(corpus, summarizer, metric), row), c)| {
            let (stats, gaps) = public(row, &t.columns[c]);
            CompareRow {
                corpus: corpus.to_string(),
                summarizer: summarizer.to_string(),
                metric: metric.to_string(),
                stats,
                gaps,
            }
        })
        .collect();
    finish(rows.iter_mut().map(|r| (r.metric.as_str(), &mut r.stats)), options.alpha);

    let unmatched_of = |side: Side, s: usize| -> Vec<UnmatchedRow> {
        t.order[s]
            .iter()
            .filter(|&&k| t.get(1 - s, k).is_none())
            .map(|&k @ (corpus, summarizer, metric)| UnmatchedRow {
                side,
                corpus: corpus.to_string(),
                summarizer: summarizer.to_string(),
                metric: metric.to_string(),
                n_docs: t.n_docs(s, k),
            })
            .collect()
    };
    let mut unmatched = unmatched_of(Side::Base, 0);
    unmatched.extend(unmatched_of(Side::New, 1));

    let (base_metrics, new_metrics) = (distinct_metrics(&t.order[0]), distinct_metrics(&t.order[1]));
    let mut metrics_only_in: Vec<(Side, String)> = base_metrics
        .iter()
        .filter(|m| !new_metrics.contains(m))
        .map(|m| (Side::Base, m.to_string()))
        .collect();
    metrics_only_in
        .extend(new_metrics.iter().filter(|m| !base_metrics.contains(m)).map(|m| (Side::New, m.to_string())));
    let (base_budgets, new_budgets) = (distinct_budgets(base), distinct_budgets(new));
    let budgets_differ = (base_budgets != new_budgets).then_some((base_budgets, new_budgets));
    let comparison = Comparison { options, rows, unmatched, metrics_only_in, budgets_differ };
    if comparison.rows.is_empty() {
        return Err(CompareError::NothingShared { notes: unmatched_note(&comparison.unmatched) });
    }
    Ok(comparison)
}

/// Compares every pair of summarizers of one run, per corpus × metric, paired
/// over documents and Holm-corrected across all pairs (same method as
/// [`compare_runs`], with summarizer A as the base side).
pub fn compare_within(
    records: &[ScoreRecord],
    options: CompareOptions,
) -> Result<WithinComparison, CompareError> {
    compare_within_with(records, options, WithIntervals::Yes)
}

/// Whether [`compare_within_with`] computes the intervals of the mean differences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WithIntervals {
    /// Every row's bootstrap interval (what `compare --within` prints).
    Yes,
    /// None (`NaN` bounds): the tests and verdicts only, as the report's
    /// significance groups need.
    No,
}

/// [`compare_within`], with or without the intervals.
pub fn compare_within_with(
    records: &[ScoreRecord],
    options: CompareOptions,
    intervals: WithIntervals,
) -> Result<WithinComparison, CompareError> {
    let t = tabulate(&[(records, "the run")])?;
    Ok(within(&t, options, intervals))
}

/// [`compare_within_with`] over score grids (one per corpus, as the report
/// pages keep them): the same rows without making a record of every score.
pub fn compare_within_grids(
    grids: &[&ScoreGrid],
    options: CompareOptions,
    intervals: WithIntervals,
) -> WithinComparison {
    let mut t = Tabulated {
        order: vec![Vec::new()],
        column: FxHashMap::default(),
        corpora: Vec::new(),
        columns: Vec::new(),
    };
    for (c, grid) in grids.iter().enumerate() {
        let mut by_id: Vec<usize> = (0..grid.doc_ids.len()).collect();
        by_id.sort_by(|&a, &b| grid.doc_ids[a].cmp(&grid.doc_ids[b]));
        let mut values = Vec::new();
        for (s, summarizer) in grid.summarizers.iter().enumerate() {
            for (m, metric) in grid.metrics.iter().enumerate() {
                let column = grid.column(s, m);
                let scored = column.iter().filter(|f| !f.is_nan()).count();
                if scored == 0 {
                    continue;
                }
                let key = (grid.corpus.as_str(), summarizer.as_str(), metric.as_str());
                t.order[0].push(key);
                t.column.insert((0, key), (c, values.len(), scored));
                values.push(by_id.iter().map(|&d| column.get(d).copied().unwrap_or(f64::NAN)).collect());
            }
        }
        t.corpora.push(&grid.corpus);
        t.columns
            .push(Columns { doc_ids: by_id.iter().map(|&d| grid.doc_ids[d].as_str()).collect(), values });
    }
    within(&t, options, intervals)
}

/// Every pair of summarizers of the one side of `t`, per corpus × metric (in
/// the order the keys first appear), Holm-corrected together.
fn within(t: &Tabulated, options: CompareOptions, intervals: WithIntervals) -> WithinComparison {
    let mut pairs: Vec<(&str, &str, &str, &str)> = Vec::new();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let order = &t.order[0];
    for &(corpus, _, metric) in order {
        if seen.contains(&(corpus, metric)) {
            continue;
        }
        seen.push((corpus, metric));
        let summarizers: Vec<&str> =
            order.iter().filter(|k| k.0 == corpus && k.2 == metric).map(|k| k.1).collect();
        for (i, a) in summarizers.iter().enumerate() {
            for b in &summarizers[i + 1..] {
                pairs.push((corpus, metric, a, b));
            }
        }
    }
    let plan: Vec<Planned> = pairs
        .iter()
        .map(|&(corpus, metric, a, b)| {
            let (c, base) = t.get(0, (corpus, a, metric)).expect("a key of the run");
            let (_, new) = t.get(0, (corpus, b, metric)).expect("a key of the run");
            let pairing = Pairing {
                base,
                new,
                key: vec!["within", corpus, metric, a, b],
                batch: vec!["within", corpus, a, b],
            };
            Planned { corpus: c, pairing }
        })
        .collect();
    let corpus_of: Vec<usize> = plan.iter().map(|p| p.corpus).collect();
    let statistics =
        run_plan(&t.columns, &t.corpora, plan, "within", options, intervals == WithIntervals::Yes);
    let mut rows: Vec<WithinRow> = pairs
        .iter()
        .zip(statistics)
        .zip(corpus_of)
        .map(|((&(corpus, metric, a, b), row), c)| {
            let (stats, gaps) = public(row, &t.columns[c]);
            WithinRow {
                corpus: corpus.to_string(),
                metric: metric.to_string(),
                summarizer_a: a.to_string(),
                summarizer_b: b.to_string(),
                stats,
                gaps,
            }
        })
        .collect();
    finish(rows.iter_mut().map(|r| (r.metric.as_str(), &mut r.stats)), options.alpha);
    WithinComparison { options, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(doc: &str, summarizer: &str, metric: &str, f: f64) -> ScoreRecord {
        ScoreRecord {
            corpus: "c".into(),
            doc_id: doc.into(),
            summarizer: summarizer.into(),
            metric: metric.into(),
            precision: f,
            recall: f,
            fmeasure: f,
            budget: "3s".into(),
        }
    }

    #[test]
    fn four_shared_documents_by_hand() {
        // Differences (new − base) 0.1, −0.2, 0.3, 0.4: mean 0.15, exact sign-flip p = 6/16
        // (enumerated in permutation::tests), single row so Holm leaves it at 0.375.
        let base = [
            rec("a", "s", "m", 0.2),
            rec("b", "s", "m", 0.5),
            rec("c", "s", "m", 0.1),
            rec("d", "s", "m", 0.3),
        ];
        let new = [
            rec("d", "s", "m", 0.7),
            rec("c", "s", "m", 0.4),
            rec("b", "s", "m", 0.3),
            rec("a", "s", "m", 0.3),
        ];
        let cmp = compare_runs(&base, &new, CompareOptions::default()).unwrap();
        let s = &cmp.rows[0].stats;
        assert_eq!(s.n_shared, 4);
        assert!((s.base_mean - 0.275).abs() < 1e-12); // (0.2 + 0.5 + 0.1 + 0.3) / 4
        assert!((s.new_mean - 0.425).abs() < 1e-12); // (0.3 + 0.3 + 0.4 + 0.7) / 4
        assert!((s.delta - 0.15).abs() < 1e-12);
        assert_eq!(s.p_value, 0.375);
        assert_eq!(s.p_holm, 0.375);
        assert_eq!(s.verdict, Verdict::NoSignificantChange);
        // Resampled means of four differences stay within [−0.2, 0.4].
        assert!(s.delta_ci_low >= -0.2 && s.delta_ci_high <= 0.4 && s.delta_ci_low < s.delta_ci_high);
        assert!(cmp.rows[0].gaps.is_empty() && cmp.unmatched.is_empty() && !cmp.has_regression());
    }

    #[test]
    fn verdicts_follow_the_metric_direction() {
        // Every one of 20 documents is 0.1 lower on the new side: significant for
        // each metric (every sign flip but the identity has a smaller |mean|).
        let (mut base, mut new) = (Vec::new(), Vec::new());
        for metric in ["rouge1", "js-divergence", "coverage"] {
            for d in 0..20 {
                let doc = format!("d{d}");
                base.push(rec(&doc, "s", metric, 0.5 + d as f64 / 100.0));
                new.push(rec(&doc, "s", metric, 0.4 + d as f64 / 100.0));
            }
        }
        let cmp = compare_runs(&base, &new, CompareOptions::default()).unwrap();
        let verdicts: Vec<(&str, Verdict)> =
            cmp.rows.iter().map(|r| (r.metric.as_str(), r.stats.verdict)).collect();
        assert_eq!(
            verdicts,
            [
                ("rouge1", Verdict::Regressed),
                ("js-divergence", Verdict::Improved),
                ("coverage", Verdict::Lower)
            ]
        );
        assert!(cmp.has_regression());
    }

    #[test]
    fn documents_and_rows_in_one_run_only_are_reported() {
        let base = [rec("a", "s", "rouge1", 0.2), rec("b", "s", "rouge1", 0.5), rec("a", "s", "rougeL", 0.2)];
        let new = [rec("a", "s", "rouge1", 0.3), rec("z", "s", "rouge1", 0.3), rec("a", "s", "rouge2", 0.1)];
        let cmp = compare_runs(&base, &new, CompareOptions::default()).unwrap();
        assert_eq!(cmp.rows.len(), 1);
        assert_eq!(cmp.rows[0].stats.n_shared, 1);
        assert_eq!(
            cmp.rows[0].gaps,
            [
                DocumentGap { side: Side::Base, doc_ids: vec!["b".into()] },
                DocumentGap { side: Side::New, doc_ids: vec!["z".into()] }
            ]
        );
        let unmatched: Vec<_> = cmp.unmatched.iter().map(|u| (u.side, u.metric.as_str(), u.n_docs)).collect();
        assert_eq!(unmatched, [(Side::Base, "rougeL", 1), (Side::New, "rouge2", 1)]);
        assert_eq!(cmp.metrics_only_in, [(Side::Base, "rougeL".into()), (Side::New, "rouge2".into())]);
        assert_eq!(cmp.budgets_differ, None);
    }

    #[test]
    fn disjoint_documents_are_not_tested() {
        let base = [rec("a", "s", "m", 0.2), rec("b", "t", "m", 0.2)];
        let new = [rec("z", "s", "m", 0.3), rec("b", "t", "m", 0.2)];
        let cmp = compare_runs(&base, &new, CompareOptions::default()).unwrap();
        assert_eq!(cmp.rows[0].stats.verdict, Verdict::NoSharedDocuments);
        assert_eq!(cmp.rows[0].stats.n_shared, 0);
        assert_eq!(cmp.rows[1].stats.verdict, Verdict::NoSignificantChange);
    }

    #[test]
    fn duplicate_scores_are_an_error() {
        let base = [rec("a", "s", "m", 0.2), rec("a", "s", "m", 0.3)];
        let err = compare_runs(&base, &base[..1], CompareOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "BASE has two scores for corpus `c`, document `a`, summarizer `s`, metric `m`"
        );
    }

    #[test]
    fn sides_with_nothing_in_common_are_an_error_that_says_what_each_has() {
        let base = [rec("a", "lead", "rouge1", 0.2)];
        let new = [rec("a", "lead", "rouge2", 0.3)];
        let err = compare_runs(&base, &new, CompareOptions::default()).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("BASE and NEW share no corpus × summarizer × metric row to compare. "),
            "{message}"
        );
        assert!(message.contains("only in BASE: c / lead / rouge1 (1 documents)"), "{message}");
        assert!(message.contains("only in NEW: c / lead / rouge2 (1 documents)"), "{message}");
    }

    #[test]
    fn within_pairs_follow_run_order_and_orient_deltas() {
        let mut records = Vec::new();
        for i in 0..20 {
            let doc = format!("d{i:02}");
            let base = 0.2 + f64::from(i % 5) * 0.02;
            records.push(rec(&doc, "lead", "m", base));
            records.push(rec(&doc, "textrank", "m", base));
            records.push(rec(&doc, "oracle", "m", base + 0.1));
        }
        let within = compare_within(&records, CompareOptions::default()).unwrap();
        let pairs: Vec<_> = within
            .rows
            .iter()
            .map(|r| (r.summarizer_a.as_str(), r.summarizer_b.as_str(), r.stats.verdict))
            .collect();
        assert_eq!(
            pairs,
            [
                ("lead", "textrank", Verdict::NoSignificantChange),
                ("lead", "oracle", Verdict::Improved),
                ("textrank", "oracle", Verdict::Improved),
            ]
        );
        assert!((within.rows[1].stats.delta - 0.1).abs() < 1e-12);
    }

    #[test]
    fn within_over_grids_tests_as_within_over_records() {
        // Three summarizers, two metrics, 40 documents given out of id order, one score
        // missing: the grids give the records' rows, tests and verdicts (no intervals).
        let mut records = Vec::new();
        for i in (0..40).rev() {
            let doc = format!("d{i:02}");
            let base = 0.2 + f64::from(i % 7) * 0.03;
            for (s, shift) in [("lead", 0.0), ("kl", 0.004 * f64::from(i % 3)), ("oracle", 0.05)] {
                for metric in ["rouge1", "rouge2"] {
                    if !(s == "kl" && metric == "rouge2" && i == 7) {
                        records.push(rec(&doc, s, metric, base + shift));
                    }
                }
            }
        }
        let mut grid = crate::report::grid::GridBuilder::new();
        records.iter().for_each(|r| grid.add(r));
        let options = CompareOptions::default();
        let from_records = compare_within_with(&records, options, WithIntervals::No).unwrap();
        let grids = grid.finish();
        let from_grids = compare_within_grids(&grids.iter().collect::<Vec<_>>(), options, WithIntervals::No);
        // Everything but the intervals, which are NaN (and NaN is not equal to itself).
        let key = |w: &WithinComparison| -> Vec<String> {
            w.rows
                .iter()
                .map(|r| {
                    let s = &r.stats;
                    format!(
                        "{} {} {} {} {} {} {} {} {} {} {:?} {:?}",
                        r.corpus,
                        r.metric,
                        r.summarizer_a,
                        r.summarizer_b,
                        s.n_shared,
                        s.base_mean,
                        s.new_mean,
                        s.delta,
                        s.p_value,
                        s.p_holm,
                        s.verdict,
                        r.gaps
                    )
                })
                .collect()
        };
        assert_eq!(key(&from_grids), key(&from_records));
        assert_eq!(from_grids.rows.len(), 6);
        assert!(from_grids.rows.iter().all(|r| r.stats.delta_ci_low.is_nan()));
    }
}
