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

use super::lexicon::{is_bullet, is_closer, is_line_break, is_terminal};
use super::lists::parse_enumerator;

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
    /// Characters in the widest line.
    width: usize,
}

impl Layout {
    /// Measures the lines of `text` (one linear pass).
    pub fn analyze(text: &str) -> Self {
        if !text.contains(is_line_break) {
            return Layout { wrapped: false, width: text.chars().count() };
        }
        let mut width = 0;
        let (mut breaks, mut mid_sentence) = (0usize, 0usize);
        let mut prev: Option<&str> = None;
        for line in text.split('\n').flat_map(|l| l.split(|c: char| is_line_break(c) && c != '\r')) {
            let line = line.trim_end();
            width = width.max(line.chars().count());
            if line.trim_start().is_empty() {
                prev = None;
                continue;
            }
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
        let wrapped = width >= MIN_WRAP_WIDTH && 2 * mid_sentence > breaks;
        Layout { wrapped, width }
    }

    /// Whether the single line break after `line` (no final punctuation),
    /// before the text starting `next`, ends a sentence.
    pub fn is_hard_break(&self, line: &str, next: &str) -> bool {
        if !self.wrapped || starts_list_item(next) {
            return true;
        }
        if next.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let first_word = next.split(char::is_whitespace).next().unwrap_or("");
        // A wrap happened if the next word would have overflowed the widest line.
        line.trim().chars().count() + 1 + first_word.chars().count() <= self.width
    }
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
