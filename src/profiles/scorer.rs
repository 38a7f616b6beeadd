//! [`ProfileScorer`]: a package scoring a run's ROUGE metrics (`run` and
//! `score` with `--rouge-profile`): rouge1…rouge9, rougeL and rougeLsum,
//! each read from the package's own key for it (`rouge-1`, `rouge_l`, ...),
//! per document by the package's own rule for several references.

use super::identify::{Variant, variant_of};
use super::{Package, Pair, ProfileSpec, ProfileSpecError};
use crate::metrics::MetricSpec;
use crate::rouge::{Metric, Score};

/// A package under its arguments, with the key it reports each metric under.
pub struct ProfileScorer {
    package: Box<dyn Package>,
    /// The package's key for each metric, in the metrics' order.
    keys: Vec<String>,
}

impl std::fmt::Debug for ProfileScorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileScorer")
            .field("package", &self.package.name())
            .field("keys", &self.keys)
            .finish()
    }
}

impl ProfileScorer {
    /// The package of `spec` for `metrics`; an error names a metric the
    /// package does not report (its keys are learnt from one probe pair).
    pub fn new(spec: &ProfileSpec, metrics: &[Metric]) -> Result<Self, ProfileSpecError> {
        let package = spec.build()?;
        let probe = ["the cat sat on the mat".to_string()];
        let figures = package
            .corpus(&[Pair { candidate: "the cat sat on the mat", references: &probe }])
            .map_err(|raised| ProfileSpecError::Refused { spec: spec.to_string(), raised })?;
        let keys = metrics
            .iter()
            .map(|&metric| {
                let wanted = match metric {
                    Metric::N(n) => Variant::N(n),
                    Metric::L => Variant::L,
                    Metric::Lsum => Variant::Lsum,
                };
                figures.keys().find(|key| variant_of(key) == Some(wanted)).cloned().ok_or_else(|| {
                    ProfileSpecError::Lacks {
                        spec: spec.to_string(),
                        metric: metric.to_string(),
                        has: figures.keys().cloned().collect::<Vec<_>>().join(", "),
                    }
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(ProfileScorer { package, keys })
    }

    /// The metrics of `metrics` the package of `spec` reports (the others,
    /// and any beyond rouge-score's, left out), in their order.
    pub fn reported(spec: &ProfileSpec, metrics: &[MetricSpec]) -> Result<Vec<MetricSpec>, ProfileSpecError> {
        let mut kept = Vec::new();
        for spec_metric in metrics {
            if let MetricSpec::Rouge(metric) = spec_metric {
                match ProfileScorer::new(spec, &[*metric]) {
                    Ok(_) => kept.push(*spec_metric),
                    Err(ProfileSpecError::Lacks { .. }) => {}
                    Err(other) => return Err(other),
                }
            }
        }
        if kept.is_empty() {
            let names: Vec<String> = metrics.iter().map(ToString::to_string).collect();
            return Err(ProfileSpecError::Lacks {
                spec: spec.to_string(),
                metric: format!("any of {}", names.join(", ")),
                has: ProfileScorer::keys_of(spec)?.join(", "),
            });
        }
        Ok(kept)
    }

    /// The package's own keys, from one probe pair.
    fn keys_of(spec: &ProfileSpec) -> Result<Vec<String>, ProfileSpecError> {
        let probe = ["the cat sat on the mat".to_string()];
        let figures = spec
            .build()?
            .corpus(&[Pair { candidate: "the cat sat on the mat", references: &probe }])
            .map_err(|raised| ProfileSpecError::Refused { spec: spec.to_string(), raised })?;
        Ok(figures.keys().cloned().collect())
    }

    /// One document's scores, in the metrics' order: the package's P, R and
    /// F, NaN where it reports none (sumeval and evaluate report F only) or
    /// raises on the texts (pltrdy's `rouge` on an empty summary, say).
    pub fn score(&self, candidate: &str, references: &[String]) -> Vec<Score> {
        let undefined = Score { precision: f64::NAN, recall: f64::NAN, fmeasure: f64::NAN };
        match self.package.corpus(&[Pair { candidate, references }]) {
            Ok(figures) => self
                .keys
                .iter()
                .map(|key| match figures.get(key) {
                    Some(figure) => Score {
                        precision: figure.precision.unwrap_or(f64::NAN),
                        recall: figure.recall.unwrap_or(f64::NAN),
                        fmeasure: figure.fmeasure,
                    },
                    None => undefined,
                })
                .collect(),
            Err(_) => vec![undefined; self.keys.len()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_metric_from_the_package_key() {
        // HELM's rouge_1 is rouge-score's stemmed rouge1: "cats" stems to
        // "cat", so 3 of 3 candidate words match 3 of 4 reference words:
        // P = 1, R = 3/4, F = 2·(3/4)/(7/4) = 6/7.
        let spec: ProfileSpec = "helm".parse().unwrap();
        let scorer = ProfileScorer::new(&spec, &[Metric::N(1)]).unwrap();
        let score = scorer.score("the cats sat", &["the cat sat down".to_string()])[0];
        // HELM keeps F only.
        assert!(score.precision.is_nan() && score.recall.is_nan());
        assert!((score.fmeasure - 6.0 / 7.0).abs() < 1e-15);
        let lacks = ProfileScorer::new(&spec, &[Metric::Lsum]).unwrap_err().to_string();
        assert!(lacks.contains("rougeLsum"), "{lacks}");
    }
}
