//! Same inputs and seed → byte-identical `scores.csv` and `summaries.jsonl`
//! (and `summary.csv` apart from its timing column) at 1 and 2 threads.

use std::path::Path;

use assert_cmd::Command;

fn run(threads: &str, out: &Path, corpus: &Path) {
    Command::cargo_bin("sumbench")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RAYON_NUM_THREADS", threads)
        .args(["run", "--quiet", "--seed", "11", "--corpus", "corpus", "--corpus"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .assert()
        .success();
}

#[test]
fn one_and_two_threads_give_identical_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let shared = std::env::var("SUMBENCH_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").to_string());
    let summeval = Path::new(&shared).join("corpora/summeval-cnndm/documents.jsonl");
    assert!(summeval.is_file(), "{} is missing: set SUMBENCH_SHARED", summeval.display());
    let text = std::fs::read_to_string(&summeval).unwrap();
    let corpus = tmp.path().join("summeval30.jsonl");
    std::fs::write(&corpus, text.lines().take(30).map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    run("1", &one, &corpus);
    run("2", &two, &corpus);
    let read = |dir: &Path, file: &str| std::fs::read(dir.join(file)).unwrap();
    assert_eq!(read(&one, "scores.csv"), read(&two, "scores.csv"));
    assert_eq!(read(&one, "summaries.jsonl"), read(&two, "summaries.jsonl"));
    let strip = |bytes: Vec<u8>| {
        String::from_utf8(bytes)
            .unwrap()
            .lines()
            .map(|l| l.rsplit_once(',').unwrap().0.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(read(&one, "summary.csv")), strip(read(&two, "summary.csv")));
    let threads = |dir: &Path| -> serde_json::Value {
        serde_json::from_slice::<serde_json::Value>(&read(dir, "run.json")).unwrap()["threads"].clone()
    };
    assert_eq!((threads(&one), threads(&two)), (1.into(), 2.into()));
}
