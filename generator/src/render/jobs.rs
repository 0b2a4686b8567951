//! The job list of a render: which pages and side outputs to make.
//!
//! [`Jobs::full`] is the whole site; [`Jobs::for_issues`] is what an edit of issue files
//! changes (`generator serve`'s incremental update). Both go through the same
//! [`render`](super::render), so an updated page has exactly the bytes a full build gives
//! it. Each [`Spec`] names one HTML page; [`Spec::job`] builds its context with the page
//! builders of [`super::pages`] and [`super::form`].
//!
//! # What depends on an issue
//!
//! Read from the page builders (`pages.rs`, `form.rs`, `context.rs`) and the side outputs;
//! an edited issue keeps its slug (a new or removed file is a full rebuild), so the set of
//! pages and their URLs does not change. For each reloaded issue of province P:
//!
//! | what changed | what is rendered again (both languages) |
//! |---|---|
//! | anything (body, agencies, sources, …) | the issue's own page |
//! | its card: title or summary (either language), topic, status, `validated_on` | P's page (issue list, ordered by title), the topic page of the old and of the new topic (issue lists) |
//! | title (either language), topic or status | the form page (titles of validated issues), `catalog.json` |
//! | topic | home, the topics page (issue counts per topic), every province page (its topic list shows counts) |
//! | status | home (issue counts on province cards, the map), the provinces page (counts) |
//! | whether P has any validated issue | every issue page of P and P's page (proposals window in words, "apply" link), home (map marks, "proposals open"), the provinces page, the form page |
//!
//! Never affected by an edit that keeps the file: `sitemap.xml` (the same pages, sorted by
//! URL), the Atom feeds (news only), `robots.txt`, `404.html`, the search page (province and
//! topic names only), news and other pages, theme files and locator images. The search
//! index is not rebuilt on this path (it keeps the last full build's records).
//!
//! A builder that starts showing another issue field must update [`card`] or [`entry`]
//! (and this table); `serve`'s tests compare every kind of edit with a full build.

use std::collections::BTreeSet;

use time::Date;
use winner_catalog::{IssueStatus, Lang};

use super::context::{Env, Job, page_route};
use super::error::RenderError;
use super::urls::Route;
use super::{form, pages};
use crate::content::{Issue, NewsItem, Page, Province, Site, model::Topic};

/// One HTML page to render, before its context is built: cheap to list, so the whole site's
/// pages can be enumerated up front (for the sitemap) and each built, rendered and written
/// in parallel, then dropped.
#[derive(Clone, Copy)]
pub(crate) enum Spec<'a> {
    Home(Lang),
    Provinces(Lang),
    Province(&'a Province, Lang),
    Issue(&'a Province, &'a Issue, Lang),
    Topics(Lang),
    Topic(&'a Topic, Lang),
    NewsList(Lang),
    NewsItem(&'a NewsItem, Lang),
    Page(&'a Page, Lang),
    Form(Lang),
    Sent(Lang),
    Search(Lang),
    NotFound,
}

impl<'a> Spec<'a> {
    /// The page's route and language, or `None` for `404.html`.
    pub(crate) fn route(&self) -> Option<(Route<'a>, Lang)> {
        Some(match *self {
            Spec::Home(l) => (Route::Home, l),
            Spec::Provinces(l) => (Route::Provinces, l),
            Spec::Province(p, l) => (Route::Province(&p.slug), l),
            Spec::Issue(p, i, l) => (Route::Issue(&p.slug, &i.slug), l),
            Spec::Topics(l) => (Route::Topics, l),
            Spec::Topic(t, l) => (Route::Topic(&t.slug), l),
            Spec::NewsList(l) => (Route::News, l),
            Spec::NewsItem(n, l) => (Route::NewsItem(&n.slug), l),
            Spec::Page(p, l) => (page_route(p), l),
            Spec::Form(l) => (Route::Form, l),
            Spec::Sent(l) => (Route::Sent, l),
            Spec::Search(l) => (Route::Search, l),
            Spec::NotFound => return None,
        })
    }

    /// The content date the sitemap gives as the page's `lastmod`: a news item's date, the
    /// newest news item for home and the news list, a province's validation meeting. Issue
    /// files give none, so that an edited issue leaves `sitemap.xml` as it is (module docs).
    pub(crate) fn lastmod(&self, site: &Site) -> Option<Date> {
        match *self {
            Spec::NewsItem(n, _) => Some(n.date),
            Spec::Home(_) | Spec::NewsList(_) => site.news.iter().map(|n| n.date).max(),
            Spec::Province(p, _) => p.facts.validation.as_ref().map(|v| v.date),
            _ => None,
        }
    }

    /// Whether the sitemap lists the page.
    pub(crate) fn in_sitemap(&self) -> bool {
        !matches!(self, Spec::Sent(_) | Spec::NotFound)
    }

    /// Builds the page's job (its context, Markdown body included).
    pub(crate) fn job(&self, env: &Env<'a>) -> Result<Job, RenderError> {
        match *self {
            Spec::Home(l) => pages::home(env, l),
            Spec::Provinces(l) => pages::provinces(env, l),
            Spec::Province(p, l) => pages::province(env, p, l),
            Spec::Issue(p, i, l) => pages::issue(env, p, i, l),
            Spec::Topics(l) => pages::topics(env, l),
            Spec::Topic(t, l) => pages::topic(env, t, l),
            Spec::NewsList(l) => pages::news_list(env, l),
            Spec::NewsItem(n, l) => pages::news_item(env, n, l),
            Spec::Page(p, l) => pages::page(env, p, l),
            Spec::Form(l) => form::form_page(env, l),
            Spec::Sent(l) => form::sent_page(env, l),
            Spec::Search(l) => pages::search_page(env, l),
            Spec::NotFound => pages::not_found(env),
        }
    }
}

/// What one render makes.
pub struct Jobs<'a> {
    /// The HTML pages.
    pub(crate) pages: Vec<Spec<'a>>,
    /// The files only a full build makes: the sitemap, the feeds, `robots.txt`, the theme's
    /// static files and the locator images.
    pub(crate) whole_site: bool,
    /// `catalog.json`.
    pub(crate) catalog: bool,
    /// The search index (`pagefind/`, feature `search`).
    pub(crate) search: bool,
}

impl<'a> Jobs<'a> {
    /// The whole site: every HTML page in both languages (content pages, the form and its
    /// thank-you page, the search page), `404.html`, every side output and the search index.
    pub fn full(site: &'a Site) -> Jobs<'a> {
        let mut specs = Vec::new();
        for lang in Lang::ALL {
            specs.push(Spec::Home(lang));
            specs.push(Spec::Provinces(lang));
            for p in &site.provinces {
                specs.push(Spec::Province(p, lang));
                for i in &p.issues {
                    specs.push(Spec::Issue(p, i, lang));
                }
            }
            specs.push(Spec::Topics(lang));
            for t in &site.topics {
                specs.push(Spec::Topic(t, lang));
            }
            specs.push(Spec::NewsList(lang));
            for n in &site.news {
                specs.push(Spec::NewsItem(n, lang));
            }
            for p in &site.pages {
                specs.push(Spec::Page(p, lang));
            }
        }
        for lang in Lang::ALL {
            specs.push(Spec::Form(lang));
            specs.push(Spec::Sent(lang));
            if cfg!(feature = "search") {
                specs.push(Spec::Search(lang));
            }
        }
        specs.push(Spec::NotFound);
        Jobs {
            pages: specs,
            whole_site: true,
            catalog: true,
            search: cfg!(feature = "search"),
        }
    }

    /// The same jobs without the search index (`check`: the index is seconds of work on a
    /// large site and says nothing about the content's correctness).
    pub fn without_search(mut self) -> Jobs<'a> {
        self.search = false;
        self
    }

    /// Whether the search index is among the jobs.
    pub fn has_search(&self) -> bool {
        self.search
    }

    /// The pages (and side outputs) that depend on the changed issues: the table in the
    /// module docs. `changed` holds, for each issue that changed, its province's position in
    /// [`Site::provinces`] and the issue as it was before; `site` holds it as it is now.
    pub fn for_issues(site: &'a Site, changed: &[(usize, &Issue)]) -> Jobs<'a> {
        let mut issue_pages: BTreeSet<(usize, &str)> = BTreeSet::new();
        let mut province_pages: BTreeSet<usize> = BTreeSet::new();
        let mut every_issue_of: BTreeSet<usize> = BTreeSet::new();
        let mut topic_pages: BTreeSet<String> = BTreeSet::new();
        let (mut home, mut provinces, mut topics, mut every_province) =
            (false, false, false, false);
        let (mut form, mut catalog) = (false, false);
        for &(at, old) in changed {
            let Some(new) = site.issue(at, &old.slug) else {
                continue;
            };
            issue_pages.insert((at, new.slug.as_str()));
            if card(old) != card(new) {
                province_pages.insert(at);
                topic_pages.insert(old.facts.topic.clone());
                topic_pages.insert(new.facts.topic.clone());
            }
            if entry(old) != entry(new) {
                form = true;
                catalog = true;
            }
            if old.facts.topic != new.facts.topic {
                (home, topics, every_province) = (true, true, true);
            }
            if old.facts.status != new.facts.status {
                (home, provinces) = (true, true);
            }
        }
        let provinces_changed: BTreeSet<usize> = changed.iter().map(|&(at, _)| at).collect();
        for at in provinces_changed {
            let Some(p) = site.provinces.get(at) else {
                continue;
            };
            let after = p.issues.iter().any(validated);
            let before = p.issues.iter().any(|i| {
                let was = changed
                    .iter()
                    .find(|&&(p, old)| p == at && old.slug == i.slug)
                    .map_or(i, |&(_, old)| old);
                validated(was)
            });
            if before != after {
                every_issue_of.insert(at);
                province_pages.insert(at);
                (home, provinces, form) = (true, true, true);
            }
        }
        let mut pages = Vec::new();
        for lang in Lang::ALL {
            if home {
                pages.push(Spec::Home(lang));
            }
            if provinces {
                pages.push(Spec::Provinces(lang));
            }
            if topics {
                pages.push(Spec::Topics(lang));
            }
            if form {
                pages.push(Spec::Form(lang));
            }
            for (at, p) in site.provinces.iter().enumerate() {
                if every_province || province_pages.contains(&at) {
                    pages.push(Spec::Province(p, lang));
                }
                for i in &p.issues {
                    if every_issue_of.contains(&at) || issue_pages.contains(&(at, i.slug.as_str()))
                    {
                        pages.push(Spec::Issue(p, i, lang));
                    }
                }
            }
            for t in site.topics.iter().filter(|t| topic_pages.contains(&t.slug)) {
                pages.push(Spec::Topic(t, lang));
            }
        }
        Jobs {
            pages,
            whole_site: false,
            catalog,
            search: false,
        }
    }
}

/// What an issue's card, its list entries and its catalog entry show: the Indonesian and
/// English title and summary, topic, status and validation date.
type Card<'i> = (
    (&'i Option<String>, &'i Option<String>),
    Option<(&'i Option<String>, &'i Option<String>)>,
    &'i str,
    IssueStatus,
    Option<Date>,
);

/// The [`Card`] of an issue.
fn card(i: &Issue) -> Card<'_> {
    let en = i.words.en.as_ref();
    (
        (&i.words.id.title, &i.words.id.summary),
        en.map(|w| (&w.title, &w.summary)),
        &i.facts.topic,
        i.facts.status,
        i.facts.validated_on,
    )
}

/// What the form page and `catalog.json` show of an issue: its titles, topic and status.
fn entry(i: &Issue) -> (&Option<String>, Option<&Option<String>>, &str, IssueStatus) {
    (
        &i.words.id.title,
        i.words.en.as_ref().map(|w| &w.title),
        &i.facts.topic,
        i.facts.status,
    )
}

fn validated(i: &Issue) -> bool {
    i.facts.status == IssueStatus::Validated
}
