//! Word lists and character classes for the English rules: abbreviations by
//! how they behave before the next word, common sentence-initial words, and
//! the punctuation classes (terminals, closers, openers, bullets, line breaks).
//!
//! Owns: data only (plus trivial lookups). Never decides a boundary itself.
//! Lists are matched case-sensitively, so "Ill." (Illinois) does not capture
//! the adjective "ill.".

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Longest undotted abbreviation in the lists below, in bytes: longer words
/// before a full stop are ordinary words, whatever the lists say.
pub(super) const MAX_ABBREVIATION: usize = 7;

/// Abbreviations that stand before a number and never end a sentence there:
/// "p. 55", "No. 7", "Fig. 3", "Jan. 5", "N°. 1026".
const BEFORE_NUMBER: &[&str] = &[
    "No", "no", "Nos", "nos", "Nr", "nr", "N°", "n°", "№", "p", "pp", "P", "Pp", "Vol", "vol", "Vols",
    "vols", "Fig", "fig", "Figs", "figs", "Art", "art", "Arts", "Ch", "ch", "Chap", "chap", "Sec", "sec",
    "Sect", "sect", "Eq", "eq", "Eqs", "eqs", "Ref", "ref", "Refs", "refs", "Tab", "tab", "Op", "op", "Pt",
    "pt", "Para", "para", "Par", "par", "Ex", "ex", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "approx", "ca", "c", "v", "vs", "Rs", "Rev", "Ed", "ed", "Eds", "eds",
    "Col", "col", "Rt", "Hwy", "Apt", "Ste", "Rm", "Bldg", "Gen", "Num",
];

/// Titles and name prefixes: followed by a name, so a capitalized next word
/// does not start a new sentence ("Mr. Smith", "Mt. Fuji", "Gen. Will Jones").
/// "St." is ambiguous (Saint or Street) and listed with [`AMBIGUOUS`].
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof", "Profs", "Rev", "Revd",
    "Hon", "Fr", "Br", "Gen", "Lt", "Lieut", "Col", "Capt", "Cpt", "Cmdr", "Cdr", "Comdr", "Adm", "Maj",
    "Sgt", "Cpl", "Pvt", "Pfc", "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Pres", "Supt", "Insp", "Det",
    "Atty", "Amb", "Ald", "Msgr", "Mt", "Mts", "Ft", "Sta", "Sra", "Srta", "Hr", "Fmr",
];

/// Abbreviations that may or may not end a sentence ("Pitt, Briggs & Co. at
/// noon" / "... & Co. It closed"): a boundary only when the next word is a
/// common sentence opener. ("etc." is not here: before a capitalized word it
/// nearly always ends the sentence.)
const AMBIGUOUS: &[&str] = &[
    "St", "Co", "co", "Cos", "Corp", "corp", "Inc", "inc", "Ltd", "ltd", "Plc", "plc", "Jr", "jr", "Sr",
    "sr", "Bros", "Esq", "Ave", "ave", "Blvd", "Rd", "st", "Dept", "dept", "Univ", "Assn", "Assoc", "Inst",
    "Intl", "Natl", "Govt", "govt", "est", "al", "approx", "min", "max", "hr", "hrs", "sq", "ft", "lb",
    "lbs", "oz", "mi", "yr", "yrs", "mo", "mos", "wk", "wks", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
    "Sat", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla", "Ore",
    "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo", "Ph", "PhD", "Ed", "ed", "eds",
    "cit", "ibid", "Ibid",
];

/// Abbreviations that never end a sentence unless the text ends: "e.g. The
/// Times", "Lakers vs. Celtics". Dotted forms are compared without their
/// final period and lowercased ("e.g", "i.e").
const NEVER_FINAL: &[&str] = &["vs", "viz", "cf", "e.g", "i.e", "a.k.a", "eg", "ie"];

/// Names that contain "!" ("Yahoo! in" is caught by the lowercase rule; these
/// also survive a capitalized next word that is not a sentence opener).
const EXCLAMATION_NAMES: &[&str] = &["Yahoo", "Jeopardy", "Yum", "Y", "E"];

/// Verbs of saying: after a quotation ending in "!", "?" or "...", a name and
/// one of these continue the sentence (`"Why?" Smith asked.`).
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes", "shouted", "yelled",
    "screamed", "cried", "replied", "explained", "continued", "insisted", "recalled", "noted", "stated",
    "warned", "tweeted", "posted", "declared", "admitted", "joked", "laughed", "whispered", "exclaimed",
    "wondered", "argued", "claimed", "demanded", "pleaded", "remarked", "responded", "snapped",
];

/// Words that continue a time after "a.m."/"p.m.": weekdays, months, time
/// zones ("5 a.m. Monday", "9 p.m. ET").
#[rustfmt::skip]
const AFTER_TIME: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "ET", "EST", "EDT", "CT",
    "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "BST", "CET", "CEST", "UTC", "AEST", "IST",
    "JST", "Eastern", "Central", "Mountain", "Pacific", "Local",
];

/// Words that commonly open an English sentence: pronouns, determiners,
/// conjunctions, prepositions, sentence adverbs and auxiliaries. After an
/// ambiguous abbreviation, a capitalized next word from this list signals a
/// new sentence; any other capitalized word (a name) continues it. "Will"
/// and "May" are left out: in news they are more often names and months.
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "I", "You", "He", "She", "It", "We", "They", "This", "That", "These", "Those", "There", "Here", "What",
    "Who", "Whom", "Whose", "Which", "When", "Where", "Why", "How", "My", "Your", "His", "Her", "Its", "Our",
    "Their", "The", "A", "An", "Some", "Many", "Most", "All", "Each", "Every", "Any", "No", "None", "Both",
    "Few", "Several", "Such", "Another", "Other", "Others", "One", "But", "And", "Or", "So", "Yet", "Nor",
    "If", "Although", "Though", "While", "Whereas", "Because", "Since", "After", "Before", "As", "Once",
    "Until", "Unless", "However", "Meanwhile", "Moreover", "Furthermore", "Still", "Then", "Now", "Also",
    "Instead", "Indeed", "Thus", "Therefore", "Hence", "Later", "Earlier", "Today", "Yesterday", "Tomorrow",
    "Last", "Next", "Finally", "First", "Second", "Even", "Only", "Just", "Not", "Never", "Perhaps", "Maybe",
    "Yes", "Otherwise", "Overall", "Despite", "Under", "Over", "In", "On", "At", "For", "From", "By", "With",
    "Without", "Of", "To", "Into", "During", "Among", "According", "Like", "Unlike", "Do", "Does", "Did",
    "Is", "Are", "Was", "Were", "Would", "Can", "Could", "Should", "Shall", "Might", "Must", "Has", "Have",
    "Had", "Let", "Please", "Oh", "Well", "Sometimes", "Often", "Already", "Again", "Through", "Throughout",
    "Against", "Between", "Above", "Below", "Within", "Upon", "Following", "Shortly", "Asked", "More", "Much",
    "Less", "Nothing", "Everything", "Something", "Everyone", "Someone",
];

/// A word list as a hash set, built on first use: the rules ask at every
/// candidate boundary, and a set answers with one hash where the list
/// compares a word with each entry of its length.
type WordSet = LazyLock<FxHashSet<&'static str>>;

static BEFORE_NUMBER_SET: WordSet = LazyLock::new(|| BEFORE_NUMBER.iter().copied().collect());
static TITLE_SET: WordSet = LazyLock::new(|| TITLES.iter().copied().collect());
static AMBIGUOUS_SET: WordSet = LazyLock::new(|| AMBIGUOUS.iter().copied().collect());
static SENTENCE_OPENER_SET: WordSet = LazyLock::new(|| SENTENCE_OPENERS.iter().copied().collect());

/// Abbreviation that never ends a sentence before a number ("p. 55").
pub(super) fn is_before_number(word: &str) -> bool {
    BEFORE_NUMBER_SET.contains(word)
}

/// Title or name prefix ("Mr", "Dr", "Mt").
pub(super) fn is_title(word: &str) -> bool {
    TITLE_SET.contains(word)
}

/// Abbreviation that ends a sentence only before a sentence opener ("Co", "Inc").
pub(super) fn is_ambiguous(word: &str) -> bool {
    AMBIGUOUS_SET.contains(word)
}

/// Abbreviation that never ends a sentence before more text ("e.g", "vs").
pub(super) fn is_never_final(word: &str) -> bool {
    // The entries are lower case: equal ignoring ASCII case is equal once lowercased.
    word.len() <= 6 && NEVER_FINAL.iter().any(|entry| entry.eq_ignore_ascii_case(word))
}

/// Name spelt with "!" ("Yahoo").
pub(super) fn is_exclamation_name(word: &str) -> bool {
    EXCLAMATION_NAMES.contains(&word)
}

/// Verb of saying ("said", "asked").
pub(super) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}

/// Word continuing a clock time ("Monday", "ET").
pub(super) fn continues_time(word: &str) -> bool {
    AFTER_TIME.contains(&word)
}

/// Common sentence-initial word ("The", "He", "However").
pub(super) fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENER_SET.contains(word)
}

/// Sentence-final punctuation: full stop, question and exclamation marks,
/// ellipsis, and their full-width and doubled forms.
pub(super) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '．')
}

/// Characters that close a quotation or bracket and stay with the sentence
/// they follow ("great." she said / (engineer.) at).
pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）')
}

/// Closers that can only close, even when separated from the terminal by a
/// space as in tokenized text ("statement . ” Next"); straight quotes are
/// excluded because they open as often as they close (the tokenized closing
/// quote `''` is recognised as a pair by the caller).
pub(super) fn is_unambiguous_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | ')' | ']' | '}' | '）')
}

/// Characters that open a quotation or bracket before a word.
pub(super) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '`' | '「' | '『' | '（' | '¿' | '¡')
}

/// The first UTF-8 byte of every bullet of [`is_bullet`] (all lie in U+2000–U+2FFF).
pub(super) const BULLET_LEAD_BYTE: u8 = 0xE2;

/// List bullets that start a new item wherever they appear after a space.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
    )
}

/// Line terminators (the UAX #29 ParaSep and Sep classes plus vertical tab).
pub(super) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// How an enumerator is written: digits or a lower-case letter, then ".", ")" or ".)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Style {
    letter: bool,
    suffix: &'static str,
}

/// Parses an enumerator token: one or two digits or one ASCII lower-case
/// letter, then ".", ")" or ".)". Returns its style and value (a = 1).
pub(super) fn parse_enumerator(token: &str) -> Option<(Style, u32)> {
    let (body, suffix) = [".)", ".", ")"].iter().find_map(|s| token.strip_suffix(s).map(|b| (b, *s)))?;
    match body.as_bytes() {
        [c @ b'a'..=b'z'] => Some((Style { letter: true, suffix }, u32::from(c - b'a') + 1)),
        [b'0'..=b'9'] | [b'0'..=b'9', b'0'..=b'9'] => {
            Some((Style { letter: false, suffix }, body.parse().ok()?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_hold_exactly_their_lists() {
        type Lookup = fn(&str) -> bool;
        let lists: [(&[&str], Lookup); 4] = [
            (BEFORE_NUMBER, is_before_number),
            (TITLES, is_title),
            (AMBIGUOUS, is_ambiguous),
            (SENTENCE_OPENERS, is_sentence_opener),
        ];
        for (list, lookup) in lists {
            assert!(list.iter().all(|w| lookup(w)));
            // Case-sensitive, and no word outside the list.
            assert!(!lookup("co.") && !lookup("CO") && !lookup("") && !lookup("Zzz"));
        }
        assert!(is_never_final("E.G") && is_never_final("vs") && !is_never_final("v"));
    }

    #[test]
    fn every_bullet_starts_with_the_lead_byte() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32).filter(|&c| is_bullet(c)) {
            let mut utf8 = [0; 4];
            assert_eq!(c.encode_utf8(&mut utf8).as_bytes()[0], BULLET_LEAD_BYTE, "{c:?}");
        }
    }

    #[test]
    fn abbreviations_fit_the_length_guard_of_the_rules() {
        for word in BEFORE_NUMBER.iter().chain(TITLES).chain(AMBIGUOUS).chain(NEVER_FINAL) {
            assert!(word.len() <= MAX_ABBREVIATION || word.contains('.'), "{word}");
        }
    }

    #[test]
    fn lists_are_case_sensitive() {
        assert!(is_ambiguous("Ill"));
        assert!(!is_ambiguous("ill"));
        assert!(is_title("Mr"));
        assert!(!is_title("mr."));
    }

    #[test]
    fn never_final_ignores_case_of_dotted_forms() {
        assert!(is_never_final("e.g"));
        assert!(is_never_final("E.g"));
        assert!(!is_never_final("U.S"));
    }
}
