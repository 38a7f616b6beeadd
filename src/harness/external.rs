//! `sumbench score`: summaries made by outside systems, scored against a
//! corpus's references into the same report format as a run, several systems
//! in one report, optionally beside built-in summarizers run on the same
//! documents.
//!
//! Summary files hold one JSON object per line: `{"id": doc_id, "summary":
//! text}` (the summary field's name is a setting, e.g. `prediction`), plus
//! `"system": name` when one file holds several systems ([`SystemFile::Tagged`]).
//! The summary text is split into sentences joined by newlines (for
//! rougeLsum), exactly as the references are.
//!
//! Only documents every system summarized are scored, so that every row of
//! the report covers the same documents and `compare --within` can pair them;
//! each system's missing documents are counted in a `run.json` warning. A
//! summary for an id that no corpus has is an error naming its file and line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::HarnessError;
use super::engine::{Engine, Settings};
use super::pitfalls::Pitfalls;
use super::plan::BudgetSpec;
use super::run::DEFAULT_CHUNK;
use super::source::CorpusInput;
use crate::corpus::{CorpusError, Document};
use crate::jsonl::JsonLines;
use crate::metrics::MetricSpec;
use crate::metrics::RefCount;
use crate::report::html::DocumentSource;
use crate::report::{SummaryRecord, Timing};
use crate::rouge::RougeTokenizer;
use crate::rundir::{
    CorpusInfo, Provenance, ReportWriter, RunHeader, RunInfo, RunOutcome, Shard, SummaryText,
};
use crate::text::CorpusStats;
use crate::text::sentence_spans;

/// One file of outside summaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SystemFile {
    /// Every line is by the system `name`.
    Named {
        /// The system's name in the reports.
        name: String,
        /// The JSONL file.
        path: PathBuf,
    },
    /// Each line names its system in the system field (one file, many systems).
    Tagged {
        /// The JSONL file.
        path: PathBuf,
    },
}

impl SystemFile {
    /// Every `NAME.jsonl` of `dir`, in name order, as the system `NAME`.
    pub fn folder(dir: &Path) -> Result<Vec<SystemFile>, HarnessError> {
        let entries = std::fs::read_dir(dir).map_err(|e| HarnessError::in_file(dir, e.to_string()))?;
        let mut files = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| HarnessError::in_file(dir, e.to_string()))?.path();
            if path.extension().is_some_and(|e| e == "jsonl") && path.is_file() {
                let name = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
                files.push(SystemFile::Named { name, path });
            }
        }
        files.sort_by(|a, b| a.path().cmp(b.path()));
        if files.is_empty() {
            return Err(HarnessError::in_file(dir, "holds no NAME.jsonl summary file"));
        }
        Ok(files)
    }

    /// The file.
    pub fn path(&self) -> &Path {
        match self {
            SystemFile::Named { path, .. } | SystemFile::Tagged { path } => path,
        }
    }
}

/// Built-in summarizers run beside the outside systems, on the same documents.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltIn {
    /// Their names, in report order (after the systems).
    pub summarizers: Vec<String>,
    /// Their summary length.
    pub budget: BudgetSpec,
}

/// What `sumbench score` needs besides the output directory.
#[derive(Debug, Clone)]
pub struct ScoreRequest {
    /// The summary files; systems are reported in the order they first appear.
    pub systems: Vec<SystemFile>,
    /// The field holding the summary text (`summary`; other tools write e.g. `prediction`).
    pub summary_field: String,
    /// The field naming the system, in [`SystemFile::Tagged`] files.
    pub system_field: String,
    /// Built-in summarizers to run on the same documents (none when `None`).
    pub with: Option<BuiltIn>,
    /// Corpora holding the documents and references.
    pub corpora: Vec<CorpusInput>,
    /// Metrics, in report order.
    pub metrics: Vec<MetricSpec>,
    /// Porter stemming in ROUGE.
    pub stem: bool,
    /// ROUGE's tokenizer profile.
    pub rouge_tokenizer: RougeTokenizer,
    /// Another package's ROUGE for the rouge-score metrics (`--rouge-profile`).
    pub rouge_profile: Option<crate::profiles::ProfileSpec>,
    /// The model and options of the `bertscore` metric.
    pub bertscore: Option<crate::models::BertScoreSetting>,
    /// The documents' language where a document does not say its own.
    pub language: crate::lang::LanguageChoice,
    /// Seed for the bootstrap (and randomized built-in summarizers).
    pub seed: u64,
    /// What `summaries.jsonl` keeps of the built-in summarizers' summaries
    /// (outside systems' keep their text).
    pub summaries: SummaryText,
    /// What made the run, for `run.json`.
    pub provenance: Provenance,
}

/// The default [`ScoreRequest::summary_field`].
pub const DEFAULT_SUMMARY_FIELD: &str = "summary";
/// The default [`ScoreRequest::system_field`].
pub const DEFAULT_SYSTEM_FIELD: &str = "system";

/// One system's summaries, by document id.
struct System {
    name: String,
    file: PathBuf,
    summaries: HashMap<String, Pending>,
}

struct Pending {
    line: usize,
    summary: String,
    used: bool,
}

/// Reads every summary file into systems, in order of first appearance.
/// Errors name the file and line for bad JSON, a missing or mistyped field,
/// a repeated id within a system, and a system named by two files.
fn read_systems(request: &ScoreRequest) -> Result<Vec<System>, HarnessError> {
    let mut systems: Vec<System> = Vec::new();
    let mut owner: HashMap<String, usize> = HashMap::new();
    for file in &request.systems {
        let path = file.path();
        let text = std::fs::read_to_string(path).map_err(|e| HarnessError::in_file(path, e.to_string()))?;
        let mut first_of_file: HashMap<String, usize> = HashMap::new();
        let mut lines = JsonLines::new(text.as_bytes());
        while let Some(next) = lines.next_line() {
            let next = next.map_err(|e| HarnessError::in_file(path, e.to_string()))?;
            let (line, raw) = (next.number, next.bytes);
            let error = |message: String| HarnessError::at_line(path, line, message);
            let value: serde_json::Value =
                serde_json::from_slice(raw).map_err(|e| error(format!("invalid JSON: {e}")))?;
            let field = |name: &str| -> Result<String, HarnessError> {
                match value.get(name) {
                    Some(serde_json::Value::String(text)) => Ok(text.clone()),
                    Some(serde_json::Value::Number(n)) if name != request.summary_field && n.is_u64() => {
                        Ok(n.to_string())
                    }
                    Some(other) => Err(error(format!("field `{name}` must be a string, not {other}"))),
                    None => Err(error(format!("field `{name}` is missing"))),
                }
            };
            let name = match file {
                SystemFile::Named { name, .. } => name.clone(),
                SystemFile::Tagged { .. } => field(&request.system_field)?,
            };
            let (id, summary) = (field("id")?, field(&request.summary_field)?);
            let index = match owner.get(&name) {
                Some(&index) if !first_of_file.contains_key(&name) => {
                    let first = &systems[index].file;
                    return Err(error(format!("system `{name}` is also in {}", first.display())));
                }
                Some(&index) => index,
                None => {
                    owner.insert(name.clone(), systems.len());
                    systems.push(System {
                        name: name.clone(),
                        file: path.to_path_buf(),
                        summaries: HashMap::new(),
                    });
                    systems.len() - 1
                }
            };
            first_of_file.entry(name.clone()).or_insert(line);
            let system = &mut systems[index];
            if let Some(first) = system.summaries.get(&id) {
                return Err(error(format!(
                    "duplicate id `{id}` for system `{name}` (first on line {})",
                    first.line
                )));
            }
            system.summaries.insert(id, Pending { line, summary, used: false });
        }
        if first_of_file.is_empty() {
            return Err(HarnessError::in_file(path, "holds no summary"));
        }
    }
    Ok(systems)
}

/// Scores the summaries of `request` and writes the reports into `out`.
pub fn score(request: &ScoreRequest, out: &Path) -> Result<RunOutcome, HarnessError> {
    let start = Instant::now();
    let mut systems = read_systems(request)?;
    let builtin =
        request.with.clone().unwrap_or(BuiltIn { summarizers: Vec::new(), budget: BudgetSpec::Reference });
    let settings = Settings {
        summarizers: builtin.summarizers.clone(),
        budget: builtin.budget,
        metrics: request.metrics.clone(),
        stem: request.stem,
        rouge_tokenizer: request.rouge_tokenizer,
        rouge_profile: request.rouge_profile.clone(),
        bertscore: request.bertscore.clone(),
        language: request.language,
        seed: request.seed,
    };
    let engine = Engine::new(settings)?;
    let names: Vec<String> =
        systems.iter().map(|s| s.name.clone()).chain(builtin.summarizers.iter().cloned()).collect();
    crate::names::check_list("summarizer", names.clone()).map_err(super::plan::PlanError::from)?;
    let header = RunHeader {
        seed: request.seed,
        summarizers: names,
        metrics: request.metrics.clone(),
        budget: if builtin.summarizers.is_empty() { "none".into() } else { builtin.budget.to_string() },
        stem: request.stem,
        rouge_tokenizer: request.rouge_tokenizer,
        rouge_profile: request.rouge_profile.clone(),
        bertscore: request.bertscore.clone(),
        language: request.language,
        shard: Shard::ALL,
    };
    let mut info = RunInfo::new(header, request.provenance.clone());
    info.summaries = request.summaries;
    let mut writer = ReportWriter::create(out, info)?;
    for corpus in &request.corpora {
        score_corpus(&engine, corpus, &mut systems, &mut writer)?;
    }
    let unused = systems
        .iter()
        .flat_map(|s| s.summaries.iter().filter(|(_, p)| !p.used).map(move |(id, p)| (s, id, p)));
    if let Some((system, id, pending)) = unused.min_by_key(|(s, _, p)| (s.file.clone(), p.line)) {
        return Err(HarnessError::at_line(&system.file, pending.line, format!("id `{id}` is in no corpus")));
    }
    Ok(writer.finish(start.elapsed().as_secs_f64())?)
}

/// Scores one corpus's documents that every system summarized.
fn score_corpus(
    engine: &Engine,
    corpus: &CorpusInput,
    systems: &mut [System],
    writer: &mut ReportWriter,
) -> Result<(), HarnessError> {
    let name = corpus.name();
    let sha256 = crate::digest::tree_sha256(&corpus.path).map_err(|e| CorpusError::io(&corpus.path, e))?;
    let builtins = engine.settings().summarizers.len();
    // The built-in summarizers see IDF over the whole corpus, as in a run.
    let mut stats = CorpusStats::default();
    if builtins > 0 {
        let mut documents = corpus.documents()?;
        loop {
            let chunk: Vec<Document> = documents.by_ref().take(DEFAULT_CHUNK).collect::<Result<_, _>>()?;
            if chunk.is_empty() {
                break;
            }
            engine.count_terms(chunk, &mut stats);
        }
    }
    writer.begin_corpus(&name, 0);
    // Outside systems ran elsewhere: only the built-in summarizers have timings.
    let mut seconds = vec![0.0; builtins];
    let (mut documents, mut scored) = (0, 0);
    let mut nrefs = None;
    let mut pitfalls = Pitfalls::default();
    let mut missing = vec![0usize; systems.len()];
    let mut stream = corpus.documents()?;
    loop {
        let mut chunk: Vec<(Document, Vec<String>)> = Vec::new();
        for doc in stream.by_ref() {
            let doc = doc?;
            documents += 1;
            nrefs = Some(RefCount::with(nrefs, doc.references.len()));
            let mut texts = Vec::with_capacity(systems.len());
            for (system, missing) in systems.iter_mut().zip(&mut missing) {
                match system.summaries.get_mut(&doc.id) {
                    Some(pending) => {
                        pending.used = true;
                        texts.push(std::mem::take(&mut pending.summary));
                    }
                    None => *missing += 1,
                }
            }
            if texts.len() == systems.len() {
                let mut counts = Pitfalls::of_document(&doc.text, &doc.references);
                if engine.settings().language != crate::lang::LanguageChoice::Auto {
                    counts.check_language(&doc.text, engine.language_of(&doc));
                }
                pitfalls.add(counts);
                chunk.push((doc, texts));
            }
            if chunk.len() == DEFAULT_CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let outside: Vec<Vec<_>> =
            chunk.par_iter().map(|(doc, texts)| engine.score_texts(doc, texts)).collect::<Result<_, _>>()?;
        let (docs, texts): (Vec<Document>, Vec<Vec<String>>) = chunk.into_iter().unzip();
        let prepared = if builtins > 0 { engine.prepare_with_idf(docs.clone(), &stats) } else { Vec::new() };
        let inside = if builtins > 0 { engine.evaluate(&name, &prepared, &|| {})? } else { Vec::new() };
        for (d, (doc, texts)) in docs.iter().zip(texts).enumerate() {
            let language = engine.language_of(doc);
            for (s, (text, (scores, corpus_stats))) in texts.into_iter().zip(&outside[d]).enumerate() {
                let record = SummaryRecord {
                    corpus: name.clone(),
                    doc_id: doc.id.clone(),
                    summarizer: systems[s].name.clone(),
                    sentences: Vec::new(),
                    cut: None,
                    words: crate::lang::word_count(language, &text),
                    text,
                    language,
                };
                writer.summary(s, &record, scores, corpus_stats)?;
            }
            if let Some(result) = inside.get(d) {
                for (b, item) in result.items.iter().enumerate() {
                    writer.summary(systems.len() + b, &item.summary, &item.scores, &item.corpus_stats)?;
                    seconds[b] += item.seconds;
                }
                for warning in &result.warnings {
                    writer.warn(format!("{name}: {warning}"));
                }
            }
            // The sentences the built-in summarizers chose from, else the segmenter's.
            let spans: Vec<_> = match prepared.get(d) {
                Some(eval) => eval.doc.sentences.iter().map(|s| s.span.clone()).collect(),
                None => sentence_spans(&doc.text),
            };
            let source = DocumentSource { text: &doc.text, sentences: &spans, references: &doc.references };
            writer.document(&name, &doc.id, source);
            scored += 1;
        }
    }
    for warning in pitfalls.warnings(&name, engine.settings().rouge_tokenizer) {
        writer.warn(warning);
    }
    if engine.settings().metrics.contains(&MetricSpec::Rouge(crate::rouge::Metric::Lsum)) && scored > 0 {
        writer.warn(
            "rougeLsum: the outside summaries were split into sentences by sumbench's segmenter, one per line, \
             as the references are (rouge-score leaves this to its caller; unsplit, rougeLsum equals rougeL)",
        );
    }
    for (system, &missing) in systems.iter().zip(&missing) {
        if missing > 0 {
            writer.warn(format!("{name}: {missing} documents have no summary from {}", system.name));
        }
    }
    if scored < documents && systems.len() > 1 {
        writer.warn(format!(
            "{name}: {scored} of {documents} documents have a summary from every system and are scored"
        ));
    }
    for (summarizer, seconds) in engine.settings().summarizers.iter().zip(seconds) {
        let timing =
            Timing { corpus: name.clone(), summarizer: summarizer.clone(), documents: scored, seconds };
        writer.add_timing(timing);
    }
    let mut record = CorpusInfo::new(name, &corpus.path, &corpus.options, sha256);
    record.documents = documents;
    record.nrefs = nrefs.map(|n| n.to_string()).unwrap_or_default();
    writer.add_corpus(record);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(files: Vec<SystemFile>) -> ScoreRequest {
        ScoreRequest {
            systems: files,
            summary_field: DEFAULT_SUMMARY_FIELD.into(),
            system_field: DEFAULT_SYSTEM_FIELD.into(),
            with: None,
            corpora: Vec::new(),
            metrics: Vec::new(),
            stem: true,
            rouge_tokenizer: RougeTokenizer::RougeScore,
            rouge_profile: None,
            bertscore: None,
            language: crate::lang::LanguageChoice::default(),
            seed: 0,
            summaries: SummaryText::default(),
            provenance: Provenance::default(),
        }
    }

    fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The error reading `files`, with the folder `dir` left out of its paths.
    fn error(dir: &Path, files: Vec<SystemFile>) -> String {
        match read_systems(&request(files)) {
            Err(e) => e.to_string().replace(&format!("{}/", dir.display()), ""),
            Ok(_) => "accepted".into(),
        }
    }

    #[test]
    fn reads_named_and_tagged_files_and_names_the_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let ok =
            file(d, "a.jsonl", "{\"id\": \"x\", \"summary\": \"s\"}\n\n{\"id\": 3, \"summary\": \"t\"}\n");
        let named = SystemFile::Named { name: "a".into(), path: ok.clone() };
        let systems = read_systems(&request(vec![named.clone()])).unwrap();
        assert_eq!((systems[0].summaries["3"].line, systems[0].summaries["3"].summary.as_str()), (3, "t"));
        let tagged = file(
            d,
            "t.jsonl",
            "{\"id\": \"x\", \"system\": \"M1\", \"summary\": \"s\"}\n{\"id\": \"x\", \"system\": \"M0\", \"summary\": \"s\"}\n",
        );
        let systems = read_systems(&request(vec![SystemFile::Tagged { path: tagged.clone() }])).unwrap();
        assert_eq!(systems.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["M1", "M0"]);
        let dup = file(
            d,
            "dup.jsonl",
            "{\"id\": \"x\", \"summary\": \"s\"}\n{\"id\": \"x\", \"summary\": \"t\"}\n",
        );
        assert_eq!(
            error(d, vec![SystemFile::Named { name: "a".into(), path: dup }]),
            "dup.jsonl:2: duplicate id `x` for system `a` (first on line 1)"
        );
        let untagged = file(d, "u.jsonl", "{\"id\": \"x\", \"summary\": \"s\"}\n");
        assert_eq!(
            error(d, vec![SystemFile::Tagged { path: untagged }]),
            "u.jsonl:1: field `system` is missing"
        );
        let again = file(d, "again.jsonl", "{\"id\": \"y\", \"summary\": \"s\"}\n");
        assert_eq!(
            error(d, vec![named, SystemFile::Named { name: "a".into(), path: again }]),
            "again.jsonl:1: system `a` is also in a.jsonl"
        );
        let empty = file(d, "e.jsonl", "\n");
        assert_eq!(
            error(d, vec![SystemFile::Named { name: "e".into(), path: empty }]),
            "e.jsonl: holds no summary"
        );
    }

    #[test]
    fn a_folder_gives_one_system_per_jsonl_file_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.jsonl", "a.jsonl", "notes.txt"] {
            file(dir.path(), name, "");
        }
        let names: Vec<String> = SystemFile::folder(dir.path())
            .unwrap()
            .into_iter()
            .map(|f| match f {
                SystemFile::Named { name, .. } => name,
                SystemFile::Tagged { .. } => unreachable!(),
            })
            .collect();
        assert_eq!(names, ["a", "b"]);
        let empty = tempfile::tempdir().unwrap();
        assert!(
            SystemFile::folder(empty.path())
                .unwrap_err()
                .to_string()
                .ends_with("holds no NAME.jsonl summary file")
        );
    }
}
