//! Fuzzes rouge-score mode (`rouge::Scorer`, `rouge::DocumentScorer`).
//!
//! Input: two flag bytes, then parts separated by 0xFF: the source text, then the
//! references. Byte 0 bit 0 = stem; byte 1 selects sentences (bit i = sentence i)
//! and bit 7 also cuts the last chosen sentence in half (a truncated sentence).
//! Checks: every P/R/F finite and in [0, 1]; F = 0 when P or R is 0; a text
//! scored against itself gets F = 1 when it has tokens; `DocumentScorer` on the
//! chosen spans equals `Scorer::score_multi` on their texts joined by `\n`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sumbench::rouge::{DocumentScorer, Metric, Score, Scorer, tokenize};
use sumbench::text::sentence_spans;

const METRICS: [Metric; 5] = [Metric::N(1), Metric::N(2), Metric::N(4), Metric::L, Metric::Lsum];

fn check(scores: &[Score], what: &str) {
    assert_eq!(scores.len(), METRICS.len());
    for (metric, s) in METRICS.iter().zip(scores) {
        for x in [s.precision, s.recall, s.fmeasure] {
            assert!(x.is_finite() && (0.0..=1.0).contains(&x), "{what}: {metric} {s:?} out of [0, 1]");
        }
        if s.precision == 0.0 || s.recall == 0.0 {
            assert_eq!(s.fmeasure, 0.0, "{what}: {metric} {s:?}: F must be 0 when P or R is 0");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let [flags, select, rest @ ..] = data else { return };
    let stem = flags & 1 != 0;
    let mut parts = rest.split(|&b| b == 0xFF).map(|p| String::from_utf8_lossy(p).into_owned());
    let text = parts.next().unwrap_or_default();
    let references: Vec<String> = parts.take(4).collect();
    let scorer = Scorer::new(&METRICS, stem);

    let whole = scorer.score_multi(&references, &text);
    check(&whole, "score_multi");
    if !tokenize(&text, stem).is_empty() {
        for (metric, s) in METRICS.iter().zip(scorer.score(&text, &text)) {
            // rougeN needs at least N tokens to have any n-gram.
            if let Metric::N(n) = metric
                && tokenize(&text, stem).len() < usize::from(*n)
            {
                continue;
            }
            assert_eq!(s.fmeasure, 1.0, "{metric} of a text against itself: {s:?}");
        }
    }

    let spans = sentence_spans(&text);
    let mut chosen: Vec<_> = spans
        .iter()
        .take(7)
        .enumerate()
        .filter(|(i, _)| select & (1 << i) != 0)
        .map(|(_, s)| s.clone())
        .collect();
    if select & 0x80 != 0
        && let Some(last) = chosen.last_mut()
    {
        let mut cut = last.start + (last.end - last.start) / 2;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        last.end = cut.max(last.start);
    }
    let document = DocumentScorer::new(&scorer, &references, &text, &spans);
    let from_spans = document.score_spans(&chosen);
    check(&from_spans, "score_spans");
    let joined = chosen.iter().map(|s| &text[s.clone()]).collect::<Vec<_>>().join("\n");
    let direct = scorer.score_multi(&references, &joined);
    assert_eq!(from_spans, direct, "score_spans {chosen:?} differs from score_multi on {joined:?}");
});
