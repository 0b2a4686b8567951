//! The good fixture loads, with the values and order the renderer relies on.

use std::path::Path;

use winner_catalog::{IssueStatus, Lang};

use crate::prelude::*;

#[test]
fn good_site_loads_with_expected_values() {
    let loaded = load(&good_content()).unwrap_or_else(|d| {
        panic!(
            "{}",
            d.render(&good_content(), generator::messages::Lang::En)
        )
    });
    assert!(loaded.warnings.is_empty(), "{}", loaded.warnings);
    let site = loaded.site;

    assert_eq!(site.config.languages, ["id", "en"]);
    assert_eq!(site.config.competition.stages.len(), 2);
    assert_eq!(
        site.topics
            .iter()
            .map(|t| t.slug.as_str())
            .collect::<Vec<_>>(),
        ["stunting", "pendidikan"]
    );
    assert_eq!(site.form.fields.len(), 4);

    // Provinces sorted by name; issues by title.
    let names: Vec<_> = site
        .provinces
        .iter()
        .map(|p| p.facts.name.as_str())
        .collect();
    assert_eq!(names, ["Banten", "Kalimantan Barat"]);
    let kalbar = &site.provinces[1];
    assert_eq!(kalbar.slug, "kalimantan-barat");
    assert_eq!(kalbar.facts.code, "61");
    assert_eq!(
        kalbar
            .facts
            .proposals
            .and_then(|w| w.closes)
            .map(|d| d.to_string()),
        Some("2023-06-11".into())
    );
    let issues: Vec<_> = kalbar.issues.iter().map(|i| i.slug.as_str()).collect();
    assert_eq!(issues, ["pendidikan", "stunting"]);
    let stunting = &kalbar.issues[1];
    assert_eq!(stunting.province, "kalimantan-barat");
    assert_eq!(stunting.facts.status, IssueStatus::Validated);
    assert_eq!(stunting.words.id.title.as_deref(), Some("Stunting"));
    let (en, fell_back) = stunting.words.get(Lang::En);
    assert!(!fell_back);
    assert_eq!(
        en.summary.as_deref(),
        Some("Stunting rates are still high.")
    );
    // Bodies keep their file and first line.
    assert_eq!(
        stunting.words.id.body.path,
        Path::new("provinces/kalimantan-barat/issues/stunting.md")
    );
    assert_eq!(stunting.words.id.body.first_line, 11);
    assert!(stunting.words.id.body.text.starts_with("## Masalah"));
    // A translation with only a title: summary absent.
    assert_eq!(
        kalbar.issues[0]
            .words
            .en
            .as_ref()
            .and_then(|w| w.summary.clone()),
        None
    );

    // News newest first, date from the file name.
    let news: Vec<_> = site
        .news
        .iter()
        .map(|n| (n.date.to_string(), n.slug.as_str()))
        .collect();
    assert_eq!(
        news,
        [
            ("2023-04-11".to_string(), "fgd-kalimantan-barat"),
            ("2023-02-06".to_string(), "peluncuran")
        ]
    );
    assert_eq!(site.news[0].facts.provinces, ["kalimantan-barat"]);

    // Pages by nav_order, English slug from the translation.
    let pages: Vec<_> = site
        .pages
        .iter()
        .map(|p| (p.slug.as_str(), p.slug_en.as_str()))
        .collect();
    assert_eq!(pages, [("tentang", "about"), ("tahapan", "stages")]);
}

#[test]
fn loading_is_deterministic() {
    let a = format!("{:?}", load(&good_content()).map(|l| l.site));
    let b = format!("{:?}", load(&good_content()).map(|l| l.site));
    assert_eq!(a, b);
}

#[test]
fn missing_content_folder_is_one_error() {
    let err = load(Path::new("/nonexistent/content")).expect_err("no folder");
    assert_eq!(err.error_count(), 1);
    assert!(
        err.0[0]
            .message(generator::messages::Lang::En)
            .contains("does not exist")
    );
}

#[test]
fn diagnostics_print_with_snippet_and_hint() {
    let site = site_with_case(Some("unknown_field"));
    let content = site.path().join("content");
    let err = load(&content).expect_err("unknown field");
    let text = err.render(&content, generator::messages::Lang::En);
    assert!(
        text.contains("error[K0102]: unknown field `author`"),
        "{text}"
    );
    assert!(text.contains("issues/stunting.md:5:1\n"), "{text}");
    assert!(text.contains("5 | author: Budi\n"), "{text}");
    assert!(text.contains("  | ^\n"), "{text}");
    assert!(text.contains("= hint: check the spelling"), "{text}");
}
