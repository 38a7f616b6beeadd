//! `run.json`: what produced a run directory, how long it took, what went
//! oddly, and the SHA-256 of every other file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Shard;
use crate::corpus::ReadOptions;
use crate::lang::LanguageChoice;
use crate::metrics::MetricSpec;
use crate::models::BertScoreSetting;
use crate::profiles::ProfileSpec;
use crate::report::Timing;
use crate::rouge::RougeTokenizer;

/// `run.json`'s content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    /// The sumbench version (`CARGO_PKG_VERSION`).
    pub sumbench_version: String,
    /// The git commit the caller gave in its [`Provenance`].
    pub git_commit: Option<String>,
    /// The command line (for `merge`, the merge command).
    pub command_line: Vec<String>,
    /// Seed for randomized summarizers and the bootstrap.
    pub seed: u64,
    /// Worker threads (for `merge`, the largest of the shards').
    pub threads: usize,
    /// Summarizers (or the outside system), in report order.
    pub summarizers: Vec<String>,
    /// Metrics, in report order (by name in `run.json`).
    pub metrics: Vec<MetricSpec>,
    /// The budget as given (`3s`, `ref`, …; `none` for outside summaries).
    pub budget: String,
    /// Whether ROUGE stemmed.
    pub stem: bool,
    /// ROUGE's tokenizer profile (absent from `run.json` files written before
    /// it existed: those used rouge-score's).
    #[serde(default)]
    pub rouge_tokenizer: RougeTokenizer,
    /// `--rouge-profile`: the package that scored the rouge-score metrics
    /// (absent when rouge-score did, and from older `run.json` files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rouge_profile: Option<ProfileSpec>,
    /// The model and options of the `bertscore` metric (absent without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bertscore: Option<BertScoreSetting>,
    /// `--language`: the documents' language where a document does not say
    /// its own, or `auto` (English in `run.json` files written before it existed).
    #[serde(default)]
    pub language: LanguageChoice,
    /// The shard this run covered (1/1 for a whole or merged run).
    pub shard: Shard,
    /// What `summaries.jsonl` keeps of each extractive summary (`text` in
    /// `run.json` files written before the choice existed: they kept it).
    #[serde(default = "SummaryText::kept")]
    pub summaries: SummaryText,
    /// Shard directories a merged report was built from (empty otherwise).
    pub merged_from: Vec<PathBuf>,
    /// The corpora, in report order.
    pub corpora: Vec<CorpusInfo>,
    /// Seconds per corpus × summarizer.
    pub timings: Vec<Timing>,
    /// Wall-clock seconds of the whole run.
    pub total_seconds: f64,
    /// Documents that were scored oddly (e.g. with no sentences), and similar.
    pub warnings: Vec<String>,
    /// Per metric, the signature that pins what decides its numbers (see
    /// [`MetricSpec::signature`]); `compare` refuses runs whose
    /// signatures differ unless told otherwise.
    #[serde(default)]
    pub signatures: BTreeMap<String, String>,
    /// SHA-256 (hex) of every other file of the directory, by name: `compare`
    /// and `merge` refuse a directory whose files do not match.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

/// What decides a run's numbers, as [`RunInfo::new`] takes it.
#[derive(Debug, Clone, PartialEq)]
pub struct RunHeader {
    /// Seed for randomized summarizers and the bootstrap.
    pub seed: u64,
    /// Summarizers (or the outside system), in report order.
    pub summarizers: Vec<String>,
    /// Metrics, in report order (by name in `run.json`).
    pub metrics: Vec<MetricSpec>,
    /// The budget as given (`none` for outside summaries).
    pub budget: String,
    /// Whether ROUGE stemmed.
    pub stem: bool,
    /// ROUGE's tokenizer profile.
    pub rouge_tokenizer: RougeTokenizer,
    /// `--rouge-profile`.
    pub rouge_profile: Option<ProfileSpec>,
    /// `bertscore`'s model and options.
    pub bertscore: Option<BertScoreSetting>,
    /// `--language`.
    pub language: LanguageChoice,
    /// The shard the run covers.
    pub shard: Shard,
}

/// What `summaries.jsonl` keeps of each extractive summary (`--summaries`).
/// Outside systems' summaries keep their text either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SummaryText {
    /// Sentence indices (and the cut of the last) only: whatever shows a
    /// summary rebuilds its text from the corpus, re-read as the run read it
    /// with its SHA-256 checked (the default).
    #[default]
    Sentences,
    /// The text as well, one sentence per line.
    Text,
}

impl SummaryText {
    /// Files written before the choice existed kept the text.
    fn kept() -> Self {
        SummaryText::Text
    }
}

impl std::str::FromStr for SummaryText {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "sentences" => Ok(SummaryText::Sentences),
            "text" => Ok(SummaryText::Text),
            other => Err(format!("unknown summaries layout `{other}` (expected `sentences` or `text`)")),
        }
    }
}

impl std::fmt::Display for SummaryText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SummaryText::Sentences => "sentences",
            SummaryText::Text => "text",
        })
    }
}

/// One corpus in `run.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusInfo {
    /// Report name.
    pub name: String,
    /// The path as given.
    pub path: PathBuf,
    /// The absolute path, symbolic links resolved, when it was read (absent
    /// from `run.json` files written before it existed): `merge` and
    /// `compare --html` re-read the corpus from it whatever their folder.
    #[serde(default)]
    pub canonical_path: Option<PathBuf>,
    /// How it was read (format and field names; the defaults in `run.json`
    /// files written before it existed), so it is re-read the same way.
    #[serde(default)]
    pub read_options: ReadOptions,
    /// SHA-256 of the corpus file (of its files, for a folder), as read.
    pub sha256: String,
    /// Documents in the whole corpus (all shards).
    pub documents: usize,
    /// References per document over the whole corpus, as sacreBLEU's
    /// `nrefs:` (a number, or `var` when documents differ).
    #[serde(default)]
    pub nrefs: String,
    /// Documents per language (ISO 639-1 code), as given or detected, over
    /// the documents this run scored (empty in `run.json` files written
    /// before languages existed).
    #[serde(default)]
    pub languages: BTreeMap<String, usize>,
}

impl CorpusInfo {
    /// The record of the corpus at `path` read with `options`: its canonical
    /// path (when the path resolves) and content hash; `documents` and
    /// `nrefs` are filled in once read.
    pub fn new(name: String, path: &Path, options: &ReadOptions, sha256: String) -> Self {
        CorpusInfo {
            name,
            path: path.to_path_buf(),
            canonical_path: std::fs::canonicalize(path).ok(),
            read_options: options.clone(),
            sha256,
            documents: 0,
            nrefs: String::new(),
            languages: BTreeMap::new(),
        }
    }

    /// The path to name in messages: the canonical one when known.
    pub fn shown_path(&self) -> &Path {
        self.canonical_path.as_deref().unwrap_or(&self.path)
    }

    /// Whether `other` is the same corpus read the same way (name, content,
    /// reader options, counts), wherever each was found: shards of one run
    /// may have run in different folders or on different machines.
    pub fn same_corpus(&self, other: &CorpusInfo) -> bool {
        self.name == other.name
            && self.sha256 == other.sha256
            && self.read_options == other.read_options
            && self.documents == other.documents
            && self.nrefs == other.nrefs
    }
}

/// What made a run, as `run.json` records it. The caller finds it out (the
/// library runs no `git` and reads no process arguments).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The command line (or the program's own description of the call).
    pub command_line: Vec<String>,
    /// The git commit of the code or data, when the caller knows it.
    pub git_commit: Option<String>,
}

impl RunInfo {
    /// The `run.json` of a run with `header`, made as `provenance` says, on
    /// the current rayon pool; corpora, timings and warnings are added as the
    /// run goes, the total time and file hashes when it is written.
    pub fn new(header: RunHeader, provenance: Provenance) -> RunInfo {
        let RunHeader {
            seed,
            summarizers,
            metrics,
            budget,
            stem,
            rouge_tokenizer,
            rouge_profile,
            bertscore,
            language,
            shard,
        } = header;
        RunInfo {
            sumbench_version: env!("CARGO_PKG_VERSION").to_string(),
            git_commit: provenance.git_commit,
            command_line: provenance.command_line,
            seed,
            threads: rayon::current_num_threads(),
            summarizers,
            metrics,
            budget,
            stem,
            rouge_tokenizer,
            rouge_profile,
            bertscore,
            language,
            shard,
            summaries: SummaryText::default(),
            merged_from: Vec::new(),
            corpora: Vec::new(),
            timings: Vec::new(),
            total_seconds: 0.0,
            warnings: Vec::new(),
            signatures: BTreeMap::new(),
            files: BTreeMap::new(),
        }
    }

    /// The languages of the run's documents, as signatures name them: the
    /// ISO 639-1 codes over every corpus, sorted and joined by `+` (`en`
    /// for a run without documents).
    pub fn language_signature(&self) -> String {
        let codes: std::collections::BTreeSet<&str> =
            self.corpora.iter().flat_map(|c| c.languages.keys()).map(String::as_str).collect();
        if codes.is_empty() { "en".to_string() } else { codes.into_iter().collect::<Vec<_>>().join("+") }
    }

    /// What decides this run's numbers.
    pub fn header(&self) -> RunHeader {
        RunHeader {
            seed: self.seed,
            summarizers: self.summarizers.clone(),
            metrics: self.metrics.clone(),
            budget: self.budget.clone(),
            stem: self.stem,
            rouge_tokenizer: self.rouge_tokenizer,
            rouge_profile: self.rouge_profile.clone(),
            bertscore: self.bertscore.clone(),
            language: self.language,
            shard: self.shard,
        }
    }

    /// The metrics both runs report whose signatures differ, one line each
    /// (`metric `rouge1`: `…` here, `…` there`); a metric only one run
    /// signs is not compared.
    pub fn signature_differences(&self, other: &RunInfo) -> Vec<String> {
        self.signatures
            .iter()
            .filter_map(|(metric, mine)| match other.signatures.get(metric) {
                Some(theirs) if theirs != mine => {
                    Some(format!("metric `{metric}`: `{mine}` in the first run, `{theirs}` in the second"))
                }
                _ => None,
            })
            .collect()
    }

    /// `run.json`'s bytes: pretty JSON with a final newline.
    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("RunInfo serializes");
        bytes.push(b'\n');
        bytes
    }
}
