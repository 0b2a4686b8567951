//! Rendering: the in-memory [`Site`] and a [`Theme`] in, every output file's bytes out.
//!
//! Nothing here touches the disk: [`render_jobs`] hands every file it makes to an
//! [`output::Sink`](crate::output::Sink), which decides where it goes (a staging folder, the
//! served folder, memory, or nowhere). The theme arrives loaded ([`crate::theme`]). The
//! result depends only on its inputs: every collection iterated here is ordered, and the only
//! date used is data or [`Options::today`], so two renders of the same input are
//! byte-identical.
//!
//! Module map, one job each:
//! - [`jobs`]: what one render makes ([`Jobs::full`], [`Jobs::for_issues`]);
//! - [`urls`]: every page's path in both languages, and the `@/` link resolver;
//! - [`markdown`]: Markdown to safe HTML (escaped raw HTML, heading ids, rewritten links);
//! - [`context`]: the serialisable views templates see, built from the model;
//! - [`pages`] and [`form`]: one tera context per HTML page;
//! - [`dates`]: dates in words per language;
//! - [`catalog`], [`feeds`], [`sitemap`]: the side outputs;
//! - [`jsonld`]: structured data (the organiser, open proposals windows);
//! - [`map`]: the province map (inline SVG on the home page, locator images);
//! - [`error`], [`options`]: why a render stops, and what it needs besides content and theme.

pub mod catalog;
pub mod context;
pub mod dates;
pub mod error;
pub mod feeds;
pub mod form;
pub mod jobs;
mod jsonld;
pub mod map;
pub mod markdown;
pub mod options;
pub mod pages;
#[cfg(feature = "search")]
mod search;
pub mod sitemap;
pub mod urls;
pub mod views;

use rayon::prelude::*;

use crate::content::Site;
use crate::output::{Memory, Output, Sink};
use crate::theme::Theme;
use context::Env;

pub use error::{RenderError, Stopped};
pub use jobs::Jobs;
pub use options::Options;

/// Renders the whole site into memory: a convenience for tests and tools over
/// [`render_jobs`] with [`Jobs::full`] and a [`Memory`] sink.
pub fn render(site: &Site, theme: &Theme, options: &Options) -> Result<Output, Stopped> {
    let env = Env::new(site, theme, options)?;
    let memory = Memory::new();
    render_jobs(&env, &Jobs::full(site), &memory)?;
    Ok(memory.into_output())
}

/// The search index of the whole site alone (`pagefind/`): what `serve` writes again in the
/// background after an incremental update, which renders only the pages an edit touched.
/// `None` if `wanted` said no between two steps of the work (a newer edit came in).
/// Without the `search` feature there is no index: no files.
pub fn search_index(
    env: &Env<'_>,
    site: &Site,
    wanted: &(dyn Fn() -> bool + Sync),
) -> Result<Option<crate::output::Output>, RenderError> {
    #[cfg(feature = "search")]
    return search::build(env, &Jobs::full(site).pages, wanted);
    #[cfg(not(feature = "search"))]
    {
        let _ = (env, site, wanted);
        Ok(Some(crate::output::Output::new()))
    }
}

/// [`search_index`] of a wanted index, giving Pagefind `step` records at a time: for the test
/// that shows the steps change nothing.
#[cfg(all(test, feature = "search"))]
pub(crate) fn search_index_in_steps(
    env: &Env<'_>,
    site: &Site,
    step: usize,
) -> Result<Option<crate::output::Output>, RenderError> {
    search::build_in_steps(env, &Jobs::full(site).pages, &|| true, step)
}

/// Renders `jobs`, handing each file to `sink` as soon as it is made: HTML pages are built,
/// rendered and handed over in parallel (nothing of a page is kept once `sink` returns),
/// while the search index, when asked for, is built on a thread of its own.
pub fn render_jobs(env: &Env<'_>, jobs: &Jobs<'_>, sink: &dyn Sink) -> Result<(), Stopped> {
    let started = std::time::Instant::now();
    std::thread::scope(|scope| {
        #[cfg(feature = "search")]
        let search = jobs
            .search
            .then(|| scope.spawn(|| search::build(env, &jobs.pages, &|| true)));
        #[cfg(not(feature = "search"))]
        let _ = scope;
        let pages = render_pages(env, &jobs.pages, sink);
        #[cfg(feature = "search")]
        if let Some(search) = search {
            // Join before returning, whatever the pages' outcome, so that a failed page
            // render reports its own error rather than the search thread's.
            let files = search
                .join()
                .map_err(|_| RenderError::Search("the search index thread panicked".into()));
            pages?;
            // A full build always wants its index, so it is always there.
            let files = files??.ok_or_else(|| RenderError::Search("stopped".into()))?;
            for (path, bytes) in files {
                sink.put(path, bytes)?;
            }
            return Ok(());
        }
        pages
    })?;
    tracing::debug!(
        "{} pages in {:.1} ms",
        jobs.pages.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    if jobs.whole_site {
        sink.put(
            "sitemap.xml".into(),
            sitemap::build(env, &jobs.pages).into_bytes(),
        )?;
        for (path, body) in feeds::build(env)? {
            sink.put(path, body.into_bytes())?;
        }
        sink.put(
            "robots.txt".into(),
            format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
                env.options.base_url.trim_end_matches('/')
            )
            .into_bytes(),
        )?;
        for asset in &env.theme.assets {
            sink.put(asset.path.clone(), asset.bytes.clone())?;
        }
        for locator in env.locators.values() {
            sink.put(locator.path.clone(), locator.bytes.clone())?;
        }
        // Images and documents under their hashed names; the same bytes kept twice (two
        // provinces' copies of one logo) are one file.
        let mut media = std::collections::BTreeSet::new();
        for m in env.site.media.values() {
            let path = m.output_path();
            if media.insert(path.clone()) {
                sink.put(path, m.bytes.to_vec())?;
            }
        }
    }
    if jobs.catalog {
        sink.put(
            "catalog.json".into(),
            catalog::build(env).to_json().into_bytes(),
        )?;
    }
    Ok(())
}

/// Renders `specs` in parallel, handing each page to `sink`.
fn render_pages(env: &Env<'_>, specs: &[jobs::Spec<'_>], sink: &dyn Sink) -> Result<(), Stopped> {
    specs.par_iter().try_for_each(|spec| {
        let job = spec.job(env)?;
        let mut html = Vec::with_capacity(16 * 1024);
        env.theme
            .tera
            .render_to(job.template, &job.context, &mut html)
            .map_err(|source| RenderError::Page {
                path: job.path.clone(),
                source,
            })?;
        sink.put(job.path, html)?;
        Ok(())
    })
}
