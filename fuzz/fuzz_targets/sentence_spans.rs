//! Fuzzes `text::sentence_spans` on any UTF-8 text (invalid bytes become U+FFFD).
//!
//! Checks the documented contract: spans are non-empty, trimmed, char-boundary
//! ranges of the text, in order and non-overlapping.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sumbench::text::sentence_spans;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let spans = sentence_spans(&text);
    let mut last_end = 0;
    for span in &spans {
        assert!(
            span.start >= last_end,
            "span {span:?} overlaps or precedes the previous one (end {last_end})"
        );
        assert!(span.start < span.end, "empty span {span:?}");
        assert!(span.end <= text.len(), "span {span:?} past the end ({})", text.len());
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span {span:?} splits a char"
        );
        let sentence = &text[span.clone()];
        assert_eq!(sentence, sentence.trim(), "span {span:?} is not trimmed");
        last_end = span.end;
    }
});
