//! Every bad corpus input the corpus readers must reject, through the CLI:
//! `sumbench corpus` exits with 1 (an error, not a panic's 101) and prints
//! exactly one line naming the file, the line (JSONL, and `.story` markers)
//! and the field. Expected messages are written by hand from the input bytes.

use std::path::Path;

use assert_cmd::Command;

/// One bad input: the files to write, the path and flags to give, and the
/// error expected after `error: invalid corpus: <tempdir>/`.
struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    args: &'static [&'static str],
    target: &'static str,
    expected: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "invalid UTF-8 in a JSONL document",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"ab\xffc\"}\n")],
        args: &[],
        target: "c.jsonl",
        // `{"id": "b", "text": "ab` is 23 bytes.
        expected: "c.jsonl:2: field `text`: invalid UTF-8 at byte offset 23 of the line",
    },
    Case {
        name: "invalid UTF-8 in a JSONL reference",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": \"t\", \"references\": [\"ok\", \"r\xc3(\"]}\n")],
        args: &[],
        target: "c.jsonl",
        // `{"id": "a", "text": "t", "references": ["ok", "r` is 48 bytes.
        expected: "c.jsonl:1: field `references[1]`: invalid UTF-8 at byte offset 48 of the line",
    },
    Case {
        name: "invalid UTF-8 in a directory corpus document",
        files: &[("d/x/document.txt", b"Caf\xe9."), ("d/x/references/a.txt", b"r")],
        args: &[],
        target: "d",
        expected: "d/x/document.txt: field `text`: invalid UTF-8 at byte offset 3",
    },
    Case {
        name: "invalid UTF-8 in a directory corpus reference",
        files: &[("d/x/document.txt", b"Fine."), ("d/x/references/a.txt", b"ok\n\x80")],
        args: &[],
        target: "d",
        expected: "d/x/references/a.txt: field `references`: invalid UTF-8 at byte offset 3",
    },
    Case {
        name: "invalid UTF-8 in a .story highlight",
        files: &[("s.story", b"Text.\n\n@highlight\n\nbad \xff")],
        args: &[],
        target: "s.story",
        // "Text.\n\n@highlight\n\nbad " is 23 bytes.
        expected: "s.story: field `references`: invalid UTF-8 at byte offset 23",
    },
    Case {
        name: "truncated JSONL line",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": \"cut sho")],
        args: &[],
        target: "c.jsonl",
        // The line is 28 bytes; serde_json reports EOF at the column of the last byte.
        expected: "c.jsonl:1: malformed JSON at column 28: EOF while parsing a string (truncated line?)",
    },
    Case {
        name: "JSONL line that is not an object",
        files: &[("c.jsonl", b"\"just a string\"\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:1: expected a JSON object, found a string",
    },
    Case {
        name: "text is a number",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": 42}\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `text`: expected a string, found a number",
    },
    Case {
        name: "text missing",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"body\": \"t\"}\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `text`: missing",
    },
    Case {
        name: "configured text field missing",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": \"t\"}\n")],
        args: &["--text-field", "article"],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `article`: missing",
    },
    Case {
        name: "id missing",
        files: &[("c.jsonl", b"{\"text\": \"t\"}\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `id`: missing",
    },
    Case {
        name: "id neither string nor integer",
        files: &[("c.jsonl", b"{\"id\": true, \"text\": \"t\"}\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `id`: expected a string or an integer, found a boolean",
    },
    Case {
        name: "duplicate ids",
        files: &[("c.jsonl", b"{\"id\": 1, \"text\": \"t\"}\n\n{\"id\": \"1\", \"text\": \"u\"}\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:3: field `id`: duplicate id `1` (first seen on line 1)",
    },
    Case {
        name: "empty reference list when scoring",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": \"t\", \"highlights\": []}\n")],
        args: &["--ref-field", "highlights", "--require-references"],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `highlights`: no references, but scoring needs at least one per document",
    },
    Case {
        name: "no reference field when scoring",
        files: &[(
            "c.jsonl",
            b"{\"id\": \"a\", \"text\": \"t\", \"references\": [\"r\"]}\n{\"id\": \"b\", \"text\": \"t\"}\n",
        )],
        args: &["--require-references"],
        target: "c.jsonl",
        expected: "c.jsonl:2: field `references`: no references, but scoring needs at least one per document",
    },
    Case {
        name: "blank reference",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": \"t\", \"references\": \"  \"}\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `references`: reference is empty",
    },
    Case {
        name: "reference of the wrong type",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": \"t\", \"references\": [\"r\", null]}\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `references[1]`: expected a string, found null",
    },
    Case {
        name: "title of the wrong type",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": \"t\", \"title\": 3}\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `title`: expected a string, found a number",
    },
    Case {
        name: "NUL byte in a JSONL text",
        files: &[("c.jsonl", b"{\"id\": \"a\", \"text\": \"ab\\u0000\"}\n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl:1: field `text`: contains a NUL byte at byte offset 2",
    },
    Case {
        name: "NUL byte in a directory corpus document",
        files: &[("d/x/document.txt", b"A\0B\0")],
        args: &[],
        target: "d",
        expected: "d/x/document.txt: field `text`: contains a NUL byte at byte offset 1",
    },
    Case {
        name: "empty file",
        files: &[("c.jsonl", b"")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl: empty corpus: no documents",
    },
    Case {
        name: "file of blank lines",
        files: &[("c.jsonl", b"\r\n  \n")],
        args: &[],
        target: "c.jsonl",
        expected: "c.jsonl: empty corpus: no documents",
    },
    Case {
        name: "directory with neither document folders nor .story files",
        files: &[("d/README.md", b"nothing here")],
        args: &[],
        target: "d",
        expected: "d: cannot tell the corpus format: a directory with neither <id>/document.txt \
                   subdirectories nor .story files\nhint: give the format with --format jsonl|csv|tsv|parquet|dir|story",
    },
    Case {
        name: "empty directory given as a directory corpus",
        files: &[("d/README.md", b"nothing here")],
        args: &["--format", "dir"],
        target: "d",
        expected: "d: empty corpus: no documents",
    },
    Case {
        name: "directory corpus with a missing document.txt",
        files: &[("d/x/references/a.txt", b"r")],
        args: &[],
        target: "d",
        expected: "d/x/document.txt: field `text`: file is missing",
    },
    Case {
        name: "directory corpus with an empty references/",
        files: &[("d/x/document.txt", b"Text."), ("d/x/references/.keep", b"")],
        args: &[],
        target: "d",
        expected: "d/x/references: field `references`: directory has no .txt files",
    },
    Case {
        name: "directory corpus without references/ when scoring",
        files: &[("d/x/document.txt", b"Text.")],
        args: &["--require-references"],
        target: "d",
        expected: "d/x/references: field `references`: directory is missing, \
                   but scoring needs at least one reference per document",
    },
    Case {
        name: ".story file with no @highlight",
        files: &[("s.story", b"Only an article.\n")],
        args: &[],
        target: "s.story",
        expected: "s.story: field `references`: no @highlight line",
    },
    Case {
        name: ".story @highlight without text",
        files: &[("st/a.story", b"Text.\n\n@highlight\n\nOne.\n\n@highlight\n")],
        args: &[],
        target: "st",
        expected: "st/a.story:7: field `references`: @highlight has no text",
    },
    Case {
        name: "format not detectable",
        files: &[("notes.txt", b"hello")],
        args: &[],
        target: "notes.txt",
        expected: "notes.txt: cannot tell the corpus format: a file not ending in .jsonl, .json, .csv, .tsv, .parquet or .story\n\
                   hint: give the format with --format jsonl|csv|tsv|parquet|dir|story",
    },
    Case {
        name: "missing path",
        files: &[],
        args: &[],
        target: "nowhere.jsonl",
        expected: "nowhere.jsonl: No such file or directory (os error 2)",
    },
];

fn write(root: &Path, name: &str, content: &[u8]) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dirs");
    std::fs::write(path, content).expect("write file");
}

#[test]
fn every_bad_input_is_a_precise_error_and_exit_code_1() {
    let mut failures = Vec::new();
    for case in CASES {
        let tmp = tempfile::tempdir().expect("tempdir");
        for (name, content) in case.files {
            write(tmp.path(), name, content);
        }
        let output = Command::cargo_bin("sumbench")
            .expect("binary")
            .arg("corpus")
            .args(case.args)
            .arg(tmp.path().join(case.target))
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let expected = format!("error: invalid corpus: {}/{}\n", tmp.path().display(), case.expected);
        if output.status.code() != Some(1) || stderr != expected || !output.stdout.is_empty() {
            failures.push(format!(
                "{}: exit {:?}\n  stderr:   {stderr:?}\n  expected: {expected:?}",
                case.name,
                output.status.code()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
