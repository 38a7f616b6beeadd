//! ROUGE-1.5.5 metric names: `rouge1`…`rouge9`, `rougeL`, `rougeW-<weight>`,
//! `rougeS<k>`, `rougeSU<k>`, `rougeS*` and `rougeSU*`.
//!
//! Owns: parsing and printing metric names. Never scores anything.

use std::fmt;
use std::str::FromStr;

/// A metric ROUGE-1.5.5 computes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Metric {
    /// `rougeN` (N in 1..=9): contiguous N-grams of the whole text (`-n N`).
    N(u8),
    /// `rougeL`: summary-level union LCS over sentences.
    L,
    /// `rougeW-<weight>`: weighted LCS with f(k) = k^weight (`-w weight`, weight > 0).
    W(f64),
    /// `rougeS<k>` / `rougeSU<k>`: skip-bigrams with at most `skip` tokens in
    /// between (`None`: unlimited, `rougeS*`), plus unigrams for `SU` (`-2 k [-u]`).
    S {
        /// Maximum number of tokens between the two words; `None` for `*`.
        skip: Option<u32>,
        /// `SU`: also count unigrams (every token but the last).
        unigrams: bool,
    },
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::N(n) => write!(f, "rouge{n}"),
            Metric::L => f.write_str("rougeL"),
            Metric::W(weight) => write!(f, "rougeW-{weight}"),
            Metric::S { skip, unigrams } => {
                f.write_str(if *unigrams { "rougeSU" } else { "rougeS" })?;
                match skip {
                    Some(k) => write!(f, "{k}"),
                    None => f.write_str("*"),
                }
            }
        }
    }
}

/// A name that is not a ROUGE-1.5.5 metric.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown ROUGE-1.5.5 metric `{0}` (expected rouge1…rouge9, rougeL, rougeW-<weight>, \
     rougeS<k>, rougeSU<k>, rougeS* or rougeSU*)"
)]
pub struct UnknownMetric(pub String);

impl FromStr for Metric {
    type Err = UnknownMetric;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownMetric(name.to_string());
        let rest = name.strip_prefix("rouge").ok_or_else(unknown)?;
        if rest == "L" {
            return Ok(Metric::L);
        }
        if let Some(weight) = rest.strip_prefix("W-") {
            return match weight.parse::<f64>() {
                Ok(w) if w.is_finite() && w > 0.0 && is_plain_number(weight) => Ok(Metric::W(w)),
                _ => Err(unknown()),
            };
        }
        let (unigrams, distance) = match rest.strip_prefix("SU") {
            Some(d) => (true, Some(d)),
            None => (false, rest.strip_prefix('S')),
        };
        if let Some(distance) = distance {
            let skip = match distance {
                "*" => None,
                d if is_digits(d) => Some(d.parse::<u32>().map_err(|_| unknown())?),
                _ => return Err(unknown()),
            };
            return Ok(Metric::S { skip, unigrams });
        }
        match rest.as_bytes() {
            [d @ b'1'..=b'9'] => Ok(Metric::N(d - b'0')),
            _ => Err(unknown()),
        }
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Digits with at most one decimal point (no sign, exponent, `inf` or `nan`).
fn is_plain_number(s: &str) -> bool {
    let mut parts = s.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    match parts.next() {
        Some(frac) => (whole.is_empty() || is_digits(whole)) && is_digits(frac),
        None => is_digits(whole),
    }
}

/// Whether `name` parses as a ROUGE-1.5.5 metric (including `rouge1`…`rouge9`
/// and `rougeL`, which rouge-score also has under the same names).
pub fn is_rouge155_metric(name: &str) -> bool {
    name.parse::<Metric>().is_ok()
}

/// Whether `name` is a metric only ROUGE-1.5.5 has (`rougeW-…`, `rougeS…`,
/// `rougeSU…`), so a caller mixing both implementations can dispatch by name.
pub fn is_rouge155_only(name: &str) -> bool {
    matches!(name.parse::<Metric>(), Ok(Metric::W(_) | Metric::S { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_family() {
        assert_eq!("rouge1".parse(), Ok(Metric::N(1)));
        assert_eq!("rouge9".parse(), Ok(Metric::N(9)));
        assert_eq!("rougeL".parse(), Ok(Metric::L));
        assert_eq!("rougeW-1.2".parse(), Ok(Metric::W(1.2)));
        assert_eq!("rougeS4".parse(), Ok(Metric::S { skip: Some(4), unigrams: false }));
        assert_eq!("rougeSU4".parse(), Ok(Metric::S { skip: Some(4), unigrams: true }));
        assert_eq!("rougeS*".parse(), Ok(Metric::S { skip: None, unigrams: false }));
        assert_eq!("rougeSU*".parse(), Ok(Metric::S { skip: None, unigrams: true }));
        assert_eq!("rougeS0".parse(), Ok(Metric::S { skip: Some(0), unigrams: false }));
    }

    #[test]
    fn rejects_other_names() {
        for name in [
            "rouge0",
            "rouge10",
            "rougeLsum",
            "rougeW",
            "rougeW-",
            "rougeW-0",
            "rougeW--1",
            "rougeW-inf",
            "rougeW-1e3",
            "rougeS",
            "rougeSU",
            "rougeS-1",
            "rougeS4x",
            "ROUGE-1",
            "rouge",
            "",
        ] {
            assert!(name.parse::<Metric>().is_err(), "{name} should be rejected");
        }
    }

    #[test]
    fn display_round_trips() {
        for name in ["rouge2", "rougeL", "rougeW-1.2", "rougeS4", "rougeSU9", "rougeS*", "rougeSU*"] {
            assert_eq!(name.parse::<Metric>().map(|m| m.to_string()).as_deref(), Ok(name));
        }
    }

    #[test]
    fn dispatch_helpers() {
        assert!(is_rouge155_metric("rouge1") && !is_rouge155_only("rouge1"));
        assert!(is_rouge155_metric("rougeL") && !is_rouge155_only("rougeL"));
        assert!(is_rouge155_only("rougeW-1.2") && is_rouge155_only("rougeSU4"));
        assert!(!is_rouge155_metric("rougeLsum") && !is_rouge155_only("rougeLsum"));
    }
}
