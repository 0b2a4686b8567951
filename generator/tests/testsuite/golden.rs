//! The bundled `content/` built through the binary, as of a fixed date with fixed URLs, must
//! produce exactly the files listed in `tests/golden/bundled.sha256` (one `sha256  path` line
//! per output file). Performance work must not change a byte of the output.
//!
//! An intended change of the output (a template, a string, new content) updates the manifest
//! deliberately: `GOLDEN_UPDATE=1 cargo test -p generator --test testsuite golden`, then review
//! `git diff generator/tests/golden/` and explain the change in the commit.

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::prelude::*;

const MANIFEST: &str = "tests/golden/bundled.sha256";

/// `sha256  path` lines for every file under `dir`, sorted by path.
fn manifest(dir: &Path) -> String {
    let mut out = String::new();
    for (rel, bytes) in snapshot(dir) {
        let digest = Sha256::digest(&bytes);
        let mut hex = String::with_capacity(64);
        for b in digest.iter() {
            let _ = write!(hex, "{b:02x}");
        }
        let _ = writeln!(out, "{hex}  {}", rel.display());
    }
    out
}

#[test]
fn bundled_content_builds_to_the_recorded_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_generator"))
        .current_dir(root.join(".."))
        .args([
            "build",
            "--content",
            "content",
            "--theme",
            "themes/default",
            "--base-url",
            "https://winner.example",
            "--submit-url",
            "https://submit.example/proposals",
            "--as-of",
            "2023-06-01",
            "--out",
        ])
        .arg(&out)
        .status()
        .expect("run generator");
    assert!(status.success(), "generator build failed");
    let actual = manifest(&out);
    let path = root.join(MANIFEST);
    if std::env::var_os("GOLDEN_UPDATE").is_some() {
        std::fs::write(&path, &actual).expect("write manifest");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        let exp: std::collections::BTreeSet<&str> = expected.lines().collect();
        let act: std::collections::BTreeSet<&str> = actual.lines().collect();
        let mut diff = String::new();
        for l in exp.difference(&act) {
            let _ = writeln!(diff, "- {l}");
        }
        for l in act.difference(&exp) {
            let _ = writeln!(diff, "+ {l}");
        }
        panic!(
            "the build of content/ differs from {MANIFEST}:\n{diff}\n\
             If the change is intended, run GOLDEN_UPDATE=1 cargo test -p generator --test testsuite golden"
        );
    }
}
