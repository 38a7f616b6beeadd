//! Sentence-transformers model folders from the hub
//! (`--model hf://OWNER/NAME@REVISION`), through the same cache, downloads and
//! checks as the datasets, into the cache's `models/` folder (its own
//! `index.json`).
//!
//! The hub's file listing of the revision
//! (`/api/models/OWNER/NAME/tree/REVISION?recursive=true`) says which files
//! the repository has and, for those stored with Git LFS (the weights), the
//! SHA-256 the hub publishes: a download is checked against it. The others
//! (the JSON configurations, often `tokenizer.json`) are trust-on-first-use,
//! as the datasets are: their SHA-256 is recorded on first download and
//! checked on every later use, and so is the listing's. Only the files a
//! model folder is read from are fetched: `config.json`, `tokenizer.json`,
//! `model.safetensors`, `modules.json`, `sentence_bert_config.json`,
//! `tokenizer_config.json`, and each module's `config.json` that
//! `modules.json` names (`1_Pooling/config.json`; `2_Normalize` has no file).
//! A file the listing lacks is not fetched; the model loader then names it.

use std::path::PathBuf;

use serde::Deserialize;

use super::download::{self, Download};
use super::{DatasetError, DownloadObserver, HubConfig, check_repo, relative_path};

/// The files of a model folder's top level that are fetched when listed.
pub const MODEL_FILES: [&str; 6] = [
    "config.json",
    "tokenizer.json",
    "model.safetensors",
    "modules.json",
    "sentence_bert_config.json",
    "tokenizer_config.json",
];

/// A model repository at a revision: `hf://OWNER/NAME@REVISION`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelSpec {
    /// `OWNER/NAME`, the name the model's numbers are signed with.
    pub repo: String,
    /// A branch, tag or commit.
    pub revision: String,
}

impl ModelSpec {
    /// Whether `spec` names a hub model (`hf://…`) rather than a folder.
    pub fn is_hub(spec: &str) -> bool {
        spec.starts_with("hf://")
    }

    /// Parses `hf://OWNER/NAME@REVISION` (`@REVISION` may be left out for
    /// `main`; a revision holding `/` is written URL-encoded, `%2F`).
    pub fn parse(spec: &str) -> Result<ModelSpec, DatasetError> {
        let bad = |reason: &str| DatasetError::BadSpec { spec: spec.to_string(), reason: reason.to_string() };
        let rest =
            spec.strip_prefix("hf://").ok_or_else(|| bad("a hub model is hf://OWNER/NAME@REVISION"))?;
        let rest = rest.strip_prefix("models/").unwrap_or(rest);
        let (owner, name_rev) =
            rest.split_once('/').ok_or_else(|| bad("expected hf://OWNER/NAME@REVISION"))?;
        let (name, revision) = match name_rev.split_once('@') {
            Some((name, revision)) => (name, revision.replace("%2F", "/").replace("%2f", "/")),
            None => (name_rev, "main".to_string()),
        };
        check_repo(owner, name, &revision).map_err(bad)?;
        Ok(ModelSpec { repo: format!("{owner}/{name}"), revision })
    }

    /// The revision as a URL or folder name wants it (`/` as `%2F`).
    fn encoded_revision(&self) -> String {
        self.revision.replace('/', "%2F")
    }

    /// The model's folder, relative to the cache's `models/` folder:
    /// `OWNER--NAME/REVISION`.
    fn relative_dir(&self) -> PathBuf {
        PathBuf::from(self.repo.replace('/', "--")).join(self.encoded_revision())
    }

    /// The listing of the revision's files.
    fn listing(&self, config: &HubConfig) -> Download {
        let endpoint = config.endpoint.trim_end_matches('/');
        Download {
            url: format!(
                "{endpoint}/api/models/{}/tree/{}?recursive=true",
                self.repo,
                self.encoded_revision()
            ),
            relative: PathBuf::from(self.repo.replace('/', "--"))
                .join(format!("{}.tree.json", self.encoded_revision())),
            sha256: None,
        }
    }

    /// One file of the revision, with the SHA-256 the listing gives.
    fn file(&self, config: &HubConfig, entry: &TreeEntry) -> Download {
        let endpoint = config.endpoint.trim_end_matches('/');
        Download {
            url: format!("{endpoint}/{}/resolve/{}/{}", self.repo, self.encoded_revision(), entry.path),
            relative: self.relative_dir().join(&entry.path),
            sha256: entry.lfs.as_ref().map(|lfs| lfs.oid.to_ascii_lowercase()),
        }
    }
}

/// One entry of the hub's tree listing.
#[derive(Debug, Deserialize)]
struct TreeEntry {
    /// `file` or `directory`.
    #[serde(rename = "type")]
    kind: String,
    /// The path in the repository.
    path: String,
    /// For a Git LFS file, the SHA-256 of its content.
    #[serde(default)]
    lfs: Option<Lfs>,
}

#[derive(Debug, Deserialize)]
struct Lfs {
    oid: String,
}

/// A `modules.json` entry: only its folder matters here.
#[derive(Debug, Deserialize)]
struct Module {
    #[serde(default)]
    path: String,
}

/// The model's folder in the cache, its files fetched (those missing, unless
/// offline) and checked (see the module's documentation).
pub fn resolve_model(
    spec: &ModelSpec,
    config: &HubConfig,
    observer: &dyn DownloadObserver,
) -> Result<PathBuf, DatasetError> {
    let dir = config.models_dir();
    let listing = spec.listing(config);
    let listing_path = download::fetch(&dir, &listing, config, observer)?;
    let invalid = |message: String| DatasetError::Listing {
        url: listing.url.clone(),
        path: listing_path.clone(),
        message,
    };
    let text = std::fs::read_to_string(&listing_path)
        .map_err(|error| DatasetError::Io { path: listing_path.clone(), error })?;
    let entries: Vec<TreeEntry> = serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
    let files: Vec<&TreeEntry> = entries.iter().filter(|entry| entry.kind == "file").collect();
    if let Some(entry) = files.iter().find(|entry| !relative_path(&entry.path)) {
        return Err(invalid(format!("the path {:?} is not relative", entry.path)));
    }
    let listed = |path: &str| files.iter().copied().find(|entry| entry.path == path);
    let mut wanted: Vec<&TreeEntry> = MODEL_FILES.iter().filter_map(|path| listed(path)).collect();
    let model_dir = dir.join(spec.relative_dir());
    for entry in &wanted {
        download::fetch(&dir, &spec.file(config, entry), config, observer)?;
    }
    if listed("modules.json").is_some() {
        let path = model_dir.join("modules.json");
        let text =
            std::fs::read_to_string(&path).map_err(|error| DatasetError::Io { path: path.clone(), error })?;
        // A modules.json that does not parse is left to the model loader, which names it.
        let modules: Vec<Module> = serde_json::from_str(&text).unwrap_or_default();
        wanted = modules
            .iter()
            .filter(|module| !module.path.is_empty())
            .filter_map(|module| listed(&format!("{}/config.json", module.path)))
            .collect();
        for entry in wanted {
            download::fetch(&dir, &spec.file(config, entry), config, observer)?;
        }
    }
    Ok(model_dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hub_models_and_places_them_in_the_cache() {
        let spec = ModelSpec::parse("hf://sentence-transformers/all-MiniLM-L6-v2@refs%2Fpr%2F1").unwrap();
        assert_eq!(spec.repo, "sentence-transformers/all-MiniLM-L6-v2");
        assert_eq!(spec.revision, "refs/pr/1");
        let config = HubConfig { endpoint: "http://h/".into(), ..HubConfig::new(PathBuf::from("/c")) };
        assert_eq!(
            spec.listing(&config).url,
            "http://h/api/models/sentence-transformers/all-MiniLM-L6-v2/tree/refs%2Fpr%2F1?recursive=true"
        );
        let entry = TreeEntry {
            kind: "file".into(),
            path: "1_Pooling/config.json".into(),
            lfs: Some(Lfs { oid: "AB".into() }),
        };
        let file = spec.file(&config, &entry);
        assert_eq!(
            file.url,
            "http://h/sentence-transformers/all-MiniLM-L6-v2/resolve/refs%2Fpr%2F1/1_Pooling/config.json"
        );
        assert_eq!(
            file.relative,
            PathBuf::from("sentence-transformers--all-MiniLM-L6-v2/refs%2Fpr%2F1/1_Pooling/config.json")
        );
        assert_eq!(file.sha256.as_deref(), Some("ab"));
        assert_eq!(
            ModelSpec::parse("hf://models/o/n").unwrap(),
            ModelSpec { repo: "o/n".into(), revision: "main".into() }
        );
        for (spec, reason) in [
            ("hf://o", "expected hf://OWNER/NAME@REVISION"),
            ("hf://o/../n", "the repository must be OWNER/NAME (letters, digits, -, _ and .)"),
            ("hf://o/n@", "the revision must be a branch, tag or commit (letters, digits, -, _, . and /)"),
        ] {
            assert_eq!(ModelSpec::parse(spec).unwrap_err().to_string(), format!("`{spec}`: {reason}"));
        }
    }
}
