//! Same inputs and seed → byte-identical `scores.csv` and `summaries.jsonl`
//! (and `summary.csv` apart from its timing column) at 1 and 2 threads.

use crate::util::{assert_thread_count_does_not_change_reports, embedded_corpus, first_lines};

#[test]
fn one_and_two_threads_give_identical_reports_on_billsum() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = first_lines(&embedded_corpus("billsum"), 20, tmp.path());
    assert_thread_count_does_not_change_reports(&corpus, tmp.path());
}
