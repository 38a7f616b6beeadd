//! The bounded set of documents a page embeds: every summarizer's best and
//! worst document on each corpus (by the first metric's F), then a seeded
//! sample of the rest, [`super::MAX_DOCUMENTS`] in all at most. The CSV stays
//! the full record; the page says how many documents it embeds.

use std::collections::HashMap;

use super::grid::ScoreGrid;
use crate::report::bootstrap::keyed_rng;

/// One embedded document and why it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    /// Index of its corpus's grid.
    pub corpus: usize,
    /// Index of the document in that grid.
    pub doc: usize,
    /// Why it is embedded (`best of lead (rouge1)`, `seeded sample`, …).
    pub reasons: Vec<String>,
}

/// The best and the worst document of summarizer `s` under metric `m` (the
/// first of equals), if it scored any.
pub fn extremes(grid: &ScoreGrid, s: usize, m: usize) -> Option<(usize, usize)> {
    let column = grid.column(s, m);
    let scored = || column.iter().enumerate().filter(|(_, f)| !f.is_nan());
    let best = scored().fold(None, |acc: Option<(usize, f64)>, (d, &f)| match acc {
        Some((_, b)) if b >= f => acc,
        _ => Some((d, f)),
    })?;
    let worst = scored().fold(None, |acc: Option<(usize, f64)>, (d, &f)| match acc {
        Some((_, w)) if w <= f => acc,
        _ => Some((d, f)),
    })?;
    Some((best.0, worst.0))
}

/// At most `max` documents: the extremes first (in corpus and summarizer
/// order), then a sample seeded by `seed`; sorted by corpus and document.
pub fn choose_documents(grids: &[ScoreGrid], seed: u64, max: usize) -> Vec<Chosen> {
    let mut chosen: Vec<Chosen> = Vec::new();
    let mut at: HashMap<(usize, usize), usize> = HashMap::new();
    let mut add = |chosen: &mut Vec<Chosen>, g: usize, d: usize, reason: String| {
        if let Some(&i) = at.get(&(g, d)) {
            chosen[i].reasons.push(reason);
        } else if chosen.len() < max {
            at.insert((g, d), chosen.len());
            chosen.push(Chosen { corpus: g, doc: d, reasons: vec![reason] });
        }
    };
    for (g, grid) in grids.iter().enumerate() {
        let Some(metric) = grid.metrics.first() else { continue };
        for (s, summarizer) in grid.summarizers.iter().enumerate() {
            if let Some((best, worst)) = extremes(grid, s, 0) {
                add(&mut chosen, g, best, format!("best of {summarizer} ({metric})"));
                add(&mut chosen, g, worst, format!("worst of {summarizer} ({metric})"));
            }
        }
    }
    let mut rest: Vec<(usize, usize)> = grids
        .iter()
        .enumerate()
        .flat_map(|(g, grid)| (0..grid.doc_ids.len()).map(move |d| (g, d)))
        .filter(|key| !at_contains(&chosen, *key))
        .collect();
    let room = max.saturating_sub(chosen.len()).min(rest.len());
    if room > 0 {
        use rand::RngExt;
        let mut rng = keyed_rng(seed, &["html-sample"]);
        // A partial Fisher–Yates shuffle: the first `room` entries are the sample.
        for i in 0..room {
            let j = rng.random_range(i..rest.len());
            rest.swap(i, j);
        }
        for &(g, d) in &rest[..room] {
            add(&mut chosen, g, d, "seeded sample".to_string());
        }
    }
    chosen.sort_by_key(|c| (c.corpus, c.doc));
    chosen
}

fn at_contains(chosen: &[Chosen], (g, d): (usize, usize)) -> bool {
    chosen.iter().any(|c| c.corpus == g && c.doc == d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ScoreRecord;
    use crate::report::html::GridBuilder;

    fn grid(docs: usize) -> Vec<ScoreGrid> {
        let mut b = GridBuilder::new();
        for d in 0..docs {
            for s in ["lead", "kl"] {
                let f = ((d * 37 + s.len()) % 101) as f64 / 100.0;
                b.add(&ScoreRecord {
                    corpus: "c".into(),
                    doc_id: format!("doc{d}"),
                    summarizer: s.into(),
                    metric: "rouge1".into(),
                    precision: f,
                    recall: f,
                    fmeasure: f,
                    budget: String::new(),
                });
            }
        }
        b.finish()
    }

    #[test]
    fn bounded_with_extremes_and_deterministic() {
        let grids = grid(1000);
        let chosen = choose_documents(&grids, 7, 50);
        assert_eq!(chosen.len(), 50);
        for s in 0..2 {
            let (best, worst) = extremes(&grids[0], s, 0).unwrap();
            assert!(chosen.iter().any(|c| c.doc == best && c.reasons[0].starts_with("best")));
            assert!(chosen.iter().any(|c| c.doc == worst));
        }
        assert_eq!(chosen, choose_documents(&grids, 7, 50));
        assert_ne!(chosen, choose_documents(&grids, 8, 50));
        assert_eq!(choose_documents(&grid(10), 7, 50).len(), 10);
    }
}
