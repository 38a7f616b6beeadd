//! Fuzzes the directory corpus reader on a directory built from the input.
//!
//! Input: one flags byte, then parts separated by 0xFF: `document.txt`,
//! `title.txt`, then one `references/NN.txt` per remaining part. Flag bits:
//! 1 = omit document.txt, 2 = omit title.txt, 4 = create `references/` even with
//! no reference parts, 8 = add a second document (a copy), 16 = require references.
//! Any result is fine but a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sumbench::corpus::{Format, ReadOptions, read_corpus};

fn write_document(root: &Path, id: &str, flags: u8, parts: &[&[u8]]) {
    let doc = root.join(id);
    std::fs::create_dir_all(&doc).expect("mkdir");
    if flags & 1 == 0 {
        std::fs::write(doc.join("document.txt"), parts.first().copied().unwrap_or_default()).expect("write");
    }
    if flags & 2 == 0
        && let Some(title) = parts.get(1)
    {
        std::fs::write(doc.join("title.txt"), title).expect("write");
    }
    let references = parts.get(2..).unwrap_or_default();
    if !references.is_empty() || flags & 4 != 0 {
        std::fs::create_dir_all(doc.join("references")).expect("mkdir");
    }
    for (i, reference) in references.iter().enumerate() {
        std::fs::write(doc.join("references").join(format!("{i:02}.txt")), reference).expect("write");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let parts: Vec<&[u8]> = rest.split(|&b| b == 0xFF).take(12).collect();
    let root = tempfile::tempdir().expect("temp dir");
    write_document(root.path(), "a", flags, &parts);
    if flags & 8 != 0 {
        write_document(root.path(), "b", flags, &parts);
    }
    let options = ReadOptions {
        format: Some(Format::Dir),
        require_references: flags & 16 != 0,
        ..ReadOptions::default()
    };
    let _ = read_corpus(root.path(), &options);
    let _ = read_corpus(root.path(), &ReadOptions::default());
});
