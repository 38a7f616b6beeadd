"""Writes cli_expected.json: sacreBLEU 2.6.0's scores and signatures for
cli_input.jsonl under the options of the `sumbench eval` flags
`--bleu-tokenize intl --bleu-smooth floor --bleu-lowercase
--bleu-max-ngram-order 3 --chrf-beta 3 --chrf-whitespace --chrf-eps-smoothing
--chrf-lowercase` (sentence level: `sentence_score` with effective order;
corpus level: `corpus_score`). The sentences are sacreBLEU's README example.

    python cli_expected.py > cli_expected.json
"""
import json

from sacrebleu.metrics import BLEU, CHRF

rows = [json.loads(line) for line in open("cli_input.jsonl")]
bleu_kw = dict(tokenize="intl", smooth_method="floor", lowercase=True, max_ngram_order=3)
chrf_kw = dict(beta=3, whitespace=True, eps_smoothing=True, lowercase=True)
sentence = {"bleu": BLEU(effective_order=True, **bleu_kw), "chrf": CHRF(**chrf_kw),
            "chrf++": CHRF(word_order=2, **chrf_kw)}
corpus = {"bleu": BLEU(**bleu_kw), "chrf": CHRF(**chrf_kw), "chrf++": CHRF(word_order=2, **chrf_kw)}
out = {"sentence": [], "corpus": {}}
for row in rows:
    scores = {name: m.sentence_score(row["candidate"], row["references"]).score for name, m in sentence.items()}
    out["sentence"].append({"scores": scores, "signatures": {n: m.get_signature().format() for n, m in sentence.items()}})
hyps = [row["candidate"] for row in rows]
refs = [[row["references"][k] for row in rows] for k in range(2)]
out["corpus"]["scores"] = {name: m.corpus_score(hyps, refs).score for name, m in corpus.items()}
out["corpus"]["signatures"] = {name: m.get_signature().format() for name, m in corpus.items()}
print(json.dumps(out, indent=1))
