"""Writes this folder: a tiny random sentence-transformers BERT (2 layers, 8
hidden, 2 heads, a 16-word vocabulary; the layout of src/models/tiny.rs),
served by tests/models.rs's stand-in hub for `--model hf://...`. Random
weights from a fixed seed: it tests loading and caching, not numbers.
Needs numpy and safetensors: python make.py (run in this folder)."""

import json
import os

import numpy as np
from safetensors.numpy import save_file

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on", "mat", "dog", "ran", ".",
         "##s", "a", "big"]
HIDDEN, LAYERS, FFN, POSITIONS = 8, 2, 16, 32
rng = np.random.default_rng(7)


def tensor(shape, scale):
    return (rng.uniform(-1.0, 1.0, size=shape) * scale).astype(np.float32)


weights = {
    "embeddings.word_embeddings.weight": tensor((len(VOCAB), HIDDEN), 1.0),
    "embeddings.position_embeddings.weight": tensor((POSITIONS, HIDDEN), 0.3),
    "embeddings.token_type_embeddings.weight": tensor((2, HIDDEN), 0.3),
}


def norm(prefix):
    weights[prefix + ".LayerNorm.weight"] = tensor((HIDDEN,), 0.1) + 1.0
    weights[prefix + ".LayerNorm.bias"] = tensor((HIDDEN,), 0.1)


norm("embeddings")
for layer in range(LAYERS):
    p = "encoder.layer.%d" % layer
    for part in ("query", "key", "value"):
        weights["%s.attention.self.%s.weight" % (p, part)] = tensor((HIDDEN, HIDDEN), 0.5)
        weights["%s.attention.self.%s.bias" % (p, part)] = tensor((HIDDEN,), 0.1)
    weights[p + ".attention.output.dense.weight"] = tensor((HIDDEN, HIDDEN), 0.5)
    weights[p + ".attention.output.dense.bias"] = tensor((HIDDEN,), 0.1)
    norm(p + ".attention.output")
    weights[p + ".intermediate.dense.weight"] = tensor((FFN, HIDDEN), 0.5)
    weights[p + ".intermediate.dense.bias"] = tensor((FFN,), 0.1)
    weights[p + ".output.dense.weight"] = tensor((HIDDEN, FFN), 0.5)
    weights[p + ".output.dense.bias"] = tensor((HIDDEN,), 0.1)
    norm(p + ".output")
save_file(weights, "model.safetensors")


def write(path, value):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as f:
        json.dump(value, f, indent=1)
        f.write("\n")


write("config.json", {
    "model_type": "bert", "vocab_size": len(VOCAB), "hidden_size": HIDDEN, "num_hidden_layers": LAYERS,
    "num_attention_heads": 2, "intermediate_size": FFN, "hidden_act": "gelu",
    "max_position_embeddings": POSITIONS, "type_vocab_size": 2, "layer_norm_eps": 1e-12, "pad_token_id": 0})


def special(i):
    return {"id": i, "content": VOCAB[i], "single_word": False, "lstrip": False, "rstrip": False,
            "normalized": False, "special": True}


cls = {"SpecialToken": {"id": "[CLS]", "type_id": 0}}
write("tokenizer.json", {
    "version": "1.0",
    "truncation": None,
    "padding": None,
    "added_tokens": [special(i) for i in range(5)],
    "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                   "strip_accents": None, "lowercase": True},
    "pre_tokenizer": {"type": "BertPreTokenizer"},
    "post_processor": {
        "type": "TemplateProcessing",
        "single": [cls, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
        "pair": [cls, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                 {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
        "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                           "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}},
    "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
    "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
              "max_input_chars_per_word": 100, "vocab": {w: i for i, w in enumerate(VOCAB)}},
})
write("sentence_bert_config.json", {"max_seq_length": 16, "do_lower_case": False})
write("modules.json", [
    {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
    {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
    {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
])
write("1_Pooling/config.json", {"word_embedding_dimension": HIDDEN, "pooling_mode_cls_token": False,
                                "pooling_mode_mean_tokens": True})

# The expected embeddings, from sentence-transformers itself (run in the venv
# that has it): tests/models.rs compares `sumbench embed` over hf:// with them.
if __name__ == "__main__" and os.environ.get("TINY_EXPECTED"):
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(".", device="cpu")
    texts = [("a", "the cat sat on the mat."), ("b", "A big dog ran"), ("c", "")]
    vectors = model.encode([t for _, t in texts], convert_to_numpy=True)
    with open("expected_embeddings.jsonl", "w") as f:
        for (i, text), vector in zip(texts, vectors):
            ids = model.tokenizer(text)["input_ids"]
            f.write(json.dumps({"id": i, "text": text, "input_ids": ids,
                                "embedding": [float(x) for x in vector]}) + "\n")
