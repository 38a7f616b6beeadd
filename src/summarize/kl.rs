//! `kl`: PLACEHOLDER until its implementation lands (ranks in document order).

use super::{Budget, BuildOptions, Ranking, Summarizer};
use crate::text::PreparedDocument;

/// Registry name.
pub const NAME: &str = "kl";
/// One-line description for `sumbench list`.
pub const DESCRIPTION: &str = "PLACEHOLDER";

/// Parameters.
#[derive(Debug, Clone, Copy, Default)]
pub struct Params;

impl Params {
    /// Builds the summarizer.
    pub fn build(self, _options: &BuildOptions) -> KlSum {
        KlSum
    }
}

/// The summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct KlSum;

impl Summarizer for KlSum {
    fn name(&self) -> &str {
        NAME
    }

    fn rank(&self, doc: &PreparedDocument, _budget: &Budget) -> Ranking {
        let n = doc.sentences.len();
        Ranking { order: (0..n).collect(), scores: vec![0.0; n] }
    }
}
