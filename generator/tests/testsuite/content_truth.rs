//! The bundled content and the theme's strings say only what the sources say (issue 15).
//!
//! A list of phrases that no content file or theme string may contain, each with the reason.
//! Every phrase here was once on the site and was false or unsourced:
//! - Kalimantan Barat's release speaks of *five* strategic issues and lists six items; nothing
//!   says the FGD validated "six issues", or stunting and maternal and child health "separately";
//! - what the research only failed to find is "belum kami temukan" / "we have not found", never
//!   "not published" (a claim about the ministry that nobody checked);
//! - no promise in the organiser's name that no source makes.
//!
//! Content prose must also not state a registration window's state ("ditutup pada …", "is
//! open"): the theme renders that from `province.yaml` for the build's date, so prose would be
//! wrong on other days. The theme's own strings are exempt from that second list: they are the
//! data-driven wording.
//!
//! Matching is case-insensitive, on text whose whitespace runs (line breaks of folded YAML
//! included) are collapsed to one space. To change the list, edit it here and say why in the
//! commit.

use std::path::{Path, PathBuf};

use generator::theme::Strings;

/// Phrases forbidden in every content file and every theme string and template.
const FORBIDDEN: &[(&str, &str)] = &[
    (
        "isu tersendiri",
        "no source says a Kalimantan Barat issue was validated on its own",
    ),
    ("dua isu terpisah", "no source says two separate issues"),
    ("two separate issues", "no source says two separate issues"),
    ("separately validated", "no source says so"),
    ("validated separately", "no source says so"),
    ("an issue of its own", "no source says so"),
    ("belum dipublikasikan", "say 'belum kami temukan'"),
    ("tidak dipublikasikan", "say 'belum kami temukan'"),
    ("sudah dipublikasikan", "we only know what we found"),
    ("not been published", "say 'we have not found'"),
    ("not published", "say 'we have not found'"),
    ("unpublished", "say 'we have not found'"),
    ("published so far", "we only know what we found"),
    (
        "belum mengumumkan",
        "a claim about the organiser; say 'belum kami temukan'",
    ),
    (
        "has not announced",
        "a claim about the organiser; say 'we have not found'",
    ),
    (
        "panitia memeriksa setiap usulan",
        "a promise in the organiser's name that no source makes",
    ),
];

/// Window-state prose, forbidden in content files only (the theme renders state from data).
const WINDOW_STATE_PROSE: &[&str] = &[
    "ditutup pada",
    "telah ditutup",
    "sudah ditutup",
    "sedang dibuka",
    "dibuka hingga",
    "closed on",
    "is open",
    "are open",
    "is now open",
    "open until",
];

/// Numbers that must not count Kalimantan Barat's issues (the release says five).
const SIX: &[&str] = &["six", "enam"];
/// Words for an issue; "six" followed within three words by one of these is a count of issues,
/// unless the next word makes it a count of something else ("six issue pages").
const ISSUE_WORDS: &[&str] = &["issue", "issues", "isu"];
/// Words after an issue word that make the count one of files or pages, not of issues.
const NOT_ISSUES: &[&str] = &["page", "pages", "file", "files", "halaman", "berkas"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Lower case, whitespace runs collapsed to one space.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Every file under `dir` with one of `exts`, sorted.
fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.contains(&e))
        })
        .collect();
    out.sort();
    out
}

/// "six"/"enam" followed within three words by an issue word, e.g. "six strategic issues".
fn counts_six_issues(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        SIX.contains(&w.as_str())
            && (i + 1..(i + 4).min(words.len())).any(|j| {
                ISSUE_WORDS.contains(&words[j].as_str())
                    && !words
                        .get(j + 1)
                        .is_some_and(|n| NOT_ISSUES.contains(&n.as_str()))
            })
    })
}

/// What is wrong with `text`, one line per problem; `window_prose` adds the content-only list.
fn problems(text: &str, window_prose: bool) -> Vec<String> {
    let norm = normalise(text);
    let mut out: Vec<String> = FORBIDDEN
        .iter()
        .filter(|(p, _)| norm.contains(p))
        .map(|(p, why)| format!("says \"{p}\": {why}"))
        .collect();
    if window_prose {
        out.extend(
            WINDOW_STATE_PROSE
                .iter()
                .filter(|p| norm.contains(*p))
                .map(|p| {
                    format!("says \"{p}\": window state comes from province.yaml, not from prose")
                }),
        );
    }
    if counts_six_issues(text) {
        out.push("counts six issues: Kalimantan Barat's release says five".into());
    }
    out
}

/// Every problem in the bundled content, theme strings and templates under `root`.
fn scan(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut report = |what: String, text: &str, window_prose: bool| {
        for p in problems(text, window_prose) {
            found.push(format!("{what}: {p}"));
        }
    };
    for path in files(&root.join("content"), &["md", "yaml"]) {
        let text = std::fs::read_to_string(&path).expect("read content file");
        // Line by line for a line number, then the whole file for phrases across folded lines.
        let mut by_line = false;
        for (n, line) in text.lines().enumerate() {
            if !problems(line, true).is_empty() {
                by_line = true;
                report(format!("{}:{}", path.display(), n + 1), line, true);
            }
        }
        if !by_line {
            report(path.display().to_string(), &text, true);
        }
    }
    let theme = root.join("themes/default");
    for lang in ["id", "en"] {
        let path = theme.join(format!("i18n/{lang}.yaml"));
        let text = std::fs::read_to_string(&path).expect("read theme strings");
        for (key, value) in Strings::parse(&text).expect("theme strings parse") {
            report(format!("{} `{key}`", path.display()), &value, false);
        }
    }
    for path in files(&theme.join("templates"), &["html"]) {
        let text = std::fs::read_to_string(&path).expect("read template");
        report(path.display().to_string(), &text, false);
    }
    found
}

#[test]
fn content_and_theme_strings_say_only_what_the_sources_say() {
    let found = scan(&root());
    assert!(
        found.is_empty(),
        "phrases the sources do not support (list and reasons in {}):\n{}",
        file!(),
        found.join("\n")
    );
}

/// The checks themselves: each kind of problem is caught, and the corrected wording passes.
#[test]
fn the_phrase_checks_catch_what_they_are_for() {
    for bad in [
        "Kalimantan Barat memvalidasi enam isu strategis",
        "validates six strategic issues",
        "## Six validated issues",
        "divalidasi pada 11 April 2023 sebagai isu tersendiri, terpisah dari kesehatan ibu dan anak",
        "Kalimantan Barat validated them as two separate\n  issues",
        "Tanggal FGD Jawa Timur belum\n        dipublikasikan.",
        "The date has not been published.",
    ] {
        assert!(!problems(bad, false).is_empty(), "not caught: {bad}");
    }
    for bad in [
        "Pendaftaran gelombang II ditutup pada 11 Juni 2023.",
        "Registration is open until 11 June.",
    ] {
        assert!(
            problems(bad, false).is_empty(),
            "theme wording refused: {bad}"
        );
        assert!(
            !problems(bad, true).is_empty(),
            "content prose not caught: {bad}"
        );
    }
    for good in [
        "Siaran pers menyebut lima isu strategis, lalu mendaftar enam butir.",
        "one of the six provinces; the release lists six items",
        "The site has six issue pages (stunting apart)",
        "Tanggal pembukaannya belum kami temukan.",
        "published: 2023-06-07",
        "Pendaftaran gelombang II berlangsung melalui angin.id/winner.",
    ] {
        assert!(problems(good, true).is_empty(), "refused: {good}");
    }
}
