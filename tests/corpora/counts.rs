//! The outside corpora read fully, with the counts their `SOURCE.md` files give.

use crate::util::{Expected, assert_counts, outside_corpus};

/// Transcribed from the "Counts" table of each `corpora/<name>/SOURCE.md`.
const OUTSIDE: &[Expected] = &[
    Expected {
        name: "bbc-news-summary",
        documents: 2225,
        references: 2225,
        min_references: 1,
        max_references: 1,
        document_words: 378.8,
        reference_words: 172.0,
    },
    Expected {
        name: "opinosis",
        documents: 51,
        references: 238,
        min_references: 3,
        max_references: 5,
        document_words: 2617.8,
        reference_words: 16.7,
    },
    Expected {
        name: "scisummnet",
        documents: 912,
        references: 912,
        min_references: 1,
        max_references: 1,
        document_words: 4483.8,
        reference_words: 142.8,
    },
    Expected {
        name: "summeval-cnndm",
        documents: 100,
        references: 1100,
        min_references: 11,
        max_references: 11,
        document_words: 403.9,
        reference_words: 43.1,
    },
];

#[test]
#[ignore = "needs SUMBENCH_DATA: BBC, Opinosis, ScisummNet, SummEval"]
fn outside_corpora_read_fully_with_their_documented_counts() {
    for expected in OUTSIDE {
        assert_counts(&outside_corpus(expected.name), expected);
    }
}
