//! The bundled site as the public sees it (issue #14), built through the binary as of three
//! days (before, during and after the 2023 windows):
//! - every sentence about a window (`class="window <state>"`), the home page's list of open
//!   provinces, and the calls to propose follow `province.yaml` and the date, never the other
//!   way round;
//! - no page repeats a section heading;
//! - `<title>` is unique across the site;
//! - every JSON-LD block parses, and each window open on the day appears as an `Event` with
//!   the data's dates, on its province's page only while it is open;
//! - `sitemap.xml` carries `lastmod` dates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use time::Date;
use time::macros::date;
use winner_catalog::{Catalog, takes_proposals};

const DAYS: [Date; 3] = [
    date!(2023 - 01 - 15),
    date!(2023 - 06 - 01),
    date!(2023 - 07 - 01),
];

fn build(as_of: Date, out: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_generator"))
        .current_dir(root.join(".."))
        .args(["build", "--content", "content", "--theme", "themes/default"])
        .args(["--base-url", "https://winner.example"])
        .args(["--submit-url", "https://submit.example/proposals"])
        .args(["--as-of", &as_of.to_string(), "--out"])
        .arg(out)
        .status()
        .expect("run generator");
    assert!(status.success(), "generator build as of {as_of} failed");
}

/// Every HTML page: URL path -> text.
fn pages(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel: PathBuf = e.path().strip_prefix(dir).expect("inside").into();
            let path = format!("/{}", rel.to_string_lossy())
                .trim_end_matches("index.html")
                .to_owned();
            (path, std::fs::read_to_string(e.path()).expect("read"))
        })
        .collect()
}

/// Texts of every `<open …>…</close>` match of a simple tag pattern (no nesting).
fn all_between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        let after = &rest[i + open.len()..];
        let Some(j) = after.find(close) else { break };
        out.push(&after[..j]);
        rest = &after[j + close.len()..];
    }
    out
}

/// Strips tags from a fragment.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

struct Built {
    day: Date,
    pages: BTreeMap<String, String>,
    catalog: Catalog,
    sitemap: String,
    _dir: tempfile::TempDir,
}

fn built() -> Vec<Built> {
    DAYS.iter()
        .map(|&day| {
            let dir = tempfile::tempdir().expect("tempdir");
            let out = dir.path().join("public");
            build(day, &out);
            let catalog = Catalog::from_json(
                &std::fs::read_to_string(out.join("catalog.json")).expect("catalog.json"),
            )
            .expect("catalog");
            Built {
                day,
                pages: pages(&out),
                catalog,
                sitemap: std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap"),
                _dir: dir,
            }
        })
        .collect()
}

/// Provinces open on the build's day, by slug, from the catalog (the data, not the pages).
fn open_slugs(b: &Built) -> BTreeSet<String> {
    b.catalog
        .provinces
        .iter()
        .filter(|p| takes_proposals(p.proposals, p.issues.iter().map(|i| i.status), b.day))
        .map(|p| p.slug.clone())
        .collect()
}

fn province_page<'a>(b: &'a Built, slug: &str, en: bool) -> &'a str {
    let path = if en {
        format!("/en/provinces/{slug}/")
    } else {
        format!("/provinsi/{slug}/")
    };
    b.pages
        .get(&path)
        .map(String::as_str)
        .unwrap_or_else(|| panic!("no page {path}"))
}

#[test]
fn status_sentences_and_calls_to_propose_follow_the_data() {
    let mut saw_open = false;
    let mut saw_closed = false;
    for b in built() {
        let open = open_slugs(&b);
        saw_open |= !open.is_empty();
        for p in &b.catalog.provinces {
            let is_open = open.contains(&p.slug);
            saw_closed |= !is_open;
            for en in [false, true] {
                let html = province_page(&b, &p.slug, en);
                let states: Vec<&str> = all_between(html, "class=\"window ", "\"");
                assert!(
                    !states.is_empty(),
                    "{} ({}): no window sentence",
                    p.slug,
                    b.day
                );
                for s in &states {
                    assert_eq!(
                        *s == "open",
                        is_open,
                        "{} as of {}: the page says `{s}`, the data says open={is_open}",
                        p.slug,
                        b.day
                    );
                }
                // One call to propose with the province preselected, only while it is open.
                let calls = html.matches(&format!("?provinsi={}\">", p.slug)).count();
                assert_eq!(
                    calls,
                    usize::from(is_open),
                    "{} as of {}: calls to propose",
                    p.slug,
                    b.day
                );
            }
            for i in &p.issues {
                for path in [
                    format!("/provinsi/{}/{}/", p.slug, i.slug),
                    format!("/en/provinces/{}/{}/", p.slug, i.slug),
                ] {
                    let html = b
                        .pages
                        .get(&path)
                        .unwrap_or_else(|| panic!("no page {path}"));
                    let button =
                        html.contains(&format!("?provinsi={}&amp;isu={}\"", p.slug, i.slug));
                    let open_here = is_open && i.status == winner_catalog::IssueStatus::Validated;
                    assert_eq!(button, open_here, "{path} as of {}: call to propose", b.day);
                    for s in all_between(html, "class=\"window ", "\"") {
                        assert_eq!(s == "open", is_open, "{path} as of {}: says `{s}`", b.day);
                    }
                }
            }
        }
        // The home page names exactly the open provinces, and has no button when none is.
        for home in ["/", "/en/"] {
            let html = &b.pages[home];
            let cta = all_between(html, "<div class=\"cta", "</div>");
            assert_eq!(cta.len(), 1, "{home} as of {}: one status block", b.day);
            let named: BTreeSet<String> = b
                .catalog
                .provinces
                .iter()
                .filter(|p| {
                    cta[0].contains(&format!("/provinces/{}/\"", p.slug))
                        || cta[0].contains(&format!("/provinsi/{}/\"", p.slug))
                })
                .map(|p| p.slug.clone())
                .collect();
            assert_eq!(named, open, "{home} as of {}: open provinces named", b.day);
            assert_eq!(
                cta[0].contains("class=\"button\""),
                !open.is_empty(),
                "{home} as of {}: button",
                b.day
            );
            for p in b
                .catalog
                .provinces
                .iter()
                .filter(|p| open.contains(&p.slug))
            {
                if let Some(closes) = p.proposals.and_then(|w| w.closes) {
                    assert!(
                        cta[0].contains(&format!("datetime=\"{closes}\"")),
                        "{home} as of {}: closing day of {}",
                        b.day,
                        p.slug
                    );
                }
            }
        }
    }
    assert!(
        saw_open && saw_closed,
        "the three days cover open and closed windows"
    );
}

#[test]
fn no_page_repeats_a_section_heading_and_titles_are_unique() {
    for b in built() {
        let mut titles: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for (path, html) in &b.pages {
            let mut seen = BTreeSet::new();
            for h in all_between(html, "<h2", "</h2>") {
                let text = text_of(&format!("<h2{h}"));
                assert!(
                    seen.insert(text.clone()),
                    "{path} as of {}: heading `{text}` twice",
                    b.day
                );
            }
            let head = html.split("</head>").next().unwrap_or_default();
            let title = all_between(head, "<title>", "</title>");
            assert_eq!(title.len(), 1, "{path}: one <title>");
            titles.entry(title[0].to_owned()).or_default().push(path);
        }
        let same: Vec<_> = titles.iter().filter(|(_, p)| p.len() > 1).collect();
        assert!(
            same.is_empty(),
            "as of {}: pages sharing a title: {same:?}",
            b.day
        );
    }
}

#[test]
fn json_ld_parses_and_carries_the_open_windows_dates() {
    for b in built() {
        let open = open_slugs(&b);
        let mut events: BTreeMap<String, serde_json::Value> = BTreeMap::new();
        let mut organisations = 0;
        for (path, html) in &b.pages {
            for block in all_between(html, "<script type=\"application/ld+json\">", "</script>") {
                let v: serde_json::Value = serde_json::from_str(block)
                    .unwrap_or_else(|e| panic!("{path}: JSON-LD does not parse: {e}"));
                assert_eq!(v["@context"], "https://schema.org", "{path}");
                let nodes = v["@graph"]
                    .as_array()
                    .cloned()
                    .unwrap_or_else(|| vec![v.clone()]);
                for n in nodes {
                    match n["@type"].as_str() {
                        Some("Organization") => organisations += 1,
                        Some("Event") => {
                            events.insert(path.clone(), n);
                        }
                        other => panic!("{path}: unexpected JSON-LD type {other:?}"),
                    }
                }
            }
        }
        assert!(organisations >= 2, "the organiser on the home pages");
        let mut expected = BTreeSet::new();
        for p in b
            .catalog
            .provinces
            .iter()
            .filter(|p| open.contains(&p.slug))
        {
            for path in [
                format!("/provinsi/{}/", p.slug),
                format!("/en/provinces/{}/", p.slug),
            ] {
                let e = events
                    .get(&path)
                    .unwrap_or_else(|| panic!("{path} as of {}: no Event", b.day));
                let w = p.proposals.expect("an open province has a window");
                let day = |d: Option<Date>| d.map(|d| serde_json::Value::String(d.to_string()));
                assert_eq!(
                    day(w.opens).as_ref(),
                    e.get("startDate"),
                    "{path}: startDate"
                );
                assert_eq!(day(w.closes).as_ref(), e.get("endDate"), "{path}: endDate");
                expected.insert(path);
            }
        }
        let got: BTreeSet<String> = events.keys().cloned().collect();
        assert_eq!(
            got, expected,
            "as of {}: Events only for open windows",
            b.day
        );
    }
}

#[test]
fn sitemap_gives_content_dates() {
    let b = &built()[1];
    let dates = all_between(&b.sitemap, "<lastmod>", "</lastmod>");
    assert!(
        dates.len() >= 10,
        "lastmod on news, home and province pages: {}",
        dates.len()
    );
    for d in dates {
        assert!(
            Date::parse(d, &time::format_description::well_known::Iso8601::DATE).is_ok(),
            "lastmod `{d}` is a day"
        );
    }
}
