//! [`ScoreGrid`]: one corpus's F per document × summarizer × metric, the
//! compact form the pages and the within-run tests are drawn from (8 bytes a
//! score, each document id once), built by streaming score records through a
//! [`GridBuilder`].

use rustc_hash::FxHashMap;

use crate::report::ScoreRecord;

/// One corpus's F scores: a column of documents per summarizer × metric.
#[derive(Debug, Clone, Default)]
pub struct ScoreGrid {
    /// Corpus name.
    pub corpus: String,
    /// Document ids, in first-appearance order.
    pub doc_ids: Vec<String>,
    /// Summarizers, in first-appearance order.
    pub summarizers: Vec<String>,
    /// Metrics, in first-appearance order.
    pub metrics: Vec<String>,
    index: FxHashMap<String, usize>,
    /// `columns[s][m][d]`: F of document `d` (NaN when it was not scored).
    columns: Vec<Vec<Vec<f64>>>,
}

impl ScoreGrid {
    /// An empty grid of corpus `corpus`.
    pub fn new(corpus: &str) -> Self {
        ScoreGrid { corpus: corpus.to_string(), ..ScoreGrid::default() }
    }

    /// Adds one score row of this corpus (a repeated row overwrites).
    pub fn add(&mut self, record: &ScoreRecord) {
        self.add_score(&record.doc_id, &record.summarizer, &record.metric, record.fmeasure);
    }

    /// Sets F of `doc_id` by `summarizer` under `metric` (a repeated cell overwrites).
    pub fn add_score(&mut self, doc_id: &str, summarizer: &str, metric: &str, fmeasure: f64) {
        let s = position(&mut self.summarizers, summarizer);
        let m = position(&mut self.metrics, metric);
        let docs = self.doc_ids.len();
        let d = match self.index.get(doc_id) {
            Some(&d) => d,
            None => {
                self.index.insert(doc_id.to_string(), docs);
                self.doc_ids.push(doc_id.to_string());
                for column in self.columns.iter_mut().flatten() {
                    column.push(f64::NAN);
                }
                docs
            }
        };
        let docs = self.doc_ids.len();
        while self.columns.len() <= s {
            self.columns.push(Vec::new());
        }
        for row in &mut self.columns {
            while row.len() < self.metrics.len() {
                row.push(vec![f64::NAN; docs]);
            }
        }
        self.columns[s][m][d] = fmeasure;
    }

    /// F of every document for summarizer `s` and metric `m` (NaN where not
    /// scored), indexed like [`ScoreGrid::doc_ids`].
    pub fn column(&self, s: usize, m: usize) -> &[f64] {
        self.columns.get(s).and_then(|row| row.get(m)).map_or(&[], Vec::as_slice)
    }

    /// The scored F values of summarizer `s` under metric `m`, in document order.
    pub fn values(&self, s: usize, m: usize) -> Vec<f64> {
        self.column(s, m).iter().copied().filter(|f| !f.is_nan()).collect()
    }

    /// F of document `d` for summarizer `s` under metric `m`, if scored.
    pub fn get(&self, s: usize, m: usize, d: usize) -> Option<f64> {
        self.column(s, m).get(d).copied().filter(|f| !f.is_nan())
    }

    /// The index of document `id`, if it was scored.
    pub fn doc(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
}

fn position(names: &mut Vec<String>, name: &str) -> usize {
    names.iter().position(|n| n == name).unwrap_or_else(|| {
        names.push(name.to_string());
        names.len() - 1
    })
}

/// Builds one [`ScoreGrid`] per corpus from score rows in any order.
#[derive(Debug, Default)]
pub struct GridBuilder {
    grids: Vec<ScoreGrid>,
}

impl GridBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        GridBuilder::default()
    }

    /// Adds one score row to its corpus's grid.
    pub fn add(&mut self, record: &ScoreRecord) {
        self.add_score(&record.corpus, &record.doc_id, &record.summarizer, &record.metric, record.fmeasure);
    }

    /// Sets F of `doc_id` of `corpus` by `summarizer` under `metric`.
    pub fn add_score(&mut self, corpus: &str, doc_id: &str, summarizer: &str, metric: &str, fmeasure: f64) {
        let g = match self.grids.iter().rposition(|g| g.corpus == corpus) {
            Some(g) => g,
            None => {
                self.grids.push(ScoreGrid::new(corpus));
                self.grids.len() - 1
            }
        };
        self.grids[g].add_score(doc_id, summarizer, metric, fmeasure);
    }

    /// The grid index and document index of `doc_id` of `corpus`, once scored.
    pub fn position(&self, corpus: &str, doc_id: &str) -> Option<(usize, usize)> {
        let g = self.grids.iter().rposition(|g| g.corpus == corpus)?;
        Some((g, self.grids[g].doc(doc_id)?))
    }

    /// The grids, in corpus first-appearance order.
    pub fn finish(self) -> Vec<ScoreGrid> {
        self.grids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(corpus: &str, doc: &str, s: &str, m: &str, f: f64) -> ScoreRecord {
        ScoreRecord {
            corpus: corpus.into(),
            doc_id: doc.into(),
            summarizer: s.into(),
            metric: m.into(),
            precision: f,
            recall: f,
            fmeasure: f,
            budget: String::new(),
        }
    }

    #[test]
    fn rows_land_in_their_cells_and_gaps_are_nan() {
        let mut b = GridBuilder::new();
        for r in [
            rec("c", "a", "lead", "r1", 0.1),
            rec("c", "a", "lead", "r2", 0.2),
            rec("c", "b", "kl", "r1", 0.3),
            rec("e", "z", "lead", "r1", 0.4),
        ] {
            b.add(&r);
        }
        let grids = b.finish();
        assert_eq!(grids.len(), 2);
        let g = &grids[0];
        assert_eq!(g.doc_ids, ["a", "b"]);
        assert_eq!(g.get(0, 1, 0), Some(0.2));
        assert_eq!(g.get(1, 0, 1), Some(0.3));
        assert_eq!(g.get(1, 0, 0), None);
        assert_eq!(g.values(0, 0), [0.1]);
        assert_eq!(g.column(1, 1).len(), 2);
    }
}
