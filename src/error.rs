//! [`Error`]: the crate's one error type, for a caller that wants a single
//! `?` across modules. Each module keeps its own precise error (which names
//! the file, line and field); this enum only gathers them, so `Display` is
//! the module error's own message and `source()` its cause.

/// Any error the library returns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A corpus that cannot be read (file, line, field).
    #[error(transparent)]
    Corpus(#[from] crate::corpus::CorpusError),
    /// A dataset that cannot be had from the hub or the cache.
    #[error(transparent)]
    Dataset(#[from] crate::datasets::DatasetError),
    /// A run or `score` that cannot go on.
    #[error(transparent)]
    Harness(#[from] crate::harness::HarnessError),
    /// A bad run setting (budget, summarizer list).
    #[error(transparent)]
    Plan(#[from] crate::harness::plan::PlanError),
    /// A run directory that cannot be written or read back.
    #[error(transparent)]
    RunDir(#[from] crate::rundir::RunDirError),
    /// A `scores.csv` that cannot be read.
    #[error(transparent)]
    Scores(#[from] crate::rundir::ReadError),
    /// Runs that cannot be compared.
    #[error(transparent)]
    CompareRuns(#[from] crate::rundir::CompareRunsError),
    /// Score rows that cannot be compared.
    #[error(transparent)]
    Compare(#[from] crate::report::compare::CompareError),
    /// A named baseline that cannot be written.
    #[error(transparent)]
    Baseline(#[from] crate::rundir::BaselineError),
    /// A bad `--shard`.
    #[error(transparent)]
    Shard(#[from] crate::rundir::BadShard),
    /// Candidate lines that cannot be evaluated.
    #[error(transparent)]
    Eval(#[from] crate::metrics::EvalError),
    /// An unknown metric name, or a bad list of them.
    #[error(transparent)]
    MetricSpec(#[from] crate::metrics::MetricSpecError),
    /// An unknown metric beyond ROUGE, or a bad list of them.
    #[error(transparent)]
    MetricList(#[from] crate::metrics::MetricListError),
    /// A metric without the input it needs (references, source).
    #[error(transparent)]
    MissingInput(#[from] crate::metrics::MissingInput),
    /// Summed statistics that do not fit their metric.
    #[error(transparent)]
    Stats(#[from] crate::metrics::BadStats),
    /// An unknown tokenizer of the metrics beyond ROUGE.
    #[error(transparent)]
    Tokenizer(#[from] crate::metrics::UnknownTokenizer),
    /// An unknown ROUGE tokenizer profile.
    #[error(transparent)]
    RougeTokenizer(#[from] crate::rouge::UnknownRougeTokenizer),
    /// An unknown rouge-score metric.
    #[error(transparent)]
    RougeMetric(#[from] crate::rouge::UnknownMetric),
    /// An unknown ROUGE-1.5.5 metric.
    #[error(transparent)]
    Rouge155Metric(#[from] crate::rouge155::UnknownMetric),
    /// Candidate–reference pairs that cannot be read.
    #[error(transparent)]
    Pairs(#[from] crate::pairs::PairsError),
    /// An unknown summarizer.
    #[error(transparent)]
    UnknownSummarizer(#[from] crate::summarize::UnknownSummarizer),
    /// A text that cannot be summarized on its own.
    #[error(transparent)]
    Summarize(#[from] crate::summarize::SummarizeError),
    /// Judgments or run scores that meta-evaluation cannot use.
    #[error(transparent)]
    Meta(#[from] crate::meta::MetaError),
    /// A sentence-embedding model that cannot be used.
    #[error(transparent)]
    Model(#[from] crate::models::ModelError),
    /// A human-judgments file that cannot be read.
    #[error(transparent)]
    Judgments(#[from] crate::meta::JudgmentsError),
    /// A chart that cannot be drawn.
    #[error(transparent)]
    Svg(#[from] crate::report::SvgError),
    /// An empty list, or a name listed twice.
    #[error(transparent)]
    List(#[from] crate::names::ListError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_module_error_converts_and_keeps_its_message() {
        fn run() -> Result<(), Error> {
            "3x".parse::<crate::harness::plan::BudgetSpec>()?;
            Ok(())
        }
        let error = run().unwrap_err();
        assert!(matches!(error, Error::Plan(_)));
        let plain = "3x".parse::<crate::harness::plan::BudgetSpec>().unwrap_err();
        assert_eq!(error.to_string(), plain.to_string());
        let shard: Error = "0/2".parse::<crate::rundir::Shard>().unwrap_err().into();
        assert_eq!(shard.to_string(), "bad shard `0/2`: expected K/N with 1 <= K <= N, e.g. 1/4");
    }
}
