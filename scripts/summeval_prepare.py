#!/usr/bin/env python3
"""Prepares SummEval's system outputs for `sumbench score` and `sumbench meta`
(standard library only).

    summeval_prepare.py split SYSTEM_OUTPUTS.jsonl OUT_DIR
        One OUT_DIR/<system>.jsonl of {"id", "summary"} per system (the
        `sumbench score --summaries` format), lines in file order.

    summeval_prepare.py rouge155-input SYSTEM_OUTPUTS.jsonl DOCUMENTS.jsonl OUT.jsonl
        One {"id": "<system>\\t<doc id>", "candidate", "references"} line per
        summary, for `sumbench rouge --mode rouge155` (each text is one line,
        as SummEval's pyrouge wrapper writes it).

    summeval_prepare.py rouge155-csv ROUGE155_OUTPUT.jsonl SUFFIX OUT_scores.csv
        Turns that command's output into a scores.csv (metric names get SUFFIX,
        e.g. rouge1 -> rouge1-155) that `sumbench meta` reads like a run's.
"""
import csv
import json
import os
import sys


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def one_line(text):
    return " ".join(text.split())


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "split" and len(argv) == 4:
        os.makedirs(argv[3], exist_ok=True)
        by_system = {}
        for row in read_jsonl(argv[2]):
            by_system.setdefault(row["system"], []).append({"id": row["id"], "summary": row["summary"]})
        for system, rows in sorted(by_system.items()):
            with open(os.path.join(argv[3], f"{system}.jsonl"), "w", encoding="utf-8") as f:
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif command == "rouge155-input" and len(argv) == 5:
        references = {d["id"]: d["references"] for d in read_jsonl(argv[3])}
        with open(argv[4], "w", encoding="utf-8") as f:
            for row in read_jsonl(argv[2]):
                line = {
                    "id": f"{row['system']}\t{row['id']}",
                    "candidate": one_line(row["summary"]),
                    "references": [one_line(r) for r in references[row["id"]]],
                }
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
    elif command == "rouge155-csv" and len(argv) == 5:
        suffix = argv[3]
        with open(argv[4], "w", newline="", encoding="utf-8") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["corpus", "doc_id", "summarizer", "metric", "precision", "recall", "fmeasure", "budget"])
            for row in read_jsonl(argv[2]):
                system, doc_id = row.pop("id").split("\t")
                for metric, s in row.items():
                    if isinstance(s, dict):
                        out.writerow(["summeval-cnndm", doc_id, system, metric + suffix,
                                      s["precision"], s["recall"], s["fmeasure"], ""])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
