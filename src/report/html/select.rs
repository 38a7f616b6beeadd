//! The bounded set of documents a page embeds: every summarizer's best and
//! worst document on each corpus (by the first metric's F), then a seeded
//! sample of the rest (the documents with the smallest [`sample_key`]s, so a
//! run can keep the candidates while it streams: see `collect.rs`),
//! [`super::MAX_DOCUMENTS`] in all at most, and sampled
//! documents only while the embedded texts stay within
//! [`super::MAX_EMBEDDED_BYTES`] ([`within_budget`]). The CSV stays the full
//! record; the page says how many documents it embeds.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::run_page::DocumentDetail;
use crate::report::grid::ScoreGrid;

/// A document's place in the seeded sample: smaller comes first.
pub type SampleKey = u64;

/// The sample key of document `doc_id` of `corpus` under `seed`: the first 8
/// bytes of SHA-256 over the seed and the length-prefixed names, so it
/// depends on nothing but the document (not on the order or the thread
/// count of the run, nor on the other documents).
pub fn sample_key(seed: u64, corpus: &str, doc_id: &str) -> SampleKey {
    let mut hasher = Sha256::new();
    hasher.update(seed.to_le_bytes());
    for part in ["html-sample", corpus, doc_id] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    let digest = hasher.finalize();
    u64::from_le_bytes(digest[..8].try_into().expect("8 bytes"))
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

/// One embedded document and why it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    /// Index of its corpus's grid.
    pub corpus: usize,
    /// Index of the document in that grid.
    pub doc: usize,
    /// Why it is embedded (`best of lead (rouge1)`, `seeded sample`, …).
    pub reasons: Vec<String>,
    /// Its place in the seeded sample; `None` for a best or worst document.
    pub sample: Option<usize>,
}

/// At most `max` documents: the extremes first (in corpus and summarizer
/// order), then the rest with the smallest [`sample_key`]s under `seed`;
/// sorted by corpus and document.
pub fn choose_documents(grids: &[ScoreGrid], seed: u64, max: usize) -> Vec<Chosen> {
    let mut chosen: Vec<Chosen> = Vec::new();
    let mut at: HashMap<(usize, usize), usize> = HashMap::new();
    let mut add = |chosen: &mut Vec<Chosen>, g: usize, d: usize, reason: String| {
        if let Some(&i) = at.get(&(g, d)) {
            chosen[i].reasons.push(reason);
        } else if chosen.len() < max {
            at.insert((g, d), chosen.len());
            chosen.push(Chosen { corpus: g, doc: d, reasons: vec![reason], sample: None });
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
    let mut rest: Vec<(SampleKey, usize, usize)> = grids
        .iter()
        .enumerate()
        .flat_map(|(g, grid)| {
            grid.doc_ids.iter().enumerate().map(move |(d, id)| (sample_key(seed, &grid.corpus, id), g, d))
        })
        .filter(|&(_, g, d)| !at_contains(&chosen, (g, d)))
        .collect();
    let room = max.saturating_sub(chosen.len()).min(rest.len());
    if room > 0 {
        rest.select_nth_unstable(room - 1);
        rest[..room].sort_unstable();
        for (place, &(_, g, d)) in rest[..room].iter().enumerate() {
            add(&mut chosen, g, d, "seeded sample".to_string());
            if let Some(last) = chosen.last_mut() {
                last.sample = Some(place);
            }
        }
    }
    chosen.sort_by_key(|c| (c.corpus, c.doc));
    chosen
}

/// The bytes of text `detail` puts on the page: its (cut) document text, its
/// references and summaries (each cut at [`super::MAX_SUMMARY_BYTES`]).
fn embedded_bytes(detail: &DocumentDetail) -> usize {
    let cut = |text: &str| text.len().min(super::MAX_SUMMARY_BYTES);
    detail.text.as_ref().map_or(0, |t| t.text.len())
        + detail.references.iter().map(|r| cut(r)).sum::<usize>()
        + detail.summaries.iter().map(|s| cut(&s.text)).sum::<usize>()
}

/// `documents` (with their places in the sample, as [`Chosen::sample`])
/// without the sampled ones that would take the embedded text past `budget`
/// bytes, dropped from the end of the sample, so the rest is still a seeded
/// sample. Best and worst documents always stay.
pub fn within_budget(documents: Vec<(DocumentDetail, Option<usize>)>, budget: usize) -> Vec<DocumentDetail> {
    let mut total: usize = documents.iter().map(|(d, _)| embedded_bytes(d)).sum();
    let mut by_place: Vec<(usize, usize)> =
        documents.iter().enumerate().filter_map(|(i, (_, place))| place.map(|p| (p, i))).collect();
    by_place.sort_unstable();
    let mut keep = vec![true; documents.len()];
    while total > budget {
        let Some((_, i)) = by_place.pop() else { break };
        keep[i] = false;
        total -= embedded_bytes(&documents[i].0);
    }
    documents.into_iter().zip(keep).filter(|(_, keep)| *keep).map(|((d, _), _)| d).collect()
}

fn at_contains(chosen: &[Chosen], (g, d): (usize, usize)) -> bool {
    chosen.iter().any(|c| c.corpus == g && c.doc == d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ScoreRecord;
    use crate::report::grid::GridBuilder;

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
        // Places in the sample: 0, 1, … for the sampled ones only.
        let mut places: Vec<usize> = chosen.iter().filter_map(|c| c.sample).collect();
        places.sort_unstable();
        assert_eq!(places, (0..places.len()).collect::<Vec<_>>());
        assert!(chosen.iter().all(|c| c.sample.is_some() == (c.reasons == ["seeded sample"])));
    }

    fn detail(doc: usize, bytes: usize) -> DocumentDetail {
        DocumentDetail {
            corpus: 0,
            doc,
            reasons: Vec::new(),
            text: None,
            references: vec!["r".repeat(bytes)],
            summaries: Vec::new(),
        }
    }

    #[test]
    fn the_budget_drops_sampled_documents_from_the_end_of_the_sample() {
        // Two extremes of 100 bytes, four sampled documents of 100 bytes at places 2, 0, 3, 1.
        let docs = || {
            vec![
                (detail(0, 100), None),
                (detail(1, 100), Some(2)),
                (detail(2, 100), Some(0)),
                (detail(3, 100), None),
                (detail(4, 100), Some(3)),
                (detail(5, 100), Some(1)),
            ]
        };
        let kept = |budget| within_budget(docs(), budget).iter().map(|d| d.doc).collect::<Vec<_>>();
        assert_eq!(kept(600), [0, 1, 2, 3, 4, 5]);
        // 450 bytes: places 3 and 2 go (docs 4 and 1).
        assert_eq!(kept(450), [0, 2, 3, 5]);
        // Below the extremes alone: every sampled one goes, the extremes stay.
        assert_eq!(kept(10), [0, 3]);
    }
}
