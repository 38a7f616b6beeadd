//! Signatures: one `key:value|…` string per metric naming everything that
//! changes its numbers, in sacreBLEU's style. BLEU, chrF and chrF++ carry
//! sacreBLEU 2.6.0's own strings (so they compare with sacreBLEU's output);
//! the others name the implementation, tokens, case, smoothing and
//! `version:sumbench-<crate version>`.

use std::fmt;

use super::Metric;
use super::bleu::BleuOptions;
use super::chrf::{CHRF_PLUS_PLUS_WORD_ORDER, ChrfOptions};
use super::jsd::JS_SMOOTHING;
use super::sacrebleu_options::SacrebleuOptions;
use super::tercom::TerOptions;
use super::tokenizer::TextTokenizer;

/// The sacreBLEU version whose numbers and signatures BLEU and chrF reproduce.
pub const SACREBLEU_VERSION: &str = "2.6.0";

/// `version:` of sumbench's own metrics: `sumbench-<crate version>`.
pub const SUMBENCH_VERSION: &str = concat!("sumbench-", env!("CARGO_PKG_VERSION"));

/// sacreBLEU's `nrefs:`: the number of references per segment, or `var`
/// when segments have different numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefCount {
    /// Every segment has this many references.
    Fixed(usize),
    /// Segments have different numbers of references.
    Variable,
}

impl RefCount {
    /// The count after one more segment with `references` references.
    pub fn with(current: Option<RefCount>, references: usize) -> RefCount {
        match current {
            None => RefCount::Fixed(references),
            Some(RefCount::Fixed(n)) if n == references => RefCount::Fixed(n),
            Some(_) => RefCount::Variable,
        }
    }
}

impl fmt::Display for RefCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefCount::Fixed(n) => write!(f, "{n}"),
            RefCount::Variable => f.write_str("var"),
        }
    }
}

/// Sentence (per document) or corpus level: sacreBLEU's BLEU signature says
/// `eff:yes` for `sentence_bleu` and `eff:no` for `corpus_score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// One document.
    Sentence,
    /// A whole corpus.
    Corpus,
}

/// sacreBLEU's BLEU signature with `BLEU()`'s options, e.g.
/// `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`
/// (`eff:yes` at sentence level, as `sacrebleu.sentence_bleu`).
pub fn bleu_signature(nrefs: RefCount, level: Level) -> String {
    let options = if level == Level::Sentence { BleuOptions::sentence() } else { BleuOptions::default() };
    bleu_signature_with(nrefs, &options)
}

/// sacreBLEU's `BLEUSignature` for `options`, e.g.
/// `nrefs:1|case:lc|eff:no|tok:intl|smooth:floor[0.10]|version:2.6.0`: the
/// smoothing value (given or default) in brackets with two decimals for the
/// methods that take one; `max_ngram_order` is not in it (nor in sacreBLEU's).
pub fn bleu_signature_with(nrefs: RefCount, options: &BleuOptions) -> String {
    let case = if options.lowercase { "lc" } else { "mixed" };
    let eff = if options.effective_order { "yes" } else { "no" };
    let tok = options.tokenize.name();
    let mut smooth = options.smooth_method.name().to_string();
    if options.smooth_method.default_value().is_some()
        && let Some(value) = options.smooth_value()
    {
        smooth.push_str(&format!("[{value:.2}]"));
    }
    format!("nrefs:{nrefs}|case:{case}|eff:{eff}|tok:{tok}|smooth:{smooth}|version:{SACREBLEU_VERSION}")
}

/// sacreBLEU's chrF signature with `CHRF(word_order=…)`'s options, e.g.
/// `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0`.
pub fn chrf_signature(nrefs: RefCount, word_order: usize) -> String {
    chrf_signature_with(nrefs, &ChrfOptions::with_word_order(word_order))
}

/// sacreBLEU's `CHRFSignature` for `options`, e.g.
/// `nrefs:1|case:lc|eff:no|nc:4|nw:2|space:yes|version:2.6.0` (`eff:no`
/// means `eps_smoothing`; β is not in it, nor in sacreBLEU's).
pub fn chrf_signature_with(nrefs: RefCount, options: &ChrfOptions) -> String {
    let case = if options.lowercase { "lc" } else { "mixed" };
    let eff = if options.eps_smoothing { "no" } else { "yes" };
    let space = if options.whitespace { "yes" } else { "no" };
    let (nc, nw) = (options.char_order, options.word_order);
    format!("nrefs:{nrefs}|case:{case}|eff:{eff}|nc:{nc}|nw:{nw}|space:{space}|version:{SACREBLEU_VERSION}")
}

/// sacreBLEU's `TERSignature` for `options`, e.g.
/// `nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0`.
pub fn ter_signature_with(nrefs: RefCount, options: &TerOptions) -> String {
    let yes_no = |flag: bool| if flag { "yes" } else { "no" };
    let case = if options.case_sensitive { "mixed" } else { "lc" };
    format!(
        "nrefs:{nrefs}|case:{case}|tok:tercom|norm:{}|punct:{}|asian:{}|version:{SACREBLEU_VERSION}",
        yes_no(options.normalized),
        yes_no(!options.no_punct),
        yes_no(options.asian_support)
    )
}

/// `signature` with `lang:` and `languages` (ISO 639-1 codes joined by `+`)
/// added before its version (which sacreBLEU's signatures keep last).
pub fn with_language(mut signature: String, languages: &str) -> String {
    let at = signature.rfind("|version:").unwrap_or(signature.len());
    signature.insert_str(at, &format!("|lang:{languages}"));
    signature
}

/// Whether `metric`'s signature names the language. Not for BLEU, chrF,
/// chrF++ and TER: their signatures are sacreBLEU's own, which users match against
/// sacreBLEU's output verbatim, and their numbers do not depend on the
/// language (13a tokenization and characters are the same in every language).
pub fn names_language(metric: Metric) -> bool {
    !matches!(metric, Metric::Bleu | Metric::Chrf | Metric::ChrfPlusPlus | Metric::Ter)
}

/// The signature of `metric`. `nrefs` matters only to BLEU and chrF (`None`
/// when there are no references: `nrefs:0`), `level` only to BLEU,
/// `tokenizer` only to the fragment and n-gram metrics.
pub fn signature(metric: Metric, tokenizer: TextTokenizer, nrefs: Option<RefCount>, level: Level) -> String {
    signature_with(metric, tokenizer, nrefs, level, &SacrebleuOptions::default())
}

/// [`signature`] with BLEU's, chrF's and TER's options from `sacrebleu`.
pub fn signature_with(
    metric: Metric,
    tokenizer: TextTokenizer,
    nrefs: Option<RefCount>,
    level: Level,
    sacrebleu: &SacrebleuOptions,
) -> String {
    let nrefs = nrefs.unwrap_or(RefCount::Fixed(0));
    let tok = tokenizer.signature_name();
    match metric {
        Metric::Bleu => bleu_signature_with(nrefs, &sacrebleu.bleu_at(level)),
        Metric::Chrf => chrf_signature_with(nrefs, &sacrebleu.chrf_with(0)),
        Metric::ChrfPlusPlus => chrf_signature_with(nrefs, &sacrebleu.chrf_with(CHRF_PLUS_PLUS_WORD_ORDER)),
        Metric::Ter => ter_signature_with(nrefs, &sacrebleu.ter),
        Metric::Coverage | Metric::Density | Metric::Compression => {
            format!("impl:newsroom-fragments|tok:{tok}|case:lc|version:{SUMBENCH_VERSION}")
        }
        Metric::Novel(n) | Metric::Repeated(n) => {
            format!("impl:summeval-data-stats|n:{n}|tok:{tok}|case:mixed|version:{SUMBENCH_VERSION}")
        }
        Metric::JsDivergence => format!(
            "impl:js-unigram|tok:uax29-words-lc-snowball-nostop|smooth:add[{JS_SMOOTHING}]|log:2|version:{SUMBENCH_VERSION}"
        ),
        Metric::Dangling => format!(
            "impl:{}|antecedent:previous-sentence|cut:no-terminal|align:exact-ws|version:{SUMBENCH_VERSION}",
            super::dangling::RULE
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sacrebleu_signatures_are_sacrebleus() {
        assert_eq!(
            bleu_signature(RefCount::Fixed(2), Level::Corpus),
            "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"
        );
        assert_eq!(
            signature(
                Metric::ChrfPlusPlus,
                TextTokenizer::Whitespace,
                Some(RefCount::Variable),
                Level::Corpus
            ),
            "nrefs:var|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"
        );
        assert_eq!(RefCount::with(Some(RefCount::with(None, 2)), 1), RefCount::Variable);
    }

    #[test]
    fn option_signatures_are_sacrebleus() {
        // Strings printed by sacreBLEU 2.6.0's `get_signature()` for the same options.
        use crate::metrics::bleu::Smoothing;
        use crate::metrics::tokenizers::BleuTokenizer;
        let bleu = |options| bleu_signature_with(RefCount::Fixed(1), &options);
        let defaults = BleuOptions::default();
        assert_eq!(
            bleu(BleuOptions {
                lowercase: true,
                tokenize: BleuTokenizer::Intl,
                smooth_method: Smoothing::Floor,
                ..defaults
            }),
            "nrefs:1|case:lc|eff:no|tok:intl|smooth:floor[0.10]|version:2.6.0"
        );
        assert_eq!(
            bleu(BleuOptions { smooth_method: Smoothing::AddK, smooth_value: Some(2.0), ..defaults }),
            "nrefs:1|case:mixed|eff:no|tok:13a|smooth:add-k[2.00]|version:2.6.0"
        );
        assert_eq!(
            bleu(BleuOptions { max_ngram_order: 6, ..defaults }),
            "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"
        );
        assert_eq!(
            bleu(BleuOptions {
                effective_order: true,
                smooth_method: Smoothing::Floor,
                smooth_value: Some(0.005),
                ..defaults
            }),
            "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:floor[0.01]|version:2.6.0"
        );
        let chrf = ChrfOptions {
            char_order: 4,
            word_order: 2,
            beta: 3,
            lowercase: true,
            whitespace: true,
            eps_smoothing: true,
        };
        assert_eq!(
            chrf_signature_with(RefCount::Fixed(1), &chrf),
            "nrefs:1|case:lc|eff:no|nc:4|nw:2|space:yes|version:2.6.0"
        );
        assert_eq!(
            ter_signature_with(RefCount::Fixed(1), &TerOptions::default()),
            "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0"
        );
    }

    #[test]
    fn own_signatures_name_tokens_and_version() {
        let version = env!("CARGO_PKG_VERSION");
        assert_eq!(
            signature(Metric::Novel(3), TextTokenizer::Whitespace, None, Level::Sentence),
            format!("impl:summeval-data-stats|n:3|tok:whitespace|case:mixed|version:sumbench-{version}")
        );
        assert_eq!(
            signature(Metric::JsDivergence, TextTokenizer::Uax29, None, Level::Corpus),
            format!(
                "impl:js-unigram|tok:uax29-words-lc-snowball-nostop|smooth:add[0.0005]|log:2|version:sumbench-{version}"
            )
        );
    }
}
