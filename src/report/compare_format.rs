//! Output of `sumbench compare`: an aligned text table, Markdown or CSV, plus
//! the notes that keep nothing silent (documents and rows in one side only,
//! differing metric sets or budgets).
//!
//! Owns: the layout and rounding of comparison output. Never computes
//! statistics (see [`super::compare`]). CSV carries full-precision values
//! (Rust's `{}` for `f64`) and only the table; the notes are returned apart by
//! [`comparison_notes`] / [`within_notes`] so a caller can send them to stderr.

use std::fmt::Write as _;

use super::compare::{Comparison, PairedStats, Side, Verdict, WithinComparison, unmatched_note};
use super::markdown::cell;

/// Output format of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Column-aligned plain text with the notes below (the default).
    Text,
    /// A Markdown table with the notes as a list below.
    Markdown,
    /// CSV, table only.
    Csv,
}

const RIGHT: bool = true;
const LEFT: bool = false;

fn score(x: f64) -> String {
    if x.is_nan() { "–".into() } else { format!("{x:.4}") }
}

fn signed(x: f64) -> String {
    if x.is_nan() { "–".into() } else { format!("{x:+.4}") }
}

fn p_value(p: f64, n_shared: usize) -> String {
    if n_shared == 0 {
        "–".into()
    } else if p < 1e-4 {
        "<0.0001".into()
    } else {
        format!("{p:.4}")
    }
}

fn interval(low: f64, high: f64) -> String {
    if low.is_nan() { "–".into() } else { format!("[{}, {}]", signed(low), signed(high)) }
}

/// The rounded statistic cells shared by both tables: docs, base, new, delta,
/// CI, p, p (Holm).
fn stat_cells(s: &PairedStats) -> [String; 7] {
    [
        s.n_shared.to_string(),
        score(s.base_mean),
        score(s.new_mean),
        signed(s.delta),
        interval(s.delta_ci_low, s.delta_ci_high),
        p_value(s.p_value, s.n_shared),
        p_value(s.p_holm, s.n_shared),
    ]
}

/// Full-precision statistic cells for CSV, in [`stat_cells`] order with the CI split.
fn stat_csv(s: &PairedStats) -> [String; 8] {
    [
        s.n_shared.to_string(),
        s.base_mean.to_string(),
        s.new_mean.to_string(),
        s.delta.to_string(),
        s.delta_ci_low.to_string(),
        s.delta_ci_high.to_string(),
        s.p_value.to_string(),
        s.p_holm.to_string(),
    ]
}

fn text_table(header: &[&str], align: &[bool], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .zip(align)
            .map(|((c, &w), &right)| if right { format!("{c:>w$}") } else { format!("{c:<w$}") })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn md_table(header: &[&str], align: &[bool], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n|", header.join(" | "));
    for &right in align {
        out.push_str(if right { "--:|" } else { "---|" });
    }
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

fn csv_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    // Writing to a Vec cannot fail: the only errors csv reports are I/O errors.
    w.write_record(header).expect("writing CSV to memory cannot fail");
    for row in rows {
        w.write_record(row).expect("writing CSV to memory cannot fail");
    }
    let bytes = w.into_inner().expect("writing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

fn render(header: &[&str], align: &[bool], rows: &[Vec<String>], notes: &[String], format: Format) -> String {
    match format {
        Format::Csv => csv_table(header, rows),
        Format::Text => {
            let mut out = text_table(header, align, rows);
            for note in notes {
                let _ = write!(out, "\n{note}\n");
            }
            out
        }
        Format::Markdown => {
            let mut out = md_table(header, align, rows);
            for note in notes {
                let _ = write!(out, "\n{}\n", note.replace("\n  ", "\n- "));
            }
            out
        }
    }
}

/// The one-line count of verdicts and the method, e.g. "1 improved, 0 regressed,
/// 5 no significant change (…)"; `labels` name improved, regressed and
/// no-change verdicts.
fn tally(stats: &[&PairedStats], alpha: f64, what: &str, labels: [&str; 3]) -> String {
    let count = |v: Verdict| stats.iter().filter(|s| s.verdict == v).count();
    let tested = stats.iter().filter(|s| s.n_shared > 0).count();
    let untested = count(Verdict::NoSharedDocuments);
    let mut line = format!(
        "{} {}, {} {}, {} {}",
        count(Verdict::Improved),
        labels[0],
        count(Verdict::Regressed),
        labels[1],
        count(Verdict::NoSignificantChange),
        labels[2],
    );
    let (higher, lower) = (count(Verdict::Higher), count(Verdict::Lower));
    if higher + lower > 0 {
        let _ = write!(line, ", {higher} higher and {lower} lower on a descriptive metric");
    }
    if untested > 0 {
        let _ = write!(line, ", {untested} without shared documents");
    }
    let _ = write!(
        line,
        " (α = {alpha} after Holm correction over {tested} {what}; paired sign-flip permutation test, \
         95% paired bootstrap CI of the mean F difference)"
    );
    line
}

/// One run's (or summarizer's) documents missing from the other side of a row.
struct Gap<'a> {
    corpus: &'a str,
    /// Who has the documents: `BASE`/`NEW`, or a summarizer name.
    who: String,
    doc_ids: &'a [String],
    /// The affected row, e.g. `lead/rouge1`.
    row: String,
}

/// Lists document gaps, printing identical id lists of one corpus and owner
/// once with the rows they affect (or "every row" when they affect all of the
/// corpus's `rows_in_corpus` rows).
fn gap_note(title: &str, gaps: Vec<Gap>, rows_in_corpus: &dyn Fn(&str) -> usize) -> Option<String> {
    let mut groups: Vec<(Gap, Vec<String>)> = Vec::new();
    for gap in gaps {
        match groups
            .iter_mut()
            .find(|(g, _)| g.corpus == gap.corpus && g.who == gap.who && g.doc_ids == gap.doc_ids)
        {
            Some((_, rows)) => rows.push(gap.row),
            None => {
                let row = gap.row.clone();
                groups.push((gap, vec![row]));
            }
        }
    }
    if groups.is_empty() {
        return None;
    }
    let mut out = title.to_string();
    for (g, rows) in groups {
        let scope =
            if rows.len() == rows_in_corpus(g.corpus) { "every row".to_string() } else { rows.join(", ") };
        let _ = write!(
            out,
            "\n  corpus {}: {} document(s) only in {}: {} (rows: {scope})",
            g.corpus,
            g.doc_ids.len(),
            g.who,
            g.doc_ids.join(", "),
        );
    }
    Some(out)
}

/// The notes below a `compare BASE NEW` table: the verdict tally, documents
/// and rows in only one run, differing metric sets and budgets. One string per
/// note; continuation lines start with two spaces.
pub fn comparison_notes(c: &Comparison) -> Vec<String> {
    let stats: Vec<&PairedStats> = c.rows.iter().map(|r| &r.stats).collect();
    let labels = ["improved", "regressed", "no significant change"];
    let mut notes = vec![tally(&stats, c.options.alpha, "rows", labels)];
    let rows_in_corpus = |corpus: &str| c.rows.iter().filter(|r| r.corpus == corpus).count();
    let gaps = c
        .rows
        .iter()
        .flat_map(|r| {
            r.gaps.iter().map(|g| Gap {
                corpus: &r.corpus,
                who: g.side.to_string(),
                doc_ids: &g.doc_ids,
                row: format!("{}/{}", r.summarizer, r.metric),
            })
        })
        .collect();
    notes.extend(gap_note(
        "Documents scored in only one run (left out of the paired statistics):",
        gaps,
        &rows_in_corpus,
    ));
    if !c.unmatched.is_empty() {
        notes.push(unmatched_note(&c.unmatched));
    }
    if !c.metrics_only_in.is_empty() {
        let list = |side| {
            let m: Vec<&str> =
                c.metrics_only_in.iter().filter(|(s, _)| *s == side).map(|(_, m)| m.as_str()).collect();
            if m.is_empty() { "none".to_string() } else { m.join(", ") }
        };
        notes.push(format!(
            "The metric sets differ: only in BASE: {}; only in NEW: {}.",
            list(Side::Base),
            list(Side::New)
        ));
    }
    if let Some((base, new)) = &c.budgets_differ {
        notes.push(format!(
            "The budgets differ: BASE used {}; NEW used {}.",
            base.join(", "),
            new.join(", ")
        ));
    }
    notes
}

/// `compare BASE NEW` output in `format`: one row per compared corpus ×
/// summarizer × metric, then (text and Markdown) the [`comparison_notes`].
pub fn render_comparison(c: &Comparison, format: Format) -> String {
    let header = [
        "corpus",
        "summarizer",
        "metric",
        "docs",
        "base F",
        "new F",
        "delta",
        "delta 95% CI",
        "p",
        "p (Holm)",
        "verdict",
    ];
    let csv_header = [
        "corpus",
        "summarizer",
        "metric",
        "n_shared",
        "base_fmeasure_mean",
        "new_fmeasure_mean",
        "delta",
        "delta_ci_low",
        "delta_ci_high",
        "p_value",
        "p_holm",
        "verdict",
    ];
    let align = [LEFT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, LEFT];
    let rows: Vec<Vec<String>> = c
        .rows
        .iter()
        .map(|r| {
            let head = [r.corpus.clone(), r.summarizer.clone(), r.metric.clone()];
            let stats: Vec<String> =
                if format == Format::Csv { stat_csv(&r.stats).into() } else { stat_cells(&r.stats).into() };
            head.into_iter().chain(stats).chain([r.stats.verdict.to_string()]).collect()
        })
        .collect();
    let header: &[&str] = if format == Format::Csv { &csv_header } else { &header };
    render(header, &align, &rows, &comparison_notes(c), format)
}

/// `>` reads "better than": for a metric where lower is better (JS
/// divergence) `b > a` means b's values are lower.
fn within_verdict(a: &str, b: &str, verdict: Verdict) -> String {
    match verdict {
        Verdict::Improved => format!("{b} > {a}"),
        Verdict::Regressed => format!("{b} < {a}"),
        Verdict::Higher => format!("{b} higher than {a}"),
        Verdict::Lower => format!("{b} lower than {a}"),
        Verdict::NoSignificantChange => "no significant difference".into(),
        Verdict::NoSharedDocuments => verdict.to_string(),
    }
}

/// The notes below a `compare --within` table: the tally and documents scored
/// for only one summarizer of a pair.
pub fn within_notes(w: &WithinComparison) -> Vec<String> {
    let stats: Vec<&PairedStats> = w.rows.iter().map(|r| &r.stats).collect();
    let labels = ["B > A", "B < A", "no significant difference"];
    let mut notes = vec![tally(&stats, w.options.alpha, "pairs", labels)];
    let rows_in_corpus = |corpus: &str| w.rows.iter().filter(|r| r.corpus == corpus).count();
    let gaps = w
        .rows
        .iter()
        .flat_map(|r| {
            r.gaps.iter().map(|g| Gap {
                corpus: &r.corpus,
                who: match g.side {
                    Side::Base => r.summarizer_a.clone(),
                    Side::New => r.summarizer_b.clone(),
                },
                doc_ids: &g.doc_ids,
                row: format!("{} vs {}/{}", r.summarizer_a, r.summarizer_b, r.metric),
            })
        })
        .collect();
    notes.extend(gap_note(
        "Documents scored for only one summarizer of a pair (left out of that pair's statistics):",
        gaps,
        &rows_in_corpus,
    ));
    notes
}

/// `compare --within` output in `format`: one row per corpus × metric × pair
/// (delta = B − A), then (text and Markdown) the [`within_notes`].
pub fn render_within(w: &WithinComparison, format: Format) -> String {
    let header =
        ["corpus", "metric", "A", "B", "docs", "A F", "B F", "B − A", "95% CI", "p", "p (Holm)", "verdict"];
    let csv_header = [
        "corpus",
        "metric",
        "summarizer_a",
        "summarizer_b",
        "n_shared",
        "a_fmeasure_mean",
        "b_fmeasure_mean",
        "delta",
        "delta_ci_low",
        "delta_ci_high",
        "p_value",
        "p_holm",
        "verdict",
    ];
    let align = [LEFT, LEFT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, LEFT];
    let rows: Vec<Vec<String>> = w
        .rows
        .iter()
        .map(|r| {
            let head = [r.corpus.clone(), r.metric.clone(), r.summarizer_a.clone(), r.summarizer_b.clone()];
            let stats: Vec<String> =
                if format == Format::Csv { stat_csv(&r.stats).into() } else { stat_cells(&r.stats).into() };
            let verdict = within_verdict(&r.summarizer_a, &r.summarizer_b, r.stats.verdict);
            head.into_iter().chain(stats).chain([verdict]).collect()
        })
        .collect();
    let header: &[&str] = if format == Format::Csv { &csv_header } else { &header };
    render(header, &align, &rows, &within_notes(w), format)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::compare::{CompareOptions, CompareRow, DocumentGap, UnmatchedRow};

    fn stats(delta: f64, p: f64, verdict: Verdict) -> PairedStats {
        PairedStats {
            n_shared: 30,
            base_mean: 0.3,
            new_mean: 0.3 + delta,
            delta,
            delta_ci_low: delta - 0.01,
            delta_ci_high: delta + 0.01,
            p_value: p,
            p_holm: (2.0 * p).min(1.0),
            verdict,
        }
    }

    fn comparison() -> Comparison {
        let row = |summarizer: &str, stats, gaps| CompareRow {
            corpus: "seed".into(),
            summarizer: summarizer.into(),
            metric: "rouge1".into(),
            stats,
            gaps,
        };
        let gap = vec![DocumentGap { side: Side::Base, doc_ids: vec!["d7".into(), "d9".into()] }];
        Comparison {
            options: CompareOptions::default(),
            rows: vec![
                row("lead", stats(0.05, 0.00001, Verdict::Improved), gap.clone()),
                row("textrank", stats(-0.002, 0.4, Verdict::NoSignificantChange), gap),
            ],
            unmatched: vec![UnmatchedRow {
                side: Side::New,
                corpus: "seed".into(),
                summarizer: "lead".into(),
                metric: "rouge2".into(),
                n_docs: 30,
            }],
            metrics_only_in: vec![(Side::New, "rouge2".into())],
            budgets_differ: Some((vec!["3s".into()], vec!["100w".into()])),
        }
    }

    #[test]
    fn text_table_and_notes_are_exact() {
        let expected = "\
corpus  summarizer  metric  docs  base F   new F    delta        delta 95% CI        p  p (Holm)  verdict
seed    lead        rouge1    30  0.3000  0.3500  +0.0500  [+0.0400, +0.0600]  <0.0001   <0.0001  improved
seed    textrank    rouge1    30  0.3000  0.2980  -0.0020  [-0.0120, +0.0080]   0.4000    0.8000  no significant change

1 improved, 0 regressed, 1 no significant change (α = 0.05 after Holm correction over 2 rows; \
paired sign-flip permutation test, 95% paired bootstrap CI of the mean F difference)

Documents scored in only one run (left out of the paired statistics):
  corpus seed: 2 document(s) only in BASE: d7, d9 (rows: every row)

Rows in only one run (not compared):
  only in NEW: seed / lead / rouge2 (30 documents)

The metric sets differ: only in BASE: none; only in NEW: rouge2.

The budgets differ: BASE used 3s; NEW used 100w.
";
        assert_eq!(render_comparison(&comparison(), Format::Text), expected);
    }

    #[test]
    fn csv_is_full_precision_table_only() {
        let csv = render_comparison(&comparison(), Format::Csv);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[1],
            "seed,lead,rouge1,30,0.3,0.35,0.05,0.04,0.060000000000000005,0.00001,0.00002,improved"
        );
    }

    #[test]
    fn markdown_lists_notes() {
        let md = render_comparison(&comparison(), Format::Markdown);
        assert!(md.starts_with("| corpus | summarizer | metric | docs |"));
        assert!(md.contains("\n- only in NEW: seed / lead / rouge2 (30 documents)\n"));
    }
}
