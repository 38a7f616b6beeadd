//! The ROUGE oracle beats every registered summarizer on SummEval.

use crate::util::{assert_oracle_beats_every_summarizer, outside_corpus, prepare};

#[test]
#[ignore = "needs SUMBENCH_DATA: SummEval"]
fn oracle_beats_every_registered_summarizer_on_summeval() {
    assert_oracle_beats_every_summarizer(&prepare(&outside_corpus("summeval-cnndm"), usize::MAX));
}
