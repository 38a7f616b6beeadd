//! The HTML pages' reading side: `report.html` from a staged run directory
//! (its `scores.csv`, `summaries.jsonl` and the corpora `run.json` names) and
//! `compare.html` from two run directories. The pages themselves are
//! `crate::report::html`'s.
//!
//! Documents and references are not in a run directory, so the corpora are
//! re-read from the paths `run.json` records, with the default read options,
//! streaming: only the chosen documents are kept. Re-reading was preferred to
//! keeping documents during the run because it leaves the run's memory bound
//! alone and works the same for `run`, `score` and `merge` (whose shards
//! never saw each other's documents). A corpus that cannot be re-read (moved,
//! or read with other field names) is named on the page and everything else
//! still renders: the HTML never fails a run.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::files;
use super::info::RunInfo;
use super::read::{ScoresReader, summaries};
use crate::corpus::{ReadOptions, open};
use crate::report::compare::Comparison;
use crate::report::html::{
    ComparePage, DocumentDetail, DocumentText, GridBuilder, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS,
    MAX_EMBEDDED_BYTES, RowDeltas, RunPage, choose_documents, most_regressed, render_compare, render_run,
    significance_groups, within_budget,
};
use crate::report::{AggregateRow, CorpusLevelRow, ScoreRecord};

/// `report.html` of the run directory staged in `dir`, described by `info`
/// (as written so far) with its aggregate `tables`. Never fails: what cannot
/// be read is named on the page.
pub(super) fn run_report(dir: &Path, title: &str, info: &RunInfo, tables: RunTables) -> String {
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build_run_page(dir, title, info, tables)));
    match result {
        Ok(page) => render_run(&page),
        Err(_) => render_run(&RunPage {
            title: title.to_string(),
            run_json: String::from_utf8_lossy(&info.to_json()).into_owned(),
            warnings: info.warnings.clone(),
            rows: tables.rows.to_vec(),
            corpus_level: tables.corpus_level.to_vec(),
            corpus_level_signatures: tables.corpus_level_signatures.clone(),
            notes: vec![
                "This page could not be built (an internal error); see summary.csv and scores.csv.".into(),
            ],
            ..RunPage::default()
        }),
    }
}

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

fn build_run_page(dir: &Path, title: &str, info: &RunInfo, tables: RunTables) -> RunPage {
    let mut notes = Vec::new();
    let mut builder = GridBuilder::new();
    match ScoresReader::open(&dir.join(files::SCORES)) {
        Ok(reader) => {
            for record in reader {
                match record {
                    Ok(record) => builder.add(&record),
                    Err(e) => {
                        notes.push(format!("scores.csv could not be read to the end: {e}"));
                        break;
                    }
                }
            }
        }
        Err(e) => notes.push(format!("scores.csv could not be read: {e}")),
    }
    let grids = builder.finish();
    let groups = significance_groups(&grids);
    let chosen = choose_documents(&grids, info.seed, MAX_DOCUMENTS);
    let samples: Vec<Option<usize>> = chosen.iter().map(|c| c.sample).collect();
    let mut documents: Vec<DocumentDetail> = chosen
        .into_iter()
        .map(|c| DocumentDetail {
            corpus: c.corpus,
            doc: c.doc,
            reasons: c.reasons,
            text: None,
            references: Vec::new(),
            summaries: Vec::new(),
        })
        .collect();
    let wanted: HashMap<(&str, &str), usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| ((grids[d.corpus].corpus.as_str(), grids[d.corpus].doc_ids[d.doc].as_str()), i))
        .collect();
    let mut found: Vec<(usize, crate::report::SummaryRecord)> = Vec::new();
    match summaries(&dir.join(files::SUMMARIES)) {
        Ok(lines) => {
            for line in lines {
                match line {
                    Ok(record) => {
                        if let Some(&i) = wanted.get(&(record.corpus.as_str(), record.doc_id.as_str())) {
                            found.push((i, record));
                        }
                    }
                    Err(e) => {
                        notes.push(format!("summaries.jsonl could not be read to the end: {e}"));
                        break;
                    }
                }
            }
        }
        Err(e) => notes.push(format!("summaries.jsonl could not be read: {e}")),
    }
    let mut texts: Vec<Option<(DocumentText, Vec<String>)>> = vec![None; documents.len()];
    for corpus in &info.corpora {
        let needed = wanted.keys().filter(|(c, _)| *c == corpus.name).count();
        if needed == 0 {
            continue;
        }
        match read_documents(&corpus.path, |id| wanted.get(&(corpus.name.as_str(), id)).copied(), needed) {
            Ok(docs) => {
                let missing = needed - docs.len();
                for (i, text, references) in docs {
                    texts[i] = Some((DocumentText::new(&text, MAX_DOCUMENT_BYTES), references));
                }
                if missing > 0 {
                    notes.push(format!(
                        "Corpus {} ({}): {missing} scored document(s) are no longer in it; their texts are not shown.",
                        corpus.name,
                        corpus.path.display()
                    ));
                }
            }
            Err(e) => notes.push(format!(
                "Corpus {} could not be re-read from {} ({e}); document texts and references are not shown.",
                corpus.name,
                corpus.path.display()
            )),
        }
    }
    drop(wanted);
    for (i, record) in found {
        documents[i].summaries.push(record);
    }
    for (d, text) in documents.iter_mut().zip(texts) {
        if let Some((text, references)) = text {
            d.text = Some(text);
            d.references = references;
        }
    }
    let documents = within_budget(documents.into_iter().zip(samples).collect(), MAX_EMBEDDED_BYTES);
    RunPage {
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
    }
}

/// The documents of the corpus at `path` that `slot` wants, as (slot, text,
/// references); stops once `needed` were found.
fn read_documents(
    path: &Path,
    slot: impl Fn(&str) -> Option<usize>,
    needed: usize,
) -> Result<Vec<(usize, String, Vec<String>)>, crate::corpus::CorpusError> {
    let mut out = Vec::new();
    for document in open(path, &ReadOptions::default())? {
        let document = document?;
        if let Some(i) = slot(&document.id) {
            out.push((i, document.text, document.references));
            if out.len() == needed {
                break;
            }
        }
    }
    Ok(out)
}

/// `compare.html` of `comparison`, made from `base_records` (of the run
/// directory `base`) and `new_records` (of `new`): the rows, per-document
/// differences, and the documents that regressed most with both runs'
/// summaries (from their `summaries.jsonl`) and the references (from the
/// corpora NEW's `run.json` names, else BASE's). Never fails: what cannot be
/// read is named on the page.
pub fn compare_report(
    base: &Path,
    new: &Path,
    base_records: &[ScoreRecord],
    new_records: &[ScoreRecord],
    comparison: &Comparison,
) -> String {
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
        let file = dir_of(path).join(files::SUMMARIES);
        let lines = match summaries(&file) {
            Ok(lines) => lines,
            Err(e) => {
                notes.push(format!("{side}'s summaries could not be read: {e}"));
                continue;
            }
        };
        for line in lines {
            let Ok(record) = line else {
                notes.push(format!("{side}'s {} could not be read to the end.", file.display()));
                break;
            };
            if let Some(&i) =
                keys.get(&(record.corpus.clone(), record.doc_id.clone(), record.summarizer.clone()))
            {
                let slot = if side == "BASE" {
                    &mut regressed[i].base_summary
                } else {
                    &mut regressed[i].new_summary
                };
                *slot = Some(record.text);
            }
        }
    }
    let infos: Vec<RunInfo> =
        [new, base].iter().filter_map(|p| super::read::read_run_json(&dir_of(p)).ok()).collect();
    let mut corpora: Vec<String> = regressed.iter().map(|d| d.corpus.clone()).collect();
    corpora.sort();
    corpora.dedup();
    for name in corpora {
        let Some(corpus) = infos.iter().flat_map(|i| &i.corpora).find(|c| c.name == name) else {
            notes.push(format!("Corpus {name} is not named in either run.json; references are not shown."));
            continue;
        };
        let slots: HashMap<&str, Vec<usize>> = regressed
            .iter()
            .enumerate()
            .filter(|(_, d)| d.corpus == name)
            .fold(HashMap::new(), |mut m, (i, d)| {
                m.entry(d.doc_id.as_str()).or_default().push(i);
                m
            });
        let ids: Vec<String> = slots.keys().map(|s| s.to_string()).collect();
        drop(slots);
        let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect();
        match read_documents(&corpus.path, |id| index.get(id).copied(), ids.len()) {
            Ok(docs) => {
                for (k, _, references) in docs {
                    for d in regressed.iter_mut().filter(|d| d.corpus == name && d.doc_id == ids[k]) {
                        d.references = Some(references.clone());
                    }
                }
            }
            Err(e) => notes.push(format!(
                "Corpus {name} could not be re-read from {} ({e}); references are not shown.",
                corpus.path.display()
            )),
        }
    }
    render_compare(&ComparePage {
        base: base.display().to_string(),
        new: new.display().to_string(),
        comparison: comparison.clone(),
        deltas: RowDeltas::new(base_records, new_records, comparison),
        regressed,
        notes,
    })
}
