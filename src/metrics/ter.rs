//! TER as sacreBLEU 2.6.0 computes it (`sacrebleu/metrics/ter.py`,
//! `lib_ter.py`, after Tercom): the fewest edits (insertions, deletions,
//! substitutions, and shifts of word runs) turning the candidate into a
//! reference, over the reference length. Shifts are chosen greedily as
//! Tercom does (at most 10 words, at most 50 positions, at most 1000
//! candidates per segment), the edit distance in a beam around the diagonal.
//! sacreBLEU's row cache only saves time and is left out.

use super::tercom::{TerOptions, tercom_tokenize};

const MAX_SHIFT_SIZE: usize = 10;
const MAX_SHIFT_DIST: usize = 50;
const BEAM_WIDTH: usize = 25;
const MAX_SHIFT_CANDIDATES: usize = 1000;
const INT_INFINITY: i64 = 10_000_000_000_000_000;

/// One edit operation of the distance matrix, as `lib_ter.py` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    /// Consumes a reference word (`i`).
    Ins,
    /// Consumes a candidate word (`d`).
    Del,
    /// Consumes one of each, equal (` `).
    Nop,
    /// Consumes one of each, different (`s`).
    Sub,
    /// Never reached (`x`).
    Undef,
}

/// A segment's TER statistics: the fewest edits against any reference and
/// the mean reference length (sacreBLEU's `[best_num_edits, avg_ref_len]`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TerStats {
    /// Edits (shifts included).
    pub edits: f64,
    /// Mean reference length in words.
    pub ref_length: f64,
}

/// Equality is total: the fields are counts and means of counts, never NaN.
impl Eq for TerStats {}

impl std::ops::AddAssign for TerStats {
    fn add_assign(&mut self, other: TerStats) {
        self.edits += other.edits;
        self.ref_length += other.ref_length;
    }
}

impl TerStats {
    /// sacreBLEU's `TER._compute_score_from_stats`: 100 · edits / length;
    /// with no reference words, 100 if there are edits, else 0.
    pub fn score(&self) -> f64 {
        let score = if self.ref_length > 0.0 {
            self.edits / self.ref_length
        } else if self.edits > 0.0 {
            1.0
        } else {
            0.0
        };
        100.0 * score
    }
}

/// The edit distance (and its trace, candidate to reference) of `hyp`
/// against `reference`: `BeamEditDistance` without its cache.
fn edit_distance(hyp: &[&str], reference: &[&str]) -> (i64, Vec<Op>) {
    let (n_hyp, n_ref) = (hyp.len(), reference.len());
    let mut dist = vec![vec![(INT_INFINITY, Op::Undef); n_ref + 1]; n_hyp + 1];
    for (j, cell) in dist[0].iter_mut().enumerate() {
        *cell = (j as i64, Op::Ins);
    }
    let length_ratio = if hyp.is_empty() { 1.0 } else { n_ref as f64 / n_hyp as f64 };
    let beam_width = if (BEAM_WIDTH as f64) < length_ratio / 2.0 {
        (length_ratio / 2.0 + BEAM_WIDTH as f64).ceil() as i64
    } else {
        BEAM_WIDTH as i64
    };
    for i in 1..=n_hyp {
        let pseudo_diag = (i as f64 * length_ratio).floor() as i64;
        let min_j = (pseudo_diag - beam_width).max(0) as usize;
        let mut max_j = ((n_ref + 1) as i64).min(pseudo_diag + beam_width).max(0) as usize;
        if i == n_hyp {
            max_j = n_ref + 1;
        }
        for j in min_j..max_j {
            if j == 0 {
                dist[i][j] = (dist[i - 1][j].0 + 1, Op::Del);
                continue;
            }
            let (cost_sub, op_sub) = if hyp[i - 1] == reference[j - 1] { (0, Op::Nop) } else { (1, Op::Sub) };
            let options = [
                (dist[i - 1][j - 1].0 + cost_sub, op_sub),
                (dist[i - 1][j].0 + 1, Op::Del),
                (dist[i][j - 1].0 + 1, Op::Ins),
            ];
            for (cost, op) in options {
                if dist[i][j].0 > cost {
                    dist[i][j] = (cost, op);
                }
            }
        }
    }
    let mut trace = Vec::new();
    let (mut i, mut j) = (n_hyp, n_ref);
    while i > 0 || j > 0 {
        let op = dist[i][j].1;
        trace.push(op);
        match op {
            Op::Sub | Op::Nop => {
                i -= 1;
                j -= 1;
            }
            Op::Ins => j -= 1,
            Op::Del => i -= 1,
            // Unreachable: every cell set derives from a set one (sacreBLEU raises here).
            Op::Undef => break,
        }
    }
    trace.reverse();
    (dist[n_hyp][n_ref].0, trace)
}

/// `trace_to_alignment` of the flipped trace: for each reference position the
/// candidate position it aligns to (-1 before the first), and the error
/// flags of reference and candidate positions.
fn alignment(trace: &[Op]) -> (Vec<i64>, Vec<bool>, Vec<bool>) {
    let (mut pos_hyp, mut align, mut ref_err, mut hyp_err) = (-1i64, Vec::new(), Vec::new(), Vec::new());
    for &op in trace {
        // Flipped: the matrix's `Ins` (a reference word) is a deletion here and vice versa.
        match op {
            Op::Nop | Op::Sub => {
                pos_hyp += 1;
                align.push(pos_hyp);
                hyp_err.push(op == Op::Sub);
                ref_err.push(op == Op::Sub);
            }
            Op::Del => {
                pos_hyp += 1;
                hyp_err.push(true);
            }
            Op::Ins => {
                align.push(pos_hyp);
                ref_err.push(true);
            }
            Op::Undef => {}
        }
    }
    (align, ref_err, hyp_err)
}

/// Python's `words[a:b]` for `0 <= a`: clamped, empty when `b <= a`.
fn slice<'a, 'w>(words: &'a [&'w str], a: usize, b: usize) -> &'a [&'w str] {
    let b = b.min(words.len());
    if a >= b { &[] } else { &words[a..b] }
}

/// `_perform_shift`: `length` words from `start` moved to `target`.
fn perform_shift<'w>(words: &[&'w str], start: usize, length: usize, target: usize) -> Vec<&'w str> {
    let end = start + length;
    let parts: [&[&'w str]; 4] = if target < start {
        [
            slice(words, 0, target),
            slice(words, start, end),
            slice(words, target, start),
            slice(words, end, usize::MAX),
        ]
    } else if target > end {
        [
            slice(words, 0, start),
            slice(words, end, target),
            slice(words, start, end),
            slice(words, target, usize::MAX),
        ]
    } else {
        [
            slice(words, 0, start),
            slice(words, end, length + target),
            slice(words, start, end),
            slice(words, length + target, usize::MAX),
        ]
    };
    parts.concat()
}

/// `_find_shifted_pairs`: `(start_h, start_r, length)` of every common run
/// (up to 10 words, starts at most 50 apart), in sacreBLEU's order.
fn shifted_pairs(hyp: &[&str], reference: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut pairs = Vec::new();
    for start_h in 0..hyp.len() {
        for start_r in 0..reference.len() {
            if start_r.abs_diff(start_h) > MAX_SHIFT_DIST {
                continue;
            }
            let mut length = 0;
            while hyp[start_h + length] == reference[start_r + length] && length < MAX_SHIFT_SIZE {
                length += 1;
                pairs.push((start_h, start_r, length));
                if hyp.len() == start_h + length || reference.len() == start_r + length {
                    break;
                }
            }
        }
    }
    pairs
}

/// `_shift`: the shift that lowers the edit distance most (ties: longest,
/// then earliest start, then earliest target), its gain, and the updated
/// count of candidates tried.
fn best_shift<'w>(hyp: &[&'w str], reference: &[&str], mut checked: usize) -> (i64, Vec<&'w str>, usize) {
    let (pre_score, trace) = edit_distance(hyp, reference);
    let (align, ref_err, hyp_err) = alignment(&trace);
    let errors =
        |flags: &[bool], a: usize, b: usize| flags[a.min(flags.len())..b.min(flags.len())].iter().any(|&e| e);
    let mut best: Option<(i64, usize, i64, i64, Vec<&'w str>)> = None;
    for (start_h, start_r, length) in shifted_pairs(hyp, reference) {
        if !errors(&hyp_err, start_h, start_h + length) || !errors(&ref_err, start_r, start_r + length) {
            continue;
        }
        let aligned = align[start_r];
        if start_h as i64 <= aligned && aligned < (start_h + length) as i64 {
            continue;
        }
        let mut previous = -1i64;
        for offset in -1..length as i64 {
            let position = start_r as i64 + offset;
            let idx = if position == -1 {
                0
            } else if let Some(&a) = align.get(position as usize) {
                a + 1
            } else {
                break;
            };
            if idx == previous {
                continue;
            }
            previous = idx;
            let shifted = perform_shift(hyp, start_h, length, idx as usize);
            let gain = pre_score - edit_distance(&shifted, reference).0;
            let candidate = (gain, length, -(start_h as i64), -idx, shifted);
            checked += 1;
            let better = match &best {
                None => true,
                Some(b) => (candidate.0, candidate.1, candidate.2, candidate.3) > (b.0, b.1, b.2, b.3),
            };
            if better {
                best = Some(candidate);
            }
        }
        if checked >= MAX_SHIFT_CANDIDATES {
            break;
        }
    }
    match best {
        None => (0, hyp.to_vec(), checked),
        Some((gain, _, _, _, shifted)) => (gain, shifted, checked),
    }
}

/// `translation_edit_rate`: the edits (shifts included) turning `hyp` into
/// `reference`, and the reference length.
pub fn translation_edit_rate(hyp: &[&str], reference: &[&str]) -> (u64, u64) {
    if reference.is_empty() {
        return (hyp.len() as u64, 0);
    }
    let (mut words, mut shifts, mut checked) = (hyp.to_vec(), 0u64, 0);
    loop {
        let (gain, shifted, now_checked) = best_shift(&words, reference, checked);
        checked = now_checked;
        if checked >= MAX_SHIFT_CANDIDATES || gain <= 0 {
            break;
        }
        shifts += 1;
        words = shifted;
    }
    let (distance, _) = edit_distance(&words, reference);
    (shifts + distance as u64, reference.len() as u64)
}

/// sacreBLEU's `TER._compute_segment_statistics` under `options`: texts
/// right-stripped and tokenized by `TercomTokenizer`, the fewest edits over
/// the references and their mean length. With no reference, zeros.
pub fn ter_stats<S: AsRef<str>>(candidate: &str, references: &[S], options: &TerOptions) -> TerStats {
    if references.is_empty() {
        return TerStats::default();
    }
    let hyp = tercom_tokenize(candidate.trim_end_matches(super::pystr::is_space), options);
    let hyp: Vec<&str> = super::pystr::split(&hyp).collect();
    let (mut best, mut lengths) = (None::<u64>, 0u64);
    for reference in references {
        let reference = tercom_tokenize(reference.as_ref().trim_end_matches(super::pystr::is_space), options);
        let reference: Vec<&str> = super::pystr::split(&reference).collect();
        let (edits, length) = translation_edit_rate(&hyp, &reference);
        lengths += length;
        best = Some(best.map_or(edits, |b| b.min(edits)));
    }
    TerStats { edits: best.unwrap_or(0) as f64, ref_length: lengths as f64 / references.len() as f64 }
}

/// `TER(**options).sentence_score(candidate, references)`, 0–100.
pub fn sentence_ter<S: AsRef<str>>(candidate: &str, references: &[S], options: &TerOptions) -> f64 {
    ter_stats(candidate, references, options).score()
}

/// `TER(**options).corpus_score`: the segments' statistics summed, then scored.
pub fn corpus_ter(segments: impl IntoIterator<Item = TerStats>) -> f64 {
    let mut total = TerStats::default();
    for stats in segments {
        total += stats;
    }
    total.score()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        text.split(' ').filter(|w| !w.is_empty()).collect()
    }

    #[test]
    fn one_shift_fixes_a_rotation() {
        // Hand count: moving "a b c" to the front is one shift, no other edit.
        assert_eq!(translation_edit_rate(&words("d e f g h a b c"), &words("a b c d e f g h")), (1, 8));
    }

    #[test]
    fn plain_edits_without_useful_shifts() {
        // "a x c" → "a b c": one substitution. Empty hypothesis: three insertions.
        assert_eq!(translation_edit_rate(&words("a x c"), &words("a b c")), (1, 3));
        assert_eq!(translation_edit_rate(&[], &words("a b c")), (3, 3));
        assert_eq!(translation_edit_rate(&words("a b"), &[]), (2, 0));
    }

    #[test]
    fn perform_shift_moves_blocks_like_python_slices() {
        let w = words("a b c d e");
        assert_eq!(perform_shift(&w, 3, 2, 0), words("d e a b c"));
        assert_eq!(perform_shift(&w, 0, 2, 4), words("c d a b e"));
        assert_eq!(perform_shift(&w, 1, 2, 2), words("a d b c e"));
    }
}
