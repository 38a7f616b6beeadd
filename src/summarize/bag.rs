//! Per-sentence bags of content terms: each sentence's distinct non-stop
//! stems with their counts, in one flat array (no allocation per sentence
//! or token), for the frequency-distribution summarizers (SumBasic, KL-Sum).

use crate::text::{PreparedDocument, TermId};

/// Distinct content terms and counts of every sentence, plus document totals.
pub(crate) struct Bags {
    /// `(term, count in sentence)` for every sentence, concatenated.
    entries: Vec<(TermId, u32)>,
    /// Sentence `i`'s entries are `entries[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    /// Term id → occurrences as a content word in the whole document.
    pub(crate) doc_counts: Vec<u32>,
    /// Content-word tokens in the whole document.
    pub(crate) doc_total: u32,
}

impl Bags {
    /// Counts the content terms of every sentence of `doc`.
    pub(crate) fn new(doc: &PreparedDocument) -> Self {
        let mut doc_counts = vec![0u32; doc.num_terms()];
        // Term id → its entry's index while its sentence is being counted.
        let mut slot = vec![usize::MAX; doc.num_terms()];
        let mut entries: Vec<(TermId, u32)> = Vec::new();
        let mut starts = Vec::with_capacity(doc.sentences.len() + 1);
        starts.push(0);
        for s in &doc.sentences {
            let start = entries.len();
            for &t in &s.content {
                doc_counts[t as usize] += 1;
                match slot[t as usize] {
                    usize::MAX => {
                        slot[t as usize] = entries.len();
                        entries.push((t, 1));
                    }
                    k => entries[k].1 += 1,
                }
            }
            for &(t, _) in &entries[start..] {
                slot[t as usize] = usize::MAX;
            }
            starts.push(entries.len());
        }
        let doc_total = doc_counts.iter().sum();
        Bags { entries, starts, doc_counts, doc_total }
    }

    /// Sentence `i`'s distinct content terms with their counts.
    pub(crate) fn of(&self, i: usize) -> &[(TermId, u32)] {
        &self.entries[self.starts[i]..self.starts[i + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::WordTokenizer;

    #[test]
    fn counts_distinct_content_terms_per_sentence() {
        let d = Document {
            id: "d".into(),
            title: None,
            text: "Cat dog cat. The dog.".into(),
            references: vec![],
            language: None,
        };
        let doc = PreparedDocument::new(d, &WordTokenizer::english());
        let bags = Bags::new(&doc);
        let name = |t: TermId| &*doc.vocabulary[t as usize];
        let named = |i| bags.of(i).iter().map(|&(t, c)| (name(t), c)).collect::<Vec<_>>();
        assert_eq!(named(0), [("cat", 2), ("dog", 1)]);
        assert_eq!(named(1), [("dog", 1)]);
        assert_eq!(bags.doc_total, 4);
    }
}
