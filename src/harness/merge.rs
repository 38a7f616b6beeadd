//! `sumbench merge`: shard outputs (`--shard K/N` runs, any order) combined
//! into the report the single run would have written.
//!
//! Shard K holds the documents at positions K-1, K-1+N, … of each corpus, so
//! taking one document from each shard in turn (shard 1, 2, …, N, 1, …)
//! restores the corpus order; rows are streamed, never all held. The shards
//! must agree on everything but the shard (summarizers, metrics, budget,
//! stemming, seed, corpora and their hashes), and be exactly 1/N … N/N.

use std::fs::File;
use std::io::{BufRead, BufReader, Lines};
use std::iter::Peekable;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::HarnessError;
use super::output::{Provenance, ReportWriter, RunInfo, Timing, files, read_run_json, verify_run_dir};
use super::plan::Shard;
use super::run::RunOutcome;
use crate::report::{ScoreRecord, SummaryRecord};

/// Merges the shard directories `dirs` into `out`.
pub fn merge(dirs: &[PathBuf], out: &Path, provenance: Provenance) -> Result<RunOutcome, HarnessError> {
    let start = Instant::now();
    let mut shards = dirs
        .iter()
        .map(|d| {
            verify_run_dir(d)?;
            Ok((read_run_json(d)?, d.clone()))
        })
        .collect::<Result<Vec<_>, HarnessError>>()?;
    shards.sort_by_key(|(info, _)| info.shard.index);
    check_shards(&shards)?;
    let mut scores: Vec<Grouped<ScoreRecord, _>> = shards
        .iter()
        .map(|(_, d)| open_scores(&d.join(files::SCORES)).map(|it| Grouped::new(it, score_key)))
        .collect::<Result<_, _>>()?;
    let mut summaries: Vec<Grouped<SummaryRecord, _>> = shards
        .iter()
        .map(|(_, d)| open_summaries(&d.join(files::SUMMARIES)).map(|it| Grouped::new(it, summary_key)))
        .collect::<Result<_, _>>()?;
    let first = &shards[0].0;
    let mut writer = ReportWriter::create(out)?;
    for corpus in &first.corpora {
        interleave(&mut scores, &corpus.name, |rows| writer.scores(&rows))?;
        interleave(&mut summaries, &corpus.name, |rows| rows.iter().try_for_each(|r| writer.summary(r)))?;
    }
    for (grouped, (_, dir)) in scores.iter_mut().zip(&shards) {
        if grouped.peek_corpus()?.is_some() {
            return Err(HarnessError::Merge(format!("{} has rows beyond the shard's turn", dir.display())));
        }
    }
    for (grouped, (_, dir)) in summaries.iter_mut().zip(&shards) {
        if grouped.peek_corpus()?.is_some() {
            return Err(HarnessError::Merge(format!(
                "{} has summaries beyond the shard's turn",
                dir.display()
            )));
        }
    }
    let info = merged_info(&shards, provenance, start);
    let (markdown, info) = writer.finish(info)?;
    Ok(RunOutcome { markdown, info })
}

/// Checks the shards are 1/N … N/N of one run.
fn check_shards(shards: &[(RunInfo, PathBuf)]) -> Result<(), HarnessError> {
    let Some((first, first_dir)) = shards.first() else {
        return Err(HarnessError::Merge("no shard directories given".into()));
    };
    let n = shards.len();
    for (k, (info, dir)) in shards.iter().enumerate() {
        if info.shard != (Shard { index: k + 1, count: n }) {
            return Err(HarnessError::Merge(format!(
                "{} is shard {} but {n} directories need shards 1/{n} … {n}/{n}, each once",
                dir.display(),
                info.shard
            )));
        }
        let same = info.summarizers == first.summarizers
            && info.metrics == first.metrics
            && info.budget == first.budget
            && info.stem == first.stem
            && info.seed == first.seed
            && info.corpora == first.corpora;
        if !same {
            return Err(HarnessError::Merge(format!(
                "{} and {} differ in summarizers, metrics, budget, stemming, seed or corpora",
                first_dir.display(),
                dir.display()
            )));
        }
    }
    Ok(())
}

fn merged_info(shards: &[(RunInfo, PathBuf)], provenance: Provenance, start: Instant) -> RunInfo {
    let first = &shards[0].0;
    let mut timings: Vec<Timing> =
        first.timings.iter().map(|t| Timing { documents: 0, seconds: 0.0, ..t.clone() }).collect();
    for (info, _) in shards {
        for (sum, t) in timings.iter_mut().zip(&info.timings) {
            sum.documents += t.documents;
            sum.seconds += t.seconds;
        }
    }
    RunInfo {
        sumbench_version: env!("CARGO_PKG_VERSION").to_string(),
        git_commit: provenance.git_commit,
        command_line: provenance.command_line,
        threads: shards.iter().map(|(i, _)| i.threads).max().unwrap_or(1),
        shard: Shard::ALL,
        merged_from: shards.iter().map(|(_, d)| d.clone()).collect(),
        timings,
        total_seconds: shards.iter().map(|(i, _)| i.total_seconds).sum::<f64>()
            + start.elapsed().as_secs_f64(),
        warnings: shards.iter().flat_map(|(i, _)| i.warnings.iter().cloned()).collect(),
        ..first.clone()
    }
}

/// Writes `corpus`'s documents from the shards in turn until one has no more.
fn interleave<T, K: Fn(&T) -> (&str, &str)>(
    shards: &mut [Grouped<T, K>],
    corpus: &str,
    mut write: impl FnMut(Vec<T>) -> Result<(), HarnessError>,
) -> Result<(), HarnessError> {
    loop {
        for shard in shards.iter_mut() {
            match shard.next_group(corpus)? {
                Some(rows) => write(rows)?,
                None => return Ok(()),
            }
        }
    }
}

type RowResult<T> = Result<T, HarnessError>;

/// Rows grouped by consecutive (corpus, document id).
struct Grouped<T, K> {
    rows: Peekable<Box<dyn Iterator<Item = RowResult<T>>>>,
    key: K,
}

impl<T, K: Fn(&T) -> (&str, &str)> Grouped<T, K> {
    fn new(rows: Box<dyn Iterator<Item = RowResult<T>>>, key: K) -> Self {
        Grouped { rows: rows.peekable(), key }
    }

    /// The corpus of the next row, if any.
    fn peek_corpus(&mut self) -> Result<Option<String>, HarnessError> {
        match self.rows.peek() {
            None => Ok(None),
            Some(Ok(row)) => Ok(Some((self.key)(row).0.to_string())),
            Some(Err(_)) => Err(self.rows.next().and_then(Result::err).expect("peeked an error")),
        }
    }

    /// The next document's rows, if the next row belongs to `corpus`.
    fn next_group(&mut self, corpus: &str) -> Result<Option<Vec<T>>, HarnessError> {
        if self.peek_corpus()?.as_deref() != Some(corpus) {
            return Ok(None);
        }
        let mut group: Vec<T> = Vec::new();
        while let Some(Ok(row)) = self.rows.peek() {
            let same = match group.first() {
                None => true,
                Some(first) => (self.key)(first) == (self.key)(row),
            };
            if !same {
                break;
            }
            group.extend(self.rows.next().and_then(Result::ok));
        }
        Ok(Some(group))
    }
}

fn score_key(r: &ScoreRecord) -> (&str, &str) {
    (&r.corpus, &r.doc_id)
}

fn summary_key(r: &SummaryRecord) -> (&str, &str) {
    (&r.corpus, &r.doc_id)
}

fn open_scores(path: &Path) -> Result<Box<dyn Iterator<Item = RowResult<ScoreRecord>>>, HarnessError> {
    let reader = csv::Reader::from_path(path).map_err(|e| input(path, 0, e.to_string()))?;
    let path = path.to_path_buf();
    Ok(Box::new(reader.into_deserialize().map(move |row: Result<ScoreRecord, csv::Error>| {
        row.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            input(&path, line, e.to_string())
        })
    })))
}

fn open_summaries(path: &Path) -> Result<Box<dyn Iterator<Item = RowResult<SummaryRecord>>>, HarnessError> {
    let file = File::open(path).map_err(|e| input(path, 0, e.to_string()))?;
    let lines: Lines<BufReader<File>> = BufReader::new(file).lines();
    let path = path.to_path_buf();
    Ok(Box::new(lines.enumerate().map(move |(i, line)| {
        let line = line.map_err(|e| input(&path, i + 1, e.to_string()))?;
        serde_json::from_str(&line).map_err(|e| input(&path, i + 1, e.to_string()))
    })))
}

fn input(path: &Path, line: usize, message: String) -> HarnessError {
    HarnessError::at_line(path, line, message)
}
