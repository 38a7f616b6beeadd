//! Sentence boundaries that UAX #29 never proposes, for languages other than
//! English:
//!
//! - a dash opening a line of dialogue after a sentence ("вижу. -- Скоро",
//!   "corsés. — Eloy"): UAX #29 does not break before "-" (SContinue);
//! - a sentence opening with a number followed by a lower-case word
//!   ("yaklaştı. 2 su bardağı"): UAX #29 looks past the digits (SB8); the
//!   boundary is kept only after an ordinary word of four letters or more,
//!   never after an abbreviation ("ca. 10 Euro", "S. 12");
//! - Thai, written without sentence punctuation: a space between Thai
//!   letters ends a sentence, unless the next word is a conjunction or
//!   particle that continues one ("และ", "ซึ่ง", "แต่"), the space follows the
//!   repetition mark "ๆ" (always spaced), or either side of the space is a
//!   short phrase (fewer than [`THAI_MIN_PHRASE`] characters).
//!
//! Owns: finding these boundaries. Never changes the UAX #29 candidates.

use super::languages::Profile;
use super::lexicon::{is_closer, is_terminal};
use super::rules::is_letter;

/// Shortest Thai phrase (characters, up to the next or previous space) that
/// a space may end or start as a sentence.
const THAI_MIN_PHRASE: usize = 10;

/// Thai words that continue a sentence after a space: conjunctions,
/// relative and complement markers, prepositions and particles.
#[rustfmt::skip]
const THAI_CONTINUING: &[&str] = &[
    "และ", "แต่", "ซึ่ง", "หรือ", "โดย", "เพื่อ", "ที่", "ว่า", "ก็", "จึง", "เพราะ", "แล้ว", "ทั้ง", "ส่วน",
    "ถ้า", "หาก", "เมื่อ", "จน", "กับ", "ของ", "ใน", "จาก", "ให้", "ได้", "คือ", "เป็น", "อยู่", "ตาม", "นั้น",
    "นี้", "กล่าว", "อย่าง", "เช่น", "รวมถึง", "รวมทั้ง", "ขณะ", "ด้วย", "แม้", "หลังจาก", "ก่อน", "จะ",
];

/// Cut positions (byte offsets, just after the previous sentence) found in `text`.
pub(super) fn boundaries(text: &str, profile: &Profile) -> Vec<usize> {
    let mut cuts = Vec::new();
    if profile.space_separated {
        thai_spaces(text, &mut cuts);
    }
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(' ') {
        let Some(&after) = bytes.get(i + 1) else { break };
        let end = text[..i].trim_end().len();
        if end == 0 || end < i {
            continue;
        }
        if profile.dialogue_dashes && matches!(after, b'-' | 0xE2) && opens_dialogue(&text[i + 1..]) {
            cuts.extend(after_sentence(text, end, profile));
        } else if after.is_ascii_digit() && text[..end].ends_with('.') {
            let word = word_before(&text[..end - 1]);
            if word.chars().count() >= 4
                && word.chars().all(char::is_alphabetic)
                && !profile.is_before_number(word)
            {
                cuts.push(end);
            }
        }
    }
    cuts
}

/// `rest` opens with a dash ("-", "--", "–", "—"), a space and a capitalized word.
fn opens_dialogue(rest: &str) -> bool {
    let dashes = rest.trim_start_matches(['-', '–', '—']);
    let dash_len = rest.len() - dashes.len();
    (1..=6).contains(&dash_len)
        && dashes.starts_with(' ')
        && dashes[1..].chars().next().is_some_and(char::is_uppercase)
}

/// `end` (after closers) follows sentence-final punctuation that is not the
/// full stop of an abbreviation or initial.
fn after_sentence(text: &str, end: usize, profile: &Profile) -> Option<usize> {
    let before = text[..end].trim_end_matches(is_closer);
    let last = before.chars().next_back()?;
    if !is_terminal(last) {
        return None;
    }
    if last == '.' {
        let word = word_before(&before[..before.len() - 1]);
        if is_letter(profile, word) || profile.is_abbreviation(word) || profile.is_title(word) {
            return None;
        }
    }
    Some(end)
}

/// The run of non-whitespace characters ending `s`.
fn word_before(s: &str) -> &str {
    s.rsplit(char::is_whitespace).next().unwrap_or(s)
}

fn is_thai(c: char) -> bool {
    ('\u{0E01}'..='\u{0E5B}').contains(&c)
}

/// The Thai rule: see the module documentation.
fn thai_spaces(text: &str, cuts: &mut Vec<usize>) {
    let mut previous_space: Option<usize> = None;
    for (i, _) in text.match_indices(' ') {
        let start_of_phrase = previous_space.map_or(0, |p| p + 1);
        previous_space = Some(i);
        let before = &text[..i];
        let after = text[i..].trim_start_matches(' ');
        let (Some(last), Some(next)) = (before.chars().next_back(), after.chars().next()) else { continue };
        if !is_thai(last) || !is_thai(next) || last == 'ๆ' {
            continue;
        }
        let phrase_before = before[start_of_phrase.min(i)..].chars().count();
        let phrase_after = after.split(' ').next().map_or(0, |w| w.chars().count());
        if phrase_before < THAI_MIN_PHRASE || phrase_after < THAI_MIN_PHRASE {
            continue;
        }
        if THAI_CONTINUING.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        cuts.push(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn cuts(text: &str, language: Language) -> Vec<usize> {
        boundaries(text, Profile::of(language))
    }

    #[test]
    fn dialogue_dash_after_a_sentence() {
        let text = "Он ушёл. -- Скоро вернусь, -- сказал он.";
        assert_eq!(cuts(text, Language::Russian), [text.find(" --").unwrap()]);
        assert!(cuts("Vino el Sr. -- Juan", Language::Spanish).is_empty());
        assert!(cuts("Er kam. -- Dann", Language::German).is_empty(), "German has no dialogue rule");
    }

    #[test]
    fn sentence_opening_with_a_number() {
        let text = "Sonra babam yaklaştı. 2 su bardağı kaynatın.";
        assert_eq!(cuts(text, Language::Turkish), [text.find(" 2").unwrap()]);
        assert!(cuts("Es kostet ca. 10 Euro.", Language::German).is_empty());
        assert!(cuts("Siehe Abb. 3 oben.", Language::German).is_empty());
    }

    #[test]
    fn thai_spaces_between_long_phrases() {
        // "I eat fried rice with a fried egg every day. Tomorrow we go to the sea together."
        let first = "ฉันชอบกินข้าวผัดกับไข่ดาวทุกวัน";
        let second = "พรุ่งนี้เราจะไปเที่ยวทะเลด้วยกัน";
        let text = format!("{first} {second}");
        assert_eq!(cuts(&text, Language::Thai), [first.len()]);
        // A conjunction continues the sentence; short phrases stay together.
        assert!(cuts(&format!("{first} และชอบกินส้มตำด้วยเสมอ"), Language::Thai).is_empty());
        assert!(cuts("ข้าวผัด ไข่ดาว ส้มตำอร่อยมากจริงจริง", Language::Thai).is_empty());
    }
}
