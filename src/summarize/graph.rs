//! PageRank-style power iteration shared by LexRank and TextRank, and the
//! sentence-count cap that keeps the quadratic graph summarizers bounded.
//!
//! Owns: a weighted sentence graph and its stationary scores. Never knows
//! which similarity built the graph.
//!
//! The iteration is the one both papers write (TextRank eq. 2, Mihalcea &
//! Tarau 2004; LexRank eq. 5/7, Erkan & Radev 2004), on the probability
//! scale:
//!
//! `p(j) ← (1 − d)/N + d · Σ_{i→j} w_ij / (Σ_k w_ik) · p(i)`
//!
//! where `d` is the probability of following an edge (TextRank's `d`;
//! LexRank's paper writes the jump probability, `1 − d`). A node without
//! out-edges passes nothing on, exactly as the formula reads. It starts from
//! the uniform vector and stops when no node's score, on TextRank's scale
//! (`N · p`, mean 1), moves by `tolerance` or more, or after `max_iterations`.

use std::ops::Range;

/// Above this many sentences the graph summarizers split the document into
/// consecutive blocks of at most this many sentences (see [`blocks`]).
pub(crate) const DEFAULT_MAX_SENTENCES: usize = 2000;

/// A weighted directed graph over `0..n` in compressed sparse row form.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    /// `offsets[i]..offsets[i + 1]` are node `i`'s out-edges in `edges`.
    offsets: Vec<usize>,
    /// `(target, weight)` out-edges.
    edges: Vec<(u32, f64)>,
}

impl Graph {
    /// The graph of `n` nodes with each undirected edge `(i, j, w)` (i ≠ j,
    /// w > 0) in both directions, plus a self-loop of weight `self_loops[i]`
    /// where that is positive (`self_loops` empty: no self-loops).
    pub fn undirected(n: usize, edges: &[(u32, u32, f64)], self_loops: &[f64]) -> Self {
        let mut degree = vec![0usize; n + 1];
        for &(i, j, _) in edges {
            degree[i as usize + 1] += 1;
            degree[j as usize + 1] += 1;
        }
        for (i, &w) in self_loops.iter().enumerate() {
            if w > 0.0 {
                degree[i + 1] += 1;
            }
        }
        for i in 0..n {
            degree[i + 1] += degree[i];
        }
        let offsets = degree;
        let mut fill = offsets.clone();
        let mut out = vec![(0u32, 0.0); offsets[n]];
        let mut push = |from: usize, to: u32, w: f64| {
            out[fill[from]] = (to, w);
            fill[from] += 1;
        };
        for (i, &w) in self_loops.iter().enumerate() {
            if w > 0.0 {
                push(i, i as u32, w);
            }
        }
        for &(i, j, w) in edges {
            push(i as usize, j, w);
            push(j as usize, i, w);
        }
        Graph { offsets, edges: out }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The stationary scores `p` (see the module docs), summing to at most 1.
    pub fn pagerank(&self, damping: f64, tolerance: f64, max_iterations: usize) -> Vec<f64> {
        let n = self.len();
        if n == 0 {
            return Vec::new();
        }
        let nf = n as f64;
        // Each node's share factor d / Σ_k w_ik (0 for a node without out-edges).
        let share: Vec<f64> = (0..n)
            .map(|i| {
                let out: f64 = self.edges[self.offsets[i]..self.offsets[i + 1]].iter().map(|e| e.1).sum();
                if out > 0.0 { damping / out } else { 0.0 }
            })
            .collect();
        let mut p = vec![1.0 / nf; n];
        let mut next = vec![0.0; n];
        for _ in 0..max_iterations {
            next.fill((1.0 - damping) / nf);
            for i in 0..n {
                let flow = p[i] * share[i];
                if flow != 0.0 {
                    for &(j, w) in &self.edges[self.offsets[i]..self.offsets[i + 1]] {
                        next[j as usize] += flow * w;
                    }
                }
            }
            let change = p.iter().zip(&next).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
            std::mem::swap(&mut p, &mut next);
            if change * nf < tolerance {
                break;
            }
        }
        p
    }
}

/// Splits `0..n` into the fewest consecutive blocks of at most `max` sentences
/// (`max` 0 counts as 1), of sizes differing by at most one. A document of up
/// to `max` sentences is one block.
pub(crate) fn blocks(n: usize, max: usize) -> Vec<Range<usize>> {
    let count = block_count(n, max);
    let (base, extra) = (n / count, n % count);
    let mut start = 0;
    (0..count)
        .map(|b| {
            let len = base + usize::from(b < extra);
            let block = start..start + len;
            start += len;
            block
        })
        .collect()
}

/// How many [`blocks`] `0..n` splits into.
fn block_count(n: usize, max: usize) -> usize {
    n.div_ceil(max.max(1)).max(1)
}

/// The run-report note of a summarizer that ranks a document of `n`
/// sentences in [`blocks`] of at most `max`: `None` when it is one block.
pub(crate) fn blocks_note(n: usize, max: usize) -> Option<String> {
    let count = block_count(n, max);
    (count > 1).then(|| {
        format!("{n} sentences: ranked in {count} blocks of at most {} (an approximation)", max.max(1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagerank_on_a_path_of_three_matches_the_hand_solution() {
        // Undirected path 0 — 1 — 2, unit weights, d = 0.85, N = 3.
        // Out-degrees: 1, 2, 1. With symmetry p0 = p2 = a, p1 = b:
        //   a = 0.05 + 0.85 · b/2
        //   b = 0.05 + 0.85 · (a + a)      (each end gives all it has to 1)
        // → a = 0.05 + 0.425 (0.05 + 1.7 a) = 0.07125 + 0.7225 a
        // → a = 0.07125 / 0.2775 = 0.256756…, b = 0.05 + 1.7 a = 0.486486…
        let g = Graph::undirected(3, &[(0, 1, 1.0), (1, 2, 1.0)], &[]);
        let p = g.pagerank(0.85, 1e-12, 1000);
        let a = 0.07125 / 0.2775;
        let b = 0.05 + 1.7 * a;
        assert!((p[0] - a).abs() < 1e-9 && (p[2] - a).abs() < 1e-9, "{p:?}");
        assert!((p[1] - b).abs() < 1e-9, "{p:?}");
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn weighted_triangle_with_self_loops_matches_the_hand_solution() {
        // Nodes 0,1,2; edges 0–1 weight 2, 1–2 weight 1; self-loop weight 1 on
        // every node; d = 1 (no jump), i.e. a random walk on the weights.
        // Weighted degrees (incl. loops): 3, 4, 2. For a reversible walk the
        // stationary law is proportional to the degree: 3/9, 4/9, 2/9.
        let g = Graph::undirected(3, &[(0, 1, 2.0), (1, 2, 1.0)], &[1.0, 1.0, 1.0]);
        let p = g.pagerank(1.0, 1e-13, 10_000);
        for (got, want) in p.iter().zip([3.0 / 9.0, 4.0 / 9.0, 2.0 / 9.0]) {
            assert!((got - want).abs() < 1e-9, "{p:?}");
        }
    }

    #[test]
    fn isolated_nodes_keep_only_the_jump_mass() {
        // No edges: p = (1 − d)/N = 0.075 for each node after one step, and stays.
        let g = Graph::undirected(2, &[], &[]);
        assert!(g.pagerank(0.85, 1e-9, 100).iter().all(|&x| (x - 0.075).abs() < 1e-15));
        assert!(Graph::undirected(0, &[], &[]).pagerank(0.85, 1e-9, 100).is_empty());
    }

    #[test]
    fn blocks_note_only_when_split() {
        assert_eq!(blocks_note(5, 5), None);
        assert_eq!(
            blocks_note(5, 2).as_deref(),
            Some("5 sentences: ranked in 3 blocks of at most 2 (an approximation)")
        );
    }

    #[test]
    fn blocks_are_balanced_and_cover_everything() {
        assert_eq!(blocks(5, 10), vec![(0..5)]);
        assert_eq!(blocks(0, 10), vec![(0..0)]);
        assert_eq!(blocks(5, 2), [0..2, 2..4, 4..5]);
        assert_eq!(blocks(7, 3), [0..3, 3..5, 5..7]);
    }
}
