//! The serialisable views templates see, built from the model (never the model itself).
//!
//! Every HTML template gets the same top-level variables from [`Env::base`]:
//! `lang`, `site`, `nav`, `page` (title, description, canonical and alternate URLs, the
//! language switch, breadcrumbs, Open Graph, sources) and `assets`; page builders add
//! their own variables (`issue`, `cards`, `body`, …). Texts are already in the page's
//! language; `fallback` flags say when English content is shown in Indonesian.

use std::collections::BTreeMap;

use serde::Serialize;
use winner_catalog::{IssueStatus, Lang, WindowState};

use super::dates::DateView;
use super::error::RenderError;
use super::map::{self, Locator};
use super::markdown;
use super::options::Options;
use super::urls::{Links, Route, absolute};
pub use super::views::*;
use crate::content::model::PageLayout;
use crate::content::model::{Source, Topic};
use crate::content::{Bilingual, Issue, Page, Province, Site, Words};
use crate::theme::{Strings, Theme};

/// One HTML page to render: its output path, template and full context.
pub(crate) struct Job {
    /// Output path, e.g. `provinsi/banten/index.html`.
    pub(crate) path: String,
    /// Template name, e.g. `province.html`.
    pub(crate) template: &'static str,
    /// The template context.
    pub(crate) context: tera::Context,
}

/// A job for `route` in `lang`.
pub(crate) fn job(
    route: Route<'_>,
    lang: Lang,
    template: &'static str,
    context: tera::Context,
) -> Job {
    Job {
        path: route.file(lang),
        template,
        context,
    }
}

/// Whether any validated issue of a province takes proposals on `today`: the catalog's
/// rule, the one submit-fn applies to each proposal.
pub(crate) fn accepts(p: &Province, today: time::Date) -> bool {
    winner_catalog::takes_proposals(
        p.facts.proposals,
        p.issues.iter().map(|i| i.facts.status),
        today,
    )
}

/// Everything page builders share: the site, the theme, the options and lookups.
pub struct Env<'a> {
    /// The site.
    pub site: &'a Site,
    /// The theme.
    pub theme: &'a Theme,
    /// Render options.
    pub options: &'a Options,
    /// UI strings.
    pub strings: &'a Strings,
    /// `@/` link resolver.
    pub links: Links<'a>,
    /// Topics by slug.
    pub topics: BTreeMap<&'a str, &'a Topic>,
    /// The page with layout `stages`, if any.
    pub stages_page: Option<&'a Page>,
    /// The privacy notice page, if any (see [`Env::new`]).
    pub privacy_page: Option<&'a Page>,
    /// Locator images by province code (empty when the theme has no map).
    pub locators: BTreeMap<String, Locator>,
    assets: Assets,
}

/// Fingerprinted asset URLs.
#[derive(Debug, Clone, Serialize)]
pub struct Assets {
    /// The stylesheet.
    pub css: String,
    /// The form script.
    pub form_js: String,
    /// The thank-you page script.
    pub sent_js: String,
    /// The search page script.
    pub search_js: String,
    /// The site's icon (SVG).
    pub favicon: String,
    /// Absolute URL of the share image (`og:image`, PNG).
    pub share_image: String,
}

/// What a page says about itself, for `<head>`, breadcrumbs and sources.
#[derive(Debug, Clone)]
pub struct Meta<'r> {
    /// The page.
    pub route: Route<'r>,
    /// `<h1>` and `<title>`.
    pub title: String,
    /// Set when the title is Indonesian text on an English page.
    pub title_fallback: bool,
    /// Added to the `<title>` after the title (an issue's province).
    pub title_context: Option<String>,
    /// Meta description.
    pub description: String,
    /// Breadcrumbs between Home and this page (label, route).
    pub crumbs: Vec<(String, Route<'r>)>,
    /// Navigation section to mark current (`home`, `provinces`, `topics`, `news`, `form`,
    /// or a page slug).
    pub section: &'r str,
    /// `website` or `article`.
    pub og_type: &'static str,
    /// Sources listed at the end of the page.
    pub sources: &'r [Source],
    /// Keep out of search engines (thank-you page).
    pub noindex: bool,
}

impl<'a> Env<'a> {
    /// Prepares lookups. The privacy page is the page whose slug or English slug mentions
    /// `privasi`/`privacy` (the consent checkbox links it).
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        options: &'a Options,
    ) -> Result<Self, RenderError> {
        Self::with_locators(site, theme, options, locators_for(site, theme)?)
    }

    /// [`Env::new`] with the province locator images already made by [`locators_for`] (they
    /// depend only on the theme's map and the province codes, so `serve` keeps them between
    /// updates).
    pub fn with_locators(
        site: &'a Site,
        theme: &'a Theme,
        options: &'a Options,
        locators: BTreeMap<String, Locator>,
    ) -> Result<Self, RenderError> {
        let assets = Assets {
            css: theme.asset_url("site.css")?,
            form_js: theme.asset_url("form.js")?,
            sent_js: theme.asset_url("sent.js")?,
            search_js: if cfg!(feature = "search") {
                theme.asset_url("search.js")?
            } else {
                String::new()
            },
            favicon: theme.asset_url("favicon.svg")?,
            share_image: absolute(&options.base_url, &theme.asset_url("share.png")?),
        };
        Ok(Env {
            locators,
            site,
            theme,
            options,
            strings: theme.strings(),
            links: Links::new(site),
            topics: site.topics.iter().map(|t| (t.slug.as_str(), t)).collect(),
            stages_page: site
                .pages
                .iter()
                .find(|p| p.facts.layout == Some(PageLayout::Stages)),
            privacy_page: site.privacy_page(),
            assets,
        })
    }

    /// A UI string.
    pub fn t(&self, lang: Lang, key: &str) -> Result<String, RenderError> {
        Ok(self.strings.get(lang, key)?.to_owned())
    }

    /// The variables every HTML page gets (see the module docs).
    pub fn base(&self, lang: Lang, meta: &Meta<'_>) -> Result<tera::Context, RenderError> {
        let other = match lang {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        };
        let cfg = &self.site.config;
        let base_url = &self.options.base_url;
        // The header carries the five destinations a visitor on a phone needs (home, provinces,
        // topics, news, the form); the other pages and search are linked from the footer.
        let any_open = self
            .site
            .provinces
            .iter()
            .any(|p| accepts(p, self.options.today));
        let nav = vec![
            (self.t(lang, "nav.home")?, Route::Home, "home"),
            (
                self.t(lang, "nav.provinces")?,
                Route::Provinces,
                "provinces",
            ),
            (self.t(lang, "nav.topics")?, Route::Topics, "topics"),
            (self.t(lang, "nav.news")?, Route::News, "news"),
            (self.t(lang, "nav.apply")?, Route::Form, "form"),
        ];
        let mut more = Vec::new();
        if cfg!(feature = "search") {
            more.push((self.t(lang, "nav.search")?, Route::Search, "search"));
        }
        for p in self
            .site
            .pages
            .iter()
            .filter(|p| p.facts.nav_order.is_some())
        {
            let (words, _) = p.words.get(lang);
            let label = words.title.clone().unwrap_or_else(|| p.facts.title.clone());
            more.push((label, page_route(p), p.slug.as_str()));
        }
        let path = meta.route.path(lang);
        let items = |list: Vec<(String, Route<'_>, &str)>| -> Vec<NavItem> {
            list.into_iter()
                .map(|(label, route, section)| {
                    let href = route.path(lang);
                    let current = match (href == path, section == meta.section) {
                        (true, _) => "page",
                        (false, true) => "true",
                        (false, false) => "",
                    };
                    NavItem {
                        label,
                        cta: any_open && route == Route::Form,
                        href,
                        current,
                    }
                })
                .collect()
        };
        let nav = items(nav);
        let more = items(more);
        let mut crumbs = vec![Crumb {
            label: self.t(lang, "nav.home")?,
            href: Route::Home.path(lang),
        }];
        crumbs.extend(meta.crumbs.iter().map(|(label, route)| Crumb {
            label: label.clone(),
            href: route.path(lang),
        }));
        let page = PageView {
            title: meta.title.clone(),
            title_fallback: meta.title_fallback,
            title_context: meta.title_context.clone(),
            description: meta.description.clone(),
            url: absolute(base_url, &path),
            url_id: absolute(base_url, &meta.route.path(Lang::Id)),
            url_en: absolute(base_url, &meta.route.path(Lang::En)),
            translation: meta.route.path(other),
            other_lang: other.code(),
            og_type: meta.og_type,
            og_locale: locale(lang),
            og_locale_alt: locale(other),
            crumbs,
            is_home: meta.route == Route::Home && meta.section == "home",
            noindex: meta.noindex,
            sources: self.sources(lang, meta.sources),
            path,
        };
        let site = SiteView {
            title: cfg.title.get(lang),
            tagline: cfg.tagline.get(lang),
            organiser: cfg.organiser.get(lang),
            competition: cfg.competition.name.get(lang),
            edition: &cfg.competition.edition,
            home_href: Route::Home.path(lang),
            form_href: Route::Form.path(lang),
            news_href: Route::News.path(lang),
            feed: format!("{}feed.xml", Route::Home.path(lang)),
            stages_href: self.stages_page.map(|p| page_route(p).path(lang)),
        };
        let mut ctx = tera::Context::new();
        ctx.insert("lang", lang.code());
        ctx.insert("site", &site);
        ctx.insert("nav", &nav);
        ctx.insert("nav_more", &more);
        ctx.insert("page", &page);
        ctx.insert("assets", &self.assets);
        ctx.insert("map_credit", &None::<String>);
        ctx.insert("jsonld", &None::<String>);
        Ok(ctx)
    }

    /// Adds the map attribution to a page that shows the map (the footer prints
    /// `map_credit` when set).
    pub fn credit_map(&self, ctx: &mut tera::Context, lang: Lang) -> Result<(), RenderError> {
        if let Some(data) = self.theme.map() {
            ctx.insert(
                "map_credit",
                &Some(map::credit_html(data, self.strings, lang)?),
            );
        }
        Ok(())
    }

    /// The home page's map: inline SVG with every province that has content linked (and
    /// marked open when it takes proposals today); `None` when the theme has no map.
    pub fn home_map(&self, lang: Lang) -> Result<Option<MapView>, RenderError> {
        let Some(data) = self.theme.map() else {
            return Ok(None);
        };
        let marks: BTreeMap<String, map::Mark> = self
            .site
            .provinces
            .iter()
            .map(|p| {
                let mark = map::Mark {
                    name: p.facts.name.clone(),
                    href: Route::Province(&p.slug).path(lang),
                    open: accepts(p, self.options.today),
                };
                (p.facts.code.clone(), mark)
            })
            .collect();
        Ok(Some(MapView {
            svg: map::home_svg(data, &marks, self.strings, lang)?,
            any_open: marks.values().any(|m| m.open),
            has_points: !data.points.is_empty(),
        }))
    }

    /// The locator image of a province, if the theme has a map.
    pub fn locator(&self, p: &Province, lang: Lang) -> Result<Option<LocatorView>, RenderError> {
        let Some(locator) = self.locators.get(&p.facts.code) else {
            return Ok(None);
        };
        let [_, _, width, height] = self.theme.map().map_or([0; 4], |m| m.view_box);
        Ok(Some(LocatorView {
            src: format!("/{}", locator.path),
            alt: self
                .strings
                .fill(lang, "map.locator_alt", &[("name", &p.facts.name)])?,
            width,
            height,
        }))
    }

    /// Sources for display.
    pub fn sources(&self, lang: Lang, sources: &[Source]) -> Vec<SourceView> {
        sources
            .iter()
            .map(|s| SourceView {
                title: s.title.clone(),
                url: s.url.clone(),
                publisher: s.publisher.clone(),
                published: s.published.map(|d| DateView::new(d, lang)),
            })
            .collect()
    }

    /// A Markdown body for `lang`, falling back to Indonesian.
    pub fn body(&self, words: &Bilingual<Words>, lang: Lang) -> Result<Body, RenderError> {
        let (w, fallback) = words.get(lang);
        Ok(Body {
            html: markdown::to_html(&w.body, lang, &self.links)?,
            fallback,
        })
    }

    /// The proposals window of a province, in words. A window that is open for a province
    /// without validated issues says that nothing can be proposed here yet, rather than
    /// inviting proposals the form cannot take.
    pub fn window(&self, province: &Province, lang: Lang) -> Result<WindowView, RenderError> {
        let date = |d| super::dates::long(d, lang);
        let Some(w) = province.facts.proposals.as_ref() else {
            return Ok(WindowView {
                state: "none",
                text: self.t(lang, "window.none")?,
            });
        };
        let (state, text) = match w.state_on(self.options.today) {
            WindowState::NotYetOpen(d) => (
                "not_yet",
                self.strings
                    .fill(lang, "window.not_yet", &[("date", &date(d))])?,
            ),
            WindowState::OpeningUnknown(_) => ("not_yet", self.t(lang, "window.opening_unknown")?),
            WindowState::Closed(d) => (
                "closed",
                self.strings
                    .fill(lang, "window.closed", &[("date", &date(d))])?,
            ),
            // Open, yet the one rule says no proposals: no validated issue.
            WindowState::Open if !accepts(province, self.options.today) => {
                ("no_issues", self.t(lang, "window.open_no_issues")?)
            }
            WindowState::Open => match w.closes {
                Some(d) => (
                    "open",
                    self.strings
                        .fill(lang, "window.open_until", &[("date", &date(d))])?,
                ),
                None => ("open", self.t(lang, "window.open")?),
            },
        };
        Ok(WindowView { state, text })
    }

    /// The topic of an issue; an unknown slug is an error naming the issue.
    pub fn topic(&self, issue: &Issue) -> Result<&'a Topic, RenderError> {
        self.topics
            .get(issue.facts.topic.as_str())
            .copied()
            .ok_or_else(|| {
                RenderError::Content(format!(
                    "issue `{}/{}` has topic `{}`, which topics.yaml does not define",
                    issue.province, issue.slug, issue.facts.topic
                ))
            })
    }

    /// The card of an issue.
    pub fn issue_card(
        &self,
        province: &Province,
        issue: &Issue,
        lang: Lang,
    ) -> Result<IssueCard, RenderError> {
        let (words, fallback) = issue.words.get(lang);
        let topic = self.topic(issue)?;
        Ok(IssueCard {
            title: words
                .title
                .clone()
                .unwrap_or_else(|| issue.facts.title.clone()),
            fallback,
            href: Route::Issue(&province.slug, &issue.slug).path(lang),
            province: province.facts.name.clone(),
            province_href: Route::Province(&province.slug).path(lang),
            topic: topic.name.get(lang).to_owned(),
            topic_href: Route::Topic(&topic.slug).path(lang),
            validated: issue.facts.status == IssueStatus::Validated,
            validated_on: issue.facts.validated_on.map(|d| DateView::new(d, lang)),
            summary: words
                .summary
                .clone()
                .unwrap_or_else(|| issue.facts.summary.clone()),
        })
    }

    /// The card of a province.
    pub fn province_card(&self, p: &Province, lang: Lang) -> Result<ProvinceCard, RenderError> {
        Ok(ProvinceCard {
            name: p.facts.name.clone(),
            href: Route::Province(&p.slug).path(lang),
            code: p.facts.code.clone(),
            wave: p.facts.wave,
            validated: p
                .issues
                .iter()
                .filter(|i| i.facts.status == IssueStatus::Validated)
                .count(),
            issues: p.issues.len(),
            issues_stated: p.facts.issues_stated.as_ref().map(|s| s.count),
            window: self.window(p, lang)?,
        })
    }

    /// Cards of every national topic, with issue counts.
    pub fn topic_cards(&self, lang: Lang) -> Vec<TopicCard> {
        self.site
            .topics
            .iter()
            .map(|t| TopicCard {
                name: t.name.get(lang).to_owned(),
                href: Route::Topic(&t.slug).path(lang),
                description: t.description.get(lang).to_owned(),
                count: self
                    .site
                    .provinces
                    .iter()
                    .flat_map(|p| &p.issues)
                    .filter(|i| i.facts.topic == t.slug)
                    .count(),
            })
            .collect()
    }

    /// Cards of the news, newest first.
    pub fn news_cards(&self, lang: Lang, limit: usize) -> Vec<NewsCard> {
        self.site
            .news
            .iter()
            .take(limit)
            .map(|n| {
                let (words, fallback) = n.words.get(lang);
                NewsCard {
                    title: words.title.clone().unwrap_or_else(|| n.facts.title.clone()),
                    fallback,
                    href: Route::NewsItem(&n.slug).path(lang),
                    date: DateView::new(n.date, lang),
                    summary: words
                        .summary
                        .clone()
                        .unwrap_or_else(|| n.facts.summary.clone()),
                }
            })
            .collect()
    }
}

/// The route of a page.
pub fn page_route(p: &Page) -> Route<'_> {
    Route::Page {
        id: &p.slug,
        en: &p.slug_en,
    }
}

/// Open Graph locale.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id_ID",
        Lang::En => "en_GB",
    }
}

/// The locator image of every province of `site` on the theme's map (none without a map).
pub fn locators_for(site: &Site, theme: &Theme) -> Result<BTreeMap<String, Locator>, RenderError> {
    let Some(data) = theme.map() else {
        return Ok(BTreeMap::new());
    };
    if let Some(p) = site.provinces.iter().find(|p| !data.knows(&p.facts.code)) {
        return Err(RenderError::Content(format!(
            "province `{}` has code `{}`, which the theme's map ({}) does not know",
            p.slug,
            p.facts.code,
            map::DATA_FILE
        )));
    }
    Ok(map::locators(
        data,
        site.provinces.iter().map(|p| p.facts.code.as_str()),
    ))
}
