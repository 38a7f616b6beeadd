//! [`CorpusAccumulator`]: corpus-level scores from per-document values.
//! BLEU, chrF and TER sum their statistics ([`SufficientStats`]) over the documents,
//! as sacreBLEU's `corpus_score` does; every other metric is the mean of its
//! defined per-document values.

use super::Metric;
use super::bleu::BleuStats;
use super::chrf::{CHRF_PLUS_PLUS_WORD_ORDER, ChrfStats};
use super::sacrebleu_options::SacrebleuOptions;
use super::signature::Level;
use super::signature::RefCount;
use super::ter::TerStats;
use super::value::{Details, MetricValue};

/// Adds up the documents of a corpus for one list of metrics.
#[derive(Debug, Clone)]
pub struct CorpusAccumulator {
    metrics: Vec<Metric>,
    parts: Vec<Part>,
    documents: usize,
    nrefs: Option<RefCount>,
    sacrebleu: SacrebleuOptions,
}

/// The statistics a corpus-level BLEU, chrF or TER sums over documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SufficientStats {
    /// BLEU's lengths and n-gram counts.
    Bleu(BleuStats),
    /// chrF's (or chrF++'s) n-gram counts per order.
    Chrf(ChrfStats),
    /// TER's edits and mean reference length (a fraction with several references).
    Ter(TerStats),
}

/// Statistics that do not fit their metric.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "bad {metric} statistics `{text}`: expected {expected} non-negative {}",
    if *metric == Metric::Ter { "numbers" } else { "integers" }
)]
pub struct BadStats {
    /// The metric.
    pub metric: Metric,
    /// The text as read.
    pub text: String,
    /// How many numbers the metric has.
    pub expected: usize,
}

impl SufficientStats {
    /// Whether `metric` is scored at corpus level from summed statistics
    /// (BLEU, chrF, chrF++, TER); the others are means of document values.
    pub fn sums(metric: Metric) -> bool {
        matches!(metric, Metric::Bleu | Metric::Chrf | Metric::ChrfPlusPlus | Metric::Ter)
    }

    /// The statistics of one document's value (`None` for a metric that
    /// does not sum them).
    pub fn of(value: &MetricValue) -> Option<SufficientStats> {
        match &value.details {
            Details::Bleu(bleu) => Some(SufficientStats::Bleu(bleu.stats())),
            Details::Chrf(stats) => Some(SufficientStats::Chrf(stats.clone())),
            Details::Ter(stats) => Some(SufficientStats::Ter(*stats)),
            _ => None,
        }
    }

    /// Zero statistics of `metric` (see [`SufficientStats::sums`]).
    ///
    /// # Panics
    /// If `metric` does not sum statistics.
    pub fn zero(metric: Metric) -> SufficientStats {
        match metric {
            Metric::Bleu => SufficientStats::Bleu(BleuStats::default()),
            Metric::Chrf => SufficientStats::Chrf(ChrfStats::zero(0)),
            Metric::ChrfPlusPlus => SufficientStats::Chrf(ChrfStats::zero(CHRF_PLUS_PLUS_WORD_ORDER)),
            Metric::Ter => SufficientStats::Ter(TerStats::default()),
            other => panic!("{other} has no corpus statistics"),
        }
    }

    /// Adds another document's (or shard's) statistics.
    ///
    /// # Panics
    /// If the two are of different metrics.
    pub fn add(&mut self, other: &SufficientStats) {
        match (self, other) {
            (SufficientStats::Bleu(total), SufficientStats::Bleu(more)) => *total += more,
            (SufficientStats::Chrf(total), SufficientStats::Chrf(more)) => total.add(more),
            (SufficientStats::Ter(total), SufficientStats::Ter(more)) => *total += *more,
            _ => panic!("statistics of different metrics"),
        }
    }

    /// The corpus-level value: BLEU without effective order
    /// (`BLEU().corpus_score`), chrF from the summed counts, TER from the
    /// summed edits and reference lengths (`TER().corpus_score`).
    pub fn value(&self, metric: Metric) -> MetricValue {
        self.value_with(metric, &SacrebleuOptions::default())
    }

    /// [`SufficientStats::value`] under BLEU's and chrF's options `sacrebleu`.
    pub fn value_with(&self, metric: Metric, sacrebleu: &SacrebleuOptions) -> MetricValue {
        match self {
            SufficientStats::Bleu(stats) => {
                let bleu = stats.score_with(&sacrebleu.bleu_at(Level::Corpus));
                MetricValue { metric, score: Some(bleu.score), details: Details::Bleu(bleu) }
            }
            SufficientStats::Chrf(stats) => {
                let word_order = if metric == Metric::ChrfPlusPlus { CHRF_PLUS_PLUS_WORD_ORDER } else { 0 };
                let score = stats.score_with(&sacrebleu.chrf_with(word_order));
                MetricValue { metric, score: Some(score), details: Details::Chrf(stats.clone()) }
            }
            SufficientStats::Ter(stats) => {
                MetricValue { metric, score: Some(stats.score()), details: Details::Ter(*stats) }
            }
        }
    }

    /// The numbers, space-separated, in sacreBLEU's order: BLEU's
    /// `sys_len ref_len correct1…4 total1…4`; chrF's
    /// `candidate reference matched` per order, character orders first;
    /// TER's `edits ref_length` (shortest decimals that read back exactly).
    pub fn to_field(&self) -> String {
        if let SufficientStats::Ter(stats) = self {
            return format!("{} {}", stats.edits, stats.ref_length);
        }
        let numbers: Vec<u64> = match self {
            SufficientStats::Bleu(s) => [s.sys_len, s.ref_len]
                .into_iter()
                .chain(s.counts.iter().copied())
                .chain(s.totals.iter().copied())
                .collect(),
            SufficientStats::Chrf(s) => s.orders.iter().flatten().copied().collect(),
            SufficientStats::Ter(_) => Vec::new(),
        };
        numbers.iter().map(u64::to_string).collect::<Vec<_>>().join(" ")
    }

    /// Reads [`SufficientStats::to_field`]'s text back for `metric`.
    pub fn parse(metric: Metric, text: &str) -> Result<SufficientStats, BadStats> {
        let zero = SufficientStats::zero(metric);
        let expected = zero.to_field().split(' ').count();
        let bad = || BadStats { metric, text: text.to_string(), expected };
        if metric == Metric::Ter {
            let numbers: Vec<f64> = text
                .split(' ')
                .map(|n| n.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= 0.0))
                .collect::<Option<_>>()
                .ok_or_else(bad)?;
            let [edits, ref_length] = numbers[..] else { return Err(bad()) };
            return Ok(SufficientStats::Ter(TerStats { edits, ref_length }));
        }
        let numbers: Vec<u64> =
            text.split(' ').map(str::parse).collect::<Result<_, _>>().map_err(|_| bad())?;
        if numbers.len() != expected {
            return Err(bad());
        }
        Ok(match zero {
            SufficientStats::Bleu(_) => SufficientStats::Bleu(BleuStats {
                sys_len: numbers[0],
                ref_len: numbers[1],
                counts: numbers[2..6].to_vec(),
                totals: numbers[6..10].to_vec(),
            }),
            SufficientStats::Chrf(_) => SufficientStats::Chrf(ChrfStats {
                orders: numbers.chunks(3).map(|c| [c[0], c[1], c[2]]).collect(),
            }),
            SufficientStats::Ter(_) => unreachable!("TER's numbers are read above"),
        })
    }
}

/// The running total of one metric.
#[derive(Debug, Clone)]
enum Part {
    Summed(SufficientStats),
    Mean { sum: f64, documents: usize },
}

impl CorpusAccumulator {
    /// An empty corpus for `metrics` (the order of [`MetricSet::metrics`](super::MetricSet::metrics)).
    pub fn new(metrics: &[Metric]) -> Self {
        let parts = metrics
            .iter()
            .map(|&m| match SufficientStats::sums(m) {
                true => Part::Summed(SufficientStats::zero(m)),
                false => Part::Mean { sum: 0.0, documents: 0 },
            })
            .collect();
        CorpusAccumulator {
            metrics: metrics.to_vec(),
            parts,
            documents: 0,
            nrefs: None,
            sacrebleu: SacrebleuOptions::default(),
        }
    }

    /// The accumulator (before any document) scoring BLEU and chrF with
    /// `sacrebleu`'s options, the ones the documents were scored with.
    pub fn with_sacrebleu(mut self, sacrebleu: SacrebleuOptions) -> Self {
        for (part, metric) in self.parts.iter_mut().zip(&self.metrics) {
            if let Part::Summed(SufficientStats::Chrf(stats)) = part {
                let word_order = if *metric == Metric::ChrfPlusPlus { CHRF_PLUS_PLUS_WORD_ORDER } else { 0 };
                stats.orders = vec![[0; 3]; sacrebleu.chrf.char_order + word_order];
            }
        }
        CorpusAccumulator { sacrebleu, ..self }
    }

    /// Adds one document's values (as [`MetricSet::score`](super::MetricSet::score)
    /// returns them) and its number of references (`None` without a reference field).
    ///
    /// # Panics
    /// If `values` are not one per metric, in order.
    pub fn add(&mut self, values: &[MetricValue], references: Option<usize>) {
        assert_eq!(values.len(), self.parts.len(), "one value per metric");
        for ((part, value), metric) in self.parts.iter_mut().zip(values).zip(&self.metrics) {
            assert_eq!(value.metric, *metric, "values in the metrics' order");
            match part {
                Part::Summed(total) => total
                    .add(&SufficientStats::of(value).unwrap_or_else(|| panic!("{metric}: no statistics"))),
                Part::Mean { sum, documents } => {
                    if let Some(score) = value.score {
                        *sum += score;
                        *documents += 1;
                    }
                }
            }
        }
        if let Some(references) = references {
            self.nrefs = Some(RefCount::with(self.nrefs, references));
        }
        self.documents += 1;
    }

    /// Documents added.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// sacreBLEU's `nrefs` over the documents added (`None` if none had references).
    pub fn nrefs(&self) -> Option<RefCount> {
        self.nrefs
    }

    /// The corpus-level values: BLEU from the summed statistics without
    /// effective order (`BLEU().corpus_score`), chrF and chrF++ from summed
    /// statistics, the others as means over the documents where they are
    /// defined (`None` if none is).
    pub fn finish(&self) -> Vec<MetricValue> {
        self.parts
            .iter()
            .zip(&self.metrics)
            .map(|(part, &metric)| match part {
                Part::Summed(stats) => stats.value_with(metric, &self.sacrebleu),
                &Part::Mean { sum, documents } => MetricValue {
                    metric,
                    score: (documents > 0).then(|| sum / documents as f64),
                    details: Details::Mean { documents },
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{MetricSet, TextTokenizer};

    #[test]
    fn sums_bleu_statistics_and_averages_defined_values() {
        let set = MetricSet::new(vec![Metric::Bleu, Metric::Novel(2)], TextTokenizer::Whitespace);
        let mut corpus = CorpusAccumulator::new(set.metrics());
        for (candidate, references) in [("a b c d e", vec!["a b c d e"]), ("x", vec!["y", "x z"])] {
            let values = set.score(candidate, Some(&references), Some("a b c")).unwrap();
            corpus.add(&values, Some(references.len()));
        }
        let values = corpus.finish();
        let Details::Bleu(bleu) = &values[0].details else { panic!("BLEU details") };
        assert_eq!(
            (bleu.counts.as_slice(), bleu.totals.as_slice(), bleu.sys_len, bleu.ref_len),
            (&[6, 4, 3, 2][..], &[6, 4, 3, 2][..], 6, 6)
        );
        // novel-2: 2 of the 4 bigrams of "a b c d e" are new; "x" has none (undefined).
        assert_eq!((values[1].score, &values[1].details), (Some(0.5), &Details::Mean { documents: 1 }));
        assert_eq!((corpus.documents(), corpus.nrefs()), (2, Some(RefCount::Variable)));
        assert_eq!(CorpusAccumulator::new(&[Metric::Density]).finish()[0].score, None);
    }

    #[test]
    fn statistics_round_trip_and_sum() {
        let set =
            MetricSet::new(vec![Metric::Bleu, Metric::ChrfPlusPlus, Metric::Ter], TextTokenizer::Whitespace);
        let values = set.score("the cat sat", Some(&["the cat sat down"]), None).unwrap();
        for value in &values {
            let stats = SufficientStats::of(value).expect("BLEU and chrF++ sum statistics");
            assert_eq!(SufficientStats::parse(value.metric, &stats.to_field()), Ok(stats.clone()));
            let mut twice = stats.clone();
            twice.add(&stats);
            // Summing a document with itself keeps every ratio: the same score.
            assert_eq!(twice.value(value.metric).score, stats.value(value.metric).score);
        }
        // BLEU by hand: 3 candidate tokens, closest reference 4; 3/2/1/0 matches of 3/2/1/0.
        assert_eq!(SufficientStats::of(&values[0]).unwrap().to_field(), "3 4 3 2 1 0 3 2 1 0");
        // TER by hand: one insertion ("down") against 4 reference words.
        assert_eq!(SufficientStats::of(&values[2]).unwrap().to_field(), "1 4");
        let ter = SufficientStats::parse(Metric::Ter, "1 2.5").unwrap();
        assert_eq!(ter, SufficientStats::Ter(TerStats { edits: 1.0, ref_length: 2.5 }));
        let err = SufficientStats::parse(Metric::Ter, "1 -2").unwrap_err();
        assert_eq!(err.to_string(), "bad ter statistics `1 -2`: expected 2 non-negative numbers");
        let err = SufficientStats::parse(Metric::Bleu, "1 2 x").unwrap_err();
        assert_eq!(err.to_string(), "bad bleu statistics `1 2 x`: expected 10 non-negative integers");
    }
}
