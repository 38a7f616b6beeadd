//! Partial output that must not outlive the process writing it: a run's
//! staging folder (`rundir::stage`), a download's temporary file
//! (`datasets`).
//!
//! Two mechanisms, one for each way a process can end early:
//!
//! - **Interrupts.** While partial output is written, its path is in a
//!   process-wide registry ([`register`]). The binary catches SIGINT and
//!   SIGTERM and calls [`remove_registered_for_exit`], which removes every
//!   registered path and then keeps the registry locked until the process
//!   exits. The step that makes output final (a rename into place) runs under
//!   the same lock ([`Registration::while_held`]), so an interrupt either
//!   removes the partial output before that step or finds it done, never in
//!   between. The library installs no signal handler: that is the caller's
//!   side effect.
//! - **Kills.** A process killed outright (SIGKILL, a power cut) runs nothing.
//!   So partial output is named after its owner, `{prefix}{host}-{pid}-{random}`
//!   ([`owned_prefix`]), and [`remove_stale`] removes the entries of a folder
//!   whose owner ran on this machine and is gone. On other systems than Linux,
//!   or on Linux without `/proc`, whether a process lives cannot be told, and
//!   nothing is removed.
//!
//! Never prints: callers report what was removed.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// A path in the registry, removed when the process is interrupted; leaves
/// the registry when dropped.
#[derive(Debug)]
pub struct Registration {
    id: u64,
}

/// The registered paths, each with its registration's number.
#[derive(Debug, Default)]
struct Registry {
    next: u64,
    paths: Vec<(u64, PathBuf)>,
}

/// The process-wide registry.
static REGISTRY: Mutex<Registry> = Mutex::new(Registry { next: 0, paths: Vec::new() });

/// The registry, locked (a panic elsewhere while it was held does not make
/// the paths in it any less partial).
fn lock() -> MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Registry {
    fn add(&mut self, path: PathBuf) -> u64 {
        let id = self.next;
        self.next += 1;
        self.paths.push((id, path));
        id
    }

    fn drop_id(&mut self, id: u64) {
        self.paths.retain(|(i, _)| *i != id);
    }

    /// Removes every registered path (a folder with its contents), each with
    /// the outcome; a path already gone counts as removed.
    fn remove_all(&mut self) -> Vec<(PathBuf, io::Result<()>)> {
        self.paths
            .drain(..)
            .map(|(_, path)| {
                let result = remove(&path);
                (path, result)
            })
            .collect()
    }
}

/// Puts `path` (a file or a folder being written) in the registry until the
/// returned [`Registration`] is dropped.
pub fn register(path: PathBuf) -> Registration {
    Registration { id: lock().add(path) }
}

impl Registration {
    /// Runs `step` while no interrupt can remove registered paths: the step
    /// that makes the output final (a rename into place).
    pub fn while_held<T>(&self, step: impl FnOnce() -> T) -> T {
        let _registry = lock();
        step()
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        lock().drop_id(self.id);
    }
}

/// Removes every registered path, then keeps the registry locked for good,
/// so nothing is registered, unregistered or made final after it: for an
/// interrupt handler, which must end the process next. Returns each path
/// with the outcome of its removal.
pub fn remove_registered_for_exit() -> Vec<(PathBuf, io::Result<()>)> {
    let mut registry = lock();
    let removed = registry.remove_all();
    std::mem::forget(registry);
    removed
}

/// Removes a file or a folder with its contents. A folder still being
/// written by another thread may gain an entry between the listing and the
/// removal, so it is tried again a few times; a path that is gone is removed.
fn remove(path: &Path) -> io::Result<()> {
    let mut last = Ok(());
    for _ in 0..20 {
        let result = match std::fs::symlink_metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => Err(e),
            Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
            Ok(_) => std::fs::remove_file(path),
        };
        match result {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => last = Err(e),
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    last
}

/// The name start of partial output this process owns:
/// `{prefix}{host}-{pid}-`, to which the caller (`tempfile`) adds a random
/// part. `host` is this machine's name with anything but ASCII letters,
/// digits and `.` turned into `_` (so `-` only separates the parts).
pub fn owned_prefix(prefix: &str) -> String {
    format!("{prefix}{}-{}-", host(), std::process::id())
}

/// Partial output whose owner is gone, as [`remove_stale`] found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The file or folder.
    pub path: PathBuf,
    /// The process that wrote it, no longer running.
    pub pid: u32,
}

/// Removes the entries of `dir` named `{prefix}{host}-{pid}-{random}` whose
/// `host` is this machine and whose process `pid` is gone; returns them. An
/// entry of another machine (a shared folder), of a live process, or named
/// otherwise is left alone, and so is everything when liveness cannot be
/// told (see the module docs). A missing `dir` (or a file) holds nothing.
pub fn remove_stale(dir: &Path, prefix: &str) -> io::Result<Vec<Stale>> {
    if !can_tell_liveness() {
        return Ok(Vec::new());
    }
    let host = host();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            return Ok(Vec::new());
        }
        Err(e) => return Err(e),
    };
    let mut stale = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| owner(n, prefix, &host)) else { continue };
        if pid == std::process::id() || alive(pid) {
            continue;
        }
        let path = entry.path();
        remove(&path)?;
        stale.push(Stale { path, pid });
    }
    stale.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(stale)
}

/// The owner's pid of an entry named `{prefix}{host}-{pid}-{random}` on this `host`.
fn owner(name: &str, prefix: &str, host: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?.strip_prefix(host)?.strip_prefix('-')?;
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// This machine's name, as it appears in owned names.
fn host() -> String {
    let raw = hostname().unwrap_or_default();
    let clean: String = raw
        .trim()
        .chars()
        .take(64)
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '_' })
        .collect();
    if clean.is_empty() { "localhost".into() } else { clean }
}

#[cfg(target_os = "linux")]
fn hostname() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/hostname").ok()
}

#[cfg(not(target_os = "linux"))]
fn hostname() -> Option<String> {
    None
}

/// Whether [`alive`] can be trusted here.
fn can_tell_liveness() -> bool {
    cfg!(target_os = "linux") && Path::new("/proc/self").exists()
}

/// Whether process `pid` exists (a zombie counts) on this machine.
fn alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_are_read_from_names_on_this_host_only() {
        assert_eq!(owner(".x-box-42-aB3dE9", ".x-", "box"), Some(42));
        assert_eq!(owner(".x-box-42-aB3dE9", ".x-", "other"), None);
        assert_eq!(owner(".x-box.lan-42-aB3dE9", ".x-", "box"), None);
        // Names of older versions (no owner), and malformed ones.
        assert_eq!(owner(".x-aB3dE9", ".x-", "box"), None);
        assert_eq!(owner(".x-box-42-", ".x-", "box"), None);
        assert_eq!(owner(".x-box--aB3dE9", ".x-", "box"), None);
        assert_eq!(owner(".x-box-4x2-aB3dE9", ".x-", "box"), None);
        let prefix = owned_prefix(".x-");
        assert!(prefix.ends_with(&format!("-{}-", std::process::id())), "{prefix}");
        assert_eq!(owner(&format!("{prefix}Zq12ab"), ".x-", &host()), Some(std::process::id()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn stale_entries_of_gone_processes_are_removed_and_live_ones_kept() {
        let root = tempfile::tempdir().unwrap();
        // A process that has exited and been reaped: its pid is gone (until reused,
        // which a pid just freed is not, the kernel handing out pids in turn).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let host = host();
        let stale = root.path().join(format!(".x-{host}-{dead}-abc123"));
        std::fs::create_dir(&stale).unwrap();
        std::fs::write(stale.join("scores.csv"), "partial").unwrap();
        let live = root.path().join(format!(".x-{host}-1-abc123"));
        let mine = root.path().join(format!(".x-{host}-{}-abc123", std::process::id()));
        let elsewhere = root.path().join(format!(".x-other_host-{dead}-abc123"));
        let old = root.path().join(".x-abc123");
        for path in [&live, &mine, &elsewhere, &old] {
            std::fs::create_dir(path).unwrap();
        }
        let removed = remove_stale(root.path(), ".x-").unwrap();
        assert_eq!(removed, [Stale { path: stale.clone(), pid: dead }]);
        assert!(!stale.exists());
        for path in [&live, &mine, &elsewhere, &old] {
            assert!(path.exists(), "{} kept", path.display());
        }
        assert_eq!(remove_stale(&root.path().join("missing"), ".x-").unwrap(), []);
    }

    #[test]
    fn a_registry_removes_what_it_holds_and_forgets_what_is_dropped() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("staging");
        std::fs::create_dir_all(folder.join("sub")).unwrap();
        std::fs::write(folder.join("sub/a"), "a").unwrap();
        let file = root.path().join("download");
        std::fs::write(&file, "b").unwrap();
        let kept = root.path().join("kept");
        std::fs::write(&kept, "c").unwrap();
        let gone = root.path().join("gone");
        let mut registry = Registry::default();
        registry.add(folder.clone());
        registry.add(file.clone());
        let dropped = registry.add(kept.clone());
        registry.add(gone.clone());
        registry.drop_id(dropped);
        let removed: Vec<(PathBuf, bool)> =
            registry.remove_all().into_iter().map(|(p, r)| (p, r.is_ok())).collect();
        assert_eq!(removed, [(folder.clone(), true), (file.clone(), true), (gone, true)]);
        assert!(!folder.exists() && !file.exists() && kept.exists());
        assert!(registry.paths.is_empty());
    }

    #[test]
    fn registrations_leave_the_registry_when_dropped() {
        let path = PathBuf::from("/nonexistent/registered-by-a-test");
        let registration = register(path.clone());
        assert!(lock().paths.iter().any(|(_, p)| *p == path));
        assert_eq!(registration.while_held(|| 7), 7);
        drop(registration);
        assert!(!lock().paths.iter().any(|(_, p)| *p == path));
    }
}
