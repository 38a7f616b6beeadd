//! `sumbench eval`: metrics beyond ROUGE (see [`sumbench::metrics`]) and
//! other packages' ROUGE (`--rouge-profile`), JSONL in, JSONL out.
//!
//! Input, one JSON object per line (blank lines skipped):
//! `{"id": str|int, "candidate": str, "references"?: [str, ...], "source"?: str}`.
//! Output, one line per input in input order:
//! `{"id": ..., "<metric>": {"score": ..., ...}, ..., "rouge-profile": {"result": ...},
//! "signatures": {"<metric>": "...", ..., "rouge-profile": "..."}}`.
//! Without `--metrics`, the metrics are those whose inputs the first record
//! has (references: bleu, chrf, chrf++; source: the others; none with
//! `--rouge-profile`); every later record must have them too. With
//! `--corpus-level`, one object for the whole input: `{"documents": n, ...}`,
//! BLEU, chrF and TER from summed statistics, the other metrics the mean over
//! the documents where they are defined, a profile by its package's own rule.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use std::sync::Arc;
use sumbench::metrics::bleu::{BleuOptions, MAX_ORDER, Smoothing};
use sumbench::metrics::chrf::{BETA, ChrfOptions};

use sumbench::metrics::tercom::TerOptions;
use sumbench::metrics::tokenizers::BleuTokenizer;
use sumbench::metrics::{
    EvalError, EvalOptions, RecordScorers, SacrebleuOptions, TextTokenizer, evaluate, open_eval_input,
    parse_metrics,
};
use sumbench::profiles::{EvalProfile, ProfileSpec};

/// Arguments of `sumbench eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Comma-separated metrics: bleu, chrf, chrf++, ter, coverage, density, compression,
    /// novel-1…novel-4, repeated-1…repeated-4, js-divergence, dangling, bertscore
    /// (with --model) (default: every
    /// metric whose inputs the first record has, TER aside; none with --rouge-profile).
    #[arg(long, value_delimiter = ',')]
    pub metrics: Vec<String>,
    /// Tokens of the fragment and n-gram metrics: `default` (UAX #29 words,
    /// punctuation its own token) or `whitespace` (Python's str.split()).
    #[arg(long, default_value = "default")]
    pub tokenizer: TextTokenizer,
    /// Print one object for the whole input instead of one per document.
    #[arg(long)]
    pub corpus_level: bool,
    /// The texts' language: an ISO 639-1 code or XL-Sum's name, or auto to detect
    /// each record's (from its source, else its first reference, else its summary).
    /// It decides the JS divergence's words, stop words and stemmer, and is in
    /// every signature.
    #[arg(long, value_name = "CODE", default_value = "en")]
    pub language: sumbench::LanguageChoice,
    /// BLEU's tokenizer (sacreBLEU's `--tokenize`): none, 13a, intl, char or zh.
    #[arg(long, value_name = "NAME", default_value = "13a")]
    pub bleu_tokenize: BleuTokenizer,
    /// BLEU's smoothing (sacreBLEU's `--smooth-method`): none, floor, add-k or exp.
    #[arg(long, value_name = "METHOD", default_value = "exp")]
    pub bleu_smooth: Smoothing,
    /// The value of `floor` (default 0.1) or `add-k` (default 1) smoothing.
    #[arg(long, value_name = "X")]
    pub bleu_smooth_value: Option<f64>,
    /// Lowercase before BLEU's tokenization.
    #[arg(long)]
    pub bleu_lowercase: bool,
    /// BLEU's maximum n-gram order.
    #[arg(long, value_name = "N", default_value_t = MAX_ORDER, value_parser = clap::value_parser!(usize))]
    pub bleu_max_ngram_order: usize,
    /// chrF's β (recall weighs β² times precision).
    #[arg(long, value_name = "BETA", default_value_t = BETA)]
    pub chrf_beta: u32,
    /// Keep whitespace in chrF's character n-grams.
    #[arg(long)]
    pub chrf_whitespace: bool,
    /// chrF as the mean of per-order F scores (chrF++.py's, NLTK's and Moses's smoothing).
    #[arg(long)]
    pub chrf_eps_smoothing: bool,
    /// Lowercase before chrF.
    #[arg(long)]
    pub chrf_lowercase: bool,
    /// Keep case in TER (sacreBLEU's `--ter-case-sensitive`; TER lowercases by default).
    #[arg(long)]
    pub ter_case_sensitive: bool,
    /// Remove punctuation before TER (`--ter-no-punct`).
    #[arg(long)]
    pub ter_no_punct: bool,
    /// Tercom's normalization before TER: entities, punctuation split off (`--ter-normalized`).
    #[arg(long)]
    pub ter_normalized: bool,
    /// CJK characters apart (with --ter-normalized) and CJK punctuation removed
    /// (with --ter-no-punct) before TER (`--ter-asian-support`).
    #[arg(long)]
    pub ter_asian_support: bool,
    /// Another package's ROUGE, exactly: NAME[:init.KEY=VALUE,call.KEY=VALUE,...]
    /// (names and arguments as `sumbench rouge --rouge-profile`). Each line gets
    /// "rouge-profile": {"result": <the package's own return value>}, or
    /// {"error": {"type", "message"}} where the package raises on that line (the
    /// file goes on), and the profile's signature. With --corpus-level, the
    /// package's own corpus rule: {"<key>": {"precision"?, "recall"?, "fmeasure"}}
    /// (rouge, rouge-chinese: get_scores avg=True over every candidate-reference
    /// pair; py-rouge: apply_avg/apply_best; rouge-metric: mode='average'; the
    /// harnesses: their mean; evaluate-rouge: the mean F, the centre of the
    /// bootstrap median evaluate prints under its load-time seed); sumeval, which
    /// has no corpus figure of its own, is refused.
    #[arg(long, value_name = "PROFILE")]
    pub rouge_profile: Option<ProfileSpec>,
    /// The sentence-embedding model of `--metrics bertscore` (a
    /// sentence-transformers folder, or hf://OWNER/NAME@REVISION from the hub
    /// cache; needs the `models` feature). Each line
    /// gets "bertscore": {"precision", "recall", "fmeasure"} and its signature.
    #[arg(long, value_name = "DIR")]
    pub model: Option<String>,
    /// Weigh BERTScore's tokens by IDF over the references of the whole input
    /// (read first, every reference counted as often as it occurs).
    #[arg(long, requires = "model")]
    pub bertscore_idf: bool,
    /// BERTScore's layer [default: the model's last].
    #[arg(long, value_name = "N", requires = "model")]
    pub bertscore_layer: Option<usize>,
    /// Rescale BERTScore with this baseline (bert_score's CSV: LAYER,P,R,F).
    #[arg(long, value_name = "FILE", requires = "model")]
    pub bertscore_baseline: Option<PathBuf>,
    /// JSONL input; `-` or nothing reads stdin.
    pub input: Option<PathBuf>,
}

/// BERTScore's record scorer for `--model` and the `--bertscore-*` flags.
#[cfg(feature = "models")]
fn bertscore_records(model: &str, args: &Args) -> anyhow::Result<Arc<dyn sumbench::metrics::RecordScorer>> {
    let folder = super::model::folder(model)?;
    let options = sumbench::models::BertScoreOptions {
        layer: args.bertscore_layer,
        idf: args.bertscore_idf,
        baseline: args.bertscore_baseline.clone(),
    };
    Ok(Arc::new(sumbench::metrics::bertscore::BertScoreRecords::new(&folder, options)?))
}

/// Without the `models` feature: says how to get it.
#[cfg(not(feature = "models"))]
fn bertscore_records(_model: &str, _args: &Args) -> anyhow::Result<Arc<dyn sumbench::metrics::RecordScorer>> {
    Err(super::model::not_built())
}

/// Scores the input and writes JSONL to stdout.
pub fn run(args: Args) -> anyhow::Result<i32> {
    // `bertscore` is scored by the model, beside the metrics module's own.
    let bertscore = args.metrics.iter().any(|name| name.trim() == sumbench::metrics::BERTSCORE);
    let own: Vec<String> =
        args.metrics.iter().filter(|name| name.trim() != sumbench::metrics::BERTSCORE).cloned().collect();
    let metrics = match (own.is_empty(), args.rouge_profile.is_some() || bertscore) {
        (false, _) => Some(parse_metrics(&own.join(","))?),
        (true, true) => Some(Vec::new()),
        (true, false) => None,
    };
    let mut extra = RecordScorers::default();
    if let Some(spec) = &args.rouge_profile {
        extra.0.push(Arc::new(EvalProfile::new(spec)?));
    }
    if bertscore {
        let Some(model) = &args.model else {
            anyhow::bail!(
                "metric `bertscore` needs a model: give --model DIR (a sentence-transformers folder)"
            );
        };
        extra.0.push(bertscore_records(model, &args)?);
    }
    let options = EvalOptions {
        metrics,
        tokenizer: args.tokenizer,
        corpus_level: args.corpus_level,
        language: args.language,
        sacrebleu: SacrebleuOptions {
            bleu: BleuOptions {
                tokenize: args.bleu_tokenize,
                smooth_method: args.bleu_smooth,
                smooth_value: args.bleu_smooth_value,
                lowercase: args.bleu_lowercase,
                max_ngram_order: args.bleu_max_ngram_order,
                ..BleuOptions::default()
            },
            chrf: ChrfOptions {
                beta: args.chrf_beta,
                lowercase: args.chrf_lowercase,
                whitespace: args.chrf_whitespace,
                eps_smoothing: args.chrf_eps_smoothing,
                ..ChrfOptions::default()
            },
            ter: TerOptions {
                normalized: args.ter_normalized,
                no_punct: args.ter_no_punct,
                asian_support: args.ter_asian_support,
                case_sensitive: args.ter_case_sensitive,
            },
        },
        extra,
    };
    let records = open_eval_input(args.input.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let stdout_error = |error| EvalError::Io { path: PathBuf::from("<stdout>"), error };
    evaluate(records, &options, &mut |output| writeln!(out, "{}", output.to_json()).map_err(stdout_error))?;
    out.flush().map_err(stdout_error)?;
    Ok(0)
}
