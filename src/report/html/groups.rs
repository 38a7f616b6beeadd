//! The summary table's significance groups, from the library's within-run
//! comparison ([`compare_within`], what `sumbench compare --within` prints,
//! with its default seed and α).
//!
//! Per corpus × metric, summarizers are taken by mean F, best first. The best
//! opens group `A`; each next summarizer joins the current group when the
//! paired test finds it not significantly different from the group's first
//! (best) member, and otherwise opens the next group (`B`, `C`, …). So one
//! letter means "not significantly below this group's best", and a letter
//! change means a significant drop. Holm's correction runs over every pair of
//! every corpus × metric together, exactly as in `compare --within`.

use crate::report::ScoreRecord;
use crate::report::compare::{CompareOptions, Verdict, WithIntervals, compare_within_with};
use crate::report::grid::ScoreGrid;

/// Groups are computed for corpora of at most this many documents: the
/// permutation tests cost pairs × 10,000 × documents. Larger corpora show no
/// letters and the page says so (`sumbench compare --within` gives them).
pub const GROUP_MAX_DOCUMENTS: usize = 2_000;

/// The group letters: `letters[grid][metric][summarizer]`, `None` for a
/// corpus whose groups were not computed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Groups {
    /// Per grid, per metric, per summarizer: the group letter (empty when the
    /// summarizer has no scores for that metric).
    pub letters: Vec<Option<Vec<Vec<String>>>>,
    /// Why some corpora have no groups.
    pub notes: Vec<String>,
}

impl Groups {
    /// The letter of summarizer `s` under metric `m` in grid `g`, if computed.
    pub fn letter(&self, g: usize, m: usize, s: usize) -> Option<&str> {
        let letter = self.letters.get(g)?.as_ref()?.get(m)?.get(s)?;
        (!letter.is_empty()).then_some(letter.as_str())
    }
}

/// `A`…`Z`, then `AA`, `AB`, …
fn letter(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII")
}

/// The group letters of every grid (see the module documentation).
pub fn significance_groups(grids: &[ScoreGrid]) -> Groups {
    let mut notes = Vec::new();
    let mut records = Vec::new();
    let included: Vec<bool> = grids
        .iter()
        .map(|g| {
            let ok = g.doc_ids.len() <= GROUP_MAX_DOCUMENTS;
            if !ok {
                notes.push(format!(
                    "Corpus {}: no significance groups ({} documents, more than {GROUP_MAX_DOCUMENTS}); \
                     run `sumbench compare --within` on the run directory for the pairwise tests.",
                    g.corpus,
                    g.doc_ids.len()
                ));
            }
            ok
        })
        .collect();
    for grid in grids.iter().zip(&included).filter(|(_, ok)| **ok).map(|(grid, _)| grid) {
        for (s, summarizer) in grid.summarizers.iter().enumerate() {
            for (m, metric) in grid.metrics.iter().enumerate() {
                for (d, doc) in grid.doc_ids.iter().enumerate() {
                    if let Some(f) = grid.get(s, m, d) {
                        records.push(ScoreRecord {
                            corpus: grid.corpus.clone(),
                            doc_id: doc.clone(),
                            summarizer: summarizer.clone(),
                            metric: metric.clone(),
                            precision: f,
                            recall: f,
                            fmeasure: f,
                            budget: String::new(),
                        });
                    }
                }
            }
        }
    }
    let within = match compare_within_with(&records, CompareOptions::default(), WithIntervals::No) {
        Ok(within) => within,
        Err(e) => {
            notes.push(format!("No significance groups: {e}."));
            return Groups { letters: vec![None; grids.len()], notes };
        }
    };
    drop(records);
    let letters = grids
        .iter()
        .enumerate()
        .map(|(g, grid)| {
            included[g].then(|| {
                (0..grid.metrics.len())
                    .map(|m| {
                        let differs = |a: usize, b: usize| {
                            let (a, b) = (&grid.summarizers[a], &grid.summarizers[b]);
                            within.rows.iter().any(|r| {
                                r.corpus == grid.corpus
                                    && r.metric == grid.metrics[m]
                                    && ((&r.summarizer_a == a && &r.summarizer_b == b)
                                        || (&r.summarizer_a == b && &r.summarizer_b == a))
                                    && matches!(
                                        r.stats.verdict,
                                        Verdict::Improved
                                            | Verdict::Regressed
                                            | Verdict::Higher
                                            | Verdict::Lower
                                    )
                            })
                        };
                        let mut order: Vec<(usize, f64)> = (0..grid.summarizers.len())
                            .filter_map(|s| {
                                let v = grid.values(s, m);
                                (!v.is_empty()).then(|| (s, crate::report::stats::mean(&v)))
                            })
                            .collect();
                        order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                        let mut out = vec![String::new(); grid.summarizers.len()];
                        let mut group = 0;
                        let mut leader = order.first().map_or(0, |o| o.0);
                        for &(s, _) in &order {
                            if s != leader && differs(leader, s) {
                                group += 1;
                                leader = s;
                            }
                            out[s] = letter(group);
                        }
                        out
                    })
                    .collect()
            })
        })
        .collect();
    Groups { letters, notes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::grid::GridBuilder;

    #[test]
    fn letters_count_past_z() {
        assert_eq!([letter(0), letter(25), letter(26), letter(27)], ["A", "Z", "AA", "AB"]);
    }

    #[test]
    fn a_clearly_better_summarizer_gets_its_own_group() {
        let mut b = GridBuilder::new();
        for i in 0..30 {
            let base = 0.2 + f64::from(i % 5) * 0.01;
            for (s, f) in
                [("lead", base), ("kl", base + 0.001 * (f64::from(i % 3) - 1.0)), ("oracle", base + 0.3)]
            {
                b.add(&ScoreRecord {
                    corpus: "c".into(),
                    doc_id: format!("d{i}"),
                    summarizer: s.into(),
                    metric: "rouge1".into(),
                    precision: f,
                    recall: f,
                    fmeasure: f,
                    budget: String::new(),
                });
            }
        }
        let groups = significance_groups(&b.finish());
        let l = |s| groups.letter(0, 0, s).unwrap();
        assert_eq!((l(2), l(0), l(1)), ("A", "B", "B"));
    }
}
