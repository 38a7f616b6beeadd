//! `sumeval` 0.2.2 (chakki-works/sumeval), `RougeCalculator` in English:
//! `{"rouge_1": rc.rouge_n(n=1), "rouge_2": rc.rouge_n(n=2), "rouge_l":
//! rc.rouge_l()}`, F only. Tokens are the runs of ASCII letters and digits,
//! lowercased; stop words and the stemming table (references only) are the
//! package's own files, embedded from `data/` (see `data/NOTICE.md`).
//! Several references: matches and reference sizes summed, the candidate's
//! size counted once per reference; F is the integer `0` when P and R are.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::kwargs::truthy;
use super::python::{as_int, check_keywords, type_name};
use super::{Figure, Figures, Package, PackageOptions, Pair, Raised};
use crate::metrics::pystr::is_space;

/// `sumeval/metrics/lang/data/en/stop_words.txt`.
const STOP_WORDS: &str = include_str!("data/sumeval_stop_words.txt");

/// `sumeval/metrics/lang/data/en/stemming.txt`: `word stem` per line.
const STEMMING: &str = include_str!("data/sumeval_stemming.txt");

/// Builds `RougeCalculator(**init)`, its methods called with `**call`.
pub(super) fn package(options: &PackageOptions) -> Result<Box<dyn Package>, Raised> {
    Ok(Box::new(RougeCalculator::new(options)?))
}

/// `load_stopwords`: lines stripped, empty ones dropped.
fn stop_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        STOP_WORDS.lines().map(|line| line.trim_matches(is_space)).filter(|line| !line.is_empty()).collect()
    })
}

/// `load_stemming_dict`: each stripped line `split(" ", 1)` into word and
/// stem (the stem may hold a space: `axes` → `ax axis`); a later line
/// wins (`better` → `well`, not `good well`).
fn stems() -> &'static HashMap<&'static str, &'static str> {
    static STEMS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    STEMS.get_or_init(|| {
        STEMMING
            .lines()
            .map(|line| line.trim_matches(is_space))
            .filter_map(|line| line.split_once(' '))
            .collect()
    })
}

/// A limit of `word_limit` or `length_limit`: active when `> 0`.
#[derive(Debug, Clone, Copy)]
enum Limit {
    /// Not positive: no cut.
    Off,
    /// Keep this many words or characters.
    Keep(usize),
}

/// `RougeCalculator` under its constructor arguments, with `alpha`.
struct RougeCalculator {
    stopwords: bool,
    stemming: bool,
    word_limit: Limit,
    length_limit: Limit,
    alpha: f64,
    /// What `tokenize` raises for a `lang` sumeval cannot use here.
    unusable_lang: Option<Raised>,
}

impl RougeCalculator {
    fn new(options: &PackageOptions) -> Result<Self, Raised> {
        let init = &options.init;
        check_keywords(
            "RougeCalculator.__init__",
            &["stopwords", "stemming", "word_limit", "length_limit", "lang"],
            init,
        )?;
        check_keywords("RougeCalculator.rouge_n", &["alpha"], &options.call)?;
        let unusable_lang = match init.get("lang") {
            // `get_lang`: anything but "ja" and "zh" is English.
            None => None,
            Some(Value::String(lang)) if lang == "ja" || lang == "zh" => {
                return Err(Raised::new(
                    "NotImplementedError",
                    format!("sumbench reproduces sumeval's English only, not lang={lang:?}"),
                ));
            }
            Some(Value::String(_)) => None,
            // Neither a str nor a BaseLang: `_lang` is never set.
            Some(_) => {
                Some(Raised::new("AttributeError", "'RougeCalculator' object has no attribute '_lang'"))
            }
        };
        let alpha = match options.call.get("alpha") {
            None => 0.5,
            Some(Value::Bool(b)) => f64::from(u8::from(*b)),
            Some(Value::Number(n)) => n.as_f64().unwrap_or(f64::NAN),
            Some(other) => {
                return Err(Raised::new(
                    "TypeError",
                    format!("unsupported operand type(s) for -: 'float' and '{}'", type_name(other)),
                ));
            }
        };
        Ok(RougeCalculator {
            stopwords: init.get("stopwords").is_none_or(truthy),
            stemming: init.get("stemming").is_some_and(truthy),
            word_limit: limit(init.get("word_limit"))?,
            length_limit: limit(init.get("length_limit"))?,
            alpha,
            unusable_lang,
        })
    }

    /// `tokenize(text, is_reference)`: the limits, then English
    /// pre-processing (`-` spaced out, every character outside
    /// `[A-Za-z0-9-]` a space, tokens starting with a letter or digit),
    /// lowercase, stop words, and for references the stemming table on
    /// words of 3 characters or more.
    fn tokenize(&self, text: &str, is_reference: bool) -> Result<Vec<String>, Raised> {
        if let Some(raised) = &self.unusable_lang {
            return Err(raised.clone());
        }
        let cut;
        let text = match (self.word_limit, self.length_limit) {
            (Limit::Keep(words), _) => {
                cut = text.split(' ').take(words).collect::<Vec<_>>().join(" ");
                cut.as_str()
            }
            (Limit::Off, Limit::Keep(chars)) => match text.char_indices().nth(chars) {
                Some((end, _)) => &text[..end],
                None => text,
            },
            (Limit::Off, Limit::Off) => text,
        };
        let words = text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_ascii_lowercase)
            .filter(|word| !self.stopwords || !stop_words().contains(word.as_str()));
        Ok(if self.stemming && is_reference {
            words
                .map(|word| match stems().get(word.as_str()) {
                    Some(stem) if word.len() >= 3 => (*stem).to_owned(),
                    _ => word,
                })
                .collect()
        } else {
            words.collect()
        })
    }

    /// `_calc_f1`: `safe_div` gives the integer 0 on a zero divisor, so F
    /// is the integer `0` when its denominator is zero.
    fn f1(&self, matches: usize, count_for_recall: usize, count_for_precision: usize) -> Value {
        let safe_div = |x: f64, y: usize| if y == 0 { 0.0 } else { x / y as f64 };
        let recall = safe_div(matches as f64, count_for_recall);
        let precision = safe_div(matches as f64, count_for_precision);
        let denominator = (1.0 - self.alpha) * precision + self.alpha * recall;
        if denominator == 0.0 { Value::from(0) } else { Value::from(precision * recall / denominator) }
    }

    /// `rouge_n(summary, references, n)`: clipped n-gram matches summed
    /// over references; precision's count is (references × candidate
    /// n-grams).
    fn rouge_n(&self, summary: &str, references: &[String], n: usize) -> Result<Value, Raised> {
        let summary = self.tokenize(summary, false)?;
        let summary_grams = ngrams(&summary, n);
        let (mut matches, mut count_for_recall) = (0, 0);
        for reference in references {
            let reference = self.tokenize(reference, true)?;
            let reference_grams = ngrams(&reference, n);
            matches += summary_grams
                .iter()
                .map(|(gram, &count)| count.min(reference_grams.get(gram).copied().unwrap_or(0)))
                .sum::<usize>();
            count_for_recall += (reference.len() + 1).saturating_sub(n);
        }
        let count_for_precision = references.len() * (summary.len() + 1).saturating_sub(n);
        Ok(self.f1(matches, count_for_recall, count_for_precision))
    }

    /// `rouge_l(summary, references)`: plain LCS of the token lists (no
    /// sentence split), summed like ROUGE-N.
    fn rouge_l(&self, summary: &str, references: &[String]) -> Result<Value, Raised> {
        let summary = self.tokenize(summary, false)?;
        let (mut matches, mut count_for_recall) = (0, 0);
        for reference in references {
            let reference = self.tokenize(reference, true)?;
            matches += lcs(&reference, &summary);
            count_for_recall += reference.len();
        }
        Ok(self.f1(matches, count_for_recall, references.len() * summary.len()))
    }

    /// The case call's dict.
    fn figures(&self, candidate: &str, references: &[String]) -> Result<[(&'static str, Value); 3], Raised> {
        Ok([
            ("rouge_1", self.rouge_n(candidate, references, 1)?),
            ("rouge_2", self.rouge_n(candidate, references, 2)?),
            ("rouge_l", self.rouge_l(candidate, references)?),
        ])
    }
}

impl Package for RougeCalculator {
    fn name(&self) -> &'static str {
        "sumeval"
    }

    /// `{"rouge_1": rc.rouge_n(n=1), "rouge_2": rc.rouge_n(n=2),
    /// "rouge_l": rc.rouge_l()}` over the candidate and its references.
    fn call(&self, candidate: &str, references: &[String]) -> Result<Value, Raised> {
        let figures = self.figures(candidate, references)?;
        Ok(Value::Object(figures.into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Map<_, _>>()))
    }

    /// The mean over pairs of each F (`sum(fs) / len(fs)`); sumeval
    /// reports no precision or recall.
    fn corpus(&self, pairs: &[Pair<'_>]) -> Result<Figures, Raised> {
        if pairs.is_empty() {
            return Err(Raised::new("ZeroDivisionError", "division by zero"));
        }
        let mut sums = [0.0; 3];
        for pair in pairs {
            let figures = self.figures(pair.candidate, pair.references)?;
            for (sum, (_, value)) in sums.iter_mut().zip(&figures) {
                *sum += value.as_f64().unwrap_or(0.0);
            }
        }
        Ok(["rouge_1", "rouge_2", "rouge_l"]
            .into_iter()
            .zip(sums)
            .map(|(key, sum)| {
                let fmeasure = sum / pairs.len() as f64;
                (key.to_owned(), Figure { precision: None, recall: None, fmeasure })
            })
            .collect())
    }
}

/// `word_limit` / `length_limit`: `if limit > 0` then a slice bound.
fn limit(value: Option<&Value>) -> Result<Limit, Raised> {
    let Some(value) = value else {
        return Ok(Limit::Off);
    };
    if let Some(n) = as_int(value) {
        return Ok(usize::try_from(n).ok().filter(|&n| n > 0).map_or(Limit::Off, Limit::Keep));
    }
    match value.as_f64() {
        Some(x) if x > 0.0 => Err(Raised::new(
            "TypeError",
            "slice indices must be integers or None or have an __index__ method",
        )),
        Some(_) => Ok(Limit::Off),
        None => Err(Raised::new(
            "TypeError",
            format!("'>' not supported between instances of '{}' and 'int'", type_name(value)),
        )),
    }
}

/// `count_ngrams(words, n)`.
fn ngrams(words: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    if n > 0 && words.len() >= n {
        for gram in words.windows(n) {
            *counts.entry(gram).or_default() += 1;
        }
    }
    counts
}

/// Length of the longest common subsequence of `a` and `b`.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn calculator(init: Value) -> Result<RougeCalculator, Raised> {
        let options =
            PackageOptions { init: init.as_object().cloned().unwrap_or_default(), call: Map::new() };
        RougeCalculator::new(&options)
    }

    #[test]
    fn the_embedded_tables_are_the_packages() {
        // sumeval 0.2.2: 598 stop word lines (596 distinct words, by
        // Python's `len(set(lines))`), 5,939 stemming lines giving 5,930
        // entries (`len(LangEN()._stemming)`); `axes` maps to the two-word
        // stem `ax axis`, and `better` (lines 46 and 1492) to the later `well`.
        assert_eq!(STOP_WORDS.lines().count(), 598);
        assert_eq!(stop_words().len(), 596);
        assert_eq!(STEMMING.lines().count(), 5939);
        assert_eq!(stems().len(), 5930);
        assert_eq!(stems()["axes"], "ax axis");
        assert_eq!(stems()["better"], "well");
    }

    #[test]
    fn unknown_keywords_raise_as_python_does() {
        // Messages from sumeval 0.2.2 under Python 3.11.7.
        let e = calculator(json!({"foo": 1})).err().unwrap();
        assert_eq!(
            e.to_string(),
            "TypeError: RougeCalculator.__init__() got an unexpected keyword argument 'foo'"
        );
        let options =
            PackageOptions { init: Map::new(), call: json!({"foo": 1}).as_object().cloned().unwrap() };
        let e = RougeCalculator::new(&options).err().unwrap();
        assert_eq!(
            e.to_string(),
            "TypeError: RougeCalculator.rouge_n() got an unexpected keyword argument 'foo'"
        );
        assert_eq!(calculator(json!({"lang": "ja"})).err().unwrap().kind, "NotImplementedError");
    }

    #[test]
    fn corpus_is_the_mean_of_each_f() {
        let rc = calculator(json!({"stopwords": false})).unwrap();
        let refs_a = vec!["a b c".to_owned()];
        let refs_b = vec!["x y".to_owned()];
        let pairs =
            [Pair { candidate: "a b", references: &refs_a }, Pair { candidate: "z", references: &refs_b }];
        // Pair 1: R-1 P = 2/2, R = 2/3, F = PR/(P/2 + R/2) = 0.8; R-2 P = 1/1,
        // R = 1/2, F = 2/3; R-L LCS 2: as R-1. Pair 2: no match, F = 0 (int).
        let figures = rc.corpus(&pairs).unwrap();
        let f = |p: f64, r: f64| p * r / (0.5 * p + 0.5 * r);
        assert_eq!(figures["rouge_1"].fmeasure, (0.0 + f(1.0, 2.0 / 3.0) + 0.0) / 2.0);
        assert_eq!(figures["rouge_2"].fmeasure, (0.0 + f(1.0, 0.5) + 0.0) / 2.0);
        assert_eq!(figures["rouge_l"].fmeasure, (0.0 + f(1.0, 2.0 / 3.0) + 0.0) / 2.0);
        assert_eq!(figures["rouge_l"].precision, None);
    }
}
