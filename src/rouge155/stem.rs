//! ROUGE-1.5.5's `-m` stemmer: a WordNet 2.0 exception lookup, then Martin
//! Porter's Perl stemmer "Release 1" with C.-Y. Lin's 2004 step-4 change.
//!
//! Owns: the exception table (`data/wordnet2.0-exceptions.tsv`, WordNet 2.0
//! Copyright 2003 by Princeton University; see `data/WORDNET-LICENSE.txt`) and
//! the stemmer. Never tokenizes; it does not know that the script only stems
//! tokens longer than 3 bytes (the caller does).
//!
//! The Porter steps use the script's own regular expressions verbatim, so the
//! measure tests (`m>0`, `m=1`, `m>1`, `*v*`, `*o`) mean exactly what they
//! mean in Perl. This is not NLTK's Porter stemmer: no irregular forms, no
//! special rules for short `ies` words, the original step 1c.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// `inflected<TAB>base` pairs, one per line.
const EXCEPTIONS_TSV: &str = include_str!("../../data/wordnet2.0-exceptions.tsv");

static EXCEPTIONS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| EXCEPTIONS_TSV.lines().filter_map(|line| line.split_once('\t')).collect());

static PORTER: LazyLock<Porter> = LazyLock::new(Porter::new);

/// The script's `MorphStem`: the WordNet exception's base form if `token` is
/// an exception, else the Porter variant's stem.
pub fn stem(token: &str) -> String {
    match EXCEPTIONS.get(token) {
        Some(base) => (*base).to_string(),
        None => PORTER.stem(token),
    }
}

/// The compiled patterns of the Perl stemmer (its `initialise`).
struct Porter {
    /// `[C]VC...`: m > 0.
    mgr0: Regex,
    /// `[C]VC[V]`: m = 1.
    meq1: Regex,
    /// `[C]VCVC...`: m > 1.
    mgr1: Regex,
    /// A vowel in the stem.
    has_vowel: Regex,
    /// `*o`: the whole stem is consonant, vowel, consonant other than w, x, y.
    cvc: Regex,
    step1a: Regex,
    step1a_s: Regex,
    step1b: Regex,
    step1b_e: Regex,
    step2: Regex,
    step3: Regex,
    step4: Regex,
    step4_ion: Regex,
}

/// Step 2's suffixes and replacements.
const STEP2: [(&str, &str); 21] = [
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

/// Step 3's suffixes and replacements.
const STEP3: [(&str, &str); 7] = [
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the stemmer's patterns are valid")
}

/// `(s1|s2|…)$` over the suffixes of a step table.
fn suffix_regex(table: &[(&str, &str)]) -> Regex {
    let alternatives: Vec<&str> = table.iter().map(|(suffix, _)| *suffix).collect();
    regex(&format!("({})$", alternatives.join("|")))
}

fn replacement(table: &[(&'static str, &'static str)], suffix: &str) -> &'static str {
    table.iter().find(|(s, _)| *s == suffix).map(|(_, r)| *r).unwrap_or_default()
}

impl Porter {
    fn new() -> Self {
        let c = "[^aeiou]";
        let v = "[aeiouy]";
        let cc = format!("{c}[^aeiouy]*");
        let vv = format!("{v}[aeiou]*");
        Porter {
            mgr0: regex(&format!("^({cc})?{vv}{cc}")),
            meq1: regex(&format!("^({cc})?{vv}{cc}({vv})?$")),
            mgr1: regex(&format!("^({cc})?{vv}{cc}{vv}{cc}")),
            has_vowel: regex(&format!("^({cc})?{v}")),
            cvc: regex(&format!("^{cc}{v}[^aeiouwxy]$")),
            step1a: regex("(ss|i)es$"),
            step1a_s: regex("([^s])s$"),
            step1b: regex("(ed|ing)$"),
            step1b_e: regex("(at|bl|iz)$"),
            step2: suffix_regex(&STEP2),
            step3: suffix_regex(&STEP3),
            step4: regex("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$"),
            step4_ion: regex("(s|t)(ion)$"),
        }
    }

    /// The Perl `stem` routine.
    fn stem(&self, word: &str) -> String {
        if word.len() < 3 {
            return word.to_string();
        }
        let mut w = word.to_string();
        // An initial y is a consonant: hide it from the vowel classes as `Y`.
        let initial_y = w.starts_with('y');
        if initial_y {
            w.replace_range(..1, "Y");
        }

        // Step 1a.
        if let Some(c) = self.step1a.captures(&w) {
            w = format!("{}{}", &w[..c.get(0).map_or(0, |m| m.start())], &c[1]);
        } else if let Some(c) = self.step1a_s.captures(&w) {
            w = format!("{}{}", &w[..c.get(0).map_or(0, |m| m.start())], &c[1]);
        }

        // Step 1b.
        if let Some(prefix) = w.strip_suffix("eed") {
            if self.mgr0.is_match(prefix) {
                w.pop();
            }
        } else if let Some(m) = self.step1b.find(&w) {
            let stem = &w[..m.start()];
            if self.has_vowel.is_match(stem) {
                w = stem.to_string();
                if self.step1b_e.is_match(&w) {
                    w.push('e');
                } else if ends_in_double_consonant(&w) {
                    w.pop();
                } else if self.cvc.is_match(&w) {
                    w.push('e');
                }
            }
        }

        // Step 1c.
        if let Some(stem) = w.strip_suffix('y')
            && self.has_vowel.is_match(stem)
        {
            w = format!("{stem}i");
        }

        // Steps 2 and 3.
        for (pattern, table) in [(&self.step2, &STEP2[..]), (&self.step3, &STEP3[..])] {
            if let Some(m) = pattern.find(&w) {
                let stem = &w[..m.start()];
                if self.mgr0.is_match(stem) {
                    w = format!("{stem}{}", replacement(table, m.as_str()));
                }
            }
        }

        // Step 4, Lin's version: three tests in sequence.
        if let Some(at) = self.step4.find(&w).map(|m| m.start()) {
            self.drop_if_mgr1(&mut w, at);
        }
        if let Some(at) = w.strip_suffix("ment").map(str::len) {
            self.drop_if_mgr1(&mut w, at);
        }
        if let Some(at) = w.strip_suffix("ent").map(str::len) {
            self.drop_if_mgr1(&mut w, at);
        } else if let Some(at) = self.step4_ion.find(&w).map(|m| m.start()) {
            // The stem keeps the s or t.
            self.drop_if_mgr1(&mut w, at + 1);
        }

        // Step 5.
        if let Some(stem) = w.strip_suffix('e')
            && (self.mgr1.is_match(stem) || (self.meq1.is_match(stem) && !self.cvc.is_match(stem)))
        {
            w.pop();
        }
        if w.ends_with("ll") && self.mgr1.is_match(&w) {
            w.pop();
        }

        if initial_y {
            w.replace_range(..1, "y");
        }
        w
    }

    /// Cuts `w` to `w[..at]` when that stem has m > 1.
    fn drop_if_mgr1(&self, w: &mut String, at: usize) {
        if self.mgr1.is_match(&w[..at]) {
            w.truncate(at);
        }
    }
}

/// Perl's `/([^aeiouylsz])\1$/`.
fn ends_in_double_consonant(w: &str) -> bool {
    match w.as_bytes() {
        [.., a, b] => a == b && !b"aeiouylsz".contains(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_table_is_complete() {
        assert_eq!(EXCEPTIONS_TSV.lines().count(), 5930);
        assert_eq!(EXCEPTIONS.len(), 5930);
    }

    /// Exceptions and their precedence, from rouge155-compat.md section 2.
    #[test]
    fn exceptions_come_first() {
        for (word, base) in [
            ("children", "child"),
            ("geese", "goose"),
            ("better", "good"),
            ("best", "good"),
            ("dying", "die"),
            ("went", "go"),
            ("testes", "testes"),
            ("involucra", "involucrum"),
        ] {
            assert_eq!(stem(word), base, "{word}");
        }
    }

    /// Examples from rouge155-compat.md section 2.
    #[test]
    fn porter_variant_examples() {
        for (word, expected) in [
            ("generously", "gener"),
            ("news", "new"),
            ("ties", "ti"),
            ("skies", "ski"),
            ("ponies", "poni"),
            ("relational", "relat"),
            ("happiness", "happi"),
            ("oscillators", "oscil"),
            ("1990s", "1990"),
            ("hopefully", "hopefulli"),
            ("yyyy", "yyyi"),
            ("agreement", "agreem"),
            ("governmental", "govern"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    /// Porter (1980)'s own worked examples, which the Perl release keeps.
    #[test]
    fn porter_paper_examples() {
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("sky", "sky"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("rational", "ration"),
            ("triplicate", "triplic"),
            ("electrical", "electr"),
            ("adjustable", "adjust"),
            ("adoption", "adopt"),
            ("probate", "probat"),
            ("rate", "rate"),
            ("controll", "control"),
            ("roll", "roll"),
            ("youth", "youth"),
            ("yelling", "yell"),
        ] {
            assert_eq!(PORTER.stem(word), expected, "{word}");
        }
    }

    #[test]
    fn short_words_are_unchanged() {
        assert_eq!(PORTER.stem("is"), "is");
        assert_eq!(PORTER.stem("as"), "as");
    }
}
