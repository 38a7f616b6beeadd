//! What a new user meets first, each tried as the user would: the README's
//! quick start as written, `sumbench run` outside the repository, a negative
//! `--budget`, `sumbench rouge` on Cyrillic, a merge missing a shard, and
//! `compare --html` given a folder.

use std::path::{Path, PathBuf};

use crate::util::{embedded_corpus, first_lines, repo, sumbench};

/// The commands of the README's quick start block that follows "To install
/// the `sumbench` binary", comments dropped, `cargo` lines left out.
fn quick_start_commands() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme.find("To install the `sumbench` binary").expect("the quick start's install block");
    let block = &readme[start..];
    let block = &block[block.find("```sh\n").expect("a sh block") + 6..];
    let block = &block[..block.find("```").expect("the block's end")];
    block
        .lines()
        .map(|line| line.split(" #").next().unwrap().trim())
        .filter(|line| !line.is_empty() && !line.starts_with("cargo "))
        .map(|line| line.split_whitespace().map(String::from).collect())
        .collect()
}

#[cfg(unix)]
#[test]
fn the_quick_start_runs_as_written_in_an_empty_folder_holding_corpus() {
    let commands = quick_start_commands();
    assert_eq!(commands.len(), 4, "{commands:?}");
    let tmp = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo().join("corpus"), tmp.path().join("corpus")).unwrap();
    for command in &commands {
        assert_eq!(command[0], "sumbench", "{command:?}");
        let output = sumbench().current_dir(tmp.path()).args(&command[1..]).output().unwrap();
        assert!(
            output.status.success(),
            "`{}` failed: {}",
            command.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    for dir in ["results/baseline", "results/latest", "results/billsum"] {
        assert!(tmp.path().join(dir).join("run.json").is_file(), "{dir}");
    }
}

#[test]
fn run_outside_the_repository_says_where_the_default_corpus_is() {
    let tmp = tempfile::tempdir().unwrap();
    let output = sumbench().current_dir(tmp.path()).args(["run", "--quiet"]).assert().code(1);
    assert_eq!(
        String::from_utf8_lossy(&output.get_output().stderr),
        "error: corpus/: No such file or directory (the default corpus, read when neither --corpus nor \
         --dataset is given)\nhint: the default corpus folder is the sumbench repository's corpus/ (run from \
         a clone of it); elsewhere pass --corpus FILE|DIR or --dataset NAME (`sumbench datasets list`)\n"
    );
    assert!(!tmp.path().join("results").exists(), "nothing is written");
}

#[test]
fn a_negative_budget_reaches_the_budget_parser() {
    let message = "bad budget `-1w`: the number must be positive, e.g. 3s, 100w, 665b or 0.2r";
    for args in [
        &["run", "--corpus", "corpus/seed", "--budget", "-1w"][..],
        &["summarize", "README.md", "--budget", "-1w"],
        &["summarize", "README.md", "-b", "-1w"],
    ] {
        let output = sumbench().args(args).assert().code(2);
        let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
        assert!(stderr.contains(message) && !stderr.contains("unexpected argument"), "{args:?}: {stderr}");
    }
}

#[test]
fn rouge_on_cyrillic_warns_once_with_the_count_of_pairs() {
    // Two Russian pairs (every letter dropped by rouge-score's ASCII tokenizer: F = 0)
    // and one English pair (F = 1).
    let input = "{\"id\": \"ru1\", \"candidate\": \"Кот спит на диване.\", \"references\": [\"Кот спит.\"]}\n\
                 {\"id\": \"en\", \"candidate\": \"The cat sleeps.\", \"references\": [\"The cat sleeps.\"]}\n\
                 {\"id\": \"ru2\", \"candidate\": \"Собака лает.\", \"references\": [\"Собака лает громко.\"]}\n";
    let output = sumbench().args(["rouge", "--metrics", "rouge1"]).write_stdin(input).assert().success();
    let stdout = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
    let rows: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let f: Vec<f64> = rows.iter().map(|r| r["rouge1"]["fmeasure"].as_f64().unwrap()).collect();
    assert_eq!(f, [0.0, 1.0, 0.0], "{stdout}");
    assert_eq!(
        String::from_utf8_lossy(&output.get_output().stderr),
        "warning: 2 of 3 pairs have more than 1% of their letters outside ASCII, and rouge-score's tokenizer \
         drops them (ROUGE sees only ASCII letters and digits: text in other scripts scores 0; the `unicode` \
         ROUGE tokenizer keeps them)\nhint: --rouge-tokenizer multilingual --language CODE scores them with the \
         language's word splitter and stemmer (CODE: ISO 639-1, such as ru or zh)\n"
    );
    // With the Unicode tokenizer nothing is dropped and nothing is said.
    let unicode = sumbench()
        .args(["rouge", "--metrics", "rouge1", "--rouge-tokenizer", "unicode"])
        .write_stdin(input)
        .assert()
        .success();
    assert_eq!(String::from_utf8_lossy(&unicode.get_output().stderr), "");
}

/// Runs shard `k` of `n` of `corpus` into `dir`.
fn shard(corpus: &Path, k: usize, n: usize, dir: &Path) {
    sumbench()
        .args(["run", "--quiet", "--summarizers", "lead", "--budget", "1s", "--shard", &format!("{k}/{n}")])
        .arg("--corpus")
        .arg(corpus)
        .arg("--out")
        .arg(dir)
        .assert()
        .success();
}

#[test]
fn a_merge_missing_a_shard_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = first_lines(&embedded_corpus("billsum"), 6, tmp.path());
    let dirs: Vec<PathBuf> = (1..=3).map(|k| tmp.path().join(format!("shard{k}"))).collect();
    for (k, dir) in dirs.iter().enumerate() {
        shard(&corpus, k + 1, 3, dir);
    }
    let merge = |given: &[&PathBuf]| {
        let output = sumbench()
            .args(["merge", "--quiet", "--out"])
            .arg(tmp.path().join("merged"))
            .args(given)
            .assert()
            .code(1);
        String::from_utf8_lossy(&output.get_output().stderr).into_owned()
    };
    assert_eq!(
        merge(&[&dirs[2], &dirs[0]]),
        "error: cannot merge: shard 2/3 is missing (have 1/3 and 3/3)\n"
    );
    assert_eq!(merge(&[&dirs[1]]), "error: cannot merge: shards 1/3 and 3/3 are missing (have 2/3)\n");
    assert_eq!(
        merge(&[&dirs[0], &dirs[1], &dirs[0]]),
        format!(
            "error: cannot merge: shard 1/3 is given twice: {} and {}\n",
            dirs[0].display(),
            dirs[0].display()
        )
    );
    assert!(!tmp.path().join("merged").exists());
    sumbench()
        .args(["merge", "--quiet", "--out"])
        .arg(tmp.path().join("merged"))
        .args(&dirs)
        .assert()
        .success();
}

#[test]
fn compare_html_writes_into_a_folder_and_fails_before_printing() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |budget: &str, name: &str| {
        let dir = tmp.path().join(name);
        sumbench()
            .args(["run", "--quiet", "--summarizers", "lead", "--corpus", "corpus/seed", "--budget", budget])
            .arg("--out")
            .arg(&dir)
            .assert()
            .success();
        dir
    };
    let (a, b) = (run("1s", "a"), run("2s", "b"));
    let compare =
        |html: &Path| sumbench().arg("compare").arg(&a).arg(&b).arg("--html").arg(html).output().unwrap();
    // An existing folder, and a new one written with a trailing slash.
    let existing = tmp.path().join("pages");
    std::fs::create_dir(&existing).unwrap();
    let new = tmp.path().join("new/");
    for (given, page) in
        [(existing.clone(), existing.join("compare.html")), (new.clone(), new.join("compare.html"))]
    {
        let output = compare(&given);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(String::from_utf8_lossy(&output.stdout).contains("lead"), "the table is printed");
        assert!(std::fs::read_to_string(&page).unwrap().starts_with("<!DOCTYPE html>"), "{}", page.display());
    }
    // A file name: that file.
    let file = tmp.path().join("deep/cmp.html");
    assert!(compare(&file).status.success());
    assert!(file.is_file());
    // A path that cannot be written: the error, and no table before it.
    let blocked = tmp.path().join("a/scores.csv/page.html");
    let output = compare(&blocked);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "", "nothing printed before the failure");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        stderr.starts_with(&format!("error: creating {}", tmp.path().join("a/scores.csv").display())),
        "{stderr}"
    );
}
