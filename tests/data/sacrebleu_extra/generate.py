"""Extra sacreBLEU 2.6.0 cases for sumbench's metrics conformance tests.

Run with sacreBLEU 2.6.0 installed (`pip install sacrebleu==2.6.0`):

    python generate.py > ../sacrebleu_extra_cases.jsonl

Each line: a candidate, its references (1 to 3; the number varies), and
sacreBLEU's outputs: the 13a tokens of the candidate (as BLEU reads it:
`Tokenizer13a()(candidate.rstrip()).split()`), sentence BLEU with all its
statistics, sentence chrF and chrF++. The last line (`"id": "__corpus__"`)
holds corpus BLEU, chrF and chrF++ over all cases (reference stream k = each
case's k-th reference, None where a case has fewer) and the signatures.
The first cases are hand-written edge cases of the 13a rules and of the
scores; the rest are random strings over an alphabet rich in punctuation,
digits, entities, non-ASCII letters and Python-only whitespace (seed 1313).
"""

import json
import random

import sacrebleu
from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

assert sacrebleu.__version__ == "2.6.0", sacrebleu.__version__

HAND = [
    ("Hello, world!", ["Hello world !"]),
    ("", ["a b c"]),
    ("a b c", [""]),
    ("", [""]),
    ("x", ["x"]),
    ("a b", ["a b"]),
    ("a b c", ["a b c d", "a b"]),
    ("wait... what?!", ["wait . . . what ? !"]),
    ("e.g. U.S.A. 1,000.50 3.5bn x.5 ,5 5, 5.", ["e . g . U . S . A . 1,000.50"]),
    ("1-2 a-1 10-year -5 x-", ["1 - 2 a-1 10 - year"]),
    ("&quot;a&quot; &amp; &lt;b&gt; &amp;quot;", ['" a " & < b >']),
    ("co-\noperate\nnow<skipped> end-\n", ["cooperate now end-"]),
    ("a\u00a0b\u001ec\u001fd\u0085e\u3000f", ["a b c d e f"]),
    ("naïve café «x» — y", ["naive cafe x y"]),
    ("(hi) \"yes\" no. ok ! é. .é ...", ["(hi) yes no ok"]),
    ("The the THE the", ["the THE"]),
    ("a a a a a", ["a a", "a a a"]),
    ("a b a b a b", ["b a b a", "a b"]),
    ("same", ["same", "same"]),
    ("$100 costs 50% more @ 3:30pm #1 ^ ~ ` | \\ / _", ["$ 100 costs 50 % more"]),
    ("don't won't 'quoted' it's", ["do n't won't quoted it 's"]),
    ("  spaced   out  \t text \n", ["spaced out text"]),
]

ALPHABET = list("abcAB xyz ,.-'\"()!?;:&/") + ["&amp;", "&quot;", "<skipped>", "-\n", "\n", "1", "2", "3",
                                                 "é", "ß", "İ", "Σ", "\u00a0", "\u001c", "\u3000", "  ", ".."]
WORDS = ["the", "cat", "sat", "on", "mat", "The", "a", "dog", "ran", "far", "1,000", "3.5", "U.S.", "e-mail"]


def random_text(rng):
    parts = []
    for _ in range(rng.randint(0, 14)):
        if rng.random() < 0.6:
            parts.append(rng.choice(WORDS))
        else:
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 4))))
        parts.append(rng.choice([" ", " ", " ", "", ", ", ". "]))
    return "".join(parts)


def main():
    rng = random.Random(1313)
    cases = list(HAND)
    for _ in range(200):
        candidate = random_text(rng)
        references = [random_text(rng) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.5:
            # Share material so that higher-order n-grams match.
            references[0] = candidate[: len(candidate) // 2] + references[0]
        cases.append((candidate, references))
    tokenizer = Tokenizer13a()
    for i, (candidate, references) in enumerate(cases):
        bleu = sacrebleu.sentence_bleu(candidate, references)
        expected = {
            "tokens": tokenizer(candidate.rstrip()).split(),
            "bleu": {"score": bleu.score, "counts": bleu.counts, "totals": bleu.totals,
                     "precisions": bleu.precisions, "bp": bleu.bp, "sys_len": bleu.sys_len,
                     "ref_len": bleu.ref_len},
            "chrf": {"score": CHRF().sentence_score(candidate, references).score},
            "chrf++": {"score": CHRF(word_order=2).sentence_score(candidate, references).score},
        }
        print(json.dumps({"id": f"x1313-{i:05d}", "candidate": candidate, "references": references,
                          "expected": {"sentence": expected}}, ensure_ascii=False))
    hyps = [c for c, _ in cases]
    most = max(len(r) for _, r in cases)
    streams = [[r[k] if k < len(r) else None for _, r in cases] for k in range(most)]
    bleu, chrf, chrfpp = BLEU(), CHRF(), CHRF(word_order=2)
    b = bleu.corpus_score(hyps, streams)
    corpus = {
        "bleu": {"score": b.score, "counts": b.counts, "totals": b.totals, "precisions": b.precisions,
                 "bp": b.bp, "sys_len": b.sys_len, "ref_len": b.ref_len},
        "chrf": {"score": chrf.corpus_score(hyps, streams).score},
        "chrf++": {"score": chrfpp.corpus_score(hyps, streams).score},
        "signatures": {"bleu": str(bleu.get_signature()), "chrf": str(chrf.get_signature()),
                       "chrf++": str(chrfpp.get_signature())},
    }
    print(json.dumps({"id": "__corpus__", "expected": {"corpus": corpus}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
