//! `summary.md`: the summary rows as one Markdown table (also printed by `run`).
//!
//! Owns: the human-facing rounding (scores to 4 decimals, words and speed to 1).
//! Never computes statistics; the exact values live in `summary.csv`.

use std::fmt::Write as _;

use super::aggregate::AggregateRow;

/// Escapes a cell so a `|` in a name cannot break the table.
pub(crate) fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn optional(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"))
}

/// `rows` as a GitHub-flavoured Markdown table, one line per row in the given
/// order, ending with a newline. Scores are fractions in [0, 1] with 4
/// decimals; the CI column is the 95% bootstrap interval of the mean F; a
/// missing words mean or speed shows as `–`.
pub fn aggregate_markdown(rows: &[AggregateRow]) -> String {
    let mut out = String::from(
        "| corpus | summarizer | metric | docs | P | R | F | F 95% CI | words | docs/s |\n\
         |---|---|---|--:|--:|--:|--:|:-:|--:|--:|\n",
    );
    for r in rows {
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.4} | {:.4} | {:.4} | [{:.4}, {:.4}] | {} | {} |",
            cell(&r.corpus),
            cell(&r.summarizer),
            cell(&r.metric),
            r.n_docs,
            r.precision_mean,
            r.recall_mean,
            r.fmeasure_mean,
            r.fmeasure_ci_low,
            r.fmeasure_ci_high,
            optional(r.summary_words_mean),
            optional(r.docs_per_second),
        );
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
            docs_per_second: None,
        };
        assert_eq!(
            aggregate_markdown(&[row]),
            "| corpus | summarizer | metric | docs | P | R | F | F 95% CI | words | docs/s |\n\
             |---|---|---|--:|--:|--:|--:|:-:|--:|--:|\n\
             | seed | a\\|b | rouge1 | 3 | 0.5000 | 0.1235 | 0.2000 | [0.1500, 0.2500] | 61.3 | – |\n"
        );
    }
}
