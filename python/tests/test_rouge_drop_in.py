"""`from sumbench import rouge_scorer, scoring` against rouge-score 0.1.2:
the same Score values bit for bit on rouge-score's own examples, on the
conformance cases, and on random text."""

import random
import threading
import time

import nltk
import numpy as np
import pytest
from rouge_score import rouge_scorer as ref_rouge_scorer
from rouge_score import scoring as ref_scoring
from rouge_score import tokenizers as ref_tokenizers

from sumbench import rouge_scorer, scoring, tokenizers

ALL = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


class Words:
    """A custom tokenizer: whitespace words as written (case kept)."""

    def tokenize(self, text):
        return text.split()


def bits(result):
    """A result dict as {type: (hex of P, R, F)}: equal only when bit-identical."""
    return {k: tuple(float(x).hex() for x in v) for k, v in result.items()}


def assert_same(ours, theirs):
    assert list(ours) == list(theirs)
    assert bits(ours) == bits(theirs)
    # rouge-score's rougeL and rougeLsum are Score(0, 0, 0) with integers when a text has no tokens.
    assert {k: [type(x) for x in v] for k, v in ours.items()} == {
        k: [type(x) for x in v] for k, v in theirs.items()}
    for score in ours.values():
        assert isinstance(score, scoring.Score) and isinstance(score, tuple)
        assert score._fields == ("precision", "recall", "fmeasure")


# rouge-score's own examples (rouge_scorer_test.py and its README), with the
# values its tests assert (hand-computed there) and rouge-score's own output.
EXAMPLES = [
    (["rouge1"], False, "testing one two", "testing", {"rouge1": (1, 1 / 3, 1 / 2)}),
    (["rouge2"], False, "testing one two", "testing one", {"rouge2": (1, 1 / 2, 2 / 3)}),
    (["rougeL"], False, "testing one two", "testing one", {"rougeL": (1, 2 / 3, 4 / 5)}),
    (["rougeL"], False, "testing one two", "testing two", {"rougeL": (1, 2 / 3, 4 / 5)}),
    (["rouge1", "rougeL"], False, "testing one two", "testing one",
     {"rouge1": (1, 2 / 3, 4 / 5), "rougeL": (1, 2 / 3, 4 / 5)}),
    (["rougeLsum"], False, "w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5",
     {"rougeLsum": (0.4, 0.8, 0.5333333333333333)}),
    (["rougeLsum"], False, "w1 w2 w3 w4 w5", "", {"rougeLsum": (0, 0, 0)}),
    (["rougeLsum"], False, "", "w1", {"rougeLsum": (0, 0, 0)}),
    (["rougeLsum"], False, "w1 w2 w3 w4 w5", "/", {"rougeLsum": (0, 0, 0)}),
    (["rougeLsum"], True, "First sentence.\nSecond Sentence.", "Second sentence.\nFirst Sentence.",
     {"rougeLsum": (1, 1, 1)}),
    (["rougeLsum"], True, "First sentence. Second Sentence.", "Second sentence. First Sentence.",
     {"rougeLsum": (0.5, 0.5, 0.5)}),
    (["rouge1", "rougeL"], True, "The quick brown fox jumps over the lazy dog",
     "The quick brown dog jumps on the log.", None),
] + [([t], False, "testing one two", "", {t: (0, 0, 0)}) for t in ALL]


@pytest.mark.parametrize("types,stem,target,prediction,expected", EXAMPLES)
def test_rouge_score_examples(types, stem, target, prediction, expected):
    ours = rouge_scorer.RougeScorer(types, use_stemmer=stem).score(target, prediction)
    theirs = ref_rouge_scorer.RougeScorer(types, use_stemmer=stem).score(target, prediction)
    assert_same(ours, theirs)
    for rouge_type, values in (expected or {}).items():
        assert tuple(ours[rouge_type]) == pytest.approx(values)


@pytest.mark.parametrize("rouge_type", ["rouge1", "rouge9", "rougeL", "rougeLsum"])
def test_valid_types(rouge_type):
    result = rouge_scorer.RougeScorer([rouge_type]).score("testing one two", "testing")
    assert list(result) == [rouge_type]


@pytest.mark.parametrize("rouge_type", ["rougen", "rouge0", "rouge10", "rougeW", "ROUGE1"])
def test_invalid_types_raise_rouge_scores_message(rouge_type):
    with pytest.raises(ValueError) as theirs:
        ref_rouge_scorer.RougeScorer([rouge_type]).score("testing one two", "testing")
    with pytest.raises(ValueError) as ours:
        rouge_scorer.RougeScorer([rouge_type])
    assert str(ours.value) == str(theirs.value)


def test_score_multi_examples():
    # rouge_scorer_test.py: testRouge1Multi and testRougeAllMulti.
    for types, targets, prediction in [
        (["rouge1"], ["testing one two"], "testing"),
        (["rouge1", "rouge2", "rougeL"], ["first text", "first something"], "text first"),
        (ALL, ["alpha", "alpha beta gamma delta"], "alpha beta"),
        (ALL, ["alpha beta gamma delta", "alpha"], "alpha beta"),
    ]:
        ours = rouge_scorer.RougeScorer(types).score_multi(targets, prediction)
        theirs = ref_rouge_scorer.RougeScorer(types).score_multi(targets, prediction)
        assert_same(ours, theirs)
    ours = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"]).score_multi(
        ["first text", "first something"], "text first")
    assert (ours["rouge1"].fmeasure, ours["rouge2"].fmeasure, ours["rougeL"].fmeasure) == (1, 0, 0.5)


def test_score_multi_without_targets_raises_as_rouge_score():
    with pytest.raises(ValueError) as theirs:
        ref_rouge_scorer.RougeScorer(["rouge1"]).score_multi([], "text")
    with pytest.raises(ValueError) as ours:
        rouge_scorer.RougeScorer(["rouge1"]).score_multi([], "text")
    assert str(ours.value) == str(theirs.value)


def test_default_tokenizer_argument():
    # rouge_scorer_test.py: testRougeTokenizerInit; the tokenizer's stemmer wins over use_stemmer.
    for stem in (False, True):
        tokenizer = ref_tokenizers.DefaultTokenizer(use_stemmer=stem)
        ours = rouge_scorer.RougeScorer(ALL, tokenizer=tokenizer).score("the running dogs", "a dog runs")
        theirs = ref_rouge_scorer.RougeScorer(ALL, tokenizer=tokenizer).score("the running dogs", "a dog runs")
        assert_same(ours, theirs)
    assert rouge_scorer.RougeScorer(["rouge1"], tokenizer=ref_tokenizers.DefaultTokenizer()).score(
        "this is a test", "this is a test")["rouge1"].fmeasure == 1.0

    for stem in (False, True):
        tokenizer = tokenizers.DefaultTokenizer(use_stemmer=stem)
        ours = rouge_scorer.RougeScorer(ALL, tokenizer=tokenizer).score("the running dogs", "a dog runs")
        theirs = ref_rouge_scorer.RougeScorer(ALL, use_stemmer=stem).score("the running dogs", "a dog runs")
        assert_same(ours, theirs)


def test_rouge_types_attribute_and_score_type():
    scorer = rouge_scorer.RougeScorer(("rouge1", "rougeL"), use_stemmer=True)
    assert scorer.rouge_types == ("rouge1", "rougeL")
    score = scorer.score("a b", "a b")["rouge1"]
    assert score == ref_scoring.Score(1.0, 1.0, 1.0)
    assert repr(score) == "Score(precision=1.0, recall=1.0, fmeasure=1.0)"


@pytest.mark.parametrize("stem", [True, False])
def test_conformance_cases(conformance, stem):
    cases = conformance("rouge_cases.jsonl")
    assert len(cases) == 300
    scorer = rouge_scorer.RougeScorer(ALL, use_stemmer=stem)
    key = "stem" if stem else "nostem"
    for case in cases:
        got = scorer.score_multi(case["references"], case["candidate"])
        expected = case["expected"][key]
        for rouge_type in ALL:
            want = expected[rouge_type]
            assert bits(got)[rouge_type] == tuple(
                float(want[f]).hex() for f in ("precision", "recall", "fmeasure")), (case["id"], rouge_type)
    # score_batch gives the same.
    batch = scorer.score_batch([c["references"] for c in cases], [c["candidate"] for c in cases])
    for case, got in zip(cases, batch):
        assert_same(got, scorer.score_multi(case["references"], case["candidate"]))


WORDS = (
    "the a of river rivers running runs ran bank banks banking flood flooded flooding officials "
    "said says report reported reports market markets fell falling rise rising rose city cities "
    "council councils children child park parks 2024 3.5bn 42 R2-D2 e-mail U.S. don't it's "
    "naïve café Zürich straße 東京 ﬁnance — – ... ; : ! ? ( ) \" ' , . / & % $ #"
).split()


def random_text(rng, words):
    parts = []
    for _ in range(words):
        parts.append(rng.choice(WORDS))
        if rng.random() < 0.08:
            parts.append(rng.choice([".\n", "\n", "\n\n", ". ", " \t "]))
    text = " ".join(parts)
    return text.upper() if rng.random() < 0.1 else text


@pytest.mark.parametrize("stem", [True, False])
def test_random_text_through_both_packages(stem):
    rng = random.Random(14 + stem)
    types = ["rouge1", "rouge2", "rouge3", "rouge4", "rougeL", "rougeLsum"]
    ours = rouge_scorer.RougeScorer(types, use_stemmer=stem)
    theirs = ref_rouge_scorer.RougeScorer(types, use_stemmer=stem)
    targets, predictions = [], []
    for _ in range(400):
        refs = [random_text(rng, rng.randint(0, 60)) for _ in range(rng.randint(1, 3))]
        prediction = random_text(rng, rng.randint(0, 60))
        expected = theirs.score_multi(refs, prediction)
        assert_same(ours.score_multi(refs, prediction), expected)
        assert_same(ours.score(refs[0], prediction), theirs.score(refs[0], prediction))
        targets.append(refs if len(refs) > 1 else refs[0])
        predictions.append(prediction)
    for got, refs, prediction in zip(ours.score_batch(targets, predictions), targets, predictions):
        refs = refs if isinstance(refs, list) else [refs]
        assert_same(got, theirs.score_multi(refs, prediction))


def test_split_summaries_uses_nltk_sent_tokenize(monkeypatch):
    # NLTK's punkt model is a download; both packages call nltk.sent_tokenize,
    # so both get the same stand-in splitter here.
    def sent_tokenize(text):
        pieces = [p.strip() for p in text.replace("!", ".").split(".")]
        return [p + "." for p in pieces if p] + [""]

    monkeypatch.setattr(nltk, "sent_tokenize", sent_tokenize)
    target = "First sentence. Second\nSentence."
    prediction = "Second sentence. First Sentence! Third one"
    for types in (["rougeLsum"], ["rouge1", "rougeLsum", "rougeL"]):
        ours = rouge_scorer.RougeScorer(types, use_stemmer=True, split_summaries=True)
        theirs = ref_rouge_scorer.RougeScorer(types, use_stemmer=True, split_summaries=True)
        assert_same(ours.score(target, prediction), theirs.score(target, prediction))
        assert_same(ours.score_multi([target, "x"], prediction), theirs.score_multi([target, "x"], prediction))
        assert_same(ours.score_batch([target], [prediction])[0], theirs.score(target, prediction))
    plain = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=True).score(target, prediction)
    split = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=True, split_summaries=True).score(
        target, prediction)
    assert plain != split


@pytest.mark.parametrize("tokenizer", [None, Words()], ids=["builtin", "custom"])
def test_score_batch_arguments(tokenizer):
    scorer = rouge_scorer.RougeScorer(["rouge1"], tokenizer=tokenizer)
    assert scorer.score_batch([], []) == []
    with pytest.raises(ValueError, match="2 targets but 1 predictions"):
        scorer.score_batch(["a", "b"], ["a"])
    with pytest.raises(ValueError, match=r"targets\[1\] is an empty list"):
        scorer.score_batch(["a", []], ["a", "b"])


def test_score_batch_releases_the_gil():
    # While score_batch runs in a thread, this thread keeps running: with the
    # GIL held for the whole call, its longest pause would be the call itself.
    # The batch doubles until it takes long enough to tell on this machine.
    rng = random.Random(3)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    targets = [random_text(rng, 300) for _ in range(1000)]
    predictions = [random_text(rng, 300) for _ in range(1000)]
    while True:
        took = []

        def work():
            start = time.perf_counter()
            scorer.score_batch(targets, predictions)
            took.append(time.perf_counter() - start)

        thread = threading.Thread(target=work)
        ticks = [time.perf_counter()]
        thread.start()
        while thread.is_alive():
            ticks.append(time.perf_counter())
            time.sleep(0.001)
        thread.join()
        if took[0] > 0.3 or len(targets) >= 64000:
            break
        targets, predictions = targets * 2, predictions * 2
    longest_pause = max(b - a for a, b in zip(ticks, ticks[1:]))
    assert took[0] > 0.3, "the batch was too quick to tell (%.3fs)" % took[0]
    assert longest_pause < took[0] / 2, (longest_pause, took[0])


def test_bootstrap_aggregator_equals_rouge_scores():
    scorer = rouge_scorer.RougeScorer(["rouge1", "rougeL"])
    ref = ref_rouge_scorer.RougeScorer(["rouge1", "rougeL"])
    pairs = [("one two three", "one two"), ("one two five six", "seven eight"), ("a b c d", "a c d e"),
             ("the cat sat", "the cat sat down"), ("x y", "y x")]
    for kwargs in ({}, {"confidence_interval": 0.9, "n_samples": 200}):
        ours = scoring.BootstrapAggregator(**kwargs)
        theirs = ref_scoring.BootstrapAggregator(**kwargs)
        for target, prediction in pairs:
            ours.add_scores(scorer.score(target, prediction))
            theirs.add_scores(ref.score(target, prediction))
        np.random.seed(7)
        got = ours.aggregate()
        np.random.seed(7)
        want = theirs.aggregate()
        assert list(got) == list(want)
        for key in want:
            assert isinstance(got[key], scoring.AggregateScore)
            assert isinstance(got[key].mid, scoring.Score)
            for bound in ("low", "mid", "high"):
                assert bits({key: getattr(got[key], bound)}) == bits({key: getattr(want[key], bound)})


def test_bootstrap_aggregator_seed():
    scores = [rouge_scorer.RougeScorer(["rouge1"]).score(t, p)
              for t, p in [("a b c", "a b"), ("c d", "d e f"), ("a", "a"), ("b c d e", "e")]]
    theirs = ref_scoring.BootstrapAggregator()
    for s in scores:
        theirs.add_scores(s)
    np.random.seed(123)
    want = theirs.aggregate()
    np.random.seed(5)
    state = np.random.get_state()[1].copy()
    results = []
    for _ in range(2):
        ours = scoring.BootstrapAggregator(seed=123)
        for s in scores:
            ours.add_scores(s)
        results.append(ours.aggregate())
    # Seeded: rouge-score's values after np.random.seed(123), every time,
    # and NumPy's global generator untouched.
    assert results[0] == results[1] == want
    assert (np.random.get_state()[1] == state).all()


def test_bootstrap_aggregator_errors_and_fmeasure():
    for kwargs in ({"n_samples": 0}, {"confidence_interval": 1.5}):
        with pytest.raises(ValueError) as theirs:
            ref_scoring.BootstrapAggregator(**kwargs)
        with pytest.raises(ValueError) as ours:
            scoring.BootstrapAggregator(**kwargs)
        assert str(ours.value) == str(theirs.value)
    for p, r in [(0.5, 0.25), (0, 0), (1, 1)]:
        assert scoring.fmeasure(p, r) == ref_scoring.fmeasure(p, r)


class Letters(ref_tokenizers.Tokenizer):
    """A custom tokenizer subclassing rouge-score's base class: letters."""

    def tokenize(self, text):
        return [c for c in text if c.isalpha()]


class LowerStems:
    """A custom tokenizer around sumbench's own DefaultTokenizer (pickled by reference)."""

    def tokenize(self, text):
        return [w[:4] for w in tokenizers.DefaultTokenizer().tokenize(text)]


@pytest.mark.parametrize("tokenizer", [Words(), Letters(), LowerStems()], ids=["words", "letters", "prefixes"])
def test_custom_tokenizers_as_rouge_score(tokenizer):
    rng = random.Random(23)
    types = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    for chosen in (types, ["rougeLsum"], ["rougeL", "rouge3"]):
        ours = rouge_scorer.RougeScorer(chosen, tokenizer=tokenizer)
        theirs = ref_rouge_scorer.RougeScorer(chosen, tokenizer=tokenizer)
        targets, predictions = [], []
        for _ in range(150):
            refs = [random_text(rng, rng.randint(0, 30)) for _ in range(rng.randint(1, 3))]
            prediction = random_text(rng, rng.randint(0, 30))
            assert_same(ours.score_multi(refs, prediction), theirs.score_multi(refs, prediction))
            assert_same(ours.score(refs[0], prediction), theirs.score(refs[0], prediction))
            targets.append(refs)
            predictions.append(prediction)
        for got, refs, prediction in zip(ours.score_batch(targets, predictions), targets, predictions):
            assert_same(got, theirs.score_multi(refs, prediction))
    # Hand-computed: "A b" and "a b" share only "b" when case is kept.
    got = rouge_scorer.RougeScorer(["rouge1"], tokenizer=Words()).score("A b", "a b")["rouge1"]
    assert tuple(got) == (0.5, 0.5, 0.5)


def test_custom_tokenizer_with_split_summaries(monkeypatch):
    def sent_tokenize(text):
        return [p.strip() + "." for p in text.split(".") if p.strip()]

    monkeypatch.setattr(nltk, "sent_tokenize", sent_tokenize)
    target, prediction = "First sentence. Second\nSentence.", "Second sentence. First Sentence"
    ours = rouge_scorer.RougeScorer(ALL, split_summaries=True, tokenizer=Words())
    theirs = ref_rouge_scorer.RougeScorer(ALL, split_summaries=True, tokenizer=Words())
    assert_same(ours.score(target, prediction), theirs.score(target, prediction))


def test_custom_tokenizer_errors_propagate():
    class Broken:
        def tokenize(self, text):
            raise RuntimeError("no tokens for %s" % text)

    # rouge-score tokenizes the target first (then the prediction).
    with pytest.raises(RuntimeError, match="no tokens for a"):
        rouge_scorer.RougeScorer(["rouge1"], tokenizer=Broken()).score("a", "b")


def test_lone_surrogates_are_separators_as_in_rouge_score():
    texts = ["a\ud800b c", "\ud800", "x \udfff y\n\ud83d\ude00z", "plain text"]
    for stem in (False, True):
        ours = rouge_scorer.RougeScorer(ALL, use_stemmer=stem)
        theirs = ref_rouge_scorer.RougeScorer(ALL, use_stemmer=stem)
        for target in texts:
            for prediction in texts:
                assert_same(ours.score(target, prediction), theirs.score(target, prediction))
                assert_same(ours.score_multi([target, "b"], prediction), theirs.score_multi([target, "b"], prediction))
        batch = ours.score_batch([[t] for t in texts], texts)
        for got, text in zip(batch, texts):
            assert_same(got, theirs.score(text, text))
    assert tokenizers.DefaultTokenizer().tokenize("a\ud800b") == ref_tokenizers.DefaultTokenizer().tokenize("a\ud800b")


def test_no_rouge_types_as_rouge_score():
    for call in (lambda s: s.score_multi([], "a"), lambda s: s.score("a", "b"), lambda s: s.score_multi(["a"], "a")):
        assert call(rouge_scorer.RougeScorer([])) == call(ref_rouge_scorer.RougeScorer([])) == {}


def test_integer_zeros_as_rouge_score():
    for types in (ALL, ["rougeL"], ["rougeLsum"]):
        ours = rouge_scorer.RougeScorer(types)
        theirs = ref_rouge_scorer.RougeScorer(types)
        for targets, prediction in [(["", "a"], "a"), (["a"], ""), (["b", ""], "a"), (["..."], "a"),
                                    (["a\n\nb"], "\n"), (["x y"], "a b"), (["Ǳ"], "a")]:
            assert_same(ours.score_multi(targets, prediction), theirs.score_multi(targets, prediction))
            assert_same(ours.score_batch([targets], [prediction])[0], theirs.score_multi(targets, prediction))


class Subclassed(rouge_scorer.RougeScorer):
    """A subclass with its own attribute and method."""

    def __init__(self, rouge_types, note, **kwargs):
        super().__init__(rouge_types, **kwargs)
        self.note = note

    def fmeasures(self, target, prediction):
        return {k: v.fmeasure for k, v in self.score(target, prediction).items()}


def _score_in_worker(scorer, target, prediction):
    return scorer.score(target, prediction)


@pytest.mark.parametrize("make", [
    lambda: rouge_scorer.RougeScorer(ALL, use_stemmer=True),
    lambda: rouge_scorer.RougeScorer(["rouge1", "rougeLsum"], split_summaries=False, tokenizer=Words()),
    lambda: Subclassed(["rouge2", "rougeL"], "mine", use_stemmer=True),
    lambda: rouge_scorer.RougeScorer(["rouge1"], lang="german", use_stemmer=True),
], ids=["default", "custom", "subclass", "xlsum"])
def test_pickle_copy_and_worker_processes(make):
    import concurrent.futures
    import copy
    import multiprocessing
    import pickle

    scorer = make()
    target, prediction = "The running dogs ran home.", "A dog runs home"
    want = scorer.score(target, prediction)
    clones = [pickle.loads(pickle.dumps(scorer)), copy.deepcopy(scorer), copy.copy(scorer)]
    for clone in clones:
        assert type(clone) is type(scorer)
        assert clone.rouge_types == scorer.rouge_types
        assert_same(clone.score(target, prediction), want)
    if isinstance(scorer, Subclassed):
        assert all(c.note == "mine" for c in clones)
        assert clones[0].fmeasures(target, prediction) == {k: v.fmeasure for k, v in want.items()}
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
        results = list(pool.map(_score_in_worker, [scorer] * 3, [target] * 3, [prediction] * 3))
    for got in results:
        assert_same(got, want)


def test_rouge_types_can_be_set_as_in_rouge_score():
    ours = rouge_scorer.RougeScorer(["rouge1"])
    theirs = ref_rouge_scorer.RougeScorer(["rouge1"])
    ours.rouge_types = theirs.rouge_types = ["rouge2", "rougeL"]
    assert ours.rouge_types == ["rouge2", "rougeL"]
    assert_same(ours.score("a b c", "a b d"), theirs.score("a b c", "a b d"))
    with pytest.raises(ValueError, match="Invalid rouge type: rougeX"):
        ours.rouge_types = ["rougeX"]
    assert isinstance(ours, scoring.BaseScorer)


def test_tokenize_module_as_rouge_score():
    from nltk.stem import porter, snowball
    from rouge_score import tokenize as ref_tokenize

    from sumbench import tokenize

    rng = random.Random(5)
    texts = [random_text(rng, rng.randint(0, 40)) for _ in range(200)] + ["", "K İstanbul ǅ Ⅻ", "a\ud800b"]
    stemmers = [None, porter.PorterStemmer(), porter.PorterStemmer("ORIGINAL_ALGORITHM"),
                snowball.SnowballStemmer("english")]
    for stemmer in stemmers:
        for text in texts:
            assert tokenize.tokenize(text, stemmer) == ref_tokenize.tokenize(text, stemmer), (stemmer, text)
    for stem in (False, True):
        ours, theirs = tokenizers.DefaultTokenizer(stem), ref_tokenizers.DefaultTokenizer(stem)
        assert isinstance(ours, tokenizers.Tokenizer)
        for text in texts:
            assert ours.tokenize(text) == theirs.tokenize(text)


def test_lcs_helpers_as_rouge_score():
    rng = random.Random(11)

    def tokens():
        return [rng.choice("abcde") for _ in range(rng.randint(0, 9))]

    for _ in range(500):
        ref, can = tokens(), tokens()
        table = rouge_scorer._lcs_table(ref, can)
        assert table == ref_rouge_scorer._lcs_table(ref, can)
        assert rouge_scorer._backtrack_norec(table, ref, can) == ref_rouge_scorer._backtrack_norec(table, ref, can)
        assert rouge_scorer.lcs_ind(ref, can) == ref_rouge_scorer.lcs_ind(ref, can)
        sentences = [tokens() for _ in range(rng.randint(0, 3))]
        refs = [tokens() for _ in range(rng.randint(0, 3))]
        assert rouge_scorer._union_lcs(ref, sentences) == ref_rouge_scorer._union_lcs(ref, sentences)
        lists = [sorted(rng.sample(range(9), rng.randint(0, 5))) for _ in range(3)]
        assert rouge_scorer._find_union(lists) == ref_rouge_scorer._find_union(lists)
        assert_same({"s": rouge_scorer._summary_level_lcs(refs, sentences)},
                    {"s": ref_rouge_scorer._summary_level_lcs(refs, sentences)})
        assert_same({"s": rouge_scorer._score_lcs(ref, can)}, {"s": ref_rouge_scorer._score_lcs(ref, can)})
        for n in (1, 2, 3):
            ours = rouge_scorer._create_ngrams(ref, n), rouge_scorer._create_ngrams(can, n)
            theirs = ref_rouge_scorer._create_ngrams(ref, n), ref_rouge_scorer._create_ngrams(can, n)
            assert ours == theirs
            assert_same({"s": rouge_scorer._score_ngrams(*ours)}, {"s": ref_rouge_scorer._score_ngrams(*theirs)})
