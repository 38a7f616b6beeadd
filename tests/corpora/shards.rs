//! `--shard K/N` runs merged with `sumbench merge` equal a single run, on BBC.

use crate::util::{first_lines, outside_corpus, sumbench, summary_without_speed};

#[test]
#[ignore = "needs SUMBENCH_DATA: BBC"]
fn merge_of_two_shards_is_byte_identical_to_the_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    // The first 40 BBC documents, so the test stays quick.
    let corpus = first_lines(&outside_corpus("bbc-news-summary"), 40, tmp.path());
    let run = |out: &str, shard: Option<&str>| {
        let mut cmd = sumbench();
        cmd.args(["run", "--quiet", "--summarizers", "lead,textrank,random", "--corpus"])
            .arg(&corpus)
            .arg("--out")
            .arg(tmp.path().join(out));
        if let Some(shard) = shard {
            cmd.args(["--shard", shard]);
        }
        cmd.assert().success();
    };
    run("single", None);
    run("s1", Some("1/2"));
    run("s2", Some("2/2"));
    sumbench()
        .args(["merge", "--quiet", "--out"])
        .arg(tmp.path().join("merged"))
        .arg(tmp.path().join("s2"))
        .arg(tmp.path().join("s1"))
        .assert()
        .success();
    let (single, merged) = (tmp.path().join("single"), tmp.path().join("merged"));
    let read = |dir: &std::path::Path, file: &str| std::fs::read(dir.join(file)).expect("report file");
    assert_eq!(read(&single, "scores.csv"), read(&merged, "scores.csv"));
    assert_eq!(read(&single, "summaries.jsonl"), read(&merged, "summaries.jsonl"));
    assert_eq!(summary_without_speed(&single), summary_without_speed(&merged));
}
