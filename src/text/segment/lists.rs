//! List items written inline or line by line: "1.) The first item 2.) The
//! second item", "a. ... b. ...", "• 9. ... • 10. ...".
//!
//! A bullet ("•", "⁃", …) after a space always starts a new sentence. An
//! enumerator ("1.", "2)", "3.)", "a.") is a list marker when it opens a line
//! or follows a bullet; within the same line, the next enumerator of the same
//! style and the next value ("2." after "1.") is a marker too and starts a new
//! sentence. The period of a marker never ends a sentence.
//!
//! Owns: finding markers and the cuts they imply. Never looks at abbreviations.

use super::lexicon::{BULLET_LEAD_BYTE, Style, is_bullet, parse_enumerator};
use super::lines::line_ranges;
use std::ops::Range;

/// The list markers of a text and the sentence cuts they imply.
#[derive(Debug, Default)]
pub(super) struct Lists {
    /// Byte positions where a list item starts a new sentence, increasing.
    pub cuts: Vec<usize>,
    /// Byte ranges of enumerator markers, increasing and disjoint.
    markers: Vec<Range<usize>>,
}

impl Lists {
    /// Finds the list markers of `text` (one linear pass).
    pub fn scan(text: &str) -> Self {
        let mut lists = Lists::default();
        for line in line_ranges(text) {
            lists.scan_line(text, line);
        }
        lists
    }

    /// Whether byte `pos` lies inside an enumerator marker.
    pub fn is_in_marker(&self, pos: usize) -> bool {
        let i = self.markers.partition_point(|m| m.start <= pos);
        i > 0 && self.markers[i - 1].contains(&pos)
    }

    fn scan_line(&mut self, text: &str, line: Range<usize>) {
        // Without a bullet, only a line opening with an enumerator holds markers.
        let content = &text[line.clone()];
        let has_bullet = contains_bullet(content);
        if !has_bullet && content.split_whitespace().next().and_then(parse_enumerator).is_none() {
            return;
        }
        let mut tokens = tokens(content, line.start).peekable();
        let mut chain: Option<(Style, u32)> = None;
        let mut first = true;
        let mut after_bullet = false;
        while let Some(token) = tokens.next() {
            let has_next = tokens.peek().is_some();
            let mut range = token;
            let starts_with_bullet = text[range.clone()].chars().next().is_some_and(is_bullet);
            if starts_with_bullet {
                self.cuts.push(range.start);
                let bullet_len = text[range.clone()].chars().next().map_or(0, char::len_utf8);
                range.start += bullet_len;
            }
            let opens_item = first || after_bullet || starts_with_bullet;
            after_bullet = starts_with_bullet && range.is_empty();
            first = false;
            if range.is_empty() || !has_next {
                continue;
            }
            let Some((style, value)) = parse_enumerator(&text[range.clone()]) else { continue };
            if opens_item {
                self.markers.push(range);
                chain = Some((style, value + 1));
            } else if chain == Some((style, value)) {
                self.cuts.push(range.start);
                self.markers.push(range);
                chain = Some((style, value + 1));
            }
        }
    }
}

/// `s.contains(is_bullet)`, looking only at the lead bytes of bullets.
fn contains_bullet(s: &str) -> bool {
    memchr::memchr_iter(BULLET_LEAD_BYTE, s.as_bytes()).any(|i| s[i..].chars().next().is_some_and(is_bullet))
}

/// Whitespace-separated tokens of `s` as byte ranges offset by `base`.
fn tokens(s: &str, base: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start: Option<usize> = None;
    s.char_indices().chain(std::iter::once((s.len(), ' '))).filter_map(move |(i, c)| {
        if c.is_whitespace() {
            start.take().map(|st| base + st..base + i)
        } else {
            start.get_or_insert(i);
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_bullets_by_their_lead_byte() {
        for s in
            ["", "plain", "a \u{2019}quoted\u{2019}", "caf\u{e9}", "x \u{2022} y", "\u{2714}", "\u{27a4}z"]
        {
            assert_eq!(contains_bullet(s), s.contains(is_bullet), "{s:?}");
        }
    }

    #[test]
    fn enumerators() {
        assert_eq!(parse_enumerator("1.").map(|e| e.1), Some(1));
        assert_eq!(parse_enumerator("12)").map(|e| e.1), Some(12));
        assert_eq!(parse_enumerator("3.)").map(|e| e.1), Some(3));
        assert_eq!(parse_enumerator("c.").map(|e| e.1), Some(3));
        assert_eq!(parse_enumerator("123."), None);
        assert_eq!(parse_enumerator("A."), None);
        assert_eq!(parse_enumerator("1"), None);
        assert_ne!(parse_enumerator("1.").map(|e| e.0), parse_enumerator("1)").map(|e| e.0));
    }

    #[test]
    fn inline_chain_cuts_at_each_next_value() {
        let text = "1) First thing 2) Second thing 4) not next 3) Third";
        let lists = Lists::scan(text);
        assert_eq!(lists.cuts, vec![text.find("2)").unwrap(), text.find("3)").unwrap()]);
        assert!(lists.is_in_marker(1));
        assert!(!lists.is_in_marker(text.find("4)").unwrap()));
    }

    #[test]
    fn chain_needs_a_line_opening_marker() {
        assert!(Lists::scan("He scored 1. Then 2. Then more").cuts.is_empty());
    }

    #[test]
    fn bullets_cut_and_mark_following_enumerator() {
        let text = "• 9. Nine • 10. Ten";
        let lists = Lists::scan(text);
        assert_eq!(lists.cuts, vec![0, text.rfind('•').unwrap()]);
        assert!(lists.is_in_marker(text.find("9.").unwrap() + 1));
        assert!(lists.is_in_marker(text.find("10.").unwrap() + 2));
    }
}
