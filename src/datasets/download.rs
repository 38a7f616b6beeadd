//! One file from the hub into the cache: a cached file is checked against the
//! index; a missing one is streamed into a temporary file in its cache folder
//! (`datasets/` or `models/`) while its SHA-256 is computed, checked, then renamed into
//! place in one step and recorded in the index. A failed attempt leaves
//! nothing (the temporary file is removed when dropped); an interrupted one
//! neither (the temporary file is registered with [`crate::cleanup`]); one
//! killed outright leaves a temporary file named after its owner, which the
//! next download removes. Deadlines ([`Deadlines`]) bound the connection, each
//! wait for a byte, and the whole file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use super::cache::{CacheIndex, IndexEntry};
use super::{DatasetError, Deadlines, DownloadObserver, HubConfig};
use crate::cleanup::{self, Registration};

/// Prefix of the temporary files downloads stream into (hidden, in the
/// cache's `datasets/` folder), followed by the owner's host and pid.
pub(crate) const DOWNLOAD_PREFIX: &str = ".download-";

/// One file to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Download {
    /// Where it is on the hub.
    pub url: String,
    /// Where it goes, relative to its cache folder (`datasets/`, `models/`).
    pub relative: PathBuf,
    /// The SHA-256 it must have, when known in advance.
    pub sha256: Option<String>,
}

/// The local path of `download` in the cache folder `dir` (the datasets' or
/// the models', each with its own index), fetched and checked.
pub(crate) fn fetch(
    dir: &Path,
    download: &Download,
    config: &HubConfig,
    observer: &dyn DownloadObserver,
) -> Result<PathBuf, DatasetError> {
    let dir = dir.to_path_buf();
    let path = dir.join(&download.relative);
    let key = CacheIndex::key(&download.relative);
    let index = CacheIndex::load(&dir)?;
    if let (Some(entry), true) = (index.files.get(&key), path.is_file()) {
        let actual = sha256_file(&path)?;
        let mismatch = |expected: &str, why| DatasetError::CacheMismatch {
            path: path.clone(),
            url: entry.url.clone(),
            expected: expected.to_string(),
            actual: actual.clone(),
            why,
        };
        if actual != entry.sha256 {
            return Err(mismatch(&entry.sha256, "recorded when it was downloaded"));
        }
        if let Some(expected) = download.sha256.as_deref().filter(|e| *e != actual) {
            return Err(mismatch(expected, "the checksum asked for"));
        }
        return Ok(path);
    }
    if config.offline {
        return Err(DatasetError::NotCached { url: download.url.clone(), path });
    }
    std::fs::create_dir_all(&dir).map_err(|error| DatasetError::Io { path: dir.clone(), error })?;
    for stale in cleanup::remove_stale(&dir, DOWNLOAD_PREFIX)
        .map_err(|error| DatasetError::Io { path: dir.clone(), error })?
    {
        observer.removed_stale(&stale.path, stale.pid);
    }
    let deadlines = config.deadlines;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(deadlines.connect))
        .timeout_per_read(Some(deadlines.stall))
        .build()
        .into();
    let end = Instant::now() + deadlines.total;
    let mut delay = config.retry.first_delay;
    let mut attempt = 0;
    let (temporary, registration, sha256, bytes) = loop {
        attempt += 1;
        let left = end.saturating_duration_since(Instant::now());
        let outcome = attempt_once(&agent, download, config, (&dir, &path), observer, left);
        observer.finished();
        let error = match outcome {
            Ok(done) => break done,
            Err(Failure::Fatal(error)) => return Err(error),
            Err(Failure::Transient(error)) => error,
        };
        let network = |error| DatasetError::Network {
            url: download.url.clone(),
            path: path.clone(),
            attempts: attempt,
            error,
        };
        if attempt > config.retry.retries {
            return Err(network(error));
        }
        if Instant::now() >= end {
            return Err(network(error));
        }
        if Instant::now() + delay >= end {
            return Err(network(format!(
                "{error}; no time is left for another attempt within the total deadline of {}",
                seconds(deadlines.total)
            )));
        }
        observer.retrying(&download.url, &error, delay);
        std::thread::sleep(delay);
        delay = delay.saturating_mul(2);
    };
    if let Some(expected) = download.sha256.as_deref().filter(|e| *e != sha256) {
        return Err(DatasetError::ChecksumMismatch {
            url: download.url.clone(),
            path,
            expected: expected.to_string(),
            actual: sha256,
        });
    }
    // The file's folders are made only now, so a failed download leaves none.
    let parent = path.parent().unwrap_or(&dir).to_path_buf();
    std::fs::create_dir_all(&parent).map_err(|error| DatasetError::Io { path: parent.clone(), error })?;
    registration
        .while_held(|| temporary.persist(&path))
        .map_err(|e| DatasetError::Io { path: path.clone(), error: e.error })?;
    drop(registration);
    // The index is read again: another download may have recorded a file meanwhile.
    let mut index = CacheIndex::load(&dir)?;
    index.files.insert(key, IndexEntry { url: download.url.clone(), sha256, bytes });
    index.save(&dir)?;
    Ok(path)
}

/// Why an attempt failed.
enum Failure {
    /// Worth another attempt: the message says what happened.
    Transient(String),
    /// Final.
    Fatal(DatasetError),
}

/// A downloaded file: the temporary file, its registration for removal on
/// interrupt, its SHA-256 and size.
type Fetched = (tempfile::NamedTempFile, Registration, String, u64);

/// One attempt, within `left` (what remains of the total deadline).
fn attempt_once(
    agent: &ureq::Agent,
    download: &Download,
    config: &HubConfig,
    (dir, path): (&Path, &Path),
    observer: &dyn DownloadObserver,
    left: Duration,
) -> Result<Fetched, Failure> {
    let url = &download.url;
    let deadlines = &config.deadlines;
    let mut request = agent.get(url).config().timeout_global(Some(left)).build();
    if let Some(token) = &config.token {
        request = request.header("Authorization", format!("Bearer {token}"));
    }
    let response = match request.call() {
        Ok(response) => response,
        Err(error) => {
            return Err(match error {
                ureq::Error::BadUri(_) | ureq::Error::Http(_) | ureq::Error::InvalidProxyUrl => {
                    Failure::Fatal(DatasetError::Network {
                        url: url.clone(),
                        path: path.to_path_buf(),
                        attempts: 1,
                        error: error.to_string(),
                    })
                }
                other => Failure::Transient(match timeout_reason(&other, deadlines) {
                    Some(reason) => format!("{reason} before the answer's headers"),
                    None => other.to_string(),
                }),
            });
        }
    };
    let status = response.status().as_u16();
    match status {
        200..=299 => {}
        404 => {
            return Err(Failure::Fatal(DatasetError::NotFound {
                url: url.clone(),
                path: path.to_path_buf(),
            }));
        }
        429 | 500..=599 => return Err(Failure::Transient(format!("the server answered HTTP {status}"))),
        _ => {
            return Err(Failure::Fatal(DatasetError::Http {
                url: url.clone(),
                path: path.to_path_buf(),
                status,
            }));
        }
    }
    let length = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    observer.started(url, length);
    let temporary = tempfile::Builder::new()
        .prefix(&cleanup::owned_prefix(DOWNLOAD_PREFIX))
        .tempfile_in(dir)
        .map_err(|error| Failure::Fatal(write_error(url, dir, path, error)))?;
    let registration = cleanup::register(temporary.path().to_path_buf());
    let mut body = response.into_body().into_reader();
    let (sha256, bytes) =
        copy_hashing(&mut body, temporary.as_file(), length, observer, deadlines).map_err(|e| match e {
            Copy::Read(error) => Failure::Transient(error),
            Copy::Write(error) => Failure::Fatal(write_error(url, dir, path, error)),
        })?;
    temporary.as_file().sync_all().map_err(|error| Failure::Fatal(write_error(url, dir, path, error)))?;
    Ok((temporary, registration, sha256, bytes))
}

/// What a deadline that passed means, in the user's words (`None` for
/// other errors).
fn timeout_reason(error: &ureq::Error, deadlines: &Deadlines) -> Option<String> {
    let ureq::Error::Timeout(which) = error else { return None };
    Some(match which {
        ureq::Timeout::Connect | ureq::Timeout::Resolve => {
            format!("no connection within {} (the connect deadline)", seconds(deadlines.connect))
        }
        ureq::Timeout::PerRead => format!("no byte for {} (the stall deadline)", seconds(deadlines.stall)),
        ureq::Timeout::Global => format!("the total deadline of {} passed", seconds(deadlines.total)),
        other => format!("timed out ({other})"),
    })
}

/// A duration as `10 s`, `0.5 s`.
fn seconds(duration: Duration) -> String {
    format!("{} s", duration.as_secs_f64())
}

/// Why copying a body stopped.
#[derive(Debug)]
enum Copy {
    /// The connection failed or ended early.
    Read(String),
    /// The disk refused.
    Write(std::io::Error),
}

/// Copies `body` into `out`, hashing it; a body shorter than `length` is a
/// read failure, and so is a deadline that passes (named after `deadlines`).
fn copy_hashing(
    body: &mut dyn Read,
    mut out: impl Write,
    length: Option<u64>,
    observer: &dyn DownloadObserver,
    deadlines: &Deadlines,
) -> Result<(String, u64), Copy> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = match body.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let of = length.map(|l| format!(" of {l}")).unwrap_or_default();
                let error = ureq::Error::from(e);
                return Err(Copy::Read(match timeout_reason(&error, deadlines) {
                    Some(reason) => format!("{reason} after {total}{of} bytes"),
                    None => format!("the connection failed after {total}{of} bytes: {error}"),
                }));
            }
        };
        out.write_all(&buffer[..n]).map_err(Copy::Write)?;
        hasher.update(&buffer[..n]);
        total += n as u64;
        observer.advanced(n as u64);
    }
    out.flush().map_err(Copy::Write)?;
    if let Some(length) = length.filter(|&l| l != total) {
        return Err(Copy::Read(format!("the body ended after {total} of {length} bytes")));
    }
    Ok((crate::digest::finish(hasher), total))
}

/// A failed write into the cache: a full disk is named as such.
fn write_error(url: &str, dir: &Path, path: &Path, error: std::io::Error) -> DatasetError {
    if error.kind() == std::io::ErrorKind::StorageFull {
        return DatasetError::DiskFull {
            url: url.to_string(),
            dir: dir.to_path_buf(),
            path: path.to_path_buf(),
        };
    }
    DatasetError::Io { path: dir.to_path_buf(), error }
}

/// The SHA-256 of a file, lowercase hex (see [`crate::digest`]).
pub(crate) fn sha256_file(path: &Path) -> Result<String, DatasetError> {
    crate::digest::file_sha256(path).map_err(|error| DatasetError::Io { path: path.to_path_buf(), error })
}

#[cfg(test)]
mod tests {
    use super::super::Quiet;
    use super::*;

    #[test]
    fn a_short_body_is_a_transient_failure_and_a_full_disk_is_named() {
        let mut body: &[u8] = b"abc";
        let error = copy_hashing(&mut body, Vec::new(), Some(5), &Quiet, &Deadlines::default()).unwrap_err();
        assert!(matches!(&error, Copy::Read(m) if m == "the body ended after 3 of 5 bytes"), "{error:?}");
        let mut body: &[u8] = b"abc";
        let (sha, n) = copy_hashing(&mut body, Vec::new(), Some(3), &Quiet, &Deadlines::default()).unwrap();
        assert_eq!(n, 3);
        assert_eq!(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        #[cfg(target_os = "linux")]
        {
            let full = std::fs::File::options().write(true).open("/dev/full").unwrap();
            let mut body: &[u8] = b"abc";
            let Err(Copy::Write(error)) = copy_hashing(&mut body, full, None, &Quiet, &Deadlines::default())
            else {
                panic!()
            };
            let error =
                write_error("http://h/f", Path::new("/c/datasets"), Path::new("/c/datasets/f"), error);
            assert_eq!(
                error.to_string(),
                "http://h/f: disk full while writing into /c/datasets; nothing was written to /c/datasets/f"
            );
        }
    }
}
