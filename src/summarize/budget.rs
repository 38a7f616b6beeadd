//! [`Budget`]: how long a summary may be, and the one routine that turns a
//! ranking into a summary of that length.

use super::{Ranking, Summary};
use crate::text::PreparedDocument;

/// A summary length limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Budget {
    /// At most N sentences.
    Sentences(usize),
    /// N words: sentences are taken in rank order until the count reaches
    /// N, put back in document order, and the text is cut at N words
    /// (ROUGE-1.5.5's `-l`). Words are whitespace-separated, or in unspaced
    /// scripts (Chinese, Japanese, Thai, Burmese) the word splitter's words
    /// (see [`crate::lang::word_count`]).
    Words(usize),
    /// N characters (extended grapheme clusters) of sentence text,
    /// separators not counted, filled and cut like `Words`: a length that
    /// means the same in every script.
    Chars(usize),
    /// N bytes of sentence text (separators not counted), filled and cut like
    /// `Words` (ROUGE-1.5.5's `-b`); a cut never splits a UTF-8 character.
    Bytes(usize),
    /// A fraction of the document's words (rounded up), filled like `Words`.
    Ratio(f64),
}

impl Budget {
    /// Turns `ranking` into a summary within this budget.
    pub fn fill(&self, doc: &PreparedDocument, ranking: &Ranking) -> Summary {
        match *self {
            Budget::Sentences(n) => {
                let mut chosen: Vec<usize> = distinct(&ranking.order).take(n).collect();
                chosen.sort_unstable();
                with_scores(chosen, ranking, None)
            }
            Budget::Words(n) => fill_units(
                doc,
                ranking,
                n,
                |i| doc.sentences[i].words,
                |s, n| crate::lang::word_prefix(doc.language, s, n),
            ),
            Budget::Bytes(n) => fill_units(doc, ranking, n, |i| doc.sentences[i].span.len(), cut_bytes),
            Budget::Chars(n) => {
                fill_units(doc, ranking, n, |i| graphemes(doc.sentence_text(i)), cut_graphemes)
            }
            Budget::Ratio(r) => {
                let words = (r.clamp(0.0, 1.0) * doc.total_words() as f64).ceil() as usize;
                Budget::Words(words).fill(doc, ranking)
            }
        }
    }

    /// Whether `chosen` sentences already fill this budget (for iterative
    /// summarizers that want to stop early).
    pub fn is_filled(&self, doc: &PreparedDocument, chosen: &[usize]) -> bool {
        match *self {
            Budget::Sentences(n) => chosen.len() >= n,
            Budget::Words(n) => chosen.iter().map(|&i| doc.sentences[i].words).sum::<usize>() >= n,
            Budget::Bytes(n) => chosen.iter().map(|&i| doc.sentences[i].span.len()).sum::<usize>() >= n,
            Budget::Chars(n) => chosen.iter().map(|&i| graphemes(doc.sentence_text(i))).sum::<usize>() >= n,
            Budget::Ratio(r) => {
                let words = (r.clamp(0.0, 1.0) * doc.total_words() as f64).ceil() as usize;
                Budget::Words(words).is_filled(doc, chosen)
            }
        }
    }
}

/// `order` without repeats, first occurrences kept.
fn distinct(order: &[usize]) -> impl Iterator<Item = usize> + '_ {
    // A flag per index (indices are sentence numbers): cheaper than hashing
    // for the oracle, which fills thousands of candidate orders per document.
    let mut seen: Vec<bool> = Vec::new();
    order.iter().copied().filter(move |&i| {
        if i >= seen.len() {
            seen.resize(i + 1, false);
        }
        !std::mem::replace(&mut seen[i], true)
    })
}

fn with_scores(sentences: Vec<usize>, ranking: &Ranking, truncated_len: Option<usize>) -> Summary {
    let scores = sentences.iter().map(|&i| ranking.scores.get(i).copied().unwrap_or(0.0)).collect();
    Summary { sentences, scores, truncated_len }
}

/// Takes sentences in rank order until `limit` units are reached, then walks
/// them in document order and cuts where the limit falls.
fn fill_units(
    doc: &PreparedDocument,
    ranking: &Ranking,
    limit: usize,
    units: impl Fn(usize) -> usize,
    cut: impl Fn(&str, usize) -> usize,
) -> Summary {
    let mut chosen = Vec::new();
    let mut total = 0;
    for i in distinct(&ranking.order) {
        if total >= limit {
            break;
        }
        chosen.push(i);
        total += units(i);
    }
    chosen.sort_unstable();
    let mut kept = Vec::new();
    let mut left = limit;
    let mut truncated_len = None;
    for i in chosen {
        if left == 0 {
            break;
        }
        let n = units(i);
        if n > left {
            let len = cut(doc.sentence_text(i), left);
            if len > 0 {
                kept.push(i);
                truncated_len = Some(len);
            }
            break;
        }
        kept.push(i);
        left -= n;
    }
    with_scores(kept, ranking, truncated_len)
}

/// Extended grapheme clusters of `s` (user-perceived characters).
fn graphemes(s: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    s.graphemes(true).count()
}

/// Byte length of the prefix of `s` holding its first `n` grapheme clusters.
fn cut_graphemes(s: &str, n: usize) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    s.grapheme_indices(true).nth(n).map_or(s.len(), |(pos, _)| pos)
}

/// The longest prefix of `s` of at most `bytes` bytes ending on a char boundary.
fn cut_bytes(s: &str, bytes: usize) -> usize {
    (0..=bytes.min(s.len())).rev().find(|&b| s.is_char_boundary(b)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::WordTokenizer;

    fn doc() -> PreparedDocument {
        let text = "One two three four. Five six. Seven eight nine.";
        let d =
            Document { id: "d".into(), title: None, text: text.into(), references: vec![], language: None };
        PreparedDocument::new(d, &WordTokenizer::english())
    }

    fn ranking(order: &[usize]) -> Ranking {
        Ranking { order: order.to_vec(), scores: vec![0.5, 0.25, 0.75] }
    }

    #[test]
    fn sentences_budget_keeps_document_order() {
        let s = Budget::Sentences(2).fill(&doc(), &ranking(&[2, 0, 1]));
        assert_eq!(s.sentences, [0, 2]);
        assert_eq!(s.scores, [0.5, 0.75]);
        assert_eq!(s.truncated_len, None);
    }

    #[test]
    fn words_budget_fills_by_rank_then_cuts_in_document_order() {
        // Rank order 2 (3 words) then 0 (4 words) reaches 5; in document order
        // sentence 0 keeps 4 words and sentence 2 is cut to 1 word.
        let d = doc();
        let s = Budget::Words(5).fill(&d, &ranking(&[2, 0, 1]));
        assert_eq!(s.sentences, [0, 2]);
        assert_eq!(s.text(&d), "One two three four.\nSeven");
    }

    #[test]
    fn bytes_budget_cuts_at_the_limit() {
        let d = doc();
        let s = Budget::Bytes(7).fill(&d, &ranking(&[0]));
        assert_eq!(s.text(&d), "One two");
    }

    #[test]
    fn ratio_budget_is_a_share_of_the_words() {
        // 9 words × 0.2 = 1.8 → 2 words.
        let d = doc();
        assert_eq!(Budget::Ratio(0.2).fill(&d, &ranking(&[1])).text(&d), "Five six.");
    }
}
