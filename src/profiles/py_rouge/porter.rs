//! NLTK's `PorterStemmer` (`nltk/stem/porter.py`, NLTK 3.10.4) in the two
//! modes py-rouge uses: `ORIGINAL_ALGORITHM` (`ensure_compatibility=True`)
//! and the default `NLTK_EXTENSIONS` (`ensure_compatibility=False`).
//!
//! A rule-for-rule port of NLTK's code, mode switches included. What
//! `ORIGINAL_ALGORITHM` leaves out of `NLTK_EXTENSIONS`: the irregular-form
//! table, the length-≤2 shortcut, step 1a's `ies` → `ie` on 4-letter words,
//! step 1b's `ied` rules, the two-letter `*o` condition, step 1c's
//! "consonant before y" condition (it keeps the paper's `*v*`), step 2's
//! early `alli`, `fulli` and `logi` (and it has `abli` → `able` where the
//! extensions have `bli` → `ble`). The repository's other Porters differ:
//! `rougers` implements `NLTK_EXTENSIONS` only, `rouge155::stem` is the
//! Perl script's.

/// Which of NLTK's modes to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// `PorterStemmer('ORIGINAL_ALGORITHM')`: the published algorithm.
    Original,
    /// `PorterStemmer()`: NLTK's default `NLTK_EXTENSIONS`.
    NltkExtensions,
}

/// A rule's suffix: a literal, or the paper's `*d` (a double consonant).
#[derive(Clone, Copy)]
enum Suffix {
    Literal(&'static str),
    DoubleConsonant,
}

type Condition<'a> = &'a dyn Fn(&[u8]) -> bool;

/// `(suffix, replacement, condition)` as NLTK writes its rules.
struct Rule<'a> {
    suffix: Suffix,
    replacement: &'a [u8],
    condition: Option<Condition<'a>>,
}

fn rule<'a>(suffix: &'static str, replacement: &'a str, condition: Condition<'a>) -> Rule<'a> {
    Rule { suffix: Suffix::Literal(suffix), replacement: replacement.as_bytes(), condition: Some(condition) }
}

fn plain(suffix: &'static str, replacement: &'static str) -> Rule<'static> {
    Rule { suffix: Suffix::Literal(suffix), replacement: replacement.as_bytes(), condition: None }
}

/// NLTK's `PorterStemmer.stem(word)` in `mode`. NLTK lowercases first;
/// py-rouge's tokens are lowercase ASCII already, so `word` is taken as is
/// (any byte that is not `a e i o u y` is a consonant, as in NLTK).
pub(super) fn stem(word: &str, mode: Mode) -> String {
    if mode == Mode::NltkExtensions {
        if let Some(stem) = irregular_form(word) {
            return stem.to_owned();
        }
        if word.chars().count() <= 2 {
            return word.to_owned();
        }
    }
    let mut w = word.as_bytes().to_vec();
    step1a(&mut w, mode);
    step1b(&mut w, mode);
    step1c(&mut w, mode);
    step2(&mut w, mode);
    step3(&mut w);
    step4(&mut w);
    step5a(&mut w, mode);
    step5b(&mut w);
    // Every rule removes or appends ASCII letters at the end of the word,
    // so the bytes before them are the input's own.
    String::from_utf8_lossy(&w).into_owned()
}

/// `NLTK_EXTENSIONS`' table of irregular forms.
fn irregular_form(word: &str) -> Option<&'static str> {
    Some(match word {
        "sky" | "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "news" => "news",
        "innings" | "inning" => "inning",
        "outings" | "outing" => "outing",
        "cannings" | "canning" => "canning",
        "howe" => "howe",
        "proceed" => "proceed",
        "exceed" => "exceed",
        "succeed" => "succeed",
        _ => return None,
    })
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// `_consonant_flags`: `y` is a consonant at the start and after a vowel.
fn consonant_flags(word: &[u8]) -> Vec<bool> {
    let mut flags: Vec<bool> = Vec::with_capacity(word.len());
    for (i, &c) in word.iter().enumerate() {
        let flag = if is_vowel(c) {
            false
        } else if c == b'y' {
            i == 0 || !flags[i - 1]
        } else {
            true
        };
        flags.push(flag);
    }
    flags
}

fn is_consonant(word: &[u8], i: usize) -> bool {
    consonant_flags(&word[..=i])[i]
}

/// `_measure`: the number of `vc` in the word's c/v sequence.
fn measure(stem: &[u8]) -> usize {
    consonant_flags(stem).windows(2).filter(|pair| !pair[0] && pair[1]).count()
}

fn has_positive_measure(stem: &[u8]) -> bool {
    measure(stem) > 0
}

fn measure_gt_1(stem: &[u8]) -> bool {
    measure(stem) > 1
}

fn contains_vowel(stem: &[u8]) -> bool {
    consonant_flags(stem).iter().any(|&consonant| !consonant)
}

fn ends_double_consonant(word: &[u8]) -> bool {
    let n = word.len();
    n >= 2 && word[n - 1] == word[n - 2] && is_consonant(word, n - 1)
}

/// `_ends_cvc` (`*o`); the two-letter form is `NLTK_EXTENSIONS`' only.
fn ends_cvc(word: &[u8], mode: Mode) -> bool {
    let n = word.len();
    (n >= 3
        && is_consonant(word, n - 3)
        && !is_consonant(word, n - 2)
        && is_consonant(word, n - 1)
        && !matches!(word[n - 1], b'w' | b'x' | b'y'))
        || (mode == Mode::NltkExtensions && n == 2 && !is_consonant(word, 0) && is_consonant(word, 1))
}

/// `_apply_rule_list`: the first rule whose suffix matches decides; if its
/// condition fails the word is left as it is.
fn apply_rules(word: &mut Vec<u8>, rules: &[Rule<'_>]) {
    for rule in rules {
        let stem_len = match rule.suffix {
            Suffix::DoubleConsonant if ends_double_consonant(word) => word.len() - 2,
            Suffix::DoubleConsonant => continue,
            Suffix::Literal(suffix) if word.ends_with(suffix.as_bytes()) => word.len() - suffix.len(),
            Suffix::Literal(_) => continue,
        };
        if rule.condition.is_none_or(|condition| condition(&word[..stem_len])) {
            word.truncate(stem_len);
            word.extend_from_slice(rule.replacement);
        }
        return;
    }
}

fn step1a(word: &mut Vec<u8>, mode: Mode) {
    if mode == Mode::NltkExtensions && word.ends_with(b"ies") && word.len() == 4 {
        word.truncate(1);
        word.extend_from_slice(b"ie");
        return;
    }
    apply_rules(word, &[plain("sses", "ss"), plain("ies", "i"), plain("ss", "ss"), plain("s", "")]);
}

fn step1b(word: &mut Vec<u8>, mode: Mode) {
    if mode == Mode::NltkExtensions && word.ends_with(b"ied") {
        let replacement: &[u8] = if word.len() == 4 { b"ie" } else { b"i" };
        word.truncate(word.len() - 3);
        word.extend_from_slice(replacement);
        return;
    }
    if word.ends_with(b"eed") {
        let stem_len = word.len() - 3;
        if measure(&word[..stem_len]) > 0 {
            word.truncate(stem_len);
            word.extend_from_slice(b"ee");
        }
        return;
    }
    let Some(suffix_len) = [2, 3].into_iter().find(|&len| {
        let suffix: &[u8] = if len == 2 { b"ed" } else { b"ing" };
        word.ends_with(suffix) && contains_vowel(&word[..word.len() - len])
    }) else {
        return;
    };
    word.truncate(word.len() - suffix_len);
    // The intermediate stem holds a vowel, so it is not empty.
    let last = [word[word.len() - 1]];
    let keep_double = |_: &[u8]| !matches!(last[0], b'l' | b's' | b'z');
    let short_syllable = |stem: &[u8]| measure(stem) == 1 && ends_cvc(stem, mode);
    apply_rules(
        word,
        &[
            plain("at", "ate"),
            plain("bl", "ble"),
            plain("iz", "ize"),
            Rule { suffix: Suffix::DoubleConsonant, replacement: &last, condition: Some(&keep_double) },
            rule("", "e", &short_syllable),
        ],
    );
}

fn step1c(word: &mut Vec<u8>, mode: Mode) {
    let nltk = |stem: &[u8]| stem.len() > 1 && is_consonant(stem, stem.len() - 1);
    let original = |stem: &[u8]| contains_vowel(stem);
    let condition: Condition<'_> = match mode {
        Mode::NltkExtensions => &nltk,
        Mode::Original => &original,
    };
    apply_rules(word, &[rule("y", "i", condition)]);
}

fn step2(word: &mut Vec<u8>, mode: Mode) {
    if mode == Mode::NltkExtensions
        && word.ends_with(b"alli")
        && has_positive_measure(&word[..word.len() - 4])
    {
        word.truncate(word.len() - 4);
        word.extend_from_slice(b"al");
        step2(word, mode);
        return;
    }
    let positive: Condition<'_> = &has_positive_measure;
    let logi_applies = word.len() >= 3 && has_positive_measure(&word[..word.len() - 3]);
    let logi = |_: &[u8]| logi_applies;
    let mut rules = vec![
        rule("ational", "ate", positive),
        rule("tional", "tion", positive),
        rule("enci", "ence", positive),
        rule("anci", "ance", positive),
        rule("izer", "ize", positive),
        match mode {
            Mode::Original => rule("abli", "able", positive),
            Mode::NltkExtensions => rule("bli", "ble", positive),
        },
        rule("alli", "al", positive),
        rule("entli", "ent", positive),
        rule("eli", "e", positive),
        rule("ousli", "ous", positive),
        rule("ization", "ize", positive),
        rule("ation", "ate", positive),
        rule("ator", "ate", positive),
        rule("alism", "al", positive),
        rule("iveness", "ive", positive),
        rule("fulness", "ful", positive),
        rule("ousness", "ous", positive),
        rule("aliti", "al", positive),
        rule("iviti", "ive", positive),
        rule("biliti", "ble", positive),
    ];
    if mode == Mode::NltkExtensions {
        rules.push(rule("fulli", "ful", positive));
        rules.push(rule("logi", "log", &logi));
    }
    apply_rules(word, &rules);
}

fn step3(word: &mut Vec<u8>) {
    let positive: Condition<'_> = &has_positive_measure;
    apply_rules(
        word,
        &[
            rule("icate", "ic", positive),
            rule("ative", "", positive),
            rule("alize", "al", positive),
            rule("iciti", "ic", positive),
            rule("ical", "ic", positive),
            rule("ful", "", positive),
            rule("ness", "", positive),
        ],
    );
}

fn step4(word: &mut Vec<u8>) {
    let gt1: Condition<'_> = &measure_gt_1;
    let ion = |stem: &[u8]| measure(stem) > 1 && matches!(stem.last(), Some(b's' | b't'));
    apply_rules(
        word,
        &[
            rule("al", "", gt1),
            rule("ance", "", gt1),
            rule("ence", "", gt1),
            rule("er", "", gt1),
            rule("ic", "", gt1),
            rule("able", "", gt1),
            rule("ible", "", gt1),
            rule("ant", "", gt1),
            rule("ement", "", gt1),
            rule("ment", "", gt1),
            rule("ent", "", gt1),
            rule("ion", "", &ion),
            rule("ou", "", gt1),
            rule("ism", "", gt1),
            rule("ate", "", gt1),
            rule("iti", "", gt1),
            rule("ous", "", gt1),
            rule("ive", "", gt1),
            rule("ize", "", gt1),
        ],
    );
}

/// Step 5a tries both of its conditions (NLTK's comment explains why);
/// its `*o` is the mode's (`ae` keeps its `e` under the extensions only).
fn step5a(word: &mut Vec<u8>, mode: Mode) {
    if word.ends_with(b"e") {
        let stem = &word[..word.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem, mode)) {
            word.pop();
        }
    }
}

fn step5b(word: &mut Vec<u8>) {
    let applies = !word.is_empty() && measure(&word[..word.len() - 1]) > 1;
    let condition = |_: &[u8]| applies;
    apply_rules(word, &[rule("ll", "l", &condition)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `word \t ORIGINAL_ALGORITHM stem \t NLTK_EXTENSIONS stem`, from NLTK
    /// 3.10.4 itself (`tests/data/py_rouge_oracle/generate.py`).
    const GOLDEN: &str = include_str!("../../../tests/data/py_rouge_oracle/porter_original_stems.tsv");

    #[test]
    fn matches_nltk_in_both_modes() {
        let mut checked = 0;
        let mut wrong = Vec::new();
        for line in GOLDEN.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            let [word, original, extended] = fields[..] else {
                panic!("bad golden line {line:?}");
            };
            for (mode, expected) in [(Mode::Original, original), (Mode::NltkExtensions, extended)] {
                let got = stem(word, mode);
                if got != expected {
                    wrong.push(format!("{mode:?} {word}: {got} != {expected}"));
                }
            }
            checked += 1;
        }
        assert!(checked > 5000, "only {checked} words");
        assert!(wrong.is_empty(), "{} differ: {:?}", wrong.len(), &wrong[..wrong.len().min(10)]);
    }

    #[test]
    fn original_keeps_the_paper_rules() {
        // NLTK 3.10.4: PorterStemmer('ORIGINAL_ALGORITHM').stem(w) vs
        // PorterStemmer().stem(w) for w in ('dying', 'enjoy', 'ties'):
        // 'dy' / 'die', 'enjoi' / 'enjoy', 'ti' / 'tie'.
        assert_eq!(stem("dying", Mode::Original), "dy");
        assert_eq!(stem("dying", Mode::NltkExtensions), "die");
        assert_eq!(stem("enjoy", Mode::Original), "enjoi");
        assert_eq!(stem("enjoy", Mode::NltkExtensions), "enjoy");
        assert_eq!(stem("ties", Mode::Original), "ti");
        assert_eq!(stem("ties", Mode::NltkExtensions), "tie");
    }
}
