//! Writing the files of an incremental rebuild into the served folder, one at a time: each
//! file goes to a temporary name beside its target and is renamed over it, so a browser never
//! reads a half-written page. (Full builds swap in a whole new folder: see `output.rs`.)

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot {what} `{}`: {source}", path.display())]
pub(super) struct WriteError {
    what: &'static str,
    path: PathBuf,
    source: io::Error,
}

/// Writes every `(relative path, bytes)` into `out`, each replaced atomically.
pub(super) fn write(out: &Path, files: &[(String, Vec<u8>)]) -> Result<(), WriteError> {
    for (rel, bytes) in files {
        let bad = || WriteError {
            what: "write outside the output folder",
            path: out.join(rel),
            source: io::Error::other("not a plain relative path"),
        };
        let rel_path = crate::output::safe_relative(rel).map_err(|_| bad())?;
        let target = out.join(rel_path);
        let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
            return Err(bad());
        };
        fs::create_dir_all(parent).map_err(|source| WriteError {
            what: "create",
            path: parent.to_path_buf(),
            source,
        })?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.tmp", std::process::id()));
        let temp = parent.join(temp_name);
        fs::write(&temp, bytes).map_err(|source| {
            let _ = fs::remove_file(&temp);
            WriteError {
                what: "write",
                path: temp.clone(),
                source,
            }
        })?;
        fs::rename(&temp, &target).map_err(|source| {
            let _ = fs::remove_file(&temp);
            WriteError {
                what: "replace",
                path: target.clone(),
                source,
            }
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_files_and_refuses_escapes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = vec![("a/b/index.html".to_owned(), b"one".to_vec())];
        write(dir.path(), &files).expect("write");
        let files = vec![("a/b/index.html".to_owned(), b"two".to_vec())];
        write(dir.path(), &files).expect("rewrite");
        assert_eq!(
            fs::read(dir.path().join("a/b/index.html")).expect("read"),
            b"two"
        );
        let names: Vec<_> = fs::read_dir(dir.path().join("a/b"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "a temporary file was left: {names:?}");
        let escape = vec![("../x.html".to_owned(), b"no".to_vec())];
        assert!(write(dir.path(), &escape).is_err());
    }
}
