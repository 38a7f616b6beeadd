//! `report.html` and `compare.html` (issue #15): written into every run
//! directory and listed in `run.json`, self-contained, escaping every text it
//! shows, bounded on large corpora, and `compare --html` writes its page.

use std::path::Path;

use crate::util::sumbench;

const ALERT: &str = "<script>alert(1)</script>";

/// Writes a JSONL corpus of `docs` documents; `text(i)` gives document `i`'s text.
fn write_corpus(path: &Path, docs: usize, id: impl Fn(usize) -> String, text: impl Fn(usize) -> String) {
    let mut out = String::new();
    for i in 0..docs {
        let line = serde_json::json!({
            "id": id(i),
            "text": text(i),
            "references": [format!("Reference {i}: the council approved the budget. {ALERT} \"quoted\" </script><!--")],
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

fn run(corpus: &Path, out: &Path, summarizers: &str, seed: &str) {
    sumbench()
        .args(["run", "--quiet", "--summarizers", summarizers, "--seed", seed, "--corpus"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .assert()
        .success();
}

/// No `src` or `href` (nor `url(`) leaves the file.
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for bad in
        ["src=\"http", "href=\"http", "src=http", "href=http", "url(http", "@import", "src=\"//", "href=\"//"]
    {
        assert!(!lower.contains(bad), "the page loads something from outside: {bad}");
    }
    assert!(!lower.contains("<link"), "no external style sheets");
}

/// Only the page's own script element, and the hostile text only escaped.
fn assert_escaped(html: &str) {
    assert!(!html.contains(ALERT), "a document's <script> reached the page unescaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, escaped");
    assert_eq!(html.matches("<script").count(), 1, "one script element: the page's own");
    assert!(!html.contains("<!--"), "no comment opened by a text");
}

fn hostile_text(i: usize) -> String {
    format!(
        "Document {i} opens with {ALERT} and \"double\" and 'single' quotes & ampersands. \
         The council approved the budget on Monday. \
         شارك المجلس في التصويت على الميزانية. \
         ההצעה אושרה ברוב קולות. \
         Residents celebrated 🎉 with fireworks 🚀 downtown. \
         Critics said the plan </script><!-- ignores the poor."
    )
}

#[test]
fn report_html_is_written_listed_self_contained_and_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("hostile.jsonl");
    write_corpus(&corpus, 3, |i| if i == 0 { ALERT.to_string() } else { format!("doc\"{i}'") }, hostile_text);
    let out = tmp.path().join("run");
    run(&corpus, &out, "lead,oracle", "1");
    let html = std::fs::read_to_string(out.join("report.html")).expect("report.html in the run directory");
    let info: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("run.json")).unwrap()).unwrap();
    assert!(info["files"]["report.html"].is_string(), "run.json lists report.html with its SHA-256");
    assert_self_contained(&html);
    assert_escaped(&html);
    assert!(html.contains("ההצעה אושרה") && html.contains("🎉"), "RTL text and emoji are kept");
    assert_eq!(
        html.matches("<article class=\"doc\"").count(),
        3,
        "every document of a small run is embedded"
    );
    assert!(html.contains("class=\"s\" data-by=\"0 1\"") || html.contains("class=\"s\" data-by=\"0\""));
    assert!(html.contains("<b>") || html.contains("<i>"), "summary n-grams found in a reference are marked");
}

#[test]
fn corpus_level_scores_are_in_the_page_as_in_corpus_level_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("news.jsonl");
    write_corpus(
        &corpus,
        3,
        |i| format!("d{i}"),
        |i| format!("The council met on day {i}. It approved the budget."),
    );
    let out = tmp.path().join("run");
    sumbench()
        .args(["run", "--quiet", "--summarizers", "lead,luhn", "--metrics", "rouge1,bleu,chrf", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let csv = std::fs::read_to_string(out.join("corpus_level.csv")).unwrap();
    let table = &html[html.find("<table class=\"sortable corpus-level\">").expect("a corpus-level table")..];
    let table = &table[..table.find("</table>").unwrap()];
    // Every corpus_level.csv score, to 2 decimals, in its summarizer's row.
    let mut rows = 0;
    for line in csv.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let (summarizer, score): (&str, f64) = (fields[1], fields[3].parse().unwrap());
        let row = &table[table.find(&format!("<bdi>{summarizer}</bdi>")).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains(&format!(">{score:.2}</td>")), "{summarizer} {score} in {row}");
        let signature = fields[6];
        assert!(html.contains(&format!("<code>{signature}</code>")), "{signature}");
        rows += 1;
    }
    assert_eq!(rows, 2 * 2, "lead and luhn × bleu and chrF");
}

#[test]
fn a_five_megabyte_document_is_cut_in_the_page() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("big.jsonl");
    let sentence = "The council approved the budget after a long debate about roads and schools. ";
    let big = sentence.repeat(5 * 1024 * 1024 / sentence.len() + 1);
    write_corpus(&corpus, 2, |i| format!("d{i}"), |i| if i == 0 { big.clone() } else { hostile_text(i) });
    let out = tmp.path().join("run");
    run(&corpus, &out, "lead", "1");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.len() < 1_000_000, "the page stays small: {} bytes", html.len());
    assert!(html.contains("Cut: the document has"), "the page says the text was cut");
    assert_escaped(&html);
}

#[test]
fn a_large_corpus_embeds_a_bounded_set_of_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("large.jsonl");
    write_corpus(
        &corpus,
        600,
        |i| format!("doc{i:04}"),
        |i| {
            format!(
                "Item {i} was discussed. The council approved the budget for item {i}. Residents disagreed {}.",
                i % 7
            )
        },
    );
    let out = tmp.path().join("run");
    run(&corpus, &out, "lead,random", "3");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let embedded = html.matches("<article class=\"doc\"").count();
    assert_eq!(embedded, sumbench::report::html::MAX_DOCUMENTS);
    assert!(html.contains(&format!("embeds {embedded} of 600 documents")));
}

#[test]
fn long_documents_are_embedded_within_the_byte_budget_extremes_first() {
    use sumbench::report::html::{MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, MAX_EMBEDDED_BYTES};
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("long.jsonl");
    // 200 documents, each cut to MAX_DOCUMENT_BYTES on the page: 4 MB of text alone.
    let sentence = |i: usize| format!("Item {i} was discussed by the council at length today. ");
    let repeats = MAX_DOCUMENT_BYTES / sentence(0).len() + 2;
    write_corpus(&corpus, MAX_DOCUMENTS, |i| format!("doc{i:03}"), |i| sentence(i).repeat(repeats));
    let out = tmp.path().join("run");
    run(&corpus, &out, "lead,random", "3");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let embedded = html.matches("<article class=\"doc\"").count();
    // Each embedded document carries at least its cut text.
    let most = MAX_EMBEDDED_BYTES / (MAX_DOCUMENT_BYTES - 100);
    assert!(embedded <= most && embedded >= most / 2, "{embedded} documents embedded");
    assert!(html.contains(&format!("embeds {embedded} of {MAX_DOCUMENTS} documents")));
    assert!(html.contains("best of lead (rouge1)") && html.contains("worst of random (rouge1)"));
    assert!(html.len() < 2 * MAX_EMBEDDED_BYTES, "{} bytes", html.len());
}

#[test]
fn compare_html_writes_a_self_contained_page() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("hostile.jsonl");
    write_corpus(&corpus, 12, |i| format!("d{i}{}", if i == 0 { ALERT } else { "" }), hostile_text);
    let (base, new) = (tmp.path().join("base"), tmp.path().join("new"));
    run(&corpus, &base, "lead,random", "1");
    run(&corpus, &new, "lead,random", "2");
    let page = tmp.path().join("compare.html");
    sumbench().arg("compare").arg(&base).arg(&new).arg("--html").arg(&page).assert().success();
    let html = std::fs::read_to_string(&page).expect("compare.html written");
    assert_self_contained(&html);
    assert!(!html.contains(ALERT));
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("Documents that regressed most") && html.contains("Per-document differences"));
}

/// rouge-score's F is a fraction, shown × 100; BLEU (0–100) and a ROUGE
/// profile's values are shown as they are: each table cell is `summary.csv`'s
/// mean printed that way, never 100 times a BLEU score.
#[test]
fn each_metric_is_shown_on_its_own_scale() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = crate::util::embedded_corpus("billsum");
    let cell = |out: &Path, metric: &str, scale: f64, decimals: usize| {
        let mut reader = csv::Reader::from_path(out.join("summary.csv")).unwrap();
        let headers = reader.headers().unwrap().clone();
        let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let row = reader
            .records()
            .map(Result::unwrap)
            .find(|r| &r[column("summarizer")] == "lead" && &r[column("metric")] == metric)
            .unwrap();
        let mean: f64 = row[column("fmeasure_mean")].parse().unwrap();
        format!("data-v=\"{mean}\">{:.*}", decimals, scale * mean)
    };
    let out = tmp.path().join("bleu");
    sumbench()
        .args(["run", "--quiet", "--summarizers", "lead", "--metrics", "rouge1,bleu,dangling", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains(&cell(&out, "rouge1", 100.0, 2)), "rouge1 × 100");
    assert!(html.contains(&cell(&out, "bleu", 1.0, 2)), "bleu as it is");
    // A share in [0, 1] not shown × 100 keeps 4 decimals (systems differ in the third).
    assert!(html.contains(&cell(&out, "dangling", 1.0, 4)), "dangling with 4 decimals");
    let out = tmp.path().join("truthfulqa");
    sumbench()
        .args([
            "run",
            "--quiet",
            "--summarizers",
            "lead",
            "--rouge-profile",
            "lm-eval-truthfulqa",
            "--corpus",
        ])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains(&cell(&out, "rouge1", 1.0, 2)), "the profile's own scale (× 100 already)");
}
