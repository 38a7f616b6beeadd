//! `sumbench run`, `score` and `merge` end to end through the binary.

use std::path::Path;

use predicates::prelude::*;
use sumbench::summarize::registry;

use crate::util::{assert_same_reports, fixture, read_fixture, repo, sumbench};

const FILES: [&str; 6] =
    ["scores.csv", "summary.csv", "summary.md", "summary.svg", "summaries.jsonl", "run.json"];

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{}/{file}: {e}", dir.display()))
}

#[test]
fn run_over_the_default_corpora_writes_six_files_with_every_summarizer_and_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("latest");
    let assert = sumbench().args(["run", "--quiet", "--out"]).arg(&out).assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    for file in FILES {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    assert_eq!(stdout, read(&out, "summary.md"), "the table is printed");
    let scores = read(&out, "scores.csv");
    let summaries = read(&out, "summaries.jsonl");
    let summary = read(&out, "summary.csv");
    for entry in registry() {
        for metric in ["rouge1", "rouge2", "rougeL", "rougeLsum"] {
            let row = format!("seed,nato-hypersonic-talks,{},{metric},", entry.name);
            assert!(scores.contains(&row), "scores.csv lacks {row}");
            for (corpus, documents) in [("billsum", 100), ("klexikon", 83), ("plos", 102), ("seed", 1)] {
                let row = format!("{corpus},{},{metric},{documents},", entry.name);
                assert!(summary.contains(&row), "summary.csv lacks {row}");
            }
        }
        let line = format!("\"doc_id\":\"nato-hypersonic-talks\",\"summarizer\":\"{}\"", entry.name);
        assert!(summaries.contains(&line), "summaries.jsonl lacks {}", entry.name);
    }
    let info: serde_json::Value = serde_json::from_str(&read(&out, "run.json")).unwrap();
    assert_eq!(info["sumbench_version"], env!("CARGO_PKG_VERSION"));
    let corpora = info["corpora"].as_array().expect("corpora");
    let paths: Vec<&str> = corpora.iter().map(|c| c["path"].as_str().expect("path")).collect();
    assert_eq!(
        paths,
        [
            "corpus/billsum/documents.jsonl",
            "corpus/klexikon/documents.jsonl",
            "corpus/plos/documents.jsonl",
            "corpus/seed"
        ]
    );
    assert!(corpora.iter().all(|c| c["sha256"].as_str().expect("sha256").len() == 64));
    assert_eq!(info["budget"], "ref");
    assert!(info["command_line"].as_array().unwrap().iter().any(|a| a == "--quiet"));
    assert_same_reports(&out, &repo().join("results/reference"));
}

#[test]
fn a_baseline_is_never_overwritten_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        let mut cmd = sumbench();
        cmd.current_dir(tmp.path())
            .args(["run", "--quiet", "--summarizers", "lead", "--save-baseline", "base", "--corpus"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .args(extra);
        cmd.assert()
    };
    run(&[]).success();
    let base = tmp.path().join("results/base");
    let before = read(&base, "run.json");
    run(&[])
        .failure()
        .stderr(predicate::str::contains("--force").and(predicate::str::contains("results/base")));
    assert_eq!(read(&base, "run.json"), before, "the refused run left the baseline alone");
    run(&["--force"]).success();
    assert_ne!(read(&base, "run.json"), before);
}

#[test]
fn bad_settings_are_refused_with_the_value_named() {
    for (args, message) in [
        (&["--budget", "12q"][..], "12q"),
        (&["--metrics", "rouge1,bleurt"], "bleurt"),
        (&["--summarizers", "lead,nope"], "nope"),
        (&["--shard", "3/2"], "3/2"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        sumbench()
            .args(["run", "--quiet", "--out"])
            .arg(tmp.path().join("out"))
            .args(args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(message));
        assert!(!tmp.path().join("out/scores.csv").exists());
    }
}

#[test]
fn an_out_path_that_is_a_file_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("taken");
    std::fs::write(&file, "x").unwrap();
    sumbench()
        .args(["run", "--quiet", "--summarizers", "lead", "--out"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("taken"));
}

#[test]
fn score_reports_an_outside_system_and_names_bad_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let summaries = tmp.path().join("system.jsonl");
    std::fs::write(
        &summaries,
        "{\"id\": \"nato-hypersonic-talks\", \"summary\": \"Talks on hypersonic arms.\"}\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    sumbench()
        .args(["score", "--quiet", "--system", "gpt", "--corpus", "corpus/seed", "--summaries"])
        .arg(&summaries)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("| seed | gpt |"));
    for file in FILES {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    std::fs::write(&summaries, "{\"id\": \"nato-hypersonic-talks\", \"summary\": \"a\"}\n{\"id\": 5}\n")
        .unwrap();
    sumbench()
        .args(["score", "--quiet", "--system", "gpt", "--corpus", "corpus/seed", "--summaries"])
        .arg(&summaries)
        .arg("--out")
        .arg(tmp.path().join("out2"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("system.jsonl:2"));
}

#[test]
fn rouge155_metrics_are_reported_beside_rouge_score_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    sumbench()
        .args(["run", "--quiet", "--corpus", "corpus/seed", "--summarizers", "lead"])
        .args(["--metrics", "rougeSU4,rouge1,rougeW-1.2", "--out"])
        .arg(&out)
        .assert()
        .success();
    let metrics: Vec<String> =
        read(&out, "scores.csv").lines().skip(1).map(|l| l.split(',').nth(3).unwrap().to_string()).collect();
    assert_eq!(metrics, ["rougeSU4", "rouge1", "rougeW-1.2"]);
}

/// Several systems and built-in summarizers in one report: a tagged file, a
/// NAME=FILE system and `--with lead,oracle`, then `compare --within` pairs them.
#[test]
fn score_puts_many_systems_beside_built_in_summarizers() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("news.jsonl");
    let docs = [
        (
            "d1",
            "Rain fell on the city. The river rose over its banks. Roads were closed.",
            "The river flooded.",
        ),
        ("d2", "Markets opened early. Bank shares fell after the report. Oil rose.", "Bank shares fell."),
        ("d3", "The team won the final. Fans filled the streets. The coach resigned.", "The team won."),
    ];
    let lines: String = docs
        .iter()
        .map(|(id, text, r)| {
            serde_json::json!({"id": id, "text": text, "references": [r]}).to_string() + "\n"
        })
        .collect();
    std::fs::write(&corpus, lines).unwrap();
    let tagged = tmp.path().join("outputs.jsonl");
    let tagged_lines: String = docs
        .iter()
        .flat_map(|(id, text, _)| {
            let first = text.split(". ").next().unwrap_or_default().to_string();
            [
                serde_json::json!({"id": id, "system": "M1", "prediction": first}),
                serde_json::json!({"id": id, "system": "M0", "prediction": "Nothing here."}),
            ]
        })
        .map(|l| l.to_string() + "\n")
        .collect();
    std::fs::write(&tagged, tagged_lines).unwrap();
    let llm = tmp.path().join("llm.jsonl");
    // The LLM skips d3: only d1 and d2 are scored, for every row.
    let llm_lines = "{\"id\": \"d1\", \"prediction\": \"The river flooded.\"}\n{\"id\": \"d2\", \"prediction\": \"Oil rose.\"}\n";
    std::fs::write(&llm, llm_lines).unwrap();
    let out = tmp.path().join("out");
    sumbench()
        .args(["score", "--quiet", "--summary-field", "prediction", "--with", "lead,oracle", "--summaries"])
        .arg(&tagged)
        .arg("--system")
        .arg(format!("llm={}", llm.display()))
        .arg("--corpus")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    let rouge1: Vec<(String, String)> = summary
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(2) == Some("rouge1"))
        .map(|l| {
            let fields: Vec<&str> = l.split(',').collect();
            (fields[1].to_string(), fields[3].to_string())
        })
        .collect();
    let want = ["llm", "M1", "M0", "lead", "oracle"].map(|s| (s.to_string(), "2".to_string()));
    assert_eq!(rouge1, want, "systems in order, then the built-ins, all on the same 2 documents");
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(
        run["warnings"],
        serde_json::json!([
            "rougeLsum: the outside summaries were split into sentences by sumbench's segmenter, one per line, as the references are (rouge-score leaves this to its caller; unsplit, rougeLsum equals rougeL)",
            "news: 1 documents have no summary from llm",
            "news: 2 of 3 documents have a summary from every system and are scored"
        ])
    );
    // llm's d1 summary is the reference: F = 1.
    let scores = std::fs::read_to_string(out.join("scores.csv")).unwrap();
    assert!(scores.contains("news,d1,llm,rouge1,1,1,1,ref\n"), "{scores}");
    sumbench().args(["compare", "--within"]).arg(&out).assert().success();
}

/// The known pitfalls are warned about, in run.json and on stderr: letters
/// rouge-score's tokenizer drops, references of very different lengths, and
/// rougeLsum on texts without line breaks.
#[test]
fn known_pitfalls_are_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("mixed.jsonl");
    let line = serde_json::json!({
        "id": "d1",
        "text": "Die Bürgermeisterin eröffnete die Brücke. Москва приветствует гостей. The end.",
        "references": ["Die Brücke ist offen und alle Bürger freuen sich sehr darüber.", "Brücke."]
    });
    std::fs::write(&corpus, line.to_string() + "\n").unwrap();
    let output = sumbench()
        .args(["run", "--summarizers", "lead", "--budget", "1s", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Letters, by hand: the text has 36 German (ü, ö, ü not ASCII), 24 Cyrillic and 6
    // English ones; the references 51 (3 ü) and 6 (1 ü): 3 + 24 + 3 + 1 = 31 of 123 → 25.2%.
    let ascii = "warning: mixed: 25.2% of the letters are not ASCII, and rouge-score's tokenizer drops them \
                 (ROUGE sees only ASCII letters and digits: text in other scripts scores 0; \
                 the `unicode` ROUGE tokenizer keeps them)";
    let uneven = "warning: mixed: 1 documents have references whose lengths differ 3-fold or more \
                  (multi-reference ROUGE keeps the best reference per metric, so a short one can decide precision)";
    // The warning goes on with the language the text looks to be in, and the fix.
    assert!(
        stderr.lines().any(|l| l.starts_with(ascii) && l.contains("--rouge-tokenizer multilingual")),
        "{stderr}"
    );
    assert!(stderr.lines().any(|l| l == uneven), "{stderr}");
    let run = std::fs::read_to_string(tmp.path().join("out/run.json")).unwrap();
    assert!(run.contains("25.2% of the letters are not ASCII"));
    let pairs = "{\"id\": \"a\", \"candidate\": \"One. Two.\", \"references\": [\"One. Two.\"]}\n";
    sumbench()
        .arg("rouge")
        .write_stdin(pairs)
        .assert()
        .success()
        .stderr("warning: line 1: rougeLsum on texts without line breaks equals rougeL (give one sentence per line)\n");
}

#[test]
fn the_unicode_tokenizer_has_its_own_signature_and_no_ascii_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("ru.jsonl");
    let line = serde_json::json!({
        "id": "d1",
        "text": "Кошки бежали домой. Потом пошёл дождь.",
        "references": ["Кошки бежали домой под дождём."]
    });
    std::fs::write(&corpus, line.to_string() + "\n").unwrap();
    let run = |tokenizer: &str, out: &str| {
        let output = sumbench()
            .args(["run", "--summarizers", "lead", "--budget", "1s", "--metrics", "rouge1"])
            .args(["--rouge-tokenizer", tokenizer, "--corpus"])
            .arg(&corpus)
            .arg("--out")
            .arg(tmp.path().join(out))
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let default_stderr = run("rouge-score", "ascii");
    let unicode_stderr = run("unicode", "unicode");
    assert!(default_stderr.contains("the `unicode` ROUGE tokenizer keeps them"), "{default_stderr}");
    assert!(!unicode_stderr.contains("not ASCII"), "{unicode_stderr}");
    // Lead's first sentence "Кошки бежали домой." against the reference, by hand:
    // 3 of 3 candidate tokens match, 3 of the reference's 5: P = 1, R = 0.6.
    let scores = read(&tmp.path().join("unicode"), "scores.csv");
    assert!(scores.contains("ru,d1,lead,rouge1,1,0.6,0.7499999999999999,1s"), "{scores}");
    assert!(read(&tmp.path().join("ascii"), "scores.csv").contains("ru,d1,lead,rouge1,0,0,0,1s"));
    let info: serde_json::Value =
        serde_json::from_str(&read(&tmp.path().join("unicode"), "run.json")).unwrap();
    assert_eq!(info["rouge_tokenizer"], "unicode");
    let signature = info["signatures"]["rouge1"].as_str().unwrap();
    assert!(signature.starts_with("impl:rouge-score-0.1.2|tok:rougers-unicode-v1|stem:none|"), "{signature}");
    let ascii_info: serde_json::Value =
        serde_json::from_str(&read(&tmp.path().join("ascii"), "run.json")).unwrap();
    assert_eq!(ascii_info["rouge_tokenizer"], "rouge-score");
    sumbench()
        .arg("compare")
        .arg(tmp.path().join("ascii"))
        .arg(tmp.path().join("unicode"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("tok:rougers-unicode-v1"));
}

#[test]
fn corpus_level_bleu_and_chrf_equal_sacrebleu() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let assert = sumbench()
        .args(["score", "--quiet", "--metrics", "bleu,chrf,chrf++", "--summaries"])
        .arg(fixture("corpus_level/systems.jsonl"))
        .arg("--corpus")
        .arg(fixture("corpus_level/corpus.jsonl"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    // sacreBLEU 2.6.0's own corpus scores (tests/data/corpus_level/expected.py).
    let expected: serde_json::Value =
        serde_json::from_str(&read_fixture("corpus_level/expected.json")).unwrap();
    let mut reader = csv::Reader::from_path(out.join("corpus_level.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let keys: Vec<(&str, &str)> = rows.iter().map(|r| (&r[1], &r[2])).collect();
    assert_eq!(
        keys,
        [
            ("alpha", "bleu"),
            ("alpha", "chrf"),
            ("alpha", "chrf++"),
            ("beta", "bleu"),
            ("beta", "chrf"),
            ("beta", "chrf++")
        ]
    );
    for row in &rows {
        let want = &expected[&row[1]][&row[2]];
        let score: f64 = row[3].parse().unwrap();
        let diff = (score - want["score"].as_f64().unwrap()).abs();
        assert!(diff < 1e-9, "{}/{}: {score} vs {}", &row[1], &row[2], want["score"]);
        assert_eq!(&row[4], "4", "documents");
        assert_eq!(&row[6], want["signature"].as_str().unwrap());
        // The printed table has it too, to 2 decimals.
        assert!(stdout.contains(&format!("{:.2}", want["score"].as_f64().unwrap())), "{stdout}");
    }
}

#[test]
fn bertscore_and_the_embedding_summarizers_say_they_need_a_model() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    sumbench()
        .args(["run", "--quiet", "--corpus", "corpus/seed", "--metrics", "rouge1,bertscore", "--out"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicates::str::contains("metric `bertscore` needs a model: give --model DIR"));
    sumbench()
        .args(["run", "--quiet", "--corpus", "corpus/seed", "--summarizers", "lead,pacsum", "--out"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "summarizer `pacsum` needs a sentence-embedding model: give --model DIR",
        ));
    assert!(!out.exists(), "a refused run writes nothing");
}

/// Without the `models` feature every model command says how to get it.
#[cfg(not(feature = "models"))]
#[test]
fn a_build_without_models_says_how_to_get_them() {
    for args in [
        &["embed", "--model", "some-folder"][..],
        &["list", "--model", "some-folder"],
        &["run", "--quiet", "--corpus", "corpus/seed", "--summarizers", "pacsum", "--model", "some-folder"],
    ] {
        sumbench().args(args).assert().failure().stderr(predicates::str::contains(
            "built without sentence-embedding models\nhint: build it with the `models` feature",
        ));
    }
}
