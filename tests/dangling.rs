//! `dangling` (issue #24, part 5) through the binary: in `scores.csv`,
//! `summary.csv` with its signature, `summary.md` and `report.html`, for
//! built-in summarizers (their selection) and outside systems (aligned by
//! text); the same bytes at 1 and 2 threads; and its invariants over
//! generated documents.

use std::path::Path;

use proptest::prelude::*;
use sumbench::lang::Language;
use sumbench::metrics::dangling::{Extracted, align, check, selected};
use sumbench::text::PreparedDocument;

use crate::util::{assert_thread_count_does_not_change_reports, fixture, sumbench};

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{}/{file}: {e}", dir.display()))
}

/// The `scores.csv` rows of `dangling`, without the budget column.
fn dangling_rows(dir: &Path) -> Vec<String> {
    read(dir, "scores.csv")
        .lines()
        .filter(|l| l.split(',').nth(3) == Some("dangling"))
        .map(|l| l.rsplit_once(',').expect("a budget column").0.to_string())
        .collect()
}

#[test]
fn lead_cut_by_a_word_budget_dangles_in_every_report() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("run");
    sumbench()
        .args(["run", "--quiet", "--summarizers", "lead", "--budget", "7w", "--corpus"])
        .arg(fixture("dangling/corpus.jsonl"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    // By hand, 7 words of lead: "Ann Lee won the race." (5 words) and "She
    // was" cut from "She was happy.": "She" follows sentence 0, its
    // antecedent, but the cut ends mid-clause: 1 of 2 sentences. The storm:
    // "A storm hit the coast." and "It destroyed" (cut): 1 of 2. The German
    // document has no value (English word lists only).
    assert_eq!(
        dangling_rows(&out),
        [
            "corpus,race,lead,dangling,,,0.5",
            "corpus,rennen,lead,dangling,,,",
            "corpus,storm,lead,dangling,,,0.5"
        ]
    );
    let summary = read(&out, "summary.csv");
    let row = summary.lines().find(|l| l.starts_with("corpus,lead,dangling,")).expect("a dangling row");
    // Two documents with a value, mean 0.5, both 0.5: the interval is [0.5, 0.5].
    assert!(row.starts_with("corpus,lead,dangling,2,,,0.5,0.5,0.5,"), "{row}");
    assert!(row.contains(",impl:sumbench-dangling-en-1|antecedent:previous-sentence|"), "{row}");
    let markdown = read(&out, "summary.md");
    assert!(markdown.contains("| dangling F (95% CI) |"), "{markdown}");
    assert!(markdown.contains("| 0.5000 [0.5000, 0.5000] |"), "{markdown}");
    assert!(markdown.contains("- `dangling`: `impl:sumbench-dangling-en-1|"), "{markdown}");
    let info: serde_json::Value = serde_json::from_str(&read(&out, "run.json")).unwrap();
    assert!(info["metrics"].as_array().unwrap().iter().any(|m| m == "dangling"), "a default metric");
    let page = read(&out, "report.html");
    assert!(page.contains("dangling F"), "report.html has a dangling column");
}

#[test]
fn outside_systems_are_aligned_to_their_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("score");
    sumbench()
        .args(["score", "--quiet", "--with", "lead", "--budget", "2s", "--summaries"])
        .arg(fixture("dangling/systems.jsonl"))
        .arg("--corpus")
        .arg(fixture("dangling/corpus.jsonl"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    // By hand (documents: race = "Ann Lee won the race." 0, "She was happy." 1,
    // "Bob came second." 2, "However, he was pleased." 3; storm = "A storm hit
    // the coast." 0, "It destroyed three houses." 1, "This year was calm until then." 2):
    // kept/race: 0, 2, 3; "However" follows 2: 0 of 3. kept/storm: 0, 1: 0.
    // torn/race: 1 ("She", 0 missing), 3 ("However", after 1, not 2): 2 of 2.
    // torn/storm: 2 ("This year", an exception) and a sentence found nowhere
    // (not counted): 0 of 1. cut/race: 0, then "Bob came", a strict prefix of
    // 2 without terminal punctuation: 1 of 2. cut/storm: nothing found: no value.
    // lead, 2 sentences: 0 and 1, nothing dangles. German: no value.
    let rows = dangling_rows(&out);
    for expected in [
        "corpus,race,kept,dangling,,,0",
        "corpus,race,torn,dangling,,,1",
        "corpus,race,cut,dangling,,,0.5",
        "corpus,race,lead,dangling,,,0",
        "corpus,rennen,kept,dangling,,,",
        "corpus,rennen,torn,dangling,,,",
        "corpus,rennen,cut,dangling,,,",
        "corpus,rennen,lead,dangling,,,",
        "corpus,storm,kept,dangling,,,0",
        "corpus,storm,torn,dangling,,,0",
        "corpus,storm,cut,dangling,,,",
        "corpus,storm,lead,dangling,,,0",
    ] {
        assert!(rows.contains(&expected.to_string()), "{expected} not in {rows:?}");
    }
    assert_eq!(rows.len(), 12);
    // Means over the documents with a value: torn (1 + 0)/2, cut 0.5 over one.
    let summary = read(&out, "summary.csv");
    for prefix in
        ["corpus,torn,dangling,2,,,0.5,", "corpus,cut,dangling,1,,,0.5,", "corpus,kept,dangling,2,,,0,"]
    {
        assert!(summary.lines().any(|l| l.starts_with(prefix)), "{prefix} not in summary.csv");
    }
    assert!(read(&out, "report.html").contains("dangling"));
}

#[test]
fn dangling_is_the_same_at_one_and_two_threads() {
    let tmp = tempfile::tempdir().unwrap();
    assert_thread_count_does_not_change_reports(&fixture("dangling/corpus.jsonl"), tmp.path());
}

/// Sentence openings the generator picks from: listed pronouns and
/// connectives, an exception, and plain words.
const OPENERS: &[&str] =
    &["He", "It", "However,", "In addition,", "This year", "The report", "Bob", "“They”", "(Such)", "Rain"];

fn document(openers: &[usize]) -> String {
    // Distinct sentences (the `wN` word), each ending in a full stop.
    let sentences: Vec<String> =
        openers.iter().enumerate().map(|(i, &o)| format!("{} saw w{i} today.", OPENERS[o])).collect();
    sentences.join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn shares_are_fractions_and_whole_documents_never_dangle(
        openers in prop::collection::vec(0..OPENERS.len(), 1..9),
        picks in prop::collection::vec(any::<bool>(), 9),
        cut in 0usize..40,
    ) {
        let doc = PreparedDocument::new(
            sumbench::corpus::Source { id: "d".into(), title: None, text: document(&openers) },
            &sumbench::text::WordTokenizer::english(),
        );
        prop_assert_eq!(doc.sentences.len(), openers.len());
        let english = Language::English;
        // Every sentence in order, none cut: nothing dangles.
        let all: Vec<usize> = (0..openers.len()).collect();
        let whole = check(&selected(&doc, &all, None), english).unwrap();
        prop_assert_eq!((whole.counted, whole.flagged.len()), (openers.len(), 0));
        // Any selection, its last sentence perhaps cut: a share in [0, 1],
        // undefined only for an empty summary.
        let chosen: Vec<usize> = all.iter().copied().filter(|&i| picks[i]).collect();
        let last_len = chosen.last().map(|&i| doc.sentence_text(i).len());
        // The longest prefix of at most `cut` bytes (at least one) ending on a character.
        let kept = chosen.last().zip(last_len).map(|(&i, len)| {
            let text = doc.sentence_text(i);
            (1..=cut.clamp(1, len)).rev().find(|&b| text.is_char_boundary(b)).unwrap_or(len)
        });
        let summary = selected(&doc, &chosen, kept);
        let share = check(&summary, english).unwrap().share();
        prop_assert_eq!(share.is_none(), chosen.is_empty());
        if let Some(share) = share {
            prop_assert!((0.0..=1.0).contains(&share));
        }
        // The summary's text, aligned back to the document, reads the same
        // when nothing is cut (the sentences are distinct).
        let uncut = selected(&doc, &chosen, None);
        let text: Vec<&str> = uncut.iter().map(|s: &Extracted<'_>| s.text).collect();
        let joined = text.join("\n");
        let aligned = align(&joined, &doc.source.text, english);
        prop_assert_eq!(check(&aligned, english), check(&uncut, english));
    }
}
