//! Reading `meta.csv` back and checking it against the values of
//! `tests/data/meta/expected.py` (scipy), shared by the integration suite
//! (`tests/meta.rs`) and the corpora suite (`tests/corpora/meta.rs`).
// Each suite uses a different part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;

/// meta.csv rows keyed by (level, metric, judgment, coefficient) → (value, ci_low, ci_high, n).
pub type Rows = BTreeMap<(String, String, String, String), (Option<f64>, Option<f64>, Option<f64>, usize)>;

pub fn parse_meta_csv(text: &str) -> Rows {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("level,metric,judgment,coefficient,value,ci_low,ci_high,n"));
    let number = |s: &str| if s.is_empty() { None } else { Some(s.parse::<f64>().unwrap()) };
    lines
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(f.len(), 8, "{line}");
            (
                (f[0].into(), f[1].into(), f[2].into(), f[3].into()),
                (number(f[4]), number(f[5]), number(f[6]), f[7].parse().unwrap()),
            )
        })
        .collect()
}

/// Asserts every expected row of `expected_json` (written by expected.py) is in
/// `rows` with the same n and a value within 1e-9 (both undefined counts as equal).
pub fn assert_matches_scipy(rows: &Rows, expected_json: &str) {
    let expected: serde_json::Value = serde_json::from_str(expected_json).unwrap();
    let expected = expected["rows"].as_array().unwrap();
    assert_eq!(rows.len(), expected.len());
    for e in expected {
        let key = (
            e["level"].as_str().unwrap().to_string(),
            e["metric"].as_str().unwrap().to_string(),
            e["judgment"].as_str().unwrap().to_string(),
            e["coefficient"].as_str().unwrap().to_string(),
        );
        let (value, _, _, n) = rows.get(&key).unwrap_or_else(|| panic!("no row {key:?}"));
        assert_eq!(*n as u64, e["n"].as_u64().unwrap(), "{key:?}");
        match (value, e["value"].as_f64()) {
            (Some(ours), Some(theirs)) => {
                assert!((ours - theirs).abs() <= 1e-9, "{key:?}: {ours} vs scipy {theirs}")
            }
            (None, None) => {}
            (ours, theirs) => panic!("{key:?}: {ours:?} vs scipy {theirs:?}"),
        }
    }
}
