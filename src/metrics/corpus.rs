//! [`CorpusAccumulator`]: corpus-level scores from per-document values.
//! BLEU and chrF sum their statistics over the documents, as sacreBLEU's
//! `corpus_score` does; every other metric is the mean of its defined
//! per-document values.

use super::Metric;
use super::bleu::BleuStats;
use super::chrf::ChrfStats;
use super::signature::RefCount;
use super::value::{Details, MetricValue};

/// Adds up the documents of a corpus for one list of metrics.
#[derive(Debug, Clone)]
pub struct CorpusAccumulator {
    metrics: Vec<Metric>,
    parts: Vec<Part>,
    documents: usize,
    nrefs: Option<RefCount>,
}

/// The running total of one metric.
#[derive(Debug, Clone)]
enum Part {
    Bleu(BleuStats),
    Chrf(Option<ChrfStats>),
    Mean { sum: f64, documents: usize },
}

impl CorpusAccumulator {
    /// An empty corpus for `metrics` (the order of [`MetricSet::metrics`](super::MetricSet::metrics)).
    pub fn new(metrics: &[Metric]) -> Self {
        let parts = metrics
            .iter()
            .map(|m| match m {
                Metric::Bleu => Part::Bleu(BleuStats::default()),
                Metric::Chrf | Metric::ChrfPlusPlus => Part::Chrf(None),
                _ => Part::Mean { sum: 0.0, documents: 0 },
            })
            .collect();
        CorpusAccumulator { metrics: metrics.to_vec(), parts, documents: 0, nrefs: None }
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
            match (part, &value.details) {
                (Part::Bleu(total), Details::Bleu(bleu)) => *total += bleu.stats(),
                (Part::Chrf(total), Details::Chrf(stats)) => match total {
                    Some(total) => total.add(stats),
                    None => *total = Some(stats.clone()),
                },
                (Part::Mean { sum, documents }, _) => {
                    if let Some(score) = value.score {
                        *sum += score;
                        *documents += 1;
                    }
                }
                _ => panic!("{metric}: a value without its statistics"),
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
                Part::Bleu(stats) => {
                    let bleu = stats.score(false);
                    MetricValue { metric, score: Some(bleu.score), details: Details::Bleu(bleu) }
                }
                Part::Chrf(stats) => {
                    let order =
                        if metric == Metric::Chrf { 0 } else { super::chrf::CHRF_PLUS_PLUS_WORD_ORDER };
                    let stats = stats.clone().unwrap_or_else(|| ChrfStats::zero(order));
                    MetricValue { metric, score: Some(stats.score()), details: Details::Chrf(stats) }
                }
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
        let Details::Bleu(bleu) = values[0].details else { panic!("BLEU details") };
        assert_eq!(
            (bleu.counts, bleu.totals, bleu.sys_len, bleu.ref_len),
            ([6, 4, 3, 2], [6, 4, 3, 2], 6, 6)
        );
        // novel-2: 2 of the 4 bigrams of "a b c d e" are new; "x" has none (undefined).
        assert_eq!((values[1].score, &values[1].details), (Some(0.5), &Details::Mean { documents: 1 }));
        assert_eq!((corpus.documents(), corpus.nrefs()), (2, Some(RefCount::Variable)));
        assert_eq!(CorpusAccumulator::new(&[Metric::Density]).finish()[0].score, None);
    }
}
