//! Incremental rebuilds (`generator serve` after an issue edit) give exactly the bytes of a
//! full build: a temporary copy of the bundled content is built once, issue files are edited
//! (body, translation, title, status, topic, several at once), each edit goes through
//! `Live::plan` and `Live::update`, and after every step the served files (the first build
//! with every incremental update laid over it) must equal a from-scratch build of the edited
//! content, file for file. That proves both that each re-rendered file is right and that the
//! dependency list is complete (a file that should have changed but was not re-rendered
//! differs). The search index (`pagefind/`) is not on this path: serve writes it again in
//! the background (`serve/search.rs`), through [`generator::render::search_index`], whose
//! own test is at the end of this file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use generator::output::Memory;
use generator::pipeline::{self, BuildError, Inputs};
use generator::serve::incremental::{Live, Plan, Update};

use crate::prelude::*;
use generator::messages::Lang;

/// Output path to bytes.
type Files = BTreeMap<String, Vec<u8>>;

fn inputs(content: &Path) -> Inputs {
    Inputs {
        content_dir: content.to_path_buf(),
        theme_dir: theme(),
        base_url: Some("https://winner.example".into()),
        submit_url: Some("https://submit.example/proposals".into()),
        // Wave II registration is open: windows, the form and the map's marks are live.
        as_of: Some(time::macros::date!(2023 - 06 - 01)),
        search_index: false,
    }
}

/// A full build of `content`, without the search index.
fn full_build(content: &Path) -> (Files, Live) {
    let inputs = inputs(content);
    let out = Memory::new();
    let kept = pipeline::build(&inputs, &out).unwrap_or_else(|e| match e {
        BuildError::Problems(p) => panic!("build failed:\n{}", p.report(content, Lang::En)),
        BuildError::Output(e) => panic!("{e}"),
    });
    let files = out.into_output();
    assert!(!files.keys().any(|p| p.starts_with("pagefind/")));
    (files, Live::new(kept, &inputs))
}

/// A temporary copy of the bundled content: (folder, content path).
fn bundled_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = dir.path().join("content");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../content"),
        &content,
    );
    (dir, content)
}

/// Runs one incremental update for `changed` (relative to `content`) and lays its files over
/// `served`; returns the paths it wrote.
fn update(live: &mut Live, content: &Path, changed: &[&str], served: &mut Files) -> Vec<String> {
    let paths: Vec<PathBuf> = changed.iter().map(|rel| content.join(rel)).collect();
    let Plan::Issues(keys) = live.plan(&paths) else {
        panic!(
            "{changed:?} should reload alone, got {:?}",
            live.plan(&paths)
        );
    };
    match live.update(keys) {
        Update::Rendered(updated) => {
            let written: Vec<String> = updated.files.iter().map(|(p, _)| p.clone()).collect();
            served.extend(updated.files);
            written
        }
        Update::Failed(problems) => {
            panic!("update failed:\n{}", problems.report(content, Lang::En))
        }
        Update::Full(reason) => panic!("update asked for a full build: {reason}"),
    }
}

/// `served` must equal a full build of `content`, file for file.
fn assert_same_as_full_build(content: &Path, served: &Files, step: &str) {
    let (expected, _) = full_build(content);
    let differing: Vec<&String> = expected
        .iter()
        .filter(|(path, bytes)| served.get(*path) != Some(*bytes))
        .map(|(path, _)| path)
        .collect();
    assert!(
        differing.is_empty(),
        "{step}: these files differ from a full build: {differing:?}"
    );
    let extra: Vec<&String> = served
        .keys()
        .filter(|p| !expected.contains_key(*p))
        .collect();
    assert!(
        extra.is_empty(),
        "{step}: files a full build lacks: {extra:?}"
    );
}

/// Edits a file in place with `f`.
fn edit(content: &Path, rel: &str, f: impl FnOnce(String) -> String) {
    let path = content.join(rel);
    let text = fs::read_to_string(&path).expect("read");
    let new = f(text.clone());
    assert_ne!(text, new, "the edit of {rel} changed nothing");
    fs::write(&path, new).expect("write");
}

const KB_STUNTING: &str = "provinces/kalimantan-barat/issues/stunting.md";
const KB_STUNTING_EN: &str = "provinces/kalimantan-barat/issues/stunting.en.md";

#[test]
fn incremental_updates_equal_full_builds() {
    let (_dir, content) = bundled_copy();
    let (mut served, mut live) = full_build(&content);

    // A body edit: only the issue's own pages.
    edit(&content, KB_STUNTING, |t| {
        t + "\nKalimat baru dari uji inkremental.\n"
    });
    let written = update(&mut live, &content, &[KB_STUNTING], &mut served);
    assert_eq!(
        written,
        [
            "en/provinces/kalimantan-barat/stunting/index.html",
            "provinsi/kalimantan-barat/stunting/index.html"
        ]
    );
    assert_same_as_full_build(&content, &served, "body edit");

    // The translation's title: lists in English and the catalog too.
    edit(&content, KB_STUNTING_EN, |t| {
        t.replacen("title: ", "title: Renamed ", 1)
    });
    let written = update(&mut live, &content, &[KB_STUNTING_EN], &mut served);
    assert!(written.contains(&"catalog.json".to_owned()), "{written:?}");
    assert_same_as_full_build(&content, &served, "translated title");

    // The Indonesian title moves the issue to the end of its province's list.
    edit(&content, KB_STUNTING, |t| {
        t.replacen("title: ", "title: Zz ", 1)
    });
    update(&mut live, &content, &[KB_STUNTING], &mut served);
    assert_same_as_full_build(&content, &served, "reordering title");

    // Another topic: counts on home, the topics page and every province page.
    edit(&content, KB_STUNTING, |t| {
        t.replacen(
            "topic: stunting-kesehatan-ibu-anak",
            "topic: perkawinan-anak",
            1,
        )
    });
    update(&mut live, &content, &[KB_STUNTING], &mut served);
    assert_same_as_full_build(&content, &served, "topic");

    // Status: counts; then every validated issue of a province turned pending at once (a
    // batch), and back one by one, which turns the province's window on again.
    let validated_to_pending = |t: String| {
        let t = t.replacen("status: validated", "status: pending", 1);
        t.lines()
            .filter(|l| !l.starts_with("validated_on:"))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    };
    edit(&content, KB_STUNTING, validated_to_pending);
    update(&mut live, &content, &[KB_STUNTING], &mut served);
    assert_same_as_full_build(&content, &served, "one issue pending");

    let dir = content.join("provinces/sulawesi-selatan/issues");
    let mut validated = Vec::new();
    for entry in fs::read_dir(&dir).expect("list") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let rel = format!("provinces/sulawesi-selatan/issues/{name}");
        if !name.ends_with(".en.md")
            && fs::read_to_string(content.join(&rel))
                .expect("read")
                .contains("status: validated")
        {
            validated.push(rel);
        }
    }
    validated.sort();
    assert!(validated.len() >= 2, "{validated:?}");
    for rel in &validated {
        edit(&content, rel, validated_to_pending);
    }
    let batch: Vec<&str> = validated.iter().map(String::as_str).collect();
    update(&mut live, &content, &batch, &mut served);
    assert_same_as_full_build(&content, &served, "a province without validated issues");

    edit(&content, &validated[0], |t| {
        t.replacen("status: pending", "status: validated", 1)
    });
    update(&mut live, &content, &[validated[0].as_str()], &mut served);
    assert_same_as_full_build(&content, &served, "a province validated again");
}

#[test]
fn a_broken_edit_reports_like_a_full_build_and_keeps_the_site() {
    let (_dir, content) = bundled_copy();
    let (mut served, mut live) = full_build(&content);
    let original = fs::read_to_string(content.join(KB_STUNTING)).expect("read");

    // Broken: the same report as `check`/`build` gives, and nothing is rendered.
    edit(&content, KB_STUNTING, |t| {
        t.replacen("status: validated", "status: mungkin", 1)
    });
    let paths = [content.join(KB_STUNTING)];
    let Plan::Issues(keys) = live.plan(&paths) else {
        panic!("an issue edit should reload alone");
    };
    let Update::Failed(problems) = live.update(keys) else {
        panic!("a broken issue must fail");
    };
    let Err(BuildError::Problems(full)) = pipeline::build(&inputs(&content), &Memory::new()) else {
        panic!("the full build fails too");
    };
    assert_eq!(
        problems.report(&content, Lang::En),
        full.report(&content, Lang::En)
    );
    assert!(
        problems.report(&content, Lang::En).contains("stunting.md:"),
        "{}",
        problems.report(&content, Lang::En)
    );

    // A second, good edit elsewhere while the first file is still broken must still fail:
    // the broken file is reloaded with it.
    let other = "provinces/kalimantan-barat/issues/perkawinan-anak.md";
    edit(&content, other, |t| t + "\nKalimat lain.\n");
    let paths = [content.join(other)];
    let Plan::Issues(keys) = live.plan(&paths) else {
        panic!("an issue edit should reload alone");
    };
    assert_eq!(keys.len(), 2, "the broken file is reloaded too: {keys:?}");
    assert!(matches!(live.update(keys), Update::Failed(_)));

    // Fixed: both edits are applied and the output equals a full build.
    fs::write(
        content.join(KB_STUNTING),
        original + "\nKalimat setelah perbaikan.\n",
    )
    .expect("write fix");
    update(&mut live, &content, &[KB_STUNTING], &mut served);
    assert_same_as_full_build(&content, &served, "after the fix");
}

#[test]
fn other_changes_ask_for_a_full_build() {
    let (_dir, content) = bundled_copy();
    let (_, live) = full_build(&content);
    let full = |rels: &[&str]| {
        let paths: Vec<PathBuf> = rels.iter().map(|r| content.join(r)).collect();
        matches!(live.plan(&paths), Plan::Full(_))
    };
    assert!(full(&["site.yaml"]));
    assert!(full(&["topics.yaml"]));
    assert!(full(&["provinces/banten/province.yaml"]));
    assert!(full(&["provinces/banten/index.md"]));
    assert!(full(&[KB_STUNTING, "pages/tentang.md"]));
    // A new issue file, and a removed one.
    fs::write(
        content.join("provinces/kalimantan-barat/issues/baru.md"),
        "---\ntitle: x\n---\n",
    )
    .expect("write");
    assert!(full(&["provinces/kalimantan-barat/issues/baru.md"]));
    fs::remove_file(content.join(KB_STUNTING_EN)).expect("remove");
    assert!(full(&[KB_STUNTING_EN]));
    // A theme file.
    let theme_file = theme().join("templates/issue.html");
    assert!(matches!(live.plan(&[theme_file]), Plan::Full(_)));
    // Editors' temporary files that came and went, and hidden files, change nothing.
    let nothing = |rels: &[&str]| {
        let paths: Vec<PathBuf> = rels.iter().map(|r| content.join(r)).collect();
        live.plan(&paths) == Plan::Nothing
    };
    assert!(nothing(&["provinces/kalimantan-barat/issues/4913"]));
    assert!(nothing(&["provinces/kalimantan-barat/issues/stunting.md~"]));
    fs::write(
        content.join("provinces/kalimantan-barat/issues/.stunting.md.swp"),
        "x",
    )
    .expect("write");
    assert!(nothing(&[
        "provinces/kalimantan-barat/issues/.stunting.md.swp"
    ]));
}

/// The background index serve writes after an edit: when it is still wanted it is the full
/// build's index, file for file; a "no" at a question, from the first to the last, drops it.
/// (That giving Pagefind the records in steps changes nothing is tested in serve/search.rs.)
#[test]
fn the_background_search_index_is_the_full_builds_and_stops_when_unwanted() {
    use std::sync::atomic::{AtomicUsize, Ordering};

    let content = good_content();
    let inputs = Inputs {
        search_index: true,
        ..inputs(&content)
    };
    let out = Memory::new();
    let kept = pipeline::build(&inputs, &out).unwrap_or_else(|_| panic!("the build failed"));
    let built: Files = out
        .into_output()
        .into_iter()
        .filter(|(path, _)| path.starts_with("pagefind/"))
        .collect();
    assert!(built.contains_key("pagefind/pagefind-entry.json"));
    let env =
        generator::render::context::Env::new(&kept.site, &kept.theme, &kept.options).expect("env");
    let index = |wanted: &(dyn Fn() -> bool + Sync)| {
        generator::render::search_index(&env, &kept.site, wanted).expect("index")
    };

    let asked = AtomicUsize::new(0);
    let always = || {
        asked.fetch_add(1, Ordering::SeqCst);
        true
    };
    let files: Option<Files> = index(&always).map(|f| f.into_iter().collect());
    assert_eq!(
        files.as_ref(),
        Some(&built),
        "the same files as the full build's"
    );
    let questions = asked.load(Ordering::SeqCst);
    // Once per page (those search leaves out too, so at least once per record: each has its
    // fragment file), once after the records, once before each language's word list, once
    // before Pagefind starts, then per language once per step of records given to it and
    // once its files are made: 8 more than the pages here, where each language fits in one
    // step.
    let records = built
        .keys()
        .filter(|p| p.starts_with("pagefind/fragment/"))
        .count();
    assert!(records > 0);
    assert!(
        questions >= records + 8,
        "asked {questions} times for {records} records"
    );

    // A "no" at the first question, at one among the pages, at the first after them, and
    // at the last: each drops the index, and nothing more is asked after the last.
    for no_at in [1, questions / 2, questions - 7, questions] {
        let asked = AtomicUsize::new(0);
        let until = || asked.fetch_add(1, Ordering::SeqCst) + 1 < no_at;
        assert_eq!(index(&until), None, "unwanted at question {no_at}");
        if no_at == questions {
            assert_eq!(asked.load(Ordering::SeqCst), questions);
        }
    }
}
