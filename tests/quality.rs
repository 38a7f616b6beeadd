//! Quality bars against sumy 0.13 on the embedded corpora: mean ROUGE-1 F
//! (stemmed, multi-reference), word budget = round(mean reference words) per
//! document, corpus IDF. Each summarizer is no more than 0.5 points below
//! sumy's same algorithm. sumy's figures were measured with
//! `shared/tools/sumy_baseline.py CORPUS OUT.csv --length ref-words` on
//! 2026-12-02 (sumy 0.13.0, rouge-score 0.1.2); sumy's `kl` did not finish on
//! PLOS (quadratic in Python on 900-sentence papers), so PLOS has no `kl` bar.

use rayon::prelude::*;

use crate::util::{embedded_corpus, mean_rouge1, prepare};

/// sumy 0.13's ROUGE-1 F × 100 on `corpus/billsum`.
const SUMY_BILLSUM: &[(&str, f64)] = &[
    ("lead", 45.38),
    ("luhn", 45.84),
    ("edmundson", 45.91),
    ("lsa", 43.74),
    ("lexrank", 46.89),
    ("textrank", 44.16),
    ("sumbasic", 45.46),
    ("kl", 42.87),
    ("reduction", 44.72),
];

/// sumy 0.13's ROUGE-1 F × 100 on `corpus/plos`.
const SUMY_PLOS: &[(&str, f64)] = &[
    ("lead", 40.29),
    ("luhn", 38.45),
    ("edmundson", 41.89),
    ("lsa", 40.83),
    ("lexrank", 44.34),
    ("textrank", 41.14),
    ("sumbasic", 39.91),
    ("reduction", 40.67),
];

/// The summarizers more than 0.5 points below sumy on the corpus `name`.
fn below_sumy(name: &str, sumy: &[(&str, f64)]) -> Vec<String> {
    let docs = prepare(&embedded_corpus(name), usize::MAX);
    sumy.par_iter()
        .filter_map(|&(summarizer, theirs)| {
            let ours = mean_rouge1(&docs, summarizer);
            (ours < theirs - 0.5).then(|| format!("{name} {summarizer}: {ours:.2} < sumy {theirs:.2} − 0.5"))
        })
        .collect()
}

#[test]
fn classic_summarizers_are_within_half_a_point_of_sumy_on_billsum() {
    let failures = below_sumy("billsum", SUMY_BILLSUM);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn classic_summarizers_are_within_half_a_point_of_sumy_on_plos() {
    let failures = below_sumy("plos", SUMY_PLOS);
    assert!(failures.is_empty(), "{failures:#?}");
}
