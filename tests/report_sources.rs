//! Pages built from the run (issue #21): `report.html` shows the texts and
//! references the run itself read, whatever the corpus's reader options and
//! the folder a later command runs in; `merge` and `compare --html` re-read
//! the corpora `run.json` records (canonical path, reader options, SHA-256)
//! and say once, on stderr, in `run.json` and on the page, why a text
//! cannot be had.

use std::path::{Path, PathBuf};

use crate::util::sumbench;

/// Writes `news.csv` as the Kaggle CNN/DailyMail files are laid out
/// (`id,article,highlights`): `docs` documents whose texts and references
/// carry their number, so a page can be searched for them.
fn write_news_csv(path: &Path, docs: usize) {
    let mut csv = String::from("id,article,highlights\n");
    for i in 0..docs {
        csv.push_str(&format!(
            "n{i},\"Article {i} opens the story. The mayor of town {i} spoke on Monday. \
             Residents of town {i} cheered.\",\"Mayor {i} spoke; residents cheered.\"\n"
        ));
    }
    std::fs::write(path, csv).unwrap();
}

/// `sumbench run` in `cwd` on the relative corpus `news.csv`, with the field flags.
fn run_flagged(cwd: &Path, out: &str, extra: &[&str]) -> String {
    let output = sumbench()
        .current_dir(cwd)
        .args(["run", "--corpus", "news.csv", "--text-field", "article", "--ref-field", "highlights"])
        .args(["--summarizers", "lead,random", "--out", out])
        .args(extra)
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    String::from_utf8(output).unwrap()
}

/// The page shows document `i`'s text and reference.
fn assert_shows_document(html: &str, i: usize) {
    assert!(html.contains(&format!("Article {i} opens the story.")), "document n{i}'s text is on the page");
    assert!(html.contains(&format!("Mayor {i} spoke; residents cheered.")), "its reference is on the page");
}

/// A temporary folder with `data/news.csv` (`docs` documents) and an empty
/// `elsewhere/` to run later commands from.
fn two_folders(docs: usize) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let (data, elsewhere) = (tmp.path().join("data"), tmp.path().join("elsewhere"));
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    write_news_csv(&data.join("news.csv"), docs);
    (tmp, data, elsewhere)
}

/// Runs `sumbench ARGS` in `cwd`: it succeeds and warns of nothing.
fn succeeds_without_warnings(cwd: &Path, args: &[&str]) {
    let output = sumbench().current_dir(cwd).args(args).assert().success().get_output().clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("warning"), "{stderr}");
}

const NOT_AVAILABLE: &str = "The document text is not available";

#[test]
fn a_flagged_csv_run_shows_its_texts_and_records_how_it_was_read() {
    let tmp = tempfile::tempdir().unwrap();
    write_news_csv(&tmp.path().join("news.csv"), 6);
    let stderr = run_flagged(tmp.path(), "run", &[]);
    assert!(!stderr.contains("warning"), "{stderr}");
    let html = std::fs::read_to_string(tmp.path().join("run/report.html")).unwrap();
    assert!(!html.contains(NOT_AVAILABLE));
    for i in 0..6 {
        assert_shows_document(&html, i);
    }
    let info: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("run/run.json")).unwrap()).unwrap();
    let corpus = &info["corpora"][0];
    assert_eq!(corpus["path"], "news.csv", "the path as given");
    let canonical = std::fs::canonicalize(tmp.path().join("news.csv")).unwrap();
    assert_eq!(corpus["canonical_path"], canonical.to_str().unwrap());
    let options = &corpus["read_options"];
    assert_eq!(options["text_field"], "article");
    assert_eq!(options["ref_field"], "highlights");
    assert_eq!(options["id_field"], "id");
    assert!(options["format"].is_null(), "detected from the extension, as given: {options}");
}

#[test]
fn a_chunked_run_embeds_texts_for_every_chosen_document() {
    let tmp = tempfile::tempdir().unwrap();
    write_news_csv(&tmp.path().join("news.csv"), 40);
    run_flagged(tmp.path(), "run", &["--chunk-size", "3"]);
    let html = std::fs::read_to_string(tmp.path().join("run/report.html")).unwrap();
    assert!(html.contains("embeds 40 of 40 documents"), "every document is embedded");
    assert!(!html.contains(NOT_AVAILABLE));
    for i in 0..40 {
        assert_shows_document(&html, i);
    }
}

#[test]
fn shards_merged_from_another_folder_show_the_texts() {
    let (_tmp, data, elsewhere) = two_folders(9);
    run_flagged(&data, "s1", &["--shard", "1/3"]);
    run_flagged(&data, "s2", &["--shard", "2/3"]);
    run_flagged(&data, "s3", &["--shard", "3/3"]);
    succeeds_without_warnings(
        &elsewhere,
        &["merge", "../data/s2", "../data/s1", "../data/s3", "--out", "merged"],
    );
    let html = std::fs::read_to_string(elsewhere.join("merged/report.html")).unwrap();
    assert!(!html.contains(NOT_AVAILABLE));
    for i in 0..9 {
        assert_shows_document(&html, i);
    }
}

#[test]
fn a_corpus_changed_or_gone_since_the_shards_is_said_once() {
    let tmp = tempfile::tempdir().unwrap();
    write_news_csv(&tmp.path().join("news.csv"), 4);
    run_flagged(tmp.path(), "s1", &["--shard", "1/2"]);
    run_flagged(tmp.path(), "s2", &["--shard", "2/2"]);
    write_news_csv(&tmp.path().join("news.csv"), 5);
    let merge = |out: &str| {
        let output = sumbench()
            .current_dir(tmp.path())
            .args(["merge", "s1", "s2", "--out", out])
            .assert()
            .success()
            .get_output()
            .clone();
        String::from_utf8(output.stderr).unwrap()
    };
    let stderr = merge("changed");
    assert_eq!(stderr.matches("warning:").count(), 1, "{stderr}");
    assert!(stderr.contains("report.html: corpus news: document texts and references are not shown: "));
    assert!(stderr.contains("has changed since the run (SHA-256 "), "{stderr}");
    let info = std::fs::read_to_string(tmp.path().join("changed/run.json")).unwrap();
    assert!(info.contains("has changed since the run"), "the warning is in run.json");
    let html = std::fs::read_to_string(tmp.path().join("changed/report.html")).unwrap();
    assert!(html.contains("has changed since the run") && html.contains(NOT_AVAILABLE));

    std::fs::remove_file(tmp.path().join("news.csv")).unwrap();
    let stderr = merge("gone");
    assert_eq!(stderr.matches("warning:").count(), 1, "{stderr}");
    assert!(stderr.contains("the corpus is not at "), "{stderr}");
}

#[test]
fn compare_html_from_another_folder_shows_the_references() {
    let (_tmp, data, elsewhere) = two_folders(8);
    run_flagged(&data, "base", &["--seed", "1"]);
    run_flagged(&data, "new", &["--seed", "2"]);
    succeeds_without_warnings(
        &elsewhere,
        &["compare", "../data/base", "../data/new", "--html", "compare.html"],
    );
    let html = std::fs::read_to_string(elsewhere.join("compare.html")).unwrap();
    assert!(!html.contains("references are not shown"), "references found");
    assert!(html.contains("residents cheered."), "a reference is on the page");
}

/// Occurrences of document `i`'s first sentence in a page's text (its markup
/// taken out): once in the document, and once more in each summary that
/// starts with it (lead's always does).
fn first_sentence_count(html: &str, i: usize) -> usize {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.matches(&format!("Article {i} opens the story.")).count()
}

#[test]
fn summaries_kept_as_sentences_are_shown_from_the_corpus_and_as_text_on_request() {
    let (_tmp, data, elsewhere) = two_folders(6);
    run_flagged(&data, "compact", &[]);
    run_flagged(&data, "text", &["--summaries", "text"]);
    let lines = |dir: &str| -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(data.join(dir).join("summaries.jsonl")).unwrap();
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let (compact, text) = (lines("compact"), lines("text"));
    assert_eq!(compact.len(), 12);
    for (line, full) in compact.iter().zip(&text) {
        assert!(line.get("text").is_none(), "no text by default: {line}");
        assert_eq!(line["sentences"], full["sentences"]);
        // Lead's summary of document i is its first sentence.
        if full["summarizer"] == "lead" {
            let i = full["doc_id"].as_str().unwrap().trim_start_matches('n');
            assert_eq!(full["text"], format!("Article {i} opens the story."));
            assert_eq!(full["sentences"], serde_json::json!([0]));
        }
    }
    // Merged from another folder, the page takes the summaries' texts from the corpus.
    run_flagged(&data, "s1", &["--shard", "1/2"]);
    run_flagged(&data, "s2", &["--shard", "2/2"]);
    succeeds_without_warnings(&elsewhere, &["merge", "../data/s1", "../data/s2", "--out", "merged"]);
    let html = std::fs::read_to_string(elsewhere.join("merged/report.html")).unwrap();
    for i in 0..6 {
        assert!(first_sentence_count(&html, i) >= 2, "document n{i}'s lead summary is shown");
    }
    // So does compare.html, for both sides.
    run_flagged(&data, "other", &["--budget", "2s"]);
    succeeds_without_warnings(
        &elsewhere,
        &["compare", "../data/compact", "../data/other", "--html", "c.html"],
    );
    let html = std::fs::read_to_string(elsewhere.join("c.html")).unwrap();
    assert!(!html.contains("summaries are not shown") && !html.contains("summaries.jsonl."), "{html}");
    // The page shows no document text: each first sentence found is a summary's.
    assert!((0..6).map(|i| first_sentence_count(&html, i)).sum::<usize>() >= 1, "summaries on the page");
}

#[test]
fn summaries_of_a_corpus_changed_since_the_run_are_not_shown_and_it_is_said() {
    let (_tmp, data, _) = two_folders(4);
    run_flagged(&data, "base", &[]);
    run_flagged(&data, "new", &["--budget", "2s"]);
    write_news_csv(&data.join("news.csv"), 5);
    let output = sumbench()
        .current_dir(&data)
        .args(["compare", "base", "new", "--html", "c.html"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("BASE's summaries are not shown: "), "{stderr}");
    assert!(stderr.contains("NEW's summaries are not shown: "), "{stderr}");
    assert!(stderr.contains("has changed since the run (SHA-256 "), "{stderr}");
}

#[test]
fn every_summary_of_the_embedded_corpora_is_rebuilt_from_its_sentences() {
    // The default budget (the references' length in words) cuts the last sentence of
    // most summaries; klexikon is German. Each rebuilt text equals the one the run wrote
    // with --summaries text.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = crate::util::repo().join("corpus");
    for (out, layout) in [("compact", "sentences"), ("text", "text")] {
        sumbench()
            .args(["run", "--quiet", "--corpus"])
            .arg(&corpus)
            .args(["--summaries", layout, "--out"])
            .arg(tmp.path().join(out))
            .assert()
            .success();
    }
    let read = |dir: &str| -> Vec<sumbench::report::SummaryRecord> {
        sumbench::rundir::summaries(&tmp.path().join(dir).join("summaries.jsonl"))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let mut texts = std::collections::HashMap::new();
    let info = sumbench::rundir::read_run_json(&tmp.path().join("text")).unwrap();
    assert_eq!(info.corpora.len(), 4);
    for c in &info.corpora {
        for doc in sumbench::corpus::open(&c.path, &c.read_options).unwrap() {
            let doc = doc.unwrap();
            texts.insert((c.name.clone(), doc.id), doc.text);
        }
    }
    let (compact, full) = (read("compact"), read("text"));
    assert_eq!(compact.len(), full.len());
    let cut = compact.iter().filter(|r| r.cut.is_some()).count();
    assert!(cut > 1000, "most summaries are cut ({cut})");
    for (mut record, whole) in compact.into_iter().zip(full) {
        assert!(record.needs_text() || record.sentences.is_empty());
        record.fill_text(&texts[&(record.corpus.clone(), record.doc_id.clone())]).unwrap();
        assert_eq!(record, whole);
    }
}
