//! `sumbench sentences`: JSON and plain output on a file and on stdin, and
//! clear errors for unreadable or non-UTF-8 input.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Write;

use crate::util::sumbench;

const TEXT: &str = "Storm hits coast\nDr. Lee said the U.S. Navy left at 5 a.m. Monday. \"Go!\" she said.\n\nIt \
                    rained.\n";

/// The sentences of `TEXT`, by reading it.
const SENTENCES: [&str; 4] = [
    "Storm hits coast",
    "Dr. Lee said the U.S. Navy left at 5 a.m. Monday.",
    "\"Go!\" she said.",
    "It rained.",
];

fn json_output(cmd: &mut Command) -> Vec<String> {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("stdout is one JSON array of strings")
}

fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(bytes).expect("write temp file");
    file
}

#[test]
fn json_from_file() {
    let file = temp_file(TEXT.as_bytes());
    assert_eq!(json_output(sumbench().args(["sentences", "--json"]).arg(file.path())), SENTENCES);
}

#[test]
fn json_from_stdin_with_dash_and_without_file() {
    assert_eq!(json_output(sumbench().args(["sentences", "--json", "-"]).write_stdin(TEXT)), SENTENCES);
    assert_eq!(json_output(sumbench().args(["sentences", "--json"]).write_stdin(TEXT)), SENTENCES);
}

#[test]
fn json_keeps_verbatim_source_text() {
    let text = "A line that wraps\nin the middle and goes on until it reaches the end.\nAnother line that\ncontinues.";
    let sentences = json_output(sumbench().args(["sentences", "--json"]).write_stdin(text));
    assert_eq!(
        sentences,
        [
            "A line that wraps\nin the middle and goes on until it reaches the end.",
            "Another line that\ncontinues."
        ]
    );
}

#[test]
fn plain_output_is_one_sentence_per_line() {
    let text = "A line that wraps\nin the middle and goes on until it reaches the end.\nAnother line that\ncontinues.";
    sumbench().arg("sentences").write_stdin(text).assert().success().stdout(
        "A line that wraps in the middle and goes on until it reaches the end.\nAnother line that continues.\n",
    );
}

#[test]
fn empty_input_gives_empty_array() {
    assert!(json_output(sumbench().args(["sentences", "--json"]).write_stdin("  \n")).is_empty());
}

#[test]
fn invalid_utf8_file_is_an_error_naming_the_file() {
    let file = temp_file(b"Fine text. Then a bad byte \xff here.");
    let name = file.path().display().to_string();
    sumbench()
        .args(["sentences", "--json"])
        .arg(file.path())
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(format!("{name}: invalid UTF-8 at byte 27")));
}

#[test]
fn invalid_utf8_stdin_is_an_error() {
    sumbench()
        .args(["sentences", "--json"])
        .write_stdin(&b"\xc3\x28"[..])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>: invalid UTF-8 at byte 0"));
}

#[test]
fn missing_file_is_an_error_naming_it() {
    sumbench()
        .args(["sentences", "no/such/file.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/file.txt: cannot read"));
}

/// `sumbench summarize`, as sumy's `lex-rank --file doc.txt --length 3`.
mod summarize {
    use crate::util::sumbench;

    const TEXT: &str = "Rain fell on the city overnight. The river rose over its banks.\n\
                        Roads near the water were closed. Officials said the rain would stop today.";

    #[test]
    fn prints_the_chosen_sentences_in_document_order() {
        let output = sumbench()
            .args(["summarize", "--summarizer", "lead", "--budget", "2s"])
            .write_stdin(TEXT)
            .output()
            .expect("run");
        assert!(output.status.success());
        assert_eq!(
            String::from_utf8(output.stdout).expect("UTF-8"),
            "Rain fell on the city overnight.\nThe river rose over its banks.\n"
        );
        // A sentence broken over lines prints on one line.
        let output =
            sumbench().args(["summarize", "-s", "lead", "-b", "4s"]).write_stdin(TEXT).output().expect("run");
        let stdout = String::from_utf8(output.stdout).expect("UTF-8");
        assert_eq!(stdout.lines().last(), Some("Officials said the rain would stop today."));
    }

    #[test]
    fn json_gives_indices_scores_and_spans() {
        let output = sumbench()
            .args(["summarize", "-s", "lead", "-b", "1s", "--json"])
            .write_stdin(TEXT)
            .output()
            .expect("run");
        let chosen: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        // lead scores sentence i as 1 / (i + 1).
        assert_eq!(
            chosen,
            serde_json::json!([{"index": 0, "score": 1.0, "start": 0, "end": 32, "text": "Rain fell on the city overnight."}])
        );
    }

    #[test]
    fn every_summarizer_but_the_oracle_runs_and_the_oracle_says_why_not() {
        for entry in sumbench::summarize::registry().iter().filter(|e| e.name != "oracle") {
            let output = sumbench()
                .args(["summarize", "-s", entry.name, "-b", "2s"])
                .write_stdin(TEXT)
                .output()
                .expect("run");
            assert!(output.status.success(), "{}: {}", entry.name, String::from_utf8_lossy(&output.stderr));
            assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2, "{}", entry.name);
        }
        let output = sumbench().args(["summarize", "-s", "oracle"]).write_stdin(TEXT).output().expect("run");
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: `oracle` picks sentences by their ROUGE against the references (an upper bound for \
             reports), and a text on its own has none: it runs only over a corpus with references\n\
             hint: run it over a corpus with references: sumbench run --summarizers oracle --corpus FILE\n"
        );
        let output = sumbench().args(["summarize", "-b", "ref"]).write_stdin(TEXT).output().expect("run");
        assert!(String::from_utf8_lossy(&output.stderr).contains("budget `ref` is the references' length"));
    }
}

/// `--language`: a language's rules, detection with `auto`, and a clear error
/// for a language sumbench does not know. Expected splits by reading.
mod language {
    use super::json_output;
    use crate::util::sumbench;
    use predicates::prelude::*;

    const GERMAN: &str = "Die Firma zahlte ca. 12 Mio. Euro bzw. mehr am 1. März. Das war viel.";

    #[test]
    fn german_abbreviations_and_ordinals() {
        assert_eq!(
            json_output(sumbench().args(["sentences", "--json", "--language", "de"]).write_stdin(GERMAN)),
            ["Die Firma zahlte ca. 12 Mio. Euro bzw. mehr am 1. März.", "Das war viel."]
        );
        // The default stays English, whose rules split after "Mio.".
        let english = json_output(sumbench().args(["sentences", "--json"]).write_stdin(GERMAN));
        assert_eq!(english[0], "Die Firma zahlte ca. 12 Mio.");
    }

    #[test]
    fn chinese_opening_quote_starts_the_next_sentence() {
        assert_eq!(
            json_output(
                sumbench()
                    .args(["sentences", "--json", "--language", "chinese"])
                    .write_stdin("顾客！“我们走吧。”他说。")
            ),
            ["顾客！", "“我们走吧。”", "他说。"]
        );
    }

    #[test]
    fn auto_detects_the_language() {
        let text = "Die Firma zahlte ca. 12 Mio. Euro für das neue Gebäude in der Stadt. Das war viel mehr, als alle \
                    erwartet hatten.";
        assert_eq!(
            json_output(sumbench().args(["sentences", "--json", "--language", "auto"]).write_stdin(text)),
            [
                "Die Firma zahlte ca. 12 Mio. Euro für das neue Gebäude in der Stadt.",
                "Das war viel mehr, als alle erwartet hatten."
            ]
        );
    }

    #[test]
    fn unknown_language_is_a_clear_error() {
        sumbench()
            .args(["sentences", "--language", "klingon"])
            .write_stdin("Text.")
            .assert()
            .failure()
            .stdout("")
            .stderr(predicate::str::contains("unknown language `klingon`"));
    }
}
