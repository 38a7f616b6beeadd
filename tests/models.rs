//! The `models` feature against sentence-transformers and bert_score
//! (`tests/data/models/`, copied from the shared conformance set with its
//! NOTICE; the tolerances are its README's). The tests on the real model
//! need `SUMBENCH_MODEL` and are ignored without it.

use serde_json::Value;

use crate::util::{fixture, model_folder, sumbench};

/// The README's tolerance for embedding components and BERTScore's P, R, F.
const TOLERANCE: f64 = 1e-5;

fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect()
}

fn floats(value: &Value) -> Vec<f64> {
    value.as_array().expect("array").iter().map(|x| x.as_f64().expect("number")).collect()
}

#[test]
#[ignore = "needs SUMBENCH_MODEL (all-MiniLM-L6-v2)"]
fn embeddings_equal_sentence_transformers() {
    let model = model_folder();
    let output = sumbench()
        .args(["embed", "--model"])
        .arg(&model)
        .arg(fixture("models/minilm_embeddings.jsonl"))
        .output()
        .expect("sumbench embed runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let expected = jsonl(&crate::util::read_fixture("models/minilm_embeddings.jsonl"));
    let got = jsonl(&String::from_utf8(output.stdout).expect("UTF-8"));
    assert_eq!(got.len(), expected.len());
    let mut worst = (0.0f64, String::new());
    for (got, expected) in got.iter().zip(&expected) {
        let id = expected["id"].as_str().expect("id");
        assert_eq!(got["id"], expected["id"]);
        assert_eq!(got["input_ids"], expected["input_ids"], "{id} ({}): input ids", expected["category"]);
        let (a, b) = (floats(&got["embedding"]), floats(&expected["embedding"]));
        assert_eq!(a.len(), b.len(), "{id}: dimension");
        for (x, y) in a.iter().zip(&b) {
            if (x - y).abs() > worst.0 {
                worst = ((x - y).abs(), id.to_string());
            }
        }
    }
    assert!(worst.0 <= TOLERANCE, "largest difference {} on {} (tolerance {TOLERANCE})", worst.0, worst.1);
}

/// Every case of the file, scored as bert_score scores the file: one call,
/// IDF over all references of all cases in file order. The texts are encoded
/// once and scored under both settings (the weights differ, not the vectors).
#[test]
#[ignore = "needs SUMBENCH_MODEL (all-MiniLM-L6-v2)"]
fn bertscore_equals_bert_score_with_and_without_idf() {
    use sumbench::models::{BertScoreOptions, BertScorer, ModelFolder};
    let folder = ModelFolder::open(&model_folder(), None).expect("model folder");
    let cases = jsonl(&crate::util::read_fixture("models/bertscore_minilm_cases.jsonl"));
    let references: Vec<String> = cases
        .iter()
        .flat_map(|case| {
            case["references"]
                .as_array()
                .expect("references")
                .iter()
                .map(|r| r.as_str().expect("text").to_string())
        })
        .collect();
    let candidates: Vec<String> =
        cases.iter().map(|case| case["candidate"].as_str().expect("text").to_string()).collect();
    let plain = BertScorer::new(&folder, BertScoreOptions::default()).expect("scorer");
    let reference_states = plain.encode(&references).expect("references encode");
    let candidate_states = plain.encode(&candidates).expect("candidates encode");
    for idf in [false, true] {
        let scorer =
            BertScorer::new(&folder, BertScoreOptions { idf, ..Default::default() }).expect("scorer");
        let setting = if idf { "idf" } else { "no_idf" };
        let weights = scorer.weights(&references).expect("weights");
        let mut next_reference = 0;
        let mut worst = (0.0f64, String::new());
        for (case, candidate) in cases.iter().zip(&candidate_states) {
            let id = case["id"].as_str().expect("id");
            let expected = &case["expected"][setting];
            assert_eq!(scorer.hash(), expected["hash"].as_str().expect("hash"), "{id}: hash");
            let count = case["references"].as_array().expect("references").len();
            let own: Vec<_> = reference_states[next_reference..next_reference + count].iter().collect();
            next_reference += count;
            let got = scorer.score(candidate, &own, &weights).expect("a score");
            let mut check = |got: f64, expected: &Value, what: &str| {
                let difference = (got - expected.as_f64().expect("number")).abs();
                if difference > worst.0 {
                    worst = (difference, format!("{id} {what}"));
                }
            };
            check(got.precision, &expected["P"], "P");
            check(got.recall, &expected["R"], "R");
            check(got.fmeasure, &expected["F"], "F");
            for (reference, per) in
                own.iter().zip(expected["per_reference"].as_array().expect("per_reference"))
            {
                let got = scorer.score(candidate, &[*reference], &weights).expect("a score");
                check(got.precision, &per[0], "per-reference P");
                check(got.recall, &per[1], "per-reference R");
                check(got.fmeasure, &per[2], "per-reference F");
            }
        }
        assert!(
            worst.0 <= TOLERANCE,
            "{setting}: largest difference {} at {} (tolerance {TOLERANCE})",
            worst.0,
            worst.1
        );
    }
}

#[test]
#[ignore = "needs SUMBENCH_MODEL (all-MiniLM-L6-v2)"]
fn embedding_summarizers_and_bertscore_run_deterministically_at_any_thread_count() {
    let model = model_folder();
    let tmp = tempfile::tempdir().expect("temporary folder");
    let corpus = crate::util::first_lines(&crate::util::embedded_corpus("billsum"), 4, tmp.path());
    let run = |threads: &str| {
        let out = tmp.path().join(format!("threads-{threads}"));
        sumbench()
            .env("RAYON_NUM_THREADS", threads)
            .args(["run", "--quiet", "--summarizers", "lead,embed-centroid,pacsum,embed-mmr"])
            .args(["--metrics", "rouge1,bertscore", "--corpus"])
            .arg(&corpus)
            .arg("--model")
            .arg(&model)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        out
    };
    let (one, two) = (run("1"), run("2"));
    let read = |dir: &std::path::Path, file: &str| std::fs::read(dir.join(file)).expect("report file");
    assert_eq!(read(&one, "scores.csv"), read(&two, "scores.csv"));
    assert_eq!(read(&one, "summaries.jsonl"), read(&two, "summaries.jsonl"));
    let scores = String::from_utf8(read(&one, "scores.csv")).expect("UTF-8");
    for summarizer in ["embed-centroid", "pacsum", "embed-mmr"] {
        // 4 documents × 2 metrics.
        assert_eq!(
            scores.lines().filter(|l| l.contains(&format!(",{summarizer},"))).count(),
            8,
            "{summarizer}"
        );
    }
    let info: Value = serde_json::from_slice(&read(&one, "run.json")).expect("run.json");
    assert_eq!(info["bertscore"]["name"], "sentence-transformers/all-MiniLM-L6-v2");
    assert_eq!(info["bertscore"]["layer"], 6);
    let signature = info["signatures"]["bertscore"].as_str().expect("signature");
    assert!(
        signature.starts_with(
            "bertscore:sentence-transformers/all-MiniLM-L6-v2_L6_no-idf_version=0.3.12(hug_trans=5.25.0)|weights:53aa51172d142c89|"
        ),
        "{signature}"
    );
}

#[test]
#[ignore = "needs SUMBENCH_MODEL (all-MiniLM-L6-v2)"]
fn list_names_the_embedding_summarizers_with_a_model() {
    let model = model_folder();
    let output = sumbench().args(["list", "--model"]).arg(&model).output().expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    for name in ["embed-centroid", "pacsum", "embed-mmr", "lexrank"] {
        assert!(text.lines().any(|line| line.starts_with(name)), "{name} not listed:\n{text}");
    }
    let without = String::from_utf8(sumbench().arg("list").output().expect("runs").stdout).expect("UTF-8");
    assert!(!without.contains("pacsum"));
}

#[test]
#[ignore = "needs SUMBENCH_MODEL (all-MiniLM-L6-v2)"]
fn embed_names_the_line_and_field_at_fault() {
    let model = model_folder();
    let tmp = tempfile::tempdir().expect("temporary folder");
    let input = tmp.path().join("texts.jsonl");
    std::fs::write(&input, "{\"id\": 1, \"text\": \"fine\"}\n\n{\"id\": 2, \"txt\": \"typo\"}\n")
        .expect("input");
    sumbench()
        .args(["embed", "--model"])
        .arg(&model)
        .arg(&input)
        .assert()
        .failure()
        .stderr(predicates::str::contains(format!("{}:3: field \"text\" is missing", input.display())));
}

#[test]
#[ignore = "needs SUMBENCH_MODEL (all-MiniLM-L6-v2)"]
fn eval_scores_bertscore_with_idf_over_the_whole_input() {
    let model = model_folder();
    // From the data folder, with a relative path, as a user would.
    let output = sumbench()
        .current_dir(fixture("models"))
        .args(["eval", "--metrics", "bertscore", "--bertscore-idf", "--model"])
        .arg(&model)
        .arg("bertscore_minilm_cases.jsonl")
        .output()
        .expect("sumbench eval runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let got = jsonl(&String::from_utf8(output.stdout).expect("UTF-8"));
    let cases = jsonl(&crate::util::read_fixture("models/bertscore_minilm_cases.jsonl"));
    assert_eq!(got.len(), cases.len());
    for (line, case) in got.iter().zip(&cases) {
        let expected = &case["expected"]["idf"];
        assert_eq!(line["id"], case["id"]);
        for (key, name) in [("P", "precision"), ("R", "recall"), ("F", "fmeasure")] {
            let (a, b) =
                (line["bertscore"][name].as_f64().expect("number"), expected[key].as_f64().expect("number"));
            assert!((a - b).abs() <= TOLERANCE, "{}: {name} {a} against {b}", case["id"]);
        }
        let signature = line["signatures"]["bertscore"].as_str().expect("signature");
        assert!(
            signature.starts_with(&format!("bertscore:{}|", expected["hash"].as_str().expect("hash"))),
            "{signature}"
        );
    }
}

/// `--model hf://OWNER/NAME@REVISION`: a tiny random BERT
/// (`tests/data/models/tiny/`, written by its `make.py`) served by the
/// stand-in hub of `datasets_hub` on 127.0.0.1. The embeddings equal
/// sentence-transformers' on the same folder (`expected_embeddings.jsonl`,
/// computed by `make.py` with sentence-transformers); a second run reads the
/// cache without a request, and offline; a cached file changed on disk is
/// refused naming it, and so is a download whose bytes are not the SHA-256
/// the hub's listing gives.
#[test]
fn hub_models_are_fetched_once_into_the_cache_and_checked() {
    use crate::datasets_hub::{Hub, Reply, sha256_hex};
    let tiny = fixture("models/tiny");
    let files = [
        "config.json",
        "tokenizer.json",
        "model.safetensors",
        "modules.json",
        "sentence_bert_config.json",
        "1_Pooling/config.json",
        "make.py",
    ];
    let hub = Hub::start();
    let serve = |repo: &str, weights: Vec<u8>| {
        let mut listing =
            vec![serde_json::json!({"type": "directory", "path": "1_Pooling", "oid": "0", "size": 0})];
        for file in files {
            let bytes = std::fs::read(tiny.join(file)).unwrap();
            let mut entry =
                serde_json::json!({"type": "file", "path": file, "oid": "0", "size": bytes.len()});
            if file == "model.safetensors" {
                // The hub publishes an LFS file's SHA-256; served bytes may differ (`test/bad`).
                entry["lfs"] =
                    serde_json::json!({"oid": sha256_hex(&bytes), "size": bytes.len(), "pointerSize": 134});
            }
            listing.push(entry);
            let served = if file == "model.safetensors" { weights.clone() } else { bytes };
            hub.route_path(&format!("/{repo}/resolve/main/{file}"), vec![Reply::Body(served)]);
        }
        hub.route_path(
            &format!("/api/models/{repo}/tree/main?recursive=true"),
            vec![Reply::Body(serde_json::to_vec(&listing).unwrap())],
        );
    };
    let weights = std::fs::read(tiny.join("model.safetensors")).unwrap();
    serve("test/tiny", weights.clone());
    let mut corrupt = weights.clone();
    *corrupt.last_mut().unwrap() ^= 1;
    serve("test/bad", corrupt);

    let work = tempfile::tempdir().unwrap();
    let cache = work.path().join("cache");
    let expected = jsonl(&crate::util::read_fixture("models/tiny/expected_embeddings.jsonl"));
    let input = work.path().join("texts.jsonl");
    let lines: Vec<String> = expected
        .iter()
        .map(|line| serde_json::json!({"id": line["id"], "text": line["text"]}).to_string())
        .collect();
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let embed = |model: &str, offline: bool| {
        let mut command = sumbench();
        command
            .args(["embed", "--model", model])
            .arg(&input)
            .env("HF_ENDPOINT", &hub.endpoint)
            .env("SUMBENCH_CACHE", &cache)
            .env_remove("HF_TOKEN")
            .env_remove("HF_HUB_OFFLINE");
        if offline {
            command.env("HF_HUB_OFFLINE", "1");
        }
        command.output().expect("sumbench embed runs")
    };

    let first = embed("hf://test/tiny@main", false);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    // The listing, then the six files a folder is read from (not make.py).
    assert_eq!(hub.requests(), 7);
    let got = jsonl(&String::from_utf8(first.stdout.clone()).unwrap());
    assert_eq!(got.len(), expected.len());
    for (got, expected) in got.iter().zip(&expected) {
        assert_eq!((&got["id"], &got["input_ids"]), (&expected["id"], &expected["input_ids"]));
        for (x, y) in floats(&got["embedding"]).iter().zip(floats(&expected["embedding"])) {
            assert!((x - y).abs() <= TOLERANCE, "{}: {x} against sentence-transformers' {y}", got["id"]);
        }
    }
    let folder = cache.join("models/test--tiny/main");
    assert!(folder.join("1_Pooling/config.json").is_file() && !folder.join("make.py").exists());

    for offline in [false, true] {
        let again = embed("hf://test/tiny", offline);
        assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
        assert_eq!(again.stdout, first.stdout);
        assert_eq!(hub.requests(), 7, "the second run reads the cache");
    }

    std::fs::write(folder.join("model.safetensors"), b"not the weights").unwrap();
    let changed = embed("hf://test/tiny@main", false);
    assert!(!changed.status.success());
    let stderr = String::from_utf8_lossy(&changed.stderr);
    let path = folder.join("model.safetensors");
    assert!(stderr.contains(&format!("{}: cached file does not match", path.display())), "{stderr}");

    let bad = embed("hf://test/bad", false);
    assert!(!bad.status.success());
    let stderr = String::from_utf8_lossy(&bad.stderr);
    let url = format!("{}/test/bad/resolve/main/model.safetensors", hub.endpoint);
    assert!(
        stderr.contains(&format!("{url}: checksum mismatch: expected sha256 {}", sha256_hex(&weights))),
        "{stderr}"
    );
    assert!(!cache.join("models/test--bad/main/model.safetensors").exists());
}
