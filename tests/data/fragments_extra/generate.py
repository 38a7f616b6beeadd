"""Extra extractive-fragment cases from the Newsroom reference code.

Usage (a checkout of https://github.com/lil-lab/newsroom, Apache-2.0; spaCy is
not needed: the tokens are `str.split()`, so its import is stubbed):

    python generate.py /path/to/newsroom > ../fragments_extra_cases.jsonl

Each line: a candidate and a source made of random words from a small, mixed-case
vocabulary (so runs repeat and overlap, and the reference's "continue at the
end of the run" scan matters), with `Fragments(candidate, source,
tokenize=False)`'s overlaps as `[summary_start, source_start, length]`,
coverage, density and compression. Seed 2018.
"""

import importlib.util
import json
import random
import sys
import types

sys.modules["spacy"] = types.SimpleNamespace(load=lambda name: None)
# Load newsroom/analyze/fragments.py alone (the package imports pyrouge).
_spec = importlib.util.spec_from_file_location("fragments", f"{sys.argv[1]}/newsroom/analyze/fragments.py")
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
Fragments = _module.Fragments

VOCABULARY = ["a", "A", "b", "B", "c", "the", "The", "x,", "x", "é", "É", "1"]


def text(rng, length, vocabulary):
    return " ".join(rng.choice(vocabulary) for _ in range(length))


def main():
    rng = random.Random(2018)
    for i in range(400):
        vocabulary = VOCABULARY[: rng.randint(2, len(VOCABULARY))]
        candidate = text(rng, rng.randint(0, 30), vocabulary)
        source = text(rng, rng.randint(0, 60), vocabulary)
        if rng.random() < 0.3:
            start = rng.randint(0, len(source))
            candidate = source[start : start + rng.randint(0, 80)] + " " + candidate
        fragments = Fragments(candidate, source, tokenize=False)
        expected = {
            "fragments": [list(m) for m in fragments.overlaps()],
            "coverage": fragments.coverage(),
            "density": fragments.density(),
            "compression": fragments.compression(),
            "summary_tokens": len(fragments.summary),
            "source_tokens": len(fragments.text),
        }
        print(json.dumps({"id": f"n2018-{i:05d}", "candidate": candidate, "source": source,
                          "expected": expected}, ensure_ascii=False))


if __name__ == "__main__":
    main()
