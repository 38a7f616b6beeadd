//! `sumbench datasets list|download|path`, and [`DatasetArgs`], the
//! `--dataset SPEC` flags `run` and `score` flatten in: datasets by name from
//! the Hugging Face Hub (see `sumbench::datasets`).
//!
//! This is where the environment is read (`HF_ENDPOINT`, `HF_TOKEN`,
//! `HF_HUB_OFFLINE`, `SUMBENCH_CACHE`, `XDG_CACHE_HOME`, `HOME`, the
//! `SUMBENCH_DOWNLOAD_*` deadlines) into a [`HubConfig`], and where downloads
//! draw their progress bar and say when they retry.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sumbench::corpus::ReadOptions;
use sumbench::datasets::{
    self, CATALOGUE, DEFAULT_ENDPOINT, DatasetSpec, Deadlines, DownloadObserver, HubConfig,
    cache::default_cache_dir,
};
use sumbench::harness::CorpusInput;

use super::corpus::CorpusArgs;

/// The `--dataset` flags of `run` and `score`.
#[derive(Debug, Clone, clap::Args)]
pub struct DatasetArgs {
    /// A dataset instead of --corpus: NAME[:SPLIT] from `sumbench datasets list`
    /// (split `test` by default), or hf://datasets/OWNER/NAME@REVISION/PATH.parquet
    /// read with the --*-field flags; downloaded once into the cache. Repeat for several.
    #[arg(long = "dataset", value_name = "SPEC", conflicts_with = "corpora")]
    pub datasets: Vec<String>,
    /// The SHA-256 a hf:// file must have.
    #[arg(long, value_name = "HEX", requires = "datasets")]
    pub sha256: Option<String>,
    /// Read datasets from the cache only, never downloading (as HF_HUB_OFFLINE=1).
    #[arg(long)]
    pub offline: bool,
}

impl DatasetArgs {
    /// Whether any dataset was named.
    pub fn given(&self) -> bool {
        !self.datasets.is_empty()
    }

    /// The corpora the datasets stand for: one per parquet file, downloaded
    /// first when the cache lacks it.
    pub fn corpora(&self, corpus_args: &CorpusArgs, quiet: bool) -> anyhow::Result<Vec<CorpusInput>> {
        let config = hub_config(self.offline)?;
        let base = corpus_args.read_options(true);
        let bar = ByteBar::new(!quiet && std::io::stderr().is_terminal(), !quiet);
        let mut corpora = Vec::new();
        for spec in &self.datasets {
            let spec = parse(spec, self.sha256.as_deref())?;
            let resolved = datasets::resolve(&spec, &base, &config, &bar)?;
            corpora.extend(
                resolved
                    .files
                    .into_iter()
                    .map(|path| CorpusInput { path, options: resolved.options.clone() }),
            );
        }
        Ok(corpora)
    }
}

/// Parses a spec, with a checksum when one is given.
fn parse(spec: &str, sha256: Option<&str>) -> anyhow::Result<DatasetSpec> {
    let parsed = DatasetSpec::parse(spec)?;
    Ok(match sha256 {
        Some(hex) => parsed.with_sha256(hex)?,
        None => parsed,
    })
}

/// The variables that set the download deadlines, in seconds: connect, stall, total.
const DEADLINE_VARIABLES: [&str; 3] =
    ["SUMBENCH_DOWNLOAD_CONNECT", "SUMBENCH_DOWNLOAD_STALL", "SUMBENCH_DOWNLOAD_TOTAL"];

/// The hub configuration from the environment: `HF_ENDPOINT` (else the
/// hub), `HF_TOKEN`, `HF_HUB_OFFLINE` (or `offline`), the cache folder
/// (`SUMBENCH_CACHE`, else `XDG_CACHE_HOME/sumbench`, else `~/.cache/sumbench`),
/// and the deadlines ([`DEADLINE_VARIABLES`], else [`Deadlines::default`]).
pub fn hub_config(offline: bool) -> anyhow::Result<HubConfig> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let path = |name: &str| std::env::var_os(name).map(PathBuf::from);
    let cache_dir = default_cache_dir(path("SUMBENCH_CACHE"), path("XDG_CACHE_HOME"), path("HOME"))
        .context("no cache folder: set SUMBENCH_CACHE (or XDG_CACHE_HOME or HOME)")?;
    let env_offline = var("HF_HUB_OFFLINE")
        .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"));
    let default = Deadlines::default();
    let [connect, stall, total] = DEADLINE_VARIABLES;
    let seconds = |name: &str, default: Duration| match var(name) {
        Some(value) => parse_seconds(name, &value),
        None => Ok(default),
    };
    Ok(HubConfig {
        endpoint: var("HF_ENDPOINT").unwrap_or_else(|| DEFAULT_ENDPOINT.into()),
        token: var("HF_TOKEN"),
        offline: offline || env_offline,
        deadlines: Deadlines {
            connect: seconds(connect, default.connect)?,
            stall: seconds(stall, default.stall)?,
            total: seconds(total, default.total)?,
        },
        ..HubConfig::new(cache_dir)
    })
}

/// A deadline variable's value: a positive number of seconds.
fn parse_seconds(name: &str, value: &str) -> anyhow::Result<Duration> {
    match value.trim().parse::<f64>().ok().and_then(|s| Duration::try_from_secs_f64(s).ok()) {
        Some(duration) if !duration.is_zero() => Ok(duration),
        _ => bail!("{name}=`{value}`: expected a positive number of seconds, e.g. 30 or 0.5"),
    }
}

/// The observer of a download outside `--dataset` (a `--model hf://…`): the
/// byte bar when stderr is a terminal, retries said unless `quiet`.
#[cfg(feature = "models")]
pub fn download_bar(quiet: bool) -> impl DownloadObserver {
    ByteBar::new(!quiet && std::io::stderr().is_terminal(), !quiet)
}

/// A byte progress bar on stderr for downloads (hidden when not a
/// terminal), and the download's messages: each retry and each partial
/// download of a killed process removed, printed once whether or not stderr is
/// a terminal (unless `say` is false: `--quiet`).
struct ByteBar {
    bar: ProgressBar,
    say: bool,
}

impl ByteBar {
    fn new(visible: bool, say: bool) -> ByteBar {
        if !visible {
            return ByteBar { bar: ProgressBar::hidden(), say };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        ByteBar { bar, say }
    }

    /// Prints one line on stderr, above the bar when it is drawn.
    fn say(&self, line: String) {
        match (self.say, self.bar.is_hidden()) {
            (false, _) => {}
            (true, true) => eprintln!("{line}"),
            (true, false) => self.bar.println(line),
        }
    }
}

impl DownloadObserver for ByteBar {
    fn started(&self, url: &str, bytes: Option<u64>) {
        self.bar.reset();
        self.bar.set_length(bytes.unwrap_or(0));
        self.bar.set_message(format!("downloading {}", url.rsplit('/').next().unwrap_or(url)));
    }

    fn advanced(&self, bytes: u64) {
        self.bar.inc(bytes);
    }

    fn retrying(&self, url: &str, error: &str, delay: Duration) {
        self.say(format!("warning: {url}: {error}; retrying in {} s", delay.as_secs_f64()));
    }

    fn finished(&self) {
        self.bar.finish_and_clear();
    }

    fn removed_stale(&self, path: &Path, pid: u32) {
        self.say(format!(
            "note: removed {}, a partial download left by process {pid}, which is gone",
            path.display()
        ));
    }
}

/// Arguments of `sumbench datasets`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// The built-in catalogue: repository, revision, splits, columns, licence, citation.
    List,
    /// Download a dataset into the cache (or check the cached copy) and print its files.
    Download(SpecArgs),
    /// Print the cached files of a dataset, checked, without downloading.
    Path(SpecArgs),
}

#[derive(Debug, clap::Args)]
struct SpecArgs {
    /// NAME[:SPLIT] or hf://datasets/OWNER/NAME@REVISION/PATH.parquet.
    #[arg(value_name = "SPEC")]
    spec: String,
    /// The SHA-256 a hf:// file must have.
    #[arg(long, value_name = "HEX")]
    sha256: Option<String>,
    /// Never download (as HF_HUB_OFFLINE=1).
    #[arg(long)]
    offline: bool,
}

/// Runs the subcommand.
pub fn run(args: Args) -> anyhow::Result<i32> {
    match args.command {
        Command::List => print!("{}", list()),
        Command::Download(args) => {
            let config = hub_config(args.offline)?;
            let spec = parse(&args.spec, args.sha256.as_deref())?;
            let bar = ByteBar::new(std::io::stderr().is_terminal(), true);
            let resolved = datasets::resolve(&spec, &ReadOptions::default(), &config, &bar)?;
            for path in resolved.files {
                println!("{}", path.display());
            }
        }
        Command::Path(args) => {
            let config = hub_config(args.offline)?;
            for path in datasets::cached(&parse(&args.spec, args.sha256.as_deref())?, &config)? {
                println!("{}", path.display());
            }
        }
    }
    Ok(0)
}

/// The catalogue as `datasets list` prints it.
fn list() -> String {
    let mut out = String::from(
        "Datasets by name (sumbench run --dataset NAME[:SPLIT]; split `test` by default).\n\
         pinned: a commit and the SHA-256 of every file are built in; trust on first use: the\n\
         SHA-256 is recorded on first download and checked on every later use.\n",
    );
    for entry in CATALOGUE {
        let check = if entry.pinned() { "pinned" } else { "trust on first use" };
        let id =
            if entry.id_field == sumbench::corpus::ROW_NUMBER_ID { "row number" } else { entry.id_field };
        out.push_str(&format!(
            "\n{}  {}\n  hub       {} @ {} ({check})\n  splits    {}\n  columns   id: {id}, text: {}, reference: {}\n  licence   {}\n  cite      {}\n",
            entry.name,
            entry.description,
            entry.repo,
            entry.revision,
            entry.split_names(),
            entry.text_field,
            entry.ref_field,
            entry.license,
            entry.citation,
        ));
    }
    out
}
