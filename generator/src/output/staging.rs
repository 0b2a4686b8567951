//! The staging folder: a whole build written beside `--out` and swapped in (see the
//! [module docs](super)).

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::error::{OutputError, io_err};
use super::{Counting, MARKER, Output, Sink, Written, safe_relative, same_bytes};

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
        .try_for_each(|(rel, bytes)| staging.put_file(rel, bytes))?;
    staging.commit()
}

/// A build being written: files go into the staging folder beside `out` as they are produced
/// (from any number of threads), and [`Staging::commit`] swaps the folder in. Dropped without
/// a commit, the staging folder is removed and `out` is left as it was.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    fresh: PathBuf,
    backup: PathBuf,
    spare: PathBuf,
    /// Whether `fresh` started as the spare of an earlier build (its files are overwritten
    /// and whatever this build does not write is removed at commit).
    reused: bool,
    /// Files written by this build, relative to `fresh` (only tracked when `reused`).
    written: Mutex<HashSet<PathBuf>>,
    /// What this build wrote, counted.
    counted: Counting,
    committed: bool,
}

impl Staging {
    /// Prepares the staging folder beside `out`: the spare of an earlier build when there is
    /// one (it carries [`MARKER`]), else a new empty folder. Call [`check_target`] first.
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
        let spare = parent.join(format!(".{name}.spare"));
        // Taking the spare is one rename; a concurrent build that took it first just makes
        // this one start from an empty folder.
        let reused = is_build(&spare) && fs::rename(&spare, &fresh).is_ok();
        if !reused {
            fs::create_dir(&fresh).map_err(io_err("create", &fresh))?;
        }
        Ok(Staging {
            out: out.to_path_buf(),
            fresh,
            backup,
            spare,
            reused,
            written: Mutex::new(HashSet::new()),
            counted: Counting::new(),
            committed: false,
        })
    }

    /// Writes one file of the build (`rel` is relative to the output folder).
    pub fn put_file(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let rel_path = safe_relative(rel)?;
        let path = self.fresh.join(rel_path);
        if self.reused {
            if let Ok(mut w) = self.written.lock() {
                w.insert(rel_path.to_path_buf());
            }
            if same_bytes(&path, bytes) {
                self.counted.count(rel, bytes.len());
                return Ok(());
            }
            // Never write through a link left in the spare.
            if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                fs::remove_file(&path).map_err(io_err("remove", &path))?;
            }
        }
        match fs::write(&path, bytes) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // The folder does not exist yet: create it (and any missing parents) once.
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(io_err("create", parent))?;
                }
                fs::write(&path, bytes).map_err(io_err("write", &path))?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotADirectory && self.reused => {
                // The spare has a file where this build wants a folder.
                remove_file_ancestors(&self.fresh, rel_path)?;
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(io_err("create", parent))?;
                }
                fs::write(&path, bytes).map_err(io_err("write", &path))?;
            }
            Err(e) if e.kind() == io::ErrorKind::IsADirectory && self.reused => {
                // The spare has a folder where this build wants a file.
                remove_tree(&path).map_err(io_err("remove", &path))?;
                fs::write(&path, bytes).map_err(io_err("write", &path))?;
            }
            other => other.map_err(io_err("write", &path))?,
        }
        self.counted.count(rel, bytes.len());
        Ok(())
    }

    /// Removes what the spare held and this build did not write, writes the marker, and swaps
    /// the staging folder in place of `out`; the previous build becomes the next spare.
    pub fn commit(mut self) -> Result<Written, OutputError> {
        if self.reused {
            let written = std::mem::take(&mut *self.written.lock().map_err(|_| {
                io_err("clean", &self.fresh)(io::Error::other("a writer thread panicked"))
            })?);
            remove_unwritten(&self.fresh, Path::new(""), &written)
                .map_err(io_err("clean", &self.fresh))?;
        }
        let marker = self.fresh.join(MARKER);
        fs::write(
            &marker,
            "Written by `generator build`; this whole folder is replaced on every build.\n",
        )
        .map_err(io_err("write", &marker))?;
        let written = self.counted.written();
        let (out, fresh, backup) = (&self.out, &self.fresh, &self.backup);
        let had_previous = out.exists();
        if had_previous {
            fs::rename(out, backup).map_err(io_err("move aside", out))?;
        }
        if let Err(e) = fs::rename(fresh, out) {
            if had_previous && fs::rename(backup, out).is_err() {
                return Err(OutputError::Refused {
                    path: out.clone(),
                    reason: format!(
                        "the new build could not be moved into place ({e}) and the previous build could not be moved back: it is in `{}`",
                        backup.display()
                    ),
                });
            }
            return Err(io_err("move into place", out)(e));
        }
        self.committed = true;
        // The previous build becomes the spare, unless `out` was a link (to a folder the
        // next build must not write into): then only the link is removed.
        let was_link = fs::symlink_metadata(backup).is_ok_and(|m| m.file_type().is_symlink());
        if was_link {
            if let Err(e) = fs::remove_file(backup) {
                tracing::warn!("could not remove the link `{}`: {e}", backup.display());
            }
        } else if had_previous
            && fs::rename(backup, &self.spare).is_err()
            && let Err(e) = remove_tree(backup)
        {
            tracing::warn!(
                "could not remove the previous build `{}`: {e}",
                backup.display()
            );
        }
        Ok(written)
    }
}

/// Removes the files that stand where `rel`'s folders should be, under `root`.
fn remove_file_ancestors(root: &Path, rel: &Path) -> Result<(), OutputError> {
    for ancestor in rel.ancestors().skip(1) {
        let path = root.join(ancestor);
        if ancestor.as_os_str().is_empty() {
            continue;
        }
        if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
            match fs::remove_file(&path) {
                // Another writer thread removed it first.
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                other => other.map_err(io_err("remove", &path))?,
            }
        }
    }
    Ok(())
}

/// Whether `dir` is a folder written by a build: a real folder (not a link to one) with the
/// marker file.
fn is_build(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// Removes, under `root/rel`, every file not in `keep` (paths relative to `root`) and every
/// folder left empty, the top-level entries in parallel. The marker is kept.
fn remove_unwritten(root: &Path, rel: &Path, keep: &HashSet<PathBuf>) -> io::Result<()> {
    let dir = root.join(rel);
    let entries: Vec<fs::DirEntry> = fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|e| {
        let child = rel.join(e.file_name());
        if e.file_type()?.is_dir() {
            remove_unwritten(root, &child, keep)?;
            if fs::read_dir(e.path())?.next().is_none() {
                fs::remove_dir(e.path())?;
            }
            Ok(())
        } else if keep.contains(&child) || child.as_os_str() == MARKER {
            Ok(())
        } else {
            fs::remove_file(e.path())
        }
    })
}

impl Sink for Staging {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), OutputError> {
        self.put_file(&path, &bytes)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        // A reused spare goes back to being the spare (its bytes do not matter for
        // correctness, only for speed); a new folder is removed.
        if !(self.reused && fs::rename(&self.fresh, &self.spare).is_ok()) {
            let _ = fs::remove_dir_all(&self.fresh);
        }
    }
}

/// Removes a folder tree, its top-level entries in parallel (a previous build has thousands
/// of files; removing them one by one would be a serial tail of every build).
fn remove_tree(dir: &Path) -> io::Result<()> {
    if fs::symlink_metadata(dir)?.file_type().is_symlink() {
        // Remove the link, never what it points to.
        return fs::remove_file(dir);
    }
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
