#!/usr/bin/env python3
"""Writes starting inputs for every fuzz target into fuzz/corpus/<target>/.

libFuzzer finds deep paths much sooner from realistic inputs than from empty
ones. The seeds are cut from the shared material (../shared by default, or
$SUMBENCH_SHARED): Golden Rules texts, SummEval articles and references,
rouge-score conformance cases, and a scores.csv from the committed reference
run. Each seed is at most 4 KB (libFuzzer's default -max_len grows to 4096).

Usage (from the repository root):  python3 fuzz/seeds.py
"""

import csv
import io
import json
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(os.environ.get("SUMBENCH_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "fuzz" / "corpus"
SEP = b"\xff"
LIMIT = 4096


def lines(path, count):
    with open(path, encoding="utf-8") as f:
        for _, line in zip(range(count), f):
            yield json.loads(line)


def write(target, name, data):
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data[:LIMIT])


def main():
    rules = list(lines(SHARED / "conformance/golden_rules_en.jsonl", 48))
    articles = list(lines(SHARED / "corpora/summeval-cnndm/documents.jsonl", 12))
    cases = list(lines(SHARED / "conformance/rouge_cases.jsonl", 40))
    for i, rule in enumerate(rules):
        text = rule["text"].encode()
        write("sentence_spans", f"rule{i}", text)
        write("tokenizer", f"rule{i}", b"A title" + SEP + text)
    for i, doc in enumerate(articles):
        text = doc["text"].encode()
        refs = [r.encode() for r in doc["references"][:3]]
        write("sentence_spans", f"article{i}", text)
        write("tokenizer", f"article{i}", text)
        write("rouge", f"article{i}", bytes([i & 1, 0x85 if i % 3 else 0x03]) + SEP.join([text[:1500], *refs]))
        write("rouge155", f"article{i}", bytes([i & 7, 40, 12]) + SEP.join([text[:1500], *refs]))
        line = json.dumps({"id": doc["id"], "text": doc["text"][:1500], "references": doc["references"][:2]})
        write("corpus_jsonl", f"article{i}", (line + "\n").encode())
        story = doc["text"][:1500] + "".join(f"\n\n@highlight\n\n{r}" for r in doc["references"][:3])
        write("corpus_story", f"article{i}", story.encode())
        write("corpus_dir", f"article{i}", bytes([i & 31]) + SEP.join([text[:1500], b"Title", *refs]))
    for i, case in enumerate(cases):
        cand, refs = case.get("candidate", ""), case.get("references") or [case.get("reference", "")]
        write("rouge", f"case{i}", bytes([i & 1, 0xFF & (i * 37)]) + SEP.join([cand.encode(), *[r.encode() for r in refs]]))
        write("rouge155", f"case{i}", bytes([i & 31, i, i % 20]) + SEP.join([cand.encode(), *[r.encode() for r in refs]]))
    scores = ROOT / "results/reference/scores.csv"
    with open(scores, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for i in range(8):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([rows[0], *rows[1 + i * 7: 8 + i * 7]])
        write("scores_csv", f"reference{i}", buf.getvalue().encode())
    print(f"seeds written under {OUT}")


if __name__ == "__main__":
    main()
