//! Rendering: the in-memory [`Site`] and a [`Theme`] in, every output file's bytes out.
//!
//! Nothing here touches the disk except [`Theme::load`]; [`render`] returns an [`Output`]
//! (relative path to bytes) that the caller writes. The result depends only on its inputs:
//! every collection iterated here is ordered, and the only date used is data or
//! [`Options::today`], so two renders of the same input are byte-identical.
//!
//! Module map, one job each:
//! - [`urls`]: every page's path in both languages, and the `@/` link resolver;
//! - [`markdown`]: Markdown to safe HTML (escaped raw HTML, heading ids, rewritten links);
//! - [`context`]: the serialisable views templates see, built from the model;
//! - [`pages`] and [`form`]: one tera context per HTML page;
//! - [`i18n`], [`dates`]: UI strings and dates in words per language;
//! - [`catalog`], [`feeds`], [`sitemap`]: the side outputs;
//! - [`map`]: the province map (inline SVG on the home page, locator images);
//! - [`theme`]: loading templates, strings and static files once.

pub mod catalog;
pub mod context;
pub mod dates;
pub mod feeds;
pub mod form;
pub mod i18n;
pub mod map;
pub mod markdown;
pub mod pages;
#[cfg(feature = "search")]
mod search;
pub mod sitemap;
pub mod theme;
pub mod urls;

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::content::Site;

pub use theme::Theme;

/// Everything about a render that does not come from the content or the theme.
#[derive(Debug, Clone)]
pub struct Options {
    /// Public base URL without trailing slash, e.g. `https://winner.menpan.go.id`. Used for
    /// canonical URLs, the sitemap, feeds and `catalog.json`; links inside pages are
    /// root-relative (`/provinsi/…`), so the site is served from the root of its host.
    pub base_url: String,
    /// Where the proposal form posts (submit-fn's `/proposals`).
    pub submit_url: String,
    /// "Today" for proposal windows (WIB), from `winner_catalog::clock::today`.
    pub today: time::Date,
}

/// The rendered site: relative output path (`provinsi/banten/index.html`,
/// `static/site.1a2b3c4d.css`) to file contents.
pub type Output = BTreeMap<String, Vec<u8>>;

/// Why the theme could not be loaded or the site not rendered.
///
/// Print with `{}`: template errors carry `file:line:col` and a snippet in their Display.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A theme file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A template failed to compile (syntax, unknown filter, function or include).
    #[error("{0}")]
    Template(tera::Error),
    /// A template failed while rendering one output file.
    #[error("while rendering `{path}`: {source}")]
    Page {
        /// The output file being rendered.
        path: String,
        /// The tera error, with its `file:line:col`.
        source: tera::Error,
    },
    /// A UI strings file is missing, malformed or incomplete.
    #[error("theme strings `{}`: {message}", path.display())]
    Strings {
        /// The `i18n/*.yaml` file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A UI string was asked for that neither language file defines.
    #[error("missing UI string `{key}` for language `{lang}`")]
    MissingString {
        /// Language code.
        lang: &'static str,
        /// The key.
        key: String,
    },
    /// A Markdown link or image points where it must not, or an `@/` link to nothing.
    #[error("{}:{line}: {message}: `{url}`", file.display())]
    Link {
        /// Content file.
        file: PathBuf,
        /// 1-based line in that file.
        line: usize,
        /// The link target as written.
        url: String,
        /// What is wrong with it.
        message: &'static str,
    },
    /// The content refers to something that does not exist (e.g. a topic slug).
    #[error("{0}")]
    Content(String),
    /// The output could not be stored (a write failed); not a content problem.
    #[error("{0}")]
    Output(String),
}

/// One HTML page to render: its output path, template and full context.
pub(crate) struct Job {
    /// Output path, e.g. `provinsi/banten/index.html`.
    pub(crate) path: String,
    /// Template name, e.g. `province.html`.
    pub(crate) template: &'static str,
    /// The template context.
    pub(crate) context: tera::Context,
}

/// Receives each output file as it is rendered: `(relative path, bytes)`. Called from many
/// threads at once; an `Err` stops the render.
pub type Sink<'s> = dyn Fn(String, Vec<u8>) -> Result<(), RenderError> + Sync + 's;

/// Renders the whole site into memory (see [`render_into`]).
pub fn render(site: &Site, theme: &Theme, options: &Options) -> Result<Output, RenderError> {
    let out = std::sync::Mutex::new(Output::new());
    render_into(site, theme, options, &|path, bytes| {
        out.lock()
            .map_err(|_| RenderError::Output("a render thread panicked".into()))?
            .insert(path, bytes);
        Ok(())
    })?;
    out.into_inner()
        .map_err(|_| RenderError::Output("a render thread panicked".into()))
}

/// Renders the whole site: every HTML page in both languages, `catalog.json`, the sitemap,
/// the Atom feeds, `robots.txt`, `404.html` and the theme's static files, handing each file
/// to `sink` as soon as it is rendered. Pages are built, rendered and handed over in
/// parallel; nothing of a page is kept once `sink` returns.
pub fn render_into(
    site: &Site,
    theme: &Theme,
    options: &Options,
    sink: &Sink<'_>,
) -> Result<(), RenderError> {
    let env = context::Env::new(site, theme, options)?;
    let specs = pages::specs(site);
    // The search index is built on a thread of its own while the pages render.
    std::thread::scope(|scope| {
        #[cfg(feature = "search")]
        let search = scope.spawn(|| search::build(&env, &specs));
        #[cfg(not(feature = "search"))]
        let _ = scope;
        render_pages(&env, &specs, sink)?;
        #[cfg(feature = "search")]
        for (path, bytes) in search
            .join()
            .map_err(|_| RenderError::Output("the search index thread panicked".into()))??
        {
            sink(path, bytes)?;
        }
        Ok::<(), RenderError>(())
    })?;
    sink(
        "sitemap.xml".into(),
        sitemap::build(&env, &specs).into_bytes(),
    )?;
    let (path, bytes) = catalog_file(site, options);
    sink(path, bytes)?;
    for (path, body) in feeds::build(&env)? {
        sink(path, body.into_bytes())?;
    }
    sink(
        "robots.txt".into(),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
            options.base_url.trim_end_matches('/')
        )
        .into_bytes(),
    )?;
    for asset in &theme.assets {
        sink(asset.path.clone(), asset.bytes.clone())?;
    }
    for locator in env.locators.values() {
        sink(locator.path.clone(), locator.bytes.clone())?;
    }
    Ok(())
}

/// A part of the site to render again (see [`render_subset`]).
pub(crate) struct Subset<'a> {
    /// The HTML pages.
    pub(crate) pages: Vec<pages::Spec<'a>>,
    /// Whether `catalog.json` is included.
    pub(crate) catalog: bool,
}

/// Renders only `subset` of the site, through the same page code as [`render_into`] (so each
/// file has exactly the bytes a full render gives it), handing each file to `sink`.
/// `locators` are the province locator images of [`context::locators_for`], made once.
pub(crate) fn render_subset(
    site: &Site,
    theme: &Theme,
    options: &Options,
    subset: &Subset<'_>,
    locators: &std::collections::BTreeMap<String, map::Locator>,
    sink: &Sink<'_>,
) -> Result<(), RenderError> {
    let started = std::time::Instant::now();
    let env = context::Env::with_locators(site, theme, options, locators.clone())?;
    tracing::debug!(
        "render env in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    render_pages(&env, &subset.pages, sink)?;
    tracing::debug!(
        "{} pages in {:.1} ms",
        subset.pages.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    if subset.catalog {
        let (path, bytes) = catalog_file(site, options);
        sink(path, bytes)?;
    }
    Ok(())
}

/// Renders `specs` in parallel, handing each page to `sink`.
fn render_pages(
    env: &context::Env<'_>,
    specs: &[pages::Spec<'_>],
    sink: &Sink<'_>,
) -> Result<(), RenderError> {
    specs
        .par_iter()
        .try_for_each(|spec| render_page(env, spec, sink))
}

/// `catalog.json`: its output path and bytes.
fn catalog_file(site: &Site, options: &Options) -> (String, Vec<u8>) {
    (
        "catalog.json".into(),
        catalog::build(site, options).to_json().into_bytes(),
    )
}

/// Builds one page's context, renders it and hands it to `sink`.
fn render_page(
    env: &context::Env<'_>,
    spec: &pages::Spec<'_>,
    sink: &Sink<'_>,
) -> Result<(), RenderError> {
    let job = spec.job(env)?;
    let mut html = Vec::with_capacity(16 * 1024);
    env.theme
        .tera
        .render_to(job.template, &job.context, &mut html)
        .map_err(|source| RenderError::Page {
            path: job.path.clone(),
            source,
        })?;
    sink(job.path, html)
}
