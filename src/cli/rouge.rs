//! `sumbench rouge`: score candidates against references, JSONL in and out,
//! or line-aligned text files like files2rouge (formats: [`sumbench::pairs`]).
//! Two modes: rouge-score 0.1.2 bit for bit (default) and ROUGE-1.5.5's
//! printed values; both read and write through the same functions, and both
//! refuse a metric listed twice.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use sumbench::harness::pitfalls::{Pitfalls, dropped_letters_in_pairs};
use sumbench::lang::{Language, LanguageChoice};
use sumbench::names::check_list;
use sumbench::pairs::{Pair, PairsError, RowWriter, STDIN, read_aligned, read_jsonl};
use sumbench::profiles::{PackageOptions, ProfileSpec, package};
use sumbench::rouge::{self, Score};
use sumbench::rouge155::{self, Config, Limit};

/// Which ROUGE implementation to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// Google's rouge-score 0.1.2, bit for bit.
    RougeScore,
    /// The ROUGE-1.5.5 Perl script's printed values.
    Rouge155,
}

/// ROUGE-1.5.5's multi-reference rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MultiRef {
    /// `-f A`: pool counts over the references.
    A,
    /// `-f B`: the best reference.
    B,
}

/// `sumbench rouge`: score pairs, or `identify` a reported score.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Command {
    /// `identify`, or nothing to score.
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Scoring's arguments.
    #[command(flatten)]
    pub args: Args,
}

/// What `sumbench rouge` does besides scoring.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Name the package and options that printed a reported ROUGE score: every
    /// profile and option set whose corpus figure reproduces it at its rounding,
    /// closest first, then the nearest that do not.
    Identify(super::identify::Args),
}

/// Arguments of `sumbench rouge` when it scores.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which implementation to match.
    #[arg(long, value_enum, default_value = "rouge-score")]
    pub mode: Mode,
    /// Stem tokens (rouge-score: NLTK Porter; rouge155: its `-m` stemmer).
    #[arg(long, overrides_with = "no_stem")]
    pub stem: bool,
    /// Do not stem (the default).
    #[arg(long)]
    pub no_stem: bool,
    /// rouge-score mode: the tokenizer, rouge-score (bit-identical), multilingual
    /// (XL-Sum's word splitters and stemmers per --language; recommended beyond
    /// English), xlsum (XL-Sum's scorer exactly, its rougeLsum quirk included) or
    /// unicode (NFKC, case folding, Unicode words; never stems).
    #[arg(long, value_name = "PROFILE", default_value = "rouge-score")]
    pub rouge_tokenizer: rouge::RougeTokenizer,
    /// The texts' language: an ISO 639-1 code (zh, de, …), XL-Sum's name
    /// (chinese, german, …) or `auto` (detected per pair from its references;
    /// English where detection fails). A JSONL line's own "lang" wins.
    #[arg(long, value_name = "CODE", default_value = "en")]
    pub language: LanguageChoice,
    /// Comma-separated metrics. rouge-score mode: rouge1…rouge9, rougeL, rougeLsum
    /// (default rouge1,rouge2,rougeL,rougeLsum). rouge155 mode: rouge1…rouge9, rougeL,
    /// rougeW-<weight>, rougeS<k>, rougeSU<k>, rougeS*, rougeSU* (default
    /// rouge1,rouge2,rougeL,rougeW-1.2,rougeS4,rougeSU4).
    #[arg(long, value_delimiter = ',')]
    pub metrics: Vec<String>,
    /// rouge155 mode: multi-reference rule.
    #[arg(long, value_enum, default_value = "a", ignore_case = true)]
    pub multi_ref: MultiRef,
    /// rouge155 mode: remove stop words (`-s`).
    #[arg(long)]
    pub remove_stopwords: bool,
    /// rouge155 mode: keep only the first N words (`-l`).
    #[arg(long, conflicts_with = "limit_bytes")]
    pub limit_words: Option<usize>,
    /// rouge155 mode: keep only the first N bytes (`-b`).
    #[arg(long)]
    pub limit_bytes: Option<usize>,
    /// Line-aligned candidates file (one summary per line; output ids are the
    /// 1-based line numbers); needs --references.
    #[arg(long, requires = "references", conflicts_with = "input")]
    pub candidates: Option<PathBuf>,
    /// Line-aligned reference files (one per reference set).
    #[arg(long, num_args = 1..)]
    pub references: Vec<PathBuf>,
    /// Another package's ROUGE, exactly: NAME[:init.KEY=VALUE,call.KEY=VALUE,...]
    /// with the package's own keyword arguments (VALUE: JSON or a bare string).
    /// Names: rouge, py-rouge, rouge-metric, sumeval, rouge-chinese,
    /// evaluate-rouge, helm, helm-chinese, lm-eval-cnndm, lm-eval-truthfulqa.
    /// Each line prints {"id", "result"} in the package's own shape, or
    /// {"id", "error": {"type", "message"}} where the package raises.
    #[arg(long, value_name = "PROFILE")]
    pub rouge_profile: Option<ProfileSpec>,
    /// JSONL input of {"id", "candidate", "references"}; `-` or nothing reads stdin.
    /// A line that carries "package" and "options" ({"init", "call"}), as the
    /// conformance case files do, runs that package with those arguments.
    pub input: Option<PathBuf>,
}

/// rouge-score mode's metrics when `--metrics` is not given.
const ROUGE_SCORE_DEFAULT: [&str; 4] = ["rouge1", "rouge2", "rougeL", "rougeLsum"];

/// ROUGE-1.5.5 mode's metrics when `--metrics` is not given: those its papers report.
const ROUGE155_DEFAULT: [&str; 6] = ["rouge1", "rouge2", "rougeL", "rougeW-1.2", "rougeS4", "rougeSU4"];

/// The scorer of the chosen mode.
enum ModeScorer {
    RougeScore(rouge::Scorer),
    Rouge155(rouge155::Scorer),
}

impl ModeScorer {
    /// Builds the mode's scorer for `metrics` (checked: known, none listed twice).
    fn new(args: &Args, metrics: &[String]) -> anyhow::Result<Self> {
        check_list("metric", metrics.to_vec())?;
        Ok(match args.mode {
            Mode::RougeScore => {
                if args.remove_stopwords || args.limit_words.is_some() || args.limit_bytes.is_some() {
                    bail!(
                        "--remove-stopwords, --limit-words and --limit-bytes exist only with --mode rouge155"
                    );
                }
                let metrics =
                    metrics.iter().map(|m| m.trim().parse()).collect::<Result<Vec<rouge::Metric>, _>>()?;
                let mut scorer = rouge::Scorer::new(&metrics, args.stem).with_tokenizer(args.rouge_tokenizer);
                if let LanguageChoice::Fixed(language) = args.language {
                    args.rouge_tokenizer.check_language(language)?;
                    scorer = scorer.with_language(language);
                }
                ModeScorer::RougeScore(scorer)
            }
            Mode::Rouge155 if args.rouge_tokenizer != rouge::RougeTokenizer::RougeScore => {
                bail!(
                    "--rouge-tokenizer exists only with --mode rouge-score (ROUGE-1.5.5 keeps the script's tokenizer)"
                )
            }
            Mode::Rouge155 if args.language != LanguageChoice::Fixed(Language::English) => {
                bail!("--language exists only with --mode rouge-score (ROUGE-1.5.5 is for English)")
            }
            Mode::Rouge155 => ModeScorer::Rouge155(rouge155::Scorer::new(Config {
                metrics: metrics.iter().map(|m| m.parse()).collect::<Result<_, _>>()?,
                multi_ref: match args.multi_ref {
                    MultiRef::A => rouge155::MultiRef::Pooled,
                    MultiRef::B => rouge155::MultiRef::Best,
                },
                stem: args.stem,
                remove_stopwords: args.remove_stopwords,
                limit: match (args.limit_words, args.limit_bytes) {
                    (Some(n), _) => Limit::Words(n),
                    (None, Some(n)) => Limit::Bytes(n),
                    (None, None) => Limit::None,
                },
            })),
        })
    }

    /// Scores one pair in `language`; ROUGE-1.5.5's warnings (references the
    /// Perl script would die on) go to stderr.
    fn score(&self, pair: &Pair, language: Language) -> Vec<Score> {
        match self {
            ModeScorer::RougeScore(scorer) if scorer.language() != language => {
                scorer.clone().with_language(language).score_multi(&pair.references, &pair.candidate)
            }
            ModeScorer::RougeScore(scorer) => scorer.score_multi(&pair.references, &pair.candidate),
            ModeScorer::Rouge155(scorer) => {
                let prepared = scorer.prepare(&pair.references);
                for warning in prepared.warnings() {
                    eprintln!("warning: line {} (id {}): {warning}", pair.line, pair.id);
                }
                scorer.score(&prepared, &pair.candidate)
            }
        }
    }
}

/// Runs `sumbench rouge`.
pub fn run(command: Command) -> anyhow::Result<i32> {
    match command.action {
        Some(Action::Identify(args)) => super::identify::run(args),
        None => score(command.args),
    }
}

/// The pairs `sumbench rouge` and `rouge identify` read: line-aligned
/// `candidates` against `references`, or JSONL from `input` (stdin when
/// `None` or `-`), streamed.
pub fn open_pairs<'a>(
    candidates: Option<&Path>,
    references: &[PathBuf],
    input: Option<&'a Path>,
) -> anyhow::Result<Box<dyn Iterator<Item = Result<Pair, PairsError>> + 'a>> {
    if let Some(candidates) = candidates {
        return Ok(Box::new(read_aligned(candidates, references)?.into_iter().map(Ok)));
    }
    if !references.is_empty() {
        bail!("--references needs --candidates (JSONL input carries its own references)");
    }
    let name = sumbench::jsonl::input_name(input);
    let opened =
        sumbench::jsonl::open_input(input).with_context(|| format!("{}: cannot open", name.display()))?;
    Ok(Box::new(read_jsonl(opened, name)))
}

/// Scores every pair of the input and writes one JSONL row per pair to stdout.
fn score(args: Args) -> anyhow::Result<i32> {
    let metrics: Vec<String> = match (args.metrics.is_empty(), args.mode) {
        (false, _) => args.metrics.iter().map(|m| m.trim().to_string()).collect(),
        (true, Mode::RougeScore) => ROUGE_SCORE_DEFAULT.map(String::from).to_vec(),
        (true, Mode::Rouge155) => ROUGE155_DEFAULT.map(String::from).to_vec(),
    };
    let scorer = ModeScorer::new(&args, &metrics)?;
    let pairs = open_pairs(args.candidates.as_deref(), &args.references, args.input.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let rows = RowWriter::new(&metrics);
    let mut lsum_warned = !metrics.iter().any(|m| m == "rougeLsum");
    // Letters rouge-score's tokenizer drops (the rule of a run's corpus warning).
    let ascii_only =
        args.mode == Mode::RougeScore && args.rouge_tokenizer == rouge::RougeTokenizer::RougeScore;
    let (mut pairs_seen, mut dropping) = (0, 0);
    // The detected languages of the (first 100) pairs whose letters the profile drops.
    let mut dropped_languages: Vec<Language> = Vec::new();
    let profile = args.rouge_profile.as_ref().map(ProfileSpec::build).transpose()?;
    for pair in pairs {
        let pair = pair?;
        if let Some((name, options)) = &pair.package {
            let options = PackageOptions::from_json(options.as_ref()).map_err(|problem| {
                let file = args.input.as_deref().filter(|p| p.as_os_str() != "-").unwrap_or(Path::new(STDIN));
                anyhow::anyhow!(
                    "{}:{} (id {}): field `options`: {problem}",
                    file.display(),
                    pair.line,
                    pair.id
                )
            })?;
            let outcome =
                package(name, &options).and_then(|package| package.call(&pair.candidate, &pair.references));
            write_outcome(&mut out, &pair.id, outcome)?;
            continue;
        }
        if let Some(profile) = &profile {
            write_outcome(&mut out, &pair.id, profile.call(&pair.candidate, &pair.references))?;
            continue;
        }
        pairs_seen += 1;
        // All-ASCII text has no letter outside ASCII to drop: skip the count.
        let all_ascii = pair.candidate.is_ascii() && pair.references.iter().all(|r| r.is_ascii());
        if ascii_only
            && !all_ascii
            && Pitfalls::of_document(&pair.candidate, &pair.references).drops_letters()
        {
            dropping += 1;
            if dropping <= 100 {
                dropped_languages.extend(Language::detect(&pair.references.join("\n")));
            }
        }
        let language = pair_language(&pair, args.language);
        if let ModeScorer::RougeScore(_) = scorer
            && let Err(error) = args.rouge_tokenizer.check_language(language)
        {
            bail!("line {} (id {}): {error}", pair.line, pair.id);
        }
        if !lsum_warned && !pair.candidate.contains('\n') && pair.references.iter().all(|r| !r.contains('\n'))
        {
            eprintln!(
                "warning: line {}: rougeLsum on texts without line breaks equals rougeL \
                 (give one sentence per line)",
                pair.line
            );
            lsum_warned = true;
        }
        let scores = scorer.score(&pair, language);
        rows.write(&mut out, &pair.id, &scores).context("cannot write to stdout")?;
    }
    out.flush().context("cannot write to stdout")?;
    if let Some(warning) = dropped_letters_in_pairs(dropping, pairs_seen) {
        dropped_languages.sort();
        let most = dropped_languages.chunk_by(|a, b| a == b).max_by_key(|run| run.len()).map(|run| run[0]);
        match most {
            Some(language) => eprintln!(
                "warning: {warning}\nhint: --rouge-tokenizer multilingual --language {code} scores them with \
                 XL-Sum's word splitter and stemmer ({code}: detected)",
                code = language.code()
            ),
            None => eprintln!(
                "warning: {warning}\nhint: --rouge-tokenizer multilingual --language CODE scores them with \
                 the language's word splitter and stemmer (CODE: ISO 639-1, such as ru or zh)"
            ),
        }
    }
    Ok(0)
}

/// One line of a package's output: `{"id", "result"}`, or `{"id", "error":
/// {"type", "message"}}` where the package raises.
fn write_outcome(
    out: &mut impl Write,
    id: &str,
    outcome: Result<serde_json::Value, sumbench::profiles::Raised>,
) -> anyhow::Result<()> {
    let (key, value) = match outcome {
        Ok(result) => ("result", result),
        Err(raised) => ("error", raised.to_json()),
    };
    let id = serde_json::Value::from(id);
    writeln!(out, "{{\"id\":{id},\"{key}\":{value}}}").context("cannot write to stdout")
}

/// The language a pair is scored in: the line's own `lang`, else
/// `--language` (`auto`: detected from the references, English if that fails).
fn pair_language(pair: &Pair, choice: LanguageChoice) -> Language {
    match (pair.language, choice) {
        (Some(language), _) => language,
        (None, LanguageChoice::Fixed(language)) => language,
        (None, LanguageChoice::Auto) => Language::detect(&pair.references.join("\n")).unwrap_or_default(),
    }
}
