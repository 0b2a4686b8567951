//! The message catalogue: both languages complete and well formed, `generator explain` for
//! every code, the editors' guide's code table generated from the catalogue, Indonesian by
//! default and English with `--lang en`.

use std::collections::BTreeSet;

use assert_cmd::cargo::cargo_bin_cmd;
use generator::messages::{self, EN_FTL, ID_FTL, Lang, codes};
use predicates::str::contains;

use crate::prelude::*;

/// The message ids of a catalogue (lines `id =` at the start of a line).
fn ids(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

#[test]
fn both_catalogues_parse_and_have_the_same_ids() {
    for lang in Lang::ALL {
        assert!(
            messages::parse_errors(lang).is_empty(),
            "{lang:?}: {:?}",
            messages::parse_errors(lang)
        );
    }
    assert_eq!(ids(ID_FTL), ids(EN_FTL));
    let coded: BTreeSet<String> = ids(EN_FTL)
        .into_iter()
        .filter(|i| i.starts_with('K'))
        .collect();
    let listed: BTreeSet<String> = codes::ALL.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(
        coded, listed,
        "codes.rs and the catalogue list different codes"
    );
}

#[test]
fn every_code_has_message_hint_title_and_explanation() {
    for lang in Lang::ALL {
        for code in codes::ALL {
            for attr in ["hint", "title", "explain"] {
                assert!(
                    messages::has_attr(lang, code, attr),
                    "{lang:?} {code} has no .{attr}"
                );
            }
            assert!(messages::has(lang, code), "{lang:?} {code}");
        }
    }
}

#[test]
fn explain_works_for_every_code_in_both_languages() {
    for code in codes::ALL {
        for (lang, wrong, right) in [("id", "Salah", "Benar"), ("en", "Wrong", "Right")] {
            let out = cargo_bin_cmd!("generator")
                .args(["explain", code, "--lang", lang])
                .output()
                .expect("run");
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "{code} {lang}: {out:?}");
            assert!(
                text.starts_with(&format!("{code}: ")),
                "{code} {lang}: {text}"
            );
            assert!(
                text.contains(wrong) && text.contains(right),
                "{code} {lang}: no wrong and right example:\n{text}"
            );
            assert!(
                !text.contains('{'),
                "{code} {lang}: unformatted placeable:\n{text}"
            );
        }
    }
}

#[test]
fn explain_refuses_an_unknown_code() {
    cargo_bin_cmd!("generator")
        .env_remove("WINNER_LANG")
        .args(["explain", "K9999"])
        .assert()
        .code(2)
        .stderr(contains("tidak ada kode masalah `K9999`"));
}

/// The table of codes as the guide in `lang` shows it.
fn guide_table(lang: Lang) -> String {
    let (code, kind, message) = match lang {
        Lang::Id => ("Kode", "Jenis masalah", "Pesan (intinya)"),
        Lang::En => ("Code", "Kind of problem", "Message (in essence)"),
    };
    let mut out = format!("| {code} | {kind} | {message} |\n| --- | --- | --- |\n");
    for c in codes::ALL {
        let msg = messages::Msg::new(c);
        let text = placeholders_as_ellipsis(&msg.text(lang))
            .replace('|', "\\|")
            .replace('\n', " ");
        out.push_str(&format!("| {c} | {} | {text} |\n", msg.attr(lang, "title")));
    }
    out
}

/// `{$field}` (an argument Fluent had no value for) shown as `…`.
fn placeholders_as_ellipsis(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("{$") {
        out.push_str(&rest[..at]);
        match rest[at..].find('}') {
            Some(end) => {
                out.push('…');
                rest = &rest[at + end + 1..];
            }
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The guide's table between its markers must be the catalogue's; `UPDATE_GUIDE=1` rewrites it.
#[test]
fn the_guides_code_table_matches_the_catalogue() {
    const START: &str = "<!-- codes:start (generated from generator/messages; UPDATE_GUIDE=1 cargo test -p generator --test testsuite messages) -->\n";
    const END: &str = "<!-- codes:end -->";
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (lang, file) in [
        (Lang::Id, "docs/editors-guide.md"),
        (Lang::En, "docs/editors-guide.en.md"),
    ] {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).expect("guide");
        let (Some(a), Some(b)) = (text.find(START), text.find(END)) else {
            panic!("{file} has no generated code table ({START})");
        };
        let table = guide_table(lang);
        let current = &text[a + START.len()..b];
        if current != table {
            if std::env::var_os("UPDATE_GUIDE").is_some() {
                let new = format!("{}{START}{table}{}", &text[..a], &text[b..]);
                std::fs::write(&path, new).expect("write guide");
            } else {
                panic!(
                    "{file}: the code table differs from the catalogue; run with UPDATE_GUIDE=1"
                );
            }
        }
    }
}

#[test]
fn check_speaks_indonesian_by_default_and_english_on_request() {
    let site = site_with_case(Some("dangling_topic"));
    let content = site.path().join("content");
    let run = |lang: Option<&str>| {
        let mut cmd = check_command(&content, lang);
        cmd.assert().code(1)
    };
    run(None)
        .stderr(contains(
            "kesalahan[K0320]: tidak ada topik `gizi-buruk` di topics.yaml",
        ))
        .stderr(contains("issues/stunting.md:3:8\n"))
        .stderr(contains("= petunjuk: "))
        .stderr(contains("1 kesalahan, 0 peringatan"))
        .stderr(contains("generator explain"));
    run(Some("en"))
        .stderr(contains(
            "error[K0320]: there is no topic `gizi-buruk` in topics.yaml",
        ))
        .stderr(contains("1 error, 0 warnings"));
    let mut env = cargo_bin_cmd!("generator");
    env.env("WINNER_LANG", "en")
        .arg("check")
        .arg("--content")
        .arg(&content)
        .arg("--theme")
        .arg(theme())
        .assert()
        .code(1)
        .stderr(contains("error[K0320]"));
}

#[test]
fn a_misspelt_field_gets_a_suggestion() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    let path = content.join("provinces/kalimantan-barat/issues/stunting.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replacen("topic:", "topc:", 1)).expect("write");
    let diags = load(&content).expect_err("misspelt");
    let d = diags
        .errors()
        .find(|d| d.code() == codes::UNKNOWN_FIELD)
        .expect("unknown field");
    assert!(
        d.hint(Lang::En).starts_with("did you mean `topic`?"),
        "{}",
        d.hint(Lang::En)
    );
    assert!(d.hint(Lang::Id).starts_with("mungkin maksud Anda `topic`?"));
}
