//! Turning per-sentence scores into a rank order, the same way for every
//! score-based summarizer: higher score first, ties broken by document
//! order, so rankings are deterministic.

/// Sentence indices sorted by descending score; equal scores keep document order.
pub(crate) fn by_score(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    // Stable sort: ties stay in document order. `total_cmp` never panics on NaN.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    order
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_descending_with_ties_in_document_order() {
        assert_eq!(super::by_score(&[1.0, 3.0, 1.0, 2.0]), [1, 3, 0, 2]);
    }
}
