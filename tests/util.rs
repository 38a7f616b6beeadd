//! Helpers shared by the two test suites: `tests/tests.rs` (needs nothing
//! outside the repository) and `tests/corpora/` (needs `SUMBENCH_DATA`).
// Each suite uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use sumbench::harness::EvalDocument;

/// The repository root.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `sumbench` binary of this build, run from the repository root.
pub fn sumbench() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("sumbench").expect("the sumbench binary is built");
    command.current_dir(repo());
    command
}

/// A fixture under `tests/data/` (see its README for where each comes from).
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/data").join(name)
}

/// The text of a fixture under `tests/data/`.
pub fn read_fixture(name: &str) -> String {
    let path = fixture(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The `documents.jsonl` of an embedded corpus in `corpus/` (`billsum`, `plos`).
pub fn embedded_corpus(name: &str) -> PathBuf {
    repo().join("corpus").join(name).join("documents.jsonl")
}

/// The variable naming the outside corpora: a folder laid out like
/// `shared/corpora` (`<name>/documents.jsonl`).
pub const DATA_VARIABLE: &str = "SUMBENCH_DATA";

/// `$SUMBENCH_DATA/<name>/documents.jsonl`. The tests that call this are
/// `#[ignore]`d; run with `--include-ignored`, a missing variable or file is a
/// failure naming what is missing, never a silent pass.
pub fn outside_corpus(name: &str) -> PathBuf {
    let root = std::env::var_os(DATA_VARIABLE).unwrap_or_else(|| {
        panic!("{DATA_VARIABLE} is not set: point it at a folder laid out like shared/corpora")
    });
    let path = PathBuf::from(root).join(name).join("documents.jsonl");
    assert!(
        path.is_file(),
        "{} is missing ({DATA_VARIABLE} must hold {name}/documents.jsonl)",
        path.display()
    );
    path
}

/// A corpus's counts as its `SOURCE.md` (or `stats.json`) states them.
pub struct Expected {
    /// The corpus name.
    pub name: &'static str,
    /// Documents.
    pub documents: usize,
    /// References over all documents.
    pub references: usize,
    /// Fewest references of a document.
    pub min_references: usize,
    /// Most references of a document.
    pub max_references: usize,
    /// Mean whitespace words per document, to one decimal.
    pub document_words: f64,
    /// Mean whitespace words per reference (pooled over all references), to one decimal.
    pub reference_words: f64,
}

/// Reads the corpus at `path` fully and checks it against `expected`.
pub fn assert_counts(path: &Path, expected: &Expected) {
    use sumbench::corpus::{ReadOptions, open};
    let words = |text: &str| text.split_whitespace().count();
    let options = ReadOptions { require_references: true, ..ReadOptions::default() };
    let corpus = open(path, &options).unwrap_or_else(|e| panic!("{e}"));
    let (mut documents, mut references, mut document_words, mut reference_words) = (0, 0, 0, 0);
    let (mut min_references, mut max_references) = (usize::MAX, 0);
    for document in corpus {
        let document = document.unwrap_or_else(|e| panic!("{e}"));
        documents += 1;
        references += document.references.len();
        min_references = min_references.min(document.references.len());
        max_references = max_references.max(document.references.len());
        document_words += words(&document.text);
        reference_words += document.references.iter().map(|r| words(r)).sum::<usize>();
    }
    let name = expected.name;
    assert_eq!(documents, expected.documents, "{name}: documents");
    assert_eq!(references, expected.references, "{name}: references");
    assert_eq!(
        (min_references, max_references),
        (expected.min_references, expected.max_references),
        "{name}"
    );
    let mean_document_words = document_words as f64 / documents as f64;
    let mean_reference_words = reference_words as f64 / references as f64;
    assert!((mean_document_words - expected.document_words).abs() <= 0.05, "{name}: {mean_document_words}");
    assert!(
        (mean_reference_words - expected.reference_words).abs() <= 0.05,
        "{name}: {mean_reference_words}"
    );
}

/// A corpus of the first `n` lines of the JSONL corpus at `path`, written into `dir`.
pub fn first_lines(path: &Path, n: usize, dir: &Path) -> PathBuf {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let out = dir.join(format!("first{n}.jsonl"));
    std::fs::write(&out, text.lines().take(n).map(|l| format!("{l}\n")).collect::<String>())
        .expect("write corpus");
    out
}

/// Runs every summarizer over `corpus` (with the seed corpus) at 1 and 2
/// threads and checks the reports are byte-identical: `scores.csv`,
/// `summaries.jsonl`, and `summary.csv` apart from its timing column.
pub fn assert_thread_count_does_not_change_reports(corpus: &Path, tmp: &Path) {
    let run = |threads: &str| {
        let out = tmp.join(format!("threads-{threads}"));
        sumbench()
            .env("RAYON_NUM_THREADS", threads)
            .args(["run", "--quiet", "--seed", "11", "--corpus", "corpus/seed", "--corpus"])
            .arg(corpus)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        out
    };
    let (one, two) = (run("1"), run("2"));
    let read = |dir: &Path, file: &str| std::fs::read(dir.join(file)).expect("report file");
    assert_eq!(read(&one, "scores.csv"), read(&two, "scores.csv"));
    assert_eq!(read(&one, "summaries.jsonl"), read(&two, "summaries.jsonl"));
    assert_eq!(summary_without_speed(&one), summary_without_speed(&two));
    let threads = |dir: &Path| -> serde_json::Value {
        serde_json::from_slice::<serde_json::Value>(&read(dir, "run.json")).expect("run.json")["threads"]
            .clone()
    };
    assert_eq!((threads(&one), threads(&two)), (1.into(), 2.into()));
}

/// `summary.csv` without its last column (docs/s, a timing).
pub fn summary_without_speed(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("summary.csv")).expect("summary.csv");
    text.lines().map(|l| l.rsplit_once(',').expect("several columns").0.to_string()).collect()
}

/// The first `n` documents of the corpus at `path`, prepared with the corpus
/// IDF, their references set apart.
pub fn prepare(path: &Path, n: usize) -> Vec<EvalDocument> {
    use sumbench::corpus::{ReadOptions, read_corpus};
    use sumbench::text::WordTokenizer;
    let mut documents = read_corpus(path, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    documents.truncate(n);
    EvalDocument::prepare_corpus(documents, &WordTokenizer::english())
}

/// The word budget `--budget ref` gives a document: its references' mean
/// whitespace word count, rounded half to even.
pub fn reference_word_budget(doc: &EvalDocument) -> usize {
    let refs = &doc.references;
    let mean = refs.iter().map(|r| r.split_whitespace().count()).sum::<usize>() as f64 / refs.len() as f64;
    (mean.round_ties_even() as usize).max(1)
}

/// Mean ROUGE F (stemmed, multi-reference) of summarizer `name` over
/// `prepared`, per metric of `metrics`, with the reference-length word budget.
fn mean_f(prepared: &[EvalDocument], name: &str, metrics: &[sumbench::rouge::Metric]) -> Vec<f64> {
    use sumbench::rouge::{DocumentScorer, Scorer};
    use sumbench::summarize::{Budget, BuildOptions, build};
    let scorer = Scorer::new(metrics, true);
    let summarizer = build(name, &BuildOptions { seed: 0, ..BuildOptions::default() }).expect("registered");
    let mut sum = vec![0.0; metrics.len()];
    for eval in prepared {
        let summary = eval.summarize(summarizer.as_ref(), &Budget::Words(reference_word_budget(eval)));
        let doc = &eval.doc;
        let spans: Vec<_> = doc.sentences.iter().map(|s| s.span.clone()).collect();
        let scores = DocumentScorer::new(&scorer, &eval.references, &doc.source.text, &spans)
            .score_spans(&summary.spans(doc));
        sum.iter_mut().zip(&scores).for_each(|(total, score)| *total += score.fmeasure);
    }
    sum.into_iter().map(|x| x / prepared.len() as f64).collect()
}

/// The oracle's mean ROUGE-1 and ROUGE-2 F (stemmed, reference-length word
/// budget) are above every other registered summarizer's on `prepared`.
pub fn assert_oracle_beats_every_summarizer(prepared: &[EvalDocument]) {
    use sumbench::rouge::Metric;
    use sumbench::summarize::registry;
    let metrics = [Metric::N(1), Metric::N(2)];
    let oracle = mean_f(prepared, "oracle", &metrics);
    for entry in registry().iter().filter(|e| e.name != "oracle") {
        let other = mean_f(prepared, entry.name, &metrics);
        assert!(oracle[0] > other[0], "{}: ROUGE-1 F {:.4} ≥ oracle {:.4}", entry.name, other[0], oracle[0]);
        assert!(oracle[1] > other[1], "{}: ROUGE-2 F {:.4} ≥ oracle {:.4}", entry.name, other[1], oracle[1]);
    }
}

/// The graph and redundancy-aware summarizers.
pub const GRAPH_SUMMARIZERS: [&str; 5] = ["lexrank", "textrank", "reduction", "centroid", "mmr"];

/// A summary is distinct sentences of `doc` in document order, within `budget_words`.
pub fn assert_valid_summary(
    doc: &sumbench::text::PreparedDocument,
    summary: &sumbench::summarize::Summary,
    budget_words: usize,
) {
    assert!(summary.sentences.windows(2).all(|w| w[0] < w[1]), "not distinct/in document order");
    assert!(summary.sentences.iter().all(|&i| i < doc.sentences.len()));
    let words: usize = summary.text(doc).split_whitespace().count();
    assert!(words <= budget_words, "{words} words > budget {budget_words}");
}

/// Mean ROUGE-1 F × 100 (stemmed, multi-reference) of summarizer `name` over
/// `prepared`, with the reference-length word budget, as
/// `shared/tools/sumy_baseline.py --length ref-words` measures sumy.
pub fn mean_rouge1(prepared: &[EvalDocument], name: &str) -> f64 {
    mean_f(prepared, name, &[sumbench::rouge::Metric::N(1)])[0] * 100.0
}

/// The reports in `dir` equal those in `expected` byte for byte
/// (`scores.csv`, `summaries.jsonl`, and `summary.csv` apart from its docs/s
/// timing column), each file named when it differs.
pub fn assert_same_reports(dir: &Path, expected: &Path) {
    for file in ["scores.csv", "summaries.jsonl"] {
        let (got, want) = (std::fs::read(dir.join(file)), std::fs::read(expected.join(file)));
        assert!(
            got.expect("report written") == want.expect("reference present"),
            "{file} differs from {}",
            expected.display()
        );
    }
    assert_eq!(
        summary_without_speed(dir),
        summary_without_speed(expected),
        "summary.csv differs from {}",
        expected.display()
    );
}

/// JSON equality (for case files with a package's exact output) that tells `0` from `0.0` and `-0.0` from `0.0`.
pub fn same_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            _ if x.is_f64() != y.is_f64() => false,
            (Some(x), Some(y)) => x.to_bits() == y.to_bits(),
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// The variable naming a sentence-transformers model folder for the tests
/// of the `models` feature (all-MiniLM-L6-v2: `../shared/models/fetch_minilm.sh`).
pub const MODEL_VARIABLE: &str = "SUMBENCH_MODEL";

/// `$SUMBENCH_MODEL`. The tests that call this are `#[ignore]`d; run with
/// `--include-ignored`, a missing variable or folder is a failure naming what
/// is missing, never a silent pass.
pub fn model_folder() -> PathBuf {
    let root = std::env::var_os(MODEL_VARIABLE).unwrap_or_else(|| {
        panic!("{MODEL_VARIABLE} is not set: point it at all-MiniLM-L6-v2 (sh ../shared/models/fetch_minilm.sh DIR)")
    });
    let path = PathBuf::from(root);
    assert!(path.join("model.safetensors").is_file(), "{} has no model.safetensors", path.display());
    path
}
