//! Rendering tests: a small site built in code, rendered with the default theme, and the
//! output checked for structure (one h1, languages, links, canonical URLs, the form, the
//! catalog, the sitemap, determinism).

use std::path::{Path, PathBuf};

use generator::content::model::{
    Competition, IssueFront, NewsFront, PageFront, PageLayout, ProvinceFile, SiteFile, Source,
    Stage, Topic, Validation,
};
use generator::content::{Bilingual, Issue, Markdown, NewsItem, Page, Province, Site, Words};
use generator::output::Output;
use generator::render::{self, Options};
use generator::theme::Theme;
use time::Date;
use time::macros::date;
use winner_catalog::{Catalog, FormDefinition, IssueStatus, Localized, Window};

fn loc(id: &str, en: &str) -> Localized {
    Localized {
        id: id.into(),
        en: en.into(),
    }
}

fn md(text: &str, path: &str) -> Markdown {
    Markdown {
        text: text.into(),
        path: PathBuf::from(path),
        first_line: 5,
    }
}

fn words(title: Option<&str>, summary: Option<&str>, body: &str, path: &str) -> Words {
    Words {
        title: title.map(Into::into),
        summary: summary.map(Into::into),
        body: md(body, path),
    }
}

fn source(n: u32) -> Source {
    Source {
        title: format!("Sumber {n}"),
        url: format!("https://example.go.id/{n}"),
        publisher: Some("KemenPANRB".into()),
        published: Some(date!(2023 - 04 - 12)),
    }
}

fn form() -> FormDefinition {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        root.join("../content/form.yaml"),
        PathBuf::from("/work/main/content/form.yaml"),
    ];
    let text = candidates
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .expect("content/form.yaml");
    serde_yaml::from_str(&text).expect("form.yaml parses")
}

fn theme_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../themes/default")
}

const STUNTING_BODY: &str = "# Masalah\n\nAngka stunting tinggi.<script>alert(1)</script>\n\n\
<div onclick=\"x()\">raw block</div>\n\n## Data\n\nLihat [Banten](@/provinces/banten/index.md) dan \
[air](@/provinces/kalimantan-barat/issues/air-bersih.md#data), [tentang](@/pages/tentang.md), \
[berita](@/news/2023-04-11-validasi.md), [luar](https://bps.go.id/x).\n\n## Data\n\nUlang.\n";

/// A small site: two provinces (one with issues, one without), three topics, one news
/// item, an About page and a Stages page, one untranslated issue.
fn site() -> Site {
    let config = SiteFile {
        title: loc("Kompetisi WiNNER", "WiNNER Competition"),
        tagline: loc("Solusi wirausaha sosial", "Social enterprise solutions"),
        description: loc("Deskripsi situs.", "Site description."),
        intro: loc("Pengantar.", "Introduction."),
        base_url: "https://winner.example.go.id".into(),
        submit_url: "https://api.example.go.id/proposals".into(),
        languages: vec!["id".into(), "en".into()],
        organiser: loc("Kementerian PANRB", "Ministry of PANRB"),
        competition: Competition {
            name: loc("Kompetisi WiNNER", "WiNNER Competition"),
            edition: "2023".into(),
            legal_basis: loc("Keputusan Menteri", "Ministerial decree"),
            stages: vec![
                Stage {
                    slug: "pendaftaran".into(),
                    title: loc("Pendaftaran", "Registration"),
                    description: loc("Usulan dikirim.", "Proposals are sent."),
                    starts: Some(date!(2023 - 04 - 12)),
                    ends: Some(date!(2023 - 06 - 11)),
                    note: None,
                    sources: vec![source(9)],
                },
                Stage {
                    slug: "final".into(),
                    title: loc("Final", "Final"),
                    description: loc("Penjurian.", "Judging."),
                    starts: None,
                    ends: None,
                    note: None,
                    sources: vec![],
                },
            ],
        },
        sources: vec![source(1)],
    };
    let topics = ["stunting", "air-bersih", "pendidikan"]
        .iter()
        .map(|t| Topic {
            slug: (*t).into(),
            name: loc(&format!("Topik {t}"), &format!("Topic {t}")),
            description: loc("Deskripsi topik.", "Topic description."),
        })
        .collect();
    let issue = |p: &str, slug: &str, topic: &str, en: bool, body: &str| {
        let path = format!("provinces/{p}/issues/{slug}.md");
        Issue {
            slug: slug.into(),
            province: p.into(),
            facts: IssueFront {
                title: format!("Isu {slug}"),
                topic: topic.into(),
                status: IssueStatus::Validated,
                validated_on: Some(date!(2023 - 04 - 11)),
                agencies: vec!["Dinas Kesehatan".into()],
                summary: format!("Ringkasan {slug}."),
                sources: vec![source(2)],
            },
            words: Bilingual {
                id: words(
                    Some(&format!("Isu {slug}")),
                    Some(&format!("Ringkasan {slug}.")),
                    body,
                    &path,
                ),
                en: en.then(|| {
                    words(
                        Some(&format!("Issue {slug}")),
                        Some(&format!("Summary {slug}.")),
                        "# Problem\n\nEnglish body.\n",
                        &path,
                    )
                }),
            },
        }
    };
    let province = |slug: &str, code: &str, name: &str, issues: Vec<Issue>| Province {
        slug: slug.into(),
        facts: ProvinceFile {
            code: code.into(),
            name: name.into(),
            capital: "Ibu Kota".into(),
            wave: Some(2),
            validation: Some(Validation {
                date: date!(2023 - 04 - 11),
                place: "Pontianak".into(),
                opened_by: Some("Asisten Deputi".into()),
                agencies: vec!["Dinas Kesehatan".into(), "Dinas PUPR".into()],
            }),
            proposals: Some(Window {
                opens: Some(date!(2023 - 04 - 12)),
                not_before: None,
                closes: Some(date!(2023 - 06 - 11)),
            }),
            issues_stated: None,
            sources: vec![source(3)],
            organiser_email: Some(format!("pemberitahuan-{code}@contoh.go.id")),
            notes: Some("Catatan penyunting: tidak pernah tampil.".into()),
        },
        narrative: Bilingual {
            id: words(
                None,
                None,
                "Narasi provinsi.\n",
                &format!("provinces/{slug}/index.md"),
            ),
            en: None,
        },
        issues,
    };
    let provinces = vec![
        province("banten", "36", "Banten", vec![]),
        province(
            "kalimantan-barat",
            "61",
            "Kalimantan Barat",
            vec![
                issue(
                    "kalimantan-barat",
                    "air-bersih",
                    "air-bersih",
                    false,
                    "## Data\n\nAir.\n",
                ),
                issue(
                    "kalimantan-barat",
                    "stunting",
                    "stunting",
                    true,
                    STUNTING_BODY,
                ),
            ],
        ),
    ];
    let news = vec![NewsItem {
        slug: "validasi".into(),
        date: date!(2023 - 04 - 11),
        facts: NewsFront {
            title: "Validasi isu".into(),
            summary: "Isu divalidasi.".into(),
            provinces: vec!["kalimantan-barat".into()],
            sources: vec![source(4)],
        },
        words: Bilingual {
            id: words(
                Some("Validasi isu"),
                Some("Isu divalidasi."),
                "Berita.\n",
                "news/2023-04-11-validasi.md",
            ),
            en: Some(words(
                Some("Issues validated"),
                Some("Issues were validated."),
                "News.\n",
                "news/2023-04-11-validasi.en.md",
            )),
        },
    }];
    let page = |slug: &str, en: &str, layout: Option<PageLayout>, order: u32| Page {
        slug: slug.into(),
        slug_en: en.into(),
        facts: PageFront {
            title: format!("Halaman {slug}"),
            summary: "Ringkasan halaman.".into(),
            nav_order: Some(order),
            layout,
            sources: vec![source(5)],
        },
        words: Bilingual {
            id: words(
                Some(&format!("Halaman {slug}")),
                Some("Ringkasan."),
                "Isi.\n",
                &format!("pages/{slug}.md"),
            ),
            en: Some(words(
                Some(&format!("Page {en}")),
                Some("Summary."),
                "Body.\n",
                &format!("pages/{slug}.en.md"),
            )),
        },
    };
    Site {
        config,
        topics,
        topic_sources: vec![source(6)],
        form: form(),
        synonyms: Vec::new(),
        provinces,
        news,
        pages: vec![
            page("tentang", "about", None, 1),
            page("tahapan", "stages", Some(PageLayout::Stages), 2),
            page("privasi", "privacy", None, 3),
        ],
        media: Default::default(),
    }
}

fn options(today: Date) -> Options {
    Options {
        base_url: "https://winner.example.go.id".into(),
        submit_url: "https://api.example.go.id/proposals".into(),
        today,
    }
}

fn build(today: Date) -> Output {
    let theme = match Theme::load(&theme_dir()) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    let out = match render::render(&site(), &theme, &options(today)) {
        Ok(out) => out,
        Err(e) => panic!("{e}"),
    };
    // `RENDER_DUMP=/tmp/site cargo test -p generator --test render` writes the output
    // for looking at it (screenshots, validators).
    if let Ok(dir) = std::env::var("RENDER_DUMP") {
        let root = Path::new(&dir).join(winner_catalog::clock::format_date(today));
        for (path, bytes) in &out {
            let file = root.join(path);
            std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
            std::fs::write(file, bytes).expect("write");
        }
    }
    out
}

fn page<'o>(out: &'o Output, path: &str) -> &'o str {
    let bytes = out
        .get(path)
        .unwrap_or_else(|| panic!("no output `{path}`"));
    std::str::from_utf8(bytes).expect("utf-8")
}

fn html_pages(out: &Output) -> impl Iterator<Item = (&String, &str)> {
    out.iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k, std::str::from_utf8(v).expect("utf-8")))
}

/// Every `href="…"` value in a page.
fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

const OPEN: Date = date!(2023 - 06 - 01);
const CLOSED: Date = date!(2024 - 01 - 01);

#[test]
fn every_page_has_one_h1_lang_and_landmarks() {
    let out = build(OPEN);
    for (path, html) in html_pages(&out) {
        assert_eq!(html.matches("<h1").count(), 1, "{path}: one h1");
        let lang = if path.starts_with("en/") { "en" } else { "id" };
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{path}: lang"
        );
        for landmark in [
            "<header",
            "<nav",
            "<main",
            "<footer",
            "class=\"skip\"",
            "name=\"viewport\"",
        ] {
            assert!(html.contains(landmark), "{path}: {landmark}");
        }
        assert!(html.starts_with("<!DOCTYPE html>"), "{path}: doctype");
        // The editors' notes in province.yaml are for editors only.
        assert!(!html.contains("tidak pernah tampil"), "{path}: notes shown");
        // The notices' address goes to catalog.json for submit-fn, not onto the pages.
        assert!(
            !html.contains("pemberitahuan-"),
            "{path}: organiser address shown"
        );
        // As the page-quality suite counts it (tests/e2e/lib/size.mjs): the inline map has
        // its own budget, and the whole page gzipped must fit one round trip there.
        let without_map = match (html.find("<svg class=\"map"), html.find("</svg>")) {
            (Some(a), Some(b)) if a < b => format!("{}{}", &html[..a], &html[b..]),
            _ => html.to_owned(),
        };
        assert!(
            without_map.len() < 30 * 1024,
            "{path}: {} bytes without the map",
            without_map.len()
        );
    }
}

#[test]
fn translation_links_and_internal_links_exist() {
    let out = build(OPEN);
    for (path, html) in html_pages(&out) {
        for href in hrefs(html) {
            if !href.starts_with('/') || href.starts_with("//") {
                continue;
            }
            let target = href.split(['?', '#']).next().unwrap_or(href);
            let file = if target.ends_with('/') {
                format!("{}index.html", &target[1..])
            } else {
                target[1..].to_owned()
            };
            assert!(
                out.contains_key(&file),
                "{path}: link {href} has no output {file}"
            );
        }
    }
    let issue = page(&out, "provinsi/kalimantan-barat/stunting/index.html");
    assert!(
        issue.contains(
            "href=\"/en/provinces/kalimantan-barat/stunting/\" hreflang=\"en\" lang=\"en\""
        )
    );
    let en = page(&out, "en/provinces/kalimantan-barat/stunting/index.html");
    assert!(
        en.contains("href=\"/provinsi/kalimantan-barat/stunting/\" hreflang=\"id\" lang=\"id\"")
    );
}

#[test]
fn canonical_and_alternates() {
    let out = build(OPEN);
    let html = page(&out, "en/provinces/banten/index.html");
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://winner.example.go.id/en/provinces/banten/\">"
    ));
    assert!(html.contains(
        "<link rel=\"alternate\" hreflang=\"id\" href=\"https://winner.example.go.id/provinsi/banten/\">"
    ));
    assert!(html.contains("property=\"og:locale\" content=\"en_GB\""));
}

#[test]
fn issue_page_call_to_action_and_markdown_safety() {
    let out = build(OPEN);
    let html = page(&out, "provinsi/kalimantan-barat/stunting/index.html");
    assert_eq!(
        html.matches("href=\"/ajukan/?provinsi=kalimantan-barat&amp;isu=stunting\"")
            .count(),
        1,
        "one call to action"
    );
    assert!(!html.contains("<script>alert"), "raw script escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<div onclick"));
    // `#` in the body becomes h2, ids come from the slug and are deduplicated.
    assert!(html.contains("<h2 id=\"masalah\">Masalah</h2>"));
    assert!(html.contains("<h3 id=\"data\">Data</h3>"));
    assert!(html.contains("<h3 id=\"data-2\">Data</h3>"));
    // A body that starts at `##` keeps its levels (no skipped level after the h1).
    let air = page(&out, "provinsi/kalimantan-barat/air-bersih/index.html");
    assert!(air.contains("<h2 id=\"data\">Data</h2>"));
    // @/ links rewritten for the page's language; external links untouched.
    assert!(html.contains("href=\"/provinsi/banten/\""));
    assert!(html.contains("href=\"/provinsi/kalimantan-barat/air-bersih/#data\""));
    assert!(html.contains("href=\"/tentang/\""));
    assert!(html.contains("href=\"/berita/validasi/\""));
    assert!(html.contains("href=\"https://bps.go.id/x\""));
    assert!(html.contains("class=\"status ok\">Tervalidasi"));
    // The English page of an untranslated issue shows Indonesian text marked as such.
    let en = page(&out, "en/provinces/kalimantan-barat/air-bersih/index.html");
    assert!(en.contains("<h1 lang=\"id\">Isu air-bersih</h1>"));
    assert!(en.contains("Not yet translated"));
    assert!(en.contains("<div class=\"prose\" lang=\"id\">"));
    assert!(en.contains("href=\"/en/apply/?provinsi=kalimantan-barat&amp;isu=air-bersih\""));
}

#[test]
fn english_links_point_to_english_pages() {
    let out = build(OPEN);
    // The stunting body is Indonesian-only in the fixture for @/ links; the English page
    // of the narrative of Banten falls back to Indonesian but links stay English.
    let html = page(&out, "en/provinces/banten/index.html");
    assert!(html.contains("Not yet translated"));
    assert!(
        html.contains("href=\"/en/topics/stunting/\""),
        "national topics as context"
    );
}

#[test]
fn province_without_issues_says_so_and_shows_national_topics() {
    let out = build(OPEN);
    let html = page(&out, "provinsi/banten/index.html");
    assert!(html.contains("belum kami temukan"));
    assert!(html.contains("bukan isu provinsi ini"));
    for t in ["stunting", "air-bersih", "pendidikan"] {
        assert!(html.contains(&format!("href=\"/topik/{t}/\"")), "{t}");
    }
    let home = page(&out, "index.html");
    assert!(home.contains("Daftar isu strategis belum kami temukan"));
    assert!(home.contains("2 isu strategis tervalidasi"));
    // Banten's window is open on OPEN, but with no validated issue nothing can be proposed:
    // its card must not invite proposals, while Kalimantan Barat's does.
    assert!(home.contains("class=\"window no_issues\">Masa pendaftaran sedang berjalan, tetapi daftar isu strategis provinsi ini belum kami temukan"));
    assert_eq!(home.matches("class=\"window open\"").count(), 1);
}

#[test]
fn form_open_follows_the_definition() {
    let out = build(OPEN);
    let html = page(&out, "ajukan/index.html");
    let def = form();
    assert!(html.contains("<form id=\"_proposal\" class=\"proposal\" method=\"post\" action=\"https://api.example.go.id/proposals\""));
    for f in &def.fields {
        assert!(
            html.contains(&format!("name=\"{}\"", f.name)),
            "field {}",
            f.name
        );
        if let Some(max) = f.max_length {
            let tag_start = html
                .find(&format!("id=\"f-{}\" name=", f.name))
                .expect("field element");
            let tag = &html[tag_start..tag_start + html[tag_start..].find('>').expect("end")];
            assert!(
                tag.contains(&format!("maxlength=\"{max}\"")),
                "{}: {tag}",
                f.name
            );
        }
    }
    assert!(html.contains("<input type=\"hidden\" name=\"lang\" value=\"id\">"));
    assert!(html.contains("name=\"token\""));
    assert!(html.contains("name=\"started_at\""));
    assert!(html.contains(&format!(
        "<input type=\"text\" id=\"f-{0}\" name=\"{0}\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">",
        def.honeypot
    )));
    assert!(html.contains("class=\"hp\" aria-hidden=\"true\""));
    assert!(
        html.contains("href=\"/privasi/\""),
        "consent links the privacy page"
    );
    assert!(html.contains("<option value=\"kalimantan-barat\">Kalimantan Barat</option>"));
    assert!(html.contains("data-province=\"kalimantan-barat\""));
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains(" defer></script>"));
    assert!(html.contains("data-msg-network=\""));
    let en = page(&out, "en/apply/index.html");
    assert!(en.contains("<input type=\"hidden\" name=\"lang\" value=\"en\">"));
    assert!(en.contains("Send proposal"));
}

#[test]
fn form_closed_shows_the_notice() {
    let out = build(CLOSED);
    let html = page(&out, "ajukan/index.html");
    assert!(!html.contains("<form"));
    assert!(html.contains("class=\"notice closed\""));
    assert!(html.contains("href=\"/tahapan/\""));
    let issue = page(&out, "provinsi/kalimantan-barat/stunting/index.html");
    assert!(issue.contains("class=\"cta closed\""));
    assert!(issue.contains("ditutup pada 11 Juni 2023"));
}

#[test]
fn catalog_matches_the_site() {
    let out = build(OPEN);
    let text = page(&out, "catalog.json");
    let catalog = Catalog::from_json(text).expect("catalog parses");
    let site = site();
    assert_eq!(catalog.site_url, "https://winner.example.go.id");
    assert_eq!(catalog.form, site.form);
    let slugs: Vec<_> = catalog.provinces.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["banten", "kalimantan-barat"]);
    let kb = catalog.province("kalimantan-barat").expect("province");
    let issues: Vec<_> = kb.issues.iter().map(|i| i.slug.as_str()).collect();
    assert_eq!(issues, ["air-bersih", "stunting"]);
    assert_eq!(kb.issues[1].title.en, "Issue stunting");
    assert_eq!(
        kb.organiser_email.as_deref(),
        Some("pemberitahuan-61@contoh.go.id")
    );
    assert_eq!(catalog.thank_you_path.en, "/en/apply/sent/");
    assert!(catalog.target("kalimantan-barat", "stunting", OPEN).is_ok());
}

#[test]
fn sitemap_feeds_robots_404() {
    let out = build(OPEN);
    let sitemap = page(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://winner.example.go.id/en/provinces/banten/</loc><lastmod>2023-04-11</lastmod><xhtml:link rel=\"alternate\" hreflang=\"id\" href=\"https://winner.example.go.id/provinsi/banten/\"/><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://winner.example.go.id/en/provinces/banten/\"/>"));
    let html_count = html_pages(&out)
        .filter(|(p, _)| *p != "404.html" && !p.contains("terkirim") && !p.contains("apply/sent"))
        .count();
    assert_eq!(sitemap.matches("<url>").count(), html_count);
    assert!(!sitemap.contains("terkirim"));
    let feed = page(&out, "feed.xml");
    assert!(feed.contains("<updated>2023-04-11T00:00:00+07:00</updated>"));
    assert!(page(&out, "en/feed.xml").contains("<title>Issues validated</title>"));
    assert!(page(&out, "robots.txt").contains("Sitemap: https://winner.example.go.id/sitemap.xml"));
    let not_found = page(&out, "404.html");
    assert!(not_found.contains("Halaman tidak ditemukan") && not_found.contains("Page not found"));
    assert!(
        out.keys()
            .any(|k| k.starts_with("static/site.") && k.ends_with(".css"))
    );
}

#[test]
fn stages_page_and_dates_in_words() {
    let out = build(OPEN);
    let html = page(&out, "tahapan/index.html");
    assert!(html.contains("12 April 2023 sampai 11 Juni 2023"));
    assert!(html.contains("Tanggalnya belum kami temukan."));
    let en = page(&out, "en/stages/index.html");
    assert!(en.contains("12 April 2023 to 11 June 2023"));
    let kb = page(&out, "provinsi/kalimantan-barat/index.html");
    assert!(kb.contains("<time datetime=\"2023-04-11\">11 April 2023</time>, Pontianak"));
}

#[test]
fn no_request_to_another_host() {
    let out = build(OPEN);
    for (path, html) in html_pages(&out) {
        for needle in ["src=\"http", "src=\"//", "rel=\"stylesheet\" href=\"http"] {
            assert!(!html.contains(needle), "{path}: {needle}");
        }
    }
}

#[test]
fn renders_are_byte_identical() {
    assert_eq!(build(OPEN), build(OPEN));
}

#[test]
fn hostile_links_are_refused() {
    let theme = Theme::load(&theme_dir()).expect("theme");
    let mut s = site();
    s.pages[0].words.id.body = md("[x](javascript:alert(1))\n", "pages/tentang.md");
    let err = render::render(&s, &theme, &options(OPEN)).expect_err("javascript: refused");
    assert!(err.to_string().starts_with("pages/tentang.md:5:"), "{err}");
    let mut s = site();
    s.pages[0].words.id.body = md("text\n\n[x](@/pages/nope.md)\n", "pages/tentang.md");
    let err = render::render(&s, &theme, &options(OPEN)).expect_err("broken @/ link");
    assert!(
        err.to_string().contains("pages/tentang.md:7: no such page"),
        "{err}"
    );
}
