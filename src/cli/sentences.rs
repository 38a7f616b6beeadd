//! `sumbench sentences [--json] [--language CODE|auto] [FILE|-]`: the
//! sentence segmenter on a file or stdin, with a language's rules.
//!
//! Owns: reading the input as UTF-8, choosing the language (given, or
//! detected for `auto`) and printing the sentences. Never segments by itself
//! (that is `text::sentence_spans_in`).

use anyhow::Context;
use std::io::{Read, Write};
use std::path::PathBuf;
use sumbench::lang::{Language, LanguageChoice};

/// Arguments of `sumbench sentences`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print one JSON array of the sentences (verbatim source text) instead of
    /// one sentence per line (where line breaks inside a sentence become spaces).
    #[arg(long)]
    json: bool,
    /// The text's language: an ISO 639-1 code (`de`, `zh`) or XL-Sum's name
    /// (`german`), or `auto` to detect it from the text (English when
    /// detection fails). Default: English.
    #[arg(long, value_name = "CODE")]
    language: Option<LanguageChoice>,
    /// Input file; `-` or nothing reads standard input.
    file: Option<PathBuf>,
}

/// Splits the input and prints the sentences.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let text = match args.file.as_deref() {
        Some(p) if p.as_os_str() != "-" => {
            let bytes = std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
            utf8(bytes, &p.display().to_string())?
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).context("<stdin>: cannot read")?;
            utf8(bytes, "<stdin>")?
        }
    };
    let language = match args.language {
        None => Language::English,
        Some(LanguageChoice::Fixed(language)) => language,
        Some(LanguageChoice::Auto) => Language::detect(&text).unwrap_or(Language::English),
    };
    let sentences: Vec<&str> =
        sumbench::text::sentence_spans_in(&text, language).into_iter().map(|s| &text[s]).collect();
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &sentences)?;
        writeln!(out)?;
    } else {
        for s in sentences {
            let one_line: Vec<&str> = s.lines().map(str::trim).collect();
            writeln!(out, "{}", one_line.join(" "))?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// Decodes the input, naming it and the first bad byte on error.
fn utf8(bytes: Vec<u8>, name: &str) -> anyhow::Result<String> {
    String::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("{name}: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}
