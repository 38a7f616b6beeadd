//! The cache's index: `datasets/index.json` maps each downloaded file (its
//! path under `datasets/`) to the URL it came from, its SHA-256 and its
//! size, recorded when it was downloaded and checked on every later use.
//!
//! The index is rewritten whole (a temporary file renamed over it), so a
//! reader never sees half of one. Two processes downloading at the same
//! moment may each drop the other's new entry; the file then downloads again
//! next time, and nothing wrong is ever trusted.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::DatasetError;

/// The index file's name, in the `datasets/` folder.
pub const INDEX_FILE: &str = "index.json";

/// What the index records of one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndexEntry {
    /// Where it was downloaded from.
    pub url: String,
    /// Its SHA-256, lowercase hex.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The index: file (relative to `datasets/`, `/`-separated) → entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CacheIndex {
    /// The files, by relative path.
    pub files: BTreeMap<String, IndexEntry>,
}

impl CacheIndex {
    /// Reads the index in `dir` (empty when there is none yet).
    pub fn load(dir: &Path) -> Result<CacheIndex, DatasetError> {
        let path = dir.join(INDEX_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text)
                .map_err(|e| DatasetError::Index { path: path.clone(), message: e.to_string() }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(CacheIndex::default()),
            Err(error) => Err(DatasetError::Io { path, error }),
        }
    }

    /// Writes the index into `dir`, atomically.
    pub fn save(&self, dir: &Path) -> Result<(), DatasetError> {
        let path = dir.join(INDEX_FILE);
        let io = |error| DatasetError::Io { path: path.clone(), error };
        let mut file = tempfile::Builder::new().prefix(".index-").tempfile_in(dir).map_err(io)?;
        let mut json = serde_json::to_string_pretty(self).expect("the index serializes");
        json.push('\n');
        file.write_all(json.as_bytes()).map_err(io)?;
        file.as_file().sync_all().map_err(io)?;
        file.persist(&path).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// The key of a file under `datasets/`.
    pub fn key(relative: &Path) -> String {
        relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
    }
}

/// The cache root's conventional place: `$SUMBENCH_CACHE`, else
/// `$XDG_CACHE_HOME/sumbench`, else `~/.cache/sumbench` — given the values
/// of those variables (the caller reads the environment).
pub fn default_cache_dir(
    sumbench_cache: Option<PathBuf>,
    xdg_cache_home: Option<PathBuf>,
    home: Option<PathBuf>,
) -> Option<PathBuf> {
    let set = |p: Option<PathBuf>| p.filter(|p| !p.as_os_str().is_empty());
    set(sumbench_cache)
        .or_else(|| set(xdg_cache_home).map(|p| p.join("sumbench")))
        .or_else(|| set(home).map(|p| p.join(".cache").join("sumbench")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_round_trips_and_a_missing_one_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(CacheIndex::load(dir.path()).unwrap(), CacheIndex::default());
        let mut index = CacheIndex::default();
        let entry = IndexEntry { url: "http://x/a".into(), sha256: "ab".into(), bytes: 3 };
        index.files.insert(CacheIndex::key(Path::new("o--n/main/a.parquet")), entry.clone());
        index.save(dir.path()).unwrap();
        assert_eq!(CacheIndex::load(dir.path()).unwrap().files["o--n/main/a.parquet"], entry);
        std::fs::write(dir.path().join(INDEX_FILE), "{").unwrap();
        let error = CacheIndex::load(dir.path()).unwrap_err().to_string();
        assert!(
            error.ends_with(
                "index.json: unreadable cache index: EOF while parsing an object at line 1 column 1"
            ),
            "{error}"
        );
    }

    #[test]
    fn the_cache_folder_follows_the_variables_in_order() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(default_cache_dir(p("/a"), p("/x"), p("/h")), p("/a"));
        assert_eq!(default_cache_dir(p(""), p("/x"), p("/h")), p("/x/sumbench"));
        assert_eq!(default_cache_dir(None, None, p("/h")), p("/h/.cache/sumbench"));
        assert_eq!(default_cache_dir(None, None, None), None);
    }
}
