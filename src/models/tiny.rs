//! A tiny random BERT for the unit tests: a whole sentence-transformers folder
//! (2 layers, 8 hidden, 2 heads, a 16-word vocabulary) written to a temporary
//! folder from a fixed seed, so the loader, the network and the scorers run
//! with nothing downloaded.

use std::collections::HashMap;
use std::path::Path;

use candle_core::{Device, Tensor};
use rand::{RngExt, SeedableRng};

/// The vocabulary: ids 0–4 are `[PAD] [UNK] [CLS] [SEP] [MASK]`.
pub const VOCAB: [&str; 16] = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on", "mat", "dog", "ran", ".", "##s",
    "a", "big",
];

const HIDDEN: usize = 8;
const LAYERS: usize = 2;
const FFN: usize = 16;
const POSITIONS: usize = 32;

/// Writes the folder into `dir`; `max_seq_length` is sentence-transformers'
/// cut.
pub fn write(dir: &Path, max_seq_length: usize) {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut tensor = |shape: &[usize], scale: f32| {
        let n: usize = shape.iter().product();
        let values: Vec<f32> = (0..n).map(|_| rng.random_range(-1.0f32..1.0) * scale).collect();
        Tensor::from_vec(values, shape, &Device::Cpu).expect("tensor")
    };
    let mut weights: HashMap<String, Tensor> = HashMap::new();
    let norm = |prefix: &str,
                weights: &mut HashMap<String, Tensor>,
                tensor: &mut dyn FnMut(&[usize], f32) -> Tensor| {
        weights.insert(format!("{prefix}.LayerNorm.weight"), (tensor(&[HIDDEN], 0.1) + 1.0).expect("ones"));
        weights.insert(format!("{prefix}.LayerNorm.bias"), tensor(&[HIDDEN], 0.1));
    };
    weights.insert("embeddings.word_embeddings.weight".into(), tensor(&[VOCAB.len(), HIDDEN], 1.0));
    weights.insert("embeddings.position_embeddings.weight".into(), tensor(&[POSITIONS, HIDDEN], 0.3));
    weights.insert("embeddings.token_type_embeddings.weight".into(), tensor(&[2, HIDDEN], 0.3));
    norm("embeddings", &mut weights, &mut tensor);
    for layer in 0..LAYERS {
        let p = format!("encoder.layer.{layer}");
        for part in ["query", "key", "value"] {
            weights.insert(format!("{p}.attention.self.{part}.weight"), tensor(&[HIDDEN, HIDDEN], 0.5));
            weights.insert(format!("{p}.attention.self.{part}.bias"), tensor(&[HIDDEN], 0.1));
        }
        weights.insert(format!("{p}.attention.output.dense.weight"), tensor(&[HIDDEN, HIDDEN], 0.5));
        weights.insert(format!("{p}.attention.output.dense.bias"), tensor(&[HIDDEN], 0.1));
        norm(&format!("{p}.attention.output"), &mut weights, &mut tensor);
        weights.insert(format!("{p}.intermediate.dense.weight"), tensor(&[FFN, HIDDEN], 0.5));
        weights.insert(format!("{p}.intermediate.dense.bias"), tensor(&[FFN], 0.1));
        weights.insert(format!("{p}.output.dense.weight"), tensor(&[HIDDEN, FFN], 0.5));
        weights.insert(format!("{p}.output.dense.bias"), tensor(&[HIDDEN], 0.1));
        norm(&format!("{p}.output"), &mut weights, &mut tensor);
    }
    candle_core::safetensors::save(&weights, dir.join("model.safetensors")).expect("weights");
    let config = serde_json::json!({
        "model_type": "bert", "vocab_size": VOCAB.len(), "hidden_size": HIDDEN, "num_hidden_layers": LAYERS,
        "num_attention_heads": 2, "intermediate_size": FFN, "hidden_act": "gelu",
        "max_position_embeddings": POSITIONS, "type_vocab_size": 2, "layer_norm_eps": 1e-12, "pad_token_id": 0
    });
    std::fs::write(dir.join("config.json"), config.to_string()).expect("config");
    let vocab: serde_json::Map<String, serde_json::Value> =
        VOCAB.iter().enumerate().map(|(id, word)| (word.to_string(), id.into())).collect();
    let special = |id: usize| {
        serde_json::json!({"id": id, "content": VOCAB[id], "single_word": false, "lstrip": false, "rstrip": false,
            "normalized": false, "special": true})
    };
    let tokenizer = serde_json::json!({
        "version": "1.0",
        "truncation": {"max_length": 4, "strategy": "LongestFirst", "stride": 0},
        "padding": {"strategy": {"Fixed": 12}, "direction": "Right", "pad_to_multiple_of": null, "pad_id": 0,
            "pad_type_id": 0, "pad_token": "[PAD]"},
        "added_tokens": [special(0), special(1), special(2), special(3), special(4)],
        "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
            "strip_accents": null, "lowercase": true},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
            "max_input_chars_per_word": 100, "vocab": vocab}
    });
    std::fs::write(dir.join("tokenizer.json"), tokenizer.to_string()).expect("tokenizer");
    std::fs::write(
        dir.join("sentence_bert_config.json"),
        format!("{{\"max_seq_length\": {max_seq_length}}}"),
    )
    .expect("sentence config");
    std::fs::write(
        dir.join("modules.json"),
        r#"[{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},
            {"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"},
            {"idx":2,"name":"2","path":"2_Normalize","type":"sentence_transformers.models.Normalize"}]"#,
    )
    .expect("modules");
    std::fs::create_dir_all(dir.join("1_Pooling")).expect("pooling folder");
    std::fs::write(
        dir.join("1_Pooling/config.json"),
        r#"{"word_embedding_dimension": 8, "pooling_mode_cls_token": false, "pooling_mode_mean_tokens": true}"#,
    )
    .expect("pooling");
}
