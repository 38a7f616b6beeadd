//! Line structure: blank lines, headline and caption lines, and hard-wrapped
//! prose.
//!
//! A blank line always ends a sentence. A single line break ends one too,
//! unless the document is hard-wrapped (more than half of its line breaks
//! between non-blank lines, list items aside, follow a line without final
//! punctuation) and this break looks like a wrap: the next line starts in lower case, or
//! its first word would not have fitted on the line. In a hard-wrapped
//! document, a line ending with sentence punctuation is left to the
//! punctuation rules, as if the break were a space.
//!
//! Owns: the per-document layout statistics and the soft/hard decision for a
//! line break after a line without final punctuation. Never looks at
//! abbreviations.

use super::lexicon::parse_enumerator;
use super::lexicon::{is_bullet, is_closer, is_line_break, is_terminal};
use std::ops::Range;

/// Shortest widest line (in characters) for a document to count as hard-wrapped.
const MIN_WRAP_WIDTH: usize = 40;

/// How many line breaks separate two pieces of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Breaks {
    /// None: the pieces are on one line.
    None,
    /// One line break: adjacent lines.
    Single,
    /// A blank line (or a paragraph/page separator) between them.
    Blank,
}

/// Counts the line breaks in a whitespace gap; "\r\n" counts once.
pub(super) fn breaks_in(gap: &str) -> Breaks {
    let mut count = 0;
    let mut prev_cr = false;
    for c in gap.chars() {
        match c {
            '\n' if prev_cr => {}
            '\u{2029}' | '\u{0C}' => return Breaks::Blank,
            c if is_line_break(c) => count += 1,
            _ => {}
        }
        prev_cr = c == '\r';
    }
    match count {
        0 => Breaks::None,
        1 => Breaks::Single,
        _ => Breaks::Blank,
    }
}

/// Whole-document line statistics, computed once per document.
#[derive(Debug, Clone, Copy)]
pub(super) struct Layout {
    /// The document is hard-wrapped prose: line breaks mostly fall mid-sentence.
    pub wrapped: bool,
    /// The wrap width: characters in the 90th-percentile line (robust to a
    /// few long unwrapped lines, such as URLs or tables, in wrapped text).
    width: usize,
}

impl Layout {
    /// Measures the lines of `text` (one linear pass).
    pub fn analyze(text: &str) -> Self {
        let mut widths = Vec::new();
        let (mut breaks, mut mid_sentence) = (0usize, 0usize);
        let mut prev: Option<&str> = None;
        for range in line_ranges(text) {
            if range.end == text.len() && range.start == 0 {
                // A single line: no line breaks to judge.
                return Layout { wrapped: false, width: 0 };
            }
            let line = text[range].trim_end();
            if line.trim_start().is_empty() {
                prev = None;
                continue;
            }
            widths.push(line.chars().count());
            if let Some(p) = prev
                && !starts_list_item(line)
            {
                breaks += 1;
                if !ends_with_terminal(p) {
                    mid_sentence += 1;
                }
            }
            prev = Some(line);
        }
        let rank = widths.len() * 9 / 10;
        let width = if widths.is_empty() { 0 } else { *widths.select_nth_unstable(rank).1 };
        let wrapped = width >= MIN_WRAP_WIDTH && 2 * mid_sentence > breaks;
        Layout { wrapped, width }
    }

    /// Whether the single line break after `line` (no final punctuation;
    /// from the line start to its last non-whitespace character), before the
    /// text starting `next`, ends a sentence.
    pub fn is_hard_break(&self, line: &str, next: &str) -> bool {
        if !self.wrapped || starts_list_item(next) {
            return true;
        }
        if next.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let first_word = next.split(char::is_whitespace).next().unwrap_or("");
        // A wrap happened if the next word would have overflowed the wrap width.
        line.chars().count() + 1 + first_word.chars().count() <= self.width
    }
}

/// Byte ranges of the lines of `text`, without their terminators: "\n",
/// "\r\n", "\r", vertical tab, form feed, U+0085, U+2028 and U+2029 (the
/// line breaks of [`is_line_break`]). Scans bytes, not chars.
pub(super) fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let line_start = start?;
        let mut i = line_start;
        while i < bytes.len() {
            i = skip_printable_ascii(bytes, i);
            let Some(&byte) = bytes.get(i) else { break };
            let terminator = match byte {
                b'\n' | 0x0B | 0x0C => 1,
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
                b'\r' => 1,
                0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
                _ => {
                    i += 1;
                    continue;
                }
            };
            start = Some(i + terminator);
            return Some(line_start..i);
        }
        start = None;
        Some(line_start..bytes.len())
    })
}

/// The first index from `i` whose byte may start a line break: at most a few
/// bytes before the first byte below 0x20 or above 0x7F (every line
/// terminator starts with one), or `bytes.len()`. Skips 8 bytes at a time.
pub(super) fn skip_printable_ascii(bytes: &[u8], mut i: usize) -> usize {
    const LOW: u64 = u64::from_ne_bytes([0x20; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_ne_bytes(chunk.try_into().expect("8 bytes"));
        // A byte below 0x20 borrows (sets its high bit) in `x - LOW`, unless a
        // lower byte borrowed first; a byte above 0x7F has its high bit set in `x`.
        if (x.wrapping_sub(LOW) | x) & HIGH != 0 {
            return i;
        }
        i += 8;
    }
    i
}

/// Whether a line ends with sentence punctuation, possibly followed by closers.
pub(super) fn ends_with_terminal(line: &str) -> bool {
    line.trim_end().trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminal)
}

/// Whether a line (already left-trimmed) starts with a list bullet or
/// enumerator: "•", "-", "*", "1.", "2)", "a.", "(3)".
pub(super) fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if is_bullet(c) => return true,
        Some('-' | '*' | '+' | '–' | '—') => return chars.next().is_some_and(char::is_whitespace),
        _ => {}
    }
    let token = line.split(char::is_whitespace).next().unwrap_or("");
    let token = token.strip_prefix('(').unwrap_or(token);
    token.len() < line.len() && parse_enumerator(token).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_breaks() {
        assert_eq!(breaks_in("  "), Breaks::None);
        assert_eq!(breaks_in(" \r\n "), Breaks::Single);
        assert_eq!(breaks_in("\n \n"), Breaks::Blank);
        assert_eq!(breaks_in("\r\n\r\n"), Breaks::Blank);
        assert_eq!(breaks_in("\u{2029}"), Breaks::Blank);
    }

    #[test]
    fn line_ranges_split_at_every_terminator() {
        let text = "a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g\u{0C}h\n";
        let lines: Vec<&str> = line_ranges(text).map(|r| &text[r]).collect();
        assert_eq!(lines, ["a", "b", "c", "d", "e", "f", "g", "h", ""]);
        assert_eq!(line_ranges("").map(|r| (r.start, r.end)).collect::<Vec<_>>(), [(0, 0)]);
        assert_eq!(line_ranges("\u{2027}x").count(), 1);
    }

    /// The straightforward scan: split at each terminator, byte by byte.
    fn reference_lines(text: &str) -> Vec<&str> {
        let mut lines = Vec::new();
        let mut rest = text;
        while let Some(i) = rest.find(['\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}']) {
            lines.push(&rest[..i]);
            let skip = if rest[i..].starts_with("\r\n") {
                2
            } else {
                rest[i..].chars().next().map_or(1, char::len_utf8)
            };
            rest = &rest[i + skip..];
        }
        lines.push(rest);
        lines
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn line_ranges_equal_the_reference(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "a", "Bc. ", "0123456789", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}",
                "\u{2029}", "\u{2027}", "\u{c2}", "\u{1f}", "\u{7f}", "é", "\t"][..]), 0..40)
        ) {
            let text = pieces.concat();
            let lines: Vec<&str> = line_ranges(&text).map(|r| &text[r]).collect();
            proptest::prop_assert_eq!(lines, reference_lines(&text));
        }
    }

    #[test]
    fn one_paragraph_per_line_is_not_wrapped() {
        let text = "Headline here\nFirst paragraph is one long line. It ends.\nSecond one ends too.\n";
        assert!(!Layout::analyze(text).wrapped);
    }

    #[test]
    fn hard_wrapped_prose_is_detected_and_joined() {
        let text = "The committee met on Tuesday to discuss the budget and\n\
                    agreed that spending on Roads should rise by a tenth\n\
                    next year. Members also voted to close the old depot.\n";
        let layout = Layout::analyze(text);
        assert!(layout.wrapped);
        // Lower-case continuation, and a capitalized word that would not fit: both wraps.
        assert!(!layout.is_hard_break("The committee met on Tuesday to discuss the budget and", "agreed"));
        assert!(
            !layout
                .is_hard_break("The committee met on Tuesday to discuss the budget and", "Roads should rise")
        );
        // A short line followed by a capitalized word that would have fitted: a headline.
        assert!(layout.is_hard_break("Budget news", "The committee"));
        assert!(layout.is_hard_break("spending on", "- roads"));
    }

    #[test]
    fn one_long_unwrapped_line_does_not_hide_the_wrap_width() {
        let line = "a wrapped line of prose that runs for about sixty characters";
        let mut text = format!("{line}\nhttps://example.com/{}\n", "x".repeat(300));
        for _ in 0..12 {
            text.push_str(line);
            text.push('\n');
        }
        let layout = Layout::analyze(&text);
        assert!(layout.wrapped);
        assert!(!layout.is_hard_break(line, "Capitalized"));
    }

    #[test]
    fn list_items() {
        assert!(starts_list_item("- Reduced corporate tax"));
        assert!(starts_list_item("• item"));
        assert!(starts_list_item("2. The second"));
        assert!(starts_list_item("(b) second"));
        assert!(!starts_list_item("-5 degrees"));
        assert!(!starts_list_item("2004. That year"));
        assert!(!starts_list_item("The end"));
    }
}
