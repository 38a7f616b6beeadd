//! Whole-directory output. A report directory is written into a staging
//! folder beside it and put in place in one step ([`StagedDir::publish`]), so
//! a reader, a crash at any moment, or a second run writing the same
//! directory never leaves a mix of two runs: the directory holds the old
//! complete report or the new complete one.
//!
//! On Linux the step is `renameat2(RENAME_EXCHANGE)`: the staged folder and
//! the old directory swap names atomically, then the old contents (now in the
//! staging name) are removed. Elsewhere the old directory is first renamed
//! aside, which leaves a moment where the path is missing (never mixed).
//! Every file's SHA-256 is taken while it is written, for `run.json`.
//!
//! The staging folder is named after its owner,
//! `.sumbench-staging-{host}-{pid}-{random}`, and registered for removal on
//! interrupt while it is written (see [`crate::cleanup`]); the swap runs
//! under the registry's lock. [`remove_stale`] removes the staging folders
//! beside a target that a killed process left.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

use crate::cleanup::{self, Registration, Stale};

/// Prefix of staging folders (hidden, beside the target), followed by the
/// owner's host and pid. A run killed before it publishes (SIGKILL) leaves one
/// behind, which never holds the only copy of anything and which the next
/// run removes ([`remove_stale`]); an interrupted one (SIGINT, SIGTERM caught
/// by the binary) removes its own.
pub const STAGING_PREFIX: &str = ".sumbench-staging-";

/// A report directory being written: files go into a staging folder beside
/// `target`; dropped without [`StagedDir::publish`], the folder is removed and
/// `target` is untouched.
#[derive(Debug)]
pub struct StagedDir {
    target: PathBuf,
    staging: tempfile::TempDir,
    registration: Registration,
    sha256: BTreeMap<String, String>,
    /// The `fsync` of each closed file, running beside the rest of the run;
    /// [`StagedDir::publish`] waits for every one before the swap.
    syncs: Vec<JoinHandle<io::Result<()>>>,
}

/// One file of a [`StagedDir`] being streamed, hashed as it is written.
#[derive(Debug)]
pub struct StagedFile {
    name: String,
    file: BufWriter<File>,
    hasher: Sha256,
}

impl StagedDir {
    /// Starts a report directory to replace `target`. `replaceable` tells
    /// which file names a replaceable directory may hold: `target` must be
    /// missing, or a directory holding only such files (so a mistaken
    /// `--out ~` never deletes anything else).
    pub fn create(target: &Path, replaceable: &[&str]) -> io::Result<Self> {
        if target.exists() {
            if !target.is_dir() {
                return Err(io::Error::other("exists and is not a directory"));
            }
            let foreign = foreign_entries(target, replaceable)?;
            if !foreign.is_empty() {
                return Err(io::Error::other(format!(
                    "holds files that are not part of a report ({}); it is never replaced",
                    foreign.join(", ")
                )));
            }
        }
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if parent.exists() && !parent.is_dir() {
            return Err(io::Error::other(format!("{} is not a directory", parent.display())));
        }
        std::fs::create_dir_all(parent)?;
        let staging =
            tempfile::Builder::new().prefix(&cleanup::owned_prefix(STAGING_PREFIX)).tempdir_in(parent)?;
        let registration = cleanup::register(staging.path().to_path_buf());
        Ok(StagedDir {
            target: target.to_path_buf(),
            staging,
            registration,
            sha256: BTreeMap::new(),
            syncs: Vec::new(),
        })
    }

    /// Opens file `name` for streaming; give it back with [`StagedDir::close`].
    pub fn stream(&self, name: &str) -> io::Result<StagedFile> {
        let file = BufWriter::new(File::create(self.staging.path().join(name))?);
        Ok(StagedFile { name: name.to_string(), file, hasher: Sha256::new() })
    }

    /// Flushes a streamed file and records its SHA-256. Its `fsync` runs on
    /// a thread of its own (waiting on the disk, not computing), so the run
    /// goes on meanwhile and the files' syncs overlap; [`StagedDir::publish`]
    /// waits for them all.
    pub fn close(&mut self, file: StagedFile) -> io::Result<()> {
        let StagedFile { name, file, hasher } = file;
        let file = file.into_inner().map_err(|e| e.into_error())?;
        match std::thread::Builder::new().name("fsync".into()).spawn(move || file.sync_all()) {
            Ok(sync) => self.syncs.push(sync),
            // No thread to be had: the sync is done here instead.
            Err(_) => File::open(self.staging.path().join(&name))?.sync_all()?,
        }
        self.sha256.insert(name, crate::digest::finish(hasher));
        Ok(())
    }

    /// Writes the whole file `name` and records its SHA-256.
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let mut file = self.stream(name)?;
        file.write_all(bytes)?;
        self.close(file)
    }

    /// SHA-256 (hex) of every file written so far, by name.
    pub fn sha256(&self) -> &BTreeMap<String, String> {
        &self.sha256
    }

    /// Puts the staged directory in place of the target in one step (see the
    /// module docs), readable by everyone like a directory made by `mkdir`.
    /// The swap runs under the interrupt registry's lock: an interrupt
    /// removes the staged folder before it or finds it done. The old report,
    /// now under the staging name, stays registered until it is removed.
    pub fn publish(self) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.staging.path(), std::fs::Permissions::from_mode(0o755))?;
        }
        let StagedDir { target, staging, registration, syncs, .. } = self;
        // Every file is on disk before the swap makes the directory visible.
        for sync in syncs {
            sync.join().map_err(|_| io::Error::other("a file's fsync panicked"))??;
        }
        let staged = staging.keep();
        let result = registration
            .while_held(|| swap_into_place(&staged, &target))
            .and_then(|old| if old { std::fs::remove_dir_all(&staged) } else { Ok(()) });
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&staged);
        }
        drop(registration);
        result
    }
}

impl Write for StagedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// `staged` takes `target`'s name; returns whether `staged` now names the
/// old `target` (to be removed).
fn swap_into_place(staged: &Path, target: &Path) -> io::Result<bool> {
    // A missing (or empty) target is replaced by a plain rename.
    if std::fs::rename(staged, target).is_ok() {
        return Ok(false);
    }
    exchange(staged, target)?;
    Ok(true)
}

/// Removes the staging folders beside `target` whose owner process is gone
/// (see [`crate::cleanup::remove_stale`]); returns them, for the caller to
/// report.
pub fn remove_stale(target: &Path) -> io::Result<Vec<Stale>> {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    cleanup::remove_stale(parent, STAGING_PREFIX)
}

#[cfg(target_os = "linux")]
fn exchange(staged: &Path, target: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, staged, CWD, target, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(staged: &Path, target: &Path) -> io::Result<()> {
    let parent = staged.parent().unwrap_or(Path::new("."));
    let aside =
        tempfile::Builder::new().prefix(&cleanup::owned_prefix(STAGING_PREFIX)).tempdir_in(parent)?.keep();
    std::fs::remove_dir(&aside)?;
    std::fs::rename(target, &aside)?;
    std::fs::rename(staged, target)?;
    std::fs::rename(&aside, staged)
}

/// The entries of `dir` whose names are not in `allowed`, sorted.
fn foreign_entries(dir: &Path, allowed: &[&str]) -> io::Result<Vec<String>> {
    let mut foreign = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !allowed.contains(&name.as_str()) {
            foreign.push(name);
        }
    }
    foreign.sort();
    Ok(foreign)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: [&str; 2] = ["a.csv", "b.csv"];

    fn publish(target: &Path, a: &str, b: &str) {
        let mut dir = StagedDir::create(target, &REPORT).unwrap();
        dir.write("a.csv", a.as_bytes()).unwrap();
        let mut stream = dir.stream("b.csv").unwrap();
        stream.write_all(b.as_bytes()).unwrap();
        dir.close(stream).unwrap();
        dir.publish().unwrap();
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_whole_directory_and_leaves_no_staging_folder() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        publish(&target, "old a", "old b");
        publish(&target, "new a", "new b");
        assert_eq!(std::fs::read_to_string(target.join("a.csv")).unwrap(), "new a");
        assert_eq!(std::fs::read_to_string(target.join("b.csv")).unwrap(), "new b");
        assert_eq!(entries(root.path()), ["out"]);
    }

    #[test]
    fn an_unpublished_directory_leaves_the_old_one() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        publish(&target, "old a", "old b");
        let mut dir = StagedDir::create(&target, &REPORT).unwrap();
        dir.write("a.csv", b"new a").unwrap();
        drop(dir);
        assert_eq!(std::fs::read_to_string(target.join("a.csv")).unwrap(), "old a");
        assert_eq!(entries(root.path()), ["out"]);
    }

    #[test]
    fn hashes_equal_sha256sum() {
        let root = tempfile::tempdir().unwrap();
        let mut dir = StagedDir::create(&root.path().join("out"), &REPORT).unwrap();
        dir.write("a.csv", b"abc").unwrap();
        // sha256("abc"), FIPS 180-2 appendix B.1.
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(dir.sha256()["a.csv"], abc);
    }

    #[test]
    fn a_directory_with_other_files_is_never_replaced() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("thesis.tex"), "x").unwrap();
        let error = StagedDir::create(root.path(), &REPORT).unwrap_err();
        assert_eq!(
            error.to_string(),
            "holds files that are not part of a report (thesis.tex); it is never replaced"
        );
        let file = root.path().join("thesis.tex");
        assert_eq!(
            StagedDir::create(&file, &REPORT).unwrap_err().to_string(),
            "exists and is not a directory"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_published_directory_is_readable_by_all() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        publish(&target, "a", "b");
        assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o755);
    }
}
