//! Bad input through the binary, table-driven.
//!
//! Every case builds its input in a temp dir and runs one `sumbench` command.
//! A *rejected* case must exit non-zero (and not 101, a panic), must not print
//! "panicked", and its stderr must contain every expected fragment: the file,
//! the line and the field at fault. A *scored* case (a document with nothing
//! ROUGE can count: only punctuation, emoji, CJK, whitespace) must succeed, give
//! that document F = 0 (rouge-score keeps only ASCII letters and digits, so
//! there is nothing to match), and carry a warning naming it in `run.json`.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

/// What a case expects.
enum Expect {
    /// Non-zero exit (no panic) with every fragment in stderr; `{dir}` in a
    /// fragment stands for the case's temp dir.
    Rejected(&'static [&'static str]),
    /// Success; the document `doc_id` of `corpus` scores F = 0 under every
    /// metric and `run.json` has a warning naming it.
    ScoredZeroWithWarning { doc_id: &'static str },
    /// Success (the input is odd but valid).
    Accepted,
}

/// One bad input: builds files under the temp dir, returns the arguments.
struct Case {
    name: &'static str,
    setup: fn(&Path) -> Vec<String>,
    expect: Expect,
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    std::fs::write(&path, bytes).expect("write");
    path.display().to_string()
}

/// A JSONL line for one document.
fn line(id: &str, text: &str, reference: &str) -> String {
    serde_json::json!({ "id": id, "text": text, "references": [reference] }).to_string() + "\n"
}

const GOOD: &str = "The cat sat on the mat. It was a sunny day. The dog ran away.";

fn good_line(id: &str) -> String {
    line(id, GOOD, "The cat sat on the mat.")
}

/// `sumbench run` over one corpus, quick settings, output inside `dir`.
fn run(dir: &Path, corpus: String) -> Vec<String> {
    let out = dir.join("out").display().to_string();
    ["run", "--quiet", "--summarizers", "lead", "--budget", "2s", "--corpus", &corpus, "--out", &out]
        .map(String::from)
        .to_vec()
}

/// A JSONL corpus whose second line is `bad`.
fn jsonl_with_second_line(dir: &Path, bad: &[u8]) -> Vec<String> {
    let mut bytes = good_line("a").into_bytes();
    bytes.extend_from_slice(bad);
    bytes.push(b'\n');
    run(dir, write(dir, "c.jsonl", bytes))
}

/// A directory corpus with one good document `a` and `b` built by `make`.
fn dir_corpus(dir: &Path, make: fn(&Path)) -> Vec<String> {
    let root = dir.join("corpus");
    write(&root, "a/document.txt", GOOD);
    write(&root, "a/references/1.txt", "The cat sat on the mat.");
    make(&root.join("b"));
    run(dir, root.display().to_string())
}

/// A scores.csv with the given body under the standard header.
fn scores(dir: &Path, name: &str, header: &str, rows: &[&str]) -> String {
    write(dir, name, format!("{header}\n{}\n", rows.join("\n")))
}

const HEADER: &str = "corpus,doc_id,summarizer,metric,precision,recall,fmeasure,budget";

fn compare(base: String, new: String) -> Vec<String> {
    vec!["compare".into(), base, new]
}

/// `sumbench score` of `summaries` (JSONL body) against a one-document corpus.
fn score(dir: &Path, summaries: &str) -> Vec<String> {
    let corpus = write(dir, "c.jsonl", good_line("a"));
    let summaries = write(dir, "sys.jsonl", summaries);
    let out = dir.join("out").display().to_string();
    ["score", "--quiet", "--system", "sys", "--summaries", &summaries, "--corpus", &corpus, "--out", &out]
        .map(String::from)
        .to_vec()
}

/// Sets `flag` to `value` (as `--flag=value`, so values starting with `-` pass),
/// replacing the flag if `args` has it.
fn with_flag(mut args: Vec<String>, flag: &str, value: &str) -> Vec<String> {
    if let Some(i) = args.iter().position(|a| a == flag) {
        args.drain(i..i + 2);
    }
    args.push(format!("{flag}={value}"));
    args
}

fn cases() -> Vec<Case> {
    use Expect::*;
    vec![
        Case {
            name: "invalid UTF-8 in a JSONL document",
            setup: |d| {
                jsonl_with_second_line(d, b"{\"id\": \"b\", \"text\": \"caf\xe9\", \"references\": [\"x\"]}")
            },
            expect: Rejected(&["c.jsonl", "2", "UTF-8"]),
        },
        Case {
            name: "invalid UTF-8 in a document.txt",
            setup: |d| {
                dir_corpus(d, |b| {
                    write(b, "document.txt", b"caf\xe9 au lait.");
                    write(b, "references/1.txt", "Coffee.");
                })
            },
            expect: Rejected(&["b/document.txt", "UTF-8"]),
        },
        Case {
            name: "invalid UTF-8 in a reference file",
            setup: |d| {
                dir_corpus(d, |b| {
                    write(b, "document.txt", GOOD);
                    write(b, "references/1.txt", b"caf\xe9.");
                })
            },
            expect: Rejected(&["b/references/1.txt", "UTF-8"]),
        },
        Case {
            name: "invalid UTF-8 in a JSONL reference",
            setup: |d| {
                jsonl_with_second_line(d, b"{\"id\": \"b\", \"text\": \"Hi.\", \"references\": [\"\xff\"]}")
            },
            expect: Rejected(&["c.jsonl", "2", "UTF-8"]),
        },
        Case {
            name: "a truncated JSONL line",
            setup: |d| jsonl_with_second_line(d, b"{\"id\": \"b\", \"text\": \"The ca"),
            expect: Rejected(&["c.jsonl:2"]),
        },
        Case {
            name: "a JSONL line that is not an object",
            setup: |d| jsonl_with_second_line(d, b"[\"b\", \"The cat.\"]"),
            expect: Rejected(&["c.jsonl:2", "object"]),
        },
        Case {
            name: "a JSONL text that is a number",
            setup: |d| jsonl_with_second_line(d, b"{\"id\": \"b\", \"text\": 42, \"references\": [\"x\"]}"),
            expect: Rejected(&["c.jsonl:2", "text"]),
        },
        Case {
            name: "a JSONL line lacking id",
            setup: |d| jsonl_with_second_line(d, b"{\"text\": \"The cat.\", \"references\": [\"x\"]}"),
            expect: Rejected(&["c.jsonl:2", "id"]),
        },
        Case {
            name: "a duplicate id",
            setup: |d| jsonl_with_second_line(d, good_line("a").trim_end().as_bytes()),
            expect: Rejected(&["c.jsonl:2", "`a`"]),
        },
        Case {
            name: "two corpora with the same name (their rows would be indistinguishable)",
            setup: |d| {
                let mut args = run(d, write(d, "one/c.jsonl", good_line("a")));
                args.extend(["--corpus".into(), write(d, "two/c.jsonl", good_line("a"))]);
                args
            },
            expect: Rejected(&["one/c.jsonl", "two/c.jsonl"]),
        },
        Case {
            name: "an empty JSONL file",
            setup: |d| run(d, write(d, "c.jsonl", "")),
            expect: Rejected(&["c.jsonl", "empty"]),
        },
        Case {
            name: "a directory corpus with a missing document.txt",
            setup: |d| dir_corpus(d, |b| drop(write(b, "references/1.txt", "A reference."))),
            expect: Rejected(&["b/document.txt", "missing"]),
        },
        Case {
            name: "a directory corpus with an empty references/",
            setup: |d| {
                dir_corpus(d, |b| {
                    write(b, "document.txt", GOOD);
                    std::fs::create_dir_all(b.join("references")).expect("mkdir");
                })
            },
            expect: Rejected(&["b/references"]),
        },
        Case {
            name: "a .story with no @highlight",
            setup: |d| run(d, write(d, "s/x.story", "The cat sat on the mat.\n\nIt was sunny.\n")),
            expect: Rejected(&["x.story", "@highlight"]),
        },
        Case {
            name: "a NUL byte in a JSONL text",
            setup: |d| {
                jsonl_with_second_line(
                    d,
                    b"{\"id\": \"b\", \"text\": \"The\\u0000cat.\", \"references\": [\"x\"]}",
                )
            },
            expect: Rejected(&["c.jsonl:2", "text", "NUL"]),
        },
        Case {
            name: "a NUL byte in a document.txt",
            setup: |d| {
                dir_corpus(d, |b| {
                    write(b, "document.txt", b"The\0cat.");
                    write(b, "references/1.txt", "Cat.");
                })
            },
            expect: Rejected(&["b/document.txt", "NUL"]),
        },
        Case {
            name: "an unknown summarizer",
            setup: |d| with_flag(run(d, write(d, "c.jsonl", good_line("a"))), "--summarizers", "lead,nosuch"),
            expect: Rejected(&["nosuch"]),
        },
        Case {
            name: "an unknown metric",
            setup: |d| with_flag(run(d, write(d, "c.jsonl", good_line("a"))), "--metrics", "rouge1,rougeQ"),
            expect: Rejected(&["rougeQ"]),
        },
        Case {
            name: "a budget with an unknown unit",
            setup: |d| with_flag(run(d, write(d, "c.jsonl", good_line("a"))), "--budget", "3x"),
            expect: Rejected(&["3x"]),
        },
        Case {
            name: "a negative budget",
            setup: |d| with_flag(run(d, write(d, "c.jsonl", good_line("a"))), "--budget", "-1w"),
            expect: Rejected(&["bad budget `-1w`: the number must be positive"]),
        },
        Case {
            name: "a ratio budget above 1",
            setup: |d| with_flag(run(d, write(d, "c.jsonl", good_line("a"))), "--budget", "1.5r"),
            expect: Rejected(&["1.5r"]),
        },
        Case {
            name: "an --out that is a file",
            setup: |d| {
                let out = write(d, "taken", "not a directory");
                let mut args = run(d, write(d, "c.jsonl", good_line("a")));
                *args.last_mut().expect("--out value") = out;
                args
            },
            expect: Rejected(&["{dir}/taken"]),
        },
        Case {
            name: "an --out that cannot be created",
            setup: |d| {
                let mut args = run(d, write(d, "c.jsonl", good_line("a")));
                *args.last_mut().expect("--out value") = "/proc/sumbench-out".into();
                args
            },
            expect: Rejected(&["/proc/sumbench-out"]),
        },
        Case {
            name: "compare: a CSV missing a column",
            setup: |d| {
                let good = scores(d, "base.csv", HEADER, &["c,a,lead,rouge1,0.5,0.5,0.5,2s"]);
                let bad = scores(
                    d,
                    "new.csv",
                    "corpus,doc_id,summarizer,metric,precision,recall",
                    &["c,a,lead,rouge1,0.5,0.5"],
                );
                compare(good, bad)
            },
            expect: Rejected(&["new.csv:1:", "fmeasure"]),
        },
        Case {
            name: "compare: a non-numeric score",
            setup: |d| {
                let good = scores(d, "base.csv", HEADER, &["c,a,lead,rouge1,0.5,0.5,0.5,2s"]);
                let bad = scores(d, "new.csv", HEADER, &["c,a,lead,rouge1,0.5,0.5,high,2s"]);
                compare(good, bad)
            },
            expect: Rejected(&["new.csv:2:", "fmeasure", "high"]),
        },
        Case {
            name: "compare: runs with different metric sets",
            setup: |d| {
                let base = scores(d, "base.csv", HEADER, &["c,a,lead,rouge1,0.5,0.5,0.5,2s"]);
                let new = scores(d, "new.csv", HEADER, &["c,a,lead,rouge2,0.5,0.5,0.5,2s"]);
                compare(base, new)
            },
            expect: Rejected(&["rouge1", "rouge2"]),
        },
        Case {
            name: "score: a summary for an unknown id",
            setup: |d| {
                score(
                    d,
                    "{\"id\": \"a\", \"summary\": \"The cat.\"}\n{\"id\": \"zz\", \"summary\": \"A dog.\"}\n",
                )
            },
            expect: Rejected(&["sys.jsonl", "2", "zz"]),
        },
        Case {
            name: "score: a summary line lacking `summary`",
            setup: |d| score(d, "{\"id\": \"a\"}\n"),
            expect: Rejected(&["sys.jsonl", "1", "summary"]),
        },
        Case {
            name: "a document of only punctuation",
            setup: |d| {
                run(d, write(d, "c.jsonl", good_line("a") + &line("p", "... !!! ??? --- ;;;", "The cat.")))
            },
            expect: ScoredZeroWithWarning { doc_id: "p" },
        },
        Case {
            name: "a document of only emoji",
            setup: |d| run(d, write(d, "c.jsonl", good_line("a") + &line("e", "😀😀 🎉. 🐈‍⬛!", "The cat."))),
            expect: ScoredZeroWithWarning { doc_id: "e" },
        },
        Case {
            name: "a document of only CJK",
            setup: |d| {
                run(
                    d,
                    write(
                        d,
                        "c.jsonl",
                        good_line("a") + &line("k", "猫がマットの上に座った。犬は逃げた。", "The cat."),
                    ),
                )
            },
            expect: ScoredZeroWithWarning { doc_id: "k" },
        },
        Case {
            name: "a document of only whitespace",
            setup: |d| run(d, write(d, "c.jsonl", good_line("a") + &line("w", " \n\t\n  ", "The cat."))),
            expect: ScoredZeroWithWarning { doc_id: "w" },
        },
        Case {
            name: "CRLF line ends",
            setup: |d| {
                let crlf =
                    good_line("a").replace('\n', "\r\n") + &line("b", "One.\r\nTwo.\r\n", "One.\r\nTwo.");
                run(d, write(d, "c.jsonl", crlf))
            },
            expect: Accepted,
        },
    ]
}

fn sumbench(args: &[String]) -> Output {
    Command::cargo_bin("sumbench").expect("binary").args(args).output().expect("run sumbench")
}

fn check(case: &Case, dir: &Path, output: &Output) -> Result<(), String> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code();
    if code == Some(101) || stderr.contains("panicked") {
        return Err(format!("panicked (exit {code:?}): {stderr}"));
    }
    match &case.expect {
        Expect::Rejected(fragments) => {
            if output.status.success() {
                return Err("exited 0".into());
            }
            let missing: Vec<String> = fragments
                .iter()
                .map(|f| f.replace("{dir}", &dir.display().to_string()))
                .filter(|f| !stderr.contains(f.as_str()))
                .collect();
            if !missing.is_empty() {
                return Err(format!("stderr lacks {missing:?}: {stderr}"));
            }
        }
        Expect::Accepted => {
            if !output.status.success() {
                return Err(format!("failed ({code:?}): {stderr}"));
            }
        }
        Expect::ScoredZeroWithWarning { doc_id } => {
            if !output.status.success() {
                return Err(format!("failed ({code:?}): {stderr}"));
            }
            let out = dir.join("out");
            let scores = std::fs::read_to_string(out.join("scores.csv")).map_err(|e| e.to_string())?;
            let rows: Vec<&str> = scores.lines().filter(|l| l.split(',').nth(1) == Some(doc_id)).collect();
            if rows.is_empty() {
                return Err(format!("scores.csv has no row for `{doc_id}`"));
            }
            // ROUGE scores 0; `dangling` of an empty summary is undefined (an empty field).
            for row in rows.iter().filter(|l| l.split(',').nth(3) != Some("dangling")) {
                let fmeasure = row.split(',').nth(6).and_then(|f| f.parse::<f64>().ok());
                if fmeasure != Some(0.0) {
                    return Err(format!("expected F = 0, got row {row}"));
                }
            }
            let run_json = std::fs::read_to_string(out.join("run.json")).map_err(|e| e.to_string())?;
            let info: serde_json::Value = serde_json::from_str(&run_json).map_err(|e| e.to_string())?;
            let warned = info["warnings"].as_array().is_some_and(|w| {
                w.iter().any(|w| w.as_str().is_some_and(|w| w.contains(&format!("`{doc_id}`"))))
            });
            if !warned {
                return Err(format!("run.json has no warning naming `{doc_id}`: {}", info["warnings"]));
            }
        }
    }
    Ok(())
}

#[test]
fn every_bad_input_fails_precisely_or_is_scored_with_a_warning() {
    let mut failures = Vec::new();
    let cases = cases();
    for case in &cases {
        let tmp = tempfile::tempdir().expect("temp dir");
        let args = (case.setup)(tmp.path());
        let output = sumbench(&args);
        if let Err(problem) = check(case, tmp.path(), &output) {
            failures.push(format!("- {}: {problem}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// A 5 MB document on one line (no sentence break a segmenter could use) is
/// read, summarized and scored.
#[test]
fn a_five_megabyte_single_line_document_is_scored() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let text = "the cat sat on the mat and the dog ran away ".repeat(5 * 1024 * 1024 / 44);
    let corpus = write(tmp.path(), "big.jsonl", line("big", &text, "The cat sat on the mat."));
    let args = with_flag(run(tmp.path(), corpus), "--metrics", "rouge1");
    let output = sumbench(&args);
    let case = Case { name: "5 MB", setup: |_| Vec::new(), expect: Expect::Accepted };
    check(&case, tmp.path(), &output).unwrap_or_else(|p| panic!("{p}"));
    let scores = std::fs::read_to_string(tmp.path().join("out/scores.csv")).expect("scores.csv");
    assert!(scores.lines().any(|l| l.starts_with("big,big,lead,rouge1,")), "{scores}");
}

/// A run killed mid-way (SIGKILL, so no cleanup runs) leaves the previous
/// reports in its `--out` directory whole: every file still there, byte for
/// byte, and readable.
#[test]
fn a_killed_run_leaves_the_previous_reports_whole() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let small = write(tmp.path(), "small.jsonl", good_line("a") + &good_line("b"));
    let out = tmp.path().join("latest");
    let first = ["run", "--quiet", "--summarizers", "lead", "--corpus", &small, "--out"];
    let output = Command::cargo_bin("sumbench").expect("binary").args(first).arg(&out).output().expect("run");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let files = ["scores.csv", "summary.csv", "summary.md", "summary.svg", "summaries.jsonl", "run.json"];
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(out.join(f)).expect(f)).collect();

    // A run long enough to be killed while it works (all summarizers, 10,000 documents).
    let big: String = (0..10_000).map(|i| line(&format!("d{i}"), GOOD, "The dog ran away.")).collect();
    let big = write(tmp.path(), "big.jsonl", big);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sumbench"))
        .args(["run", "--quiet", "--corpus", &big, "--out"])
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn sumbench");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(child.try_wait().expect("poll child").is_none(), "the run ended before it could be killed");
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");

    for (file, old) in files.iter().zip(&before) {
        let now = std::fs::read(out.join(file)).unwrap_or_else(|e| panic!("{file} after the kill: {e}"));
        assert!(&now == old, "{file} changed by a killed run");
    }
    sumbench::rundir::read_scores(&out.join("scores.csv")).expect("scores.csv still readable");
    let run_json = std::fs::read_to_string(out.join("run.json")).expect("run.json");
    serde_json::from_str::<serde_json::Value>(&run_json).expect("run.json still valid JSON");
}
