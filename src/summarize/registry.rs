//! The name → constructor table behind `sumbench list` and `--summarizers`.

use super::Summarizer;

/// Settings every constructor may use.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Seed for randomized summarizers.
    pub seed: u64,
    /// The report's ROUGE tokenizer, which the oracle aims at.
    pub rouge_tokenizer: crate::rouge::RougeTokenizer,
}

/// One registered summarizer.
pub struct Entry {
    /// Registry name.
    pub name: &'static str,
    /// One-line description (algorithm and paper).
    pub description: &'static str,
    /// Builds it with default parameters.
    pub build: fn(&BuildOptions) -> Box<dyn Summarizer>,
}

/// A summarizer name that is not registered.
#[derive(Debug, Clone, thiserror::Error)]
#[error("unknown summarizer `{}`; known: {known}", .0, known = known_names())]
pub struct UnknownSummarizer(pub String);

/// The registered names, comma-separated, for error messages.
fn known_names() -> String {
    registry().iter().map(|e| e.name).collect::<Vec<_>>().join(", ")
}

macro_rules! entries {
    ($($module:ident),* $(,)?) => {
        &[$(Entry {
            name: super::$module::NAME,
            description: super::$module::DESCRIPTION,
            build: |options| Box::new(super::$module::Params::default().build(options)),
        }),*]
    };
}

/// Every built-in summarizer, in report order (baselines first, oracle last).
pub fn registry() -> &'static [Entry] {
    entries![
        lead, random, luhn, edmundson, lsa, lexrank, textrank, sumbasic, kl, reduction, centroid, mmr,
        oracle,
    ]
}

/// Builds the summarizer called `name` with default parameters.
pub fn build(name: &str, options: &BuildOptions) -> Result<Box<dyn Summarizer>, UnknownSummarizer> {
    registry()
        .iter()
        .find(|e| e.name == name)
        .map(|e| (e.build)(options))
        .ok_or_else(|| UnknownSummarizer(name.to_string()))
}
