//! The corpus readers on the embedded corpora and on hand-made corpora of
//! every format. The embedded corpora are read fully and checked against the
//! counts their `stats.json` files give (documents, references, whitespace
//! words).

use std::path::Path;

use sha2::{Digest, Sha256};
use sumbench::corpus::{Document, Format, ReadOptions, corpora_in, read_corpus};

use crate::util::{Expected, assert_counts, embedded_corpus, repo, sumbench};

/// Transcribed from `corpus/<name>/stats.json` (written when the corpora were staged).
const EMBEDDED: &[Expected] = &[
    Expected {
        name: "billsum",
        documents: 100,
        references: 100,
        min_references: 1,
        max_references: 1,
        document_words: 1285.5,
        reference_words: 177.5,
    },
    Expected {
        name: "plos",
        documents: 102,
        references: 130,
        min_references: 1,
        max_references: 2,
        document_words: 6429.6,
        reference_words: 224.1,
    },
];

#[test]
fn embedded_corpora_read_fully_with_their_documented_counts() {
    for expected in EMBEDDED {
        assert_counts(&embedded_corpus(expected.name), expected);
    }
}

/// sha256 of the seed article as shipped in `shared/seed/article.txt`
/// (computed with `sha256sum` when it was copied).
const SEED_SHA256: &str = "a0ac7e9d4cc2abbf04e44bdac6e95d804dbbf8b4e9b443d2d5e3ddf9fd9bbb6f";

#[test]
fn the_seed_corpus_is_a_directory_corpus_with_three_references() {
    let path = repo().join("corpus/seed");
    let options = ReadOptions { require_references: true, ..ReadOptions::default() };
    let documents = read_corpus(&path, &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(documents.len(), 1);
    let document = &documents[0];
    assert_eq!(document.id, "nato-hypersonic-talks");
    let bytes = std::fs::read(path.join("nato-hypersonic-talks/document.txt")).expect("seed article");
    let digest: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(digest, SEED_SHA256, "shipped verbatim");
    assert_eq!(document.text.as_bytes(), bytes, "read verbatim");
    // corpus/README.md: a.txt 68, b.txt 63, c.txt 61 whitespace words, in that order.
    let reference_words: Vec<usize> =
        document.references.iter().map(|r| r.split_whitespace().count()).collect();
    assert_eq!(reference_words, [68, 63, 61]);
}

#[test]
fn corpus_folder_is_a_collection_of_four_corpora() {
    let members = corpora_in(&repo().join("corpus")).unwrap_or_else(|e| panic!("{e}"));
    let expected = [
        "corpus/billsum/documents.jsonl",
        "corpus/klexikon/documents.jsonl",
        "corpus/plos/documents.jsonl",
        "corpus/seed",
    ]
    .map(|p| repo().join(p));
    assert_eq!(members, expected);
}

fn write(root: &Path, name: &str, content: &str) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dirs");
    std::fs::write(path, content).expect("write file");
}

fn sumbench_corpus(args: &[&str], path: &Path) -> String {
    let output = sumbench().arg("corpus").args(args).arg(path).output().expect("runs");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn cli_counts_each_corpus_of_the_corpus_folder() {
    let stdout = sumbench_corpus(&["--require-references"], &repo().join("corpus"));
    let blocks: Vec<&str> = stdout.split("\n\n").collect();
    assert_eq!(blocks.len(), 4, "{stdout}");
    assert!(blocks[0].contains("billsum/documents.jsonl (jsonl)\n"), "{stdout}");
    assert!(blocks[0].contains("documents           100\n"), "{stdout}");
    // Klexikon's stats.json: 83 documents, one reference each.
    assert!(blocks[1].contains("klexikon/documents.jsonl (jsonl)\n"), "{stdout}");
    assert!(blocks[1].contains("documents           83\n"), "{stdout}");
    assert!(blocks[2].contains("plos/documents.jsonl (jsonl)\n"), "{stdout}");
    assert!(blocks[2].contains("documents           102\n"), "{stdout}");
    let seed = blocks[3];
    assert!(seed.contains("seed (dir)\n"), "{stdout}");
    assert!(seed.contains("documents           1\n"), "{stdout}");
    assert!(seed.contains("references          3 (per document: min 3, mean 3.0, max 3)\n"), "{stdout}");
    // (68 + 63 + 61) / 3 = 64.0
    assert!(seed.contains("words/reference     min 61, mean 64.0, max 68\n"), "{stdout}");
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
                references: vec!["A one".into()],
                language: None
            },
            Document {
                id: "b".into(),
                title: None,
                text: "Second story.".into(),
                references: vec!["B one\nB two".into()],
                language: None
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

/// A Kaggle-style CNN/DailyMail CSV (`id,article,highlights`, quoted
/// multi-line fields) runs like the same corpus in JSONL: the same scores.
#[test]
fn a_csv_corpus_scores_like_the_same_jsonl() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("cnn.csv");
    std::fs::write(
        &csv,
        "id,article,highlights\n\
         a,\"Rain fell on the city. The river rose over its banks, and roads closed.\",\"The river flooded.\nRoads closed.\"\n\
         b,Markets opened. Bank shares fell sharply after the report.,Bank shares fell.\n",
    )
    .expect("write");
    let jsonl = dir.path().join("cnn.jsonl");
    let lines = [
        serde_json::json!({"id": "a", "text": "Rain fell on the city. The river rose over its banks, and roads closed.",
            "references": ["The river flooded.\nRoads closed."]}),
        serde_json::json!({"id": "b", "text": "Markets opened. Bank shares fell sharply after the report.",
            "references": ["Bank shares fell."]}),
    ];
    std::fs::write(&jsonl, lines.map(|l| l.to_string() + "\n").concat()).expect("write");
    let run = |corpus: &Path, out: &str, fields: &[&str]| {
        sumbench()
            .args(["run", "--quiet", "--summarizers", "lead,textrank", "--budget", "1s", "--corpus"])
            .arg(corpus)
            .args(fields)
            .arg("--out")
            .arg(dir.path().join(out))
            .assert()
            .success();
        std::fs::read_to_string(dir.path().join(out).join("scores.csv")).expect("scores.csv")
    };
    let from_csv = run(&csv, "csv", &["--text-field", "article", "--ref-field", "highlights"]);
    assert_eq!(from_csv, run(&jsonl, "jsonl", &[]));
    // 2 documents × 2 summarizers × 5 default metrics (ROUGE's four and dangling).
    assert_eq!(from_csv.lines().count(), 1 + 2 * 2 * 5);
}

#[test]
fn a_ragged_csv_row_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "id,text,references\na,Some text.,A ref.\nb,Only two\n").expect("write");
    let output = sumbench().arg("corpus").arg(&csv).output().expect("run");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).lines().next().unwrap_or_default(),
        format!(
            "error: invalid corpus: {}:3: malformed: the record has 2 fields but the header has 3",
            csv.display()
        )
    );
}
