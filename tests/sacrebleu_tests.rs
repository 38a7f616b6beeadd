//! sacreBLEU 2.6.0's own test cases (`tests/data/sacrebleu_tests/cases.jsonl`,
//! extracted from its `test/` files with their options, expected values and
//! tolerances; see that folder's README for the skipped ones), each run
//! through sumbench's BLEU, chrF, TER or Tercom tokenizer with the same
//! options and compared the way the original test compares:
//! `abs(got - want) < eps` (after the division by 100 some BLEU tests make,
//! or against `100 * expected` as the TER test does), `==`, or equal to 2
//! decimals.

use serde_json::Value;
use sumbench::metrics::bleu::{BleuOptions, BleuStats, corpus_bleu_with, sentence_bleu_with};
use sumbench::metrics::chrf::{ChrfOptions, chrf_stats_with, corpus_chrf_with, sentence_chrf_with};
use sumbench::metrics::ter::{corpus_ter, ter_stats};
use sumbench::metrics::tercom::{TerOptions, tercom_tokenize};

use crate::util::read_fixture;

fn cases() -> Vec<Value> {
    read_fixture("sacrebleu_tests/cases.jsonl")
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().expect("an array").iter().map(|s| s.as_str().expect("a string").to_string()).collect()
}

fn integers(value: &Value) -> Vec<u64> {
    value.as_array().expect("an array").iter().map(|v| v.as_u64().expect("an integer")).collect()
}

fn bleu_options(options: &Value) -> BleuOptions {
    BleuOptions {
        tokenize: options["tokenize"].as_str().expect("tokenize").parse().expect("a known tokenizer"),
        smooth_method: options["smooth_method"]
            .as_str()
            .expect("smooth_method")
            .parse()
            .expect("a known method"),
        smooth_value: options["smooth_value"].as_f64(),
        lowercase: options["lowercase"].as_bool().expect("lowercase"),
        max_ngram_order: options["max_ngram_order"].as_u64().expect("max_ngram_order") as usize,
        effective_order: options["effective_order"].as_bool().expect("effective_order"),
    }
}

fn chrf_options(options: &Value) -> ChrfOptions {
    let number = |key: &str| options[key].as_u64().unwrap_or_else(|| panic!("{key}"));
    let flag = |key: &str| options[key].as_bool().unwrap_or_else(|| panic!("{key}"));
    ChrfOptions {
        char_order: number("char_order") as usize,
        word_order: number("word_order") as usize,
        beta: number("beta") as u32,
        lowercase: flag("lowercase"),
        whitespace: flag("whitespace"),
        eps_smoothing: flag("eps_smoothing"),
    }
}

fn ter_options(options: &Value) -> TerOptions {
    let flag = |key: &str| options[key].as_bool().unwrap_or_else(|| panic!("{key}"));
    TerOptions {
        normalized: flag("normalized"),
        no_punct: flag("no_punct"),
        asian_support: flag("asian_support"),
        case_sensitive: flag("case_sensitive"),
    }
}

/// Segment `i`'s references: the `i`-th line of every reference stream (sacreBLEU's layout).
fn segment_references(streams: &[Vec<String>], i: usize) -> Vec<&str> {
    streams.iter().map(|stream| stream[i].as_str()).collect()
}

fn streams(inputs: &Value) -> Vec<Vec<String>> {
    inputs["refs"].as_array().expect("reference streams").iter().map(strings).collect()
}

fn corpus_bleu_stats(inputs: &Value, options: &BleuOptions) -> Vec<BleuStats> {
    let streams = streams(inputs);
    let hyps = strings(&inputs["hyps"]);
    hyps.iter()
        .enumerate()
        .map(|(i, hyp)| {
            sumbench::metrics::bleu::bleu_stats_with(hyp, &segment_references(&streams, i), options)
        })
        .collect()
}

/// The score a case checks.
fn score(case: &Value) -> f64 {
    let (inputs, options) = (&case["inputs"], &case["options"]);
    match case["kind"].as_str().expect("a kind") {
        "corpus_bleu" => {
            let options = bleu_options(options);
            corpus_bleu_with(corpus_bleu_stats(inputs, &options), &options).score
        }
        "sentence_bleu" => {
            let options = bleu_options(options);
            sentence_bleu_with(inputs["hyp"].as_str().expect("hyp"), &strings(&inputs["refs"]), &options)
                .score
        }
        "compute_bleu" => {
            let stats = BleuStats {
                sys_len: inputs["sys_len"].as_u64().expect("sys_len"),
                ref_len: inputs["ref_len"].as_u64().expect("ref_len"),
                counts: integers(&inputs["correct"]),
                totals: integers(&inputs["total"]),
            };
            stats.score_with(&bleu_options(options)).score
        }
        "corpus_chrf" => {
            let options = chrf_options(options);
            let streams = streams(inputs);
            let hyps = strings(&inputs["hyps"]);
            let stats = hyps
                .iter()
                .enumerate()
                .map(|(i, hyp)| chrf_stats_with(hyp, &segment_references(&streams, i), &options));
            corpus_chrf_with(stats, &options)
        }
        "sentence_chrf" => sentence_chrf_with(
            inputs["hyp"].as_str().expect("hyp"),
            &strings(&inputs["refs"]),
            &chrf_options(options),
        ),
        "corpus_ter" => {
            let options = ter_options(options);
            let streams = streams(inputs);
            let hyps = strings(&inputs["hyps"]);
            corpus_ter(
                hyps.iter()
                    .enumerate()
                    .map(|(i, hyp)| ter_stats(hyp, &segment_references(&streams, i), &options)),
            )
        }
        kind => panic!("unknown kind {kind}"),
    }
}

/// Whether `case` passes as its original test would; the message says why not.
fn check(case: &Value) -> Result<(), String> {
    let check = &case["check"];
    if case["kind"] == "corpus_bleu_stats" {
        let options = bleu_options(&case["options"]);
        let total = corpus_bleu_with(corpus_bleu_stats(&case["inputs"], &options), &options);
        let want = (integers(&case["expected"]["counts"]), integers(&case["expected"]["totals"]));
        return if (total.counts.clone(), total.totals.clone()) == want {
            Ok(())
        } else {
            Err(format!("counts/totals {:?} {:?} vs {want:?}", total.counts, total.totals))
        };
    }
    if case["kind"] == "tercom_tokenize" {
        let got =
            tercom_tokenize(case["inputs"]["text"].as_str().expect("text"), &ter_options(&case["options"]));
        let want = case["expected"].as_str().expect("a string");
        return if got == want { Ok(()) } else { Err(format!("{got:?} vs {want:?}")) };
    }
    let divisor = check["divide_by"].as_f64().unwrap_or(1.0);
    let got = score(case) / divisor;
    if let Some(decimals) = check["decimals"].as_u64() {
        let got = format!("{got:.*}", decimals as usize);
        let want = case["expected"].as_str().expect("a string");
        return if got == want { Ok(()) } else { Err(format!("{got} vs {want}")) };
    }
    let want = check["times"].as_f64().unwrap_or(1.0) * case["expected"].as_f64().expect("a number");
    let passes = if check["equal"] == true {
        got == want
    } else {
        (got - want).abs() < check["abs"].as_f64().expect("eps")
    };
    if passes { Ok(()) } else { Err(format!("{got} vs {want}")) }
}

#[test]
fn every_sacrebleu_test_case_passes() {
    let cases = cases();
    assert_eq!(cases.len(), 102, "the extracted cases");
    let failures: Vec<String> = cases
        .iter()
        .enumerate()
        .filter_map(|(line, case)| {
            check(case)
                .err()
                .map(|why| format!("line {}: {} {}: {why}", line + 1, case["file"], case["test"]))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The `sumbench eval` flags for sacreBLEU's options, the ones
/// `tests/data/sacrebleu_tests/cli_expected.py` passes to sacreBLEU 2.6.0.
const CLI_FLAGS: [&str; 12] = [
    "--bleu-tokenize",
    "intl",
    "--bleu-smooth",
    "floor",
    "--bleu-lowercase",
    "--bleu-max-ngram-order",
    "3",
    "--chrf-beta",
    "3",
    "--chrf-whitespace",
    "--chrf-eps-smoothing",
    "--chrf-lowercase",
];

fn eval_lines(extra: &[&str]) -> Vec<Value> {
    let input = crate::util::fixture("sacrebleu_tests/cli_input.jsonl");
    let output = crate::util::sumbench()
        .args(["eval", "--metrics", "bleu,chrf,chrf++"])
        .args(CLI_FLAGS)
        .args(extra)
        .arg(&input)
        .assert()
        .success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8 output");
    stdout.lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

/// Scores to the bit and signatures verbatim against sacreBLEU's.
fn assert_same(got: &Value, want: &Value, what: &str) {
    for metric in ["bleu", "chrf", "chrf++"] {
        let (got_score, want_score) = (got[metric]["score"].as_f64(), want["scores"][metric].as_f64());
        assert_eq!(got_score, want_score, "{what} {metric} score");
        assert_eq!(got["signatures"][metric], want["signatures"][metric], "{what} {metric} signature");
    }
}

#[test]
fn eval_flags_give_sacrebleus_scores_and_signatures() {
    let expected: Value =
        serde_json::from_str(&read_fixture("sacrebleu_tests/cli_expected.json")).expect("JSON");
    let lines = eval_lines(&[]);
    let sentences = expected["sentence"].as_array().expect("sentence scores");
    assert_eq!(lines.len(), sentences.len());
    for (i, (got, want)) in lines.iter().zip(sentences).enumerate() {
        assert_same(got, want, &format!("document {}", i + 1));
    }
    let corpus = eval_lines(&["--corpus-level"]);
    assert_same(&corpus[0], &expected["corpus"], "corpus");
}

/// sacreBLEU 2.6.0's numbers for `eval_options_input.jsonl` under each
/// option set of `eval_options_expected.json` (written by
/// `scripts/sacrebleu_eval_oracle.py` with sacreBLEU itself).
fn option_sets() -> Vec<Value> {
    let expected = read_fixture("sacrebleu_tests/eval_options_expected.json");
    serde_json::from_str::<Value>(&expected).expect("JSON").as_array().expect("a list").clone()
}

/// `sumbench eval --metrics METRIC FLAGS [--corpus-level] eval_options_input.jsonl`,
/// run from the data folder with a relative path: its lines as JSON.
fn eval_option_set(metric: &str, flags: &[String], corpus: bool) -> Vec<Value> {
    let dir = crate::util::fixture("sacrebleu_tests");
    let mut command = crate::util::sumbench();
    command.current_dir(&dir).args(["eval", "--metrics", metric]).args(flags);
    if corpus {
        command.arg("--corpus-level");
    }
    let output = command.arg("eval_options_input.jsonl").assert().success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8 output");
    stdout.lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

/// One output's value of `metric` against sacreBLEU's: the score to the bit,
/// TER's edits (an integer) and reference length, BLEU's counts, totals
/// and lengths, and the signature verbatim. sacreBLEU's `compute_bleu` adds
/// add-k's `k` (`add_k`) to its counts and totals of orders 2 and up in
/// place, so its `BLEUScore` shows them smoothed; sumbench's are the raw
/// counts (the statistics corpus level sums), so `k` is taken off those
/// (not for an empty candidate, whose zeros `compute_bleu` returns first).
fn assert_option_set_value(got: &Value, metric: &str, want: &Value, add_k: u64, what: &str) {
    assert_eq!(got[metric]["score"].as_f64(), want["score"].as_f64(), "{what}: score");
    let add_k = if want["sys_len"] == 0 { 0 } else { add_k };
    let fields: &[&str] = match metric {
        "ter" => &["num_edits", "ref_length"],
        "bleu" => &["counts", "totals", "sys_len", "ref_len"],
        _ => &[],
    };
    for field in fields {
        let mut want = want[field].clone();
        if let (Some(list), "counts" | "totals") = (want.as_array_mut(), *field) {
            for n in list.iter_mut().skip(1) {
                *n = Value::from(n.as_u64().expect("a count") - add_k);
            }
        }
        assert!(crate::util::same_json(&got[metric][field], &want), "{what}: {field}: {got}");
    }
    assert_eq!(got["signatures"][metric], want["signature"], "{what}: signature");
}

#[test]
fn eval_option_flags_give_sacrebleus_ter_bleu_and_chrf() {
    let sets = option_sets();
    assert_eq!(sets.iter().filter(|set| set["metric"] == "ter").count(), 6);
    for set in &sets {
        let metric = set["metric"].as_str().expect("a metric");
        let flags = strings(&set["flags"]);
        let what = format!("{metric} {}", flags.join(" "));
        let add_k =
            set["kwargs"]["smooth_value"].as_u64().filter(|_| set["kwargs"]["smooth_method"] == "add-k");
        let add_k = add_k.unwrap_or(0);
        let lines = eval_option_set(metric, &flags, false);
        let sentences = set["sentence"].as_array().expect("sentence values");
        assert_eq!(lines.len(), sentences.len(), "{what}");
        for (i, (got, want)) in lines.iter().zip(sentences).enumerate() {
            assert_option_set_value(got, metric, want, add_k, &format!("{what}, line {}", i + 1));
        }
        let corpus = eval_option_set(metric, &flags, true);
        assert_eq!(corpus.len(), 1, "{what}");
        assert_option_set_value(&corpus[0], metric, &set["corpus"], add_k, &format!("{what}, corpus"));
    }
}
