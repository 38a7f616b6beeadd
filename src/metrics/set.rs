//! [`MetricSet`]: a list of metrics scored together on one document, each
//! input tokenized once.

use crate::lang::Language;
use crate::text::WordTokenizer;

use super::bleu::sentence_bleu_with;
use super::chrf::{CHRF_PLUS_PLUS_WORD_ORDER, chrf_stats_with};
use super::dangling::{Extracted, check, check_text};
use super::fragments::Fragments;
use super::jsd::js_divergence;
use super::novelty::ngram_shares;
use super::sacrebleu_options::SacrebleuOptions;
use super::signature::{Level, RefCount, names_language, signature_with, with_language};
use super::ter::ter_stats;
use super::tokenizer::TextTokenizer;
use super::value::{Details, MetricValue};
use super::{Metric, Needs};

/// An input a metric needs that a document lacks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MissingInput {
    /// No `references` field, and a metric needs references.
    #[error("field `references`: missing (needed by {0})")]
    References(String),
    /// An empty reference list, and a metric needs a reference.
    #[error("field `references`: empty list (at least one reference is needed by {0})")]
    NoReference(String),
    /// No `source` field, and a metric needs the source.
    #[error("field `source`: missing (needed by {0})")]
    Source(String),
}

/// Metrics scored together. Build once, then [`MetricSet::score`] each document.
#[derive(Clone)]
pub struct MetricSet {
    metrics: Vec<Metric>,
    tokenizer: TextTokenizer,
    /// BLEU's and chrF's options.
    sacrebleu: SacrebleuOptions,
    /// The words of the JS divergence: its texts' language's.
    words: &'static WordTokenizer,
}

impl std::fmt::Debug for MetricSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MetricSet")
            .field("metrics", &self.metrics)
            .field("tokenizer", &self.tokenizer)
            .finish()
    }
}

impl MetricSet {
    /// A set scoring `metrics` (values come back in this order), fragment and
    /// n-gram metrics on `tokenizer`'s tokens.
    pub fn new(metrics: Vec<Metric>, tokenizer: TextTokenizer) -> Self {
        MetricSet {
            metrics,
            tokenizer,
            sacrebleu: SacrebleuOptions::default(),
            words: WordTokenizer::shared(Language::English),
        }
    }

    /// The set with BLEU's and chrF's options `sacrebleu` (sacreBLEU's defaults otherwise).
    pub fn with_sacrebleu(self, sacrebleu: SacrebleuOptions) -> Self {
        MetricSet { sacrebleu, ..self }
    }

    /// The language of the texts scored next (English until set): its words,
    /// stop words and stemmer make the JS divergence's unigrams.
    pub fn set_language(&mut self, language: Language) {
        self.words = WordTokenizer::shared(language);
    }

    /// The language of the texts scored next.
    pub fn language(&self) -> Language {
        self.words.language()
    }

    /// The metrics whose inputs are present: BLEU, chrF and chrF++ when there
    /// are references, the others when there is a source ([`Metric::all`]
    /// order); but `dangling`, a heuristic, and TER (its shifts cost time cubic
    /// in a text's length, and no summarization default reports it) only when
    /// asked for by name.
    pub fn available(has_references: bool, has_source: bool) -> Vec<Metric> {
        Metric::all()
            .into_iter()
            .filter(|&m| m != Metric::Dangling && m != Metric::Ter)
            .filter(|m| match m.needs() {
                Needs::References => has_references,
                Needs::Source => has_source,
            })
            .collect()
    }

    /// The metrics, in the order values are returned.
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// The tokenizer of the fragment and n-gram metrics.
    pub fn tokenizer(&self) -> TextTokenizer {
        self.tokenizer
    }

    /// Checks that a document has what the metrics need: `references` is
    /// `None` when the document has no reference field, `source` whether it has a source.
    pub fn check(&self, references: Option<usize>, source: bool) -> Result<(), MissingInput> {
        let needing = |needs: Needs| {
            let names: Vec<String> =
                self.metrics.iter().filter(|m| m.needs() == needs).map(ToString::to_string).collect();
            (!names.is_empty()).then(|| names.join(", "))
        };
        if let Some(names) = needing(Needs::References) {
            match references {
                None => return Err(MissingInput::References(names)),
                Some(0) => return Err(MissingInput::NoReference(names)),
                Some(_) => {}
            }
        }
        if let Some(names) = needing(Needs::Source)
            && !source
        {
            return Err(MissingInput::Source(names));
        }
        Ok(())
    }

    /// Scores one document: `candidate` against `references` (BLEU, chrF,
    /// chrF++: sentence level, as `sacrebleu.sentence_bleu` and
    /// `CHRF().sentence_score`) and `source` (the rest). One value per
    /// metric, in order.
    pub fn score<S: AsRef<str>>(
        &self,
        candidate: &str,
        references: Option<&[S]>,
        source: Option<&str>,
    ) -> Result<Vec<MetricValue>, MissingInput> {
        self.score_extract(candidate, references, source, None)
    }

    /// [`MetricSet::score`] of an extract whose sentences the caller knows
    /// (`extracted`: a summarizer's selection, see
    /// [`super::dangling::selected`]); without them, `dangling` aligns the
    /// candidate to the source ([`super::dangling::align`]).
    pub fn score_extract<S: AsRef<str>>(
        &self,
        candidate: &str,
        references: Option<&[S]>,
        source: Option<&str>,
        extracted: Option<&[Extracted<'_>]>,
    ) -> Result<Vec<MetricValue>, MissingInput> {
        self.check(references.map(<[S]>::len), source.is_some())?;
        let references = references.unwrap_or(&[]);
        let source = source.unwrap_or("");
        let tokens =
            self.needs_tokens().then(|| (self.tokenizer.tokens(candidate), self.tokenizer.tokens(source)));
        let fragments = self.needs_fragments().then(|| {
            let (summary, source) = tokens.as_ref().expect("tokens for fragments");
            let (summary, source): (Vec<String>, Vec<String>) = (
                summary.iter().map(|t| t.to_lowercase()).collect(),
                source.iter().map(|t| t.to_lowercase()).collect(),
            );
            Fragments::find(&summary, &source)
        });
        let value = |metric, score, details| MetricValue { metric, score, details };
        let values = self.metrics.iter().map(|&metric| match metric {
            Metric::Bleu => {
                let bleu =
                    sentence_bleu_with(candidate, references, &self.sacrebleu.bleu_at(Level::Sentence));
                value(metric, Some(bleu.score), Details::Bleu(bleu))
            }
            Metric::Chrf | Metric::ChrfPlusPlus => {
                let order = if metric == Metric::Chrf { 0 } else { CHRF_PLUS_PLUS_WORD_ORDER };
                let options = self.sacrebleu.chrf_with(order);
                let stats = chrf_stats_with(candidate, references, &options);
                value(metric, Some(stats.score_with(&options)), Details::Chrf(stats))
            }
            Metric::Ter => {
                let stats = ter_stats(candidate, references, &self.sacrebleu.ter);
                value(metric, Some(stats.score()), Details::Ter(stats))
            }
            Metric::Coverage | Metric::Density | Metric::Compression => {
                let f = fragments.as_ref().expect("fragments computed");
                match metric {
                    Metric::Coverage => {
                        value(metric, Some(f.coverage()), Details::Fragments(f.fragments.clone()))
                    }
                    Metric::Density => {
                        value(metric, Some(f.density()), Details::Fragments(f.fragments.clone()))
                    }
                    _ => value(
                        metric,
                        Some(f.compression()),
                        Details::Compression { summary_tokens: f.summary_len, source_tokens: f.source_len },
                    ),
                }
            }
            Metric::Novel(n) | Metric::Repeated(n) => {
                let (summary, source) = tokens.as_ref().expect("tokens for n-grams");
                let shares = ngram_shares(summary, source, usize::from(n));
                let score = if matches!(metric, Metric::Novel(_)) { shares.novel } else { shares.repeated };
                value(metric, score, Details::None)
            }
            Metric::JsDivergence => {
                value(metric, js_divergence(candidate, source, self.words), Details::None)
            }
            Metric::Dangling => {
                let language = self.language();
                let found = match extracted {
                    Some(sentences) => check(sentences, language),
                    None => check_text(candidate, source, language),
                };
                value(metric, found.and_then(|c| c.share()), Details::None)
            }
        });
        Ok(values.collect())
    }

    /// Each metric's signature, in order, with the set's language. `nrefs`
    /// is the document's (or the corpus's) reference count, for BLEU and chrF.
    pub fn signatures(&self, nrefs: Option<RefCount>, level: Level) -> Vec<(Metric, String)> {
        let language = self.language().code();
        self.metrics
            .iter()
            .map(|&m| {
                let plain = signature_with(m, self.tokenizer, nrefs, level, &self.sacrebleu);
                (m, if names_language(m) { with_language(plain, language) } else { plain })
            })
            .collect()
    }

    fn needs_fragments(&self) -> bool {
        self.metrics.iter().any(|m| matches!(m, Metric::Coverage | Metric::Density | Metric::Compression))
    }

    fn needs_tokens(&self) -> bool {
        self.needs_fragments()
            || self.metrics.iter().any(|m| matches!(m, Metric::Novel(_) | Metric::Repeated(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_in_the_order_asked_and_names_missing_inputs() {
        let set =
            MetricSet::new(vec![Metric::Density, Metric::Bleu, Metric::Novel(2)], TextTokenizer::Whitespace);
        let values = set.score("The cat sat", Some(&["the cat sat"]), Some("the Cat sat down")).unwrap();
        let scores: Vec<_> = values.iter().map(|v| (v.metric, v.score)).collect();
        assert_eq!(scores[0], (Metric::Density, Some(3.0)));
        // Fragments match lower-cased tokens, n-grams case-preserved ones.
        assert_eq!(scores[2], (Metric::Novel(2), Some(1.0)));
        let missing = set.score::<String>("x", None, Some("y")).unwrap_err();
        assert_eq!(missing.to_string(), "field `references`: missing (needed by bleu)");
        let empty: &[&str] = &[];
        let missing = set.score("x", Some(empty), None).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "field `references`: empty list (at least one reference is needed by bleu)"
        );
        let missing = set.score("x", Some(&["y"]), None).unwrap_err();
        assert_eq!(missing.to_string(), "field `source`: missing (needed by density, novel-2)");
    }

    #[test]
    fn a_set_is_shared_across_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<MetricSet>();
        shared::<crate::metrics::CorpusAccumulator>();
    }

    #[test]
    fn dangling_aligns_text_or_reads_a_selection_and_is_opt_in() {
        let set = MetricSet::new(vec![Metric::Dangling], TextTokenizer::default());
        let source = "Ann won. She smiled. It rained.";
        // By hand: "She smiled." is sentence 1 without sentence 0 before it: 1 of 1.
        let values = set.score::<String>("She smiled.", None, Some(source)).unwrap();
        assert_eq!(values[0].score, Some(1.0));
        // The same text read through a selection of sentences 0 and 1: 0 of 2.
        let extract = [
            Extracted { index: Some(0), text: "Ann won.", cut: false },
            Extracted { index: Some(1), text: "She smiled.", cut: false },
        ];
        let values = set.score_extract::<String>("She smiled.", None, Some(source), Some(&extract)).unwrap();
        assert_eq!(values[0].score, Some(0.0));
        let mut german = set.clone();
        german.set_language(Language::German);
        assert_eq!(german.score::<String>("She smiled.", None, Some(source)).unwrap()[0].score, None);
        assert!(!MetricSet::available(true, true).contains(&Metric::Dangling));
    }

    #[test]
    fn available_metrics_follow_the_inputs() {
        assert_eq!(MetricSet::available(true, false), [Metric::Bleu, Metric::Chrf, Metric::ChrfPlusPlus]);
        assert_eq!(MetricSet::available(false, true).len(), 12);
    }
}
