//! What a run is asked to do: the budget, the metrics, the shard, and the
//! summarizers, parsed from their command-line spellings.

use std::fmt;
use std::str::FromStr;

use crate::names::{ListError, check_list, split_list};
use crate::rouge::{Metric, RougeTokenizer};
use crate::summarize::Budget;

/// Errors in a run's settings, each naming the bad value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    /// A `--budget` that is none of `3s`, `100w`, `665b`, `0.2r`, `ref`.
    #[error(
        "bad budget `{0}`: expected Ns (sentences), Nw (words), Nb (bytes), Fr (ratio in (0, 1]) or `ref`"
    )]
    Budget(String),
    /// A `--budget` whose count or ratio is zero or negative (`0s`, `-1w`, `-0.2r`).
    #[error("bad budget `{0}`: the number must be positive, e.g. 3s, 100w, 665b or 0.2r")]
    BudgetNotPositive(String),
    /// A `--shard` that is not `K/N` with 1 ≤ K ≤ N.
    #[error("bad shard `{0}`: expected K/N with 1 <= K <= N, e.g. 1/4")]
    Shard(String),
    /// A metric name that no scorer knows.
    #[error(
        "unknown metric `{0}` (expected rouge1…rouge9, rougeL, rougeLsum; ROUGE-1.5.5's \
         rougeW-<weight>, rougeS<k>, rougeSU<k>, rougeS*, rougeSU*; or bleu, chrf, chrf++, \
         coverage, density, compression, novel-1…novel-4, repeated-1…repeated-4, js-divergence)"
    )]
    Metric(String),
    /// An empty list, or a name listed twice.
    #[error(transparent)]
    List(#[from] ListError),
}

/// A summary length: fixed for every document, or derived from its references.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BudgetSpec {
    /// The same budget for every document.
    Fixed(Budget),
    /// `ref`: the mean whitespace word count of the document's references,
    /// rounded half to even, at least 1 (as `sumy_baseline.py --length ref-words`).
    Reference,
}

impl BudgetSpec {
    /// The budget for a document with these `references`.
    pub fn resolve(&self, references: &[String]) -> Budget {
        match *self {
            BudgetSpec::Fixed(budget) => budget,
            BudgetSpec::Reference => Budget::Words(reference_words(references)),
        }
    }
}

/// Mean whitespace words of `references`, rounded half to even, at least 1.
pub fn reference_words(references: &[String]) -> usize {
    if references.is_empty() {
        return 1;
    }
    let total: usize = references.iter().map(|r| r.split_whitespace().count()).sum();
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
        if "swbr".contains(unit) && number.parse::<f64>().is_ok_and(|n| n <= 0.0) {
            return Err(PlanError::BudgetNotPositive(s.to_string()));
        }
        let count = || number.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(bad);
        let budget = match unit {
            "s" => Budget::Sentences(count()?),
            "w" => Budget::Words(count()?),
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
            BudgetSpec::Fixed(Budget::Bytes(n)) => write!(f, "{n}b"),
            BudgetSpec::Fixed(Budget::Ratio(r)) => write!(f, "{r}r"),
        }
    }
}

/// One metric to report. Names both implementations know (`rouge1`…`rouge9`,
/// `rougeL`) are rouge-score's; `rougeW-<weight>`, `rougeS<k>`, `rougeSU<k>`,
/// `rougeS*` and `rougeSU*` are ROUGE-1.5.5's (see `crate::rouge155`).
#[derive(Debug, Clone, PartialEq)]
pub enum MetricSpec {
    /// A rouge-score metric (rouge1…rouge9, rougeL, rougeLsum).
    Rouge(Metric),
    /// A metric only ROUGE-1.5.5 has, scored with its rules (`-f A`, `-m`
    /// when stemming).
    Rouge155(crate::rouge155::Metric),
    /// A single-valued metric beyond ROUGE (BLEU, chrF, fragments, novel
    /// n-grams, JS divergence): its score is the F column, P and R are empty.
    Other(crate::metrics::Metric),
}

impl FromStr for MetricSpec {
    type Err = PlanError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if crate::rouge155::is_rouge155_only(s) {
            return s.parse().map(MetricSpec::Rouge155).map_err(|_| PlanError::Metric(s.to_string()));
        }
        if let Ok(metric) = s.parse::<Metric>() {
            return Ok(MetricSpec::Rouge(metric));
        }
        s.parse().map(MetricSpec::Other).map_err(|_| PlanError::Metric(s.to_string()))
    }
}

impl fmt::Display for MetricSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetricSpec::Rouge(m) => m.fmt(f),
            MetricSpec::Rouge155(m) => m.fmt(f),
            MetricSpec::Other(m) => m.fmt(f),
        }
    }
}

/// The signature of `metric` in a run (sacreBLEU style: `key:value|…`): what
/// decides its numbers. ROUGE: the implementation it equals, its tokenizer,
/// the stemmer, the multi-reference rule, for rougeLsum how texts are split
/// into lines, and sumbench's version. ROUGE-1.5.5 metrics: the script's
/// options (they keep the script's own tokenizer whatever `tokenizer` is). The others: [`crate::metrics::signature()`] at sentence (document)
/// level with `nrefs`, the references per document over the run's corpora.
pub fn signature(
    metric: &MetricSpec,
    stem: bool,
    tokenizer: RougeTokenizer,
    nrefs: Option<crate::metrics::RefCount>,
) -> String {
    let version = crate::metrics::SUMBENCH_VERSION;
    match metric {
        MetricSpec::Rouge(m) => {
            let stem = if stem && tokenizer.stems() { "porter-nltk" } else { "none" };
            let tok = tokenizer.signature();
            let lsum = if *m == Metric::Lsum { "|lsum:sumbench-sentences" } else { "" };
            format!("impl:rouge-score-0.1.2|tok:{tok}|stem:{stem}|multiref:max-f{lsum}|version:{version}")
        }
        MetricSpec::Rouge155(_) => {
            let stem = if stem { "-m" } else { "none" };
            format!("impl:ROUGE-1.5.5|stem:{stem}|multiref:-f A|lines:sumbench-sentences|version:{version}")
        }
        MetricSpec::Other(m) => crate::metrics::signature(
            *m,
            crate::metrics::TextTokenizer::default(),
            nrefs,
            crate::metrics::Level::Sentence,
        ),
    }
}

/// The default metrics: rouge1, rouge2, rougeL, rougeLsum.
pub fn default_metrics() -> Vec<MetricSpec> {
    [Metric::N(1), Metric::N(2), Metric::L, Metric::Lsum].into_iter().map(MetricSpec::Rouge).collect()
}

/// Parses a comma-separated metric list, keeping its order.
pub fn parse_metrics(list: &str) -> Result<Vec<MetricSpec>, PlanError> {
    let metrics: Vec<MetricSpec> = split_list(list).map(str::parse).collect::<Result<_, _>>()?;
    check_list("metric", metrics.iter().map(ToString::to_string).collect())?;
    Ok(metrics)
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

/// `--shard K/N`: this process runs the documents whose 0-based index within
/// their corpus is `K-1` modulo `N`. Index-based (not id-hash-based) so the
/// shards are balanced to one document, and so `merge` can restore the single
/// run's document order by taking documents from the shards in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shard {
    /// 1-based shard number K.
    pub index: usize,
    /// Number of shards N.
    pub count: usize,
}

impl Shard {
    /// The whole corpus (shard 1/1).
    pub const ALL: Shard = Shard { index: 1, count: 1 };

    /// Whether the document at 0-based `position` in its corpus belongs to this shard.
    pub fn contains(&self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = PlanError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || PlanError::Shard(s.to_string());
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_budget_spelling_and_prints_it_back() {
        for (text, budget) in [
            ("3s", BudgetSpec::Fixed(Budget::Sentences(3))),
            ("100w", BudgetSpec::Fixed(Budget::Words(100))),
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
        assert_eq!(reference_words(&refs("a b c", "a b c d")), 4);
        assert_eq!(reference_words(&refs("a b", "a b c")), 2);
        assert_eq!(reference_words(&refs("", "")), 1);
        assert_eq!(reference_words(&[]), 1);
    }

    #[test]
    fn shards_partition_positions() {
        let shards: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        for position in 0..10 {
            assert_eq!(shards.iter().filter(|s| s.contains(position)).count(), 1);
        }
        assert!(shards[1].contains(4));
        for bad in ["0/2", "3/2", "1", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn metric_and_summarizer_lists_keep_order_and_reject_repeats() {
        let metrics = parse_metrics("rougeLsum, rouge1").unwrap();
        assert_eq!(metrics.iter().map(ToString::to_string).collect::<Vec<_>>(), ["rougeLsum", "rouge1"]);
        assert_eq!(
            parse_metrics("rouge1,rouge1"),
            Err(PlanError::List(ListError::Duplicate("metric", "rouge1".into())))
        );
        assert_eq!(parse_metrics("bleurt"), Err(PlanError::Metric("bleurt".into())));
        assert!(matches!(
            parse_metrics("bleu").unwrap()[..],
            [MetricSpec::Other(crate::metrics::Metric::Bleu)]
        ));
        let mixed = parse_metrics("rougeL,rougeSU4,rougeW-1.2").unwrap();
        assert!(matches!(mixed[0], MetricSpec::Rouge(Metric::L)));
        assert!(matches!(mixed[1], MetricSpec::Rouge155(_)) && matches!(mixed[2], MetricSpec::Rouge155(_)));
        assert_eq!(mixed[2].to_string(), "rougeW-1.2");
        assert_eq!(parse_metrics(" , "), Err(PlanError::List(ListError::Empty("metric"))));
        assert_eq!(parse_summarizers("lead,random").unwrap(), ["lead", "random"]);
        assert_eq!(parse_summarizers("all").unwrap().len(), crate::summarize::registry().len());
    }
}
