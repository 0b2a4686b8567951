//! Writing a rendered site to disk without ever leaving a half-built site behind.
//!
//! The files go into a fresh folder beside `--out` (same parent, so renames stay on one file
//! system); only when every file is written is the previous build renamed to a backup name,
//! the new one renamed into place and the backup removed. If anything fails, the previous site
//! is left as it was. Each build carries a marker file, [`MARKER`], so that `--out` can never
//! point at a folder that holds something else (the content, the theme, `/`, a home folder).

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::render::Output;

/// Name of the marker file written into every build folder.
pub const MARKER: &str = ".generator-output";

/// Why the site could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// `--out` points somewhere a build must never go.
    #[error("refusing to write the site into `{}`: {reason}", path.display())]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A file operation failed.
    #[error("cannot {action} `{}`: {source}", path.display())]
    Io {
        /// What was being done, e.g. `write`.
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
    /// The renderer produced a path that would escape the output folder.
    #[error("the renderer produced an unsafe output path `{0}`")]
    BadPath(String),
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutputError + use<> {
    let path = path.to_path_buf();
    move |source| OutputError::Io {
        action,
        path,
        source,
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Number of files (the marker not counted).
    pub files: usize,
    /// Number of HTML files.
    pub pages: usize,
    /// Total bytes.
    pub bytes: u64,
}

/// Checks that `out` may receive a build: not the content or theme folder (nor inside or
/// around them), not `/`, and either absent, empty, or a previous build (it has [`MARKER`]).
pub fn check_target(out: &Path, protected: &[&Path]) -> Result<(), OutputError> {
    let refuse = |reason: String| OutputError::Refused {
        path: out.to_path_buf(),
        reason,
    };
    let out_abs = absolute(out);
    if out_abs.parent().is_none() {
        return Err(refuse("it is the root of the file system".into()));
    }
    for p in protected {
        let p_abs = absolute(p);
        if out_abs == p_abs {
            return Err(refuse(format!("it is the input folder `{}`", p.display())));
        }
        if out_abs.starts_with(&p_abs) {
            return Err(refuse(format!(
                "it is inside the input folder `{}`",
                p.display()
            )));
        }
        if p_abs.starts_with(&out_abs) {
            return Err(refuse(format!(
                "it contains the input folder `{}`",
                p.display()
            )));
        }
    }
    match fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() && !out.join(MARKER).is_file() {
                return Err(refuse(format!(
                    "it is not empty and does not look like a previous build (no `{MARKER}` file); choose another --out or empty it"
                )));
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            Err(refuse("it is a file, not a folder".into()))
        }
        Err(e) => Err(io_err("read", out)(e)),
    }
}

/// The absolute, `..`-free form of `p` (canonical where it exists).
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = fs::canonicalize(p) {
        return c;
    }
    let joined = std::env::current_dir().unwrap_or_default().join(p);
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Canonicalise the longest existing ancestor so symlinked parents compare equal.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(ToOwned::to_owned),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return out,
        }
    }
    let mut base = fs::canonicalize(&existing).unwrap_or(existing);
    for name in rest.into_iter().rev() {
        base.push(name);
    }
    base
}

/// Writes `output` to `out` atomically (see the module docs). Call [`check_target`] first.
pub fn write(output: &Output, out: &Path) -> Result<Written, OutputError> {
    let staging = Staging::begin(out)?;
    output
        .par_iter()
        .try_for_each(|(rel, bytes)| staging.put(rel, bytes))?;
    staging.commit()
}

/// A build being written: files go into a fresh folder beside `out` as they are produced
/// (from any number of threads), and [`Staging::commit`] swaps the folder in. Dropped without
/// a commit, the fresh folder is removed and `out` is left as it was.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    fresh: PathBuf,
    backup: PathBuf,
    /// Folders already created inside `fresh`.
    dirs: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
    committed: bool,
}

impl Staging {
    /// Creates the fresh folder beside `out`. Call [`check_target`] first.
    pub fn begin(out: &Path) -> Result<Staging, OutputError> {
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| OutputError::Refused {
                path: out.to_path_buf(),
                reason: "it has no folder name".into(),
            })?
            .to_owned();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io_err("create", &parent))?;
        let stamp = format!("{}-{}", std::process::id(), unique_suffix());
        let fresh = parent.join(format!(".{name}.new-{stamp}"));
        let backup = parent.join(format!(".{name}.old-{stamp}"));
        fs::create_dir(&fresh).map_err(io_err("create", &fresh))?;
        Ok(Staging {
            out: out.to_path_buf(),
            fresh,
            backup,
            dirs: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
        })
    }

    /// Writes one file of the build (`rel` is relative to the output folder).
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.fresh.join(safe_relative(rel)?);
        if let Some(parent) = path.parent()
            && parent != self.fresh
        {
            let known = self.dirs.lock().is_ok_and(|d| d.contains(parent));
            if !known {
                fs::create_dir_all(parent).map_err(io_err("create", parent))?;
                if let Ok(mut d) = self.dirs.lock() {
                    d.insert(parent.to_path_buf());
                }
            }
        }
        fs::write(&path, bytes).map_err(io_err("write", &path))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        if rel.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Writes the marker and swaps the fresh folder in place of `out`; the previous build is
    /// removed afterwards.
    pub fn commit(mut self) -> Result<Written, OutputError> {
        let marker = self.fresh.join(MARKER);
        fs::write(
            &marker,
            "Written by `generator build`; this whole folder is replaced on every build.\n",
        )
        .map_err(io_err("write", &marker))?;
        let written = Written {
            files: self.files.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        };
        let (out, fresh, backup) = (&self.out, &self.fresh, &self.backup);
        let had_previous = out.exists();
        if had_previous {
            fs::rename(out, backup).map_err(io_err("move aside", out))?;
        }
        if let Err(e) = fs::rename(fresh, out) {
            if had_previous {
                let _ = fs::rename(backup, out);
            }
            return Err(io_err("move into place", out)(e));
        }
        self.committed = true;
        if had_previous && let Err(e) = remove_tree(backup) {
            tracing::warn!(
                "could not remove the previous build `{}`: {e}",
                backup.display()
            );
        }
        Ok(written)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.fresh);
        }
    }
}

/// Removes a folder tree, its top-level entries in parallel (a previous build has thousands
/// of files; removing them one by one would be a serial tail of every build).
fn remove_tree(dir: &Path) -> io::Result<()> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|e| {
        if e.file_type()?.is_dir() {
            remove_tree(&e.path())
        } else {
            fs::remove_file(e.path())
        }
    })?;
    fs::remove_dir(dir)
}

fn unique_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

/// `rel` as a relative path with only normal components.
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
