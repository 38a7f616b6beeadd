//! Property tests of `sentence_spans`: the span invariants hold and the
//! segmenter never panics, on arbitrary Unicode and on text built from the
//! punctuation, abbreviations, list markers and line breaks the rules handle.

use proptest::prelude::*;
use sumbench::text::sentence_spans;

/// Checks every invariant `sentence_spans` promises for `text`.
fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let spans = sentence_spans(text);
    let mut covered_to = 0;
    for span in &spans {
        prop_assert!(span.start < span.end, "empty span {span:?}");
        prop_assert!(
            span.start >= covered_to,
            "span {span:?} overlaps or goes back (previous end {covered_to})"
        );
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} splits a char"
        );
        let sentence = &text[span.clone()];
        prop_assert_eq!(sentence, sentence.trim(), "span {:?} is not trimmed", span);
        // Everything between two sentences is whitespace: each non-whitespace
        // character lies in exactly one span.
        prop_assert!(text[covered_to..span.start].trim().is_empty(), "text lost before {span:?}");
        covered_to = span.end;
    }
    prop_assert!(text[covered_to..].trim().is_empty(), "text lost at the end");
    Ok(())
}

/// Pieces the rules react to, to be glued together at random.
const PIECES: &[&str] = &[
    " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{2029}", "\u{85}", ".", ". ", "!", "?", "?!", "…", "...",
    ". . .", " . . . .", "''", "``", "\"", "'", "“", "”", "‘", "’", "(", ")", "[", "]", "[...]", "•", "⁃",
    "- ", "1.", "2.", "1)", "2.)", "a.", "b)", "Mr.", "Dr.", "St.", "Co.", "Inc.", "U.S.", "a.m.", "e.g.",
    "No.", "p.", "I.", "J.", "N°.", "Yahoo!", "The", "He", "it", "is", "Smith", "said", "5", "3.5", "100.00",
    "é", "ß", "ǅ", "İ", "ﬁ", "日本", "。", "！", "🙂", "\u{200B}", "\u{0301}", "\u{00A0}", "\u{3000}",
];

fn pieced_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn invariants_on_rule_heavy_text(text in pieced_text()) {
        check_invariants(&text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn invariants_on_arbitrary_unicode(text in any::<String>()) {
        check_invariants(&text)?;
    }

    #[test]
    fn invariants_on_arbitrary_lines(lines in prop::collection::vec("[^\n]{0,40}", 0..12)) {
        check_invariants(&lines.join("\n"))?;
    }
}

/// Long runs that the rules scan around stay correct, and cheap: a
/// quadratic look-back or look-ahead takes about a minute on these 64 KiB
/// inputs (no whitespace; dots; "!a"; glued quoted exclamations; titles).
#[test]
fn long_runs_without_whitespace() {
    let runs = [
        "a".repeat(1 << 16),
        ".".repeat(1 << 16),
        "!a".repeat(1 << 15),
        "!\"A".repeat(1 << 14),
        "Mr. ".repeat(1 << 14),
    ];
    for text in runs {
        check_invariants(&text).expect("invariants hold");
    }
}
