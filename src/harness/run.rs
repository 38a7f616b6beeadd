//! `sumbench run` as a library call: read each corpus in chunks, evaluate
//! the chunk on rayon, stream its rows into the output directory.
//!
//! Memory: a corpus that fits in one chunk is read, prepared and evaluated
//! once. A longer corpus (a large JSONL file) is read twice: a first pass
//! prepares every chunk only to count document frequencies for corpus-level
//! IDF, the second prepares each chunk again, evaluates it and drops it. Only
//! the current chunk and the compact per-row numbers of the summary are held.
//! IDF always covers the whole corpus, also under `--shard`, so that shards
//! merge into exactly the single run.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use super::HarnessError;
use super::engine::{DocumentResult, Engine, EvalDocument, Settings};
use super::pitfalls::Pitfalls;
use super::progress::Progress;
use super::source::{CorpusInput, DocumentStream};
use crate::corpus::{CorpusError, Document};
use crate::metrics::RefCount;
use crate::report::Timing;
use crate::report::html::DocumentSource;
use crate::rundir::Shard;
use crate::rundir::{CorpusInfo, Provenance, ReportWriter, RunHeader, RunInfo, RunOutcome, SummaryText};
use crate::summarize::Summarizer;
use crate::text::CorpusStats;

/// Documents read, prepared and evaluated at a time.
pub const DEFAULT_CHUNK: usize = 1_000;

/// Everything `sumbench run` needs besides the output directory.
#[derive(Clone)]
pub struct RunRequest {
    /// Corpora, in report order.
    pub corpora: Vec<CorpusInput>,
    /// Summarizers, budget, metrics, stemming, seed.
    pub settings: Settings,
    /// The caller's own summarizers, run where [`Settings::summarizers`]
    /// names them (see [`Engine::with_custom`]).
    pub custom_summarizers: Vec<Arc<dyn Summarizer>>,
    /// Which documents to run.
    pub shard: Shard,
    /// Documents per chunk.
    pub chunk_size: usize,
    /// What `summaries.jsonl` keeps of each summary.
    pub summaries: SummaryText,
    /// What made the run (command line, git commit), for `run.json`; the
    /// caller finds it out.
    pub provenance: Provenance,
}

/// Runs `request` on the current rayon pool and writes its reports into
/// `out`, telling `progress` how the work goes.
pub fn run(request: &RunRequest, out: &Path, progress: &dyn Progress) -> Result<RunOutcome, HarnessError> {
    let start = Instant::now();
    let names: Vec<String> = request.corpora.iter().map(CorpusInput::name).collect();
    for (i, name) in names.iter().enumerate() {
        if let Some(j) = names[..i].iter().position(|n| n == name) {
            return Err(HarnessError::DuplicateCorpus {
                name: name.clone(),
                first: request.corpora[j].path.clone(),
                second: request.corpora[i].path.clone(),
            });
        }
    }
    let engine = Engine::with_custom(request.settings.clone(), &request.custom_summarizers)?;
    let settings = &request.settings;
    let header = RunHeader {
        seed: settings.seed,
        summarizers: settings.summarizers.clone(),
        metrics: settings.metrics.clone(),
        budget: settings.budget.to_string(),
        stem: settings.stem,
        rouge_tokenizer: settings.rouge_tokenizer,
        rouge_profile: settings.rouge_profile.clone(),
        bertscore: settings.bertscore.clone(),
        language: settings.language,
        shard: request.shard,
    };
    let mut info = RunInfo::new(header, request.provenance.clone());
    info.summaries = request.summaries;
    let mut writer = ReportWriter::create(out, info)?;
    for (corpus, name) in request.corpora.iter().zip(&names) {
        let sha256 =
            crate::digest::tree_sha256(&corpus.path).map_err(|e| CorpusError::io(&corpus.path, e))?;
        let mut seconds = vec![0.0; settings.summarizers.len()];
        let mut done = 0;
        let mut pitfalls = Pitfalls::default();
        let mut emit = |event: Emit| -> Result<(), HarnessError> {
            let (document, result) = match event {
                Emit::Expect(documents) => {
                    writer.begin_corpus(name, documents);
                    return Ok(());
                }
                Emit::Document(document, result) => (document, result),
            };
            for (s, (item, total)) in result.items.iter().zip(seconds.iter_mut()).enumerate() {
                writer.summary(s, &item.summary, &item.scores, &item.corpus_stats)?;
                *total += item.seconds;
            }
            let spans: Vec<_> = document.doc.sentences.iter().map(|s| s.span.clone()).collect();
            let source = DocumentSource {
                text: &document.doc.source.text,
                sentences: &spans,
                references: &document.references,
            };
            writer.document(name, &document.doc.source.id, source);
            pitfalls.add(result.pitfalls);
            for warning in result.warnings {
                writer.warn(format!("{name}: {warning}"));
            }
            done += 1;
            Ok(())
        };
        let (documents, nrefs) = run_corpus(&engine, corpus, name, request, progress, &mut emit)?;
        for warning in pitfalls.warnings(name, settings.rouge_tokenizer) {
            writer.warn(warning);
        }
        for (summarizer, seconds) in settings.summarizers.iter().zip(seconds) {
            let timing =
                Timing { corpus: name.clone(), summarizer: summarizer.clone(), documents: done, seconds };
            writer.add_timing(timing);
        }
        let mut record = CorpusInfo::new(name.clone(), &corpus.path, &corpus.options, sha256);
        record.documents = documents;
        record.nrefs = nrefs.map(|n| n.to_string()).unwrap_or_default();
        writer.add_corpus(record);
    }
    progress.finished();
    Ok(writer.finish(start.elapsed().as_secs_f64())?)
}

/// What [`run_corpus`] hands back: how many documents this run will emit
/// (once known, before the first), then each document's results.
enum Emit<'a> {
    /// The number of documents to come.
    Expect(usize),
    /// One document (as the run read it) and its results.
    Document(&'a EvalDocument, DocumentResult),
}

/// Evaluates one corpus chunk by chunk, passing each document's results to
/// `emit` in document order. Returns the corpus's document count (all shards).
fn run_corpus(
    engine: &Engine,
    corpus: &CorpusInput,
    name: &str,
    request: &RunRequest,
    progress: &dyn Progress,
    emit: &mut dyn FnMut(Emit<'_>) -> Result<(), HarnessError>,
) -> Result<(usize, Option<RefCount>), HarnessError> {
    let chunk_size = request.chunk_size.max(1);
    let shard = request.shard;
    let per_doc = request.settings.summarizers.len() as u64;
    let ticks = AtomicU64::new(0);
    let tick = || {
        // Report every 64 items: an observer may draw, which is cheap but not free.
        if ticks.fetch_add(1, Ordering::Relaxed) % 64 == 63 {
            progress.done(64);
        }
    };
    let mut stream = corpus.documents()?;
    let first = next_chunk(&mut stream, chunk_size, None, &mut 0)?;
    if first.len() < chunk_size {
        // One chunk: prepare once for the statistics and the evaluation.
        let total = first.len();
        let nrefs = first.iter().fold(None, |n, d| Some(RefCount::with(n, d.references.len())));
        let prepared = engine.prepare_corpus(first);
        let mine: Vec<_> =
            prepared.into_iter().enumerate().filter(|(i, _)| shard.contains(*i)).map(|(_, d)| d).collect();
        progress.planned(mine.len() as u64 * per_doc);
        emit(Emit::Expect(mine.len()))?;
        let results = engine.evaluate(name, &mine, &tick)?;
        mine.iter().zip(results).try_for_each(|(d, r)| emit(Emit::Document(d, r)))?;
        progress.done(ticks.load(Ordering::Relaxed) % 64);
        return Ok((total, nrefs));
    }
    // Pass 1: document frequencies over the whole corpus.
    let mut stats = CorpusStats::default();
    let mut total = 0;
    let mut nrefs = None;
    let mut chunk = first;
    while !chunk.is_empty() {
        total += chunk.len();
        nrefs = chunk.iter().fold(nrefs, |n, d| Some(RefCount::with(n, d.references.len())));
        engine.count_terms(chunk, &mut stats);
        chunk = next_chunk(&mut stream, chunk_size, None, &mut 0)?;
    }
    // Pass 2: this shard's documents (positions K-1, K-1+N, … below the total), chunk by chunk.
    emit(Emit::Expect((total + shard.count - shard.index) / shard.count))?;
    let mut stream = corpus.documents()?;
    let mut position = 0;
    loop {
        let chunk = next_chunk(&mut stream, chunk_size, Some(shard), &mut position)?;
        if chunk.is_empty() {
            progress.done(ticks.load(Ordering::Relaxed) % 64);
            return Ok((total, nrefs));
        }
        progress.planned(chunk.len() as u64 * per_doc);
        let prepared = engine.prepare_with_idf(chunk, &stats);
        let results = engine.evaluate(name, &prepared, &tick)?;
        prepared.iter().zip(results).try_for_each(|(d, r)| emit(Emit::Document(d, r)))?;
    }
}

/// Reads up to `size` documents (of `shard` only, when given; `position`
/// counts every document read so far).
fn next_chunk(
    stream: &mut DocumentStream,
    size: usize,
    shard: Option<Shard>,
    position: &mut usize,
) -> Result<Vec<Document>, HarnessError> {
    let mut chunk = Vec::with_capacity(size.min(DEFAULT_CHUNK));
    for doc in stream.by_ref() {
        let doc = doc?;
        let mine = shard.is_none_or(|s| s.contains(*position));
        *position += 1;
        if mine {
            chunk.push(doc);
            if chunk.len() == size {
                break;
            }
        }
    }
    Ok(chunk)
}
