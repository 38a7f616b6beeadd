//! Dev aid: dumps every `PreparedDocument` of the given JSONL corpora
//! (spans, paragraphs, word counts, term ids, title terms, vocabulary, stop
//! flags, IDF bits) as text, one document after another, so that two
//! versions of the preparation code can be compared with `diff` or `cmp`.
//!
//! `cargo run --release --example prepare_dump -- OUT.txt FILE.jsonl...`
//!
//! With `PREPARE_WARMUP=N` in the environment, each corpus is first prepared
//! N times without output (to profile preparation with warm caches: the
//! instruction count of N + 1 passes minus that of N passes).

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use sumbench::corpus::{ReadOptions, read_corpus};
use sumbench::text::{PreparedDocument, WordTokenizer};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args.next().context("usage: prepare_dump OUT.txt FILE.jsonl...")?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(&out).context("creating the output")?);
    let tokenizer = WordTokenizer::english();
    for path in args {
        let docs = read_corpus(Path::new(&path), &ReadOptions::default())
            .with_context(|| format!("reading {path}"))?;
        let warmup: usize = std::env::var("PREPARE_WARMUP").ok().and_then(|n| n.parse().ok()).unwrap_or(0);
        for _ in 0..warmup {
            for doc in &docs {
                std::hint::black_box(PreparedDocument::new(doc.clone(), &tokenizer));
            }
        }
        for doc in docs {
            let p = PreparedDocument::new(doc, &tokenizer);
            writeln!(out, "doc {}", p.source.id)?;
            for s in &p.sentences {
                writeln!(
                    out,
                    "s {:?} p{} w{} t{:?} c{:?}",
                    s.span, s.paragraph, s.words, s.terms, s.content
                )?;
            }
            writeln!(out, "title {:?}", p.title_terms)?;
            for ((term, stop), idf) in p.vocabulary.iter().zip(&p.is_stop).zip(&p.idf) {
                writeln!(out, "v {term} {stop} {:x}", idf.to_bits())?;
            }
        }
    }
    Ok(())
}
