//! The built-in catalogue: summarization datasets on the Hugging Face Hub by
//! name, each with its repository, revision, the parquet files of each split,
//! the columns to read, its licence and its citation.
//!
//! No entry is pinned yet: the commits and SHA-256 sums of the hub's files
//! could not be read from any source available when the catalogue was
//! written, and none is invented. Each entry follows a branch (`main` for
//! datasets stored as parquet, `refs/convert/parquet` for script-based ones,
//! whose parquet the hub's converter writes) and is trust-on-first-use: the
//! SHA-256 of each file is recorded on first download and checked on every
//! later use (see [`super::cache`]). The split paths follow the hub's
//! layouts (`CONFIG/SPLIT-00000-of-00001.parquet` for parquet repositories,
//! `CONFIG/SPLIT/0000.parquet` for converted ones).

use crate::corpus::ROW_NUMBER_ID;

/// One parquet file of a split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HubPath {
    /// The path inside the repository.
    pub path: &'static str,
    /// The file's SHA-256 (lowercase hex), when known from a public source.
    pub sha256: Option<&'static str>,
}

/// A split: its name and its files (one corpus each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// `train`, `validation`, `test`, ….
    pub name: &'static str,
    /// The split's parquet files, in order.
    pub files: &'static [HubPath],
}

/// A dataset of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The name used on the command line (`cnn_dailymail`).
    pub name: &'static str,
    /// One line on what it is.
    pub description: &'static str,
    /// The hub repository, `OWNER/NAME`.
    pub repo: &'static str,
    /// A commit (40 hex digits: pinned) or a branch name.
    pub revision: &'static str,
    /// The splits, test first.
    pub splits: &'static [Split],
    /// The id column, or [`ROW_NUMBER_ID`] when the dataset has none.
    pub id_field: &'static str,
    /// The document column.
    pub text_field: &'static str,
    /// The reference column (a string: one reference).
    pub ref_field: &'static str,
    /// The title column (absent columns are no title).
    pub title_field: &'static str,
    /// The licence, as the dataset card states it.
    pub license: &'static str,
    /// The paper to cite.
    pub citation: &'static str,
}

impl Entry {
    /// Whether every file is pinned: a commit revision and a SHA-256 per file.
    /// Unpinned entries are trust-on-first-use.
    pub fn pinned(&self) -> bool {
        is_commit(self.revision)
            && self.splits.iter().all(|split| split.files.iter().all(|file| file.sha256.is_some()))
    }

    /// The split called `name`.
    pub fn split(&self, name: &str) -> Option<&'static Split> {
        self.splits.iter().find(|split| split.name == name)
    }

    /// The split names, comma-separated.
    pub fn split_names(&self) -> String {
        self.splits.iter().map(|s| s.name).collect::<Vec<_>>().join(",")
    }
}

/// Whether a revision is a full commit hash (40 hex digits).
pub fn is_commit(revision: &str) -> bool {
    revision.len() == 40 && revision.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The branch the hub's parquet converter writes to.
pub const PARQUET_CONVERSION: &str = "refs/convert/parquet";

/// A file whose SHA-256 is not known in advance.
const fn file(path: &'static str) -> HubPath {
    HubPath { path, sha256: None }
}

/// The catalogue, in name order.
pub const CATALOGUE: &[Entry] = &[
    Entry {
        name: "arxiv",
        description: "arXiv papers and their abstracts (long documents)",
        repo: "ccdv/arxiv-summarization",
        revision: PARQUET_CONVERSION,
        splits: &[
            Split { name: "test", files: &[file("section/test/0000.parquet")] },
            Split { name: "validation", files: &[file("section/validation/0000.parquet")] },
        ],
        id_field: ROW_NUMBER_ID,
        text_field: "article",
        ref_field: "abstract",
        title_field: "title",
        license: "unknown (arXiv papers; see the dataset card)",
        citation: "Cohan et al., A Discourse-Aware Attention Model for Abstractive Summarization of Long \
                   Documents, NAACL 2018",
    },
    Entry {
        name: "billsum",
        description: "US Congressional bills and their CRS summaries",
        repo: "FiscalNote/billsum",
        revision: "main",
        splits: &[
            Split { name: "test", files: &[file("data/test-00000-of-00001.parquet")] },
            Split { name: "ca_test", files: &[file("data/ca_test-00000-of-00001.parquet")] },
            Split { name: "train", files: &[file("data/train-00000-of-00001.parquet")] },
        ],
        id_field: ROW_NUMBER_ID,
        text_field: "text",
        ref_field: "summary",
        title_field: "title",
        license: "CC0-1.0",
        citation: "Kornilova and Eidelman, BillSum: A Corpus for Automatic Summarization of US \
                   Legislation, Workshop on New Frontiers in Summarization 2019",
    },
    Entry {
        name: "cnn_dailymail",
        description: "CNN and Daily Mail news, highlights joined by newlines as one reference (3.0.0)",
        repo: "abisee/cnn_dailymail",
        revision: "main",
        splits: &[
            Split { name: "test", files: &[file("3.0.0/test-00000-of-00001.parquet")] },
            Split { name: "validation", files: &[file("3.0.0/validation-00000-of-00001.parquet")] },
            Split {
                name: "train",
                files: &[
                    file("3.0.0/train-00000-of-00003.parquet"),
                    file("3.0.0/train-00001-of-00003.parquet"),
                    file("3.0.0/train-00002-of-00003.parquet"),
                ],
            },
        ],
        id_field: "id",
        text_field: "article",
        ref_field: "highlights",
        title_field: "title",
        license: "Apache-2.0",
        citation: "See et al., Get To The Point: Summarization with Pointer-Generator Networks, ACL 2017; \
                   Hermann et al., Teaching Machines to Read and Comprehend, NeurIPS 2015",
    },
    Entry {
        name: "multi_news",
        description: "multi-document news clusters and their newser.com summaries",
        repo: "alexfabbri/multi_news",
        revision: PARQUET_CONVERSION,
        splits: &[
            Split { name: "test", files: &[file("default/test/0000.parquet")] },
            Split { name: "validation", files: &[file("default/validation/0000.parquet")] },
        ],
        id_field: ROW_NUMBER_ID,
        text_field: "document",
        ref_field: "summary",
        title_field: "title",
        license: "see the dataset card (non-commercial research use)",
        citation: "Fabbri et al., Multi-News: a Large-Scale Multi-Document Summarization Dataset and \
                   Abstractive Hierarchical Model, ACL 2019",
    },
    Entry {
        name: "pubmed",
        description: "PubMed papers and their abstracts (long documents)",
        repo: "ccdv/pubmed-summarization",
        revision: PARQUET_CONVERSION,
        splits: &[
            Split { name: "test", files: &[file("section/test/0000.parquet")] },
            Split { name: "validation", files: &[file("section/validation/0000.parquet")] },
        ],
        id_field: ROW_NUMBER_ID,
        text_field: "article",
        ref_field: "abstract",
        title_field: "title",
        license: "unknown (PubMed papers; see the dataset card)",
        citation: "Cohan et al., A Discourse-Aware Attention Model for Abstractive Summarization of Long \
                   Documents, NAACL 2018",
    },
    Entry {
        name: "samsum",
        description: "messenger-like dialogues and their summaries",
        repo: "Samsung/samsum",
        revision: PARQUET_CONVERSION,
        splits: &[
            Split { name: "test", files: &[file("samsum/test/0000.parquet")] },
            Split { name: "validation", files: &[file("samsum/validation/0000.parquet")] },
            Split { name: "train", files: &[file("samsum/train/0000.parquet")] },
        ],
        id_field: "id",
        text_field: "dialogue",
        ref_field: "summary",
        title_field: "title",
        license: "CC-BY-NC-ND-4.0",
        citation: "Gliwa et al., SAMSum Corpus: A Human-annotated Dialogue Dataset for Abstractive \
                   Summarization, Workshop on New Frontiers in Summarization 2019",
    },
    Entry {
        name: "xsum",
        description: "BBC articles and their one-sentence summaries",
        repo: "EdinburghNLP/xsum",
        revision: PARQUET_CONVERSION,
        splits: &[
            Split { name: "test", files: &[file("default/test/0000.parquet")] },
            Split { name: "validation", files: &[file("default/validation/0000.parquet")] },
        ],
        id_field: "id",
        text_field: "document",
        ref_field: "summary",
        title_field: "title",
        license: "unknown (BBC articles; see the dataset card)",
        citation: "Narayan et al., Don't Give Me the Details, Just the Summary! Topic-Aware Convolutional \
                   Neural Networks for Extreme Summarization, EMNLP 2018",
    },
];

/// The catalogue entry called `name`.
pub fn find(name: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|entry| entry.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_in_name_order_with_a_test_split_each() {
        let names: Vec<_> = CATALOGUE.iter().map(|e| e.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        for entry in CATALOGUE {
            assert!(entry.split("test").is_some(), "{}", entry.name);
            assert!(!entry.pinned(), "{}: pinned entries need a commit and every sha256", entry.name);
            for split in entry.splits {
                for file in split.files {
                    assert!(file.path.ends_with(".parquet"), "{}", file.path);
                }
            }
        }
        assert!(is_commit("0123456789abcdef0123456789abcdef01234567"));
        assert!(!is_commit("main"));
    }
}
