//! [`SacrebleuOptions`]: the sacreBLEU options a run of BLEU, chrF,
//! chrF++ and TER uses (`sumbench eval --bleu-… --chrf-… --ter-…`), kept
//! together so the document scores, the corpus scores and the signatures agree.

use super::bleu::BleuOptions;
use super::chrf::ChrfOptions;
use super::signature::Level;
use super::tercom::TerOptions;

/// BLEU's, chrF's and TER's options. BLEU's `effective_order` is not taken from
/// here: it follows the level, as in sacreBLEU (`sentence_bleu` uses it,
/// `BLEU().corpus_score` does not); chrF's `word_order` is the metric's
/// (0 for chrF, 2 for chrF++). The default is sacreBLEU's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SacrebleuOptions {
    /// Tokenizer, smoothing, case and maximum n-gram order of BLEU.
    pub bleu: BleuOptions,
    /// Character order, β, case, whitespace and `eps_smoothing` of chrF and chrF++.
    pub chrf: ChrfOptions,
    /// TER's case, normalization, punctuation and Asian-script options.
    pub ter: TerOptions,
}

impl SacrebleuOptions {
    /// BLEU's options at `level` (effective order at sentence level only).
    pub fn bleu_at(&self, level: Level) -> BleuOptions {
        BleuOptions { effective_order: level == Level::Sentence, ..self.bleu }
    }

    /// chrF's options with `word_order` (0: chrF, 2: chrF++).
    pub fn chrf_with(&self, word_order: usize) -> ChrfOptions {
        ChrfOptions { word_order, ..self.chrf }
    }
}
