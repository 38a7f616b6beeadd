//! `sumbench run`: run summarizers over corpora, score them, and write reports.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context;
use sumbench::LanguageChoice;
use sumbench::harness::plan::{BudgetSpec, parse_summarizers};
use sumbench::harness::run::{DEFAULT_CHUNK, RunRequest, run as run_harness};
use sumbench::harness::{CorpusInput, HarnessError, Settings};
use sumbench::metrics::MetricSpec;
use sumbench::profiles::{ProfileScorer, ProfileSpec};
use sumbench::rouge::RougeTokenizer;
use sumbench::rundir::{BaselineError, Shard, SummaryText, baseline_dir};

use super::corpus::CorpusArgs;
use super::datasets::DatasetArgs;

/// Where `--out` goes by default (ignored by git).
pub const DEFAULT_OUT: &str = "results/latest";

/// The corpus read when no `--corpus` is given: the repository's folder of corpora.
pub const DEFAULT_CORPUS: &str = "corpus/";

/// `sumbench run` without `--corpus` where the default corpus folder is
/// missing (an installed binary run outside the repository); `main` adds the hint.
#[derive(Debug, thiserror::Error)]
#[error(
    "{DEFAULT_CORPUS}: No such file or directory (the default corpus, read when neither --corpus nor --dataset is given)"
)]
pub struct NoDefaultCorpus;

/// Arguments of `sumbench run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A corpus (JSONL file, directory corpus, .story files, or a folder of
    /// corpora such as corpus/, one corpus per subfolder); repeat for several.
    #[arg(long = "corpus", value_name = "PATH", default_value = DEFAULT_CORPUS)]
    corpora: Vec<PathBuf>,
    #[command(flatten)]
    corpus_args: CorpusArgs,
    #[command(flatten)]
    datasets: DatasetArgs,
    /// `all` or a comma-separated list of summarizers (see `sumbench list`), in report order.
    #[arg(long, default_value = "all")]
    summarizers: String,
    /// Summary length: Ns sentences, Nw words, Nb bytes, Fr a fraction of the
    /// document's words, or `ref` (mean reference length in words, rounded half to even).
    #[arg(long, allow_hyphen_values = true, default_value = "ref")]
    budget: BudgetSpec,
    #[command(flatten)]
    report: ReportArgs,
    /// Run only shard K of N: the documents at positions K-1, K-1+N, … of each corpus.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Documents read, prepared and evaluated at a time (bounds memory on large corpora).
    #[arg(long, default_value_t = DEFAULT_CHUNK)]
    chunk_size: usize,
    /// What summaries.jsonl keeps of each summary: sentences (the chosen
    /// sentence indices and where a budget cut the last; report.html, compare
    /// --html and merge rebuild the text from the corpus, its SHA-256 checked)
    /// or text (the text as well, about ten times the size).
    #[arg(long, value_name = "LAYOUT", default_value = "sentences", alias = "summaries-layout")]
    summaries: SummaryText,
}

/// Scoring and output options shared by `run` and `score`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Comma-separated metrics, in report order: rouge-score's rouge1…rouge9, rougeL,
    /// rougeLsum; ROUGE-1.5.5's rougeW-<weight>, rougeS<k>, rougeSU<k>, rougeS*, rougeSU*;
    /// the metrics of `eval`; dangling (extract sentences whose antecedent was left out)
    /// [default: rouge1,rouge2,rougeL,rougeLsum,dangling].
    #[arg(long)]
    metrics: Option<String>,
    /// Stem words (Porter) before ROUGE matching (the default).
    #[arg(long, overrides_with = "no_stem")]
    stem: bool,
    /// Do not stem before ROUGE matching.
    #[arg(long, overrides_with = "stem")]
    no_stem: bool,
    /// ROUGE's tokenizer: rouge-score (bit-identical to rouge-score: ASCII letters and
    /// digits only), xlsum (XL-Sum's multilingual scorer for each document's
    /// --language, quirks included), multilingual (xlsum with rougeLsum tokenized like
    /// the other metrics; recommended beyond English) or unicode (NFKC, case folding,
    /// Unicode words; never stems). ROUGE-1.5.5's metrics keep the script's own tokenizer.
    #[arg(long, value_name = "PROFILE", default_value = "rouge-score")]
    pub rouge_tokenizer: RougeTokenizer,
    /// Score rouge1…rouge9, rougeL and rougeLsum with another package, exactly:
    /// NAME[:init.KEY=VALUE,call.KEY=VALUE,...] (rouge, py-rouge, rouge-metric,
    /// sumeval, rouge-chinese, evaluate-rouge, helm, helm-chinese, lm-eval-cnndm,
    /// lm-eval-truthfulqa), its own keyword arguments, its own signature. The
    /// package gets each summary and reference one sentence per line.
    #[arg(long, value_name = "PROFILE")]
    pub rouge_profile: Option<ProfileSpec>,
    /// The sentence-embedding model of `--metrics bertscore` and the embedding
    /// summarizers: a sentence-transformers folder, or hf://OWNER/NAME@REVISION
    /// from the hub cache (needs a build with the `models` feature).
    #[arg(long, value_name = "DIR")]
    pub model: Option<String>,
    /// BERTScore's layer [default: the model's last].
    #[arg(long, value_name = "N", requires = "model")]
    pub bertscore_layer: Option<usize>,
    /// Rescale BERTScore with this baseline (bert_score's CSV: LAYER,P,R,F).
    #[arg(long, value_name = "FILE", requires = "model")]
    pub bertscore_baseline: Option<PathBuf>,
    /// The documents' language, where a corpus does not give each document's own
    /// (a JSONL `language` field): an ISO 639-1 code (de, zh, …), XL-Sum's name
    /// (german, chinese, …), or auto to detect it per document. It decides
    /// sentences, words, stop words and stemming for the summarizers, and for
    /// the xlsum and multilingual ROUGE profiles the tokenizer and stemmer.
    #[arg(long, value_name = "CODE", default_value = "en")]
    language: LanguageChoice,
    /// Seed for randomized summarizers and the bootstrap.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Worker threads [default: RAYON_NUM_THREADS, else one per core].
    #[arg(long)]
    pub threads: Option<usize>,
    /// Output directory [default: results/latest].
    #[arg(long, conflicts_with = "save_baseline")]
    out: Option<PathBuf>,
    /// Write into results/NAME/ as a named baseline (never overwritten without --force).
    #[arg(long, value_name = "NAME")]
    save_baseline: Option<String>,
    /// Replace an existing baseline.
    #[arg(long, requires = "save_baseline")]
    force: bool,
    /// No progress bar and no messages on stderr (the table is still printed).
    #[arg(long)]
    pub quiet: bool,
}

impl ReportArgs {
    /// The `bertscore` metric's model and options, when it is among `metrics`
    /// and `--model` is given (without a model the run refuses `bertscore`).
    pub fn bertscore(
        &self,
        metrics: &[MetricSpec],
    ) -> anyhow::Result<Option<sumbench::models::BertScoreSetting>> {
        let Some(model) = self.model.as_ref().filter(|_| metrics.contains(&MetricSpec::BertScore)) else {
            return Ok(None);
        };
        super::model::bertscore_setting(model, self.bertscore_layer, false, self.bertscore_baseline.clone())
            .map(Some)
    }

    /// The metrics asked for, or the defaults (ROUGE's four and dangling).
    pub fn metrics(&self) -> anyhow::Result<Vec<MetricSpec>> {
        Ok(match (&self.metrics, &self.rouge_profile) {
            (Some(list), _) => MetricSpec::parse_list(list)?,
            // A profile's defaults: those of rouge1, rouge2, rougeL, rougeLsum it reports.
            (None, Some(profile)) => ProfileScorer::reported(profile, &MetricSpec::defaults())?,
            (None, None) => MetricSpec::defaults(),
        })
    }

    /// `--language`, refused with a ROUGE profile that would drop all of
    /// its letters (rouge-score's on a non-Latin script; the message names
    /// the fix). Under `auto` the run warns per corpus instead.
    pub fn language(&self) -> anyhow::Result<LanguageChoice> {
        if let LanguageChoice::Fixed(language) = self.language {
            self.rouge_tokenizer.check_language(language)?;
        }
        Ok(self.language)
    }

    /// Whether to stem before ROUGE matching.
    pub fn stem(&self) -> bool {
        !self.no_stem
    }

    /// The output directory (see [`output_dir`]).
    pub fn out_dir(&self) -> anyhow::Result<PathBuf> {
        output_dir(self.out.as_deref(), self.save_baseline.as_deref(), self.force)
    }

    /// Prints the Markdown table, then (unless `--quiet`) the warnings and where the report went.
    pub fn print_outcome(&self, markdown: &str, warnings: &[String], out: &Path) {
        print!("{markdown}");
        if !self.quiet {
            for warning in warnings {
                eprintln!("warning: {warning}");
            }
            eprintln!("wrote {}", out.display());
        }
    }
}

/// Runs the subcommand.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let report = &args.report;
    let metrics = report.metrics()?;
    let settings = Settings {
        summarizers: parse_summarizers(&args.summarizers)?,
        budget: args.budget,
        metrics: metrics.clone(),
        stem: report.stem(),
        rouge_tokenizer: report.rouge_tokenizer,
        rouge_profile: report.rouge_profile.clone(),
        bertscore: report.bertscore(&metrics)?,
        language: report.language()?,
        seed: report.seed,
    };
    let only_default = args.corpora.len() == 1 && args.corpora[0] == Path::new(DEFAULT_CORPUS);
    if !args.datasets.given() && only_default && !Path::new(DEFAULT_CORPUS).exists() {
        return Err(NoDefaultCorpus.into());
    }
    let out = report.out_dir()?;
    super::edge::remove_stale_staging(&out, report.quiet);
    let request = RunRequest {
        corpora: match args.datasets.given() {
            true => args.datasets.corpora(&args.corpus_args, report.quiet)?,
            false => (args.corpus_args.corpora(&args.corpora)?)
                .into_iter()
                .map(|path| CorpusInput { path, options: args.corpus_args.read_options(true) })
                .collect(),
        },
        custom_summarizers: super::model::embedding_summarizers(
            report.model.as_deref(),
            &settings.summarizers,
        )?,
        settings,
        shard: args.shard.unwrap_or(Shard::ALL),
        chunk_size: args.chunk_size,
        summaries: args.summaries,
        provenance: super::edge::provenance(),
    };
    let bar = super::edge::Bar::new(!report.quiet && std::io::stderr().is_terminal());
    let outcome = with_threads(report.threads, || run_harness(&request, &out, &bar))?;
    report.print_outcome(&outcome.markdown, &outcome.info.warnings, &out);
    Ok(0)
}

/// The output directory: `--out`, `results/NAME` for a baseline (see
/// [`baseline_dir`]: refused if it already holds files, unless `force`), or
/// [`DEFAULT_OUT`].
pub fn output_dir(out: Option<&Path>, baseline: Option<&str>, force: bool) -> anyhow::Result<PathBuf> {
    let Some(name) = baseline else {
        return Ok(out.map_or_else(|| PathBuf::from(DEFAULT_OUT), Path::to_path_buf));
    };
    match baseline_dir(Path::new("results"), name, force) {
        Err(error @ BaselineError::Exists(_)) => anyhow::bail!("{error}; pass --force to replace it"),
        other => Ok(other?),
    }
}

/// Runs `work` on a pool of `threads` workers, or on rayon's global pool
/// (which follows RAYON_NUM_THREADS) when `None`.
pub fn with_threads<T: Send>(
    threads: Option<usize>,
    work: impl FnOnce() -> Result<T, HarnessError> + Send,
) -> anyhow::Result<T> {
    match threads {
        None => Ok(work()?),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .with_context(|| format!("cannot start {n} worker threads"))?;
            Ok(pool.install(work)?)
        }
    }
}
