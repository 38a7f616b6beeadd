//! The work itself: prepare documents, run every summarizer on every
//! document on rayon, and score every summary. Results come back in a fixed
//! order (document order, then summarizer order, then metric order) whatever
//! the thread count; only the per-item timings vary between runs.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use super::HarnessError;
use super::bertscore::{EncodedReferences, RunBertScore};
use super::pitfalls::Pitfalls;
use super::plan::BudgetSpec;
use crate::corpus::Document;
use crate::lang::{Language, LanguageChoice};
use crate::metrics::MetricSpec;
use crate::metrics::dangling::{self, Extracted};
use crate::metrics::{MetricSet, SufficientStats, TextTokenizer};
use crate::profiles::{ProfileScorer, ProfileSpec};
use crate::report::SummaryRecord;
use crate::rouge::{DocumentScorer, Metric, RougeTokenizer, Score, Scorer, sentence_per_line_in};
use crate::rouge155;
use crate::summarize::{Budget, BuildOptions, ReadsReferences, Summarizer, Summary, build};
use crate::text::{CorpusStats, PreparedDocument, WordTokenizer};

/// The settings that decide every number in a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Summarizer names, in report order: built-in ones (see
    /// [`crate::summarize::registry`]) and the caller's own (see [`Engine::with_custom`]).
    pub summarizers: Vec<String>,
    /// Summary length.
    pub budget: BudgetSpec,
    /// Metrics, in report order.
    pub metrics: Vec<MetricSpec>,
    /// Porter stemming in ROUGE.
    pub stem: bool,
    /// ROUGE's tokenizer profile (rouge-score's unless asked otherwise).
    pub rouge_tokenizer: RougeTokenizer,
    /// Another package's ROUGE for the rouge-score metrics (`--rouge-profile`):
    /// each document's summary and references, one sentence per line, go to
    /// the package, which scores them by its own rules.
    pub rouge_profile: Option<ProfileSpec>,
    /// The model and options of the `bertscore` metric (needed when it is one
    /// of [`Settings::metrics`]; the `models` feature).
    pub bertscore: Option<crate::models::BertScoreSetting>,
    /// The documents' language, where a document does not say its own
    /// ([`Document::language`]): one for all, or detected per document.
    pub language: LanguageChoice,
    /// Seed for randomized summarizers.
    pub seed: u64,
}

/// The results for one document: one item per summarizer, in order.
#[derive(Debug, Clone)]
pub struct DocumentResult {
    /// One per summarizer, in [`Settings::summarizers`] order.
    pub items: Vec<ItemResult>,
    /// Anything odd about the document (it is still scored).
    pub warnings: Vec<String>,
    /// Its counts of the corpus-level pitfalls.
    pub pitfalls: Pitfalls,
}

/// One summarizer on one document.
#[derive(Debug, Clone)]
pub struct ItemResult {
    /// The summary.
    pub summary: SummaryRecord,
    /// One score per metric, in [`Settings::metrics`] order.
    pub scores: Vec<Score>,
    /// The statistics corpus-level BLEU and chrF sum, one per such metric
    /// in [`Settings::metrics`] order (see [`crate::report::CorpusLevel`]).
    pub corpus_stats: Vec<SufficientStats>,
    /// Wall-clock seconds the summarizer took (ranking and budget fill).
    pub seconds: f64,
}

/// A document ready for evaluation: its prepared source, which summarizers
/// read, and apart from it its references, which only scoring and the
/// oracle's [`ReadsReferences`] capability see.
#[derive(Debug, Clone)]
pub struct EvalDocument {
    /// Sentences, terms and IDF of the source.
    pub doc: PreparedDocument,
    /// The human references.
    pub references: Vec<String>,
}

impl EvalDocument {
    /// Prepares `document` (per-document IDF), its references set apart.
    pub fn new(document: Document, tokenizer: &WordTokenizer) -> Self {
        let (source, references) = document.into_parts();
        EvalDocument { doc: PreparedDocument::new(source, tokenizer), references }
    }

    /// Prepares a whole in-memory corpus with IDF over it (see
    /// [`crate::text::prepare_corpus`]), each document's references set apart.
    pub fn prepare_corpus(docs: Vec<Document>, tokenizer: &WordTokenizer) -> Vec<EvalDocument> {
        let (sources, references): (Vec<_>, Vec<_>) = docs.into_iter().map(Document::into_parts).unzip();
        let prepared = crate::text::prepare_corpus(sources, tokenizer);
        prepared
            .into_iter()
            .zip(references)
            .map(|(doc, references)| EvalDocument { doc, references })
            .collect()
    }

    /// `summarizer`'s summary of this document within `budget`, as the
    /// harness makes it: a summarizer that [reads the
    /// references](Summarizer::reads_references) gets them, prepared here
    /// for it (the harness reuses its scorer's instead).
    pub fn summarize(&self, summarizer: &dyn Summarizer, budget: &Budget) -> Summary {
        match summarizer.reads_references() {
            Some(oracle) => {
                let language = self.doc.language;
                let references: Vec<String> =
                    self.references.iter().map(|r| sentence_per_line_in(r, language)).collect();
                let spans: Vec<Range<usize>> = self.doc.sentences.iter().map(|s| s.span.clone()).collect();
                let scorer = oracle.rouge().clone().with_language(language);
                let prepared = DocumentScorer::new(&scorer, &references, &self.doc.source.text, &spans);
                oracle.summarize_with_references(&self.doc, &prepared, budget)
            }
            None => summarizer.summarize(&self.doc, budget),
        }
    }
}

/// One outside summary's scores, in [`Settings::metrics`] order, and the
/// statistics corpus-level BLEU and chrF sum (as in [`ItemResult`]).
pub type TextScores = (Vec<Score>, Vec<SufficientStats>);

/// Built summarizers and scorer for one set of [`Settings`].
pub struct Engine {
    settings: Settings,
    summarizers: Vec<Arc<dyn Summarizer>>,
    scorer: Scorer,
    /// ROUGE-1.5.5 scorer for the metrics only it has (`None` without any).
    scorer155: Option<rouge155::Scorer>,
    /// The metrics beyond ROUGE (`None` without any).
    others: Option<MetricSet>,
    /// With a multilingual ROUGE profile, the report's scorer in every language.
    scorers: Vec<Scorer>,
    /// With `--rouge-profile`, the package scoring the rouge-score metrics.
    profile: Option<ProfileScorer>,
    /// With `bertscore` among the metrics, the model scoring it.
    bertscore: Option<RunBertScore>,
}

/// What every work item of one document shares, prepared once: its budget
/// and its references for both ROUGE implementations (and, when the oracle
/// needs other metrics or stemming than the report's, for the oracle).
struct DocumentWork<'a> {
    budget: Budget,
    references: &'a [String],
    /// The references one sentence per line, kept for a ROUGE profile.
    lined: Vec<String>,
    rouge: DocumentScorer<'a>,
    rouge155: Option<rouge155::References>,
    oracle: Option<DocumentScorer<'a>>,
    /// The references encoded for BERTScore.
    bertscore: Option<EncodedReferences>,
}

impl Engine {
    /// Builds the built-in summarizers the settings name, and the ROUGE scorer.
    pub fn new(settings: Settings) -> Result<Self, HarnessError> {
        Engine::with_custom(settings, &[])
    }

    /// Like [`Engine::new`], where a name in [`Settings::summarizers`] may
    /// also be one of `custom`'s [`Summarizer::name`]s: the caller's own
    /// summarizers run through the same harness as the built-in ones. A name
    /// is looked up in `custom` first.
    pub fn with_custom(settings: Settings, custom: &[Arc<dyn Summarizer>]) -> Result<Self, HarnessError> {
        let options = BuildOptions { seed: settings.seed, rouge_tokenizer: settings.rouge_tokenizer };
        let summarizers = settings
            .summarizers
            .iter()
            .map(|name| match custom.iter().find(|s| s.name() == name) {
                Some(summarizer) => Ok(Arc::clone(summarizer)),
                None => build(name, &options).map(Arc::from),
            })
            .collect::<Result<_, _>>()?;
        let rouge: Vec<Metric> = settings
            .metrics
            .iter()
            .filter_map(|m| match m {
                MetricSpec::Rouge(m) => Some(*m),
                MetricSpec::Rouge155(_) | MetricSpec::Other(_) | MetricSpec::BertScore => None,
            })
            .collect();
        let only155: Vec<rouge155::Metric> = settings
            .metrics
            .iter()
            .filter_map(|m| match m {
                MetricSpec::Rouge155(m) => Some(*m),
                MetricSpec::Rouge(_) | MetricSpec::Other(_) | MetricSpec::BertScore => None,
            })
            .collect();
        let others: Vec<crate::metrics::Metric> = settings
            .metrics
            .iter()
            .filter_map(|m| match m {
                MetricSpec::Other(m) => Some(*m),
                MetricSpec::Rouge(_) | MetricSpec::Rouge155(_) | MetricSpec::BertScore => None,
            })
            .collect();
        let others = (!others.is_empty()).then(|| MetricSet::new(others, TextTokenizer::default()));
        let scorer = Scorer::new(&rouge, settings.stem).with_tokenizer(settings.rouge_tokenizer);
        let scorer155 = (!only155.is_empty()).then(|| {
            rouge155::Scorer::new(rouge155::Config {
                metrics: only155,
                stem: settings.stem,
                ..rouge155::Config::default()
            })
        });
        let scorers = match settings.rouge_tokenizer.is_multilingual() {
            true => Language::all().map(|language| scorer.clone().with_language(language)).collect(),
            false => Vec::new(),
        };
        let profile = match &settings.rouge_profile {
            Some(spec) => Some(ProfileScorer::new(spec, &rouge)?),
            None => None,
        };
        let bertscore = match (settings.metrics.contains(&MetricSpec::BertScore), &settings.bertscore) {
            (false, _) => None,
            (true, None) => return Err(HarnessError::NoModel),
            (true, Some(setting)) => Some(RunBertScore::new(setting)?),
        };
        Ok(Engine { settings, summarizers, scorer, scorer155, others, scorers, profile, bertscore })
    }

    /// The report's ROUGE scorer for texts in `language` (the language
    /// matters to the multilingual profiles only).
    fn scorer_for(&self, language: Language) -> &Scorer {
        if !self.settings.rouge_tokenizer.is_multilingual() {
            return &self.scorer;
        }
        self.scorers.iter().find(|s| s.language() == language).unwrap_or(&self.scorer)
    }

    /// The language `doc` is prepared and scored in: its own, else the
    /// settings' (detected from its text under `auto`).
    pub fn language_of(&self, doc: &Document) -> Language {
        doc.language.unwrap_or_else(|| self.settings.language.resolve(&doc.text))
    }

    /// Prepares one document by its language's rules.
    fn prepare_one(&self, doc: Document) -> EvalDocument {
        let tokenizer = WordTokenizer::shared(self.language_of(&doc));
        EvalDocument::new(doc, tokenizer)
    }

    /// The settings this engine was built with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Segments and tokenizes `docs` (in parallel), keeping their order.
    pub fn prepare(&self, docs: Vec<Document>) -> Vec<EvalDocument> {
        docs.into_par_iter().map(|d| self.prepare_one(d)).collect()
    }

    /// Prepares a whole in-memory corpus with IDF over it (each document
    /// prepared once).
    pub fn prepare_corpus(&self, docs: Vec<Document>) -> Vec<EvalDocument> {
        let mut prepared = self.prepare(docs);
        let mut stats = CorpusStats::default();
        prepared.iter().for_each(|d| stats.add(&d.doc));
        prepared.par_iter_mut().for_each(|d| d.doc.apply_corpus_idf(&stats));
        prepared
    }

    /// Adds the document frequencies of `docs` to `stats`, preparing them in
    /// parallel and dropping them: the first pass of IDF over a corpus read
    /// in chunks.
    pub fn count_terms(&self, docs: Vec<Document>, stats: &mut CorpusStats) {
        self.prepare(docs).iter().for_each(|d| stats.add(&d.doc));
    }

    /// Prepares `docs` with corpus-level IDF from `stats`.
    pub fn prepare_with_idf(&self, docs: Vec<Document>, stats: &CorpusStats) -> Vec<EvalDocument> {
        docs.into_par_iter()
            .map(|d| {
                let mut e = self.prepare_one(d);
                e.doc.apply_corpus_idf(stats);
                e
            })
            .collect()
    }

    /// Runs every summarizer on every document of `docs` and scores the
    /// summaries; `corpus` names the corpus in the records. `on_item` is
    /// called once per finished work item (for a progress bar).
    ///
    /// A summarizer that fails (see [`Summarizer::try_rank`]) fails the
    /// call with the first failure in (document, summarizer) order, the
    /// same one at any thread count: an item is skipped only when an earlier
    /// item has already failed, so the earliest failing item always runs.
    pub fn evaluate(
        &self,
        corpus: &str,
        docs: &[EvalDocument],
        on_item: &(dyn Fn() + Sync),
    ) -> Result<Vec<DocumentResult>, HarnessError> {
        let work: Vec<DocumentWork<'_>> =
            docs.par_iter().map(|d| self.document_work(d)).collect::<Result<_, _>>()?;
        let per_doc = self.summarizers.len();
        let first_failure = AtomicUsize::new(usize::MAX);
        let outcomes: Vec<Option<Result<ItemResult, HarnessError>>> = (0..docs.len() * per_doc)
            .into_par_iter()
            .map(|k| {
                if k > first_failure.load(Ordering::Relaxed) {
                    return None;
                }
                let (d, s) = (k / per_doc, k % per_doc);
                let item = self.item(corpus, &docs[d].doc, &work[d], s);
                if item.is_err() {
                    first_failure.fetch_min(k, Ordering::Relaxed);
                }
                on_item();
                Some(item)
            })
            .collect();
        let mut items = Vec::with_capacity(outcomes.len());
        // A skipped item (`None`) only ever follows a failure, which returns first.
        for outcome in outcomes.into_iter().flatten() {
            items.push(outcome?);
        }
        let mut pitfalls: Vec<Pitfalls> = docs.par_iter().map(|d| self.pitfalls(d)).collect();
        let mut results = Vec::with_capacity(docs.len());
        for EvalDocument { doc, references } in docs.iter().rev() {
            let tail = items.split_off(items.len() - per_doc);
            let mut warnings = warnings(doc, references, self.scorer.tokenizer());
            warnings.extend(self.summarizers.iter().filter_map(|s| {
                s.approximation(doc).map(|note| format!("document `{}`: {}: {note}", doc.source.id, s.name()))
            }));
            // Said once per run: the report keeps one copy of a warning.
            warnings.extend(
                self.summarizers.iter().filter_map(|s| {
                    s.language_note(doc.language).map(|note| format!("{}: {note}", s.name()))
                }),
            );
            warnings.extend(language_rules_note(doc.language));
            let pitfalls = pitfalls.pop().expect("one per document");
            results.push(DocumentResult { items: tail, warnings, pitfalls });
        }
        results.reverse();
        Ok(results)
    }

    /// A document's counts of the corpus-level pitfalls; unless the run
    /// detects each document's language, whether it looks to be in the one
    /// it was read in.
    fn pitfalls(&self, eval: &EvalDocument) -> Pitfalls {
        let mut pitfalls = Pitfalls::of_document(&eval.doc.source.text, &eval.references);
        if self.settings.language != LanguageChoice::Auto {
            pitfalls.check_language(&eval.doc.source.text, eval.doc.language);
        }
        pitfalls
    }

    /// A document's budget and scorers: references split into sentences joined
    /// by newlines (for rougeLsum, as the sumy baseline does; ROUGE-1.5.5 reads
    /// the same one-sentence-per-line form), tokenized once. The oracle reuses
    /// the report's prepared references when they suit it.
    fn document_work<'a>(&'a self, eval: &'a EvalDocument) -> Result<DocumentWork<'a>, HarnessError> {
        let doc = &eval.doc;
        let language = doc.language;
        let references: Vec<String> =
            eval.references.iter().map(|r| sentence_per_line_in(r, language)).collect();
        let spans: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.span.clone()).collect();
        let scorer = self.scorer_for(language);
        let rouge = DocumentScorer::new(scorer, &references, &doc.source.text, &spans);
        let oracle = self
            .summarizers
            .iter()
            .filter_map(|s| s.reads_references())
            .map(ReadsReferences::rouge)
            .find(|wanted| !suits(scorer, wanted))
            .map(|wanted| DocumentScorer::new(wanted, &references, &doc.source.text, &spans));
        let lined = match self.profile {
            Some(_) => references.clone(),
            None => Vec::new(),
        };
        let bertscore = self.bertscore.as_ref().map(|b| b.references(&eval.references)).transpose()?;
        Ok(DocumentWork {
            budget: self.settings.budget.resolve(&eval.references, eval.doc.language),
            references: &eval.references,
            lined,
            rouge,
            rouge155: self.scorer155.as_ref().map(|s| s.prepare(&references)),
            oracle,
            bertscore,
        })
    }

    /// Puts the scores of the two ROUGE implementations and of the other
    /// metrics into [`Settings::metrics`] order.
    fn in_metric_order(
        &self,
        rouge: Vec<Score>,
        only155: Vec<Score>,
        others: Vec<Score>,
        bertscore: Option<Score>,
    ) -> Vec<Score> {
        let (mut rouge, mut only155, mut others) =
            (rouge.into_iter(), only155.into_iter(), others.into_iter());
        self.settings
            .metrics
            .iter()
            .map(|m| match m {
                MetricSpec::Rouge(_) => rouge.next(),
                MetricSpec::Rouge155(_) => only155.next(),
                MetricSpec::Other(_) => others.next(),
                MetricSpec::BertScore => bertscore,
            })
            .map(Option::unwrap_or_default)
            .collect()
    }

    /// The metrics beyond ROUGE for `summary` of `source` with `references`:
    /// the single value as F, P and R undefined (NaN, written as empty
    /// fields); an undefined value (e.g. BLEU without a reference) is NaN too.
    /// The beyond-ROUGE metrics' scores (F only) and the statistics
    /// corpus-level BLEU and chrF sum. `extracted`: the summary's sentences
    /// in the source when a summarizer selected them (`dangling` aligns the
    /// text otherwise).
    fn other_scores(
        &self,
        summary: &str,
        references: &[String],
        source: &str,
        language: Language,
        extracted: Option<&[Extracted<'_>]>,
    ) -> (Vec<Score>, Vec<SufficientStats>) {
        let Some(set) = &self.others else { return (Vec::new(), Vec::new()) };
        let in_language;
        let set = if set.language() == language {
            set
        } else {
            let mut other = set.clone();
            other.set_language(language);
            in_language = other;
            &in_language
        };
        let undefined = Score { precision: f64::NAN, recall: f64::NAN, fmeasure: f64::NAN };
        match set.score_extract(summary, Some(references), Some(source), extracted) {
            Ok(values) => (
                values.iter().map(|v| Score { fmeasure: v.score.unwrap_or(f64::NAN), ..undefined }).collect(),
                values.iter().filter_map(SufficientStats::of).collect(),
            ),
            Err(_) => (
                vec![undefined; set.metrics().len()],
                set.metrics()
                    .iter()
                    .copied()
                    .filter(|&m| SufficientStats::sums(m))
                    .map(SufficientStats::zero)
                    .collect(),
            ),
        }
    }

    fn item(
        &self,
        corpus: &str,
        doc: &PreparedDocument,
        work: &DocumentWork<'_>,
        which: usize,
    ) -> Result<ItemResult, HarnessError> {
        let summarizer = &self.summarizers[which];
        let start = Instant::now();
        let summary = match summarizer.reads_references() {
            Some(oracle) => {
                let references = work.oracle.as_ref().unwrap_or(&work.rouge);
                oracle.summarize_with_references(doc, references, &work.budget)
            }
            None => match summarizer.try_rank(doc, &work.budget) {
                Ok(ranking) => work.budget.fill(doc, &ranking),
                Err(error) => {
                    return Err(HarnessError::SummarizerFailed {
                        summarizer: self.settings.summarizers[which].clone(),
                        doc_id: doc.source.id.clone(),
                        error,
                    });
                }
            },
        };
        let seconds = start.elapsed().as_secs_f64();
        let text = summary.text(doc);
        let rouge = match &self.profile {
            Some(profile) => profile.score(&sentence_per_line_in(&text, doc.language), &work.lined),
            None => work.rouge.score_spans(&summary.spans(doc)),
        };
        let only155 = match (&self.scorer155, &work.rouge155) {
            (Some(scorer), Some(references)) => scorer.score(references, &text),
            _ => Vec::new(),
        };
        let extracted = dangling::selected(doc, &summary.sentences, summary.truncated_len);
        let (others, corpus_stats) =
            self.other_scores(&text, work.references, &doc.source.text, doc.language, Some(&extracted));
        let bertscore = match (&self.bertscore, &work.bertscore) {
            (Some(scorer), Some(references)) => Some(scorer.score(&text, references)?),
            _ => None,
        };
        let scores = self.in_metric_order(rouge, only155, others, bertscore);
        let summary = SummaryRecord {
            corpus: corpus.to_string(),
            doc_id: doc.source.id.clone(),
            summarizer: self.settings.summarizers[which].clone(),
            sentences: summary.sentences,
            cut: summary.truncated_len,
            words: crate::lang::word_count(doc.language, &text),
            text,
            language: doc.language,
        };
        Ok(ItemResult { summary, scores, corpus_stats, seconds })
    }

    /// Scores outside summaries (any texts) of `doc` against its references
    /// (scores and corpus statistics as in [`ItemResult`], one per summary);
    /// each summary is split into sentences joined by newlines, like the
    /// references, which are prepared once for all the summaries.
    pub fn score_texts<S: AsRef<str>>(
        &self,
        doc: &Document,
        summaries: &[S],
    ) -> Result<Vec<TextScores>, HarnessError> {
        let language = self.language_of(doc);
        let references: Vec<String> =
            doc.references.iter().map(|r| sentence_per_line_in(r, language)).collect();
        let prepared155 = self.scorer155.as_ref().map(|scorer| scorer.prepare(&references));
        let encoded = self.bertscore.as_ref().map(|scorer| scorer.references(&doc.references)).transpose()?;
        let summaries: Vec<String> =
            summaries.iter().map(|s| sentence_per_line_in(s.as_ref(), language)).collect();
        // BERTScore encodes the document's summaries in batches together.
        let mut bertscores = match (&self.bertscore, &encoded) {
            (Some(scorer), Some(encoded)) => {
                scorer.score_all(&summaries, encoded)?.into_iter().map(Some).collect()
            }
            _ => vec![None; summaries.len()],
        }
        .into_iter();
        summaries
            .into_iter()
            .map(|summary| {
                let rouge = match &self.profile {
                    Some(profile) => profile.score(&summary, &references),
                    None => self.scorer_for(language).score_multi(&references, &summary),
                };
                let only155 = match (&self.scorer155, &prepared155) {
                    (Some(scorer), Some(prepared)) => scorer.score(prepared, &summary),
                    _ => Vec::new(),
                };
                let (others, corpus_stats) =
                    self.other_scores(&summary, &doc.references, &doc.text, language, None);
                let bertscore = bertscores.next().flatten();
                Ok((self.in_metric_order(rouge, only155, others, bertscore), corpus_stats))
            })
            .collect()
    }
}

/// The note for documents in `language` when the summarizers have less
/// than full rules for it (no stop words or no stemmer), said once per run.
fn language_rules_note(language: Language) -> Option<String> {
    let tokenizer = WordTokenizer::shared(language);
    (!tokenizer.has_full_rules()).then(|| {
        let missing = match (language.stop_words().is_some(), tokenizer.has_stemmer()) {
            (false, false) => "no stop-word list (NLTK has none) and no stemmer",
            (false, true) => "no stop-word list (NLTK has none)",
            _ => "no stemmer",
        };
        format!(
            "summarizers: {} ({language}) has {missing} in sumbench: its words are compared as written",
            language.name()
        )
    })
}

/// Whether references prepared by `have` serve a summarizer that wants them
/// prepared by `wanted`: the same tokenizer and stemming, and every metric it scores.
fn suits(have: &Scorer, wanted: &Scorer) -> bool {
    // `have` is already in the document's language; the oracle's own scorer
    // names the report's profile, not a language.
    have.tokenizer() == wanted.tokenizer()
        && have.stem() == wanted.stem()
        && wanted.metrics().iter().all(|m| have.metrics().contains(m))
}

fn warnings(doc: &PreparedDocument, references: &[String], tokenizer: RougeTokenizer) -> Vec<String> {
    let id = &doc.source.id;
    let mut warnings = Vec::new();
    if doc.sentences.is_empty() {
        warnings.push(format!("document `{id}` has no sentences: every summary is empty"));
    }
    if references.is_empty() {
        warnings.push(format!("document `{id}` has no references: every score is 0"));
    }
    if !doc.sentences.is_empty() && !tokenizer.has_tokens(&doc.source.text) {
        let which = if tokenizer == RougeTokenizer::RougeScore {
            "ASCII letters or digits"
        } else {
            "letters or digits"
        };
        warnings.push(format!("document `{id}` has no ROUGE tokens (no {which}): every score is 0"));
    }
    for (i, reference) in references.iter().enumerate() {
        if !tokenizer.has_tokens(reference) {
            warnings.push(format!(
                "reference {} of document `{id}` has no ROUGE tokens: it never matches",
                i + 1
            ));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(summarizers: &[&str]) -> Settings {
        Settings {
            summarizers: summarizers.iter().map(|s| s.to_string()).collect(),
            budget: BudgetSpec::Fixed(crate::summarize::Budget::Sentences(1)),
            metrics: MetricSpec::defaults(),
            stem: true,
            rouge_tokenizer: RougeTokenizer::RougeScore,
            rouge_profile: None,
            bertscore: None,
            language: LanguageChoice::default(),
            seed: 0,
        }
    }

    fn doc(id: &str, text: &str, reference: &str) -> Document {
        Document {
            id: id.into(),
            title: None,
            text: text.into(),
            references: vec![reference.into()],
            language: None,
        }
    }

    #[test]
    fn lead_copying_the_reference_scores_one_and_results_keep_order() {
        let engine = Engine::new(settings(&["lead", "random"])).unwrap();
        let docs = engine.prepare(vec![
            doc("a", "Cats sleep all day. Dogs bark.", "Cats sleep all day."),
            doc("b", "Birds sing. Fish swim.", "Fish swim."),
        ]);
        let results = engine.evaluate("c", &docs, &|| {}).unwrap();
        assert_eq!(results.len(), 2);
        let first = &results[0].items[0];
        assert_eq!((first.summary.doc_id.as_str(), first.summary.summarizer.as_str()), ("a", "lead"));
        assert_eq!(first.summary.text, "Cats sleep all day.");
        assert_eq!(first.summary.words, 4);
        assert_eq!(first.scores.len(), 5, "rouge1, rouge2, rougeL, rougeLsum, dangling");
        assert!(first.scores[..4].iter().all(|r| r.fmeasure == 1.0));
        // The document's first sentence alone: nothing dangles.
        assert_eq!(first.scores[4].fmeasure, 0.0);
        // Lead on "b" picks "Birds sing." which shares nothing with "Fish swim.".
        let lead_b = &results[1].items[0];
        assert_eq!(lead_b.summary.doc_id, "b");
        assert!(lead_b.scores.iter().all(|r| r.fmeasure == 0.0));
        assert_eq!(results[1].items[1].summary.summarizer, "random");
    }

    /// Fails on every document whose id starts with `bad`, after a pause
    /// that lets later items finish first on other threads.
    struct FailsOnBad;

    impl Summarizer for FailsOnBad {
        fn name(&self) -> &str {
            "flaky"
        }

        fn rank(&self, doc: &PreparedDocument, _: &Budget) -> crate::summarize::Ranking {
            crate::summarize::Ranking::from_scores(vec![0.0; doc.sentences.len()])
        }

        fn try_rank(
            &self,
            doc: &PreparedDocument,
            budget: &Budget,
        ) -> Result<crate::summarize::Ranking, crate::summarize::RankError> {
            if doc.source.id.starts_with("bad") {
                // The earliest bad document sleeps longest: without care for
                // order, a later failure would be seen first.
                let position: u64 = doc.source.id[3..].parse().unwrap();
                std::thread::sleep(std::time::Duration::from_millis(40u64.saturating_sub(position)));
                return Err(format!("cannot rank {}", doc.source.id).into());
            }
            Ok(self.rank(doc, budget))
        }
    }

    #[test]
    fn the_first_failure_in_document_order_is_reported_at_any_thread_count() {
        let custom: Vec<Arc<dyn Summarizer>> = vec![Arc::new(FailsOnBad)];
        let engine = Engine::with_custom(settings(&["lead", "flaky"]), &custom).unwrap();
        let docs: Vec<Document> = (0..40)
            .map(|i| {
                let id = if i % 7 == 5 { format!("bad{i}") } else { format!("ok{i}") };
                doc(&id, "Cats sleep all day. Dogs bark.", "Cats sleep.")
            })
            .collect();
        let docs = engine.prepare(docs);
        for threads in [1, 2, 8] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let error = pool.install(|| engine.evaluate("c", &docs, &|| {})).unwrap_err();
            assert_eq!(
                error.to_string(),
                "summarizer `flaky`, document `bad5`: cannot rank bad5",
                "{threads} threads"
            );
        }
        let fine = engine.prepare(vec![doc("ok", "Cats sleep all day. Dogs bark.", "Cats sleep.")]);
        assert_eq!(engine.evaluate("c", &fine, &|| {}).unwrap()[0].items.len(), 2);
    }

    #[test]
    fn empty_documents_are_scored_zero_with_a_warning() {
        let engine = Engine::new(settings(&["lead"])).unwrap();
        let docs = engine.prepare(vec![doc("e", "   ", "Something.")]);
        let results = engine.evaluate("c", &docs, &|| {}).unwrap();
        assert_eq!(results[0].items[0].summary.text, "");
        let scores = &results[0].items[0].scores;
        assert!(scores[..4].iter().all(|r| r.fmeasure == 0.0));
        // No sentence: `dangling` is undefined.
        assert!(scores[4].fmeasure.is_nan());
        assert_eq!(results[0].warnings.len(), 1);
    }

    #[test]
    fn rouge155_metrics_take_their_place_in_the_metric_order() {
        let mut s = settings(&["lead"]);
        s.metrics = MetricSpec::parse_list("rougeSU4,rouge1").unwrap();
        let engine = Engine::new(s).unwrap();
        let docs = engine.prepare(vec![doc("a", "Cats sleep all day. Dogs bark.", "Cats sleep.")]);
        let item = &engine.evaluate("c", &docs, &|| {}).unwrap()[0].items[0];
        // Summary "cats sleep all day" against "cats sleep" (stemmed), by hand:
        //   rougeSU4 (ROUGE-1.5.5 counts every token but the last as a unigram):
        //     summary 3 unigrams + 6 skip-bigrams = 9 units, reference 1 + 1 = 2, both
        //     matched: P 2/9, R 1, F 4/11 (rounded to 5 decimals, as the script does);
        //   rouge1: P 2/4, R 2/2, F 2/3.
        let f: Vec<f64> = item.scores.iter().map(|s| s.fmeasure).collect();
        assert_eq!(f.len(), 2);
        assert!((f[0] - 4.0 / 11.0).abs() < 1e-5, "{f:?}");
        assert!((f[1] - 2.0 / 3.0).abs() < 1e-12, "{f:?}");
    }

    #[test]
    fn a_document_ranked_in_blocks_is_noted_in_the_warnings() {
        // textrank ranks documents above 2,000 sentences in blocks: 2,001 → 2 blocks.
        // (No two sentences share a word, so the graphs have no edges and stay cheap.)
        let text: String = (0..2001).map(|i| format!("Word{i} here. ")).collect();
        let engine = Engine::new(settings(&["lead", "lsa", "textrank"])).unwrap();
        let long = engine.prepare(vec![doc("long", &text, "Word1 here.")]);
        let warnings = &engine.evaluate("c", &long, &|| {}).unwrap()[0].warnings;
        assert_eq!(
            warnings,
            &[
                "document `long`: textrank: 2001 sentences: ranked in 2 blocks of at most 2000 (an approximation)"
            ]
        );
        let short = engine.prepare(vec![doc("short", "One here. Two there.", "One.")]);
        assert!(engine.evaluate("c", &short, &|| {}).unwrap()[0].warnings.is_empty());
    }

    #[test]
    fn unknown_summarizers_are_refused() {
        assert!(Engine::new(settings(&["nope"])).is_err());
    }
}
