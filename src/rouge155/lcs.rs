//! Summary-level ROUGE-L and ROUGE-W for one reference, as the script's `lcs`
//! and `wlcs` compute them: per reference sentence, the union of the LCS
//! positions against every candidate sentence, then hits clipped by the
//! unigram counts of the whole reference and candidate.
//!
//! Owns: the two dynamic programs, their back-tracking (ties go up, i.e. drop
//! the reference token) and the clipping scan. Never tokenizes or rounds.

/// Unigram counts by token id, consumed by the clipping scan.
pub type Clip = Vec<u32>;

/// Marks in `mask` the reference positions on one LCS path of `reference`
/// vs `candidate`. `table[i * (n + 1) + j]` is the DP value of the prefixes
/// of lengths i and j; equal tokens go diagonal, otherwise up when
/// `up >= left`, else left.
fn mark_path<T: PartialOrd + Copy>(reference: &[u32], candidate: &[u32], table: &[T], mask: &mut [bool]) {
    let width = candidate.len() + 1;
    let (mut i, mut j) = (reference.len(), candidate.len());
    while i != 0 && j != 0 {
        if reference[i - 1] == candidate[j - 1] {
            i -= 1;
            j -= 1;
            mask[i] = true;
        } else if table[(i - 1) * width + j] >= table[i * width + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
}

/// Plain LCS lengths (the script's `lcs_inner`), then the path into `mask`.
fn mark_lcs(reference: &[u32], candidate: &[u32], table: &mut Vec<u32>, mask: &mut [bool]) {
    let width = candidate.len() + 1;
    table.clear();
    table.resize((reference.len() + 1) * width, 0);
    for i in 1..=reference.len() {
        for j in 1..=candidate.len() {
            table[i * width + j] = if reference[i - 1] == candidate[j - 1] {
                table[(i - 1) * width + j - 1] + 1
            } else {
                table[(i - 1) * width + j].max(table[i * width + j - 1])
            };
        }
    }
    mark_path(reference, candidate, table, mask);
}

/// Weighted LCS (the script's `wlcs_inner`): a match extending a run of k
/// consecutive matches adds f(k+1) − f(k); then the path into `mask`.
fn mark_wlcs(
    reference: &[u32],
    candidate: &[u32],
    f: &dyn Fn(u32) -> f64,
    table: &mut Vec<f64>,
    runs: &mut Vec<u32>,
    mask: &mut [bool],
) {
    let width = candidate.len() + 1;
    let cells = (reference.len() + 1) * width;
    table.clear();
    table.resize(cells, 0.0);
    runs.clear();
    runs.resize(cells, 0);
    for i in 1..=reference.len() {
        for j in 1..=candidate.len() {
            let (here, diag, up, left) =
                (i * width + j, (i - 1) * width + j - 1, (i - 1) * width + j, i * width + j - 1);
            if reference[i - 1] == candidate[j - 1] {
                let k = runs[diag];
                table[here] = table[diag] + f(k + 1) - f(k);
                runs[here] = k + 1;
            } else {
                table[here] = if table[up] >= table[left] { table[up] } else { table[left] };
                runs[here] = 0;
            }
        }
    }
    mark_path(reference, candidate, table, mask);
}

/// ROUGE-L hits of one reference: for each reference sentence, the union of
/// its LCS positions against every candidate sentence, then a left-to-right
/// scan counting a marked token while both clip tables still have it.
/// Returns (hits, Σ |reference sentence|).
pub fn lcs_hits(
    reference: &[Vec<u32>],
    candidate: &[Vec<u32>],
    mut reference_clip: Clip,
    mut candidate_clip: Clip,
) -> (u32, u32) {
    let mut table = Vec::new();
    let (mut hits, mut base) = (0, 0);
    for sentence in reference {
        base += sentence.len() as u32;
        let mut mask = vec![false; sentence.len()];
        if !sentence.is_empty() {
            for other in candidate {
                mark_lcs(sentence, other, &mut table, &mut mask);
            }
        }
        for (&token, _) in sentence.iter().zip(&mask).filter(|(_, marked)| **marked) {
            if take(&mut reference_clip, &mut candidate_clip, token) {
                hits += 1;
            }
        }
    }
    (hits, base)
}

/// ROUGE-W hits of one reference with weighting `f`: the same union and
/// clipping as [`lcs_hits`]; a surviving marked token extends the current
/// run, which is closed (adding f(run)) when the next position is unmarked or
/// this is the sentence's last position. A marked token that fails clipping
/// neither extends nor closes the run, so a run still open at the sentence
/// end is lost. Returns (weighted hits, Σ f(|reference sentence|)).
pub fn wlcs_hits(
    reference: &[Vec<u32>],
    candidate: &[Vec<u32>],
    f: &dyn Fn(u32) -> f64,
    mut reference_clip: Clip,
    mut candidate_clip: Clip,
) -> (f64, f64) {
    let (mut table, mut runs) = (Vec::new(), Vec::new());
    let (mut hits, mut base) = (0.0, 0.0);
    for sentence in reference {
        base += f(sentence.len() as u32);
        let mut mask = vec![false; sentence.len()];
        if !sentence.is_empty() {
            for other in candidate {
                mark_wlcs(sentence, other, f, &mut table, &mut runs, &mut mask);
            }
        }
        let mut run = 0;
        for (j, &token) in sentence.iter().enumerate() {
            if mask[j] && take(&mut reference_clip, &mut candidate_clip, token) {
                run += 1;
                let closes = match mask.get(j + 1) {
                    Some(next_marked) => !next_marked,
                    None => true,
                };
                if closes {
                    hits += f(run);
                    run = 0;
                }
            }
        }
    }
    (hits, base)
}

/// Consumes one count of `token` from both clip tables if both have one.
fn take(reference_clip: &mut Clip, candidate_clip: &mut Clip, token: u32) -> bool {
    let t = token as usize;
    match (reference_clip.get(t).copied(), candidate_clip.get(t).copied()) {
        (Some(r), Some(c)) if r > 0 && c > 0 => {
            reference_clip[t] -= 1;
            candidate_clip[t] -= 1;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clip(tokens: &[&[u32]]) -> Clip {
        let mut counts = vec![0; 16];
        for &t in tokens.iter().flat_map(|s| s.iter()) {
            counts[t as usize] += 1;
        }
        counts
    }

    fn l(reference: &[&[u32]], candidate: &[&[u32]]) -> (u32, u32) {
        let (r, c): (Vec<Vec<u32>>, Vec<Vec<u32>>) =
            (reference.iter().map(|s| s.to_vec()).collect(), candidate.iter().map(|s| s.to_vec()).collect());
        lcs_hits(&r, &c, clip(reference), clip(candidate))
    }

    fn w(reference: &[&[u32]], candidate: &[&[u32]]) -> (f64, f64) {
        let (r, c): (Vec<Vec<u32>>, Vec<Vec<u32>>) =
            (reference.iter().map(|s| s.to_vec()).collect(), candidate.iter().map(|s| s.to_vec()).collect());
        wlcs_hits(&r, &c, &|k| f64::from(k).powf(1.2), clip(reference), clip(candidate))
    }

    /// Lin (2004), section 3.2's example: r = w1..w5, c1 = w1 w2 w6 w7 w8,
    /// c2 = w1 w3 w8 w9 w5; the union LCS is w1 w2 w3 w5, so 4 hits of 5.
    #[test]
    fn union_lcs_of_lins_example() {
        assert_eq!(l(&[&[1, 2, 3, 4, 5]], &[&[1, 2, 6, 7, 8], &[1, 3, 8, 9, 5]]), (4, 5));
    }

    #[test]
    fn clipping_limits_repeated_tokens() {
        // Reference sentences "1 2" and "1 2", candidate "1 2": both sentences mark
        // both positions, but the candidate has only one 1 and one 2.
        assert_eq!(l(&[&[1, 2], &[1, 2]], &[&[1, 2]]), (2, 4));
    }

    #[test]
    fn ties_drop_the_reference_token() {
        // Reference "1 2", candidate "2 1": at the last cell up (LCS of "1" vs "2 1" = 1)
        // ties left (LCS of "1 2" vs "2" = 1), so the path goes up and marks the 1.
        let (r, c) = (vec![vec![1, 2]], vec![vec![2, 1]]);
        let mut mask = vec![false; 2];
        mark_lcs(&r[0], &c[0], &mut Vec::new(), &mut mask);
        assert_eq!(mask, [true, false]);
    }

    #[test]
    fn weighted_runs_by_hand() {
        let f = |k: f64| k.powf(1.2);
        // One run of 3, then a gap, then a run of 1.
        let (hits, base) = w(&[&[1, 2, 3, 4, 5]], &[&[1, 2, 3, 5]]);
        assert_eq!(hits, f(3.0) + f(1.0));
        assert_eq!(base, f(5.0));
        // An empty reference sentence adds f(0) = 0 to the base.
        assert_eq!(w(&[&[], &[1]], &[&[1]]), (1.0, f(0.0) + f(1.0)));
    }

    #[test]
    fn a_run_still_open_at_the_sentence_end_is_lost() {
        // Reference sentences "1" and "2 1", candidate "2 1". The first sentence uses
        // up the candidate's only 1 (a run of 1: f(1) = 1). In the second, both
        // positions are marked; the 2 opens a run that the clipped 1 never closes.
        assert_eq!(w(&[&[1], &[2, 1]], &[&[2, 1]]).0, 1.0);
        // Plain L counts the 2.
        assert_eq!(l(&[&[1], &[2, 1]], &[&[2, 1]]), (2, 3));
    }
}
