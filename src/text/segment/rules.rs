//! The English rules applied to each UAX #29 sentence boundary: keep it, drop
//! it, or move it.
//!
//! A candidate boundary sits in a whitespace gap between the end of one piece
//! of text and the start of the next. The rules look at the punctuation
//! before the gap (full stop, "!"/"?", ellipsis, closers), the word it ends,
//! and the word after the gap:
//!
//! - a lower-case next word continues the sentence ("Yahoo! in", "Co. at"),
//!   and so does a dash after "!"/"?" ("and — voilà! — you have cake");
//! - "[...]", "(!)": punctuation enclosed in brackets is not a boundary;
//! - ellipses: a spaced ". . ." is an omission inside a sentence; four dots
//!   end it, and in "word. . . . Next" the period after the word ends it and
//!   the ellipsis opens the next sentence (MLA style);
//! - a full stop after an ambiguous abbreviation ("Co.", "Inc.", see
//!   [`lexicon`](super::lexicon)), an initial or a dotted acronym ("U.S.")
//!   ends a sentence only when the next word commonly opens one ("The",
//!   "He"); after a list marker ("1.") or before a number following "No.",
//!   "p.", "Fig." it never does;
//! - after a title ("Mr.", "Gen.") a capitalized word is a name; after
//!   "a.m."/"p.m." only a weekday, month or time zone continues the sentence;
//! - a quotation ending in "!", "?" or "..." followed by a name and a verb
//!   of saying is one sentence (`"Why?" Smith asked.`);
//! - closing quotes and brackets after the gap ("said . '' Next", tokenized
//!   text) stay with the sentence they close.
//!
//! Line breaks are decided by [`lines`](super::lines). Owns: the per-boundary
//! decision. Never scans further than a few words either side (and, at a
//! line break, the line before it), so the whole segmentation stays linear
//! in the text length.

use super::languages::Profile;
use super::lexicon::{
    MAX_ABBREVIATION, continues_time, is_ambiguous, is_before_number, is_closer, is_exclamation_name,
    is_line_break, is_never_final, is_opener, is_sentence_opener, is_speech_verb, is_terminal, is_title,
    is_unambiguous_closer,
};
use super::lines::{Breaks, Layout, breaks_in};
use super::lists::Lists;

/// Longest token (bytes) examined as an abbreviation or a next word; longer
/// tokens are ordinary words. Bounds the work per boundary.
const MAX_WORD: usize = 48;
/// Longest run of closers or punctuation examined around a boundary.
const MAX_PUNCT: usize = 64;
/// Bytes after a boundary examined for an attribution (`Smith asked`).
const MAX_LOOKAHEAD: usize = 160;

/// What the rules need to know about the whole document.
pub(super) struct Context<'a> {
    /// The document.
    pub text: &'a str,
    /// Its line statistics.
    pub layout: Layout,
    /// Its list markers.
    pub lists: &'a Lists,
    /// The rules of its language; `None` for English (the lists of [`lexicon`](super::lexicon)).
    pub profile: Option<&'static Profile>,
}

/// Decides the candidate boundary in the whitespace gap `end..next` (`end`:
/// just after the previous text; `next`: first character of the following
/// text). Returns where to cut, or `None` when the sentence goes on.
pub(super) fn decide(cx: &Context, end: usize, next: usize) -> Option<usize> {
    let text = cx.text;
    if next >= text.len() {
        return Some(end);
    }
    if end == next
        && let Some(profile) = cx.profile
        && let Some(opening) = opening_after_terminal(text, end, profile)
    {
        // "顾客！“我们": UAX #29 keeps the opening quote on the sentence before.
        return Some(opening);
    }
    let breaks = breaks_in(&text[end..next]);
    match breaks {
        Breaks::Blank => return Some(end),
        Breaks::Single if !cx.layout.wrapped => return Some(end),
        _ => {}
    }
    let Some(mut term) = Terminal::before(text, end) else {
        if breaks == Breaks::Single {
            let line_start = text[..end].rfind(is_line_break).map_or(0, |i| i + char_len_at(text, i));
            return cx.layout.is_hard_break(&text[line_start..end], &text[next..]).then_some(end);
        }
        return Some(end);
    };
    let (cut, following) = match closing_run(text, next) {
        Some(after) => {
            term.quoted |= text[next..after].contains(is_quote);
            (after, after + leading_whitespace(&text[after..]))
        }
        None => (end, next),
    };
    match judge(cx, &term, &Next::at(text, following, breaks != Breaks::None)) {
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
    /// A closing quotation mark follows the punctuation: `"Why?"`.
    quoted: bool,
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
        let quoted = text[cluster_end..end].contains(is_quote);
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
        Some(Terminal { start: i, kind, word, enclosed, quoted })
    }
}

/// The beginning of the text after a boundary.
struct Next<'a> {
    /// First character after any opening quotes or brackets.
    first: Option<char>,
    /// The run of letters starting there ("It" for "It's").
    word: &'a str,
    /// The text from the next word on, at most [`MAX_LOOKAHEAD`] bytes.
    rest: &'a str,
    /// The next word starts a new line.
    after_line_break: bool,
}

impl<'a> Next<'a> {
    fn at(text: &'a str, pos: usize, after_line_break: bool) -> Self {
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
        let rest = prefix_within(rest, MAX_LOOKAHEAD);
        Next { first: rest.chars().next(), word: &rest[..len], rest, after_line_break }
    }
}

fn judge(cx: &Context, term: &Terminal, next: &Next) -> Verdict {
    let Some(first) = next.first else { return Verdict::Keep };
    if term.enclosed || first.is_lowercase() {
        return Verdict::Drop;
    }
    // `"Why?" Smith asked.` is one sentence; after a full stop (`"We will
    // appeal." Lawyers said ...`) a capitalized attribution usually starts anew.
    if term.quoted && term.kind != Kind::Stop && attribution_follows(next.rest) {
        return Verdict::Drop;
    }
    // "and — voilà! — you have cake": an exclamation set off by dashes.
    if term.kind == Kind::Exclaim && matches!(first, '—' | '–') && !next.after_line_break {
        return Verdict::Drop;
    }
    match term.kind {
        Kind::Exclaim if term.word.is_some_and(is_exclamation_name) && !is_sentence_opener(next.word) => {
            Verdict::Drop
        }
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
        Kind::Stop => match cx.profile {
            None => judge_stop(cx, term, first, next.word),
            Some(profile) => judge_stop_in(cx, profile, term, first, next.word),
        },
    }
}

/// A single full stop before a word that is not lower case, in a language
/// other than English: the same questions as [`judge_stop`], asked of the
/// language's lists, plus ordinals ("am 1. März") and list numbers opening a
/// sentence ("1. Aşağıda"). In scripts without case (Arabic, Devanagari) a
/// known abbreviation or a single letter ("ق.") never ends a sentence.
fn judge_stop_in(cx: &Context, profile: &Profile, term: &Terminal, first: char, next_word: &str) -> Verdict {
    if cx.lists.is_in_marker(term.start) {
        return Verdict::Drop;
    }
    // Abbreviations end in "."; an ideographic "。" always ends a sentence.
    if !cx.text[term.start..].starts_with('.') {
        return Verdict::Keep;
    }
    let Some(token) = term.word else { return Verdict::Keep };
    let word = token.trim_start_matches(is_opener);
    let token_start = term.start - token.len();
    let opener = || profile.is_opener(next_word);
    let cased = first.is_uppercase();
    let continues = if word.is_empty() {
        false
    } else if word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        opens_sentence(cx.text, token_start)
            || profile.ordinal_dot
                && (profile.is_month(next_word)
                    || token_before(cx.text, cx.text[..token_start].trim_end().len())
                        .is_some_and(|w| profile.is_before_ordinal(w)))
    } else if first.is_numeric() {
        profile.is_before_number(word) || is_dotted_acronym(word)
    } else if !first.is_alphabetic() {
        false
    } else if is_postscript(word) || profile.is_title(word) || profile.is_never_final(word) {
        true
    } else if is_dotted_acronym(word) || is_letter(profile, word) {
        // An initial ("M. Ю. Лермонтов"), "z. B.", "U.S.": a boundary only
        // before a sentence opener (unknowable without case).
        !cased || !opener()
    } else if profile.is_abbreviation(word) {
        // "ca. 12 Mio. Euro bzw. Butter": German capitalizes nouns; elsewhere
        // a capitalized word after an abbreviation starts a sentence.
        !cased || profile.capitalized_nouns && !opener()
    } else {
        false
    };
    if continues { Verdict::Drop } else { Verdict::Keep }
}

/// A single letter that is not a word of the language: an initial ("M",
/// "ق") or part of an abbreviation ("z" of "z. B."), but not the lower-case
/// words "я" or "a".
pub(super) fn is_letter(profile: &Profile, word: &str) -> bool {
    let mut chars = word.chars();
    let Some(c) = chars.next() else { return false };
    c.is_alphabetic() && chars.next().is_none() && !(c.is_lowercase() && profile.is_stop_word(word))
}

/// "P.S." (and "P.P.S."): a postscript goes on after it.
fn is_postscript(word: &str) -> bool {
    matches!(word, "P.S" | "P.P.S" | "PS" | "p.s")
}

/// Nothing but sentence-final punctuation (and closers) precedes `pos` on
/// its line: a token there opens a sentence.
fn opens_sentence(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    let trimmed = before.trim_end_matches(is_closer);
    before.is_empty() || trimmed.ends_with(is_terminal)
}

/// Opening punctuation after sentence-final punctuation with no space
/// between ("！“我们", "。「", "。《"): the byte offset of the first opening
/// character in the run of punctuation that ends at `end`, if the run
/// follows a terminal.
fn opening_after_terminal(text: &str, end: usize, profile: &Profile) -> Option<usize> {
    let mut i = end;
    let mut opening = None;
    while let Some(c) = text[..i].chars().next_back()
        && end - i < MAX_PUNCT
    {
        if is_opening(c, profile) {
            opening = Some(i - c.len_utf8());
        } else if is_terminal(c) || matches!(c, '।' | '॥' | '؟' | '۔') {
            return opening;
        } else if !is_closer(c) && !matches!(c, '》' | '〉' | '】' | '〕' | '〗' | '］' | '｝') {
            return None;
        }
        i -= c.len_utf8();
    }
    None
}

/// Punctuation that only opens a quotation or bracket (straight quotes
/// excluded: they may close).
fn is_opening(c: char, profile: &Profile) -> bool {
    matches!(
        c,
        '«' | '‹'
            | '„'
            | '('
            | '['
            | '{'
            | '「'
            | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '［'
            | '｛'
    ) || profile.curly_quotes_open && matches!(c, '“' | '‘')
}

/// A single full stop before a word that is not lower case.
fn judge_stop(cx: &Context, term: &Terminal, first: char, next_word: &str) -> Verdict {
    if cx.lists.is_in_marker(term.start) {
        return Verdict::Drop;
    }
    let Some(token) = term.word else { return Verdict::Keep };
    let word = token.trim_start_matches(is_opener);
    if word.len() > MAX_ABBREVIATION && !word.contains('.') {
        return Verdict::Keep;
    }
    let opener = || is_sentence_opener(next_word);
    let continues = if first.is_numeric() {
        // "p. 55", "No. 7"; "the U.S. 10-year yield" (a sentence rarely opens with digits).
        is_before_number(word) || is_dotted_acronym(word)
    } else if !first.is_uppercase() || word.is_empty() {
        false
    } else if is_never_final(word) {
        true
    } else if word == "I" {
        // "Albert I. Jones" vs "you and I. Did you".
        let previous_end = cx.text[..term.start - token.len()].trim_end().len();
        !opener() && token_before(cx.text, previous_end).is_some_and(is_capitalized)
    } else if is_title(word) {
        true
    } else if matches!(word, "a.m" | "p.m" | "A.M" | "P.M") {
        // "9 a.m. Monday", "9 p.m. ET" go on; "9 a.m. Police said" starts anew.
        continues_time(next_word)
    } else if is_initial(word) || is_dotted_acronym(word) || is_ambiguous(word) {
        !opener()
    } else {
        false
    };
    if continues { Verdict::Drop } else { Verdict::Keep }
}

/// After a quotation: one to three capitalized words and a verb of saying
/// (`"Why?" Smith asked.`, `"No!" Gen. Ann Lee shouted.`).
fn attribution_follows(rest: &str) -> bool {
    for (i, token) in rest.split_whitespace().take(4).enumerate() {
        let token = token.trim_end_matches([',', '.', ';', ':']);
        if i > 0 && is_speech_verb(token) {
            return true;
        }
        if !token.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// Quotation marks that may close a quotation.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
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

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn prefix_within(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Byte length of the character starting at `i`.
fn char_len_at(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(0, char::len_utf8)
}

fn leading_whitespace(s: &str) -> usize {
    s.len() - s.trim_start().len()
}
