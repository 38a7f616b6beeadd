//! Fuzzes the `.story` (CNN/DailyMail) reader: the input bytes are written to a
//! `.story` file and read with `corpus::read_corpus`. Any result is fine but a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sumbench::corpus::{ReadOptions, read_corpus};

static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    let path = dir.path().join("fuzz.story");
    std::fs::write(&path, data).expect("write story");
    for require_references in [false, true] {
        let options = ReadOptions { require_references, ..ReadOptions::default() };
        let _ = read_corpus(&path, &options);
    }
});
