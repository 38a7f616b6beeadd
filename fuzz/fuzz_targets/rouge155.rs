//! Fuzzes ROUGE-1.5.5 mode (`rouge155::Scorer`).
//!
//! Input: three option bytes, then parts separated by 0xFF: the candidate, then
//! the references. Byte 0: bit 0 = `-m` stem, bit 1 = `-s` stop words, bit 2 =
//! `-f B`, bits 3-4 = limit (none, `-l`, `-b`); byte 1 = the limit's N; byte 2 =
//! the ROUGE-W weight in tenths (plus 1). Checks every P/R/F is finite and in [0, 1].
#![no_main]

use libfuzzer_sys::fuzz_target;
use sumbench::rouge155::{Config, Limit, Metric, MultiRef, Scorer};

fuzz_target!(|data: &[u8]| {
    let [flags, limit, weight, rest @ ..] = data else { return };
    let mut parts = rest.split(|&b| b == 0xFF).map(|p| String::from_utf8_lossy(p).into_owned());
    let candidate = parts.next().unwrap_or_default();
    let references: Vec<String> = parts.take(4).collect();
    let metrics = vec![
        Metric::N(1),
        Metric::N(2),
        Metric::L,
        Metric::W(f64::from(*weight) / 10.0 + 1.0),
        Metric::S { skip: Some(4), unigrams: true },
        Metric::S { skip: None, unigrams: false },
    ];
    let config = Config {
        metrics: metrics.clone(),
        multi_ref: if flags & 4 != 0 { MultiRef::Best } else { MultiRef::Pooled },
        stem: flags & 1 != 0,
        remove_stopwords: flags & 2 != 0,
        limit: match (flags >> 3) & 3 {
            1 => Limit::Words(usize::from(*limit)),
            2 => Limit::Bytes(usize::from(*limit)),
            _ => Limit::None,
        },
    };
    let scorer = Scorer::new(config);
    let scored = scorer.score_texts(&references, &candidate);
    assert_eq!(scored.scores.len(), metrics.len());
    for (metric, s) in metrics.iter().zip(&scored.scores) {
        for x in [s.precision, s.recall, s.fmeasure] {
            assert!(x.is_finite() && (0.0..=1.0).contains(&x), "{metric} {s:?} out of [0, 1]");
        }
    }
});
