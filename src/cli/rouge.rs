//! `sumbench rouge`: score candidates against references, JSONL in and out,
//! or line-aligned text files like files2rouge. Two modes: rouge-score
//! (default, see `rouge_family.rs`) and ROUGE-1.5.5 (see `rouge155.rs`).

use std::path::PathBuf;

/// Which ROUGE implementation to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// Google's rouge-score 0.1.2, bit for bit.
    RougeScore,
    /// The ROUGE-1.5.5 Perl script's printed values.
    Rouge155,
}

/// ROUGE-1.5.5's multi-reference rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MultiRef {
    /// `-f A`: pool counts over the references.
    A,
    /// `-f B`: the best reference.
    B,
}

/// Arguments of `sumbench rouge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which implementation to match.
    #[arg(long, value_enum, default_value = "rouge-score")]
    pub mode: Mode,
    /// Stem tokens (rouge-score: NLTK Porter; rouge155: its `-m` stemmer).
    #[arg(long, overrides_with = "no_stem")]
    pub stem: bool,
    /// Do not stem (the default).
    #[arg(long)]
    pub no_stem: bool,
    /// Comma-separated metrics. rouge-score mode: rouge1…rouge9, rougeL, rougeLsum
    /// (default rouge1,rouge2,rougeL,rougeLsum). rouge155 mode: rouge1…rouge9, rougeL,
    /// rougeW-<weight>, rougeS<k>, rougeSU<k>, rougeS*, rougeSU* (default
    /// rouge1,rouge2,rougeL,rougeW-1.2,rougeS4,rougeSU4).
    #[arg(long, value_delimiter = ',')]
    pub metrics: Vec<String>,
    /// rouge155 mode: multi-reference rule.
    #[arg(long, value_enum, default_value = "a", ignore_case = true)]
    pub multi_ref: MultiRef,
    /// rouge155 mode: remove stop words (`-s`).
    #[arg(long)]
    pub remove_stopwords: bool,
    /// rouge155 mode: keep only the first N words (`-l`).
    #[arg(long, conflicts_with = "limit_bytes")]
    pub limit_words: Option<usize>,
    /// rouge155 mode: keep only the first N bytes (`-b`).
    #[arg(long)]
    pub limit_bytes: Option<usize>,
    /// Line-aligned candidates file (one summary per line; output ids are the
    /// 1-based line numbers); needs --references.
    #[arg(long, requires = "references", conflicts_with = "input")]
    pub candidates: Option<PathBuf>,
    /// Line-aligned reference files (one per reference set).
    #[arg(long, num_args = 1..)]
    pub references: Vec<PathBuf>,
    /// JSONL input of {"id", "candidate", "references"}; `-` or nothing reads stdin.
    pub input: Option<PathBuf>,
}

/// Dispatches on the mode.
pub fn run(args: Args) -> anyhow::Result<i32> {
    match args.mode {
        Mode::RougeScore => super::rouge_family::run(&args),
        Mode::Rouge155 => super::rouge155::run(&args),
    }
}
