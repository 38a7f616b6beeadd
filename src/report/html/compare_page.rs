//! `compare.html`: the compared rows (improved and regressed first in colour,
//! sortable), per-document differences as strip plots, and the documents
//! that regressed most with both summaries and the references.

use std::collections::{BTreeMap, HashMap};

use maud::{DOCTYPE, html};

use super::chart::{Series, domain, strip_plot};
use super::highlight::ReferenceGrams;
use super::run_page::{head, marked, plain, script};
use crate::report::ScoreRecord;
use crate::report::compare::{Comparison, Verdict};

/// At most this many regressed documents are shown with their texts.
pub const MAX_REGRESSED: usize = 30;

/// One document whose score dropped, with what the page shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct RegressedDocument {
    /// Corpus name.
    pub corpus: String,
    /// Document id.
    pub doc_id: String,
    /// Summarizer name.
    pub summarizer: String,
    /// The metric whose F dropped (the comparison's first metric).
    pub metric: String,
    /// F in BASE.
    pub base_f: f64,
    /// F in NEW.
    pub new_f: f64,
    /// BASE's summary, when its summaries.jsonl has it.
    pub base_summary: Option<String>,
    /// NEW's summary, when its summaries.jsonl has it.
    pub new_summary: Option<String>,
    /// The references, when a corpus could be re-read.
    pub references: Option<Vec<String>>,
}

/// The per-document differences of every compared row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowDeltas {
    /// `deltas[row]`: F NEW − F BASE per shared document, in document id order.
    pub deltas: Vec<Vec<f64>>,
}

type Key<'a> = (&'a str, &'a str, &'a str);

fn by_row(records: &[ScoreRecord]) -> HashMap<Key<'_>, BTreeMap<&str, f64>> {
    let mut out: HashMap<Key, BTreeMap<&str, f64>> = HashMap::new();
    for r in records {
        out.entry((&r.corpus, &r.summarizer, &r.metric)).or_default().insert(&r.doc_id, r.fmeasure);
    }
    out
}

impl RowDeltas {
    /// The differences of `comparison`'s rows, from the records it compared.
    pub fn new(base: &[ScoreRecord], new: &[ScoreRecord], comparison: &Comparison) -> Self {
        let (b, n) = (by_row(base), by_row(new));
        let deltas = comparison
            .rows
            .iter()
            .map(|row| {
                let key = (row.corpus.as_str(), row.summarizer.as_str(), row.metric.as_str());
                match (b.get(&key), n.get(&key)) {
                    (Some(b), Some(n)) => {
                        b.iter().filter_map(|(doc, fb)| n.get(doc).map(|fnew| fnew - fb)).collect()
                    }
                    _ => Vec::new(),
                }
            })
            .collect();
        RowDeltas { deltas }
    }
}

/// The [`MAX_REGRESSED`] largest drops of the comparison's first metric over
/// every corpus × summarizer × document, largest first, without texts.
pub fn most_regressed(
    base: &[ScoreRecord],
    new: &[ScoreRecord],
    comparison: &Comparison,
) -> Vec<RegressedDocument> {
    let Some(metric) = comparison.rows.first().map(|r| r.metric.as_str()) else { return Vec::new() };
    let (b, n) = (by_row(base), by_row(new));
    let mut out: Vec<RegressedDocument> = Vec::new();
    for row in comparison.rows.iter().filter(|r| r.metric == metric) {
        let key = (row.corpus.as_str(), row.summarizer.as_str(), metric);
        let (Some(b), Some(n)) = (b.get(&key), n.get(&key)) else { continue };
        for (doc, &base_f) in b {
            if let Some(&new_f) = n.get(doc).filter(|&&f| f < base_f) {
                out.push(RegressedDocument {
                    corpus: row.corpus.clone(),
                    doc_id: doc.to_string(),
                    summarizer: row.summarizer.clone(),
                    metric: metric.to_string(),
                    base_f,
                    new_f,
                    base_summary: None,
                    new_summary: None,
                    references: None,
                });
            }
        }
    }
    out.sort_by(|x, y| {
        (x.new_f - x.base_f)
            .total_cmp(&(y.new_f - y.base_f))
            .then_with(|| (&x.corpus, &x.summarizer, &x.doc_id).cmp(&(&y.corpus, &y.summarizer, &y.doc_id)))
    });
    out.truncate(MAX_REGRESSED);
    out
}

/// Everything `compare.html` shows.
#[derive(Debug, Clone)]
pub struct ComparePage {
    /// BASE as given.
    pub base: String,
    /// NEW as given.
    pub new: String,
    /// The comparison.
    pub comparison: Comparison,
    /// Per-document differences of its rows.
    pub deltas: RowDeltas,
    /// The documents that regressed most.
    pub regressed: Vec<RegressedDocument>,
    /// What the page could not show and why.
    pub notes: Vec<String>,
    /// The metrics whose F is a fraction, shown × 100 on a 0–1 axis (see
    /// [`super::RunPage::fractions`]).
    pub fractions: Vec<String>,
}

impl ComparePage {
    /// `value` of `metric` as the page prints it: × 100 for a fraction.
    fn shown(&self, metric: &str, value: f64) -> f64 {
        if self.fractions.iter().any(|m| m == metric) { 100.0 * value } else { value }
    }

    /// Decimals of `metric`'s numbers: 2, or 4 for a metric on a unit scale
    /// not shown × 100 (every mean of both runs in [−1, 1]: BERTScore,
    /// dangling), as on the run page.
    fn decimals(&self, metric: &str) -> usize {
        let unit = !self.fractions.iter().any(|m| m == metric)
            && self
                .comparison
                .rows
                .iter()
                .filter(|r| r.metric == metric)
                .all(|r| r.stats.base_mean.abs() <= 1.0 && r.stats.new_mean.abs() <= 1.0);
        if unit { 4 } else { 2 }
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Improved => "improved",
        Verdict::Regressed => "regressed",
        _ => "",
    }
}

/// The whole `compare.html`.
pub fn render_compare(page: &ComparePage) -> String {
    let c = &page.comparison;
    let count = |v: Verdict| c.rows.iter().filter(|r| r.stats.verdict == v).count();
    let mut metrics: Vec<&str> = Vec::new();
    for r in &c.rows {
        if !metrics.contains(&r.metric.as_str()) {
            metrics.push(&r.metric);
        }
    }
    // Regressed rows first, then improved ones, then the rest, each in run order.
    let rank = |v: Verdict| match v {
        Verdict::Regressed => 0,
        Verdict::Improved => 1,
        _ => 2,
    };
    let mut shown: Vec<_> = c.rows.iter().collect();
    shown.sort_by_key(|r| rank(r.stats.verdict));
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head { (head("sumbench compare")) }
            body {
                header {
                    h1 { "sumbench compare" }
                    p { "BASE " code { (page.base) } " → NEW " code { (page.new) } }
                    nav { a href="#rows" { "Rows" } a href="#deltas" { "Per-document differences" } a href="#regressed" { "Regressed documents" } }
                }
                main {
                    @for note in &page.notes { p.warn { (note) } }
                    @if let Some((b, n)) = &c.budgets_differ {
                        p.warn { "The budgets differ: BASE " (b.join(", ")) ", NEW " (n.join(", ")) "." }
                    }
                    @for (side, metric) in &c.metrics_only_in {
                        p.warn { "Metric " (metric) " is only in " (format!("{side:?}").to_uppercase()) "." }
                    }
                    section #rows {
                        h2 { "Rows" }
                        p { (count(Verdict::Improved)) " improved, " (count(Verdict::Regressed)) " regressed, "
                            (count(Verdict::NoSignificantChange)) " without significant change (α = " (c.options.alpha)
                            " after Holm; paired sign-flip test, 95% paired bootstrap interval of the mean difference). "
                            "Regressed rows come first (red), then improved ones (green); click a header to sort." }
                        table.sortable {
                            thead { tr { th { "corpus" } th { "summarizer" } th { "metric" } th { "docs" } th { "BASE F" } th { "NEW F" }
                                th { "Δ F" } th { "95% CI" } th { "p (Holm)" } th { "verdict" } } }
                            tbody {
                                @for r in shown {
                                    @let s = &r.stats;
                                    tr class=(verdict_class(s.verdict)) {
                                        td { bdi { (r.corpus) } } td { bdi { (r.summarizer) } } td { (r.metric) }
                                        td.num data-v=(s.n_shared) { (s.n_shared) }
                                        @let x = |v: f64| page.shown(&r.metric, v);
                                        @let d = page.decimals(&r.metric);
                                        td.num data-v=(s.base_mean) { (format!("{:.*}", d, x(s.base_mean))) }
                                        td.num data-v=(s.new_mean) { (format!("{:.*}", d, x(s.new_mean))) }
                                        td.num data-v=(s.delta) { (format!("{:+.*}", d, x(s.delta))) }
                                        td.num.ci { (format!("[{:+.*}, {:+.*}]", d, x(s.delta_ci_low), d, x(s.delta_ci_high))) }
                                        td.num data-v=(s.p_holm) { (format!("{:.4}", s.p_holm)) }
                                        td { (s.verdict.to_string()) }
                                    }
                                }
                            }
                        }
                        @if !c.unmatched.is_empty() {
                            h3 { "Rows in one run only" }
                            ul { @for u in &c.unmatched {
                                li { (format!("{:?}", u.side).to_uppercase()) ": " (u.corpus) " / " (u.summarizer) " / " (u.metric) " (" (u.n_docs) " documents)" }
                            } }
                        }
                    }
                    section #deltas {
                        h2 { "Per-document differences" }
                        p.note { "F NEW − F BASE per shared document (dots up to 300 per row, the quartiles and range as a box), the mean difference and its 95% interval in red." }
                        @for metric in &metrics {
                            @let series: Vec<Series> = c.rows.iter().zip(&page.deltas.deltas)
                                .filter(|(r, _)| r.metric == *metric)
                                .map(|(r, d)| Series {
                                    label: format!("{} / {}", r.corpus, r.summarizer),
                                    values: d.clone(),
                                    mean: r.stats.delta,
                                    ci: (r.stats.delta_ci_low, r.stats.delta_ci_high),
                                }).collect();
                            h3 { (metric) }
                            (strip_plot(&format!("{metric} differences"), &series, domain(&series, true, page.fractions.iter().any(|m| m == metric))))
                        }
                    }
                    section #regressed {
                        h2 { "Documents that regressed most" }
                        p.note { "The " (page.regressed.len()) " largest drops in F (at most " (MAX_REGRESSED) ") of the first metric over every corpus, summarizer and document. "
                            "Summary words found in a reference are marked (" b { "bigram" } ", " i { "word" } "; lowercase alphanumeric tokens)." }
                        @for (i, d) in page.regressed.iter().enumerate() {
                            @let grams = ReferenceGrams::new(d.references.as_deref().unwrap_or_default());
                            article.regressed-doc id=(format!("r{i}")) {
                                h3 { (d.corpus) " / " bdi { (d.doc_id) } " — " bdi { (d.summarizer) } ": " (d.metric) " "
                                    @let x = |v: f64| page.shown(&d.metric, v);
                                    @let n = page.decimals(&d.metric);
                                    (format!("{:.*} → {:.*} ({:+.*})", n, x(d.base_f), n, x(d.new_f), n, x(d.new_f - d.base_f))) }
                                div.summary { h4 { "BASE summary" }
                                    @match &d.base_summary { Some(t) => { div.text { (marked(t, &grams)) } } None => { p.note { "Not in BASE's summaries.jsonl." } } } }
                                div.summary { h4 { "NEW summary" }
                                    @match &d.new_summary { Some(t) => { div.text { (marked(t, &grams)) } } None => { p.note { "Not in NEW's summaries.jsonl." } } } }
                                h4 { "References" }
                                @match &d.references {
                                    Some(refs) => { ol { @for r in refs { li.text { (plain(r)) } } } }
                                    None => { p.note { "Not available (the corpus could not be re-read)." } }
                                }
                            }
                        }
                    }
                }
                (script())
            }
        }
    };
    markup.into_string()
}
