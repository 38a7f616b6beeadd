//! The three levels at which a metric is correlated with human judgments
//! (Deutsch, Dror & Roth 2021; SacreROUGE's `system_level_corr`,
//! `summary_level_corr` and `global_corr`), over a [`Grid`] of
//! systems × documents.
//!
//! Owns: aligning score maps into a grid (only cells present in every map
//! count) and the level correlations over any selection of its rows and
//! columns (the bootstrap passes resampled ones). Never draws random numbers.

use std::collections::{BTreeMap, BTreeSet};

use super::correlation::Coefficient;
use super::scores::Cell;

/// Where the correlation is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Per system the mean over its documents; one correlation across systems.
    System,
    /// Per document the correlation across systems; the mean over the documents
    /// whose correlation is defined.
    Summary,
    /// One correlation across all (system, document) cells.
    Global,
}

impl Level {
    /// Every level, in report order.
    pub const ALL: [Level; 3] = [Level::System, Level::Summary, Level::Global];

    /// The name in `meta.csv`: `system`, `summary` or `global`.
    pub fn name(self) -> &'static str {
        match self {
            Level::System => "system",
            Level::Summary => "summary",
            Level::Global => "global",
        }
    }
}

/// Systems × documents with one matrix of values per variable (e.g. a metric
/// and a judgment dimension), row-major, `NaN` where a cell is missing. A cell
/// is present in every variable or in none.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Row names, sorted.
    pub systems: Vec<String>,
    /// Column names, sorted.
    pub documents: Vec<String>,
    /// One `systems.len() × documents.len()` matrix per variable.
    pub values: Vec<Vec<f64>>,
}

impl Grid {
    /// The grid of the cells present in every map of `variables`; its systems
    /// and documents are those with at least one such cell.
    pub fn aligned(variables: &[&BTreeMap<Cell, f64>]) -> Grid {
        let common: Vec<&Cell> = match variables.split_first() {
            None => Vec::new(),
            Some((first, rest)) => {
                first.keys().filter(|cell| rest.iter().all(|m| m.contains_key(*cell))).collect()
            }
        };
        let systems: Vec<String> =
            common.iter().map(|c| c.0.clone()).collect::<BTreeSet<_>>().into_iter().collect();
        let documents: Vec<String> =
            common.iter().map(|c| c.1.clone()).collect::<BTreeSet<_>>().into_iter().collect();
        let row: BTreeMap<&str, usize> = systems.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect();
        let col: BTreeMap<&str, usize> = documents.iter().enumerate().map(|(i, d)| (d.as_str(), i)).collect();
        let width = documents.len();
        let mut values = vec![vec![f64::NAN; systems.len() * width]; variables.len()];
        for cell in common {
            let at = row[cell.0.as_str()] * width + col[cell.1.as_str()];
            for (matrix, map) in values.iter_mut().zip(variables) {
                matrix[at] = map[cell];
            }
        }
        Grid { systems, documents, values }
    }

    /// Number of present cells.
    pub fn cells(&self) -> usize {
        self.values.first().map_or(0, |m| m.iter().filter(|v| !v.is_nan()).count())
    }
}

/// A correlation and the number of items it was taken over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured {
    /// The coefficient; `NaN` when undefined.
    pub value: f64,
    /// Systems (system level), documents with a defined correlation (summary
    /// level) or cells (global level).
    pub n: usize,
}

/// The `level` correlation of `x` with `z` (row-major matrices `width`
/// documents wide, `NaN` for a missing cell, missing in both), over the rows
/// `rows` and columns `cols` (repeats allowed: the bootstrap's resamples).
///
/// - system: per row, the means of its present cells over `cols` (rows with none
///   are left out); `coefficient` across rows; `n` = rows used.
/// - summary: per column, `coefficient` across the present cells of `rows`;
///   the mean of the defined ones (`NaN` if none); `n` = columns averaged.
/// - global: `coefficient` across all present cells; `n` = cells.
///
/// Means are summed left to right.
#[allow(clippy::too_many_arguments)]
pub fn correlate(
    level: Level,
    coefficient: Coefficient,
    x: &[f64],
    z: &[f64],
    width: usize,
    rows: &[usize],
    cols: &[usize],
) -> Measured {
    let (mut xs, mut zs) = (Vec::new(), Vec::new());
    match level {
        Level::System => {
            for &r in rows {
                let (mut sx, mut sz, mut count) = (0.0, 0.0, 0usize);
                for &c in cols {
                    let at = r * width + c;
                    if !x[at].is_nan() {
                        sx += x[at];
                        sz += z[at];
                        count += 1;
                    }
                }
                if count > 0 {
                    xs.push(sx / count as f64);
                    zs.push(sz / count as f64);
                }
            }
            Measured { value: coefficient.of(&xs, &zs), n: xs.len() }
        }
        Level::Summary => {
            let (mut sum, mut defined) = (0.0, 0usize);
            for &c in cols {
                xs.clear();
                zs.clear();
                for &r in rows {
                    let at = r * width + c;
                    if !x[at].is_nan() {
                        xs.push(x[at]);
                        zs.push(z[at]);
                    }
                }
                let value = coefficient.of(&xs, &zs);
                if !value.is_nan() {
                    sum += value;
                    defined += 1;
                }
            }
            let value = if defined == 0 { f64::NAN } else { sum / defined as f64 };
            Measured { value, n: defined }
        }
        Level::Global => {
            for &r in rows {
                for &c in cols {
                    let at = r * width + c;
                    if !x[at].is_nan() {
                        xs.push(x[at]);
                        zs.push(z[at]);
                    }
                }
            }
            Measured { value: coefficient.of(&xs, &zs), n: xs.len() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(cells: &[(&str, &str, f64)]) -> BTreeMap<Cell, f64> {
        cells.iter().map(|(s, d, v)| ((s.to_string(), d.to_string()), *v)).collect()
    }

    #[test]
    fn aligned_keeps_common_cells_only() {
        let a = map(&[("A", "d1", 0.1), ("A", "d2", 0.2), ("B", "d1", 0.3), ("C", "d9", 0.5)]);
        let b = map(&[("A", "d1", 1.0), ("A", "d2", 2.0), ("B", "d1", 3.0), ("B", "d2", 4.0)]);
        let grid = Grid::aligned(&[&a, &b]);
        assert_eq!(grid.systems, ["A", "B"]);
        assert_eq!(grid.documents, ["d1", "d2"]);
        assert_eq!(grid.cells(), 3);
        assert_eq!(grid.values[1][..3], [1.0, 2.0, 3.0]);
        assert!(grid.values[0][3].is_nan() && grid.values[1][3].is_nan());
    }

    #[test]
    fn levels_by_hand() {
        // 3 systems × 2 documents.
        let x = [0.1, 0.3, 0.2, 0.2, 0.3, 0.5];
        let z = [1.0, 3.0, 2.0, 1.0, 3.0, 4.0];
        let all = |n: usize| (0..n).collect::<Vec<_>>();
        // System means: x = 0.2, 0.2, 0.4; z = 2, 1.5, 3.5. τ-b: pairs (A,B) tied in x,
        // (A,C) and (B,C) concordant: 2 / sqrt(2 · 3).
        let m = correlate(Level::System, Coefficient::Kendall, &x, &z, 2, &all(3), &all(2));
        assert_eq!(m.n, 3);
        assert!((m.value - 2.0 / 6f64.sqrt()).abs() < 1e-15);
        // Document 1: x = 0.1, 0.2, 0.3 vs z = 1, 2, 3 → 1; document 2: x = 0.3, 0.2, 0.5 vs
        // z = 3, 1, 4 → 1. Mean 1.
        let m = correlate(Level::Summary, Coefficient::Kendall, &x, &z, 2, &all(3), &all(2));
        assert_eq!((m.value, m.n), (1.0, 2));
        let m = correlate(Level::Global, Coefficient::Pearson, &x, &z, 2, &all(3), &all(2));
        assert_eq!(m.n, 6);
    }
}
