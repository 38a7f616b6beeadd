//! The HTML pages' run-directory side: `report.html` from what the run
//! collected ([`PageCollector`]), and `compare.html` from two run
//! directories. The pages themselves are `crate::report::html`'s.
//!
//! A run hands the page the texts and references it read itself, so the page
//! never re-opens a corpus. Only what a run directory does not hold is read
//! again: the texts for a merged report (shards never saw each other's
//! documents) and the references for `compare.html`, through
//! [`reread`], with the reader options and the canonical path `run.json`
//! records and the SHA-256 checked. A text that cannot be had is said once
//! as a warning (in `run.json`, which the CLI prints, or returned to the
//! caller of [`compare_report`]) and named on the page; it never fails a run.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::files;
use super::info::{CorpusInfo, RunInfo};
use super::read::summaries;
use crate::corpus::open;
use crate::digest::tree_sha256;
use crate::report::compare::Comparison;
use crate::report::html::{
    CollectedPage, ComparePage, DocumentText, MAX_DOCUMENT_BYTES, MAX_EMBEDDED_BYTES, RegressedDocument,
    RowDeltas, RunPage, most_regressed, render_compare, render_run, significance_groups, within_budget,
};
use crate::report::{AggregateRow, CorpusLevelRow, ScoreRecord, SummaryRecord};

/// The aggregate tables a run's writer computed, for `report.html`.
#[derive(Clone, Copy)]
pub(super) struct RunTables<'a> {
    /// `summary.csv`'s rows.
    pub rows: &'a [AggregateRow],
    /// `corpus_level.csv`'s rows.
    pub corpus_level: &'a [CorpusLevelRow],
    /// Their signatures, by metric name.
    pub corpus_level_signatures: &'a BTreeMap<String, String>,
}

/// `report.html` of the run `info` describes, from what the run `collected`
/// and its aggregate `tables`. Documents whose texts the run did not give
/// (a merge) are re-read from their corpora; each corpus that cannot be
/// re-read adds one warning to `info` (so to `run.json`).
pub(super) fn run_report(
    title: &str,
    info: &mut RunInfo,
    tables: RunTables,
    collected: CollectedPage,
) -> String {
    let CollectedPage { grids, mut documents } = collected;
    let mut notes = Vec::new();
    for corpus in &info.corpora.clone() {
        let Some(g) = grids.iter().position(|g| g.corpus == corpus.name) else { continue };
        let slots: HashMap<&str, usize> = documents
            .iter()
            .enumerate()
            .filter(|(_, (d, _))| d.corpus == g && d.text.is_none())
            .map(|(i, (d, _))| (grids[g].doc_ids[d.doc].as_str(), i))
            .collect();
        if slots.is_empty() {
            continue;
        }
        let ids: HashSet<&str> = slots.keys().copied().collect();
        match reread(corpus, &ids) {
            Ok(found) => {
                let missing = ids.len() - found.len();
                let mut filled: Vec<(usize, RereadDocument)> =
                    found.into_iter().map(|(id, doc)| (slots[id.as_str()], doc)).collect();
                filled.sort_by_key(|(i, _)| *i);
                for (i, doc) in filled {
                    let detail = &mut documents[i].0;
                    for summary in &mut detail.summaries {
                        if let Err(reason) = summary.fill_text(&doc.text) {
                            let warning = format!("report.html: corpus {}: {reason}", corpus.name);
                            if !info.warnings.contains(&warning) {
                                notes.push(warning.clone());
                                info.warnings.push(warning);
                            }
                        }
                    }
                    detail.text = Some(DocumentText::new(&doc.text, MAX_DOCUMENT_BYTES));
                    detail.references = doc.references;
                }
                if missing > 0 {
                    let warning = format!(
                        "report.html: corpus {}: {missing} scored document(s) are no longer in {}; their texts are not shown",
                        corpus.name,
                        corpus.shown_path().display()
                    );
                    notes.push(warning.clone());
                    info.warnings.push(warning);
                }
            }
            Err(reason) => {
                let warning = format!(
                    "report.html: corpus {}: document texts and references are not shown: {reason}",
                    corpus.name
                );
                notes.push(warning.clone());
                info.warnings.push(warning);
            }
        }
    }
    let groups = significance_groups(&grids);
    let documents = within_budget(documents, MAX_EMBEDDED_BYTES);
    render_run(&RunPage {
        title: title.to_string(),
        run_json: String::from_utf8_lossy(&info.to_json()).into_owned(),
        warnings: info.warnings.clone(),
        rows: tables.rows.to_vec(),
        corpus_level: tables.corpus_level.to_vec(),
        corpus_level_signatures: tables.corpus_level_signatures.clone(),
        grids,
        groups,
        documents,
        notes,
        fractions: fractions(info),
    })
}

/// The run's metrics whose values are fractions (shown × 100 on the pages).
fn fractions(info: &RunInfo) -> Vec<String> {
    let profile = info.rouge_profile.is_some();
    info.metrics.iter().filter(|m| m.is_fraction(profile)).map(ToString::to_string).collect()
}

/// A document read again from its corpus.
struct RereadDocument {
    text: String,
    references: Vec<String>,
}

/// The documents `ids` of the corpus `corpus` records, re-read from its
/// canonical path (else the path as given, relative to the current folder)
/// with the reader options the run used, after checking the corpus is the
/// one the run read (same SHA-256). The error says why in one sentence.
fn reread(corpus: &CorpusInfo, ids: &HashSet<&str>) -> Result<HashMap<String, RereadDocument>, String> {
    let candidates: Vec<PathBuf> =
        corpus.canonical_path.iter().cloned().chain(std::iter::once(corpus.path.clone())).collect();
    let Some(path) = candidates.iter().find(|p| p.exists()) else {
        let tried: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
        return Err(format!("the corpus is not at {}", tried.join(" nor at ")));
    };
    let sha256 = tree_sha256(path).map_err(|e| format!("{} cannot be read: {e}", path.display()))?;
    if sha256 != corpus.sha256 {
        return Err(format!(
            "{} has changed since the run (SHA-256 {sha256}, the run read {})",
            path.display(),
            corpus.sha256
        ));
    }
    let mut found = HashMap::new();
    let documents = open(path, &corpus.read_options).map_err(|e| e.to_string())?;
    for document in documents {
        let document = document.map_err(|e| e.to_string())?;
        if ids.contains(document.id.as_str()) {
            let doc = RereadDocument { text: document.text, references: document.references };
            found.insert(document.id, doc);
            if found.len() == ids.len() {
                break;
            }
        }
    }
    Ok(found)
}

/// Where `side`'s (`BASE` or `NEW`) summary of a regressed document goes.
fn summary_slot<'a>(document: &'a mut RegressedDocument, side: &str) -> &'a mut Option<String> {
    match side {
        "BASE" => &mut document.base_summary,
        _ => &mut document.new_summary,
    }
}

/// The texts of `records` (kept as sentence indices only, each with its
/// place), rebuilt from the documents of the corpora `info` records, re-read with their
/// SHA-256 checked; one note per corpus (or summary) whose texts cannot be
/// had, naming `side`.
fn summary_texts(
    info: Option<&RunInfo>,
    records: Vec<(usize, SummaryRecord)>,
    side: &str,
    notes: &mut Vec<String>,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut corpora: Vec<&str> = records.iter().map(|(_, r)| r.corpus.as_str()).collect();
    corpora.sort_unstable();
    corpora.dedup();
    for name in corpora {
        let Some(corpus) = info.and_then(|i| i.corpora.iter().find(|c| c.name == name)) else {
            notes.push(format!(
                "compare.html: corpus {name}: {side}'s summaries are not shown: its run.json does not record the corpus"
            ));
            continue;
        };
        let ids: HashSet<&str> =
            records.iter().filter(|(_, r)| r.corpus == name).map(|(_, r)| r.doc_id.as_str()).collect();
        let found = match reread(corpus, &ids) {
            Ok(found) => found,
            Err(reason) => {
                notes
                    .push(format!("compare.html: corpus {name}: {side}'s summaries are not shown: {reason}"));
                continue;
            }
        };
        for (i, record) in records.iter().filter(|(_, r)| r.corpus == name) {
            match found.get(&record.doc_id).map(|doc| record.text_from(&doc.text)) {
                Some(Ok(text)) => out.push((*i, text)),
                Some(Err(reason)) => notes.push(format!("compare.html: {side}'s {reason}")),
                None => notes.push(format!(
                    "compare.html: corpus {name}: document `{}` is no longer in {}; {side}'s summary is not shown",
                    record.doc_id,
                    corpus.shown_path().display()
                )),
            }
        }
    }
    out
}

/// `compare.html` of `comparison`, made from `base_records` (of the run
/// directory `base`) and `new_records` (of `new`): the rows, per-document
/// differences, and the documents that regressed most with both runs'
/// summaries (from their `summaries.jsonl`) and the references (re-read from
/// the corpora NEW's `run.json` records, else BASE's). Never fails: returns
/// the page and the warnings about what could not be read (also named on
/// the page), one per cause.
pub fn compare_report(
    base: &Path,
    new: &Path,
    base_records: &[ScoreRecord],
    new_records: &[ScoreRecord],
    comparison: &Comparison,
) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    let mut regressed = most_regressed(base_records, new_records, comparison);
    let dir_of = |p: &Path| {
        if p.is_dir() { p.to_path_buf() } else { p.parent().unwrap_or(Path::new(".")).to_path_buf() }
    };
    let keys: HashMap<(String, String, String), usize> = regressed
        .iter()
        .enumerate()
        .map(|(i, d)| ((d.corpus.clone(), d.doc_id.clone(), d.summarizer.clone()), i))
        .collect();
    for (side, path) in [("BASE", base), ("NEW", new)] {
        // Summaries kept as sentence indices only, by place in `regressed`: their texts are rebuilt from
        // the corpus this side's run.json records.
        let mut without_text: Vec<(usize, SummaryRecord)> = Vec::new();
        let file = dir_of(path).join(files::SUMMARIES);
        let lines = match summaries(&file) {
            Ok(lines) => lines,
            Err(e) => {
                notes.push(format!("compare.html: {side}'s summaries are not shown: {e}"));
                continue;
            }
        };
        for line in lines {
            let record = match line {
                Ok(record) => record,
                Err(e) => {
                    notes
                        .push(format!("compare.html: {side}'s summaries are shown only up to an error: {e}"));
                    break;
                }
            };
            if let Some(&i) =
                keys.get(&(record.corpus.clone(), record.doc_id.clone(), record.summarizer.clone()))
            {
                match record.needs_text() {
                    true => without_text.push((i, record)),
                    false => *summary_slot(&mut regressed[i], side) = Some(record.text),
                }
            }
        }
        let info = super::read::read_run_json(&dir_of(path)).ok();
        for (i, text) in summary_texts(info.as_ref(), without_text, side, &mut notes) {
            *summary_slot(&mut regressed[i], side) = Some(text);
        }
    }
    let infos: Vec<RunInfo> =
        [new, base].iter().filter_map(|p| super::read::read_run_json(&dir_of(p)).ok()).collect();
    let mut corpora: Vec<String> = regressed.iter().map(|d| d.corpus.clone()).collect();
    corpora.sort();
    corpora.dedup();
    for name in corpora {
        let Some(corpus) = infos.iter().flat_map(|i| &i.corpora).find(|c| c.name == name) else {
            notes.push(format!(
                "compare.html: corpus {name}: references are not shown: neither run.json records it"
            ));
            continue;
        };
        let ids: HashSet<&str> =
            regressed.iter().filter(|d| d.corpus == name).map(|d| d.doc_id.as_str()).collect();
        match reread(corpus, &ids) {
            Ok(found) => {
                for d in regressed.iter_mut().filter(|d| d.corpus == name) {
                    d.references = found.get(&d.doc_id).map(|doc| doc.references.clone());
                }
            }
            Err(reason) => {
                notes.push(format!("compare.html: corpus {name}: references are not shown: {reason}"))
            }
        }
    }
    let page = render_compare(&ComparePage {
        base: base.display().to_string(),
        new: new.display().to_string(),
        comparison: comparison.clone(),
        deltas: RowDeltas::new(base_records, new_records, comparison),
        regressed,
        notes: notes.clone(),
        // A metric is shown × 100 only if it is a fraction in every run read.
        fractions: match infos.is_empty() {
            true => Vec::new(),
            false => {
                let each: Vec<Vec<String>> = infos.iter().map(fractions).collect();
                each[0].iter().filter(|m| each.iter().all(|f| f.contains(m))).cloned().collect()
            }
        },
    });
    (page, notes)
}
