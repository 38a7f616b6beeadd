//! SHA-256, as lower-case hex: the one home of the hashes sumbench records
//! (every file of a run directory in `run.json`, each corpus a run read, each
//! file of the dataset cache). Reads files in 64 KiB blocks; never writes.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The hex digest `hasher` has so far.
pub fn finish(hasher: Sha256) -> String {
    hex(&hasher.finalize())
}

/// SHA-256 (hex) of a file's bytes, streamed.
pub fn file_sha256(path: &Path) -> io::Result<String> {
    let mut hasher = Sha256::new();
    hash_file(path, &mut hasher)?;
    Ok(finish(hasher))
}

/// SHA-256 (hex) of a file, or of a folder: every file below it in sorted
/// relative-path order, each hashed as its path, a NUL byte, its length
/// (u64 little-endian) and its bytes (so a renamed or moved file changes it).
pub fn tree_sha256(path: &Path) -> io::Result<String> {
    let mut hasher = Sha256::new();
    if path.is_dir() {
        let mut files = Vec::new();
        collect_files(path, path, &mut files)?;
        files.sort();
        for relative in files {
            let full = path.join(&relative);
            hasher.update(relative.to_string_lossy().as_bytes());
            hasher.update([0]);
            hasher.update(std::fs::metadata(&full)?.len().to_le_bytes());
            hash_file(&full, &mut hasher)?;
        }
    } else {
        hash_file(path, &mut hasher)?;
    }
    Ok(finish(hasher))
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            out.push(relative.to_path_buf());
        }
    }
    Ok(())
}

fn hash_file(path: &Path, hasher: &mut Sha256) -> io::Result<()> {
    let mut file = File::open(path)?;
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FIPS 180-2 appendix B.1: SHA-256 of "abc".
    const ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    #[test]
    fn a_file_hashes_to_the_sha256_of_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.jsonl");
        std::fs::write(&file, b"abc").unwrap();
        assert_eq!(file_sha256(&file).unwrap(), ABC);
        assert_eq!(tree_sha256(&file).unwrap(), ABC);
        let mut hasher = Sha256::new();
        hasher.update(b"abc");
        assert_eq!(finish(hasher), ABC);
    }

    #[test]
    fn a_folder_hash_changes_with_any_file_or_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("d")).unwrap();
        std::fs::write(dir.path().join("d/document.txt"), b"text").unwrap();
        let before = tree_sha256(dir.path()).unwrap();
        std::fs::write(dir.path().join("d/document.txt"), b"texT").unwrap();
        let edited = tree_sha256(dir.path()).unwrap();
        assert_ne!(edited, before);
        std::fs::rename(dir.path().join("d/document.txt"), dir.path().join("d/other.txt")).unwrap();
        assert_ne!(tree_sha256(dir.path()).unwrap(), edited);
    }
}
