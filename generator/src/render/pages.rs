//! One render job per content page and language: home, provinces, issues, topics, news,
//! pages, and the bilingual 404.

use serde_json::json;
use winner_catalog::{IssueStatus, Lang, WindowState};

use super::context::{Env, Meta, page_route};
use super::dates::DateView;
use super::urls::{Route, form_for};
use super::{Job, RenderError};
use crate::content::model::{PageLayout, Topic};
use crate::content::{Issue, NewsItem, Page, Province};

/// How many news items the home page shows.
const HOME_NEWS: usize = 3;

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

    /// Whether the sitemap lists the page.
    pub(crate) fn in_sitemap(&self) -> bool {
        !matches!(self, Spec::Sent(_) | Spec::NotFound)
    }

    /// Builds the page's job (its context, Markdown body included).
    pub(crate) fn job(&self, env: &Env<'a>) -> Result<Job, RenderError> {
        match *self {
            Spec::Home(l) => home(env, l),
            Spec::Provinces(l) => provinces(env, l),
            Spec::Province(p, l) => province(env, p, l),
            Spec::Issue(p, i, l) => issue(env, p, i, l),
            Spec::Topics(l) => topics(env, l),
            Spec::Topic(t, l) => topic(env, t, l),
            Spec::NewsList(l) => news_list(env, l),
            Spec::NewsItem(n, l) => news_item(env, n, l),
            Spec::Page(p, l) => page(env, p, l),
            Spec::Form(l) => super::form::form_page(env, l),
            Spec::Sent(l) => super::form::sent_page(env, l),
            Spec::Search(l) => search_page(env, l),
            Spec::NotFound => not_found(env),
        }
    }
}

/// Every HTML page in both languages (content pages, the form and its thank-you page), plus
/// `404.html`.
pub(crate) fn specs<'a>(site: &'a crate::content::Site) -> Vec<Spec<'a>> {
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
    specs
}

/// A job for `route` in `lang`, listed in the sitemap.
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

fn meta<'r>(route: Route<'r>, title: String, description: String, section: &'r str) -> Meta<'r> {
    Meta {
        route,
        title,
        title_fallback: false,
        description,
        crumbs: Vec::new(),
        section,
        og_type: "website",
        sources: &[],
        noindex: false,
    }
}

fn home(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
    let cfg = &env.site.config;
    let mut m = meta(
        Route::Home,
        cfg.title.get(lang).to_owned(),
        cfg.description.get(lang).to_owned(),
        "home",
    );
    m.sources = &cfg.sources;
    let mut ctx = env.base(lang, &m)?;
    let cards = province_cards(env, lang)?;
    let open = env.site.provinces.iter().any(|p| accepts(env, p));
    ctx.insert("intro", cfg.intro.get(lang));
    ctx.insert("provinces", &cards);
    ctx.insert("topics", &env.topic_cards(lang));
    ctx.insert("news", &env.news_cards(lang, HOME_NEWS));
    ctx.insert("proposals_open", &open);
    ctx.insert("map", &env.home_map(lang)?);
    env.credit_map(&mut ctx, lang)?;
    Ok(job(Route::Home, lang, "home.html", ctx))
}

/// Whether any validated issue of a province takes proposals on `today`.
pub(crate) fn accepts(env: &Env<'_>, p: &crate::content::Province) -> bool {
    p.facts
        .proposals
        .is_some_and(|w| w.state_on(env.options.today) == WindowState::Open)
        && p.issues
            .iter()
            .any(|i| i.facts.status == IssueStatus::Validated)
}

fn province_cards(
    env: &Env<'_>,
    lang: Lang,
) -> Result<Vec<super::context::ProvinceCard>, RenderError> {
    env.site
        .provinces
        .iter()
        .map(|p| env.province_card(p, lang))
        .collect()
}

fn provinces(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
    let title = env.t(lang, "provinces.title")?;
    let mut m = meta(
        Route::Provinces,
        title,
        env.t(lang, "provinces.description")?,
        "provinces",
    );
    m.sources = &env.site.config.sources;
    let mut ctx = env.base(lang, &m)?;
    ctx.insert("provinces", &province_cards(env, lang)?);
    Ok(job(Route::Provinces, lang, "provinces.html", ctx))
}

fn province(env: &Env<'_>, p: &crate::content::Province, lang: Lang) -> Result<Job, RenderError> {
    let route = Route::Province(&p.slug);
    let (words, _) = p.narrative.get(lang);
    let description = match &words.summary {
        Some(s) => s.clone(),
        None => env
            .strings
            .fill(lang, "province.description", &[("name", &p.facts.name)])?,
    };
    let mut m = meta(route, p.facts.name.clone(), description, "provinces");
    m.crumbs = vec![(env.t(lang, "nav.provinces")?, Route::Provinces)];
    m.sources = &p.facts.sources;
    let mut ctx = env.base(lang, &m)?;
    let issues = p
        .issues
        .iter()
        .map(|i| env.issue_card(p, i, lang))
        .collect::<Result<Vec<_>, _>>()?;
    let validation = p.facts.validation.as_ref().map(|v| {
        json!({
            "date": DateView::new(v.date, lang),
            "place": v.place,
            "opened_by": v.opened_by,
            "agencies": v.agencies,
        })
    });
    let window = p.facts.proposals.map(|w| {
        json!({
            "opens": w.opens.map(|d| DateView::new(d, lang)),
            "closes": w.closes.map(|d| DateView::new(d, lang)),
        })
    });
    ctx.insert(
        "province",
        &json!({
            "name": p.facts.name,
            "code": p.facts.code,
            "capital": p.facts.capital,
            "wave": p.facts.wave,
            "validation": validation,
            "window": window,
            "status": env.window(p, lang)?,
            "accepts": accepts(env, p),
            "form_href": Route::Form.path(lang),
        }),
    );
    ctx.insert("body", &env.body(&p.narrative, lang)?);
    ctx.insert("issues", &issues);
    ctx.insert("topics", &env.topic_cards(lang));
    ctx.insert("locator", &env.locator(p, lang)?);
    env.credit_map(&mut ctx, lang)?;
    Ok(job(route, lang, "province.html", ctx))
}

fn issue(
    env: &Env<'_>,
    p: &crate::content::Province,
    i: &crate::content::Issue,
    lang: Lang,
) -> Result<Job, RenderError> {
    let route = Route::Issue(&p.slug, &i.slug);
    let card = env.issue_card(p, i, lang)?;
    let mut m = meta(route, card.title.clone(), card.summary.clone(), "provinces");
    m.title_fallback = card.fallback;
    m.og_type = "article";
    m.crumbs = vec![
        (env.t(lang, "nav.provinces")?, Route::Provinces),
        (p.facts.name.clone(), Route::Province(&p.slug)),
    ];
    m.sources = &i.facts.sources;
    let mut ctx = env.base(lang, &m)?;
    let open = accepts(env, p) && card.validated;
    ctx.insert(
        "issue",
        &json!({
            "card": card,
            "agencies": i.facts.agencies,
            "window": env.window(p, lang)?,
            "open": open,
            "apply_href": form_for(lang, &p.slug, &i.slug),
        }),
    );
    ctx.insert("body", &env.body(&i.words, lang)?);
    Ok(job(route, lang, "issue.html", ctx))
}

fn topics(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
    let mut m = meta(
        Route::Topics,
        env.t(lang, "topics.title")?,
        env.t(lang, "topics.description")?,
        "topics",
    );
    m.sources = &env.site.topic_sources;
    let mut ctx = env.base(lang, &m)?;
    ctx.insert("topics", &env.topic_cards(lang));
    Ok(job(Route::Topics, lang, "topics.html", ctx))
}

fn topic(env: &Env<'_>, t: &crate::content::model::Topic, lang: Lang) -> Result<Job, RenderError> {
    let route = Route::Topic(&t.slug);
    let mut m = meta(
        route,
        t.name.get(lang).to_owned(),
        t.description.get(lang).to_owned(),
        "topics",
    );
    m.crumbs = vec![(env.t(lang, "nav.topics")?, Route::Topics)];
    m.sources = &env.site.topic_sources;
    let mut ctx = env.base(lang, &m)?;
    let mut cards = Vec::new();
    for p in &env.site.provinces {
        for i in p.issues.iter().filter(|i| i.facts.topic == t.slug) {
            cards.push(env.issue_card(p, i, lang)?);
        }
    }
    ctx.insert("description", t.description.get(lang));
    ctx.insert("issues", &cards);
    Ok(job(route, lang, "topic.html", ctx))
}

fn news_list(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
    let m = meta(
        Route::News,
        env.t(lang, "news.title")?,
        env.t(lang, "news.description")?,
        "news",
    );
    let mut ctx = env.base(lang, &m)?;
    ctx.insert("news", &env.news_cards(lang, usize::MAX));
    Ok(job(Route::News, lang, "news_list.html", ctx))
}

fn news_item(env: &Env<'_>, n: &crate::content::NewsItem, lang: Lang) -> Result<Job, RenderError> {
    let route = Route::NewsItem(&n.slug);
    let (words, fallback) = n.words.get(lang);
    let mut m = meta(
        route,
        words.title.clone().unwrap_or_else(|| n.facts.title.clone()),
        words
            .summary
            .clone()
            .unwrap_or_else(|| n.facts.summary.clone()),
        "news",
    );
    m.title_fallback = fallback;
    m.og_type = "article";
    m.crumbs = vec![(env.t(lang, "nav.news")?, Route::News)];
    m.sources = &n.facts.sources;
    let mut ctx = env.base(lang, &m)?;
    let provinces: Vec<_> = n
        .facts
        .provinces
        .iter()
        .filter_map(|slug| env.site.provinces.iter().find(|p| &p.slug == slug))
        .map(|p| json!({ "name": p.facts.name, "href": Route::Province(&p.slug).path(lang) }))
        .collect();
    ctx.insert("date", &DateView::new(n.date, lang));
    ctx.insert("provinces", &provinces);
    ctx.insert("body", &env.body(&n.words, lang)?);
    Ok(job(route, lang, "news.html", ctx))
}

fn page(env: &Env<'_>, p: &crate::content::Page, lang: Lang) -> Result<Job, RenderError> {
    let route = page_route(p);
    let (words, fallback) = p.words.get(lang);
    let mut m = meta(
        route,
        words.title.clone().unwrap_or_else(|| p.facts.title.clone()),
        words
            .summary
            .clone()
            .unwrap_or_else(|| p.facts.summary.clone()),
        &p.slug,
    );
    m.title_fallback = fallback;
    let mut sources = p.facts.sources.clone();
    let mut stages = Vec::new();
    if p.facts.layout == Some(PageLayout::Stages) {
        for s in &env.site.config.competition.stages {
            sources.extend(
                s.sources
                    .iter()
                    .filter(|x| !sources.contains(x))
                    .cloned()
                    .collect::<Vec<_>>(),
            );
            stages.push(json!({
                "slug": s.slug,
                "title": s.title.get(lang),
                "description": s.description.get(lang),
                "starts": s.starts.map(|d| DateView::new(d, lang)),
                "ends": s.ends.map(|d| DateView::new(d, lang)),
                "note": s.note.as_ref().map(|n| n.get(lang)),
            }));
        }
    }
    m.sources = &sources;
    let mut ctx = env.base(lang, &m)?;
    ctx.insert("body", &env.body(&p.words, lang)?);
    ctx.insert("stages", &stages);
    Ok(job(route, lang, "page.html", ctx))
}

/// The search page. Without JavaScript (or before the index loads) it offers the plain
/// province and topic lists; `search.js` turns the form into a live search over the Pagefind
/// index, narrowed by province and topic.
fn search_page(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
    let mut m = meta(
        Route::Search,
        env.t(lang, "search.title")?,
        env.t(lang, "search.description")?,
        "search",
    );
    m.noindex = false;
    let mut ctx = env.base(lang, &m)?;
    let provinces: Vec<_> = env
        .site
        .provinces
        .iter()
        .map(|p| json!({ "name": p.facts.name, "href": Route::Province(&p.slug).path(lang) }))
        .collect();
    let topics: Vec<_> = env
        .site
        .topics
        .iter()
        .map(|t| json!({ "name": t.name.get(lang), "href": Route::Topic(&t.slug).path(lang) }))
        .collect();
    ctx.insert("provinces", &provinces);
    ctx.insert("topics", &topics);
    ctx.insert("provinces_href", &Route::Provinces.path(lang));
    ctx.insert("topics_href", &Route::Topics.path(lang));
    Ok(job(Route::Search, lang, "search.html", ctx))
}

fn not_found(env: &Env<'_>) -> Result<Job, RenderError> {
    let mut m = meta(
        Route::Home,
        env.t(Lang::Id, "notfound.title")?,
        env.t(Lang::Id, "notfound.title")?,
        "",
    );
    m.noindex = true;
    let mut ctx = env.base(Lang::Id, &m)?;
    ctx.insert("en_title", &env.t(Lang::En, "notfound.title")?);
    ctx.insert("en_text", &env.t(Lang::En, "notfound.text")?);
    ctx.insert("en_home", &env.t(Lang::En, "notfound.home")?);
    Ok(Job {
        path: "404.html".into(),
        template: "404.html",
        context: ctx,
    })
}
