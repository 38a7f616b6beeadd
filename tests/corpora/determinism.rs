//! Determinism across thread counts on SummEval (30 documents, 11 references each).

use crate::util::{assert_thread_count_does_not_change_reports, first_lines, outside_corpus};

#[test]
#[ignore = "needs SUMBENCH_DATA: SummEval"]
fn one_and_two_threads_give_identical_reports_on_summeval() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = first_lines(&outside_corpus("summeval-cnndm"), 30, tmp.path());
    assert_thread_count_does_not_change_reports(&corpus, tmp.path());
}
