//! `--language` across the commands: detection (`auto`) on Universal
//! Dependencies sentences whose language is known, what a run records, word
//! budgets in unspaced scripts, character budgets, and every bad input.

use std::collections::BTreeMap;

use sumbench::Language;

use crate::util::{read_fixture, sumbench};

/// The gold language of each case of the shared segmentation file (Universal
/// Dependencies treebanks, so the language is the treebank's, not ours).
fn ud_cases() -> Vec<(Language, String)> {
    read_fixture("segmentation_multilingual.jsonl")
        .lines()
        .map(|line| {
            let case: serde_json::Value = serde_json::from_str(line).unwrap();
            (case["lang"].as_str().unwrap().parse().unwrap(), case["text"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn auto_detects_the_treebank_language_of_ud_paragraphs() {
    // whatlang on 3-8 sentence UD paragraphs of 12 languages (40 each). The
    // floor per language is what was measured when this test was written
    // (README, "Languages"); a detector change that loses cases fails here.
    let mut right: BTreeMap<Language, (usize, usize)> = BTreeMap::new();
    for (gold, text) in ud_cases() {
        let found = sumbench::LanguageChoice::Auto.resolve(&text);
        let entry = right.entry(gold).or_default();
        entry.0 += usize::from(found == gold);
        entry.1 += 1;
    }
    eprintln!("detected of 40 per language: {right:?}");
    assert!(right.len() >= 8, "{right:?}");
    for (language, (hits, cases)) in &right {
        assert_eq!(*cases, 40, "{language}");
        assert!(*hits >= 38, "{language}: {hits} of {cases} detected: {right:?}");
    }
}

/// A corpus of one document per UD language (its first case), each with its
/// first sentence as the reference.
fn multilingual_corpus(dir: &std::path::Path) -> (std::path::PathBuf, BTreeMap<String, Language>) {
    let mut seen = BTreeMap::new();
    let mut lines = Vec::new();
    for (language, text) in ud_cases() {
        let id = format!("doc-{language}");
        if seen.contains_key(&id) {
            continue;
        }
        seen.insert(id.clone(), language);
        let reference: String = text.chars().take(60).collect();
        lines.push(serde_json::json!({"id": id, "text": text, "references": [reference]}).to_string());
    }
    let path = dir.join("multilingual.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    (path, seen)
}

#[test]
fn a_run_with_auto_records_each_documents_language() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, gold) = multilingual_corpus(tmp.path());
    let out = tmp.path().join("out");
    sumbench()
        .args(["run", "--quiet", "--language", "auto", "--summarizers", "lead", "--budget", "2s", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let summaries = std::fs::read_to_string(out.join("summaries.jsonl")).unwrap();
    let mut found = BTreeMap::new();
    for line in summaries.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        found.insert(
            record["doc_id"].as_str().unwrap().to_string(),
            record["language"].as_str().unwrap().to_string(),
        );
    }
    let expected: BTreeMap<String, String> =
        gold.iter().map(|(id, l)| (id.clone(), l.code().to_string())).collect();
    assert_eq!(found, expected);
    let info: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(info["language"], "auto");
    let counts = info["corpora"][0]["languages"].as_object().unwrap();
    assert_eq!(counts.len(), gold.len());
    assert!(counts.values().all(|n| n == 1), "{counts:?}");
    let signature = info["signatures"]["rouge1"].as_str().unwrap();
    let codes: Vec<&str> = {
        let mut codes: Vec<&str> = gold.values().map(|l| l.code()).collect();
        codes.sort_unstable();
        codes
    };
    assert!(signature.contains(&format!("|lang:{}|", codes.join("+"))), "{signature}");
}

#[test]
fn english_rules_on_german_text_are_warned_about_once() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("de.jsonl");
    let text = "Der Airbag im Kraftfahrzeug besteht aus einem Kunststoffsack. Er entfaltet sich bei einem Unfall \
                innerhalb von wenigen Millisekunden. Dadurch wird verhindert, dass der Insasse gegen harte Teile prallt.";
    let lines: Vec<String> = (0..3)
        .map(|i| {
            serde_json::json!({"id": i, "text": text, "references": ["Ein Airbag schützt."]}).to_string()
        })
        .collect();
    std::fs::write(&corpus, lines.join("\n")).unwrap();
    let output = sumbench()
        .args(["run", "--summarizers", "lead", "--budget", "1s", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("look german (de)")).collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(warnings[0].contains("3 documents") && warnings[0].contains("--language de"), "{stderr}");
}

#[test]
fn a_word_budget_in_chinese_counts_segmented_words() {
    // jieba splits 北京今天下雨 into 北京 / 今天 / 下雨 (the example of XL-Sum's
    // scorer's README), so three words end after 下雨 and not after the sentence.
    let text = "北京今天下雨。我们明天去上海。";
    sumbench()
        .args(["summarize", "--summarizer", "lead", "--language", "zh", "--budget", "2w"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout("北京今天\n");
}

#[test]
fn a_character_budget_counts_graphemes() {
    // "é" written as e + U+0301 is one character (grapheme cluster): the first
    // four characters of "Café noir." are "Café".
    sumbench()
        .args(["summarize", "--summarizer", "lead", "--budget", "4c"])
        .write_stdin("Cafe\u{301} noir. Second sentence.")
        .assert()
        .success()
        .stdout("Cafe\u{301}\n");
}

#[test]
fn an_unknown_language_is_refused_by_every_command() {
    for args in [
        &["run", "--language", "klingon"][..],
        &["score", "--language", "klingon", "--system", "x=y.jsonl"],
        &["eval", "--language", "klingon"],
        &["summarize", "--language", "klingon"],
    ] {
        let output = sumbench().args(args).write_stdin("").output().unwrap();
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("unknown language `klingon`"), "{args:?}: {stderr}");
    }
}

#[test]
fn an_unknown_language_in_a_corpus_names_file_line_and_field() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": 1, \"text\": \"A b.\", \"references\": [\"A.\"]}\n\
         {\"id\": 2, \"language\": \"xx\", \"text\": \"A b.\", \"references\": [\"A.\"]}\n",
    )
    .unwrap();
    let output = sumbench()
        .args(["run", "--quiet", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("c.jsonl:2")
            && stderr.contains("`language`")
            && stderr.contains("unknown language `xx`"),
        "{stderr}"
    );
}

#[test]
fn eval_takes_each_records_language_and_names_a_bad_one() {
    let output = sumbench()
        .args(["eval", "--metrics", "js-divergence"])
        .write_stdin(
            "{\"id\": 1, \"candidate\": \"Der Hund bellt.\", \"source\": \"Der Hund bellt laut.\", \"lang\": \"german\"}\n\
             {\"id\": 2, \"candidate\": \"The dog barks.\", \"source\": \"The dog barks loudly.\"}\n",
        )
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].contains("|lang:de|") && lines[1].contains("|lang:en|"), "{stdout}");
    sumbench()
        .args(["eval", "--metrics", "js-divergence"])
        .write_stdin("{\"id\": 1, \"candidate\": \"x\", \"source\": \"y\", \"lang\": \"xx\"}\n")
        .assert()
        .failure()
        .stderr(predicates::str::contains("<stdin>:1: field `lang`: unknown language `xx`"));
}
