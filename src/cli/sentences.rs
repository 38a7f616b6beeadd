//! `sumbench sentences [--json] [FILE|-]`: the sentence segmenter on a file or stdin.

use anyhow::Context;
use std::io::Read;
use std::path::PathBuf;

/// Arguments of `sumbench sentences`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print one JSON array of sentence strings instead of one sentence per line.
    #[arg(long)]
    json: bool,
    /// Input file; `-` or nothing reads standard input.
    file: Option<PathBuf>,
}

/// Splits the input and prints the sentences.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let text = match args.file.as_deref() {
        None => read_stdin()?,
        Some(p) if p.as_os_str() == "-" => read_stdin()?,
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
            String::from_utf8(bytes).map_err(|e| {
                anyhow::anyhow!("{}: invalid UTF-8 at byte {}", p.display(), e.utf8_error().valid_up_to())
            })?
        }
    };
    let sentences: Vec<&str> = sumbench::text::sentence_spans(&text).into_iter().map(|s| &text[s]).collect();
    if args.json {
        println!("{}", serde_json::to_string(&sentences)?);
    } else {
        for s in sentences {
            println!("{s}");
        }
    }
    Ok(0)
}

fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).context("<stdin>: cannot read")?;
    String::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("<stdin>: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}
