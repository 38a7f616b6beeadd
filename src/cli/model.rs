//! `--model`, shared by the commands that use a sentence-embedding model:
//! the folder resolved and loaded, with the error a build without the
//! `models` feature gives.

#[cfg(feature = "models")]
use std::path::Path;

/// The error of a model command in a build without the `models` feature.
#[cfg(not(feature = "models"))]
pub fn not_built() -> anyhow::Error {
    anyhow::anyhow!(
        "this sumbench was built without sentence-embedding models\n\
         hint: build it with the `models` feature: cargo install --path . --features models \
         (or cargo run --features models -- ...)"
    )
}

/// The model folder `--model` names, checked and hashed: a local folder, or
/// `hf://OWNER/NAME@REVISION` fetched into the hub cache (the environment's
/// `HubConfig`, as `--dataset`; progress and retries said on stderr) and
/// signed with the hub id.
#[cfg(feature = "models")]
pub fn folder(spec: &str) -> anyhow::Result<sumbench::models::ModelFolder> {
    use sumbench::datasets::{ModelSpec, resolve_model};
    if !ModelSpec::is_hub(spec) {
        return Ok(sumbench::models::ModelFolder::open(Path::new(spec), None)?);
    }
    let hub = ModelSpec::parse(spec)?;
    let config = super::datasets::hub_config(false)?;
    let dir = resolve_model(&hub, &config, &super::datasets::download_bar(false))?;
    Ok(sumbench::models::ModelFolder::open(&dir, Some(&hub.repo))?)
}

/// sentence-transformers' encoder of the `--model` folder.
#[cfg(feature = "models")]
pub fn sentence_encoder(spec: &str) -> anyhow::Result<sumbench::models::SentenceEncoder> {
    Ok(sumbench::models::SentenceEncoder::load(folder(spec)?)?)
}

/// BERTScore's model and options, resolved (the layer) and hashed.
#[cfg(feature = "models")]
pub fn bertscore_setting(
    spec: &str,
    layer: Option<usize>,
    idf: bool,
    baseline: Option<std::path::PathBuf>,
) -> anyhow::Result<sumbench::models::BertScoreSetting> {
    let folder = folder(spec)?;
    let options = sumbench::models::BertScoreOptions { layer, idf, baseline };
    Ok(sumbench::models::BertScorer::setting(&folder, &options))
}

/// Without the feature: `--model` says how to get it.
#[cfg(not(feature = "models"))]
pub fn bertscore_setting(
    _spec: &str,
    _layer: Option<usize>,
    _idf: bool,
    _baseline: Option<std::path::PathBuf>,
) -> anyhow::Result<sumbench::models::BertScoreSetting> {
    Err(not_built())
}

/// The embedding summarizers among `names`, built on the `--model` encoder
/// (one encoder and one vector cache for all of them).
pub fn embedding_summarizers(
    model: Option<&str>,
    names: &[String],
) -> anyhow::Result<Vec<std::sync::Arc<dyn sumbench::Summarizer>>> {
    let wanted = sumbench::summarize::embedding::embedding_names(names);
    let Some(first) = wanted.first() else { return Ok(Vec::new()) };
    let Some(model) = model else {
        anyhow::bail!(
            "summarizer `{first}` needs a sentence-embedding model: give --model DIR (a sentence-transformers folder)"
        )
    };
    build_embedding_summarizers(model, &wanted)
}

#[cfg(feature = "models")]
fn build_embedding_summarizers(
    model: &str,
    names: &[String],
) -> anyhow::Result<Vec<std::sync::Arc<dyn sumbench::Summarizer>>> {
    Ok(sumbench::summarize::embedding::embedding_summarizers(sentence_encoder(model)?, names))
}

#[cfg(not(feature = "models"))]
fn build_embedding_summarizers(
    _model: &str,
    _names: &[String],
) -> anyhow::Result<Vec<std::sync::Arc<dyn sumbench::Summarizer>>> {
    Err(not_built())
}
