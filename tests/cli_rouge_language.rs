//! `sumbench rouge --rouge-tokenizer xlsum|multilingual --language …`: the
//! language from the flag, from `auto` or from a JSONL line's `lang`; every
//! bad input (an unknown language, a profile that cannot score it) fails
//! naming it; the warning for non-ASCII text under rouge-score names the fix.

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use crate::util::sumbench;

/// A Chinese pair: reference 北京今天下雨, candidate 今天下雨 (jieba: 北京 今天 下雨
/// and 今天 下雨; XL-Sum's scorer gives rouge1 P 1, R 2/3, F 0.8).
const CHINESE: &str = r#"{"id": "zh", "candidate": "今天下雨", "references": ["北京今天下雨"]}"#;

fn rows(args: &[&str], stdin: &str) -> Vec<Value> {
    let output = sumbench().arg("rouge").args(args).write_stdin(stdin).assert().success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8 output");
    stdout.lines().map(|line| serde_json::from_str(line).expect("JSON")).collect()
}

fn rouge1(row: &Value) -> (f64, f64) {
    (row["rouge1"]["precision"].as_f64().unwrap(), row["rouge1"]["recall"].as_f64().unwrap())
}

#[test]
fn language_flag_auto_and_line_lang_select_the_word_splitter() {
    let by_flag = rows(&["--rouge-tokenizer", "xlsum", "--language", "zh", "--metrics", "rouge1"], CHINESE);
    assert_eq!(rouge1(&by_flag[0]), (1.0, 2.0 / 3.0));
    let auto =
        rows(&["--rouge-tokenizer", "multilingual", "--language", "auto", "--metrics", "rouge1"], CHINESE);
    assert_eq!(rouge1(&auto[0]), (1.0, 2.0 / 3.0));
    // The line's own `lang` wins over --language.
    let line = r#"{"id": "zh", "lang": "chinese", "candidate": "今天下雨", "references": ["北京今天下雨"]}"#;
    let by_line = rows(&["--rouge-tokenizer", "xlsum", "--language", "de", "--metrics", "rouge1"], line);
    assert_eq!(rouge1(&by_line[0]), (1.0, 2.0 / 3.0));
    // German without a word splitter: 今天下雨 and 北京今天下雨 are single
    // tokens after pyonmttok, a space around each ideograph splits them into
    // characters: 4 of 4 candidate, 4 of 6 reference characters.
    let german = rows(&["--rouge-tokenizer", "xlsum", "--language", "de", "--metrics", "rouge1"], CHINESE);
    assert_eq!(rouge1(&german[0]), (1.0, 4.0 / 6.0));
}

#[test]
fn line_aligned_files_take_the_language_too() {
    let dir = tempfile::tempdir().unwrap();
    let (candidates, references) = (dir.path().join("c.txt"), dir.path().join("r.txt"));
    std::fs::write(&candidates, "今天下雨\n").unwrap();
    std::fs::write(&references, "北京今天下雨\n").unwrap();
    let output = sumbench()
        .args(["rouge", "--rouge-tokenizer", "xlsum", "--language", "chinese", "--metrics", "rouge1"])
        .arg("--candidates")
        .arg(&candidates)
        .arg("--references")
        .arg(&references)
        .assert()
        .success();
    let row: Value =
        serde_json::from_slice(output.get_output().stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(rouge1(&row), (1.0, 2.0 / 3.0));
}

#[test]
fn unknown_languages_and_unsupported_profiles_fail_naming_them() {
    sumbench()
        .args(["rouge", "--rouge-tokenizer", "xlsum", "--language", "klingon"])
        .write_stdin(CHINESE)
        .assert()
        .failure()
        .stderr(contains("unknown language `klingon`"));
    let line = r#"{"id": "x", "lang": "elvish", "candidate": "a", "references": ["a"]}"#;
    sumbench()
        .args(["rouge", "--rouge-tokenizer", "xlsum"])
        .write_stdin(line)
        .assert()
        .failure()
        .stderr(contains("<stdin>:1: field `lang`: unknown language `elvish`"));
    sumbench()
        .args(["rouge", "--language", "ru"])
        .write_stdin(CHINESE)
        .assert()
        .failure()
        .stderr(contains("--rouge-tokenizer multilingual --language ru"));
    let line = r#"{"id": "x", "lang": "thai", "candidate": "a", "references": ["a"]}"#;
    sumbench()
        .args(["rouge"])
        .write_stdin(line)
        .assert()
        .failure()
        .stderr(contains("line 1 (id x)").and(contains("--rouge-tokenizer multilingual --language th")));
    sumbench()
        .args(["rouge", "--mode", "rouge155", "--language", "de"])
        .write_stdin(CHINESE)
        .assert()
        .failure()
        .stderr(contains("--language exists only with --mode rouge-score"));
}

#[test]
fn non_ascii_pairs_under_rouge_score_get_one_warning_naming_the_fix() {
    // whatlang finds Russian in both references.
    let russian = concat!(
        r#"{"id": 1, "candidate": "Президент России заявил, что экономика растёт.", "#,
        r#""references": ["Президент России заявил, что экономика страны растёт быстрее, чем ожидалось."]}"#,
        "\n",
        r#"{"id": 2, "candidate": "Экономика страны растёт быстрее.", "#,
        r#""references": ["Президент России заявил, что экономика страны растёт быстрее, чем ожидалось."]}"#,
        "\n"
    );
    sumbench()
        .arg("rouge")
        .write_stdin(russian)
        .assert()
        .success()
        .stderr(contains("hint: --rouge-tokenizer multilingual --language ru").count(1));
}
