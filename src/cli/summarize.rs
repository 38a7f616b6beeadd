//! `sumbench summarize [FILE|-] --summarizer NAME --budget B [--json]`: one
//! text summarized on its own, as `sumy lex-rank --file doc.txt --length 3`.
//! Prints the summary's sentences in document order, one per line (line
//! breaks inside a sentence become spaces), or with `--json` their indices,
//! scores and byte spans.

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::{Context, bail};
use serde::Serialize;
use sumbench::harness::BudgetSpec;
use sumbench::summarize::{BuildOptions, summarize_text};

/// Arguments of `sumbench summarize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The summarizer (see `sumbench list`); any but `oracle`, which needs references.
    #[arg(long, short = 's', default_value = "lexrank")]
    summarizer: String,
    /// Summary length: `3s` sentences, `100w` words, `280c` characters, `665b` bytes or
    /// `0.1r` of the text.
    #[arg(long, short = 'b', allow_hyphen_values = true, default_value = "3s")]
    budget: BudgetSpec,
    /// Seed for `random`.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// The text's language: an ISO 639-1 code or XL-Sum's name, or auto to detect it.
    /// It decides sentences, words, stop words and stemming.
    #[arg(long, value_name = "CODE", default_value = "en")]
    language: sumbench::LanguageChoice,
    /// Print JSON: each chosen sentence's index, score, byte span and text.
    #[arg(long)]
    json: bool,
    /// Input file (UTF-8 text); `-` or nothing reads standard input.
    file: Option<PathBuf>,
}

/// One chosen sentence, as `--json` prints it.
#[derive(Serialize)]
struct Chosen<'a> {
    index: usize,
    score: f64,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Summarizes the input and prints the summary.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let (name, bytes) = match args.file.as_deref() {
        Some(p) if p.as_os_str() != "-" => (
            p.display().to_string(),
            std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?,
        ),
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).context("<stdin>: cannot read")?;
            ("<stdin>".to_string(), bytes)
        }
    };
    let text = String::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("{name}: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    let BudgetSpec::Fixed(budget) = args.budget else {
        bail!(
            "budget `ref` is the references' length, and a text on its own has none: give 3s, 100w, 280c, 665b or 0.1r"
        );
    };
    let language = args.language.resolve(&text);
    let (doc, summary) = summarize_text(
        &text,
        language,
        &args.summarizer,
        &budget,
        &BuildOptions { seed: args.seed, ..BuildOptions::default() },
    )?;
    let mut out = std::io::stdout().lock();
    let spans = summary.spans(&doc);
    if args.json {
        let chosen: Vec<Chosen> = summary
            .sentences
            .iter()
            .zip(&summary.scores)
            .zip(&spans)
            .map(|((&index, &score), span)| Chosen {
                index,
                score,
                start: span.start,
                end: span.end,
                text: &text[span.clone()],
            })
            .collect();
        serde_json::to_writer(&mut out, &chosen)?;
        writeln!(out)?;
    } else {
        for span in spans {
            let one_line: Vec<&str> = text[span].lines().map(str::trim).collect();
            writeln!(out, "{}", one_line.join(" "))?;
        }
    }
    out.flush()?;
    Ok(0)
}
