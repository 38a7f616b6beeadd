//! BERTScore (Zhang et al., ICLR 2020) as `bert_score` 0.3.13 computes it:
//! greedy cosine matching of token vectors, optional IDF weights, the maximum
//! over several references, optional baseline rescaling, and bert_score's
//! hash string.
//!
//! The rules, each as bert_score has it (README-models.md of the conformance
//! set states them with the evidence):
//! - a text is stripped, then tokenized with `[CLS]` and `[SEP]` and cut to
//!   the model's `model_max_length` (512), not the sentence length (256);
//! - token vectors are the chosen layer's hidden states, each unit length;
//!   similarities run over every token of both texts, `[CLS]` and `[SEP]`
//!   included, but those two weigh 0;
//! - P = Σᵢ w(cᵢ)·maxⱼ sim(i, j) / Σᵢ w(cᵢ), R the same from the reference's
//!   side, F = 2PR/(P+R) (0 when that is not a number);
//! - a candidate or reference that is only `[CLS][SEP]` scores 0, 0, 0;
//! - IDF: w(t) = ln((N+1)/(df(t)+1)) over the N references of the whole
//!   input (each counted as often as it occurs; df counts references holding
//!   the id), ln(N+1) for an id in none; without IDF every weight is 1;
//! - several references: P, R and F are each the maximum over the
//!   references, separately;
//! - each pair is scored on its own: bert_score's default batches pad pairs
//!   to a common length and let the padding's similarity 0 into the max,
//!   which makes a pair's score depend on its neighbours; that artifact is
//!   not reproduced.

use std::collections::HashMap;
use std::path::Path;

use super::encoder::{Encoder, normalize};
use super::folder::ModelFolder;
use super::network::TokenStates;
use super::{BertScoreSetting, ModelError, bert_score_hash};

/// Precision, recall and F1 of one candidate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BertScore {
    /// Greedy-matched similarity of the candidate's tokens.
    pub precision: f64,
    /// Greedy-matched similarity of the reference's tokens.
    pub recall: f64,
    /// Their harmonic mean.
    pub fmeasure: f64,
}

/// How BERTScore is computed.
#[derive(Clone, Debug, Default)]
pub struct BertScoreOptions {
    /// The layer whose hidden states are matched (`None`: the last).
    pub layer: Option<usize>,
    /// Weigh tokens by IDF over the references of the input.
    pub idf: bool,
    /// A baseline file (bert_score's CSV: `LAYER,P,R,F`) to rescale with.
    pub baseline: Option<std::path::PathBuf>,
}

/// Token weights: IDF over a set of references, or 1 for every token.
#[derive(Clone, Debug)]
pub struct TokenWeights {
    idf: Option<(HashMap<u32, f64>, f64)>,
    specials: [u32; 2],
}

impl TokenWeights {
    /// Weight of token `id`.
    pub fn weight(&self, id: u32) -> f64 {
        if self.specials.contains(&id) {
            return 0.0;
        }
        match &self.idf {
            None => 1.0,
            Some((idf, unseen)) => idf.get(&id).copied().unwrap_or(*unseen),
        }
    }
}

/// A BERTScore scorer: the model cut to its layer, the options and the hash.
pub struct BertScorer {
    encoder: Encoder,
    layer: usize,
    options: BertScoreOptions,
    baseline: Option<[f64; 3]>,
    hash: String,
    specials: [u32; 2],
}

impl BertScorer {
    /// Loads the model's tokenizer (cut at `model_max_length`) and its first
    /// `layer` layers, and reads the baseline.
    pub fn new(folder: &ModelFolder, options: BertScoreOptions) -> Result<BertScorer, ModelError> {
        let layer = options.layer.unwrap_or(folder.bert.num_hidden_layers);
        let encoder = Encoder::load(folder, folder.model_max_length, layer)?;
        let baseline = options.baseline.as_deref().map(|path| read_baseline(path, layer)).transpose()?;
        let specials = special_ids(&encoder)?;
        let hash = bert_score_hash(&folder.name, layer, options.idf, options.baseline.is_some());
        Ok(BertScorer { encoder, layer, options, baseline, hash, specials })
    }

    /// What a run records of BERTScore on `folder` with `options` (the layer
    /// resolved to the last when none is given).
    pub fn setting(folder: &ModelFolder, options: &BertScoreOptions) -> BertScoreSetting {
        BertScoreSetting {
            model: folder.dir.clone(),
            name: folder.name.clone(),
            weights_sha256: folder.weights_sha256.clone(),
            layer: options.layer.unwrap_or(folder.bert.num_hidden_layers),
            idf: options.idf,
            baseline: options.baseline.clone(),
        }
    }

    /// The scorer a recorded setting describes; weights whose SHA-256 is not
    /// the recorded one are refused.
    pub fn from_setting(setting: &BertScoreSetting) -> Result<BertScorer, ModelError> {
        let folder = ModelFolder::open(&setting.model, Some(&setting.name))?;
        if folder.weights_sha256 != setting.weights_sha256 {
            return Err(ModelError::Changed {
                path: folder.weights(),
                expected: setting.weights_sha256.clone(),
                found: folder.weights_sha256,
            });
        }
        let options = BertScoreOptions {
            layer: Some(setting.layer),
            idf: setting.idf,
            baseline: setting.baseline.clone(),
        };
        BertScorer::new(&folder, options)
    }

    /// The layer matched.
    pub fn layer(&self) -> usize {
        self.layer
    }

    /// bert_score's hash string for these settings
    /// (`MODEL_L6_no-idf_version=0.3.12(hug_trans=5.25.0)`).
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The weights for scoring candidates against `references` (all
    /// references of the input, as bert_score computes IDF for one call).
    pub fn weights<S: AsRef<str>>(&self, references: &[S]) -> Result<TokenWeights, ModelError> {
        if !self.options.idf {
            return Ok(TokenWeights { idf: None, specials: self.specials });
        }
        let mut df: HashMap<u32, usize> = HashMap::new();
        for reference in references {
            let mut ids = self.encoder.ids(strip(reference.as_ref()))?;
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                *df.entry(id).or_default() += 1;
            }
        }
        let n = references.len() as f64;
        let idf = df.into_iter().map(|(id, count)| (id, ((n + 1.0) / (count as f64 + 1.0)).ln())).collect();
        Ok(TokenWeights { idf: Some((idf, (n + 1.0).ln())), specials: self.specials })
    }

    /// Each text's unit token vectors, computed in batches.
    pub fn encode<S: AsRef<str>>(&self, texts: &[S]) -> Result<Vec<TokenStates>, ModelError> {
        let stripped: Vec<&str> = texts.iter().map(|text| strip(text.as_ref())).collect();
        let mut states = self.encoder.states(&stripped)?;
        let width = self.encoder.hidden();
        for text in &mut states {
            text.states.chunks_mut(width).for_each(normalize);
        }
        Ok(states)
    }

    /// The score of a candidate against its references (the maximum of each
    /// of P, R, F over them), rescaled if a baseline was given. `None` without
    /// references.
    pub fn score(
        &self,
        candidate: &TokenStates,
        references: &[&TokenStates],
        weights: &TokenWeights,
    ) -> Option<BertScore> {
        let mut best: Option<BertScore> = None;
        for reference in references {
            let score = pair_score(candidate, reference, weights);
            best = Some(match best {
                None => score,
                Some(best) => BertScore {
                    precision: best.precision.max(score.precision),
                    recall: best.recall.max(score.recall),
                    fmeasure: best.fmeasure.max(score.fmeasure),
                },
            });
        }
        best.map(|score| match self.baseline {
            None => score,
            Some([p, r, f]) => BertScore {
                precision: (score.precision - p) / (1.0 - p),
                recall: (score.recall - r) / (1.0 - r),
                fmeasure: (score.fmeasure - f) / (1.0 - f),
            },
        })
    }
}

/// One candidate against one reference: greedy matching of unit token vectors.
pub fn pair_score(candidate: &TokenStates, reference: &TokenStates, weights: &TokenWeights) -> BertScore {
    let zero = BertScore { precision: 0.0, recall: 0.0, fmeasure: 0.0 };
    let only_specials = |text: &TokenStates| text.ids.iter().all(|&id| weights.specials.contains(&id));
    if only_specials(candidate) || only_specials(reference) {
        return zero;
    }
    let (rows, columns) = (candidate.ids.len(), reference.ids.len());
    let mut best_row = vec![f64::NEG_INFINITY; rows];
    let mut best_column = vec![f64::NEG_INFINITY; columns];
    for (i, best) in best_row.iter_mut().enumerate() {
        let a = candidate.row(i);
        for (j, column) in best_column.iter_mut().enumerate() {
            let similarity = dot(a, reference.row(j));
            *best = best.max(similarity);
            *column = column.max(similarity);
        }
    }
    let weighted = |ids: &[u32], best: &[f64]| {
        let total: f64 = ids.iter().map(|&id| weights.weight(id)).sum();
        ids.iter().zip(best).map(|(&id, best)| weights.weight(id) * best).sum::<f64>() / total
    };
    let precision = weighted(&candidate.ids, &best_row);
    let recall = weighted(&reference.ids, &best_column);
    let fmeasure = 2.0 * precision * recall / (precision + recall);
    BertScore {
        precision: if precision.is_nan() { 0.0 } else { precision },
        recall: if recall.is_nan() { 0.0 } else { recall },
        fmeasure: if fmeasure.is_nan() { 0.0 } else { fmeasure },
    }
}

fn dot(a: &[f32], b: &[f32]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>() as f64
}

/// Python's `str.strip()`: Unicode whitespace and the separators
/// U+001C–U+001F that Python also counts.
fn strip(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
}

/// `[CLS]` and `[SEP]`: the first and last id of the empty text.
fn special_ids(encoder: &Encoder) -> Result<[u32; 2], ModelError> {
    match encoder.ids("")?.as_slice() {
        [cls, sep] => Ok([*cls, *sep]),
        other => Err(ModelError::Compute(format!(
            "the empty text encodes to {other:?}, not [CLS] [SEP]: BERTScore needs a BERT tokenizer"
        ))),
    }
}

/// The `P,R,F` baseline of `layer` from bert_score's CSV (`LAYER,P,R,F`).
fn read_baseline(path: &Path, layer: usize) -> Result<[f64; 3], ModelError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| ModelError::Read { path: path.to_path_buf(), source })?;
    let bad = |line: usize, what: String| ModelError::Unsupported {
        path: path.to_path_buf(),
        what: format!("line {line}: {what}"),
    };
    let mut lines = text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty());
    let header: Vec<&str> =
        lines.next().map(|(_, line)| line.split(',').map(str::trim).collect()).unwrap_or_default();
    if header != ["LAYER", "P", "R", "F"] {
        return Err(bad(1, "a bert_score baseline starts with the header LAYER,P,R,F".into()));
    }
    for (index, line) in lines {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let number = |i: usize| -> Result<f64, ModelError> {
            fields
                .get(i)
                .and_then(|field| field.parse::<f64>().ok())
                .ok_or_else(|| bad(index + 1, format!("field {} is not a number", header[i])))
        };
        if fields.len() != 4 {
            return Err(bad(index + 1, format!("{} fields, expected 4", fields.len())));
        }
        if number(0)? as usize == layer {
            return Ok([number(1)?, number(2)?, number(3)?]);
        }
    }
    Err(bad(0, format!("no row for layer {layer}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(ids: &[u32], rows: &[[f32; 2]]) -> TokenStates {
        TokenStates { ids: ids.to_vec(), states: rows.iter().flatten().copied().collect() }
    }

    fn plain() -> TokenWeights {
        TokenWeights { idf: None, specials: [101, 102] }
    }

    #[test]
    fn greedy_matching_by_hand() {
        // Candidate: [CLS] a [SEP]; reference: [CLS] b c [SEP], unit vectors in 2-D.
        // a = (1, 0); b = (0, 1); c = (0.6, 0.8); CLS = SEP = (1, 0) on both sides.
        let candidate = text(&[101, 1, 102], &[[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]]);
        let reference = text(&[101, 2, 3, 102], &[[1.0, 0.0], [0.0, 1.0], [0.6, 0.8], [1.0, 0.0]]);
        let score = pair_score(&candidate, &reference, &plain());
        // P: a's best match is CLS/SEP of the reference: 1.0 (weights: only a counts).
        assert!((score.precision - 1.0).abs() < 1e-6);
        // R: b's best is 0 (all candidate tokens are (1, 0)), c's best 0.6: (0 + 0.6) / 2.
        assert!((score.recall - 0.3).abs() < 1e-6);
        // F = 2·1·0.3 / 1.3.
        assert!((score.fmeasure - 0.6 / 1.3).abs() < 1e-6);
    }

    #[test]
    fn an_empty_side_scores_zero() {
        let empty = text(&[101, 102], &[[1.0, 0.0], [1.0, 0.0]]);
        let word = text(&[101, 5, 102], &[[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]]);
        let zero = BertScore { precision: 0.0, recall: 0.0, fmeasure: 0.0 };
        assert_eq!(pair_score(&empty, &word, &plain()), zero);
        assert_eq!(pair_score(&word, &empty, &plain()), zero);
    }

    #[test]
    fn idf_weights_follow_the_formula() {
        // Two references holding id 7; N = 3: ln(4/3); id 8 in none: ln(4).
        let idf = HashMap::from([(7u32, (4.0f64 / 3.0).ln())]);
        let weights = TokenWeights { idf: Some((idf, 4.0f64.ln())), specials: [101, 102] };
        assert_eq!(weights.weight(101), 0.0);
        assert!((weights.weight(7) - 0.287_682_072).abs() < 1e-9);
        assert!((weights.weight(8) - 1.386_294_361).abs() < 1e-9);
    }

    #[test]
    fn python_strip() {
        assert_eq!(strip("\u{1f} a b\u{3000}\n"), "a b");
    }
}
