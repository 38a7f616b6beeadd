//! A summarizer of your own, run through sumbench's harness beside built-in
//! ones: it is scored with the same ROUGE and appears in every report file
//! (`scores.csv`, `summary.csv`, `summary.md`, `summary.svg`,
//! `summaries.jsonl`, `run.json`), so `sumbench compare --within DIR` can test
//! it against the others.
//!
//! `cargo run --example custom_summarizer [OUT_DIR]` (default
//! `results/custom`) over the embedded corpora in `corpus/`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sumbench::corpus::corpora_in;
use sumbench::{
    Budget, BudgetSpec, CorpusInput, MetricSpec, PreparedDocument, Provenance, Ranking, ReadOptions,
    RunRequest, Settings, Shard, Silent, Summarizer, SummaryText, run,
};

/// Prefers sentences with many distinct content words (a crude "informativeness").
struct DistinctWords;

impl Summarizer for DistinctWords {
    fn name(&self) -> &str {
        "distinct-words"
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let scores = doc
            .sentences
            .iter()
            .map(|sentence| {
                let mut terms = sentence.content.clone();
                terms.sort_unstable();
                terms.dedup();
                terms.len() as f64
            })
            .collect();
        Ranking::from_scores(scores)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).map_or_else(|| PathBuf::from("results/custom"), PathBuf::from);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = ReadOptions { require_references: true, ..ReadOptions::default() };
    let corpora = corpora_in(&root.join("corpus"))?
        .into_iter()
        .map(|path| CorpusInput { path, options: options.clone() })
        .collect();
    let request = RunRequest {
        corpora,
        settings: Settings {
            summarizers: vec!["lead".into(), "textrank".into(), "distinct-words".into(), "oracle".into()],
            budget: BudgetSpec::Reference,
            metrics: MetricSpec::defaults(),
            stem: true,
            rouge_tokenizer: sumbench::rouge::RougeTokenizer::RougeScore,
            rouge_profile: None,
            bertscore: None,
            language: sumbench::LanguageChoice::default(),
            seed: 0,
        },
        custom_summarizers: vec![Arc::new(DistinctWords)],
        shard: Shard::ALL,
        chunk_size: 1000,
        summaries: SummaryText::default(),
        provenance: Provenance { command_line: std::env::args().collect(), git_commit: None },
    };
    let outcome = run(&request, &out, &Silent)?;
    print!("{}", outcome.markdown);
    for file in ["scores.csv", "summary.csv", "summary.md", "summary.svg", "summaries.jsonl", "run.json"] {
        let text = std::fs::read_to_string(out.join(file))?;
        if !text.contains("distinct-words") {
            return Err(format!("{file} has no row of the custom summarizer").into());
        }
    }
    println!("\ndistinct-words is in all six report files of {}", out.display());
    Ok(())
}
