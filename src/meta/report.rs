//! The files `sumbench meta` writes: `meta.csv`, `meta_tests.csv` and
//! `meta.md`.
//!
//! Owns: their layouts (byte-deterministic: floats in Rust's shortest
//! round-trip form, an undefined value as an empty field, `\n` line ends) and
//! writing each file atomically (a temporary file in the same directory, then
//! a rename), so a reader sees the old file or the new one, never a part.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{Correlation, MetaError, MetaOptions, MetaReport, PairTest};

/// Header of `meta.csv`, one row per level × metric × judgment × coefficient.
pub const META_HEADER: [&str; 8] =
    ["level", "metric", "judgment", "coefficient", "value", "ci_low", "ci_high", "n"];

/// Header of `meta_tests.csv`, one row per level × judgment × coefficient ×
/// pair of metrics (A before B by name).
///
/// `r_a`, `r_b`: each metric's correlation on the cells both have; `delta` =
/// `r_a − r_b`; `p_value`: two-sided permutation test; `p_holm`: Holm-adjusted
/// within the (level, judgment, coefficient) family; `n`: systems, documents
/// or cells as in `meta.csv`; `permutations`: permutations with a defined delta.
pub const TESTS_HEADER: [&str; 12] = [
    "level",
    "judgment",
    "coefficient",
    "metric_a",
    "metric_b",
    "r_a",
    "r_b",
    "delta",
    "p_value",
    "p_holm",
    "n",
    "permutations",
];

/// A float as written in the CSV files: shortest round-trip, empty when `NaN`.
fn number(value: f64) -> String {
    if value.is_nan() { String::new() } else { value.to_string() }
}

fn csv_bytes<const N: usize>(header: [&str; N], rows: impl Iterator<Item = [String; N]>) -> Vec<u8> {
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    writer.write_record(header).expect("writing CSV to memory cannot fail");
    for row in rows {
        writer.write_record(&row).expect("writing CSV to memory cannot fail");
    }
    writer.into_inner().expect("writing CSV to memory cannot fail")
}

/// The bytes of `meta.csv` ([`META_HEADER`]).
pub fn meta_csv(correlations: &[Correlation]) -> Vec<u8> {
    csv_bytes(
        META_HEADER,
        correlations.iter().map(|c| {
            [
                c.level.name().to_string(),
                c.metric.clone(),
                c.judgment.clone(),
                c.coefficient.name().to_string(),
                number(c.value),
                number(c.ci.low),
                number(c.ci.high),
                c.n.to_string(),
            ]
        }),
    )
}

/// The bytes of `meta_tests.csv` ([`TESTS_HEADER`]).
pub fn tests_csv(tests: &[PairTest]) -> Vec<u8> {
    csv_bytes(
        TESTS_HEADER,
        tests.iter().map(|t| {
            [
                t.level.name().to_string(),
                t.judgment.clone(),
                t.coefficient.name().to_string(),
                t.metric_a.clone(),
                t.metric_b.clone(),
                number(t.outcome.r_a),
                number(t.outcome.r_b),
                number(t.outcome.delta),
                number(t.outcome.p_value),
                number(t.p_holm),
                t.n.to_string(),
                t.outcome.permutations.to_string(),
            ]
        }),
    )
}

fn fixed(value: f64) -> String {
    if value.is_nan() { "–".to_string() } else { format!("{value:.4}") }
}

/// The text of `meta.md`: per level, a table of metric × judgment with each
/// coefficient and its interval, then the pairwise tests.
pub fn meta_markdown(report: &MetaReport, options: &MetaOptions) -> String {
    let mut md = String::from("# Meta-evaluation\n\n");
    let _ = writeln!(
        md,
        "Correlation of each metric with each human judgment; brackets: {:.0}% percentile bootstrap interval \
         ({} samples resampling {}, seed {}).\n",
        options.confidence * 100.0,
        options.samples,
        options.resample.name(),
        options.seed
    );
    for level in super::Level::ALL {
        let rows: Vec<&Correlation> = report.correlations.iter().filter(|c| c.level == level).collect();
        let _ = writeln!(md, "## {} level\n", level.name());
        md.push_str("| metric | judgment | pearson | spearman | kendall | n |\n|---|---|---|---|---|---|\n");
        for group in rows.chunks(super::Coefficient::ALL.len()) {
            let cell =
                |c: &Correlation| format!("{} [{}, {}]", fixed(c.value), fixed(c.ci.low), fixed(c.ci.high));
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} | {} |",
                group[0].metric,
                group[0].judgment,
                cell(group[0]),
                cell(group[1]),
                cell(group[2]),
                group[0].n
            );
        }
        md.push('\n');
    }
    if !report.tests.is_empty() {
        let _ = writeln!(
            md,
            "## Pairwise tests\n\nTwo-sided permutation test (both systems and documents, {} permutations) of \
             r(A) = r(B); p_holm is Holm-adjusted within each level × judgment × coefficient.\n",
            options.permutations
        );
        md.push_str("| level | judgment | coefficient | A | B | r(A) − r(B) | p | p_holm |\n");
        md.push_str("|---|---|---|---|---|---|---|---|\n");
        for t in &report.tests {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                t.level.name(),
                t.judgment,
                t.coefficient.name(),
                t.metric_a,
                t.metric_b,
                fixed(t.outcome.delta),
                fixed(t.outcome.p_value),
                fixed(t.p_holm)
            );
        }
        md.push('\n');
    }
    if !report.warnings.is_empty() {
        md.push_str("## Warnings\n\n");
        for w in &report.warnings {
            let _ = writeln!(md, "- {w}");
        }
    }
    md
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed
/// and synced, then renamed over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), MetaError> {
    let fail = |source: std::io::Error| MetaError::Write { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new().prefix(".meta-").tempfile_in(dir).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.as_file().sync_all().map_err(fail)?;
    file.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Creates `dir` if needed and writes `meta.csv`, `meta_tests.csv` and
/// `meta.md` into it, each atomically; returns their paths.
pub fn write_report(
    dir: &Path,
    report: &MetaReport,
    options: &MetaOptions,
) -> Result<Vec<PathBuf>, MetaError> {
    std::fs::create_dir_all(dir).map_err(|source| MetaError::Write { path: dir.to_path_buf(), source })?;
    let files = [
        ("meta.csv", meta_csv(&report.correlations)),
        ("meta_tests.csv", tests_csv(&report.tests)),
        ("meta.md", meta_markdown(report, options).into_bytes()),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        write_atomically(&path, &bytes)?;
        paths.push(path);
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::{Coefficient, Level};
    use crate::report::bootstrap::Interval;

    #[test]
    fn undefined_values_are_empty_fields() {
        let row = |value: f64, n: usize| Correlation {
            level: Level::Summary,
            metric: "rouge1".into(),
            judgment: "coherence".into(),
            coefficient: Coefficient::Kendall,
            value,
            ci: Interval { low: f64::NAN, high: f64::NAN },
            n,
        };
        let csv = String::from_utf8(meta_csv(&[row(f64::NAN, 0), row(0.25, 3)])).unwrap();
        assert_eq!(
            csv,
            "level,metric,judgment,coefficient,value,ci_low,ci_high,n\n\
             summary,rouge1,coherence,kendall,,,,0\n\
             summary,rouge1,coherence,kendall,0.25,,,3\n"
        );
    }
}
