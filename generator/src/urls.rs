//! Where every page lives, in both languages: the URL router of the site, the one home of its
//! path words. The renderer writes pages at these paths, and the content checks ask it which
//! root-relative links point at content pages.
//!
//! Indonesian pages sit at the root with Indonesian path words, English pages under `/en/`
//! with English words (DESIGN.md). Every path here is root-relative and ends in `/`.

use winner_catalog::Lang;

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

/// The Markdown file an `@/` content link names (the part after `@/`, before any `#`), by
/// kind; the one reading of those link forms, for the checker and the renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentFile<'a> {
    /// `provinces/<p>/index.md`.
    Province(&'a str),
    /// `provinces/<p>/issues/<i>.md`: province and issue slug.
    Issue(&'a str, &'a str),
    /// `news/<YYYY-MM-DD>-<slug>.md`: the file name without `.md`.
    NewsItem(&'a str),
    /// `pages/<slug>.md`: the slug.
    Page(&'a str),
}

impl<'a> ContentFile<'a> {
    /// Reads `file` (`provinces/banten/issues/gizi.md`), or says which form it fails.
    pub fn parse(file: &'a str) -> Result<ContentFile<'a>, &'static str> {
        let parts: Vec<&str> = file.split('/').collect();
        match parts.as_slice() {
            ["provinces", p, "index.md"] => Ok(ContentFile::Province(p)),
            ["provinces", p, "issues", issue] => issue
                .strip_suffix(".md")
                .map(|i| ContentFile::Issue(p, i))
                .ok_or("issue links end in .md"),
            ["news", item] => item
                .strip_suffix(".md")
                .map(ContentFile::NewsItem)
                .ok_or("news links end in .md"),
            ["pages", page] => page
                .strip_suffix(".md")
                .map(ContentFile::Page)
                .ok_or("page links end in .md"),
            _ => Err("unknown @/ link form"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_link_forms_are_read_or_refused_with_the_form_they_fail() {
        assert_eq!(
            ContentFile::parse("provinces/banten/issues/gizi.md"),
            Ok(ContentFile::Issue("banten", "gizi"))
        );
        assert_eq!(
            ContentFile::parse("provinces/banten/index.md"),
            Ok(ContentFile::Province("banten"))
        );
        assert_eq!(
            ContentFile::parse("news/2023-05-02-fgd.md"),
            Ok(ContentFile::NewsItem("2023-05-02-fgd"))
        );
        assert_eq!(
            ContentFile::parse("pages/faq.md"),
            Ok(ContentFile::Page("faq"))
        );
        assert_eq!(
            ContentFile::parse("provinces/banten/issues/gizi"),
            Err("issue links end in .md")
        );
        assert_eq!(
            ContentFile::parse("topics.yaml"),
            Err("unknown @/ link form")
        );
    }

    #[test]
    fn paths_use_each_languages_words() {
        assert_eq!(
            Route::Issue("banten", "gizi").path(Lang::Id),
            "/provinsi/banten/gizi/"
        );
        assert_eq!(Route::Topics.path(Lang::En), "/en/topics/");
        assert_eq!(Route::Sent.file(Lang::En), "en/apply/sent/index.html");
    }
}
