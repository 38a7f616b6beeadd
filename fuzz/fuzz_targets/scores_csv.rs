//! Fuzzes the run directory's validated `scores.csv` reader
//! (`rundir::ScoresReader`), which `compare`, `merge` and `meta` use.
//!
//! Any result is fine but a panic; what it accepts must survive a round trip
//! through the writer (`report::scores_csv`) unchanged (compared as written
//! bytes: an undefined score is NaN, which never equals itself).
#![no_main]

use std::io::Cursor;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sumbench::rundir::ScoresReader;
use sumbench::report::{ScoreRecord, scores_csv};

fn parse(bytes: &[u8]) -> Option<Vec<ScoreRecord>> {
    let reader = ScoresReader::from_reader(Cursor::new(bytes.to_vec()), Path::new("fuzz/scores.csv")).ok()?;
    reader.collect::<Result<Vec<_>, _>>().ok()
}

fuzz_target!(|data: &[u8]| {
    if let Some(records) = parse(data) {
        let written = scores_csv(&records);
        let reread = parse(&written).expect("the writer's output must be readable");
        assert_eq!(written, scores_csv(&reread), "round trip changed the records");
    }
});
