//! The province map (issue #8), checked on the real content in `content/`: exactly the
//! provinces with content are highlighted and linked, by Kemendagri code; the others are
//! plain and not focusable; the 2022 Papua provinces are points; the attribution is in the
//! SVG and in the footer of every page that shows the map; locators exist; the map adds at
//! most 12 KB gzipped to the home page; output is deterministic.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use generator::content::{self, LoadOptions, Site};
use generator::output::Output;
use generator::render::{self, Options};
use generator::theme::Theme;
use time::macros::date;

/// The map's budget on the home page (issue #8): at most 12 KB gzipped.
const MAP_BUDGET_GZIP: usize = 12 * 1024;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn real_site() -> Site {
    let options = LoadOptions {
        content_dir: root().join("content"),
        ..LoadOptions::default()
    };
    match content::load(&options) {
        Ok(site) => site,
        Err(d) => panic!("content/ does not load: {d:?}"),
    }
}

fn options() -> Options {
    Options {
        base_url: "https://winner.example.go.id".into(),
        submit_url: "https://api.example.go.id/proposals".into(),
        // Wave II registration was open: Kalimantan Barat and Sulawesi Selatan take proposals.
        today: date!(2023 - 06 - 01),
    }
}

fn render_with(theme_dir: &Path) -> Output {
    let theme = Theme::load(theme_dir).unwrap_or_else(|e| panic!("{e}"));
    render::render(&real_site(), &theme, &options()).unwrap_or_else(|e| panic!("{e}"))
}

fn build() -> Output {
    render_with(&root().join("themes/default"))
}

fn text<'o>(out: &'o Output, path: &str) -> &'o str {
    let bytes = out.get(path).unwrap_or_else(|| panic!("no {path}"));
    std::str::from_utf8(bytes).expect("utf-8")
}

/// The inline `<svg class="map" …>…</svg>` of a page.
fn map_svg(html: &str) -> &str {
    let start = html
        .find("<svg class=\"map\"")
        .expect("the page has the map");
    let end = html[start..].find("</svg>").expect("the map is closed") + start + 6;
    &html[start..end]
}

/// `(code, is a link, the element's opening tag)` for every element with `data-code`.
fn coded(svg: &str) -> Vec<(String, bool, String)> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find(" data-code=\"") {
        let tag_start = rest[..at].rfind('<').expect("inside a tag");
        let tag_end = at + rest[at..].find('>').expect("tag closed");
        let tag = &rest[tag_start..=tag_end];
        let code_start = at + " data-code=\"".len();
        let code = &rest[code_start..code_start + 2];
        out.push((code.to_owned(), tag.starts_with("<a "), tag.to_owned()));
        rest = &rest[tag_end..];
    }
    out
}

/// Codes of the provinces in `content/provinces/*/province.yaml`, read without the generator.
fn content_codes() -> BTreeSet<String> {
    let dir = root().join("content/provinces");
    let mut codes = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("content/provinces") {
        let yaml = entry.expect("entry").path().join("province.yaml");
        let Ok(text) = std::fs::read_to_string(&yaml) else {
            continue;
        };
        let line = text
            .lines()
            .find(|l| l.starts_with("code:"))
            .unwrap_or_else(|| panic!("{} has no code", yaml.display()));
        codes.insert(line["code:".len()..].trim().trim_matches('"').to_owned());
    }
    codes
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut child = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip is installed");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("write to gzip");
    let out = child.wait_with_output().expect("gzip runs");
    assert!(out.status.success(), "gzip failed");
    out.stdout.len()
}

#[test]
fn exactly_the_content_provinces_are_highlighted_and_linked() {
    let expected = content_codes();
    assert_eq!(
        expected,
        ["12", "35", "36", "53", "61", "73"]
            .map(String::from)
            .into(),
        "the first edition's six provinces"
    );
    let site = real_site();
    let out = build();
    for (page, lang_prefix, path_word) in [
        ("index.html", "", "provinsi"),
        ("en/index.html", "/en", "provinces"),
    ] {
        let svg = map_svg(text(&out, page));
        let all = coded(svg);
        let linked: BTreeSet<String> = all
            .iter()
            .filter(|(_, link, _)| *link)
            .map(|(c, _, _)| c.clone())
            .collect();
        assert_eq!(linked, expected, "{page}: linked provinces");

        // Every linked shape goes to its province's page, highlighted and named.
        for (code, _, tag) in all.iter().filter(|(_, link, _)| *link) {
            let p = site
                .provinces
                .iter()
                .find(|p| &p.facts.code == code)
                .expect("a content province");
            let href = format!("href=\"{lang_prefix}/{path_word}/{}/\"", p.slug);
            assert!(tag.contains(&href), "{page}: {code} links {href}: {tag}");
            assert!(tag.contains("class=\"on"), "{page}: {code} is highlighted");
            assert!(
                tag.contains(&format!("aria-label=\"{}: ", p.facts.name)),
                "{page}: {code} has its name: {tag}"
            );
        }
        // The other 28 shapes and 4 points: present, not links, not highlighted, no tabindex.
        let plain: Vec<&(String, bool, String)> = all.iter().filter(|(_, l, _)| !l).collect();
        assert_eq!(
            plain.len(),
            38 - expected.len(),
            "{page}: every province once"
        );
        for (code, _, tag) in &plain {
            assert!(!expected.contains(code), "{page}: {code} has content");
            assert!(
                !tag.contains("class=\"on"),
                "{page}: {code} not highlighted"
            );
            assert!(!tag.contains("tabindex"), "{page}: {code} not focusable");
        }
        assert_eq!(svg.matches("<a ").count(), expected.len());
        assert_eq!(svg.matches("href=").count(), expected.len());
        // Each plain shape has an accessible name.
        assert_eq!(
            svg.matches("<title>").count(),
            38,
            "{page}: a title per province"
        );
    }
}

#[test]
fn open_provinces_are_marked_differently() {
    let out = build();
    let svg = map_svg(text(&out, "index.html"));
    let open: BTreeSet<String> = coded(svg)
        .into_iter()
        .filter(|(_, link, tag)| *link && tag.contains("class=\"on open\""))
        .map(|(c, _, _)| c)
        .collect();
    // On 2023-06-01 wave II was open; only provinces with validated issues take proposals.
    assert_eq!(open, ["61", "73"].map(String::from).into());
    assert!(svg.contains("sedang menerima usulan"));
    let home = text(&out, "index.html");
    assert!(
        home.contains("class=\"key open\""),
        "the legend explains it"
    );

    // After the window, no province is open and the legend drops the entry.
    let theme = Theme::load(&root().join("themes/default")).expect("theme");
    let mut later = options();
    later.today = date!(2023 - 07 - 01);
    let out = render::render(&real_site(), &theme, &later).expect("render");
    let home = text(&out, "index.html");
    assert!(!map_svg(home).contains("class=\"on open\""));
    assert!(!home.contains("class=\"key open\""));
}

#[test]
fn papua_points_and_old_outlines() {
    let out = build();
    let svg = map_svg(text(&out, "index.html"));
    for (code, name, capital) in [
        ("93", "Papua Selatan", "Merauke"),
        ("94", "Papua Tengah", "Nabire"),
        ("95", "Papua Pegunungan", "Wamena"),
        ("96", "Papua Barat Daya", "Sorong"),
    ] {
        let tag = format!("<g data-code=\"{code}\"><title>{name} (ibu kota {capital};");
        assert!(svg.contains(&tag), "point {code}");
    }
    assert!(svg.contains("<title>Papua (batas sebelum 2022, kini juga mencakup Papua Selatan, Papua Tengah, Papua Pegunungan)</title>"));
    assert!(svg.contains(
        "<title>Papua Barat (batas sebelum 2022, kini juga mencakup Papua Barat Daya)</title>"
    ));
}

#[test]
fn attribution_wherever_the_map_is_shown() {
    let out = build();
    let mut pages = vec!["index.html".to_owned(), "en/index.html".to_owned()];
    for p in &real_site().provinces {
        pages.push(format!("provinsi/{}/index.html", p.slug));
        pages.push(format!("en/provinces/{}/index.html", p.slug));
    }
    for page in &pages {
        let html = text(&out, page);
        let footer = &html[html.find("<footer").expect("footer")..];
        assert!(
            footer.contains("<a href=\"https://www.npmjs.com/package/@svg-maps/indonesia\">")
                && footer.contains("<a href=\"https://mapsvg.com/\">MapSVG</a>")
                && footer.contains(
                    "<a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\">CC BY 4.0</a>"
                ),
            "{page}: credit in the footer"
        );
    }
    let svg = map_svg(text(&out, "en/index.html"));
    assert!(svg.contains(
        "<desc>Province shapes on the map: @svg-maps/indonesia 1.0.0, based on MapSVG (mapsvg.com), licensed CC BY 4.0 (creativecommons.org/licenses/by/4.0/); simplified and modified.</desc>"
    ));
    // Pages without the map carry no map credit.
    assert!(!text(&out, "topik/index.html").contains("svg-maps"));
}

#[test]
fn province_pages_show_their_locator() {
    let out = build();
    for p in &real_site().provinces {
        let html = text(&out, &format!("provinsi/{}/index.html", p.slug));
        let at = html
            .find("<figure class=\"locator\"><img src=\"/static/map-")
            .expect("locator");
        let src_start = at + "<figure class=\"locator\"><img src=\"/".len();
        let src = &html[src_start..src_start + html[src_start..].find('"').expect("src end")];
        assert!(src.starts_with(&format!("static/map-{}.", p.facts.code)));
        assert!(html.contains(&format!(
            "alt=\"Peta Indonesia dengan letak {} disorot\"",
            p.facts.name
        )));
        let svg = text(&out, src);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("<desc>Province shapes: @svg-maps/indonesia"));
        assert_eq!(
            svg.matches("class=\"on\"").count(),
            1,
            "{src}: one province"
        );
    }
}

#[test]
fn map_adds_at_most_12_kb_gzipped_to_the_home_page() {
    // The same theme without its map data renders the home page without the map.
    let theme = root().join("themes/default");
    let bare = tempfile::tempdir().expect("tempdir");
    for entry in walkdir::WalkDir::new(&theme).sort_by_file_name() {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(&theme).expect("inside");
        if rel.starts_with("data") {
            continue;
        }
        let to = bare.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &to).expect("copy");
        }
    }
    let without = render_with(bare.path());
    let with = build();
    for page in ["index.html", "en/index.html"] {
        let before = gzip_len(&without[page]);
        let after = gzip_len(&with[page]);
        assert!(
            !text(&without, page).contains("<svg"),
            "no map without data"
        );
        let added = after - before;
        eprintln!(
            "{page}: {} -> {} bytes raw, {before} -> {after} bytes gzipped (+{added})",
            without[page].len(),
            with[page].len()
        );
        assert!(
            added <= MAP_BUDGET_GZIP,
            "{page}: the map adds {added} bytes gzipped, over {MAP_BUDGET_GZIP}"
        );
    }
    // Every other page stays small: province pages carry the locator as an image.
    for (path, bytes) in &with {
        if path.ends_with(".html") && path != "index.html" && path != "en/index.html" {
            let before = without.get(path).map_or(0, Vec::len);
            assert!(
                bytes.len() <= before + 600,
                "{path}: the map adds {} bytes",
                bytes.len() - before
            );
        }
    }
}

#[test]
fn deterministic() {
    let a = build();
    let b = build();
    assert_eq!(a.len(), b.len());
    for (path, bytes) in &a {
        assert!(b.get(path) == Some(bytes), "{path} differs between renders");
    }
}

#[test]
fn unknown_code_is_an_error() {
    let mut site = real_site();
    site.provinces[0].facts.code = "99".into();
    let theme = Theme::load(&root().join("themes/default")).expect("theme");
    let err = render::render(&site, &theme, &options()).expect_err("unknown code");
    assert!(err.to_string().contains("code `99`"), "{err}");
}
