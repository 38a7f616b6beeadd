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
        boundaries.extend(text[start..end].split_sentence_bound_indices().skip(1).map(|(i, _)| start + i));
        done = end;
    }
    boundaries
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
