//! What the library leaves to its caller: the progress bar (a
//! [`Progress`] observer drawn on stderr), the run's provenance (the
//! command line and the git commit of the working directory), and signals:
//! SIGINT and SIGTERM remove the partial output being written
//! (`sumbench::cleanup`) and exit 130 and 143; a run first removes the staging
//! folders a killed run left beside its `--out`.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sumbench::harness::Progress;
use sumbench::rundir::{Provenance, remove_stale_staging as remove_stale_staging_dirs};

/// A progress bar on stderr: "elapsed [bar] done/planned summaries (eta)".
/// Plain (uncoloured) when `NO_COLOR` is set.
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar drawn on stderr, or a hidden one when `visible` is false.
    pub fn new(visible: bool) -> Bar {
        if !visible {
            return Bar(ProgressBar::hidden());
        }
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        let template = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            "{elapsed_precise} [{bar:40}] {pos}/{len} summaries ({eta})"
        } else {
            "{elapsed_precise} [{bar:40.cyan/blue}] {pos}/{len} summaries ({eta})"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar(bar)
    }
}

impl Progress for Bar {
    fn planned(&self, items: u64) {
        self.0.inc_length(items);
    }

    fn done(&self, items: u64) {
        self.0.inc(items);
    }

    fn finished(&self) {
        self.0.finish_and_clear();
    }
}

/// This process's command line and the git commit of the working directory.
pub fn provenance() -> Provenance {
    Provenance { command_line: std::env::args().collect(), git_commit: git_commit() }
}

/// The commit of the git checkout in the working directory, if any (best
/// effort: any failure gives `None`).
fn git_commit() -> Option<String> {
    let output = std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let commit = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !commit.is_empty()).then_some(commit)
}

/// Set once a signal is being handled: the process is about to exit with the
/// signal's code, whatever the main thread meets meanwhile.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Catches SIGINT and SIGTERM on a thread of their own: the partial output
/// registered with `sumbench::cleanup` is removed (each removal said on
/// stderr), then the process exits with 128 + the signal's number (130, 143).
/// Without a handler, a signal would end the process with the partial output
/// left in place. A failure to install the handler is said and otherwise
/// ignored (the defaults stay).
#[cfg(unix)]
pub fn catch_interrupts() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) {
        Ok(signals) => signals,
        Err(error) => {
            eprintln!(
                "warning: cannot catch SIGINT and SIGTERM ({error}): an interrupt leaves partial output"
            );
            return;
        }
    };
    let spawned = std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            INTERRUPTED.store(true, Ordering::SeqCst);
            let name = if signal == SIGINT { "SIGINT" } else { "SIGTERM" };
            if std::io::stderr().is_terminal() {
                // Clears the progress bar's line (the terminal may have echoed `^C` on it).
                eprint!("\r\x1b[2K");
            }
            for (path, result) in sumbench::cleanup::remove_registered_for_exit() {
                match result {
                    Ok(()) => eprintln!("interrupted ({name}): removed the partial {}", path.display()),
                    Err(error) => {
                        eprintln!(
                            "interrupted ({name}): cannot remove the partial {}: {error}",
                            path.display()
                        )
                    }
                }
            }
            std::process::exit(128 + signal);
        }
    });
    if let Err(error) = spawned {
        eprintln!("warning: cannot catch SIGINT and SIGTERM ({error}): an interrupt leaves partial output");
    }
}

/// Signals are left to their defaults where they cannot be caught this way.
#[cfg(not(unix))]
pub fn catch_interrupts() {}

/// When a signal is being handled, waits for its handler to end the process:
/// the main thread, which may be failing because its output was just
/// removed, must neither report that nor exit with its own code.
pub fn wait_if_interrupted() {
    if INTERRUPTED.load(Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
}

/// Ends the process with `code` (see [`wait_if_interrupted`]).
pub fn exit(code: i32) -> ! {
    wait_if_interrupted();
    std::process::exit(code)
}

/// Removes the staging folders that killed runs left beside `out` (their
/// owner process is gone), each said on stderr unless `quiet`. A failure to
/// look or remove is said and does not stop the run.
pub fn remove_stale_staging(out: &Path, quiet: bool) {
    match remove_stale_staging_dirs(out) {
        Ok(stale) if !quiet => {
            for stale in stale {
                eprintln!(
                    "note: removed {}, the staging folder of an interrupted run (process {}, which is gone)",
                    stale.path.display(),
                    stale.pid
                );
            }
        }
        Ok(_) => {}
        Err(error) => {
            eprintln!("warning: cannot remove old staging folders beside {}: {error}", out.display())
        }
    }
}
