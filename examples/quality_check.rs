//! Development aid for the quality table in the README: mean ROUGE-1/2 F (stemmed,
//! multi-reference) of chosen summarizers over a JSONL corpus, with the word
//! budget = round(mean reference words), as `shared/tools/sumy_baseline.py
//! --length ref-words` measures sumy.
//!
//! `cargo run --release --example quality_check -- CORPUS.jsonl [name,name,...] [max_docs]`

use rayon::prelude::*;
use sumbench::corpus::{ReadOptions, read_corpus};
use sumbench::harness::EvalDocument;
use sumbench::rouge::{DocumentScorer, Metric, Scorer, sentence_per_line};
use sumbench::summarize::{Budget, BuildOptions, build, registry};
use sumbench::text::WordTokenizer;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = std::path::Path::new(args.get(1).expect("usage: quality_check CORPUS.jsonl [names] [max]"));
    let names: Vec<String> = match args.get(2).map(String::as_str) {
        None | Some("all") => registry().iter().map(|e| e.name.to_string()).collect(),
        Some(list) => list.split(',').map(str::to_string).collect(),
    };
    let max_docs: usize = args.get(3).map(|s| s.parse().unwrap()).unwrap_or(usize::MAX);
    let mut docs = read_corpus(path, &ReadOptions::default()).expect("corpus");
    docs.truncate(max_docs);
    let prepared = EvalDocument::prepare_corpus(docs, &WordTokenizer::english());
    let scorer = Scorer::new(&[Metric::N(1), Metric::N(2)], true);
    println!("{:<10} {:>8} {:>8} {:>9}", "name", "R1-F", "R2-F", "seconds");
    for name in names {
        let summarizer = build(&name, &BuildOptions::default()).expect("known summarizer");
        let start = std::time::Instant::now();
        let scores: Vec<[f64; 2]> = prepared
            .par_iter()
            .map(|eval| {
                let (doc, refs) = (&eval.doc, &eval.references);
                let mean_words = refs.iter().map(|r| r.split_whitespace().count()).sum::<usize>() as f64
                    / refs.len() as f64;
                let budget = Budget::Words((mean_words.round_ties_even() as usize).max(1));
                let summary = eval.summarize(summarizer.as_ref(), &budget);
                let lined: Vec<String> = refs.iter().map(|r| sentence_per_line(r)).collect();
                let spans: Vec<_> = doc.sentences.iter().map(|s| s.span.clone()).collect();
                let ds = DocumentScorer::new(&scorer, &lined, &doc.source.text, &spans);
                let s = ds.score_spans(&summary.spans(doc));
                [s[0].fmeasure, s[1].fmeasure]
            })
            .collect();
        let n = scores.len() as f64;
        let r1 = scores.iter().map(|s| s[0]).sum::<f64>() / n * 100.0;
        let r2 = scores.iter().map(|s| s[1]).sum::<f64>() / n * 100.0;
        println!("{name:<10} {r1:>8.2} {r2:>8.2} {:>9.3}", start.elapsed().as_secs_f64());
    }
}
