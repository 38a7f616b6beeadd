//! Known pitfalls of ROUGE on a corpus, counted as documents go by and
//! reported once per corpus as `run.json` warnings: letters rouge-score's
//! ASCII-only tokenizer drops, references of very different lengths, and
//! documents read by another language's rules than the one they look to be in.
//! The same letter rule warns about candidate–reference pairs scored outside a
//! run (`sumbench rouge`, [`dropped_letters_in_pairs`]).

use crate::lang::Language;
use crate::rouge::RougeTokenizer;

/// How much of a document the language check reads: enough for a confident
/// answer on prose, and cheap (median 0.077 ms a document at 512 bytes, 0.103 at 1 KB, measured on BBC
/// News; the whole check runs on every document of a run).
const LANGUAGE_CHECK_BYTES: usize = 512;

/// Above this share of non-ASCII letters a corpus is warned about.
const NON_ASCII_SHARE: f64 = 0.01;

/// Why dropped letters matter, said by both warnings.
const DROPPED_LETTERS_WHY: &str = "ROUGE sees only ASCII letters and digits: text in other scripts scores 0; \
                                   the `unicode` ROUGE tokenizer keeps them";

/// References of one document whose word counts differ by this factor or more are "uneven".
const UNEVEN_FACTOR: usize = 3;

/// The counts behind the warnings, summed over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pitfalls {
    /// Letters in the texts and references.
    pub letters: usize,
    /// Of those, letters outside ASCII (rouge-score's tokenizer drops them).
    pub non_ascii_letters: usize,
    /// Documents whose longest reference has at least three times the words of the shortest.
    pub uneven_references: usize,
    /// Documents whose text looks to be in another language than the one
    /// they were read in (see [`Pitfalls::check_language`]).
    pub misread: usize,
    /// The language the first misread document looks to be in; else that of
    /// the first document checked, when it is not English.
    pub detected: Option<Language>,
    /// The language the first misread document was read in; else that of
    /// the first document checked.
    pub read_as: Option<Language>,
}

impl Pitfalls {
    /// The counts of one document.
    pub fn of_document(text: &str, references: &[String]) -> Pitfalls {
        let mut counts = Pitfalls::default();
        for piece in std::iter::once(text).chain(references.iter().map(String::as_str)) {
            if piece.is_ascii() {
                counts.letters += piece.bytes().filter(u8::is_ascii_alphabetic).count();
                continue;
            }
            for c in piece.chars().filter(|c| c.is_alphabetic()) {
                counts.letters += 1;
                counts.non_ascii_letters += usize::from(!c.is_ascii());
            }
        }
        let words: Vec<usize> = references.iter().map(|r| r.split_whitespace().count()).collect();
        if let (Some(&shortest), Some(&longest)) = (words.iter().min(), words.iter().max())
            && words.len() > 1
            && longest >= UNEVEN_FACTOR * shortest.max(1)
        {
            counts.uneven_references = 1;
        }
        counts
    }

    /// Checks that `text`, read in `language`, looks to be in it (by its
    /// first `LANGUAGE_CHECK_BYTES`, with [`Language::detect_confidently`]); a text
    /// the detector is unsure of counts as fine.
    pub fn check_language(&mut self, text: &str, language: Language) {
        let Some(detected) = Language::detect_confidently(crate::lang::prefix(text, LANGUAGE_CHECK_BYTES))
        else {
            return;
        };
        if self.read_as.is_none() {
            self.read_as = Some(language);
        }
        if detected != language {
            if self.misread == 0 {
                self.detected = Some(detected);
                self.read_as = Some(language);
            }
            self.misread += 1;
        } else if self.detected.is_none() && detected != Language::English {
            self.detected = Some(detected);
        }
    }

    /// Adds another document's (or corpus part's) counts.
    pub fn add(&mut self, other: Pitfalls) {
        self.letters += other.letters;
        self.non_ascii_letters += other.non_ascii_letters;
        self.uneven_references += other.uneven_references;
        if self.misread == 0 && other.misread > 0 {
            self.detected = other.detected;
            self.read_as = other.read_as;
        }
        self.misread += other.misread;
        self.detected = self.detected.or(other.detected);
        self.read_as = self.read_as.or(other.read_as);
    }

    /// The share of the letters that are not ASCII (0 without letters).
    fn non_ascii_share(&self) -> f64 {
        if self.letters == 0 { 0.0 } else { self.non_ascii_letters as f64 / self.letters as f64 }
    }

    /// Whether rouge-score's tokenizer drops enough of these letters to warn:
    /// more than 1% of them are not ASCII.
    pub fn drops_letters(&self) -> bool {
        self.non_ascii_share() > NON_ASCII_SHARE
    }

    /// The warnings for corpus `name` scored with ROUGE `tokenizer`, each
    /// one line (the Unicode profile drops no letters).
    pub fn warnings(&self, name: &str, tokenizer: RougeTokenizer) -> Vec<String> {
        let mut warnings = Vec::new();
        if tokenizer == RougeTokenizer::RougeScore && self.drops_letters() {
            let fix = match (self.detected, self.read_as) {
                (Some(language), Some(read_as)) if language == read_as => format!(
                    "; the texts are {} ({language}): --rouge-tokenizer multilingual scores every letter",
                    language.name()
                ),
                (Some(language), _) => format!(
                    "; the texts look {} ({language}): give --rouge-tokenizer multilingual --language {language}",
                    language.name()
                ),
                (None, _) => String::new(),
            };
            warnings.push(format!(
                "{name}: {:.1}% of the letters are not ASCII, and rouge-score's tokenizer drops them \
                 ({DROPPED_LETTERS_WHY}){fix}",
                self.non_ascii_share() * 100.0
            ));
        }
        if let (Some(detected), Some(read_as)) = (self.detected, self.read_as)
            && self.misread > 0
        {
            warnings.push(format!(
                "{name}: {} documents look {} ({detected}) or another language than {} ({read_as}), the \
                 language they were read in: their sentences, stop words and stemming followed {read_as} \
                 rules; give --language {detected}, or --language auto to detect each document's",
                self.misread,
                detected.name(),
                read_as.name(),
            ));
        }
        if self.uneven_references > 0 {
            warnings.push(format!(
                "{name}: {} documents have references whose lengths differ {UNEVEN_FACTOR}-fold or more \
                 (multi-reference ROUGE keeps the best reference per metric, so a short one can decide precision)",
                self.uneven_references
            ));
        }
        warnings
    }
}

/// The warning for `affected` of `pairs` candidate–reference pairs whose
/// letters rouge-score's tokenizer drops ([`Pitfalls::drops_letters`] of the
/// pair's candidate and references), or `None` when no pair is affected.
pub fn dropped_letters_in_pairs(affected: usize, pairs: usize) -> Option<String> {
    let percent = NON_ASCII_SHARE * 100.0;
    (affected > 0).then(|| {
        format!(
            "{affected} of {pairs} pairs have more than {percent}% of their letters outside ASCII, and \
             rouge-score's tokenizer drops them ({DROPPED_LETTERS_WHY})"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_hand_and_warns_past_the_thresholds() {
        // "Zoë ate" + "Zoë": 9 letters, 2 of them ë.
        let p = Pitfalls::of_document("Zoë ate", &["Zoë".into()]);
        assert_eq!((p.letters, p.non_ascii_letters, p.uneven_references), (9, 2, 0));
        assert_eq!(
            p.warnings("c", RougeTokenizer::RougeScore),
            ["c: 22.2% of the letters are not ASCII, and rouge-score's tokenizer drops them \
              (ROUGE sees only ASCII letters and digits: text in other scripts scores 0; \
              the `unicode` ROUGE tokenizer keeps them)"]
        );
        let uneven = Pitfalls::of_document("plain", &["one two three".into(), "one".into()]);
        assert_eq!(uneven.uneven_references, 1);
        assert!(
            uneven.warnings("c", RougeTokenizer::RougeScore)[0]
                .starts_with("c: 1 documents have references whose lengths differ 3-fold")
        );
        assert!(p.warnings("c", RougeTokenizer::Unicode).is_empty(), "the Unicode profile keeps ë");
        let even = Pitfalls::of_document("plain", &["one two".into(), "one".into()]);
        assert!(even.warnings("c", RougeTokenizer::RougeScore).is_empty());
    }

    #[test]
    fn pairs_are_warned_about_by_the_same_rule() {
        // "Кот спит" + "кот": 10 letters, all Cyrillic.
        let cyrillic = Pitfalls::of_document("Кот спит", &["кот".into()]);
        assert_eq!((cyrillic.letters, cyrillic.non_ascii_letters), (10, 10));
        assert!(cyrillic.drops_letters());
        // One ë in 101 letters is 0.99%: under the 1% line. One in 99 is over it.
        let under = Pitfalls::of_document(&format!("ë{}", "a".repeat(100)), &[]);
        let over = Pitfalls::of_document(&format!("ë{}", "a".repeat(98)), &[]);
        assert!(!under.drops_letters() && over.drops_letters());
        assert!(!Pitfalls::of_document("", &[]).drops_letters());
        assert_eq!(dropped_letters_in_pairs(0, 5), None);
        assert_eq!(
            dropped_letters_in_pairs(2, 3).unwrap(),
            "2 of 3 pairs have more than 1% of their letters outside ASCII, and rouge-score's tokenizer \
             drops them (ROUGE sees only ASCII letters and digits: text in other scripts scores 0; \
             the `unicode` ROUGE tokenizer keeps them)"
        );
    }
}
