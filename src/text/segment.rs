//! Sentence segmentation: UAX #29 sentence bounds plus English rules.
//!
//! Every sentence is a byte span into the source, trimmed of surrounding
//! whitespace, so a summary is always made of verbatim source text.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into sentences, returned as trimmed byte spans in source order.
/// Spans never overlap and never are empty.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    // Placeholder: plain UAX #29 until the English rules land.
    text.split_sentence_bound_indices()
        .filter_map(|(start, s)| trim_span(text, start..start + s.len()))
        .collect()
}

/// Shrinks a span to exclude leading and trailing whitespace; `None` if nothing is left.
fn trim_span(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (lead + trail < s.len()).then(|| span.start + lead..span.end - trail)
}
