//! The English rules applied to each UAX #29 sentence boundary: keep it, drop
//! it, or move it.
//!
//! A candidate boundary sits in a whitespace gap between the end of one piece
//! of text and the start of the next. The rules look at the punctuation
//! before the gap (full stop, "!"/"?", ellipsis, closers), the word it ends,
//! and the word after the gap:
//!
//! - a lower-case next word continues the sentence ("Yahoo! in", "Co. at");
//! - "[...]", "(!)": punctuation enclosed in brackets is not a boundary;
//! - ellipses: a spaced ". . ." is an omission inside a sentence; four dots
//!   end it, and in "word. . . . Next" the period after the word ends it and
//!   the ellipsis opens the next sentence (MLA style);
//! - a full stop after an abbreviation (see [`lexicon`](super::lexicon)),
//!   an initial, a dotted acronym or a list marker ends a sentence only when
//!   the next word commonly opens one;
//! - closing quotes and brackets after the gap ("said . '' Next", tokenized
//!   text) stay with the sentence they close.
//!
//! Line breaks are decided by [`lines`](super::lines). Owns: the per-boundary
//! decision. Never scans further than a few words either side, so the whole
//! segmentation stays linear in the text length.

use super::lexicon::{
    is_ambiguous, is_before_number, is_closer, is_exclamation_name, is_line_break, is_never_final, is_opener,
    is_sentence_opener, is_terminal, is_title, is_unambiguous_closer,
};
use super::lines::{Breaks, Layout, breaks_in};
use super::lists::Lists;

/// Longest token (bytes) examined as an abbreviation or a next word; longer
/// tokens are ordinary words. Bounds the work per boundary.
const MAX_WORD: usize = 48;
/// Longest run of closers or punctuation examined around a boundary.
const MAX_PUNCT: usize = 64;

/// What the rules need to know about the whole document.
pub(super) struct Context<'a> {
    /// The document.
    pub text: &'a str,
    /// Its line statistics.
    pub layout: Layout,
    /// Its list markers.
    pub lists: &'a Lists,
}

/// Decides the candidate boundary in the whitespace gap `end..next` (`end`:
/// just after the previous text; `next`: first character of the following
/// text). Returns where to cut, or `None` when the sentence goes on.
pub(super) fn decide(cx: &Context, end: usize, next: usize) -> Option<usize> {
    let text = cx.text;
    if next >= text.len() {
        return Some(end);
    }
    let breaks = breaks_in(&text[end..next]);
    match breaks {
        Breaks::Blank => return Some(end),
        Breaks::Single if !cx.layout.wrapped => return Some(end),
        _ => {}
    }
    let Some(term) = Terminal::before(text, end) else {
        if breaks == Breaks::Single {
            let line_start = text[..end].rfind(is_line_break).map_or(0, |i| i + char_len_at(text, i));
            return cx.layout.is_hard_break(&text[line_start..end], &text[next..]).then_some(end);
        }
        return Some(end);
    };
    let (cut, following) = match closing_run(text, next) {
        Some(after) => (after, after + leading_whitespace(&text[after..])),
        None => (end, next),
    };
    match judge(cx, &term, &Next::at(text, following)) {
        Verdict::Keep => Some(cut),
        Verdict::Drop => None,
        Verdict::CutAt(pos) => Some(pos),
    }
}

/// What to do with one boundary.
enum Verdict {
    Keep,
    Drop,
    /// Keep a boundary, but earlier than the gap (inside the punctuation).
    CutAt(usize),
}

/// The kind of sentence-final punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One full stop.
    Stop,
    /// Contains "!" or "?".
    Exclaim,
    /// Several dots or "…"; `spaced` for ". . .".
    Ellipsis { dots: usize, spaced: bool },
}

/// The punctuation ending the text before a boundary.
struct Terminal<'a> {
    /// Byte offset of the first punctuation character.
    start: usize,
    kind: Kind,
    /// The token before the punctuation (empty if a space precedes it, `None`
    /// if longer than [`MAX_WORD`]).
    word: Option<&'a str>,
    /// The punctuation sits inside brackets: "[...]", "(!)".
    enclosed: bool,
}

impl<'a> Terminal<'a> {
    /// Finds the terminal punctuation (possibly followed by closers) ending at `end`.
    fn before(text: &'a str, end: usize) -> Option<Self> {
        let mut i = end;
        while let Some(c) = text[..i].chars().next_back()
            && is_closer(c)
            && end - i < MAX_PUNCT
        {
            i -= c.len_utf8();
        }
        let cluster_end = i;
        let (mut dots, mut exclaim, mut spaced) = (0, false, false);
        while let Some(c) = text[..i].chars().next_back()
            && cluster_end - i < MAX_PUNCT
        {
            if is_terminal(c) {
                match c {
                    '.' | '．' | '。' => dots += 1,
                    '…' => dots += 3,
                    _ => exclaim = true,
                }
            } else if c == ' ' && text[..i - 1].chars().next_back().is_some_and(is_terminal) {
                spaced = true;
            } else {
                break;
            }
            i -= c.len_utf8();
        }
        if i == cluster_end {
            return None;
        }
        let kind = match (exclaim, dots) {
            (true, _) => Kind::Exclaim,
            (false, 0 | 1) => Kind::Stop,
            (false, dots) => Kind::Ellipsis { dots, spaced },
        };
        let word = token_before(text, i);
        let enclosed = text[..i].ends_with(['[', '(']);
        Some(Terminal { start: i, kind, word, enclosed })
    }
}

/// The beginning of the text after a boundary.
struct Next<'a> {
    /// First character after any opening quotes or brackets.
    first: Option<char>,
    /// The run of letters starting there ("It" for "It's").
    word: &'a str,
}

impl<'a> Next<'a> {
    fn at(text: &'a str, pos: usize) -> Self {
        let rest = &text[pos..];
        let skip: usize = rest.chars().take_while(|&c| is_opener(c)).take(4).map(char::len_utf8).sum();
        let rest = &rest[skip..];
        let len: usize = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .scan(0, |total, l| {
                *total += l;
                (*total <= MAX_WORD).then_some(l)
            })
            .sum();
        Next { first: rest.chars().next(), word: &rest[..len] }
    }
}

fn judge(cx: &Context, term: &Terminal, next: &Next) -> Verdict {
    let Some(first) = next.first else { return Verdict::Keep };
    if term.enclosed || first.is_lowercase() {
        return Verdict::Drop;
    }
    let opener = is_sentence_opener(next.word);
    match term.kind {
        Kind::Exclaim if term.word.is_some_and(is_exclamation_name) && !opener => Verdict::Drop,
        Kind::Exclaim => Verdict::Keep,
        Kind::Ellipsis { dots, spaced } if dots >= 4 => {
            let attached = term.word.is_none_or(|w| !w.is_empty());
            if spaced && attached {
                Verdict::CutAt(term.start + char_len_at(cx.text, term.start))
            } else {
                Verdict::Keep
            }
        }
        Kind::Ellipsis { spaced, .. } => {
            if spaced {
                Verdict::Drop
            } else {
                Verdict::Keep
            }
        }
        Kind::Stop => judge_stop(cx, term, first, opener),
    }
}

/// A single full stop before a word that is not lower case.
fn judge_stop(cx: &Context, term: &Terminal, first: char, opener: bool) -> Verdict {
    if cx.lists.is_in_marker(term.start) {
        return Verdict::Drop;
    }
    let Some(token) = term.word else { return Verdict::Keep };
    let word = token.trim_start_matches(is_opener);
    let continues = if first.is_numeric() {
        is_before_number(word)
    } else if !first.is_uppercase() || word.is_empty() {
        false
    } else if is_never_final(word) {
        true
    } else if word == "I" {
        // "Albert I. Jones" vs "you and I. Did you".
        let previous_end = cx.text[..term.start - token.len()].trim_end().len();
        !opener && token_before(cx.text, previous_end).is_some_and(is_capitalized)
    } else if is_title(word) || is_initial(word) || is_dotted_acronym(word) || is_ambiguous(word) {
        !opener
    } else {
        false
    };
    if continues { Verdict::Drop } else { Verdict::Keep }
}

/// A single upper-case letter: "E" in "Jonas E. Smith".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Letters separated by periods, one or two letters each: "U.S", "a.m", "Ph.D".
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic))
}

/// Starts with an upper-case letter followed by a lower-case one: "Albert".
fn is_capitalized(word: &str) -> bool {
    let mut chars = word.trim_start_matches(is_opener).chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// The whitespace-delimited token ending at `end`: `Some("")` if whitespace
/// or the text start precedes `end`, `None` if longer than [`MAX_WORD`].
fn token_before(text: &str, end: usize) -> Option<&str> {
    let before = &text[..end];
    let mut start = end;
    for c in before.chars().rev() {
        if c.is_whitespace() {
            return Some(&before[start..]);
        }
        start -= c.len_utf8();
        if end - start > MAX_WORD {
            return None;
        }
    }
    Some(before)
}

/// After a boundary's gap: closers that belong to the previous sentence
/// ("said . '' Next"), followed by whitespace or the end. Returns the byte
/// just after them.
fn closing_run(text: &str, pos: usize) -> Option<usize> {
    let mut i = pos;
    while i - pos < MAX_PUNCT {
        let rest = &text[i..];
        if rest.starts_with("''") {
            i += 2;
        } else if let Some(c) = rest.chars().next().filter(|&c| is_unambiguous_closer(c)) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    (i > pos && text[i..].chars().next().is_none_or(char::is_whitespace)).then_some(i)
}

/// Byte length of the character starting at `i`.
fn char_len_at(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(0, char::len_utf8)
}

fn leading_whitespace(s: &str) -> usize {
    s.len() - s.trim_start().len()
}
