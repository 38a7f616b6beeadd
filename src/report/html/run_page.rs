//! `report.html`: the summary table (sortable, with significance groups), a
//! strip plot per corpus × metric, the document browser and the provenance.

use std::collections::BTreeMap;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::assets::{CSS, JS};
use super::chart::{Series, domain, strip_plot};
use super::groups::Groups;
use super::highlight::{DocumentText, Mark, ReferenceGrams, ngram_marks, summary_extents, truncate};
use super::select::extremes;
use super::{MAX_DOCUMENTS, MAX_EMBEDDED_BYTES, MAX_SUMMARY_BYTES};
use crate::report::grid::ScoreGrid;
use crate::report::{AggregateRow, CorpusLevelRow, SummaryRecord};

/// One embedded document with what the page shows of it.
#[derive(Debug, Clone)]
pub struct DocumentDetail {
    /// Index of its corpus's grid.
    pub corpus: usize,
    /// Index of the document in that grid.
    pub doc: usize,
    /// Why it is embedded.
    pub reasons: Vec<String>,
    /// Its text, or `None` when it could not be had (see the page's notes).
    pub text: Option<DocumentText>,
    /// Its references (empty when they could not be had).
    pub references: Vec<String>,
    /// Its summaries, in summaries.jsonl order.
    pub summaries: Vec<SummaryRecord>,
}

/// Everything `report.html` shows.
#[derive(Debug, Clone, Default)]
pub struct RunPage {
    /// The page title (the run directory's name).
    pub title: String,
    /// `run.json` as written before the page (its `files` lack `report.html`
    /// and `run.json` itself).
    pub run_json: String,
    /// The run's warnings.
    pub warnings: Vec<String>,
    /// The aggregate rows (`summary.csv`).
    pub rows: Vec<AggregateRow>,
    /// The corpus-level rows (`corpus_level.csv`; empty without BLEU or chrF).
    pub corpus_level: Vec<CorpusLevelRow>,
    /// Each corpus-level metric's signature, by metric name.
    pub corpus_level_signatures: BTreeMap<String, String>,
    /// Every document's scores, per corpus.
    pub grids: Vec<ScoreGrid>,
    /// The significance groups of the table.
    pub groups: Groups,
    /// The embedded documents, sorted by corpus and document.
    pub documents: Vec<DocumentDetail>,
    /// What the page could not show and why (a corpus not re-read, …).
    pub notes: Vec<String>,
    /// The metrics whose F is a fraction (rouge-score's and ROUGE-1.5.5's),
    /// shown × 100 on a 0–1 axis; the others (BLEU, a ROUGE profile's own
    /// scale, …) are shown as they are.
    pub fractions: Vec<String>,
}

impl RunPage {
    /// `value` of `metric` as the page prints it: × 100 for a fraction.
    fn shown(&self, metric: &str, value: f64) -> f64 {
        if self.is_fraction(metric) { 100.0 * value } else { value }
    }

    /// Whether `metric`'s F is a fraction.
    fn is_fraction(&self, metric: &str) -> bool {
        self.fractions.iter().any(|m| m == metric)
    }

    /// `value` of `metric` as the page prints it: [`RunPage::shown`], with 2
    /// decimals, or 4 for a metric on a unit scale that is not shown × 100
    /// (every mean in [−1, 1]: BERTScore, dangling), whose systems differ in
    /// the third decimal.
    fn text(&self, metric: &str, value: f64) -> String {
        let unit = !self.is_fraction(metric)
            && self.rows.iter().filter(|r| r.metric == metric).all(|r| r.fmeasure_mean.abs() <= 1.0);
        format!("{:.*}", if unit { 4 } else { 2 }, self.shown(metric, value))
    }
}

/// The anchor of document `doc` of grid `corpus`: numbers only, whatever the id.
pub(super) fn anchor(corpus: usize, doc: usize) -> String {
    format!("d{corpus}-{doc}")
}

pub(super) fn marked(text: &str, references: &ReferenceGrams) -> Markup {
    let cut = truncate(text, MAX_SUMMARY_BYTES);
    html! {
        @for (span, mark) in ngram_marks(cut, references) {
            @match mark {
                Mark::None => { (&cut[span]) }
                Mark::Unigram => { i { (&cut[span]) } }
                Mark::Bigram => { b { (&cut[span]) } }
            }
        }
        @if cut.len() < text.len() {
            span.note { " … [cut: " (text.len()) " bytes, the page shows the first " (cut.len()) "]" }
        }
    }
}

pub(super) fn plain(text: &str) -> Markup {
    let cut = truncate(text, MAX_SUMMARY_BYTES);
    html! {
        (cut)
        @if cut.len() < text.len() {
            span.note { " … [cut: " (text.len()) " bytes, the page shows the first " (cut.len()) "]" }
        }
    }
}

pub(super) fn head(title: &str) -> Markup {
    html! {
        meta charset="utf-8";
        meta name="viewport" content="width=device-width, initial-scale=1";
        title { (title) }
        style { (PreEscaped(CSS)) }
    }
}

pub(super) fn script() -> Markup {
    html! { script { (PreEscaped(JS)) } }
}

fn summary_table(page: &RunPage, g: usize, grid: &ScoreGrid) -> Markup {
    let rows: Vec<&AggregateRow> = page.rows.iter().filter(|r| r.corpus == grid.corpus).collect();
    let mut summarizers: Vec<&str> = Vec::new();
    for r in &rows {
        if !summarizers.contains(&r.summarizer.as_str()) {
            summarizers.push(&r.summarizer);
        }
    }
    let metrics: Vec<&str> = grid.metrics.iter().map(String::as_str).collect();
    let first = metrics.first().copied().unwrap_or("");
    html! {
        table.sortable.summary-table data-corpus=(grid.corpus) {
            thead { tr {
                th { "summarizer" }
                th { "docs" }
                th { "words" }
                @for m in &metrics { th { (m) " F" } }
                th { "best / worst (" (first) ")" }
            } }
            tbody {
                @for name in &summarizers {
                    @let s = grid.summarizers.iter().position(|x| x == name);
                    @let row_of = |m: &str| rows.iter().find(|r| r.summarizer == *name && r.metric == m);
                    tr {
                        td { bdi { (name) } }
                        @let any = row_of(first);
                        td.num data-v=(any.map_or(0, |r| r.n_docs)) { (any.map_or(0, |r| r.n_docs)) }
                        @let words = any.and_then(|r| r.summary_words_mean);
                        td.num data-v=(words.unwrap_or(0.0)) { (words.map_or("–".to_string(), |w| format!("{w:.1}"))) }
                        @for (m, metric) in metrics.iter().enumerate() {
                            @if let Some(r) = row_of(metric) {
                                td.num data-v=(r.fmeasure_mean) {
                                    (page.text(metric, r.fmeasure_mean))
                                    " " span.ci { "[" (page.text(metric, r.fmeasure_ci_low)) ", " (page.text(metric, r.fmeasure_ci_high)) "]" }
                                    @if let Some(letter) = s.and_then(|s| page.groups.letter(g, m, s)) {
                                        span.group title="significance group (see below the table)" { (letter) }
                                    }
                                }
                            } @else {
                                td.num data-v="-1" { "–" }
                            }
                        }
                        td {
                            @if let Some((best, worst)) = s.and_then(|s| extremes(grid, s, 0)) {
                                a href=(format!("#{}", anchor(g, best))) { "best" }
                                " / "
                                a href=(format!("#{}", anchor(g, worst))) { "worst" }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The corpus-level scores of corpus `name` (summarizers down, metrics
/// across), or nothing when the run has none.
fn corpus_level_table(page: &RunPage, name: &str) -> Markup {
    let rows: Vec<&CorpusLevelRow> = page.corpus_level.iter().filter(|r| r.corpus == name).collect();
    let mut metrics = Vec::new();
    let mut summarizers: Vec<&str> = Vec::new();
    for r in &rows {
        if !metrics.contains(&r.metric) {
            metrics.push(r.metric);
        }
        if !summarizers.contains(&r.summarizer.as_str()) {
            summarizers.push(&r.summarizer);
        }
    }
    html! {
        @if !rows.is_empty() {
            h4 { "Corpus level" }
            p.note { "Statistics summed over the documents, then scored once, as sacreBLEU's corpus_score "
                "(corpus_level.csv); not the mean of the per-document scores above." }
            table.sortable.corpus-level {
                thead { tr { th { "summarizer" } @for m in &metrics { th { (m) } } } }
                tbody {
                    @for name in &summarizers {
                        tr {
                            td { bdi { (name) } }
                            @for m in &metrics {
                                @match rows.iter().find(|r| r.summarizer == *name && r.metric == *m) {
                                    Some(r) => { td.num data-v=(r.score()) { (format!("{:.2}", r.score())) } }
                                    None => { td.num data-v="-1" { "–" } }
                                }
                            }
                        }
                    }
                }
            }
            ul.note {
                @for m in &metrics {
                    li { (m) ": " code { (page.corpus_level_signatures.get(&m.to_string()).map_or("", String::as_str)) } }
                }
            }
        }
    }
}

fn charts(page: &RunPage, grid: &ScoreGrid) -> Markup {
    html! {
        @for (m, metric) in grid.metrics.iter().enumerate() {
            @let series: Vec<Series> = grid.summarizers.iter().enumerate().filter_map(|(s, name)| {
                let row = page.rows.iter().find(|r| r.corpus == grid.corpus && &r.summarizer == name && &r.metric == metric)?;
                Some(Series {
                    label: name.clone(),
                    values: grid.values(s, m),
                    mean: row.fmeasure_mean,
                    ci: (row.fmeasure_ci_low, row.fmeasure_ci_high),
                })
            }).collect();
            h3 { (grid.corpus) " — " (metric) " F per document" }
            (strip_plot(&format!("{} {metric}", grid.corpus), &series, domain(&series, false, page.is_fraction(metric))))
        }
    }
}

/// The document text with each sentence in `span.s` pieces (`data-i` its
/// number) whose `data-by` lists the summarizers (by number) whose summary
/// holds that piece: a sentence a summary cut to fit the budget is split at
/// the cut ([`summary_extents`]), so only the words the summary has are
/// highlighted.
fn sentences(grid: &ScoreGrid, detail: &DocumentDetail, text: &DocumentText) -> Markup {
    // Per sentence: (summarizer number, end of the part its summary holds).
    let mut held: Vec<Vec<(usize, usize)>> = vec![Vec::new(); text.sentences.len()];
    for r in &detail.summaries {
        let Some(s) = grid.summarizers.iter().position(|n| *n == r.summarizer) else { continue };
        for (i, range) in summary_extents(&r.sentences, &r.text, &text.text, &text.sentences) {
            held[i].push((s, range.end));
        }
    }
    let mut out = String::new();
    let mut at = 0;
    for (i, span) in text.sentences.iter().enumerate() {
        out.push_str(&html! { (&text.text[at..span.start]) }.into_string());
        let mut cuts: Vec<usize> = held[i].iter().map(|&(_, end)| end).filter(|&e| e > span.start).collect();
        cuts.push(span.end);
        cuts.sort_unstable();
        cuts.dedup();
        let mut from = span.start;
        for cut in cuts.into_iter().filter(|&c| c <= span.end) {
            let by: Vec<String> =
                held[i].iter().filter(|&&(_, end)| end >= cut).map(|(s, _)| s.to_string()).collect();
            let piece = html! { span.s data-by=(by.join(" ")) data-i=(i) { (&text.text[from..cut]) } };
            out.push_str(&piece.into_string());
            from = cut;
        }
        at = span.end;
    }
    out.push_str(&html! { (&text.text[at..]) }.into_string());
    PreEscaped(out)
}

fn document(page: &RunPage, detail: &DocumentDetail) -> Markup {
    let grid = &page.grids[detail.corpus];
    let id = &grid.doc_ids[detail.doc];
    let references = &detail.references;
    html! {
        article.doc id=(anchor(detail.corpus, detail.doc)) hidden {
            h3 { (grid.corpus) " / " bdi { (id) } }
            p.note { "Embedded as: " (detail.reasons.join("; ")) }
            table.sortable {
                thead { tr { th { "summarizer" } @for m in &grid.metrics { th { (m) " F" } } } }
                tbody {
                    @for (s, name) in grid.summarizers.iter().enumerate() {
                        tr {
                            td { bdi { (name) } }
                            @for (m, metric) in grid.metrics.iter().enumerate() {
                                @if let Some(f) = grid.get(s, m, detail.doc) {
                                    td.num data-v=(f) { (page.text(metric, f)) }
                                } @else {
                                    td.num data-v="-1" { "–" }
                                }
                            }
                        }
                    }
                }
            }
            h4 { "Document" }
            @match &detail.text {
                None => { p.warn { "The document text is not available (its corpus could not be re-read; see the notes at the top)." } }
                Some(text) => {
                    p {
                        label { "Highlight the sentences chosen by "
                            select.hl-select {
                                @for (s, name) in grid.summarizers.iter().enumerate() {
                                    option value=(s) { (name) }
                                }
                            }
                        }
                        " " span.hl-count.note {}
                    }
                    @if text.is_cut() {
                        p.warn { "Cut: the document has " (text.full_bytes) " bytes and " (text.full_sentences)
                            " sentences; the page shows the first " (text.text.len()) " bytes (" (text.sentences.len())
                            " whole sentences). Highlights beyond the cut are not shown." }
                    }
                    div.text { (sentences(grid, detail, text)) }
                }
            }
            h4 { "References" }
            @if references.is_empty() { p.note { "None available." } }
            ol { @for r in references { li.text { (plain(r)) } } }
            h4 { "Summaries" }
            p.legend.note { span { b { "bigram" } " in a reference" } span { i { "word" } " in a reference" }
                "(lowercase alphanumeric tokens, no stemming)" }
            @let grams = ReferenceGrams::new(references);
            @for r in &detail.summaries {
                div.summary {
                    h4 { bdi { (r.summarizer) } " "
                        span.note { (r.words) " words; "
                            @if let Some(s) = grid.summarizers.iter().position(|n| *n == r.summarizer) {
                                @for (m, metric) in grid.metrics.iter().enumerate() {
                                    @if let Some(f) = grid.get(s, m, detail.doc) { (metric) " " (page.text(metric, f)) "  " }
                                }
                            }
                        }
                    }
                    div.text { (marked(&r.text, &grams)) }
                }
            }
        }
    }
}

/// The whole `report.html`.
pub fn render_run(page: &RunPage) -> String {
    let total: usize = page.grids.iter().map(|g| g.doc_ids.len()).sum();
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head { (head(&format!("sumbench run {}", page.title))) }
            body {
                header {
                    h1 { "sumbench run " bdi { (page.title) } }
                    nav { a href="#summary" { "Summary" } a href="#metrics" { "Metrics" } a href="#documents" { "Documents" } a href="#provenance" { "Provenance" } }
                }
                main {
                    @for note in &page.notes { p.warn { (note) } }
                    @if !page.warnings.is_empty() {
                        p.warn { (page.warnings.len()) " warning(s) in run.json; see " a href="#provenance" { "Provenance" } "." }
                    }
                    section #summary {
                        h2 { "Summary" }
                        p.note { "Mean F over the documents (× 100 for rouge-score's and ROUGE-1.5.5's fractions; other metrics on their own scale), with its 95% bootstrap interval (summary.csv). "
                            "Click a header to sort. The badge is the significance group: per corpus and metric, "
                            "summarizers taken by mean F, best first; one letter = not significantly below that group's best "
                            "(paired sign-flip test, Holm-corrected over every pair, α = 0.05, as `sumbench compare --within`)." }
                        @for note in &page.groups.notes { p.note { (note) } }
                        @for (g, grid) in page.grids.iter().enumerate() {
                            h3 { "Corpus " bdi { (grid.corpus) } " (" (grid.doc_ids.len()) " documents)" }
                            (summary_table(page, g, grid))
                            (corpus_level_table(page, &grid.corpus))
                        }
                    }
                    section #metrics {
                        h2 { "Metrics" }
                        p.note { "Per summarizer: every document's F (dots, up to 300 per row), the quartiles and range (box), "
                            "the mean and its 95% interval (red)." }
                        @for grid in &page.grids { (charts(page, grid)) }
                    }
                    section #documents {
                        h2 { "Documents" }
                        p.note { "The page embeds " (page.documents.len()) " of " (total) " documents (at most " (MAX_DOCUMENTS)
                            "): each summarizer's best and worst by the first metric, then a seeded sample while the "
                            "embedded texts stay within " (MAX_EMBEDDED_BYTES / 1_000_000) " MB. "
                            "scores.csv and summaries.jsonl hold every document." }
                        div.browser {
                            div {
                                input #doc-search type="search" placeholder="Search document id" aria-label="Search document id";
                                ul #doc-list {
                                    @for d in &page.documents {
                                        @let grid = &page.grids[d.corpus];
                                        li data-id=(grid.doc_ids[d.doc].to_lowercase()) {
                                            a href=(format!("#{}", anchor(d.corpus, d.doc))) { (grid.corpus) " / " bdi { (grid.doc_ids[d.doc]) } }
                                        }
                                    }
                                }
                            }
                            div #doc-view {
                                p.note #doc-empty { "Choose a document on the left, or follow a best/worst link in the table." }
                                @for d in &page.documents { (document(page, d)) }
                            }
                        }
                    }
                    section #provenance {
                        h2 { "Provenance" }
                        h3 { "Warnings" }
                        @if page.warnings.is_empty() { p.note { "None." } }
                        ul { @for w in &page.warnings { li { (w) } } }
                        h3 { "run.json" }
                        p.note { "As written just before this page: its file list lacks report.html and run.json." }
                        pre.json { (page.run_json) }
                    }
                }
                (script())
            }
        }
    };
    markup.into_string()
}
