//! Fuzzes `compare`'s `scores.csv` reader (`report::parse_scores`).
//!
//! Any result is fine but a panic; what it accepts must survive a round trip
//! through the writer (`report::scores_csv`) unchanged.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sumbench::report::{parse_scores, scores_csv};

fuzz_target!(|data: &[u8]| {
    let file = Path::new("fuzz/scores.csv");
    if let Ok(records) = parse_scores(data, file) {
        let written = scores_csv(&records);
        let reread = parse_scores(&written, file).expect("the writer's output must be readable");
        assert_eq!(records, reread, "round trip changed the records");
    }
});
