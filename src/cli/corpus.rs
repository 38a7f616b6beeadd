//! `sumbench corpus [CORPUS FLAGS] [--require-references] PATH`: reads a whole
//! corpus (streaming, one document in memory at a time), validates it and
//! prints counts: documents, references per document, words (whitespace
//! separated, as the corpora's SOURCE.md files count them) and sentences.
//!
//! Also home of [`CorpusArgs`], the corpus flags every subcommand that reads a
//! corpus flattens into its own arguments.

use std::path::PathBuf;

use anyhow::Context;
use sumbench::corpus::{self, Format, ReadOptions};

/// The flags saying how to read a corpus, shared by `corpus`, `run` and
/// `score` (`#[command(flatten)] corpus: CorpusArgs`).
#[derive(Debug, Clone, clap::Args)]
pub struct CorpusArgs {
    /// Corpus format [default: detected from the path: .jsonl/.json file → jsonl,
    /// .csv → csv, .tsv → tsv, .parquet → parquet, .story file or directory of them → story, directory of
    /// <id>/document.txt → dir]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// JSONL field (CSV/TSV/parquet column) holding the document id (a string or an
    /// integer); for parquet, `#row` numbers the rows instead.
    #[arg(long, value_name = "NAME", default_value = corpus::DEFAULT_ID_FIELD)]
    pub id_field: String,
    /// JSONL field (CSV/TSV column) holding the document text.
    #[arg(long, value_name = "NAME", default_value = corpus::DEFAULT_TEXT_FIELD)]
    pub text_field: String,
    /// JSONL field (CSV/TSV column: one reference per cell) holding the references: an array of strings, or one string
    /// (e.g. newline-separated highlights) forming a single reference.
    #[arg(long, value_name = "NAME", default_value = corpus::DEFAULT_REF_FIELD)]
    pub ref_field: String,
    /// JSONL field (CSV/TSV column) holding the optional title.
    #[arg(long, value_name = "NAME", default_value = corpus::DEFAULT_TITLE_FIELD)]
    pub title_field: String,
}

impl CorpusArgs {
    /// The library's read options for these flags; scoring commands pass
    /// `require_references = true`.
    pub fn read_options(&self, require_references: bool) -> ReadOptions {
        ReadOptions {
            format: self.format.map(Format::from),
            id_field: self.id_field.clone(),
            text_field: self.text_field.clone(),
            ref_field: self.ref_field.clone(),
            title_field: self.title_field.clone(),
            require_references,
        }
    }

    /// Every corpus that `paths` name: a folder of corpora (such as `corpus/`)
    /// stands for each of its members, unless `--format` says how to read the
    /// path itself.
    pub fn corpora(&self, paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
        if self.format.is_some() {
            return Ok(paths.to_vec());
        }
        let mut corpora = Vec::new();
        for path in paths {
            corpora.extend(corpus::corpora_in(path)?);
        }
        Ok(corpora)
    }
}

/// `--format`: the corpus formats as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// One JSON object per line.
    Jsonl,
    /// `<dir>/<id>/document.txt` + `<dir>/<id>/references/*.txt`.
    Dir,
    /// CNN/DailyMail `.story` files (a file or a directory of them).
    Story,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// Apache Parquet (the Hugging Face Hub's format).
    Parquet,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Dir => Format::Dir,
            FormatArg::Story => Format::Story,
            FormatArg::Csv => Format::Csv,
            FormatArg::Tsv => Format::Tsv,
            FormatArg::Parquet => Format::Parquet,
        }
    }
}

/// Arguments of `sumbench corpus`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Fail on any document without references (as scoring would).
    #[arg(long)]
    require_references: bool,
    /// The corpus: a JSONL, CSV or TSV file, a directory corpus, .story file(s), or a
    /// folder of corpora (each member is counted on its own).
    path: PathBuf,
}

/// Reads and validates each corpus, then prints its counts.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let options = args.corpus.read_options(args.require_references);
    for (i, path) in args.corpus.corpora(std::slice::from_ref(&args.path))?.iter().enumerate() {
        let corpus = corpus::open(path, &options).context("invalid corpus")?;
        let format = corpus.format();
        let mut counts = Counts::default();
        for document in corpus {
            let document = document.context("invalid corpus")?;
            counts.add(&document);
        }
        if i > 0 {
            println!();
        }
        println!("corpus              {} ({format})", path.display());
        print!("{}", counts.render());
    }
    Ok(0)
}

/// Running totals over the documents.
#[derive(Debug, Default)]
struct Counts {
    documents: usize,
    titles: usize,
    references: Stat,
    document_words: Stat,
    reference_words: Stat,
    sentences: Stat,
}

impl Counts {
    fn add(&mut self, document: &corpus::Document) {
        self.documents += 1;
        self.titles += usize::from(document.title.is_some());
        self.references.add(document.references.len());
        self.document_words.add(document.text.split_whitespace().count());
        for reference in &document.references {
            self.reference_words.add(reference.split_whitespace().count());
        }
        self.sentences.add(sumbench::text::sentence_spans(&document.text).len());
    }

    fn render(&self) -> String {
        format!(
            "documents           {}\n\
             with a title        {}\n\
             references          {} (per document: {})\n\
             words/document      {}\n\
             words/reference     {}\n\
             sentences/document  {}\n",
            self.documents,
            self.titles,
            self.references.total,
            self.references,
            self.document_words,
            self.reference_words,
            self.sentences,
        )
    }
}

/// Count, total, minimum and maximum of a quantity.
#[derive(Debug, Default)]
struct Stat {
    count: usize,
    total: usize,
    min: usize,
    max: usize,
}

impl Stat {
    fn add(&mut self, value: usize) {
        self.min = if self.count == 0 { value } else { self.min.min(value) };
        self.max = self.max.max(value);
        self.total += value;
        self.count += 1;
    }
}

impl std::fmt::Display for Stat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.count == 0 {
            return f.write_str("none");
        }
        let mean = self.total as f64 / self.count as f64;
        write!(f, "min {}, mean {mean:.1}, max {}", self.min, self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_tracks_min_mean_max() {
        let mut stat = Stat::default();
        assert_eq!(stat.to_string(), "none");
        for value in [4, 1, 7] {
            stat.add(value);
        }
        assert_eq!(stat.to_string(), "min 1, mean 4.0, max 7");
        assert_eq!(stat.total, 12);
    }
}
