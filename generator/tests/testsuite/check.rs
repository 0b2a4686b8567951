//! One broken fixture per problem: each reports exactly one error (or, for the missing
//! translation, one warning and no error) at the expected file and line.

use crate::prelude::*;
use generator::messages::Lang;

/// (case, file, line, fragment of the message)
const ERROR_CASES: &[(&str, &str, usize, &str)] = &[
    (
        "bad_yaml_syntax",
        "provinces/banten/province.yaml",
        2,
        "mapping values are not allowed",
    ),
    (
        "unknown_field",
        "provinces/kalimantan-barat/issues/stunting.md",
        5,
        "unknown field `author`",
    ),
    (
        "crlf_bom_unknown_field",
        "provinces/kalimantan-barat/issues/stunting.md",
        5,
        "unknown field `author`",
    ),
    (
        "wrong_type",
        "provinces/banten/province.yaml",
        4,
        "invalid type: string \"dua\", expected a whole number",
    ),
    (
        "missing_field",
        "provinces/kalimantan-barat/issues/stunting.md",
        1,
        "missing field `summary`",
    ),
    (
        "impossible_date",
        "provinces/kalimantan-barat/issues/stunting.md",
        5,
        "`2023-02-30` is not a valid date",
    ),
    (
        "empty_summary",
        "provinces/kalimantan-barat/issues/stunting.md",
        7,
        "`summary` is empty",
    ),
    (
        "dangling_topic",
        "provinces/kalimantan-barat/issues/stunting.md",
        3,
        "no topic `gizi-buruk`",
    ),
    (
        "orphan_translation",
        "provinces/banten/issues/air-bersih.en.md",
        1,
        "no Indonesian original",
    ),
    (
        "translation_without_title",
        "provinces/banten/issues/air-bersih.en.md",
        1,
        "no title",
    ),
    (
        "bad_source_url",
        "provinces/banten/province.yaml",
        6,
        "`dinkes.bantenprov.go.id` is not a web address",
    ),
    (
        "search_duplicate_term",
        "search.yaml",
        4,
        "`Kalbar` is already a term of entry 1 of `synonyms`",
    ),
    (
        "search_means_not_a_list",
        "search.yaml",
        3,
        "invalid type: string \"Kalimantan Barat\", expected a list",
    ),
    (
        "image_without_alt",
        "provinces/banten/index.md",
        6,
        "no alt text",
    ),
    (
        "broken_link",
        "provinces/banten/index.md",
        6,
        "no content file `provinces/banten/issues/air.md`",
    ),
    (
        "broken_anchor",
        "provinces/banten/index.md",
        6,
        "no heading with the id `angka`",
    ),
    // Banten given Kalimantan Barat's code: the official list tells which one is wrong.
    (
        "code_of_another_province",
        "provinces/banten/province.yaml",
        1,
        "belongs to Kalimantan Barat, not to Banten",
    ),
    // The form's consent refers to version 2023-06-01; the notice states another one.
    (
        "privacy_version_not_stated",
        "pages/privasi.md",
        6,
        "does not state the version `2023-06-01`",
    ),
    // A name with the address: the notice's recipient must be one plain address.
    (
        "organiser_email_not_an_address",
        "provinces/banten/province.yaml",
        5,
        "`organiser_email` is not an email address: `Bappeda Banten <bappeda@bantenprov.go.id>`",
    ),
    // A province folder copied whole: both are right by the official list, the copy is blamed.
    (
        "duplicate_province_code",
        "provinces/banten-salinan/province.yaml",
        1,
        "already used by `banten`",
    ),
    (
        "unquoted_code",
        "provinces/banten/province.yaml",
        2,
        "must be written in quotes",
    ),
    (
        "unenforceable_form",
        "form.yaml",
        10,
        "text fields need max_length",
    ),
    (
        "bad_news_name",
        "news/2023-02-30-kabar.md",
        0,
        "must start with a date",
    ),
    ("unclosed_front_matter", "pages/faq.md", 1, "never closed"),
    (
        "bad_languages",
        "site.yaml",
        7,
        "languages must be [id, en]",
    ),
];

#[test]
fn each_broken_fixture_reports_its_one_error() {
    let mut failures = Vec::new();
    for &(case, file, line, fragment) in ERROR_CASES {
        let site = site_with_case(Some(case));
        let content = site.path().join("content");
        let diags = match load(&content) {
            Ok(_) => {
                failures.push(format!("{case}: loaded without errors"));
                continue;
            }
            Err(d) => d,
        };
        let errors: Vec<_> = diags.errors().collect();
        let ok = errors.len() == 1
            && errors[0].path.to_str() == Some(file)
            && errors[0].line == line
            && errors[0].message(Lang::En).contains(fragment)
            && !errors[0].hint(Lang::En).is_empty()
            && !errors[0].hint(Lang::Id).is_empty();
        if !ok {
            failures.push(format!(
                "{case}: expected {file}:{line} `{fragment}`, got:\n{diags}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_case_table_covers_every_folder() {
    let mut folders: Vec<String> = std::fs::read_dir(suite("check"))
        .expect("check dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut listed: Vec<&str> = ERROR_CASES.iter().map(|c| c.0).collect();
    listed.extend(["missing_translation", "root_relative_link"]);
    listed.sort_unstable();
    assert_eq!(folders, listed);
}

#[test]
fn missing_translation_is_only_a_warning() {
    let site = site_with_case(Some("missing_translation"));
    let loaded = load(&site.path().join("content")).expect("warnings do not fail the load");
    let w: Vec<_> = loaded.warnings.iter().collect();
    assert_eq!(w.len(), 1, "{}", loaded.warnings);
    assert_eq!(
        w[0].path.to_str(),
        Some("provinces/banten/issues/air-bersih.md")
    );
    assert!(w[0].message(Lang::En).contains("no English translation"));
    // The English side falls back to Indonesian.
    let banten = &loaded.site.provinces[0];
    assert!(banten.issues[0].words.en.is_none());
}

#[test]
fn root_relative_content_link_is_a_warning_suggesting_at_slash() {
    let site = site_with_case(Some("root_relative_link"));
    let loaded = load(&site.path().join("content")).expect("only a warning");
    let w: Vec<_> = loaded.warnings.iter().collect();
    // A province link, and a topic page's English path: the router's paths, both languages.
    assert_eq!(w.len(), 2, "{}", loaded.warnings);
    assert_eq!(
        (w[0].path.to_str(), w[0].line, w[0].col),
        (Some("provinces/banten/index.md"), 6, 7)
    );
    assert_eq!((w[1].line, w[1].col), (8, 16));
    assert!(w[0].hint(Lang::En).contains("@/"));
}

#[test]
fn all_problems_are_reported_at_once() {
    let site = site_with_case(Some("dangling_topic"));
    let content = site.path().join("content");
    copy_dir(&suite("check/bad_source_url/content"), &content);
    copy_dir(&suite("check/image_without_alt/content"), &content);
    let diags = load(&content).expect_err("three problems");
    assert_eq!(diags.error_count(), 3, "{diags}");
    // Sorted by path, then line.
    let paths: Vec<_> = diags
        .errors()
        .map(|d| d.path.to_string_lossy().into_owned())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

/// A report shows the line as it was checked: printing reads no file, so an editor who saves
/// again (or deletes the file) while `serve` prints does not get another line's text.
#[test]
fn a_report_shows_the_checked_line_without_reading_the_file_again() {
    let site = site_with_case(Some("root_relative_link"));
    let content = site.path().join("content");
    let loaded = load(&content).expect("only warnings");
    std::fs::remove_dir_all(&content).expect("remove the content");
    let report = loaded.warnings.render(&content, Lang::En);
    assert!(
        report.contains("6 | Lihat [Kalimantan Barat](/provinsi/kalimantan-barat/)."),
        "{report}"
    );
    assert!(
        report.contains("8 | Topik terkait: [gizi](/en/topics/gizi/)."),
        "{report}"
    );
}
