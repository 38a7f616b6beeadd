//! Fuzzes the word tokenizer (`text::WordTokenizer`) and `PreparedDocument::new`
//! on any UTF-8 text and title.
//!
//! Input: `language title 0xFF text`: the first byte picks the language (its
//! index among `Language::all()`, modulo their number), then `title 0xFF text`
//! (no 0xFF: no title). Checks that every sentence has a
//! valid span, that term ids index the vocabulary, that content terms are a
//! subsequence of the terms, and that IDF values are finite.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sumbench::Language;
use sumbench::corpus::Document;
use sumbench::text::{PreparedDocument, WordTokenizer};

fuzz_target!(|data: &[u8]| {
    let Some((&first, data)) = data.split_first() else { return };
    let languages: Vec<Language> = Language::all().collect();
    let language = languages[usize::from(first) % languages.len()];
    let (title, text) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (Some(String::from_utf8_lossy(&data[..i]).into_owned()), &data[i + 1..]),
        None => (None, data),
    };
    let text = String::from_utf8_lossy(text).into_owned();
    let tokenizer = WordTokenizer::for_language(language);
    for word in tokenizer.words(&text) {
        std::hint::black_box(word);
    }
    let document = Document { id: "fuzz".into(), title, text, references: vec![], language: None };
    let prepared = PreparedDocument::new(document, &tokenizer);
    let text = prepared.source.text.as_str();
    let terms = prepared.vocabulary.len();
    assert_eq!(prepared.is_stop.len(), terms);
    assert_eq!(prepared.idf.len(), terms);
    assert!(prepared.idf.iter().all(|x| x.is_finite()), "non-finite idf {:?}", prepared.idf);
    for (i, sentence) in prepared.sentences.iter().enumerate() {
        assert!(sentence.span.end <= text.len() && sentence.span.start < sentence.span.end);
        assert!(text.is_char_boundary(sentence.span.start) && text.is_char_boundary(sentence.span.end));
        let _ = prepared.sentence_text(i);
        assert!(sentence.terms.iter().all(|&t| (t as usize) < terms));
        let mut terms_left = sentence.terms.iter();
        assert!(
            sentence.content.iter().all(|c| terms_left.any(|t| t == c)),
            "content terms of sentence {i} are not a subsequence of its terms"
        );
    }
    assert!(prepared.title_terms.iter().all(|&t| (t as usize) < terms));
});
