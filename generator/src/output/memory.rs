//! Sinks that write nothing to disk: [`Memory`] keeps every file, [`Counting`] only counts.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::{Output, OutputError, Sink, Written};

/// Keeps every file in memory (tests, and `serve`'s incremental updates, which are written
/// only once every page of the update has rendered).
#[derive(Debug, Default)]
pub struct Memory {
    files: Mutex<Output>,
}

impl Memory {
    /// An empty sink.
    pub fn new() -> Memory {
        Memory::default()
    }

    /// The files received, by path.
    pub fn into_output(self) -> Output {
        // A poisoned lock means a render thread panicked after inserting; the map is whole.
        self.files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Sink for Memory {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), OutputError> {
        // The same paths a real build accepts, so a test sees what a build would refuse.
        super::safe_relative(&path)?;
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path, bytes);
        Ok(())
    }
}

/// Counts files and bytes and drops them (`check`: everything is rendered, nothing kept).
/// [`super::Staging`] counts what it writes with one of these too.
#[derive(Debug, Default)]
pub struct Counting {
    files: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
}

impl Counting {
    /// A sink at zero.
    pub fn new() -> Counting {
        Counting::default()
    }

    /// What was received so far.
    pub fn written(&self) -> Written {
        Written {
            files: self.files.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        }
    }

    /// Counts one file of `len` bytes at `rel` (a page when it ends in `.html`).
    pub(super) fn count(&self, rel: &str, len: usize) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(len as u64, Ordering::Relaxed);
        if rel.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl Sink for Counting {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), OutputError> {
        super::safe_relative(&path)?;
        self.count(&path, bytes.len());
        Ok(())
    }
}
