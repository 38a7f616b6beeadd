//! What a run is asked to do: the budget and the summarizers,
//! parsed from their command-line spellings (the metrics are
//! `crate::metrics::MetricSpec`s, the shard `crate::rundir::Shard`).

use std::fmt;
use std::str::FromStr;

use crate::lang::Language;
use crate::names::{ListError, check_list, split_list};
use crate::summarize::Budget;

/// Errors in a run's settings, each naming the bad value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    /// A `--budget` that is none of `3s`, `100w`, `300c`, `665b`, `0.2r`, `ref`.
    #[error(
        "bad budget `{0}`: expected Ns (sentences), Nw (words), Nc (characters), Nb (bytes), Fr (ratio in (0, 1]) or `ref`"
    )]
    Budget(String),
    /// A `--budget` whose count or ratio is zero or negative (`0s`, `-1w`, `-0.2r`).
    #[error("bad budget `{0}`: the number must be positive, e.g. 3s, 100w, 665b or 0.2r")]
    BudgetNotPositive(String),
    /// An empty list, or a name listed twice.
    #[error(transparent)]
    List(#[from] ListError),
}

/// A summary length: fixed for every document, or derived from its references.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BudgetSpec {
    /// The same budget for every document.
    Fixed(Budget),
    /// `ref`: the mean word count of the document's references, rounded
    /// half to even, at least 1 (as `sumy_baseline.py --length ref-words`);
    /// words as [`crate::lang::word_count`] counts them in the document's language.
    Reference,
}

impl BudgetSpec {
    /// The budget for a document in `language` with these `references`.
    pub fn resolve(&self, references: &[String], language: Language) -> Budget {
        match *self {
            BudgetSpec::Fixed(budget) => budget,
            BudgetSpec::Reference => Budget::Words(reference_words(references, language)),
        }
    }
}

/// Mean words of `references` in `language`, rounded half to even, at least 1.
pub fn reference_words(references: &[String], language: Language) -> usize {
    if references.is_empty() {
        return 1;
    }
    let total: usize = references.iter().map(|r| crate::lang::word_count(language, r)).sum();
    let mean = total as f64 / references.len() as f64;
    (mean.round_ties_even() as usize).max(1)
}

impl FromStr for BudgetSpec {
    type Err = PlanError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || PlanError::Budget(s.to_string());
        if s == "ref" {
            return Ok(BudgetSpec::Reference);
        }
        let last = s.char_indices().last().map_or(0, |(i, _)| i);
        let (number, unit) = s.split_at(last);
        if "swcbr".contains(unit) && number.parse::<f64>().is_ok_and(|n| n <= 0.0) {
            return Err(PlanError::BudgetNotPositive(s.to_string()));
        }
        let count = || number.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(bad);
        let budget = match unit {
            "s" => Budget::Sentences(count()?),
            "w" => Budget::Words(count()?),
            "c" => Budget::Chars(count()?),
            "b" => Budget::Bytes(count()?),
            "r" => {
                let r: f64 = number.parse().map_err(|_| bad())?;
                if !(r > 0.0 && r <= 1.0) {
                    return Err(bad());
                }
                Budget::Ratio(r)
            }
            _ => return Err(bad()),
        };
        Ok(BudgetSpec::Fixed(budget))
    }
}

impl fmt::Display for BudgetSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            BudgetSpec::Reference => f.write_str("ref"),
            BudgetSpec::Fixed(Budget::Sentences(n)) => write!(f, "{n}s"),
            BudgetSpec::Fixed(Budget::Words(n)) => write!(f, "{n}w"),
            BudgetSpec::Fixed(Budget::Chars(n)) => write!(f, "{n}c"),
            BudgetSpec::Fixed(Budget::Bytes(n)) => write!(f, "{n}b"),
            BudgetSpec::Fixed(Budget::Ratio(r)) => write!(f, "{r}r"),
        }
    }
}

/// Parses `all` or a comma-separated summarizer list (names are checked when
/// the summarizers are built). `all` is the registry order.
pub fn parse_summarizers(list: &str) -> Result<Vec<String>, PlanError> {
    let names: Vec<String> = if list.trim() == "all" {
        crate::summarize::registry().iter().map(|e| e.name.to_string()).collect()
    } else {
        split_list(list).map(str::to_string).collect()
    };
    check_list("summarizer", names.clone())?;
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_budget_spelling_and_prints_it_back() {
        for (text, budget) in [
            ("3s", BudgetSpec::Fixed(Budget::Sentences(3))),
            ("100w", BudgetSpec::Fixed(Budget::Words(100))),
            ("280c", BudgetSpec::Fixed(Budget::Chars(280))),
            ("665b", BudgetSpec::Fixed(Budget::Bytes(665))),
            ("0.2r", BudgetSpec::Fixed(Budget::Ratio(0.2))),
            ("ref", BudgetSpec::Reference),
        ] {
            assert_eq!(text.parse::<BudgetSpec>(), Ok(budget));
            assert_eq!(budget.to_string(), text);
        }
    }

    #[test]
    fn rejects_bad_budgets() {
        for text in ["", "3", "1.5r", "3x", "w", "refs", "nanr", "1.5w", "-w", "3é", "é"] {
            assert_eq!(text.parse::<BudgetSpec>(), Err(PlanError::Budget(text.into())), "{text}");
        }
        for text in ["0s", "-1w", "-3b", "0r", "-0.2r", "-0w"] {
            assert_eq!(text.parse::<BudgetSpec>(), Err(PlanError::BudgetNotPositive(text.into())), "{text}");
        }
        assert_eq!(
            "-1w".parse::<BudgetSpec>().unwrap_err().to_string(),
            "bad budget `-1w`: the number must be positive, e.g. 3s, 100w, 665b or 0.2r"
        );
    }

    #[test]
    fn reference_budget_is_the_mean_rounded_half_to_even() {
        // 3 and 4 words: mean 3.5 → 4 (even); 2 and 3: 2.5 → 2 (even).
        let refs = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
        assert_eq!(reference_words(&refs("a b c", "a b c d"), Language::English), 4);
        assert_eq!(reference_words(&refs("a b", "a b c"), Language::English), 2);
        assert_eq!(reference_words(&refs("", ""), Language::English), 1);
        assert_eq!(reference_words(&[], Language::English), 1);
    }

    #[test]
    fn summarizer_lists_keep_order() {
        assert_eq!(parse_summarizers("lead,random").unwrap(), ["lead", "random"]);
        assert_eq!(parse_summarizers("all").unwrap().len(), crate::summarize::registry().len());
    }
}
