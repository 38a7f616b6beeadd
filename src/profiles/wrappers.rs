//! What lm-evaluation-harness and HELM hand to rouge-score, as profiles
//! (read from their code at the commits `tests/data/rouge_profiles/
//! wrappers-lm-eval-helm.md` names, with file and line numbers there):
//!
//! - `helm`: HELM's summarization metrics: `rouge_1`, `rouge_2`, `rouge_l`,
//!   rouge-score's stemmed rouge1/rouge2/rougeL F of the stripped
//!   prediction, one leading `{` and one trailing `}` removed from it and
//!   from every reference, the maximum over references.
//! - `helm-chinese`: HELM's `chinese_rouge_1`/`chinese_rouge_2`: every
//!   character a token (spaces and punctuation included), no lowercasing,
//!   the stripped prediction, the maximum over references.
//! - `lm-eval-cnndm`: the CNN/DailyMail task: whitespace runs collapsed and
//!   stripped, stemmed rouge1/rouge2/rougeL F against the (one) reference.
//! - `lm-eval-truthfulqa`: TruthfulQA-gen's `rouge1_max`, `rouge2_max`,
//!   `rougeL_max` (the last computed from rougeLsum): each reference
//!   stripped and ended with `.`, `" . "` turned into `".\n"` in both
//!   texts, no stemming, × 100, the maximum over references.
//! - `lm-eval-longbench`: LongBench's `rouge_score`: pltrdy's `rouge`
//!   ROUGE-L F of the stripped prediction against each answer (`avg=True`),
//!   0 where the package raises (a bare `except`), the maximum over answers.
//! - `lm-eval-longbench-zh`: LongBench's `rouge_zh_score`: the same after
//!   both texts are cut into words by jieba and joined with spaces (pltrdy's
//!   `rouge`, not rouge-chinese).
//!
//! Each figure over a corpus is the mean over instances, as both harnesses
//! report it. None takes keyword arguments.

use serde_json::{Map, Value};

use super::evaluate::{CustomTokenizer, RougeScore};
use super::kwargs::Kwargs;
use super::{Figure, Figures, Package, PackageOptions, Pair, Raised};
use crate::lang::{Language, split_words};
use crate::metrics::pystr;

/// One harness's use of rouge-score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Harness {
    /// HELM's summarization metrics.
    Helm,
    /// HELM's Chinese ROUGE (character tokens).
    HelmChinese,
    /// lm-evaluation-harness's CNN/DailyMail task.
    LmEvalCnnDm,
    /// lm-evaluation-harness's TruthfulQA-gen task.
    LmEvalTruthfulQa,
    /// lm-evaluation-harness's LongBench tasks (pltrdy's `rouge`).
    LmEvalLongBench,
    /// LongBench's Chinese tasks (jieba, then pltrdy's `rouge`).
    LmEvalLongBenchZh,
}

impl Harness {
    /// The harness named `name`, if it is one.
    pub(crate) fn named(name: &str) -> Option<Self> {
        match name {
            "helm" => Some(Harness::Helm),
            "helm-chinese" => Some(Harness::HelmChinese),
            "lm-eval-cnndm" => Some(Harness::LmEvalCnnDm),
            "lm-eval-truthfulqa" => Some(Harness::LmEvalTruthfulQa),
            "lm-eval-longbench" => Some(Harness::LmEvalLongBench),
            "lm-eval-longbench-zh" => Some(Harness::LmEvalLongBenchZh),
            _ => None,
        }
    }

    /// Its name as a profile.
    fn name(self) -> &'static str {
        match self {
            Harness::Helm => "helm",
            Harness::HelmChinese => "helm-chinese",
            Harness::LmEvalCnnDm => "lm-eval-cnndm",
            Harness::LmEvalTruthfulQa => "lm-eval-truthfulqa",
            Harness::LmEvalLongBench => "lm-eval-longbench",
            Harness::LmEvalLongBenchZh => "lm-eval-longbench-zh",
        }
    }
}

/// A harness as a [`Package`].
#[derive(Debug, Clone)]
pub(crate) struct Wrapper {
    harness: Harness,
}

impl Wrapper {
    /// `harness`, which takes no keyword arguments.
    pub(crate) fn new(harness: Harness, options: &PackageOptions) -> Result<Self, Raised> {
        Kwargs::new("profile", &options.init).finish()?;
        Kwargs::new("profile", &options.call).finish()?;
        Ok(Wrapper { harness })
    }

    /// The harness's values for one instance, by its own names, each with
    /// whether Python holds it as the integer `0` (rouge-score's rougeL of
    /// a text without tokens, kept by `max` and `* 100`).
    fn values(
        &self,
        candidate: &str,
        references: &[String],
    ) -> Result<Vec<(&'static str, f64, bool)>, Raised> {
        let types = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        match self.harness {
            Harness::Helm => {
                let scorer = RougeScore::new(types(&["rouge1", "rouge2", "rougeL"]), true, None);
                let prediction = remove_braces(python_strip(candidate));
                let golds: Vec<String> =
                    references.iter().map(|r| remove_braces(python_strip(r)).to_owned()).collect();
                // `float(np.max(...))`: always a float.
                let best = max_over(&scorer, &golds, prediction)?;
                Ok(vec![
                    ("rouge_1", best[0].0, false),
                    ("rouge_2", best[1].0, false),
                    ("rouge_l", best[2].0, false),
                ])
            }
            Harness::HelmChinese => {
                let scorer =
                    RougeScore::new(types(&["rouge1", "rouge2"]), false, Some(CustomTokenizer::Characters));
                let best = max_over(&scorer, references, python_strip(candidate))?;
                Ok(vec![("chinese_rouge_1", best[0].0, best[0].1), ("chinese_rouge_2", best[1].0, best[1].1)])
            }
            Harness::LmEvalCnnDm => {
                let scorer = RougeScore::new(types(&["rouge1", "rouge2", "rougeL"]), true, None);
                let reference = references.first().map(|r| collapse_whitespace(r)).unwrap_or_default();
                let scores = scorer.score(&[reference], &collapse_whitespace(candidate))?;
                Ok(scores
                    .iter()
                    .zip(["rouge1", "rouge2", "rougeL"])
                    .map(|(s, name)| (name, s.figure.fmeasure, s.integer_zero))
                    .collect())
            }
            Harness::LmEvalTruthfulQa => {
                let scorer = RougeScore::new(types(&["rouge1", "rouge2", "rougeLsum"]), false, None);
                let answers: Vec<String> = references
                    .iter()
                    .map(|r| {
                        let answer = python_strip(r);
                        let answer =
                            if answer.ends_with('.') { answer.to_owned() } else { format!("{answer}.") };
                        prepare_summary(&answer)
                    })
                    .collect();
                let best = max_over(&scorer, &answers, &prepare_summary(candidate))?;
                Ok(best
                    .iter()
                    .zip(["rouge1_max", "rouge2_max", "rougeL_max"])
                    .map(|(&(f, int), name)| (name, f * 100.0, int))
                    .collect())
            }
            Harness::LmEvalLongBench => {
                Ok(vec![("rouge_score", longbench(python_strip(candidate), references)?, false)])
            }
            Harness::LmEvalLongBenchZh => {
                let cut = |text: &str| {
                    split_words(Language::Chinese, text)
                        .map_or_else(|| text.to_owned(), |words| words.join(" "))
                };
                let answers: Vec<String> = references.iter().map(|r| cut(r)).collect();
                Ok(vec![("rouge_zh_score", longbench(&cut(python_strip(candidate)), &answers)?, false)])
            }
        }
    }
}

impl Package for Wrapper {
    fn name(&self) -> &'static str {
        self.harness.name()
    }

    fn call(&self, candidate: &str, references: &[String]) -> Result<Value, Raised> {
        let mut out = Map::new();
        for (name, value, integer_zero) in self.values(candidate, references)? {
            out.insert(name.to_owned(), if integer_zero { Value::from(0) } else { Value::from(value) });
        }
        Ok(Value::Object(out))
    }

    fn corpus(&self, pairs: &[Pair<'_>]) -> Result<Figures, Raised> {
        let mut sums: Vec<(&'static str, f64)> = Vec::new();
        for pair in pairs {
            for (i, (name, value, _)) in self.values(pair.candidate, pair.references)?.into_iter().enumerate()
            {
                match sums.get_mut(i) {
                    Some(slot) => slot.1 += value,
                    None => sums.push((name, value)),
                }
            }
        }
        let count = pairs.len().max(1) as f64;
        Ok(sums
            .into_iter()
            .map(|(name, sum)| {
                (name.to_owned(), Figure { precision: None, recall: None, fmeasure: sum / count })
            })
            .collect())
    }
}

/// Each type's largest F over the references, scored one by one (the
/// harnesses' `max` over per-reference scores: the first of the largest,
/// with whether it is Python's integer `0`).
fn max_over(scorer: &RougeScore, references: &[String], candidate: &str) -> Result<Vec<(f64, bool)>, Raised> {
    let mut best: Vec<(f64, bool)> = Vec::new();
    for reference in references {
        let scores = scorer.score(std::slice::from_ref(reference), candidate)?;
        if best.is_empty() {
            best = scores.iter().map(|s| (s.figure.fmeasure, s.integer_zero)).collect();
        } else {
            for (slot, scored) in best.iter_mut().zip(&scores) {
                if scored.figure.fmeasure > slot.0 {
                    *slot = (scored.figure.fmeasure, scored.integer_zero);
                }
            }
        }
    }
    if best.is_empty() {
        return Err(Raised::new(
            "ValueError",
            "zero-size array to reduction operation maximum which has no identity",
        ));
    }
    Ok(best)
}

/// LongBench's score: the largest of pltrdy's ROUGE-L F (`avg=True`) of
/// `prediction` against each answer, 0 for an answer where the package
/// raises; 0 without answers (`score = 0.0`, then `max`).
fn longbench(prediction: &str, answers: &[String]) -> Result<f64, Raised> {
    let mut call = Map::new();
    call.insert("avg".into(), Value::Bool(true));
    let rouge = super::package("rouge", &PackageOptions { init: Map::new(), call })?;
    let mut score = 0.0f64;
    for answer in answers {
        let f = rouge
            .call(prediction, std::slice::from_ref(answer))
            .ok()
            .and_then(|result| result.get("rouge-l")?.get("f")?.as_f64())
            .unwrap_or(0.0);
        score = score.max(f);
    }
    Ok(score)
}

/// Python's `text.strip()`.
fn python_strip(text: &str) -> &str {
    text.trim_matches(pystr::is_space)
}

/// HELM's `_remove_braces`: one leading `{`, one trailing `}`.
fn remove_braces(text: &str) -> &str {
    let text = text.strip_prefix('{').unwrap_or(text);
    text.strip_suffix('}').unwrap_or(text)
}

/// lm-eval's `normalize_text`: `re.sub(r"\s+", " ", text).strip()`.
fn collapse_whitespace(text: &str) -> String {
    pystr::split(text).collect::<Vec<_>>().join(" ")
}

/// lm-eval's TruthfulQA `_prepare_summary`: `" . "` → `".\n"`.
fn prepare_summary(text: &str) -> String {
    text.replace(" . ", ".\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules_follow_the_harnesses() {
        assert_eq!(remove_braces("{a}"), "a");
        assert_eq!(remove_braces("{{a}}"), "{a}");
        assert_eq!(python_strip("\u{3000} a b\n"), "a b");
        assert_eq!(collapse_whitespace(" a\n\n b\tc "), "a b c");
        assert_eq!(prepare_summary("a . b. c . d"), "a.\nb. c.\nd");
    }

    #[test]
    fn no_reference_is_numpy_max_of_nothing() {
        let wrapper = Wrapper::new(Harness::Helm, &PackageOptions::default()).unwrap();
        assert_eq!(wrapper.call("a", &[]).unwrap_err().kind, "ValueError");
    }
}
