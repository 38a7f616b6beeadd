"""Sentences per second of sentence-transformers' encode on one CPU thread,
for comparison with `sumbench embed` on the same input (README, "Models").

    python scripts/encoder_speed.py MODEL_DIR INPUT.jsonl [REPEATS]

INPUT: JSONL {"id", "text"} lines (what `sumbench embed` reads). Prints one
line per timed run: seconds and sentences per second (model loading and one
warm-up call not timed).
"""
import json
import sys
import time

import torch
from sentence_transformers import SentenceTransformer

torch.set_num_threads(1)
model_dir, path = sys.argv[1], sys.argv[2]
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
model = SentenceTransformer(model_dir, device="cpu")
model.encode(texts[:32], batch_size=32)
for _ in range(repeats):
    start = time.perf_counter()
    model.encode(texts, batch_size=32)
    seconds = time.perf_counter() - start
    print(f"sentence-transformers {seconds:.2f} s {len(texts) / seconds:.1f} sentences/s")
