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
    // No temporary folders are left beside it: only the previous build, kept as the spare.
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    assert_eq!(names, [".public.spare", "public"]);
    assert_eq!(
        fs::read_to_string(dir.path().join(".public.spare/index.html")).expect("read"),
        "one",
        "the spare is the previous build"
    );
}

/// Builds `builds` one after another into `out` (so later ones reuse the spare), then checks
/// the last one is exactly what a build into an empty folder writes, empty folders included.
fn assert_reuse_matches_fresh(builds: &[BTreeMap<String, Vec<u8>>]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("public");
    for b in builds {
        output::write(b, &out).expect("write");
    }
    let last = builds.last().expect("at least one build");
    let fresh = dir.path().join("fresh");
    output::write(last, &fresh).expect("write fresh");
    assert_eq!(snapshot(&out), snapshot(&fresh));
    assert_eq!(folders(&out), folders(&fresh), "no folder left over");
}

fn folders(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).expect("prefix").to_path_buf())
        .collect()
}

#[test]
fn a_build_over_the_spare_equals_a_build_into_an_empty_folder() {
    assert_reuse_matches_fresh(&[
        site(&[
            ("index.html", "one"),
            ("old/deep/index.html", "stale"),
            ("same.css", "body{}"),
            ("catalog.json", "{}"),
        ]),
        site(&[("index.html", "two")]),
        site(&[
            ("index.html", "three"),
            ("same.css", "body{}"),
            ("new/index.html", "new page"),
            ("catalog.json", "{\"changed\":1}"),
        ]),
    ]);
}

#[test]
fn a_build_over_the_spare_swaps_files_and_folders() {
    // The spare has a file where the new build wants a folder, and the other way round.
    assert_reuse_matches_fresh(&[
        site(&[("a", "file"), ("b/index.html", "page"), ("c/d/e", "deep")]),
        site(&[("index.html", "x")]),
        site(&[("a/index.html", "page"), ("b", "file"), ("c/d", "file")]),
    ]);
}

#[test]
fn unchanged_files_are_not_rewritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("public");
    let same = site(&[("index.html", "same"), ("changes.html", "1")]);
    output::write(&same, &out).expect("first");
    let mtime = |p: &std::path::Path| fs::metadata(p).expect("stat").modified().expect("mtime");
    let first = mtime(&out.join("index.html"));
    output::write(&same, &out).expect("second");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let third = site(&[("index.html", "same"), ("changes.html", "2")]);
    output::write(&third, &out).expect("third, over the first build");
    assert_eq!(mtime(&out.join("index.html")), first, "same bytes: kept");
    assert!(
        mtime(&out.join("changes.html")) > first,
        "new bytes: written"
    );
    assert_eq!(
        fs::read_to_string(out.join("changes.html")).expect("read"),
        "2"
    );
}

#[test]
fn a_spare_without_the_marker_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("public");
    let foreign = dir.path().join(".public.spare");
    fs::create_dir_all(&foreign).expect("mkdir");
    fs::write(foreign.join("notes.txt"), "precious").expect("write");
    for text in ["one", "two", "three"] {
        output::write(&site(&[("index.html", text)]), &out).expect("write");
    }
    assert_eq!(snapshot(&foreign).len(), 1, "nothing added or removed");
    assert_eq!(
        fs::read_to_string(foreign.join("notes.txt")).expect("read"),
        "precious"
    );
    assert_eq!(
        fs::read_dir(dir.path()).expect("list").count(),
        2,
        "previous builds removed, not kept"
    );
}

#[test]
fn a_failed_build_over_the_spare_keeps_the_site_and_the_spare() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("public");
    output::write(&site(&[("index.html", "one")]), &out).expect("first");
    output::write(&site(&[("index.html", "two")]), &out).expect("second");
    let before = snapshot(&out);
    let bad = site(&[("index.html", "three"), ("../escape.html", "x")]);
    output::write(&bad, &out).expect_err("unsafe path");
    assert_eq!(snapshot(&out), before);
    assert!(dir.path().join(".public.spare").is_dir(), "spare kept");
    output::write(&site(&[("index.html", "four")]), &out).expect("next build");
    assert_eq!(
        fs::read_to_string(out.join("index.html")).expect("read"),
        "four"
    );
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
        search_index: true,
    };
    for name in ["a", "b"] {
        let staging = output::Staging::begin(&dir.path().join(name)).expect("staging");
        generator::pipeline::build(&inputs, &staging)
            .unwrap_or_else(|_| panic!("the build of {} failed", good_content().display()));
        staging.commit().expect("commit");
    }
    let a = snapshot(&dir.path().join("a"));
    assert!(a.len() > 1, "the build wrote files");
    assert_eq!(a, snapshot(&dir.path().join("b")));
}

#[cfg(unix)]
#[test]
fn links_are_removed_never_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    // `--out` is a link to a folder holding a previous build (e.g. a web root).
    let target = dir.path().join("webroot");
    output::write(&site(&[("index.html", "served")]), &target).expect("write");
    let before = snapshot(&target);
    let out = dir.path().join("public");
    std::os::unix::fs::symlink(&target, &out).expect("symlink");
    // A link planted as the spare points at another folder that looks like a build.
    let other = dir.path().join("other");
    output::write(&site(&[("keep.html", "mine")]), &other).expect("write");
    let other_before = snapshot(&other);
    std::os::unix::fs::symlink(&other, dir.path().join(".public.spare")).expect("symlink");
    for text in ["one", "two", "three"] {
        output::write(&site(&[("index.html", text)]), &out).expect("write");
    }
    assert_eq!(snapshot(&target), before, "the link's folder is untouched");
    assert_eq!(
        snapshot(&other),
        other_before,
        "the spare link's folder is untouched"
    );
    assert_eq!(
        fs::read_to_string(out.join("index.html")).expect("read"),
        "three"
    );
    assert!(
        !fs::symlink_metadata(&out)
            .expect("stat")
            .file_type()
            .is_symlink(),
        "`public` is now a real folder"
    );
}
