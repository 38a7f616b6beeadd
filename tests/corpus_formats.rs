//! The corpus readers on real and hand-made corpora of every format.
//!
//! The shared corpora are read fully and checked against the counts their
//! `SOURCE.md` files give (documents, references, whitespace words). They are
//! found in `$SUMBENCH_SHARED` or else `$CARGO_MANIFEST_DIR/../shared`; a
//! missing corpus fails the test, it is never skipped.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use sumbench::corpus::{Document, Format, ReadOptions, open, read_corpus};

fn shared() -> PathBuf {
    match std::env::var_os("SUMBENCH_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

/// Counts as a corpus's SOURCE.md states them.
struct Expected {
    name: &'static str,
    documents: usize,
    references: usize,
    min_references: usize,
    max_references: usize,
    /// Mean whitespace words per document, to one decimal.
    document_words: f64,
    /// Mean whitespace words per reference (pooled over all references), to one decimal.
    reference_words: f64,
}

/// Transcribed from the "Counts" table of each `corpora/<name>/SOURCE.md`.
const SHARED: &[Expected] = &[
    Expected {
        name: "bbc-news-summary",
        documents: 2225,
        references: 2225,
        min_references: 1,
        max_references: 1,
        document_words: 378.8,
        reference_words: 172.0,
    },
    Expected {
        name: "opinosis",
        documents: 51,
        references: 238,
        min_references: 3,
        max_references: 5,
        document_words: 2617.8,
        reference_words: 16.7,
    },
    Expected {
        name: "scisummnet",
        documents: 912,
        references: 912,
        min_references: 1,
        max_references: 1,
        document_words: 4483.8,
        reference_words: 142.8,
    },
    Expected {
        name: "summeval-cnndm",
        documents: 100,
        references: 1100,
        min_references: 11,
        max_references: 11,
        document_words: 403.9,
        reference_words: 43.1,
    },
];

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn shared_corpora_read_fully_with_their_documented_counts() {
    let options = ReadOptions { require_references: true, ..ReadOptions::default() };
    for expected in SHARED {
        let path = shared().join("corpora").join(expected.name).join("documents.jsonl");
        assert!(path.is_file(), "{} is missing: set SUMBENCH_SHARED to the shared directory", path.display());
        let mut corpus = open(&path, &options).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(corpus.format(), Format::Jsonl);
        let (mut documents, mut references, mut document_words, mut reference_words) = (0, 0, 0, 0);
        let (mut min_references, mut max_references) = (usize::MAX, 0);
        for document in corpus.by_ref() {
            let document = document.unwrap_or_else(|e| panic!("{e}"));
            documents += 1;
            references += document.references.len();
            min_references = min_references.min(document.references.len());
            max_references = max_references.max(document.references.len());
            document_words += words(&document.text);
            reference_words += document.references.iter().map(|r| words(r)).sum::<usize>();
        }
        let name = expected.name;
        assert_eq!(documents, expected.documents, "{name}: documents");
        assert_eq!(references, expected.references, "{name}: references");
        assert_eq!(
            (min_references, max_references),
            (expected.min_references, expected.max_references),
            "{name}"
        );
        let mean_document_words = document_words as f64 / documents as f64;
        let mean_reference_words = reference_words as f64 / references as f64;
        assert!(
            (mean_document_words - expected.document_words).abs() <= 0.05,
            "{name}: {mean_document_words}"
        );
        assert!(
            (mean_reference_words - expected.reference_words).abs() <= 0.05,
            "{name}: {mean_reference_words}"
        );
    }
}

#[test]
fn the_repository_corpus_is_a_directory_corpus_with_three_references() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let options = ReadOptions { require_references: true, ..ReadOptions::default() };
    let documents = read_corpus(&path, &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(documents.len(), 1, "README.md at the top level is not a document");
    let document = &documents[0];
    assert_eq!(document.id, "nato-hypersonic-talks");
    let article =
        std::fs::read_to_string(shared().join("seed/article.txt")).expect("shared/seed/article.txt");
    assert_eq!(document.text, article, "shipped verbatim");
    // corpus/README.md: a.txt 68, b.txt 63, c.txt 61 whitespace words, in that order.
    let reference_words: Vec<usize> = document.references.iter().map(|r| words(r)).collect();
    assert_eq!(reference_words, [68, 63, 61]);
}

fn write(root: &Path, name: &str, content: &str) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dirs");
    std::fs::write(path, content).expect("write file");
}

fn sumbench_corpus(args: &[&str], path: &Path) -> String {
    let output = Command::cargo_bin("sumbench")
        .expect("binary")
        .arg("corpus")
        .args(args)
        .arg(path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn cli_counts_the_repository_corpus() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let stdout = sumbench_corpus(&["--require-references"], &path);
    assert!(stdout.contains("(dir)\n"), "{stdout}");
    assert!(stdout.contains("documents           1\n"), "{stdout}");
    assert!(stdout.contains("references          3 (per document: min 3, mean 3.0, max 3)\n"), "{stdout}");
    // (68 + 63 + 61) / 3 = 64.0
    assert!(stdout.contains("words/reference     min 61, mean 64.0, max 68\n"), "{stdout}");
}

#[test]
fn cli_reads_jsonl_with_custom_fields_and_integer_ids() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        "cnn.jsonl",
        concat!(
            "{\"doc\": 1, \"article\": \"One two three.\", \"highlights\": \"a b\\nc d e\"}\r\n",
            "{\"doc\": 2, \"article\": \"Four five.\", \"highlights\": \"f\", \"headline\": \"H\"}\r\n",
        ),
    );
    let args = [
        "--id-field",
        "doc",
        "--text-field",
        "article",
        "--ref-field",
        "highlights",
        "--title-field",
        "headline",
    ];
    let stdout = sumbench_corpus(&args, &tmp.path().join("cnn.jsonl"));
    assert!(stdout.contains("documents           2\n"), "{stdout}");
    assert!(stdout.contains("with a title        1\n"), "{stdout}");
    // Each highlights string is one reference: 2 references, of 5 and 1 words.
    assert!(stdout.contains("references          2 (per document: min 1, mean 1.0, max 1)\n"), "{stdout}");
    assert!(stdout.contains("words/reference     min 1, mean 3.0, max 5\n"), "{stdout}");
    assert!(stdout.contains("words/document      min 2, mean 2.5, max 3\n"), "{stdout}");
}

#[test]
fn story_directories_and_forced_formats() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let stories = tmp.path().join("stories");
    write(&stories, "b.story", "Second story.\n\n@highlight\n\nB one\n\n@highlight\n\nB two\n");
    write(&stories, "a.story", "(CNN) First.\r\n\r\nMore.\r\n\r\n@highlight\r\n\r\nA one\r\n");
    let documents = read_corpus(&stories, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        documents,
        [
            Document {
                id: "a".into(),
                title: None,
                text: "(CNN) First.\n\nMore.".into(),
                references: vec!["A one".into()]
            },
            Document {
                id: "b".into(),
                title: None,
                text: "Second story.".into(),
                references: vec!["B one\nB two".into()]
            },
        ]
    );

    // A JSONL corpus under another extension is read when the format is given.
    write(tmp.path(), "data.txt", "{\"id\": \"x\", \"text\": \"T.\"}\n");
    let options = ReadOptions { format: Some(Format::Jsonl), ..ReadOptions::default() };
    assert_eq!(
        read_corpus(&tmp.path().join("data.txt"), &options).unwrap_or_else(|e| panic!("{e}")).len(),
        1
    );
    let stdout = sumbench_corpus(&["--format", "story"], &stories.join("a.story"));
    assert!(stdout.contains("(story)\n"), "{stdout}");
}
