//! [`DocumentScorer`]: many candidate summaries of one document, each given
//! as byte spans of the source text, scored without re-tokenizing.
//!
//! The references and every source sentence are tokenized once, in
//! [`DocumentScorer::new`]. Token ids are per document: the distinct tokens
//! of the references are `0..U`; every other token is `U` (it can never
//! match, only count). rougeLsum's per-sentence LCS positions depend only on a
//! reference sentence and a whole source line, so they are memoized.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::reference::{CandidateView, Reference, Renumber, Scratch};
use super::scorer::Best;
use super::tokenize::{token_count, with_ids};
use super::{Metric, RougeTokenizer, Score, Scorer};

/// Scores many candidate summaries of one document: the references and the
/// source sentences are tokenized once, candidates are given as byte spans of
/// the source text (joined by newlines, as rougeLsum expects).
#[derive(Debug)]
pub struct DocumentScorer<'a> {
    scorer: &'a Scorer,
    text: &'a str,
    sentences: Vec<SourceSentence>,
    /// `(span start, sentence index)`, sorted, to find a span's sentence.
    by_start: Vec<(usize, usize)>,
    references: Vec<DocumentReference>,
    /// Each reference's tokens as document ids.
    reference_ids: Vec<Vec<u32>>,
    /// Reference token → document id, for text tokenized after construction.
    vocabulary: Vocabulary,
    /// Number of source lines with tokens (rougeLsum sentences of the source).
    lines: usize,
    /// rougeLsum positions, at `[reference sentence row][source line]`;
    /// empty unless rougeLsum is scored.
    memo: Vec<OnceLock<Box<[u64]>>>,
    /// Under a multilingual profile, the references as given: candidates
    /// are scored as texts by the scorer (XL-Sum's rougeLsum tokenizes lines
    /// unlike the whole text, and NLTK's Arabic stemmer carries state from
    /// word to word, so tokens cannot be reused across candidates).
    texts: Option<Vec<String>>,
}

/// The distinct reference tokens and their document ids (`0..len`, in the
/// order given). The map from a token's text is built on first use: only a
/// span that is not a whole source sentence is tokenized afresh, and most
/// documents never need it.
#[derive(Debug, Default)]
struct Vocabulary {
    len: u32,
    /// The tokens, concatenated in id order.
    text: String,
    /// Where each token ends in `text`.
    ends: Vec<usize>,
    map: OnceLock<FxHashMap<Box<str>, u32>>,
}

impl Vocabulary {
    /// A vocabulary whose map is already built.
    fn from_map(map: FxHashMap<Box<str>, u32>) -> Vocabulary {
        Vocabulary { len: map.len() as u32, map: OnceLock::from(map), ..Vocabulary::default() }
    }

    /// Numbers `token` next (the caller gives each token once).
    fn push(&mut self, token: &str) {
        self.text.push_str(token);
        self.ends.push(self.text.len());
        self.len += 1;
    }

    /// The document id of `token`, if it is a reference token.
    fn get(&self, token: &str) -> Option<u32> {
        let map = self.map.get_or_init(|| {
            let starts = std::iter::once(0).chain(self.ends.iter().copied());
            starts
                .zip(&self.ends)
                .zip(0..)
                .map(|((start, &end), id)| (self.text[start..end].into(), id))
                .collect()
        });
        map.get(token).copied()
    }
}

/// One source sentence, tokenized.
#[derive(Debug)]
struct SourceSentence {
    span: Range<usize>,
    /// Document ids.
    tokens: Vec<u32>,
    /// Its lines with tokens: token range within `tokens`, document line number.
    lines: Vec<(Range<usize>, usize)>,
    /// Whitespace-separated chunks, built on the first truncation.
    chunks: OnceLock<Vec<Chunk>>,
}

/// A whitespace-free stretch of a sentence; tokens never cross whitespace.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    /// Byte range within the sentence.
    start: usize,
    end: usize,
    /// Tokens in the sentence up to the end of this chunk.
    tokens_through: usize,
}

#[derive(Debug)]
struct DocumentReference {
    reference: Reference,
    /// Document id → reference-local id ([`ABSENT`](super::ngram::ABSENT) if not in it); `U + 1` entries.
    local_of: Vec<u32>,
    /// Memo row of its first rougeLsum sentence.
    first_row: usize,
}

/// One rougeLsum sentence of a candidate.
#[derive(Debug, Clone)]
struct Piece {
    /// Token range in the candidate.
    range: Range<usize>,
    /// The source line it is, whole; `None` for a truncated or fresh piece.
    line: Option<usize>,
}

impl<'a> DocumentScorer<'a> {
    /// Prepares `references` (one sentence per line for rougeLsum) and the
    /// source `text` whose sentences are at `sentence_spans`.
    ///
    /// # Panics
    /// If a span is not a char-boundary range of `text`.
    pub fn new(
        scorer: &'a Scorer,
        references: &[String],
        text: &'a str,
        sentence_spans: &[Range<usize>],
    ) -> Self {
        if scorer.tokenizer().is_multilingual() {
            return Self::new_multilingual(scorer, references, text, sentence_spans);
        }
        let mut vocabulary = Vocabulary::default();
        let (reference_tokens, sentences) = with_ids(scorer.tokenizer(), scorer.stem(), |ids| {
            // Document ids: the distinct reference tokens first.
            let mut doc_of: FxHashMap<u32, u32> = FxHashMap::default();
            let reference_tokens: Vec<(Vec<u32>, Vec<Range<usize>>)> = references
                .iter()
                .map(|reference| {
                    let (mut tokens, mut lines) = (Vec::new(), Vec::new());
                    ids.push_lines(reference, &mut tokens, &mut lines);
                    for id in &mut tokens {
                        let next = doc_of.len() as u32;
                        *id = *doc_of.entry(*id).or_insert_with(|| {
                            vocabulary.push(ids.token(*id));
                            next
                        });
                    }
                    (tokens, lines)
                })
                .collect();
            let other = doc_of.len() as u32;
            let mut line_count = 0;
            let sentences: Vec<SourceSentence> = sentence_spans
                .iter()
                .map(|span| {
                    let (mut tokens, mut lines) = (Vec::new(), Vec::new());
                    ids.push_lines(&text[span.clone()], &mut tokens, &mut lines);
                    for id in &mut tokens {
                        *id = doc_of.get(id).copied().unwrap_or(other);
                    }
                    let lines = lines
                        .into_iter()
                        .map(|range| {
                            line_count += 1;
                            (range, line_count - 1)
                        })
                        .collect();
                    SourceSentence { span: span.clone(), tokens, lines, chunks: OnceLock::new() }
                })
                .collect();
            (reference_tokens, sentences)
        });
        let lines = sentences.iter().map(|s| s.lines.len()).sum();
        let other = vocabulary.len as usize;
        let mut rows = 0;
        let reference_ids = reference_tokens.iter().map(|(tokens, _)| tokens.clone()).collect();
        let mut renumber = Renumber::default();
        let references: Vec<DocumentReference> = reference_tokens
            .into_iter()
            .map(|(tokens, lines)| {
                let reference = Reference::new(&tokens, &lines, scorer.metrics(), &mut renumber);
                // Document id `other` (a token in no reference) stays ABSENT.
                let local_of = (0..=other as u32).map(|doc| renumber.local(doc)).collect();
                let first_row = rows;
                rows += reference.sentence_count();
                DocumentReference { reference, local_of, first_row }
            })
            .collect();
        let memo_len = if scorer.metrics().contains(&Metric::Lsum) { rows * lines } else { 0 };
        DocumentScorer {
            scorer,
            text,
            by_start: by_start(&sentences),
            sentences,
            references,
            reference_ids,
            vocabulary,
            lines,
            memo: (0..memo_len).map(|_| OnceLock::new()).collect(),
            texts: None,
        }
    }

    /// [`DocumentScorer::new`] under a multilingual profile: only the token
    /// ids ([`DocumentScorer::span_token_ids`]) are prepared; scores come
    /// from the scorer on the candidate's text.
    fn new_multilingual(
        scorer: &'a Scorer,
        references: &[String],
        text: &'a str,
        sentence_spans: &[Range<usize>],
    ) -> Self {
        let tokenize = |text: &str| scorer.tokenizer().tokenize_in(scorer.language(), text, scorer.stem());
        let mut vocabulary: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let reference_ids: Vec<Vec<u32>> = references
            .iter()
            .map(|reference| {
                tokenize(reference)
                    .into_iter()
                    .map(|token| {
                        let next = vocabulary.len() as u32;
                        *vocabulary.entry(token.into_boxed_str()).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let other = vocabulary.len() as u32;
        let sentences: Vec<SourceSentence> = sentence_spans
            .iter()
            .map(|span| {
                let tokens: Vec<u32> = tokenize(&text[span.clone()])
                    .iter()
                    .map(|token| vocabulary.get(token.as_str()).copied().unwrap_or(other))
                    .collect();
                SourceSentence { span: span.clone(), tokens, lines: Vec::new(), chunks: OnceLock::new() }
            })
            .collect();
        DocumentScorer {
            scorer,
            text,
            by_start: by_start(&sentences),
            sentences,
            references: Vec::new(),
            reference_ids,
            vocabulary: Vocabulary::from_map(vocabulary),
            lines: 0,
            memo: Vec::new(),
            texts: Some(references.to_vec()),
        }
    }

    /// Scores the candidate made of `spans` of the source text, each a whole
    /// sentence span or a prefix of one (a truncated last sentence); the
    /// result equals [`Scorer::score_multi`] on the spans' texts joined by
    /// `\n`. Any other span is tokenized on the spot.
    ///
    /// # Panics
    /// If a span is not a char-boundary range of the text.
    pub fn score_spans(&self, spans: &[Range<usize>]) -> Vec<Score> {
        self.score_spans_for(self.scorer.metrics(), spans)
    }

    /// The scorer the references were prepared with (its metrics and stemming).
    pub fn scorer(&self) -> &Scorer {
        self.scorer
    }

    /// Like [`DocumentScorer::score_spans`], for `metrics` only, in that
    /// order: a subset of [`DocumentScorer::scorer`]'s metrics (the
    /// references were prepared for those).
    ///
    /// # Panics
    /// If a metric is not one of the scorer's, or a span is not a
    /// char-boundary range of the text.
    pub fn score_spans_for(&self, metrics: &[Metric], spans: &[Range<usize>]) -> Vec<Score> {
        assert!(
            metrics.iter().all(|m| self.scorer.metrics().contains(m)),
            "metrics the references were prepared for"
        );
        if let Some(references) = &self.texts {
            let candidate: Vec<&str> = spans.iter().map(|span| &self.text[span.clone()]).collect();
            let scorer = Scorer::new(metrics, self.scorer.stem())
                .with_tokenizer(self.scorer.tokenizer())
                .with_language(self.scorer.language());
            return scorer.score_multi(references, &candidate.join("\n"));
        }
        let mut tokens = Vec::new();
        let mut pieces = Vec::new();
        for span in spans {
            self.push_span(span.clone(), &mut tokens, &mut pieces);
        }
        let mut best = Best::new(metrics.len());
        let mut local = Vec::with_capacity(tokens.len());
        let mut columns = Vec::new();
        let (mut counts, mut scores, mut scratch) = (Vec::new(), Vec::new(), Scratch::default());
        for doc_reference in &self.references {
            let reference = &doc_reference.reference;
            local.clear();
            local.extend(tokens.iter().map(|&id| doc_reference.local_of[id as usize]));
            let view = CandidateView::new(&local, reference.vocabulary(), counts);
            let mut union = |index: usize, positions: &mut [u64]| {
                for piece in &pieces {
                    let candidate = &local[piece.range.clone()];
                    match piece.line {
                        Some(line) => {
                            let row = doc_reference.first_row + index;
                            let memo = self.memo[row * self.lines + line].get_or_init(|| {
                                let mut own = vec![0u64; positions.len()];
                                reference.mark_lcs(index, candidate, &mut own, &mut columns);
                                own.into_boxed_slice()
                            });
                            for (word, &bits) in positions.iter_mut().zip(memo.iter()) {
                                *word |= bits;
                            }
                        }
                        None => reference.mark_lcs(index, candidate, positions, &mut columns),
                    }
                }
            };
            scores.clear();
            scores.extend(
                metrics.iter().map(|&metric| reference.score(metric, &view, &mut union, &mut scratch)),
            );
            best.offer(&scores);
            counts = view.into_buffer();
        }
        best.into_scores()
    }

    /// Appends to `out` the token ids of the candidate made of `spans`, the
    /// one flat sequence [`DocumentScorer::score_spans`] counts n-grams on
    /// (lines joined): the distinct reference tokens are `0..U` and every
    /// other token is `U` ([`DocumentScorer::other_token`]).
    ///
    /// # Panics
    /// If a span is not a char-boundary range of the text.
    pub fn span_token_ids(&self, spans: &[Range<usize>], out: &mut Vec<u32>) {
        let mut pieces = Vec::new();
        for span in spans {
            self.push_span(span.clone(), out, &mut pieces);
        }
    }

    /// Each reference's token ids (as [`DocumentScorer::span_token_ids`]
    /// numbers them), in the order the references were given.
    pub fn reference_token_ids(&self) -> impl Iterator<Item = &[u32]> {
        self.reference_ids.iter().map(Vec::as_slice)
    }

    /// The id of every token that no reference holds: the number of distinct
    /// reference tokens.
    pub fn other_token(&self) -> u32 {
        self.vocabulary.len
    }

    /// Appends the tokens and rougeLsum pieces of one span.
    fn push_span(&self, span: Range<usize>, tokens: &mut Vec<u32>, pieces: &mut Vec<Piece>) {
        let found = self
            .by_start
            .binary_search_by_key(&span.start, |&(start, _)| start)
            .ok()
            .map(|at| &self.sentences[self.by_start[at].1])
            .filter(|sentence| span.end <= sentence.span.end);
        let Some(sentence) = found else {
            return self.push_fresh(&self.text[span], tokens, pieces);
        };
        if span.end == sentence.span.end && self.texts.is_some() {
            tokens.extend_from_slice(&sentence.tokens);
            return;
        }
        if span.end == sentence.span.end {
            for (range, line) in &sentence.lines {
                let start = tokens.len();
                tokens.extend_from_slice(&sentence.tokens[range.clone()]);
                pieces.push(Piece { range: start..tokens.len(), line: Some(*line) });
            }
            return;
        }
        let prefix = &self.text[span.clone()];
        // Chunks rely on rouge-score's rule that tokens never cross
        // whitespace; the Unicode profile's normalization may not keep it.
        if prefix.contains('\n') || self.scorer.tokenizer() != RougeTokenizer::RougeScore {
            return self.push_fresh(prefix, tokens, pieces);
        }
        // The prefix lies on the sentence's first line: its whole chunks give
        // a prefix of the sentence's tokens; a cut chunk is tokenized anew.
        let cut = prefix.len();
        let chunks = sentence.chunks.get_or_init(|| chunks(&self.text[sentence.span.clone()]));
        let whole = chunks.iter().take_while(|chunk| chunk.end <= cut).last().map_or(0, |c| c.tokens_through);
        let start = tokens.len();
        tokens.extend_from_slice(&sentence.tokens[..whole]);
        let cut_chunk = chunks.iter().find(|chunk| chunk.start < cut && cut < chunk.end);
        if let Some(chunk) = cut_chunk {
            self.push_fresh_tokens(&prefix[chunk.start..], tokens);
        }
        if tokens.len() > start {
            let line = sentence
                .lines
                .first()
                .filter(|(range, _)| cut_chunk.is_none() && range.start == 0 && range.end == whole)
                .map(|&(_, line)| line);
            pieces.push(Piece { range: start..tokens.len(), line });
        }
    }

    /// Tokenizes `text` on the spot and appends its tokens and lines.
    fn push_fresh(&self, text: &str, tokens: &mut Vec<u32>, pieces: &mut Vec<Piece>) {
        for line in text.split('\n') {
            let start = tokens.len();
            self.push_fresh_tokens(line, tokens);
            if tokens.len() > start {
                pieces.push(Piece { range: start..tokens.len(), line: None });
            }
        }
    }

    fn push_fresh_tokens(&self, text: &str, tokens: &mut Vec<u32>) {
        let other = self.vocabulary.len;
        tokens.extend(
            self.scorer
                .tokenizer()
                .tokenize_in(self.scorer.language(), text, self.scorer.stem())
                .iter()
                .map(|token| self.vocabulary.get(token.as_str()).unwrap_or(other)),
        );
    }
}

/// (start byte, index) of every sentence, by start: how a span finds its sentence.
fn by_start(sentences: &[SourceSentence]) -> Vec<(usize, usize)> {
    let mut by_start: Vec<(usize, usize)> =
        sentences.iter().enumerate().map(|(i, s)| (s.span.start, i)).collect();
    by_start.sort_unstable();
    by_start
}

/// The whitespace-separated chunks of `sentence` with running token counts.
fn chunks(sentence: &str) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut tokens_through = 0;
    for piece in sentence.split(char::is_whitespace).filter(|piece| !piece.is_empty()) {
        let start = piece.as_ptr() as usize - sentence.as_ptr() as usize;
        tokens_through += token_count(piece);
        chunks.push(Chunk { start, end: start + piece.len(), tokens_through });
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The cats were running home. Dogs ran, too.\nThen rain fell hard.";

    fn spans() -> Vec<Range<usize>> {
        vec![0..27, 28..42, 43..63]
    }

    fn scorer() -> Scorer {
        Scorer::new(&[Metric::N(1), Metric::N(2), Metric::L, Metric::Lsum], true)
    }

    #[test]
    fn whole_sentences_equal_scoring_the_joined_text() {
        let scorer = scorer();
        let references = vec!["cats ran home\nthe rain fell".to_string(), "dogs were running".to_string()];
        let document = DocumentScorer::new(&scorer, &references, TEXT, &spans());
        for chosen in [vec![0], vec![2, 0], vec![0, 1, 2], vec![]] {
            let spans: Vec<Range<usize>> = chosen.iter().map(|&i| spans()[i].clone()).collect();
            let joined: Vec<&str> = spans.iter().map(|s| &TEXT[s.clone()]).collect();
            assert_eq!(document.score_spans(&spans), scorer.score_multi(&references, &joined.join("\n")));
        }
    }

    #[test]
    fn truncated_prefixes_equal_tokenizing_the_truncated_text() {
        let scorer = scorer();
        let references = vec!["the cat runs home".to_string(), "dogs ran".to_string()];
        let document = DocumentScorer::new(&scorer, &references, TEXT, &spans());
        // Every byte cut of the first sentence, after a whole second one:
        // cuts inside "running" give tokens like "runn" that must be re-stemmed.
        for end in 1..=27 {
            let spans = [28..42, 0..end];
            let text = format!("{}\n{}", &TEXT[28..42], &TEXT[0..end]);
            assert_eq!(document.score_spans(&spans), scorer.score_multi(&references, &text), "cut {end}");
        }
    }

    #[test]
    fn unicode_profile_spans_equal_scoring_the_text() {
        const RU: &str = "Кошки бежали домой. Собаки тоже.\nПотом пошёл дождь.";
        let scorer = Scorer::new(&[Metric::N(1), Metric::N(2), Metric::L, Metric::Lsum], true)
            .with_tokenizer(RougeTokenizer::Unicode);
        let references = vec!["кошки бежали домой\nпошёл дождь".to_string(), "СОБАКИ бежали".to_string()];
        let spans = [0..35, 36..58, 59..RU.len()];
        let document = DocumentScorer::new(&scorer, &references, RU, &spans);
        let whole = document.score_spans(&spans[..2]);
        assert!(whole[0].fmeasure > 0.0, "Cyrillic tokens match");
        assert_eq!(whole, scorer.score_multi(&references, &format!("{}\n{}", &RU[0..35], &RU[36..58])));
        for end in (1..=35).filter(|&end| RU.is_char_boundary(end)) {
            let cut = [36..58, 0..end];
            let text = format!("{}\n{}", &RU[36..58], &RU[0..end]);
            assert_eq!(document.score_spans(&cut), scorer.score_multi(&references, &text), "cut {end}");
        }
    }

    #[test]
    fn token_ids_number_reference_tokens_first() {
        // Stemmed reference tokens: cat (0), run (1), dog (2); "the", "were", "home" are others (3).
        let scorer = scorer();
        let references = vec!["cats running".to_string(), "dogs".to_string()];
        let document = DocumentScorer::new(&scorer, &references, TEXT, &spans());
        let ids: Vec<&[u32]> = document.reference_token_ids().collect();
        assert_eq!(ids, [&[0, 1][..], &[2][..]]);
        assert_eq!(document.other_token(), 3);
        let mut out = Vec::new();
        // "The cats were running home." then the cut "Dogs ran": dogs → 2, ran → 3 (not "run").
        document.span_token_ids(&[0..27, 28..36], &mut out);
        assert_eq!(out, [3, 0, 3, 1, 3, 2, 3]);
    }

    #[test]
    fn can_be_shared_across_threads() {
        fn assert_sync<T: Send + Sync>() {}
        assert_sync::<DocumentScorer<'static>>();
    }

    #[test]
    fn chunks_count_tokens_through_each_chunk() {
        let chunks = chunks("a-b  c's");
        let ends: Vec<(usize, usize, usize)> =
            chunks.iter().map(|c| (c.start, c.end, c.tokens_through)).collect();
        assert_eq!(ends, [(0, 3, 2), (5, 8, 4)]);
    }
}
