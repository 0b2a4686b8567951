//! The studio's configuration against the content model: every field of every struct is in
//! the form, every form field is in the struct (both directions), translated fields are
//! exactly the translation structs' fields, and the options are what `check` accepts.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use super::config::*;
use super::fields::field_names;
use crate::content::model::{
    Competition, IssueFront, IssuesStated, NewsFront, PageFront, PageTranslation, ProvinceFile,
    ProvinceIndexFront, SiteFile, Source, Stage, Topic, TopicsFile, Translation, Validation,
};
use crate::content::{LoadOptions, Site, load};

fn site() -> Site {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    load(&LoadOptions {
        content_dir: dir,
        ..LoadOptions::default()
    })
    .expect("the bundled content loads")
}

fn options() -> StudioOptions {
    StudioOptions {
        backend: Backend {
            name: "github".into(),
            repo: "owner/winner".into(),
            branch: "main".into(),
            base_url: None,
        },
        site_url: "https://example.org".into(),
    }
}

fn names(fields: &[Value]) -> BTreeSet<String> {
    fields
        .iter()
        .map(|f| {
            f["name"]
                .as_str()
                .expect("every field has a name")
                .to_string()
        })
        .collect()
}

/// Fields written to the Indonesian file: all but the body and English-only ones.
fn id_file(fields: &[Value]) -> BTreeSet<String> {
    fields
        .iter()
        .filter(|f| f["widget"] != "markdown" && f["required"] != serde_json::json!(["en"]))
        .map(|f| f["name"].as_str().expect("name").to_string())
        .collect()
}

/// Fields written to the English file: the translated ones but the body.
fn en_file(fields: &[Value]) -> BTreeSet<String> {
    fields
        .iter()
        .filter(|f| f["widget"] != "markdown" && f["i18n"] == true)
        .map(|f| f["name"].as_str().expect("name").to_string())
        .collect()
}

fn model(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[track_caller]
fn same(what: &str, config: BTreeSet<String>, model: BTreeSet<String>) {
    let missing: Vec<_> = model.difference(&config).collect();
    let extra: Vec<_> = config.difference(&model).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: in the model but not in the studio: {missing:?}; in the studio but not in the model: {extra:?}"
    );
}

#[test]
fn every_struct_matches_its_form_both_ways() {
    let site = site();
    same(
        "Source",
        names(&source_fields()),
        model(field_names::<Source>()),
    );
    same(
        "Localized",
        names(&localized_fields(false)),
        model(field_names::<winner_catalog::Localized>()),
    );
    same(
        "SiteFile",
        names(&site_fields()),
        model(field_names::<SiteFile>()),
    );
    same(
        "Competition",
        names(&competition_fields()),
        model(field_names::<Competition>()),
    );
    same(
        "Stage",
        names(&stage_fields()),
        model(field_names::<Stage>()),
    );
    same(
        "TopicsFile",
        names(&topics_file_fields()),
        model(field_names::<TopicsFile>()),
    );
    same(
        "Topic",
        names(&topic_fields()),
        model(field_names::<Topic>()),
    );
    same(
        "ProvinceFile",
        names(&province_fields()),
        model(field_names::<ProvinceFile>()),
    );
    same(
        "Validation",
        names(&validation_fields()),
        model(field_names::<Validation>()),
    );
    same(
        "Window",
        names(&window_fields()),
        model(field_names::<winner_catalog::Window>()),
    );
    same(
        "IssuesStated",
        names(&issues_stated_fields()),
        model(field_names::<IssuesStated>()),
    );
    same(
        "ProvinceIndexFront",
        id_file(&narrative_fields()),
        model(field_names::<ProvinceIndexFront>()),
    );
    // A narrative's translation is a `Translation` without a title (the loader refuses one).
    let mut narrative_en = model(field_names::<Translation>());
    narrative_en.remove("title");
    same(
        "narrative translation",
        en_file(&narrative_fields()),
        narrative_en,
    );
    same(
        "IssueFront",
        id_file(&issue_fields(&site)),
        model(field_names::<IssueFront>()),
    );
    same(
        "issue Translation",
        en_file(&issue_fields(&site)),
        model(field_names::<Translation>()),
    );
    same(
        "NewsFront",
        id_file(&news_fields(&site)),
        model(field_names::<NewsFront>()),
    );
    same(
        "news Translation",
        en_file(&news_fields(&site)),
        model(field_names::<Translation>()),
    );
    same(
        "PageFront",
        id_file(&page_fields()),
        model(field_names::<PageFront>()),
    );
    same(
        "PageTranslation",
        en_file(&page_fields()),
        model(field_names::<PageTranslation>()),
    );
}

#[test]
fn the_model_checks_catch_a_drift() {
    // The comparison itself must fail on a difference, or the test above proves nothing.
    let mut fields = source_fields();
    fields.pop();
    let result =
        std::panic::catch_unwind(|| same("Source", names(&fields), model(field_names::<Source>())));
    assert!(result.is_err());
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"]
        .as_array()
        .expect("collections")
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("collection {name}"))
}

fn field<'a>(fields: &'a Value, name: &str) -> &'a Value {
    fields
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("field {name}"))
}

#[test]
fn options_come_from_the_content() {
    let site = site();
    let config = config(&site, &options());
    // One issues collection per province, in the province's issues folder.
    for p in &site.provinces {
        let c = collection(&config, &format!("issues-{}", p.slug));
        assert_eq!(
            c["folder"],
            format!("content/provinces/{}/issues", p.slug).as_str()
        );
        let topics: Vec<&str> = field(&c["fields"], "topic")["options"]
            .as_array()
            .expect("topic options")
            .iter()
            .map(|o| o["value"].as_str().expect("value"))
            .collect();
        let want: Vec<&str> = site.topics.iter().map(|t| t.slug.as_str()).collect();
        assert_eq!(topics, want);
        let statuses: Vec<Value> = field(&c["fields"], "status")["options"]
            .as_array()
            .expect("status options")
            .iter()
            .map(|o| o["value"].clone())
            .collect();
        // Each offered status is one the loader accepts.
        for s in &statuses {
            serde_json::from_value::<winner_catalog::IssueStatus>(s.clone())
                .expect("a status the model knows");
        }
        assert_eq!(statuses.len(), 2);
    }
    let news = collection(&config, "news");
    let provinces = field(&news["fields"], "provinces")["options"]
        .as_array()
        .expect("province options")
        .len();
    assert_eq!(provinces, site.provinces.len());
    // Our layout: the Indonesian file carries no language in its name.
    assert_eq!(config["i18n"]["structure"], "multiple_files");
    assert_eq!(config["i18n"]["default_locale"], "id");
    assert_eq!(config["i18n"]["omit_default_locale_from_file_path"], true);
    // Dates as the content writes them.
    let validated_on = field(
        &collection(&config, "issues-kalimantan-barat")["fields"],
        "validated_on",
    );
    assert_eq!(validated_on["format"], "YYYY-MM-DD");
    assert_eq!(validated_on["time_format"], false);
}

#[test]
fn wrapper_page_is_noindex_and_local() {
    let html = super::index_html("Kompetisi <WiNNER>");
    assert!(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    assert!(html.contains("Kompetisi &lt;WiNNER&gt;"));
    assert!(!html.contains("http"), "no request to another host: {html}");
}

#[test]
fn write_puts_every_file_in_place() {
    let site = site();
    let tmp = tempfile::tempdir().expect("temp dir");
    let packages = tmp.path().join("node_modules");
    let dist = packages.join(super::CMS_DIST);
    std::fs::create_dir_all(dist.join("chunks")).expect("mkdir");
    // The CMS names each font twice; every mention must point at our copy.
    let cms: String = super::FONTS
        .iter()
        .map(|(url, _)| format!("@font-face{{src:url({url})}} a{{src:url({url})}}\n"))
        .collect();
    std::fs::write(dist.join("sveltia-cms.js"), &cms).expect("write");
    std::fs::write(dist.join("chunks/react-dom.js"), "rd").expect("write");
    for (_, file) in super::FONTS {
        let path = packages.join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, file.as_bytes()).expect("write");
    }
    let css = Path::new(env!("CARGO_MANIFEST_DIR")).join("../themes/default/static/site.css");
    let out = tmp.path().join("admin");
    super::write(
        &site,
        &options(),
        &packages,
        &css,
        &crate::output::InPlace::new(&out),
    )
    .expect("written");
    for f in [
        "index.html",
        "config.yml",
        "sveltia-cms.js",
        "chunks/react-dom.js",
        "preview.css",
        "studio.js",
        "fonts/material-symbols-outlined-latin-wght-normal.woff2",
        "fonts/source-sans-3-latin-wght-normal.woff2",
        "fonts/noto-mono-latin-400-normal.woff2",
    ] {
        assert!(out.join(f).is_file(), "{f}");
    }
    let written_cms = std::fs::read_to_string(out.join("sveltia-cms.js")).expect("read");
    assert!(!written_cms.contains("https://"), "{written_cms}");
    assert_eq!(
        written_cms
            .matches("url(fonts/material-symbols-outlined-latin-wght-normal.woff2)")
            .count(),
        2
    );
    // A CMS that no longer names a font is refused, not copied half-rewritten.
    std::fs::write(dist.join("sveltia-cms.js"), "cms").expect("write");
    let err = super::write(
        &site,
        &options(),
        &packages,
        &css,
        &crate::output::InPlace::new(&out),
    )
    .expect_err("font moved");
    assert!(err.to_string().contains("studio::FONTS"), "{err}");
    let written: Value =
        serde_json::from_slice(&std::fs::read(out.join("config.yml")).expect("read"))
            .expect("json");
    assert_eq!(written, config(&site, &options()));
    // Without the npm package the error says what to run.
    let err = super::write(
        &site,
        &options(),
        &tmp.path().join("none"),
        &css,
        &crate::output::InPlace::new(&out),
    )
    .expect_err("missing CMS");
    assert!(err.to_string().contains("scripts/setup.sh"), "{err}");
}

#[test]
fn production_edits_arrive_as_pull_requests() {
    let site = site();
    let github = config(&site, &options());
    assert_eq!(github["publish_mode"], "editorial_workflow");
    assert_eq!(github["backend"]["name"], "github");
    // Gitea has no editorial workflow in Sveltia: no publish_mode, so the CMS does not warn.
    let mut gitea = options();
    gitea.backend.name = "gitea".into();
    assert!(config(&site, &gitea).get("publish_mode").is_none());
}

/// Where the CMS puts an upload made in an entry at `entry` (relative to the repository) with
/// the definition `def`, and the file the path it writes into the Markdown means to `check`.
fn upload(def: &Value, entry: &str) -> (String, Option<std::path::PathBuf>) {
    use crate::content::media;
    let folder = def["media_folder"].as_str().expect("media_folder");
    let public = def["public_folder"].as_str().expect("public_folder");
    let entry_dir = Path::new(entry).parent().expect("parent");
    let stored = entry_dir.join(folder).join("peta.png");
    // Normalise `a/b/../c` as the CMS does.
    let mut parts: Vec<String> = Vec::new();
    for c in stored.iter().filter_map(|c| c.to_str()) {
        if c == ".." {
            parts.pop();
        } else {
            parts.push(c.to_owned());
        }
    }
    let stored = parts.join("/");
    let from = Path::new(entry)
        .strip_prefix("content")
        .expect("in content");
    let written = format!("{public}/peta.png");
    assert!(media::is_relative_reference(&written), "{written}");
    (stored, media::resolve(from, &written))
}

#[test]
fn uploads_land_in_a_media_folder_and_the_markdown_path_reaches_them() {
    let site = site();
    let config = config(&site, &options());
    let p = &site.provinces[0].slug;
    let issues = collection(&config, &format!("issues-{p}"));
    let narrative = collection(&config, "narratives")["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["name"] == p.as_str())
        .expect("narrative")
        .clone();
    for (def, entry, want) in [
        (
            issues,
            format!("content/provinces/{p}/issues/stunting.md"),
            format!("provinces/{p}/images/peta.png"),
        ),
        (
            &narrative,
            format!("content/provinces/{p}/index.md"),
            format!("provinces/{p}/images/peta.png"),
        ),
        (
            collection(&config, "news"),
            "content/news/2023-04-11-fgd.md".to_owned(),
            "news/images/peta.png".to_owned(),
        ),
        (
            collection(&config, "pages"),
            "content/pages/tentang.md".to_owned(),
            "pages/images/peta.png".to_owned(),
        ),
    ] {
        let (stored, resolved) = upload(def, &entry);
        assert_eq!(stored, format!("content/{want}"), "{entry}");
        assert_eq!(resolved, Some(std::path::PathBuf::from(&want)), "{entry}");
        assert!(crate::content::media::is_media_path(Path::new(&want)));
    }
    // The shared library is the content folder's own images/ folder.
    let shared = MEDIA_FOLDER.strip_prefix("content/").expect("in content");
    assert!(crate::content::media::is_media_path(
        &Path::new(shared).join("peta.png")
    ));
}
