//! Datasets from a hub: a small HTTP/1.1 server on 127.0.0.1 stands in for
//! the Hugging Face Hub (`HubConfig::endpoint`, `HF_ENDPOINT` for the binary)
//! and serves the parquet fixtures; nothing here touches the internet.
//! Downloads, the cache and its checksums, retries, deadlines (a server that
//! stalls after its headers, never answers, or drips), offline use, and a run
//! over a downloaded dataset against the same run over the equivalent JSONL.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sumbench::corpus::ReadOptions;
use sumbench::datasets::{CacheIndex, DatasetSpec, Deadlines, HubConfig, Quiet, Retry, resolve};

use crate::util::{fixture, sumbench, summary_without_speed};

/// What the server answers to one request.
#[derive(Debug, Clone)]
pub(crate) enum Reply {
    /// 200 with these bytes.
    Body(Vec<u8>),
    /// 200 announcing these bytes, then the connection closes after `sent` of them.
    CutShort(Vec<u8>, usize),
    /// This status, no body.
    Status(u16),
    /// 200 announcing these bytes, then `sent` of them, then nothing (the
    /// connection kept open until the client leaves).
    Stall(Vec<u8>, usize),
    /// Nothing at all: the request is read, the connection kept open until the client leaves.
    Silent,
    /// 200 announcing these bytes, then one byte every `interval`.
    Drip(Vec<u8>, Duration),
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    authorization: Option<String>,
}

/// The stand-in hub. Each path has a queue of replies; the last one repeats;
/// unknown paths get 404.
pub(crate) struct Hub {
    pub(crate) endpoint: String,
    replies: Arc<Mutex<HashMap<String, Vec<Reply>>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Hub {
    pub(crate) fn start() -> Hub {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let replies: Arc<Mutex<HashMap<String, Vec<Reply>>>> = Arc::default();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let (replies2, seen2) = (replies.clone(), seen.clone());
        std::thread::spawn(move || {
            // Bounded: no test makes more than a few requests. A connection per
            // thread, so one held open by a stalling reply blocks no other.
            for stream in listener.incoming().take(100) {
                let Ok(stream) = stream else { continue };
                let (replies, seen) = (replies2.clone(), seen2.clone());
                std::thread::spawn(move || serve(stream, &replies, &seen));
            }
        });
        Hub { endpoint, replies, seen }
    }

    /// Serves `replies` (in turn, the last repeating) at a dataset file's URL path.
    fn route(&self, repo: &str, revision: &str, path: &str, replies: Vec<Reply>) {
        self.route_path(&format!("/datasets/{repo}/resolve/{revision}/{path}"), replies);
    }

    /// Serves `replies` at `url_path` (a model's files and listing, `tests/models.rs`).
    pub(crate) fn route_path(&self, url_path: &str, replies: Vec<Reply>) {
        self.replies.lock().unwrap().insert(url_path.to_string(), replies);
    }

    pub(crate) fn requests(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    fn config(&self, cache: &Path) -> HubConfig {
        HubConfig {
            endpoint: self.endpoint.clone(),
            retry: Retry { retries: 2, first_delay: Duration::from_millis(1) },
            ..HubConfig::new(cache.to_path_buf())
        }
    }
}

/// Keeps `stream` open until the client closes it (or 30 s pass).
fn hold(mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut buffer = [0u8; 256];
    while stream.read(&mut buffer)? > 0 {}
    Ok(())
}

fn serve(
    stream: TcpStream,
    replies: &Mutex<HashMap<String, Vec<Reply>>>,
    seen: &Mutex<Vec<Seen>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
    let mut authorization = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("authorization")
        {
            authorization = Some(value.trim().to_string());
        }
    }
    seen.lock().unwrap().push(Seen { path: path.clone(), authorization });
    let reply = {
        let mut replies = replies.lock().unwrap();
        match replies.get_mut(&path) {
            Some(queue) if queue.len() > 1 => queue.remove(0),
            Some(queue) => queue[0].clone(),
            None => Reply::Status(404),
        }
    };
    let mut out = stream;
    match reply {
        Reply::Body(bytes) => {
            write!(out, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", bytes.len())?;
            out.write_all(&bytes)?;
        }
        Reply::CutShort(bytes, sent) => {
            write!(out, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", bytes.len())?;
            out.write_all(&bytes[..sent])?;
        }
        Reply::Status(status) => {
            write!(out, "HTTP/1.1 {status} Whatever\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")?;
        }
        Reply::Stall(bytes, sent) => {
            write!(out, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", bytes.len())?;
            out.write_all(&bytes[..sent])?;
            out.flush()?;
            return hold(out);
        }
        Reply::Silent => return hold(out),
        Reply::Drip(bytes, interval) => {
            write!(out, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", bytes.len())?;
            for byte in bytes {
                // Fails once the client has gone.
                out.write_all(&[byte])?;
                out.flush()?;
                std::thread::sleep(interval);
            }
        }
    }
    out.flush()?;
    out.shutdown(std::net::Shutdown::Both)
}

fn news_bytes() -> Vec<u8> {
    std::fs::read(fixture("parquet/news.parquet")).unwrap()
}

/// The hf:// spec of `tests/data/parquet/news.parquet` as served.
const NEWS: &str = "hf://datasets/test/news@main/data/news.parquet";

fn cnn() -> ReadOptions {
    ReadOptions { text_field: "article".into(), ref_field: "highlights".into(), ..ReadOptions::default() }
}

/// Every file under `dir`, relative, sorted (to show nothing partial is left).
fn files_under(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn a_download_is_cached_checked_and_not_fetched_again() {
    let hub = Hub::start();
    hub.route("test/news", "main", "data/news.parquet", vec![Reply::Body(news_bytes())]);
    let cache = tempfile::tempdir().unwrap();
    let config = HubConfig { token: Some("secret".into()), ..hub.config(cache.path()) };
    let spec = DatasetSpec::parse(NEWS).unwrap();
    let resolved = resolve(&spec, &cnn(), &config, &Quiet).unwrap();
    let expected = cache.path().join("datasets/test--news/main/data/news.parquet");
    assert_eq!(resolved.files, std::slice::from_ref(&expected));
    assert_eq!(std::fs::read(&expected).unwrap(), news_bytes());
    let seen = hub.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/datasets/test/news/resolve/main/data/news.parquet");
    assert_eq!(seen[0].authorization.as_deref(), Some("Bearer secret"));
    let index = CacheIndex::load(&config.datasets_dir()).unwrap();
    let entry = &index.files["test--news/main/data/news.parquet"];
    assert_eq!(entry.sha256, sha256_hex(&news_bytes()));
    assert_eq!(entry.url, format!("{}/datasets/test/news/resolve/main/data/news.parquet", hub.endpoint));

    // Cache hit: no second request, also with the right checksum asked for.
    let again = resolve(&spec.clone().with_sha256(&entry.sha256).unwrap(), &cnn(), &config, &Quiet).unwrap();
    assert_eq!(again.files, std::slice::from_ref(&expected));
    assert_eq!(hub.requests(), 1);
    assert_eq!(files_under(&config.datasets_dir()), ["index.json", "test--news/main/data/news.parquet"]);

    // A cached file changed since: refused, named.
    std::fs::write(&expected, b"changed").unwrap();
    let error = resolve(&spec, &cnn(), &config, &Quiet).unwrap_err().to_string();
    assert_eq!(
        error,
        format!(
            "{}: cached file does not match: sha256 {}, expected {} (recorded when it was downloaded); it came \
             from {}",
            expected.display(),
            sha256_hex(b"changed"),
            entry.sha256,
            entry.url
        )
    );
}

#[test]
fn a_wrong_checksum_caches_nothing() {
    let hub = Hub::start();
    hub.route("test/news", "main", "data/news.parquet", vec![Reply::Body(news_bytes())]);
    let cache = tempfile::tempdir().unwrap();
    let config = hub.config(cache.path());
    let wrong = "0".repeat(64);
    let spec = DatasetSpec::parse(NEWS).unwrap().with_sha256(&wrong).unwrap();
    let error = resolve(&spec, &cnn(), &config, &Quiet).unwrap_err().to_string();
    let path = cache.path().join("datasets/test--news/main/data/news.parquet");
    assert_eq!(
        error,
        format!(
            "{}/datasets/test/news/resolve/main/data/news.parquet: checksum mismatch: expected sha256 {wrong}, \
             downloaded {}; nothing was written to {}",
            hub.endpoint,
            sha256_hex(&news_bytes()),
            path.display()
        )
    );
    assert_eq!(files_under(&config.datasets_dir()), Vec::<String>::new());
}

#[test]
fn not_found_is_not_retried_and_caches_nothing() {
    let hub = Hub::start();
    let cache = tempfile::tempdir().unwrap();
    let config = hub.config(cache.path());
    let spec = DatasetSpec::parse("hf://datasets/test/none/x.parquet").unwrap();
    let error = resolve(&spec, &cnn(), &config, &Quiet).unwrap_err().to_string();
    assert_eq!(
        error,
        format!(
            "{}/datasets/test/none/resolve/main/x.parquet: not found (HTTP 404); nothing was written to {}",
            hub.endpoint,
            cache.path().join("datasets/test--none/main/x.parquet").display()
        )
    );
    assert_eq!(hub.requests(), 1);
    assert_eq!(files_under(&config.datasets_dir()), Vec::<String>::new());
}

#[test]
fn a_body_cut_short_is_retried_then_reported_and_nothing_is_cached() {
    let hub = Hub::start();
    let bytes = news_bytes();
    let cut = Reply::CutShort(bytes.clone(), 1000);
    hub.route("test/news", "main", "data/news.parquet", vec![cut.clone()]);
    let cache = tempfile::tempdir().unwrap();
    let config = hub.config(cache.path());
    let spec = DatasetSpec::parse(NEWS).unwrap();
    let error = resolve(&spec, &cnn(), &config, &Quiet).unwrap_err().to_string();
    let prefix = format!(
        "{}/datasets/test/news/resolve/main/data/news.parquet: download failed after 3 attempts: ",
        hub.endpoint
    );
    let suffix = format!(
        "; nothing was written to {}",
        cache.path().join("datasets/test--news/main/data/news.parquet").display()
    );
    assert!(error.starts_with(&prefix) && error.ends_with(&suffix), "{error}");
    assert_eq!(hub.requests(), 3, "the first attempt and two retries");
    assert_eq!(files_under(&config.datasets_dir()), Vec::<String>::new());

    // A transient failure (cut short, then a 503) followed by success.
    hub.route(
        "test/news",
        "main",
        "data/news.parquet",
        vec![cut, Reply::Status(503), Reply::Body(bytes.clone())],
    );
    let resolved = resolve(&spec, &cnn(), &config, &Quiet).unwrap();
    assert_eq!(std::fs::read(&resolved.files[0]).unwrap(), bytes);
    assert_eq!(hub.requests(), 6);
}

#[test]
fn offline_reads_only_the_cache() {
    let hub = Hub::start();
    hub.route("test/news", "main", "data/news.parquet", vec![Reply::Body(news_bytes())]);
    let cache = tempfile::tempdir().unwrap();
    let offline = HubConfig { offline: true, ..hub.config(cache.path()) };
    let spec = DatasetSpec::parse(NEWS).unwrap();
    let error = resolve(&spec, &cnn(), &offline, &Quiet).unwrap_err().to_string();
    assert_eq!(
        error,
        format!(
            "{}/datasets/test/news/resolve/main/data/news.parquet: not in the cache ({}) and downloads are off",
            hub.endpoint,
            cache.path().join("datasets/test--news/main/data/news.parquet").display()
        )
    );
    assert_eq!(hub.requests(), 0);
    resolve(&spec, &cnn(), &hub.config(cache.path()), &Quiet).unwrap();
    let resolved = resolve(&spec, &cnn(), &offline, &Quiet).unwrap();
    assert_eq!(std::fs::read(&resolved.files[0]).unwrap(), news_bytes());
    assert_eq!(hub.requests(), 1);
}

/// The binary with the stand-in hub and a cache of its own.
fn sumbench_with(hub: &Hub, cache: &Path) -> assert_cmd::Command {
    let mut command = sumbench();
    command
        .env("HF_ENDPOINT", &hub.endpoint)
        .env("SUMBENCH_CACHE", cache)
        .env_remove("HF_TOKEN")
        .env_remove("HF_HUB_OFFLINE");
    command
}

#[test]
fn a_run_over_a_downloaded_dataset_equals_the_run_over_the_same_jsonl() {
    let hub = Hub::start();
    hub.route("test/news", "main", "data/news.parquet", vec![Reply::Body(news_bytes())]);
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let args = [
        "run",
        "--summarizers",
        "lead,textrank",
        "--budget",
        "1s",
        "--text-field",
        "article",
        "--ref-field",
        "highlights",
        "--quiet",
    ];
    let out = |name: &str| tmp.path().join(name);
    sumbench_with(&hub, &cache)
        .args(args)
        .args(["--dataset", NEWS, "--out"])
        .arg(out("hub"))
        .assert()
        .success();
    let jsonl = fixture("parquet/news.jsonl");
    sumbench().args(args).arg("--corpus").arg(&jsonl).arg("--out").arg(out("jsonl")).assert().success();
    for file in ["scores.csv", "summaries.jsonl"] {
        let read = |dir: &str| std::fs::read_to_string(out(dir).join(file)).unwrap();
        assert_eq!(read("hub"), read("jsonl"), "{file}");
    }
    assert_eq!(summary_without_speed(&out("hub")), summary_without_speed(&out("jsonl")));
    assert_eq!(hub.requests(), 1);

    // Offline, from the cache: the same report, no request.
    sumbench_with(&hub, &cache)
        .args(args)
        .args(["--dataset", NEWS, "--offline", "--out"])
        .arg(out("offline"))
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(out("offline").join("scores.csv")).unwrap(),
        std::fs::read_to_string(out("jsonl").join("scores.csv")).unwrap()
    );
    assert_eq!(hub.requests(), 1);
}

#[test]
fn catalogue_entries_download_under_their_own_names() {
    let hub = Hub::start();
    hub.route(
        "abisee/cnn_dailymail",
        "main",
        "3.0.0/test-00000-of-00001.parquet",
        vec![Reply::Body(news_bytes())],
    );
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let path: PathBuf = cache.join("datasets/abisee--cnn_dailymail/main/cnn_dailymail-test.parquet");

    let missing = sumbench_with(&hub, &cache).args(["datasets", "path", "cnn_dailymail"]).assert().code(1);
    let stderr = String::from_utf8_lossy(&missing.get_output().stderr).into_owned();
    assert_eq!(
        stderr,
        format!(
            "error: {}/datasets/abisee/cnn_dailymail/resolve/main/3.0.0/test-00000-of-00001.parquet: not in the \
             cache ({}) and downloads are off\nhint: download it first while online (sumbench datasets download \
             SPEC), without --offline or HF_HUB_OFFLINE\n",
            hub.endpoint,
            path.display()
        )
    );
    let download =
        sumbench_with(&hub, &cache).args(["datasets", "download", "cnn_dailymail"]).assert().success();
    assert_eq!(String::from_utf8_lossy(&download.get_output().stdout), format!("{}\n", path.display()));
    let run = sumbench_with(&hub, &cache)
        .env("HF_HUB_OFFLINE", "1")
        .args([
            "run",
            "--dataset",
            "cnn_dailymail:test",
            "--summarizers",
            "lead",
            "--budget",
            "1s",
            "--quiet",
        ])
        .arg("--out")
        .arg(tmp.path().join("run"))
        .assert()
        .success();
    let table = String::from_utf8_lossy(&run.get_output().stdout).into_owned();
    let row = table.lines().find(|l| l.starts_with("| cnn_dailymail-test | lead |")).expect("lead's row");
    assert!(row.contains(" | 4 | "), "4 documents: {table}");
    assert_eq!(hub.requests(), 1);

    let list = sumbench().args(["datasets", "list"]).assert().success();
    let list = String::from_utf8_lossy(&list.get_output().stdout).into_owned();
    assert!(
        list.contains(
            "\ncnn_dailymail  CNN and Daily Mail news, highlights joined by newlines as one reference (3.0.0)\n  \
             hub       abisee/cnn_dailymail @ main (trust on first use)\n  splits    test,validation,train\n  \
             columns   id: id, text: article, reference: highlights\n  licence   Apache-2.0\n"
        ),
        "{list}"
    );
}

/// Deadlines short enough for tests: connect 1 s, stall 0.3 s, total `total`.
fn short(config: HubConfig, total: Duration) -> HubConfig {
    HubConfig {
        deadlines: Deadlines { connect: Duration::from_secs(1), stall: Duration::from_millis(300), total },
        ..config
    }
}

/// Resolves `spec` against `hub` (news.parquet served with `reply`) and
/// returns the error and how long it took; the cache must hold nothing after.
fn fails_within(hub: &Hub, reply: Reply, total: Duration) -> (String, Duration) {
    hub.route("test/news", "main", "data/news.parquet", vec![reply]);
    let cache = tempfile::tempdir().unwrap();
    let config = short(hub.config(cache.path()), total);
    let spec = DatasetSpec::parse(NEWS).unwrap();
    let start = Instant::now();
    let error = resolve(&spec, &cnn(), &config, &Quiet).unwrap_err().to_string();
    let elapsed = start.elapsed();
    assert_eq!(files_under(&config.datasets_dir()), Vec::<String>::new(), "nothing partial is left");
    let url = format!("{}/datasets/test/news/resolve/main/data/news.parquet", hub.endpoint);
    assert!(error.starts_with(&format!("{url}: download failed after ")), "{error}");
    let path = cache.path().join("datasets/test--news/main/data/news.parquet");
    assert!(error.ends_with(&format!("; nothing was written to {}", path.display())), "{error}");
    (error, elapsed)
}

#[test]
fn a_server_that_stalls_after_its_headers_fails_at_the_stall_deadline_each_attempt() {
    let hub = Hub::start();
    let bytes = news_bytes();
    let (error, elapsed) = fails_within(&hub, Reply::Stall(bytes.clone(), 1000), Duration::from_secs(30));
    assert!(
        error.contains(&format!(
            "download failed after 3 attempts: no byte for 0.3 s (the stall deadline) after 1000 of {} bytes;",
            bytes.len()
        )),
        "{error}"
    );
    assert_eq!(hub.requests(), 3, "a stall is retried like any transient failure");
    // Three attempts of 0.3 s each; far below the 30 s total.
    assert!(elapsed >= Duration::from_millis(900) && elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[test]
fn a_server_that_never_answers_fails_at_the_stall_deadline_each_attempt() {
    let hub = Hub::start();
    let (error, elapsed) = fails_within(&hub, Reply::Silent, Duration::from_secs(30));
    assert!(
        error.contains(
            "download failed after 3 attempts: no byte for 0.3 s (the stall deadline) before the answer's headers;"
        ),
        "{error}"
    );
    assert_eq!(hub.requests(), 3);
    assert!(elapsed >= Duration::from_millis(900) && elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[test]
fn a_server_that_drips_fails_at_the_total_deadline_without_another_attempt() {
    let hub = Hub::start();
    // A byte every 50 ms never trips the 0.3 s stall deadline; 1.5 s passes after about 30 bytes.
    let drip = Reply::Drip(news_bytes()[..1000].to_vec(), Duration::from_millis(50));
    let (error, elapsed) = fails_within(&hub, drip, Duration::from_millis(1500));
    let reason = "download failed after 1 attempt: the total deadline of 1.5 s passed after ";
    assert!(error.contains(reason) && error.contains(" of 1000 bytes;"), "{error}");
    assert_eq!(hub.requests(), 1);
    assert!(elapsed >= Duration::from_millis(1500) && elapsed < Duration::from_millis(3000), "{elapsed:?}");
}

#[test]
fn the_binary_says_each_retry_without_a_terminal_and_reads_the_deadlines_from_the_environment() {
    let hub = Hub::start();
    let bytes = news_bytes();
    hub.route("test/news", "main", "data/news.parquet", vec![Reply::Stall(bytes.clone(), 1000)]);
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    // A partial download a killed process left: removed, and said.
    let datasets = cache.join("datasets");
    std::fs::create_dir_all(&datasets).unwrap();
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let mine = sumbench::cleanup::owned_prefix(".download-");
    let host_part = mine.strip_suffix(&format!("{}-", std::process::id())).unwrap();
    let stale = datasets.join(format!("{host_part}{dead}-Ab12Cd"));
    std::fs::write(&stale, b"partial").unwrap();

    let start = Instant::now();
    let output = sumbench_with(&hub, &cache)
        .env("SUMBENCH_DOWNLOAD_STALL", "0.3")
        .env("SUMBENCH_DOWNLOAD_CONNECT", "2")
        .env("SUMBENCH_DOWNLOAD_TOTAL", "20")
        .args(["datasets", "download", NEWS])
        .assert()
        .code(1);
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    let url = format!("{}/datasets/test/news/resolve/main/data/news.parquet", hub.endpoint);
    let path = cache.join("datasets/test--news/main/data/news.parquet");
    let stall = format!("no byte for 0.3 s (the stall deadline) after 1000 of {} bytes", bytes.len());
    assert_eq!(
        stderr,
        format!(
            "note: removed {}, a partial download left by process {dead}, which is gone\n\
             warning: {url}: {stall}; retrying in 0.25 s\n\
             warning: {url}: {stall}; retrying in 0.5 s\n\
             warning: {url}: {stall}; retrying in 1 s\n\
             error: {url}: download failed after 4 attempts: {stall}; nothing was written to {}\n\
             hint: check the network (and HF_ENDPOINT); a slow link may need longer deadlines \
             (SUMBENCH_DOWNLOAD_CONNECT, SUMBENCH_DOWNLOAD_STALL, SUMBENCH_DOWNLOAD_TOTAL, in seconds); \
             --offline reads what is already in the cache\n",
            stale.display(),
            path.display()
        )
    );
    assert_eq!(hub.requests(), 4, "the default three retries");
    // 4 × 0.3 s stalled plus 0.25 + 0.5 + 1 s of waits.
    assert!(elapsed >= Duration::from_millis(2950) && elapsed < Duration::from_secs(10), "{elapsed:?}");
    assert_eq!(files_under(&cache.join("datasets")), Vec::<String>::new());

    let bad = sumbench_with(&hub, &cache)
        .env("SUMBENCH_DOWNLOAD_STALL", "soon")
        .args(["datasets", "download", NEWS])
        .assert()
        .code(1);
    assert_eq!(
        String::from_utf8_lossy(&bad.get_output().stderr),
        "error: SUMBENCH_DOWNLOAD_STALL=`soon`: expected a positive number of seconds, e.g. 30 or 0.5\n"
    );
}

/// The names of the entries of `dir` (not recursive), sorted.
#[cfg(target_os = "linux")]
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[cfg(target_os = "linux")]
#[test]
fn an_interrupted_download_leaves_nothing_in_the_cache() {
    for (signal, code) in [("INT", 130), ("TERM", 143)] {
        let hub = Hub::start();
        hub.route("test/news", "main", "data/news.parquet", vec![Reply::Stall(news_bytes(), 1000)]);
        let tmp = tempfile::tempdir().unwrap();
        let cache = tmp.path().join("cache");
        let datasets = cache.join("datasets");
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_sumbench"))
            .env("HF_ENDPOINT", &hub.endpoint)
            .env("SUMBENCH_CACHE", &cache)
            .env("SUMBENCH_DOWNLOAD_STALL", "60")
            .env_remove("HF_TOKEN")
            .env_remove("HF_HUB_OFFLINE")
            .args(["datasets", "download", NEWS])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Wait for the temporary file to hold the first 1000 bytes.
        let start = Instant::now();
        let partial = loop {
            let found = names_in(&datasets).into_iter().find(|n| n.starts_with(".download-"));
            if let Some(name) =
                found.filter(|n| std::fs::metadata(datasets.join(n)).is_ok_and(|m| m.len() == 1000))
            {
                break datasets.join(name);
            }
            assert!(start.elapsed() < Duration::from_secs(30), "no partial download after 30 s");
            std::thread::sleep(Duration::from_millis(20));
        };
        let kill = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(code), "{stderr}");
        assert_eq!(stderr, format!("interrupted (SIG{signal}): removed the partial {}\n", partial.display()));
        assert_eq!(files_under(&cache), Vec::<String>::new(), "nothing is left in the cache");
        assert_eq!(names_in(&datasets), Vec::<String>::new(), "no folder either");
    }
}
