//! `sumbench languages`: every language `--language` takes, with the names
//! it is known by and the rules sumbench has for it.

use sumbench::Language;
use sumbench::lang::{Stemmer, splitter_name};
use sumbench::summarize::has_cue_words;
use sumbench::text::WordTokenizer;

/// Arguments of `sumbench languages`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Prints a Markdown table, one row per language.
pub fn run(_args: Args) -> anyhow::Result<i32> {
    println!(
        "| code | name | also | words | stop words (NLTK) | summarizers' stemmer | Edmundson cue words | ROUGE xlsum stemmer |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for language in Language::all() {
        let tokenizer = WordTokenizer::shared(language);
        let stop_words = language.stop_words().map_or_else(|| "none".to_string(), |w| w.len().to_string());
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            language.code(),
            language.name(),
            language.aliases().join(", "),
            splitter_name(language).unwrap_or("spaces (UAX #29)"),
            stop_words,
            tokenizer.stemmer_name().unwrap_or("none"),
            if has_cue_words(language) { "yes" } else { "none" },
            Stemmer::for_language(language).map_or("none", |s| s.name()),
        );
    }
    Ok(0)
}
