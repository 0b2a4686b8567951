//! The page builders: one template context per content page and language (home, provinces,
//! issues, topics, news, pages, search, and the bilingual 404). [`super::jobs`] lists the
//! pages and calls these; [`super::form`] builds the form's two pages.

use winner_catalog::Lang;

use super::context::{
    Env, IssueView, Job, LinkView, Meta, OpenProvince, ProvinceView, StageView, ValidationView,
    WindowDates, accepts, job, page_route,
};
use super::dates::DateView;
use super::error::RenderError;
use super::urls::{Route, form_for, form_for_province};
use crate::content::model::PageLayout;

/// How many news items the home page shows: the latest one, which keeps the home page within
/// one round trip (14,600 B gzipped with its CSS) on the days two windows are open; the news
/// list has them all.
const HOME_NEWS: usize = 1;

fn meta<'r>(route: Route<'r>, title: String, description: String, section: &'r str) -> Meta<'r> {
    Meta {
        route,
        title,
        title_fallback: false,
        title_context: None,
        description,
        crumbs: Vec::new(),
        section,
        og_type: "website",
        sources: &[],
        noindex: false,
    }
}

pub(crate) fn home(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
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
    let open: Vec<OpenProvince> = env
        .site
        .provinces
        .iter()
        .filter(|p| accepts(p, env.options.today))
        .map(|p| OpenProvince {
            name: p.facts.name.clone(),
            href: Route::Province(&p.slug).path(lang),
            closes: p
                .facts
                .proposals
                .and_then(|w| w.closes)
                .map(|d| DateView::new(d, lang)),
        })
        .collect();
    ctx.insert("intro", cfg.intro.get(lang));
    ctx.insert("provinces", &cards);
    ctx.insert("topics", &env.topic_cards(lang));
    ctx.insert("news", &env.news_cards(lang, HOME_NEWS));
    ctx.insert("open_provinces", &open);
    ctx.insert("jsonld", &Some(super::jsonld::home(env, lang)));
    ctx.insert("map", &env.home_map(lang)?);
    env.credit_map(&mut ctx, lang)?;
    Ok(job(Route::Home, lang, "home.html", ctx))
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

pub(crate) fn provinces(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
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

pub(crate) fn province(
    env: &Env<'_>,
    p: &crate::content::Province,
    lang: Lang,
) -> Result<Job, RenderError> {
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
    let validation = p.facts.validation.as_ref().map(|v| ValidationView {
        date: DateView::new(v.date, lang),
        place: &v.place,
        opened_by: v.opened_by.as_deref(),
        agencies: &v.agencies,
    });
    let window = p.facts.proposals.map(|w| WindowDates {
        opens: w.opens.map(|d| DateView::new(d, lang)),
        closes: w.closes.map(|d| DateView::new(d, lang)),
    });
    ctx.insert(
        "province",
        &ProvinceView {
            name: &p.facts.name,
            code: &p.facts.code,
            capital: &p.facts.capital,
            wave: p.facts.wave,
            validation,
            window,
            status: env.window(p, lang)?,
            accepts: accepts(p, env.options.today),
            form_href: form_for_province(lang, &p.slug),
        },
    );
    ctx.insert("body", &env.body(&p.narrative, lang)?);
    ctx.insert("issues", &issues);
    ctx.insert("topics", &env.topic_cards(lang));
    ctx.insert("locator", &env.locator(p, lang)?);
    ctx.insert("jsonld", &super::jsonld::province(env, p, lang)?);
    env.credit_map(&mut ctx, lang)?;
    Ok(job(route, lang, "province.html", ctx))
}

pub(crate) fn issue(
    env: &Env<'_>,
    p: &crate::content::Province,
    i: &crate::content::Issue,
    lang: Lang,
) -> Result<Job, RenderError> {
    let route = Route::Issue(&p.slug, &i.slug);
    let card = env.issue_card(p, i, lang)?;
    let mut m = meta(route, card.title.clone(), card.summary.clone(), "provinces");
    m.title_fallback = card.fallback;
    m.title_context = Some(p.facts.name.clone());
    m.og_type = "article";
    m.crumbs = vec![
        (env.t(lang, "nav.provinces")?, Route::Provinces),
        (p.facts.name.clone(), Route::Province(&p.slug)),
    ];
    m.sources = &i.facts.sources;
    let mut ctx = env.base(lang, &m)?;
    let open = accepts(p, env.options.today) && card.validated;
    ctx.insert(
        "issue",
        &IssueView {
            card,
            agencies: &i.facts.agencies,
            window: env.window(p, lang)?,
            open,
            apply_href: form_for(lang, &p.slug, &i.slug),
        },
    );
    ctx.insert("body", &env.body(&i.words, lang)?);
    Ok(job(route, lang, "issue.html", ctx))
}

pub(crate) fn topics(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
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

pub(crate) fn topic(
    env: &Env<'_>,
    t: &crate::content::model::Topic,
    lang: Lang,
) -> Result<Job, RenderError> {
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

pub(crate) fn news_list(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
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

pub(crate) fn news_item(
    env: &Env<'_>,
    n: &crate::content::NewsItem,
    lang: Lang,
) -> Result<Job, RenderError> {
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
        .map(|p| LinkView {
            name: p.facts.name.clone(),
            href: Route::Province(&p.slug).path(lang),
        })
        .collect();
    ctx.insert("date", &DateView::new(n.date, lang));
    ctx.insert("provinces", &provinces);
    ctx.insert("body", &env.body(&n.words, lang)?);
    Ok(job(route, lang, "news.html", ctx))
}

pub(crate) fn page(
    env: &Env<'_>,
    p: &crate::content::Page,
    lang: Lang,
) -> Result<Job, RenderError> {
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
            stages.push(StageView {
                slug: &s.slug,
                title: s.title.get(lang),
                description: s.description.get(lang),
                starts: s.starts.map(|d| DateView::new(d, lang)),
                ends: s.ends.map(|d| DateView::new(d, lang)),
                note: s.note.as_ref().map(|n| n.get(lang)),
            });
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
pub(crate) fn search_page(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
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
        .map(|p| LinkView {
            name: p.facts.name.clone(),
            href: Route::Province(&p.slug).path(lang),
        })
        .collect();
    let topics: Vec<_> = env
        .site
        .topics
        .iter()
        .map(|t| LinkView {
            name: t.name.get(lang).to_owned(),
            href: Route::Topic(&t.slug).path(lang),
        })
        .collect();
    ctx.insert("provinces", &provinces);
    ctx.insert("topics", &topics);
    ctx.insert("provinces_href", &Route::Provinces.path(lang));
    ctx.insert("topics_href", &Route::Topics.path(lang));
    Ok(job(Route::Search, lang, "search.html", ctx))
}

pub(crate) fn not_found(env: &Env<'_>) -> Result<Job, RenderError> {
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
