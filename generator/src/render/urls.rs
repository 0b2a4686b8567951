//! How `@/` content links resolve; where every page lives is [`crate::urls`] (re-exported
//! here for the renderer).

use std::collections::{BTreeMap, BTreeSet};

use std::path::{Path, PathBuf};

use winner_catalog::Lang;

use crate::content::Site;
use crate::content::media::{self, Media};

use crate::urls::ContentFile;
pub use crate::urls::{Route, absolute, form_for, form_for_province};

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
        let route = match ContentFile::parse(file)? {
            ContentFile::Province(p) => {
                let p = self.provinces.get(p).ok_or("no such province")?;
                Route::Province(p)
            }
            ContentFile::Issue(p, slug) => {
                let (p, i) = self.issues.get(&(p, slug)).ok_or("no such issue")?;
                Route::Issue(p, i)
            }
            ContentFile::NewsItem(key) => {
                let slug = self.news.get(key).ok_or("no such news item")?;
                Route::NewsItem(slug)
            }
            ContentFile::Page(slug) => {
                let (id, en) = self.pages.get_key_value(slug).ok_or("no such page")?;
                Route::Page { id, en }
            }
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
