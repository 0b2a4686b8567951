//! Listing and reading the content folder: sorted, hidden entries skipped, and every entry
//! that cannot be read reported (never silently skipped).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::{DirEntry, WalkDir};

use super::diagnostic::Diagnostic;
use crate::messages::{Msg, codes};

/// The largest Markdown file accepted (documented in the editors' guide): 1 MiB.
pub const MAX_MARKDOWN_BYTES: usize = 1024 * 1024;

/// Relative paths of every visible file under `root`, in a stable order, plus the entries that
/// could not be read.
pub(super) fn list(root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let walk = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e));
    for entry in walk {
        match entry {
            Ok(e) if e.path_is_symlink() => {
                if let Ok(rel) = e.path().strip_prefix(root) {
                    problems.push(Diagnostic::warning(rel, 0, 0, Msg::new(codes::SYMLINK)));
                }
            }
            Ok(e) if e.file_type().is_file() => {
                if let Ok(rel) = e.path().strip_prefix(root) {
                    files.push(rel.to_path_buf());
                }
            }
            Ok(_) => {}
            Err(err) => {
                let rel = err
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                problems.push(Diagnostic::error(
                    rel,
                    0,
                    0,
                    Msg::new(codes::CANNOT_READ).arg("error", err.to_string()),
                ));
            }
        }
    }
    (files, problems)
}

fn is_hidden(e: &DirEntry) -> bool {
    e.depth() > 0 && e.file_name().to_str().is_some_and(|s| s.starts_with('.'))
}

/// Reads every file as UTF-8 text, in parallel, keeping the order of `files`.
pub(super) fn read_all(
    root: &Path,
    files: &[PathBuf],
) -> Vec<(PathBuf, Result<String, Diagnostic>)> {
    files
        .par_iter()
        .map(|rel| (rel.clone(), read_text(root, rel)))
        .collect()
}

/// One file as text; a read failure or invalid UTF-8 is a diagnostic at the offending line.
pub(super) fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(root.join(rel)).map_err(|e| {
        Diagnostic::error(
            rel,
            0,
            0,
            Msg::new(codes::CANNOT_READ).arg("error", e.to_string()),
        )
    })?;
    if rel.extension().is_some_and(|e| e == "md") && bytes.len() > MAX_MARKDOWN_BYTES {
        return Err(Diagnostic::error(
            rel,
            0,
            0,
            Msg::new(codes::FILE_TOO_LARGE)
                .arg("size", bytes.len().div_ceil(1024))
                .arg("limit", MAX_MARKDOWN_BYTES / 1024),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Diagnostic::error(rel, line, col, Msg::new(codes::NOT_UTF8))
    })
}
