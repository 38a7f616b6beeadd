//! UAX #29 sentence boundaries, computed by unicode-segmentation on small
//! windows instead of the whole text.
//!
//! A UAX #29 sentence boundary only ever follows a paragraph separator or a
//! run "SATerm Close* Sp*" (rules SB4 and SB11), and every rule looks behind
//! no further than that run plus one character (SB7) and ahead no further
//! than the first letter (SB8 skips digits and symbols). So between an ASCII
//! letter and a following ASCII letter or digit there is never a boundary,
//! and no rule looks across such a pair. Cutting the text at those pairs
//! ("safe points") and running the UAX #29 iterator only
//! on the pieces that contain a possible trigger (".", "!", "?", a line break,
//! or any non-ASCII character) gives exactly the boundaries of the whole
//! text, while the iterator reads a few bytes per sentence instead of all of
//! them.
//!
//! A window of ASCII text, nearly every one, goes through `ascii_boundaries`,
//! the iterator's state machine over a byte table instead of a binary
//! search of the Unicode table per character.
//!
//! Owns: candidate boundaries, identical to
//! `text.split_sentence_bound_indices()`. Never applies English rules.

use unicode_segmentation::UnicodeSegmentation;

/// The UAX #29 sentence boundaries of `text`, excluding 0 and `text.len()`,
/// in increasing order.
pub(super) fn sentence_boundaries(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let is_safe = |p: usize| {
        p > 0 && p < bytes.len() && bytes[p - 1].is_ascii_alphabetic() && bytes[p].is_ascii_alphanumeric()
    };
    let mut boundaries = Vec::new();
    let mut done = 0;
    while let Some(trigger) = next_trigger(bytes, done) {
        let mut start = trigger;
        while start > done && !is_safe(start) {
            start -= 1;
        }
        let mut end = trigger + 1;
        while end < bytes.len() && !is_safe(end) {
            end += 1;
        }
        // Safe points sit between ASCII bytes, so both ends are char boundaries.
        let window = &text[start..end];
        if window.is_ascii() {
            ascii_boundaries(window.as_bytes(), start, &mut boundaries);
        } else {
            boundaries.extend(window.split_sentence_bound_indices().skip(1).map(|(i, _)| start + i));
        }
        done = end;
    }
    boundaries
}

/// UAX #29 sentence-break classes of ASCII characters, as unicode-segmentation's
/// tables give them (ASCII has no Sep, OLetter, Extend or Format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Other,
    Cr,
    Lf,
    /// Tab, vertical tab, form feed, space.
    Sp,
    Lower,
    Upper,
    Numeric,
    /// `.`
    ATerm,
    /// `!` `?`
    STerm,
    /// `"` `'` `(` `)` `[` `]` `{` `}`
    Close,
    /// `,` `-` `:` `;`
    SContinue,
}

fn class(b: u8) -> Class {
    match b {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        b'\t' | 0x0B | 0x0C | b' ' => Class::Sp,
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Numeric,
        b'.' => Class::ATerm,
        b'!' | b'?' => Class::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        _ => Class::Other,
    }
}

/// What unicode-segmentation's iterator remembers of the characters before
/// a position (its `StatePart`): runs of Close and of Sp count as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Start,
    Other,
    Cr,
    Lf,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four [`Part`]s, the latest last.
type State = [Part; 4];

/// Pushes `offset + i` for each sentence boundary `i` of an ASCII `window`
/// other than 0 and `window.len()`: exactly
/// `split_sentence_bound_indices().skip(1)`, whose state machine this is, on
/// a byte table instead of a binary search of the Unicode table.
fn ascii_boundaries(window: &[u8], offset: usize, boundaries: &mut Vec<usize>) {
    let is_term = |p: Part| matches!(p, Part::ATerm | Part::STerm);
    // The Part at `i` after stepping back over at most one SpPlus, then one ClosePlus.
    let skip = |s: &State, mut i: usize, over_sp: bool| {
        if over_sp && s[i] == Part::SpPlus {
            i -= 1;
        }
        if s[i] == Part::ClosePlus {
            i -= 1;
        }
        s[i]
    };
    let mut state: State = [Part::Start; 4];
    for (pos, &b) in window.iter().enumerate() {
        let cat = class(b);
        let before = state;
        state = match (before[3], cat) {
            (Part::ClosePlus, Class::Close) | (Part::SpPlus, Class::Sp) => before,
            _ => {
                let part = match cat {
                    Class::Cr => Part::Cr,
                    Class::Lf => Part::Lf,
                    Class::ATerm => Part::ATerm,
                    Class::Upper | Class::Lower => Part::UpperLower,
                    Class::Close => Part::ClosePlus,
                    Class::Sp => Part::SpPlus,
                    Class::STerm => Part::STerm,
                    _ => Part::Other,
                };
                [before[1], before[2], before[3], part]
            }
        };
        // SATerm Close* Sp* before this character (rules SB8a, SB10).
        let after_term_close_sp = is_term(skip(&before, 3, true));
        let boundary = match cat {
            _ if before[3] == Part::Start => false,
            // SB3, SB4: CR × LF; a break after CR or LF.
            Class::Lf if before[3] == Part::Cr => false,
            _ if matches!(before[3], Part::Cr | Part::Lf) => true,
            // SB6, SB7: "3.5", "U.S".
            Class::Numeric if before[3] == Part::ATerm => false,
            Class::Upper if before[2] == Part::UpperLower && before[3] == Part::ATerm => false,
            // SB8: ATerm Close* Sp* × (not a letter, break or terminal)* Lower.
            _ if skip(&before, 3, true) == Part::ATerm
                && window[pos..].iter().map(|&b| class(b)).find(|c| {
                    matches!(
                        c,
                        Class::Lower | Class::Upper | Class::Cr | Class::Lf | Class::STerm | Class::ATerm
                    )
                }) == Some(Class::Lower) =>
            {
                false
            }
            Class::SContinue | Class::STerm | Class::ATerm if after_term_close_sp => false,
            // SB9: SATerm Close* × (Close | Sp | ParaSep).
            Class::Close | Class::Sp | Class::Cr | Class::Lf if is_term(skip(&before, 3, false)) => false,
            Class::Sp | Class::Cr | Class::Lf if after_term_close_sp => false,
            // SB11: SATerm Close* Sp* ParaSep? ÷
            _ => {
                let i = if matches!(before[3], Part::Cr | Part::Lf) { 2 } else { 3 };
                is_term(skip(&before, i, true))
            }
        };
        if boundary {
            boundaries.push(offset + pos);
        }
    }
}

/// Whether a byte may trigger a boundary: a full stop, "!", "?", a line
/// break, or any byte of a non-ASCII character.
fn is_trigger(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r' | 0x80..)
}

/// The first index from `i` whose byte [`is_trigger`], 8 bytes at a time.
fn next_trigger(bytes: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = ONES * 0x80;
    // High bit of each byte: that byte of `v` is not zero (exact per byte:
    // the sum of two 7-bit values never carries into the next byte).
    let nonzero = |v: u64| (((v & !HIGH) + !HIGH) | v) & HIGH;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let other = [b'.', b'!', b'?', b'\n', b'\r']
            .iter()
            .fold(HIGH, |all, &c| all & nonzero(x ^ (ONES * u64::from(c))));
        let hits = (x & HIGH) | (!other & HIGH);
        if hits != 0 {
            return Some(i + hits.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..].iter().position(|&b| is_trigger(b)).map(|offset| i + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole_text(text: &str) -> Vec<usize> {
        text.split_sentence_bound_indices().skip(1).map(|(i, _)| i).collect()
    }

    proptest::proptest! {
        #[test]
        fn next_trigger_finds_the_first_trigger_byte(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            let expected = (from..bytes.len()).find(|&i| is_trigger(bytes[i]));
            proptest::prop_assert_eq!(next_trigger(&bytes, from), expected);
        }

        #[test]
        fn next_trigger_in_printable_ascii(text in "[ -~\t\n\r]{0,40}") {
            let expected = text.bytes().position(is_trigger);
            proptest::prop_assert_eq!(next_trigger(text.as_bytes(), 0), expected);
        }
    }

    #[test]
    fn equals_the_whole_text_iterator() {
        for text in [
            "",
            "No boundary here",
            "Hello World. My name is Jonas.",
            "U.S.A. last year. e.g. This!Next? \"Quoted.\" (Paren.) next",
            "Line one\nLine two\r\nLine three\r\rEnd",
            "Caf\u{e9}. \u{c9}t\u{e9} \u{2026} fin\u{3002}\u{65e5}\u{672c}\u{ff01}x",
            "a\u{301}. B\u{200d}. C",
            "3.5 and 5.1.2. Then 1026.253.553. That",
            "...!!?? ..  .\n\n.",
            // SB8 looks past digits and symbols for a lower-case letter.
            ".\"0a",
            ".\u{2026}7a",
        ] {
            assert_eq!(sentence_boundaries(text), whole_text(text), "{text:?}");
        }
    }

    /// Bytes of every ASCII sentence-break class, weighted towards terminals, closers and breaks.
    const ASCII: &str = "aZ7 \t\x0b\x0c\n\r.!?\"'()[]{},-:;_&";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        #[test]
        fn ascii_boundaries_equal_unicode_segmentation(
            picks in proptest::collection::vec(0..ASCII.len(), 0..30)
        ) {
            let text: String = picks.iter().map(|&i| ASCII.as_bytes()[i] as char).collect();
            let mut boundaries = Vec::new();
            ascii_boundaries(text.as_bytes(), 0, &mut boundaries);
            proptest::prop_assert_eq!(boundaries, whole_text(&text), "{:?}", text);
        }

        #[test]
        fn ascii_boundaries_equal_unicode_segmentation_on_any_ascii(text in "[\\x00-\\x7f]{0,60}") {
            let mut boundaries = Vec::new();
            ascii_boundaries(text.as_bytes(), 0, &mut boundaries);
            proptest::prop_assert_eq!(boundaries, whole_text(&text));
        }
    }

    #[test]
    fn ascii_boundaries_by_hand() {
        // SB11 after "d. " and after "!\n"; SB8 (lower case next), SB6 ("3.5"), SB7 ("U.S") none.
        let text = "Word. The end! \nNext e.g. this 3.5 U.S. No";
        let mut boundaries = Vec::new();
        ascii_boundaries(text.as_bytes(), 0, &mut boundaries);
        assert_eq!(boundaries, [6, 16, text.find("No").unwrap()]);
    }

    /// Characters of every UAX #29 sentence-break class that matters here.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "7",
        " ",
        "\t",
        "\u{b}",
        "\u{c}",
        "\n",
        "\r",
        "\r\n",
        "\u{85}",
        "\u{2028}",
        "\u{2029}",
        ".",
        "!",
        "?",
        "\u{2026}",
        "\u{3002}",
        "\u{ff01}",
        "\u{964}",
        "\"",
        "'",
        "(",
        ")",
        "[",
        "\u{201d}",
        "\u{ab}",
        ",",
        "-",
        ":",
        ";",
        "\u{301}",
        "\u{200d}",
        "\u{ad}",
        "\u{e9}",
        "\u{c9}",
        "\u{3b1}",
        "\u{65e5}",
        "\u{ff21}",
        "\u{a0}",
        "\u{3000}",
        "\u{1f642}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        #[test]
        fn windows_equal_the_whole_text_iterator(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60)
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(sentence_boundaries(&text), whole_text(&text), "{:?}", text);
        }

        #[test]
        fn windows_equal_on_arbitrary_unicode(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(sentence_boundaries(&text), whole_text(&text));
        }
    }
}
