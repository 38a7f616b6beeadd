//! `sumbench eval` end to end: JSONL in, one JSON line per document (or one
//! for the corpus) out, with sacreBLEU's numbers and signatures; bad input
//! exits 1 naming the file, line and field. The BLEU and chrF numbers below
//! are sacreBLEU 2.6.0's (`sentence_bleu`, `CHRF().sentence_score`,
//! `BLEU().corpus_score` with reference streams padded with `None`).

use std::path::Path;

use crate::util::sumbench;

const REFERENCES: &str = concat!(
    r#"{"id": "d1", "candidate": "The river rose, flooding the town.", "references": ["The river flooded the town.", "Floods hit the town."]}"#,
    "\n\n",
    r#"{"id": 2, "candidate": "Shares fell sharply.", "references": ["Bank shares fell."]}"#,
    "\n",
);

const SOURCES: &str = concat!(
    r#"{"id": "s1", "candidate": "the river rose. The river rose.", "source": "Rain fell. The river rose over its banks overnight."}"#,
    "\n",
    r#"{"id": "s2", "candidate": "", "source": "Nothing."}"#,
    "\n",
);

/// `sumbench eval ARGS` on `stdin`: its standard output.
fn eval(args: &[&str], stdin: &str) -> String {
    let output = sumbench().arg("eval").args(args).write_stdin(stdin).assert().success();
    String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8 output")
}

/// `sumbench eval ARGS` on the file `name` holding `input`: exit 1 and its standard error.
fn eval_error(args: &[&str], name: &str, input: &str) -> String {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join(name);
    std::fs::write(&path, input).expect("write input");
    let output = sumbench().current_dir(dir.path()).arg("eval").args(args).arg(name).assert().code(1);
    String::from_utf8(output.get_output().stderr.clone()).expect("UTF-8 errors")
}

const BLEU_1: &str = "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0";
const BLEU_2: &str = "nrefs:2|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0";

#[test]
fn references_give_sacrebleu_sentence_scores_and_signatures() {
    let expected = [
        concat!(
            r#"{"id":"d1","bleu":{"score":25.848657697858535,"counts":[5,3,1,0],"totals":[8,7,6,5],"#,
            r#""precisions":[62.5,42.857142857142854,16.666666666666668,10.0],"bp":1.0,"sys_len":8,"ref_len":6},"#,
            r#""chrf":{"score":61.41536402319743},"chrf++":{"score":62.78054643017206},"#,
            r#""signatures":{"bleu":"BLEU_2","chrf":"nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0","#,
            r#""chrf++":"nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"}}"#
        )
        .replace("BLEU_2", BLEU_2),
        concat!(
            r#"{"id":"2","bleu":{"score":18.99589214128981,"counts":[2,0,0,0],"totals":[4,3,2,1],"#,
            r#""precisions":[50.0,16.666666666666668,12.5,12.5],"bp":1.0,"sys_len":4,"ref_len":4},"#,
            r#""chrf":{"score":55.637729180601816},"chrf++":{"score":48.02190192569568},"#,
            r#""signatures":{"bleu":"BLEU_1","chrf":"nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0","#,
            r#""chrf++":"nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"}}"#
        )
        .replace("BLEU_1", BLEU_1),
    ];
    assert_eq!(eval(&[], REFERENCES), expected.join("\n") + "\n");
    assert_eq!(eval(&["-"], REFERENCES), expected.join("\n") + "\n");
}

#[test]
fn corpus_level_sums_statistics_with_a_variable_reference_count() {
    let expected = concat!(
        r#"{"documents":2,"bleu":{"score":20.662920459484496,"counts":[7,3,1,0],"totals":[12,10,8,6],"#,
        r#""precisions":[58.333333333333336,30.0,12.5,8.333333333333334],"bp":1.0,"sys_len":12,"ref_len":10},"#,
        r#""chrf":{"score":59.15427769714762},"chrf++":{"score":57.24726614342569},"#,
        r#""signatures":{"bleu":"nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0","#,
        r#""chrf":"nrefs:var|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0","#,
        r#""chrf++":"nrefs:var|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"}}"#,
        "\n"
    );
    assert_eq!(eval(&["--corpus-level"], REFERENCES), expected);
}

#[test]
fn source_metrics_with_fragments_and_undefined_ngrams() {
    let version = env!("CARGO_PKG_VERSION");
    let fragments =
        format!("impl:newsroom-fragments|tok:whitespace|case:lc|lang:en|version:sumbench-{version}");
    let ngrams = |n| {
        format!("impl:summeval-data-stats|n:{n}|tok:whitespace|case:mixed|lang:en|version:sumbench-{version}")
    };
    let js = format!(
        "impl:js-unigram|tok:uax29-words-lc-snowball-nostop|smooth:add[0.0005]|log:2|lang:en|version:sumbench-{version}"
    );
    let signatures = format!(
        r#""signatures":{{"coverage":"{fragments}","compression":"{fragments}","novel-2":"{}","repeated-1":"{}","js-divergence":"{js}"}}"#,
        ngrams(2),
        ngrams(1)
    );
    // s1, whitespace tokens: "the river rose. The river rose." against
    // "Rain fell. The river rose over its banks overnight." Matching lower-cases:
    // "the river" (source 2, twice) covers 4 of 6 tokens; "rose." is not "rose".
    // Case kept: bigrams {the river, river rose., rose. The, The river}, only
    // "The river" in the source: novel-2 = 3/4; unigrams {the, river, rose., The},
    // river and rose. repeated: repeated-1 = 2/4.
    let expected = [
        format!(
            r#"{{"id":"s1","coverage":{{"score":0.6666666666666666,"fragments":[[0,2,2],[3,2,2]]}},"compression":{{"score":1.5,"summary_tokens":6,"source_tokens":9}},"novel-2":{{"score":0.75}},"repeated-1":{{"score":0.5}},"js-divergence":{{"score":0.4562975519799476}},{signatures}}}"#
        ),
        format!(
            r#"{{"id":"s2","coverage":{{"score":0.0,"fragments":[]}},"compression":{{"score":0.0,"summary_tokens":0,"source_tokens":1}},"novel-2":{{"score":null}},"repeated-1":{{"score":null}},"js-divergence":{{"score":0.0}},{signatures}}}"#
        ),
    ];
    let args =
        ["--metrics", "coverage,compression,novel-2,repeated-1,js-divergence", "--tokenizer", "whitespace"];
    assert_eq!(eval(&args, SOURCES), expected.join("\n") + "\n");
}

#[test]
fn corpus_level_means_per_document_metrics_over_defined_values() {
    let version = env!("CARGO_PKG_VERSION");
    let expected = format!(
        concat!(
            r#"{{"documents":2,"coverage":{{"score":0.5,"documents":2}},"novel-2":{{"score":0.4,"documents":1}},"#,
            r#""signatures":{{"coverage":"impl:newsroom-fragments|tok:uax29|case:lc|lang:en|version:sumbench-{v}","#,
            r#""novel-2":"impl:summeval-data-stats|n:2|tok:uax29|case:mixed|lang:en|version:sumbench-{v}"}}}}"#,
            "\n"
        ),
        v = version
    );
    assert_eq!(eval(&["--corpus-level", "--metrics", "coverage,novel-2"], SOURCES), expected);
}

#[test]
fn default_metrics_follow_the_first_record() {
    let output = eval(&[], SOURCES);
    let first: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(output.lines().next().expect("a line")).expect("JSON");
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    let mut expected = vec!["compression", "coverage", "density", "id", "js-divergence"];
    expected.extend(["novel-1", "novel-2", "novel-3", "novel-4", "repeated-1", "repeated-2", "repeated-3"]);
    expected.extend(["repeated-4", "signatures"]);
    assert_eq!(keys, expected);
}

#[test]
fn bad_inputs_name_the_file_line_and_field() {
    let good = r#"{"id": "a", "candidate": "x", "references": ["y"]}"#;
    let cases: [(&[&str], String, &str); 7] = [
        (
            &[],
            format!("{good}\n{{\"id\": \"b\", \"references\": [\"y\"]}}\n"),
            "in.jsonl:2: field `candidate`: missing",
        ),
        (
            &[],
            format!("{good}\n{{\"id\": \"b\", \"candidate\": \"x\"}}\n"),
            "in.jsonl:2: field `references`: missing (needed by bleu, chrf, chrf++)",
        ),
        (
            &[],
            r#"{"id": "a", "candidate": "x", "references": []}"#.to_string(),
            "in.jsonl:1: field `references`: empty list (at least one reference is needed by bleu, chrf, chrf++)",
        ),
        (
            &["--metrics", "bleu,density,novel-3"],
            good.to_string(),
            "in.jsonl:1: field `source`: missing (needed by density, novel-3)",
        ),
        (
            &[],
            format!("{good}\n{{\"id\": \"b\", \"candidate\": \"x\", \n"),
            "in.jsonl:2: malformed JSON at column 30: EOF while parsing a value (truncated line?)",
        ),
        (
            &[],
            r#"{"id": "a", "candidate": 3}"#.to_string(),
            "in.jsonl:1: field `candidate`: expected a string, found a number",
        ),
        (
            &[],
            r#"{"id": "a", "candidate": "x"}"#.to_string(),
            "in.jsonl:1: no metric applies: fields `references` and `source` are both missing",
        ),
    ];
    for (args, input, message) in cases {
        assert_eq!(eval_error(args, "in.jsonl", &input), format!("error: {message}\n"), "{input}");
    }
}

#[test]
fn bad_arguments_are_named() {
    let input = r#"{"id": "a", "candidate": "x", "references": ["y"]}"#;
    assert_eq!(
        eval_error(&["--metrics", "bleu,chrf,bleu"], "in.jsonl", input),
        "error: metric `bleu` is listed twice\n"
    );
    assert_eq!(
        eval_error(&["--metrics", "bleu,rouge1"], "in.jsonl", input),
        "error: unknown metric `rouge1` (expected bleu, chrf, chrf++, ter, coverage, density, compression, \
         novel-1…novel-4, repeated-1…repeated-4, js-divergence or dangling)\n"
    );
    assert_eq!(eval_error(&["--corpus-level"], "in.jsonl", "\n"), "error: in.jsonl: no documents to score\n");
    let missing = Path::new("no-such-file.jsonl");
    sumbench()
        .arg("eval")
        .arg(missing)
        .assert()
        .code(1)
        .stderr("error: no-such-file.jsonl: No such file or directory (os error 2)\n");
    sumbench()
        .args(["eval", "--tokenizer", "spacy"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown tokenizer `spacy` (expected whitespace or default)"));
}

/// `sumbench eval ARGS FILE`, run from `dir` with `file` relative to it: its lines as JSON.
fn eval_in(dir: &Path, args: &[&str], file: &str) -> Vec<serde_json::Value> {
    let output = sumbench().current_dir(dir).arg("eval").args(args).arg(file).assert().success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8 output");
    stdout.lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

/// The `--rouge-profile` spec of a case line's package and options:
/// `NAME:init.K=<JSON>,...,call.K=<JSON>,...`.
fn profile_spec(package: &str, options: &serde_json::Value) -> String {
    let mut arguments = Vec::new();
    for side in ["init", "call"] {
        for (key, value) in options[side].as_object().into_iter().flatten() {
            arguments.push(format!("{side}.{key}={value}"));
        }
    }
    if arguments.is_empty() { package.to_string() } else { format!("{package}:{}", arguments.join(",")) }
}

/// Every option set of the six packages' conformance cases
/// (`tests/data/rouge_profiles/`, the real packages' outputs): its lines,
/// without their package and options, scored by `eval --rouge-profile`
/// with the set's arguments give each line's `return` as `result` and its
/// `raises` as `error`, with the profile's signature.
#[test]
fn rouge_profile_lines_give_each_package_s_own_result_or_error() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut sets: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
    for package in ["rouge", "py-rouge", "rouge-metric", "sumeval", "rouge-chinese", "evaluate-rouge"] {
        for line in crate::util::read_fixture(&format!("rouge_profiles/{package}.jsonl")).lines() {
            let case: serde_json::Value = serde_json::from_str(line).expect("a case line");
            let spec = profile_spec(package, &case["options"]);
            match sets.iter_mut().find(|(s, _)| *s == spec) {
                Some((_, cases)) => cases.push(case),
                None => sets.push((spec, vec![case])),
            }
        }
    }
    assert_eq!(sets.len(), 22, "option sets");
    let (mut results, mut errors) = (0, 0);
    for (spec, cases) in &sets {
        let input: String = cases
            .iter()
            .map(|case| {
                let line = serde_json::json!({"id": case["id"], "candidate": case["candidate"],
                                              "references": case["references"]});
                format!("{line}\n")
            })
            .collect();
        std::fs::write(dir.path().join("cases.jsonl"), input).expect("write input");
        let lines = eval_in(dir.path(), &["--rouge-profile", spec], "cases.jsonl");
        assert_eq!(lines.len(), cases.len(), "{spec}");
        for (got, case) in lines.iter().zip(cases) {
            let value = &got["rouge-profile"];
            let ok = match (&case["expected"]["return"], &case["expected"]["raises"]) {
                (want, serde_json::Value::Null) => {
                    results += 1;
                    crate::util::same_json(&value["result"], want)
                }
                (_, raised) => {
                    errors += 1;
                    value["error"] == *raised
                }
            };
            assert!(ok, "{spec}, {}: got {value}, expected {}", case["id"], case["expected"]);
            let signature = got["signatures"]["rouge-profile"].as_str().expect("a signature");
            let name = spec.split(':').next().expect("a name");
            assert!(signature.starts_with(&format!("rouge-profile:{name}|version:")), "{signature}");
        }
    }
    assert!(results > 0 && errors > 0, "{results} results, {errors} errors");
}

/// `--corpus-level` with a profile: the package's own corpus figure,
/// exactly as `scripts/eval_rouge_profile_oracle.py` had the real packages
/// print it over `tests/data/eval_rouge_profile/pairs.jsonl`.
#[test]
fn rouge_profile_at_corpus_level_is_the_package_s_own_figure() {
    let dir = crate::util::fixture("eval_rouge_profile");
    let expected: serde_json::Value =
        serde_json::from_str(&crate::util::read_fixture("eval_rouge_profile/corpus_expected.json"))
            .expect("JSON");
    for entry in expected.as_array().expect("a list") {
        let spec = entry["profile"].as_str().expect("a spec");
        let lines = eval_in(&dir, &["--rouge-profile", spec, "--corpus-level"], "pairs.jsonl");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["documents"], 8);
        let got = &lines[0]["rouge-profile"]["result"];
        assert!(crate::util::same_json(got, &entry["figures"]), "{spec}: {got}");
    }
}

#[test]
fn rouge_profile_beside_metrics_and_its_refusals() {
    // pltrdy's rouge raises on an empty hypothesis (its conformance cases):
    // that line's error, the next line still scored; BLEU beside it.
    let input = concat!(
        r#"{"id": "a", "candidate": "", "references": ["the cat"]}"#,
        "\n",
        r#"{"id": "b", "candidate": "the cat", "references": ["the cat"]}"#,
        "\n"
    );
    let lines: Vec<serde_json::Value> = eval(&["--rouge-profile", "rouge", "--metrics", "bleu"], input)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON"))
        .collect();
    assert_eq!(
        lines[0]["rouge-profile"],
        serde_json::json!({"error": {"type": "ValueError", "message": "Hypothesis is empty."}})
    );
    // Identical texts: P = R = 1 and pltrdy's F = 2·1·1/(1 + 1 + 1e-8).
    let f = 2.0 / (2.0 + 1e-8);
    assert_eq!(lines[1]["rouge-profile"]["result"][0]["rouge-1"]["f"].as_f64(), Some(f));
    // Sentence BLEU of two identical words: effective order 2, both precisions 1, BP 1.
    assert_eq!(lines[1]["bleu"]["score"].as_f64().map(f64::round), Some(100.0));
    let signatures: Vec<&String> = lines[1]["signatures"].as_object().expect("signatures").keys().collect();
    assert_eq!(signatures, ["bleu", "rouge-profile"]);
    assert_eq!(lines[1]["signatures"]["rouge-profile"], "rouge-profile:rouge|version:1.0.1|sumbench:0.1.0");
    // No metric but the profile's without --metrics.
    let only: serde_json::Value =
        serde_json::from_str(eval(&["--rouge-profile", "rouge"], input).lines().nth(1).unwrap()).unwrap();
    let keys: Vec<&String> = only.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "rouge-profile", "signatures"]);

    let good = r#"{"id": "a", "candidate": "x", "references": ["y"]}"#;
    assert_eq!(
        eval_error(&["--rouge-profile", "sumeval", "--corpus-level"], "in.jsonl", good),
        "error: rouge-profile: sumeval's RougeCalculator scores one candidate at a time and has no corpus \
         figure of its own; score each line (without corpus level) and average them as you report\n"
    );
    assert_eq!(
        eval_error(&["--rouge-profile", "py-rouge:init.apply_avg=false", "--corpus-level"], "in.jsonl", good),
        "error: rouge-profile: py-rouge with apply_avg=False and apply_best=False returns one score per \
         document and reference, no corpus figure\n"
    );
    assert_eq!(
        eval_error(&["--rouge-profile", "rouge"], "in.jsonl", r#"{"id": "a", "candidate": "x"}"#),
        "error: in.jsonl:1: field `references`: missing (needed by rouge-profile)\n"
    );
}

/// Every flag of `eval` is in its help.
#[test]
fn help_lists_every_option() {
    let output = sumbench().args(["eval", "--help"]).assert().success();
    let help = String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8 help");
    for flag in [
        "--metrics",
        "--tokenizer",
        "--corpus-level",
        "--language",
        "--bleu-tokenize",
        "--bleu-smooth",
        "--bleu-smooth-value",
        "--bleu-lowercase",
        "--bleu-max-ngram-order",
        "--chrf-beta",
        "--chrf-whitespace",
        "--chrf-eps-smoothing",
        "--chrf-lowercase",
        "--ter-case-sensitive",
        "--ter-no-punct",
        "--ter-normalized",
        "--ter-asian-support",
        "--rouge-profile",
    ] {
        assert!(help.contains(flag), "{flag} missing from `sumbench eval --help`");
    }
}
