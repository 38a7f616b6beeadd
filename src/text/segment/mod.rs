//! Sentence segmentation: UAX #29 sentence bounds plus English rules, and
//! per-language rules for other languages.
//!
//! Pipeline, linear in the text length:
//!
//! 1. [`unicode_segmentation`]'s UAX #29 sentence boundaries are the
//!    candidates (UAX #29 breaks at every line break and after every
//!    "!"/"?", and after a full stop unless a lower-case word follows);
//!    `uax` runs the iterator only around possible sentence ends.
//! 2. `rules` keeps, drops or moves each candidate: abbreviations, titles,
//!    initials, acronyms, numbers, ellipses, "!"/"?" inside names and quotes,
//!    closing quotes and brackets.
//! 3. `lines` decides line breaks: a blank line always ends a sentence; a
//!    line without final punctuation (headline, caption) is its own sentence,
//!    except in hard-wrapped prose.
//! 4. `lists` adds the starts of list items written inline ("1.) … 2.) …",
//!    "• …").
//! 5. For a language other than English, `rules` asks that language's lists
//!    (`languages`: abbreviations, titles, sentence openers, ordinals such
//!    as "am 1. März") instead of the English ones, moves a boundary before
//!    an opening quote or bracket that follows a terminal with no space
//!    ("顾客！“我们"), and `candidates` adds boundaries UAX #29 never
//!    proposes (dialogue dashes, sentences opening with a number, Thai
//!    sentences separated by spaces).
//!
//! Every sentence is a byte span into the source, trimmed of surrounding
//! whitespace, so a summary is always made of verbatim source text.
//!
//! Owns: sentence boundaries. Never changes, normalizes or copies the text.

mod candidates;
mod languages;
mod lexicon;
mod lines;
mod lists;
mod rules;
mod uax;

use crate::lang::Language;
use std::ops::Range;

/// Splits English `text` into sentences, returned as trimmed byte spans in
/// source order: [`sentence_spans_in`] with [`Language::English`].
///
/// Spans are non-empty, strictly increasing and disjoint, start and end on
/// character boundaries, and together cover every non-whitespace character.
///
/// ```
/// use sumbench::text::sentence_spans;
/// let text = "Mr. Smith lives in the U.S. He works for Pitt, Briggs & Co. at noon.";
/// let sentences: Vec<&str> = sentence_spans(text).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(sentences, ["Mr. Smith lives in the U.S.", "He works for Pitt, Briggs & Co. at noon."]);
/// ```
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    sentence_spans_in(text, Language::English)
}

/// Splits `text`, written in `language`, into sentences, returned as trimmed
/// byte spans in source order, with the same guarantees as [`sentence_spans`].
///
/// ```
/// use sumbench::lang::Language;
/// use sumbench::text::sentence_spans_in;
/// let text = "Es kostet ca. 12 Mio. Euro bzw. mehr. Am 1. März beginnt es.";
/// let sentences: Vec<&str> = sentence_spans_in(text, Language::German).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(sentences, ["Es kostet ca. 12 Mio. Euro bzw. mehr.", "Am 1. März beginnt es."]);
/// let text = "他说：“好！”顾客！“我们走吧。”";
/// let sentences: Vec<&str> = sentence_spans_in(text, Language::Chinese).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(sentences, ["他说：“好！”", "顾客！", "“我们走吧。”"]);
/// ```
pub fn sentence_spans_in(text: &str, language: Language) -> Vec<Range<usize>> {
    let profile = (language != Language::English).then(|| languages::Profile::of(language));
    let lists = lists::Lists::scan(text);
    let cx = rules::Context { text, layout: lines::Layout::analyze(text), lists: &lists, profile };
    let mut cuts = Vec::new();
    let mut last_gap = None;
    for candidate in uax::sentence_boundaries(text) {
        let end = text[..candidate].trim_end().len();
        let next = text.len() - text[candidate..].trim_start().len();
        // UAX #29 may break several times in one gap (once per line break).
        if last_gap == Some((end, next)) {
            continue;
        }
        last_gap = Some((end, next));
        cuts.extend(rules::decide(&cx, end, next));
    }
    // UAX #29 does not treat "…" as sentence-final punctuation.
    for (i, _) in text.match_indices('…') {
        let after = i + '…'.len_utf8();
        let end = after
            + text[after..].chars().take_while(|&c| lexicon::is_closer(c)).map(char::len_utf8).sum::<usize>();
        let next = text.len() - text[end..].trim_start().len();
        if next > end {
            cuts.extend(rules::decide(&cx, end, next));
        }
    }
    cuts.extend_from_slice(&lists.cuts);
    if let Some(profile) = profile {
        cuts.extend(candidates::boundaries(text, profile));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        spans.extend(trim_span(text, start..cut));
        start = cut;
    }
    spans
}

/// Shrinks a span to exclude leading and trailing whitespace; `None` if nothing is left.
fn trim_span(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (lead + trail < s.len()).then(|| span.start + lead..span.end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn empty_and_blank_inputs_have_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\t \r\n").is_empty());
    }

    #[test]
    fn abbreviations_before_names_and_numbers() {
        assert_eq!(
            split("Dr. Jones saw Gov. Brown on Main St. in Springfield."),
            ["Dr. Jones saw Gov. Brown on Main St. in Springfield."]
        );
        assert_eq!(split("See Fig. 3 and No. 7. Then stop."), ["See Fig. 3 and No. 7.", "Then stop."]);
        assert_eq!(split("It fell on Jan. 5 last year."), ["It fell on Jan. 5 last year."]);
    }

    #[test]
    fn ambiguous_abbreviation_ends_before_sentence_opener_only() {
        assert_eq!(
            split("He moved to Springfield, Ill. The move was quick."),
            ["He moved to Springfield, Ill.", "The move was quick."]
        );
        assert_eq!(split("Shares of Acme Inc. Tuesday rose."), ["Shares of Acme Inc. Tuesday rose."]);
        assert_eq!(
            split("The meeting began at 9 a.m. Monday in Washington, D.C. It ended late."),
            ["The meeting began at 9 a.m. Monday in Washington, D.C.", "It ended late."]
        );
    }

    #[test]
    fn initials_and_the_pronoun_i() {
        assert_eq!(
            split("J. F. Kennedy met V. Stiviano. It was brief."),
            ["J. F. Kennedy met V. Stiviano.", "It was brief."]
        );
        assert_eq!(split("Plan B. The rest failed."), ["Plan B.", "The rest failed."]);
    }

    #[test]
    fn tokenized_closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("`` We won . '' Fans cheered . '' He left ."),
            ["`` We won . ''", "Fans cheered . ''", "He left ."]
        );
    }

    #[test]
    fn enclosed_punctuation_and_exclamation_names() {
        assert_eq!(
            split("He said (!) Nothing more. He works at Yahoo! Finance."),
            ["He said (!) Nothing more.", "He works at Yahoo! Finance."]
        );
    }

    #[test]
    fn unicode_ellipsis_and_spaced_four_dots() {
        assert_eq!(split("Wait… Then go."), ["Wait…", "Then go."]);
        assert_eq!(split("It ended. . . . Then more."), ["It ended.", ". . . Then more."]);
    }

    #[test]
    fn lines_headlines_and_blank_lines() {
        let text = "Storm hits coast\nWinds reached 100 mph on Tuesday. Power failed.\n\nResidents were told\n\nto stay inside.";
        assert_eq!(
            split(text),
            [
                "Storm hits coast",
                "Winds reached 100 mph on Tuesday.",
                "Power failed.",
                "Residents were told",
                "to stay inside."
            ]
        );
    }

    #[test]
    fn wrapped_lines_with_unicode_line_separators() {
        let text = "The committee met on Tuesday to discuss the budget and\u{2028}agreed that spending should \
                    rise\u{2028}by a tenth next year and then some more after that.";
        assert_eq!(split(text), [text]);
    }

    #[test]
    fn crlf_line_breaks() {
        assert_eq!(split("Title\r\nBody text here.\r\n\r\nNext."), ["Title", "Body text here.", "Next."]);
    }

    fn split_in(text: &str, language: Language) -> Vec<&str> {
        sentence_spans_in(text, language).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn german_abbreviations_and_ordinals() {
        let de = Language::German;
        assert_eq!(
            split_in(
                "Er zahlte ca. 12 Mio. Euro, d. h. viel. Das Öl bzw. Butter kam im 12. Jahrhundert.",
                de
            ),
            ["Er zahlte ca. 12 Mio. Euro, d. h. viel.", "Das Öl bzw. Butter kam im 12. Jahrhundert."]
        );
        assert_eq!(
            split_in("Am 1. März war es kalt. Am 2. wurde es warm.", de),
            ["Am 1. März war es kalt.", "Am 2. wurde es warm."]
        );
        // A year ends a sentence; "z. B." before a noun does not.
        assert_eq!(split_in("Er kam 1991. Dann ging er.", de), ["Er kam 1991.", "Dann ging er."]);
        assert_eq!(split_in("Obst, z. B. Äpfel, ist gesund.", de), ["Obst, z. B. Äpfel, ist gesund."]);
    }

    #[test]
    fn other_european_languages() {
        assert_eq!(
            split_in("Vino el Sr. García. Después se fue.", Language::Spanish),
            ["Vino el Sr. García.", "Después se fue."]
        );
        // Outside German an abbreviation before a capitalized word ends the sentence ("mar" is also "sea").
        assert_eq!(
            split_in("Zarpó por el mar. Versión corta.", Language::Spanish),
            ["Zarpó por el mar.", "Versión corta."]
        );
        assert_eq!(split_in("Il vit av. J.-C. en Grèce.", Language::French), ["Il vit av. J.-C. en Grèce."]);
        assert_eq!(
            split_in("Он ушёл (см. Главу 2). -- Скоро вернусь, -- сказал я. -- Ладно.", Language::Russian),
            ["Он ушёл (см. Главу 2).", "-- Скоро вернусь, -- сказал я.", "-- Ладно."]
        );
        assert_eq!(
            split_in("Sonra yaklaştı. 2 su bardağı kaynatın.", Language::Turkish),
            ["Sonra yaklaştı.", "2 su bardağı kaynatın."]
        );
        assert_eq!(
            split_in("Bitti. 1. Soruyu yazınız.", Language::Turkish),
            ["Bitti.", "1. Soruyu yazınız."]
        );
    }

    #[test]
    fn cjk_closers_stay_and_openers_move() {
        assert_eq!(
            split_in("他说：“好。”我们走吧！《南极条约》签订。", Language::Chinese),
            ["他说：“好。”", "我们走吧！", "《南极条约》签订。"]
        );
        assert_eq!(
            split_in("紹介する。「CS 5」シリーズ。", Language::Japanese),
            ["紹介する。", "「CS 5」シリーズ。"]
        );
    }

    #[test]
    fn arabic_hindi_and_thai() {
        assert_eq!(
            split_in("بدأت عام 1000 ق.م تقريبا. هل انتهت؟ نعم.", Language::Arabic),
            ["بدأت عام 1000 ق.م تقريبا.", "هل انتهت؟", "نعم."]
        );
        assert_eq!(split_in("यह अच्छा है। वह भी॥ ठीक है।", Language::Hindi), ["यह अच्छा है।", "वह भी॥", "ठीक है।"]);
        // "I eat fried rice with a fried egg every day. Tomorrow we go to the sea together."
        let thai = "ฉันชอบกินข้าวผัดกับไข่ดาวทุกวัน พรุ่งนี้เราจะไปเที่ยวทะเลด้วยกัน";
        assert_eq!(split_in(thai, Language::Thai).len(), 2);
        assert_eq!(split_in(thai, Language::English).len(), 1);
    }

    /// Pieces that exercise every language's rules: terminals of several
    /// scripts, closers and openers, dashes, digits, Thai, abbreviations.
    const PIECES: &[&str] = &[
        " ",
        "  ",
        "\n",
        "\n\n",
        ".",
        "!",
        "?",
        "…",
        "。",
        "！",
        "？",
        "؟",
        "।",
        "“",
        "”",
        "«",
        "»",
        "「",
        "」",
        "《",
        "》",
        "(",
        ")",
        "\"",
        "-- ",
        " — ",
        "1",
        "12",
        "1.",
        "Mio",
        "ca",
        "z",
        "B",
        "am",
        "März",
        "Der",
        "der",
        "и",
        "я",
        "Он",
        "ق",
        "ب",
        "ภาษาไทยยาวมากพอสมควร",
        "และ",
        "ๆ",
        "中文",
        "P.S",
        "vgl",
        "Sr",
        "q.b",
    ];

    /// Spans are non-empty, trimmed, increasing, disjoint, on character
    /// boundaries, and cover every non-whitespace character.
    fn check_spans(text: &str, spans: &[Range<usize>]) -> Result<(), String> {
        let mut covered = 0;
        for span in spans {
            let s = text.get(span.clone()).ok_or(format!("{span:?} not on char boundaries"))?;
            if s.is_empty() || s.trim() != s || span.start < covered {
                return Err(format!("bad span {span:?} {s:?}"));
            }
            if !text[covered..span.start].trim().is_empty() {
                return Err(format!("text before {span:?} not covered"));
            }
            covered = span.end;
        }
        if text[covered..].trim().is_empty() { Ok(()) } else { Err("tail not covered".into()) }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn every_language_keeps_the_span_invariants(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            language in proptest::sample::select(Language::all().collect::<Vec<_>>()),
        ) {
            let text = pieces.concat();
            let spans = sentence_spans_in(&text, language);
            proptest::prop_assert!(check_spans(&text, &spans).is_ok(), "{:?} {}: {:?}", text, language, check_spans(&text, &spans));
        }

        #[test]
        fn every_language_takes_arbitrary_text(
            text in proptest::prelude::any::<String>(),
            language in proptest::sample::select(Language::all().collect::<Vec<_>>()),
        ) {
            let spans = sentence_spans_in(&text, language);
            proptest::prop_assert!(check_spans(&text, &spans).is_ok(), "{:?} {}", text, language);
        }
    }
}
