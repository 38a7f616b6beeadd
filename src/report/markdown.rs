//! `summary.md`: the aggregate rows as one Markdown table, one line per
//! summarizer and a column per metric (also printed by `run`).
//!
//! Owns: the human-facing rounding (scores to 4 decimals, words to 1).
//! Never computes statistics; the exact values live in `summary.csv`.
//! Holds only numbers that repeat: the same inputs and seed give the same
//! table, so timings stay out of it (they are in `run.json` and `summary.csv`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::aggregate::AggregateRow;

/// Escapes a cell so a `|` in a name cannot break the table.
pub(crate) fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn optional(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"))
}

/// A score with 4 decimals, `–` when undefined.
fn score(value: f64) -> String {
    if value.is_nan() { "–".to_string() } else { format!("{value:.4}") }
}

/// `rows` as the table people paste into papers: one line per corpus ×
/// summarizer (in the order the rows come, which is the order the
/// summarizers were listed), a column per metric holding the mean F with its
/// 95% bootstrap interval, then the documents and the mean summary words.
/// Precision, recall and the speed stay in `summary.csv`. Ends with a newline.
///
/// A footer lists each metric's signature from `signatures`, when it has one.
pub fn aggregate_markdown(rows: &[AggregateRow], signatures: &BTreeMap<String, String>) -> String {
    let mut metrics: Vec<&str> = Vec::new();
    let mut lines: Vec<(&str, &str)> = Vec::new();
    for r in rows {
        if !metrics.contains(&r.metric.as_str()) {
            metrics.push(&r.metric);
        }
        if !lines.contains(&(r.corpus.as_str(), r.summarizer.as_str())) {
            lines.push((&r.corpus, &r.summarizer));
        }
    }
    let mut out = String::from("| corpus | summarizer |");
    for metric in &metrics {
        let _ = write!(out, " {} F (95% CI) |", cell(metric));
    }
    out.push_str(" docs | words |\n|---|---|");
    out.push_str(&":-:|".repeat(metrics.len()));
    out.push_str("--:|--:|\n");
    for (corpus, summarizer) in lines {
        let here: Vec<&AggregateRow> =
            rows.iter().filter(|r| r.corpus == corpus && r.summarizer == summarizer).collect();
        let _ = write!(out, "| {} | {} |", cell(corpus), cell(summarizer));
        for metric in &metrics {
            match here.iter().find(|r| r.metric == *metric) {
                Some(r) => {
                    let _ = write!(
                        out,
                        " {} [{}, {}] |",
                        score(r.fmeasure_mean),
                        score(r.fmeasure_ci_low),
                        score(r.fmeasure_ci_high)
                    );
                }
                None => out.push_str(" – |"),
            }
        }
        let first = here[0];
        let docs = here.iter().map(|r| r.n_docs).max().unwrap_or(0);
        let _ = writeln!(out, " {docs} | {} |", optional(first.summary_words_mean));
    }
    let signed: Vec<(&str, &String)> =
        metrics.iter().filter_map(|m| signatures.get(*m).map(|s| (*m, s))).collect();
    if !signed.is_empty() {
        out.push_str("\nSignatures:\n\n");
        for (metric, signature) in signed {
            let _ = writeln!(out, "- `{metric}`: `{signature}`");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_exact() {
        let row = AggregateRow {
            corpus: "seed".into(),
            summarizer: "a|b".into(),
            metric: "rouge1".into(),
            n_docs: 3,
            precision_mean: 0.5,
            recall_mean: 0.123456,
            fmeasure_mean: 0.2,
            fmeasure_ci_low: 0.15,
            fmeasure_ci_high: 0.25,
            summary_words_mean: Some(61.26),
            docs_per_second: Some(1234.5),
        };
        let bleu = AggregateRow {
            metric: "bleu".into(),
            fmeasure_mean: 12.345678,
            fmeasure_ci_low: f64::NAN,
            fmeasure_ci_high: 20.0,
            ..row.clone()
        };
        assert_eq!(
            aggregate_markdown(
                &[row, bleu],
                &BTreeMap::from([("bleu".to_string(), "nrefs:1|tok:13a".to_string())])
            ),
            "| corpus | summarizer | rouge1 F (95% CI) | bleu F (95% CI) | docs | words |\n\
             |---|---|:-:|:-:|--:|--:|\n\
             | seed | a\\|b | 0.2000 [0.1500, 0.2500] | 12.3457 [–, 20.0000] | 3 | 61.3 |\n\
             \nSignatures:\n\n- `bleu`: `nrefs:1|tok:13a`\n"
        );
    }
}
