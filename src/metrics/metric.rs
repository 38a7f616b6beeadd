//! [`Metric`]: the names of the metrics beyond ROUGE, parsed from and printed
//! as `bleu`, `chrf`, `chrf++`, `ter`, `coverage`, `density`, `compression`,
//! `novel-1`…`novel-4`, `repeated-1`…`repeated-4`, `js-divergence`, `dangling`.

use std::fmt;
use std::str::FromStr;

use crate::names::{ListError, check_list, split_list};

use super::novelty::MAX_N;

/// One metric beyond ROUGE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// sacreBLEU BLEU (`bleu`).
    Bleu,
    /// sacreBLEU chrF (`chrf`).
    Chrf,
    /// sacreBLEU chrF++ (`chrf++`).
    ChrfPlusPlus,
    /// sacreBLEU TER, translation edit rate (`ter`).
    Ter,
    /// Newsroom extractive fragment coverage (`coverage`).
    Coverage,
    /// Newsroom extractive fragment density (`density`).
    Density,
    /// Newsroom compression ratio (`compression`).
    Compression,
    /// SummEval share of novel summary n-grams (`novel-N`, N in 1..=4).
    Novel(u8),
    /// SummEval share of repeated summary n-grams (`repeated-N`, N in 1..=4).
    Repeated(u8),
    /// Jensen–Shannon divergence between summary and source words (`js-divergence`).
    JsDivergence,
    /// Share of an extract's sentences that dangle: a pronoun or connective
    /// whose antecedent was not selected, or a cut mid-clause (`dangling`,
    /// see [`super::dangling`]).
    Dangling,
}

/// Which way a metric's values are better, for `compare`'s verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    /// Higher is better (ROUGE, BLEU, chrF).
    Higher,
    /// Lower is better (TER, an error rate; JS divergence from the source:
    /// Louis & Nenkova 2013 found lower divergence goes with better summaries;
    /// the share of dangling sentences).
    Lower,
    /// Neither: the value describes a summary (how extractive, how long,
    /// how repetitive) without ranking it.
    Neither,
}

/// What a metric reads besides the candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// At least one reference (BLEU, chrF, chrF++, TER).
    References,
    /// The source document (every other metric).
    Source,
}

impl Metric {
    /// Every metric, in the order the default lists and outputs use.
    pub fn all() -> Vec<Metric> {
        let mut all = vec![Metric::Bleu, Metric::Chrf, Metric::ChrfPlusPlus, Metric::Ter];
        all.extend([Metric::Coverage, Metric::Density, Metric::Compression]);
        all.extend((1..=MAX_N as u8).map(Metric::Novel));
        all.extend((1..=MAX_N as u8).map(Metric::Repeated));
        all.push(Metric::JsDivergence);
        all.push(Metric::Dangling);
        all
    }

    /// Which way its values are better.
    pub fn better(&self) -> Better {
        match self {
            Metric::Bleu | Metric::Chrf | Metric::ChrfPlusPlus => Better::Higher,
            Metric::JsDivergence | Metric::Ter | Metric::Dangling => Better::Lower,
            Metric::Coverage
            | Metric::Density
            | Metric::Compression
            | Metric::Novel(_)
            | Metric::Repeated(_) => Better::Neither,
        }
    }

    /// What the metric reads besides the candidate.
    pub fn needs(&self) -> Needs {
        match self {
            Metric::Bleu | Metric::Chrf | Metric::ChrfPlusPlus | Metric::Ter => Needs::References,
            _ => Needs::Source,
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::Bleu => f.write_str("bleu"),
            Metric::Chrf => f.write_str("chrf"),
            Metric::ChrfPlusPlus => f.write_str("chrf++"),
            Metric::Ter => f.write_str("ter"),
            Metric::Coverage => f.write_str("coverage"),
            Metric::Density => f.write_str("density"),
            Metric::Compression => f.write_str("compression"),
            Metric::Novel(n) => write!(f, "novel-{n}"),
            Metric::Repeated(n) => write!(f, "repeated-{n}"),
            Metric::JsDivergence => f.write_str("js-divergence"),
            Metric::Dangling => f.write_str("dangling"),
        }
    }
}

/// Errors in a list of metric names.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MetricListError {
    /// A name no metric has.
    #[error(
        "unknown metric `{0}` (expected bleu, chrf, chrf++, ter, coverage, density, compression, \
         novel-1…novel-4, repeated-1…repeated-4, js-divergence or dangling)"
    )]
    Unknown(String),
    /// An empty list or a name given twice: the rule every list of the crate
    /// follows ([`check_list`]).
    #[error(transparent)]
    List(#[from] ListError),
}

impl FromStr for Metric {
    type Err = MetricListError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Metric::all()
            .into_iter()
            .find(|m| m.to_string() == s)
            .ok_or_else(|| MetricListError::Unknown(s.into()))
    }
}

/// Parses a comma-separated metric list, keeping its order; it must not be
/// empty or name a metric twice (`metric `bleu` is listed twice`).
pub fn parse_metrics(list: &str) -> Result<Vec<Metric>, MetricListError> {
    let metrics: Vec<Metric> = split_list(list).map(str::parse).collect::<Result<_, _>>()?;
    check_list("metric", metrics.iter().map(ToString::to_string).collect())?;
    Ok(metrics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_prints_and_parses_back() {
        let all = Metric::all();
        assert_eq!(all.len(), 17);
        for metric in all {
            assert_eq!(metric.to_string().parse(), Ok(metric));
        }
        assert_eq!("novel-5".parse::<Metric>(), Err(MetricListError::Unknown("novel-5".into())));
    }

    #[test]
    fn lists_follow_the_crate_list_rule() {
        assert_eq!(
            parse_metrics(" bleu, chrf++ ,novel-2"),
            Ok(vec![Metric::Bleu, Metric::ChrfPlusPlus, Metric::Novel(2)])
        );
        let duplicate = parse_metrics("bleu,chrf,bleu").unwrap_err();
        assert_eq!(duplicate.to_string(), "metric `bleu` is listed twice");
        assert_eq!(parse_metrics(" , ").unwrap_err().to_string(), "metric list is empty");
    }
}
