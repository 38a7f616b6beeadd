//! [`PreparedDocument`]: a document split into sentences and interned term
//! ids, built once and shared (read-only) by every summarizer.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::corpus::Source;
use crate::lang::Language;
use crate::text::segment::sentence_spans_in;
use crate::text::tokens::{TermId, WordTokenizer};

/// One sentence of a prepared document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte span of the sentence in [`Source::text`] (trimmed, non-empty).
    pub span: Range<usize>,
    /// Stems of every word, stop words included, in order.
    pub terms: Vec<TermId>,
    /// Stems of the non-stop words, in order.
    pub content: Vec<TermId>,
    /// Words in the span (the unit of word budgets): whitespace-separated,
    /// or in unspaced scripts the word splitter's (see [`crate::lang::word_count`]).
    pub words: usize,
    /// 0-based paragraph index (paragraphs are separated by blank lines).
    pub paragraph: usize,
}

/// A document ready for summarization: sentences with spans and term ids,
/// the title's terms, the per-document vocabulary and an IDF per term.
#[derive(Debug, Clone)]
pub struct PreparedDocument {
    /// The source: id, title and text. The references are not here: a
    /// summarizer never sees them (the oracle gets them from the harness, see
    /// `crate::summarize::ReadsReferences`).
    pub source: Source,
    /// The language it was prepared in (its tokenizer's).
    pub language: Language,
    /// Sentences in document order.
    pub sentences: Vec<Sentence>,
    /// Stems of the title's non-stop words (empty without a title).
    pub title_terms: Vec<TermId>,
    /// Term id → stem (shared with the tokenizer's per-thread cache, so a
    /// document allocates no string per term).
    pub vocabulary: Vec<Arc<str>>,
    /// Term id → whether the stem came from a stop word.
    pub is_stop: Vec<bool>,
    /// Term id → inverse document frequency: over the corpus after
    /// [`PreparedDocument::apply_corpus_idf`], otherwise over this document's
    /// sentences (each sentence counted as a document).
    pub idf: Vec<f64>,
}

impl PreparedDocument {
    /// Segments and tokenizes `source` once, by the rules of `tokenizer`'s
    /// language (a [`crate::corpus::Document`] converts into its source, its
    /// references dropped).
    pub fn new(source: impl Into<Source>, tokenizer: &WordTokenizer) -> Self {
        let source = source.into();
        let language = tokenizer.language();
        let mut terms_of = tokenizer.document_terms();
        let text = source.text.as_str();
        // News prose has about one distinct term per 12 bytes: one allocation, no regrowth.
        terms_of.reserve(text.len() / 8);
        let mut paragraph = 0;
        let mut last_end = 0;
        // Reused buffers: each sentence's vectors are then allocated once, at their size.
        let (mut terms, mut content) = (Vec::new(), Vec::new());
        let sentences: Vec<Sentence> = sentence_spans_in(text, language)
            .into_iter()
            .map(|span| {
                if has_blank_line(&text[last_end..span.start]) && last_end > 0 {
                    paragraph += 1;
                }
                last_end = span.end;
                terms.clear();
                content.clear();
                terms_of.add_words(&text[span.clone()], true, |id, is_stop| {
                    terms.push(id);
                    if !is_stop {
                        content.push(id);
                    }
                });
                // In unspaced scripts the words are the terms just found (every
                // word the splitter gives with a letter or digit): not split twice.
                let words =
                    if language.is_unspaced() { terms.len() } else { whitespace_words(&text[span.clone()]) };
                Sentence { span, terms: terms.to_vec(), content: content.to_vec(), words, paragraph }
            })
            .collect();
        let mut title_terms = Vec::new();
        if let Some(title) = &source.title {
            terms_of.add_words(title, false, |id, _| title_terms.push(id));
        }
        let (vocabulary, is_stop) = terms_of.finish();
        let idf = sentence_idf(&sentences, vocabulary.len());
        PreparedDocument { source, language, sentences, title_terms, vocabulary, is_stop, idf }
    }

    /// Test helper: a document with id `d` and no title.
    #[cfg(test)]
    pub(crate) fn from_text(text: &str) -> Self {
        Self::new(Source { id: "d".into(), title: None, text: text.into() }, &WordTokenizer::english())
    }

    /// The verbatim text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.source.text[self.sentences[i].span.clone()]
    }

    /// Number of distinct terms (the length of every per-term vector).
    pub fn num_terms(&self) -> usize {
        self.vocabulary.len()
    }

    /// Words of the whole text (the base of ratio budgets), counted as
    /// [`Sentence::words`]. Counted on the text, not summed over sentences: a
    /// sentence boundary inside a whitespace word (`?0`) would count it twice.
    pub fn total_words(&self) -> usize {
        words_in(self.language, &self.source.text)
    }

    /// Replaces the per-document IDF with IDF over a corpus.
    pub fn apply_corpus_idf(&mut self, stats: &CorpusStats) {
        self.idf = self.vocabulary.iter().map(|t| stats.idf(t)).collect();
    }
}

/// Document frequencies over a corpus, for corpus-level IDF.
#[derive(Debug, Clone, Default)]
pub struct CorpusStats {
    documents: u32,
    document_frequency: HashMap<Arc<str>, u32>,
}

/// Prepares a whole in-memory corpus (in parallel, keeping its order), each
/// document with the IDF of the whole corpus: what the harness does for a
/// corpus that fits in one chunk.
pub fn prepare_corpus<D: Into<Source> + Send>(
    docs: Vec<D>,
    tokenizer: &WordTokenizer,
) -> Vec<PreparedDocument> {
    use rayon::prelude::*;
    let mut prepared: Vec<PreparedDocument> =
        docs.into_par_iter().map(|d| PreparedDocument::new(d, tokenizer)).collect();
    let mut stats = CorpusStats::default();
    prepared.iter().for_each(|d| stats.add(d));
    prepared.par_iter_mut().for_each(|d| d.apply_corpus_idf(&stats));
    prepared
}

impl CorpusStats {
    /// Counts each distinct term of `doc` once.
    pub fn add(&mut self, doc: &PreparedDocument) {
        self.documents += 1;
        for term in &doc.vocabulary {
            *self.document_frequency.entry(Arc::clone(term)).or_default() += 1;
        }
    }

    /// `ln(N / max(1, df))`: 0 for a term in every document.
    pub fn idf(&self, term: &str) -> f64 {
        let df = self.document_frequency.get(term).copied().unwrap_or(0).max(1);
        (f64::from(self.documents.max(1)) / f64::from(df)).ln()
    }
}

/// IDF with sentences as documents: `ln(S / max(1, sentences containing t))`.
fn sentence_idf(sentences: &[Sentence], num_terms: usize) -> Vec<f64> {
    let mut df = vec![0u32; num_terms];
    let mut seen = vec![usize::MAX; num_terms];
    for (i, s) in sentences.iter().enumerate() {
        for &t in &s.terms {
            if seen[t as usize] != i {
                seen[t as usize] = i;
                df[t as usize] += 1;
            }
        }
    }
    let n = sentences.len().max(1) as f64;
    // A frequency is at most the number of sentences: one logarithm per
    // possible frequency, not per term (the same expression, so the same bits).
    let by_frequency: Vec<f64> =
        (0..=sentences.len() as u32).map(|d| (n / f64::from(d.max(1))).ln()).collect();
    df.iter().map(|&d| by_frequency[d as usize]).collect()
}

/// `s.split_whitespace().count()`, 8 bytes at a time for ASCII text.
/// Words of `s` in `language`: [`crate::lang::word_count`], with a fast path
/// for spaced scripts.
fn words_in(language: Language, s: &str) -> usize {
    if language.is_unspaced() { crate::lang::word_count(language, s) } else { whitespace_words(s) }
}

fn whitespace_words(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // The ASCII characters with Unicode's White_Space property: space and
    // 0x09..=0x0D (tab, line feed, vertical tab, form feed, carriage return).
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = ONES * 0x80;
    let bytes = s.as_bytes();
    let mut words = 0;
    // High bit of each byte: that byte is whitespace. Bit 7: the byte before the chunk was.
    let mut space_before = 0x80u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        // Every byte is below 0x80, so no sum below carries into the next byte.
        let not_zero = |v: u64| (((v & !HIGH) + !HIGH) | v) & HIGH;
        let is_space_char = !not_zero(x ^ (ONES * 0x20)) & HIGH;
        let at_least = |b: u64| (x + ONES * (0x80 - b)) & HIGH;
        let is_control_space = at_least(0x09) & !at_least(0x0E);
        let space = is_space_char | is_control_space;
        let starts = !space & HIGH & ((space << 8) | space_before);
        words += starts.count_ones() as usize;
        space_before = space >> 56;
    }
    let mut previous_space = space_before != 0;
    for &b in chunks.remainder() {
        let space = matches!(b, b' ' | 0x09..=0x0D);
        words += usize::from(previous_space && !space);
        previous_space = space;
    }
    words
}

fn has_blank_line(gap: &str) -> bool {
    gap.split('\n').skip(1).any(|line| line.trim().is_empty()) && gap.matches('\n').count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    fn doc(text: &str) -> Document {
        Document { id: "d".into(), title: None, text: text.into(), references: vec![], language: None }
    }

    #[test]
    fn whitespace_words_equal_split_whitespace() {
        for s in ["", " ", "a", " a b\t\u{0B}c\u{0C}d\r\ne ", "x\u{1F}y", "caf\u{e9} \u{a0} x\u{2003}y"] {
            assert_eq!(whitespace_words(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn whitespace_words_equal_split_whitespace_on_any_ascii(s in "[\\x00-\\x7f]{0,40}|[ a\\t\\n\\x0b\\x0c\\r\\x08\\x0e\\x1f!]{0,40}") {
            proptest::prop_assert_eq!(whitespace_words(&s), s.split_whitespace().count());
        }
    }

    /// (terms, content) per sentence, title terms, vocabulary, stop flags, IDF.
    type Prepared = (Vec<(Vec<TermId>, Vec<TermId>)>, Vec<TermId>, Vec<String>, Vec<bool>, Vec<f64>);

    /// The straightforward preparation (before the word cache): every word
    /// lower-cased and stemmed by [`WordTokenizer::words`], interned by its stem
    /// string. Returns (terms, content) per sentence, title terms, vocabulary,
    /// stop flags and IDF.
    fn reference(doc: &Document, t: &WordTokenizer) -> Prepared {
        let mut ids: HashMap<String, TermId> = HashMap::new();
        let (mut vocabulary, mut is_stop) = (Vec::new(), Vec::new());
        let mut intern = |stem: String, stop: bool| {
            *ids.entry(stem.clone()).or_insert_with(|| {
                vocabulary.push(stem);
                is_stop.push(stop);
                vocabulary.len() as TermId - 1
            })
        };
        let mut sentences = Vec::new();
        for span in crate::text::segment::sentence_spans(&doc.text) {
            let (mut terms, mut content) = (Vec::new(), Vec::new());
            for w in t.words(&doc.text[span]) {
                let id = intern(w.stem, w.is_stop);
                terms.push(id);
                if !w.is_stop {
                    content.push(id);
                }
            }
            sentences.push((terms, content));
        }
        let title = doc.title.as_deref().unwrap_or("");
        let title_terms = t.words(title).filter(|w| !w.is_stop).map(|w| intern(w.stem, false)).collect();
        let n = sentences.len().max(1) as f64;
        let idf = (0..vocabulary.len() as TermId)
            .map(|id| {
                let df = sentences.iter().filter(|(terms, _)| terms.contains(&id)).count().max(1);
                (n / df as f64).ln()
            })
            .collect();
        (sentences, title_terms, vocabulary, is_stop, idf)
    }

    /// Every embedded BillSum bill (titles included) equals the reference.
    #[test]
    fn equals_the_reference_on_billsum() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/billsum/documents.jsonl");
        let docs = crate::corpus::read_corpus(&path, &Default::default())
            .unwrap_or_else(|e| panic!("cannot read the embedded corpus: {e}"));
        assert_eq!(docs.len(), 100);
        let t = WordTokenizer::english();
        for doc in docs {
            assert!(doc.title.is_some(), "{}: BillSum documents have titles", doc.id);
            let expected = reference(&doc, &t);
            let p = PreparedDocument::new(doc, &t);
            let sentences = p.sentences.iter().map(|s| (s.terms.clone(), s.content.clone())).collect();
            let vocabulary = p.vocabulary.iter().map(|stem| stem.to_string()).collect();
            assert_eq!((sentences, p.title_terms, vocabulary, p.is_stop, p.idf), expected, "{}", p.source.id);
        }
    }

    #[test]
    fn interns_terms_and_counts_paragraphs() {
        let p = PreparedDocument::new(doc("Cats run.\n\nCats sleep."), &WordTokenizer::english());
        assert_eq!(p.sentences.len(), 2);
        assert_eq!(p.sentences[0].terms[0], p.sentences[1].terms[0]);
        assert_eq!(p.sentences[1].paragraph, 1);
        assert_eq!(p.sentence_text(1), "Cats sleep.");
        // "cat" is in both sentences: ln(2/2) = 0; "run" in one: ln(2/1).
        assert_eq!(p.idf[p.sentences[0].terms[0] as usize], 0.0);
        assert_eq!(p.idf[p.sentences[0].terms[1] as usize], 2f64.ln());
    }
}
