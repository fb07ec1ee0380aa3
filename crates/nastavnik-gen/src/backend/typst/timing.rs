//! Where Typst's time goes, summed over the process: laying out, cutting a
//! bundle's layout into documents, writing PDF. For the benchmark
//! (`nastavnik-bench`); reading the clock twice per phase costs nothing
//! next to the phase, and nothing here changes what is written.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The time spent in one phase, over every thread of the process.
pub struct Phase(AtomicU64);

impl Phase {
    const fn new() -> Self {
        Phase(AtomicU64::new(0))
    }

    /// Runs `f`, adding its wall time to the phase.
    pub(crate) fn time<T>(&self, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.0.fetch_add(nanos, Ordering::Relaxed);
        out
    }

    /// The time summed so far, set back to zero.
    pub fn take(&self) -> Duration {
        Duration::from_nanos(self.0.swap(0, Ordering::Relaxed))
    }
}

/// `typst::compile`: parsing, evaluation, layout.
pub static LAYOUT: Phase = Phase::new();
/// A bundle's layout cut into the documents' page ranges.
pub static CUT: Phase = Phase::new();
/// `typst_pdf::pdf`: fonts subset, pages written, compressed.
pub static EXPORT: Phase = Phase::new();
