//! Writing a rendered site to disk without ever leaving a half-built site behind.
//!
//! The files go into a fresh folder beside `--out` (same parent, so renames stay on one file
//! system); only when every file is written is the previous build renamed to a backup name,
//! the new one renamed into place and the backup removed. If anything fails, the previous site
//! is left as it was. Each build carries a marker file, [`MARKER`], so that `--out` can never
//! point at a folder that holds something else (the content, the theme, `/`, a home folder).

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

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

    let written = match fill(output, &fresh) {
        Ok(w) => w,
        Err(e) => {
            let _ = fs::remove_dir_all(&fresh);
            return Err(e);
        }
    };
    let had_previous = out.exists();
    if had_previous && let Err(e) = fs::rename(out, &backup) {
        let _ = fs::remove_dir_all(&fresh);
        return Err(io_err("move aside", out)(e));
    }
    if let Err(e) = fs::rename(&fresh, out) {
        if had_previous {
            let _ = fs::rename(&backup, out);
        }
        let _ = fs::remove_dir_all(&fresh);
        return Err(io_err("move into place", out)(e));
    }
    if had_previous && let Err(e) = fs::remove_dir_all(&backup) {
        tracing::warn!(
            "could not remove the previous build `{}`: {e}",
            backup.display()
        );
    }
    Ok(written)
}

fn unique_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

/// Writes every file of `output` plus the marker into the new folder `dir`.
fn fill(output: &Output, dir: &Path) -> Result<Written, OutputError> {
    fs::create_dir(dir).map_err(io_err("create", dir))?;
    let mut written = Written {
        files: 0,
        pages: 0,
        bytes: 0,
    };
    for (rel, bytes) in output.iter() {
        let rel_path = safe_relative(rel)?;
        let path = dir.join(rel_path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_err("create", parent))?;
        }
        fs::write(&path, bytes).map_err(io_err("write", &path))?;
        written.files += 1;
        written.bytes += bytes.len() as u64;
        if rel.ends_with(".html") {
            written.pages += 1;
        }
    }
    let marker = dir.join(MARKER);
    fs::write(
        &marker,
        "Written by `generator build`; this whole folder is replaced on every build.\n",
    )
    .map_err(io_err("write", &marker))?;
    Ok(written)
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
