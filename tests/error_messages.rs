//! Representative error messages, asserted in full: each names the file, line
//! and field where they apply, prints every cause once, and leaves hints in the
//! command line's words to a `hint:` line.

use std::path::Path;

use crate::util::sumbench;

/// Runs `sumbench ARGS` in `dir` and returns its stderr; it must exit with 1.
fn stderr_of(dir: &Path, args: &[&str]) -> String {
    let output = sumbench().current_dir(dir).args(args).output().expect("sumbench runs");
    assert_eq!(output.status.code(), Some(1), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stderr).expect("UTF-8 stderr")
}

const GOOD: &str = "{\"id\":\"a\",\"text\":\"One. Two.\",\"references\":[\"One.\"]}\n";

#[test]
fn messages_in_full() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).expect("write input");
    write("good.jsonl", GOOD);
    write("bad.jsonl", &format!("{GOOD}{{\"id\":\"b\",\"text\":\n"));
    write("dup.jsonl", &format!("{GOOD}{GOOD}"));
    write("notes.txt", "x");
    write("system.jsonl", "{\"id\":\"a\",\"summary\":\"One.\"}\n{\"id\":\"zz\",\"summary\":\"x\"}\n");
    std::fs::create_dir_all(dir.join("results/base")).expect("baseline dir");
    write("results/base/scores.csv", "");
    std::fs::create_dir_all(dir.join("old")).expect("run dir");
    write("old/scores.csv", "corpus,doc_id,summarizer,metric,precision,recall\n");
    let run = ["run", "--quiet", "--summarizers", "lead", "--corpus"];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            [&run[..], &["bad.jsonl", "--out", "o"]].concat(),
            "error: bad.jsonl:2: malformed JSON at column 17: EOF while parsing a value (truncated line?)\n",
        ),
        (
            [&run[..], &["dup.jsonl", "--out", "o"]].concat(),
            "error: dup.jsonl:2: field `id`: duplicate id `a` (first seen on line 1)\n",
        ),
        (
            [&run[..], &["nope.jsonl", "--out", "o"]].concat(),
            "error: nope.jsonl: No such file or directory (os error 2)\n",
        ),
        (
            [&run[..], &["notes.txt", "--out", "o"]].concat(),
            "error: notes.txt: cannot tell the corpus format: a file not ending in .jsonl, .json, .csv, .tsv, .parquet or .story\n\
             hint: give the format with --format jsonl|csv|tsv|parquet|dir|story\n",
        ),
        (
            [&run[..], &["good.jsonl", "--out", "/dev/null/x"]].concat(),
            "error: cannot write /dev/null/x: /dev/null is not a directory\n",
        ),
        (
            vec!["run", "--quiet", "--corpus", "good.jsonl", "--summarizers", "lead,nope", "--out", "o"],
            "error: unknown summarizer `nope`; known: lead, random, luhn, edmundson, lsa, lexrank, textrank, \
             sumbasic, kl, reduction, centroid, mmr, oracle\n\
             hint: `sumbench list` describes the summarizers\n",
        ),
        (
            [&run[..], &["good.jsonl", "--metrics", "rouge1,rougeL,rouge1", "--out", "o"]].concat(),
            "error: metric `rouge1` is listed twice\n",
        ),
        (
            vec!["rouge", "--metrics", "rouge2,rouge2", "good.jsonl"],
            "error: metric `rouge2` is listed twice\n",
        ),
        (
            [&run[..], &["good.jsonl", "--save-baseline", "base"]].concat(),
            "error: baseline results/base already exists and is never overwritten silently; pass --force to replace it\n",
        ),
        (
            vec![
                "score",
                "--quiet",
                "--system",
                "s",
                "--summaries",
                "system.jsonl",
                "--corpus",
                "good.jsonl",
                "--out",
                "o",
            ],
            "error: system.jsonl:2: id `zz` is in no corpus\n",
        ),
        (
            vec!["compare", "old", "old"],
            "error: old/scores.csv:1: missing column `fmeasure` (header has: corpus,doc_id,summarizer,metric,precision,recall)\n",
        ),
    ];
    for (args, expected) in cases {
        assert_eq!(stderr_of(dir, &args), expected, "sumbench {}", args.join(" "));
    }
}
