//! Dev aid: dumps every `PreparedDocument` of the given JSONL corpora
//! (spans, paragraphs, word counts, term ids, title terms, vocabulary, stop
//! flags, IDF bits) as text, one document after another, so that two
//! versions of the preparation code can be compared with `diff` or `cmp`.
//!
//! `cargo run --release --example prepare_dump -- OUT.txt FILE.jsonl...`

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
        for doc in docs {
            let p = PreparedDocument::new(doc, &tokenizer);
            writeln!(out, "doc {}", p.document.id)?;
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
