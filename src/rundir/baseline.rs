//! Named baselines: `results/NAME/`, never overwritten without being told to.

use std::path::{Path, PathBuf};

/// Why a baseline directory cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BaselineError {
    /// A name that is not a plain directory name, or the reserved `latest`.
    #[error("bad baseline name `{0}`: use a plain name other than `latest`, e.g. `main`")]
    BadName(String),
    /// The baseline already holds a report.
    #[error("baseline {} already exists and is never overwritten silently", .0.display())]
    Exists(PathBuf),
}

/// The directory of baseline `name` under `results`: refused when the name is
/// not a plain name, or when the directory already holds files and `replace`
/// is false.
pub fn baseline_dir(results: &Path, name: &str, replace: bool) -> Result<PathBuf, BaselineError> {
    if name.is_empty() || name == "latest" || name.contains(['/', '\\']) || name.starts_with('.') {
        return Err(BaselineError::BadName(name.to_string()));
    }
    let dir = results.join(name);
    let occupied = std::fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied && !replace {
        return Err(BaselineError::Exists(dir));
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_existing_baselines_are_checked() {
        let root = tempfile::tempdir().unwrap();
        assert_eq!(baseline_dir(root.path(), "main", false), Ok(root.path().join("main")));
        for bad in ["", "latest", "a/b", ".hidden"] {
            assert_eq!(baseline_dir(root.path(), bad, true), Err(BaselineError::BadName(bad.into())));
        }
        std::fs::create_dir(root.path().join("main")).unwrap();
        std::fs::write(root.path().join("main/run.json"), "{}").unwrap();
        assert_eq!(
            baseline_dir(root.path(), "main", false),
            Err(BaselineError::Exists(root.path().join("main")))
        );
        assert_eq!(baseline_dir(root.path(), "main", true), Ok(root.path().join("main")));
    }
}
