//! `sumbench merge`: shard outputs (`--shard K/N` runs, any order) combined
//! into the run directory the single run would have written.
//!
//! Shard K holds the documents at positions K-1, K-1+N, … of each corpus, so
//! taking one document from each shard in turn (shard 1, 2, …, N, 1, …)
//! restores the corpus order; rows are streamed, never all held. The shards
//! must agree on everything but the shard (summarizers, metrics, budget,
//! stemming, seed, corpora and their hashes), and be exactly 1/N … N/N.
//! Each shard's rows go through the same [`ReportWriter`] as a run's, so the
//! aggregate rows come from the same aggregation.

use std::iter::Peekable;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::RunDirError;
use super::RunOutcome;
use super::Shard;
use super::files;
use super::info::{Provenance, RunInfo, SummaryText};
use super::read::{ScoresReader, read_corpus_level, read_run_json, summaries, verify_run_dir};
use super::writer::ReportWriter;
use crate::report::{ScoreRecord, SummaryRecord, Timing};
use crate::rouge::Score;

/// Merges the shard directories `dirs` into `out`.
pub fn merge(dirs: &[PathBuf], out: &Path, provenance: Provenance) -> Result<RunOutcome, RunDirError> {
    let start = Instant::now();
    let mut shards = dirs
        .iter()
        .map(|d| {
            verify_run_dir(d)?;
            Ok((read_run_json(d)?, d.clone()))
        })
        .collect::<Result<Vec<_>, RunDirError>>()?;
    shards.sort_by_key(|(info, _)| info.shard.index);
    check_shards(&shards)?;
    let mut readers: Vec<ShardReader> =
        shards.iter().map(|(info, dir)| ShardReader::open(dir, info)).collect::<Result<_, _>>()?;
    let mut writer = ReportWriter::create(out, merged_info(&shards, provenance))?;
    let first = shards[0].0.clone();
    for corpus in &first.corpora {
        writer.begin_corpus(&corpus.name, corpus.documents);
        'documents: loop {
            for shard in readers.iter_mut() {
                match shard.next_document(&corpus.name)? {
                    Some(document) => {
                        for (s, (summary, scores)) in document.into_iter().enumerate() {
                            writer.summary(s, &summary, &scores, &[])?;
                        }
                    }
                    None => break 'documents,
                }
            }
        }
    }
    for shard in &mut readers {
        shard.expect_end()?;
    }
    for (_, dir) in &shards {
        for row in read_corpus_level(dir)? {
            writer.add_corpus_level(&row)?;
        }
    }
    let shard_seconds: f64 = shards.iter().map(|(i, _)| i.total_seconds).sum();
    writer.finish(shard_seconds + start.elapsed().as_secs_f64())
}

/// Checks the shards are 1/N … N/N of one run (`shards` sorted by index):
/// one N, no shard twice, none missing, each named in the error.
fn check_shards(shards: &[(RunInfo, PathBuf)]) -> Result<(), RunDirError> {
    let Some((first, first_dir)) = shards.first() else {
        return Err(RunDirError::Merge("no shard directories given".into()));
    };
    let count = first.shard.count;
    if let Some((info, dir)) = shards.iter().find(|(info, _)| info.shard.count != count) {
        return Err(RunDirError::Merge(format!(
            "{} is shard {} but {} is shard {}: the shards of one run share their N",
            first_dir.display(),
            first.shard,
            dir.display(),
            info.shard
        )));
    }
    for pair in shards.windows(2) {
        let ((a, a_dir), (b, b_dir)) = (&pair[0], &pair[1]);
        if a.shard == b.shard {
            return Err(RunDirError::Merge(format!(
                "shard {} is given twice: {} and {}",
                a.shard,
                a_dir.display(),
                b_dir.display()
            )));
        }
    }
    let have: Vec<usize> = shards.iter().map(|(info, _)| info.shard.index).collect();
    let missing: Vec<String> =
        (1..=count).filter(|k| !have.contains(k)).map(|k| format!("{k}/{count}")).collect();
    if !missing.is_empty() {
        let have: Vec<String> = have.iter().map(|k| format!("{k}/{count}")).collect();
        let (noun, verb) = if missing.len() == 1 { ("shard", "is") } else { ("shards", "are") };
        return Err(RunDirError::Merge(format!(
            "{noun} {} {verb} missing (have {})",
            and_list(&missing),
            and_list(&have)
        )));
    }
    for (info, dir) in shards {
        let header = RunInfo { shard: Shard::ALL, ..info.clone() }.header();
        let same = header == RunInfo { shard: Shard::ALL, ..first.clone() }.header()
            && info.corpora.len() == first.corpora.len()
            && info.corpora.iter().zip(&first.corpora).all(|(a, b)| a.same_corpus(b));
        if !same {
            return Err(RunDirError::Merge(format!(
                "{} and {} differ in summarizers, metrics, budget, stemming, seed or corpora",
                first_dir.display(),
                dir.display()
            )));
        }
    }
    Ok(())
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The merged run's `run.json` (before its rows are written): the shards'
/// header and corpora, their timings and warnings summed, the largest thread count.
fn merged_info(shards: &[(RunInfo, PathBuf)], provenance: Provenance) -> RunInfo {
    let first = &shards[0].0;
    let mut info = RunInfo::new(RunInfo { shard: Shard::ALL, ..first.clone() }.header(), provenance);
    info.threads = shards.iter().map(|(i, _)| i.threads).max().unwrap_or(1);
    info.merged_from = shards.iter().map(|(_, d)| d.clone()).collect();
    info.corpora = first.corpora.clone();
    info.timings = first.timings.iter().map(|t| Timing { documents: 0, seconds: 0.0, ..t.clone() }).collect();
    for (shard, _) in shards {
        for (sum, t) in info.timings.iter_mut().zip(&shard.timings) {
            sum.documents += t.documents;
            sum.seconds += t.seconds;
        }
    }
    info.warnings = shards.iter().flat_map(|(i, _)| i.warnings.iter().cloned()).collect();
    // Texts are kept only where every shard kept them.
    info.summaries = match shards.iter().all(|(i, _)| i.summaries == SummaryText::Text) {
        true => SummaryText::Text,
        false => SummaryText::Sentences,
    };
    info
}

/// One shard's `scores.csv` and `summaries.jsonl`, read a document at a time.
struct ShardReader {
    dir: PathBuf,
    summarizers: Vec<String>,
    metrics: Vec<String>,
    scores: Peekable<ScoresReader>,
    summaries: Peekable<Box<dyn Iterator<Item = Result<SummaryRecord, RunDirError>>>>,
}

/// One document of a shard: per summarizer, its summary and its scores.
type DocumentRows = Vec<(SummaryRecord, Vec<Score>)>;

impl ShardReader {
    fn open(dir: &Path, info: &RunInfo) -> Result<Self, RunDirError> {
        let scores = ScoresReader::open(&dir.join(files::SCORES))?.peekable();
        let summaries: Box<dyn Iterator<Item = _>> = Box::new(summaries(&dir.join(files::SUMMARIES))?);
        Ok(ShardReader {
            dir: dir.to_path_buf(),
            summarizers: info.summarizers.clone(),
            metrics: info.metrics.iter().map(ToString::to_string).collect(),
            scores,
            summaries: summaries.peekable(),
        })
    }

    /// The next document's rows, if the next summary belongs to `corpus`.
    fn next_document(&mut self, corpus: &str) -> Result<Option<DocumentRows>, RunDirError> {
        match self.summaries.peek() {
            Some(Ok(summary)) if summary.corpus == corpus => {}
            Some(Ok(_)) | None => return Ok(None),
            Some(Err(_)) => {
                return Err(self.summaries.next().and_then(Result::err).expect("peeked an error"));
            }
        }
        let mut rows = Vec::with_capacity(self.summarizers.len());
        for summarizer in self.summarizers.clone() {
            let summary = match self.summaries.next() {
                Some(summary) => summary?,
                None => return Err(self.broken(&format!("ends before `{summarizer}`'s summary"))),
            };
            if summary.summarizer != summarizer || summary.corpus != corpus {
                return Err(self.broken(&format!(
                    "has a summary by `{}` of {}/{} where `{summarizer}`'s was due",
                    summary.summarizer, summary.corpus, summary.doc_id
                )));
            }
            let mut scores = Vec::with_capacity(self.metrics.len());
            for metric in self.metrics.clone() {
                let row: ScoreRecord = match self.scores.next() {
                    Some(row) => row?,
                    None => return Err(self.broken("has fewer score rows than summaries")),
                };
                let due = (&summary.corpus, &summary.doc_id, &summary.summarizer, &metric);
                if (&row.corpus, &row.doc_id, &row.summarizer, &row.metric) != due {
                    return Err(self.broken(&format!(
                        "has a score row {}/{}/{}/{} where {}/{}/{}/{metric} was due",
                        row.corpus, row.doc_id, row.summarizer, row.metric, due.0, due.1, due.2
                    )));
                }
                scores.push(Score { precision: row.precision, recall: row.recall, fmeasure: row.fmeasure });
            }
            rows.push((summary, scores));
        }
        Ok(Some(rows))
    }

    /// Fails when rows are left after the shard's last turn.
    fn expect_end(&mut self) -> Result<(), RunDirError> {
        if self.summaries.peek().is_some() || self.scores.peek().is_some() {
            return Err(self.broken("has rows beyond the shard's turn"));
        }
        Ok(())
    }

    fn broken(&self, what: &str) -> RunDirError {
        RunDirError::Merge(format!("{} {what}", self.dir.display()))
    }
}
