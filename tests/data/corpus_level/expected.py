"""Corpus-level BLEU, chrF and chrF++ of `systems.jsonl` against `corpus.jsonl`'s
references, by sacreBLEU 2.6.0 itself (`pip install sacrebleu==2.6.0`):

    python expected.py > expected.json

Reference stream k holds each document's k-th reference (None where a document
has fewer), as sacreBLEU takes a variable number of references. sumbench's
`corpus_level.csv` must give the same scores and signatures (tests/cli_score.rs).
"""

import json

import sacrebleu
from sacrebleu.metrics import BLEU, CHRF

assert sacrebleu.__version__ == "2.6.0", sacrebleu.__version__

corpus = [json.loads(line) for line in open("corpus.jsonl", encoding="utf-8")]
summaries = {}
for line in open("systems.jsonl", encoding="utf-8"):
    row = json.loads(line)
    summaries.setdefault(row["system"], {})[row["id"]] = row["summary"]

width = max(len(doc["references"]) for doc in corpus)
streams = [[doc["references"][k] if k < len(doc["references"]) else None for doc in corpus] for k in range(width)]
out = {}
for system, by_id in summaries.items():
    hypotheses = [by_id[doc["id"]] for doc in corpus]
    row = {}
    for name, metric in [("bleu", BLEU()), ("chrf", CHRF()), ("chrf++", CHRF(word_order=2))]:
        score = metric.corpus_score(hypotheses, streams)
        row[name] = {"score": score.score, "signature": str(metric.get_signature())}
    out[system] = row
print(json.dumps(out, indent=1, sort_keys=True))
