//! The aggregate reports are byte-deterministic: the same scores and seed give
//! the same bytes, whatever order the documents arrive in; the seed reaches
//! the intervals; scores.csv read back from disk equals what was written. The
//! aggregation tested is the one `run`, `score` and `merge` use.

use sumbench::report::{
    AggregateRow, Aggregator, ScoreRecord, Timing, aggregate_csv, aggregate_markdown, aggregate_svg,
    scores_csv,
};
use sumbench::rouge::Score;
use sumbench::rundir::read_scores;

const CORPORA: [&str; 2] = ["seed", "bbc"];
const SUMMARIZERS: [&str; 3] = ["lead", "textrank", "lex,rank"];
const METRICS: [&str; 3] = ["rouge1", "rouge2", "rougeLsum"];
const DOCUMENTS: usize = 25;

fn score(i: usize, s: usize, m: usize) -> Score {
    let f = ((i * 13 + s * 5 + m * 3) % 17) as f64 / 20.0;
    Score { precision: (f + 0.1).min(1.0), recall: f / 2.0, fmeasure: f }
}

/// Summary words: 90 + i % 7 for lead, 10 for the others.
fn words(i: usize, s: usize) -> usize {
    if s == 0 { 90 + i % 7 } else { 10 }
}

/// The aggregate rows with the documents of each corpus in `order`.
fn aggregate(order: &[usize], seed: u64) -> Vec<AggregateRow> {
    let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
    let mut aggregator = Aggregator::new(names(&SUMMARIZERS), names(&METRICS));
    for corpus in CORPORA {
        aggregator.begin_corpus(corpus, DOCUMENTS);
        for &i in order {
            for s in 0..SUMMARIZERS.len() {
                let scores: Vec<Score> = (0..METRICS.len()).map(|m| score(i, s, m)).collect();
                aggregator.add(s, &format!("{corpus}-{i:02}"), words(i, s), &scores);
            }
        }
    }
    let timings =
        [Timing { corpus: "seed".into(), summarizer: "lead".into(), documents: DOCUMENTS, seconds: 0.25 }];
    aggregator.rows(seed, &timings)
}

fn in_order() -> Vec<usize> {
    (0..DOCUMENTS).collect()
}

fn reports(rows: &[AggregateRow]) -> (Vec<u8>, String, String) {
    let signatures = Default::default();
    (aggregate_csv(rows, &signatures), aggregate_markdown(rows, &signatures), aggregate_svg(rows).unwrap())
}

#[test]
fn same_scores_and_seed_give_identical_bytes() {
    assert_eq!(reports(&aggregate(&in_order(), 42)), reports(&aggregate(&in_order(), 42)));
}

#[test]
fn document_order_changes_neither_the_rows_nor_f_and_its_interval() {
    let mut shuffled = in_order();
    shuffled[1..].reverse();
    let (a, b) = (aggregate(&in_order(), 3), aggregate(&shuffled, 3));
    let key = |r: &AggregateRow| (r.corpus.clone(), r.summarizer.clone(), r.metric.clone());
    assert_eq!(a.iter().map(key).collect::<Vec<_>>(), b.iter().map(key).collect::<Vec<_>>());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            (x.fmeasure_mean, x.fmeasure_ci_low, x.fmeasure_ci_high),
            (y.fmeasure_mean, y.fmeasure_ci_low, y.fmeasure_ci_high)
        );
        // P and R are summed in arrival order: equal up to the last bits.
        assert!((x.precision_mean - y.precision_mean).abs() < 1e-15);
    }
}

#[test]
fn seed_reaches_the_intervals_but_not_the_means() {
    let (a, b) = (aggregate(&in_order(), 1), aggregate(&in_order(), 2));
    assert!(a.iter().zip(&b).all(|(x, y)| x.fmeasure_mean == y.fmeasure_mean));
    assert!(a.iter().zip(&b).any(|(x, y)| x.fmeasure_ci_low != y.fmeasure_ci_low));
}

#[test]
fn summary_csv_has_one_row_per_corpus_summarizer_metric() {
    let text = String::from_utf8(reports(&aggregate(&in_order(), 0)).0).unwrap();
    // 2 corpora × 3 summarizers × 3 metrics + header; the comma in `lex,rank` is quoted.
    assert_eq!(text.lines().count(), 19);
    assert!(text.contains("\nseed,\"lex,rank\",rouge1,25,"));
    // lead on seed: 25 docs at 0.25 s -> 100 docs/s; words = 90 + i % 7 for i in 0..25:
    // three full cycles (sum 3 × 651 = 1953) plus i = 21..24 -> 90, 91, 92, 93 (366):
    // 2319 / 25 = 92.76.
    let lead = text.lines().find(|l| l.starts_with("seed,lead,rouge1,")).unwrap();
    assert!(lead.ends_with(",92.76,,100"), "{lead}");
    let bbc = text.lines().find(|l| l.starts_with("bbc,lead,rouge1,")).unwrap();
    assert!(bbc.ends_with(",92.76,,"), "no timing for bbc: {bbc}");
}

#[test]
fn scores_csv_reads_back_from_a_run_directory() {
    let records: Vec<ScoreRecord> = (0..DOCUMENTS)
        .flat_map(|i| {
            METRICS.iter().enumerate().map(move |(m, metric)| {
                let s = score(i, 2, m);
                ScoreRecord {
                    corpus: "seed".into(),
                    doc_id: format!("seed-{i}"),
                    summarizer: "lex,rank".into(),
                    metric: metric.to_string(),
                    precision: s.precision,
                    recall: s.recall,
                    fmeasure: s.fmeasure,
                    budget: "100w".into(),
                }
            })
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scores.csv"), scores_csv(&records)).unwrap();
    assert_eq!(read_scores(dir.path()).unwrap(), records);
    assert_eq!(read_scores(&dir.path().join("scores.csv")).unwrap(), records);
}
