//! Writing the output: the atomic swap, the refusals, and determinism.

use std::collections::BTreeMap;
use std::fs;

use generator::output::{self, MARKER, OutputError};

use crate::prelude::*;

fn site(files: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|(p, c)| ((*p).to_owned(), c.as_bytes().to_vec()))
        .collect()
}

#[test]
fn writes_then_replaces_the_whole_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("public");
    let first = site(&[
        ("index.html", "one"),
        ("old/index.html", "stale"),
        ("catalog.json", "{}"),
    ]);
    let w = output::write(&first, &out).expect("first write");
    assert_eq!((w.files, w.pages), (3, 2));
    assert!(out.join(MARKER).is_file());

    let second = site(&[("index.html", "two")]);
    output::write(&second, &out).expect("second write");
    assert_eq!(
        fs::read_to_string(out.join("index.html")).expect("read"),
        "two"
    );
    assert!(!out.join("old").exists(), "stale files are gone");
    // No temporary or backup folders are left beside it.
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["public"]);
}

#[test]
fn failed_write_leaves_previous_build_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("public");
    output::write(&site(&[("index.html", "good"), ("a/b.css", "x")]), &out).expect("write");
    let before = snapshot(&out);
    let bad = site(&[("index.html", "new"), ("../escape.html", "x")]);
    let err = output::write(&bad, &out).expect_err("unsafe path");
    assert!(matches!(err, OutputError::BadPath(_)), "{err}");
    assert_eq!(snapshot(&out), before);
    assert_eq!(
        fs::read_dir(dir.path()).expect("list").count(),
        1,
        "temporary folder removed"
    );
}

#[test]
fn refuses_dangerous_targets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = dir.path().join("content");
    let theme = dir.path().join("theme");
    fs::create_dir_all(&content).expect("mkdir");
    fs::create_dir_all(&theme).expect("mkdir");
    let protected = [content.as_path(), theme.as_path()];
    let refused = |p: &std::path::Path| output::check_target(p, &protected).is_err();
    assert!(refused(&content));
    assert!(refused(&theme));
    assert!(refused(&content.join("public")));
    assert!(refused(dir.path()), "a folder containing the inputs");
    assert!(refused(std::path::Path::new("/")));
    let foreign = dir.path().join("documents");
    fs::create_dir_all(&foreign).expect("mkdir");
    fs::write(foreign.join("thesis.docx"), "precious").expect("write");
    assert!(refused(&foreign), "non-empty folder without the marker");
    // Absent, empty, or a previous build are fine.
    assert!(!refused(&dir.path().join("public")));
    fs::create_dir_all(dir.path().join("empty")).expect("mkdir");
    assert!(!refused(&dir.path().join("empty")));
    output::write(&site(&[("index.html", "x")]), &dir.path().join("previous")).expect("write");
    assert!(!refused(&dir.path().join("previous")));
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = generator::pipeline::Inputs {
        content_dir: good_content(),
        theme_dir: theme(),
        base_url: None,
        submit_url: None,
        as_of: winner_catalog::clock::parse_date("2023-06-01").ok(),
    };
    for name in ["a", "b"] {
        let rendered = generator::pipeline::run(&inputs)
            .unwrap_or_else(|p| panic!("{}", p.report(&good_content())));
        output::write(&rendered.output, &dir.path().join(name)).expect("write");
    }
    let a = snapshot(&dir.path().join("a"));
    assert!(a.len() > 1, "the build wrote files");
    assert_eq!(a, snapshot(&dir.path().join("b")));
}
