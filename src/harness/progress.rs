//! How a run reports its progress: the [`Progress`] observer. The library
//! never draws anything; the command line implements it with a progress bar
//! (criterion's report fan-out and ripgrep's `Sink` are the models).

/// Receives a run's progress, counted in work items (one document × one
/// summarizer). Called from worker threads, hence `Sync`. Every method has an
/// empty default, so an observer implements only what it shows.
pub trait Progress: Sync {
    /// `items` more work items are planned (called before they start).
    fn planned(&self, items: u64) {
        let _ = items;
    }

    /// `items` more work items are done.
    fn done(&self, items: u64) {
        let _ = items;
    }

    /// All the work is done (reports are being written).
    fn finished(&self) {}
}

/// An observer that shows nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}
