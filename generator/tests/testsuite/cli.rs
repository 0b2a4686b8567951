//! The binary: exit codes 0 (ok), 1 (content errors), 2 (usage or environment).

use std::fs;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;

use crate::prelude::*;

fn generator() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("generator");
    cmd.env_remove("GENERATOR_LOG");
    // These tests read the English messages; the Indonesian default has its own tests.
    cmd.env("WINNER_LANG", "en");
    cmd
}

#[test]
fn help_is_0_and_bad_usage_is_2() {
    generator()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(contains("build"));
    generator().assert().code(2);
    generator()
        .args(["build", "--no-such-flag"])
        .assert()
        .code(2);
    generator().args(["frobnicate"]).assert().code(2);
    generator()
        .args(["build", "--as-of", "2023-02-30"])
        .assert()
        .code(2)
        .stderr(contains("YYYY-MM-DD"));
}

#[test]
fn missing_folders_are_2_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    generator()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(contains("the content folder `content` does not exist"));
    generator()
        .args(["build", "--content"])
        .arg(good_content())
        .args(["--theme", "/no/such/theme"])
        .assert()
        .code(2)
        .stderr(contains("theme folder"));
}

#[test]
fn check_reports_content_errors_with_exit_1() {
    let site = site_with_case(Some("dangling_topic"));
    generator()
        .arg("check")
        .arg("--content")
        .arg(site.path().join("content"))
        .arg("--theme")
        .arg(theme())
        .assert()
        .code(1)
        .stderr(contains("issues/stunting.md:3:8\n"))
        .stderr(contains("there is no topic `gizi-buruk`"));
}

#[test]
fn build_refuses_to_write_over_the_content_folder() {
    generator()
        .arg("build")
        .arg("--content")
        .arg(good_content())
        .arg("--theme")
        .arg(theme())
        .arg("--out")
        .arg(good_content())
        .assert()
        .code(2)
        .stderr(contains("refusing"));
}

#[test]
fn failed_build_leaves_previous_out_byte_identical() {
    let site = site_with_case(Some("broken_link"));
    let out = site.path().join("public");
    fs::create_dir_all(out.join("provinsi")).expect("mkdir");
    fs::write(out.join(generator::output::MARKER), "").expect("marker");
    fs::write(out.join("index.html"), "<p>previous</p>").expect("write");
    fs::write(out.join("provinsi/index.html"), "<p>list</p>").expect("write");
    let before = snapshot(&out);
    generator()
        .arg("build")
        .arg("--content")
        .arg(site.path().join("content"))
        .arg("--theme")
        .arg(theme())
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("left as it was"));
    assert_eq!(snapshot(&out), before);
}

#[test]
fn check_and_build_the_good_site_exit_0() {
    generator()
        .arg("check")
        .arg("--content")
        .arg(good_content())
        .arg("--theme")
        .arg(theme())
        .assert()
        .code(0);
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("public");
    generator()
        .arg("build")
        .arg("--content")
        .arg(good_content())
        .arg("--theme")
        .arg(theme())
        .arg("--out")
        .arg(&out)
        .args(["--as-of", "2023-06-01", "--base-url", "https://example.org"])
        .assert()
        .code(0)
        .stderr(contains("built "))
        .stderr(contains("2 provinces, 2 issues, 2 news, 2 pages"));
    assert!(out.join(generator::output::MARKER).is_file());
    assert!(out.join("index.html").is_file());
    // Build output never carries the live-reload script.
    for (path, bytes) in snapshot(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__livereload"), "{}", path.display());
    }
}

#[test]
fn check_reports_template_errors_at_their_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let theme_copy = dir.path().join("theme");
    copy_dir(&theme(), &theme_copy);
    // Break one expression on a known line of a template every issue page uses.
    let template = theme_copy.join("templates/issue.html");
    let text = fs::read_to_string(&template).expect("read issue.html");
    let (line_no, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("{{ "))
        .expect("issue.html prints something");
    let broken_line = line.replacen("{{ ", "{{ 1 + ", 1);
    let col = broken_line.find("{{ 1 + ").expect("inserted") + 4;
    fs::write(&template, text.replacen(line, &broken_line, 1)).expect("write");
    generator()
        .arg("check")
        .arg("--content")
        .arg(good_content())
        .arg("--theme")
        .arg(&theme_copy)
        .assert()
        .code(1)
        .stderr(contains(format!("issue.html:{}:{}", line_no + 1, col)));
}

/// `check` renders every page but never builds the search index (issue 19, 20: seconds of
/// work on a large site, thrown away). The index announces itself in the debug log
/// (`render/search/mod.rs`); `build` of the same site shows that the log line would be there.
#[test]
fn check_builds_no_search_index() {
    let search_log = "search index:";
    let dir = tempfile::tempdir().expect("tempdir");
    let check = generator()
        .env("GENERATOR_LOG", "generator=debug")
        .current_dir(dir.path())
        .arg("check")
        .arg("--content")
        .arg(good_content())
        .arg("--theme")
        .arg(theme())
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&check.get_output().stderr).into_owned();
    assert!(
        stderr.contains("rendered in"),
        "the debug log is on:\n{stderr}"
    );
    assert!(
        !stderr.contains(search_log),
        "check built the search index:\n{stderr}"
    );
    assert!(
        snapshot(dir.path()).is_empty(),
        "check wrote files into its working folder"
    );
    let out = dir.path().join("public");
    let build = generator()
        .env("GENERATOR_LOG", "generator=debug")
        .arg("build")
        .arg("--content")
        .arg(good_content())
        .arg("--theme")
        .arg(theme())
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&build.get_output().stderr).into_owned();
    if cfg!(feature = "search") {
        assert!(
            stderr.contains(search_log),
            "build logs its index:\n{stderr}"
        );
        assert!(out.join("pagefind/pagefind-entry.json").is_file());
    }
}

/// The benchmark's synthetic site (`bench/gen_content.py`) follows every content rule: when a
/// new check arrives, the benchmark must not silently stop building (it did once, with K0338).
#[test]
fn the_benchmark_site_passes_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/gen_content.py");
    let made = std::process::Command::new("python3")
        .arg(&script)
        .arg(dir.path())
        .args(["--issues", "76", "--news", "6"])
        .output()
        .expect("python3 runs");
    assert!(
        made.status.success(),
        "gen_content.py failed:\n{}",
        String::from_utf8_lossy(&made.stderr)
    );
    check_command(&dir.path().join("content"), Some("en"))
        .assert()
        .code(0)
        .stderr(contains("76 issues"));
}
