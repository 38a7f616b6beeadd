//! The harness as a library: output files, chunked streaming equal to a
//! single pass, shards merging into the single run, outside summaries.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sumbench::MetricSpec;
use sumbench::corpus::ReadOptions;
use sumbench::harness::external::{ScoreRequest, SystemFile, score};
use sumbench::harness::plan::BudgetSpec;
use sumbench::harness::run::{RunRequest, run};
use sumbench::harness::{CorpusInput, HarnessError, Progress, Settings, Silent};
use sumbench::rundir::files;
use sumbench::rundir::merge;
use sumbench::rundir::{Provenance, RunDirError, Shard, SummaryText};

/// A small JSONL corpus: 7 documents, written here by hand.
const CORPUS: &str = r#"{"id": "d1", "text": "The council approved the new park on Monday. Work starts in spring. Residents had asked for green space for years.", "references": ["The council approved a new park; work starts in spring."]}
{"id": "d2", "text": "A storm closed the harbour. Ferries were cancelled all day. The port reopened in the evening.", "references": ["A storm closed the harbour and cancelled ferries.", "Ferries were cancelled as a storm shut the port."]}
{"id": "d3", "text": "The team won the final. Fans celebrated in the streets. The coach praised the defence.", "references": ["The team won the final and fans celebrated."]}
{"id": "d4", "text": "Prices rose again in March. Food and fuel drove the increase. Economists expect a slowdown.", "references": ["Food and fuel pushed prices up in March."]}
{"id": "d5", "text": "The museum opened a new wing. It shows modern art. Entry is free on Sundays.", "references": ["A new modern art wing opened at the museum."]}
{"id": "d6", "text": "Scientists found water ice on the moon. The ice sits in shadowed craters. Future missions may use it.", "references": ["Water ice was found in shadowed lunar craters."]}
{"id": "d7", "text": "The library will close for repairs. The roof leaks. It reopens in June.", "references": ["The library closes for roof repairs until June."]}
"#;

fn corpus_file(dir: &Path) -> PathBuf {
    let path = dir.join("news.jsonl");
    std::fs::write(&path, CORPUS).unwrap();
    path
}

fn request(corpus: &Path, shard: Shard, chunk_size: usize) -> RunRequest {
    RunRequest {
        corpora: vec![CorpusInput {
            path: corpus.to_path_buf(),
            options: ReadOptions { require_references: true, ..ReadOptions::default() },
        }],
        settings: Settings {
            summarizers: vec!["lead".into(), "random".into(), "luhn".into()],
            budget: BudgetSpec::Reference,
            metrics: MetricSpec::defaults(),
            stem: true,
            rouge_tokenizer: sumbench::rouge::RougeTokenizer::RougeScore,
            rouge_profile: None,
            bertscore: None,
            language: sumbench::LanguageChoice::default(),
            seed: 7,
        },
        custom_summarizers: Vec::new(),
        shard,
        chunk_size,
        summaries: SummaryText::default(),
        provenance: Provenance { command_line: vec!["test".into()], git_commit: None },
    }
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{}/{file}: {e}", dir.display()))
}

/// `summary.csv` without its last column (docs_per_second, a timing).
fn summary_without_speed(dir: &Path) -> String {
    read(dir, files::SUMMARY_CSV).lines().map(|l| l.rsplit_once(',').unwrap().0.to_string() + "\n").collect()
}

#[test]
fn a_run_writes_every_file_with_a_row_per_document_summarizer_and_metric() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus_file(tmp.path());
    let out = tmp.path().join("out");
    let outcome = run(&request(&corpus, Shard::ALL, 1000), &out, &Silent).unwrap();
    for file in files::ALL {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    // Nothing else (no temporary files) is left in the directory.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), files::ALL.len());
    let scores = read(&out, files::SCORES);
    // Header + 7 documents × 3 summarizers × 5 metrics (ROUGE's four and dangling).
    assert_eq!(scores.lines().count(), 1 + 7 * 3 * 5);
    assert!(scores.lines().nth(1).unwrap().starts_with("news,d1,lead,rouge1,"));
    assert!(scores.lines().last().unwrap().starts_with("news,d7,luhn,dangling,"));
    assert_eq!(read(&out, files::SUMMARIES).lines().count(), 7 * 3);
    assert_eq!(read(&out, files::SUMMARY_CSV).lines().count(), 1 + 3 * 5);
    assert_eq!(read(&out, files::SUMMARY_MD), outcome.markdown);
    let info: serde_json::Value = serde_json::from_str(&read(&out, files::RUN)).unwrap();
    assert_eq!(info["seed"], 7);
    assert_eq!(info["corpora"][0]["name"], "news");
    assert_eq!(info["corpora"][0]["documents"], 7);
    assert_eq!(info["timings"].as_array().unwrap().len(), 3);
}

#[test]
fn chunked_streaming_gives_the_same_reports_as_one_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus_file(tmp.path());
    let (whole, chunked) = (tmp.path().join("whole"), tmp.path().join("chunked"));
    run(&request(&corpus, Shard::ALL, 1000), &whole, &Silent).unwrap();
    run(&request(&corpus, Shard::ALL, 2), &chunked, &Silent).unwrap();
    assert_eq!(read(&whole, files::SCORES), read(&chunked, files::SCORES));
    assert_eq!(read(&whole, files::SUMMARIES), read(&chunked, files::SUMMARIES));
    assert_eq!(summary_without_speed(&whole), summary_without_speed(&chunked));
}

#[test]
fn merged_shards_equal_the_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus_file(tmp.path());
    let single = tmp.path().join("single");
    // With corpus-level metrics, whose statistics the merge must add up.
    let request = |shard, chunk_size| {
        let mut request = request(&corpus, shard, chunk_size);
        request.settings.metrics.extend(["bleu", "chrf++"].map(|m| m.parse::<MetricSpec>().unwrap()));
        request
    };
    run(&request(Shard::ALL, 1000), &single, &Silent).unwrap();
    // Three shards, one of them read in chunks, merged given in scrambled order.
    let dirs: Vec<PathBuf> = (1..=3).map(|k| tmp.path().join(format!("shard{k}"))).collect();
    for (k, dir) in dirs.iter().enumerate() {
        let shard = Shard { index: k + 1, count: 3 };
        run(&request(shard, if k == 1 { 1 } else { 1000 }), dir, &Silent).unwrap();
    }
    let shard2 = read(&dirs[1], files::SCORES);
    assert!(shard2.contains("news,d2,") && shard2.contains("news,d5,") && !shard2.contains("news,d1,"));
    let merged = tmp.path().join("merged");
    let order = [dirs[2].clone(), dirs[0].clone(), dirs[1].clone()];
    merge(&order, &merged, Provenance::default()).unwrap();
    assert_eq!(read(&single, files::SCORES), read(&merged, files::SCORES));
    assert_eq!(read(&single, files::SUMMARIES), read(&merged, files::SUMMARIES));
    assert_eq!(summary_without_speed(&single), summary_without_speed(&merged));
    let corpus_level = read(&single, files::CORPUS_LEVEL);
    // Header + 3 summarizers × 2 metrics, each summed over the 7 documents.
    assert_eq!(corpus_level.lines().count(), 1 + 3 * 2);
    assert!(corpus_level.lines().skip(1).all(|l| l.split(',').nth(4) == Some("7")), "{corpus_level}");
    assert_eq!(corpus_level, read(&merged, files::CORPUS_LEVEL));
}

#[test]
fn merge_refuses_an_incomplete_set_of_shards() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus_file(tmp.path());
    let dir = tmp.path().join("shard1");
    run(&request(&corpus, Shard { index: 1, count: 2 }, 1000), &dir, &Silent).unwrap();
    let err = merge(&[dir], &tmp.path().join("merged"), Provenance::default()).unwrap_err();
    assert!(matches!(err, RunDirError::Merge(_)), "{err}");
    assert!(!tmp.path().join("merged").exists());
}

fn score_request(tmp: &Path, summaries: &str) -> ScoreRequest {
    let file = tmp.join("system.jsonl");
    std::fs::write(&file, summaries).unwrap();
    ScoreRequest {
        systems: vec![SystemFile::Named { name: "abstractive".into(), path: file }],
        summary_field: "summary".into(),
        system_field: "system".into(),
        with: None,
        corpora: vec![CorpusInput { path: corpus_file(tmp), options: ReadOptions::default() }],
        metrics: MetricSpec::defaults(),
        stem: true,
        rouge_tokenizer: sumbench::rouge::RougeTokenizer::RougeScore,
        rouge_profile: None,
        bertscore: None,
        language: sumbench::LanguageChoice::default(),
        seed: 0,
        summaries: SummaryText::default(),
        provenance: Provenance::default(),
    }
}

#[test]
fn outside_summaries_are_scored_into_the_same_reports() {
    let tmp = tempfile::tempdir().unwrap();
    // d1's summary is its reference verbatim: every metric scores 1.
    let lines = "{\"id\": \"d1\", \"summary\": \"The council approved a new park; work starts in spring.\"}\n\
                 {\"id\": \"d3\", \"summary\": \"Nothing in common.\"}\n";
    let out = tmp.path().join("out");
    let outcome = score(&score_request(tmp.path(), lines), &out).unwrap();
    let scores = read(&out, files::SCORES);
    assert_eq!(scores.lines().count(), 1 + 2 * 5);
    // ROUGE's rows; `dangling` has no value for summaries whose sentences are
    // not the document's (not an extract).
    let (rouge, dangling): (Vec<&str>, Vec<&str>) =
        scores.lines().skip(1).partition(|l| l.split(',').nth(3) != Some("dangling"));
    assert!(
        rouge.iter().take(4).all(|l| l.starts_with("news,d1,abstractive,") && l.ends_with(",1,1,1,none"))
    );
    assert!(rouge.iter().skip(4).all(|l| l.ends_with(",0,0,0,none")), "{scores}");
    assert!(dangling.iter().all(|l| l.ends_with(",dangling,,,,none")), "{scores}");
    assert_eq!(
        outcome.info.warnings,
        [
            "rougeLsum: the outside summaries were split into sentences by sumbench's segmenter, one per line, as the references are (rouge-score leaves this to its caller; unsplit, rougeLsum equals rougeL)",
            "news: 5 documents have no summary from abstractive"
        ]
    );
    // An outside system ran elsewhere: no timing, so no speed, and no speed in the paper table.
    assert!(outcome.info.timings.is_empty(), "{:?}", outcome.info.timings);
    let summary = read(&out, files::SUMMARY_CSV);
    assert!(summary.lines().skip(1).all(|l| l.ends_with(',')), "empty docs_per_second: {summary}");
    assert!(!read(&out, files::SUMMARY_MD).contains("docs/s"));
}

#[test]
fn outside_summaries_for_unknown_ids_name_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = "{\"id\": \"d1\", \"summary\": \"x\"}\n{\"id\": \"nope\", \"summary\": \"y\"}\n";
    let err = score(&score_request(tmp.path(), lines), &tmp.path().join("out")).unwrap_err();
    assert!(matches!(&err, HarnessError::Input { location, .. } if location.line == Some(2)), "{err}");
    assert!(err.to_string().contains("nope"));
    assert!(!tmp.path().join("out").join(files::SCORES).exists());
}

#[cfg(unix)]
#[test]
fn report_files_are_readable_by_everyone() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus_file(tmp.path());
    let out = tmp.path().join("out");
    run(&request(&corpus, Shard::ALL, 1000), &out, &Silent).unwrap();
    for file in files::ALL {
        let mode = std::fs::metadata(out.join(file)).unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "{file} has mode {mode:o}");
    }
}

/// Counts what a run tells its observer.
#[derive(Default)]
struct Counting {
    planned: AtomicU64,
    done: AtomicU64,
    finished: AtomicU64,
}

impl Progress for Counting {
    fn planned(&self, items: u64) {
        self.planned.fetch_add(items, Ordering::Relaxed);
    }
    fn done(&self, items: u64) {
        self.done.fetch_add(items, Ordering::Relaxed);
    }
    fn finished(&self) {
        self.finished.fetch_add(1, Ordering::Relaxed);
    }
}

#[test]
fn the_observer_hears_every_work_item_once() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus_file(tmp.path());
    for chunk_size in [1000, 2] {
        let counting = Counting::default();
        run(&request(&corpus, Shard::ALL, chunk_size), &tmp.path().join("out"), &counting).unwrap();
        // 7 documents × 3 summarizers (see `request`).
        let heard =
            [&counting.planned, &counting.done, &counting.finished].map(|n| n.load(Ordering::Relaxed));
        assert_eq!(heard, [21, 21, 1], "chunk size {chunk_size}");
    }
}

/// A user's summarizer whose backend fails on one document.
struct FailsOn(&'static str);

#[derive(Debug, thiserror::Error)]
#[error("the model timed out")]
struct Timeout;

impl sumbench::Summarizer for FailsOn {
    fn name(&self) -> &str {
        "model"
    }

    fn rank(&self, doc: &sumbench::PreparedDocument, _: &sumbench::Budget) -> sumbench::Ranking {
        sumbench::Ranking::from_scores(vec![0.0; doc.sentences.len()])
    }

    fn try_rank(
        &self,
        doc: &sumbench::PreparedDocument,
        budget: &sumbench::Budget,
    ) -> Result<sumbench::Ranking, sumbench::RankError> {
        if doc.source.id == self.0 {
            return Err(Box::new(Timeout));
        }
        Ok(self.rank(doc, budget))
    }
}

#[test]
fn a_failing_summarizer_stops_the_run_and_leaves_the_old_directory_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus_file(tmp.path());
    let out = tmp.path().join("out");
    run(&request(&corpus, Shard::ALL, 1000), &out, &Silent).unwrap();
    let before = read(&out, files::SCORES);
    // In one chunk and in chunks of two (d4 is in the second chunk).
    for chunk_size in [1000, 2] {
        let mut failing = request(&corpus, Shard::ALL, chunk_size);
        failing.settings.summarizers.push("model".into());
        failing.custom_summarizers = vec![std::sync::Arc::new(FailsOn("d4"))];
        let err = run(&failing, &out, &Silent).unwrap_err();
        assert_eq!(err.to_string(), "summarizer `model`, document `d4`: the model timed out");
        // The caller gets its own error back.
        let HarnessError::SummarizerFailed { error, .. } = err else { panic!("{err:?}") };
        assert!(error.downcast_ref::<Timeout>().is_some());
        assert_eq!(read(&out, files::SCORES), before, "chunk size {chunk_size}");
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 2, "only news.jsonl and out/");
    }
}
