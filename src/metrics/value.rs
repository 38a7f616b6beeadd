//! [`MetricValue`]: one metric's result for a document or a corpus, and its
//! JSON form.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::Metric;
use super::bleu::BleuScore;
use super::chrf::ChrfStats;
use super::fragments::Fragment;
use super::ter::TerStats;

/// One metric's result.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricValue {
    /// The metric.
    pub metric: Metric,
    /// The single-valued score (BLEU and chrF on sacreBLEU's 0–100 scale;
    /// the others as ratios or bits). `None` where the metric is undefined
    /// (novel-N and repeated-N of a summary with no N-gram; js-divergence
    /// with no content word on either side; a corpus mean over no defined value).
    pub score: Option<f64>,
    /// What comes with the score.
    pub details: Details,
}

/// What comes with a score.
#[derive(Debug, Clone, PartialEq)]
pub enum Details {
    /// Nothing.
    None,
    /// BLEU's counts, totals, precisions, brevity penalty and lengths.
    Bleu(BleuScore),
    /// chrF's statistics (not written to JSON; corpus level sums them).
    Chrf(ChrfStats),
    /// TER's edits and mean reference length.
    Ter(TerStats),
    /// The extractive fragments (coverage and density).
    Fragments(Vec<Fragment>),
    /// The token counts behind a compression ratio.
    Compression {
        /// Summary tokens.
        summary_tokens: usize,
        /// Source tokens.
        source_tokens: usize,
    },
    /// A corpus-level mean of a per-document metric, over the documents where it is defined.
    Mean {
        /// Documents with a defined value.
        documents: usize,
    },
}

/// A JSON object: `score`, then the details: BLEU's `counts`, `totals`,
/// `precisions`, `bp`, `sys_len`, `ref_len`; TER's `num_edits` and
/// `ref_length` (sacreBLEU's `TERScore` fields); `fragments` as
/// `[summary_start, source_start, length]` triples; compression's
/// `summary_tokens` and `source_tokens`; a mean's `documents`.
impl Serialize for MetricValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("score", &self.score)?;
        match &self.details {
            Details::None | Details::Chrf(_) => {}
            Details::Bleu(bleu) => {
                map.serialize_entry("counts", &bleu.counts)?;
                map.serialize_entry("totals", &bleu.totals)?;
                map.serialize_entry("precisions", &bleu.precisions)?;
                map.serialize_entry("bp", &bleu.bp)?;
                map.serialize_entry("sys_len", &bleu.sys_len)?;
                map.serialize_entry("ref_len", &bleu.ref_len)?;
            }
            Details::Ter(stats) => {
                // Whole edits: an integer, as sacreBLEU's `num_edits`.
                map.serialize_entry("num_edits", &(stats.edits as u64))?;
                map.serialize_entry("ref_length", &stats.ref_length)?;
            }
            Details::Fragments(fragments) => map.serialize_entry("fragments", fragments)?,
            Details::Compression { summary_tokens, source_tokens } => {
                map.serialize_entry("summary_tokens", summary_tokens)?;
                map.serialize_entry("source_tokens", source_tokens)?;
            }
            Details::Mean { documents } => map.serialize_entry("documents", documents)?,
        }
        map.end()
    }
}
