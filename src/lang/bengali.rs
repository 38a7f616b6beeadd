//! The Bengali stemmer XL-Sum's scorer uses: `RafiStemmer` of
//! abhik1505040/bengali-stemmer @375186c (after Rafi Kamal's
//! `bangla-stemmer`; MIT, © 2017 BanglaKit Project Contributors), with its
//! `common.rules` below. Suffixes are plain text: a `.` in a rule is a
//! literal dot there too, so those rules never match a word.

/// The rule groups of `common.rules`, in order: `(suffix, replacement)`,
/// the replacement written over the suffix's first characters (`.` keeps
/// one), or `None` to remove the suffix.
const GROUPS: [&[(&str, Option<&str>)]; 4] = [
    &[("\u{987}", None), ("\u{993}", None), ("\u{9a4}\u{9cb}", None)],
    &[("\u{995}\u{9c7}", None), ("\u{9a4}\u{9c7}", None), ("\u{9b0}\u{9be}", None)],
    &[
        ("\u{99a}\u{9cd}\u{99b}\u{9bf}", None),
        ("\u{99a}\u{9cd}\u{99b}\u{9bf}\u{9b2}", None),
        ("\u{99a}\u{9cd}\u{99b}\u{9c7}", None),
        ("\u{99a}\u{9cd}\u{99b}\u{9bf}\u{9b8}", None),
        ("\u{99a}\u{9cd}\u{99b}\u{9bf}\u{9b2}\u{9c7}\u{9a8}", None),
        ("\u{99a}\u{9cd}\u{99b}", None),
        ("\u{9df}\u{9c7}\u{99b}\u{9c7}", None),
        ("\u{9c7}\u{99b}", None),
        ("\u{9c7}\u{99b}\u{9c7}", None),
        ("\u{9c7}\u{99b}\u{9c7}\u{9a8}", None),
        ("\u{9b0}\u{99b}", Some("\u{9b0}")),
        ("\u{9b0}\u{9ac}", Some("\u{9b0}")),
        ("\u{9c7}\u{9b2}", None),
        ("\u{9c7}\u{9b2}\u{9cb}", None),
        ("\u{993}\u{9df}\u{9be}", None),
        ("\u{9c7}\u{9df}\u{9c7}", Some("\u{9be}")),
        ("\u{9df}", None),
        ("\u{9df}\u{9c7}", None),
        ("\u{9df}\u{9c7}\u{99b}\u{9bf}\u{9b2}", None),
        ("\u{9c7}\u{9df}\u{9c7}\u{99b}\u{9bf}\u{9b2}", Some("\u{9be}")),
        ("\u{9c7}\u{99b}\u{9bf}\u{9b2}", None),
        ("\u{9c7}\u{9df}\u{9c7}\u{99b}\u{9bf}\u{9b2}\u{9c7}\u{9a8}", Some("\u{9be}")),
        ("\u{9c7}.\u{9c7}\u{99b}\u{9bf}\u{9b2}\u{9c7}\u{9a8}", Some("\u{9be}.")),
        ("\u{9c7}\u{99b}\u{9bf}\u{9b2}\u{9c7}\u{9a8}", None),
        ("\u{9b2}\u{9c7}\u{9a8}", None),
        ("\u{9a6}\u{9c7}\u{9b0}", None),
        ("\u{9c7}.\u{9c7}", Some("\u{9be}.")),
        ("\u{9c7}\u{9b0}", None),
        ("\u{9be}\u{9b0}", None),
        ("\u{9c7}\u{9a8}", None),
        ("\u{9ac}\u{9c7}\u{9a8}", None),
        ("\u{9bf}\u{9b8}", None),
        ("\u{99b}\u{9bf}\u{9b8}", None),
        ("\u{99b}\u{9bf}\u{9b2}\u{9bf}", None),
        ("\u{99b}\u{9bf}", None),
        ("\u{99b}\u{9c7}", None),
        ("\u{9b2}\u{9bf}", None),
        ("\u{9ac}\u{9bf}", None),
        ("\u{9c7}", None),
    ],
    &[
        ("\u{99f}\u{9bf}", None),
        ("\u{99f}\u{9bf}\u{9b0}", None),
        ("\u{9c7}\u{9b0}\u{99f}\u{9be}", None),
        ("\u{9c7}\u{9b0}\u{99f}\u{9be}\u{9b0}", None),
        ("\u{99f}\u{9be}", None),
        ("\u{99f}\u{9be}\u{9b0}", None),
        ("\u{997}\u{9c1}\u{9b2}\u{9cb}", None),
        ("\u{997}\u{9c1}\u{9b2}\u{9cb}\u{9b0}", None),
        ("\u{9c7}\u{9b0}\u{997}\u{9c1}\u{9b2}\u{9cb}", None),
        ("\u{9c7}\u{9b0}\u{997}\u{9c1}\u{9b2}\u{9cb}\u{9b0}", None),
    ],
];

/// Vowel signs that do not count towards what a removal must leave.
const SIGNS: [char; 7] = ['\u{9be}', '\u{9bf}', '\u{9c0}', '\u{9c7}', '\u{9c1}', '\u{9c2}', '\u{9cb}'];

/// The stem of a Bengali word (`RafiStemmer.stem_word`): per group, the
/// first rule whose suffix ends the word applies (a removal only if a
/// letter other than a vowel sign is left).
pub(super) fn stem(word: &str) -> String {
    let mut word: Vec<char> = word.chars().collect();
    for group in GROUPS {
        for &(suffix, replacement) in group {
            let suffix: Vec<char> = suffix.chars().collect();
            if !word.ends_with(&suffix) {
                continue;
            }
            let index = word.len() - suffix.len();
            match replacement {
                Some(replacement) => {
                    let replacement: Vec<char> = replacement.chars().collect();
                    for (offset, &c) in replacement.iter().enumerate() {
                        if c != '.' {
                            word[index + offset] = c;
                        }
                    }
                    word.truncate(index + replacement.len());
                }
                None if word[..index].iter().any(|c| !SIGNS.contains(c)) => word.truncate(index),
                None => {}
            }
            break;
        }
    }
    word.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_as_rafi_stemmer() {
        // bengali-stemmer @375186c: RafiStemmer().stem_word on each word;
        // the rule `ে.েছিলেন -> া.` never matches (a literal dot).
        for (word, expected) in
            [("করেছিলেন", "কর"), ("বাংলাদেশের", "বাংলাদেশ"), ("ছেলেরা", "ছেল"), ("হেসেছিলেন", "হেস")]
        {
            assert_eq!(stem(word), expected, "{word}");
        }
    }
}
