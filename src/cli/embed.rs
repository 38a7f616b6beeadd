//! `sumbench embed --model DIR [FILE|-]`: sentence embeddings of JSONL
//! `{"id", "text"}` lines, one `{"id", "input_ids", "embedding"}` line out per
//! line in, as sentence-transformers' `encode` computes them.
//!
//! Owns: reading and checking the lines, and writing the vectors. The model
//! is `cli::model`'s; without the `models` feature the command says how to
//! get it.

use std::path::PathBuf;

/// Arguments of `sumbench embed`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The model: a sentence-transformers folder (config.json, tokenizer.json,
    /// model.safetensors, modules.json), or `hf://OWNER/NAME@REVISION` from the
    /// hub cache.
    #[arg(long, value_name = "DIR")]
    model: String,
    /// JSONL input of {"id", "text"}; `-` or nothing reads stdin.
    file: Option<PathBuf>,
}

/// Lines embedded per call of the model: bounds memory, keeps batches full.
#[cfg(feature = "models")]
const CHUNK: usize = 256;

/// Embeds the input's texts and prints one line per input line.
#[cfg(feature = "models")]
pub fn run(args: Args) -> anyhow::Result<i32> {
    use anyhow::Context;
    use std::io::Write;
    use sumbench::jsonl::JsonLines;

    let encoder = super::model::sentence_encoder(&args.model)?;
    let name = sumbench::jsonl::input_name(args.file.as_deref()).display().to_string();
    let input =
        sumbench::jsonl::open_input(args.file.as_deref()).with_context(|| format!("{name}: cannot open"))?;
    let mut lines = JsonLines::new(input);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut ids: Vec<serde_json::Value> = Vec::with_capacity(CHUNK);
    let mut texts: Vec<String> = Vec::with_capacity(CHUNK);
    let mut flush = |ids: &mut Vec<serde_json::Value>, texts: &mut Vec<String>| -> anyhow::Result<()> {
        let embeddings = encoder.embed(texts).with_context(|| format!("{name}: cannot embed"))?;
        for (id, embedding) in ids.drain(..).zip(embeddings) {
            let line = Line { id, input_ids: &embedding.input_ids, embedding: &embedding.vector };
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        }
        texts.clear();
        Ok(())
    };
    while let Some(line) = lines.next_line() {
        let line = line.with_context(|| format!("{name}: cannot read"))?;
        let (id, text) =
            parse_line(line.bytes).map_err(|why| anyhow::anyhow!("{name}:{}: {why}", line.number))?;
        ids.push(id);
        texts.push(text);
        if texts.len() == CHUNK {
            flush(&mut ids, &mut texts)?;
        }
    }
    flush(&mut ids, &mut texts)?;
    out.flush()?;
    Ok(0)
}

/// One output line. `f32` is written as the shortest decimal that reads back
/// to the same `f32`, as the conformance files write them.
#[cfg(feature = "models")]
#[derive(serde::Serialize)]
struct Line<'a> {
    id: serde_json::Value,
    input_ids: &'a [u32],
    embedding: &'a [f32],
}

/// Without the feature: the command exists, and says how to get it.
#[cfg(not(feature = "models"))]
pub fn run(_args: Args) -> anyhow::Result<i32> {
    Err(super::model::not_built())
}

/// A line's `id` (any JSON value but null, echoed as given) and `text`.
#[cfg(feature = "models")]
fn parse_line(bytes: &[u8]) -> Result<(serde_json::Value, String), String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|error| format!("not JSON: {error}"))?;
    let serde_json::Value::Object(mut fields) = value else {
        return Err("expected a JSON object {\"id\", \"text\"}".into());
    };
    let id = match fields.remove("id") {
        None | Some(serde_json::Value::Null) => return Err("field \"id\" is missing".into()),
        Some(id) => id,
    };
    match fields.remove("text") {
        Some(serde_json::Value::String(text)) => Ok((id, text)),
        None => Err("field \"text\" is missing".into()),
        Some(_) => Err("field \"text\" must be a string".into()),
    }
}
