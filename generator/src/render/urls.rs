//! Where every page lives, in both languages, and how `@/` content links resolve.
//!
//! Indonesian pages sit at the root with Indonesian path words, English pages under `/en/`
//! with English words (DESIGN.md). Every path here is root-relative and ends in `/`.

use std::collections::{BTreeMap, BTreeSet};

use std::path::{Path, PathBuf};

use winner_catalog::Lang;

use crate::content::Site;
use crate::content::media::{self, Media};

/// A page of the site, independent of language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    /// `/`, `/en/`.
    Home,
    /// `/provinsi/`, `/en/provinces/`.
    Provinces,
    /// `/provinsi/<p>/`.
    Province(&'a str),
    /// `/provinsi/<p>/<issue>/`.
    Issue(&'a str, &'a str),
    /// `/topik/`, `/en/topics/`.
    Topics,
    /// `/topik/<t>/`.
    Topic(&'a str),
    /// `/berita/`, `/en/news/`.
    News,
    /// `/berita/<slug>/`.
    NewsItem(&'a str),
    /// `/<slug>/`, `/en/<slug_en>/`.
    Page {
        /// Indonesian slug.
        id: &'a str,
        /// English slug.
        en: &'a str,
    },
    /// `/ajukan/`, `/en/apply/`.
    Form,
    /// `/ajukan/terkirim/`, `/en/apply/sent/`.
    Sent,
    /// `/cari/`, `/en/search/`.
    Search,
}

impl Route<'_> {
    /// The root-relative path, e.g. `/en/provinces/banten/`.
    pub fn path(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let w = |id: &'static str, english: &'static str| if en { english } else { id };
        let prefix = if en { "/en/" } else { "/" };
        let rest = match *self {
            Route::Home => String::new(),
            Route::Provinces => format!("{}/", w("provinsi", "provinces")),
            Route::Province(p) => format!("{}/{p}/", w("provinsi", "provinces")),
            Route::Issue(p, i) => format!("{}/{p}/{i}/", w("provinsi", "provinces")),
            Route::Topics => format!("{}/", w("topik", "topics")),
            Route::Topic(t) => format!("{}/{t}/", w("topik", "topics")),
            Route::News => format!("{}/", w("berita", "news")),
            Route::NewsItem(n) => format!("{}/{n}/", w("berita", "news")),
            Route::Page { id, en: english } => format!("{}/", if en { english } else { id }),
            Route::Form => format!("{}/", w("ajukan", "apply")),
            Route::Sent => format!("{}/", w("ajukan/terkirim", "apply/sent")),
            Route::Search => format!("{}/", w("cari", "search")),
        };
        format!("{prefix}{rest}")
    }

    /// The output file for this page, e.g. `en/provinces/banten/index.html`.
    pub fn file(&self, lang: Lang) -> String {
        format!("{}index.html", self.path(lang).trim_start_matches('/'))
    }
}

/// The form page with a province and issue preselected (`?provinsi=&isu=`, both languages).
pub fn form_for(lang: Lang, province: &str, issue: &str) -> String {
    format!("{}?provinsi={province}&isu={issue}", Route::Form.path(lang))
}

/// The form page with a province preselected (`?provinsi=`, both languages).
pub fn form_for_province(lang: Lang, province: &str) -> String {
    format!("{}?provinsi={province}", Route::Form.path(lang))
}

/// Absolute URL of a root-relative path.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{}{path}", base_url.trim_end_matches('/'))
}

/// Resolves the `@/…` links editors write in Markdown to the page's language.
///
/// Accepted forms: `@/provinces/<p>/issues/<i>.md`, `@/provinces/<p>/index.md`,
/// `@/news/<YYYY-MM-DD>-<slug>.md`, `@/pages/<slug>.md`, each optionally followed by
/// `#anchor`.
///
/// It also finds the images and documents that relative paths point at
/// ([`Links::media`]).
#[derive(Debug)]
pub struct Links<'a> {
    provinces: BTreeSet<&'a str>,
    issues: BTreeSet<(&'a str, &'a str)>,
    news: BTreeMap<String, &'a str>,
    pages: BTreeMap<&'a str, &'a str>,
    media: &'a BTreeMap<PathBuf, Media>,
}

impl<'a> Links<'a> {
    /// Indexes the site's link targets.
    pub fn new(site: &'a Site) -> Self {
        let mut provinces = BTreeSet::new();
        let mut issues = BTreeSet::new();
        for p in &site.provinces {
            provinces.insert(p.slug.as_str());
            for i in &p.issues {
                issues.insert((p.slug.as_str(), i.slug.as_str()));
            }
        }
        let news = site
            .news
            .iter()
            .map(|n| {
                let key = format!("{}-{}", winner_catalog::clock::format_date(n.date), n.slug);
                (key, n.slug.as_str())
            })
            .collect();
        let pages = site
            .pages
            .iter()
            .map(|p| (p.slug.as_str(), p.slug_en.as_str()))
            .collect();
        Links {
            provinces,
            issues,
            news,
            pages,
            media: &site.media,
        }
    }

    /// The image or document that the relative `url` of the Markdown file `from` points at
    /// (`images/peta.png`, `../files/laporan.pdf#page=2`), if it is one of the site's.
    pub fn media(&self, from: &Path, url: &str) -> Option<&'a Media> {
        if !media::is_relative_reference(url) {
            return None;
        }
        self.media.get(&media::resolve(from, url)?)
    }

    /// The URL for `target` (which starts with `@/`) in `lang`, or why it has none.
    pub fn resolve(&self, target: &str, lang: Lang) -> Result<String, &'static str> {
        let rest = target.strip_prefix("@/").ok_or("not an @/ link")?;
        let (file, anchor) = match rest.split_once('#') {
            Some((file, anchor)) => (file, Some(anchor)),
            None => (rest, None),
        };
        let parts: Vec<&str> = file.split('/').collect();
        let route = match parts.as_slice() {
            ["provinces", p, "index.md"] => {
                let p = self.provinces.get(p).ok_or("no such province")?;
                Route::Province(p)
            }
            ["provinces", p, "issues", issue] => {
                let slug = issue.strip_suffix(".md").ok_or("issue links end in .md")?;
                let (p, i) = self.issues.get(&(*p, slug)).ok_or("no such issue")?;
                Route::Issue(p, i)
            }
            ["news", item] => {
                let key = item.strip_suffix(".md").ok_or("news links end in .md")?;
                let slug = self.news.get(key).ok_or("no such news item")?;
                Route::NewsItem(slug)
            }
            ["pages", page] => {
                let slug = page.strip_suffix(".md").ok_or("page links end in .md")?;
                let (id, en) = self.pages.get_key_value(slug).ok_or("no such page")?;
                Route::Page { id, en }
            }
            _ => return Err("unknown @/ link form"),
        };
        let mut url = route.path(lang);
        if let Some(anchor) = anchor {
            url.push('#');
            url.push_str(anchor);
        }
        Ok(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_in_both_languages() {
        let r = Route::Issue("banten", "stunting");
        assert_eq!(r.path(Lang::Id), "/provinsi/banten/stunting/");
        assert_eq!(r.path(Lang::En), "/en/provinces/banten/stunting/");
        assert_eq!(Route::Home.file(Lang::Id), "index.html");
        assert_eq!(Route::Home.file(Lang::En), "en/index.html");
        assert_eq!(Route::Sent.path(Lang::En), "/en/apply/sent/");
        let page = Route::Page {
            id: "tentang",
            en: "about",
        };
        assert_eq!(page.path(Lang::En), "/en/about/");
        assert_eq!(page.path(Lang::Id), "/tentang/");
    }
}
