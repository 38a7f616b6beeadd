//! NLTK's Arabic Snowball stemmer (`nltk.stem.snowball.ArabicStemmer`,
//! NLTK 3.10, by Lakhdar Benzahia; Apache-2.0), ported line by line with its
//! quirks: `suffix_noun_step2b` iterates over the characters of `"ات"`, and
//! the flag `suffixes_verb_step1_success` is never reset between words, so
//! once one word has lost a verb suffix in step 1 every later word of the
//! same stemmer takes the step-2a/2c branch ([`ArabicState`]).
//!
//! `rust-stemmers`' Arabic (the Snowball original) differs from NLTK's on
//! about half of the words, hence this port.

use rustc_hash::FxHashSet;

/// What NLTK's stemmer object carries from one word to the next: its sticky
/// `suffixes_verb_step1_success` flag. A fresh stemmer starts with `false`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ArabicState {
    /// Some earlier word lost a verb suffix in step 1.
    pub verb_suffix_seen: bool,
}

const ALEF: char = '\u{627}';

/// Per-word flags of NLTK's stemmer (reset at every word).
#[derive(Default)]
struct Flags {
    is_verb: bool,
    is_noun: bool,
    is_defined: bool,
    verb_step2a: bool,
    verb_step2b: bool,
    noun_step2c2: bool,
    noun_step2a: bool,
    noun_step2b: bool,
    noun_step1b: bool,
    prefix_step2a: bool,
    prefix_step3a_noun: bool,
    prefix_step3b_noun: bool,
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn ends(word: &[char], suffix: &str) -> bool {
    let suffix = chars(suffix);
    word.ends_with(&suffix)
}

fn starts(word: &[char], prefix: &str) -> bool {
    let prefix = chars(prefix);
    word.starts_with(&prefix)
}

fn cut(word: &mut Vec<char>, n: usize) {
    word.truncate(word.len() - n);
}

fn strip(word: &mut Vec<char>, n: usize) {
    word.drain(..n);
}

/// Stems one word as `SnowballStemmer("arabic", ignore_stopwords=True)`
/// does, `state` being the stemmer's sticky flag before the word (updated).
pub(super) fn stem(word: &str, stop_words: &FxHashSet<&str>, state: &mut ArabicState) -> String {
    let original = chars(word);
    let mut f = Flags { is_verb: true, is_noun: true, ..Flags::default() };
    checks_1(&original, &mut f);
    checks_2(&original, &mut f);
    // Pre-normalization: vocalization, kasheeda and the characters of the
    // class `[\u060C-\u061B-\u061F]` (U+060C..U+061B, `-`, U+061F).
    let mut w: Vec<char> = original
        .iter()
        .copied()
        .filter(|&c| {
            !(('\u{64b}'..='\u{652}').contains(&c)
                || c == '\u{640}'
                || ('\u{60c}'..='\u{61b}').contains(&c)
                || c == '\u{61f}'
                || c == '-')
        })
        .collect();
    let normalized: String = w.iter().collect();
    if stop_words.contains(normalized.as_str()) || w.len() <= 2 {
        return normalized;
    }
    if f.is_verb {
        suffix_verb_step1(&mut w, state);
        if state.verb_suffix_seen {
            suffix_verb_step2a(&mut w, &mut f);
            if !f.verb_step2a {
                suffix_verb_step2c(&mut w);
            }
        } else {
            suffix_verb_step2b(&mut w, &mut f);
            if !f.verb_step2b {
                suffix_verb_step2a(&mut w, &mut f);
            }
        }
    }
    if f.is_noun {
        suffix_noun_step2c2(&mut w, &mut f);
        if !f.noun_step2c2 {
            if !f.is_defined {
                suffix_noun_step1a(&mut w);
                suffix_noun_step2a(&mut w, &mut f);
                if !f.noun_step2a {
                    suffix_noun_step2b(&mut w, &mut f);
                }
                if !f.noun_step2b && !f.noun_step2a {
                    suffix_noun_step2c1(&mut w);
                }
            } else {
                suffix_noun_step1b(&mut w, &mut f);
                if f.noun_step1b {
                    suffix_noun_step2a(&mut w, &mut f);
                    if !f.noun_step2a {
                        suffix_noun_step2b(&mut w, &mut f);
                    }
                    if !f.noun_step2b && !f.noun_step2a {
                        suffix_noun_step2c1(&mut w);
                    }
                } else {
                    if !f.is_defined {
                        suffix_noun_step2a(&mut w, &mut f);
                    }
                    suffix_noun_step2b(&mut w, &mut f);
                }
            }
        }
        // Step 3: ya' nisbiya.
        if w.last() == Some(&'\u{64a}') && w.len() >= 3 {
            cut(&mut w, 1);
        }
    }
    if !f.is_noun && f.is_verb && w.last() == Some(&'\u{649}') {
        *w.last_mut().expect("not empty") = '\u{64a}';
    }
    prefix_step1(&mut w);
    prefix_step2a(&mut w, &mut f);
    if !f.prefix_step2a {
        prefix_step2b(&mut w);
    }
    prefix_step3a_noun(&mut w, &mut f);
    if !f.prefix_step3a_noun && f.is_noun {
        prefix_step3b_noun(&mut w, &mut f);
    } else if !f.prefix_step3b_noun && f.is_verb {
        prefix_step3_verb(&mut w);
        prefix_step4_verb(&mut w, &mut f);
    }
    normalize_post(&mut w);
    w.into_iter().collect()
}

fn checks_1(w: &[char], f: &mut Flags) {
    for prefix in ["\u{643}\u{627}\u{644}", "\u{628}\u{627}\u{644}", "\u{627}\u{644}", "\u{644}\u{644}"] {
        if starts(w, prefix) {
            let three = prefix.chars().count() == 3;
            if (three && w.len() > 4) || (!three && w.len() > 3) {
                f.is_noun = true;
                f.is_verb = false;
                f.is_defined = true;
                break;
            }
        }
    }
}

fn checks_2(w: &[char], f: &mut Flags) {
    if (ends(w, "\u{629}") && w.len() > 2) || (ends(w, "\u{627}\u{62a}") && w.len() > 3) {
        f.is_noun = true;
        f.is_verb = false;
    }
}

fn suffix_verb_step1(w: &mut Vec<char>, state: &mut ArabicState) {
    const SUFFIXES: [&str; 12] = [
        "\u{647}",
        "\u{643}",
        "\u{646}\u{64a}",
        "\u{646}\u{627}",
        "\u{647}\u{627}",
        "\u{647}\u{645}",
        "\u{647}\u{646}",
        "\u{643}\u{645}",
        "\u{643}\u{646}",
        "\u{647}\u{645}\u{627}",
        "\u{643}\u{645}\u{627}",
        "\u{643}\u{645}\u{648}",
    ];
    for suffix in SUFFIXES {
        if ends(w, suffix) {
            // Every suffix of length k is in the conjugation list k, which
            // needs k + 3 letters.
            let k = suffix.chars().count();
            if w.len() >= k + 3 {
                cut(w, k);
                state.verb_suffix_seen = true;
                break;
            }
        }
    }
}

fn suffix_verb_step2a(w: &mut Vec<char>, f: &mut Flags) {
    const SUFFIXES: [&str; 11] = [
        "\u{62a}",
        "\u{627}",
        "\u{646}",
        "\u{64a}",
        "\u{646}\u{627}",
        "\u{62a}\u{627}",
        "\u{62a}\u{646}",
        "\u{627}\u{646}",
        "\u{648}\u{646}",
        "\u{64a}\u{646}",
        "\u{62a}\u{645}\u{627}",
    ];
    for (index, suffix) in SUFFIXES.into_iter().enumerate() {
        if ends(w, suffix) && w.len() > 3 {
            let (k, ok) = match index {
                0..=3 => (1, w.len() >= 4),
                4..=6 => (2, w.len() >= 5),
                7..=9 => (2, w.len() > 5),
                _ => (3, w.len() >= 6),
            };
            if ok {
                cut(w, k);
                f.verb_step2a = true;
                break;
            }
        }
    }
}

fn suffix_verb_step2c(w: &mut Vec<char>) {
    if ends(w, "\u{648}") && w.len() >= 4 {
        cut(w, 1);
    } else if ends(w, "\u{62a}\u{645}\u{648}") && w.len() >= 6 {
        cut(w, 3);
    }
}

fn suffix_verb_step2b(w: &mut Vec<char>, f: &mut Flags) {
    if (ends(w, "\u{648}\u{627}") || ends(w, "\u{62a}\u{645}")) && w.len() >= 5 {
        cut(w, 2);
        f.verb_step2b = true;
    }
}

fn suffix_noun_step2c2(w: &mut Vec<char>, f: &mut Flags) {
    if ends(w, "\u{629}") && w.len() >= 3 {
        cut(w, 1);
        f.noun_step2c2 = true;
    }
}

fn suffix_noun_step1a(w: &mut Vec<char>) {
    const SUFFIXES: [&str; 10] = [
        "\u{64a}",
        "\u{643}",
        "\u{647}",
        "\u{646}\u{627}",
        "\u{643}\u{645}",
        "\u{647}\u{627}",
        "\u{647}\u{646}",
        "\u{647}\u{645}",
        "\u{643}\u{645}\u{627}",
        "\u{647}\u{645}\u{627}",
    ];
    for suffix in SUFFIXES {
        if ends(w, suffix) {
            let k = suffix.chars().count();
            if w.len() >= k + 3 {
                cut(w, k);
                break;
            }
        }
    }
}

fn suffix_noun_step2a(w: &mut Vec<char>, f: &mut Flags) {
    if matches!(w.last(), Some('\u{627}' | '\u{64a}' | '\u{648}')) && w.len() > 4 {
        cut(w, 1);
        f.noun_step2a = true;
    }
}

/// NLTK iterates over the string `"ات"`: a word ending in either letter
/// loses two.
fn suffix_noun_step2b(w: &mut Vec<char>, f: &mut Flags) {
    if matches!(w.last(), Some('\u{627}' | '\u{62a}')) && w.len() >= 5 {
        cut(w, 2);
        f.noun_step2b = true;
    }
}

fn suffix_noun_step2c1(w: &mut Vec<char>) {
    if w.last() == Some(&'\u{62a}') && w.len() >= 4 {
        cut(w, 1);
    }
}

fn suffix_noun_step1b(w: &mut Vec<char>, f: &mut Flags) {
    if w.last() == Some(&'\u{646}') && w.len() > 5 {
        cut(w, 1);
        f.noun_step1b = true;
    }
}

fn prefix_step1(w: &mut Vec<char>) {
    // أأ, أآ, أؤ, أا, أإ become their second letter (the bare أ matches no branch).
    if w.len() > 3
        && w[0] == '\u{623}'
        && matches!(w[1], '\u{623}' | '\u{622}' | '\u{624}' | ALEF | '\u{625}')
    {
        strip(w, 1);
    }
}

fn prefix_step2a(w: &mut Vec<char>, f: &mut Flags) {
    if (starts(w, "\u{641}\u{627}\u{644}") || starts(w, "\u{648}\u{627}\u{644}")) && w.len() > 5 {
        strip(w, 3);
        f.prefix_step2a = true;
    }
}

fn prefix_step2b(w: &mut Vec<char>) {
    if matches!(w.first(), Some('\u{641}' | '\u{648}')) && w.len() > 3 && w[1] != ALEF {
        strip(w, 1);
    }
}

fn prefix_step3a_noun(w: &mut Vec<char>, f: &mut Flags) {
    for prefix in ["\u{627}\u{644}", "\u{644}\u{644}", "\u{643}\u{627}\u{644}", "\u{628}\u{627}\u{644}"] {
        if starts(w, prefix) {
            let k = prefix.chars().count();
            if k == 2 && w.len() > 4 {
                strip(w, 2);
                f.prefix_step3a_noun = true;
                break;
            }
            if k == 3 && w.len() > 5 {
                strip(w, 3);
                break;
            }
        }
    }
}

fn prefix_step3b_noun(w: &mut Vec<char>, f: &mut Flags) {
    for prefix in ["\u{628}", "\u{643}", "\u{644}", "\u{628}\u{628}", "\u{643}\u{643}"] {
        if starts(w, prefix) {
            let k = prefix.chars().count();
            if w.len() > 3 && (prefix == "\u{628}" || k == 2) {
                // ب is removed; بب and كك become their second letter.
                strip(w, 1);
                f.prefix_step3b_noun = true;
                break;
            }
            if k == 1 && prefix != "\u{628}" && w.len() > 4 {
                strip(w, 1);
                f.prefix_step3b_noun = true;
                break;
            }
        }
    }
}

fn prefix_step3_verb(w: &mut Vec<char>) {
    if w.len() > 4 && w[0] == '\u{633}' && matches!(w[1], '\u{64a}' | '\u{62a}' | '\u{646}' | '\u{623}') {
        strip(w, 1);
    }
}

fn prefix_step4_verb(w: &mut [char], f: &mut Flags) {
    for prefix in ["\u{64a}\u{633}\u{62a}", "\u{646}\u{633}\u{62a}", "\u{62a}\u{633}\u{62a}"] {
        if starts(w, prefix) && w.len() > 4 {
            w[0] = ALEF;
            f.is_verb = true;
            f.is_noun = false;
            break;
        }
    }
}

fn normalize_post(w: &mut [char]) {
    if let Some(last) = w.last_mut()
        && matches!(*last, '\u{623}' | '\u{625}' | '\u{622}' | '\u{624}' | '\u{626}')
    {
        *last = '\u{621}';
    }
    if let Some(first) = w.first_mut()
        && matches!(*first, '\u{622}' | '\u{623}' | '\u{625}')
    {
        *first = ALEF;
    }
    for c in w.iter_mut() {
        *c = match *c {
            '\u{624}' => '\u{648}',
            '\u{626}' => '\u{64a}',
            '\u{623}' | '\u{622}' | '\u{625}' => ALEF,
            other => other,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_as_nltk_with_its_flag_carried_over() {
        // NLTK 3.10.4, one SnowballStemmer("arabic", ignore_stopwords=True)
        // stemming these words in this order (its flag printed after each:
        // False, False, False, True, True).
        let stop_words: FxHashSet<&str> = FxHashSet::default();
        let mut state = ArabicState::default();
        let words = ["المدرسة", "كتبوا", "والمعلمون", "يستخدمونها", "سيكتبون"];
        let stems: Vec<String> = words.iter().map(|w| stem(w, &stop_words, &mut state)).collect();
        assert_eq!(stems, ["مدرس", "كتب", "معلم", "يستخدم", "سيكتب"]);
        assert!(state.verb_suffix_seen);
    }
}
