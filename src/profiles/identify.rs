//! `sumbench rouge identify`: which ROUGE package, under which options,
//! printed a reported score. Every setting below computes the corpus figure
//! its package reports over the same pairs; those that reproduce every
//! reported number at its printed rounding match, and all are listed by
//! their distance to the reported numbers, closest first.
//!
//! Settings:
//! - `rouge-score` 0.1.2: stemming × the multi-reference rule (`max`, as
//!   `score_multi`; `first` reference; `mean` over references) × what
//!   "ROUGE-L" is (`rougeL`; `rougeLsum` on the lines as given; `rougeLsum`
//!   on one sentence per line) × the measure (F or recall); the corpus
//!   figure is the mean over pairs;
//! - `rouge155` (ROUGE-1.5.5): stemming (`-m`) × `-f A`/`-f B` × stop words
//!   (`-s`) × F or recall, the mean of per-document scores;
//! - `xlsum`: XL-Sum's multilingual scorer for `--language`, stemmed or not;
//! - each package of this module under its common options, by its own
//!   corpus rule; `evaluate-rouge` reports a bootstrap median whose seed is
//!   drawn at `load`, so it matches when the reported number lies within
//!   the medians of 20 seeds (computed here with sumbench's own generator:
//!   the spread, not numpy's draws), and says so.

use std::collections::BTreeMap;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Map, Value, json};

use super::{PackageOptions, Pair, package};
use crate::lang::Language;
use crate::rouge::{Metric, RougeTokenizer, Scorer, sentence_per_line_in};
use crate::rouge155;

/// A ROUGE variant a paper reports: ROUGE-N, ROUGE-L or ROUGE-Lsum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Variant {
    /// ROUGE-N.
    N(u8),
    /// ROUGE-L, whichever way the package computes it.
    L,
    /// rouge-score's rougeLsum, named as such.
    Lsum,
}

/// One reported number: its name as given, the variant, the value and the
/// decimals it was printed with.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    /// The name as given (`rouge1`, `R-L`, ...).
    pub name: String,
    /// The variant it names.
    pub variant: Variant,
    /// The value as printed.
    pub value: f64,
    /// Digits after the decimal point.
    pub decimals: usize,
}

/// One setting's figure for a variant: its lowest and highest value (the
/// same value twice, but for a bootstrap's spread over seeds).
type Span = (Variant, f64, f64);

/// A setting: its options and its figures.
type Setting = (Value, Vec<Span>);

/// A bad `--reported` list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("--reported: {0}")]
pub struct ReportedError(String);

/// Parses `rouge1=44.10,rouge2=21.07,rougeL=40.71` (names as papers write
/// them: `rouge1`, `ROUGE-1`, `R-1`, `R1`, `rougeL`, `R-L`, `rougeLsum`).
pub fn parse_reported(text: &str) -> Result<Vec<Reported>, ReportedError> {
    let mut reported: Vec<Reported> = Vec::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (name, value) =
            item.split_once('=').ok_or_else(|| ReportedError(format!("`{item}` is not NAME=VALUE")))?;
        let (name, value) = (name.trim(), value.trim());
        let variant = variant_of(name).ok_or_else(|| {
            ReportedError(format!("`{name}` is not a ROUGE variant (rouge1…rouge9, rougeL, rougeLsum)"))
        })?;
        let number: f64 =
            value.parse().map_err(|_| ReportedError(format!("`{value}` (for {name}) is not a number")))?;
        if !number.is_finite() || number < 0.0 {
            return Err(ReportedError(format!("`{value}` (for {name}) is not a score")));
        }
        if reported.iter().any(|r| r.variant == variant) {
            return Err(ReportedError(format!("{name} is given twice")));
        }
        let decimals = value.split_once('.').map_or(0, |(_, digits)| digits.len());
        reported.push(Reported { name: name.to_owned(), variant, value: number, decimals });
    }
    if reported.is_empty() {
        return Err(ReportedError("no score given".into()));
    }
    Ok(reported)
}

/// The variant a name means, or a package's own key (`rouge-1`,
/// `rouge_l`, `chinese_rouge_2`).
pub fn variant_of(name: &str) -> Option<Variant> {
    let lower = name.to_ascii_lowercase().replace(['-', '_', ' '], "");
    // LongBench's names for pltrdy's ROUGE-L F.
    if lower == "rougescore" || lower == "rougezhscore" {
        return Some(Variant::L);
    }
    // TruthfulQA's `rouge1_max`: the largest over references.
    let lower = lower.strip_suffix("max").unwrap_or(&lower);
    let rest = lower.strip_prefix("chinese").unwrap_or(lower);
    let rest = rest.strip_prefix("rouge").or_else(|| rest.strip_prefix('r'))?;
    match rest {
        "l" => Some(Variant::L),
        "lsum" => Some(Variant::Lsum),
        digit if digit.len() == 1 => digit.parse().ok().filter(|n| (1..=9).contains(n)).map(Variant::N),
        _ => None,
    }
}

/// One setting's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The package (`rouge-score`, `rouge155`, `xlsum`, or a package name).
    pub package: String,
    /// The options that make the setting.
    pub options: Value,
    /// Its figures, by reported name, in the reported scale (`None` where
    /// the setting has no such variant).
    pub figures: BTreeMap<String, Option<f64>>,
    /// Whether every figure rounds to the reported number.
    pub exact: bool,
    /// The largest distance to a reported number, in its scale (infinite
    /// when a variant is missing or the package raised).
    pub distance: f64,
    /// What to know about the match (a bootstrap spread, what was raised).
    pub note: Option<String>,
}

/// Every setting's outcome for `reported` over `pairs`, closest first
/// (exact matches first, then by distance).
pub fn identify(pairs: &[Pair<'_>], reported: &[Reported], language: Language) -> Vec<Found> {
    let percent = reported.iter().any(|r| r.value > 1.0);
    let scale = if percent { 100.0 } else { 1.0 };
    let mut found = Vec::new();
    let mut judge = |package: &str, options: Value, figures: Result<Vec<Span>, String>| {
        found.push(judge(package, options, figures, reported, scale));
    };
    let max_n =
        reported.iter().filter_map(|r| if let Variant::N(n) = r.variant { Some(n) } else { None }).max();
    let mut metrics: Vec<Metric> = (1..=max_n.unwrap_or(0)).map(Metric::N).collect();
    metrics.extend([Metric::L, Metric::Lsum]);
    for (options, figures) in rouge_score_settings(pairs, &metrics) {
        judge("rouge-score", options, Ok(figures));
    }
    for (options, figures) in rouge155_settings(pairs, max_n.unwrap_or(1)) {
        judge("rouge155", options, Ok(figures));
    }
    for stem in [false, true] {
        let scorer =
            Scorer::new(&metrics, stem).with_tokenizer(RougeTokenizer::XlSum).with_language(language);
        if RougeTokenizer::XlSum.check_language(language).is_ok() {
            let figures =
                mean_over(pairs, |pair| scorer.score_multi(pair.references, pair.candidate), &metrics);
            judge("xlsum", json!({"use_stemmer": stem, "lang": language.code()}), Ok(figures));
        }
    }
    for (name, init, call) in package_settings() {
        let options = PackageOptions { init: object(&init), call: object(&call) };
        let figures = package(name, &options)
            .and_then(|p| p.corpus(pairs))
            .map(|figures| {
                figures
                    .iter()
                    .filter_map(|(key, figure)| {
                        variant_of(key).map(|v| (v, figure.fmeasure, figure.fmeasure))
                    })
                    .collect()
            })
            .map_err(|raised| raised.to_string());
        let figures = if name == "evaluate-rouge" {
            figures.map(|f| with_bootstrap_spread(pairs, &options, f))
        } else {
            figures
        };
        judge(name, json!({"init": init, "call": call}), figures);
    }
    found.sort_by(|a, b| b.exact.cmp(&a.exact).then(a.distance.total_cmp(&b.distance)));
    merge_alike(found)
}

/// Settings of one package with the same figures, merged where their
/// options differ in one key: that key's values become a list, meaning any
/// of them gives these figures (one reference makes every multi-reference
/// rule alike, for instance). Repeated until nothing merges, so every
/// combination of a merged row's lists was a setting.
fn merge_alike(mut found: Vec<Found>) -> Vec<Found> {
    let values = |v: &Value| match v {
        Value::Array(items) => items.clone(),
        other => vec![other.clone()],
    };
    loop {
        let mut merged = false;
        'outer: for i in 0..found.len() {
            for j in i + 1..found.len() {
                let (a, b) = (&found[i], &found[j]);
                if a.package != b.package || a.figures != b.figures || a.note != b.note || a.exact != b.exact
                {
                    continue;
                }
                let (Value::Object(x), Value::Object(y)) = (&a.options, &b.options) else { continue };
                if x.len() != y.len() || x.keys().any(|k| !y.contains_key(k)) {
                    continue;
                }
                let differing: Vec<&String> = x.keys().filter(|k| x[*k] != y[*k]).collect();
                // Options of packages are nested ({init, call}): merged whole only.
                if differing.len() != 1 || a.options.get("init").is_some() {
                    continue;
                }
                let key = differing[0].clone();
                let mut union = values(&x[&key]);
                for v in values(&y[&key]) {
                    if !union.contains(&v) {
                        union.push(v);
                    }
                }
                found[i].options[&key] = Value::Array(union);
                found.remove(j);
                merged = true;
                break 'outer;
            }
        }
        if !merged {
            return found;
        }
    }
}

/// A JSON object's map (empty for anything else).
fn object(value: &Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

/// Compares one setting's figures (variant, low, high: a spread, or one
/// value twice) with the reported numbers.
fn judge(
    package: &str,
    options: Value,
    figures: Result<Vec<Span>, String>,
    reported: &[Reported],
    scale: f64,
) -> Found {
    let mut found = Found {
        package: package.to_owned(),
        options,
        figures: BTreeMap::new(),
        exact: false,
        distance: f64::INFINITY,
        note: None,
    };
    let figures = match figures {
        Ok(figures) => figures,
        Err(raised) => {
            found.note = Some(format!("raised {raised}"));
            return found;
        }
    };
    let (mut exact, mut distance, mut spread) = (true, 0.0f64, false);
    for r in reported {
        // "ROUGE-L" matches a package's L; rougeLsum only rouge-score's.
        let figure = figures.iter().find(|(v, _, _)| *v == r.variant);
        let Some(&(_, low, high)) = figure else {
            found.figures.insert(r.name.clone(), None);
            exact = false;
            distance = f64::INFINITY;
            continue;
        };
        let (low, high) = (low * scale, high * scale);
        spread |= high > low;
        let half = 0.5 * 10f64.powi(-(r.decimals as i32)) + 1e-9;
        let gap = if r.value < low {
            low - r.value
        } else if r.value > high {
            r.value - high
        } else {
            0.0
        };
        exact &= gap <= half;
        distance = distance.max(gap);
        found.figures.insert(r.name.clone(), Some((low + high) / 2.0));
    }
    found.exact = exact;
    found.distance = distance;
    if spread {
        found.note = Some(
            "evaluate reports a bootstrap median whose seed is drawn at load: matched against the medians \
             of 20 seeds (the figure is their midpoint)"
                .into(),
        );
    }
    found
}

/// The mean over pairs of each metric's value, as (variant, F, F).
fn mean_over(
    pairs: &[Pair<'_>],
    score: impl Fn(&Pair<'_>) -> Vec<crate::rouge::Score>,
    metrics: &[Metric],
) -> Vec<Span> {
    let mut sums = vec![0.0; metrics.len()];
    for pair in pairs {
        for (sum, s) in sums.iter_mut().zip(score(pair)) {
            *sum += s.fmeasure;
        }
    }
    let count = pairs.len().max(1) as f64;
    metrics.iter().zip(sums).map(|(&m, sum)| (variant(m), sum / count, sum / count)).collect()
}

/// The [`Variant`] of a rouge-score metric.
fn variant(metric: Metric) -> Variant {
    match metric {
        Metric::N(n) => Variant::N(n),
        Metric::L => Variant::L,
        Metric::Lsum => Variant::Lsum,
    }
}

/// rouge-score's settings: stemming × multi-reference rule × what ROUGE-L is
/// × measure, each figure a mean over pairs.
fn rouge_score_settings(pairs: &[Pair<'_>], metrics: &[Metric]) -> Vec<Setting> {
    let mut settings = Vec::new();
    for stem in [false, true] {
        let scorer = Scorer::new(metrics, stem);
        let lsum_scorer = Scorer::new(&[Metric::Lsum], stem);
        // Per pair, per reference: the scores, and rougeLsum on sentence lines.
        let per_pair: Vec<Vec<(Vec<crate::rouge::Score>, crate::rouge::Score)>> = pairs
            .iter()
            .map(|pair| {
                let candidate_lines = sentence_per_line_in(pair.candidate, Language::English);
                pair.references
                    .iter()
                    .map(|reference| {
                        let lines = sentence_per_line_in(reference, Language::English);
                        (
                            scorer.score(reference, pair.candidate),
                            lsum_scorer.score(&lines, &candidate_lines)[0],
                        )
                    })
                    .collect()
            })
            .collect();
        for rule in ["max", "first", "mean"] {
            for l_is in ["rougeL", "rougeLsum", "rougeLsum-sentences"] {
                for measure in ["fmeasure", "recall"] {
                    let value =
                        |s: &crate::rouge::Score| if measure == "recall" { s.recall } else { s.fmeasure };
                    let mut sums = vec![0.0; metrics.len()];
                    for references in &per_pair {
                        // Scores of each reference, with ROUGE-L as chosen.
                        let rows: Vec<Vec<crate::rouge::Score>> = references
                            .iter()
                            .map(|(scores, lines)| {
                                metrics
                                    .iter()
                                    .zip(scores)
                                    .map(|(m, s)| match (m, l_is) {
                                        (Metric::L, "rougeLsum") => scores[metrics.len() - 1],
                                        (Metric::L, "rougeLsum-sentences")
                                        | (Metric::Lsum, "rougeLsum-sentences") => *lines,
                                        _ => *s,
                                    })
                                    .collect()
                            })
                            .collect();
                        for (i, sum) in sums.iter_mut().enumerate() {
                            *sum += match rule {
                                // score_multi keeps the reference of the highest F.
                                "max" => rows
                                    .iter()
                                    .map(|row| row[i])
                                    .reduce(|best, s| if s.fmeasure > best.fmeasure { s } else { best })
                                    .map_or(0.0, |s| value(&s)),
                                "first" => rows.first().map_or(0.0, |row| value(&row[i])),
                                _ => {
                                    rows.iter().map(|row| value(&row[i])).sum::<f64>()
                                        / rows.len().max(1) as f64
                                }
                            };
                        }
                    }
                    let count = pairs.len().max(1) as f64;
                    let figures = metrics
                        .iter()
                        .zip(&sums)
                        .map(|(&m, &sum)| (variant(m), sum / count, sum / count))
                        .collect();
                    let options = json!({
                        "use_stemmer": stem, "multi_reference": rule, "rougeL_is": l_is, "measure": measure,
                    });
                    settings.push((options, figures));
                }
            }
        }
    }
    settings
}

/// ROUGE-1.5.5's settings: `-m` × `-f A/B` × `-s` × F or recall, each
/// figure the mean of per-document scores.
fn rouge155_settings(pairs: &[Pair<'_>], max_n: u8) -> Vec<Setting> {
    let mut metrics: Vec<rouge155::Metric> = (1..=max_n).map(rouge155::Metric::N).collect();
    metrics.push(rouge155::Metric::L);
    let mut settings = Vec::new();
    for stem in [false, true] {
        for (flag, multi_ref) in [("A", rouge155::MultiRef::Pooled), ("B", rouge155::MultiRef::Best)] {
            for remove_stopwords in [false, true] {
                let scorer = rouge155::Scorer::new(rouge155::Config {
                    metrics: metrics.clone(),
                    multi_ref,
                    stem,
                    remove_stopwords,
                    ..rouge155::Config::default()
                });
                let mut sums = vec![(0.0, 0.0); metrics.len()];
                for pair in pairs {
                    let references = scorer.prepare(pair.references);
                    for (sum, s) in sums.iter_mut().zip(scorer.score(&references, pair.candidate)) {
                        sum.0 += s.fmeasure;
                        sum.1 += s.recall;
                    }
                }
                let count = pairs.len().max(1) as f64;
                for (measure, pick) in [("fmeasure", 0), ("recall", 1)] {
                    let figures = metrics
                        .iter()
                        .zip(&sums)
                        .map(|(m, sum)| {
                            let value = if pick == 0 { sum.0 } else { sum.1 } / count;
                            let variant = match m {
                                rouge155::Metric::N(n) => Variant::N(*n),
                                _ => Variant::L,
                            };
                            (variant, value, value)
                        })
                        .collect();
                    let options = json!({"-m": stem, "-f": flag, "-s": remove_stopwords, "measure": measure});
                    settings.push((options, figures));
                }
            }
        }
    }
    settings
}

/// The packages' settings tried: each package's defaults and the options
/// its users commonly change, as (name, init, call).
fn package_settings() -> Vec<(&'static str, Value, Value)> {
    let mut settings = Vec::new();
    for name in ["rouge", "rouge-chinese"] {
        settings.push((name, json!({}), json!({"avg": true})));
        settings.push((name, json!({"exclusive": false}), json!({"avg": true})));
    }
    for stemming in [true, false] {
        for limit_length in [true, false] {
            for (avg, best) in [(true, false), (false, true)] {
                let init = json!({
                    "metrics": ["rouge-n", "rouge-l"], "max_n": 2, "stemming": stemming,
                    "limit_length": limit_length, "apply_avg": avg, "apply_best": best,
                });
                settings.push(("py-rouge", init, json!({})));
            }
        }
    }
    for mode in ["average", "best"] {
        settings.push(("rouge-metric", json!({"multi_ref_mode": mode}), json!({})));
    }
    for stopwords in [true, false] {
        for stemming in [false, true] {
            settings.push(("sumeval", json!({"stopwords": stopwords, "stemming": stemming}), json!({})));
        }
    }
    for use_stemmer in [false, true] {
        settings.push(("evaluate-rouge", json!({}), json!({"use_stemmer": use_stemmer})));
    }
    for name in ["helm", "lm-eval-cnndm"] {
        settings.push((name, json!({}), json!({})));
    }
    settings
}

/// `evaluate`'s figure as a spread: the median of 1,000 bootstrap means of
/// the per-pair F, for 20 seeds; (variant, lowest median, highest median).
fn with_bootstrap_spread(pairs: &[Pair<'_>], options: &PackageOptions, figures: Vec<Span>) -> Vec<Span> {
    let Ok(package) = package("evaluate-rouge", options) else { return figures };
    let per_pair: Vec<Vec<(Variant, f64)>> = pairs
        .iter()
        .filter_map(|pair| package.corpus(std::slice::from_ref(pair)).ok())
        .map(|f| f.iter().filter_map(|(k, v)| variant_of(k).map(|variant| (variant, v.fmeasure))).collect())
        .collect();
    if per_pair.len() != pairs.len() || pairs.is_empty() {
        return figures;
    }
    figures
        .into_iter()
        .map(|(variant, _, _)| {
            let values: Vec<f64> = per_pair
                .iter()
                .map(|row| row.iter().find(|(v, _)| *v == variant).map_or(0.0, |(_, x)| *x))
                .collect();
            let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
            for seed in 0..20u64 {
                let mut rng = ChaCha8Rng::seed_from_u64(seed);
                let mut means: Vec<f64> = (0..1000)
                    .map(|_| {
                        (0..values.len()).map(|_| values[rng.random_range(0..values.len())]).sum::<f64>()
                            / values.len() as f64
                    })
                    .collect();
                means.sort_by(f64::total_cmp);
                // numpy's percentile 50 of 1,000 values: the mean of the middle two.
                let median = (means[499] + means[500]) / 2.0;
                low = low.min(median);
                high = high.max(median);
            }
            (variant, low, high)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_names_as_papers_write_them() {
        let reported = parse_reported("ROUGE-1=44.10, R-2=21.07,rougeL=40.71,rougeLsum=41.0").unwrap();
        let variants: Vec<Variant> = reported.iter().map(|r| r.variant).collect();
        assert_eq!(variants, [Variant::N(1), Variant::N(2), Variant::L, Variant::Lsum]);
        assert_eq!((reported[0].value, reported[0].decimals), (44.10, 2));
        assert_eq!(reported[3].decimals, 1);
        assert!(parse_reported("rouge1=1,R1=2").is_err());
        assert!(parse_reported("bleu=3").is_err());
        assert!(parse_reported("").is_err());
        assert_eq!(variant_of("chinese_rouge_2"), Some(Variant::N(2)));
        assert_eq!(variant_of("rouge-l"), Some(Variant::L));
        assert_eq!(variant_of("rougeL_max"), Some(Variant::L));
    }

    #[test]
    fn a_reported_rouge_score_figure_is_found_at_its_rounding() {
        // By hand: candidate "the cat sat" against "the cat sat on the mat":
        // rouge1 P = 3/3, R = 3/6, F = 2/3 → 66.67 at two decimals.
        let references = vec!["the cat sat on the mat".to_string()];
        let pairs = [Pair { candidate: "the cat sat", references: &references }];
        let found = identify(&pairs, &parse_reported("rouge1=66.67").unwrap(), Language::English);
        let best = &found[0];
        assert!(best.exact, "{best:?}");
        assert!(found.iter().any(|f| f.package == "rouge-score" && f.exact));
        // Recall (50.00) is listed, but does not match.
        assert!(found.iter().any(|f| f.options["measure"] == "recall" && !f.exact));
        let none = identify(&pairs, &parse_reported("rouge1=12.34").unwrap(), Language::English);
        assert!(none.iter().all(|f| !f.exact));
    }
}
