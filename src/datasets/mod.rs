//! Datasets by name: the Hugging Face Hub's parquet files, downloaded once
//! into a local cache and read as corpora.
//!
//! A [`DatasetSpec`] is a catalogue name with an optional split
//! (`cnn_dailymail`, `xsum:validation`; see [`catalogue`]) or one hub file,
//! `hf://datasets/OWNER/NAME@REVISION/PATH.parquet`. [`resolve`] turns it
//! into local parquet files and the [`ReadOptions`] to read them with,
//! downloading what the cache lacks.
//!
//! Owns: the catalogue, the cache layout and its index (the SHA-256 of every
//! file, recorded on first download and checked on every use), downloads
//! (streamed to a temporary file in the cache, verified, then renamed into
//! place: nothing partial is ever left), deadlines ([`Deadlines`]: connect,
//! stall, total), retries with backoff.
//!
//! Never draws, prints or reads the environment: the caller passes a
//! [`HubConfig`] (endpoint, token, cache folder, offline) and a
//! [`DownloadObserver`] for progress.

pub mod cache;
pub mod catalogue;
mod download;
pub mod model;

use std::path::PathBuf;
use std::time::Duration;

use crate::corpus::{Format, ReadOptions};

pub use cache::{CacheIndex, IndexEntry};
pub use catalogue::{CATALOGUE, Entry, HubPath, Split};
pub use model::{ModelSpec, resolve_model};

/// The hub's address when no other is given.
pub const DEFAULT_ENDPOINT: &str = "https://huggingface.co";

/// The split read when a spec names none.
pub const DEFAULT_SPLIT: &str = "test";

/// Where and how to fetch datasets. The caller fills it (the CLI from
/// `HF_ENDPOINT`, `HF_TOKEN`, `HF_HUB_OFFLINE` and the cache variables).
#[derive(Debug, Clone)]
pub struct HubConfig {
    /// The hub's base URL, without a trailing slash ([`DEFAULT_ENDPOINT`]).
    pub endpoint: String,
    /// A token sent as `Authorization: Bearer …`.
    pub token: Option<String>,
    /// The cache root; datasets live in its `datasets/` folder.
    pub cache_dir: PathBuf,
    /// Read only the cache: a file it lacks is an error, never a download.
    pub offline: bool,
    /// How transient failures are retried.
    pub retry: Retry,
    /// How long a download may take.
    pub deadlines: Deadlines,
}

impl HubConfig {
    /// A configuration with the default endpoint, no token, online, default retries.
    pub fn new(cache_dir: PathBuf) -> HubConfig {
        HubConfig {
            endpoint: DEFAULT_ENDPOINT.into(),
            token: None,
            cache_dir,
            offline: false,
            retry: Retry::default(),
            deadlines: Deadlines::default(),
        }
    }

    /// The folder holding the downloaded datasets and the index.
    pub fn datasets_dir(&self) -> PathBuf {
        self.cache_dir.join("datasets")
    }

    /// The folder holding the downloaded models and their index.
    pub fn models_dir(&self) -> PathBuf {
        self.cache_dir.join("models")
    }
}

/// Retries of transient failures (connection errors, 5xx and 429 answers, a
/// body cut short): `retries` more attempts, the first after `first_delay`,
/// each later one after twice the previous delay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// Attempts after the first.
    pub retries: u32,
    /// The wait before the first retry.
    pub first_delay: Duration,
}

impl Default for Retry {
    /// Three retries after 0.25 s, 0.5 s and 1 s.
    fn default() -> Retry {
        Retry { retries: 3, first_delay: Duration::from_millis(250) }
    }
}

/// How long a download may take. A connection not made within `connect`, or
/// no byte of the answer (headers or body) for `stall`, fails the attempt,
/// which is retried like any transient failure ([`Retry`]). `total` bounds the
/// whole download of one file, every attempt and every wait between them
/// included: when it passes, the download fails without another attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    /// Establishing the connection (name lookup, TCP, TLS).
    pub connect: Duration,
    /// The longest wait for the next byte.
    pub stall: Duration,
    /// One file, all attempts included.
    pub total: Duration,
}

impl Default for Deadlines {
    /// Connect 10 s, stall 10 s (huggingface_hub's own download timeout), total
    /// one hour: a stalled server fails in 4 × 10 s plus the retry waits, 42 s
    /// with the default retries, and an hour is 3.6 GB at 1 MB/s.
    fn default() -> Deadlines {
        Deadlines {
            connect: Duration::from_secs(10),
            stall: Duration::from_secs(10),
            total: Duration::from_secs(3600),
        }
    }
}

/// Told how a download goes, to draw progress. Every method does nothing by default.
pub trait DownloadObserver {
    /// A download starts (each attempt); `bytes` is its size when the server says.
    fn started(&self, _url: &str, _bytes: Option<u64>) {}
    /// `bytes` more bytes arrived.
    fn advanced(&self, _bytes: u64) {}
    /// An attempt failed with `error`; the next starts after `delay`.
    fn retrying(&self, _url: &str, _error: &str, _delay: Duration) {}
    /// The download ended (well or not).
    fn finished(&self) {}
    /// A partial download a killed process left in the cache was removed.
    fn removed_stale(&self, _path: &std::path::Path, _pid: u32) {}
}

/// An observer that ignores everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quiet;

impl DownloadObserver for Quiet {}

/// What a spec names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetSpec {
    /// A catalogue entry and one of its splits.
    Named {
        /// The entry.
        entry: &'static Entry,
        /// The split's name.
        split: &'static Split,
    },
    /// One parquet file of a hub dataset repository.
    Hub(HubFile),
}

/// One file of a hub dataset repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubFile {
    /// `OWNER/NAME`.
    pub repo: String,
    /// A branch, tag or commit.
    pub revision: String,
    /// The path inside the repository.
    pub path: String,
    /// The SHA-256 the file must have (lowercase hex), if known.
    pub sha256: Option<String>,
}

impl DatasetSpec {
    /// Parses `NAME[:SPLIT]` (a catalogue entry) or
    /// `hf://datasets/OWNER/NAME@REVISION/PATH.parquet` (`@REVISION` may be
    /// left out for `main`; a revision holding `/`, such as
    /// `refs/convert/parquet`, is written URL-encoded: `refs%2Fconvert%2Fparquet`).
    pub fn parse(spec: &str) -> Result<DatasetSpec, DatasetError> {
        let bad = |reason: &str| DatasetError::BadSpec { spec: spec.to_string(), reason: reason.to_string() };
        if let Some(rest) = spec.strip_prefix("hf://") {
            let rest = rest
                .strip_prefix("datasets/")
                .ok_or_else(|| bad("only dataset repositories are supported: hf://datasets/OWNER/NAME/…"))?;
            let mut parts = rest.splitn(3, '/');
            let (owner, name_rev, path) = match (parts.next(), parts.next(), parts.next()) {
                (Some(owner), Some(name), Some(path)) => (owner, name, path),
                _ => return Err(bad("expected hf://datasets/OWNER/NAME@REVISION/PATH.parquet")),
            };
            let (name, revision) = match name_rev.split_once('@') {
                Some((name, revision)) => (name, revision.replace("%2F", "/").replace("%2f", "/")),
                None => (name_rev, "main".to_string()),
            };
            check_repo(owner, name, &revision).map_err(bad)?;
            if !relative_path(path) {
                return Err(bad("the path must be relative, without empty, `.` or `..` parts"));
            }
            if !path.ends_with(".parquet") {
                return Err(bad("the path must name a .parquet file"));
            }
            return Ok(DatasetSpec::Hub(HubFile {
                repo: format!("{owner}/{name}"),
                revision,
                path: path.to_string(),
                sha256: None,
            }));
        }
        let (name, split) = spec.split_once(':').unwrap_or((spec, DEFAULT_SPLIT));
        let entry = catalogue::find(name).ok_or_else(|| DatasetError::UnknownDataset {
            name: name.to_string(),
            known: CATALOGUE.iter().map(|e| e.name).collect::<Vec<_>>().join(", "),
        })?;
        let split = entry.split(split).ok_or_else(|| DatasetError::UnknownSplit {
            name: entry.name.to_string(),
            split: split.to_string(),
            splits: entry.split_names(),
        })?;
        Ok(DatasetSpec::Named { entry, split })
    }

    /// Requires the file to have this SHA-256 (a hub file only: a catalogue
    /// entry carries its own).
    pub fn with_sha256(self, sha256: &str) -> Result<DatasetSpec, DatasetError> {
        let hex = sha256.trim().to_ascii_lowercase();
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(DatasetError::BadSpec {
                spec: sha256.to_string(),
                reason: "a SHA-256 is 64 hexadecimal digits".into(),
            });
        }
        match self {
            DatasetSpec::Hub(file) => Ok(DatasetSpec::Hub(HubFile { sha256: Some(hex), ..file })),
            DatasetSpec::Named { entry, .. } => Err(DatasetError::BadSpec {
                spec: entry.name.to_string(),
                reason: "a checksum can only be given for a hf:// file".into(),
            }),
        }
    }

    /// The files to fetch: URL, place in the cache and expected SHA-256.
    pub(crate) fn downloads(&self, config: &HubConfig) -> Vec<download::Download> {
        match self {
            DatasetSpec::Named { entry, split } => {
                let many = split.files.len() > 1;
                split
                    .files
                    .iter()
                    .enumerate()
                    .map(|(i, file)| {
                        let label = match many {
                            true => format!("{}-{}-{i}.parquet", entry.name, split.name),
                            false => format!("{}-{}.parquet", entry.name, split.name),
                        };
                        download::Download {
                            url: url(config, entry.repo, entry.revision, file.path),
                            relative: repo_dir(entry.repo, entry.revision).join(label),
                            sha256: file.sha256.map(str::to_string),
                        }
                    })
                    .collect()
            }
            DatasetSpec::Hub(file) => vec![download::Download {
                url: url(config, &file.repo, &file.revision, &file.path),
                relative: repo_dir(&file.repo, &file.revision).join(&file.path),
                sha256: file.sha256.clone(),
            }],
        }
    }

    /// How to read the files: a catalogue entry's columns, or `base`'s
    /// fields for a hub file; always parquet.
    pub fn read_options(&self, base: &ReadOptions) -> ReadOptions {
        match self {
            DatasetSpec::Named { entry, .. } => ReadOptions {
                format: Some(Format::Parquet),
                id_field: entry.id_field.into(),
                text_field: entry.text_field.into(),
                ref_field: entry.ref_field.into(),
                title_field: entry.title_field.into(),
                require_references: base.require_references,
            },
            DatasetSpec::Hub(_) => ReadOptions { format: Some(Format::Parquet), ..base.clone() },
        }
    }
}

/// Checks a repository's `OWNER`, `NAME` and revision as a `hf://` spec
/// gives them; the error is the reason.
fn check_repo(owner: &str, name: &str, revision: &str) -> Result<(), &'static str> {
    let safe = |s: &str| {
        !s.is_empty()
            && s != "."
            && s != ".."
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    if !safe(owner) || !safe(name) {
        return Err("the repository must be OWNER/NAME (letters, digits, -, _ and .)");
    }
    if revision.is_empty() || revision.split('/').any(|part| !safe(part)) {
        return Err("the revision must be a branch, tag or commit (letters, digits, -, _, . and /)");
    }
    Ok(())
}

/// Whether `path` is a relative `/`-separated path without empty, `.` or `..` parts.
fn relative_path(path: &str) -> bool {
    !path.split('/').any(|part| part.is_empty() || part == "." || part == "..")
}

/// The download URL of a file: `{endpoint}/datasets/{repo}/resolve/{revision}/{path}`
/// (a revision's `/` encoded as `%2F`, as the hub wants).
fn url(config: &HubConfig, repo: &str, revision: &str, path: &str) -> String {
    let endpoint = config.endpoint.trim_end_matches('/');
    format!("{endpoint}/datasets/{repo}/resolve/{}/{path}", revision.replace('/', "%2F"))
}

/// A repository's folder in the cache: `OWNER--NAME/REVISION` (the revision's
/// `/` encoded as `%2F`).
fn repo_dir(repo: &str, revision: &str) -> PathBuf {
    PathBuf::from(repo.replace('/', "--")).join(revision.replace('/', "%2F"))
}

/// A spec resolved to local files.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The parquet files in the cache, in split order (one corpus each).
    pub files: Vec<PathBuf>,
    /// How to read them.
    pub options: ReadOptions,
}

/// Resolves `spec` to files in the cache, downloading those missing (unless
/// offline) and checking the SHA-256 of those present. `base` gives the
/// field options of a hub file and whether references are required.
pub fn resolve(
    spec: &DatasetSpec,
    base: &ReadOptions,
    config: &HubConfig,
    observer: &dyn DownloadObserver,
) -> Result<Resolved, DatasetError> {
    let files = spec
        .downloads(config)
        .iter()
        .map(|file| download::fetch(&config.datasets_dir(), file, config, observer))
        .collect::<Result<_, _>>()?;
    Ok(Resolved { files, options: spec.read_options(base) })
}

/// The files of `spec` already in the cache, checked, without downloading;
/// a missing one is [`DatasetError::NotCached`].
pub fn cached(spec: &DatasetSpec, config: &HubConfig) -> Result<Vec<PathBuf>, DatasetError> {
    let offline = HubConfig { offline: true, ..config.clone() };
    spec.downloads(config)
        .iter()
        .map(|file| download::fetch(&config.datasets_dir(), file, &offline, &Quiet))
        .collect()
}

/// Everything that can go wrong fetching a dataset. Messages name the URL and
/// the cache path, never command-line flags.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// A name not in the catalogue.
    #[error("unknown dataset `{name}` (the catalogue has: {known})")]
    UnknownDataset {
        /// The name given.
        name: String,
        /// The catalogue's names.
        known: String,
    },
    /// A split the entry does not have.
    #[error("dataset `{name}` has no split `{split}` (it has: {splits})")]
    UnknownSplit {
        /// The entry.
        name: String,
        /// The split asked for.
        split: String,
        /// The entry's splits.
        splits: String,
    },
    /// A spec that cannot be parsed.
    #[error("`{spec}`: {reason}")]
    BadSpec {
        /// The spec as given.
        spec: String,
        /// What is wrong.
        reason: String,
    },
    /// Offline and not in the cache.
    #[error("{url}: not in the cache ({}) and downloads are off", path.display())]
    NotCached {
        /// The file's URL.
        url: String,
        /// Where the cache would hold it.
        path: PathBuf,
    },
    /// The server has no such file.
    #[error("{url}: not found (HTTP 404); nothing was written to {}", path.display())]
    NotFound {
        /// The URL.
        url: String,
        /// Where the cache would hold it.
        path: PathBuf,
    },
    /// Any other refusal (401, 403, …).
    #[error("{url}: the server answered HTTP {status}; nothing was written to {}", path.display())]
    Http {
        /// The URL.
        url: String,
        /// Where the cache would hold it.
        path: PathBuf,
        /// The HTTP status.
        status: u16,
    },
    /// No answer after every retry (no network, connection refused, a body
    /// cut short, a stall, 5xx), or the total deadline passed.
    #[error(
        "{url}: download failed after {attempts} attempt{}: {error}; nothing was written to {}",
        if *attempts == 1 { "" } else { "s" },
        path.display()
    )]
    Network {
        /// The URL.
        url: String,
        /// Where the cache would hold it.
        path: PathBuf,
        /// Attempts made.
        attempts: u32,
        /// The last attempt's error.
        error: String,
    },
    /// The downloaded bytes are not the expected ones.
    #[error(
        "{url}: checksum mismatch: expected sha256 {expected}, downloaded {actual}; nothing was written to {}",
        path.display()
    )]
    ChecksumMismatch {
        /// The URL.
        url: String,
        /// Where the cache would hold it.
        path: PathBuf,
        /// The SHA-256 asked for.
        expected: String,
        /// The SHA-256 of the bytes received.
        actual: String,
    },
    /// A cached file whose bytes no longer match what was recorded (or asked for).
    #[error(
        "{}: cached file does not match: sha256 {actual}, expected {expected} ({why}); it came from {url}",
        path.display()
    )]
    CacheMismatch {
        /// The cached file.
        path: PathBuf,
        /// Where it came from.
        url: String,
        /// The SHA-256 it should have.
        expected: String,
        /// The SHA-256 it has.
        actual: String,
        /// Where `expected` comes from.
        why: &'static str,
    },
    /// The disk filled up while writing.
    #[error("{url}: disk full while writing into {}; nothing was written to {}", dir.display(), path.display())]
    DiskFull {
        /// The URL.
        url: String,
        /// The folder being written.
        dir: PathBuf,
        /// Where the cache would hold it.
        path: PathBuf,
    },
    /// The hub's file listing of a model repository does not parse.
    #[error("{url}: not a file listing ({message}); cached at {}: remove it to fetch it again", path.display())]
    Listing {
        /// The listing's URL.
        url: String,
        /// Where the cache holds it.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The cache index is unreadable.
    #[error("{}: unreadable cache index: {message}", path.display())]
    Index {
        /// The index file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Another I/O error on a cache file.
    #[error("{}: {error}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_splits_and_hub_files() {
        let DatasetSpec::Named { entry, split } = DatasetSpec::parse("xsum").unwrap() else { panic!() };
        assert_eq!((entry.name, split.name), ("xsum", "test"));
        let DatasetSpec::Named { split, .. } = DatasetSpec::parse("cnn_dailymail:train").unwrap() else {
            panic!()
        };
        assert_eq!(split.files.len(), 3);
        assert_eq!(
            DatasetSpec::parse("xsum:dev").unwrap_err().to_string(),
            "dataset `xsum` has no split `dev` (it has: test,validation)"
        );
        assert_eq!(
            DatasetSpec::parse("cnn").unwrap_err().to_string(),
            "unknown dataset `cnn` (the catalogue has: arxiv, billsum, cnn_dailymail, multi_news, pubmed, \
             samsum, xsum)"
        );
        let spec = DatasetSpec::parse("hf://datasets/o/n@refs%2Fconvert%2Fparquet/default/test/0000.parquet");
        let DatasetSpec::Hub(file) = spec.unwrap() else { panic!() };
        assert_eq!(
            (file.repo.as_str(), file.revision.as_str(), file.path.as_str()),
            ("o/n", "refs/convert/parquet", "default/test/0000.parquet")
        );
        let config = HubConfig::new(PathBuf::from("/c"));
        let downloads = DatasetSpec::Hub(file).downloads(&config);
        assert_eq!(
            downloads[0].url,
            "https://huggingface.co/datasets/o/n/resolve/refs%2Fconvert%2Fparquet/default/test/0000.parquet"
        );
        assert_eq!(
            downloads[0].relative,
            PathBuf::from("o--n/refs%2Fconvert%2Fparquet/default/test/0000.parquet")
        );
        let DatasetSpec::Hub(file) = DatasetSpec::parse("hf://datasets/o/n/x.parquet").unwrap() else {
            panic!()
        };
        assert_eq!(file.revision, "main");
        for (spec, reason) in [
            (
                "hf://models/o/n/x.parquet",
                "only dataset repositories are supported: hf://datasets/OWNER/NAME/…",
            ),
            ("hf://datasets/o/n", "expected hf://datasets/OWNER/NAME@REVISION/PATH.parquet"),
            ("hf://datasets/o/n/../x.parquet", "the path must be relative, without empty, `.` or `..` parts"),
            ("hf://datasets/o/n/x.csv", "the path must name a .parquet file"),
            (
                "hf://datasets/o/n@../x.parquet",
                "the revision must be a branch, tag or commit (letters, digits, -, _, . and /)",
            ),
        ] {
            assert_eq!(DatasetSpec::parse(spec).unwrap_err().to_string(), format!("`{spec}`: {reason}"));
        }
    }

    #[test]
    fn catalogue_files_get_readable_cache_names() {
        let config =
            HubConfig { endpoint: "http://127.0.0.1:9/".into(), ..HubConfig::new(PathBuf::from("/c")) };
        let downloads = DatasetSpec::parse("cnn_dailymail").unwrap().downloads(&config);
        assert_eq!(
            downloads[0].url,
            "http://127.0.0.1:9/datasets/abisee/cnn_dailymail/resolve/main/3.0.0/test-00000-of-00001.parquet"
        );
        assert_eq!(
            downloads[0].relative,
            PathBuf::from("abisee--cnn_dailymail/main/cnn_dailymail-test.parquet")
        );
        let train = DatasetSpec::parse("cnn_dailymail:train").unwrap().downloads(&config);
        assert_eq!(
            train[2].relative,
            PathBuf::from("abisee--cnn_dailymail/main/cnn_dailymail-train-2.parquet")
        );
        assert!(DatasetSpec::parse("xsum").unwrap().with_sha256(&"a".repeat(64)).is_err());
    }
}
