//! The bundled `content/` built as of dates before, inside and after each registration window:
//! no page, in either language, calls a window open that is not open on that day (issue 15).
//!
//! Wave I (Banten, Nusa Tenggara Timur) runs 6-20 February 2023 but has no issue list, so the
//! site says the period is running without offering a form. Wave II's opening day is unknown
//! (`not_before: 2023-05-12`) and it closes on 11 June 2023; only Kalimantan Barat and Sulawesi
//! Selatan have validated issues, so only they take proposals inside it.
//!
//! What "says open" means is read from the theme's own strings (`window.open`,
//! `window.open_until`, `window.open_no_issues`, `home.open`, `map.link_open`,
//! `map.legend_open`) and the markup the theme gives an open state (`class="window open"`, the
//! form, an issue page's open call to action), so a reworded string does not blind the test.

use std::collections::BTreeSet;
use std::path::Path;

use generator::theme::Strings;
use winner_catalog::Lang;

use crate::prelude::*;

const PROVINCES: [&str; 6] = [
    "banten",
    "nusa-tenggara-timur",
    "sumatera-utara",
    "kalimantan-barat",
    "jawa-timur",
    "sulawesi-selatan",
];

/// One build date and what each province's page must show on it.
struct Case {
    as_of: &'static str,
    /// Provinces taking proposals (window open, validated issues).
    open: &'static [&'static str],
    /// Provinces whose window is running but which have no issue list.
    running_without_issues: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        as_of: "2023-01-15",
        open: &[],
        running_without_issues: &[],
    },
    Case {
        as_of: "2023-02-10",
        open: &[],
        running_without_issues: &["banten", "nusa-tenggara-timur"],
    },
    Case {
        as_of: "2023-05-11",
        open: &[],
        running_without_issues: &[],
    },
    Case {
        as_of: "2023-05-12",
        open: &["kalimantan-barat", "sulawesi-selatan"],
        running_without_issues: &["sumatera-utara", "jawa-timur"],
    },
    Case {
        as_of: "2023-06-01",
        open: &["kalimantan-barat", "sulawesi-selatan"],
        running_without_issues: &["sumatera-utara", "jawa-timur"],
    },
    Case {
        as_of: "2023-06-11",
        open: &["kalimantan-barat", "sulawesi-selatan"],
        running_without_issues: &["sumatera-utara", "jawa-timur"],
    },
    Case {
        as_of: "2023-07-01",
        open: &[],
        running_without_issues: &[],
    },
];

/// Builds the bundled content as of `day` through the binary into `out`.
fn build(day: &str, out: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_generator"))
        .current_dir(&root)
        .args([
            "build",
            "--content",
            "content",
            "--theme",
            "themes/default",
            "--base-url",
            "https://winner.example",
            "--as-of",
            day,
            "--out",
        ])
        .arg(out)
        .status()
        .expect("run generator");
    assert!(status.success(), "generator build --as-of {day} failed");
}

/// The few entities the renderer writes, decoded, so that theme strings compare as text.
fn decode(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The page's text: every tag replaced by a space.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The part of a string before a `{placeholder}`, or after it (`after = true`).
fn around(text: &str, after: bool) -> String {
    let (head, tail) = text.split_once('{').expect("a placeholder");
    let tail = tail.split_once('}').expect("a closed placeholder").1;
    if after { tail } else { head }.to_owned()
}

/// Texts by which a page in `lang` says that proposals are accepted, and that a period is
/// running without proposals.
fn open_texts(strings: &Strings, lang: Lang) -> (Vec<String>, String) {
    let get = |k: &str| strings.get(lang, k).expect("theme string").to_owned();
    let accepting = vec![
        get("window.open"),
        around(&get("window.open_until"), false),
        get("home.open"),
        around(&get("map.link_open"), true),
        get("map.legend_open"),
    ];
    (accepting, get("window.open_no_issues"))
}

/// The class of a province page's status (`open`, `no_issues`, `not_yet`, `closed`, `none`).
fn status_class(html: &str) -> &str {
    let marker = "<span class=\"window ";
    let at = html
        .find(marker)
        .expect("a province page shows its window's status")
        + marker.len();
    let end = html[at..].find('"').expect("class ends") + at;
    &html[at..end]
}

/// The province slugs the proposal form offers (empty when the form is closed).
fn form_provinces(html: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Some(start) = html.find("<select id=\"f-province\"") else {
        return out;
    };
    let select = &html[start..start + html[start..].find("</select>").expect("select ends")];
    for part in select.split("<option value=\"").skip(1) {
        let value = &part[..part.find('"').expect("value ends")];
        if !value.is_empty() {
            out.insert(value.to_owned());
        }
    }
    out
}

#[test]
fn no_page_calls_a_window_open_outside_it() {
    let strings = Strings::load(&theme().join("i18n")).expect("theme strings");
    for case in CASES {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("public");
        build(case.as_of, &out);
        let pages: Vec<(String, String)> = snapshot(&out)
            .into_iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
            .map(|(p, b)| {
                let html = String::from_utf8(b).expect("utf-8");
                (p.display().to_string(), html)
            })
            .collect();
        let day = case.as_of;

        for lang in Lang::ALL {
            let prefix = if lang == Lang::En {
                "en/provinces"
            } else {
                "provinsi"
            };
            for slug in PROVINCES {
                let path = out.join(format!("{prefix}/{slug}/index.html"));
                let html = std::fs::read_to_string(&path).expect("province page");
                let expected = if case.open.contains(&slug) {
                    "open"
                } else if case.running_without_issues.contains(&slug) {
                    "no_issues"
                } else {
                    "not open"
                };
                let class = status_class(&html);
                let shown = match class {
                    "open" | "no_issues" => class,
                    _ => "not open",
                };
                assert_eq!(
                    shown,
                    expected,
                    "as of {day}, {} shows `{class}`",
                    path.display()
                );
            }
            let form = out.join(if lang == Lang::En {
                "en/apply/index.html"
            } else {
                "ajukan/index.html"
            });
            let offered = form_provinces(&std::fs::read_to_string(&form).expect("form page"));
            let expected: BTreeSet<String> = case.open.iter().map(|s| (*s).to_owned()).collect();
            assert_eq!(
                offered,
                expected,
                "as of {day}, the form ({}) offers these provinces",
                form.display()
            );
        }

        for (path, html) in &pages {
            let lang = if path.starts_with("en/") {
                Lang::En
            } else {
                Lang::Id
            };
            let text = decode(html);
            let (accepting, running) = open_texts(&strings, lang);
            if case.open.is_empty() {
                for t in &accepting {
                    assert!(
                        !text.contains(t.as_str()),
                        "as of {day}, {path} says \"{t}\""
                    );
                }
                assert!(
                    !html.contains("class=\"window open\""),
                    "as of {day}, {path} marks a window open"
                );
                assert!(
                    !html.contains("<form id=\"_proposal\""),
                    "as of {day}, {path} has an open form"
                );
                assert!(
                    !html.contains("<aside class=\"cta\""),
                    "as of {day}, {path} invites proposals"
                );
            }
            if case.running_without_issues.is_empty() && case.open.is_empty() {
                assert!(
                    !text.contains(running.as_str()),
                    "as of {day}, {path} says \"{running}\""
                );
            }
        }

        // Inside wave II, the two provinces with issues say until when, in both languages.
        for slug in case.open {
            for (lang, prefix, date) in [
                (Lang::Id, "provinsi", "11 Juni 2023"),
                (Lang::En, "en/provinces", "11 June 2023"),
            ] {
                let path = out.join(format!("{prefix}/{slug}/index.html"));
                let text = decode(&std::fs::read_to_string(&path).expect("province page"));
                let until = strings
                    .fill(lang, "window.open_until", &[("date", date)])
                    .expect("theme string");
                assert!(
                    text.contains(&until),
                    "as of {day}, {} says \"{until}\"",
                    path.display()
                );
            }
        }
    }
}

/// A stage of one day shows its date once, not "6 Februari 2023 sampai 6 Februari 2023".
#[test]
fn a_one_day_stage_is_not_a_range() {
    let strings = Strings::load(&theme().join("i18n")).expect("theme strings");
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build("2023-06-01", &out);
    for (lang, page) in [
        (Lang::Id, "tahapan/index.html"),
        (Lang::En, "en/stages/index.html"),
    ] {
        let range = strings.get(lang, "stages.range").expect("theme string");
        let connector = range
            .split_once('}')
            .and_then(|(_, t)| t.split_once('{'))
            .expect("stages.range has two placeholders")
            .0;
        let html = std::fs::read_to_string(out.join(page)).expect("stages page");
        let text = decode(&strip_tags(&html));
        let mut rest = text.as_str();
        let mut ranges = 0;
        while let Some(i) = rest.find(connector) {
            let mut before: Vec<&str> = rest[..i].split_whitespace().rev().take(3).collect();
            before.reverse();
            let after: Vec<&str> = rest[i + connector.len()..]
                .split_whitespace()
                .take(3)
                .collect();
            assert_ne!(
                before,
                after,
                "{page} shows a one-day range: {} {connector} {}",
                before.join(" "),
                after.join(" ")
            );
            ranges += 1;
            rest = &rest[i + connector.len()..];
        }
        assert!(
            ranges > 0,
            "{page} has no date range at all (connector `{connector}`)"
        );
    }
}
