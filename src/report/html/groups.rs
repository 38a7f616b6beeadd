//! The summary table's significance groups, from the library's within-run
//! comparison ([`compare_within_grids`]: the tests `sumbench compare --within`
//! prints, with its default seed and α, without the intervals), on corpora of
//! up to [`GROUP_MAX_DOCUMENTS`] documents.
//!
//! Per corpus × metric, summarizers are taken by mean F, best first. The best
//! opens group `A`; each next summarizer joins the current group when the
//! paired test finds it not significantly different from the group's first
//! (best) member, and otherwise opens the next group (`B`, `C`, …). So one
//! letter means "not significantly below this group's best", and a letter
//! change means a significant drop. Holm's correction runs over every pair of
//! every corpus × metric together, exactly as in `compare --within`.

use crate::report::compare::{CompareOptions, Verdict, WithIntervals, compare_within_grids};
use crate::report::grid::ScoreGrid;

/// Groups are computed for corpora of at most this many documents. The tests
/// themselves cost little at any size (a few seconds at 60,000 documents), but
/// they need the page's scores again in document-id order: 8 bytes per score,
/// 123 MB more at the 296,000 documents of a gigabyte of news. Larger corpora
/// show no letters and the page says so (`sumbench compare --within` gives them).
pub const GROUP_MAX_DOCUMENTS: usize = 100_000;

/// The group letters: `letters[grid][metric][summarizer]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Groups {
    /// Per grid, per metric, per summarizer: the group letter (empty when the
    /// summarizer has no scores for that metric, or the corpus is too large).
    pub letters: Vec<Vec<Vec<String>>>,
    /// Why some corpora have no groups.
    pub notes: Vec<String>,
}

impl Groups {
    /// The letter of summarizer `s` under metric `m` in grid `g`, if it has scores.
    pub fn letter(&self, g: usize, m: usize, s: usize) -> Option<&str> {
        let letter = self.letters.get(g)?.get(m)?.get(s)?;
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
    let (included, excluded): (Vec<&ScoreGrid>, Vec<&ScoreGrid>) =
        grids.iter().partition(|grid| grid.doc_ids.len() <= GROUP_MAX_DOCUMENTS);
    let notes = excluded
        .iter()
        .map(|grid| {
            format!(
                "Corpus {}: no significance groups ({} documents, more than {GROUP_MAX_DOCUMENTS}); \
                 run `sumbench compare --within` on the run directory for the pairwise tests.",
                grid.corpus,
                grid.doc_ids.len()
            )
        })
        .collect();
    let within = compare_within_grids(&included, CompareOptions::default(), WithIntervals::No);
    // differs[g][m][a · summarizers + b]: whether a and b differ significantly.
    let mut differs: Vec<Vec<Vec<bool>>> = grids
        .iter()
        .map(|grid| vec![vec![false; grid.summarizers.len().pow(2)]; grid.metrics.len()])
        .collect();
    for row in &within.rows {
        let significant = matches!(
            row.stats.verdict,
            Verdict::Improved | Verdict::Regressed | Verdict::Higher | Verdict::Lower
        );
        let Some(g) = grids.iter().position(|grid| grid.corpus == row.corpus) else { continue };
        let grid = &grids[g];
        let place = |name: &str| grid.summarizers.iter().position(|s| s == name);
        if let (Some(m), Some(a), Some(b)) = (
            grid.metrics.iter().position(|m| *m == row.metric),
            place(&row.summarizer_a),
            place(&row.summarizer_b),
        ) {
            let count = grid.summarizers.len();
            differs[g][m][a * count + b] = significant;
            differs[g][m][b * count + a] = significant;
        }
    }
    let letters = grids
        .iter()
        .zip(&differs)
        .map(|(grid, differs)| {
            if grid.doc_ids.len() > GROUP_MAX_DOCUMENTS {
                return vec![vec![String::new(); grid.summarizers.len()]; grid.metrics.len()];
            }
            (0..grid.metrics.len())
                .map(|m| {
                    let count = grid.summarizers.len();
                    let mut order: Vec<(usize, f64)> = (0..count)
                        .filter_map(|s| {
                            let v = grid.values(s, m);
                            (!v.is_empty()).then(|| (s, crate::report::stats::mean(&v)))
                        })
                        .collect();
                    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                    let mut out = vec![String::new(); count];
                    let mut group = 0;
                    let mut leader = order.first().map_or(0, |o| o.0);
                    for &(s, _) in &order {
                        if s != leader && differs[m][leader * count + s] {
                            group += 1;
                            leader = s;
                        }
                        out[s] = letter(group);
                    }
                    out
                })
                .collect()
        })
        .collect();
    Groups { letters, notes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ScoreRecord;
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

    #[test]
    fn a_corpus_past_the_bound_gets_no_letters_and_a_note() {
        let mut b = GridBuilder::new();
        for (corpus, docs) in [("small", 30), ("large", GROUP_MAX_DOCUMENTS + 1)] {
            for d in 0..docs {
                for (s, f) in [("lead", 0.2), ("oracle", 0.5)] {
                    b.add_score(corpus, &format!("d{d}"), s, "rouge1", f + (d % 7) as f64 * 0.01);
                }
            }
        }
        let groups = significance_groups(&b.finish());
        assert_eq!((groups.letter(0, 0, 1), groups.letter(0, 0, 0)), (Some("A"), Some("B")));
        assert_eq!((groups.letter(1, 0, 0), groups.letter(1, 0, 1)), (None, None));
        assert_eq!(groups.notes.len(), 1);
        assert!(
            groups.notes[0].starts_with("Corpus large: no significance groups (100001 documents"),
            "{:?}",
            groups.notes
        );
    }
}
