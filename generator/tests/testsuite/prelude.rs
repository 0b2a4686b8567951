//! Helpers shared by the test modules.

use std::fs;
use std::path::{Path, PathBuf};

use generator::content::{self, Diagnostics, LoadOptions, Loaded};

/// `generator check` on `content` with the repository's theme, in `lang` (`None`: the default,
/// Indonesian), whatever `WINNER_LANG` the test runner has.
pub fn check_command(content: &Path, lang: Option<&str>) -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("generator");
    cmd.env_remove("WINNER_LANG")
        .arg("check")
        .arg("--content")
        .arg(content)
        .arg("--theme")
        .arg(theme());
    if let Some(l) = lang {
        cmd.args(["--lang", l]);
    }
    cmd
}

/// A folder of this test suite.
pub fn suite(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/testsuite")
        .join(rel)
}

/// The good fixture's content folder.
pub fn good_content() -> PathBuf {
    suite("load/good/content")
}

/// The repository's theme.
pub fn theme() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../themes/default")
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A temporary site: the good fixture with `check/<case>/content/` laid over it.
/// The content folder is `<tmp>/content`.
pub fn site_with_case(case: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&good_content(), &dir.path().join("content"));
    if let Some(case) = case {
        copy_dir(
            &suite(&format!("check/{case}/content")),
            &dir.path().join("content"),
        );
    }
    dir
}

/// Loads a content folder, with province codes checked against the default theme's official
/// list, as `build` and `check` do.
pub fn load(content_dir: &Path) -> Result<Loaded, Diagnostics> {
    let official = generator::theme::MapData::load(&theme())
        .expect("the default theme's map loads")
        .map(|map| map.official())
        .unwrap_or_default();
    content::load_with_warnings(&LoadOptions {
        content_dir: content_dir.to_path_buf(),
        official,
    })
}

/// All files of a folder, relative path to bytes.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).expect("prefix").to_path_buf();
            out.insert(rel, fs::read(e.path()).expect("read"));
        }
    }
    out
}
