//! `sumbench rouge --mode rouge155`.

/// Scores the input with ROUGE-1.5.5 rules.
pub fn run(_args: &super::rouge::Args) -> anyhow::Result<i32> {
    anyhow::bail!("rouge155 mode is not implemented yet")
}
