//! [`InPlace`]: files replaced one at a time inside a served build folder (`serve`'s
//! incremental updates). Each file goes to a temporary name beside its target and is renamed
//! over it, so a browser never reads a half-written page; a file that already holds the same
//! bytes is left alone. (Full builds swap in a whole new folder: see
//! [`Staging`](super::Staging).)

use std::fs;
use std::path::PathBuf;

use super::error::{OutputError, io_err};
use super::{Sink, safe_relative, same_bytes};

/// Writes each file it receives into an existing build folder, replacing it atomically.
#[derive(Debug, Clone)]
pub struct InPlace {
    out: PathBuf,
}

impl InPlace {
    /// A sink writing into the build folder `out`.
    pub fn new(out: impl Into<PathBuf>) -> InPlace {
        InPlace { out: out.into() }
    }
}

impl Sink for InPlace {
    fn put(&self, rel: String, bytes: Vec<u8>) -> Result<(), OutputError> {
        let target = self.out.join(safe_relative(&rel)?);
        let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
            return Err(OutputError::BadPath(rel));
        };
        // `serve` rewrites the whole search index after each edit; nearly all of its files
        // come out identical, and rewriting them competes with the next page update's writes.
        if same_bytes(&target, &bytes) {
            return Ok(());
        }
        fs::create_dir_all(parent).map_err(io_err("create", parent))?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.tmp", std::process::id()));
        let temp = parent.join(temp_name);
        fs::write(&temp, &bytes).map_err(|e| {
            let _ = fs::remove_file(&temp);
            io_err("write", &temp)(e)
        })?;
        fs::rename(&temp, &target).map_err(|e| {
            let _ = fs::remove_file(&temp);
            io_err("replace", &target)(e)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_files_and_refuses_escapes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sink = InPlace::new(dir.path());
        sink.put("a/b/index.html".into(), b"one".to_vec())
            .expect("write");
        sink.put("a/b/index.html".into(), b"two".to_vec())
            .expect("rewrite");
        assert_eq!(
            fs::read(dir.path().join("a/b/index.html")).expect("read"),
            b"two"
        );
        let names: Vec<_> = fs::read_dir(dir.path().join("a/b"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "a temporary file was left: {names:?}");
        assert!(sink.put("../x.html".into(), b"no".to_vec()).is_err());
    }

    #[test]
    fn leaves_a_file_with_the_same_bytes_alone() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let sink = InPlace::new(dir.path());
        let path = dir.path().join("pagefind/fragment/id_1.pf_fragment");
        let inode = || fs::metadata(&path).expect("stat").ino();
        sink.put(
            "pagefind/fragment/id_1.pf_fragment".into(),
            b"same".to_vec(),
        )
        .expect("write");
        let first = inode();
        sink.put(
            "pagefind/fragment/id_1.pf_fragment".into(),
            b"same".to_vec(),
        )
        .expect("same again");
        assert_eq!(inode(), first, "identical bytes were rewritten");
        sink.put(
            "pagefind/fragment/id_1.pf_fragment".into(),
            b"changed".to_vec(),
        )
        .expect("rewrite");
        assert_ne!(inode(), first, "changed bytes were not written");
        assert_eq!(fs::read(&path).expect("read"), b"changed");
    }
}
