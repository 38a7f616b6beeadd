#!/usr/bin/env python3
"""How much slower sumbench's RougeScorer is with a custom tokenizer (any
object with ``tokenize(text)``, called from Python, tokens scored in Rust)
than with its built-in one, side by side (and what the Python class\naround the Rust scorer costs).

The custom tokenizer is ``Plain``: sumbench's own DefaultTokenizer behind a
plain Python class, so both paths see the same tokens and must give the same
scores (checked), and the difference is the custom path's cost: the Python
calls and the token lists crossing into Rust. rouge-score 0.1.2 with the same
tokenizer is timed too when it is installed. Seeded random text: ~100-word
candidates, ~60-word references; rouge1, rouge2, rougeL, rougeLsum; each row
is timed in turns, medians of --repeats runs.

Usage: custom_tokenizer.py [--n 2000] [--repeats 5]
"""

import argparse
import random
import statistics
import time

from sumbench import _sumbench, rouge_scorer, tokenizers

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
WORDS = ("the a of river rivers running runs ran bank banks flood flooded officials said report "
         "reported market markets fell rise rising rose city council children park parks 2024 42 "
         "water roads closed heavy rain Monday shares loss loans cut costs year plans mayor").split()


class Plain:
    """sumbench's DefaultTokenizer as a custom tokenizer (not recognised as built-in)."""

    def __init__(self):
        self._inner = tokenizers.DefaultTokenizer()

    def tokenize(self, text):
        return self._inner.tokenize(text)


def text(rng, words):
    out = []
    for _ in range(words):
        out.append(rng.choice(WORDS))
        if rng.random() < 0.06:
            out.append(".\n")
    return " ".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    pairs = [(text(rng, 60), text(rng, 100)) for _ in range(args.n)]
    rows = {
        "built-in tokenizer": rouge_scorer.RougeScorer(TYPES),
        "custom tokenizer (Plain)": rouge_scorer.RougeScorer(TYPES, tokenizer=Plain()),
        # The Rust class itself: the cost of the Python class around it.
        "built-in, Rust class without the Python wrapper": _sumbench.RougeScorer(TYPES),
    }
    try:
        from rouge_score import rouge_scorer as reference

        rows["rouge-score 0.1.2, Plain"] = reference.RougeScorer(TYPES, tokenizer=Plain())
    except ImportError:
        pass
    builtin, custom = rows["built-in tokenizer"], rows["custom tokenizer (Plain)"]
    for target, prediction in pairs:
        assert builtin.score(target, prediction) == custom.score(target, prediction)
    times = {name: [] for name in rows}
    for _ in range(args.repeats):
        for name, scorer in rows.items():
            start = time.perf_counter()
            for target, prediction in pairs:
                scorer.score(target, prediction)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["built-in tokenizer"])
    print("%d pairs, %s, medians of %d runs in turns" % (args.n, ",".join(TYPES), args.repeats))
    print("| call | median s | × built-in time |\n|---|---:|---:|")
    for name, values in times.items():
        median = statistics.median(values)
        print("| %s | %.3f | %.2f |" % (name, median, median / base))


if __name__ == "__main__":
    main()
