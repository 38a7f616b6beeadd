//! [`MetricSpec`]: any metric a run reports, by the name it has in reports:
//! rouge-score's (`rouge1`…`rouge9`, `rougeL`, `rougeLsum`), ROUGE-1.5.5's
//! (`rougeW-<weight>`, `rougeS<k>`, `rougeSU<k>`, `rougeS*`, `rougeSU*`) or
//! one of this module's [`Metric`]s; its signature in a run and which way
//! its values are better. The one home of these facts: nothing else works
//! them back out of a name.

use std::fmt;
use std::str::FromStr;

use super::signature::{Level, RefCount, SUMBENCH_VERSION, signature as metric_signature};
use super::{Better, Metric, TextTokenizer};
use crate::names::{ListError, check_list, split_list};
use crate::rouge::RougeTokenizer;

/// One metric to report. Names both implementations know (`rouge1`…`rouge9`,
/// `rougeL`) are rouge-score's; the names only ROUGE-1.5.5 has are its (see
/// `crate::rouge155`). In `run.json`, a metric is its name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MetricSpec {
    /// A rouge-score metric (rouge1…rouge9, rougeL, rougeLsum).
    Rouge(crate::rouge::Metric),
    /// A metric only ROUGE-1.5.5 has, scored with its rules (`-f A`, `-m`
    /// when stemming).
    Rouge155(crate::rouge155::Metric),
    /// A single-valued metric beyond ROUGE (BLEU, chrF, fragments, novel
    /// n-grams, JS divergence, dangling sentences): its score is the F
    /// column, P and R are empty.
    Other(Metric),
    /// BERTScore (P, R and F) with the run's sentence-embedding model (the
    /// `models` feature; the model and options are the run's
    /// [`crate::models::BertScoreSetting`]).
    BertScore,
}

/// The name of [`MetricSpec::BertScore`].
pub const BERTSCORE: &str = "bertscore";

/// A metric name no scorer knows, or a bad list of names.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MetricSpecError {
    /// A metric name that no scorer knows.
    #[error(
        "unknown metric `{0}` (expected rouge1…rouge9, rougeL, rougeLsum; ROUGE-1.5.5's \
         rougeW-<weight>, rougeS<k>, rougeSU<k>, rougeS*, rougeSU*; or bleu, chrf, chrf++, ter, \
         coverage, density, compression, novel-1…novel-4, repeated-1…repeated-4, js-divergence, \
         dangling; bertscore with a model)"
    )]
    Unknown(String),
    /// An empty list, or a name listed twice.
    #[error(transparent)]
    List(#[from] ListError),
}

impl FromStr for MetricSpec {
    type Err = MetricSpecError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || MetricSpecError::Unknown(s.to_string());
        if s == BERTSCORE {
            return Ok(MetricSpec::BertScore);
        }
        if crate::rouge155::is_rouge155_only(s) {
            return s.parse().map(MetricSpec::Rouge155).map_err(|_| unknown());
        }
        if let Ok(metric) = s.parse::<crate::rouge::Metric>() {
            return Ok(MetricSpec::Rouge(metric));
        }
        s.parse().map(MetricSpec::Other).map_err(|_| unknown())
    }
}

impl fmt::Display for MetricSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetricSpec::Rouge(m) => m.fmt(f),
            MetricSpec::Rouge155(m) => m.fmt(f),
            MetricSpec::Other(m) => m.fmt(f),
            MetricSpec::BertScore => f.write_str(BERTSCORE),
        }
    }
}

impl serde::Serialize for MetricSpec {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for MetricSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl MetricSpec {
    /// Which way its values are better: ROUGE's higher.
    pub fn better(&self) -> Better {
        match self {
            MetricSpec::Rouge(_) | MetricSpec::Rouge155(_) | MetricSpec::BertScore => Better::Higher,
            MetricSpec::Other(m) => m.better(),
        }
    }

    /// Its signature in a run (sacreBLEU style: `key:value|…`): what decides
    /// its numbers. ROUGE: the implementation it equals, its tokenizer, the
    /// stemmer, the multi-reference rule, for rougeLsum how texts are split
    /// into lines, and sumbench's version. ROUGE-1.5.5 metrics: the script's
    /// options (they keep the script's own tokenizer whatever `tokenizer`
    /// is). The others: [`super::signature()`] at sentence (document) level
    /// with `nrefs`, the references per document over the run's corpora.
    ///
    /// Every signature carries `lang:` with `languages`, the languages of
    /// the texts scored (ISO 639-1 codes joined by `+`), before its version;
    /// but BLEU's and chrF's, which are sacreBLEU's own (see
    /// [`super::signature::names_language`]).
    pub fn signature(
        &self,
        stem: bool,
        tokenizer: RougeTokenizer,
        nrefs: Option<RefCount>,
        languages: &str,
    ) -> String {
        let plain = self.signature_without_language(stem, tokenizer, nrefs);
        match self {
            MetricSpec::Other(m) if !super::signature::names_language(*m) => plain,
            MetricSpec::BertScore => plain,
            _ => super::signature::with_language(plain, languages),
        }
    }

    fn signature_without_language(
        &self,
        stem: bool,
        tokenizer: RougeTokenizer,
        nrefs: Option<RefCount>,
    ) -> String {
        let version = SUMBENCH_VERSION;
        match self {
            MetricSpec::Rouge(m) => {
                // The multilingual profiles are XL-Sum's fork of rouge-score,
                // stemming with the stemmer it picks for the language (`lang:`).
                let (implementation, stemmer) = match tokenizer.is_multilingual() {
                    true => ("xl-sum-rouge-afcd803", "xlsum-by-language"),
                    false => ("rouge-score-0.1.2", "porter-nltk"),
                };
                let stem = if stem && tokenizer.stems() { stemmer } else { "none" };
                let tok = tokenizer.signature();
                let lsum = if *m == crate::rouge::Metric::Lsum { "|lsum:sumbench-sentences" } else { "" };
                format!("impl:{implementation}|tok:{tok}|stem:{stem}|multiref:max-f{lsum}|version:{version}")
            }
            MetricSpec::Rouge155(_) => {
                let stem = if stem { "-m" } else { "none" };
                format!(
                    "impl:ROUGE-1.5.5|stem:{stem}|multiref:-f A|lines:sumbench-sentences|version:{version}"
                )
            }
            MetricSpec::Other(m) => metric_signature(*m, TextTokenizer::default(), nrefs, Level::Sentence),
            // A run's writer signs it with the run's BertScoreSetting; this is
            // only what a spec says without one.
            MetricSpec::BertScore => format!("bertscore:model-not-recorded|version:{version}"),
        }
    }

    /// Whether its values are fractions in [0, 1] (rouge-score's and
    /// ROUGE-1.5.5's; not when another package scored ROUGE, `profile`, nor
    /// BLEU and the other metrics, each on its own scale).
    pub fn is_fraction(&self, profile: bool) -> bool {
        match self {
            MetricSpec::Rouge(_) => !profile,
            MetricSpec::Rouge155(_) => true,
            MetricSpec::Other(_) | MetricSpec::BertScore => false,
        }
    }

    /// The default metrics: rouge1, rouge2, rougeL, rougeLsum, and the
    /// share of dangling sentences (`dangling`, a cheap faithfulness signal
    /// for extracts beside ROUGE).
    pub fn defaults() -> Vec<MetricSpec> {
        use crate::rouge::Metric::{L, Lsum, N};
        let rouge = [N(1), N(2), L, Lsum].into_iter().map(MetricSpec::Rouge);
        rouge.chain([MetricSpec::Other(Metric::Dangling)]).collect()
    }

    /// Parses a comma-separated list of names, keeping its order (not
    /// empty, no name twice).
    pub fn parse_list(list: &str) -> Result<Vec<MetricSpec>, MetricSpecError> {
        let metrics: Vec<MetricSpec> = split_list(list).map(str::parse).collect::<Result<_, _>>()?;
        check_list("metric", metrics.iter().map(ToString::to_string).collect())?;
        Ok(metrics)
    }
}

/// Which way the values of the metric named `name` are better: a name that
/// is no metric (a column of someone else's `scores.csv`) is taken as higher.
pub fn better(name: &str) -> Better {
    name.parse::<MetricSpec>().map_or(Better::Higher, |m| m.better())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_to_their_implementation_and_print_back() {
        for (name, kind) in [
            ("rouge1", 0),
            ("rougeLsum", 0),
            ("rougeSU4", 1),
            ("rougeW-1.2", 1),
            ("chrf++", 2),
            ("bertscore", 3),
        ] {
            let spec: MetricSpec = name.parse().unwrap();
            let got = match spec {
                MetricSpec::Rouge(_) => 0,
                MetricSpec::Rouge155(_) => 1,
                MetricSpec::Other(_) => 2,
                MetricSpec::BertScore => 3,
            };
            assert_eq!((got, spec.to_string()), (kind, name.to_string()));
        }
        assert_eq!("rouge0".parse::<MetricSpec>(), Err(MetricSpecError::Unknown("rouge0".into())));
    }

    #[test]
    fn directions_and_lists() {
        assert_eq!(better("rouge2"), Better::Higher);
        assert_eq!(better("js-divergence"), Better::Lower);
        assert_eq!(better("density"), Better::Neither);
        assert_eq!(better("someone-elses-column"), Better::Higher);
        let list = MetricSpec::parse_list("rouge1, bleu").unwrap();
        assert_eq!(list.iter().map(ToString::to_string).collect::<Vec<_>>(), ["rouge1", "bleu"]);
        assert_eq!(
            MetricSpec::parse_list("rouge1,rouge1").unwrap_err().to_string(),
            "metric `rouge1` is listed twice"
        );
    }

    #[test]
    fn lists_keep_order_and_name_what_is_wrong() {
        let parse = MetricSpec::parse_list;
        let metrics = parse("rougeLsum, rouge1").unwrap();
        assert_eq!(metrics.iter().map(ToString::to_string).collect::<Vec<_>>(), ["rougeLsum", "rouge1"]);
        assert_eq!(
            parse("rouge1,rouge1"),
            Err(MetricSpecError::List(ListError::Duplicate("metric", "rouge1".into())))
        );
        assert_eq!(parse("bleurt"), Err(MetricSpecError::Unknown("bleurt".into())));
        assert!(matches!(parse("bleu").unwrap()[..], [MetricSpec::Other(Metric::Bleu)]));
        let mixed = parse("rougeL,rougeSU4,rougeW-1.2").unwrap();
        assert!(matches!(mixed[0], MetricSpec::Rouge(crate::rouge::Metric::L)));
        assert!(matches!(mixed[1], MetricSpec::Rouge155(_)) && matches!(mixed[2], MetricSpec::Rouge155(_)));
        assert_eq!(mixed[2].to_string(), "rougeW-1.2");
        assert_eq!(parse(" , "), Err(MetricSpecError::List(ListError::Empty("metric"))));
    }

    #[test]
    fn a_metric_is_its_name_in_json() {
        let spec: MetricSpec = "rougeSU4".parse().unwrap();
        assert_eq!(serde_json::to_string(&spec).unwrap(), "\"rougeSU4\"");
        assert_eq!(serde_json::from_str::<MetricSpec>("\"rougeSU4\"").unwrap(), spec);
        assert!(serde_json::from_str::<MetricSpec>("\"nope\"").is_err());
    }
}
