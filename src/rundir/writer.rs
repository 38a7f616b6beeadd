//! [`ReportWriter`]: a run directory written as one unit. `scores.csv` and
//! `summaries.jsonl` are streamed summary by summary into a staging folder,
//! the [`Aggregator`] keeps what the aggregate reports need, and
//! [`ReportWriter::finish`] writes `summary.csv`, `corpus_level.csv`, `summary.md`,
//! `summary.svg`, `report.html` and `run.json` (with every other file's SHA-256) and puts
//! the folder in place of the target in one step.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::RunDirError;
use super::RunOutcome;
use super::files;
use super::info::{CorpusInfo, RunInfo, SummaryText};
use super::stage::{StagedDir, StagedFile};
use crate::metrics::signature::{names_language, with_language};
use crate::metrics::{Level, RefCount, SufficientStats, TextTokenizer};
use crate::report::html::{DocumentSource, MAX_DOCUMENTS, PageCollector};
use crate::report::{
    Aggregator, CorpusLevel, CorpusLevelRow, RowKey, ScoresCsv, SummaryRecord, Timing, aggregate_csv,
    aggregate_markdown, aggregate_svg, corpus_level_csv, corpus_level_markdown,
};
use crate::rouge::Score;

/// Writes a run directory: summaries as they come, the aggregate reports and
/// `run.json` at the end, all into a staging folder that
/// [`ReportWriter::finish`] swaps into place (see `stage.rs`).
pub struct ReportWriter {
    dir: StagedDir,
    target: PathBuf,
    scores: ScoresCsv<StagedFile>,
    summaries: StagedFile,
    aggregator: Aggregator,
    corpus_level: CorpusLevel,
    page: PageCollector,
    /// The metrics' names, as every row names them.
    metric_names: Vec<String>,
    /// Documents per corpus and language (counted at each document's first summary).
    languages: BTreeMap<String, BTreeMap<String, usize>>,
    info: RunInfo,
}

impl ReportWriter {
    /// Starts the run directory `dir` of the run `info` describes (its
    /// summarizers, metrics and budget name every row). `dir` must be missing
    /// or hold only report files (see [`files::ALL`]).
    pub fn create(dir: &Path, info: RunInfo) -> Result<Self, RunDirError> {
        let io = |error| RunDirError::output(dir, error);
        let staged = StagedDir::create(dir, &files::ALL).map_err(io)?;
        let scores = staged.stream(files::SCORES).and_then(ScoresCsv::new).map_err(io)?;
        let summaries = staged.stream(files::SUMMARIES).map_err(io)?;
        let metric_names: Vec<String> = info.metrics.iter().map(ToString::to_string).collect();
        let aggregator = Aggregator::new(info.summarizers.clone(), metric_names.clone());
        let corpus_level = CorpusLevel::new(info.summarizers.clone(), &info.metrics);
        let page = PageCollector::new(info.seed, MAX_DOCUMENTS);
        Ok(ReportWriter {
            dir: staged,
            target: dir.to_path_buf(),
            scores,
            summaries,
            aggregator,
            corpus_level,
            page,
            metric_names,
            languages: BTreeMap::new(),
            info,
        })
    }

    /// Adds a warning to `run.json`, unless the same one is there already
    /// (each cause is said once).
    pub fn warn(&mut self, warning: impl Into<String>) {
        let warning = warning.into();
        if !self.info.warnings.contains(&warning) {
            self.info.warnings.push(warning);
        }
    }

    /// Records the seconds a summarizer took on a corpus.
    pub fn add_timing(&mut self, timing: Timing) {
        self.info.timings.push(timing);
    }

    /// Records a corpus the run read, once it is read (in report order).
    pub fn add_corpus(&mut self, corpus: CorpusInfo) {
        self.info.corpora.push(corpus);
    }

    /// Starts corpus `name`, whose summaries follow; `documents` (expected,
    /// or 0 if unknown) sizes the aggregate's vectors once.
    pub fn begin_corpus(&mut self, name: &str, documents: usize) {
        self.aggregator.begin_corpus(name, documents);
        self.corpus_level.begin_corpus(name);
    }

    /// The text and references of document `doc_id` of `corpus` as the run
    /// read them, given after its summaries, for `report.html` (which copies
    /// only what it may embed). A merge gives none: the page re-reads them.
    pub fn document(&mut self, corpus: &str, doc_id: &str, source: DocumentSource<'_>) {
        self.page.document(corpus, doc_id, source);
    }

    /// Writes one summary by summarizer number `summarizer` (of the run's
    /// list) with its scores, one per metric in the run's order, and the
    /// statistics of its corpus-level metrics (one per BLEU, chrF or chrF++
    /// in the run's order; none to leave the corpus-level sums alone, as
    /// merging does). Every summarizer's summary of a document comes before
    /// the next document's.
    pub fn summary(
        &mut self,
        summarizer: usize,
        record: &SummaryRecord,
        scores: &[Score],
        corpus_stats: &[SufficientStats],
    ) -> Result<(), RunDirError> {
        let line = record.to_line(self.info.summaries == SummaryText::Text);
        writeln!(self.summaries, "{line}").map_err(|e| self.io_error(files::SUMMARIES, e))?;
        let key = RowKey {
            corpus: &record.corpus,
            doc_id: &record.doc_id,
            summarizer: &record.summarizer,
            budget: &self.info.budget,
        };
        if let Err(e) = self.scores.rows(key, &self.metric_names, scores) {
            return Err(self.io_error(files::SCORES, e));
        }
        if summarizer == 0 {
            let counts = self.languages.entry(record.corpus.clone()).or_default();
            *counts.entry(record.language.code().to_string()).or_default() += 1;
        }
        self.aggregator.add(summarizer, &record.doc_id, record.words, scores);
        self.page.summary(record, &self.metric_names, scores);
        if !corpus_stats.is_empty() {
            self.corpus_level.add(summarizer, corpus_stats);
        }
        Ok(())
    }

    /// Adds corpus-level statistics summed elsewhere (a shard's row) to the
    /// run's row of the same corpus, summarizer and metric; an error if the
    /// run has no such row.
    pub fn add_corpus_level(&mut self, row: &CorpusLevelRow) -> Result<(), RunDirError> {
        if self.corpus_level.add_row(row) {
            return Ok(());
        }
        Err(RunDirError::Merge(format!(
            "corpus-level row {}/{}/{} belongs to no corpus, summarizer and metric of the run",
            row.corpus, row.summarizer, row.metric
        )))
    }

    /// Writes the aggregate reports and `run.json` (with `total_seconds` and
    /// every other file's SHA-256), then puts the directory in place.
    pub fn finish(self, total_seconds: f64) -> Result<RunOutcome, RunDirError> {
        let ReportWriter {
            mut dir,
            target,
            scores,
            summaries,
            aggregator,
            corpus_level,
            page,
            mut info,
            mut languages,
            ..
        } = self;
        for corpus in &mut info.corpora {
            corpus.languages = languages.remove(&corpus.name).unwrap_or_default();
        }
        let io = |file: &str| {
            let path = target.join(file);
            move |error| RunDirError::output(&path, error)
        };
        let scores = scores.into_inner().map_err(io(files::SCORES))?;
        dir.close(scores).map_err(io(files::SCORES))?;
        dir.close(summaries).map_err(io(files::SUMMARIES))?;
        let rows = aggregator.rows(info.seed, &info.timings);
        info.signatures = signatures(&info);
        let corpus_signatures = corpus_level_signatures(&info, corpus_level.metrics());
        let mut markdown = aggregate_markdown(&rows, &info.signatures);
        markdown.push_str(&corpus_level_markdown(corpus_level.rows(), &corpus_signatures));
        let svg =
            aggregate_svg(&rows).map_err(|e| io(files::SUMMARY_SVG)(std::io::Error::other(e.to_string())))?;
        dir.write(files::SUMMARY_CSV, &aggregate_csv(&rows, &info.signatures))
            .map_err(io(files::SUMMARY_CSV))?;
        dir.write(files::CORPUS_LEVEL, &corpus_level_csv(corpus_level.rows(), &corpus_signatures))
            .map_err(io(files::CORPUS_LEVEL))?;
        dir.write(files::SUMMARY_MD, markdown.as_bytes()).map_err(io(files::SUMMARY_MD))?;
        dir.write(files::SUMMARY_SVG, svg.as_bytes()).map_err(io(files::SUMMARY_SVG))?;
        info.total_seconds = total_seconds;
        info.files = dir.sha256().clone();
        let title = target
            .file_name()
            .map_or_else(|| target.display().to_string(), |n| n.to_string_lossy().into_owned());
        let tables = super::html::RunTables {
            rows: &rows,
            corpus_level: corpus_level.rows(),
            corpus_level_signatures: &corpus_signatures,
        };
        let html = super::html::run_report(&title, &mut info, tables, page.finish());
        dir.write(files::REPORT_HTML, html.as_bytes()).map_err(io(files::REPORT_HTML))?;
        info.files = dir.sha256().clone();
        dir.write(files::RUN, &info.to_json()).map_err(io(files::RUN))?;
        dir.publish().map_err(|error| RunDirError::output(&target, error))?;
        Ok(RunOutcome { markdown, info })
    }

    fn io_error(&self, file: &str, source: std::io::Error) -> RunDirError {
        RunDirError::output(&self.target.join(file), source)
    }
}

/// The references per document over the run's corpora, as sacreBLEU's `nrefs`.
fn nrefs(info: &RunInfo) -> Option<RefCount> {
    info.corpora.iter().fold(None, |n, corpus| match corpus.nrefs.parse::<usize>() {
        Ok(count) => Some(RefCount::with(n, count)),
        Err(_) if corpus.nrefs == "var" => Some(RefCount::Variable),
        Err(_) => n,
    })
}

/// The corpus-level signature of each of `metrics` (BLEU without effective order).
fn corpus_level_signatures(info: &RunInfo, metrics: &[crate::metrics::Metric]) -> BTreeMap<String, String> {
    let nrefs = nrefs(info);
    metrics
        .iter()
        .map(|&m| {
            let signature = crate::metrics::signature(m, TextTokenizer::default(), nrefs, Level::Corpus);
            match names_language(m) {
                true => (m.to_string(), with_language(signature, &info.language_signature())),
                false => (m.to_string(), signature),
            }
        })
        .collect()
}

/// Every metric's signature, from the run's settings and its corpora's
/// references per document.
fn signatures(info: &RunInfo) -> BTreeMap<String, String> {
    let nrefs = nrefs(info);
    info.metrics
        .iter()
        .map(|spec| {
            let signature = match (&info.rouge_profile, spec) {
                // The package gets every text one sentence per line.
                (Some(profile), crate::metrics::MetricSpec::Rouge(_)) => {
                    format!("{}|lines:sumbench-sentences", profile.signature())
                }
                (_, crate::metrics::MetricSpec::BertScore) => match &info.bertscore {
                    Some(setting) => setting.signature(crate::metrics::SUMBENCH_VERSION),
                    None => {
                        spec.signature(info.stem, info.rouge_tokenizer, nrefs, &info.language_signature())
                    }
                },
                _ => spec.signature(info.stem, info.rouge_tokenizer, nrefs, &info.language_signature()),
            };
            (spec.to_string(), signature)
        })
        .collect()
}
