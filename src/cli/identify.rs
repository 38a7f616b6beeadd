//! `sumbench rouge identify`: which package and options printed a reported
//! ROUGE score ([`sumbench::profiles::identify`]), for the pairs it was
//! printed for.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use sumbench::lang::Language;
use sumbench::pairs::Pair;
use sumbench::profiles;
use sumbench::profiles::identify::{Found, identify, parse_reported};

/// Arguments of `sumbench rouge identify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The reported scores, as printed: NAME=VALUE,... (rouge1=44.10,rouge2=21.07,rougeL=40.71;
    /// names as papers write them: rouge1, ROUGE-1, R-1, rougeL, R-L, rougeLsum). Numbers
    /// above 1 are read as percentages; each must be reproduced at its printed decimals.
    #[arg(long, value_name = "SCORES")]
    pub reported: String,
    /// Line-aligned candidates file; needs --references.
    #[arg(long, requires = "references", conflicts_with = "input")]
    pub candidates: Option<PathBuf>,
    /// Line-aligned reference files (one per reference set).
    #[arg(long, num_args = 1..)]
    pub references: Vec<PathBuf>,
    /// The texts' language, for XL-Sum's scorer (ISO 639-1 or XL-Sum's name).
    #[arg(long, value_name = "CODE", default_value = "en")]
    pub language: Language,
    /// Print every setting as JSON Lines, closest first:
    /// {"package", "options", "figures", "exact", "distance", "note"}.
    #[arg(long)]
    pub json: bool,
    /// How many of the nearest settings that do not match to list (text output).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub near: usize,
    /// JSONL input of {"id", "candidate", "references"}; `-` or nothing reads stdin.
    pub input: Option<PathBuf>,
}

/// Runs `identify` and prints its list.
pub fn run(args: Args) -> anyhow::Result<i32> {
    let reported = parse_reported(&args.reported)?;
    let pairs: Vec<Pair> =
        super::rouge::open_pairs(args.candidates.as_deref(), &args.references, args.input.as_deref())?
            .collect::<Result<_, _>>()?;
    if pairs.is_empty() {
        bail!("no pairs to score: the input is empty");
    }
    let views: Vec<profiles::Pair> =
        pairs.iter().map(|p| profiles::Pair { candidate: &p.candidate, references: &p.references }).collect();
    let found = identify(&views, &reported, args.language);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        for f in &found {
            let line = serde_json::json!({
                "package": f.package, "options": f.options, "figures": f.figures,
                "exact": f.exact, "distance": if f.distance.is_finite() { Some(f.distance) } else { None },
                "note": f.note,
            });
            writeln!(out, "{line}").context("cannot write to stdout")?;
        }
        return Ok(0);
    }
    let matches: Vec<&Found> = found.iter().filter(|f| f.exact).collect();
    let wanted: Vec<String> =
        reported.iter().map(|r| format!("{}={}", r.name, number(r.value, r.decimals))).collect();
    writeln!(out, "reported: {} over {} pairs", wanted.join(", "), pairs.len())?;
    if matches.is_empty() {
        writeln!(out, "\nno setting reproduces every reported number at its rounding.")?;
    } else {
        writeln!(out, "\nsettings that reproduce every reported number ({}):", matches.len())?;
        for f in &matches {
            line(&mut out, f, &reported)?;
        }
    }
    let near: Vec<&Found> =
        found.iter().filter(|f| !f.exact && f.distance.is_finite()).take(args.near).collect();
    if !near.is_empty() {
        writeln!(out, "\nnearest settings that do not match:")?;
        for f in near {
            line(&mut out, f, &reported)?;
        }
    }
    let failed: Vec<&Found> = found.iter().filter(|f| !f.distance.is_finite()).collect();
    if !failed.is_empty() {
        writeln!(
            out,
            "\n{} settings give no figure for every reported name (a variant they lack, or an error):",
            failed.len()
        )?;
        for f in failed {
            writeln!(
                out,
                "  {} {}: {}",
                f.package,
                f.options,
                f.note.as_deref().unwrap_or("no such variant")
            )?;
        }
    }
    Ok(0)
}

/// One setting: package, options, its figures at the reported rounding.
fn line(out: &mut impl Write, f: &Found, reported: &[profiles::identify::Reported]) -> anyhow::Result<()> {
    let figures: Vec<String> = reported
        .iter()
        .map(|r| match f.figures.get(&r.name).copied().flatten() {
            Some(value) => format!("{}={}", r.name, number(value, r.decimals)),
            None => format!("{}=-", r.name),
        })
        .collect();
    let distance = if f.exact { String::new() } else { format!("  (off by {:.4})", f.distance) };
    writeln!(out, "  {:<15} {}\n      {}{distance}", f.package, f.options, figures.join(" "))?;
    if let Some(note) = &f.note {
        writeln!(out, "      note: {note}")?;
    }
    Ok(())
}

/// `value` with `decimals` digits after the point.
fn number(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}")
}
