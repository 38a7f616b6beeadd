//! The parquet reader on the fixtures of `tests/data/parquet/` (written by
//! pyarrow, see `make.py` there): each string and list layout, row ids, and
//! every error with its full message.

use std::path::PathBuf;

use sumbench::corpus::{Document, Format, ROW_NUMBER_ID, ReadOptions, detect_format, read_corpus};

use crate::util::fixture;

fn parquet(name: &str) -> PathBuf {
    fixture(&format!("parquet/{name}"))
}

/// CNN/DailyMail's columns.
fn cnn() -> ReadOptions {
    ReadOptions { text_field: "article".into(), ref_field: "highlights".into(), ..ReadOptions::default() }
}

fn read(name: &str, options: &ReadOptions) -> Vec<Document> {
    read_corpus(&parquet(name), options).unwrap_or_else(|e| panic!("{e}"))
}

fn error(name: &str, options: &ReadOptions) -> String {
    read_corpus(&parquet(name), options).unwrap_err().to_string()
}

#[test]
fn utf8_columns_read_like_the_same_jsonl_across_row_groups() {
    assert_eq!(detect_format(&parquet("news.parquet")).unwrap(), Format::Parquet);
    let documents = read("news.parquet", &cnn());
    let jsonl = read_corpus(&parquet("news.jsonl"), &cnn()).unwrap();
    assert_eq!(documents, jsonl);
    assert_eq!(documents.len(), 4);
    // One string of newline-separated highlights is one reference.
    assert_eq!(
        documents[0].references,
        ["The river flooded after heavy rain.\nResidents were moved to a school gym."]
    );
    let titles: Vec<_> = documents.iter().map(|d| d.title.as_deref()).collect();
    assert_eq!(titles, [Some("Flood"), None, Some("Bicycle lane"), None]);
}

#[test]
fn large_utf8_columns_read_like_utf8_ones() {
    let large = read("large_utf8.parquet", &cnn());
    let utf8: Vec<_> =
        read("news.parquet", &cnn()).into_iter().map(|d| Document { title: None, ..d }).collect();
    assert_eq!(large, utf8);
}

#[test]
fn list_references_and_integer_ids() {
    let lists = read("list_refs.parquet", &ReadOptions::default());
    let ids: Vec<_> = lists.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["7", "8", "9", "10"]);
    assert_eq!(
        lists[1].references,
        ["Bank shares fell after a report of losses.", "Analysts expect more cuts."]
    );
    assert_eq!(read("large_list_refs.parquet", &ReadOptions::default()), lists);
}

#[test]
fn rows_are_numbered_when_there_is_no_id_column() {
    let options = ReadOptions {
        id_field: ROW_NUMBER_ID.into(),
        text_field: "document".into(),
        ref_field: "summary".into(),
        require_references: true,
        ..ReadOptions::default()
    };
    let documents = read("no_ids.parquet", &options);
    let ids: Vec<_> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4"]);
    assert_eq!(documents[3].references, ["A rare bird was seen in the park."]);
}

#[test]
fn errors_name_the_file_the_row_and_the_column() {
    let path = |name: &str| parquet(name).display().to_string();
    assert_eq!(
        error("news.parquet", &ReadOptions::default()),
        format!(
            "{}: field `text`: no such column (file has: id,article,highlights,title)",
            path("news.parquet")
        )
    );
    assert_eq!(
        error("no_ids.parquet", &ReadOptions { text_field: "document".into(), ..ReadOptions::default() }),
        format!("{}: field `id`: no such column (file has: document,summary)", path("no_ids.parquet"))
    );
    let scoring = ReadOptions { require_references: true, ..cnn() };
    assert_eq!(
        error("news.parquet", &ReadOptions { ref_field: "summary".into(), ..scoring.clone() }),
        format!(
            "{}: field `summary`: no such column (file has: id,article,highlights,title), and scoring needs \
             references",
            path("news.parquet")
        )
    );
    assert_eq!(
        error("wrong_type.parquet", &ReadOptions::default()),
        format!("{}: field `text`: expected a string column, found Int64", path("wrong_type.parquet"))
    );
    assert_eq!(
        error("list_refs.parquet", &ReadOptions { ref_field: "id".into(), ..ReadOptions::default() }),
        format!(
            "{}: field `id`: expected a string or a list-of-strings column, found Int64",
            path("list_refs.parquet")
        )
    );
    assert_eq!(
        error("null_text.parquet", &ReadOptions::default()),
        format!("{}: row 3: field `text`: null", path("null_text.parquet"))
    );
    assert_eq!(
        error("null_reference.parquet", &ReadOptions::default()),
        format!("{}: row 2: field `references[1]`: null", path("null_reference.parquet"))
    );
    assert_eq!(
        error("corrupt.parquet", &ReadOptions::default()),
        format!(
            "{}: malformed: not a readable parquet file: Parquet error: Invalid Parquet file. Corrupt footer",
            path("corrupt.parquet")
        )
    );
}
