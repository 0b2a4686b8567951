//! Writing a rendered site to disk without ever leaving a half-built site behind.
//!
//! The files go into a staging folder beside `--out` (same parent, so renames stay on one file
//! system); only when every file is written is the previous build renamed aside, the new one
//! renamed into place, and the previous build kept as the *spare*, `.NAME.spare`. If anything
//! fails, the previous site is left as it was. Each build carries a marker file, [`MARKER`], so
//! that `--out` can never point at a folder that holds something else (the content, the theme,
//! `/`, a home folder).
//!
//! Why a spare: the next build takes it as its staging folder and overwrites its files in
//! place, skipping files whose bytes are already right, then deletes what the new build did
//! not write. Creating and deleting tens of thousands of page folders on every build was half
//! of a large build's time (ext4 inode allocation after mass deletion; see BENCHMARKS.md),
//! and unchanged files keep their modification times, which helps `rsync`-style deploys. The
//! price is a second copy of the site on disk beside `--out`.

//!
//! Module map, one job each:
//! - [`Sink`]: where a render hands each file, the one seam between rendering and the disk;
//! - [`staging`]: [`Staging`], a whole build written beside `--out` and swapped in (used by
//!   `build` and by `serve`'s full builds);
//! - [`inplace`]: [`InPlace`], the files of `serve`'s incremental update replaced one by one
//!   in the served folder;
//! - [`memory`]: [`Memory`] (every file kept, for tests and incremental updates) and
//!   [`Counting`] (nothing kept, for `check`);
//! - `error`: [`OutputError`].

mod error;
mod inplace;
mod memory;
mod staging;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path};

pub use error::OutputError;
pub use inplace::InPlace;
pub use memory::{Counting, Memory};
pub use staging::{Staging, check_target, write};

/// Name of the marker file written into every build folder.
pub const MARKER: &str = ".generator-output";

/// A rendered site held in memory: relative output path (`provinsi/banten/index.html`,
/// `static/site.1a2b3c4d.css`) to file contents.
pub type Output = BTreeMap<String, Vec<u8>>;

/// Receives each output file of a render as soon as it is made: its path relative to the
/// output folder and its bytes. Called from many threads at once; an `Err` stops the render.
pub trait Sink: Sync {
    /// Takes one file.
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), OutputError>;
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    /// Number of files (the marker not counted).
    pub files: usize,
    /// Number of HTML files.
    pub pages: usize,
    /// Total bytes.
    pub bytes: u64,
}

/// `rel` as a relative path with only normal components, not the marker.
fn safe_relative(rel: &str) -> Result<&Path, OutputError> {
    let path = Path::new(rel);
    let ok = !rel.is_empty()
        && path.components().all(|c| matches!(c, Component::Normal(_)))
        && path.file_name().is_some_and(|n| n != MARKER);
    if ok {
        Ok(path)
    } else {
        Err(OutputError::BadPath(rel.to_owned()))
    }
}

/// Whether the file at `path` already holds exactly `bytes` (reading is much cheaper than
/// rewriting: no block allocation, no journal entry, the modification time kept).
pub(super) fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}
