//! Python `str` semantics the reference implementations rely on: what
//! `str.isspace` calls whitespace, `str.split()` and `str.rstrip()`.

/// Whether Python's `str.isspace` holds for `c`: Unicode `White_Space`
/// (Rust's [`char::is_whitespace`]) plus the ASCII separators U+001C…U+001F,
/// which Python also splits on.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `text.split()`: the runs of non-whitespace characters.
pub fn split(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_space).filter(|token| !token.is_empty())
}

/// Python's `text.rstrip()`.
pub fn rstrip(text: &str) -> &str {
    text.trim_end_matches(is_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_python_on_unicode_and_information_separators() {
        let text = " a\u{1c}b\u{a0}c\u{3000}d\u{85}e\u{200b}f \t";
        assert_eq!(split(text).collect::<Vec<_>>(), ["a", "b", "c", "d", "e\u{200b}f"]);
        assert_eq!(rstrip("x \u{1f}\n"), "x");
        assert_eq!(split("").count(), 0);
    }
}
