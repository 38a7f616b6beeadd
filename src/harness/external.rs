//! `sumbench score`: summaries made by an outside system (one
//! `{"id": doc_id, "summary": text}` object per line) scored against a
//! corpus's references into the same report format as a run.
//!
//! The summary text is split into sentences joined by newlines (for
//! rougeLsum), exactly as the references are. Documents of the corpus with no
//! summary are left out of the report and counted in a `run.json` warning; a
//! summary for an id that no corpus has is an error naming its line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::HarnessError;
use super::engine::{Engine, Settings};
use super::plan::{MetricSpec, Shard};
use super::run::{DEFAULT_CHUNK, RunOutcome};
use super::rundir::{CorpusInfo, Provenance, ReportWriter, RunHeader, RunInfo};
use super::source::{CorpusInput, corpus_sha256};
use crate::corpus::{CorpusError, Document};
use crate::report::{SummaryRecord, Timing};

/// What `sumbench score` needs besides the output directory.
#[derive(Debug, Clone)]
pub struct ScoreRequest {
    /// The outside system's name (the `summarizer` column).
    pub system: String,
    /// The summaries file (JSONL).
    pub summaries: PathBuf,
    /// Corpora holding the documents and references.
    pub corpora: Vec<CorpusInput>,
    /// Metrics, in report order.
    pub metrics: Vec<MetricSpec>,
    /// Porter stemming in ROUGE.
    pub stem: bool,
    /// Seed for the bootstrap.
    pub seed: u64,
    /// What made the run, for `run.json`.
    pub provenance: Provenance,
}

/// One summary line.
#[derive(serde::Deserialize)]
struct Line {
    id: String,
    summary: String,
}

struct Pending {
    line: usize,
    summary: String,
    used: bool,
}

/// Reads a summaries file: id → (line, summary). Errors name the line for bad
/// JSON, a missing or mistyped field, and a repeated id.
fn read_summaries(path: &Path) -> Result<HashMap<String, Pending>, HarnessError> {
    let error = |line: usize, message: String| HarnessError::at_line(path, line, message);
    let text = std::fs::read_to_string(path).map_err(|e| HarnessError::in_file(path, e.to_string()))?;
    let mut summaries: HashMap<String, Pending> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(raw)
            .map_err(|e| error(line, format!("expected {{\"id\": string, \"summary\": string}}: {e}")))?;
        if let Some(first) = summaries.get(&parsed.id) {
            return Err(error(line, format!("duplicate id `{}` (first on line {})", parsed.id, first.line)));
        }
        summaries.insert(parsed.id, Pending { line, summary: parsed.summary, used: false });
    }
    Ok(summaries)
}

/// Scores the summaries of `request` and writes the reports into `out`.
pub fn score(request: &ScoreRequest, out: &Path) -> Result<RunOutcome, HarnessError> {
    let start = Instant::now();
    let mut summaries = read_summaries(&request.summaries)?;
    let settings = Settings {
        summarizers: Vec::new(),
        budget: super::plan::BudgetSpec::Reference,
        metrics: request.metrics.clone(),
        stem: request.stem,
        seed: request.seed,
    };
    let engine = Engine::new(settings)?;
    let header = RunHeader {
        seed: request.seed,
        summarizers: vec![request.system.clone()],
        metrics: request.metrics.iter().map(ToString::to_string).collect(),
        budget: "none".into(),
        stem: request.stem,
        shard: Shard::ALL,
    };
    let mut writer = ReportWriter::create(out, RunInfo::new(header, request.provenance.clone()))?;
    for corpus in &request.corpora {
        let name = corpus.name();
        let sha256 = corpus_sha256(&corpus.path).map_err(|e| CorpusError::io(&corpus.path, e))?;
        let (mut documents, mut scored, mut missing) = (0, 0, 0);
        let scoring = Instant::now();
        writer.begin_corpus(&name, 0);
        let mut stream = corpus.documents()?;
        loop {
            let mut chunk: Vec<(Document, String)> = Vec::new();
            for doc in stream.by_ref() {
                let doc = doc?;
                documents += 1;
                match summaries.get_mut(&doc.id) {
                    Some(pending) => {
                        pending.used = true;
                        chunk.push((doc, std::mem::take(&mut pending.summary)));
                    }
                    None => missing += 1,
                }
                if chunk.len() == DEFAULT_CHUNK {
                    break;
                }
            }
            if chunk.is_empty() {
                break;
            }
            let scores: Vec<_> = chunk.par_iter().map(|(doc, text)| engine.score_text(doc, text)).collect();
            for ((doc, text), scores) in chunk.into_iter().zip(scores) {
                let record = SummaryRecord {
                    corpus: name.clone(),
                    doc_id: doc.id,
                    summarizer: request.system.clone(),
                    sentences: Vec::new(),
                    words: text.split_whitespace().count(),
                    text,
                };
                writer.summary(0, &record, &scores)?;
                scored += 1;
            }
        }
        let info = writer.info_mut();
        if missing > 0 {
            info.warnings
                .push(format!("{name}: {missing} documents have no summary from {}", request.system));
        }
        info.timings.push(Timing {
            corpus: name.clone(),
            summarizer: request.system.clone(),
            documents: scored,
            seconds: scoring.elapsed().as_secs_f64(),
        });
        info.corpora.push(CorpusInfo { name, path: corpus.path.clone(), sha256, documents });
    }
    if let Some((id, pending)) = summaries.iter().filter(|(_, p)| !p.used).min_by_key(|(_, p)| p.line) {
        return Err(HarnessError::at_line(
            &request.summaries,
            pending.line,
            format!("id `{id}` is in no corpus"),
        ));
    }
    writer.finish(start.elapsed().as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summaries_file(text: &str) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), text).unwrap();
        file
    }

    fn line_of(result: Result<HashMap<String, Pending>, HarnessError>) -> usize {
        match result {
            Err(HarnessError::Input { location, .. }) => location.line.expect("a line-based error"),
            Err(other) => panic!("unexpected error {other}"),
            Ok(_) => panic!("accepted bad input"),
        }
    }

    #[test]
    fn reads_lines_and_names_the_bad_one() {
        let ok =
            summaries_file("{\"id\": \"a\", \"summary\": \"x\"}\n\n{\"id\": \"b\", \"summary\": \"y\"}\n");
        let read = read_summaries(ok.path()).unwrap();
        assert_eq!((read["b"].line, read["b"].summary.as_str()), (3, "y"));
        let dup =
            summaries_file("{\"id\": \"a\", \"summary\": \"x\"}\n{\"id\": \"a\", \"summary\": \"y\"}\n");
        assert_eq!(line_of(read_summaries(dup.path())), 2);
        let bad = summaries_file("{\"id\": \"a\", \"summary\": \"x\"}\n{\"id\": \"a\", \n");
        assert_eq!(line_of(read_summaries(bad.path())), 2);
        let typed = summaries_file("{\"id\": 3, \"summary\": \"x\"}\n");
        assert_eq!(line_of(read_summaries(typed.path())), 1);
    }
}
