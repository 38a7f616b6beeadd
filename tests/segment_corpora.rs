//! Sentence segmentation on real text: the seed article in `corpus/seed`, and
//! hard-wrapped prose. Expected boundaries come from reading the texts, never
//! from running the segmenter. (The outside corpora are checked in the
//! `corpora` suite.)

use sumbench::text::sentence_spans;

fn sentences(text: &str) -> Vec<&str> {
    sentence_spans(text).into_iter().map(|s| &text[s]).collect()
}

#[test]
fn seed_article() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seed/nato-hypersonic-talks/document.txt");
    let text = std::fs::read_to_string(path).expect("seed article in corpus/");
    let sents = sentences(&text);
    // One 4-sentence paragraph, the "Read the original article here" line, then
    // nine paragraphs of three sentences each (one paragraph per line).
    assert_eq!(sents.len(), 32, "{sents:#?}");
    assert_eq!(
        sents[0],
        "Following a Russian hypersonic missile attack on a Ukrainian military facility in Dnipro, emergency \
         NATO-Ukraine talks are scheduled."
    );
    assert_eq!(
        sents[2],
        "Russian President Putin justified the strike as retaliation for Ukrainian attacks using \
         Western-supplied weapons, while Hungarian Prime Minister Orbán echoed Moscow’s claims of potential \
         US involvement."
    );
    assert_eq!(sents[4], "Read the original article here");
    assert!(sents[5].starts_with("NATO’s decision to hold emergency talks"));
    assert_eq!(
        sents[31],
        "The outcome of these discussions will have far-reaching consequences, shaping the trajectory of the \
         war in Ukraine and the future of Euro-Atlantic security."
    );
}

/// Hard-wrapped prose written for this test: wraps are joined, the headline
/// and the short closing line stay apart, a blank line still ends a sentence.
#[test]
fn hard_wrapped_prose_is_reflowed() {
    let text = "Council approves new budget\n\
                \n\
                The city council voted on Tuesday to approve a budget that\n\
                raises spending on schools and roads by a tenth. Members of\n\
                the opposition said the plan relied on optimistic forecasts\n\
                and would force cuts in Parks and Libraries within two years.\n\
                The mayor disagreed.\n\
                \n\
                Contact the newsroom\n";
    assert_eq!(
        sentences(text),
        [
            "Council approves new budget",
            "The city council voted on Tuesday to approve a budget that\n\
         raises spending on schools and roads by a tenth.",
            "Members of\nthe opposition said the plan relied on optimistic forecasts\n\
         and would force cuts in Parks and Libraries within two years.",
            "The mayor disagreed.",
            "Contact the newsroom",
        ]
    );
}
