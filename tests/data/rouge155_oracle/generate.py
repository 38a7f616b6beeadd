#!/usr/bin/env python3
"""Regenerate cases.jsonl and stems.tsv with the ROUGE-1.5.5 Perl script.

Covers what shared/conformance/rouge155_cases.jsonl does not: -l/-b truncation,
other skip distances (0, 1, 9, *), ROUGE-3..5, other W weights, -m/-s with -f B.

Usage: ROUGE155_HOME=/path/to/RELEASE-1.5.5 python3 generate.py SEED_ARTICLE NLTK_STEMS
  ROUGE155_HOME holds ROUGE-1.5.5.pl and data/ (smart_common_words.txt and
  WordNet-2.0.exc.db). The script needs Perl's XML::DOM and DB_File; it is run
  with -z SPL (a file list instead of an XML config).
SEED_ARTICLE: shared/seed/article.txt; NLTK_STEMS: shared/conformance/porter_nltk_stems.tsv.
"""
import json, os, random, re, subprocess, sys, tempfile

HOME = os.environ["ROUGE155_HOME"]
SCRIPT, DATA = os.path.join(HOME, "ROUGE-1.5.5.pl"), os.path.join(HOME, "data")
HERE = os.path.dirname(os.path.abspath(__file__))

OPTION_SETS = [
    "-f A -l 10 -n 4 -w 1.2 -2 4 -U",
    "-f B -l 7 -n 2 -w 1.2 -2 1 -U",
    "-f A -b 40 -n 3 -w 1.5 -2 0 -U",
    "-f B -b 75 -n 2 -w 1.2 -2 9 -U",
    "-f A -m -s -l 15 -n 2 -w 1.2 -2 4 -U",
    "-f B -m -n 5 -w 2 -2 -1 -U",
    "-f B -s -n 2 -w 1.2 -2 4 -U",
    "-f A -m -b 100 -n 2 -w 1.2 -2 -1 -U",
]

EXTRA = ("children geese better went dying news ties skies ponies oscillators 1990s state-of-the-art "
         "U.S. $5 Reuters one two it's e.g. -- , ; ( ) café İstanbul 東京 Yelling hopefully").split()


def texts(rng, words):
    def sentence():
        if rng.random() < 0.5:
            start = rng.randrange(len(words) - 12)
            picked = words[start:start + rng.randint(3, 12)]
        else:
            picked = [rng.choice(words + EXTRA) for _ in range(rng.randint(1, 10))]
        return " ".join(picked)
    lines = [sentence() for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.2:
        lines.insert(rng.randint(0, len(lines)), "")
    if rng.random() < 0.15:
        lines.insert(rng.randint(0, len(lines)), "  " + sentence())
    return "\n".join(lines)


def reference(rng, words):
    # Starts with a content word so that no reference loses every token (the script dies then).
    return rng.choice(["missile", "Ukraine", "talks", "escalation"]) + " " + texts(rng, words)


def run_script(options, cases, work):
    with open(os.path.join(work, "list"), "w") as listing:
        for i, case in enumerate(cases):
            paths = []
            for j, text in enumerate([case["candidate"]] + case["references"]):
                path = os.path.join(work, f"c{i}_{j}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text if text.endswith("\n") else text + "\n")
                paths.append(path)
            listing.write(" ".join(paths) + "\n")
    out = subprocess.run(["perl", SCRIPT, "-e", DATA, "-z", "SPL", "-d", "-r", "1"] + options.split()
                         + [os.path.join(work, "list")], capture_output=True, text=True, check=True)
    expected = [{} for _ in cases]
    for line in out.stdout.splitlines():
        m = re.match(r"X (ROUGE-\S+) Eval (\d+)\.X R:(\S+) P:(\S+) F:(\S+)$", line)
        if m:
            expected[int(m.group(2)) - 1][m.group(1)] = {k: float(v) for k, v in zip("RPF", m.group(3, 4, 5))}
    return expected


def main():
    article, nltk_stems = sys.argv[1], sys.argv[2]
    words = open(article, encoding="utf-8").read().split()
    rng = random.Random(1550001)
    with open(os.path.join(HERE, "cases.jsonl"), "w", encoding="utf-8") as out, \
            tempfile.TemporaryDirectory() as work:
        for options in OPTION_SETS:
            cases = [{"candidate": texts(rng, words),
                      "references": [reference(rng, words) for _ in range(rng.randint(1, 3))]}
                     for _ in range(25)]
            for case, expected in zip(cases, run_script(options, cases, work)):
                out.write(json.dumps({"options": options, **case, "expected": expected},
                                     ensure_ascii=False) + "\n")
    # The -m stemmer (MorphStem) on every word whose stem differs from NLTK's.
    stemmer = open(SCRIPT).read()
    start = stemmer.index("local %step2list;")
    end = stemmer.index("\n}", stemmer.index("$_v   =")) + 2
    program = ("use DB_File; use Fcntl;\n"
               f"tie %exceptiondb,'DB_File','{DATA}/WordNet-2.0.exc.db',O_RDONLY,0440,$DB_HASH or die;\n"
               + stemmer[start:end] +
               "\nsub MorphStem { my $t=shift; return $exceptiondb{$t} if exists($exceptiondb{$t}); return stem($t); }\n"
               "&initialise();\nwhile(my $w=<STDIN>){ chomp $w; print $w, \"\\t\", MorphStem($w), \"\\n\"; }\n")
    pairs = [line.rstrip("\n").split("\t") for line in open(nltk_stems, encoding="utf-8")
             if not line.startswith("#")]
    words_in = "\n".join(w for w, _ in pairs) + "\n"
    perl = subprocess.run(["perl", "-e", program], input=words_in, capture_output=True, text=True, check=True)
    with open(os.path.join(HERE, "stems.tsv"), "w", encoding="utf-8") as out:
        out.write("# word<TAB>stem by ROUGE-1.5.5's MorphStem (-m), for the words of "
                  "porter_nltk_stems.tsv where it differs from NLTK's stem\n")
        for (word, nltk), line in zip(pairs, perl.stdout.splitlines()):
            w, s = line.split("\t")
            assert w == word
            if s != nltk:
                out.write(f"{word}\t{s}\n")


if __name__ == "__main__":
    main()
