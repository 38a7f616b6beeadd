"""Golden data for sumbench's py-rouge profile, made with the real packages.

Run (py-rouge needs NLTK's punkt_tab model at run time, see README.md here):

    python3 -m venv venv && venv/bin/pip install nltk==3.10.4 py-rouge==1.1
    NLTK_DATA=/path/to/nltk_data venv/bin/python generate.py CORPUS_DIR OUT_DIR

Writes into OUT_DIR:
- porter_original_stems.tsv: word, NLTK PorterStemmer('ORIGINAL_ALGORITHM')
  stem, NLTK PorterStemmer() (NLTK_EXTENSIONS) stem, for the distinct words
  of CORPUS_DIR/billsum/documents.jsonl as py-rouge cleans them (lowercase,
  [^a-z0-9] -> space, more than 3 characters) plus a list of words written
  to reach every rule of both modes;
- cases.jsonl: py-rouge's own output (or exception) for option sets beyond
  the shared conformance file, on texts of the shared file
  (tests/data/rouge_profiles/py-rouge.jsonl) and edge strings written here;
- corpus.jsonl: get_scores(all_hypotheses, all_references) on small corpora.

Every option set runs in a fresh Python process: py-rouge loads its stemmer
and WordNet tables once per process, from the first Rouge object built.
"""

import json
import os
import random
import re
import subprocess
import sys

EDGE = [
    "",
    "   ",
    "\n\n",
    "I cannot go, we're gonna wanna run; gimme lemme gotta.",
    "Cannot CANNOT cannoted xcannoty cannots can not",
    "İstanbul \u212aelvin café naïve Straße",
    "The cat sat on the mat\nthe cat sat\n\non the mat\n",
    "a a a a b b b a b a b",
    "Relational conditional rationality valenci hesitanci digitizer conformabli radicalli",
    "feed agreed plastered bled motoring sing conflated troubled sized hopping falling filing failing",
    "happy sky enjoy spy fly try dying lying tying news innings outings cannings",
    "generalization electrical adjustment controlling generously probate rate cease roll",
    "3.5 percent of $1,000,000 in 2015-2016 (42 U.S.C. 1395dd)",
    "under_score co-operate e-mail x_cannot_y",
    "agreements accidentally anthropology apologize aides-de-camp yakked",
]

PLAIN_EDGE = [  # texts without '.', '?' or '!' (punkt keeps them whole)
    "the cat sat on the mat\nthe dog ran",
    "  leading and trailing  \n\n",
    "cannot gonna wanna it is what it is",
    "",
    "Controlling relational probate rates; feeding hopping",
]

SETS = {
    # name: init kwargs
    "w2_int": dict(metrics=["rouge-n", "rouge-l", "rouge-w"], max_n=3, weight_factor=2),
    "w15_best": dict(metrics=["rouge-n", "rouge-l", "rouge-w"], max_n=2, weight_factor=1.5, apply_avg=False, apply_best=True),
    "w1_best": dict(metrics=["rouge-l", "rouge-w", "rouge-n"], max_n=1, apply_avg=False, apply_best=True),
    "alpha02_individual": dict(metrics=["rouge-n", "rouge-l", "rouge-w"], max_n=4, alpha=0.2, weight_factor=1.2, apply_avg=False),
    "alpha_int1": dict(metrics=["rouge-n", "rouge-l"], max_n=2, alpha=1),
    "alpha2": dict(metrics=["rouge-n", "rouge-l"], max_n=2, alpha=2),
    "bytes20": dict(metrics=["rouge-n", "rouge-l", "rouge-w"], max_n=2, length_limit=20, weight_factor=1.2),
    "bytes_neg": dict(metrics=["rouge-n", "rouge-l"], max_n=1, length_limit=-7),
    "words7": dict(metrics=["rouge-n", "rouge-l", "rouge-w"], max_n=2, length_limit=7, length_limit_type="words", weight_factor=1.2),
    "words_neg": dict(metrics=["rouge-n", "rouge-l"], max_n=2, length_limit=-3, length_limit_type="words"),
    "no_limit": dict(metrics=["rouge-n", "rouge-l", "rouge-w"], max_n=2, limit_length=False, weight_factor=1.2),
    "limit0": dict(metrics=["rouge-n", "rouge-l"], max_n=2, length_limit=0),
    "no_stem": dict(metrics=["rouge-n", "rouge-l"], max_n=2, stemming=False),
    "avg_and_best": dict(metrics=["rouge-n", "rouge-l", "rouge-w"], max_n=2, apply_avg=True, apply_best=True, weight_factor=1.2),
    "defaults": dict(),
    "only_l": dict(metrics=["rouge-l"]),
    "only_w": dict(metrics=["rouge-w"], weight_factor=1.2, apply_avg=False, apply_best=True),
}

# ensure_compatibility=False: only texts without '.', '?', '!' (punkt).
PLAIN_SETS = {
    "no_compat": dict(metrics=["rouge-n", "rouge-l", "rouge-w"], max_n=2, ensure_compatibility=False, weight_factor=1.2),
    "no_compat_individual": dict(metrics=["rouge-n", "rouge-l"], max_n=2, ensure_compatibility=False, apply_avg=False),
}

ERRORS = [  # (init, call): constructor and call errors, on one text
    (dict(foo=1), {}),
    (dict(metrics="rouge-l"), {}),
    (dict(metrics=""), {}),
    (dict(metrics=5), {}),
    (dict(metrics={}), {}),
    (dict(metrics=[5]), {}),
    (dict(metrics=[1.5]), {}),
    (dict(metrics=[None]), {}),
    (dict(metrics=[[1]]), {}),
    (dict(metrics=["rouge-x"]), {}),
    (dict(max_n=2), {}),
    (dict(metrics=["rouge-n"], max_n=0), {}),
    (dict(metrics=["rouge-n"], max_n=True), {}),
    (dict(metrics=["rouge-n"], max_n=2.0), {}),
    (dict(metrics=["rouge-n"], max_n="2"), {}),
    (dict(metrics=["rouge-n", "rouge-n"], max_n=1), {}),
    (dict(weight_factor="a"), {}),
    (dict(weight_factor=None), {}),
    (dict(weight_factor=0), {}),
    (dict(weight_factor=-1.5), {}),
    (dict(length_limit_type="x"), {}),
    (dict(length_limit_type=["x"]), {}),
    (dict(length_limit_type="x", limit_length=False), {}),
    (dict(length_limit_type="x", length_limit=0), {}),
    (dict(metrics=["rouge-n", "rouge-l"], max_n=1, length_limit=None), {}),
    (dict(metrics=["rouge-n"], max_n=1, length_limit=None, length_limit_type="words"), {}),
    (dict(metrics=["rouge-n", "rouge-l"], max_n=1, length_limit=None, length_limit_type="words"), {}),
    (dict(metrics=["rouge-n", "rouge-l"], max_n=1, length_limit=2.5), {}),
    (dict(metrics=["rouge-n", "rouge-l"], max_n=1, length_limit=2.5, length_limit_type="words"), {}),
    (dict(metrics=["rouge-n", "rouge-l"], max_n=1, length_limit="5"), {}),
    (dict(metrics=["rouge-n", "rouge-l"], max_n=1, alpha="x"), {}),
    (dict(metrics=["rouge-n", "rouge-l"], max_n=1, alpha=None), {}),
    (dict(metrics=["rouge-n"], max_n=1), dict(foo=1)),
    (dict(metrics=["rouge-n"], max_n=1), dict(hypothesis=["a"])),
]


def words_of(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for field in ("text", "summary", "reference", "references"):
                value = record.get(field)
                texts = value if isinstance(value, list) else [value]
                for text in texts:
                    if isinstance(text, str):
                        cleaned = re.sub("[^A-Za-z0-9]", " ", text.lower())
                        words.update(w for w in cleaned.split() if len(w) > 3)
    return words


RULE_WORDS = """caresses ponies ties caress cats feed agreed plastered bled motoring
sing conflated troubled sized hopping tanned falling hissing fizzed failing filing
happy sky relational conditional rational valenci hesitanci digitizer conformabli
radicalli differentli vileli analogousli vietnamization predication operator feudalism
decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate
formative formalize electriciti electrical hopeful goodness revival allowance
inference airliner gyroscopic adjustable defensible irritant replacement adjustment
dependent adoption homologou communism activate angulariti homologous effective
bowdlerize probate rate cease controll roll enjoy spy fly try dies died spied flies
dying lying tying news innings outings cannings howe proceed exceed succeed
generously hopefulli geology archaeology theology fulli logi abli bli alli enjoyment
syzygy toy yyyy ayyy aeae oaten orrery trees ivy troubles private skies ties pies
_cannot_ x_cannot_y _cannot_s _cannot_ing""".split()


def stems(corpus_dir, out_dir):
    from nltk.stem.porter import PorterStemmer

    original = PorterStemmer("ORIGINAL_ALGORITHM")
    extensions = PorterStemmer()
    words = sorted(words_of(os.path.join(corpus_dir, "billsum", "documents.jsonl")) | set(RULE_WORDS))
    with open(os.path.join(out_dir, "porter_original_stems.tsv"), "w", encoding="utf-8") as f:
        f.write("# word\tPorterStemmer('ORIGINAL_ALGORITHM').stem(word)\tPorterStemmer().stem(word)"
                " -- NLTK 3.10.4; made by generate.py in this folder\n")
        for word in words:
            f.write(f"{word}\t{original.stem(word)}\t{extensions.stem(word)}\n")
    return len(words)


def run_set(name, init, texts, call=None):
    """Runs in a fresh process: one option set over (candidate, references) texts."""
    import nltk
    import rouge

    rows = []
    for i, (candidate, references) in enumerate(texts):
        try:
            scores = rouge.Rouge(**init).get_scores([candidate], [references], **(call or {}))
            expected = {"return": scores}
        except Exception as e:  # the package's exception is the expected value
            expected = {"raises": {"type": type(e).__name__, "message": str(e)}}
        rows.append({
            "id": f"py-rouge-oracle-{name}-{i:03d}", "package": "py-rouge",
            "options": {"set": name, "init": init, "call": call or {}},
            "candidate": candidate, "references": references, "expected": expected,
        })
    return rows


def run_corpus(name, init, corpora):
    import rouge

    rows = []
    for i, pairs in enumerate(corpora):
        hyps = [p[0] for p in pairs]
        refs = [p[1] for p in pairs]
        try:
            expected = {"return": rouge.Rouge(**init).get_scores(hyps, refs)}
        except Exception as e:
            expected = {"raises": {"type": type(e).__name__, "message": str(e)}}
        rows.append({"id": f"py-rouge-corpus-{name}-{i:03d}", "package": "py-rouge",
                     "options": {"set": name, "init": init, "call": {}},
                     "pairs": [{"candidate": c, "references": r} for c, r in pairs],
                     "expected": expected})
    return rows


def child(job_path):
    with open(job_path, encoding="utf-8") as f:
        job = json.load(f)
    if job["kind"] == "cases":
        rows = run_set(job["name"], job["init"], job["texts"], job.get("call"))
    else:
        rows = run_corpus(job["name"], job["init"], job["corpora"])
    json.dump(rows, sys.stdout)


def in_fresh_process(job, tmp):
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(job, f)
    out = subprocess.run([sys.executable, __file__, "--child", tmp], check=True,
                         capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    return json.loads(out.stdout)


def main(corpus_dir, out_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "rouge_profiles", "py-rouge.jsonl")
    texts, seen = [], set()
    with open(shared, encoding="utf-8") as f:
        for line in f:
            case = json.loads(line)
            key = (case["candidate"], tuple(case["references"]))
            if key not in seen:
                seen.add(key)
                texts.append((case["candidate"], case["references"]))
    rng = random.Random(2024)
    picked = rng.sample(texts, 40)
    edge = [(a, [b]) for a in EDGE for b in rng.sample(EDGE, 2)]
    edge += [(EDGE[3], EDGE[4:7]), (EDGE[6], ["", EDGE[6]]), (EDGE[7], [EDGE[7], EDGE[7][:5], ""])]
    plain = [(a, [b, c]) for a in PLAIN_EDGE for b in PLAIN_EDGE for c in PLAIN_EDGE[:2]]
    plain += [(a, [b]) for a in PLAIN_EDGE for b in PLAIN_EDGE]
    tmp = os.path.join(out_dir, ".job.json")
    rows = []
    for name, init in SETS.items():
        rows += in_fresh_process({"kind": "cases", "name": name, "init": init, "texts": picked + edge}, tmp)
    for name, init in PLAIN_SETS.items():
        rows += in_fresh_process({"kind": "cases", "name": name, "init": init, "texts": plain}, tmp)
    for i, (init, call) in enumerate(ERRORS):
        rows += in_fresh_process({"kind": "cases", "name": f"options{i:02d}", "init": init, "call": call,
                                  "texts": [("The cat sat\nthe mat", ["the cat sat on the mat", "a dog"])]}, tmp)
    with open(os.path.join(out_dir, "cases.jsonl"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    corpora = [rng.sample(texts, k) for k in (1, 2, 3, 7, 20)] + [[], [(EDGE[0], [EDGE[1]]), (EDGE[6], [EDGE[6], EDGE[7]])]]
    corpus_rows = []
    for name in ("defaults", "w15_best", "bytes20", "avg_and_best", "only_w"):
        corpus_rows += in_fresh_process({"kind": "corpus", "name": name, "init": SETS[name], "corpora": corpora}, tmp)
    corpus_rows += in_fresh_process({"kind": "corpus", "name": "readme_avg", "init": dict(
        metrics=["rouge-n", "rouge-l", "rouge-w"], max_n=2, limit_length=True, length_limit=100,
        length_limit_type="words", apply_avg=True, apply_best=False, alpha=0.5, weight_factor=1.2,
        stemming=True), "corpora": corpora}, tmp)
    with open(os.path.join(out_dir, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for row in corpus_rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    os.remove(tmp)
    n_stems = stems(corpus_dir, out_dir)
    print(f"{len(rows)} cases, {len(corpus_rows)} corpora, {n_stems} stems")


if __name__ == "__main__":
    if sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2])
