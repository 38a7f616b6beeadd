//! The report files are byte-deterministic: the same records and seed give the
//! same bytes, whatever order a row's documents arrive in; the seed reaches the
//! intervals; scores.csv read back from disk equals what was written.

use sumbench::report::{
    ScoreRecord, SummaryRecord, Timing, aggregate, read_scores, scores_csv, summary_csv, summary_markdown,
    summary_svg,
};

fn records() -> Vec<ScoreRecord> {
    let mut out = Vec::new();
    for corpus in ["seed", "bbc"] {
        for i in 0..25 {
            for (s, summarizer) in ["lead", "textrank", "lex,rank"].iter().enumerate() {
                for (m, metric) in ["rouge1", "rouge2", "rougeLsum"].iter().enumerate() {
                    let f = ((i * 13 + s * 5 + m * 3) % 17) as f64 / 20.0;
                    out.push(ScoreRecord {
                        corpus: corpus.into(),
                        doc_id: format!("{corpus}-{i}"),
                        summarizer: summarizer.to_string(),
                        metric: metric.to_string(),
                        precision: (f + 0.1).min(1.0),
                        recall: f / 2.0,
                        fmeasure: f,
                        budget: "100w".into(),
                    });
                }
            }
        }
    }
    out
}

fn summaries() -> Vec<SummaryRecord> {
    (0..25)
        .map(|i| SummaryRecord {
            corpus: "seed".into(),
            doc_id: format!("seed-{i}"),
            summarizer: "lead".into(),
            sentences: vec![0, 1],
            text: "a b c".into(),
            words: 90 + i % 7,
        })
        .collect()
}

fn reports(records: &[ScoreRecord], seed: u64) -> (Vec<u8>, String, String) {
    let timings = [Timing { corpus: "seed".into(), summarizer: "lead".into(), seconds: 0.25, docs: 25 }];
    let rows = aggregate(records, &summaries(), &timings, seed);
    (summary_csv(&rows), summary_markdown(&rows), summary_svg(&rows).unwrap())
}

#[test]
fn same_records_and_seed_give_identical_bytes() {
    let r = records();
    assert_eq!(reports(&r, 42), reports(&r, 42));
    assert_eq!(scores_csv(&r), scores_csv(&r.clone()));
}

#[test]
fn document_order_within_rows_does_not_matter() {
    let r = records();
    // Each corpus has 25 documents × 9 rows = 225 records; its first document's 9 records
    // fix the row order (first appearance). Reverse the other documents of each corpus.
    let mut shuffled = r.clone();
    shuffled[9..225].reverse();
    shuffled[234..450].reverse();
    assert_ne!(shuffled, r);
    let first_keys = |rs: &[ScoreRecord]| {
        let rows = aggregate(rs, &[], &[], 1);
        rows.iter().map(|x| (x.corpus.clone(), x.summarizer.clone(), x.metric.clone())).collect::<Vec<_>>()
    };
    assert_eq!(first_keys(&r), first_keys(&shuffled));
    assert_eq!(reports(&r, 3).0, reports(&shuffled, 3).0);
}

#[test]
fn seed_reaches_the_intervals_but_not_the_means() {
    let r = records();
    let a = aggregate(&r, &[], &[], 1);
    let b = aggregate(&r, &[], &[], 2);
    assert!(a.iter().zip(&b).all(|(x, y)| x.fmeasure_mean == y.fmeasure_mean));
    assert!(a.iter().zip(&b).any(|(x, y)| x.fmeasure_ci_low != y.fmeasure_ci_low));
}

#[test]
fn summary_csv_has_one_row_per_corpus_summarizer_metric() {
    let text = String::from_utf8(reports(&records(), 0).0).unwrap();
    // 2 corpora × 3 summarizers × 3 metrics + header; the comma in `lex,rank` is quoted.
    assert_eq!(text.lines().count(), 19);
    assert!(text.contains("\nseed,\"lex,rank\",rouge1,25,"));
    // lead on seed: 25 docs at 0.25 s -> 100 docs/s; words 90..96 cycling: see below.
    let lead = text.lines().find(|l| l.starts_with("seed,lead,rouge1,")).unwrap();
    // words = 90 + i % 7 for i in 0..25: three full cycles (sum 3 × 651 = 1953) plus
    // i = 21..24 -> 90, 91, 92, 93 (366): 2319 / 25 = 92.76.
    assert!(lead.ends_with(",92.76,100"), "{lead}");
}

#[test]
fn scores_csv_reads_back_from_a_run_directory() {
    let dir = tempfile::tempdir().unwrap();
    let r = records();
    std::fs::write(dir.path().join("scores.csv"), scores_csv(&r)).unwrap();
    assert_eq!(read_scores(dir.path()).unwrap(), r);
    assert_eq!(read_scores(&dir.path().join("scores.csv")).unwrap(), r);
}
