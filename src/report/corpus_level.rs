//! `corpus_level.csv`: BLEU, chrF and chrF++ per corpus × summarizer as
//! sacreBLEU's `corpus_score` reports them, from statistics summed over the
//! documents (`summary.csv` has the mean of the document scores, a different
//! number). Each row keeps its summed statistics, so that shards merge
//! exactly, and carries its corpus-level signature.
//!
//! Owns: the summing, the CSV and the Markdown table. Never scores text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::markdown::cell;
use crate::metrics::{Metric, MetricSpec, SufficientStats};

/// The columns of `corpus_level.csv`, in order.
pub const CORPUS_LEVEL_COLUMNS: [&str; 7] =
    ["corpus", "summarizer", "metric", "score", "documents", "statistics", "signature"];

/// One corpus × summarizer × metric at corpus level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusLevelRow {
    /// Corpus name.
    pub corpus: String,
    /// Summarizer (or system) name.
    pub summarizer: String,
    /// BLEU, chrF or chrF++.
    pub metric: Metric,
    /// Documents summed.
    pub documents: usize,
    /// The summed statistics.
    pub stats: SufficientStats,
}

impl CorpusLevelRow {
    /// The corpus-level score (0–100).
    pub fn score(&self) -> f64 {
        self.stats.value(self.metric).score.unwrap_or(f64::NAN)
    }
}

/// Sums the statistics of every corpus × summarizer × metric of a run, in
/// report order (corpora as begun, then summarizers, then metrics).
#[derive(Debug, Clone, Default)]
pub struct CorpusLevel {
    summarizers: Vec<String>,
    metrics: Vec<Metric>,
    rows: Vec<CorpusLevelRow>,
    /// Where the current corpus's rows start.
    current: usize,
}

impl CorpusLevel {
    /// Sums for `summarizers` and those of `metrics` that are scored from
    /// summed statistics ([`SufficientStats::sums`]); the others are skipped.
    pub fn new(summarizers: Vec<String>, metrics: &[MetricSpec]) -> Self {
        let metrics = metrics
            .iter()
            .filter_map(|spec| match spec {
                MetricSpec::Other(metric) if SufficientStats::sums(*metric) => Some(*metric),
                _ => None,
            })
            .collect();
        CorpusLevel { summarizers, metrics, rows: Vec::new(), current: 0 }
    }

    /// The metrics summed, in the order [`CorpusLevel::add`] takes them.
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// Starts corpus `name` with zero statistics for every summarizer and metric.
    pub fn begin_corpus(&mut self, name: &str) {
        self.current = self.rows.len();
        for summarizer in &self.summarizers {
            for &metric in &self.metrics {
                self.rows.push(CorpusLevelRow {
                    corpus: name.to_string(),
                    summarizer: summarizer.clone(),
                    metric,
                    documents: 0,
                    stats: SufficientStats::zero(metric),
                });
            }
        }
    }

    /// Adds one document's statistics by summarizer number `summarizer`,
    /// one per [`CorpusLevel::metrics`], to the current corpus.
    ///
    /// # Panics
    /// Before [`CorpusLevel::begin_corpus`], or if `stats` do not match the metrics.
    pub fn add(&mut self, summarizer: usize, stats: &[SufficientStats]) {
        assert_eq!(stats.len(), self.metrics.len(), "one statistics per summed metric");
        let start = self.current + summarizer * self.metrics.len();
        for (row, stats) in self.rows[start..start + stats.len()].iter_mut().zip(stats) {
            row.stats.add(stats);
            row.documents += 1;
        }
    }

    /// Adds a row summed elsewhere (a shard's) to the row of the same
    /// corpus, summarizer and metric; `false` if there is no such row.
    pub fn add_row(&mut self, other: &CorpusLevelRow) -> bool {
        let mine = self.rows.iter_mut().find(|row| {
            row.corpus == other.corpus && row.summarizer == other.summarizer && row.metric == other.metric
        });
        match mine {
            Some(row) => {
                row.stats.add(&other.stats);
                row.documents += other.documents;
                true
            }
            None => false,
        }
    }

    /// Every row, in report order.
    pub fn rows(&self) -> &[CorpusLevelRow] {
        &self.rows
    }
}

/// `corpus_level.csv`: a header (see [`CORPUS_LEVEL_COLUMNS`]), then one
/// line per row with the score at full precision, the statistics as
/// [`SufficientStats::to_field`] writes them, and the signature from
/// `signatures` (by metric name).
pub fn corpus_level_csv(rows: &[CorpusLevelRow], signatures: &BTreeMap<String, String>) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let io = "writing CSV into memory cannot fail";
    out.write_record(CORPUS_LEVEL_COLUMNS).expect(io);
    for row in rows {
        let metric = row.metric.to_string();
        out.write_record([
            row.corpus.as_str(),
            &row.summarizer,
            &metric,
            &row.score().to_string(),
            &row.documents.to_string(),
            &row.stats.to_field(),
            signatures.get(&metric).map_or("", String::as_str),
        ])
        .expect(io);
    }
    out.into_inner().expect(io)
}

/// The Markdown table of `rows` (empty when there are none): one line per
/// corpus × summarizer and a column per metric, scores to 2 decimals as
/// sacreBLEU prints them, then each metric's signature.
pub fn corpus_level_markdown(rows: &[CorpusLevelRow], signatures: &BTreeMap<String, String>) -> String {
    let Some(first) = rows.first() else { return String::new() };
    let metrics: Vec<Metric> = rows
        .iter()
        .take_while(|r| r.corpus == first.corpus && r.summarizer == first.summarizer)
        .map(|r| r.metric)
        .collect();
    let mut out = String::from(
        "\nCorpus level (statistics summed over the documents, as sacreBLEU's `corpus_score`):\n\n\
         | corpus | summarizer |",
    );
    for metric in &metrics {
        let _ = write!(out, " {metric} |");
    }
    out.push_str("\n|---|---|");
    out.push_str(&"--:|".repeat(metrics.len()));
    out.push('\n');
    for line in rows.chunks(metrics.len()) {
        let _ = write!(out, "| {} | {} |", cell(&line[0].corpus), cell(&line[0].summarizer));
        for row in line {
            let _ = write!(out, " {:.2} |", row.score());
        }
        out.push('\n');
    }
    out.push_str("\nCorpus-level signatures:\n\n");
    for metric in &metrics {
        let signature = signatures.get(&metric.to_string()).map_or("", String::as_str);
        let _ = writeln!(out, "- `{metric}`: `{signature}`");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::bleu::BleuStats;

    fn bleu(counts: [u64; 4], totals: [u64; 4], sys_len: u64, ref_len: u64) -> SufficientStats {
        SufficientStats::Bleu(BleuStats {
            sys_len,
            ref_len,
            counts: counts.to_vec(),
            totals: totals.to_vec(),
        })
    }

    #[test]
    fn sums_per_corpus_and_summarizer_in_report_order() {
        let metrics = MetricSpec::parse_list("rouge1,bleu,novel-1").unwrap();
        let mut level = CorpusLevel::new(vec!["a".into(), "b".into()], &metrics);
        assert_eq!(level.metrics(), [Metric::Bleu]);
        level.begin_corpus("c1");
        level.add(1, &[bleu([2, 1, 0, 0], [3, 2, 1, 0], 3, 4)]);
        level.add(1, &[bleu([1, 0, 0, 0], [2, 1, 0, 0], 2, 2)]);
        level.begin_corpus("c2");
        let rows = level.rows();
        let keys: Vec<(&str, &str, usize)> =
            rows.iter().map(|r| (r.corpus.as_str(), r.summarizer.as_str(), r.documents)).collect();
        assert_eq!(keys, [("c1", "a", 0), ("c1", "b", 2), ("c2", "a", 0), ("c2", "b", 0)]);
        assert_eq!(rows[1].stats, bleu([3, 1, 0, 0], [5, 3, 1, 0], 5, 6));
        let shard = rows[1].clone();
        assert!(level.add_row(&shard));
        assert_eq!(level.rows()[1].documents, 4);
        assert!(!level.add_row(&CorpusLevelRow { corpus: "elsewhere".into(), ..shard }));
    }

    #[test]
    fn csv_and_markdown_are_exact() {
        // 10 of 10 unigrams, 9/9 bigrams, 8/8, 7/7, equal lengths: BLEU 100, which
        // sacreBLEU 2.6.0 computes as exp(4 log(100) / 4) = 100.00000000000004
        // (`BLEU().corpus_score(["a b c d e f g h i j"], [["a b c d e f g h i j"]])`).
        let row = CorpusLevelRow {
            corpus: "seed".into(),
            summarizer: "lead".into(),
            metric: Metric::Bleu,
            documents: 2,
            stats: bleu([10, 9, 8, 7], [10, 9, 8, 7], 10, 10),
        };
        let signatures = BTreeMap::from([("bleu".to_string(), "nrefs:1|eff:no".to_string())]);
        assert_eq!(
            String::from_utf8(corpus_level_csv(std::slice::from_ref(&row), &signatures)).unwrap(),
            "corpus,summarizer,metric,score,documents,statistics,signature\n\
             seed,lead,bleu,100.00000000000004,2,10 10 10 9 8 7 10 9 8 7,nrefs:1|eff:no\n"
        );
        assert_eq!(
            corpus_level_markdown(&[row], &signatures),
            "\nCorpus level (statistics summed over the documents, as sacreBLEU's `corpus_score`):\n\n\
             | corpus | summarizer | bleu |\n|---|---|--:|\n| seed | lead | 100.00 |\n\
             \nCorpus-level signatures:\n\n- `bleu`: `nrefs:1|eff:no`\n"
        );
        assert_eq!(corpus_level_markdown(&[], &signatures), "");
    }
}
