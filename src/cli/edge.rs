//! What the library leaves to its caller: the progress bar (a
//! [`Progress`] observer drawn on stderr) and the run's provenance (the
//! command line and the git commit of the working directory).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sumbench::harness::{Progress, Provenance};

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
